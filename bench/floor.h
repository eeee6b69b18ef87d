/* The floor's work on one file: libyaml's events of buf[0..n), counted,
 * nothing built. One loop for bench/yaml-floor and bench/check-floor, so
 * that both measure the same floor. */
#ifndef NIANBAO_BENCH_FLOOR_H
#define NIANBAO_BENCH_FLOOR_H
#include <stddef.h>
#include <yaml.h>

static long floor_events(const unsigned char *buf, size_t n)
{
	yaml_parser_t p;
	yaml_parser_initialize(&p);
	yaml_parser_set_input_string(&p, buf, n);
	long events = 0;
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
	return events;
}

#endif
