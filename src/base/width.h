/* Display width of UTF-8 text: CJK and full-width punctuation take two
 * columns. Every cut, pad and wrap by columns lives here, never by bytes. */
#ifndef NIANBAO_WIDTH_H
#define NIANBAO_WIDTH_H
#include <stddef.h>
#include <stdint.h>

struct buf;

enum width_align { ALIGN_LEFT, ALIGN_RIGHT, ALIGN_CENTER };

/* Makes wcwidth() answer for UTF-8 whatever the user's locale: returns 1 if
 * the user's own locale was UTF-8, 0 if C.UTF-8 had to stand in. */
int width_init_locale(void);
/* The locale the environment names (LC_ALL, LC_CTYPE or LANG), installed
 * or not: zh_CN.UTF-8 asks for a Chinese interface. */
const char *width_language(void);

/* Decodes one character; returns its length in bytes, or -1 when the bytes
 * at s are not valid UTF-8 (overlong, surrogate, truncated, > U+10FFFF). */
int width_decode(const char *s, size_t n, uint32_t *cp);
/* The n to give width_decode for a NUL-terminated string, instead of its
 * strlen (which, once a character, makes a loop quadratic): a character is
 * at most 4 bytes, and decoding stops at the NUL, never a continuation. */
#define WIDTH_MAX_BYTES 4
/* Encodes one character as UTF-8 into out (NUL-terminated); its length. */
int width_encode(uint32_t cp, char out[5]);
/* 1 when s[0..n) is valid UTF-8; otherwise 0 and *bad = offset of the first
 * bad byte. */
int width_valid(const char *s, size_t n, size_t *bad);
/* How many of the first n bytes of s are ASCII (below 0x80), and how many
 * are printable ASCII (0x20 to 0x7E): most of any report, read eight bytes
 * at a time. */
size_t width_ascii_run(const char *s, size_t n);
size_t width_printable_run(const char *s, size_t n);
/* s[0..n) of at most 16 bytes seen whole in two words: for 8 to 16 its
 * first and last 8 bytes, which overlap; for 4 to 7 its first and last 4,
 * packed in w[0]; fewer, its bytes. w[1] repeats w[0] below 8 bytes. Two
 * texts of one length are the same when their words are. 0 for longer. */
static inline int width_words(const char *s, size_t n, uint64_t w[2])
{
	if (n >= 8 && n <= 16) {
		__builtin_memcpy(&w[0], s, 8);
		__builtin_memcpy(&w[1], s + n - 8, 8);
		return 1;
	}
	uint32_t a = 0, b = 0;
	if (n >= 4 && n < 8) {
		__builtin_memcpy(&a, s, 4);
		__builtin_memcpy(&b, s + n - 4, 4);
	} else if (n < 4) {
		for (size_t i = 0; i < n; i++)
			a |= (uint32_t)(unsigned char)s[i] << (8 * i);
	} else {
		return 0;
	}
	w[0] = w[1] = a | (uint64_t)b << 32;
	return 1;
}
/* Columns of one character (0 for combining marks, 1 for unprintable). */
int width_char(uint32_t cp);
int width_str(const char *s);
int width_strn(const char *s, size_t n);
/* The same where characters of ambiguous East Asian width (“ ” · … ─ │ and
 * the like) print two columns wide, as in SimSun: amb = 1. */
int width_char_amb(uint32_t cp, int amb);
int width_str_amb(const char *s, int amb);
int width_strn_amb(const char *s, size_t n, int amb);
size_t width_fit_amb(const char *s, int cols, int amb);
/* For a terminal whose width for those characters is not known: a copy of
 * s with each of them replaced by a one-column ASCII stand-in (“ ” as ",
 * · as -, … as ~, × as x, box drawing as - | +), so that every width counted
 * as one column is one on any terminal. */
char *width_plain(const char *s);
int width_wrap_amb(const char *s, int cols, int amb, char ***lines);
/* Number of characters in s[0..n). */
int width_chars(const char *s, size_t n);
/* Bytes of the longest prefix of s that fits in cols columns. */
size_t width_fit(const char *s, int cols);
/* Wraps s into lines of at most cols columns by Chinese rules: no line starts
 * with closing punctuation or ends with opening punctuation, runs of Latin
 * letters and digits stay whole when they fit. Returns the number of lines;
 * *lines is an array of new strings (free with width_lines_free). */
int width_wrap(const char *s, int cols, char ***lines);
void width_lines_free(char **lines, int n);
/* Prose as printed and as shown: each line of text a paragraph, its own
 * leading spaces replaced by an indent of two full-width spaces, empty ones
 * left out, wrapped to cols by the rules above. Returns the line count. */
int width_paragraphs(const char *text, int cols, int amb, char ***lines);

/* Columns of the terminal at fd, else $COLUMNS; 0 when fd is no terminal
 * (a pipe, a file: lines are then whole). */
int width_terminal(int fd);

#endif
