/* What text a report, a form or a CSV may hold, and how a message quotes
 * text it did not write. Text from a file is data, never control: no byte
 * of it may move a cursor, retitle a window, reach a printer as a command
 * or reorder what is shown around it. */
#ifndef NIANBAO_TEXT_H
#define NIANBAO_TEXT_H
#include <stddef.h>
#include <stdint.h>

enum text_kind {
	TEXT_LINE, /* a name, a label, a header field, a reason: one line, nothing invisible */
	TEXT_PROSE /* a prose section: lines (LF) and tabs too */
};

/* 0 when s may stand in a field of that kind. Else -1, *bad the byte offset
 * of the first character it may not hold and *why a short reason: C0 and
 * C1 controls (but TAB and LF in prose), DEL, bidirectional controls,
 * and in a line the zero-width and other invisible characters; invalid
 * UTF-8 too. */
int text_check(const char *s, enum text_kind kind, size_t *bad, const char **why);
/* Whether c, beyond ASCII, shows nothing or reorders text (a format
 * character, a default-ignorable one, a C1 control, a line or paragraph
 * separator): what a line may not hold and an imported cell drops. */
int text_invisible(uint32_t c);
/* A copy of s to print in a message: what text_check refuses written as
 * \xHH or \uXXXX, at most max characters of s (then "..."). */
char *text_quote(const char *s, size_t max);

/* A copy of s without what text_check refuses in that kind (and bytes
 * that are not UTF-8); *gone counts the characters left out. To free. */
char *text_strip(const char *s, enum text_kind kind, int *gone);
/* A file name (or any text from outside) to print in a message: s itself
 * when text_check takes it as a line, else quoted as text_quote does. The
 * copy lives until a few more calls have been made (a ring of 16): for
 * the arguments of one message, not to keep. */
const char *text_name(const char *s);

/* The next paragraph of prose at *p (a line not empty; prose is a
 * paragraph a line), *p moved past it: to free; NULL after the last. */
char *text_paragraph(const char **p);

#endif
