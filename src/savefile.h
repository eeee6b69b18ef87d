/* Atomic saving: a temporary file in the same folder, written, flushed and
 * synced, then renamed over the target, and the folder synced; on any
 * failure the target is untouched and the temporary file removed. */
#ifndef NIANBAO_SAVEFILE_H
#define NIANBAO_SAVEFILE_H
#include <stddef.h>

struct diags;
struct report;
struct engine;

/* 0, or -1 with a diagnostic naming path and the reason. */
int savefile_write(const char *path, const char *data, size_t len, struct diags *d);
/* The rendering's path beside a report: x.yaml -> x.txt, else x + ".txt". */
char *savefile_txt_path(const char *path);
/* Saves the report's YAML to path and its rendering beside it. */
int savefile_report(const struct engine *e, const char *path, struct diags *d);

#endif
