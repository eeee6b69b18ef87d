/* nianbao render and nianbao export: what is written from a report, and the
 * one rule for where it may go (-o). */
#include "cli/cli.h"
#include "base/i18n.h"
#include "cli/cliint.h"
#include "base/buf.h"
#include "output/csv.h"
#include "output/docfile.h"
#include "engine/engine.h"
#include "output/html.h"
#include "output/page.h"
#include "output/render.h"
#include "model/report.h"
#include "model/form.h"
#include "base/savefile.h"
#include "base/text.h"
#include "output/xlsx.h"
#include "model/yamlio.h"
#include "model/linked.h"
#include "base/xmalloc.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <errno.h>
#include <unistd.h>

struct engine *cli_open(const char *path)
{
	struct diags d;
	diags_init(&d);
	struct report *r = report_load(path, NULL, &d);
	if (r == NULL) {
		cli_fail(&d);
		return NULL;
	}
	diags_free(&d);
	struct engine *e = engine_new(r);
	/* last year's report, when it names one and it can be read: the counts
	 * (a footer's) are then those check and the screen give */
	char *why;
	engine_previous(e, linked_previous(r, &why));
	free(why);
	return e;
}

void cli_close(struct engine *e)
{
	struct report *r = engine_report(e);
	report_free((struct report *)engine_previous_report(e));
	engine_free(e);
	report_free(r);
}

/* The first line of s that is not blank, without its leading spaces. */
static size_t cli_first_line(const char *s, size_t n, const char **start)
{
	size_t i = 0;
	while (i < n && (s[i] == '\n' || s[i] == '\r' || s[i] == ' ' || s[i] == '\f'))
		i++;
	size_t e = i;
	while (e < n && s[e] != '\n' && s[e] != '\r')
		e++;
	*start = s + i;
	return e - i;
}

/* What is at path: 2 a report (it names its form first), 1 what this
 * command writes (the same first line as text, when given: the title of a
 * rendering, the header of a CSV), 0 anything else. A file larger than a
 * report can be is none. */
static int cli_kind_there(const char *path, const struct buf *text)
{
	struct buf old;
	buf_init(&old);
	int rc = 0;
	if (buf_read_file(&old, path, YAMLIO_MAX_BYTES) == 0 && old.len > 0) {
		const char *a, *b;
		size_t na = cli_first_line(old.data, old.len, &a);
		if (old.len >= 5 &&
		    (strncmp(old.data, "form:", 5) == 0 || strstr(old.data, "\nform:")))
			rc = 2;
		else if (text != NULL && na == cli_first_line(text->data, text->len, &b) &&
			 memcmp(a, b, na) == 0)
			rc = 1;
	}
	buf_free(&old);
	return rc;
}

/* Where an output goes. */
enum cli_to {
	CLI_TO_NOWHERE, /* refused, and said why */
	CLI_TO_STDOUT,  /* no -o, or -o - */
	CLI_TO_DEVICE,  /* written in place: a device, a FIFO, /dev/stdout (/dev/null stays one) */
	CLI_TO_FILE     /* a regular file, new or replaced, written atomically */
};

/* Where out goes, by the rules every output follows: into a device or a
 * FIFO in place; never over a report; over a regular file of another kind
 * only with force. kind(path, arg) tells what a regular file there is: 2 a
 * report, 1 what this command writes (replaced freely), 3 what it writes
 * but only with force (a workbook), 0 anything else. */
static enum cli_to cli_where(const char *out, int force, int (*kind)(const char *, const void *),
			     const void *arg)
{
	if (out == NULL || strcmp(out, "-") == 0)
		return CLI_TO_STDOUT;
	struct stat st;
	/* /dev/stdout and the like name a descriptor already open: into it */
	int fdname = strcmp(out, "/dev/stdout") == 0 || strcmp(out, "/dev/stderr") == 0 ||
		     strncmp(out, "/dev/fd/", 8) == 0 || strncmp(out, "/proc/self/fd/", 14) == 0;
	if (stat(out, &st) != 0)
		return CLI_TO_FILE;
	if (S_ISDIR(st.st_mode)) {
		fprintf(stderr, _("nianbao: cannot write %s: it is a folder\n"), text_name(out));
		return CLI_TO_NOWHERE;
	}
	if (!S_ISREG(st.st_mode) || fdname)
		return CLI_TO_DEVICE;
	int k = st.st_size > 0 ? kind(out, arg) : 1;
	if (k == 2) {
		fprintf(stderr,
			_("nianbao: %s is a report: a rendering or an export never replaces it\n"),
			text_name(out));
		return CLI_TO_NOWHERE;
	}
	if (k == 3 && !force) {
		fprintf(stderr, _("nianbao: %s already exists (use --force to replace it)\n"),
			text_name(out));
		return CLI_TO_NOWHERE;
	}
	if (k == 0 && !force) {
		fprintf(stderr,
			_("nianbao: %s exists and is not what this command writes (use --force to "
			  "replace it)\n"),
			text_name(out));
		return CLI_TO_NOWHERE;
	}
	return CLI_TO_FILE;
}

/* Writes data into the device or FIFO at out, in place. */
static int cli_write_device(const char *out, const char *data, size_t len)
{
	int fd = open(out, O_WRONLY | O_NOCTTY | O_CLOEXEC);
	if (fd < 0) {
		fprintf(stderr, _("nianbao: cannot write %s: %s\n"), text_name(out),
			strerror(errno));
		return CLI_UNUSABLE;
	}
	size_t off = 0;
	while (off < len) {
		ssize_t w = write(fd, data + off, len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			break;
		off += (size_t)w;
	}
	int ok = close(fd) == 0 && off == len;
	if (!ok)
		fprintf(stderr, _("nianbao: cannot write %s\n"), text_name(out));
	return ok ? CLI_OK : CLI_UNUSABLE;
}

static int cli_text_kind(const char *path, const void *text)
{
	return cli_kind_there(path, text);
}

/* Writes data where cli_where said out goes: standard output, a device
 * or FIFO in place, or a regular file atomically. */
static int cli_put(enum cli_to to, const char *out, const char *data, size_t len)
{
	switch (to) {
	case CLI_TO_NOWHERE:
		return CLI_UNUSABLE;
	case CLI_TO_STDOUT:
		fwrite(data, 1, len, stdout);
		return fflush(stdout) == 0 ? CLI_OK : CLI_UNUSABLE;
	case CLI_TO_DEVICE:
		return cli_write_device(out, data, len);
	case CLI_TO_FILE:
		break;
	}
	struct diags d;
	diags_init(&d);
	if (savefile_write(out, data, len, &d) < 0)
		return cli_fail(&d);
	diags_free(&d);
	return CLI_OK;
}

/* Writes text to out (see cli_where). */
static int cli_emit(const char *out, const struct buf *text, int force)
{
	return cli_put(cli_where(out, force, cli_text_kind, text), out, text->data, text->len);
}

/* A whole number from min to max, the whole argument; 0 or -1. */
static int cli_number(const char *arg, int min, int max, int *out)
{
	char *end;
	long v = strtol(arg, &end, 10);
	if (*arg == '\0' || *end != '\0' || v < min || v > max)
		return -1;
	*out = (int)v;
	return 0;
}

/* What a regular file at path is to render --pdf or --docx (magic, the
 * first bytes of what it writes): a report (2), never replaced; a file of
 * the kind written (1), replaced; anything else (0), only with --force. */
static int cli_doc_kind(const char *path, const void *magic)
{
	int k = cli_kind_there(path, NULL);
	if (k == 2)
		return 2;
	char head[5] = {0};
	FILE *f = fopen(path, "rb");
	if (f != NULL) {
		if (fread(head, 1, sizeof head, f) != sizeof head)
			head[0] = '\0';
		fclose(f);
	}
	return memcmp(head, magic, strlen(magic)) == 0 ? 1 : 0;
}

/* render --pdf and --docx: nianbao-doc draws the report (cairo, pango and
 * libzip are loaded in it, never here); the document goes where out says,
 * by the rules of every output: beside the report (its name with .pdf or
 * .docx) when none is given. */
static int cli_render_doc(const char *file, const char *out, int force, char **fonts, int docx)
{
	enum docfile_kind k = docx ? DOCFILE_DOCX : DOCFILE_PDF;
	char *beside = out == NULL ? docfile_beside(file, k) : NULL;
	if (out == NULL)
		out = beside;
	enum cli_to to = cli_where(out, force, cli_doc_kind, docfile_magic(k));
	if (to == CLI_TO_NOWHERE) {
		free(beside);
		return CLI_UNUSABLE;
	}
	struct buf doc;
	buf_init(&doc);
	int st = docfile_make(file, k, fonts, &doc, NULL, 0);
	int rc = CLI_OK;
	if (st == -2) {
		char *prog = docfile_program();
		fprintf(stderr,
			_("nianbao render: cannot make a PDF or a Word file: %s is not there (it "
			  "is built with cairo, pango and libzip: apt-get install libcairo2-dev "
			  "libpango1.0-dev libzip-dev)\n"),
			text_name(prog));
		free(prog);
		rc = CLI_UNUSABLE;
	} else if (st < 0) {
		/* nianbao-doc said why (the report's own message) */
		fprintf(stderr,
			docx ? _("nianbao render: no Word file made of %s\n")
			     : _("nianbao render: no PDF made of %s\n"),
			text_name(file));
		rc = CLI_UNUSABLE;
	} else {
		rc = cli_put(to, out, doc.data, doc.len);
		if (rc == CLI_OK && to == CLI_TO_FILE)
			fprintf(stderr, _("nianbao render: %s written\n"), text_name(out));
	}
	buf_free(&doc);
	free(beside);
	return rc;
}

int cli_render(int argc, char **argv)
{
	static const struct option opts[] = {{"output", required_argument, NULL, 'o'},
					     {"width", required_argument, NULL, 'w'},
					     {"ascii", no_argument, NULL, 'a'},
					     {"wide-ambiguous", no_argument, NULL, 'W'},
					     {"mark", no_argument, NULL, 'm'},
					     {"page-lines", required_argument, NULL, 'p'},
					     {"footer", no_argument, NULL, 'f'},
					     {"encoding", required_argument, NULL, 'e'},
					     {"force", no_argument, NULL, 'F'},
					     {"previous", no_argument, NULL, 'P'},
					     {"html", no_argument, NULL, 'H'},
					     {"pdf", no_argument, NULL, 'D'},
					     {"docx", no_argument, NULL, 'X'},
					     {"font-title", required_argument, NULL, 0x100},
					     {"font-body", required_argument, NULL, 0x101},
					     {"font-heading", required_argument, NULL, 0x102},
					     {"font-kai", required_argument, NULL, 0x103},
					     {"font-folio", required_argument, NULL, 0x104},
					     {NULL, 0, NULL, 0}};
	char *fonts[5] = {NULL};
	int pdf = 0, docx = 0, font_given = 0;
	struct render_opts ro = render_defaults();
	const char *out = NULL;
	int c, force = 0, previous = 0, html = 0, text_only = 0;
	while ((c = getopt_long(argc, argv, "o:w:", opts, NULL)) != -1) {
		if (c == 'F') {
			force = 1;
			continue;
		}
		if (c >= 0x100 && c <= 0x104) {
			fonts[c - 0x100] = optarg;
			font_given = 1;
			continue;
		}
		switch (c) {
		case 'o':
			out = optarg;
			break;
		case 'w':
			if (cli_number(optarg, LAYOUT_MIN_WIDTH, 1000, &ro.width) < 0)
				return cli_bad_usage("render",
						     _("--width takes a number from 40 to 1000"));
			break;
		case 'a':
			ro.ascii = 1;
			break;
		case 'W':
			ro.wide_ambiguous = 1;
			break;
		case 'm':
			ro.mark = 1;
			break;
		case 'p':
			if (cli_number(optarg, PAGE_MIN_LINES, 100000, &ro.page_lines) < 0)
				return cli_bad_usage(
				    "render", _("--page-lines takes a number from 20 to 100000"));
			break;
		case 'f':
			ro.footer = 1;
			break;
		case 'e':
			ro.encoding = optarg;
			break;
		case 'P':
			previous = 1;
			break;
		case 'H':
			html = 1;
			break;
		case 'D':
			pdf = 1;
			break;
		case 'X':
			docx = 1;
			break;
		default:
			return cli_bad_usage("render", _("unknown option"));
		}
		text_only |= c != 'o' && c != 'H' && c != 'D' && c != 'X';
	}
	if (docx && (text_only || html || pdf || font_given))
		return cli_bad_usage("render",
				     _("--docx takes only -o and --force: the fonts are the "
				       "document's styles, to change in Word or WPS"));
	if (pdf && (text_only || html))
		return cli_bad_usage("render",
				     _("--pdf takes only -o, --force and the --font- options: the "
				       "document's layout is the official one"));
	if (font_given && !pdf)
		return cli_bad_usage("render", _("the --font- options are for --pdf"));
	if (html && text_only)
		return cli_bad_usage("render",
				     _("--html takes only -o and --force: a web page "
				       "has no width, rules, pages or encoding but UTF-8"));
	if (optind != argc - 1)
		return cli_bad_usage("render",
				     _("usage: nianbao render FILE [-o OUT] [--width N]"));
	if (pdf || docx)
		return cli_render_doc(argv[optind], out, force, fonts, docx);
	struct engine *e = cli_open(argv[optind]);
	if (e == NULL)
		return CLI_UNUSABLE;
	if (previous && (ro.previous = engine_previous_report(e)) == NULL) {
		fprintf(stderr,
			_("nianbao render: --previous: %s names no last year's report that can be "
			  "read (previous:)\n"),
			text_name(argv[optind]));
		cli_close(e);
		return CLI_UNUSABLE;
	}
	struct buf text;
	buf_init(&text);
	struct diags d;
	diags_init(&d);
	int rc;
	if (html) {
		html_report(e, &text);
		rc = cli_emit(out, &text, force);
	} else if (page_report(e, &ro, &text, &d) < 0) {
		for (size_t i = 0; i < d.n; i++)
			if (d.v[i].file == NULL)
				d.v[i].file = xstrdup(argv[optind]);
		rc = cli_fail(&d);
	} else {
		rc = cli_emit(out, &text, force);
	}
	diags_free(&d);
	buf_free(&text);
	cli_close(e);
	return rc;
}

/* What a regular file at path is to export --xlsx: a report (2), never
 * replaced; a workbook (3, a zip file) or anything else (0): replaced
 * with --force. */
static int cli_book_kind(const char *path, const void *unused)
{
	(void)unused;
	if (cli_kind_there(path, NULL) == 2)
		return 2;
	char head[4] = {0};
	int fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK | O_CLOEXEC);
	ssize_t got = fd >= 0 ? read(fd, head, sizeof head) : -1;
	if (fd >= 0)
		close(fd);
	return got == 4 && memcmp(head, "PK\3\4", 4) == 0 ? 3 : 0;
}

/* A workbook to out (replacing another file only with force): written
 * by write(BOOK, arg, d) in a folder of nianbao's own (libxlsxwriter
 * writes a file by name: no one else can plant a link there) beside out,
 * from where it is renamed into place; a device or a FIFO gets its
 * bytes. */
int cli_book(const char *out, int force, int (*write)(const char *book, void *arg, struct diags *d),
	     void *arg)
{
	enum cli_to to = cli_where(out, force, cli_book_kind, NULL);
	if (to == CLI_TO_NOWHERE)
		return CLI_UNUSABLE;
	struct diags d;
	diags_init(&d);
	/* a device's folder (/dev) is not to write in: the private folder
	 * goes where temporary files go */
	const char *tmpbase = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
	char *where = to == CLI_TO_DEVICE ? xasprintf("%s/nianbao-book", tmpbase) : NULL;
	char *tmpdir = savefile_private_dir(where ? where : out, &d);
	free(where);
	int rc = CLI_OK;
	char *book = NULL;
	if (tmpdir == NULL) {
		rc = cli_fail(&d);
	} else {
		book = xasprintf("%s/book.xlsx", tmpdir);
		if (write(book, arg, &d) < 0) {
			savefile_discard(book);
			for (size_t i = 0; i < d.n; i++) { /* the name the clerk gave */
				free(d.v[i].file);
				d.v[i].file = xstrdup(out);
			}
			rc = cli_fail(&d);
		} else if (to == CLI_TO_DEVICE) {
			struct buf b;
			buf_init(&b);
			rc = buf_read_file(&b, book, 0) < 0 ? CLI_UNUSABLE
							    : cli_write_device(out, b.data, b.len);
			buf_free(&b);
			savefile_discard(book);
		} else if (savefile_place(book, out, &d) < 0) {
			rc = cli_fail(&d);
		}
	}
	diags_free(&d);
	free(book);
	free(tmpdir);
	return rc;
}

struct cli_reports {
	char **files;
	struct xlsx_reports src;
};

static struct engine *cli_book_open(int k, void *arg)
{
	const struct cli_reports *r = arg;
	return cli_open(r->files[k]);
}

static void cli_book_close(struct engine *e, void *arg)
{
	(void)arg;
	cli_close(e);
}

static int cli_book_reports(const char *book, void *arg, struct diags *d)
{
	const struct cli_reports *r = arg;
	return xlsx_write(&r->src, book, d);
}

/* export --xlsx: the workbook of the reports. Each is read first to know
 * it can be (no workbook is written when one cannot) and which form it
 * has, and let go; the workbook then reads them again one at a time, so
 * that 10,000 take the memory of one. */
static int cli_export_xlsx(char **files, int n, const char *out, int force)
{
	if (cli_where(out, force, cli_book_kind, NULL) == CLI_TO_NOWHERE)
		return CLI_UNUSABLE;
	int *group = xcalloc((size_t)n + 1, sizeof *group);
	char **forms = NULL; /* the forms met, in their order */
	int nforms = 0, rc = CLI_OK;
	for (int i = 0; i < n && rc == CLI_OK; i++) {
		/* the report alone: its engine and last year's report are the
		 * second reading's */
		struct diags d;
		diags_init(&d);
		struct report *r = report_load(files[i], NULL, &d);
		if (r == NULL) {
			rc = cli_fail(&d);
			break;
		}
		diags_free(&d);
		const char *id = r->form->id;
		int g = 0;
		while (g < nforms && strcmp(forms[g], id) != 0)
			g++;
		if (g == nforms) {
			forms = xgrow(forms, (size_t)nforms, sizeof *forms);
			forms[nforms++] = xstrdup(id);
		}
		group[i] = g;
		report_free(r);
	}
	struct cli_reports r = {files, {n, nforms, group, cli_book_open, cli_book_close, NULL}};
	r.src.arg = &r;
	if (rc == CLI_OK)
		rc = cli_book(out, force, cli_book_reports, &r);
	for (int g = 0; g < nforms; g++)
		free(forms[g]);
	free(forms);
	free(group);
	return rc;
}

int cli_export(int argc, char **argv)
{
	static const struct option opts[] = {{"csv", no_argument, NULL, 'c'},
					     {"output", required_argument, NULL, 'o'},
					     {"raw", no_argument, NULL, 'r'},
					     {"force", no_argument, NULL, 'F'},
					     {"xlsx", no_argument, NULL, 'x'},
					     {"bom", no_argument, NULL, 'b'},
					     {NULL, 0, NULL, 0}};
	const char *out = NULL;
	int as_csv = 0, as_xlsx = 0, guard = 1, force = 0, bom = 0, c;
	while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
		if (c == 'c')
			as_csv = 1;
		else if (c == 'x')
			as_xlsx = 1;
		else if (c == 'b')
			bom = 1;
		else if (c == 'o')
			out = optarg;
		else if (c == 'r')
			guard = 0;
		else if (c == 'F')
			force = 1;
		else
			return cli_bad_usage("export", _("unknown option"));
	}
	if (as_xlsx && !as_csv && out != NULL && optind < argc && !bom)
		return cli_export_xlsx(argv + optind, argc - optind, out, force);
	if (!as_csv || as_xlsx || optind != argc - 1)
		return cli_bad_usage("export",
				     _("usage: nianbao export --csv FILE [-o OUT] [--raw] "
				       "[--bom] | --xlsx FILE... -o BOOK.xlsx"));
	struct engine *e = cli_open(argv[optind]);
	if (e == NULL)
		return CLI_UNUSABLE;
	struct buf text;
	buf_init(&text);
	if (bom)
		buf_puts(&text, "\xef\xbb\xbf"); /* for Excel on Windows to read it as UTF-8 */
	csv_export(e, &text, guard);
	int rc = cli_emit(out, &text, force);
	buf_free(&text);
	cli_close(e);
	return rc;
}
