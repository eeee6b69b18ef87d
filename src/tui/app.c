/* The editing screen's main loop: one struct app, key handlers that change
 * the model through the engine and return flags, one drawing pass a loop. */
#include "config.h"

#include "tui.h"
#include "buf.h"
#include "diag.h"
#include "engine.h"
#include "expr.h"
#include "form.h"
#include "recover.h"
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

void app_ask(struct app *a, void (*yes)(struct app *a), const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(a->ask, sizeof a->ask, fmt, ap);
	va_end(ap);
	a->ask_yes = yes;
}

/* The answer to app_ask's question: y yes, n or Esc no, anything else
 * asks again. */
static int app_key_ask(struct app *a, int key)
{
	void (*yes)(struct app *) = a->ask_yes;
	if (key == 'y' || key == 'Y') {
		a->ask_yes = NULL;
		yes(a);
	} else if (key == 'n' || key == 'N' || key == 27) {
		a->ask_yes = NULL;
		app_message(a, 0, "%s", _("Nothing done"));
	}
	return TUI_HANDLED;
}

void app_count(struct app *a)
{
	struct problem *p;
	int n = engine_problems(a->e, &p);
	a->errors = a->acknowledged = 0;
	for (int i = 0; i < n; i++) {
		a->errors += p[i].severity == DIAG_ERROR;
		a->acknowledged += p[i].acknowledged != NULL;
	}
	a->warnings = n - a->errors - a->acknowledged;
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
	int used =
	    snprintf(right, sizeof right, _("errors %d  warnings %d"), a->errors, a->warnings);
	if (a->acknowledged > 0)
		snprintf(right + used, sizeof right - (size_t)used, _(" (+%d acknowledged)"),
			 a->acknowledged);
	/* most important first: what is cut at the right matters least */
	/* the marker has a slot of its own, so setting it moves nothing */
	char *left = xasprintf(
	    "%s%s  %s%s%s  %s", app_basename(a->path), a->modified ? " [+]" : "    ",
	    k >= 0 && a->r->header[k] ? a->r->header[k] : "", y >= 0 && a->r->header[y] ? " " : "",
	    y >= 0 && a->r->header[y] ? a->r->header[y] : "", a->f->title);
	int rw = width_str_amb(right, a->amb) + 1;
	attron(A_REVERSE);
	move(0, 0);
	grid_text(a, left, a->cols - rw > 0 ? a->cols - rw : 0, ALIGN_LEFT);
	if (a->cols - rw > 0)
		grid_text(a, right, rw, ALIGN_RIGHT); /* only its digits change: cheap to redraw */
	attrset(A_NORMAL);
	free(left);
}

/* The name a tab shows: in full, or when they do not all fit (but for the
 * current one) the short name before a space: 表三 for 表三 依申请公开. */
static char *app_tab_name(const struct app *a, int i)
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
static int app_tab_at(const struct app *a, int x)
{
	for (int i = 0, left = 0; i < a->npages && left < a->cols; i++) {
		char *shown = app_tab_name(a, i);
		int w = width_str_amb(shown, a->amb) + 2;
		free(shown);
		if (x >= left && x < left + w)
			return i;
		left += w + 1;
	}
	return -1;
}

static void app_draw_tabs(const struct app *a)
{
	move(1, 0);
	int x = 0;
	for (int i = 0; i < a->npages && x < a->cols; i++) {
		char *shown = app_tab_name(a, i);
		int w = width_str_amb(shown, a->amb) + 2;
		if (x + w > a->cols)
			w = a->cols - x;
		attrset(i == a->page ? A_REVERSE | A_BOLD : A_NORMAL);
		grid_text(a, shown, w, ALIGN_CENTER);
		attrset(A_NORMAL);
		free(shown);
		x += w;
		if (x < a->cols)
			addch(' '), x++;
	}
	for (; x < a->cols; x++)
		addch(' ');
}

/* The status line: a question or a message when there is one, else the
 * page's own. */
static void app_draw_status(const struct app *a)
{
	move(a->rows - 2, 0);
	if (a->searching) {
		char *line =
		    xasprintf("%s %s", _("Go to the row whose label contains:"), a->ed.buf);
		attron(A_BOLD);
		grid_text(a, line, a->cols, ALIGN_LEFT);
		attrset(A_NORMAL);
		move(a->rows - 2, width_str_amb(line, a->amb) < a->cols
				      ? width_str_amb(line, a->amb)
				      : a->cols - 1);
		curs_set(1);
		free(line);
		return;
	}
	if (a->ask_yes != NULL) {
		char *line = xasprintf("%s %s", a->ask, _("(y yes, n no)"));
		attron(A_REVERSE | A_BOLD);
		grid_text(a, line, a->cols, ALIGN_LEFT);
		attrset(A_NORMAL);
		free(line);
		return;
	}
	if (a->quit_prompt) {
		attron(A_REVERSE | A_BOLD);
		grid_text(a, _("Unsaved changes: S save and quit, D discard and quit, Esc go back"),
			  a->cols, ALIGN_LEFT);
		attrset(A_NORMAL);
		return;
	}
	if (a->message[0]) {
		attrset(a->message_error ? A_BOLD : A_NORMAL);
		grid_text(a, a->message, a->cols, ALIGN_LEFT);
		attrset(A_NORMAL);
		return;
	}
	if (a->readonly) {
		attron(A_BOLD);
		grid_text(a, _("Read-only: the report is open in another nianbao"), a->cols,
			  ALIGN_LEFT);
		attrset(A_NORMAL);
		return;
	}
	switch (a->pages[a->page].kind) {
	case PAGE_TABLE:
		sheet_status(a);
		break;
	case PAGE_COVER:
		cover_status(a);
		break;
	case PAGE_PROSE:
		prose_status(a);
		break;
	}
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
		grid_text(a, _("Window too small"), a->cols - 1, ALIGN_LEFT);
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
	if (a->help || a->view != VIEW_NONE) {
		curs_set(0);
		if (a->help)
			help_draw(a);
		else if (a->view == VIEW_PROBLEMS)
			problems_draw(a);
		else
			preview_draw(a);
		refresh();
		return;
	}
	app_draw_title(a);
	app_draw_tabs(a);
	a->cursor_y = -1;
	switch (a->pages[a->page].kind) {
	case PAGE_TABLE:
		grid_draw(a, 2, a->rows - 3);
		break;
	case PAGE_COVER:
		cover_draw(a, 2, a->rows - 3);
		break;
	case PAGE_PROSE:
		prose_draw(a, 2, a->rows - 3);
		break;
	}
	int cy, cx;
	getyx(stdscr, cy, cx);
	app_draw_status(a);
	move(a->rows - 1, 0);
	attron(A_DIM);
	grid_text(a, _("F1 help  F2 save  F3 problems  F4 preview  F10 quit  [ ] pages  u undo"),
		  a->cols, ALIGN_LEFT);
	attrset(A_NORMAL);
	if (a->ed.active && !a->searching) {
		/* the cursor stays where the text is typed */
		if (a->pages[a->page].kind == PAGE_TABLE && a->cursor_y >= 0)
			move(a->cursor_y, a->cursor_x);
		else
			move(cy, cx);
	}
	/* once a frame: shown only where text is typed */
	curs_set(a->ed.active ? 1 : 0);
	if (a->mode == MODE_SAVEAS)
		session_draw(a); /* over the status and hint lines */
	refresh();
}

static void app_pages(struct app *a)
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

static void app_goto_page(struct app *a, int page);

/* A click selects a tab or a cell; the wheel scrolls. */
static int app_mouse(struct app *a)
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
		int page = app_tab_at(a, ev.x);
		if (page >= 0)
			app_goto_page(a, page);
	} else if (kind == PAGE_TABLE && ev.y >= 2 && ev.y < a->rows - 2) {
		grid_click(a, ev.y, ev.x);
	} else if (kind == PAGE_COVER && ev.y >= 3 && (ev.y - 3) % 2 == 0 &&
		   (ev.y - 3) / 2 < a->f->nheader) {
		a->cover_row = (ev.y - 3) / 2;
	}
	return TUI_HANDLED;
}

static void app_goto_page(struct app *a, int page)
{
	a->page = page;
	a->ed.active = 0;
	a->prose_top = 0;
	if (a->pages[page].kind == PAGE_TABLE) {
		a->table = a->pages[page].index;
		grid_first_editable(a);
	}
}

static void app_switch(struct app *a, int dir)
{
	app_goto_page(a, (a->page + dir + a->npages) % a->npages);
}

void app_goto_cell(struct app *a, int cell)
{
	const struct ftable *t = a->f->cells[cell].block->table;
	for (int i = 0; i < a->npages; i++)
		if (a->pages[i].kind == PAGE_TABLE && a->f->tables[a->pages[i].index] == t) {
			app_goto_page(a, i);
			grid_goto_cell(a, cell);
			return;
		}
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

int app_find_row(struct app *a, const char *text)
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
				app_goto_cell(a, form_cell(b, r, c));
				return 0;
			}
		}
	return -1;
}

/* Keys that mean the same on every page. */
static int app_key_global(struct app *a, int key)
{
	if (key == (KEYS_PGDN | KEYS_CTRL) || key == ']') {
		app_switch(a, 1);
		return TUI_HANDLED;
	}
	if (key == (KEYS_PGUP | KEYS_CTRL) || key == '[') {
		app_switch(a, -1);
		return TUI_HANDLED;
	}
	switch (key) {
	case KEYS_MOUSE:
		return app_mouse(a);
	case KEYS_F(1):
	case '?':
		a->help = 1;
		return TUI_HANDLED;
	case KEYS_F(2):
	case 19: /* Ctrl-S */
		session_save(a);
		return TUI_HANDLED;
	case KEYS_F(3):
		a->view = VIEW_PROBLEMS;
		a->problem_sel = 0;
		return TUI_HANDLED;
	case KEYS_F(4):
		a->view = VIEW_PREVIEW;
		a->preview_top = a->preview_left = 0;
		return TUI_HANDLED;
	case KEYS_F(5):
		preview_print(a);
		return TUI_HANDLED;
	case KEYS_F(10):
	case 17: /* Ctrl-Q */
		return app_quit(a);
	case 'u':
	case 26: /* Ctrl-Z */
	case 18: /* Ctrl-R */
	case 25: /* Ctrl-Y */
		if (a->readonly)
			app_message(a, 1, "%s",
				    _("Read-only: the report is open in another nianbao"));
		else
			change_undo(a, key == 18 || key == 25);
		return TUI_HANDLED;
	case 'g':
	case '/':
		a->searching = 1;
		edit_start_text(&a->ed, "");
		return TUI_HANDLED;
	case 'n':
	case 'N': {
		int from = a->pages[a->page].kind == PAGE_TABLE ? grid_cell(a) : -1;
		int cell = problems_next(a, key == 'n' ? 1 : -1, from);
		if (cell < 0)
			app_message(a, 0, "%s", _("No problems."));
		else
			app_goto_cell(a, cell);
		return TUI_HANDLED;
	}
	default:
		return 0;
	}
}

/* A key with modifiers acts as the plain key (Shift-Up as Up), but for
 * the few that mean something of their own; Alt and a character means
 * nothing and says so. 0: nothing more to do. */
static int app_plain_key(struct app *a, int key)
{
	int base = key & ~KEYS_MODS;
	if (!(key & KEYS_MODS) || key == KEYS_BTAB || key == (KEYS_PGDN | KEYS_CTRL) ||
	    key == (KEYS_PGUP | KEYS_CTRL) || key == (KEYS_HOME | KEYS_CTRL) ||
	    key == (KEYS_END | KEYS_CTRL))
		return key;
	if (base < KEYS_SPECIAL) {
		char name[64];
		keys_name(key, name, sizeof name);
		app_message(a, 1, _("%s is not a key of nianbao: nothing done"), name);
		return 0;
	}
	return base;
}

static int app_key(struct app *a, int key)
{
	/* a bracketed paste: everything up to its end marker is the text */
	if (a->pasting) {
		if (key == KEYS_PASTE_END) {
			a->pasting = 0;
			if (a->readonly)
				app_message(a, 1, "%s",
					    _("Read-only: the report is open in another nianbao"));
			else if (a->pages[a->page].kind == PAGE_TABLE && a->mode == MODE_GRID &&
				 a->view == VIEW_NONE && !a->ed.active)
				sheet_paste(a, a->paste->data);
			else
				app_message(a, 1, "%s", _("Paste a block of values on a table"));
		} else if (key >= 128 && key < KEYS_SPECIAL) {
			char mb[8];
			buf_add(a->paste, mb, (size_t)width_encode((uint32_t)key, mb));
		} else if (key > 0 && key < 128) {
			buf_putc(a->paste, (char)key);
		}
		return TUI_HANDLED;
	}
	if (key == KEYS_PASTE_START) {
		a->pasting = 1;
		a->paste->len = 0;
		a->paste->data[0] = '\0';
		return TUI_HANDLED;
	}
	a->message[0] = '\0';
	if (key == KEYS_UNKNOWN) {
		/* consumed whole: no part of it is read as a key */
		app_message(a, 1, _("Unknown key %s: nothing done"), a->ev.seq);
		return TUI_HANDLED;
	}
	key = app_plain_key(a, key);
	if (key == 0)
		return TUI_HANDLED;
	if (key == KEYS_RESIZE) {
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
	if (a->ask_yes != NULL)
		return app_key_ask(a, key);
	if (a->view == VIEW_PROBLEMS)
		return problems_key(a, key);
	if (a->view == VIEW_PREVIEW) {
		if (key == KEYS_F(5)) {
			preview_print(a);
			a->view = VIEW_NONE;
			return TUI_HANDLED;
		}
		preview_key(a, key);
		return TUI_HANDLED;
	}
	if (a->searching) {
		const char *why;
		if (key == 27) {
			a->searching = a->ed.active = 0;
		} else if (key == '\n' || key == '\r') {
			a->searching = a->ed.active = 0;
			if (*a->ed.buf && app_find_row(a, a->ed.buf) < 0)
				app_message(a, 1, _("No row label contains '%s'"), a->ed.buf);
		} else {
			edit_key(&a->ed, key, NULL, &why);
		}
		return TUI_HANDLED;
	}
	enum page_kind kind = a->pages[a->page].kind;
	if (a->ed.active) /* typing: every key is the page's */
		return kind == PAGE_TABLE ? sheet_key(a, key) : cover_key(a, key);
	int rc = app_key_global(a, key);
	if (rc)
		return rc;
	/* the page's own keys; one it does not take is ignored */
	if (kind == PAGE_TABLE)
		sheet_key(a, key);
	else if (kind == PAGE_COVER)
		cover_key(a, key);
	else
		prose_key(a, key);
	return TUI_HANDLED;
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

int app_words(char *command, char **argv, int max)
{
	int n = 0;
	for (char *save, *w = strtok_r(command, " \t", &save); w && n < max - 1;
	     w = strtok_r(NULL, " \t", &save))
		argv[n++] = w;
	argv[n] = NULL;
	return n;
}

void app_language(void)
{
	/* a Chinese locale this machine lacks still asks for Chinese */
	const char *lang = getenv("LANGUAGE"), *msgs = setlocale(LC_MESSAGES, NULL);
	if ((lang == NULL || *lang == '\0') && msgs && strcmp(msgs, "C.UTF-8") == 0 &&
	    strncmp(width_language(), "zh", 2) == 0)
		setenv("LANGUAGE", "zh_CN", 1);
	const char *dir = getenv("NIANBAO_LOCALEDIR");
	bindtextdomain(PACKAGE, dir && *dir ? dir : LOCALEDIR);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
}

int tui_run(const char *path, int utf8_locale, const struct timespec *t0, const struct tui_opts *o)
{
	if (!utf8_locale) {
		fprintf(stderr,
			"nianbao: the terminal's locale (%s) is not UTF-8; set LANG to a "
			"UTF-8 locale such as zh_CN.UTF-8 or C.UTF-8\n",
			*width_language() ? width_language() : "C");
		return 2;
	}
	app_language();
	struct diags d;
	diags_init(&d);
	struct report *r = report_load(path, NULL, &d);
	if (r == NULL) {
		diags_print(&d, stderr);
		diags_free(&d);
		return 2;
	}
	diags_free(&d);
	start_remember(path);
	struct app a = {0};
	a.r = r;
	a.f = r->form;
	a.path = xstrdup(path);
	a.lock_fd = -1;
	a.e = engine_new(r);
	app_count(&a);
	history_init(&a.hist);
	const char *env_print = getenv("NIANBAO_PRINT_COMMAND");
	const char *print_command = o->print_command;
	const char *env_amb = getenv("NIANBAO_WIDE_AMBIGUOUS");
	a.amb = o->wide_ambiguous || (env_amb && strcmp(env_amb, "1") == 0);
	a.print_command = print_command             ? print_command
			  : env_print && *env_print ? env_print
						    : "lp";
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
	input_start(&a);
	a.color = has_colors() && getenv("NO_COLOR") == NULL;
	if (a.color) {
		start_color();
		use_default_colors();
		init_pair(1, COLOR_RED, -1);
		init_pair(2, COLOR_YELLOW, -1);
		init_pair(3, COLOR_CYAN, -1);
		init_pair(4, COLOR_WHITE, COLOR_BLUE);
	}
	struct buf paste;
	buf_init(&paste);
	a.paste = &paste;
	getmaxyx(stdscr, a.rows, a.cols);
	grid_build(&a);
	app_pages(&a);
	/* the tables are the clerk's main work: start on the first */
	for (int i = a.npages - 1; i >= 0; i--)
		if (a.pages[i].kind == PAGE_TABLE)
			a.page = i;
	app_goto_page(&a, a.page);
	int clean = 0;
	for (;;) {
		app_draw(&a);
		if (app_hangup)
			break;
		if (app_bench_startup(t0)) {
			clean = 1;
			break;
		}
		int key = input_key(&a);
		if (key < 0 || app_hangup)
			break; /* the terminal is gone: never spin on it */
		if (app_key(&a, key) & TUI_QUIT) {
			clean = 1;
			break;
		}
	}
	input_end(&a);
	endwin();
	buf_free(&paste);
	/* a closed terminal keeps the journal: its edits are offered next time */
	session_close(&a, clean);
	free(a.path);
	free(a.pages);
	history_free(&a.hist);
	grid_free(&a);
	engine_free(a.e);
	report_free(r);
	return 0;
}
