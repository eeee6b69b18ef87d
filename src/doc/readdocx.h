/* A Word file (.docx) read back as a web page, for nianbao's page reader:
 * its paragraphs and tables in order, merged cells as colspan and
 * rowspan, one line a paragraph or a table's row. */
#ifndef NIANBAO_READDOCX_H
#define NIANBAO_READDOCX_H

struct buf;

/* The page of the Word file at path into out; 0, or -1 with *why. */
int readdocx(const char *path, struct buf *out, const char **why);
/* The same of a Word file's bytes (the fuzz harness's). */
#include <stddef.h>
int readdocx_bytes(const char *data, size_t len, struct buf *out, const char **why);

#endif
