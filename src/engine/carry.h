/* Last year's report into this year's: the carry rules of this year's
 * form (nianbao-form(5), carry:) say which cells continue which of last
 * year's; here they fill a new report and check a filled one. */
#ifndef NIANBAO_CARRY_H
#define NIANBAO_CARRY_H
#include "base/diag.h"
#include "model/value.h"

struct fcarry;
struct fcheck;
struct form;
struct fblock;
struct report;

/* Fills every cell of cur that a rule reading last year's report only
 * gives (二、上年结转 from last year's 四、结转下年度继续办理): what new
 * --from carries. Returns how many cells were filled. */
int carry_fill(const struct report *prev, struct report *cur);

/* The cells carry_fill fills (a rule that reads last year's report only),
 * marked 1 among f's cells. To free. */
unsigned char *carry_carried_cells(const struct form *f);

/* One carried cell that does not continue last year's. */
struct carry_break {
	const struct fcarry *rule;
	const struct fcheck *check; /* the form's check for the rule */
	const struct fblock *block;
	int r, c; /* the cell's leaf row and column in block */
	int cell;
	enum diag_severity severity; /* an error rule between two organs is a warning */
	char *message;               /* the rule's, with both years' figures */
};

/* Every filled cell of cur that a rule gives another value from prev. */
int carry_check(const struct report *prev, const struct report *cur, struct carry_break **out);
void carry_breaks_free(struct carry_break *b, int n);
/* What the carry rule of cell (of cur's form) makes of last year's report:
 * 1 with *want, and in *from the label of last year's cell it is when the
 * rule names one cell alone (二、上年结转 is last year's 四、结转下年度继续
 * 办理); 0 when no rule carries the cell or a figure it reads is blank. */
int carry_expected(const struct report *prev, const struct report *cur, int cell,
		   struct value *want, const char **from);
/* The cell of prev that stands where cell of cur's form stands (the same
 * ids of table, block, row and column), or -1. */
int carry_same_cell(const struct report *prev, const struct form *f, int cell);

#endif
