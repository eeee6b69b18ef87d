/* What the command line's files share: exit statuses and the two ways a
 * command gives up. */
#ifndef NIANBAO_CLIINT_H
#define NIANBAO_CLIINT_H

struct diags;

enum { CLI_OK = 0, CLI_ERRORS = 1, CLI_UNUSABLE = 2 };

/* Prints the diagnostics and frees them; CLI_UNUSABLE. */
int cli_fail(struct diags *d);
/* "nianbao CMD: msg" and a pointer to --help; CLI_UNUSABLE. */
int cli_bad_usage(const char *cmd, const char *msg);

#endif
