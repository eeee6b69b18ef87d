/* The plain-text rendering of a report for printing: the header, the prose
 * wrapped by Chinese rules, and every table drawn with ruled lines, columns
 * aligned by display width, split into parts where it is too wide. */
#ifndef NIANBAO_RENDER_H
#define NIANBAO_RENDER_H

struct buf;
struct diags;
struct engine;
struct fblock;
struct report;

#include "model/layout.h"

struct fnode;

struct render_opts {
	int width;            /* display columns every line fits in */
	int ascii;            /* + - | instead of box drawing */
	int wide_ambiguous;   /* ambiguous-width characters print two columns wide */
	int mark;             /* mark cells in failing checks (review copies) */
	int page_lines;       /* lines per page, 0 for one long page */
	int footer;           /* a line tying each page to the file */
	const char *encoding; /* NULL or "UTF-8", else converted through iconv */
	/* last year's report: each value column is then three, 本年 上年 增减
	 * (NULL: off) */
	const struct report *previous;
};

struct render_opts render_defaults(void);

/* A block laid out once, to be drawn whole or a run of rows at a time. */
struct render_table {
	const struct fblock *b;
	struct fblock *own; /* b when it is the comparison made for o->previous */
	const struct render_opts *o;
	char **cells;
	struct layout L;
	const struct fnode **items; /* rows in print order, groups included */
	int nitems;
};

struct render_table *render_table_new(const struct engine *e, const struct fblock *b,
				      const struct render_opts *o, int min_total);
void render_table_free(struct render_table *t);
int render_table_width(const struct render_table *t);
/* Draws part `part` with its headings and the rows items[from..to). */
void render_table_rows(const struct render_table *t, int part, int from, int to, struct buf *out);

/* The report as a list of pieces: a line of text, or one part of a table
 * that a pager may split between rows. */
struct render_piece {
	char *line;             /* a line of text without its newline, or NULL */
	struct render_table *t; /* else a table part */
	int part;
};

struct render_doc {
	struct render_piece *v;
	int n;
	struct render_table **tables;
	int ntables;
};

void render_document(const struct engine *e, const struct render_opts *o, struct render_doc *doc);
void render_doc_free(struct render_doc *doc);

#endif
