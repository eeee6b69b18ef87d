/* Display width, cutting, padding and Chinese line breaking of UTF-8 text. */
#include "base/width.h"
#include "base/buf.h"
#include "base/xmalloc.h"

#include <langinfo.h>
#include <locale.h>
#include <stdlib.h>
#include <sys/ioctl.h>
#include <unistd.h>
#include <string.h>
#include <wchar.h>

/* The locale the environment asks for (LC_ALL, else LC_CTYPE, else LANG). */
static const char *width_env_locale(void)
{
	const char *names[] = {"LC_ALL", "LC_CTYPE", "LANG"};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		const char *v = getenv(names[i]);
		if (v != NULL && *v)
			return v;
	}
	return "";
}

int width_init_locale(void)
{
	int found = setlocale(LC_ALL, "") != NULL;
	const char *cs = nl_langinfo(CODESET);
	if (cs != NULL && strcmp(cs, "UTF-8") == 0)
		return 1;
	setlocale(LC_CTYPE, "C.UTF-8");
	/* asked for a UTF-8 locale this machine lacks (zh_CN.UTF-8 sent over
	 * SSH to a server without it): the terminal is UTF-8 all the same */
	const char *want = width_env_locale();
	if (!found && (strstr(want, "UTF-8") || strstr(want, "utf8") || strstr(want, "UTF8") ||
		       strstr(want, "utf-8"))) {
		setlocale(LC_MESSAGES, "C.UTF-8");
		return 1;
	}
	return 0;
}

const char *width_language(void)
{
	return width_env_locale();
}

int width_decode(const char *s, size_t n, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	if (n == 0)
		return -1;
	if (u[0] < 0x80) {
		*cp = u[0];
		return 1;
	}
	int len;
	uint32_t c, min;
	if ((u[0] & 0xE0) == 0xC0) {
		len = 2, c = u[0] & 0x1F, min = 0x80;
	} else if ((u[0] & 0xF0) == 0xE0) {
		len = 3, c = u[0] & 0x0F, min = 0x800;
	} else if ((u[0] & 0xF8) == 0xF0) {
		len = 4, c = u[0] & 0x07, min = 0x10000;
	} else {
		return -1;
	}
	if ((size_t)len > n)
		return -1;
	for (int i = 1; i < len; i++) {
		if ((u[i] & 0xC0) != 0x80)
			return -1;
		c = (c << 6) | (u[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
		return -1;
	*cp = c;
	return len;
}

#define WIDTH_ONES 0x0101010101010101u
#define WIDTH_HIGH 0x8080808080808080u

size_t width_ascii_run(const char *s, size_t n)
{
	size_t i = 0;
	for (uint64_t x; i + 8 <= n; i += 8) {
		memcpy(&x, s + i, 8);
		if (x & WIDTH_HIGH)
			break;
	}
	while (i < n && (unsigned char)s[i] < 0x80)
		i++;
	return i;
}

/* Nonzero when a byte of x is not printable ASCII: a byte below 0x20
 * borrows into its high bit; one above 0x7E has it, or gains it by the 1
 * added (a carry out of a byte of 0xFF only marks a word that is marked
 * already). */
static uint64_t width_unprintable8(uint64_t x)
{
	return (((x - 0x20 * WIDTH_ONES) & ~x) | (x + WIDTH_ONES) | x) & WIDTH_HIGH;
}

size_t width_printable_run(const char *s, size_t n)
{
	/* a key or a figure, of 4 to 16 bytes: seen whole in two words */
	uint64_t x, w[2];
	if (n >= 4 && width_words(s, n, w) && !width_unprintable8(w[0]) &&
	    !width_unprintable8(w[1]))
		return n;
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		memcpy(&x, s + i, 8);
		if (width_unprintable8(x))
			break;
	}
	while (i < n && (unsigned char)(s[i] - 0x20) < 0x5F) /* 0x20 to 0x7E */
		i++;
	return i;
}

int width_valid(const char *s, size_t n, size_t *bad)
{
	size_t i = 0;
	while ((i += width_ascii_run(s + i, n - i)) < n) {
		uint32_t cp;
		int k = width_decode(s + i, n - i, &cp);
		if (k < 0) {
			*bad = i;
			return 0;
		}
		i += (size_t)k;
	}
	return 1;
}

int width_char(uint32_t cp)
{
	int w = wcwidth((wchar_t)cp);
	if (w >= 0)
		return w;
	return 1; /* unprintable: count it so layouts stay safe */
}

/* East Asian Ambiguous characters that occur in Chinese documents (from
 * Unicode's EastAsianWidth.txt, class A). */
static int width_is_ambiguous(uint32_t c)
{
	static const uint32_t r[][2] = {
	    {0x00A1, 0x00A1}, {0x00A4, 0x00A4}, {0x00A7, 0x00A8}, {0x00AA, 0x00AA},
	    {0x00AD, 0x00AE}, {0x00B0, 0x00B4}, {0x00B6, 0x00BA}, {0x00BC, 0x00BF},
	    {0x00C6, 0x00C6}, {0x00D0, 0x00D0}, {0x00D7, 0x00D8}, {0x00DE, 0x00E1},
	    {0x00E6, 0x00E6}, {0x00E8, 0x00EA}, {0x00EC, 0x00ED}, {0x00F0, 0x00F0},
	    {0x00F2, 0x00F3}, {0x00F7, 0x00FA}, {0x00FC, 0x00FC}, {0x00FE, 0x00FE},
	    {0x0391, 0x03A9}, {0x03B1, 0x03C9}, {0x0401, 0x0401}, {0x0410, 0x044F},
	    {0x0451, 0x0451}, {0x2010, 0x2010}, {0x2013, 0x2016}, {0x2018, 0x2019},
	    {0x201C, 0x201D}, {0x2020, 0x2022}, {0x2024, 0x2027}, {0x2030, 0x2030},
	    {0x2032, 0x2033}, {0x2035, 0x2035}, {0x203B, 0x203B}, {0x203E, 0x203E},
	    {0x2103, 0x2103}, {0x2105, 0x2105}, {0x2109, 0x2109}, {0x2116, 0x2116},
	    {0x2121, 0x2122}, {0x2160, 0x216B}, {0x2170, 0x2179}, {0x2190, 0x2199},
	    {0x21D2, 0x21D2}, {0x21D4, 0x21D4}, {0x2200, 0x22FF}, {0x2460, 0x24E9},
	    {0x2500, 0x257F}, {0x2580, 0x258F}, {0x2592, 0x2595}, {0x25A0, 0x25A1},
	    {0x25B2, 0x25B3}, {0x25B6, 0x25B7}, {0x25BC, 0x25BD}, {0x25C0, 0x25C1},
	    {0x25C6, 0x25C8}, {0x25CB, 0x25CB}, {0x25CE, 0x25D1}, {0x2605, 0x2606},
	    {0x2609, 0x2609}, {0x260E, 0x260F}, {0x2640, 0x2640}, {0x2642, 0x2642},
	    {0x266A, 0x266A}};
	for (size_t i = 0; i < sizeof r / sizeof r[0]; i++)
		if (c >= r[i][0] && c <= r[i][1])
			return 1;
	return 0;
}

int width_char_amb(uint32_t cp, int amb)
{
	if (amb && width_is_ambiguous(cp))
		return 2;
	return width_char(cp);
}

int width_encode(uint32_t c, char out[5])
{
	int n;
	if (c < 0x80)
		out[0] = (char)c, n = 1;
	else if (c < 0x800)
		out[0] = (char)(0xC0 | c >> 6), out[1] = (char)(0x80 | (c & 0x3F)), n = 2;
	else if (c < 0x10000)
		out[0] = (char)(0xE0 | c >> 12), out[1] = (char)(0x80 | ((c >> 6) & 0x3F)),
		out[2] = (char)(0x80 | (c & 0x3F)), n = 3;
	else
		out[0] = (char)(0xF0 | c >> 18), out[1] = (char)(0x80 | ((c >> 12) & 0x3F)),
		out[2] = (char)(0x80 | ((c >> 6) & 0x3F)), out[3] = (char)(0x80 | (c & 0x3F)),
		n = 4;
	out[n] = '\0';
	return n;
}

int width_strn_amb(const char *s, size_t n, int amb)
{
	int w = 0;
	size_t i = 0;
	while (i < n) {
		uint32_t cp;
		int k = width_decode(s + i, n - i, &cp);
		if (k < 0) {
			w += 1;
			i += 1;
			continue;
		}
		w += width_char_amb(cp, amb);
		i += (size_t)k;
	}
	return w;
}

int width_strn(const char *s, size_t n)
{
	return width_strn_amb(s, n, 0);
}

int width_str(const char *s)
{
	return width_strn_amb(s, strlen(s), 0);
}

int width_str_amb(const char *s, int amb)
{
	return width_strn_amb(s, strlen(s), amb);
}

int width_chars(const char *s, size_t n)
{
	int k = 0;
	for (size_t i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			k++;
	return k;
}

/* The one-column stand-in of a character of ambiguous width. */
static char width_stand_in(uint32_t c)
{
	switch (c) {
	case 0x201C: /* “ ” */
	case 0x201D:
		return '"';
	case 0x2018: /* ‘ ’ */
	case 0x2019:
		return '\'';
	case 0x00B7: /* · */
	case 0x2010:
	case 0x2013: /* – — */
	case 0x2014:
	case 0x2015:
		return '-';
	case 0x2026: /* … */
		return '~';
	case 0x00D7: /* × */
		return 'x';
	case 0x00F7:
		return '/';
	case 0x2264: /* ≤ */
		return '<';
	case 0x2265:
		return '>';
	case 0x2190:
		return '<';
	case 0x2192:
		return '>';
	case 0x00B0: /* ° */
		return 'o';
	case 0x00B1:
		return '+';
	default:
		break;
	}
	if (c >= 0x2500 && c <= 0x257F) /* box drawing: by its main stroke */
		return c == 0x2502 || c == 0x2503 || c == 0x2551   ? '|'
		       : c == 0x2500 || c == 0x2501 || c == 0x2550 ? '-'
								   : '+';
	return '?';
}

char *width_plain(const char *s)
{
	size_t n = strlen(s);
	char *out = xmalloc(n + 1), *w = out;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		int k = width_decode(s + i, n - i, &cp);
		if (k > 0 && width_is_ambiguous(cp)) {
			*w++ = width_stand_in(cp);
		} else {
			k = k > 0 ? k : 1;
			memcpy(w, s + i, (size_t)k);
			w += k;
		}
		i += (size_t)k;
	}
	*w = '\0';
	return out;
}

size_t width_fit(const char *s, int cols)
{
	return width_fit_amb(s, cols, 0);
}

size_t width_fit_amb(const char *s, int cols, int amb)
{
	size_t i = 0, n = strlen(s);
	int w = 0;
	while (i < n) {
		uint32_t cp;
		int k = width_decode(s + i, n - i, &cp);
		int cw = k < 0 ? 1 : width_char_amb(cp, amb);
		if (k < 0)
			k = 1;
		if (w + cw > cols)
			break;
		w += cw;
		i += (size_t)k;
	}
	return i;
}

/* Line-breaking classes of the characters that matter for Chinese text. */
static int width_is_closing(uint32_t c)
{
	static const uint32_t set[] = {
	    0xFF0C, 0x3002, 0x3001, 0xFF1B, 0xFF1A, 0xFF1F, 0xFF01, 0xFF09, 0x300D, 0x300F, 0x300B,
	    0x3009, 0x3011, 0x3015, 0x201D, 0x2019, 0x2026, 0x00B7, 0xFF05, 0xFF0E, 0x30FC, ',',
	    '.',    ';',    ':',    '?',    '!',    ')',    ']',    '}',    '%'};
	for (size_t i = 0; i < sizeof set / sizeof set[0]; i++)
		if (set[i] == c)
			return 1;
	return 0;
}

static int width_is_opening(uint32_t c)
{
	static const uint32_t set[] = {0xFF08, 0x300C, 0x300E, 0x300A, 0x3008, 0x3010,
				       0x3014, 0x201C, 0x2018, '(',    '[',    '{'};
	for (size_t i = 0; i < sizeof set / sizeof set[0]; i++)
		if (set[i] == c)
			return 1;
	return 0;
}

static int width_is_word(uint32_t c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       c == '_' || c == '-' || c == '/' || c == '+' || c == '@' || c == '#';
}

/* A unit is the smallest piece a line break may not fall inside. */
struct width_unit {
	size_t start, end;
	int cols;
	int is_space;
};

static size_t width_units(const char *s, int amb, struct width_unit **out)
{
	size_t n = strlen(s), cap = 16, k = 0, i = 0;
	struct width_unit *u = xmalloc(cap * sizeof *u);
	int glue_next = 0; /* previous unit ended with opening punctuation */
	while (i < n) {
		uint32_t cp;
		int len = width_decode(s + i, n - i, &cp);
		if (len < 0)
			len = 1, cp = '?';
		size_t j = i + (size_t)len;
		if (width_is_word(cp)) {
			/* a run of letters and digits, with inner dots and commas of
			 * numbers such as 21.6560 or 1,000 */
			while (j < n) {
				uint32_t c2;
				int l2 = width_decode(s + j, n - j, &c2);
				if (l2 < 0)
					break;
				if (width_is_word(c2)) {
					j += (size_t)l2;
				} else if ((c2 == '.' || c2 == ',') && j + 1 < n &&
					   s[j + 1] >= '0' && s[j + 1] <= '9') {
					j += (size_t)l2;
				} else {
					break;
				}
			}
		}
		int cols = width_strn_amb(s + i, j - i, amb);
		int is_space = cp == ' ';
		if (k > 0 && !is_space && !u[k - 1].is_space &&
		    (glue_next || width_is_closing(cp))) {
			u[k - 1].end = j;
			u[k - 1].cols += cols;
		} else {
			if (k == cap)
				u = xreallocarray(u, cap *= 2, sizeof *u);
			u[k++] = (struct width_unit){i, j, cols, is_space};
		}
		glue_next = width_is_opening(cp);
		i = j;
	}
	*out = u;
	return k;
}

static void width_push(char ***lines, int *n, const char *s, size_t len)
{
	*lines = xreallocarray(*lines, (size_t)*n + 1, sizeof **lines);
	/* no line ends with a space that the break consumed */
	while (len > 0 && s[len - 1] == ' ')
		len--;
	(*lines)[(*n)++] = xstrndup(s, len);
}

int width_wrap(const char *s, int cols, char ***lines)
{
	return width_wrap_amb(s, cols, 0, lines);
}

int width_wrap_amb(const char *s, int cols, int amb, char ***lines)
{
	struct width_unit *u;
	size_t nu = width_units(s, amb, &u);
	int n = 0;
	*lines = NULL;
	if (cols < 2)
		cols = 2;
	struct buf line;
	buf_init(&line);
	int used = 0;
	for (size_t i = 0; i < nu; i++) {
		if (used > 0 && used + u[i].cols > cols) {
			width_push(lines, &n, line.data, line.len);
			line.len = 0;
			used = 0;
			if (u[i].is_space)
				continue; /* a space at a break disappears */
		}
		if (u[i].cols > cols) {
			/* a unit wider than a line (a long Latin word): break it by
			 * characters, the only way left not to cut it off */
			size_t p = u[i].start;
			while (p < u[i].end) {
				uint32_t cp;
				int len = width_decode(s + p, u[i].end - p, &cp);
				if (len < 0)
					len = 1, cp = '?';
				int cw = width_char_amb(cp, amb);
				if (used > 0 && used + cw > cols) {
					width_push(lines, &n, line.data, line.len);
					line.len = 0;
					used = 0;
				}
				buf_add(&line, s + p, (size_t)len);
				used += cw;
				p += (size_t)len;
			}
			continue;
		}
		buf_add(&line, s + u[i].start, u[i].end - u[i].start);
		used += u[i].cols;
	}
	if (used > 0 || n == 0)
		width_push(lines, &n, line.data, line.len);
	buf_free(&line);
	free(u);
	return n;
}

int width_paragraphs(const char *text, int cols, int amb, char ***lines)
{
	int n = 0;
	*lines = NULL;
	for (const char *p = text; p && *p;) {
		size_t len = strcspn(p, "\n");
		const char *s = p, *end = p + len;
		for (;;) {
			if (s < end && (*s == ' ' || *s == '\t'))
				s++;
			else if (end - s >= 3 && strncmp(s, "\u3000", 3) == 0)
				s += 3;
			else
				break;
		}
		if (s < end) {
			char *para = xasprintf("\u3000\u3000%.*s", (int)(end - s), s);
			char **wrapped;
			int k = width_wrap_amb(para, cols, amb, &wrapped);
			*lines = xreallocarray(*lines, (size_t)(n + k), sizeof **lines);
			memcpy(*lines + n, wrapped, (size_t)k * sizeof *wrapped);
			n += k;
			free(wrapped);
			free(para);
		}
		p = *end ? end + 1 : end;
	}
	return n;
}

void width_lines_free(char **lines, int n)
{
	for (int i = 0; i < n; i++)
		free(lines[i]);
	free(lines);
}

int width_terminal(int fd)
{
	if (!isatty(fd))
		return 0;
	struct winsize ws;
	if (ioctl(fd, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	const char *c = getenv("COLUMNS");
	int n = c ? atoi(c) : 0;
	return n > 0 ? n : 80;
}
