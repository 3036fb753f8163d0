/*
** export.c -- the store's events as GDELT 2.0 rows, GeoJSON or CSV (see query.h).
**
** GDELT 2.0 event rows have 61 tab-separated columns. We fill those our
** picture has an answer for and leave the rest empty, never invented:
** docs/store.md has the column-by-column mapping. GeoJSON is a
** FeatureCollection of the events with coordinates (RFC 7946: [lon, lat]),
** which QGIS opens as a point layer. CSV is the `lagebild query` event
** columns with a header.
*/
#include <stdlib.h>
#include <string.h>

#include "../base/buf.h"
#include "../base/json.h"
#include "query.h"

static const char EXPORT_HEAD[] =
    "SELECT e.event, e.day_from, e.source, s.name, s.country, e.target, t.name, t.country,"
    " e.sentence, e.code, e.root, e.quad_class, e.goldstein,"
    " coalesce(i.reports, 1), coalesce(i.documents, 1),"
    " s.feature, s.name, s.cc, s.lat, s.lon, s.geonameid,"
    " t.feature, t.name, t.cc, t.lat, t.lon, t.geonameid,"
    " e.feature, e.place_name, e.cc, e.lat, e.lon, e.geonameid,"
    " d.published, d.url, d.id, e.incident, e.text, e.date, e.source_entity,"
    " e.target_entity, e.place"
    " FROM events e JOIN documents d ON d.doc = e.doc"
    " LEFT JOIN entities s ON s.id = e.source_entity"
    " LEFT JOIN entities t ON t.id = e.target_entity"
    " LEFT JOIN incidents i ON i.incident = e.incident";

enum { X_EVENT, X_DAY, X_SRC, X_SRCNAME, X_SRCCTRY, X_TGT, X_TGTNAME, X_TGTCTRY, X_SENT,
       X_CODE, X_ROOT, X_QUAD, X_GOLD, X_REPORTS, X_DOCS, X_G1 = 15, X_G2 = 21, X_GA = 27,
       X_PUB = 33, X_URL, X_DOCID, X_INC, X_TEXT, X_DATE, X_SRCENT, X_TGTENT, X_PLACE };

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

/* The 8 GeoType .. FeatureID fields of a place starting at column c. */
static void geo(lb_buf *b, lb_store_rows *st, int c) {
  if (lb_store_coltype(st, c + 3) == LB_STORE_NULL) { /* no coordinates */
    for (int k = 0; k < 8; k++) lb_buf_addc(b, '\t');
    return;
  }
  lb_buf_printf(b, "\t%d", geo_type(txt(st, c), txt(st, c + 2)));
  field(b, txt(st, c + 1));
  field(b, txt(st, c + 2)); /* ISO 3166 alpha-2, not FIPS 10-4 */
  lb_buf_adds(b, "\t\t");   /* ADM1, ADM2 codes: not known */
  field_num(b, st, c + 3);
  field_num(b, st, c + 4);
  field_num(b, st, c + 5); /* GeoNames id */
}

static void actor(lb_buf *b, lb_store_rows *st, int code, int name, int ctry) {
  const char *c = txt(st, code);
  field(b, c);
  field_up(b, txt(st, name));
  /* country: the entity's, else the first three letters of the code */
  const char *cc = txt(st, ctry);
  if (!*cc && strlen(c) >= 3) {
    char k[4] = {c[0], c[1], c[2], 0};
    field(b, k);
  } else {
    field(b, cc);
  }
  lb_buf_adds(b, "\t\t\t\t"); /* known group, ethnic, religion 1 and 2 */
  /* type codes: the 3-letter groups after the country (RUSMIL -> MIL) */
  size_t n = strlen(c);
  for (int k = 0; k < 3; k++) {
    lb_buf_addc(b, '\t');
    if (n >= (size_t)(6 + 3 * k)) lb_buf_add(b, c + 3 + 3 * k, 3);
  }
}

static void gdelt_row(lb_buf *b, lb_store_rows *st) {
  lb_json_int(b, lb_store_int(st, X_EVENT));
  int day = (int)lb_store_int(st, X_DAY);
  if (day) {
    int y = day / 10000, m = day / 100 % 100, d = day % 100;
    static const int cum[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    int doy = cum[m - 1] + d;
    lb_buf_printf(b, "\t%08d\t%04d%02d\t%04d\t%.4f", day, y, m, y, y + doy / 365.0);
  } else {
    lb_buf_adds(b, "\t\t\t\t");
  }
  actor(b, st, X_SRC, X_SRCNAME, X_SRCCTRY);
  actor(b, st, X_TGT, X_TGTNAME, X_TGTCTRY);
  /* IsRootEvent: stated in the lead sentence */
  lb_buf_printf(b, "\t%d", lb_store_int(st, X_SENT) == 0 &&
                                  lb_store_coltype(st, X_SENT) != LB_STORE_NULL);
  const char *code = txt(st, X_CODE);
  field(b, code);
  lb_buf_addc(b, '\t');
  lb_buf_add(b, code, strlen(code) > 3 ? 3 : strlen(code)); /* base code */
  field(b, txt(st, X_ROOT));
  field_num(b, st, X_QUAD);
  field_num(b, st, X_GOLD);
  field_num(b, st, X_REPORTS); /* NumMentions: reports of its incident */
  field_num(b, st, X_DOCS);    /* NumSources */
  field_num(b, st, X_DOCS);    /* NumArticles */
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
  lb_json_num(b, lb_store_double(st, X_GA + 4));
  lb_buf_addc(b, ',');
  lb_json_num(b, lb_store_double(st, X_GA + 3));
  lb_buf_adds(b, "]},\"properties\":{");
  static const struct {
    const char *key;
    int col;
  } P[] = {{"event", X_EVENT},    {"doc_id", X_DOCID},    {"code", X_CODE},
           {"root", X_ROOT},      {"quad_class", X_QUAD}, {"goldstein", X_GOLD},
           {"source", X_SRC},     {"source_entity", X_SRCENT},
           {"target", X_TGT},     {"target_entity", X_TGTENT},
           {"place", X_PLACE},    {"place_name", X_GA + 1},
           {"date", X_DATE},      {"day", X_DAY},         {"incident", X_INC},
           {"reports", X_REPORTS}, {"published", X_PUB},  {"url", X_URL},
           {"text", X_TEXT}};
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

lb_err lb_store_export(lb_store *s, const lb_store_filter *f, int fmt, FILE *out,
                       long *nrows, char *err, size_t errlen) {
  *nrows = 0;
  if (fmt == LB_FMT_CSV) return lb_store_query(s, f, LB_Q_EVENTS, fmt, out, nrows, err, errlen);
  if (fmt != LB_FMT_GDELT && fmt != LB_FMT_GEOJSON) {
    snprintf(err, errlen, "unknown export format");
    return LB_ERR_USAGE;
  }
  lb_store_rows *st = lb_store_select_events(s, f, EXPORT_HEAD, err, errlen);
  if (!st) return LB_ERR_DB;
  lb_buf b = LB_BUF_INIT;
  if (fmt == LB_FMT_GEOJSON) lb_buf_adds(&b, "{\"type\":\"FeatureCollection\",\"features\":[");
  long rows = 0;
  int rc;
  while ((rc = lb_store_next(st)) == 1) {
    if (fmt == LB_FMT_GDELT) {
      gdelt_row(&b, st);
    } else {
      if (lb_store_coltype(st, X_GA + 3) == LB_STORE_NULL) continue;
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
