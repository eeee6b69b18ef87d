/* A table beside last year's: the three columns of each value column and
 * their texts. */
#include "engine/compare.h"
#include "engine/carry.h"
#include "model/form.h"
#include "model/report.h"
#include "model/value.h"
#include "base/xmalloc.h"

#include <stdlib.h>
#include <string.h>

/* n's subtree copied with each leaf made a group of three leaves (本年 上年
 * 增减), numbered in order from *leaf into cb->col. */
static void compare_nodes(const struct fnode *n, struct fnode *out, struct fnode *parent,
			  struct fblock *cb, int *leaf)
{
	static const char *const three[] = {"本年", "上年", "增减"};
	out->id = n->id;
	out->label = n->label;
	out->parent = parent;
	out->depth = parent ? parent->depth + 1 : n->depth;
	out->first = *leaf;
	out->leaf = -1;
	int kids = n->nkids > 0 ? n->nkids : 3;
	out->kids = xcalloc((size_t)kids, sizeof *out->kids);
	out->nkids = kids;
	for (int i = 0; i < kids; i++) {
		struct fnode *k = out->kids[i] = xcalloc(1, sizeof *k);
		if (n->nkids > 0) {
			compare_nodes(n->kids[i], k, out, cb, leaf);
			continue;
		}
		k->label = (char *)three[i];
		k->id = (char *)three[i];
		k->parent = out;
		k->depth = out->depth + 1;
		k->leaf = k->first = (*leaf)++;
		k->count = 1;
		cb->col[k->leaf] = k;
	}
	out->count = *leaf - out->first;
}

static void compare_nodes_free(struct fnode *n)
{
	for (int i = 0; i < n->nkids; i++) {
		compare_nodes_free(n->kids[i]);
		free(n->kids[i]);
	}
	free(n->kids);
}

struct fblock *compare_block(const struct fblock *b)
{
	struct fblock *cb = xcalloc(1, sizeof *cb);
	*cb = *b;
	cb->ncols = 3 * b->ncols;
	cb->col = xcalloc((size_t)cb->ncols, sizeof *cb->col);
	memset(&cb->cols, 0, sizeof cb->cols);
	cb->cols.kids = xcalloc((size_t)b->cols.nkids + 1, sizeof *cb->cols.kids);
	cb->cols.nkids = b->cols.nkids;
	int leaf = 0;
	for (int i = 0; i < b->cols.nkids; i++) {
		cb->cols.kids[i] = xcalloc(1, sizeof *cb->cols.kids[i]);
		compare_nodes(b->cols.kids[i], cb->cols.kids[i], NULL, cb, &leaf);
	}
	return cb;
}

void compare_block_free(struct fblock *cb)
{
	if (cb == NULL)
		return;
	compare_nodes_free(&cb->cols);
	free(cb->col);
	free(cb);
}

char *compare_change(const struct value *v, const struct value *w)
{
	struct value d;
	if (v->kind != VAL_NUM || w->kind != VAL_NUM || value_sub(v, w, &d) != 0)
		return xstrdup("");
	char *s = value_str(&d), *out = s;
	if (d.kind == VAL_NUM && value_cmp(v, w) > 0) {
		out = xasprintf("+%s", s);
		free(s);
	}
	value_clear(&d);
	return out;
}

char **compare_texts(const struct report *r, const struct report *prev, const struct fblock *b,
		     char **now)
{
	char **cells = xcalloc((size_t)(b->nrows * b->ncols * 3) + 1, sizeof *cells);
	for (int i = 0; i < b->nrows * b->ncols; i++) {
		int cell = b->base + i, k = prev ? carry_same_cell(prev, r->form, cell) : -1;
		const struct value *w = k >= 0 ? &prev->vals[k] : NULL;
		char **out = &cells[(i / b->ncols) * b->ncols * 3 + (i % b->ncols) * 3];
		out[0] = now[i];
		out[1] = w ? value_str(w) : xstrdup("");
		out[2] = w ? compare_change(&r->vals[cell], w) : xstrdup("");
	}
	free(now);
	return cells;
}
