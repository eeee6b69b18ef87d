/* The report as a .docx (docx.h): each part of the package an XML text made
 * with libxml2's writer (every text escaped by it), the package a zip made
 * by libzip in memory. Lengths are in twips (1/20 point); font sizes in
 * half points. */
#include "config.h"

#include "doc/docx.h"
#include "output/doc.h"

#include <libxml/xmlwriter.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#define MM_TWIPS (1440.0 / 25.4)
#define PAGE_W 11906 /* A4 */
#define PAGE_H 16838
#define TOP ((int)(37 * MM_TWIPS + 0.5))
#define LEFT ((int)(28 * MM_TWIPS + 0.5))
#define BLOCK_W ((int)(156 * MM_TWIPS + 0.5))
#define BLOCK_H ((int)(225 * MM_TWIPS + 0.5))
#define RIGHT (PAGE_W - LEFT - BLOCK_W)
#define BOTTOM (PAGE_H - TOP - BLOCK_H)
#define PITCH (BLOCK_H / 22) /* 22 lines a page */
#define TABLE_SZ 21          /* 五号, in half points */
#define TABLE_EM (TABLE_SZ * 10)

static const char *const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
static const char *const R_NS =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/* The writer of one part, with short names for its calls. */
struct dx {
	xmlBufferPtr buf;
	xmlTextWriterPtr w;
};

static void dx_start(struct dx *x)
{
	x->buf = xmlBufferCreate();
	x->w = xmlNewTextWriterMemory(x->buf, 0);
	xmlTextWriterStartDocument(x->w, NULL, "UTF-8", "yes");
}

static void el(struct dx *x, const char *name)
{
	xmlTextWriterStartElement(x->w, BAD_CAST name);
}

static void end(struct dx *x)
{
	xmlTextWriterEndElement(x->w);
}

static void at(struct dx *x, const char *name, const char *value)
{
	xmlTextWriterWriteAttribute(x->w, BAD_CAST name, BAD_CAST value);
}

static void at_int(struct dx *x, const char *name, int value)
{
	xmlTextWriterWriteFormatAttribute(x->w, BAD_CAST name, "%d", value);
}

/* <name w:val="v"/> */
static void val(struct dx *x, const char *name, const char *v)
{
	el(x, name);
	at(x, "w:val", v);
	end(x);
}

static void val_int(struct dx *x, const char *name, int v)
{
	el(x, name);
	at_int(x, "w:val", v);
	end(x);
}

/* A run of text (spaces kept). */
static void run(struct dx *x, const char *text, const char *east_asian_font)
{
	el(x, "w:r");
	if (east_asian_font != NULL) {
		el(x, "w:rPr");
		el(x, "w:rFonts");
		at(x, "w:eastAsia", east_asian_font);
		end(x);
		end(x);
	}
	el(x, "w:t");
	at(x, "xml:space", "preserve");
	xmlTextWriterWriteString(x->w, BAD_CAST text);
	end(x);
	end(x);
}

/* A paragraph of a style, in one run. */
static void para(struct dx *x, const char *style, const char *text)
{
	el(x, "w:p");
	el(x, "w:pPr");
	val(x, "w:pStyle", style);
	end(x);
	run(x, text, NULL);
	end(x);
}

/* The part's text, added to the zip as name. 0 or -1. */
static int dx_add(zip_t *z, struct dx *x, const char *name)
{
	xmlTextWriterEndDocument(x->w);
	xmlFreeTextWriter(x->w);
	size_t n = (size_t)xmlBufferLength(x->buf);
	void *copy = malloc(n + 1);
	if (copy == NULL) {
		xmlBufferFree(x->buf);
		return -1;
	}
	memcpy(copy, xmlBufferContent(x->buf), n);
	xmlBufferFree(x->buf);
	zip_source_t *s = zip_source_buffer(z, copy, n, 1);
	if (s == NULL || zip_file_add(z, name, s, ZIP_FL_ENC_UTF_8 | ZIP_FL_OVERWRITE) < 0) {
		if (s != NULL)
			zip_source_free(s);
		else
			free(copy);
		return -1;
	}
	return 0;
}

/* ---- the package's fixed parts ---- */

static int docx_types(zip_t *z)
{
	static const char *const parts[][2] = {
	    {"/word/document.xml",
	     "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"},
	    {"/word/styles.xml",
	     "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"},
	    {"/word/settings.xml",
	     "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"},
	    {"/word/footer1.xml",
	     "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"},
	    {"/word/footer2.xml",
	     "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"},
	    {"/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml"}};
	struct dx x;
	dx_start(&x);
	el(&x, "Types");
	at(&x, "xmlns", "http://schemas.openxmlformats.org/package/2006/content-types");
	el(&x, "Default");
	at(&x, "Extension", "rels");
	at(&x, "ContentType", "application/vnd.openxmlformats-package.relationships+xml");
	end(&x);
	el(&x, "Default");
	at(&x, "Extension", "xml");
	at(&x, "ContentType", "application/xml");
	end(&x);
	for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		el(&x, "Override");
		at(&x, "PartName", parts[i][0]);
		at(&x, "ContentType", parts[i][1]);
		end(&x);
	}
	end(&x);
	return dx_add(z, &x, "[Content_Types].xml");
}

static void docx_rel(struct dx *x, const char *id, const char *type, const char *target)
{
	el(x, "Relationship");
	at(x, "Id", id);
	at(x, "Type", type);
	at(x, "Target", target);
	end(x);
}

static int docx_rels(zip_t *z)
{
	static const char *const rel_ns =
	    "http://schemas.openxmlformats.org/package/2006/relationships";
	static const char *const od = "http://schemas.openxmlformats.org/officeDocument/2006/"
				      "relationships/";
	struct dx x;
	dx_start(&x);
	el(&x, "Relationships");
	at(&x, "xmlns", rel_ns);
	char type[160];
	snprintf(type, sizeof type, "%sofficeDocument", od);
	docx_rel(&x, "rId1", type, "word/document.xml");
	docx_rel(&x, "rId2",
		 "http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
		 "core-properties",
		 "docProps/core.xml");
	end(&x);
	if (dx_add(z, &x, "_rels/.rels") < 0)
		return -1;
	dx_start(&x);
	el(&x, "Relationships");
	at(&x, "xmlns", rel_ns);
	static const char *const mine[][3] = {{"rIdStyles", "styles", "styles.xml"},
					      {"rIdSettings", "settings", "settings.xml"},
					      {"rIdOdd", "footer", "footer1.xml"},
					      {"rIdEven", "footer", "footer2.xml"}};
	for (size_t i = 0; i < sizeof mine / sizeof mine[0]; i++) {
		snprintf(type, sizeof type, "%s%s", od, mine[i][1]);
		docx_rel(&x, mine[i][0], type, mine[i][2]);
	}
	end(&x);
	return dx_add(z, &x, "word/_rels/document.xml.rels");
}

/* A style: its fonts (East Asian and Latin), size, alignment and the
 * first line's indent (two characters of the body, or none). */
static void docx_style(struct dx *x, const char *id, const char *name, const char *east_asian,
		       int half_points, const char *jc, int indent, int outline, int table)
{
	el(x, "w:style");
	at(x, "w:type", "paragraph");
	at(x, "w:styleId", id);
	if (strcmp(id, "Normal") == 0)
		at(x, "w:default", "1");
	val(x, "w:name", name);
	if (strcmp(id, "Normal") != 0)
		val(x, "w:basedOn", "Normal");
	val(x, "w:qFormat", "1");
	el(x, "w:pPr");
	if (table) /* a table's lines as close as their size, off the page's grid */
		val(x, "w:snapToGrid", "0");
	if (outline >= 0)
		val_int(x, "w:outlineLvl", outline);
	el(x, "w:spacing");
	at_int(x, "w:before", 0);
	at_int(x, "w:after", 0);
	at_int(x, "w:line", table ? 240 : PITCH);
	at(x, "w:lineRule", table ? "auto" : "exact");
	end(x);
	el(x, "w:ind");
	at_int(x, "w:firstLine", indent);
	end(x);
	val(x, "w:jc", jc);
	end(x);
	el(x, "w:rPr");
	el(x, "w:rFonts");
	at(x, "w:ascii", "Times New Roman");
	at(x, "w:hAnsi", "Times New Roman");
	at(x, "w:eastAsia", east_asian);
	end(x);
	val_int(x, "w:sz", half_points);
	val_int(x, "w:szCs", half_points);
	end(x);
	end(x);
}

static int docx_styles(zip_t *z)
{
	struct dx x;
	dx_start(&x);
	el(&x, "w:styles");
	at(&x, "xmlns:w", W_NS);
	int two = 2 * 16 * 20; /* two characters of 3号 */
	docx_style(&x, "Normal", "Normal", "仿宋_GB2312", 32, "both", two, -1, 0);
	docx_style(&x, "Title", "Title", "方正小标宋简体", 44, "center", 0, -1, 0);
	docx_style(&x, "Heading1", "heading 1", "黑体", 32, "both", two, 0, 0);
	docx_style(&x, "Heading2", "heading 2", "楷体_GB2312", 32, "both", two, 1, 0);
	docx_style(&x, "Signature", "Signature", "仿宋_GB2312", 32, "right", 0, -1, 0);
	docx_style(&x, "TableText", "Table Text", "仿宋_GB2312", TABLE_SZ, "left", 0, -1, 1);
	end(&x);
	return dx_add(z, &x, "word/styles.xml");
}

static int docx_settings(zip_t *z)
{
	struct dx x;
	dx_start(&x);
	el(&x, "w:settings");
	at(&x, "xmlns:w", W_NS);
	el(&x, "w:evenAndOddHeaders"); /* the page number right on odd pages, left on even */
	end(&x);
	end(&x);
	return dx_add(z, &x, "word/settings.xml");
}

/* — N — in 4号 宋体, a character in from the side. */
static int docx_footer(zip_t *z, const char *name, const char *jc)
{
	struct dx x;
	dx_start(&x);
	el(&x, "w:ftr");
	at(&x, "xmlns:w", W_NS);
	el(&x, "w:p");
	el(&x, "w:pPr");
	el(&x, "w:ind");
	at_int(&x, strcmp(jc, "right") == 0 ? "w:right" : "w:left", 280);
	at_int(&x, "w:firstLine", 0);
	end(&x);
	val(&x, "w:jc", jc);
	el(&x, "w:rPr");
	el(&x, "w:rFonts");
	at(&x, "w:eastAsia", "宋体");
	end(&x);
	val_int(&x, "w:sz", 28);
	end(&x);
	end(&x);
	run(&x, "— ", "宋体");
	el(&x, "w:fldSimple");
	at(&x, "w:instr", "PAGE");
	run(&x, "1", "宋体");
	end(&x);
	run(&x, " —", "宋体");
	end(&x);
	end(&x);
	return dx_add(z, &x, name);
}

static int docx_core(zip_t *z, const struct doc *d, const char *sha256)
{
	struct dx x;
	dx_start(&x);
	el(&x, "cp:coreProperties");
	at(&x, "xmlns:cp",
	   "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
	at(&x, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
	el(&x, "dc:title");
	xmlTextWriterWriteString(x.w, BAD_CAST d->title);
	end(&x);
	el(&x, "dc:creator");
	xmlTextWriterWriteString(x.w, BAD_CAST d->organ);
	end(&x);
	el(&x, "cp:keywords");
	xmlTextWriterWriteFormatString(x.w, "nianbao-sha256=%s", sha256 ? sha256 : "");
	end(&x);
	el(&x, "dc:description");
	xmlTextWriterWriteString(x.w, BAD_CAST "nianbao " PACKAGE_VERSION);
	end(&x);
	end(&x);
	return dx_add(z, &x, "docProps/core.xml");
}

/* ---- the document ---- */

/* Characters in a UTF-8 text (a CJK character counts two halves). */
static int docx_halves(const char *s)
{
	int n = 0;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if ((*p & 0xc0) != 0x80)
			n += *p >= 0x80 ? 2 : 1;
	return n;
}

/* Column widths, as the PDF sets them: a figure's column its widest
 * figure (two characters at least), a group's its label up to five
 * characters, the row labels their longest label; room to spare goes first
 * to the columns whose heading would be broken, then to the labels. */
static void docx_grid(const struct doc_table *t, int *w)
{
	int last = t->labels - 1, used = 0, longest = 0;
	int *want = calloc((size_t)t->cols + 1, sizeof *want);
	for (int c = 0; c < t->cols; c++)
		w[c] = c > last ? 2 * TABLE_EM + 200 : 0;
	for (int i = 0; i < t->ncells; i++) {
		const struct doc_cell *c = &t->cells[i];
		int need = docx_halves(c->text) * TABLE_EM / 2 + 200;
		if (c->kind == SPAN_ROW && c->c + c->cols == t->labels && need > longest)
			longest = need;
		if (c->cols != 1)
			continue;
		if (c->kind == SPAN_VALUE && need > w[c->c])
			w[c->c] = need;
		else if (c->kind == SPAN_COLUMN && c->c > last && need + TABLE_EM > want[c->c])
			want[c->c] = need + TABLE_EM;
		else if (c->kind == SPAN_GROUP && c->c < last) {
			need = need < 5 * TABLE_EM + 200 ? need : 5 * TABLE_EM + 200;
			w[c->c] = need > w[c->c] ? need : w[c->c];
		}
	}
	for (int c = 0; c < t->cols; c++)
		used += c == last ? 0 : w[c];
	int rest = BLOCK_W - used, spare = 0;
	if (last < 0)
		spare = rest;
	else if (rest > longest)
		spare = rest - longest, rest = longest;
	for (int c = last + 1; c < t->cols && spare > 0; c++)
		if (want[c] > w[c]) {
			int give = want[c] - w[c] < spare ? want[c] - w[c] : spare;
			w[c] += give;
			spare -= give;
		}
	if (last >= 0)
		w[last] = rest + spare > 6 * TABLE_EM ? rest + spare : 6 * TABLE_EM;
	else if (t->cols > 0)
		for (int c = 0; c < t->cols; c++)
			w[c] += spare / t->cols;
	free(want);
}

/* The cell covering row r at column c, or NULL. */
static const struct doc_cell *docx_at(const struct doc_table *t, int r, int c)
{
	for (int i = 0; i < t->ncells; i++) {
		const struct doc_cell *x = &t->cells[i];
		if (r >= x->r && r < x->r + x->rows && c >= x->c && c < x->c + x->cols)
			return x;
	}
	return NULL;
}

static void docx_table(struct dx *x, const struct doc_table *t)
{
	int *w = calloc((size_t)t->cols + 1, sizeof *w);
	docx_grid(t, w);
	el(x, "w:tbl");
	el(x, "w:tblPr");
	el(x, "w:tblW");
	at_int(x, "w:w", 0);
	at(x, "w:type", "auto");
	end(x);
	val(x, "w:jc", "center");
	el(x, "w:tblBorders");
	static const char *const sides[] = {"w:top",   "w:left",    "w:bottom",
					    "w:right", "w:insideH", "w:insideV"};
	for (int i = 0; i < 6; i++) {
		el(x, sides[i]);
		at(x, "w:val", "single");
		at_int(x, "w:sz", 4);
		at_int(x, "w:space", 0);
		at(x, "w:color", "000000");
		end(x);
	}
	end(x);
	val(x, "w:tblLayout", "fixed");
	end(x);
	el(x, "w:tblGrid");
	for (int c = 0; c < t->cols; c++) {
		el(x, "w:gridCol");
		at_int(x, "w:w", w[c]);
		end(x);
	}
	end(x);
	/* the rows above the first row of figures repeat on every page */
	int heads = 0;
	while (heads < t->rows && t->head_from[heads] < 0)
		heads++;
	for (int r = 0; r < t->rows; r++) {
		el(x, "w:tr");
		el(x, "w:trPr");
		el(x, "w:cantSplit");
		end(x);
		if (r < heads) {
			el(x, "w:tblHeader");
			end(x);
		}
		end(x);
		for (int c = 0; c < t->cols;) {
			const struct doc_cell *cell = docx_at(t, r, c);
			int span = cell ? cell->cols - (c - cell->c) : 1, width = 0;
			for (int k = c; k < c + span && k < t->cols; k++)
				width += w[k];
			el(x, "w:tc");
			el(x, "w:tcPr");
			el(x, "w:tcW");
			at_int(x, "w:w", width);
			at(x, "w:type", "dxa");
			end(x);
			if (span > 1)
				val_int(x, "w:gridSpan", span);
			if (cell != NULL && cell->rows > 1) {
				if (cell->r == r)
					val(x, "w:vMerge", "restart");
				else {
					el(x, "w:vMerge");
					end(x);
				}
			}
			int head =
			    cell && (cell->kind == SPAN_CORNER || cell->kind == SPAN_COLUMN ||
				     (cell->kind == SPAN_GROUP && cell->cols == t->cols));
			val(x, "w:vAlign", head ? "center" : "top");
			end(x);
			el(x, "w:p");
			el(x, "w:pPr");
			val(x, "w:pStyle", "TableText");
			val(x, "w:jc",
			    head                               ? "center"
			    : cell && cell->kind == SPAN_VALUE ? "right"
							       : "left");
			end(x);
			if (cell != NULL && cell->r == r && *cell->text)
				run(x, cell->text, head ? "黑体" : NULL);
			end(x);
			end(x);
			c += span > 0 ? span : 1;
		}
		end(x);
	}
	end(x);
	free(w);
}

/* A paragraph that begins with （一）…: the heading's words (to the
 * first 。) in 楷体, the rest as the body. */
static void docx_subheading(struct dx *x, const char *text)
{
	const char *stop = strstr(text, "。");
	size_t n = stop && stop - text <= 90 ? (size_t)(stop - text) + 3 : strlen(text);
	char *head = malloc(n + 1);
	if (head == NULL)
		return;
	memcpy(head, text, n);
	head[n] = '\0';
	el(x, "w:p");
	run(x, head, "楷体_GB2312");
	if (text[n])
		run(x, text + n, NULL);
	end(x);
	free(head);
}

static int docx_document(zip_t *z, const struct doc *d)
{
	struct dx x;
	dx_start(&x);
	el(&x, "w:document");
	at(&x, "xmlns:w", W_NS);
	at(&x, "xmlns:r", R_NS);
	el(&x, "w:body");
	for (int i = 0; i < d->n; i++) {
		const struct doc_item *it = &d->v[i];
		switch (it->kind) {
		case DOC_TITLE:
			para(&x, "Title", it->text);
			para(&x, "Title", "");
			break;
		case DOC_HEADING:
			para(&x, "Heading1", it->text);
			break;
		case DOC_SUBHEADING:
			docx_subheading(&x, it->text);
			break;
		case DOC_PARA:
		case DOC_NOTE:
			para(&x, "Normal", it->text);
			break;
		case DOC_TABLE:
			docx_table(&x, it->table);
			/* Word wants a paragraph after a table: a table's next
			 * block follows it, the rest after a blank line */
			para(&x, "TableText", "");
			break;
		case DOC_SIGNATURE:
		case DOC_DATE:
			if (i > 0 && d->v[i - 1].kind != DOC_SIGNATURE) {
				para(&x, "Normal", "");
				para(&x, "Normal", "");
			}
			el(&x, "w:p");
			el(&x, "w:pPr");
			val(&x, "w:pStyle", "Signature");
			el(&x, "w:ind");
			at_int(&x, "w:right", it->kind == DOC_DATE ? 4 * 320 : 2 * 320);
			end(&x);
			end(&x);
			run(&x, it->text, NULL);
			end(&x);
			break;
		}
	}
	el(&x, "w:sectPr");
	static const char *const kinds[][2] = {{"default", "rIdOdd"}, {"even", "rIdEven"}};
	for (int i = 0; i < 2; i++) {
		el(&x, "w:footerReference");
		at(&x, "w:type", kinds[i][0]);
		at(&x, "r:id", kinds[i][1]);
		end(&x);
	}
	el(&x, "w:pgSz");
	at_int(&x, "w:w", PAGE_W);
	at_int(&x, "w:h", PAGE_H);
	end(&x);
	el(&x, "w:pgMar");
	at_int(&x, "w:top", TOP);
	at_int(&x, "w:right", RIGHT);
	at_int(&x, "w:bottom", BOTTOM);
	at_int(&x, "w:left", LEFT);
	at_int(&x, "w:header", 851);
	at_int(&x, "w:footer", BOTTOM - (int)(7 * MM_TWIPS) - 280 * 2);
	at_int(&x, "w:gutter", 0);
	end(&x);
	el(&x, "w:docGrid");
	at(&x, "w:type", "linesAndChars");
	at_int(&x, "w:linePitch", PITCH);
	end(&x);
	end(&x);
	end(&x);
	end(&x);
	return dx_add(z, &x, "word/document.xml");
}

int docx_write(const struct doc *d, const char *sha256, FILE *out, const char **why)
{
	zip_error_t err;
	zip_error_init(&err);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &err);
	zip_t *z = src ? zip_open_from_source(src, ZIP_TRUNCATE, &err) : NULL;
	if (z == NULL) {
		*why = "cannot make a zip";
		if (src != NULL)
			zip_source_free(src);
		zip_error_fini(&err);
		return -1;
	}
	zip_source_keep(src); /* kept past zip_close: the package is read from it */
	int rc = docx_types(z) | docx_rels(z) | docx_styles(z) | docx_settings(z) |
		 docx_footer(z, "word/footer1.xml", "right") |
		 docx_footer(z, "word/footer2.xml", "left") | docx_core(z, d, sha256) |
		 docx_document(z, d);
	if (rc < 0 || zip_close(z) < 0) {
		*why = "cannot write the package";
		if (rc < 0)
			zip_discard(z);
		zip_source_free(src);
		zip_error_fini(&err);
		return -1;
	}
	zip_stat_t st;
	rc = -1;
	if (zip_source_open(src) == 0) {
		if (zip_source_stat(src, &st) == 0 && (st.valid & ZIP_STAT_SIZE)) {
			char chunk[65536];
			zip_int64_t k;
			rc = 0;
			while ((k = zip_source_read(src, chunk, sizeof chunk)) > 0)
				if (fwrite(chunk, 1, (size_t)k, out) != (size_t)k)
					rc = -1;
			if (k < 0)
				rc = -1;
		}
		zip_source_close(src);
	}
	zip_source_free(src);
	zip_error_fini(&err);
	if (rc < 0)
		*why = "cannot write the package";
	return rc;
}
