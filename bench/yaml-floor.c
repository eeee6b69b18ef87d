/* The floor of check throughput: only libyaml's event parser over the same
 * files, reading each whole and counting its events, nothing built.
 * usage: yaml-floor FILE... */
#include <stdio.h>
#include <stdlib.h>
#include <yaml.h>

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
		yaml_parser_t p;
		yaml_parser_initialize(&p);
		yaml_parser_set_input_string(&p, buf, n);
		for (;;) {
			yaml_event_t ev;
			if (!yaml_parser_parse(&p, &ev))
				break;
			int done = ev.type == YAML_STREAM_END_EVENT;
			events++;
			yaml_event_delete(&ev);
			if (done)
				break;
		}
		yaml_parser_delete(&p);
	}
	printf("%ld\n", events);
	return 0;
}
