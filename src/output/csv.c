/* CSV export and import. */
#include "output/csv.h"
#include "base/i18n.h"
#include "base/buf.h"
#include "base/diag.h"
#include "engine/engine.h"
#include "model/form.h"
#include "model/report.h"
#include "base/text.h"
#include "model/value.h"
#include "base/width.h"
#include "base/xmalloc.h"

#include <stdarg.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Characters of a field a message quotes at the most. */
#define CSV_QUOTE_MAX 40

/* A text a spreadsheet would read as a formula (=, +, -, @, or a TAB or CR
 * first): Excel and WPS run =HYPERLINK(...) and the like on opening. */
static int csv_formula_like(const char *s)
{
	return *s != '\0' && strchr("=+-@\t\r", *s) != NULL;
}

void csv_field(struct buf *out, const char *s, int last, int guard)
{
	char *guarded = NULL;
	if (guard && csv_formula_like(s))
		s = guarded = xasprintf("'%s", s); /* the usual mark of text */
	if (strpbrk(s, ",\"\r\n") != NULL || (*s && (s[0] == ' ' || s[strlen(s) - 1] == ' '))) {
		buf_putc(out, '"');
		for (const char *p = s; *p; p++) {
			if (*p == '"')
				buf_putc(out, '"');
			buf_putc(out, *p);
		}
		buf_putc(out, '"');
	} else {
		buf_puts(out, s);
	}
	buf_puts(out, last ? "\r\n" : ",");
	free(guarded);
}

/* The three labels that name a cell in CSV. */
static void csv_key(const struct fblock *b, int r, int c, char **row, char **col)
{
	*row = form_row_path(b, r, CSV_SEP);
	*col = form_col_path(b, c, CSV_SEP);
}

void csv_export(const struct engine *e, struct buf *out, int guard)
{
	const struct report *r = engine_report(e);
	const struct form *f = r->form;
	buf_puts(out, "table,row,column,value\r\n");
	for (int i = 0; i < f->nblocks; i++) {
		const struct fblock *b = f->blocks[i];
		for (int rr = 0; rr < b->nrows; rr++)
			for (int c = 0; c < b->ncols; c++) {
				char *row, *col, *val = value_str(&r->vals[form_cell(b, rr, c)]);
				csv_key(b, rr, c, &row, &col);
				/* a number is a number; labels and text are guarded */
				int text = r->vals[form_cell(b, rr, c)].kind == VAL_TEXT;
				csv_field(out, b->table->title, 0, guard);
				csv_field(out, row, 0, guard);
				csv_field(out, col, 0, guard);
				csv_field(out, val, 1, guard && text);
				free(row);
				free(col);
				free(val);
			}
	}
}

struct csv_record {
	char **field;
	int *col; /* character column where each field starts */
	int n;
	int line;
};

static void csv_record_clear(struct csv_record *rec)
{
	for (int i = 0; i < rec->n; i++)
		free(rec->field[i]);
	free(rec->field);
	free(rec->col);
	memset(rec, 0, sizeof *rec);
}

/* Reads the record at *pos; 1 when one was read, 0 at the end, -1 on a
 * quoting error (*err says which). */
static int csv_next(const char *s, size_t len, size_t *pos, int *line, struct csv_record *rec,
		    const char **err, int *errline, int *errcol)
{
	memset(rec, 0, sizeof *rec);
	if (*pos >= len)
		return 0;
	rec->line = *line;
	size_t i = *pos, linestart = i;
	/* the column is counted on from the last field, not from the line's
	 * start (which made 200,000 fields take seconds) */
	size_t colpos = i, cap = 0;
	int col = 1;
	struct buf fb;
	buf_init(&fb);
	for (;;) {
		int quoted = 0;
		fb.len = 0;
		fb.data[0] = '\0';
		if (colpos < linestart)
			colpos = linestart, col = 1;
		col += width_chars(s + colpos, i - colpos);
		colpos = i;
		int startcol = col;
		int startline = *line;
		if (i < len && s[i] == '"') {
			quoted = 1;
			i++;
			for (;;) {
				if (i >= len) {
					*err = "a quoted field is not closed";
					*errline = startline;
					*errcol = startcol;
					buf_free(&fb);
					csv_record_clear(rec);
					return -1;
				}
				if (s[i] == '"' && i + 1 < len && s[i + 1] == '"') {
					buf_putc(&fb, '"');
					i += 2;
				} else if (s[i] == '"') {
					i++;
					break;
				} else {
					if (s[i] == '\n')
						(*line)++, linestart = i + 1;
					buf_putc(&fb, s[i++]);
				}
			}
		}
		while (i < len && s[i] != ',' && s[i] != '\n' && s[i] != '\r') {
			if (quoted || s[i] == '"') {
				*err = quoted ? "text after a closing quote"
					      : "a quote inside an unquoted field";
				*errline = *line;
				*errcol = width_chars(s + linestart, i - linestart) + 1;
				buf_free(&fb);
				csv_record_clear(rec);
				return -1;
			}
			buf_putc(&fb, s[i++]);
		}
		if ((size_t)rec->n == cap) {
			cap = cap ? 2 * cap : 8;
			rec->field = xreallocarray(rec->field, cap, sizeof *rec->field);
			rec->col = xreallocarray(rec->col, cap, sizeof *rec->col);
		}
		rec->col[rec->n] = startcol;
		rec->field[rec->n++] = xstrndup(fb.data, fb.len);
		if (i < len && s[i] == ',') {
			i++;
			continue;
		}
		if (i < len && s[i] == '\r')
			i++;
		if (i < len && s[i] == '\n')
			i++;
		(*line)++;
		break;
	}
	buf_free(&fb);
	*pos = i;
	return 1;
}

struct csv_import {
	const char *path;
	struct diags *d;
	const struct form *f;
	char **keys; /* "table\nrow\ncolumn" of every cell */
	int *given_line;
	int *given_col;
	struct value *given; /* values given for computed cells */
};

static int csv_find(const struct csv_import *I, const struct csv_record *rec)
{
	char *key = xasprintf("%s\n%s\n%s", rec->field[0], rec->field[1], rec->field[2]);
	int found = -1;
	for (int i = 0; i < I->f->ncells && found < 0; i++)
		if (strcmp(I->keys[i], key) == 0)
			found = i;
	free(key);
	return found;
}

__attribute__((format(printf, 4, 5))) static int csv_fail(struct csv_import *I, int line, int col,
							  const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diags_vadd(I->d, DIAG_ERROR, I->path, line, col, fmt, ap);
	va_end(ap);
	return -1;
}

static int csv_records(struct csv_import *I, const char *s, size_t len, struct report *r)
{
	size_t pos = 0;
	int line = 1;
	if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		pos = 3; /* a byte order mark, as spreadsheets write */
	struct csv_record rec;
	const char *err;
	int errline = 0, errcol = 0, rc;
	rc = csv_next(s, len, &pos, &line, &rec, &err, &errline, &errcol);
	if (rc <= 0 || rec.n != 4 || strcmp(rec.field[0], "table") || strcmp(rec.field[1], "row") ||
	    strcmp(rec.field[2], "column") || strcmp(rec.field[3], "value")) {
		if (rc > 0)
			csv_record_clear(&rec);
		return csv_fail(I, 1, 1, "the first line must be: table,row,column,value");
	}
	csv_record_clear(&rec);
	unsigned char *seen = xcalloc((size_t)I->f->ncells + 1, 1);
	int result = 0;
	while (result == 0 &&
	       (rc = csv_next(s, len, &pos, &line, &rec, &err, &errline, &errcol)) > 0) {
		if (rec.n == 1 && rec.field[0][0] == '\0') {
			csv_record_clear(&rec);
			continue; /* an empty line */
		}
		/* what export guarded against spreadsheets reads back as it was */
		for (int k = 0; k < rec.n; k++)
			if (rec.field[k][0] == '\'' && csv_formula_like(rec.field[k] + 1))
				memmove(rec.field[k], rec.field[k] + 1, strlen(rec.field[k]));
		if (rec.n != 4) {
			result = csv_fail(I, rec.line, 1, "expected 4 fields, found %d", rec.n);
		} else {
			int cell = csv_find(I, &rec);
			if (cell < 0) {
				/* a field quoted in a message: short and escaped */
				char *q[3];
				for (int k = 0; k < 3; k++)
					q[k] = text_quote(rec.field[k], CSV_QUOTE_MAX);
				char *where = xasprintf("%s / %s / %s", q[0], q[1], q[2]);
				result = csv_fail(I, rec.line, 1, "no cell '%s' in form %s", where,
						  I->f->id);
				free(where);
				for (int k = 0; k < 3; k++)
					free(q[k]);
			} else if (seen[cell]) {
				result =
				    csv_fail(I, rec.line, 1, "the cell '%s / %s' is given twice",
					     rec.field[1], rec.field[2]);
			} else {
				seen[cell] = 1;
				const struct fcell *fc = &I->f->cells[cell];
				struct value v;
				const char *why;
				char bad[16];
				if (value_input(rec.field[3], &fc->type, &v, &why, bad) < 0) {
					char *q = text_quote(rec.field[3], CSV_QUOTE_MAX);
					if (*bad)
						diags_add(I->d, DIAG_ERROR, I->path, rec.line,
							  rec.col[3], "'%s' (%s / %s): '%s' %s", q,
							  rec.field[1], rec.field[2], bad, why);
					else
						diags_add(I->d, DIAG_ERROR, I->path, rec.line,
							  rec.col[3], "'%s' (%s / %s) %s", q,
							  rec.field[1], rec.field[2], why);
					free(q);
					result = -1;
				} else if (fc->formula != NULL) {
					if (v.kind != VAL_BLANK) {
						I->given[cell] = v;
						I->given_line[cell] = rec.line;
						I->given_col[cell] = rec.col[3];
					}
				} else {
					r->vals[cell] = v;
				}
			}
		}
		csv_record_clear(&rec);
	}
	if (rc < 0)
		result = csv_fail(I, errline, errcol, "%s", err);
	free(seen);
	return result;
}

struct report *csv_import(const char *path, const struct form *f, struct diags *d)
{
	struct buf b;
	buf_init(&b);
	struct report *r = NULL;
	int got = buf_read_file(&b, path, (8u << 20) - 1); /* 8 MiB and more is too large */
	if (got == -2)
		diags_add(d, DIAG_ERROR, path, 0, 0, "file too large for a report");
	else if (got < 0)
		diags_add(d, DIAG_ERROR, path, 0, 0, "cannot %s: %s",
			  got == -1 ? _("open") : _("read"), strerror(errno));
	else
		r = csv_import_string(path, b.data, b.len, f, d);
	buf_free(&b);
	return r;
}

struct report *csv_import_string(const char *path, const char *text, size_t len,
				 const struct form *f, struct diags *d)
{
	size_t bad;
	const char *nul = memchr(text, '\0', len);
	int valid = width_valid(text, len, &bad);
	if (!valid || nul != NULL) {
		/* a NUL would cut a field short without a word: refused, as the
		 * YAML loader refuses it */
		if (nul != NULL && (valid || (size_t)(nul - text) < bad))
			bad = (size_t)(nul - text), valid = 1;
		int line = 1;
		size_t start = 0;
		for (size_t i = 0; i < bad; i++)
			if (text[i] == '\n')
				line++, start = i + 1;
		diags_add(d, DIAG_ERROR, path, line, width_chars(text + start, bad - start) + 1,
			  "%s",
			  valid ? "a NUL character (the file is not text)"
				: "invalid UTF-8 (save the CSV as UTF-8)");
		return NULL;
	}
	struct csv_import I = {.path = path, .d = d, .f = f};
	I.keys = xcalloc((size_t)f->ncells + 1, sizeof *I.keys);
	I.given = xcalloc((size_t)f->ncells + 1, sizeof *I.given);
	I.given_line = xcalloc((size_t)f->ncells + 1, sizeof *I.given_line);
	I.given_col = xcalloc((size_t)f->ncells + 1, sizeof *I.given_col);
	for (int i = 0; i < f->ncells; i++) {
		const struct fcell *fc = &f->cells[i];
		char *row, *col;
		csv_key(fc->block, fc->r, fc->c, &row, &col);
		I.keys[i] = xasprintf("%s\n%s\n%s", fc->block->table->title, row, col);
		free(row);
		free(col);
	}
	struct report *r = report_new(f);
	int rc = csv_records(&I, text, len, r);
	if (rc == 0) {
		struct engine *e = engine_new(r);
		for (int i = 0; i < f->ncells && rc == 0; i++) {
			if (I.given_line[i] == 0 || value_same(&I.given[i], &r->vals[i]))
				continue;
			char *want = value_str(&r->vals[i]), *got_s = value_str(&I.given[i]);
			diags_add(d, DIAG_ERROR, path, I.given_line[i], I.given_col[i],
				  "this total is computed: its parts add up to %s, not %s",
				  *want ? want : _("a blank"), got_s);
			free(want);
			free(got_s);
			rc = -1;
		}
		engine_free(e);
	}
	for (int i = 0; i < f->ncells; i++) {
		free(I.keys[i]);
		value_clear(&I.given[i]);
	}
	free(I.keys);
	free(I.given);
	free(I.given_line);
	free(I.given_col);
	if (rc < 0) {
		report_free(r);
		return NULL;
	}
	return r;
}
