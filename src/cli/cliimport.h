/* Published reports on the command line: import --text and check --text. */
#ifndef NIANBAO_CLIIMPORT_H
#define NIANBAO_CLIIMPORT_H

struct buf;
struct diags;
struct import_forms;
struct import_opts;
struct report;

/* The report the published file at path holds (a web page when html),
 * in the best-fitting of the forms, as if loaded from its YAML; its
 * decisions appended to notes (when not NULL). NULL after a diagnostic. */
struct report *cli_published(const char *path, int html, const struct import_opts *o,
			     struct import_forms *forms, struct buf *notes, struct diags *d);

/* Every form found (formpath), ready for cli_published; NULL after a
 * diagnostic. Freed by import_forms_free. */
struct import_forms *cli_published_forms(struct diags *d);

/* On a terminal (standard error), for many files: "12 of 300 files, 40.1
 * a second, 7 s left", redrawn in place; the last call ends the line. */
struct timespec;
void cli_progress(int done, int total, const struct timespec *t0);

#endif
