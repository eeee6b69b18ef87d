/* Interface text: English in the source, translated through gettext
 * (po/zh_CN.po) when the program has bound its domain (main.c does, for
 * every command); untranslated, or in a program that has not, the English
 * itself. Messages the model makes (diagnostics, problems, notes) are
 * translated where they are made, so that every view shows them alike. */
#ifndef NIANBAO_I18N_H
#define NIANBAO_I18N_H
#include <libintl.h>
#include <stdlib.h>

#define _(s) gettext(s)
/* marks a text for translation where it is defined; translated where used */
#define N_(s) (s)

/* Binds the program's messages: from $NIANBAO_LOCALEDIR when it is set (a
 * build tree's tests), else from localedir, where they are installed. */
static inline void i18n_bind(const char *package, const char *localedir)
{
	const char *dir = getenv("NIANBAO_LOCALEDIR");
	bindtextdomain(package, dir && *dir ? dir : localedir);
	bind_textdomain_codeset(package, "UTF-8");
	textdomain(package);
}

#endif
