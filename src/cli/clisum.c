/* sum: the reports of one form and year into a roll-up, for the office that
 * collects them. */
#include "base/buf.h"
#include "engine/chain.h"
#include "cli/cli.h"
#include "base/i18n.h"
#include "cli/cliimport.h"
#include "cli/cliint.h"
#include "base/diag.h"
#include "engine/engine.h"
#include "model/form.h"
#include "model/formpath.h"
#include "model/linked.h"
#include "model/report.h"
#include "engine/rollup.h"
#include "output/save.h"
#include "base/savefile.h"
#include "base/text.h"
#include "base/xmalloc.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Whether unit (read from file) is of the roll-up's form and year, as
 * the first report (first) set them; CLI_UNUSABLE after saying why not. */
static int cli_sum_fits(const struct report *unit, const struct report *r, int year,
			const char *file, const char *first)
{
	if (unit->form != r->form) {
		fprintf(stderr,
			_("nianbao sum: %s is in form %s, %s in %s: one form only, nothing "
			  "summed\n"),
			text_name(file), unit->form->id, text_name(first), r->form->id);
		return CLI_UNUSABLE;
	}
	if (report_year(unit) != year) {
		char a[16], b[16];
		snprintf(a, sizeof a, "%s", _("no year"));
		snprintf(b, sizeof b, "%s", _("no year"));
		if (report_year(unit))
			snprintf(a, sizeof a, "%d", report_year(unit));
		if (year)
			snprintf(b, sizeof b, "%d", year);
		fprintf(stderr,
			_("nianbao sum: %s is for %s, %s for %s: one year only, nothing "
			  "summed\n"),
			text_name(file), a, text_name(first), b);
		return CLI_UNUSABLE;
	}
	return CLI_OK;
}

/* The roll-up r of n reports, its sums finished, its organ and year set,
 * saved at out. */
static int cli_sum_save(struct report *r, struct rollup *sum, struct buf *notes, int n,
			const char *out, const char *organ, int year, int force)
{
	rollup_finish(sum, r, notes);
	fwrite(notes->data, 1, notes->len, stderr);
	const char *why;
	char y[16] = "";
	if (year)
		snprintf(y, sizeof y, "%d", year);
	int ky = form_hfield(r->form, "year"), ko = report_organ_field(r->form);
	if (ky >= 0)
		report_set_header(r, ky, y, &why);
	if (ko >= 0)
		report_set_header(r, ko, organ, &why);
	struct diags d;
	diags_init(&d);
	int s = save_new(r, out, force, &d), rc = CLI_OK;
	if (s < 0)
		return cli_fail(&d);
	if (s > 0) {
		fprintf(stderr, _("nianbao sum: %s already exists (use --force to replace it)\n"),
			s == 1 ? text_name(out) : _("its rendering"));
		rc = CLI_UNUSABLE;
	} else {
		fprintf(stderr,
			ngettext("nianbao sum: %s, %d report of form %s for %s\n",
				 "nianbao sum: %s, %d reports of form %s for %s\n", n),
			text_name(out), n, r->form->id, y);
	}
	diags_free(&d);
	return rc;
}

int cli_sum(int argc, char **argv)
{
	static const struct option opts[] = {{"output", required_argument, NULL, 'o'},
					     {"organ", required_argument, NULL, 'n'},
					     {"strict", no_argument, NULL, 's'},
					     {"force", no_argument, NULL, 'F'},
					     {NULL, 0, NULL, 0}};
	const char *out = NULL, *organ = NULL;
	int strict = 0, force = 0, c;
	while ((c = getopt_long(argc, argv, "o:", opts, NULL)) != -1) {
		if (c == 'o')
			out = optarg;
		else if (c == 'n')
			organ = optarg;
		else if (c == 's')
			strict = 1;
		else if (c == 'F')
			force = 1;
		else
			return cli_bad_usage("sum", _("unknown option"));
	}
	int n = argc - optind;
	if (out == NULL || organ == NULL || n < 1)
		return cli_bad_usage("sum",
				     _("usage: nianbao sum REPORT... -o TOTAL.yaml --organ NAME "
				       "[--strict] [--force]"));
	char **files = argv + optind;
	struct cli_known known;
	cli_known_init(&known, files, n);
	int year = 0;
	const char *first = NULL;
	struct rollup *sum = NULL;
	struct report *r = NULL; /* the roll-up, its parts added as they are read */
	int rc = CLI_OK, with_errors = 0;
	struct buf list, notes;
	buf_init(&list);
	buf_init(&notes);
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	char *outdir = linked_folder(out); /* resolved once, not for every part */
	cli_batch_messages();              /* each part's count, when it has problems */
	/* one report at a time: read (and hashed), checked, added, freed */
	for (int i = 0; i < n && rc == CLI_OK; i++) {
		cli_progress(i, n, &t0);
		struct diags d;
		diags_init(&d);
		char h[65];
		/* the part's name is stored in the roll-up, which holds no
		 * control or invisible character: such a name is refused */
		size_t bad;
		const char *why;
		char *rp = save_folders_real(known.folders, files[i]);
		char *rel = chain_previous_at(files[i], rp, outdir);
		free(rp);
		if (text_check(rel, TEXT_LINE, &bad, &why) < 0) {
			fprintf(stderr,
				_("nianbao sum: %s cannot be summed: its name %s, and a roll-up "
				  "records the names of its parts (rename it)\n"),
				text_name(rel), why);
			free(rel);
			rc = CLI_UNUSABLE;
			break;
		}
		struct report *unit = report_load_hashed(files[i], &known.forms, h, &d);
		if (unit == NULL) {
			free(rel);
			rc = cli_fail(&d);
			break;
		}
		diags_free(&d);
		if (r == NULL) {
			r = report_new(unit->form);
			year = report_year(unit);
			first = files[i];
			sum = rollup_new(r->form);
		}
		rc = cli_sum_fits(unit, r, year, files[i], first);
		if (rc == CLI_OK) {
			/* each unit checked first, its problems listed */
			struct engine_count k = {0, 0, 0};
			cli_check_one(files[i], 0, &known, NULL, &list, &k, unit, CLI_CHECK_KEEP,
				      NULL);
			if (k.errors > 0 || k.warnings > 0) {
				char *counts = cli_counts(k.errors, k.warnings);
				fprintf(cli_messages(), "%s: %s\n", text_name(files[i]), counts);
				free(counts);
			}
			with_errors += k.errors > 0;
			if (rollup_add(sum, unit, files[i], &notes) < 0)
				rc = CLI_UNUSABLE;
			/* the part, to check the roll-up against it later */
			char *who = report_organ(unit);
			report_add_part(r, rel, who, h);
			free(who);
		}
		free(rel);
		report_free(unit);
		fwrite(list.data, 1, list.len, stdout);
		list.len = 0;
	}
	cli_progress(n, n, &t0);
	fflush(stdout);
	if (rc == CLI_OK && strict && with_errors > 0) {
		fprintf(stderr,
			ngettext("nianbao sum: --strict: %d report with errors, nothing summed\n",
				 "nianbao sum: --strict: %d reports with errors, nothing summed\n",
				 with_errors),
			with_errors);
		rc = CLI_ERRORS;
	}
	if (rc != CLI_OK)
		fwrite(notes.data, 1, notes.len, stderr); /* an overflow */
	if (rc == CLI_OK)
		rc = cli_sum_save(r, sum, &notes, n, out, organ, year, force);
	rollup_free(sum);
	buf_free(&notes);
	buf_free(&list);
	report_free(r);
	cli_known_free(&known);
	free(outdir);
	return rc;
}
