/* g or /: going to a row by part of its label, across the tables. */
#include "tui/tui.h"

#include "model/form.h"

#include <stdlib.h>
#include <string.h>

int search_row(struct app *a, const char *text)
{
	const struct form *f = a->f;
	int from = a->pages[a->page].kind == PAGE_TABLE ? grid_cell(a) : -1;
	/* rows in reading order, starting after the cursor's, wrapping round */
	for (int pass = 0; pass < 2; pass++)
		for (int k = 0; k < f->nblocks; k++) {
			const struct fblock *b = f->blocks[k];
			for (int r = 0; r < b->nrows; r++) {
				int first = form_cell(b, r, 0);
				if (pass == 0 ? first <= from : first > from)
					continue;
				char *path = form_row_path(b, r, " / ");
				int hit = strstr(path, text) != NULL;
				free(path);
				if (!hit)
					continue;
				int c = 0;
				while (c + 1 < b->ncols && f->cells[form_cell(b, r, c)].formula)
					c++;
				nav_goto_cell(a, form_cell(b, r, c));
				return 0;
			}
		}
	return -1;
}

void search_draw(struct app *a)
{
	frame_draw(a);
	edit_draw(a, a->rows - 2, _("Go to the row whose label contains:"));
}

int search_key(struct app *a, int key)
{
	const char *why;
	if (key == KEYS_ESC) {
		a->state = STATE_PAGE;
	} else if (key == '\n' || key == '\r') {
		a->state = STATE_PAGE;
		if (*a->ed.buf && search_row(a, a->ed.buf) < 0)
			screen_message(a, 1, _("No row label contains '%s'"), a->ed.buf);
	} else {
		edit_key(&a->ed, key, NULL, &why);
	}
	return TUI_HANDLED;
}
