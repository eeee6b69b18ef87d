/* nianbao-read: documents read back for import --docx and --pdf, in a
 * program of its own so that libzip and poppler are loaded only when a
 * document is read (and not cairo and pango, which nianbao-doc loads to
 * draw them):
 *
 *   nianbao-read docx FILE    the Word file as the web page it shows
 *   nianbao-read pdf FILE     the PDF as the text its characters' places give
 *
 * on standard output; exit 0, or 2 with "FILE: why" on standard error. */
#include "config.h"

#include "base/buf.h"
#include "base/i18n.h"
#include "doc/readdocx.h"
#include "doc/readpdf.h"

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	const char *dir = getenv("NIANBAO_LOCALEDIR");
	bindtextdomain(PACKAGE, dir && *dir ? dir : LOCALEDIR);
	textdomain(PACKAGE);
	if (argc != 3 || (strcmp(argv[1], "docx") != 0 && strcmp(argv[1], "pdf") != 0)) {
		fprintf(stderr, _("usage: nianbao-read docx|pdf FILE\n"));
		return 2;
	}
	const char *path = argv[2];
	struct buf out;
	buf_init(&out);
	const char *why = NULL;
	int pages = 0;
	int rc = strcmp(argv[1], "pdf") == 0 ? readpdf(path, &out, &why, &pages)
					     : readdocx(path, &out, &why);
	if (rc == 0 && (fwrite(out.data, 1, out.len, stdout) != out.len || fflush(stdout) != 0)) {
		why = _("the output failed");
		rc = -1;
	}
	if (rc == -2)
		fprintf(stderr, ngettext("%s: %s; %d page\n", "%s: %s; %d pages\n", pages), path,
			why, pages);
	else if (rc < 0)
		fprintf(stderr, "%s: %s\n", path, why);
	buf_free(&out);
	return rc < 0 ? 2 : 0;
}
