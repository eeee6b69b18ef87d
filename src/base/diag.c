/* Diagnostics list. */
#include "base/diag.h"
#include "base/i18n.h"
#include "base/text.h"
#include "base/xmalloc.h"

#include <stdarg.h>
#include <stdlib.h>

void diags_init(struct diags *d)
{
	d->v = NULL;
	d->n = d->cap = 0;
}

void diags_drop(struct diags *d, size_t keep)
{
	for (size_t i = keep; i < d->n; i++) {
		free(d->v[i].file);
		free(d->v[i].message);
	}
	if (keep < d->n)
		d->n = keep;
}

void diags_free(struct diags *d)
{
	diags_drop(d, 0);
	free(d->v);
	diags_init(d);
}

void diags_add(struct diags *d, enum diag_severity sev, const char *file, int line, int column,
	       const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diags_vadd(d, sev, file, line, column, fmt, ap);
	va_end(ap);
}

void diags_vadd(struct diags *d, enum diag_severity sev, const char *file, int line, int column,
		const char *fmt, va_list ap)
{
	if (d->n == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 8;
		d->v = xreallocarray(d->v, d->cap, sizeof *d->v);
	}
	struct diag *g = &d->v[d->n++];
	g->file = file ? xstrdup(file) : NULL;
	g->line = line;
	g->column = column;
	g->severity = sev;
	/* every diagnostic's format is a msgid (make update-po extracts them
	 * by the Makefile's XGETTEXT_KEYWORDS), translated here */
	const char *f = _(fmt);
	va_list again;
	va_copy(again, ap);
	int n = vsnprintf(NULL, 0, f, ap);
	char *raw = xmalloc(n > 0 ? (size_t)n + 1 : 1);
	vsnprintf(raw, n > 0 ? (size_t)n + 1 : 1, f, again);
	va_end(again);
	/* whatever a message quotes reaches a terminal escaped, and not 7 MB */
	g->message = text_quote(raw, DIAG_MAX_CHARS);
	free(raw);
}

void diags_print(const struct diags *d, FILE *fp)
{
	for (size_t i = 0; i < d->n; i++) {
		const struct diag *g = &d->v[i];
		const char *file = text_name(g->file); /* a name's escapes, quoted */
		if (file != NULL && g->line > 0 && g->column > 0)
			fprintf(fp, "%s:%d:%d: ", file, g->line, g->column);
		else if (file != NULL && g->line > 0)
			fprintf(fp, "%s:%d: ", file, g->line); /* a line of a page */
		else if (file != NULL)
			fprintf(fp, "%s: ", file);
		fprintf(fp, "%s: %s\n", g->severity == DIAG_ERROR ? _("error") : _("warning"),
			g->message);
	}
}
