/* A block of values as a spreadsheet (WPS, Excel) copies it and a terminal
 * pastes it: fields separated by tabs, rows ended by CR, LF or CRLF (or by
 * CR CR, which is CRLF after a terminal turned each LF into CR), with or
 * without a final row end, with Excel's trailing tab on every row and
 * quoted fields. It gives exactly the rows and columns that were copied. */
#ifndef NIANBAO_PASTE_H
#define NIANBAO_PASTE_H

struct paste_block {
	char **cell; /* cell[r * ncols + c]; NULL where a short row gave none */
	int nrows, ncols;
};

void paste_parse(const char *text, struct paste_block *b);
void paste_free(struct paste_block *b);

#endif
