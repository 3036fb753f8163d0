/*
** merge.h -- merging events of different documents into incidents.
**
** Internal to the store. An incident is what several reports describe: an
** asserted event joins the first incident (lowest id) that agrees on
**  - the CAMEO root;
**  - the actors: both the same (source and target country: the first three
**    letters of the actor codes, so RUSMIL and RUS agree), or one the same,
**    the other left open by one side, and the place the same (both placed,
**    within radius_km); no role may differ, and two events without actors
**    never merge ("USA -> - 010" is many statements, not one incident);
**  - the place: when both have one, within radius_km;
**  - the dates: the event's range overlaps the incident's widened by
**    window_days, and together they span no more than 2 * window_days + 1
**    days (or the longer of the two ranges, for a month or a period), so a
**    chain of reports a few days apart cannot grow an incident over months.
** Otherwise it opens a new incident. The result depends only on the order
** documents arrive in, so a resumed ingest ends with the same incidents as
** an uninterrupted one.
*/
#ifndef LB_STORE_MERGE_H
#define LB_STORE_MERGE_H

#include <stdint.h>

struct lb_db;

typedef struct lb_store_merge lb_store_merge;

/* The fields of one event that merging looks at. */
typedef struct lb_store_mev {
  const char *root, *code, *source, *target, *source_entity, *target_entity;
  const char *place, *place_name;
  int has_geo;
  double lat, lon;
  int day_from, day_to; /* YYYYMMDD, 0 when unknown */
  int quad_class;
  double goldstein;
} lb_store_mev;

/* Prepare the merger's statements on db; NULL on error (lb_db_errmsg). */
lb_store_merge *lb_store_merge_new(struct lb_db *db, double radius_km, int window_days);
void lb_store_merge_free(lb_store_merge *m);
/* The incident the event belongs to (found or created): its id, or -1 on a
** database error. */
int64_t lb_store_merge_find(lb_store_merge *m, const lb_store_mev *ev);
/* Add one document's reports to an incident: `reports` events with this
** Goldstein sum and date range (0 = unknown). 0, or -1 on error. */
int lb_store_merge_add(lb_store_merge *m, int64_t incident, int reports, double goldstein_sum,
                       int day_from, int day_to);
/* Recount an incident from its events (reports, documents, mean Goldstein,
** date range); delete it when no event is left. 0, or -1 on error. */
int lb_store_merge_refresh(lb_store_merge *m, int64_t incident);
/* Great-circle distance in km. */
double lb_store_merge_km(double lat1, double lon1, double lat2, double lon2);

#endif
