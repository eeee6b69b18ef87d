/* The report as a document (doc.h): the parts in the form's order, a table
 * grid of the regions spans.c lays out. */
#include "output/doc.h"
#include "engine/engine.h"
#include "model/form.h"
#include "model/report.h"
#include "model/spans.h"
#include "model/value.h"
#include "base/text.h"
#include "base/xmalloc.h"

#include <stdlib.h>
#include <string.h>

static void doc_push(struct doc *d, enum doc_kind kind, const char *text, struct doc_table *t)
{
	d->v = xgrow(d->v, (size_t)d->n, sizeof *d->v);
	d->v[d->n++] = (struct doc_item){kind, text ? xstrdup(text) : NULL, t};
}

/* A paragraph that begins with （一） to （十）, full-width or not: the
 * second level of headings, set in 楷体. */
static int doc_subheading(const char *s)
{
	static const char *const num[] = {"一", "二", "三", "四", "五",
					  "六", "七", "八", "九", "十"};
	const char *p = strncmp(s, "（", 3) == 0 ? s + 3 : *s == '(' ? s + 1 : NULL;
	int digits = 0;
	while (p != NULL && digits < 3) {
		int hit = 0;
		for (int k = 0; k < 10 && !hit; k++)
			hit = strncmp(p, num[k], 3) == 0;
		if (!hit)
			break;
		p += 3;
		digits++;
	}
	return digits > 0 && (strncmp(p, "）", 3) == 0 || *p == ')');
}

/* Prose: a paragraph a line, blank lines left out. */
static void doc_prose(struct doc *d, const char *text)
{
	const char *p = text;
	for (char *line; (line = text_paragraph(&p)) != NULL; free(line))
		doc_push(d, doc_subheading(line) ? DOC_SUBHEADING : DOC_PARA, line, NULL);
}

static void doc_cell_push(struct doc_table *t, struct doc_cell c)
{
	t->cells = xgrow(t->cells, (size_t)t->ncells, sizeof *t->cells);
	t->cells[t->ncells++] = c;
}

/* Block b of a table as a grid of its own; with its title as a row
 * across it when the table has more blocks (表二's 第二十条 items, printed
 * one under another as one table). */
static struct doc_table *doc_block(const struct report *r, const struct fblock *b, int titled)
{
	struct doc_table *t = xcalloc(1, sizeof *t);
	struct spans sp;
	spans_block(b, &sp);
	int top = titled && b->title != NULL;
	t->cols = sp.cols;
	t->labels = sp.labels;
	t->rows = sp.rows + top;
	t->head_from = xcalloc((size_t)t->rows + 1, sizeof *t->head_from);
	t->head_to = xcalloc((size_t)t->rows + 1, sizeof *t->head_to);
	if (top) {
		doc_cell_push(t,
			      (struct doc_cell){SPAN_GROUP, 0, 0, 1, t->cols, xstrdup(b->title)});
		t->head_from[0] = t->head_to[0] = -1;
	}
	for (int i = 0; i < sp.n; i++) {
		const struct span *x = &sp.v[i];
		char *text = x->kind == SPAN_VALUE ? value_str(&r->vals[x->cell])
						   : xstrdup(x->label ? x->label : "");
		doc_cell_push(t,
			      (struct doc_cell){x->kind, top + x->r, x->c, x->rows, x->cols, text});
	}
	/* a page that breaks in the rows repeats the title and the headings */
	for (int row = 0; row < sp.rows; row++) {
		int head = row < sp.head;
		t->head_from[top + row] = head ? -1 : 0;
		t->head_to[top + row] = head ? -1 : top + sp.head;
	}
	spans_free(&sp);
	return t;
}

void doc_build(const struct engine *e, struct doc *out)
{
	const struct report *r = engine_report(e);
	const struct form *f = r->form;
	memset(out, 0, sizeof *out);
	out->title = report_expand(r, f->heading);
	out->organ = report_organ(r);
	out->year = report_year(r);
	doc_push(out, DOC_TITLE, out->title, NULL);
	for (int i = 0; i < f->nparts; i++) {
		const struct fpart *p = &f->parts[i];
		if (p->title != NULL)
			doc_push(out, DOC_HEADING, p->title, NULL);
		if (p->kind == PART_PROSE) {
			doc_prose(out, r->prose[p->prose]);
			continue;
		}
		if (p->table->note != NULL)
			doc_push(out, DOC_NOTE, p->table->note, NULL);
		for (int k = 0; k < p->table->nblocks; k++)
			doc_push(out, DOC_TABLE, NULL,
				 doc_block(r, p->table->blocks[k], p->table->nblocks > 1));
	}
	/* the signature's lines: the last the date when there are two or more */
	for (int i = 0; i < f->nsignature; i++) {
		char *s = report_expand(r, f->signature[i]);
		if (*s)
			doc_push(out, i == f->nsignature - 1 && i > 0 ? DOC_DATE : DOC_SIGNATURE, s,
				 NULL);
		free(s);
	}
}

void doc_free(struct doc *d)
{
	for (int i = 0; i < d->n; i++) {
		free(d->v[i].text);
		struct doc_table *t = d->v[i].table;
		if (t == NULL)
			continue;
		for (int k = 0; k < t->ncells; k++)
			free(t->cells[k].text);
		free(t->cells);
		free(t->head_from);
		free(t->head_to);
		free(t);
	}
	free(d->v);
	free(d->title);
	free(d->organ);
	memset(d, 0, sizeof *d);
}
