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
	lxw_workbook *(*book_new)(const char *);
	lxw_worksheet *(*add_sheet)(lxw_workbook *, const char *);
	lxw_format *(*add_format)(lxw_workbook *);
	lxw_error (*close)(lxw_workbook *);
	lxw_error (*number)(lxw_worksheet *, lxw_row_t, lxw_col_t, double, lxw_format *);
	lxw_error (*string)(lxw_worksheet *, lxw_row_t, lxw_col_t, const char *, lxw_format *);
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
	const struct dynlib_sym syms[] = {{(void **)&lxw.book_new, "workbook_new"},
					  {(void **)&lxw.add_sheet, "workbook_add_worksheet"},
					  {(void **)&lxw.add_format, "workbook_add_format"},
					  {(void **)&lxw.close, "workbook_close"},
					  {(void **)&lxw.number, "worksheet_write_number"},
					  {(void **)&lxw.string, "worksheet_write_string"},
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

/* A value as a number in the sheet, shown with the places it has; a blank
 * is an empty cell with the rule around it. */
static void xlsx_value(lxw_worksheet *ws, int y, int x, const struct value *v,
		       const struct xlsx_formats *f)
{
	if (v->kind != VAL_NUM) {
		lxw.string(ws, (lxw_row_t)y, (lxw_col_t)x, "", f->num[0]);
		return;
	}
	char *s = value_str(v);
	int places = v->scale >= 0 && v->scale <= VALUE_MAX_PLACES ? v->scale : 0;
	lxw.number(ws, (lxw_row_t)y, (lxw_col_t)x, strtod(s, NULL), f->num[places]);
	free(s);
}

/* Block b at row y of ws; the row after it. */
static int xlsx_block(lxw_worksheet *ws, int y, const struct report *r, const struct fblock *b,
		      const struct xlsx_formats *f)
{
	struct spans sp;
	spans_block(b, &sp);
	if (b->title) {
		if (sp.cols > 1)
			lxw.merge(ws, (lxw_row_t)y, 0, (lxw_row_t)y, (lxw_col_t)(sp.cols - 1),
				  b->title, f->title);
		else
			lxw.string(ws, (lxw_row_t)y, 0, b->title, f->title);
		y++;
	}
	for (int i = 0; i < sp.n; i++) {
		const struct span *x = &sp.v[i];
		int top = y + x->r, left = x->c;
		if (x->kind == SPAN_VALUE) {
			xlsx_value(ws, top, left, &r->vals[x->cell], f);
			continue;
		}
		lxw_format *fmt =
		    x->kind == SPAN_CORNER || x->kind == SPAN_COLUMN ? f->head : f->label;
		if (x->rows > 1 || x->cols > 1)
			lxw.merge(ws, (lxw_row_t)top, (lxw_col_t)left,
				  (lxw_row_t)(top + x->rows - 1), (lxw_col_t)(left + x->cols - 1),
				  x->label, fmt);
		else
			lxw.string(ws, (lxw_row_t)top, (lxw_col_t)left, x->label, fmt);
	}
	y += sp.rows;
	spans_free(&sp);
	return y;
}

/* A sheet's name: the table's tab, made unique and short (31 characters,
 * none of []:*?/\). */
static void xlsx_sheet_name(const struct ftable *t, int report, int many, char out[128])
{
	const char *tab = t->tab ? t->tab : t->id;
	char clean[96];
	size_t k = 0;
	for (const char *p = tab; *p && k + 1 < sizeof clean; p++)
		clean[k++] = strchr("[]:*?/\\", *p) ? '_' : *p;
	clean[k] = '\0';
	if (many)
		snprintf(out, 128, "%d %.60s", report + 1, clean);
	else
		snprintf(out, 128, "%.90s", clean);
	/* 31 characters at most: cut at a character's start */
	int chars = 0;
	for (char *p = out; *p; p++) {
		if (((unsigned char)*p & 0xc0) != 0x80 && ++chars > 31) {
			*p = '\0';
			break;
		}
	}
}

/* A new workbook at path, libxlsxwriter loaded, its formats in f; NULL
 * after a diagnostic. */
static lxw_workbook *xlsx_open(const char *path, struct xlsx_formats *f, struct diags *d)
{
	if (xlsx_load() < 0) {
		diags_add(d, DIAG_ERROR, path, 0, 0,
			  "workbooks are written with libxlsxwriter, which cannot be loaded "
			  "(libxlsxwriter.so.4; Debian: apt-get install libxlsxwriter4)");
		return NULL;
	}
	lxw_workbook *wb = lxw.book_new(path);
	if (wb == NULL)
		diags_add(d, DIAG_ERROR, path, 0, 0, "cannot create the workbook");
	else
		xlsx_formats(wb, f);
	return wb;
}

int xlsx_write_tables(const struct xlsx_table *t, int n, const char *path, struct diags *d)
{
	struct xlsx_formats f;
	lxw_workbook *wb = xlsx_open(path, &f, d);
	if (wb == NULL)
		return -1;
	for (int k = 0; k < n; k++) {
		lxw_worksheet *ws = lxw.add_sheet(wb, t[k].name);
		if (ws == NULL)
			continue;
		for (int c = 0; c < t[k].ncols; c++)
			lxw.string(ws, 0, (lxw_col_t)c, t[k].head[c], f.title);
		for (int r = 0; r < t[k].nrows; r++)
			for (int c = 0; c < t[k].ncols; c++) {
				const char *v =
				    t[k].cells[(size_t)r * (size_t)t[k].ncols + (size_t)c];
				if (v == NULL || *v == '\0')
					continue;
				if (t[k].numeric[c])
					lxw.number(ws, (lxw_row_t)r + 1, (lxw_col_t)c, atof(v),
						   NULL);
				else
					lxw.string(ws, (lxw_row_t)r + 1, (lxw_col_t)c, v, NULL);
			}
	}
	if (lxw.close(wb) != LXW_NO_ERROR) {
		diags_add(d, DIAG_ERROR, path, 0, 0, "the workbook could not be written");
		return -1;
	}
	return 0;
}

int xlsx_write(struct engine *const *es, int n, const char *path, struct diags *d)
{
	struct xlsx_formats f;
	lxw_workbook *wb = xlsx_open(path, &f, d);
	if (wb == NULL)
		return -1;
	for (int k = 0; k < n; k++) {
		const struct report *r = engine_report(es[k]);
		for (int t = 0; t < r->form->ntables; t++) {
			const struct ftable *tab = r->form->tables[t];
			char name[128];
			xlsx_sheet_name(tab, k, n > 1, name);
			lxw_worksheet *ws = lxw.add_sheet(wb, name);
			if (ws == NULL)
				continue;
			lxw.column(ws, 0, 0, 28, NULL);
			int y = 0;
			lxw.string(ws, 0, 0, tab->title, f.title);
			y = 2;
			for (int b = 0; b < tab->nblocks; b++)
				y = xlsx_block(ws, y, r, tab->blocks[b], &f) + 1;
		}
	}
	if (n > 1) {
		/* every cell of every report, a row each, for pivot tables */
		lxw_worksheet *ws = lxw.add_sheet(wb, "数据");
		static const char *const head[] = {"机关", "年度", "表", "行", "列", "数值"};
		for (int i = 0; i < 6; i++)
			lxw.string(ws, 0, (lxw_col_t)i, head[i], f.title);
		int y = 1;
		for (int k = 0; k < n; k++) {
			const struct report *r = engine_report(es[k]);
			char *organ = report_organ(r);
			int year = report_year(r);
			for (int cell = 0; cell < r->form->ncells; cell++, y++) {
				const struct fcell *fc = &r->form->cells[cell];
				char *row = form_row_path(fc->block, fc->r, " / ");
				char *col = form_col_path(fc->block, fc->c, " / ");
				lxw.string(ws, (lxw_row_t)y, 0, organ, NULL);
				lxw.number(ws, (lxw_row_t)y, 1, year, NULL);
				lxw.string(ws, (lxw_row_t)y, 2, fc->block->table->title, NULL);
				lxw.string(ws, (lxw_row_t)y, 3, row, NULL);
				lxw.string(ws, (lxw_row_t)y, 4, col, NULL);
				if (r->vals[cell].kind == VAL_NUM)
					xlsx_value(ws, y, 5, &r->vals[cell], &f);
				free(row);
				free(col);
			}
			free(organ);
		}
	}
	if (lxw.close(wb) != LXW_NO_ERROR) {
		diags_add(d, DIAG_ERROR, path, 0, 0, "the workbook could not be written");
		return -1;
	}
	return 0;
}
