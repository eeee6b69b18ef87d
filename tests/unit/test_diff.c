/* Unit tests: what differs between two reports, by printed labels (diff.c):
 * header fields and the cells a clerk fills, never a computed total. */
#include "unit.h"

#include "model/report.h"
#include "output/diff.h"

/* The entry whose before and after are these, or NULL. */
static const struct diff_entry *entry(const struct diff *x, const char *before, const char *after)
{
	for (int i = 0; i < x->n; i++)
		if (x->v[i].before && strcmp(x->v[i].before, before) == 0 &&
		    strcmp(x->v[i].after, after) == 0)
			return &x->v[i];
	return NULL;
}

static void test_same_report(void **state)
{
	(void)state;
	struct report *a = unit_report("tests/data/sum/a.yaml");
	struct diff x;
	diff_reports(a, a, &x);
	assert_int_equal(x.n, 0);
	assert_int_equal(x.only_a, 0);
	assert_int_equal(x.only_b, 0);
	diff_free(&x);
	report_free(a);
}

static void test_two_units(void **state)
{
	(void)state;
	struct report *a = unit_report("tests/data/sum/a.yaml"),
		      *b = unit_report("tests/data/sum/b.yaml");
	struct diff x;
	diff_reports(a, b, &x);
	const struct diff_entry *e = entry(&x, "甲街道办事处", "乙镇人民政府");
	assert_non_null(e);
	assert_int_equal(e->kind, DIFF_HEADER);
	e = entry(&x, "1.5", "2.25");
	assert_non_null(e);
	assert_int_equal(e->kind, DIFF_CELL);
	assert_string_equal(e->table, "二、主动公开政府信息情况");
	assert_string_equal(e->col, "本年收费金额（单位：万元）");
	e = entry(&x, "4", "6");
	assert_non_null(e);
	assert_string_equal(e->table, "三、收到和处理政府信息公开申请情况");
	assert_string_equal(e->col, "自然人");
	/* the totals follow from the cells: 5 -> 7 of 一、本年新收 is not listed */
	assert_null(entry(&x, "5", "7"));
	for (int i = 0; i < x.n; i++)
		if (x.v[i].kind == DIFF_CELL)
			assert_string_not_equal(x.v[i].col, "总计");
	/* the same form: every cell meets its namesake */
	assert_int_equal(x.only_a, 0);
	assert_int_equal(x.only_b, 0);
	/* and the other way round, as many differences */
	struct diff y;
	diff_reports(b, a, &y);
	assert_int_equal(y.n, x.n);
	assert_non_null(entry(&y, "6", "4"));
	diff_free(&y);
	diff_free(&x);
	report_free(a);
	report_free(b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_same_report),
	    cmocka_unit_test(test_two_units),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
