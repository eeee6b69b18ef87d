/* Column widths and splitting of wide blocks. */
#include "model/layout.h"
#include "model/form.h"
#include "base/width.h"
#include "base/xmalloc.h"

#include <stdlib.h>
#include <string.h>

int layout_indent(int depth)
{
	return 2 * depth;
}

/* Inner widths carry one column of margin each side. */
#define LAYOUT_MARGIN 2

/* Widest single character of s, so a wrap never needs to cut one. */
static int layout_widest_char(const char *s, int amb)
{
	int best = 1;
	for (size_t i = 0; s[i];) {
		uint32_t cp;
		int k = width_decode(s + i, WIDTH_MAX_BYTES, &cp);
		int w = k < 0 ? 1 : width_char_amb(cp, amb);
		best = w > best ? w : best;
		i += k < 0 ? 1 : (size_t)k;
	}
	return best;
}

static int layout_label_natural(const struct fblock *b, int amb, int *minw)
{
	int nat = b->label_heading ? width_str_amb(b->label_heading, amb) : 0;
	*minw = 0;
	for (int r = 0; r < b->nrows; r++) {
		for (const struct fnode *n = b->row[r]; n != NULL; n = n->parent) {
			int w = layout_indent(n->depth) + width_str_amb(n->label, amb);
			int m = layout_indent(n->depth) + 12;
			nat = w > nat ? w : nat;
			*minw = m > *minw ? m : *minw;
		}
	}
	if (*minw > nat)
		*minw = nat;
	return nat;
}

/* How good a place to break the columns before leaf c is: 0 at the start of
 * a top-level group, larger inside deeper groups. */
static int layout_break_cost(const struct fblock *b, int c)
{
	int cost = 0;
	for (const struct fnode *n = b->col[c]; n != NULL; n = n->parent)
		if (n->first != c)
			cost = n->depth + 1 > cost ? n->depth + 1 : cost;
	return cost;
}

/* Drawn width of a label column and n columns of inner widths w[0..n). */
static int layout_sum(const struct layout *L, const int *w, int n, int labelw)
{
	int t = L->sepw;
	if (L->has_label)
		t += labelw + L->sepw;
	for (int c = 0; c < n; c++)
		t += w[c] + L->sepw;
	return t;
}

/* Widens columns towards want, two columns at a time (a CJK character), in
 * turns, while there is room. */
static void layout_grow(int *w, const int *want, int n, int *room)
{
	for (int grew = 1; grew && *room > 0;) {
		grew = 0;
		for (int j = 0; j<n && * room> 0; j++)
			if (w[j] < want[j]) {
				int step = want[j] - w[j] >= 2 && *room >= 2 ? 2 : 1;
				w[j] += step;
				*room -= step;
				grew = 1;
			}
	}
}

void layout_block(const struct fblock *b, char *const *cells, int width, int sepw, int amb,
		  struct layout *out)
{
	memset(out, 0, sizeof *out);
	out->sepw = sepw;
	/* rules of double-width characters need every width even */
	int even = sepw > 1;
	if (even)
		width -= width % 2;
	int minlabel, natlabel = layout_label_natural(b, amb, &minlabel);
	out->has_label = natlabel > 0;
	if (out->has_label)
		natlabel += LAYOUT_MARGIN, minlabel += LAYOUT_MARGIN;
	if (even)
		natlabel += natlabel % 2, minlabel += minlabel % 2;
	int *w = xcalloc((size_t)b->ncols, sizeof *w);
	int *nat = xcalloc((size_t)b->ncols, sizeof *nat);
	int *w2 = xcalloc((size_t)b->ncols, sizeof *w2);
	for (int c = 0; c < b->ncols; c++) {
		int numw = 1;
		for (int r = 0; r < b->nrows; r++) {
			int x = width_str_amb(cells[r * b->ncols + c], amb);
			numw = x > numw ? x : numw;
		}
		int lw = width_str_amb(b->col[c]->label, amb);
		/* a heading may wrap to three lines, no narrower than four columns */
		int hw = (lw + 2) / 3;
		hw += hw % 2;
		hw = hw < 4 ? (lw < 4 ? lw : 4) : hw;
		int wc = layout_widest_char(b->col[c]->label, amb);
		hw = hw < wc ? wc : hw;
		int two = (lw + 1) / 2;
		two += two % 2;
		two = two < wc ? wc : two;
		w[c] = (numw > hw ? numw : hw) + LAYOUT_MARGIN;
		w2[c] = (numw > two ? numw : two) + LAYOUT_MARGIN;
		nat[c] = (numw > lw ? numw : lw) + LAYOUT_MARGIN;
		if (even)
			w[c] += w[c] % 2, w2[c] += w2[c] % 2, nat[c] += nat[c] % 2;
	}
	/* split into parts that fit, breaking at group boundaries if possible */
	for (int c0 = 0; c0 < b->ncols;) {
		int k = 1;
		while (c0 + k < b->ncols && layout_sum(out, w + c0, k + 1, minlabel) <= width)
			k++;
		if (c0 + k < b->ncols) {
			int best = k, cost = layout_break_cost(b, c0 + k);
			for (int j = k - 1; j >= 1 && cost > 0; j--) {
				int cj = layout_break_cost(b, c0 + j);
				if (cj < cost)
					best = j, cost = cj;
			}
			k = best;
		}
		out->parts = xreallocarray(out->parts, (size_t)out->nparts + 1, sizeof *out->parts);
		struct layout_part *p = &out->parts[out->nparts++];
		p->c0 = c0;
		p->nc = k;
		p->w = xmalloc((size_t)k * sizeof *p->w);
		memcpy(p->w, w + c0, (size_t)k * sizeof *p->w);
		/* spare room goes to headings of at most two lines, then to the
		 * labels, then to headings of one line */
		p->labelw = out->has_label ? minlabel : 0;
		int room = width - layout_sum(out, p->w, k, p->labelw);
		layout_grow(p->w, w2 + c0, k, &room);
		if (out->has_label && natlabel > p->labelw) {
			int more = natlabel - p->labelw < room ? natlabel - p->labelw : room;
			p->labelw += more;
			room -= more;
		}
		layout_grow(p->w, nat + c0, k, &room);
		p->total = layout_sum(out, p->w, k, p->labelw);
		c0 += k;
	}
	free(w);
	free(w2);
	free(nat);
}

void layout_stretch(struct layout *L, int total)
{
	if (!L->has_label)
		return;
	for (int i = 0; i < L->nparts; i++) {
		struct layout_part *p = &L->parts[i];
		int grow = total - p->total;
		if (L->sepw > 1)
			grow -= grow % 2;
		if (grow > 0) {
			p->labelw += grow;
			p->total += grow;
		}
	}
}

void layout_free(struct layout *L)
{
	for (int i = 0; i < L->nparts; i++)
		free(L->parts[i].w);
	free(L->parts);
	memset(L, 0, sizeof *L);
}
