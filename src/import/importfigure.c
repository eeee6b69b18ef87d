/* A published report's figures into their cells: each in the column the
 * page's headings (or the row's next free one) give it, its unit converted
 * to the column's, kept as a loaded file keeps it (imp_place).
 *
 * And figures that ran together: text copied from a page (and what
 * crawlers keep) loses the spaces between cells, so that a row of seven
 * reads 1000001 or 160 02 0 018. The row's digits are read as its cells
 * when exactly one way of cutting them makes every total of the row add
 * up, or when there are as many digits as cells; each reading is said,
 * and a row that could be read more than one way is left blank with the
 * readings listed (imp_split). */
#include "base/buf.h"
#include "base/i18n.h"
#include "import/idoc.h"
#include "import/importint.h"
#include "model/expr.h"
#include "model/form.h"
#include "model/report.h"
#include "model/value.h"
#include "base/xmalloc.h"

#include <stdlib.h>
#include <string.h>

static int imp_pow10_shift(const char *num, int shift, char *out, size_t n)
{
	/* num: [sign]digits[.digits]; multiplied by 10^shift, exactly */
	char sign = 0, d[80];
	size_t k = 0;
	int point = -1;
	for (const char *p = num; *p; p++) {
		if (*p == '+' || *p == '-')
			sign = *p == '-' ? '-' : 0;
		else if (*p == '.')
			point = (int)k;
		else if (*p >= '0' && *p <= '9' && k + 1 < sizeof d)
			d[k++] = *p;
	}
	if (point < 0)
		point = (int)k;
	point += shift;
	struct buf b;
	buf_init(&b);
	if (sign)
		buf_putc(&b, sign);
	if (point <= 0) {
		buf_puts(&b, "0.");
		for (int i = point; i < 0; i++)
			buf_putc(&b, '0');
		buf_add(&b, d, k);
	} else if ((size_t)point >= k) {
		buf_add(&b, d, k);
		for (size_t i = k; i < (size_t)point; i++)
			buf_putc(&b, '0');
	} else {
		buf_add(&b, d, (size_t)point);
		buf_putc(&b, '.');
		buf_add(&b, d + point, k - (size_t)point);
	}
	/* trailing zeros after the point carry no place the page printed */
	char *s = b.data;
	if (strchr(s, '.')) {
		size_t l = strlen(s);
		while (s[l - 1] == '0')
			s[--l] = '\0';
		if (s[l - 1] == '.')
			s[--l] = '\0';
	}
	int ok = strlen(s) < n;
	if (ok)
		strcpy(out, s);
	buf_free(&b);
	return ok ? 0 : -1;
}

void imp_place(struct imp *m, const struct icell *c)
{
	const struct fblock *b = m->tb;
	int col = 0;
	if (m->hdr_b == b && m->nhdr > 0) {
		/* a row with fewer cells than headings left (a blank printed as
		 * nothing, in text): each figure under the heading nearest it,
		 * where the text says where both stand */
		if (m->got == 0)
			m->row_full = m->row_left >= m->nhdr;
		if (m->row_left < m->nhdr - m->got && c->x1 > 0) {
			int best = -1, far = 0;
			for (int k = m->got; k < m->nhdr && m->hdr_x[k] > 0; k++) {
				int at = m->hdr_fx[k] > 0 ? m->hdr_fx[k] : m->hdr_x[k];
				int d = abs(c->x0 + c->x1 - at);
				if (best < 0 || d < far)
					best = k, far = d;
			}
			if (best > m->got && m->hdr_x[m->nhdr - 1] > 0)
				m->got = best;
		}
		if (m->row_full && c->x1 > 0 && m->got < m->nhdr)
			m->hdr_fx[m->got] = c->x0 + c->x1;
		m->row_left--;
		/* by the page's headings: a column the form lacks takes nothing */
		col = m->got < m->nhdr ? m->hdr[m->got] : b->ncols;
		if (col < 0) {
			m->got++;
			if (c->kind == IC_FIGURE) {
				char *a = imp_q(m, c->text);
				imp_note(m, c, "figure %s not placed: its column is not in form %s",
					 a, m->f->id);
				free(a);
				m->lost++;
			}
			return;
		}
	} else {
		while (col < b->ncols && m->seen[form_cell(b, m->tr, col)])
			col++;
		/* a row with fewer figures than columns left (a blank printed
		 * as nothing, in text): each figure under the figures of the
		 * block's last full row, where the text says where both stand */
		int fits = b->ncols <= 64;
		if (m->got == 0) {
			m->full_now = fits && c->x1 > 0 && m->row_left >= b->ncols;
			if (m->full_now) {
				m->full_b = b;
				memset(m->full_x, 0, sizeof m->full_x);
			}
		}
		if (fits && !m->full_now && m->full_b == b && c->x1 > 0 &&
		    m->row_left < b->ncols - col) {
			int best = -1, far = 0;
			for (int k = col; k < b->ncols; k++) {
				if (m->full_x[k] <= 0 || m->seen[form_cell(b, m->tr, k)])
					continue;
				int d = abs(c->x0 + c->x1 - m->full_x[k]);
				if (best < 0 || d < far)
					best = k, far = d;
			}
			if (best > col)
				col = best;
		}
		if (m->full_now && col < b->ncols && c->x1 > 0)
			m->full_x[col] = c->x0 + c->x1;
		m->row_left--;
	}
	if (col >= b->ncols) {
		if (c->kind == IC_FIGURE) {
			char *a = imp_q(m, c->text);
			imp_note(m, c, "figure %s not placed: row %s has no column left", a,
				 b->row[m->tr]->label);
			free(a);
			m->lost++;
		}
		return;
	}
	int cell = form_cell(b, m->tr, col);
	const struct fnode *cn = b->col[col];
	if (m->spill != NULL) {
		char *a = imp_q(m, m->spill->text);
		imp_note(m, m->spill, "%s printed as one row: its figures go to %s", a,
			 b->row[m->tr]->label);
		free(a);
		m->loose++;
		m->spill = NULL;
	}
	m->seen[cell] = 1;
	m->got++;
	free(m->from[cell]);
	m->from[cell] = c->tab > 0 ? xasprintf("line %d, table %d, row %d, cell %d", c->line,
					       c->tab, c->row, c->cell)
				   : xasprintf("line %d", c->line);
	const char *path = imp_row_path(m, b, m->tr);
	if (c->kind == IC_BLANK) {
		if (*c->text)
			imp_note(m, c, "%s read as blank: %s, %s", c->text, path, cn->label);
		return;
	}
	char num[64], conv[96];
	int unit;
	imp_figure(c->text, num, sizeof num, &unit);
	const char *use = num;
	int uexp = unit >= 0 ? imp_units[unit].exp : -2;
	int cu = cn->unit ? imp_unit(cn->unit) : -1;
	int cexp = cu >= 0 ? imp_units[cu].exp : -2;
	if (unit >= 0 && uexp >= 0 && cexp >= 0 && uexp != cexp) {
		if (imp_pow10_shift(num, uexp - cexp, conv, sizeof conv) == 0) {
			use = conv;
			imp_note(m, c, "%s converted to %s %s: %s, %s", c->text, conv, cn->unit,
				 path, cn->label);
		}
	} else if (unit >= 0 && !(uexp >= 0 && uexp == cexp)) {
		imp_note(m, c, "%s: unit %s dropped, %s kept: %s, %s", c->text,
			 imp_units[unit].name, num, path, cn->label);
	}
	struct value v = {0};
	const char *why = NULL;
	char bad[16];
	if (value_input(use, &m->f->cells[cell].type, &v, &why, bad) < 0) {
		char *a = imp_q(m, c->text);
		imp_note(m, c, "figure %s not placed in %s, %s: %s; left blank", a, path, cn->label,
			 why);
		free(a);
		m->lost++;
	} else {
		/* a printed total is kept as a loaded file keeps it: stored,
		 * for check to set beside the sum of its parts */
		struct value *to =
		    m->f->cells[cell].formula != NULL ? &m->r->stored[cell] : &m->r->vals[cell];
		value_clear(to);
		*to = v;
		/* given at this line of the page, as a file's cell is given at
		 * its line */
		m->r->line[cell] = c->line > 0 ? c->line : 1;
		m->r->col[cell] = 1;
		m->placed++;
	}
}

/* How many steps of cutting a row's digits are taken, at most, for a row
 * and for a whole document (a page of hostile rows must not take minutes),
 * and how many readings a note lists. */
#define SPLIT_MAX_TRIES 20000
#define SPLIT_DOC_TRIES 400000
#define SPLIT_MAX_LISTED 3
/* A cell's figure is at most this many digits (far beyond any count, and
 * within int64). */
#define SPLIT_MAX_DIGITS 12

struct split {
	struct imp *m;
	const char *digits;             /* the row's digits, one after another */
	int len, k;                     /* how many digits, and cells */
	int cells[IMP_SPLIT_MAX_CELLS]; /* the row's cells, in order */
	/* the totals of the row that read only the row's cells */
	int totals[IMP_SPLIT_MAX_CELLS], ntotals;
	struct value *vals;               /* the form's cells, blank but for the row's */
	int cut[IMP_SPLIT_MAX_CELLS + 1]; /* where each figure begins */
	int fits, tries;
	int first[IMP_SPLIT_MAX_CELLS + 1]; /* the first reading that fits */
	struct buf listed;                  /* the readings that fit, listed */
};

struct split_reads {
	const struct split *s;
	int inside;
};

static void split_reads_cell(int cell, void *arg)
{
	struct split_reads *r = arg;
	int in = 0;
	for (int j = 0; j < r->s->k; j++)
		in |= r->s->cells[j] == cell;
	r->inside &= in;
}

/* The reading cut[] as the row's figures: 1 if every total adds up. */
static int split_fits(struct split *s)
{
	for (int j = 0; j < s->k; j++) {
		char part[SPLIT_MAX_DIGITS + 1];
		int n = s->cut[j + 1] - s->cut[j];
		memcpy(part, s->digits + s->cut[j], (size_t)n);
		part[n] = '\0';
		const char *why;
		value_clear(&s->vals[s->cells[j]]);
		if (value_parse(part, &s->m->f->cells[s->cells[j]].type, &s->vals[s->cells[j]],
				&why) < 0)
			return 0;
	}
	for (int t = 0; t < s->ntotals; t++) {
		int cell = s->totals[t];
		struct value got = {0};
		int ok = expr_eval_num(s->m->f->cells[cell].formula, s->vals, &got) == 0 &&
			 value_same(&got, &s->vals[cell]);
		value_clear(&got);
		if (!ok)
			return 0;
	}
	return 1;
}

static void split_list(struct split *s)
{
	if (s->fits > SPLIT_MAX_LISTED)
		return;
	if (s->fits > 1)
		buf_puts(&s->listed, " / ");
	for (int j = 0; j < s->k; j++) {
		if (j)
			buf_putc(&s->listed, ' ');
		buf_add(&s->listed, s->digits + s->cut[j], (size_t)(s->cut[j + 1] - s->cut[j]));
	}
}

/* Every way of cutting the digits from at into the figures from j on. */
static void split_walk(struct split *s, int j, int at)
{
	if (++s->tries > SPLIT_MAX_TRIES)
		return;
	if (j == s->k) {
		if (at != s->len)
			return;
		if (split_fits(s)) {
			if (s->fits++ == 0)
				memcpy(s->first, s->cut, sizeof s->first);
			split_list(s);
		}
		return;
	}
	int left = s->k - j - 1; /* figures after this one: a digit each at least */
	int most = s->digits[at] == '0' ? 1 : SPLIT_MAX_DIGITS;
	for (int n = 1; n <= most && at + n + left <= s->len; n++) {
		/* the rest must fit in the figures left */
		if (s->len - (at + n) > left * SPLIT_MAX_DIGITS)
			continue;
		s->cut[j] = at;
		s->cut[j + 1] = at + n;
		split_walk(s, j + 1, at + n);
	}
}

/* The columns the row's figures go to, in order, into cells[]: the
 * page's headings when it had them, else the row's columns not yet
 * printed. 0 when one is a column the form lacks or there are too many. */
static int split_columns(const struct imp *m, int cells[IMP_SPLIT_MAX_CELLS])
{
	const struct fblock *b = m->tb;
	int k = 0;
	if (m->hdr_b == b && m->nhdr > 0) {
		for (int h = m->got; h < m->nhdr; h++) {
			if (m->hdr[h] < 0 || k == IMP_SPLIT_MAX_CELLS)
				return 0;
			cells[k++] = form_cell(b, m->tr, m->hdr[h]);
		}
		return k;
	}
	for (int c = 0; c < b->ncols; c++) {
		int cell = form_cell(b, m->tr, c);
		if (m->seen[cell])
			continue;
		if (k == IMP_SPLIT_MAX_CELLS)
			return 0;
		cells[k++] = cell;
	}
	return k;
}

/* Whether the figures as printed already add up: the last the row's total,
 * the others its parts (a row printed with blanks left out). */
static int split_as_printed(const char *const *figs, int n)
{
	if (n < 2)
		return 0;
	/* figures of digits alone, 18 at most: no sum of 64 of them overflows */
	long long sum = 0, total = 0;
	for (int i = 0; i < n; i++) {
		if (strlen(figs[i]) > 18)
			return 0;
		long long v = atoll(figs[i]);
		if (i < n - 1)
			sum += v;
		else
			total = v;
	}
	return sum == total;
}

int imp_split(struct imp *m, const struct irow *row, int i)
{
	int nfig = row->n - i;
	if (nfig < 1 || nfig > IMP_SPLIT_MAX_CELLS)
		return 0;
	/* every cell left a figure of digits only, no unit, no point */
	char nums[IMP_SPLIT_MAX_CELLS][64];
	const char *figs[IMP_SPLIT_MAX_CELLS];
	int len = 0, lead0 = 0;
	for (int j = 0; j < nfig; j++) {
		const struct icell *c = &row->cells[i + j];
		int unit;
		if (c->kind != IC_FIGURE ||
		    imp_figure(c->text, nums[j], sizeof nums[j], &unit) < 0 || unit >= 0)
			return 0;
		for (const char *p = nums[j]; *p; p++)
			if (*p < '0' || *p > '9')
				return 0;
		int n = (int)strlen(nums[j]);
		lead0 |= n > 1 && nums[j][0] == '0';
		figs[j] = nums[j];
		len += n;
	}
	struct split s = {.m = m, .len = len};
	s.k = split_columns(m, s.cells);
	if (s.k < 2 || len < s.k || len > s.k * SPLIT_MAX_DIGITS || nfig > s.k)
		return 0;
	/* a full row of figures that start with no 0 is read as printed: its
	 * totals need not be looked for (most rows end here) */
	if (!lead0 && nfig == s.k)
		return 0;
	/* the row's totals that read only its own cells */
	for (int j = 0; j < s.k; j++) {
		const struct expr *e = m->f->cells[s.cells[j]].formula;
		if (e == NULL)
			continue;
		struct split_reads r = {&s, 1};
		expr_cells(e, split_reads_cell, &r);
		if (r.inside)
			s.totals[s.ntotals++] = s.cells[j];
	}
	/* a row read as printed unless its figures cannot be its cells: one
	 * starts with 0, one number stands for a row, or fewer figures than
	 * cells that do not add up as printed */
	int suspect = lead0 || (nfig == 1 && len >= s.k) ||
		      (nfig < s.k && s.ntotals > 0 && !split_as_printed(figs, nfig));
	if (!suspect || m->split_tries > SPLIT_DOC_TRIES)
		return 0;
	char *digits = xmalloc((size_t)len + 1);
	digits[0] = '\0';
	for (int j = 0; j < nfig; j++)
		strcat(digits, figs[j]);
	s.digits = digits;
	s.vals = xcalloc((size_t)m->f->ncells, sizeof *s.vals);
	buf_init(&s.listed);
	split_walk(&s, 0, 0);
	m->split_tries += s.tries;
	const struct icell *c = &row->cells[i];
	char *a = NULL;
	if (!m->quiet) {
		struct buf p;
		buf_init(&p);
		for (int j = 0; j < nfig; j++)
			buf_printf(&p, "%s%s", j ? " " : "", row->cells[i + j].text);
		a = imp_q(m, p.data);
		buf_free(&p);
	}
	int forced = len == s.k;
	const char *path = imp_row_path(m, m->tb, m->tr);
	if (forced || s.fits == 1) {
		if (forced) {
			s.listed.len = 0;
			for (int j = 0; j <= s.k; j++)
				s.first[j] = s.cut[j] = j;
			split_list(&s);
			imp_note(m, c, "%s read as %s, one digit a cell: %s", a, s.listed.data,
				 path);
		} else {
			imp_note(m, c, "%s read as %s, the one reading whose totals add up: %s", a,
				 s.listed.data, path);
		}
		for (int j = 0; j < s.k; j++) {
			struct icell one = *c;
			char part[SPLIT_MAX_DIGITS + 1];
			int n = s.first[j + 1] - s.first[j];
			memcpy(part, digits + s.first[j], (size_t)n);
			part[n] = '\0';
			one.text = part;
			one.x0 = one.x1 = 0;
			imp_place(m, &one);
		}
	} else if (s.tries > SPLIT_MAX_TRIES) {
		imp_note(m, c, "%s could be read in too many ways to try; left blank: %s", a, path);
		m->lost += nfig;
	} else if (s.fits > 1) {
		imp_note(m, c,
			 "%s could be read %d ways whose totals add up (%s%s); left blank: %s", a,
			 s.fits, s.listed.data, s.fits > SPLIT_MAX_LISTED ? " / …" : "", path);
		m->lost += nfig;
	} else {
		imp_note(m, c,
			 "%s cannot be read as the row's %d figures so that its totals add up; "
			 "left blank: %s",
			 a, s.k, path);
		m->lost += nfig;
	}
	free(a);
	for (int j = 0; j < m->f->ncells; j++)
		value_clear(&s.vals[j]);
	free(s.vals);
	buf_free(&s.listed);
	free(digits);
	return nfig;
}
