/* Where forms are found: ./forms, each folder of $NIANBAO_FORMS (separated
 * by ':'), then the installed data folder; the first file named ID.yaml whose
 * id is ID wins. */
#ifndef NIANBAO_FORMPATH_H
#define NIANBAO_FORMPATH_H

struct form;
struct diags;

/* The folders, in search order; free with formpath_free_dirs. */
int formpath_dirs(char ***dirs);
void formpath_free_dirs(char **dirs, int n);
/* Loads the form with this id; NULL after a diagnostic. */
struct form *formpath_load(const char *id, struct diags *d);
/* 1 when id is a form id: [a-z0-9-]{1,64}, so never a path. */
int formpath_id_ok(const char *id);
/* Forms loaded once for many reports (nianbao check over thousands). */
struct formpath_cache {
	struct form **forms;
	int n;
};
const struct form *formpath_cache_get(struct formpath_cache *c, const char *id, struct diags *d);
void formpath_cache_free(struct formpath_cache *c);

/* Every form found, first of each id only; loads each (ones that fail to
 * load add their diagnostics). Returns the count; *out is owned by the
 * caller (free each with form_free, then the array). */
int formpath_all(struct form ***out, struct diags *d);
/* Frees what formpath_all gave. */
void formpath_all_free(struct form **all, int n);
/* A form's title and basis as a list shows them after its id, cut to cols
 * columns (0: whole), a cut marked ~: a list cuts the title, never the id.
 * To free. */
char *formpath_title(const struct form *f, int cols);

#endif
