/* Reports named by other reports (previous:, parts:), read as untrusted. */
#include "model/linked.h"
#include "base/i18n.h"
#include "base/buf.h"
#include "base/diag.h"
#include "model/report.h"
#include "base/sha256.h"
#include "base/text.h"
#include "base/xmalloc.h"
#include "model/yamlio.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

char *linked_folder(const char *base)
{
	const char *slash = base ? strrchr(base, '/') : NULL;
	char *dir = slash ? xstrndup(base, (size_t)(slash - base + (slash == base))) : xstrdup(".");
	char *rd = realpath(dir, NULL);
	free(dir);
	return rd;
}

const char *linked_under(const char *rd, const char *real)
{
	size_t n = rd ? strlen(rd) : 0;
	if (rd != NULL && n == 1 && real[0] == '/' && real[1] != '\0')
		return real + 1; /* the folder is / itself */
	if (rd != NULL && n > 1 && strncmp(real, rd, n) == 0 && real[n] == '/')
		return real + n + 1;
	return NULL;
}

const char *linked_below(const char *base, const char *real)
{
	char *rd = linked_folder(base);
	const char *rest = linked_under(rd, real);
	free(rd);
	return rest;
}

char *linked_name(const char *base, const char *file)
{
	char *path = report_beside(base, file);
	char *real = realpath(path, NULL);
	char *out;
	if (real != NULL && linked_below(base, real) == NULL && strcmp(real, path) != 0)
		out = xasprintf("%s (→ %s)", text_name(file), text_name(real));
	else
		out = xstrdup(text_name(file));
	free(real);
	free(path);
	return out;
}

struct report *linked_load(const char *base, const char *file, const struct form *form,
			   char sha256[65], char **why)
{
	*why = NULL;
	if (sha256 != NULL)
		sha256[0] = '\0';
	char *path = report_beside(base, file);
	struct buf b;
	buf_init(&b);
	struct report *r = NULL;
	int got = buf_read_regular(&b, path, YAMLIO_MAX_BYTES);
	if (got == BUF_NOT_REGULAR)
		*why = xstrdup(_("it is not a regular file"));
	else if (got == -2)
		*why =
		    xasprintf(_("it is larger than a report can be (%u bytes)"), YAMLIO_MAX_BYTES);
	else if (got == -1 && errno == ENOENT)
		*why = xstrdup(_("there is no such file"));
	else if (got < 0)
		*why = xstrdup(strerror(errno));
	if (got == 0) {
		if (sha256 != NULL)
			sha256_hex(b.data, b.len, sha256);
		struct diags d;
		diags_init(&d);
		r = report_load_string(path, b.data, b.len, form, &d);
		/* the loader's message may quote the file: only where it is */
		if (r == NULL && d.n > 0 && d.v[0].line > 0)
			*why = xasprintf(_("it is not a report nianbao can read (line %d, column "
					   "%d: nianbao check on it says why)"),
					 d.v[0].line, d.v[0].column);
		else if (r == NULL)
			*why = xstrdup(_("it is not a report nianbao can read (nianbao check on it "
					 "says why)"));
		diags_free(&d);
	}
	buf_free(&b);
	free(path);
	return r;
}

struct report *linked_previous(const struct report *r, char **why)
{
	*why = NULL;
	if (r->previous == NULL)
		return NULL;
	return linked_load(r->path, r->previous, NULL, NULL, why);
}
