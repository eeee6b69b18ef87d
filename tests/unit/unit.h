/* Shared helpers of the unit tests. */
#ifndef NIANBAO_UNIT_H
#define NIANBAO_UNIT_H
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/diag.h"
#include "model/form.h"

/* A file under the source tree (tests run from the build tree). */
static inline char *unit_src(const char *rel)
{
	const char *top = getenv("SRCDIR");
	static char path[4096];
	snprintf(path, sizeof path, "%s/%s", top ? top : ".", rel);
	return path;
}

/* The temporary files a test program wrote, removed when it exits. */
static char unit_tmp_paths[256][32];
static int unit_ntmp;

static inline void unit_tmp_clean(void)
{
	for (int i = 0; i < unit_ntmp; i++)
		unlink(unit_tmp_paths[i]);
}

/* Writes text to a new temporary file and returns its path (static); the
 * file goes when the program exits. */
static inline const char *unit_tmpfile(const char *text)
{
	static char path[32];
	strcpy(path, "/tmp/nianbao-unit-XXXXXX");
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	if (unit_ntmp == 0)
		atexit(unit_tmp_clean);
	if (unit_ntmp < (int)(sizeof unit_tmp_paths / sizeof unit_tmp_paths[0]))
		strcpy(unit_tmp_paths[unit_ntmp++], path);
	size_t n = strlen(text);
	assert_int_equal(write(fd, text, n), (ssize_t)n);
	close(fd);
	return path;
}

/* A shipped form from the source tree's forms/; fails the test if it does
 * not load. */
static inline struct form *unit_form(const char *id)
{
	char rel[128];
	snprintf(rel, sizeof rel, "forms/%s.yaml", id);
	struct diags d;
	diags_init(&d);
	struct form *f = form_load(unit_src(rel), &d);
	if (f == NULL)
		fail_msg("%s: %s", rel, d.n ? d.v[0].message : "?");
	diags_free(&d);
	return f;
}

/* A report of the source tree (rel), its form found as report_load finds
 * it; fails the test if it does not load. */
#include "model/report.h"
static inline struct report *unit_report(const char *rel)
{
	struct diags d;
	diags_init(&d);
	struct report *r = report_load(unit_src(rel), NULL, &d);
	if (r == NULL)
		fail_msg("%s: %s", rel, d.n ? d.v[0].message : "?");
	diags_free(&d);
	return r;
}

#endif
