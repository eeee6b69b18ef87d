/* The recovery journal: one line a committed edit, after a first line
 * naming the format:
 *   cell TAB table TAB block-or-"-" TAB row TAB column TAB value
 *   header TAB field TAB text        (text escaped: \\ \t \n; "~" blank)
 *   prose TAB part TAB text
 *   ack TAB check TAB table TAB block TAB row TAB column TAB reason   ("-" absent) */
#include "engine/recover.h"
#include "base/i18n.h"
#include "base/buf.h"
#include "base/diag.h"
#include "model/form.h"
#include "base/savefile.h"
#include "base/xmalloc.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define RECOVER_MAGIC "nianbao-recovery 1\n"

char *recover_path(const char *path)
{
	return savefile_hidden(path, ".recover");
}

int recover_exists(const char *path)
{
	char *rp = recover_path(path);
	struct stat st;
	/* only a journal that is a file of ours is read (not a planted link) */
	int yes = lstat(rp, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == geteuid();
	free(rp);
	return yes;
}

void recover_remove(const char *path)
{
	char *rp = recover_path(path);
	unlink(rp);
	free(rp);
}

/* Appends one line, creating the journal (0600) with its first line. */
static int recover_append(const char *path, struct buf *line, struct diags *d)
{
	char *rp = recover_path(path);
	/* never through a link planted in a shared folder, only a file of ours */
	int fd = open(rp, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
	int rc = 0;
	struct stat st;
	if (fd >= 0 && (fstat(fd, &st) < 0 || !S_ISREG(st.st_mode) || st.st_uid != geteuid())) {
		close(fd);
		fd = -1;
		errno = EPERM;
	}
	if (fd < 0) {
		rc = -1;
	} else {
		struct buf all;
		buf_init(&all);
		if (lseek(fd, 0, SEEK_END) == 0)
			buf_puts(&all, RECOVER_MAGIC);
		buf_add(&all, line->data, line->len);
		if (write(fd, all.data, all.len) != (ssize_t)all.len || fsync(fd) < 0)
			rc = -1;
		buf_free(&all);
		close(fd);
	}
	if (rc < 0)
		diags_add(d, DIAG_ERROR, rp, 0, 0, "cannot record the edit: %s",
			  errno == ELOOP   ? _("it is a symbolic link, not a file of nianbao's")
			  : errno == EPERM ? _("it is not a file of yours")
					   : strerror(errno));
	free(rp);
	return rc;
}

static void recover_escape(struct buf *line, const char *text)
{
	if (text == NULL)
		buf_putc(line, '~');
	for (const char *p = text; p && *p; p++) {
		if (*p == '\\' || *p == '\t' || *p == '\n' || *p == '~')
			buf_putc(line, '\\');
		buf_putc(line, *p == '\t' ? 't' : *p == '\n' ? 'n' : *p);
	}
}

static void recover_text(struct buf *line0, const struct form *f, enum change_kind kind, int index,
			 const char *text)
{
	struct buf *line = line0;
	const char *id =
	    kind == CHANGE_HEADER ? f->header[index].id : form_prose_part(f, index)->id;
	buf_printf(line, "%s\t%s\t", kind == CHANGE_HEADER ? "header" : "prose", id);
	recover_escape(line, text);
	buf_putc(line, '\n');
}

static void recover_ack(struct buf *line, const struct fcheck *check, const struct fblock *b,
			int row, int col, const char *reason)
{
	buf_printf(line, "ack\t%s\t%s\t%s\t%s\t%s\t", check->id, b ? b->table->id : "-",
		   b && b->id ? b->id : "-", b && row >= 0 ? b->row[row]->id : "-",
		   b && col >= 0 ? b->col[col]->id : "-");
	recover_escape(line, reason && *reason ? reason : NULL);
	buf_putc(line, '\n');
}

static char *recover_unescape(const char *s)
{
	if (strcmp(s, "~") == 0)
		return NULL;
	struct buf b;
	buf_init(&b);
	for (const char *p = s; *p; p++) {
		if (*p == '\\' && p[1]) {
			p++;
			buf_putc(&b, *p == 't' ? '\t' : *p == 'n' ? '\n' : *p);
		} else {
			buf_putc(&b, *p);
		}
	}
	return b.data;
}

static void recover_cell(struct buf *line, const struct form *f, int cell, const struct value *v)
{
	const struct fcell *fc = &f->cells[cell];
	char *val = value_str(v);
	buf_printf(line, "cell\t%s\t%s\t%s\t%s\t%s\n", fc->block->table->id,
		   fc->block->id ? fc->block->id : "-", fc->block->row[fc->r]->id,
		   fc->block->col[fc->c]->id, val);
	free(val);
}

int recover_changes(const char *path, const struct form *f, const struct change *c, int n,
		    struct diags *d)
{
	struct buf lines;
	buf_init(&lines);
	for (int i = 0; i < n; i++)
		switch (c[i].kind) {
		case CHANGE_CELL:
			recover_cell(&lines, f, c[i].index, &c[i].value);
			break;
		case CHANGE_HEADER:
		case CHANGE_PROSE:
			recover_text(&lines, f, c[i].kind, c[i].index, c[i].text);
			break;
		case CHANGE_ACK:
			recover_ack(&lines, c[i].check, c[i].block, c[i].r, c[i].c, c[i].text);
			break;
		}
	int rc = n > 0 ? recover_append(path, &lines, d) : 0;
	buf_free(&lines);
	return rc;
}

/* The cell a journal line names, or -1. */
static int recover_find(const struct form *f, char **field)
{
	const struct ftable *t = form_table(f, field[1]);
	if (t == NULL)
		return -1;
	const struct fblock *b = strcmp(field[2], "-") == 0 ? (t->implicit ? t->blocks[0] : NULL)
							    : form_block(t, field[2]);
	if (b == NULL)
		return -1;
	const struct fnode *r = form_node(&b->rows, field[3]), *c = form_node(&b->cols, field[4]);
	if (r == NULL || c == NULL || r->nkids > 0 || c->nkids > 0)
		return -1;
	return form_cell(b, r->leaf, c->leaf);
}

int recover_load(const char *path, const struct form *f, struct change **edits, int *n,
		 struct diags *d)
{
	char *rp = recover_path(path);
	struct buf b;
	buf_init(&b);
	*edits = NULL;
	*n = 0;
	int rc = 0;
	if (buf_read_file(&b, rp, 0) < 0 ||
	    strncmp(b.data, RECOVER_MAGIC, strlen(RECOVER_MAGIC)) != 0) {
		diags_add(d, DIAG_ERROR, rp, 1, 1, "not a nianbao recovery file");
		rc = -1;
		goto out;
	}
	int lineno = 1;
	char *save = NULL;
	for (char *l = strtok_r(b.data + strlen(RECOVER_MAGIC), "\n", &save); l != NULL;
	     l = strtok_r(NULL, "\n", &save)) {
		lineno++;
		char *field[7] = {0};
		int k = 0;
		for (char *p = l; k < 7 && p != NULL; k++) {
			field[k] = p;
			p = strchr(p, '\t');
			if (p != NULL)
				*p++ = '\0';
		}
		if (k >= 3 && (strcmp(field[0], "header") == 0 || strcmp(field[0], "prose") == 0)) {
			int header = field[0][0] == 'h';
			const struct fpart *part = header ? NULL : form_part(f, field[1]);
			int index = header                             ? form_hfield(f, field[1])
				    : part && part->kind == PART_PROSE ? part->prose
								       : -1;
			if (index < 0) {
				diags_add(d, DIAG_WARNING, rp, lineno, 1,
					  "unreadable edit left out");
				continue;
			}
			*edits = xreallocarray(*edits, (size_t)*n + 1, sizeof **edits);
			(*edits)[(*n)++] =
			    (struct change){.kind = header ? CHANGE_HEADER : CHANGE_PROSE,
					    .index = index,
					    .text = recover_unescape(field[2]),
					    .r = -1,
					    .c = -1};
			continue;
		}
		if (k == 7 && strcmp(field[0], "ack") == 0) {
			struct change ed = {.kind = CHANGE_ACK, .index = -1, .r = -1, .c = -1};
			for (int i = 0; i < f->nchecks; i++)
				if (strcmp(f->checks[i].id, field[1]) == 0)
					ed.check = &f->checks[i];
			if (strcmp(field[2], "-") != 0) {
				const struct ftable *t = form_table(f, field[2]);
				ed.block = t == NULL ? NULL
					   : strcmp(field[3], "-") == 0
					       ? (t->implicit ? t->blocks[0] : NULL)
					       : form_block(t, field[3]);
				const struct fnode *rn = ed.block && strcmp(field[4], "-")
							     ? form_node(&ed.block->rows, field[4])
							     : NULL;
				const struct fnode *cn = ed.block && strcmp(field[5], "-")
							     ? form_node(&ed.block->cols, field[5])
							     : NULL;
				ed.r = rn ? rn->leaf : -1;
				ed.c = cn ? cn->leaf : -1;
				if (ed.block == NULL)
					ed.check = NULL;
			}
			if (ed.check == NULL) {
				diags_add(d, DIAG_WARNING, rp, lineno, 1,
					  "unreadable edit left out");
				continue;
			}
			ed.text = recover_unescape(field[6]);
			*edits = xreallocarray(*edits, (size_t)*n + 1, sizeof **edits);
			(*edits)[(*n)++] = ed;
			continue;
		}
		int cell = k == 6 && strcmp(field[0], "cell") == 0 ? recover_find(f, field) : -1;
		struct value v;
		const char *why;
		if (cell < 0 || value_parse(field[5], &f->cells[cell].type, &v, &why) < 0) {
			/* a line cut short by a crash is the only one that can be bad:
			 * everything before it is good */
			diags_add(d, DIAG_WARNING, rp, lineno, 1, "unreadable edit left out");
			continue;
		}
		*edits = xreallocarray(*edits, (size_t)*n + 1, sizeof **edits);
		(*edits)[(*n)++] = (struct change){
		    .kind = CHANGE_CELL, .index = cell, .value = v, .r = -1, .c = -1};
	}
out:
	buf_free(&b);
	free(rp);
	return rc;
}

void recover_changes_free(struct change *changes, int n)
{
	for (int i = 0; i < n; i++)
		change_clear(&changes[i]);
	free(changes);
}
