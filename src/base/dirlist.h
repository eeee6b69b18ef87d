/* A folder's names read once, each with whether it is a symbolic link: for
 * a command that asks about many files of one folder (the rendering beside
 * each report check reads) without a system call for each. */
#ifndef NIANBAO_DIRLIST_H
#define NIANBAO_DIRLIST_H
#include <stddef.h>

struct dirlist;

/* The names in folder dir ("" the current one), or NULL when it cannot be
 * read or holds more than max names (the listing would cost more than the
 * questions it saves). */
struct dirlist *dirlist_read(const char *dir, size_t max);
/* What name was when the folder was read: DIRLIST_LINK, DIRLIST_OTHER (any
 * other kind), DIRLIST_ASK (the file system did not say: ask it), or
 * DIRLIST_NONE (not there). */
enum { DIRLIST_NONE, DIRLIST_LINK, DIRLIST_OTHER, DIRLIST_ASK };
int dirlist_kind(const struct dirlist *l, const char *name);
void dirlist_free(struct dirlist *l);

#endif
