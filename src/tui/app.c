/* The editing screen's main loop: one struct app, key handlers that change
 * the model through the engine and return flags, one drawing pass a loop. */
#include "config.h"

#include "tui.h"
#include "buf.h"
#include "diag.h"
#include "engine.h"
#include "expr.h"
#include "form.h"
#include "report.h"
#include "savefile.h"
#include "xmalloc.h"

#include <curses.h>
#include <langinfo.h>
#include <locale.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static volatile sig_atomic_t app_hangup;

static void app_on_signal(int sig)
{
	app_hangup = sig;
}

static void app_restore_terminal(void)
{
	if (!isendwin())
		endwin();
}

void app_message(struct app *a, int error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(a->message, sizeof a->message, fmt, ap);
	va_end(ap);
	a->message_error = error;
}

static void app_count(struct app *a)
{
	struct problem *p;
	int n = engine_problems(a->e, &p);
	a->errors = 0;
	for (int i = 0; i < n; i++)
		a->errors += p[i].severity == DIAG_ERROR;
	a->warnings = n - a->errors;
	engine_problems_free(p, n);
}

static const char *app_basename(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

static void app_draw_title(const struct app *a)
{
	int k = form_hfield(a->f, "organ"), y = form_hfield(a->f, "year");
	char right[128];
	snprintf(right, sizeof right, _("errors %d  warnings %d"), a->errors, a->warnings);
	/* most important first: what is cut at the right matters least */
	/* the marker has a slot of its own, so setting it moves nothing */
	char *left = xasprintf("%s%s  %s%s%s  %s", app_basename(a->path), a->modified ? " [+]" : "    ",
			       k >= 0 && a->r->header[k] ? a->r->header[k] : "",
			       y >= 0 && a->r->header[y] ? " " : "",
			       y >= 0 && a->r->header[y] ? a->r->header[y] : "", a->f->title);
	int rw = width_str(right) + 1;
	attron(A_REVERSE);
	move(0, 0);
	grid_text(left, a->cols - rw > 0 ? a->cols - rw : 0, ALIGN_LEFT);
	if (a->cols - rw > 0)
		grid_text(right, rw, ALIGN_RIGHT); /* only its digits change: cheap to redraw */
	attrset(A_NORMAL);
	free(left);
}

static void app_draw_tabs(const struct app *a)
{
	move(1, 0);
	int x = 0;
	for (int t = 0; t < a->f->ntables && x < a->cols; t++) {
		const char *name = a->f->tables[t]->tab;
		int w = width_str(name) + 2;
		if (x + w > a->cols)
			w = a->cols - x;
		attrset(t == a->table ? A_REVERSE | A_BOLD : A_NORMAL);
		grid_text(name, w, ALIGN_CENTER);
		attrset(A_NORMAL);
		x += w;
		if (x < a->cols)
			addch(' '), x++;
	}
	for (; x < a->cols; x++)
		addch(' ');
}

static const char *app_type_name(const struct celltype *t)
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

struct app_sum {
	const struct form *f;
	struct buf *b;
	int row, n; /* all in one row: name columns; else rows */
	int first;
};

static void app_sum_cell(int cell, void *arg)
{
	struct app_sum *S = arg;
	const struct fcell *fc = &S->f->cells[cell];
	const char *label = S->row ? fc->block->col[fc->c]->label : fc->block->row[fc->r]->label;
	buf_puts(S->b, S->n++ ? " + " : "");
	buf_puts(S->b, label);
}

static void app_same_row(int cell, void *arg)
{
	struct app_sum *S = arg;
	int r = S->f->cells[cell].r;
	if (S->first < 0)
		S->first = r;
	else if (r != S->first)
		S->row = 0;
}

/* The status line: where the cursor is, what the cell holds or computes,
 * and what is wrong with it; or the last message. */
static void app_draw_status(const struct app *a)
{
	int y = a->rows - 2;
	move(y, 0);
	if (a->readonly && !a->message[0]) {
		attron(A_BOLD);
		grid_text(_("Read-only: the report is open in another nianbao"), a->cols,
			  ALIGN_LEFT);
		attrset(A_NORMAL);
		return;
	}
	if (a->quit_prompt) {
		attron(A_REVERSE | A_BOLD);
		grid_text(_("Unsaved changes: S save and quit, D discard and quit, Esc go back"),
			  a->cols, ALIGN_LEFT);
		attrset(A_NORMAL);
		return;
	}
	if (a->message[0]) {
		attrset(a->message_error ? A_BOLD : A_NORMAL);
		if (a->message_error && a->color)
			attron(COLOR_PAIR(1));
		grid_text(a->message, a->cols, ALIGN_LEFT);
		attrset(A_NORMAL);
		return;
	}
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
	buf_printf(&s, "%s × %s  [%s]", *row ? row : "", col, app_type_name(&fc->type));
	free(row);
	free(col);
	if (fc->formula != NULL) {
		struct app_sum S = {a->f, &s, 1, 0, -1};
		expr_cells(fc->formula, app_same_row, &S);
		buf_puts(&s, _("  computed: "));
		expr_cells(fc->formula, app_sum_cell, &S);
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

static void app_draw(struct app *a)
{
	getmaxyx(stdscr, a->rows, a->cols);
	erase();
	if (a->rows < 8 || a->cols < 30) {
		/* too small to work in: say so, and wait for a bigger window; the
		 * message keeps off the last column, which on a one-line screen is
		 * the bottom-right corner ncurses cannot write safely */
		move(0, 0);
		grid_text(_("Window too small"), a->cols - 1, ALIGN_LEFT);
		curs_set(0);
		refresh();
		return;
	}
	if (a->mode != MODE_GRID && a->mode != MODE_SAVEAS) {
		curs_set(0);
		session_draw(a);
		refresh();
		return;
	}
	if (a->help) {
		help_draw(a);
		curs_set(0);
		refresh();
		return;
	}
	app_draw_title(a);
	app_draw_tabs(a);
	grid_draw(a, 2, a->rows - 3);
	app_draw_status(a);
	move(a->rows - 1, 0);
	attron(A_DIM);
	grid_text(_("F1 help  F2 save  F10 quit  [ ] tables  Enter edit  Del blank"), a->cols,
		  ALIGN_LEFT);
	attrset(A_NORMAL);
	curs_set(0);
	if (a->mode == MODE_SAVEAS)
		session_draw(a); /* over the status and hint lines */
	refresh();
}

/* Puts the typed value into the model; 0, or -1 when it is refused. */
static int app_commit(struct app *a)
{
	int cell = grid_cell(a);
	const struct celltype *t = &a->f->cells[cell].type;
	struct value v;
	const char *why;
	if (value_parse(a->ed.text, t, &v, &why) < 0) {
		app_message(a, 1, _("'%s' refused: %s"), a->ed.text, _(why));
		return -1;
	}
	if (engine_edit(a->e, cell, &v) > 0) {
		a->modified = 1;
		session_journal(a, cell);
		grid_relayout(a);
	}
	value_clear(&v);
	a->ed.active = 0;
	app_count(a);
	return 0;
}

static int app_key_edit(struct app *a, int key)
{
	switch (key) {
	case 27:
		a->ed.active = 0;
		app_message(a, 0, "%s", _("Edit cancelled"));
		return TUI_HANDLED;
	case '\n':
	case '\r':
	case KEY_ENTER:
		if (app_commit(a) == 0)
			grid_move(a, 1, 0);
		return TUI_HANDLED;
	case '\t':
		if (app_commit(a) == 0)
			grid_tab(a, 1);
		return TUI_HANDLED;
	case KEY_BTAB:
		if (app_commit(a) == 0)
			grid_tab(a, -1);
		return TUI_HANDLED;
	case KEY_UP:
	case KEY_DOWN:
		if (app_commit(a) == 0)
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

static void app_switch(struct app *a, int dir)
{
	a->table = (a->table + dir + a->f->ntables) % a->f->ntables;
	grid_first_editable(a);
}

static int app_quit(struct app *a)
{
	if (!a->modified)
		return TUI_QUIT;
	a->quit_prompt = 1;
	return TUI_HANDLED;
}

static int app_key_prompt(struct app *a, int key)
{
	switch (key) {
	case 's':
	case 'S':
	case 'y':
	case 'Y':
		a->quit_prompt = 0;
		if (session_save(a) == 0)
			return TUI_QUIT;
		a->quit_after_save = 1; /* once the question or the new name is answered */
		return TUI_HANDLED;
	case 'd':
	case 'D':
	case 'n':
	case 'N':
		return TUI_QUIT;
	case 27:
	case 'c':
	case 'C':
		a->quit_prompt = 0;
		app_message(a, 0, "%s", _("Not quitting"));
		return TUI_HANDLED;
	default:
		return TUI_HANDLED;
	}
}

static int app_ctrl_pgdn, app_ctrl_pgup;

static int app_key(struct app *a, int key)
{
	a->message[0] = '\0';
	if (key == KEY_RESIZE) {
		grid_relayout(a);
		return TUI_HANDLED;
	}
	if (a->mode != MODE_GRID)
		return session_key(a, key);
	if (a->help) {
		a->help = 0;
		return TUI_HANDLED;
	}
	if (a->quit_prompt)
		return app_key_prompt(a, key);
	if (a->ed.active)
		return app_key_edit(a, key);
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
	if (key == app_ctrl_pgdn && key > 0) {
		app_switch(a, 1);
		return TUI_HANDLED;
	}
	if (key == app_ctrl_pgup && key > 0) {
		app_switch(a, -1);
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
	case ']':
		app_switch(a, 1);
		break;
	case '[':
		app_switch(a, -1);
		break;
	case KEY_F(1):
	case '?':
		a->help = 1;
		break;
	case KEY_F(2):
	case 19: /* Ctrl-S */
		session_save(a);
		break;
	case KEY_F(10):
	case 17: /* Ctrl-Q */
		return app_quit(a);
	case '\n':
	case '\r':
	case KEY_ENTER:
		if (computed) {
			app_message(a, 1, "%s", _("This total is computed and cannot be typed in"));
			break;
		}
		{
			char *s = value_str(&a->r->vals[cell]);
			edit_start(&a->ed, s);
			free(s);
		}
		break;
	case KEY_DC:
	case KEY_BACKSPACE:
	case 127:
	case 8:
		if (computed) {
			app_message(a, 1, "%s", _("This total is computed and cannot be typed in"));
		} else {
			struct value blank = {0};
			if (engine_edit(a->e, cell, &blank) > 0) {
				a->modified = 1;
				session_journal(a, cell);
			}
			app_count(a);
		}
		break;
	default:
		if ((key >= '0' && key <= '9') || key == '-' || key == '+' || key == '.') {
			if (computed) {
				app_message(a, 1, "%s",
					    _("This total is computed and cannot be typed in"));
				break;
			}
			const char *why;
			edit_start(&a->ed, "");
			if (edit_key(&a->ed, key, &a->f->cells[cell].type, &why) < 0) {
				a->ed.active = 0;
				app_message(a, 1, "%s", why);
			}
		}
		break;
	}
	return TUI_HANDLED;
}

/* The key code ncurses gives an extended key such as Ctrl-PgDn (kNXT5),
 * or 0 when this terminal has none. */
static int app_key_code(const char *cap)
{
	const char *seq = tigetstr(cap);
	if (seq == NULL || seq == (char *)-1)
		return 0;
	int code = key_defined(seq);
	return code > 0 ? code : 0;
}

/* Reads one key, wide characters included; -1 when the terminal is gone. */
static int app_read_key(void)
{
	wint_t ch;
	int rc = get_wch(&ch);
	if (rc == ERR)
		return -1;
	if (rc == KEY_CODE_YES)
		return (int)ch;
	return ch < 128 ? (int)ch : APP_CHAR + (int)ch;
}

/* The start-up benchmark's measurement: after the first complete screen. */
static int app_bench_startup(const struct timespec *t0)
{
	const char *out = getenv("NIANBAO_BENCH_STARTUP");
	if (out == NULL || *out == '\0')
		return 0;
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	FILE *fp = fopen(out, "w");
	if (fp != NULL) {
		fprintf(fp, "%.0f\n",
			(t1.tv_sec - t0->tv_sec) * 1e6 + (t1.tv_nsec - t0->tv_nsec) / 1e3);
		fclose(fp);
	}
	return 1;
}

int tui_run(const char *path, int utf8_locale, const struct timespec *t0)
{
	if (!utf8_locale) {
		fprintf(stderr,
			"nianbao: the terminal's locale (%s) is not UTF-8; set LANG to a "
			"UTF-8 locale such as zh_CN.UTF-8 or C.UTF-8\n",
			setlocale(LC_CTYPE, NULL));
		return 2;
	}
	const char *dir = getenv("NIANBAO_LOCALEDIR");
	bindtextdomain(PACKAGE, dir && *dir ? dir : LOCALEDIR);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
	struct diags d;
	diags_init(&d);
	struct report *r = report_load(path, NULL, &d);
	if (r == NULL) {
		diags_print(&d, stderr);
		diags_free(&d);
		return 2;
	}
	diags_free(&d);
	struct app a = {0};
	a.r = r;
	a.f = r->form;
	a.path = xstrdup(path);
	a.e = engine_new(r);
	app_count(&a);
	session_open(&a);

	xmalloc_fatal_hook = app_restore_terminal;
	struct sigaction sa = {0};
	sa.sa_handler = app_on_signal;
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL); /* from outside: Ctrl-C itself is a key in raw mode */
	if (initscr() == NULL) {
		fprintf(stderr, "nianbao: cannot start the screen\n");
		return 2;
	}
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	a.color = has_colors() && getenv("NO_COLOR") == NULL;
	if (a.color) {
		start_color();
		use_default_colors();
		init_pair(1, COLOR_RED, -1);
		init_pair(2, COLOR_YELLOW, -1);
		init_pair(3, COLOR_CYAN, -1);
		init_pair(4, COLOR_WHITE, COLOR_BLUE);
	}
	app_ctrl_pgdn = app_key_code("kNXT5");
	app_ctrl_pgup = app_key_code("kPRV5");
	getmaxyx(stdscr, a.rows, a.cols);
	grid_build(&a);
	grid_first_editable(&a);
	int clean = 0;
	for (;;) {
		app_draw(&a);
		if (app_hangup)
			break;
		if (app_bench_startup(t0)) {
			clean = 1;
			break;
		}
		int key = app_read_key();
		if (key < 0 || app_hangup)
			break; /* the terminal is gone: never spin on it */
		if (app_key(&a, key) & TUI_QUIT) {
			clean = 1;
			break;
		}
	}
	endwin();
	/* a closed terminal keeps the journal: its edits are offered next time */
	session_close(&a, clean);
	free(a.path);
	grid_free(&a);
	engine_free(a.e);
	report_free(r);
	return 0;
}
