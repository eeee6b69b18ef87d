/* Interface text: English in the source, translated through gettext
 * (po/zh_CN.po) when the program has bound its domain (main.c does, for
 * every command); untranslated, or in a program that has not, the English
 * itself. Messages the model makes (diagnostics, problems, notes) are
 * translated where they are made, so that every view shows them alike. */
#ifndef NIANBAO_I18N_H
#define NIANBAO_I18N_H
#include "base/width.h"

#include <libintl.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

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

/* The locale of a program of nianbao's (nianbao and its helpers alike):
 * UTF-8 characters even where the locale asked for is missing
 * (width_init_locale), and every message in the user's language, a
 * Chinese locale this machine lacks still asking for Chinese. 1 when the
 * terminal is UTF-8. */
static inline int i18n_init(const char *package, const char *localedir)
{
	int utf8 = width_init_locale();
	const char *lang = getenv("LANGUAGE"), *msgs = setlocale(LC_MESSAGES, NULL);
	if ((lang == NULL || *lang == '\0') && msgs && strcmp(msgs, "C.UTF-8") == 0 &&
	    strncmp(width_language(), "zh", 2) == 0)
		setenv("LANGUAGE", "zh_CN", 1);
	i18n_bind(package, localedir);
	return utf8;
}

#endif
