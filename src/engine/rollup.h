/* A roll-up: the reports of one form and year summed cell by cell, exactly,
 * for the office that collects them; and the check that it still is the
 * sum of its parts. */
#ifndef NIANBAO_ROLLUP_H
#define NIANBAO_ROLLUP_H
#include "base/diag.h"

struct buf;
struct report;

/* A sum in the making: reports added one at a time (read, added, freed:
 * memory does not grow with the reports but by their names and blanks). */
struct rollup;
struct form;
struct rollup *rollup_new(const struct form *f);
void rollup_free(struct rollup *s);
/* Adds the cells a clerk fills of unit (of the roll-up's form), named name
 * in the warnings. 0, or -1 on an overflow (said once in notes). */
int rollup_add(struct rollup *s, const struct report *unit, const char *name, struct buf *notes);
/* Writes the sums into out (a new report of the form): blank and blank stay
 * blank; a blank beside numbers is summed as nothing, and the cell's line in
 * notes (when not NULL) names the reports that left it blank. Computed
 * cells are left to the engine. */
void rollup_finish(const struct rollup *s, struct report *out, struct buf *notes);

/* One problem of a roll-up against its parts: a part that cannot be read
 * (a warning: its sums are not checked), one changed since the sum or not
 * a report (errors), a cell no longer the sum of its parts (an error, at
 * cell; -1 for a part's). */
struct rollup_problem {
	enum diag_severity severity;
	const char *check; /* rollup_part, rollup_sum */
	int cell;
	char *message;
};
/* The problems of roll-up r, read from path, against its parts now: their
 * count, *out to free with rollup_problems_free. check, check --csv and
 * the editing screen count them alike. */
int rollup_verify(const struct report *r, const char *path, struct rollup_problem **out);
/* rollup_verify in two steps, for a roll-up being edited: its parts read
 * once (the problems of the parts themselves in *out, their count
 * returned; *sums, when every part could be read, a report of the parts'
 * sums now, to free, else NULL), then its cells against those sums as
 * often as they change: the message of one cell (to free; NULL when it is
 * the sum or computed). */
int rollup_read_parts(const struct report *r, const char *path, struct rollup_problem **out,
		      struct report **sums);
char *rollup_cell_problem(const struct report *r, const struct report *sums, int cell);
void rollup_problems_free(struct rollup_problem *v, int n);

#endif
