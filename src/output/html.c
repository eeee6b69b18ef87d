/* The report as a web page. The tables take their merged cells from the
 * form's trees: a column group spans its columns, a leaf column its
 * heading rows below; a row group spans its rows in a column of its own
 * (三、本年度办理结果, （三）不予公开), a leaf row the label columns left
 * of it. No script: inline styles and table attributes, so a table keeps
 * its rules when pasted into a site's editor or opened in WPS or Word. */
#include "output/html.h"
#include "base/buf.h"
#include "base/text.h"
#include "engine/engine.h"
#include "model/form.h"
#include "model/report.h"
#include "model/spans.h"
#include "model/value.h"
#include "base/width.h"
#include "base/xmalloc.h"

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

static const char *const html_table_open =
    "<table border=\"1\" cellpadding=\"4\" cellspacing=\"0\" style=\"border-collapse:"
    "collapse;margin:0.5em 0 1em;font-size:10.5pt;width:100%\">\n";

/* Block b's rows, width columns wide: the span at the right of each grid row
 * takes the columns the block has fewer than width (表二's 第二十条第（五）项
 * has two columns where （一） has four). A block title is a row of its own
 * across the table when part of a table of many blocks. */
static void html_block(const struct engine *e, const struct fblock *b, int width, int many,
		       struct buf *out)
{
	static const char *const scope[] = {"col", "col", "rowgroup", "row", NULL};
	static const char *const align[] = {"center", "center", "left", "left", "right"};
	const struct report *r = engine_report(e);
	struct spans sp;
	spans_block(b, &sp);
	if (width < sp.cols)
		width = sp.cols;
	if (!many) {
		buf_puts(out, html_table_open);
		if (b->title) {
			buf_puts(out, "<caption style=\"caption-side:top;font-weight:bold;"
				      "padding:4px\">");
			html_escape(out, b->title);
			buf_puts(out, "</caption>\n");
		}
	} else if (b->title) {
		buf_printf(out,
			   "<tr><th scope=\"colgroup\" colspan=\"%d\" style=\"%s;"
			   "text-align:center\">",
			   width, html_cell);
		html_escape(out, b->title);
		buf_puts(out, "</th></tr>\n");
	}
	if (!many)
		buf_puts(out, "<thead>\n");
	int i = 0;
	for (int y = 0; y < sp.rows; y++) {
		if (y == sp.head && !many)
			buf_puts(out, "</thead>\n<tbody>\n");
		buf_puts(out, "<tr>");
		for (; i < sp.n && sp.v[i].r == y; i++) {
			const struct span *x = &sp.v[i];
			int cols = x->cols + (x->c + x->cols == sp.cols ? width - sp.cols : 0);
			/* figures and short headings are not broken: the labels
			 * wrap instead (自然人, not 自然/人) */
			int chars = x->label ? width_chars(x->label, strlen(x->label)) : 0;
			const char *keep = x->kind == SPAN_VALUE || (x->kind == SPAN_COLUMN &&
								     (chars <= 4 || x->cols > 1))
					       ? ";white-space:nowrap"
					       : "";
			if (x->kind == SPAN_VALUE) {
				char *v = value_str(&r->vals[x->cell]);
				buf_puts(out, "<td");
				html_span(out, 1, cols);
				buf_printf(out, " style=\"%s;text-align:right%s\">", html_cell,
					   keep);
				html_escape(out, v);
				buf_puts(out, "</td>");
				free(v);
				continue;
			}
			buf_printf(out, "<th scope=\"%s\"", scope[x->kind]);
			html_span(out, x->rows, cols);
			buf_printf(out, " style=\"%s;text-align:%s%s%s\">", html_cell,
				   align[x->kind], x->kind == SPAN_ROW ? ";font-weight:normal" : "",
				   keep);
			if (x->kind == SPAN_COLUMN && chars == 4 && x->cols == 1) {
				/* 结果维持 in two lines of two, narrow and whole */
				size_t half = width_fit(x->label, 4);
				char *a = xstrndup(x->label, half);
				html_escape(out, a);
				buf_puts(out, "<br>");
				html_escape(out, x->label + half);
				free(a);
			} else {
				html_escape(out, x->label);
			}
			buf_puts(out, "</th>");
		}
		buf_puts(out, "</tr>\n");
	}
	if (!many)
		buf_puts(out, "</tbody>\n</table>\n");
	spans_free(&sp);
}

/* A table: one block as its own table; many (表二's 第二十条 items) as one
 * table as government sites print it, each item's title a row across it. */
static void html_table(const struct engine *e, const struct ftable *t, struct buf *out)
{
	if (t->nblocks == 1) {
		html_block(e, t->blocks[0], 0, 0, out);
		return;
	}
	int width = 0;
	for (int k = 0; k < t->nblocks; k++) {
		struct spans sp;
		spans_block(t->blocks[k], &sp);
		width = sp.cols > width ? sp.cols : width;
		spans_free(&sp);
	}
	buf_puts(out, html_table_open);
	buf_puts(out, "<tbody>\n");
	for (int k = 0; k < t->nblocks; k++)
		html_block(e, t->blocks[k], width, 1, out);
	buf_puts(out, "</tbody>\n</table>\n");
}

/* Prose: a paragraph a line, indented two characters as printed. */
static void html_prose(struct buf *out, const char *text)
{
	const char *p = text;
	for (char *line; (line = text_paragraph(&p)) != NULL; free(line)) {
		buf_puts(out, "<p style=\"text-indent:2em;margin:0.3em 0\">");
		html_escape(out, line);
		buf_puts(out, "</p>\n");
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
	buf_puts(out,
		 "</title>\n<style>\n"
		 "body{font-family:\"SimSun\",\"宋体\",\"Noto Serif CJK SC\",\"Source Han Serif "
		 "SC\",\"Songti SC\",serif;max-width:52em;margin:1em "
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
		html_table(e, p->table, out);
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
