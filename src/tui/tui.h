/* The editing screen: one struct app, in one state at a time; each state
 * has a draw and a key handler (app.c's table), and the files below app.c
 * never call up into it. From the bottom: screen.c (text, messages,
 * counts), edit.c (the line editor), grid.c (a table's layout and cursor),
 * nav.c (going to a page or a cell), edits.c (every change, one path),
 * then the pages (sheet.c, cover.c, prose.c) and views (problems.c,
 * preview.c, help.c), frame.c (the page screen around them), search.c and
 * session.c (the report on disk), and app.c. Only this folder includes
 * curses. The screen computes nothing: every change goes through
 * change_apply. */
#ifndef NIANBAO_TUI_H
#define NIANBAO_TUI_H
#include <signal.h>

#include "engine/change.h"
#include "engine/engine.h"
#include "engine/history.h"
#include "base/i18n.h"
#include "base/keys.h"
#include "model/layout.h"
#include "base/lock.h"
#include "engine/recover.h"
#include "model/value.h"
#include "base/width.h"

struct buf;
struct engine;
struct form;
struct report;
struct fblock;
struct fnode;

/* The line being typed, every character as typed: into a cell (read by
 * value_input when committed), or text (a header field, a search, a
 * reason, a file name) when `text` is set. The state says whether one is
 * being typed (STATE_TYPING, _SEARCH, _ACK, _SAVEAS). */
struct edit {
	int text;
	char buf[1024];
	int len, pos; /* bytes */
};

/* One line of a table on screen: a block's title, one level of its column
 * headings, a group of rows, or a row of cells. */
enum gline_kind { GL_TITLE, GL_HEAD, GL_GROUP, GL_ROW };

struct gline {
	enum gline_kind kind;
	int block;                /* index in the table */
	int level;                /* GL_HEAD: heading level */
	int sub;                  /* GL_HEAD: line of a two-line last level */
	const struct fnode *node; /* GL_GROUP, GL_ROW */
	int r;                    /* GL_ROW: leaf row */
};

/* Per table: its lines, its blocks' column widths, where the cursor is. */
struct gview {
	struct gline *lines;
	int nlines;
	struct layout *lay; /* one per block, never split */
	int *head;          /* per block: levels of column headings */
	int *head2;         /* per block: its last level takes two lines */
	int block, r, c;    /* the cursor */
	int top;            /* first line shown */
	int *at_y;          /* the line drawn on each screen row (-1: none), for clicks */
	int at_n;
	int left; /* first column shown (of the shown block: cmp's when comparing) */
	int visited;
	struct fblock **cmp; /* per block, beside last year: its 本年 上年 增减 block; else NULL */
};

/* What the screen is doing: exactly one of these at a time. Each has a
 * draw and a key handler in app.c's table. */
enum state {
	STATE_PAGE,     /* a page (cover, text or table) and its keys */
	STATE_TYPING,   /* typing into a cell or a header field of the page */
	STATE_SEARCH,   /* typing a label to go to (g) */
	STATE_ASK,      /* a yes-or-no question on the status line */
	STATE_QUIT,     /* unsaved changes: save, discard or cancel */
	STATE_HELP,     /* the keys (F1) */
	STATE_PROBLEMS, /* the problems (F3) */
	STATE_ACK,      /* typing the reason for keeping a warning */
	STATE_PREVIEW,  /* the rendering as printed (F4) */
	STATE_LOCKED,   /* the report is open elsewhere: read-only or quit */
	STATE_RECOVER,  /* an earlier session left edits: recover, discard, show */
	STATE_DIFF,     /* showing them */
	STATE_CHANGED,  /* the file changed on disk since it was read */
	STATE_SAVEAS,   /* typing a file name to save to */
	STATE_UNITS,    /* a roll-up's reports of one cell (D) */
	STATE_COUNT
};

/* The tabs: the cover (header fields), each prose part, each table. */
enum page_kind { PAGE_COVER, PAGE_PROSE, PAGE_TABLE };

struct page {
	enum page_kind kind;
	int index; /* the prose part or the table */
	const char *name;
};

/* One report summed into a roll-up, and its value of the cell looked at. */
struct unit_row {
	char *file, *path, *organ;
	struct value v;
	int missing; /* its file cannot be read */
};

/* The screen's colours, one pair each, made by app.c from one table (the
 * pair numbers and their colours cannot drift apart); a terminal without
 * colour, or NO_COLOR, draws with attributes alone. */
enum { PAIR_ERROR = 1, PAIR_WARNING, PAIR_COMPUTED, PAIR_COUNT };

struct app {
	enum state state;
	struct keys keys;     /* the terminal's input, decoded */
	struct keys_event ev; /* the last key's mouse report or unknown sequence */
	int escdelay;         /* ms to wait after ESC for the rest of a sequence */
	int resized;          /* a resize came while a sequence was pending */
	int mouse;            /* the terminal reports the mouse */
	struct buf *paste;    /* the text of the last bracketed paste */
	struct engine *e;
	struct report *r;
	const struct form *f;
	char *path;
	int modified;
	int saved_step; /* hist.done when last saved; -1 when no undo leads back there */
	int readonly;
	struct lock_info holder;
	int lock_fd; /* holds the report's lock; -1 without it */
	/* STATE_RECOVER, STATE_DIFF: the edits an earlier session left, and the
	 * list of them (first line shown, lines in all) */
	struct {
		struct change *v;
		int n;
		int top, lines;
	} pending;
	uint64_t stamp;      /* hash of the file as read or last saved */
	int quit_after_save; /* the save asked for by quitting: quit once it is done */
	struct page *pages;
	int npages, page;
	int cover_row; /* the header field under the cursor */
	int prose_top; /* first line shown of a prose page */
	struct history hist;
	int problem_sel;
	/* STATE_PREVIEW: the rendering as printed */
	struct {
		int top, left, lines;
		int compare; /* with 本年 上年 增减 columns (last year's report) */
	} preview;
	const char *print_command;
	int html;      /* saving writes the web page too (edit --html) */
	int pdf, docx; /* and the PDF, the Word file (edit --pdf, --docx) */
	int print_pdf; /* F5 sends the PDF to print_command (--print-pdf) */
	/* STATE_UNITS: the roll-up's reports of one cell, largest first */
	struct {
		struct unit_row *v;
		int n, sel, cell;
	} units;
	char *html_path;        /* where it was last written; NULL before */
	int table;              /* shown table */
	int grid_compare;       /* the grids show last year and the change beside each value (L) */
	unsigned char *carried; /* cells carried from last year (carry_carried_cells) */
	struct gview *views;
	struct edit ed;
	char message[512];
	int message_error;
	char ask[256]; /* STATE_ASK: the question; y runs ask_yes */
	void (*ask_yes)(struct app *a);
	int color;
	int amb;                /* the terminal draws East Asian Ambiguous characters two wide */
	int rows, cols;         /* screen size when last drawn */
	int cursor_y, cursor_x; /* where the cell being typed into put the cursor */
	struct engine_count count;
};

/* What a key handler did; only the main loop acts on it. */
enum { TUI_HANDLED = 1, TUI_QUIT = 2 };

/* ---- screen.c: what every file of the screen shares ---- */
/* Writes s at the cursor in exactly cols columns, aligned, cut at a
 * character boundary when too long (marked ~, or … with --wide-ambiguous);
 * the one place text reaches the screen, so characters of ambiguous width
 * are given their stand-ins here (width_plain) unless a->amb. */
void screen_text(const struct app *a, const char *s, int cols, enum width_align al);
/* A line of the paper (the preview), its box drawing and quotes as printed. */
void screen_paper(const struct app *a, const char *s, int cols);
/* Lines from y, each wrapped to the screen (nothing cut); the first bold. */
void screen_lines(const struct app *a, int y, const char *const *lines, int n);
void screen_message(struct app *a, int error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Asks a yes-or-no question on the status line (STATE_ASK); yes runs on y. */
void screen_ask(struct app *a, void (*yes)(struct app *a), const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* 1, and says so, when the report is read-only. */
int screen_readonly(struct app *a);
/* Counts the problems again (engine_count) for the title line. */
void screen_count(struct app *a);
/* The terminal handed to a program run in it (an editor, a part's report)
 * and taken back, the screen as it was. */
void screen_suspend(void);
void screen_resume(void);
/* 1, and says so, when the report names no last year's report that could be
 * read (previous:). */
int screen_no_previous(struct app *a);

/* ---- units.c: a roll-up's reports of one cell ---- */
/* Lists each report summed into the roll-up with its value of cell (D);
 * -1 and a message when the report is no roll-up. */
int units_open(struct app *a, int cell);
void units_draw(struct app *a);
int units_key(struct app *a, int key);
void units_free(struct app *a);

/* ---- edit.c: the line editor ---- */
void edit_start(struct edit *ed, const char *initial);
void edit_start_text(struct edit *ed, const char *initial);
/* Width of the text before the cursor, to place the terminal's cursor
 * (amb: ambiguous-width characters count two, as --wide-ambiguous draws). */
int edit_cursor_cols(const struct edit *ed, int amb);
/* Feeds one key to the line: 1 taken, 0 not a key for editing, -1 taken
 * but a character the cell's type cannot hold (*why says why): it stays in
 * the line, as typed, and the value is refused until it is removed. */
int edit_key(struct edit *ed, int key, const struct celltype *t, const char **why);
/* A line of text being typed (a search, a reason, a file name): label,
 * then the text, the terminal's cursor at its end, at row y. */
void edit_draw(const struct app *a, int y, const char *label);

/* ---- grid.c: the tables' layout, drawing and cursor ---- */
void grid_build(struct app *a);
void grid_free(struct app *a);
/* Draws the table in lines y0..y1 (inclusive); places the cursor. */
void grid_draw(struct app *a, int y0, int y1);
int grid_cell(const struct app *a); /* the cursor's cell */
const struct fblock *grid_block(const struct app *a);
int grid_move(struct app *a, int dr, int dc);      /* arrows */
int grid_tab(struct app *a, int dir);              /* next/previous editable cell */
int grid_page(struct app *a, int dir, int height); /* PgUp/PgDn */
int grid_home_end(struct app *a, int end);
/* Enter's move: the next cell to fill down the column, at its foot the top
 * of the next column; 0 when none is left. */
int grid_down(struct app *a);
/* The first (last = 0) or last cell to fill of the table. */
int grid_fill_end(struct app *a, int last);
void grid_first_editable(struct app *a);
/* Puts the cursor on a cell of the shown table. */
void grid_goto_cell(struct app *a, int cell);
/* A click at screen (y, x): the cursor goes to that cell; 0, or -1 if no
 * cell is there. */
int grid_click(struct app *a, int y, int x);
/* Column widths again, after a resize or an edit that widened a value. */
void grid_relayout(struct app *a);
/* The same for the one table that holds cell: all an edit there can widen. */
void grid_relayout_table(struct app *a, int cell);
/* Shows (on 1) or hides the last-year and change columns beside each value
 * column of every grid; 0, or -1 and a message when there is no last year. */
int grid_compare(struct app *a, int on);

/* ---- nav.c: going to a page or a cell ---- */
void nav_pages(struct app *a); /* builds a->pages: the cover, then the form's parts */
void nav_goto_page(struct app *a, int page);
/* Shows the table page of a cell with the cursor on it. */
void nav_goto_cell(struct app *a, int cell);

/* ---- edits.c: every change to the report from the screen ---- */
/* Applies n changes as one undo step (change_apply: the engine recomputes),
 * each recorded in the recovery journal; the number that changed anything,
 * or -1 when one was refused (*why; those before it stay, as a step). */
int edits_apply(struct app *a, const struct change *c, int n, const char **why);
/* The same for one change. */
int edits_one(struct app *a, struct change c, const char **why);
/* Undoes (redo = 0) or redoes one step. */
void edits_undo(struct app *a, int redo);
/* Applies the earlier session's edits (a->pending) as one undo step. */
void edits_recover(struct app *a);

/* ---- sheet.c, cover.c, prose.c: the pages ---- */
/* Each page's keys (0: not one of its keys), drawing and status line. */
int sheet_key(struct app *a, int key);
/* STATE_TYPING on a table: a value being typed into the cell. */
int sheet_typing_key(struct app *a, int key);
/* A block of tab- and newline-separated values from the cursor; nothing is
 * pasted if any value does not fit its cell. */
void sheet_paste(struct app *a, const char *text);
void sheet_status(const struct app *a);
/* z: asks, then puts 0 into every blank cell to fill of the shown table, as
 * one undo step. */
void sheet_fill_zero(struct app *a);
/* Each kind of page, one entry (frame.c): what it draws between rows y0
 * and y1, its status line, its keys, and its keys while something is typed
 * on it (NULL: nothing is, a prose part is edited in an editor). */
struct page_ops {
	void (*draw)(struct app *a, int y0, int y1);
	void (*status)(const struct app *a);
	int (*key)(struct app *a, int key);
	int (*typing)(struct app *a, int key);
};
extern const struct page_ops page_ops[];
void cover_draw(struct app *a, int y0, int y1);
void cover_status(const struct app *a);
int cover_key(struct app *a, int key);
/* STATE_TYPING on the cover: a header field being edited. */
int cover_typing_key(struct app *a, int key);
void prose_draw(struct app *a, int y0, int y1);
void prose_status(const struct app *a);
int prose_key(struct app *a, int key);

/* ---- problems.c, preview.c, help.c: the full-screen views ---- */
void problems_draw(struct app *a);
int problems_key(struct app *a, int key);
void problems_ack_draw(struct app *a); /* STATE_ACK: the reason being typed */
int problems_ack_key(struct app *a, int key);
/* The cell of the next (dir 1) or previous (-1) problem from cell `from`,
 * wrapping round; -1 when there is none. */
int problems_next(struct app *a, int dir, int from);
void preview_draw(struct app *a);
int preview_key(struct app *a, int key);
/* F5: prints the rendering (asking first when the report has errors). */
void preview_print(struct app *a);
/* Turns the preview's last-year columns on or off; 0, or -1 (said) when
 * the report names no last year's report. */
int preview_compare(struct app *a, int on);
void help_draw(struct app *a);
int help_key(struct app *a, int key);

/* ---- frame.c: the page screen: title, tabs, the page, status, keys ---- */
void frame_draw(struct app *a);
/* The keys every page shares but F-keys: tabs, mouse. 0: not one. */
int frame_mouse(struct app *a);

/* ---- search.c: g or /, going to a row by its label ---- */
void search_draw(struct app *a);
int search_key(struct app *a, int key);
/* Goes to the first row after the cursor whose label path contains text;
 * 0, or -1 when none does. */
int search_row(struct app *a, const char *text);

/* ---- session.c: the report on disk: lock, journal, saving ---- */
void session_open(struct app *a);
void session_close(struct app *a, int clean);
/* Saves; 0 saved, 1 waiting on a question, -1 failed (save-as offered). */
int session_save(struct app *a);
/* Records an applied change in the recovery journal. */
void session_journal(struct app *a, const struct change *c);
void session_locked_draw(struct app *a);
int session_locked_key(struct app *a, int key);
void session_recover_draw(struct app *a);
int session_recover_key(struct app *a, int key);
void session_diff_draw(struct app *a);
int session_diff_key(struct app *a, int key);
void session_changed_draw(struct app *a);
int session_changed_key(struct app *a, int key);
void session_saveas_draw(struct app *a);
int session_saveas_key(struct app *a, int key);

/* ---- input.c: the terminal's input ---- */
/* input_start after initscr, input_end before endwin; input_key reads one
 * key through keys.c (a->ev keeps a mouse report or the spelling of an
 * unknown sequence; a whole bracketed paste comes as KEYS_PASTE_END with
 * its text in a->paste): -1 when the terminal is gone. */
void input_start(struct app *a);
void input_end(struct app *a);
int input_key(struct app *a);

/* ---- app.c: the loop and the states' table ---- */
/* Opens path in the editing screen; returns the exit status. t0 is when
 * the process started, for NIANBAO_BENCH_STARTUP=FILE, which writes the
 * microseconds to the first complete screen to FILE and quits.
 * print_command (NULL: $NIANBAO_PRINT_COMMAND, else lp) is what F5 runs. */
struct timespec;
struct tui_opts {
	const char *print_command;
	int wide_ambiguous; /* or NIANBAO_WIDE_AMBIGUOUS=1 */
	int html;           /* saving writes the web page beside the report too */
	int pdf, docx;      /* and the PDF, the Word file (nianbao-doc draws them) */
	int print_pdf;      /* F5 prints the PDF, not the text (or NIANBAO_PRINT_PDF=1) */
	const char *cell;   /* open at this cell (table.block.row.column) */
};
int tui_run(const char *path, int utf8_locale, const struct timespec *t0, const struct tui_opts *o);

/* ---- start.c: without a file ---- */
/* Each returns the report to open (to free), or NULL when the clerk left
 * the questions. */
char *start_new(int *status); /* *status 2 when no form was found */
char *start_screen(void);
/* Puts path first among the recent files. */
void start_remember(const char *path);

#endif
