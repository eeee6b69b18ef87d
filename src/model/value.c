/* Exact fixed-point numbers and cell types. */
#include "model/value.h"
#include "base/i18n.h"
#include "base/buf.h"
#include "base/text.h"
#include "base/width.h"
#include "base/xmalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const int64_t value_pow10[] = {1,       10,       100,       1000,       10000,      100000,
				      1000000, 10000000, 100000000, 1000000000, 10000000000};

int celltype_parse(const char *s, struct celltype *t)
{
	t->places = 0;
	if (strcmp(s, "count") == 0) {
		t->kind = CELL_COUNT;
		return 0;
	}
	if (strcmp(s, "integer") == 0) {
		t->kind = CELL_SIGNED;
		return 0;
	}
	if (strcmp(s, "text") == 0) {
		t->kind = CELL_TEXT;
		return 0;
	}
	const char *arg;
	if (strncmp(s, "fixed(", 6) == 0) {
		t->kind = CELL_FIXED;
		arg = s + 6;
	} else if (strncmp(s, "decimal(", 8) == 0) {
		t->kind = CELL_DECIMAL;
		arg = s + 8;
	} else {
		return -1;
	}
	if (arg[0] < '1' || arg[0] > '9' || strcmp(arg + 1, ")") != 0)
		return -1;
	t->places = arg[0] - '0';
	return 0;
}

void celltype_format(const struct celltype *t, struct buf *b)
{
	switch (t->kind) {
	case CELL_COUNT:
		buf_puts(b, "count");
		break;
	case CELL_SIGNED:
		buf_puts(b, "integer");
		break;
	case CELL_FIXED:
		buf_printf(b, "fixed(%d)", t->places);
		break;
	case CELL_DECIMAL:
		buf_printf(b, "decimal(%d)", t->places);
		break;
	case CELL_TEXT:
		buf_puts(b, "text");
		break;
	}
}

static int value_digits(const char *s, size_t n)
{
	if (n == 0)
		return 0;
	for (size_t i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

int value_parse(const char *s, const struct celltype *t, struct value *v, const char **why)
{
	return value_parse_len(s, strlen(s), t, v, why);
}

int value_parse_len(const char *s, size_t n, const struct celltype *t, struct value *v,
		    const char **why)
{
	memset(v, 0, sizeof *v);
	/* most figures of a file */
	if ((t->kind == CELL_COUNT || t->kind == CELL_SIGNED) && value_figure(s, n, &v->num)) {
		v->kind = VAL_NUM;
		return 0;
	}
	while (n > 0 && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n == 0) {
		v->kind = VAL_BLANK;
		return 0;
	}
	if (t->kind == CELL_TEXT) {
		v->kind = VAL_TEXT;
		v->text = xstrndup(s, n);
		return 0;
	}
	int neg = 0;
	if (s[0] == '-' || s[0] == '+') {
		if (t->kind != CELL_SIGNED) {
			*why = s[0] == '-' ? _("must not be negative") : _("takes no sign");
			return -1;
		}
		neg = s[0] == '-';
		s++, n--;
	}
	const char *dot = memchr(s, '.', n);
	size_t ilen = dot ? (size_t)(dot - s) : n;
	size_t flen = dot ? n - ilen - 1 : 0;
	if (!value_digits(s, ilen) || (dot && !value_digits(dot + 1, flen))) {
		*why = t->kind == CELL_COUNT || t->kind == CELL_SIGNED ? _("is not a whole number")
								       : _("is not a number");
		return -1;
	}
	if (dot && (t->kind == CELL_COUNT || t->kind == CELL_SIGNED)) {
		*why = _("is not a whole number");
		return -1;
	}
	if ((int)flen > t->places) {
		*why = _("has too many decimal places");
		return -1;
	}
	int scale = t->kind == CELL_FIXED ? t->places : (int)flen;
	int64_t x = 0;
	for (size_t i = 0; i < ilen + flen + 1; i++) {
		char c;
		if (i < ilen)
			c = s[i];
		else if (i == ilen)
			continue;
		else
			c = dot[i - ilen];
		if (__builtin_mul_overflow(x, 10, &x) || __builtin_add_overflow(x, c - '0', &x))
			goto overflow;
	}
	for (int k = (int)flen; k < scale; k++)
		if (__builtin_mul_overflow(x, 10, &x))
			goto overflow;
	v->kind = VAL_NUM;
	v->num = neg ? -x : x;
	v->scale = scale;
	return 0;
overflow:
	*why = _("is too large");
	return -1;
}

int value_input_char(uint32_t cp)
{
	if (cp >= '0' && cp <= '9')
		return (int)cp;
	if (cp >= 0xFF10 && cp <= 0xFF19) /* full-width digits */
		return '0' + (int)(cp - 0xFF10);
	switch (cp) {
	case '.':
	case 0xFF0E: /* ． */
	case 0x3002: /* 。 */
	case 0xFF61: /* ｡ */
		return '.';
	case '+':
	case 0xFF0B: /* ＋ */
		return '+';
	case '-':
	case 0xFF0D: /* － */
	case 0x2212: /* − */
		return '-';
	case ',':
	case 0xFF0C: /* ， */
		return ',';
	case ' ':
	case '\t':
	case 0x3000: /* the full-width space */
	case 0x00A0: /* no-break space, from spreadsheets */
		return ' ';
	default:
		return 0;
	}
}

void value_char_name(uint32_t cp, char out[16])
{
	/* what text.c keeps out of a line (controls, bidi, invisible) and a
	 * space are named by number: one rule for what does not print */
	size_t bad;
	const char *why;
	if (cp > 0x10FFFF || cp == ' ' ||
	    (width_encode(cp, out), text_check(out, TEXT_LINE, &bad, &why) < 0))
		snprintf(out, 16, "U+%04X", (unsigned)cp);
}

/* Thousands separators: only in the whole part, the first group of one to
 * three digits, every other of exactly three. Removes them in place. */
static int value_ungroup(char *s)
{
	char *comma = strchr(s, ',');
	if (comma == NULL)
		return 0;
	char *start = s + (*s == '-' || *s == '+');
	char *dot = strchr(s, '.');
	char *end = dot ? dot : s + strlen(s);
	if (dot && strchr(dot, ',') != NULL)
		return -1;
	int run = 0, groups = 0;
	for (char *p = start; p < end; p++) {
		if (*p == ',') {
			if (run == 0 || (groups == 0 ? run > 3 : run != 3))
				return -1;
			groups++;
			run = 0;
		} else {
			run++;
		}
	}
	if (run != 3)
		return -1;
	char *w = s;
	for (char *p = s; *p; p++)
		if (*p != ',')
			*w++ = *p;
	*w = '\0';
	return 0;
}

int value_input(const char *s, const struct celltype *t, struct value *v, const char **why,
		char bad[16])
{
	bad[0] = '\0';
	memset(v, 0, sizeof *v);
	size_t n = strlen(s);
	if (t->kind == CELL_TEXT)
		return value_parse(s, t, v, why);
	char *ascii = xmalloc(n + 1), *w = ascii;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		int len = width_decode(s + i, n - i, &cp);
		if (len < 0) {
			snprintf(bad, 16, "\\x%02X", (unsigned char)s[i]);
			*why = _("is not valid UTF-8 text");
			free(ascii);
			return -1;
		}
		int c = value_input_char(cp);
		if (c == 0) {
			value_char_name(cp, bad);
			*why = t->kind == CELL_COUNT || t->kind == CELL_SIGNED
				   ? _("cannot be in a whole number")
				   : _("cannot be in a number");
			free(ascii);
			return -1;
		}
		*w++ = (char)c;
		i += (size_t)len;
	}
	*w = '\0';
	/* spaces around the number go; one inside it is a fault */
	char *p = ascii;
	while (*p == ' ')
		p++;
	size_t m = strlen(p);
	while (m > 0 && p[m - 1] == ' ')
		p[--m] = '\0';
	int rc = -1;
	if (strchr(p, ' ') != NULL) {
		*why = _("has a space inside the number");
	} else if (value_ungroup(p) < 0) {
		*why = _("has thousands separators out of place (they go every three digits)");
	} else {
		rc = value_parse(p, t, v, why);
	}
	free(ascii);
	return rc;
}

void value_format(const struct value *v, struct buf *b)
{
	switch (v->kind) {
	case VAL_BLANK:
		break;
	case VAL_TEXT:
		buf_puts(b, v->text);
		break;
	case VAL_ERROR:
		buf_puts(b, "#OVERFLOW");
		break;
	case VAL_NUM: {
		uint64_t u = v->num < 0 ? (uint64_t)0 - (uint64_t)v->num : (uint64_t)v->num;
		char digits[32];
		int k = 0;
		do {
			digits[k++] = (char)('0' + u % 10);
			u /= 10;
		} while (u > 0);
		while (k <= v->scale)
			digits[k++] = '0';
		if (v->num < 0)
			buf_putc(b, '-');
		for (int i = k - 1; i >= 0; i--) {
			buf_putc(b, digits[i]);
			if (i == v->scale && i > 0)
				buf_putc(b, '.');
		}
		break;
	}
	}
}

char *value_str(const struct value *v)
{
	struct buf b;
	buf_init(&b);
	value_format(v, &b);
	return b.data;
}

static int value_rescale(int64_t x, int from, int to, int64_t *out)
{
	if (to < from)
		return -1;
	return __builtin_mul_overflow(x, value_pow10[to - from], out) ? -1 : 0;
}

int value_conform(struct value *v, const struct celltype *t)
{
	if (v->kind != VAL_NUM)
		return 0;
	int want = v->scale;
	if (t->kind == CELL_FIXED)
		want = t->places;
	if (t->kind == CELL_COUNT || t->kind == CELL_SIGNED)
		want = 0;
	if (want == v->scale)
		return 0;
	if (want < v->scale) {
		/* only exact: dropping places that are zero */
		int64_t p = value_pow10[v->scale - want];
		if (v->num % p != 0)
			return -1;
		v->num /= p;
		v->scale = want;
		return 0;
	}
	if (value_rescale(v->num, v->scale, want, &v->num) < 0)
		return -1;
	v->scale = want;
	return 0;
}

void value_clear(struct value *v)
{
	if (v->text != NULL) /* a report's figures have none: no call for each */
		free(v->text);
	memset(v, 0, sizeof *v);
}

void value_copy(struct value *dst, const struct value *src)
{
	if (dst == src)
		return;
	free(dst->text);
	*dst = *src;
	if (src->text != NULL)
		dst->text = xstrdup(src->text);
}

int value_same(const struct value *a, const struct value *b)
{
	if (a->kind != b->kind)
		return 0;
	if (a->kind == VAL_NUM)
		return value_cmp(a, b) == 0;
	if (a->kind == VAL_TEXT)
		return strcmp(a->text, b->text) == 0;
	return 1;
}

int value_identical(const struct value *a, const struct value *b)
{
	return value_same(a, b) && (a->kind != VAL_NUM || a->scale == b->scale);
}

/* Brings both numbers to the larger scale. */
static int value_align(const struct value *a, const struct value *b, int64_t *x, int64_t *y,
		       int *scale)
{
	*scale = a->scale > b->scale ? a->scale : b->scale;
	if (value_rescale(a->num, a->scale, *scale, x) < 0 ||
	    value_rescale(b->num, b->scale, *scale, y) < 0)
		return -1;
	return 0;
}

static void value_set(struct value *out, int64_t n, int scale)
{
	memset(out, 0, sizeof *out);
	out->kind = VAL_NUM;
	out->num = n;
	out->scale = scale;
}

int value_add(const struct value *a, const struct value *b, struct value *out)
{
	int64_t x, y, r;
	int sc;
	if (value_align(a, b, &x, &y, &sc) < 0 || __builtin_add_overflow(x, y, &r))
		return -1;
	value_set(out, r, sc);
	return 0;
}

int value_sub(const struct value *a, const struct value *b, struct value *out)
{
	int64_t x, y, r;
	int sc;
	if (value_align(a, b, &x, &y, &sc) < 0 || __builtin_sub_overflow(x, y, &r))
		return -1;
	value_set(out, r, sc);
	return 0;
}

int value_mul(const struct value *a, const struct value *b, struct value *out)
{
	int64_t r;
	int sc = a->scale + b->scale;
	if (sc > VALUE_MAX_PLACES || __builtin_mul_overflow(a->num, b->num, &r))
		return -1;
	value_set(out, r, sc);
	return 0;
}

int value_neg(const struct value *a, struct value *out)
{
	int64_t r;
	if (__builtin_sub_overflow((int64_t)0, a->num, &r))
		return -1;
	value_set(out, r, a->scale);
	return 0;
}

int value_cmp(const struct value *a, const struct value *b)
{
	int64_t x, y;
	int sc;
	if (value_align(a, b, &x, &y, &sc) == 0)
		return (x > y) - (x < y);
	/* too large to align: compare integer parts, then the remainders */
	int64_t pa = value_pow10[a->scale], pb = value_pow10[b->scale];
	int64_t ia = a->num / pa, ib = b->num / pb;
	if (ia != ib)
		return (ia > ib) - (ia < ib);
	int64_t ra = (a->num % pa) * (value_pow10[VALUE_MAX_PLACES] / pa);
	int64_t rb = (b->num % pb) * (value_pow10[VALUE_MAX_PLACES] / pb);
	return (ra > rb) - (ra < rb);
}
