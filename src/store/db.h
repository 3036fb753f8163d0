/*
** db.h -- the store's two SQL engines behind one small interface (lb_db_).
**
** Internal to store/: the only code in lagebild that speaks SQL. A store is
** a SQLite file (the embedded default) or a PostgreSQL database (libpq,
** loaded on first use: pq.h). Both are driven through the same calls --
** prepare, bind, step, read columns -- so the store's writer, its merger
** and its readers are written once; where the two dialects differ the
** caller picks the SQL text by lb_db_kind.
**
** SQL text uses SQLite's placeholders: ?N (numbered) or ? (in order);
** for PostgreSQL they become $N. Values are bound with their C type; a
** text value must stay valid until the step that uses it. Rows are read
** by column index with a type (NULL, integer, float, text), as SQLite
** reports it or as PostgreSQL's column type says (int2/4/8 and bool are
** integers, float4/8 and numeric are floats).
**
** PostgreSQL specifics, hidden here:
**   - the writer's connection runs in pipeline mode (lb_db_pipeline):
**     statements prepared with LB_DB_NORESULT (inserts, updates, deletes)
**     are sent without waiting for their answer; the next statement that
**     returns rows, lb_db_exec or lb_db_sync waits for all of them and
**     reports the first error. One round trip per document instead of one
**     per row.
**   - text values are sent as UTF-8; invalid bytes and NUL (which
**     PostgreSQL's text type cannot hold) become 0x1A (SUB), byte for byte,
**     as the text layer repairs document text.
**   - LB_DB_STREAM reads rows one at a time (single-row mode), so an
**     export of millions of rows does not sit in memory.
**   - notices (e.g. "text-search query contains only stop words") are
**     dropped, not printed.
** Errors: a failing call returns LB_DB_ERROR / -1 / NULL and leaves a
** message (naming the engine) in lb_db_errmsg; lb_db_retry says whether
** running the transaction again can succeed (deadlock, serialization
** failure, a unique key another writer took, a lost connection).
*/
#ifndef LB_STORE_DB_H
#define LB_STORE_DB_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

typedef struct lb_db lb_db;
typedef struct lb_db_stmt lb_db_stmt;

enum { LB_DB_SQLITE = 1, LB_DB_PG = 2 };
enum { LB_DB_ERROR = -1, LB_DB_DONE = 0, LB_DB_ROW = 1 };
enum { LB_DB_NULL = 0, LB_DB_INT, LB_DB_FLOAT, LB_DB_TEXT };
/* lb_db_prepare flags */
enum {
  LB_DB_KEEP = 1,     /* used many times: prepared once (PostgreSQL: a named statement) */
  LB_DB_NORESULT = 2, /* returns no rows: may be queued in pipeline mode */
  LB_DB_STREAM = 4,   /* PostgreSQL: rows one at a time; nothing else runs on the
                      ** connection until the last row was read or lb_db_reset */
};
/* what lb_db_retry answers */
enum { LB_DB_FATAL = 0, LB_DB_AGAIN = 1, LB_DB_LOST = 2 };

/* Wrap an open SQLite connection (lb_db_close closes it). NULL when out of
** memory. */
lb_db *lb_db_sqlite(sqlite3 *db);
/* Connect to PostgreSQL (a postgresql:// URL or a libpq conninfo string).
** NULL with a message in err. */
lb_db *lb_db_pg(const char *conninfo, char *err, size_t errlen);
/* Close the connection; every statement of it must be finalized first. */
void lb_db_close(lb_db *db);

int lb_db_kind(const lb_db *db);
/* The SQLite handle (NULL for PostgreSQL). */
sqlite3 *lb_db_handle(lb_db *db);

/* Run SQL without parameters or rows (SQLite: several statements; in
** pipeline mode one). Waits for queued statements first. 0, or -1. */
int lb_db_exec(lb_db *db, const char *sql);
/* Run a query without parameters and return the first column of its first
** row as an integer in *out (0 when there is no row). 0, or -1. */
int lb_db_query_int(lb_db *db, const char *sql, int64_t *out);

/* PostgreSQL: pipeline mode on (1) or off (0) for this connection. No-op
** for SQLite. 0, or -1. */
int lb_db_pipeline(lb_db *db, int on);
/* Wait until every queued statement ran. 0, or -1 (the first error). */
int lb_db_sync(lb_db *db);

lb_db_stmt *lb_db_prepare(lb_db *db, const char *sql, int flags);
void lb_db_finalize(lb_db_stmt *st);

/* Parameters are numbered from 1. s == NULL binds NULL; n < 0: up to the
** NUL. The bytes are read at the step, not before. Bind every parameter
** before every step: SQLite keeps bindings across steps, PostgreSQL
** forgets them once sent. */
void lb_db_bind_text(lb_db_stmt *st, int i, const char *s, int n);
void lb_db_bind_int(lb_db_stmt *st, int i, int64_t v);
void lb_db_bind_double(lb_db_stmt *st, int i, double v);
void lb_db_bind_null(lb_db_stmt *st, int i);

/* LB_DB_ROW (a row is ready), LB_DB_DONE or LB_DB_ERROR. */
int lb_db_step(lb_db_stmt *st);
/* Ready to run again. */
void lb_db_reset(lb_db_stmt *st);
/* Every binding back to NULL. */
void lb_db_clear(lb_db_stmt *st);

int lb_db_columns(lb_db_stmt *st);
const char *lb_db_column_name(lb_db_stmt *st, int i);
int lb_db_type(lb_db_stmt *st, int i);
int64_t lb_db_int(lb_db_stmt *st, int i);
double lb_db_double(lb_db_stmt *st, int i);
/* The value as text (numbers too); NULL for NULL. Valid until the next step. */
const char *lb_db_text(lb_db_stmt *st, int i);
int lb_db_bytes(lb_db_stmt *st, int i);

/* SQLite: the rowid of the last insert. */
int64_t lb_db_last_id(lb_db *db);

const char *lb_db_errmsg(const lb_db *db);
/* The SQLSTATE (PostgreSQL) or "SQLITE_<n>" of the last error. */
const char *lb_db_errcode(const lb_db *db);
/* Whether the failed transaction may succeed when run again: LB_DB_AGAIN
** (deadlock, serialization failure, unique key taken by another writer,
** busy), LB_DB_LOST (the connection broke: lb_db_reconnect first), or
** LB_DB_FATAL. */
int lb_db_retry(const lb_db *db);
/* The last error was a statement time limit (serve's QUERY_SECONDS). */
int lb_db_timed_out(const lb_db *db);
/* PostgreSQL: connect again after a lost connection (statements are
** prepared again, pipeline mode restored). 0, or -1. */
int lb_db_reconnect(lb_db *db);

/* A PostgreSQL connection string for messages: the password (in the URL or
** as password=) replaced by "***". */
void lb_db_redact(const char *conninfo, char *out, size_t outlen);

/* SQL text with ?N/? placeholders as PostgreSQL's $N, into out (malloc'd);
** strings, quoted names and comments are copied as they are. Returns the
** number of parameters, -1 when out of memory. For tests. */
int lb_db_pg_sql(const char *sql, char **out);

#endif
