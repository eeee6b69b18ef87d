/* Unit tests: what text a file may hold, and how messages quote it. */
#include "unit.h"

#include "text.h"

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

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_rules),
	    cmocka_unit_test(test_quote),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
