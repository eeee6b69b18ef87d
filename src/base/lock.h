/* The lock of an open report: an flock() on the file .NAME.lock beside it,
 * which names the process, host and time that hold it so that a second
 * nianbao can say who has the report open. Taking it is atomic; a lock whose
 * process died is free again, since the kernel drops it with the process. */
#ifndef NIANBAO_LOCK_H
#define NIANBAO_LOCK_H

struct diags;

struct lock_info {
	long pid;
	char host[256];
	long since; /* seconds since the epoch */
};

char *lock_path(const char *path);
/* 0: taken, *held the descriptor that holds it (keep it open). 1: held by
 * a live process, described in *who. -1: could not be taken for another
 * reason, a link in its place among them (a diagnostic says which). */
int lock_take(const char *path, struct lock_info *who, int *held, struct diags *d);
/* Gives the lock up and removes its file, if it is still ours. */
void lock_release(const char *path, int held);

#endif
