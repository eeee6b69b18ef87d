/* nianbao: argument parsing and subcommand dispatch, nothing else. */
#include "config.h"

#include "cli.h"
#include "tui/tui.h"
#include "width.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>
#include <time.h>

int main(int argc, char **argv)
{
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0); /* for the start-up benchmark */
	int utf8 = width_init_locale();
	int terminal = isatty(0) && isatty(1);
	if (argc < 2 && !terminal) {
		cli_usage(stderr);
		return 2;
	}
	if ((argc < 2 || (argc == 2 && strcmp(argv[1], "new") == 0)) && terminal && utf8) {
		/* in a terminal: the start screen, or the questions of a new report */
		app_language();
		char *path = argc < 2 ? start_screen() : start_new();
		if (path == NULL)
			return 0;
		int rc = tui_run(path, utf8, &t0, NULL);
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
	static const struct {
		const char *name;
		int (*run)(int, char **);
	} cmds[] = {{"new", cli_new},       {"check", cli_check},   {"render", cli_render},
		    {"export", cli_export}, {"import", cli_import}, {"forms", cli_forms}};
	for (size_t i = 0; i < sizeof cmds / sizeof cmds[0]; i++)
		if (strcmp(cmd, cmds[i].name) == 0)
			return cmds[i].run(argc - 1, argv + 1);
	if (strcmp(cmd, "edit") == 0) {
		const char *print = NULL;
		if (argc == 5 && strcmp(argv[2], "--print-command") == 0)
			print = argv[3];
		else if (argc != 3) {
			fputs("nianbao edit: usage: nianbao edit [--print-command CMD] FILE\n",
			      stderr);
			return 2;
		}
		return tui_run(argv[argc - 1], utf8, &t0, print);
	}
	if (cmd[0] != '-' && argc == 2 && strchr(cmd, '.') != NULL)
		return tui_run(cmd, utf8, &t0, NULL); /* nianbao FILE */
	fprintf(stderr, "nianbao: unknown command '%s'\nTry 'nianbao --help'.\n", cmd);
	return 2;
}
