/* Reports as a workbook for Excel and WPS, written by libxlsxwriter (loaded
 * when a workbook is first written): a sheet per table in the printed
 * layout, and for many reports a long sheet for pivot tables. */
#ifndef NIANBAO_XLSX_H
#define NIANBAO_XLSX_H

struct diags;
struct engine;

/* Writes the workbook of es[0..n) to path; 0, or -1 with a diagnostic. */
int xlsx_write(struct engine *const *es, int n, const char *path, struct diags *d);

/* A sheet of rows under a heading row: cells[r * ncols + c] (NULL: empty),
 * a column whose numeric[c] is set written as numbers. */
struct xlsx_table {
	const char *name;
	const char *const *head;
	const unsigned char *numeric;
	int ncols, nrows;
	char **cells;
};

/* Writes the sheets t[0..n) as a workbook to path; 0, or -1 with a
 * diagnostic. */
int xlsx_write_tables(const struct xlsx_table *t, int n, const char *path, struct diags *d);

#endif
