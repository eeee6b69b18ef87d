/* A table page: the grid's keys (moving, typing a value, blanking, filling
 * with 0, pasting) and its status line. Values reach the report only
 * through edits_apply. */
#include "tui/tui.h"

#include "base/buf.h"
#include "engine/carry.h"
#include "engine/engine.h"
#include "model/expr.h"
#include "model/form.h"
#include "base/paste.h"
#include "model/report.h"
#include "base/xmalloc.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

static const char *sheet_type_name(const struct celltype *t)
{
	switch (t->kind) {
	case CELL_COUNT:
		return _("count");
	case CELL_SIGNED:
		return _("whole number, may be negative");
	case CELL_FIXED:
		return _("decimal, exact places");
	case CELL_DECIMAL:
		return _("decimal");
	case CELL_TEXT:
		return _("text");
	}
	return "";
}

/* A reference of a total's formula by the label of the row or column it
 * names (the last of its dotted names, in the formula's own direction). */
struct sheet_names {
	const struct fnode *root;
};

static char *sheet_ref_label(char **path, int npath, void *arg)
{
	const struct sheet_names *S = arg;
	const struct fnode *n = npath > 0 ? form_node(S->root, path[npath - 1]) : NULL;
	return n && n->label && *n->label ? xstrdup(n->label) : NULL;
}

/* The cell's value in last year's report, when there is one. */
static void sheet_last_year(const struct app *a, int cell, struct buf *s)
{
	const struct report *prev = engine_previous_report(a->e);
	int k = prev ? carry_same_cell(prev, a->f, cell) : -1;
	if (k < 0)
		return;
	char *v = value_str(&prev->vals[k]);
	buf_puts(s, "  ");
	/* a carried cell: the figure of last year's it came from, which is
	 * not the one that stands where it stands (二、上年结转 is last year's
	 * 四、结转下年度继续办理) */
	struct value want = {0};
	const char *from;
	if (carry_expected(prev, a->r, cell, &want, &from) == 1) {
		char *w = value_str(&want);
		if (from != NULL)
			buf_printf(s, _("last year %s; %s carried from its %s"),
				   *v ? v : _("blank"), w, from);
		else
			buf_printf(s, _("last year %s; by last year's report %s"),
				   *v ? v : _("blank"), w);
		free(w);
		value_clear(&want);
	} else {
		buf_printf(s, _("last year %s"), *v ? v : _("blank"));
	}
	free(v);
}

/* The formula of a computed cell as the form writes it, by labels: its
 * column's formula, else its row's. */
static char *sheet_formula(const struct fcell *fc)
{
	const struct fblock *b = fc->block;
	int col = b->col[fc->c]->formula != NULL;
	struct sheet_names S = {col ? &b->cols : &b->rows};
	return expr_text(col ? b->col[fc->c]->formula : b->row[fc->r]->formula, sheet_ref_label,
			 &S);
}

static char *sheet_where(const struct app *a, int cell);
static void sheet_status_where(const struct app *a, const struct fblock *b, const struct gview *v,
			       int cell, const struct fcell *fc, int cols);

/* While typing: what was typed and the value it will be (NULL when not
 * typing). */
static char *sheet_typing(const struct app *a, int cell)
{
	if (a->state != STATE_TYPING)
		return NULL;
	struct value v;
	const char *why;
	char bad[16];
	char *line;
	if (value_input(a->ed.buf, &a->f->cells[cell].type, &v, &why, bad) == 0) {
		char *val = value_str(&v);
		/* the value after what was typed when it reads otherwise (9116。36
		 * = 9116.36), not again when it is the same */
		line = strcmp(val, a->ed.buf) == 0
			   ? xasprintf(_("Typing %s"), a->ed.buf)
			   : xasprintf(_("Typing %s = %s"), a->ed.buf, *val ? val : _("blank"));
		free(val);
		value_clear(&v);
	} else {
		line = xasprintf(_("Typing %s (not a value yet: %s%s%s)"), a->ed.buf,
				 *bad ? bad : "", *bad ? " " : "", _(why));
	}
	return line;
}

/* The status line of a table page: what is wrong with the cell first (the
 * part that matters when the line is cut), then where the cursor is and
 * what the cell is or adds up; while typing, what was typed and the value
 * it will be at the right (the rest of the line stays as it was: a key
 * redraws little). */
void sheet_status(const struct app *a)
{
	const struct fblock *b = grid_block(a);
	const struct gview *v = &a->views[a->table];
	int cell = grid_cell(a);
	const struct fcell *fc = &a->f->cells[cell];
	char *typing = sheet_typing(a, cell);
	int tw = typing ? width_str_amb(typing, a->amb) + 2 : 0;
	if (tw > a->cols - 12) /* what is typed matters most; the place keeps a start */
		tw = a->cols - 12 > 0 ? a->cols - 12 : 0;
	int cols = a->cols - tw; /* what the rest may take */
	sheet_status_where(a, b, v, cell, fc, cols);
	if (typing != NULL) {
		int x = getcurx(stdscr);
		screen_text(a, "", cols - x, ALIGN_LEFT);
		attron(A_BOLD);
		screen_text(a, typing, a->cols - cols, ALIGN_RIGHT);
		attrset(A_NORMAL);
		free(typing);
	}
}

/* The problems and the place of the cell, in cols columns. */
static void sheet_status_where(const struct app *a, const struct fblock *b, const struct gview *v,
			       int cell, const struct fcell *fc, int cols)
{
	struct buf s;
	buf_init(&s);
	char *msgs[8];
	/* the problems whole; when they do not fit, each by its name (差 5：
	 * 勾稽关系不平衡~), not cut in a phrase: the problems list has all */
	for (int brief = 0; brief < 2; brief++) {
		s.len = 0;
		int n = engine_cell_messages(a->e, cell, msgs, 8, brief);
		for (int i = 0; i < n; i++) {
			buf_printf(&s, "%s%s", i ? " / " : "", _(msgs[i]));
			free(msgs[i]);
		}
		if (n == 0)
			break;
		buf_puts(&s, "  ");
		int used = width_str_amb(s.data, a->amb);
		if (used <= cols || brief) {
			if (brief) {
				s.len -= 2;
				buf_puts(&s, a->amb ? "…" : "~");
				used = width_str_amb(s.data, a->amb);
			}
			attron(A_BOLD);
			screen_text(a, s.data, used < cols ? used : cols, ALIGN_LEFT);
			attrset(A_NORMAL);
			/* after a problem in full, the cell by its own labels: the
			 * whole path would not fit at 80 columns */
			char *where = brief ? NULL : sheet_where(a, cell);
			if (used < cols)
				screen_text(a, where ? where : "", cols - getcurx(stdscr),
					    ALIGN_LEFT);
			free(where);
			buf_free(&s);
			return;
		}
	}
	char *row = form_node_path(b->row[v->r], " › ", 0);
	char *col = form_node_path(b->col[v->c], " › ", b->ncols);
	if (b->title)
		buf_printf(&s, "%s › ", b->title);
	/* a table of one unnamed row (表四): the table names it */
	buf_printf(&s, "%s × %s  [%s]", *row ? row : b->table->tab, col,
		   sheet_type_name(&fc->type));
	free(row);
	free(col);
	if (fc->formula != NULL) {
		char *formula = sheet_formula(fc);
		buf_printf(&s, "%s%s", _("  computed: "), formula);
		free(formula);
	}
	sheet_last_year(a, cell, &s);
	int x = getcurx(stdscr);
	screen_text(a, s.data, cols - x, ALIGN_LEFT);
	buf_free(&s);
}

/* The cell in a message: its row and column, by their own labels. */
/* A leaf's label, after its group's when another leaf of the block has the
 * same (表四's three 结果维持: 未经复议直接起诉 › 结果维持). To free. */
static char *sheet_leaf(struct fnode *const *leaves, int n, int i)
{
	const struct fnode *up = leaves[i]->parent;
	for (int k = 0; k < n; k++)
		if (k != i && strcmp(leaves[k]->label, leaves[i]->label) == 0 && up && up->label &&
		    *up->label)
			return xasprintf("%s › %s", up->label, leaves[i]->label);
	return xstrdup(leaves[i]->label);
}

static char *sheet_where(const struct app *a, int cell)
{
	const struct fcell *fc = &a->f->cells[cell];
	const struct fblock *b = fc->block;
	char *row = sheet_leaf(b->row, b->nrows, fc->r), *col = sheet_leaf(b->col, b->ncols, fc->c);
	/* a table of one unnamed row (表四): its column alone, the tab names it */
	char *s = *row ? xasprintf("%s × %s", row, col) : xstrdup(col);
	free(row);
	free(col);
	return s;
}

/* Reads text typed or pasted for a cell as its value: 0, or -1 with msg
 * saying what is wrong first, then what was typed and where. */
static int sheet_value(const struct app *a, int cell, const char *text, struct value *v, char *msg,
		       size_t n)
{
	const char *why;
	char bad[16];
	if (value_input(text, &a->f->cells[cell].type, v, &why, bad) == 0)
		return 0;
	char *where = sheet_where(a, cell);
	if (*bad)
		snprintf(msg, n, _("'%s' %s: '%s' is refused (%s)"), bad, _(why), text, where);
	else
		snprintf(msg, n, _("'%s' %s: refused (%s)"), text, _(why), where);
	free(where);
	return -1;
}

/* Puts the typed value into the model; 0, or -1 when it is refused (the
 * edit stays open, as typed). */
static int sheet_commit(struct app *a)
{
	int cell = grid_cell(a);
	struct value v;
	char msg[512];
	if (sheet_value(a, cell, a->ed.buf, &v, msg, sizeof msg) < 0) {
		screen_message(a, 1, "%s", msg);
		return -1;
	}
	const char *why;
	edits_one(a, change_cell(cell, &v), &why);
	value_clear(&v);
	a->state = STATE_PAGE;
	return 0;
}

/* Is key one that starts a value: a digit, a sign or a point, half- or
 * full-width? */
static int sheet_starts_value(int key)
{
	if (key <= 0 || key >= KEYS_SPECIAL)
		return 0;
	int c = value_input_char((uint32_t)key);
	return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.';
}

/* After a table's last cell to fill: the next table's first, as a clerk
 * filling the report front to back goes on, said so. */
static void sheet_next_table(struct app *a)
{
	for (int p = a->page + 1; p < a->npages; p++) {
		if (a->pages[p].kind != PAGE_TABLE)
			continue;
		nav_goto_page(a, p);
		grid_fill_end(a, 0);
		screen_message(a, 0, _("That was the last cell to fill of its table: on to %s"),
			       a->pages[p].name);
		return;
	}
	screen_message(a, 0, "%s", _("That was the last cell to fill in the report"));
}

int sheet_typing_key(struct app *a, int key)
{
	switch (key) {
	case KEYS_ESC:
		a->state = STATE_PAGE;
		screen_message(a, 0, "%s", _("Edit cancelled"));
		return TUI_HANDLED;
	case '\n':
	case '\r':
		if (sheet_commit(a) == 0 && !grid_down(a))
			sheet_next_table(a);
		return TUI_HANDLED;
	case '\t':
		if (sheet_commit(a) == 0)
			grid_tab(a, 1);
		return TUI_HANDLED;
	case KEYS_BTAB:
		if (sheet_commit(a) == 0)
			grid_tab(a, -1);
		return TUI_HANDLED;
	case KEYS_UP:
	case KEYS_DOWN:
		if (sheet_commit(a) == 0)
			grid_move(a, key == KEYS_UP ? -1 : 1, 0);
		return TUI_HANDLED;
	default:
		break;
	}
	const char *why = NULL;
	int cell = grid_cell(a);
	if (edit_key(&a->ed, key, &a->f->cells[cell].type, &why) < 0) {
		char name[16];
		value_char_name((uint32_t)key, name);
		screen_message(a, 1, _("'%s' %s: Backspace removes it"), name, why);
	}
	return TUI_HANDLED;
}

int sheet_key(struct app *a, int key)
{
	int cell = grid_cell(a);
	int computed = a->f->cells[cell].formula != NULL;
	int rows = a->rows - 4;
	int typing = sheet_starts_value(key) || key == '\n' || key == '\r' || key == KEYS_DELETE ||
		     key == KEYS_BACKSPACE || key == KEYS_CTRL_H;
	if (typing && screen_readonly(a))
		return TUI_HANDLED;
	if (typing && computed) {
		screen_message(a, 1, "%s", _("This total is computed and cannot be typed in"));
		return TUI_HANDLED;
	}
	switch (key) {
	case KEYS_UP:
	case 'k':
		grid_move(a, -1, 0);
		break;
	case KEYS_DOWN:
	case 'j':
		grid_move(a, 1, 0);
		break;
	case KEYS_LEFT:
	case 'h':
		grid_move(a, 0, -1);
		break;
	case KEYS_RIGHT:
	case 'l':
		grid_move(a, 0, 1);
		break;
	case '\t':
		grid_tab(a, 1);
		break;
	case KEYS_BTAB:
		grid_tab(a, -1);
		break;
	case KEYS_PGDN:
		grid_page(a, 1, rows);
		break;
	case KEYS_PGUP:
		grid_page(a, -1, rows);
		break;
	case KEYS_HOME:
		grid_home_end(a, 0);
		break;
	case KEYS_END:
		grid_home_end(a, 1);
		break;
	case 'z':
		sheet_fill_zero(a);
		break;
	case KEYS_HOME | KEYS_CTRL:
	case KEYS_END | KEYS_CTRL:
		grid_fill_end(a, key == (KEYS_END | KEYS_CTRL));
		break;
	case '\n':
	case '\r': {
		char *s = value_str(&a->r->vals[cell]);
		edit_start(&a->ed, s);
		a->state = STATE_TYPING;
		free(s);
		break;
	}
	case KEYS_DELETE:
	case KEYS_BACKSPACE:
	case 8: {
		struct value blank = {0};
		const char *why;
		edits_one(a, change_cell(cell, &blank), &why);
		break;
	}
	default:
		if (sheet_starts_value(key)) {
			edit_start(&a->ed, "");
			a->state = STATE_TYPING;
			return sheet_typing_key(a, key);
		}
		return 0; /* not a key of the grid */
	}
	return TUI_HANDLED;
}

/* The blank cells to fill of the shown table, in *cells (to free). */
static int sheet_blanks(const struct app *a, int **cells)
{
	const struct ftable *t = a->f->tables[a->table];
	int n = 0;
	*cells = NULL;
	for (int k = 0; k < t->nblocks; k++) {
		const struct fblock *b = t->blocks[k];
		for (int i = 0; i < b->nrows * b->ncols; i++) {
			int cell = b->base + i;
			if (a->f->cells[cell].formula == NULL &&
			    a->f->cells[cell].type.kind != CELL_TEXT &&
			    a->r->vals[cell].kind == VAL_BLANK) {
				*cells = xreallocarray(*cells, (size_t)n + 1, sizeof **cells);
				(*cells)[n++] = cell;
			}
		}
	}
	return n;
}

static void sheet_fill_zero_now(struct app *a)
{
	int *cells;
	int n = sheet_blanks(a, &cells);
	struct change *zero = xcalloc((size_t)n + 1, sizeof *zero);
	const char *why;
	for (int i = 0; i < n; i++) {
		struct value v;
		value_parse("0", &a->f->cells[cells[i]].type, &v, &why);
		zero[i] = change_cell(cells[i], &v);
		value_clear(&v);
	}
	if (n > 0)
		edits_apply(a, zero, n, &why);
	for (int i = 0; i < n; i++)
		change_clear(&zero[i]);
	screen_message(a, 0,
		       ngettext("Put 0 into %d blank cell (u undoes it)",
				"Put 0 into %d blank cells (u undoes them all)", n),
		       n);
	free(zero);
	free(cells);
}

void sheet_fill_zero(struct app *a)
{
	int *cells;
	int n = sheet_blanks(a, &cells);
	free(cells);
	if (n == 0) {
		screen_message(a, 0, "%s", _("No blank cell to fill in this table"));
		return;
	}
	screen_ask(a, sheet_fill_zero_now,
		   ngettext("Put 0 into the %d blank cell of %s?",
			    "Put 0 into the %d blank cells of %s?", n),
		   n, a->f->tables[a->table]->tab);
}

/* Values go to the cells at the same offsets from the cursor, in its block;
 * all are checked before any is put in. */
void sheet_paste(struct app *a, const char *text)
{
	const struct fblock *b = grid_block(a);
	int cell0 = grid_cell(a);
	int r0 = a->f->cells[cell0].r, c0 = a->f->cells[cell0].c;
	struct paste_block pb;
	paste_parse(text, &pb);
	if (pb.nrows > b->nrows - r0 || pb.ncols > b->ncols - c0) {
		screen_message(
		    a, 1,
		    _("Nothing pasted: a block of %d × %d, room from here %d × %d (rows × "
		      "columns)"),
		    pb.nrows, pb.ncols, b->nrows - r0, b->ncols - c0);
		paste_free(&pb);
		return;
	}
	struct change *t = xcalloc((size_t)pb.nrows * (size_t)pb.ncols + 1, sizeof *t);
	int n = 0, bad = 0;
	char msg[512];
	for (int i = 0; i < pb.nrows * pb.ncols && !bad; i++) {
		const char *field = pb.cell[i];
		int cell = form_cell(b, r0 + i / pb.ncols, c0 + i % pb.ncols);
		/* a computed cell keeps its value: what was copied there is
		 * skipped over, as is a cell a short row did not reach */
		if (field == NULL || a->f->cells[cell].formula != NULL)
			continue;
		struct value v;
		if (sheet_value(a, cell, field, &v, msg, sizeof msg) < 0) {
			screen_message(a, 1, _("Nothing pasted: %s"), msg);
			bad = 1;
		} else {
			t[n++] = change_cell(cell, &v);
			value_clear(&v);
		}
	}
	if (!bad && n > 0) {
		const char *why;
		edits_apply(a, t, n, &why);
		screen_message(a, 0,
			       ngettext("Pasted %d value, a block of %d × %d (u undoes it)",
					"Pasted %d values, a block of %d × %d (u undoes them all)",
					n),
			       n, pb.nrows, pb.ncols);
	}
	for (int i = 0; i < n; i++)
		change_clear(&t[i]);
	free(t);
	paste_free(&pb);
}
