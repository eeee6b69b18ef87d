/* A published report as rows of cells, as the readers of text and web pages
 * (importtext.c, importhtml.c) leave it for import.c to place; the cells'
 * kinds are decided by importlabel.c. */
#ifndef NIANBAO_IDOC_H
#define NIANBAO_IDOC_H
#include <stddef.h>

struct diags;

enum icell_kind { IC_LABEL, IC_FIGURE, IC_BLANK };

/* One cell of a published table, or one paragraph of its text. */
struct icell {
	char *text; /* as printed, spaces at either end trimmed */
	enum icell_kind kind;
	int line;           /* line of the source where it starts (1-based) */
	int tab, row, cell; /* a web page's table, row and cell (1-based); 0 in text */
	int indent;         /* starts a paragraph (text a row a line: indented) */
	char *norm;         /* a label as compared (imp_norm), NULL for the rest */
	int x0, x1;         /* a text's cell: its display columns in its line,
			     * from x0 to before x1 (x1 0: not known) */
};

struct irow {
	struct icell *cells;
	int n;
};

/* The cells' texts are kept in chunks of the document, not one
 * allocation each. */
struct idoc_chunk;

/* A published report as rows of cells, in reading order. */
struct idoc {
	char *name;
	char sha256[65];
	struct irow *rows;
	int nrows;
	int html;
	struct idoc_chunk *texts;
	long ncells;
	/* characters that show nothing or reorder text (text_invisible), left
	 * out of the cells: how many, and the line of the first */
	long dropped;
	int dropped_line;
	/* set when the reader gave up: what was too much, and the line there */
	const char *refused;
	int refused_line;
};

/* A page or text of more cells than this is no report (a real one has a
 * few thousand): the reader stops there, said, instead of taking memory
 * without end. */
#define IDOC_MAX_CELLS 5000000
/* A table row spanning more columns than this is no report's table (one
 * has at most some twenty). */
#define IDOC_MAX_COLUMNS 1000

void idoc_free(struct idoc *doc);
/* The kind of a cell of that text (spaces at either end and invisible
 * characters go; render --mark's lone ? or ! is a blank). */
enum icell_kind idoc_kind(const char *text, size_t len);
/* Adds a cell to the last row (a new row when row is set); text is copied
 * (into the document's chunks) and trimmed, its kind decided here. Past
 * IDOC_MAX_CELLS nothing is added and the document is refused. */
void idoc_cell(struct idoc *doc, int new_row, const char *text, size_t len, int line, int tab,
	       int row, int cell);

/* The display columns of the cell just added (a text's, where it stood in
 * its line). */
void idoc_cell_x(struct idoc *doc, int x0, int x1);
/* Marks the document refused (the first reason stays). */
void idoc_refuse(struct idoc *doc, int line, const char *why);
/* 0, or -1 with the diagnostic of a refused document. */
int idoc_check(const struct idoc *doc, struct diags *d);

#endif
