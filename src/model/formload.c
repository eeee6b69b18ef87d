/* The form file loader: YAML tree to struct form, rejecting anything it does
 * not understand with file:line:column; then resolve.c binds the formulas
 * to cells. The form itself, its lookups and names, are form.c's. */
#include "model/form.h"
#include "base/i18n.h"
#include "base/buf.h"
#include "model/expr.h"
#include "model/resolve.h"
#include "base/text.h"
#include "base/width.h"
#include "base/xmalloc.h"
#include "model/yamlio.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

struct form_loader {
	const char *path;
	struct diags *d;
	struct form *f;
	long cells; /* in the blocks loaded so far */
};

__attribute__((format(printf, 3, 4))) static int
form_err(struct form_loader *L, const struct ynode *n, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diags_vadd(L->d, DIAG_ERROR, L->path, n ? n->line : 0, n ? n->col : 0, fmt, ap);
	va_end(ap);
	return -1;
}

/* Checks that n is a mapping whose keys are all in allowed. */
static int form_keys(struct form_loader *L, const struct ynode *n, const char *what,
		     const char *const *allowed)
{
	if (n->kind != Y_MAP)
		return form_err(L, n, "%s must be a mapping, not a %s", what, ynode_kind_name(n));
	for (size_t i = 0; i < n->n; i++) {
		const struct ynode *k = ymap_key(n, i);
		int ok = 0;
		for (const char *const *a = allowed; *a && !ok; a++)
			ok = strcmp(*a, k->str) == 0;
		if (!ok) {
			struct buf b;
			buf_init(&b);
			for (const char *const *a = allowed; *a; a++)
				buf_printf(&b, "%s%s", a == allowed ? "" : ", ", *a);
			form_err(L, k, "unknown key '%s' (expected one of: %s)", k->str, b.data);
			buf_free(&b);
			return -1;
		}
	}
	return 0;
}

/* A scalar under key; *out stays NULL when absent and not required. */
static int form_str(struct form_loader *L, const struct ynode *map, const char *key, int required,
		    const char **out)
{
	const struct ynode *v = ymap_get(map, key);
	*out = NULL;
	if (v == NULL) {
		if (required)
			return form_err(L, map, "missing key '%s'", key);
		return 0;
	}
	if (v->kind != Y_SCALAR)
		return form_err(L, v, "'%s' must be a single value, not a %s", key,
				ynode_kind_name(v));
	/* every value of a form is one line a person reads */
	size_t bad;
	const char *why;
	if (text_check(v->str, TEXT_LINE, &bad, &why) < 0)
		return form_err(L, v, "'%s' %s", key, why);
	*out = v->str;
	return 0;
}

int form_is_identifier(const char *s)
{
	static const char *reserved[] = {"and", "or", "not", "sum", "blank", "filled", "this"};
	if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || *s == '_'))
		return 0;
	for (const char *p = s; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || *p == '_' ||
		      (*p >= '0' && *p <= '9')))
			return 0;
	for (size_t i = 0; i < sizeof reserved / sizeof reserved[0]; i++)
		if (strcmp(s, reserved[i]) == 0)
			return 0;
	return 1;
}

static int form_id(struct form_loader *L, const struct ynode *map, const char *key, char **out)
{
	const char *s;
	if (form_str(L, map, key, 1, &s) < 0)
		return -1;
	if (!form_is_identifier(s))
		return form_err(
		    L, ymap_get(map, key),
		    "'%s' is not a valid id (letters, digits and _, not starting with a digit, not a keyword)",
		    s);
	*out = xstrdup(s);
	return 0;
}

static int form_type(struct form_loader *L, const struct ynode *map, int *has, struct celltype *t)
{
	const char *s;
	if (form_str(L, map, "type", 0, &s) < 0)
		return -1;
	*has = s != NULL;
	if (s != NULL && celltype_parse(s, t) < 0)
		return form_err(
		    L, ymap_get(map, "type"),
		    "unknown cell type '%s' (expected count, integer, fixed(N), decimal(N) or text, N from 1 to 9)",
		    s);
	return 0;
}

static int form_expr(struct form_loader *L, const struct ynode *map, const char *key,
		     struct expr **out, int *line, int *col)
{
	const struct ynode *v = ymap_get(map, key);
	*out = NULL;
	if (v == NULL)
		return 0;
	if (v->kind != Y_SCALAR)
		return form_err(L, v, "'%s' must be an expression, not a %s", key,
				ynode_kind_name(v));
	*line = v->line;
	*col = v->col + (v->plain ? 0 : 1);
	int pos;
	const char *msg;
	*out = expr_parse(v->str, &pos, &msg);
	if (*out == NULL) {
		diags_add(L->d, DIAG_ERROR, L->path, *line, *col + pos, "%s in '%s'", _(msg),
			  v->str);
		return -1;
	}
	return 0;
}

static int form_nodes(struct form_loader *L, struct fblock *b, struct fnode *parent,
		      const struct ynode *list, int is_row);

/* also: a label or a list of them; unit: a column's unit (元 万元 亿元,
 * or a word such as 件). */
static int form_node_also(struct form_loader *L, const struct ynode *m, struct fnode *n)
{
	const char *unit = NULL;
	if (form_str(L, m, "unit", 0, &unit) < 0)
		return -1;
	n->unit = unit && *unit ? xstrdup(unit) : NULL;
	const struct ynode *a = ymap_get(m, "also");
	if (a == NULL)
		return 0;
	if (a->kind == Y_MAP)
		return form_err(L, a, "'also' must be a label or a list of labels, not a %s",
				ynode_kind_name(a));
	size_t n_ = a->kind == Y_SEQ ? a->n : 1;
	n->also = xcalloc(n_ + 1, sizeof *n->also);
	for (size_t i = 0; i < n_; i++) {
		const struct ynode *x = a->kind == Y_SEQ ? a->items[i] : a;
		size_t bad;
		const char *why;
		if (x->kind != Y_SCALAR || *x->str == '\0')
			return form_err(L, x, "'also': each must be a label");
		if (text_check(x->str, TEXT_LINE, &bad, &why) < 0)
			return form_err(L, x, "'also' %s", why);
		n->also[n->nalso++] = xstrdup(x->str);
	}
	return 0;
}

static int form_node_load(struct form_loader *L, struct fblock *b, struct fnode *parent,
			  const struct ynode *m, int is_row)
{
	static const char *const row_keys[] = {"id",   "label", "type", "formula",
					       "rows", "also",  NULL};
	static const char *const col_keys[] = {"id",      "label", "type", "formula",
					       "columns", "also",  "unit", NULL};
	const char *what = is_row ? "a row" : "a column";
	if (form_keys(L, m, what, is_row ? row_keys : col_keys) < 0)
		return -1;
	struct fnode *n = xcalloc(1, sizeof *n);
	parent->kids = xreallocarray(parent->kids, (size_t)parent->nkids + 1, sizeof *n);
	parent->kids[parent->nkids++] = n;
	n->parent = parent->depth < 0 ? NULL : parent;
	n->depth = parent->depth + 1;
	n->line = m->line;
	n->col = m->col;
	n->leaf = -1;
	const char *label;
	if (form_id(L, m, "id", &n->id) < 0 || form_str(L, m, "label", 1, &label) < 0)
		return -1;
	n->idlen = strlen(n->id);
	n->label = xstrdup(label);
	if (form_node(is_row ? &b->rows : &b->cols, n->id) != n)
		return form_err(L, ymap_get(m, "id"), "duplicate %s id '%s'",
				is_row ? "row" : "column", n->id);
	if (form_type(L, m, &n->has_type, &n->type) < 0 ||
	    form_expr(L, m, "formula", &n->formula, &n->fline, &n->fcol) < 0 ||
	    form_node_also(L, m, n) < 0)
		return -1;
	const struct ynode *kids = ymap_get(m, is_row ? "rows" : "columns");
	if (kids == NULL) {
		n->leaf = 1;
		return 0;
	}
	if (n->formula != NULL)
		return form_err(L, ymap_get(m, "formula"),
				"a group ('%s') cannot have a formula; give it to its %s", n->id,
				is_row ? "rows" : "columns");
	return form_nodes(L, b, n, kids, is_row);
}

static int form_nodes(struct form_loader *L, struct fblock *b, struct fnode *parent,
		      const struct ynode *list, int is_row)
{
	if (list->kind != Y_SEQ || list->n == 0)
		return form_err(L, list, "'%s' must be a non-empty list",
				is_row ? "rows" : "columns");
	for (size_t i = 0; i < list->n; i++)
		if (form_node_load(L, b, parent, list->items[i], is_row) < 0)
			return -1;
	return 0;
}

/* Numbers the leaves in order and records each node's range of leaves. */
static void form_number(struct fnode *n, struct fnode ***leaves, int *count)
{
	n->first = *count;
	if (n->leaf >= 0 && n->nkids == 0) {
		n->leaf = *count;
		*leaves = xreallocarray(*leaves, (size_t)*count + 1, sizeof **leaves);
		(*leaves)[(*count)++] = n;
	}
	for (int i = 0; i < n->nkids; i++)
		form_number(n->kids[i], leaves, count);
	n->count = *count - n->first;
}

/* The ids of n leaves side by side, as a file's keys are matched to them. */
static struct fkey *form_keys_of(struct fnode *const *leaves, int n)
{
	struct fkey *k = xcalloc((size_t)n + 1, sizeof *k);
	for (int i = 0; i < n; i++) {
		k[i].len = leaves[i]->idlen;
		width_words(leaves[i]->id, k[i].len, k[i].w);
	}
	return k;
}

static struct fblock *form_block_load(struct form_loader *L, struct ftable *t,
				      const struct ynode *m, int implicit)
{
	static const char *const keys[] = {"id",      "title", "label-heading", "type", "rows",
					   "columns", NULL};
	struct fblock *b = xcalloc(1, sizeof *b);
	t->blocks = xreallocarray(t->blocks, (size_t)t->nblocks + 1, sizeof b);
	t->blocks[t->nblocks++] = b;
	b->table = t;
	b->rows.depth = b->cols.depth = -1;
	b->rows.leaf = b->cols.leaf = -1;
	b->line = m->line;
	b->col_ = m->col;
	if (!implicit) {
		const char *title, *lh;
		if (form_keys(L, m, "a block", keys) < 0 || form_id(L, m, "id", &b->id) < 0 ||
		    form_str(L, m, "title", 0, &title) < 0 ||
		    form_str(L, m, "label-heading", 0, &lh) < 0 ||
		    form_type(L, m, &b->has_type, &b->type) < 0)
			return NULL;
		b->title = title ? xstrdup(title) : NULL;
		b->label_heading = lh ? xstrdup(lh) : NULL;
		for (int i = 0; i + 1 < t->nblocks; i++)
			if (strcmp(t->blocks[i]->id, b->id) == 0) {
				form_err(L, ymap_get(m, "id"), "duplicate block id '%s'", b->id);
				return NULL;
			}
	}
	const struct ynode *rows = ymap_get(m, "rows"), *cols = ymap_get(m, "columns");
	if (rows == NULL || cols == NULL) {
		form_err(L, m, "missing key '%s'", rows == NULL ? "rows" : "columns");
		return NULL;
	}
	if (form_nodes(L, b, &b->rows, rows, 1) < 0 || form_nodes(L, b, &b->cols, cols, 0) < 0)
		return NULL;
	form_number(&b->rows, &b->row, &b->nrows);
	form_number(&b->cols, &b->col, &b->ncols);
	/* a form is a few hundred cells: a file asking for millions is refused
	 * before anything of that size is made */
	if (b->nrows > FORM_MAX_ROWS || b->ncols > FORM_MAX_COLS) {
		form_err(L, b->nrows > FORM_MAX_ROWS ? rows : cols,
			 "a block may have at most %d %s",
			 b->nrows > FORM_MAX_ROWS ? FORM_MAX_ROWS : FORM_MAX_COLS,
			 b->nrows > FORM_MAX_ROWS ? "rows" : "columns");
		return NULL;
	}
	b->rowkey = form_keys_of(b->row, b->nrows);
	b->colkey = form_keys_of(b->col, b->ncols);
	L->cells += (long)b->nrows * b->ncols;
	if (L->cells > FORM_MAX_CELLS) {
		form_err(L, m, "a form may have at most %d cells", FORM_MAX_CELLS);
		return NULL;
	}
	return b;
}

static int form_table_load(struct form_loader *L, struct fpart *p, const struct ynode *m)
{
	static const char *const keys[] = {"table", "title",   "tab",           "note", "blocks",
					   "rows",  "columns", "label-heading", "type", NULL};
	if (form_keys(L, m, "a table", keys) < 0)
		return -1;
	struct ftable *t = xcalloc(1, sizeof *t);
	struct form *f = L->f;
	f->tables = xreallocarray(f->tables, (size_t)f->ntables + 1, sizeof t);
	f->tables[f->ntables++] = t;
	p->table = t;
	t->id = xstrdup(p->id);
	t->title = p->title ? xstrdup(p->title) : NULL;
	const char *note, *tab;
	if (form_str(L, m, "note", 0, &note) < 0 || form_str(L, m, "tab", 0, &tab) < 0)
		return -1;
	t->note = note ? xstrdup(note) : NULL;
	t->tab = xstrdup(tab ? tab : t->title);
	const struct ynode *blocks = ymap_get(m, "blocks");
	if (blocks != NULL) {
		const char *stray[] = {"rows", "columns", "label-heading", "type"};
		for (size_t i = 0; i < 4; i++)
			if (ymap_get(m, stray[i]) != NULL)
				return form_err(
				    L, ymap_get(m, stray[i]),
				    "'%s' belongs inside a block when the table has 'blocks'",
				    stray[i]);
		if (blocks->kind != Y_SEQ || blocks->n == 0)
			return form_err(L, blocks, "'blocks' must be a non-empty list");
		for (size_t i = 0; i < blocks->n; i++)
			if (form_block_load(L, t, blocks->items[i], 0) == NULL)
				return -1;
		return 0;
	}
	t->implicit = 1;
	struct fblock *b = form_block_load(L, t, m, 1);
	if (b == NULL)
		return -1;
	const char *lh;
	if (form_str(L, m, "label-heading", 0, &lh) < 0 ||
	    form_type(L, m, &b->has_type, &b->type) < 0)
		return -1;
	b->label_heading = lh ? xstrdup(lh) : NULL;
	return 0;
}

static int form_parts_load(struct form_loader *L, const struct ynode *list)
{
	static const char *const prose_keys[] = {"prose", "title", "tab", NULL};
	struct form *f = L->f;
	if (list->kind != Y_SEQ || list->n == 0)
		return form_err(L, list, "'parts' must be a non-empty list");
	f->parts = xcalloc(list->n, sizeof *f->parts);
	for (size_t i = 0; i < list->n; i++) {
		const struct ynode *m = list->items[i];
		struct fpart *p = &f->parts[f->nparts++];
		if (m->kind != Y_MAP)
			return form_err(L, m, "a part must be a mapping, not a %s",
					ynode_kind_name(m));
		int is_table = ymap_get(m, "table") != NULL;
		if (!is_table && ymap_get(m, "prose") == NULL)
			return form_err(L, m, "a part needs 'prose: ID' or 'table: ID'");
		p->kind = is_table ? PART_TABLE : PART_PROSE;
		const char *title;
		if (form_id(L, m, is_table ? "table" : "prose", &p->id) < 0 ||
		    form_str(L, m, "title", is_table, &title) < 0)
			return -1;
		p->title = title ? xstrdup(title) : NULL;
		const char *tab;
		if (form_str(L, m, "tab", 0, &tab) < 0)
			return -1;
		p->tab = xstrdup(tab ? tab : title ? title : p->id);
		for (int k = 0; k + 1 < f->nparts; k++)
			if (strcmp(f->parts[k].id, p->id) == 0)
				return form_err(L, ymap_get(m, is_table ? "table" : "prose"),
						"duplicate part id '%s'", p->id);
		if (is_table) {
			if (form_table_load(L, p, m) < 0)
				return -1;
		} else {
			if (form_keys(L, m, "a prose part", prose_keys) < 0)
				return -1;
			p->prose = f->nprose++;
		}
	}
	return 0;
}

static int form_header_load(struct form_loader *L, const struct ynode *list)
{
	static const char *const keys[] = {"id", "label", "type", NULL};
	struct form *f = L->f;
	if (list->kind != Y_SEQ)
		return form_err(L, list, "'header' must be a list");
	f->header = xcalloc(list->n + 1, sizeof *f->header);
	for (size_t i = 0; i < list->n; i++) {
		const struct ynode *m = list->items[i];
		struct hfield *h = &f->header[f->nheader++];
		const char *label, *type;
		if (form_keys(L, m, "a header field", keys) < 0 ||
		    form_id(L, m, "id", &h->id) < 0 || form_str(L, m, "label", 1, &label) < 0 ||
		    form_str(L, m, "type", 1, &type) < 0)
			return -1;
		h->label = xstrdup(label);
		if (strcmp(type, "text") == 0)
			h->type = HF_TEXT;
		else if (strcmp(type, "year") == 0)
			h->type = HF_YEAR;
		else if (strcmp(type, "date") == 0)
			h->type = HF_DATE;
		else
			return form_err(L, ymap_get(m, "type"),
					"unknown header type '%s' (expected text, year or date)",
					type);
		if (form_hfield(f, h->id) != (int)i)
			return form_err(L, ymap_get(m, "id"), "duplicate header field '%s'", h->id);
	}
	return 0;
}

static int form_in_load(struct form_loader *L, struct fblock ***inp, int *ninp,
			const struct ynode *in)
{
	struct form *f = L->f;
	size_t n = in->kind == Y_SEQ ? in->n : 1;
	for (size_t i = 0; i < n; i++) {
		const struct ynode *s = in->kind == Y_SEQ ? in->items[i] : in;
		if (s->kind != Y_SCALAR)
			return form_err(L, s, "'in' takes TABLE or TABLE.BLOCK names");
		char *name = xstrdup(s->str), *dot = strchr(name, '.');
		if (dot)
			*dot++ = '\0';
		const struct ftable *t = form_table(f, name);
		int rc = 0;
		if (t == NULL) {
			rc = form_err(L, s, "no table '%s'", name);
		} else if (dot != NULL) {
			const struct fblock *b = form_block(t, dot);
			if (b == NULL)
				rc = form_err(L, s, "table '%s' has no block '%s'", name, dot);
			else {
				*inp = xreallocarray(*inp, (size_t)*ninp + 1, sizeof **inp);
				(*inp)[(*ninp)++] = (struct fblock *)b;
			}
		} else {
			for (int k = 0; k < t->nblocks; k++) {
				*inp = xreallocarray(*inp, (size_t)*ninp + 1, sizeof **inp);
				(*inp)[(*ninp)++] = t->blocks[k];
			}
		}
		free(name);
		if (rc < 0)
			return -1;
	}
	return 0;
}

/* A check's or a carry rule's severity: error or warning. */
static int form_severity(struct form_loader *L, const struct ynode *m, const char *sev,
			 enum diag_severity *out)
{
	if (strcmp(sev, "error") != 0 && strcmp(sev, "warning") != 0)
		return form_err(L, ymap_get(m, "severity"),
				"severity must be error or warning, not '%s'", sev);
	*out = sev[0] == 'e' ? DIAG_ERROR : DIAG_WARNING;
	return 0;
}

static int form_checks_load(struct form_loader *L, const struct ynode *list)
{
	static const char *const keys[] = {"id",       "in",      "each",  "rule",
					   "severity", "message", "sides", NULL};
	struct form *f = L->f;
	if (list->kind != Y_SEQ)
		return form_err(L, list, "'checks' must be a list");
	f->checks = xcalloc(list->n + 1, sizeof *f->checks);
	for (size_t i = 0; i < list->n; i++) {
		const struct ynode *m = list->items[i];
		struct fcheck *c = &f->checks[f->nchecks++];
		const char *sev, *msg, *each;
		if (form_keys(L, m, "a check", keys) < 0 || form_id(L, m, "id", &c->id) < 0 ||
		    form_str(L, m, "severity", 1, &sev) < 0 ||
		    form_str(L, m, "message", 1, &msg) < 0 || form_str(L, m, "each", 0, &each) < 0)
			return -1;
		c->line = m->line;
		c->col = m->col;
		for (int k = 0; k + 1 < f->nchecks; k++)
			if (strcmp(f->checks[k].id, c->id) == 0)
				return form_err(L, ymap_get(m, "id"), "duplicate check id '%s'",
						c->id);
		c->message = xstrdup(msg);
		if (form_severity(L, m, sev, &c->severity) < 0)
			return -1;
		if (each == NULL)
			c->each = EACH_NONE;
		else if (strcmp(each, "row") == 0)
			c->each = EACH_ROW;
		else if (strcmp(each, "column") == 0)
			c->each = EACH_COLUMN;
		else if (strcmp(each, "cell") == 0)
			c->each = EACH_CELL;
		else
			return form_err(L, ymap_get(m, "each"),
					"'each' must be row, column or cell, not '%s'", each);
		if (ymap_get(m, "rule") == NULL)
			return form_err(L, m, "missing key '%s'", "rule");
		if (form_expr(L, m, "rule", &c->rule, &c->rline, &c->rcol) < 0)
			return -1;
		const struct ynode *in = ymap_get(m, "in");
		if (in != NULL && form_in_load(L, &c->in, &c->nin, in) < 0)
			return -1;
		if (in == NULL && (c->each == EACH_ROW || c->each == EACH_COLUMN))
			return form_err(L, m, "a check for each %s needs 'in' to name its tables",
					c->each == EACH_ROW ? "row" : "column");
		const struct ynode *sides = ymap_get(m, "sides");
		if (sides != NULL) {
			if (sides->kind != Y_SEQ || sides->n != 2 ||
			    sides->items[0]->kind != Y_SCALAR || sides->items[1]->kind != Y_SCALAR)
				return form_err(L, sides,
						"'sides' must be a list of two names, for the "
						"two sides of the rule's comparison");
			if (c->rule->op < EX_EQ || c->rule->op > EX_GE)
				return form_err(L, sides,
						"'sides' names the two sides of a comparison, and "
						"this rule is not one");
			c->sides[0] = xstrdup(sides->items[0]->str);
			c->sides[1] = xstrdup(sides->items[1]->str);
		}
	}
	return 0;
}

/* Checks the names of a carry rule's expression: last.NAME, or NAME an
 * id along the other axis in every block; notes whether it reads last
 * year's report only. */
static int form_carry_names(struct form_loader *L, struct fcarry *c, const struct expr *e,
			    int *this_year, const struct ynode *at)
{
	if (e == NULL)
		return 0;
	if (e->op == EX_REF) {
		int last = e->npath == 2 && strcmp(e->path[0], "last") == 0;
		if (!last && e->npath != 1)
			return form_err(L, at, "carry '%s': a name is NAME or last.NAME", c->id);
		const char *name = e->path[e->npath - 1];
		*this_year |= !last;
		for (int k = 0; k < c->nin && !last; k++) {
			const struct fnode *n =
			    form_node(c->by_row ? &c->in[k]->rows : &c->in[k]->cols, name);
			if (n == NULL || n->nkids > 0)
				return form_err(L, at, "carry '%s': block '%s' has no %s '%s'",
						c->id,
						c->in[k]->id ? c->in[k]->id : c->in[k]->table->id,
						c->by_row ? "row" : "column", name);
		}
		return 0;
	}
	if (e->op != EX_NUM && e->op != EX_ADD && e->op != EX_SUB && e->op != EX_NEG &&
	    e->op != EX_SUM)
		return form_err(L, at, "carry '%s': 'from' may only add and subtract", c->id);
	for (int i = 0; i < e->nargs; i++)
		if (form_carry_names(L, c, e->args[i], this_year, at) < 0)
			return -1;
	if (form_carry_names(L, c, e->a, this_year, at) < 0)
		return -1;
	return form_carry_names(L, c, e->b, this_year, at);
}

static int form_carries_load(struct form_loader *L, const struct ynode *list)
{
	static const char *const keys[] = {"id",   "in",       "row",     "column",
					   "from", "severity", "message", NULL};
	struct form *f = L->f;
	if (list->kind != Y_SEQ)
		return form_err(L, list, "'carry' must be a list");
	f->carries = xcalloc(list->n + 1, sizeof *f->carries);
	for (size_t i = 0; i < list->n; i++) {
		const struct ynode *m = list->items[i];
		struct fcarry *c = &f->carries[f->ncarries++];
		const char *sev, *msg, *row, *col;
		int fl, fc;
		if (form_keys(L, m, "a carry rule", keys) < 0 || form_id(L, m, "id", &c->id) < 0 ||
		    form_str(L, m, "severity", 1, &sev) < 0 ||
		    form_str(L, m, "message", 1, &msg) < 0 || form_str(L, m, "row", 0, &row) < 0 ||
		    form_str(L, m, "column", 0, &col) < 0)
			return -1;
		c->line = m->line;
		c->col = m->col;
		c->message = xstrdup(msg);
		if (form_severity(L, m, sev, &c->severity) < 0)
			return -1;
		if ((row == NULL) == (col == NULL))
			return form_err(L, m, "a carry rule names a 'row' or a 'column'");
		c->by_row = row != NULL;
		c->node = xstrdup(row ? row : col);
		const struct ynode *in = ymap_get(m, "in");
		if (in == NULL)
			return form_err(L, m, "missing key '%s'", "in");
		if (form_in_load(L, &c->in, &c->nin, in) < 0)
			return -1;
		for (int k = 0; k < c->nin; k++) {
			const struct fnode *n =
			    form_node(c->by_row ? &c->in[k]->rows : &c->in[k]->cols, c->node);
			if (n == NULL || n->nkids > 0)
				return form_err(L, ymap_get(m, row ? "row" : "column"),
						"no %s '%s' of cells in '%s'",
						row ? "row" : "column", c->node,
						in->kind == Y_SCALAR ? in->str : "in");
		}
		if (ymap_get(m, "from") == NULL)
			return form_err(L, m, "missing key '%s'", "from");
		if (form_expr(L, m, "from", &c->from, &fl, &fc) < 0)
			return -1;
		/* a row rule's names are rows (of the same column), a column
		 * rule's columns (of the same row) */
		int this_year = 0;
		if (form_carry_names(L, c, c->from, &this_year, ymap_get(m, "from")) < 0)
			return -1;
		c->last_only = !this_year;
	}
	/* each rule is also a check of the form's, so that its breaks are
	 * problems like any other, acknowledged by its id */
	f->checks = xreallocarray(f->checks, (size_t)f->nchecks + (size_t)f->ncarries + 1,
				  sizeof *f->checks);
	for (int i = 0; i < f->ncarries; i++) {
		const struct fcarry *c = &f->carries[i];
		for (int k = 0; k < f->nchecks; k++)
			if (strcmp(f->checks[k].id, c->id) == 0)
				return form_err(L, list->items[i], "duplicate check id '%s'",
						c->id);
		f->checks[f->nchecks++] = (struct fcheck){.id = xstrdup(c->id),
							  .severity = c->severity,
							  .message = xstrdup(c->message),
							  .each = EACH_CELL,
							  .carry = c,
							  .line = c->line,
							  .col = c->col};
	}
	return 0;
}

static int form_top_load(struct form_loader *L, const struct ynode *root)
{
	static const char *const keys[] = {"id",      "version",   "title",  "language", "basis",
					   "heading", "signature", "header", "parts",    "checks",
					   "carry",   "since",     NULL};
	struct form *f = L->f;
	const char *id, *ver, *title, *lang, *basis, *heading;
	if (form_keys(L, root, "a form file", keys) < 0 || form_str(L, root, "id", 1, &id) < 0 ||
	    form_str(L, root, "version", 1, &ver) < 0 ||
	    form_str(L, root, "title", 1, &title) < 0 ||
	    form_str(L, root, "language", 1, &lang) < 0 ||
	    form_str(L, root, "basis", 0, &basis) < 0 ||
	    form_str(L, root, "heading", 0, &heading) < 0)
		return -1;
	for (const char *p = id; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-'))
			return form_err(L, ymap_get(root, "id"),
					"form id '%s' may hold only a-z, 0-9 and -", id);
	char *end;
	long v = strtol(ver, &end, 10);
	if (*ver == '\0' || *end != '\0' || v < 1 || v > 1000000)
		return form_err(L, ymap_get(root, "version"),
				"version must be a whole number from 1, not '%s'", ver);
	f->id = xstrdup(id);
	f->version = (int)v;
	f->title = xstrdup(title);
	f->language = xstrdup(lang);
	f->basis = basis ? xstrdup(basis) : NULL;
	f->heading = xstrdup(heading ? heading : title);
	const struct ynode *sig = ymap_get(root, "signature");
	if (sig != NULL) {
		if (sig->kind != Y_SEQ)
			return form_err(L, sig, "'signature' must be a list of lines");
		f->signature = xcalloc(sig->n + 1, sizeof *f->signature);
		for (size_t i = 0; i < sig->n; i++) {
			if (sig->items[i]->kind != Y_SCALAR)
				return form_err(L, sig->items[i], "a signature line must be text");
			f->signature[f->nsignature++] = xstrdup(sig->items[i]->str);
		}
	}
	const struct ynode *n;
	if ((n = ymap_get(root, "header")) != NULL && form_header_load(L, n) < 0)
		return -1;
	if ((n = ymap_get(root, "parts")) == NULL)
		return form_err(L, root, "missing key '%s'", "parts");
	if (form_parts_load(L, n) < 0)
		return -1;
	if ((n = ymap_get(root, "checks")) != NULL && form_checks_load(L, n) < 0)
		return -1;
	if ((n = ymap_get(root, "carry")) != NULL && form_carries_load(L, n) < 0)
		return -1;
	const char *since;
	if (form_str(L, root, "since", 0, &since) < 0)
		return -1;
	if (since != NULL) {
		long y = strtol(since, &end, 10);
		if (*end != '\0' || y < 1900 || y > 9999)
			return form_err(L, ymap_get(root, "since"), "'since' is a year, not '%s'",
					since);
		f->since = (int)y;
	}
	return 0;
}

static struct form *form_from_tree(const char *path, struct ynode *root, struct diags *d);

struct form *form_load(const char *path, struct diags *d)
{
	struct ynode *root;
	if (yamlio_load_file(path, &root, d) < 0)
		return NULL;
	return form_from_tree(path, root, d);
}

struct form *form_load_string(const char *name, const char *text, size_t len, struct diags *d)
{
	struct ynode *root;
	if (yamlio_load_string(name, text, len, &root, d) < 0)
		return NULL;
	return form_from_tree(name, root, d);
}

/* Compiles a parsed form file; takes the tree. */
static struct form *form_from_tree(const char *path, struct ynode *root, struct diags *d)
{
	struct form_loader L = {.path = path, .d = d};
	L.f = xcalloc(1, sizeof *L.f);
	L.f->path = xstrdup(path);
	int rc = form_top_load(&L, root);
	ynode_free(root);
	if (rc == 0)
		rc = resolve_form(L.f, d);
	if (rc < 0) {
		form_free(L.f);
		return NULL;
	}
	return L.f;
}
