/*
** export.c -- the store's events as GDELT 2.0 rows, GeoJSON or CSV (see query.h).
**
** GDELT 2.0 event rows have 61 tab-separated columns in the order of the
** GDELT 2.0 Event Codebook. We fill those our picture has an answer for, by
** the codebook's rules, and leave the rest empty, never invented
** (docs/store.md has the column-by-column mapping):
**  - Day is the event's own day, or the publication day when the event has
**    no day of its own (a month, a period, no date: never the 1st of a
**    month); MonthYear, Year and FractionDate follow from it;
**  - actor codes are split by the CAMEO grammar (cameo.h): country, known
**    group, religions and up to three types (RUSMIL: RUS and MIL; IGOUNO:
**    no country, type IGO, group UNO);
**  - the Geo columns carry FIPS 10-4 country codes and ADM1 codes as GDELT
**    writes them (RS, RS41), the geo type (1 country, 2 US state, 3 US
**    city, 4 world city, 5 world state) and as FeatureID the country or
**    ADM1 code for countries and states, the GeoNames id for cities;
**  - NumMentions, NumArticles and NumSources count the event's incident:
**    its reports, its documents and their web sites (hosts; a document
**    without a URL is a source of its own); IsRootEvent is 1 for an event
**    in the lead (a headline or the first two sentences after them);
**  - only asserted events unless the filter's mood says otherwise (the
**    default of every format: negated, modal, hypothetical and intended
**    events are no facts), and only events with an actor (GDELT has none
**    without).
** GeoJSON is a FeatureCollection of the events with coordinates (RFC 7946:
** [lon, lat]), which QGIS opens as a point layer; CSV is the `lagebild
** query` event columns with a header. Both carry `mood`, `day` and
** `date_precision` ("day": the event's own day; "published": the
** publication day stands in).
*/
#include <stdlib.h>
#include <string.h>

#include "../base/buf.h"
#include "../base/json.h"
#include "cameo.h"
#include "db.h"
#include "query.h"

/* The head of the export's query; %s: the expression counting the web
** sites of incident e.incident's documents (per engine). */
static const char EXPORT_HEAD[] =
    "SELECT e.event, e.day, e.source, s.name, e.target, t.name, e.sentence, e.code, e.root,"
    " e.quad_class, e.goldstein, coalesce(i.reports, 1), coalesce(i.documents, 1),"
    " CASE WHEN e.incident IS NULL THEN 1 ELSE %s END,"
    " s.feature, s.name, s.fips, s.adm1, s.lat, s.lon, s.geonameid, s.cc,"
    " t.feature, t.name, t.fips, t.adm1, t.lat, t.lon, t.geonameid, t.cc,"
    " e.feature, e.place_name, e.fips, e.adm1, e.lat, e.lon, e.geonameid, e.cc,"
    " d.published, d.url, d.id, e.incident, e.text, e.date, e.source_entity,"
    " e.target_entity, e.place, e.mood,"
    " CASE WHEN e.date IS NOT NULL AND e.date_granularity = 'day' THEN 'day'"
    " ELSE 'published' END, e.reported, e.plover_event, d.sentences"
    " FROM events e JOIN documents d ON d.doc = e.doc"
    " LEFT JOIN entities s ON s.id = e.source_entity"
    " LEFT JOIN entities t ON t.id = e.target_entity"
    " LEFT JOIN incidents i ON i.incident = e.incident";

/* The web site of a URL: its host, lower case (a document without one
** counts as a site of its own). */
static const char HOSTS_LITE[] =
    "(SELECT count(DISTINCT coalesce(CASE WHEN x.url LIKE '%//%' THEN lower(substr(x.url,"
    " instr(x.url, '//') + 2, instr(substr(x.url, instr(x.url, '//') + 2) || '/', '/') - 1))"
    " END, 'doc:' || x.id)) FROM events e2 JOIN documents x ON x.doc = e2.doc"
    " WHERE e2.incident = e.incident)";
static const char HOSTS_PG[] =
    "(SELECT count(DISTINCT coalesce(nullif(lower(split_part(split_part(x.url, '//', 2), '/',"
    " 1)), ''), 'doc:' || x.id)) FROM events e2 JOIN documents x ON x.doc = e2.doc"
    " WHERE e2.incident = e.incident)";

enum {
  X_EVENT, X_DAY, X_SRC, X_SRCNAME, X_TGT, X_TGTNAME, X_SENT, X_CODE, X_ROOT, X_QUAD, X_GOLD,
  X_REPORTS, X_DOCS, X_SITES, X_G1 = 14, X_G2 = 22, X_GA = 30, X_PUB = 38, X_URL, X_DOCID, X_INC,
  X_TEXT, X_DATE, X_SRCENT, X_TGTENT, X_PLACE, X_MOOD, X_PRECISION, X_REPORTED, X_PLOVER,
  X_SENTS
};
/* the Geo columns from X_G*: feature, name, fips, adm1, lat, lon, geonameid, cc */
enum { G_FEATURE, G_NAME, G_FIPS, G_ADM1, G_LAT, G_LON, G_ID, G_CC };

static const char *txt(lb_store_rows *st, int i) { return lb_store_text(st, i); }

/* A GDELT field: tabs and newlines would break the row. */
static void field(lb_buf *b, const char *s) {
  lb_buf_addc(b, '\t');
  for (; *s; s++) lb_buf_addc(b, (*s == '\t' || *s == '\n' || *s == '\r') ? ' ' : *s);
}

static void field_up(lb_buf *b, const char *s) {
  lb_buf_addc(b, '\t');
  for (; *s; s++) {
    char c = *s;
    if (c >= 'a' && c <= 'z') c = (char)(c - 32);
    lb_buf_addc(b, (c == '\t' || c == '\n' || c == '\r') ? ' ' : c);
  }
}

static void field_num(lb_buf *b, lb_store_rows *st, int i) {
  lb_buf_addc(b, '\t');
  if (lb_store_coltype(st, i) == LB_STORE_INT)
    lb_json_int(b, lb_store_int(st, i));
  else if (lb_store_coltype(st, i) == LB_STORE_FLOAT)
    lb_json_num(b, lb_store_double(st, i));
}

/* GDELT geo type: 1 country, 2 US state, 3 US city, 4 world city, 5 world
** state (first-order division). */
static int geo_type(const char *feature, const char *cc) {
  int us = strcmp(cc, "US") == 0;
  if (strncmp(feature, "PCL", 3) == 0) return 1;
  if (strncmp(feature, "ADM1", 4) == 0) return us ? 2 : 5;
  return us ? 3 : 4;
}

/* The 8 Geo_Type .. Geo_FeatureID fields of a place starting at column c. */
static void geo(lb_buf *b, lb_store_rows *st, int c) {
  if (lb_store_coltype(st, c + G_LAT) == LB_STORE_NULL) { /* no coordinates */
    for (int k = 0; k < 8; k++) lb_buf_addc(b, '\t');
    return;
  }
  int type = geo_type(txt(st, c + G_FEATURE), txt(st, c + G_CC));
  const char *fips = txt(st, c + G_FIPS), *adm1 = txt(st, c + G_ADM1);
  lb_buf_printf(b, "\t%d", type);
  field(b, txt(st, c + G_NAME));
  field(b, fips);
  field(b, type == 1 ? fips : adm1); /* a country's ADM1Code is its country code */
  lb_buf_addc(b, '\t');              /* ADM2Code: not known */
  field_num(b, st, c + G_LAT);
  field_num(b, st, c + G_LON);
  /* FeatureID: textual for countries and states, numeric (GeoNames) else */
  if (type == 1)
    field(b, fips);
  else if (type == 2 || type == 5)
    field(b, adm1);
  else
    field_num(b, st, c + G_ID);
}

/* The 10 Actor*Code .. Actor*Type3Code fields. */
static void actor(lb_buf *b, lb_store_rows *st, int code, int name) {
  const char *c = txt(st, code);
  lb_cameo_actor a;
  lb_cameo_actor_split(c, &a, NULL, 0); /* an unknown part: what was understood */
  field(b, c);
  field_up(b, txt(st, name));
  field(b, a.country);
  field(b, a.group);
  field(b, a.ethnic);
  field(b, a.religion1);
  field(b, a.religion2);
  for (int k = 0; k < 3; k++) field(b, a.type[k]);
}

/* Is sentence `sent` in the lead of a document with sentences `json`
** ([[start,end],[start,end,1],...], 1 = a headline): a headline, or one of
** the first two sentences after the opening headlines? */
static int in_lead(const char *json, long sent) {
  if (sent < 0) return 0;
  long i = 0, plain = 0;
  for (const char *p = json; *p && i <= sent; p++) {
    if (*p != '[' || p[1] == '[') continue;
    const char *e = strchr(p, ']');
    if (!e) break;
    int head = 0;
    for (const char *q = p, *comma = NULL; q < e; q++) /* a third element: a headline */
      if (*q == ',') {
        if (comma) head = 1;
        comma = q;
      }
    if (!head) plain++;
    if (i == sent) return head ? 1 : plain <= 2;
    i++;
    p = e;
  }
  return 0;
}

static void gdelt_row(lb_buf *b, lb_store_rows *st) {
  lb_json_int(b, lb_store_int(st, X_EVENT));
  int day = (int)lb_store_int(st, X_DAY);
  if (lb_store_coltype(st, X_DAY) != LB_STORE_NULL && day > 10000101) {
    int y = day / 10000, m = day / 100 % 100, d = day % 100;
    static const int cum[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    int doy = cum[m >= 1 && m <= 12 ? m - 1 : 0] + d + (leap && m > 2);
    lb_buf_printf(b, "\t%08d\t%04d%02d\t%04d\t%.4f", day, y, m, y, y + doy / (leap ? 366.0 : 365.0));
  } else {
    lb_buf_adds(b, "\t\t\t\t");
  }
  actor(b, st, X_SRC, X_SRCNAME);
  actor(b, st, X_TGT, X_TGTNAME);
  lb_buf_printf(b, "\t%d", lb_store_coltype(st, X_SENT) != LB_STORE_NULL &&
                               in_lead(txt(st, X_SENTS), (long)lb_store_int(st, X_SENT)));
  const char *code = txt(st, X_CODE);
  field(b, code);
  lb_buf_addc(b, '\t');
  lb_buf_add(b, code, strlen(code) > 3 ? 3 : strlen(code)); /* base code */
  field(b, txt(st, X_ROOT));
  field_num(b, st, X_QUAD);
  field_num(b, st, X_GOLD);
  field_num(b, st, X_REPORTS); /* NumMentions: reports of its incident */
  field_num(b, st, X_SITES);   /* NumSources: their web sites */
  field_num(b, st, X_DOCS);    /* NumArticles: their documents */
  lb_buf_addc(b, '\t');        /* AvgTone: not computed */
  geo(b, st, X_G1);
  geo(b, st, X_G2);
  geo(b, st, X_GA);
  /* DATEADDED: the publication date (the store keeps no ingest time, so
  ** that equal inputs give equal exports) */
  const char *pub = txt(st, X_PUB);
  int pd = lb_store_parse_day(pub, 0);
  if (pd)
    lb_buf_printf(b, "\t%08d000000", pd);
  else
    lb_buf_addc(b, '\t');
  const char *url = txt(st, X_URL);
  if (*url)
    field(b, url);
  else {
    lb_buf_adds(b, "\tlagebild:");
    lb_buf_adds(b, txt(st, X_DOCID));
  }
  lb_buf_addc(b, '\n');
}

static void geojson_feature(lb_buf *b, lb_store_rows *st, int first) {
  lb_buf_adds(b, first ? "\n" : ",\n");
  lb_buf_adds(b, "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[");
  lb_json_num(b, lb_store_double(st, X_GA + G_LON));
  lb_buf_addc(b, ',');
  lb_json_num(b, lb_store_double(st, X_GA + G_LAT));
  lb_buf_adds(b, "]},\"properties\":{");
  static const struct {
    const char *key;
    int col;
  } P[] = {{"event", X_EVENT},        {"doc_id", X_DOCID},       {"code", X_CODE},
           {"root", X_ROOT},          {"quad_class", X_QUAD},    {"goldstein", X_GOLD},
           {"source", X_SRC},         {"source_entity", X_SRCENT},
           {"target", X_TGT},         {"target_entity", X_TGTENT},
           {"place", X_PLACE},        {"place_name", X_GA + G_NAME},
           {"fips", X_GA + G_FIPS},   {"adm1", X_GA + G_ADM1},   {"date", X_DATE},
           {"day", X_DAY},            {"date_precision", X_PRECISION},
           {"mood", X_MOOD},          {"plover_event", X_PLOVER}, {"incident", X_INC},
           {"reports", X_REPORTS},    {"published", X_PUB},      {"reported", X_REPORTED},
           {"url", X_URL},            {"text", X_TEXT}};
  for (size_t i = 0; i < sizeof P / sizeof *P; i++) {
    if (i) lb_buf_addc(b, ',');
    lb_json_key(b, P[i].key);
    int c = P[i].col, t = lb_store_coltype(st, c);
    if (t == LB_STORE_NULL)
      lb_buf_adds(b, "null");
    else if (t == LB_STORE_INT)
      lb_json_int(b, lb_store_int(st, c));
    else if (t == LB_STORE_FLOAT)
      lb_json_num(b, lb_store_double(st, c));
    else
      lb_json_str(b, txt(st, c), (size_t)lb_store_bytes(st, c));
  }
  lb_buf_adds(b, "}}");
}

lb_err lb_store_export(lb_store *s, const lb_store_filter *filter, int fmt, FILE *out,
                       long *nrows, char *err, size_t errlen) {
  *nrows = 0;
  lb_store_filter f = *filter;
  if (!f.mood) f.mood = "fact"; /* facts only, unless asked */
  if (lb_store_filter_check(&f, err, errlen)) return LB_ERR_USAGE;
  if (fmt == LB_FMT_CSV) return lb_store_query(s, &f, LB_Q_EVENTS, fmt, out, nrows, err, errlen);
  if (fmt != LB_FMT_GDELT && fmt != LB_FMT_GEOJSON) {
    snprintf(err, errlen, "unknown export format");
    return LB_ERR_USAGE;
  }
  int pg = lb_db_kind(lb_store_conn(s)) == LB_DB_PG;
  lb_buf head = LB_BUF_INIT;
  lb_buf_printf(&head, EXPORT_HEAD, pg ? HOSTS_PG : HOSTS_LITE);
  lb_store_rows *st = lb_store_select_events(s, &f, head.p, err, errlen);
  lb_buf_free(&head);
  if (!st) return LB_ERR_DB;
  lb_buf b = LB_BUF_INIT;
  if (fmt == LB_FMT_GEOJSON) lb_buf_adds(&b, "{\"type\":\"FeatureCollection\",\"features\":[");
  long rows = 0;
  int rc;
  while ((rc = lb_store_next(st)) == 1) {
    if (fmt == LB_FMT_GDELT) {
      if (!*txt(st, X_SRC) && !*txt(st, X_TGT)) continue; /* GDELT has no event without actor */
      gdelt_row(&b, st);
    } else {
      if (lb_store_coltype(st, X_GA + G_LAT) == LB_STORE_NULL) continue;
      geojson_feature(&b, st, rows == 0);
    }
    rows++;
    if (b.n > (1 << 16)) {
      fwrite(b.p, 1, b.n, out);
      lb_buf_reset(&b);
    }
  }
  if (fmt == LB_FMT_GEOJSON) lb_buf_adds(&b, "\n]}\n");
  fwrite(b.p, 1, b.n, out);
  lb_buf_free(&b);
  lb_err e = LB_OK;
  if (rc < 0) {
    snprintf(err, errlen, "export failed: %s", lb_store_rows_error(st));
    e = LB_ERR_DB;
  }
  lb_store_rows_free(st);
  *nrows = rows;
  return e;
}
