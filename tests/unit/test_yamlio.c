/* Unit tests: the YAML layer's tree, positions, limits and writer. */
#include "unit.h"

#include "base/buf.h"
#include "model/report.h"
#include "model/value.h"
#include "model/yamlio.h"

static struct ynode *load(const char *text, struct diags *d)
{
	struct ynode *root;
	int rc = yamlio_load_string("t.yaml", text, strlen(text), &root, d);
	assert_int_equal(rc == 0, root != NULL);
	return root;
}

static void test_tree_and_positions(void **state)
{
	(void)state;
	struct diags d;
	diags_init(&d);
	struct ynode *root = load("organ: 某街道\nvalues:\n  - 1\n  - ~\nnote: \"~\"\n", &d);
	assert_non_null(root);
	assert_int_equal(root->kind, Y_MAP);
	assert_int_equal((int)root->n, 3);
	const struct ynode *organ = ymap_get(root, "organ");
	assert_string_equal(organ->str, "某街道");
	assert_int_equal(organ->line, 1);
	assert_int_equal(organ->col, 8); /* columns count characters */
	const struct ynode *v = ymap_get(root, "values");
	assert_int_equal(v->kind, Y_SEQ);
	assert_int_equal(v->items[1]->line, 4);
	assert_int_equal(ynode_is_null(v->items[1]), 1);
	assert_int_equal(ynode_is_null(ymap_get(root, "note")), 0); /* quoted: text */
	assert_null(ymap_get(root, "absent"));
	assert_string_equal(ynode_kind_name(v), "list");
	ynode_free(root);
	diags_free(&d);
}

static void test_refusals(void **state)
{
	(void)state;
	static const struct {
		const char *yaml;
		int line, col;
		const char *says;
	} bad[] = {
	    {"a: 1\nb: 2\na: 3\n", 3, 1, "duplicate"},
	    {"a: &x 1\nb: *x\n", 1, 4, "anchors"},
	    {"a: !!str 1\n", 1, 4, "tags"},
	    {"a: [1, 2\n", 2, 1, "malformed"},
	    /* bytes that are not UTF-8 are named first, wherever they are and
	     * whatever else is wrong before them */
	    {"\xff\xfe" "a: 1\n", 1, 1, "invalid UTF-8 (byte 0xFF)"}, /* UTF-16's marks */
	    {"\xfe\xff\0a\0:", 1, 1, "invalid UTF-8 (byte 0xFE)"},
	    {"a: \xed\xa0\x80\n", 1, 4, "invalid UTF-8 (byte 0xED)"}, /* a surrogate */
	    {"a: \xc0\xaf\n", 1, 4, "invalid UTF-8 (byte 0xC0)"},     /* overlong */
	    {"a: \xe0\x80\xaf\n", 1, 4, "invalid UTF-8 (byte 0xE0)"},
	    {"a: \xf4\x90\x80\x80\n", 1, 4, "invalid UTF-8 (byte 0xF4)"}, /* past U+10FFFF */
	    {"a: \xf8\x88\x80\x80\x80\n", 1, 4, "invalid UTF-8 (byte 0xF8)"},
	    {"a: \x80\n", 1, 4, "invalid UTF-8 (byte 0x80)"},
	    {"a: b\xe4\xb8", 1, 5, "invalid UTF-8 (byte 0xE4)"}, /* cut off */
	    {"a: [1, 2\nb: \xc3\x28\n", 2, 4, "invalid UTF-8 (byte 0xC3)"},
	    {"a: 1\na: 2\nb: \xff\n", 3, 4, "invalid UTF-8 (byte 0xFF)"},
	    {"a: &x 1\n---\nb: \xff\n", 3, 4, "invalid UTF-8 (byte 0xFF)"},
	    {"\xef\xbb\xbf" "a: [\n", 2, 1, "malformed"}, /* UTF-8's mark: UTF-8 */
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct diags d;
		diags_init(&d);
		assert_null(load(bad[i].yaml, &d));
		assert_int_equal((int)d.n, 1);
		if (d.v[0].line != bad[i].line || d.v[0].column != bad[i].col ||
		    strstr(d.v[0].message, bad[i].says) == NULL)
			fail_msg("case %zu: %d:%d: %s", i, d.v[0].line, d.v[0].column,
				 d.v[0].message);
		diags_free(&d);
	}
	/* nested deeper than the limit */
	struct buf deep;
	buf_init(&deep);
	for (int i = 0; i < YAMLIO_MAX_DEPTH + 2; i++)
		buf_putc(&deep, '[');
	struct diags d;
	diags_init(&d);
	assert_null(load(deep.data, &d));
	assert_non_null(strstr(d.v[0].message, "nested too deeply (more than 32 levels)"));
	diags_free(&d);
	buf_free(&deep);
}

static void test_writer(void **state)
{
	(void)state;
	struct buf out;
	buf_init(&out);
	struct yemit *y = yemit_new(&out);
	yemit_map_start(y);
	yemit_scalar(y, "a", YEMIT_PLAIN);
	yemit_scalar(y, "yes", YEMIT_STRING); /* would read back as a boolean */
	yemit_scalar(y, "b", YEMIT_PLAIN);
	yemit_scalar(y, "一行\n二行", YEMIT_LITERAL);
	yemit_scalar(y, "c", YEMIT_PLAIN);
	yemit_seq_start(y, 1);
	yemit_scalar(y, "1", YEMIT_PLAIN);
	yemit_scalar(y, "2", YEMIT_PLAIN);
	yemit_seq_end(y);
	yemit_map_end(y);
	assert_int_equal(yemit_finish(y), 0);
	/* what was written reads back the same */
	struct diags d;
	diags_init(&d);
	struct ynode *root = load(out.data, &d);
	assert_non_null(root);
	assert_string_equal(ymap_get(root, "a")->str, "yes");
	assert_int_equal(ymap_get(root, "a")->plain, 0);
	assert_string_equal(ymap_get(root, "b")->str, "一行\n二行");
	assert_int_equal((int)ymap_get(root, "c")->n, 2);
	assert_non_null(strstr(out.data, "c: [1, 2]"));
	ynode_free(root);
	diags_free(&d);
	buf_free(&out);
}

/* A taker of t: 1 pulls the whole value, 0 declines, -1 gives up at its
 * first event; counts what it pulled. */
struct counting {
	int answer, pulled, scalars;
};

static int count_take(void *ctx, struct yamlio_load *L, struct ynode *const *pairs, size_t n)
{
	struct counting *c = ctx;
	assert_int_equal((int)n, 1); /* a: 1 came before */
	assert_string_equal(pairs[0]->str, "a");
	if (c->answer <= 0) {
		if (c->answer < 0) {
			struct yevent e;
			assert_int_equal(yamlio_pull(L, &e), 0);
		}
		return c->answer;
	}
	struct yevent e;
	int open = 0;
	do {
		assert_int_equal(yamlio_pull(L, &e), 0);
		c->pulled++;
		c->scalars += !e.end && e.kind == Y_SCALAR;
		open += e.end ? -1 : e.kind != Y_SCALAR;
	} while (open > 0);
	return 1;
}

static void test_taker(void **state)
{
	(void)state;
	const char *text = "a: 1\nt: {x: 1, y: [2, 3]}\nb: 2\n";
	for (int answer = -1; answer <= 1; answer++) {
		struct counting c = {answer, 0, 0};
		const struct yamlio_taker tk = {"t", count_take, &c};
		struct diags d;
		diags_init(&d);
		struct ynode *root;
		int rc = yamlio_load_taking("t.yaml", text, strlen(text), &root, &d, &tk);
		assert_int_equal((int)d.n, 0); /* a taker says nothing */
		if (answer < 0) {
			assert_int_equal(rc, -2);
			assert_null(root);
		} else {
			assert_int_equal(rc, 0);
			const struct ynode *t = ymap_get(root, "t");
			assert_int_equal(t->taken, answer);
			assert_int_equal((int)t->n, answer ? 0 : 2);
			assert_string_equal(ymap_get(root, "b")->str, "2");
			ynode_free(root);
		}
		assert_int_equal(c.pulled, answer > 0 ? 9 : 0); /* { x 1 y [ 2 3 ] } */
		assert_int_equal(c.scalars, answer > 0 ? 5 : 0);
		diags_free(&d);
	}
}

/* A report read with its tables taken as events and read as one tree:
 * the same report, or the same messages at the same places. */
static int loaded_alike(const struct form *f, const char *text)
{
	struct diags d[2];
	struct report *r[2];
	struct buf y[2];
	for (int i = 0; i < 2; i++) {
		diags_init(&d[i]);
		buf_init(&y[i]);
		report_tree_only = i;
		r[i] = report_load_string("r.yaml", text, strlen(text), f, &d[i]);
		if (r[i] != NULL)
			report_to_yaml(r[i], &y[i]);
	}
	report_tree_only = 0;
	assert_int_equal(r[0] == NULL, r[1] == NULL);
	assert_int_equal((int)d[0].n, (int)d[1].n);
	for (size_t i = 0; i < d[0].n; i++) {
		assert_string_equal(d[0].v[i].message, d[1].v[i].message);
		assert_int_equal(d[0].v[i].line, d[1].v[i].line);
		assert_int_equal(d[0].v[i].column, d[1].v[i].column);
	}
	if (r[0] != NULL) {
		assert_string_equal(y[0].data, y[1].data);
		for (int c = 0; c < f->ncells; c++) {
			assert_int_equal(r[0]->line[c], r[1]->line[c]);
			assert_int_equal(r[0]->col[c], r[1]->col[c]);
			assert_true(value_same(&r[0]->vals[c], &r[1]->vals[c]));
		}
	}
	int ok = r[0] != NULL;
	for (int i = 0; i < 2; i++) {
		report_free(r[i]);
		diags_free(&d[i]);
		buf_free(&y[i]);
	}
	return ok;
}

/* The sample with its first `from` made `to`. */
static char *edited(const char *text, const char *from, const char *to)
{
	const char *at = strstr(text, from);
	assert_non_null(at);
	size_t n = strlen(text) + strlen(to) + 1;
	char *s = malloc(n);
	snprintf(s, n, "%.*s%s%s", (int)(at - text), text, to, at + strlen(from));
	return s;
}

static void test_tables_taken(void **state)
{
	(void)state;
	struct diags d;
	diags_init(&d);
	struct form *f = form_load(unit_src("forms/gov-info-2019-tongzhou.yaml"), &d);
	assert_non_null(f);
	FILE *fp = fopen(unit_src("reports/guoyuan-2020.yaml"), "rb");
	assert_non_null(fp);
	static char text[65536];
	text[fread(text, 1, sizeof text - 1, fp)] = '\0';
	fclose(fp);
	const char *head = "form: gov-info-2019-tongzhou\nform-version: 1\n";
	const struct {
		const char *from, *to;
		int loads;
	} cases[] = {
	    {"made: 1", "made: 1", 1},
	    {"made: 1", "made: ~", 1},
	    {"made: 1", "\"made\": 1", 1},
	    {"      rules:\n        made: 0\n        published: 0\n        total: 0\n",
	     "      rules: {made: 0, published: 0, total: 0}\n", 1},
	    {"made: 1", "made: 1\n        made: 2", 0},         /* a column twice */
	    {"    item5:\n", "    item1: {}\n    item5:\n", 0}, /* a block twice */
	    {"      licensing:", "      licensingx:", 0},
	    {"made: 1", "made: 一", 0},
	    {"made: 1", "made: \"1\\e\"", 0},
	    {"made: 1", "made: &a 1", 0},
	    {"made: 1", "made: !!int 1", 0},
	    {"made: 1", "made: [1", 0},
	    {"made: 1", "made: [1]", 0},
	    {"made: 1", "made: -1", 0},
	    {"      rules:\n        made: 0\n        published: 0\n        total: 0\n",
	     "      rules: [0, 0, 0]\n", 0},
	    {"form-version: 1", "form-version: 2", 0},
	    {"form: gov-info-2019-tongzhou", "form: gov-info-2021", 0},
	    {head, "", 0}, /* no form before the tables, nor after */
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *t = edited(text, cases[i].from, cases[i].to);
		assert_int_equal(loaded_alike(f, t), cases[i].loads);
		free(t);
	}
	/* the form named after the tables: read as a tree, the same report */
	char *moved = edited(text, head, "");
	size_t n = strlen(moved) + strlen(head) + 1;
	char *late = malloc(n);
	snprintf(late, n, "%s%s", moved, head);
	assert_int_equal(loaded_alike(f, late), 1);
	/* a YAML error, or a key unknown, after tables taken well */
	static const char *const tails[] = {"acknowledged: [\n", "extra: 1\n", "tables: {}\n"};
	for (size_t i = 0; i < 3; i++) {
		n = strlen(text) + strlen(tails[i]) + 1;
		char *t = malloc(n);
		snprintf(t, n, "%s%s", text, tails[i]);
		assert_int_equal(loaded_alike(f, t), 0);
		free(t);
	}
	assert_int_equal(
	    loaded_alike(f, "form: gov-info-2019-tongzhou\nform-version: 1\ntables: ~\n"), 0);
	/* a report of another form than the one given, both ways: said where */
	const char *other = "form: gov-info-2021\nform-version: 1\ntables: {}\n";
	assert_int_equal(loaded_alike(f, other), 0);
	struct diags od;
	diags_init(&od);
	assert_null(report_load_string("r.yaml", other, strlen(other), f, &od));
	assert_int_equal((int)od.n, 1);
	assert_string_equal(
	    od.v[0].message,
	    "this report is for form 'gov-info-2021', not 'gov-info-2019-tongzhou'");
	assert_int_equal(od.v[0].line, 1);
	assert_int_equal(od.v[0].column, 7);
	diags_free(&od);
	/* the tables the file's first key: nothing read before them */
	assert_int_equal(loaded_alike(f, "tables:\n  proactive: {}\nform: gov-info-2019-tongzhou\n"
					 "form-version: 1\n"),
			 1);
	assert_int_equal(
	    loaded_alike(f, "form: gov-info-2019-tongzhou\nform-version: 1\ntables: 3\n"), 0);
	free(moved);
	free(late);
	form_free(f);
	diags_free(&d);
}

/* Keys of every length the matcher tells apart (1 to 16 bytes in words, longer
 * byte by byte): the right ones taken, in order or not, and one byte
 * changed at either end, a NUL put inside or after, refused alike. */
static void test_keys_matched_whole(void **state)
{
	(void)state;
	static const char *const cols[] = {"a",
					   "abc",
					   "abcd",
					   "abcdefg",
					   "abcdefgh",
					   "abcdefghijklmnop",
					   "abcdefghijklmnopq",
					   "a_column_id_of_26_bytes_xy"};
	static const char *const rows[] = {"x", "row_longer_than_sixteen"};
	enum { NC = sizeof cols / sizeof cols[0], NR = 2 };
	struct buf form, good;
	buf_init(&form);
	buf_puts(&form, "id: t\nversion: 1\ntitle: T\nlanguage: zh_CN\nparts:\n"
			"  - table: t\n    title: 表\n    columns:\n");
	for (int c = 0; c < NC; c++)
		buf_printf(&form, "      - id: %s\n        label: 列%d\n", cols[c], c);
	buf_puts(&form, "    rows:\n");
	for (int r = 0; r < NR; r++)
		buf_printf(&form, "      - id: %s\n        label: 行%d\n", rows[r], r);
	struct diags d;
	diags_init(&d);
	struct form *f = form_load(unit_tmpfile(form.data), &d);
	assert_non_null(f);
	buf_init(&good);
	buf_puts(&good, "form: t\nform-version: 1\ntables:\n  t:\n");
	for (int r = 0; r < NR; r++) {
		buf_printf(&good, "    %s:\n", rows[r]);
		for (int c = 0; c < NC; c++)
			buf_printf(&good, "      %s: %d\n", cols[c], 10 * r + c);
	}
	assert_int_equal(loaded_alike(f, good.data), 1);
	/* the last column first: found by the search of the whole tree */
	char line[64];
	snprintf(line, sizeof line, "      %s: %d\n", cols[NC - 1], NC - 1);
	char *moved = edited(good.data, line, "");
	char first[80];
	snprintf(first, sizeof first, "%s      a: 0\n", line);
	char *back = edited(moved, "      a: 0\n", first);
	assert_int_equal(loaded_alike(f, back), 1);
	for (int k = 0; k < NC + NR; k++) {
		const char *id = k < NC ? cols[k] : rows[k - NC];
		size_t n = strlen(id);
		char from[64], to[5][80];
		snprintf(from, sizeof from, k < NC ? " %s: " : " %s:\n", id);
		const char *tail = k < NC ? ": " : ":\n";
		snprintf(to[0], sizeof to[0], " %.*sZ%s", (int)n - 1, id, tail); /* last byte */
		snprintf(to[1], sizeof to[1], " Z%s%s", id + 1, tail);           /* first */
		snprintf(to[2], sizeof to[2], " \"%s\\0\"%s", id, tail);         /* NUL after */
		snprintf(to[3], sizeof to[3], " \"%.*s\\0\"%s", (int)n - 1, id,
			 tail); /* NUL for the last byte: the same length */
		snprintf(to[4], sizeof to[4], " \"%s\"%s", id, tail); /* quoted: the key */
		for (int v = 0; v < 5; v++) {
			char *t = edited(good.data, from, to[v]);
			assert_int_equal(loaded_alike(f, t), v == 4);
			free(t);
		}
	}
	free(moved);
	free(back);
	form_free(f);
	diags_free(&d);
	buf_free(&form);
	buf_free(&good);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_tree_and_positions),
	    cmocka_unit_test(test_refusals),
	    cmocka_unit_test(test_writer),
	    cmocka_unit_test(test_taker),
	    cmocka_unit_test(test_tables_taken),
	    cmocka_unit_test(test_keys_matched_whole),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
