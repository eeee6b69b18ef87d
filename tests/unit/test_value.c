/* Unit tests: cell types, exact decimals, overflow. */
#include "unit.h"

#include "base/buf.h"
#include "model/value.h"

static struct celltype T(const char *s) {
	struct celltype t;
	assert_int_equal(celltype_parse(s, &t), 0);
	return t;
}

/* Parses s as type and returns it formatted, or NULL if refused. */
static char *
parse_fmt(const char *type, const char *s)
{
	struct celltype t = T(type);
	struct value v;
	const char *why;
	if (value_parse(s, &t, &v, &why) < 0)
		return NULL;
	char *out = value_str(&v);
	value_clear(&v);
	return out;
}

static void expect(const char *type, const char *in, const char *want)
{
	char *got = parse_fmt(type, in);
	if (want == NULL) {
		if (got != NULL)
			fail_msg("%s '%s' was accepted as '%s'", type, in, got);
		return;
	}
	if (got == NULL)
		fail_msg("%s '%s' was refused", type, in);
	assert_string_equal(got, want);
	free(got);
}

static void test_celltype_names(void **state)
{
	(void)state;
	struct celltype t;
	assert_int_equal(celltype_parse("fixed(4)", &t), 0);
	assert_int_equal(t.kind, CELL_FIXED);
	assert_int_equal(t.places, 4);
	assert_int_equal(celltype_parse("decimal(6)", &t), 0);
	assert_int_equal(t.kind, CELL_DECIMAL);
	assert_int_equal(celltype_parse("fixed(0)", &t), -1);
	assert_int_equal(celltype_parse("fixed(10)", &t), -1);
	assert_int_equal(celltype_parse("money", &t), -1);
	struct buf b;
	buf_init(&b);
	celltype_format(&(struct celltype){CELL_DECIMAL, 6}, &b);
	assert_string_equal(b.data, "decimal(6)");
	buf_free(&b);
}

static void test_counts(void **state)
{
	(void)state;
	expect("count", "0", "0");
	expect("count", "17", "17");
	expect("count", " 5 ", "5");
	expect("count", "007", "7");
	expect("count", "", "");
	expect("count", "-1", NULL);
	expect("count", "+1", NULL);
	expect("count", "1.0", NULL);
	expect("count", "abc", NULL);
	expect("count", "1e3", NULL);
	expect("count", "9223372036854775807", "9223372036854775807");
	expect("count", "9223372036854775808", NULL);
	expect("count", "99999999999999999999999", NULL);
}

/* Figures of plain digits, read by length (a file's, which need no
 * terminating NUL), and the general reading of the first n bytes. */
static void test_figures(void **state)
{
	(void)state;
	int64_t x = -1;
	assert_int_equal(value_figure("0", 1, &x), 1);
	assert_int_equal(x, 0);
	assert_int_equal(value_figure("000123", 6, &x), 1);
	assert_int_equal(x, 123);
	assert_int_equal(value_figure("999999999999999999", 18, &x), 1);
	assert_true(x == 999999999999999999LL);
	x = -1;
	assert_int_equal(value_figure("1234567890123456789", 19, &x), 0);
	assert_int_equal(value_figure("", 0, &x), 0);
	assert_int_equal(value_figure("12a", 3, &x), 0);
	assert_int_equal(value_figure(" 1", 2, &x), 0);
	assert_int_equal(value_figure("1/", 2, &x), 0);
	assert_int_equal(value_figure("1:", 2, &x), 0);
	assert_int_equal(x, -1); /* untouched when refused */
	assert_int_equal(value_figure("42 and more", 2, &x), 1);
	assert_int_equal(x, 42);
	struct celltype t;
	assert_int_equal(celltype_parse("count", &t), 0);
	struct value v;
	const char *why;
	assert_int_equal(value_parse_len("123abc", 3, &t, &v, &why), 0);
	assert_int_equal(v.kind, VAL_NUM);
	assert_true(v.num == 123);
	assert_int_equal(value_parse_len(" 7 x", 3, &t, &v, &why), 0);
	assert_true(v.num == 7);
	assert_int_equal(value_parse_len("12x", 3, &t, &v, &why), -1);
	assert_int_equal(value_parse_len("99999999999999999999", 20, &t, &v, &why), -1);
	assert_string_equal(why, "is too large");
	assert_int_equal(celltype_parse("decimal(2)", &t), 0);
	assert_int_equal(value_parse_len("12", 2, &t, &v, &why), 0);
	assert_true(v.num == 12 && v.scale == 0);
}

static void test_signed(void **state)
{
	(void)state;
	expect("integer", "+3", "3");
	expect("integer", "-18", "-18");
	expect("integer", "-0", "0");
	expect("integer", "--1", NULL);
	expect("integer", "-", NULL);
	expect("integer", "-9223372036854775807", "-9223372036854775807");
}

static void test_decimals(void **state)
{
	(void)state;
	expect("fixed(4)", "21.6560", "21.6560");
	expect("fixed(4)", "21.656", "21.6560");
	expect("fixed(4)", "21", "21.0000");
	expect("fixed(4)", "0.00001", NULL);
	expect("fixed(4)", "21.", NULL);
	expect("fixed(4)", ".5", NULL);
	expect("fixed(4)", "-1.5", NULL);
	expect("decimal(6)", "12.5", "12.5");
	expect("decimal(6)", "12.50", "12.50");
	expect("decimal(6)", "24252.311082", "24252.311082");
	expect("decimal(6)", "1.1234567", NULL);
	expect("decimal(6)", "0.000001", "0.000001");
	expect("fixed(4)", "922337203685477.5807", "922337203685477.5807");
	expect("fixed(4)", "922337203685477.5808", NULL);
	expect("fixed(4)", "922337203685478", NULL);
}

static struct value num(const char *type, const char *s)
{
	struct celltype t = T(type);
	struct value v;
	const char *why;
	assert_int_equal(value_parse(s, &t, &v, &why), 0);
	return v;
}

static void test_arithmetic(void **state)
{
	(void)state;
	struct value a = num("decimal(6)", "21.656"), b = num("decimal(6)", "0.0004"), r;
	assert_int_equal(value_add(&a, &b, &r), 0);
	char *s = value_str(&r);
	assert_string_equal(s, "21.6564");
	free(s);
	assert_int_equal(value_sub(&b, &a, &r), 0);
	s = value_str(&r);
	assert_string_equal(s, "-21.6556");
	free(s);
	struct value big = num("count", "9223372036854775807"), one = num("count", "1");
	assert_int_equal(value_add(&big, &one, &r), -1);
	struct value neg = num("integer", "-9223372036854775807");
	assert_int_equal(value_sub(&neg, &one, &r), 0);
	assert_int_equal(value_sub(&r, &one, &r), -1);
	assert_int_equal(value_mul(&big, &big, &r), -1);
	/* aligning scales can overflow too */
	struct value cents = num("decimal(2)", "0.01");
	assert_int_equal(value_add(&big, &cents, &r), -1);
}

static void test_compare(void **state)
{
	(void)state;
	struct value a = num("decimal(6)", "12.5"), b = num("decimal(6)", "12.50");
	assert_int_equal(value_cmp(&a, &b), 0);
	assert_true(value_same(&a, &b));
	assert_false(value_identical(&a, &b));
	struct value c = num("decimal(6)", "12.500001");
	assert_int_equal(value_cmp(&a, &c), -1);
	assert_int_equal(value_cmp(&c, &a), 1);
	/* exact even when the larger scale cannot be reached */
	struct value big = num("count", "9223372036854775807");
	struct value small = num("decimal(6)", "1.5");
	assert_int_equal(value_cmp(&big, &small), 1);
	assert_int_equal(value_cmp(&small, &big), -1);
	struct value blank = {0};
	assert_false(value_same(&blank, &a));
}

static void test_conform(void **state)
{
	(void)state;
	struct value v = num("decimal(6)", "3.5");
	struct celltype f4 = T("fixed(4)"), cnt = T("count");
	assert_int_equal(value_conform(&v, &f4), 0);
	char *s = value_str(&v);
	assert_string_equal(s, "3.5000");
	free(s);
	assert_int_equal(value_conform(&v, &cnt), -1);
	struct value w = num("decimal(6)", "4.000");
	assert_int_equal(value_conform(&w, &cnt), 0);
	s = value_str(&w);
	assert_string_equal(s, "4");
	free(s);
}

/* value_input: what is typed becomes exactly that figure, or is refused
 * naming the character; want NULL: refused, and bad names badchar. */
static void input(const char *type, const char *in, const char *want, const char *badchar)
{
	struct celltype t = T(type);
	struct value v;
	const char *why = NULL;
	char bad[16];
	int rc = value_input(in, &t, &v, &why, bad);
	if (want == NULL) {
		if (rc == 0) {
			char *s = value_str(&v);
			fail_msg("%s as %s: want refused, got %s", in, type, s);
		}
		assert_non_null(why);
		assert_string_equal(bad, badchar ? badchar : "");
		return;
	}
	if (rc < 0)
		fail_msg("%s as %s: refused (%s %s)", in, type, bad, why);
	char *s = value_str(&v);
	assert_string_equal(s, want);
	free(s);
	value_clear(&v);
}

static void test_input_methods(void **state)
{
	(void)state;
	/* the IME's full-width digits and points */
	input("count", "１２", "12", NULL);
	input("decimal(6)", "9116。36", "9116.36", NULL);
	input("decimal(6)", "9116．36", "9116.36", NULL);
	input("fixed(4)", "２１．６５６", "21.6560", NULL);
	/* signs, full-width and typographic, in signed cells only */
	input("integer", "－3", "-3", NULL);
	input("integer", "−18", "-18", NULL);
	input("integer", "＋3", "3", NULL);
	input("count", "－3", NULL, "");
	/* thousands separators in groups of three only */
	input("count", "10,690", "10690", NULL);
	input("count", "10，690", "10690", NULL);
	input("count", "1,234,567", "1234567", NULL);
	input("decimal(2)", "12,345.67", "12345.67", NULL);
	input("count", "1,0690", NULL, "");
	input("count", "10,69", NULL, "");
	input("count", ",690", NULL, "");
	input("count", "1,,690", NULL, "");
	input("decimal(6)", "1.234,5", NULL, "");
	/* spaces around, ASCII and full-width and no-break: gone */
	input("count", " 12\t", "12", NULL);
	input("count", "\u3000１２\u3000", "12", NULL);
	input("count", "\u00a012", "12", NULL);
	input("count", "1 2", NULL, "");
	/* nothing dropped: a character the cell cannot take refuses it all */
	input("decimal(6)", "9116x36", NULL, "x");
	input("count", "5件", NULL, "件");
	input("count", "12\x1b", NULL, "U+001B");
	input("count", "12\xe2\x80\xae", NULL, "U+202E");
	input("count", "12\xff", NULL, "\\xFF");
	/* a decimal in a count is refused, not cut */
	input("count", "12.5", NULL, "");
	input("count", "12。5", NULL, "");
	input("decimal(2)", "1.234", NULL, "");
	/* blank stays blank */
	input("count", "\u3000", "", NULL);
	/* text cells take text as it is */
	input("text", "１２", "１２", NULL);
	assert_int_equal(value_input_char(0x3002), '.');
	assert_int_equal(value_input_char('x'), 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_celltype_names), cmocka_unit_test(test_counts),
	    cmocka_unit_test(test_figures),        cmocka_unit_test(test_signed),
	    cmocka_unit_test(test_decimals),       cmocka_unit_test(test_arithmetic),
	    cmocka_unit_test(test_compare),        cmocka_unit_test(test_conform),
	    cmocka_unit_test(test_input_methods),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
