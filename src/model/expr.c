/* Expression parser and evaluator. */
#include "model/expr.h"
#include "base/buf.h"
#include "base/xmalloc.h"

#include <stdlib.h>
#include <string.h>

struct expr_parser {
	const char *src;
	const char *p;
	const char *err;
	int errpos;
	int nodes;
	const char *seen; /* expr_pos counted characters up to here: seen_k */
	int seen_k;
};

/* The character offset of at, counted from the last offset asked for
 * (nodes are made near one another), not from the start: a formula of
 * 10,000 terms took 200 ms when every node counted from the start. */
static int expr_pos(struct expr_parser *P, const char *at)
{
	const char *q = P->seen ? P->seen : P->src;
	int k = P->seen ? P->seen_k : 0;
	for (; q < at; q++)
		if (((unsigned char)*q & 0xC0) != 0x80)
			k++;
	for (; q > at; q--)
		if (((unsigned char)q[-1] & 0xC0) != 0x80)
			k--;
	P->seen = at;
	P->seen_k = k;
	return k;
}

static void expr_fail(struct expr_parser *P, const char *at, const char *msg)
{
	if (P->err == NULL) {
		P->err = msg;
		P->errpos = expr_pos(P, at);
	}
}

static void expr_skip(struct expr_parser *P)
{
	while (*P->p == ' ' || *P->p == '\t' || *P->p == '\n' || *P->p == '\r')
		P->p++;
}

static int expr_is_name_start(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

static int expr_is_name(char c)
{
	return expr_is_name_start(c) || (c >= '0' && c <= '9');
}

/* Consumes the word w if it stands at the cursor as a whole word. */
static int expr_word(struct expr_parser *P, const char *w)
{
	expr_skip(P);
	if (*P->p != *w) /* most tries: told by the first byte */
		return 0;
	size_t n = strlen(w);
	if (strncmp(P->p, w, n) == 0 && !expr_is_name(P->p[n])) {
		P->p += n;
		return 1;
	}
	return 0;
}

static int expr_sym(struct expr_parser *P, const char *s)
{
	expr_skip(P);
	if (*P->p != *s)
		return 0;
	size_t n = strlen(s);
	if (strncmp(P->p, s, n) == 0) {
		P->p += n;
		return 1;
	}
	return 0;
}

static struct expr *expr_new(struct expr_parser *P, enum expr_op op, const char *at)
{
	struct expr *e = xcalloc(1, sizeof *e);
	e->op = op;
	e->pos = expr_pos(P, at);
	if (++P->nodes > EXPR_MAX_NODES)
		expr_fail(P, at, "expression too long");
	return e;
}

static struct expr *expr_or(struct expr_parser *P, int depth);

static struct expr *expr_ref(struct expr_parser *P)
{
	expr_skip(P);
	const char *start = P->p;
	if (!expr_is_name_start(*P->p)) {
		expr_fail(P, P->p, "expected a row or column name");
		return NULL;
	}
	struct expr *e = expr_new(P, EX_REF, start);
	/* the dotted names read first, then kept in one block (their pointers,
	 * then their bytes): a rule of thousands of terms made two blocks of
	 * each, one more for every dot */
	int n = 0, bad = 0;
	size_t bytes = 0;
	for (;;) {
		const char *s = P->p;
		while (expr_is_name(*P->p))
			P->p++;
		n++;
		bytes += (size_t)(P->p - s) + 1;
		if (P->p[0] != '.' || P->p[1] == '.')
			break;
		P->p++;
		if (!expr_is_name_start(*P->p)) {
			bad = 1;
			break;
		}
	}
	e->path = xmalloc((size_t)n * sizeof *e->path + bytes);
	char *q = (char *)(e->path + n);
	for (const char *s = start; e->npath < n; s++) { /* past each name's dot */
		size_t k = 0;
		while (expr_is_name(s[k]))
			k++;
		memcpy(q, s, k);
		q[k] = '\0';
		e->path[e->npath++] = q;
		q += k + 1;
		s += k;
	}
	if (bad)
		expr_fail(P, P->p, "expected a name after '.'");
	return e;
}

static struct expr *expr_item(struct expr_parser *P)
{
	struct expr *r = expr_ref(P);
	if (r == NULL)
		return NULL;
	const char *at = P->p;
	if (expr_sym(P, "..")) {
		struct expr *e = expr_new(P, EX_RANGE, at);
		e->a = r;
		e->b = expr_ref(P);
		return e;
	}
	return r;
}

static const char *expr_reserved[] = {"and", "or", "not", "sum", "blank", "filled", "this"};

static struct expr *expr_atom(struct expr_parser *P, int depth)
{
	expr_skip(P);
	const char *at = P->p;
	if (depth > 64) {
		expr_fail(P, at, "expression nested too deeply");
		return NULL;
	}
	if (*P->p >= '0' && *P->p <= '9') {
		const char *s = P->p;
		while ((*P->p >= '0' && *P->p <= '9') || *P->p == '.')
			P->p++;
		char *txt = xstrndup(s, (size_t)(P->p - s));
		struct celltype t = {CELL_DECIMAL, VALUE_MAX_PLACES};
		struct expr *e = expr_new(P, EX_NUM, at);
		const char *why;
		if (value_parse(txt, &t, &e->num, &why) < 0)
			expr_fail(P, at, "bad number");
		free(txt);
		return e;
	}
	if (expr_sym(P, "(")) {
		struct expr *e = expr_or(P, depth + 1);
		if (!expr_sym(P, ")"))
			expr_fail(P, P->p, "expected ')'");
		return e;
	}
	if (expr_word(P, "this"))
		return expr_new(P, EX_THIS, at);
	if (expr_word(P, "sum")) {
		struct expr *e = expr_new(P, EX_SUM, at);
		if (!expr_sym(P, "(")) {
			expr_fail(P, P->p, "expected '(' after sum");
			return e;
		}
		do {
			struct expr *it = expr_item(P);
			if (it == NULL)
				return e;
			e->args = xreallocarray(e->args, (size_t)e->nargs + 1, sizeof *e->args);
			e->args[e->nargs++] = it;
		} while (expr_sym(P, ","));
		if (!expr_sym(P, ")"))
			expr_fail(P, P->p, "expected ')' or ',' in sum");
		return e;
	}
	int blank = 0;
	if ((blank = expr_word(P, "blank")) || expr_word(P, "filled")) {
		struct expr *e = expr_new(P, blank ? EX_BLANK : EX_FILLED, at);
		if (!expr_sym(P, "(")) {
			expr_fail(P, P->p, "expected '('");
			return e;
		}
		e->a = expr_word(P, "this") ? expr_new(P, EX_THIS, P->p) : expr_ref(P);
		if (!expr_sym(P, ")"))
			expr_fail(P, P->p, "expected ')'");
		return e;
	}
	for (size_t i = 0; i < sizeof expr_reserved / sizeof expr_reserved[0]; i++) {
		size_t n = strlen(expr_reserved[i]);
		if (strncmp(P->p, expr_reserved[i], n) == 0 && !expr_is_name(P->p[n])) {
			expr_fail(P, at, "unexpected keyword");
			return NULL;
		}
	}
	if (expr_is_name_start(*P->p))
		return expr_ref(P);
	if (*at)
		expr_fail(P, at, "unexpected character");
	else
		expr_fail(P, at, "unexpected end of expression");
	return NULL;
}

static struct expr *expr_binary(struct expr_parser *P, enum expr_op op, const char *at,
				struct expr *a, struct expr *b)
{
	struct expr *e = expr_new(P, op, at);
	e->a = a;
	e->b = b;
	return e;
}

static struct expr *expr_unary(struct expr_parser *P, int depth)
{
	expr_skip(P);
	const char *at = P->p;
	if (expr_sym(P, "-")) {
		struct expr *e = expr_new(P, EX_NEG, at);
		if (depth > 64) {
			expr_fail(P, at, "expression nested too deeply");
			return e;
		}
		e->a = expr_unary(P, depth + 1);
		return e;
	}
	return expr_atom(P, depth);
}

static struct expr *expr_term(struct expr_parser *P, int depth)
{
	struct expr *e = expr_unary(P, depth);
	for (;;) {
		expr_skip(P);
		const char *at = P->p;
		if (P->err || !expr_sym(P, "*"))
			return e;
		e = expr_binary(P, EX_MUL, at, e, expr_unary(P, depth));
	}
}

static struct expr *expr_sum(struct expr_parser *P, int depth)
{
	struct expr *e = expr_term(P, depth);
	for (;;) {
		expr_skip(P);
		const char *at = P->p;
		if (P->err)
			return e;
		if (expr_sym(P, "+"))
			e = expr_binary(P, EX_ADD, at, e, expr_term(P, depth));
		else if (expr_sym(P, "-"))
			e = expr_binary(P, EX_SUB, at, e, expr_term(P, depth));
		else
			return e;
	}
}

static struct expr *expr_cmp(struct expr_parser *P, int depth)
{
	static const struct {
		const char *sym;
		enum expr_op op;
	} ops[] = {{"==", EX_EQ}, {"!=", EX_NE}, {"<=", EX_LE}, {">=", EX_GE},
		   {"=", EX_EQ},  {"<", EX_LT},  {">", EX_GT}};
	struct expr *e = expr_sum(P, depth);
	expr_skip(P);
	const char *at = P->p;
	for (size_t i = 0; i < sizeof ops / sizeof ops[0] && !P->err; i++)
		if (expr_sym(P, ops[i].sym))
			return expr_binary(P, ops[i].op, at, e, expr_sum(P, depth));
	return e;
}

static struct expr *expr_not(struct expr_parser *P, int depth)
{
	expr_skip(P);
	const char *at = P->p;
	if (expr_word(P, "not")) {
		struct expr *e = expr_new(P, EX_NOT, at);
		if (depth > 64) {
			expr_fail(P, at, "expression nested too deeply");
			return e;
		}
		e->a = expr_not(P, depth + 1);
		return e;
	}
	return expr_cmp(P, depth);
}

static struct expr *expr_and(struct expr_parser *P, int depth)
{
	struct expr *e = expr_not(P, depth);
	for (;;) {
		expr_skip(P);
		const char *at = P->p;
		if (P->err || !expr_word(P, "and"))
			return e;
		e = expr_binary(P, EX_AND, at, e, expr_not(P, depth));
	}
}

static struct expr *expr_or(struct expr_parser *P, int depth)
{
	struct expr *e = expr_and(P, depth);
	for (;;) {
		expr_skip(P);
		const char *at = P->p;
		if (P->err || !expr_word(P, "or"))
			return e;
		e = expr_binary(P, EX_OR, at, e, expr_and(P, depth));
	}
}

struct expr *expr_parse(const char *src, int *errpos, const char **errmsg)
{
	struct expr_parser P = {.src = src, .p = src};
	struct expr *e = expr_or(&P, 0);
	expr_skip(&P);
	if (P.err == NULL && *P.p != '\0')
		expr_fail(&P, P.p, "unexpected text after the expression");
	if (P.err == NULL && e == NULL)
		expr_fail(&P, P.p, "empty expression");
	if (P.err != NULL) {
		expr_free(e);
		*errpos = P.errpos;
		*errmsg = P.err;
		return NULL;
	}
	return e;
}

void expr_free(struct expr *e)
{
	if (e == NULL)
		return;
	expr_free(e->a);
	expr_free(e->b);
	for (int i = 0; i < e->nargs; i++)
		expr_free(e->args[i]);
	free(e->args);
	free(e->path); /* and the names, in the same block */
	free(e->cells);
	value_clear(&e->num);
	free(e);
}

int expr_is_bool(const struct expr *e)
{
	switch (e->op) {
	case EX_EQ:
	case EX_NE:
	case EX_LT:
	case EX_LE:
	case EX_GT:
	case EX_GE:
	case EX_AND:
	case EX_OR:
	case EX_NOT:
	case EX_BLANK:
	case EX_FILLED:
		return 1;
	default:
		return 0;
	}
}

/* Blank-aware addition: blank is absent, not zero. */
static inline int expr_add(struct value *acc, const struct value *v, int negate)
{
	if (v->kind == VAL_ERROR) {
		acc->kind = VAL_ERROR;
		return -1;
	}
	if (v->kind != VAL_NUM)
		return 0;
	/* a total's figures, of one scale: added where they are */
	int64_t sum;
	if (!negate && acc->kind == VAL_NUM && acc->scale == v->scale) {
		if (__builtin_add_overflow(acc->num, v->num, &sum)) {
			acc->kind = VAL_ERROR;
			return -1;
		}
		acc->num = sum;
		return 0;
	}
	struct value r;
	if (acc->kind == VAL_BLANK) {
		if (negate)
			return value_neg(v, acc) < 0 ? (acc->kind = VAL_ERROR, -1) : 0;
		*acc = *v;
		acc->text = NULL;
		return 0;
	}
	if ((negate ? value_sub(acc, v, &r) : value_add(acc, v, &r)) < 0) {
		acc->kind = VAL_ERROR;
		return -1;
	}
	*acc = r;
	return 0;
}

int expr_add_cells(struct value *out, const int *cells, int n, const struct value *vals)
{
	for (int k = 0; k < n; k++)
		if (expr_add(out, &vals[cells[k]], 0) < 0)
			return -1;
	return 0;
}

/* The cells e adds, appended to v[*n] (room for all of them), or -1:
 * sum() of cells, or a chain a + b + c (each added to the total of those
 * before it, as it is evaluated) of one cell after another; any_order:
 * also a + sum(b..c), whose cells all hold counts. */
static int expr_collect_adds(const struct expr *e, int any_order, int *v, int *n)
{
	if (e->op == EX_SUM) {
		for (int i = 0; i < e->nargs; i++)
			if (e->args[i]->op != EX_CELLS)
				return -1;
		for (int i = 0; i < e->nargs; i++)
			for (int k = 0; k < e->args[i]->ncells; k++)
				v[(*n)++] = e->args[i]->cells[k];
		return 0;
	}
	if (e->op == EX_CELLS && e->ncells == 1) {
		v[(*n)++] = e->cells[0];
		return 0;
	}
	/* a chain that leans left adds in the order written; a + (b + c)
	 * totals b and c first, and where figures may be negative or have
	 * decimals an overflow may fall elsewhere. Counts (whole, never
	 * negative) overflow in any order when they overflow in one */
	if (e->op != EX_ADD || expr_collect_adds(e->a, any_order, v, n) < 0)
		return -1;
	if (!any_order && (e->b->op != EX_CELLS || e->b->ncells != 1))
		return -1;
	return expr_collect_adds(e->b, any_order, v, n);
}

/* How many cells e names, at most (a bound for expr_collect_adds). */
static int expr_count_cells(const struct expr *e)
{
	if (e == NULL)
		return 0;
	int n = e->ncells + expr_count_cells(e->a) + expr_count_cells(e->b);
	for (int i = 0; i < e->nargs; i++)
		n += expr_count_cells(e->args[i]);
	return n;
}

int expr_adds_cells(const struct expr *e, int any_order, int **cells)
{
	*cells = NULL;
	if (e == NULL || (e->op != EX_SUM && e->op != EX_ADD))
		return -1;
	int *v = xcalloc((size_t)expr_count_cells(e) + 1, sizeof *v), n = 0;
	if (expr_collect_adds(e, any_order, v, &n) < 0) {
		free(v);
		return -1;
	}
	*cells = v;
	return n;
}

int expr_eval_num(const struct expr *e, const struct value *vals, struct value *out)
{
	struct value a = {0}, b = {0};
	memset(out, 0, sizeof *out);
	switch (e->op) {
	case EX_NUM:
		*out = e->num;
		return 0;
	case EX_CELLS:
		*out = vals[e->cells[0]];
		out->text = NULL;
		if (out->kind == VAL_TEXT)
			out->kind = VAL_BLANK;
		return out->kind == VAL_ERROR ? -1 : 0;
	case EX_SUM:
		for (int i = 0; i < e->nargs; i++)
			if (expr_add_cells(out, e->args[i]->cells, e->args[i]->ncells, vals) < 0)
				return -1;
		return 0;
	case EX_NEG:
		if (expr_eval_num(e->a, vals, &a) < 0)
			return out->kind = VAL_ERROR, -1;
		return expr_add(out, &a, 1);
	case EX_ADD:
	case EX_SUB:
		if (expr_eval_num(e->a, vals, &a) < 0 || expr_eval_num(e->b, vals, &b) < 0)
			return out->kind = VAL_ERROR, -1;
		if (expr_add(out, &a, 0) < 0)
			return -1;
		return expr_add(out, &b, e->op == EX_SUB);
	case EX_MUL:
		if (expr_eval_num(e->a, vals, &a) < 0 || expr_eval_num(e->b, vals, &b) < 0)
			return out->kind = VAL_ERROR, -1;
		if (a.kind != VAL_NUM || b.kind != VAL_NUM)
			return 0;
		if (value_mul(&a, &b, out) < 0)
			return out->kind = VAL_ERROR, -1;
		return 0;
	default:
		return out->kind = VAL_ERROR, -1;
	}
}

static enum expr_truth expr_and3(enum expr_truth x, enum expr_truth y)
{
	if (x == EXPR_OVERFLOW || y == EXPR_OVERFLOW)
		return EXPR_OVERFLOW;
	if (x == EXPR_FALSE || y == EXPR_FALSE)
		return EXPR_FALSE;
	if (x == EXPR_UNKNOWN || y == EXPR_UNKNOWN)
		return EXPR_UNKNOWN;
	return EXPR_TRUE;
}

static enum expr_truth expr_not3(enum expr_truth x)
{
	if (x == EXPR_TRUE)
		return EXPR_FALSE;
	if (x == EXPR_FALSE)
		return EXPR_TRUE;
	return x;
}

enum expr_truth expr_eval_bool(const struct expr *e, const struct value *vals)
{
	struct value a, b;
	switch (e->op) {
	case EX_AND:
		return expr_and3(expr_eval_bool(e->a, vals), expr_eval_bool(e->b, vals));
	case EX_OR:
		return expr_not3(expr_and3(expr_not3(expr_eval_bool(e->a, vals)),
					   expr_not3(expr_eval_bool(e->b, vals))));
	case EX_NOT:
		return expr_not3(expr_eval_bool(e->a, vals));
	case EX_BLANK:
	case EX_FILLED:
		return expr_test_blank(e->op == EX_BLANK, &vals[e->a->cells[0]]);
	default:
		break;
	}
	if (expr_eval_num(e->a, vals, &a) < 0 || expr_eval_num(e->b, vals, &b) < 0)
		return EXPR_OVERFLOW;
	if (a.kind != VAL_NUM || b.kind != VAL_NUM)
		return EXPR_UNKNOWN;
	int c = value_cmp(&a, &b);
	int r;
	switch (e->op) {
	case EX_EQ:
		r = c == 0;
		break;
	case EX_NE:
		r = c != 0;
		break;
	case EX_LT:
		r = c < 0;
		break;
	case EX_LE:
		r = c <= 0;
		break;
	case EX_GT:
		r = c > 0;
		break;
	case EX_GE:
		r = c >= 0;
		break;
	default:
		return EXPR_OVERFLOW;
	}
	return r ? EXPR_TRUE : EXPR_FALSE;
}

void expr_cells(const struct expr *e, void (*fn)(int cell, void *arg), void *arg)
{
	if (e == NULL)
		return;
	for (int i = 0; i < e->ncells; i++)
		fn(e->cells[i], arg);
	expr_cells(e->a, fn, arg);
	expr_cells(e->b, fn, arg);
	for (int i = 0; i < e->nargs; i++)
		expr_cells(e->args[i], fn, arg);
}

/* Binding strength of an operator, for the parentheses expr_text needs. */
static int expr_prec(const struct expr *e)
{
	switch (e->op) {
	case EX_OR:
		return 1;
	case EX_AND:
		return 2;
	case EX_NOT:
		return 3;
	case EX_EQ:
	case EX_NE:
	case EX_LT:
	case EX_LE:
	case EX_GT:
	case EX_GE:
		return 4;
	case EX_ADD:
	case EX_SUB:
		return 5;
	case EX_MUL:
		return 6;
	case EX_NEG:
		return 7;
	default:
		return 8;
	}
}

struct expr_namer {
	char *(*name)(char **path, int npath, void *arg);
	void *arg;
};

static void expr_text_at(const struct expr *e, int outer, const struct expr_namer *N, struct buf *b)
{
	static const char *const ops[] = {
	    [EX_ADD] = " + ", [EX_SUB] = " - ",   [EX_MUL] = " * ", [EX_EQ] = " = ",
	    [EX_NE] = " != ", [EX_LT] = " < ",    [EX_LE] = " <= ", [EX_GT] = " > ",
	    [EX_GE] = " >= ", [EX_AND] = " and ", [EX_OR] = " or "};
	int p = expr_prec(e);
	if (p < outer)
		buf_putc(b, '(');
	switch (e->op) {
	case EX_NUM: {
		char *s = value_str(&e->num);
		buf_puts(b, s);
		free(s);
		break;
	}
	case EX_REF: {
		char *s = N->name ? N->name(e->path, e->npath, N->arg) : NULL;
		if (s != NULL) {
			buf_puts(b, s);
			free(s);
		} else {
			for (int i = 0; i < e->npath; i++)
				buf_printf(b, "%s%s", i ? "." : "", e->path[i]);
		}
		break;
	}
	case EX_RANGE:
		expr_text_at(e->a, 8, N, b);
		buf_puts(b, "..");
		expr_text_at(e->b, 8, N, b);
		break;
	case EX_THIS:
		buf_puts(b, "this");
		break;
	case EX_CELLS:
		buf_puts(b, "?");
		break;
	case EX_NEG:
		buf_putc(b, '-');
		expr_text_at(e->a, 7, N, b);
		break;
	case EX_NOT:
		buf_puts(b, "not ");
		expr_text_at(e->a, 3, N, b);
		break;
	case EX_SUM:
	case EX_BLANK:
	case EX_FILLED:
		buf_puts(b, e->op == EX_SUM ? "sum(" : e->op == EX_BLANK ? "blank(" : "filled(");
		for (int i = 0; i < e->nargs; i++) {
			buf_puts(b, i ? ", " : "");
			expr_text_at(e->args[i], 0, N, b);
		}
		if (e->op != EX_SUM && e->a != NULL)
			expr_text_at(e->a, 0, N, b);
		buf_putc(b, ')');
		break;
	default:
		/* binary: left-associative, so the right side binds one tighter */
		expr_text_at(e->a, p, N, b);
		buf_puts(b, ops[e->op]);
		expr_text_at(e->b, p + 1, N, b);
		break;
	}
	if (p < outer)
		buf_putc(b, ')');
}

char *expr_text(const struct expr *e, char *(*name)(char **path, int npath, void *arg), void *arg)
{
	struct buf b;
	buf_init(&b);
	struct expr_namer N = {name, arg};
	if (e != NULL)
		expr_text_at(e, 0, &N, &b);
	return b.data ? b.data : xstrdup("");
}
