/* Published reports read back: a saved web page or text copied from one
 * (or from a PDF) becomes a report of the form its labels fit, every figure
 * placed by its label, and every decision taken on the way listed. */
#ifndef NIANBAO_IMPORT_H
#define NIANBAO_IMPORT_H
#include <stddef.h>

struct buf;
struct diags;
struct form;
struct report;

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
/* Adds a cell to the last row (a new row when row is set); text is copied
 * and trimmed, its kind decided here. */
void idoc_cell(struct idoc *doc, int new_row, const char *text, size_t len, int line, int tab,
	       int row, int cell);

/* Text copied from a page or a PDF: one cell a line with blank lines between
 * rows, or a row a line separated by tabs, runs of spaces, | or box rules.
 * Invalid UTF-8 fails with file:line:column. */
int import_read_text(const char *name, const char *text, size_t len, struct idoc *doc,
		     struct diags *d);
/* A saved web page in the encoding it declares (UTF-8, GB2312, GBK,
 * GB18030) or, undeclared, the one that decodes; rowspan and colspan
 * resolved. */
int import_read_html(const char *name, const char *bytes, size_t len, struct idoc *doc,
		     struct diags *d);

struct import_opts {
	const char *form_id; /* NULL: the form whose labels fit best */
	int strict;          /* refuse instead of deciding */
};

/* The report doc holds, in the best-fitting of forms[0..n) (or
 * opts->form_id), with its source recorded; every decision is a line
 * "NAME:LINE: ..." in notes. NULL after a diagnostic (strict: one per
 * decision). */
struct report *import_doc(const struct idoc *doc, struct form *const *forms, int nforms,
			  const struct import_opts *opts, struct buf *notes, struct diags *d);

#endif
