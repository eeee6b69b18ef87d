/* Starting without a file: `nianbao new` asks for the form, organ, year and
 * file name; `nianbao` alone lists the recent reports and the forms. Plain
 * questions on the terminal (they work the same over any SSH), then the
 * editing screen opens on the report. Recent files are kept, newest first,
 * in $XDG_STATE_HOME/nianbao/recent (~/.local/state/nianbao/recent). */
#include "tui.h"

#include "buf.h"
#include "diag.h"
#include "chain.h"
#include "engine.h"
#include "form.h"
#include "formpath.h"
#include "report.h"
#include "save.h"
#include "savefile.h"
#include "width.h"
#include "xmalloc.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
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

/* One answer; NULL at the end of input. */
static char *start_ask(const char *question, const char *dflt)
{
	if (dflt && *dflt)
		printf("%s [%s]: ", question, dflt);
	else
		printf("%s: ", question);
	fflush(stdout);
	char line[1024];
	if (fgets(line, sizeof line, stdin) == NULL)
		return NULL;
	line[strcspn(line, "\r\n")] = '\0';
	return xstrdup(*line ? line : dflt ? dflt : "");
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
	if (prev != NULL && chain_year(prev) > 0)
		snprintf(last_year, sizeof last_year, "%d", chain_year(prev) + 1);
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
	struct report *prev = start_last_year(NULL);
	char *ans;
	printf("%s\n", _("A new report. The forms:"));
	int dflt = 0;
	const struct form *want =
	    prev ? chain_form(forms, n, prev->form, chain_year(prev) + 1) : NULL;
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
			struct report *prev = start_last_year(nr > 0 ? recent[0] : NULL);
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
