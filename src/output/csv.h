/* CSV interchange with spreadsheets, keyed by the printed labels so that a
 * person or another program can write it without knowing our ids:
 * table,row,column,value with RFC 4180 quoting. */
#ifndef NIANBAO_CSV_H
#define NIANBAO_CSV_H
#include <stddef.h>

struct buf;
struct diags;
struct engine;
struct form;
struct report;

#define CSV_SEP " / "

/* Appends one field, quoted when it needs to be; with guard, a text that
 * a spreadsheet would take for a formula (= + - @ TAB CR first) gets the
 * leading ' that marks text, which import removes again. */
void csv_field(struct buf *out, const char *s, int last, int guard);
/* Every cell; guard as for csv_field, on labels and text values (numbers,
 * -3 included, are written as they are). */
void csv_export(const struct engine *e, struct buf *out, int guard);
/* Reads a CSV into a new report of form f. Unknown labels, bad values,
 * repeated cells and values given for computed cells that differ from the
 * computed ones are errors naming the CSV line; NULL after them. */
struct report *csv_import(const char *path, const struct form *f, struct diags *d);
/* The same from text in memory; path stands for the file in messages. */
struct report *csv_import_string(const char *path, const char *text, size_t len,
				 const struct form *f, struct diags *d);

#endif
