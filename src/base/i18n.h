/* Interface text: English in the source, translated through gettext
 * (po/zh_CN.po) when the program has bound its domain (main.c does, for
 * every command); untranslated, or in a program that has not, the English
 * itself. Messages the model makes (diagnostics, problems, notes) are
 * translated where they are made, so that every view shows them alike. */
#ifndef NIANBAO_I18N_H
#define NIANBAO_I18N_H
#include <libintl.h>

#define _(s) gettext(s)
/* marks a text for translation where it is defined; translated where used */
#define N_(s) (s)

#endif
