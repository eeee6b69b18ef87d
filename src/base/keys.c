/* Decoding terminal input into keys. A sequence is read to its end by the
 * grammar terminals use (ECMA-48's CSI and SS3, plus the Linux console's
 * ESC [ [ A, rxvt's $ ^ @ endings and X10 mouse reports), then looked up;
 * so one the table lacks is still taken whole, never left to be read as
 * Esc followed by '[' and digits. */
#include "base/keys.h"

#include "base/width.h"
#include "base/xmalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void keys_init(struct keys *k)
{
	memset(k, 0, sizeof *k);
}

void keys_free(struct keys *k)
{
	free(k->defs);
	keys_init(k);
}

void keys_define(struct keys *k, const char *seq, int key)
{
	size_t n = strlen(seq);
	if (n < 2 || n > KEYS_MAX_SEQ || seq[0] != 27)
		return;
	k->defs = xreallocarray(k->defs, (size_t)k->ndefs + 1, sizeof *k->defs);
	struct keys_def *d = &k->defs[k->ndefs++];
	for (size_t i = 0; i < n; i++)
		d->seq[i] = (unsigned char)seq[i];
	d->n = (int)n;
	d->key = key;
}

int keys_pending(const struct keys *k)
{
	return k->n == 0 ? 0 : k->n == 1 ? 1 : 2;
}

/* xterm's modifier parameter: 1 + (1 Shift, 2 Alt, 4 Ctrl, 8 Meta). */
static int keys_mods(int m)
{
	if (m < 2)
		return 0;
	m--;
	return (m & 1 ? KEYS_SHIFT : 0) | (m & 10 ? KEYS_ALT : 0) | (m & 4 ? KEYS_CTRL : 0);
}

/* ESC [ n ~ and rxvt's ESC [ n $ ^ @. */
static int keys_tilde(int n)
{
	static const struct {
		int n, key;
	} t[] = {{1, KEYS_HOME},          {2, KEYS_INSERT},     {3, KEYS_DELETE}, {4, KEYS_END},
		 {5, KEYS_PGUP},          {6, KEYS_PGDN},       {7, KEYS_HOME},   {8, KEYS_END},
		 {11, KEYS_F(1)},         {12, KEYS_F(2)},      {13, KEYS_F(3)},  {14, KEYS_F(4)},
		 {15, KEYS_F(5)},         {17, KEYS_F(6)},      {18, KEYS_F(7)},  {19, KEYS_F(8)},
		 {20, KEYS_F(9)},         {21, KEYS_F(10)},     {23, KEYS_F(11)}, {24, KEYS_F(12)},
		 {25, KEYS_F(13)},        {26, KEYS_F(14)},     {28, KEYS_F(15)}, {29, KEYS_F(16)},
		 {31, KEYS_F(17)},        {32, KEYS_F(18)},     {33, KEYS_F(19)}, {34, KEYS_F(20)},
		 {200, KEYS_PASTE_START}, {201, KEYS_PASTE_END}};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (t[i].n == n)
			return t[i].key;
	return 0;
}

/* A final letter of CSI or SS3 that names a cursor key the same in both. */
static int keys_cursor(uint32_t f)
{
	switch (f) {
	case 'A':
		return KEYS_UP;
	case 'B':
		return KEYS_DOWN;
	case 'C':
		return KEYS_RIGHT;
	case 'D':
		return KEYS_LEFT;
	case 'H':
		return KEYS_HOME;
	case 'F':
		return KEYS_END;
	case 'E':
		return KEYS_BEGIN;
	default:
		return 0;
	}
}

/* The parameters of a sequence: up to four numbers, -1 where empty. */
static int keys_params(const uint32_t *s, int n, int *p, int *np)
{
	*np = 0;
	int cur = -1;
	for (int i = 0; i < n; i++) {
		if (s[i] >= '0' && s[i] <= '9') {
			cur = (cur < 0 ? 0 : cur) * 10 + (int)(s[i] - '0');
			if (cur > 9999)
				return -1;
		} else if (s[i] == ';') {
			if (*np == 4)
				return -1;
			p[(*np)++] = cur;
			cur = -1;
		} else {
			return -1; /* a private marker: nothing a key sends */
		}
	}
	if (n > 0) {
		if (*np == 4)
			return -1;
		p[(*np)++] = cur;
	}
	return 0;
}

/* CSI params final (s holds the params, f the final). */
static int keys_csi(const uint32_t *s, int n, uint32_t f, struct keys_event *ev)
{
	int p[4], np;
	if (n > 0 && s[0] == '<' && (f == 'M' || f == 'm')) {
		/* SGR mouse: ESC [ < b ; x ; y M (pressed) or m (released) */
		if (keys_params(s + 1, n - 1, p, &np) < 0 || np != 3 || p[0] < 0 || p[1] < 1 ||
		    p[2] < 1)
			return 0;
		ev->button = f == 'm' ? 3 : p[0] & ~(4 | 8 | 16);
		ev->x = p[1] - 1;
		ev->y = p[2] - 1;
		return KEYS_MOUSE;
	}
	if (keys_params(s, n, p, &np) < 0)
		return 0;
	int m = np >= 2 ? p[1] : 1;
	if (np > 2)
		return 0;
	switch (f) {
	case '~':
		return np >= 1 && keys_tilde(p[0]) ? keys_tilde(p[0]) | keys_mods(m) : 0;
	case '$': /* rxvt: Shift */
		return np == 1 && keys_tilde(p[0]) ? keys_tilde(p[0]) | KEYS_SHIFT : 0;
	case '^': /* rxvt: Ctrl */
		return np == 1 && keys_tilde(p[0]) ? keys_tilde(p[0]) | KEYS_CTRL : 0;
	case '@': /* rxvt: Ctrl-Shift */
		return np == 1 && keys_tilde(p[0]) ? keys_tilde(p[0]) | KEYS_CTRL | KEYS_SHIFT : 0;
	case 'Z':
		return np == 0 ? KEYS_BTAB : 0;
	case 'a': /* rxvt: Shift and an arrow */
	case 'b':
	case 'c':
	case 'd':
		return np == 0 ? keys_cursor(f - 'a' + 'A') | KEYS_SHIFT : 0;
	default:
		break;
	}
	if (np == 0 || (np == 2 && p[0] <= 1)) {
		if (keys_cursor(f))
			return keys_cursor(f) | keys_mods(m);
		if (np == 2 && f >= 'P' && f <= 'S') /* xterm: ESC [ 1 ; 5 P is Ctrl-F1 */
			return KEYS_F(1 + (int)(f - 'P')) | keys_mods(m);
	}
	if (np == 0) {
		/* PuTTY's SCO mode (ESC [ M, F1, is the mouse's prefix: only a
		 * lone one, cut off by the delay, is F1) */
		if (f >= 'N' && f <= 'X')
			return KEYS_F(1 + (int)(f - 'M'));
		if (f == 'G')
			return KEYS_PGDN;
		if (f == 'I')
			return KEYS_PGUP;
		if (f == 'L')
			return KEYS_INSERT;
	}
	return 0;
}

/* SS3 final, after optional modifier digits (ESC O 5 A from old xterms). */
static int keys_ss3(const uint32_t *s, int n, uint32_t f)
{
	int p[4], np;
	if (keys_params(s, n, p, &np) < 0 || np > 2)
		return 0;
	int mods = keys_mods(np == 0 ? 1 : p[np - 1]);
	if (keys_cursor(f))
		return keys_cursor(f) | mods;
	if (f >= 'P' && f <= 'S')
		return KEYS_F(1 + (int)(f - 'P')) | mods;
	if (np > 0)
		return 0;
	/* PuTTY's VT100+ mode: F5 .. F12 as ESC O T .. ESC O [ */
	if (f >= 'T' && f <= '[')
		return KEYS_F(5 + (int)(f - 'T'));
	if (f >= 'a' && f <= 'd') /* rxvt: Ctrl and an arrow */
		return keys_cursor(f - 'a' + 'A') | KEYS_CTRL;
	/* the keypad in application mode types what its keys show */
	if (f >= 'p' && f <= 'y')
		return '0' + (int)(f - 'p');
	switch (f) {
	case 'M':
		return '\r';
	case 'j':
		return '*';
	case 'k':
		return '+';
	case 'l':
		return ',';
	case 'm':
		return '-';
	case 'n':
		return '.';
	case 'o':
		return '/';
	default:
		return 0;
	}
}

/* Is the pending sequence complete? */
static int keys_complete(const struct keys *k)
{
	const uint32_t *s = k->pend;
	int n = k->n;
	uint32_t last = s[n - 1];
	if (n < 3)
		return 0;
	if (s[1] == 'O')
		return last >= 0x40 && last <= 0x7E;
	/* CSI */
	if (s[2] == '[') /* the Linux console's ESC [ [ A .. E */
		return n == 4;
	if (s[2] == 'M' && n >= 3) /* X10 mouse: three bytes follow, any values */
		return n == 6;
	if (s[2] == '<')
		return n > 3 && (last == 'M' || last == 'm');
	return (last >= 0x40 && last <= 0x7E) || (last == '$' && n > 3);
}

static void keys_spell(const uint32_t *s, int n, char *out, size_t size)
{
	size_t used = 0;
	out[0] = '\0';
	for (int i = 0; i < n && used + 12 < size; i++) {
		int w;
		if (s[i] == 27)
			w = snprintf(out + used, size - used, "%sESC", i ? " " : "");
		else if (s[i] > 0x20 && s[i] < 0x7F)
			w = snprintf(out + used, size - used, " %c", (char)s[i]);
		else
			w = snprintf(out + used, size - used, " U+%04X", (unsigned)s[i]);
		used += (size_t)w;
	}
}

static void keys_unknown(struct keys *k, int n, struct keys_event *ev)
{
	ev->key = KEYS_UNKNOWN;
	keys_spell(k->pend, n, ev->seq, sizeof ev->seq);
}

/* The key of the complete sequence pend[0..n). */
static void keys_decode(struct keys *k, struct keys_event *ev)
{
	const uint32_t *s = k->pend;
	int n = k->n, key = 0;
	if (s[1] == 'O') {
		key = keys_ss3(s + 2, n - 3, s[n - 1]);
	} else if (s[2] == '[') {
		if (s[3] >= 'A' && s[3] <= 'E')
			key = KEYS_F(1 + (int)(s[3] - 'A'));
	} else if (s[2] == 'M' && n == 6) {
		int b = (int)s[3] - 32;
		ev->button = (b & 3) == 3 && b < 64 ? 3 : b & ~(4 | 8 | 16);
		ev->x = (int)s[4] - 33;
		ev->y = (int)s[5] - 33;
		key = ev->x >= 0 && ev->y >= 0 ? KEYS_MOUSE : 0;
	} else {
		key = keys_csi(s + 2, n - 3, s[n - 1], ev);
	}
	for (int i = 0; key == 0 && i < k->ndefs; i++)
		if (k->defs[i].n == n && memcmp(k->defs[i].seq, s, (size_t)n * sizeof *s) == 0)
			key = k->defs[i].key;
	if (key == 0) {
		keys_unknown(k, n, ev);
	} else {
		ev->key = key;
		if (k->alt && key != KEYS_MOUSE && key != KEYS_PASTE_START && key != KEYS_PASTE_END)
			ev->key |= KEYS_ALT;
	}
	k->n = 0;
	k->alt = 0;
}

int keys_feed(struct keys *k, uint32_t c, struct keys_event *ev)
{
	memset(ev, 0, sizeof *ev);
	if (k->skip) {
		/* already reported: its last parameters and its final go too */
		if (c >= 0x20 && c <= 0x7E) {
			k->skip = c < 0x40;
			return 0;
		}
		k->skip = 0;
	}
	if (k->n == 0) {
		if (c == 27 || c == 0x9B || c == 0x8F) {
			/* ESC, or the one-character CSI and SS3 of 8-bit terminals */
			k->pend[0] = 27;
			k->n = 1;
			if (c != 27)
				k->pend[k->n++] = c == 0x9B ? '[' : 'O';
			return 0;
		}
		ev->key = (int)c;
		return 1;
	}
	if (k->n == 1) {
		if (c == 27 && !k->alt) {
			k->alt = 1; /* ESC ESC [ A: Alt and Up, from rxvt */
			return 0;
		}
		if (c == '[' || c == 'O') {
			k->pend[k->n++] = c;
			return 0;
		}
		/* Alt and a character (or Esc twice) */
		ev->key = c == 27 ? KEYS_ESC : (int)c | KEYS_ALT;
		k->n = 0;
		k->alt = 0;
		return 1;
	}
	int mouse = k->pend[1] == '[' && k->n >= 3 && k->pend[2] == 'M';
	if (!mouse && (c < 0x20 || c > 0x7E)) {
		/* not part of any sequence: what came so far is an unknown key, and
		 * this character ends it (an ESC starts the next one) */
		if (c == 27) {
			keys_unknown(k, k->n, ev);
			k->n = 1;
			k->pend[0] = 27;
			k->alt = 0;
			return 1;
		}
		k->pend[k->n++] = c;
		keys_unknown(k, k->n, ev);
		k->n = 0;
		k->alt = 0;
		return 1;
	}
	k->pend[k->n++] = c;
	if (keys_complete(k)) {
		keys_decode(k, ev);
		return 1;
	}
	if (k->n == KEYS_MAX_SEQ) {
		keys_unknown(k, k->n, ev);
		k->n = 0;
		k->alt = 0;
		k->skip = 1;
		return 1;
	}
	return 0;
}

int keys_timeout(struct keys *k, struct keys_event *ev)
{
	memset(ev, 0, sizeof *ev);
	if (k->n == 0)
		return 0;
	if (k->n == 1)
		ev->key = KEYS_ESC;
	else if (k->n == 3 && k->pend[1] == '[' && k->pend[2] == 'M')
		ev->key = KEYS_F(1) | (k->alt ? KEYS_ALT : 0); /* PuTTY SCO's F1 */
	else if (k->n == 2)
		ev->key = (int)k->pend[1] | KEYS_ALT; /* Alt-[ or Alt-O */
	else
		keys_unknown(k, k->n, ev);
	k->n = 0;
	k->alt = 0;
	return 1;
}

void keys_name(int key, char *out, size_t n)
{
	static const char *const names[] = {"Up",     "Down",   "Right", "Left", "Home", "End",
					    "Insert", "Delete", "PgUp",  "PgDn", "Begin"};
	char base[32];
	int k = key & ~KEYS_MODS;
	if (k >= KEYS_UP && k <= KEYS_BEGIN)
		snprintf(base, sizeof base, "%s", names[k - KEYS_UP]);
	else if (k > KEYS_F0 && k <= KEYS_F(20))
		snprintf(base, sizeof base, "F%d", k - KEYS_F0);
	else if (k == '\t')
		snprintf(base, sizeof base, "Tab");
	else if (k == '\r' || k == '\n')
		snprintf(base, sizeof base, "Enter");
	else if (k == 27)
		snprintf(base, sizeof base, "Esc");
	else if (k > 0 && k < 32)
		snprintf(base, sizeof base, "Ctrl-%c", '@' + k);
	else if (k >= 32 && k < KEYS_SPECIAL)
		width_encode((uint32_t)k, base);
	else
		snprintf(base, sizeof base, "key %d", k);
	snprintf(out, n, "%s%s%s%s", key & KEYS_CTRL ? "Ctrl-" : "", key & KEYS_ALT ? "Alt-" : "",
		 key & KEYS_SHIFT ? "Shift-" : "", base);
}
