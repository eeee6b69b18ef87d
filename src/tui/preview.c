/* Preview (F4): the text rendering, scrollable, exactly as it will print;
 * and print (F5): the rendering piped to the print command, run without a
 * shell so that nothing in the report's text is ever interpreted. */
#include "tui.h"

#include "buf.h"
#include "diag.h"
#include "engine.h"
#include "page.h"
#include "render.h"
#include "xmalloc.h"

#include <curses.h>
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* The rendering as it prints, or (screen) as this terminal can show it. */
static char *preview_text(const struct app *a, int screen)
{
	struct buf b;
	buf_init(&b);
	struct diags d;
	diags_init(&d);
	struct render_opts o = render_defaults();
	/* ruled in ASCII unless the terminal is known to draw box drawing wide */
	if (screen) {
		o.ascii = !a->amb;
		o.wide_ambiguous = a->amb;
	}
	page_report(a->e, &o, &b, &d);
	diags_free(&d);
	return b.data;
}

void preview_draw(struct app *a)
{
	char *text = preview_text(a, 1);
	erase();
	move(0, 0);
	attron(A_REVERSE);
	grid_text(a, _("Preview, as printed (80 columns): arrows scroll, F5 prints, Esc back"),
		  a->cols, ALIGN_LEFT);
	attrset(A_NORMAL);
	int line = 0, y = 1;
	for (char *p = text; *p && y < a->rows; line++) {
		char *e = strchr(p, '\n');
		if (e != NULL)
			*e = '\0';
		if (line >= a->preview_top) {
			/* skip preview_left columns, cut at the screen's width */
			const char *s = p;
			int skip = 0;
			while (*s && skip < a->preview_left) {
				uint32_t cp;
				int k = width_decode(s, strlen(s), &cp);
				skip += k > 0 ? width_char_amb(cp, a->amb) : 1;
				s += k > 0 ? k : 1;
			}
			move(y++, 0);
			grid_text(a, s, a->cols, ALIGN_LEFT);
		}
		if (e == NULL)
			break;
		p = e + 1;
	}
	a->preview_lines = line;
	free(text);
}

int preview_key(struct app *a, int key)
{
	int page = a->rows - 2;
	switch (key) {
	case KEYS_UP:
	case 'k':
		a->preview_top -= a->preview_top > 0;
		break;
	case KEYS_DOWN:
	case 'j':
		a->preview_top += a->preview_top + page < a->preview_lines;
		break;
	case KEYS_PGDN:
	case ' ':
		a->preview_top += page;
		if (a->preview_top > a->preview_lines - page)
			a->preview_top = a->preview_lines - page > 0 ? a->preview_lines - page : 0;
		break;
	case KEYS_PGUP:
		a->preview_top = a->preview_top > page ? a->preview_top - page : 0;
		break;
	case KEYS_HOME:
		a->preview_top = 0;
		break;
	case KEYS_END:
		a->preview_top = a->preview_lines - page > 0 ? a->preview_lines - page : 0;
		break;
	case KEYS_LEFT:
		a->preview_left = a->preview_left > 8 ? a->preview_left - 8 : 0;
		break;
	case KEYS_RIGHT:
		a->preview_left += 8;
		break;
	case 27:
	case 'q':
	case KEYS_F(4):
		a->view = VIEW_NONE;
		break;
	default:
		return 0;
	}
	return TUI_HANDLED;
}

static void preview_print_now(struct app *a);

void preview_print(struct app *a)
{
	if (a->errors == 0) {
		preview_print_now(a);
		return;
	}
	/* a report with errors is rarely meant for paper: ask first */
	app_ask(a, preview_print_now,
		ngettext("The report has %d error. Print it all the same?",
			 "The report has %d errors. Print it all the same?", a->errors),
		a->errors);
}

static void preview_print_now(struct app *a)
{
	char *text = preview_text(a, 0);
	char *copy = xstrdup(a->print_command);
	char *argv[32];
	int argc = app_words(copy, argv, 32);
	int in[2], err[2];
	if (argc == 0 || pipe(in) < 0 || pipe(err) < 0) {
		app_message(a, 1, "%s", _("Not printed: no print command"));
		free(copy);
		free(text);
		return;
	}
	pid_t pid = fork();
	if (pid == 0) {
		dup2(in[0], 0);
		dup2(err[1], 1);
		dup2(err[1], 2);
		close(in[1]);
		close(err[0]);
		execvp(argv[0], argv);
		/* marked, so the parent knows exec failed whatever the exit status */
		dprintf(2, "\001%s", strerror(errno));
		_exit(127);
	}
	close(in[0]);
	close(err[1]);
	void (*old)(int) = signal(SIGPIPE, SIG_IGN);
	size_t len = strlen(text);
	for (size_t off = 0; pid > 0 && off < len;) {
		ssize_t w = write(in[1], text + off, len - off);
		if (w <= 0)
			break;
		off += (size_t)w;
	}
	close(in[1]);
	char said[256] = "";
	ssize_t got = read(err[0], said, sizeof said - 1);
	said[got > 0 ? got : 0] = '\0';
	char *nl = strchr(said, '\n');
	if (nl != NULL)
		*nl = '\0';
	close(err[0]);
	int status = -1;
	while (pid > 0 && waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	signal(SIGPIPE, old);
	if (said[0] == '\001')
		app_message(a, 1, _("Not printed: cannot run %s: %s"), argv[0], said + 1);
	else if (pid > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0)
		app_message(a, 0, _("Printed with %s"), a->print_command);
	else
		app_message(a, 1, _("Not printed: %s failed (%d) %s"), a->print_command,
			    pid > 0 && WIFEXITED(status) ? WEXITSTATUS(status) : -1, said);
	free(copy);
	free(text);
}
