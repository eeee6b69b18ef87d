/* Unit tests: the YAML layer's tree, positions, limits and writer. */
#include "unit.h"

#include "base/buf.h"
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

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_tree_and_positions),
	    cmocka_unit_test(test_refusals),
	    cmocka_unit_test(test_writer),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
