/* What import.c (placing figures) and importlabel.c (reading cells and
 * labels) share. */
#ifndef NIANBAO_IMPORTINT_H
#define NIANBAO_IMPORTINT_H
#include <stddef.h>

struct fnode;

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
int imp_distance(const char *a, const char *b);
int imp_chars(const char *s);

enum imp_how { HOW_NONE, HOW_EXACT, HOW_ALSO, HOW_NUMBER, HOW_PREFIX, HOW_TYPO };
/* Why a loose match is one, for the notes. */
extern const char *const imp_how_text[];

/* Normalised labels of the forms, each made once for a whole import. */
struct imp_cache {
	const char **key;
	char **norm;
	size_t cap, n;
};
const char *imp_cached(struct imp_cache *c, const char *label);
void imp_cache_free(struct imp_cache *c);
/* How the normalised text t names a node (its label or an also:): exactly
 * only, unless loose. */
enum imp_how imp_match_node(struct imp_cache *cache, const char *t, const struct fnode *n,
			    int loose);

#endif
