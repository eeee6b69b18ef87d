/* A PDF read back as text, for nianbao's text reader (import --pdf): each
 * character where the page put it (poppler), the characters of one
 * baseline a line, and a line's characters in cells where the gap between
 * them is wider than the text's own spacing, so that a table cell stays
 * one cell however its text is spaced, and a cell's text stays whole
 * however close the next column is. Each cell is written at the column its
 * place on the page gives, two spaces at least from the one before (as
 * pdftotext -layout writes it, which the text reader reads); a page ends
 * with a form feed. A PDF without text (a scan) is said to be one, with
 * its pages, never guessed. */
#include "doc/readpdf.h"
#include "base/buf.h"
#include "base/i18n.h"
#include "base/width.h"
#include "base/xmalloc.h"

#include <math.h>
#include <poppler.h>
#include <stdlib.h>
#include <string.h>

/* The widest line written, in columns (a page of A3 in 6-point type is
 * some 400). */
#define RP_MAX_COLUMN 2000

/* A character on the page: its box in points, and its text. */
struct rp_glyph {
	double x0, x1, yc, h;
	double size; /* its type's size, as its width tells it: some PDFs'
		      * boxes are as tall as their font's (twice the type) */
	char u[8];
	int wide;  /* two columns (CJK), else one */
	int space; /* the page's text has a space before it */
};

struct rp_line {
	struct rp_glyph *g;
	int n;
	double yc, h;
};

static int rp_by_y(const void *a, const void *b)
{
	const struct rp_glyph *x = a, *y = b;
	return x->yc < y->yc ? -1 : x->yc > y->yc ? 1 : x->x0 < y->x0 ? -1 : x->x0 > y->x0;
}

static int rp_by_x(const void *a, const void *b)
{
	const struct rp_glyph *x = a, *y = b;
	return x->x0 < y->x0 ? -1 : x->x0 > y->x0;
}

static int rp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

/* The middle value of v[0..n) (n > 0), v reordered. */
static double rp_median(double *v, int n)
{
	qsort(v, (size_t)n, sizeof *v, rp_double);
	return v[n / 2];
}

/* One page's characters (whitespace left out: gaps tell where words and
 * cells part), into *out; how many. */
static int rp_glyphs(PopplerPage *page, struct rp_glyph **out)
{
	char *text = poppler_page_get_text(page);
	PopplerRectangle *r = NULL;
	guint nr = 0;
	int n = 0;
	*out = NULL;
	if (text != NULL && poppler_page_get_text_layout(page, &r, &nr)) {
		*out = xcalloc((size_t)nr + 1, sizeof **out);
		guint k = 0;
		int space = 0;
		for (const char *s = text; *s && k < nr; s = g_utf8_next_char(s), k++) {
			gunichar c = g_utf8_get_char(s);
			if (g_unichar_isspace(c) || c == 0x3000 || c < 0x20) {
				space = 1;
				continue;
			}
			struct rp_glyph *g = &(*out)[n++];
			g->space = space;
			space = 0;
			g->x0 = r[k].x1;
			g->x1 = r[k].x2;
			g->yc = (r[k].y1 + r[k].y2) / 2;
			g->h = fabs(r[k].y2 - r[k].y1);
			memset(g->u, 0, sizeof g->u);
			g_unichar_to_utf8(c, g->u);
			g->wide = width_char(c) == 2;
			/* a CJK character is as wide as its type is tall, a
			 * letter or a figure about half */
			double w = (g->x1 - g->x0) * (g->wide ? 1 : 2);
			g->size = w > g->h / 4 && w < g->h ? w : g->h;
		}
	}
	g_free(r);
	g_free(text);
	return n;
}

/* The characters in lines: one baseline (their middles within a third of
 * their type's size) a line, top to bottom. */
static int rp_lines(struct rp_glyph *g, int n, struct rp_line **out)
{
	qsort(g, (size_t)n, sizeof *g, rp_by_y);
	int nl = 0;
	*out = NULL;
	for (int i = 0; i < n;) {
		int j = i + 1;
		double sum = g[i].yc, h = g[i].h, size = g[i].size;
		while (j < n && fabs(g[j].yc - sum / (j - i)) <
				    0.35 * (size > g[j].size ? g[j].size : size)) {
			sum += g[j].yc;
			h = h > g[j].h ? h : g[j].h;
			size = size > g[j].size ? size : g[j].size;
			j++;
		}
		*out = xgrow(*out, (size_t)nl, sizeof **out);
		qsort(g + i, (size_t)(j - i), sizeof *g, rp_by_x);
		(*out)[nl++] = (struct rp_line){g + i, j - i, sum / (j - i), h};
		i = j;
	}
	return nl;
}

/* Where the cells of a table's columns begin: the left edges that cells
 * of three lines or more share (within RP_ALIGN points). */
struct rp_starts {
	double *x; /* sorted */
	int n;
};

#define RP_ALIGN 0.6

/* Whether x is where a column's cells begin. */
static int rp_at_start(const struct rp_starts *s, double x)
{
	int lo = 0, hi = s->n;
	while (lo < hi) {
		int mid = (lo + hi) / 2;
		if (s->x[mid] < x - RP_ALIGN)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < s->n && s->x[lo] <= x + RP_ALIGN;
}

/* Whether a cell of line l parts before its character k: a gap wider than
 * gap points, or a space in the page's text where a column begins (a
 * narrow column's text, （三） over 不予 and 公开, runs up to the next
 * column's, 4.保护第三方, with no gap between them). */
static int rp_parts(const struct rp_line *l, int k, double gap, const struct rp_starts *s)
{
	return l->g[k].x0 - l->g[k - 1].x1 > gap ||
	       (s != NULL && l->g[k].space && rp_at_start(s, l->g[k].x0));
}

/* The column starts of lines l[0..nl): the left edges of the cells (parted
 * by gaps) of lines of two cells or more, where three such lines or more
 * begin one. To free (s->x). */
static void rp_column_starts(const struct rp_line *l, int nl, double gap, struct rp_starts *s)
{
	double *x = NULL;
	int n = 0;
	for (int i = 0; i < nl; i++) {
		int cells = 1;
		for (int k = 1; k < l[i].n; k++)
			cells += rp_parts(&l[i], k, gap, NULL);
		if (cells < 2)
			continue;
		for (int k = 0; k < l[i].n; k++)
			if (k == 0 || rp_parts(&l[i], k, gap, NULL)) {
				x = xgrow(x, (size_t)n, sizeof *x);
				x[n++] = l[i].g[k].x0;
			}
	}
	if (n > 0)
		qsort(x, (size_t)n, sizeof *x, rp_double);
	s->n = 0;
	for (int i = 0; i < n;) {
		int j = i + 1;
		while (j < n && x[j] - x[i] <= RP_ALIGN)
			j++;
		if (j - i >= 3)
			x[s->n++] = x[i + (j - i) / 2];
		i = j;
	}
	s->x = x;
}

/* A line as text: its cells at the columns their places give (col
 * points a column, every character one column however wide, as
 * pdftotext -layout counts them and the text reader reads them), two
 * spaces at least between cells. Cells part as rp_parts says; within one,
 * a gap wider than a fifth of the text's size between letters or digits
 * is a space. */
static void rp_line_text(const struct rp_line *l, double left, double col, double gap,
			 const struct rp_starts *s, struct buf *out)
{
	int at = 0; /* the columns written */
	for (int i = 0; i < l->n;) {
		int j = i + 1;
		while (j < l->n && !rp_parts(l, j, gap, s))
			j++;
		/* a column far past any page's (a text matrix stretched a
		 * million times) is written two spaces on, not as a gigabyte
		 * of them */
		double x = (l->g[i].x0 - left) / col;
		int want = isfinite(x) && x >= 0 && x < RP_MAX_COLUMN ? (int)lround(x) : at + 2;
		int pad = want - at;
		if (i > 0 && pad < 2)
			pad = 2;
		for (int k = 0; k < pad; k++)
			buf_putc(out, ' ');
		at += pad > 0 ? pad : 0;
		for (int k = i; k < j; k++) {
			if (k > i && !l->g[k].wide && !l->g[k - 1].wide &&
			    l->g[k].x0 - l->g[k - 1].x1 > l->h * 0.15) {
				buf_putc(out, ' ');
				at++;
			}
			buf_puts(out, l->g[k].u);
			at++;
		}
		i = j;
	}
	buf_putc(out, '\n');
}

/* A page read: its text, and where its first and last lines are when they
 * stand apart at its top or bottom (a running head or foot, if other
 * pages have the same). */
struct rp_page {
	struct buf text;
	size_t head_end, foot_start;
	char *head, *foot; /* those lines' characters, figures as # */
};

/* The characters of line l, each figure as #: what a running head or foot
 * keeps from page to page. To free. */
static char *rp_line_key(const struct rp_line *l)
{
	struct buf k;
	buf_init(&k);
	for (int i = 0; i < l->n; i++)
		buf_puts(&k, l->g[i].u[0] >= '0' && l->g[i].u[0] <= '9' ? "#" : l->g[i].u);
	return k.data ? k.data : xstrdup("");
}

/* The n characters of a page ph points high as its text, into pg. */
static void rp_page_text(struct rp_glyph *g, int n, double ph, struct rp_page *pg)
{
	/* the text's size: the middle of its characters' heights, and its
	 * columns: half a CJK character */
	double *v = xcalloc((size_t)n, sizeof *v);
	for (int i = 0; i < n; i++)
		v[i] = g[i].h;
	double h = rp_median(v, n);
	int nw = 0;
	for (int i = 0; i < n; i++)
		if (g[i].wide)
			v[nw++] = g[i].x1 - g[i].x0;
	double cw = nw > 0 ? rp_median(v, nw) / 2 : h / 2.8;
	free(v);
	if (cw <= 0.5)
		cw = 0.5;
	/* the page's text begins at the first column, as pdftotext -layout
	 * begins it: a paragraph's first line indented, the lines after it
	 * not */
	double left = g[0].x0;
	for (int i = 1; i < n; i++)
		left = g[i].x0 < left ? g[i].x0 : left;
	struct rp_line *l;
	int nl = rp_lines(g, n, &l);
	struct rp_starts starts;
	rp_column_starts(l, nl, cw * 1.6, &starts);
	struct buf *out = &pg->text;
	pg->foot_start = (size_t)-1;
	for (int i = 0; i < nl; i++) {
		size_t start = out->len;
		/* a paragraph's gap above: a blank line */
		if (i > 0 && l[i].yc - l[i - 1].yc > 1.9 * h)
			buf_putc(out, '\n');
		rp_line_text(&l[i], left, cw, cw * 1.6, &starts, out);
		/* alone in the page's top or bottom twelfth */
		if (i == 0 && l[0].yc < ph / 12 && (nl == 1 || l[1].yc - l[0].yc > 1.5 * h)) {
			pg->head = rp_line_key(&l[0]);
			pg->head_end = out->len;
		}
		if (i == nl - 1 && i > 0 && l[i].yc > ph * 11 / 12 &&
		    l[i].yc - l[i - 1].yc > 1.5 * h) {
			pg->foot = rp_line_key(&l[i]);
			pg->foot_start = start;
		}
	}
	if (pg->foot == NULL)
		pg->foot_start = out->len;
	free(starts.x);
	free(l);
}

/* For each page, how many pages have its head (head, from the second page
 * on) or its foot, in order of the keys sorted: no page compared with
 * every other (a PDF may have a million pages). To free. */
struct rp_key {
	const char *key;
	int page;
};

static int rp_by_key(const void *a, const void *b)
{
	return strcmp(((const struct rp_key *)a)->key, ((const struct rp_key *)b)->key);
}

static int *rp_counts(const struct rp_page *pg, int np, int head)
{
	int *count = xcalloc((size_t)np + 1, sizeof *count);
	struct rp_key *k = xcalloc((size_t)np + 1, sizeof *k);
	int n = 0;
	for (int p = head ? 1 : 0; p < np; p++) {
		const char *key = head ? pg[p].head : pg[p].foot;
		if (key != NULL)
			k[n++] = (struct rp_key){key, p};
	}
	qsort(k, (size_t)n, sizeof *k, rp_by_key);
	for (int i = 0; i < n;) {
		int j = i;
		while (j < n && strcmp(k[j].key, k[i].key) == 0)
			j++;
		for (int m = i; m < j; m++)
			count[k[m].page] = j - i;
		i = j;
	}
	free(k);
	return count;
}

/* The PDF doc (NULL: not one, err why), unreferenced here. */
static int readpdf_doc(PopplerDocument *doc, GError *err, struct buf *out, const char **why,
		       int *pages)
{
	*pages = 0;
	if (doc == NULL) {
		*why = err && err->domain == POPPLER_ERROR && err->code == POPPLER_ERROR_ENCRYPTED
			   ? _("protected by a password: it cannot be read")
			   : _("not a PDF nianbao can read (a damaged file, or no PDF)");
		if (err)
			g_error_free(err);
		return -1;
	}
	int np = poppler_document_get_n_pages(doc);
	*pages = np;
	long total = 0;
	struct rp_page *pg = xcalloc((size_t)np + 1, sizeof *pg);
	for (int p = 0; p < np; p++) {
		buf_init(&pg[p].text);
		PopplerPage *page = poppler_document_get_page(doc, p);
		if (page == NULL)
			continue;
		double pw, ph;
		poppler_page_get_size(page, &pw, &ph);
		struct rp_glyph *g;
		int n = rp_glyphs(page, &g);
		total += n;
		if (n > 0)
			rp_page_text(g, n, ph, &pg[p]);
		free(g);
		g_object_unref(page);
	}
	g_object_unref(doc);
	/* a running head or foot: the same line (figures aside) alone at the
	 * top or the bottom of most pages; the first page keeps its head,
	 * which may be the report's title */
	int *heads = rp_counts(pg, np, 1), *feet = rp_counts(pg, np, 0);
	for (int p = 0; p < np; p++) {
		size_t from = p > 0 && heads[p] >= 2 && heads[p] * 2 >= np - 1 ? pg[p].head_end : 0;
		size_t to = feet[p] >= 2 && feet[p] * 2 >= np ? pg[p].foot_start : pg[p].text.len;
		if (to > from)
			buf_add(out, pg[p].text.data + from, to - from);
		buf_putc(out, '\f');
	}
	free(heads);
	free(feet);
	for (int p = 0; p < np; p++) {
		buf_free(&pg[p].text);
		free(pg[p].head);
		free(pg[p].foot);
	}
	free(pg);
	if (total == 0) {
		*why = _("a scan: its pages hold no text, only images (nianbao reads no images)");
		return -2;
	}
	return 0;
}

int readpdf(const char *path, struct buf *out, const char **why, int *pages)
{
	GError *err = NULL;
	char *abs = g_canonicalize_filename(path, NULL);
	char *uri = g_filename_to_uri(abs, NULL, NULL);
	g_free(abs);
	PopplerDocument *doc = uri ? poppler_document_new_from_file(uri, NULL, &err) : NULL;
	g_free(uri);
	return readpdf_doc(doc, err, out, why, pages);
}

int readpdf_bytes(const char *data, size_t len, struct buf *out, const char **why, int *pages)
{
	GError *err = NULL;
	GBytes *b = g_bytes_new_static(data, len);
	PopplerDocument *doc = poppler_document_new_from_bytes(b, NULL, &err);
	int rc = readpdf_doc(doc, err, out, why, pages);
	g_bytes_unref(b);
	return rc;
}
