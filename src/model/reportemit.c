/* A report written as YAML, deterministically, through libyaml's emitter:
 * the sections in the order the format fixes, every cell of every table
 * (reportio.c reads it back). */
#include "model/report.h"
#include "base/buf.h"
#include "model/form.h"
#include "model/value.h"
#include "model/yamlio.h"

#include <stdio.h>
#include <stdlib.h>

static void report_emit_value(struct yemit *y, const struct value *v)
{
	char *s = value_str(v);
	/* an overflowed total is written blank, so the file still loads and the
	 * overflow is found again */
	yemit_scalar(y, v->kind == VAL_BLANK || v->kind == VAL_ERROR ? "~" : s,
		     v->kind == VAL_TEXT ? YEMIT_STRING : YEMIT_PLAIN);
	free(s);
}

static void report_emit_block(struct yemit *y, const struct report *r, const struct fblock *b)
{
	yemit_map_start(y);
	for (int i = 0; i < b->nrows; i++) {
		yemit_scalar(y, b->row[i]->id, YEMIT_PLAIN);
		yemit_map_start(y);
		for (int c = 0; c < b->ncols; c++) {
			int cell = form_cell(b, i, c);
			yemit_scalar(y, b->col[c]->id, YEMIT_PLAIN);
			/* a total an imported page printed is kept as printed: the
			 * evidence check sets beside the computed one */
			int printed = r->form->cells[cell].formula != NULL && r->source_at &&
				      r->source_at[cell] && r->stored[cell].kind == VAL_NUM;
			report_emit_value(y, printed ? &r->stored[cell] : &r->vals[cell]);
		}
		yemit_map_end(y);
	}
	yemit_map_end(y);
}

/* Longer than the guide: the file's sections in the order the format
 * fixes (form, previous, header, prose, tables, source, parts,
 * acknowledged), each a few emitter calls; split, the order would be in no
 * one place. */
int report_to_yaml(const struct report *r, struct buf *out)
{
	const struct form *f = r->form;
	struct yemit *y = yemit_new(out);
	char ver[16];
	snprintf(ver, sizeof ver, "%d", f->version);
	yemit_map_start(y);
	yemit_scalar(y, "form", YEMIT_PLAIN);
	yemit_scalar(y, f->id, YEMIT_STRING);
	yemit_scalar(y, "form-version", YEMIT_PLAIN);
	yemit_scalar(y, ver, YEMIT_PLAIN);
	if (r->previous != NULL) {
		yemit_scalar(y, "previous", YEMIT_PLAIN);
		yemit_scalar(y, r->previous, YEMIT_STRING);
	}
	yemit_scalar(y, "header", YEMIT_PLAIN);
	yemit_map_start(y);
	for (int i = 0; i < f->nheader; i++) {
		yemit_scalar(y, f->header[i].id, YEMIT_PLAIN);
		const char *v = r->header[i];
		if (v == NULL)
			yemit_scalar(y, "~", YEMIT_PLAIN);
		else
			yemit_scalar(y, v,
				     f->header[i].type == HF_TEXT ? YEMIT_STRING : YEMIT_PLAIN);
	}
	yemit_map_end(y);
	yemit_scalar(y, "prose", YEMIT_PLAIN);
	yemit_map_start(y);
	for (int i = 0; i < f->nprose; i++) {
		yemit_scalar(y, form_prose_part(f, i)->id, YEMIT_PLAIN);
		if (r->prose[i] == NULL)
			yemit_scalar(y, "~", YEMIT_PLAIN);
		else
			yemit_scalar(y, r->prose[i], YEMIT_LITERAL);
	}
	yemit_map_end(y);
	yemit_scalar(y, "tables", YEMIT_PLAIN);
	yemit_map_start(y);
	for (int i = 0; i < f->ntables; i++) {
		const struct ftable *t = f->tables[i];
		yemit_scalar(y, t->id, YEMIT_PLAIN);
		if (t->implicit) {
			report_emit_block(y, r, t->blocks[0]);
			continue;
		}
		yemit_map_start(y);
		for (int k = 0; k < t->nblocks; k++) {
			yemit_scalar(y, t->blocks[k]->id, YEMIT_PLAIN);
			report_emit_block(y, r, t->blocks[k]);
		}
		yemit_map_end(y);
	}
	yemit_map_end(y);
	if (r->source != NULL) {
		yemit_scalar(y, "source", YEMIT_PLAIN);
		yemit_map_start(y);
		yemit_scalar(y, "file", YEMIT_PLAIN);
		yemit_scalar(y, r->source, YEMIT_STRING);
		if (r->source_sha256 != NULL) {
			yemit_scalar(y, "sha256", YEMIT_PLAIN);
			yemit_scalar(y, r->source_sha256, YEMIT_STRING);
		}
		if (r->source_at != NULL) {
			yemit_scalar(y, "cells", YEMIT_PLAIN);
			yemit_map_start(y);
			for (int i = 0; i < f->ncells; i++)
				if (r->source_at[i] != NULL) {
					char *k = report_cell_path(f, i);
					yemit_scalar(y, k, YEMIT_PLAIN);
					yemit_scalar(y, r->source_at[i], YEMIT_STRING);
					free(k);
				}
			yemit_map_end(y);
		}
		yemit_map_end(y);
	}
	if (r->nparts > 0) {
		yemit_scalar(y, "parts", YEMIT_PLAIN);
		yemit_seq_start(y, 0);
		for (int i = 0; i < r->nparts; i++) {
			yemit_map_start(y);
			yemit_scalar(y, "file", YEMIT_PLAIN);
			yemit_scalar(y, r->parts[i].file, YEMIT_STRING);
			yemit_scalar(y, "organ", YEMIT_PLAIN);
			yemit_scalar(y, r->parts[i].organ, YEMIT_STRING);
			yemit_scalar(y, "sha256", YEMIT_PLAIN);
			yemit_scalar(y, r->parts[i].sha256, YEMIT_STRING);
			yemit_map_end(y);
		}
		yemit_seq_end(y);
	}
	if (r->nacks > 0) {
		yemit_scalar(y, "acknowledged", YEMIT_PLAIN);
		yemit_seq_start(y, 0);
		for (int i = 0; i < r->nacks; i++) {
			const struct report_ack *a = &r->acks[i];
			yemit_map_start(y);
			yemit_scalar(y, "check", YEMIT_PLAIN);
			yemit_scalar(y, a->check->id, YEMIT_PLAIN);
			if (a->block != NULL) {
				yemit_scalar(y, "table", YEMIT_PLAIN);
				yemit_scalar(y, a->block->table->id, YEMIT_PLAIN);
				if (!a->block->table->implicit) {
					yemit_scalar(y, "block", YEMIT_PLAIN);
					yemit_scalar(y, a->block->id, YEMIT_PLAIN);
				}
			}
			if (a->r >= 0) {
				yemit_scalar(y, "row", YEMIT_PLAIN);
				yemit_scalar(y, a->block->row[a->r]->id, YEMIT_PLAIN);
			}
			if (a->c >= 0) {
				yemit_scalar(y, "column", YEMIT_PLAIN);
				yemit_scalar(y, a->block->col[a->c]->id, YEMIT_PLAIN);
			}
			yemit_scalar(y, "reason", YEMIT_PLAIN);
			yemit_scalar(y, a->reason, YEMIT_STRING);
			yemit_map_end(y);
		}
		yemit_seq_end(y);
	}
	yemit_map_end(y);
	return yemit_finish(y);
}
