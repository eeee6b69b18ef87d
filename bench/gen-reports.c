/* Writes N generated reports of gov-info-2021 for the check benchmarks:
 * plausible figures that balance, except about a third with a broken
 * 勾稽关系 and one in twenty with a blank cell.
 * usage: gen-reports FORM.yaml N OUTDIR [SEED [YEAR]]: the years run 2021
 * to 2024 unless YEAR fixes them (one year, for sum). */
#include "base/buf.h"
#include "base/diag.h"
#include "engine/engine.h"
#include "model/form.h"
#include "model/report.h"
#include "base/savefile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static unsigned gen_rand(unsigned *s)
{
	*s = *s * 1103515245u + 12345u;
	return (*s >> 16) & 0x7fff;
}

static void gen_set(struct engine *e, int cell, long v)
{
	struct value x = {VAL_NUM, 0, v, NULL};
	engine_edit(e, cell, &x);
}

static int gen_cell(const struct fblock *b, const char *row, const char *col)
{
	return form_cell(b, form_node(&b->rows, row)->leaf, form_node(&b->cols, col)->leaf);
}

int main(int argc, char **argv)
{
	if (argc < 4) {
		fputs("usage: gen-reports FORM.yaml N OUTDIR [SEED [YEAR]]\n", stderr);
		return 2;
	}
	struct diags d;
	diags_init(&d);
	struct form *f = form_load(argv[1], &d);
	if (f == NULL) {
		diags_print(&d, stderr);
		return 2;
	}
	int n = atoi(argv[2]);
	unsigned seed = argc > 4 ? (unsigned)atoi(argv[4]) : 1;
	int fixed_year = argc > 5 ? atoi(argv[5]) : 0;
	const struct fblock *t3 = form_table(f, "applications")->blocks[0];
	static const char *cols[] = {"natural",   "business", "research",
				     "nonprofit", "legal",    "org_other"};
	struct buf yaml;
	buf_init(&yaml);
	for (int k = 0; k < n; k++) {
		struct report *r = report_new(f);
		struct engine *e = engine_new(r);
		for (int i = 0; i < f->ncells; i++)
			if (f->cells[i].formula == NULL)
				gen_set(e, i, gen_rand(&seed) % 40);
		/* 表三 balanced column by column: 一 + 二 = （七）总计 + 四 */
		for (int c = 0; c < 6; c++) {
			long handled = 0;
			for (int rr = 0; rr < t3->nrows; rr++) {
				const char *id = t3->row[rr]->id;
				if (strcmp(id, "new") == 0 || strcmp(id, "carried") == 0 ||
				    strcmp(id, "forward") == 0 || strcmp(id, "total") == 0)
					continue;
				long v = gen_rand(&seed) % 4 == 0 ? gen_rand(&seed) % 6 : 0;
				gen_set(e, form_cell(t3, rr, form_node(&t3->cols, cols[c])->leaf),
					v);
				handled += v;
			}
			long carried = gen_rand(&seed) % 3, forward = gen_rand(&seed) % 3;
			long fresh = handled + forward - carried;
			if (fresh < 0)
				carried = 0, fresh = handled + forward;
			if (k % 3 == 1 && c == 0)
				fresh++; /* a third of the reports do not balance */
			gen_set(e, gen_cell(t3, "new", cols[c]), fresh);
			gen_set(e, gen_cell(t3, "carried", cols[c]), carried);
			gen_set(e, gen_cell(t3, "forward", cols[c]), forward);
		}
		if (k % 20 == 7) {
			struct value blank = {0};
			engine_edit(e, gen_cell(t3, "repeat", "legal"), &blank);
		}
		const char *why;
		char organ[64], year[8];
		snprintf(organ, sizeof organ, "示例街道办事处%d", k);
		snprintf(year, sizeof year, "%d", fixed_year ? fixed_year : 2021 + k % 4);
		report_set_header(r, form_hfield(f, "organ"), organ, &why);
		report_set_header(r, form_hfield(f, "year"), year, &why);
		report_set_header(r, form_hfield(f, "date"), "2022-01-15", &why);
		report_set_prose(r, 1, "全年主动公开各类政府信息，依法办理政府信息公开申请。");
		yaml.len = 0;
		report_to_yaml(r, &yaml);
		char path[4096];
		snprintf(path, sizeof path, "%s/r%06d.yaml", argv[3], k);
		FILE *fp = fopen(path, "wb");
		if (fp == NULL || fwrite(yaml.data, 1, yaml.len, fp) != yaml.len) {
			perror(path);
			return 2;
		}
		fclose(fp);
		engine_free(e);
		report_free(r);
	}
	buf_free(&yaml);
	form_free(f);
	diags_free(&d);
	return 0;
}
