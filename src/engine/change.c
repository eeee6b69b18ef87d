/* Changes to a report, applied one way. */
#include "engine/change.h"
#include "engine/engine.h"
#include "model/form.h"
#include "model/report.h"
#include "base/xmalloc.h"

#include <stdlib.h>
#include <string.h>

static char *change_dup(const char *s)
{
	return s && *s ? xstrdup(s) : NULL;
}

struct change change_cell(int cell, const struct value *v)
{
	struct change c = {.kind = CHANGE_CELL, .index = cell, .r = -1, .c = -1};
	value_copy(&c.value, v);
	return c;
}

struct change change_text(enum change_kind kind, int index, const char *text)
{
	return (struct change){
	    .kind = kind, .index = index, .text = change_dup(text), .r = -1, .c = -1};
}

struct change change_ack(const struct fcheck *check, const struct fblock *b, int r, int c,
			 const char *reason)
{
	return (struct change){.kind = CHANGE_ACK,
			       .index = -1,
			       .text = change_dup(reason),
			       .check = check,
			       .block = b,
			       .r = r,
			       .c = c};
}

void change_copy(struct change *dst, const struct change *src)
{
	*dst = *src;
	memset(&dst->value, 0, sizeof dst->value);
	value_copy(&dst->value, &src->value);
	dst->text = src->text ? xstrdup(src->text) : NULL;
}

void change_clear(struct change *c)
{
	value_clear(&c->value);
	free(c->text);
	c->text = NULL;
}

struct change change_undoing(const struct engine *e, const struct change *c)
{
	const struct report *r = engine_report(e);
	switch (c->kind) {
	case CHANGE_CELL:
		return change_cell(c->index, &r->vals[c->index]);
	case CHANGE_HEADER:
		return change_text(c->kind, c->index, r->header[c->index]);
	case CHANGE_PROSE:
		return change_text(c->kind, c->index, r->prose[c->index]);
	case CHANGE_ACK: {
		const struct report_ack *a = report_ack_find(r, c->check, c->block, c->r, c->c);
		return change_ack(c->check, c->block, c->r, c->c, a ? a->reason : NULL);
	}
	}
	return change_text(CHANGE_HEADER, -1, NULL);
}

static int change_same(const char *x, const char *y)
{
	return (x == NULL && y == NULL) || (x && y && strcmp(x, y) == 0);
}

int change_apply(struct engine *e, const struct change *c, const char **why)
{
	struct report *r = engine_report(e);
	*why = NULL;
	switch (c->kind) {
	case CHANGE_CELL:
		if (value_identical(&r->vals[c->index], &c->value))
			return 0;
		if (engine_edit(e, c->index, &c->value) < 0) {
			*why = "a computed total cannot be set";
			return -1;
		}
		return 1;
	case CHANGE_HEADER:
		if (change_same(r->header[c->index], c->text))
			return 0;
		return report_set_header(r, c->index, c->text, why) < 0 ? -1 : 1;
	case CHANGE_PROSE: {
		char *before = r->prose[c->index] ? xstrdup(r->prose[c->index]) : NULL;
		report_set_prose(r, c->index, c->text); /* normalised: then compared */
		int changed = !change_same(before, r->prose[c->index]);
		free(before);
		return changed;
	}
	case CHANGE_ACK: {
		const struct report_ack *a = report_ack_find(r, c->check, c->block, c->r, c->c);
		if (change_same(a ? a->reason : NULL, c->text))
			return 0;
		if (report_acknowledge(r, c->check, c->block, c->r, c->c, c->text) < 0) {
			*why = "only a warning can be acknowledged, with one line of visible text";
			return -1;
		}
		return 1;
	}
	}
	return -1;
}
