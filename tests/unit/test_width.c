/* Unit tests: display width and Chinese line breaking. */
#include "unit.h"

#include "base/width.h"

static void test_widths(void **state)
{
	(void)state;
	assert_int_equal(width_str("abc"), 3);
	assert_int_equal(width_str("规范性文件"), 10);
	assert_int_equal(width_str("（一）"), 6);
	assert_int_equal(width_str("21.6560"), 7);
	assert_int_equal(width_chars("规范x", strlen("规范x")), 3);
	/* cutting never splits a character */
	assert_int_equal(width_fit("规范性", 3), 3);
	assert_int_equal(width_fit("规范性", 4), 6);
	assert_int_equal(width_fit("ab规", 3), 2);
}

static void test_utf8(void **state)
{
	(void)state;
	size_t bad;
	assert_true(width_valid("好", 3, &bad));
	assert_false(width_valid("a\xff", 2, &bad));
	assert_int_equal(bad, 1);
	assert_false(width_valid("\xe5\xa5", 2, &bad)); /* cut short */
	assert_int_equal(bad, 0);
	assert_false(width_valid("\xc0\xaf", 2, &bad));     /* overlong */
	assert_false(width_valid("\xed\xa0\x80", 3, &bad)); /* surrogate */
}

/* The word-at-a-time runs against a byte-by-byte count: every byte value
 * at every place of a word, from every start, every length. */
static void test_ascii_runs(void **state)
{
	(void)state;
	char buf[40];
	for (int v = 0; v < 256; v++)
		for (int at = 0; at < 24; at++) {
			memset(buf, 'a', sizeof buf);
			buf[at] = (char)v;
			for (size_t start = 0; start < 8; start++)
				for (size_t n = 0; start + n <= 32; n++) {
					size_t a = 0, p = 0;
					while (a < n && (unsigned char)buf[start + a] < 0x80)
						a++;
					while (p < n && (unsigned char)buf[start + p] >= 0x20 &&
					       (unsigned char)buf[start + p] < 0x7F)
						p++;
					assert_int_equal(width_ascii_run(buf + start, n), a);
					assert_int_equal(width_printable_run(buf + start, n), p);
				}
		}
	/* the edges of printable: a space, a tilde, DEL, 0x1F */
	assert_int_equal(width_printable_run("abcdefg ~~~~~~~~x", 17), 17);
	assert_int_equal(width_printable_run("abcdefgh\x7fijk", 12), 8);
	assert_int_equal(width_printable_run("abcdefghij\x1f", 11), 10);
}

/* Two texts of one length have the same words exactly when they are the
 * same: every length to 16, each byte changed in turn; longer refused. */
static void test_words(void **state)
{
	(void)state;
	char a[24], b[24];
	uint64_t wa[2], wb[2];
	for (size_t n = 0; n <= 17; n++) {
		for (size_t i = 0; i < n; i++)
			a[i] = (char)('a' + i);
		assert_int_equal(width_words(a, n, wa), n <= 16);
		if (n > 16)
			break;
		memcpy(b, a, n);
		assert_int_equal(width_words(b, n, wb), 1);
		assert_true(wa[0] == wb[0] && wa[1] == wb[1]);
		for (size_t i = 0; i < n; i++)
			for (int v = 0; v < 256; v += 51) {
				memcpy(b, a, n);
				b[i] = (char)(v == 'a' + (int)i ? 0 : v);
				width_words(b, n, wb);
				assert_false(wa[0] == wb[0] && wa[1] == wb[1]);
			}
	}
}

static void expect_lines(const char *s, int cols, const char *const *want, int nwant)
{
	char **lines;
	int n = width_wrap(s, cols, &lines);
	for (int i = 0; i < n && i < nwant; i++)
		assert_string_equal(lines[i], want[i]);
	assert_int_equal(n, nwant);
	for (int i = 0; i < n; i++)
		assert_true(width_str(lines[i]) <= cols);
	width_lines_free(lines, n);
}

static void test_wrap_rules(void **state)
{
	(void)state;
	/* a comma never starts a line: the character before it moves down */
	const char *a[] = {"一二三", "四，五"};
	expect_lines("一二三四，五", 8, a, 2);
	/* an opening bracket never ends a line */
	const char *b[] = {"一二三", "（四）"};
	expect_lines("一二三（四）", 8, b, 2);
	/* numbers stay whole */
	const char *c[] = {"金额", "21.6560万"};
	expect_lines("金额21.6560万", 10, c, 2);
	/* a Latin word longer than the line is broken, never dropped */
	const char *d[] = {"abcd", "efgh", "ij"};
	expect_lines("abcdefghij", 4, d, 3);
	const char *e[] = {"社会", "公益", "组织"};
	expect_lines("社会公益组织", 4, e, 3);
	const char *f[] = {""};
	expect_lines("", 10, f, 1);
}

static void test_paragraphs(void **state)
{
	(void)state;
	/* an indent of its own (spaces, full-width spaces) is replaced, empty
	 * paragraphs are left out, each is wrapped */
	char **lines;
	int n = width_paragraphs("  一二三四五六\n\n\u3000\u3000七八\n\u3000\n九", 10, 0, &lines);
	assert_int_equal(n, 4);
	assert_string_equal(lines[0], "\u3000\u3000一二三");
	assert_string_equal(lines[1], "四五六");
	assert_string_equal(lines[2], "\u3000\u3000七八");
	assert_string_equal(lines[3], "\u3000\u3000九");
	width_lines_free(lines, n);
	assert_int_equal(width_paragraphs(NULL, 10, 0, &lines), 0);
	free(lines);
}

int main(void)
{
	width_init_locale();
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_widths),     cmocka_unit_test(test_utf8),
	    cmocka_unit_test(test_ascii_runs), cmocka_unit_test(test_words),
	    cmocka_unit_test(test_wrap_rules), cmocka_unit_test(test_paragraphs),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
