/*
** store.h -- the store: open and migrate a database, ingest pictures.
**
** A store is one SQLite file in WAL mode, or a PostgreSQL database (a
** postgresql:// URL), with the tables of schema.h; store/ is the only code
** that speaks SQL (db.h drives both engines). The writer adds documents'
** pictures straight from their lb_doc structs, many per transaction;
** readers (query, export, serve) go through query.h. Ingest is idempotent:
** a document whose id and content hash are already stored is skipped, one
** with a known id and a new hash replaces the old version with all its
** rows. Events are merged into incidents across documents as they arrive
** (merge.c).
**
** A SQLite file has one writer at a time (a lock on the file). A
** PostgreSQL store takes many (the workers of `lagebild worker`): each
** transaction inserts its documents and their facts alongside the others;
** the part that must see every earlier document -- merging events into
** incidents, and the `names` pairs -- runs at commit under a transaction
** lock (pg_advisory_xact_lock), so incidents come out as from one writer
** taking the transactions in commit order.
**
** Errors: functions return an lb_err; the message (naming the file or the
** database and what went wrong: not a database, corrupt, locked by another
** writer, read-only, newer schema, no connection) is in lb_store_errmsg or
** the err buffer of lb_store_open. Nothing is written to a store that
** fails those checks.
*/
#ifndef LB_STORE_H
#define LB_STORE_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

#include "../../include/lagebild.h"
#include "../base/buf.h"

typedef struct lb_store lb_store;
typedef struct lb_doc lb_doc;

enum {
  LB_STORE_READ = 0,   /* read-only: query, export, serve */
  LB_STORE_WRITE = 1,  /* create if missing, migrate, take the writer lock */
};

/* What lb_store_add did with a document. */
enum { LB_STORE_ADDED = 0, LB_STORE_REPLACED = 1, LB_STORE_SAME = 2 };

/* Incident merging parameters, fixed when a store is created (meta table). */
typedef struct lb_store_opts {
  double radius_km; /* places of one incident lie within this distance (50) */
  int window_days;  /* and its dates within this many days (3) */
} lb_store_opts;

/* Open (LB_STORE_WRITE: create or migrate) the store at path: a SQLite
** file, or a PostgreSQL database when path starts with postgresql:// or
** postgres:// (lb_store_is_pg). opts may be NULL (defaults); it only
** matters when the store is created. On failure returns an error, *out =
** NULL, and a message in err (a PostgreSQL password is never shown). A
** SQLite writer holds an exclusive lock on the file until lb_store_close;
** PostgreSQL writers run side by side. */
lb_err lb_store_open(const char *path, int mode, const lb_store_opts *opts, lb_store **out,
                     char *err, size_t errlen);
void lb_store_close(lb_store *s);
/* 1 when path names a PostgreSQL database. */
int lb_store_is_pg(const char *path);
/* The store's name for messages: the path, or the URL without password. */
const char *lb_store_name(const lb_store *s);
/* The same for a path not opened (yet). */
void lb_store_display(const char *path, char *out, size_t outlen);
/* The SQLite handle (NULL for a PostgreSQL store): for tests. */
sqlite3 *lb_store_db(lb_store *s);
/* Internal to store/ (query.c, export.c): the connection, and readers'
** prepared statements cached by SQL text (*cached 0: finalize it instead
** of giving it back). */
struct lb_db *lb_store_conn(lb_store *s);
struct lb_db_stmt *lb_store_stmt_get(lb_store *s, const char *sql, int *cached);
void lb_store_stmt_put(lb_store *s, struct lb_db_stmt *st);
/* The message of the last error on s. */
const char *lb_store_errmsg(const lb_store *s);
/* The schema version the file has. */
int lb_store_version(const lb_store *s);

/* Content hash of a document: its text, id and metadata (FNV-1a 64). */
uint64_t lb_store_hash(const lb_doc *d);
/* 1 when a document with this id and hash is stored, 0 when not, -1 on error. */
int lb_store_known(lb_store *s, const char *id, uint64_t hash);
/* The same for docs[0..n) with their hashes, into known[i] (1 or 0): one
** question on PostgreSQL. 0, or -1 on error. */
int lb_store_known_many(lb_store *s, lb_doc *const *docs, const uint64_t *hash, size_t n,
                        char *known);

/* Transactions around lb_store_add calls (BEGIN IMMEDIATE .. COMMIT). A
** failed commit rolls back. */
lb_err lb_store_begin(lb_store *s);
lb_err lb_store_commit(lb_store *s);
void lb_store_rollback(lb_store *s);
/* After a failed call: whether running the transaction again may succeed
** (LB_DB_AGAIN: a deadlock or a key another writer took; LB_DB_LOST: the
** connection broke, lb_store_reconnect first) or not (LB_DB_FATAL). */
int lb_store_retry(const lb_store *s);
/* PostgreSQL: connect again after a lost connection. LB_OK or LB_ERR_DB. */
lb_err lb_store_reconnect(lb_store *s);

/* Before adding docs[0..n) in this transaction: create their new
** entities in one pass, in the order of their ids (concurrent PostgreSQL
** writers then wait for each other's new entities in one order and never
** deadlock), and on PostgreSQL look the documents and entities up with one
** question each instead of one per row. Optional: lb_store_add does the
** same one by one. */
lb_err lb_store_prepare(lb_store *s, lb_doc *const *docs, size_t n);

/* Is d's publication date one the store takes: none, or a date the pipeline
** read (d->pub_y ...) from 1900-01-01 to tomorrow (UTC)? 0 when it is; else
** -1 and a message naming the document and the date in msg ("document
** \"x\": publication date \"6723778502\" is no date ..."). Checked by
** lb_store_add and, before extraction, by the ingest engine. */
int lb_store_check_published(const lb_doc *d, char *msg, size_t n);

/* Store one document's picture (hash from lb_store_hash; origin = the input
** file, may be NULL). *status gets LB_STORE_ADDED, _REPLACED or _SAME. The
** document may be freed after the call: its events are merged into
** incidents at commit, from a copy. */
lb_err lb_store_add(lb_store *s, const lb_doc *d, uint64_t hash, const char *origin,
                    int *status);

/* Remove a document and everything extracted from it. 1 removed, 0 absent. */
int lb_store_remove(lb_store *s, const char *id);

/* Readers: a number that changes whenever another connection commits to
** the store (SQLite: PRAGMA data_version; PostgreSQL: the snapshot of
** running transactions); -1 when it cannot be read. */
long long lb_store_data_version(lb_store *s);
/* Readers: stop any query running longer than this many seconds (0: no
** limit); such a query fails with lb_store_timed_out true. */
void lb_store_time_limit(lb_store *s, double seconds);
/* Start the clock of the time limit for the next query (serve: per request). */
void lb_store_deadline(lb_store *s);
int lb_store_timed_out(const lb_store *s);

/* User words as an FTS5 query for documents_fts meaning "all these words":
** the words are cut into tokens by the table's own tokenizer (unicode61)
** and each token is appended to out as a "quoted" term, separated by
** spaces (implicit AND). The index keeps no positions (schema version 4,
** detail=none), so a word of several tokens ("US-Beamte") cannot be a
** phrase; its tokens must all occur. Returns the number of tokens (0: the
** words hold none, out unchanged), -1 when the tokenizer is unavailable.
** Quoted phrases are checked apart: lb_store_fts_phrase.
** Thread-safe. */
int lb_store_fts_terms(const char *words, lb_buf *out);

/* Phrases: the full-text index finds documents with all the words; a part
** of the user's words in double quotes ("Oblast Kursk") must also occur
** as written, one space between its words, in the text or the title (case
** folded for ASCII letters). lb_store_fts_phrase writes the i-th quoted
** part (0-based) as a LIKE pattern ("%Oblast Kursk%", with % _ \ escaped)
** to out and returns 1, or returns 0 when there is no i-th one. Callers
** add LB_STORE_FTS_LIKE inside the documents_fts subquery with the pattern
** bound to both placeholders. At most LB_STORE_MAX_PHRASES are used. */
#define LB_STORE_MAX_PHRASES 4
#define LB_STORE_FTS_LIKE " AND (text LIKE ?%d ESCAPE '\\' OR title LIKE ?%d ESCAPE '\\')"
int lb_store_fts_phrase(const char *words, int i, lb_buf *out);

/* Date helpers shared by merge, query and export. "2024-11-11" -> 20241111;
** "2024-11" -> from 20241101 to 20241130; "2024" -> 20240101..20241231;
** "A/B" -> from A's start to B's end. 0 when no date could be read. */
int lb_store_date_range(const char *iso, int *from, int *to);
/* YYYYMMDD shifted by days (may be negative). */
int lb_store_day_add(int ymd, int days);
/* Days from YYYYMMDD a to YYYYMMDD b (negative when b is earlier). */
int lb_store_days_between(int a, int b);

#endif
