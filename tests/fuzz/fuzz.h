/* Fuzz harnesses: each takes one input and must neither crash, leak, nor
 * trip a sanitizer, whatever the bytes. The same functions serve libFuzzer
 * (libfuzzer.c) and the replay of the seed corpora in make check (replay.c). */
#ifndef NIANBAO_FUZZ_H
#define NIANBAO_FUZZ_H
#include <stddef.h>
#include <stdint.h>

struct form;

int fuzz_form(const uint8_t *data, size_t size);
int fuzz_report(const uint8_t *data, size_t size);
int fuzz_expr(const uint8_t *data, size_t size);
int fuzz_csv(const uint8_t *data, size_t size);
/* import --text and --html: a published report read back */
int fuzz_text(const uint8_t *data, size_t size);
int fuzz_html(const uint8_t *data, size_t size);
/* import --docx and --pdf: the readers of nianbao-doc (harness-doc.c),
 * what they give then read as html and text. */
int fuzz_docx(const uint8_t *data, size_t size);
int fuzz_pdf(const uint8_t *data, size_t size);
/* The text and page readers alone, into cells. */
int fuzz_text_read(const uint8_t *data, size_t size);
int fuzz_html_read(const uint8_t *data, size_t size);

/* The shipped form the report and CSV harnesses read against, loaded once
 * from $NIANBAO_FORMS (or ./forms). */
const struct form *fuzz_shipped_form(void);

#endif
