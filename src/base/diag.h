/* Diagnostics: what the model found wrong, with where, for the caller to show.
 * Model code never prints; it appends here and returns -1. */
#ifndef NIANBAO_DIAG_H
#define NIANBAO_DIAG_H
#include <stdarg.h>
#include <stdio.h>

enum diag_severity { DIAG_ERROR, DIAG_WARNING };

struct diag {
	char *file; /* may be NULL */
	int line;   /* 1-based; 0 when unknown */
	int column; /* 1-based, in characters; 0 when unknown */
	enum diag_severity severity;
	char *message;
};

struct diags {
	struct diag *v;
	size_t n;
	size_t cap;
};

/* A message is cut after this many characters; controls in it are escaped. */
#define DIAG_MAX_CHARS 1000

void diags_init(struct diags *d);
void diags_free(struct diags *d);
/* Drops the diagnostics after the first keep. */
void diags_drop(struct diags *d, size_t keep);
void diags_add(struct diags *d, enum diag_severity sev, const char *file, int line, int column,
	       const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* The same with the arguments as a va_list, for callers' own variadic
 * error functions. */
void diags_vadd(struct diags *d, enum diag_severity sev, const char *file, int line, int column,
		const char *fmt, va_list ap) __attribute__((format(printf, 6, 0)));
/* "file:line:column: error: message", one per line. */
void diags_print(const struct diags *d, FILE *fp);

#endif
