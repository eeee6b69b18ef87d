/* Comparing two reports by printed labels. */
#include "output/diff.h"
#include "output/csv.h"
#include "model/form.h"
#include "model/report.h"
#include "model/value.h"
#include "base/xmalloc.h"

#include <stdlib.h>
#include <string.h>

/* A cell's key: table title, row path and column path, as CSV writes them. */
struct diff_key {
	char *key;
	int cell;
};

static char *diff_key_of(const struct form *f, int cell)
{
	const struct fcell *fc = &f->cells[cell];
	char *row = form_row_path(fc->block, fc->r, CSV_SEP);
	char *col = form_col_path(fc->block, fc->c, CSV_SEP);
	char *k = xasprintf("%s\t%s\t%s", fc->block->table->title, row, col);
	free(row);
	free(col);
	return k;
}

static int diff_key_cmp(const void *x, const void *y)
{
	return strcmp(((const struct diff_key *)x)->key, ((const struct diff_key *)y)->key);
}

/* The cells of f sorted by key, for looking them up in n log n. */
static struct diff_key *diff_keys(const struct form *f)
{
	struct diff_key *k = xcalloc((size_t)f->ncells + 1, sizeof *k);
	for (int i = 0; i < f->ncells; i++)
		k[i] = (struct diff_key){diff_key_of(f, i), i};
	qsort(k, (size_t)f->ncells, sizeof *k, diff_key_cmp);
	return k;
}

static void diff_keys_free(struct diff_key *k, int n)
{
	for (int i = 0; i < n; i++)
		free(k[i].key);
	free(k);
}

static struct diff_entry *diff_push(struct diff *d)
{
	d->v = xreallocarray(d->v, (size_t)d->n + 1, sizeof *d->v);
	struct diff_entry *e = &d->v[d->n++];
	memset(e, 0, sizeof *e);
	return e;
}

static int diff_same(const char *x, const char *y)
{
	return strcmp(x ? x : "", y ? y : "") == 0;
}

/* The first line (from 1) where two texts differ. */
static int diff_first_line(const char *x, const char *y)
{
	int line = 1;
	x = x ? x : "";
	y = y ? y : "";
	for (; *x && *x == *y; x++, y++)
		line += *x == '\n';
	return line;
}

static void diff_cells(const struct report *a, const struct report *b, struct diff *d)
{
	const struct form *fa = a->form, *fb = b->form;
	struct diff_key *kb = diff_keys(fb);
	int matched = 0;
	for (int i = 0; i < fa->ncells; i++) {
		struct diff_key want = {diff_key_of(fa, i), -1};
		const struct diff_key *hit =
		    bsearch(&want, kb, (size_t)fb->ncells, sizeof *kb, diff_key_cmp);
		if (hit == NULL) {
			d->only_a++;
			free(want.key);
			continue;
		}
		matched++;
		/* a total computed in both follows from the cells that differ */
		int computed = fa->cells[i].formula && fb->cells[hit->cell].formula;
		char *x = value_str(&a->vals[i]), *y = value_str(&b->vals[hit->cell]);
		if (!computed && strcmp(x, y) != 0) {
			struct diff_entry *e = diff_push(d);
			e->kind = DIFF_CELL;
			char *tab = strchr(want.key, '\t');
			char *tab2 = strchr(tab + 1, '\t');
			e->table = xstrndup(want.key, (size_t)(tab - want.key));
			e->row = xstrndup(tab + 1, (size_t)(tab2 - tab - 1));
			e->col = xstrdup(tab2 + 1);
			e->before = x;
			e->after = y;
		} else {
			free(x);
			free(y);
		}
		free(want.key);
	}
	d->only_b = fb->ncells - matched;
	diff_keys_free(kb, fb->ncells);
}

void diff_reports(const struct report *a, const struct report *b, struct diff *d)
{
	memset(d, 0, sizeof *d);
	const struct form *fa = a->form, *fb = b->form;
	for (int i = 0; i < fa->nheader; i++) {
		int k = form_hfield(fb, fa->header[i].id);
		const char *y = k >= 0 ? b->header[k] : NULL;
		if (!diff_same(a->header[i], y)) {
			struct diff_entry *e = diff_push(d);
			e->kind = DIFF_HEADER;
			e->row = xstrdup(fa->header[i].label);
			e->before = xstrdup(a->header[i] ? a->header[i] : "");
			e->after = xstrdup(y ? y : "");
		}
	}
	for (int i = 0; i < fa->nparts; i++) {
		const struct fpart *p = &fa->parts[i];
		if (p->kind != PART_PROSE)
			continue;
		const struct fpart *q = form_part(fb, p->id);
		const char *y = q && q->kind == PART_PROSE ? b->prose[q->prose] : NULL;
		if (!diff_same(a->prose[p->prose], y)) {
			struct diff_entry *e = diff_push(d);
			e->kind = DIFF_PROSE;
			e->row = xstrdup(p->title ? p->title : p->tab);
			e->line = diff_first_line(a->prose[p->prose], y);
		}
	}
	diff_cells(a, b, d);
}

void diff_free(struct diff *d)
{
	for (int i = 0; i < d->n; i++) {
		free(d->v[i].table);
		free(d->v[i].row);
		free(d->v[i].col);
		free(d->v[i].before);
		free(d->v[i].after);
	}
	free(d->v);
	memset(d, 0, sizeof *d);
}
