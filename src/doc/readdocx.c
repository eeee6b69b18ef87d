/* A Word file read back as a web page: its paragraphs and tables, in
 * order, for nianbao's page reader (import --docx). A table's merged cells
 * become the page's colspan (gridSpan) and rowspan (vMerge); what Word and
 * WPS leave in a file (empty runs, bookmarks, proofing marks, field codes,
 * tracked changes) is read as the document shows it: insertions kept,
 * deletions left out, a field as its result. Each paragraph and each row
 * of a table is a line of the page, so that a decision's line is the
 * paragraph or row it speaks of, counted from the top. */
#include "doc/readdocx.h"
#include "base/buf.h"
#include "base/dynlib.h"
#include "base/i18n.h"
#include "base/xmalloc.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

/* The document part is some hundreds of kilobytes; past this it is no
 * report (and no zip bomb is inflated further). */
#define READDOCX_MAX (64u << 20)

/* libxml2, loaded when a Word file is first read: linked in, the ICU it
 * brings would cost every PDF read by this program milliseconds. */
static struct {
	int tried, ok;
	xmlDocPtr (*read)(const char *, int, const char *, const char *, int);
	xmlNodePtr (*root)(const xmlDoc *);
	void (*free_doc)(xmlDocPtr);
	xmlChar *(*ns_prop)(const xmlNode *, const xmlChar *, const xmlChar *);
	xmlChar *(*content)(const xmlNode *);
	void (*set_errors)(void *, xmlGenericErrorFunc);
	xmlFreeFunc *free; /* xmlFree is a variable holding the function */
} rdx;

static int rd_load(void)
{
	static const char *const names[] = {"libxml2.so.2"};
	const struct dynlib_sym syms[] = {{(void **)&rdx.read, "xmlReadMemory"},
					  {(void **)&rdx.root, "xmlDocGetRootElement"},
					  {(void **)&rdx.free_doc, "xmlFreeDoc"},
					  {(void **)&rdx.ns_prop, "xmlGetNsProp"},
					  {(void **)&rdx.content, "xmlNodeGetContent"},
					  {(void **)&rdx.set_errors, "xmlSetGenericErrorFunc"},
					  {(void **)&rdx.free, "xmlFree"}};
	if (!rdx.tried) {
		rdx.tried = 1;
		rdx.ok = dynlib_load(names, 1, syms, sizeof syms / sizeof syms[0]) == 0 &&
			 *rdx.free != NULL;
	}
	return rdx.ok ? 0 : -1;
}

static const char readdocx_ns[] = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/* Whether n is the WordprocessingML element name. */
static int rd_is(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && n->ns != NULL &&
	       strcmp((const char *)n->ns->href, readdocx_ns) == 0 &&
	       strcmp((const char *)n->name, name) == 0;
}

static const xmlNode *rd_child(const xmlNode *n, const char *name)
{
	for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
		if (rd_is(c, name))
			return c;
	return NULL;
}

/* The w:val of n's child name, or NULL. To free (xmlFree). */
static xmlChar *rd_val(const xmlNode *n, const char *name)
{
	const xmlNode *c = rd_child(n, name);
	return c ? rdx.ns_prop(c, (const xmlChar *)"val", (const xmlChar *)readdocx_ns) : NULL;
}

static int rd_int_val(const xmlNode *n, const char *name, int none)
{
	xmlChar *v = rd_val(n, name);
	if (v == NULL)
		return none;
	long k = strtol((const char *)v, NULL, 10);
	(*rdx.free)(v);
	return k < 1 ? 1 : k > 1000 ? 1000 : (int)k;
}

static void rd_escaped(struct buf *out, const char *s)
{
	for (; *s; s++) {
		if (*s == '&')
			buf_puts(out, "&amp;");
		else if (*s == '<')
			buf_puts(out, "&lt;");
		else if (*s == '>')
			buf_puts(out, "&gt;");
		else if (*s == '\n' || *s == '\r')
			buf_putc(out, ' ');
		else
			buf_putc(out, *s);
	}
}

/* The text of a paragraph's content as shown: runs' text, tabs as spaces,
 * breaks as the page's <br>; deleted text, field codes and drawings left
 * out. */
static void rd_inline(const xmlNode *n, struct buf *out)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (rd_is(c, "t")) {
			xmlChar *s = rdx.content(c);
			if (s) {
				rd_escaped(out, (const char *)s);
				(*rdx.free)(s);
			}
		} else if (rd_is(c, "tab") || rd_is(c, "ptab")) {
			buf_putc(out, ' ');
		} else if (rd_is(c, "br") || rd_is(c, "cr")) {
			buf_puts(out, "<br>");
		} else if (rd_is(c, "noBreakHyphen")) {
			buf_putc(out, '-');
		} else if (rd_is(c, "del") || rd_is(c, "moveFrom") || rd_is(c, "delText") ||
			   rd_is(c, "instrText") || rd_is(c, "pPr") || rd_is(c, "rPr") ||
			   rd_is(c, "drawing") || rd_is(c, "pict") || rd_is(c, "object") ||
			   rd_is(c, "footnoteReference") || rd_is(c, "endnoteReference")) {
			continue;
		} else if (c->ns != NULL && strcmp((const char *)c->ns->href, readdocx_ns) != 0) {
			continue; /* mc:AlternateContent and other vocabularies: drawings */
		} else {
			/* w:r, w:hyperlink, w:ins, w:moveTo, w:fldSimple, w:smartTag,
			 * w:sdt and w:sdtContent, w:customXml: their content */
			rd_inline(c, out);
		}
	}
}

static void rd_blocks(const xmlNode *n, struct buf *out, int in_cell);

/* A cell of a table as the grid places it. */
struct rd_cell {
	const xmlNode *tc;
	int col, span, merge; /* merge: 0 none, 1 begins a vertical merge, 2 continues one */
	int rowspan;
	int covered; /* continues a merge begun above: its first cell's */
};

struct rd_row {
	struct rd_cell *cells;
	int n, before; /* before: grid columns left out at the start (gridBefore) */
};

/* The rows and cells of a table, content controls and custom XML opened. */
static void rd_cells(const xmlNode *n, struct rd_row *row)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (rd_is(c, "tc")) {
			const xmlNode *pr = rd_child(c, "tcPr");
			struct rd_cell cell = {c, 0, rd_int_val(pr, "gridSpan", 1), 0, 1, 0};
			const xmlNode *vm = rd_child(pr, "vMerge");
			if (vm != NULL) {
				xmlChar *v = rdx.ns_prop(vm, (const xmlChar *)"val",
							 (const xmlChar *)readdocx_ns);
				cell.merge = v && strcmp((const char *)v, "restart") == 0 ? 1 : 2;
				(*rdx.free)(v);
			}
			row->cells = xgrow(row->cells, (size_t)row->n, sizeof *row->cells);
			row->cells[row->n++] = cell;
		} else if (rd_is(c, "sdt") || rd_is(c, "sdtContent") || rd_is(c, "customXml")) {
			rd_cells(c, row);
		}
	}
}

static void rd_rows(const xmlNode *n, struct rd_row **rows, int *nrows)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (rd_is(c, "tr")) {
			struct rd_row row = {NULL, 0,
					     rd_int_val(rd_child(c, "trPr"), "gridBefore", 0)};
			rd_cells(c, &row);
			*rows = xgrow(*rows, (size_t)*nrows, sizeof **rows);
			(*rows)[(*nrows)++] = row;
		} else if (rd_is(c, "sdt") || rd_is(c, "sdtContent") || rd_is(c, "customXml")) {
			rd_rows(c, rows, nrows);
		}
	}
}

/* The cell of row that begins at grid column col, or NULL: a row's cells
 * begin at columns ever further right, so it is found by halving (a row of
 * many thousand cells under as many merges is not read in their square). */
static struct rd_cell *rd_at(const struct rd_row *row, int col)
{
	int lo = 0, hi = row->n;
	while (lo < hi) {
		int mid = lo + (hi - lo) / 2;
		if (row->cells[mid].col < col)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < row->n && row->cells[lo].col == col ? &row->cells[lo] : NULL;
}

/* A table: each cell once, spanning the grid columns and the rows its
 * merges take. */
static void rd_table(const xmlNode *t, struct buf *out)
{
	struct rd_row *rows = NULL;
	int nrows = 0;
	rd_rows(t, &rows, &nrows);
	for (int r = 0; r < nrows; r++) {
		int col = rows[r].before;
		for (int i = 0; i < rows[r].n; i++) {
			rows[r].cells[i].col = col;
			/* a row of millions of cells: its columns stop counting
			 * (the page reader refuses a row past 1,000 anyway) */
			col = col > 1000000 ? col : col + rows[r].cells[i].span;
		}
	}
	/* a merge's first cell spans the rows that continue it below, and
	 * they are its; a continuation with none above is a cell of its own */
	for (int r = 0; r < nrows; r++)
		for (int i = 0; i < rows[r].n; i++) {
			struct rd_cell *c = &rows[r].cells[i];
			for (int below = r + 1; below < nrows && c->merge == 1; below++) {
				struct rd_cell *more = rd_at(&rows[below], c->col);
				if (more == NULL || more->merge != 2)
					break;
				more->covered = 1;
				more->merge = 0; /* taken: not the start of another */
				c->rowspan++;
			}
		}
	buf_puts(out, "<table>");
	for (int r = 0; r < nrows; r++) {
		buf_puts(out, "<tr>");
		if (rows[r].before > 0)
			buf_printf(out, "<td colspan=\"%d\"></td>", rows[r].before);
		for (int i = 0; i < rows[r].n; i++) {
			const struct rd_cell *c = &rows[r].cells[i];
			if (c->covered)
				continue;
			buf_puts(out, "<td");
			if (c->span > 1)
				buf_printf(out, " colspan=\"%d\"", c->span);
			if (c->rowspan > 1)
				buf_printf(out, " rowspan=\"%d\"", c->rowspan);
			buf_putc(out, '>');
			rd_blocks(c->tc, out, 1);
			buf_puts(out, "</td>");
		}
		buf_puts(out, "</tr>\n");
	}
	buf_puts(out, "</table>");
	for (int r = 0; r < nrows; r++)
		free(rows[r].cells);
	free(rows);
}

/* Paragraphs and tables, in order; in a cell they stay on its line. */
static void rd_blocks(const xmlNode *n, struct buf *out, int in_cell)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (rd_is(c, "p")) {
			buf_puts(out, "<p>");
			rd_inline(c, out);
			buf_puts(out, in_cell ? "</p>" : "</p>\n");
		} else if (rd_is(c, "tbl")) {
			rd_table(c, out);
		} else if (rd_is(c, "sdt") || rd_is(c, "sdtContent") || rd_is(c, "customXml") ||
			   rd_is(c, "ins") || rd_is(c, "moveTo")) {
			rd_blocks(c, out, in_cell);
		}
	}
}

static void rd_quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

/* The Word file z (closed here). */
static int readdocx_zip(zip_t *z, int err, struct buf *out, const char **why)
{
	if (z == NULL) {
		*why = err == ZIP_ER_NOZIP || err == ZIP_ER_INCONS
			   ? _("not a Word file (.docx): a .doc or .wps is saved as .docx first")
			   : _("cannot be opened");
		return -1;
	}
	zip_stat_t st;
	zip_file_t *f = NULL;
	if (zip_stat(z, "word/document.xml", 0, &st) < 0 || !(st.valid & ZIP_STAT_SIZE) ||
	    (f = zip_fopen(z, "word/document.xml", 0)) == NULL) {
		*why = _("not a Word file (.docx): it has no word/document.xml");
		zip_close(z);
		return -1;
	}
	if (st.size > READDOCX_MAX) {
		*why = _("its text is larger than 64 MB: not a report");
		zip_fclose(f);
		zip_close(z);
		return -1;
	}
	if (rd_load() < 0) {
		*why = _("Word files are read with libxml2, which cannot be loaded (libxml2.so.2)");
		zip_fclose(f);
		zip_close(z);
		return -1;
	}
	char *xml = malloc((size_t)st.size + 1);
	zip_int64_t got = xml ? zip_fread(f, xml, st.size) : -1;
	zip_fclose(f);
	zip_close(z);
	if (got < 0 || (zip_uint64_t)got != st.size) {
		free(xml);
		*why = _("its text cannot be read (a damaged file)");
		return -1;
	}
	rdx.set_errors(NULL, rd_quiet);
	xmlDocPtr d = rdx.read(xml, (int)got, "document.xml", NULL,
			       XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
	free(xml);
	const xmlNode *root = d ? rdx.root(d) : NULL;
	const xmlNode *body = root && rd_is(root, "document") ? rd_child(root, "body") : NULL;
	if (body == NULL) {
		rdx.free_doc(d);
		*why = _("its text is not a Word document's (a damaged file)");
		return -1;
	}
	buf_puts(out, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head><body>");
	rd_blocks(body, out, 0);
	buf_puts(out, "</body></html>\n");
	rdx.free_doc(d);
	return 0;
}

int readdocx(const char *path, struct buf *out, const char **why)
{
	int err = 0;
	zip_t *z = zip_open(path, ZIP_RDONLY, &err);
	return readdocx_zip(z, err, out, why);
}

int readdocx_bytes(const char *data, size_t len, struct buf *out, const char **why)
{
	zip_error_t e;
	zip_error_init(&e);
	zip_source_t *src = zip_source_buffer_create(data, len, 0, &e);
	zip_t *z = src ? zip_open_from_source(src, ZIP_RDONLY, &e) : NULL;
	int err = zip_error_code_zip(&e);
	if (z == NULL && src != NULL)
		zip_source_free(src);
	zip_error_fini(&e);
	return readdocx_zip(z, err, out, why);
}
