/* Atomic save of a report and its rendering, with one backup generation.
 *
 * Order: both new files are written, synced and closed under temporary
 * names first; the old report is copied to FILE~; then the rendering is
 * renamed into place and the report last. A failure before the report's
 * rename leaves the report as it was (and puts the old rendering back), and
 * no temporary file behind.
 *
 * Every system call goes through savefile_fault(), a seam for the tests:
 * NIANBAO_TEST_FAULT=OP:N makes the N-th call of OP (open, write, fsync,
 * close, rename) in this process fail, so each failure point can be tried. */
#include "base/savefile.h"
#include "base/i18n.h"
#include "base/buf.h"
#include "base/diag.h"
#include "base/xmalloc.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static int savefile_fault(const char *op)
{
	static int calls[5];
	static const char *ops[] = {"open", "write", "fsync", "close", "rename"};
	const char *spec = getenv("NIANBAO_TEST_FAULT");
	if (spec == NULL)
		return 0;
	for (int i = 0; i < 5; i++) {
		size_t n = strlen(ops[i]);
		if (strcmp(op, ops[i]) != 0)
			continue;
		calls[i]++;
		if (strncmp(spec, op, n) == 0 && spec[n] == ':' && atoi(spec + n + 1) == calls[i]) {
			errno = strcmp(op, "write") == 0 ? ENOSPC : EIO;
			return 1;
		}
	}
	return 0;
}

static int savefile_fail(struct diags *d, const char *path, const char *what, int err)
{
	diags_add(d, DIAG_ERROR, path, 0, 0, "cannot save (%s): %s", what, strerror(err));
	return -1;
}

/* The mode and group a file saved at path gets: those of the file there
 * now (a 0600 or 0640 report stays so), else what the umask gives. */
struct savefile_mode {
	mode_t mode;
	gid_t gid; /* (gid_t)-1: the folder's */
};

static struct savefile_mode savefile_mode_of(const char *path)
{
	struct stat st;
	struct savefile_mode m = {0, (gid_t)-1};
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
		m.mode = st.st_mode & 07777;
		m.gid = st.st_gid;
	} else {
		mode_t mask = umask(0);
		umask(mask);
		m.mode = 0666 & ~mask;
	}
	return m;
}

/* Writes data to a new temporary file beside path (0600 while it is
 * written, given mode m once whole); its name in *tmp. */
static int savefile_temp(const char *path, const char *data, size_t len,
			 const struct savefile_mode *m, char **tmp, struct diags *d)
{
	*tmp = savefile_hidden(path, ".XXXXXX");
	int fd = savefile_fault("open") ? -1 : mkstemp(*tmp);
	if (fd < 0) {
		int err = errno;
		free(*tmp);
		*tmp = NULL;
		return savefile_fail(d, path, _("creating a temporary file"), err);
	}
	const char *what = NULL;
	int err = 0;
	for (size_t off = 0; what == NULL && off < len;) {
		ssize_t w = savefile_fault("write") ? -1 : write(fd, data + off, len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			what = "writing", err = w < 0 ? errno : EIO;
		else
			off += (size_t)w;
	}
	if (what == NULL && (savefile_fault("fsync") || fsync(fd) < 0))
		what = "syncing", err = errno;
	/* the group where allowed (a member may give a file to its group) */
	if (what == NULL && m->gid != (gid_t)-1 && fchown(fd, (uid_t)-1, m->gid) < 0)
		(void)0;
	if (what == NULL && fchmod(fd, m->mode) < 0)
		what = _("setting its mode"), err = errno;
	if (savefile_fault("close")) {
		close(fd);
		if (what == NULL)
			what = "closing", err = EIO;
	} else if (close(fd) < 0 && what == NULL) {
		what = "closing", err = errno;
	}
	if (what != NULL) {
		unlink(*tmp);
		free(*tmp);
		*tmp = NULL;
		return savefile_fail(d, path, what, err);
	}
	return 0;
}

static int savefile_rename(const char *from, const char *to)
{
	if (savefile_fault("rename"))
		return -1;
	return rename(from, to);
}

static void savefile_sync_dir(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? xstrndup(path, (size_t)(slash - path + 1)) : xstrdup(".");
	int dfd = open(dir, O_RDONLY | O_DIRECTORY);
	if (dfd >= 0) {
		fsync(dfd);
		close(dfd);
	}
	free(dir);
}

static int savefile_write_mode(const char *path, const char *data, size_t len,
			       const struct savefile_mode *m, struct diags *d)
{
	char *tmp;
	if (savefile_temp(path, data, len, m, &tmp, d) < 0)
		return -1;
	if (savefile_rename(tmp, path) < 0) {
		int err = errno;
		unlink(tmp);
		free(tmp);
		return savefile_fail(d, path, _("renaming into place"), err);
	}
	free(tmp);
	savefile_sync_dir(path);
	return 0;
}

int savefile_write(const char *path, const char *data, size_t len, struct diags *d)
{
	struct savefile_mode m = savefile_mode_of(path);
	return savefile_write_mode(path, data, len, &m, d);
}

/* Whether the folder entry n is a temporary of the file name (.NAME.XXXXXX,
 * as savefile_hidden and mkstemp or mkdtemp make it). */
static int savefile_is_temp_of(const char *n, const char *name)
{
	size_t k = strlen(name);
	return n[0] == '.' && strncmp(n + 1, name, k) == 0 && n[k + 1] == '.' &&
	       strlen(n + k + 2) == 6;
}

/* Private folders of earlier writes to path (.NAME.XXXXXX/) that a write
 * killed midway left: this user's, older than any write takes, they go
 * with what they hold (one file, never followed through a link). */
static void savefile_sweep_dirs(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? xstrndup(path, (size_t)(slash - path)) : xstrdup(".");
	const char *name = slash ? slash + 1 : path;
	DIR *dp = opendir(slash ? (*dir ? dir : "/") : ".");
	time_t now = time(NULL);
	struct dirent *de;
	while (dp != NULL && (de = readdir(dp)) != NULL) {
		const char *n = de->d_name;
		if (!savefile_is_temp_of(n, name))
			continue;
		char *full = xasprintf("%s/%s", slash ? dir : ".", n);
		struct stat st;
		if (lstat(full, &st) == 0 && S_ISDIR(st.st_mode) && st.st_uid == geteuid() &&
		    st.st_mtime < now - SAVEFILE_TEMP_AGE) {
			DIR *in = opendir(full);
			struct dirent *e;
			while (in != NULL && (e = readdir(in)) != NULL) {
				if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
					continue;
				char *f = xasprintf("%s/%s", full, e->d_name);
				unlink(f);
				free(f);
			}
			if (in != NULL)
				closedir(in);
			rmdir(full);
		}
		free(full);
	}
	if (dp != NULL)
		closedir(dp);
	free(dir);
}

char *savefile_private_dir(const char *path, struct diags *d)
{
	savefile_sweep_dirs(path);
	char *dir = savefile_hidden(path, ".XXXXXX");
	if (savefile_fault("open") || mkdtemp(dir) == NULL) {
		savefile_fail(d, path, _("creating a temporary folder"), errno);
		free(dir);
		return NULL;
	}
	return dir;
}

/* The folder of tmp, made by savefile_private_dir. */
static void savefile_rmdir_of(const char *tmp)
{
	const char *slash = strrchr(tmp, '/');
	if (slash == NULL)
		return;
	char *dir = xstrndup(tmp, (size_t)(slash - tmp));
	rmdir(dir);
	free(dir);
}

void savefile_discard(const char *tmp)
{
	unlink(tmp);
	savefile_rmdir_of(tmp);
}

int savefile_place(const char *tmp, const char *path, struct diags *d)
{
	struct savefile_mode m = savefile_mode_of(path);
	const char *what = NULL;
	int err = 0;
	int fd = open(tmp, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
	if (fd < 0)
		what = _("opening the temporary file"), err = errno;
	else if (savefile_fault("fsync") || fsync(fd) < 0)
		what = "syncing", err = errno;
	else if (m.gid != (gid_t)-1 && fchown(fd, (uid_t)-1, m.gid) < 0)
		(void)0; /* the group where allowed */
	if (what == NULL && fchmod(fd, m.mode) < 0)
		what = _("setting its mode"), err = errno;
	if (fd >= 0)
		close(fd);
	if (what == NULL && savefile_rename(tmp, path) < 0)
		what = _("renaming into place"), err = errno;
	if (what != NULL) {
		savefile_discard(tmp);
		return savefile_fail(d, path, what, err);
	}
	savefile_rmdir_of(tmp);
	savefile_sync_dir(path);
	return 0;
}

/* path with its .yaml or .yml replaced by ext (else ext added). */
static char *savefile_beside(const char *path, const char *ext)
{
	/* put together, not formatted: check asks it of every report */
	size_t n = strlen(path), keep = n, e = strlen(ext);
	if (n > 5 && strcmp(path + n - 5, ".yaml") == 0)
		keep = n - 5;
	else if (n > 4 && strcmp(path + n - 4, ".yml") == 0)
		keep = n - 4;
	char *s = xmalloc(keep + e + 1);
	memcpy(s, path, keep);
	memcpy(s + keep, ext, e + 1);
	return s;
}

char *savefile_txt_path(const char *path)
{
	return savefile_beside(path, ".txt");
}

char *savefile_html_path(const char *path)
{
	return savefile_beside(path, ".html");
}

char *savefile_hidden(const char *path, const char *suffix)
{
	const char *slash = strrchr(path, '/');
	int dirlen = slash ? (int)(slash - path + 1) : 0;
	return xasprintf("%.*s.%s%s", dirlen, path, slash ? slash + 1 : path, suffix);
}

char *savefile_backup_path(const char *path)
{
	return xasprintf("%s~", path);
}

int savefile_pair(const char *link, const struct buf *yaml, const struct buf *txt, struct diags *d)
{
	/* a report that is a symbolic link is written through to its target,
	 * never replaced by a copy; the rendering and FILE~ go beside that */
	char *real = realpath(link, NULL);
	const char *path = real ? real : link;
	/* the report, its backup and its rendering keep the report's mode */
	struct savefile_mode m = savefile_mode_of(path);
	char *tpath = savefile_txt_path(path), *bpath = savefile_backup_path(path);
	char *ty = NULL, *tt = NULL;
	struct buf old, oldtxt;
	buf_init(&old);
	buf_init(&oldtxt);
	int had = buf_read_file(&old, path, 0) == 0;
	int had_txt = buf_read_file(&oldtxt, tpath, 0) == 0;
	int rc = -1;
	if (savefile_temp(path, yaml->data, yaml->len, &m, &ty, d) < 0 ||
	    savefile_temp(tpath, txt->data, txt->len, &m, &tt, d) < 0)
		goto out;
	/* one generation of backup: the report as it was before this save */
	if (had && savefile_write_mode(bpath, old.data, old.len, &m, d) < 0)
		goto out;
	if (savefile_rename(tt, tpath) < 0) {
		savefile_fail(d, tpath, _("renaming into place"), errno);
		goto out;
	}
	free(tt);
	tt = NULL;
	if (savefile_rename(ty, path) < 0) {
		int err = errno;
		/* the report stays as it was: so does its rendering */
		if (had_txt)
			savefile_write_mode(tpath, oldtxt.data, oldtxt.len, &m, d);
		else
			unlink(tpath);
		savefile_fail(d, path, _("renaming into place"), err);
		goto out;
	}
	free(ty);
	ty = NULL;
	savefile_sync_dir(path);
	rc = 0;
out:
	if (ty != NULL)
		unlink(ty);
	if (tt != NULL)
		unlink(tt);
	free(ty);
	free(tt);
	free(tpath);
	free(bpath);
	free(real);
	buf_free(&old);
	buf_free(&oldtxt);
	return rc;
}

/* Temporary files of this report's saves (.NAME.XXXXXX beside it) that a
 * save killed midway left: older than any save takes, they go. */
void savefile_sweep(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *dir = slash ? xstrndup(path, (size_t)(slash - path)) : xstrdup(".");
	char *names[3] = {xstrdup(slash ? slash + 1 : path), savefile_txt_path(path),
			  savefile_backup_path(path)};
	for (int i = 1; i < 3; i++) {
		const char *s = strrchr(names[i], '/');
		if (s != NULL)
			memmove(names[i], s + 1, strlen(s + 1) + 1);
	}
	DIR *dp = opendir(slash ? (*dir ? dir : "/") : ".");
	time_t now = time(NULL);
	struct dirent *de;
	while (dp != NULL && (de = readdir(dp)) != NULL) {
		const char *n = de->d_name;
		for (int i = 0; i < 3; i++) {
			if (!savefile_is_temp_of(n, names[i]))
				continue;
			char *full = xasprintf("%s/%s", slash ? dir : ".", n);
			struct stat st;
			if (lstat(full, &st) == 0 && S_ISREG(st.st_mode) &&
			    st.st_uid == geteuid() && st.st_mtime < now - SAVEFILE_TEMP_AGE)
				unlink(full);
			free(full);
		}
	}
	if (dp != NULL)
		closedir(dp);
	for (int i = 0; i < 3; i++)
		free(names[i]);
	free(dir);
}
