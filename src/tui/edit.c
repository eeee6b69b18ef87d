/* The edit line: what is being typed into a cell, a header field, a search
 * or a file name. It keeps every character as typed, so what the clerk sees
 * is what was typed; a cell's value is read from it only when it is
 * committed (value_input), and a character the cell cannot take is named
 * at once and keeps the value from being committed until it is removed. */
#include "tui/tui.h"

#include "base/xmalloc.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

void edit_start(struct edit *ed, const char *initial)
{
	edit_start_text(ed, initial);
	ed->text = 0;
}

void edit_start_text(struct edit *ed, const char *initial)
{
	ed->text = 1;
	snprintf(ed->buf, sizeof ed->buf, "%s", initial ? initial : "");
	ed->len = (int)strlen(ed->buf);
	ed->pos = ed->len;
}

int edit_cursor_cols(const struct edit *ed, int amb)
{
	return width_strn_amb(ed->buf, (size_t)ed->pos, amb);
}

/* Bytes of the character before (dir < 0) or at (dir > 0) the cursor. */
static int edit_char_len(const struct edit *ed, int dir)
{
	int p = ed->pos;
	if (dir < 0) {
		if (p == 0)
			return 0;
		int q = p - 1;
		while (q > 0 && ((unsigned char)ed->buf[q] & 0xC0) == 0x80)
			q--;
		return p - q;
	}
	if (p >= ed->len)
		return 0;
	int q = p + 1;
	while (q < ed->len && ((unsigned char)ed->buf[q] & 0xC0) == 0x80)
		q++;
	return q - p;
}

/* A number's line holds what a long figure needs, typed full-width. */
#define EDIT_NUMBER_MAX 160

static int edit_insert(struct edit *ed, const char *mb, int k)
{
	int cap = ed->text ? (int)sizeof ed->buf : EDIT_NUMBER_MAX;
	if (ed->len + k + 1 > cap)
		return 0;
	memmove(ed->buf + ed->pos + k, ed->buf + ed->pos, (size_t)(ed->len - ed->pos + 1));
	memcpy(ed->buf + ed->pos, mb, (size_t)k);
	ed->pos += k;
	ed->len += k;
	return 1;
}

/* Removes what is between from and the cursor. */
static void edit_cut(struct edit *ed, int from)
{
	memmove(ed->buf + from, ed->buf + ed->pos, (size_t)(ed->len - ed->pos + 1));
	ed->len -= ed->pos - from;
	ed->pos = from;
}

/* Where the word before the cursor begins: spaces back, then to the next
 * space (a run of Chinese without spaces is one word, as in readline). */
static int edit_word_start(const struct edit *ed)
{
	int p = ed->pos;
	while (p > 0 && (ed->buf[p - 1] == ' ' || ed->buf[p - 1] == '\t'))
		p--;
	while (p > 0 && ed->buf[p - 1] != ' ' && ed->buf[p - 1] != '\t')
		p--;
	return p;
}

int edit_key(struct edit *ed, int key, const struct celltype *t, const char **why)
{
	int n;
	switch (key) {
	case KEYS_LEFT:
		ed->pos -= edit_char_len(ed, -1);
		return 1;
	case KEYS_RIGHT:
		ed->pos += edit_char_len(ed, 1);
		return 1;
	case KEYS_HOME:
	case 1: /* Ctrl-A */
		ed->pos = 0;
		return 1;
	case KEYS_END:
	case 5: /* Ctrl-E */
		ed->pos = ed->len;
		return 1;
	case KEYS_BACKSPACE:
	case KEYS_CTRL_H:
		n = edit_char_len(ed, -1);
		memmove(ed->buf + ed->pos - n, ed->buf + ed->pos, (size_t)(ed->len - ed->pos + 1));
		ed->pos -= n, ed->len -= n;
		return 1;
	case KEYS_DELETE:
		n = edit_char_len(ed, 1);
		memmove(ed->buf + ed->pos, ed->buf + ed->pos + n,
			(size_t)(ed->len - ed->pos - n + 1));
		ed->len -= n;
		return 1;
	case 21: /* Ctrl-U: all before the cursor */
		edit_cut(ed, 0);
		return 1;
	case 11: /* Ctrl-K: all after it */
		ed->buf[ed->pos] = '\0';
		ed->len = ed->pos;
		return 1;
	case 23: /* Ctrl-W, Alt-Backspace: the word before it */
	case KEYS_ALT | KEYS_BACKSPACE:
	case KEYS_ALT | 8:
		edit_cut(ed, edit_word_start(ed));
		return 1;
	default:
		break;
	}
	if (key < 32 || key == KEYS_BACKSPACE || key >= KEYS_SPECIAL)
		return 0;
	char mb[8];
	int k = width_encode((uint32_t)key, mb);
	if (!edit_insert(ed, mb, k)) {
		*why = _("too long");
		return -1;
	}
	if (!ed->text && t != NULL && t->kind != CELL_TEXT) {
		/* kept, so nothing typed goes missing, but named at once */
		int c = value_input_char((uint32_t)key);
		if (c == 0) {
			*why = t->kind == CELL_COUNT || t->kind == CELL_SIGNED
				   ? _("cannot be in a whole number")
				   : _("cannot be in a number");
			return -1;
		}
		if ((c == '-' || c == '+') && t->kind != CELL_SIGNED) {
			*why = _("this cell takes no sign: it cannot be negative");
			return -1;
		}
		if (c == '.' && t->kind != CELL_FIXED && t->kind != CELL_DECIMAL) {
			*why = _("this cell takes whole numbers only");
			return -1;
		}
	}
	return 1;
}

void edit_draw(const struct app *a, int y, const char *label)
{
	/* the end being typed stays in view: a long name loses its start */
	const char *text = a->ed.buf;
	int start = 0, lw = width_str_amb(label, a->amb) + 1;
	while (start < a->ed.pos &&
	       lw + (start > 0) +
		       width_strn_amb(text + start, (size_t)(a->ed.pos - start), a->amb) >=
		   a->cols) {
		start++;
		while (start < a->ed.pos && ((unsigned char)text[start] & 0xC0) == 0x80)
			start++;
	}
	char *line = xasprintf("%s %s%s", label, start > 0 ? "<" : "", text + start);
	move(y, 0);
	attron(A_BOLD);
	screen_text(a, line, a->cols, ALIGN_LEFT);
	attrset(A_NORMAL);
	/* the cursor where the next character goes */
	int w =
	    lw + (start > 0) + width_strn_amb(text + start, (size_t)(a->ed.pos - start), a->amb);
	move(y, w < a->cols ? w : a->cols - 1);
	leaveok(stdscr, FALSE); /* the cursor shown where it is moved to */
	curs_set(1);
	free(line);
}
