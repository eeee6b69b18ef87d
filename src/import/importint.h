/* What import.c (placing figures) and importlabel.c (reading cells and
 * labels) share. */
#ifndef NIANBAO_IMPORTINT_H
#define NIANBAO_IMPORTINT_H
#include "base/buf.h"

#include <stddef.h>
#include <stdint.h>

struct fnode;

/* A title is a line or two of a page, a date a few characters: longer
 * texts are not tried as either (in bytes). */
#define IMP_TITLE_MAX 1024
#define IMP_DATE_MAX 64

/* A unit printed in a cell: 元 万元 亿元 (10^exp yuan) or a count's word
 * (exp -1). */
struct imp_unit_def {
	const char *name;
	int exp;
};
extern const struct imp_unit_def imp_units[];
/* The index of unit u in imp_units, or -1. */
int imp_unit(const char *u);
/* s as a figure: the number in ASCII and the unit after it (or -1); 0, or
 * -1 when s is not a figure. */
int imp_figure(const char *s, char *num, size_t nn, int *unit);

/* A label as compared: no spaces, full-width ASCII as ASCII, quotes as ",
 * no colon at the end. To free. */
char *imp_norm(const char *s);
/* The label after its numbering (三、 (三) 3. 3、), in a normalised label. */
const char *imp_body(const char *s);
/* Characters that differ between a and b (Levenshtein, up to 64 of each)
 * when at most most, else most + 1: found without filling the whole table. */
int imp_distance_within(const char *a, const char *b, int most);
/* The same over characters already decoded (x[0..n), y[0..m)). */
int imp_distance_cps(const uint32_t *x, int n, const uint32_t *y, int m, int most);
int imp_chars(const char *s);
/* Characters of s, counted to max at the most (max or more: max). */
int imp_chars_max(const char *s, int max);

enum imp_how { HOW_NONE, HOW_EXACT, HOW_ALSO, HOW_NUMBER, HOW_PREFIX, HOW_TYPO };
/* Why a loose match is one, for the notes. */
extern const char *const imp_how_text[];

/* A normalised label or text, measured: made once for each of the forms'
 * labels (kept in an imp_cache), once for each text compared with them. */
struct imp_norm {
	const char *norm; /* the label normalised */
	size_t len;       /* its bytes */
	const char *body; /* in norm: after its numbering */
	int nbody, n;     /* characters of the body, of the whole */
	uint32_t cps[64]; /* the body's first 64 characters, for the distance */
	uint64_t chars;   /* which of 64 classes those characters fall in */
	int ncps;
};
void imp_measure(struct imp_norm *v, const char *norm);
struct imp_cache {
	const char **key;
	struct imp_norm *v;
	size_t cap, n;
};
const char *imp_cached(struct imp_cache *c, const char *label);
/* The label normalised and measured, once for all documents. */
const struct imp_norm *imp_cached_measured(struct imp_cache *c, const char *label);
void imp_cache_free(struct imp_cache *c);

/* ---- placing: import.c drives, importplace.c reads the rows,
 * importfind.c finds the nodes labels name ---- */
struct buf;
struct fblock;
struct fnode;
struct form;
struct ftable;
struct icell;
struct idoc;
struct irow;
struct report;

/* One reading of a document into one form, and how well it fit. */
struct imp {
	const struct idoc *doc;
	const struct form *f;
	int quiet;    /* the decisions counted, their texts not written (check) */
	char **paths; /* each row's path, at its first cell (import_forms) */
	struct report *r;
	/* the decisions: each its source line (0: none) and what it says,
	 * the texts one after another in notes (at note_at[i], each ended by
	 * its NUL): a page of hostile rows makes thousands */
	int *note_line;
	size_t *note_at;
	struct buf notes;
	int nnotes;
	int exact, loose, placed, lost; /* for choosing the form */
	unsigned char *seen;            /* per cell: printed (a figure or a blank) */
	char **from;                    /* per cell: where in the source */
	unsigned char *found;           /* per table: its heading or rows were seen */
	int table, prose, block;        /* where we are; -1 none */
	const struct fblock *tb;        /* the row figures go to */
	int tr, got;
	/* a label read by its beginning, to be joined with the rest of it */
	const struct fnode *cut;
	char *cut_text;
	const struct icell *cut_at;
	struct buf *prose_text;
	int any_anchor;
	char *organ, *year, *date;
	int title_rows;
	char *title_acc;         /* the title's rows so far */
	int title_open;          /* the title found, its end (报告) not yet */
	int ended, after;        /* the signature's date seen; rows after it */
	const struct irow **pre; /* rows before the title and any heading */
	int npre;
	const struct icell *spill; /* a group's row printed alone: said at its first figure */
	int prose_from;            /* the prose part the last row went to; -1 after another row */
	/* a block's one row of column headings (信息内容 then a label a column):
	 * the form's column of each, -1 for one the form does not have */
	const struct fblock *hdr_b;
	int hdr[64], nhdr, hdr_on;
	int hdr_x[64]; /* each heading's middle in its line, twice (0: not known) */
	int row_left;  /* the cells of the row being read not placed yet */
	/* where a full row's figure stood under each heading, twice its
	 * middle (0: none yet): a figure set right under a centred heading
	 * is nearer the figures above it than the heading */
	int hdr_fx[64];
	int row_full; /* the row being read has a figure for every heading */
	/* without headings (表三 prints none over its labels): where the last
	 * full row of full_b had each column's figure, twice its middle (0:
	 * not known), and whether the row being read is such a row */
	const struct fblock *full_b;
	int full_x[64];
	int full_now;
	long split_tries; /* steps taken reading figures that ran together */
	struct imp_cache *cache;
	struct imp_index *index; /* a table's exact labels, when first asked */
};

struct imp_hit {
	const struct fblock *b;
	const struct fnode *n;
	int is_row;
	enum imp_how how;
};

/* A node a normalised label names exactly: its own label (HOW_EXACT) or
 * one of its also: (HOW_ALSO); ord is where the walk of imp_find meets it. */
struct imp_exact {
	const char *key; /* normalised, held by the cache */
	size_t hash;     /* its hash, compared before its bytes */
	struct imp_hit hit;
	int k, ord;
};

/* The exact labels of one table, hashed: an exact match is a look-up, not
 * a walk of every node of every block (label matching was most of an
 * import's time). */
struct imp_index {
	struct imp_exact *v;
	size_t cap;
	int built;
	/* every label and also: of the table in the order imp_find walks
	 * them, measured, for the loose matches */
	struct imp_loose *loose;
	int nloose;
	/* the labels of its groups of rows, and of its columns, normalised,
	 * each after a \1: what a heading over two lines is a part of */
	char *heads[2];
};
/* One label (or also:) of a node, measured once for all documents. */
struct imp_loose {
	struct imp_hit hit; /* how: unset */
	int k;              /* its block */
	struct imp_norm norm;
};
/* How the measured text tn names the measured label ln loosely (by
 * another numbering, by its beginning, a typo or two), or HOW_NONE. */
enum imp_how imp_match_norm(const struct imp_norm *tn, const struct imp_norm *ln);

/* A decision, with the source line of c (or none), as a note; the format
 * is a msgid. */
void imp_note(struct imp *m, const struct icell *c, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The path of row r of block b (第二十条第（一）项 / 规章), as notes name it. */
const char *imp_row_path(const struct imp *m, const struct fblock *b, int r);
/* The text of note i. */
const char *imp_note_text(const struct imp *m, int i);
/* s quoted for a note (NULL when m is quiet). To free. */
char *imp_q(const struct imp *m, const char *s);
/* A label read by its beginning, waiting for its rest: given up. */
void imp_cut_done(struct imp *m);
/* The rows kept before the title: the preamble, now that none came. */
void imp_pre_flush(struct imp *m);
/* One row of the document read into m. */
void imp_row(struct imp *m, const struct irow *row);
/* Puts the figure or blank c in the next column of the target row. */
void imp_place(struct imp *m, const struct icell *c);
/* The figures of row from cell i on, when they ran together (importfigure.c):
 * read as the target row's cells and placed, or left out with a note;
 * how many cells were taken (0: the row is read as printed). */
#define IMP_SPLIT_MAX_CELLS 64
int imp_split(struct imp *m, const struct irow *row, int i);
/* Table t's index (its exact labels hashed, all its labels measured) and
 * its other texts in the cache, made once; nothing if made already. */
void imp_index_build(struct imp_index *x, struct imp_cache *cache, const struct ftable *t);
/* The best node of table t that the normalised text nt names. */
/* The joined labels of table t's groups of rows (cols 0) or of its
 * columns (1), made once (struct imp_index's heads). */
const char *imp_heads(const struct imp *m, const struct ftable *t, int cols);
struct imp_hit imp_find(const struct imp *m, const struct ftable *t, const char *nt);
/* The part of the form whose heading the normalised text t is (*loose:
 * read loosely), or -1. */
int imp_anchor(const struct imp *m, const char *t, int *loose);
int imp_table_index(const struct form *f, const struct ftable *t);
/* The block of t without row labels (表四) and its row, or NULL. */
const struct fblock *imp_unlabelled(const struct ftable *t, int *r);

#endif
