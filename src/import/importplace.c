/* Where a published report's cells go: each row read by its label (a
 * table's heading, a row or column label, the title, a date, prose), its
 * figures then placed in the cells the label names (importfigure.c). */
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

void imp_note(struct imp *m, const struct icell *c, const char *fmt, ...)
{
	m->note_line = xgrow(m->note_line, (size_t)m->nnotes, sizeof *m->note_line);
	m->note_at = xgrow(m->note_at, (size_t)m->nnotes, sizeof *m->note_at);
	m->note_line[m->nnotes] = c ? c->line : 0;
	m->note_at[m->nnotes++] = m->notes.len;
	if (m->quiet) /* counted, not written: no one reads it */
		return;
	if (m->notes.data == NULL)
		buf_init(&m->notes);
	/* what the page said is in a note as a cell holds it (idoc_cell left
	 * out every control, bidi and invisible character) or quoted (imp_q) */
	va_list ap;
	va_start(ap, fmt);
	const char *where = _("(table %d, row %d, cell %d) %s");
	size_t wl = strlen(where);
	if (c && c->tab > 0 && wl >= 2 && strcmp(where + wl - 2, "%s") == 0) {
		/* a web page's cell: where in its tables first, then the note,
		 * each formatted once */
		buf_printf(&m->notes, _("(table %d, row %d, cell %d) %s"), c->tab, c->row, c->cell,
			   "");
		buf_vprintf(&m->notes, _(fmt), ap);
	} else if (c && c->tab > 0) {
		/* a language that says where after the note */
		char s[1024];
		vsnprintf(s, sizeof s, _(fmt), ap);
		buf_printf(&m->notes, _("(table %d, row %d, cell %d) %s"), c->tab, c->row, c->cell,
			   s);
	} else {
		buf_vprintf(&m->notes, _(fmt), ap);
	}
	va_end(ap);
	buf_add(&m->notes, "", 1); /* each note its own string */
}

const char *imp_row_path(const struct imp *m, const struct fblock *b, int r)
{
	const char *p = m->paths ? m->paths[b->base + r * b->ncols] : NULL;
	return p ? p : "";
}

const char *imp_note_text(const struct imp *m, int i)
{
	return m->notes.data + m->note_at[i];
}

char *imp_q(const struct imp *m, const char *s)
{
	return m->quiet ? NULL : text_quote(s, 40);
}

/* The label cut short is read as its label, the rest never came. */
void imp_cut_done(struct imp *m)
{
	if (m->cut != NULL) {
		char *a = imp_q(m, m->cut_text);
		imp_note(m, m->cut_at, "label %s read as %s: %s", a, m->cut->label,
			 _(imp_how_text[HOW_PREFIX]));
		free(a);
		m->loose++;
	}
	m->cut = NULL;
	free(m->cut_text);
	m->cut_text = NULL;
}

/* A heading of the page's, in order: the form's column it names (-1 none)
 * and where it stood in its line, when the text says. */
static void imp_hdr_push(struct imp *m, const struct icell *c, int col)
{
	m->hdr_fx[m->nhdr] = 0;
	m->hdr_x[m->nhdr] = c->x1 ? c->x0 + c->x1 : 0;
	m->hdr[m->nhdr++] = col;
}

/* Figures go to row r of block b from its first column not yet printed. */
static void imp_target(struct imp *m, const struct fblock *b, int r)
{
	m->tb = b;
	m->tr = r;
	m->got = 0;
	m->spill = NULL;
}

/* The figures of a group's row (a single （六）其他处理 where the form has
 * three rows) go to its last row. */
static int imp_group_leaf(const struct fnode *n)
{
	while (n->nkids > 0)
		n = n->kids[n->nkids - 1];
	return n->leaf;
}

static int imp_is_date(const char *t, char out[16])
{
	int y, mo, d;
	char tail[8];
	/* 2021年12月31日 in full-width digits is 33 bytes: a longer text, or
	 * one without 年, is no date (and is not normalised to find out) */
	if (strnlen(t, IMP_DATE_MAX + 1) > IMP_DATE_MAX || strstr(t, "年") == NULL)
		return 0;
	char *n = imp_norm(t);
	int ok = sscanf(n, "%4d年%d月%d日%7s", &y, &mo, &d, tail) == 3 && y > 1900 && mo >= 1 &&
		 mo <= 12 && d >= 1 && d <= 31;
	free(n);
	if (ok)
		snprintf(out, 16, "%04d-%02d-%02d", y, mo, d);
	return ok;
}

/* A label inside a table. */
/* The rest of a label cut short, joined to it: 1 if nt was one. */
static int imp_label_rest(struct imp *m, const char *nt)
{
	if (m->cut != NULL) {
		char *joined = xasprintf("%s%s", m->cut_text, nt);
		const char *l = imp_cached(m->cache, m->cut->label);
		int rest = strncmp(l, joined, strlen(joined)) == 0;
		int whole = strcmp(l, joined) == 0;
		if (rest) {
			free(m->cut_text);
			m->cut_text = joined;
			if (whole) {
				m->cut = NULL;
				free(m->cut_text);
				m->cut_text = NULL;
				m->exact++;
			}
			return 1;
		}
		free(joined);
		imp_cut_done(m);
	}
	return 0;
}

/* A block's title (第二十条第（一）项): 1 if nt was one, the block begun. */
static int imp_label_block(struct imp *m, const struct ftable *t, const char *nt)
{
	for (int k = 0; k < t->nblocks; k++) {
		const struct fblock *b = t->blocks[k];
		if (b->title == NULL)
			continue;
		const char *l = imp_cached(m->cache, b->title);
		int hit =
		    strcmp(nt, l) == 0 || (strstr(nt, l) && imp_chars(nt) <= imp_chars(l) + 4);
		if (hit) {
			/* its column headings follow (信息内容 among them, or a
			 * line after the first of them) */
			m->block = k;
			m->tb = NULL;
			m->hdr_b = b;
			m->hdr_on = 1;
			m->nhdr = 0;
			return 1;
		}
	}
	return 0;
}

/* Whether nt is the table's note (本列数据的勾稽关系为…), a typo or two
 * allowed for a long one (said). */
static int imp_label_note(struct imp *m, const struct ftable *t, const struct icell *c,
			  const char *nt, struct imp_hit h)
{
	const char *note = t->note ? imp_cached(m->cache, t->note) : NULL;
	int is_note = note && (strstr(note, nt) || strstr(nt, note)) && imp_chars_max(nt, 2) >= 2;
	if (note && !is_note && h.how == HOW_NONE && imp_chars_max(nt, 12) >= 12 &&
	    imp_distance_within(nt, note, 3) <= 3) {
		char *a = imp_q(m, c->text);
		imp_note(m, c, "%s read as the table's note %s: %s", a, t->note,
			 _(imp_how_text[HOW_TYPO]));
		free(a);
		is_note = 1;
	}
	return is_note;
}

/* A text that names no row or column: a heading printed over two lines
 * (自然 / 人, 三、本年度 / 办理结果), 续表, the label column's heading
 * (信息内容: column headings follow), a column the form lacks, or a text
 * not placed (said). */
static void imp_label_unplaced(struct imp *m, const struct ftable *t, const struct icell *c,
			       const char *nt, int is_note)
{
	/* a heading printed over two lines (自然 / 人), or 续表; each group
	 * looked at once, from its first leaf (its later leaves reach it
	 * again) */
	int heading = strcmp(nt, "(续表)") == 0 || strcmp(nt, "续表") == 0;
	int two = imp_chars_max(nt, 2) >= 2;
	/* a group's label over two lines (三、本年度 / 办理结果), a column's:
	 * in the table's labels joined once (no text holds their \1) */
	if (!heading && two && strchr(nt, '\1') == NULL)
		heading = strstr(imp_heads(m, t, 0), nt) != NULL;
	if (!heading && strchr(nt, '\1') == NULL)
		heading = strstr(imp_heads(m, t, 1), nt) != NULL;
	/* the heading over the labels, or its first line (信息内, 容 below it,
	 * in a narrow cell) */
	int over_labels = 0, in_labels = 0;
	size_t ntl = strlen(nt);
	for (int k = 0; k < t->nblocks; k++)
		if (t->blocks[k]->label_heading) {
			const char *l = imp_cached(m->cache, t->blocks[k]->label_heading);
			over_labels |= strncmp(l, nt, ntl) == 0 && (l[ntl] == '\0' || two);
			in_labels |= strstr(l, nt) != NULL;
		}
	if (!over_labels && in_labels && m->hdr_on)
		return; /* the rest of it (容), under the headings begun */
	if (over_labels) {
		/* 信息内容: the block's column headings follow, or go on when
		 * its title began them */
		const struct fblock *b = m->block >= 0 ? t->blocks[m->block] : NULL;
		if (!m->hdr_on || m->hdr_b != b)
			m->nhdr = 0;
		m->hdr_b = b;
		m->hdr_on = b != NULL;
		return;
	}
	if (m->hdr_on && heading && m->nhdr < 64) {
		/* the first line of a heading printed over two: its column */
		for (int c2 = 0; c2 < m->hdr_b->ncols; c2++) {
			int taken = 0;
			for (int k = 0; k < m->nhdr; k++)
				taken |= m->hdr[k] == c2;
			if (taken)
				continue;
			const char *l = imp_cached(m->cache, m->hdr_b->col[c2]->label);
			int first = strncmp(l, nt, strlen(nt)) == 0;
			if (first) {
				imp_hdr_push(m, c, c2);
				break;
			}
		}
	}
	if (m->hdr_on && !heading && !is_note && m->nhdr < 64) {
		char *a = imp_q(m, c->text);
		imp_note(m, c, "column %s is not in form %s: its figures are not placed", a,
			 m->f->id);
		free(a);
		imp_hdr_push(m, c, -1);
		m->loose++;
		return;
	}
	if (!heading && !is_note) {
		char *a = imp_q(m, c->text);
		imp_note(m, c, "text %s in %s not placed: no row or column has this label", a,
			 t->title);
		free(a);
	}
}

/* A label the form has (h): counted, said when read loosely, and the row
 * its figures go to (a row), a column heading read (a column), or the
 * beginning of a label cut short. */
static void imp_label_hit(struct imp *m, const struct ftable *t, const struct icell *c,
			  const char *nt, struct imp_hit h, int row_has_figures)
{
	if (h.how == HOW_EXACT)
		m->exact++;
	else if (h.how != HOW_PREFIX && (h.is_row || h.how != HOW_NUMBER))
		m->loose++;
	if (h.how != HOW_EXACT && h.how != HOW_PREFIX) {
		char *a = imp_q(m, c->text);
		imp_note(m, c, "label %s read as %s: %s", a, h.n->label, _(imp_how_text[h.how]));
		free(a);
	}
	if (!h.is_row && m->hdr_on && h.b == m->hdr_b && h.n->nkids == 0 && m->nhdr < 64)
		imp_hdr_push(m, c, h.n->leaf);
	if (h.is_row)
		m->hdr_on = 0; /* the headings end where the rows begin */
	if (h.how == HOW_PREFIX && (!h.is_row || h.n->nkids > 0))
		return; /* a column's heading over two lines: its figures go by place */
	if (h.how == HOW_PREFIX) {
		m->cut = h.n;
		m->cut_text = xstrdup(nt);
		m->cut_at = c;
	}
	for (int k = 0; k < t->nblocks; k++)
		if (t->blocks[k] == h.b)
			m->block = k;
	if (h.is_row) {
		int leaf = h.n->leaf;
		if (h.n->nkids > 0) {
			if (!row_has_figures)
				return; /* a group's heading */
			imp_target(m, h.b, imp_group_leaf(h.n));
			m->spill = c;
			return;
		}
		imp_target(m, h.b, leaf);
	}
}

static void imp_label(struct imp *m, const struct icell *c, int row_has_figures)
{
	const struct ftable *t = m->f->tables[m->table];
	const char *nt = c->norm;
	if (!imp_label_rest(m, nt) && !imp_label_block(m, t, nt)) {
		struct imp_hit h = imp_find(m, t, nt);
		int is_note = imp_label_note(m, t, c, nt, h);
		if (h.how == HOW_NONE)
			imp_label_unplaced(m, t, c, nt, is_note);
		else
			imp_label_hit(m, t, c, nt, h, row_has_figures);
	}
}

/* The header from the title (果园街道办事处2020年政府信息公开工作年度报告). */
/* The value of the Chinese numeral at p (〇 or 零 to 九, three bytes in
 * UTF-8), or -1. */
static int imp_cjk_value(const char *p)
{
	const unsigned char *u = (const unsigned char *)p;
	if ((u[0] & 0xF0) != 0xE0 || (u[1] & 0xC0) != 0x80 || (u[2] & 0xC0) != 0x80)
		return -1;
	uint32_t cp = (uint32_t)(u[0] & 0x0F) << 12 | (uint32_t)(u[1] & 0x3F) << 6 | (u[2] & 0x3F);
	static const uint32_t d[] = {0x3007, 0x4e00, 0x4e8c, 0x4e09, 0x56db,
				     0x4e94, 0x516d, 0x4e03, 0x516b, 0x4e5d};
	for (int i = 0; i < 10; i++)
		if (cp == d[i])
			return i;
	return cp == 0x96f6 ? 0 : -1; /* 零 */
}

/* A year in Chinese numerals (二〇二一年) as digits (2021年), in one pass. */
static void imp_cjk_year(char *n)
{
	char *w = n;
	for (const char *p = n; *p;) {
		int v[4], k = 0;
		if ((unsigned char)*p >= 0xE0)
			while (k < 4 && (v[k] = imp_cjk_value(p + 3 * k)) >= 0)
				k++;
		if (k == 4 && v[0] == 2 && strncmp(p + 12, "年", 3) == 0) {
			for (k = 0; k < 4; k++)
				*w++ = (char)('0' + v[k]);
			p += 12;
		} else {
			*w++ = *p++;
		}
	}
	*w = '\0';
}

static int imp_title(struct imp *m, const char *joined)
{
	/* a title is a line or two: a longer row is not normalised and
	 * searched for one (a page of one huge row would make that quadratic) */
	if (strnlen(joined, IMP_TITLE_MAX + 1) > IMP_TITLE_MAX)
		return 0;
	/* each key below holds 公, whatever spaces normalising takes out */
	if (strstr(joined, "公") == NULL)
		return 0;
	char *n = imp_norm(joined);
	imp_cjk_year(n);
	/* 政府信息公开工作年度报告, or a title that says 政务公开 or 信息公开 */
	const char *key = strstr(n, "政府信息公开");
	if (key == NULL)
		key = strstr(n, "政务公开");
	if (key == NULL)
		key = strstr(n, "信息公开");
	int ok = 0;
	if (key != NULL) {
		/* the year: four digits and 年 before the key */
		for (const char *p = n; p + 7 <= key; p++) {
			if (p[0] >= '1' && p[0] <= '2' && p[1] >= '0' && p[1] <= '9' &&
			    p[2] >= '0' && p[2] <= '9' && p[3] >= '0' && p[3] <= '9' &&
			    strncmp(p + 4, "年", 3) == 0) {
				free(m->year);
				m->year = xstrndup(p, 4);
				free(m->organ);
				/* the organ before the year, or between it and the key
				 * (2021年某某局政府信息公开…); 关于 is not the organ's */
				const char *a = n, *e = p;
				if (strncmp(a, "关于", 6) == 0)
					a += 6;
				if (e - a >= 6 && strncmp(e - 6, "关于", 6) == 0)
					e -= 6;
				if (e <= a) {
					a = p + 7;
					if (strncmp(a, "度", 3) == 0)
						a += 3;
					e = key;
				}
				m->organ = e > a ? xstrndup(a, (size_t)(e - a)) : NULL;
				ok = 1;
				break;
			}
		}
	}
	free(n);
	return ok;
}

static void imp_prose(struct imp *m, const struct icell *c)
{
	char date[16];
	if (m->ended) {
		m->after++;
		return;
	}
	if (imp_is_date(c->text, date)) {
		free(m->date);
		m->date = xstrdup(date);
		/* the signature's date after the tables ends the report: what
		 * follows is the page around it */
		int tables = 0;
		for (int t = 0; t < m->f->ntables; t++)
			tables += m->found[t];
		m->ended = tables > 0;
		return;
	}
	if (m->organ && strcmp(c->text, m->organ) == 0)
		return; /* the signature */
	if (m->prose < 0 || *c->text == '\0')
		return;
	/* a paragraph wrapped onto lines that are not indented goes on */
	struct buf *b = &m->prose_text[m->prose];
	if (b->len && (c->indent || m->prose_from != m->prose))
		buf_putc(b, '\n');
	buf_puts(b, c->text);
	m->prose_from = m->prose;
}

/* Rows before any heading, no title among them: the preamble. */
void imp_pre_flush(struct imp *m)
{
	int was = m->prose_from;
	for (int k = 0; k < m->npre; k++)
		for (int i = 0; i < m->pre[k]->n; i++)
			imp_prose(m, &m->pre[k]->cells[i]);
	m->npre = 0;
	m->prose_from = was;
}

static int imp_row_figures(const struct irow *r)
{
	int n = 0;
	for (int i = 0; i < r->n; i++)
		n += r->cells[i].kind == IC_FIGURE;
	return n;
}

/* A table whose rows the text names exactly (its heading missing). */
static int imp_table_by_rows(const struct imp *m, const struct irow *row)
{
	for (int i = 0; i < row->n; i++) {
		if (row->cells[i].kind != IC_LABEL)
			continue;
		const char *nt = row->cells[i].norm;
		for (int t = 0; t < m->f->ntables; t++) {
			struct imp m2 = *m;
			m2.block = -1;
			struct imp_hit h = imp_find(&m2, m->f->tables[t], nt);
			if (h.how == HOW_EXACT && h.is_row && h.n->nkids == 0 &&
			    imp_chars_max(nt, 4) >= 4)
				return t;
		}
	}
	return -1;
}

/* A heading alone on its row: a table or a prose part begins. 1 if the
 * row was one. */
static int imp_row_heading(struct imp *m, const struct irow *row, int figs)
{
	if (row->n >= 1 && row->cells[0].kind == IC_LABEL && (row->n == 1 || figs == 0)) {
		int loose = 0, part = imp_anchor(m, row->cells[0].norm, &loose);
		if (part >= 0) {
			imp_cut_done(m);
			const struct fpart *p = &m->f->parts[part];
			if (loose) {
				char *a = imp_q(m, row->cells[0].text);
				imp_note(m, &row->cells[0], "heading %s read as %s", a, p->title);
				free(a);
			}
			imp_pre_flush(m);
			m->any_anchor = 1;
			m->tb = NULL;
			m->block = -1;
			if (p->kind == PART_TABLE) {
				m->table = imp_table_index(m->f, p->table);
				m->found[m->table] = 1;
				m->prose = -1;
			} else {
				m->table = -1;
				m->prose = p->prose;
			}
			return 1;
		}
	}
	return 0;
}

/* A row before the title and any heading: the title, maybe over two rows;
 * rows before it are kept until it is found (then they are the page
 * around the report) or a heading comes first (then they are the
 * preamble). */
static void imp_row_title(struct imp *m, const struct irow *row)
{
	struct buf j;
	buf_init(&j);
	for (int i = 0; i < row->n && j.len <= IMP_TITLE_MAX; i++)
		buf_puts(&j, row->cells[i].text);
	char *two = xasprintf("%s%s", m->title_acc ? m->title_acc : "", j.data);
	if (imp_title(m, j.data) || imp_title(m, two)) {
		int before = m->npre;
		if (m->title_acc && strstr(j.data, "政府信息公开") == NULL)
			before--; /* the title's first row */
		if (before > 0)
			imp_note(m, &m->pre[0]->cells[0],
				 ngettext("%d line before the title left out (the page "
					  "around the report)",
					  "%d lines before the title left out (the page "
					  "around the report)",
					  before),
				 before);
		m->npre = 0;
		m->title_open = strstr(two, "报告") == NULL;
		free(m->title_acc);
		m->title_acc = NULL;
	} else {
		free(m->title_acc);
		m->title_acc = xstrdup(j.data);
		m->pre = xgrow(m->pre, (size_t)m->npre, sizeof *m->pre);
		m->pre[m->npre++] = row;
	}
	free(two);
	buf_free(&j);
}

/* A table's row: its labels, then its figures. */
static void imp_row_cells(struct imp *m, const struct irow *row, int figs)
{
	const struct ftable *t = m->f->tables[m->table];
	if (m->tb != NULL && m->got > 0)
		m->tb = NULL; /* a row's figures end with its row */
	int r0 = 0;
	const struct fblock *lone = imp_unlabelled(t, &r0);
	/* a row of empty cells only is the figures' row of a table without
	 * row labels (表四) left blank */
	int blanks = row->n >= 2;
	m->row_left = 0;
	for (int i = 0; i < row->n; i++)
		m->row_left += row->cells[i].kind != IC_LABEL;
	for (int i = 0; i < row->n; i++)
		blanks &= row->cells[i].kind == IC_BLANK && row->cells[i].text[0] == '\0';
	for (int i = 0; i < row->n; i++) {
		const struct icell *c = &row->cells[i];
		if (c->kind == IC_LABEL) {
			/* letters one a line (结/果/维/持): one label */
			if (imp_chars_max(c->text, 2) == 1 && i + 1 < row->n &&
			    row->cells[i + 1].kind == IC_LABEL &&
			    imp_chars_max(row->cells[i + 1].text, 2) == 1) {
				struct buf j;
				buf_init(&j);
				int k = i;
				while (k < row->n && row->cells[k].kind == IC_LABEL &&
				       imp_chars_max(row->cells[k].text, 2) == 1)
					buf_puts(&j, row->cells[k++].text);
				struct icell joined = *c;
				joined.text = j.data;
				joined.norm = imp_norm(j.data);
				imp_label(m, &joined, figs > 0);
				free(joined.norm);
				if (m->spill == &joined)
					m->spill = c;
				if (m->cut_at == &joined)
					m->cut_at = c;
				buf_free(&j);
				i = k - 1;
				continue;
			}
			imp_label(m, c, figs > 0);
			continue;
		}
		if (m->tb == NULL && lone != NULL && (c->kind == IC_FIGURE || figs > 0 || blanks))
			imp_target(m, lone, r0);
		if (m->tb != NULL && m->got == 0) {
			/* the row's first figure: the figures may have run together */
			int taken = imp_split(m, row, i);
			if (taken > 0) {
				i += taken - 1;
				continue;
			}
		}
		if (m->tb != NULL) {
			imp_place(m, c);
		} else if (c->kind == IC_FIGURE) {
			char *a = imp_q(m, c->text);
			imp_note(m, c, "figure %s in %s not placed: no row label before it", a,
				 t->title);
			free(a);
			m->lost++;
		}
	}
}

void imp_row(struct imp *m, const struct irow *row)
{
	int figs = imp_row_figures(row);
	int was = m->prose_from;
	m->prose_from = -1;
	if (imp_row_heading(m, row, figs))
		return;
	if (m->table < 0 && figs > 0) {
		int t = imp_table_by_rows(m, row);
		if (t >= 0) {
			imp_pre_flush(m);
			imp_note(m, &row->cells[0], "%s found by its rows: its heading is missing",
				 m->f->tables[t]->title);
			m->table = t;
			m->found[t] = 1;
			m->prose = -1;
			m->block = -1;
		}
	}
	if (m->ended) {
		m->after++;
		return;
	}
	if (m->table < 0 && m->title_open && !m->any_anchor && row->n == 1) {
		m->title_open = strstr(row->cells[0].text, "报告") == NULL && ++m->title_rows < 4;
		return;
	}
	if (m->table < 0 && !m->any_anchor && m->year == NULL) {
		imp_row_title(m, row);
		return;
	}
	if (m->table < 0) {
		m->prose_from = was;
		for (int i = 0; i < row->n; i++)
			imp_prose(m, &row->cells[i]);
		return;
	}
	imp_row_cells(m, row, figs);
}
