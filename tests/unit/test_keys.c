/* Unit tests: the bytes real terminals send for each key, decoded. */
#include "unit.h"

#include "base/keys.h"

/* Feeds bytes as one burst (the terminal's write), then lets the delay run
 * out; returns the keys decoded, at most max. */
static int decode(const char *bytes, size_t len, struct keys_event *ev, int max)
{
	struct keys k;
	keys_init(&k);
	int n = 0;
	for (size_t i = 0; i < len && n < max; i++)
		n += keys_feed(&k, (unsigned char)bytes[i], &ev[n]);
	if (n < max)
		n += keys_timeout(&k, &ev[n]);
	keys_free(&k);
	return n;
}

/* The bytes decode to exactly one key. */
static void one(const char *what, const char *bytes, int key)
{
	struct keys_event ev[8];
	int n = decode(bytes, strlen(bytes), ev, 8);
	if (n != 1 || ev[0].key != key) {
		char got[64] = "";
		if (n > 0)
			keys_name(ev[0].key, got, sizeof got);
		fail_msg("%s: %d keys, first %s (%#x), want %#x", what, n, got,
			 n > 0 ? (unsigned)ev[0].key : 0u, (unsigned)key);
	}
}

static void test_xterm(void **state)
{
	(void)state;
	/* normal and application cursor modes */
	one("xterm Up", "\033[A", KEYS_UP);
	one("xterm app Up", "\033OA", KEYS_UP);
	one("xterm Left", "\033[D", KEYS_LEFT);
	one("xterm Home", "\033[H", KEYS_HOME);
	one("xterm app Home", "\033OH", KEYS_HOME);
	one("xterm End", "\033[F", KEYS_END);
	one("xterm app End", "\033OF", KEYS_END);
	one("xterm Insert", "\033[2~", KEYS_INSERT);
	one("xterm Delete", "\033[3~", KEYS_DELETE);
	one("xterm PgUp", "\033[5~", KEYS_PGUP);
	one("xterm PgDn", "\033[6~", KEYS_PGDN);
	one("xterm F1", "\033OP", KEYS_F(1));
	one("xterm F4", "\033OS", KEYS_F(4));
	one("xterm F5", "\033[15~", KEYS_F(5));
	one("xterm F10", "\033[21~", KEYS_F(10));
	one("xterm F12", "\033[24~", KEYS_F(12));
	/* with modifiers */
	one("Shift-Up", "\033[1;2A", KEYS_UP | KEYS_SHIFT);
	one("Ctrl-Home", "\033[1;5H", KEYS_HOME | KEYS_CTRL);
	one("Ctrl-End", "\033[1;5F", KEYS_END | KEYS_CTRL);
	one("Alt-Left", "\033[1;3D", KEYS_LEFT | KEYS_ALT);
	one("Ctrl-Shift-Right", "\033[1;6C", KEYS_RIGHT | KEYS_CTRL | KEYS_SHIFT);
	one("Ctrl-PgDn", "\033[6;5~", KEYS_PGDN | KEYS_CTRL);
	one("Ctrl-PgUp", "\033[5;5~", KEYS_PGUP | KEYS_CTRL);
	one("Shift-F2", "\033[1;2Q", KEYS_F(2) | KEYS_SHIFT);
	one("Ctrl-F5", "\033[15;5~", KEYS_F(5) | KEYS_CTRL);
	one("old xterm Ctrl-F1", "\033O5P", KEYS_F(1) | KEYS_CTRL);
	one("Shift-Tab", "\033[Z", KEYS_BTAB);
	one("Meta counts as Alt", "\033[1;9A", KEYS_UP | KEYS_ALT);
}

static void test_putty_and_friends(void **state)
{
	(void)state;
	/* PuTTY's default (ESC [ n ~), also Xshell and SecureCRT, screen, tmux */
	one("PuTTY Home", "\033[1~", KEYS_HOME);
	one("PuTTY End", "\033[4~", KEYS_END);
	one("PuTTY F1", "\033[11~", KEYS_F(1));
	one("PuTTY F2", "\033[12~", KEYS_F(2));
	one("PuTTY F3", "\033[13~", KEYS_F(3));
	one("PuTTY F4", "\033[14~", KEYS_F(4));
	/* PuTTY's Linux mode and the Linux console */
	one("Linux F1", "\033[[A", KEYS_F(1));
	one("Linux F5", "\033[[E", KEYS_F(5));
	/* PuTTY's VT100+ mode */
	one("VT100+ F5", "\033OT", KEYS_F(5));
	one("VT100+ F10", "\033OY", KEYS_F(10));
	one("VT100+ F12", "\033O[", KEYS_F(12));
	/* PuTTY's SCO mode */
	one("SCO F2", "\033[N", KEYS_F(2));
	one("SCO F10", "\033[V", KEYS_F(10));
	one("SCO F12", "\033[X", KEYS_F(12));
	one("SCO PgDn", "\033[G", KEYS_PGDN);
	one("SCO PgUp", "\033[I", KEYS_PGUP);
	one("SCO F1 (a lone ESC [ M)", "\033[M", KEYS_F(1));
	/* rxvt and urxvt */
	one("rxvt Home", "\033[7~", KEYS_HOME);
	one("rxvt End", "\033[8~", KEYS_END);
	one("rxvt Shift-Up", "\033[a", KEYS_UP | KEYS_SHIFT);
	one("rxvt Ctrl-Left", "\033Od", KEYS_LEFT | KEYS_CTRL);
	one("rxvt Shift-Home", "\033[7$", KEYS_HOME | KEYS_SHIFT);
	one("rxvt Ctrl-Home", "\033[7^", KEYS_HOME | KEYS_CTRL);
	one("rxvt Ctrl-PgDn", "\033[6^", KEYS_PGDN | KEYS_CTRL);
	one("rxvt Ctrl-Shift-End", "\033[8@", KEYS_END | KEYS_CTRL | KEYS_SHIFT);
	one("rxvt Alt-Up", "\033\033[A", KEYS_UP | KEYS_ALT);
}

static void test_keypad_and_paste(void **state)
{
	(void)state;
	/* a keypad left in application mode types its digits */
	one("keypad 0", "\033Op", '0');
	one("keypad 9", "\033Oy", '9');
	one("keypad .", "\033On", '.');
	one("keypad -", "\033Om", '-');
	one("keypad Enter", "\033OM", '\r');
	one("paste start", "\033[200~", KEYS_PASTE_START);
	one("paste end", "\033[201~", KEYS_PASTE_END);
}

static void test_plain_and_esc(void **state)
{
	(void)state;
	one("a digit", "7", '7');
	one("a lone Esc, once the delay runs out", "\033", KEYS_ESC);
	one("Esc twice", "\033\033", KEYS_ESC);
	one("Alt-x", "\033x", 'x' | KEYS_ALT);
	/* a wide character is one key */
	struct keys k;
	struct keys_event ev;
	keys_init(&k);
	assert_int_equal(keys_feed(&k, 0xFF11, &ev), 1);
	assert_int_equal(ev.key, 0xFF11);
	assert_int_equal(keys_pending(&k), 0);
	assert_int_equal(keys_feed(&k, 27, &ev), 0);
	assert_int_equal(keys_pending(&k), 1);
	assert_int_equal(keys_feed(&k, '[', &ev), 0);
	assert_int_equal(keys_pending(&k), 2);
	assert_int_equal(keys_feed(&k, 'A', &ev), 1);
	assert_int_equal(ev.key, KEYS_UP);
	/* the 8-bit CSI of a terminal in 8-bit mode, as one character */
	assert_int_equal(keys_feed(&k, 0x9B, &ev), 0);
	assert_int_equal(keys_feed(&k, 'B', &ev), 1);
	assert_int_equal(ev.key, KEYS_DOWN);
	keys_free(&k);
}

static void test_unknown_whole(void **state)
{
	(void)state;
	struct keys_event ev[8];
	/* an unknown sequence is one key, spelt out: never Esc, '[', digits */
	int n = decode("\033[99~", 5, ev, 8);
	assert_int_equal(n, 1);
	assert_int_equal(ev[0].key, KEYS_UNKNOWN);
	assert_string_equal(ev[0].seq, "ESC [ 9 9 ~");
	n = decode("\033[1;2;3;4;5A", 12, ev, 8);
	assert_int_equal(n, 1);
	assert_int_equal(ev[0].key, KEYS_UNKNOWN);
	/* a private sequence (a terminal's answer) is consumed whole too */
	n = decode("\033[?1;2c5", 8, ev, 8);
	assert_int_equal(n, 2);
	assert_int_equal(ev[0].key, KEYS_UNKNOWN);
	assert_string_equal(ev[0].seq, "ESC [ ? 1 ; 2 c");
	assert_int_equal(ev[1].key, '5');
	/* cut off by the delay: still one key, nothing typed */
	n = decode("\033[1;5", 5, ev, 8);
	assert_int_equal(n, 1);
	assert_int_equal(ev[0].key, KEYS_UNKNOWN);
	assert_string_equal(ev[0].seq, "ESC [ 1 ; 5");
	/* a new ESC ends the unknown one and starts its own key */
	n = decode("\033[1\033[A", 6, ev, 8);
	assert_int_equal(n, 2);
	assert_int_equal(ev[0].key, KEYS_UNKNOWN);
	assert_int_equal(ev[1].key, KEYS_UP);
	/* a sequence far too long is cut into unknown keys, never digits */
	char longseq[80] = "\033[";
	memset(longseq + 2, '1', 70);
	strcat(longseq, "~7");
	n = decode(longseq, strlen(longseq), ev, 8);
	assert_int_equal(n, 2);
	assert_int_equal(ev[0].key, KEYS_UNKNOWN);
	assert_int_equal(ev[1].key, '7');
}

static void test_sequence_of_keys(void **state)
{
	(void)state;
	/* PuTTY's Home, then Enter: two keys, not Esc [ 1 ~ Enter */
	struct keys_event ev[8];
	int n = decode("\033[1~\r", 5, ev, 8);
	assert_int_equal(n, 2);
	assert_int_equal(ev[0].key, KEYS_HOME);
	assert_int_equal(ev[1].key, '\r');
	/* F2 then digits */
	n = decode("\033[12~34", 7, ev, 8);
	assert_int_equal(n, 3);
	assert_int_equal(ev[0].key, KEYS_F(2));
	assert_int_equal(ev[1].key, '3');
	assert_int_equal(ev[2].key, '4');
}

static void test_mouse(void **state)
{
	(void)state;
	struct keys_event ev[4];
	/* X10: ESC [ M button x y, each plus 32 (x, y also plus 1) */
	int n = decode("\033[M +*", 6, ev, 4);
	assert_int_equal(n, 1);
	assert_int_equal(ev[0].key, KEYS_MOUSE);
	assert_int_equal(ev[0].button, 0);
	assert_int_equal(ev[0].x, 10);
	assert_int_equal(ev[0].y, 9);
	/* SGR: ESC [ < b ; x ; y M */
	n = decode("\033[<64;5;7M", 10, ev, 4);
	assert_int_equal(n, 1);
	assert_int_equal(ev[0].key, KEYS_MOUSE);
	assert_int_equal(ev[0].button, 64);
	assert_int_equal(ev[0].x, 4);
	assert_int_equal(ev[0].y, 6);
	n = decode("\033[<0;5;7m", 9, ev, 4);
	assert_int_equal(ev[0].button, 3);
}

static void test_terminfo_defs(void **state)
{
	(void)state;
	struct keys k;
	struct keys_event ev;
	keys_init(&k);
	/* the built-in table wins; the terminal's own fills gaps */
	keys_define(&k, "\033[1~", KEYS_F(9));
	keys_define(&k, "\033[99~", KEYS_F(7));
	const char *s = "\033[1~";
	int got = 0;
	for (const char *p = s; *p; p++)
		got = keys_feed(&k, (unsigned char)*p, &ev);
	assert_int_equal(got, 1);
	assert_int_equal(ev.key, KEYS_HOME);
	s = "\033[99~";
	for (const char *p = s; *p; p++)
		got = keys_feed(&k, (unsigned char)*p, &ev);
	assert_int_equal(got, 1);
	assert_int_equal(ev.key, KEYS_F(7));
	keys_free(&k);
}

static void test_names(void **state)
{
	(void)state;
	char s[64];
	keys_name(KEYS_HOME | KEYS_CTRL, s, sizeof s);
	assert_string_equal(s, "Ctrl-Home");
	keys_name(KEYS_F(2), s, sizeof s);
	assert_string_equal(s, "F2");
	keys_name('x' | KEYS_ALT, s, sizeof s);
	assert_string_equal(s, "Alt-x");
	keys_name(0xFF11 | KEYS_ALT, s, sizeof s);
	assert_string_equal(s, "Alt-１");
	keys_name(KEYS_BTAB, s, sizeof s);
	assert_string_equal(s, "Shift-Tab");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_xterm),
	    cmocka_unit_test(test_putty_and_friends),
	    cmocka_unit_test(test_keypad_and_paste),
	    cmocka_unit_test(test_plain_and_esc),
	    cmocka_unit_test(test_unknown_whole),
	    cmocka_unit_test(test_sequence_of_keys),
	    cmocka_unit_test(test_mouse),
	    cmocka_unit_test(test_terminfo_defs),
	    cmocka_unit_test(test_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
