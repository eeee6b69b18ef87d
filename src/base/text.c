/* Text rules and quoting. */
#include "base/text.h"
#include "base/i18n.h"

#include "base/buf.h"
#include "base/textclass.h"
#include "base/width.h"
#include "base/xmalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* 0: fine anywhere; 1: only in prose (TAB, LF); 2: nowhere in a line, fine
 * in prose (zero-width and other invisible characters); 3: nowhere. Beyond
 * ASCII, by the one table made from Unicode's properties (textclass.h). */
static int text_class(uint32_t c)
{
	if (c == '\t' || c == '\n')
		return 1;
	if (c < 0x20 || c == 0x7F)
		return 3;
	if (c >= TEXTCLASS_CLEAR_LO && c <= TEXTCLASS_CLEAR_HI)
		return 0;
	size_t lo = 0, hi = sizeof textclass_ranges / sizeof textclass_ranges[0];
	if (c < textclass_ranges[0].lo)
		return 0;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (c < textclass_ranges[mid].lo)
			hi = mid;
		else if (c > textclass_ranges[mid].hi)
			lo = mid + 1;
		else
			return textclass_ranges[mid].cls;
	}
	return 0;
}

int text_invisible(uint32_t c)
{
	return c >= 0x80 && text_class(c) >= 2;
}

int text_check(const char *s, enum text_kind kind, size_t *bad, const char **why)
{
	size_t n = strlen(s);
	/* printable ASCII, most of any file, is passed over a word at a time */
	for (size_t i = 0; (i += width_printable_run(s + i, n - i)) < n;) {
		uint32_t cp;
		int k = width_decode(s + i, n - i, &cp);
		if (k < 0) {
			*bad = i;
			*why = _("is not valid UTF-8");
			return -1;
		}
		int cls = text_class(cp);
		if (cls == 3 || (cls >= 1 && kind == TEXT_LINE)) {
			*bad = i;
			*why = cls == 3 && cp >= 0x200 ? _("holds a character that reorders text")
			       : cls == 2              ? _("holds an invisible character")
			       : cls == 1              ? _("must be one line, without tabs")
						       : _("holds a control character");
			return -1;
		}
		i += (size_t)k;
	}
	return 0;
}

char *text_quote(const char *s, size_t max)
{
	/* most text has nothing to quote (what a line may hold is what is
	 * not quoted) and is short: copied as it is */
	size_t n = strlen(s), bad;
	const char *why;
	if (text_check(s, TEXT_LINE, &bad, &why) == 0 && (size_t)width_chars(s, n) <= max)
		return xstrdup(s);
	struct buf b;
	buf_init(&b);
	size_t chars = 0;
	for (size_t i = 0; i < n; chars++) {
		if (chars == max) {
			buf_puts(&b, "...");
			break;
		}
		uint32_t cp;
		int k = width_decode(s + i, n - i, &cp);
		if (k < 0) {
			buf_printf(&b, "\\x%02X", (unsigned char)s[i]);
			i++;
			continue;
		}
		if (text_class(cp) == 0)
			buf_add(&b, s + i, (size_t)k);
		else if (cp < 0x80)
			buf_printf(&b, "\\x%02X", (unsigned)cp);
		else
			buf_printf(&b, "\\u%04X", (unsigned)cp);
		i += (size_t)k;
	}
	return b.data;
}

const char *text_name(const char *s)
{
	static char *ring[16];
	static unsigned next;
	size_t bad;
	const char *why;
	if (s == NULL || text_check(s, TEXT_LINE, &bad, &why) == 0)
		return s;
	unsigned k = next++ % 16;
	free(ring[k]);
	ring[k] = text_quote(s, 4096);
	return ring[k];
}

char *text_strip(const char *s, enum text_kind kind, int *gone)
{
	struct buf b;
	buf_init(&b);
	*gone = 0;
	for (size_t i = 0; s[i];) {
		uint32_t cp;
		int k = width_decode(s + i, WIDTH_MAX_BYTES, &cp);
		if (k < 0) {
			(*gone)++;
			i++;
			continue;
		}
		int cls = text_class(cp);
		if (cls == 3 || (cls >= 1 && kind == TEXT_LINE))
			(*gone)++;
		else
			buf_add(&b, s + i, (size_t)k);
		i += (size_t)k;
	}
	return b.data;
}

char *text_paragraph(const char **p)
{
	while (*p != NULL && **p) {
		const char *s = *p, *e = strchr(s, '\n');
		size_t n = e ? (size_t)(e - s) : strlen(s);
		*p = e ? e + 1 : NULL;
		if (n > 0)
			return xstrndup(s, n);
	}
	return NULL;
}
