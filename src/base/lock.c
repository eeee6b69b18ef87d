/* Report locks: the kernel's flock() on .NAME.lock decides who holds a
 * report, so taking it is one atomic step and a dead holder's lock is free
 * again by itself (nothing reads a half-written file and removes it); the
 * file's text only names the holder for the others' message. */
#include "base/lock.h"
#include "base/i18n.h"
#include "base/diag.h"
#include "base/savefile.h"
#include "base/xmalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

char *lock_path(const char *path)
{
	return savefile_hidden(path, ".lock");
}

/* Who the lock file names; zeros and "unknown" while it is being written. */
static void lock_read(int fd, struct lock_info *who)
{
	char text[512];
	memset(who, 0, sizeof *who);
	ssize_t n = pread(fd, text, sizeof text - 1, 0);
	text[n > 0 ? n : 0] = '\0';
	if (sscanf(text, "%ld %255s %ld", &who->pid, who->host, &who->since) != 3) {
		memset(who, 0, sizeof *who);
		snprintf(who->host, sizeof who->host, "unknown");
	}
}

/* Opens the lock file itself, never a link planted in its place. */
static int lock_open(const char *lpath)
{
	int fd = open(lpath, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0644);
	if (fd < 0 && errno == EACCES) /* another user's: enough to lock */
		fd = open(lpath, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	return fd;
}

int lock_take(const char *path, struct lock_info *who, int *held, struct diags *d)
{
	char *lpath = lock_path(path);
	int rc = -1;
	*held = -1;
	for (int attempt = 0; attempt < 8; attempt++) {
		int fd = lock_open(lpath);
		struct stat st, now;
		if (fd < 0 || fstat(fd, &st) < 0 || !S_ISREG(st.st_mode)) {
			int err = fd < 0 ? errno : EINVAL;
			if (fd >= 0)
				close(fd);
			diags_add(d, DIAG_ERROR, path, 0, 0, "cannot lock (%s): %s", lpath,
				  err == ELOOP ? _("it is a symbolic link") : strerror(err));
			break;
		}
		if (flock(fd, LOCK_EX | LOCK_NB) < 0) {
			int err = errno;
			if (err == EWOULDBLOCK) {
				lock_read(fd, who);
				rc = 1;
			} else {
				diags_add(d, DIAG_ERROR, path, 0, 0, "cannot lock (%s): %s", lpath,
					  strerror(err));
			}
			close(fd);
			break;
		}
		/* released and removed between open and flock: that file is no
		 * longer the lock, try the one there now */
		if (stat(lpath, &now) < 0 || now.st_ino != st.st_ino || now.st_dev != st.st_dev) {
			close(fd);
			continue;
		}
		char host[256] = "";
		gethostname(host, sizeof host - 1);
		char *text = xasprintf("%ld %s %ld\n", (long)getpid(), *host ? host : "unknown",
				       (long)time(NULL));
		/* for the others' message only: the lock is the flock, held now */
		if (ftruncate(fd, 0) == 0 && pwrite(fd, text, strlen(text), 0) > 0)
			fsync(fd);
		free(text);
		*held = fd;
		rc = 0;
		break;
	}
	free(lpath);
	return rc;
}

void lock_release(const char *path, int held)
{
	if (held < 0)
		return;
	char *lpath = lock_path(path);
	struct stat st, now;
	/* only our own file goes; the flock goes with the descriptor */
	if (fstat(held, &st) == 0 && stat(lpath, &now) == 0 && now.st_ino == st.st_ino &&
	    now.st_dev == st.st_dev)
		unlink(lpath);
	close(held);
	free(lpath);
}
