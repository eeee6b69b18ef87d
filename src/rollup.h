/* A roll-up: the reports of one form and year summed cell by cell, exactly,
 * for the office that collects them; and the check that it still is the
 * sum of its parts. */
#ifndef NIANBAO_ROLLUP_H
#define NIANBAO_ROLLUP_H

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

/* The problems of a roll-up r read from path against its parts, as check
 * lines ("path: error: ...") appended to out: a part that cannot be read,
 * a part changed since the sum, a cell that is no longer the sum of its
 * parts. Counts them into *errors and *warnings. */
void rollup_verify(const struct report *r, const char *path, struct buf *out, int *errors,
		   int *warnings);

#endif
