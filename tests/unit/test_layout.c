/* Unit tests: column widths and the split of a wide block into parts. */
#include "unit.h"

#include "model/layout.h"
#include "base/width.h"

static struct form *form;

/* The cells of block b, each given text. */
static char **cells_of(const struct fblock *b, const char *text)
{
	char **cells = calloc((size_t)b->nrows * (size_t)b->ncols, sizeof *cells);
	for (int i = 0; i < b->nrows * b->ncols; i++)
		cells[i] = strdup(text);
	return cells;
}

static void cells_free(const struct fblock *b, char **cells)
{
	for (int i = 0; i < b->nrows * b->ncols; i++)
		free(cells[i]);
	free(cells);
}

static void test_widths_and_parts(void **state)
{
	(void)state;
	const struct fblock *b = form_table(form, "applications")->blocks[0];
	char **cells = cells_of(b, "123456789");
	int widths[] = {132, 80, 60, 40};
	int last_parts = 0;
	for (size_t k = 0; k < sizeof widths / sizeof widths[0]; k++) {
		struct layout L;
		layout_block(b, cells, widths[k], 1, 0, &L);
		assert_true(L.nparts >= 1);
		assert_true(L.nparts >= last_parts); /* narrower: never fewer parts */
		last_parts = L.nparts;
		int seen = 0;
		for (int p = 0; p < L.nparts; p++) {
			const struct layout_part *P = &L.parts[p];
			assert_int_equal(P->c0, seen); /* parts follow one another */
			seen += P->nc;
			assert_true(P->total <= widths[k]);
			assert_true(P->labelw > 0); /* each repeats the row labels */
			for (int c = 0; c < P->nc; c++)
				assert_true(P->w[c] >= 9 + 2); /* the figure and a margin */
		}
		assert_int_equal(seen, b->ncols);
		layout_free(&L);
	}
	assert_true(last_parts > 1); /* 40 columns cannot hold all seven */
	cells_free(b, cells);
}

static void test_stretch_and_indent(void **state)
{
	(void)state;
	const struct fblock *b = form_table(form, "applications")->blocks[0];
	char **cells = cells_of(b, "0");
	struct layout L;
	layout_block(b, cells, 132, 1, 0, &L);
	int before = L.parts[0].total;
	layout_stretch(&L, before + 10);
	assert_int_equal(L.parts[0].total, before + 10);
	layout_free(&L);
	assert_int_equal(layout_indent(0), 0);
	assert_int_equal(layout_indent(2), 4);
	cells_free(b, cells);
}

int main(void)
{
	width_init_locale();
	form = unit_form("gov-info-2019-tongzhou");
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_widths_and_parts),
	    cmocka_unit_test(test_stretch_and_indent),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	form_free(form);
	return rc;
}
