/* Allocation wrappers that never return NULL: on exhaustion the program stops
 * with a message, so callers need no error path for memory. */
#ifndef NIANBAO_XMALLOC_H
#define NIANBAO_XMALLOC_H
#include <stddef.h>

void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
void *xreallocarray(void *p, size_t n, size_t size);
/* An array of n elements about to take element n, its room doubling: p
 * reallocated when n is 0 or a power of two (so n appends cost linear
 * time; the room is always at least n + 1). */
void *xgrow(void *p, size_t n, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Called before the process exits on exhaustion; the TUI sets it to restore
 * the terminal first. */
extern void (*xmalloc_fatal_hook)(void);

#endif
