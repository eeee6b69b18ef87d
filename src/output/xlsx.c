/* The workbook: each table as the printed form lays it out (merged
 * headings from spans.c, as the web page), numbers as numbers showing the
 * places they have, blanks empty, totals as numbers; for many reports a
 * sheet of organ, year, table, row, column, value as well. */
#include "output/xlsx.h"
#include "engine/chain.h"
#include "base/diag.h"
#include "base/dynlib.h"
#include "engine/engine.h"
#include "model/form.h"
#include "model/report.h"
#include "model/spans.h"
#include "model/value.h"
#include "base/xmalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <xlsxwriter.h>

static struct {
	int tried, ok;
	lxw_workbook *(*book_new)(const char *, lxw_workbook_options *);
	lxw_worksheet *(*add_sheet)(lxw_workbook *, const char *);
	lxw_format *(*add_format)(lxw_workbook *);
	lxw_error (*close)(lxw_workbook *);
	lxw_error (*number)(lxw_worksheet *, lxw_row_t, lxw_col_t, double, lxw_format *);
	lxw_error (*string)(lxw_worksheet *, lxw_row_t, lxw_col_t, const char *, lxw_format *);
	lxw_error (*blank)(lxw_worksheet *, lxw_row_t, lxw_col_t, lxw_format *);
	lxw_error (*merge)(lxw_worksheet *, lxw_row_t, lxw_col_t, lxw_row_t, lxw_col_t,
			   const char *, lxw_format *);
	lxw_error (*column)(lxw_worksheet *, lxw_col_t, lxw_col_t, double, lxw_format *);
	void (*bold)(lxw_format *);
	void (*num_format)(lxw_format *, const char *);
	void (*align)(lxw_format *, uint8_t);
	void (*wrap)(lxw_format *);
	void (*border)(lxw_format *, uint8_t);
} lxw;

static int xlsx_load(void)
{
	static const char *const names[] = {"libxlsxwriter.so.4", "libxlsxwriter.so"};
	const struct dynlib_sym syms[] = {{(void **)&lxw.book_new, "workbook_new_opt"},
					  {(void **)&lxw.add_sheet, "workbook_add_worksheet"},
					  {(void **)&lxw.add_format, "workbook_add_format"},
					  {(void **)&lxw.close, "workbook_close"},
					  {(void **)&lxw.number, "worksheet_write_number"},
					  {(void **)&lxw.string, "worksheet_write_string"},
					  {(void **)&lxw.blank, "worksheet_write_blank"},
					  {(void **)&lxw.merge, "worksheet_merge_range"},
					  {(void **)&lxw.column, "worksheet_set_column"},
					  {(void **)&lxw.bold, "format_set_bold"},
					  {(void **)&lxw.num_format, "format_set_num_format"},
					  {(void **)&lxw.align, "format_set_align"},
					  {(void **)&lxw.wrap, "format_set_text_wrap"},
					  {(void **)&lxw.border, "format_set_border"}};
	if (!lxw.tried) {
		lxw.tried = 1;
		lxw.ok = dynlib_load(names, 2, syms, sizeof syms / sizeof syms[0]) == 0;
	}
	return lxw.ok ? 0 : -1;
}

struct xlsx_formats {
	lxw_format *head, *label, *title, *plain;
	lxw_format *num[VALUE_MAX_PLACES + 1]; /* by places shown */
};

static void xlsx_formats(lxw_workbook *wb, struct xlsx_formats *f)
{
	f->head = lxw.add_format(wb);
	lxw.bold(f->head);
	lxw.align(f->head, LXW_ALIGN_CENTER);
	lxw.align(f->head, LXW_ALIGN_VERTICAL_CENTER);
	lxw.wrap(f->head);
	lxw.border(f->head, LXW_BORDER_THIN);
	f->label = lxw.add_format(wb);
	lxw.align(f->label, LXW_ALIGN_VERTICAL_CENTER);
	lxw.wrap(f->label);
	lxw.border(f->label, LXW_BORDER_THIN);
	f->title = lxw.add_format(wb);
	lxw.bold(f->title);
	f->plain = NULL;
	for (int p = 0; p <= VALUE_MAX_PLACES; p++) {
		char pattern[16] = "0";
		if (p > 0) {
			strcpy(pattern, "0.");
			for (int i = 0; i < p; i++)
				strcat(pattern, "0");
		}
		f->num[p] = lxw.add_format(wb);
		lxw.num_format(f->num[p], pattern);
		lxw.border(f->num[p], LXW_BORDER_THIN);
	}
}

/* What a sheet is given, put in the order libxlsxwriter's constant-memory
 * mode takes it: a row once left is written to disk, so every cell of a
 * row is written before any of the next, and a merged region is declared
 * on its last row (libxlsxwriter then writes its first cell again, on a
 * row already gone, which it ignores: that cell was written in its turn). */
struct xcell {
	lxw_row_t r;
	lxw_col_t c;
	int kind; /* 0 text, 1 number, 2 blank */
	const char *s;
	double v;
	lxw_format *fmt;
};

struct xmerge {
	lxw_row_t r0, r1;
	lxw_col_t c0, c1;
	const char *s;
	lxw_format *fmt;
};

struct xgrid {
	struct xcell *cells;
	int ncells;
	struct xmerge *merges;
	int nmerges;
};

static void xgrid_cell(struct xgrid *g, lxw_row_t r, lxw_col_t c, int kind, const char *s, double v,
		       lxw_format *fmt)
{
	g->cells = xgrow(g->cells, (size_t)g->ncells, sizeof *g->cells);
	g->cells[g->ncells++] = (struct xcell){r, c, kind, s, v, fmt};
}

/* Text over the region from (r, c), rows by cols: its first cell, blanks
 * in the others, and the region merged. */
static void xgrid_text(struct xgrid *g, lxw_row_t r, lxw_col_t c, int rows, int cols, const char *s,
		       lxw_format *fmt)
{
	for (int i = 0; i < rows; i++)
		for (int j = 0; j < cols; j++)
			xgrid_cell(g, r + (lxw_row_t)i, c + (lxw_col_t)j, i || j ? 2 : 0, s, 0,
				   fmt);
	if (rows > 1 || cols > 1) {
		g->merges = xgrow(g->merges, (size_t)g->nmerges, sizeof *g->merges);
		g->merges[g->nmerges++] = (struct xmerge){
		    r, r + (lxw_row_t)(rows - 1), c, c + (lxw_col_t)(cols - 1), s, fmt};
	}
}

static int xcell_order(const void *a, const void *b)
{
	const struct xcell *x = a, *y = b;
	if (x->r != y->r)
		return x->r < y->r ? -1 : 1;
	return x->c < y->c ? -1 : x->c > y->c;
}

static int xmerge_order(const void *a, const void *b)
{
	const struct xmerge *x = a, *y = b;
	return x->r1 < y->r1 ? -1 : x->r1 > y->r1;
}

/* Writes the grid to ws, row by row, and empties it. */
static void xgrid_flush(struct xgrid *g, lxw_worksheet *ws)
{
	/* qsort takes no null array, even of nothing (a part without merges) */
	if (g->ncells > 0)
		qsort(g->cells, (size_t)g->ncells, sizeof *g->cells, xcell_order);
	if (g->nmerges > 0)
		qsort(g->merges, (size_t)g->nmerges, sizeof *g->merges, xmerge_order);
	int m = 0;
	for (int i = 0; i < g->ncells; i++) {
		const struct xcell *x = &g->cells[i];
		if (x->kind == 0)
			lxw.string(ws, x->r, x->c, x->s, x->fmt);
		else if (x->kind == 1)
			lxw.number(ws, x->r, x->c, x->v, x->fmt);
		else
			lxw.blank(ws, x->r, x->c, x->fmt);
		if (i + 1 < g->ncells && g->cells[i + 1].r == x->r)
			continue;
		/* the row is complete: the regions ending on it */
		for (; m < g->nmerges && g->merges[m].r1 <= x->r; m++) {
			const struct xmerge *y = &g->merges[m];
			lxw.merge(ws, y->r0, y->c0, y->r1, y->c1, y->s, y->fmt);
		}
	}
	g->ncells = g->nmerges = 0;
}

static void xgrid_free(struct xgrid *g)
{
	free(g->cells);
	free(g->merges);
}

/* A value as a number in the sheet, shown with the places it has; a blank
 * is an empty cell with the rule around it. */
static void xlsx_value(struct xgrid *g, lxw_row_t y, lxw_col_t x, const struct value *v,
		       const struct xlsx_formats *f)
{
	if (v->kind != VAL_NUM) {
		xgrid_cell(g, y, x, 2, NULL, 0, f->num[0]);
		return;
	}
	char *s = value_str(v);
	int places = v->scale >= 0 && v->scale <= VALUE_MAX_PLACES ? v->scale : 0;
	xgrid_cell(g, y, x, 1, NULL, strtod(s, NULL), f->num[places]);
	free(s);
}

/* The rows block b takes, its title's included. */
static int xlsx_block_rows(const struct fblock *b)
{
	struct spans sp;
	spans_block(b, &sp);
	int rows = sp.rows + (b->title != NULL);
	spans_free(&sp);
	return rows;
}

/* Block b at row y; the row after it. */
static lxw_row_t xlsx_block(struct xgrid *g, lxw_row_t y, const struct report *r,
			    const struct fblock *b, const struct xlsx_formats *f)
{
	struct spans sp;
	spans_block(b, &sp);
	if (b->title)
		xgrid_text(g, y++, 0, 1, sp.cols, b->title, f->title);
	for (int i = 0; i < sp.n; i++) {
		const struct span *x = &sp.v[i];
		lxw_row_t top = y + (lxw_row_t)x->r;
		lxw_col_t left = (lxw_col_t)x->c;
		if (x->kind == SPAN_VALUE) {
			xlsx_value(g, top, left, &r->vals[x->cell], f);
			continue;
		}
		lxw_format *fmt =
		    x->kind == SPAN_CORNER || x->kind == SPAN_COLUMN ? f->head : f->label;
		xgrid_text(g, top, left, x->rows, x->cols, x->label, fmt);
	}
	y += (lxw_row_t)sp.rows;
	spans_free(&sp);
	return y;
}

/* A sheet's name: base (none of []:*?/\) and tail after it, at most 31
 * characters, base cut at a character's start. */
static void xlsx_sheet_name(const char *base, const char *tail, char out[128])
{
	char clean[96];
	size_t k = 0;
	for (const char *p = base; *p && k + 1 < sizeof clean; p++)
		clean[k++] = strchr("[]:*?/\\", *p) ? '_' : *p;
	clean[k] = '\0';
	int room = 31 - (int)strlen(tail), chars = 0;
	for (char *p = clean; *p; p++)
		if (((unsigned char)*p & 0xc0) != 0x80 && ++chars > room) {
			*p = '\0';
			break;
		}
	snprintf(out, 128, "%s%s", clean, tail);
}

/* A sheet written in parts: when the rows would pass the last row a sheet
 * has (1,048,576), they go on in a new sheet, its name numbered. */
struct xsheet {
	lxw_workbook *wb;
	lxw_worksheet *ws;
	char base[96];
	int part;
	lxw_row_t y; /* the next row */
	/* what each part begins with, in fmt: a title and a row left empty
	 * (a table's sheet), or a row of headings (nhead of them) */
	const char *title;
	const char *const *head;
	int nhead;
	lxw_format *fmt;
};

/* The next part of s, begun with its title or headings; -1 when no sheet
 * can be added. */
static int xsheet_next(struct xsheet *s)
{
	s->part++;
	s->ws = NULL;
	/* a name already taken (two forms' tables of one name) numbered on */
	for (int k = 0; s->ws == NULL && k < 100; k++) {
		char tail[16] = "", name[128];
		if (s->part + k > 1)
			snprintf(tail, sizeof tail, " %d", s->part + k);
		xlsx_sheet_name(s->base, tail, name);
		s->ws = lxw.add_sheet(s->wb, name);
	}
	s->y = 0;
	if (s->ws == NULL)
		return -1;
	lxw.column(s->ws, 0, 0, 28, NULL);
	if (s->title != NULL) {
		lxw.string(s->ws, 0, 0, s->title, s->fmt);
		s->y = 2;
	}
	for (int c = 0; c < s->nhead; c++)
		lxw.string(s->ws, 0, (lxw_col_t)c, s->head[c], s->fmt);
	if (s->nhead > 0)
		s->y = 1;
	return 0;
}

/* Room for rows more rows in s, in a new part when they would not fit in
 * this one: 0, or -1 when no sheet can be added. */
static int xsheet_room(struct xsheet *s, lxw_row_t rows)
{
	if (s->ws != NULL && (unsigned long)s->y + rows <= LXW_ROW_MAX)
		return 0;
	return xsheet_next(s);
}

/* A new workbook at path, libxlsxwriter loaded, its formats in f; NULL
 * after a diagnostic. Its sheets are written a row at a time (a row left
 * is on disk), their temporary files in path's folder. */
static lxw_workbook *xlsx_open(const char *path, struct xlsx_formats *f, struct diags *d)
{
	if (xlsx_load() < 0) {
		diags_add(d, DIAG_ERROR, path, 0, 0,
			  "workbooks are written with libxlsxwriter, which cannot be loaded "
			  "(libxlsxwriter.so.4; Debian: apt-get install libxlsxwriter4)");
		return NULL;
	}
	char *dir = xstrdup(path);
	char *slash = strrchr(dir, '/');
	if (slash == NULL)
		strcpy(dir, ".");
	else
		slash[slash == dir] = '\0';
	lxw_workbook_options opt = {.constant_memory = 1, .tmpdir = dir};
	lxw_workbook *wb = lxw.book_new(path, &opt);
	free(dir);
	if (wb == NULL)
		diags_add(d, DIAG_ERROR, path, 0, 0, "cannot create the workbook");
	else
		xlsx_formats(wb, f);
	return wb;
}

static int xlsx_close(lxw_workbook *wb, int rc, const char *path, struct diags *d)
{
	if (lxw.close(wb) != LXW_NO_ERROR && rc == 0) {
		diags_add(d, DIAG_ERROR, path, 0, 0, "the workbook could not be written");
		rc = -1;
	}
	return rc;
}

int xlsx_write_tables(const struct xlsx_table *t, int n, const char *path, struct diags *d)
{
	struct xlsx_formats f;
	lxw_workbook *wb = xlsx_open(path, &f, d);
	if (wb == NULL)
		return -1;
	int rc = 0;
	for (int k = 0; k < n && rc == 0; k++) {
		struct xsheet s = {
		    .wb = wb, .head = t[k].head, .nhead = t[k].ncols, .fmt = f.title};
		snprintf(s.base, sizeof s.base, "%s", t[k].name);
		if (xsheet_next(&s) < 0) /* each part under the heading row */
			rc = -1;
		for (int r = 0; r < t[k].nrows && rc == 0; r++) {
			if (xsheet_room(&s, 1) < 0) {
				rc = -1;
				break;
			}
			for (int c = 0; c < t[k].ncols; c++) {
				const char *v =
				    t[k].cells[(size_t)r * (size_t)t[k].ncols + (size_t)c];
				if (v == NULL || *v == '\0')
					continue;
				if (t[k].numeric[c])
					lxw.number(s.ws, s.y, (lxw_col_t)c, atof(v), NULL);
				else
					lxw.string(s.ws, s.y, (lxw_col_t)c, v, NULL);
			}
			s.y++;
		}
	}
	if (rc < 0)
		diags_add(d, DIAG_ERROR, path, 0, 0, "the workbook has no room for another sheet");
	return xlsx_close(wb, rc, path, d);
}

/* Report k's tables, each into its sheet (after the reports before it when
 * there are many, under a row naming it); its cells into the long sheet. */
static int xlsx_report(struct xsheet *sheets, struct xsheet *data, const struct report *r, int k,
		       int many, struct xgrid *g, const struct xlsx_formats *f)
{
	char *organ = report_organ(r);
	int year = report_year(r);
	int rc = 0;
	for (int t = 0; t < r->form->ntables && rc == 0; t++) {
		const struct ftable *tab = r->form->tables[t];
		struct xsheet *s = &sheets[t];
		lxw_row_t rows = many ? 1 : 0;
		for (int b = 0; b < tab->nblocks; b++)
			rows += (lxw_row_t)xlsx_block_rows(tab->blocks[b]) + 1;
		if (xsheet_room(s, rows) < 0) {
			rc = -1;
			break;
		}
		if (many) {
			char *head = xasprintf("%d %s %d", k + 1, organ ? organ : "", year);
			xgrid_text(g, s->y++, 0, 1, 1, head, f->title);
			xgrid_flush(g, s->ws);
			free(head);
		}
		for (int b = 0; b < tab->nblocks; b++)
			s->y = xlsx_block(g, s->y, r, tab->blocks[b], f) + 1;
		xgrid_flush(g, s->ws);
	}
	for (int cell = 0; many && rc == 0 && cell < r->form->ncells; cell++) {
		if (xsheet_room(data, 1) < 0) {
			rc = -1;
			break;
		}
		const struct fcell *fc = &r->form->cells[cell];
		char *row = form_row_path(fc->block, fc->r, " / ");
		char *col = form_col_path(fc->block, fc->c, " / ");
		lxw_row_t y = data->y++;
		lxw.string(data->ws, y, 0, organ ? organ : "", NULL);
		lxw.number(data->ws, y, 1, year, NULL);
		lxw.string(data->ws, y, 2, fc->block->table->title, NULL);
		lxw.string(data->ws, y, 3, row, NULL);
		lxw.string(data->ws, y, 4, col, NULL);
		if (r->vals[cell].kind == VAL_NUM) {
			xlsx_value(g, y, 5, &r->vals[cell], f);
			xgrid_flush(g, data->ws);
		}
		free(row);
		free(col);
	}
	free(organ);
	return rc;
}

int xlsx_write(const struct xlsx_reports *src, const char *path, struct diags *d)
{
	struct xlsx_formats f;
	lxw_workbook *wb = xlsx_open(path, &f, d);
	if (wb == NULL)
		return -1;
	int many = src->n > 1, rc = 0;
	/* the sheets first, in their order: each group's tables (from its
	 * first report's form), then the long sheet */
	struct xsheet **sheets = xcalloc((size_t)src->ngroups + 1, sizeof *sheets);
	for (int g = 0; g < src->ngroups && rc == 0; g++) {
		int k = 0;
		while (k < src->n && src->group[k] != g)
			k++;
		struct engine *e = k < src->n ? src->open(k, src->arg) : NULL;
		if (e == NULL) {
			rc = -2;
			break;
		}
		const struct form *fm = engine_report(e)->form;
		sheets[g] = xcalloc((size_t)fm->ntables + 1, sizeof **sheets);
		for (int t = 0; t < fm->ntables && rc == 0; t++) {
			const struct ftable *tab = fm->tables[t];
			struct xsheet *s = &sheets[g][t];
			*s = (struct xsheet){.wb = wb, .title = tab->title, .fmt = f.title};
			if (src->ngroups > 1) /* tables of two forms may share names */
				snprintf(s->base, sizeof s->base, "%s %s",
					 tab->tab ? tab->tab : tab->id, fm->id);
			else
				snprintf(s->base, sizeof s->base, "%s",
					 tab->tab ? tab->tab : tab->id);
			if (xsheet_next(s) < 0)
				rc = -1;
		}
		src->close(e, src->arg);
	}
	static const char *const head[] = {"机关", "年度", "表", "行", "列", "数值"};
	struct xsheet data = {.wb = wb, .head = head, .nhead = 6, .fmt = f.title};
	snprintf(data.base, sizeof data.base, "数据");
	struct xgrid g = {0};
	/* then each report in turn, let go before the next is read */
	for (int k = 0; k < src->n && rc == 0; k++) {
		struct engine *e = src->open(k, src->arg);
		if (e == NULL) {
			rc = -2;
			break;
		}
		rc = xlsx_report(sheets[src->group[k]], &data, engine_report(e), k, many, &g, &f);
		src->close(e, src->arg);
	}
	xgrid_free(&g);
	for (int gi = 0; gi < src->ngroups; gi++)
		free(sheets[gi]);
	free(sheets);
	if (rc == -1)
		diags_add(d, DIAG_ERROR, path, 0, 0, "the workbook has no room for another sheet");
	return xlsx_close(wb, rc < 0 ? -1 : 0, path, d);
}
