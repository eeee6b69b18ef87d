/* libyaml event parser into a position-keeping tree; emitter helpers. */
#include "model/yamlio.h"
#include "base/i18n.h"
#include "base/buf.h"
#include "base/diag.h"
#include "base/text.h"
#include "base/width.h"
#include "base/xmalloc.h"

#include <stdarg.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

/* The tree of one document lives in an arena freed at once: thousands of
 * small nodes and strings would otherwise cost more in malloc and free than
 * the parsing itself (make bench measures it). */
struct yamlio_arena {
	struct yamlio_arena *next;
	size_t used, cap;
	char data[];
};

struct yamlio_load {
	yaml_parser_t parser;
	const char *name;
	const char *text;
	size_t len;
	size_t nodes;
	struct diags *d;
	struct yamlio_arena *arena;
	struct ynode **stack; /* children of the collections being read */
	size_t depth, cap;
	const struct yamlio_taker *taker;
	yaml_event_t ev; /* the event pulled last, while a value is taken */
	int has_ev;
	size_t taking; /* collections open in the value being taken */
	size_t pulled;
	int gave_up;
};

static void *yamlio_alloc(struct yamlio_load *L, size_t n)
{
	n = (n + 15) & ~(size_t)15;
	struct yamlio_arena *a = L->arena;
	if (a == NULL || a->used + n > a->cap) {
		size_t cap = n > 65536 ? n : 65536;
		struct yamlio_arena *b = xmalloc(sizeof *b + cap);
		b->next = a;
		b->used = 0;
		b->cap = cap;
		L->arena = a = b;
	}
	void *p = a->data + a->used;
	a->used += n;
	return p;
}

static void yamlio_arena_free(struct yamlio_arena *a)
{
	while (a != NULL) {
		struct yamlio_arena *next = a->next;
		free(a);
		a = next;
	}
}

static void yamlio_stack_push(struct yamlio_load *L, struct ynode *n)
{
	if (L->depth == L->cap) {
		L->cap = L->cap ? L->cap * 2 : 256;
		L->stack = xreallocarray(L->stack, L->cap, sizeof *L->stack);
	}
	L->stack[L->depth++] = n;
}

/* The keys of one mapping so far, to find a duplicate in one step however
 * many there are (a linear scan made 100,000 keys take 22 s). */
struct yamlio_keys {
	const char **slot;
	size_t cap, n;
};

static size_t yamlio_hash(const char *s)
{
	uint64_t h = 0xcbf29ce484222325u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3u;
	return (size_t)h;
}

/* 1 when k is new (and now kept), 0 when the mapping has it already. */
static int yamlio_keys_add(struct yamlio_keys *h, const char *k)
{
	if (2 * (h->n + 1) > h->cap) {
		struct yamlio_keys g = {xcalloc(h->cap ? 2 * h->cap : 16, sizeof *g.slot),
					h->cap ? 2 * h->cap : 16, 0};
		for (size_t i = 0; i < h->cap; i++)
			if (h->slot[i] != NULL)
				yamlio_keys_add(&g, h->slot[i]);
		free(h->slot);
		*h = g;
	}
	for (size_t i = yamlio_hash(k) & (h->cap - 1);; i = (i + 1) & (h->cap - 1)) {
		if (h->slot[i] == NULL) {
			h->slot[i] = k;
			h->n++;
			return 1;
		}
		if (strcmp(h->slot[i], k) == 0)
			return 0;
	}
}

/* libyaml marks are 0-based and count characters; callers want 1-based. */
__attribute__((format(printf, 3, 4))) static void
yamlio_error(struct yamlio_load *L, const yaml_mark_t *m, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	diags_vadd(L->d, DIAG_ERROR, L->name, (int)m->line + 1, (int)m->column + 1, fmt, ap);
	va_end(ap);
}

/* Line and column (in characters) of a byte offset, for errors libyaml only
 * reports by offset. */
static void yamlio_where(const char *text, size_t off, int *line, int *col)
{
	*line = 1;
	size_t start = 0;
	for (size_t i = 0; i < off; i++)
		if (text[i] == '\n')
			(*line)++, start = i + 1;
	*col = width_chars(text + start, off - start) + 1;
}

static void yamlio_parser_error(struct yamlio_load *L)
{
	yaml_parser_t *p = &L->parser;
	if (p->error == YAML_READER_ERROR) {
		int line, col;
		size_t off = p->problem_offset < L->len ? p->problem_offset : L->len;
		yamlio_where(L->text, off, &line, &col);
		/* libyaml's own words, which have no translation, in a sentence
		 * that has */
		if (p->problem)
			diags_add(L->d, DIAG_ERROR, L->name, line, col, "cannot be read: %s",
				  p->problem);
		else
			diags_add(L->d, DIAG_ERROR, L->name, line, col, "cannot be read");
		return;
	}
	if (p->error == YAML_MEMORY_ERROR) {
		diags_add(L->d, DIAG_ERROR, L->name, 0, 0, "out of memory reading YAML");
		return;
	}
	const char *problem = p->problem ? p->problem : "malformed YAML";
	if (p->context != NULL)
		diags_add(L->d, DIAG_ERROR, L->name, (int)p->problem_mark.line + 1,
			  (int)p->problem_mark.column + 1, "malformed YAML: %s %s", p->context,
			  problem);
	else
		yamlio_error(L, &p->problem_mark, "malformed YAML: %s", problem);
}

static int yamlio_next(struct yamlio_load *L, yaml_event_t *ev)
{
	if (!yaml_parser_parse(&L->parser, ev)) {
		yamlio_parser_error(L);
		return -1;
	}
	return 0;
}

static struct ynode *yamlio_node(struct yamlio_load *L, enum ynode_kind kind, const yaml_mark_t *m)
{
	struct ynode *n = yamlio_alloc(L, sizeof *n);
	memset(n, 0, sizeof *n);
	n->kind = kind;
	n->line = (int)m->line + 1;
	n->col = (int)m->column + 1;
	L->nodes++;
	return n;
}

/* What a node of the tree may not be: past the limits of nodes and depth,
 * an alias, anchored, tagged; a scalar too long, holding a NUL, a control
 * or a bidirectional override ("\e" and "\u202e" in quotes make them:
 * text is data). The one list the tree builder and the puller both keep;
 * *what is the alias, anchor or tag named, or why the text is refused. */
enum yamlio_fault {
	YF_NONE,
	YF_NODES,
	YF_DEPTH,
	YF_ALIAS,
	YF_ANCHOR,
	YF_TAG,
	YF_LONG,
	YF_NUL,
	YF_TEXT
};

static enum yamlio_fault yamlio_text_fault(const char *s, size_t n, const char **what)
{
	size_t bad;
	if (n > YAMLIO_MAX_SCALAR)
		return YF_LONG;
	if (width_printable_run(s, n) == n) /* most values: nothing more to see */
		return YF_NONE;
	if (memchr(s, '\0', n) != NULL)
		return YF_NUL;
	return text_check(s, TEXT_PROSE, &bad, what) < 0 ? YF_TEXT : YF_NONE;
}

/* Inlined where the puller takes each of a report's figures and keys;
 * text 0 leaves a scalar's text unchecked (yamlio_pull_raw). */
static inline __attribute__((always_inline)) enum yamlio_fault
yamlio_fault(const struct yamlio_load *L, const yaml_event_t *ev, size_t depth, int text,
	     const char **what)
{
	if (L->nodes >= YAMLIO_MAX_NODES)
		return YF_NODES;
	if (depth > YAMLIO_MAX_DEPTH)
		return YF_DEPTH;
	const yaml_char_t *anchor = NULL, *tag = NULL;
	switch (ev->type) {
	case YAML_ALIAS_EVENT:
		*what = (const char *)ev->data.alias.anchor;
		return YF_ALIAS;
	case YAML_SCALAR_EVENT: /* nine in ten nodes: the rest of it here */
		anchor = ev->data.scalar.anchor, tag = ev->data.scalar.tag;
		if (anchor == NULL && tag == NULL)
			return text ? yamlio_text_fault((const char *)ev->data.scalar.value,
							ev->data.scalar.length, what)
				    : YF_NONE;
		break;
	case YAML_MAPPING_START_EVENT:
		anchor = ev->data.mapping_start.anchor, tag = ev->data.mapping_start.tag;
		break;
	case YAML_SEQUENCE_START_EVENT:
		anchor = ev->data.sequence_start.anchor, tag = ev->data.sequence_start.tag;
		break;
	default:
		return YF_NONE; /* no node: the caller's to place */
	}
	if (anchor != NULL || tag != NULL) {
		*what = (const char *)(anchor ? anchor : tag);
		return anchor ? YF_ANCHOR : YF_TAG;
	}
	return YF_NONE;
}

static inline __attribute__((always_inline)) int yamlio_pull_in(struct yamlio_load *L,
								struct yevent *e, int text)
{
	if (L->has_ev)
		yaml_event_delete(&L->ev);
	L->has_ev = 0;
	/* a parser's error is the tree loader's to name */
	if (!yaml_parser_parse(&L->parser, &L->ev))
		return -1;
	L->has_ev = 1;
	L->pulled++;
	const yaml_event_t *ev = &L->ev;
	e->line = (int)ev->start_mark.line + 1;
	e->col = (int)ev->start_mark.column + 1;
	e->end = 0;
	const char *what;
	switch (ev->type) {
	case YAML_MAPPING_END_EVENT:
	case YAML_SEQUENCE_END_EVENT:
		if (L->taking == 0)
			return -1;
		L->taking--;
		e->end = 1;
		return 0;
	case YAML_SCALAR_EVENT:
	case YAML_MAPPING_START_EVENT:
	case YAML_SEQUENCE_START_EVENT:
		/* the value taken is at depth 1, its items below */
		if (yamlio_fault(L, ev, 1 + L->taking, text, &what) != YF_NONE)
			return -1;
		break;
	default:
		return -1;
	}
	L->nodes++;
	if (ev->type != YAML_SCALAR_EVENT) {
		e->kind = ev->type == YAML_MAPPING_START_EVENT ? Y_MAP : Y_SEQ;
		L->taking++;
		return 0;
	}
	e->kind = Y_SCALAR;
	e->str = (const char *)ev->data.scalar.value;
	e->len = ev->data.scalar.length;
	e->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	return 0;
}

int yamlio_pull(struct yamlio_load *L, struct yevent *e)
{
	return yamlio_pull_in(L, e, 1);
}

int yamlio_pull_raw(struct yamlio_load *L, struct yevent *e)
{
	return yamlio_pull_in(L, e, 0);
}

int yamlio_text_ok(const struct yevent *e)
{
	const char *what;
	return yamlio_text_fault(e->str, e->len, &what) == YF_NONE;
}

/* The value of the top-level key read by the taker: 1 with *val the empty
 * mapping that stands for it, 0 declined (nothing read), -1 given up. */
static int yamlio_take(struct yamlio_load *L, size_t base, const struct ynode *key,
		       struct ynode **val)
{
	L->pulled = 0;
	L->taking = 0;
	/* the pairs so far (none, and no stack yet, when the key is the first) */
	struct ynode *const *pairs = L->stack ? L->stack + base : NULL;
	int rc = L->taker->take(L->taker->ctx, L, pairs, (L->depth - base) / 2);
	if (L->has_ev)
		yaml_event_delete(&L->ev);
	L->has_ev = 0;
	if (rc == 0 && L->pulled == 0)
		return 0;
	if (rc != 1 || L->taking != 0 || L->pulled == 0) {
		L->gave_up = 1;
		return -1;
	}
	struct ynode *n = yamlio_alloc(L, sizeof *n); /* not a node the file has */
	memset(n, 0, sizeof *n);
	n->kind = Y_MAP;
	n->taken = 1;
	n->line = key->line;
	n->col = key->col;
	*val = n;
	return 1;
}

/* Builds the node that starts with *ev (already read). Returns NULL after
 * adding a diagnostic. Longer than the guide: what a node may not be,
 * named (yamlio_fault's list, which yamlio_pull keeps too), then one switch
 * over libyaml's event kinds, with the one place a failed event is freed. */
static struct ynode *yamlio_build(struct yamlio_load *L, yaml_event_t *ev, int depth)
{
	const yaml_mark_t *m = &ev->start_mark;
	const char *what = NULL;
	switch (yamlio_fault(L, ev, (size_t)depth, 1, &what)) {
	case YF_NONE:
		break;
	case YF_NODES:
		yamlio_error(L, m, "too many YAML nodes (more than %d)", YAMLIO_MAX_NODES);
		return NULL;
	case YF_DEPTH:
		yamlio_error(L, m, "YAML nested too deeply (more than %d levels)",
			     YAMLIO_MAX_DEPTH);
		return NULL;
	case YF_ALIAS:
		yamlio_error(L, m, "YAML aliases (*%s) are not allowed here", what);
		return NULL;
	case YF_ANCHOR:
		yamlio_error(L, m, "YAML anchors (&%s) are not allowed here", what);
		return NULL;
	case YF_TAG:
		yamlio_error(L, m, "YAML tags (%s) are not allowed here", what);
		return NULL;
	case YF_LONG:
		yamlio_error(L, m, "value longer than %u bytes", YAMLIO_MAX_SCALAR);
		return NULL;
	case YF_NUL:
		yamlio_error(L, m, "value contains a NUL character");
		return NULL;
	case YF_TEXT: {
		char *q = text_quote((const char *)ev->data.scalar.value, 60);
		diags_add(L->d, DIAG_ERROR, L->name, (int)m->line + 1, (int)m->column + 1,
			  "value %s: '%s'", what, q);
		free(q);
		return NULL;
	}
	}
	switch (ev->type) {
	case YAML_SCALAR_EVENT: {
		struct ynode *n = yamlio_node(L, Y_SCALAR, m);
		n->len = ev->data.scalar.length;
		n->str = yamlio_alloc(L, n->len + 1);
		memcpy(n->str, ev->data.scalar.value, n->len);
		n->str[n->len] = '\0';
		n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
		return n;
	}
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT: {
		int is_map = ev->type == YAML_MAPPING_START_EVENT;
		struct ynode *n = yamlio_node(L, is_map ? Y_MAP : Y_SEQ, m);
		size_t base = L->depth; /* this collection's children: stack[base..] */
		struct yamlio_keys keys = {NULL, 0, 0};
		for (;;) {
			yaml_event_t e;
			if (yamlio_next(L, &e) < 0)
				goto fail;
			if (e.type == YAML_SEQUENCE_END_EVENT || e.type == YAML_MAPPING_END_EVENT) {
				yaml_event_delete(&e);
				size_t count = L->depth - base;
				n->items = yamlio_alloc(L, count * sizeof *n->items + 1);
				if (count > 0) /* an empty one may come before any stack */
					memcpy(n->items, L->stack + base, count * sizeof *n->items);
				n->n = is_map ? count / 2 : count;
				L->depth = base;
				free(keys.slot);
				return n;
			}
			struct ynode *key = yamlio_build(L, &e, depth + 1);
			yaml_event_delete(&e);
			if (key == NULL)
				goto fail;
			if (!is_map) {
				yamlio_stack_push(L, key);
				continue;
			}
			if (key->kind != Y_SCALAR) {
				diags_add(L->d, DIAG_ERROR, L->name, key->line, key->col,
					  "a mapping key must be a plain name, not a %s",
					  ynode_kind_name(key));
				goto fail;
			}
			/* a short mapping is scanned; a long one hashed */
			size_t nkeys = (L->depth - base) / 2;
			int dup = 0;
			if (nkeys < 16) {
				/* lengths first: keys of one length are few */
				for (size_t k = base; k < L->depth && !dup; k += 2)
					dup = L->stack[k]->len == key->len &&
					      memcmp(L->stack[k]->str, key->str, key->len) == 0;
			} else {
				if (keys.n == 0) /* the keys so far, once */
					for (size_t k = base; k < L->depth; k += 2)
						yamlio_keys_add(&keys, L->stack[k]->str);
				dup = !yamlio_keys_add(&keys, key->str);
			}
			if (dup) {
				diags_add(L->d, DIAG_ERROR, L->name, key->line, key->col,
					  "duplicate key '%s'", key->str);
				goto fail;
			}
			struct ynode *val = NULL;
			int took =
			    depth == 0 && L->taker != NULL && strcmp(key->str, L->taker->key) == 0
				? yamlio_take(L, base, key, &val)
				: 0;
			if (took < 0)
				goto fail;
			if (took == 0) {
				if (yamlio_next(L, &e) < 0)
					goto fail;
				val = yamlio_build(L, &e, depth + 1);
				yaml_event_delete(&e);
				if (val == NULL)
					goto fail;
			}
			yamlio_stack_push(L, key);
			yamlio_stack_push(L, val);
		}
	fail:
		L->depth = base;
		free(keys.slot);
		return NULL;
	}
	default:
		yamlio_error(L, m, "unexpected YAML structure");
		return NULL;
	}
}

int yamlio_load_string(const char *name, const char *text, size_t len, struct ynode **root,
		       struct diags *d)
{
	return yamlio_load_taking(name, text, len, root, d, NULL);
}

/* -1 with the one diagnostic for text's first byte that is not UTF-8,
 * after those past keep are dropped; 0 when it is all UTF-8. */
static int yamlio_not_utf8(const char *name, const char *text, size_t len, struct diags *d,
			   size_t keep)
{
	size_t bad;
	if (width_valid(text, len, &bad))
		return 0;
	int line, col;
	yamlio_where(text, bad, &line, &col);
	diags_drop(d, keep);
	diags_add(d, DIAG_ERROR, name, line, col, "invalid UTF-8 (byte 0x%02X)",
		  (unsigned char)text[bad]);
	return -1;
}

int yamlio_load_taking(const char *name, const char *text, size_t len, struct ynode **root,
		       struct diags *d, const struct yamlio_taker *taker)
{
	*root = NULL;
	/* Bytes that are not UTF-8 are named before anything else is. libyaml
	 * refuses all that width_valid does, reading UTF-8 (any first byte but
	 * a UTF-16 mark's 0xFF or 0xFE, neither of them UTF-8): the file is
	 * looked at only when the load fails, whatever said why is dropped. */
	if (len > 0 && (unsigned char)text[0] >= 0xFE)
		return yamlio_not_utf8(name, text, len, d, d->n);
	size_t had = d->n;
	struct yamlio_load L = {.name = name, .text = text, .len = len, .d = d, .taker = taker};
	yaml_parser_initialize(&L.parser);
	yaml_parser_set_input_string(&L.parser, (const unsigned char *)text, len);
	yaml_event_t ev;
	int rc = -1;
	struct ynode *doc = NULL;
	if (yamlio_next(&L, &ev) < 0)
		goto out;
	yaml_event_delete(&ev); /* stream start */
	if (yamlio_next(&L, &ev) < 0)
		goto out;
	if (ev.type == YAML_STREAM_END_EVENT) {
		yaml_event_delete(&ev);
		diags_add(d, DIAG_ERROR, name, 1, 1, "the file is empty");
		goto out;
	}
	yaml_event_delete(&ev); /* document start */
	if (yamlio_next(&L, &ev) < 0)
		goto out;
	doc = yamlio_build(&L, &ev, 0);
	yaml_event_delete(&ev);
	if (doc == NULL) {
		rc = L.gave_up ? -2 : -1;
		goto out;
	}
	if (yamlio_next(&L, &ev) < 0) /* document end */
		goto out;
	yaml_event_delete(&ev);
	if (yamlio_next(&L, &ev) < 0)
		goto out;
	if (ev.type != YAML_STREAM_END_EVENT) {
		yamlio_error(&L, &ev.start_mark, "only one YAML document is allowed");
		yaml_event_delete(&ev);
		goto out;
	}
	yaml_event_delete(&ev);
	*root = doc;
	doc->arena = L.arena; /* the root owns the tree's memory */
	L.arena = NULL;
	rc = 0;
out:
	yamlio_arena_free(L.arena);
	free(L.stack);
	yaml_parser_delete(&L.parser);
	if (rc != 0 && yamlio_not_utf8(name, text, len, d, had) < 0)
		return -1;
	return rc;
}

int yamlio_read_file(const char *path, struct buf *b, struct diags *d)
{
	int got = buf_read_regular(b, path, YAMLIO_MAX_BYTES);
	if (got < 0) {
		if (got == BUF_NOT_REGULAR)
			diags_add(d, DIAG_ERROR, path, 0, 0, "not a regular file");
		else if (got == -2)
			diags_add(d, DIAG_ERROR, path, 0, 0, "file larger than %u bytes",
				  YAMLIO_MAX_BYTES);
		else
			diags_add(d, DIAG_ERROR, path, 0, 0, "cannot %s: %s",
				  got == -1 ? _("open") : _("read"), strerror(errno));
		return -1;
	}
	return 0;
}

int yamlio_load_file(const char *path, struct ynode **root, struct diags *d)
{
	*root = NULL;
	struct buf b;
	buf_init(&b);
	int rc = yamlio_read_file(path, &b, d) < 0
		     ? -1
		     : yamlio_load_string(path, b.data, b.len, root, d);
	buf_free(&b);
	return rc;
}

void ynode_free(struct ynode *root)
{
	if (root != NULL)
		yamlio_arena_free(root->arena);
}

struct ynode *ymap_key(const struct ynode *map, size_t i)
{
	return map->items[2 * i];
}

struct ynode *ymap_value(const struct ynode *map, size_t i)
{
	return map->items[2 * i + 1];
}

struct ynode *ymap_get(const struct ynode *map, const char *key)
{
	if (map == NULL || map->kind != Y_MAP)
		return NULL;
	for (size_t i = 0; i < map->n; i++)
		if (strcmp(map->items[2 * i]->str, key) == 0)
			return map->items[2 * i + 1];
	return NULL;
}

int yamlio_is_null(const char *s, size_t len, int plain)
{
	/* by length first: most values are figures, none of these */
	return plain && (len == 0 || (len == 1 && s[0] == '~') ||
			 (len == 4 && (memcmp(s, "null", 4) == 0 || memcmp(s, "Null", 4) == 0 ||
				       memcmp(s, "NULL", 4) == 0)));
}

int ynode_is_null(const struct ynode *n)
{
	return n->kind == Y_SCALAR && yamlio_is_null(n->str, n->len, n->plain);
}

const char *ynode_kind_name(const struct ynode *n)
{
	return n->kind == Y_MAP ? _("mapping") : n->kind == Y_SEQ ? _("list") : _("value");
}

struct yemit {
	yaml_emitter_t e;
	struct buf *out;
	int failed;
};

static int yemit_write(void *data, unsigned char *s, size_t n)
{
	buf_add(data, (const char *)s, n);
	return 1;
}

/* An event handed to the emitter is the emitter's, even when it fails. */
static void yemit_event(struct yemit *y, yaml_event_t *ev)
{
	if (y->failed) {
		yaml_event_delete(ev);
		return;
	}
	if (!yaml_emitter_emit(&y->e, ev))
		y->failed = 1;
}

struct yemit *yemit_new(struct buf *out)
{
	struct yemit *y = xcalloc(1, sizeof *y);
	y->out = out;
	yaml_emitter_initialize(&y->e);
	yaml_emitter_set_output(&y->e, yemit_write, out);
	yaml_emitter_set_unicode(&y->e, 1);
	yaml_emitter_set_width(&y->e, -1);
	yaml_emitter_set_indent(&y->e, 2);
	yaml_event_t ev;
	yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
	yemit_event(y, &ev);
	yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1);
	yemit_event(y, &ev);
	return y;
}

void yemit_map_start(struct yemit *y)
{
	yaml_event_t ev;
	yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1, YAML_BLOCK_MAPPING_STYLE);
	yemit_event(y, &ev);
}

void yemit_map_end(struct yemit *y)
{
	yaml_event_t ev;
	yaml_mapping_end_event_initialize(&ev);
	yemit_event(y, &ev);
}

void yemit_seq_start(struct yemit *y, int flow)
{
	yaml_event_t ev;
	yaml_sequence_start_event_initialize(
	    &ev, NULL, NULL, 1, flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE);
	yemit_event(y, &ev);
}

void yemit_seq_end(struct yemit *y)
{
	yaml_event_t ev;
	yaml_sequence_end_event_initialize(&ev);
	yemit_event(y, &ev);
}

/* Text that a plain scalar would turn into something else when read back. */
static int yemit_ambiguous(const char *s)
{
	static const char *words[] = {"~",    "null",  "Null",  "NULL",  "true", "True",
				      "TRUE", "false", "False", "FALSE", "yes",  "no",
				      "on",   "off",   "Yes",   "No",    "On",   "Off"};
	if (*s == '\0')
		return 1;
	for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
		if (strcmp(s, words[i]) == 0)
			return 1;
	const char *p = s;
	if (*p == '-' || *p == '+')
		p++;
	if (*p >= '0' && *p <= '9')
		return 1; /* reads as a number or a date */
	return 0;
}

void yemit_scalar(struct yemit *y, const char *s, enum yemit_style style)
{
	yaml_scalar_style_t st = YAML_ANY_SCALAR_STYLE;
	if (style == YEMIT_STRING && yemit_ambiguous(s))
		st = YAML_DOUBLE_QUOTED_SCALAR_STYLE;
	if (style == YEMIT_LITERAL)
		st = YAML_LITERAL_SCALAR_STYLE; /* libyaml quotes instead where it must */
	if (style == YEMIT_PLAIN)
		st = YAML_PLAIN_SCALAR_STYLE;
	yaml_event_t ev;
	yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s, (int)strlen(s), 1, 1, st);
	yemit_event(y, &ev);
}

int yemit_finish(struct yemit *y)
{
	yaml_event_t ev;
	yaml_document_end_event_initialize(&ev, 1);
	yemit_event(y, &ev);
	yaml_stream_end_event_initialize(&ev);
	yemit_event(y, &ev);
	if (!y->failed && !yaml_emitter_flush(&y->e))
		y->failed = 1;
	int rc = y->failed ? -1 : 0;
	yaml_emitter_delete(&y->e);
	free(y);
	return rc;
}
