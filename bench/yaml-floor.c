/* The floor of check throughput: only libyaml's event parser over the same
 * files, reading each whole and counting its events, nothing built.
 * usage: yaml-floor FILE... */
#include <stdio.h>
#include <stdlib.h>
#include "floor.h"

int main(int argc, char **argv)
{
	static unsigned char buf[1 << 20];
	long events = 0;
	for (int i = 1; i < argc; i++) {
		FILE *fp = fopen(argv[i], "rb");
		if (fp == NULL)
			return 2;
		size_t n = fread(buf, 1, sizeof buf, fp);
		fclose(fp);
		events += floor_events(buf, n);
	}
	printf("%ld\n", events);
	return 0;
}
