/* The small expression language of formulas and checks: parsed once when a
 * form loads, bound to cells by resolve.c, evaluated here over an array of
 * values. It can only compute: no names reach files, processes or the
 * environment, and evaluation is bounded by the size of the tree.
 *
 *   expr   := or
 *   or     := and ("or" and)*
 *   and    := not ("and" not)*
 *   not    := "not" not | cmp
 *   cmp    := sum (("=" | "!=" | "<" | "<=" | ">" | ">=") sum)?
 *   sum    := term (("+" | "-") term)*
 *   term   := unary ("*" unary)*
 *   unary  := "-" unary | atom
 *   atom   := number | ref | "this" | "(" expr ")"
 *           | "sum" "(" item ("," item)* ")" | "blank" "(" ref ")" | "filled" "(" ref ")"
 *   item   := ref (".." ref)?
 *   ref    := name ("." name)*
 */
#ifndef NIANBAO_EXPR_H
#define NIANBAO_EXPR_H
#include "model/value.h"

#define EXPR_MAX_NODES 10000

enum expr_op {
	EX_NUM,
	EX_REF,
	EX_RANGE,
	EX_THIS,
	EX_CELLS, /* bound reference: one cell, or several inside sum() */
	EX_NEG,
	EX_ADD,
	EX_SUB,
	EX_MUL,
	EX_EQ,
	EX_NE,
	EX_LT,
	EX_LE,
	EX_GT,
	EX_GE,
	EX_AND,
	EX_OR,
	EX_NOT,
	EX_SUM,
	EX_BLANK,
	EX_FILLED
};

struct expr {
	enum expr_op op;
	int pos;            /* character offset in the source, for messages */
	struct expr *a, *b; /* operands; EX_RANGE: its two ends */
	struct expr **args; /* EX_SUM */
	int nargs;
	char **path; /* EX_REF: the dotted names */
	int npath;
	struct value num; /* EX_NUM */
	int *cells;       /* EX_CELLS */
	int ncells;
};

enum expr_truth { EXPR_FALSE = 0, EXPR_TRUE = 1, EXPR_UNKNOWN = 2, EXPR_OVERFLOW = -1 };

/* Parses src; on error returns NULL with *errpos (character offset) and
 * *errmsg set. */
struct expr *expr_parse(const char *src, int *errpos, const char **errmsg);
void expr_free(struct expr *e);
/* Boolean-valued operators (comparisons, and/or/not, blank, filled). */
int expr_is_bool(const struct expr *e);

/* Evaluation over vals (indexed by cell number). Blank reads as nothing:
 * a sum of blanks is blank, blank + x is x, and a comparison with a blank
 * side is unknown, so a check never fails on a cell not yet filled. */
int expr_eval_num(const struct expr *e, const struct value *vals, struct value *out);
enum expr_truth expr_eval_bool(const struct expr *e, const struct value *vals);
/* The shapes nine in ten of a form's expressions have, read from the
 * form's own arrays (fcell.adds, finst.test) without walking a tree: the
 * cells' figures added into *out, as sum() adds them (blank while none is
 * a figure; -1 on overflow or an error); blank(x) (want_blank) or
 * filled(x) of x's value. */
int expr_add_cells(struct value *out, const int *cells, int n, const struct value *vals);
static inline enum expr_truth expr_test_blank(int want_blank, const struct value *x)
{
	return want_blank == (x->kind == VAL_BLANK) ? EXPR_TRUE : EXPR_FALSE;
}
/* The cells e adds, in its order, when e only adds cells (sum() of
 * references and ranges, a + b + c; with any_order, when the caller knows
 * every cell holds a count, also a + sum(b..c)): *cells (to free) and
 * their count; -1 for any other expression. */
int expr_adds_cells(const struct expr *e, int any_order, int **cells);
/* Calls fn for every cell a bound expression reads. */
void expr_cells(const struct expr *e, void (*fn)(int cell, void *arg), void *arg);
/* An unbound expression as text, as the form wrote it but for spacing and
 * parentheses; name gives a reference's text (to free), or NULL for its
 * dotted names. */
char *expr_text(const struct expr *e, char *(*name)(char **path, int npath, void *arg), void *arg);

#endif
