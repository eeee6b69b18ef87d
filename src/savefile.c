/* Atomic save of a report and its rendering. */
#include "savefile.h"
#include "buf.h"
#include "diag.h"
#include "engine.h"
#include "render.h"
#include "report.h"
#include "xmalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static int savefile_fail(struct diags *d, const char *path, const char *what, int err)
{
	diags_add(d, DIAG_ERROR, path, 0, 0, "cannot save (%s): %s", what, strerror(err));
	return -1;
}

int savefile_write(const char *path, const char *data, size_t len, struct diags *d)
{
	char *slash = strrchr(path, '/');
	char *dir = slash ? xstrndup(path, (size_t)(slash - path + 1)) : xstrdup("");
	const char *base = slash ? slash + 1 : path;
	char *tmp = xasprintf("%s.%s.XXXXXX", dir, base);
	int fd = mkstemp(tmp);
	if (fd < 0) {
		int err = errno;
		free(tmp);
		free(dir);
		return savefile_fail(d, path, "creating a temporary file", err);
	}
	/* mkstemp makes 0600; a saved report gets the mode the umask gives */
	mode_t mask = umask(0);
	umask(mask);
	const char *what = NULL;
	int err = 0;
	if (fchmod(fd, 0666 & ~mask) < 0)
		what = "setting its mode", err = errno;
	for (size_t off = 0; what == NULL && off < len;) {
		ssize_t w = write(fd, data + off, len - off);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0)
			what = "writing", err = w < 0 ? errno : EIO;
		else
			off += (size_t)w;
	}
	if (what == NULL && fsync(fd) < 0)
		what = "syncing", err = errno;
	if (close(fd) < 0 && what == NULL)
		what = "closing", err = errno;
	if (what == NULL && rename(tmp, path) < 0)
		what = "renaming into place", err = errno;
	if (what != NULL) {
		unlink(tmp);
		free(tmp);
		free(dir);
		return savefile_fail(d, path, what, err);
	}
	int dfd = open(*dir ? dir : ".", O_RDONLY | O_DIRECTORY);
	if (dfd >= 0) {
		fsync(dfd);
		close(dfd);
	}
	free(tmp);
	free(dir);
	return 0;
}

char *savefile_txt_path(const char *path)
{
	size_t n = strlen(path);
	if (n > 5 && strcmp(path + n - 5, ".yaml") == 0)
		return xasprintf("%.*s.txt", (int)(n - 5), path);
	if (n > 4 && strcmp(path + n - 4, ".yml") == 0)
		return xasprintf("%.*s.txt", (int)(n - 4), path);
	return xasprintf("%s.txt", path);
}

int savefile_report(const struct engine *e, const char *path, struct diags *d)
{
	struct buf yaml, txt;
	buf_init(&yaml);
	buf_init(&txt);
	int rc = -1;
	if (report_to_yaml(engine_report(e), &yaml) < 0) {
		diags_add(d, DIAG_ERROR, path, 0, 0, "cannot save: the YAML writer refused it");
		goto out;
	}
	struct render_opts ro = render_defaults();
	if (render_report(e, &ro, &txt, d) < 0)
		goto out;
	char *tpath = savefile_txt_path(path);
	rc = savefile_write(path, yaml.data, yaml.len, d);
	if (rc == 0)
		rc = savefile_write(tpath, txt.data, txt.len, d);
	free(tpath);
out:
	buf_free(&yaml);
	buf_free(&txt);
	return rc;
}
