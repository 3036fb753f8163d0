/*
** store.h -- the SQLite store: open and migrate a database, ingest pictures.
**
** A store is one SQLite file in WAL mode with the tables of schema.h. The
** writer (lagebild ingest) adds documents' pictures straight from their
** lb_doc structs, many per transaction; readers (query, export, serve) open
** it read-only and use plain SQL. Ingest is idempotent: a document whose id
** and content hash are already stored is skipped, one with a known id and a
** new hash replaces the old version with all its rows. Events are merged
** into incidents across documents as they arrive (merge.c).
**
** Errors: functions return an lb_err; the message (naming the file and what
** went wrong: not a database, corrupt, locked by another writer, read-only,
** newer schema) is in lb_store_errmsg or the err buffer of lb_store_open.
** Nothing is written to a file that fails those checks.
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

/* Open (LB_STORE_WRITE: create or migrate) the store at path. opts may be
** NULL (defaults); it only matters when the file is created. On failure
** returns an error, *out = NULL, and a message in err. A writer holds an
** exclusive lock on the file until lb_store_close. */
lb_err lb_store_open(const char *path, int mode, const lb_store_opts *opts, lb_store **out,
                     char *err, size_t errlen);
void lb_store_close(lb_store *s);
/* The SQLite handle, for queries. */
sqlite3 *lb_store_db(lb_store *s);
/* The message of the last error on s. */
const char *lb_store_errmsg(const lb_store *s);
/* The schema version the file has. */
int lb_store_version(const lb_store *s);

/* Content hash of a document: its text, id and metadata (FNV-1a 64). */
uint64_t lb_store_hash(const lb_doc *d);
/* 1 when a document with this id and hash is stored, 0 when not, -1 on error. */
int lb_store_known(lb_store *s, const char *id, uint64_t hash);

/* Transactions around lb_store_add calls (BEGIN IMMEDIATE .. COMMIT). */
lb_err lb_store_begin(lb_store *s);
lb_err lb_store_commit(lb_store *s);
void lb_store_rollback(lb_store *s);

/* Store one document's picture (hash from lb_store_hash; origin = the input
** file, may be NULL). *status gets LB_STORE_ADDED, _REPLACED or _SAME. */
lb_err lb_store_add(lb_store *s, const lb_doc *d, uint64_t hash, const char *origin,
                    int *status);

/* Remove a document and everything extracted from it. 1 removed, 0 absent. */
int lb_store_remove(lb_store *s, const char *id);

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

#endif
