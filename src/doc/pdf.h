/* The report as a PDF in the layout of 党政机关公文格式 (GB/T 9704-2012),
 * drawn with cairo and pango: A4, the text block 156 × 225 mm at 37 mm from
 * the top and 28 mm from the left, 22 lines of 28 characters of 3号 仿宋,
 * the title in 2号 小标宋, 一、 headings in 黑体, （一） in 楷体, ruled
 * tables with merged headings repeated under （续表） on a new page, page
 * numbers — 1 — in 4号 宋体 at the right of odd pages and the left of even. */
#ifndef NIANBAO_PDF_H
#define NIANBAO_PDF_H

#include <stdio.h>

struct doc;

enum pdf_role { PDF_TITLE, PDF_BODY, PDF_HEI, PDF_KAI, PDF_SONG, PDF_NROLES };

struct pdf_opts {
	/* the families asked for each role, in order of preference (a
	 * comma-separated list, as fontconfig takes it); NULL: the defaults */
	const char *fonts[PDF_NROLES];
	const char *sha256; /* of the report file, for the metadata */
	const char *form;   /* the form's id, for the metadata */
};

/* The family of each role's default list, for --help and the man page. */
const char *pdf_default_fonts(enum pdf_role role);
/* Writes d as a PDF to out; the families used (one a role, what Chinese
 * text is set in) into used (each to free). 0, or -1 with why. */
int pdf_write(const struct doc *d, const struct pdf_opts *o, FILE *out, char *used[PDF_NROLES],
	      const char **why);

#endif
