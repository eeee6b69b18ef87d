/* Saving a report: its YAML and its rendering, made here and handed to the
 * atomic writer (savefile.c) as one pair; and the rendering beside a report
 * checked against it and written again when they disagree. */
#include "output/save.h"
#include "base/buf.h"
#include "base/diag.h"
#include "base/dirlist.h"
#include "engine/engine.h"
#include "output/html.h"
#include "output/page.h"
#include "output/render.h"
#include "model/report.h"
#include "base/savefile.h"
#include "base/xmalloc.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The rendering of e's report as it is saved beside it. */
static int save_render(const struct engine *e, struct buf *txt, struct diags *d)
{
	struct render_opts ro = render_defaults();
	return page_report(e, &ro, txt, d);
}

struct save_folders {
	struct save_folder {
		char *dir; /* as the paths give it, to its last slash; "" here */
		struct dirlist *names;
		char *real;   /* its resolved path, once asked (save_folders_real) */
		int resolved; /* asked: real, or NULL when it cannot be resolved */
	} * v;
	size_t n;
};

/* The length of path's folder, to and with its last slash. */
static size_t save_dirlen(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? (size_t)(slash - path + 1) : 0;
}

static int save_dircmp(const void *a, const void *b)
{
	const char *x = *(const char *const *)a, *y = *(const char *const *)b;
	size_t m = save_dirlen(x), n = save_dirlen(y);
	int c = memcmp(x, y, m < n ? m : n);
	return c ? c : (m > n) - (m < n);
}

struct save_folders *save_folders_list(char *const *paths, int n)
{
	struct save_folders *f = xcalloc(1, sizeof *f);
	f->v = xcalloc((size_t)n / SAVE_LIST_MIN + 1, sizeof *f->v);
	/* sorted by folder, each run of one folder counted; the listed ones
	 * so kept in order */
	char **by = xcalloc((size_t)n + 1, sizeof *by);
	memcpy(by, paths, (size_t)n * sizeof *by);
	qsort(by, (size_t)n, sizeof *by, save_dircmp);
	for (int i = 0, j; i < n; i = j) {
		for (j = i + 1; j < n && save_dircmp(&by[i], &by[j]) == 0; j++)
			;
		if (j - i < SAVE_LIST_MIN)
			continue;
		/* a folder of many more names than reports is asked about
		 * report by report */
		char *dir = xasprintf("%.*s", (int)save_dirlen(by[i]), by[i]);
		struct dirlist *names = dirlist_read(dir, 4 * (size_t)(j - i) + 1024);
		if (names == NULL) {
			free(dir);
			continue;
		}
		f->v[f->n++] = (struct save_folder){dir, names, NULL, 0};
	}
	free(by);
	return f;
}

void save_folders_free(struct save_folders *f)
{
	if (f == NULL)
		return;
	for (size_t i = 0; i < f->n; i++) {
		free(f->v[i].dir);
		dirlist_free(f->v[i].names);
		free(f->v[i].real);
	}
	free(f->v);
	free(f);
}

/* Path's folder, or NULL when it was not listed. */
static struct save_folder *save_folder_of(const struct save_folders *f, const char *path)
{
	size_t lo = 0, hi = f ? f->n : 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const char *dir = f->v[mid].dir;
		int c = save_dircmp(&dir, &path);
		if (c == 0)
			return &f->v[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* 1 when d (path's listed folder, or NULL) has path, no link. */
static int save_plain_in(const struct save_folder *d, const char *path)
{
	const char *base = path + save_dirlen(path);
	return d != NULL && strcmp(base, ".") != 0 && strcmp(base, "..") != 0 &&
	       dirlist_kind(d->names, base) == DIRLIST_OTHER;
}

char *save_folders_real(struct save_folders *f, const char *path)
{
	struct save_folder *d = save_folder_of(f, path);
	if (!save_plain_in(d, path))
		return realpath(path, NULL);
	if (!d->resolved) {
		d->real = realpath(*d->dir ? d->dir : ".", NULL);
		d->resolved = 1;
	}
	if (d->real == NULL)
		return NULL;
	size_t rl = strlen(d->real);
	int sep = rl == 0 || d->real[rl - 1] != '/';
	return xasprintf("%s%s%s", d->real, sep ? "/" : "", path + save_dirlen(path));
}

/* 1 when the listing of path's folder says that path is no link and that
 * tpath, beside it, was not there. */
static int save_known_absent(const struct save_folders *f, const char *path, const char *tpath)
{
	size_t dl = save_dirlen(path);
	const struct save_folder *d = save_folder_of(f, path);
	return save_plain_in(d, path) && save_dirlen(tpath) == dl &&
	       dirlist_kind(d->names, tpath + dl) == DIRLIST_NONE;
}

int save_txt_stale(const struct engine *e, const char *path, const struct save_folders *known)
{
	/* the rendering is beside the file a link leads to; beside any other
	 * report its own path says where (one lstat, not a realpath of every
	 * folder on the way; none when the folder's listing says) */
	char *tpath = savefile_txt_path(path);
	if (save_known_absent(known, path, tpath)) {
		free(tpath);
		return 0;
	}
	struct stat st;
	char *real = lstat(path, &st) == 0 && S_ISLNK(st.st_mode) ? realpath(path, NULL) : NULL;
	if (real != NULL) {
		free(tpath);
		tpath = savefile_txt_path(real);
	}
	struct buf old, now;
	buf_init(&old);
	buf_init(&now);
	struct diags d;
	diags_init(&d);
	int stale = buf_read_file(&old, tpath, 0) == 0 && save_render(e, &now, &d) == 0 &&
		    (old.len != now.len || memcmp(old.data, now.data, now.len) != 0);
	diags_free(&d);
	buf_free(&old);
	buf_free(&now);
	free(tpath);
	free(real);
	return stale;
}

/* The web page of e's report. */
static int save_page(const struct engine *e, struct buf *out, struct diags *d)
{
	(void)d;
	html_report(e, out);
	return 0;
}

/* Writes what make makes of e beside the report at path (through a link,
 * beside its target), at the path where gives. */
static int save_beside(const struct engine *e, const char *path, char *(*where)(const char *),
		       int (*make)(const struct engine *, struct buf *, struct diags *),
		       struct diags *d)
{
	char *real = realpath(path, NULL);
	char *to = where(real ? real : path);
	struct buf text;
	buf_init(&text);
	int rc = make(e, &text, d) == 0 ? savefile_write(to, text.data, text.len, d) : -1;
	buf_free(&text);
	free(to);
	free(real);
	return rc;
}

int save_txt_again(const struct engine *e, const char *path, struct diags *d)
{
	return save_beside(e, path, savefile_txt_path, save_render, d);
}

int save_html(const struct engine *e, const char *path, struct diags *d)
{
	return save_beside(e, path, savefile_html_path, save_page, d);
}

int save_report(const struct engine *e, const char *path, struct diags *d)
{
	struct buf yaml, txt;
	buf_init(&yaml);
	buf_init(&txt);
	int rc = -1;
	if (report_to_yaml(engine_report(e), &yaml) < 0)
		diags_add(d, DIAG_ERROR, path, 0, 0, "cannot save: the YAML writer refused it");
	else if (save_render(e, &txt, d) == 0)
		rc = savefile_pair(path, &yaml, &txt, d);
	if (rc == 0) {
		char *real = realpath(path, NULL);
		savefile_sweep(real ? real : path);
		free(real);
	}
	buf_free(&yaml);
	buf_free(&txt);
	return rc;
}

int save_new(const struct report *r, const char *path, int force, struct diags *d)
{
	if (!force && access(path, F_OK) == 0)
		return 1;
	/* a file where the rendering goes is not replaced unasked (notes.txt
	 * beside notes.yaml) */
	char *txt = savefile_txt_path(path);
	int txt_there = access(txt, F_OK) == 0;
	free(txt);
	if (!force && txt_there)
		return 2;
	struct engine *e = engine_new((struct report *)r);
	int rc = save_report(e, path, d);
	engine_free(e);
	return rc;
}
