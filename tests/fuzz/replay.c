/* Replays corpus files through a harness, built with AddressSanitizer and
 * UBSan for make check: replay HARNESS FILE... prints one TAP line a file
 * (a sanitizer report aborts the run, which the test counts as failed). */
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv)
{
	static const struct {
		const char *name;
		int (*run)(const uint8_t *, size_t);
	} harnesses[] = {{"form", fuzz_form},           {"report", fuzz_report},
			 {"expr", fuzz_expr},           {"csv", fuzz_csv},
			 {"text", fuzz_text},           {"html", fuzz_html},
			 {"text_read", fuzz_text_read}, {"html_read", fuzz_html_read},
			 {"docx", fuzz_docx},           {"pdf", fuzz_pdf}};
	if (argc < 3) {
		fputs("usage: replay form|report|expr|csv|text|html|text_read|html_read|docx|pdf "
		      "FILE...\n",
		      stderr);
		return 2;
	}
	int (*run)(const uint8_t *, size_t) = NULL;
	for (size_t i = 0; i < sizeof harnesses / sizeof harnesses[0]; i++)
		if (strcmp(argv[1], harnesses[i].name) == 0)
			run = harnesses[i].run;
	if (run == NULL) {
		fprintf(stderr, "replay: no harness '%s'\n", argv[1]);
		return 2;
	}
	int failed = 0;
	for (int i = 2; i < argc; i++) {
		FILE *fp = fopen(argv[i], "rb");
		if (fp == NULL) {
			printf("not ok - %s: cannot open\n", argv[i]);
			failed++;
			continue;
		}
		size_t cap = 1 << 16, n = 0, got;
		uint8_t *data = malloc(cap);
		while ((got = fread(data + n, 1, cap - n, fp)) > 0) {
			n += got;
			if (n == cap)
				data = realloc(data, cap *= 2);
		}
		fclose(fp);
		run(data, n);
		free(data);
		printf("ok - %s %s\n", argv[1], argv[i]);
	}
	return failed ? 1 : 0;
}
