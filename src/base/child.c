/* Running a child process: fork, exec without a shell, wait. */
#include "base/child.h"
#include "base/buf.h"
#include "base/xmalloc.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#define CHILD_WORDS 32

int child_words(char *command, char **argv, int max)
{
	int n = 0;
	for (char *save, *w = strtok_r(command, " \t", &save); w && n < max - 1;
	     w = strtok_r(NULL, " \t", &save))
		argv[n++] = w;
	argv[n] = NULL;
	return n;
}

int child_run(const char *command, const char *arg, const char *input, size_t len, char *said,
	      size_t saidn)
{
	char *copy = xstrdup(command);
	char *argv[CHILD_WORDS + 2];
	int argc = child_words(copy, argv, CHILD_WORDS);
	if (arg != NULL)
		argv[argc++] = (char *)arg;
	argv[argc] = NULL;
	int status = child_run_argv(argv[0], argv, input, len, said, saidn);
	free(copy);
	return status;
}

int child_run_argv(const char *file, char *const *argv, const char *input, size_t len, char *said,
		   size_t saidn)
{
	if (said != NULL && saidn > 0)
		said[0] = '\0';
	int in[2] = {-1, -1}, err[2] = {-1, -1};
	if (file == NULL || (input != NULL && (pipe(in) < 0 || pipe(err) < 0))) {
		if (said != NULL)
			snprintf(said, saidn, "%s", file == NULL ? "no command" : strerror(errno));
		return -1;
	}
	pid_t pid = fork();
	if (pid == 0) {
		if (input != NULL) {
			dup2(in[0], 0);
			dup2(err[1], 1);
			dup2(err[1], 2);
			close(in[1]);
			close(err[0]);
		}
		execvp(file, argv);
		/* marked, so the parent knows exec failed whatever the status */
		if (input != NULL)
			dprintf(2, "\001%s", strerror(errno));
		_exit(127);
	}
	if (input != NULL) {
		close(in[0]);
		close(err[1]);
		void (*old)(int) = signal(SIGPIPE, SIG_IGN);
		for (size_t off = 0; pid > 0 && off < len;) {
			ssize_t w = write(in[1], input + off, len - off);
			if (w <= 0)
				break;
			off += (size_t)w;
		}
		close(in[1]);
		char got[256];
		ssize_t k = read(err[0], got, sizeof got - 1);
		got[k > 0 ? k : 0] = '\0';
		got[strcspn(got, "\n")] = '\0';
		close(err[0]);
		signal(SIGPIPE, old);
		if (said != NULL)
			snprintf(said, saidn, "%s", got);
	}
	int status = -1;
	while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (said != NULL && said[0] == '\001') {
		memmove(said, said + 1, strlen(said));
		return -1;
	}
	if (pid < 0 && said != NULL)
		snprintf(said, saidn, "%s", strerror(errno));
	return pid > 0 && WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int child_output(const char *file, char *const *argv, struct buf *out, size_t limit, char *said,
		 size_t saidn)
{
	/* what it says on standard error, kept when asked (the editing
	 * screen's terminal is not to be written on): in a file of its own */
	FILE *err = said != NULL ? tmpfile() : NULL;
	if (said != NULL && saidn > 0)
		said[0] = '\0';
	int fd[2];
	if (pipe(fd) < 0) {
		if (err != NULL)
			fclose(err);
		return -1;
	}
	pid_t pid = fork();
	if (pid == 0) {
		dup2(fd[1], 1);
		if (err != NULL)
			dup2(fileno(err), 2);
		close(fd[0]);
		close(fd[1]);
		execv(file, argv);
		fprintf(stderr, "%s: %s\n", file, strerror(errno));
		_exit(127);
	}
	close(fd[1]);
	int over = 0;
	while (pid > 0) {
		char chunk[65536];
		ssize_t k = read(fd[0], chunk, sizeof chunk);
		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			break;
		if (out->len + (size_t)k > limit) {
			over = 1; /* stop reading: the child then ends on a broken pipe */
			break;
		}
		buf_add(out, chunk, (size_t)k);
	}
	close(fd[0]);
	int status = -1;
	while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	if (err != NULL) {
		rewind(err);
		if (saidn > 0 && fgets(said, (int)saidn, err) != NULL)
			said[strcspn(said, "\n")] = '\0';
		fclose(err);
	}
	if (pid < 0 || over || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}
