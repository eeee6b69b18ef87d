/* nianbao-doc: the documents an office files, made in a program of their
 * own so that cairo, pango and libzip are loaded only when one is asked
 * for (nianbao render --pdf and --docx run it; nothing else does).
 *
 *   nianbao-doc pdf [--font-ROLE FAMILIES]... FILE
 *   nianbao-doc docx FILE
 *
 * writes the report FILE as a PDF (the fonts it used said on standard
 * error) or a Word file to standard output; exit 0, or 2 with a message
 * when FILE cannot be read. */
#include "config.h"

#include "base/diag.h"
#include "base/i18n.h"
#include "base/text.h"
#include "doc/docx.h"
#include "doc/pdf.h"
#include "engine/engine.h"
#include "model/form.h"
#include "model/formpath.h"
#include "model/linked.h"
#include "model/report.h"
#include "output/doc.h"

#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const doc_roles[PDF_NROLES] = {"title", "body", "heading", "kai", "folio"};

static int doc_usage(void)
{
	fprintf(stderr, _("usage: nianbao-doc pdf [--font-ROLE FAMILIES]... FILE\n"
			  "       nianbao-doc docx FILE\n"));
	return 2;
}

int main(int argc, char **argv)
{
	/* UTF-8 characters, as nianbao reads them, whatever locale is missing */
	i18n_init(PACKAGE, LOCALEDIR);
	if (argc < 2 || (strcmp(argv[1], "pdf") != 0 && strcmp(argv[1], "docx") != 0))
		return doc_usage();
	int docx = strcmp(argv[1], "docx") == 0;
	static const struct option opts[] = {
	    {"font-title", required_argument, NULL, 0},   {"font-body", required_argument, NULL, 1},
	    {"font-heading", required_argument, NULL, 2}, {"font-kai", required_argument, NULL, 3},
	    {"font-folio", required_argument, NULL, 4},   {NULL, 0, NULL, 0}};
	struct pdf_opts o = {{NULL}, NULL, NULL};
	int c;
	optind = 2;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c < 0 || c >= PDF_NROLES || docx)
			return doc_usage();
		o.fonts[c] = optarg;
	}
	if (optind != argc - 1)
		return doc_usage();
	const char *path = argv[optind];
	struct diags d;
	diags_init(&d);
	struct formpath_cache cache = {NULL, 0};
	char sha[65];
	struct report *r = report_load_hashed(path, &cache, sha, &d);
	if (r == NULL) {
		diags_print(&d, stderr);
		diags_free(&d);
		formpath_cache_free(&cache);
		return 2;
	}
	diags_free(&d);
	struct engine *e = engine_new(r);
	char *why_prev = NULL;
	struct report *prev = linked_previous(r, &why_prev);
	free(why_prev);
	engine_previous(e, prev);
	struct doc doc;
	doc_build(e, &doc);
	o.sha256 = sha;
	o.form = r->form->id;
	char *used[PDF_NROLES] = {NULL};
	const char *why = NULL;
	int rc =
	    docx ? docx_write(&doc, sha, stdout, &why) : pdf_write(&doc, &o, stdout, used, &why);
	if (rc < 0 || fflush(stdout) != 0) {
		fprintf(stderr,
			docx ? _("nianbao-doc: cannot write the Word file: %s\n")
			     : _("nianbao-doc: cannot write the PDF: %s\n"),
			why ? why : _("the output failed"));
		rc = -1;
	} else if (!docx) {
		/* which font each role came out in: the office's own, or the
		 * free ones that stood in */
		fprintf(stderr, _("fonts:"));
		for (int i = 0; i < PDF_NROLES; i++)
			fprintf(stderr, " %s=%s%s", doc_roles[i], used[i][0] ? used[i] : "?",
				i + 1 < PDF_NROLES ? "," : "\n");
	}
	for (int i = 0; i < PDF_NROLES; i++)
		free(used[i]);
	doc_free(&doc);
	engine_free(e);
	report_free(prev);
	report_free(r);
	formpath_cache_free(&cache);
	return rc < 0 ? 2 : 0;
}
