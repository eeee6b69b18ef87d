/* One organ's reports year after year. */
#include "engine/chain.h"
#include "engine/carry.h"
#include "model/form.h"
#include "model/linked.h"
#include "model/report.h"
#include "base/xmalloc.h"

#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

const struct form *chain_form(struct form *const *forms, int n, const struct form *last, int year)
{
	const struct form *best = NULL;
	for (int i = 0; i < n; i++) {
		const struct form *f = forms[i];
		if (f->since == 0 || f->since > year)
			continue;
		if (best == NULL || f->since > best->since ||
		    (f->since == best->since && strlen(f->id) < strlen(best->id)))
			best = f;
	}
	/* last year's form still applies: keep it, a local variant too */
	if (best == NULL || (last->since != 0 && last->since >= best->since))
		return last;
	return best;
}

int chain_reporting_year(time_t now)
{
	struct tm tm;
	localtime_r(&now, &tm);
	/* a report is written from the autumn of its year to the spring after */
	return tm.tm_year + 1900 - (tm.tm_mon < 9);
}

char *chain_previous_at(const char *prev, const char *rp, const char *rd)
{
	/* in the folder or below it (a supervisor's folder of unit folders):
	 * relative, so that the folder can move; elsewhere the whole path */
	const char *below = rp ? linked_under(rd, rp) : NULL;
	return xstrdup(below ? below : rp ? rp : prev);
}

char *chain_previous(const char *prev, const char *path)
{
	char *rd = linked_folder(path), *rp = realpath(prev, NULL);
	char *out = chain_previous_at(prev, rp, rd);
	free(rp);
	free(rd);
	return out;
}

struct report *chain_next(const struct report *prev, const struct form *f, const char *path)
{
	struct report *r = report_new(f);
	const char *why;
	int ko = form_hfield(prev->form, "organ"), k = form_hfield(f, "organ");
	if (ko >= 0 && k >= 0 && prev->header[ko])
		report_set_header(r, k, prev->header[ko], &why);
	int year = report_year(prev);
	k = form_hfield(f, "year");
	if (year > 0 && k >= 0) {
		char y[16];
		snprintf(y, sizeof y, "%d", year + 1);
		report_set_header(r, k, y, &why);
	}
	carry_fill(prev, r);
	/* last year's text is where this year's starts */
	for (int i = 0; i < f->nparts; i++) {
		const struct fpart *p = &f->parts[i];
		const struct fpart *q = p->kind == PART_PROSE ? form_part(prev->form, p->id) : NULL;
		if (q != NULL && q->kind == PART_PROSE && prev->prose[q->prose])
			report_set_prose(r, p->prose, prev->prose[q->prose]);
	}
	if (prev->path != NULL)
		r->previous = chain_previous(prev->path, path);
	return r;
}

static int chain_cmp(const void *x, const void *y)
{
	int a = report_year(*(struct report *const *)x),
	    b = report_year(*(struct report *const *)y);
	return (a > b) - (a < b);
}

void chain_sort(struct report **v, int n)
{
	qsort(v, (size_t)n, sizeof *v, chain_cmp);
}
