/* Undo and redo: the changes a clerk made, in steps (a typed value, a paste
 * of a block, a prose section back from the editor), each change keeping
 * the value before and after. It only records; the caller applies a step
 * through the engine, so totals and checks follow undo like any edit. */
#ifndef NIANBAO_HISTORY_H
#define NIANBAO_HISTORY_H
#include "value.h"

enum history_kind { HIST_CELL, HIST_HEADER, HIST_PROSE };

struct history_change {
	enum history_kind kind;
	int index;                      /* the cell, header field or prose part */
	struct value before, after;     /* HIST_CELL */
	char *text_before, *text_after; /* HIST_HEADER, HIST_PROSE (NULL is blank) */
};

struct history_step {
	struct history_change *v;
	int n;
};

struct history {
	struct history_step *steps;
	int n;    /* steps recorded */
	int done; /* steps[0..done) are in effect; the rest can be redone */
	int open; /* a step is being recorded */
};

void history_init(struct history *h);
void history_free(struct history *h);
/* Changes between begin and end are one step; begin drops what could be
 * redone. An empty step is not kept. */
void history_begin(struct history *h);
void history_cell(struct history *h, int cell, const struct value *before,
		  const struct value *after);
void history_text(struct history *h, enum history_kind kind, int index, const char *before,
		  const char *after);
void history_end(struct history *h);
/* The step to undo (its changes to apply backwards, with `before`), or
 * NULL; moves the history back one step. */
const struct history_step *history_undo(struct history *h);
/* The step to redo (apply forwards, with `after`), or NULL. */
const struct history_step *history_redo(struct history *h);

#endif
