/* Pages: the rendered pieces laid out on pages of a fixed number of lines,
 * separated by form feeds, a table row never split and a table continued on
 * the next page under its headings again; each page numbered at its foot,
 * and optionally a footer tying the paper to the file it came from. */
#ifndef NIANBAO_PAGE_H
#define NIANBAO_PAGE_H

struct buf;
struct diags;
struct engine;
struct render_opts;

#define PAGE_MIN_LINES 20

/* The whole report as text: rendered, paginated and encoded as the
 * options say. */
int page_report(const struct engine *e, const struct render_opts *o, struct buf *out,
		struct diags *d);

/* The footer text: form id and version, a short hash of the report as
 * saved, and the count of errors, warnings and acknowledged warnings
 * (engine_count, as the screen and check count them). */
char *page_footer(const struct engine *e);

#endif
