/* nianbao-read: documents read back for import --docx and --pdf, in a
 * program of its own so that libzip and poppler are loaded only when a
 * document is read (and not cairo and pango, which nianbao-doc loads to
 * draw them):
 *
 *   nianbao-read docx FILE    the Word file as the web page it shows
 *   nianbao-read pdf FILE     the PDF as the text its characters' places give
 *
 * on standard output; exit 0, or 2 with "FILE: why" on standard error.
 *
 *   nianbao-read docx|pdf --each FILE...
 *
 * reads many in one run (check of a province's documents pays the start-up
 * once): for each FILE a line "nianbao-read STATUS LENGTH" and LENGTH bytes,
 * its page or text (STATUS 0) or what is wrong with it (STATUS 2). */
#include "config.h"

#include "base/buf.h"
#include "base/i18n.h"
#include "doc/readdocx.h"
#include "doc/readpdf.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The document at path read into out; 0, or 2 with why said into out. */
static int read_one(int pdf, const char *path, struct buf *out)
{
	const char *why = NULL;
	int pages = 0;
	int rc = pdf ? readpdf(path, out, &why, &pages) : readdocx(path, out, &why);
	if (rc == 0)
		return 0;
	out->len = 0;
	if (out->data)
		out->data[0] = '\0';
	/* "FILE: why", the separator not translated: nianbao takes the why */
	buf_printf(out, "%s: ", path);
	if (rc == -2)
		buf_printf(out, ngettext("%s; %d page", "%s; %d pages", pages), why, pages);
	else
		buf_puts(out, why);
	return 2;
}

int main(int argc, char **argv)
{
	/* UTF-8 characters, as nianbao reads them, whatever locale is missing */
	i18n_init(PACKAGE, LOCALEDIR);
	if (argc < 3 || (strcmp(argv[1], "docx") != 0 && strcmp(argv[1], "pdf") != 0) ||
	    (argc > 3 && strcmp(argv[2], "--each") != 0)) {
		fprintf(stderr, _("usage: nianbao-read docx|pdf FILE\n"
				  "       nianbao-read docx|pdf --each FILE...\n"));
		return 2;
	}
	int pdf = strcmp(argv[1], "pdf") == 0;
	if (strcmp(argv[2], "--each") == 0) {
		for (int i = 3; i < argc; i++) {
			struct buf out;
			buf_init(&out);
			int st = read_one(pdf, argv[i], &out);
			printf("nianbao-read %d %zu\n", st, out.len);
			fwrite(out.data ? out.data : "", 1, out.len, stdout);
			buf_free(&out);
		}
		return fflush(stdout) == 0 ? 0 : 2;
	}
	const char *path = argv[2];
	struct buf out;
	buf_init(&out);
	int rc = read_one(pdf, path, &out);
	if (rc == 0 && (fwrite(out.data, 1, out.len, stdout) != out.len || fflush(stdout) != 0)) {
		out.len = 0;
		buf_printf(&out, "%s: %s", path, _("the output failed"));
		rc = 2;
	}
	if (rc != 0)
		fprintf(stderr, "%s\n", out.data);
	buf_free(&out);
	return rc;
}
