/* A published report's rows placed into a form by their labels. The
 * reading is tolerant, never silent: every label read loosely, unit
 * converted, figure not placed and cell left blank is a note naming the
 * source line; with strict the notes are errors and nothing is made. */
#include "import/import.h"
#include "base/i18n.h"
#include "import/importint.h"
#include "base/buf.h"
#include "model/form.h"
#include "model/report.h"
#include "base/text.h"
#include "base/xmalloc.h"

#include <stdlib.h>
#include <string.h>

static void imp_free(struct imp *m)
{
	imp_cut_done(m);
	buf_free(&m->notes);
	free(m->note_at);
	free(m->note_line);
	free(m->seen);
	for (int i = 0; m->from && i < m->f->ncells; i++)
		free(m->from[i]);
	free(m->from);
	free(m->found);
	for (int i = 0; m->prose_text && i < m->f->nprose; i++)
		buf_free(&m->prose_text[i]);
	free(m->prose_text);
	free(m->organ);
	free(m->year);
	free(m->date);
	free(m->title_acc);
	free(m->pre);
	report_free(m->r);
}

/* Reads doc into form f; the notes and the score say how well it fit. */
static void imp_run(struct imp *m, const struct idoc *doc, const struct form *f,
		    struct imp_cache *cache, struct imp_index *index, char **paths, int quiet)
{
	memset(m, 0, sizeof *m);
	m->quiet = quiet;
	m->paths = paths;
	m->cache = cache;
	m->doc = doc;
	m->f = f;
	m->index = index;
	m->r = report_new(f);
	m->seen = xcalloc((size_t)f->ncells + 1, 1);
	m->from = xcalloc((size_t)f->ncells + 1, sizeof *m->from);
	m->found = xcalloc((size_t)f->ntables + 1, 1);
	m->prose_text = xcalloc((size_t)f->nprose + 1, sizeof *m->prose_text);
	for (int i = 0; i < f->nprose; i++)
		buf_init(&m->prose_text[i]);
	m->table = m->prose = m->block = m->prose_from = -1;
	/* before any heading: the untitled prose part (a preamble), if any */
	for (int i = 0; i < f->nparts; i++)
		if (f->parts[i].kind == PART_PROSE && f->parts[i].title == NULL) {
			m->prose = f->parts[i].prose;
			break;
		}
	for (int i = 0; i < doc->nrows; i++)
		imp_row(m, &doc->rows[i]);
	imp_cut_done(m);
	imp_pre_flush(m);
	if (m->after > 0)
		imp_note(m, NULL,
			 ngettext("%d line after the signature's date left out (the page "
				  "around the report)",
				  "%d lines after the signature's date left out (the page "
				  "around the report)",
				  m->after),
			 m->after);
	/* what the page did not print */
	for (int t = 0; t < f->ntables; t++) {
		const struct ftable *tab = f->tables[t];
		if (!m->found[t]) {
			imp_note(m, NULL, "%s not found: its cells are left blank", tab->title);
			continue;
		}
		for (int k = 0; k < tab->nblocks; k++) {
			const struct fblock *b = tab->blocks[k];
			for (int i = 0; i < b->nrows * b->ncols; i++) {
				int cell = b->base + i;
				if (m->seen[cell] || f->cells[cell].formula != NULL)
					continue;
				const char *row = imp_row_path(m, b, i / b->ncols);
				if (*row)
					imp_note(m, NULL,
						 "no figure printed, left blank: %s, row %s, "
						 "column %s",
						 tab->title, row, b->col[i % b->ncols]->label);
				else
					imp_note(m, NULL,
						 "no figure printed, left blank: %s, column %s",
						 tab->title, b->col[i % b->ncols]->label);
			}
		}
	}
}

static int imp_score(const struct imp *m)
{
	return 2 * m->placed + 3 * m->exact - 2 * m->loose - 3 * m->lost - m->nnotes;
}

/* Header, prose and where each figure came from, into m->r. */
static void imp_finish(struct imp *m)
{
	struct report *r = m->r;
	const struct form *f = m->f;
	int text_done = 0;
	for (int i = 0; i < f->nheader; i++) {
		const char *v = NULL;
		if (f->header[i].type == HF_YEAR)
			v = m->year;
		else if (f->header[i].type == HF_DATE)
			v = m->date;
		else if (!text_done++)
			v = m->organ;
		const char *why;
		if (v != NULL && report_set_header(r, i, v, &why) < 0) {
			char *q = imp_q(m, v);
			imp_note(m, NULL, "%s %s not kept: %s", f->header[i].label, q, why);
			free(q);
		}
		if (v == NULL)
			imp_note(m, NULL, "%s not found in the page: left blank",
				 f->header[i].label);
	}
	for (int i = 0; i < f->nprose; i++) {
		if (m->prose_text[i].len == 0)
			continue;
		/* what a report may not hold (controls, bidi) goes, said; the
		 * rest of the text is kept */
		int gone = 0;
		char *kept = text_strip(m->prose_text[i].data, TEXT_PROSE, &gone);
		if (gone > 0) {
			const char *title = NULL;
			for (int p = 0; p < f->nparts; p++)
				if (f->parts[p].kind == PART_PROSE && f->parts[p].prose == i)
					title =
					    f->parts[p].title ? f->parts[p].title : f->parts[p].id;
			imp_note(m, NULL,
				 ngettext("%s: %d character a report may not hold (control or "
					  "reordering) left out, the rest kept",
					  "%s: %d characters a report may not hold (control or "
					  "reordering) left out, the rest kept",
					  gone),
				 title ? title : _("prose"), gone);
		}
		report_set_prose(r, i, kept);
		free(kept);
	}
	if (m->doc->dropped > 0) {
		struct icell at = {.line = m->doc->dropped_line};
		imp_note(m, &at,
			 ngettext("%ld character that shows nothing or reorders text "
				  "(zero-width, bidirectional controls and the like) left out "
				  "of the cells",
				  "%ld characters that show nothing or reorder text (zero-width, "
				  "bidirectional controls and the like) left out of the cells",
				  (unsigned long)m->doc->dropped),
			 m->doc->dropped);
	}
	/* read from the page, as a loaded report from its file */
	free(r->path);
	r->path = xstrdup(m->doc->name);
	r->source = xstrdup(m->doc->name);
	r->source_sha256 = xstrdup(m->doc->sha256);
	r->source_at = m->from;
	m->from = NULL;
}

struct import_forms {
	struct form **forms;
	int n, take;
	struct imp_cache cache;   /* every label normalised, when first compared */
	struct imp_index **index; /* per form, per table: its exact labels */
	char ***paths;            /* per form, at a row's first cell: the row's path */
};

struct import_forms *import_forms_new(struct form **forms, int n, int take)
{
	struct import_forms *k = xcalloc(1, sizeof *k);
	k->forms = forms;
	k->n = n;
	k->take = take;
	k->index = xcalloc((size_t)n + 1, sizeof *k->index);
	k->paths = xcalloc((size_t)n + 1, sizeof *k->paths);
	/* everything a document is compared with, made now: nothing of the
	 * forms' is made while a document is read (nor left to free after it) */
	for (int i = 0; i < n; i++) {
		k->index[i] = xcalloc((size_t)forms[i]->ntables + 1, sizeof *k->index[i]);
		for (int t = 0; t < forms[i]->ntables; t++)
			imp_index_build(&k->index[i][t], &k->cache, forms[i]->tables[t]);
		for (int p = 0; p < forms[i]->nparts; p++)
			if (forms[i]->parts[p].title)
				imp_cached(&k->cache, forms[i]->parts[p].title);
		/* each row's path (第二十条第（一）项 / 规章), as the notes name it */
		k->paths[i] = xcalloc((size_t)forms[i]->ncells + 1, sizeof *k->paths[i]);
		for (int t = 0; t < forms[i]->ntables; t++)
			for (int b = 0; b < forms[i]->tables[t]->nblocks; b++) {
				const struct fblock *fb = forms[i]->tables[t]->blocks[b];
				for (int r = 0; r < fb->nrows && fb->ncols > 0; r++)
					k->paths[i][fb->base + r * fb->ncols] =
					    form_row_path(fb, r, " / ");
			}
	}
	return k;
}

void import_forms_free(struct import_forms *k)
{
	if (k == NULL)
		return;
	for (int i = 0; i < k->n; i++) {
		for (int t = 0; t < k->forms[i]->ntables; t++) {
			free(k->index[i][t].v);
			free(k->index[i][t].loose);
			free(k->index[i][t].heads[0]);
			free(k->index[i][t].heads[1]);
		}
		free(k->index[i]);
		for (int c = 0; c < k->forms[i]->ncells; c++)
			free(k->paths[i][c]);
		free(k->paths[i]);
		if (k->take)
			form_free(k->forms[i]);
	}
	if (k->take)
		free(k->forms);
	free(k->index);
	free(k->paths);
	imp_cache_free(&k->cache);
	free(k);
}

struct report *import_doc(const struct idoc *doc, struct import_forms *k,
			  const struct import_opts *opts, struct buf *notes, struct diags *d)
{
	struct imp best = {0};
	struct form *const *forms = k->forms;
	int have = 0;
	for (int i = 0; i < k->n; i++) {
		if (opts->form_id && strcmp(forms[i]->id, opts->form_id) != 0)
			continue;
		struct imp m;
		/* the decisions are written only for whoever reads them (import
		 * prints them, --strict refuses them); check counts them */
		imp_run(&m, doc, forms[i], &k->cache, k->index[i], k->paths[i],
			!opts->strict && notes == NULL);
		int better = !have || imp_score(&m) > imp_score(&best);
		/* a tie: the form for the report's year (the newest whose since is
		 * not after it) */
		if (have && imp_score(&m) == imp_score(&best) && m.year) {
			int y = atoi(m.year);
			int a = forms[i]->since <= y ? forms[i]->since : -1;
			int b = best.f->since <= y ? best.f->since : -1;
			better = a > b;
		}
		if (better) {
			if (have)
				imp_free(&best);
			best = m;
			have = 1;
		} else {
			imp_free(&m);
		}
	}
	if (!have) {
		diags_add(d, DIAG_ERROR, doc->name, 0, 0, "no form %s to read it into",
			  opts->form_id ? opts->form_id : "");
		return NULL;
	}
	imp_finish(&best);
	if (best.year && best.f->since > atoi(best.year)) {
		imp_note(&best, NULL,
			 "a %s report in form %s, for reports from %d: its labels fit best",
			 best.year, best.f->id, best.f->since);
	}
	int placed = best.placed;
	if (placed == 0) {
		diags_add(
		    d, DIAG_ERROR, doc->name, 0, 0,
		    "no figure of a report's tables found (is it a 政府信息公开工作年度报告?)");
		imp_free(&best);
		return NULL;
	}
	const char *shown = text_name(doc->name);
	for (int i = 0; i < best.nnotes && !best.quiet; i++) {
		const char *note = imp_note_text(&best, i);
		if (opts->strict) { /* each decision, refused */
			diags_add(d, DIAG_ERROR, doc->name, best.note_line[i], 0, "--strict: %s",
				  note);
		} else if (notes != NULL) {
			buf_puts(notes, shown);
			if (best.note_line[i] > 0)
				buf_printf(notes, ":%d", best.note_line[i]);
			buf_puts(notes, ": ");
			buf_puts(notes, note);
			buf_putc(notes, '\n');
		}
	}
	if (opts->strict && best.nnotes > 0) {
		imp_free(&best);
		return NULL;
	}
	if (opts->decisions != NULL)
		*opts->decisions = best.nnotes;
	struct report *r = best.r;
	best.r = NULL;
	imp_free(&best);
	return r;
}
