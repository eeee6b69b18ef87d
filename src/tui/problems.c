/* The problems view (F3): every error and warning with its table, row and
 * column labels; Enter goes to the cell. From the grid, n and N go to the
 * next and previous problem. */
#include "tui/tui.h"

#include "base/buf.h"
#include "base/diag.h"
#include "engine/engine.h"
#include "model/form.h"
#include "model/report.h"
#include "base/xmalloc.h"

#include <curses.h>
#include <limits.h>
#include <stdlib.h>

/* Where a problem is, as the list shows it: table › row × column. */
static char *problems_where(const struct problem *p)
{
	struct engine_where w;
	engine_where(p, " › ", &w);
	struct buf b;
	buf_init(&b);
	if (w.table != NULL) {
		buf_puts(&b, w.table->tab);
		if (*w.row)
			buf_printf(&b, " › %s", w.row);
		if (*w.col)
			buf_printf(&b, " × %s", w.col);
	}
	engine_where_free(&w);
	return b.data;
}

/* One problem as the list shows it: what, where, and why it was kept. */
static char *problems_line(const struct problem *p)
{
	char *where = problems_where(p);
	/* a problem of no cell (a roll-up's part gone) is said without a place */
	const char *sep = *where ? ": " : "";
	char *line =
	    p->acknowledged
		? xasprintf("%s %s%s%s (%s)", _("acknowledged"), where, sep, p->message,
			    p->acknowledged)
		: xasprintf("%s %s%s%s", p->severity == DIAG_ERROR ? _("error") : _("warning"),
			    where, sep, p->message);
	free(where);
	return line;
}

void problems_draw(struct app *a)
{
	struct problem *p;
	int n = engine_problems(a->e, &p);
	erase();
	move(0, 0);
	attron(A_BOLD);
	int ne = a->count.errors, nw = a->count.warnings;
	char *errors = xasprintf(ngettext("%d error", "%d errors", ne), ne);
	char *warnings = xasprintf(ngettext("%d warning", "%d warnings", nw), nw);
	char *head =
	    xasprintf(_("Problems: %s, %s  (Enter goes to the cell, Esc back)"), errors, warnings);
	free(errors);
	free(warnings);
	screen_text(a, head, a->cols, ALIGN_LEFT);
	free(head);
	attrset(A_NORMAL);
	if (n == 0) {
		move(2, 2);
		screen_text(a, _("No problems."), a->cols - 2, ALIGN_LEFT);
	}
	if (a->message[0]) {
		move(1, 0);
		attron(A_BOLD);
		screen_text(a, a->message, a->cols, ALIGN_LEFT);
		attrset(A_NORMAL);
	}
	if (a->problem_sel >= n)
		a->problem_sel = n > 0 ? n - 1 : 0;
	/* the selected problem whole, wrapped, below the list: at 80 columns a
	 * line of the list is cut, this never is (up to a third of the screen) */
	char **detail = NULL;
	int nd = 0, shown = 0;
	if (n > 0) {
		char *line = problems_line(&p[a->problem_sel]);
		nd = width_wrap_amb(line, a->cols > 1 ? a->cols - 1 : 1, a->amb, &detail);
		free(line);
		shown = nd < (a->rows - 4) / 3 ? nd : (a->rows - 4) / 3;
	}
	int room = a->rows - 3 - (shown > 0 ? shown + 1 : 0);
	if (room < 1)
		room = 1;
	int top = a->problem_sel >= room ? a->problem_sel - room + 1 : 0;
	for (int i = top, y = 2; i < n && y < 2 + room; i++, y++) {
		char *line = problems_line(&p[i]);
		move(y, 0);
		attrset((i == a->problem_sel ? A_REVERSE : 0) |
			(p[i].severity == DIAG_ERROR ? A_BOLD : 0) |
			(p[i].acknowledged ? A_DIM : 0));
		screen_text(a, line, a->cols, ALIGN_LEFT);
		attrset(A_NORMAL);
		free(line);
	}
	if (shown > 0) {
		int y0 = a->rows - 1 - shown;
		move(y0 - 1, 0);
		attron(A_DIM);
		for (int x = 0; x < a->cols - 1; x++)
			addch('-');
		attrset(A_NORMAL);
		for (int i = 0; i < shown; i++) {
			move(y0 + i, 0);
			screen_text(a, detail[i], a->cols - 1, ALIGN_LEFT);
		}
	}
	width_lines_free(detail, nd);
	move(a->rows - 1, 0);
	attron(A_DIM);
	screen_text(a, _("a acknowledges a warning with a reason (empty reason withdraws it)"),
		    a->cols, ALIGN_LEFT);
	attrset(A_NORMAL);
	engine_problems_free(p, n);
}

void problems_ack_draw(struct app *a)
{
	problems_draw(a);
	edit_draw(a, a->rows - 1, _("Why is this warning kept?"));
}

/* Typing the reason; Enter keeps it in the report, as a change undo can
 * take back. */
int problems_ack_key(struct app *a, int key)
{
	const char *why;
	if (key == KEYS_ESC) {
		a->state = STATE_PROBLEMS;
		return TUI_HANDLED;
	}
	if (key != '\n' && key != '\r') {
		edit_key(&a->ed, key, NULL, &why);
		return TUI_HANDLED;
	}
	a->state = STATE_PROBLEMS;
	struct problem *p;
	int n = engine_problems(a->e, &p);
	if (a->problem_sel < n &&
	    (p[a->problem_sel].kind == PROBLEM_CHECK || p[a->problem_sel].kind == PROBLEM_BREAK)) {
		const struct problem *x = &p[a->problem_sel];
		struct change c = change_ack(x->check, x->block, x->r, x->c, a->ed.buf);
		if (edits_one(a, c, &why) < 0)
			screen_message(a, 1, "%s",
				       _("The reason must be one line of visible text"));
		else if (*a->ed.buf)
			screen_message(a, 0, "%s", _("Acknowledged (u undoes it)"));
		else
			screen_message(a, 0, "%s", _("Acknowledgement withdrawn (u undoes it)"));
	}
	engine_problems_free(p, n);
	return TUI_HANDLED;
}

int problems_key(struct app *a, int key)
{
	switch (key) {
	case 'a': {
		struct problem *p;
		int n = engine_problems(a->e, &p);
		if (a->problem_sel >= n) {
			;
		} else if (screen_readonly(a)) {
			;
		} else if (p[a->problem_sel].severity == DIAG_ERROR) {
			screen_message(a, 1, "%s",
				       _("Errors cannot be acknowledged: they must be put right"));
		} else {
			edit_start_text(&a->ed, p[a->problem_sel].acknowledged);
			a->state = STATE_ACK;
		}
		engine_problems_free(p, n);
		break;
	}
	case KEYS_UP:
	case 'k':
		a->problem_sel -= a->problem_sel > 0;
		break;
	case KEYS_DOWN:
	case 'j':
		a->problem_sel++;
		break;
	case KEYS_PGDN:
		a->problem_sel += a->rows - 3;
		break;
	case KEYS_HOME:
		a->problem_sel = 0;
		break;
	case KEYS_END:
		a->problem_sel = INT_MAX / 2; /* the last: drawing keeps it in the list */
		break;
	case KEYS_PGUP:
		a->problem_sel = a->problem_sel > a->rows - 3 ? a->problem_sel - (a->rows - 3) : 0;
		break;
	case '\n':
	case '\r': {
		struct problem *p;
		int n = engine_problems(a->e, &p);
		if (a->problem_sel < n && p[a->problem_sel].cell >= 0) {
			a->state = STATE_PAGE;
			nav_goto_cell(a, p[a->problem_sel].cell);
		}
		engine_problems_free(p, n);
		break;
	}
	case KEYS_ESC:
	case 'q':
	case KEYS_F(3):
		a->state = STATE_PAGE;
		break;
	default:
		break;
	}
	return TUI_HANDLED;
}

int problems_next(struct app *a, int dir, int from)
{
	struct problem *p;
	int n = engine_problems(a->e, &p), best = -1;
	/* cells are numbered in reading order: the nearest anchor after (or
	 * before) the cursor, wrapping round */
	for (int pass = 0; pass < 2 && best < 0; pass++)
		for (int i = 0; i < n; i++) {
			int c = p[i].cell;
			if (c < 0)
				continue;
			int ahead = dir > 0 ? (pass ? 1 : c > from) : (pass ? 1 : c < from);
			if (ahead && (best < 0 || (dir > 0 ? c < best : c > best)))
				best = c;
		}
	engine_problems_free(p, n);
	return best;
}
