/*
** test_store.c -- the SQLite store (src/store), compressed input and
** directory walking (src/read/compress.c).
**
** The incident tests put facts into documents by hand (on the text layer of
** real reports: tests/data/store_reports.jsonl and the seed), so that they
** test the store's merging rules whatever the extractors find; the shell
** suite tests/suite_store.sh checks the same through `lagebild ingest` with
** the real pipeline.
*/
#include <errno.h>
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>

#include "../src/read/compress.h"
#include "../src/read/input.h"
#include "../src/store/cameo.h"
#include "../src/store/merge.h"
#include "../src/store/query.h"
#include "../src/store/schema.h"
#include "../src/store/store.h"
#include "test.h"

static long count(lb_store *s, const char *sql) {
  sqlite3_stmt *st;
  long n = -1;
  if (sqlite3_prepare_v2(lb_store_db(s), sql, -1, &st, NULL) == SQLITE_OK) {
    if (sqlite3_step(st) == SQLITE_ROW) n = sqlite3_column_int64(st, 0);
    sqlite3_finalize(st);
  } else {
    printf("  bad SQL: %s: %s\n", sql, sqlite3_errmsg(lb_store_db(s)));
  }
  return n;
}

/* The text of a query (first column, rows joined by '|'). */
static const char *text_of(lb_store *s, const char *sql) {
  static char out[1024];
  out[0] = 0;
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(lb_store_db(s), sql, -1, &st, NULL) != SQLITE_OK) return "(bad SQL)";
  while (sqlite3_step(st) == SQLITE_ROW) {
    const char *t = (const char *)sqlite3_column_text(st, 0);
    if (out[0]) strncat(out, "|", sizeof out - strlen(out) - 1);
    strncat(out, t ? t : "NULL", sizeof out - strlen(out) - 1);
  }
  sqlite3_finalize(st);
  return out;
}

TEST(store_dates) {
  int f, t;
  CHECK(lb_store_date_range("2024-11", &f, &t));
  CHECK_INT(f, 20241101);
  CHECK_INT(t, 20241130);
  CHECK(lb_store_date_range("2024-02", &f, &t));
  CHECK_INT(t, 20240229);
  CHECK(lb_store_date_range("2024-W45", &f, &t)); /* Monday 4 to Sunday 10 November */
  CHECK_INT(f, 20241104);
  CHECK_INT(t, 20241110);
  CHECK(lb_store_date_range("2024-08/2024-11", &f, &t));
  CHECK_INT(f, 20240801);
  CHECK_INT(t, 20241130);
  CHECK(lb_store_date_range("2024", &f, &t));
  CHECK_INT(f, 20240101);
  CHECK_INT(t, 20241231);
  CHECK(!lb_store_date_range("im August", &f, &t));
  CHECK(!lb_store_date_range("2024-13", &f, &t));
  CHECK_INT(lb_store_day_add(20241230, 3), 20250102);
  CHECK_INT(lb_store_day_add(20240301, -1), 20240229);
  CHECK_INT(lb_store_parse_day("2024-11", 1), 20241130);
  /* Kursk Oblast (GeoNames 538555) to Moscow (524901) */
  CHECK(fabs(lb_store_merge_km(51.7, 36.2, 55.75222, 37.61556) - 460.08) < 0.01);
}

/* ---- documents with facts put in by hand ---- */

static lb_engine *text_engine(void) {
  static lb_engine *e;
  if (!e) e = lb_engine_new_text_only();
  return e;
}

static lb_doc *text_doc(const char *id, const char *text, const char *published) {
  lb_input in;
  memset(&in, 0, sizeof in);
  in.id = id;
  in.text = text;
  in.len = strlen(text);
  in.published = published;
  in.lang = "de";
  return lb_extract(text_engine(), &in);
}

/* Add a place entity with one mention (the n-th occurrence of `surface`). */
static void put_place(lb_doc *d, const char *id, const char *name, double lat, double lon,
                      const char *surface) {
  if (lb_doc_entity_find(d, id) >= 0) return;
  lb_entity *e = LB_VEC_PUSH(d->tx.arena, d->entities);
  e->id = id;
  e->name = name;
  e->type = "LOC";
  e->has_geo = 1;
  e->geo.lat = lat;
  e->geo.lon = lon;
  e->geo.feature = strcmp(name, "Moscow") == 0 ? "PPLC" : "ADM1";
  e->geo.cc = "RU";
  e->geo.fips = "RS";
  e->geo.adm1 = strcmp(name, "Moscow") == 0 ? "RS48" : "RS41";
  e->geo.geonameid = strcmp(name, "Moscow") == 0 ? 524901 : 538555;
  e->source = "test";
  long at = t_find(d->tx.text, surface, 0);
  if (at >= 0) {
    lb_mention *m = LB_VEC_PUSH(d->tx.arena, e->mentions);
    m->start = (uint32_t)at;
    m->end = (uint32_t)(at + (long)strlen(surface));
    m->role = LB_ROLE_PLACE;
    m->rule = "test:place";
  }
}

static void put_event(lb_doc *d, const char *code, const char *src, const char *tgt,
                      const char *place, const char *date, const char *words) {
  lb_event *e = LB_VEC_PUSH(d->tx.arena, d->events);
  e->code = code;
  e->root = lb_arena_strndup(d->tx.arena, code, 2);
  e->quad_class = 4;
  e->goldstein = strcmp(code, "154") == 0 ? -7.2 : -10;
  e->source = src;
  e->target = tgt;
  e->source_entity = strncmp(src, "RUS", 3) == 0 ? "Q159" : "Q212";
  e->target_entity = tgt && strncmp(tgt, "RUS", 3) == 0 ? "Q159" : tgt ? "Q212" : NULL;
  e->place = place;
  e->date = date;
  e->claim = -1;
  long at = t_find(d->tx.text, words, 0);
  e->start = at < 0 ? 0 : (uint32_t)at;
  e->end = e->start + (uint32_t)strlen(words);
  e->sentence = lb_text_sentence_at(&d->tx, e->start);
  e->rule = "test:event";
}

static void put_troops(lb_doc *d, const char *words, double value, const char *of,
                       const char *speaker) {
  int claim = -1;
  if (speaker) {
    lb_claim *c = LB_VEC_PUSH(d->tx.arena, d->claims);
    c->speaker = speaker;
    c->verb = "sagen";
    long at = t_find(d->tx.text, words, 0);
    c->start = (uint32_t)at;
    c->end = (uint32_t)at + (uint32_t)strlen(words);
    c->sentence = lb_text_sentence_at(&d->tx, c->start);
    c->rule = "test:claim";
    claim = (int)d->claims.n - 1;
    lb_entity *e = LB_VEC_PUSH(d->tx.arena, d->entities);
    e->id = speaker;
    e->name = "Volodymyr Zelensky";
    e->type = "PER";
    e->actor = "UKRGOV";
  }
  lb_quantity *q = LB_VEC_PUSH(d->tx.arena, d->quantities);
  long at = t_find(d->tx.text, words, 0);
  q->start = (uint32_t)at;
  q->end = (uint32_t)at + (uint32_t)strlen(words);
  q->value = value;
  q->has_value = 1;
  q->approx = 1;
  q->unit = "troops";
  q->category = "personnel";
  q->of = of;
  q->claim = claim;
  q->sentence = lb_text_sentence_at(&d->tx, q->start);
  q->rule = "test:qty";
}

#define KURSK_ID "lb:kursk-oblast"
#define MOSCOW_ID "lb:moscow"

/* The five documents with the events their texts state. */
static lb_doc *report(int k) {
  static char *jsonl;
  if (!jsonl) jsonl = t_read_file("tests/data/store_reports.jsonl", NULL);
  if (k == 0) {
    char *seed = t_read_file("data/sample/kursk-2024-11.de.txt", NULL);
    lb_doc *d = text_doc("kursk-2024-11", seed, "2024-11-11");
    free(seed);
    put_place(d, KURSK_ID, "Kursk Oblast", 51.7, 36.2, "Region Kursk");
    put_place(d, MOSCOW_ID, "Moscow", 55.75222, 37.61556, "Hauptstadt");
    put_event(d, "154", "RUSMIL", "UKRMIL", KURSK_ID, "2024-11",
              "Russland nahezu 50.000 Truppen in der Region Kursk zusammengezogen hat");
    put_event(d, "195", "UKR", "RUS", MOSCOW_ID, "2024-11-09/2024-11-10",
              "die Ukraine eine Salve auf russische Städte");
    put_event(d, "195", "RUS", "UKR", NULL, "2024-11-09/2024-11-10",
              "Moskau in einer einzigen Nacht 145 Drohnen startete");
    put_troops(d, "nahezu 50.000 Truppen", 50000, "Q159", "Q3874799");
    return d;
  }
  /* line k of the JSONL file */
  const char *p = jsonl;
  for (int i = 1; i < k; i++) p = strchr(p, '\n') + 1;
  const char *t = strstr(p, "\"text\": \"") + 9;
  char text[4096], id[128], pub[16];
  size_t n = 0;
  for (; *t != '"' && n < sizeof text - 1; t++) {
    if (*t == '\\' && t[1] == 'n') {
      text[n++] = '\n';
      t++;
    } else {
      text[n++] = *t;
    }
  }
  text[n] = 0;
  sscanf(strstr(p, "\"id\": \"") + 7, "%127[^\"]", id);
  sscanf(strstr(p, "\"published\": \"") + 14, "%15[^\"]", pub);
  lb_doc *d = text_doc(id, text, pub);
  if (k == 1) {
    put_place(d, KURSK_ID, "Kursk Oblast", 51.7, 36.2, "Region Kursk");
    put_event(d, "154", "RUSMIL", "UKRMIL", KURSK_ID, "2024-11-10",
              "rund 50.000 Soldaten in der Region Kursk zusammengezogen");
    put_troops(d, "rund 50.000 Soldaten", 50000, "Q159", NULL);
  } else if (k == 2) {
    put_place(d, KURSK_ID, "Kursk Oblast", 51.7, 36.2, "Region Kursk");
    put_event(d, "154", "RUS", "UKRMIL", KURSK_ID, "2024-11-11",
              "etwa 50.000 Soldaten in der Region Kursk zusammengezogen");
    put_troops(d, "etwa 50.000 Soldaten", 50000, "Q159", "Q3874799");
  } else if (k == 3) {
    put_place(d, MOSCOW_ID, "Moscow", 55.75222, 37.61556, "Moskau");
    put_event(d, "195", "UKR", "RUS", MOSCOW_ID, "2024-11-10",
              "Moskau mit Drohnen angegriffen");
    put_event(d, "195", "RUS", "UKR", NULL, "2024-11-10", "mit 145 Drohnen angegriffen");
  } else if (k == 4) {
    put_place(d, KURSK_ID, "Kursk Oblast", 51.7, 36.2, "Region Kursk");
    put_event(d, "154", "RUSMIL", "UKR", KURSK_ID, "2024-08-07",
              "zusätzliche Soldaten in die Region verlegt");
    put_troops(d, "etwa 1.000 ukrainische Soldaten", 1000, "Q212", NULL);
  }
  return d;
}

static lb_store *fill(const char *path) {
  t_rm_db(path);
  char err[512];
  lb_store *s;
  if (lb_store_open(path, LB_STORE_WRITE, NULL, &s, err, sizeof err) != LB_OK) {
    printf("  %s\n", err);
    return NULL;
  }
  CHECK_INT(lb_store_begin(s), LB_OK);
  for (int k = 0; k < 5; k++) {
    lb_doc *d = report(k);
    int st;
    CHECK_INT(lb_store_add(s, d, lb_store_hash(d), "test", &st), LB_OK);
    CHECK_INT(st, LB_STORE_ADDED);
    lb_doc_free(d);
  }
  CHECK_INT(lb_store_commit(s), LB_OK);
  return s;
}

TEST(store_incidents) {
  const char *path = t_tmp_path("inc.db");
  lb_store *s = fill(path);
  if (!s) {
    CHECK(0);
    return;
  }
  CHECK_INT(count(s, "SELECT count(*) FROM documents"), 5);
  CHECK_INT(count(s, "SELECT count(*) FROM events"), 8);
  CHECK_INT(count(s, "SELECT count(*) FROM incidents"), 4);
  /* the troop build-up: seed + NYT + Reuters, one incident of three reports */
  CHECK_STR(text_of(s, "SELECT reports || ' ' || documents || ' ' || day_from || '-' || day_to"
                       " FROM incidents WHERE root = '15' ORDER BY incident"),
            "3 3 20241101-20241130|1 1 20240807-20240807");
  CHECK_STR(text_of(s, "SELECT doc_id FROM incident_reports WHERE incident ="
                       " (SELECT incident FROM events WHERE code = '154' AND doc = 1)"
                       " ORDER BY doc_id"),
            "kursk-2024-11|store-nyt-2024-11-10|store-reuters-2024-11-11");
  /* the drone night: Ukraine on Moscow, Russia on Ukraine, two reports each */
  CHECK_STR(text_of(s, "SELECT source || '>' || target || ' ' || coalesce(place_name, '-')"
                       " || ' ' || reports FROM incidents WHERE root = '19' ORDER BY incident"),
            "UKR>RUS Moscow 2|RUS>UKR - 2");
  /* offsets of the seed's build-up event */
  CHECK_STR(text_of(s, "SELECT start || ',' || end || ',' || sentence FROM events"
                       " WHERE doc = 1 AND code = '154'"),
            "111,181,0");
  /* entities are global: Kursk Oblast once, mentioned in four documents */
  CHECK_INT(count(s, "SELECT count(*) FROM entities WHERE id = '" KURSK_ID "'"), 1);
  CHECK_INT(count(s, "SELECT count(DISTINCT m.doc) FROM mentions m JOIN entities e"
                     " ON e.ent = m.ent WHERE e.id = '" KURSK_ID "'"), 4);
  /* numbers side by side: the Russian troops per source */
  CHECK_STR(text_of(s, "SELECT doc_id || ':' || value || ':' || coalesce(speaker_name, '-')"
                       " FROM quantity_sources WHERE unit = 'troops' AND of = 'Q159'"
                       " ORDER BY published, doc_id"),
            "store-nyt-2024-11-10:50000.0:-|kursk-2024-11:50000.0:Volodymyr Zelensky|"
            "store-reuters-2024-11-11:50000.0:Volodymyr Zelensky");
  /* R*Tree: events within the box around Kursk */
  CHECK_INT(count(s, "SELECT count(*) FROM events_geo WHERE min_lat >= 51 AND max_lat <= 52.5"
                     " AND min_lon >= 35 AND max_lon <= 37.5"), 4);
  /* FTS: "Drohnen" is in the seed and the drone report */
  CHECK_INT(count(s, "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'Drohnen'"),
            2);
  lb_store_close(s);
  t_rm_db(path);
}

/* Events that fill() places in Kursk Oblast. */
#define KURSK_EVENTS 4

static long q_rows(lb_store *s, const lb_store_filter *f, int kind, char **out) {
  char *buf = NULL;
  size_t len = 0;
  FILE *m = open_memstream(&buf, &len);
  long n = -1;
  char err[256];
  if (lb_store_query(s, f, kind, LB_FMT_JSONL, m, &n, err, sizeof err) != LB_OK)
    printf("  query: %s\n", err);
  fclose(m);
  if (out)
    *out = buf;
  else
    free(buf);
  return n;
}

TEST(store_query_filters) {
  const char *path = t_tmp_path("query.db");
  lb_store *s = fill(path);
  if (!s) {
    CHECK(0);
    return;
  }
  lb_store_filter f;
  char *out;
  memset(&f, 0, sizeof f);
  CHECK_INT(q_rows(s, &f, LB_Q_EVENTS, NULL), 8);
  f.root = "15";
  CHECK_INT(q_rows(s, &f, LB_Q_EVENTS, NULL), 4);
  f.from = 20241101;
  CHECK_INT(q_rows(s, &f, LB_Q_EVENTS, NULL), 3);
  memset(&f, 0, sizeof f);
  f.actor = "RUS"; /* RUS, RUSMIL as source or target: all but none */
  CHECK_INT(q_rows(s, &f, LB_Q_EVENTS, NULL), 8);
  f.actor = "RUSMIL";
  CHECK_INT(q_rows(s, &f, LB_Q_EVENTS, NULL), 3);
  f.actor = "PRK";
  CHECK_INT(q_rows(s, &f, LB_Q_EVENTS, NULL), 0);
  memset(&f, 0, sizeof f);
  f.code = "195";
  f.place = "Moskau"; /* as written in one text: the entity, in both documents */
  CHECK_INT(q_rows(s, &f, LB_Q_EVENTS, NULL), 2);
  f.place = "Hauptstadt"; /* how the seed calls Moscow */
  CHECK_INT(q_rows(s, &f, LB_Q_EVENTS, NULL), 2);
  f.place = "Kyjiw";
  CHECK_INT(q_rows(s, &f, LB_Q_EVENTS, NULL), 0);
  f.place = "Moscow"; /* the canonical name */
  CHECK_INT(q_rows(s, &f, LB_Q_EVENTS, NULL), 2);
  /* Issue 22: the place is matched literally; "%" was a LIKE wildcard
  ** that matched every place with a space in its name */
  memset(&f, 0, sizeof f);
  f.place = "Kursk"; /* "Kursk Oblast": a name and more words */
  CHECK_INT(q_rows(s, &f, LB_Q_EVENTS, NULL), KURSK_EVENTS);
  f.place = "kursk oblast";
  CHECK_INT(q_rows(s, &f, LB_Q_EVENTS, NULL), KURSK_EVENTS);
  static const char *const wild[] = {"%", "_", "%%", "K%", "Kurs_", "_ursk", "%Oblast", "Kursk\\",
                                     "\\%"};
  for (size_t i = 0; i < sizeof wild / sizeof *wild; i++) {
    f.place = wild[i];
    CHECK_INT(q_rows(s, &f, LB_Q_EVENTS, NULL), 0);
    CHECK_INT(q_rows(s, &f, LB_Q_INCIDENTS, NULL), 0);
  }
  memset(&f, 0, sizeof f);
  f.has_bbox = 1;
  f.bbox[0] = 35, f.bbox[1] = 51, f.bbox[2] = 37.5, f.bbox[3] = 52.5;
  f.to = 20240831;
  CHECK_INT(q_rows(s, &f, LB_Q_EVENTS, &out), 1);
  CHECK(strstr(out, "\"doc_id\":\"store-kursk-2024-08-07\"") != NULL);
  CHECK(strstr(out, "\"quantities\":[]") != NULL);
  free(out);
  memset(&f, 0, sizeof f);
  f.text = "Drohnen Moskau";
  CHECK_INT(q_rows(s, &f, LB_Q_DOCUMENTS, NULL), 2);
  f.text = "US-Beamte"; /* a hyphenated word is a phrase, not FTS syntax */
  CHECK_INT(q_rows(s, &f, LB_Q_DOCUMENTS, &out), 1);
  CHECK(strncmp(out, "{\"id\":\"kursk-2024-11\",\"lang\":\"de\",\"published\":\"2024-11-11\"", 58) == 0);
  free(out);
  memset(&f, 0, sizeof f);
  f.doc = "store-nyt-2024-11-10";
  CHECK_INT(q_rows(s, &f, LB_Q_EVENTS, &out), 1);
  CHECK(strstr(out, "\"code\":\"154\"") && strstr(out, "\"incident\":1,"));
  free(out);
  memset(&f, 0, sizeof f);
  f.entity = MOSCOW_ID;
  CHECK_INT(q_rows(s, &f, LB_Q_EVENTS, NULL), 2);
  f.entity = NULL;
  f.quad = 4;
  CHECK_INT(q_rows(s, &f, LB_Q_INCIDENTS, &out), 4);
  CHECK(strstr(out, "\"reports\":3,\"documents\":3,\"sources\":\"kursk-2024-11 "
                    "store-nyt-2024-11-10 store-reuters-2024-11-11\"") != NULL);
  free(out);
  memset(&f, 0, sizeof f);
  f.unit = "troops";
  f.entity = "Q159";
  CHECK_INT(q_rows(s, &f, LB_Q_QUANTITIES, NULL), 3);
  lb_store_close(s);
  t_rm_db(path);
}

TEST(store_replace_and_export) {
  const char *path = t_tmp_path("repl.db");
  lb_store *s = fill(path);
  if (!s) {
    CHECK(0);
    return;
  }
  int st;
  /* the same Reuters report again: nothing changes */
  lb_doc *d = report(2);
  CHECK_INT(lb_store_begin(s), LB_OK);
  CHECK_INT(lb_store_add(s, d, lb_store_hash(d), "test", &st), LB_OK);
  CHECK_INT(st, LB_STORE_SAME);
  /* a new version (another title) replaces it and keeps it in the incident */
  d->title = "Selenskyj: 50.000 russische Soldaten bei Kursk (aktualisiert)";
  CHECK_INT(lb_store_add(s, d, lb_store_hash(d), "test", &st), LB_OK);
  CHECK_INT(st, LB_STORE_REPLACED);
  lb_doc_free(d);
  CHECK_INT(lb_store_commit(s), LB_OK);
  CHECK_INT(count(s, "SELECT count(*) FROM documents"), 5);
  CHECK_INT(count(s, "SELECT count(*) FROM events"), 8);
  CHECK_INT(count(s, "SELECT reports FROM incidents WHERE root = '15' ORDER BY incident"), 3);
  /* the new title is indexed (the index has no columns filters: detail=none) */
  CHECK_INT(count(s, "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH"
                     " 'aktualisiert'"), 1);
  /* removing it leaves two reports */
  CHECK_INT(lb_store_begin(s), LB_OK);
  CHECK_INT(lb_store_remove(s, "store-reuters-2024-11-11"), 1);
  CHECK_INT(lb_store_commit(s), LB_OK);
  CHECK_INT(count(s, "SELECT reports FROM incidents WHERE root = '15' ORDER BY incident"), 2);
  CHECK_INT(count(s, "SELECT count(*) FROM sentences WHERE doc = 3"), 0);

  /* GDELT: 61 columns; the NYT event */
  lb_store_filter f;
  memset(&f, 0, sizeof f);
  f.doc = "store-nyt-2024-11-10";
  char *buf = NULL;
  size_t len = 0;
  FILE *m = open_memstream(&buf, &len);
  long n;
  char err[256];
  CHECK_INT(lb_store_export(s, &f, LB_FMT_GDELT, m, &n, err, sizeof err), LB_OK);
  fclose(m);
  CHECK_INT(n, 1);
  int tabs = 0;
  for (size_t i = 0; i < len; i++) tabs += buf[i] == '\t';
  CHECK_INT(tabs, 60);
  /* RUSMIL is country RUS and type MIL; the event is in the lead (the
  ** first sentence after the headline) */
  const char *head = "4\t20241110\t202411\t2024\t2024.8607\tRUSMIL\t\tRUS\t\t\t\t\tMIL\t\t\t"
                     "UKRMIL\t\tUKR\t\t\t\t\tMIL\t\t\t1\t154\t";
  CHECK(strncmp(buf, head, strlen(head)) == 0);
  if (strncmp(buf, head, strlen(head)) != 0) printf("  got: %.200s\n", buf);
  CHECK(strstr(buf, "\t154\t154\t15\t4\t-7.2\t2\t2\t2\t") != NULL);
  /* Kursk Oblast: a world state (5) in FIPS RS, ADM1 RS41 (also its FeatureID) */
  CHECK(strstr(buf, "\t5\tKursk Oblast\tRS\tRS41\t\t51.7\t36.2\tRS41\t20241110000000\t"
                    "lagebild:store-nyt-2024-11-10\n") != NULL);
  free(buf);
  /* GeoJSON: the events with coordinates, [lon, lat] */
  memset(&f, 0, sizeof f);
  buf = NULL;
  m = open_memstream(&buf, &len);
  CHECK_INT(lb_store_export(s, &f, LB_FMT_GEOJSON, m, &n, err, sizeof err), LB_OK);
  fclose(m);
  CHECK_INT(n, 5); /* build-up: seed, NYT (Reuters removed), August; Moscow: two */
  CHECK(strncmp(buf, "{\"type\":\"FeatureCollection\",\"features\":[\n{\"type\":\"Feature\","
                     "\"geometry\":{\"type\":\"Point\",\"coordinates\":[36.2,51.7]}", 107) == 0);
  free(buf);
  /* CSV: header then rows, quoted where needed */
  f.code = "154";
  buf = NULL;
  m = open_memstream(&buf, &len);
  CHECK_INT(lb_store_export(s, &f, LB_FMT_CSV, m, &n, err, sizeof err), LB_OK);
  fclose(m);
  CHECK_INT(n, 3);
  CHECK(strncmp(buf, "event,doc_id,n,code,root,quad_class,goldstein,source,", 53) == 0);
  CHECK(strstr(buf, "\r\n8,store-kursk-2024-08-07,0,154,15,4,-7.2,RUSMIL,Q159,UKR,Q212,"
                    "lb:kursk-oblast,Kursk Oblast,51.7,36.2,2024-08-07,20240807,20240807,"
                    "[],,") != NULL);
  free(buf);
  lb_store_close(s);
  t_rm_db(path);
}

TEST(store_seed_ingest) {
  const char *path = t_tmp_path("seed.db");
  t_rm_db(path);
  char err[512];
  lb_store *s;
  CHECK_INT(lb_store_open(path, LB_STORE_WRITE, NULL, &s, err, sizeof err), LB_OK);
  if (!s) return;
  const lb_doc *d = t_seed();
  int st;
  CHECK_INT(lb_store_begin(s), LB_OK);
  CHECK_INT(lb_store_add(s, d, lb_store_hash(d), "seed", &st), LB_OK);
  CHECK_INT(st, LB_STORE_ADDED);
  CHECK_INT(lb_store_commit(s), LB_OK);
  CHECK_STR(text_of(s, "SELECT id || ' ' || published || ' ' || bytes || ' ' || lang"
                       " FROM documents"),
            "kursk-2024-11 2024-11-11 4889 de");
  CHECK_INT(count(s, "SELECT count(*) FROM sentences"), 25);
  CHECK_STR(text_of(s, "SELECT start || ',' || end FROM sentences WHERE n IN (0, 1, 24)"),
            "0,310|311,567|4696,4889");
  /* every fact of the picture became a row */
  CHECK_INT(count(s, "SELECT count(*) FROM events"), (long)d->events.n);
  CHECK_INT(count(s, "SELECT count(*) FROM quantities"), (long)d->quantities.n);
  CHECK_INT(count(s, "SELECT count(*) FROM claims"), (long)d->claims.n);
  CHECK_INT(count(s, "SELECT count(*) FROM dates"), (long)d->dates.n);
  long nm = 0;
  for (size_t i = 0; i < d->entities.n; i++) nm += (long)d->entities.v[i].mentions.n;
  CHECK_INT(count(s, "SELECT count(*) FROM mentions"), nm);
  CHECK_INT(lb_store_known(s, "kursk-2024-11", lb_store_hash(d)), 1);
  CHECK_INT(lb_store_known(s, "kursk-2024-11", 42), 0);
  CHECK_INT(lb_store_version(s), LB_STORE_SCHEMA_VERSION);
  lb_store_close(s);
  t_rm_db(path);
}

TEST(store_replace_in_one_transaction) {
  /* an id twice in one batch: the second version replaces the first, and
  ** the full-text index (filled at commit) holds only the second */
  const char *path = t_tmp_path("dup.db");
  t_rm_db(path);
  char err[512];
  lb_store *s;
  CHECK_INT(lb_store_open(path, LB_STORE_WRITE, NULL, &s, err, sizeof err), LB_OK);
  if (!s) return;
  const char *texts[] = {"Erster Text über Berlin.", "Anderer Text über Hamburg.",
                         "Zweiter Text über München."};
  const char *ids[] = {"x", "y", "x"};
  int want[] = {LB_STORE_ADDED, LB_STORE_ADDED, LB_STORE_REPLACED};
  CHECK_INT(lb_store_begin(s), LB_OK);
  for (int k = 0; k < 3; k++) {
    lb_doc *d = text_doc(ids[k], texts[k], "2024-11-11");
    int st;
    CHECK_INT(lb_store_add(s, d, lb_store_hash(d), NULL, &st), LB_OK);
    CHECK_INT(st, want[k]);
    lb_doc_free(d);
  }
  CHECK_INT(lb_store_commit(s), LB_OK);
  CHECK_INT(sqlite3_exec(lb_store_db(s), "INSERT INTO documents_fts(documents_fts)"
                         " VALUES('integrity-check')", NULL, NULL, NULL), SQLITE_OK);
  CHECK_STR(text_of(s, "SELECT d.id FROM documents_fts f JOIN documents d ON d.doc = f.rowid"
                       " WHERE documents_fts MATCH 'Berlin OR München OR Hamburg' ORDER BY d.id"),
            "x|y");
  CHECK_INT(count(s, "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'Berlin'"), 0);
  lb_store_close(s);
  t_rm_db(path);
}

/* A new file at `path` with the schema as version v of lagebild made it:
** version 1, then the migrations up to v (no meta rows: the caller adds
** them). */
static sqlite3 *old_store(const char *path, int v) {
  t_rm_db(path);
  sqlite3 *db;
  CHECK_INT(sqlite3_open(path, &db), SQLITE_OK);
  CHECK_INT(sqlite3_exec(db, LB_STORE_SCHEMA_V1, NULL, NULL, NULL), SQLITE_OK);
  for (int k = 0; k + 1 < v; k++)
    CHECK_INT(sqlite3_exec(db, LB_STORE_MIGRATIONS[k], NULL, NULL, NULL), SQLITE_OK);
  return db;
}

TEST(store_migration) {
  /* a store as version 1 wrote it */
  const char *path = t_tmp_path("v1.db");
  sqlite3 *db = old_store(path, 1);
  sqlite3_exec(db, "INSERT INTO meta VALUES ('schema_version', '1'); PRAGMA user_version = 1;",
               NULL, NULL, NULL);
  sqlite3_close(db);
  char err[512];
  lb_store *s;
  CHECK_INT(lb_store_open(path, LB_STORE_WRITE, NULL, &s, err, sizeof err), LB_OK);
  if (!s) return;
  CHECK_INT(lb_store_version(s), 6);
  CHECK_STR(text_of(s, "SELECT value FROM meta WHERE key = 'schema_version'"), "6");
  CHECK_INT(count(s, "PRAGMA user_version"), 6);
  /* mentions_text (2) was replaced by the table names (4) */
  CHECK_INT(count(s, "SELECT count(*) FROM sqlite_master WHERE name = 'mentions_text'"), 0);
  CHECK_INT(count(s, "SELECT count(*) FROM sqlite_master WHERE name = 'names'"), 1);
  CHECK_INT(count(s, "SELECT count(*) FROM sqlite_master WHERE name = 'documents_fts_ins'"), 0);
  CHECK_STR(text_of(s, "SELECT type FROM sqlite_master WHERE name = 'sentences'"), "view");
  lb_store_close(s);
  t_rm_db(path);
}

TEST(store_migration_3_to_4) {
  /* a version 3 store with rows, as lagebild 3 wrote them: sentences as
  ** rows, mentions by rowid, a full-text index with positions */
  const char *path = t_tmp_path("v3.db");
  sqlite3 *db = old_store(path, 3);
  CHECK_INT(sqlite3_exec(
                db,
                "INSERT INTO meta VALUES ('schema_version', '3'); PRAGMA user_version = 3;"
                "INSERT INTO documents(doc, id, hash, bytes, text, title) VALUES"
                " (1, 'a', '0000000000000001', 37, 'Drohnen über Moskau. US-Beamte sagen.',"
                " 'Angriff'),"
                " (2, 'b', '0000000000000002', 9, 'Kein Satz', NULL);"
                "INSERT INTO documents_fts(rowid, title, text) SELECT doc, title, text"
                " FROM documents;"
                "INSERT INTO sentences VALUES (1, 0, 0, 21, 1), (1, 1, 22, 38, 0);"
                "INSERT INTO entities(ent, id, name) VALUES (7, 'Q649', 'Moscow');"
                "INSERT INTO mentions(doc, ent, start, end, text, role) VALUES"
                " (1, 7, 14, 20, 'Moskau', 'place'), (2, 7, 0, 4, 'Kein', 'name'),"
                " (1, 7, 0, 7, 'Drohnen', 'name');",
                NULL, NULL, NULL),
            SQLITE_OK);
  sqlite3_close(db);
  char err[512];
  lb_store *s;
  CHECK_INT(lb_store_open(path, LB_STORE_WRITE, NULL, &s, err, sizeof err), LB_OK);
  if (!s) return;
  CHECK_INT(lb_store_version(s), 6);
  /* the sentences view gives the rows the table had */
  CHECK_STR(text_of(s, "SELECT group_concat(doc || ',' || n || ',' || start || ',' || end ||"
                       " ',' || headline, ' ') FROM (SELECT * FROM sentences ORDER BY doc, n)"),
            "1,0,0,21,1 1,1,22,38,0");
  CHECK_STR(text_of(s, "SELECT sentences FROM documents WHERE doc = 1"), "[[0,21,1],[22,38]]");
  CHECK_STR(text_of(s, "SELECT sentences FROM documents WHERE doc = 2"), "[]");
  /* mentions numbered per document in their old order */
  CHECK_STR(text_of(s, "SELECT group_concat(doc || ',' || n || ',' || text, ' ') FROM"
                       " (SELECT * FROM mentions ORDER BY doc, n)"),
            "1,0,Moskau 1,1,Drohnen 2,0,Kein");
  /* names: each (text, entity) pair once, found case-insensitively */
  CHECK_STR(text_of(s, "SELECT group_concat(text || ',' || ent, ' ') FROM"
                       " (SELECT * FROM names ORDER BY text)"),
            "Drohnen,7 Kein,7 Moskau,7");
  CHECK_INT(count(s, "SELECT count(*) FROM names WHERE text = 'moskau'"), 1);
  /* the full-text index is rebuilt without positions and finds the words */
  CHECK(strstr(text_of(s, "SELECT sql FROM sqlite_master WHERE name = 'documents_fts'"),
               "detail=none") != NULL);
  CHECK_INT(count(s, "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH"
                     " 'Moskau AND angriff'"), 1);
  CHECK_INT(sqlite3_exec(lb_store_db(s), "INSERT INTO documents_fts(documents_fts)"
                         " VALUES('integrity-check')", NULL, NULL, NULL), SQLITE_OK);
  lb_store_close(s);
  /* query: the tokens of a word must all occur (no phrases without positions) */
  CHECK_INT(lb_store_open(path, LB_STORE_READ, NULL, &s, err, sizeof err), LB_OK);
  if (!s) return;
  lb_store_filter f;
  memset(&f, 0, sizeof f);
  f.text = "us-beamte  Drohnen";
  char *out = NULL;
  size_t outn = 0;
  FILE *o = open_memstream(&out, &outn);
  long rows = -1;
  CHECK_INT(lb_store_query(s, &f, LB_Q_DOCUMENTS, LB_FMT_TSV, o, &rows, err, sizeof err), LB_OK);
  fclose(o);
  CHECK_INT(rows, 1);
  CHECK(out && strstr(out, "\na\t") != NULL);
  free(out);
  f.text = "--";
  out = NULL;
  o = open_memstream(&out, &outn);
  CHECK_INT(lb_store_query(s, &f, LB_Q_DOCUMENTS, LB_FMT_TSV, o, &rows, err, sizeof err), LB_OK);
  fclose(o);
  CHECK_INT(rows, 0); /* no token: nothing matches */
  free(out);
  lb_store_close(s);
  t_rm_db(path);
}

TEST(store_migration_4_to_5) {
  /* a version 4 store with two events: one dated to the day, one without
  ** a date of its own in a document published 2024-11-11 */
  const char *path = t_tmp_path("v4.db");
  sqlite3 *db = old_store(path, 4);
  CHECK_INT(sqlite3_exec(
                db,
                "INSERT INTO meta VALUES ('schema_version', '4'); PRAGMA user_version = 4;"
                "INSERT INTO documents(doc, id, hash, bytes, text, published) VALUES"
                " (1, 'a', '0000000000000001', 9, 'Kein Satz', '2024-11-11');"
                "INSERT INTO events(doc, n, code, root, date, date_granularity, day_from, day_to,"
                " start, end) VALUES (1, 0, '190', '19', '2024-11-09', 'day', 20241109, 20241109,"
                " 0, 4), (1, 1, '154', '15', '2024-11', 'month', 20241101, 20241130, 5, 9);",
                NULL, NULL, NULL),
            SQLITE_OK);
  sqlite3_close(db);
  char err[512];
  lb_store *s;
  /* a reader says what to do and changes nothing */
  CHECK_INT(lb_store_open(path, LB_STORE_READ, NULL, &s, err, sizeof err), LB_ERR_DB);
  CHECK(strstr(err, "schema version 4, this lagebild reads version 6") != NULL);
  CHECK(strstr(err, "lagebild ingest") != NULL);
  CHECK_INT(lb_store_open(path, LB_STORE_WRITE, NULL, &s, err, sizeof err), LB_OK);
  if (!s) return;
  CHECK_INT(lb_store_version(s), 6);
  /* GDELT's day: the event's own day, else the publication day (not the
  ** first of the month) */
  CHECK_STR(text_of(s, "SELECT group_concat(n || ',' || day || ',' || reported, ' ') FROM"
                       " (SELECT * FROM events ORDER BY n)"),
            "0,20241109,2024-11-11 1,20241111,2024-11-11");
  CHECK_INT(count(s, "SELECT count(*) FROM sqlite_master WHERE name = 'events_plover'"), 1);
  lb_store_close(s);
  CHECK_INT(lb_store_open(path, LB_STORE_READ, NULL, &s, err, sizeof err), LB_OK);
  lb_store_close(s);
  t_rm_db(path);
}

/* The query plan of sql on s's connection, its steps joined by " | ". */
static const char *plan_of(lb_store *s, const char *sql) {
  static char out[1024];
  char q[1024];
  out[0] = 0;
  snprintf(q, sizeof q, "EXPLAIN QUERY PLAN %s", sql);
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(lb_store_db(s), q, -1, &st, NULL) != SQLITE_OK) return "(bad SQL)";
  while (sqlite3_step(st) == SQLITE_ROW) {
    const char *t = (const char *)sqlite3_column_text(st, 3);
    if (out[0]) strncat(out, " | ", sizeof out - strlen(out) - 1);
    strncat(out, t ? t : "NULL", sizeof out - strlen(out) - 1);
  }
  sqlite3_finalize(st);
  return out;
}

/* The SQL of the statement the store prepared that starts with `head`. */
static const char *prepared(lb_store *s, const char *head) {
  for (sqlite3_stmt *st = sqlite3_next_stmt(lb_store_db(s), NULL); st;
       st = sqlite3_next_stmt(lb_store_db(s), st))
    if (strncmp(sqlite3_sql(st), head, strlen(head)) == 0) return sqlite3_sql(st);
  return "(not prepared)";
}

/* Issue 22: replacing a document was 20x slower than adding one: the
** cleanup of `names` scanned the whole table (SCAN names) and every mention
** of each entity. Version 6 indexes mentions by (ent, text); the cleanup
** takes the document's own pairs by names' key. */
TEST(store_migration_5_to_6) {
  /* a version 5 store: Moscow written "Moskau" in two documents, "Moskwa"
  ** in the first only */
  const char *path = t_tmp_path("v5.db");
  sqlite3 *db = old_store(path, 5);
  CHECK_INT(sqlite3_exec(
                db,
                "INSERT INTO meta VALUES ('schema_version', '5'); PRAGMA user_version = 5;"
                "INSERT INTO documents(doc, id, hash, bytes, text) VALUES"
                " (1, 'a', '0000000000000001', 14, 'Moskau. Moskwa'),"
                " (2, 'b', '0000000000000002', 6, 'Moskau');"
                "INSERT INTO entities(ent, id, name) VALUES (7, 'Q649', 'Moscow');"
                "INSERT INTO mentions(doc, n, ent, start, end, text) VALUES"
                " (1, 0, 7, 0, 6, 'Moskau'), (1, 1, 7, 8, 14, 'Moskwa'), (2, 0, 7, 0, 6, 'Moskau');"
                "INSERT INTO names VALUES ('Moskau', 7), ('Moskwa', 7);"
                "INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');",
                NULL, NULL, NULL),
            SQLITE_OK);
  CHECK_INT(sqlite3_exec(db, "SELECT 1 FROM sqlite_master WHERE name = 'mentions_ent'", NULL,
                         NULL, NULL), SQLITE_OK);
  sqlite3_close(db);
  char err[512];
  lb_store *s;
  /* a reader is told to migrate; the writer migrates */
  CHECK_INT(lb_store_open(path, LB_STORE_READ, NULL, &s, err, sizeof err), LB_ERR_DB);
  CHECK(strstr(err, "schema version 5, this lagebild reads version 6") != NULL);
  CHECK_INT(lb_store_open(path, LB_STORE_WRITE, NULL, &s, err, sizeof err), LB_OK);
  if (!s) return;
  CHECK_INT(lb_store_version(s), 6);
  CHECK_STR(text_of(s, "SELECT value FROM meta WHERE key = 'schema_version'"), "6");
  CHECK_INT(count(s, "PRAGMA user_version"), 6);
  CHECK_STR(text_of(s, "SELECT name FROM sqlite_master WHERE tbl_name = 'mentions' AND"
                       " type = 'index' AND sql IS NOT NULL ORDER BY name"),
            "mentions_ent_text");
  CHECK_INT(count(s, "SELECT count(*) FROM mentions"), 3);
  /* the cleanup's plan: names by their key, the other mentions by the
  ** index; no table scanned */
  const char *del = prepared(s, "DELETE FROM names");
  CHECK(strstr(del, "(text, ent) IN") != NULL);
  char plan[1024];
  snprintf(plan, sizeof plan, "%s", plan_of(s, del));
  CHECK_STR(plan, "SEARCH names USING PRIMARY KEY (text=?) | LIST SUBQUERY 1 |"
                  " SEARCH mentions USING PRIMARY KEY (doc=?) | LIST SUBQUERY 1 |"
                  " SEARCH mentions USING PRIMARY KEY (doc=?) | CORRELATED SCALAR SUBQUERY 2 |"
                  " SEARCH m USING COVERING INDEX mentions_ent_text (ent=? AND text=?)");
  CHECK(strstr(plan, "SCAN") == NULL);
  /* and what it does: removing document a drops "Moskwa" (a alone wrote
  ** it) and keeps "Moskau" (b too) */
  CHECK_INT(lb_store_begin(s), LB_OK);
  CHECK_INT(lb_store_remove(s, "a"), 1);
  CHECK_INT(lb_store_commit(s), LB_OK);
  CHECK_STR(text_of(s, "SELECT group_concat(text || ',' || ent, ' ') FROM names"), "Moskau,7");
  lb_store_close(s);
  /* a new store is created at version 6 with the same index */
  t_rm_db(path);
  CHECK_INT(lb_store_open(path, LB_STORE_WRITE, NULL, &s, err, sizeof err), LB_OK);
  if (!s) return;
  CHECK_INT(lb_store_version(s), 6);
  CHECK_STR(text_of(s, "SELECT name FROM sqlite_master WHERE tbl_name = 'mentions' AND"
                       " type = 'index' AND sql IS NOT NULL ORDER BY name"),
            "mentions_ent_text");
  CHECK_STR(plan_of(s, prepared(s, "DELETE FROM names")), plan);
  lb_store_close(s);
  t_rm_db(path);
}

TEST(store_fts_terms) {
  lb_buf b = LB_BUF_INIT;
  CHECK_INT(lb_store_fts_terms("US-Beamte  „Kursk“ Müller\"s", &b), 5);
  CHECK_STR(b.p, "\"us\" \"beamte\" \"kursk\" \"muller\" \"s\"");
  lb_buf_reset(&b);
  CHECK_INT(lb_store_fts_terms(" -- ", &b), 0);
  lb_buf_free(&b);
}

static char *slurp(const char *p, size_t *n) {
  FILE *f = fopen(p, "rb");
  *n = 0;
  if (!f) return NULL;
  char *b = malloc(1 << 20);
  *n = fread(b, 1, 1 << 20, f);
  fclose(f);
  return b;
}

TEST(store_bad_files) {
  char err[512];
  lb_store *s, *s2;
  /* not a database: refused, not a byte changed */
  const char *junk = t_tmp_path("junk.db");
  FILE *f = fopen(junk, "wb");
  for (int i = 0; i < 300; i++) fputs("kein SQLite ", f);
  fclose(f);
  size_t n0 = 0, n1 = 0;
  char *before = slurp(junk, &n0);
  CHECK_INT(lb_store_open(junk, LB_STORE_WRITE, NULL, &s, err, sizeof err), LB_ERR_DB);
  CHECK(strstr(err, "not a SQLite database") != NULL);
  char *after = slurp(junk, &n1);
  CHECK(n0 == n1 && memcmp(before, after, n0) == 0);
  free(before);
  free(after);
  t_rm_db(junk);

  /* a newer schema: refused by writers and readers */
  const char *newer = t_tmp_path("newer.db");
  t_rm_db(newer);
  CHECK_INT(lb_store_open(newer, LB_STORE_WRITE, NULL, &s, err, sizeof err), LB_OK);
  lb_store_close(s);
  sqlite3 *db;
  sqlite3_open(newer, &db);
  sqlite3_exec(db, "PRAGMA user_version = 7", NULL, NULL, NULL);
  sqlite3_close(db);
  before = slurp(newer, &n0);
  CHECK_INT(lb_store_open(newer, LB_STORE_WRITE, NULL, &s, err, sizeof err), LB_ERR_DB);
  CHECK(strstr(err, "schema version 7, newer than this lagebild") != NULL);
  CHECK_INT(lb_store_open(newer, LB_STORE_READ, NULL, &s, err, sizeof err), LB_ERR_DB);
  after = slurp(newer, &n1);
  CHECK(n0 == n1 && memcmp(before, after, n0) == 0);
  free(before);
  free(after);
  t_rm_db(newer);

  /* a second writer is turned away while the first holds the store */
  const char *locked = t_tmp_path("locked.db");
  t_rm_db(locked);
  CHECK_INT(lb_store_open(locked, LB_STORE_WRITE, NULL, &s, err, sizeof err), LB_OK);
  CHECK_INT(lb_store_open(locked, LB_STORE_WRITE, NULL, &s2, err, sizeof err), LB_ERR_DB);
  CHECK(strstr(err, "locked by another writer") != NULL);
  CHECK(s2 == NULL);
  lb_store_close(s);
  CHECK_INT(lb_store_open(locked, LB_STORE_WRITE, NULL, &s2, err, sizeof err), LB_OK);
  lb_store_close(s2);
  t_rm_db(locked);

  /* someone else's SQLite database is not ours to change */
  const char *other = t_tmp_path("other.db");
  t_rm_db(other);
  sqlite3_open(other, &db);
  sqlite3_exec(db, "CREATE TABLE t(x)", NULL, NULL, NULL);
  sqlite3_close(db);
  CHECK_INT(lb_store_open(other, LB_STORE_WRITE, NULL, &s, err, sizeof err), LB_ERR_DB);
  CHECK(strstr(err, "not a lagebild store") != NULL);
  t_rm_db(other);

  /* a missing store for reading */
  CHECK_INT(lb_store_open(t_tmp_path("none.db"), LB_STORE_READ, NULL, &s, err, sizeof err),
            LB_ERR_IO);
  CHECK(strstr(err, "no such store") != NULL);
}

TEST(store_corrupt_file) {
  const char *path = t_tmp_path("corrupt.db");
  lb_store *s = fill(path);
  if (!s) {
    CHECK(0);
    return;
  }
  lb_store_close(s); /* checkpoints the WAL into the file */
  /* scribble over the middle of the file (page headers and cells) */
  int fd = open(path, O_WRONLY);
  struct stat st;
  fstat(fd, &st);
  char junk[4096];
  memset(junk, 0x5a, sizeof junk);
  for (off_t at = 4096 * 3; at + 4096 < st.st_size; at += 4096 * 4)
    if (pwrite(fd, junk, 200, at) != 200) CHECK(0);
  close(fd);
  size_t n0 = 0, n1 = 0;
  char *before = slurp(path, &n0);
  char err[512];
  CHECK_INT(lb_store_open(path, LB_STORE_WRITE, NULL, &s, err, sizeof err), LB_ERR_DB);
  CHECK(strstr(err, "corrupt") != NULL);
  char *after = slurp(path, &n1);
  CHECK(n0 == n1 && memcmp(before, after, n0) == 0);
  free(before);
  free(after);
  t_rm_db(path);
}

static int collect(const char *path, void *ctx) {
  char *out = ctx;
  const char *b = strrchr(path, '/');
  strcat(out, b ? b + 1 : path);
  strcat(out, " ");
  return 0;
}

TEST(store_compressed_input) {
  size_t n;
  char *jsonl = t_read_file("tests/data/store_reports.jsonl", &n);
  const char *dir = t_tmp_path("dir");
  char p[512];
  mkdir(dir, 0755);
  snprintf(p, sizeof p, "%s/b.jsonl.gz", dir);
  gzFile gz = gzopen(p, "wb");
  gzwrite(gz, jsonl, (unsigned)n);
  gzclose(gz);
  snprintf(p, sizeof p, "%s/a.jsonl.zst", dir);
  size_t cap = ZSTD_compressBound(n);
  char *z = malloc(cap);
  size_t zn = ZSTD_compress(z, cap, jsonl, n, 3);
  FILE *f = fopen(p, "wb");
  fwrite(z, 1, zn, f);
  fclose(f);
  snprintf(p, sizeof p, "%s/c.md", dir); /* not an input */
  fclose(fopen(p, "wb"));
  snprintf(p, sizeof p, "%s/.d.txt", dir); /* hidden */
  fclose(fopen(p, "wb"));
  snprintf(p, sizeof p, "%s/bad.jsonl.gz", dir); /* truncated gzip */
  f = fopen(p, "wb");
  gz = gzopen(p, "wb");
  gzwrite(gz, jsonl, (unsigned)n);
  gzclose(gz);
  fclose(f);
  size_t bn;
  char *whole = t_read_file(p, &bn);
  f = fopen(p, "wb");
  fwrite(whole, 1, bn / 2, f);
  fclose(f);
  free(whole);

  char names[512] = "", err[256];
  CHECK_INT(lb_compress_walk(dir, collect, names, err, sizeof err), 0);
  CHECK_STR(names, "a.jsonl.zst b.jsonl.gz bad.jsonl.gz ");

  const char *files[] = {"a.jsonl.zst", "b.jsonl.gz"};
  for (int k = 0; k < 2; k++) {
    snprintf(p, sizeof p, "%s/%s", dir, files[k]);
    lb_reader *r = lb_reader_open(p, NULL, err, sizeof err);
    CHECK(r != NULL);
    if (!r) continue;
    lb_input in;
    char msg[256];
    int docs = 0;
    while (lb_reader_next(r, &in, msg, sizeof msg) == 1) {
      if (docs == 3) CHECK_STR(in.id, "store-kursk-2024-08-07");
      if (docs == 0) CHECK_INT(in.len, 603);
      docs++;
    }
    CHECK_INT(docs, 4);
    CHECK_INT(lb_reader_offset(r), n);
    lb_reader_close(r);
  }
  snprintf(p, sizeof p, "%s/bad.jsonl.gz", dir);
  lb_reader *r = lb_reader_open(p, NULL, err, sizeof err);
  lb_input in;
  char msg[512];
  int k, docs = 0, errors = 0;
  char want[700];
  snprintf(want, sizeof want,
           "%s: truncated gzip data at byte %zu of the compressed file: the file ends inside a "
           "compressed block (",
           p, bn / 2);
  while ((k = lb_reader_next(r, &in, msg, sizeof msg)) != 0) {
    if (k > 0) docs++;
    else {
      errors++;
      CHECK(strncmp(msg, want, strlen(want)) == 0);
    }
  }
  CHECK_INT(errors, 1);
  CHECK(docs < 4);
  lb_reader_close(r);
  const char *rmf[] = {"a.jsonl.zst", "b.jsonl.gz", "bad.jsonl.gz", "c.md", ".d.txt"};
  for (int i = 0; i < 5; i++) {
    snprintf(p, sizeof p, "%s/%s", dir, rmf[i]);
    unlink(p);
  }
  rmdir(dir);
  free(z);
  free(jsonl);
}

/* The quoted phrases of query text, as LIKE patterns: one space between
** words, % _ \\ escaped, "" and unquoted words skipped, an unclosed quote
** runs to the end. */
TEST(store_fts_phrase_patterns) {
  static const struct {
    const char *text;
    int i;
    const char *want; /* NULL: no i-th phrase */
  } C[] = {{"Region Kursk", 0, NULL},
           {"\"Region  Kursk\" Truppen", 0, "%Region Kursk%"},
           {"\"\" a \"50% der_Truppen\"", 0, "%50\\% der\\_Truppen%"},
           {"\"a\" \"b c\"", 1, "%b c%"},
           {"\"a\" \"b c\"", 2, NULL},
           {"x \"Oblast Kursk", 0, "%Oblast Kursk%"}};
  for (size_t i = 0; i < sizeof C / sizeof *C; i++) {
    lb_buf b = LB_BUF_INIT;
    int have = lb_store_fts_phrase(C[i].text, C[i].i, &b);
    CHECK_INT(have, C[i].want != NULL);
    if (have && C[i].want) CHECK_STR(b.p, C[i].want);
    lb_buf_free(&b);
  }
}

/* ---- issue 20: incidents, codes, dates, moods ---- */

/* A new empty store at a temporary path (removed first); NULL on failure. */
static lb_store *fresh(const char *name, const char **path) {
  *path = t_tmp_path(name);
  t_rm_db(*path);
  char err[512];
  lb_store *s = NULL;
  CHECK_INT(lb_store_open(*path, LB_STORE_WRITE, NULL, &s, err, sizeof err), LB_OK);
  return s;
}

/* An export of s as a string (free it); *n gets the rows. */
static char *export_str(lb_store *s, const lb_store_filter *f, int fmt, long *n) {
  char *buf = NULL, err[512];
  size_t len = 0;
  FILE *m = open_memstream(&buf, &len);
  CHECK_INT(lb_store_export(s, f, fmt, m, n, err, sizeof err), LB_OK);
  fclose(m);
  return buf;
}

TEST(store_incident_rules) {
  /* Three statements by the United States on 2024-11-10, -12 and -14 with
  ** no target and no place (the "USA -> - 010" incident of 17 unrelated
  ** reports), and Russian attacks on Kursk Oblast three days apart, each
  ** naming one actor: statements without a second actor or a place stay
  ** apart; attacks at one place merge, but a chain never spans more than
  ** 2 * 3 + 1 days. */
  const char *path;
  lb_store *s = fresh("rules.db", &path);
  if (!s) return;
  static const char *const days[] = {"2024-11-10", "2024-11-12", "2024-11-14", "2024-11-17"};
  CHECK_INT(lb_store_begin(s), LB_OK);
  for (int k = 0; k < 4; k++) {
    char id[32];
    snprintf(id, sizeof id, "usa-%d", k);
    lb_doc *d = text_doc(id, "Die USA erklärten, Russland habe die Region Kursk angegriffen.",
                         days[k]);
    put_place(d, KURSK_ID, "Kursk Oblast", 51.7, 36.2, "Region Kursk");
    put_event(d, "010", "USA", NULL, NULL, NULL, "Die USA erklärten");
    put_event(d, "190", k % 2 ? "RUS" : "RUSMIL", NULL, KURSK_ID, days[k],
              "Russland habe die Region Kursk angegriffen");
    d->events.v[0].source_entity = NULL;
    int st;
    CHECK_INT(lb_store_add(s, d, lb_store_hash(d), "test", &st), LB_OK);
    lb_doc_free(d);
  }
  CHECK_INT(lb_store_commit(s), LB_OK);
  /* four statements, four incidents */
  CHECK_INT(count(s, "SELECT count(DISTINCT incident) FROM events WHERE code = '010'"), 4);
  /* the attacks: 10th, 12th and 14th one incident (5 days); the 17th would
  ** make it 8 days: a new one */
  CHECK_STR(text_of(s, "SELECT reports || ' ' || day_from || '-' || day_to FROM incidents"
                       " WHERE root = '19' ORDER BY incident"),
            "3 20241110-20241114|1 20241117-20241117");
  lb_store_close(s);
  t_rm_db(path);
}

TEST(store_cameo_actor_codes) {
  static const struct {
    const char *code, *country, *group, *rel1, *rel2, *t1, *t2;
  } W[] = {
      {"RUSMIL", "RUS", "", "", "", "MIL", ""},
      {"RUS", "RUS", "", "", "", "", ""},
      {"IGOUNO", "", "UNO", "", "", "IGO", ""},
      {"IGOEUREEC", "EUR", "EEC", "", "", "IGO", ""},
      {"IMGMUSISI", "", "ISI", "MUS", "", "IMG", ""},
      {"NGOUSAHRI", "USA", "", "", "", "NGO", "HRI"},
      {"MNCUSAMED", "USA", "", "", "", "MNC", "MED"},
      {"NGOCHRCTHDEV", "", "", "CHR", "CTH", "NGO", "DEV"},
      {"MUSGOV", "MUS", "", "", "", "GOV", ""}, /* Mauritius at the front */
  };
  for (size_t i = 0; i < sizeof W / sizeof *W; i++) {
    lb_cameo_actor a;
    CHECK_INT(lb_cameo_actor_split(W[i].code, &a, NULL, 0), 0);
    CHECK_STR(a.country, W[i].country);
    CHECK_STR(a.group, W[i].group);
    CHECK_STR(a.religion1, W[i].rel1);
    CHECK_STR(a.religion2, W[i].rel2);
    CHECK_STR(a.type[0], W[i].t1);
    CHECK_STR(a.type[1], W[i].t2);
    CHECK_STR(a.ethnic, "");
  }
  lb_cameo_actor a;
  char msg[256];
  CHECK_INT(lb_cameo_actor_split("rus", &a, msg, sizeof msg), -1);
  CHECK(strstr(msg, "no CAMEO actor code") != NULL);
  CHECK_INT(lb_cameo_actor_split("RUSXQZ", &a, msg, sizeof msg), -1);
  CHECK(strstr(msg, "\"XQZ\"") != NULL);
  CHECK_STR(a.country, "RUS"); /* what was understood */
  CHECK(lb_cameo_event_known("190") && lb_cameo_event_known("19") && lb_cameo_event_known("0231"));
  CHECK(!lb_cameo_event_known("999") && !lb_cameo_event_known("1"));
  CHECK(lb_cameo_plover_known("ASSAULT") && !lb_cameo_plover_known("assault"));
}

TEST(store_filter_check) {
  /* the command line and the API refuse these with the same words */
  static const struct {
    const char *actor, *code, *root, *mood, *plover, *want;
  } W[] = {
      {"rus", NULL, NULL, NULL, NULL, "actor: \"rus\" is no CAMEO actor code"},
      {"XYZ", NULL, NULL, NULL, NULL, "actor: \"XYZ\" is no CAMEO actor code: its part \"XYZ\""},
      {NULL, "19", NULL, NULL, NULL, "code: \"19\" is a CAMEO root code, no event code: use root 19"},
      {NULL, "999", NULL, NULL, NULL, "code: \"999\" is no CAMEO event code"},
      {NULL, NULL, "1", NULL, NULL, "root: \"1\" is no CAMEO root code (two digits 01..20"},
      {NULL, NULL, "21", NULL, NULL, "root: \"21\" is no CAMEO root code"},
      {NULL, NULL, NULL, "fact,maybe", NULL, "mood: \"fact,maybe\" is no list of moods"},
      {NULL, NULL, NULL, NULL, "attack", "plover: \"attack\" is no PLOVER event (ACCUSE, "},
  };
  for (size_t i = 0; i < sizeof W / sizeof *W; i++) {
    lb_store_filter f;
    memset(&f, 0, sizeof f);
    f.actor = W[i].actor;
    f.code = W[i].code;
    f.root = W[i].root;
    f.mood = W[i].mood;
    f.plover = W[i].plover;
    char msg[512] = "";
    CHECK_INT(lb_store_filter_check(&f, msg, sizeof msg), -1);
    if (strncmp(msg, W[i].want, strlen(W[i].want)) != 0) {
      printf("  filter %zu: \"%s\", expected \"%s...\"\n", i, msg, W[i].want);
      lb_test_failed++;
    }
  }
  lb_store_filter f;
  memset(&f, 0, sizeof f);
  f.actor = "RUSMIL";
  f.code = "154";
  f.root = "15";
  f.mood = "fact,modal";
  f.plover = "MOBILIZE";
  char msg[256];
  CHECK_INT(lb_store_filter_check(&f, msg, sizeof msg), 0);
}

TEST(store_refuses_bad_dates) {
  /* "6723778502" was stored and exported as year 6723 (issue 20) */
  static const char *const bad[] = {"6723778502", "2099-01-01", "1850-05-01"};
  const char *path;
  lb_store *s = fresh("dates.db", &path);
  if (!s) return;
  CHECK_INT(lb_store_begin(s), LB_OK);
  for (int k = 0; k < 3; k++) {
    lb_doc *d = text_doc("bad-date", "Russland griff die Ukraine an.", bad[k]);
    char msg[512];
    CHECK_INT(lb_store_check_published(d, msg, sizeof msg), -1);
    CHECK(strstr(msg, "document \"bad-date\": publication date") != NULL);
    int st;
    CHECK_INT(lb_store_add(s, d, lb_store_hash(d), "test", &st), LB_ERR_USAGE);
    CHECK(strstr(lb_store_errmsg(s), bad[k] + (k ? 0 : 0)) != NULL || k == 0);
    lb_doc_free(d);
  }
  lb_doc *d = text_doc("good", "Russland griff die Ukraine an.", "2016-03-01");
  int st;
  CHECK_INT(lb_store_add(s, d, lb_store_hash(d), "test", &st), LB_OK);
  lb_doc_free(d);
  d = text_doc("undated", "Russland griff die Ukraine an.", NULL);
  CHECK_INT(lb_store_add(s, d, lb_store_hash(d), "test", &st), LB_OK);
  lb_doc_free(d);
  CHECK_INT(lb_store_commit(s), LB_OK);
  CHECK_STR(text_of(s, "SELECT group_concat(id, ' ') FROM (SELECT id FROM documents ORDER BY id)"),
            "good undated");
  lb_store_close(s);
  t_rm_db(path);
}

TEST(store_export_moods_and_day) {
  /* a negated event is no fact: left out of exports unless asked for; an
  ** event of a month is dated on the publication day, not the 1st */
  const char *path;
  lb_store *s = fresh("moods.db", &path);
  if (!s) return;
  CHECK_INT(lb_store_begin(s), LB_OK);
  lb_doc *d = text_doc("moods", "Russland zog im November Truppen zusammen. Die russischen "
                                "Streitkräfte konnten die Zone nicht zurückerobern.",
                       "2024-11-11");
  put_event(d, "154", "RUSMIL", "UKRMIL", NULL, "2024-11", "Russland zog im November Truppen");
  d->events.v[0].date_granularity = "month";
  put_event(d, "190", "RUSMIL", "UKRMIL", NULL, NULL, "nicht zurückerobern");
  d->events.v[1].mood = "negated";
  int st;
  CHECK_INT(lb_store_add(s, d, lb_store_hash(d), "test", &st), LB_OK);
  lb_doc_free(d);
  CHECK_INT(lb_store_commit(s), LB_OK);
  lb_store_filter f;
  memset(&f, 0, sizeof f);
  long n;
  char *buf = export_str(s, &f, LB_FMT_GDELT, &n);
  CHECK_INT(n, 1);
  CHECK(buf && strncmp(buf, "1\t20241111\t202411\t2024\t", 23) == 0);
  CHECK(buf && strstr(buf, "\t20241101\t") == NULL);
  free(buf);
  f.mood = "all";
  free(export_str(s, &f, LB_FMT_GDELT, &n));
  CHECK_INT(n, 2);
  /* GeoJSON and CSV say the mood and how exact the day is */
  f.mood = "negated";
  buf = export_str(s, &f, LB_FMT_CSV, &n);
  CHECK_INT(n, 1);
  CHECK(buf && strstr(buf, ",negated,") != NULL && strstr(buf, ",20241111,published,") != NULL);
  free(buf);
  lb_store_close(s);
  t_rm_db(path);
}
