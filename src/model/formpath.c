/* The form search path. */
#include "model/formpath.h"
#include "base/buf.h"
#include "base/diag.h"
#include "model/form.h"
#include "base/width.h"
#include "base/xmalloc.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef NIANBAO_FORMDIR
#define NIANBAO_FORMDIR "/usr/local/share/nianbao/forms"
#endif

static void formpath_push(char ***dirs, int *n, const char *s, size_t len)
{
	if (len == 0)
		return;
	*dirs = xreallocarray(*dirs, (size_t)*n + 1, sizeof **dirs);
	(*dirs)[(*n)++] = xstrndup(s, len);
}

int formpath_dirs(char ***dirs)
{
	int n = 0;
	*dirs = NULL;
	formpath_push(dirs, &n, "forms", 5);
	const char *env = getenv("NIANBAO_FORMS");
	while (env != NULL && *env) {
		const char *colon = strchr(env, ':');
		size_t len = colon ? (size_t)(colon - env) : strlen(env);
		formpath_push(dirs, &n, env, len);
		env = colon ? colon + 1 : NULL;
	}
	formpath_push(dirs, &n, NIANBAO_FORMDIR, strlen(NIANBAO_FORMDIR));
	return n;
}

void formpath_free_dirs(char **dirs, int n)
{
	for (int i = 0; i < n; i++)
		free(dirs[i]);
	free(dirs);
}

int formpath_id_ok(const char *id)
{
	size_t n = strlen(id);
	if (n == 0 || n > 64)
		return 0;
	for (const char *p = id; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
			return 0;
	return 1;
}

struct form *formpath_load(const char *id, struct diags *d)
{
	/* an id, never a path: nothing else reaches the file system */
	if (!formpath_id_ok(id)) {
		diags_add(d, DIAG_ERROR, NULL, 0, 0,
			  "form id '%s' may hold only a-z, 0-9 and - (at most 64)", id);
		return NULL;
	}
	char **dirs;
	int n = formpath_dirs(&dirs);
	struct form *f = NULL;
	for (int i = 0; i < n && f == NULL; i++) {
		char *path = xasprintf("%s/%s.yaml", dirs[i], id);
		if (access(path, F_OK) == 0) {
			f = form_load(path, d);
			if (f == NULL) {
				free(path);
				break;
			}
			if (strcmp(f->id, id) != 0) {
				diags_add(d, DIAG_ERROR, path, 0, 0,
					  "this file declares form id '%s', not '%s'", f->id, id);
				form_free(f);
				f = NULL;
				free(path);
				break;
			}
		}
		free(path);
		if (f != NULL)
			break;
		if (i == n - 1) {
			char *list = xstrdup("");
			for (int k = 0; k < n; k++) {
				char *t = xasprintf("%s%s%s", list, k ? ", " : "", dirs[k]);
				free(list);
				list = t;
			}
			diags_add(d, DIAG_ERROR, NULL, 0, 0,
				  "form '%s' not found (looked in %s; set NIANBAO_FORMS to add a "
				  "folder)",
				  id, list);
			free(list);
		}
	}
	formpath_free_dirs(dirs, n);
	return f;
}

static int formpath_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int formpath_all(struct form ***out, struct diags *d)
{
	char **dirs;
	int n = formpath_dirs(&dirs), count = 0;
	size_t before = d->n;
	*out = NULL;
	for (int i = 0; i < n; i++) {
		DIR *dp = opendir(dirs[i]);
		if (dp == NULL)
			continue;
		char **names = NULL;
		int nn = 0;
		struct dirent *de;
		while ((de = readdir(dp)) != NULL) {
			size_t len = strlen(de->d_name);
			if (len > 5 && strcmp(de->d_name + len - 5, ".yaml") == 0) {
				names = xreallocarray(names, (size_t)nn + 1, sizeof *names);
				names[nn++] = xstrdup(de->d_name);
			}
		}
		closedir(dp);
		if (nn > 1) /* qsort of no array at all is undefined */
			qsort(names, (size_t)nn, sizeof *names, formpath_cmp);
		for (int k = 0; k < nn; k++) {
			char *path = xasprintf("%s/%s", dirs[i], names[k]);
			struct form *f = form_load(path, d);
			free(path);
			free(names[k]);
			if (f == NULL)
				continue;
			int seen = 0;
			for (int j = 0; j < count && !seen; j++)
				seen = strcmp((*out)[j]->id, f->id) == 0;
			if (seen) {
				form_free(f);
				continue;
			}
			*out = xreallocarray(*out, (size_t)count + 1, sizeof **out);
			(*out)[count++] = f;
		}
		free(names);
	}
	if (count == 0 && d->n == before) {
		struct buf where;
		buf_init(&where);
		for (int i = 0; i < n; i++)
			buf_printf(&where, "%s%s", i ? ", " : "", dirs[i]);
		diags_add(d, DIAG_ERROR, NULL, 0, 0,
			  "no form found (looked in %s; set NIANBAO_FORMS to add a folder)",
			  where.data);
		buf_free(&where);
	}
	formpath_free_dirs(dirs, n);
	return count;
}

const struct form *formpath_cache_get(struct formpath_cache *c, const char *id, struct diags *d)
{
	for (int i = 0; i < c->n; i++)
		if (strcmp(c->forms[i]->id, id) == 0)
			return c->forms[i];
	struct form *f = formpath_load(id, d);
	if (f != NULL) {
		c->forms = xreallocarray(c->forms, (size_t)c->n + 1, sizeof *c->forms);
		c->forms[c->n++] = f;
	}
	return f;
}

void formpath_cache_free(struct formpath_cache *c)
{
	for (int i = 0; i < c->n; i++)
		form_free(c->forms[i]);
	free(c->forms);
	c->forms = NULL;
	c->n = 0;
}

void formpath_all_free(struct form **all, int n)
{
	for (int i = 0; i < n; i++)
		form_free(all[i]);
	free(all);
}

char *formpath_title(const struct form *f, int cols)
{
	char *all = xasprintf("%s%s%s", f->title, f->basis ? "  " : "", f->basis ? f->basis : "");
	if (cols <= 0 || width_str(all) <= cols)
		return all;
	free(all);
	/* the basis tells one form of a year from another (a local variant):
	 * the title gives way first, then the basis */
	int bw = f->basis ? width_str(f->basis) + 2 : 0;
	if (f->basis != NULL && cols - bw >= 10) { /* a cut title says something */
		size_t n = width_fit(f->title, cols - bw - 1);
		return xasprintf("%.*s~  %s", (int)n, f->title, f->basis);
	}
	const char *rest = f->basis ? f->basis : f->title;
	if (width_str(rest) <= cols)
		return xstrdup(rest);
	size_t n = cols > 1 ? width_fit(rest, cols - 1) : 0;
	return xasprintf("%.*s~", (int)n, rest);
}
