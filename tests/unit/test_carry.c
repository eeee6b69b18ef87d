/* Unit tests: the carry rules (carry.c): last year's report into this
 * year's. 2020 -> 2021 (the 2019 format into the 2021 one) breaks one
 * carried cell, 二、上年结转 of 商业企业; 2021 -> 2022 one running count,
 * 现行有效件数 of 规章 (the figures of tests/data/series). */
#include "unit.h"

#include "engine/carry.h"
#include "model/report.h"

static void test_carried_forward_breaks(void **state)
{
	(void)state;
	struct report *prev = unit_report("tests/data/series/2020.yaml");
	struct report *cur = unit_report("tests/data/series/2021.yaml");
	struct carry_break *b;
	int n = carry_check(prev, cur, &b);
	assert_int_equal(n, 1);
	assert_string_equal(b[0].check->id, "carried_forward");
	assert_int_equal(b[0].severity, DIAG_ERROR);
	assert_string_equal(b[0].block->row[b[0].r]->label, "二、上年结转政府信息公开申请数量");
	assert_string_equal(b[0].block->col[b[0].c]->label, "商业企业");
	/* its figures first: this year's, last year's, the difference */
	assert_non_null(strstr(b[0].message, "本年 1，按上年报告应为 0，差 1"));
	/* what the rule expects of that cell, and where it comes from */
	struct value want;
	const char *from = NULL;
	assert_int_equal(carry_expected(prev, cur, b[0].cell, &want, &from), 1);
	char *w = value_str(&want);
	assert_string_equal(w, "0");
	free(w);
	assert_string_equal(from, "四、结转下年度继续办理");
	carry_breaks_free(b, n);
	report_free(prev);
	report_free(cur);
}

static void test_running_count_breaks(void **state)
{
	(void)state;
	struct report *prev = unit_report("tests/data/series/2021.yaml");
	struct report *cur = unit_report("tests/data/series/2022.yaml");
	struct carry_break *b;
	int n = carry_check(prev, cur, &b);
	assert_int_equal(n, 1);
	assert_string_equal(b[0].check->id, "in_force_continues");
	assert_int_equal(b[0].severity, DIAG_WARNING);
	assert_string_equal(b[0].block->row[b[0].r]->label, "规章");
	assert_non_null(strstr(b[0].message, "本年 9，按上年报告应为 6，差 3"));
	carry_breaks_free(b, n);
	report_free(prev);
	report_free(cur);
}

static void test_fill_from_last_year(void **state)
{
	(void)state;
	struct report *prev = unit_report("tests/data/series/2021.yaml");
	struct report *cur = report_new(prev->form);
	/* 二、上年结转 from last year's 四、结转下年度继续办理: six cells (总计
	 * is computed) carry, and of them the one last year filled, 自然人 2 */
	int filled = carry_fill(prev, cur);
	assert_int_equal(filled, 1);
	unsigned char *carried = carry_carried_cells(cur->form);
	int marked = 0;
	for (int i = 0; i < cur->form->ncells; i++)
		marked += carried[i];
	assert_int_equal(marked, 6);
	int natural = report_cell_by_path(cur->form, "applications.carried.natural");
	assert_true(natural >= 0);
	assert_true(carried[natural]);
	char *v = value_str(&cur->vals[natural]);
	assert_string_equal(v, "2");
	free(v);
	free(carried);
	/* a report filled so breaks nothing it filled */
	struct carry_break *b;
	int n = carry_check(prev, cur, &b);
	for (int i = 0; i < n; i++)
		assert_string_not_equal(b[i].check->id, "carried_forward");
	carry_breaks_free(b, n);
	report_free(cur);
	report_free(prev);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_carried_forward_breaks),
	    cmocka_unit_test(test_running_count_breaks),
	    cmocka_unit_test(test_fill_from_last_year),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
