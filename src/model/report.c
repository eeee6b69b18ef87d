/* A report: its values, header, prose and acknowledgements, and the
 * rules for setting them; read by reportio.c, written by reportemit.c. */
#include "model/report.h"
#include "base/i18n.h"
#include "base/text.h"
#include "base/buf.h"
#include "model/form.h"
#include "base/xmalloc.h"

#include <stdlib.h>
#include <string.h>

struct report *report_new(const struct form *f)
{
	struct report *r = xcalloc(1, sizeof *r);
	r->form = f;
	r->header = xcalloc((size_t)f->nheader + 1, sizeof *r->header);
	r->prose = xcalloc((size_t)f->nprose + 1, sizeof *r->prose);
	/* the cells' four arrays in one block (freed with vals) */
	size_t n = (size_t)f->ncells + 1;
	char *cells = xcalloc(n, 2 * sizeof *r->vals + sizeof *r->line + sizeof *r->col);
	r->vals = (struct value *)cells;
	r->stored = r->vals + n;
	r->line = (int *)(r->stored + n);
	r->col = r->line + n;
	return r;
}

void report_add_part(struct report *r, const char *file, const char *organ, const char *sha256)
{
	r->parts = xgrow(r->parts, (size_t)r->nparts, sizeof *r->parts);
	r->parts[r->nparts++] = (struct report_part){xstrdup(file), xstrdup(organ ? organ : ""),
						     xstrdup(sha256 ? sha256 : "")};
}

void report_free(struct report *r)
{
	if (r == NULL)
		return;
	const struct form *f = r->form;
	for (int i = 0; i < f->nheader; i++)
		free(r->header[i]);
	for (int i = 0; i < f->nprose; i++)
		free(r->prose[i]);
	for (int i = 0; i < f->ncells; i++) { /* texts, few: no call for each figure */
		if (r->vals[i].text != NULL)
			free(r->vals[i].text);
		if (r->stored[i].text != NULL)
			free(r->stored[i].text);
	}
	for (int i = 0; i < r->nacks; i++)
		free(r->acks[i].reason);
	free(r->acks);
	free(r->header);
	free(r->prose);
	free(r->vals); /* and stored, line and col */
	free(r->path);
	free(r->previous);
	free(r->source);
	free(r->source_sha256);
	for (int i = 0; r->source_at && i < f->ncells; i++)
		free(r->source_at[i]);
	free(r->source_at);
	for (int i = 0; i < r->nparts; i++) {
		free(r->parts[i].file);
		free(r->parts[i].organ);
		free(r->parts[i].sha256);
	}
	free(r->parts);
	form_free(r->owned_form);
	free(r);
}

static int report_days(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

static int report_digits(const char *s, int n)
{
	for (int i = 0; i < n; i++)
		if (s[i] < '0' || s[i] > '9')
			return 0;
	return 1;
}

const char *report_header_problem(const struct report *r, int field, const char *text)
{
	if (text == NULL || *text == '\0')
		return NULL;
	switch (r->form->header[field].type) {
	case HF_TEXT: {
		size_t bad;
		const char *why;
		return text_check(text, TEXT_LINE, &bad, &why) < 0 ? why : NULL;
	}
	case HF_YEAR:
		if (strlen(text) != 4 || !report_digits(text, 4) || text[0] == '0')
			return _("is not a year (four digits, such as 2021)");
		return NULL;
	case HF_DATE: {
		if (strlen(text) != 10 || !report_digits(text, 4) || text[4] != '-' ||
		    !report_digits(text + 5, 2) || text[7] != '-' || !report_digits(text + 8, 2))
			return _("is not a date written YYYY-MM-DD");
		int y = atoi(text), m = atoi(text + 5), dd = atoi(text + 8);
		if (y < 1000 || m < 1 || m > 12 || dd < 1 || dd > report_days(y, m))
			return _("is not a real date");
		return NULL;
	}
	}
	return NULL;
}

int report_set_header(struct report *r, int field, const char *text, const char **why)
{
	const char *p = report_header_problem(r, field, text);
	if (p != NULL) {
		*why = p;
		return -1;
	}
	free(r->header[field]);
	r->header[field] = text && *text ? xstrdup(text) : NULL;
	return 0;
}

void report_set_prose(struct report *r, int prose, const char *text)
{
	struct buf b;
	buf_init(&b);
	const char *p = text ? text : "";
	while (*p) {
		const char *e = strchr(p, '\n');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		size_t k = n;
		while (k > 0 && (p[k - 1] == ' ' || p[k - 1] == '\r' || p[k - 1] == '\t'))
			k--;
		buf_add(&b, p, k);
		buf_putc(&b, '\n');
		p += n + (e != NULL);
	}
	while (b.len > 0 && b.data[b.len - 1] == '\n')
		b.data[--b.len] = '\0';
	size_t lead = 0;
	while (b.data[lead] == '\n')
		lead++;
	free(r->prose[prose]);
	r->prose[prose] = b.len > lead ? xstrdup(b.data + lead) : NULL;
	buf_free(&b);
}

const struct report_ack *report_ack_find(const struct report *r, const struct fcheck *check,
					 const struct fblock *b, int row, int col)
{
	for (int i = 0; i < r->nacks; i++) {
		const struct report_ack *a = &r->acks[i];
		if (a->check == check && a->block == b && a->r == row && a->c == col)
			return a;
	}
	return NULL;
}

int report_acknowledge(struct report *r, const struct fcheck *check, const struct fblock *b,
		       int row, int col, const char *reason)
{
	size_t bad;
	const char *why;
	if (check->severity == DIAG_ERROR ||
	    (reason != NULL && text_check(reason, TEXT_LINE, &bad, &why) < 0))
		return -1;
	struct report_ack *a = (struct report_ack *)report_ack_find(r, check, b, row, col);
	if (reason == NULL || *reason == '\0') {
		if (a != NULL) {
			free(a->reason);
			*a = r->acks[--r->nacks];
		}
		return 0;
	}
	if (a == NULL) {
		r->acks = xgrow(r->acks, (size_t)r->nacks, sizeof *r->acks);
		a = &r->acks[r->nacks++];
		*a = (struct report_ack){check, b, row, col, NULL, 0, 0};
	}
	free(a->reason);
	a->reason = xstrdup(reason);
	return 0;
}

int report_organ_field(const struct form *f)
{
	int k = form_hfield(f, "organ");
	for (int i = 0; k < 0 && i < f->nheader; i++)
		if (f->header[i].type == HF_TEXT)
			k = i;
	return k;
}

char *report_organ(const struct report *r)
{
	int k = report_organ_field(r->form);
	return k >= 0 ? report_header_display(r, k) : xstrdup("");
}

int report_year(const struct report *r)
{
	int k = form_hfield(r->form, "year");
	const char *y = k >= 0 ? r->header[k] : NULL;
	return y ? atoi(y) : 0;
}

char *report_header_display(const struct report *r, int field)
{
	const char *v = r->header[field];
	if (v == NULL)
		return xstrdup("");
	if (r->form->header[field].type == HF_DATE)
		return xasprintf("%d年%d月%d日", atoi(v), atoi(v + 5), atoi(v + 8));
	return xstrdup(v);
}

char *report_expand(const struct report *r, const char *tmpl)
{
	struct buf b;
	buf_init(&b);
	for (const char *p = tmpl; *p;) {
		const char *close = *p == '{' ? strchr(p, '}') : NULL;
		if (close != NULL) {
			char *name = xstrndup(p + 1, (size_t)(close - p - 1));
			int k = form_hfield(r->form, name);
			free(name);
			if (k >= 0) {
				char *v = report_header_display(r, k);
				buf_puts(&b, v);
				free(v);
				p = close + 1;
				continue;
			}
		}
		buf_putc(&b, *p++);
	}
	return b.data;
}

/* The cell a source key names: table.block.row.column (no block in a table
 * of one grid); -1 if none. */
int report_cell_by_path(const struct form *f, const char *path)
{
	char *p = xstrdup(path), *part[4];
	int n = 0;
	for (char *save = NULL, *t = strtok_r(p, ".", &save); t && n < 4;
	     t = strtok_r(NULL, ".", &save))
		part[n++] = t;
	int cell = -1;
	const struct ftable *t = n >= 3 ? form_table(f, part[0]) : NULL;
	if (t != NULL && n == (t->implicit ? 3 : 4)) {
		const struct fblock *b = t->implicit ? t->blocks[0] : form_block(t, part[1]);
		const struct fnode *rn = b ? form_node(&b->rows, part[n - 2]) : NULL;
		const struct fnode *cn = b ? form_node(&b->cols, part[n - 1]) : NULL;
		if (rn && cn && rn->nkids == 0 && cn->nkids == 0)
			cell = form_cell(b, rn->leaf, cn->leaf);
	}
	free(p);
	return cell;
}

char *report_cell_path(const struct form *f, int cell)
{
	const struct fcell *fc = &f->cells[cell];
	const struct fblock *b = fc->block;
	if (b->table->implicit)
		return xasprintf("%s.%s.%s", b->table->id, b->row[fc->r]->id, b->col[fc->c]->id);
	return xasprintf("%s.%s.%s.%s", b->table->id, b->id, b->row[fc->r]->id, b->col[fc->c]->id);
}

char *report_beside(const char *path, const char *file)
{
	const char *slash = path ? strrchr(path, '/') : NULL;
	if (file[0] == '/' || slash == NULL)
		return xstrdup(file);
	return xasprintf("%.*s%s", (int)(slash - path + 1), path, file);
}

char *report_previous_path(const struct report *r)
{
	return r->previous ? report_beside(r->path, r->previous) : NULL;
}
