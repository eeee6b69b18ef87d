/* Unit tests: one change type, applied one way (change_apply), kept in
 * pairs by the undo history. */
#include "unit.h"

#include "engine/change.h"
#include "engine/engine.h"
#include "engine/history.h"
#include "model/report.h"

static struct form *form;

/* The cell of table `table` at row and column ids. */
static int cell_of(const char *table, const char *row, const char *col)
{
	const struct ftable *t = form_table(form, table);
	assert_non_null(t);
	const struct fblock *b = t->blocks[0];
	const struct fnode *r = form_node(&b->rows, row), *c = form_node(&b->cols, col);
	assert_non_null(r);
	assert_non_null(c);
	return form_cell(b, r->leaf, c->leaf);
}

static struct value num(const char *s, int cell)
{
	struct value v;
	const char *why;
	assert_int_equal(value_parse(s, &form->cells[cell].type, &v, &why), 0);
	return v;
}

static char *shown(const struct report *r, int cell)
{
	return value_str(&r->vals[cell]);
}

static void test_cell_and_its_undo(void **state)
{
	(void)state;
	struct report *r = report_new(form);
	struct engine *e = engine_new(r);
	int natural = cell_of("applications", "new", "natural");
	int total = cell_of("applications", "new", "total");
	struct value five = num("5", natural);
	struct change c = change_cell(natural, &five);
	struct change undo = change_undoing(e, &c);
	assert_int_equal(undo.kind, CHANGE_CELL);
	assert_int_equal(undo.value.kind, VAL_BLANK);
	const char *why;
	assert_int_equal(change_apply(e, &c, &why), 1);
	char *s = shown(r, total);
	assert_string_equal(s, "5"); /* the total followed */
	free(s);
	assert_int_equal(change_apply(e, &c, &why), 0); /* already so */
	assert_int_equal(change_apply(e, &undo, &why), 1);
	s = shown(r, total);
	assert_string_equal(s, "");
	free(s);
	/* a computed total is refused */
	struct change t = change_cell(total, &five);
	assert_int_equal(change_apply(e, &t, &why), -1);
	assert_non_null(why);
	change_clear(&t);
	change_clear(&c);
	change_clear(&undo);
	value_clear(&five);
	engine_free(e);
	report_free(r);
}

static void test_text_changes(void **state)
{
	(void)state;
	struct report *r = report_new(form);
	struct engine *e = engine_new(r);
	int year = form_hfield(form, "year");
	const char *why;
	struct change bad = change_text(CHANGE_HEADER, year, "20x4");
	assert_int_equal(change_apply(e, &bad, &why), -1);
	assert_null(r->header[year]);
	struct change good = change_text(CHANGE_HEADER, year, "2024");
	assert_int_equal(change_apply(e, &good, &why), 1);
	assert_string_equal(r->header[year], "2024");
	/* prose is kept normalised: trailing spaces and blank lines are no change */
	struct change p1 = change_text(CHANGE_PROSE, 0, "第一段");
	struct change p2 = change_text(CHANGE_PROSE, 0, "第一段  \n\n");
	assert_int_equal(change_apply(e, &p1, &why), 1);
	assert_int_equal(change_apply(e, &p2, &why), 0);
	struct change undo = change_undoing(e, &p1);
	assert_string_equal(undo.text, "第一段");
	change_clear(&bad);
	change_clear(&good);
	change_clear(&p1);
	change_clear(&p2);
	change_clear(&undo);
	engine_free(e);
	report_free(r);
}

/* The acknowledged report: withdrawing its acknowledgement is a change,
 * and its undo brings the same reason back. */
static void test_acknowledgement(void **state)
{
	(void)state;
	struct diags d;
	diags_init(&d);
	struct report *r = report_load(unit_src("tests/data/acknowledged.yaml"), form, &d);
	assert_non_null(r);
	struct engine *e = engine_new(r);
	struct engine_count n = engine_count(e);
	assert_int_equal(n.acknowledged, 1);
	assert_int_equal(n.warnings, 0);
	struct problem *p;
	int np = engine_problems(e, &p);
	int k = -1;
	for (int i = 0; i < np; i++)
		if (p[i].acknowledged != NULL)
			k = i;
	assert_true(k >= 0);
	struct change off = change_ack(p[k].check, p[k].block, p[k].r, p[k].c, NULL);
	struct change undo = change_undoing(e, &off);
	assert_string_equal(undo.text, "该规范性文件为内部管理制度，按规定不予公开");
	engine_problems_free(p, np);
	const char *why;
	assert_int_equal(change_apply(e, &off, &why), 1);
	n = engine_count(e);
	assert_int_equal(n.acknowledged, 0);
	assert_int_equal(n.warnings, 1);
	assert_int_equal(change_apply(e, &undo, &why), 1);
	n = engine_count(e);
	assert_int_equal(n.acknowledged, 1);
	assert_int_equal(n.warnings, 0);
	/* a reason of two lines is refused */
	struct change two = change_ack(off.check, off.block, off.r, off.c, "a\nb");
	assert_int_equal(change_apply(e, &two, &why), -1);
	change_clear(&two);
	change_clear(&off);
	change_clear(&undo);
	engine_free(e);
	report_free(r);
	diags_free(&d);
}

static void test_history_steps(void **state)
{
	(void)state;
	struct history h;
	history_init(&h);
	int cell = cell_of("applications", "new", "natural");
	struct value one = num("1", cell), two = num("2", cell);
	struct change c1 = change_cell(cell, &one), c2 = change_cell(cell, &two);
	history_begin(&h);
	history_add(&h, &c1, &c2);
	history_add(&h, &c2, &c1);
	history_end(&h);
	history_begin(&h); /* an empty step is not kept */
	history_end(&h);
	assert_int_equal(h.n, 1);
	const struct history_step *s = history_undo(&h);
	assert_non_null(s);
	assert_int_equal(s->n, 2);
	assert_int_equal(value_identical(&s->v[0].undo.value, &one), 1);
	assert_int_equal(value_identical(&s->v[0].redo.value, &two), 1);
	assert_null(history_undo(&h));
	assert_non_null(history_redo(&h));
	assert_null(history_redo(&h));
	/* a new step after an undo drops what could be redone */
	history_undo(&h);
	history_begin(&h);
	history_add(&h, &c2, &c1);
	history_end(&h);
	assert_int_equal(h.n, 1);
	assert_int_equal(h.done, 1);
	assert_null(history_redo(&h));
	change_clear(&c1);
	change_clear(&c2);
	value_clear(&one);
	value_clear(&two);
	history_free(&h);
}

int main(void)
{
	form = unit_form("gov-info-2019-tongzhou");
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_cell_and_its_undo),
	    cmocka_unit_test(test_text_changes),
	    cmocka_unit_test(test_acknowledgement),
	    cmocka_unit_test(test_history_steps),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	form_free(form);
	return rc;
}
