/* Every change to the report from the screen goes one way: change_apply
 * (the engine recomputes totals and checks), recorded as a step of undo
 * with the change that undoes it, and appended to the recovery journal
 * before the next key is read. Typing, paste, fill, the editor's text,
 * header fields, acknowledgements, undo and redo, and the edits recovered
 * after a crash all come through here. */
#include "tui/tui.h"

#include "base/diag.h"
#include "engine/engine.h"
#include "model/form.h"
#include "engine/recover.h"
#include "model/report.h"
#include "base/xmalloc.h"

#include <stdlib.h>

/* Appends the applied changes of a step to the journal, synced once;
 * says so when it cannot. */
static void edits_journal(struct app *a, const struct change *c, int n)
{
	struct diags d;
	diags_init(&d);
	if (recover_changes(a->path, a->f, c, n, &d) < 0)
		screen_message(a, 1, _("Warning: edits are not being recorded for recovery: %s"),
			       d.n ? d.v[0].message : "");
	diags_free(&d);
}

/* Column widths follow the cells that changed, table by table. */
static void edits_relayout(struct app *a, const struct change *c, int n, int *first_cell)
{
	const struct ftable *last = NULL;
	for (int i = 0; i < n; i++) {
		if (c[i].kind != CHANGE_CELL)
			continue;
		const struct ftable *t = a->f->cells[c[i].index].block->table;
		if (*first_cell < 0)
			*first_cell = c[i].index;
		if (t != last)
			grid_relayout_table(a, c[i].index);
		last = t;
	}
}

/* Applies c[0..n) as one step. journal: append each to the journal (not
 * for edits replayed from it); skip: a refused change is left out and the
 * rest go on (recovery), else the first refused one ends the step. */
static int edits_run(struct app *a, const struct change *c, int n, int journal, int skip,
		     const char **why)
{
	int step0 = a->hist.done, changed = 0, rc = 0, first_cell = -1;
	*why = NULL;
	history_begin(&a->hist);
	for (int i = 0; i < n; i++) {
		struct change undo = change_undoing(a->e, &c[i]);
		int k = change_apply(a->e, &c[i], why);
		if (k > 0) {
			history_add(&a->hist, &undo, &c[i]);
			changed++;
		}
		change_clear(&undo);
		if (k < 0 && !skip) {
			rc = -1;
			break;
		}
	}
	/* the step as recorded is what reached the report: journalled at once */
	if (journal && changed > 0) {
		const struct history_step *s = &a->hist.steps[a->hist.n - 1];
		struct change *made = xcalloc((size_t)s->n, sizeof *made);
		for (int i = 0; i < s->n; i++)
			made[i] = s->v[i].redo;
		edits_journal(a, made, s->n);
		free(made);
	}
	history_end(&a->hist);
	/* the saved state lay in the redo steps this one replaced: no undo
	 * reaches it again */
	if (a->hist.done > step0 && a->saved_step > step0)
		a->saved_step = -1;
	if (changed > 0) {
		a->modified = 1;
		edits_relayout(a, c, n, &first_cell);
		screen_count(a);
	}
	return rc < 0 ? -1 : changed;
}

int edits_apply(struct app *a, const struct change *c, int n, const char **why)
{
	return edits_run(a, c, n, 1, 0, why);
}

int edits_one(struct app *a, struct change c, const char **why)
{
	int rc = edits_apply(a, &c, 1, why);
	change_clear(&c);
	return rc;
}

void edits_undo(struct app *a, int redo)
{
	const struct history_step *s = redo ? history_redo(&a->hist) : history_undo(&a->hist);
	if (s == NULL) {
		screen_message(a, 1, "%s", redo ? _("Nothing to redo") : _("Nothing to undo"));
		return;
	}
	int first_cell = -1, made = 0;
	struct change *done = xcalloc((size_t)s->n, sizeof *done);
	for (int k = 0; k < s->n; k++) {
		/* undone last change first, redone first change first */
		const struct history_pair *p = &s->v[redo ? k : s->n - 1 - k];
		const struct change *c = redo ? &p->redo : &p->undo;
		const char *why;
		if (change_apply(a->e, c, &why) > 0)
			done[made++] = *c; /* shallow: the history keeps it */
		if (c->kind == CHANGE_CELL && first_cell < 0)
			first_cell = c->index;
	}
	edits_journal(a, done, made);
	free(done);
	grid_relayout(a);
	screen_count(a);
	if (first_cell >= 0)
		nav_goto_cell(a, first_cell);
	/* back at the step last saved: nothing left to save */
	a->modified = a->hist.done != a->saved_step;
	if (redo)
		screen_message(a, 0, ngettext("Redone: %d change", "Redone: %d changes", s->n),
			       s->n);
	else
		screen_message(a, 0, ngettext("Undone: %d change", "Undone: %d changes", s->n),
			       s->n);
}

void edits_recover(struct app *a)
{
	const char *why;
	/* replayed from the journal, so not written to it again; one step,
	 * which u undoes */
	edits_run(a, a->pending.v, a->pending.n, 0, 1, &why);
	grid_relayout(a);
	screen_message(a, 0,
		       ngettext("%d edit recovered; F2 saves it (u undoes it)",
				"%d edits recovered; F2 saves them (u undoes them all)",
				a->pending.n),
		       a->pending.n);
	recover_changes_free(a->pending.v, a->pending.n);
	a->pending.v = NULL;
	a->pending.n = 0;
}
