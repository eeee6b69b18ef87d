/* nianbao: argument parsing and subcommand dispatch, nothing else. */
#include "config.h"

#include "cli/cli.h"
#include "base/i18n.h"
#include "tui/tui.h"
#include "base/width.h"

#include <libintl.h>
#include <locale.h>
#include <malloc.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>
#include <time.h>

/* The editing screen's options, before or after FILE:
 * [edit] [--print-command CMD] [--wide-ambiguous] FILE. */
static int main_edit(int argc, char **argv, int utf8, const struct timespec *t0)
{
	struct tui_opts o = {NULL, 0, 0, 0, 0, 0, NULL};
	const char *file = NULL;
	for (int i = 0; i < argc; i++) {
		if (strcmp(argv[i], "--print-command") == 0 && i + 1 < argc)
			o.print_command = argv[++i];
		else if (strncmp(argv[i], "--print-command=", 16) == 0)
			o.print_command = argv[i] + 16;
		else if (strcmp(argv[i], "--wide-ambiguous") == 0)
			o.wide_ambiguous = 1;
		else if (strcmp(argv[i], "--html") == 0)
			o.html = 1;
		else if (strcmp(argv[i], "--pdf") == 0)
			o.pdf = 1;
		else if (strcmp(argv[i], "--docx") == 0)
			o.docx = 1;
		else if (strcmp(argv[i], "--print-pdf") == 0)
			o.print_pdf = 1;
		else if (strncmp(argv[i], "--cell=", 7) == 0)
			o.cell = argv[i] + 7;
		else if (argv[i][0] == '-' && argv[i][1] != '\0') {
			fprintf(stderr, _("nianbao: unknown option '%s'\n"), argv[i]);
			cli_help("edit", stderr);
			return 2;
		} else if (file == NULL)
			file = argv[i];
		else {
			fputs(_("nianbao: one report at a time\n"), stderr);
			cli_help("edit", stderr);
			return 2;
		}
	}
	if (file == NULL) {
		cli_help("edit", stderr);
		return 2;
	}
	return tui_run(file, utf8, t0, &o);
}

int main(int argc, char **argv)
{
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0); /* for the start-up benchmark */
	/* every message in the user's language: bound once, for the command
	 * line and the editing screen alike */
	int utf8 = i18n_init(PACKAGE, LOCALEDIR);
	int terminal = isatty(0) && isatty(1);
	if (argc < 2 && !terminal) {
		cli_usage(stderr);
		return 2;
	}
	if ((argc < 2 || (argc == 2 && strcmp(argv[1], "new") == 0)) && terminal && utf8) {
		/* in a terminal: the start screen, or the questions of a new report */
		int status = 0;
		char *path = argc < 2 ? start_screen() : start_new(&status);
		if (path == NULL)
			return status;
		struct tui_opts o = {NULL, 0, 0, 0, 0, 0, NULL};
		int rc = tui_run(path, utf8, &t0, &o);
		free(path);
		return rc;
	}
	const char *cmd = argv[1];
	if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0) {
		cli_usage(stdout);
		return 0;
	}
	if (strcmp(cmd, "--version") == 0 || strcmp(cmd, "-V") == 0) {
		printf("nianbao %s\n", PACKAGE_VERSION);
		return 0;
	}
	/* nianbao COMMAND --help, for every command */
	for (int i = 2; i < argc; i++)
		if ((strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) &&
		    cli_help(cmd, stdout) == 0)
			return 0;
	const struct cli_command *c = cli_command(cmd);
	if (c != NULL && c->run != NULL) {
#ifdef M_TRIM_THRESHOLD
		/* a command reads report after report, each freed before the
		 * next: the heap it gave back to the system at every free it
		 * took again at the next read (a tenth of sum's time in brk
		 * and page faults); kept, it is reused */
		mallopt(M_TRIM_THRESHOLD, 64 << 20);
#endif
		return c->run(argc - 1, argv + 1);
	}
	if (strcmp(cmd, "edit") == 0)
		return main_edit(argc - 2, argv + 2, utf8, &t0);
	/* nianbao [OPTION]... FILE [OPTION]...: a name with a dot is a report */
	for (int i = 1; i < argc; i++)
		if (argv[i][0] != '-' && strchr(argv[i], '.') != NULL &&
		    (i == 1 || strcmp(argv[i - 1], "--print-command") != 0))
			return main_edit(argc - 1, argv + 1, utf8, &t0);
	fprintf(stderr, _("nianbao: unknown command '%s'\nTry 'nianbao --help'.\n"), cmd);
	return 2;
}
