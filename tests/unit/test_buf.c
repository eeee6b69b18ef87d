/* Unit tests: the growable buffer and formatted strings; files read whole
 * at every size about the reader's edges; a folder's listing. A message is
 * formatted once into the room there is and again only when it did not
 * fit: every length across the buffer's edges comes out whole. And the
 * SHA-256 that records files: FIPS 180-4's own examples, and the CPU's
 * instructions against the portable code at every length. */
#include "unit.h"

#include "base/buf.h"
#include "base/dirlist.h"
#include "base/sha256.h"
#include "base/xmalloc.h"

#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

/* n copies of the character c, as a string (to free) */
static char *repeated(char c, size_t n)
{
	char *s = xmalloc(n + 1);
	memset(s, c, n);
	s[n] = '\0';
	return s;
}

static void test_printf_every_length(void **state)
{
	(void)state;
	/* from empty to past several doublings, and appended after text of
	 * every length, so that each message meets the edge of the room at
	 * every place */
	for (size_t before = 0; before < 80; before += 7) {
		for (size_t n = 0; n < 600; n += 13) {
			struct buf b;
			buf_init(&b);
			char *pre = repeated('a', before), *s = repeated('b', n);
			buf_puts(&b, pre);
			buf_printf(&b, "<%s|%d>", s, (int)n);
			char *want = xasprintf("%s<%s|%d>", pre, s, (int)n);
			assert_int_equal(b.len, strlen(want));
			assert_string_equal(b.data, want);
			assert_true(b.cap > b.len);
			free(want);
			free(pre);
			free(s);
			buf_free(&b);
		}
	}
}

static void test_printf_nothing(void **state)
{
	(void)state;
	struct buf b;
	buf_init(&b);
	buf_puts(&b, "kept");
	buf_printf(&b, "%s", "");
	assert_int_equal(b.len, 4);
	assert_string_equal(b.data, "kept");
	buf_free(&b);
}

static void test_asprintf_short_and_long(void **state)
{
	(void)state;
	/* the stack's 256 bytes and either side of them */
	size_t sizes[] = {0, 1, 254, 255, 256, 257, 4096};
	for (size_t i = 0; i < sizeof sizes / sizeof *sizes; i++) {
		char *s = repeated('x', sizes[i]);
		char *p = xasprintf("%s", s);
		assert_int_equal(strlen(p), sizes[i]);
		assert_string_equal(p, s);
		free(p);
		p = xasprintf("第%zu行：%s。", sizes[i], s);
		assert_int_equal(strncmp(p, "第", strlen("第")), 0);
		assert_non_null(strstr(p, "。"));
		assert_string_equal(strstr(p, "。"), "。");
		free(p);
		free(s);
	}
}

static void test_sha256(void **state)
{
	(void)state;
	char out[65];
	sha256_hex("abc", 3, out);
	assert_string_equal(out,
			    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	sha256_hex("", 0, out);
	assert_string_equal(out,
			    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
	const char *two = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
	sha256_hex(two, strlen(two), out);
	assert_string_equal(out,
			    "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
	/* every length to 4 KB and some past it, bytes of every value */
	size_t n = 70000;
	unsigned char *data = xmalloc(n);
	uint32_t x = 12345;
	for (size_t i = 0; i < n; i++)
		data[i] = (unsigned char)((x = x * 1103515245 + 12345) >> 16);
	char ref[65];
	for (size_t len = 0; len <= n; len = len < 4096 ? len + 1 : len * 2 + 7) {
		sha256_hex(data, len, out);
		sha256_hex_portable(data, len, ref);
		assert_string_equal(out, ref);
	}
	free(data);
}

/* A file of n bytes (a pattern that tells where a byte was lost) in dir. */
static void write_sized(const char *path, size_t n)
{
	FILE *fp = fopen(path, "wb");
	assert_non_null(fp);
	for (size_t i = 0; i < n; i++)
		fputc('a' + (int)(i * 7 % 26), fp);
	assert_int_equal(fclose(fp), 0);
}

static void test_read_every_edge(void **state)
{
	(void)state;
	/* a regular file's read ends when a read leaves room: at the sizes
	 * where the first read fills its buffer exactly, falls one short or
	 * one over, and where the buffer grows, every byte read and no more */
	char dir[] = "/tmp/nianbao-buf-XXXXXX", path[64];
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/f", dir);
	const size_t sizes[] = {0,     1,     2,     4095,   4096,   4097,   65534,
				65535, 65536, 65537, 131071, 131072, 131073, 200000};
	for (size_t k = 0; k < sizeof sizes / sizeof sizes[0]; k++) {
		write_sized(path, sizes[k]);
		for (int regular = 0; regular < 2; regular++) {
			struct buf b;
			buf_init(&b);
			buf_puts(&b, "kept:"); /* appended after what the buffer held */
			int rc =
			    regular ? buf_read_regular(&b, path, 0) : buf_read_file(&b, path, 0);
			assert_int_equal(rc, 0);
			assert_int_equal(b.len, sizes[k] + 5);
			assert_memory_equal(b.data, "kept:", 5);
			for (size_t i = 0; i < sizes[k]; i++)
				if (b.data[5 + i] != 'a' + (int)(i * 7 % 26))
					fail_msg("size %zu: byte %zu", sizes[k], i);
			assert_int_equal(b.data[b.len], '\0');
			buf_free(&b);
		}
		/* over a limit: said at once for a regular file */
		if (sizes[k] > 1) {
			struct buf b;
			buf_init(&b);
			assert_int_equal(buf_read_regular(&b, path, sizes[k] - 1), -2);
			buf_free(&b);
		}
	}
	unlink(path);
	rmdir(dir);
}

static void test_dirlist(void **state)
{
	(void)state;
	char dir[] = "/tmp/nianbao-dirlist-XXXXXX", path[128];
	assert_non_null(mkdtemp(dir));
	/* 300 files (the table grows several times), a link, a folder */
	for (int i = 0; i < 300; i++) {
		snprintf(path, sizeof path, "%s/r%03d.yaml", dir, i);
		write_sized(path, 1);
	}
	snprintf(path, sizeof path, "%s/link.yaml", dir);
	assert_int_equal(symlink("r000.yaml", path), 0);
	snprintf(path, sizeof path, "%s/sub", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	struct dirlist *l = dirlist_read(dir, 1000);
	assert_non_null(l);
	for (int i = 0; i < 300; i++) {
		snprintf(path, sizeof path, "r%03d.yaml", i);
		int k = dirlist_kind(l, path);
		/* a file system that does not say kinds is asked, never guessed */
		assert_true(k == DIRLIST_OTHER || k == DIRLIST_ASK);
	}
	int k = dirlist_kind(l, "link.yaml");
	assert_true(k == DIRLIST_LINK || k == DIRLIST_ASK);
	assert_int_equal(dirlist_kind(l, "r000.txt"), DIRLIST_NONE);
	assert_int_equal(dirlist_kind(l, "r30.yaml"), DIRLIST_NONE);
	assert_int_equal(dirlist_kind(l, ""), DIRLIST_NONE);
	assert_int_equal(dirlist_kind(l, "sub/r000.yaml"), DIRLIST_NONE);
	dirlist_free(l);
	/* more names than asked for: no listing (".", "..", 302 names) */
	assert_null(dirlist_read(dir, 303));
	l = dirlist_read(dir, 304);
	assert_non_null(l);
	dirlist_free(l);
	assert_null(dirlist_read("/nonexistent-nianbao-folder", 10));
	for (int i = 0; i < 300; i++) {
		snprintf(path, sizeof path, "%s/r%03d.yaml", dir, i);
		unlink(path);
	}
	snprintf(path, sizeof path, "%s/link.yaml", dir);
	unlink(path);
	snprintf(path, sizeof path, "%s/sub", dir);
	rmdir(path);
	rmdir(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_printf_every_length),     cmocka_unit_test(test_printf_nothing),
	    cmocka_unit_test(test_asprintf_short_and_long), cmocka_unit_test(test_sha256),
	    cmocka_unit_test(test_read_every_edge),         cmocka_unit_test(test_dirlist),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
