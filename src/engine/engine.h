/* The engine: keeps a report's computed cells and check results current.
 * An edit recomputes only the formulas that depend on the edited cell, in the
 * order fixed when the form loaded, and re-runs only the checks that read a
 * changed cell. Every view changes values through engine_edit. */
#ifndef NIANBAO_ENGINE_H
#define NIANBAO_ENGINE_H
#include "base/diag.h"
#include "model/value.h"

struct report;
struct form;
struct fcheck;
struct fblock;

enum problem_kind {
	PROBLEM_CHECK,    /* a check of the form */
	PROBLEM_BREAK,    /* a carry rule's break against last year's report */
	PROBLEM_STORED,   /* a stored total that disagrees with its parts */
	PROBLEM_OVERFLOW, /* a total too large to compute */
	PROBLEM_PART      /* a roll-up's part changed or gone (engine_parts) */
};

struct problem {
	enum problem_kind kind;
	enum diag_severity severity;
	const struct fcheck *check; /* PROBLEM_CHECK only */
	const struct fblock *block; /* NULL for a check over several blocks */
	int r, c;                   /* row and column it speaks of; -1 when it spans */
	int cell;                   /* the cell it points at; -1 if none */
	char *message;
	const char *acknowledged; /* the reason, for a warning the clerk has kept */
	const char *rule;         /* the id a listing shows: the check's, stored_total,
				   * overflow, rollup_part or rollup_sum */
};

struct engine;

/* Computes every formula and check of r; stored totals that disagree with
 * their parts become problems. */
struct engine *engine_new(struct report *r);
/* Last year's report (kept by the caller, NULL for none): the form's carry
 * rules are then checks, their breaks problems like any other. Its totals
 * are computed in it, as its rendering prints them. */
void engine_previous(struct engine *e, struct report *prev);
const struct report *engine_previous_report(const struct engine *e);
/* A roll-up read from path (r->parts): its parts are read again and every
 * difference is a problem like any other, in the count, the listing and on
 * its cell, until the next call (the parts are not read on every edit). */
void engine_parts(struct engine *e, const char *path);
void engine_free(struct engine *e);
struct report *engine_report(const struct engine *e);
/* Sets an input cell and brings everything that depends on it up to date.
 * Returns the number of cells whose value changed (the edited one
 * included), or -1 when the cell is computed and cannot be set. */
int engine_edit(struct engine *e, int cell, const struct value *v);
void engine_recompute_all(struct engine *e);

/* Every current problem, in form order; free with engine_problems_free. */
int engine_problems(const struct engine *e, struct problem **out);
void engine_problems_free(struct problem *p, int n);

/* The one count of a report's problems, for every view (the title line,
 * check, the printed footer): an acknowledged warning is counted apart,
 * not as a warning. */
struct engine_count {
	int errors, warnings, acknowledged;
};
struct engine_count engine_count(const struct engine *e);
/* The same of problems listed already (engine_problems). */
struct engine_count engine_count_of(const struct problem *p, int n);

/* Where a problem is: its table (NULL for a check over several tables),
 * and the labels of its row and column paths joined by sep ("" when it
 * spans them); free with engine_where_free. */
struct ftable;
struct engine_where {
	const struct ftable *table;
	char *row, *col;
};
void engine_where(const struct problem *p, const char *sep, struct engine_where *w);
void engine_where_free(struct engine_where *w);
/* Bit 1: the cell is in a failing error check; bit 2: in a failing warning
 * not acknowledged; bit 4: in failing warnings, all of them acknowledged. */
#define ENGINE_CELL_ERROR 1
#define ENGINE_CELL_WARNING 2
#define ENGINE_CELL_ACKNOWLEDGED 4 /* in failing warnings, all acknowledged */
int engine_cell_flags(const struct engine *e, int cell);
/* The messages of the failing checks that read this cell (and of a stale or
 * overflowed total), a comparison's numbers first, at most max of them,
 * each to be freed; returns how many. brief: a check's message by its name
 * alone (what comes before its first colon), for a line too short. */
int engine_cell_messages(const struct engine *e, int cell, char **msgs, int max, int brief);

#endif
