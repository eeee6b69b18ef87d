/* Unit tests: what text a file may hold, and how messages quote it. */
#include "unit.h"

#include "base/text.h"
#include "base/textclass.h"

static void refused(const char *s, enum text_kind kind, size_t at)
{
	size_t bad = 99;
	const char *why = NULL;
	if (text_check(s, kind, &bad, &why) == 0)
		fail_msg("'%s' was accepted", s);
	assert_int_equal(bad, at);
	assert_non_null(why);
}

static void accepted(const char *s, enum text_kind kind)
{
	size_t bad;
	const char *why;
	if (text_check(s, kind, &bad, &why) < 0)
		fail_msg("refused at %zu: %s", bad, why);
}

static void test_rules(void **state)
{
	(void)state;
	accepted("果园街道办事处", TEXT_LINE);
	accepted("“三安全一稳定”（一）", TEXT_LINE);
	accepted("第一段\n\t第二段", TEXT_PROSE);
	refused("X\033]0;pwned\007", TEXT_LINE, 1); /* OSC: retitles a window */
	refused("X\033]0;pwned\007", TEXT_PROSE, 1);
	refused("1元\r1000000元", TEXT_PROSE, 4); /* CR prints over */
	refused("a\xc2\x9b"
		"2J",
		TEXT_PROSE, 1);         /* C1 CSI */
	refused("a\x7f", TEXT_LINE, 1); /* DEL */
	refused("abc\xe2\x80\xae"
		"cba",
		TEXT_PROSE, 3);                    /* U+202E */
	refused("\xe2\x81\xa6x", TEXT_LINE, 0);    /* U+2066 */
	refused("规\xe2\x80\x8b章", TEXT_LINE, 3); /* zero-width space in a label */
	accepted("规\xe2\x80\x8b章", TEXT_PROSE);
	refused("two\nlines", TEXT_LINE, 3);
	refused("a\tb", TEXT_LINE, 1);
	refused("bad \xff", TEXT_PROSE, 4);
}

static void test_quote(void **state)
{
	(void)state;
	char *q = text_quote("X\033]0;pwned\007 \xe2\x80\xae 好", 100);
	assert_string_equal(q, "X\\x1B]0;pwned\\x07 \\u202E 好");
	free(q);
	q = text_quote("a\nb\xff", 100);
	assert_string_equal(q, "a\\x0Ab\\xFF");
	free(q);
	q = text_quote("一二三四五六", 3);
	assert_string_equal(q, "一二三...");
	free(q);
}

static void test_unicode_table(void **state)
{
	(void)state;
	/* Unicode's default-ignorable and format characters, from one table */
	static const uint32_t invisible[] = {0x3164, 0x115F, 0x180E, 0xFFA0, 0xE0041, 0x1D173,
					     0xFFF9, 0x034F, 0x2061, 0xFE0F, 0x00AD,  0x200B,
					     0xFEFF, 0x2028, 0x061C, 0x202E, 0x0085};
	for (size_t i = 0; i < sizeof invisible / sizeof invisible[0]; i++)
		if (!text_invisible(invisible[i]))
			fail_msg("U+%04X was taken for visible", (unsigned)invisible[i]);
	static const uint32_t visible[] = {'a', 0x00A0, 0x3000, 0x4E00, 0xFF10, 0x2014, 0x20AC};
	for (size_t i = 0; i < sizeof visible / sizeof visible[0]; i++)
		if (text_invisible(visible[i]))
			fail_msg("U+%04X was taken for invisible", (unsigned)visible[i]);
	refused("果园\xe3\x85\xa4街道", TEXT_LINE, 6); /* U+3164 HANGUL FILLER */
	accepted("第一段\xe2\x80\x8b", TEXT_PROSE);    /* a zero-width space in prose */
	refused("x\xd8\x9cy", TEXT_PROSE, 1);          /* U+061C reorders, in prose too */
}

/* Every code point past ASCII, in a line and in prose, against the table
 * read range by range: the run text.c passes without its search too. */
static void test_every_code_point(void **state)
{
	(void)state;
	size_t nr = sizeof textclass_ranges / sizeof textclass_ranges[0], r = 0;
	for (uint32_t c = 0x80; c <= 0x10FFFF; c++) {
		if (c >= 0xD800 && c <= 0xDFFF)
			continue;
		while (r < nr && textclass_ranges[r].hi < c)
			r++;
		int cls = r < nr && textclass_ranges[r].lo <= c ? textclass_ranges[r].cls : 0;
		char s[8];
		int n = c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
		s[0] = (char)(n == 2 ? 0xC0 | c >> 6 : n == 3 ? 0xE0 | c >> 12 : 0xF0 | c >> 18);
		for (int i = 1; i < n; i++)
			s[i] = (char)(0x80 | ((c >> (6 * (n - 1 - i))) & 0x3F));
		s[n] = '\0';
		size_t bad;
		const char *why;
		if ((text_check(s, TEXT_LINE, &bad, &why) == 0) != (cls == 0) ||
		    (text_check(s, TEXT_PROSE, &bad, &why) == 0) != (cls != 3) ||
		    text_invisible(c) != (cls >= 2))
			fail_msg("U+%04X is not of class %d", (unsigned)c, cls);
	}
	assert_true(TEXTCLASS_CLEAR_LO <= 0x4E00 && TEXTCLASS_CLEAR_HI >= 0x9FFF);
}

static void test_names(void **state)
{
	(void)state;
	const char *plain = "2022/果园.yaml";
	assert_ptr_equal(text_name(plain), plain); /* a clean name as it is */
	assert_string_equal(text_name("b\033]0;x\007.yaml"), "b\\x1B]0;x\\x07.yaml");
	assert_string_equal(text_name("a\tb"), "a\\x09b");
	assert_null(text_name(NULL));
	int gone;
	char *s = text_strip("甲\xd8\x9c乙\xe2\x80\x8b丙\033", TEXT_PROSE, &gone);
	assert_string_equal(s, "甲乙\xe2\x80\x8b丙");
	assert_int_equal(gone, 2);
	free(s);
	s = text_strip("甲\xe2\x80\x8b乙", TEXT_LINE, &gone);
	assert_string_equal(s, "甲乙");
	assert_int_equal(gone, 1);
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_rules),         cmocka_unit_test(test_quote),
	    cmocka_unit_test(test_unicode_table), cmocka_unit_test(test_every_code_point),
	    cmocka_unit_test(test_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
