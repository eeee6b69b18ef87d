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

/* 0, or -1 with a diagnostic naming path and the reason. */
int savefile_write(const char *path, const char *data, size_t len, struct diags *d);
/* The rendering's path beside a report: x.yaml -> x.txt, else x + ".txt". */
/* The web page beside a report: r.yaml -> r.html. To free. */
char *savefile_html_path(const char *path);
char *savefile_txt_path(const char *path);
/* The hidden file .NAME<suffix> in the folder of path (a report's lock,
 * journal and temporary files live beside it). */
char *savefile_hidden(const char *path, const char *suffix);
/* Where the previous version of a report is kept: FILE~. */
char *savefile_backup_path(const char *path);
/* For a file another library writes by name (the workbook): a folder of
 * its own beside path, made new (0700, so that no one else can plant a
 * link in it), to write in and then place with savefile_place. To free;
 * NULL with a diagnostic. Folders of writes to path killed midway, this
 * user's and older than SAVEFILE_TEMP_AGE, are removed first. */
char *savefile_private_dir(const char *path, struct diags *d);
/* Moves the file tmp (in a folder of savefile_private_dir) to path:
 * synced, given the mode a file saved at path gets, renamed over it, and
 * the private folder removed. 0, or -1 with a diagnostic (tmp removed). */
int savefile_place(const char *tmp, const char *path, struct diags *d);
/* Removes tmp and its private folder, when the writing failed. */
void savefile_discard(const char *tmp);
/* Saves a report's YAML and its rendering together, as described above. */
int savefile_pair(const char *path, const struct buf *yaml, const struct buf *txt, struct diags *d);
/* Removes the temporaries of the saves of the report at path (the real
 * path) older than SAVEFILE_TEMP_AGE seconds: a save killed midway leaves
 * them, and none takes that long. */
#define SAVEFILE_TEMP_AGE 600
void savefile_sweep(const char *path);

#endif
