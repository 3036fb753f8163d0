/*
** query.h -- questions to the store, and exports (query.c, export.c).
**
** One filter struct serves `lagebild query`, `lagebild export`, the API of
** `lagebild serve` and tests: every field left zero/NULL means "any". One
** function turns the filters into SQL for both engines, so the command
** line and the API cannot drift apart: the filters select events (and
** incidents by the same columns); the other kinds (quantities, documents,
** entities, claims) are selected through the events, documents and
** entities the filters name (docs/store.md). Rows come in a fixed order,
** the same on SQLite and PostgreSQL.
**
** Rows are read through a cursor (lb_store_select .. lb_store_rows_free)
** or written to a FILE as JSON Lines, TSV, CSV, an aligned table, GDELT
** 2.0 event rows or GeoJSON.
*/
#ifndef LB_STORE_QUERY_H
#define LB_STORE_QUERY_H

#include <stdint.h>
#include <stdio.h>

#include "../base/buf.h"
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
  int from, to;       /* YYYYMMDD bounds on the event's date (the publication
                      ** date for documents, claims and quantities), 0 = open */
  int since, until;   /* YYYYMMDD bounds on the publication date of the events'
                      ** documents (reported), 0 = open */
  const char *mood;   /* events: comma-separated moods, "fact" (asserted: no
                      ** mood), "negated", "modal", "hypothetical", "intended";
                      ** "all" or NULL: any (export: NULL is "fact") */
  const char *plover; /* events: PLOVER event ("ASSAULT"), exact */
  const char *text;   /* words that must all occur in the document (full text);
                      ** a part in double quotes must occur as written */
  const char *doc;    /* document id */
  const char *unit;   /* quantities only: the counted thing ("troops") */
  const char *type;   /* entities (API): entity type, exact ("PER") */
  const char *name;   /* entities (API): a part of the name, any case */
  int64_t incident;   /* the incident (events, quantities of its reports, and
                      ** LB_Q_API_REPORTS), 0 = any */
  long limit;         /* at most this many rows, 0 = all */
  long offset;        /* API kinds: rows skipped first */
} lb_store_filter;

enum {
  /* `lagebild query` and export */
  LB_Q_EVENTS = 0, LB_Q_INCIDENTS, LB_Q_QUANTITIES, LB_Q_DOCUMENTS, LB_Q_ENTITIES,
  /* the lists of serve's API (docs/serve.md): events with names, entities
  ** with mention counts, claims, incidents, an incident's reports, dyads,
  ** the timeline, documents, one row of table sizes, and the quantities
  ** (the rows of LB_Q_QUANTITIES, paged) */
  LB_Q_API_EVENTS, LB_Q_API_ENTITIES, LB_Q_API_CLAIMS, LB_Q_API_INCIDENTS, LB_Q_API_REPORTS,
  LB_Q_API_DYADS, LB_Q_API_TIMELINE, LB_Q_API_DOCUMENTS, LB_Q_API_STATS, LB_Q_API_QUANTITIES,
  /* one document (filter doc): its row, its sentences, and the spans of its
  ** facts (columns start, end, rule, then the kind's own) */
  LB_Q_DOC, LB_Q_DOC_SENTENCES, LB_Q_DOC_ENTITIES, LB_Q_DOC_QUANTITIES, LB_Q_DOC_DATES,
  LB_Q_DOC_CLAIMS, LB_Q_DOC_EVENTS, LB_Q_DOC_SIGNALS,
  LB_Q_NKINDS
};
enum { LB_FMT_JSONL = 0, LB_FMT_TSV, LB_FMT_CSV, LB_FMT_TABLE, LB_FMT_GDELT, LB_FMT_GEOJSON };
/* column types of lb_store_coltype (the values of db.h's LB_DB_NULL ..) */
enum { LB_STORE_NULL = 0, LB_STORE_INT, LB_STORE_FLOAT, LB_STORE_TEXT };

/* Check the filter's codes and names against the code book, so the command
** line and the API refuse the same things with the same words: an actor code
** whose parts are not all known ("rus", "XYZ"), an event code that is none
** ("19" is a root: --root 19; "999"), a root outside 01..20, a quad class
** outside 1..4, an unknown mood or PLOVER event. 0, or -1 with a message
** naming the field by its option/parameter name (actor, code, root, quad,
** mood, plover) and the valid form. */
int lb_store_filter_check(const lb_store_filter *f, char *msg, size_t n);

/* ---- rows ---- */

typedef struct lb_store_rows lb_store_rows;

/* The rows of `kind` that pass f. NULL with a message in err on error. On
** SQLite many cursors may be open on one store; on PostgreSQL an LB_Q_*
** cursor of the command-line kinds streams and must be read to the end
** (or freed) before the next query. */
lb_store_rows *lb_store_select(lb_store *s, int kind, const lb_store_filter *f, char *err,
                               size_t errlen);
/* 1: a row is ready; 0: no more; -1: error (lb_store_rows_error). */
int lb_store_next(lb_store_rows *r);
const char *lb_store_rows_error(const lb_store_rows *r);
void lb_store_rows_free(lb_store_rows *r);
int lb_store_ncols(lb_store_rows *r);
const char *lb_store_colname(lb_store_rows *r, int i);
int lb_store_coltype(lb_store_rows *r, int i);
int64_t lb_store_int(lb_store_rows *r, int i);
double lb_store_double(lb_store_rows *r, int i);
const char *lb_store_text(lb_store_rows *r, int i); /* "" for NULL */
int lb_store_bytes(lb_store_rows *r, int i);
/* Columns from..n-1 of the row as JSON members "name":value (no braces):
** numbers as numbers, NULL as null, the column `quantities` (a JSON array
** of integers) as that array, other text as strings. */
void lb_store_row_json(lb_store_rows *r, int from, lb_buf *out);

/* ---- output ---- */

/* Write the rows of `kind` that pass f to out in fmt (JSONL, TSV, CSV with a
** header, or TABLE). *nrows gets the count. Errors (a database error) return
** LB_ERR_DB with a message in err. */
lb_err lb_store_query(lb_store *s, const lb_store_filter *f, int kind, int fmt, FILE *out,
                      long *nrows, char *err, size_t errlen);

/* Export the events that pass f as GDELT 2.0 event rows (tab-separated, the
** 61 columns of the GDELT 2.0 event table; docs/store.md says which are
** filled and how), GeoJSON (a FeatureCollection of the events that have a
** place with coordinates), or CSV (the query columns, with a header). */
lb_err lb_store_export(lb_store *s, const lb_store_filter *f, int fmt, FILE *out,
                       long *nrows, char *err, size_t errlen);

/* Internal to the store (export.c): the rows over events that pass f,
** selecting the columns named by `head` ("SELECT ... FROM events e JOIN
** documents d ON d.doc = e.doc ..."; the filter adds WHERE and ORDER BY).
** NULL with a message on error. */
lb_store_rows *lb_store_select_events(lb_store *s, const lb_store_filter *f, const char *head,
                                      char *err, size_t errlen);

/* Parse "YYYY", "YYYY-MM" or "YYYY-MM-DD" as the first (from) or last day
** (to) it covers; 0 when it is no date. */
int lb_store_parse_day(const char *s, int last);

#endif
