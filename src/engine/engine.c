/* Incremental recompute and checking. */
#include "engine/engine.h"
#include "engine/rollup.h"
#include "base/i18n.h"
#include "base/buf.h"
#include "engine/carry.h"
#include "model/expr.h"
#include "model/form.h"
#include "model/report.h"
#include "base/xmalloc.h"

#include <stdlib.h>
#include <string.h>

struct engine {
	const struct form *f;
	struct report *r;
	signed char *status;  /* per check instance: an enum expr_truth */
	unsigned char *stale; /* per cell: the stored total disagreed on load */
	unsigned *seen;       /* per cell: epoch when last queued */
	unsigned *inst_seen;  /* per instance: epoch when last run */
	unsigned epoch;
	int *queue; /* computed cells to redo */
	int *changed;
	const struct report *prev;  /* last year's, for the carry rules; NULL if none */
	struct carry_break *breaks; /* the carry rules' breaks, while !breaks_stale */
	int nbreaks, breaks_stale;
	struct rollup_problem *parts; /* a roll-up's parts' own, as of engine_parts */
	int nparts;
	struct report *part_sums; /* the parts' sums then; each cell against it now */
};

/* The carry rules' breaks against last year's report, as of now. */
static void engine_breaks(const struct engine *ce)
{
	struct engine *e = (struct engine *)ce; /* a cache: the report is not changed */
	if (!e->breaks_stale)
		return;
	carry_breaks_free(e->breaks, e->nbreaks);
	e->breaks = NULL;
	e->nbreaks = e->prev ? carry_check(e->prev, e->r, &e->breaks) : 0;
	e->breaks_stale = 0;
}

static void engine_compute_in(const struct form *f, struct report *r, int cell)
{
	const struct fcell *fc = &f->cells[cell];
	struct value v = {0};
	int rc = fc->adds != NULL ? expr_add_cells(&v, fc->adds, fc->nadds, r->vals)
				  : expr_eval_num(fc->formula, r->vals, &v);
	if (rc < 0 || value_conform(&v, &fc->type) < 0) {
		memset(&v, 0, sizeof v);
		v.kind = VAL_ERROR;
	}
	r->vals[cell] = v;
}

void engine_previous(struct engine *e, struct report *prev)
{
	e->prev = prev;
	e->breaks_stale = 1;
	/* last year's totals as its own rendering printed them: computed, so
	 * that they stand beside this year's (L, render --previous) */
	for (int i = 0; prev != NULL && i < prev->form->norder; i++)
		engine_compute_in(prev->form, prev, prev->form->order[i]);
}

const struct report *engine_previous_report(const struct engine *e)
{
	return e->prev;
}

static void engine_compute(struct engine *e, int cell)
{
	engine_compute_in(e->f, e->r, cell);
}

static void engine_run(struct engine *e, int inst)
{
	const struct finst *in = &e->f->insts[inst];
	e->status[inst] =
	    (signed char)(in->test != FT_NONE
			      ? expr_test_blank(in->test == FT_BLANK, &e->r->vals[in->test_cell])
			      : expr_eval_bool(in->expr, e->r->vals));
}

void engine_recompute_all(struct engine *e)
{
	for (int i = 0; i < e->f->norder; i++)
		engine_compute(e, e->f->order[i]);
	for (int i = 0; i < e->f->ninsts; i++)
		engine_run(e, i);
}

struct engine *engine_new(struct report *r)
{
	const struct form *f = r->form;
	struct engine *e = xcalloc(1, sizeof *e);
	e->f = f;
	e->r = r;
	e->status = xcalloc((size_t)f->ninsts + 1, 1);
	e->stale = xcalloc((size_t)f->ncells + 1, 1);
	engine_recompute_all(e);
	for (int i = 0; i < f->norder; i++) {
		int cell = f->order[i];
		if (r->line[cell] > 0 && !value_same(&r->stored[cell], &r->vals[cell]))
			e->stale[cell] = 1;
	}
	return e;
}

void engine_free(struct engine *e)
{
	if (e == NULL)
		return;
	free(e->status);
	free(e->stale);
	free(e->seen); /* and the rest of engine_edit's room */
	carry_breaks_free(e->breaks, e->nbreaks);
	rollup_problems_free(e->parts, e->nparts);
	report_free(e->part_sums);
	free(e);
}

void engine_parts(struct engine *e, const char *path)
{
	rollup_problems_free(e->parts, e->nparts);
	report_free(e->part_sums);
	e->parts = NULL;
	e->part_sums = NULL;
	e->nparts = e->r->nparts > 0 ? rollup_read_parts(e->r, path, &e->parts, &e->part_sums) : 0;
}

struct report *engine_report(const struct engine *e)
{
	return e->r;
}

static int engine_topo_cmp(const void *a, const void *b, void *arg)
{
	const struct form *f = arg;
	return f->cells[*(const int *)a].topo - f->cells[*(const int *)b].topo;
}

/* Insertion sort by topological position: the queues are short. */
static void engine_sort(const struct form *f, int *v, int n)
{
	for (int i = 1; i < n; i++) {
		int x = v[i], j = i;
		while (j > 0 && engine_topo_cmp(&v[j - 1], &x, (void *)f) > 0) {
			v[j] = v[j - 1];
			j--;
		}
		v[j] = x;
	}
}

/* The room an edit works in, made at the first: check and every other
 * reader of a report never edits it. One block: seen, inst_seen, queue
 * and changed, all of 4-byte items. */
static void engine_edit_room(struct engine *e)
{
	size_t cells = (size_t)e->f->ncells + 1, insts = (size_t)e->f->ninsts + 1;
	unsigned *room = xcalloc(3 * cells + insts, sizeof *room);
	e->seen = room;
	e->inst_seen = room + cells;
	e->queue = (int *)(room + cells + insts);
	e->changed = (int *)(room + 2 * cells + insts);
}

int engine_edit(struct engine *e, int cell, const struct value *v)
{
	const struct form *f = e->f;
	if (cell < 0 || cell >= f->ncells || f->cells[cell].formula != NULL)
		return -1;
	if (e->seen == NULL)
		engine_edit_room(e);
	e->breaks_stale = 1;
	struct value *slot = &e->r->vals[cell];
	if (value_identical(slot, v))
		return 0;
	value_copy(slot, v);
	if (++e->epoch == 0) {
		memset(e->seen, 0, (size_t)f->ncells * sizeof *e->seen);
		memset(e->inst_seen, 0, (size_t)f->ninsts * sizeof *e->inst_seen);
		e->epoch = 1;
	}
	/* every computed cell that depends on this one, however indirectly */
	int nq = 0;
	for (int head = -1; head < nq; head++) {
		int from = head < 0 ? cell : e->queue[head];
		for (int k = f->dep_start[from]; k < f->dep_start[from + 1]; k++) {
			int d = f->dep_cells[k];
			if (e->seen[d] != e->epoch) {
				e->seen[d] = e->epoch;
				e->queue[nq++] = d;
			}
		}
	}
	engine_sort(f, e->queue, nq);
	int nc = 0;
	e->changed[nc++] = cell;
	for (int i = 0; i < nq; i++) {
		int d = e->queue[i];
		struct value old = e->r->vals[d];
		engine_compute(e, d);
		if (!value_identical(&old, &e->r->vals[d])) {
			e->changed[nc++] = d;
			e->stale[d] = 0;
		}
	}
	for (int i = 0; i < nc; i++) {
		int c = e->changed[i];
		for (int k = f->chk_start[c]; k < f->chk_start[c + 1]; k++) {
			int in = f->chk_insts[k];
			if (e->inst_seen[in] != e->epoch) {
				e->inst_seen[in] = e->epoch;
				engine_run(e, in);
			}
		}
	}
	return nc;
}

static struct problem *engine_push(struct problem **v, int *n)
{
	*v = xgrow(*v, (size_t)*n, sizeof **v); /* doubling: a hostile page has thousands */
	struct problem *p = &(*v)[(*n)++];
	memset(p, 0, sizeof *p);
	return p;
}

/* A failing comparison says its numbers: both sides and the difference, in
 * the form's language, the sides named as the form names them: "（一+二 =
 * 75，三（七）总计+四 = 74，差 1）". NULL when the rule is no comparison or
 * a side is not a number. */
static char *engine_sides(const struct engine *e, const struct finst *in)
{
	const struct expr *x = in->expr;
	if (x->op < EX_EQ || x->op > EX_GE)
		return NULL;
	struct value l, r, d;
	if (expr_eval_num(x->a, e->r->vals, &l) < 0 || expr_eval_num(x->b, e->r->vals, &r) < 0 ||
	    l.kind != VAL_NUM || r.kind != VAL_NUM || value_sub(&l, &r, &d) < 0)
		return NULL;
	if (d.num < 0 && value_neg(&d, &d) < 0)
		return NULL;
	int zh = strncmp(e->f->language, "zh", 2) == 0;
	const char *const *names = (const char *const *)in->check->sides;
	const char *ln = names[0] ? names[0] : zh ? "左边" : "left";
	const char *rn = names[1] ? names[1] : zh ? "右边" : "right";
	char *ls = value_str(&l), *rs = value_str(&r), *ds = value_str(&d), *s;
	if (x->b->op == EX_NUM) /* against a fixed number: the one side says it */
		s = xasprintf("%s = %s", ln, ls);
	else
		s = zh ? xasprintf("%s = %s，%s = %s，差 %s", ln, ls, rn, rs, ds)
		       : xasprintf("%s = %s, %s = %s, difference %s", ln, ls, rn, rs, ds);
	free(ls);
	free(rs);
	free(ds);
	return s;
}

/* The message of a failing check instance with its numbers: after it, in
 * brackets, for a list; before it (numbers_first), for a status line
 * whose end is cut at 80 columns; and there, brief (2), only the message's
 * name (勾稽关系不平衡 of 勾稽关系不平衡：第一项加第二项之和……). */
static char *engine_inst_message(const struct engine *e, int i, int numbers_first)
{
	const struct finst *in = &e->f->insts[i];
	if (e->status[i] == EXPR_OVERFLOW)
		return xasprintf(_("%s (a number is too large to check)"), in->check->message);
	char *sides = engine_sides(e, in), *s;
	int zh = strncmp(e->f->language, "zh", 2) == 0;
	const char *msg = in->check->message, *colon = NULL;
	if (numbers_first == 2 && (colon = strstr(msg, "：")) == NULL)
		colon = strstr(msg, ": ");
	int n = colon ? (int)(colon - msg) : (int)strlen(msg);
	if (sides == NULL)
		s = xasprintf("%.*s", n, msg);
	else if (numbers_first)
		s = xasprintf(zh ? "%s：%.*s" : "%s: %.*s", sides, n, msg);
	else
		s = xasprintf(zh ? "%s（%s）" : "%s (%s)", msg, sides);
	free(sides);
	return s;
}

/* A failing check as a problem; ack_ok: a reason kept for it counts
 * (not for an overflow, nor for an error). Takes message. */
static void engine_check_problem(const struct engine *e, struct problem **out, int *n,
				 const struct fcheck *check, enum diag_severity sev,
				 const struct fblock *b, int r, int c, int cell, int ack_ok,
				 char *message)
{
	struct problem *p = engine_push(out, n);
	p->kind = PROBLEM_CHECK;
	p->check = check;
	p->rule = check->id;
	p->severity = sev;
	p->block = b;
	p->r = r;
	p->c = c;
	p->cell = cell;
	const struct report_ack *ack = report_ack_find(e->r, check, b, r, c);
	p->acknowledged = ack && ack_ok ? ack->reason : NULL;
	p->message = message;
}

/* A roll-up's problem (of a part, or of cell; -1 for none) as a problem.
 * Takes message. */
static void engine_part_problem(const struct engine *e, struct problem **out, int *n,
				enum diag_severity sev, const char *rule, int cell, char *message)
{
	struct problem *p = engine_push(out, n);
	p->kind = PROBLEM_PART;
	p->severity = sev;
	p->rule = rule;
	p->cell = cell;
	p->r = p->c = -1;
	if (cell >= 0) {
		const struct fcell *fc = &e->f->cells[cell];
		p->block = fc->block;
		p->r = fc->r;
		p->c = fc->c;
	}
	p->message = message;
}

int engine_problems(const struct engine *e, struct problem **out)
{
	const struct form *f = e->f;
	int n = 0;
	*out = NULL;
	for (int i = 0; i < f->norder; i++) {
		int cell = f->order[i];
		const struct fcell *fc = &f->cells[cell];
		if (!e->stale[cell] && e->r->vals[cell].kind != VAL_ERROR)
			continue;
		struct problem *p = engine_push(out, &n);
		p->severity = DIAG_ERROR;
		p->block = fc->block;
		p->r = fc->r;
		p->c = fc->c;
		p->cell = cell;
		if (e->r->vals[cell].kind == VAL_ERROR) {
			p->kind = PROBLEM_OVERFLOW;
			p->rule = "overflow";
			p->message = xstrdup(_("the total is too large to compute"));
		} else {
			char *s = value_str(&e->r->stored[cell]), *c = value_str(&e->r->vals[cell]);
			p->kind = PROBLEM_STORED;
			p->rule = "stored_total";
			/* a page read back printed it; a report file stored it */
			int page = e->r->source_at && e->r->source_at[cell];
			p->message =
			    xasprintf(page ? _("the page prints %s here, but its parts add "
					       "up to %s")
					   : _("the file stores %s here, but its parts add "
					       "up to %s"),
				      *s ? s : _("a blank"), *c ? c : _("a blank"));
			free(s);
			free(c);
		}
	}
	for (int i = 0; i < f->ninsts; i++) {
		if (e->status[i] != EXPR_FALSE && e->status[i] != EXPR_OVERFLOW)
			continue;
		const struct finst *in = &f->insts[i];
		enum diag_severity sev =
		    e->status[i] == EXPR_OVERFLOW ? DIAG_ERROR : in->check->severity;
		engine_check_problem(e, out, &n, in->check, sev, in->block, in->r, in->c,
				     in->anchor, e->status[i] == EXPR_FALSE,
				     engine_inst_message(e, i, 0));
	}
	engine_breaks(e);
	for (int i = 0; i < e->nbreaks; i++) {
		const struct carry_break *b = &e->breaks[i];
		engine_check_problem(e, out, &n, b->check, b->severity, b->block, b->r, b->c,
				     b->cell, b->severity != DIAG_ERROR, xstrdup(b->message));
		(*out)[n - 1].kind = PROBLEM_BREAK;
	}
	/* a roll-up: its parts' problems as read, its cells against their sums
	 * as they are now (an edit that mends a cell mends its problem) */
	for (int i = 0; i < e->nparts; i++)
		engine_part_problem(e, out, &n, e->parts[i].severity, e->parts[i].check,
				    e->parts[i].cell, xstrdup(e->parts[i].message));
	for (int cell = 0; e->part_sums != NULL && cell < f->ncells; cell++) {
		char *m = rollup_cell_problem(e->r, e->part_sums, cell);
		if (m != NULL)
			engine_part_problem(e, out, &n, DIAG_ERROR, "rollup_sum", cell, m);
	}
	return n;
}

void engine_problems_free(struct problem *p, int n)
{
	for (int i = 0; i < n; i++)
		free(p[i].message);
	free(p);
}

int engine_cell_flags(const struct engine *e, int cell)
{
	const struct form *f = e->f;
	int flags = 0;
	if (e->stale[cell] || e->r->vals[cell].kind == VAL_ERROR)
		flags |= ENGINE_CELL_ERROR;
	for (int k = f->chk_start[cell]; k < f->chk_start[cell + 1]; k++) {
		int in = f->chk_insts[k];
		if (e->status[in] == EXPR_OVERFLOW)
			flags |= ENGINE_CELL_ERROR;
		else if (e->status[in] == EXPR_FALSE && f->insts[in].check->severity == DIAG_ERROR)
			flags |= ENGINE_CELL_ERROR;
		else if (e->status[in] == EXPR_FALSE) {
			const struct finst *x = &f->insts[in];
			flags |= report_ack_find(e->r, x->check, x->block, x->r, x->c)
				     ? ENGINE_CELL_ACKNOWLEDGED
				     : ENGINE_CELL_WARNING;
		}
	}
	engine_breaks(e);
	for (int i = 0; i < e->nbreaks; i++) {
		const struct carry_break *b = &e->breaks[i];
		if (b->cell != cell)
			continue;
		if (b->severity == DIAG_ERROR)
			flags |= ENGINE_CELL_ERROR;
		else
			flags |= report_ack_find(e->r, b->check, b->block, b->r, b->c)
				     ? ENGINE_CELL_ACKNOWLEDGED
				     : ENGINE_CELL_WARNING;
	}
	char *sum = rollup_cell_problem(e->r, e->part_sums, cell);
	if (sum != NULL)
		flags |= ENGINE_CELL_ERROR;
	free(sum);
	if (flags & (ENGINE_CELL_ERROR | ENGINE_CELL_WARNING))
		flags &= ~ENGINE_CELL_ACKNOWLEDGED;
	return flags;
}

int engine_cell_messages(const struct engine *e, int cell, char **msgs, int max, int brief)
{
	const struct form *f = e->f;
	int n = 0;
	if (n < max && e->r->vals[cell].kind == VAL_ERROR)
		msgs[n++] = xstrdup(_("the total is too large to compute"));
	else if (n < max && e->stale[cell])
		msgs[n++] = xstrdup(e->r->source_at && e->r->source_at[cell]
					? _("the page printed another value for this total")
					: _("the file stored another value for this total"));
	for (int k = f->chk_start[cell]; k < f->chk_start[cell + 1] && n < max; k++) {
		int in = f->chk_insts[k];
		if (e->status[in] == EXPR_FALSE || e->status[in] == EXPR_OVERFLOW)
			msgs[n++] = engine_inst_message(e, in, brief ? 2 : 1);
	}
	engine_breaks(e);
	for (int i = 0; i < e->nbreaks && n < max; i++)
		if (e->breaks[i].cell == cell)
			msgs[n++] = xstrdup(e->breaks[i].message);
	char *sum = n < max ? rollup_cell_problem(e->r, e->part_sums, cell) : NULL;
	if (sum != NULL)
		msgs[n++] = sum;
	return n;
}

struct engine_count engine_count(const struct engine *e)
{
	struct problem *p;
	int n = engine_problems(e, &p);
	struct engine_count c = engine_count_of(p, n);
	engine_problems_free(p, n);
	return c;
}

struct engine_count engine_count_of(const struct problem *p, int n)
{
	struct engine_count c = {0, 0, 0};
	for (int i = 0; i < n; i++) {
		if (p[i].severity == DIAG_ERROR)
			c.errors++;
		else if (p[i].acknowledged != NULL)
			c.acknowledged++;
		else
			c.warnings++;
	}
	return c;
}

void engine_where(const struct problem *p, const char *sep, struct engine_where *w)
{
	const struct fblock *b = p->block;
	w->table = b ? b->table : NULL;
	w->row = b && p->r >= 0 ? form_row_path(b, p->r, sep) : xstrdup("");
	w->col = b && p->c >= 0 ? form_col_path(b, p->c, sep) : xstrdup("");
}

void engine_where_free(struct engine_where *w)
{
	free(w->row);
	free(w->col);
	w->row = w->col = NULL;
}
