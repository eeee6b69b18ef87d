/* A table page: the grid's keys (moving, typing a value, blanking) and its
 * status line. Values reach the report only through change_cell. */
#include "tui.h"

#include "buf.h"
#include "engine.h"
#include "expr.h"
#include "form.h"
#include "report.h"
#include "xmalloc.h"

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

struct sheet_sum {
	const struct form *f;
	struct buf *b;
	int row, n; /* all in one row: name columns; else rows */
	int first;
};

static void sheet_sum_cell(int cell, void *arg)
{
	struct sheet_sum *S = arg;
	const struct fcell *fc = &S->f->cells[cell];
	const char *label = S->row ? fc->block->col[fc->c]->label : fc->block->row[fc->r]->label;
	buf_puts(S->b, S->n++ ? " + " : "");
	buf_puts(S->b, label);
}

static void sheet_same_row(int cell, void *arg)
{
	struct sheet_sum *S = arg;
	int r = S->f->cells[cell].r;
	if (S->first < 0)
		S->first = r;
	else if (r != S->first)
		S->row = 0;
}

/* The status line of a table page: where the cursor is, what the cell
 * holds or adds up, and what is wrong with it. */
void sheet_status(const struct app *a)
{
	const struct fblock *b = grid_block(a);
	const struct gview *v = &a->views[a->table];
	int cell = grid_cell(a);
	const struct fcell *fc = &a->f->cells[cell];
	struct buf s;
	buf_init(&s);
	char *row = form_node_path(b->row[v->r], " › ", 0);
	char *col = form_node_path(b->col[v->c], " › ", b->ncols);
	if (b->title)
		buf_printf(&s, "%s › ", b->title);
	buf_printf(&s, "%s × %s  [%s]", *row ? row : "", col, sheet_type_name(&fc->type));
	free(row);
	free(col);
	if (fc->formula != NULL) {
		struct sheet_sum S = {a->f, &s, 1, 0, -1};
		expr_cells(fc->formula, sheet_same_row, &S);
		buf_puts(&s, _("  computed: "));
		expr_cells(fc->formula, sheet_sum_cell, &S);
	}
	const char *msgs[8];
	int n = engine_cell_messages(a->e, cell, msgs, 8);
	/* where the cell is, plain; what is wrong with it, bold after it */
	int used = width_str(s.data);
	grid_text(s.data, used < a->cols ? used : a->cols, ALIGN_LEFT);
	buf_free(&s);
	buf_init(&s);
	for (int i = 0; i < n; i++)
		buf_printf(&s, "  %s %s", i == 0 ? "—" : "/", _(msgs[i]));
	if (used < a->cols) {
		attron(A_BOLD);
		grid_text(s.data, a->cols - used, ALIGN_LEFT);
	}
	attrset(A_NORMAL);
	buf_free(&s);
}

/* Puts the typed value into the model; 0, or -1 when it is refused. */
static int sheet_commit(struct app *a)
{
	int cell = grid_cell(a);
	const struct celltype *t = &a->f->cells[cell].type;
	struct value v;
	const char *why;
	if (value_parse(a->ed.buf, t, &v, &why) < 0) {
		app_message(a, 1, _("'%s' refused: %s"), a->ed.buf, _(why));
		return -1;
	}
	change_cell(a, cell, &v);
	value_clear(&v);
	a->ed.active = 0;
	return 0;
}

static int sheet_key_edit(struct app *a, int key)
{
	switch (key) {
	case 27:
		a->ed.active = 0;
		app_message(a, 0, "%s", _("Edit cancelled"));
		return TUI_HANDLED;
	case '\n':
	case '\r':
	case KEY_ENTER:
		if (sheet_commit(a) == 0)
			grid_move(a, 1, 0);
		return TUI_HANDLED;
	case '\t':
		if (sheet_commit(a) == 0)
			grid_tab(a, 1);
		return TUI_HANDLED;
	case KEY_BTAB:
		if (sheet_commit(a) == 0)
			grid_tab(a, -1);
		return TUI_HANDLED;
	case KEY_UP:
	case KEY_DOWN:
		if (sheet_commit(a) == 0)
			grid_move(a, key == KEY_UP ? -1 : 1, 0);
		return TUI_HANDLED;
	default:
		break;
	}
	const char *why = NULL;
	int cell = grid_cell(a);
	if (key >= APP_CHAR) {
		app_message(a, 1, "%s", _("this cell takes a number"));
		return TUI_HANDLED;
	}
	if (edit_key(&a->ed, key, &a->f->cells[cell].type, &why) < 0)
		app_message(a, 1, "%s", why ? why : _("too long"));
	return TUI_HANDLED;
}

int sheet_key(struct app *a, int key)
{
	if (a->ed.active)
		return sheet_key_edit(a, key);
	int cell = grid_cell(a);
	int computed = a->f->cells[cell].formula != NULL;
	int rows = a->rows - 4;
	int typing = (key >= '0' && key <= '9') || key == '-' || key == '+' || key == '.' ||
		     key == '\n' || key == '\r' || key == KEY_ENTER || key == KEY_DC ||
		     key == KEY_BACKSPACE || key == 127 || key == 8;
	if (typing && a->readonly) {
		app_message(a, 1, "%s", _("Read-only: the report is open in another nianbao"));
		return TUI_HANDLED;
	}
	if (typing && computed) {
		app_message(a, 1, "%s", _("This total is computed and cannot be typed in"));
		return TUI_HANDLED;
	}
	switch (key) {
	case KEY_UP:
	case 'k':
		grid_move(a, -1, 0);
		break;
	case KEY_DOWN:
	case 'j':
		grid_move(a, 1, 0);
		break;
	case KEY_LEFT:
	case 'h':
		grid_move(a, 0, -1);
		break;
	case KEY_RIGHT:
	case 'l':
		grid_move(a, 0, 1);
		break;
	case '\t':
		grid_tab(a, 1);
		break;
	case KEY_BTAB:
		grid_tab(a, -1);
		break;
	case KEY_NPAGE:
		grid_page(a, 1, rows);
		break;
	case KEY_PPAGE:
		grid_page(a, -1, rows);
		break;
	case KEY_HOME:
		grid_home_end(a, 0);
		break;
	case KEY_END:
		grid_home_end(a, 1);
		break;
	case '\n':
	case '\r':
	case KEY_ENTER: {
		char *s = value_str(&a->r->vals[cell]);
		edit_start(&a->ed, s);
		free(s);
		break;
	}
	case KEY_DC:
	case KEY_BACKSPACE:
	case 127:
	case 8: {
		struct value blank = {0};
		change_cell(a, cell, &blank);
		break;
	}
	default:
		if ((key >= '0' && key <= '9') || key == '-' || key == '+' || key == '.') {
			const char *why;
			edit_start(&a->ed, "");
			if (edit_key(&a->ed, key, &a->f->cells[cell].type, &why) < 0) {
				a->ed.active = 0;
				app_message(a, 1, "%s", why);
			}
			break;
		}
		return 0; /* not a key of the grid */
	}
	return TUI_HANDLED;
}

/* Values go to the cells at the same offsets from the cursor, in its block;
 * all are checked before any is put in. */
void sheet_paste(struct app *a, const char *text)
{
	const struct fblock *b = grid_block(a);
	int cell0 = grid_cell(a);
	int r0 = a->f->cells[cell0].r, c0 = a->f->cells[cell0].c;
	struct targets {
		int cell;
		struct value v;
	} *t = NULL;
	int n = 0, row = 0, bad = 0;
	char msg[256] = "";
	/* rows end in LF, CRLF or CR (terminals paste line ends as CR) */
	for (const char *p = text; *p && !bad; row++) {
		size_t len = strcspn(p, "\r\n");
		char *line = xstrndup(p, len);
		p += len;
		if (*p == '\r' && p[1] == '\n')
			p += 2;
		else if (*p)
			p++;
		if (*line == '\0' && *p == '\0') {
			free(line);
			break; /* the newline that ends the last row */
		}
		int col = 0;
		for (char *v = line;; col++) {
			char *tab = strchr(v, '\t');
			if (tab)
				*tab = '\0';
			if (r0 + row >= b->nrows || c0 + col >= b->ncols) {
				snprintf(msg, sizeof msg,
					 _("Nothing pasted: the block is %d rows by %d "
					   "columns from here"),
					 b->nrows - r0, b->ncols - c0);
				bad = 1;
				break;
			}
			int cell = form_cell(b, r0 + row, c0 + col);
			/* a computed cell keeps its value: what was copied there is
			 * skipped over */
			if (a->f->cells[cell].formula == NULL) {
				struct value val;
				const char *why;
				if (value_parse(v, &a->f->cells[cell].type, &val, &why) < 0) {
					char *where = form_row_path(b, r0 + row, " › ");
					snprintf(msg, sizeof msg,
						 _("Nothing pasted: '%s' (%s × %s) %s"), v, where,
						 b->col[c0 + col]->label, _(why));
					free(where);
					bad = 1;
					break;
				}
				t = xreallocarray(t, (size_t)n + 1, sizeof *t);
				t[n++] = (struct targets){cell, val};
			}
			if (tab == NULL)
				break;
			v = tab + 1;
		}
		free(line);
	}
	if (bad) {
		app_message(a, 1, "%s", msg);
	} else if (n > 0) {
		change_cells(a, n, &t[0].cell, sizeof *t, &t[0].v);
		app_message(a, 0, _("Pasted %d values (u undoes them all)"), n);
	}
	for (int i = 0; i < n; i++)
		value_clear(&t[i].v);
	free(t);
}
