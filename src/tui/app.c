/* The editing screen's loop and its one state: a table of what each state
 * draws and what its keys do, the keys every page shares, and the two
 * questions of the app itself (yes or no; save before quitting). Every
 * file it calls is below it; none calls back. */
#include "config.h"

#include "tui/tui.h"
#include "base/buf.h"
#include "base/diag.h"
#include "engine/engine.h"
#include "model/form.h"
#include "model/report.h"
#include "base/xmalloc.h"

#include <curses.h>
#include <langinfo.h>
#include <locale.h>
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

/* STATE_ASK: the question on the status line over the page. */
static void app_ask_draw(struct app *a)
{
	frame_draw(a);
	char *line = xasprintf("%s %s", a->ask, _("(y yes, n no)"));
	move(a->rows - 2, 0);
	attron(A_REVERSE | A_BOLD);
	screen_text(a, line, a->cols, ALIGN_LEFT);
	attrset(A_NORMAL);
	curs_set(0);
	free(line);
}

/* y yes, n or Esc no, anything else asks again. */
static int app_ask_key(struct app *a, int key)
{
	void (*yes)(struct app *) = a->ask_yes;
	if (key == 'y' || key == 'Y') {
		a->ask_yes = NULL;
		a->state = STATE_PAGE;
		yes(a);
	} else if (key == 'n' || key == 'N' || key == KEYS_ESC) {
		a->ask_yes = NULL;
		a->state = STATE_PAGE;
		screen_message(a, 0, "%s", _("Nothing done"));
	}
	return TUI_HANDLED;
}

static void app_quit_draw(struct app *a)
{
	frame_draw(a);
	move(a->rows - 2, 0);
	attron(A_REVERSE | A_BOLD);
	screen_text(a, _("Unsaved changes: S save and quit, D discard and quit, Esc go back"),
		    a->cols, ALIGN_LEFT);
	attrset(A_NORMAL);
	curs_set(0);
}

static int app_quit_key(struct app *a, int key)
{
	switch (key) {
	case 's':
	case 'S':
	case 'y':
	case 'Y':
		a->state = STATE_PAGE;
		if (session_save(a) == 0)
			return TUI_QUIT;
		a->quit_after_save = 1; /* once the question or the new name is answered */
		return TUI_HANDLED;
	case 'd':
	case 'D':
	case 'n':
	case 'N':
		return TUI_QUIT;
	case KEYS_ESC:
	case 'c':
	case 'C':
		a->state = STATE_PAGE;
		screen_message(a, 0, "%s", _("Not quitting"));
		return TUI_HANDLED;
	default:
		return TUI_HANDLED;
	}
}

/* Keys that mean the same on every page. */
static int app_key_global(struct app *a, int key)
{
	if (key == (KEYS_PGDN | KEYS_CTRL) || key == ']' || key == (KEYS_PGUP | KEYS_CTRL) ||
	    key == '[') {
		int dir = key == ']' || key == (KEYS_PGDN | KEYS_CTRL) ? 1 : -1;
		nav_goto_page(a, (a->page + dir + a->npages) % a->npages);
		return TUI_HANDLED;
	}
	switch (key) {
	case KEYS_MOUSE:
		return frame_mouse(a);
	case KEYS_F(1):
	case '?':
		a->state = STATE_HELP;
		return TUI_HANDLED;
	case KEYS_F(2):
	case 19: /* Ctrl-S */
		session_save(a);
		return TUI_HANDLED;
	case KEYS_F(3):
		a->state = STATE_PROBLEMS;
		a->problem_sel = 0;
		return TUI_HANDLED;
	case KEYS_F(4):
		a->state = STATE_PREVIEW;
		a->preview.top = a->preview.left = 0;
		a->preview.compare = 0;
		return TUI_HANDLED;
	case 'D': /* a roll-up: each report's value of the cell */
		if (a->pages[a->page].kind == PAGE_TABLE)
			units_open(a, grid_cell(a));
		else
			screen_message(a, 1, "%s", _("D works on a cell of a table"));
		return TUI_HANDLED;
	case 'L': /* last year's and the change beside each value */
		grid_compare(a, !a->grid_compare);
		return TUI_HANDLED;
	case KEYS_F(5):
		preview_print(a);
		return TUI_HANDLED;
	case KEYS_F(10):
	case 17: /* Ctrl-Q */
		if (!a->modified)
			return TUI_QUIT;
		a->state = STATE_QUIT;
		return TUI_HANDLED;
	case 'u':
	case 26: /* Ctrl-Z */
	case 18: /* Ctrl-R */
	case 25: /* Ctrl-Y */
		if (!screen_readonly(a))
			edits_undo(a, key == 18 || key == 25);
		return TUI_HANDLED;
	case 'g':
	case '/':
		edit_start_text(&a->ed, "");
		a->state = STATE_SEARCH;
		return TUI_HANDLED;
	case 'n':
	case 'N': {
		int from = a->pages[a->page].kind == PAGE_TABLE ? grid_cell(a) : -1;
		int cell = problems_next(a, key == 'n' ? 1 : -1, from);
		if (cell < 0)
			screen_message(a, 0, "%s", _("No problems."));
		else
			nav_goto_cell(a, cell);
		return TUI_HANDLED;
	}
	default:
		return 0;
	}
}

/* STATE_PAGE: the shared keys first, then the page's; a key neither takes
 * is ignored. */
static int app_page_key(struct app *a, int key)
{
	int rc = app_key_global(a, key);
	if (rc != 0)
		return rc; /* TUI_QUIT among them */
	page_ops[a->pages[a->page].kind].key(a, key);
	return TUI_HANDLED;
}

/* STATE_TYPING: every key is the typing's. */
static int app_typing_key(struct app *a, int key)
{
	int (*typing)(struct app *, int) = page_ops[a->pages[a->page].kind].typing;
	if (typing != NULL)
		typing(a, key);
	else
		a->state = STATE_PAGE; /* nothing types on this page */
	return TUI_HANDLED;
}

/* What each state draws and what its keys do: the one dispatch. */
static const struct {
	void (*draw)(struct app *a);
	int (*key)(struct app *a, int key);
} app_states[STATE_COUNT] = {
    [STATE_PAGE] = {frame_draw, app_page_key},
    [STATE_TYPING] = {frame_draw, app_typing_key},
    [STATE_SEARCH] = {search_draw, search_key},
    [STATE_ASK] = {app_ask_draw, app_ask_key},
    [STATE_QUIT] = {app_quit_draw, app_quit_key},
    [STATE_HELP] = {help_draw, help_key},
    [STATE_PROBLEMS] = {problems_draw, problems_key},
    [STATE_ACK] = {problems_ack_draw, problems_ack_key},
    [STATE_PREVIEW] = {preview_draw, preview_key},
    [STATE_LOCKED] = {session_locked_draw, session_locked_key},
    [STATE_RECOVER] = {session_recover_draw, session_recover_key},
    [STATE_DIFF] = {session_diff_draw, session_diff_key},
    [STATE_CHANGED] = {session_changed_draw, session_changed_key},
    [STATE_SAVEAS] = {session_saveas_draw, session_saveas_key},
    [STATE_UNITS] = {units_draw, units_key},
};

static void app_draw(struct app *a)
{
	getmaxyx(stdscr, a->rows, a->cols);
	erase();
	curs_set(0);
	if (a->rows < 8 || a->cols < 30) {
		/* too small to work in: say so, and wait for a bigger window; the
		 * message keeps off the last column, which on a one-line screen is
		 * the bottom-right corner ncurses cannot write safely */
		move(0, 0);
		screen_text(a, _("Window too small"), a->cols - 1, ALIGN_LEFT);
		refresh();
		return;
	}
	app_states[a->state].draw(a);
	refresh();
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
		screen_message(a, 1, _("%s is not a key of nianbao: nothing done"), name);
		return 0;
	}
	return base;
}

/* For the tests of the screen: with NIANBAO_TEST_SYNC=FILE, the unknown
 * key ESC [ 9 9 9 9 ~ does nothing but add a line to FILE, so a test knows
 * every key sent before it has been read and its screen drawn. */
static int app_test_sync(const struct app *a)
{
	const char *file = getenv("NIANBAO_TEST_SYNC");
	if (file == NULL || *file == '\0' || strcmp(a->ev.seq, "ESC [ 9 9 9 9 ~") != 0)
		return 0;
	FILE *fp = fopen(file, "a");
	if (fp != NULL) {
		fputs("read\n", fp);
		fclose(fp);
	}
	return 1;
}

static int app_key(struct app *a, int key)
{
	if (key == KEYS_UNKNOWN && app_test_sync(a))
		return TUI_HANDLED;
	if (key == KEYS_PASTE_END) {
		/* a whole bracketed paste, its text in a->paste */
		if (a->state == STATE_PAGE && a->pages[a->page].kind == PAGE_TABLE) {
			if (!screen_readonly(a))
				sheet_paste(a, a->paste->data);
		} else {
			screen_message(a, 1, "%s", _("Paste a block of values on a table"));
		}
		return TUI_HANDLED;
	}
	a->message[0] = '\0';
	if (key == KEYS_UNKNOWN) {
		/* consumed whole: no part of it is read as a key */
		screen_message(a, 1, _("Unknown key %s: nothing done"), a->ev.seq);
		return TUI_HANDLED;
	}
	key = app_plain_key(a, key);
	if (key == 0)
		return TUI_HANDLED;
	if (key == KEYS_RESIZE) {
		grid_relayout(a);
		return TUI_HANDLED;
	}
	return app_states[a->state].key(a, key);
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

int tui_run(const char *path, int utf8_locale, const struct timespec *t0, const struct tui_opts *o)
{
	if (!utf8_locale) {
		fprintf(stderr,
			"nianbao: the terminal's locale (%s) is not UTF-8; set LANG to a "
			"UTF-8 locale such as zh_CN.UTF-8 or C.UTF-8\n",
			*width_language() ? width_language() : "C");
		return 2;
	}
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
	screen_count(&a);
	history_init(&a.hist);
	const char *env_print = getenv("NIANBAO_PRINT_COMMAND");
	const char *print_command = o->print_command;
	const char *env_amb = getenv("NIANBAO_WIDE_AMBIGUOUS");
	a.amb = o->wide_ambiguous || (env_amb && strcmp(env_amb, "1") == 0);
	a.html = o->html;
	a.pdf = o->pdf;
	a.docx = o->docx;
	const char *env_pdf = getenv("NIANBAO_PRINT_PDF");
	a.print_pdf = o->print_pdf || (env_pdf && strcmp(env_pdf, "1") == 0);
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
		static const short colours[PAIR_COUNT][2] = {
		    [PAIR_ERROR] = {COLOR_RED, -1},
		    [PAIR_WARNING] = {COLOR_YELLOW, -1},
		    [PAIR_COMPUTED] = {COLOR_CYAN, -1},
		};
		for (int p = 1; p < PAIR_COUNT; p++)
			init_pair((short)p, colours[p][0], colours[p][1]);
	}
	struct buf paste;
	buf_init(&paste);
	a.paste = &paste;
	getmaxyx(stdscr, a.rows, a.cols);
	grid_build(&a);
	nav_pages(&a);
	/* the tables are the clerk's main work: start on the first */
	for (int i = a.npages - 1; i >= 0; i--)
		if (a.pages[i].kind == PAGE_TABLE)
			a.page = i;
	nav_goto_page(&a, a.page);
	if (o->cell != NULL) {
		/* opened from a roll-up's list at one cell */
		int cell = report_cell_by_path(a.f, o->cell);
		if (cell >= 0)
			nav_goto_cell(&a, cell);
	}
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
	free(a.html_path);
	units_free(&a);
	free(a.pages);
	history_free(&a.hist);
	grid_free(&a);
	report_free((struct report *)engine_previous_report(a.e));
	engine_free(a.e);
	report_free(r);
	return 0;
}
