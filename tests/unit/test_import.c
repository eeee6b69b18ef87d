/* Unit tests: the importers' pieces that must hold for any input — the
 * banded label distance against the whole table, cells and their kinds,
 * what a published text may not hold, and the caps on a page's size. */
#include "unit.h"

#include "base/diag.h"
#include "import/idoc.h"
#include "import/import.h"
#include "import/importint.h"
#include "base/buf.h"
#include "model/report.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* Levenshtein over the whole table, as the distance was first written. */
static int full_distance(const uint32_t *x, int n, const uint32_t *y, int m)
{
	int prev[65], cur[65];
	for (int j = 0; j <= m; j++)
		prev[j] = j;
	for (int i = 1; i <= n; i++) {
		cur[0] = i;
		for (int j = 1; j <= m; j++) {
			int d = prev[j - 1] + (x[i - 1] != y[j - 1]);
			if (prev[j] + 1 < d)
				d = prev[j] + 1;
			if (cur[j - 1] + 1 < d)
				d = cur[j - 1] + 1;
			cur[j] = d;
		}
		memcpy(prev, cur, sizeof cur);
	}
	return prev[m];
}

static int utf8(const uint32_t *v, int n, char *out)
{
	static const char *const chars[] = {"规", "章", "文", "件", "a"};
	int k = 0;
	out[0] = '\0';
	for (int i = 0; i < n; i++)
		k += sprintf(out + k, "%s", chars[v[i]]);
	return k;
}

static void test_distance_banded(void **state)
{
	(void)state;
	uint32_t seed = 12345;
	for (int round = 0; round < 20000; round++) {
		uint32_t x[12], y[12];
		seed = seed * 1103515245 + 12345;
		int n = (int)(seed >> 16) % 12;
		seed = seed * 1103515245 + 12345;
		int m = (int)(seed >> 16) % 12;
		for (int i = 0; i < n; i++)
			seed = seed * 1103515245 + 12345, x[i] = (seed >> 16) % 5;
		for (int i = 0; i < m; i++)
			seed = seed * 1103515245 + 12345, y[i] = (seed >> 16) % 5;
		char a[64], b[64];
		utf8(x, n, a);
		utf8(y, m, b);
		int want = full_distance(x, n, y, m);
		for (int most = 0; most <= 3; most++) {
			int got = imp_distance_within(a, b, most);
			if ((want <= most && got != want) || (want > most && got != most + 1))
				fail_msg("'%s' '%s' within %d: %d, the whole table says %d", a, b,
					 most, got, want);
		}
		/* within the most two strings of 12 can differ: the whole distance */
		if (imp_distance_within(a, b, 12) != want)
			fail_msg("'%s' '%s': %d, the whole table says %d", a, b,
				 imp_distance_within(a, b, 12), want);
	}
	assert_int_equal(imp_distance_within("本年废纸件数", "本年废止件数", 1), 1);
	assert_int_equal(imp_distance_within("本年新制作数量", "本年制发件数", 2), 3);
}

static void test_cells(void **state)
{
	(void)state;
	struct idoc doc = {0};
	idoc_cell(&doc, 1, "  规\xe2\x80\x8b章 ", 12, 3, 0, 0, 0); /* a zero-width space */
	idoc_cell(&doc, 0, "１２", 6, 3, 0, 0, 0);
	idoc_cell(&doc, 0, "——", 6, 3, 0, 0, 0);
	idoc_cell(&doc, 1, "?", 1, 4, 0, 0, 0);
	assert_int_equal(doc.nrows, 2);
	assert_int_equal(doc.rows[0].n, 3);
	assert_string_equal(doc.rows[0].cells[0].text, "规章");
	assert_int_equal(doc.rows[0].cells[0].kind, IC_LABEL);
	assert_int_equal(doc.rows[0].cells[1].kind, IC_FIGURE);
	assert_int_equal(doc.rows[0].cells[2].kind, IC_BLANK);
	assert_int_equal(doc.rows[1].cells[0].kind, IC_BLANK); /* render --mark's ? */
	assert_int_equal(doc.dropped, 1);
	assert_int_equal(doc.dropped_line, 3);
	/* the arrays double: many cells in one row stay in order */
	for (int i = 0; i < 1000; i++)
		idoc_cell(&doc, 0, "7", 1, 5 + i, 0, 0, 0);
	assert_int_equal(doc.rows[1].n, 1001);
	assert_int_equal(doc.rows[1].cells[1000].line, 1004);
	assert_int_equal(idoc_kind("75394432.52元", strlen("75394432.52元")), IC_FIGURE);
	assert_int_equal(idoc_kind("自然人", strlen("自然人")), IC_LABEL);
	idoc_free(&doc);
}

static void test_refused(void **state)
{
	(void)state;
	struct idoc doc;
	struct diags d;
	diags_init(&d);
	static const char nul[] = "一\n规章 0\0"
				  "9\n";
	assert_int_equal(import_read_text("t.txt", nul, sizeof nul - 1, &doc, &d), -1);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.v[0].line, 2);
	assert_int_equal(d.v[0].column, 5);
	idoc_free(&doc);
	diags_free(&d);
	/* once refused, nothing more is taken, and the first reason stays */
	memset(&doc, 0, sizeof doc);
	idoc_refuse(&doc, 7, "first");
	idoc_refuse(&doc, 9, "second");
	idoc_cell(&doc, 1, "规章", 6, 10, 0, 0, 0);
	assert_int_equal(doc.nrows, 0);
	diags_init(&d);
	assert_int_equal(idoc_check(&doc, &d), -1);
	assert_string_equal(d.v[0].message, "first");
	assert_int_equal(d.v[0].line, 7);
	diags_free(&d);
	idoc_free(&doc);
}

/* A page's rows of cells as the reader leaves them: each row "/"-led,
 * each cell "text@table.row.cell:line". */
static void html_cells(const char *page, char *out, size_t n)
{
	struct idoc doc;
	struct diags d;
	diags_init(&d);
	assert_int_equal(import_read_html("p.html", page, strlen(page), &doc, &d), 0);
	size_t k = 0;
	out[0] = '\0';
	for (int r = 0; r < doc.nrows; r++)
		for (int c = 0; c < doc.rows[r].n; c++) {
			const struct icell *x = &doc.rows[r].cells[c];
			k += (size_t)snprintf(out + k, n - k, "%s%s@%d.%d.%d:%d", c ? " " : "/",
					      x->text, x->tab, x->row, x->cell, x->line);
			assert_true(k < n);
		}
	idoc_free(&doc);
	diags_free(&d);
}

/* A page read as the parser reports its elements: spans resolved, a cell
 * holding a table read as the page (its text before the table in
 * paragraphs, the table its own, the row's next cell where it was), what
 * is skipped skipped, and a page nested deeper than libxml2 goes read as
 * far as it goes. */
static void test_html_cells(void **state)
{
	(void)state;
	char out[4096];
	html_cells("<table><tr><td rowspan=2>a</td><td>b</td></tr>\n"
		   "<tr><td>c</td><td colspan=\"2\">d</td><td>e</td></tr></table>",
		   out, sizeof out);
	assert_string_equal(out, "/a@1.1.1:1 b@1.1.2:1/c@1.2.2:2 d@1.2.3:2 e@1.2.5:2");
	html_cells("<p>title</p><table><tr><td>h</td><td>x<p>y</p>z<select>s<table><tr><td>8"
		   "</td></tr></table></select><table><tr><td>9</td></tr></table>w</td>"
		   "<td>k</td></tr></table>after",
		   out, sizeof out);
	assert_string_equal(out, "/title@0.0.0:1/h@1.1.1:1/x@0.0.0:1/y@0.0.0:1/z@0.0.0:1/9@2.1.1:1"
				 "/w@0.0.0:1/k@1.1.2:1/after@0.0.0:1");
	html_cells("<table><tr><td>a<script>s</script><b>b</b><style>q</style>c</td>"
		   "<td colspan=0 rowspan=-3>d</td></tr><form><tr><td>gone</td></tr></form>"
		   "<tbody><tr><th>e</th><div><td>f</td></div></tr></tbody></table>",
		   out, sizeof out);
	assert_string_equal(out, "/abc@1.1.1:1 d@1.1.2:1/e@1.2.1:1");
	/* 300 elements deep: libxml2 stops past its depth (256), and what it
	 * read stays read */
	struct buf deep;
	buf_init(&deep);
	buf_puts(&deep, "<table><tr><td>1</td></tr></table>");
	for (int i = 0; i < 300; i++)
		buf_puts(&deep, "<div>");
	buf_puts(&deep, "<table><tr><td>2</td></tr></table>");
	html_cells(deep.data, out, sizeof out);
	assert_string_equal(out, "/1@1.1.1:1");
	buf_free(&deep);
}

/* A text's rows placed by their labels: exactly, by another numbering,
 * with a character wrong; each loose reading said in a note with its
 * line; --strict refusing them instead. */
static void test_labels_placed(void **state)
{
	(void)state;
	static const char text[] = "某某局2022年政府信息公开工作年度报告\n"
				   "三、收到和处理政府信息公开申请情况\n"
				   "1.本年新收政府信息公开申请数量\t3\t0\t0\t0\t0\t1\t4\n"
				   "二、上年结转政府信息公开申请数量\t1\t0\t0\t0\t0\t0\t1\n"
				   "四、结转下年度继续力理\t2\t0\t0\t0\t0\t0\t2\n";
	struct form *f = unit_form("gov-info-2021");
	struct form *forms[] = {f};
	struct import_forms *k = import_forms_new(forms, 1, 0);
	struct idoc doc;
	struct diags d;
	diags_init(&d);
	assert_int_equal(import_read_text("t.txt", text, sizeof text - 1, &doc, &d), 0);
	struct buf notes;
	buf_init(&notes);
	struct import_opts o = {NULL, 0, NULL};
	struct report *r = import_doc(&doc, k, &o, &notes, &d);
	assert_non_null(r);
	static const char *const want[][2] = {{"applications.new.natural", "3"},
					      {"applications.new.org_other", "1"},
					      {"applications.carried.natural", "1"},
					      {"applications.forward.natural", "2"}};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
		char *v = value_str(&r->vals[report_cell_by_path(f, want[i][0])]);
		assert_string_equal(v, want[i][1]);
		free(v);
	}
	assert_non_null(strstr(notes.data,
			       "t.txt:3: label 1.本年新收政府信息公开申请数量 read as "
			       "一、本年新收政府信息公开申请数量: its numbering differs\n"));
	assert_non_null(strstr(notes.data, "t.txt:5: label 四、结转下年度继续力理 read as "
					   "四、结转下年度继续办理: a character or two differ\n"));
	/* the exact label: no note of its own */
	assert_null(strstr(notes.data, "t.txt:4: label"));
	report_free(r);
	/* strict: each decision refused, nothing made */
	o.strict = 1;
	assert_null(import_doc(&doc, k, &o, NULL, &d));
	int lines3 = 0;
	for (size_t i = 0; i < d.n; i++)
		lines3 += d.v[i].line == 3 && strstr(d.v[i].message, "--strict: label") != NULL;
	assert_int_equal(lines3, 1);
	buf_free(&notes);
	diags_free(&d);
	idoc_free(&doc);
	import_forms_free(k);
	form_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_distance_banded), cmocka_unit_test(test_cells),
	    cmocka_unit_test(test_refused),         cmocka_unit_test(test_html_cells),
	    cmocka_unit_test(test_labels_placed),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
