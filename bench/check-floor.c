/* Row 2 measured in turns: the work `nianbao check` does on each report
 * (cli_check_one and the file's line, as its loop does them) and
 * libyaml's event parse of the same file (bench/yaml-floor's), in turns of
 * TURN reports within one process, the process's CPU time of each turn
 * added to its side. A machine shared with others slows both sides of a
 * turn alike; whole runs of either, seconds apart, moved by a third.
 * The side that goes first alternates. The start (the form, loaded once)
 * is check's too.
 * usage: check-floor FILE...   prints: CHECK_SECONDS FLOOR_SECONDS */
#include "cli/cliint.h"
#include "base/buf.h"
#include "base/text.h"
#include "engine/engine.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include "floor.h"

enum { TURN = 25 };

static double cpu_now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

/* yaml-floor's loop for one file: the events counted, nothing built. */
static long floor_one(const char *path, unsigned char *buf, size_t cap)
{
	FILE *fp = fopen(path, "rb");
	if (fp == NULL)
		return -1;
	size_t n = fread(buf, 1, cap, fp);
	fclose(fp);
	return floor_events(buf, n);
}

int main(int argc, char **argv)
{
	static unsigned char buf[1 << 20];
	char **files = argv + 1;
	int n = argc - 1;
	double side[2] = {0, 0}; /* check, floor */
	double t = cpu_now();
	struct cli_known known;
	cli_known_init(&known, files, n);
	side[0] += cpu_now() - t;
	struct buf out, said;
	buf_init(&out);
	buf_init(&said);
	long events = 0;
	for (int at = 0, turn = 0; at < n; at += TURN, turn++) {
		int end = at + TURN < n ? at + TURN : n;
		for (int k = 0; k < 2; k++) {
			int which = (turn + k) % 2;
			t = cpu_now();
			for (int i = at; i < end; i++) {
				if (which == 1) {
					events += floor_one(files[i], buf, sizeof buf);
					continue;
				}
				struct engine_count c = {-1, 0, 0};
				cli_check_one(files[i], 0, &known, NULL, &out, &c, NULL, 0, NULL);
				out.len = 0;
				char *counts = cli_counts(c.errors, c.warnings);
				buf_printf(&said, "%s: %s, %d acknowledged\n", text_name(files[i]),
					   counts, c.acknowledged);
				free(counts);
				said.len = 0;
			}
			side[which] += cpu_now() - t;
		}
	}
	cli_known_free(&known);
	buf_free(&out);
	buf_free(&said);
	printf("%.4f %.4f %ld\n", side[0], side[1], events);
	return 0;
}
