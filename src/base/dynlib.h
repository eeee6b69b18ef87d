/* Libraries loaded when first needed (libxml2 for web pages, libxlsxwriter
 * for workbooks): linked in, they and what they bring would cost every
 * other command start-up time and memory. */
#ifndef NIANBAO_DYNLIB_H
#define NIANBAO_DYNLIB_H

/* A symbol to look up and where its address goes. */
struct dynlib_sym {
	void **to;
	const char *name;
};

/* Opens the first of names[0..nnames) that loads and fills every symbol of
 * syms[0..n); 0, or -1 when none loads or a symbol is missing. */
int dynlib_load(const char *const *names, int nnames, const struct dynlib_sym *syms, int n);

#endif
