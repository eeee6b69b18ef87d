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

/* A document nianbao-read read: its path, its status (0 read, 2 not) and
 * its page, text or reason ("FILE: why"). */
struct cli_read {
	char *path;
	int status;
	struct buf out;
};

/* Documents read in one run (cli_published_prefetch), each taken once. */
static struct {
	struct cli_read *v;
	int n;
} cli_pre;

static void cli_reads_free(struct cli_read *v, int n)
{
	for (int i = 0; i < n; i++) {
		free(v[i].path);
		buf_free(&v[i].out);
	}
	free(v);
}

/* files[0..n) read by one run of nianbao-read (--each: a header line and
 * the bytes of each) into *v; how many it gave (fewer when it stopped);
 * -1 when it is not installed (prog, to free, says where it was sought),
 * with said its first word on standard error when it failed. */
static int cli_read_run(enum cli_pub kind, char *const *files, int n, struct cli_read **v,
			char **prog, char *said, size_t saidn)
{
	*v = NULL;
	*prog = docfile_helper("nianbao-read");
	if (access(*prog, X_OK) != 0)
		return -1;
	char **argv = xcalloc((size_t)n + 4, sizeof *argv);
	argv[0] = "nianbao-read";
	argv[1] = kind == CLI_PUB_DOCX ? "docx" : "pdf";
	argv[2] = "--each";
	for (int i = 0; i < n; i++)
		argv[3 + i] = files[i];
	struct buf all;
	buf_init(&all);
	size_t limit = (size_t)n * CLI_PUBLISHED_MAX;
	int st =
	    child_output(*prog, argv, &all, limit < (1u << 30) ? limit : 1u << 30, said, saidn);
	free(argv);
	/* what it gave, document by document */
	int got = 0;
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
		*v = xgrow(*v, (size_t)got, sizeof **v);
		struct cli_read *r = &(*v)[got++];
		r->path = xstrdup(files[i]);
		r->status = status;
		buf_init(&r->out);
		buf_add(&r->out, p, len);
		p += len;
	}
	buf_free(&all);
	return got;
}

void cli_published_prefetch_free(void)
{
	cli_reads_free(cli_pre.v, cli_pre.n);
	memset(&cli_pre, 0, sizeof cli_pre);
}

void cli_published_prefetch(enum cli_pub kind, char *const *files, int n)
{
	cli_published_prefetch_free();
	if ((kind != CLI_PUB_DOCX && kind != CLI_PUB_PDF) || n < 2)
		return;
	char *prog, said[256] = "";
	/* anything amiss and each is read alone, as without this */
	int got = cli_read_run(kind, files, n, &cli_pre.v, &prog, said, sizeof said);
	cli_pre.n = got > 0 ? got : 0;
	free(prog);
}

/* The read document r (taken) into page; 0, or -1 after its reason. */
static int cli_read_take(struct cli_read *r, const char *path, struct buf *page, struct diags *d)
{
	free(r->path);
	r->path = NULL;
	if (r->status != 0) {
		/* "FILE: why": the why, the file named here */
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

/* A Word file's page or a PDF's text, as nianbao-read reads it, into page
 * (read already by a prefetch, or now); 0, or -1 after a diagnostic. */
static int cli_doc_read(const char *path, enum cli_pub kind, struct buf *page, struct diags *d)
{
	for (int i = 0; i < cli_pre.n; i++)
		if (cli_pre.v[i].path != NULL && strcmp(cli_pre.v[i].path, path) == 0)
			return cli_read_take(&cli_pre.v[i], path, page, d);
	struct cli_read *v;
	char *prog, said[512] = "";
	char *one[] = {(char *)path};
	int got = cli_read_run(kind, one, 1, &v, &prog, said, sizeof said);
	int rc;
	if (got < 0) {
		diags_add(
		    d, DIAG_ERROR, path, 0, 0,
		    "a Word file or a PDF is read by nianbao-read, which is not installed (%s)",
		    prog);
		rc = -1;
	} else if (got == 0) {
		diags_add(d, DIAG_ERROR, path, 0, 0, "%s",
			  *said ? said : "nianbao-read could not read it");
		rc = -1;
	} else {
		rc = cli_read_take(&v[0], path, page, d);
	}
	cli_reads_free(v, got > 0 ? got : 0);
	free(prog);
	return rc;
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
		ok = cli_doc_read(path, kind, &page, d);
		if (ok == 0) {
			const char *p = page.data ? page.data : "";
			ok = kind == CLI_PUB_DOCX ? import_read_html(path, p, page.len, &doc, d)
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
	static int tty = -1; /* asked once, not for every file */
	if (tty < 0)
		tty = isatty(2);
	if (!tty || total < 2)
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
