/* sum: the reports of one form and year into a roll-up, for the office that
 * collects them. */
#include "buf.h"
#include "chain.h"
#include "cli.h"
#include "cliimport.h"
#include "cliint.h"
#include "diag.h"
#include "engine.h"
#include "form.h"
#include "formpath.h"
#include "report.h"
#include "rollup.h"
#include "save.h"
#include "savefile.h"
#include "sha256.h"
#include "xmalloc.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static const char *cli_sum_year(const struct report *r)
{
	for (int h = 0; h < r->form->nheader; h++)
		if (r->form->header[h].type == HF_YEAR)
			return r->header[h] ? r->header[h] : "";
	return "";
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
			return cli_bad_usage("sum", "unknown option");
	}
	int n = argc - optind;
	if (out == NULL || organ == NULL || n < 1)
		return cli_bad_usage("sum",
				     "usage: nianbao sum REPORT... -o TOTAL.yaml --organ NAME "
				     "[--strict] [--force]");
	char **files = argv + optind;
	struct formpath_cache forms = {0};
	const struct form *form = NULL;
	char *year = NULL, *first = NULL;
	struct rollup *sum = NULL;
	struct report_part *parts = xcalloc((size_t)n + 1, sizeof *parts);
	int rc = CLI_OK, with_errors = 0;
	struct buf list, notes;
	buf_init(&list);
	buf_init(&notes);
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	/* one report at a time: read, checked, added, freed */
	for (int i = 0; i < n && rc == CLI_OK; i++) {
		cli_progress(i, n, &t0);
		struct diags d;
		diags_init(&d);
		struct report *unit = report_load_cached(files[i], &forms, &d);
		if (unit == NULL) {
			rc = cli_fail(&d);
			break;
		}
		diags_free(&d);
		if (form == NULL) {
			form = unit->form;
			year = xstrdup(cli_sum_year(unit));
			first = files[i];
			sum = rollup_new(form);
		}
		if (unit->form != form) {
			fprintf(stderr,
				"nianbao sum: %s is in form %s, %s in %s: one form only, nothing "
				"summed\n",
				files[i], unit->form->id, first, form->id);
			rc = CLI_UNUSABLE;
		} else if (strcmp(cli_sum_year(unit), year) != 0) {
			fprintf(stderr,
				"nianbao sum: %s is for %s, %s for %s: one year only, nothing "
				"summed\n",
				files[i], *cli_sum_year(unit) ? cli_sum_year(unit) : "no year",
				first, *year ? year : "no year");
			rc = CLI_UNUSABLE;
		} else {
			/* each unit checked first, its problems listed */
			struct engine_count k = {0, 0, 0};
			cli_check_one(files[i], 0, &forms, NULL, &list, &k, unit, CLI_CHECK_KEEP);
			if (k.errors > 0 || k.warnings > 0)
				fprintf(stderr, "%s: %d error%s, %d warning%s\n", files[i],
					k.errors, k.errors == 1 ? "" : "s", k.warnings,
					k.warnings == 1 ? "" : "s");
			with_errors += k.errors > 0;
			if (rollup_add(sum, unit, files[i], &notes) < 0)
				rc = CLI_UNUSABLE;
			/* the part, to check the roll-up against it later */
			struct buf b;
			buf_init(&b);
			char h[65] = "";
			if (buf_read_file(&b, files[i], 0) == 0)
				sha256_hex(b.data, b.len, h);
			buf_free(&b);
			parts[i].file = chain_previous(files[i], out);
			parts[i].organ = report_header_display(unit, 0);
			parts[i].sha256 = xstrdup(h);
		}
		report_free(unit);
		fwrite(list.data, 1, list.len, stdout);
		list.len = 0;
	}
	cli_progress(n, n, &t0);
	fflush(stdout);
	if (rc == CLI_OK && strict && with_errors > 0) {
		fprintf(stderr, "nianbao sum: --strict: %d report%s with errors, nothing summed\n",
			with_errors, with_errors == 1 ? "" : "s");
		rc = CLI_ERRORS;
	}
	if (rc != CLI_OK)
		fwrite(notes.data, 1, notes.len, stderr); /* an overflow */
	struct report *r = NULL;
	if (rc == CLI_OK) {
		r = report_new(form);
		rollup_finish(sum, r, &notes);
		fwrite(notes.data, 1, notes.len, stderr);
		const char *why;
		for (int h = 0; h < r->form->nheader; h++) {
			if (r->form->header[h].type == HF_YEAR)
				report_set_header(r, h, year, &why);
			else if (r->form->header[h].type == HF_TEXT && organ &&
				 report_set_header(r, h, organ, &why) == 0)
				organ = NULL; /* the first text field is the organ */
		}
		for (int i = 0; i < n; i++)
			report_add_part(r, parts[i].file, parts[i].organ, parts[i].sha256);
		struct diags d;
		diags_init(&d);
		int s = save_new(r, out, force, &d);
		if (s > 0) {
			fprintf(stderr,
				"nianbao sum: %s already exists (use --force to replace it)\n",
				s == 1 ? out : "its rendering");
			rc = CLI_UNUSABLE;
		} else if (s < 0) {
			rc = cli_fail(&d);
		} else {
			fprintf(stderr, "nianbao sum: %s, %d report%s of form %s for %s\n", out, n,
				n == 1 ? "" : "s", r->form->id, year);
		}
		diags_free(&d);
	}
	for (int i = 0; i < n; i++) {
		free(parts[i].file);
		free(parts[i].organ);
		free(parts[i].sha256);
	}
	free(parts);
	free(year);
	rollup_free(sum);
	buf_free(&notes);
	buf_free(&list);
	report_free(r);
	formpath_cache_free(&forms);
	return rc;
}
