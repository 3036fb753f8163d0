/*
** store.c -- open, check, migrate and fill the store (see store.h), on
** SQLite or PostgreSQL through db.h.
**
** Opening a SQLite file is careful because the file may be anything: a
** writer first takes an exclusive flock on the file (a second `lagebild
** ingest` fails at once), then reads the schema version without writing,
** and refuses files that are not SQLite, not a lagebild store, corrupt,
** read-only or of a newer schema before it changes a byte. Only then does
** it switch to WAL and create or migrate the tables. A PostgreSQL store is
** created (LB_STORE_SCHEMA_PG) by the first writer, under a session lock so
** that workers starting together create it once; writers commit with
** synchronous_commit on, readers run read-only transactions.
**
** Adding a document reads its lb_doc directly (every read of the document
** is in the "document facts" part below): every fact becomes one row
** through a prepared statement (the sentences one JSON array in the
** document's row); on PostgreSQL the rows go out pipelined, without
** waiting for each answer. Global entities are looked up through an
** in-memory map from id to row, and the names (text, entity) pairs already
** stored through another (both cleared on rollback, since the rows they
** point to are then gone). A document's events and its new names pairs are
** copied and kept until commit: then, under the merge lock on PostgreSQL,
** the names are inserted and the events merged into incidents and
** inserted, in the order their documents were added. The writer's work per
** document is what bounds ingest: docs/store.md, "Speed", says where it
** goes.
*/
#include "store.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../base/arena.h"
#include "../base/buf.h"
#include "../base/json.h"
#include "../doc/doc.h"
#include "db.h"
#include "merge.h"
#include "schema.h"

_Static_assert(LB_STORE_SCHEMA_VERSION == 1 + LB_STORE_NMIGRATIONS,
               "one migration per schema version after the first");
_Static_assert(LB_STORE_SCHEMA_VERSION == LB_STORE_PG_FIRST + LB_STORE_PG_NMIGRATIONS,
               "one PostgreSQL migration per schema version after the first there");

/* Advisory lock keys of PostgreSQL stores: creating the schema, and the
** merge lock held from a transaction's merge to its commit. */
#define PG_LOCK_SCHEMA 72540436161022331LL
#define PG_LOCK_MERGE 72540436161022332LL

enum {
  S_DOC_GET, S_DOC_INS, S_DOC_DEL, S_ENT_GET, S_ENT_INS, S_ENTGEO_INS, S_MEN_INS,
  S_NAME_INS, S_DEL_NAMES, S_QTY_INS, S_DATE_INS, S_CLAIM_INS, S_SIG_INS, S_EV_INS,
  S_EVGEO_INS, S_DEL_MEN, S_DEL_QTY, S_DEL_DATE, S_DEL_CLAIM, S_DEL_SIG, S_DEL_EVGEO,
  S_DEL_INC, S_DEL_EV, S_FTS_INS, S_DOC_LOOKUP, S_ENT_LOOKUP, S_DOC_KEYS, S_ENT_MANY, S_N
};

/* Statements of both engines ("end" and "of" quoted: PostgreSQL keywords). */
static const char *const SQL[S_N] = {
    [S_DOC_GET] = "SELECT doc, hash FROM documents WHERE id = ?1",
    [S_DOC_INS] = "INSERT INTO documents(id, hash, lang, published, title, url, origin, bytes,"
                  " text, warnings, sentences) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
                  " ?11) RETURNING doc",
    [S_DOC_DEL] = "DELETE FROM documents WHERE doc = ?1",
    [S_ENT_GET] = "SELECT ent FROM entities WHERE id = ?1",
    /* nothing when another writer has just added it: then S_ENT_GET */
    [S_ENT_INS] = "INSERT INTO entities(id, name, type, actor, country, source, geonameid, lat,"
                  " lon, feature, cc, guess, fips, adm1) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,"
                  "?11,?12,?13,?14) ON CONFLICT (id) DO NOTHING RETURNING ent",
    [S_MEN_INS] = "INSERT INTO mentions(doc, n, ent, start, \"end\", text, actor, role, sentence,"
                  " rule) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)",
    [S_NAME_INS] = "INSERT INTO names(text, ent) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
    [S_QTY_INS] = "INSERT INTO quantities(doc, n, start, \"end\", text, value, min, max, approx,"
                  " unit, unit_text, category, \"of\", place, claim, sentence, rule) VALUES"
                  " (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17)",
    [S_DATE_INS] = "INSERT INTO dates(doc, n, start, \"end\", text, date_from, date_to,"
                   " granularity, unresolved, duration, sentence, rule) VALUES"
                   " (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12)",
    [S_CLAIM_INS] = "INSERT INTO claims(doc, n, speaker, speaker_text, verb, start, \"end\", text,"
                    " cue_start, cue_end, speaker_start, speaker_end, sentence, rule) VALUES"
                    " (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14)",
    [S_SIG_INS] = "INSERT INTO signals(doc, n, kind, start, \"end\", detail, rule) VALUES"
                  " (?1,?2,?3,?4,?5,?6,?7)",
    [S_EV_INS] = "INSERT INTO events(doc, n, code, root, quad_class, goldstein, source,"
                 " source_entity, target, target_entity, place, place_name, lat, lon, cc,"
                 " geonameid, feature, date, date_granularity, day_from, day_to, quantities,"
                 " claim, sentence, start, \"end\", text, rule, mood, fips, adm1, day, reported,"
                 " plover_event, plover_mode, plover_context, incident) VALUES"
                 " (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,"
                 "?21,?22,?23,?24,?25,?26,?27,?28,?29,?30,?31,?32,?33,?34,?35,?36,?37) RETURNING event",
    [S_DEL_MEN] = "DELETE FROM mentions WHERE doc = ?1",
    [S_DEL_QTY] = "DELETE FROM quantities WHERE doc = ?1",
    [S_DEL_DATE] = "DELETE FROM dates WHERE doc = ?1",
    [S_DEL_CLAIM] = "DELETE FROM claims WHERE doc = ?1",
    [S_DEL_SIG] = "DELETE FROM signals WHERE doc = ?1",
    [S_DEL_INC] = "SELECT DISTINCT incident FROM events WHERE doc = ?1 AND incident IS NOT NULL"
                  " ORDER BY incident",
    [S_DEL_EV] = "DELETE FROM events WHERE doc = ?1",
};

/* SQLite only: the R*Trees and FTS5 (PostgreSQL's indexes fill themselves),
** and NOCASE. */
static const char *const SQL_LITE[S_N] = {
    [S_ENTGEO_INS] = "INSERT OR REPLACE INTO entities_geo VALUES (?1, ?2, ?2, ?3, ?3)",
    [S_EVGEO_INS] = "INSERT INTO events_geo VALUES (?1, ?2, ?2, ?3, ?3)",
    [S_DEL_EVGEO] = "DELETE FROM events_geo WHERE event IN"
                    " (SELECT event FROM events WHERE doc = ?1)",
    [S_FTS_INS] = "INSERT INTO documents_fts(rowid, title, text)"
                  " SELECT doc, title, text FROM documents WHERE doc >= ?1",
    /* the names only the mentions of document ?1 stand for: its own
    ** (text, entity) pairs by names' key, each looked up in the index
    ** mentions_ent_text (schema version 6): work in proportion to the
    ** document, not to the store */
    [S_DEL_NAMES] = "DELETE FROM names WHERE (text, ent) IN (SELECT text, ent FROM mentions"
                    " WHERE doc = ?1) AND NOT EXISTS (SELECT 1 FROM mentions m WHERE"
                    " m.ent = names.ent AND m.text = names.text COLLATE NOCASE AND m.doc <> ?1)",
};

/* PostgreSQL: documents get their key from a block of the sequence taken
** ahead (next_doc), and no statement of a document waits for an answer. */
static const char *const SQL_PG[S_N] = {
    [S_DOC_INS] = "INSERT INTO documents(id, hash, lang, published, title, url, origin, bytes,"
                  " text, warnings, sentences, doc) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9,"
                  " ?10, ?11, ?12)",
    [S_EV_INS] = "INSERT INTO events(doc, n, code, root, quad_class, goldstein, source,"
                 " source_entity, target, target_entity, place, place_name, lat, lon, cc,"
                 " geonameid, feature, date, date_granularity, day_from, day_to, quantities,"
                 " claim, sentence, start, \"end\", text, rule, mood, fips, adm1, day, reported,"
                 " plover_event, plover_mode, plover_context, incident) VALUES"
                 " (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,"
                 "?21,?22,?23,?24,?25,?26,?27,?28,?29,?30,?31,?32,?33,?34,?35,?36,?37)",
    [S_DEL_NAMES] = "DELETE FROM names WHERE (lower(text), ent) IN (SELECT lower(text), ent"
                    " FROM mentions WHERE doc = ?1) AND NOT EXISTS (SELECT 1 FROM mentions m"
                    " WHERE m.ent = names.ent AND lower(m.text) = lower(names.text)"
                    " AND m.doc <> ?1)",
    /* a batch's documents and entities in one question each (an array) */
    [S_DOC_LOOKUP] = "SELECT id, doc, hash FROM documents WHERE id = ANY(?1::text[])",
    [S_ENT_LOOKUP] = "SELECT id, ent FROM entities WHERE id = ANY(?1::text[])",
    [S_DOC_KEYS] = "SELECT nextval('documents_doc_seq') FROM generate_series(1, ?1)",
    /* a batch's new entities in one statement, in the order of the arrays
    ** (their ids sorted); those another writer has just added come back
    ** through S_ENT_LOOKUP */
    [S_ENT_MANY] = "INSERT INTO entities(id, name, type, actor, country, source, geonameid, lat,"
                   " lon, feature, cc, guess, fips, adm1) SELECT * FROM unnest(?1::text[],"
                   " ?2::text[], ?3::text[], ?4::text[], ?5::text[], ?6::text[], ?7::bigint[],"
                   " ?8::float8[], ?9::float8[], ?10::text[], ?11::text[], ?12::integer[],"
                   " ?13::text[], ?14::text[]) ON CONFLICT (id) DO NOTHING RETURNING id, ent",
};

/* Statements whose answer the writer does not wait for (pipelined). */
static int noresult(int i, int pg) {
  if (pg && (i == S_DOC_INS || i == S_EV_INS)) return 1;
  return i != S_DOC_GET && i != S_DOC_INS && i != S_ENT_GET && i != S_ENT_INS &&
         i != S_EV_INS && i != S_DEL_INC && i != S_DOC_LOOKUP && i != S_ENT_LOOKUP &&
         i != S_DOC_KEYS && i != S_ENT_MANY;
}

#define ID_BLOCK 256 /* PostgreSQL: document keys taken from the sequence at once */

#define STMT_CACHE 64 /* readers' prepared statements kept (serve's filter combinations) */

/* A string -> integer map, open addressing; keys are owned copies. Used
** for entity id -> entities.ent, and for the names rows this writer has
** stored ("ent<TAB>text" -> 1), so a repeated pair costs no statement. */
typedef struct ent_slot {
  char *id;
  int64_t ent;
} ent_slot;

typedef struct smap {
  ent_slot *v;
  size_t n, cap;
} smap;

/* One value of a row kept for commit. */
typedef struct val {
  int type; /* LB_DB_NULL, _INT, _FLOAT, _TEXT */
  int64_t i;
  double d;
  const char *s;
} val;

enum { EV_COLS = 37 };

/* An event kept until commit: its row (the incident, the last column,
** filled then) and what merging reads. */
typedef struct pend_ev {
  int64_t doc;
  val v[EV_COLS];
  lb_store_mev m;
  int merge; /* asserted with a root: merged into an incident */
} pend_ev;

/* A names pair kept until commit. */
typedef struct pend_name {
  int64_t ent;
  const char *text;
} pend_name;

struct lb_store {
  lb_db *db;
  int pg; /* a PostgreSQL store */
  int mode, version, lockfd, in_tx;
  int merge_locked; /* PostgreSQL: this transaction holds the merge lock */
  int64_t fts_from; /* first document of this transaction not yet in FTS, 0 = none */
  char *path;       /* the name for messages (a URL without password) */
  lb_db_stmt *st[S_N];
  lb_store_merge *merge;
  smap ents;  /* entities.id -> ent */
  smap names; /* names rows known to be stored (or kept for commit), key "ent\ttext" */
  lb_buf key; /* scratch for names keys */
  lb_buf scratch;
  lb_buf sents; /* documents.sentences of the document being added */
  /* PostgreSQL: documents.doc keys taken ahead, and the documents of the
  ** batch in hand looked up at once (lb_store_prepare): id -> doc,
  ** id -> hash (as a number) */
  int64_t ids[ID_BLOCK];
  int nids, nextid;
  int looked_up;
  smap pre_doc, pre_hash;
  /* kept until commit */
  lb_arena *pend;
  LB_VEC(pend_ev) pev;
  LB_VEC(pend_name) pnames;
  /* readers: the time limit, and prepared statements by their SQL text */
  double limit, deadline;
  struct {
    char *sql;
    lb_db_stmt *st;
    int busy;
  } cache[STMT_CACHE];
  int ncache;
  char err[512];
};

static void set_err(lb_store *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void set_err(lb_store *s, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(s->err, sizeof s->err, fmt, ap);
  va_end(ap);
}

/* A message for a failed database call that says what it means for the
** user. */
static void db_err(lb_store *s, const char *what) {
  if (s->pg) {
    set_err(s, "%s: %s: %s", s->path, what, lb_db_errmsg(s->db));
    return;
  }
  sqlite3 *h = lb_db_handle(s->db);
  int rc = sqlite3_extended_errcode(h) & 0xff;
  const char *hint = "";
  if (rc == SQLITE_NOTADB) hint = " (not a SQLite database, so not a lagebild store)";
  else if (rc == SQLITE_CORRUPT) hint = " (the database file is corrupt; nothing was changed)";
  else if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) hint = " (locked by another writer)";
  else if (rc == SQLITE_READONLY) hint = " (the file is read-only)";
  else if (rc == SQLITE_FULL) hint = " (disk full)";
  set_err(s, "%s: %s: %s%s", s->path, what, sqlite3_errmsg(h), hint);
}

static int exec(lb_store *s, const char *sql, const char *what) {
  if (lb_db_exec(s->db, sql)) {
    db_err(s, what);
    return -1;
  }
  return 0;
}

/* ---- entity map ---- */

static uint64_t hash_str(const char *p, size_t n, uint64_t h) {
  for (size_t i = 0; i < n; i++) {
    h ^= (unsigned char)p[i];
    h *= 0x100000001b3ull;
  }
  return h;
}
#define FNV0 0xcbf29ce484222325ull

static void smap_clear(smap *m) {
  for (size_t i = 0; i < m->cap; i++) free(m->v[i].id);
  free(m->v);
  m->v = NULL;
  m->n = m->cap = 0;
}

/* The slot of key (empty if absent); the map must have slots. */
static ent_slot *smap_slot(const smap *m, const char *key) {
  size_t mask = m->cap - 1, i = hash_str(key, strlen(key), FNV0) & mask;
  while (m->v[i].id && strcmp(m->v[i].id, key) != 0) i = (i + 1) & mask;
  return &m->v[i];
}

static ent_slot *smap_get(const smap *m, const char *key) {
  if (!m->cap) return NULL;
  ent_slot *sl = smap_slot(m, key);
  return sl->id ? sl : NULL;
}

static int smap_put(smap *m, const char *key, int64_t value) {
  if ((m->n + 1) * 2 > m->cap) {
    size_t cap = m->cap ? m->cap * 2 : 1024;
    ent_slot *old = m->v;
    size_t oldcap = m->cap;
    m->v = calloc(cap, sizeof *m->v);
    if (!m->v) {
      m->v = old;
      return -1;
    }
    m->cap = cap;
    for (size_t i = 0; i < oldcap; i++)
      if (old[i].id) *smap_slot(m, old[i].id) = old[i];
    free(old);
  }
  ent_slot *sl = smap_slot(m, key);
  if (!sl->id) {
    if (!(sl->id = strdup(key))) return -1;
    m->n++;
  }
  sl->ent = value;
  return 0;
}

/* ---- opening ---- */

int lb_store_is_pg(const char *path) {
  return strncmp(path, "postgresql://", 13) == 0 || strncmp(path, "postgres://", 11) == 0;
}

static int meta_get(lb_store *s, const char *key, char *out, size_t n) {
  lb_db_stmt *st = lb_db_prepare(s->db, "SELECT value FROM meta WHERE key = ?1", 0);
  if (!st) return -1;
  lb_db_bind_text(st, 1, key, -1);
  int found = 0;
  if (lb_db_step(st) == LB_DB_ROW && lb_db_text(st, 0)) {
    snprintf(out, n, "%s", lb_db_text(st, 0));
    found = 1;
  }
  lb_db_finalize(st);
  return found ? 0 : -1;
}

/* The meta rows of a new store. */
static void meta_rows(char *sql, size_t n, const lb_store_opts *o, const char *tail) {
  snprintf(sql, n,
           "INSERT INTO meta VALUES ('schema_version', '%d');"
           "INSERT INTO meta VALUES ('created_by', 'lagebild %s');"
           "INSERT INTO meta VALUES ('radius_km', '%g');"
           "INSERT INTO meta VALUES ('window_days', '%d');%s",
           LB_STORE_SCHEMA_VERSION, LB_VERSION, o->radius_km, o->window_days, tail);
}

static int create_schema(lb_store *s, const lb_store_opts *o) {
  char sql[512], tail[64];
  snprintf(tail, sizeof tail, "PRAGMA user_version = %d;", LB_STORE_SCHEMA_VERSION);
  meta_rows(sql, sizeof sql, o, tail);
  if (exec(s, "BEGIN IMMEDIATE", "cannot start creating the store")) return -1;
  int bad = exec(s, LB_STORE_SCHEMA_V1, "cannot create the tables");
  for (int k = 0; k < LB_STORE_NMIGRATIONS && !bad; k++)
    bad = exec(s, LB_STORE_MIGRATIONS[k], "cannot create the tables");
  if (bad || exec(s, sql, "cannot write the schema version") ||
      exec(s, "COMMIT", "cannot commit the new tables")) {
    lb_db_exec(s->db, "ROLLBACK");
    return -1;
  }
  return 0;
}

/* Run the migrations from version `from` to the current one, in one
** transaction: a store is either fully migrated or untouched. */
static int migrate(lb_store *s, int from) {
  if (exec(s, "BEGIN IMMEDIATE", "cannot start the migration")) return -1;
  for (int v = from; v < LB_STORE_SCHEMA_VERSION; v++) {
    const char *m = LB_STORE_MIGRATIONS[v - 1];
    if (m && exec(s, m, "migration failed")) goto fail;
  }
  char sql[256];
  snprintf(sql, sizeof sql,
           "UPDATE meta SET value = '%d' WHERE key = 'schema_version';"
           "PRAGMA user_version = %d;",
           LB_STORE_SCHEMA_VERSION, LB_STORE_SCHEMA_VERSION);
  if (exec(s, sql, "cannot record the schema version") || exec(s, "COMMIT", "commit failed"))
    goto fail;
  return 0;
fail:
  lb_db_exec(s->db, "ROLLBACK");
  return -1;
}

static int prepare_all(lb_store *s) {
  for (int i = 0; i < S_N; i++) {
    const char *sql = (s->pg ? SQL_PG : SQL_LITE)[i];
    if (!sql) sql = SQL[i];
    if (!sql) continue; /* the other engine's */
    s->st[i] = lb_db_prepare(s->db, sql, LB_DB_KEEP | (noresult(i, s->pg) ? LB_DB_NORESULT : 0));
    if (!s->st[i]) {
      db_err(s, "cannot prepare statements");
      return -1;
    }
  }
  char v[64];
  double radius = 50;
  int window = 3;
  if (meta_get(s, "radius_km", v, sizeof v) == 0) radius = atof(v);
  if (meta_get(s, "window_days", v, sizeof v) == 0) window = atoi(v);
  s->merge = lb_store_merge_new(s->db, radius, window);
  if (!s->merge) {
    db_err(s, "cannot prepare incident merging");
    return -1;
  }
  return 0;
}

static int pragma_int(lb_store *s, const char *sql, int *out) {
  int64_t v;
  if (lb_db_query_int(s->db, sql, &v)) return -1;
  *out = (int)v;
  return 0;
}

/* Check what the file is before anything is written to it. */
static int check_file(lb_store *s) {
  int ver = 0, ntab = 0;
  if (pragma_int(s, "PRAGMA user_version", &ver) ||
      pragma_int(s, "SELECT count(*) FROM sqlite_master", &ntab)) {
    db_err(s, "cannot read the file as a store");
    return -1;
  }
  if (ver == 0 && ntab > 0) {
    set_err(s, "%s: a SQLite database but not a lagebild store (no schema version); "
               "nothing changed", s->path);
    return -1;
  }
  if (ver > LB_STORE_SCHEMA_VERSION) {
    set_err(s, "%s: store has schema version %d, newer than this lagebild (%s) knows (%d); "
               "use a newer lagebild; nothing changed", s->path, ver, LB_VERSION,
            LB_STORE_SCHEMA_VERSION);
    return -1;
  }
  s->version = ver;
  return 0;
}

/* Open s->path read-only through a URI with immutable=1. */
static int open_immutable(lb_store *s, sqlite3 **h) {
  lb_buf u = LB_BUF_INIT;
  lb_buf_adds(&u, "file:");
  for (const char *p = s->path; *p; p++) {
    if (*p == '%' || *p == '?' || *p == '#')
      lb_buf_printf(&u, "%%%02X", (unsigned char)*p);
    else
      lb_buf_addc(&u, *p);
  }
  lb_buf_adds(&u, "?immutable=1");
  int rc = sqlite3_open_v2(u.p, h, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  lb_buf_free(&u);
  if (rc != SQLITE_OK) {
    set_err(s, "%s: cannot open: %s", s->path, *h ? sqlite3_errmsg(*h) : sqlite3_errstr(rc));
    return -1;
  }
  sqlite3_extended_result_codes(*h, 1);
  return 0;
}

/* Wrap a SQLite handle; on failure it is closed. */
static int wrap(lb_store *s, sqlite3 *h) {
  if (!(s->db = lb_db_sqlite(h))) {
    sqlite3_close(h);
    set_err(s, "%s: out of memory", s->path);
    return -1;
  }
  return 0;
}

/* SQLite's progress handler: non-zero stops the query (time limit). */
static int over_time(void *cls) {
  lb_store *s = cls;
  if (s->deadline <= 0) return 0;
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9 > s->deadline;
}

static lb_err open_sqlite(lb_store *s, const char *path, int mode, const lb_store_opts *opts) {
  lb_err code = LB_ERR_DB;
  sqlite3 *h = NULL;
  struct stat st;
  int exists = stat(path, &st) == 0;
  if (exists && !S_ISREG(st.st_mode)) {
    set_err(s, "%s: not a regular file", path);
    return code;
  }
  if (mode == LB_STORE_WRITE) {
    if (exists && access(path, W_OK) != 0) {
      set_err(s, "%s: the file is read-only (%s); nothing changed", path, strerror(errno));
      return LB_ERR_IO;
    }
    /* The writer lock. flock locks are separate from SQLite's POSIX locks;
    ** the descriptor stays open until after sqlite3_close (closing another
    ** descriptor of the file would drop SQLite's own locks). */
    s->lockfd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (s->lockfd < 0) {
      set_err(s, "%s: cannot open: %s", path, strerror(errno));
      return LB_ERR_IO;
    }
    if (flock(s->lockfd, LOCK_EX | LOCK_NB) != 0) {
      set_err(s, "%s: locked by another writer (is another `lagebild ingest` running?); "
                 "nothing changed", path);
      return code;
    }
    /* NOMUTEX: the writer's connection is used by one thread at a time
    ** (opened here, then the ingest writer thread, closed here again), so
    ** SQLite's per-call connection mutex is pure cost (~5 % of writer CPU). */
    if (sqlite3_open_v2(path, &h, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                        NULL)) {
      set_err(s, "%s: cannot open: %s", path, h ? sqlite3_errmsg(h) : "out of memory");
      sqlite3_close(h);
      return code;
    }
  } else {
    if (!exists) {
      set_err(s, "%s: no such store (create it with `lagebild ingest %s FILE...`)", path, path);
      return LB_ERR_IO;
    }
    if (sqlite3_open_v2(path, &h, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOMUTEX, NULL)) {
      set_err(s, "%s: cannot open: %s", path, h ? sqlite3_errmsg(h) : "out of memory");
      sqlite3_close(h);
      return code;
    }
  }
  sqlite3_busy_timeout(h, 3000);
  sqlite3_extended_result_codes(h, 1);
  if (wrap(s, h)) return code;
  if (check_file(s)) {
    /* A WAL store in a place we may not write (a read-only copy, another
    ** user's directory) cannot get its -shm file: read it as immutable. */
    int rc = sqlite3_extended_errcode(h) & 0xff;
    if (mode != LB_STORE_READ || (rc != SQLITE_READONLY && rc != SQLITE_CANTOPEN)) return code;
    lb_db_close(s->db);
    s->db = NULL;
    if (open_immutable(s, &h) || wrap(s, h)) return code;
    if (check_file(s)) return code;
  }
  h = lb_db_handle(s->db);
  if (mode == LB_STORE_WRITE) {
    if (sqlite3_db_readonly(h, "main") == 1) {
      set_err(s, "%s: the file is read-only; nothing changed", path);
      return code;
    }
    /* Small stores get a full structural check before we write; for big
    ** ones it would cost seconds, and SQLite still reports corruption on
    ** the pages a transaction touches (which is then rolled back). */
    if (s->version > 0 && st.st_size < (256 << 20)) {
      lb_db_stmt *q = lb_db_prepare(s->db, "PRAGMA quick_check", 0);
      if (!q) {
        db_err(s, "cannot check the file");
        return code;
      }
      int rc = lb_db_step(q);
      const char *r = rc == LB_DB_ROW ? lb_db_text(q, 0) : NULL;
      if (!r || strcmp(r, "ok") != 0) {
        set_err(s, "%s: the database file is corrupt (%s); nothing changed", path,
                r ? r : sqlite3_errmsg(h));
        lb_db_finalize(q);
        return code;
      }
      lb_db_finalize(q);
    }
    /* A new store gets 16 KB pages (fixed once the file has its first
    ** page, which the write lock below already writes): commits write
    ** fewer WAL frames than with 4 KB pages (commit CPU 0.23 s -> 0.09 s
    ** for 10,000 bench documents). */
    if (s->version == 0 && exec(s, "PRAGMA page_size = 16384", "cannot set up")) return code;
    /* Take and release the write lock once: another process holding it
    ** (an sqlite3 shell in a transaction) is reported now, not mid-run. */
    if (exec(s, "BEGIN IMMEDIATE", "cannot lock for writing") || exec(s, "COMMIT", "commit"))
      return code;
    /* WAL: readers (query, serve) work while we write. synchronous=FULL:
    ** COMMIT returns once the transaction is synced to the WAL file, so a
    ** killed process or a power loss keeps every committed transaction (the
    ** issue's promise). With 4096 documents per transaction that is ~14
    ** fsyncs for the 57k-document bench corpus; NORMAL measured the same
    ** (10,000 bench documents, --stages text: 0.98-1.04 s vs 0.96-0.97 s).
    ** A 256 MB page cache keeps the index pages of a big store in
    ** memory; a checkpoint every 4096 pages instead of 1000 copies a page
    ** that several transactions change once (docs/store.md, "Speed"). */
    if (exec(s, "PRAGMA journal_mode = WAL", "cannot switch to WAL") ||
        exec(s, "PRAGMA synchronous = FULL; PRAGMA cache_size = -262144;"
                "PRAGMA temp_store = MEMORY; PRAGMA wal_autocheckpoint = 4096",
             "cannot set up"))
      return code;
    if (s->version == 0) {
      if (create_schema(s, opts)) return code;
    } else if (s->version < LB_STORE_SCHEMA_VERSION) {
      if (migrate(s, s->version)) return code;
    }
    s->version = LB_STORE_SCHEMA_VERSION;
    if (prepare_all(s)) return code;
  } else if (s->version == 0) {
    set_err(s, "%s: an empty file, not a lagebild store", path);
    return code;
  } else if (s->version < LB_STORE_SCHEMA_VERSION) {
    set_err(s, "%s: store has schema version %d, this lagebild reads version %d: bring it up "
               "to date once with `lagebild ingest %s` (no input needed); nothing changed",
            path, s->version, LB_STORE_SCHEMA_VERSION, path);
    return code;
  } else {
    sqlite3_progress_handler(h, 10000, over_time, s);
  }
  return LB_OK;
}

/* Create the PostgreSQL schema when the database has none, or check the
** one it has; under a session lock, so that workers starting at the same
** moment create it once. */
static int pg_schema(lb_store *s, int mode, const lb_store_opts *o) {
  char sql[96];
  snprintf(sql, sizeof sql, "SELECT pg_advisory_lock(%lld)", PG_LOCK_SCHEMA);
  if (mode == LB_STORE_WRITE && exec(s, sql, "cannot lock the schema")) return -1;
  int64_t have = 0;
  int bad = 0;
  if (lb_db_query_int(s->db, "SELECT count(*) FROM pg_tables WHERE tablename = 'meta'"
                             " AND schemaname = current_schema()", &have)) {
    db_err(s, "cannot read the database's tables");
    bad = 1;
  } else if (!have && mode == LB_STORE_WRITE) {
    char rows[512];
    meta_rows(rows, sizeof rows, o, "");
    int made = exec(s, "BEGIN", "cannot start creating the store") == 0 &&
               exec(s, LB_STORE_SCHEMA_PG, "cannot create the tables") == 0;
    for (int k = 0; k < LB_STORE_PG_NMIGRATIONS && made; k++)
      made = exec(s, LB_STORE_PG_MIGRATIONS[k], "cannot create the tables") == 0;
    if (!made || exec(s, rows, "cannot write the schema version") ||
        exec(s, "COMMIT", "cannot commit the new tables")) {
      lb_db_exec(s->db, "ROLLBACK");
      bad = 1;
    }
  } else if (!have) {
    set_err(s, "%s: no lagebild store in this database (no table meta; create it with "
               "`lagebild ingest %s FILE...`)", s->path, s->path);
    bad = 1;
  }
  char v[32];
  if (!bad && meta_get(s, "schema_version", v, sizeof v)) {
    set_err(s, "%s: a table meta without schema_version: not a lagebild store; nothing changed",
            s->path);
    bad = 1;
  }
  if (!bad) {
    s->version = atoi(v);
    if (s->version > LB_STORE_SCHEMA_VERSION) {
      set_err(s, "%s: store has schema version %d, newer than this lagebild (%s) knows (%d); "
                 "use a newer lagebild; nothing changed", s->path, s->version, LB_VERSION,
              LB_STORE_SCHEMA_VERSION);
      bad = 1;
    } else if (s->version < LB_STORE_PG_FIRST) {
      set_err(s, "%s: store has schema version %d; PostgreSQL stores start at version %d",
              s->path, s->version, LB_STORE_PG_FIRST);
      bad = 1;
    } else if (s->version < LB_STORE_SCHEMA_VERSION && mode != LB_STORE_WRITE) {
      set_err(s, "%s: store has schema version %d, this lagebild reads version %d: bring it up "
                 "to date once with `lagebild ingest %s` (no input needed); nothing changed",
              s->path, s->version, LB_STORE_SCHEMA_VERSION, s->path);
      bad = 1;
    } else if (s->version < LB_STORE_SCHEMA_VERSION) { /* under the schema lock */
      char rec[160];
      snprintf(rec, sizeof rec,
               "UPDATE meta SET value = '%d' WHERE key = 'schema_version'", LB_STORE_SCHEMA_VERSION);
      bad = exec(s, "BEGIN", "cannot start the migration");
      for (int k = s->version; k < LB_STORE_SCHEMA_VERSION && !bad; k++)
        bad = exec(s, LB_STORE_PG_MIGRATIONS[k - LB_STORE_PG_FIRST], "migration failed");
      if (bad || exec(s, rec, "cannot record the schema version") ||
          exec(s, "COMMIT", "commit failed")) {
        lb_db_exec(s->db, "ROLLBACK");
        bad = 1;
      } else {
        s->version = LB_STORE_SCHEMA_VERSION;
      }
    }
  }
  snprintf(sql, sizeof sql, "SELECT pg_advisory_unlock(%lld)", PG_LOCK_SCHEMA);
  if (mode == LB_STORE_WRITE) lb_db_exec(s->db, sql);
  return bad ? -1 : 0;
}

static lb_err open_pg(lb_store *s, const char *url, int mode, const lb_store_opts *opts) {
  char err[512];
  if (!(s->db = lb_db_pg(url, err, sizeof err))) {
    set_err(s, "%s", err);
    return LB_ERR_DB;
  }
  s->pg = 1;
  /* Durability: COMMIT returns once the transaction is flushed to the
  ** write-ahead log on disk, whatever the server's default says. */
  if (mode == LB_STORE_WRITE && exec(s, "SET synchronous_commit = on", "cannot set up"))
    return LB_ERR_DB;
  if (mode == LB_STORE_READ &&
      exec(s, "SET default_transaction_read_only = on", "cannot set up"))
    return LB_ERR_DB;
  if (pg_schema(s, mode, opts)) return LB_ERR_DB;
  if (mode == LB_STORE_WRITE) {
    if (prepare_all(s)) return LB_ERR_DB;
    if (lb_db_pipeline(s->db, 1)) {
      db_err(s, "cannot set up");
      return LB_ERR_DB;
    }
  }
  return LB_OK;
}

void lb_store_display(const char *path, char *out, size_t outlen) {
  if (lb_store_is_pg(path))
    lb_db_redact(path, out, outlen);
  else
    snprintf(out, outlen, "%s", path);
}

lb_err lb_store_open(const char *path, int mode, const lb_store_opts *opts, lb_store **out,
                     char *err, size_t errlen) {
  *out = NULL;
  lb_store *s = calloc(1, sizeof *s);
  char shown[512];
  lb_store_display(path, shown, sizeof shown);
  if (!s || !(s->path = strdup(shown)) || !(s->pend = lb_arena_new())) {
    if (s) free(s->path);
    free(s);
    snprintf(err, errlen, "%s: out of memory", shown);
    return LB_ERR_NOMEM;
  }
  s->mode = mode;
  s->lockfd = -1;
  lb_store_opts def = {50.0, 3};
  if (!opts) opts = &def;
  lb_err code = lb_store_is_pg(path) ? open_pg(s, path, mode, opts)
                                     : open_sqlite(s, path, mode, opts);
  if (code != LB_OK) {
    snprintf(err, errlen, "%s", s->err[0] ? s->err : "cannot open the store");
    lb_store_close(s);
    return code;
  }
  *out = s;
  return LB_OK;
}

static void pend_clear(lb_store *s) {
  lb_arena_reset(s->pend);
  s->pev.v = NULL;
  s->pev.n = s->pev.cap = 0;
  s->pnames.v = NULL;
  s->pnames.n = s->pnames.cap = 0;
}

void lb_store_close(lb_store *s) {
  if (!s) return;
  if (s->in_tx) lb_store_rollback(s);
  for (int i = 0; i < S_N; i++) lb_db_finalize(s->st[i]);
  for (int i = 0; i < s->ncache; i++) {
    lb_db_finalize(s->cache[i].st);
    free(s->cache[i].sql);
  }
  lb_store_merge_free(s->merge);
  lb_db_close(s->db);
  if (s->lockfd >= 0) close(s->lockfd);
  smap_clear(&s->ents);
  smap_clear(&s->names);
  smap_clear(&s->pre_doc);
  smap_clear(&s->pre_hash);
  lb_buf_free(&s->key);
  lb_buf_free(&s->scratch);
  lb_buf_free(&s->sents);
  lb_arena_free(s->pend);
  free(s->path);
  free(s);
}

sqlite3 *lb_store_db(lb_store *s) { return lb_db_handle(s->db); }
struct lb_db *lb_store_conn(lb_store *s) { return s->db; }
const char *lb_store_errmsg(const lb_store *s) { return s->err; }
const char *lb_store_name(const lb_store *s) { return s->path; }
int lb_store_version(const lb_store *s) { return s->version; }
int lb_store_retry(const lb_store *s) { return lb_db_retry(s->db); }

lb_err lb_store_reconnect(lb_store *s) {
  if (lb_db_reconnect(s->db)) {
    db_err(s, "cannot connect again");
    return LB_ERR_DB;
  }
  return LB_OK;
}

/* ---- readers ---- */

long long lb_store_data_version(lb_store *s) {
  if (!s->pg) {
    int64_t v;
    return lb_db_query_int(s->db, "PRAGMA data_version", &v) ? -1 : (long long)v;
  }
  /* the snapshot (xmin:xmax:running) changes when a transaction that
  ** wrote begins or ends, on the primary and on its replicas */
  lb_db_stmt *st = lb_db_prepare(s->db, "SELECT pg_current_snapshot()::text", 0);
  long long v = -1;
  if (st && lb_db_step(st) == LB_DB_ROW && lb_db_text(st, 0)) {
    const char *t = lb_db_text(st, 0);
    v = (long long)(hash_str(t, strlen(t), FNV0) >> 1);
  }
  lb_db_finalize(st);
  return v;
}

void lb_store_time_limit(lb_store *s, double seconds) {
  s->limit = seconds;
  if (s->pg) {
    char sql[64];
    snprintf(sql, sizeof sql, "SET statement_timeout = %ld", (long)(seconds * 1000));
    lb_db_exec(s->db, sql);
  }
}

void lb_store_deadline(lb_store *s) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  s->deadline = s->limit > 0 ? (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9 + s->limit : 0;
}

int lb_store_timed_out(const lb_store *s) { return lb_db_timed_out(s->db); }

lb_db_stmt *lb_store_stmt_get(lb_store *s, const char *sql, int *cached) {
  *cached = 0;
  for (int i = 0; i < s->ncache; i++)
    if (!s->cache[i].busy && strcmp(s->cache[i].sql, sql) == 0) {
      s->cache[i].busy = 1;
      *cached = 1;
      return s->cache[i].st;
    }
  lb_db_stmt *st = lb_db_prepare(s->db, sql, LB_DB_KEEP);
  if (!st) return NULL;
  if (s->ncache == STMT_CACHE) {
    /* full: start over (filter combinations are few), but keep statements
    ** still running (the incident list steps while its reports are read) */
    int k = 0;
    for (int i = 0; i < s->ncache; i++) {
      if (s->cache[i].busy) {
        s->cache[k++] = s->cache[i];
      } else {
        lb_db_finalize(s->cache[i].st);
        free(s->cache[i].sql);
      }
    }
    s->ncache = k;
  }
  char *copy;
  if (s->ncache == STMT_CACHE || !(copy = strdup(sql))) return st; /* not kept */
  s->cache[s->ncache].sql = copy;
  s->cache[s->ncache].st = st;
  s->cache[s->ncache].busy = 1;
  s->ncache++;
  *cached = 1;
  return st;
}

void lb_store_stmt_put(lb_store *s, lb_db_stmt *st) {
  lb_db_reset(st);
  for (int i = 0; i < s->ncache; i++)
    if (s->cache[i].st == st) {
      s->cache[i].busy = 0;
      return;
    }
  lb_db_finalize(st);
}

/* ---- dates ---- */

/* Days since 1970-01-01 of a proleptic Gregorian date (civil calendar
** arithmetic with 400-year eras). */
static long days_of(int y, int m, int d) {
  y -= m <= 2;
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

static int ymd_of(long z) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  long d = doy - (153 * mp + 2) / 5 + 1;
  long m = mp + (mp < 10 ? 3 : -9);
  return (int)((y + (m <= 2)) * 10000 + m * 100 + d);
}

int lb_store_day_add(int ymd, int days) {
  return ymd_of(days_of(ymd / 10000, ymd / 100 % 100, ymd % 100) + days);
}

int lb_store_days_between(int a, int b) {
  return (int)(days_of(b / 10000, b / 100 % 100, b % 100) - days_of(a / 10000, a / 100 % 100, a % 100));
}

static int month_days(int y, int m) {
  static const int n[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return n[m - 1];
}

static int digits(const char *p, int n) {
  int v = 0;
  for (int i = 0; i < n; i++) {
    if (p[i] < '0' || p[i] > '9') return -1;
    v = v * 10 + (p[i] - '0');
  }
  return v;
}

/* One ISO date (YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Www) as a range. */
static int one_range(const char *p, size_t n, int *from, int *to) {
  if (n < 4) return 0;
  int y = digits(p, 4);
  if (y < 0) return 0;
  if (n == 4 || (n > 4 && p[4] != '-')) {
    *from = y * 10000 + 101;
    *to = y * 10000 + 1231;
    return 1;
  }
  if (n >= 8 && p[5] == 'W') {
    int w = digits(p + 6, 2);
    if (w < 1 || w > 53) return 0;
    long jan4 = days_of(y, 1, 4); /* ISO week 1 holds January 4 */
    long wd = ((jan4 + 3) % 7 + 7) % 7; /* 0 = Monday (1970-01-01 was a Thursday) */
    long mon = jan4 - wd + (w - 1) * 7;
    *from = ymd_of(mon);
    *to = ymd_of(mon + 6);
    return 1;
  }
  if (n < 7) return 0;
  int m = digits(p + 5, 2);
  if (m < 1 || m > 12) return 0;
  if (n >= 10 && p[7] == '-') {
    int d = digits(p + 8, 2);
    if (d < 1 || d > month_days(y, m)) return 0;
    *from = *to = y * 10000 + m * 100 + d;
    return 1;
  }
  *from = y * 10000 + m * 100 + 1;
  *to = y * 10000 + m * 100 + month_days(y, m);
  return 1;
}

int lb_store_date_range(const char *iso, int *from, int *to) {
  *from = *to = 0;
  if (!iso) return 0;
  const char *slash = strchr(iso, '/');
  int f1, t1, f2, t2;
  if (!slash) return one_range(iso, strlen(iso), from, to);
  if (!one_range(iso, (size_t)(slash - iso), &f1, &t1)) return 0;
  if (!one_range(slash + 1, strlen(slash + 1), &f2, &t2)) t2 = t1; /* open end */
  *from = f1;
  *to = t2 < f1 ? t1 : t2;
  return 1;
}

/* ---- full-text query terms ---- */

/* The unicode61 tokenizer, reached through a private in-memory connection
** (fts5_api belongs to a connection); its instances are independent, so
** any thread may tokenize with its own. */
static struct {
  pthread_once_t once;
  sqlite3 *db;
  fts5_tokenizer tok;
  void *ud;
  int ok;
} fts_tk = {PTHREAD_ONCE_INIT, NULL, {0}, NULL, 0};

static void fts_tk_init(void) {
  if (sqlite3_open_v2(":memory:", &fts_tk.db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) return;
  fts5_api *api = NULL;
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(fts_tk.db, "SELECT fts5(?1)", -1, &st, NULL) != SQLITE_OK) return;
  sqlite3_bind_pointer(st, 1, (void *)&api, "fts5_api_ptr", NULL);
  sqlite3_step(st);
  sqlite3_finalize(st);
  if (api && api->iVersion >= 2 &&
      api->xFindTokenizer(api, "unicode61", &fts_tk.ud, &fts_tk.tok) == SQLITE_OK)
    fts_tk.ok = 1;
}

typedef struct fts_terms {
  lb_buf *out;
  int n;
} fts_terms;

static int fts_term(void *ctx, int flags, const char *tok, int n, int start, int end) {
  (void)start;
  (void)end;
  fts_terms *t = ctx;
  if (flags & FTS5_TOKEN_COLOCATED) return SQLITE_OK; /* a synonym: unicode61 makes none */
  lb_buf_adds(t->out, t->n++ ? " \"" : "\"");
  for (int i = 0; i < n; i++) {
    if (tok[i] == '"') lb_buf_addc(t->out, '"'); /* never from unicode61; still quoted */
    lb_buf_addc(t->out, tok[i]);
  }
  lb_buf_addc(t->out, '"');
  return SQLITE_OK;
}

int lb_store_fts_terms(const char *words, lb_buf *out) {
  pthread_once(&fts_tk.once, fts_tk_init);
  if (!fts_tk.ok) return -1;
  Fts5Tokenizer *tk;
  if (fts_tk.tok.xCreate(fts_tk.ud, NULL, 0, &tk) != SQLITE_OK) return -1;
  fts_terms t = {out, 0};
  int rc = fts_tk.tok.xTokenize(tk, &t, FTS5_TOKENIZE_QUERY, words, (int)strlen(words), fts_term);
  fts_tk.tok.xDelete(tk);
  return rc == SQLITE_OK ? t.n : -1;
}

int lb_store_fts_phrase(const char *words, int i, lb_buf *out) {
  int k = 0; /* phrases seen ("" is none) */
  for (const char *p = strchr(words, '"'); p; p = *p ? strchr(p + 1, '"') : NULL) {
    const char *b = strchr(p + 1, '"');
    if (!b) b = p + 1 + strlen(p + 1); /* unclosed: to the end */
    /* the words between, one space between them */
    lb_buf ph = LB_BUF_INIT;
    for (const char *c = p + 1; c < b;) {
      while (c < b && strchr(" \t\r\n", *c)) c++;
      const char *w = c;
      while (c < b && !strchr(" \t\r\n", *c)) c++;
      if (c > w) {
        if (ph.n) lb_buf_addc(&ph, ' ');
        lb_buf_add(&ph, w, (size_t)(c - w));
      }
    }
    int mine = ph.n && k++ == i;
    if (mine) {
      lb_buf_addc(out, '%');
      for (size_t j = 0; j < ph.n; j++) {
        if (strchr("%_\\", ph.p[j])) lb_buf_addc(out, '\\');
        lb_buf_addc(out, ph.p[j]);
      }
      lb_buf_addc(out, '%');
    }
    lb_buf_free(&ph);
    if (mine) return 1;
    p = b; /* the closing quote (or the end) */
  }
  return 0;
}

/* ---- ingest ---- */

/* The document facts: every read of an lb_doc's text-layer fields goes
** through these (the coming document layer, src/doc/, moves them). */
#define DOC_TEXT(d) ((d)->tx.text)
#define DOC_LEN(d) ((d)->tx.len)
#define DOC_LANG(d) ((d)->tx.lang)
#define DOC_SENTS(d) ((d)->tx.sents)
#define DOC_WARNINGS(d) ((d)->tx.warnings)
#define DOC_SENTENCE_AT(d, off) lb_text_sentence_at(&(d)->tx, off)

uint64_t lb_store_hash(const lb_doc *d) {
  uint64_t h = FNV0;
  const char *parts[] = {d->id, DOC_LANG(d), d->published, d->title, d->url};
  for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
    if (parts[i]) h = hash_str(parts[i], strlen(parts[i]), h);
    h = hash_str("\x1f", 1, h); /* field separator: ("ab","") != ("a","b") */
  }
  return hash_str(DOC_TEXT(d), DOC_LEN(d), h);
}

static void hex16(uint64_t h, char out[17]) {
  static const char x[] = "0123456789abcdef";
  for (int i = 15; i >= 0; i--, h >>= 4) out[i] = x[h & 15];
  out[16] = 0;
}

static void bs(lb_db_stmt *st, int i, const char *s) { lb_db_bind_text(st, i, s, -1); }
static void bspan(lb_db_stmt *st, int i, const lb_doc *d, uint32_t a, uint32_t b) {
  if (b > DOC_LEN(d)) b = DOC_LEN(d);
  if (a > b) a = b;
  lb_db_bind_text(st, i, DOC_TEXT(d) + a, (int)(b - a));
}
static void bidx(lb_db_stmt *st, int i, int32_t v) {
  if (v < 0)
    lb_db_bind_null(st, i);
  else
    lb_db_bind_int(st, i, v);
}
static void bnum(lb_db_stmt *st, int i, int has, double v) {
  if (has)
    lb_db_bind_double(st, i, v);
  else
    lb_db_bind_null(st, i);
}

/* Run statement `which` (bound); rows it returns are left for the caller
** when want_row. -1 with a message on error. */
static int step(lb_store *s, int which, const char *what) {
  lb_db_stmt *st = s->st[which];
  int rc = lb_db_step(st);
  lb_db_reset(st);
  if (rc == LB_DB_ERROR) {
    db_err(s, what);
    return -1;
  }
  return 0;
}

/* Run an INSERT .. RETURNING of one integer: the new key, 0 when nothing
** was inserted (ON CONFLICT DO NOTHING), -1 on error. */
static int64_t step_id(lb_store *s, int which, const char *what) {
  lb_db_stmt *st = s->st[which];
  int rc = lb_db_step(st);
  int64_t id = rc == LB_DB_ROW ? lb_db_int(st, 0) : 0;
  lb_db_reset(st);
  if (rc == LB_DB_ERROR) {
    db_err(s, what);
    return -1;
  }
  return id;
}

int lb_store_known(lb_store *s, const char *id, uint64_t hash) {
  lb_db_stmt *st = s->st[S_DOC_GET];
  if (!st) {
    if (!(st = s->st[S_DOC_GET] = lb_db_prepare(s->db, SQL[S_DOC_GET], LB_DB_KEEP))) {
      db_err(s, "cannot prepare");
      return -1;
    }
  }
  char hx[17];
  hex16(hash, hx);
  bs(st, 1, id);
  int rc = lb_db_step(st), same = 0;
  if (rc == LB_DB_ROW) same = lb_db_text(st, 1) && strcmp(lb_db_text(st, 1), hx) == 0;
  lb_db_reset(st);
  if (rc == LB_DB_ERROR) {
    db_err(s, "cannot look up a document");
    return -1;
  }
  return same;
}

static void pg_array(lb_buf *b, const char *const *v, size_t n);

static uint64_t unhex16(const char *h);

int lb_store_known_many(lb_store *s, lb_doc *const *docs, const uint64_t *hash, size_t n,
                        char *known) {
  if (!s->pg) { /* SQLite: look-ups in the file cost microseconds, one by one */
    for (size_t i = 0; i < n; i++) {
      int k = lb_store_known(s, docs[i]->id, hash[i]);
      if (k < 0) return -1;
      known[i] = (char)k;
    }
    return 0;
  }
  memset(known, 0, n);
  if (!n) return 0;
  lb_db_stmt *st = s->st[S_DOC_LOOKUP];
  if (!st && !(st = s->st[S_DOC_LOOKUP] = lb_db_prepare(s->db, SQL_PG[S_DOC_LOOKUP], LB_DB_KEEP))) {
    db_err(s, "cannot prepare");
    return -1;
  }
  const char **ids = malloc(n * sizeof *ids);
  if (!ids) return -1;
  for (size_t i = 0; i < n; i++) ids[i] = docs[i]->id;
  pg_array(&s->scratch, ids, n);
  free(ids);
  lb_db_bind_text(st, 1, s->scratch.p, (int)s->scratch.n);
  smap stored = {0}; /* id -> its hash as stored */
  int rc, bad = 0;
  while ((rc = lb_db_step(st)) == LB_DB_ROW) {
    const char *h = lb_db_text(st, 2);
    if (!bad && smap_put(&stored, lb_db_text(st, 0), (int64_t)unhex16(h ? h : ""))) bad = 1;
  }
  lb_db_reset(st);
  for (size_t i = 0; i < n && !bad; i++) {
    ent_slot *sl = smap_get(&stored, docs[i]->id);
    known[i] = sl && (uint64_t)sl->ent == hash[i];
  }
  smap_clear(&stored);
  if (rc == LB_DB_ERROR) {
    db_err(s, "cannot look up documents");
    return -1;
  }
  if (bad) {
    set_err(s, "%s: out of memory", s->path);
    return -1;
  }
  return 0;
}

lb_err lb_store_begin(lb_store *s) {
  if (exec(s, s->pg ? "BEGIN" : "BEGIN IMMEDIATE", "cannot begin a transaction")) return LB_ERR_DB;
  s->in_tx = 1;
  s->merge_locked = 0;
  return LB_OK;
}

/* PostgreSQL: take the merge lock for the rest of the transaction. */
static int merge_lock(lb_store *s) {
  if (!s->pg || s->merge_locked) return 0;
  char sql[64];
  snprintf(sql, sizeof sql, "SELECT pg_advisory_xact_lock(%lld)", PG_LOCK_MERGE);
  if (exec(s, sql, "cannot take the merge lock")) return -1;
  s->merge_locked = 1;
  return 0;
}

/* Index the documents added in this transaction in one statement (SQLite;
** see schema.h, migration 2 -> 3). */
static int fts_flush(lb_store *s) {
  if (!s->fts_from || s->pg) return 0;
  lb_db_stmt *st = s->st[S_FTS_INS];
  lb_db_bind_int(st, 1, s->fts_from);
  s->fts_from = 0;
  return step(s, S_FTS_INS, "cannot index documents for full-text search");
}

/* Insert the names pairs kept for commit. */
static int names_flush(lb_store *s) {
  for (size_t i = 0; i < s->pnames.n; i++) {
    lb_db_stmt *st = s->st[S_NAME_INS];
    bs(st, 1, s->pnames.v[i].text);
    lb_db_bind_int(st, 2, s->pnames.v[i].ent);
    if (step(s, S_NAME_INS, "cannot insert a name")) return -1;
  }
  s->pnames.n = 0;
  return 0;
}

/* A document's share of one incident: its events merged into it. */
typedef struct share {
  int64_t inc;
  int reports, from, to;
  double gold;
} share;

static int flush_shares(lb_store *s, const share *sh, int n) {
  for (int k = 0; k < n; k++)
    if (lb_store_merge_add(s->merge, sh[k].inc, sh[k].reports, sh[k].gold, sh[k].from,
                           sh[k].to)) {
      db_err(s, "cannot update incidents");
      return -1;
    }
  return 0;
}

static void bind_val(lb_db_stmt *st, int i, const val *v) {
  switch (v->type) {
  case LB_DB_INT: lb_db_bind_int(st, i, v->i); break;
  case LB_DB_FLOAT: lb_db_bind_double(st, i, v->d); break;
  case LB_DB_TEXT: lb_db_bind_text(st, i, v->s, -1); break;
  default: lb_db_bind_null(st, i);
  }
}

/* Merge the events kept for commit into incidents and insert them, in the
** order their documents came; each document's share of an incident is
** added when the next document begins (as if it were stored alone). */
static int events_flush(lb_store *s) {
  share touched[256];
  int ntouched = 0;
  int64_t doc = 0;
  for (size_t e = 0; e < s->pev.n; e++) {
    pend_ev *p = &s->pev.v[e];
    if (p->doc != doc) {
      if (flush_shares(s, touched, ntouched)) return -1;
      ntouched = 0;
      doc = p->doc;
    }
    int64_t inc = 0;
    if (p->merge) {
      inc = lb_store_merge_find(s->merge, &p->m);
      if (inc < 0) {
        db_err(s, "cannot merge an event into incidents");
        return -1;
      }
      int k = 0;
      while (k < ntouched && touched[k].inc != inc) k++;
      if (k == ntouched && ntouched == 256) { /* flush the table: full */
        if (flush_shares(s, touched, ntouched)) return -1;
        ntouched = k = 0;
      }
      if (k == ntouched) {
        touched[k].inc = inc;
        touched[k].reports = 0;
        touched[k].gold = 0;
        touched[k].from = touched[k].to = 0;
        ntouched++;
      }
      touched[k].reports++;
      touched[k].gold += p->m.goldstein;
      if (p->m.day_from && (!touched[k].from || p->m.day_from < touched[k].from))
        touched[k].from = p->m.day_from;
      if (p->m.day_to > touched[k].to) touched[k].to = p->m.day_to;
    }
    lb_db_stmt *st = s->st[S_EV_INS];
    lb_db_bind_int(st, 1, p->doc);
    for (int i = 1; i < EV_COLS - 1; i++) bind_val(st, i + 1, &p->v[i]);
    if (inc)
      lb_db_bind_int(st, EV_COLS, inc);
    else
      lb_db_bind_null(st, EV_COLS);
    if (s->pg) { /* no R*Tree: nothing waits for the event's key */
      if (step(s, S_EV_INS, "cannot insert an event")) return -1;
      continue;
    }
    int64_t event = step_id(s, S_EV_INS, "cannot insert an event");
    if (event < 0) return -1;
    if (p->m.has_geo && s->st[S_EVGEO_INS]) {
      lb_db_stmt *g = s->st[S_EVGEO_INS];
      lb_db_bind_int(g, 1, event);
      lb_db_bind_double(g, 2, p->m.lat);
      lb_db_bind_double(g, 3, p->m.lon);
      if (step(s, S_EVGEO_INS, "cannot index an event's place")) return -1;
    }
  }
  if (flush_shares(s, touched, ntouched)) return -1;
  s->pev.n = 0;
  return 0;
}

/* What the transaction kept for commit: names, then events (under the
** merge lock on PostgreSQL), then the full-text index (SQLite). */
static int flush(lb_store *s) {
  if ((s->pnames.n || s->pev.n) && merge_lock(s)) return -1;
  if (names_flush(s) || events_flush(s) || fts_flush(s)) return -1;
  pend_clear(s);
  return 0;
}

lb_err lb_store_commit(lb_store *s) {
  if (flush(s) || exec(s, "COMMIT", "cannot commit")) {
    char keep[sizeof s->err];
    memcpy(keep, s->err, sizeof keep);
    lb_store_rollback(s);
    memcpy(s->err, keep, sizeof keep);
    return LB_ERR_DB;
  }
  s->in_tx = 0;
  s->merge_locked = 0;
  s->looked_up = 0;
  return LB_OK;
}

void lb_store_rollback(lb_store *s) {
  lb_db_sync(s->db); /* the answers of what was sent, errors included */
  lb_db_exec(s->db, "ROLLBACK");
  s->in_tx = 0;
  s->merge_locked = 0;
  s->fts_from = 0;
  s->looked_up = 0;
  pend_clear(s);
  smap_clear(&s->ents); /* rows inserted in the transaction are gone */
  smap_clear(&s->names);
}

/* Delete document `doc` and every row extracted from it; refresh the
** incidents its events were part of. */
static int remove_doc(lb_store *s, int64_t doc) {
  /* the delete trigger takes the document out of the FTS index: it must be
  ** in there first */
  if (s->fts_from && doc >= s->fts_from && fts_flush(s)) return -1;
  /* incidents and names change: under the merge lock, after what the
  ** documents added before kept for commit (the delete below asks about
  ** their names; their events are merged first, as they came first) */
  if (merge_lock(s) || names_flush(s) || events_flush(s)) return -1;
  int64_t inc[256];
  int ninc = 0, more = 0, rc;
  lb_db_stmt *st = s->st[S_DEL_INC];
  lb_db_bind_int(st, 1, doc);
  while ((rc = lb_db_step(st)) == LB_DB_ROW) {
    if (ninc < 256) inc[ninc++] = lb_db_int(st, 0);
    else more = 1;
  }
  lb_db_reset(st);
  if (rc == LB_DB_ERROR) {
    db_err(s, "cannot delete the old version of a document");
    return -1;
  }
  /* names first: it asks which mentions of the document are the last */
  lb_db_bind_int(s->st[S_DEL_NAMES], 1, doc);
  if (step(s, S_DEL_NAMES, "cannot delete the old version of a document")) return -1;
  smap_clear(&s->names);
  static const int del[] = {S_DEL_MEN,   S_DEL_QTY, S_DEL_DATE, S_DEL_CLAIM, S_DEL_SIG,
                            S_DEL_EVGEO, S_DEL_EV,  S_DOC_DEL};
  for (size_t i = 0; i < sizeof del / sizeof *del; i++) {
    if (!s->st[del[i]]) continue; /* SQLite's R*Tree */
    lb_db_bind_int(s->st[del[i]], 1, doc);
    if (step(s, del[i], "cannot delete the old version of a document")) return -1;
  }
  for (int i = 0; i < ninc; i++)
    if (lb_store_merge_refresh(s->merge, inc[i])) {
      db_err(s, "cannot update incidents");
      return -1;
    }
  if (more) /* a document with events in more than 256 incidents: sweep */
    if (exec(s, "UPDATE incidents SET reports = (SELECT count(*) FROM events e WHERE"
                " e.incident = incidents.incident)", "cannot update incidents") ||
        exec(s, "DELETE FROM incidents WHERE reports = 0", "cannot update incidents"))
      return -1;
  return 0;
}

int lb_store_remove(lb_store *s, const char *id) {
  lb_db_stmt *st = s->st[S_DOC_GET];
  bs(st, 1, id);
  int rc = lb_db_step(st);
  int64_t doc = rc == LB_DB_ROW ? lb_db_int(st, 0) : 0;
  lb_db_reset(st);
  if (rc == LB_DB_ERROR) {
    db_err(s, "cannot look up a document");
    return -1;
  }
  if (!doc) return 0;
  return remove_doc(s, doc) == 0 ? 1 : -1;
}

/* entities.ent of entity e, inserting it when new. */
static int64_t entity_row(lb_store *s, const lb_entity *e) {
  ent_slot *sl = smap_get(&s->ents, e->id);
  if (sl) return sl->ent;
  int64_t ent = 0;
  lb_db_stmt *st = s->st[S_ENT_GET];
  bs(st, 1, e->id);
  int rc = lb_db_step(st);
  if (rc == LB_DB_ROW) ent = lb_db_int(st, 0);
  lb_db_reset(st);
  if (rc == LB_DB_ERROR) {
    db_err(s, "cannot look up an entity");
    return -1;
  }
  if (!ent) {
    st = s->st[S_ENT_INS];
    bs(st, 1, e->id);
    bs(st, 2, e->name);
    bs(st, 3, e->type);
    bs(st, 4, e->actor);
    bs(st, 5, e->country);
    bs(st, 6, e->source);
    if (e->has_geo) {
      lb_db_bind_int(st, 7, e->geo.geonameid);
      lb_db_bind_double(st, 8, e->geo.lat);
      lb_db_bind_double(st, 9, e->geo.lon);
      bs(st, 10, e->geo.feature);
      bs(st, 11, e->geo.cc);
      bs(st, 13, e->geo.fips);
      bs(st, 14, e->geo.adm1);
    } else {
      for (int i = 7; i <= 11; i++) lb_db_bind_null(st, i);
      lb_db_bind_null(st, 13);
      lb_db_bind_null(st, 14);
    }
    lb_db_bind_int(st, 12, e->guess);
    ent = step_id(s, S_ENT_INS, "cannot insert an entity");
    if (ent < 0) return -1;
    if (!ent) { /* another writer inserted it just now */
      st = s->st[S_ENT_GET];
      bs(st, 1, e->id);
      rc = lb_db_step(st);
      if (rc == LB_DB_ROW) ent = lb_db_int(st, 0);
      lb_db_reset(st);
      if (!ent) {
        if (rc == LB_DB_ERROR) db_err(s, "cannot look up an entity");
        else set_err(s, "%s: entity %s vanished while it was inserted", s->path, e->id);
        return -1;
      }
    } else if (e->has_geo && s->st[S_ENTGEO_INS]) {
      st = s->st[S_ENTGEO_INS];
      lb_db_bind_int(st, 1, ent);
      lb_db_bind_double(st, 2, e->geo.lat);
      lb_db_bind_double(st, 3, e->geo.lon);
      if (step(s, S_ENTGEO_INS, "cannot index an entity's place")) return -1;
    }
  }
  if (smap_put(&s->ents, e->id, ent)) {
    set_err(s, "%s: out of memory", s->path);
    return -1;
  }
  return ent;
}

static int cmp_ent_id(const void *a, const void *b) {
  return strcmp((*(const lb_entity *const *)a)->id, (*(const lb_entity *const *)b)->id);
}

/* PostgreSQL array literals, element by element: {"a","b\"c",NULL,4.5}.
** A buffer holds "{" after arr_open; arr_close adds "}". */
static void arr_open(lb_buf *b) {
  lb_buf_reset(b);
  lb_buf_addc(b, '{');
}
static void arr_sep(lb_buf *b) {
  if (b->n > 1) lb_buf_addc(b, ',');
}
static void arr_text(lb_buf *b, const char *v) {
  arr_sep(b);
  if (!v) {
    lb_buf_adds(b, "NULL");
    return;
  }
  lb_buf_addc(b, '"');
  for (const char *p = v; *p; p++) {
    if (*p == '"' || *p == '\\') lb_buf_addc(b, '\\');
    lb_buf_addc(b, *p);
  }
  lb_buf_addc(b, '"');
}
static void arr_num(lb_buf *b, int has, double v, int integer) {
  arr_sep(b);
  if (!has)
    lb_buf_adds(b, "NULL");
  else if (integer)
    lb_buf_printf(b, "%lld", (long long)v);
  else
    lb_buf_printf(b, "%.17g", v);
}
static void arr_close(lb_buf *b) { lb_buf_addc(b, '}'); }

/* A PostgreSQL text array literal of v[0..n). */
static void pg_array(lb_buf *b, const char *const *v, size_t n) {
  arr_open(b);
  for (size_t i = 0; i < n; i++) arr_text(b, v[i]);
  arr_close(b);
}

static int lookup_entities(lb_store *s, const lb_entity **v, size_t m);

/* PostgreSQL: insert the entities v[0..m) (new, ids sorted) in one
** statement; into the entity map with their keys. Those another writer
** added meanwhile are not inserted: looked up again. */
static int insert_entities(lb_store *s, const lb_entity **v, size_t m) {
  lb_buf cols[14];
  memset(cols, 0, sizeof cols);
  for (int c = 0; c < 14; c++) arr_open(&cols[c]);
  for (size_t i = 0; i < m; i++) {
    const lb_entity *e = v[i];
    arr_text(&cols[0], e->id);
    arr_text(&cols[1], e->name);
    arr_text(&cols[2], e->type);
    arr_text(&cols[3], e->actor);
    arr_text(&cols[4], e->country);
    arr_text(&cols[5], e->source);
    arr_num(&cols[6], e->has_geo, e->has_geo ? (double)e->geo.geonameid : 0, 1);
    arr_num(&cols[7], e->has_geo, e->geo.lat, 0);
    arr_num(&cols[8], e->has_geo, e->geo.lon, 0);
    arr_text(&cols[9], e->has_geo ? e->geo.feature : NULL);
    arr_text(&cols[10], e->has_geo ? e->geo.cc : NULL);
    arr_num(&cols[11], 1, e->guess, 1);
    arr_text(&cols[12], e->has_geo ? e->geo.fips : NULL);
    arr_text(&cols[13], e->has_geo ? e->geo.adm1 : NULL);
  }
  lb_db_stmt *st = s->st[S_ENT_MANY];
  for (int c = 0; c < 14; c++) {
    arr_close(&cols[c]);
    lb_db_bind_text(st, c + 1, cols[c].p, (int)cols[c].n);
  }
  int rc, bad = 0;
  while ((rc = lb_db_step(st)) == LB_DB_ROW)
    if (!bad && smap_put(&s->ents, lb_db_text(st, 0), lb_db_int(st, 1))) bad = 1;
  lb_db_reset(st);
  for (int c = 0; c < 14; c++) lb_buf_free(&cols[c]);
  if (rc == LB_DB_ERROR) {
    db_err(s, "cannot insert entities");
    return -1;
  }
  if (bad) {
    set_err(s, "%s: out of memory", s->path);
    return -1;
  }
  /* not returned: inserted by another writer since the look-up */
  size_t k = 0;
  for (size_t i = 0; i < m; i++)
    if (!smap_get(&s->ents, v[i]->id)) v[k++] = v[i];
  if (k && lookup_entities(s, v, k)) return -1;
  for (size_t i = 0; i < k; i++)
    if (!smap_get(&s->ents, v[i]->id)) {
      set_err(s, "%s: entity %s vanished while it was inserted", s->path, v[i]->id);
      return -1;
    }
  return 0;
}

static uint64_t unhex16(const char *h) {
  uint64_t v = 0;
  for (int i = 0; i < 16 && h[i]; i++)
    v = v << 4 | (uint64_t)(h[i] <= '9' ? h[i] - '0' : (h[i] | 0x20) - 'a' + 10);
  return v;
}

/* PostgreSQL: the batch's documents as the store has them now (id ->
** key, hash), in one question; lb_store_add reads them from there. */
static int lookup_docs(lb_store *s, lb_doc *const *docs, size_t n) {
  const char **ids = malloc((n ? n : 1) * sizeof *ids);
  if (!ids) return -1;
  for (size_t k = 0; k < n; k++) ids[k] = docs[k]->id;
  pg_array(&s->scratch, ids, n);
  free(ids);
  smap_clear(&s->pre_doc);
  smap_clear(&s->pre_hash);
  lb_db_stmt *st = s->st[S_DOC_LOOKUP];
  lb_db_bind_text(st, 1, s->scratch.p, (int)s->scratch.n);
  int rc;
  while ((rc = lb_db_step(st)) == LB_DB_ROW) {
    const char *id = lb_db_text(st, 0), *h = lb_db_text(st, 2);
    if (smap_put(&s->pre_doc, id, lb_db_int(st, 1)) ||
        smap_put(&s->pre_hash, id, (int64_t)unhex16(h ? h : ""))) {
      lb_db_reset(st);
      set_err(s, "%s: out of memory", s->path);
      return -1;
    }
  }
  lb_db_reset(st);
  if (rc == LB_DB_ERROR) {
    db_err(s, "cannot look up documents");
    return -1;
  }
  s->looked_up = 1;
  return 0;
}

/* PostgreSQL: which of the entities v[0..m) the store has, in one
** question (into the entity map). */
static int lookup_entities(lb_store *s, const lb_entity **v, size_t m) {
  const char **ids = malloc((m ? m : 1) * sizeof *ids);
  if (!ids) return -1;
  for (size_t k = 0; k < m; k++) ids[k] = v[k]->id;
  pg_array(&s->scratch, ids, m);
  free(ids);
  lb_db_stmt *st = s->st[S_ENT_LOOKUP];
  lb_db_bind_text(st, 1, s->scratch.p, (int)s->scratch.n);
  int rc;
  while ((rc = lb_db_step(st)) == LB_DB_ROW)
    if (smap_put(&s->ents, lb_db_text(st, 0), lb_db_int(st, 1))) {
      lb_db_reset(st);
      set_err(s, "%s: out of memory", s->path);
      return -1;
    }
  lb_db_reset(st);
  if (rc == LB_DB_ERROR) {
    db_err(s, "cannot look up entities");
    return -1;
  }
  return 0;
}

lb_err lb_store_prepare(lb_store *s, lb_doc *const *docs, size_t n) {
  if (s->pg && lookup_docs(s, docs, n)) return LB_ERR_DB;
  size_t cnt = 0;
  for (size_t k = 0; k < n; k++) cnt += docs[k]->entities.n;
  if (!cnt) return LB_OK;
  const lb_entity **v = malloc(cnt * sizeof *v);
  if (!v) {
    set_err(s, "%s: out of memory", s->path);
    return LB_ERR_NOMEM;
  }
  size_t m = 0;
  for (size_t k = 0; k < n; k++)
    for (size_t i = 0; i < docs[k]->entities.n; i++) {
      const lb_entity *e = &docs[k]->entities.v[i];
      if (e->id && !smap_get(&s->ents, e->id)) v[m++] = e;
    }
  qsort(v, m, sizeof *v, cmp_ent_id);
  size_t u = 0; /* distinct */
  for (size_t i = 0; i < m; i++)
    if (!u || strcmp(v[i]->id, v[u - 1]->id) != 0) v[u++] = v[i];
  lb_err rc = LB_OK;
  if (s->pg && u) {
    if (lookup_entities(s, v, u)) rc = LB_ERR_DB;
    size_t k = 0; /* the new ones, in the order of their ids */
    for (size_t i = 0; i < u; i++)
      if (!smap_get(&s->ents, v[i]->id)) v[k++] = v[i];
    if (rc == LB_OK && k && insert_entities(s, v, k)) rc = LB_ERR_DB;
  } else {
    for (size_t i = 0; i < u && rc == LB_OK; i++)
      if (!smap_get(&s->ents, v[i]->id) && entity_row(s, v[i]) < 0) rc = LB_ERR_DB;
  }
  free(v);
  return rc;
}

/* PostgreSQL: a documents.doc key from the block taken ahead. */
static int64_t next_doc(lb_store *s) {
  if (s->nextid == s->nids) {
    lb_db_stmt *st = s->st[S_DOC_KEYS];
    lb_db_bind_int(st, 1, ID_BLOCK);
    int rc;
    s->nids = s->nextid = 0;
    while ((rc = lb_db_step(st)) == LB_DB_ROW && s->nids < ID_BLOCK)
      s->ids[s->nids++] = lb_db_int(st, 0);
    lb_db_reset(st);
    if (rc == LB_DB_ERROR || !s->nids) {
      db_err(s, "cannot take document keys");
      return -1;
    }
  }
  return s->ids[s->nextid++];
}

static const char *role_name(uint8_t r) {
  switch (r) {
  case LB_ROLE_PLACE: return "place";
  case LB_ROLE_ACTOR: return "actor";
  case LB_ROLE_ADJ: return "adj";
  case LB_ROLE_PLACEADJ: return "placeadj";
  default: return "name";
  }
}

static int add_entities(lb_store *s, const lb_doc *d, int64_t doc) {
  int n = 0; /* mentions.n: the mentions of the document, entity by entity */
  for (size_t i = 0; i < d->entities.n; i++) {
    const lb_entity *e = &d->entities.v[i];
    if (!e->id) continue;
    int64_t ent = entity_row(s, e);
    if (ent < 0) return -1;
    lb_db_stmt *st = s->st[S_MEN_INS];
    for (size_t k = 0; k < e->mentions.n; k++) {
      const lb_mention *m = &e->mentions.v[k];
      lb_db_bind_int(st, 1, doc);
      lb_db_bind_int(st, 2, n++);
      lb_db_bind_int(st, 3, ent);
      lb_db_bind_int(st, 4, m->start);
      lb_db_bind_int(st, 5, m->end);
      bspan(st, 6, d, m->start, m->end);
      bs(st, 7, m->actor);
      bs(st, 8, role_name(m->role));
      bidx(st, 9, DOC_SENTENCE_AT(d, m->start));
      bs(st, 10, m->rule);
      if (step(s, S_MEN_INS, "cannot insert a mention")) return -1;
      /* the (text, entity) pair into names at commit, once per writer
      ** session (the map is dropped at a million pairs: then ON CONFLICT
      ** DO NOTHING again) */
      uint32_t a = m->start, b = m->end;
      if (b > DOC_LEN(d)) b = (uint32_t)DOC_LEN(d);
      if (a > b) a = b;
      lb_buf *key = &s->key;
      lb_buf_reset(key);
      lb_json_int(key, ent);
      lb_buf_addc(key, '\t');
      lb_buf_add(key, DOC_TEXT(d) + a, b - a);
      if (s->names.n >= 1000000) smap_clear(&s->names);
      /* (a span with a NUL byte cannot be a map key: always kept) */
      int nul = memchr(key->p, 0, key->n) != NULL;
      if (nul || !smap_get(&s->names, key->p)) {
        pend_name *pn = LB_VEC_PUSH(s->pend, s->pnames);
        pn->ent = ent;
        pn->text = lb_arena_strndup(s->pend, DOC_TEXT(d) + a, b - a);
        if (!nul && smap_put(&s->names, key->p, 1)) {
          set_err(s, "%s: out of memory", s->path);
          return -1;
        }
      }
    }
  }
  return 0;
}

static int add_facts(lb_store *s, const lb_doc *d, int64_t doc) {
  lb_db_stmt *st = s->st[S_QTY_INS];
  for (size_t i = 0; i < d->quantities.n; i++) {
    const lb_quantity *q = &d->quantities.v[i];
    lb_db_bind_int(st, 1, doc);
    lb_db_bind_int(st, 2, (int64_t)i);
    lb_db_bind_int(st, 3, q->start);
    lb_db_bind_int(st, 4, q->end);
    bspan(st, 5, d, q->start, q->end);
    bnum(st, 6, q->has_value, q->value);
    bnum(st, 7, q->has_min, q->min);
    bnum(st, 8, q->has_max, q->max);
    lb_db_bind_int(st, 9, q->approx);
    bs(st, 10, q->unit);
    bs(st, 11, q->unit_text);
    bs(st, 12, q->category);
    bs(st, 13, q->of);
    bs(st, 14, q->place);
    bidx(st, 15, q->claim);
    bidx(st, 16, q->sentence);
    bs(st, 17, q->rule);
    if (step(s, S_QTY_INS, "cannot insert a quantity")) return -1;
  }
  st = s->st[S_DATE_INS];
  for (size_t i = 0; i < d->dates.n; i++) {
    const lb_date *x = &d->dates.v[i];
    lb_db_bind_int(st, 1, doc);
    lb_db_bind_int(st, 2, (int64_t)i);
    lb_db_bind_int(st, 3, x->start);
    lb_db_bind_int(st, 4, x->end);
    bspan(st, 5, d, x->start, x->end);
    bs(st, 6, x->from);
    bs(st, 7, x->to);
    bs(st, 8, x->granularity);
    lb_db_bind_int(st, 9, x->unresolved);
    lb_db_bind_int(st, 10, x->duration);
    bidx(st, 11, x->sentence);
    bs(st, 12, x->rule);
    if (step(s, S_DATE_INS, "cannot insert a date")) return -1;
  }
  st = s->st[S_CLAIM_INS];
  for (size_t i = 0; i < d->claims.n; i++) {
    const lb_claim *c = &d->claims.v[i];
    lb_db_bind_int(st, 1, doc);
    lb_db_bind_int(st, 2, (int64_t)i);
    bs(st, 3, c->speaker);
    bs(st, 4, c->speaker_text);
    bs(st, 5, c->verb);
    lb_db_bind_int(st, 6, c->start);
    lb_db_bind_int(st, 7, c->end);
    bspan(st, 8, d, c->start, c->end);
    lb_db_bind_int(st, 9, c->cue_start);
    lb_db_bind_int(st, 10, c->cue_end);
    if (c->speaker_end > c->speaker_start) {
      lb_db_bind_int(st, 11, c->speaker_start);
      lb_db_bind_int(st, 12, c->speaker_end);
    } else {
      lb_db_bind_null(st, 11);
      lb_db_bind_null(st, 12);
    }
    bidx(st, 13, c->sentence);
    bs(st, 14, c->rule);
    if (step(s, S_CLAIM_INS, "cannot insert a claim")) return -1;
  }
  st = s->st[S_SIG_INS];
  for (size_t i = 0; i < d->signals.n; i++) {
    const lb_signal *x = &d->signals.v[i];
    lb_db_bind_int(st, 1, doc);
    lb_db_bind_int(st, 2, (int64_t)i);
    bs(st, 3, x->kind ? x->kind : "");
    lb_db_bind_int(st, 4, x->start);
    lb_db_bind_int(st, 5, x->end);
    bs(st, 6, x->detail);
    bs(st, 7, x->rule);
    if (step(s, S_SIG_INS, "cannot insert a signal")) return -1;
  }
  return 0;
}

/* Row values kept for commit, strings copied into the transaction's arena. */
static val vtext(lb_store *s, const char *t) {
  val v = {t ? LB_DB_TEXT : LB_DB_NULL, 0, 0, t ? lb_arena_strdup(s->pend, t) : NULL};
  return v;
}
static val vspan(lb_store *s, const lb_doc *d, uint32_t a, uint32_t b) {
  if (b > DOC_LEN(d)) b = DOC_LEN(d);
  if (a > b) a = b;
  val v = {LB_DB_TEXT, 0, 0, lb_arena_strndup(s->pend, DOC_TEXT(d) + a, b - a)};
  return v;
}
static val vint(int has, int64_t i) {
  val v = {has ? LB_DB_INT : LB_DB_NULL, i, 0, NULL};
  return v;
}
static val vnum(int has, double x) {
  val v = {has ? LB_DB_FLOAT : LB_DB_NULL, 0, x, NULL};
  return v;
}

/* Copy the document's events, with what merging needs, for commit. */
static void keep_events(lb_store *s, const lb_doc *d, int64_t doc) {
  /* the publication day as the pipeline read it (0: none, or not a date) */
  int pub = d->pub_y && d->pub_m && d->pub_d ? d->pub_y * 10000 + d->pub_m * 100 + d->pub_d : 0;
  for (size_t i = 0; i < d->events.n; i++) {
    const lb_event *e = &d->events.v[i];
    pend_ev *p = LB_VEC_PUSH(s->pend, s->pev);
    p->doc = doc;
    val *v = p->v; /* v[k] is column k + 1 of S_EV_INS */
    v[1] = vint(1, (int64_t)i);
    v[2] = vtext(s, e->code);
    v[3] = vtext(s, e->root);
    v[4] = vint(1, e->quad_class);
    v[5] = vnum(1, e->goldstein);
    v[6] = vtext(s, e->source);
    v[7] = vtext(s, e->source_entity);
    v[8] = vtext(s, e->target);
    v[9] = vtext(s, e->target_entity);
    v[10] = vtext(s, e->place);
    const lb_entity *pl = NULL;
    if (e->place) {
      int32_t k = lb_doc_entity_find(d, e->place);
      if (k >= 0) pl = &d->entities.v[k];
    }
    int geo = pl && pl->has_geo;
    v[11] = vtext(s, pl ? pl->name : NULL);
    v[12] = vnum(geo, geo ? pl->geo.lat : 0);
    v[13] = vnum(geo, geo ? pl->geo.lon : 0);
    v[14] = vtext(s, geo ? pl->geo.cc : NULL);
    v[15] = vint(geo, geo ? pl->geo.geonameid : 0);
    v[16] = vtext(s, geo ? pl->geo.feature : NULL);
    v[17] = vtext(s, e->date);
    v[18] = vtext(s, e->date_granularity);
    int from, to;
    if (!lb_store_date_range(e->date, &from, &to)) {
      from = to = pub;
    }
    v[19] = vint(from != 0, from);
    v[20] = vint(to != 0, to);
    lb_buf *b = &s->scratch;
    lb_buf_reset(b);
    lb_buf_addc(b, '[');
    for (size_t k = 0; k < e->quantities.n; k++) {
      if (k) lb_buf_addc(b, ',');
      lb_json_int(b, e->quantities.v[k]);
    }
    lb_buf_addc(b, ']');
    v[21] = vtext(s, b->p);
    v[22] = vint(e->claim >= 0, e->claim);
    v[23] = vint(e->sentence >= 0, e->sentence);
    v[24] = vint(1, e->start);
    v[25] = vint(1, e->end);
    v[26] = vspan(s, d, e->start, e->end);
    v[27] = vtext(s, e->rule);
    v[28] = vtext(s, e->mood);
    v[29] = vtext(s, geo ? pl->geo.fips : NULL);
    v[30] = vtext(s, geo ? pl->geo.adm1 : NULL);
    /* GDELT's Day: the event's own day, or the publication day when its date
    ** is no day ("im November", "seit August") or it has none */
    int own = e->date && e->date_granularity && strcmp(e->date_granularity, "day") == 0 &&
              from && from == to;
    int day = own ? from : pub;
    v[31] = vint(day != 0, day);
    v[32] = vtext(s, e->reported ? e->reported : (pub ? d->published : NULL));
    v[33] = vtext(s, e->plover_event);
    v[34] = vtext(s, e->plover_mode);
    v[35] = vtext(s, e->plover_context);
    /* what merging reads, pointing at the copies */
    lb_store_mev *m = &p->m;
    m->root = v[3].s;
    m->code = v[2].s;
    m->source = v[6].s;
    m->target = v[8].s;
    m->source_entity = v[7].s;
    m->target_entity = v[9].s;
    m->place = v[10].s;
    m->place_name = v[11].s;
    m->has_geo = geo;
    m->lat = v[12].d;
    m->lon = v[13].d;
    m->day_from = from;
    m->day_to = to;
    m->quad_class = e->quad_class;
    m->goldstein = e->goldstein;
    p->merge = e->root && !e->mood; /* only asserted events make incidents */
  }
}

int lb_store_check_published(const lb_doc *d, char *msg, size_t n) {
  if (!d->published || !*d->published) return 0;
  const char *id = d->id ? d->id : "";
  int more = strlen(id) > 100;
  if (!d->pub_y || !d->pub_m || !d->pub_d) {
    snprintf(msg, n,
             "document \"%.100s%s\": publication date \"%.40s\" is no date (YYYY-MM-DD, RFC 822, "
             "RFC 3339 or 11.11.2024); the document was not stored",
             id, more ? "..." : "", d->published);
    return -1;
  }
  time_t now = time(NULL) + 24 * 3600;
  struct tm tm;
  gmtime_r(&now, &tm);
  int day = d->pub_y * 10000 + d->pub_m * 100 + d->pub_d;
  int tomorrow = (tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 + tm.tm_mday;
  if (day < 19000101 || day > tomorrow) {
    snprintf(msg, n,
             "document \"%.100s%s\": publication date %04d-%02d-%02d is outside 1900-01-01 .. "
             "%04d-%02d-%02d (tomorrow); the document was not stored",
             id, more ? "..." : "", d->pub_y, d->pub_m, d->pub_d, tm.tm_year + 1900,
             tm.tm_mon + 1, tm.tm_mday);
    return -1;
  }
  return 0;
}

lb_err lb_store_add(lb_store *s, const lb_doc *d, uint64_t hash, const char *origin,
                    int *status) {
  char hx[17];
  hex16(hash, hx);
  *status = LB_STORE_ADDED;
  if (lb_store_check_published(d, s->err, sizeof s->err)) return LB_ERR_USAGE;
  int64_t old = 0;
  lb_db_stmt *st;
  if (s->looked_up) { /* PostgreSQL, the batch looked up (lb_store_prepare) */
    ent_slot *sd = smap_get(&s->pre_doc, d->id);
    if (sd) {
      old = sd->ent;
      if ((uint64_t)smap_get(&s->pre_hash, d->id)->ent == hash) *status = LB_STORE_SAME;
    }
  } else {
    st = s->st[S_DOC_GET];
    bs(st, 1, d->id);
    int rc = lb_db_step(st);
    if (rc == LB_DB_ROW) {
      const char *h = lb_db_text(st, 1);
      if (h && strcmp(h, hx) == 0) *status = LB_STORE_SAME;
      old = lb_db_int(st, 0);
    }
    lb_db_reset(st);
    if (rc == LB_DB_ERROR) {
      db_err(s, "cannot look up a document");
      return LB_ERR_DB;
    }
  }
  if (*status == LB_STORE_SAME) return LB_OK;
  if (old) {
    if (remove_doc(s, old)) return LB_ERR_DB;
    *status = LB_STORE_REPLACED;
  }
  st = s->st[S_DOC_INS];
  lb_buf *b = &s->scratch;
  lb_buf_reset(b);
  if (DOC_WARNINGS(d).n) {
    lb_buf_addc(b, '[');
    for (size_t i = 0; i < DOC_WARNINGS(d).n; i++) {
      if (i) lb_buf_addc(b, ',');
      lb_json_cstr(b, DOC_WARNINGS(d).v[i]);
    }
    lb_buf_addc(b, ']');
  }
  bs(st, 1, d->id);
  lb_db_bind_text(st, 2, hx, 16);
  bs(st, 3, DOC_LANG(d));
  bs(st, 4, d->published);
  bs(st, 5, d->title);
  bs(st, 6, d->url);
  bs(st, 7, origin);
  lb_db_bind_int(st, 8, DOC_LEN(d));
  lb_db_bind_text(st, 9, DOC_TEXT(d), (int)DOC_LEN(d));
  if (b->n)
    lb_db_bind_text(st, 10, b->p, (int)b->n);
  else
    lb_db_bind_null(st, 10);
  /* sentences as [[start,end],...], [start,end,1] for a headline (schema.h,
  ** migration 3 -> 4) */
  lb_buf *sb = &s->sents;
  lb_buf_reset(sb);
  lb_buf_addc(sb, '[');
  for (size_t i = 0; i < DOC_SENTS(d).n; i++) {
    const lb_sent *x = &DOC_SENTS(d).v[i];
    lb_buf_adds(sb, i ? ",[" : "[");
    lb_json_int(sb, x->start);
    lb_buf_addc(sb, ',');
    lb_json_int(sb, x->end);
    if (x->headline) lb_buf_adds(sb, ",1");
    lb_buf_addc(sb, ']');
  }
  lb_buf_addc(sb, ']');
  lb_db_bind_text(st, 11, sb->p, (int)sb->n);
  int64_t doc;
  if (s->pg) {
    if ((doc = next_doc(s)) < 0) return LB_ERR_DB;
    lb_db_bind_int(st, 12, doc);
    if (step(s, S_DOC_INS, "cannot insert a document")) return LB_ERR_DB;
    if (s->looked_up && (smap_put(&s->pre_doc, d->id, doc) ||
                         smap_put(&s->pre_hash, d->id, (int64_t)hash))) {
      set_err(s, "%s: out of memory", s->path);
      return LB_ERR_DB;
    }
  } else {
    doc = step_id(s, S_DOC_INS, "cannot insert a document");
    if (doc <= 0) {
      if (doc == 0) set_err(s, "%s: a document was not inserted", s->path);
      return LB_ERR_DB;
    }
  }
  if (!s->fts_from) s->fts_from = doc;
  if (add_facts(s, d, doc) || add_entities(s, d, doc)) return LB_ERR_DB;
  keep_events(s, d, doc);
  return LB_OK;
}
