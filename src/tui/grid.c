/* The grid of one table: frozen row labels and column headings, cells that
 * scroll both ways to keep the cursor in view, flags on failing cells. It
 * draws from the model and moves the cursor; it never computes a value. */
#include "tui/tui.h"

#include "engine/carry.h"
#include "engine/compare.h"
#include "engine/engine.h"
#include "model/form.h"
#include "model/report.h"
#include "base/width.h"
#include "base/xmalloc.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

static const struct ftable *grid_table(const struct app *a)
{
	return a->f->tables[a->table];
}

const struct fblock *grid_block(const struct app *a)
{
	return grid_table(a)->blocks[a->views[a->table].block];
}

/* Block k of table t as drawn: beside last year, each value column three. */
static const struct fblock *grid_shown(const struct app *a, int t, int k)
{
	const struct gview *v = &a->views[t];
	return v->cmp && v->cmp[k] ? v->cmp[k] : a->f->tables[t]->blocks[k];
}

/* Drawn columns a value column takes: 3 beside last year, else 1. */
static int grid_span(const struct gview *v, int k)
{
	return v->cmp && v->cmp[k] ? 3 : 1;
}

int grid_cell(const struct app *a)
{
	const struct gview *v = &a->views[a->table];
	return form_cell(grid_block(a), v->r, v->c);
}

static void grid_push(struct gview *v, struct gline l)
{
	v->lines = xreallocarray(v->lines, (size_t)v->nlines + 1, sizeof *v->lines);
	v->lines[v->nlines++] = l;
}

static void grid_items(struct gview *v, int k, const struct fnode *n)
{
	for (int i = 0; i < n->nkids; i++) {
		const struct fnode *x = n->kids[i];
		if (x->nkids > 0) {
			grid_push(v, (struct gline){GL_GROUP, k, 0, 0, x, -1});
			grid_items(v, k, x);
		} else {
			grid_push(v, (struct gline){GL_ROW, k, 0, 0, x, x->leaf});
		}
	}
}

/* Column widths for the current screen width, from the shared layout. */
static void grid_layout(struct app *a, int t)
{
	const struct ftable *tab = a->f->tables[t];
	struct gview *v = &a->views[t];
	const struct report *prev = a->grid_compare ? engine_previous_report(a->e) : NULL;
	for (int k = 0; k < tab->nblocks; k++) {
		const struct fblock *b = tab->blocks[k];
		char **cells = xcalloc((size_t)(b->nrows * b->ncols) + 1, sizeof *cells);
		for (int i = 0; i < b->nrows * b->ncols; i++)
			cells[i] = value_str(&a->r->vals[b->base + i]);
		compare_block_free(v->cmp[k]);
		v->cmp[k] = NULL;
		if (prev != NULL) {
			cells = compare_texts(a->r, prev, b, cells);
			b = v->cmp[k] = compare_block(b);
		}
		layout_free(&v->lay[k]);
		layout_block(b, cells, a->cols > LAYOUT_MIN_WIDTH ? a->cols : LAYOUT_MIN_WIDTH, 1,
			     a->amb, &v->lay[k]);
		for (int i = 0; i < b->nrows * b->ncols; i++)
			free(cells[i]);
		free(cells);
	}
}

static int grid_colw(const struct gview *v, int k, int c);

/* The lines of table t for the current widths. */
static void grid_lines(struct app *a, int t)
{
	const struct ftable *tab = a->f->tables[t];
	struct gview *v = &a->views[t];
	v->nlines = 0;
	for (int k = 0; k < tab->nblocks; k++) {
		const struct fblock *b = grid_shown(a, t, k);
		if (b->title != NULL)
			grid_push(v, (struct gline){GL_TITLE, k, 0, 0, NULL, -1});
		int h = 1;
		v->head2[k] = 0;
		for (int c = 0; c < b->ncols; c++) {
			h = b->col[c]->depth + 1 > h ? b->col[c]->depth + 1 : h;
			if (width_str_amb(b->col[c]->label, a->amb) > grid_colw(v, k, c) - 1)
				v->head2[k] = 1; /* 商业企业 as 商业 / 企业 */
		}
		v->head[k] = h;
		for (int l = 0; l < h; l++)
			for (int sub = 0; sub <= (l == h - 1 ? v->head2[k] : 0); sub++)
				grid_push(v, (struct gline){GL_HEAD, k, l, sub, NULL, -1});
		grid_items(v, k, &b->rows);
	}
}

void grid_build(struct app *a)
{
	a->views = xcalloc((size_t)a->f->ntables, sizeof *a->views);
	for (int t = 0; t < a->f->ntables; t++) {
		const struct ftable *tab = a->f->tables[t];
		struct gview *v = &a->views[t];
		v->lay = xcalloc((size_t)tab->nblocks, sizeof *v->lay);
		v->head = xcalloc((size_t)tab->nblocks, sizeof *v->head);
		v->head2 = xcalloc((size_t)tab->nblocks, sizeof *v->head2);
		v->cmp = xcalloc((size_t)tab->nblocks, sizeof *v->cmp);
		grid_layout(a, t);
		grid_lines(a, t);
	}
}

void grid_free(struct app *a)
{
	for (int t = 0; t < a->f->ntables && a->views; t++) {
		struct gview *v = &a->views[t];
		for (int k = 0; k < a->f->tables[t]->nblocks; k++) {
			layout_free(&v->lay[k]);
			compare_block_free(v->cmp[k]);
		}
		free(v->cmp);
		free(v->lay);
		free(v->head);
		free(v->head2);
		free(v->lines);
		free(v->at_y);
	}
	free(a->views);
	a->views = NULL;
	free(a->carried);
	a->carried = NULL;
}

/* A cell the clerk fills: not a total, and not one carried from last
 * year's report when there is one (new --from filled it). Enter and Tab go
 * from one to the next. */
static int grid_to_fill(struct app *a, int cell)
{
	if (a->f->cells[cell].formula != NULL)
		return 0;
	if (engine_previous_report(a->e) == NULL)
		return 1;
	if (a->carried == NULL)
		a->carried = carry_carried_cells(a->f);
	return !a->carried[cell];
}

/* Inner width of column c of block k (one part or several: all the same). */
static int grid_colw(const struct gview *v, int k, int c)
{
	const struct layout *L = &v->lay[k];
	for (int i = 0; i < L->nparts; i++)
		if (c >= L->parts[i].c0 && c < L->parts[i].c0 + L->parts[i].nc)
			return L->parts[i].w[c - L->parts[i].c0];
	return 6;
}

static int grid_labelw(const struct app *a, const struct gview *v, int k)
{
	if (!v->lay[k].has_label)
		return 0;
	int want = 0;
	for (int i = 0; i < v->lay[k].nparts; i++)
		want = v->lay[k].parts[i].labelw > want ? v->lay[k].parts[i].labelw : want;
	int cap = a->cols / 3 > 14 ? a->cols / 3 : 14;
	return want < cap ? want : cap;
}

/* First column shown of block k, given the view's left. */
static int grid_first_col(const struct gview *v, const struct fblock *b)
{
	return v->left < b->ncols ? v->left : b->ncols - 1;
}

static int grid_line_of_cursor(const struct gview *v)
{
	for (int i = 0; i < v->nlines; i++)
		if (v->lines[i].kind == GL_ROW && v->lines[i].block == v->block &&
		    v->lines[i].r == v->r)
			return i;
	return 0;
}

static int grid_block_start(const struct gview *v, int k)
{
	for (int i = 0; i < v->nlines; i++)
		if (v->lines[i].block == k)
			return i;
	return 0;
}

static void grid_draw_head(const struct app *a, const struct gview *v, const struct gline *l, int y,
			   int labw)
{
	const struct fblock *b = grid_shown(a, a->table, l->block);
	int last = l->level == v->head[l->block] - 1;
	attron(A_BOLD);
	move(y, 0);
	screen_text(a, last && l->sub == 0 && b->label_heading ? b->label_heading : "", labw,
		    ALIGN_CENTER);
	int x = labw;
	for (int c = grid_first_col(v, b); c < b->ncols && x < a->cols;) {
		/* the heading of this level over c: its group, or the leaf itself on
		 * the last level */
		const struct fnode *n = b->col[c];
		while (n != NULL && n->depth > l->level)
			n = n->parent;
		int span = 1, w = grid_colw(v, l->block, c);
		const char *text = "";
		if (n != NULL && (n->nkids > 0 ? n->depth == l->level : last)) {
			text = n->label;
			while (c + span < n->first + n->count && c + span < b->ncols) {
				w += grid_colw(v, l->block, c + span);
				span++;
			}
		} else if (last) {
			text = b->col[c]->label;
		}
		if (x + w > a->cols)
			w = a->cols - x;
		move(y, x);
		if (last && v->head2[l->block] && *text) {
			/* the last level wraps to two lines; a longer label ends in … */
			char **lines;
			int n = width_wrap_amb(text, w - 1 > 2 ? w - 1 : 2, a->amb, &lines);
			const char *part = l->sub < n ? lines[l->sub] : "";
			char *more = NULL;
			if (l->sub == 1 && n > 2)
				more = xasprintf("%s%s", part, lines[2]);
			screen_text(a, more ? more : part, w - 1, ALIGN_CENTER);
			free(more);
			width_lines_free(lines, n);
		} else {
			screen_text(a, l->sub == 0 ? text : "", w - 1, ALIGN_CENTER);
		}
		addch(' ');
		x += w;
		c += span;
	}
	attroff(A_BOLD);
}

/* The cell being typed into: underlined, not reversed, what was typed as it
 * was typed, scrolled inside the cell so the cursor is always in it; the
 * terminal's cursor goes there (*cx). */
static void grid_draw_typing(const struct app *a, int y, int x, int room, int *cx)
{
	const char *s = a->ed.buf;
	int tw = width_str_amb(s, a->amb), cc = edit_cursor_cols(&a->ed, a->amb);
	int off = cc + 1 > room ? cc + 1 - room : 0; /* columns scrolled off the left */
	while (off > 0 && *s) {
		uint32_t cp;
		int k = width_decode(s, WIDTH_MAX_BYTES, &cp);
		int cw = k > 0 ? width_char_amb(cp, a->amb) : 1;
		off -= cw, cc -= cw, tw -= cw;
		s += k > 0 ? k : 1;
	}
	int shown = tw < room - 1 ? tw : room - 1;
	int pad = room - 1 - shown > 0 ? room - 1 - shown : 0;
	attr_set(A_BOLD | A_UNDERLINE, 0, NULL);
	move(y, x);
	for (int i = 0; i < pad; i++)
		addch(' ');
	screen_text(a, s, room - pad, ALIGN_LEFT);
	*cx = x + pad + cc;
}

/* Beside last year: last year's value of the cell (sub 1), or the change
 * (sub 2), dimmed, right-aligned in w columns. */
static void grid_draw_beside(const struct app *a, int cell, int sub, int w)
{
	const struct report *prev = engine_previous_report(a->e);
	int k = prev ? carry_same_cell(prev, a->f, cell) : -1;
	char *s = k < 0      ? xstrdup("")
		  : sub == 1 ? value_str(&prev->vals[k])
			     : compare_change(&a->r->vals[cell], &prev->vals[k]);
	attr_set(A_DIM, 0, NULL);
	addch(' ');
	screen_text(a, s, w - 2, ALIGN_RIGHT);
	attr_set(A_NORMAL, 0, NULL);
	addch(' ');
	free(s);
}

static void grid_draw_row(struct app *a, const struct gview *v, const struct gline *l, int y,
			  int labw)
{
	const struct fblock *b = grid_table(a)->blocks[l->block];
	const struct fblock *shown = grid_shown(a, a->table, l->block);
	int span = grid_span(v, l->block);
	int ind = layout_indent(l->node->depth);
	move(y, 0);
	if (labw > 0) {
		for (int i = 0; i < ind && i < labw; i++)
			addch(' ');
		screen_text(a, l->node->label, labw - ind - 1, ALIGN_LEFT);
		addch(' ');
	}
	if (l->kind == GL_GROUP)
		return;
	int x = labw;
	for (int sc = grid_first_col(v, shown); sc < shown->ncols; sc++) {
		int w = grid_colw(v, l->block, sc), c = sc / span;
		if (x + w > a->cols)
			break;
		int cell = form_cell(b, l->r, c);
		if (sc % span != 0) {
			move(y, x);
			grid_draw_beside(a, cell, sc % span, w);
			x += w;
			continue;
		}
		int here = l->block == v->block && l->r == v->r && c == v->c;
		int flags = engine_cell_flags(a->e, cell);
		int computed = a->f->cells[cell].formula != NULL;
		attr_t at = A_NORMAL;
		short pair = 0;
		if (computed)
			at |= A_BOLD, pair = PAIR_COMPUTED;
		/* colour tells a problem where there is colour; underline where not */
		if (flags & ENGINE_CELL_ACKNOWLEDGED)
			at |= A_DIM; /* looked at and kept: still shown, dimmed */
		if (flags & ENGINE_CELL_WARNING)
			at |= a->color ? 0 : A_UNDERLINE, pair = PAIR_WARNING;
		if (flags & ENGINE_CELL_ERROR)
			at |= A_BOLD | (a->color ? 0 : A_UNDERLINE), pair = PAIR_ERROR;
		move(y, x);
		if (here && a->state == STATE_TYPING) {
			addch(' ');
			grid_draw_typing(a, y, x + 1, w - 2, &a->cursor_x);
			a->cursor_y = y;
			attr_set(A_NORMAL, 0, NULL);
			addch(' ');
			x += w;
			continue;
		}
		/* the marker shows a problem without colour: ! error, ? warning; it
		 * and the padding share the value's attributes, one run a cell */
		attr_set(at, a->color ? pair : 0, NULL);
		addch(flags & ENGINE_CELL_ERROR                                  ? '!'
		      : flags & (ENGINE_CELL_WARNING | ENGINE_CELL_ACKNOWLEDGED) ? '?'
										 : ' ');
		char *s = value_str(&a->r->vals[cell]);
		int blank = a->r->vals[cell].kind == VAL_BLANK;
		const char *shown = blank ? "·" : s;
		int sw = width_str_amb(shown, a->amb), room = w - 2;
		if (here) {
			/* the cursor covers the whole cell */
			attr_set(at | A_REVERSE, a->color ? pair : 0, NULL);
			screen_text(a, shown, room, ALIGN_RIGHT);
		} else {
			/* padding plain, the value in its colours: an edit redraws little */
			for (int i = sw; i < room; i++)
				addch(' ');
			attr_set(at | (blank ? A_DIM : 0), a->color ? pair : 0, NULL);
			screen_text(a, shown, sw < room ? sw : room, ALIGN_RIGHT);
		}
		free(s);
		attr_set(A_NORMAL, 0, NULL);
		addch(' ');
		x += w;
	}
}

static void grid_draw_line(struct app *a, const struct gview *v, const struct gline *l, int y)
{
	int labw = grid_labelw(a, v, l->block);
	const struct fblock *b = grid_table(a)->blocks[l->block];
	switch (l->kind) {
	case GL_TITLE:
		attron(A_BOLD);
		move(y, 0);
		screen_text(a, b->title, a->cols, ALIGN_LEFT);
		attroff(A_BOLD);
		break;
	case GL_HEAD:
		grid_draw_head(a, v, l, y, labw);
		break;
	case GL_GROUP:
		attron(A_BOLD);
		grid_draw_row(a, v, l, y, labw);
		attroff(A_BOLD);
		break;
	case GL_ROW:
		grid_draw_row(a, v, l, y, labw);
		break;
	}
}

/* Makes the cursor's column visible by moving v->left. */
static void grid_scroll_cols(const struct app *a, struct gview *v)
{
	const struct fblock *b = grid_shown(a, a->table, v->block);
	int labw = grid_labelw(a, v, v->block);
	/* the cursor's value column, and beside last year its two others */
	int span = grid_span(v, v->block), first = v->c * span, last = first + span - 1;
	if (v->left > first)
		v->left = first;
	for (;;) {
		int x = labw;
		for (int c = v->left; c <= last; c++)
			x += grid_colw(v, v->block, c);
		if (x <= a->cols || v->left >= first)
			break;
		v->left++;
	}
	if (v->left >= b->ncols)
		v->left = b->ncols - 1;
}

void grid_draw(struct app *a, int y0, int y1)
{
	struct gview *v = &a->views[a->table];
	int height = y1 - y0 + 1;
	if (height <= 0)
		return;
	grid_scroll_cols(a, v);
	int cl = grid_line_of_cursor(v);
	int bs = grid_block_start(v, v->block);
	int nhead = cl - bs; /* title and heading lines above the block's rows */
	for (int i = bs; i < cl; i++)
		if (v->lines[i].kind != GL_TITLE && v->lines[i].kind != GL_HEAD) {
			nhead = i - bs;
			break;
		}
	/* the cursor's line in view, with its block's headings frozen above */
	int sticky = 0;
	for (int pass = 0; pass < 2; pass++) {
		sticky = v->top > bs && nhead < height ? nhead : 0;
		int room = height - sticky;
		if (cl < v->top + (sticky ? 0 : 0))
			v->top = cl;
		if (cl >= v->top + room)
			v->top = cl - room + 1;
		if (v->top < 0)
			v->top = 0;
		/* show the block's own headings when they fit */
		if (v->top > bs && cl - bs < room)
			v->top = bs;
	}
	sticky = v->top > bs && nhead < height ? nhead : 0;
	/* what each screen row shows, for the mouse */
	if (v->at_n < a->rows) {
		v->at_y = xreallocarray(v->at_y, (size_t)a->rows, sizeof *v->at_y);
		v->at_n = a->rows;
	}
	for (int i = 0; i < v->at_n; i++)
		v->at_y[i] = -1;
	int y = y0;
	for (int i = 0; i < sticky; i++, y++) {
		grid_draw_line(a, v, &v->lines[bs + i], y);
		v->at_y[y] = bs + i;
	}
	for (int i = v->top; i < v->nlines && y <= y1; i++, y++) {
		grid_draw_line(a, v, &v->lines[i], y);
		v->at_y[y] = i;
	}
}

static int grid_is_row(const struct gline *l)
{
	return l->kind == GL_ROW;
}

/* Moves to line i (a row) keeping the column as near as the block allows. */
static void grid_goto_line(struct app *a, int i)
{
	struct gview *v = &a->views[a->table];
	const struct gline *l = &v->lines[i];
	const struct fblock *b = grid_table(a)->blocks[l->block];
	v->block = l->block;
	v->r = l->r;
	if (v->c >= b->ncols)
		v->c = b->ncols - 1;
}

int grid_move(struct app *a, int dr, int dc)
{
	struct gview *v = &a->views[a->table];
	if (dc != 0) {
		int c = v->c + dc;
		if (c < 0 || c >= grid_block(a)->ncols)
			return 0;
		v->c = c;
		return 1;
	}
	int i = grid_line_of_cursor(v);
	for (int j = i + dr; j >= 0 && j < v->nlines; j += dr)
		if (grid_is_row(&v->lines[j])) {
			grid_goto_line(a, j);
			return 1;
		}
	return 0;
}

static int grid_editable(struct app *a)
{
	return grid_to_fill(a, grid_cell(a));
}

int grid_tab(struct app *a, int dir)
{
	struct gview *v = &a->views[a->table];
	struct gview save = *v;
	for (;;) {
		const struct fblock *b = grid_block(a);
		int c = v->c + dir;
		if (c >= 0 && c < b->ncols) {
			v->c = c;
		} else {
			int i = grid_line_of_cursor(v), j = i + dir;
			while (j >= 0 && j < v->nlines && !grid_is_row(&v->lines[j]))
				j += dir;
			if (j < 0 || j >= v->nlines) {
				*v = save;
				return 0;
			}
			grid_goto_line(a, j);
			v->c = dir > 0 ? 0 : grid_block(a)->ncols - 1;
		}
		if (grid_editable(a))
			return 1;
	}
}

/* Cells to fill (not computed) of the shown table, by column: down the
 * cursor's column, then from the top of the next, then the next block. */
int grid_down(struct app *a)
{
	struct gview *v = &a->views[a->table];
	const struct ftable *t = grid_table(a);
	int k = v->block, c = v->c, r = v->r + 1;
	for (; k < t->nblocks; k++, c = 0, r = 0) {
		const struct fblock *b = t->blocks[k];
		for (; c < b->ncols; c++, r = 0)
			for (; r < b->nrows; r++)
				if (grid_to_fill(a, form_cell(b, r, c))) {
					v->block = k, v->r = r, v->c = c;
					return 1;
				}
	}
	return 0;
}

int grid_fill_end(struct app *a, int last)
{
	struct gview *v = &a->views[a->table];
	const struct ftable *t = grid_table(a);
	int nk = t->nblocks;
	for (int i = 0; i < nk; i++) {
		int k = last ? nk - 1 - i : i;
		const struct fblock *b = t->blocks[k];
		int n = b->nrows * b->ncols;
		for (int j = 0; j < n; j++) {
			int x = last ? n - 1 - j : j;
			int r = x / b->ncols, c = x % b->ncols;
			if (grid_to_fill(a, form_cell(b, r, c))) {
				v->block = k, v->r = r, v->c = c;
				return 1;
			}
		}
	}
	return 0;
}

int grid_page(struct app *a, int dir, int height)
{
	int moved = 0;
	for (int i = 0; i < (height > 2 ? height - 2 : 1); i++)
		moved |= grid_move(a, dir, 0);
	return moved;
}

int grid_home_end(struct app *a, int end)
{
	struct gview *v = &a->views[a->table];
	v->c = end ? grid_block(a)->ncols - 1 : 0;
	return 1;
}

void grid_first_editable(struct app *a)
{
	struct gview *v = &a->views[a->table];
	if (v->visited)
		return;
	v->visited = 1;
	for (int i = 0; i < v->nlines; i++)
		if (grid_is_row(&v->lines[i])) {
			grid_goto_line(a, i);
			v->c = 0;
			if (!grid_editable(a))
				grid_tab(a, 1);
			return;
		}
}

void grid_relayout_table(struct app *a, int cell)
{
	const struct ftable *t = a->f->cells[cell].block->table;
	for (int i = 0; i < a->f->ntables; i++)
		if (a->f->tables[i] == t) {
			grid_layout(a, i);
			grid_lines(a, i);
		}
}

void grid_relayout(struct app *a)
{
	for (int t = 0; t < a->f->ntables; t++) {
		grid_layout(a, t);
		grid_lines(a, t);
	}
}

void grid_goto_cell(struct app *a, int cell)
{
	struct gview *v = &a->views[a->table];
	const struct fcell *fc = &a->f->cells[cell];
	const struct ftable *t = grid_table(a);
	for (int k = 0; k < t->nblocks; k++)
		if (t->blocks[k] == fc->block)
			v->block = k;
	v->r = fc->r;
	v->c = fc->c;
	v->visited = 1;
}

int grid_click(struct app *a, int y, int x)
{
	struct gview *v = &a->views[a->table];
	if (y < 0 || y >= v->at_n || v->at_y[y] < 0)
		return -1;
	const struct gline *l = &v->lines[v->at_y[y]];
	if (l->kind != GL_ROW)
		return -1;
	const struct fblock *b = grid_table(a)->blocks[l->block];
	const struct fblock *shown = grid_shown(a, a->table, l->block);
	int span = grid_span(v, l->block);
	int c = v->c < b->ncols ? v->c : b->ncols - 1;
	int left = grid_labelw(a, v, l->block);
	for (int k = grid_first_col(v, shown); k < shown->ncols; k++) {
		int w = grid_colw(v, l->block, k);
		if (x >= left && x < left + w)
			c = k / span; /* last year's and the change belong to the value */
		left += w;
	}
	grid_goto_cell(a, form_cell(b, l->r, c));
	return 0;
}

int grid_compare(struct app *a, int on)
{
	if (on && screen_no_previous(a))
		return -1;
	a->grid_compare = on;
	for (int t = 0; t < a->f->ntables; t++)
		a->views[t].left = 0;
	grid_relayout(a);
	if (on)
		screen_message(a, 0, "%s",
			       _("Beside each value: last year's and the change (L hides them)"));
	else
		screen_message(a, 0, "%s", _("Last year's columns hidden (L shows them)"));
	return 0;
}
