/* What every file of the screen shares, below all of them: text onto the
 * screen, the status line's message, a yes-or-no question, the read-only
 * refusal, and the count of problems for the title line. */
#include "tui/tui.h"

#include "engine/engine.h"
#include "base/xmalloc.h"

#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

/* Writes s cut to cols columns (a mark for a cut, never half a character),
 * aligned, at the cursor. */
static void screen_text_mode(const struct app *a, const char *s, int cols, enum width_align al,
			     int paper)
{
	if (cols <= 0)
		return;
	/* by default no character of ambiguous width reaches the terminal,
	 * whose width for them is unknown; --wide-ambiguous counts them two.
	 * The paper (the preview) is shown as it is, counted one */
	char *plain = a->amb || paper ? NULL : width_plain(s);
	const char *t = plain ? plain : s;
	int w = width_str_amb(t, a->amb);
	if (w > cols) {
		const char *more = a->amb ? "…" : "~";
		int mw = a->amb ? 2 : 1;
		size_t n = width_fit_amb(t, cols > mw ? cols - mw : 0, a->amb);
		int used = width_strn_amb(t, n, a->amb);
		addnstr(t, (int)n);
		if (used + mw <= cols) {
			addstr(more);
			used += mw;
		}
		for (int i = used; i < cols; i++)
			addch(' ');
		free(plain);
		return;
	}
	int gap = cols - w, left = al == ALIGN_RIGHT ? gap : al == ALIGN_CENTER ? gap / 2 : 0;
	for (int i = 0; i < left; i++)
		addch(' ');
	addstr(t);
	for (int i = left + w; i < cols; i++)
		addch(' ');
	free(plain);
}

void screen_text(const struct app *a, const char *s, int cols, enum width_align al)
{
	screen_text_mode(a, s, cols, al, 0);
}

void screen_paper(const struct app *a, const char *s, int cols)
{
	screen_text_mode(a, s, cols, ALIGN_LEFT, 1);
}

void screen_lines(const struct app *a, int y, const char *const *lines, int n)
{
	for (int i = 0; i < n && y < a->rows; i++) {
		char **w = NULL;
		int k = *lines[i] ? width_wrap_amb(lines[i], a->cols - 1, a->amb, &w) : 0;
		if (i == 0)
			attron(A_BOLD);
		for (int j = 0; j < k && y < a->rows; j++, y++) {
			move(y, 0);
			screen_text(a, w[j], a->cols - 1, ALIGN_LEFT);
		}
		y += k == 0;
		attrset(A_NORMAL);
		width_lines_free(w, k);
	}
}

void screen_message(struct app *a, int error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(a->message, sizeof a->message, fmt, ap);
	va_end(ap);
	a->message_error = error;
}

void screen_ask(struct app *a, void (*yes)(struct app *a), const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(a->ask, sizeof a->ask, fmt, ap);
	va_end(ap);
	a->ask_yes = yes;
	a->state = STATE_ASK;
}

int screen_readonly(struct app *a)
{
	if (a->readonly)
		screen_message(a, 1, "%s", _("Read-only: the report is open in another nianbao"));
	return a->readonly;
}

void screen_count(struct app *a)
{
	a->count = engine_count(a->e);
}

int screen_no_previous(struct app *a)
{
	if (engine_previous_report(a->e) != NULL)
		return 0;
	screen_message(a, 1, "%s", _("No last year's report: the report names none (previous:)"));
	return 1;
}

void screen_suspend(void)
{
	def_prog_mode();
	endwin();
}

void screen_resume(void)
{
	reset_prog_mode();
	refresh();
}
