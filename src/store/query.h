/*
** query.h -- questions to the store, and exports (query.c, export.c).
**
** One filter struct serves `lagebild query`, `lagebild export` and tests:
** every field left zero/NULL means "any". The filters select events; the
** other kinds (incidents, quantities, documents) are selected through the
** events, documents and entities the filters name (see docs/store.md).
** Output goes to a FILE as JSON Lines, TSV, CSV, an aligned table, GDELT 2.0
** event rows or GeoJSON. Rows come in a fixed order (date, then ingest
** order), so equal stores give equal output.
*/
#ifndef LB_STORE_QUERY_H
#define LB_STORE_QUERY_H

#include <stdio.h>

#include "store.h"

typedef struct lb_store_filter {
  const char *actor;  /* source or target actor code; "RUS" also matches RUSMIL */
  const char *entity; /* entity id as source, target or place of the event */
  const char *code;   /* CAMEO event code, exact ("154") */
  const char *root;   /* CAMEO root code ("15") */
  int quad;           /* quad class 1..4, 0 = any */
  const char *place;  /* place by name (English or as written), case-insensitive;
                      ** "Kursk" also matches "Kursk Oblast" */
  int has_bbox;
  double bbox[4];     /* min_lon, min_lat, max_lon, max_lat */
  int from, to;       /* YYYYMMDD bounds on the event's date, 0 = open */
  const char *text;   /* words that must all occur in the document (FTS5) */
  const char *doc;    /* document id */
  const char *unit;   /* quantities only: the counted thing ("troops") */
  long limit;         /* at most this many rows, 0 = all */
} lb_store_filter;

enum { LB_Q_EVENTS = 0, LB_Q_INCIDENTS, LB_Q_QUANTITIES, LB_Q_DOCUMENTS, LB_Q_ENTITIES };
enum { LB_FMT_JSONL = 0, LB_FMT_TSV, LB_FMT_CSV, LB_FMT_TABLE, LB_FMT_GDELT, LB_FMT_GEOJSON };

/* Write the rows of `kind` that pass f to out in fmt (JSONL, TSV, CSV with a
** header, or TABLE). *nrows gets the count. Errors (a bad --text query, a
** database error) return LB_ERR_DB / LB_ERR_USAGE with a message in err. */
lb_err lb_store_query(lb_store *s, const lb_store_filter *f, int kind, int fmt, FILE *out,
                      long *nrows, char *err, size_t errlen);

/* Export the events that pass f as GDELT 2.0 event rows (tab-separated, the
** 61 columns of the GDELT 2.0 event table; docs/store.md says which are
** filled and how), GeoJSON (a FeatureCollection of the events that have a
** place with coordinates), or CSV (the query columns, with a header). */
lb_err lb_store_export(lb_store *s, const lb_store_filter *f, int fmt, FILE *out,
                       long *nrows, char *err, size_t errlen);

/* Internal to the store (export.c): the statement over events that pass f,
** selecting the columns named by `head` ("SELECT ... FROM events e JOIN
** documents d ON d.doc = e.doc ..."; the filter adds WHERE and ORDER BY).
** NULL with a message on error. */
sqlite3_stmt *lb_store_query_stmt(lb_store *s, const lb_store_filter *f, const char *head,
                                  char *err, size_t errlen);

/* Parse "YYYY", "YYYY-MM" or "YYYY-MM-DD" as the first (from) or last day
** (to) it covers; 0 when it is no date. */
int lb_store_parse_day(const char *s, int last);

#endif
