/* A report that another file names: a roll-up's parts: and a report's
 * previous:. The file that names it sits in a folder a whole office
 * shares, so what it names is untrusted: it is read only when it is a
 * regular file no larger than a report (a device, a FIFO or a folder is
 * refused at once, never waited on), and what cannot be read as a report
 * is said by its name and the reason, never by quoting what it holds.
 *
 * Any path may be named: beside the naming file, in a folder below it (a
 * supervisor's folder of unit folders), above it (../2022/r.yaml), or
 * absolute (as sum records a part outside the roll-up's folder). One that
 * resolves outside the naming file's folder is shown with the file it
 * resolved to, so that a clerk sees where it leads. */
#ifndef NIANBAO_LINKED_H
#define NIANBAO_LINKED_H

struct form;
struct report;

/* The resolved path real from the folder of base: the rest of it when it
 * lies in that folder or below, else NULL. */
const char *linked_below(const char *base, const char *real);
/* The same from the folder's resolved path rd (linked_folder's), for a
 * caller asking of many files in one folder. */
const char *linked_under(const char *rd, const char *real);
/* The resolved path of base's folder (NULL when it cannot be resolved);
 * to free. */
char *linked_folder(const char *base);
/* How file, as named by the report at base, is shown in a message:
 * quoted (text_name), and "NAME (→ /RESOLVED)" when it resolves outside
 * base's folder to another path than it says. To free. */
char *linked_name(const char *base, const char *file);
/* Loads file, as named by the report at base, in form (NULL: the form it
 * names). NULL and *why (to free) when it cannot: a reason that quotes
 * nothing of the file. sha256, when not NULL, gets the hash of the bytes
 * read ("" when none were). */
struct report *linked_load(const char *base, const char *file, const struct form *form,
			   char sha256[65], char **why);
/* Last year's report of r (its previous:); NULL when it names none, or
 * with *why (to free) when it cannot be read. */
struct report *linked_previous(const struct report *r, char **why);

#endif
