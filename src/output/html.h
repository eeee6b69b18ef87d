/* The report as a web page in the official layout: one standalone UTF-8
 * page, the tables with the merged cells of the national format, derived
 * from the form's row and column trees as the text rendering is. */
#ifndef NIANBAO_HTML_H
#define NIANBAO_HTML_H

struct buf;
struct engine;

/* Appends the page of e's report to out. */
void html_report(const struct engine *e, struct buf *out);
/* Appends s with & < > " ' written as entities. */
void html_escape(struct buf *out, const char *s);

#endif
