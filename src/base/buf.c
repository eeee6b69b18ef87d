/* Growable byte buffer. */
#include "base/buf.h"
#include "base/xmalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void buf_init(struct buf *b)
{
	b->cap = 64;
	b->len = 0;
	b->data = xmalloc(b->cap);
	b->data[0] = '\0';
}

void buf_free(struct buf *b)
{
	free(b->data);
	b->data = NULL;
	b->len = b->cap = 0;
}

static void buf_reserve(struct buf *b, size_t extra)
{
	if (b->len + extra + 1 <= b->cap)
		return;
	while (b->len + extra + 1 > b->cap)
		b->cap *= 2;
	b->data = xrealloc(b->data, b->cap);
}

void buf_add(struct buf *b, const char *s, size_t n)
{
	buf_reserve(b, n);
	memcpy(b->data + b->len, s, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void buf_puts(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void buf_putc(struct buf *b, char c)
{
	buf_add(b, &c, 1);
}

void buf_repeat(struct buf *b, const char *s, int times)
{
	for (int i = 0; i < times; i++)
		buf_puts(b, s);
}

void buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	/* formatted once into the room there is, again only when it did not
	 * fit: measuring first formatted every message twice */
	buf_reserve(b, 64);
	size_t room = b->cap - b->len;
	va_list again;
	va_copy(again, ap);
	int n = vsnprintf(b->data + b->len, room, fmt, ap);
	if (n > 0 && (size_t)n >= room) {
		buf_reserve(b, (size_t)n);
		vsnprintf(b->data + b->len, (size_t)n + 1, fmt, again);
	}
	va_end(again);
	if (n > 0)
		b->len += (size_t)n;
	b->data[b->len] = '\0';
}

void buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

/* Reads fd to its end into b (closing it): 0; -2 past limit bytes (0: no
 * limit); -3 a read failed (errno says why). */
static int buf_read_fd(struct buf *b, int fd, size_t limit, size_t size)
{
	/* read to the end, not to a size asked before: the file may grow. The
	 * first read has room for the size the file had and a byte to see its
	 * end; only a buffer that fills is grown, 64 KB at a time (a report of
	 * 4 KB grown to 128 KB for the read that found its end took a fresh
	 * mapping from the system, and gave it back, for every file). A
	 * regular file (size given) gives all it has to a read: one that
	 * leaves room is at its end, with no read more to be told so */
	size_t start = b->len;
	buf_reserve(b, size > 0 && size < 65536 ? size + 1 : 65536);
	int rc = 0;
	while (rc == 0) {
		if (b->cap - b->len - 1 == 0)
			buf_reserve(b, 65536);
		size_t room = b->cap - b->len - 1;
		ssize_t got = read(fd, b->data + b->len, room);
		if (got < 0 && errno == EINTR)
			continue;
		if (got < 0)
			rc = -3;
		else if (got == 0)
			break;
		else if (limit > 0 && b->len - start + (size_t)got > limit)
			rc = -2;
		else
			b->len += (size_t)got;
		if (rc == 0 && size > 0 && (size_t)got < room)
			break;
	}
	b->data[b->len] = '\0';
	int err = errno;
	close(fd);
	errno = err;
	return rc;
}

int buf_read_file(struct buf *b, const char *path, size_t limit)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC);
	return fd < 0 ? -1 : buf_read_fd(b, fd, limit, 0);
}

int buf_read_regular(struct buf *b, const char *path, size_t limit)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	struct stat st;
	int rc = 0;
	if (fstat(fd, &st) < 0)
		rc = -3;
	else if (!S_ISREG(st.st_mode))
		rc = BUF_NOT_REGULAR;
	else if (limit > 0 && (uint64_t)st.st_size > limit)
		rc = -2;
	/* O_NONBLOCK kept the open of a FIFO from waiting for a writer; a
	 * regular file's reads ignore it (no fcntl to clear it) */
	if (rc == 0)
		return buf_read_fd(b, fd, limit, (size_t)st.st_size);
	int err = errno;
	close(fd);
	errno = err;
	return rc;
}

uint64_t buf_hash(const char *s, size_t n)
{
	uint64_t h = 0xcbf29ce484222325u;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 0x100000001b3u;
	}
	return h;
}
