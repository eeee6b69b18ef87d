/* The lock of an open report: a file .NAME.lock beside it naming the
 * process, host and time that hold it, so a second nianbao can say who has
 * the report open; a lock whose process is dead is stale and taken over. */
#ifndef NIANBAO_LOCK_H
#define NIANBAO_LOCK_H

struct diags;

struct lock_info {
	long pid;
	char host[256];
	long since; /* seconds since the epoch */
};

char *lock_path(const char *path);
/* 0: taken. 1: held by a live process, described in *who. -1: could not be
 * taken for another reason (a diagnostic says which). */
int lock_take(const char *path, struct lock_info *who, struct diags *d);
void lock_release(const char *path);

#endif
