/* Unit tests: the expression parser and the evaluator over constants. */
#include "unit.h"

#include "base/buf.h"
#include "model/expr.h"

static struct expr *parse_ok(const char *s)
{
	int pos;
	const char *msg;
	struct expr *e = expr_parse(s, &pos, &msg);
	if (e == NULL)
		fail_msg("'%s' failed at %d: %s", s, pos, msg);
	return e;
}

static void parse_bad(const char *s, int want_pos)
{
	int pos = -1;
	const char *msg = NULL;
	struct expr *e = expr_parse(s, &pos, &msg);
	if (e != NULL)
		fail_msg("'%s' was accepted", s);
	assert_non_null(msg);
	assert_int_equal(pos, want_pos);
}

static void test_shapes(void **state)
{
	(void)state;
	struct expr *e = parse_ok("new + carried = total + forward");
	assert_int_equal(e->op, EX_EQ);
	assert_int_equal(e->a->op, EX_ADD);
	assert_int_equal(e->a->a->op, EX_REF);
	assert_string_equal(e->a->a->path[0], "new");
	assert_int_equal(e->b->b->pos, 24);
	expr_free(e);
	e = parse_ok("natural + sum(org)");
	assert_int_equal(e->b->op, EX_SUM);
	assert_int_equal(e->b->nargs, 1);
	expr_free(e);
	e = parse_ok("sum(a..b, c.d, t.b.r.c)");
	assert_int_equal(e->nargs, 3);
	assert_int_equal(e->args[0]->op, EX_RANGE);
	assert_int_equal(e->args[1]->npath, 2);
	assert_int_equal(e->args[2]->npath, 4);
	expr_free(e);
	e = parse_ok("not (made > 0 and published = 0)");
	assert_int_equal(e->op, EX_NOT);
	assert_int_equal(e->a->op, EX_AND);
	assert_true(expr_is_bool(e));
	expr_free(e);
	e = parse_ok("a or b and c");
	assert_int_equal(e->op, EX_OR); /* and binds tighter */
	assert_int_equal(e->b->op, EX_AND);
	expr_free(e);
	e = parse_ok("filled(this)");
	assert_int_equal(e->op, EX_FILLED);
	assert_int_equal(e->a->op, EX_THIS);
	expr_free(e);
}

static void test_errors(void **state)
{
	(void)state;
	parse_bad("", 0);
	parse_bad("a +", 3);
	parse_bad("a + * b", 4);
	parse_bad("sum(a..b", 8);
	parse_bad("(a + b", 6);
	parse_bad("a b", 2);
	parse_bad("a = b = c", 6);
	parse_bad("a.", 2);
	parse_bad("a $ b", 2);
	parse_bad("sum(1)", 4);
	parse_bad("规章 + 1", 0);
	parse_bad("and + 1", 0);
}

/* Positions in a long formula: offsets are counted on from node to node
 * (forwards and back), and must still be the characters from the start. */
static void test_long_positions(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b);
	buf_puts(&b, "-a");
	for (int i = 0; i < 3000; i++)
		buf_puts(&b, i % 2 ? " - b" : " + (c - d)");
	size_t before = b.len;
	buf_puts(&b, " $");
	parse_bad(b.data, (int)before + 1);
	/* a chain over the node limit is refused where the limit is passed */
	b.len = 0;
	buf_puts(&b, "x");
	for (int i = 0; i < 6000; i++)
		buf_puts(&b, " - x");
	int pos = -1;
	const char *msg = NULL;
	assert_null(expr_parse(b.data, &pos, &msg));
	assert_string_equal(msg, "expression too long");
	assert_true(pos > 0 && pos < (int)b.len);
	assert_true(b.data[pos] == 'x' || b.data[pos] == '-');
	buf_free(&b);
}

static enum expr_truth truth(const char *s)
{
	struct expr *e = parse_ok(s);
	enum expr_truth t = expr_eval_bool(e, NULL);
	expr_free(e);
	return t;
}

static void test_eval(void **state)
{
	(void)state;
	assert_int_equal(truth("1 + 2 * 3 = 7"), EXPR_TRUE);
	assert_int_equal(truth("(1 + 2) * 3 = 9"), EXPR_TRUE);
	assert_int_equal(truth("0.5 + 0.25 = 0.75"), EXPR_TRUE);
	assert_int_equal(truth("0.1 + 0.2 = 0.3"), EXPR_TRUE); /* exact, no floating point */
	assert_int_equal(truth("-5 + 3 < 0"), EXPR_TRUE);
	assert_int_equal(truth("2 >= 3"), EXPR_FALSE);
	assert_int_equal(truth("not 1 = 1 or 2 != 2"), EXPR_FALSE);
	assert_int_equal(truth("9223372036854775807 + 1 > 0"), EXPR_OVERFLOW);
	struct value v;
	struct expr *e = parse_ok("12.5 - 0.25");
	assert_int_equal(expr_eval_num(e, NULL, &v), 0);
	char *s = value_str(&v);
	assert_string_equal(s, "12.25");
	free(s);
	expr_free(e);
}

static void test_blank_logic(void **state)
{
	(void)state;
	/* cells 0 and 1; 0 is blank, 1 holds 4 */
	struct value vals[2] = {{0}, {VAL_NUM, 0, 4, NULL}};
	int c0 = 0, c1 = 1;
	struct expr cell0 = {.op = EX_CELLS, .cells = &c0, .ncells = 1};
	struct expr cell1 = {.op = EX_CELLS, .cells = &c1, .ncells = 1};
	struct expr add = {.op = EX_ADD, .a = &cell0, .b = &cell1};
	struct value out;
	assert_int_equal(expr_eval_num(&add, vals, &out), 0);
	assert_int_equal(out.kind, VAL_NUM);
	assert_int_equal(out.num, 4);
	struct expr both = {.op = EX_ADD, .a = &cell0, .b = &cell0};
	assert_int_equal(expr_eval_num(&both, vals, &out), 0);
	assert_int_equal(out.kind, VAL_BLANK);
	struct expr eq = {.op = EX_EQ, .a = &cell0, .b = &cell1};
	assert_int_equal(expr_eval_bool(&eq, vals), EXPR_UNKNOWN);
	struct expr no = {.op = EX_NOT, .a = &eq};
	assert_int_equal(expr_eval_bool(&no, vals), EXPR_UNKNOWN);
	struct expr filled = {.op = EX_FILLED, .a = &cell0};
	assert_int_equal(expr_eval_bool(&filled, vals), EXPR_FALSE);
	struct expr f1 = {.op = EX_FILLED, .a = &cell1};
	struct expr or = {.op = EX_OR, .a = &eq, .b = &f1};
	assert_int_equal(expr_eval_bool(& or, vals), EXPR_TRUE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_shapes),         cmocka_unit_test(test_errors),
	    cmocka_unit_test(test_long_positions), cmocka_unit_test(test_eval),
	    cmocka_unit_test(test_blank_logic),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
