/* The edit line of a cell: keys filtered by the cell's type, so that letters
 * never enter a count and a sign only a signed cell. */
#include "tui.h"

#include <curses.h>
#include <string.h>

void edit_start(struct edit *ed, const char *initial)
{
	ed->active = 1;
	snprintf(ed->text, sizeof ed->text, "%s", initial);
	ed->len = (int)strlen(ed->text);
	ed->pos = ed->len;
}

static int edit_places(const struct edit *ed)
{
	const char *dot = memchr(ed->text, '.', (size_t)ed->len);
	return dot ? (int)(ed->text + ed->len - dot - 1) : -1;
}

static int edit_insert(struct edit *ed, char c)
{
	if (ed->len + 1 >= (int)sizeof ed->text)
		return 0;
	memmove(ed->text + ed->pos + 1, ed->text + ed->pos, (size_t)(ed->len - ed->pos + 1));
	ed->text[ed->pos++] = c;
	ed->len++;
	return 1;
}

int edit_key(struct edit *ed, int key, const struct celltype *t, const char **why)
{
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
			memmove(ed->text + ed->pos - 1, ed->text + ed->pos,
				(size_t)(ed->len - ed->pos + 1));
			ed->pos--, ed->len--;
		}
		return 1;
	case KEY_DC:
		if (ed->pos < ed->len) {
			memmove(ed->text + ed->pos, ed->text + ed->pos + 1,
				(size_t)(ed->len - ed->pos));
			ed->len--;
		}
		return 1;
	default:
		break;
	}
	if (key >= '0' && key <= '9') {
		const char *dot = memchr(ed->text, '.', (size_t)ed->len);
		if (dot != NULL && ed->pos > dot - ed->text && edit_places(ed) >= t->places) {
			*why = _("no more decimal places in this cell");
			return -1;
		}
		if (ed->pos == 0 && ed->len > 0 && (ed->text[0] == '-' || ed->text[0] == '+')) {
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
		if (ed->pos != 0 || (ed->len > 0 && (ed->text[0] == '-' || ed->text[0] == '+'))) {
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
		if (memchr(ed->text, '.', (size_t)ed->len) != NULL) {
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
