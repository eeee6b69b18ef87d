/* A report: the values a clerk fills into one form, with its header and
 * prose; loaded from and saved to YAML. Saving is deterministic (keys in
 * form order), so that load then save gives back the same bytes. */
#ifndef NIANBAO_REPORT_H
#define NIANBAO_REPORT_H
#include "model/value.h"

struct form;
struct diags;
struct buf;
struct fcheck;
struct fblock;

/* A warning the clerk has looked at and kept, with the reason. */
struct report_ack {
	const struct fcheck *check;
	const struct fblock *block; /* NULL for a check over several blocks */
	int r, c;                   /* -1 where the check spans */
	char *reason;
	int line, col;
};

struct report {
	const struct form *form;
	struct form *owned_form; /* set when report_load found the form itself */
	char *path;              /* NULL for a report not read from a file */
	char **header;           /* one per header field; NULL is blank */
	char **prose;            /* one per prose part; NULL is empty */
	struct value *vals;      /* one per cell */
	struct value *stored;    /* computed cells as the file stored them */
	int *line, *col;         /* where each cell was read (0 if it was not) */
	struct report_ack *acks;
	int nacks;
	char *previous; /* last year's report, relative to this one's folder; NULL if none */
	/* a report imported from a published page or text: the file, its
	 * SHA-256, and per cell where its figure was (line 120); NULL if not */
	char *source, *source_sha256;
	char **source_at;
	/* a roll-up (nianbao sum): the reports summed into it */
	struct report_part *parts;
	int nparts;
};

/* One report summed into a roll-up: its file (relative to the roll-up's
 * folder), its organ and the SHA-256 of its bytes when summed. */
struct report_part {
	char *file, *organ, *sha256;
};

struct report *report_new(const struct form *f);
/* Adds a part to a roll-up (the strings are copied). */
void report_add_part(struct report *r, const char *file, const char *organ, const char *sha256);
/* Reads path. form may be NULL: the form the file names is then found on
 * the form path. NULL after one diagnostic naming file:line:column. */
struct report *report_load(const char *path, const struct form *form, struct diags *d);
/* The same, its form taken from (or added to) a cache of forms. */
struct formpath_cache;
struct report *report_load_cached(const char *path, struct formpath_cache *cache, struct diags *d);
/* The same, and the SHA-256 of the file's bytes as read (a roll-up's part). */
struct report *report_load_hashed(const char *path, struct formpath_cache *cache, char sha256[65],
				  struct diags *d);
/* The same from text in memory; name stands for the file in messages. */
/* 1: every report read as one whole tree, as before its tables were
 * taken as events; for the tests and the fuzz harness, which hold the two
 * ways to the same reports and the same messages. */
extern int report_tree_only;
struct report *report_load_string(const char *name, const char *text, size_t len,
				  const struct form *form, struct diags *d);
void report_free(struct report *r);
/* The YAML text of the report; 0, or -1 if libyaml refused it. */
int report_to_yaml(const struct report *r, struct buf *out);

/* Checks text for a header field of the form; NULL when it is fine, else
 * a short English reason. */
const char *report_header_problem(const struct report *r, int field, const char *text);
/* Stores a header value (NULL or "" blanks it); -1 with *why if invalid. */
int report_set_header(struct report *r, int field, const char *text, const char **why);
/* Stores prose, normalising line ends and trailing spaces. */
void report_set_prose(struct report *r, int prose, const char *text);
/* Acknowledges the warning of check at (block, r, c) with a reason (a new
 * reason replaces an old one; NULL or "" withdraws it). -1 for an error
 * check, which cannot be acknowledged. */
int report_acknowledge(struct report *r, const struct fcheck *check, const struct fblock *b,
		       int row, int col, const char *reason);
const struct report_ack *report_ack_find(const struct report *r, const struct fcheck *check,
					 const struct fblock *b, int row, int col);
/* The path of the report named by previous: as this process can open it
 * (relative to the folder of r->path); NULL if none. To free. */
char *report_previous_path(const struct report *r);
/* A file a report names (previous:, a roll-up's parts) as this process can
 * open it: relative to the folder of the report's path. To free. */
char *report_beside(const char *path, const char *file);
/* The key of a cell in source: cells (table.block.row.column, no block in
 * a table of one grid), and back; -1 when the form has no such cell. */
char *report_cell_path(const struct form *f, int cell);
int report_cell_by_path(const struct form *f, const char *path);
/* A header value as printed (a date as 2020年12月25日); "" when blank. */
/* The one answer to which organ and which year a report is for: the
 * header field with id organ (a form without one: its first text field),
 * as displayed, "" when blank (to free); the field with id year, 0 when
 * blank or none. */
char *report_organ(const struct report *r);
/* Which header field of f is the organ (as report_organ), or -1. */
int report_organ_field(const struct form *f);
int report_year(const struct report *r);
char *report_header_display(const struct report *r, int field);
/* The form's heading or a signature line with {field} filled in. */
char *report_expand(const struct report *r, const char *tmpl);

#endif
