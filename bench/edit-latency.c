/* Edit latency: one committed value, its dependents recomputed and the
 * checks that read them re-run (engine_edit), against the reference of a
 * full recompute after each edit; on gov-info-2021 and on a generated
 * 100x100 form whose totals read many cells. Medians of 31 rounds of 2,000
 * edits, after a warm-up round. usage: edit-latency FORMS-DIR
 * Prints: name incremental-ns full-ns, one line a form. */
#include "base/buf.h"
#include "base/diag.h"
#include "engine/engine.h"
#include "model/form.h"
#include "model/report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define ROUNDS 31
#define EDITS 2000

static double now_ns(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec * 1e9 + t.tv_nsec;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* A form of one 100x100 grid: 99 columns and their 总计, 99 rows and their
 * 合计, and a check on every column. */
static char *big_form(void)
{
	struct buf b;
	buf_init(&b);
	buf_puts(&b, "id: big\nversion: 1\ntitle: B\nlanguage: zh_CN\nparts:\n  - table: t\n"
		     "    title: T\n    columns:\n");
	for (int c = 0; c < 99; c++)
		buf_printf(&b, "      - {id: c%d, label: C%d}\n", c, c);
	buf_puts(&b, "      - {id: total, label: 总计, formula: sum(c0..c98)}\n    rows:\n");
	for (int r = 0; r < 99; r++)
		buf_printf(&b, "      - {id: r%d, label: R%d}\n", r, r);
	buf_puts(&b, "      - {id: all, label: 合计, formula: sum(r0..r98)}\n"
		     "checks:\n  - id: c\n    in: t\n    each: column\n"
		     "    rule: all >= r0\n    severity: warning\n    message: m\n");
	return b.data;
}

static void bench(const char *name, struct form *f)
{
	struct report *r = report_new(f);
	struct engine *e = engine_new(r);
	int *cells = malloc(EDITS * sizeof *cells);
	struct value *vals = calloc(EDITS, sizeof *vals);
	unsigned seed = 42;
	for (int i = 0; i < EDITS; i++) {
		int c;
		do {
			seed = seed * 1103515245u + 12345u;
			c = (int)((seed >> 8) % (unsigned)f->ncells);
		} while (f->cells[c].formula != NULL);
		cells[i] = c;
		vals[i] = (struct value){VAL_NUM, 0, (int64_t)(seed % 1000), NULL};
	}
	double inc[ROUNDS], full[ROUNDS];
	for (int round = -1; round < ROUNDS; round++) {
		double t0 = now_ns();
		for (int i = 0; i < EDITS; i++) {
			vals[i].num++; /* a new value every time */
			engine_edit(e, cells[i], &vals[i]);
		}
		double t1 = now_ns();
		int n = f->ncells > 2000 ? EDITS / 20 : EDITS; /* full recompute is slow */
		for (int i = 0; i < n; i++) {
			vals[i].num++;
			value_copy(&r->vals[cells[i]], &vals[i]);
			engine_recompute_all(e);
		}
		double t2 = now_ns();
		if (round >= 0) {
			inc[round] = (t1 - t0) / EDITS;
			full[round] = (t2 - t1) / n;
		}
	}
	qsort(inc, ROUNDS, sizeof *inc, cmp_double);
	qsort(full, ROUNDS, sizeof *full, cmp_double);
	printf("%s %.0f %.0f\n", name, inc[ROUNDS / 2], full[ROUNDS / 2]);
	free(cells);
	free(vals);
	engine_free(e);
	report_free(r);
}

int main(int argc, char **argv)
{
	struct diags d;
	diags_init(&d);
	char path[4096];
	snprintf(path, sizeof path, "%s/gov-info-2021.yaml", argc > 1 ? argv[1] : "forms");
	struct form *f = form_load(path, &d);
	char *text = big_form();
	struct form *g = form_load_string("big.yaml", text, strlen(text), &d);
	if (f == NULL || g == NULL) {
		diags_print(&d, stderr);
		return 2;
	}
	bench("gov-info-2021", f);
	bench("grid-100x100", g);
	form_free(f);
	form_free(g);
	free(text);
	diags_free(&d);
	return 0;
}
