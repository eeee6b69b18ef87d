/* Published text as rows of cells: text copied from a web page (one cell a
 * line, rows between blank lines) or from a PDF (pdftotext -layout: a row a
 * line, cells between runs of spaces), and nianbao's own renderings (cells
 * between | or box rules). */
#include "base/buf.h"
#include "base/diag.h"
#include "import/import.h"
#include "base/sha256.h"
#include "base/width.h"
#include "base/xmalloc.h"

#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* GB18030 (which holds GBK and GB2312) as UTF-8; NULL if it does not decode. */
char *import_from_gb18030(const char *s, size_t len, size_t *outlen)
{
	iconv_t cd = iconv_open("UTF-8", "GB18030");
	if (cd == (iconv_t)-1)
		return NULL;
	size_t cap = len * 2 + 16, left = cap;
	char *out = xmalloc(cap + 1), *o = out, *in = (char *)s;
	size_t inleft = len;
	size_t rc = iconv(cd, &in, &inleft, &o, &left);
	iconv_close(cd);
	if (rc == (size_t)-1 || inleft != 0) {
		free(out);
		return NULL;
	}
	*o = '\0';
	*outlen = (size_t)(o - out);
	return out;
}

/* Offset of the first byte that is not UTF-8, or len. */
static size_t import_bad_utf8(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		uint32_t cp;
		int k = width_decode(s + i, len - i, &cp);
		if (k <= 0)
			return i;
		i += (size_t)k;
	}
	return len;
}

/* A box rule (┌──┬, +---+) or a page's number (-3-, — 3 —, 第3页, 第 1 页
 * 共 11 页): no cells. */
static int import_rule_line(const char *s)
{
	char t[96];
	size_t n = 0;
	int rules = 0, other = 0;
	for (const char *p = s; *p;) {
		uint32_t cp;
		int k = width_decode(p, WIDTH_MAX_BYTES, &cp);
		if (k <= 0)
			return 0;
		p += k;
		if (cp == ' ' || cp == '\t' || cp == 0x3000)
			continue;
		if (cp == 0x2502 || cp == 0x2503 || cp == 0x2551)
			; /* a vertical alone draws no rule: a row of empty cells */
		else if ((cp >= 0x2500 && cp <= 0x257f) || cp == '+' || cp == '=')
			rules++;
		else if (cp == '-' || cp == 0x2014 || cp == 0x2013 || cp == 0xff0d)
			t[n < 90 ? n++ : n] = '-';
		else if (cp == '|')
			;
		else if (cp >= '0' && cp <= '9')
			t[n < 90 ? n++ : n] = (char)cp;
		else if (cp >= 0xff10 && cp <= 0xff19)
			t[n < 90 ? n++ : n] = (char)('0' + cp - 0xff10);
		else if (cp == 0x7b2c) /* 第 */
			t[n < 90 ? n++ : n] = 'D';
		else if (cp == 0x9875) /* 页 */
			t[n < 90 ? n++ : n] = 'Y';
		else if (cp == 0x5171) /* 共 */
			t[n < 90 ? n++ : n] = 'G';
		else if (cp == '/')
			t[n < 90 ? n++ : n] = '/';
		else
			other++;
	}
	t[n] = '\0';
	if (other)
		return 0;
	if (rules > 0) /* a rule may hold dashes, nothing else */
		return strspn(t, "-") == n;
	/* -3-, 第3页, 第3页共11页, 3/11: a figure alone is none of them */
	if (n >= 90 || strpbrk(t, "-D/") == NULL)
		return 0;
	int a, b, used = 0;
	if (sscanf(t, "-%d-%n", &a, &used) == 1 && (size_t)used == n)
		return 1;
	used = 0;
	if (sscanf(t, "D%dY%n", &a, &used) == 1 && (size_t)used == n)
		return 1;
	used = 0;
	if (sscanf(t, "D%dYG%dY%n", &a, &b, &used) == 2 && (size_t)used == n)
		return 1;
	used = 0;
	return sscanf(t, "%d/%d%n", &a, &b, &used) == 2 && (size_t)used == n && a <= b;
}

/* The footer nianbao prints on each page (render --footer): "FORM 第1版 ·
 * 文件 HASH · 错误 0 警告 1", over two or three lines on a narrow page: 1
 * when it begins on this line, 2 when it ends on it too. */
static int import_footer_line(const char *s)
{
	for (const char *p = strstr(s, "第"); p != NULL; p = strstr(p + 3, "第")) {
		const char *q = p + 3;
		while (*q >= '0' && *q <= '9')
			q++;
		if (q > p + 3 && strncmp(q, "版", 3) == 0 && strstr(s, " · ") != NULL)
			return strstr(q, " 警告 ") ? 2 : 1;
	}
	return 0;
}

/* A rule between cells: |, ｜ or a box drawing vertical. */
static int import_bar(uint32_t cp)
{
	return cp == '|' || cp == 0xff5c || cp == 0x2502 || cp == 0x2503 || cp == 0x2551;
}

/* A separator at p: |, a box drawing vertical, a tab, or two or more
 * spaces; its length, 0 if none. */
static size_t import_sep(const char *p)
{
	uint32_t cp;
	int k = width_decode(p, WIDTH_MAX_BYTES, &cp);
	if (k <= 0)
		return 0;
	if (cp == '\t' || import_bar(cp))
		return (size_t)k;
	if (cp == ' ' || cp == 0x3000) {
		const char *q = p + k;
		uint32_t c2;
		int k2 = width_decode(q, WIDTH_MAX_BYTES, &c2);
		if (k2 > 0 && (c2 == ' ' || c2 == 0x3000 || c2 == '\t' || import_bar(c2)))
			return (size_t)k;
	}
	return 0;
}

/* Whether the text between a and b is a number, maybe with a unit. */
static int import_is_figure(const char *a, size_t n)
{
	return idoc_kind(a, n) == IC_FIGURE;
}

/* Box drawing and spaces only (├──┬──┤ beside a cell): no cell. */
static int import_rules_only(const char *p, size_t n)
{
	int rule = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		int k = width_decode(p + i, n - i, &cp);
		if (k <= 0 || !(cp == ' ' || cp == '-' || cp == '=' || cp == '+' ||
				(cp >= 0x2500 && cp <= 0x257f)))
			return 0;
		rule |= cp == '+' || (cp >= 0x2500 && cp <= 0x257f);
		i += (size_t)k;
	}
	return rule;
}

/* One line of a table as cells. Between separators, a text with figures
 * after single spaces (规章 1 0 3) is the label and the figures; a label
 * broken by single spaces (自 然 人) stays one cell. */
/* Where a text is in its line, in display columns: counted from the last
 * place asked, left to right, so a line is measured once. */
struct import_at {
	const char *p;
	int col;
};

static int import_col(struct import_at *at, const char *to)
{
	if (to > at->p) {
		at->col += width_chars(at->p, (size_t)(to - at->p));
		at->p = to;
	}
	return at->col;
}

/* A cell of the line from a to b, where it stands. */
static void import_cell(struct idoc *doc, int *first, const char *a, const char *b, int lineno,
			struct import_at *at)
{
	idoc_cell(doc, *first, a, (size_t)(b - a), lineno, 0, 0, 0);
	int x0 = import_col(at, a);
	idoc_cell_x(doc, x0, import_col(at, b));
	*first = 0;
}

static void import_line_cells(struct idoc *doc, const char *line, int lineno)
{
	int first = 1;
	const char *p = line;
	struct import_at at = {line, 0};
	while (*p) {
		size_t sep;
		while (*p && (sep = import_sep(p)) > 0) {
			/* an empty cell between two | is a blank */
			uint32_t cp;
			width_decode(p, WIDTH_MAX_BYTES, &cp);
			p += sep;
			if (import_bar(cp)) {
				const char *q = p;
				while (*q == ' ')
					q++;
				uint32_t c2;
				int k2 = width_decode(q, WIDTH_MAX_BYTES, &c2);
				if (k2 > 0 && import_bar(c2)) {
					idoc_cell(doc, first, "", 0, lineno, 0, 0, 0);
					first = 0;
				}
			}
		}
		if (!*p)
			break;
		const char *e = p;
		while (*e && import_sep(e) == 0)
			e++;
		/* split off figures separated by single spaces at the end */
		const char *cut = e;
		for (;;) {
			const char *sp = cut;
			while (sp > p && sp[-1] != ' ')
				sp--;
			if (sp == p || !import_is_figure(sp, (size_t)(cut - sp)))
				break;
			cut = sp - 1;
			while (cut > p && cut[-1] == ' ')
				cut--;
		}
		if (cut > p && !import_rules_only(p, (size_t)(cut - p)))
			import_cell(doc, &first, p, cut, lineno, &at);
		for (const char *q = cut; q < e;) {
			while (q < e && *q == ' ')
				q++;
			const char *r = q;
			while (r < e && *r != ' ')
				r++;
			if (r > q)
				import_cell(doc, &first, q, r, lineno, &at);
			q = r;
		}
		p = e;
	}
}

int import_read_text(const char *name, const char *text, size_t len, struct idoc *doc,
		     struct diags *d)
{
	memset(doc, 0, sizeof *doc);
	doc->name = xstrdup(name);
	sha256_hex(text, len, doc->sha256);
	char *conv = NULL;
	size_t bad = import_bad_utf8(text, len);
	if (bad < len) {
		size_t n;
		conv = import_from_gb18030(text, len, &n);
		if (conv == NULL) {
			int line = 1, col = 1;
			for (size_t i = 0; i < bad; i++)
				line += text[i] == '\n', col = text[i] == '\n' ? 1 : col + 1;
			diags_add(d, DIAG_ERROR, name, line, col,
				  "not UTF-8 (nor GB18030): byte 0x%02x", (unsigned char)text[bad]);
			return -1;
		}
		text = conv, len = n;
	}
	/* a NUL would end the line it is in unseen (0\09 read as 0): a text
	 * holding one is no published text */
	const char *nul = memchr(text, '\0', len);
	if (nul != NULL) {
		int line = 1, col = 1;
		for (const char *p = text; p < nul;) {
			uint32_t cp;
			int k = width_decode(p, (size_t)(nul - p), &cp);
			p += k > 0 ? k : 1;
			line += cp == '\n', col = cp == '\n' ? 1 : col + 1;
		}
		diags_add(d, DIAG_ERROR, name, line, col,
			  "holds a NUL byte (is it a text file?): nothing imported");
		free(conv);
		return -1;
	}
	if (len >= 3 && memcmp(text, "\xef\xbb\xbf", 3) == 0)
		text += 3, len -= 3;
	/* one cell a line when many lines are a figure alone */
	int alone = 0, lines = 0;
	for (size_t i = 0; i < len;) {
		size_t j = i;
		while (j < len && text[j] != '\n')
			j++;
		const char *a = text + i;
		size_t n = j - i;
		while (n && (*a == ' ' || *a == '\t'))
			a++, n--;
		while (n && (a[n - 1] == ' ' || a[n - 1] == '\t' || a[n - 1] == '\r'))
			n--;
		if (n) {
			lines++;
			alone += import_is_figure(a, n);
		}
		i = j + 1;
	}
	int per_line = alone * 5 > lines;
	int lineno = 0, new_row = 1, footer = 0;
	struct buf lb; /* the line, one buffer for all */
	buf_init(&lb);
	for (size_t i = 0; i < len && doc->refused == NULL;) {
		size_t j = i;
		while (j < len && text[j] != '\n')
			j++;
		lineno++;
		lb.len = 0;
		buf_add(&lb, text + i, j - i);
		char *line = lb.data;
		i = j + 1;
		/* carriage returns, form feeds (pdftotext's pages) and the like */
		char *o = line;
		for (char *p = line; *p; p++) {
			if (*p == '\f' || *p == '\r')
				continue; /* a page's end is no indentation */
			*o++ = (unsigned char)*p < 0x20 && *p != '\t' ? ' ' : *p;
		}
		*o = '\0';
		if (per_line) {
			int empty = line[0] == '\0' || strspn(line, " ") == strlen(line);
			int ws = strspn(line, " \t") == strlen(line);
			if (empty) {
				new_row = 1;
			} else if (!import_rule_line(line) || ws) {
				idoc_cell(doc, new_row, ws ? "" : line, ws ? 0 : strlen(line),
					  lineno, 0, 0, 0);
				new_row = 0;
			}
		} else if (footer > 0 || import_footer_line(line) > 0) {
			/* the footer's lines, to the one with its counts */
			int f = import_footer_line(line);
			footer = f == 2 || strstr(line, "警告") ? 0 : f == 1 ? 2 : footer - 1;
		} else if (!import_rule_line(line)) {
			int before = doc->nrows;
			import_line_cells(doc, line, lineno);
			/* an indented line begins a paragraph; one that is not
			 * continues the paragraph wrapped above it */
			if (doc->nrows > before && doc->rows[doc->nrows - 1].n > 0)
				doc->rows[doc->nrows - 1].cells[0].indent =
				    line[0] == ' ' || line[0] == '\t' ||
				    strncmp(line, "\xe3\x80\x80", 3) == 0;
		}
	}
	buf_free(&lb);
	free(conv);
	return idoc_check(doc, d);
}
