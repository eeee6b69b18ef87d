/* Unit tests: a pasted block read into exactly the rows and columns copied. */
#include "unit.h"

#include "base/paste.h"

/* The block as "a,b;c,d" (rows by ;, cells by ,; _ for a cell not given). */
static void expect_block(const char *text, const char *want)
{
	struct paste_block b;
	paste_parse(text, &b);
	char got[512] = "";
	for (int r = 0; r < b.nrows; r++) {
		if (r)
			strcat(got, ";");
		for (int c = 0; c < b.ncols; c++) {
			if (c)
				strcat(got, ",");
			const char *s = b.cell[r * b.ncols + c];
			strcat(got, s ? s : "_");
		}
	}
	paste_free(&b);
	assert_string_equal(got, want);
}

static void test_row_ends(void **state)
{
	(void)state;
	expect_block("1\t2\n3\t4", "1,2;3,4");
	expect_block("1\t2\n3\t4\n", "1,2;3,4");
	expect_block("1\t2\r\n3\t4\r\n", "1,2;3,4");
	expect_block("1\t2\r3\t4\r", "1,2;3,4");
	/* CRLF after a terminal turned LF into CR */
	expect_block("1\t2\r\r3\t4\r\r", "1,2;3,4");
	/* a blank line in the middle stays a row: one blank cell */
	expect_block("1\t2\n\n3\t4\n", "1,2;,_;3,4");
	expect_block("1\n\n", "1");
}

static void test_excel(void **state)
{
	(void)state;
	/* Excel's trailing tab on every row is no column */
	expect_block("1\t2\t\r\n3\t4\t\r\n", "1,2;3,4");
	/* but a blank last cell in one row only is a cell */
	expect_block("1\t2\t\n3\t4\t5\n", "1,2,;3,4,5");
	/* quoted cells, a quote doubled, a tab inside */
	expect_block("\"1\"\t\"a\"\"b\"\n\"x\ty\"\t2", "1,a\"b;x\ty,2");
	/* short rows: the cells they do not reach are not given */
	expect_block("1\t2\t3\n4", "1,2,3;4,_,_");
	expect_block("", "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_row_ends),
	    cmocka_unit_test(test_excel),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
