/* Atomic saving: a temporary file in the same folder, written, flushed and
 * synced, then renamed over the target, and the folder synced; on any
 * failure the target is untouched and the temporary file removed. A report
 * keeps its previous version as FILE~. */
#ifndef NIANBAO_SAVEFILE_H
#define NIANBAO_SAVEFILE_H
#include <stddef.h>
#include <stdint.h>

struct buf;
struct diags;
struct report;
struct engine;

/* 0, or -1 with a diagnostic naming path and the reason. */
int savefile_write(const char *path, const char *data, size_t len, struct diags *d);
/* The rendering's path beside a report: x.yaml -> x.txt, else x + ".txt". */
char *savefile_txt_path(const char *path);
/* The hidden file .NAME<suffix> in the folder of path (a report's lock,
 * journal and temporary files live beside it). */
char *savefile_hidden(const char *path, const char *suffix);
/* Where the previous version of a report is kept: FILE~. */
char *savefile_backup_path(const char *path);
/* FNV-1a of the bytes: enough to tell one saved file from another. */
uint64_t savefile_hash(const char *s, size_t n);
/* Saves a report's YAML and its rendering together, as described above. */
int savefile_pair(const char *path, const struct buf *yaml, const struct buf *txt, struct diags *d);
/* Saves the report's YAML to path and its rendering beside it; then removes
 * the temporaries of this report's saves older than SAVEFILE_TEMP_AGE
 * seconds (a save killed midway leaves them; none takes that long). */
#define SAVEFILE_TEMP_AGE 600
int savefile_report(const struct engine *e, const char *path, struct diags *d);
/* 1 when the rendering beside path is there but is not the rendering of e
 * (a save killed between its two renames, or two saves at once). */
int savefile_txt_stale(const struct engine *e, const char *path);
/* Writes the rendering beside path again. */
int savefile_txt_again(const struct engine *e, const char *path, struct diags *d);

#endif
