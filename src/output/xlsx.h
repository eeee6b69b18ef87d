/* Reports as a workbook for Excel and WPS, written by libxlsxwriter (loaded
 * when a workbook is first written): a sheet per table in the printed
 * layout, and for many reports a long sheet for pivot tables. */
#ifndef NIANBAO_XLSX_H
#define NIANBAO_XLSX_H

struct diags;
struct engine;

/* Writes the workbook of es[0..n) to path; 0, or -1 with a diagnostic. */
int xlsx_write(struct engine *const *es, int n, const char *path, struct diags *d);

#endif
