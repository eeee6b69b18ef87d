/* Text rules and quoting. */
#include "text.h"

#include "buf.h"
#include "width.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* 0: fine anywhere; 1: only in prose (TAB, LF); 2: nowhere in a line, fine
 * in prose (zero-width and other invisible characters); 3: nowhere. */
static int text_class(uint32_t c)
{
	if (c == '\t' || c == '\n')
		return 1;
	if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0))
		return 3;
	if (c == 0x061C || c == 0x200E || c == 0x200F || (c >= 0x202A && c <= 0x202E) ||
	    (c >= 0x2066 && c <= 0x2069))
		return 3; /* bidirectional controls */
	if ((c >= 0x200B && c <= 0x200D) || c == 0x2028 || c == 0x2029 || c == 0x2060 ||
	    c == 0xFEFF || c == 0x00AD)
		return 2;
	return 0;
}

int text_check(const char *s, enum text_kind kind, size_t *bad, const char **why)
{
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x7F) { /* printable ASCII: most of any file */
			i++;
			continue;
		}
		uint32_t cp;
		int k = width_decode(s + i, n - i, &cp);
		if (k < 0) {
			*bad = i;
			*why = "is not valid UTF-8";
			return -1;
		}
		int cls = text_class(cp);
		if (cls == 3 || (cls >= 1 && kind == TEXT_LINE)) {
			*bad = i;
			*why = cls == 3 && cp >= 0x200 ? "holds a character that reorders text"
			       : cls == 2              ? "holds an invisible character"
			       : cls == 1              ? "must be one line, without tabs"
						       : "holds a control character";
			return -1;
		}
		i += (size_t)k;
	}
	return 0;
}

char *text_quote(const char *s, size_t max)
{
	struct buf b;
	buf_init(&b);
	size_t n = strlen(s), chars = 0;
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
