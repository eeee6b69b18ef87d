/* Running nianbao-doc (docfile.h). */
#include "output/docfile.h"
#include "base/buf.h"
#include "base/child.h"
#include "base/i18n.h"
#include "base/xmalloc.h"

#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#ifndef PKGLIBEXECDIR
#define PKGLIBEXECDIR "/usr/local/libexec/nianbao"
#endif

const char *docfile_magic(enum docfile_kind k)
{
	return k == DOCFILE_DOCX ? "PK\003\004" : "%PDF-";
}

char *docfile_beside(const char *path, enum docfile_kind k)
{
	size_t n = strlen(path);
	int yaml = n > 5 && strcmp(path + n - 5, ".yaml") == 0;
	return xasprintf("%.*s.%s", (int)(yaml ? n - 5 : n), path,
			 k == DOCFILE_DOCX ? "docx" : "pdf");
}

char *docfile_helper(const char *name)
{
	char self[4096];
	ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
	if (n > 0) {
		self[n] = '\0';
		char *beside = xasprintf("%s/%s", dirname(self), name);
		if (access(beside, X_OK) == 0)
			return beside;
		free(beside);
	}
	return xasprintf("%s/%s", PKGLIBEXECDIR, name);
}

char *docfile_program(void)
{
	return docfile_helper("nianbao-doc");
}

int docfile_make(const char *path, enum docfile_kind k, char *const fonts[5], struct buf *out,
		 char *said, size_t saidn)
{
	static const char *const opt[] = {"--font-title", "--font-body", "--font-heading",
					  "--font-kai", "--font-folio"};
	char *prog = docfile_program();
	if (access(prog, X_OK) != 0) {
		if (said != NULL)
			snprintf(said, saidn, "%s",
				 _("nianbao-doc, which draws it, is not installed"));
		free(prog);
		return -2;
	}
	char *argv[16];
	int argc = 0;
	argv[argc++] = "nianbao-doc";
	argv[argc++] = k == DOCFILE_DOCX ? "docx" : "pdf";
	for (int i = 0; i < 5 && fonts != NULL && k == DOCFILE_PDF; i++)
		if (fonts[i] != NULL) {
			argv[argc++] = (char *)opt[i];
			argv[argc++] = fonts[i];
		}
	argv[argc++] = (char *)path;
	argv[argc] = NULL;
	/* a document is some megabytes; a gigabyte is no document */
	int st = child_output(prog, argv, out, 1u << 30, said, saidn);
	free(prog);
	const char *magic = docfile_magic(k);
	if (st != 0 || out->len < strlen(magic) || memcmp(out->data, magic, strlen(magic)) != 0)
		return -1;
	return 0;
}
