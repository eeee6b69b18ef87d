/* Saved web pages as rows of cells, parsed by libxml2's HTML parser: a
 * table's rows with rowspan and colspan resolved (a spanned cell counted
 * once, in its first row), the text around the tables as paragraphs. Word's
 * residue (conditional comments, MsoNormal styles, &nbsp;, a cell's text in
 * many spans) is comments and markup to the parser, and falls away.
 *
 * The page is taken as the parser reports its elements, one at a time,
 * with no tree of it built: the cells are those of the tree libxml2 would
 * build (the elements it implies and closes included), read as they end.
 * Only a cell waits: what happens in it is kept until it ends, in case a
 * table turns up inside and the cell must be read as the page after all. */
#include "base/buf.h"
#include "base/diag.h"
#include "base/dynlib.h"
#include "import/import.h"
#include "base/sha256.h"
#include "base/width.h"
#include "base/xmalloc.h"

#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* libxml2, loaded when a page is first read: linked in, it and the ICU it
 * brings would cost every other command milliseconds and megabytes. Its
 * parser is driven by events (SAX): no tree of the page is built, the
 * cells and paragraphs are taken as the parser reports the elements. */
static struct {
	int tried, ok;
	htmlParserCtxtPtr (*create)(const char *, int);
	int (*use_options)(htmlParserCtxtPtr, int);
	xmlCharEncodingHandlerPtr (*find_encoding)(const char *);
	int (*switch_encoding)(xmlParserCtxtPtr, xmlCharEncodingHandlerPtr);
	int (*parse)(htmlParserCtxtPtr);
	void (*stop)(xmlParserCtxtPtr);
	void (*free_ctxt)(xmlParserCtxtPtr);
	xmlChar *(*strdup)(const xmlChar *);
	void (*init)(void);
	void (*set_errors)(void *, xmlGenericErrorFunc);
	void (*reset_error)(void);
	xmlFreeFunc *free; /* xmlFree is a variable holding the function */
	unsigned int *max_depth;
} html_xml;

static int html_load(void)
{
	static const char *const names[] = {"libxml2.so.2"};
	const struct dynlib_sym syms[] = {
	    {(void **)&html_xml.create, "xmlCreateMemoryParserCtxt"},
	    {(void **)&html_xml.use_options, "htmlCtxtUseOptions"},
	    {(void **)&html_xml.find_encoding, "xmlFindCharEncodingHandler"},
	    {(void **)&html_xml.switch_encoding, "xmlSwitchToEncoding"},
	    {(void **)&html_xml.parse, "htmlParseDocument"},
	    {(void **)&html_xml.stop, "xmlStopParser"},
	    {(void **)&html_xml.free_ctxt, "xmlFreeParserCtxt"},
	    {(void **)&html_xml.strdup, "xmlStrdup"},
	    {(void **)&html_xml.init, "xmlInitParser"},
	    {(void **)&html_xml.set_errors, "xmlSetGenericErrorFunc"},
	    {(void **)&html_xml.reset_error, "xmlResetLastError"},
	    {(void **)&html_xml.free, "xmlFree"},
	    {(void **)&html_xml.max_depth, "xmlParserMaxDepth"}};
	if (!html_xml.tried) {
		html_xml.tried = 1;
		html_xml.ok = dynlib_load(names, 1, syms, sizeof syms / sizeof syms[0]) == 0 &&
			      *html_xml.free != NULL;
		if (html_xml.ok)
			html_xml.init();
	}
	return html_xml.ok ? 0 : -1;
}

/* What an element is to the reader: in the page's flow (a block, which
 * ends a paragraph; skipped with all it holds; a table) and in a table (a
 * row, a group of rows, a cell). */
enum {
	HC_BLOCK = 1,
	HC_SKIP = 2,
	HC_TABLE = 4,
	HC_SECT = 8, /* thead, tbody, tfoot */
	HC_TR = 16,
	HC_CELL = 32 /* td, th */
};

static int html_class(const char *name)
{
	static const struct {
		const char *name;
		int cls;
	} known[] = {{"article", HC_BLOCK}, {"blockquote", HC_BLOCK}, {"body", HC_BLOCK},
		     {"br", HC_BLOCK},      {"center", HC_BLOCK},     {"dd", HC_BLOCK},
		     {"div", HC_BLOCK},     {"dl", HC_BLOCK},         {"dt", HC_BLOCK},
		     {"footer", HC_BLOCK},  {"form", HC_BLOCK},       {"h1", HC_BLOCK},
		     {"h2", HC_BLOCK},      {"h3", HC_BLOCK},         {"h4", HC_BLOCK},
		     {"h5", HC_BLOCK},      {"h6", HC_BLOCK},         {"head", HC_SKIP},
		     {"header", HC_BLOCK},  {"hr", HC_BLOCK},         {"li", HC_BLOCK},
		     {"main", HC_BLOCK},    {"noscript", HC_SKIP},    {"ol", HC_BLOCK},
		     {"p", HC_BLOCK},       {"pre", HC_BLOCK},        {"script", HC_SKIP},
		     {"section", HC_BLOCK}, {"select", HC_SKIP},      {"style", HC_SKIP},
		     {"table", HC_TABLE},   {"tbody", HC_SECT},       {"td", HC_CELL},
		     {"template", HC_SKIP}, {"tfoot", HC_SECT},       {"th", HC_CELL},
		     {"thead", HC_SECT},    {"tr", HC_TR | HC_BLOCK}, {"ul", HC_BLOCK}};
	char low[12];
	size_t n = 0;
	for (; name[n]; n++) {
		if (n + 1 >= sizeof low)
			return 0;
		char c = name[n];
		low[n] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
	}
	low[n] = '\0';
	size_t lo = 0, hi = sizeof known / sizeof known[0];
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int k = strcmp(low, known[mid].name);
		if (k == 0)
			return known[mid].cls;
		if (k < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return 0;
}

/* An open element, as the reader takes what it holds. */
enum hframe_kind {
	HF_FLOW,     /* the page's flow: text into paragraphs */
	HF_BLOCK,    /* the same, in a block: its ends end a paragraph */
	HF_CELLFLOW, /* a cell holding a table of its own: a frame around
		      * content, read as the page */
	HF_SKIP,     /* nothing of it is read */
	HF_TABLE,    /* a table: its rows */
	HF_SECT,     /* thead, tbody, tfoot: rows */
	HF_ROW,      /* a row: its cells */
	HF_IGNORE    /* inside what is not read */
};

/* A table being read: the row it is at, and the columns the rows above
 * take (a column is taken by a rowspan from above while the row is before
 * until[column]: nothing to count down row by row). A row may span
 * IDOC_MAX_COLUMNS columns at most (a span is at most 1000 too), so what
 * is kept per column stays small and no sum overflows. */
struct htable {
	int tab;    /* its number in the page */
	int row;    /* the row being read, from 0; -1 before the first */
	int col;    /* the row's next column */
	int first;  /* the next cell begins a row of the document */
	int broken; /* the row spans too many columns: its other cells go */
	long *until;
	int ncap;
};

/* An event inside a cell, kept in case a table turns up in it and the
 * cell must be read as the page after all. */
struct hevent {
	int what; /* 0 start (cls), 1 end, 2 text */
	int cls, line;
	size_t off, len;
};

struct hwalk {
	struct idoc *doc;
	htmlParserCtxtPtr ctxt;
	struct buf para; /* the paragraph being read */
	int para_line;
	int tables;
	int begun; /* the parser began the document */
	int depth, halted;
	unsigned char *frames; /* enum hframe_kind, the open elements' */
	int nframes;
	struct htable *tabs; /* the tables open, innermost last */
	int ntabs;
	struct {
		int on;    /* a cell is being read */
		int depth; /* its element's depth */
		int skip;  /* depth of a skipped element in it, or 0 */
		int line, rowspan, colspan;
		struct buf text;   /* its text, as shown */
		struct hevent *ev; /* what happened in it */
		int nev;
	} cell;
};

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

static int html_line(const struct hwalk *w)
{
	return w->ctxt->input ? w->ctxt->input->line : 0;
}

static void html_push(struct hwalk *w, enum hframe_kind k)
{
	w->frames = xgrow(w->frames, (size_t)w->nframes, sizeof *w->frames);
	w->frames[w->nframes++] = (unsigned char)k;
}

static struct htable *html_tab(struct hwalk *w)
{
	return &w->tabs[w->ntabs - 1];
}

/* A span attribute's value: 1 when absent or not above 1, at most 1000. */
static int html_span(const xmlChar **atts, const char *name)
{
	for (int i = 0; atts && atts[i]; i += 2)
		if (strcmp((const char *)atts[i], name) == 0) {
			const char *v = (const char *)atts[i + 1];
			long k = v ? strtol(v, NULL, 10) : 1; /* saturates, unlike atoi */
			return k < 1 ? 1 : k > 1000 ? 1000 : (int)k;
		}
	return 1;
}

/* An element begins in the open one on top (not a cell being read). */
static void html_frame_start(struct hwalk *w, int cls, const xmlChar **atts)
{
	enum hframe_kind top = w->frames[w->nframes - 1];
	switch (top) {
	case HF_FLOW:
	case HF_BLOCK:
	case HF_CELLFLOW:
		if (cls & HC_SKIP) {
			html_push(w, HF_SKIP);
		} else if (cls & HC_TABLE) {
			html_flush(w);
			w->tabs = xgrow(w->tabs, (size_t)w->ntabs, sizeof *w->tabs);
			w->tabs[w->ntabs++] = (struct htable){++w->tables, -1, 0, 1, 0, NULL, 0};
			html_push(w, HF_TABLE);
		} else {
			if (cls & HC_BLOCK)
				html_flush(w);
			html_push(w, (cls & HC_BLOCK) ? HF_BLOCK : HF_FLOW);
		}
		return;
	case HF_TABLE:
	case HF_SECT:
		if ((cls & HC_TR) && w->doc->refused == NULL) {
			struct htable *t = html_tab(w);
			t->row++;
			t->col = 0;
			t->first = 1;
			t->broken = 0;
			html_push(w, HF_ROW);
		} else if (cls & HC_SECT) {
			html_push(w, HF_SECT);
		} else {
			html_push(w, HF_IGNORE);
		}
		return;
	case HF_ROW:
		if ((cls & HC_CELL) && !html_tab(w)->broken) {
			w->cell.on = 1;
			w->cell.depth = w->depth;
			w->cell.skip = 0;
			w->cell.line = html_line(w);
			w->cell.rowspan = html_span(atts, "rowspan");
			w->cell.colspan = html_span(atts, "colspan");
			w->cell.text.len = 0;
			w->cell.text.data[0] = '\0';
			w->cell.nev = 0;
		} else {
			html_push(w, HF_IGNORE);
		}
		return;
	default:
		html_push(w, HF_IGNORE);
		return;
	}
}
/* The element on top ends. */
static void html_frame_end(struct hwalk *w)
{
	enum hframe_kind k = w->frames[--w->nframes];
	if (k == HF_BLOCK) {
		html_flush(w);
	} else if (k == HF_CELLFLOW) {
		html_flush(w);
		html_tab(w)->first = 1;
	} else if (k == HF_TABLE) {
		free(html_tab(w)->until);
		w->ntabs--;
	}
}

/* Text in the element on top: a paragraph's, in the page's flow. */
static void html_frame_text(struct hwalk *w, int line, const char *s, size_t n)
{
	enum hframe_kind top = w->frames[w->nframes - 1];
	if (top == HF_FLOW || top == HF_BLOCK || top == HF_CELLFLOW) {
		if (w->para.len == 0)
			w->para_line = line;
		buf_add(&w->para, s, n);
	}
}

/* The cell being read ends with no table in it: each cell once, at the
 * column the spans above leave it. */
static void html_cell_end(struct hwalk *w)
{
	struct htable *t = html_tab(w);
	w->cell.on = 0;
	while (t->col < t->ncap && t->until[t->col] > t->row)
		t->col++;
	int rs = w->cell.rowspan, cs = w->cell.colspan;
	if (t->col + cs > IDOC_MAX_COLUMNS) {
		idoc_refuse(w->doc, w->cell.line,
			    "a table row spans more than 1,000 columns: not a report's table");
		t->broken = 1;
		return;
	}
	if (t->col + cs > t->ncap) {
		int nc = (t->col + cs) * 2 < 64 ? 64 : (t->col + cs) * 2;
		nc = nc > IDOC_MAX_COLUMNS ? IDOC_MAX_COLUMNS : nc;
		t->until = xreallocarray(t->until, (size_t)nc, sizeof *t->until);
		memset(t->until + t->ncap, 0, (size_t)(nc - t->ncap) * sizeof *t->until);
		t->ncap = nc;
	}
	idoc_cell(w->doc, t->first, w->cell.text.data, w->cell.text.len, w->cell.line, t->tab,
		  t->row + 1, t->col + 1);
	t->first = 0;
	/* a cell of one row leaves nothing taken below it */
	for (int k = 0; rs > 1 && k < cs; k++)
		t->until[t->col + k] = (long)t->row + rs;
	t->col += cs;
}

static void html_cell_event(struct hwalk *w, int what, int cls, int line, size_t off, size_t len)
{
	w->cell.ev = xgrow(w->cell.ev, (size_t)w->cell.nev, sizeof *w->cell.ev);
	w->cell.ev[w->cell.nev++] = (struct hevent){what, cls, line, off, len};
}

/* A table begins in the cell being read: the cell is a frame around
 * content, read as the page from its beginning, its text so far in
 * paragraphs. */
static void html_cell_to_flow(struct hwalk *w)
{
	w->cell.on = 0;
	html_flush(w);
	html_push(w, HF_CELLFLOW);
	for (int i = 0; i < w->cell.nev; i++) {
		const struct hevent *e = &w->cell.ev[i];
		if (e->what == 0)
			html_frame_start(w, e->cls, NULL);
		else if (e->what == 1)
			html_frame_end(w);
		else
			html_frame_text(w, e->line, w->cell.text.data + e->off, e->len);
	}
}

static void html_sax_begin(void *ctx)
{
	((struct hwalk *)ctx)->begun = 1;
}

static void html_sax_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
	struct hwalk *w = ctx;
	if (w->halted)
		return;
	/* as deep as libxml2 builds a tree: past that its parse stops */
	if ((unsigned)w->depth > *html_xml.max_depth) {
		w->halted = 1;
		html_xml.stop(w->ctxt);
		return;
	}
	w->depth++;
	int cls = html_class((const char *)name);
	if (w->cell.on) {
		if (cls & HC_TABLE) {
			html_cell_to_flow(w);
		} else {
			html_cell_event(w, 0, cls, 0, 0, 0);
			if (w->cell.skip == 0 && (cls & HC_SKIP))
				w->cell.skip = w->depth;
			return;
		}
	}
	html_frame_start(w, cls, atts);
}

static void html_sax_end(void *ctx, const xmlChar *name)
{
	(void)name;
	struct hwalk *w = ctx;
	if (w->halted || w->depth == 0)
		return;
	if (w->cell.on) {
		if (w->depth == w->cell.depth) {
			html_cell_end(w);
		} else {
			html_cell_event(w, 1, 0, 0, 0, 0);
			if (w->cell.skip == w->depth)
				w->cell.skip = 0;
		}
	} else {
		html_frame_end(w);
	}
	w->depth--;
}

static void html_sax_text(void *ctx, const xmlChar *ch, int len)
{
	struct hwalk *w = ctx;
	/* text outside every element is none of the page's */
	if (w->halted || w->depth == 0 || len <= 0)
		return;
	const char *s = (const char *)ch;
	const char *nul = memchr(s, '\0', (size_t)len);
	size_t n = nul ? (size_t)(nul - s) : (size_t)len;
	if (w->cell.on) {
		if (w->cell.skip == 0) {
			html_cell_event(w, 2, 0, html_line(w), w->cell.text.len, n);
			buf_add(&w->cell.text, s, n);
		}
		return;
	}
	html_frame_text(w, html_line(w), s, n);
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
	/* as htmlReadMemory reads a page, but into the events below */
	htmlParserCtxtPtr ctxt = len > 0 ? html_xml.create(bytes, (int)len) : NULL;
	struct hwalk w = {.doc = doc, .ctxt = ctxt};
	if (ctxt != NULL) {
		memset(ctxt->sax, 0, sizeof *ctxt->sax);
		ctxt->sax->initialized = 1;
		ctxt->sax->startDocument = html_sax_begin;
		ctxt->sax->startElement = html_sax_start;
		ctxt->sax->endElement = html_sax_end;
		ctxt->sax->characters = html_sax_text;
		ctxt->sax->cdataBlock = html_sax_text;
		ctxt->userData = &w;
		html_xml.use_options(ctxt, HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
					       HTML_PARSE_NONET | HTML_PARSE_RECOVER);
		xmlCharEncodingHandlerPtr h = enc ? html_xml.find_encoding(enc) : NULL;
		if (h != NULL) {
			html_xml.switch_encoding(ctxt, h);
			/* the encoding given is the page's: a <meta> does not
			 * change it */
			if (ctxt->input->encoding != NULL)
				(*html_xml.free)((void *)ctxt->input->encoding);
			ctxt->input->encoding = html_xml.strdup((const xmlChar *)enc);
		}
		buf_init(&w.para);
		buf_init(&w.cell.text);
		html_push(&w, HF_FLOW); /* the page */
		html_xml.parse(ctxt);
		/* what a stopped parse left open ends here */
		if (w.cell.on)
			html_cell_end(&w);
		while (w.nframes > 1)
			html_frame_end(&w);
		html_flush(&w);
		buf_free(&w.para);
		buf_free(&w.cell.text);
		free(w.cell.ev);
		free(w.frames);
		free(w.tabs);
		html_xml.free_ctxt(ctxt);
	}
	/* libxml2 keeps the page's last parse error (a copy of its message)
	 * until the next: nothing of a page is kept after it is read */
	html_xml.reset_error();
	if (!w.begun) {
		if (decl[0])
			diags_add(d, DIAG_ERROR, name, 0, 0,
				  "not a web page libxml2 can read in %s", decl);
		else
			diags_add(d, DIAG_ERROR, name, 0, 0, "not a web page libxml2 can read");
		return -1;
	}
	return idoc_check(doc, d);
}
