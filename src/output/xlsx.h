/* Reports as a workbook for Excel and WPS, written by libxlsxwriter (loaded
 * when a workbook is first written) a row at a time: a sheet per table in
 * the printed layout, and for many reports a long sheet for pivot tables. */
#ifndef NIANBAO_XLSX_H
#define NIANBAO_XLSX_H

struct diags;
struct engine;

/* The reports a workbook is written from, read one at a time and let go
 * (a workbook of 10,000 takes the memory of one): open(k, arg) gives report
 * k's engine (NULL after saying why), close(e, arg) lets it go. group[k]
 * is the sheets report k goes to, numbered from 0 in the order the groups
 * first come: the reports of one form share them. */
struct xlsx_reports {
	int n, ngroups;
	const int *group;
	struct engine *(*open)(int k, void *arg);
	void (*close)(struct engine *e, void *arg);
	void *arg;
};

/* Writes the workbook of the reports to path: for one, a sheet per table
 * in the printed layout; for many, a sheet per table holding each report's
 * in turn under a row naming it, and the long sheet 数据 (a row a cell).
 * A sheet that would pass the rows a sheet has goes on in another,
 * numbered. 0, or -1 with a diagnostic. */
int xlsx_write(const struct xlsx_reports *src, const char *path, struct diags *d);

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
