/* Unit tests: the form loader accepts the shipped forms and rejects broken
 * ones with the right file:line:column. */
#include "unit.h"

#include "base/diag.h"
#include "model/form.h"

static const char *HEAD = "id: t\nversion: 1\ntitle: T\nlanguage: zh_CN\nparts:\n";

/* A one-table form whose table part is given as text. */
static struct form *load_text(const char *table, const char *checks, struct diags *d)
{
	char text[8192];
	snprintf(text, sizeof text, "%s%s%s", HEAD, table, checks ? checks : "");
	return form_load(unit_tmpfile(text), d);
}

static const char *GRID = "  - table: t\n"
			  "    title: 表\n"
			  "    columns:\n"
			  "      - id: a\n"
			  "        label: 甲\n"
			  "      - id: b\n"
			  "        label: 乙\n"
			  "      - id: total\n"
			  "        label: 合计\n"
			  "        formula: a + b\n"
			  "    rows:\n"
			  "      - id: x\n"
			  "        label: 一\n"
			  "      - id: y\n"
			  "        label: 二\n";

static void expect_error(const char *table, const char *checks, int line, int col,
			 const char *needle)
{
	struct diags d;
	diags_init(&d);
	struct form *f = load_text(table, checks, &d);
	if (f != NULL)
		fail_msg("form was accepted; expected '%s'", needle);
	assert_int_equal(d.n, 1);
	if (strstr(d.v[0].message, needle) == NULL)
		fail_msg("message '%s' lacks '%s'", d.v[0].message, needle);
	if (d.v[0].line != line || d.v[0].column != col)
		fail_msg("'%s' at %d:%d, expected %d:%d", d.v[0].message, d.v[0].line,
			 d.v[0].column, line, col);
	diags_free(&d);
}

static void test_shipped_forms(void **state)
{
	(void)state;
	static const char *ids[] = {"gov-info-2019", "gov-info-2019-tongzhou", "gov-info-2021"};
	/* 表二 + 表三's leaf rows × 7 columns + 表四's 15 */
	static const int cells[] = {22 + 23 * 7 + 15, 25 + 23 * 7 + 15, 10 + 25 * 7 + 15};
	/* 表三's 总计 column and （七）总计 row (sharing one cell), 表四's three */
	static const int computed_cells[] = {23 + 7 - 1 + 3, 23 + 7 - 1 + 3, 25 + 7 - 1 + 3};
	for (int i = 0; i < 3; i++) {
		char rel[128];
		snprintf(rel, sizeof rel, "forms/%s.yaml", ids[i]);
		struct diags d;
		diags_init(&d);
		struct form *f = form_load(unit_src(rel), &d);
		if (f == NULL)
			fail_msg("%s: %s", rel, d.n ? d.v[0].message : "?");
		assert_string_equal(f->id, ids[i]);
		assert_int_equal(f->ncells, cells[i]);
		assert_int_equal(f->ntables, 3);
		int computed = 0;
		for (int k = 0; k < f->ncells; k++)
			computed += f->cells[k].formula != NULL;
		assert_int_equal(computed, computed_cells[i]);
		form_free(f);
		diags_free(&d);
	}
}

static void test_labels_exact(void **state)
{
	(void)state;
	struct diags d;
	diags_init(&d);
	struct form *f = form_load(unit_src("forms/gov-info-2021.yaml"), &d);
	assert_non_null(f);
	const struct ftable *t = form_table(f, "applications");
	const struct fblock *b = t->blocks[0];
	char *p = form_row_path(b, 2, " / ");
	assert_string_equal(p, "三、本年度办理结果 / （一）予以公开");
	free(p);
	p = form_col_path(b, 2, " / ");
	assert_string_equal(p, "法人或其他组织 / 科研机构");
	free(p);
	const struct fnode *n = form_node(&b->rows, "unpaid");
	assert_string_equal(
	    n->label, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请");
	const struct fblock *r = form_table(f, "review")->blocks[0];
	p = form_col_path(r, 7, " / ");
	assert_string_equal(p, "行政诉讼 / 未经复议直接起诉 / 其他结果");
	free(p);
	form_free(f);
	diags_free(&d);
}

static void test_rejections(void **state)
{
	(void)state;
	char buf[4096];
	/* unknown key */
	snprintf(buf, sizeof buf, "%s    colour: red\n", GRID);
	expect_error(buf, NULL, 21, 5, "unknown key 'colour'");
	/* duplicate column id */
	expect_error(
	    "  - table: t\n    title: T\n    columns:\n      - id: a\n        label: A\n"
	    "      - id: a\n        label: B\n    rows:\n      - id: x\n        label: X\n",
	    NULL, 11, 13, "duplicate column id 'a'");
	/* reference to a missing column, pointed at inside the formula */
	expect_error("  - table: t\n    title: T\n    columns:\n      - id: a\n        label: A\n"
		     "      - id: s\n        label: S\n        formula: a + nope\n"
		     "    rows:\n      - id: x\n        label: X\n",
		     NULL, 13, 22, "no column 'nope'");
	/* cycle */
	expect_error("  - table: t\n    title: T\n    columns:\n      - id: a\n        label: A\n"
		     "        formula: b\n      - id: b\n        label: B\n        formula: a\n"
		     "    rows:\n      - id: x\n        label: X\n",
		     NULL, 11, 18, "cycle");
	/* decimals computed into whole-number cells */
	expect_error(
	    "  - table: t\n    title: T\n    columns:\n      - id: a\n        label: A\n"
	    "        type: decimal(2)\n      - id: s\n        label: S\n        formula: a\n"
	    "    rows:\n      - id: x\n        label: X\n",
	    NULL, 14, 18, "gives decimals");
	/* malformed expression */
	expect_error("  - table: t\n    title: T\n    columns:\n      - id: a\n        label: A\n"
		     "      - id: s\n        label: S\n        formula: a +\n"
		     "    rows:\n      - id: x\n        label: X\n",
		     NULL, 13, 21, "unexpected end");
	/* a check that is a number, not a test */
	expect_error(GRID,
		     "checks:\n  - id: c\n    in: t\n    each: row\n    rule: a + b\n"
		     "    severity: error\n    message: m\n",
		     25, 13, "expected a comparison");
	/* a formula that is a test, not a number */
	expect_error("  - table: t\n    title: T\n    columns:\n      - id: a\n        label: A\n"
		     "      - id: s\n        label: S\n        formula: a > 1\n"
		     "    rows:\n      - id: x\n        label: X\n",
		     NULL, 13, 20, "expected a number");
	/* a group of columns where one cell is wanted */
	expect_error(GRID,
		     "checks:\n  - id: c\n    in: t\n    rule: a = 1\n"
		     "    severity: warning\n    message: m\n",
		     24, 11, "write ROW.COLUMN");

	/* unknown severity */
	expect_error(GRID,
		     "checks:\n  - id: c\n    in: t\n    each: row\n    rule: a >= 0\n"
		     "    severity: fatal\n    message: m\n",
		     26, 15, "severity must be error or warning");
	/* unknown cell type */
	expect_error("  - table: t\n    title: T\n    columns:\n      - id: a\n        label: A\n"
		     "        type: money\n    rows:\n      - id: x\n        label: X\n",
		     NULL, 11, 15, "unknown cell type 'money'");
	/* check in a missing block */
	expect_error(GRID,
		     "checks:\n  - id: c\n    in: nowhere\n    each: row\n    rule: a >= 0\n"
		     "    severity: error\n    message: m\n",
		     23, 9, "no table 'nowhere'");
	/* sides: two names, of a comparison's two sides */
	expect_error(GRID,
		     "checks:\n  - id: c\n    in: t\n    each: row\n    rule: a >= b\n"
		     "    severity: error\n    message: m\n    sides: [A]\n",
		     28, 12, "'sides' must be a list of two names");
	expect_error(GRID,
		     "checks:\n  - id: c\n    in: t\n    each: row\n    rule: not (a > 0)\n"
		     "    severity: error\n    message: m\n    sides: [A, B]\n",
		     28, 12, "this rule is not one");
}

static void test_yaml_level_rejections(void **state)
{
	(void)state;
	struct diags d;
	diags_init(&d);
	assert_null(form_load(unit_tmpfile("id: a\nid: b\n"), &d));
	assert_int_equal(d.v[0].line, 2);
	assert_int_equal(d.v[0].column, 1);
	assert_non_null(strstr(d.v[0].message, "duplicate key 'id'"));
	diags_free(&d);
	assert_null(form_load(unit_tmpfile("a: &x 1\nb: *x\n"), &d));
	assert_non_null(strstr(d.v[0].message, "anchors"));
	diags_free(&d);
	assert_null(form_load(unit_tmpfile("id: t\ntitle: \"规范\xff\"\n"), &d));
	assert_int_equal(d.v[0].line, 2);
	assert_int_equal(d.v[0].column, 11);
	assert_non_null(strstr(d.v[0].message, "invalid UTF-8"));
	diags_free(&d);
	assert_null(form_load(unit_tmpfile("id: [1, 2\n"), &d));
	assert_int_equal(d.v[0].line, 2);
	diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_shipped_forms),
	    cmocka_unit_test(test_labels_exact),
	    cmocka_unit_test(test_rejections),
	    cmocka_unit_test(test_yaml_level_rejections),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
