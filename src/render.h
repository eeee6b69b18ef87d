/* The plain-text rendering of a report for printing: the header, the prose
 * wrapped by Chinese rules, and every table drawn with ruled lines, columns
 * aligned by display width, split into parts where it is too wide. */
#ifndef NIANBAO_RENDER_H
#define NIANBAO_RENDER_H

struct buf;
struct diags;
struct engine;
struct fblock;

struct render_opts {
	int width;          /* display columns every line fits in */
	int ascii;          /* + - | instead of box drawing */
	int wide_ambiguous; /* box drawing characters print two columns wide */
	int mark;           /* mark cells in failing checks (review copies) */
};

struct render_opts render_defaults(void);
int render_report(const struct engine *e, const struct render_opts *o, struct buf *out,
		  struct diags *d);
/* One block's grid alone (its parts one after another). */
void render_block(const struct engine *e, const struct fblock *b, const struct render_opts *o,
		  struct buf *out);

#endif
