/* The report as a document, in the order it is printed: the title, each
 * part's heading, its paragraphs or its table, the signature and the date.
 * A table is a grid of merged cells a block (a table of more blocks, 表二's
 * items, is its blocks one under another, each titled) (the regions of spans.c, as the web page
 * and the workbook draw them), its heading rows marked so that a page that
 * continues it can repeat them. The PDF and the Word file are drawn from
 * it; nothing here knows a font or a page. */
#ifndef NIANBAO_DOC_H
#define NIANBAO_DOC_H

#include "model/spans.h"

struct engine;

enum doc_kind {
	DOC_TITLE,      /* the report's title */
	DOC_HEADING,    /* 一、总体情况: a part's title */
	DOC_SUBHEADING, /* （一）…: a paragraph that begins with one */
	DOC_PARA,       /* a paragraph of prose, indented two characters */
	DOC_NOTE,       /* a table's note, as printed above it */
	DOC_TABLE,      /* a block of a table; one after another, one table */
	DOC_SIGNATURE,  /* the organ, at the right over the date */
	DOC_DATE        /* the date, at the right */
};

struct doc_cell {
	enum span_kind kind;
	int r, c;       /* top-left in the table's grid */
	int rows, cols; /* how far it spans */
	char *text;     /* the label or the figure as printed ("" a blank) */
};

struct doc_table {
	int rows, cols;
	int labels; /* label columns at the left */
	/* per row: the first and last (exclusive) of the heading rows that go
	 * over it, repeated when the page breaks before it; both -1 for a row
	 * of headings or of an item's title */
	int *head_from, *head_to;
	struct doc_cell *cells; /* in reading order: by row, then by column */
	int ncells;
};

struct doc_item {
	enum doc_kind kind;
	char *text;              /* every kind but DOC_TABLE */
	struct doc_table *table; /* DOC_TABLE */
};

struct doc {
	char *title;
	char *organ; /* "" when blank */
	int year;    /* 0 when blank */
	struct doc_item *v;
	int n;
};

/* The document of e's report (computed, as e has it). */
void doc_build(const struct engine *e, struct doc *out);
void doc_free(struct doc *d);

#endif
