/* Unit tests: roll-ups (rollup.c): sums exact, cell by cell; blank and
 * blank stay blank, a blank beside figures named; and the check of a
 * roll-up against its parts on disk, before and after a part changed. */
#include "unit.h"

#include "base/buf.h"
#include "engine/rollup.h"
#include "model/report.h"

static char *value_at(const struct report *r, const char *path)
{
	int cell = report_cell_by_path(r->form, path);
	assert_true(cell >= 0);
	return value_str(&r->vals[cell]);
}

static void has_value(const struct report *r, const char *path, const char *want)
{
	char *v = value_at(r, path);
	assert_string_equal(v, want);
	free(v);
}

static void test_sums(void **state)
{
	(void)state;
	struct report *a = unit_report("tests/data/sum/a.yaml");
	struct report *b = unit_report("tests/data/sum/b.yaml");
	struct rollup *s = rollup_new(a->form);
	struct buf notes;
	buf_init(&notes);
	assert_int_equal(rollup_add(s, a, "a.yaml", &notes), 0);
	assert_int_equal(rollup_add(s, b, "b.yaml", &notes), 0);
	struct report *t = report_new(a->form);
	rollup_finish(s, t, &notes);
	has_value(t, "applications.new.natural", "10");           /* 4 + 6 */
	has_value(t, "proactive.item1.normative.in_force", "17"); /* 10 + 7 */
	has_value(t, "proactive.item8.fees.amount", "3.75");      /* 1.5 + 2.25, exact */
	/* blank in both: stays blank, not 0 */
	has_value(t, "applications.unclear.natural", "");
	rollup_free(s);
	buf_free(&notes);
	report_free(t);
	report_free(a);
	report_free(b);
}

static void test_verify_against_parts(void **state)
{
	(void)state;
	char dir[] = "/tmp/nianbao-rollup-XXXXXX";
	assert_non_null(mkdtemp(dir));
	char cmd[9000], from_a[4200];
	snprintf(from_a, sizeof from_a, "%s", unit_src("tests/data/sum/a.yaml"));
	snprintf(cmd, sizeof cmd, "cp '%s' '%s' '%s'/", from_a, unit_src("tests/data/sum/b.yaml"),
		 dir);
	assert_int_equal(system(cmd), 0);
	char pa[128], pb[128], pt[128];
	snprintf(pa, sizeof pa, "%s/a.yaml", dir);
	snprintf(pb, sizeof pb, "%s/b.yaml", dir);
	snprintf(pt, sizeof pt, "%s/total.yaml", dir);
	char ha[65], hb[65];
	struct diags d;
	diags_init(&d);
	struct report *a = report_load_hashed(pa, NULL, ha, &d);
	struct report *b = report_load_hashed(pb, NULL, hb, &d);
	assert_non_null(a);
	assert_non_null(b);
	struct rollup *s = rollup_new(a->form);
	assert_int_equal(rollup_add(s, a, "a.yaml", NULL), 0);
	assert_int_equal(rollup_add(s, b, "b.yaml", NULL), 0);
	struct report *t = report_new(a->form);
	rollup_finish(s, t, NULL);
	report_add_part(t, "a.yaml", "甲街道办事处", ha);
	report_add_part(t, "b.yaml", "乙镇人民政府", hb);
	struct rollup_problem *p;
	/* the parts as they were summed: nothing to say */
	assert_int_equal(rollup_verify(t, pt, &p), 0);
	rollup_problems_free(p, 0);
	/* b's 自然人 of 一、本年新收 changed from 6 to 9 */
	snprintf(cmd, sizeof cmd,
		 "sed -i 's/new: {natural: 6,/new: {natural: 9,/; s/total: 7}/total: 10}/' '%s'",
		 pb);
	assert_int_equal(system(cmd), 0);
	int n = rollup_verify(t, pt, &p);
	assert_int_equal(n, 2);
	assert_string_equal(p[0].check, "rollup_part");
	assert_int_equal(p[0].cell, -1);
	assert_int_equal(p[0].severity, DIAG_ERROR);
	assert_string_equal(p[1].check, "rollup_sum");
	assert_int_equal(p[1].cell, report_cell_by_path(t->form, "applications.new.natural"));
	rollup_problems_free(p, n);
	/* a part gone: said, its sums not checked */
	assert_int_equal(unlink(pb), 0);
	n = rollup_verify(t, pt, &p);
	assert_int_equal(n, 1);
	assert_int_equal(p[0].severity, DIAG_WARNING);
	assert_non_null(strstr(p[0].message, "b.yaml"));
	rollup_problems_free(p, n);
	rollup_free(s);
	report_free(t);
	report_free(a);
	report_free(b);
	diags_free(&d);
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_sums),
	    cmocka_unit_test(test_verify_against_parts),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
