/* Property test of the rendering: for many generated reports (random
 * values, blanks, long organ names, numbers up to the type's maximum) at
 * many widths, every line fits, every table's lines are equally wide, and
 * every value is printed exactly as often as cells hold it, on its row. */
#include "unit.h"

#include "base/buf.h"
#include "base/diag.h"
#include "engine/engine.h"
#include "model/form.h"
#include "output/page.h"
#include "output/render.h"
#include "model/report.h"
#include "base/width.h"

static unsigned lcg(unsigned *s)
{
	*s = *s * 1103515245u + 12345u;
	return (*s >> 16) & 0x7fff;
}

/* A value for a cell of this type: blank, small, large or the largest. */
static void random_value(unsigned *seed, const struct celltype *t, int k, struct value *v)
{
	memset(v, 0, sizeof *v);
	unsigned pick = lcg(seed) % 10;
	if (pick == 0)
		return; /* blank */
	v->kind = VAL_NUM;
	v->scale = t->kind == CELL_FIXED || t->kind == CELL_DECIMAL ? t->places : 0;
	if (pick == 9)
		v->num = INT64_MAX - k; /* near the type's maximum */
	else if (pick >= 7)
		v->num = (int64_t)lcg(seed) * 100003 + k;
	else
		v->num = 1000 + k * 7 + (int64_t)(lcg(seed) % 5);
	if (t->kind == CELL_SIGNED && lcg(seed) % 3 == 0)
		v->num = -v->num;
}

/* Occurrences of s in text as a whole number (not inside a longer one). */
static int count_number(const char *text, const char *s, const char **first)
{
	int n = 0;
	size_t len = strlen(s);
	for (const char *p = strstr(text, s); p != NULL; p = strstr(p + 1, s)) {
		char before = p > text ? p[-1] : ' ';
		char after = p[len];
		if ((before >= '0' && before <= '9') || before == '.' || before == '-' ||
		    (after >= '0' && after <= '9') || after == '.')
			continue;
		if (n++ == 0)
			*first = p;
	}
	return n;
}

/* The line of text around position p. */
static char *line_at(const char *text, const char *p)
{
	const char *a = p, *b = p;
	while (a > text && a[-1] != '\n')
		a--;
	while (*b && *b != '\n')
		b++;
	char *l = malloc((size_t)(b - a) + 1);
	memcpy(l, a, (size_t)(b - a));
	l[b - a] = '\0';
	return l;
}

/* Every line fits; the lines of one drawn table, ruled in box drawing or
 * in ASCII, are equally wide. Returns how many table lines were checked. */
static int check_lines(const char *text, int width, int amb, int ascii)
{
	int table_w = -1, checked = 0;
	const char *p = text;
	while (*p) {
		const char *e = strchr(p, '\n');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		char *l = malloc(n + 1);
		memcpy(l, p, n);
		l[n] = '\0';
		int w = width_str_amb(l, amb);
		if (w > width)
			fail_msg("line of %d columns at width %d: %s\n%s", w, width, l, text);
		int top = ascii ? strncmp(l, "+-", 2) == 0 && table_w < 0 : strncmp(l, "┌", 3) == 0;
		int is_table = ascii ? strncmp(l, "+-", 2) == 0 || l[0] == '|'
				     : strncmp(l, "┌", 3) == 0 || strncmp(l, "│", 3) == 0 ||
					   strncmp(l, "├", 3) == 0 || strncmp(l, "└", 3) == 0;
		if (top)
			table_w = w;
		else if (is_table && w != table_w)
			fail_msg("table line of %d columns, its table is %d: %s", w, table_w, l);
		if (is_table)
			checked++;
		else
			table_w = -1; /* between tables: the next starts afresh */
		free(l);
		p = e ? e + 1 : p + n;
	}
	return checked;
}

static void check_values(const struct engine *e, const char *text)
{
	const struct report *r = engine_report(e);
	const struct form *f = r->form;
	for (int i = 0; i < f->ncells; i++) {
		char *s = value_str(&r->vals[i]);
		if (*s == '\0' || r->vals[i].kind == VAL_ERROR) {
			free(s);
			continue;
		}
		int want = 0;
		for (int k = 0; k < f->ncells; k++) {
			char *t = value_str(&r->vals[k]);
			want += strcmp(s, t) == 0;
			free(t);
		}
		const char *first = NULL;
		int got = count_number(text, s, &first);
		if (got != want)
			fail_msg("'%s' printed %d times, held by %d cells", s, got, want);
		const struct fcell *fc = &f->cells[i];
		const char *label = fc->block->row[fc->r]->label;
		if (want == 1 && *label) {
			/* on the line where its row's label begins */
			char start[16] = {0};
			size_t cut = 0;
			for (int ch = 0; ch < 2 && label[cut]; ch++) {
				cut++;
				while ((label[cut] & 0xC0) == 0x80)
					cut++;
			}
			memcpy(start, label, cut);
			char *line = line_at(text, first);
			if (strstr(line, start) == NULL)
				fail_msg("'%s' is not on the line of its row '%s': %s", s, label,
					 line);
			free(line);
		}
		free(s);
	}
}

static void test_generated_reports(void **state)
{
	(void)state;
	static const char *forms[] = {"gov-info-2019", "gov-info-2019-tongzhou", "gov-info-2021"};
	static const int widths[] = {40, 60, 80, 132};
	unsigned seed = 20201225;
	for (int fi = 0; fi < 3; fi++) {
		struct form *f = unit_form(forms[fi]);
		for (int round = 0; round < 12; round++) {
			struct report *r = report_new(f);
			struct engine *e = engine_new(r);
			for (int i = 0; i < f->ncells; i++) {
				if (f->cells[i].formula != NULL)
					continue;
				struct value v;
				random_value(&seed, &f->cells[i].type, i, &v);
				engine_edit(e, i, &v);
			}
			const char *why;
			const char *organ = round % 3 == 0 ? "某某省某某市某某区某某街道办事处社区"
							     "服务中心综合行政执法队第一分队"
							   : "示例街道办事处";
			assert_int_equal(report_set_header(r, 0, organ, &why), 0);
			for (int wi = 0; wi < 4; wi++) {
				struct render_opts o = render_defaults();
				o.width = widths[wi] + (int)(lcg(&seed) % 7);
				o.ascii = round % 4 == 1;
				o.wide_ambiguous = round % 4 == 2;
				struct buf out;
				buf_init(&out);
				struct diags d;
				diags_init(&d);
				assert_int_equal(page_report(e, &o, &out, &d), 0);
				/* every rendering draws its tables, and they were checked */
				assert_true(
				    check_lines(out.data, o.width, o.wide_ambiguous, o.ascii) > 20);
				check_values(e, out.data);
				buf_free(&out);
				diags_free(&d);
			}
			engine_free(e);
			report_free(r);
		}
		form_free(f);
	}
}

int main(void)
{
	width_init_locale();
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_generated_reports),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
