/* Unit tests: recompute, checks, incremental equals full, and report
 * load/save. */
#include "unit.h"

#include "base/buf.h"
#include "base/diag.h"
#include "base/xmalloc.h"
#include "engine/engine.h"
#include "model/expr.h"
#include "model/form.h"
#include "model/report.h"

static int cell_of(const struct form *f, const char *table, const char *block, const char *row,
		   const char *col)
{
	const struct ftable *t = form_table(f, table);
	const struct fblock *b = block ? form_block(t, block) : t->blocks[0];
	return form_cell(b, form_node(&b->rows, row)->leaf, form_node(&b->cols, col)->leaf);
}

static void set(struct engine *e, int cell, const char *text)
{
	struct value v;
	const char *why;
	const struct form *f = engine_report(e)->form;
	assert_int_equal(value_parse(text, &f->cells[cell].type, &v, &why), 0);
	assert_true(engine_edit(e, cell, &v) >= 0);
	value_clear(&v);
}

static char *get(struct engine *e, int cell)
{
	static char s[64];
	char *v = value_str(&engine_report(e)->vals[cell]);
	snprintf(s, sizeof s, "%s", v);
	free(v);
	return s;
}

/* How many problems of this check id are open. */
static int count_check(struct engine *e, const char *id)
{
	struct problem *p;
	int n = engine_problems(e, &p), k = 0;
	for (int i = 0; i < n; i++)
		k += p[i].kind == PROBLEM_CHECK && strcmp(p[i].check->id, id) == 0;
	engine_problems_free(p, n);
	return k;
}

static void fill_zero(struct engine *e)
{
	const struct form *f = engine_report(e)->form;
	for (int i = 0; i < f->ncells; i++)
		if (f->cells[i].formula == NULL)
			set(e, i, "0");
}

static void test_totals_and_balance(void **state)
{
	(void)state;
	struct form *f = unit_form("gov-info-2021");
	struct report *r = report_new(f);
	struct engine *e = engine_new(r);
	fill_zero(e);
	assert_int_equal(count_check(e, "not_filled"), 0);
	assert_int_equal(count_check(e, "balance"), 0);
	int new_nat = cell_of(f, "applications", NULL, "new", "natural");
	int new_tot = cell_of(f, "applications", NULL, "new", "total");
	int res_tot = cell_of(f, "applications", NULL, "total", "total");
	set(e, new_nat, "5");
	assert_string_equal(get(e, new_tot), "5");
	/* 5 new, nothing handled or carried forward: the natural and total
	 * columns fail the balance */
	assert_int_equal(count_check(e, "balance"), 2);
	set(e, cell_of(f, "applications", NULL, "disclosed", "natural"), "3");
	set(e, cell_of(f, "applications", NULL, "other_other", "natural"), "1");
	set(e, cell_of(f, "applications", NULL, "forward", "natural"), "1");
	assert_string_equal(get(e, res_tot), "4");
	assert_int_equal(count_check(e, "balance"), 0);
	/* a blank is not a zero: flagged, and it does not break the balance */
	struct value blank = {0};
	assert_true(engine_edit(e, cell_of(f, "applications", NULL, "repeat", "legal"), &blank) >
		    0);
	assert_int_equal(count_check(e, "not_filled"), 1);
	assert_int_equal(count_check(e, "balance"), 0);
	/* computed cells cannot be set */
	assert_int_equal(engine_edit(e, new_tot, &blank), -1);
	/* 表四 totals */
	int up = cell_of(f, "review", NULL, "cases", "d_upheld");
	set(e, up, "2");
	set(e, cell_of(f, "review", NULL, "cases", "d_pending"), "3");
	assert_string_equal(get(e, cell_of(f, "review", NULL, "cases", "d_total")), "5");
	assert_string_equal(get(e, cell_of(f, "review", NULL, "cases", "r_total")), "0");
	engine_free(e);
	report_free(r);
	form_free(f);
}

/* A failing comparison says its numbers, the sides named by the form. */
static void test_messages_with_numbers(void **state)
{
	(void)state;
	struct form *f = unit_form("gov-info-2019");
	struct report *r = report_new(f);
	struct engine *e = engine_new(r);
	fill_zero(e);
	set(e, cell_of(f, "applications", NULL, "new", "natural"), "75");
	set(e, cell_of(f, "applications", NULL, "disclosed", "natural"), "70");
	set(e, cell_of(f, "applications", NULL, "forward", "natural"), "4");
	set(e, cell_of(f, "proactive", "item1", "rules", "published"), "5");
	set(e, cell_of(f, "proactive", "item1", "rules", "total"), "3");
	set(e, cell_of(f, "proactive", "item5", "licensing", "previous"), "2");
	set(e, cell_of(f, "proactive", "item5", "licensing", "change"), "-5");
	struct problem *p;
	int n = engine_problems(e, &p), seen = 0;
	for (int i = 0; i < n; i++) {
		const char *id = p[i].check ? p[i].check->id : "";
		if (strcmp(id, "balance") == 0) {
			assert_non_null(
			    strstr(p[i].message, "（一+二 = 75，三（七）总计+四 = 74，差 1）"));
			seen++;
		} else if (strcmp(id, "published_within_total") == 0) {
			assert_non_null(strstr(p[i].message,
					       "（本年新公开数量 = 5，对外公开总数量 = 3，差 2）"));
			seen++;
		} else if (strcmp(id, "items_not_negative") == 0) {
			assert_non_null(strstr(p[i].message, "（上一年项目数量+本年增/减 = -3）"));
			seen++;
		}
	}
	engine_problems_free(p, n);
	assert_int_equal(seen, 4); /* balance fails in 自然人 and in 总计 */
	/* the status line's messages carry the same */
	char *msgs[8];
	int k =
	    engine_cell_messages(e, cell_of(f, "applications", NULL, "new", "natural"), msgs, 8, 0);
	assert_int_equal(k, 1);
	/* the numbers first: a status line's end is cut at 80 columns */
	assert_non_null(
	    strstr(msgs[0], "一+二 = 75，三（七）总计+四 = 74，差 1：勾稽关系不平衡："));
	free(msgs[0]);
	/* brief: the check by its name */
	k = engine_cell_messages(e, cell_of(f, "applications", NULL, "new", "natural"), msgs, 8, 1);
	assert_int_equal(k, 1);
	assert_string_equal(msgs[0], "一+二 = 75，三（七）总计+四 = 74，差 1：勾稽关系不平衡");
	free(msgs[0]);
	engine_free(e);
	report_free(r);
	form_free(f);
}

static void test_warnings_2019(void **state)
{
	(void)state;
	struct form *f = unit_form("gov-info-2019");
	struct report *r = report_new(f);
	struct engine *e = engine_new(r);
	fill_zero(e);
	set(e, cell_of(f, "proactive", "item1", "normative", "made"), "1");
	assert_int_equal(count_check(e, "made_not_published"), 1);
	set(e, cell_of(f, "proactive", "item1", "normative", "published"), "2");
	assert_int_equal(count_check(e, "made_not_published"), 0);
	assert_int_equal(count_check(e, "published_within_total"), 1);
	set(e, cell_of(f, "proactive", "item5", "licensing", "previous"), "3");
	set(e, cell_of(f, "proactive", "item5", "licensing", "change"), "-4");
	assert_int_equal(count_check(e, "items_not_negative"), 1);
	set(e, cell_of(f, "proactive", "item5", "licensing", "change"), "-3");
	assert_int_equal(count_check(e, "items_not_negative"), 0);
	engine_free(e);
	report_free(r);
	form_free(f);
}

/* A tiny deterministic generator, so failures repeat. */
static unsigned lcg(unsigned *s)
{
	*s = *s * 1103515245u + 12345u;
	return (*s >> 16) & 0x7fff;
}

static void test_incremental_matches_full(void **state)
{
	(void)state;
	struct form *f = unit_form("gov-info-2019-tongzhou");
	struct report *a = report_new(f), *b = report_new(f);
	struct engine *ea = engine_new(a), *eb = engine_new(b);
	unsigned seed = 7;
	for (int step = 0; step < 2000; step++) {
		int cell = (int)(lcg(&seed) % (unsigned)f->ncells);
		if (f->cells[cell].formula != NULL)
			continue;
		struct value v = {0};
		unsigned pick = lcg(&seed) % 10;
		if (pick > 0 && f->cells[cell].type.kind == CELL_FIXED) {
			v.kind = VAL_NUM, v.scale = 4, v.num = lcg(&seed);
		} else if (pick > 0) {
			v.kind = VAL_NUM, v.num = lcg(&seed) % 50;
		}
		engine_edit(ea, cell, &v);
		value_copy(&b->vals[cell], &v);
		engine_recompute_all(eb);
		for (int i = 0; i < f->ncells; i++)
			assert_true(value_identical(&a->vals[i], &b->vals[i]));
		for (int i = 0; i < f->ncells; i++)
			assert_int_equal(engine_cell_flags(ea, i), engine_cell_flags(eb, i));
	}
	engine_free(ea);
	engine_free(eb);
	report_free(a);
	report_free(b);
	form_free(f);
}

static char *slurp(const char *path)
{
	FILE *fp = fopen(path, "rb");
	assert_non_null(fp);
	struct buf b;
	buf_init(&b);
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
		buf_add(&b, chunk, n);
	fclose(fp);
	return b.data;
}

static void test_sample_roundtrip(void **state)
{
	(void)state;
	struct diags d;
	diags_init(&d);
	char path[4096];
	snprintf(path, sizeof path, "%s", unit_src("reports/guoyuan-2020.yaml"));
	struct form *f = unit_form("gov-info-2019-tongzhou");
	struct report *r = report_load(path, f, &d);
	if (r == NULL)
		fail_msg("%s:%d:%d: %s", path, d.v[0].line, d.v[0].column, d.v[0].message);
	struct engine *e = engine_new(r);
	assert_string_equal(get(e, cell_of(f, "proactive", "item9", "procurement", "amount")),
			    "21.6560");
	assert_string_equal(r->header[0], "果园街道办事处");
	struct buf out;
	buf_init(&out);
	assert_int_equal(report_to_yaml(r, &out), 0);
	char *orig = slurp(path);
	assert_string_equal(out.data, orig);
	free(orig);
	buf_free(&out);
	engine_free(e);
	report_free(r);
	form_free(f);
	diags_free(&d);
}

static void test_stored_total_mismatch(void **state)
{
	(void)state;
	char *orig = slurp(unit_src("reports/guoyuan-2020.yaml"));
	/* the 自然人 column of 一 becomes 1 while its stored 总计 stays 0 */
	const char *needle = "\n    new:\n      natural: 0";
	char *p = strstr(orig, needle);
	assert_non_null(p);
	p[strlen(needle) - 1] = '1';
	struct diags d;
	diags_init(&d);
	struct form *f = unit_form("gov-info-2019-tongzhou");
	struct report *r = report_load(unit_tmpfile(orig), f, &d);
	assert_non_null(r);
	struct engine *e = engine_new(r);
	struct problem *pr;
	int n = engine_problems(e, &pr), stored = 0;
	for (int i = 0; i < n; i++)
		if (pr[i].kind == PROBLEM_STORED) {
			stored++;
			assert_non_null(strstr(pr[i].message, "stores 0"));
			assert_non_null(strstr(pr[i].message, "add up to 1"));
		}
	assert_int_equal(stored, 1);
	engine_problems_free(pr, n);
	engine_free(e);
	report_free(r);
	form_free(f);
	free(orig);
	diags_free(&d);
}

static void test_overflow_in_a_total(void **state)
{
	(void)state;
	struct form *f = unit_form("gov-info-2021");
	struct report *r = report_new(f);
	struct engine *e = engine_new(r);
	fill_zero(e);
	set(e, cell_of(f, "review", NULL, "cases", "r_upheld"), "9223372036854775807");
	set(e, cell_of(f, "review", NULL, "cases", "r_pending"), "1");
	int total = cell_of(f, "review", NULL, "cases", "r_total");
	assert_int_equal(r->vals[total].kind, VAL_ERROR);
	struct problem *p;
	int n = engine_problems(e, &p), overflow = 0;
	for (int i = 0; i < n; i++)
		overflow += p[i].kind == PROBLEM_OVERFLOW && p[i].cell == total;
	engine_problems_free(p, n);
	assert_int_equal(overflow, 1);
	assert_true(engine_cell_flags(e, total) & ENGINE_CELL_ERROR);
	/* saved, it reads back: the overflow is found again, nothing is lost */
	struct buf out;
	buf_init(&out);
	assert_int_equal(report_to_yaml(r, &out), 0);
	struct diags d;
	diags_init(&d);
	struct report *back = report_load(unit_tmpfile(out.data), f, &d);
	assert_non_null(back);
	struct engine *e2 = engine_new(back);
	assert_int_equal(back->vals[total].kind, VAL_ERROR);
	assert_string_equal(get(e2, cell_of(f, "review", NULL, "cases", "r_upheld")),
			    "9223372036854775807");
	set(e, cell_of(f, "review", NULL, "cases", "r_pending"), "0");
	assert_string_equal(get(e, total), "9223372036854775807");
	engine_free(e2);
	report_free(back);
	buf_free(&out);
	diags_free(&d);
	engine_free(e);
	report_free(r);
	form_free(f);
}

/* A random value for a cell of type t: blank, text, an error or a figure,
 * some near the largest there is (a count is never negative). */
static struct value random_value(const struct celltype *t, unsigned *seed)
{
	struct value v = {0};
	unsigned r = (unsigned)rand_r(seed) % 16;
	if (r == 0)
		return v; /* blank */
	if (r == 1) {
		v.kind = VAL_ERROR;
		return v;
	}
	if (r == 2) {
		v.kind = VAL_TEXT; /* the tree reads a text cell as blank */
		return v;
	}
	v.kind = VAL_NUM;
	v.num = r < 5 ? INT64_MAX - rand_r(seed) % 1000 : rand_r(seed) % 100000;
	if (t->kind != CELL_COUNT && rand_r(seed) % 2)
		v.num = -v.num;
	if (t->kind == CELL_FIXED || t->kind == CELL_DECIMAL)
		v.scale = rand_r(seed) % (t->places + 1);
	return v;
}

/* The engine reads the shapes most of a form's expressions have (sums of
 * cells, blank() and filled() of a cell) from the form's arrays, not its
 * trees: the same answers as the trees give, figures, blanks, errors and
 * overflows alike, over every shipped form and many random reports. */
static void test_compiled_shapes_match_trees(void **state)
{
	(void)state;
	const char *ids[] = {"gov-info-2019", "gov-info-2021", "gov-info-2019-tongzhou"};
	for (size_t k = 0; k < sizeof ids / sizeof ids[0]; k++) {
		struct form *f = unit_form(ids[k]);
		int sums = 0, formulas = 0, tests = 0;
		for (int i = 0; i < f->ncells; i++) {
			formulas += f->cells[i].formula != NULL;
			sums += f->cells[i].adds != NULL;
		}
		for (int i = 0; i < f->ninsts; i++)
			tests += f->insts[i].test != FT_NONE;
		/* the shapes are found: every total of the shipped forms is a
		 * sum, most checks test one cell */
		assert_int_equal(sums, formulas);
		assert_true(tests * 2 > f->ninsts);
		struct value *vals = xcalloc((size_t)f->ncells, sizeof *vals);
		unsigned seed = 7;
		for (int round = 0; round < 2000; round++) {
			for (int i = 0; i < f->ncells; i++)
				vals[i] = random_value(&f->cells[i].type, &seed);
			for (int i = 0; i < f->ncells; i++) {
				const struct fcell *c = &f->cells[i];
				if (c->adds == NULL)
					continue;
				struct value a = {0}, b;
				int ra = expr_add_cells(&a, c->adds, c->nadds, vals);
				int rb = expr_eval_num(c->formula, vals, &b);
				assert_int_equal(ra, rb);
				if (ra == 0) {
					assert_int_equal(a.kind, b.kind);
					assert_true(a.kind != VAL_NUM ||
						    (a.num == b.num && a.scale == b.scale));
				}
			}
			for (int i = 0; i < f->ninsts; i++) {
				const struct finst *in = &f->insts[i];
				if (in->test != FT_NONE)
					assert_int_equal(expr_test_blank(in->test == FT_BLANK,
									 &vals[in->test_cell]),
							 expr_eval_bool(in->expr, vals));
			}
		}
		free(vals);
		form_free(f);
	}
}

/* A form whose check reads a cell of another table. */
static void test_cross_table_reference(void **state)
{
	(void)state;
	const char *text = "id: x\nversion: 1\ntitle: T\nlanguage: zh_CN\nparts:\n"
			   "  - table: a\n    title: A\n"
			   "    columns: [{id: n, label: N}]\n    rows: [{id: r, label: R}]\n"
			   "  - table: b\n    title: B\n    blocks:\n"
			   "      - id: k\n        columns: [{id: n, label: N}]\n"
			   "        rows: [{id: r, label: R}]\n"
			   "checks:\n  - id: same\n    rule: a.r.n = b.k.r.n\n"
			   "    severity: error\n    message: differ\n";
	struct diags d;
	diags_init(&d);
	struct form *f = form_load(unit_tmpfile(text), &d);
	if (f == NULL)
		fail_msg("%s", d.v[0].message);
	assert_int_equal(f->ninsts, 1);
	assert_null(f->insts[0].block); /* it spans two tables */
	struct report *r = report_new(f);
	struct engine *e = engine_new(r);
	set(e, 0, "3");
	set(e, 1, "4");
	assert_int_equal(count_check(e, "same"), 1);
	set(e, 1, "3");
	assert_int_equal(count_check(e, "same"), 0);
	engine_free(e);
	report_free(r);
	form_free(f);
	diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_totals_and_balance),
	    cmocka_unit_test(test_messages_with_numbers),
	    cmocka_unit_test(test_warnings_2019),
	    cmocka_unit_test(test_incremental_matches_full),
	    cmocka_unit_test(test_sample_roundtrip),
	    cmocka_unit_test(test_stored_total_mismatch),
	    cmocka_unit_test(test_overflow_in_a_total),
	    cmocka_unit_test(test_compiled_shapes_match_trees),
	    cmocka_unit_test(test_cross_table_reference),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
