/* Subcommands for scripts: new, check, render, export, import, forms. */
#include "cli/cli.h"
#include "base/i18n.h"
#include "cli/cliint.h"
#include "base/buf.h"
#include "engine/carry.h"
#include "engine/chain.h"
#include "cli/cliimport.h"
#include "out/csv.h"
#include "import/import.h"
#include "base/diag.h"
#include "out/diff.h"
#include "engine/engine.h"
#include "model/form.h"
#include "model/formpath.h"
#include "out/html.h"
#include "model/layout.h"
#include "out/page.h"
#include "out/render.h"
#include "model/report.h"
#include "out/save.h"
#include "base/savefile.h"
#include "base/text.h"
#include "base/width.h"
#include "out/xlsx.h"
#include "model/yamlio.h"
#include "model/linked.h"
#include "base/xmalloc.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <errno.h>
#include <time.h>
#include <unistd.h>

void cli_usage(FILE *fp)
{
	fprintf(fp,
		_("Usage: nianbao COMMAND [OPTION]... [FILE]...\n"
		  "Fill in, check and print the statistical tables of a government information\n"
		  "disclosure annual report (政府信息公开工作年度报告).\n"
		  "\n"
		  "Commands:\n"
		  "  new --form ID -o FILE [--organ NAME] [--year N]\n"
		  "                        write a blank report of form ID\n"
		  "  check [--csv] FILE... list every inconsistency; exit 1 if any is an error\n"
		  "  render FILE [-o OUT] [--width N] [--ascii] [--wide-ambiguous] [--mark]\n"
		  "         [--page-lines N] [--footer] [--encoding gb18030]\n"
		  "                        the report as plain text for printing\n"
		  "  render --html FILE [-o OUT]\n"
		  "                        the report as a web page in the official layout\n"
		  "  export --csv FILE [-o OUT] [--bom]\n"
		  "                        every cell as table,row,column,value\n"
		  "  export --xlsx FILE... -o BOOK.xlsx\n"
		  "                        a workbook: the tables as printed, and a long sheet\n"
		  "  import --csv CSV --form ID -o FILE [--organ NAME] [--year N]\n"
		  "                        a new report from such a CSV\n"
		  "  import --text FILE | --html PAGE -o FILE [--strict]\n"
		  "                        a published report read back, each decision said\n"
		  "  check --text|--html PAGE...\n"
		  "                        published reports checked without importing\n"
		  "  diff [--csv] A B      what differs between two reports, by labels\n"
		  "  sum REPORT... -o TOTAL --organ NAME [--strict]\n"
		  "                        a roll-up of reports of one form and year\n"
		  "  forms                 the forms found, with id, version and title\n"
		  "\n"
		  "  -h, --help            show this help and exit\n"
		  "  -V, --version         show the version and exit\n"
		  "\n"
		  "Forms are looked for in ./forms, in the folders of $NIANBAO_FORMS\n"
		  "(separated by ':') and in %s.\n"
		  "Exit status: 0 done, 1 a checked report has errors, 2 a file or an\n"
		  "argument could not be used.\n"
		  "See nianbao(1) and nianbao-form(5).\n"),
		NIANBAO_FORMDIR);
}

int cli_help(const char *cmd, FILE *fp)
{
	static const struct {
		const char *cmd, *text;
	} help[] = {
	    {"new",
	     N_("Usage: nianbao new --form ID -o FILE [--organ NAME] [--year N] [--force]\n"
		"       nianbao new --from LAST -o FILE [--form ID]   (last year's into this)\n"
		"       nianbao new            (in a terminal: asks for each)\n"
		"Writes a blank report of form ID (every cell blank, not 0) and its\n"
		"rendering beside it; the year stays blank without --year (asked in a\n"
		"terminal, the year being reported proposed: this year from October,\n"
		"the year before until then). An existing FILE is kept unless --force.\n")},
	    {"check",
	     N_("Usage: nianbao check [--csv [--raw]] [--previous LAST] FILE...\n"
		"       nianbao check --series FILE...   (one organ's years, each against the last)\n"
		"       nianbao check --text|--html PAGE...   (published reports, not imported)\n"
		"Lists every inconsistency of each report, one a line: file:line:column,\n"
		"severity, table, row and column, the message with its numbers, the\n"
		"check's id. --csv prints file,severity,check,table,row,column,message,\n"
		"a text a spreadsheet would run as a formula marked with ' (not with --raw).\n"
		"Then, on standard error, each file's count of errors, warnings and\n"
		"acknowledged warnings, as the editing screen and the footer count them.\n"
		"Exit status 0 no errors (warnings allowed), 1 errors, 2 unusable file.\n")},
	    {"render",
	     N_("Usage: nianbao render FILE [-o OUT] [--width N] [--ascii] [--wide-ambiguous]\n"
		"       [--mark] [--page-lines N] [--footer] [--encoding gb18030] [--force]\n"
		"       [--previous]   (本年 上年 增减 columns, from the report's previous:)\n"
		"       nianbao render --html FILE [-o OUT] [--force]   (a web page)\n"
		"Prints the report as plain text for printing: ruled tables, prose wrapped\n"
		"by Chinese line-breaking rules, pages with form feeds if --page-lines.\n"
		"-o writes a device or FIFO in place (- is standard output), never replaces\n"
		"a report, and replaces a file of another kind only with --force.\n")},
	    {"export", N_("Usage: nianbao export --csv FILE [-o OUT] [--raw] [--bom] [--force]\n"
			  "       nianbao export --xlsx FILE... -o BOOK.xlsx [--force]\n"
			  "Every cell as table,row,column,value, keyed by the printed labels; a\n"
			  "text a spreadsheet would run as a formula (= + - @ first) is marked\n"
			  "with ' (import reads it back), not with --raw. -o as for render.\n")},
	    {"import", N_("Usage: nianbao import --csv CSV --form ID -o FILE [--organ NAME] "
			  "[--year N] [--force]\n"
			  "       nianbao import --text FILE | --html PAGE -o FILE [--strict]\n"
			  "       [--form ID] [--organ NAME] [--year N] [--force]\n"
			  "A new report from such a CSV. Values are read as typed: full-width\n"
			  "digits, 。 or ． as the point, thousands separators in threes.\n"
			  "--text, --html: a published report read back by its labels into the\n"
			  "form they fit; each decision (a label read loosely, a unit converted,\n"
			  "a cell left blank, a text not placed) on standard error with the\n"
			  "page's line; --strict refuses instead and writes nothing.\n")},
	    {"diff",
	     N_("Usage: nianbao diff [--csv [--raw]] A B\n"
		"Every cell, header field and prose section of report B that differs from\n"
		"report A, by printed labels (two forms are compared where their labels\n"
		"meet). --csv prints kind,table,row,column,old,new. Exit status 0 the same,\n"
		"1 they differ, 2 unusable file.\n")},
	    {"sum", N_("Usage: nianbao sum REPORT... -o TOTAL --organ NAME [--strict] [--force]\n"
		       "Sums reports of one form and one year cell by cell, exactly, into a new\n"
		       "report that lists its parts; each report is checked first (--strict:\n"
		       "none may have errors). check on the roll-up verifies it against them.\n")},
	    {"forms", N_("Usage: nianbao forms\n"
			 "Lists the forms found, with id, version and title.\n")},
	    {"edit",
	     N_("Usage: nianbao [edit] [--print-command CMD] [--wide-ambiguous] [--html] FILE\n"
		"Opens FILE in the editing screen (options before or after FILE).\n"
		"--html                saving (F2) writes the web page beside it too\n"
		"--print-command CMD   what F5 runs (default $NIANBAO_PRINT_COMMAND, lp)\n"
		"--wide-ambiguous      the terminal draws East Asian Ambiguous characters\n"
		"                      (“ ” · … × and box drawing) two columns wide\n"
		"                      (also NIANBAO_WIDE_AMBIGUOUS=1)\n"
		"ESCDELAY (ms, default 50) is how long Esc waits for a key sequence.\n")},
	};
	for (size_t i = 0; i < sizeof help / sizeof help[0]; i++)
		if (strcmp(cmd, help[i].cmd) == 0) {
			fputs(_(help[i].text), fp);
			return 0;
		}
	return -1;
}

char *cli_counts(int errors, int warnings)
{
	char *e = xasprintf(ngettext("%d error", "%d errors", errors), errors);
	char *w = xasprintf(ngettext("%d warning", "%d warnings", warnings), warnings);
	/* TRANSLATORS: two counts, "2 errors" and "1 warning" */
	char *s = xasprintf(_("%s, %s"), e, w);
	free(e);
	free(w);
	return s;
}

int cli_fail(struct diags *d)
{
	diags_print(d, stderr);
	diags_free(d);
	return CLI_UNUSABLE;
}

int cli_bad_usage(const char *cmd, const char *msg)
{
	fprintf(stderr, _("nianbao %s: %s\nTry 'nianbao --help'.\n"), cmd, msg);
	return CLI_UNUSABLE;
}

/* Sets --organ and --year on a new report; -1 after a message. */
static int cli_header(struct report *r, const char *organ, const char *year, const char *cmd)
{
	const char *why;
	int k;
	if (organ && (k = form_hfield(r->form, "organ")) >= 0 &&
	    report_set_header(r, k, organ, &why) < 0) {
		fprintf(stderr, _("nianbao %s: --organ '%s' %s\n"), cmd, organ, why);
		return -1;
	}
	if (year && (k = form_hfield(r->form, "year")) >= 0 &&
	    report_set_header(r, k, year, &why) < 0) {
		fprintf(stderr, _("nianbao %s: --year '%s' %s\n"), cmd, year, why);
		return -1;
	}
	return 0;
}

static int cli_save_new(struct report *r, const char *out, int force, const char *cmd)
{
	struct diags d;
	diags_init(&d);
	int rc = save_new(r, out, force, &d);
	if (rc > 0) {
		char *txt = savefile_txt_path(out);
		if (rc == 1)
			fprintf(stderr,
				_("nianbao %s: %s already exists (use --force to replace it)\n"),
				cmd, text_name(out));
		else
			fprintf(stderr,
				_("nianbao %s: %s already exists, where the rendering goes (use "
				  "--force to replace it)\n"),
				cmd, text_name(txt));
		free(txt);
		diags_free(&d);
		return CLI_UNUSABLE;
	}
	if (rc < 0)
		return cli_fail(&d);
	diags_free(&d);
	return CLI_OK;
}

/* What new and import share: the options and making and saving a report. */
struct cli_create {
	const char *cmd;
	const char *csv;       /* import only */
	const char *published; /* import only: a published report, text or web page */
	int html, strict;
	const char *from; /* new only: last year's report */
	const char *id, *out, *organ, *year;
	int force;
};

static int cli_create_args(int argc, char **argv, struct cli_create *o)
{
	static const struct option opts[] = {{"csv", required_argument, NULL, 'c'},
					     {"form", required_argument, NULL, 'f'},
					     {"output", required_argument, NULL, 'o'},
					     {"organ", required_argument, NULL, 'n'},
					     {"year", required_argument, NULL, 'y'},
					     {"force", no_argument, NULL, 'F'},
					     {"from", required_argument, NULL, 'P'},
					     {"text", required_argument, NULL, 'T'},
					     {"html", required_argument, NULL, 'H'},
					     {"strict", no_argument, NULL, 'S'},
					     {NULL, 0, NULL, 0}};
	int import = strcmp(o->cmd, "import") == 0, c;
	while ((c = getopt_long(argc, argv, "f:o:", opts, NULL)) != -1) {
		switch (c) {
		case 'c':
			if (!import)
				return cli_bad_usage(o->cmd, _("unknown option"));
			o->csv = optarg;
			break;
		case 'f':
			o->id = optarg;
			break;
		case 'o':
			o->out = optarg;
			break;
		case 'n':
			o->organ = optarg;
			break;
		case 'y':
			o->year = optarg;
			break;
		case 'F':
			o->force = 1;
			break;
		case 'P':
			if (import)
				return cli_bad_usage(o->cmd, _("unknown option"));
			o->from = optarg;
			break;
		case 'T':
		case 'H':
		case 'S':
			if (!import)
				return cli_bad_usage(o->cmd, _("unknown option"));
			if (c == 'S')
				o->strict = 1;
			else
				o->published = optarg, o->html = c == 'H';
			break;
		default:
			return cli_bad_usage(o->cmd, _("unknown option"));
		}
	}
	if (import && o->published != NULL && o->out != NULL && optind == argc && o->csv == NULL)
		return CLI_OK;
	if ((o->id == NULL && o->from == NULL) || o->out == NULL || optind != argc ||
	    (import && (o->csv == NULL || o->published != NULL || o->strict)))
		return cli_bad_usage(o->cmd,
				     import ? "usage: nianbao import --csv CSV --form ID -o "
					      "FILE | --text FILE | --html PAGE -o FILE [--strict] "
					      "[--form ID] [--organ NAME] [--year N]"
					    : "usage: nianbao new --form ID -o FILE [--organ NAME] "
					      "[--year N]");
	return CLI_OK;
}

/* This year's report from last year's (new --from), saved to o->out: the
 * form o->id, else the one for the year after last year's (chain_form). */
static int cli_create_from(const struct cli_create *o)
{
	struct diags d;
	diags_init(&d);
	struct report *prev = report_load(o->from, NULL, &d);
	if (prev == NULL)
		return cli_fail(&d);
	struct form **all = NULL, *chosen = NULL;
	int n = 0;
	const struct form *f;
	if (o->id != NULL) {
		f = chosen = formpath_load(o->id, &d);
	} else {
		n = formpath_all(&all, &d);
		f = chain_form(all, n, prev->form, chain_year(prev) + 1);
	}
	int rc;
	if (f == NULL) {
		rc = cli_fail(&d);
	} else {
		struct report *r = chain_next(prev, f, o->out);
		rc = cli_header(r, o->organ, o->year, o->cmd) < 0
			 ? CLI_UNUSABLE
			 : cli_save_new(r, o->out, o->force, o->cmd);
		if (rc == CLI_OK)
			fprintf(stderr, _("nianbao new: %s in form %s, from %s\n"),
				text_name(o->out), f->id, text_name(o->from));
		report_free(r);
		diags_free(&d);
	}
	formpath_all_free(all, n);
	form_free(chosen);
	report_free(prev);
	return rc;
}

/* A published report read back (import --text, --html), saved to o->out
 * with its decisions said on standard error. */
static int cli_create_published(const struct cli_create *o)
{
	/* the rendering written beside the report must not replace the page */
	char *txt = savefile_txt_path(o->out);
	struct stat a, b;
	int same = stat(txt, &a) == 0 && stat(o->published, &b) == 0 && a.st_dev == b.st_dev &&
		   a.st_ino == b.st_ino;
	if (same || (stat(o->out, &a) == 0 && stat(o->published, &b) == 0 && a.st_dev == b.st_dev &&
		     a.st_ino == b.st_ino)) {
		fprintf(stderr,
			_("nianbao import: %s is the file being imported: the report (%s) and its "
			  "rendering (%s) must go elsewhere\n"),
			text_name(o->published), text_name(o->out), text_name(txt));
		free(txt);
		return CLI_UNUSABLE;
	}
	free(txt);
	struct diags d;
	diags_init(&d);
	struct import_forms *forms = cli_published_forms(&d);
	struct import_opts io = {o->id, o->strict};
	struct buf notes;
	buf_init(&notes);
	struct report *r =
	    forms ? cli_published(o->published, o->html, &io, forms, &notes, &d) : NULL;
	int rc;
	if (r == NULL) {
		rc = cli_fail(&d);
	} else {
		fwrite(notes.data ? notes.data : "", 1, notes.len, stderr);
		rc = cli_header(r, o->organ, o->year, o->cmd) < 0
			 ? CLI_UNUSABLE
			 : cli_save_new(r, o->out, o->force, o->cmd);
		if (rc == CLI_OK) {
			int k = 0;
			for (const char *p = notes.data; p && (p = strchr(p, '\n')) != NULL; p++)
				k++;
			fprintf(stderr,
				ngettext("nianbao import: %s in form %s, from %s; %d decision\n",
					 "nianbao import: %s in form %s, from %s; %d decisions\n",
					 k),
				text_name(o->out), r->form->id, text_name(o->published), k);
		}
		diags_free(&d);
	}
	report_free(r);
	buf_free(&notes);
	import_forms_free(forms);
	return rc;
}

/* A blank report (new) or one read from CSV (import), saved to o->out. */
static int cli_create_run(const struct cli_create *o)
{
	if (o->from != NULL)
		return cli_create_from(o);
	if (o->published != NULL)
		return cli_create_published(o);
	struct diags d;
	diags_init(&d);
	struct form *f = formpath_load(o->id, &d);
	if (f == NULL)
		return cli_fail(&d);
	struct report *r = o->csv ? csv_import(o->csv, f, &d) : report_new(f);
	int rc;
	if (r == NULL)
		rc = cli_fail(&d);
	else if (cli_header(r, o->organ, o->year, o->cmd) < 0)
		rc = CLI_UNUSABLE;
	else
		rc = cli_save_new(r, o->out, o->force, o->cmd);
	report_free(r);
	form_free(f);
	diags_free(&d);
	return rc;
}

int cli_new(int argc, char **argv)
{
	struct cli_create o = {.cmd = "new"};
	int rc = cli_create_args(argc, argv, &o);
	return rc != CLI_OK ? rc : cli_create_run(&o);
}

int cli_import(int argc, char **argv)
{
	struct cli_create o = {.cmd = "import"};
	int rc = cli_create_args(argc, argv, &o);
	return rc != CLI_OK ? rc : cli_create_run(&o);
}

/* Loads a report and its engine, or prints why not. */
static struct engine *cli_open(const char *path)
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

static void cli_close(struct engine *e)
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
 * report, 1 what this command writes (replaced freely), 0 anything else. */
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

/* Writes text to out (see cli_where). */
static int cli_emit(const char *out, const struct buf *text, int force)
{
	switch (cli_where(out, force, cli_text_kind, text)) {
	case CLI_TO_NOWHERE:
		return CLI_UNUSABLE;
	case CLI_TO_STDOUT:
		fwrite(text->data, 1, text->len, stdout);
		return fflush(stdout) == 0 ? CLI_OK : CLI_UNUSABLE;
	case CLI_TO_DEVICE:
		return cli_write_device(out, text->data, text->len);
	case CLI_TO_FILE:
		break;
	}
	struct diags d;
	diags_init(&d);
	if (savefile_write(out, text->data, text->len, &d) < 0)
		return cli_fail(&d);
	diags_free(&d);
	return CLI_OK;
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

int cli_render(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"output", required_argument, NULL, 'o'}, {"width", required_argument, NULL, 'w'},
	    {"ascii", no_argument, NULL, 'a'},        {"wide-ambiguous", no_argument, NULL, 'W'},
	    {"mark", no_argument, NULL, 'm'},         {"page-lines", required_argument, NULL, 'p'},
	    {"footer", no_argument, NULL, 'f'},       {"encoding", required_argument, NULL, 'e'},
	    {"force", no_argument, NULL, 'F'},        {"previous", no_argument, NULL, 'P'},
	    {"html", no_argument, NULL, 'H'},         {NULL, 0, NULL, 0}};
	struct render_opts ro = render_defaults();
	const char *out = NULL;
	int c, force = 0, previous = 0, html = 0, text_only = 0;
	while ((c = getopt_long(argc, argv, "o:w:", opts, NULL)) != -1) {
		if (c == 'F') {
			force = 1;
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
		default:
			return cli_bad_usage("render", _("unknown option"));
		}
		text_only |= c != 'o' && c != 'H';
	}
	if (html && text_only)
		return cli_bad_usage("render",
				     _("--html takes only -o and --force: a web page "
				       "has no width, rules, pages or encoding but UTF-8"));
	if (optind != argc - 1)
		return cli_bad_usage("render",
				     _("usage: nianbao render FILE [-o OUT] [--width N]"));
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
 * replaced, or anything else (0), a workbook too: replaced with --force. */
static int cli_book_kind(const char *path, const void *unused)
{
	(void)unused;
	return cli_kind_there(path, NULL) == 2 ? 2 : 0;
}

/* export --xlsx: the workbook of the reports. libxlsxwriter writes a file
 * by name, so it writes it in a folder of nianbao's own (no one else can
 * plant a link there) beside out, from where it is renamed into place; a
 * device or a FIFO gets its bytes. */
static int cli_export_xlsx(char **files, int n, const char *out, int force)
{
	enum cli_to to = cli_where(out, force, cli_book_kind, NULL);
	if (to == CLI_TO_NOWHERE)
		return CLI_UNUSABLE;
	struct engine **es = xcalloc((size_t)n + 1, sizeof *es);
	int rc = CLI_OK;
	for (int i = 0; i < n && rc == CLI_OK; i++)
		if ((es[i] = cli_open(files[i])) == NULL)
			rc = CLI_UNUSABLE;
	struct diags d;
	diags_init(&d);
	/* a device's folder (/dev) is not to write in: the private folder
	 * goes where temporary files go */
	char *tmpdir = NULL, *book = NULL;
	if (rc == CLI_OK) {
		const char *tmpbase = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
		char *where = to == CLI_TO_DEVICE ? xasprintf("%s/nianbao-book", tmpbase) : NULL;
		tmpdir = savefile_private_dir(where ? where : out, &d);
		free(where);
		if (tmpdir == NULL)
			rc = cli_fail(&d);
	}
	if (rc == CLI_OK) {
		book = xasprintf("%s/book.xlsx", tmpdir);
		if (xlsx_write(es, n, book, &d) < 0) {
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
	for (int i = 0; i < n; i++)
		if (es[i])
			cli_close(es[i]);
	free(es);
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

static void cli_diff_line(struct buf *out, const struct diff_entry *e, int as_csv)
{
	static const char *const kinds[] = {"cell", "header", "prose"};
	char *before = e->kind == DIFF_PROSE ? xasprintf(_("line %d"), e->line) : NULL;
	if (as_csv) {
		const char *f[] = {
		    kinds[e->kind],       e->table ? e->table : "",    e->row,
		    e->col ? e->col : "", before ? before : e->before, before ? "" : e->after};
		for (int i = 0; i < 6; i++)
			csv_field(out, f[i], i == 5, as_csv == 1);
	} else if (e->kind == DIFF_CELL) {
		buf_printf(out, _("%s, row %s, column %s: %s -> %s\n"), e->table, e->row, e->col,
			   *e->before ? e->before : "blank", *e->after ? e->after : "blank");
	} else if (e->kind == DIFF_HEADER) {
		buf_printf(out, _("header %s: %s -> %s\n"), e->row,
			   *e->before ? e->before : "blank", *e->after ? e->after : "blank");
	} else {
		buf_printf(out, _("prose %s: differs from %s\n"), e->row, before);
	}
	free(before);
}

int cli_diff(int argc, char **argv)
{
	static const struct option opts[] = {
	    {"csv", no_argument, NULL, 'c'}, {"raw", no_argument, NULL, 'r'}, {NULL, 0, NULL, 0}};
	int as_csv = 0, raw = 0, c;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'c')
			as_csv = 1;
		else if (c == 'r')
			raw = 1;
		else
			return cli_bad_usage("diff", _("unknown option"));
	}
	if (optind != argc - 2)
		return cli_bad_usage("diff", _("usage: nianbao diff [--csv [--raw]] A B"));
	struct engine *a = cli_open(argv[optind]);
	struct engine *b = a ? cli_open(argv[optind + 1]) : NULL;
	if (b == NULL) {
		if (a != NULL)
			cli_close(a);
		return CLI_UNUSABLE;
	}
	struct diff d;
	diff_reports(engine_report(a), engine_report(b), &d);
	struct buf out;
	buf_init(&out);
	if (as_csv)
		buf_puts(&out, "kind,table,row,column,old,new\r\n");
	for (int i = 0; i < d.n; i++)
		cli_diff_line(&out, &d.v[i], as_csv && raw ? 2 : as_csv);
	fwrite(out.data, 1, out.len, stdout);
	fflush(stdout);
	if (d.only_a > 0 || d.only_b > 0)
		fprintf(
		    stderr,
		    _("nianbao diff: compared where the labels meet: %d cells of %s and %d of %s "
		      "have none of the same labels in the other\n"),
		    d.only_a, text_name(argv[optind]), d.only_b, text_name(argv[optind + 1]));
	int rc = d.n > 0 ? CLI_ERRORS : CLI_OK;
	buf_free(&out);
	diff_free(&d);
	cli_close(a);
	cli_close(b);
	return rc;
}

int cli_forms(int argc, char **argv)
{
	(void)argv;
	if (argc != 1)
		return cli_bad_usage("forms", _("takes no arguments"));
	struct diags d;
	diags_init(&d);
	struct form **forms;
	int n = formpath_all(&forms, &d);
	int cols = width_terminal(1); /* on a terminal, a line a form: the title gives way */
	for (int i = 0; i < n; i++) {
		int used = printf("%-26s %3d  ", forms[i]->id, forms[i]->version);
		char *title = formpath_title(forms[i], cols > 0 ? cols - used : 0);
		printf("%s\n", title);
		free(title);
		form_free(forms[i]);
	}
	free(forms);
	diags_print(&d, stderr);
	int rc = d.n > 0 ? CLI_UNUSABLE : CLI_OK;
	diags_free(&d);
	if (n == 0 && rc == CLI_OK) {
		fputs(_("nianbao forms: no forms found (set NIANBAO_FORMS to a folder of forms)\n"),
		      stderr);
		rc = CLI_UNUSABLE;
	}
	return rc;
}
