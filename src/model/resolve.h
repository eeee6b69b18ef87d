/* Binding a loaded form: numbers its cells, gives each its type, binds every
 * formula and check to the cells it reads, orders the formulas so that each
 * runs after what it reads, and indexes who reads each cell. */
#ifndef NIANBAO_RESOLVE_H
#define NIANBAO_RESOLVE_H

struct form;
struct diags;

/* 0, or -1 after one diagnostic naming file:line:column (missing cells,
 * type mismatches, cycles among formulas). */
int resolve_form(struct form *f, struct diags *d);

#endif
