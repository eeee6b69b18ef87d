/* The documents an office files (a PDF, a Word file), made by the program
 * that draws them, nianbao-doc, so that cairo, pango and libzip are loaded
 * in it and never in nianbao: where it is, and running it on a report. */
#ifndef NIANBAO_DOCFILE_H
#define NIANBAO_DOCFILE_H
#include <stddef.h>

struct buf;

enum docfile_kind { DOCFILE_PDF, DOCFILE_DOCX };

/* The first bytes of such a file ("%PDF-", a zip's "PK\3\4"). */
const char *docfile_magic(enum docfile_kind k);
/* The document beside the report at path: its name with .pdf or .docx
 * for .yaml. To free. */
char *docfile_beside(const char *path, enum docfile_kind k);
/* The program: beside this one (the build tree, or both installed in one
 * folder), else where it is installed. To free. */
char *docfile_program(void);
/* The same of another helper (nianbao-read, which reads documents back). */
char *docfile_helper(const char *name);
/* The document of the report file at path into out; fonts (five families
 * or NULLs: title, body, heading, kai, folio) for a PDF. 0; -2 when the
 * program is not there (said, with said); -1 when it failed: what it said
 * on standard error is the caller's, or, with said, its first line there. */
int docfile_make(const char *path, enum docfile_kind k, char *const fonts[5], struct buf *out,
		 char *said, size_t saidn);

#endif
