/* Column widths of one block, computed once and shared by the screen and the
 * text rendering so that the two never disagree; and the split of a block
 * too wide for the page into parts that each repeat the row labels. */
#ifndef NIANBAO_LAYOUT_H
#define NIANBAO_LAYOUT_H

struct fblock;

#define LAYOUT_MIN_WIDTH 40

struct layout_part {
	int c0, nc; /* the leaf columns of this part */
	int labelw; /* inner width of the label column (0: no label column) */
	int *w;     /* inner width of each of its columns */
	int total;  /* width of the whole drawn part, borders included */
};

struct layout {
	int has_label;
	int sepw; /* columns a rule takes: 1, or 2 where box drawing prints wide */
	int nparts;
	struct layout_part *parts;
};

/* cells[r * ncols + c] are the texts of the block's cells as shown; amb:
 * characters of ambiguous width count two columns. */
void layout_block(const struct fblock *b, char *const *cells, int width, int sepw, int amb,
		  struct layout *out);
/* Widens the label column of every part so all reach at least total. */
void layout_stretch(struct layout *L, int total);
void layout_free(struct layout *L);
/* Columns that a row's label is indented by at depth d. */
int layout_indent(int depth);

#endif
