/*
** api.c -- the JSON API over the store (see api.h for the routes).
**
** Each request: check the parameters against the route's list (unknown or
** malformed ones are a 400 naming the parameter), build the SQL text from
** fixed fragments only, bind every user value as a parameter, run it with a
** time limit, and write the rows as JSON. Rows are written column by column
** under the column's name, so the API speaks the store's names, which are
** the picture's names (docs/OUTPUT.md, src/store/schema.h).
**
** Prepared statements are cached per handle by SQL text: the same filters
** give the same text, so a busy page reuses a handful of statements.
*/
#include "api.h"

#include <assert.h>
#include <ctype.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../base/json.h"
#include "../base/utf8.h"
#include "../store/store.h"

#define NCACHE 64
#define QUERY_SECONDS 5.0 /* a query running longer is stopped: 503 */
#define MAX_BINDS 32
#define MAX_FTS_WORDS 16

struct lb_srv_db {
  sqlite3 *db;
  struct {
    char *sql;
    sqlite3_stmt *st;
  } cache[NCACHE];
  int ncache;
  double deadline;
};

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* SQLite calls this every few thousand VM steps; non-zero interrupts. */
static int over_time(void *cls) {
  lb_srv_db *h = cls;
  return h->deadline > 0 && now() > h->deadline;
}

lb_srv_db *lb_srv_db_open(const char *path, char *err, size_t errlen) {
  lb_srv_db *h = calloc(1, sizeof *h);
  if (!h) {
    snprintf(err, errlen, "out of memory");
    return NULL;
  }
  int rc = sqlite3_open_v2(path, &h->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK) {
    snprintf(err, errlen, "%s: cannot open the store read-only: %s", path,
             h->db ? sqlite3_errmsg(h->db) : sqlite3_errstr(rc));
    lb_srv_db_close(h);
    return NULL;
  }
  sqlite3_busy_timeout(h->db, 2000);
  sqlite3_exec(h->db, "PRAGMA query_only=1", NULL, NULL, NULL);
  sqlite3_stmt *st = NULL;
  rc = sqlite3_prepare_v2(h->db, "SELECT value FROM meta WHERE key='schema_version'", -1, &st,
                          NULL);
  if (rc == SQLITE_OK) rc = sqlite3_step(st);
  if (rc != SQLITE_ROW) {
    snprintf(err, errlen, "%s: not a lagebild store (no schema_version in table meta: %s)",
             path, sqlite3_errmsg(h->db));
    sqlite3_finalize(st);
    lb_srv_db_close(h);
    return NULL;
  }
  sqlite3_finalize(st);
  sqlite3_progress_handler(h->db, 10000, over_time, h);
  return h;
}

void lb_srv_db_close(lb_srv_db *h) {
  if (!h) return;
  for (int i = 0; i < h->ncache; i++) {
    sqlite3_finalize(h->cache[i].st);
    free(h->cache[i].sql);
  }
  sqlite3_close(h->db);
  free(h);
}

/* A prepared statement for `sql`, from the cache or new; NULL on error. */
static sqlite3_stmt *prepare(lb_srv_db *h, const char *sql) {
  for (int i = 0; i < h->ncache; i++)
    if (strcmp(h->cache[i].sql, sql) == 0) {
      sqlite3_reset(h->cache[i].st);
      sqlite3_clear_bindings(h->cache[i].st);
      return h->cache[i].st;
    }
  sqlite3_stmt *st = NULL;
  if (sqlite3_prepare_v3(h->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &st, NULL) != SQLITE_OK) {
    fprintf(stderr, "lagebild serve: SQL error: %s\n", sqlite3_errmsg(h->db));
    return NULL;
  }
  if (h->ncache == NCACHE) {
    /* Full: start over (filter combinations are few), but keep statements
    ** still running (the incident list steps while its reports are read). */
    int k = 0;
    for (int i = 0; i < h->ncache; i++) {
      if (sqlite3_stmt_busy(h->cache[i].st)) {
        h->cache[k++] = h->cache[i];
      } else {
        sqlite3_finalize(h->cache[i].st);
        free(h->cache[i].sql);
      }
    }
    h->ncache = k;
  }
  char *copy = strdup(sql);
  if (!copy) {
    sqlite3_finalize(st);
    return NULL;
  }
  h->cache[h->ncache].sql = copy;
  h->cache[h->ncache].st = st;
  h->ncache++;
  return st;
}

long long lb_srv_db_version(lb_srv_db *h) {
  sqlite3_stmt *st = prepare(h, "PRAGMA data_version");
  long long v = -1;
  if (st && sqlite3_step(st) == SQLITE_ROW) v = sqlite3_column_int64(st, 0);
  if (st) sqlite3_reset(st);
  return v;
}

void lb_srv_error_json(lb_buf *out, int status, const char *msg) {
  lb_buf_reset(out);
  lb_buf_adds(out, "{\"error\":{\"status\":");
  lb_json_int(out, status);
  lb_buf_adds(out, ",\"message\":");
  lb_json_cstr(out, msg);
  lb_buf_adds(out, "}}");
}

/* ---- parameters ---- */

/* Parameter bits: a route accepts a set of them. */
enum {
  P_ACTOR = 1 << 0, P_ENTITY = 1 << 1, P_CODE = 1 << 2, P_ROOT = 1 << 3, P_QUAD = 1 << 4,
  P_PLACE = 1 << 5, P_BBOX = 1 << 6, P_FROM = 1 << 7, P_TO = 1 << 8, P_TEXT = 1 << 9,
  P_DOC = 1 << 10, P_TYPE = 1 << 11, P_LIMIT = 1 << 12, P_OFFSET = 1 << 13, P_NAME = 1 << 14,
};
static const char *const PNAMES[] = {"actor", "entity", "code", "root", "quad",
                                     "place", "bbox", "from", "to", "text",
                                     "doc", "type", "limit", "offset", "name"};
#define NPNAMES (sizeof PNAMES / sizeof PNAMES[0])
#define P_PAGE (P_LIMIT | P_OFFSET)
#define P_EVENT                                                                        \
  (P_ACTOR | P_ENTITY | P_CODE | P_ROOT | P_QUAD | P_PLACE | P_BBOX | P_FROM | P_TO | \
   P_TEXT | P_DOC)

typedef struct filt {
  const char *v[NPNAMES]; /* raw values by parameter bit index */
  int quad, limit, offset;
  int64_t from, to;       /* YYYYMMDD */
  double bbox[4];         /* west, south, east, north */
  char fts[4 * LB_SRV_MAX_VALUE]; /* text as quoted FTS5 terms */
  char phr[LB_STORE_MAX_PHRASES][LB_SRV_MAX_VALUE + 8]; /* "quoted" parts, LIKE patterns */
  int nphr;
  char actor[20];         /* actor code + "*" for GLOB */
} filt;

static int bit_index(unsigned bit) {
  int i = 0;
  while (bit > 1) {
    bit >>= 1;
    i++;
  }
  return i;
}
#define V(f, bit) ((f)->v[bit_index(bit)])

static int is_digits(const char *s, size_t lo, size_t hi) {
  size_t n = strlen(s);
  if (n < lo || n > hi) return 0;
  for (size_t i = 0; i < n; i++)
    if (!isdigit((unsigned char)s[i])) return 0;
  return 1;
}

static int parse_int(const char *s, long lo, long hi, int *out) {
  char *end;
  if (!is_digits(s, 1, 9)) return -1;
  long x = strtol(s, &end, 10);
  if (*end || x < lo || x > hi) return -1;
  *out = (int)x;
  return 0;
}

/* "2024", "2024-11" or "2024-11-09" into YYYYMMDD; the first (end = 0) or
** last (end = 1) day of the period. */
static int parse_day(const char *s, int end, int64_t *out) {
  int y = 0, m = 0, d = 0;
  size_t n = strlen(s);
  if (n == 4 && is_digits(s, 4, 4)) {
    y = atoi(s);
    m = end ? 12 : 1;
    d = end ? 31 : 1;
  } else if (n == 7 && s[4] == '-' && isdigit((unsigned char)s[5]) && isdigit((unsigned char)s[6])) {
    char yy[5] = {s[0], s[1], s[2], s[3], 0};
    if (!is_digits(yy, 4, 4)) return -1;
    y = atoi(yy);
    m = (s[5] - '0') * 10 + (s[6] - '0');
    d = end ? 31 : 1;
  } else if (n == 10 && s[4] == '-' && s[7] == '-') {
    char yy[5] = {s[0], s[1], s[2], s[3], 0}, mm[3] = {s[5], s[6], 0}, dd[3] = {s[8], s[9], 0};
    if (!is_digits(yy, 4, 4) || !is_digits(mm, 2, 2) || !is_digits(dd, 2, 2)) return -1;
    y = atoi(yy);
    m = atoi(mm);
    d = atoi(dd);
  } else {
    return -1;
  }
  if (m < 1 || m > 12 || d < 1 || d > 31) return -1;
  *out = (int64_t)y * 10000 + m * 100 + d;
  return 0;
}

/* User words into an FTS5 query that can only mean "all these words":
** each token of them a "quoted" term (lb_store_fts_terms: the store's
** full-text index has no positions; "quoted" phrases are checked apart,
** fts_where). */
static int fts_query(const char *s, char *out, size_t cap) {
  int words = 0;
  for (const char *p = s; *p;) {
    while (*p && isspace((unsigned char)*p)) p++;
    if (!*p) break;
    if (++words > MAX_FTS_WORDS) return -1;
    while (*p && !isspace((unsigned char)*p)) p++;
  }
  if (!words) return -1;
  lb_buf b = LB_BUF_INIT;
  int n = lb_store_fts_terms(s, &b);
  if (n == 0) lb_buf_adds(&b, "\"\""); /* no token ("--"): matches nothing */
  int bad = n < 0 || !b.p || b.n >= cap;
  if (!bad) memcpy(out, b.p, b.n + 1);
  lb_buf_free(&b);
  return bad ? -1 : 0;
}

/* Check parameters against the route's set and parse them into f.
** 0, or 400 with a message in msg. */
static int parse_params(const lb_srv_param *ps, size_t n, unsigned allowed, filt *f,
                        char *msg, size_t msglen) {
  memset(f, 0, sizeof *f);
  f->limit = LB_SRV_DEFAULT_LIMIT;
  for (size_t i = 0; i < n; i++) {
    size_t k = 0;
    while (k < NPNAMES && strcmp(ps[i].key, PNAMES[k]) != 0) k++;
    if (k == NPNAMES || !(allowed & (1u << k))) {
      lb_buf names = LB_BUF_INIT;
      for (size_t j = 0; j < NPNAMES; j++)
        if (allowed & (1u << j)) lb_buf_printf(&names, "%s%s", names.n ? ", " : "", PNAMES[j]);
      snprintf(msg, msglen, "unknown parameter \"%.64s\" (this route takes: %s)", ps[i].key,
               names.p ? names.p : "none");
      lb_buf_free(&names);
      return 400;
    }
    if (f->v[k]) {
      snprintf(msg, msglen, "parameter \"%s\" given twice", PNAMES[k]);
      return 400;
    }
    if (strlen(ps[i].val) > LB_SRV_MAX_VALUE) {
      snprintf(msg, msglen, "parameter \"%s\" is longer than %d bytes", PNAMES[k],
               LB_SRV_MAX_VALUE);
      return 400;
    }
    if (!ps[i].val[0]) continue; /* empty = not given (forms send those) */
    f->v[k] = ps[i].val;
  }
  const char *s;
  if ((s = V(f, P_LIMIT)) && parse_int(s, 0, LB_SRV_MAX_LIMIT, &f->limit)) {
    snprintf(msg, msglen, "limit must be 0..%d", LB_SRV_MAX_LIMIT);
    return 400;
  }
  if ((s = V(f, P_OFFSET)) && parse_int(s, 0, LB_SRV_MAX_OFFSET, &f->offset)) {
    snprintf(msg, msglen, "offset must be 0..%d", LB_SRV_MAX_OFFSET);
    return 400;
  }
  if ((s = V(f, P_QUAD)) && parse_int(s, 1, 4, &f->quad)) {
    snprintf(msg, msglen, "quad must be 1, 2, 3 or 4");
    return 400;
  }
  if ((s = V(f, P_ACTOR))) {
    size_t len = strlen(s);
    int ok = len >= 3 && len <= 15;
    for (size_t i = 0; ok && i < len; i++)
      ok = isupper((unsigned char)s[i]) || isdigit((unsigned char)s[i]);
    if (!ok) {
      snprintf(msg, msglen, "actor must be a CAMEO actor code (3-15 of A-Z, 0-9), e.g. RUS");
      return 400;
    }
    snprintf(f->actor, sizeof f->actor, "%s*", s);
  }
  if ((s = V(f, P_CODE)) && !is_digits(s, 2, 4)) {
    snprintf(msg, msglen, "code must be a CAMEO event code (2-4 digits), e.g. 154");
    return 400;
  }
  if ((s = V(f, P_ROOT)) && !is_digits(s, 2, 2)) {
    snprintf(msg, msglen, "root must be a CAMEO root code (2 digits), e.g. 19");
    return 400;
  }
  if ((s = V(f, P_FROM)) && parse_day(s, 0, &f->from)) {
    snprintf(msg, msglen, "from must be a date YYYY, YYYY-MM or YYYY-MM-DD");
    return 400;
  }
  if ((s = V(f, P_TO)) && parse_day(s, 1, &f->to)) {
    snprintf(msg, msglen, "to must be a date YYYY, YYYY-MM or YYYY-MM-DD");
    return 400;
  }
  if ((s = V(f, P_BBOX))) {
    double *b = f->bbox;
    char tail;
    if (sscanf(s, "%lf,%lf,%lf,%lf%c", &b[0], &b[1], &b[2], &b[3], &tail) != 4 ||
        !(b[0] >= -180 && b[0] <= 180 && b[2] >= -180 && b[2] <= 180 && b[1] >= -90 &&
          b[1] <= 90 && b[3] >= -90 && b[3] <= 90 && b[0] <= b[2] && b[1] <= b[3])) {
      snprintf(msg, msglen, "bbox must be west,south,east,north in degrees, e.g. 30,45,40,56");
      return 400;
    }
  }
  if ((s = V(f, P_TEXT)) && fts_query(s, f->fts, sizeof f->fts)) {
    snprintf(msg, msglen, "text must be 1..%d words", MAX_FTS_WORDS);
    return 400;
  }
  for (int i = 0; s && i < LB_STORE_MAX_PHRASES; i++) {
    lb_buf b = LB_BUF_INIT;
    int have = lb_store_fts_phrase(s, i, &b);
    if (have && b.n < sizeof f->phr[0]) memcpy(f->phr[f->nphr++], b.p, b.n + 1);
    lb_buf_free(&b);
    if (!have) break;
  }
  return 0;
}

/* ---- building a query ---- */

typedef struct q {
  lb_buf sql;
  int nb;
  struct {
    int kind; /* 0 text, 1 int, 2 real */
    const char *s;
    int64_t i;
    double d;
  } b[MAX_BINDS];
} q;

/* Bind values in the order their "?" appear. The routes bind at most 21
** values (all event filters and paging), well under MAX_BINDS. */
static void q_text(q *x, const char *s) {
  assert(x->nb < MAX_BINDS);
  x->b[x->nb].kind = 0;
  x->b[x->nb++].s = s;
}
static void q_int(q *x, int64_t v) {
  assert(x->nb < MAX_BINDS);
  x->b[x->nb].kind = 1;
  x->b[x->nb++].i = v;
}
static void q_real(q *x, double v) {
  assert(x->nb < MAX_BINDS);
  x->b[x->nb].kind = 2;
  x->b[x->nb++].d = v;
}

/* from/to over the documents' publication date (d = documents). */
static void published_where(q *x, const filt *f) {
  if (V(f, P_FROM)) {
    lb_buf_adds(&x->sql, " AND CAST(replace(substr(d.published,1,10),'-','') AS INTEGER) >= ?");
    q_int(x, f->from);
  }
  if (V(f, P_TO)) {
    lb_buf_adds(&x->sql, " AND CAST(replace(substr(d.published,1,10),'-','') AS INTEGER) <= ?");
    q_int(x, f->to);
  }
}

/* The documents with all of the text's words and its "quoted" phrases:
** " AND col IN (SELECT rowid FROM documents_fts ...)" (lb_store_fts_phrase). */
static void fts_where(q *x, const filt *f, const char *col) {
  lb_buf_printf(&x->sql, " AND %s IN (SELECT rowid FROM documents_fts WHERE documents_fts MATCH ?",
                col);
  q_text(x, f->fts);
  for (int i = 0; i < f->nphr; i++) {
    lb_buf_adds(&x->sql, " AND (text LIKE ? ESCAPE '\\' OR title LIKE ? ESCAPE '\\')");
    q_text(x, f->phr[i]);
    q_text(x, f->phr[i]);
  }
  lb_buf_adds(&x->sql, ")");
}

static void bind_all(sqlite3_stmt *st, const q *x) {
  for (int i = 0; i < x->nb; i++) {
    if (x->b[i].kind == 0) sqlite3_bind_text(st, i + 1, x->b[i].s, -1, SQLITE_STATIC);
    else if (x->b[i].kind == 1) sqlite3_bind_int64(st, i + 1, x->b[i].i);
    else sqlite3_bind_double(st, i + 1, x->b[i].d);
  }
}

/* WHERE conditions on the events table (alias e) for the event filters. */
static void event_where(q *x, const filt *f) {
  const char *s;
  if (f->actor[0]) {
    lb_buf_adds(&x->sql, " AND (e.source GLOB ? OR e.target GLOB ?)");
    q_text(x, f->actor);
    q_text(x, f->actor);
  }
  if ((s = V(f, P_ENTITY))) {
    lb_buf_adds(&x->sql, " AND (e.source_entity = ? OR e.target_entity = ? OR e.place = ?)");
    q_text(x, s);
    q_text(x, s);
    q_text(x, s);
  }
  if ((s = V(f, P_CODE))) {
    lb_buf_adds(&x->sql, " AND e.code = ?");
    q_text(x, s);
  }
  if ((s = V(f, P_ROOT))) {
    lb_buf_adds(&x->sql, " AND e.root = ?");
    q_text(x, s);
  }
  if (f->quad) {
    lb_buf_adds(&x->sql, " AND e.quad_class = ?");
    q_int(x, f->quad);
  }
  if ((s = V(f, P_PLACE))) {
    /* As `lagebild query --place`: the place's id, its name ("Kursk" also
    ** matches "Kursk Oblast"), or a name it was written as ("Moskau"). */
    lb_buf_adds(&x->sql, " AND (e.place = ? OR e.place_name = ? COLLATE NOCASE OR "
                         "e.place_name LIKE ? || ' %' OR e.place IN (SELECT en.id FROM "
                         "names m JOIN entities en ON en.ent = m.ent WHERE m.text = ?))");
    for (int k = 0; k < 4; k++) q_text(x, s);
  }
  if (V(f, P_BBOX)) {
    lb_buf_adds(&x->sql, " AND e.event IN (SELECT event FROM events_geo WHERE min_lon >= ? AND "
                         "max_lon <= ? AND min_lat >= ? AND max_lat <= ?)");
    q_real(x, f->bbox[0]);
    q_real(x, f->bbox[2]);
    q_real(x, f->bbox[1]);
    q_real(x, f->bbox[3]);
  }
  if (f->from) {
    lb_buf_adds(&x->sql, " AND COALESCE(e.day_to, e.day_from) >= ?");
    q_int(x, f->from);
  }
  if (f->to) {
    lb_buf_adds(&x->sql, " AND e.day_from <= ?");
    q_int(x, f->to);
  }
  if (f->fts[0]) fts_where(x, f, "e.doc");
  if ((s = V(f, P_DOC))) {
    lb_buf_adds(&x->sql, " AND e.doc = (SELECT doc FROM documents WHERE id = ?)");
    q_text(x, s);
  }
}

/* ---- writing rows ---- */

/* A column holding a JSON array of integers ("[0,2]") is written as such. */
static int int_array(const unsigned char *s, int n) {
  if (n < 2 || s[0] != '[' || s[n - 1] != ']') return 0;
  for (int i = 1; i < n - 1; i++)
    if (!isdigit(s[i]) && s[i] != ',' && s[i] != ' ') return 0;
  return 1;
}

/* The fields of one row, columns from..ncol-1 under their names, without
** the braces. */
static void row_fields(lb_buf *out, sqlite3_stmt *st, int from) {
  int nc = sqlite3_column_count(st);
  for (int i = from; i < nc; i++) {
    if (i > from) lb_buf_addc(out, ',');
    lb_json_key(out, sqlite3_column_name(st, i));
    switch (sqlite3_column_type(st, i)) {
    case SQLITE_INTEGER: lb_json_int(out, sqlite3_column_int64(st, i)); break;
    case SQLITE_FLOAT: lb_json_num(out, sqlite3_column_double(st, i)); break;
    case SQLITE_TEXT: {
      const unsigned char *t = sqlite3_column_text(st, i);
      int n = sqlite3_column_bytes(st, i);
      if (int_array(t, n)) lb_buf_add(out, t, (size_t)n);
      else lb_json_str(out, (const char *)t, (size_t)n);
      break;
    }
    default: lb_buf_adds(out, "null");
    }
  }
}

/* One row as a JSON object. */
static void row_json(lb_buf *out, sqlite3_stmt *st, int from) {
  lb_buf_addc(out, '{');
  row_fields(out, st, from);
  lb_buf_addc(out, '}');
}

/* Run a list query (LIMIT ? OFFSET ? already appended and bound last) and
** write {"items":[...],"limit":L,"offset":O,"more":bool}. `each`, when
** given, writes extra fields into each object (called with the '}' not
** yet written). Returns the HTTP status. */
typedef void (*row_extra)(lb_srv_db *h, sqlite3_stmt *st, lb_buf *out);

static int run_list(lb_srv_db *h, q *x, const filt *f, lb_buf *out, row_extra each) {
  lb_buf_adds(&x->sql, " LIMIT ? OFFSET ?");
  q_int(x, f->limit + 1);
  q_int(x, f->offset);
  sqlite3_stmt *st = prepare(h, x->sql.p);
  if (!st) {
    lb_srv_error_json(out, 500, "the store does not have the expected tables");
    return 500;
  }
  bind_all(st, x);
  lb_buf_reset(out);
  lb_buf_adds(out, "{\"items\":[");
  int rows = 0, rc, more = 0;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    if (rows == f->limit) {
      more = 1;
      break;
    }
    if (rows++) lb_buf_addc(out, ',');
    row_json(out, st, 0);
    if (each) {
      out->n--; /* reopen the object */
      each(h, st, out);
      lb_buf_addc(out, '}');
    }
  }
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
    int tooslow = rc == SQLITE_INTERRUPT;
    sqlite3_reset(st);
    lb_srv_error_json(out, tooslow ? 503 : 500,
                      tooslow ? "the query took too long: narrow the filters"
                              : "the store could not answer the query");
    return tooslow ? 503 : 500;
  }
  sqlite3_reset(st);
  lb_buf_printf(out, "],\"limit\":%d,\"offset\":%d,\"more\":%s}", f->limit, f->offset,
                more ? "true" : "false");
  return 200;
}

/* ---- routes ---- */

static const char EVENT_COLS[] =
    "SELECT e.*, d.id AS doc_id, d.title AS doc_title, d.published AS published, "
    "se.name AS source_name, te.name AS target_name "
    "FROM events e JOIN documents d ON d.doc = e.doc "
    "LEFT JOIN entities se ON se.id = e.source_entity "
    "LEFT JOIN entities te ON te.id = e.target_entity WHERE 1";

static int r_events(lb_srv_db *h, const filt *f, lb_buf *out) {
  q x = {LB_BUF_INIT, 0, {{0}}};
  lb_buf_adds(&x.sql, EVENT_COLS);
  event_where(&x, f);
  lb_buf_adds(&x.sql, " ORDER BY e.event");
  int st = run_list(h, &x, f, out, NULL);
  lb_buf_free(&x.sql);
  return st;
}

static int r_entities(lb_srv_db *h, const filt *f, lb_buf *out) {
  q x = {LB_BUF_INIT, 0, {{0}}};
  const char *s;
  lb_buf_adds(&x.sql, "SELECT en.*, (SELECT count(*) FROM mentions m WHERE m.ent = en.ent) "
                      "AS mentions FROM entities en WHERE 1");
  if ((s = V(f, P_ENTITY))) {
    lb_buf_adds(&x.sql, " AND en.id = ?");
    q_text(&x, s);
  }
  if (f->actor[0]) {
    lb_buf_adds(&x.sql, " AND en.actor GLOB ?");
    q_text(&x, f->actor);
  }
  if ((s = V(f, P_TYPE))) {
    lb_buf_adds(&x.sql, " AND en.type = ?");
    q_text(&x, s);
  }
  if ((s = V(f, P_NAME))) {
    lb_buf_adds(&x.sql, " AND instr(lower(en.name), lower(?)) > 0");
    q_text(&x, s);
  }
  if (V(f, P_BBOX)) {
    lb_buf_adds(&x.sql, " AND en.ent IN (SELECT ent FROM entities_geo WHERE min_lon >= ? AND "
                        "max_lon <= ? AND min_lat >= ? AND max_lat <= ?)");
    q_real(&x, f->bbox[0]);
    q_real(&x, f->bbox[2]);
    q_real(&x, f->bbox[1]);
    q_real(&x, f->bbox[3]);
  }
  if ((s = V(f, P_DOC))) {
    lb_buf_adds(&x.sql, " AND en.ent IN (SELECT m.ent FROM mentions m WHERE m.doc = "
                        "(SELECT doc FROM documents WHERE id = ?))");
    q_text(&x, s);
  }
  lb_buf_adds(&x.sql, " ORDER BY en.ent");
  int st = run_list(h, &x, f, out, NULL);
  lb_buf_free(&x.sql);
  return st;
}

static int r_claims(lb_srv_db *h, const filt *f, lb_buf *out) {
  q x = {LB_BUF_INIT, 0, {{0}}};
  const char *s;
  lb_buf_adds(&x.sql, "SELECT c.*, d.id AS doc_id, d.published AS published, "
                      "COALESCE(se.name, c.speaker_text) AS speaker_name "
                      "FROM claims c JOIN documents d ON d.doc = c.doc "
                      "LEFT JOIN entities se ON se.id = c.speaker WHERE 1");
  if ((s = V(f, P_ENTITY))) {
    lb_buf_adds(&x.sql, " AND c.speaker = ?");
    q_text(&x, s);
  }
  if ((s = V(f, P_DOC))) {
    lb_buf_adds(&x.sql, " AND c.doc = (SELECT doc FROM documents WHERE id = ?)");
    q_text(&x, s);
  }
  if (f->fts[0]) fts_where(&x, f, "c.doc");
  published_where(&x, f);
  lb_buf_adds(&x.sql, " ORDER BY c.doc, c.n");
  int st = run_list(h, &x, f, out, NULL);
  lb_buf_free(&x.sql);
  return st;
}

/* Each incident lists its reports (at most 50): documents, urls, codes. */
static void incident_reports(lb_srv_db *h, sqlite3_stmt *row, lb_buf *out) {
  sqlite3_stmt *st = prepare(h, "SELECT event, doc_id, url, published, title, code, text "
                                "FROM incident_reports WHERE incident = ? "
                                "ORDER BY event LIMIT 50");
  lb_buf_adds(out, ",\"sources\":[");
  if (st) {
    sqlite3_bind_int64(st, 1, sqlite3_column_int64(row, 0));
    int k = 0;
    while (sqlite3_step(st) == SQLITE_ROW) {
      if (k++) lb_buf_addc(out, ',');
      row_json(out, st, 0);
    }
    sqlite3_reset(st);
  }
  lb_buf_addc(out, ']');
}

static int r_incidents(lb_srv_db *h, const filt *f, lb_buf *out) {
  q x = {LB_BUF_INIT, 0, {{0}}};
  const char *s;
  lb_buf_adds(&x.sql, "SELECT i.* FROM incidents i WHERE 1");
  if (f->actor[0]) {
    lb_buf_adds(&x.sql, " AND (i.source GLOB ? OR i.target GLOB ?)");
    q_text(&x, f->actor);
    q_text(&x, f->actor);
  }
  if ((s = V(f, P_ENTITY))) {
    lb_buf_adds(&x.sql, " AND (i.source_entity = ? OR i.target_entity = ? OR i.place = ?)");
    q_text(&x, s);
    q_text(&x, s);
    q_text(&x, s);
  }
  if ((s = V(f, P_ROOT))) {
    lb_buf_adds(&x.sql, " AND i.root = ?");
    q_text(&x, s);
  }
  if ((s = V(f, P_CODE))) {
    lb_buf_adds(&x.sql, " AND i.code = ?");
    q_text(&x, s);
  }
  if (f->quad) {
    lb_buf_adds(&x.sql, " AND i.quad_class = ?");
    q_int(&x, f->quad);
  }
  if (V(f, P_BBOX)) {
    lb_buf_adds(&x.sql, " AND i.lon BETWEEN ? AND ? AND i.lat BETWEEN ? AND ?");
    q_real(&x, f->bbox[0]);
    q_real(&x, f->bbox[2]);
    q_real(&x, f->bbox[1]);
    q_real(&x, f->bbox[3]);
  }
  if ((s = V(f, P_PLACE))) {
    lb_buf_adds(&x.sql, " AND (i.place = ? OR i.place_name = ? COLLATE NOCASE OR "
                        "i.place_name LIKE ? || ' %')");
    for (int k = 0; k < 3; k++) q_text(&x, s);
  }
  if (f->from) {
    lb_buf_adds(&x.sql, " AND COALESCE(i.day_to, i.day_from) >= ?");
    q_int(&x, f->from);
  }
  if (f->to) {
    lb_buf_adds(&x.sql, " AND i.day_from <= ?");
    q_int(&x, f->to);
  }
  lb_buf_adds(&x.sql, " ORDER BY i.reports DESC, i.incident");
  int st = run_list(h, &x, f, out, incident_reports);
  lb_buf_free(&x.sql);
  return st;
}

/* Who acts on whom: one row per (source, target) with counts per quad class. */
static int r_dyads(lb_srv_db *h, const filt *f, lb_buf *out) {
  q x = {LB_BUF_INIT, 0, {{0}}};
  lb_buf_adds(&x.sql,
              "SELECT e.source AS source, e.target AS target, "
              "max(se.name) AS source_name, max(te.name) AS target_name, "
              "sum(e.quad_class = 1) AS q1, sum(e.quad_class = 2) AS q2, "
              "sum(e.quad_class = 3) AS q3, sum(e.quad_class = 4) AS q4, count(*) AS events "
              "FROM events e LEFT JOIN entities se ON se.id = e.source_entity "
              "LEFT JOIN entities te ON te.id = e.target_entity WHERE 1");
  event_where(&x, f);
  lb_buf_adds(&x.sql, " GROUP BY e.source, e.target ORDER BY events DESC, source, target");
  int st = run_list(h, &x, f, out, NULL);
  lb_buf_free(&x.sql);
  return st;
}

/* Events per day (the date they happened, else publication) and quad class. */
static int r_timeline(lb_srv_db *h, const filt *f, lb_buf *out) {
  q x = {LB_BUF_INIT, 0, {{0}}};
  lb_buf_adds(&x.sql, "SELECT e.day_from AS day, sum(e.quad_class = 1) AS q1, "
                      "sum(e.quad_class = 2) AS q2, sum(e.quad_class = 3) AS q3, "
                      "sum(e.quad_class = 4) AS q4, count(*) AS events FROM events e "
                      "WHERE e.day_from IS NOT NULL");
  event_where(&x, f);
  lb_buf_adds(&x.sql, " GROUP BY e.day_from ORDER BY e.day_from");
  int st = run_list(h, &x, f, out, NULL);
  lb_buf_free(&x.sql);
  return st;
}

static int r_documents(lb_srv_db *h, const filt *f, lb_buf *out) {
  q x = {LB_BUF_INIT, 0, {{0}}};
  const char *s;
  lb_buf_adds(&x.sql, "SELECT d.doc, d.id, d.title, d.url, d.published, d.lang, d.bytes, "
                      "(SELECT count(*) FROM events e WHERE e.doc = d.doc) AS events "
                      "FROM documents d WHERE 1");
  if ((s = V(f, P_DOC))) {
    lb_buf_adds(&x.sql, " AND d.id = ?");
    q_text(&x, s);
  }
  if (f->fts[0]) fts_where(&x, f, "d.doc");
  published_where(&x, f);
  lb_buf_adds(&x.sql, " ORDER BY d.doc");
  int st = run_list(h, &x, f, out, NULL);
  lb_buf_free(&x.sql);
  return st;
}

static int r_stats(lb_srv_db *h, lb_buf *out) {
  static const char *const T[] = {"documents", "entities", "mentions", "quantities",
                                  "claims",    "events",   "incidents"};
  lb_buf_reset(out);
  lb_buf_addc(out, '{');
  for (size_t i = 0; i < sizeof T / sizeof T[0]; i++) {
    char sql[64];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM %s", T[i]);
    sqlite3_stmt *st = prepare(h, sql);
    int64_t n = -1;
    if (st && sqlite3_step(st) == SQLITE_ROW) n = sqlite3_column_int64(st, 0);
    if (st) sqlite3_reset(st);
    if (i) lb_buf_addc(out, ',');
    lb_json_key(out, T[i]);
    lb_json_int(out, n);
  }
  lb_buf_addc(out, '}');
  return 200;
}

/* ---- one document with every fact's span ---- */

/* Byte offset -> UTF-16 index into the text as the JSON writer prints it
** (an invalid byte becomes one U+FFFD): the page indexes JS strings. */
typedef struct u16map {
  uint32_t *at; /* at[byte] for byte in 0..n */
  size_t n;
} u16map;

static int u16map_make(u16map *m, const unsigned char *s, size_t n) {
  m->n = n;
  m->at = malloc((n + 1) * sizeof *m->at);
  if (!m->at) return -1;
  uint32_t u = 0;
  size_t i = 0;
  while (i < n) {
    size_t k = lb_utf8_seq(s + i, n - i); /* as the JSON writer reads it */
    if (!k) k = 1;
    for (size_t j = 0; j < k; j++) m->at[i + j] = u; /* inside a character: its start */
    u += k == 4 ? 2 : 1;
    i += k;
  }
  m->at[n] = u;
  return 0;
}

/* Write the fact spans of one table. `sql` selects kind-specific columns
** after the first three: start, end, rule. Spans out of the text are
** skipped (a damaged store must not break the page). */
static int spans_of(lb_srv_db *h, const char *kind, const char *sql, int64_t doc,
                    const u16map *m, lb_buf *out, int *count) {
  sqlite3_stmt *st = prepare(h, sql);
  if (!st) return -1;
  sqlite3_bind_int64(st, 1, doc);
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW && *count < LB_SRV_MAX_SPANS) {
    int64_t s = sqlite3_column_int64(st, 0), e = sqlite3_column_int64(st, 1);
    if (s < 0 || e < s || (uint64_t)e > m->n) continue;
    if ((*count)++) lb_buf_addc(out, ',');
    lb_buf_adds(out, "{\"kind\":");
    lb_json_cstr(out, kind);
    lb_buf_printf(out, ",\"start\":%lld,\"end\":%lld,\"u16start\":%u,\"u16end\":%u,",
                  (long long)s, (long long)e, m->at[s], m->at[e]);
    row_fields(out, st, 2);
    lb_buf_addc(out, '}');
  }
  sqlite3_reset(st);
  return rc == SQLITE_ROW || rc == SQLITE_DONE ? 0 : -1;
}

static int r_document(lb_srv_db *h, const char *id, lb_buf *out) {
  /* The id is everything after the prefix, '/' included (ids may be URLs);
  ** it is only ever a bound parameter. */
  if (!*id || strlen(id) > LB_SRV_MAX_VALUE) {
    lb_srv_error_json(out, 404, "no such document");
    return 404;
  }
  sqlite3_stmt *st = prepare(h, "SELECT doc, id, title, url, published, lang, bytes, origin, "
                                "warnings, text FROM documents WHERE id = ?");
  if (!st) {
    lb_srv_error_json(out, 500, "the store does not have the expected tables");
    return 500;
  }
  sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
  if (sqlite3_step(st) != SQLITE_ROW) {
    sqlite3_reset(st);
    lb_srv_error_json(out, 404, "no such document");
    return 404;
  }
  int64_t doc = sqlite3_column_int64(st, 0);
  lb_buf_reset(out);
  lb_buf_adds(out, "{\"document\":");
  row_json(out, st, 1);
  const unsigned char *text = sqlite3_column_text(st, 9);
  size_t n = (size_t)sqlite3_column_bytes(st, 9);
  u16map m;
  if (u16map_make(&m, text ? text : (const unsigned char *)"", text ? n : 0)) {
    sqlite3_reset(st);
    lb_srv_error_json(out, 503, "out of memory");
    return 503;
  }
  sqlite3_reset(st); /* text no longer needed: the map has what we use */

  lb_buf_adds(out, ",\"sentences\":[");
  sqlite3_stmt *ss = prepare(h, "SELECT start, end FROM sentences WHERE doc = ? ORDER BY n");
  if (ss) {
    sqlite3_bind_int64(ss, 1, doc);
    int k = 0;
    while (sqlite3_step(ss) == SQLITE_ROW)
      lb_buf_printf(out, "%s[%lld,%lld]", k++ ? "," : "", (long long)sqlite3_column_int64(ss, 0),
                    (long long)sqlite3_column_int64(ss, 1));
    sqlite3_reset(ss);
  }
  lb_buf_adds(out, "],\"spans\":[");
  /* the facts of each kind, in the order they are listed */
  static const struct {
    const char *kind, *sql;
  } KINDS[] = {
      {"entity", "SELECT m.start, m.end, m.rule, m.text, en.id AS entity, en.name AS name, "
                 "en.type AS type, COALESCE(m.actor, en.actor) AS actor, m.role AS role, "
                 "m.sentence AS sentence FROM mentions m JOIN entities en ON en.ent = m.ent "
                 "WHERE m.doc = ? ORDER BY m.start"},
      {"quantity", "SELECT q.start, q.end, q.rule, q.text, q.value, q.min, q.max, q.approx, "
                   "q.unit, q.category, q.of, q.place, q.claim, c.speaker AS speaker, "
                   "COALESCE(se.name, c.speaker_text) AS speaker_name, q.sentence "
                   "FROM quantities q LEFT JOIN claims c ON c.doc = q.doc AND c.n = q.claim "
                   "LEFT JOIN entities se ON se.id = c.speaker WHERE q.doc = ? ORDER BY q.n"},
      {"date", "SELECT start, end, rule, text, date_from AS \"from\", date_to AS \"to\", "
               "granularity, sentence FROM dates WHERE doc = ? ORDER BY n"},
      {"claim", "SELECT c.start, c.end, c.rule, c.n AS claim, c.speaker, "
                "COALESCE(se.name, c.speaker_text) AS speaker_name, c.verb, c.text, "
                "c.cue_start, c.cue_end, c.speaker_start, c.speaker_end, c.sentence "
                "FROM claims c LEFT JOIN entities se ON se.id = c.speaker "
                "WHERE c.doc = ? ORDER BY c.n"},
      {"event", "SELECT e.start, e.end, e.rule, e.event, e.code, e.root, e.quad_class, "
                "e.goldstein, e.source, e.target, e.place, e.place_name, e.date, e.claim, "
                "c.speaker AS speaker, COALESCE(se.name, c.speaker_text) AS speaker_name, "
                "e.text, e.mood, e.incident, e.sentence FROM events e "
                "LEFT JOIN claims c ON c.doc = e.doc AND c.n = e.claim "
                "LEFT JOIN entities se ON se.id = c.speaker WHERE e.doc = ? ORDER BY e.n"},
      {"signal", "SELECT start, end, rule, kind AS signal, detail FROM signals "
                 "WHERE doc = ? ORDER BY n"},
  };
  int count = 0, bad = 0;
  for (size_t k = 0; k < sizeof KINDS / sizeof *KINDS; k++)
    bad |= spans_of(h, KINDS[k].kind, KINDS[k].sql, doc, &m, out, &count);
  free(m.at);
  if (bad) {
    lb_srv_error_json(out, 500, "the store could not list the document's facts");
    return 500;
  }
  lb_buf_printf(out, "],\"truncated\":%s}", count >= LB_SRV_MAX_SPANS ? "true" : "false");
  return 200;
}

/* ---- dispatch ---- */

int lb_srv_api(lb_srv_db *h, const char *path, const lb_srv_param *ps, size_t n, lb_buf *out) {
  static const struct {
    const char *path;
    unsigned params;
    int (*fn)(lb_srv_db *, const filt *, lb_buf *);
  } R[] = {
      {"/api/events", P_EVENT | P_PAGE, r_events},
      {"/api/entities", P_ENTITY | P_ACTOR | P_TYPE | P_NAME | P_BBOX | P_DOC | P_PAGE,
       r_entities},
      {"/api/claims", P_ENTITY | P_DOC | P_TEXT | P_FROM | P_TO | P_PAGE, r_claims},
      {"/api/incidents",
       P_ACTOR | P_ENTITY | P_ROOT | P_CODE | P_QUAD | P_BBOX | P_PLACE | P_FROM | P_TO | P_PAGE,
       r_incidents},
      {"/api/dyads", P_EVENT | P_PAGE, r_dyads},
      {"/api/timeline", P_EVENT | P_PAGE, r_timeline},
      {"/api/documents", P_DOC | P_TEXT | P_FROM | P_TO | P_PAGE, r_documents},
  };
  char msg[512];
  filt f;
  int status = 404;
  h->deadline = now() + QUERY_SECONDS;
  if (strncmp(path, "/api/documents/", 15) == 0) {
    if (n) {
      lb_srv_error_json(out, 400, "a document takes no parameters");
      status = 400;
    } else {
      status = r_document(h, path + 15, out);
    }
  } else if (strcmp(path, "/api/stats") == 0) {
    status = n ? 400 : r_stats(h, out);
    if (n) lb_srv_error_json(out, 400, "stats takes no parameters");
  } else {
    size_t i = 0;
    while (i < sizeof R / sizeof R[0] && strcmp(R[i].path, path) != 0) i++;
    if (i == sizeof R / sizeof R[0]) {
      lb_srv_error_json(out, 404,
                        "no such API route (try /api/events, /api/entities, /api/claims, "
                        "/api/incidents, /api/dyads, /api/timeline, /api/documents, "
                        "/api/documents/ID, /api/stats)");
    } else if ((status = parse_params(ps, n, R[i].params, &f, msg, sizeof msg))) {
      lb_srv_error_json(out, status, msg);
    } else {
      status = R[i].fn(h, &f, out);
    }
  }
  h->deadline = 0;
  return status;
}
