/* Reading a pasted block into rows and columns. */
#include "base/paste.h"

#include "base/buf.h"
#include "base/xmalloc.h"

#include <stdlib.h>
#include <string.h>

/* How rows end: CRLF where there is one; CR CR where every CR comes in a
 * pair and no LF is left (a terminal's CRLF); else any CR or LF. */
enum paste_eol { EOL_ANY, EOL_CRLF, EOL_CRCR };

static enum paste_eol paste_eol(const char *s)
{
	if (strstr(s, "\r\n") != NULL)
		return EOL_CRLF;
	if (strchr(s, '\n') != NULL || strstr(s, "\r\r") == NULL)
		return EOL_ANY;
	for (const char *p = s; (p = strchr(p, '\r')) != NULL;) {
		size_t run = strspn(p, "\r");
		if (run % 2 != 0)
			return EOL_ANY;
		p += run;
	}
	return EOL_CRCR;
}

/* Bytes of the row end at p, or 0. */
static size_t paste_row_end(const char *p, enum paste_eol eol)
{
	if (eol == EOL_CRCR)
		return p[0] == '\r' && p[1] == '\r' ? 2 : 0;
	if (p[0] == '\r' && p[1] == '\n')
		return 2;
	return p[0] == '\r' || p[0] == '\n' ? 1 : 0;
}

struct paste_rows {
	char ***row; /* fields of each row */
	int *n;
	int *tab_end; /* the row ended with a tab, its empty last field dropped */
	int nrows;
	int trailing_tab; /* how many did */
};

void paste_parse(const char *text, struct paste_block *b)
{
	memset(b, 0, sizeof *b);
	enum paste_eol eol = paste_eol(text);
	struct paste_rows R = {0};
	struct buf f;
	buf_init(&f);
	const char *p = text;
	while (*p) {
		char **fields = NULL;
		int n = 0, tab_end = 0;
		for (;;) {
			f.len = 0;
			f.data[0] = '\0';
			if (*p == '"') {
				/* a quoted field: "" is a quote, tabs and row ends inside */
				for (p++; *p; p++) {
					if (p[0] == '"' && p[1] == '"')
						buf_putc(&f, '"'), p++;
					else if (*p == '"') {
						p++;
						break;
					} else
						buf_putc(&f, *p);
				}
			}
			while (*p && *p != '\t' && paste_row_end(p, eol) == 0)
				buf_putc(&f, *p++);
			fields = xreallocarray(fields, (size_t)n + 1, sizeof *fields);
			fields[n++] = xstrdup(f.data);
			if (*p != '\t')
				break;
			p++;
			tab_end = *p == '\0' || paste_row_end(p, eol) > 0;
		}
		p += paste_row_end(p, eol);
		if (tab_end) {
			free(fields[--n]);
			R.trailing_tab++;
		}
		R.row = xreallocarray(R.row, (size_t)R.nrows + 1, sizeof *R.row);
		R.n = xreallocarray(R.n, (size_t)R.nrows + 1, sizeof *R.n);
		R.tab_end = xreallocarray(R.tab_end, (size_t)R.nrows + 1, sizeof *R.tab_end);
		R.tab_end[R.nrows] = tab_end;
		R.row[R.nrows] = fields;
		R.n[R.nrows++] = n;
	}
	buf_free(&f);
	/* a trailing tab is Excel's only when every row has it */
	if (R.trailing_tab > 0 && R.trailing_tab < R.nrows)
		for (int r = 0; r < R.nrows; r++) {
			if (!R.tab_end[r])
				continue;
			R.row[r] = xreallocarray(R.row[r], (size_t)R.n[r] + 1, sizeof **R.row);
			R.row[r][R.n[r]++] = xstrdup("");
		}
	/* empty rows at the end are the final row end's, not copied cells */
	while (R.nrows > 0 && R.n[R.nrows - 1] == 1 && R.row[R.nrows - 1][0][0] == '\0') {
		R.nrows--;
		free(R.row[R.nrows][0]);
		free(R.row[R.nrows]);
	}
	for (int r = 0; r < R.nrows; r++)
		b->ncols = R.n[r] > b->ncols ? R.n[r] : b->ncols;
	b->nrows = R.nrows;
	b->cell = xcalloc((size_t)b->nrows * (size_t)b->ncols + 1, sizeof *b->cell);
	for (int r = 0; r < R.nrows; r++) {
		for (int c = 0; c < R.n[r]; c++)
			b->cell[(size_t)r * (size_t)b->ncols + (size_t)c] = R.row[r][c];
		free(R.row[r]);
	}
	free(R.row);
	free(R.n);
	free(R.tab_end);
}

void paste_free(struct paste_block *b)
{
	for (int i = 0; i < b->nrows * b->ncols; i++)
		free(b->cell[i]);
	free(b->cell);
	memset(b, 0, sizeof *b);
}
