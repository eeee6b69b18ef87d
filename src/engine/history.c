/* Undo history. */
#include "engine/history.h"
#include "base/xmalloc.h"

#include <stdlib.h>
#include <string.h>

void history_init(struct history *h)
{
	memset(h, 0, sizeof *h);
}

static void history_step_free(struct history_step *s)
{
	for (int i = 0; i < s->n; i++) {
		change_clear(&s->v[i].undo);
		change_clear(&s->v[i].redo);
	}
	free(s->v);
	memset(s, 0, sizeof *s);
}

void history_free(struct history *h)
{
	for (int i = 0; i < h->n; i++)
		history_step_free(&h->steps[i]);
	free(h->steps);
	history_init(h);
}

void history_begin(struct history *h)
{
	while (h->n > h->done)
		history_step_free(&h->steps[--h->n]);
	h->steps = xreallocarray(h->steps, (size_t)h->n + 1, sizeof *h->steps);
	memset(&h->steps[h->n], 0, sizeof h->steps[h->n]);
	h->n++;
	h->open = 1;
}

void history_add(struct history *h, const struct change *undo, const struct change *redo)
{
	if (!h->open)
		return;
	struct history_step *s = &h->steps[h->n - 1];
	s->v = xreallocarray(s->v, (size_t)s->n + 1, sizeof *s->v);
	struct history_pair *p = &s->v[s->n++];
	change_copy(&p->undo, undo);
	change_copy(&p->redo, redo);
}

void history_end(struct history *h)
{
	h->open = 0;
	if (h->n > 0 && h->steps[h->n - 1].n == 0)
		history_step_free(&h->steps[--h->n]);
	else
		h->done = h->n;
}

const struct history_step *history_undo(struct history *h)
{
	if (h->done == 0)
		return NULL;
	return &h->steps[--h->done];
}

const struct history_step *history_redo(struct history *h)
{
	if (h->done == h->n)
		return NULL;
	return &h->steps[h->done++];
}
