/* The report as a Word document (.docx) that WPS, Word and LibreOffice
 * open as an ordinary editable file, for the office to add its 红头, seal
 * and approvals: styles for the title, the body and the two levels of
 * headings with East Asian font names, A4 with the margins of the PDF,
 * real tables with merged cells (gridSpan, vMerge) and heading rows that
 * repeat, page numbers in the footers (odd at the right, even at the left).
 * Written with libxml2's writer into a zip made by libzip. */
#ifndef NIANBAO_DOCX_H
#define NIANBAO_DOCX_H

#include <stdio.h>

struct doc;

/* Writes d as a .docx to out, the report file's SHA-256 in its
 * properties. 0, or -1 with why. */
int docx_write(const struct doc *d, const char *sha256, FILE *out, const char **why);

#endif
