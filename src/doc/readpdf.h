/* A PDF read back as text, for nianbao's text reader: each character
 * where the page put it, a line a baseline, cells parted by the gaps
 * between them, pages ended by form feeds. */
#ifndef NIANBAO_READPDF_H
#define NIANBAO_READPDF_H

struct buf;

/* The text of the PDF at path into out, and its pages; 0, -2 when it holds
 * no text (a scan), -1 when it cannot be read; *why says why. */
int readpdf(const char *path, struct buf *out, const char **why, int *pages);
/* The same of a PDF's bytes (the fuzz harness's). */
#include <stddef.h>
int readpdf_bytes(const char *data, size_t len, struct buf *out, const char **why, int *pages);

#endif
