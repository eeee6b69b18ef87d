/* Pagination and the footer. */
#include "output/page.h"
#include "base/buf.h"
#include "base/diag.h"
#include "base/encode.h"
#include "engine/engine.h"
#include "model/form.h"
#include "output/render.h"
#include "model/report.h"
#include "base/width.h"
#include "base/xmalloc.h"

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

char *page_footer(const struct engine *e)
{
	const struct report *r = engine_report(e);
	struct buf yaml;
	buf_init(&yaml);
	report_to_yaml(r, &yaml);
	uint64_t h = buf_hash(yaml.data, yaml.len);
	buf_free(&yaml);
	struct engine_count c = engine_count(e);
	char ack[64] = "";
	if (c.acknowledged > 0)
		snprintf(ack, sizeof ack, "（已确认 %d）", c.acknowledged);
	return xasprintf("%s 第%d版 · 文件 %012" PRIx64 " · 错误 %d 警告 %d%s", r->form->id,
			 r->form->version, h >> 16, c.errors, c.warnings, ack);
}

struct page_state {
	const struct render_opts *o;
	int cap;          /* body lines of a page */
	struct buf *page; /* bodies of the pages so far */
	int *used;        /* lines in each */
	int npages;
};

static void page_new(struct page_state *P)
{
	P->page = xreallocarray(P->page, (size_t)P->npages + 1, sizeof *P->page);
	P->used = xreallocarray(P->used, (size_t)P->npages + 1, sizeof *P->used);
	buf_init(&P->page[P->npages]);
	P->used[P->npages++] = 0;
}

static int page_room(const struct page_state *P)
{
	return P->cap - P->used[P->npages - 1];
}

static void page_add(struct page_state *P, const char *text, int lines)
{
	buf_puts(&P->page[P->npages - 1], text);
	P->used[P->npages - 1] += lines;
}

static int page_count_lines(const struct buf *b)
{
	int n = 0;
	for (size_t i = 0; i < b->len; i++)
		n += b->data[i] == '\n';
	return n;
}

/* Places one table part, as many rows on each page as fit. */
static void page_table(struct page_state *P, const struct render_table *t, int part)
{
	struct buf chunk, best;
	buf_init(&chunk);
	buf_init(&best);
	for (int from = 0; from < t->nitems;) {
		int to = -1, h = 0;
		for (int k = from + 1; k <= t->nitems; k++) {
			chunk.len = 0;
			render_table_rows(t, part, from, k, &chunk);
			int lines = page_count_lines(&chunk);
			if (lines > page_room(P))
				break;
			to = k, h = lines;
			buf_free(&best);
			best = chunk;
			buf_init(&chunk);
		}
		/* a group heading is not left alone at the foot of a page */
		if (to > from + 1 && to < t->nitems && t->items[to - 1]->nkids > 0) {
			to--;
			best.len = 0;
			render_table_rows(t, part, from, to, &best);
			h = page_count_lines(&best);
		}
		if (to < 0 && P->used[P->npages - 1] > 0) {
			page_new(P);
			continue;
		}
		if (to < 0) {
			/* one row taller than a page: it still goes whole */
			to = from + 1;
			best.len = 0;
			render_table_rows(t, part, from, to, &best);
			h = page_count_lines(&best);
		}
		page_add(P, best.data, h);
		from = to;
		if (from < t->nitems)
			page_new(P);
	}
	buf_free(&chunk);
	buf_free(&best);
}

static void page_centre(struct buf *out, const char *s, int width, int amb)
{
	char **lines;
	int n = width_wrap_amb(s, width, amb, &lines);
	for (int i = 0; i < n; i++) {
		buf_repeat(out, " ", (width - width_str_amb(lines[i], amb)) / 2);
		buf_puts(out, lines[i]);
		buf_putc(out, '\n');
	}
	width_lines_free(lines, n);
}

static void page_output(const struct render_doc *doc, const struct engine *e,
			const struct render_opts *o, struct buf *out)
{
	char *footer = o->footer ? page_footer(e) : NULL;
	struct buf foot;
	buf_init(&foot);
	if (footer != NULL)
		page_centre(&foot, footer, o->width, o->wide_ambiguous);
	if (o->page_lines <= 0) {
		for (int i = 0; i < doc->n; i++) {
			if (doc->v[i].line != NULL) {
				buf_puts(out, doc->v[i].line);
				buf_putc(out, '\n');
			} else {
				render_table_rows(doc->v[i].t, doc->v[i].part, 0,
						  doc->v[i].t->nitems, out);
			}
		}
		if (footer != NULL) {
			buf_putc(out, '\n');
			buf_add(out, foot.data, foot.len);
		}
		free(footer);
		buf_free(&foot);
		return;
	}
	struct page_state P = {.o = o};
	/* the foot of every page: a blank line, the footer, the page number */
	P.cap = o->page_lines - 2 - page_count_lines(&foot);
	if (P.cap < 1)
		P.cap = 1;
	page_new(&P);
	for (int i = 0; i < doc->n; i++) {
		const struct render_piece *pc = &doc->v[i];
		if (pc->line == NULL) {
			page_table(&P, pc->t, pc->part);
			continue;
		}
		if (page_room(&P) <= 0)
			page_new(&P);
		if (*pc->line == '\0' && P.used[P.npages - 1] == 0)
			continue; /* no page starts with a blank line */
		page_add(&P, pc->line, 1);
		page_add(&P, "\n", 0);
	}
	for (int i = 0; i < P.npages; i++) {
		if (i > 0)
			buf_putc(out, '\f');
		buf_add(out, P.page[i].data, P.page[i].len);
		buf_repeat(out, "\n", P.cap - P.used[i] + 1);
		buf_add(out, foot.data, foot.len);
		char *num = xasprintf("第 %d 页 共 %d 页", i + 1, P.npages);
		page_centre(out, num, o->width, o->wide_ambiguous);
		free(num);
		buf_free(&P.page[i]);
	}
	free(P.page);
	free(P.used);
	free(footer);
	buf_free(&foot);
}

int page_report(const struct engine *e, const struct render_opts *o, struct buf *out,
		struct diags *d)
{
	struct render_doc doc;
	render_document(e, o, &doc);
	struct buf text;
	buf_init(&text);
	page_output(&doc, e, o, &text);
	render_doc_free(&doc);
	int rc = encode_convert(text.data, text.len, o->encoding, out, d);
	buf_free(&text);
	return rc;
}
