/* Name resolution, type checking and dependency order of a form. */
#include "model/resolve.h"
#include "model/expr.h"
#include "model/form.h"
#include "base/xmalloc.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* Where names are looked up: in ROW mode a bare name is a column of row r
 * (a column's formula, a check for each row); in COL mode a bare name is a
 * row of column c. */
enum resolve_mode { RM_NONE, RM_ROW, RM_COL, RM_CELL };

struct resolve_ctx {
	struct form *f;
	struct diags *d;
	struct fblock *b;
	enum resolve_mode mode;
	int r, c;
	int line, col; /* where the expression's text starts */
	int failed;
};

/* A rectangle of leaves in one block. */
struct resolve_rect {
	struct fblock *b;
	int r0, nr, c0, nc;
};

__attribute__((format(printf, 3, 4))) static void
resolve_err(struct resolve_ctx *X, const struct expr *e, const char *fmt, ...)
{
	if (!X->failed) {
		va_list ap;
		va_start(ap, fmt);
		diags_vadd(X->d, DIAG_ERROR, X->f->path, X->line, X->col + (e ? e->pos : 0), fmt,
			   ap);
		va_end(ap);
	}
	X->failed = 1;
}

static int resolve_in_block(struct resolve_ctx *X, const struct expr *e, struct fblock *b,
			    const char *row, const char *col, struct resolve_rect *out)
{
	const struct fnode *rn = row ? form_node(&b->rows, row) : NULL;
	const struct fnode *cn = col ? form_node(&b->cols, col) : NULL;
	const char *where = b->id ? b->id : b->table->id;
	if (row != NULL && rn == NULL) {
		resolve_err(X, e, "no row '%s' in '%s'", row, where);
		return -1;
	}
	if (col != NULL && cn == NULL) {
		resolve_err(X, e, "no column '%s' in '%s'", col, where);
		return -1;
	}
	out->b = b;
	out->r0 = rn ? rn->first : X->r;
	out->nr = rn ? rn->count : 1;
	out->c0 = cn ? cn->first : X->c;
	out->nc = cn ? cn->count : 1;
	return 0;
}

static int resolve_ref(struct resolve_ctx *X, const struct expr *e, struct resolve_rect *out)
{
	char **p = e->path;
	switch (e->npath) {
	case 1:
		if (X->mode == RM_COL)
			return resolve_in_block(X, e, X->b, p[0], NULL, out);
		if (X->mode == RM_ROW)
			return resolve_in_block(X, e, X->b, NULL, p[0], out);
		resolve_err(X, e, "'%s' alone names no cell here: write ROW.COLUMN", p[0]);
		return -1;
	case 2:
		if (X->b == NULL) {
			resolve_err(X, e, "'%s.%s' needs its table: write TABLE.ROW.COLUMN", p[0],
				    p[1]);
			return -1;
		}
		return resolve_in_block(X, e, X->b, p[0], p[1], out);
	case 3: {
		if (X->b != NULL) {
			const struct fblock *b = form_block(X->b->table, p[0]);
			if (b != NULL)
				return resolve_in_block(X, e, (struct fblock *)b, p[1], p[2], out);
		}
		const struct ftable *t = form_table(X->f, p[0]);
		if (t == NULL) {
			resolve_err(X, e, "no block or table '%s'", p[0]);
			return -1;
		}
		if (!t->implicit) {
			resolve_err(X, e, "table '%s' has blocks: write %s.BLOCK.ROW.COLUMN", p[0],
				    p[0]);
			return -1;
		}
		return resolve_in_block(X, e, t->blocks[0], p[1], p[2], out);
	}
	case 4: {
		const struct ftable *t = form_table(X->f, p[0]);
		const struct fblock *b = t ? form_block(t, p[1]) : NULL;
		if (b == NULL) {
			resolve_err(X, e, "no block '%s.%s'", p[0], p[1]);
			return -1;
		}
		return resolve_in_block(X, e, (struct fblock *)b, p[2], p[3], out);
	}
	default:
		resolve_err(X, e, "a reference has at most four parts");
		return -1;
	}
}

static void resolve_push_rect(struct expr *out, const struct resolve_rect *R)
{
	out->cells = xreallocarray(out->cells, (size_t)out->ncells + (size_t)(R->nr * R->nc),
				   sizeof *out->cells);
	for (int r = R->r0; r < R->r0 + R->nr; r++)
		for (int c = R->c0; c < R->c0 + R->nc; c++)
			out->cells[out->ncells++] = form_cell(R->b, r, c);
}

/* A sum() item or a plain reference, as a list of cells. */
static struct expr *resolve_cells(struct resolve_ctx *X, const struct expr *e)
{
	struct expr *out = xcalloc(1, sizeof *out);
	out->op = EX_CELLS;
	out->pos = e->pos;
	struct resolve_rect a, b;
	if (e->op == EX_THIS) {
		if (X->mode != RM_CELL) {
			resolve_err(X, e, "'this' only means a cell in a check for each cell");
			return out;
		}
		out->cells = xmalloc(sizeof *out->cells);
		out->cells[out->ncells++] = form_cell(X->b, X->r, X->c);
		return out;
	}
	if (e->op == EX_REF) {
		if (resolve_ref(X, e, &a) == 0)
			resolve_push_rect(out, &a);
		return out;
	}
	/* a range: its ends must share a row (or a column) and run forwards */
	if (resolve_ref(X, e->a, &a) < 0 || resolve_ref(X, e->b, &b) < 0)
		return out;
	struct resolve_rect R = a;
	if (a.b != b.b) {
		resolve_err(X, e, "a range must stay within one block");
	} else if (a.r0 == b.r0 && a.nr == b.nr) {
		R.nc = b.c0 + b.nc - a.c0;
		if (R.nc < a.nc)
			resolve_err(X, e, "range runs backwards: '%s' comes after '%s'",
				    e->a->path[e->a->npath - 1], e->b->path[e->b->npath - 1]);
	} else if (a.c0 == b.c0 && a.nc == b.nc) {
		R.nr = b.r0 + b.nr - a.r0;
		if (R.nr < a.nr)
			resolve_err(X, e, "range runs backwards: '%s' comes after '%s'",
				    e->a->path[e->a->npath - 1], e->b->path[e->b->npath - 1]);
	} else {
		resolve_err(X, e, "the ends of a range must share a row or a column");
	}
	if (!X->failed)
		resolve_push_rect(out, &R);
	return out;
}

static int resolve_places_of(const struct form *f, const struct expr *e)
{
	int p = 0;
	if (e->op == EX_NUM)
		return e->num.scale;
	for (int i = 0; i < e->ncells; i++) {
		const struct celltype *t = &f->cells[e->cells[i]].type;
		if (t->places > p)
			p = t->places;
	}
	int pa = e->a ? resolve_places_of(f, e->a) : 0;
	int pb = e->b ? resolve_places_of(f, e->b) : 0;
	if (e->op == EX_MUL)
		return pa + pb;
	p = pa > p ? pa : p;
	p = pb > p ? pb : p;
	for (int i = 0; i < e->nargs; i++) {
		int q = resolve_places_of(f, e->args[i]);
		p = q > p ? q : p;
	}
	return p;
}

static void resolve_no_text(struct resolve_ctx *X, const struct expr *cells)
{
	for (int i = 0; i < cells->ncells; i++)
		if (X->f->cells[cells->cells[i]].type.kind == CELL_TEXT) {
			resolve_err(X, cells, "a text cell cannot be counted");
			return;
		}
}

/* Binds e; want_bool says which kind of value the place needs. */
static struct expr *resolve_bind(struct resolve_ctx *X, const struct expr *e, int want_bool)
{
	if (X->failed || e == NULL)
		return NULL;
	if (expr_is_bool(e) != want_bool) {
		if (want_bool)
			resolve_err(X, e, "expected a comparison or a test here");
		else
			resolve_err(X, e, "expected a number here, not a comparison");
		return NULL;
	}
	struct expr *out;
	switch (e->op) {
	case EX_REF:
	case EX_THIS:
		out = resolve_cells(X, e);
		if (!X->failed && out->ncells != 1) {
			resolve_err(X, e, "'%s' names %s cells: add them with sum()",
				    e->op == EX_REF ? e->path[e->npath - 1] : "this", "several");
		}
		resolve_no_text(X, out);
		return out;
	case EX_SUM:
		out = xcalloc(1, sizeof *out);
		out->op = EX_SUM;
		out->pos = e->pos;
		out->args = xcalloc((size_t)e->nargs, sizeof *out->args);
		for (int i = 0; i < e->nargs; i++) {
			out->args[out->nargs++] = resolve_cells(X, e->args[i]);
			resolve_no_text(X, out->args[i]);
		}
		return out;
	case EX_BLANK:
	case EX_FILLED:
		out = xcalloc(1, sizeof *out);
		*out = (struct expr){.op = e->op, .pos = e->pos};
		out->a = resolve_cells(X, e->a);
		if (!X->failed && out->a->ncells != 1)
			resolve_err(X, e->a, "blank() and filled() test one cell");
		return out;
	default:
		break;
	}
	out = xcalloc(1, sizeof *out);
	out->op = e->op;
	out->pos = e->pos;
	if (e->op == EX_NUM) {
		out->num = e->num;
		return out;
	}
	int sub_bool = e->op == EX_AND || e->op == EX_OR || e->op == EX_NOT;
	out->a = resolve_bind(X, e->a, sub_bool);
	if (e->b != NULL)
		out->b = resolve_bind(X, e->b, sub_bool);
	return out;
}

static void resolve_types(struct form *f)
{
	for (int i = 0; i < f->nblocks; i++) {
		struct fblock *b = f->blocks[i];
		for (int r = 0; r < b->nrows; r++)
			for (int c = 0; c < b->ncols; c++) {
				struct fcell *cell = &f->cells[form_cell(b, r, c)];
				cell->block = b;
				cell->r = r;
				cell->c = c;
				cell->topo = -1;
				cell->type = (struct celltype){CELL_COUNT, 0};
				if (b->has_type)
					cell->type = b->type;
				if (b->row[r]->has_type)
					cell->type = b->row[r]->type;
				if (b->col[c]->has_type)
					cell->type = b->col[c]->type;
			}
	}
}

/* The cells cell's formula only adds, for the engine to add from one
 * array (fcell.adds): in any grouping when all hold counts. */
static void resolve_adds(struct form *f, struct fcell *cell)
{
	cell->nadds = expr_adds_cells(cell->formula, 1, &cell->adds);
	for (int k = 0; k < cell->nadds; k++)
		if (f->cells[cell->adds[k]].type.kind != CELL_COUNT) {
			free(cell->adds);
			cell->nadds = expr_adds_cells(cell->formula, 0, &cell->adds);
			break;
		}
}

static int resolve_formulas(struct form *f, struct diags *d)
{
	for (int i = 0; i < f->ncells; i++) {
		struct fcell *cell = &f->cells[i];
		struct fblock *b = cell->block;
		const struct fnode *src =
		    b->col[cell->c]->formula ? b->col[cell->c] : b->row[cell->r];
		if (src->formula == NULL)
			continue;
		struct resolve_ctx X = {.f = f, .d = d, .b = b, .r = cell->r, .c = cell->c};
		X.mode = src == b->col[cell->c] ? RM_ROW : RM_COL;
		X.line = src->fline;
		X.col = src->fcol;
		if (cell->type.kind == CELL_TEXT) {
			resolve_err(&X, NULL, "a text cell cannot be computed ('%s')", src->id);
			return -1;
		}
		cell->formula = resolve_bind(&X, src->formula, 0);
		if (X.failed)
			return -1;
		resolve_adds(f, cell);
		int places = resolve_places_of(f, cell->formula);
		int room = cell->type.kind == CELL_FIXED || cell->type.kind == CELL_DECIMAL
			       ? cell->type.places
			       : 0;
		if (places > room) {
			resolve_err(&X, NULL,
				    "the formula of '%s' gives decimals but its cells are %s",
				    src->id, room ? "of fewer places" : "whole numbers");
			return -1;
		}
	}
	return 0;
}

struct resolve_list {
	int *v;
	int n;
};

static void resolve_list_cell(int cell, void *arg)
{
	struct resolve_list *L = arg;
	L->v = xreallocarray(L->v, (size_t)L->n + 1, sizeof *L->v);
	L->v[L->n++] = cell;
}

/* Depth-first topological order; a cycle is reported at a formula in it. */
static int resolve_visit(struct form *f, int cell, char *mark, struct diags *d)
{
	struct fcell *c = &f->cells[cell];
	if (c->formula == NULL || mark[cell] == 2)
		return 0;
	if (mark[cell] == 1) {
		const struct fnode *src =
		    c->block->col[c->c]->formula ? c->block->col[c->c] : c->block->row[c->r];
		diags_add(d, DIAG_ERROR, f->path, src->fline, src->fcol,
			  "formulas form a cycle: '%s' depends on itself", src->id);
		return -1;
	}
	mark[cell] = 1;
	struct resolve_list reads = {NULL, 0};
	expr_cells(c->formula, resolve_list_cell, &reads);
	for (int i = 0; i < reads.n; i++)
		if (resolve_visit(f, reads.v[i], mark, d) < 0) {
			free(reads.v);
			return -1;
		}
	free(reads.v);
	mark[cell] = 2;
	c->topo = f->norder;
	f->order[f->norder++] = cell;
	return 0;
}

static void resolve_add_inst(struct form *f, struct fcheck *ch, struct fblock *b, int r, int c,
			     struct expr *e)
{
	f->insts = xreallocarray(f->insts, (size_t)f->ninsts + 1, sizeof *f->insts);
	struct finst *in = &f->insts[f->ninsts++];
	in->check = ch;
	in->block = b;
	in->r = r;
	in->c = c;
	in->expr = e;
	in->anchor = -1;
	in->test = FT_NONE;
	if (e != NULL && (e->op == EX_BLANK || e->op == EX_FILLED) && e->a->ncells == 1) {
		in->test = e->op == EX_BLANK ? FT_BLANK : FT_FILLED;
		in->test_cell = e->a->cells[0];
	}
}

static void resolve_first_cell(int cell, void *arg)
{
	int *first = arg;
	if (*first < 0)
		*first = cell;
}

struct resolve_span {
	const struct form *f;
	struct fblock *b;
	int r, c; /* -2 unset, -1 differs */
};

static void resolve_span_cell(int cell, void *arg)
{
	struct resolve_span *S = arg;
	const struct fcell *x = &S->f->cells[cell];
	if (S->r == -2) {
		S->b = x->block, S->r = x->r, S->c = x->c;
		return;
	}
	if (x->block != S->b)
		S->b = NULL, S->r = S->c = -1;
	if (x->r != S->r)
		S->r = -1;
	if (x->c != S->c)
		S->c = -1;
}

static int resolve_check(struct form *f, struct fcheck *ch, struct diags *d)
{
	if (ch->carry != NULL)
		return 0; /* checked against last year's report, by carry.c */
	int nb = ch->nin ? ch->nin : (ch->each == EACH_CELL ? f->nblocks : 1);
	for (int k = 0; k < nb; k++) {
		struct fblock *b =
		    ch->nin ? ch->in[k] : (ch->each == EACH_CELL ? f->blocks[k] : NULL);
		int nr = ch->each == EACH_ROW || ch->each == EACH_CELL ? b->nrows : 1;
		int nc = ch->each == EACH_COLUMN || ch->each == EACH_CELL ? b->ncols : 1;
		for (int r = 0; r < nr; r++)
			for (int c = 0; c < nc; c++) {
				if (ch->each == EACH_CELL && f->cells[form_cell(b, r, c)].formula)
					continue; /* computed cells are never typed in */
				struct resolve_ctx X = {.f = f, .d = d, .b = b, .r = r, .c = c};
				X.mode = ch->each == EACH_ROW      ? RM_ROW
					 : ch->each == EACH_COLUMN ? RM_COL
					 : ch->each == EACH_CELL   ? RM_CELL
								   : RM_NONE;
				X.line = ch->rline;
				X.col = ch->rcol;
				struct expr *e = resolve_bind(&X, ch->rule, 1);
				if (X.failed) {
					expr_free(e);
					return -1;
				}
				int rr = ch->each == EACH_COLUMN ? -1 : r;
				int cc = ch->each == EACH_ROW ? -1 : c;
				struct fblock *ib = b;
				if (ch->each == EACH_NONE) {
					struct resolve_span S = {f, NULL, -2, -2};
					expr_cells(e, resolve_span_cell, &S);
					ib = S.b, rr = S.r < 0 ? -1 : S.r, cc = S.c < 0 ? -1 : S.c;
					if (ib == NULL)
						rr = cc = -1;
				}
				resolve_add_inst(f, ch, ib, rr, cc, e);
				expr_cells(e, resolve_first_cell, &f->insts[f->ninsts - 1].anchor);
			}
	}
	return 0;
}

struct resolve_csr {
	int *count;
	int *fill;
	int *out;
	int stamp_owner;
	int *stamp;
	int phase; /* 0 counting, 1 filling */
	int who;
};

static void resolve_csr_cell(int cell, void *arg)
{
	struct resolve_csr *C = arg;
	if (C->stamp[cell] == C->stamp_owner)
		return; /* a cell read twice by one reader counts once */
	C->stamp[cell] = C->stamp_owner;
	if (C->phase == 0)
		C->count[cell + 1]++;
	else
		C->out[C->fill[cell]++] = C->who;
}

/* Builds start[] and list[] so that list[start[c]..start[c+1]) are the
 * readers of cell c; reader i's expression is exprs(i). */
static void resolve_index(struct form *f, int nreaders, struct expr *(*expr_of)(struct form *, int),
			  int **start, int **list)
{
	struct resolve_csr C = {0};
	C.count = xcalloc((size_t)f->ncells + 1, sizeof *C.count);
	C.stamp = xcalloc((size_t)f->ncells, sizeof *C.stamp);
	for (int phase = 0; phase < 2; phase++) {
		C.phase = phase;
		if (phase == 1) {
			for (int i = 0; i < f->ncells; i++)
				C.count[i + 1] += C.count[i];
			C.fill = xmalloc(((size_t)f->ncells + 1) * sizeof *C.fill);
			memcpy(C.fill, C.count, ((size_t)f->ncells + 1) * sizeof *C.fill);
			C.out = xmalloc(((size_t)C.count[f->ncells] + 1) * sizeof *C.out);
		}
		for (int i = 0; i < nreaders; i++) {
			struct expr *e = expr_of(f, i);
			if (e == NULL)
				continue;
			C.who = i;
			C.stamp_owner = phase * nreaders + i + 1;
			expr_cells(e, resolve_csr_cell, &C);
		}
	}
	free(C.fill);
	free(C.stamp);
	*start = C.count;
	*list = C.out;
}

static struct expr *resolve_formula_of(struct form *f, int i)
{
	return f->cells[i].formula;
}

static struct expr *resolve_inst_of(struct form *f, int i)
{
	return f->insts[i].expr;
}

int resolve_form(struct form *f, struct diags *d)
{
	for (int i = 0; i < f->ntables; i++)
		for (int k = 0; k < f->tables[i]->nblocks; k++) {
			struct fblock *b = f->tables[i]->blocks[k];
			f->blocks = xreallocarray(f->blocks, (size_t)f->nblocks + 1, sizeof b);
			f->blocks[f->nblocks++] = b;
			b->base = f->ncells;
			f->ncells += b->nrows * b->ncols;
		}
	f->cells = xcalloc((size_t)f->ncells + 1, sizeof *f->cells);
	resolve_types(f);
	if (resolve_formulas(f, d) < 0)
		return -1;
	f->order = xmalloc(((size_t)f->ncells + 1) * sizeof *f->order);
	char *mark = xcalloc((size_t)f->ncells + 1, 1);
	for (int i = 0; i < f->ncells; i++)
		if (resolve_visit(f, i, mark, d) < 0) {
			free(mark);
			return -1;
		}
	free(mark);
	for (int i = 0; i < f->nchecks; i++)
		if (resolve_check(f, &f->checks[i], d) < 0)
			return -1;
	resolve_index(f, f->ncells, resolve_formula_of, &f->dep_start, &f->dep_cells);
	resolve_index(f, f->ninsts, resolve_inst_of, &f->chk_start, &f->chk_insts);
	return 0;
}
