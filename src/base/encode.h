/* Output encodings: UTF-8 as it is, anything else (GB18030 for printers and
 * office machines that expect it) through iconv. A character the encoding
 * cannot hold is an error, never a '?'. */
#ifndef NIANBAO_ENCODE_H
#define NIANBAO_ENCODE_H
#include <stddef.h>

struct buf;
struct diags;

/* Appends text converted to encoding (NULL means UTF-8) to out; 0, or -1
 * with a diagnostic naming the line of the first character it cannot hold. */
int encode_convert(const char *text, size_t len, const char *encoding, struct buf *out,
		   struct diags *d);

#endif
