/* Cell types and cell values: blank, an exact number, or text. Numbers are
 * int64 scaled by 10^scale; no floating point anywhere, and overflow is an
 * error, never a wrapped value. */
#ifndef NIANBAO_VALUE_H
#define NIANBAO_VALUE_H
#include <stddef.h>
#include <stdint.h>

struct buf;

#define VALUE_MAX_PLACES 9

enum cell_kind {
	CELL_COUNT,   /* non-negative integer */
	CELL_SIGNED,  /* integer that may be negative; a leading + is accepted */
	CELL_FIXED,   /* non-negative decimal shown with exactly `places` places */
	CELL_DECIMAL, /* non-negative decimal of up to `places` places, kept as typed */
	CELL_TEXT
};

struct celltype {
	enum cell_kind kind;
	int places;
};

enum value_kind { VAL_BLANK, VAL_NUM, VAL_TEXT, VAL_ERROR };

struct value {
	enum value_kind kind;
	int scale;   /* decimal places of num */
	int64_t num; /* the number times 10^scale */
	char *text;  /* owned, VAL_TEXT only */
};

/* "count", "integer", "fixed(N)", "decimal(N)", "text". Returns 0 or -1. */
int celltype_parse(const char *s, struct celltype *t);
/* Writes the type's name as celltype_parse reads it. */
void celltype_format(const struct celltype *t, struct buf *b);

/* Parses s as a value of type t. Blank text gives a blank value. On error
 * returns -1 and points *why at a short English reason. */
int value_parse(const char *s, const struct celltype *t, struct value *v, const char **why);
/* The same of s[0..n), which has no NUL inside. */
int value_parse_len(const char *s, size_t n, const struct celltype *t, struct value *v,
		    const char **why);
/* s[0..n) as 1 to 18 ASCII digits, which cannot overflow: 1 with *x the
 * figure, else 0. */
static inline int value_figure(const char *s, size_t n, int64_t *x)
{
	int64_t y = 0;
	if (n == 0 || n > 18)
		return 0;
	for (size_t i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		y = y * 10 + (s[i] - '0');
	}
	*x = y;
	return 1;
}
/* What a clerk types, pastes or imports, with any input method, read as
 * the number it means: full-width digits (１２), the full-width and
 * ideographic points (． 。) as the decimal point, full-width and
 * typographic signs (＋ － −), thousands separators (, ，) only in groups of
 * three, and spaces (ASCII, full-width, no-break) around it. Nothing is
 * dropped: a character the cell cannot take refuses the whole value, and
 * *bad then names it ("x", or "U+001B" for one that does not print; "" when
 * the fault is not one character). Text cells take the text as it is. */
int value_input(const char *s, const struct celltype *t, struct value *v, const char **why,
		char bad[16]);
/* The ASCII meaning of one typed character: '0'..'9', '.', '+', '-', ','
 * (a thousands separator) or ' ', as value_input reads it; 0 for none. */
int value_input_char(uint32_t cp);
/* Names a character for a message: itself, or U+XXXX when it does not
 * print (a control, a format character, invalid text). */
void value_char_name(uint32_t cp, char out[16]);

/* The value as printed: blank is "", numbers keep their places. */
void value_format(const struct value *v, struct buf *b);
char *value_str(const struct value *v);
/* Fits a computed number to its cell's type (fixed places). -1 if it cannot
 * be represented. */
int value_conform(struct value *v, const struct celltype *t);

void value_clear(struct value *v);
void value_copy(struct value *dst, const struct value *src);
/* Same kind and same number (scale aside) or same text. */
int value_same(const struct value *a, const struct value *b);
/* Same kind, number, scale and text: what saving would write. */
int value_identical(const struct value *a, const struct value *b);

/* Exact arithmetic on numbers; -1 on overflow. */
int value_add(const struct value *a, const struct value *b, struct value *out);
int value_sub(const struct value *a, const struct value *b, struct value *out);
int value_mul(const struct value *a, const struct value *b, struct value *out);
int value_neg(const struct value *a, struct value *out);
/* -1, 0, 1 as a < b, a == b, a > b; -1 error return is not possible: numbers
 * of different scale are compared exactly. */
int value_cmp(const struct value *a, const struct value *b);

#endif
