/* check: every inconsistency of reports, of published pages (--text,
 * --html) and between one organ's years (--series). */
#include "base/buf.h"
#include "engine/carry.h"
#include "engine/chain.h"
#include "cli/cli.h"
#include "base/i18n.h"
#include "cli/cliimport.h"
#include "cli/cliint.h"
#include "output/xlsx.h"
#include "output/csv.h"
#include "base/diag.h"
#include "engine/engine.h"
#include "model/form.h"
#include "model/formpath.h"
#include "import/import.h"
#include "model/report.h"
#include "output/save.h"
#include "base/savefile.h"
#include "base/text.h"
#include "model/linked.h"
#include "base/xmalloc.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

/* Where in the published file the figure of cell was: its line, or 0. */
static int cli_source_line(const struct report *r, int cell)
{
	if (cell < 0 || r->source_at == NULL || r->source_at[cell] == NULL)
		return 0;
	return strncmp(r->source_at[cell], "line ", 5) == 0 ? atoi(r->source_at[cell] + 5) : 0;
}

/* Last year's report for r: the one given, else the one its previous:
 * names; NULL (said in out when it cannot be read) if none. */
static struct report *cli_previous(const struct report *r, const char *given, struct buf *out)
{
	if (given != NULL) { /* --previous: the clerk's own choice, said as any report */
		struct diags d;
		diags_init(&d);
		struct report *prev = report_load(given, NULL, &d);
		if (prev == NULL)
			buf_printf(out,
				   _("%s: warning: last year's report %s cannot be read: %s\n"),
				   text_name(r->path), text_name(given), d.n ? d.v[0].message : "");
		diags_free(&d);
		return prev;
	}
	char *why;
	struct report *prev = linked_previous(r, &why);
	if (why != NULL) {
		char *name = linked_name(r->path, r->previous);
		buf_printf(out, _("%s: warning: last year's report %s cannot be read: %s\n"),
			   text_name(r->path), name, why);
		free(name);
		free(why);
	}
	return prev;
}

/* The problems p[0..n) of report r (printed as path) as check lists them:
 * a line each (file:line:column, severity, table, row and column, the
 * message, the check's id), or a CSV row each. page: r was read from a
 * published page (its lines are the page's); prefix: before each message
 * ("2022 against 2021"); only: that kind alone (-1 all); counted into
 * *count when not NULL, as the engine counts. The one writer of problems. */
static void cli_cells_push(struct cli_cells *c, const char *s)
{
	c->v = xgrow(c->v, c->n, sizeof *c->v);
	c->v[c->n++] = xstrdup(s);
}

static void cli_cells_free(struct cli_cells *c)
{
	for (size_t k = 0; k < c->n; k++)
		free(c->v[k]);
	free(c->v);
}

/* The header of check's CSV: a published document's rows name its organ
 * and year too. */
static void cli_csv_head(struct buf *out, int page)
{
	buf_puts(out, page ? "file,organ,year,severity,check,table,row,column,message\r\n"
			   : "file,severity,check,table,row,column,message\r\n");
}

static void cli_list(struct buf *out, const char *path, const struct report *r,
		     const struct problem *p, int n, int as_csv, int page, const char *prefix,
		     int only, struct engine_count *count, struct cli_cells *cells)
{
	/* a published document's organ and year, for a province's documents
	 * in one sheet */
	char *organ = page ? report_organ(r) : NULL;
	int y = page ? report_year(r) : 0;
	char year[16] = "";
	if (y)
		snprintf(year, sizeof year, "%d", y);
	for (int i = 0; i < n; i++) {
		if (only >= 0 && (int)p[i].kind != only)
			continue;
		struct engine_where w;
		engine_where(&p[i], CSV_SEP, &w);
		const char *table = w.table ? w.table->title : "";
		/* an acknowledged warning is listed with its reason, not counted */
		const char *sev = p[i].acknowledged             ? N_("acknowledged")
				  : p[i].severity == DIAG_ERROR ? N_("error")
								: N_("warning");
		if (count != NULL) {
			count->errors += p[i].severity == DIAG_ERROR;
			count->warnings += p[i].severity != DIAG_ERROR && !p[i].acknowledged;
			count->acknowledged += p[i].acknowledged != NULL;
		}
		char *m =
		    prefix ? xasprintf("%s: %s", prefix, p[i].message) : xstrdup(p[i].message);
		char *message =
		    p[i].acknowledged ? xasprintf("%s (%s)", m, p[i].acknowledged) : xstrdup(m);
		free(m);
		if (cells != NULL) {
			const char *const row[CLI_PROB_COLS] = {
			    path,   organ ? organ : "", year, sev, p[i].rule, table, w.row, w.col,
			    message};
			for (int k = 0; k < CLI_PROB_COLS; k++)
				cli_cells_push(cells, row[k]);
		}
		if (as_csv) {
			int guard = as_csv == 1; /* 2: --raw */
			csv_field(out, path, 0, guard);
			if (page) {
				csv_field(out, organ, 0, guard);
				csv_field(out, year, 0, guard);
			}
			csv_field(out, sev, 0, guard);
			csv_field(out, p[i].rule, 0, guard);
			csv_field(out, table, 0, guard);
			csv_field(out, w.row, 0, guard);
			csv_field(out, w.col, 0, guard);
			csv_field(out, message, 1, guard);
		} else {
			int cell = p[i].cell, src = cli_source_line(r, cell);
			if (page && src > 0)
				buf_printf(out, "%s:%d: ", path, src);
			else if (!page && cell >= 0 && r->line[cell] > 0)
				buf_printf(out, "%s:%d:%d: ", path, r->line[cell], r->col[cell]);
			else
				buf_printf(out, "%s: ", path);
			buf_puts(out, _(sev));
			if (*table)
				buf_printf(out, ": %s", table);
			if (*table && *w.row)
				buf_printf(out, _(", row %s"), w.row);
			if (*table && *w.col)
				buf_printf(out, _(", column %s"), w.col);
			if (*table)
				buf_printf(out, _(": %s [%s]"), message, p[i].rule);
			else /* after the severity, as a diagnostic has it */
				buf_printf(out, ": %s [%s]", message, p[i].rule);
			/* an imported report: where its figure was in the page */
			if (!page && src > 0 && r->source)
				buf_printf(out, _(" (%s line %d)"), text_name(r->source), src);
			buf_puts(out, "\n");
		}
		free(message);
		engine_where_free(&w);
	}
	free(organ);
}

/* Checks one report: the file at path, or given (a published report read
 * back, check --text and --html: its problems are placed by source line). */
void cli_known_init(struct cli_known *k, char *const *files, int n)
{
	k->forms = (struct formpath_cache){0};
	k->folders = save_folders_list(files, n);
}

void cli_known_free(struct cli_known *k)
{
	formpath_cache_free(&k->forms);
	save_folders_free(k->folders);
}

int cli_check_one(const char *file, int as_csv, struct cli_known *known, const char *previous,
		  struct buf *out, struct engine_count *count, struct report *given, int how,
		  struct cli_cells *cells)
{
	int keep = how & CLI_CHECK_KEEP, page = how & CLI_CHECK_PAGE;
	struct diags d;
	diags_init(&d);
	struct report *r =
	    given ? given : report_load_cached(file, known ? &known->forms : NULL, &d);
	if (r == NULL)
		return cli_fail(&d);
	diags_free(&d);
	char *path = text_quote(file, CLI_NAME_MAX); /* as printed */
	struct engine *e = engine_new(r);
	/* last year's report: the carry rules' breaks are problems too */
	struct report *prev = cli_previous(r, previous, out);
	engine_previous(e, prev);
	/* a published document has no rendering of nianbao's beside it (a
	 * page.txt beside page.html is the page's own text) */
	if (!page && save_txt_stale(e, file, known ? known->folders : NULL)) {
		/* not the report's problem, but the paper's: said, not counted */
		char *tpath = savefile_txt_path(path);
		if (as_csv) {
			csv_field(out, path, 0, as_csv == 1);
			buf_puts(out, "warning,stale_rendering,,,,");
			char *m = xasprintf(_("%s is not the rendering of this report: opening the "
					      "report in nianbao writes it again"),
					    tpath);
			csv_field(out, m, 1, as_csv == 1);
			free(m);
		} else {
			buf_printf(out,
				   _("%s: warning: not the rendering of %s: opening the report in "
				     "nianbao writes it again [stale_rendering]\n"),
				   tpath, path);
		}
		free(tpath);
	}
	/* a roll-up: still the sum of its parts? its problems are the engine's,
	 * listed and counted as every other */
	if (r->nparts > 0)
		engine_parts(e, file);
	struct problem *p;
	int n = engine_problems(e, &p);
	cli_list(out, path, r, p, n, as_csv, page, NULL, -1, NULL, cells);
	/* the count, as the screen's title line and the printed footer give it */
	struct engine_count c = engine_count_of(p, n);
	engine_problems_free(p, n);
	*count = c;
	free(path);
	engine_free(e);
	report_free(prev);
	if (!keep)
		report_free(r);
	return c.errors ? CLI_ERRORS : CLI_OK;
}

/* check --series: the reports in order of year, each against the one
 * before; only the breaks between years are listed. */
static int cli_series(char **files, int n, int as_csv, enum cli_pub published)
{
	struct report **v = xcalloc((size_t)n + 1, sizeof *v);
	int rc = CLI_OK, unusable = CLI_OK;
	struct import_forms *forms = NULL;
	struct diags fd;
	diags_init(&fd);
	if (published && (forms = cli_published_forms(&fd)) == NULL)
		rc = cli_fail(&fd);
	diags_free(&fd);
	for (int i = 0; i < n && rc == CLI_OK; i++) {
		struct diags d;
		diags_init(&d);
		if (published) {
			/* a published page, read as check --text and --html read it */
			struct import_opts io = {NULL, 0, NULL};
			v[i] = cli_published(files[i], published, &io, forms, NULL, &d);
		} else {
			v[i] = report_load(files[i], NULL, &d);
		}
		if (v[i] == NULL) {
			/* said and left out: the other years are still checked */
			unusable = cli_fail(&d);
			fprintf(stderr, _("nianbao check: %s left out of the series\n"),
				text_name(files[i]));
			i--, n--, files++;
			continue;
		}
		diags_free(&d);
	}
	struct buf out;
	buf_init(&out);
	if (as_csv)
		cli_csv_head(&out, published != 0);
	struct engine_count c = {0, 0, 0};
	if (rc == CLI_OK && n > 0) {
		chain_sort(v, n);
		for (int i = 0; i < n; i++) {
			int y = report_year(v[i]), before = i > 0 ? report_year(v[i - 1]) : 0;
			/* only a year against the one just before: a gap or a year
			 * given twice is said, not read as breaks */
			if (y == 0)
				fprintf(stderr, _("nianbao check: %s has no year: left out\n"),
					text_name(v[i]->path));
			else if (i > 0 && y == before)
				fprintf(stderr, _("nianbao check: %s and %s are both for %d\n"),
					text_name(v[i - 1]->path), text_name(v[i]->path), y);
			else if (i > 0 && before > 0 && y != before + 1)
				fprintf(stderr,
					_("nianbao check: no report for %d: %s is not checked "
					  "against %s\n"),
					before + 1, text_name(v[i]->path),
					text_name(v[i - 1]->path));
			if (i == 0 || y == 0 || before == 0 || y != before + 1)
				continue;
			char years[64];
			snprintf(years, sizeof years, _("%d against %d"), y, before);
			/* the breaks as the engine finds and counts them (an
			 * acknowledged one is counted apart, as everywhere) */
			struct engine *e = engine_new(v[i]);
			engine_previous(e, v[i - 1]);
			struct problem *p;
			int np = engine_problems(e, &p);
			char *path = text_quote(v[i]->path, CLI_NAME_MAX);
			cli_list(&out, path, v[i], p, np, as_csv, published, years, PROBLEM_BREAK,
				 &c, NULL);
			free(path);
			engine_problems_free(p, np);
			engine_free(e);
		}
		fwrite(out.data, 1, out.len, stdout);
		fflush(stdout);
		char *counts = cli_counts(c.errors, c.warnings);
		fprintf(stderr,
			ngettext("%d report, %d to %d: %s between years\n",
				 "%d reports, %d to %d: %s between years\n", n),
			n, report_year(v[0]), report_year(v[n - 1]), counts);
		free(counts);
		rc = c.errors ? CLI_ERRORS : CLI_OK;
	}
	if (unusable != CLI_OK)
		rc = unusable;
	for (int i = 0; i < n; i++)
		report_free(v[i]);
	free(v);
	import_forms_free(forms);
	buf_free(&out);
	return rc;
}

/* check --text, --html, --docx, --pdf --xlsx BOOK: a sheet of documents
 * and a sheet of problems. */
struct cli_pages_book {
	struct cli_cells docs, probs;
};

enum { CLI_DOC_COLS = 8 };

static int cli_pages_book(const char *book, void *arg, struct diags *d)
{
	const struct cli_pages_book *b = arg;
	static const char *const dh[CLI_DOC_COLS] = {"文件", "机关", "年度", "表式",
						     "错误", "警告", "空白", "判断"};
	static const unsigned char dn[CLI_DOC_COLS] = {0, 0, 1, 0, 1, 1, 1, 1};
	static const char *const ph[CLI_PROB_COLS] = {"文件", "机关", "年度", "严重程度", "检查",
						      "表",   "行",   "列",   "说明"};
	static const unsigned char pn[CLI_PROB_COLS] = {0, 0, 1, 0, 0, 0, 0, 0, 0};
	struct xlsx_table t[2] = {
	    {"文件", dh, dn, CLI_DOC_COLS, (int)(b->docs.n / CLI_DOC_COLS), b->docs.v},
	    {"问题", ph, pn, CLI_PROB_COLS, (int)(b->probs.n / CLI_PROB_COLS), b->probs.v}};
	return xlsx_write_tables(t, 2, book, d);
}

/* check --text / --html / --docx / --pdf: published reports, read and
 * checked without a report file: a line for each (organ, year, form, the
 * counts, the decisions taken), then the problems by the documents'
 * lines; with book, the same as a workbook. */
static int cli_check_published(char **files, int n, enum cli_pub kind, int as_csv,
			       const char *previous, const char *book, int force)
{
	struct diags d;
	diags_init(&d);
	struct import_forms *forms = cli_published_forms(&d);
	if (forms == NULL)
		return cli_fail(&d);
	struct buf out, sum;
	buf_init(&out);
	buf_init(&sum);
	if (as_csv)
		cli_csv_head(&out, 1);
	int worst = CLI_OK;
	int decisions = 0;
	struct import_opts io = {NULL, 0, &decisions};
	struct cli_pages_book pb = {{NULL, 0}, {NULL, 0}};
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (int i = 0; i < n; i++) {
		cli_progress(i, n, &t0);
		/* Word files and PDFs read 32 a run of nianbao-read */
		if (i % 32 == 0)
			cli_published_prefetch(kind, files + i, n - i < 32 ? n - i : 32);
		decisions = 0;
		struct report *r = cli_published(files[i], kind, &io, forms, NULL, &d);
		if (r == NULL) {
			diags_print(&d, stderr);
			diags_free(&d);
			diags_init(&d);
			worst = CLI_UNUSABLE;
			continue;
		}
		int blanks = 0;
		for (int c = 0; c < r->form->ncells; c++)
			blanks += r->form->cells[c].formula == NULL && r->vals[c].kind == VAL_BLANK;
		/* what the line says, taken before the check frees the report */
		char *organ = report_organ(r);
		int year = report_year(r);
		const char *fid = r->form->id; /* the form outlives the report */
		struct engine_count c = {0, 0, 0};
		/* its problems listed, and into the workbook's sheet, in one run
		 * of the checks */
		int rc = cli_check_one(files[i], as_csv, NULL, previous, &out, &c, r,
				       CLI_CHECK_PAGE, book ? &pb.probs : NULL);
		worst = rc > worst ? rc : worst;
		char y[16] = "?";
		if (year)
			snprintf(y, sizeof y, "%d", year);
		if (book) {
			char num[4][16];
			snprintf(num[0], sizeof num[0], "%d", c.errors);
			snprintf(num[1], sizeof num[1], "%d", c.warnings);
			snprintf(num[2], sizeof num[2], "%d", blanks);
			snprintf(num[3], sizeof num[3], "%d", decisions);
			const char *const row[CLI_DOC_COLS] = {
			    files[i], organ, year ? y : "", fid, num[0], num[1], num[2], num[3]};
			for (int f = 0; f < CLI_DOC_COLS; f++)
				cli_cells_push(&pb.docs, row[f]);
		}
		char *counts = cli_counts(c.errors, c.warnings);
		char *nblank = xasprintf(ngettext("%d blank", "%d blanks", blanks), blanks);
		char *ndec =
		    xasprintf(ngettext("%d decision", "%d decisions", decisions), decisions);
		/* TRANSLATORS: page, organ, year, form id, "2 errors, 1 warning",
		 * "3 blanks", "5 decisions" */
		buf_printf(&sum, _("%s: %s %s, form %s: %s, %s, %s\n"), text_name(files[i]),
			   *organ ? organ : "?", y, fid, counts, nblank, ndec);
		free(counts);
		free(nblank);
		free(ndec);
		free(organ);
	}
	cli_published_prefetch_free();
	cli_progress(n, n, &t0);
	if (!as_csv)
		fwrite(sum.data, 1, sum.len, stdout);
	else
		fwrite(sum.data, 1, sum.len, stderr);
	fwrite(out.data, 1, out.len, stdout);
	if (book) {
		int brc = cli_book(book, force, cli_pages_book, &pb);
		worst = brc > worst ? brc : worst;
	}
	cli_cells_free(&pb.docs);
	cli_cells_free(&pb.probs);
	buf_free(&out);
	buf_free(&sum);
	diags_free(&d);
	import_forms_free(forms);
	return worst;
}

int cli_check(int argc, char **argv)
{
	static const struct option opts[] = {{"csv", no_argument, NULL, 'c'},
					     {"raw", no_argument, NULL, 'r'},
					     {"previous", required_argument, NULL, 'p'},
					     {"series", no_argument, NULL, 's'},
					     {"text", no_argument, NULL, 'T'},
					     {"html", no_argument, NULL, 'H'},
					     {"docx", no_argument, NULL, 'D'},
					     {"pdf", no_argument, NULL, 'P'},
					     {"xlsx", required_argument, NULL, 'x'},
					     {"force", no_argument, NULL, 'F'},
					     {NULL, 0, NULL, 0}};
	int as_csv = 0, raw = 0, series = 0, force = 0, c;
	enum cli_pub published = 0;
	const char *previous = NULL, *book = NULL;
	while ((c = getopt_long(argc, argv, "", opts, NULL)) != -1) {
		if (c == 'c')
			as_csv = 1;
		else if (c == 'r')
			raw = 1;
		else if (c == 'p')
			previous = optarg;
		else if (c == 's')
			series = 1;
		else if (c == 'x')
			book = optarg;
		else if (c == 'F')
			force = 1;
		else if (c == 'T' || c == 'H' || c == 'D' || c == 'P')
			published = c == 'T'   ? CLI_PUB_TEXT
				    : c == 'H' ? CLI_PUB_HTML
				    : c == 'D' ? CLI_PUB_DOCX
					       : CLI_PUB_PDF;
		else
			return cli_bad_usage("check", _("unknown option"));
	}
	if ((book || force) && (!published || series))
		return cli_bad_usage("check", _("--xlsx BOOK [--force] is for published documents "
						"(--text, --html, --docx, --pdf)"));
	if (series)
		return optind < argc ? cli_series(argv + optind, argc - optind,
						  as_csv && raw ? 2 : as_csv, published)
				     : cli_bad_usage("check", _("--series needs the reports"));
	if (published)
		return optind < argc
			   ? cli_check_published(argv + optind, argc - optind, published,
						 as_csv && raw ? 2 : as_csv, previous, book, force)
			   : cli_bad_usage("check",
					   _("usage: nianbao check --text FILE... | --html "
					     "PAGE... | --docx FILE... | --pdf FILE... [--csv "
					     "[--raw]] [--xlsx BOOK [--force]]"));

	if (optind >= argc)
		return cli_bad_usage("check", _("usage: nianbao check [--csv [--raw]] FILE..."));
	if (as_csv && raw)
		as_csv = 2; /* for machines: nothing guarded against spreadsheets */
	struct buf out;
	buf_init(&out);
	if (as_csv)
		cli_csv_head(&out, 0);
	int worst = CLI_OK;
	struct cli_known known;
	cli_known_init(&known, argv + optind, argc - optind);
	int batched = cli_batch_messages();
	for (int i = optind; i < argc; i++) {
		struct engine_count n = {-1, 0, 0};
		int rc = cli_check_one(argv[i], as_csv, &known, previous, &out, &n, NULL, 0, NULL);
		worst = rc > worst ? rc : worst;
		fwrite(out.data, 1, out.len, stdout);
		out.len = 0;
		if (n.errors >= 0) {
			/* the summary, beside the listing: stdout stays the list alone */
			if (!batched)
				fflush(stdout);
			char *counts = cli_counts(n.errors, n.warnings);
			fprintf(cli_messages(), _("%s: %s, %d acknowledged\n"), text_name(argv[i]),
				counts, n.acknowledged);
			free(counts);
		}
	}
	cli_known_free(&known);
	buf_free(&out);
	return worst;
}
