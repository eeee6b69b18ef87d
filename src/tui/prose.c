/* A prose page: the section's text wrapped by the same Chinese rules as the
 * rendering, scrolled with the arrows; e or Enter opens it in $VISUAL or
 * $EDITOR (as git and mutt do), the screen suspended and restored, and the
 * text comes back as one step of undo. */
#include "tui/tui.h"

#include "base/buf.h"
#include "base/child.h"
#include "model/form.h"
#include "model/report.h"
#include "base/text.h"
#include "base/xmalloc.h"

#include <curses.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int prose_index(const struct app *a)
{
	return a->pages[a->page].index;
}

/* The section as screen lines, by the rendering's rules. */
static char **prose_lines(const struct app *a, int *n)
{
	char **lines;
	*n = width_paragraphs(a->r->prose[prose_index(a)], a->cols - 2 > 2 ? a->cols - 2 : 2,
			      a->amb, &lines);
	return lines;
}

void prose_draw(struct app *a, int y0, int y1)
{
	const struct fpart *part = form_prose_part(a->f, prose_index(a));
	move(y0, 0);
	attron(A_BOLD);
	screen_text(a, part->title ? part->title : part->tab, a->cols, ALIGN_LEFT);
	attrset(A_NORMAL);
	int n;
	char **lines = prose_lines(a, &n);
	if (n == 0) {
		move(y0 + 2, 2);
		attron(A_DIM);
		screen_text(a, _("(empty: press e or Enter to write it)"), a->cols - 2, ALIGN_LEFT);
		attrset(A_NORMAL);
	}
	int room = y1 - y0;
	if (a->prose_top > n - room)
		a->prose_top = n - room > 0 ? n - room : 0;
	for (int i = a->prose_top, y = y0 + 1; i < n && y <= y1; i++, y++) {
		move(y, 1);
		screen_text(a, lines[i], a->cols - 1, ALIGN_LEFT);
	}
	width_lines_free(lines, n);
}

void prose_status(const struct app *a)
{
	const char *text = a->r->prose[prose_index(a)];
	char *s = xasprintf(_("%d characters  e or Enter: edit in your editor"),
			    text ? width_chars(text, strlen(text)) : 0);
	screen_text(a, s, a->cols, ALIGN_LEFT);
	free(s);
}

/* The editor to run: $VISUAL, $EDITOR, else the system's editor, else vi. */
static char *prose_editor(void)
{
	const char *names[] = {getenv("VISUAL"), getenv("EDITOR")};
	for (int i = 0; i < 2; i++)
		if (names[i] != NULL && *names[i])
			return xstrdup(names[i]);
	const char *fallback[] = {"editor", "sensible-editor", "nano", "vi"};
	const char *path = getenv("PATH");
	for (size_t i = 0; i < sizeof fallback / sizeof fallback[0]; i++)
		for (const char *p = path ? path : "/usr/bin:/bin"; *p;) {
			const char *c = strchr(p, ':');
			size_t len = c ? (size_t)(c - p) : strlen(p);
			char *full = xasprintf("%.*s/%s", (int)len, p, fallback[i]);
			int ok = access(full, X_OK) == 0;
			free(full);
			if (ok)
				return xstrdup(fallback[i]);
			p = c ? c + 1 : p + len;
		}
	return xstrdup("vi");
}

/* The text back from the editor: data, never control, or refused whole;
 * else one step of undo. */
static void prose_back(struct app *a, int index, const char *text)
{
	size_t bad;
	const char *why;
	if (text_check(text, TEXT_PROSE, &bad, &why) < 0) {
		char *q = text_quote(text + bad, 12);
		screen_message(a, 1, _("The text was not taken: it %s (at '%s')"), _(why), q);
		free(q);
		return;
	}
	if (edits_one(a, change_text(CHANGE_PROSE, index, text), &why) > 0)
		screen_message(a, 0, "%s", _("The text is back in the report (u undoes it)"));
	else
		screen_message(a, 0, "%s", _("The text was not changed"));
}

static void prose_edit(struct app *a)
{
	int index = prose_index(a);
	const char *tmpdir = getenv("TMPDIR");
	char *file = xasprintf("%s/nianbao-prose-XXXXXX.txt", tmpdir && *tmpdir ? tmpdir : "/tmp");
	int fd = mkstemps(file, 4);
	if (fd < 0) {
		screen_message(a, 1, _("Cannot edit: %s"), strerror(errno));
		free(file);
		return;
	}
	const char *text = a->r->prose[index];
	size_t len = text ? strlen(text) : 0;
	int ok = (len == 0 || write(fd, text, len) == (ssize_t)len) && write(fd, "\n", 1) == 1;
	close(fd);
	char *editor = prose_editor();
	int status = -1;
	if (ok) {
		screen_suspend();
		status = child_run(editor, file, NULL, 0, NULL, 0);
		screen_resume();
	}
	struct buf back;
	buf_init(&back);
	if (!ok || buf_read_file(&back, file, 0) < 0) {
		screen_message(a, 1, _("Cannot edit: %s"), strerror(errno));
	} else if (status != 0) {
		screen_message(a, 1, _("%s ended with status %d: the text is left as it was"),
			       editor, status);
	} else {
		prose_back(a, index, back.data);
	}
	buf_free(&back);
	unlink(file);
	free(file);
	free(editor);
}

int prose_key(struct app *a, int key)
{
	int page = a->rows - 5;
	switch (key) {
	case KEYS_UP:
	case 'k':
		a->prose_top -= a->prose_top > 0;
		return TUI_HANDLED;
	case KEYS_DOWN:
	case 'j':
		a->prose_top++;
		return TUI_HANDLED;
	case KEYS_PGUP:
		a->prose_top = a->prose_top > page ? a->prose_top - page : 0;
		return TUI_HANDLED;
	case KEYS_PGDN:
		a->prose_top += page;
		return TUI_HANDLED;
	case KEYS_HOME:
		a->prose_top = 0;
		return TUI_HANDLED;
	case 'e':
	case '\n':
	case '\r':
		if (!screen_readonly(a))
			prose_edit(a);
		return TUI_HANDLED;
	default:
		return 0;
	}
}
