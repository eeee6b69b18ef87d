/* Every change to the report from the screen: through the engine (totals
 * and checks follow), into the undo history, into the recovery journal. Undo
 * and redo apply a recorded step the same way. */
#include "tui.h"

#include "diag.h"
#include "engine.h"
#include "form.h"
#include "recover.h"
#include "report.h"
#include "text.h"
#include "xmalloc.h"

#include <stdlib.h>
#include <string.h>

/* Puts a value into the model, for undo as well as for the clerk. */
static void change_apply_cell(struct app *a, int cell, const struct value *v)
{
	if (engine_edit(a->e, cell, v) > 0) {
		a->modified = 1;
		session_journal(a, cell);
	}
}

static void change_apply_text(struct app *a, enum history_kind kind, int index, const char *text)
{
	const char *why;
	struct diags d;
	diags_init(&d);
	if (kind == HIST_HEADER)
		report_set_header(a->r, index, text, &why);
	else
		report_set_prose(a->r, index, text);
	const char *now = kind == HIST_HEADER ? a->r->header[index] : a->r->prose[index];
	if (recover_text(a->path, a->f, kind == HIST_HEADER ? RECOVER_HEADER : RECOVER_PROSE, index,
			 now, &d) < 0)
		app_message(a, 1, "%s", d.n ? d.v[0].message : "");
	diags_free(&d);
	a->modified = 1;
}

/* A new step was recorded from `before` steps: if the saved state lay in
 * the redo steps it replaced, no undo can reach it again. */
static void change_recorded(struct app *a, int before)
{
	if (a->hist.done > before && a->saved_step > before)
		a->saved_step = -1;
}

void change_cell(struct app *a, int cell, const struct value *v)
{
	if (value_identical(&a->r->vals[cell], v))
		return;
	int step0 = a->hist.done;
	history_begin(&a->hist);
	history_cell(&a->hist, cell, &a->r->vals[cell], v);
	history_end(&a->hist);
	change_recorded(a, step0);
	change_apply_cell(a, cell, v);
	grid_relayout_table(a, cell);
	app_count(a);
}

void change_cells(struct app *a, int n, const struct cell_value *cv)
{
	int step0 = a->hist.done;
	history_begin(&a->hist);
	for (int i = 0; i < n; i++) {
		int cell = cv[i].cell;
		const struct value *v = &cv[i].v;
		if (value_identical(&a->r->vals[cell], v))
			continue;
		history_cell(&a->hist, cell, &a->r->vals[cell], v);
		change_apply_cell(a, cell, v);
	}
	history_end(&a->hist);
	change_recorded(a, step0);
	if (n > 0)
		grid_relayout_table(a, cv[0].cell); /* a paste or a fill stays in one table */
	app_count(a);
}

static int change_same_text(const char *x, const char *y)
{
	return (x == NULL && y == NULL) || (x && y && strcmp(x, y) == 0);
}

void change_header(struct app *a, int field, const char *text)
{
	const char *now = text && *text ? text : NULL;
	if (change_same_text(a->r->header[field], now))
		return;
	int step0 = a->hist.done;
	history_begin(&a->hist);
	history_text(&a->hist, HIST_HEADER, field, a->r->header[field], now);
	history_end(&a->hist);
	change_recorded(a, step0);
	change_apply_text(a, HIST_HEADER, field, now);
}

void change_prose(struct app *a, int prose, const char *text)
{
	size_t bad;
	const char *why;
	if (text != NULL && text_check(text, TEXT_PROSE, &bad, &why) < 0) {
		/* what the editor left is data, never control: refused whole */
		char *q = text_quote(text + bad, 12);
		app_message(a, 1, _("The text was not taken: it %s (at '%s')"), _(why), q);
		free(q);
		return;
	}
	char *before = a->r->prose[prose] ? xstrdup(a->r->prose[prose]) : NULL;
	report_set_prose(a->r, prose, text); /* normalised, to compare */
	char *after = a->r->prose[prose] ? xstrdup(a->r->prose[prose]) : NULL;
	report_set_prose(a->r, prose, before);
	if (!change_same_text(before, after)) {
		int step0 = a->hist.done;
		history_begin(&a->hist);
		history_text(&a->hist, HIST_PROSE, prose, before, after);
		history_end(&a->hist);
		change_recorded(a, step0);
		change_apply_text(a, HIST_PROSE, prose, after);
		app_message(a, 0, "%s", _("The text is back in the report (u undoes it)"));
	} else {
		app_message(a, 0, "%s", _("The text was not changed"));
	}
	free(before);
	free(after);
}

/* Undo (redo = 0) or redo one step, through the engine like any edit. */
void change_undo(struct app *a, int redo)
{
	const struct history_step *s = redo ? history_redo(&a->hist) : history_undo(&a->hist);
	if (s == NULL) {
		app_message(a, 1, "%s", redo ? _("Nothing to redo") : _("Nothing to undo"));
		return;
	}
	int first_cell = -1;
	for (int k = 0; k < s->n; k++) {
		const struct history_change *c = &s->v[redo ? k : s->n - 1 - k];
		if (c->kind == HIST_CELL) {
			change_apply_cell(a, c->index, redo ? &c->after : &c->before);
			if (first_cell < 0)
				first_cell = c->index;
		} else {
			change_apply_text(a, c->kind, c->index,
					  redo ? c->text_after : c->text_before);
		}
	}
	grid_relayout(a);
	app_count(a);
	if (first_cell >= 0)
		app_goto_cell(a, first_cell);
	/* back at the step last saved: nothing left to save */
	a->modified = a->hist.done != a->saved_step;
	if (redo)
		app_message(a, 0, ngettext("Redone: %d change", "Redone: %d changes", s->n), s->n);
	else
		app_message(a, 0, ngettext("Undone: %d change", "Undone: %d changes", s->n), s->n);
}
