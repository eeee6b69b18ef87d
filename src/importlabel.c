/* Published reports' cells and labels: a cell's kind (a label, a figure
 * with its unit, a blank), a label normalised for comparing, and how a
 * printed label names a form's row or column (exactly, by another label,
 * its numbering aside, cut short, a character or two off). */
#include "buf.h"
#include "form.h"
#include "idoc.h"
#include "importint.h"
#include "value.h"
#include "width.h"
#include "xmalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- the document ---- */

void idoc_free(struct idoc *doc)
{
	for (int i = 0; i < doc->nrows; i++) {
		for (int j = 0; j < doc->rows[i].n; j++)
			free(doc->rows[i].cells[j].text);
		free(doc->rows[i].cells);
	}
	free(doc->rows);
	free(doc->name);
	memset(doc, 0, sizeof *doc);
}

static int imp_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0xa0 || cp == '\r' || cp == '\n';
}

/* Characters a cell drops: invisible ones (zero-width, BOM, bidi controls)
 * and controls; what text_check would refuse in a label. */
static int imp_invisible(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7f && cp < 0xa0) || (cp >= 0x200b && cp <= 0x200f) ||
	       (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2060 && cp <= 0x206f) || cp == 0xfeff ||
	       cp == 0xad;
}

static const char *const imp_dashes[] = {"-", "--", "—",  "——", "－", "–",
					 "/", "／", "无", "\\", "×"};

const struct imp_unit_def imp_units[] = {{"元", 0},  {"万元", 4}, {"亿元", 8}, {"件", -1},
					 {"个", -1}, {"项", -1},  {"笔", -1},  {"次", -1},
					 {"人", -1}, {"家", -1},  {"条", -1},  {"宗", -1},
					 {"起", -1}, {"例", -1},  {"份", -1},  {"人次", -1}};

int imp_unit(const char *u)
{
	for (size_t i = 0; i < sizeof imp_units / sizeof imp_units[0]; i++)
		if (strcmp(u, imp_units[i].name) == 0)
			return (int)i;
	return -1;
}

/* s as a figure: the number in ASCII (sign, digits, one point; thousands
 * separators kept for value_input to check) and the unit after it (index
 * into imp_units, or -1). 0, or -1 when s is not a figure. */
int imp_figure(const char *s, char *num, size_t nn, int *unit)
{
	size_t k = 0;
	const char *p = s;
	int digits = 0;
	*unit = -1;
	/* the marks of render --mark: ! an error, ? a warning */
	if (*p == '!' || *p == '?')
		p++;
	while (*p) {
		uint32_t cp;
		int n = width_decode(p, strlen(p), &cp);
		if (n <= 0)
			return -1;
		int a = value_input_char(cp);
		if (a == 0 || (a == ' ' && digits))
			break;
		if (a >= '0' && a <= '9')
			digits++;
		else if ((a == '+' || a == '-') && (digits || k > 0))
			return -1;
		if (a != ' ') {
			if (k + 1 >= nn)
				return -1;
			num[k++] = (char)a;
		}
		p += n;
	}
	num[k] = '\0';
	if (!digits || num[k - 1] == '.' || num[k - 1] == ',')
		return -1;
	while (*p) {
		uint32_t cp;
		int n = width_decode(p, strlen(p), &cp);
		if (n <= 0 || !imp_space(cp))
			break;
		p += n;
	}
	if (*p) {
		char *u = xstrdup(p);
		size_t l = strlen(u);
		while (l && (u[l - 1] == ' '))
			u[--l] = '\0';
		*unit = imp_unit(u);
		free(u);
		if (*unit < 0)
			return -1;
	}
	return 0;
}

char *idoc_text(const char *text, size_t len, enum icell_kind *kind)
{
	struct buf b;
	buf_init(&b);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		int n = width_decode(text + i, len - i, &cp);
		if (n <= 0) {
			i++;
			continue;
		}
		if (imp_space(cp))
			buf_putc(&b, ' ');
		else if (!imp_invisible(cp))
			buf_add(&b, text + i, (size_t)n);
		i += (size_t)n;
	}
	char *a = b.data;
	while (*a == ' ')
		a++;
	size_t l = strlen(a);
	while (l && a[l - 1] == ' ')
		l--;
	char *t = xstrndup(a, l);
	buf_free(&b);
	char num[64];
	int unit;
	if (strcmp(t, "?") == 0 || strcmp(t, "!") == 0)
		t[0] = '\0'; /* render --mark's mark of a blank cell */
	*kind = IC_LABEL;
	if (*t == '\0')
		*kind = IC_BLANK;
	else if (imp_figure(t, num, sizeof num, &unit) == 0)
		*kind = IC_FIGURE;
	for (size_t i = 0; i < sizeof imp_dashes / sizeof imp_dashes[0]; i++)
		if (strcmp(t, imp_dashes[i]) == 0)
			*kind = IC_BLANK;
	return t;
}

void idoc_cell(struct idoc *doc, int new_row, const char *text, size_t len, int line, int tab,
	       int row, int cell)
{
	enum icell_kind kind;
	char *t = idoc_text(text, len, &kind);
	if (new_row || doc->nrows == 0) {
		doc->rows = xreallocarray(doc->rows, (size_t)doc->nrows + 1, sizeof *doc->rows);
		doc->rows[doc->nrows++] = (struct irow){0};
	}
	struct irow *r = &doc->rows[doc->nrows - 1];
	r->cells = xreallocarray(r->cells, (size_t)r->n + 1, sizeof *r->cells);
	r->cells[r->n++] = (struct icell){t, kind, line, tab, row, cell, 1};
}

/* ---- labels ---- */

/* A label as compared: no spaces, full-width ASCII as ASCII, quotes as ",
 * no colon at the end. */
char *imp_norm(const char *s)
{
	struct buf b;
	buf_init(&b);
	for (const char *p = s; *p;) {
		uint32_t cp;
		int n = width_decode(p, strlen(p), &cp);
		if (n <= 0) {
			p++;
			continue;
		}
		p += n;
		if (imp_space(cp) || imp_invisible(cp))
			continue;
		if (cp >= 0xff01 && cp <= 0xff5e)
			cp -= 0xfee0;
		if (cp == 0x201c || cp == 0x201d || cp == 0x301d || cp == 0x301e)
			cp = '"';
		if (cp == 0x2018 || cp == 0x2019)
			cp = '\'';
		if (cp == 0x3002 && b.len > 0 && b.data[b.len - 1] >= '0' &&
		    b.data[b.len - 1] <= '9')
			cp = '.';
		char u[8];
		int k = width_encode(cp, u);
		buf_add(&b, u, (size_t)k);
	}
	char *s2 = b.data ? b.data : xstrdup("");
	size_t l = strlen(s2);
	while (l && s2[l - 1] == ':')
		s2[--l] = '\0';
	return s2;
}

static int imp_cjk_digit(uint32_t cp)
{
	static const uint32_t d[] = {0x4e00, 0x4e8c, 0x4e09, 0x56db, 0x4e94, 0x516d,
				     0x4e03, 0x516b, 0x4e5d, 0x5341, 0x96f6};
	for (size_t i = 0; i < sizeof d / sizeof d[0]; i++)
		if (cp == d[i])
			return 1;
	return 0;
}

/* The label after its numbering (三、 (三) 3. 3、), in a normalised label. */
const char *imp_body(const char *s)
{
	const char *p = s;
	uint32_t cp;
	int n = width_decode(p, strlen(p), &cp);
	if (n > 0 && imp_cjk_digit(cp)) {
		const char *q = p;
		while ((n = width_decode(q, strlen(q), &cp)) > 0 && imp_cjk_digit(cp))
			q += n;
		if (strncmp(q, "、", 3) == 0)
			return q + 3;
		return s;
	}
	if (*p == '(') {
		const char *q = p + 1;
		int any = 0;
		while ((n = width_decode(q, strlen(q), &cp)) > 0 &&
		       (imp_cjk_digit(cp) || (cp >= '0' && cp <= '9')))
			q += n, any = 1;
		if (any && *q == ')')
			return q + 1;
		return s;
	}
	if (*p >= '0' && *p <= '9') {
		const char *q = p;
		while (*q >= '0' && *q <= '9')
			q++;
		if (*q == '.')
			return q + 1;
		if (strncmp(q, "、", 3) == 0)
			return q + 3;
	}
	return s;
}

static int imp_cps(const char *s, uint32_t *out, int max)
{
	int n = 0;
	for (const char *p = s; *p && n < max;) {
		uint32_t cp;
		int k = width_decode(p, strlen(p), &cp);
		if (k <= 0)
			break;
		out[n++] = cp;
		p += k;
	}
	return n;
}

/* Characters that differ (Levenshtein), up to 64 of each. */
int imp_distance(const char *a, const char *b)
{
	uint32_t x[64], y[64];
	int n = imp_cps(a, x, 64), m = imp_cps(b, y, 64);
	int prev[65], cur[65];
	for (int j = 0; j <= m; j++)
		prev[j] = j;
	for (int i = 1; i <= n; i++) {
		cur[0] = i;
		for (int j = 1; j <= m; j++) {
			int d = prev[j - 1] + (x[i - 1] != y[j - 1]);
			if (prev[j] + 1 < d)
				d = prev[j] + 1;
			if (cur[j - 1] + 1 < d)
				d = cur[j - 1] + 1;
			cur[j] = d;
		}
		memcpy(prev, cur, sizeof cur);
	}
	return prev[m];
}

int imp_chars(const char *s)
{
	uint32_t x[256];
	return imp_cps(s, x, 256);
}

const char *const imp_how_text[] = {"",
				    "",
				    "another label reports print for it",
				    "its numbering differs",
				    "the label is cut short",
				    "a character or two differ"};

/* How the normalised text t names a label. */

const char *imp_cached(struct imp_cache *c, const char *label)
{
	if (c->n * 2 >= c->cap) {
		struct imp_cache g = {0};
		g.cap = c->cap ? c->cap * 2 : 512;
		g.key = xcalloc(g.cap, sizeof *g.key);
		g.norm = xcalloc(g.cap, sizeof *g.norm);
		for (size_t i = 0; i < c->cap; i++)
			if (c->key[i] != NULL) {
				size_t h = ((uintptr_t)c->key[i] >> 3) % g.cap;
				while (g.key[h] != NULL)
					h = (h + 1) % g.cap;
				g.key[h] = c->key[i];
				g.norm[h] = c->norm[i];
			}
		g.n = c->n;
		free(c->key);
		free(c->norm);
		*c = g;
	}
	size_t h = ((uintptr_t)label >> 3) % c->cap;
	while (c->key[h] != NULL && c->key[h] != label)
		h = (h + 1) % c->cap;
	if (c->key[h] == NULL) {
		c->key[h] = label;
		c->norm[h] = imp_norm(label);
		c->n++;
	}
	return c->norm[h];
}

void imp_cache_free(struct imp_cache *c)
{
	for (size_t i = 0; i < c->cap; i++)
		free(c->norm[i]);
	free(c->key);
	free(c->norm);
	memset(c, 0, sizeof *c);
}

/* How the normalised text t names a label: exactly only, unless loose. */
static enum imp_how imp_match_label(struct imp_cache *cache, const char *t, const char *label,
				    int loose)
{
	if (label == NULL || *label == '\0')
		return HOW_NONE;
	const char *l = imp_cached(cache, label);
	if (strcmp(t, l) == 0)
		return HOW_EXACT;
	if (!loose)
		return HOW_NONE;
	const char *bt = imp_body(t), *bl = imp_body(l);
	int nt = imp_chars(bt), nl = imp_chars(bl);
	if (*bt && strcmp(bt, bl) == 0)
		return HOW_NUMBER;
	if (imp_chars(t) >= 4 && strncmp(l, t, strlen(t)) == 0)
		return HOW_PREFIX;
	int most = nl >= 8 ? 2 : 1;
	if (nt >= 4 && nl >= 4 && abs(nt - nl) <= most && imp_distance(bt, bl) <= most)
		return HOW_TYPO;
	return HOW_NONE;
}

enum imp_how imp_match_node(struct imp_cache *cache, const char *t, const struct fnode *n,
			    int loose)
{
	enum imp_how how = imp_match_label(cache, t, n->label, loose);
	for (int i = 0; i < n->nalso && how != HOW_EXACT; i++) {
		enum imp_how h = imp_match_label(cache, t, n->also[i], loose);
		if (h == HOW_EXACT)
			h = HOW_ALSO;
		if (h != HOW_NONE && (how == HOW_NONE || h < how))
			how = h;
	}
	return how;
}
