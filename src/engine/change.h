/* One change to a report, whatever it touches: a cell's value, a header
 * field, a prose part, or the acknowledgement of a warning. Every way a
 * report is changed (typing, paste, fill, the editor, acknowledging, undo
 * and redo, recovery after a crash) makes these and applies them through
 * change_apply; the undo history keeps them in pairs and the recovery
 * journal writes them one a line. */
#ifndef NIANBAO_CHANGE_H
#define NIANBAO_CHANGE_H
#include "model/value.h"

struct engine;
struct fblock;
struct fcheck;

enum change_kind { CHANGE_CELL, CHANGE_HEADER, CHANGE_PROSE, CHANGE_ACK };

struct change {
	enum change_kind kind;
	int index;                  /* CHANGE_CELL: the cell; HEADER: the field; PROSE: the part */
	struct value value;         /* CHANGE_CELL: the new value */
	char *text;                 /* HEADER, PROSE: the new text; ACK: the reason (NULL: blank,
				     * or for ACK the acknowledgement withdrawn) */
	const struct fcheck *check; /* CHANGE_ACK: the warning, and where it fails */
	const struct fblock *block;
	int r, c;
};

/* Constructors: the arguments are copied. */
struct change change_cell(int cell, const struct value *v);
struct change change_text(enum change_kind kind, int index, const char *text);
struct change change_ack(const struct fcheck *check, const struct fblock *b, int r, int c,
			 const char *reason);
void change_copy(struct change *dst, const struct change *src);
void change_clear(struct change *c);

/* The change that puts back what c would replace in e's report: its undo. */
struct change change_undoing(const struct engine *e, const struct change *c);
/* Applies c to e's report (a cell through engine_edit, so totals and
 * checks follow): 1 when the report changed, 0 when it already was so, -1
 * when refused (*why: a short English reason). */
int change_apply(struct engine *e, const struct change *c, const char **why);

#endif
