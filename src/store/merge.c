/*
** merge.c -- events of many documents into incidents (see merge.h).
**
** The candidate search is one indexed query (root, date window); the place
** and actor tests run in C over the few rows it returns. A new document
** adds to its incidents' aggregates (one UPDATE per incident and document:
** recounting would make a big incident cost O(reports) per report); a
** replaced or removed document has its incidents recounted from the events
** table, so they end exactly as if it had never been read.
*/
#include "merge.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "db.h"
#include "store.h"

struct lb_store_merge {
  lb_db *db;
  double radius_km;
  int window_days;
  lb_db_stmt *find, *insert, *refresh, *drop, *add;
};

static const char SQL_FIND[] =
    "SELECT incident, lat, lon, source, target, day_from, day_to FROM incidents"
    " WHERE root = ?1 AND day_from <= ?2 AND day_to >= ?3 ORDER BY incident";
static const char SQL_INSERT[] =
    "INSERT INTO incidents(root, code, quad_class, goldstein, source, target, source_entity,"
    " target_entity, place, place_name, lat, lon, day_from, day_to, reports, documents)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, 0, 0)"
    " RETURNING incident";
static const char SQL_REFRESH[] =
    "UPDATE incidents SET"
    " reports = (SELECT count(*) FROM events WHERE incident = ?1),"
    " documents = (SELECT count(DISTINCT doc) FROM events WHERE incident = ?1),"
    " goldstein = (SELECT avg(goldstein) FROM events WHERE incident = ?1),"
    " day_from = coalesce((SELECT min(day_from) FROM events WHERE incident = ?1), day_from),"
    " day_to = coalesce((SELECT max(day_to) FROM events WHERE incident = ?1), day_to)"
    " WHERE incident = ?1";
static const char SQL_ADD[] =
    "UPDATE incidents SET reports = reports + ?2, documents = documents + 1,"
    " goldstein = (coalesce(goldstein, 0) * reports + ?3) / (reports + ?2),"
    " day_from = min(coalesce(day_from, ?4), coalesce(?4, day_from)),"
    " day_to = max(coalesce(day_to, ?5), coalesce(?5, day_to))"
    " WHERE incident = ?1";
/* the same for PostgreSQL, whose least/greatest skip a NULL as the
** coalesce pairs above do */
static const char SQL_ADD_PG[] =
    "UPDATE incidents SET reports = reports + ?2, documents = documents + 1,"
    " goldstein = (coalesce(goldstein, 0) * reports + ?3) / (reports + ?2),"
    " day_from = least(day_from, ?4), day_to = greatest(day_to, ?5)"
    " WHERE incident = ?1";
static const char SQL_DROP[] = "DELETE FROM incidents WHERE incident = ?1 AND reports = 0";

lb_store_merge *lb_store_merge_new(lb_db *db, double radius_km, int window_days) {
  lb_store_merge *m = calloc(1, sizeof *m);
  if (!m) return NULL;
  m->db = db;
  m->radius_km = radius_km;
  m->window_days = window_days;
  const int keep = LB_DB_KEEP, later = LB_DB_KEEP | LB_DB_NORESULT;
  int pg = lb_db_kind(db) == LB_DB_PG;
  if (!(m->find = lb_db_prepare(db, SQL_FIND, keep)) ||
      !(m->insert = lb_db_prepare(db, SQL_INSERT, keep)) ||
      !(m->refresh = lb_db_prepare(db, SQL_REFRESH, later)) ||
      !(m->drop = lb_db_prepare(db, SQL_DROP, later)) ||
      !(m->add = lb_db_prepare(db, pg ? SQL_ADD_PG : SQL_ADD, later))) {
    lb_store_merge_free(m);
    return NULL;
  }
  return m;
}

void lb_store_merge_free(lb_store_merge *m) {
  if (!m) return;
  lb_db_finalize(m->find);
  lb_db_finalize(m->insert);
  lb_db_finalize(m->refresh);
  lb_db_finalize(m->drop);
  lb_db_finalize(m->add);
  free(m);
}

double lb_store_merge_km(double lat1, double lon1, double lat2, double lon2) {
  const double r = 6371.0088, k = M_PI / 180.0;
  double dlat = (lat2 - lat1) * k, dlon = (lon2 - lon1) * k;
  double a = sin(dlat / 2) * sin(dlat / 2) +
             cos(lat1 * k) * cos(lat2 * k) * sin(dlon / 2) * sin(dlon / 2);
  return 2 * r * atan2(sqrt(a), sqrt(1 - a));
}

/* Agreement of one actor role: 1 same country (the first three letters:
** "RUSMIL" ~ "RUS"), 0 one side names no actor (outlets often leave out
** the target: "Russland zieht 50.000 Soldaten zusammen"), -1 different. */
static int role_agrees(const char *a, const char *b) {
  if (!a || !*a || !b || !*b) return 0;
  return strncmp(a, b, 3) == 0 ? 1 : -1;
}

/* The actors agree: no role differs, and both are the same, or one is and
** the places are (placed: the event and the incident are both placed within
** the radius). */
static int actors_agree(const char *src, const char *tgt, const char *isrc, const char *itgt,
                        int placed) {
  int a = role_agrees(src, isrc), b = role_agrees(tgt, itgt);
  return a >= 0 && b >= 0 && (a + b == 2 || (a + b == 1 && placed));
}

/* The dates agree: together the event's range and the incident's span no
** more than 2 * window + 1 days, or the longer of the two (the query has
** checked that they overlap with the window). */
static int dates_agree(int from, int to, int ifrom, int ito, int window) {
  int lo = from < ifrom ? from : ifrom, hi = to > ito ? to : ito;
  int span = lb_store_days_between(lo, hi) + 1;
  int own = lb_store_days_between(from, to) + 1, ispan = lb_store_days_between(ifrom, ito) + 1;
  int limit = 2 * window + 1;
  if (own > limit) limit = own;
  if (ispan > limit) limit = ispan;
  return span <= limit;
}

static void bind_s(lb_db_stmt *st, int i, const char *s) { lb_db_bind_text(st, i, s, -1); }

int64_t lb_store_merge_find(lb_store_merge *m, const lb_store_mev *ev) {
  if (ev->day_from && ev->day_to) {
    lb_db_stmt *st = m->find;
    bind_s(st, 1, ev->root);
    lb_db_bind_int(st, 2, lb_store_day_add(ev->day_to, m->window_days));
    lb_db_bind_int(st, 3, lb_store_day_add(ev->day_from, -m->window_days));
    int rc;
    int64_t hit = 0;
    while ((rc = lb_db_step(st)) == LB_DB_ROW) {
      int cand_geo = lb_db_type(st, 1) != LB_DB_NULL;
      if (cand_geo && ev->has_geo && lb_store_merge_km(ev->lat, ev->lon, lb_db_double(st, 1),
                                                       lb_db_double(st, 2)) > m->radius_km)
        continue;
      if (!actors_agree(ev->source, ev->target, lb_db_text(st, 3), lb_db_text(st, 4),
                        cand_geo && ev->has_geo))
        continue;
      if (!dates_agree(ev->day_from, ev->day_to, (int)lb_db_int(st, 5), (int)lb_db_int(st, 6),
                       m->window_days))
        continue;
      hit = lb_db_int(st, 0);
      break;
    }
    lb_db_reset(st);
    if (rc == LB_DB_ERROR) return -1;
    if (hit) return hit;
  }
  lb_db_stmt *st = m->insert;
  bind_s(st, 1, ev->root);
  bind_s(st, 2, ev->code);
  lb_db_bind_int(st, 3, ev->quad_class);
  lb_db_bind_double(st, 4, ev->goldstein);
  bind_s(st, 5, ev->source);
  bind_s(st, 6, ev->target);
  bind_s(st, 7, ev->source_entity);
  bind_s(st, 8, ev->target_entity);
  bind_s(st, 9, ev->place);
  bind_s(st, 10, ev->place_name);
  if (ev->has_geo) {
    lb_db_bind_double(st, 11, ev->lat);
    lb_db_bind_double(st, 12, ev->lon);
  } else {
    lb_db_bind_null(st, 11);
    lb_db_bind_null(st, 12);
  }
  if (ev->day_from) {
    lb_db_bind_int(st, 13, ev->day_from);
    lb_db_bind_int(st, 14, ev->day_to);
  } else {
    lb_db_bind_null(st, 13);
    lb_db_bind_null(st, 14);
  }
  int rc = lb_db_step(st);
  int64_t id = rc == LB_DB_ROW ? lb_db_int(st, 0) : -1;
  lb_db_reset(st);
  lb_db_clear(st);
  return id;
}

int lb_store_merge_refresh(lb_store_merge *m, int64_t incident) {
  lb_db_bind_int(m->refresh, 1, incident);
  int rc = lb_db_step(m->refresh);
  lb_db_reset(m->refresh);
  if (rc == LB_DB_ERROR) return -1;
  lb_db_bind_int(m->drop, 1, incident);
  rc = lb_db_step(m->drop);
  lb_db_reset(m->drop);
  return rc == LB_DB_ERROR ? -1 : 0;
}

int lb_store_merge_add(lb_store_merge *m, int64_t incident, int reports, double goldstein_sum,
                       int day_from, int day_to) {
  lb_db_stmt *st = m->add;
  lb_db_bind_int(st, 1, incident);
  lb_db_bind_int(st, 2, reports);
  lb_db_bind_double(st, 3, goldstein_sum);
  if (day_from) {
    lb_db_bind_int(st, 4, day_from);
    lb_db_bind_int(st, 5, day_to);
  } else {
    lb_db_bind_null(st, 4);
    lb_db_bind_null(st, 5);
  }
  int rc = lb_db_step(st);
  lb_db_reset(st);
  return rc == LB_DB_ERROR ? -1 : 0;
}
