/*
** db.c -- SQLite and PostgreSQL behind one interface (see db.h).
**
** SQLite calls map one to one. PostgreSQL keeps, per statement, the
** converted SQL text ($N placeholders), its parameter values as text (libpq's
** text format: numbers printed here, strings checked for valid UTF-8), and
** the current result. Three ways to run a statement:
**   - plain: PQexecParams / PQexecPrepared, the whole result in memory
**     (API pages and writer look-ups are small);
**   - stream: single-row mode, one PGresult per row;
**   - pipeline (the writer): LB_DB_NORESULT statements are sent and left;
**     a statement with rows, an exec or a sync sends a Sync and reads the
**     answers of everything sent, in order. The first error is kept and
**     returned by that call: the transaction is then aborted on the server
**     and the caller rolls back. At most PIPE_MAX statements are left
**     unread, so the server never blocks on a full socket while we write.
*/
#include "db.h"

#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../base/buf.h"
#include "../base/utf8.h"
#include "pq.h"

#define PIPE_MAX 256 /* statements sent without reading their answers */

/* PostgreSQL type OIDs (pg_type.h) that are not text */
enum { OID_BOOL = 16, OID_INT8 = 20, OID_INT2 = 21, OID_INT4 = 23, OID_OID = 26,
       OID_FLOAT4 = 700, OID_FLOAT8 = 701, OID_NUMERIC = 1700 };

typedef struct pgparam {
  int isnull, owned;
  const char *ext; /* the caller's NUL-terminated string, when not owned */
  size_t off;      /* else the value at scratch.p + off */
} pgparam;

struct lb_db_stmt {
  lb_db *db;
  sqlite3_stmt *lite;
  /* PostgreSQL */
  int flags, nparams, gen;
  char name[24];   /* prepared name, "" = unnamed (run by text) */
  char *sql;       /* converted text */
  pgparam *p;
  const char **vals;
  lb_buf scratch;  /* owned parameter values, NUL-separated */
  PGresult *res;
  int row, started, streaming;
  lb_db_stmt *next; /* the connection's statements, for re-preparing */
};

struct lb_db {
  int kind;
  sqlite3 *lite;
  PGconn *pg;
  char *conninfo;
  int pipeline;   /* in pipeline mode */
  int sent;       /* statements sent in the pipeline since the last Sync */
  int gen;        /* connection generation (bumped by a reconnect) */
  unsigned nstmt; /* for statement names */
  lb_db_stmt *stmts;
  lb_db_stmt *busy; /* a statement streaming rows */
  int retry, timed_out;
  char code[16];
  char err[512];
};

static void set_err(lb_db *db, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void set_err(lb_db *db, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(db->err, sizeof db->err, fmt, ap);
  va_end(ap);
  size_t n = strlen(db->err);
  while (n && (db->err[n - 1] == '\n' || db->err[n - 1] == ' ')) db->err[--n] = 0;
}

/* ---- placeholders ---- */

int lb_db_pg_sql(const char *sql, char **out) {
  lb_buf b = LB_BUF_INIT;
  int next = 0, max = 0;
  for (const char *p = sql; *p;) {
    char c = *p;
    if (c == '\'' || c == '"') { /* literal or quoted name, '' / "" inside */
      const char *e = p + 1;
      while (*e && !(*e == c && e[1] != c)) e += *e == c ? 2 : 1;
      if (*e) e++;
      lb_buf_add(&b, p, (size_t)(e - p));
      p = e;
    } else if (c == '-' && p[1] == '-') {
      const char *e = strchr(p, '\n');
      if (!e) e = p + strlen(p);
      lb_buf_add(&b, p, (size_t)(e - p));
      p = e;
    } else if (c == '?') {
      int k = 0;
      p++;
      if (*p >= '0' && *p <= '9') {
        while (*p >= '0' && *p <= '9') k = k * 10 + (*p++ - '0');
      } else {
        k = ++next;
      }
      if (k > max) max = k;
      lb_buf_printf(&b, "$%d", k);
    } else {
      lb_buf_addc(&b, c);
      p++;
    }
  }
  if (!b.p) lb_buf_adds(&b, "");
  if (!b.p) return -1;
  *out = b.p; /* the buffer's memory becomes the caller's */
  return max;
}

/* ---- PostgreSQL results ---- */

static void pg_result_err(lb_db *db, const PGresult *r) {
  const char *code = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : NULL;
  const char *msg = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : NULL;
  const char *detail = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_DETAIL) : NULL;
  if (!msg) msg = PQerrorMessage(db->pg);
  snprintf(db->code, sizeof db->code, "%s", code ? code : "08000");
  set_err(db, "PostgreSQL: %s%s%s", msg, detail ? " (" : "", detail ? detail : "");
  if (detail) {
    size_t n = strlen(db->err);
    if (n + 1 < sizeof db->err) strcat(db->err, ")");
  }
  db->retry = LB_DB_FATAL;
  db->timed_out = 0;
  if (PQstatus(db->pg) == CONNECTION_BAD || strncmp(db->code, "08", 2) == 0 ||
      strcmp(db->code, "57P01") == 0 || strcmp(db->code, "57P02") == 0 ||
      strcmp(db->code, "57P03") == 0)
    db->retry = LB_DB_LOST;
  else if (strcmp(db->code, "40001") == 0 || strcmp(db->code, "40P01") == 0 ||
           strcmp(db->code, "23505") == 0 || strcmp(db->code, "55P03") == 0)
    db->retry = LB_DB_AGAIN;
  else if (strcmp(db->code, "57014") == 0)
    db->timed_out = 1;
}

static int ok_status(ExecStatusType s) {
  return s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK || s == PGRES_SINGLE_TUPLE ||
         s == PGRES_EMPTY_QUERY;
}

/* Read the answers of everything sent in the pipeline, through the Sync
** (sent here). The answer of the last statement sent is kept in *last
** when last is given (NULL there when it failed). 0, or -1 with the first
** error. */
static int pg_collect(lb_db *db, PGresult **last) {
  if (last) *last = NULL;
  if (!db->sent) return 0;
  int bad = 0, k = 0, nulls = 0;
  if (!PQpipelineSync(db->pg)) {
    pg_result_err(db, NULL);
    db->sent = 0;
    return -1;
  }
  for (;;) {
    PGresult *r = PQgetResult(db->pg);
    if (!r) {
      /* the end of one statement's answer; twice in a row on a broken
      ** connection: nothing more will come */
      if (++nulls > 1 && PQstatus(db->pg) == CONNECTION_BAD) {
        if (!bad) pg_result_err(db, NULL);
        bad = 1;
        break;
      }
      continue;
    }
    nulls = 0;
    ExecStatusType s = PQresultStatus(r);
    if (s == PGRES_PIPELINE_SYNC) {
      PQclear(r);
      break;
    }
    k++;
    if (s == PGRES_PIPELINE_ABORTED) {
      if (!bad) set_err(db, "PostgreSQL: pipeline aborted");
      bad = 1;
    } else if (!ok_status(s)) {
      if (!bad) pg_result_err(db, r);
      bad = 1;
    }
    if (last && k == db->sent && !bad)
      *last = r;
    else
      PQclear(r);
  }
  db->sent = 0;
  return bad ? -1 : 0;
}

/* ---- connections ---- */

static void quiet_notice(void *arg, const char *msg) {
  (void)arg;
  (void)msg;
}

lb_db *lb_db_sqlite(sqlite3 *h) {
  lb_db *db = calloc(1, sizeof *db);
  if (!db) return NULL;
  db->kind = LB_DB_SQLITE;
  db->lite = h;
  return db;
}

/* Session settings of every PostgreSQL connection. */
static int pg_setup(lb_db *db) {
  PQsetNoticeProcessor(db->pg, quiet_notice, NULL);
  PGresult *r = PQexec(db->pg, "SET client_encoding = 'UTF8'; SET extra_float_digits = 1;"
                               " SET DateStyle = 'ISO'");
  int ok = r && ok_status(PQresultStatus(r));
  if (!ok) pg_result_err(db, r);
  PQclear(r);
  return ok ? 0 : -1;
}

lb_db *lb_db_pg(const char *conninfo, char *err, size_t errlen) {
  if (lb_pq_load(err, errlen)) return NULL;
  lb_db *db = calloc(1, sizeof *db);
  if (!db || !(db->conninfo = strdup(conninfo))) {
    free(db);
    snprintf(err, errlen, "out of memory");
    return NULL;
  }
  db->kind = LB_DB_PG;
  db->pg = PQconnectdb(conninfo);
  if (!db->pg || PQstatus(db->pg) != CONNECTION_OK) {
    char shown[256];
    lb_db_redact(conninfo, shown, sizeof shown);
    snprintf(err, errlen, "%s: cannot connect to PostgreSQL: %s", shown,
             db->pg ? PQerrorMessage(db->pg) : "out of memory");
    size_t n = strlen(err);
    while (n && err[n - 1] == '\n') err[--n] = 0;
    lb_db_close(db);
    return NULL;
  }
  if (PQserverVersion(db->pg) < 140000) {
    snprintf(err, errlen, "PostgreSQL %d.%d is too old: lagebild needs 14 or newer",
             PQserverVersion(db->pg) / 10000, PQserverVersion(db->pg) / 100 % 100);
    lb_db_close(db);
    return NULL;
  }
  if (pg_setup(db)) {
    snprintf(err, errlen, "%s", db->err);
    lb_db_close(db);
    return NULL;
  }
  return db;
}

void lb_db_close(lb_db *db) {
  if (!db) return;
  assert(!db->stmts); /* every statement finalized first */
  if (db->lite) sqlite3_close(db->lite);
  if (db->pg) {
    if (db->pipeline) {
      pg_collect(db, NULL);
      PQexitPipelineMode(db->pg);
    }
    PQfinish(db->pg);
  }
  free(db->conninfo);
  free(db);
}

int lb_db_kind(const lb_db *db) { return db->kind; }
sqlite3 *lb_db_handle(lb_db *db) { return db->lite; }
const char *lb_db_errmsg(const lb_db *db) { return db->err; }
const char *lb_db_errcode(const lb_db *db) { return db->code; }
int lb_db_retry(const lb_db *db) { return db->retry; }
int lb_db_timed_out(const lb_db *db) { return db->timed_out; }
int64_t lb_db_last_id(lb_db *db) { return db->lite ? sqlite3_last_insert_rowid(db->lite) : 0; }

static void lite_err(lb_db *db) {
  int rc = sqlite3_extended_errcode(db->lite);
  snprintf(db->code, sizeof db->code, "SQLITE_%d", rc);
  set_err(db, "%s", sqlite3_errmsg(db->lite));
  rc &= 0xff;
  db->retry = rc == SQLITE_BUSY || rc == SQLITE_LOCKED ? LB_DB_AGAIN : LB_DB_FATAL;
  db->timed_out = rc == SQLITE_INTERRUPT;
}

int lb_db_pipeline(lb_db *db, int on) {
  if (db->kind != LB_DB_PG || db->pipeline == on) return 0;
  if (on) {
    if (!PQenterPipelineMode(db->pg)) {
      pg_result_err(db, NULL);
      return -1;
    }
  } else {
    if (pg_collect(db, NULL)) return -1;
    if (!PQexitPipelineMode(db->pg)) {
      pg_result_err(db, NULL);
      return -1;
    }
  }
  db->pipeline = on;
  return 0;
}

int lb_db_sync(lb_db *db) {
  if (db->kind != LB_DB_PG || !db->pipeline) return 0;
  return pg_collect(db, NULL);
}

int lb_db_exec(lb_db *db, const char *sql) {
  db->retry = LB_DB_FATAL;
  db->timed_out = 0;
  if (db->kind == LB_DB_SQLITE) {
    if (sqlite3_exec(db->lite, sql, NULL, NULL, NULL) != SQLITE_OK) {
      lite_err(db);
      return -1;
    }
    return 0;
  }
  if (db->pipeline) {
    if (!PQsendQueryParams(db->pg, sql, 0, NULL, NULL, NULL, NULL, 0)) {
      pg_result_err(db, NULL);
      return -1;
    }
    db->sent++;
    return pg_collect(db, NULL);
  }
  PGresult *r = PQexec(db->pg, sql);
  int ok = r && ok_status(PQresultStatus(r));
  if (!ok) pg_result_err(db, r);
  PQclear(r);
  return ok ? 0 : -1;
}

int lb_db_query_int(lb_db *db, const char *sql, int64_t *out) {
  *out = 0;
  lb_db_stmt *st = lb_db_prepare(db, sql, 0);
  if (!st) return -1;
  int rc = lb_db_step(st);
  if (rc == LB_DB_ROW) *out = lb_db_int(st, 0);
  lb_db_finalize(st);
  return rc == LB_DB_ERROR ? -1 : 0;
}

/* ---- statements ---- */

/* PQprepare st on the connection (outside pipeline mode). */
static int pg_prepare(lb_db_stmt *st) {
  lb_db *db = st->db;
  int pipe = db->pipeline;
  if (pipe && lb_db_pipeline(db, 0)) return -1;
  PGresult *r = PQprepare(db->pg, st->name, st->sql, st->nparams, NULL);
  int ok = r && ok_status(PQresultStatus(r));
  if (!ok) pg_result_err(db, r);
  PQclear(r);
  if (pipe && lb_db_pipeline(db, 1)) return -1;
  st->gen = db->gen;
  return ok ? 0 : -1;
}

lb_db_stmt *lb_db_prepare(lb_db *db, const char *sql, int flags) {
  lb_db_stmt *st = calloc(1, sizeof *st);
  if (!st) {
    set_err(db, "out of memory");
    return NULL;
  }
  st->db = db;
  st->flags = flags;
  if (db->kind == LB_DB_SQLITE) {
    if (sqlite3_prepare_v3(db->lite, sql, -1, flags & LB_DB_KEEP ? SQLITE_PREPARE_PERSISTENT : 0,
                           &st->lite, NULL) != SQLITE_OK) {
      lite_err(db);
      free(st);
      return NULL;
    }
    return st;
  }
  st->nparams = lb_db_pg_sql(sql, &st->sql);
  if (st->nparams < 0 ||
      (st->nparams && (!(st->p = calloc((size_t)st->nparams, sizeof *st->p)) ||
                       !(st->vals = calloc((size_t)st->nparams, sizeof *st->vals))))) {
    set_err(db, "out of memory");
    free(st->sql);
    free(st->p);
    free(st);
    return NULL;
  }
  for (int i = 0; i < st->nparams; i++) st->p[i].isnull = 1;
  if (flags & LB_DB_KEEP) {
    snprintf(st->name, sizeof st->name, "lb%u", ++db->nstmt);
    if (pg_prepare(st)) {
      free(st->sql);
      free(st->p);
      free(st->vals);
      free(st);
      return NULL;
    }
  }
  st->next = db->stmts;
  db->stmts = st;
  return st;
}

static void pg_drop_result(lb_db_stmt *st) {
  lb_db *db = st->db;
  if (st->streaming) {
    /* rows not read: take them off the connection */
    PGresult *r;
    if (st->res) PQclear(st->res);
    st->res = NULL;
    while ((r = PQgetResult(db->pg)) != NULL) PQclear(r);
    st->streaming = 0;
    if (db->busy == st) db->busy = NULL;
  }
  if (st->res) PQclear(st->res);
  st->res = NULL;
  st->row = 0;
  st->started = 0;
}

void lb_db_finalize(lb_db_stmt *st) {
  if (!st) return;
  lb_db *db = st->db;
  if (st->lite) {
    sqlite3_finalize(st->lite);
    free(st);
    return;
  }
  pg_drop_result(st);
  if (st->name[0] && db->pg && PQstatus(db->pg) == CONNECTION_OK && !db->pipeline) {
    char sql[48];
    snprintf(sql, sizeof sql, "DEALLOCATE %s", st->name);
    PQclear(PQexec(db->pg, sql));
  }
  for (lb_db_stmt **p = &db->stmts; *p; p = &(*p)->next)
    if (*p == st) {
      *p = st->next;
      break;
    }
  free(st->sql);
  free(st->p);
  free(st->vals);
  lb_buf_free(&st->scratch);
  free(st);
}

static pgparam *param(lb_db_stmt *st, int i) {
  assert(i >= 1 && i <= st->nparams);
  if (i < 1 || i > st->nparams) return NULL;
  return &st->p[i - 1];
}

/* An owned copy of s[0..n) in the scratch buffer, with invalid UTF-8 and
** NUL bytes replaced by 0x1A (PostgreSQL's text holds neither). */
static void own_text(lb_db_stmt *st, pgparam *p, const char *s, size_t n) {
  lb_buf *b = &st->scratch;
  p->owned = 1;
  p->off = b->n;
  size_t i = 0;
  while (i < n) {
    size_t k = s[i] ? lb_utf8_seq((const unsigned char *)s + i, n - i) : 0;
    if (k) {
      lb_buf_add(b, s + i, k);
      i += k;
    } else {
      lb_buf_addc(b, 0x1a);
      i++;
    }
  }
  lb_buf_addc(b, 0);
}

void lb_db_bind_text(lb_db_stmt *st, int i, const char *s, int n) {
  if (st->lite) {
    if (s)
      sqlite3_bind_text(st->lite, i, s, n, SQLITE_STATIC);
    else
      sqlite3_bind_null(st->lite, i);
    return;
  }
  pgparam *p = param(st, i);
  if (!p) return;
  p->isnull = !s;
  p->owned = 0;
  p->ext = NULL;
  if (!s) return;
  size_t len = n < 0 ? strlen(s) : (size_t)n;
  if (n < 0 && lb_utf8_valid_prefix(s, len) == len)
    p->ext = s; /* valid and NUL-terminated: used where it is */
  else
    own_text(st, p, s, len);
}

/* Parameter i as a printed number, owned by the statement. */
static void own_number(lb_db_stmt *st, int i, const char *v) {
  pgparam *p = param(st, i);
  if (!p) return;
  p->isnull = 0;
  p->owned = 1;
  p->off = st->scratch.n;
  lb_buf_adds(&st->scratch, v);
  lb_buf_addc(&st->scratch, 0);
}

void lb_db_bind_int(lb_db_stmt *st, int i, int64_t v) {
  if (st->lite) {
    sqlite3_bind_int64(st->lite, i, v);
    return;
  }
  char b[24];
  snprintf(b, sizeof b, "%lld", (long long)v);
  own_number(st, i, b);
}

void lb_db_bind_double(lb_db_stmt *st, int i, double v) {
  if (st->lite) {
    sqlite3_bind_double(st->lite, i, v);
    return;
  }
  char b[32];
  snprintf(b, sizeof b, "%.17g", v);
  own_number(st, i, b);
}

void lb_db_bind_null(lb_db_stmt *st, int i) {
  if (st->lite) {
    sqlite3_bind_null(st->lite, i);
    return;
  }
  pgparam *p = param(st, i);
  if (p) p->isnull = 1, p->owned = 0;
}

void lb_db_clear(lb_db_stmt *st) {
  if (st->lite) {
    sqlite3_clear_bindings(st->lite);
    return;
  }
  for (int i = 0; i < st->nparams; i++) st->p[i].isnull = 1, st->p[i].owned = 0;
  lb_buf_reset(&st->scratch);
}

void lb_db_reset(lb_db_stmt *st) {
  if (st->lite) {
    sqlite3_reset(st->lite);
    return;
  }
  pg_drop_result(st);
}

/* The parameter values of st for libpq. */
static void pg_values(lb_db_stmt *st) {
  for (int i = 0; i < st->nparams; i++) {
    pgparam *p = &st->p[i];
    st->vals[i] = p->isnull ? NULL : p->owned ? st->scratch.p + p->off : p->ext;
  }
}

/* After a send: libpq has copied the values, so they are dropped (every
** step binds its own). */
static void pg_unbind(lb_db_stmt *st) {
  for (int i = 0; i < st->nparams; i++) st->p[i].isnull = 1, st->p[i].owned = 0;
  lb_buf_reset(&st->scratch);
}

/* Send st; its answer is read later (PQgetResult). */
static int pg_send(lb_db_stmt *st) {
  lb_db *db = st->db;
  if (st->name[0] && st->gen != db->gen && pg_prepare(st)) return -1;
  pg_values(st);
  int ok = st->name[0]
               ? PQsendQueryPrepared(db->pg, st->name, st->nparams, st->vals, NULL, NULL, 0)
               : PQsendQueryParams(db->pg, st->sql, st->nparams, NULL, st->vals, NULL, NULL, 0);
  pg_unbind(st);
  if (!ok) pg_result_err(db, NULL);
  return ok ? 0 : -1;
}

/* The next row of a streaming statement. At the end the last result (no
** rows) is kept: it still names the columns. */
static int pg_stream_next(lb_db_stmt *st) {
  lb_db *db = st->db;
  if (st->res) PQclear(st->res);
  st->res = PQgetResult(db->pg);
  ExecStatusType s = st->res ? PQresultStatus(st->res) : PGRES_FATAL_ERROR;
  st->row = 0;
  if (s == PGRES_SINGLE_TUPLE) return LB_DB_ROW;
  int bad = s != PGRES_TUPLES_OK && s != PGRES_COMMAND_OK;
  if (bad) pg_result_err(db, st->res);
  PGresult *x;
  while ((x = PQgetResult(db->pg)) != NULL) PQclear(x); /* to the closing NULL */
  st->streaming = 0;
  if (db->busy == st) db->busy = NULL;
  if (bad) {
    PQclear(st->res);
    st->res = NULL;
  }
  return bad ? LB_DB_ERROR : LB_DB_DONE;
}

static int pg_step(lb_db_stmt *st) {
  lb_db *db = st->db;
  db->retry = LB_DB_FATAL;
  db->timed_out = 0;
  if (st->started) { /* the next row */
    if (st->streaming) return pg_stream_next(st);
    if (!st->res) return LB_DB_DONE;
    return ++st->row < PQntuples(st->res) ? LB_DB_ROW : LB_DB_DONE;
  }
  if (db->busy && db->busy != st) pg_drop_result(db->busy);
  st->started = 1;
  if (db->pipeline) {
    if (pg_send(st)) return LB_DB_ERROR;
    db->sent++;
    if (st->flags & LB_DB_NORESULT) {
      if (db->sent >= PIPE_MAX && pg_collect(db, NULL)) return LB_DB_ERROR;
      return LB_DB_DONE;
    }
    if (pg_collect(db, &st->res)) return LB_DB_ERROR;
  } else if (st->flags & LB_DB_STREAM) {
    if (pg_send(st)) return LB_DB_ERROR;
    PQsetSingleRowMode(db->pg);
    st->streaming = 1;
    db->busy = st;
    return pg_stream_next(st);
  } else {
    if (st->name[0] && st->gen != db->gen && pg_prepare(st)) return LB_DB_ERROR;
    pg_values(st);
    st->res = st->name[0]
                  ? PQexecPrepared(db->pg, st->name, st->nparams, st->vals, NULL, NULL, 0)
                  : PQexecParams(db->pg, st->sql, st->nparams, NULL, st->vals, NULL, NULL, 0);
    pg_unbind(st);
    if (!st->res || !ok_status(PQresultStatus(st->res))) {
      pg_result_err(db, st->res);
      PQclear(st->res);
      st->res = NULL;
      return LB_DB_ERROR;
    }
  }
  if (!st->res) return LB_DB_DONE;
  st->row = 0;
  return PQntuples(st->res) > 0 ? LB_DB_ROW : LB_DB_DONE;
}

int lb_db_step(lb_db_stmt *st) {
  if (st->lite) {
    lb_db *db = st->db;
    int rc = sqlite3_step(st->lite);
    if (rc == SQLITE_ROW) return LB_DB_ROW;
    if (rc == SQLITE_DONE) return LB_DB_DONE;
    lite_err(db);
    return LB_DB_ERROR;
  }
  return pg_step(st);
}

/* ---- columns ---- */

/* Column i of the current row is there and not NULL (PostgreSQL). */
static int has_value(lb_db_stmt *st, int i) {
  return st->res && st->row < PQntuples(st->res) && i < PQnfields(st->res) &&
         !PQgetisnull(st->res, st->row, i);
}

int lb_db_columns(lb_db_stmt *st) {
  if (st->lite) return sqlite3_column_count(st->lite);
  return st->res ? PQnfields(st->res) : 0;
}

const char *lb_db_column_name(lb_db_stmt *st, int i) {
  if (st->lite) return sqlite3_column_name(st->lite, i);
  return st->res ? PQfname(st->res, i) : "";
}

int lb_db_type(lb_db_stmt *st, int i) {
  if (st->lite) {
    switch (sqlite3_column_type(st->lite, i)) {
    case SQLITE_INTEGER: return LB_DB_INT;
    case SQLITE_FLOAT: return LB_DB_FLOAT;
    case SQLITE_NULL: return LB_DB_NULL;
    default: return LB_DB_TEXT;
    }
  }
  if (!has_value(st, i)) return LB_DB_NULL;
  switch (PQftype(st->res, i)) {
  case OID_BOOL:
  case OID_INT2:
  case OID_INT4:
  case OID_INT8:
  case OID_OID: return LB_DB_INT;
  case OID_FLOAT4:
  case OID_FLOAT8:
  case OID_NUMERIC: return LB_DB_FLOAT;
  default: return LB_DB_TEXT;
  }
}

int64_t lb_db_int(lb_db_stmt *st, int i) {
  if (st->lite) return sqlite3_column_int64(st->lite, i);
  if (!has_value(st, i)) return 0;
  const char *v = PQgetvalue(st->res, st->row, i);
  if (v[0] == 't' && !v[1]) return 1; /* bool */
  return strtoll(v, NULL, 10);
}

double lb_db_double(lb_db_stmt *st, int i) {
  if (st->lite) return sqlite3_column_double(st->lite, i);
  if (!has_value(st, i)) return 0;
  return strtod(PQgetvalue(st->res, st->row, i), NULL);
}

const char *lb_db_text(lb_db_stmt *st, int i) {
  if (st->lite) return (const char *)sqlite3_column_text(st->lite, i);
  if (!has_value(st, i)) return NULL;
  return PQgetvalue(st->res, st->row, i);
}

int lb_db_bytes(lb_db_stmt *st, int i) {
  if (st->lite) return sqlite3_column_bytes(st->lite, i);
  if (!has_value(st, i)) return 0;
  return PQgetlength(st->res, st->row, i);
}

/* ---- reconnecting ---- */

int lb_db_reconnect(lb_db *db) {
  if (db->kind != LB_DB_PG) return 0;
  for (lb_db_stmt *s = db->stmts; s; s = s->next) {
    if (s->res) PQclear(s->res);
    s->res = NULL;
    s->streaming = s->started = 0;
  }
  db->busy = NULL;
  db->sent = 0;
  int pipe = db->pipeline;
  db->pipeline = 0;
  PQreset(db->pg);
  if (PQstatus(db->pg) != CONNECTION_OK) {
    pg_result_err(db, NULL);
    db->retry = LB_DB_LOST;
    return -1;
  }
  db->gen++; /* named statements are prepared again when next used */
  if (pg_setup(db)) return -1;
  for (lb_db_stmt *s = db->stmts; s; s = s->next)
    if (s->name[0] && pg_prepare(s)) return -1;
  return pipe ? lb_db_pipeline(db, 1) : 0;
}

void lb_db_redact(const char *ci, char *out, size_t outlen) {
  lb_buf b = LB_BUF_INIT;
  const char *p = ci;
  const char *scheme = strstr(ci, "://");
  if (scheme) {
    /* postgresql://user:password@host... */
    const char *auth = scheme + 3;
    const char *at = strchr(auth, '@');
    const char *slash = strchr(auth, '/');
    if (at && (!slash || at < slash)) {
      const char *colon = memchr(auth, ':', (size_t)(at - auth));
      if (colon) {
        lb_buf_add(&b, ci, (size_t)(colon - ci));
        lb_buf_adds(&b, ":***");
        p = at;
      }
    }
  }
  /* password=... as a URL parameter or a conninfo keyword */
  for (;;) {
    const char *k = strstr(p, "password=");
    if (!k) break;
    lb_buf_add(&b, p, (size_t)(k - p) + 9);
    lb_buf_adds(&b, "***");
    p = k + 9;
    while (*p && *p != '&' && *p != ' ') p++;
  }
  lb_buf_adds(&b, p);
  snprintf(out, outlen, "%s", b.p ? b.p : "");
  lb_buf_free(&b);
}
