/* The help screen: every key, in the interface's language. */
#include "tui/tui.h"

#include <curses.h>

static const char *const help_keys[][2] = {
    {N_("Arrows, h j k l"), N_("move between cells")},
    {N_("Tab, Shift-Tab"), N_("next, previous cell to fill in")},
    {N_("PgUp, PgDn, Home, End"), N_("a page up or down, first or last column")},
    {N_("Ctrl-Home, Ctrl-End"), N_("first, last cell to fill in of the table")},
    {N_("] [, Ctrl-PgDn Ctrl-PgUp"), N_("next, previous page (cover, texts, tables)")},
    {N_("0-9 - + . (also full-width)"), N_("start typing a new value into the cell")},
    {N_("Enter"), N_("edit the cell's value")},
    {N_("Del, Backspace; z"), N_("make the cell blank; put 0 in every blank cell")},
    {N_("While editing: Enter"), N_("keep it, go down to the next cell to fill")},
    {N_("While editing: Tab, Up, Down"), N_("keep the value and move")},
    {N_("While editing: Esc; Ctrl-U, Ctrl-W"), N_("forget what was typed; clear, a word")},
    {N_("u Ctrl-Z, Ctrl-R Ctrl-Y"), N_("undo, redo (every change, any page)")},
    {N_("g or /"), N_("go to a row by part of its label")},
    {N_("F3; n, N"), N_("the problems (a: acknowledge a warning); next, previous")},
    {N_("F4, F5"), N_("preview as printed; print")},
    {N_("L; p in the preview"), N_("beside each value: last year's, the change")},
    {N_("e on the cover or a text"), N_("edit (texts open in $VISUAL or $EDITOR)")},
    {N_("Paste, mouse"), N_("a block from a spreadsheet; click a tab or cell")},
    {N_("F2, Ctrl-S"), N_("save the report and its text rendering")},
    {N_("F10, Ctrl-Q"), N_("quit (asks first about unsaved changes)")},
    {N_("D on a roll-up"), N_("each summed report's value of the cell")},
};

void help_draw(struct app *a)
{
	erase();
	attron(A_BOLD);
	move(0, 0);
	screen_text(a, _("nianbao: keys"), a->cols, ALIGN_LEFT);
	attroff(A_BOLD);
	int y = 2;
	for (size_t i = 0; i < sizeof help_keys / sizeof help_keys[0] && y < a->rows - 1;
	     i++, y++) {
		int x = a->cols > 60 ? 32 : a->cols / 2;
		move(y, 0);
		screen_text(a, _(help_keys[i][0]), x, ALIGN_LEFT);
		screen_text(a, _(help_keys[i][1]), a->cols - x, ALIGN_LEFT);
	}
	move(a->rows - 1, 0);
	screen_text(
	    a, _("Bold cells are computed totals. ! marks an error, ? a warning. Any key returns."),
	    a->cols, ALIGN_LEFT);
}

/* Any key returns to the page. */
int help_key(struct app *a, int key)
{
	(void)key;
	a->state = STATE_PAGE;
	return TUI_HANDLED;
}
