/* Keys from the characters a terminal sends. Every escape sequence that
 * real terminals send for the editing keys is known here, whatever TERM
 * says: xterm in both cursor modes, PuTTY's function-key modes (ESC [ n ~,
 * Linux, Xterm R6, VT400, VT100+, SCO), rxvt and urxvt, the Linux console,
 * screen and tmux, GNOME and KDE terminals, Windows Terminal and OpenSSH for
 * Windows, SecureCRT and Xshell; plain and with Shift, Ctrl and Alt. A
 * sequence it does not know is consumed whole and spelt out for the status
 * line, never split into Esc and printable keys. No curses here: the screen
 * feeds characters in and takes keys out. */
#ifndef NIANBAO_KEYS_H
#define NIANBAO_KEYS_H
#include <stddef.h>
#include <stdint.h>

/* A key is a character (its code point) or one of these, above every
 * character, with modifier bits above both. */
#define KEYS_SPECIAL 0x110000
enum {
	KEYS_UP = KEYS_SPECIAL,
	KEYS_DOWN,
	KEYS_RIGHT,
	KEYS_LEFT,
	KEYS_HOME,
	KEYS_END,
	KEYS_INSERT,
	KEYS_DELETE,
	KEYS_PGUP,
	KEYS_PGDN,
	KEYS_BEGIN, /* the keypad's middle key */
	KEYS_F0,    /* KEYS_F(1) .. KEYS_F(20) follow */
	KEYS_PASTE_START = KEYS_F0 + 21,
	KEYS_PASTE_END,
	KEYS_MOUSE,
	KEYS_RESIZE,
	KEYS_UNKNOWN /* a sequence nothing here knows: keys_event.seq spells it */
};
#define KEYS_F(n) (KEYS_F0 + (n))
#define KEYS_SHIFT (1 << 22)
#define KEYS_ALT (1 << 23)
#define KEYS_CTRL (1 << 24)
#define KEYS_MODS (KEYS_SHIFT | KEYS_ALT | KEYS_CTRL)
#define KEYS_BTAB (KEYS_SHIFT | '\t')
#define KEYS_ESC 27
/* Backspace as terminals send it: DEL (most), or Ctrl-H (some, and Ctrl-H
 * itself) */
#define KEYS_BACKSPACE 127
#define KEYS_CTRL_H 8

struct keys_event {
	int key;
	int x, y;     /* KEYS_MOUSE: the cell, 0-based */
	int button;   /* KEYS_MOUSE: 0 1 2 pressed, 3 released, 64 65 wheel up, down */
	char seq[96]; /* KEYS_UNKNOWN: "ESC [ 9 9 ~" */
};

#define KEYS_MAX_SEQ 32

struct keys_def {
	uint32_t seq[KEYS_MAX_SEQ];
	int n, key;
};

struct keys {
	uint32_t pend[KEYS_MAX_SEQ]; /* a sequence begun: ESC and what followed */
	int n;
	int alt;               /* an ESC before the sequence: Alt held */
	int skip;              /* the rest of a sequence too long to keep, up to its end */
	struct keys_def *defs; /* the terminal's own, from terminfo */
	int ndefs;
};

void keys_init(struct keys *k);
void keys_free(struct keys *k);
/* Adds the terminal's own sequence for key (from its terminfo entry), used
 * only for a sequence the built-in table does not know. */
void keys_define(struct keys *k, const char *seq, int key);
/* 0: nothing pending; 1: a lone ESC (the caller waits the Esc delay for
 * more); 2: a sequence begun (the caller waits a little longer). */
int keys_pending(const struct keys *k);
/* Feeds one character; 1 when *ev holds a key, 0 when more is needed. */
int keys_feed(struct keys *k, uint32_t c, struct keys_event *ev);
/* Nothing more came in time: what is pending becomes a key (a lone Esc,
 * SCO's F1, or an unknown, cut-off sequence). 1 when *ev holds one. */
int keys_timeout(struct keys *k, struct keys_event *ev);
/* The key's name for messages: "Ctrl-Home", "F2", "Alt-x". */
void keys_name(int key, char *out, size_t n);

#endif
