/* A block of a form laid out as the printed form draws it, as merged
 * regions of a grid: the corner over the row labels, column groups over
 * their columns, leaf columns down to the last heading row, row groups
 * down their rows in a column of their own, leaf rows across the label
 * columns left of them, and a value cell each. The web page and the
 * workbook both draw from it. */
#ifndef NIANBAO_SPANS_H
#define NIANBAO_SPANS_H

struct fblock;

enum span_kind { SPAN_CORNER, SPAN_COLUMN, SPAN_GROUP, SPAN_ROW, SPAN_VALUE };

struct span {
	enum span_kind kind;
	int r, c;          /* top-left, in the block's grid */
	int rows, cols;    /* how far it spans */
	const char *label; /* the heading or label (not for values) */
	int cell;          /* SPAN_VALUE: the form's cell */
};

struct spans {
	struct span *v; /* in reading order: by row, then by column */
	int n;
	int rows, cols; /* the grid's size */
	int head;       /* heading rows; values start below them */
	int labels;     /* label columns; values start right of them */
};

void spans_block(const struct fblock *b, struct spans *out);
void spans_free(struct spans *s);

#endif
