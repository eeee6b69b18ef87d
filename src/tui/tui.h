/* The editing screen: one struct app, the views over it (grid, help, edit
 * line), and what they share. Only this folder includes curses. The
 * screen computes nothing: every value goes through engine_edit. */
#ifndef NIANBAO_TUI_H
#define NIANBAO_TUI_H
#include <libintl.h>
#include <signal.h>

#include "history.h"
#include "keys.h"
#include "layout.h"
#include "lock.h"
#include "recover.h"
#include "value.h"
#include "width.h"

#define _(s) gettext(s)
#define N_(s) (s)

struct buf;
struct engine;
struct form;
struct report;
struct fblock;
struct fnode;

/* What a key handler did; only the main loop acts on it. */
enum { TUI_HANDLED = 1, TUI_QUIT = 2 };

/* The line being typed, every character as typed: into a cell (read by
 * value_input when committed), or text (a header field, a search, a
 * reason) when `text` is set. */
struct edit {
	int active;
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
	int left; /* first column shown */
	int visited;
};

/* What the screen is doing besides showing the grid. */
enum app_mode {
	MODE_GRID,
	MODE_LOCKED,  /* the report is open elsewhere: read-only or quit */
	MODE_RECOVER, /* an earlier session left edits: recover, discard, show */
	MODE_DIFF,    /* showing them */
	MODE_CHANGED, /* the file changed on disk since it was read */
	MODE_SAVEAS   /* typing a file name to save to */
};

/* The tabs: the cover (header fields), each prose part, each table. */
enum page_kind { PAGE_COVER, PAGE_PROSE, PAGE_TABLE };

struct page {
	enum page_kind kind;
	int index; /* the prose part or the table */
	const char *name;
};

/* Full-screen views over the pages. */
enum app_view { VIEW_NONE, VIEW_PROBLEMS, VIEW_PREVIEW };

struct app {
	struct keys keys;     /* the terminal's input, decoded */
	struct keys_event ev; /* the last key's mouse report or unknown sequence */
	int escdelay;         /* ms to wait after ESC for the rest of a sequence */
	int resized;          /* a resize came while a sequence was pending */
	int mouse;            /* the terminal reports the mouse */
	struct engine *e;
	struct report *r;
	const struct form *f;
	char *path;
	int modified;
	int saved_step; /* hist.done when last saved; -1 when no undo leads back there */
	enum app_mode mode;
	int readonly;
	struct lock_info holder;
	int lock_fd; /* holds the report's lock; -1 without it */
	struct recover_edit *pending;
	int npending;
	int diff_top, diff_lines; /* the list of them: first line shown, lines in all */
	uint64_t stamp;           /* hash of the file as read or last saved */
	char saveas[1024];
	int quit_after_save;
	struct page *pages;
	int npages, page;
	int cover_row; /* the header field under the cursor */
	int prose_top; /* first line shown of a prose page */
	struct history hist;
	enum app_view view;
	int problem_sel;
	int preview_top, preview_left, preview_lines;
	const char *print_command;
	int searching;    /* typing a label to go to (g) */
	int acking;       /* typing the reason for acknowledging a warning */
	int acknowledged; /* warnings the clerk has acknowledged */
	int pasting;      /* between the terminal's paste-start and paste-end */
	struct buf *paste;
	int table; /* shown table */
	struct gview *views;
	struct edit ed;
	char message[512];
	int message_error;
	int quit_prompt; /* asking: save, discard or cancel */
	/* a yes-or-no question on the status line: y runs ask_yes */
	char ask[256];
	void (*ask_yes)(struct app *a);
	int help;
	int color;
	int amb;                /* the terminal draws East Asian Ambiguous characters two wide */
	int rows, cols;         /* screen size when last drawn */
	int cursor_y, cursor_x; /* where the cell being typed into put the cursor */
	int errors, warnings;
};

/* grid.c */
/* Writes s at the cursor in exactly cols columns, aligned, cut at a
 * character boundary when too long (marked ~, or … with --wide-ambiguous);
 * the one place text reaches the screen, so characters of ambiguous width
 * are given their stand-ins here (width_plain) unless a->amb. */
void grid_text(const struct app *a, const char *s, int cols, enum width_align al);
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

/* edit.c */
void edit_start(struct edit *ed, const char *initial);
void edit_start_text(struct edit *ed, const char *initial);
/* Width of the text before the cursor, to place the terminal's cursor. */
int edit_cursor_cols(const struct edit *ed);
/* Feeds one key to the line: 1 taken, 0 not a key for editing, -1 taken
 * but a character the cell's type cannot hold (*why says why): it stays in
 * the line, as typed, and the value is refused until it is removed. */
int edit_key(struct edit *ed, int key, const struct celltype *t, const char **why);

/* input.c: the terminal's input. input_start after initscr, input_end
 * before endwin; input_key reads one key through keys.c (a->ev keeps a
 * mouse report or the spelling of an unknown sequence): -1 when the
 * terminal is gone. */
void input_start(struct app *a);
void input_end(struct app *a);
int input_key(struct app *a);

/* app.c: opens path in the editing screen; returns the exit status. t0 is
 * when the process started, for NIANBAO_BENCH_STARTUP=FILE, which writes
 * the microseconds to the first complete screen to FILE and quits.
 * print_command (NULL: $NIANBAO_PRINT_COMMAND, else lp) is what F5 runs. */
struct timespec;
struct tui_opts {
	const char *print_command;
	int wide_ambiguous; /* or NIANBAO_WIDE_AMBIGUOUS=1 */
};
int tui_run(const char *path, int utf8_locale, const struct timespec *t0, const struct tui_opts *o);
/* change.c: every change to the report goes through these: the engine
 * recomputes, the change is recorded for undo and in the recovery journal. */
void change_cell(struct app *a, int cell, const struct value *v);
/* n cells at once, one undo step. */
struct cell_value {
	int cell;
	struct value v;
};
void change_cells(struct app *a, int n, const struct cell_value *cv);
void change_header(struct app *a, int field, const char *text);
void change_prose(struct app *a, int prose, const char *text);
/* Splits a command (an editor, a print command) into words in place, for
 * exec without a shell: nothing in it is ever interpreted. Returns the
 * count; argv ends with NULL and has room for max words. */
int app_words(char *command, char **argv, int max);
/* Counts the problems again for the title line. */
void app_count(struct app *a);
/* Undoes (redo = 0) or redoes one step. */
void change_undo(struct app *a, int redo);
/* Shows the table page of a cell with the cursor on it. */
void app_goto_cell(struct app *a, int cell);

/* Goes to the first row after the cursor whose label path contains text;
 * 0, or -1 when none does. */
int app_find_row(struct app *a, const char *text);

/* sheet.c, cover.c, prose.c: the pages' keys (0: not theirs) and status */
int sheet_key(struct app *a, int key);
/* A block of tab- and newline-separated values from the cursor; nothing is
 * pasted if any value does not fit its cell. */
void sheet_paste(struct app *a, const char *text);
void sheet_status(const struct app *a);
/* z: asks, then puts 0 into every blank cell to fill of the shown table, as
 * one undo step. */
void sheet_fill_zero(struct app *a);
void cover_draw(struct app *a, int y0, int y1);
void cover_status(const struct app *a);
int cover_key(struct app *a, int key);
void prose_draw(struct app *a, int y0, int y1);
void prose_status(const struct app *a);
int prose_key(struct app *a, int key);

/* problems.c, preview.c: the full-screen views */
void problems_draw(struct app *a);
int problems_key(struct app *a, int key);
/* The cell of the next (dir 1) or previous (-1) problem from cell `from`,
 * wrapping round; -1 when there is none. */
int problems_next(struct app *a, int dir, int from);
void preview_draw(struct app *a);
int preview_key(struct app *a, int key);
void preview_print(struct app *a);

/* session.c: the report's life on disk around the grid: the lock, the
 * recovery journal, saving (with its checks) and save-as. */
void session_open(struct app *a);
void session_close(struct app *a, int clean);
void session_draw(struct app *a);
int session_key(struct app *a, int key);
/* Saves; 0 saved, 1 waiting on a question, -1 failed (save-as offered). */
int session_save(struct app *a);
/* Records a committed edit in the journal. */
void session_journal(struct app *a, int cell);
void app_message(struct app *a, int error, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Asks a yes-or-no question on the status line; yes runs on y. */
void app_ask(struct app *a, void (*yes)(struct app *a), const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/* start.c: without a file. Each returns the report to open (to free), or
 * NULL when the clerk left the questions. */
char *start_new(int *status); /* *status 2 when no form was found */
char *start_screen(void);
/* Puts path first among the recent files. */
void start_remember(const char *path);
/* Sets up gettext for the interface. */
void app_language(void);

/* help.c */
void help_draw(const struct app *a);

#endif
