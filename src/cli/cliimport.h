/* Published reports on the command line: import --text and check --text. */
#ifndef NIANBAO_CLIIMPORT_H
#define NIANBAO_CLIIMPORT_H

struct buf;
struct diags;
struct import_forms;
struct import_opts;
struct report;

/* What a published report is: text, a saved web page, a Word file, a PDF. */
enum cli_pub { CLI_PUB_TEXT = 1, CLI_PUB_HTML, CLI_PUB_DOCX, CLI_PUB_PDF };

/* The report the published file at path holds, read as kind, in the
 * best-fitting of the forms, as if loaded from its YAML; its decisions
 * appended to notes (when not NULL). NULL after a diagnostic. A Word file
 * and a PDF are read by nianbao-read, which loads libzip and poppler;
 * nianbao does not. */
struct report *cli_published(const char *path, enum cli_pub kind, const struct import_opts *o,
			     struct import_forms *forms, struct buf *notes, struct diags *d);

/* Many Word files or PDFs read by one run of nianbao-read, for the
 * cli_published calls on them that follow (each taken once); without it
 * each is read by a run of its own. Freed by the next prefetch or by
 * cli_published_prefetch_free. */
void cli_published_prefetch(enum cli_pub kind, char *const *files, int n);
void cli_published_prefetch_free(void);

/* Every form found (formpath), ready for cli_published; NULL after a
 * diagnostic. Freed by import_forms_free. */
struct import_forms *cli_published_forms(struct diags *d);

/* On a terminal (standard error), for many files: "12 of 300 files, 40.1
 * a second, 7 s left", redrawn in place; the last call ends the line. */
struct timespec;
void cli_progress(int done, int total, const struct timespec *t0);

#endif
