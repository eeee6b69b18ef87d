/* Undo and redo: the changes a clerk made, in steps (a typed value, a paste
 * of a block, a prose section back from the editor, an acknowledgement, the
 * edits recovered after a crash), each change kept with the change that
 * undoes it. It only records; the caller applies a step with
 * change_apply, so totals and checks follow undo like any edit. */
#ifndef NIANBAO_HISTORY_H
#define NIANBAO_HISTORY_H
#include "engine/change.h"

struct history_pair {
	struct change undo, redo;
};

struct history_step {
	struct history_pair *v;
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
/* Records a change made and the one that undoes it (both copied). */
void history_add(struct history *h, const struct change *undo, const struct change *redo);
void history_end(struct history *h);
/* The step to undo (apply the `undo` of its pairs, last first), or NULL;
 * moves the history back one step. */
const struct history_step *history_undo(struct history *h);
/* The step to redo (apply the `redo` of its pairs, first first), or NULL. */
const struct history_step *history_redo(struct history *h);

#endif
