/*
** query.c -- filters into SQL, rows into JSONL, TSV, CSV or a table (see query.h).
**
** The WHERE clause is built from the filter with every value bound as a
** parameter (never pasted into the SQL). Rows are written generically from
** the statement's columns: a column's name is its JSON key, its SQLite type
** decides number, string or null, and the JSON-array column "quantities"
** is written as the array it holds.
*/
#include "query.h"

#include <stdlib.h>
#include <string.h>

#include "../base/buf.h"
#include "../base/json.h"

#define MAXP 32

typedef struct qb {
  lb_buf sql;
  int np;
  int kind[MAXP]; /* 0 text, 1 double */
  const char *s[MAXP];
  double d[MAXP];
  char *owned[MAXP]; /* text params built here (FTS queries) */
} qb;

static int ptext(qb *q, const char *s) {
  if (q->np >= MAXP) return 0;
  q->kind[q->np] = 0;
  q->s[q->np] = s;
  return ++q->np;
}
static int pnum(qb *q, double v) {
  if (q->np >= MAXP) return 0;
  q->kind[q->np] = 1;
  q->d[q->np] = v;
  return ++q->np;
}

/* "US-Beamte Kursk" -> "\"us\" \"beamte\" \"kursk\"": every token a
** quoted term (lb_store_fts_terms), so user text is never FTS5 syntax; all
** must occur. Text without a token ("--") gives "\"\"", which matches
** nothing. */
static char *fts_query(const char *text) {
  lb_buf b = LB_BUF_INIT;
  int n = lb_store_fts_terms(text, &b);
  if (n < 0) {
    lb_buf_free(&b);
    return NULL;
  }
  if (n == 0) lb_buf_adds(&b, "\"\"");
  char *out = strdup(b.p ? b.p : "\"\"");
  lb_buf_free(&b);
  return out;
}

static void and(qb *q, int *first) {
  lb_buf_adds(&q->sql, *first ? " WHERE " : " AND ");
  *first = 0;
}

/* Conditions on events e (joined with documents d). */
static void ev_where(qb *q, const lb_store_filter *f, int *first) {
  if (f->actor) {
    and(q, first);
    int k = ptext(q, f->actor);
    lb_buf_printf(&q->sql,
                  "(substr(e.source, 1, length(?%d)) = ?%d OR substr(e.target, 1, length(?%d))"
                  " = ?%d)", k, k, k, k);
  }
  if (f->entity) {
    and(q, first);
    int k = ptext(q, f->entity);
    lb_buf_printf(&q->sql, "(e.source_entity = ?%d OR e.target_entity = ?%d OR e.place = ?%d)",
                  k, k, k);
  }
  if (f->code) {
    and(q, first);
    lb_buf_printf(&q->sql, "e.code = ?%d", ptext(q, f->code));
  }
  if (f->root) {
    and(q, first);
    lb_buf_printf(&q->sql, "e.root = ?%d", ptext(q, f->root));
  }
  if (f->quad) {
    and(q, first);
    lb_buf_printf(&q->sql, "e.quad_class = ?%d", pnum(q, f->quad));
  }
  if (f->place) {
    and(q, first);
    int k = ptext(q, f->place);
    lb_buf_printf(&q->sql,
                  "(e.place_name = ?%d COLLATE NOCASE OR e.place_name LIKE ?%d || ' %%'"
                  " OR e.place = ?%d OR e.place IN"
                  " (SELECT x.id FROM names m JOIN entities x ON x.ent = m.ent"
                  " WHERE m.text = ?%d))", k, k, k, k);
  }
  if (f->has_bbox) {
    and(q, first);
    int a = pnum(q, f->bbox[1]), b = pnum(q, f->bbox[3]);
    int c = pnum(q, f->bbox[0]), d = pnum(q, f->bbox[2]);
    lb_buf_printf(&q->sql,
                  "e.event IN (SELECT event FROM events_geo WHERE min_lat >= ?%d AND"
                  " max_lat <= ?%d AND min_lon >= ?%d AND max_lon <= ?%d)", a, b, c, d);
  }
  if (f->from) {
    and(q, first);
    lb_buf_printf(&q->sql, "e.day_to >= ?%d", pnum(q, f->from));
  }
  if (f->to) {
    and(q, first);
    lb_buf_printf(&q->sql, "e.day_from <= ?%d", pnum(q, f->to));
  }
}

static int has_ev_filter(const lb_store_filter *f) {
  return f->actor || f->entity || f->code || f->root || f->quad || f->place || f->has_bbox ||
         f->from || f->to;
}

/* Conditions on the document d: id and words. */
static int doc_where(qb *q, const lb_store_filter *f, int *first, const char *docexpr) {
  if (f->doc) {
    and(q, first);
    lb_buf_printf(&q->sql, "d.id = ?%d", ptext(q, f->doc));
  }
  if (f->text && f->text[strspn(f->text, " \t")]) { /* blank: no filter */
    char *t = fts_query(f->text);
    if (!t) return -1;
    q->owned[q->np] = t;
    and(q, first);
    lb_buf_printf(&q->sql,
                  "%s IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?%d",
                  docexpr, ptext(q, t));
    /* "quoted phrases" must also occur as written (lb_store_fts_phrase) */
    for (int i = 0; i < LB_STORE_MAX_PHRASES && q->np < MAXP; i++) {
      lb_buf pat = LB_BUF_INIT;
      if (!lb_store_fts_phrase(f->text, i, &pat)) {
        lb_buf_free(&pat);
        break;
      }
      q->owned[q->np] = pat.p; /* freed with the other owned params */
      int k = ptext(q, pat.p);
      lb_buf_printf(&q->sql, LB_STORE_FTS_LIKE, k, k);
    }
    lb_buf_adds(&q->sql, ")");
  }
  return 0;
}

static void fmt_day(int ymd, char out[16]) {
  snprintf(out, 16, "%04d-%02d-%02d", ymd / 10000, ymd / 100 % 100, ymd % 100);
}

/* Build the SELECT for kind; columns named as in the picture's JSON. */
static int build(qb *q, const lb_store_filter *f, int kind, char dfrom[16], char dto[16]) {
  int first = 1;
  lb_buf *b = &q->sql;
  switch (kind) {
  case LB_Q_EVENTS:
    lb_buf_adds(b,
                "SELECT e.event AS event, d.id AS doc_id, e.n AS n, e.code AS code,"
                " e.root AS root, e.quad_class AS quad_class, e.goldstein AS goldstein,"
                " e.source AS source, e.source_entity AS source_entity, e.target AS target,"
                " e.target_entity AS target_entity, e.place AS place,"
                " e.place_name AS place_name, e.lat AS lat, e.lon AS lon, e.date AS date,"
                " e.day_from AS day_from, e.day_to AS day_to, e.quantities AS quantities,"
                " e.claim AS claim, e.sentence AS sentence, e.start AS start, e.end AS end,"
                " e.text AS text, e.mood AS mood, e.rule AS rule, e.incident AS incident,"
                " d.published AS published, d.url AS url"
                " FROM events e JOIN documents d ON d.doc = e.doc");
    ev_where(q, f, &first);
    if (doc_where(q, f, &first, "e.doc")) return -1;
    lb_buf_adds(b, " ORDER BY e.day_from, e.event");
    break;
  case LB_Q_INCIDENTS:
    lb_buf_adds(b,
                "SELECT i.incident AS incident, i.root AS root, i.code AS code,"
                " i.quad_class AS quad_class, i.goldstein AS goldstein, i.source AS source,"
                " i.target AS target, i.source_entity AS source_entity,"
                " i.target_entity AS target_entity, i.place AS place,"
                " i.place_name AS place_name, i.lat AS lat, i.lon AS lon,"
                " i.day_from AS day_from, i.day_to AS day_to, i.reports AS reports,"
                " i.documents AS documents, (SELECT group_concat(x, ' ') FROM"
                " (SELECT DISTINCT d2.id AS x FROM events e2 JOIN documents d2"
                " ON d2.doc = e2.doc WHERE e2.incident = i.incident ORDER BY d2.id))"
                " AS sources FROM incidents i WHERE i.incident IN (SELECT e.incident FROM"
                " events e JOIN documents d ON d.doc = e.doc");
    ev_where(q, f, &first);
    if (doc_where(q, f, &first, "e.doc")) return -1;
    lb_buf_adds(b, ") ORDER BY i.day_from, i.incident");
    break;
  case LB_Q_QUANTITIES:
    lb_buf_adds(b,
                "SELECT q.unit AS unit, q.category AS category, q.of AS of,"
                " q.of_name AS of_name, q.place AS place, q.place_name AS place_name,"
                " q.value AS value, q.min AS min, q.max AS max, q.approx AS approx,"
                " q.text AS text, q.speaker AS speaker, q.speaker_name AS speaker_name,"
                " q.verb AS verb, q.doc_id AS doc_id, q.published AS published, q.url AS url"
                " FROM quantity_sources q JOIN documents d ON d.doc = q.doc");
    if (f->unit) {
      and(q, &first);
      lb_buf_printf(b, "q.unit = ?%d", ptext(q, f->unit));
    }
    if (f->entity) {
      and(q, &first);
      int k = ptext(q, f->entity);
      lb_buf_printf(b, "(q.of = ?%d OR q.place = ?%d)", k, k);
    }
    if (f->place) {
      and(q, &first);
      lb_buf_printf(b, "q.place_name = ?%d COLLATE NOCASE", ptext(q, f->place));
    }
    if (f->from) {
      and(q, &first);
      fmt_day(f->from, dfrom);
      lb_buf_printf(b, "substr(q.published, 1, 10) >= ?%d", ptext(q, dfrom));
    }
    if (f->to) {
      and(q, &first);
      fmt_day(f->to, dto);
      lb_buf_printf(b, "substr(q.published, 1, 10) <= ?%d", ptext(q, dto));
    }
    if (doc_where(q, f, &first, "q.doc")) return -1;
    lb_buf_adds(b, " ORDER BY q.unit, q.of, q.published, q.doc_id, q.n");
    break;
  case LB_Q_DOCUMENTS:
    lb_buf_adds(b,
                "SELECT d.id AS id, d.lang AS lang, d.published AS published,"
                " d.title AS title, d.url AS url, d.bytes AS bytes, d.origin AS origin,"
                " (SELECT count(*) FROM events e WHERE e.doc = d.doc) AS events"
                " FROM documents d");
    if (doc_where(q, f, &first, "d.doc")) return -1;
    if (has_ev_filter(f)) {
      and(q, &first);
      lb_buf_adds(b, "d.doc IN (SELECT e.doc FROM events e JOIN documents d ON d.doc = e.doc");
      int f2 = 1;
      ev_where(q, f, &f2);
      lb_buf_addc(b, ')');
    }
    lb_buf_adds(b, " ORDER BY d.published, d.doc");
    break;
  default: /* LB_Q_ENTITIES */
    lb_buf_adds(b,
                "SELECT x.id AS id, x.name AS name, x.type AS type, x.actor AS actor,"
                " x.country AS country, x.lat AS lat, x.lon AS lon,"
                " count(*) AS mentions, count(DISTINCT m.doc) AS documents"
                " FROM entities x JOIN mentions m ON m.ent = x.ent"
                " JOIN documents d ON d.doc = m.doc");
    if (f->entity) {
      and(q, &first);
      lb_buf_printf(b, "x.id = ?%d", ptext(q, f->entity));
    }
    if (doc_where(q, f, &first, "m.doc")) return -1;
    lb_buf_adds(b, " GROUP BY x.ent ORDER BY documents DESC, mentions DESC, x.id");
    break;
  }
  if (f->limit > 0) lb_buf_printf(b, " LIMIT %ld", f->limit);
  return 0;
}

static void qb_free(qb *q) {
  lb_buf_free(&q->sql);
  for (int i = 0; i < MAXP; i++) free(q->owned[i]);
}

/* Prepare q's SQL and bind its parameters; frees q. NULL with a message on
** error. */
static sqlite3_stmt *qb_prepare(lb_store *s, qb *q, char *err, size_t errlen) {
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v2(lb_store_db(s), q->sql.p, -1, &st, NULL) != SQLITE_OK) {
    snprintf(err, errlen, "cannot query the store: %s", sqlite3_errmsg(lb_store_db(s)));
    qb_free(q);
    return NULL;
  }
  for (int i = 0; i < q->np; i++) {
    if (q->kind[i])
      sqlite3_bind_double(st, i + 1, q->d[i]);
    else
      sqlite3_bind_text(st, i + 1, q->s[i], -1, SQLITE_TRANSIENT);
  }
  qb_free(q);
  return st;
}

/* Prepare the statement of kind for f; NULL with a message on error. */
static sqlite3_stmt *prepare(lb_store *s, const lb_store_filter *f, int kind, char *err,
                             size_t errlen) {
  qb q;
  memset(&q, 0, sizeof q);
  char dfrom[16], dto[16];
  if (build(&q, f, kind, dfrom, dto)) {
    snprintf(err, errlen, "out of memory");
    qb_free(&q);
    return NULL;
  }
  return qb_prepare(s, &q, err, errlen);
}

/* A column value as text for TSV, CSV and tables. */
static void col_text(sqlite3_stmt *st, int i, lb_buf *b) {
  switch (sqlite3_column_type(st, i)) {
  case SQLITE_NULL: break;
  case SQLITE_INTEGER: lb_json_int(b, sqlite3_column_int64(st, i)); break;
  case SQLITE_FLOAT: lb_json_num(b, sqlite3_column_double(st, i)); break;
  default:
    lb_buf_add(b, sqlite3_column_text(st, i), (size_t)sqlite3_column_bytes(st, i));
  }
}

static void row_json(sqlite3_stmt *st, lb_buf *b) {
  int n = sqlite3_column_count(st);
  lb_buf_addc(b, '{');
  for (int i = 0; i < n; i++) {
    const char *name = sqlite3_column_name(st, i);
    if (i) lb_buf_addc(b, ',');
    lb_json_key(b, name);
    int t = sqlite3_column_type(st, i);
    if (t == SQLITE_NULL) {
      lb_buf_adds(b, "null");
    } else if (t == SQLITE_INTEGER || t == SQLITE_FLOAT) {
      col_text(st, i, b);
    } else {
      const char *v = (const char *)sqlite3_column_text(st, i);
      size_t len = (size_t)sqlite3_column_bytes(st, i);
      if (strcmp(name, "quantities") == 0 && len && v[0] == '[')
        lb_buf_add(b, v, len);
      else
        lb_json_str(b, v, len);
    }
  }
  lb_buf_adds(b, "}\n");
}

static void cell_tsv(lb_buf *b, const char *v, size_t n) {
  for (size_t i = 0; i < n; i++) {
    char c = v[i];
    if (c == '\t') lb_buf_adds(b, "\\t");
    else if (c == '\n') lb_buf_adds(b, "\\n");
    else if (c == '\r') lb_buf_adds(b, "\\r");
    else if (c == '\\') lb_buf_adds(b, "\\\\");
    else lb_buf_addc(b, c);
  }
}

static void cell_csv(lb_buf *b, const char *v, size_t n) {
  int quote = 0;
  for (size_t i = 0; i < n && !quote; i++)
    quote = v[i] == ',' || v[i] == '"' || v[i] == '\n' || v[i] == '\r';
  if (!quote) {
    lb_buf_add(b, v, n);
    return;
  }
  lb_buf_addc(b, '"');
  for (size_t i = 0; i < n; i++) {
    if (v[i] == '"') lb_buf_addc(b, '"');
    lb_buf_addc(b, v[i]);
  }
  lb_buf_addc(b, '"');
}

static void row_sep(sqlite3_stmt *st, lb_buf *b, lb_buf *tmp, int csv, int header) {
  int n = sqlite3_column_count(st);
  for (int i = 0; i < n; i++) {
    if (i) lb_buf_addc(b, csv ? ',' : '\t');
    lb_buf_reset(tmp);
    if (header)
      lb_buf_adds(tmp, sqlite3_column_name(st, i));
    else
      col_text(st, i, tmp);
    if (csv)
      cell_csv(b, tmp->p ? tmp->p : "", tmp->n);
    else
      cell_tsv(b, tmp->p ? tmp->p : "", tmp->n);
  }
  lb_buf_adds(b, csv ? "\r\n" : "\n");
}

/* Columns shown in the terminal table, per kind (the rest is in --jsonl). */
static const char *const TABLE_COLS[][10] = {
    [LB_Q_EVENTS] = {"event", "doc_id", "date", "code", "source", "target", "place_name",
                     "incident", "text", NULL},
    [LB_Q_INCIDENTS] = {"incident", "root", "code", "source", "target", "place_name",
                        "day_from", "reports", "sources", NULL},
    [LB_Q_QUANTITIES] = {"unit", "of_name", "value", "min", "max", "text", "speaker_name",
                         "doc_id", "published", NULL},
    [LB_Q_DOCUMENTS] = {"id", "lang", "published", "bytes", "events", "title", NULL},
    [LB_Q_ENTITIES] = {"id", "name", "type", "actor", "country", "mentions", "documents",
                       NULL},
};

static size_t u8len(const char *s, size_t n) {
  size_t k = 0;
  for (size_t i = 0; i < n; i++) k += ((unsigned char)s[i] & 0xc0) != 0x80;
  return k;
}

/* Byte length of the first `chars` characters of s. */
static size_t u8cut(const char *s, size_t n, size_t chars) {
  size_t i = 0, k = 0;
  while (i < n) {
    if (((unsigned char)s[i] & 0xc0) != 0x80) {
      if (k == chars) break;
      k++;
    }
    i++;
  }
  return i;
}

#define CELL_MAX 40

static lb_err table(sqlite3_stmt *st, int kind, FILE *out, long *nrows) {
  int idx[10], nc = 0, n = sqlite3_column_count(st);
  for (int k = 0; TABLE_COLS[kind][k]; k++)
    for (int i = 0; i < n; i++)
      if (strcmp(sqlite3_column_name(st, i), TABLE_COLS[kind][k]) == 0) idx[nc++] = i;
  size_t width[10];
  for (int c = 0; c < nc; c++) width[c] = u8len(sqlite3_column_name(st, idx[c]),
                                                strlen(sqlite3_column_name(st, idx[c])));
  lb_buf cells = LB_BUF_INIT; /* all cells, NUL-separated, flattened */
  lb_buf tmp = LB_BUF_INIT;
  long rows = 0;
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    for (int c = 0; c < nc; c++) {
      lb_buf_reset(&tmp);
      col_text(st, idx[c], &tmp);
      for (size_t i = 0; i < tmp.n; i++)
        if (tmp.p[i] == '\n' || tmp.p[i] == '\t' || tmp.p[i] == '\r') tmp.p[i] = ' ';
      size_t len = u8len(tmp.p ? tmp.p : "", tmp.n);
      size_t cut = len > CELL_MAX ? u8cut(tmp.p, tmp.n, CELL_MAX - 1) : tmp.n;
      lb_buf_add(&cells, tmp.p ? tmp.p : "", cut);
      if (len > CELL_MAX) lb_buf_adds(&cells, "\xe2\x80\xa6"); /* … */
      lb_buf_addc(&cells, 0);
      if (len > CELL_MAX) len = CELL_MAX;
      if (len > width[c]) width[c] = len;
    }
    rows++;
  }
  lb_buf_free(&tmp);
  if (rc != SQLITE_DONE) {
    lb_buf_free(&cells);
    return LB_ERR_DB;
  }
  for (int c = 0; c < nc; c++) {
    const char *h = sqlite3_column_name(st, idx[c]);
    fprintf(out, "%s%-*s", c ? "  " : "", c == nc - 1 ? 0 : (int)width[c], h);
  }
  fputc('\n', out);
  const char *p = cells.p;
  for (long r = 0; r < rows; r++) {
    for (int c = 0; c < nc; c++) {
      size_t len = strlen(p), w = u8len(p, len);
      fprintf(out, "%s%s", c ? "  " : "", p);
      if (c < nc - 1)
        for (size_t k = w; k < width[c]; k++) fputc(' ', out);
      p += len + 1;
    }
    fputc('\n', out);
  }
  lb_buf_free(&cells);
  *nrows = rows;
  return LB_OK;
}

static lb_err write_rows(sqlite3_stmt *st, int kind, int fmt, FILE *out, long *nrows) {
  if (fmt == LB_FMT_TABLE) return table(st, kind, out, nrows);
  lb_buf b = LB_BUF_INIT, tmp = LB_BUF_INIT;
  if (fmt == LB_FMT_TSV || fmt == LB_FMT_CSV) row_sep(st, &b, &tmp, fmt == LB_FMT_CSV, 1);
  long rows = 0;
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    if (fmt == LB_FMT_JSONL)
      row_json(st, &b);
    else
      row_sep(st, &b, &tmp, fmt == LB_FMT_CSV, 0);
    rows++;
    if (b.n > (1 << 16)) {
      fwrite(b.p, 1, b.n, out);
      lb_buf_reset(&b);
    }
  }
  if (b.n) fwrite(b.p, 1, b.n, out);
  lb_buf_free(&b);
  lb_buf_free(&tmp);
  *nrows = rows;
  return rc == SQLITE_DONE ? LB_OK : LB_ERR_DB;
}

lb_err lb_store_query(lb_store *s, const lb_store_filter *f, int kind, int fmt, FILE *out,
                      long *nrows, char *err, size_t errlen) {
  *nrows = 0;
  sqlite3_stmt *st = prepare(s, f, kind, err, errlen);
  if (!st) return LB_ERR_DB;
  lb_err e = write_rows(st, kind, fmt, out, nrows);
  if (e != LB_OK)
    snprintf(err, errlen, "query failed: %s", sqlite3_errmsg(lb_store_db(s)));
  sqlite3_finalize(st);
  return e;
}

int lb_store_parse_day(const char *s, int last) {
  int from, to;
  if (!s || strchr(s, '/') || !lb_store_date_range(s, &from, &to)) return 0;
  return last ? to : from;
}

sqlite3_stmt *lb_store_query_stmt(lb_store *s, const lb_store_filter *f, const char *head,
                                  char *err, size_t errlen) {
  qb q;
  memset(&q, 0, sizeof q);
  int first = 1;
  lb_buf_adds(&q.sql, head);
  ev_where(&q, f, &first);
  if (doc_where(&q, f, &first, "e.doc")) {
    snprintf(err, errlen, "out of memory");
    qb_free(&q);
    return NULL;
  }
  lb_buf_adds(&q.sql, " ORDER BY e.day_from, e.event");
  if (f->limit > 0) lb_buf_printf(&q.sql, " LIMIT %ld", f->limit);
  return qb_prepare(s, &q, err, errlen);
}
