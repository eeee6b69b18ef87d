/* import --text and check --text: published reports read back. A view
 * like the rest of the command line: the reading is import.c's. */
#include "cli/cliimport.h"
#include "base/i18n.h"
#include "base/buf.h"
#include "base/diag.h"
#include "model/form.h"
#include "model/formpath.h"
#include "import/import.h"
#include "model/report.h"
#include "base/text.h"
#include "base/child.h"
#include "base/sha256.h"
#include "output/docfile.h"
#include "base/xmalloc.h"

#include <errno.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

#define CLI_PUBLISHED_MAX (64u << 20)

/* Documents nianbao-read read in one run (cli_published_prefetch): each
 * path, its status (0 read, 2 not) and its page, text or reason. */
static struct {
	struct cli_read {
		char *path;
		int status;
		struct buf out;
	} * v;
	int n;
} cli_pre;

void cli_published_prefetch_free(void)
{
	for (int i = 0; i < cli_pre.n; i++) {
		free(cli_pre.v[i].path);
		buf_free(&cli_pre.v[i].out);
	}
	free(cli_pre.v);
	memset(&cli_pre, 0, sizeof cli_pre);
}

void cli_published_prefetch(enum cli_pub kind, char *const *files, int n)
{
	cli_published_prefetch_free();
	if ((kind != CLI_PUB_DOCX && kind != CLI_PUB_PDF) || n < 2)
		return;
	char *prog = docfile_helper("nianbao-read");
	char **argv = xcalloc((size_t)n + 4, sizeof *argv);
	argv[0] = "nianbao-read";
	argv[1] = kind == CLI_PUB_DOCX ? "docx" : "pdf";
	argv[2] = "--each";
	for (int i = 0; i < n; i++)
		argv[3 + i] = files[i];
	struct buf all;
	buf_init(&all);
	char said[256] = "";
	size_t limit = (size_t)n * CLI_PUBLISHED_MAX;
	int st = access(prog, X_OK) == 0
		     ? child_output(prog, argv, &all, limit < (1u << 30) ? limit : 1u << 30, said,
				    sizeof said)
		     : -1;
	free(prog);
	free(argv);
	/* what it gave, document by document; anything amiss and each is read
	 * alone, as without this */
	const char *p = all.data, *end = all.data + all.len;
	for (int i = 0; st == 0 && i < n && p < end; i++) {
		int status;
		size_t len;
		/* the header is one line: what follows it is the document's own
		 * (a PDF's text begins with spaces that scanf would take) */
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (nl == NULL || sscanf(p, "nianbao-read %d %zu", &status, &len) != 2 ||
		    len > (size_t)(end - nl - 1))
			break;
		p = nl + 1;
		cli_pre.v = xgrow(cli_pre.v, (size_t)cli_pre.n, sizeof *cli_pre.v);
		struct cli_read *r = &cli_pre.v[cli_pre.n++];
		r->path = xstrdup(files[i]);
		r->status = status;
		buf_init(&r->out);
		buf_add(&r->out, p, len);
		p += len;
	}
	buf_free(&all);
}

/* A Word file's page or a PDF's text, as nianbao-read reads it (how:
 * docx, pdf), into page; 0, or -1 after a diagnostic. */
static int cli_doc_read(const char *path, const char *how, struct buf *page, struct diags *d)
{
	for (int i = 0; i < cli_pre.n; i++) {
		struct cli_read *r = &cli_pre.v[i];
		if (r->path == NULL || strcmp(r->path, path) != 0)
			continue;
		free(r->path);
		r->path = NULL; /* taken */
		if (r->status != 0) {
			size_t n = strlen(path);
			const char *s = r->out.data ? r->out.data : "";
			diags_add(d, DIAG_ERROR, path, 0, 0, "%s",
				  strncmp(s, path, n) == 0 && s[n] == ':' ? s + n + 2 : s);
			return -1;
		}
		buf_add(page, r->out.data ? r->out.data : "", r->out.len);
		buf_free(&r->out);
		return 0;
	}
	char *prog = docfile_helper("nianbao-read");
	if (access(prog, X_OK) != 0) {
		diags_add(
		    d, DIAG_ERROR, path, 0, 0,
		    "a Word file or a PDF is read by nianbao-read, which is not installed (%s)",
		    prog);
		free(prog);
		return -1;
	}
	char *argv[] = {"nianbao-read", (char *)how, (char *)path, NULL};
	char said[512] = "";
	int st = child_output(prog, argv, page, CLI_PUBLISHED_MAX, said, sizeof said);
	free(prog);
	if (st != 0) {
		/* nianbao-read says "FILE: why": the why, the file named here */
		size_t n = strlen(path);
		const char *why =
		    strncmp(said, path, n) == 0 && said[n] == ':' ? said + n + 2 : said;
		diags_add(d, DIAG_ERROR, path, 0, 0, "%s",
			  *why ? why : "nianbao-read could not read it");
		return -1;
	}
	return 0;
}

struct report *cli_published(const char *path, enum cli_pub kind, const struct import_opts *o,
			     struct import_forms *forms, struct buf *notes, struct diags *d)
{
	/* the report records the file it was read from, and holds no control
	 * or invisible character: such a name is refused before reading */
	size_t bad;
	const char *why;
	if (text_check(path, TEXT_LINE, &bad, &why) < 0) {
		diags_add(d, DIAG_ERROR, path, 0, 0,
			  "cannot be read back: its name %s, and a report records the file it "
			  "was read from (rename it)",
			  why);
		return NULL;
	}
	struct buf b;
	buf_init(&b);
	int rc = buf_read_file(&b, path, CLI_PUBLISHED_MAX);
	if (rc < 0) {
		diags_add(d, DIAG_ERROR, path, 0, 0, "%s",
			  rc == -2 ? "larger than 64 MB: not a published report" : strerror(errno));
		buf_free(&b);
		return NULL;
	}
	struct idoc doc;
	int ok;
	if (kind == CLI_PUB_DOCX || kind == CLI_PUB_PDF) {
		/* read as the page or the text nianbao-read makes of it; the
		 * source is the file itself, by its own hash */
		struct buf page;
		buf_init(&page);
		int docx = kind == CLI_PUB_DOCX;
		ok = cli_doc_read(path, docx ? "docx" : "pdf", &page, d);
		if (ok == 0) {
			const char *p = page.data ? page.data : "";
			ok = docx ? import_read_html(path, p, page.len, &doc, d)
				  : import_read_text(path, p, page.len, &doc, d);
			sha256_hex(b.data ? b.data : "", b.len, doc.sha256);
		} else {
			memset(&doc, 0, sizeof doc);
		}
		buf_free(&page);
	} else {
		ok = kind == CLI_PUB_HTML
			 ? import_read_html(path, b.data ? b.data : "", b.len, &doc, d)
			 : import_read_text(path, b.data ? b.data : "", b.len, &doc, d);
	}
	buf_free(&b);
	if (ok < 0) {
		idoc_free(&doc);
		return NULL;
	}
	/* the report as read, checked or saved as it is: written and loaded
	 * back it is the same report, byte for byte (the fuzz harnesses hold
	 * import to that) */
	struct report *r = import_doc(&doc, forms, o, notes, d);
	idoc_free(&doc);
	return r;
}

struct import_forms *cli_published_forms(struct diags *d)
{
	struct form **all = NULL;
	int n = formpath_all(&all, d);
	if (n == 0) {
		free(all);
		return NULL;
	}
	return import_forms_new(all, n, 1);
}

void cli_progress(int done, int total, const struct timespec *t0)
{
	if (!isatty(2) || total < 2)
		return;
	struct timespec now;
	clock_gettime(CLOCK_MONOTONIC, &now);
	double s = (double)(now.tv_sec - t0->tv_sec) + (double)(now.tv_nsec - t0->tv_nsec) / 1e9;
	double rate = s > 0 ? done / s : 0;
	fputc('\r', stderr);
	if (done < total)
		fprintf(stderr, _("%d of %d files, %.1f a second, %.0f s left "), done, total, rate,
			rate > 0 ? (total - done) / rate : 0);
	else
		fprintf(stderr, _("%d files in %.1f s%30s\n"), total, s, "");
}
