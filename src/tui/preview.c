/* Preview (F4): the text rendering, scrollable, exactly as it will print;
 * and print (F5): the rendering piped to the print command, run without a
 * shell so that nothing in the report's text is ever interpreted. */
#include "tui/tui.h"
#include "model/report.h"
#include "base/savefile.h"
#include "output/docfile.h"

#include "base/buf.h"
#include "base/child.h"
#include "base/diag.h"
#include "engine/engine.h"
#include "output/page.h"
#include "output/render.h"
#include "base/xmalloc.h"

#include <curses.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The rendering as it prints, or (screen) as this terminal can show it. */
static char *preview_text(const struct app *a, int screen)
{
	struct buf b;
	buf_init(&b);
	struct diags d;
	diags_init(&d);
	struct render_opts o = render_defaults();
	/* ruled as the paper is (box drawing), one column a rule as terminals
	 * draw them, two with --wide-ambiguous: the preview is the one screen
	 * that shows characters of ambiguous width, as it shows the paper */
	if (screen) {
		o.wide_ambiguous = a->amb;
		if (a->preview.compare)
			o.previous = engine_previous_report(a->e);
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
	const char *head =
	    a->preview.compare
		? _("Beside last year (p: as printed): PgDn PgUp, F5 print, Esc back")
		: _("Preview, as printed (80 columns): PgDn PgUp, p last year, F5 print, Esc back");
	/* the page is beside the report: its name is enough */
	const char *page = a->html_path && strrchr(a->html_path, '/')
			       ? strrchr(a->html_path, '/') + 1
			       : a->html_path;
	char *where = page ? xasprintf(_("%s; web page %s"), head, page) : NULL;
	screen_text(a, where ? where : head, a->cols, ALIGN_LEFT);
	free(where);
	attrset(A_NORMAL);
	int line = 0, y = 1;
	/* every line counted, drawn or not: paging needs where the end is */
	for (char *p = text; *p; line++) {
		char *e = strchr(p, '\n');
		if (e != NULL)
			*e = '\0';
		if (line >= a->preview.top && y < a->rows) {
			/* skip preview_left columns, cut at the screen's width */
			const char *s = p;
			int skip = 0;
			while (*s && skip < a->preview.left) {
				uint32_t cp;
				int k = width_decode(s, WIDTH_MAX_BYTES, &cp);
				skip += k > 0 ? width_char_amb(cp, a->amb) : 1;
				s += k > 0 ? k : 1;
			}
			move(y++, 0);
			screen_paper(a, s, a->cols);
		}
		if (e == NULL)
			break;
		p = e + 1;
	}
	a->preview.lines = line;
	free(text);
}

int preview_key(struct app *a, int key)
{
	int page = a->rows - 2;
	switch (key) {
	case KEYS_UP:
	case 'k':
		a->preview.top -= a->preview.top > 0;
		break;
	case KEYS_DOWN:
	case 'j':
		a->preview.top += a->preview.top + page < a->preview.lines;
		break;
	case KEYS_PGDN:
	case ' ':
		a->preview.top += page;
		if (a->preview.top > a->preview.lines - page)
			a->preview.top = a->preview.lines - page > 0 ? a->preview.lines - page : 0;
		break;
	case KEYS_PGUP:
		a->preview.top = a->preview.top > page ? a->preview.top - page : 0;
		break;
	case KEYS_HOME:
		a->preview.top = 0;
		break;
	case KEYS_END:
		a->preview.top = a->preview.lines - page > 0 ? a->preview.lines - page : 0;
		break;
	case KEYS_LEFT:
		a->preview.left = a->preview.left > 8 ? a->preview.left - 8 : 0;
		break;
	case KEYS_RIGHT:
		a->preview.left += 8;
		break;
	case KEYS_F(5):
		a->state = STATE_PAGE;
		preview_print(a);
		break;
	case 'p':
		preview_compare(a, !a->preview.compare);
		break;
	case KEYS_ESC:
	case 'q':
	case KEYS_F(4):
		a->state = STATE_PAGE;
		break;
	default:
		return 0;
	}
	return TUI_HANDLED;
}

int preview_compare(struct app *a, int on)
{
	if (on && screen_no_previous(a))
		return -1;
	a->preview.compare = on;
	a->preview.top = a->preview.left = 0;
	return 0;
}

static void preview_print_now(struct app *a);

void preview_print(struct app *a)
{
	if (a->count.errors == 0) {
		preview_print_now(a);
		return;
	}
	/* a report with errors is rarely meant for paper: ask first */
	screen_ask(a, preview_print_now,
		   ngettext("The report has %d error. Print it all the same?",
			    "The report has %d errors. Print it all the same?", a->count.errors),
		   a->count.errors);
}

/* The PDF of the report as it stands (saved or not): its YAML written in a
 * private folder beside it, drawn by nianbao-doc from there. 0, or -1 with
 * why in said. */
static int preview_pdf(struct app *a, struct buf *pdf, char *said, size_t n)
{
	struct diags d;
	diags_init(&d);
	struct buf yaml;
	buf_init(&yaml);
	char *dir = savefile_private_dir(a->path, &d), *tmp = NULL;
	int rc = -1;
	if (dir != NULL && report_to_yaml(engine_report(a->e), &yaml) < 0) {
		snprintf(said, n, "%s", _("the YAML writer refused it"));
	} else if (dir != NULL) {
		tmp = xasprintf("%s/print.yaml", dir);
		if (savefile_write(tmp, yaml.data, yaml.len, &d) == 0)
			rc = docfile_make(tmp, DOCFILE_PDF, NULL, pdf, said, n) == 0 ? 0 : -1;
		savefile_discard(tmp);
	}
	if (d.n > 0)
		snprintf(said, n, "%s", d.v[0].message);
	free(tmp);
	free(dir);
	buf_free(&yaml);
	diags_free(&d);
	return rc;
}

static void preview_print_now(struct app *a)
{
	char said[256] = "";
	/* the text as it prints, or the PDF as the office files it (lp takes
	 * PDF) */
	struct buf pdf;
	buf_init(&pdf);
	char *text = a->print_pdf ? NULL : preview_text(a, 0);
	if (a->print_pdf && preview_pdf(a, &pdf, said, sizeof said) < 0) {
		screen_message(a, 1, _("Not printed: no PDF made: %s"), said);
		buf_free(&pdf);
		return;
	}
	int status = text ? child_run(a->print_command, NULL, text, strlen(text), said, sizeof said)
			  : child_run(a->print_command, NULL, pdf.data, pdf.len, said, sizeof said);
	if (status == 0 && text == NULL)
		screen_message(a, 0, _("The PDF printed with %s"), a->print_command);
	else if (status == 0)
		screen_message(a, 0, _("Printed with %s"), a->print_command);
	else if (status < 0)
		screen_message(a, 1, _("Not printed: cannot run %s: %s"), a->print_command, said);
	else
		screen_message(a, 1, _("Not printed: %s failed (%d) %s"), a->print_command, status,
			       said);
	free(text);
	buf_free(&pdf);
}
