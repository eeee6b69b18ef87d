/* Carry rules applied: a rule's expression is read against two reports,
 * last year's (last.NAME) and this year's (NAME), each found by the ids of
 * table, block, row and column, so that the two may be of different forms:
 * where last year's form has no such cell the rule does not apply. */
#include "engine/carry.h"
#include "model/expr.h"
#include "model/form.h"
#include "model/report.h"
#include "base/xmalloc.h"

#include <stdlib.h>
#include <string.h>

/* Where a rule is being applied: the block of this year's form and the
 * leaf along the other axis (the column of a row rule, the row of a
 * column rule). */
struct carry_at {
	const struct fcarry *rule;
	const struct fblock *b;
	int k;
};

/* The cell of report r at the block of at's ids, the node `name` along the
 * rule's names' axis and at's leaf along the other; -1 if r's form has none. */
static int carry_cell(const struct report *r, const struct carry_at *at, const char *name,
		      int names_are_rows)
{
	const struct fblock *b = at->b;
	const struct ftable *t = form_table(r->form, b->table->id);
	if (t == NULL)
		return -1;
	const struct fblock *rb = b->id             ? form_block(t, b->id)
				  : t->nblocks == 1 ? t->blocks[0]
						    : NULL;
	if (rb == NULL)
		return -1;
	const char *other = names_are_rows ? b->col[at->k]->id : b->row[at->k]->id;
	const struct fnode *rn = form_node(&rb->rows, names_are_rows ? name : other);
	const struct fnode *cn = form_node(&rb->cols, names_are_rows ? other : name);
	if (rn == NULL || cn == NULL || rn->nkids > 0 || cn->nkids > 0)
		return -1;
	return form_cell(rb, rn->leaf, cn->leaf);
}

/* Evaluates e: 1 with *out, 0 when a cell it reads is blank, -1 when one
 * is not in its report's form. */
static int carry_eval(const struct expr *e, const struct report *prev, const struct report *cur,
		      const struct carry_at *at, struct value *out)
{
	struct value x = {0}, y = {0};
	int rc;
	/* a row rule's names are rows (the same column); a column rule's, columns */
	int names_are_rows = at->rule->by_row;
	switch (e->op) {
	case EX_NUM:
		value_copy(out, &e->num);
		return 1;
	case EX_REF: {
		int last = e->npath == 2;
		const struct report *r = last ? prev : cur;
		int cell = carry_cell(r, at, e->path[e->npath - 1], names_are_rows);
		if (cell < 0)
			return -1;
		if (r->vals[cell].kind != VAL_NUM)
			return 0;
		value_copy(out, &r->vals[cell]);
		return 1;
	}
	case EX_NEG:
		rc = carry_eval(e->a, prev, cur, at, &x);
		if (rc == 1 && value_neg(&x, out) < 0)
			rc = -1;
		value_clear(&x);
		return rc;
	case EX_ADD:
	case EX_SUB: {
		int ra = carry_eval(e->a, prev, cur, at, &x);
		int rb = carry_eval(e->b, prev, cur, at, &y);
		rc = ra < 0 || rb < 0 ? -1 : ra == 0 || rb == 0 ? 0 : 1;
		if (rc == 1 &&
		    (e->op == EX_ADD ? value_add(&x, &y, out) : value_sub(&x, &y, out)) < 0)
			rc = -1;
		value_clear(&x);
		value_clear(&y);
		return rc;
	}
	case EX_SUM: {
		rc = 1;
		struct value acc = {0};
		for (int i = 0; i < e->nargs && rc == 1; i++) {
			int ri = carry_eval(e->args[i], prev, cur, at, &x);
			if (ri == 1 && i == 0)
				value_copy(&acc, &x);
			else if (ri == 1) {
				struct value s;
				if (value_add(&acc, &x, &s) < 0)
					ri = -1;
				else {
					value_clear(&acc);
					acc = s;
				}
			}
			rc = ri;
			value_clear(&x);
		}
		if (rc == 1)
			*out = acc;
		else
			value_clear(&acc);
		return rc;
	}
	default:
		return -1;
	}
}

/* Calls fn for every cell of cur's form that a rule carries. */
static void carry_each(const struct form *f,
		       void (*fn)(const struct carry_at *at, int cell, void *arg), void *arg)
{
	for (int i = 0; i < f->ncarries; i++) {
		const struct fcarry *c = &f->carries[i];
		for (int k = 0; k < c->nin; k++) {
			const struct fblock *b = c->in[k];
			const struct fnode *n = form_node(c->by_row ? &b->rows : &b->cols, c->node);
			int along = c->by_row ? b->ncols : b->nrows;
			for (int j = 0; j < along; j++) {
				struct carry_at at = {c, b, j};
				int cell =
				    c->by_row ? form_cell(b, n->leaf, j) : form_cell(b, j, n->leaf);
				fn(&at, cell, arg);
			}
		}
	}
}

struct carry_fill_ctx {
	const struct report *prev;
	struct report *cur;
	int filled;
};

/* The one test of which cells carry_fill fills: a rule that reads last
 * year's report only, on a cell that is not computed. */
static int carry_fills(const struct carry_at *at, const struct fcell *fc)
{
	return at->rule->last_only && fc->formula == NULL;
}

static void carry_fill_one(const struct carry_at *at, int cell, void *arg)
{
	struct carry_fill_ctx *F = arg;
	const struct fcell *fc = &F->cur->form->cells[cell];
	struct value v = {0};
	if (!carry_fills(at, fc))
		return;
	if (carry_eval(at->rule->from, F->prev, F->cur, at, &v) == 1 &&
	    value_conform(&v, &fc->type) == 0) {
		value_clear(&F->cur->vals[cell]);
		F->cur->vals[cell] = v;
		F->filled++;
		return;
	}
	value_clear(&v);
}

struct carry_expected_ctx {
	const struct report *prev, *cur;
	int cell, rc;
	struct value *want;
	const char **from;
};

static void carry_expected_one(const struct carry_at *at, int cell, void *arg)
{
	struct carry_expected_ctx *X = arg;
	if (cell != X->cell || X->rc != 0)
		return;
	struct value v = {0};
	if (carry_eval(at->rule->from, X->prev, X->cur, at, &v) != 1) {
		value_clear(&v);
		return;
	}
	*X->want = v;
	X->rc = 1;
	/* a rule that names one cell of last year's: its label */
	const struct expr *e = at->rule->from;
	int k = e->op == EX_REF && e->npath == 2
		    ? carry_cell(X->prev, at, e->path[1], at->rule->by_row)
		    : -1;
	if (k >= 0) {
		const struct fcell *pc = &X->prev->form->cells[k];
		*X->from =
		    at->rule->by_row ? pc->block->row[pc->r]->label : pc->block->col[pc->c]->label;
	}
}

int carry_expected(const struct report *prev, const struct report *cur, int cell,
		   struct value *want, const char **from)
{
	*from = NULL;
	struct carry_expected_ctx X = {prev, cur, cell, 0, want, from};
	carry_each(cur->form, carry_expected_one, &X);
	return X.rc;
}

struct carry_mark_ctx {
	const struct form *f;
	unsigned char *v;
};

static void carry_mark_one(const struct carry_at *at, int cell, void *arg)
{
	struct carry_mark_ctx *M = arg;
	if (carry_fills(at, &M->f->cells[cell]))
		M->v[cell] = 1;
}

unsigned char *carry_carried_cells(const struct form *f)
{
	struct carry_mark_ctx M = {f, xcalloc((size_t)f->ncells + 1, 1)};
	carry_each(f, carry_mark_one, &M);
	return M.v;
}

int carry_fill(const struct report *prev, struct report *cur)
{
	struct carry_fill_ctx F = {prev, cur, 0};
	carry_each(cur->form, carry_fill_one, &F);
	return F.filled;
}

struct carry_check_ctx {
	const struct report *prev, *cur;
	int same_organ;
	struct carry_break *v;
	int n;
};

static void carry_check_one(const struct carry_at *at, int cell, void *arg)
{
	struct carry_check_ctx *C = arg;
	const struct value *got = &C->cur->vals[cell];
	struct value want = {0}, diff = {0};
	/* a computed total follows from the carried cells it adds */
	if (C->cur->form->cells[cell].formula != NULL || got->kind != VAL_NUM ||
	    carry_eval(at->rule->from, C->prev, C->cur, at, &want) != 1 ||
	    value_cmp(got, &want) == 0) {
		value_clear(&want);
		return;
	}
	char *g = value_str(got), *w = value_str(&want), *dd = NULL;
	if (value_sub(got, &want, &diff) == 0)
		dd = value_str(&diff);
	C->v = xgrow(C->v, (size_t)C->n, sizeof *C->v);
	const struct fcell *fc = &C->cur->form->cells[cell];
	const struct fcheck *check = NULL;
	for (int i = 0; i < C->cur->form->nchecks; i++)
		if (C->cur->form->checks[i].carry == at->rule)
			check = &C->cur->form->checks[i];
	C->v[C->n++] = (struct carry_break){
	    .rule = at->rule,
	    .check = check,
	    .block = fc->block,
	    .r = fc->r,
	    .c = fc->c,
	    .cell = cell,
	    .severity =
		at->rule->severity == DIAG_ERROR && C->same_organ ? DIAG_ERROR : DIAG_WARNING,
	    /* the figures first, as every comparison's: a line cut at 80
	     * columns keeps them */
	    .message = xasprintf("本年 %s，按上年报告应为 %s，差 %s：%s", g, w, dd ? dd : "?",
				 at->rule->message)};
	free(g);
	free(w);
	free(dd);
	value_clear(&want);
	value_clear(&diff);
}

int carry_check(const struct report *prev, const struct report *cur, struct carry_break **out)
{
	int ka = form_hfield(prev->form, "organ"), kb = form_hfield(cur->form, "organ");
	const char *a = ka >= 0 ? prev->header[ka] : NULL, *b = kb >= 0 ? cur->header[kb] : NULL;
	struct carry_check_ctx C = {prev, cur, a && b && strcmp(a, b) == 0, NULL, 0};
	carry_each(cur->form, carry_check_one, &C);
	*out = C.v;
	return C.n;
}

void carry_breaks_free(struct carry_break *b, int n)
{
	for (int i = 0; i < n; i++)
		free(b[i].message);
	free(b);
}

int carry_same_cell(const struct report *prev, const struct form *f, int cell)
{
	const struct fcell *fc = &f->cells[cell];
	const struct ftable *t = form_table(prev->form, fc->block->table->id);
	if (t == NULL)
		return -1;
	const struct fblock *b = fc->block->id     ? form_block(t, fc->block->id)
				 : t->nblocks == 1 ? t->blocks[0]
						   : NULL;
	const struct fnode *rn = b ? form_node(&b->rows, fc->block->row[fc->r]->id) : NULL;
	const struct fnode *cn = b ? form_node(&b->cols, fc->block->col[fc->c]->id) : NULL;
	if (rn == NULL || cn == NULL || rn->nkids > 0 || cn->nkids > 0)
		return -1;
	return form_cell(b, rn->leaf, cn->leaf);
}
