/* The page screen: the title line (file, organ, year, form, the count of
 * problems), the tabs, the page itself, the status line and the keys
 * line; and the mouse on it (a tab, a cell, the wheel). */
#include "tui/tui.h"

#include "model/form.h"
#include "model/report.h"
#include "base/xmalloc.h"

#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *frame_basename(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

static void frame_title(const struct app *a)
{
	int k = form_hfield(a->f, "organ"), y = form_hfield(a->f, "year");
	char right[128];
	int used = snprintf(right, sizeof right, _("errors %d  warnings %d"), a->count.errors,
			    a->count.warnings);
	if (a->count.acknowledged > 0)
		snprintf(right + used, sizeof right - (size_t)used, _(" (+%d acknowledged)"),
			 a->count.acknowledged);
	/* the file, the organ and its year, the form's title: when they do not
	 * fit, the title goes first, then the organ's name is cut, never the
	 * year. The marker has a slot of its own, so setting it moves nothing */
	const char *organ = k >= 0 && a->r->header[k] ? a->r->header[k] : "";
	const char *year = y >= 0 && a->r->header[y] ? a->r->header[y] : "";
	int room = a->cols - (width_str_amb(right, a->amb) + 1);
	char *file = xasprintf("%s%s  ", frame_basename(a->path), a->modified ? " [+]" : "    ");
	int fixed = width_str_amb(file, a->amb) + (*year ? 1 + width_str_amb(year, a->amb) : 0);
	int ow = width_str_amb(organ, a->amb);
	char *left;
	if (fixed + ow > room && room - fixed > 2) {
		/* the organ's name gives way to the year */
		size_t n = width_fit_amb(organ, room - fixed - 1, a->amb);
		left = xasprintf("%s%.*s~%s%s", file, (int)n, organ, *year ? " " : "", year);
	} else { /* the title cut at the right, if need be */
		left = xasprintf("%s%s%s%s  %s", file, organ, *year ? " " : "", year, a->f->title);
	}
	free(file);
	int rw = width_str_amb(right, a->amb) + 1;
	attron(A_REVERSE);
	move(0, 0);
	screen_text(a, left, a->cols - rw > 0 ? a->cols - rw : 0, ALIGN_LEFT);
	if (a->cols - rw > 0)
		screen_text(a, right, rw, ALIGN_RIGHT); /* only its digits change: cheap */
	attrset(A_NORMAL);
	free(left);
}

/* The name a tab shows: in full, or when they do not all fit (but for the
 * current one) the short name before a space: 表三 for 表三 依申请公开. */
static char *frame_tab_name(const struct app *a, int i)
{
	int total = 0;
	for (int k = 0; k < a->npages; k++)
		total += width_str_amb(a->pages[k].name, a->amb) + 3;
	const char *name = a->pages[i].name;
	const char *space = strchr(name, ' ');
	size_t len =
	    total > a->cols && i != a->page && space ? (size_t)(space - name) : strlen(name);
	return xstrndup(name, len);
}

/* The page whose tab is at column x, or -1. */
static int frame_tab_at(const struct app *a, int x)
{
	for (int i = 0, left = 0; i < a->npages && left < a->cols; i++) {
		char *shown = frame_tab_name(a, i);
		int w = width_str_amb(shown, a->amb) + 2;
		free(shown);
		if (x >= left && x < left + w)
			return i;
		left += w + 1;
	}
	return -1;
}

static void frame_tabs(const struct app *a)
{
	move(1, 0);
	int x = 0;
	for (int i = 0; i < a->npages && x < a->cols; i++) {
		char *shown = frame_tab_name(a, i);
		int w = width_str_amb(shown, a->amb) + 2;
		if (x + w > a->cols)
			w = a->cols - x;
		attrset(i == a->page ? A_REVERSE | A_BOLD : A_NORMAL);
		screen_text(a, shown, w, ALIGN_CENTER);
		attrset(A_NORMAL);
		free(shown);
		x += w;
		if (x < a->cols)
			addch(' '), x++;
	}
	for (; x < a->cols; x++)
		addch(' ');
}

/* The status line: a message when there is one, else the page's own. */
static void frame_status(const struct app *a)
{
	move(a->rows - 2, 0);
	if (a->message[0]) {
		attrset(a->message_error ? A_BOLD : A_NORMAL);
		screen_text(a, a->message, a->cols, ALIGN_LEFT);
		attrset(A_NORMAL);
		return;
	}
	if (a->readonly) {
		attron(A_BOLD);
		screen_text(a, _("Read-only: the report is open in another nianbao"), a->cols,
			    ALIGN_LEFT);
		attrset(A_NORMAL);
		return;
	}
	page_ops[a->pages[a->page].kind].status(a);
}

const struct page_ops page_ops[] = {
    [PAGE_COVER] = {cover_draw, cover_status, cover_key, cover_typing_key},
    [PAGE_PROSE] = {prose_draw, prose_status, prose_key, NULL},
    [PAGE_TABLE] = {grid_draw, sheet_status, sheet_key, sheet_typing_key},
};

void frame_draw(struct app *a)
{
	frame_title(a);
	frame_tabs(a);
	a->cursor_y = -1;
	page_ops[a->pages[a->page].kind].draw(a, 2, a->rows - 3);
	int cy, cx;
	getyx(stdscr, cy, cx);
	frame_status(a);
	move(a->rows - 1, 0);
	attron(A_DIM);
	screen_text(a, _("F1 help  F2 save  F3 problems  F4 preview  F10 quit  [ ] pages  u undo"),
		    a->cols, ALIGN_LEFT);
	attrset(A_NORMAL);
	curs_set(0);
	/* a hidden cursor is left where the last change was drawn: moving it
	 * to the key line after every change cost bytes on every key */
	leaveok(stdscr, a->state != STATE_TYPING);
	if (a->state == STATE_TYPING) {
		/* the cursor stays where the text is typed */
		if (a->cursor_y >= 0) /* a cell's or a cover field's */
			move(a->cursor_y, a->cursor_x);
		else
			move(cy, cx);
		curs_set(1);
	}
}

int frame_mouse(struct app *a)
{
	const struct keys_event ev = a->ev;
	enum page_kind kind = a->pages[a->page].kind;
	if (ev.button == 64 || ev.button == 65) {
		int dir = ev.button == 64 ? -1 : 1;
		for (int i = 0; i < 3; i++) {
			if (kind == PAGE_TABLE)
				grid_move(a, dir, 0);
			else if (kind == PAGE_PROSE)
				a->prose_top = a->prose_top + dir > 0 ? a->prose_top + dir : 0;
		}
		return TUI_HANDLED;
	}
	if (ev.button != 0)
		return TUI_HANDLED; /* a release, or another button */
	if (ev.y == 1) {
		int page = frame_tab_at(a, ev.x);
		if (page >= 0)
			nav_goto_page(a, page);
	} else if (kind == PAGE_TABLE && ev.y >= 2 && ev.y < a->rows - 2) {
		grid_click(a, ev.y, ev.x);
	} else if (kind == PAGE_COVER && ev.y >= 3 && (ev.y - 3) % 2 == 0 &&
		   (ev.y - 3) / 2 < a->f->nheader) {
		a->cover_row = (ev.y - 3) / 2;
	}
	return TUI_HANDLED;
}
