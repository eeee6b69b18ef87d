/* Unit tests: the report lock under a race of processes. */
#include "unit.h"

#include "base/lock.h"

#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>

static char dir[64];

/* One round: n processes wait at a barrier, then all take the lock at
 * once; each says whether it got it and holds it until all have said.
 * Returns how many got it. */
static int race(const char *path, int n)
{
	int go[2], said[2], done[2];
	assert_int_equal(pipe(go), 0);
	assert_int_equal(pipe(said), 0);
	assert_int_equal(pipe(done), 0);
	pid_t pid[16];
	for (int i = 0; i < n; i++) {
		pid[i] = fork();
		assert_true(pid[i] >= 0);
		if (pid[i] == 0) {
			char c;
			close(go[1]);
			close(done[1]);
			if (read(go[0], &c, 1) < 0) /* the barrier: all start together */
				_exit(3);
			struct lock_info who;
			struct diags d;
			int held;
			diags_init(&d);
			int rc = lock_take(path, &who, &held, &d);
			c = rc == 0 ? 'y' : rc == 1 ? 'n' : 'e';
			if (write(said[1], &c, 1) != 1)
				_exit(3);
			if (read(done[0], &c, 1) < 0) /* hold it until all have tried */
				_exit(3);
			lock_release(path, held);
			_exit(0);
		}
	}
	close(go[0]);
	close(said[1]);
	close(done[0]);
	close(go[1]); /* go */
	int won = 0;
	for (int i = 0; i < n; i++) {
		char c = 0;
		assert_int_equal(read(said[0], &c, 1), 1);
		assert_true(c == 'y' || c == 'n');
		won += c == 'y';
	}
	close(done[1]);
	for (int i = 0; i < n; i++)
		waitpid(pid[i], NULL, 0);
	close(said[0]);
	return won;
}

static void test_eight_at_once(void **state)
{
	(void)state;
	char path[128];
	snprintf(path, sizeof path, "%s/r.yaml", dir);
	for (int round = 0; round < 200; round++) {
		if (round % 10 == 0) {
			/* a holder killed with its lock: the lock is free again */
			pid_t p = fork();
			if (p == 0) {
				struct lock_info who;
				struct diags d;
				int held;
				diags_init(&d);
				if (lock_take(path, &who, &held, &d) == 0)
					raise(SIGKILL);
				_exit(1);
			}
			int status;
			waitpid(p, &status, 0);
			assert_true(WIFSIGNALED(status));
		}
		int won = race(path, 8);
		if (won != 1)
			fail_msg("round %d: %d processes got the lock", round, won);
	}
}

static void test_held_and_named(void **state)
{
	(void)state;
	char path[128];
	snprintf(path, sizeof path, "%s/s.yaml", dir);
	struct lock_info who;
	struct diags d;
	int held, other;
	diags_init(&d);
	assert_int_equal(lock_take(path, &who, &held, &d), 0);
	pid_t p = fork();
	if (p == 0) {
		struct lock_info w;
		int rc = lock_take(path, &w, &other, &d);
		_exit(rc == 1 && w.pid == (long)getppid() ? 0 : 1);
	}
	int status;
	waitpid(p, &status, 0);
	assert_true(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	lock_release(path, held);
	char lpath[160];
	snprintf(lpath, sizeof lpath, "%s/.s.yaml.lock", dir);
	assert_int_equal(access(lpath, F_OK), -1); /* released: gone */
	diags_free(&d);
}

static void test_link_refused(void **state)
{
	(void)state;
	char path[128], lpath[160], victim[160];
	snprintf(path, sizeof path, "%s/t.yaml", dir);
	snprintf(lpath, sizeof lpath, "%s/.t.yaml.lock", dir);
	snprintf(victim, sizeof victim, "%s/victim", dir);
	FILE *fp = fopen(victim, "w");
	fputs("keep\n", fp);
	fclose(fp);
	assert_int_equal(symlink(victim, lpath), 0);
	struct lock_info who;
	struct diags d;
	int held;
	diags_init(&d);
	assert_int_equal(lock_take(path, &who, &held, &d), -1);
	assert_int_equal((int)d.n, 1);
	assert_non_null(strstr(d.v[0].message, "symbolic link"));
	char buf[16] = "";
	fp = fopen(victim, "r");
	assert_non_null(fgets(buf, sizeof buf, fp));
	fclose(fp);
	assert_string_equal(buf, "keep\n");
	diags_free(&d);
}

int main(void)
{
	strcpy(dir, "/tmp/nianbao-lock-XXXXXX");
	if (mkdtemp(dir) == NULL)
		return 1;
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_eight_at_once),
	    cmocka_unit_test(test_held_and_named),
	    cmocka_unit_test(test_link_refused),
	};
	int rc = cmocka_run_group_tests(tests, NULL, NULL);
	char cmd[128];
	snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
	if (system(cmd) != 0)
		rc = 1;
	return rc;
}
