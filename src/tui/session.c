/* The report's life on disk around the grid: who else has it open, the
 * journal that makes every committed edit survive a crash, and saving,
 * which refuses to overwrite a file changed by someone else without asking
 * and offers another name when the disk says no. */
#include "tui.h"

#include "buf.h"
#include "diag.h"
#include "engine.h"
#include "form.h"
#include "report.h"
#include "save.h"
#include "savefile.h"
#include "xmalloc.h"

#include <curses.h>
#include <stdlib.h>
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

void session_open(struct app *a)
{
	a->stamp = session_file_hash(a->path);
	struct diags d;
	diags_init(&d);
	int rc = lock_take(a->path, &a->holder, &a->lock_fd, &d);
	if (rc == 1) {
		a->mode = MODE_LOCKED;
	} else if (rc < 0) {
		/* without the lock, no writing: another session may be writing */
		a->readonly = 1;
		app_message(a, 1, _("Read-only: %s"), d.n ? d.v[0].message : "");
	} else if (save_txt_stale(a->e, a->path)) {
		/* a save cut short between its renames left them disagreeing */
		if (save_txt_again(a->e, a->path, &d) == 0)
			app_message(
			    a, 0, "%s",
			    _("The text rendering beside the report did not match it: written "
			      "again"));
	}
	if (rc == 0 && recover_exists(a->path)) {
		recover_load(a->path, a->f, &a->pending, &a->npending, &d);
		if (a->npending > 0)
			a->mode = MODE_RECOVER;
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
	recover_edits_free(a->pending, a->npending);
	a->pending = NULL;
	a->npending = 0;
}

void session_journal(struct app *a, int cell)
{
	struct diags d;
	diags_init(&d);
	if (recover_cell(a->path, a->f, cell, &a->r->vals[cell], &d) < 0)
		app_message(a, 1, _("Warning: edits are not being recorded for recovery: %s"),
			    d.n ? d.v[0].message : "");
	diags_free(&d);
}

/* Saves to path for real. */
static int session_write(struct app *a, const char *path)
{
	struct diags d;
	diags_init(&d);
	int rc = save_report(a->e, path, &d);
	if (rc < 0) {
		snprintf(a->saveas, sizeof a->saveas, "%s", path);
		app_message(a, 1, _("Not saved: %s"), d.n ? d.v[0].message : "");
		a->mode = MODE_SAVEAS;
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
	int errors = 0;
	struct problem *p;
	int n = engine_problems(a->e, &p);
	for (int i = 0; i < n; i++)
		errors += p[i].severity == DIAG_ERROR;
	engine_problems_free(p, n);
	char *txt = savefile_txt_path(a->path);
	const char *base = strrchr(a->path, '/') ? strrchr(a->path, '/') + 1 : a->path;
	const char *tbase = strrchr(txt, '/') ? strrchr(txt, '/') + 1 : txt;
	if (errors > 0)
		app_message(a, 0,
			    ngettext("Saved %s and %s; %d error remains",
				     "Saved %s and %s; %d errors remain", errors),
			    base, tbase, errors);
	else
		app_message(a, 0, _("Saved %s and %s"), base, tbase);
	free(txt);
	return 0;
}

int session_save(struct app *a)
{
	if (a->readonly) {
		app_message(a, 1, "%s", _("Read-only: the report is open in another nianbao"));
		return -1;
	}
	if (session_file_hash(a->path) != a->stamp) {
		a->mode = MODE_CHANGED;
		return 1;
	}
	return session_write(a, a->path);
}

/* A question's lines, each wrapped to the screen: nothing is cut. */
static void session_lines(const struct app *a, const char *const *lines, int n)
{
	erase();
	for (int i = 0, y = 1; i < n && y < a->rows; i++) {
		char **w = NULL;
		int k = *lines[i] ? width_wrap_amb(lines[i], a->cols - 1, a->amb, &w) : 0;
		if (i == 0)
			attron(A_BOLD);
		for (int j = 0; j < k && y < a->rows; j++, y++) {
			move(y, 0);
			grid_text(a, w[j], a->cols - 1, ALIGN_LEFT);
		}
		y += k == 0;
		attrset(A_NORMAL);
		width_lines_free(w, k);
	}
}

/* One unsaved edit of the earlier session, as the recovery list shows it. */
static char *session_edit_line(const struct app *a, const struct recover_edit *ed)
{
	if (ed->kind == RECOVER_ACK)
		return xasprintf("%s › %s: %s", _("Problems"), ed->check->message,
				 ed->text ? ed->text : "·");
	if (ed->kind != RECOVER_CELL) {
		const char *name = ed->kind == RECOVER_HEADER
				       ? a->f->header[ed->cell].label
				       : form_prose_part(a->f, ed->cell)->tab;
		return xasprintf("%s › %s: %s", ed->kind == RECOVER_HEADER ? _("Cover") : name,
				 ed->kind == RECOVER_HEADER ? name : _("text"),
				 ed->text ? ed->text : "·");
	}
	const struct fcell *fc = &a->f->cells[ed->cell];
	char *row = form_row_path(fc->block, fc->r, " › ");
	char *col = form_col_path(fc->block, fc->c, " › ");
	char *was = value_str(&a->r->vals[ed->cell]), *now = value_str(&ed->value);
	char *line = xasprintf("%s › %s × %s: %s -> %s", fc->block->table->tab, row, col,
			       *was ? was : "·", *now ? now : "·");
	free(row);
	free(col);
	free(was);
	free(now);
	return line;
}

/* Every unsaved edit, each wrapped whole (a text edit's lines too), from
 * the line a->diff_top; the arrows, PgUp, PgDn and Space scroll. */
static void session_draw_diff(struct app *a)
{
	erase();
	move(0, 0);
	attron(A_BOLD);
	grid_text(a,
		  _("Unsaved edits of the earlier session (arrows scroll, any other key returns):"),
		  a->cols, ALIGN_LEFT);
	attrset(A_NORMAL);
	int total = 0, y = 2, room = a->rows - 2;
	for (int i = 0; i < a->npending; i++) {
		char *line = session_edit_line(a, &a->pending[i]);
		char **w;
		int k = width_wrap_amb(line, a->cols - 3, a->amb, &w);
		for (int j = 0; j < k; j++, total++) {
			if (total < a->diff_top || y >= a->rows)
				continue;
			move(y++, 0);
			grid_text(a, j == 0 ? "" : "  ", 2, ALIGN_LEFT);
			grid_text(a, w[j], a->cols - 3, ALIGN_LEFT);
		}
		width_lines_free(w, k);
		free(line);
	}
	if (a->diff_top > 0 && a->diff_top > total - room)
		a->diff_top = total - room > 0 ? total - room : 0;
	a->diff_lines = total;
}

static const char *session_base(const char *path)
{
	const char *s = strrchr(path, '/');
	return s ? s + 1 : path;
}

void session_draw(struct app *a)
{
	char buf[2][512];
	switch (a->mode) {
	case MODE_LOCKED: {
		char when[64];
		time_t t = (time_t)a->holder.since;
		strftime(when, sizeof when, "%Y-%m-%d %H:%M", localtime(&t));
		snprintf(buf[0], sizeof buf[0],
			 _("%s is open in another nianbao: process %ld on %s, since %s."),
			 session_base(a->path), a->holder.pid, a->holder.host, when);
		const char *lines[] = {buf[0], "", _("R  open it read-only"), _("Q  quit")};
		session_lines(a, lines, 4);
		break;
	}
	case MODE_RECOVER: {
		snprintf(buf[0], sizeof buf[0],
			 ngettext("%d edit to %s from an earlier session was not saved.",
				  "%d edits to %s from an earlier session were not saved.",
				  a->npending),
			 a->npending, session_base(a->path));
		const char *lines[] = {buf[0], "", _("R  recover them"), _("D  discard them"),
				       _("S  show them")};
		session_lines(a, lines, 5);
		break;
	}
	case MODE_DIFF:
		session_draw_diff(a);
		break;
	case MODE_CHANGED: {
		snprintf(buf[0], sizeof buf[0], _("%s changed on disk since it was opened."),
			 session_base(a->path));
		const char *lines[] = {buf[0], "", _("O  overwrite it with this report"),
				       _("A  save under another name"), _("Esc  do not save")};
		session_lines(a, lines, 5);
		break;
	}
	case MODE_SAVEAS: {
		/* the reason below, the name being typed above it, its end in view */
		move(a->rows - 1, 0);
		attron(A_BOLD);
		grid_text(a, a->message, a->cols, ALIGN_LEFT);
		attrset(A_NORMAL);
		const char *label = _("Save as:");
		int room = a->cols - width_str_amb(label, a->amb) - 2;
		const char *shown = a->saveas;
		int cut = 0;
		while (*shown && width_str_amb(shown, a->amb) > room - cut) {
			shown++;
			while ((*shown & 0xC0) == 0x80)
				shown++;
			cut = 1;
		}
		char *line = xasprintf("%s %s%s", label, cut ? "…" : "", shown);
		move(a->rows - 2, 0);
		grid_text(a, line, a->cols, ALIGN_LEFT);
		int w = width_str_amb(line, a->amb);
		free(line);
		move(a->rows - 2, w < a->cols ? w : a->cols - 1);
		curs_set(1);
		break;
	}
	default:
		break;
	}
}

static void session_recover(struct app *a)
{
	for (int i = 0; i < a->npending; i++) {
		const struct recover_edit *ed = &a->pending[i];
		const char *why;
		if (ed->kind == RECOVER_CELL && engine_edit(a->e, ed->cell, &ed->value) > 0)
			a->modified = 1;
		if (ed->kind == RECOVER_HEADER &&
		    report_set_header(a->r, ed->cell, ed->text, &why) == 0)
			a->modified = 1;
		if (ed->kind == RECOVER_PROSE) {
			report_set_prose(a->r, ed->cell, ed->text);
			a->modified = 1;
		}
		if (ed->kind == RECOVER_ACK &&
		    report_acknowledge(a->r, ed->check, ed->block, ed->r, ed->c, ed->text) == 0)
			a->modified = 1;
	}
	a->saved_step = -1; /* the file lacks them, and no undo reaches it */
	app_message(a, 0,
		    ngettext("%d edit recovered; F2 saves it", "%d edits recovered; F2 saves them",
			     a->npending),
		    a->npending);
	recover_edits_free(a->pending, a->npending);
	a->pending = NULL;
	a->npending = 0;
	app_count(a);
	grid_relayout(a);
}

/* A file name typed at the save-as prompt: any text, UTF-8 included. */
static int session_key_saveas(struct app *a, int key)
{
	size_t n = strlen(a->saveas);
	if (key == 27) {
		a->mode = MODE_GRID;
		a->quit_after_save = 0;
		app_message(a, 1, "%s", _("Not saved"));
	} else if (key == '\n' || key == '\r') {
		a->mode = MODE_GRID;
		if (n > 0 && session_write(a, a->saveas) == 0 && a->quit_after_save)
			return TUI_QUIT;
	} else if (key == 127 || key == 8) {
		while (n > 0 && ((unsigned char)a->saveas[n - 1] & 0xC0) == 0x80)
			n--;
		if (n > 0)
			a->saveas[n - 1] = '\0';
	} else if (key >= 32 && key < 127) {
		if (n + 2 < sizeof a->saveas)
			a->saveas[n] = (char)key, a->saveas[n + 1] = '\0';
	} else if (key >= 128 && key < KEYS_SPECIAL) {
		char mb[8];
		int k = width_encode((uint32_t)key, mb);
		if (n + (size_t)k + 1 < sizeof a->saveas) {
			memcpy(a->saveas + n, mb, (size_t)k);
			a->saveas[n + (size_t)k] = '\0';
		}
	}
	return TUI_HANDLED;
}

int session_key(struct app *a, int key)
{
	switch (a->mode) {
	case MODE_LOCKED:
		if (key == 'r' || key == 'R') {
			a->readonly = 1;
			a->mode = MODE_GRID;
			app_message(a, 0, "%s", _("Read-only: changes cannot be made or saved"));
		} else if (key == 'q' || key == 'Q' || key == 27) {
			return TUI_QUIT;
		}
		return TUI_HANDLED;
	case MODE_RECOVER:
		if (key == 'r' || key == 'R') {
			a->mode = MODE_GRID;
			session_recover(a);
		} else if (key == 'd' || key == 'D') {
			a->mode = MODE_GRID;
			recover_remove(a->path);
			recover_edits_free(a->pending, a->npending);
			a->pending = NULL;
			a->npending = 0;
			app_message(a, 0, "%s", _("The unsaved edits were discarded"));
		} else if (key == 's' || key == 'S') {
			a->mode = MODE_DIFF;
		}
		return TUI_HANDLED;
	case MODE_DIFF: {
		int page = a->rows - 3 > 1 ? a->rows - 3 : 1;
		int step = key == KEYS_DOWN                 ? 1
			   : key == KEYS_UP                 ? -1
			   : key == KEYS_PGDN || key == ' ' ? page
			   : key == KEYS_PGUP               ? -page
							    : 0;
		if (step == 0) {
			a->mode = MODE_RECOVER;
			a->diff_top = 0;
		} else {
			a->diff_top += step;
			if (a->diff_top > a->diff_lines - 1)
				a->diff_top = a->diff_lines > 0 ? a->diff_lines - 1 : 0;
			if (a->diff_top < 0)
				a->diff_top = 0;
		}
		return TUI_HANDLED;
	}
	case MODE_CHANGED:
		if (key == 'o' || key == 'O') {
			a->mode = MODE_GRID;
			if (session_write(a, a->path) == 0 && a->quit_after_save)
				return TUI_QUIT;
		} else if (key == 'a' || key == 'A') {
			snprintf(a->saveas, sizeof a->saveas, "%s", a->path);
			app_message(a, 0, "%s", _("Type the new name, Enter saves, Esc cancels"));
			a->mode = MODE_SAVEAS;
		} else if (key == 27) {
			a->mode = MODE_GRID;
			a->quit_after_save = 0;
			app_message(a, 1, "%s", _("Not saved"));
		}
		return TUI_HANDLED;
	case MODE_SAVEAS:
		return session_key_saveas(a, key);
	default:
		return TUI_HANDLED;
	}
}
