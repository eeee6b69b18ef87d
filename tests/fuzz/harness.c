/* The harnesses: the form loader, the report loader, the expression
 * parser, the CSV import and the import of published text and web pages,
 * each followed by what a real run does next (computing, checking,
 * rendering, saving to text) so that all of it meets the odd inputs. */
#include "fuzz.h"

#include "base/buf.h"
#include "base/width.h"
#include "output/csv.h"
#include "base/diag.h"
#include "engine/engine.h"
#include "model/expr.h"
#include "model/form.h"
#include "import/import.h"
#include "output/page.h"
#include "output/render.h"
#include "model/report.h"
#include "model/value.h"
#include "base/xmalloc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const struct form *fuzz_shipped_form(void)
{
	static struct form *f;
	if (f == NULL) {
		const char *dir = getenv("NIANBAO_FORMS");
		char *path =
		    xasprintf("%s/gov-info-2019-tongzhou.yaml", dir && *dir ? dir : "forms");
		struct diags d;
		diags_init(&d);
		f = form_load(path, &d);
		if (f == NULL) {
			fprintf(stderr, "fuzz: cannot load %s\n", path);
			abort();
		}
		diags_free(&d);
		free(path);
	}
	return f;
}

/* What a loaded report goes through: checks, rendering, YAML and CSV. */
static void fuzz_exercise(struct report *r)
{
	struct engine *e = engine_new(r);
	struct problem *p;
	int n = engine_problems(e, &p);
	engine_problems_free(p, n);
	struct buf out;
	buf_init(&out);
	struct render_opts o = render_defaults();
	struct diags d;
	diags_init(&d);
	page_report(e, &o, &out, &d);
	out.len = 0;
	report_to_yaml(r, &out);
	out.len = 0;
	csv_export(e, &out, 1);
	buf_free(&out);
	diags_free(&d);
	engine_free(e);
}

/* Bytes that are not UTF-8 are the one thing said of a file, whatever
 * else is wrong in it (yamlio looks at them only when a load fails,
 * trusting libyaml to refuse them): else the harness fails. */
static void fuzz_utf8_first(const void *loaded, const struct diags *d, const uint8_t *data,
			    size_t size)
{
	size_t bad;
	if (width_valid((const char *)data, size, &bad))
		return;
	if (loaded != NULL || d->n != 1 || strncmp(d->v[0].message, "invalid UTF-8", 13) != 0) {
		fprintf(stderr, "fuzz: byte %zu is not UTF-8, and the load said: %s\n", bad,
			loaded ? "nothing"
			: d->n ? d->v[0].message
			       : "-");
		abort();
	}
}

int fuzz_form(const uint8_t *data, size_t size)
{
	struct diags d;
	diags_init(&d);
	struct form *f = form_load_string("fuzz.yaml", (const char *)data, size, &d);
	fuzz_utf8_first(f, &d, data, size);
	if (f != NULL) {
		struct report *r = report_new(f);
		fuzz_exercise(r);
		report_free(r);
		form_free(f);
	}
	diags_free(&d);
	return 0;
}

/* A report read from the input by load (YAML or CSV), then exercised. */
static int fuzz_loaded(struct report *(*load)(const char *, const char *, size_t,
					      const struct form *, struct diags *),
		       const char *name, const uint8_t *data, size_t size)
{
	struct diags d;
	diags_init(&d);
	struct report *r = load(name, (const char *)data, size, fuzz_shipped_form(), &d);
	if (r != NULL) {
		fuzz_exercise(r);
		report_free(r);
	}
	diags_free(&d);
	return 0;
}

/* The report as one tree, as it was read before its tables were taken as
 * events: the same report, or the same messages, or the harness fails. */
static void fuzz_same_as_tree(const struct report *r, const struct diags *d, const uint8_t *data,
			      size_t size)
{
	struct diags t;
	diags_init(&t);
	report_tree_only = 1;
	struct report *tr =
	    report_load_string("fuzz.yaml", (const char *)data, size, fuzz_shipped_form(), &t);
	report_tree_only = 0;
	int same = (r == NULL) == (tr == NULL) && d->n == t.n;
	for (size_t i = 0; same && i < d->n; i++)
		same = strcmp(d->v[i].message, t.v[i].message) == 0 &&
		       d->v[i].line == t.v[i].line && d->v[i].column == t.v[i].column;
	if (same && r != NULL) {
		struct buf a, b;
		buf_init(&a);
		buf_init(&b);
		report_to_yaml(r, &a);
		report_to_yaml(tr, &b);
		same = a.len == b.len && memcmp(a.data, b.data, a.len) == 0;
		for (int c = 0; same && c < r->form->ncells; c++)
			same = r->line[c] == tr->line[c] && r->col[c] == tr->col[c] &&
			       value_same(&r->vals[c], &tr->vals[c]) &&
			       value_same(&r->stored[c], &tr->stored[c]);
		buf_free(&a);
		buf_free(&b);
	}
	if (!same) {
		fprintf(stderr, "fuzz: the tables taken as events and the tree differ: %s / %s\n",
			d->n ? d->v[0].message : "-", t.n ? t.v[0].message : "-");
		abort();
	}
	report_free(tr);
	diags_free(&t);
}

int fuzz_report(const uint8_t *data, size_t size)
{
	struct diags d;
	diags_init(&d);
	struct report *r =
	    report_load_string("fuzz.yaml", (const char *)data, size, fuzz_shipped_form(), &d);
	fuzz_utf8_first(r, &d, data, size);
	fuzz_same_as_tree(r, &d, data, size);
	if (r != NULL) {
		fuzz_exercise(r);
		report_free(r);
	}
	diags_free(&d);
	return 0;
}

int fuzz_expr(const uint8_t *data, size_t size)
{
	char *s = xstrndup((const char *)data, size);
	int pos;
	const char *msg;
	struct expr *e = expr_parse(s, &pos, &msg);
	expr_free(e);
	free(s);
	return 0;
}

int fuzz_csv(const uint8_t *data, size_t size)
{
	return fuzz_loaded(csv_import_string, "fuzz.csv", data, size);
}

/* The shipped forms, for import to choose among; loaded and prepared
 * once, as check --html prepares them once for all its pages. */
static struct import_forms *fuzz_import_forms(void)
{
	static struct import_forms *k;
	static const char *const ids[] = {"gov-info-2019", "gov-info-2019-tongzhou",
					  "gov-info-2021"};
	if (k == NULL) {
		const char *dir = getenv("NIANBAO_FORMS");
		struct form **all = xcalloc(3, sizeof *all);
		for (int i = 0; i < 3; i++) {
			char *path = xasprintf("%s/%s.yaml", dir && *dir ? dir : "forms", ids[i]);
			struct diags d;
			diags_init(&d);
			all[i] = form_load(path, &d);
			if (all[i] == NULL) {
				fprintf(stderr, "fuzz: cannot load %s\n", path);
				abort();
			}
			diags_free(&d);
			free(path);
		}
		k = import_forms_new(all, 3, 1);
	}
	return k;
}

/* The input read as a page (html) or a text, as import reads them. */
static int fuzz_read(int html, const uint8_t *data, size_t size, struct idoc *doc, struct diags *d)
{
	return html ? import_read_html("fuzz.html", (const char *)data, size, doc, d)
		    : import_read_text("fuzz.txt", (const char *)data, size, doc, d);
}

/* The problems of r, as check lists them. To free. */
static int fuzz_problems(struct report *r, struct problem **p)
{
	struct engine *e = engine_new(r);
	int n = engine_problems(e, p);
	engine_free(e);
	return n;
}

/* check --html finds on the page what check finds in the report import
 * wrote: the same problems, in the same order, or the harness fails. */
static void fuzz_same_problems(const struct problem *a, int na, const struct problem *b, int nb)
{
	for (int i = 0; i < na || i < nb; i++) {
		if (i >= na || i >= nb || a[i].kind != b[i].kind || a[i].cell != b[i].cell ||
		    strcmp(a[i].message, b[i].message) != 0) {
			fprintf(stderr,
				"fuzz: problem %d differs once written and loaded: %s / %s\n", i,
				i < na ? a[i].message : "(none)", i < nb ? b[i].message : "(none)");
			abort();
		}
	}
}

/* What import writes, r computed as save writes it, loaded back,
 * computed and written again: the same bytes and the same problems as r
 * (p, np), or the harness fails. */
static void fuzz_reload(const struct report *r, const char *name, const struct problem *p, int np)
{
	struct buf a, b;
	buf_init(&a);
	buf_init(&b);
	report_to_yaml(r, &a);
	struct diags d;
	diags_init(&d);
	struct report *back = report_load_string(name, a.data, a.len, r->form, &d);
	if (back == NULL) {
		fprintf(stderr, "fuzz: what import wrote does not load back:\n%s\n", a.data);
		diags_print(&d, stderr);
		abort();
	}
	struct problem *q;
	int nq = fuzz_problems(back, &q);
	report_to_yaml(back, &b);
	if (a.len != b.len || memcmp(a.data, b.data, a.len) != 0) {
		fprintf(stderr, "fuzz: loaded back, a different report:\n%s\n---\n%s", a.data,
			b.data);
		abort();
	}
	fuzz_same_problems(p, np, q, nq);
	engine_problems_free(q, nq);
	report_free(back);
	diags_free(&d);
	buf_free(&a);
	buf_free(&b);
}

/* A published report read from the input and placed as import and check
 * --html place it, then checked; an eighth of them also written and
 * loaded back (fuzz_reload). */
static int fuzz_published(int html, const uint8_t *data, size_t size)
{
	struct diags d;
	diags_init(&d);
	struct idoc doc;
	const char *name = html ? "fuzz.html" : "fuzz.txt";
	if (fuzz_read(html, data, size, &doc, &d) == 0) {
		struct buf notes;
		buf_init(&notes);
		/* strict or not by the input's last byte, and by its length the
		 * form: one of the three (import --form), or all three to choose
		 * from for a quarter of the inputs (the length, not a byte: pages
		 * all begin with '<'); each input is placed once, which keeps the
		 * fuzzer fast, and every path is tried across the corpus */
		static const char *const ids[] = {NULL, "gov-info-2019", "gov-info-2019-tongzhou",
						  "gov-info-2021"};
		struct import_opts o = {ids[size % 4], size > 0 && (data[size - 1] & 1), NULL};
		/* the decisions written, as import writes them, or only
		 * counted, as check --html counts them: by the length again */
		struct report *r =
		    import_doc(&doc, fuzz_import_forms(), &o, (size >> 2) & 1 ? &notes : NULL, &d);
		if (r != NULL) {
			/* its checks run as check --html runs them, on the report
			 * as read (computed); rendering it is the report harness's
			 * part (it takes any report file) */
			struct problem *p;
			int np = fuzz_problems(r, &p);
			/* what import writes (the report computed) is a report
			 * file that loads back as the same report, with the same
			 * problems: for an eighth of the inputs (by the byte
			 * before the last), written, loaded, written again and
			 * checked */
			if (size > 1 && (data[size - 2] & 7) == 0)
				fuzz_reload(r, name, p, np);
			engine_problems_free(p, np);
			report_free(r);
		}
		buf_free(&notes);
	}
	idoc_free(&doc);
	diags_free(&d);
	return 0;
}

int fuzz_text(const uint8_t *data, size_t size)
{
	return fuzz_published(0, data, size);
}

int fuzz_html(const uint8_t *data, size_t size)
{
	return fuzz_published(1, data, size);
}

/* The readers alone (bytes into rows of cells): where untrusted bytes are
 * parsed, fuzzed at the speed the placing harnesses cannot reach. */
static int fuzz_reader(int html, const uint8_t *data, size_t size)
{
	struct diags d;
	diags_init(&d);
	struct idoc doc;
	fuzz_read(html, data, size, &doc, &d);
	idoc_free(&doc);
	diags_free(&d);
	return 0;
}

int fuzz_text_read(const uint8_t *data, size_t size)
{
	return fuzz_reader(0, data, size);
}

int fuzz_html_read(const uint8_t *data, size_t size)
{
	return fuzz_reader(1, data, size);
}
