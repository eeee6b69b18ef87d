/* Unit tests: the merged regions of a printed table (spans.c), from which
 * the web page and the workbook both draw. 表三 of the 2021 national
 * format: three heading rows over seven figure columns, three label
 * columns, 三、本年度办理结果 down its twenty-two rows. */
#include "unit.h"

#include "model/spans.h"

/* The span whose label is label (the first in reading order), or NULL. */
static const struct span *find(const struct spans *s, const char *label)
{
	for (int i = 0; i < s->n; i++)
		if (s->v[i].label != NULL && strcmp(s->v[i].label, label) == 0)
			return &s->v[i];
	return NULL;
}

static void expect(const struct spans *s, const char *label, enum span_kind kind, int r, int c,
		   int rows, int cols)
{
	const struct span *x = find(s, label);
	if (x == NULL)
		fail_msg("no span %s", label);
	assert_int_equal(x->kind, kind);
	assert_int_equal(x->r, r);
	assert_int_equal(x->c, c);
	assert_int_equal(x->rows, rows);
	assert_int_equal(x->cols, cols);
}

static void test_applications_2021(void **state)
{
	(void)state;
	struct form *f = unit_form("gov-info-2021");
	const struct ftable *t = form_table(f, "applications");
	assert_non_null(t);
	struct spans s;
	spans_block(t->blocks[0], &s);
	assert_int_equal(s.head, 3);
	assert_int_equal(s.labels, 3);
	assert_int_equal(s.cols, 3 + 7);
	/* the corner over the labels */
	assert_int_equal(s.v[0].kind, SPAN_CORNER);
	assert_int_equal(s.v[0].rows, 3);
	assert_int_equal(s.v[0].cols, 3);
	/* column groups over their columns, leaves down to the last heading row */
	expect(&s, "申请人情况", SPAN_COLUMN, 0, 3, 1, 7);
	expect(&s, "自然人", SPAN_COLUMN, 1, 3, 2, 1);
	expect(&s, "法人或其他组织", SPAN_COLUMN, 1, 4, 1, 5);
	expect(&s, "商业企业", SPAN_COLUMN, 2, 4, 1, 1);
	expect(&s, "总计", SPAN_COLUMN, 1, 9, 2, 1);
	/* rows: across the label columns left of them; groups down their rows */
	expect(&s, "一、本年新收政府信息公开申请数量", SPAN_ROW, 3, 0, 1, 3);
	expect(&s, "三、本年度办理结果", SPAN_GROUP, 5, 0, 22, 1);
	expect(&s, "（一）予以公开", SPAN_ROW, 5, 1, 1, 2);
	expect(&s, "（三）不予公开", SPAN_GROUP, 7, 1, 8, 1);
	expect(&s, "1.属于国家秘密", SPAN_ROW, 7, 2, 1, 1);
	expect(&s, "四、结转下年度继续办理", SPAN_ROW, 27, 0, 1, 3);
	assert_int_equal(s.rows, 3 + 25);
	/* a value for every cell of the block, each one cell wide */
	int values = 0;
	for (int i = 0; i < s.n; i++)
		if (s.v[i].kind == SPAN_VALUE) {
			values++;
			assert_int_equal(s.v[i].rows, 1);
			assert_int_equal(s.v[i].cols, 1);
			assert_true(s.v[i].r >= s.head && s.v[i].c >= s.labels);
		}
	assert_int_equal(values, 25 * 7);
	/* in reading order: by row, then by column */
	for (int i = 1; i < s.n; i++)
		assert_true(s.v[i - 1].r < s.v[i].r ||
			    (s.v[i - 1].r == s.v[i].r && s.v[i - 1].c < s.v[i].c));
	spans_free(&s);
	form_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_applications_2021),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
