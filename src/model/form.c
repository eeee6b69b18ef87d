/* A loaded form: freeing it, finding its parts, tables, blocks, rows,
 * columns and header fields by id, and naming a row or column by the
 * labels of its path. Loading is formload.c's. */
#include "model/form.h"
#include "base/buf.h"
#include "model/expr.h"
#include "base/xmalloc.h"

#include <stdlib.h>
#include <string.h>

static void form_node_free(struct fnode *n, int root)
{
	for (int i = 0; i < n->nkids; i++)
		form_node_free(n->kids[i], 0);
	free(n->kids);
	free(n->id);
	free(n->label);
	free(n->unit);
	for (int i = 0; i < n->nalso; i++)
		free(n->also[i]);
	free(n->also);
	expr_free(n->formula);
	if (!root)
		free(n);
}

void form_free(struct form *f)
{
	if (f == NULL)
		return;
	for (int i = 0; i < f->ntables; i++) {
		struct ftable *t = f->tables[i];
		for (int k = 0; k < t->nblocks; k++) {
			struct fblock *b = t->blocks[k];
			form_node_free(&b->rows, 1);
			form_node_free(&b->cols, 1);
			free(b->row);
			free(b->col);
			free(b->rowkey);
			free(b->colkey);
			free(b->id);
			free(b->title);
			free(b->label_heading);
			free(b);
		}
		free(t->blocks);
		free(t->id);
		free(t->title);
		free(t->tab);
		free(t->note);
		free(t);
	}
	for (int i = 0; i < f->nparts; i++) {
		free(f->parts[i].id);
		free(f->parts[i].title);
		free(f->parts[i].tab);
	}
	for (int i = 0; i < f->nheader; i++) {
		free(f->header[i].id);
		free(f->header[i].label);
	}
	for (int i = 0; i < f->ncarries; i++) {
		free(f->carries[i].id);
		free(f->carries[i].message);
		free(f->carries[i].in);
		free(f->carries[i].node);
		expr_free(f->carries[i].from);
	}
	free(f->carries);
	for (int i = 0; i < f->nchecks; i++) {
		free(f->checks[i].id);
		free(f->checks[i].message);
		free(f->checks[i].sides[0]);
		free(f->checks[i].sides[1]);
		free(f->checks[i].in);
		expr_free(f->checks[i].rule);
	}
	for (int i = 0; i < f->ncells; i++) {
		expr_free(f->cells[i].formula);
		free(f->cells[i].adds);
	}
	for (int i = 0; i < f->ninsts; i++)
		expr_free(f->insts[i].expr);
	for (int i = 0; i < f->nsignature; i++)
		free(f->signature[i]);
	free(f->signature);
	free(f->insts);
	free(f->cells);
	free(f->order);
	free(f->dep_start);
	free(f->dep_cells);
	free(f->chk_start);
	free(f->chk_insts);
	free(f->checks);
	free(f->header);
	free(f->parts);
	free(f->tables);
	free(f->blocks);
	free(f->path);
	free(f->id);
	free(f->title);
	free(f->language);
	free(f->basis);
	free(f->heading);
	free(f);
}

const struct fpart *form_part(const struct form *f, const char *id)
{
	for (int i = 0; i < f->nparts; i++)
		if (strcmp(f->parts[i].id, id) == 0)
			return &f->parts[i];
	return NULL;
}

const struct fpart *form_prose_part(const struct form *f, int prose)
{
	for (int i = 0; i < f->nparts; i++)
		if (f->parts[i].kind == PART_PROSE && f->parts[i].prose == prose)
			return &f->parts[i];
	return NULL;
}

const struct ftable *form_table(const struct form *f, const char *id)
{
	for (int i = 0; i < f->ntables; i++)
		if (strcmp(f->tables[i]->id, id) == 0)
			return f->tables[i];
	return NULL;
}

const struct fblock *form_block(const struct ftable *t, const char *id)
{
	for (int i = 0; i < t->nblocks; i++)
		if (t->blocks[i]->id != NULL && strcmp(t->blocks[i]->id, id) == 0)
			return t->blocks[i];
	return NULL;
}

struct fnode *form_node(const struct fnode *root, const char *id)
{
	for (int i = 0; i < root->nkids; i++) {
		struct fnode *k = root->kids[i];
		if (strcmp(k->id, id) == 0)
			return k;
		struct fnode *x = form_node(k, id);
		if (x != NULL)
			return x;
	}
	return NULL;
}

int form_hfield(const struct form *f, const char *id)
{
	for (int i = 0; i < f->nheader; i++)
		if (strcmp(f->header[i].id, id) == 0)
			return i;
	return -1;
}

char *form_node_path(const struct fnode *n, const char *sep, int skip_over)
{
	const struct fnode *chain[64];
	int k = 0;
	for (const struct fnode *p = n; p != NULL && k < 64; p = p->parent)
		chain[k++] = p;
	struct buf out;
	buf_init(&out);
	int first = 1;
	for (int i = k - 1; i >= 0; i--) {
		if (skip_over > 0 && i == k - 1 && k > 1 && chain[i]->count == skip_over)
			continue;
		if (!first)
			buf_puts(&out, sep);
		buf_puts(&out, chain[i]->label);
		first = 0;
	}
	return out.data;
}

char *form_row_path(const struct fblock *b, int r, const char *sep)
{
	char *p = form_node_path(b->row[r], sep, 0);
	if (b->title == NULL)
		return p;
	char *q = *p ? xasprintf("%s%s%s", b->title, sep, p) : xstrdup(b->title);
	free(p);
	return q;
}

char *form_col_path(const struct fblock *b, int c, const char *sep)
{
	return form_node_path(b->col[c], sep, b->ncols);
}
