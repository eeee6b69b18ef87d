/* Thin layer over libyaml: reads a file into a small tree of mappings,
 * sequences and scalars, each keeping its line and column, with limits that
 * make hostile input harmless; and writes YAML through libyaml's emitter. */
#ifndef NIANBAO_YAMLIO_H
#define NIANBAO_YAMLIO_H
#include <stddef.h>

struct diags;
struct buf;
struct yamlio_arena;

#define YAMLIO_MAX_BYTES (8u << 20)
#define YAMLIO_MAX_DEPTH 32
#define YAMLIO_MAX_SCALAR (1u << 20)
#define YAMLIO_MAX_NODES 500000

enum ynode_kind { Y_SCALAR, Y_MAP, Y_SEQ };

struct ynode {
	enum ynode_kind kind;
	int line, col; /* 1-based; col counts characters */
	char *str;     /* Y_SCALAR: the value, NUL-terminated */
	size_t len;
	int plain;                  /* written without quotes (so ~ and null mean blank) */
	struct ynode **items;       /* Y_SEQ: items; Y_MAP: key, value, key, value... */
	size_t n;                   /* Y_SEQ: items; Y_MAP: pairs */
	struct yamlio_arena *arena; /* the root only: where the whole tree lives */
	int taken;                  /* an empty Y_MAP whose value a taker read (below) */
};

/* Parses a whole file. On error adds one diagnostic naming file:line:col,
 * returns -1 and sets *root to NULL. */
int yamlio_load_file(const char *path, struct ynode **root, struct diags *d);
/* The bytes of the file at path, within the same limits (a regular file, at
 * most YAMLIO_MAX_BYTES); 0, or -1 after a diagnostic. */
int yamlio_read_file(const char *path, struct buf *b, struct diags *d);
int yamlio_load_string(const char *name, const char *text, size_t len, struct ynode **root,
		       struct diags *d);
/* A value of the top-level mapping read as events, without a tree (a
 * report's tables, nine in ten of its nodes). At that key, take() is called
 * with the pairs read so far (key, value, key, value...); it returns 1 when
 * it pulled the whole value (the tree then holds an empty mapping marked
 * taken), 0 without pulling anything to have the value built as a tree,
 * -1 to give up. It adds no diagnostic: on anything it does not take as
 * right (an unknown key, a duplicate, a bad figure) it gives up, and
 * yamlio_load_taking returns -2 with nothing said, for the file to be read
 * again as a tree, whose loader names what is wrong. */
struct yamlio_load;
struct yevent {
	enum ynode_kind kind; /* Y_SCALAR, or the start of a Y_MAP or Y_SEQ */
	int end;              /* 1 instead at the end of a mapping or list */
	const char *str;      /* Y_SCALAR: NUL-terminated, until the next pull */
	size_t len;
	int plain, line, col;
};
struct yamlio_taker {
	const char *key;
	int (*take)(void *ctx, struct yamlio_load *L, struct ynode *const *pairs, size_t npairs);
	void *ctx;
};
/* The next event of the value being taken, within the limits and checks a
 * tree's nodes have (anchors, tags, lengths, NUL, controls): 0, or -1 for
 * anything a tree would refuse. Keys are the taker's to check (one of each,
 * scalars). */
int yamlio_pull(struct yamlio_load *L, struct yevent *e);
/* The same with a scalar's text left unchecked: for a key the taker
 * compares whole (its length and bytes) to a form's identifier, which no
 * check refuses, or a value it checks with yamlio_text_ok before it keeps
 * anything but digits. */
int yamlio_pull_raw(struct yamlio_load *L, struct yevent *e);
/* 1 when a scalar's text passes what yamlio_pull checks of it. */
int yamlio_text_ok(const struct yevent *e);
int yamlio_load_taking(const char *name, const char *text, size_t len, struct ynode **root,
		       struct diags *d, const struct yamlio_taker *taker);
/* A plain empty, ~ or null scalar's text. */
int yamlio_is_null(const char *s, size_t len, int plain);
/* Frees a whole tree, given its root (the nodes are not freed one by one). */
void ynode_free(struct ynode *root);

struct ynode *ymap_key(const struct ynode *map, size_t i);
struct ynode *ymap_value(const struct ynode *map, size_t i);
struct ynode *ymap_get(const struct ynode *map, const char *key);
/* A plain empty, ~ or null scalar. */
int ynode_is_null(const struct ynode *n);
const char *ynode_kind_name(const struct ynode *n);

/* Writing. Scalars are written plain when that reads back the same, quoted
 * otherwise, or as a literal block for multi-line text. */
enum yemit_style { YEMIT_PLAIN, YEMIT_STRING, YEMIT_LITERAL };
struct yemit;
struct yemit *yemit_new(struct buf *out);
void yemit_map_start(struct yemit *y);
void yemit_map_end(struct yemit *y);
void yemit_seq_start(struct yemit *y, int flow);
void yemit_seq_end(struct yemit *y);
void yemit_scalar(struct yemit *y, const char *s, enum yemit_style style);
/* Finishes the stream; returns 0, or -1 if libyaml refused anything. */
int yemit_finish(struct yemit *y);

#endif
