/* The report as a PDF (pdf.h). Every line is placed on the page by itself,
 * so that a paragraph or a table breaks between pages at a line or a row;
 * sizes are in points (1/72 inch). */
#include "config.h"

#include "doc/pdf.h"
#include "output/doc.h"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>
#include <stdlib.h>
#include <string.h>

#define MM (72.0 / 25.4)
#define PAGE_W (210 * MM)
#define PAGE_H (297 * MM)
#define LEFT (28 * MM)
#define TOP (37 * MM)
#define BLOCK_W (156 * MM)
#define BLOCK_H (225 * MM)
#define BOTTOM (TOP + BLOCK_H)
#define BODY_PT 16.0  /* 3号 */
#define TITLE_PT 22.0 /* 2号 */
#define FOLIO_PT 14.0 /* 4号 */
#define LINES 22      /* lines a page */
#define CHARS 28      /* characters a line */
#define PITCH (BLOCK_H / LINES)
#define RULE 0.75 /* a table's rules */
#define PAD_X 6.0 /* a character of air between cells: text read from the PDF keeps them apart */
#define PAD_Y 3.0

static const char *const pdf_fonts[PDF_NROLES] = {
    "方正小标宋简体,FZXiaoBiaoSong-B05S,方正小标宋_GBK,Noto Serif CJK SC",
    "仿宋_GB2312,FangSong_GB2312,仿宋,FangSong,Noto Serif CJK SC",
    "黑体,SimHei,Noto Sans CJK SC",
    "楷体_GB2312,KaiTi_GB2312,楷体,KaiTi,AR PL UKai CN,Noto Serif CJK SC",
    "宋体,SimSun,Noto Serif CJK SC",
};

const char *pdf_default_fonts(enum pdf_role role)
{
	return pdf_fonts[role];
}

struct pdf {
	cairo_surface_t *surface;
	cairo_t *cr;
	PangoContext *ctx;
	PangoFontDescription *font[PDF_NROLES];
	int page;  /* the page being drawn, from 1 */
	double y;  /* the top of the next line on it */
	int fresh; /* nothing drawn on the page yet */
};

static cairo_status_t pdf_out(void *closure, const unsigned char *data, unsigned int len)
{
	return fwrite(data, 1, len, closure) == len ? CAIRO_STATUS_SUCCESS
						    : CAIRO_STATUS_WRITE_ERROR;
}

/* — N — under the text block: at the right of an odd page, the left of an
 * even one, a character in from the edge. */
static void pdf_folio(struct pdf *P);

static PangoLayout *pdf_layout(struct pdf *P, enum pdf_role role, double size, double width,
			       const char *text)
{
	PangoLayout *l = pango_layout_new(P->ctx);
	PangoFontDescription *fd = pango_font_description_copy(P->font[role]);
	pango_font_description_set_absolute_size(fd, size * PANGO_SCALE);
	pango_layout_set_font_description(l, fd);
	pango_font_description_free(fd);
	if (width > 0) {
		pango_layout_set_width(l, (int)(width * PANGO_SCALE));
		pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	}
	pango_layout_set_text(l, text, -1);
	return l;
}

static void pdf_new_page(struct pdf *P)
{
	if (!P->fresh || P->page == 0) {
		if (P->page > 0) {
			pdf_folio(P);
			cairo_show_page(P->cr);
		}
		P->page++;
	}
	P->y = TOP;
	P->fresh = 1;
}

static void pdf_folio(struct pdf *P)
{
	char s[32];
	snprintf(s, sizeof s, "— %d —", P->page);
	PangoLayout *l = pdf_layout(P, PDF_SONG, FOLIO_PT, -1, s);
	PangoRectangle ink, logical;
	pango_layout_get_extents(l, &ink, &logical);
	double w = (double)logical.width / PANGO_SCALE;
	double x = P->page % 2 ? LEFT + BLOCK_W - FOLIO_PT - w : LEFT + FOLIO_PT;
	/* its top 7 mm under the text block */
	cairo_move_to(P->cr, x, BOTTOM + 7 * MM);
	pango_cairo_show_layout(P->cr, l);
	g_object_unref(l);
}

/* Room for h more points on the page, or a new one. */
static void pdf_need(struct pdf *P, double h)
{
	if (P->y + h > BOTTOM + 0.01 && !P->fresh)
		pdf_new_page(P);
}

/* Each line of l, x from the left of the text block, one pitch a line,
 * the text centred in its pitch. */
static void pdf_lines(struct pdf *P, PangoLayout *l, double x, double pitch)
{
	PangoLayoutIter *it = pango_layout_get_iter(l);
	do {
		PangoLayoutLine *line = pango_layout_iter_get_line_readonly(it);
		PangoRectangle at, own;
		pango_layout_iter_get_line_extents(it, NULL, &at);
		pango_layout_line_get_extents(line, NULL, &own);
		pdf_need(P, pitch);
		double h = (double)own.height / PANGO_SCALE;
		double base = P->y + (pitch - h) / 2 - (double)own.y / PANGO_SCALE;
		cairo_move_to(P->cr, x + (double)(at.x - own.x) / PANGO_SCALE, base);
		pango_cairo_show_layout_line(P->cr, line);
		P->y += pitch;
		P->fresh = 0;
	} while (pango_layout_iter_next_line(it));
	pango_layout_iter_free(it);
}

/* The body's characters spaced so that 28 fill a line. */
static void pdf_body_spacing(PangoLayout *l)
{
	PangoAttrList *a = pango_attr_list_new();
	double spacing = BLOCK_W / CHARS - BODY_PT;
	pango_attr_list_insert(a, pango_attr_letter_spacing_new((int)(spacing * PANGO_SCALE)));
	pango_layout_set_attributes(l, a);
	pango_attr_list_unref(a);
}

/* A paragraph of the body: indented two characters; a heading's first
 * words (（一）组织与制度。) in 楷体 when kai. */
static void pdf_para(struct pdf *P, const char *text, enum pdf_role role, int kai)
{
	PangoLayout *l = pdf_layout(P, role, BODY_PT, BLOCK_W, text);
	pdf_body_spacing(l);
	pango_layout_set_indent(l, (int)(2 * BLOCK_W / CHARS * PANGO_SCALE));
	if (kai) {
		/* to the first 。 if the heading has one within 30 characters,
		 * else the numbering alone */
		const char *stop = strstr(text, "。");
		const char *num = strstr(text, "）");
		size_t end = stop && stop - text <= 90 ? (size_t)(stop - text) + 3
			     : num                     ? (size_t)(num - text) + 3
						       : 0;
		PangoAttrList *a = pango_layout_get_attributes(l);
		PangoAttribute *f =
		    pango_attr_family_new(pango_font_description_get_family(P->font[PDF_KAI]));
		f->start_index = 0;
		f->end_index = (guint)end;
		pango_attr_list_insert(a, f);
		pango_layout_set_attributes(l, a);
	}
	pdf_lines(P, l, LEFT, PITCH);
	g_object_unref(l);
}

/* The title, centred, in lines of balanced length. */
static void pdf_title(struct pdf *P, const char *text)
{
	PangoLayout *l = pdf_layout(P, PDF_TITLE, TITLE_PT, -1, text);
	PangoRectangle logical;
	pango_layout_get_extents(l, NULL, &logical);
	double natural = (double)logical.width / PANGO_SCALE;
	/* too long for a line: broken where the words part (the organ and
	 * the year / 政府信息公开工作年度报告) when both halves fit, else
	 * in lines of balanced length */
	const char *at = strstr(text, "政府信息公开");
	if (at == NULL)
		at = strstr(text, "政务公开");
	if (natural > BLOCK_W && at != NULL && at > text) {
		char *two = malloc(strlen(text) + 2);
		if (two != NULL) {
			size_t k = (size_t)(at - text);
			memcpy(two, text, k);
			two[k] = '\n';
			strcpy(two + k + 1, at);
			pango_layout_set_text(l, two, -1);
			pango_layout_get_extents(l, NULL, &logical);
			if ((double)logical.width / PANGO_SCALE <= BLOCK_W)
				natural = (double)logical.width / PANGO_SCALE;
			else
				pango_layout_set_text(l, text, -1);
			free(two);
		}
	}
	int lines = (int)(natural / BLOCK_W) + 1;
	double width = natural / lines + TITLE_PT;
	if (width > BLOCK_W)
		width = BLOCK_W;
	pango_layout_set_width(l, (int)(width * PANGO_SCALE));
	pango_layout_set_wrap(l, PANGO_WRAP_WORD_CHAR);
	pango_layout_set_alignment(l, PANGO_ALIGN_CENTER);
	pdf_lines(P, l, LEFT + (BLOCK_W - width) / 2, PITCH * 1.25);
	g_object_unref(l);
	P->y += PITCH; /* a blank line under it */
}

/* The signature: the organ centred over the date, the date four
 * characters in from the right. */
static void pdf_signature(struct pdf *P, const struct doc *d, int from)
{
	const char *date = NULL;
	for (int i = from; i < d->n; i++)
		if (d->v[i].kind == DOC_DATE)
			date = d->v[i].text;
	double em = BLOCK_W / CHARS;
	double right = LEFT + BLOCK_W - 4 * em, centre = right;
	if (date != NULL) {
		PangoLayout *l = pdf_layout(P, PDF_BODY, BODY_PT, -1, date);
		pdf_body_spacing(l);
		PangoRectangle logical;
		pango_layout_get_extents(l, NULL, &logical);
		centre = right - (double)logical.width / PANGO_SCALE / 2;
		g_object_unref(l);
	}
	/* two blank lines over the signature, kept with it on its page */
	int n = 0;
	for (int i = from; i < d->n; i++)
		n += d->v[i].kind == DOC_SIGNATURE || d->v[i].kind == DOC_DATE;
	pdf_need(P, (2 + n) * PITCH);
	if (!P->fresh)
		P->y += 2 * PITCH;
	for (int i = from; i < d->n; i++) {
		const struct doc_item *it = &d->v[i];
		if (it->kind != DOC_SIGNATURE && it->kind != DOC_DATE)
			continue;
		PangoLayout *l = pdf_layout(P, PDF_BODY, BODY_PT, -1, it->text);
		pdf_body_spacing(l);
		PangoRectangle logical;
		pango_layout_get_extents(l, NULL, &logical);
		double w = (double)logical.width / PANGO_SCALE;
		double x = it->kind == DOC_DATE ? right - w : centre - w / 2;
		if (x + w > LEFT + BLOCK_W)
			x = LEFT + BLOCK_W - w;
		if (x < LEFT)
			x = LEFT;
		pdf_lines(P, l, x, PITCH);
		g_object_unref(l);
	}
}

/* A table laid out: its size, the left of each column and the height of
 * each row. */
struct pdf_grid {
	const struct doc_table *t;
	double size, line;
	double *x; /* cols + 1 */
	double *h; /* rows */
};

static enum pdf_role pdf_cell_role(const struct doc_table *t, const struct doc_cell *c)
{
	int across = c->kind == SPAN_GROUP && c->cols == t->cols;
	return c->kind == SPAN_CORNER || c->kind == SPAN_COLUMN || across ? PDF_HEI : PDF_BODY;
}

static double pdf_width(struct pdf *P, enum pdf_role role, double size, const char *text)
{
	PangoLayout *l = pdf_layout(P, role, size, -1, text);
	PangoRectangle logical;
	pango_layout_get_extents(l, NULL, &logical);
	g_object_unref(l);
	return (double)logical.width / PANGO_SCALE;
}

/* Columns at size: a figure's column as wide as its widest figure (two
 * characters at least), a group's column as its label (five characters at
 * most), the row labels' column as its longest label; room to spare goes
 * first to columns whose heading would be broken, then to the labels. 0
 * when the row labels keep seven characters or more. */
static int pdf_columns(struct pdf *P, struct pdf_grid *g, double size)
{
	const struct doc_table *t = g->t;
	double em = size;
	double *w = calloc((size_t)t->cols + 1, sizeof *w);
	double *want = calloc((size_t)t->cols + 1, sizeof *want);
	int last = t->labels - 1; /* the row labels' column; -1 none */
	for (int i = 0; i < t->ncells; i++) {
		const struct doc_cell *c = &t->cells[i];
		if (c->cols != 1)
			continue;
		double tw = pdf_width(P, pdf_cell_role(t, c), size, c->text) + 2 * PAD_X;
		if (c->kind == SPAN_VALUE && tw > w[c->c])
			w[c->c] = tw;
		else if (c->kind == SPAN_COLUMN && c->c > last && tw + em > want[c->c])
			want[c->c] = tw + em; /* and air beside it */
		else if (c->kind == SPAN_GROUP && c->c < last) {
			tw = tw < 5 * em + 2 * PAD_X ? tw : 5 * em + 2 * PAD_X;
			w[c->c] = tw > w[c->c] ? tw : w[c->c];
		}
	}
	double used = 0;
	for (int c = 0; c < t->cols; c++) {
		if (c > last && w[c] < 2 * em + 2 * PAD_X)
			w[c] = 2 * em + 2 * PAD_X;
		if (c != last)
			used += w[c];
	}
	/* the longest row label, in the room its row gives it beside the
	 * label columns it spans */
	double longest = 0;
	for (int i = 0; i < t->ncells; i++) {
		const struct doc_cell *c = &t->cells[i];
		if (c->kind != SPAN_ROW || c->c + c->cols != t->labels)
			continue;
		double lw = pdf_width(P, PDF_BODY, size, c->text) + 2 * PAD_X;
		for (int k = c->c; k < last; k++)
			lw -= w[k];
		longest = lw > longest ? lw : longest;
	}
	double rest = BLOCK_W - used, spare = 0;
	if (last < 0) {
		spare = rest;
	} else if (rest > longest) {
		spare = rest - longest;
		rest = longest;
	}
	for (int c = last + 1; c < t->cols && spare > 0; c++)
		if (want[c] > w[c]) {
			double give = want[c] - w[c] < spare ? want[c] - w[c] : spare;
			w[c] += give;
			spare -= give;
		}
	if (last >= 0) {
		w[last] = rest + spare;
	} else if (t->cols > 0) {
		for (int c = 0; c < t->cols; c++)
			w[c] += spare / t->cols;
	}
	g->x[0] = LEFT;
	for (int c = 0; c < t->cols; c++)
		g->x[c + 1] = g->x[c] + w[c];
	int ok = last < 0 || w[last] >= 7 * em + 2 * PAD_X;
	free(w);
	free(want);
	return ok ? 0 : -1;
}

static double pdf_cell_height(struct pdf *P, const struct pdf_grid *g, const struct doc_cell *c)
{
	double w = g->x[c->c + c->cols] - g->x[c->c] - 2 * PAD_X;
	PangoLayout *l = pdf_layout(P, pdf_cell_role(g->t, c), g->size, w, c->text);
	int n = pango_layout_get_line_count(l);
	g_object_unref(l);
	return (n > 0 ? n : 1) * g->line + 2 * PAD_Y;
}

static void pdf_grid_make(struct pdf *P, struct pdf_grid *g, const struct doc_table *t)
{
	g->t = t;
	g->x = calloc((size_t)t->cols + 2, sizeof *g->x);
	g->h = calloc((size_t)t->rows + 1, sizeof *g->h);
	/* 小四, smaller (to 9 points) until the labels have room */
	for (g->size = 12; g->size > 9 && pdf_columns(P, g, g->size) < 0; g->size -= 0.5)
		;
	if (g->size <= 9)
		pdf_columns(P, g, g->size);
	g->line = g->size * 1.35;
	for (int r = 0; r < t->rows; r++)
		g->h[r] = g->line + 2 * PAD_Y;
	for (int i = 0; i < t->ncells; i++)
		if (t->cells[i].rows == 1) {
			double need = pdf_cell_height(P, g, &t->cells[i]);
			if (need > g->h[t->cells[i].r])
				g->h[t->cells[i].r] = need;
		}
	for (int i = 0; i < t->ncells; i++) {
		const struct doc_cell *c = &t->cells[i];
		if (c->rows < 2)
			continue;
		double have = 0, need = pdf_cell_height(P, g, c);
		for (int r = c->r; r < c->r + c->rows; r++)
			have += g->h[r];
		if (need > have)
			g->h[c->r + c->rows - 1] += need - have;
	}
}

/* The cells of rows [a, b) from the page's y: each cell's part in them
 * ruled, its text in the part that holds its first row (or, continued from
 * the page before, in the first part here). */
static void pdf_rows(struct pdf *P, const struct pdf_grid *g, int a, int b)
{
	const struct doc_table *t = g->t;
	double *top = calloc((size_t)(b - a) + 2, sizeof *top);
	top[0] = P->y;
	for (int r = a; r < b; r++)
		top[r - a + 1] = top[r - a] + g->h[r];
	cairo_set_line_width(P->cr, RULE);
	for (int i = 0; i < t->ncells; i++) {
		const struct doc_cell *c = &t->cells[i];
		int from = c->r > a ? c->r : a, to = c->r + c->rows < b ? c->r + c->rows : b;
		if (from >= to)
			continue;
		double x0 = g->x[c->c], x1 = g->x[c->c + c->cols];
		double y0 = top[from - a], y1 = top[to - a];
		cairo_rectangle(P->cr, x0, y0, x1 - x0, y1 - y0);
		cairo_stroke(P->cr);
		if (!*c->text)
			continue;
		enum pdf_role role = pdf_cell_role(t, c);
		PangoLayout *l = pdf_layout(P, role, g->size, x1 - x0 - 2 * PAD_X, c->text);
		int head = role == PDF_HEI;
		pango_layout_set_alignment(l, c->kind == SPAN_VALUE ? PANGO_ALIGN_RIGHT
					      : head                ? PANGO_ALIGN_CENTER
								    : PANGO_ALIGN_LEFT);
		if (c->kind == SPAN_VALUE) {
			/* figures of one width (tabular), so that a column's
			 * digits stand under each other */
			PangoAttrList *a = pango_attr_list_new();
			pango_attr_list_insert(a, pango_attr_font_features_new("tnum 1"));
			pango_layout_set_attributes(l, a);
			pango_attr_list_unref(a);
		}
		PangoRectangle logical;
		pango_layout_get_extents(l, NULL, &logical);
		double th = (double)logical.height / PANGO_SCALE;
		/* every text at the top of its part, as Word sets a table: a
		 * heading broken over lines lines up with its neighbours', and
		 * the figures are on the line of their row's label (text read
		 * from the PDF keeps each row a line) */
		(void)th;
		double ty = y0 + PAD_Y;
		cairo_save(P->cr);
		cairo_rectangle(P->cr, x0, y0, x1 - x0, y1 - y0);
		cairo_clip(P->cr);
		cairo_move_to(P->cr, x0 + PAD_X, ty);
		pango_cairo_show_layout(P->cr, l);
		cairo_restore(P->cr);
		g_object_unref(l);
	}
	P->y = top[b - a];
	P->fresh = 0;
	free(top);
}

/* The rows from r that fit from the page's y, ending on a row of figures
 * (a heading or an item's title is kept with the row under it); r when
 * none does. */
static int pdf_fit(const struct pdf *P, const struct pdf_grid *g, int r)
{
	double y = P->y;
	int e = r;
	while (e < g->t->rows && y + g->h[e] <= BOTTOM + 0.01)
		y += g->h[e++];
	while (e > r && e < g->t->rows && g->t->head_from[e - 1] < 0)
		e--;
	return e;
}

static void pdf_table(struct pdf *P, const struct doc_table *t)
{
	struct pdf_grid g;
	pdf_grid_make(P, &g, t);
	int r = 0;
	while (r < t->rows) {
		int e = pdf_fit(P, &g, r);
		if (e == r && !P->fresh) {
			pdf_new_page(P);
			/* （续表）, and the headings over the rows that go on */
			if (r > 0) {
				PangoLayout *l = pdf_layout(P, PDF_BODY, g.size, -1, "（续表）");
				pdf_lines(P, l, LEFT, g.line + 2 * PAD_Y);
				g_object_unref(l);
				if (t->head_from[r] >= 0)
					pdf_rows(P, &g, t->head_from[r], t->head_to[r]);
			}
			continue;
		}
		if (e == r) /* taller than a page: drawn all the same */
			e = r + 1;
		pdf_rows(P, &g, r, e);
		r = e;
	}
	free(g.x);
	free(g.h);
}

/* The height of t's first rows, to its first row of figures: what a
 * heading over it keeps with it on its page. */
static double pdf_table_lead(struct pdf *P, const struct doc_table *t)
{
	struct pdf_grid g;
	pdf_grid_make(P, &g, t);
	double h = 0;
	for (int r = 0; r < t->rows; r++) {
		h += g.h[r];
		if (t->head_from[r] >= 0)
			break;
	}
	free(g.x);
	free(g.h);
	return h;
}

/* The lines a paragraph takes in the body. */
static int pdf_para_lines(struct pdf *P, const char *text)
{
	PangoLayout *l = pdf_layout(P, PDF_BODY, BODY_PT, BLOCK_W, text);
	pdf_body_spacing(l);
	pango_layout_set_indent(l, (int)(2 * BLOCK_W / CHARS * PANGO_SCALE));
	int n = pango_layout_get_line_count(l);
	g_object_unref(l);
	return n;
}

/* A heading and a table's note are kept on the page of what follows them:
 * the room they and the table's first rows (or the first line of text)
 * take. */
static double pdf_keep(struct pdf *P, const struct doc *d, int i)
{
	double h = 0;
	for (; i < d->n; i++) {
		const struct doc_item *it = &d->v[i];
		if (it->kind == DOC_TABLE)
			return h + pdf_table_lead(P, it->table);
		if (it->kind != DOC_HEADING && it->kind != DOC_NOTE)
			return h + PITCH;
		h += pdf_para_lines(P, it->text) * PITCH;
	}
	return h;
}

/* The family fontconfig gives role for Chinese text. To free. */
static char *pdf_family(struct pdf *P, enum pdf_role role)
{
	PangoFontMap *map = pango_context_get_font_map(P->ctx);
	PangoFontset *set = pango_font_map_load_fontset(map, P->ctx, P->font[role],
							pango_language_from_string("zh-cn"));
	char *name = NULL;
	if (set != NULL) {
		PangoFont *f = pango_fontset_get_font(set, 0x4E2D); /* 中 */
		if (f != NULL) {
			PangoFontDescription *fd = pango_font_describe(f);
			const char *fam = pango_font_description_get_family(fd);
			name = strdup(fam ? fam : "");
			pango_font_description_free(fd);
			g_object_unref(f);
		}
		g_object_unref(set);
	}
	return name ? name : strdup("");
}

int pdf_write(const struct doc *d, const struct pdf_opts *o, FILE *out, char *used[PDF_NROLES],
	      const char **why)
{
	struct pdf P = {0};
	P.surface = cairo_pdf_surface_create_for_stream(pdf_out, out, PAGE_W, PAGE_H);
	if (cairo_surface_status(P.surface) != CAIRO_STATUS_SUCCESS) {
		*why = cairo_status_to_string(cairo_surface_status(P.surface));
		cairo_surface_destroy(P.surface);
		return -1;
	}
	P.cr = cairo_create(P.surface);
	P.ctx = pango_cairo_create_context(P.cr);
	pango_context_set_language(P.ctx, pango_language_from_string("zh-cn"));
	for (int i = 0; i < PDF_NROLES; i++) {
		P.font[i] = pango_font_description_new();
		pango_font_description_set_family(P.font[i],
						  o->fonts[i] ? o->fonts[i] : pdf_fonts[i]);
		used[i] = pdf_family(&P, i);
	}
	/* a title font that is no 小标宋 stands in for it in bold */
	if (strstr(used[PDF_TITLE], "小标宋") == NULL &&
	    strstr(used[PDF_TITLE], "XiaoBiaoSong") == NULL)
		pango_font_description_set_weight(P.font[PDF_TITLE], PANGO_WEIGHT_BOLD);
	char keywords[512];
	snprintf(keywords, sizeof keywords,
		 "nianbao-sha256=%s; form=%s; 标题=%s; 正文=%s; 黑体=%s; 楷体=%s; 页码=%s",
		 o->sha256 ? o->sha256 : "", o->form ? o->form : "", used[PDF_TITLE],
		 used[PDF_BODY], used[PDF_HEI], used[PDF_KAI], used[PDF_SONG]);
	cairo_pdf_surface_set_metadata(P.surface, CAIRO_PDF_METADATA_TITLE, d->title);
	cairo_pdf_surface_set_metadata(P.surface, CAIRO_PDF_METADATA_AUTHOR, d->organ);
	cairo_pdf_surface_set_metadata(P.surface, CAIRO_PDF_METADATA_CREATOR,
				       "nianbao " PACKAGE_VERSION);
	cairo_pdf_surface_set_metadata(P.surface, CAIRO_PDF_METADATA_SUBJECT,
				       "政府信息公开工作年度报告");
	cairo_pdf_surface_set_metadata(P.surface, CAIRO_PDF_METADATA_KEYWORDS, keywords);
	cairo_set_source_rgb(P.cr, 0, 0, 0);
	pdf_new_page(&P);
	for (int i = 0; i < d->n; i++) {
		const struct doc_item *it = &d->v[i];
		switch (it->kind) {
		case DOC_TITLE:
			pdf_title(&P, it->text);
			break;
		case DOC_HEADING:
			pdf_need(&P, pdf_keep(&P, d, i));
			pdf_para(&P, it->text, PDF_HEI, 0);
			break;
		case DOC_SUBHEADING:
			pdf_para(&P, it->text, PDF_BODY, 1);
			break;
		case DOC_NOTE:
			pdf_need(&P, pdf_keep(&P, d, i));
			pdf_para(&P, it->text, PDF_BODY, 0);
			break;
		case DOC_PARA:
			pdf_para(&P, it->text, PDF_BODY, 0);
			break;
		case DOC_TABLE:
			pdf_table(&P, it->table);
			/* a block after it goes on the same table; half a line
			 * after the table's last */
			if (i + 1 >= d->n || d->v[i + 1].kind != DOC_TABLE)
				P.y += PITCH / 2;
			break;
		case DOC_SIGNATURE:
		case DOC_DATE:
			pdf_signature(&P, d, i);
			while (i + 1 < d->n &&
			       (d->v[i + 1].kind == DOC_SIGNATURE || d->v[i + 1].kind == DOC_DATE))
				i++;
			break;
		}
	}
	pdf_folio(&P);
	cairo_show_page(P.cr);
	for (int i = 0; i < PDF_NROLES; i++)
		pango_font_description_free(P.font[i]);
	g_object_unref(P.ctx);
	cairo_destroy(P.cr);
	cairo_surface_finish(P.surface);
	cairo_status_t st = cairo_surface_status(P.surface);
	cairo_surface_destroy(P.surface);
	if (st != CAIRO_STATUS_SUCCESS) {
		*why = cairo_status_to_string(st);
		return -1;
	}
	return 0;
}
