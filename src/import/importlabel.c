/* Published reports' cells and labels: a cell's kind (a label, a figure
 * with its unit, a blank), a label normalised for comparing, and how a
 * printed label names a form's row or column (exactly, by another label,
 * its numbering aside, cut short, a character or two off). */
#include "base/buf.h"
#include "base/diag.h"
#include "model/form.h"
#include "import/idoc.h"
#include "import/importint.h"
#include "base/i18n.h"
#include "base/text.h"
#include "model/value.h"
#include "base/width.h"
#include "base/xmalloc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- the document ---- */

struct idoc_chunk {
	struct idoc_chunk *next;
	size_t used, cap;
	char data[];
};

#define IDOC_CHUNK 65536

/* n bytes for a cell's text, from the document's chunks. */
static char *idoc_alloc(struct idoc *doc, size_t n)
{
	struct idoc_chunk *c = doc->texts;
	if (c == NULL || c->cap - c->used < n) {
		size_t cap = n > IDOC_CHUNK ? n : IDOC_CHUNK;
		struct idoc_chunk *k = xmalloc(sizeof *k + cap);
		k->used = 0;
		k->cap = cap;
		if (c != NULL && n > IDOC_CHUNK) { /* a large text: the chunk in use stays first */
			k->next = c->next;
			c->next = k;
		} else {
			k->next = c;
			doc->texts = k;
		}
		c = k;
	}
	char *p = c->data + c->used;
	c->used += n;
	return p;
}

void idoc_free(struct idoc *doc)
{
	for (int i = 0; i < doc->nrows; i++)
		free(doc->rows[i].cells);
	free(doc->rows);
	free(doc->name);
	for (struct idoc_chunk *c = doc->texts, *next; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	memset(doc, 0, sizeof *doc);
}

void idoc_refuse(struct idoc *doc, int line, const char *why)
{
	if (doc->refused == NULL) {
		doc->refused = why;
		doc->refused_line = line;
	}
}

int idoc_check(const struct idoc *doc, struct diags *d)
{
	if (doc->refused == NULL)
		return 0;
	diags_add(d, DIAG_ERROR, doc->name, doc->refused_line, 0, "%s", doc->refused);
	return -1;
}

static int imp_space(uint32_t cp)
{
	return cp == ' ' || cp == '\t' || cp == 0x3000 || cp == 0xa0 || cp == '\r' || cp == '\n' ||
	       cp == 0x2028 || cp == 0x2029; /* Unicode's line and paragraph separators */
}

/* Characters a cell drops: invisible ones (zero-width, BOM, bidi controls)
 * and controls; what text_check would refuse in a label. */
static int imp_invisible(uint32_t cp)
{
	return cp < 0x20 || cp == 0x7f || text_invisible(cp);
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
		int n = width_decode(p, WIDTH_MAX_BYTES, &cp);
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
		int n = width_decode(p, WIDTH_MAX_BYTES, &cp);
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

/* text[0..len) without invisible characters, spaces of every kind as one
 * space each, trimmed, into out (len + 1 bytes: it is never longer); its
 * length. */
static size_t idoc_clean(char *out, const char *text, size_t len, long *dropped)
{
	size_t o = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		int n = width_decode(text + i, len - i, &cp);
		if (n <= 0) {
			i++;
			continue;
		}
		if (imp_space(cp)) {
			if (o > 0) /* none at the start */
				out[o++] = ' ';
		} else if (!imp_invisible(cp)) {
			memcpy(out + o, text + i, (size_t)n);
			o += (size_t)n;
		} else if (cp >= 0x80) {
			(*dropped)++;
		}
		i += (size_t)n;
	}
	while (o && out[o - 1] == ' ')
		o--;
	out[o] = '\0';
	return o;
}

/* The kind of a cleaned text; a mark of render --mark is made blank. */
static enum icell_kind idoc_kind_of(char *t, size_t len)
{
	char num[64];
	int unit;
	if (len == 1 && (t[0] == '?' || t[0] == '!'))
		t[0] = '\0'; /* render --mark's mark of a blank cell */
	if (*t == '\0')
		return IC_BLANK;
	if (imp_figure(t, num, sizeof num, &unit) == 0)
		return IC_FIGURE;
	if (len <= 6) /* the longest of the dashes */
		for (size_t i = 0; i < sizeof imp_dashes / sizeof imp_dashes[0]; i++)
			if (strcmp(t, imp_dashes[i]) == 0)
				return IC_BLANK;
	return IC_LABEL;
}

enum icell_kind idoc_kind(const char *text, size_t len)
{
	/* what is longer than a figure with its unit can be no figure: its
	 * kind is decided without cleaning it all */
	char t[256];
	long dropped = 0;
	if (len >= sizeof t)
		return IC_LABEL;
	return idoc_kind_of(t, idoc_clean(t, text, len, &dropped));
}

static size_t imp_norm_into(const char *s, size_t len, char *out);

void idoc_cell(struct idoc *doc, int new_row, const char *text, size_t len, int line, int tab,
	       int row, int cell)
{
	if (doc->refused != NULL)
		return;
	if (++doc->ncells > IDOC_MAX_CELLS) {
		idoc_refuse(doc, line, "more than 5,000,000 cells: not a report");
		return;
	}
	char *t = idoc_alloc(doc, len + 1);
	long before = doc->dropped;
	enum icell_kind kind = idoc_kind_of(t, idoc_clean(t, text, len, &doc->dropped));
	if (before == 0 && doc->dropped > 0)
		doc->dropped_line = line;
	/* the arrays double (at 1, 2, 4...): a page of a million cells is read
	 * in linear time */
	if (new_row || doc->nrows == 0) {
		doc->rows = xgrow(doc->rows, (size_t)doc->nrows, sizeof *doc->rows);
		doc->rows[doc->nrows++] = (struct irow){0};
	}
	/* a label as it is compared, made once for every form that reads it */
	char *norm = NULL;
	if (kind == IC_LABEL) {
		size_t n = strlen(t);
		norm = idoc_alloc(doc, n + 1);
		imp_norm_into(t, n, norm);
	}
	struct irow *r = &doc->rows[doc->nrows - 1];
	r->cells = xgrow(r->cells, (size_t)r->n, sizeof *r->cells);
	r->cells[r->n++] = (struct icell){t, kind, line, tab, row, cell, 1, norm, 0, 0};
}

void idoc_cell_x(struct idoc *doc, int x0, int x1)
{
	if (doc->refused == NULL && doc->nrows > 0 && doc->rows[doc->nrows - 1].n > 0) {
		struct icell *c = &doc->rows[doc->nrows - 1].cells[doc->rows[doc->nrows - 1].n - 1];
		c->x0 = x0;
		c->x1 = x1;
	}
}

/* ---- labels ---- */

/* A label as compared: no spaces, full-width ASCII as ASCII, quotes as ",
 * no colon at the end. */
/* s normalised into out (room for its length and a NUL): the length. */
static size_t imp_norm_into(const char *s, size_t len, char *out)
{
	/* every character becomes itself, a shorter one or nothing */
	size_t o = 0;
	for (size_t i = 0; i < len;) {
		unsigned char c = (unsigned char)s[i];
		if (c > ' ' && c < 0x7f) { /* printable ASCII: kept as it is */
			out[o++] = (char)c;
			i++;
			continue;
		}
		uint32_t cp;
		int n =
		    width_decode(s + i, len - i < WIDTH_MAX_BYTES ? len - i : WIDTH_MAX_BYTES, &cp);
		if (n <= 0) {
			i++;
			continue;
		}
		i += (size_t)n;
		if (imp_space(cp) || imp_invisible(cp))
			continue;
		if (cp >= 0xff01 && cp <= 0xff5e)
			cp -= 0xfee0;
		if (cp == 0x201c || cp == 0x201d || cp == 0x301d || cp == 0x301e)
			cp = '"';
		if (cp == 0x2018 || cp == 0x2019)
			cp = '\'';
		if (cp == 0x3002 && o > 0 && out[o - 1] >= '0' && out[o - 1] <= '9')
			cp = '.';
		o += (size_t)width_encode(cp, out + o);
	}
	while (o && out[o - 1] == ':')
		o--;
	out[o] = '\0';
	return o;
}

char *imp_norm(const char *s)
{
	size_t len = strlen(s);
	char *out = xmalloc(len + 1);
	imp_norm_into(s, len, out);
	return out;
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
	int n = width_decode(p, WIDTH_MAX_BYTES, &cp);
	if (n > 0 && imp_cjk_digit(cp)) {
		const char *q = p;
		while ((n = width_decode(q, WIDTH_MAX_BYTES, &cp)) > 0 && imp_cjk_digit(cp))
			q += n;
		if (strncmp(q, "、", 3) == 0)
			return q + 3;
		return s;
	}
	if (*p == '(') {
		const char *q = p + 1;
		int any = 0;
		while ((n = width_decode(q, WIDTH_MAX_BYTES, &cp)) > 0 &&
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
		int k = width_decode(p, WIDTH_MAX_BYTES, &cp);
		if (k <= 0)
			break;
		out[n++] = cp;
		p += k;
	}
	return n;
}

/* Characters that differ (Levenshtein), up to 64 of each, no more than
 * most + 1: only the band of the table within most of its diagonal is
 * filled, and a row that is all over most ends it. */
/* The same over code points already decoded. */
int imp_distance_cps(const uint32_t *x, int n, const uint32_t *y, int m, int most)
{
	if (abs(n - m) > most)
		return most + 1;
	enum { FAR = 1 << 20 };
	int prev[65], cur[65];
	for (int j = 0; j <= m; j++)
		prev[j] = j <= most ? j : FAR;
	for (int i = 1; i <= n; i++) {
		int lo = i - most > 1 ? i - most : 1, hi = i + most < m ? i + most : m;
		int best = FAR;
		for (int j = 0; j <= m; j++)
			cur[j] = FAR;
		cur[0] = i <= most ? i : FAR;
		for (int j = lo; j <= hi; j++) {
			int d = prev[j - 1] + (x[i - 1] != y[j - 1]);
			if (prev[j] + 1 < d)
				d = prev[j] + 1;
			if (cur[j - 1] + 1 < d)
				d = cur[j - 1] + 1;
			cur[j] = d;
			best = d < best ? d : best;
		}
		if (best > most && cur[0] > most)
			return most + 1;
		memcpy(prev, cur, sizeof cur);
	}
	return prev[m] <= most ? prev[m] : most + 1;
}

int imp_distance_within(const char *a, const char *b, int most)
{
	uint32_t x[64], y[64];
	int n = imp_cps(a, x, 64), m = imp_cps(b, y, 64);
	return imp_distance_cps(x, n, y, m, most);
}

int imp_chars_max(const char *s, int max)
{
	int n = 0;
	for (const char *p = s; *p && n < max; n++) {
		uint32_t cp;
		int k = width_decode(p, WIDTH_MAX_BYTES, &cp);
		if (k <= 0)
			break;
		p += k;
	}
	return n;
}

int imp_chars(const char *s)
{
	return imp_chars_max(s, 256);
}

const char *const imp_how_text[] = {"",
				    "",
				    N_("another label reports print for it"),
				    N_("its numbering differs"),
				    N_("the label is cut short"),
				    N_("a character or two differ")};

/* A normalised text measured: its body and their lengths. */
void imp_measure(struct imp_norm *v, const char *norm)
{
	v->norm = norm;
	v->len = strlen(norm);
	v->body = imp_body(norm);
	/* one pass: the characters of the whole and of the body (its end),
	 * each counted to 256 as imp_chars counts, the body's first 64 kept
	 * (a row's label was decoded three times over, for every row) */
	int n = 0, nbody = 0, ncps = 0;
	for (const char *p = norm; *p && (n < 256 || nbody < 256);) {
		uint32_t cp = (unsigned char)*p;
		int k = cp < 0x80 ? 1 : width_decode(p, WIDTH_MAX_BYTES, &cp);
		if (k <= 0)
			break;
		n += n < 256;
		if (p >= v->body) {
			nbody += nbody < 256;
			if (ncps < 64)
				v->cps[ncps++] = cp;
		}
		p += k;
	}
	v->n = n;
	v->nbody = nbody;
	v->ncps = ncps;
	v->chars = 0;
	for (int i = 0; i < v->ncps; i++)
		v->chars |= (uint64_t)1 << (v->cps[i] * 2654435761u >> 26);
}

static const struct imp_norm *imp_cached_norm(struct imp_cache *c, const char *label)
{
	if (c->n * 2 >= c->cap) {
		struct imp_cache g = {0};
		g.cap = c->cap ? c->cap * 2 : 512;
		g.key = xcalloc(g.cap, sizeof *g.key);
		g.v = xcalloc(g.cap, sizeof *g.v);
		for (size_t i = 0; i < c->cap; i++)
			if (c->key[i] != NULL) {
				size_t h = ((uintptr_t)c->key[i] >> 3) % g.cap;
				while (g.key[h] != NULL)
					h = (h + 1) % g.cap;
				g.key[h] = c->key[i];
				g.v[h] = c->v[i];
			}
		g.n = c->n;
		free(c->key);
		free(c->v);
		*c = g;
	}
	size_t h = ((uintptr_t)label >> 3) % c->cap;
	while (c->key[h] != NULL && c->key[h] != label)
		h = (h + 1) % c->cap;
	if (c->key[h] == NULL) {
		c->key[h] = label;
		imp_measure(&c->v[h], imp_norm(label));
		c->n++;
	}
	return &c->v[h];
}

const struct imp_norm *imp_cached_measured(struct imp_cache *c, const char *label)
{
	return imp_cached_norm(c, label);
}

const char *imp_cached(struct imp_cache *c, const char *label)
{
	return imp_cached_norm(c, label)->norm;
}

void imp_cache_free(struct imp_cache *c)
{
	for (size_t i = 0; i < c->cap; i++)
		free((char *)c->v[i].norm);
	free(c->key);
	free(c->v);
	memset(c, 0, sizeof *c);
}

enum imp_how imp_match_norm(const struct imp_norm *tn, const struct imp_norm *ln)
{
	/* each test after its counts agree: most labels are told apart by
	 * their lengths alone (counts are capped alike, so equal texts
	 * always have equal counts) */
	int nt = tn->nbody, nl = ln->nbody;
	if (*tn->body && nt == nl && strcmp(tn->body, ln->body) == 0)
		return HOW_NUMBER;
	if (tn->n >= 4 && ln->len >= tn->len && memcmp(ln->norm, tn->norm, tn->len) == 0)
		return HOW_PREFIX;
	/* an edit changes whether at most two characters are there at all, so
	 * texts whose classes of characters differ in more than 2 * most cannot
	 * be within most edits (shared classes only hide differences) */
	int most = nl >= 8 ? 2 : 1;
	if (nt >= 4 && nl >= 4 && abs(nt - nl) <= most &&
	    __builtin_popcountll(tn->chars ^ ln->chars) <= 2 * most &&
	    imp_distance_cps(tn->cps, tn->ncps, ln->cps, ln->ncps, most) <= most)
		return HOW_TYPO;
	return HOW_NONE;
}
