/* Runs a command and prints its peak resident memory in KiB: the launcher
 * is small, so the child's size before exec does not count (as it would
 * from a Python parent). usage: rss OUTFILE COMMAND ARG... */
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc < 3)
		return 2;
	pid_t pid = fork();
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		_exit(127);
	}
	int status;
	struct rusage ru;
	if (wait4(pid, &status, 0, &ru) < 0)
		return 2;
	FILE *fp = fopen(argv[1], "w");
	if (fp == NULL)
		return 2;
	fprintf(fp, "%ld\n", ru.ru_maxrss);
	fclose(fp);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 1;
}
