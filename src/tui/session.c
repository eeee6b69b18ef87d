/* The report's life on disk around the grid: who else has it open, the
 * journal that makes every committed edit survive a crash, and saving,
 * which refuses to overwrite a file changed by someone else without asking
 * and offers another name when the disk says no. */
#include "tui/tui.h"

#include "base/buf.h"
#include "base/diag.h"
#include "engine/engine.h"
#include "model/form.h"
#include "model/report.h"
#include "output/save.h"
#include "output/docfile.h"
#include "base/savefile.h"
#include "model/linked.h"
#include "base/xmalloc.h"

#include <curses.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

static uint64_t session_file_hash(const char *path)
{
	struct buf b;
	buf_init(&b);
	uint64_t h = buf_read_file(&b, path, 0) == 0 ? buf_hash(b.data, b.len) : 0;
	buf_free(&b);
	return h;
}

/* Last year's report, when this one names it: its carry rules are checked
 * and its values shown beside this year's. */
static void session_previous(struct app *a)
{
	char *why;
	struct report *prev = linked_previous(a->r, &why);
	if (prev != NULL) {
		engine_previous(a->e, prev);
		screen_count(a);
	} else if (why != NULL) {
		char *name = linked_name(a->r->path, a->r->previous);
		screen_message(a, 1, _("Last year's report %s cannot be read: %s"), name, why);
		free(name);
		free(why);
	}
}

void session_open(struct app *a)
{
	a->stamp = session_file_hash(a->path);
	session_previous(a);
	/* a roll-up: its parts read again, their differences counted in the
	 * title and listed in F3 as check lists them */
	if (a->r->nparts > 0) {
		engine_parts(a->e, a->path);
		screen_count(a);
	}
	struct diags d;
	diags_init(&d);
	int rc = lock_take(a->path, &a->holder, &a->lock_fd, &d);
	if (rc == 1) {
		a->state = STATE_LOCKED;
	} else if (rc < 0) {
		/* without the lock, no writing: another session may be writing */
		a->readonly = 1;
		screen_message(a, 1, _("Read-only: %s"), d.n ? d.v[0].message : "");
	} else if (save_txt_stale(a->e, a->path, NULL)) {
		/* a save cut short between its renames left them disagreeing */
		if (save_txt_again(a->e, a->path, &d) == 0)
			screen_message(
			    a, 0, "%s",
			    _("The text rendering beside the report did not match it: written "
			      "again"));
	}
	if (rc == 0 && recover_exists(a->path)) {
		recover_load(a->path, a->f, &a->pending.v, &a->pending.n, &d);
		if (a->pending.n > 0)
			a->state = STATE_RECOVER;
		else
			recover_remove(a->path);
	}
	diags_free(&d);
}

void session_close(struct app *a, int clean)
{
	if (!a->readonly) {
		if (clean)
			recover_remove(a->path);
		lock_release(a->path, a->lock_fd);
		a->lock_fd = -1;
	}
	recover_changes_free(a->pending.v, a->pending.n);
	a->pending.v = NULL;
	a->pending.n = 0;
}

/* The file's name without its folder, as the status line gives it. */
static const char *session_base(const char *path)
{
	const char *slash = strrchr(path, '/');
	return slash ? slash + 1 : path;
}

/* The name of a file written beside the report, added to a list. */
static void session_done(char *list, size_t n, const char *path)
{
	const char *base = session_base(path);
	size_t used = strlen(list);
	/* TRANSLATORS: between the names of files in a list */
	snprintf(list + used, n - used, "%s%s", used ? _(", ") : "", base);
}

/* The first file beside the report that was not written, and why. */
static void session_failed(char *first, size_t n, const char *path, const char *why)
{
	const char *base = session_base(path);
	if (!first[0])
		snprintf(first, n, "%s (%s)", base, why);
}

/* Saves to path for real. */
static int session_write(struct app *a, const char *path)
{
	struct diags d;
	diags_init(&d);
	int rc = save_report(a->e, path, &d);
	if (rc < 0) {
		edit_start_text(&a->ed, path);
		screen_message(a, 1, _("Not saved: %s"), d.n ? d.v[0].message : "");
		a->state = STATE_SAVEAS;
		diags_free(&d);
		return -1;
	}
	diags_free(&d);
	if (strcmp(path, a->path) != 0) {
		/* the report is now the new file: its lock and journal move too */
		struct lock_info who;
		struct diags ld;
		diags_init(&ld);
		recover_remove(a->path);
		lock_release(a->path, a->lock_fd);
		free(a->path);
		a->path = xstrdup(path);
		if (lock_take(a->path, &who, &a->lock_fd, &ld) != 0)
			a->lock_fd = -1;
		diags_free(&ld);
	}
	recover_remove(a->path);
	a->stamp = session_file_hash(a->path);
	a->modified = 0;
	a->saved_step = a->hist.done;
	int errors = a->count.errors;
	char *txt = savefile_txt_path(a->path);
	const char *base = session_base(a->path), *tbase = session_base(txt);
	/* the web page, the PDF and the Word file beside them, as asked for
	 * (--html, --pdf, --docx): what was written said, or the first that
	 * was not, and why */
	char done[512] = "", failed[512] = "";
	if (a->html) {
		char *page = savefile_html_path(a->path);
		struct diags hd;
		diags_init(&hd);
		if (save_html(a->e, a->path, &hd) == 0) {
			free(a->html_path);
			a->html_path = xstrdup(page);
			session_done(done, sizeof done, page);
		} else {
			session_failed(failed, sizeof failed, page, hd.n ? hd.v[0].message : "");
		}
		diags_free(&hd);
		free(page);
	}
	for (int k = 0; k < 2; k++) {
		if (!(k == 0 ? a->pdf : a->docx))
			continue;
		enum docfile_kind kind = k == 0 ? DOCFILE_PDF : DOCFILE_DOCX;
		char *to = docfile_beside(a->path, kind), said[256] = "";
		struct buf doc;
		buf_init(&doc);
		int rc = docfile_make(a->path, kind, NULL, &doc, said, sizeof said);
		struct diags dd;
		diags_init(&dd);
		if (rc == 0 && savefile_write(to, doc.data, doc.len, &dd) == 0)
			session_done(done, sizeof done, to);
		else
			session_failed(failed, sizeof failed, to,
				       rc < 0     ? said
				       : dd.n > 0 ? dd.v[0].message
						  : "");
		diags_free(&dd);
		buf_free(&doc);
		free(to);
	}
	if (failed[0]) {
		screen_message(a, 1, _("Saved %s and %s; not written: %s"), base, tbase, failed);
		free(txt);
		return 0;
	}
	if (done[0]) {
		screen_message(a, 0, _("Saved %s, %s and %s"), base, tbase, done);
		free(txt);
		return 0;
	}
	if (errors > 0)
		screen_message(a, 0,
			       ngettext("Saved %s and %s; %d error remains",
					"Saved %s and %s; %d errors remain", errors),
			       base, tbase, errors);
	else
		screen_message(a, 0, _("Saved %s and %s"), base, tbase);
	free(txt);
	return 0;
}

int session_save(struct app *a)
{
	if (screen_readonly(a))
		return -1;
	if (session_file_hash(a->path) != a->stamp) {
		a->state = STATE_CHANGED;
		return 1;
	}
	return session_write(a, a->path);
}

/* One unsaved edit of the earlier session, as the recovery list shows it. */
static char *session_edit_line(const struct app *a, const struct change *ed)
{
	if (ed->kind == CHANGE_ACK)
		return xasprintf("%s › %s: %s", _("Problems"), ed->check->message,
				 ed->text ? ed->text : "·");
	if (ed->kind != CHANGE_CELL) {
		const char *name = ed->kind == CHANGE_HEADER
				       ? a->f->header[ed->index].label
				       : form_prose_part(a->f, ed->index)->tab;
		return xasprintf("%s › %s: %s", ed->kind == CHANGE_HEADER ? _("Cover") : name,
				 ed->kind == CHANGE_HEADER ? name : _("text"),
				 ed->text ? ed->text : "·");
	}
	const struct fcell *fc = &a->f->cells[ed->index];
	char *row = form_row_path(fc->block, fc->r, " › ");
	char *col = form_col_path(fc->block, fc->c, " › ");
	char *was = value_str(&a->r->vals[ed->index]), *now = value_str(&ed->value);
	char *line = xasprintf("%s › %s × %s: %s -> %s", fc->block->table->tab, row, col,
			       *was ? was : "·", *now ? now : "·");
	free(row);
	free(col);
	free(was);
	free(now);
	return line;
}

/* Every unsaved edit, each wrapped whole (a text edit's lines too), from
 * the line a->pending.top; the arrows, PgUp, PgDn and Space scroll. */
void session_diff_draw(struct app *a)
{
	erase();
	move(0, 0);
	attron(A_BOLD);
	screen_text(
	    a, _("Unsaved edits of the earlier session (arrows scroll, any other key returns):"),
	    a->cols, ALIGN_LEFT);
	attrset(A_NORMAL);
	int total = 0, y = 2, room = a->rows - 2;
	for (int i = 0; i < a->pending.n; i++) {
		char *line = session_edit_line(a, &a->pending.v[i]);
		char **w;
		int k = width_wrap_amb(line, a->cols - 3, a->amb, &w);
		for (int j = 0; j < k; j++, total++) {
			if (total < a->pending.top || y >= a->rows)
				continue;
			move(y++, 0);
			screen_text(a, j == 0 ? "" : "  ", 2, ALIGN_LEFT);
			screen_text(a, w[j], a->cols - 3, ALIGN_LEFT);
		}
		width_lines_free(w, k);
		free(line);
	}
	if (a->pending.top > 0 && a->pending.top > total - room)
		a->pending.top = total - room > 0 ? total - room : 0;
	a->pending.lines = total;
}

void session_locked_draw(struct app *a)
{
	char when[64], head[512];
	time_t t = (time_t)a->holder.since;
	strftime(when, sizeof when, "%Y-%m-%d %H:%M", localtime(&t));
	snprintf(head, sizeof head,
		 _("%s is open in another nianbao: process %ld on %s, since %s."),
		 session_base(a->path), a->holder.pid, a->holder.host, when);
	const char *lines[] = {head, "", _("R  open it read-only"), _("Q  quit")};
	erase();
	screen_lines(a, 1, lines, 4);
}

void session_recover_draw(struct app *a)
{
	char head[512];
	snprintf(head, sizeof head,
		 ngettext("%d edit to %s from an earlier session was not saved.",
			  "%d edits to %s from an earlier session were not saved.", a->pending.n),
		 a->pending.n, session_base(a->path));
	const char *lines[] = {head, "", _("R  recover them"), _("D  discard them"),
			       _("S  show them")};
	erase();
	screen_lines(a, 1, lines, 5);
}

void session_changed_draw(struct app *a)
{
	char head[512];
	snprintf(head, sizeof head, _("%s changed on disk since it was opened."),
		 session_base(a->path));
	const char *lines[] = {head, "", _("O  overwrite it with this report"),
			       _("A  save under another name"), _("Esc  do not save")};
	erase();
	screen_lines(a, 1, lines, 5);
}

/* Over the page: the reason below, the name being typed above it. */
void session_saveas_draw(struct app *a)
{
	frame_draw(a);
	move(a->rows - 1, 0);
	attron(A_BOLD);
	screen_text(a, a->message, a->cols, ALIGN_LEFT);
	attrset(A_NORMAL);
	edit_draw(a, a->rows - 2, _("Save as:"));
}

/* A file name typed at the save-as prompt: any text, UTF-8 included. */
int session_saveas_key(struct app *a, int key)
{
	const char *why;
	if (key == KEYS_ESC) {
		a->state = STATE_PAGE;
		a->quit_after_save = 0;
		screen_message(a, 1, "%s", _("Not saved"));
	} else if (key == '\n' || key == '\r') {
		a->state = STATE_PAGE;
		if (*a->ed.buf) {
			char *path = xstrdup(a->ed.buf);
			int rc = session_write(a, path);
			free(path);
			if (rc == 0 && a->quit_after_save)
				return TUI_QUIT;
		}
	} else {
		edit_key(&a->ed, key, NULL, &why);
	}
	return TUI_HANDLED;
}

int session_locked_key(struct app *a, int key)
{
	if (key == 'r' || key == 'R') {
		a->readonly = 1;
		a->state = STATE_PAGE;
		screen_message(a, 0, "%s", _("Read-only: changes cannot be made or saved"));
	} else if (key == 'q' || key == 'Q' || key == KEYS_ESC) {
		return TUI_QUIT;
	}
	return TUI_HANDLED;
}

int session_recover_key(struct app *a, int key)
{
	if (key == 'r' || key == 'R') {
		a->state = STATE_PAGE;
		edits_recover(a);
	} else if (key == 'd' || key == 'D') {
		a->state = STATE_PAGE;
		recover_remove(a->path);
		recover_changes_free(a->pending.v, a->pending.n);
		a->pending.v = NULL;
		a->pending.n = 0;
		screen_message(a, 0, "%s", _("The unsaved edits were discarded"));
	} else if (key == 's' || key == 'S') {
		a->state = STATE_DIFF;
	}
	return TUI_HANDLED;
}

int session_diff_key(struct app *a, int key)
{
	int page = a->rows - 3 > 1 ? a->rows - 3 : 1;
	int step = key == KEYS_DOWN                 ? 1
		   : key == KEYS_UP                 ? -1
		   : key == KEYS_PGDN || key == ' ' ? page
		   : key == KEYS_PGUP               ? -page
						    : 0;
	if (step == 0) {
		a->state = STATE_RECOVER;
		a->pending.top = 0;
	} else {
		a->pending.top += step;
		if (a->pending.top > a->pending.lines - 1)
			a->pending.top = a->pending.lines > 0 ? a->pending.lines - 1 : 0;
		if (a->pending.top < 0)
			a->pending.top = 0;
	}
	return TUI_HANDLED;
}

int session_changed_key(struct app *a, int key)
{
	if (key == 'o' || key == 'O') {
		a->state = STATE_PAGE;
		if (session_write(a, a->path) == 0 && a->quit_after_save)
			return TUI_QUIT;
	} else if (key == 'a' || key == 'A') {
		edit_start_text(&a->ed, a->path);
		screen_message(a, 0, "%s", _("Type the new name, Enter saves, Esc cancels"));
		a->state = STATE_SAVEAS;
	} else if (key == KEYS_ESC) {
		a->state = STATE_PAGE;
		a->quit_after_save = 0;
		screen_message(a, 1, "%s", _("Not saved"));
	}
	return TUI_HANDLED;
}
