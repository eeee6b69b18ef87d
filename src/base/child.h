/* Running another program, the clerk's editor or the print command,
 * without a shell: the command is split into words at spaces and tabs and
 * nothing in it, or in the report, is ever interpreted. */
#ifndef NIANBAO_CHILD_H
#define NIANBAO_CHILD_H
#include <stddef.h>

/* Splits command into words in place; argv ends with NULL and has room for
 * max words. Returns the count. */
int child_words(char *command, char **argv, int max);

/* Runs command with arg (if not NULL) as one more word. With input, the
 * input is written to its standard input and the first line it says (on
 * standard output or error) is kept in said; without, it shares the
 * terminal. Returns its exit status; -1 when it could not be run or was
 * killed (said, when given, says why). */
int child_run(const char *command, const char *arg, const char *input, size_t len, char *said,
	      size_t saidn);

/* The same with the words given, no splitting: file is run (searched in
 * PATH when it has no slash) with argv as its arguments (argv[0] first,
 * NULL last). */
int child_run_argv(const char *file, char *const *argv, const char *input, size_t len, char *said,
		   size_t saidn);

/* Runs file (a path, never searched) with argv, its standard output
 * read into out (at most limit bytes); its standard error the caller's,
 * or, with said, kept and its first line put there. Returns its exit
 * status; -1 when it could not be run, was killed or said more than
 * limit. */
struct buf;
int child_output(const char *file, char *const *argv, struct buf *out, size_t limit, char *said,
		 size_t saidn);

#endif
