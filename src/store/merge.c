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

#include "store.h"

struct lb_store_merge {
  sqlite3 *db;
  double radius_km;
  int window_days;
  sqlite3_stmt *find, *insert, *refresh, *drop, *add;
};

static const char SQL_FIND[] =
    "SELECT incident, lat, lon, source, target FROM incidents"
    " WHERE root = ?1 AND day_from <= ?2 AND day_to >= ?3 ORDER BY incident";
static const char SQL_INSERT[] =
    "INSERT INTO incidents(root, code, quad_class, goldstein, source, target, source_entity,"
    " target_entity, place, place_name, lat, lon, day_from, day_to, reports, documents)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, 0, 0)";
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
static const char SQL_DROP[] = "DELETE FROM incidents WHERE incident = ?1 AND reports = 0";

lb_store_merge *lb_store_merge_new(sqlite3 *db, double radius_km, int window_days) {
  lb_store_merge *m = calloc(1, sizeof *m);
  if (!m) return NULL;
  m->db = db;
  m->radius_km = radius_km;
  m->window_days = window_days;
  if (sqlite3_prepare_v3(db, SQL_FIND, -1, SQLITE_PREPARE_PERSISTENT, &m->find, NULL) ||
      sqlite3_prepare_v3(db, SQL_INSERT, -1, SQLITE_PREPARE_PERSISTENT, &m->insert, NULL) ||
      sqlite3_prepare_v3(db, SQL_REFRESH, -1, SQLITE_PREPARE_PERSISTENT, &m->refresh, NULL) ||
      sqlite3_prepare_v3(db, SQL_DROP, -1, SQLITE_PREPARE_PERSISTENT, &m->drop, NULL) ||
      sqlite3_prepare_v3(db, SQL_ADD, -1, SQLITE_PREPARE_PERSISTENT, &m->add, NULL)) {
    lb_store_merge_free(m);
    return NULL;
  }
  return m;
}

void lb_store_merge_free(lb_store_merge *m) {
  if (!m) return;
  sqlite3_finalize(m->find);
  sqlite3_finalize(m->insert);
  sqlite3_finalize(m->refresh);
  sqlite3_finalize(m->drop);
  sqlite3_finalize(m->add);
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
static int role_agrees(const char *a, const unsigned char *b) {
  if (!a || !*a || !b || !*b) return 0;
  return strncmp(a, (const char *)b, 3) == 0 ? 1 : -1;
}

/* The actors agree: no role differs, and at least one role is the same. */
static int actors_agree(const char *src, const char *tgt, const unsigned char *isrc,
                        const unsigned char *itgt) {
  int a = role_agrees(src, isrc), b = role_agrees(tgt, itgt);
  return a >= 0 && b >= 0 && a + b >= 1;
}

static void bind_s(sqlite3_stmt *st, int i, const char *s) {
  if (s)
    sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null(st, i);
}

int64_t lb_store_merge_find(lb_store_merge *m, const lb_store_mev *ev) {
  if (ev->day_from && ev->day_to) {
    sqlite3_stmt *st = m->find;
    sqlite3_bind_text(st, 1, ev->root, -1, SQLITE_STATIC);
    sqlite3_bind_int(st, 2, lb_store_day_add(ev->day_to, m->window_days));
    sqlite3_bind_int(st, 3, lb_store_day_add(ev->day_from, -m->window_days));
    int rc;
    int64_t hit = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
      if (!actors_agree(ev->source, ev->target, sqlite3_column_text(st, 3),
                        sqlite3_column_text(st, 4)))
        continue;
      int cand_geo = sqlite3_column_type(st, 1) != SQLITE_NULL;
      if (cand_geo != ev->has_geo) continue;
      if (ev->has_geo && lb_store_merge_km(ev->lat, ev->lon, sqlite3_column_double(st, 1),
                                           sqlite3_column_double(st, 2)) > m->radius_km)
        continue;
      hit = sqlite3_column_int64(st, 0);
      break;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE) return -1;
    if (hit) return hit;
  }
  sqlite3_stmt *st = m->insert;
  bind_s(st, 1, ev->root);
  bind_s(st, 2, ev->code);
  sqlite3_bind_int(st, 3, ev->quad_class);
  sqlite3_bind_double(st, 4, ev->goldstein);
  bind_s(st, 5, ev->source);
  bind_s(st, 6, ev->target);
  bind_s(st, 7, ev->source_entity);
  bind_s(st, 8, ev->target_entity);
  bind_s(st, 9, ev->place);
  bind_s(st, 10, ev->place_name);
  if (ev->has_geo) {
    sqlite3_bind_double(st, 11, ev->lat);
    sqlite3_bind_double(st, 12, ev->lon);
  } else {
    sqlite3_bind_null(st, 11);
    sqlite3_bind_null(st, 12);
  }
  if (ev->day_from) {
    sqlite3_bind_int(st, 13, ev->day_from);
    sqlite3_bind_int(st, 14, ev->day_to);
  } else {
    sqlite3_bind_null(st, 13);
    sqlite3_bind_null(st, 14);
  }
  int rc = sqlite3_step(st);
  sqlite3_reset(st);
  sqlite3_clear_bindings(st);
  if (rc != SQLITE_DONE) return -1;
  return sqlite3_last_insert_rowid(m->db);
}

int lb_store_merge_refresh(lb_store_merge *m, int64_t incident) {
  sqlite3_bind_int64(m->refresh, 1, incident);
  int rc = sqlite3_step(m->refresh);
  sqlite3_reset(m->refresh);
  if (rc != SQLITE_DONE) return -1;
  sqlite3_bind_int64(m->drop, 1, incident);
  rc = sqlite3_step(m->drop);
  sqlite3_reset(m->drop);
  return rc == SQLITE_DONE ? 0 : -1;
}

int lb_store_merge_add(lb_store_merge *m, int64_t incident, int reports, double goldstein_sum,
                       int day_from, int day_to) {
  sqlite3_stmt *st = m->add;
  sqlite3_bind_int64(st, 1, incident);
  sqlite3_bind_int(st, 2, reports);
  sqlite3_bind_double(st, 3, goldstein_sum);
  if (day_from) {
    sqlite3_bind_int(st, 4, day_from);
    sqlite3_bind_int(st, 5, day_to);
  } else {
    sqlite3_bind_null(st, 4);
    sqlite3_bind_null(st, 5);
  }
  int rc = sqlite3_step(st);
  sqlite3_reset(st);
  return rc == SQLITE_DONE ? 0 : -1;
}
