/* The printed form's merged regions of a block, from its row and column
 * trees. */
#include "model/spans.h"
#include "model/form.h"
#include "base/xmalloc.h"

#include <stdlib.h>
#include <string.h>

/* Deepest leaf of a tree, counting the top level as 1. */
static int spans_depth(const struct fnode *root)
{
	int d = 0;
	for (int i = 0; i < root->nkids; i++) {
		int k = root->kids[i]->nkids ? spans_depth(root->kids[i]) : 0;
		d = k + 1 > d ? k + 1 : d;
	}
	return d;
}

static void spans_push(struct spans *s, struct span x)
{
	s->v = xgrow(s->v, (size_t)s->n, sizeof *s->v);
	s->v[s->n++] = x;
}

static void spans_head(struct spans *s, const struct fnode *n, int l)
{
	for (int i = 0; i < n->nkids; i++) {
		const struct fnode *c = n->kids[i];
		if (c->depth == l)
			spans_push(s, (struct span){SPAN_COLUMN, l, s->labels + c->first,
						    c->nkids ? 1 : s->head - l,
						    c->nkids ? c->count : 1, c->label, -1});
		else if (c->depth < l && c->nkids)
			spans_head(s, c, l);
	}
}

void spans_block(const struct fblock *b, struct spans *s)
{
	memset(s, 0, sizeof *s);
	int labelled = 0;
	for (int r = 0; r < b->nrows; r++)
		labelled |= b->row[r]->label && *b->row[r]->label;
	s->labels = labelled ? spans_depth(&b->rows) : 0;
	s->head = spans_depth(&b->cols);
	s->rows = s->head + b->nrows;
	s->cols = s->labels + b->ncols;
	for (int l = 0; l < s->head; l++) {
		if (l == 0 && s->labels > 0)
			spans_push(s, (struct span){SPAN_CORNER, 0, 0, s->head, s->labels,
						    b->label_heading ? b->label_heading : "", -1});
		spans_head(s, &b->cols, l);
	}
	for (int r = 0; r < b->nrows; r++) {
		const struct fnode *leaf = b->row[r];
		int y = s->head + r;
		if (s->labels > 0) {
			/* the groups that begin at this row, outermost first */
			const struct fnode *chain[32];
			int n = 0;
			for (const struct fnode *g = leaf->parent; g && n < 32; g = g->parent)
				chain[n++] = g;
			for (int i = n - 1; i >= 0; i--)
				if (chain[i]->first == r)
					spans_push(s, (struct span){SPAN_GROUP, y, chain[i]->depth,
								    chain[i]->count, 1,
								    chain[i]->label, -1});
			spans_push(s, (struct span){SPAN_ROW, y, leaf->depth, 1,
						    s->labels - leaf->depth, leaf->label, -1});
		}
		for (int c = 0; c < b->ncols; c++)
			spans_push(s, (struct span){SPAN_VALUE, y, s->labels + c, 1, 1, NULL,
						    form_cell(b, r, c)});
	}
}

void spans_free(struct spans *s)
{
	free(s->v);
	memset(s, 0, sizeof *s);
}
