/* A report read from YAML, every value checked against its cell's type
 * and every key against the form (reportemit.c writes it back). */
#include "model/report.h"
#include "base/i18n.h"
#include "base/sha256.h"
#include "base/text.h"
#include "base/width.h"
#include "base/buf.h"
#include "model/form.h"
#include "model/formpath.h"
#include "base/xmalloc.h"
#include "model/yamlio.h"

#include <stdlib.h>
#include <string.h>

struct report_loader {
	const char *path;
	struct diags *d;
	struct report *r;
};

__attribute__((format(printf, 3, 4))) static int
report_err(struct report_loader *L, const struct ynode *n, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diags_vadd(L->d, DIAG_ERROR, L->path, n ? n->line : 0, n ? n->col : 0, fmt, ap);
	va_end(ap);
	return -1;
}

static int report_need_map(struct report_loader *L, const struct ynode *n, const char *what)
{
	if (n->kind != Y_MAP)
		return report_err(L, n, "%s must be a mapping, not a %s", what, ynode_kind_name(n));
	return 0;
}

/* A cell's value as read from the file at line:col. */
static inline void report_cell_put(struct report *rep, int cell, const struct value *val, int line,
				   int col)
{
	rep->line[cell] = line;
	rep->col[cell] = col;
	if (rep->form->cells[cell].formula != NULL)
		rep->stored[cell] = *val;
	else
		rep->vals[cell] = *val;
}

/* A cell's value from its text in the file (len bytes), at line:col; -1
 * with *why. */
static int report_cell_set(struct report *rep, int cell, const char *text, size_t len, int line,
			   int col, const char **why)
{
	struct value val;
	if (value_parse_len(text, len, &rep->form->cells[cell].type, &val, why) < 0)
		return -1;
	report_cell_put(rep, cell, &val, line, col);
	return 0;
}

static int report_cell_load(struct report_loader *L, const struct fblock *b, int r, int c,
			    const struct ynode *v)
{
	struct report *rep = L->r;
	int cell = form_cell(b, r, c);
	if (v->kind != Y_SCALAR)
		return report_err(L, v, "a cell holds one value, not a %s", ynode_kind_name(v));
	const char *why;
	int null = ynode_is_null(v);
	if (report_cell_set(rep, cell, null ? "" : v->str, null ? 0 : v->len, v->line, v->col,
			    &why) < 0) {
		char *row = form_row_path(b, r, " / "), *col = form_col_path(b, c, " / ");
		char *where = xasprintf("%s × %s", row, col);
		diags_add(L->d, DIAG_ERROR, L->path, v->line, v->col, "'%s' (%s) %s", v->str, where,
			  why);
		free(where);
		free(row);
		free(col);
		return -1;
	}
	return 0;
}

/* A key not where it was expected: the whole tree searched (its length
 * told apart, for a key holding a NUL). */
static const struct fnode *report_node_search(const struct fnode *root, const char *id, size_t len)
{
	const struct fnode *k = form_node(root, id);
	return k != NULL && k->idlen == len ? k : NULL;
}

/* The row and the column of b named id (of len bytes, which may hold a NUL
 * when pulled raw). Files are written in the form's order: each key is
 * looked for first where the one before it left off (next; ids are unique
 * in a block, so this finds what the search of the whole tree would),
 * matched by its length and words (struct fkey), without going to the
 * node or its id's bytes. */
static inline __attribute__((always_inline)) const struct fnode *
report_node_at(const struct fnode *root, struct fnode *const *order, const struct fkey *keys, int n,
	       int next, const char *id, size_t len)
{
	if (next < n && keys[next].len == len) {
		uint64_t w[2];
		if (width_words(id, len, w) ? w[0] == keys[next].w[0] && w[1] == keys[next].w[1]
					    : memcmp(order[next]->id, id, len) == 0)
			return order[next];
	}
	return report_node_search(root, id, len);
}

static const struct fnode *report_row_at(const struct fblock *b, int next, const char *id,
					 size_t len)
{
	return report_node_at(&b->rows, b->row, b->rowkey, b->nrows, next, id, len);
}

static const struct fnode *report_col_at(const struct fblock *b, int next, const char *id,
					 size_t len)
{
	return report_node_at(&b->cols, b->col, b->colkey, b->ncols, next, id, len);
}

static int report_block_load(struct report_loader *L, const struct fblock *b, const struct ynode *m)
{
	if (report_need_map(L, m, "a table's rows") < 0)
		return -1;
	int next_row = 0;
	for (size_t i = 0; i < m->n; i++) {
		const struct ynode *k = ymap_key(m, i), *rv = ymap_value(m, i);
		const struct fnode *row = report_row_at(b, next_row, k->str, k->len);
		if (row == NULL)
			return report_err(L, k, "unknown row '%s' in '%s'", k->str,
					  b->id ? b->id : b->table->id);
		if (row->leaf < 0 || row->nkids > 0)
			return report_err(
			    L, k, "'%s' is a group of rows; give the values of its rows", k->str);
		if (report_need_map(L, rv, "a row") < 0)
			return -1;
		next_row = row->leaf + 1;
		int next_col = 0;
		for (size_t j = 0; j < rv->n; j++) {
			const struct ynode *ck = ymap_key(rv, j), *cv = ymap_value(rv, j);
			const struct fnode *col = report_col_at(b, next_col, ck->str, ck->len);
			if (col == NULL)
				return report_err(L, ck, "unknown column '%s' in '%s'", ck->str,
						  b->id ? b->id : b->table->id);
			if (col->nkids > 0)
				return report_err(
				    L, ck,
				    "'%s' is a group of columns; give the values of its columns",
				    ck->str);
			if (report_cell_load(L, b, row->leaf, col->leaf, cv) < 0)
				return -1;
			next_col = col->leaf + 1;
		}
	}
	return 0;
}

static int report_tables_load(struct report_loader *L, const struct ynode *m)
{
	const struct form *f = L->r->form;
	if (report_need_map(L, m, "'tables'") < 0)
		return -1;
	for (size_t i = 0; i < m->n; i++) {
		const struct ynode *k = ymap_key(m, i), *tv = ymap_value(m, i);
		const struct ftable *t = form_table(f, k->str);
		if (t == NULL)
			return report_err(L, k, "unknown table '%s' (form %s)", k->str, f->id);
		if (t->implicit) {
			if (report_block_load(L, t->blocks[0], tv) < 0)
				return -1;
			continue;
		}
		if (report_need_map(L, tv, "a table of blocks") < 0)
			return -1;
		for (size_t j = 0; j < tv->n; j++) {
			const struct ynode *bk = ymap_key(tv, j);
			const struct fblock *b = form_block(t, bk->str);
			if (b == NULL)
				return report_err(L, bk, "unknown block '%s' in table '%s'",
						  bk->str, t->id);
			if (report_block_load(L, b, ymap_value(tv, j)) < 0)
				return -1;
		}
	}
	return 0;
}

/* The form a report names by fid and fver: the one given, which must be
 * it, else the cache's or one loaded for this report alone (*owned). 0, or
 * RF_NONE when none loads (d says why), RF_OTHER when the given one is
 * another, RF_VERSION when its version differs (*form set for both). */
enum { RF_OK, RF_NONE, RF_OTHER, RF_VERSION };

static int report_form_of(const struct ynode *fid, const struct ynode *fver,
			  const struct form *given, struct formpath_cache *cache,
			  const struct form **form, struct form **owned, struct diags *d)
{
	*owned = NULL;
	*form = given;
	if (given == NULL)
		*form = cache ? formpath_cache_get(cache, fid->str, d)
			      : (*owned = formpath_load(fid->str, d));
	if (*form == NULL)
		return RF_NONE;
	if (given != NULL && strcmp(given->id, fid->str) != 0)
		return RF_OTHER;
	char ver[16];
	snprintf(ver, sizeof ver, "%d", (*form)->version);
	return strcmp(ver, fver->str) != 0 ? RF_VERSION : RF_OK;
}

/* The tables read as libyaml gives them, without a tree (yamlio_taker):
 * nine in ten of a report's nodes. Whatever is not right gives up, with
 * nothing said, and the file is read again as a tree by the loader above,
 * which names it; so this one only has to be sure of what it takes. */
struct report_take {
	const struct form *given;
	struct formpath_cache *cache;
	struct report *r; /* begun here with the tables in it, or NULL */
};

/* The next key of a mapping (1), its end (0), or -1; raw (yamlio_pull_raw)
 * for a row's or a column's, which is compared whole to the form's ids. */
static int report_take_key(struct yamlio_load *Y, struct yevent *e, int raw)
{
	if ((raw ? yamlio_pull_raw(Y, e) : yamlio_pull(Y, e)) < 0 ||
	    (!e->end && e->kind != Y_SCALAR))
		return -1;
	return !e->end;
}

static int report_take_map(struct yamlio_load *Y)
{
	struct yevent e;
	return yamlio_pull(Y, &e) < 0 || e.end || e.kind != Y_MAP ? -1 : 0;
}

/* The figure of cell, pulled raw: digits, most of a file's, need no check
 * of their text and are a count's or a whole number's value as they are. */
static int report_take_figure(struct report *r, int cell, struct yamlio_load *Y)
{
	struct yevent e;
	const char *why;
	if (yamlio_pull_raw(Y, &e) < 0 || e.end || e.kind != Y_SCALAR)
		return -1;
	struct value v = {VAL_NUM, 0, 0, NULL};
	enum cell_kind kind = r->form->cells[cell].type.kind;
	if (value_figure(e.str, e.len, &v.num)) {
		if (kind == CELL_COUNT || kind == CELL_SIGNED) {
			report_cell_put(r, cell, &v, e.line, e.col);
			return 0;
		}
	} else if (!yamlio_text_ok(&e)) {
		return -1;
	}
	int null = yamlio_is_null(e.str, e.len, e.plain);
	return report_cell_set(r, cell, null ? "" : e.str, null ? 0 : e.len, e.line, e.col, &why);
}

/* One row's mapping of columns to figures; seen marks the columns read. */
static int report_take_row(struct report *r, struct yamlio_load *Y, const struct fblock *b, int row,
			   unsigned char *seen)
{
	struct yevent e;
	int k, next = 0;
	memset(seen, 0, (size_t)b->ncols);
	if (report_take_map(Y) < 0)
		return -1;
	while ((k = report_take_key(Y, &e, 1)) > 0) {
		const struct fnode *col = report_col_at(b, next, e.str, e.len);
		if (col == NULL || col->nkids > 0 || seen[col->leaf]++ ||
		    report_take_figure(r, form_cell(b, row, col->leaf), Y) < 0)
			return -1;
		next = col->leaf + 1;
	}
	return k;
}

static int report_take_block(struct report *r, struct yamlio_load *Y, const struct fblock *b)
{
	/* the rows and the columns read, on the stack for any table a form has */
	unsigned char rs[256] = {0}, cs[256];
	unsigned char *rows = b->nrows < 256 ? rs : xcalloc((size_t)b->nrows + 1, 1),
		      *cols = b->ncols < 256 ? cs : xmalloc((size_t)b->ncols + 1);
	struct yevent e;
	int k = report_take_map(Y), next = 0;
	while (k == 0 && (k = report_take_key(Y, &e, 1)) > 0) {
		const struct fnode *row = report_row_at(b, next, e.str, e.len);
		if (row == NULL || row->leaf < 0 || row->nkids > 0 || rows[row->leaf]++)
			k = -1;
		else
			k = report_take_row(r, Y, b, row->leaf, cols);
		next = row ? row->leaf + 1 : 0;
	}
	if (rows != rs)
		free(rows);
	if (cols != cs)
		free(cols);
	return k;
}

/* A table or block named in the file (p), kept in seen[*n]: 0 the first
 * time, -1 when unknown (NULL), again, or past 64. */
static int report_take_once(const void **seen, int *n, const void *p)
{
	for (int i = 0; p != NULL && i < *n; i++)
		if (seen[i] == p)
			p = NULL;
	if (p == NULL || *n == 64)
		return -1;
	seen[(*n)++] = p;
	return 0;
}

/* take() for "tables": the report is begun once form and form-version,
 * read before the tables as files write them, name a form that loads. */
static int report_take_tables(void *ctx, struct yamlio_load *Y, struct ynode *const *pairs,
			      size_t npairs)
{
	struct report_take *T = ctx;
	const struct ynode *fid = NULL, *fver = NULL;
	for (size_t i = 0; i < npairs; i++)
		if (strcmp(pairs[2 * i]->str, "form") == 0)
			fid = pairs[2 * i + 1];
		else if (strcmp(pairs[2 * i]->str, "form-version") == 0)
			fver = pairs[2 * i + 1];
	if (fid == NULL || fver == NULL || fid->kind != Y_SCALAR || fver->kind != Y_SCALAR)
		return 0;
	const struct form *f;
	struct form *owned;
	struct diags unsaid; /* a form that does not fit is the tree loader's to say */
	diags_init(&unsaid);
	int rf = report_form_of(fid, fver, T->given, T->cache, &f, &owned, &unsaid);
	diags_free(&unsaid);
	if (rf != RF_OK) {
		form_free(owned);
		return 0;
	}
	struct report *r = T->r = report_new(f);
	r->owned_form = owned;
	const void *seen[64];
	int nseen = 0, k;
	struct yevent e;
	if (report_take_map(Y) < 0)
		return -1;
	while ((k = report_take_key(Y, &e, 0)) > 0) {
		const struct ftable *t = form_table(f, e.str);
		if (report_take_once(seen, &nseen, t) < 0)
			return -1;
		if (t->implicit) {
			if (report_take_block(r, Y, t->blocks[0]) < 0)
				return -1;
			continue;
		}
		const void *done[64];
		int ndone = 0;
		if (report_take_map(Y) < 0)
			return -1;
		while ((k = report_take_key(Y, &e, 0)) > 0) {
			const struct fblock *b = form_block(t, e.str);
			if (report_take_once(done, &ndone, b) < 0 || report_take_block(r, Y, b) < 0)
				return -1;
		}
		if (k < 0)
			return -1;
	}
	return k < 0 ? -1 : 1;
}

/* One acknowledged warning: check, table, block, row, column, reason. */
static int report_ack_load(struct report_loader *L, const struct ynode *m)
{
	static const char *const keys[] = {"check", "table", "block", "row", "column", "reason"};
	const struct form *f = L->r->form;
	if (report_need_map(L, m, "an acknowledged warning") < 0)
		return -1;
	const char *v[6] = {0};
	for (size_t i = 0; i < m->n; i++) {
		const struct ynode *k = ymap_key(m, i), *val = ymap_value(m, i);
		int which = -1;
		for (int j = 0; j < 6; j++)
			if (strcmp(k->str, keys[j]) == 0)
				which = j;
		if (which < 0)
			return report_err(
			    L, k,
			    "unknown key '%s' (expected check, table, block, row, column, "
			    "reason)",
			    k->str);
		if (val->kind != Y_SCALAR)
			return report_err(L, val, "'%s' must be a single value", k->str);
		v[which] = val->str;
	}
	if (v[0] == NULL || v[5] == NULL || *v[5] == '\0')
		return report_err(L, m, "an acknowledged warning needs its check and a reason");
	const struct fcheck *check = NULL;
	for (int i = 0; i < f->nchecks; i++)
		if (strcmp(f->checks[i].id, v[0]) == 0)
			check = &f->checks[i];
	if (check == NULL)
		return report_err(L, ymap_get(m, "check"), "unknown check '%s' (form %s)", v[0],
				  f->id);
	if (check->severity == DIAG_ERROR)
		return report_err(L, ymap_get(m, "check"),
				  "'%s' is an error: errors cannot be acknowledged", v[0]);
	const struct fblock *b = NULL;
	int row = -1, col = -1;
	if (v[1] != NULL) {
		const struct ftable *t = form_table(f, v[1]);
		b = t == NULL     ? NULL
		    : v[2]        ? form_block(t, v[2])
		    : t->implicit ? t->blocks[0]
				  : NULL;
		if (b == NULL && t != NULL && v[2])
			return report_err(L, ymap_get(m, "block"), "table '%s' has no block '%s'",
					  v[1], v[2]);
		if (b == NULL)
			return report_err(L, ymap_get(m, "table"), "no table or block '%s'", v[1]);
		const struct fnode *rn = v[3] ? form_node(&b->rows, v[3]) : NULL;
		const struct fnode *cn = v[4] ? form_node(&b->cols, v[4]) : NULL;
		if ((v[3] && (rn == NULL || rn->nkids)) || (v[4] && (cn == NULL || cn->nkids)))
			return report_err(L, m, "no row or column '%s' in '%s'", v[3] ? v[3] : v[4],
					  v[1]);
		row = rn ? rn->leaf : -1;
		col = cn ? cn->leaf : -1;
	}
	size_t bad;
	const char *why;
	if (text_check(v[5], TEXT_LINE, &bad, &why) < 0)
		return report_err(L, ymap_get(m, "reason"), "the reason %s", why);
	report_acknowledge(L->r, check, b, row, col, v[5]);
	struct report_ack *a = &L->r->acks[L->r->nacks - 1];
	a->line = m->line;
	a->col = m->col;
	return 0;
}

static int report_acks_load(struct report_loader *L, const struct ynode *list)
{
	if (list->kind != Y_SEQ)
		return report_err(L, list, "'acknowledged' must be a list");
	for (size_t i = 0; i < list->n; i++)
		if (report_ack_load(L, list->items[i]) < 0)
			return -1;
	return 0;
}

/* source: the published file an import read, its SHA-256, and where in it
 * each cell's figure was. */
static int report_source_load(struct report_loader *L, const struct ynode *m)
{
	struct report *r = L->r;
	if (report_need_map(L, m, "'source'") < 0)
		return -1;
	for (size_t i = 0; i < m->n; i++) {
		const struct ynode *k = ymap_key(m, i), *v = ymap_value(m, i);
		size_t bad;
		const char *why;
		if (strcmp(k->str, "cells") == 0) {
			if (report_need_map(L, v, "'cells'") < 0)
				return -1;
			if (r->source_at == NULL)
				r->source_at =
				    xcalloc((size_t)r->form->ncells + 1, sizeof *r->source_at);
			for (size_t j = 0; j < v->n; j++) {
				const struct ynode *ck = ymap_key(v, j), *cv = ymap_value(v, j);
				int cell = report_cell_by_path(r->form, ck->str);
				if (cell < 0)
					return report_err(L, ck, "no cell '%s' in form %s", ck->str,
							  r->form->id);
				if (cv->kind != Y_SCALAR ||
				    text_check(cv->str, TEXT_LINE, &bad, &why) < 0)
					return report_err(L, cv,
							  "where a figure was: one line of text");
				free(r->source_at[cell]);
				r->source_at[cell] = xstrdup(cv->str);
			}
			continue;
		}
		char **to = strcmp(k->str, "file") == 0     ? &r->source
			    : strcmp(k->str, "sha256") == 0 ? &r->source_sha256
							    : NULL;
		if (to == NULL)
			return report_err(L, k, "unknown key '%s' in source (file, sha256, cells)",
					  k->str);
		if (v->kind != Y_SCALAR || text_check(v->str, TEXT_LINE, &bad, &why) < 0)
			return report_err(L, v, "'%s' must be one line of text", k->str);
		free(*to);
		*to = xstrdup(v->str);
	}
	return 0;
}

/* parts: the reports a roll-up sums, each {file, organ, sha256}. */
static int report_parts_load(struct report_loader *L, const struct ynode *m)
{
	static const char *const keys[] = {"file", "organ", "sha256"};
	if (m->kind != Y_SEQ)
		return report_err(L, m, "'parts' must be a list, not a %s", ynode_kind_name(m));
	for (size_t i = 0; i < m->n; i++) {
		const struct ynode *p = m->items[i];
		if (report_need_map(L, p, "a part") < 0)
			return -1;
		const char *v[3] = {NULL, "", ""};
		for (size_t j = 0; j < p->n; j++) {
			const struct ynode *k = ymap_key(p, j), *x = ymap_value(p, j);
			int which = -1;
			for (int q = 0; q < 3; q++)
				if (strcmp(k->str, keys[q]) == 0)
					which = q;
			size_t bad;
			const char *why;
			if (which < 0)
				return report_err(
				    L, k, "unknown key '%s' in a part (file, organ, sha256)",
				    k->str);
			if (x->kind != Y_SCALAR || text_check(x->str, TEXT_LINE, &bad, &why) < 0)
				return report_err(L, x, "'%s' must be one line of text", k->str);
			v[which] = x->str;
		}
		if (v[0] == NULL || *v[0] == '\0')
			return report_err(L, p, "a part names its file");
		report_add_part(L->r, v[0], v[1], v[2]);
	}
	return 0;
}

static int report_body_load(struct report_loader *L, const struct ynode *root)
{
	struct report *r = L->r;
	const struct form *f = r->form;
	const struct ynode *h = ymap_get(root, "header");
	if (h != NULL) {
		if (report_need_map(L, h, "'header'") < 0)
			return -1;
		for (size_t i = 0; i < h->n; i++) {
			const struct ynode *k = ymap_key(h, i), *v = ymap_value(h, i);
			int fi = form_hfield(f, k->str);
			if (fi < 0)
				return report_err(L, k, "unknown header field '%s' (form %s)",
						  k->str, f->id);
			if (v->kind != Y_SCALAR)
				return report_err(L, v, "'%s' must be a single value, not a %s",
						  k->str, ynode_kind_name(v));
			const char *why;
			if (report_set_header(r, fi, ynode_is_null(v) ? NULL : v->str, &why) < 0) {
				diags_add(L->d, DIAG_ERROR, L->path, v->line, v->col, "%s: '%s' %s",
					  k->str, v->str, why);
				return -1;
			}
		}
	}
	const struct ynode *p = ymap_get(root, "prose");
	if (p != NULL) {
		if (report_need_map(L, p, "'prose'") < 0)
			return -1;
		for (size_t i = 0; i < p->n; i++) {
			const struct ynode *k = ymap_key(p, i), *v = ymap_value(p, i);
			const struct fpart *part = form_part(f, k->str);
			if (part == NULL || part->kind != PART_PROSE)
				return report_err(L, k, "unknown prose section '%s' (form %s)",
						  k->str, f->id);
			if (v->kind != Y_SCALAR)
				return report_err(L, v, "'%s' must be text, not a %s", k->str,
						  ynode_kind_name(v));
			report_set_prose(r, part->prose, ynode_is_null(v) ? NULL : v->str);
		}
	}
	const struct ynode *t = ymap_get(root, "tables");
	if (t != NULL && !t->taken && report_tables_load(L, t) < 0)
		return -1;
	const struct ynode *src = ymap_get(root, "source");
	if (src != NULL && report_source_load(L, src) < 0)
		return -1;
	const struct ynode *parts = ymap_get(root, "parts");
	if (parts != NULL && report_parts_load(L, parts) < 0)
		return -1;
	const struct ynode *ack = ymap_get(root, "acknowledged");
	if (ack != NULL && report_acks_load(L, ack) < 0)
		return -1;
	return 0;
}

static struct report *report_from_tree(const char *path, struct ynode *root,
				       const struct form *form, struct formpath_cache *cache,
				       struct diags *d, struct report_take *T);

/* A report from its file's text: its tables taken as events, the rest as a
 * tree; read again all as a tree when the taker gave up. */
int report_tree_only;

static struct report *report_parse(const char *path, const char *text, size_t len,
				   const struct form *form, struct formpath_cache *cache,
				   struct diags *d)
{
	struct report_take T = {.given = form, .cache = cache};
	const struct yamlio_taker taker = {"tables", report_take_tables, &T};
	struct ynode *root;
	int rc = yamlio_load_taking(path, text, len, &root, d, report_tree_only ? NULL : &taker);
	if (rc == -2) {
		report_free(T.r);
		T.r = NULL;
		rc = yamlio_load_string(path, text, len, &root, d);
	}
	struct report *r = rc < 0 ? NULL : report_from_tree(path, root, form, cache, d, &T);
	report_free(T.r); /* begun, and the file then failed */
	return r;
}

/* The file at path read within the limits, then parsed. */
static struct report *report_read(const char *path, const struct form *form,
				  struct formpath_cache *cache, char *sha256, struct diags *d)
{
	struct buf b;
	buf_init(&b);
	struct report *r = NULL;
	if (yamlio_read_file(path, &b, d) == 0) {
		if (sha256 != NULL)
			sha256_hex(b.data, b.len, sha256);
		r = report_parse(path, b.data, b.len, form, cache, d);
	}
	buf_free(&b);
	return r;
}

struct report *report_load(const char *path, const struct form *form, struct diags *d)
{
	return report_read(path, form, NULL, NULL, d);
}

struct report *report_load_cached(const char *path, struct formpath_cache *cache, struct diags *d)
{
	return report_read(path, NULL, cache, NULL, d);
}

struct report *report_load_hashed(const char *path, struct formpath_cache *cache, char sha256[65],
				  struct diags *d)
{
	return report_read(path, NULL, cache, sha256, d);
}

struct report *report_load_string(const char *name, const char *text, size_t len,
				  const struct form *form, struct diags *d)
{
	return report_parse(name, text, len, form, NULL, d);
}

/* Reads a parsed report file; takes the tree. */
static struct report *report_from_tree(const char *path, struct ynode *root,
				       const struct form *form, struct formpath_cache *cache,
				       struct diags *d, struct report_take *T)
{
	static const char *const keys[] = {"form",   "form-version", "previous",
					   "header", "prose",        "tables",
					   "source", "parts",        "acknowledged"};
	struct report_loader L = {.path = path, .d = d};
	struct form *owned = NULL;
	struct report *r = NULL;
	if (root->kind != Y_MAP) {
		report_err(&L, root, "a report must be a mapping, not a %s", ynode_kind_name(root));
		goto fail;
	}
	for (size_t i = 0; i < root->n; i++) {
		const struct ynode *k = ymap_key(root, i);
		int ok = 0;
		for (size_t j = 0; j < sizeof keys / sizeof keys[0]; j++)
			ok |= strcmp(k->str, keys[j]) == 0;
		if (!ok) {
			report_err(
			    &L, k,
			    "unknown key '%s' (expected form, form-version, previous, header, "
			    "prose, tables, source, parts, acknowledged)",
			    k->str);
			goto fail;
		}
	}
	const struct ynode *fid = ymap_get(root, "form"), *fver = ymap_get(root, "form-version");
	if (fid == NULL || fid->kind != Y_SCALAR || fver == NULL || fver->kind != Y_SCALAR) {
		report_err(&L,
			   fid    ? fid
			   : fver ? fver
				  : root,
			   "a report names its form with 'form: ID' and 'form-version: N'");
		goto fail;
	}
	size_t before = d->n;
	switch (T->r != NULL ? RF_OK /* the taker found it so */
			     : report_form_of(fid, fver, form, cache, &form, &owned, d)) {
	case RF_NONE:
		/* say which report needed it */
		if (d->n > before && d->v[before].file == NULL) {
			d->v[before].file = xstrdup(path);
			d->v[before].line = fid->line;
			d->v[before].column = fid->col;
		}
		goto fail;
	case RF_OTHER:
		report_err(&L, fid, "this report is for form '%s', not '%s'", fid->str, form->id);
		goto fail;
	case RF_VERSION:
		diags_add(d, DIAG_ERROR, path, fver->line, fver->col,
			  "this report was written for version %s of form '%s'; %s is version %d",
			  fver->str, form->id, form->path, form->version);
		goto fail;
	}
	if (T->r != NULL) {
		r = T->r;
		T->r = NULL;
	} else {
		r = report_new(form);
		r->owned_form = owned;
		owned = NULL;
	}
	r->path = xstrdup(path);
	L.r = r;
	const struct ynode *prev = ymap_get(root, "previous");
	if (prev != NULL && !ynode_is_null(prev)) {
		size_t bad;
		const char *why;
		if (prev->kind != Y_SCALAR || text_check(prev->str, TEXT_LINE, &bad, &why) < 0) {
			report_err(&L, prev, "'previous' is the path of last year's report");
			goto fail;
		}
		r->previous = xstrdup(prev->str);
	}
	if (report_body_load(&L, root) < 0)
		goto fail;
	ynode_free(root);
	return r;
fail:
	ynode_free(root);
	report_free(r);
	form_free(owned);
	return NULL;
}
