/* The terminal's input: keys decoded by keys.c (never by ncurses, whose
 * decoding knows only TERM's sequences and splits the rest into
 * keystrokes), the Esc delay, the mouse and bracketed paste turned on and
 * off. */
#include "tui/tui.h"

#include "base/buf.h"

#include <curses.h>
#include <stdlib.h>
#include <term.h>

/* The terminal's own sequences from its terminfo entry, for whatever the
 * built-in table of keys.c does not know. */
static void input_terminfo(struct keys *k)
{
	static const struct {
		const char *cap;
		int key;
	} caps[] = {{"kcuu1", KEYS_UP},     {"kcud1", KEYS_DOWN},   {"kcuf1", KEYS_RIGHT},
		    {"kcub1", KEYS_LEFT},   {"khome", KEYS_HOME},   {"kend", KEYS_END},
		    {"kich1", KEYS_INSERT}, {"kdch1", KEYS_DELETE}, {"kpp", KEYS_PGUP},
		    {"knp", KEYS_PGDN},     {"kcbt", KEYS_BTAB},    {"kb2", KEYS_BEGIN},
		    {"kent", '\r'}};
	for (size_t i = 0; i < sizeof caps / sizeof caps[0]; i++) {
		const char *seq = tigetstr(caps[i].cap);
		if (seq != NULL && seq != (char *)-1)
			keys_define(k, seq, caps[i].key);
	}
	for (int n = 1; n <= 20; n++) {
		char cap[16];
		snprintf(cap, sizeof cap, "kf%d", n);
		const char *seq = tigetstr(cap);
		if (seq != NULL && seq != (char *)-1)
			keys_define(k, seq, KEYS_F(n));
	}
}

/* The Esc delay in milliseconds: $ESCDELAY as ncurses reads it, else 50. */
static int input_escdelay(void)
{
	const char *s = getenv("ESCDELAY");
	char *end;
	long ms = s && *s ? strtol(s, &end, 10) : -1;
	return ms >= 1 && ms <= 10000 && *end == '\0' ? (int)ms : 50;
}

/* After a lone ESC it waits the Esc delay for the rest of a sequence;
 * inside one, a little longer, so a slow link does not split it. */
static int input_read(struct app *a)
{
	if (a->resized) {
		a->resized = 0;
		return KEYS_RESIZE;
	}
	for (;;) {
		int pending = keys_pending(&a->keys);
		timeout(pending == 0 ? -1 : pending == 1 ? a->escdelay : 4 * a->escdelay);
		wint_t ch;
		int rc = get_wch(&ch);
		if (rc == ERR || (rc == KEY_CODE_YES && ch == KEY_RESIZE)) {
			if (pending == 0)
				return rc == ERR ? -1 : KEYS_RESIZE;
			a->resized = rc != ERR;
			keys_timeout(&a->keys, &a->ev);
			return a->ev.key;
		}
		if (rc == KEY_CODE_YES)
			continue; /* keypad is off: nothing else comes this way */
		if (keys_feed(&a->keys, (uint32_t)ch, &a->ev))
			return a->ev.key;
	}
}

/* A bracketed paste is read whole here: everything up to its end marker
 * is text, never keys. */
int input_key(struct app *a)
{
	int key = input_read(a);
	if (key != KEYS_PASTE_START)
		return key;
	a->paste->len = 0;
	a->paste->data[0] = '\0';
	int resized = 0;
	while ((key = input_read(a)) != KEYS_PASTE_END) {
		if (key < 0)
			return -1; /* the terminal went away mid-paste */
		if (key == KEYS_RESIZE)
			resized = 1; /* for after the paste */
		else if (key >= 128 && key < KEYS_SPECIAL) {
			char mb[8];
			buf_add(a->paste, mb, (size_t)width_encode((uint32_t)key, mb));
		} else if (key > 0 && key < 128) {
			buf_putc(a->paste, (char)key);
		}
	}
	a->resized = resized;
	return KEYS_PASTE_END;
}

void input_start(struct app *a)
{
	keypad(stdscr, FALSE);
	keys_init(&a->keys);
	input_terminfo(&a->keys);
	a->escdelay = input_escdelay();
	/* the mouse where the terminal has one (ncurses knows which and turns
	 * it on), its reports in SGR form; every key works without it */
	a->mouse = mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL) != 0;
	if (a->mouse)
		putp("\033[?1006h");
	/* bracketed paste: a block copied from WPS or Excel arrives marked */
	putp("\033[?2004h");
	fflush(stdout); /* putp writes through stdio, ncurses past it */
}

void input_end(struct app *a)
{
	putp("\033[?2004l");
	if (a->mouse)
		putp("\033[?1006l");
	fflush(stdout);
	keys_free(&a->keys);
}
