/* Report locks. */
#include "lock.h"
#include "diag.h"
#include "savefile.h"
#include "xmalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

char *lock_path(const char *path)
{
	return savefile_hidden(path, ".lock");
}

static int lock_read(const char *lpath, struct lock_info *who)
{
	FILE *fp = fopen(lpath, "r");
	if (fp == NULL)
		return -1;
	memset(who, 0, sizeof *who);
	int n = fscanf(fp, "%ld %255s %ld", &who->pid, who->host, &who->since);
	fclose(fp);
	return n == 3 ? 0 : -1;
}

/* A lock of this host whose process is gone. */
static int lock_stale(const struct lock_info *who)
{
	char host[256] = "";
	gethostname(host, sizeof host - 1);
	return strcmp(host, who->host) == 0 && who->pid > 0 && kill((pid_t)who->pid, 0) < 0 &&
	       errno == ESRCH;
}

int lock_take(const char *path, struct lock_info *who, struct diags *d)
{
	char *lpath = lock_path(path);
	int rc = -1;
	for (int attempt = 0; attempt < 2; attempt++) {
		int fd = open(lpath, O_WRONLY | O_CREAT | O_EXCL, 0644);
		if (fd >= 0) {
			char host[256] = "";
			gethostname(host, sizeof host - 1);
			char *text = xasprintf("%ld %s %ld\n", (long)getpid(),
					       *host ? host : "unknown", (long)time(NULL));
			ssize_t w = write(fd, text, strlen(text));
			free(text);
			close(fd);
			rc = w > 0 ? 0 : -1;
			if (rc < 0)
				unlink(lpath);
			break;
		}
		if (errno != EEXIST) {
			diags_add(d, DIAG_ERROR, path, 0, 0, "cannot lock (%s): %s", lpath,
				  strerror(errno));
			break;
		}
		if (lock_read(lpath, who) < 0) {
			/* unreadable or half-written: a process died writing it */
			unlink(lpath);
			continue;
		}
		if (!lock_stale(who)) {
			rc = 1;
			break;
		}
		unlink(lpath);
	}
	free(lpath);
	return rc;
}

void lock_release(const char *path)
{
	char *lpath = lock_path(path);
	struct lock_info who;
	/* only our own lock */
	if (lock_read(lpath, &who) == 0 && who.pid == (long)getpid())
		unlink(lpath);
	free(lpath);
}
