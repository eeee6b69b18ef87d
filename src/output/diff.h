/* What differs between two reports: every cell a clerk fills (a total
 * computed in both follows from them), header field and prose section,
 * each by its printed labels, so that two reports of different forms
 * (last year's in the 2019 format, this year's in the 2021 one) are
 * compared where their labels meet. */
#ifndef NIANBAO_DIFF_H
#define NIANBAO_DIFF_H

struct report;

enum diff_kind { DIFF_CELL, DIFF_HEADER, DIFF_PROSE };

struct diff_entry {
	enum diff_kind kind;
	char *table; /* DIFF_CELL: the table's title; HEADER, PROSE: NULL */
	char *row,
	    *col; /* DIFF_CELL: label paths; HEADER, PROSE: the field's or part's name in row */
	char *before, *after; /* as written ("" blank); PROSE: NULL, the line in `line` */
	int line;             /* DIFF_PROSE: the first line that differs, from 1 */
};

struct diff {
	struct diff_entry *v;
	int n;
	int only_a, only_b; /* cells whose labels the other report's form lacks */
};

/* Compares a with b, in a's order; 0, the differences in *out. */
void diff_reports(const struct report *a, const struct report *b, struct diff *out);
void diff_free(struct diff *d);

#endif
