/*
** api.c -- the JSON API over the store (see api.h for the routes).
**
** Each request: check the parameters against the route's list (unknown or
** malformed ones are a 400 naming the parameter), turn them into the
** store's filter (query.h: the same filters `lagebild query` uses, built
** into SQL by the store for SQLite or PostgreSQL), and write the rows as
** JSON. Rows are written column by column under the column's name, so the
** API speaks the store's names, which are the picture's names
** (docs/OUTPUT.md, src/store/schema.h). No SQL here: store/ is the only
** code that speaks it.
**
** A handle is one read-only connection to the store; the store keeps its
** prepared statements by SQL text, so a busy page reuses a handful.
*/
#include "api.h"

#include <ctype.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/json.h"
#include "../store/cameo.h"
#include "../store/query.h"
#include "../store/store.h"
#include "../base/utf8.h"

#define QUERY_SECONDS 5.0 /* a query running longer is stopped: 503 */
#define MAX_FTS_WORDS 16
#define MAX_REPORTS 50    /* an incident lists at most this many reports */

struct lb_srv_db {
  lb_store *s;
};

/* The reason of a store's error without its leading "NAME: ". */
static const char *reason(const char *msg, const char *name) {
  size_t n = strlen(name);
  return strncmp(msg, name, n) == 0 && msg[n] == ':' && msg[n + 1] == ' ' ? msg + n + 2 : msg;
}

lb_srv_db *lb_srv_db_open(const char *path, char *err, size_t errlen) {
  lb_srv_db *h = calloc(1, sizeof *h);
  if (!h) {
    snprintf(err, errlen, "out of memory");
    return NULL;
  }
  char msg[512], shown[256];
  lb_store_display(path, shown, sizeof shown);
  if (lb_store_open(path, LB_STORE_READ, NULL, &h->s, msg, sizeof msg) != LB_OK) {
    snprintf(err, errlen, "%s: cannot open the store read-only: %s", shown, reason(msg, shown));
    free(h);
    return NULL;
  }
  lb_store_time_limit(h->s, QUERY_SECONDS);
  return h;
}

void lb_srv_db_close(lb_srv_db *h) {
  if (!h) return;
  lb_store_close(h->s);
  free(h);
}

long long lb_srv_db_version(lb_srv_db *h) { return lb_store_data_version(h->s); }

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
  P_MOOD = 1 << 15, P_PLOVER = 1 << 16, P_SINCE = 1 << 17, P_UNTIL = 1 << 18,
  P_UNIT = 1 << 19, P_INCIDENT = 1 << 20,
};
static const char *const PNAMES[] = {"actor", "entity", "code",   "root",   "quad",  "place",
                                     "bbox",  "from",   "to",     "text",   "doc",   "type",
                                     "limit", "offset", "name",   "mood",   "plover", "since",
                                     "until", "unit",   "incident"};
#define NPNAMES (sizeof PNAMES / sizeof PNAMES[0])
#define P_PAGE (P_LIMIT | P_OFFSET)
#define P_EVENT                                                                        \
  (P_ACTOR | P_ENTITY | P_CODE | P_ROOT | P_QUAD | P_PLACE | P_BBOX | P_FROM | P_TO | \
   P_TEXT | P_DOC | P_MOOD | P_PLOVER | P_SINCE | P_UNTIL | P_INCIDENT)

typedef struct filt {
  const char *v[NPNAMES]; /* raw values by parameter bit index */
  int limit, offset;
  lb_store_filter sf;     /* what the store filters by (query.h) */
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

/* "2024", "2024-11" or "2024-11-09" into YYYYMMDD, the first (end = 0) or
** last (end = 1) day of the period, as `lagebild query --from/--to` reads
** it (lb_store_parse_day: a day that does not exist is no date). */
static int parse_day(const char *s, int end, int *out) {
  size_t n = strlen(s);
  int shape = n == 4 || n == 7 || n == 10;
  for (size_t i = 0; shape && i < n; i++)
    shape = i == 4 || i == 7 ? s[i] == '-' : isdigit((unsigned char)s[i]) != 0;
  *out = shape ? lb_store_parse_day(s, end) : 0;
  return *out ? 0 : -1;
}

/* The words of a full-text filter: 1..MAX_FTS_WORDS of them. */
static int fts_words(const char *s) {
  int words = 0;
  for (const char *p = s; *p;) {
    while (*p && isspace((unsigned char)*p)) p++;
    if (!*p) break;
    if (++words > MAX_FTS_WORDS) return -1;
    while (*p && !isspace((unsigned char)*p)) p++;
  }
  return words ? 0 : -1;
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
  lb_store_filter *sf = &f->sf;
  if ((s = V(f, P_QUAD)) && parse_int(s, 1, 4, &sf->quad)) {
    snprintf(msg, msglen, "quad must be 1, 2, 3 or 4");
    return 400;
  }
  sf->actor = V(f, P_ACTOR); /* a prefix: RUS also matches RUSMIL */
  if ((s = V(f, P_FROM)) && parse_day(s, 0, &sf->from)) {
    snprintf(msg, msglen, "from must be a date YYYY, YYYY-MM or YYYY-MM-DD");
    return 400;
  }
  if ((s = V(f, P_TO)) && parse_day(s, 1, &sf->to)) {
    snprintf(msg, msglen, "to must be a date YYYY, YYYY-MM or YYYY-MM-DD");
    return 400;
  }
  if ((s = V(f, P_SINCE)) && parse_day(s, 0, &sf->since)) {
    snprintf(msg, msglen, "since must be a date YYYY, YYYY-MM or YYYY-MM-DD");
    return 400;
  }
  if ((s = V(f, P_UNTIL)) && parse_day(s, 1, &sf->until)) {
    snprintf(msg, msglen, "until must be a date YYYY, YYYY-MM or YYYY-MM-DD");
    return 400;
  }
  int inc = 0;
  if ((s = V(f, P_INCIDENT)) && parse_int(s, 1, 999999999, &inc)) {
    snprintf(msg, msglen, "incident must be an incident number (1, 2, ...)");
    return 400;
  }
  sf->incident = inc;
  if ((s = V(f, P_BBOX))) {
    double *b = sf->bbox;
    sf->has_bbox = 1;
    char tail;
    if (sscanf(s, "%lf,%lf,%lf,%lf%c", &b[0], &b[1], &b[2], &b[3], &tail) != 4 ||
        !(b[0] >= -180 && b[0] <= 180 && b[2] >= -180 && b[2] <= 180 && b[1] >= -90 &&
          b[1] <= 90 && b[3] >= -90 && b[3] <= 90 && b[0] <= b[2] && b[1] <= b[3])) {
      snprintf(msg, msglen, "bbox must be west,south,east,north in degrees, e.g. 30,45,40,56");
      return 400;
    }
  }
  if ((s = V(f, P_TEXT)) && fts_words(s)) {
    snprintf(msg, msglen, "text must be 1..%d words", MAX_FTS_WORDS);
    return 400;
  }
  sf->text = s;
  sf->entity = V(f, P_ENTITY);
  sf->code = V(f, P_CODE);
  sf->root = V(f, P_ROOT);
  sf->place = V(f, P_PLACE);
  sf->doc = V(f, P_DOC);
  sf->type = V(f, P_TYPE);
  sf->name = V(f, P_NAME);
  sf->mood = V(f, P_MOOD);
  sf->plover = V(f, P_PLOVER);
  sf->unit = V(f, P_UNIT);
  /* codes, roots, moods and PLOVER names as the command line checks them */
  if (lb_store_filter_check(sf, msg, msglen)) return 400;
  return 0;
}

/* ---- lists ---- */

/* The status and error body of a failed query. */
static int failed(lb_srv_db *h, lb_buf *out, const char *why) {
  if (lb_store_timed_out(h->s)) {
    lb_srv_error_json(out, 503, "the query took too long: narrow the filters");
    return 503;
  }
  fprintf(stderr, "lagebild serve: SQL error: %s\n", why);
  lb_srv_error_json(out, 500, "the store could not answer the query");
  return 500;
}

/* Each incident lists its reports (at most MAX_REPORTS: documents, urls,
** codes, who said it) and the numbers they give, unit by unit, by source,
** with "differ" true where the sources give different values:
** "numbers":[{"unit":"troops","differ":true,"values":[{...},...]},...]. */
static void incident_reports(lb_srv_db *h, lb_store_rows *row, lb_buf *out) {
  lb_store_filter f;
  memset(&f, 0, sizeof f);
  f.incident = lb_store_int(row, 0);
  f.limit = MAX_REPORTS;
  char err[256];
  lb_store_rows *r = lb_store_select(h->s, LB_Q_API_REPORTS, &f, err, sizeof err);
  lb_buf_adds(out, ",\"sources\":[");
  int k = 0;
  while (r && lb_store_next(r) == 1) {
    lb_buf_adds(out, k++ ? ",{" : "{");
    lb_store_row_json(r, 0, out);
    lb_buf_addc(out, '}');
  }
  lb_store_rows_free(r);
  lb_buf_adds(out, "],\"numbers\":[");
  r = lb_store_select(h->s, LB_Q_API_QUANTITIES, &f, err, sizeof err);
  char unit[64] = "";
  double first = 0;
  int groups = 0, n = 0, differ = 0, have = 0;
  size_t flag = 0; /* where the group's "differ" value goes */
  while (r && lb_store_next(r) == 1) {
    const char *u = lb_store_text(r, 0); /* column 0: unit */
    int num = lb_store_coltype(r, 6) != LB_STORE_NULL; /* column 6: value */
    double v = num ? lb_store_double(r, 6) : 0;
    if (!n || strncmp(u, unit, sizeof unit - 1) != 0) {
      if (n) {
        memcpy(out->p + flag, differ ? "true " : "false", 5);
        lb_buf_adds(out, "]}");
      }
      snprintf(unit, sizeof unit, "%s", u);
      lb_buf_adds(out, groups++ ? ",{\"unit\":" : "{\"unit\":");
      lb_json_cstr(out, u);
      lb_buf_adds(out, ",\"differ\":");
      flag = out->n;
      lb_buf_adds(out, "false,\"values\":[");
      n = differ = have = 0;
    }
    if (num && have && v != first) differ = 1;
    if (num && !have) {
      first = v;
      have = 1;
    }
    lb_buf_adds(out, n++ ? ",{" : "{");
    lb_store_row_json(r, 0, out);
    lb_buf_addc(out, '}');
  }
  if (n) {
    memcpy(out->p + flag, differ ? "true " : "false", 5);
    lb_buf_adds(out, "]}");
  }
  lb_store_rows_free(r);
  lb_buf_addc(out, ']');
}

/* Write {"items":[...],"limit":L,"offset":O,"more":bool} for the rows of
** kind; each item one row, with its reports for incidents. */
static int list(lb_srv_db *h, int kind, filt *f, lb_buf *out) {
  f->sf.limit = f->limit + 1; /* one more: is there a next page? */
  f->sf.offset = f->offset;
  char err[512];
  lb_store_rows *r = lb_store_select(h->s, kind, &f->sf, err, sizeof err);
  if (!r) return failed(h, out, err);
  lb_buf_reset(out);
  lb_buf_adds(out, "{\"items\":[");
  int rows = 0, rc, more = 0;
  while ((rc = lb_store_next(r)) == 1) {
    if (rows == f->limit) {
      more = 1;
      break;
    }
    lb_buf_adds(out, rows++ ? ",{" : "{");
    lb_store_row_json(r, 0, out);
    if (kind == LB_Q_API_INCIDENTS) incident_reports(h, r, out);
    lb_buf_addc(out, '}');
  }
  if (rc < 0) {
    int st = failed(h, out, lb_store_rows_error(r));
    lb_store_rows_free(r);
    return st;
  }
  lb_store_rows_free(r);
  lb_buf_printf(out, "],\"limit\":%d,\"offset\":%d,\"more\":%s}", f->limit, f->offset,
                more ? "true" : "false");
  return 200;
}

/* The names the filters take that come from the code book: the PLOVER
** events and the moods ({"plover":[...],"moods":[...]}), for the page's
** choices. */
static int r_codes(lb_buf *out) {
  char list[1024];
  lb_cameo_plover_list(list, sizeof list);
  lb_buf_reset(out);
  lb_buf_adds(out, "{\"plover\":[");
  int k = 0;
  for (char *p = list; *p;) {
    size_t n = strcspn(p, ",");
    if (k++) lb_buf_addc(out, ',');
    lb_json_str(out, p, n);
    p += n;
    while (*p == ',' || *p == ' ') p++;
  }
  lb_buf_adds(out, "],\"moods\":[\"fact\",\"negated\",\"modal\",\"hypothetical\",\"intended\"]}");
  return 200;
}

static int r_stats(lb_srv_db *h, lb_buf *out) {
  lb_store_filter f;
  memset(&f, 0, sizeof f);
  char err[256];
  lb_store_rows *r = lb_store_select(h->s, LB_Q_API_STATS, &f, err, sizeof err);
  if (!r || lb_store_next(r) != 1) {
    int st = failed(h, out, r ? lb_store_rows_error(r) : err);
    lb_store_rows_free(r);
    return st;
  }
  lb_buf_reset(out);
  lb_buf_addc(out, '{');
  lb_store_row_json(r, 0, out);
  lb_buf_addc(out, '}');
  lb_store_rows_free(r);
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

/* Write the fact spans of one kind (columns start, end, rule, then the
** kind's own). Spans out of the text are skipped (a damaged store must not
** break the page). */
static int spans_of(lb_srv_db *h, const char *name, int kind, const char *id, const u16map *m,
                    lb_buf *out, int *count) {
  lb_store_filter f;
  memset(&f, 0, sizeof f);
  f.doc = id;
  char err[256];
  lb_store_rows *r = lb_store_select(h->s, kind, &f, err, sizeof err);
  if (!r) return -1;
  int rc;
  while ((rc = lb_store_next(r)) == 1 && *count < LB_SRV_MAX_SPANS) {
    int64_t s = lb_store_int(r, 0), e = lb_store_int(r, 1);
    if (s < 0 || e < s || (uint64_t)e > m->n) continue;
    if ((*count)++) lb_buf_addc(out, ',');
    lb_buf_adds(out, "{\"kind\":");
    lb_json_cstr(out, name);
    lb_buf_printf(out, ",\"start\":%lld,\"end\":%lld,\"u16start\":%u,\"u16end\":%u,",
                  (long long)s, (long long)e, m->at[s], m->at[e]);
    lb_store_row_json(r, 2, out);
    lb_buf_addc(out, '}');
  }
  lb_store_rows_free(r);
  return rc < 0 ? -1 : 0;
}

static int r_document(lb_srv_db *h, const char *id, lb_buf *out) {
  /* The id is everything after the prefix, '/' included (ids may be URLs);
  ** it is only ever a bound parameter. */
  if (!*id || strlen(id) > LB_SRV_MAX_VALUE) {
    lb_srv_error_json(out, 404, "no such document");
    return 404;
  }
  lb_store_filter f;
  memset(&f, 0, sizeof f);
  f.doc = id;
  char err[256];
  lb_store_rows *r = lb_store_select(h->s, LB_Q_DOC, &f, err, sizeof err);
  int rc = r ? lb_store_next(r) : -1;
  if (rc != 1) {
    int st = 404;
    if (rc < 0)
      st = failed(h, out, r ? lb_store_rows_error(r) : err);
    else
      lb_srv_error_json(out, 404, "no such document");
    lb_store_rows_free(r);
    return st;
  }
  lb_buf_reset(out);
  lb_buf_adds(out, "{\"document\":{");
  lb_store_row_json(r, 1, out);
  lb_buf_addc(out, '}');
  const char *text = lb_store_text(r, 9);
  size_t n = (size_t)lb_store_bytes(r, 9);
  u16map m;
  int bad = u16map_make(&m, (const unsigned char *)text, n);
  lb_store_rows_free(r); /* text no longer needed: the map has what we use */
  if (bad) {
    lb_srv_error_json(out, 503, "out of memory");
    return 503;
  }

  lb_buf_adds(out, ",\"sentences\":[");
  r = lb_store_select(h->s, LB_Q_DOC_SENTENCES, &f, err, sizeof err);
  for (int k = 0; r && lb_store_next(r) == 1; k++)
    lb_buf_printf(out, "%s[%lld,%lld]", k ? "," : "", (long long)lb_store_int(r, 0),
                  (long long)lb_store_int(r, 1));
  lb_store_rows_free(r);
  lb_buf_adds(out, "],\"spans\":[");
  /* the facts of each kind, in the order they are listed */
  static const struct {
    const char *name;
    int kind;
  } KINDS[] = {{"entity", LB_Q_DOC_ENTITIES}, {"quantity", LB_Q_DOC_QUANTITIES},
               {"date", LB_Q_DOC_DATES},      {"claim", LB_Q_DOC_CLAIMS},
               {"event", LB_Q_DOC_EVENTS},    {"signal", LB_Q_DOC_SIGNALS}};
  int count = 0;
  bad = 0;
  for (size_t k = 0; k < sizeof KINDS / sizeof *KINDS; k++)
    bad |= spans_of(h, KINDS[k].name, KINDS[k].kind, id, &m, out, &count);
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
    int kind;
  } R[] = {
      {"/api/events", P_EVENT | P_PAGE, LB_Q_API_EVENTS},
      {"/api/entities", P_ENTITY | P_ACTOR | P_TYPE | P_NAME | P_BBOX | P_DOC | P_PAGE,
       LB_Q_API_ENTITIES},
      {"/api/claims", P_ENTITY | P_DOC | P_TEXT | P_FROM | P_TO | P_PAGE, LB_Q_API_CLAIMS},
      {"/api/incidents", P_EVENT | P_PAGE, LB_Q_API_INCIDENTS},
      {"/api/quantities",
       P_UNIT | P_ENTITY | P_PLACE | P_FROM | P_TO | P_TEXT | P_DOC | P_INCIDENT | P_PAGE,
       LB_Q_API_QUANTITIES},
      {"/api/dyads", P_EVENT | P_PAGE, LB_Q_API_DYADS},
      {"/api/timeline", P_EVENT | P_PAGE, LB_Q_API_TIMELINE},
      {"/api/documents", P_DOC | P_TEXT | P_FROM | P_TO | P_PAGE, LB_Q_API_DOCUMENTS},
  };
  char msg[512];
  filt f;
  int status = 404;
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
  } else if (strcmp(path, "/api/codes") == 0) {
    status = n ? 400 : r_codes(out);
    if (n) lb_srv_error_json(out, 400, "codes takes no parameters");
  } else {
    size_t i = 0;
    while (i < sizeof R / sizeof R[0] && strcmp(R[i].path, path) != 0) i++;
    if (i == sizeof R / sizeof R[0]) {
      lb_srv_error_json(out, 404,
                        "no such API route (try /api/events, /api/entities, /api/claims, "
                        "/api/incidents, /api/quantities, /api/dyads, /api/timeline, "
                        "/api/documents, /api/documents/ID, /api/stats, /api/codes)");
    } else if ((status = parse_params(ps, n, R[i].params, &f, msg, sizeof msg))) {
      lb_srv_error_json(out, status, msg);
    } else {
      status = list(h, R[i].kind, &f, out);
    }
  }
  return status;
}
