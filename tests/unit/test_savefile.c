/* Unit tests: the atomic writer. A file is replaced whole or not at all,
 * through a temporary beside it that never outlives the call; a link
 * planted at the target is replaced, never followed; a report keeps its
 * previous version as FILE~; a private folder is the writer's alone. */
#include "unit.h"

#include "base/buf.h"
#include "base/savefile.h"

#include <dirent.h>
#include <sys/stat.h>

static char dir[64];

static int setup(void **state)
{
	(void)state;
	strcpy(dir, "/tmp/nianbao-savefile-XXXXXX");
	assert_non_null(mkdtemp(dir));
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	return system(cmd) == 0 ? 0 : -1;
}

static char *in_dir(const char *name)
{
	static char path[256];
	snprintf(path, sizeof path, "%s/%s", dir, name);
	return path;
}

/* The whole content of path (static), or NULL. */
static const char *contents(const char *path)
{
	static char text[4096];
	FILE *f = fopen(path, "r");
	if (f == NULL)
		return NULL;
	size_t n = fread(text, 1, sizeof text - 1, f);
	fclose(f);
	text[n] = '\0';
	return text;
}

/* How many entries the folder holds besides . and .. */
static int entries(void)
{
	DIR *d = opendir(dir);
	int n = 0;
	for (struct dirent *e; (e = readdir(d)) != NULL;)
		n += strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0;
	closedir(d);
	return n;
}

static void test_names(void **state)
{
	(void)state;
	/* the rendering's and the page's names: .yaml or .yml replaced, any
	 * other name (or one that only ends so, or is no more than it) kept */
	static const char *const beside[][3] = {{"a/x.yaml", "a/x.txt", "a/x.html"},
						{"notes", "notes.txt", "notes.html"},
						{"b.yml", "b.txt", "b.html"},
						{".yaml", ".yaml.txt", ".yaml.html"},
						{"a/x.yamlx", "a/x.yamlx.txt", "a/x.yamlx.html"},
						{"", ".txt", ".html"}};
	char *s;
	for (size_t i = 0; i < sizeof beside / sizeof beside[0]; i++) {
		s = savefile_txt_path(beside[i][0]);
		assert_string_equal(s, beside[i][1]);
		free(s);
		s = savefile_html_path(beside[i][0]);
		assert_string_equal(s, beside[i][2]);
		free(s);
	}
	s = savefile_backup_path("a/x.yaml");
	assert_string_equal(s, "a/x.yaml~");
	free(s);
	s = savefile_hidden("a/x.yaml", ".lock");
	assert_string_equal(s, "a/.x.yaml.lock");
	free(s);
}

static void test_write_replaces_whole(void **state)
{
	(void)state;
	struct diags d;
	diags_init(&d);
	const char *p = in_dir("r.txt");
	assert_int_equal(savefile_write(p, "first\n", 6, &d), 0);
	assert_string_equal(contents(p), "first\n");
	assert_int_equal(savefile_write(p, "second, longer\n", 15, &d), 0);
	assert_string_equal(contents(p), "second, longer\n");
	assert_int_equal(d.n, 0);
	/* no temporary left beside it */
	assert_int_equal(entries(), 1);
	diags_free(&d);
}

static void test_missing_folder_fails_cleanly(void **state)
{
	(void)state;
	struct diags d;
	diags_init(&d);
	char p[300];
	snprintf(p, sizeof p, "%s/no/such/r.txt", dir);
	assert_int_equal(savefile_write(p, "x", 1, &d), -1);
	assert_int_equal(d.n, 1);
	assert_string_equal(d.v[0].file, p);
	assert_non_null(strstr(d.v[0].message, "No such file or directory"));
	assert_int_equal(entries(), 0);
	diags_free(&d);
}

static void test_link_replaced_not_followed(void **state)
{
	(void)state;
	struct diags d;
	diags_init(&d);
	char victim[300];
	snprintf(victim, sizeof victim, "%s/victim", dir);
	FILE *f = fopen(victim, "w");
	fputs("the clerk's own\n", f);
	fclose(f);
	const char *p = in_dir("r.txt");
	assert_int_equal(symlink(victim, p), 0);
	assert_int_equal(savefile_write(p, "report\n", 7, &d), 0);
	/* the file the link named is untouched; the link became the file */
	assert_string_equal(contents(victim), "the clerk's own\n");
	struct stat st;
	assert_int_equal(lstat(in_dir("r.txt"), &st), 0);
	assert_true(S_ISREG(st.st_mode));
	assert_string_equal(contents(in_dir("r.txt")), "report\n");
	diags_free(&d);
}

static void test_pair_keeps_previous(void **state)
{
	(void)state;
	struct diags d;
	diags_init(&d);
	struct buf y, t;
	buf_init(&y);
	buf_init(&t);
	buf_puts(&y, "form: a\n");
	buf_puts(&t, "text one\n");
	char path[300];
	snprintf(path, sizeof path, "%s/r.yaml", dir);
	assert_int_equal(savefile_pair(path, &y, &t, &d), 0);
	y.len = t.len = 0;
	buf_puts(&y, "form: b\n");
	buf_puts(&t, "text two\n");
	assert_int_equal(savefile_pair(path, &y, &t, &d), 0);
	assert_string_equal(contents(in_dir("r.yaml")), "form: b\n");
	assert_string_equal(contents(in_dir("r.txt")), "text two\n");
	assert_string_equal(contents(in_dir("r.yaml~")), "form: a\n");
	/* the report, its rendering and its previous version: nothing else */
	assert_int_equal(entries(), 3);
	buf_free(&y);
	buf_free(&t);
	diags_free(&d);
}

static void test_private_folder(void **state)
{
	(void)state;
	struct diags d;
	diags_init(&d);
	char path[300];
	snprintf(path, sizeof path, "%s/book.xlsx", dir);
	char *priv = savefile_private_dir(path, &d);
	assert_non_null(priv);
	struct stat st;
	assert_int_equal(stat(priv, &st), 0);
	assert_true(S_ISDIR(st.st_mode));
	assert_int_equal(st.st_mode & 0777, 0700);
	char tmp[400];
	snprintf(tmp, sizeof tmp, "%s/book.xlsx", priv);
	FILE *f = fopen(tmp, "w");
	fputs("PK", f);
	fclose(f);
	assert_int_equal(savefile_place(tmp, path, &d), 0);
	assert_string_equal(contents(path), "PK");
	/* the private folder went with the move */
	assert_int_equal(stat(priv, &st), -1);
	assert_int_equal(entries(), 1);
	free(priv);
	diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_names),
	    cmocka_unit_test_setup_teardown(test_write_replaces_whole, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_missing_folder_fails_cleanly, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_link_replaced_not_followed, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_pair_keeps_previous, setup, teardown),
	    cmocka_unit_test_setup_teardown(test_private_folder, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
