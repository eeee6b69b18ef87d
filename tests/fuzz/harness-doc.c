/* Fuzz harnesses of the document readers, which run in nianbao-read: a Word
 * file's bytes read as the page it shows (libzip, libxml2) and a PDF's as
 * the text its characters' places give (poppler); what they give is then
 * read and placed as the html and text harnesses read theirs. */
#include "fuzz.h"
#include "base/buf.h"
#include "doc/readdocx.h"
#include "doc/readpdf.h"

int fuzz_docx(const uint8_t *data, size_t size)
{
	struct buf page;
	buf_init(&page);
	const char *why = NULL;
	if (readdocx_bytes((const char *)data, size, &page, &why) == 0)
		fuzz_html((const uint8_t *)page.data, page.len);
	buf_free(&page);
	return 0;
}

int fuzz_pdf(const uint8_t *data, size_t size)
{
	struct buf text;
	buf_init(&text);
	const char *why = NULL;
	int pages = 0;
	if (readpdf_bytes((const char *)data, size, &text, &why, &pages) == 0)
		fuzz_text((const uint8_t *)text.data, text.len);
	buf_free(&text);
	return 0;
}
