/* Text rendering: tables are drawn on a canvas of character cells from a
 * list of rectangular regions (merged cells), rules first, then text. */
#include "output/render.h"
#include "base/buf.h"
#include "engine/compare.h"
#include "base/diag.h"
#include "engine/engine.h"
#include "model/form.h"
#include "model/layout.h"
#include "model/report.h"
#include "model/value.h"
#include "base/width.h"
#include "base/xmalloc.h"

#include <stdlib.h>
#include <string.h>

struct render_opts render_defaults(void)
{
	return (struct render_opts){.width = 80};
}

struct render_region {
	int r0, r1, c0, c1; /* row and column slots, inclusive */
	char *text;
	enum width_align align;
	int indent;
	char **lines;
	int nlines;
};

struct render_canvas {
	int w, h;
	char (*cell)[8]; /* one character per cell; "" continues a wide one */
};

struct render_grid {
	struct render_region *rg;
	int n;
	int nrows, ncols; /* slots */
	int *colw;        /* inner width of each column slot */
	int *rowh;        /* lines of each row slot */
	int *owner;       /* region of each slot, nrows * ncols */
};

static void render_region_add(struct render_grid *g, int r0, int r1, int c0, int c1,
			      const char *text, enum width_align align, int indent)
{
	g->rg = xreallocarray(g->rg, (size_t)g->n + 1, sizeof *g->rg);
	g->rg[g->n++] = (struct render_region){r0,    r1,     c0,   c1, xstrdup(text ? text : ""),
					       align, indent, NULL, 0};
}

static void render_canvas_put(struct render_canvas *cv, int x, int y, const char *ch, int chw)
{
	if (x < 0 || y < 0 || y >= cv->h || x + chw > cv->w)
		return;
	char *cell = cv->cell[y * cv->w + x];
	size_t n = 0; /* a character's bytes, as many as the cell holds with its NUL */
	for (; n + 1 < sizeof cv->cell[0] && ch[n] != '\0'; n++)
		cell[n] = ch[n];
	cell[n] = '\0';
	for (int k = 1; k < chw; k++)
		cv->cell[y * cv->w + x + k][0] = '\0';
}

static void render_canvas_text(struct render_canvas *cv, int x, int y, const char *s, int amb)
{
	size_t n = strlen(s);
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		int k = width_decode(s + i, n - i, &cp);
		if (k < 0)
			k = 1, cp = '?';
		char ch[8];
		memcpy(ch, s + i, (size_t)k);
		ch[k] = '\0';
		int cw = width_char_amb(cp, amb);
		if (cw > 0) {
			render_canvas_put(cv, x, y, ch, cw);
			x += cw;
		}
		i += (size_t)k;
	}
}

/* Box drawing by the arms that meet at a point: up, down, left, right. */
static const char *render_junction(int up, int down, int left, int right, int ascii)
{
	static const char *box[16] = {" ", "─", "─", "─", "│", "┌", "┐", "┬",
				      "│", "└", "┘", "┴", "│", "├", "┤", "┼"};
	int v = up || down, h = left || right;
	if (ascii)
		return v && h ? "+" : v ? "|" : h ? "-" : " ";
	return box[(up << 3) | (down << 2) | (left << 1) | right];
}

static int render_hrule(const struct render_grid *g, int b, int c)
{
	return b == 0 || b == g->nrows ||
	       g->owner[(b - 1) * g->ncols + c] != g->owner[b * g->ncols + c];
}

static int render_vrule(const struct render_grid *g, int r, int j)
{
	return j == 0 || j == g->ncols ||
	       g->owner[r * g->ncols + j - 1] != g->owner[r * g->ncols + j];
}

/* Lays out the regions: wraps their text, sizes the rows, draws. */
static void render_grid_draw(struct render_grid *g, const struct render_opts *o, struct buf *out)
{
	int sepw = o->wide_ambiguous && !o->ascii ? 2 : 1, amb = o->wide_ambiguous;
	g->owner = xmalloc((size_t)(g->nrows * g->ncols) * sizeof *g->owner);
	for (int i = 0; i < g->n; i++)
		for (int r = g->rg[i].r0; r <= g->rg[i].r1; r++)
			for (int c = g->rg[i].c0; c <= g->rg[i].c1; c++)
				g->owner[r * g->ncols + c] = i;
	int *xs = xmalloc(((size_t)g->ncols + 1) * sizeof *xs);
	xs[0] = 0;
	for (int c = 0; c < g->ncols; c++)
		xs[c + 1] = xs[c] + sepw + g->colw[c];
	g->rowh = xmalloc((size_t)g->nrows * sizeof *g->rowh);
	for (int r = 0; r < g->nrows; r++)
		g->rowh[r] = 1;
	/* single-row regions first, then spanning ones take what they lack */
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < g->n; i++) {
			struct render_region *R = &g->rg[i];
			if ((R->r0 == R->r1) != (pass == 0))
				continue;
			int inner = xs[R->c1 + 1] - xs[R->c0] - sepw - 2 - R->indent;
			R->nlines = *R->text ? width_wrap_amb(R->text, inner, amb, &R->lines) : 0;
			if (R->align == ALIGN_CENTER && R->nlines > 1) {
				/* as narrow as the same number of lines allows:
				 * 结果/维持, not 结果维/持 */
				char **t;
				int nt;
				while (inner > 2 &&
				       (nt = width_wrap(R->text, inner - 1, &t)) == R->nlines) {
					width_lines_free(R->lines, R->nlines);
					R->lines = t;
					inner--;
				}
				if (inner > 2)
					width_lines_free(t, nt);
			}
			int have = -1;
			for (int r = R->r0; r <= R->r1; r++)
				have += g->rowh[r] + 1;
			if (R->nlines > have)
				g->rowh[R->r1] += R->nlines - have;
		}
	int *ys = xmalloc(((size_t)g->nrows + 1) * sizeof *ys);
	ys[0] = 0;
	for (int r = 0; r < g->nrows; r++)
		ys[r + 1] = ys[r] + 1 + g->rowh[r];
	struct render_canvas cv = {xs[g->ncols] + sepw, ys[g->nrows] + 1, NULL};
	cv.cell = xcalloc((size_t)(cv.w * cv.h), sizeof *cv.cell);
	for (int i = 0; i < cv.w * cv.h; i++)
		strcpy(cv.cell[i], " ");
	const char *hl = o->ascii ? "-" : render_junction(0, 0, 1, 1, 0);
	const char *vl = o->ascii ? "|" : render_junction(1, 1, 0, 0, 0);
	for (int b = 0; b <= g->nrows; b++)
		for (int c = 0; c < g->ncols; c++)
			if (render_hrule(g, b, c))
				for (int x = xs[c] + sepw; x < xs[c + 1]; x += sepw)
					render_canvas_put(&cv, x, ys[b], hl, sepw);
	for (int r = 0; r < g->nrows; r++)
		for (int j = 0; j <= g->ncols; j++)
			if (render_vrule(g, r, j))
				for (int y = ys[r] + 1; y < ys[r + 1]; y++)
					render_canvas_put(&cv, xs[j], y, vl, sepw);
	for (int b = 0; b <= g->nrows; b++)
		for (int j = 0; j <= g->ncols; j++) {
			int up = b > 0 && render_vrule(g, b - 1, j);
			int down = b < g->nrows && render_vrule(g, b, j);
			int left = j > 0 && render_hrule(g, b, j - 1);
			int right = j < g->ncols && render_hrule(g, b, j);
			if (up || down || left || right)
				render_canvas_put(&cv, xs[j], ys[b],
						  render_junction(up, down, left, right, o->ascii),
						  sepw);
		}
	for (int i = 0; i < g->n; i++) {
		struct render_region *R = &g->rg[i];
		int x0 = xs[R->c0] + sepw + 1 + R->indent;
		int inner = xs[R->c1 + 1] - xs[R->c0] - sepw - 2 - R->indent;
		for (int k = 0; k < R->nlines; k++) {
			int lw = width_str_amb(R->lines[k], amb);
			int pad = R->align == ALIGN_RIGHT    ? inner - lw
				  : R->align == ALIGN_CENTER ? (inner - lw) / 2
							     : 0;
			render_canvas_text(&cv, x0 + (pad > 0 ? pad : 0), ys[R->r0] + 1 + k,
					   R->lines[k], amb);
		}
	}
	/* each line put together, then added once */
	char *line = xmalloc((size_t)cv.w * (sizeof cv.cell[0] - 1) + 2);
	for (int y = 0; y < cv.h; y++) {
		size_t n = 0;
		for (int x = 0; x < cv.w; x++)
			for (const char *c = cv.cell[y * cv.w + x]; *c != '\0'; c++)
				line[n++] = *c;
		line[n++] = '\n';
		buf_add(out, line, n);
	}
	free(line);
	free(cv.cell);
	free(xs);
	free(ys);
}

static void render_grid_free(struct render_grid *g)
{
	for (int i = 0; i < g->n; i++) {
		free(g->rg[i].text);
		width_lines_free(g->rg[i].lines, g->rg[i].nlines);
	}
	free(g->rg);
	free(g->colw);
	free(g->rowh);
	free(g->owner);
}

/* Depth of the column headings over the leaves c0..c0+nc. */
static int render_header_rows(const struct fblock *b, int c0, int nc)
{
	int h = 1;
	for (int c = c0; c < c0 + nc; c++)
		h = b->col[c]->depth + 1 > h ? b->col[c]->depth + 1 : h;
	return h;
}

static void render_headings(struct render_grid *g, const struct fblock *b,
			    const struct layout_part *p, int top, int H, int lab)
{
	/* every heading above this part's leaves, once */
	const struct fnode **seen = xcalloc((size_t)(p->nc * 8 + 1), sizeof *seen);
	int ns = 0;
	for (int c = p->c0; c < p->c0 + p->nc; c++)
		for (const struct fnode *n = b->col[c]; n != NULL; n = n->parent) {
			int dup = 0;
			for (int k = 0; k < ns && !dup; k++)
				dup = seen[k] == n;
			if (dup || ns >= p->nc * 8)
				continue;
			seen[ns++] = n;
			int s0 = n->first > p->c0 ? n->first : p->c0;
			int s1 = n->first + n->count < p->c0 + p->nc ? n->first + n->count
								     : p->c0 + p->nc;
			int r1 = n->nkids == 0 ? top + H - 1 : top + n->depth;
			render_region_add(g, top + n->depth, r1, lab + s0 - p->c0,
					  lab + s1 - 1 - p->c0, n->label, ALIGN_CENTER, 0);
		}
	free(seen);
}

static char **render_cell_texts(const struct engine *e, const struct fblock *b,
				const struct render_opts *o)
{
	const struct report *r = engine_report(e);
	char **cells = xcalloc((size_t)(b->nrows * b->ncols) + 1, sizeof *cells);
	for (int i = 0; i < b->nrows * b->ncols; i++) {
		int cell = b->base + i;
		char *s = value_str(&r->vals[cell]);
		int fl = o->mark ? engine_cell_flags(e, cell) : 0;
		if (fl) {
			cells[i] = xasprintf("%s%s", fl & ENGINE_CELL_ERROR ? "!" : "?", s);
			free(s);
		} else {
			cells[i] = s;
		}
	}
	return cells;
}

/* The texts of a comparison: this year's value, last year's, the change. */
static char **render_compare_texts(const struct engine *e, const struct fblock *b,
				   const struct render_opts *o)
{
	return compare_texts(engine_report(e), o->previous, b, render_cell_texts(e, b, o));
}

/* The rows of a block in print order: each group before its members. */
static void render_items(const struct fnode *n, const struct fnode ***items, int *count)
{
	for (int i = 0; i < n->nkids; i++) {
		*items = xreallocarray(*items, (size_t)*count + 1, sizeof **items);
		(*items)[(*count)++] = n->kids[i];
		render_items(n->kids[i], items, count);
	}
}

struct render_table *render_table_new(const struct engine *e, const struct fblock *b,
				      const struct render_opts *o, int min_total)
{
	struct render_table *t = xcalloc(1, sizeof *t);
	t->b = b;
	t->o = o;
	if (o->previous != NULL) {
		t->cells = render_compare_texts(e, b, o);
		t->b = t->own = compare_block(b);
		b = t->b;
	} else {
		t->cells = render_cell_texts(e, b, o);
	}
	int amb = o->wide_ambiguous, sepw = amb && !o->ascii ? 2 : 1;
	layout_block(b, t->cells, o->width, sepw, amb, &t->L);
	layout_stretch(&t->L, min_total);
	render_items(&b->rows, &t->items, &t->nitems);
	return t;
}

void render_table_free(struct render_table *t)
{
	if (t == NULL)
		return;
	layout_free(&t->L);
	for (int i = 0; i < t->b->nrows * t->b->ncols; i++)
		free(t->cells[i]);
	free(t->cells);
	compare_block_free(t->own);
	free(t->items);
	free(t);
}

int render_table_width(const struct render_table *t)
{
	int widest = 0;
	for (int i = 0; i < t->L.nparts; i++)
		widest = t->L.parts[i].total > widest ? t->L.parts[i].total : widest;
	return widest;
}

void render_table_rows(const struct render_table *t, int part, int from, int to, struct buf *out)
{
	const struct fblock *b = t->b;
	const struct layout_part *p = &t->L.parts[part];
	struct render_grid g = {0};
	int lab = t->L.has_label ? 1 : 0;
	g.ncols = lab + p->nc;
	g.colw = xmalloc((size_t)g.ncols * sizeof *g.colw);
	if (lab)
		g.colw[0] = p->labelw;
	memcpy(g.colw + lab, p->w, (size_t)p->nc * sizeof *p->w);
	int top = 0;
	if (b->title != NULL)
		render_region_add(&g, 0, 0, 0, g.ncols - 1, b->title, ALIGN_CENTER, 0), top = 1;
	int H = render_header_rows(b, p->c0, p->nc);
	if (lab)
		render_region_add(&g, top, top + H - 1, 0, 0, b->label_heading, ALIGN_CENTER, 0);
	render_headings(&g, b, p, top, H, lab);
	int row = top + H;
	for (int i = from; i < to; i++, row++) {
		const struct fnode *n = t->items[i];
		int ind = layout_indent(n->depth);
		if (n->nkids > 0) {
			/* a group is a full-width line above its members */
			render_region_add(&g, row, row, 0, g.ncols - 1, n->label, ALIGN_LEFT, ind);
			continue;
		}
		if (lab)
			render_region_add(&g, row, row, 0, 0, n->label, ALIGN_LEFT, ind);
		for (int c = 0; c < p->nc; c++)
			render_region_add(&g, row, row, lab + c, lab + c,
					  t->cells[n->leaf * b->ncols + p->c0 + c], ALIGN_RIGHT, 0);
	}
	g.nrows = row;
	render_grid_draw(&g, t->o, out);
	render_grid_free(&g);
}

static void render_piece_line(struct render_doc *doc, const char *text, size_t len)
{
	doc->v = xreallocarray(doc->v, (size_t)doc->n + 1, sizeof *doc->v);
	doc->v[doc->n++] = (struct render_piece){xstrndup(text, len), NULL, 0};
}

/* Lines of text wrapped to the width, each aligned. */
static void render_lines(struct render_doc *doc, const char *text, const struct render_opts *o,
			 enum width_align a)
{
	char **lines;
	int n = width_wrap_amb(text, o->width, o->wide_ambiguous, &lines);
	for (int i = 0; i < n; i++) {
		struct buf t;
		buf_init(&t);
		int gap = o->width - width_str_amb(lines[i], o->wide_ambiguous);
		buf_repeat(&t, " ", a == ALIGN_RIGHT ? gap : a == ALIGN_CENTER ? gap / 2 : 0);
		buf_puts(&t, lines[i]);
		render_piece_line(doc, t.data, t.len);
		buf_free(&t);
	}
	width_lines_free(lines, n);
}

/* Paragraphs, indented and wrapped as the prose page shows them. */
static void render_prose(struct render_doc *doc, const char *text, const struct render_opts *o)
{
	char **lines;
	int n = width_paragraphs(text, o->width, o->wide_ambiguous, &lines);
	for (int i = 0; i < n; i++)
		render_piece_line(doc, lines[i], strlen(lines[i]));
	width_lines_free(lines, n);
}

static void render_doc_table(struct render_doc *doc, struct render_table *t)
{
	for (int i = 0; i < t->L.nparts; i++) {
		if (i > 0) {
			render_piece_line(doc, "", 0);
			render_piece_line(doc, "（续表）", strlen("（续表）"));
		}
		doc->v = xreallocarray(doc->v, (size_t)doc->n + 1, sizeof *doc->v);
		doc->v[doc->n++] = (struct render_piece){NULL, t, i};
	}
	doc->tables = xreallocarray(doc->tables, (size_t)doc->ntables + 1, sizeof *doc->tables);
	doc->tables[doc->ntables++] = t;
}

void render_document(const struct engine *e, const struct render_opts *o, struct render_doc *doc)
{
	memset(doc, 0, sizeof *doc);
	const struct report *r = engine_report(e);
	const struct form *f = r->form;
	char *title = report_expand(r, f->heading);
	render_lines(doc, title, o, ALIGN_CENTER);
	free(title);
	for (int i = 0; i < f->nparts; i++) {
		const struct fpart *p = &f->parts[i];
		render_piece_line(doc, "", 0);
		if (p->title != NULL)
			render_lines(doc, p->title, o, ALIGN_LEFT);
		if (p->kind == PART_PROSE) {
			if (r->prose[p->prose] != NULL)
				render_prose(doc, r->prose[p->prose], o);
			continue;
		}
		const struct ftable *t = p->table;
		if (t->note != NULL)
			render_lines(doc, t->note, o, ALIGN_LEFT);
		/* the blocks of one table (表二) share one width, as on paper */
		int widest = 0;
		for (int k = 0; k < t->nblocks && t->nblocks > 1; k++) {
			struct render_table *m = render_table_new(e, t->blocks[k], o, 0);
			int w = render_table_width(m);
			widest = w > widest ? w : widest;
			render_table_free(m);
		}
		for (int k = 0; k < t->nblocks; k++) {
			if (k > 0)
				render_piece_line(doc, "", 0);
			render_doc_table(doc, render_table_new(e, t->blocks[k], o, widest));
		}
	}
	if (f->nsignature > 0)
		render_piece_line(doc, "", 0);
	for (int i = 0; i < f->nsignature; i++) {
		char *s = report_expand(r, f->signature[i]);
		render_lines(doc, s, o, ALIGN_RIGHT);
		free(s);
	}
}

void render_doc_free(struct render_doc *doc)
{
	for (int i = 0; i < doc->n; i++)
		free(doc->v[i].line);
	for (int i = 0; i < doc->ntables; i++)
		render_table_free(doc->tables[i]);
	free(doc->v);
	free(doc->tables);
	memset(doc, 0, sizeof *doc);
}
