/* dlopen and dlsym for the libraries loaded when first needed. */
#include "base/dynlib.h"

#include <dlfcn.h>
#include <stddef.h>

int dynlib_load(const char *const *names, int nnames, const struct dynlib_sym *syms, int n)
{
	void *h = NULL;
	for (int i = 0; i < nnames && h == NULL; i++)
		h = dlopen(names[i], RTLD_NOW | RTLD_LOCAL);
	if (h == NULL)
		return -1;
	int ok = 0;
	for (int i = 0; i < n; i++)
		ok |= (*syms[i].to = dlsym(h, syms[i].name)) == NULL;
	return ok ? -1 : 0;
}
