/* Saved web pages as rows of cells, parsed by libxml2's HTML parser: a
 * table's rows with rowspan and colspan resolved (a spanned cell counted
 * once, in its first row), the text around the tables as paragraphs. Word's
 * residue (conditional comments, MsoNormal styles, &nbsp;, a cell's text in
 * many spans) is comments and markup to the parser, and falls away. */
#include "base/buf.h"
#include "base/diag.h"
#include "base/dynlib.h"
#include "import/import.h"
#include "base/sha256.h"
#include "base/width.h"
#include "base/xmalloc.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* libxml2, loaded when a page is first read: linked in, it and the ICU it
 * brings would cost every other command milliseconds and megabytes. */
static struct {
	int tried, ok;
	htmlDocPtr (*read)(const char *, int, const char *, const char *, int);
	xmlNodePtr (*root)(const xmlDoc *);
	void (*free_doc)(xmlDocPtr);
	xmlChar *(*get_prop)(const xmlNode *, const xmlChar *);
	long (*line_no)(const xmlNode *);
	void (*set_errors)(void *, xmlGenericErrorFunc);
	void (*reset_error)(void);
	xmlFreeFunc *free; /* xmlFree is a variable holding the function */
} html_xml;

static int html_load(void)
{
	static const char *const names[] = {"libxml2.so.2"};
	const struct dynlib_sym syms[] = {{(void **)&html_xml.read, "htmlReadMemory"},
					  {(void **)&html_xml.root, "xmlDocGetRootElement"},
					  {(void **)&html_xml.free_doc, "xmlFreeDoc"},
					  {(void **)&html_xml.get_prop, "xmlGetProp"},
					  {(void **)&html_xml.line_no, "xmlGetLineNo"},
					  {(void **)&html_xml.set_errors, "xmlSetGenericErrorFunc"},
					  {(void **)&html_xml.reset_error, "xmlResetLastError"},
					  {(void **)&html_xml.free, "xmlFree"}};
	if (!html_xml.tried) {
		html_xml.tried = 1;
		html_xml.ok = dynlib_load(names, 1, syms, sizeof syms / sizeof syms[0]) == 0 &&
			      *html_xml.free != NULL;
	}
	return html_xml.ok ? 0 : -1;
}

struct hwalk {
	struct idoc *doc;
	struct buf para; /* the paragraph being read */
	int para_line;
	int tables;
};

static int html_is(const xmlNode *n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && strcasecmp((const char *)n->name, name) == 0;
}

static int html_block(const xmlNode *n)
{
	static const char *const blocks[] = {
	    "p",  "div", "h1", "h2", "h3",         "h4",      "h5",      "h6",     "li",
	    "ul", "ol",  "br", "tr", "blockquote", "section", "article", "center", "pre",
	    "dl", "dt",  "dd", "hr", "header",     "footer",  "main",    "body",   "form"};
	for (size_t i = 0; i < sizeof blocks / sizeof blocks[0]; i++)
		if (html_is(n, blocks[i]))
			return 1;
	return 0;
}

static int html_skipped(const xmlNode *n)
{
	return html_is(n, "script") || html_is(n, "style") || html_is(n, "head") ||
	       html_is(n, "noscript") || html_is(n, "template") || html_is(n, "select");
}

static void html_flush(struct hwalk *w)
{
	if (w->para.len > 0) {
		/* a paragraph with text only in spaces is none */
		const char *s = w->para.data;
		int any = 0;
		for (const char *p = s; *p && !any; p++)
			any = *p != ' ' && *p != '\t' && *p != '\r' && *p != '\n';
		if (any)
			idoc_cell(w->doc, 1, s, w->para.len, w->para_line, 0, 0, 0);
	}
	w->para.len = 0;
	w->para.data[0] = '\0';
}

/* The text of a cell: every text under n, tables aside, joined as printed
 * (a <br> or <p> inside a cell joins the two lines: 不予<br>公开 is 不予公开). */
static void html_text(const xmlNode *n, struct buf *b)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			if (c->content)
				buf_puts(b, (const char *)c->content);
		} else if (c->type == XML_ELEMENT_NODE && !html_skipped(c) &&
			   !html_is(c, "table")) {
			html_text(c, b);
		}
	}
}

static int html_has_table(const xmlNode *n)
{
	for (const xmlNode *c = n->children; c; c = c->next)
		if (html_is(c, "table") || (c->type == XML_ELEMENT_NODE && html_has_table(c)))
			return 1;
	return 0;
}

static int html_attr_int(const xmlNode *n, const char *name)
{
	xmlChar *v = html_xml.get_prop(n, (const xmlChar *)name);
	long k = v ? strtol((const char *)v, NULL, 10) : 1; /* saturates, unlike atoi */
	(*html_xml.free)(v);
	return k < 1 ? 1 : k > 1000 ? 1000 : (int)k;
}

static void html_flow(struct hwalk *w, const xmlNode *n);

/* The rows of a table element, in the order the page shows them. */
static void html_rows(const xmlNode *t, const xmlNode ***rows, int *n)
{
	for (const xmlNode *c = t->children; c; c = c->next) {
		if (html_is(c, "tr")) {
			*rows = xgrow(*rows, (size_t)*n, sizeof **rows);
			(*rows)[(*n)++] = c;
		} else if (html_is(c, "thead") || html_is(c, "tbody") || html_is(c, "tfoot")) {
			html_rows(c, rows, n);
		}
	}
}

/* A table: each cell once, at the column the spans above leave it. A cell
 * holding a table of its own is a frame around content: read as a page.
 * A row may span IDOC_MAX_COLUMNS columns at most (a span is at most 1000
 * too), so what is kept per column stays small and no sum overflows. */
static void html_table(struct hwalk *w, const xmlNode *t)
{
	const xmlNode **rows = NULL;
	int nrows = 0;
	html_rows(t, &rows, &nrows);
	int tab = ++w->tables;
	/* a column is taken by a rowspan from above while the row is before
	 * until[column]: nothing to count down row by row */
	int ncap = 0;
	long *until = NULL;
	for (int r = 0; r < nrows && w->doc->refused == NULL; r++) {
		int col = 0, first = 1;
		for (const xmlNode *c = rows[r]->children; c; c = c->next) {
			if (!html_is(c, "td") && !html_is(c, "th"))
				continue;
			if (html_has_table(c)) {
				html_flush(w);
				html_flow(w, c);
				html_flush(w);
				first = 1;
				continue;
			}
			while (col < ncap && until[col] > r)
				col++;
			int rs = html_attr_int(c, "rowspan"), cs = html_attr_int(c, "colspan");
			if (col + cs > IDOC_MAX_COLUMNS) {
				idoc_refuse(w->doc, (int)html_xml.line_no(c),
					    "a table row spans more than 1,000 columns: not a "
					    "report's table");
				break;
			}
			if (col + cs > ncap) {
				int nc = (col + cs) * 2 < 64 ? 64 : (col + cs) * 2;
				nc = nc > IDOC_MAX_COLUMNS ? IDOC_MAX_COLUMNS : nc;
				until = xreallocarray(until, (size_t)nc, sizeof *until);
				memset(until + ncap, 0, (size_t)(nc - ncap) * sizeof *until);
				ncap = nc;
			}
			struct buf b;
			buf_init(&b);
			html_text(c, &b);
			idoc_cell(w->doc, first, b.data, b.len, (int)html_xml.line_no(c), tab,
				  r + 1, col + 1);
			buf_free(&b);
			first = 0;
			/* a cell of one row leaves nothing taken below it */
			for (int k = 0; rs > 1 && k < cs; k++)
				until[col + k] = (long)r + rs;
			col += cs;
		}
	}
	free(until);
	free(rows);
}

/* The page outside tables: paragraphs, and the tables in their places. */
static void html_flow(struct hwalk *w, const xmlNode *n)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			if (c->content) {
				if (w->para.len == 0)
					w->para_line = (int)html_xml.line_no(c);
				buf_puts(&w->para, (const char *)c->content);
			}
			continue;
		}
		if (c->type != XML_ELEMENT_NODE || html_skipped(c))
			continue;
		if (html_is(c, "table")) {
			html_flush(w);
			html_table(w, c);
			continue;
		}
		int block = html_block(c);
		if (block)
			html_flush(w);
		html_flow(w, c);
		if (block)
			html_flush(w);
	}
}

/* The charset the page declares in its first 4 KB, lower case; "" if none. */
static void html_declared(const char *s, size_t len, char out[32])
{
	out[0] = '\0';
	size_t n = len < 4096 ? len : 4096;
	for (size_t i = 0; i + 8 < n; i++) {
		if (strncasecmp(s + i, "charset", 7) != 0)
			continue;
		size_t j = i + 7;
		while (j < n && (s[j] == ' ' || s[j] == '=' || s[j] == '"' || s[j] == '\''))
			j++;
		size_t k = 0;
		while (j < n && k < 31 &&
		       ((s[j] >= 'a' && s[j] <= 'z') || (s[j] >= 'A' && s[j] <= 'Z') ||
			(s[j] >= '0' && s[j] <= '9') || s[j] == '-' || s[j] == '_'))
			out[k++] = (char)(s[j] >= 'A' && s[j] <= 'Z' ? s[j] - 'A' + 'a' : s[j]),
			j++;
		out[k] = '\0';
		if (k > 0)
			return;
	}
}

/* Bytes above 0x7f that begin a character: how much of the page is not
 * ASCII. */
static size_t html_multibyte(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += ((unsigned char)s[i] & 0xc0) == 0xc0;
	return n;
}

static int html_utf8(const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		int k = width_decode(s + i, len - i, &cp);
		if (k <= 0)
			return 0;
		i += (size_t)k;
	}
	return 1;
}

static void html_quiet(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

int import_read_html(const char *name, const char *bytes, size_t len, struct idoc *doc,
		     struct diags *d)
{
	memset(doc, 0, sizeof *doc);
	doc->name = xstrdup(name);
	doc->html = 1;
	sha256_hex(bytes, len, doc->sha256);
	if (len > INT32_MAX) {
		diags_add(d, DIAG_ERROR, name, 0, 0, "too large for a web page");
		return -1;
	}
	/* GB2312 pages hold GBK characters as often as not: GB18030 reads all
	 * three; a page that declares nothing is UTF-8 if it decodes so */
	char decl[32];
	html_declared(bytes, len, decl);
	const char *enc = NULL;
	if (strcmp(decl, "gb2312") == 0 || strcmp(decl, "gbk") == 0 ||
	    strcmp(decl, "gb18030") == 0 || strcmp(decl, "x-gbk") == 0 ||
	    strcmp(decl, "cp936") == 0)
		/* a page a browser saved keeps its old declaration but is UTF-8
		 * now; Chinese text in GBK is never valid UTF-8 at length */
		enc =
		    html_utf8(bytes, len) && html_multibyte(bytes, len) >= 8 ? "UTF-8" : "GB18030";
	else if (strcmp(decl, "utf-8") == 0 || strcmp(decl, "utf8") == 0)
		enc = "UTF-8";
	else if (decl[0] == '\0')
		enc = html_utf8(bytes, len) ? "UTF-8" : "GB18030";
	if (html_load() < 0) {
		diags_add(d, DIAG_ERROR, name, 0, 0,
			  "web pages are read with libxml2, which cannot be loaded "
			  "(libxml2.so.2; Debian: apt-get install libxml2)");
		return -1;
	}
	html_xml.set_errors(NULL, html_quiet);
	htmlDocPtr h = html_xml.read(bytes, (int)len, NULL, enc,
				     HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
					 HTML_PARSE_RECOVER);
	if (h == NULL) {
		html_xml.reset_error();
		if (decl[0])
			diags_add(d, DIAG_ERROR, name, 0, 0,
				  "not a web page libxml2 can read in %s", decl);
		else
			diags_add(d, DIAG_ERROR, name, 0, 0, "not a web page libxml2 can read");
		return -1;
	}
	struct hwalk w = {doc, {0}, 0, 0};
	buf_init(&w.para);
	xmlNode *root = html_xml.root(h);
	if (root != NULL) {
		xmlNode wrap = {0};
		wrap.children = root;
		html_flow(&w, &wrap);
	}
	html_flush(&w);
	buf_free(&w.para);
	html_xml.free_doc(h);
	/* libxml2 keeps the page's last parse error (a copy of its message)
	 * until the next: nothing of a page is kept after it is read */
	html_xml.reset_error();
	return idoc_check(doc, d);
}
