/* Which node of a form a normalised label names: the exact labels of a
 * table hashed once for all documents, loose matches (another numbering,
 * a label cut short, a typo or two) by a walk; and the part a heading
 * begins. */
#include "import/import.h"
#include "base/i18n.h"
#include "import/importint.h"
#include "model/form.h"
#include "model/report.h"
#include "base/xmalloc.h"

#include <stdlib.h>
#include <string.h>

/* Which part of the form a heading names: a table's or a prose part's
 * title (numbering aside); -1 if none. *loose when only its words match. */
int imp_anchor(const struct imp *m, const char *t, int *loose)
{
	struct imp_norm tn; /* measured once, against every part's title */
	imp_measure(&tn, t);
	const char *bt = tn.body;
	for (int i = 0; i < m->f->nparts; i++) {
		const struct fpart *p = &m->f->parts[i];
		if (p->title == NULL)
			continue;
		const struct imp_norm *ln = imp_cached_measured(m->cache, p->title);
		const char *l = ln->norm, *bl = ln->body;
		/* （二）主动公开政府信息情况 inside 一、总体情况 is a paragraph's
		 * heading, not the part 二、: numbered in parentheses where the
		 * title is numbered with 、 */
		if (t[0] == '(' && bt != t && bl != l && l[0] != '(')
			continue;
		/* lengths before bytes: most titles differ in them */
		int whole = ln->len == tn.len && strcmp(t, l) == 0;
		size_t nbt = tn.len - (size_t)(bt - t), nbl = ln->len - (size_t)(bl - l);
		int hit = *bl && (whole || (nbt == nbl && strcmp(bt, bl) == 0));
		*loose = hit && !whole;
		/* a typo or two in a long enough title (the counts first: a
		 * distance of 2 needs lengths within 2) */
		if (!hit && ln->nbody >= 6 && tn.n <= ln->n + 2 && abs(tn.nbody - ln->nbody) <= 2 &&
		    imp_distance_cps(tn.cps, tn.ncps, ln->cps, ln->ncps, 2) <= 2)
			hit = *loose = 1;
		if (hit)
			return i;
	}
	return -1;
}

int imp_table_index(const struct form *f, const struct ftable *t)
{
	for (int i = 0; i < f->ntables; i++)
		if (f->tables[i] == t)
			return i;
	return -1;
}

/* The table's one row without a label (表四), or NULL. */
const struct fblock *imp_unlabelled(const struct ftable *t, int *r)
{
	for (int k = 0; k < t->nblocks; k++)
		for (int i = 0; i < t->blocks[k]->nrows; i++)
			if (t->blocks[k]->row[i]->label[0] == '\0') {
				*r = i;
				return t->blocks[k];
			}
	return NULL;
}

static size_t imp_hash(const char *s)
{
	size_t h = 5381;
	for (; *s; s++)
		h = h * 33 + (unsigned char)*s;
	return h;
}

/* Calls fn for every node of block b's rows (axis 0) or columns (1), in
 * the order imp_find walks them: depth first, as a stack of 64 allows. */
static void imp_walk(const struct fblock *b, int axis, void (*fn)(const struct fnode *, void *),
		     void *arg)
{
	const struct fnode *root = axis == 0 ? &b->rows : &b->cols;
	const struct fnode *stack[64];
	int sp = 0;
	for (int i = root->nkids - 1; i >= 0 && sp < 64; i--)
		stack[sp++] = root->kids[i];
	while (sp > 0) {
		const struct fnode *n = stack[--sp];
		for (int i = n->nkids - 1; i >= 0 && sp < 64; i--)
			stack[sp++] = n->kids[i];
		fn(n, arg);
	}
}

struct imp_index_walk {
	struct imp_index *x;
	struct imp_cache *cache;
	const struct fblock *b;
	int k, axis, ord;
};

static void imp_index_add(struct imp_index *x, const char *key, struct imp_exact e)
{
	e.hash = imp_hash(key);
	size_t h = e.hash % x->cap;
	while (x->v[h].key != NULL)
		h = (h + 1) % x->cap;
	e.key = key;
	x->v[h] = e;
}

/* A label of node n into the index (hashed, for exact matches) and the
 * loose list (in walk order, measured). */
static void imp_index_label(struct imp_index_walk *w, const struct fnode *n, const char *label,
			    struct imp_exact e)
{
	if (label == NULL || *label == '\0')
		return;
	const char *key = imp_cached(w->cache, label);
	imp_index_add(w->x, key, e);
	struct imp_loose *l = &w->x->loose[w->x->nloose++];
	l->hit = (struct imp_hit){w->b, n, w->axis == 0, HOW_NONE};
	l->k = w->k;
	imp_measure(&l->norm, key);
}

static void imp_index_node(const struct fnode *n, void *arg)
{
	struct imp_index_walk *w = arg;
	struct imp_exact e = {NULL, 0, {w->b, n, w->axis == 0, HOW_EXACT}, w->k, w->ord++};
	imp_index_label(w, n, n->label, e);
	e.hit.how = HOW_ALSO;
	for (int i = 0; i < n->nalso; i++)
		imp_index_label(w, n, n->also[i], e);
}

static void imp_count_node(const struct fnode *n, void *arg)
{
	*(size_t *)arg += 1 + (size_t)n->nalso;
}

void imp_index_build(struct imp_index *x, struct imp_cache *cache, const struct ftable *t)
{
	if (!x->built) {
		size_t n = 0;
		for (int k = 0; k < t->nblocks; k++)
			for (int axis = 0; axis < 2; axis++)
				imp_walk(t->blocks[k], axis, imp_count_node, &n);
		x->cap = 2 * n + 8;
		x->v = xcalloc(x->cap, sizeof *x->v);
		x->loose = xcalloc(n + 1, sizeof *x->loose);
		struct imp_index_walk w = {x, cache, NULL, 0, 0, 0};
		for (int k = 0; k < t->nblocks; k++)
			for (int axis = 0; axis < 2; axis++) {
				w.b = t->blocks[k], w.k = k, w.axis = axis;
				imp_walk(t->blocks[k], axis, imp_index_node, &w);
			}
		x->built = 1;
	}
	/* and the table's other texts a row may be compared with */
	if (t->note)
		imp_cached(cache, t->note);
	for (int k = 0; k < t->nblocks; k++) {
		if (t->blocks[k]->title)
			imp_cached(cache, t->blocks[k]->title);
		if (t->blocks[k]->label_heading)
			imp_cached(cache, t->blocks[k]->label_heading);
	}
}

static struct imp_index *imp_index_of(const struct imp *m, const struct ftable *t)
{
	int ti = 0;
	while (ti < m->f->ntables && m->f->tables[ti] != t)
		ti++;
	imp_index_build(&m->index[ti], m->cache, t); /* made by import_forms_new */
	return &m->index[ti];
}

const char *imp_heads(const struct imp *m, const struct ftable *t, int cols)
{
	struct imp_index *x = imp_index_of(m, t);
	if (x->heads[cols] == NULL) {
		struct buf b;
		buf_init(&b);
		/* each group once, from its first leaf (its later leaves reach
		 * it again); columns, leaves and groups alike */
		for (int k = 0; k < t->nblocks; k++) {
			const struct fblock *bl = t->blocks[k];
			for (int i = 0; i < (cols ? bl->ncols : bl->nrows); i++)
				for (const struct fnode *n = cols ? bl->col[i] : bl->row[i]->parent;
				     n && n->first == i; n = n->parent) {
					buf_putc(&b, '\1');
					buf_puts(&b, imp_cached(m->cache, n->label));
				}
		}
		x->heads[cols] = b.data ? b.data : xstrdup("");
	}
	return x->heads[cols];
}

/* The best node of table t that the normalised text names: rows before
 * columns, the current block first; an exact label anywhere before a loose
 * one, and of equals the first the walk meets. */
struct imp_hit imp_find(const struct imp *m, const struct ftable *t, const char *nt)
{
	struct imp_hit best = {0};
	const struct imp_index *x = imp_index_of(m, t);
	int best_pass = 0, best_ord = 0;
	size_t hash = imp_hash(nt);
	for (size_t h = hash % x->cap; x->v[h].key != NULL; h = (h + 1) % x->cap) {
		const struct imp_exact *e = &x->v[h];
		if (e->hash != hash || strcmp(e->key, nt) != 0)
			continue;
		int pass = e->k != m->block;
		if (best.how == HOW_NONE || e->hit.how < best.how ||
		    (e->hit.how == best.how &&
		     (pass < best_pass || (pass == best_pass && e->ord < best_ord)))) {
			best = e->hit;
			best_pass = pass;
			best_ord = e->ord;
		}
	}
	if (best.how != HOW_NONE)
		return best;
	/* the loose matches: the current block first, then the others, each
	 * block's rows before its columns, in the order of the walk */
	struct imp_norm tn;
	imp_measure(&tn, nt);
	for (int pass = 0; pass < 2; pass++)
		for (int i = 0; i < x->nloose; i++) {
			const struct imp_loose *l = &x->loose[i];
			if ((pass == 0) != (l->k == m->block))
				continue;
			enum imp_how h = imp_match_norm(&tn, &l->norm);
			if (h != HOW_NONE && (best.how == HOW_NONE || h < best.how)) {
				best = l->hit;
				best.how = h;
			}
		}
	/* a row's label cut shorter still, by a cell too narrow for it (行政规,
	 * then 范性文 and 件 below it): the row whose label begins so, when
	 * only one row of the table's does */
	if (best.how == HOW_NONE && tn.n >= 2 && tn.n < 4) {
		int found = 0;
		for (int i = 0; i < x->nloose; i++) {
			const struct imp_loose *l = &x->loose[i];
			if (l->hit.is_row && l->norm.len > tn.len &&
			    memcmp(l->norm.norm, tn.norm, tn.len) == 0 && found++ == 0) {
				best = l->hit;
				best.how = HOW_PREFIX;
			}
		}
		if (found != 1)
			best = (struct imp_hit){0};
	}
	return best;
}
