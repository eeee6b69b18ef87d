/* Unit tests: CSV fields for spreadsheets, and import by labels. */
#include "unit.h"

#include "base/buf.h"
#include "output/csv.h"
#include "model/report.h"

static struct form *form;

static void test_fields(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b);
	csv_field(&b, "a,b", 0, 1);
	csv_field(&b, "say \"hi\"", 0, 1);
	csv_field(&b, "=1+1", 0, 1);
	csv_field(&b, "-3", 0, 0);
	csv_field(&b, "平", 1, 1);
	assert_string_equal(b.data, "\"a,b\",\"say \"\"hi\"\"\",'=1+1,-3,平\r\n");
	buf_free(&b);
}

static struct report *import(const char *text, struct diags *d)
{
	return csv_import_string("t.csv", text, strlen(text), form, d);
}

static void test_import(void **state)
{
	(void)state;
	struct diags d;
	diags_init(&d);
	struct report *r =
	    import("\xEF\xBB\xBFtable,row,column,value\r\n"
		   "三、收到和处理政府信息公开申请情况,二、上年结转政府信息公开申请数量,"
		   "自然人,１２\r\n",
		   &d);
	assert_non_null(r);
	const struct fblock *b = form_table(form, "applications")->blocks[0];
	int cell = form_cell(b, form_node(&b->rows, "carried")->leaf,
			     form_node(&b->cols, "natural")->leaf);
	char *s = value_str(&r->vals[cell]);
	assert_string_equal(s, "12"); /* full-width digits, as an IME types them */
	free(s);
	report_free(r);
	diags_free(&d);
}

static void test_import_refusals(void **state)
{
	(void)state;
	static const struct {
		const char *csv;
		int line;
		const char *says;
	} bad[] = {
	    {"table,row,column,value\n三、收到和处理政府信息公开申请情况,无此行,自然人,1\n", 2,
	     "no cell"},
	    {"table,row,column,value\n"
	     "三、收到和处理政府信息公开申请情况,二、上年结转政府信息公开申请数量,自然人,1\n"
	     "三、收到和处理政府信息公开申请情况,二、上年结转政府信息公开申请数量,自然人,2\n",
	     3, "twice"},
	    {"tab,row,column,value\n", 1, "first line"},
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct diags d;
		diags_init(&d);
		assert_null(import(bad[i].csv, &d));
		assert_true(d.n >= 1);
		assert_int_equal(d.v[0].line, bad[i].line);
		if (strstr(d.v[0].message, bad[i].says) == NULL)
			fail_msg("case %zu: %s", i, d.v[0].message);
		diags_free(&d);
	}
	/* a NUL inside a field is refused, not cut */
	const char nul[] = "table,row,column,value\n"
			   "三、收到和处理政府信息公开申请情况,二、上年结转政府信息公开申请数量,"
			   "自然人,5\0 9\n";
	struct diags d;
	diags_init(&d);
	assert_null(csv_import_string("t.csv", nul, sizeof nul - 1, form, &d));
	assert_int_equal(d.v[0].line, 2);
	diags_free(&d);
}

int main(void)
{
	form = unit_form("gov-info-2019-tongzhou");
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_fields),
	    cmocka_unit_test(test_import),
	    cmocka_unit_test(test_import_refusals),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	form_free(form);
	return rc;
}
