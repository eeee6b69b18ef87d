/* A growable byte buffer for building text off-screen and off-disk. */
#ifndef NIANBAO_BUF_H
#define NIANBAO_BUF_H
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

struct buf {
	char *data; /* always NUL-terminated when len > 0 or after buf_init */
	size_t len;
	size_t cap;
};

void buf_init(struct buf *b);
void buf_free(struct buf *b);
void buf_add(struct buf *b, const char *s, size_t n);
void buf_puts(struct buf *b, const char *s);
void buf_putc(struct buf *b, char c);
void buf_repeat(struct buf *b, const char *s, int times);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vprintf(struct buf *b, const char *fmt, va_list ap) __attribute__((format(printf, 2, 0)));
/* Appends the whole of a file. 0; -1 when it cannot be opened, -3 when it
 * cannot be read (errno says why); -2 when it holds more than limit bytes
 * (0: no limit). */
int buf_read_file(struct buf *b, const char *path, size_t limit);
/* The same for a file that must be a regular one (what a report, a form,
 * a roll-up's part or a published page is): opened without waiting (a FIFO
 * or a device is never read, and never hangs the reader), -4 when it is
 * not a regular file, -2 at once when its size is over limit. */
#define BUF_NOT_REGULAR (-4)
int buf_read_regular(struct buf *b, const char *path, size_t limit);
/* FNV-1a of the bytes: enough to tell one saved file from another. */
uint64_t buf_hash(const char *s, size_t n);

#endif
