/* The edit line of a cell: keys filtered by the cell's type, so that letters
 * never enter a count and a sign only a signed cell. */
#include "tui.h"

#include <curses.h>
#include <stdlib.h>
#include <string.h>

void edit_start(struct edit *ed, const char *initial)
{
	ed->active = 1;
	ed->text = 0;
	snprintf(ed->buf, 64, "%s", initial);
	ed->len = (int)strlen(ed->buf);
	ed->pos = ed->len;
}

void edit_start_text(struct edit *ed, const char *initial)
{
	edit_start(ed, "");
	ed->text = 1;
	snprintf(ed->buf, sizeof ed->buf, "%s", initial ? initial : "");
	ed->len = (int)strlen(ed->buf);
	ed->pos = ed->len;
}

int edit_cursor_cols(const struct edit *ed)
{
	return width_strn(ed->buf, (size_t)ed->pos);
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

static int edit_places(const struct edit *ed)
{
	const char *dot = memchr(ed->buf, '.', (size_t)ed->len);
	return dot ? (int)(ed->buf + ed->len - dot - 1) : -1;
}

static int edit_insert(struct edit *ed, char c)
{
	if (ed->len + 1 >= (ed->text ? (int)sizeof ed->buf : 63))
		return 0;
	memmove(ed->buf + ed->pos + 1, ed->buf + ed->pos, (size_t)(ed->len - ed->pos + 1));
	ed->buf[ed->pos++] = c;
	ed->len++;
	return 1;
}

int edit_key(struct edit *ed, int key, const struct celltype *t, const char **why)
{
	if (ed->text) {
		int n;
		if (key == KEY_LEFT) {
			ed->pos -= edit_char_len(ed, -1);
		} else if (key == KEY_RIGHT) {
			ed->pos += edit_char_len(ed, 1);
		} else if (key == KEY_BACKSPACE || key == 127 || key == 8) {
			n = edit_char_len(ed, -1);
			memmove(ed->buf + ed->pos - n, ed->buf + ed->pos,
				(size_t)(ed->len - ed->pos + 1));
			ed->pos -= n, ed->len -= n;
		} else if (key == KEY_DC) {
			n = edit_char_len(ed, 1);
			memmove(ed->buf + ed->pos, ed->buf + ed->pos + n,
				(size_t)(ed->len - ed->pos - n + 1));
			ed->len -= n;
		} else if (key == KEY_HOME || key == 1) {
			ed->pos = 0;
		} else if (key == KEY_END || key == 5) {
			ed->pos = ed->len;
		} else if ((key >= 32 && key < 127) || key >= APP_CHAR) {
			char mb[8];
			int k = key >= APP_CHAR ? wctomb(mb, (wchar_t)(key - APP_CHAR))
						: (mb[0] = (char)key, 1);
			for (int i = 0; i < k; i++)
				if (!edit_insert(ed, mb[i]))
					return -1;
		} else {
			return 0;
		}
		return 1;
	}
	switch (key) {
	case KEY_LEFT:
		ed->pos -= ed->pos > 0;
		return 1;
	case KEY_RIGHT:
		ed->pos += ed->pos < ed->len;
		return 1;
	case KEY_HOME:
	case 1: /* Ctrl-A */
		ed->pos = 0;
		return 1;
	case KEY_END:
	case 5: /* Ctrl-E */
		ed->pos = ed->len;
		return 1;
	case KEY_BACKSPACE:
	case 127:
	case 8:
		if (ed->pos > 0) {
			memmove(ed->buf + ed->pos - 1, ed->buf + ed->pos,
				(size_t)(ed->len - ed->pos + 1));
			ed->pos--, ed->len--;
		}
		return 1;
	case KEY_DC:
		if (ed->pos < ed->len) {
			memmove(ed->buf + ed->pos, ed->buf + ed->pos + 1,
				(size_t)(ed->len - ed->pos));
			ed->len--;
		}
		return 1;
	default:
		break;
	}
	if (key >= '0' && key <= '9') {
		const char *dot = memchr(ed->buf, '.', (size_t)ed->len);
		if (dot != NULL && ed->pos > dot - ed->buf && edit_places(ed) >= t->places) {
			*why = _("no more decimal places in this cell");
			return -1;
		}
		if (ed->pos == 0 && ed->len > 0 && (ed->buf[0] == '-' || ed->buf[0] == '+')) {
			*why = _("digits go after the sign");
			return -1;
		}
		return edit_insert(ed, (char)key) ? 1 : -1;
	}
	if (key == '-' || key == '+') {
		if (t->kind != CELL_SIGNED) {
			*why = _("this cell takes no sign: it cannot be negative");
			return -1;
		}
		if (ed->pos != 0 || (ed->len > 0 && (ed->buf[0] == '-' || ed->buf[0] == '+'))) {
			*why = _("a sign goes first, once");
			return -1;
		}
		return edit_insert(ed, (char)key) ? 1 : -1;
	}
	if (key == '.') {
		if (t->kind != CELL_FIXED && t->kind != CELL_DECIMAL) {
			*why = _("this cell takes whole numbers only");
			return -1;
		}
		if (memchr(ed->buf, '.', (size_t)ed->len) != NULL) {
			*why = _("a number has one decimal point");
			return -1;
		}
		if ((ed->len - ed->pos) > t->places) {
			*why = _("no more decimal places in this cell");
			return -1;
		}
		return edit_insert(ed, '.') ? 1 : -1;
	}
	if (key >= 32 && key < 127) {
		*why = t->kind == CELL_COUNT ? _("this cell takes a count: digits only")
					     : _("this cell takes a number");
		return -1;
	}
	return 0;
}
