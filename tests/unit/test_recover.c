/* Unit tests: the recovery journal writes changes and reads them back. */
#include "unit.h"

#include "engine/change.h"
#include "engine/recover.h"

#include <sys/stat.h>

static struct form *form;
static char dir[64];

static void test_round_trip(void **state)
{
	(void)state;
	char path[128];
	snprintf(path, sizeof path, "%s/r.yaml", dir);
	recover_remove(path);
	const struct ftable *t = form_table(form, "applications");
	const struct fblock *b = t->blocks[0];
	int cell = form_cell(b, form_node(&b->rows, "carried")->leaf,
			     form_node(&b->cols, "natural")->leaf);
	struct value v;
	const char *why;
	assert_int_equal(value_parse("42", &form->cells[cell].type, &v, &why), 0);
	struct change c[3] = {change_cell(cell, &v),
			      change_text(CHANGE_HEADER, form_hfield(form, "organ"), "甲\t乙"),
			      change_text(CHANGE_PROSE, 0, "一行\n二行 ~ \\ 完")};
	struct diags d;
	diags_init(&d);
	assert_int_equal(recover_changes(path, form, c, 3, &d), 0);
	assert_int_equal(recover_exists(path), 1);
	/* the journal is the user's alone */
	char *rp = recover_path(path);
	struct stat st;
	assert_int_equal(stat(rp, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	/* a line cut short by a crash is left out, the rest is read */
	FILE *fp = fopen(rp, "a");
	fputs("cell\tapplications\t-\tnew", fp);
	fclose(fp);
	struct change *back;
	int n;
	assert_int_equal(recover_load(path, form, &back, &n, &d), 0);
	assert_int_equal(n, 3);
	assert_int_equal(back[0].kind, CHANGE_CELL);
	assert_int_equal(back[0].index, cell);
	char *s = value_str(&back[0].value);
	assert_string_equal(s, "42");
	free(s);
	assert_int_equal(back[1].kind, CHANGE_HEADER);
	assert_string_equal(back[1].text, "甲\t乙");
	assert_int_equal(back[2].kind, CHANGE_PROSE);
	assert_string_equal(back[2].text, "一行\n二行 ~ \\ 完");
	assert_int_equal((int)d.n, 1); /* the cut line, named */
	assert_int_equal(d.v[0].line, 5);
	recover_changes_free(back, n);
	for (int i = 0; i < 3; i++)
		change_clear(&c[i]);
	value_clear(&v);
	recover_remove(path);
	assert_int_equal(recover_exists(path), 0);
	free(rp);
	diags_free(&d);
}

/* A journal planted as a link in a shared folder is neither read nor
 * written through. */
static void test_link_refused(void **state)
{
	(void)state;
	char path[128], target[128];
	snprintf(path, sizeof path, "%s/s.yaml", dir);
	snprintf(target, sizeof target, "%s/elsewhere", dir);
	char *rp = recover_path(path);
	assert_int_equal(symlink(target, rp), 0);
	assert_int_equal(recover_exists(path), 0);
	struct change c = change_text(CHANGE_PROSE, 0, "x");
	struct diags d;
	diags_init(&d);
	assert_int_equal(recover_changes(path, form, &c, 1, &d), -1);
	assert_non_null(strstr(d.v[0].message, "symbolic link"));
	assert_int_equal(access(target, F_OK), -1); /* nothing was created there */
	unlink(rp);
	free(rp);
	change_clear(&c);
	diags_free(&d);
}

int main(void)
{
	strcpy(dir, "/tmp/nianbao-recover-XXXXXX");
	if (mkdtemp(dir) == NULL)
		return 1;
	form = unit_form("gov-info-2019-tongzhou");
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_round_trip),
	    cmocka_unit_test(test_link_refused),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	form_free(form);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		rc = 1;
	return rc;
}
