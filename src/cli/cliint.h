/* What the command line's files share: exit statuses and the two ways a
 * command gives up. */
#ifndef NIANBAO_CLIINT_H
#define NIANBAO_CLIINT_H

#include "model/formpath.h"
#include <stdio.h>

struct diags;

enum { CLI_OK = 0, CLI_ERRORS = 1, CLI_UNUSABLE = 2 };

/* The most of a file name a message prints (quoted, see text_name). */
#define CLI_NAME_MAX 4096

/* Prints the diagnostics (to cli_messages()) and frees them; CLI_UNUSABLE. */
int cli_fail(struct diags *d);
/* Where a command's messages go: stderr, unless cli_batch_messages said
 * otherwise. */
FILE *cli_messages(void);
/* For a command that says a line for each of many files: when stderr is
 * not a terminal, its lines are written in blocks, not a write each; and
 * when stdout is the same file (2>&1 into a pipe or a file), they go into
 * stdout's own stream, which keeps the order they were said in. 1 when
 * batched (stdout need not be flushed before a message), 0 when a person
 * reads them as they come. */
int cli_batch_messages(void);
/* "2 errors, 1 warning", in the user's language. To free. */
char *cli_counts(int errors, int warnings);
/* "nianbao CMD: msg" and a pointer to --help; CLI_UNUSABLE. */
int cli_bad_usage(const char *cmd, const char *msg);

struct buf;
struct engine;
struct engine_count;
/* A report loaded with its engine (and last year's, when it names one that
 * can be read: the counts are then those check and the screen give), or
 * NULL after printing why; freed, all of it, by cli_close. */
struct engine *cli_open(const char *path);
void cli_close(struct engine *e);
struct report;
/* What a run over many reports learns once: the forms they name, loaded,
 * and the folders that hold many of them, listed (save_folders_list). */
struct cli_known {
	struct formpath_cache forms;
	struct save_folders *folders;
};
void cli_known_init(struct cli_known *k, char *const *files, int n);
void cli_known_free(struct cli_known *k);
/* Checks one report, its problems appended to out as check prints them
 * (as_csv: as --csv), its count in *count (known: the run's, or NULL):
 * the file at path, or given
 * (read already: freed unless how has CLI_CHECK_KEEP; a page read back in
 * memory with CLI_CHECK_PAGE, its problems placed by the page's lines).
 * CLI_OK, CLI_ERRORS or CLI_UNUSABLE. */
enum { CLI_CHECK_KEEP = 1, CLI_CHECK_PAGE = 2 };
/* Problems as a sheet's cells (check --xlsx): CLI_PROB_COLS strings a
 * problem, file, organ, year, severity, check, table, row, column,
 * message, as --csv --raw gives them. */
enum { CLI_PROB_COLS = 9 };
struct cli_cells {
	char **v;
	size_t n;
};
/* The same, each problem's cells also appended to cells when not NULL. */
int cli_check_one(const char *path, int as_csv, struct cli_known *known, const char *previous,
		  struct buf *out, struct engine_count *count, struct report *given, int how,
		  struct cli_cells *cells);
struct diags;
/* A workbook written to out as every output is (never over a report,
 * another file only with force, a device or FIFO in place): write(BOOK,
 * arg, d) makes it at BOOK, in a private folder, and it is renamed into
 * place. CLI_OK or CLI_UNUSABLE (said). */
int cli_book(const char *out, int force, int (*write)(const char *book, void *arg, struct diags *d),
	     void *arg);

#endif
