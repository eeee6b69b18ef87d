/* nianbao diff: what differs between two reports, by printed labels. */
#include "cli/cli.h"
#include "base/i18n.h"
#include "cli/cliint.h"
#include "base/buf.h"
#include "output/csv.h"
#include "output/diff.h"
#include "engine/engine.h"
#include "base/text.h"
#include "base/xmalloc.h"

#include <getopt.h>
#include <stdlib.h>

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
