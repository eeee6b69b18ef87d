/* Sums of reports, exact: value_add keeps every place (1.5 + 2.25 is
 * 3.75); and a roll-up checked against its parts. */
#include "engine/rollup.h"
#include "base/i18n.h"
#include "base/buf.h"
#include "base/diag.h"
#include "model/form.h"
#include "model/linked.h"
#include "model/report.h"
#include "base/sha256.h"
#include "base/text.h"
#include "model/value.h"
#include "base/xmalloc.h"

#include <stdlib.h>
#include <string.h>

struct rollup {
	const struct form *f;
	struct value *sum; /* per cell */
	int *numbers;      /* per cell: reports with a number there */
	int **blank;       /* per cell: the reports (by number) that left it blank */
	int *nblank;
	char **names;
	int n;
	int overflow;
};

struct rollup *rollup_new(const struct form *f)
{
	struct rollup *s = xcalloc(1, sizeof *s);
	s->f = f;
	s->sum = xcalloc((size_t)f->ncells + 1, sizeof *s->sum);
	s->numbers = xcalloc((size_t)f->ncells + 1, sizeof *s->numbers);
	s->blank = xcalloc((size_t)f->ncells + 1, sizeof *s->blank);
	s->nblank = xcalloc((size_t)f->ncells + 1, sizeof *s->nblank);
	return s;
}

void rollup_free(struct rollup *s)
{
	if (s == NULL)
		return;
	for (int i = 0; i < s->f->ncells; i++) {
		value_clear(&s->sum[i]);
		free(s->blank[i]);
	}
	for (int i = 0; i < s->n; i++)
		free(s->names[i]);
	free(s->names);
	free(s->sum);
	free(s->numbers);
	free(s->blank);
	free(s->nblank);
	free(s);
}

int rollup_add(struct rollup *s, const struct report *unit, const char *name, struct buf *notes)
{
	const struct form *f = s->f;
	int k = s->n++;
	s->names = xreallocarray(s->names, (size_t)s->n, sizeof *s->names);
	s->names[k] = xstrdup(name);
	for (int cell = 0; cell < f->ncells; cell++) {
		const struct fcell *fc = &f->cells[cell];
		if (fc->formula != NULL || fc->type.kind == CELL_TEXT)
			continue;
		const struct value *v = &unit->vals[cell];
		if (v->kind != VAL_NUM) {
			s->blank[cell] =
			    xreallocarray(s->blank[cell], (size_t)s->nblank[cell] + 1, sizeof(int));
			s->blank[cell][s->nblank[cell]++] = k;
			continue;
		}
		struct value t;
		if (s->numbers[cell] == 0) {
			value_copy(&s->sum[cell], v);
		} else if (value_add(&s->sum[cell], v, &t) == 0) {
			value_clear(&s->sum[cell]);
			s->sum[cell] = t;
		} else if (!s->overflow) {
			char *row = form_row_path(fc->block, fc->r, " / ");
			buf_printf(notes, _("error: %s, row %s, column %s: the sum is too large\n"),
				   fc->block->table->title, row, fc->block->col[fc->c]->label);
			free(row);
			s->overflow = 1;
		}
		s->numbers[cell]++;
	}
	return s->overflow ? -1 : 0;
}

void rollup_finish(const struct rollup *s, struct report *out, struct buf *notes)
{
	const struct form *f = s->f;
	for (int cell = 0; cell < f->ncells; cell++) {
		const struct fcell *fc = &f->cells[cell];
		if (fc->formula != NULL || fc->type.kind == CELL_TEXT)
			continue;
		if (s->numbers[cell] > 0 && s->nblank[cell] > 0 && notes != NULL) {
			char *row = form_row_path(fc->block, fc->r, " / ");
			buf_printf(
			    notes,
			    _("warning: %s, row %s, column %s: blank in %d of %d reports, summed "
			      "without them:"),
			    fc->block->table->title, row, fc->block->col[fc->c]->label,
			    s->nblank[cell], s->n);
			for (int i = 0; i < s->nblank[cell]; i++)
				buf_printf(notes, " %s", text_name(s->names[s->blank[cell][i]]));
			buf_puts(notes, "\n");
			free(row);
		}
		value_clear(&out->vals[cell]);
		if (s->numbers[cell] > 0)
			value_copy(&out->vals[cell], &s->sum[cell]);
	}
}

static void rollup_problem(struct rollup_problem **v, int *n, enum diag_severity sev,
			   const char *check, int cell, char *message)
{
	*v = xgrow(*v, (size_t)*n, sizeof **v);
	(*v)[(*n)++] = (struct rollup_problem){sev, check, cell, message};
}

int rollup_read_parts(const struct report *r, const char *path, struct rollup_problem **out,
		      struct report **sums)
{
	struct rollup_problem *v = NULL;
	int n = 0;
	struct rollup *sum = rollup_new(r->form);
	int all = 1;
	for (int i = 0; i < r->nparts; i++) {
		const struct report_part *p = &r->parts[i];
		char h[65], *why;
		char *name = linked_name(path, p->file);
		struct report *unit = linked_load(path, p->file, r->form, h, &why);
		if (unit == NULL && h[0] == '\0') {
			rollup_problem(&v, &n, DIAG_WARNING, "rollup_part", -1,
				       xasprintf(_("part %s cannot be read (%s): the sums are not "
						   "checked against it"),
						 name, why));
			all = 0;
		} else {
			if (strcmp(h, p->sha256) != 0)
				rollup_problem(
				    &v, &n, DIAG_ERROR, "rollup_part", -1,
				    xasprintf(_("part %s (%s) has changed since it was summed"),
					      name, text_name(p->organ)));
			if (unit == NULL) {
				rollup_problem(
				    &v, &n, DIAG_ERROR, "rollup_part", -1,
				    xasprintf(_("part %s cannot be loaded: %s"), name, why));
				all = 0;
			} else {
				rollup_add(sum, unit, p->file, NULL);
				report_free(unit);
			}
		}
		free(why);
		free(name);
	}
	*sums = NULL;
	if (all && r->nparts > 0) {
		*sums = report_new(r->form);
		rollup_finish(sum, *sums, NULL);
	}
	rollup_free(sum);
	*out = v;
	return n;
}

char *rollup_cell_problem(const struct report *r, const struct report *sums, int cell)
{
	const struct fcell *fc = &r->form->cells[cell];
	if (sums == NULL || fc->formula != NULL || value_same(&sums->vals[cell], &r->vals[cell]))
		return NULL;
	char *a = value_str(&r->vals[cell]), *s = value_str(&sums->vals[cell]);
	char *m = xasprintf(_("the roll-up has %s, its parts now sum to %s"), *a ? a : _("a blank"),
			    *s ? s : _("a blank"));
	free(a);
	free(s);
	return m;
}

static int rollup_check_sums(const struct report *r, const struct report *sums,
			     struct rollup_problem **v, int n)
{
	for (int cell = 0; sums != NULL && cell < r->form->ncells; cell++) {
		char *m = rollup_cell_problem(r, sums, cell);
		if (m != NULL)
			rollup_problem(v, &n, DIAG_ERROR, "rollup_sum", cell, m);
	}
	return n;
}

int rollup_verify(const struct report *r, const char *path, struct rollup_problem **out)
{
	struct report *sums;
	int n = rollup_read_parts(r, path, out, &sums);
	n = rollup_check_sums(r, sums, out, n);
	report_free(sums);
	return n;
}

void rollup_problems_free(struct rollup_problem *v, int n)
{
	for (int i = 0; i < n; i++)
		free(v[i].message);
	free(v);
}
