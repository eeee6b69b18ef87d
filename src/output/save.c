/* Saving a report: its YAML and its rendering, made here and handed to the
 * atomic writer (savefile.c) as one pair; and the rendering beside a report
 * checked against it and written again when they disagree. */
#include "output/save.h"
#include "base/buf.h"
#include "base/diag.h"
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

int save_txt_stale(const struct engine *e, const char *path)
{
	/* the rendering is beside the file a link leads to; beside any other
	 * report its own path says where (one lstat, not a realpath of every
	 * folder on the way) */
	struct stat st;
	char *real = lstat(path, &st) == 0 && S_ISLNK(st.st_mode) ? realpath(path, NULL) : NULL;
	char *tpath = savefile_txt_path(real ? real : path);
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
