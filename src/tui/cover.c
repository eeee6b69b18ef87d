/* The 封面 page: the header fields (organ, year, date, and any the form
 * declares), edited in place, each checked for its type before it is kept:
 * a year is four digits, a date a real date written YYYY-MM-DD. */
#include "tui/tui.h"

#include "model/form.h"
#include "model/report.h"
#include "base/xmalloc.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

static const char *cover_type_name(enum hfield_type t)
{
	return t == HF_YEAR   ? _("a year, such as 2021")
	       : t == HF_DATE ? _("a date, written YYYY-MM-DD")
			      : _("text");
}

void cover_draw(struct app *a, int y0, int y1)
{
	const struct form *f = a->f;
	int labw = 0;
	for (int i = 0; i < f->nheader; i++) {
		int w = width_str_amb(f->header[i].label, a->amb);
		labw = w > labw ? w : labw;
	}
	labw += 4;
	for (int i = 0; i < f->nheader && y0 + 1 + 2 * i <= y1; i++) {
		int y = y0 + 1 + 2 * i;
		move(y, 2);
		attron(A_BOLD);
		screen_text(a, f->header[i].label, labw, ALIGN_LEFT);
		attrset(A_NORMAL);
		int room = a->cols - labw - 4;
		if (i == a->cover_row)
			attron(A_REVERSE);
		if (i == a->cover_row && a->state == STATE_TYPING) {
			/* as a cell being typed into: the text scrolled within the
			 * field so the cursor is in it, and the cursor there */
			const char *t = a->ed.buf;
			int start = 0;
			while (start < a->ed.pos &&
			       width_strn_amb(t + start, (size_t)(a->ed.pos - start), a->amb) >=
				   room - 1) {
				start++;
				while (start < a->ed.pos &&
				       ((unsigned char)t[start] & 0xC0) == 0x80)
					start++;
			}
			screen_text(a, t + start, room, ALIGN_LEFT);
			attrset(A_NORMAL);
			a->cursor_y = y;
			a->cursor_x =
			    2 + labw +
			    width_strn_amb(t + start, (size_t)(a->ed.pos - start), a->amb);
			continue;
		}
		char *shown = report_header_display(a->r, i);
		const char *raw = a->r->header[i];
		char *text = f->header[i].type == HF_DATE && raw ? xasprintf("%s（%s）", raw, shown)
								 : xstrdup(*shown ? shown : "·");
		screen_text(a, text, room, ALIGN_LEFT);
		attrset(A_NORMAL);
		free(text);
		free(shown);
	}
}

void cover_status(const struct app *a)
{
	const struct hfield *h = &a->f->header[a->cover_row];
	char *s = xasprintf("%s › %s  [%s]  %s", _("Cover"), h->label, cover_type_name(h->type),
			    a->state == STATE_TYPING
				? _("editing: Enter keeps, Esc cancels, Ctrl-U clears")
				: _("Enter edits"));
	screen_text(a, s, a->cols, ALIGN_LEFT);
	free(s);
}

int cover_typing_key(struct app *a, int key)
{
	const char *why = NULL;
	if (key == KEYS_ESC) {
		a->state = STATE_PAGE;
		screen_message(a, 0, "%s", _("Edit cancelled"));
	} else if (key == '\n' || key == '\r') {
		const char *problem = report_header_problem(a->r, a->cover_row, a->ed.buf);
		if (problem != NULL) {
			screen_message(a, 1, _("'%s' refused: %s"), a->ed.buf, problem);
		} else {
			a->state = STATE_PAGE;
			edits_one(a, change_text(CHANGE_HEADER, a->cover_row, a->ed.buf), &why);
		}
	} else if (edit_key(&a->ed, key, NULL, &why) < 0) {
		screen_message(a, 1, "%s", _("too long"));
	}
	return TUI_HANDLED;
}

int cover_key(struct app *a, int key)
{
	const struct form *f = a->f;
	switch (key) {
	case KEYS_UP:
	case 'k':
		a->cover_row -= a->cover_row > 0;
		return TUI_HANDLED;
	case KEYS_DOWN:
	case 'j':
	case '\t':
		a->cover_row += a->cover_row + 1 < f->nheader;
		return TUI_HANDLED;
	case '\n':
	case '\r':
	case 'e':
		if (screen_readonly(a))
			return TUI_HANDLED;
		edit_start_text(&a->ed, a->r->header[a->cover_row]);
		a->state = STATE_TYPING;
		return TUI_HANDLED;
	default:
		return 0;
	}
}
