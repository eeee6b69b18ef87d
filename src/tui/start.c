/* Starting without a file: `nianbao new` asks for the form, organ, year and
 * file name; `nianbao` alone lists the recent reports and the forms. Plain
 * questions on the terminal (they work the same over any SSH), then the
 * editing screen opens on the report. Recent files are kept, newest first,
 * in $XDG_STATE_HOME/nianbao/recent (~/.local/state/nianbao/recent). */
#include "tui/tui.h"

#include "base/buf.h"
#include "base/diag.h"
#include "engine/chain.h"
#include "engine/engine.h"
#include "model/form.h"
#include "model/formpath.h"
#include "base/keys.h"
#include "model/report.h"
#include "output/save.h"
#include "base/savefile.h"
#include "base/width.h"
#include "base/xmalloc.h"

#include <errno.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define START_RECENT 10

static char *start_state_dir(void)
{
	const char *xdg = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	if (xdg != NULL && *xdg)
		return xasprintf("%s/nianbao", xdg);
	return xasprintf("%s/.local/state/nianbao", home && *home ? home : ".");
}

/* The recent files, newest first; free each and the array. */
static int start_recent(char ***out)
{
	char *dir = start_state_dir(), *file = xasprintf("%s/recent", dir);
	struct buf b;
	buf_init(&b);
	int n = 0;
	*out = NULL;
	if (buf_read_file(&b, file, 0) == 0)
		for (char *save, *l = strtok_r(b.data, "\n", &save); l && n < START_RECENT;
		     l = strtok_r(NULL, "\n", &save)) {
			if (access(l, F_OK) != 0)
				continue; /* gone since: not offered */
			*out = xreallocarray(*out, (size_t)n + 1, sizeof **out);
			(*out)[n++] = xstrdup(l);
		}
	buf_free(&b);
	free(file);
	free(dir);
	return n;
}

void start_remember(const char *path)
{
	char *abs = realpath(path, NULL);
	if (abs == NULL)
		return;
	char **old;
	int n = start_recent(&old);
	struct buf b;
	buf_init(&b);
	buf_printf(&b, "%s\n", abs);
	for (int i = 0; i < n; i++) {
		if (strcmp(old[i], abs) != 0 && i < START_RECENT - 1)
			buf_printf(&b, "%s\n", old[i]);
		free(old[i]);
	}
	free(old);
	char *dir = start_state_dir(), *file = xasprintf("%s/recent", dir);
	/* mkdir -p of the state folder */
	for (char *p = dir + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			mkdir(dir, 0700);
			*p = '/';
		}
	mkdir(dir, 0700);
	/* a convenience list, not a report: written simply, a failure ignored */
	char *tmp = xasprintf("%s.%ld", file, (long)getpid());
	FILE *fp = fopen(tmp, "w");
	if (fp != NULL) {
		int ok = fwrite(b.data, 1, b.len, fp) == b.len;
		if (fclose(fp) == 0 && ok)
			rename(tmp, file);
	}
	unlink(tmp);
	free(tmp);
	buf_free(&b);
	free(file);
	free(dir);
	free(abs);
}

/* Redraws the answer being typed after the question, on the one line: the
 * line from its start, cleared to its end, the cursor put back where the
 * next character goes. An answer longer than the line scrolls within it,
 * its start marked <, as in a cell. */
static void start_redraw(const char *prompt, const struct edit *ed)
{
	int cols = width_terminal(1);
	int room = (cols > 0 ? cols : 80) - width_str(prompt) - 2;
	if (room < 8)
		room = 8;
	const char *t = ed->buf;
	int start = 0;
	while (start < ed->pos && width_strn(t + start, (size_t)(ed->pos - start)) >= room) {
		start++;
		while (start < ed->pos && ((unsigned char)t[start] & 0xC0) == 0x80)
			start++;
	}
	int used = (start > 0) + width_strn(t + start, (size_t)(ed->pos - start));
	size_t tail = width_fit(t + ed->pos, room - used > 0 ? room - used : 0);
	int after = width_strn(t + ed->pos, tail);
	printf("\r%s%s%.*s%.*s\033[K", prompt, start > 0 ? "<" : "", ed->pos - start, t + start,
	       (int)tail, t + ed->pos);
	if (after > 0)
		printf("\033[%dD", after);
	fflush(stdout);
}

/* One line typed on a terminal, edited as a cell is (the screen's edit
 * line and key decoder: arrows, Home/End, Ctrl-A/E, Backspace, Delete,
 * Ctrl-U, Ctrl-K, Ctrl-W, Alt-Backspace; full-width and pasted text), Tab
 * and other controls ignored. NULL on Ctrl-D with nothing typed or at the
 * end of input. */
static char *start_edit_line(const char *prompt)
{
	struct termios old, raw;
	if (tcgetattr(0, &old) < 0)
		return NULL;
	raw = old;
	raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO | IEXTEN | ISIG); /* Ctrl-C read as a key */
	raw.c_iflag &= ~(tcflag_t)(ICRNL | IXON);
	raw.c_cc[VMIN] = 1;
	raw.c_cc[VTIME] = 0;
	tcsetattr(0, TCSAFLUSH, &raw);
	struct keys k;
	keys_init(&k);
	struct edit ed;
	edit_start_text(&ed, "");
	char *out = NULL;
	/* a question too long to leave room for the answer on its line: the
	 * answer goes on the next, after > */
	int cols = width_terminal(1);
	if (width_str(prompt) > (cols > 0 ? cols : 80) - 24) {
		printf("%s\n", prompt);
		prompt = "> ";
	}
	unsigned char u[4];
	int un = 0, need = 0, done = 0;
	start_redraw(prompt, &ed);
	while (!done) {
		struct keys_event ev;
		int got = 0;
		if (keys_pending(&k)) {
			/* the rest of an escape sequence, or a lone Esc */
			struct pollfd pf = {0, POLLIN, 0};
			if (poll(&pf, 1, keys_pending(&k) == 1 ? 50 : 200) <= 0)
				got = keys_timeout(&k, &ev);
		}
		if (!got) {
			unsigned char c;
			ssize_t n = read(0, &c, 1);
			if (n <= 0)
				break;
			/* UTF-8 into code points for the decoder */
			if (need == 0) {
				need = c < 0x80    ? 1
				       : c >= 0xF0 ? 4
				       : c >= 0xE0 ? 3
				       : c >= 0xC0 ? 2
						   : 1;
				un = 0;
			}
			u[un++] = c;
			if (un < need)
				continue;
			uint32_t cp = c;
			if (need > 1 && width_decode((const char *)u, (size_t)need, &cp) < 0)
				cp = 0xFFFD;
			need = 0;
			got = keys_feed(&k, cp, &ev);
		}
		if (!got)
			continue;
		const char *why;
		switch (ev.key) {
		case '\r':
		case '\n':
			out = xstrdup(ed.buf);
			done = 1;
			break;
		case 4: /* Ctrl-D */
			done = ed.len == 0;
			break;
		case 3: /* Ctrl-C: as an interrupt would, but the terminal as it was */
			printf("\n");
			fflush(stdout);
			tcsetattr(0, TCSAFLUSH, &old);
			exit(130);
		case '\t':
		case KEYS_PASTE_START:
		case KEYS_PASTE_END:
			break; /* no tab in a name; a paste is typed as it comes */
		default:
			edit_key(&ed, ev.key, NULL, &why);
		}
		if (!done)
			start_redraw(prompt, &ed);
	}
	printf("\n");
	fflush(stdout);
	keys_free(&k);
	tcsetattr(0, TCSAFLUSH, &old);
	return out;
}

/* One answer, dflt when Enter alone (the one rule for every question: what
 * is in brackets is what Enter takes); NULL at the end of input. */
static char *start_ask(const char *question, const char *dflt)
{
	char *prompt =
	    dflt && *dflt ? xasprintf("%s [%s]: ", question, dflt) : xasprintf("%s: ", question);
	char *line = NULL;
	if (isatty(0) && isatty(1)) {
		line = start_edit_line(prompt);
	} else {
		printf("%s", prompt);
		fflush(stdout);
		char buf[1024];
		if (fgets(buf, sizeof buf, stdin) != NULL) {
			buf[strcspn(buf, "\r\n")] = '\0';
			line = xstrdup(buf);
		}
	}
	free(prompt);
	if (line != NULL && *line == '\0' && dflt != NULL) {
		free(line);
		line = xstrdup(dflt);
	}
	return line;
}

/* The forms, numbered (after the prefix), a line each: on a terminal the
 * title gives way, never the id. */
static void start_print_forms(struct form **forms, int n, const char *prefix)
{
	int cols = width_terminal(1);
	for (int i = 0; i < n; i++) {
		int used = printf("  %s%d) %-24s ", prefix, i + 1, forms[i]->id);
		char *title = formpath_title(forms[i], cols > 0 ? cols - used : 0);
		printf("%s\n", title);
		free(title);
	}
}

static int start_list_forms(struct form ***forms)
{
	struct diags d;
	diags_init(&d);
	int n = formpath_all(forms, &d);
	diags_free(&d);
	return n;
}

/* Asks for the organ, year and file name of a new report of form f and
 * writes it; its path, or NULL when the questions were left. With prev,
 * the report continues last year's (chain_next) and its organ and year are
 * what is proposed. */
static char *start_create(const struct form *f, const struct report *prev)
{
	struct report *r = prev ? chain_next(prev, f, "") : report_new(f);
	char *path = NULL, *organ = NULL, *year = NULL;
	const char *why;
	char last_year[16];
	snprintf(last_year, sizeof last_year, "%d", chain_reporting_year(time(NULL)));
	int k = form_hfield(f, "organ");
	if (prev != NULL && report_year(prev) > 0)
		snprintf(last_year, sizeof last_year, "%d", report_year(prev) + 1);
	const char *dorgan = k >= 0 ? r->header[k] : NULL;
	while (k >= 0 && (organ = start_ask(_("Organ (机关名称)"), dorgan)) != NULL) {
		if (*organ && report_set_header(r, k, organ, &why) == 0)
			break;
		printf("%s\n", *organ ? _(why) : _("The organ's name is needed"));
		free(organ);
		organ = NULL;
	}
	k = form_hfield(f, "year");
	while (organ && k >= 0 && (year = start_ask(_("Year of the report"), last_year)) != NULL) {
		if (report_set_header(r, k, year, &why) == 0)
			break;
		printf("'%s' %s\n", year, _(why));
		free(year);
		year = NULL;
	}
	if (organ && year) {
		char *dflt = xasprintf("%s-%s.yaml", organ, year);
		while ((path = start_ask(_("File name"), dflt)) != NULL) {
			struct diags d;
			diags_init(&d);
			if (prev != NULL && prev->path != NULL) {
				/* previous: names last year's report as seen from here */
				free(r->previous);
				r->previous = chain_previous(prev->path, path);
			}
			int rc = save_new(r, path, 0, &d);
			if (rc == 0) {
				diags_free(&d);
				break;
			}
			if (rc > 0) {
				/* the report, or a file where its rendering would go */
				char *txt = savefile_txt_path(path);
				printf(_("%s already exists: give another name\n"),
				       rc == 1 ? path : txt);
				free(txt);
			} else {
				printf("%s\n", d.n ? d.v[0].message : "");
			}
			diags_free(&d);
			free(path);
			path = NULL;
		}
		free(dflt);
	}
	free(organ);
	free(year);
	report_free(r);
	return path;
}

/* A recent report's path as proposed: from the current folder when it is
 * in it or below (a question keeps to a line at 80 columns). To free. */
static char *start_shown_path(const char *path)
{
	char *cwd = getcwd(NULL, 0);
	size_t n = cwd ? strlen(cwd) : 0;
	char *out = cwd && n > 1 && strncmp(path, cwd, n) == 0 && path[n] == '/'
			? xstrdup(path + n + 1)
			: xstrdup(path);
	free(cwd);
	return out;
}

/* Last year's report, if there is one, is where this year's starts:
 * asked for (dflt proposed), read, asked again if it cannot be. */
static struct report *start_last_year(const char *dflt)
{
	struct report *prev = NULL;
	char *ans;
	while (prev == NULL &&
	       (ans = start_ask(dflt ? _("Last year's report, to continue (- for none)")
				     : _("Last year's report, to continue (Enter: none)"),
				dflt)) != NULL) {
		if (*ans == '\0' || strcmp(ans, "-") == 0) {
			free(ans);
			break;
		}
		struct diags dg;
		diags_init(&dg);
		prev = report_load(ans, NULL, &dg);
		if (prev == NULL)
			diags_print(&dg, stdout);
		diags_free(&dg);
		free(ans);
	}
	return prev;
}

char *start_new(int *status)
{
	struct form **forms;
	int n = start_list_forms(&forms);
	char *path = NULL;
	*status = 0;
	if (n == 0) {
		fprintf(stderr, "nianbao: %s\n", _("no forms found (set NIANBAO_FORMS)"));
		free(forms);
		*status = 2;
		return NULL;
	}
	/* the most recent report is likely last year's: proposed, as on the
	 * start screen (Enter takes what is in brackets, - none) */
	char **recent;
	int nr = start_recent(&recent);
	char *shown = nr > 0 ? start_shown_path(recent[0]) : NULL;
	struct report *prev = start_last_year(shown);
	free(shown);
	for (int i = 0; i < nr; i++)
		free(recent[i]);
	free(recent);
	char *ans;
	printf("%s\n", _("A new report. The forms:"));
	int dflt = 0;
	const struct form *want =
	    prev ? chain_form(forms, n, prev->form, report_year(prev) + 1) : NULL;
	start_print_forms(forms, n, "");
	for (int i = 0; i < n; i++) {
		if (want ? strcmp(forms[i]->id, want->id) == 0
			 : strcmp(forms[i]->id, "gov-info-2021") == 0)
			dflt = i; /* last year's successor, or the format clerks file today */
	}
	char d[16];
	snprintf(d, sizeof d, "%d", dflt + 1);
	if (want != NULL) {
		/* last year's report has decided it: nothing to ask */
		printf(_("Form %d, the one for the year after last year's report\n"), dflt + 1);
		path = start_create(want, prev);
	}
	while (want == NULL && (ans = start_ask(_("Form"), d)) != NULL) {
		int k = atoi(ans);
		free(ans);
		if (k >= 1 && k <= n) {
			path = start_create(forms[k - 1], prev);
			break;
		}
		printf("%s\n", _("Give the number of a form"));
	}
	report_free(prev);
	for (int i = 0; i < n; i++)
		form_free(forms[i]);
	free(forms);
	return path;
}

char *start_screen(void)
{
	char **recent;
	int nr = start_recent(&recent);
	printf("nianbao %s\n", _("- government information disclosure annual reports"));
	if (nr > 0)
		printf("%s\n", _("Recent reports:"));
	for (int i = 0; i < nr; i++)
		printf("  %d) %s\n", i + 1, recent[i]);
	struct form **forms;
	int nf = start_list_forms(&forms);
	printf("%s\n", _("Forms for a new report:"));
	start_print_forms(forms, nf, "n");
	char *path = NULL, *ans;
	while ((ans = start_ask(_("Open a number, n1 n2 ... for a new report, q to quit"),
				nr ? "1" : "n1")) != NULL) {
		int k = atoi(ans + (ans[0] == 'n'));
		if (ans[0] == 'q') {
			free(ans);
			break;
		}
		if (ans[0] == 'n' && k >= 1 && k <= nf) {
			free(ans);
			/* the most recent report is likely last year's */
			char *shown = nr > 0 ? start_shown_path(recent[0]) : NULL;
			struct report *prev = start_last_year(shown);
			free(shown);
			path = start_create(forms[k - 1], prev);
			report_free(prev);
			break;
		}
		if (ans[0] != 'n' && k >= 1 && k <= nr) {
			free(ans);
			path = xstrdup(recent[k - 1]);
			break;
		}
		free(ans);
		printf("%s\n", _("Give one of the numbers above"));
	}
	for (int i = 0; i < nr; i++)
		free(recent[i]);
	free(recent);
	for (int i = 0; i < nf; i++)
		form_free(forms[i]);
	free(forms);
	return path;
}
