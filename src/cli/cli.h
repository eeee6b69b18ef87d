/* The command-line subcommands: each takes its own arguments (argv[0] is the
 * subcommand's name) and returns the process exit status: 0 done, 1 the
 * report has errors (check), 2 a file or an argument could not be used. */
#ifndef NIANBAO_CLI_H
#define NIANBAO_CLI_H
#include <stdio.h>

int cli_new(int argc, char **argv);
int cli_check(int argc, char **argv);
int cli_render(int argc, char **argv);
int cli_export(int argc, char **argv);
int cli_import(int argc, char **argv);
int cli_forms(int argc, char **argv);
/* sum REPORT... -o TOTAL --organ NAME: a roll-up of one form and year. */
int cli_sum(int argc, char **argv);
/* diff A B: what differs between two reports, by printed labels. */
int cli_diff(int argc, char **argv);
/* A command of the table: name, its lines in the overview, its help and
 * its function (NULL for edit, which main.c runs). */
struct cli_command {
	const char *name;
	const char *synopsis, *help; /* msgids */
	int (*run)(int argc, char **argv);
};
/* The command called name, or NULL. */
const struct cli_command *cli_command(const char *name);
void cli_usage(FILE *fp);
/* One command's usage (cmd "edit" for the editing screen); -1 if none. */
int cli_help(const char *cmd, FILE *fp);

#endif
