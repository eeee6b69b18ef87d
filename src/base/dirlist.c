/* A folder's listing: its names in one block, found through a table of
 * their hashes (open addressing, at most half full). */
#include "base/dirlist.h"
#include "base/buf.h"
#include "base/xmalloc.h"

#include <dirent.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

struct dirlist {
	struct buf names; /* each: its kind, its bytes, a NUL */
	size_t *slot;     /* offsets into names, + 1; 0 empty */
	size_t mask;
};

/* The slot for name: where it is, or the empty one where it would go. */
static size_t *dirlist_slot(const struct dirlist *l, const char *name, size_t n)
{
	size_t i = (size_t)buf_hash(name, n) & l->mask;
	while (l->slot[i] != 0 && strcmp(l->names.data + l->slot[i], name) != 0)
		i = (i + 1) & l->mask;
	return &l->slot[i];
}

static void dirlist_grow(struct dirlist *l)
{
	size_t *old = l->slot, oldcap = l->mask + 1;
	l->mask = oldcap * 2 - 1;
	l->slot = xcalloc(oldcap * 2, sizeof *l->slot);
	for (size_t i = 0; i < oldcap; i++)
		if (old[i] != 0) {
			const char *s = l->names.data + old[i];
			*dirlist_slot(l, s, strlen(s)) = old[i];
		}
	free(old);
}

struct dirlist *dirlist_read(const char *dir, size_t max)
{
	DIR *dp = opendir(*dir ? dir : ".");
	if (dp == NULL)
		return NULL;
	struct dirlist *l = xcalloc(1, sizeof *l);
	buf_init(&l->names);
	buf_putc(&l->names, '\0'); /* offset 0 is no name */
	l->mask = 63;
	l->slot = xcalloc(l->mask + 1, sizeof *l->slot);
	size_t count = 0;
	struct dirent *de;
	while (l != NULL && (de = readdir(dp)) != NULL) {
		if (++count > max) {
			dirlist_free(l);
			l = NULL;
			break;
		}
		if (2 * count > l->mask + 1)
			dirlist_grow(l);
		size_t n = strlen(de->d_name);
		size_t *s = dirlist_slot(l, de->d_name, n);
		if (*s != 0)
			continue; /* a folder does not name one twice; if it did, the first */
		char kind = de->d_type == DT_LNK       ? DIRLIST_LINK
			    : de->d_type == DT_UNKNOWN ? DIRLIST_ASK
						       : DIRLIST_OTHER;
		buf_putc(&l->names, kind);
		*s = l->names.len;
		buf_add(&l->names, de->d_name, n + 1);
	}
	closedir(dp);
	return l;
}

int dirlist_kind(const struct dirlist *l, const char *name)
{
	size_t off = *dirlist_slot(l, name, strlen(name));
	return off == 0 ? DIRLIST_NONE : l->names.data[off - 1];
}

void dirlist_free(struct dirlist *l)
{
	if (l == NULL)
		return;
	buf_free(&l->names);
	free(l->slot);
	free(l);
}
