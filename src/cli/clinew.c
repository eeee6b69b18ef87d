/* nianbao new and nianbao import: a report made, blank, from last year's,
 * from a CSV or from a published page. */
#include "cli/cli.h"
#include "base/i18n.h"
#include "cli/cliint.h"
#include "base/buf.h"
#include "engine/chain.h"
#include "cli/cliimport.h"
#include "output/csv.h"
#include "import/import.h"
#include "model/form.h"
#include "model/formpath.h"
#include "model/report.h"
#include "output/save.h"
#include "base/savefile.h"
#include "base/text.h"

#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

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
	enum cli_pub kind;     /* import only: what the published report is */
	int strict;
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
					     {"docx", required_argument, NULL, 'D'},
					     {"pdf", required_argument, NULL, 'p'},
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
		case 'D':
		case 'p':
		case 'S':
			if (!import)
				return cli_bad_usage(o->cmd, _("unknown option"));
			if (c == 'S')
				o->strict = 1;
			else
				o->published = optarg, o->kind = c == 'H'   ? CLI_PUB_HTML
								 : c == 'D' ? CLI_PUB_DOCX
								 : c == 'p' ? CLI_PUB_PDF
									    : CLI_PUB_TEXT;
			break;
		default:
			return cli_bad_usage(o->cmd, _("unknown option"));
		}
	}
	if (import && o->published != NULL && o->out != NULL && optind == argc && o->csv == NULL)
		return CLI_OK;
	if ((o->id == NULL && o->from == NULL) || o->out == NULL || optind != argc ||
	    (import && (o->csv == NULL || o->published != NULL || o->strict)))
		return cli_bad_usage(
		    o->cmd,
		    import ? "usage: nianbao import --csv CSV --form ID -o "
			     "FILE | --text FILE | --html PAGE | --docx FILE | --pdf FILE -o FILE "
			     "[--strict] "
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
		f = chain_form(all, n, prev->form, report_year(prev) + 1);
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
	struct import_opts io = {o->id, o->strict, NULL};
	struct buf notes;
	buf_init(&notes);
	struct report *r =
	    forms ? cli_published(o->published, o->kind, &io, forms, &notes, &d) : NULL;
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
