/* Where the screen is: the pages (the cover, each text, each table) and
 * going to one of them, or to a cell. */
#include "tui/tui.h"

#include "model/form.h"
#include "base/xmalloc.h"

void nav_pages(struct app *a)
{
	const struct form *f = a->f;
	a->pages = xcalloc((size_t)f->nparts + 1, sizeof *a->pages);
	a->pages[a->npages++] = (struct page){PAGE_COVER, 0, _("Cover")};
	for (int i = 0; i < f->nparts; i++) {
		const struct fpart *p = &f->parts[i];
		int index = p->prose;
		if (p->kind == PART_TABLE)
			for (int t = 0; t < f->ntables; t++)
				if (f->tables[t] == p->table)
					index = t;
		a->pages[a->npages++] =
		    (struct page){p->kind == PART_TABLE ? PAGE_TABLE : PAGE_PROSE, index,
				  p->kind == PART_TABLE ? p->table->tab : p->tab};
	}
}

void nav_goto_page(struct app *a, int page)
{
	a->page = page;
	if (a->state == STATE_TYPING)
		a->state = STATE_PAGE; /* what was typed on the page left is dropped */
	a->prose_top = 0;
	if (a->pages[page].kind == PAGE_TABLE) {
		a->table = a->pages[page].index;
		grid_first_editable(a);
	}
}

void nav_goto_cell(struct app *a, int cell)
{
	const struct ftable *t = a->f->cells[cell].block->table;
	for (int i = 0; i < a->npages; i++)
		if (a->pages[i].kind == PAGE_TABLE && a->f->tables[a->pages[i].index] == t) {
			nav_goto_page(a, i);
			grid_goto_cell(a, cell);
			return;
		}
}
