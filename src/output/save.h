/* Saving a report (above rendering and the atomic writer): the YAML and
 * its rendering beside it, written together by savefile_pair. */
#ifndef NIANBAO_SAVE_H
#define NIANBAO_SAVE_H

struct diags;
struct engine;
struct report;

/* Saves the report's YAML to path and its rendering beside it, then sweeps
 * old temporaries (savefile_sweep); 0, or -1 with a diagnostic. */
int save_report(const struct engine *e, const char *path, struct diags *d);
/* Saves a new report to path, and its rendering beside it, replacing
 * neither an existing file there nor one where the rendering goes unless
 * force: 0 saved; 1 path exists, 2 the rendering's file exists (nothing
 * written); -1 with a diagnostic. */
int save_new(const struct report *r, const char *path, int force, struct diags *d);
/* The folders of many reports (paths[0..n)) listed once, where at least
 * SAVE_LIST_MIN of them are, for save_txt_stale to know without asking the
 * system that a report is no link and has no rendering beside it. */
#define SAVE_LIST_MIN 32
struct save_folders;
struct save_folders *save_folders_list(char *const *paths, int n);
void save_folders_free(struct save_folders *f);
/* Path's resolved path (NULL when it cannot be resolved), to free: when
 * its folder was listed and the listing says it is no link (nor "." or
 * ".."), the folder's resolved path, made at the first asking, and its
 * name; else realpath's (a readlink for each folder on the way). f may be
 * NULL. */
char *save_folders_real(struct save_folders *f, const char *path);
/* 1 when the rendering beside path is there but is not the rendering of e
 * (a save killed between its two renames, or two saves at once); known:
 * the listings of save_folders_list, or NULL. */
int save_txt_stale(const struct engine *e, const char *path, const struct save_folders *known);
/* Writes the rendering beside path again. */
int save_txt_again(const struct engine *e, const char *path, struct diags *d);
/* Writes the report's web page beside path (r.yaml -> r.html), atomically
 * as the rendering is; 0 or -1 with a diagnostic. */
int save_html(const struct engine *e, const char *path, struct diags *d);

#endif
