/* A published report as rows of cells, as the readers of text and web pages
 * (importtext.c, importhtml.c) leave it for import.c to place; the cells'
 * kinds are decided by importlabel.c. */
#ifndef NIANBAO_IDOC_H
#define NIANBAO_IDOC_H
#include <stddef.h>

enum icell_kind { IC_LABEL, IC_FIGURE, IC_BLANK };

/* One cell of a published table, or one paragraph of its text. */
struct icell {
	char *text; /* as printed, spaces at either end trimmed */
	enum icell_kind kind;
	int line;           /* line of the source where it starts (1-based) */
	int tab, row, cell; /* a web page's table, row and cell (1-based); 0 in text */
	int indent;         /* starts a paragraph (text a row a line: indented) */
};

struct irow {
	struct icell *cells;
	int n;
};

/* A published report as rows of cells, in reading order. */
struct idoc {
	char *name;
	char sha256[65];
	struct irow *rows;
	int nrows;
	int html;
};

void idoc_free(struct idoc *doc);
/* A cell's text as kept (spaces at either end and invisible characters
 * gone; render --mark's lone ? or ! a blank) and its kind. To free. */
char *idoc_text(const char *text, size_t len, enum icell_kind *kind);
/* Adds a cell to the last row (a new row when row is set); text is copied
 * and trimmed, its kind decided here. */
void idoc_cell(struct idoc *doc, int new_row, const char *text, size_t len, int line, int tab,
	       int row, int cell);

#endif
