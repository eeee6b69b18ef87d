/* The recovery journal: every committed edit appended, synced, to
 * .NAME.recover beside the report (mode 0600: reports can hold unpublished
 * figures) before the next key is read, so that a closed terminal or a
 * kill -9 loses nothing. A clean save or quit removes it. */
#ifndef NIANBAO_RECOVER_H
#define NIANBAO_RECOVER_H
#include "engine/change.h"

struct diags;
struct form;

char *recover_path(const char *path);
int recover_exists(const char *path);
/* Appends changes (cells, header fields, prose parts, acknowledgements),
 * one line each, in one write and one sync; 0, or -1 with a diagnostic. */
int recover_changes(const char *path, const struct form *f, const struct change *c, int n,
		    struct diags *d);
/* Reads the journal of path: its changes in order (to apply in order),
 * each to be cleared (recover_changes_free). */
int recover_load(const char *path, const struct form *f, struct change **changes, int *n,
		 struct diags *d);
void recover_changes_free(struct change *changes, int n);
void recover_remove(const char *path);

#endif
