/* The report as a web page. The tables take their merged cells from the
 * form's trees: a column group spans its columns, a leaf column its
 * heading rows below; a row group spans its rows in a column of its own
 * (三、本年度办理结果, （三）不予公开), a leaf row the label columns left
 * of it. No script: inline styles and table attributes, so a table keeps
 * its rules when pasted into a site's editor or opened in WPS or Word. */
#include "html.h"
#include "buf.h"
#include "engine.h"
#include "form.h"
#include "report.h"
#include "value.h"
#include "xmalloc.h"

#include <stdlib.h>
#include <string.h>

void html_escape(struct buf *out, const char *s)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '&':
			buf_puts(out, "&amp;");
			break;
		case '<':
			buf_puts(out, "&lt;");
			break;
		case '>':
			buf_puts(out, "&gt;");
			break;
		case '"':
			buf_puts(out, "&quot;");
			break;
		case '\'':
			buf_puts(out, "&#39;");
			break;
		default:
			buf_putc(out, *s);
		}
	}
}

static const char *const html_cell = "border:1px solid #000;padding:4px 6px;vertical-align:middle";

/* Deepest leaf of a tree, counting the top level as 1. */
static int html_depth(const struct fnode *root)
{
	int d = 0;
	for (int i = 0; i < root->nkids; i++) {
		int k = root->kids[i]->nkids ? html_depth(root->kids[i]) : 0;
		d = k + 1 > d ? k + 1 : d;
	}
	return d;
}

static int html_has_labels(const struct fblock *b)
{
	for (int r = 0; r < b->nrows; r++)
		if (b->row[r]->label && *b->row[r]->label)
			return 1;
	return 0;
}

static void html_span(struct buf *out, int rows, int cols)
{
	if (rows > 1)
		buf_printf(out, " rowspan=\"%d\"", rows);
	if (cols > 1)
		buf_printf(out, " colspan=\"%d\"", cols);
}

/* The heading cells of level l: each column node at that depth. */
static void html_head_level(struct buf *out, const struct fnode *n, int l, int depth)
{
	for (int i = 0; i < n->nkids; i++) {
		const struct fnode *c = n->kids[i];
		if (c->depth == l) {
			buf_puts(out, "<th scope=\"col\"");
			html_span(out, c->nkids ? 1 : depth - l, c->nkids ? c->count : 1);
			buf_printf(out, " style=\"%s;text-align:center\">", html_cell);
			html_escape(out, c->label);
			buf_puts(out, "</th>");
		} else if (c->depth < l && c->nkids) {
			html_head_level(out, c, l, depth);
		}
	}
}

static void html_block(const struct engine *e, const struct fblock *b, struct buf *out)
{
	const struct report *r = engine_report(e);
	int labels = html_has_labels(b);
	int lw = labels ? html_depth(&b->rows) : 0; /* label columns */
	int hd = html_depth(&b->cols);              /* heading rows */
	buf_printf(out, "<table border=\"1\" cellpadding=\"4\" cellspacing=\"0\" style=\"border-"
			"collapse:collapse;margin:0.5em 0 1em;font-size:10.5pt\">\n");
	if (b->title) {
		buf_puts(out, "<caption style=\"caption-side:top;font-weight:bold;padding:4px\">");
		html_escape(out, b->title);
		buf_puts(out, "</caption>\n");
	}
	buf_puts(out, "<thead>\n");
	for (int l = 0; l < hd; l++) {
		buf_puts(out, "<tr>");
		if (l == 0 && lw > 0) {
			buf_puts(out, "<th scope=\"col\"");
			html_span(out, hd, lw);
			buf_printf(out, " style=\"%s;text-align:center\">", html_cell);
			html_escape(out, b->label_heading ? b->label_heading : "");
			buf_puts(out, "</th>");
		}
		html_head_level(out, &b->cols, l, hd);
		buf_puts(out, "</tr>\n");
	}
	buf_puts(out, "</thead>\n<tbody>\n");
	for (int rr = 0; rr < b->nrows; rr++) {
		const struct fnode *leaf = b->row[rr];
		buf_puts(out, "<tr>");
		if (lw > 0) {
			/* the groups that begin at this row, outermost first */
			const struct fnode *chain[32];
			int n = 0;
			for (const struct fnode *g = leaf->parent; g && n < 32; g = g->parent)
				chain[n++] = g;
			for (int i = n - 1; i >= 0; i--) {
				if (chain[i]->first != rr)
					continue;
				buf_puts(out, "<th scope=\"rowgroup\"");
				html_span(out, chain[i]->count, 1);
				buf_printf(out, " style=\"%s;text-align:left\">", html_cell);
				html_escape(out, chain[i]->label);
				buf_puts(out, "</th>");
			}
			buf_puts(out, "<th scope=\"row\"");
			html_span(out, 1, lw - leaf->depth);
			buf_printf(out, " style=\"%s;text-align:left;font-weight:normal\">",
				   html_cell);
			html_escape(out, leaf->label);
			buf_puts(out, "</th>");
		}
		for (int c = 0; c < b->ncols; c++) {
			char *v = value_str(&r->vals[form_cell(b, rr, c)]);
			buf_printf(out, "<td style=\"%s;text-align:right\">", html_cell);
			html_escape(out, v);
			buf_puts(out, "</td>");
			free(v);
		}
		buf_puts(out, "</tr>\n");
	}
	buf_puts(out, "</tbody>\n</table>\n");
}

/* Prose: a paragraph a line, indented two characters as printed. */
static void html_prose(struct buf *out, const char *text)
{
	const char *p = text;
	while (p && *p) {
		const char *e = strchr(p, '\n');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		if (n > 0) {
			char *line = xstrndup(p, n);
			buf_puts(out, "<p style=\"text-indent:2em;margin:0.3em 0\">");
			html_escape(out, line);
			buf_puts(out, "</p>\n");
			free(line);
		}
		p = e ? e + 1 : NULL;
	}
}

void html_report(const struct engine *e, struct buf *out)
{
	const struct report *r = engine_report(e);
	const struct form *f = r->form;
	char *title = report_expand(r, f->heading);
	buf_puts(out, "<!DOCTYPE html>\n<html lang=\"zh-CN\">\n<head>\n<meta charset=\"utf-8\">\n"
		      "<title>");
	html_escape(out, title);
	buf_puts(out, "</title>\n<style>\n"
		      "body{font-family:\"SimSun\",\"Songti SC\",serif;max-width:52em;margin:1em "
		      "auto;padding:0 1em;line-height:1.6}\n"
		      "@media print{body{max-width:none;margin:0}table{page-break-inside:auto}"
		      "tr{page-break-inside:avoid}h2{page-break-after:avoid}}\n"
		      "</style>\n</head>\n<body>\n<h1 style=\"text-align:center;font-size:16pt\">");
	html_escape(out, title);
	buf_puts(out, "</h1>\n");
	free(title);
	for (int i = 0; i < f->nparts; i++) {
		const struct fpart *p = &f->parts[i];
		if (p->title != NULL) {
			buf_puts(out, "<h2 style=\"font-size:12pt\">");
			html_escape(out, p->title);
			buf_puts(out, "</h2>\n");
		}
		if (p->kind == PART_PROSE) {
			html_prose(out, r->prose[p->prose]);
			continue;
		}
		if (p->table->note != NULL) {
			buf_puts(out, "<p style=\"margin:0.3em 0\">");
			html_escape(out, p->table->note);
			buf_puts(out, "</p>\n");
		}
		for (int k = 0; k < p->table->nblocks; k++)
			html_block(e, p->table->blocks[k], out);
	}
	for (int i = 0; i < f->nsignature; i++) {
		char *s = report_expand(r, f->signature[i]);
		buf_puts(out, "<p style=\"text-align:right;margin:0.3em 0\">");
		html_escape(out, s);
		buf_puts(out, "</p>\n");
		free(s);
	}
	buf_puts(out, "</body>\n</html>\n");
}
