/* The form model: what a national (or local) report format declares, loaded
 * from a YAML form file. Formulas and checks are parsed here and bound to
 * cells by resolve.c, so that everything a report needs is computed once. */
#ifndef NIANBAO_FORM_H
#define NIANBAO_FORM_H
#include "base/diag.h"
#include "model/value.h"

#include <stddef.h>
#include <stdint.h>

struct expr;
struct ftable;
struct ynode;

/* A row or a column. A leaf holds cells; a group holds other nodes. */
struct fnode {
	char *id;
	size_t idlen; /* strlen(id): a file's keys are matched by length first */
	char *label;
	struct fnode *parent; /* NULL for a top-level node */
	struct fnode **kids;
	int nkids;
	int depth;        /* 0 for top-level nodes */
	int leaf;         /* index among the block's leaves; -1 for a group */
	int first, count; /* the leaves under this node */
	int has_type;
	struct celltype type;
	struct expr *formula; /* unbound; computed cells of this row or column */
	int fline, fcol;      /* where the formula's text starts */
	char *unit;           /* a column's unit (万元): import converts figures to it; or NULL */
	char **also;          /* other labels published reports print for it (import) */
	int nalso;
	int line, col;
};

/* A leaf's id as a file's keys are matched to it: its length and, when
 * it is of 16 bytes or fewer, width_words of it (else w is unset). */
struct fkey {
	uint64_t w[2];
	size_t len;
};

/* One grid: a table is one block or, like 表二, a stack of blocks. */
struct fblock {
	char *id;            /* NULL for the one grid of a table written without blocks */
	char *title;         /* 第二十条第（一）项; may be NULL */
	char *label_heading; /* heading over the row labels (信息内容); may be NULL */
	struct ftable *table;
	struct fnode rows, cols; /* roots; their kids are the top-level nodes */
	struct fnode **row;      /* leaf rows, in order */
	int nrows;
	struct fnode **col; /* leaf columns, in order */
	int ncols;
	struct fkey *rowkey, *colkey; /* row[] and col[]'s ids, side by side */
	int base; /* number of the block's first cell; cell = base + r * ncols + c */
	int has_type;
	struct celltype type;
	int line, col_;
};

struct ftable {
	char *id;
	char *title;
	char *tab;  /* short name for the screen's tabs (表三); the title if absent */
	char *note; /* printed with the table; may be NULL */
	struct fblock **blocks;
	int nblocks;
	int implicit; /* written without blocks: one block, no block level in reports */
};

enum fpart_kind { PART_PROSE, PART_TABLE };

struct fpart {
	enum fpart_kind kind;
	char *id;
	char *title; /* may be NULL for an untitled prose part */
	char *tab;   /* short name on the editing screen's tabs */
	struct ftable *table;
	int prose; /* index among prose parts */
};

/* A carry rule: cells of this year's report that continue last year's.
 * The cells are one row (row:) in every column, or one column (column:)
 * in every row, of the blocks `in` names; `from` says what they should
 * be, its names being ids along the other axis (the same column of other
 * rows, or the same row of other columns), last.NAME read from last
 * year's report (a block and nodes of the same ids there), NAME from this
 * year's. */
struct fcarry {
	char *id;
	enum diag_severity severity; /* error: between two reports of one organ only */
	char *message;
	struct fblock **in;
	int nin;
	int by_row;        /* the carried cells are the row `node`; else the column */
	char *node;        /* its id */
	struct expr *from; /* unbound */
	int last_only;     /* reads last year's report only: new --from fills it */
	int line, col;
};

enum hfield_type { HF_TEXT, HF_YEAR, HF_DATE };

struct hfield {
	char *id;
	char *label;
	enum hfield_type type;
};

enum check_scope { EACH_NONE, EACH_ROW, EACH_COLUMN, EACH_CELL };

struct fcheck {
	char *id;
	enum diag_severity severity;
	char *message;
	char *sides[2]; /* what the two sides of a comparison are called; NULL: unnamed */
	enum check_scope each;
	struct expr *rule; /* unbound */
	int rline, rcol;
	struct fblock **in;         /* the blocks it runs in; NULL = form-wide */
	const struct fcarry *carry; /* the check of a carry rule: no rule of its own */
	int nin;
	int line, col;
};

struct fcell {
	struct fblock *block;
	int r, c;
	struct celltype type;
	struct expr *formula; /* bound; NULL for a cell the clerk fills */
	int topo;             /* position in form.order; -1 for input cells */
	/* a formula that only adds cells (sum()): those cells, in the order
	 * it adds them (expr_adds_cells); NULL for any other */
	int *adds;
	int nadds;
};

/* A check bound to one row, column or cell (or to nothing, for EACH_NONE). */
struct finst {
	struct fcheck *check;
	struct fblock *block; /* NULL for a form-wide check of EACH_NONE */
	int r, c;             /* the row and column it speaks of; -1 when it spans */
	struct expr *expr;    /* bound */
	int anchor;           /* the cell its diagnostics point at */
	/* a check of blank(x) or filled(x), nine in ten of a form's: FT_BLANK
	 * or FT_FILLED and x's cell, tested without walking expr; FT_NONE for
	 * any other */
	enum { FT_NONE, FT_BLANK, FT_FILLED } test;
	int test_cell;
};

struct form {
	char *path;
	char *id;
	int version;
	char *title;
	char *language;
	char *basis;
	char *heading; /* template with {field} placeholders */
	char **signature;
	int nsignature;
	struct hfield *header;
	int nheader;
	struct fpart *parts;
	int nparts;
	int nprose;
	struct ftable **tables;
	int ntables;
	struct fblock **blocks; /* every block of every table, in order */
	int nblocks;
	struct fcheck *checks;
	int nchecks;
	struct fcarry *carries; /* what continues last year's report */
	int ncarries;
	int since; /* the first report year the form is for; 0 if it does not say */
	struct fcell *cells;
	int ncells;
	int *order; /* computed cells, each after every cell it reads */
	int norder;
	struct finst *insts;
	int ninsts;
	/* who reads each cell: dep_cells[dep_start[c] .. dep_start[c+1]) are the
	 * computed cells, chk_insts[chk_start[c] .. chk_start[c+1]) the checks */
	int *dep_start, *dep_cells;
	int *chk_start, *chk_insts;
};

/* What a form may hold: far beyond any report format, far below what
 * would take the machine's memory. */
#define FORM_MAX_ROWS 2000
#define FORM_MAX_COLS 500
#define FORM_MAX_CELLS 100000

/* Loads and compiles a form file; NULL after one diagnostic naming
 * file:line:column. */
struct form *form_load(const char *path, struct diags *d);
/* The same from text in memory; name stands for the file in messages. */
struct form *form_load_string(const char *name, const char *text, size_t len, struct diags *d);
void form_free(struct form *f);

const struct fpart *form_part(const struct form *f, const char *id);
const struct fpart *form_prose_part(const struct form *f, int prose);
const struct ftable *form_table(const struct form *f, const char *id);
const struct fblock *form_block(const struct ftable *t, const char *id);
struct fnode *form_node(const struct fnode *root, const char *id);
int form_hfield(const struct form *f, const char *id);
static inline int form_cell(const struct fblock *b, int r, int c)
{
	return b->base + r * b->ncols + c;
}
int form_is_identifier(const char *s);
/* Label path of a node from its outermost group, joined by sep; a top group
 * over skip_over leaves (all of them: 表三's 申请人情况) is left out. */
char *form_node_path(const struct fnode *n, const char *sep, int skip_over);
/* Row path with the block's title in front (表二's blocks). */
char *form_row_path(const struct fblock *b, int r, const char *sep);
char *form_col_path(const struct fblock *b, int c, const char *sep);

#endif
