/* What import.c (placing figures) and importlabel.c (reading cells and
 * labels) share. */
#ifndef NIANBAO_IMPORTINT_H
#define NIANBAO_IMPORTINT_H
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
	int ncps;
};
void imp_measure(struct imp_norm *v, const char *norm);
struct imp_cache {
	const char **key;
	struct imp_norm *v;
	size_t cap, n;
};
const char *imp_cached(struct imp_cache *c, const char *label);
void imp_cache_free(struct imp_cache *c);
/* How the measured text tn names node n (its label or an also:) other than
 * exactly, the closest way; HOW_NONE when it does not. */
enum imp_how imp_match_node(struct imp_cache *cache, const struct imp_norm *tn,
			    const struct fnode *n);

#endif
