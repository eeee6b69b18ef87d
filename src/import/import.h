/* Published reports read back: a saved web page or text copied from one
 * (or from a PDF) becomes a report of the form its labels fit, every figure
 * placed by its label, and every decision taken on the way listed. */
#ifndef NIANBAO_IMPORT_H
#define NIANBAO_IMPORT_H
#include "import/idoc.h"

#include <stddef.h>

struct buf;
struct diags;
struct form;
struct report;

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
	int *decisions;      /* when not NULL: how many decisions were taken */
};

/* The forms a document may be read into, with their labels normalised and
 * indexed once for any number of documents (check --html of a province's
 * pages normalises them once, not once a page). When take, the forms and
 * the array (allocated) are freed with it; otherwise they stay the
 * caller's and must outlive it. */
struct import_forms;
struct import_forms *import_forms_new(struct form **forms, int n, int take);
void import_forms_free(struct import_forms *k);

/* The report doc holds, in the best-fitting of the forms (or
 * opts->form_id), with its source recorded; every decision is a line
 * "NAME:LINE: ..." in notes (when not NULL). NULL after a diagnostic (strict: one per
 * decision). */
struct report *import_doc(const struct idoc *doc, struct import_forms *forms,
			  const struct import_opts *opts, struct buf *notes, struct diags *d);

#endif
