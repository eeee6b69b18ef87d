/* The recovery journal: every committed edit appended, synced, to
 * .NAME.recover beside the report (mode 0600: reports can hold unpublished
 * figures) before the next key is read, so that a closed terminal or a
 * kill -9 loses nothing. A clean save or quit removes it. */
#ifndef NIANBAO_RECOVER_H
#define NIANBAO_RECOVER_H
#include "value.h"

struct diags;
struct form;
struct fcheck;
struct fblock;

enum recover_kind { RECOVER_CELL, RECOVER_HEADER, RECOVER_PROSE, RECOVER_ACK };

struct recover_edit {
	enum recover_kind kind;
	int cell;           /* RECOVER_CELL: the cell; else the header field or prose part */
	struct value value; /* RECOVER_CELL */
	char *text;         /* RECOVER_HEADER, RECOVER_PROSE: the new text (NULL blank);
			     * RECOVER_ACK: the reason (NULL withdraws it) */
	const struct fcheck *check; /* RECOVER_ACK: the warning acknowledged */
	const struct fblock *block;
	int r, c;
	int line;
};

char *recover_path(const char *path);
int recover_exists(const char *path);
/* Appends one cell's new value; 0, or -1 with a diagnostic. */
int recover_cell(const char *path, const struct form *f, int cell, const struct value *v,
		 struct diags *d);
/* Appends a header field's or a prose part's new text (NULL: blank). */
int recover_text(const char *path, const struct form *f, enum recover_kind kind, int index,
		 const char *text, struct diags *d);
/* Appends an acknowledgement of a warning (reason NULL: withdrawn). */
int recover_ack(const char *path, const struct fcheck *check, const struct fblock *b, int row,
		int col, const char *reason, struct diags *d);
/* Reads the journal of path; the edits in order, last one of a cell wins. */
int recover_load(const char *path, const struct form *f, struct recover_edit **edits, int *n,
		 struct diags *d);
void recover_edits_free(struct recover_edit *edits, int n);
void recover_remove(const char *path);

#endif
