/* The command line's table of commands, and what every command shares:
 * the help, the ways to give up, the counts. A new command is one entry of
 * cli_commands and its function (in a file of its family: clinew.c,
 * clicheck.c, cliout.c, clidiff.c, clisum.c). */
#include "cli/cli.h"
#include "base/i18n.h"
#include "cli/cliint.h"
#include "model/form.h"
#include "model/formpath.h"
#include "base/width.h"
#include "base/xmalloc.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* One entry a command: its name, its lines in nianbao --help (NULL: not
 * listed), its own help (nianbao COMMAND --help), and what runs it (NULL:
 * main.c runs it, the editing screen). */
static const struct cli_command cli_commands[] = {
    {"new",
     N_("  new --form ID -o FILE [--organ NAME] [--year N]\n"
	"                        write a blank report of form ID\n"),
     N_("Usage: nianbao new --form ID -o FILE [--organ NAME] [--year N] [--force]\n"
	"       nianbao new --from LAST -o FILE [--form ID]   (last year's into this)\n"
	"       nianbao new            (in a terminal: asks for each)\n"
	"Writes a blank report of form ID (every cell blank, not 0) and its\n"
	"rendering beside it; the year stays blank without --year (asked in a\n"
	"terminal, the year being reported proposed: this year from October,\n"
	"the year before until then). An existing FILE is kept unless --force.\n"),
     cli_new},
    {"check",
     N_("  check [--csv] FILE... list every inconsistency; exit 1 if any is an error\n"
	"  check --text|--html|--docx|--pdf PAGE...\n"
	"                        published reports checked without importing\n"),
     N_("Usage: nianbao check [--csv [--raw]] [--previous LAST] FILE...\n"
	"       nianbao check --series FILE...   (one organ's years, each against the last)\n"
	"       nianbao check --text|--html|--docx|--pdf PAGE...   (published reports, not imported)\n"
	"Lists every inconsistency of each report, one a line: file:line:column,\n"
	"severity, table, row and column, the message with its numbers, the\n"
	"check's id. --csv prints file,severity,check,table,row,column,message,\n"
	"a text a spreadsheet would run as a formula marked with ' (not with --raw).\n"
	"Then, on standard error, each file's count of errors, warnings and\n"
	"acknowledged warnings, as the editing screen and the footer count them.\n"
	"Exit status 0 no errors (warnings allowed), 1 errors, 2 unusable file.\n"),
     cli_check},
    {"render",
     N_("  render FILE [-o OUT] [--width N] [--ascii] [--wide-ambiguous] [--mark]\n"
	"         [--page-lines N] [--footer] [--encoding gb18030]\n"
	"                        the report as plain text for printing\n"
	"  render --html FILE [-o OUT]\n"
	"                        the report as a web page in the official layout\n"
	"  render --pdf FILE [-o OUT]\n"
	"                        the report as a PDF in the official document layout\n"
	"  render --docx FILE [-o OUT]\n"
	"                        the same as a Word file, to edit in WPS or Word\n"),
     N_("Usage: nianbao render FILE [-o OUT] [--width N] [--ascii] [--wide-ambiguous]\n"
	"       [--mark] [--page-lines N] [--footer] [--encoding gb18030] [--force]\n"
	"       [--previous]   (本年 上年 增减 columns, from the report's previous:)\n"
	"       nianbao render --html FILE [-o OUT] [--force]   (a web page)\n"
	"       nianbao render --pdf FILE [-o OUT] [--force] [--font-title F]\n"
	"       [--font-body F] [--font-heading F] [--font-kai F] [--font-folio F]\n"
	"                      (a PDF, beside the report unless -o says where)\n"
	"       nianbao render --docx FILE [-o OUT] [--force]   (a Word file)\n"
	"Prints the report as plain text for printing: ruled tables, prose wrapped\n"
	"by Chinese line-breaking rules, pages with form feeds if --page-lines.\n"
	"-o writes a device or FIFO in place (- is standard output), never replaces\n"
	"a report, and replaces a file of another kind only with --force.\n"),
     cli_render},
    {"export",
     N_("  export --csv FILE [-o OUT] [--bom]\n"
	"                        every cell as table,row,column,value\n"
	"  export --xlsx FILE... -o BOOK.xlsx\n"
	"                        a workbook: the tables as printed, and a long sheet\n"),
     N_("Usage: nianbao export --csv FILE [-o OUT] [--raw] [--bom] [--force]\n"
	"       nianbao export --xlsx FILE... -o BOOK.xlsx [--force]\n"
	"Every cell as table,row,column,value, keyed by the printed labels; a\n"
	"text a spreadsheet would run as a formula (= + - @ first) is marked\n"
	"with ' (import reads it back), not with --raw. -o as for render.\n"),
     cli_export},
    {"import",
     N_("  import --csv CSV --form ID -o FILE [--organ NAME] [--year N]\n"
	"                        a new report from such a CSV\n"
	"  import --text FILE | --html PAGE | --docx FILE | --pdf FILE -o FILE [--strict]\n"
	"                        a published report read back, each decision said\n"),
     N_("Usage: nianbao import --csv CSV --form ID -o FILE [--organ NAME] "
	"[--year N] [--force]\n"
	"       nianbao import --text FILE | --html PAGE | --docx FILE | --pdf FILE -o FILE [--strict]\n"
	"       [--form ID] [--organ NAME] [--year N] [--force]\n"
	"A new report from such a CSV. Values are read as typed: full-width\n"
	"digits, 。 or ． as the point, thousands separators in threes.\n"
	"--text, --html, --docx, --pdf: a published report read back by its labels into\n"
	"the "
	"form they fit; each decision (a label read loosely, a unit converted,\n"
	"a cell left blank, a text not placed) on standard error with the\n"
	"page's line; --strict refuses instead and writes nothing.\n"),
     cli_import},
    {"diff", N_("  diff [--csv] A B      what differs between two reports, by labels\n"),
     N_("Usage: nianbao diff [--csv [--raw]] A B\n"
	"Every cell, header field and prose section of report B that differs from\n"
	"report A, by printed labels (two forms are compared where their labels\n"
	"meet). --csv prints kind,table,row,column,old,new. Exit status 0 the same,\n"
	"1 they differ, 2 unusable file.\n"),
     cli_diff},
    {"sum",
     N_("  sum REPORT... -o TOTAL --organ NAME [--strict]\n"
	"                        a roll-up of reports of one form and year\n"),
     N_("Usage: nianbao sum REPORT... -o TOTAL --organ NAME [--strict] [--force]\n"
	"Sums reports of one form and one year cell by cell, exactly, into a new\n"
	"report that lists its parts; each report is checked first (--strict:\n"
	"none may have errors). check on the roll-up verifies it against them.\n"),
     cli_sum},
    {"forms", N_("  forms                 the forms found, with id, version and title\n"),
     N_("Usage: nianbao forms\n"
	"Lists the forms found, with id, version and title.\n"),
     cli_forms},
    {"edit", NULL,
     N_("Usage: nianbao [edit] [--print-command CMD] [--wide-ambiguous] [--html] [--pdf]\n"
	"       [--docx] [--print-pdf] FILE\n"
	"Opens FILE in the editing screen (options before or after FILE).\n"
	"--html                saving (F2) writes the web page beside it too\n"
	"--pdf, --docx         and the PDF, the Word file (as render --pdf, --docx)\n"
	"--print-pdf           F5 prints the PDF, not the text (NIANBAO_PRINT_PDF=1)\n"
	"--print-command CMD   what F5 runs (default $NIANBAO_PRINT_COMMAND, lp)\n"
	"--wide-ambiguous      the terminal draws East Asian Ambiguous characters\n"
	"                      (“ ” · … × and box drawing) two columns wide\n"
	"                      (also NIANBAO_WIDE_AMBIGUOUS=1)\n"
	"ESCDELAY (ms, default 50) is how long Esc waits for a key sequence.\n"),
     NULL},
};

const struct cli_command *cli_command(const char *name)
{
	for (size_t i = 0; i < sizeof cli_commands / sizeof cli_commands[0]; i++)
		if (strcmp(name, cli_commands[i].name) == 0)
			return &cli_commands[i];
	return NULL;
}

void cli_usage(FILE *fp)
{
	fputs(_("Usage: nianbao COMMAND [OPTION]... [FILE]...\n"
		"Fill in, check and print the statistical tables of a government information\n"
		"disclosure annual report (政府信息公开工作年度报告).\n"
		"\n"
		"Commands:\n"),
	      fp);
	for (size_t i = 0; i < sizeof cli_commands / sizeof cli_commands[0]; i++)
		if (cli_commands[i].synopsis != NULL)
			fputs(_(cli_commands[i].synopsis), fp);
	fprintf(fp,
		_("\n"
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
	const struct cli_command *c = cli_command(cmd);
	if (c == NULL)
		return -1;
	fputs(_(c->help), fp);
	return 0;
}

char *cli_counts(int errors, int warnings)
{
	/* the small counts, said again for file after file, made once */
	enum { SMALL = 8 };
	static char *made[SMALL][SMALL];
	int small = errors >= 0 && errors < SMALL && warnings >= 0 && warnings < SMALL;
	if (small && made[errors][warnings] != NULL)
		return xstrdup(made[errors][warnings]);
	char *e = xasprintf(ngettext("%d error", "%d errors", errors), errors);
	char *w = xasprintf(ngettext("%d warning", "%d warnings", warnings), warnings);
	/* TRANSLATORS: two counts, "2 errors" and "1 warning" */
	char *s = xasprintf(_("%s, %s"), e, w);
	free(e);
	free(w);
	if (small)
		made[errors][warnings] = xstrdup(s);
	return s;
}

static FILE *cli_msgs; /* NULL: stderr */

FILE *cli_messages(void)
{
	return cli_msgs ? cli_msgs : stderr;
}

int cli_batch_messages(void)
{
	struct stat o, e;
	if (isatty(STDERR_FILENO))
		return 0;
	if (fstat(STDOUT_FILENO, &o) == 0 && fstat(STDERR_FILENO, &e) == 0 &&
	    o.st_dev == e.st_dev && o.st_ino == e.st_ino)
		cli_msgs = stdout;
	else {
		/* its own room: "out of memory" must still get out */
		static char room[BUFSIZ];
		setvbuf(stderr, room, _IOFBF, sizeof room);
	}
	return 1;
}

int cli_fail(struct diags *d)
{
	diags_print(d, cli_messages());
	diags_free(d);
	return CLI_UNUSABLE;
}

int cli_bad_usage(const char *cmd, const char *msg)
{
	fprintf(stderr, _("nianbao %s: %s\nTry 'nianbao --help'.\n"), cmd, msg);
	return CLI_UNUSABLE;
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
