/* A roll-up's units of one cell (D on a roll-up made by nianbao sum): each
 * part's value of the cell, largest first, blanks marked, a bar of its
 * share of the total; Enter opens that unit's report at that cell (a
 * nianbao of its own, as a text opens in the editor), and back here when
 * it ends. */
#include "tui/tui.h"

#include "base/child.h"
#include "base/diag.h"
#include "model/form.h"
#include "model/linked.h"
#include "model/report.h"
#include "model/value.h"
#include "base/xmalloc.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void units_free(struct app *a)
{
	for (int i = 0; i < a->units.n; i++) {
		free(a->units.v[i].file);
		free(a->units.v[i].path);
		free(a->units.v[i].organ);
		value_clear(&a->units.v[i].v);
	}
	free(a->units.v);
	a->units.v = NULL;
	a->units.n = 0;
}

/* Largest first, blanks last, then by file. */
static int units_cmp(const void *x, const void *y)
{
	const struct unit_row *p = x, *q = y;
	int pb = p->v.kind != VAL_NUM, qb = q->v.kind != VAL_NUM;
	if (pb != qb)
		return pb - qb;
	int c = pb ? 0 : value_cmp(&q->v, &p->v);
	return c ? c : strcmp(p->file, q->file);
}

/* Reads each part's value of the cell again. */
static void units_load(struct app *a)
{
	units_free(a);
	const struct report *r = a->r;
	a->units.v = xcalloc((size_t)r->nparts + 1, sizeof *a->units.v);
	for (int i = 0; i < r->nparts; i++) {
		struct unit_row *u = &a->units.v[a->units.n++];
		const char *f = r->parts[i].file;
		u->file = xstrdup(f);
		u->organ = xstrdup(r->parts[i].organ);
		u->path = report_beside(a->path, f);
		char *why;
		struct report *unit = linked_load(a->path, f, r->form, NULL, &why);
		u->missing = unit == NULL;
		if (unit != NULL)
			value_copy(&u->v, &unit->vals[a->units.cell]);
		report_free(unit);
		free(why);
	}
	qsort(a->units.v, (size_t)a->units.n, sizeof *a->units.v, units_cmp);
}

int units_open(struct app *a, int cell)
{
	if (a->r->nparts == 0) {
		screen_message(
		    a, 1, "%s",
		    _("Not a roll-up: D lists the reports summed into one (nianbao sum)"));
		return -1;
	}
	a->units.cell = cell;
	a->units.sel = 0;
	units_load(a);
	a->state = STATE_UNITS;
	return 0;
}

/* v's share of total (positive), per thousand, rounded, in integers: both
 * brought to one scale, and divided down together while the product
 * could overflow. */
static int units_share(const struct value *v, const struct value *total)
{
	int64_t x = v->num, t = total->num;
	for (int s = v->scale; s < total->scale; s++)
		x = x > INT64_MAX / 10 ? INT64_MAX / 10 : x * 10;
	for (int s = total->scale; s < v->scale; s++)
		t = t > INT64_MAX / 10 ? INT64_MAX / 10 : t * 10;
	while (x > INT64_MAX / 1000 || t > INT64_MAX / 1000)
		x /= 10, t /= 10;
	if (t <= 0 || x < 0)
		return 0;
	return (int)((x * 1000 + t / 2) / t);
}

void units_draw(struct app *a)
{
	erase();
	const struct fcell *fc = &a->f->cells[a->units.cell];
	char *row = form_row_path(fc->block, fc->r, " / ");
	char *col = form_col_path(fc->block, fc->c, " / ");
	char *head =
	    xasprintf(_("%s x %s: each report's value (Enter opens it, Esc back)"), row, col);
	attron(A_BOLD);
	move(0, 0);
	screen_text(a, head, a->cols, ALIGN_LEFT);
	attroff(A_BOLD);
	free(head);
	free(row);
	free(col);
	/* the total of the numbers, exactly (as the roll-up adds them), for
	 * each one's share */
	struct value total = {VAL_NUM, 0, 0, NULL};
	int exact = 1;
	for (int i = 0; i < a->units.n && exact; i++)
		if (a->units.v[i].v.kind == VAL_NUM)
			exact = value_add(&total, &a->units.v[i].v, &total) == 0;
	int namew = a->cols > 60 ? a->cols / 3 : 20, valw = 12, barw = a->cols - namew - valw - 8;
	int top = a->units.sel >= a->rows - 3 ? a->units.sel - (a->rows - 4) : 0;
	for (int i = top, y = 2; i < a->units.n && y < a->rows - 1; i++, y++) {
		const struct unit_row *u = &a->units.v[i];
		move(y, 0);
		if (i == a->units.sel)
			attron(A_REVERSE);
		char *name = xasprintf("%s (%s)", *u->organ ? u->organ : u->file, u->file);
		screen_text(a, name, namew, ALIGN_LEFT);
		free(name);
		char *v = u->missing             ? xstrdup(_("cannot be read"))
			  : u->v.kind == VAL_NUM ? value_str(&u->v)
						 : xstrdup(_("blank"));
		screen_text(a, v, valw, ALIGN_RIGHT);
		addstr("  ");
		free(v);
		int share = -1; /* per thousand; -1 when it has none */
		if (u->v.kind == VAL_NUM && exact && total.num > 0)
			share = units_share(&u->v, &total);
		for (int k = 0; share > 0 && k < (share * (barw > 0 ? barw : 0) + 500) / 1000; k++)
			addch('#');
		if (share >= 0) {
			char pct[16];
			snprintf(pct, sizeof pct, " %d%%", (share + 5) / 10);
			addstr(pct);
		}
		attroff(A_REVERSE);
	}
	move(a->rows - 1, 0);
	screen_text(a, a->message, a->cols, ALIGN_LEFT);
}

/* Opens the selected unit's report at the cell, in a nianbao of its own. */
static void units_enter(struct app *a)
{
	if (a->units.n == 0)
		return;
	const struct unit_row *u = &a->units.v[a->units.sel];
	/* this very program, whatever its path holds (spaces) and even if it
	 * was replaced on disk meanwhile; its arguments as words, unsplit */
	char *where = report_cell_path(a->f, a->units.cell);
	char *cell = xasprintf("--cell=%s", where);
	/* a part named -x.yaml is a file, not an option */
	char *file = u->path[0] == '-' ? xasprintf("./%s", u->path) : xstrdup(u->path);
	char *argv[] = {"nianbao", cell, file, NULL};
	screen_suspend();
	int status = child_run_argv("/proc/self/exe", argv, NULL, 0, NULL, 0);
	screen_resume();
	if (status != 0)
		screen_message(a, 1, _("%s ended with status %d"), u->file, status);
	else
		screen_message(a, 0, _("Back from %s"), u->file);
	free(file);
	free(cell);
	free(where);
	int sel = a->units.sel;
	units_load(a); /* it may have changed there */
	a->units.sel = sel < a->units.n ? sel : 0;
}

int units_key(struct app *a, int key)
{
	switch (key) {
	case KEYS_UP:
	case 'k':
		if (a->units.sel > 0)
			a->units.sel--;
		break;
	case KEYS_DOWN:
	case 'j':
		if (a->units.sel + 1 < a->units.n)
			a->units.sel++;
		break;
	case '\n':
	case '\r':
		units_enter(a);
		break;
	case KEYS_ESC:
	case 'q':
	case 'D':
		units_free(a);
		a->state = STATE_PAGE;
		break;
	default:
		return 0;
	}
	return TUI_HANDLED;
}
