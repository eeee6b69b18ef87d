/* Conversion of the rendering to another encoding through iconv. */
#include "base/encode.h"
#include "base/buf.h"
#include "base/diag.h"
#include "base/width.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

int encode_convert(const char *text, size_t len, const char *encoding, struct buf *out,
		   struct diags *d)
{
	if (encoding == NULL || strcasecmp(encoding, "UTF-8") == 0 ||
	    strcasecmp(encoding, "UTF8") == 0) {
		buf_add(out, text, len);
		return 0;
	}
	iconv_t cd = iconv_open(encoding, "UTF-8");
	if (cd == (iconv_t)-1) {
		diags_add(d, DIAG_ERROR, NULL, 0, 0, "unknown encoding '%s'", encoding);
		return -1;
	}
	char chunk[4096];
	char *in = (char *)text;
	size_t left = len;
	int rc = 0;
	while (left > 0) {
		char *o = chunk;
		size_t room = sizeof chunk;
		size_t r = iconv(cd, &in, &left, &o, &room);
		buf_add(out, chunk, (size_t)(o - chunk));
		if (r != (size_t)-1 || errno == E2BIG)
			continue;
		int line = 1;
		for (const char *p = text; p < in; p++)
			line += *p == '\n';
		uint32_t cp = 0;
		if (width_decode(in, left, &cp) < 0)
			cp = (unsigned char)*in;
		diags_add(d, DIAG_ERROR, NULL, 0, 0,
			  "line %d of the rendering: '%.*s' (U+%04X) cannot be written in %s", line,
			  width_decode(in, left, &cp) > 0 ? width_decode(in, left, &cp) : 1, in,
			  (unsigned)cp, encoding);
		rc = -1;
		break;
	}
	iconv_close(cd);
	return rc;
}
