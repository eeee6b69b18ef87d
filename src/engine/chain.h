/* A report's place in its organ's series: this year's report made from
 * last year's (new --from), the form a year is written in, and a series
 * put in order of year. */
#ifndef NIANBAO_CHAIN_H
#define NIANBAO_CHAIN_H
#include <time.h>

struct form;
struct report;

/* The form for a report of `year` following one in form `last`: last's own
 * form (a local variant kept) unless a form made for a later year applies
 * by then (`since`), in which case the one with the latest since (the
 * national one, of the shortest id, where several share it). */
const struct form *chain_form(struct form *const *forms, int n, const struct form *last, int year);
/* This year's report in form f from last year's prev, to be saved at path:
 * the same organ, the year after, every cell a carry rule fills from last
 * year, last year's text of each prose section as the start of this year's,
 * and previous: naming prev (relative to path's folder when they share
 * one). */
struct report *chain_next(const struct report *prev, const struct form *f, const char *path);
/* What previous: (or a roll-up's parts:) says of the report at prev for a
 * report saved at path: its path from path's folder when it is in that
 * folder or below it (b.yaml, units/b.yaml), else its full path. */
char *chain_previous(const char *prev, const char *path);
/* The same for a report saved in the folder whose resolved path is rd
 * (linked_folder's), prev's resolved path known already: rp (NULL when it
 * cannot be resolved). sum asks it of every part. */
char *chain_previous_at(const char *prev, const char *rp, const char *rd);
/* Sorts reports by year, oldest first. */
void chain_sort(struct report **v, int n);

/* The year a clerk is most likely reporting on at now: this year from
 * October (the report is being prepared), the year before until then (it
 * is written in January and published by the end of it). */
int chain_reporting_year(time_t now);

#endif
