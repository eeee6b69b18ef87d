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
#include "spans.h"
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

static void html_span(struct buf *out, int rows, int cols)
{
	if (rows > 1)
		buf_printf(out, " rowspan=\"%d\"", rows);
	if (cols > 1)
		buf_printf(out, " colspan=\"%d\"", cols);
}

static void html_block(const struct engine *e, const struct fblock *b, struct buf *out)
{
	static const char *const scope[] = {"col", "col", "rowgroup", "row", NULL};
	static const char *const align[] = {"center", "center", "left", "left", "right"};
	const struct report *r = engine_report(e);
	struct spans sp;
	spans_block(b, &sp);
	buf_printf(out, "<table border=\"1\" cellpadding=\"4\" cellspacing=\"0\" style=\"border-"
			"collapse:collapse;margin:0.5em 0 1em;font-size:10.5pt\">\n");
	if (b->title) {
		buf_puts(out, "<caption style=\"caption-side:top;font-weight:bold;padding:4px\">");
		html_escape(out, b->title);
		buf_puts(out, "</caption>\n");
	}
	buf_puts(out, "<thead>\n");
	int i = 0;
	for (int y = 0; y < sp.rows; y++) {
		if (y == sp.head)
			buf_puts(out, "</thead>\n<tbody>\n");
		buf_puts(out, "<tr>");
		for (; i < sp.n && sp.v[i].r == y; i++) {
			const struct span *x = &sp.v[i];
			if (x->kind == SPAN_VALUE) {
				char *v = value_str(&r->vals[x->cell]);
				buf_printf(out, "<td style=\"%s;text-align:right\">", html_cell);
				html_escape(out, v);
				buf_puts(out, "</td>");
				free(v);
				continue;
			}
			buf_printf(out, "<th scope=\"%s\"", scope[x->kind]);
			html_span(out, x->rows, x->cols);
			buf_printf(out, " style=\"%s;text-align:%s%s\">", html_cell, align[x->kind],
				   x->kind == SPAN_ROW ? ";font-weight:normal" : "");
			html_escape(out, x->label);
			buf_puts(out, "</th>");
		}
		buf_puts(out, "</tr>\n");
	}
	buf_puts(out, "</tbody>\n</table>\n");
	spans_free(&sp);
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
