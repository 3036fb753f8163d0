/*
** store.c -- open, check, migrate and fill the SQLite store (see store.h).
**
** Opening is careful because the file may be anything: a writer first takes
** an exclusive flock on the file (a second `lagebild ingest` fails at once),
** then reads the schema version without writing, and refuses files that are
** not SQLite, not a lagebild store, corrupt, read-only or of a newer schema
** before it changes a byte. Only then does it switch to WAL and create or
** migrate the tables.
**
** Adding a document reads its lb_doc directly: every fact becomes one row
** through a prepared statement (the sentences one JSON array in the
** document's row); text is bound without copying (the strings live in the
** document's arena until the statement ran). Global entities are looked up
** through an in-memory map from id to row, and the names (text, entity)
** pairs already stored through another (both cleared on rollback, since
** the rows they point to are then gone). The writer's work per document is
** what bounds ingest: docs/store.md, "Speed", says where it goes.
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
#include <unistd.h>

#include "../base/buf.h"
#include "../base/json.h"
#include "../doc/doc.h"
#include "merge.h"
#include "schema.h"

_Static_assert(LB_STORE_SCHEMA_VERSION == 1 + LB_STORE_NMIGRATIONS,
               "one migration per schema version after the first");

enum {
  S_DOC_GET, S_DOC_INS, S_DOC_DEL, S_ENT_GET, S_ENT_INS, S_ENTGEO_INS, S_MEN_INS,
  S_NAME_INS, S_DEL_NAMES, S_QTY_INS, S_DATE_INS, S_CLAIM_INS, S_SIG_INS, S_EV_INS,
  S_EVGEO_INS, S_DEL_MEN, S_DEL_QTY, S_DEL_DATE, S_DEL_CLAIM, S_DEL_SIG, S_DEL_EVGEO,
  S_DEL_INC, S_DEL_EV, S_FTS_INS, S_N
};

static const char *const SQL[S_N] = {
    [S_DOC_GET] = "SELECT doc, hash FROM documents WHERE id = ?1",
    [S_DOC_INS] = "INSERT INTO documents(id, hash, lang, published, title, url, origin, bytes,"
                  " text, warnings, sentences) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10,"
                  " ?11)",
    [S_DOC_DEL] = "DELETE FROM documents WHERE doc = ?1",
    [S_ENT_GET] = "SELECT ent FROM entities WHERE id = ?1",
    [S_ENT_INS] = "INSERT INTO entities(id, name, type, actor, country, source, geonameid, lat,"
                  " lon, feature, cc, guess) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12)",
    [S_ENTGEO_INS] = "INSERT OR REPLACE INTO entities_geo VALUES (?1, ?2, ?2, ?3, ?3)",
    [S_MEN_INS] = "INSERT INTO mentions(doc, n, ent, start, end, text, actor, role, sentence,"
                  " rule) VALUES (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10)",
    [S_NAME_INS] = "INSERT OR IGNORE INTO names(text, ent) VALUES (?1, ?2)",
    /* the names only the mentions of document ?1 stand for */
    [S_DEL_NAMES] = "DELETE FROM names WHERE ent IN (SELECT ent FROM mentions WHERE doc = ?1)"
                    " AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.ent = names.ent"
                    " AND m.text = names.text COLLATE NOCASE AND m.doc <> ?1)",
    [S_QTY_INS] = "INSERT INTO quantities(doc, n, start, end, text, value, min, max, approx,"
                  " unit, unit_text, category, of, place, claim, sentence, rule) VALUES"
                  " (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17)",
    [S_DATE_INS] = "INSERT INTO dates(doc, n, start, end, text, date_from, date_to, granularity,"
                   " unresolved, duration, sentence, rule) VALUES"
                   " (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12)",
    [S_CLAIM_INS] = "INSERT INTO claims(doc, n, speaker, speaker_text, verb, start, end, text,"
                    " cue_start, cue_end, speaker_start, speaker_end, sentence, rule) VALUES"
                    " (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14)",
    [S_SIG_INS] = "INSERT INTO signals(doc, n, kind, start, end, detail, rule) VALUES"
                  " (?1,?2,?3,?4,?5,?6,?7)",
    [S_EV_INS] = "INSERT INTO events(doc, n, code, root, quad_class, goldstein, source,"
                 " source_entity, target, target_entity, place, place_name, lat, lon, cc,"
                 " geonameid, feature, date, date_granularity, day_from, day_to, quantities,"
                 " claim, sentence, start, end, text, rule, mood, incident) VALUES"
                 " (?1,?2,?3,?4,?5,?6,?7,?8,?9,?10,?11,?12,?13,?14,?15,?16,?17,?18,?19,?20,"
                 "?21,?22,?23,?24,?25,?26,?27,?28,?29,?30)",
    [S_EVGEO_INS] = "INSERT INTO events_geo VALUES (?1, ?2, ?2, ?3, ?3)",
    [S_DEL_MEN] = "DELETE FROM mentions WHERE doc = ?1",
    [S_DEL_QTY] = "DELETE FROM quantities WHERE doc = ?1",
    [S_DEL_DATE] = "DELETE FROM dates WHERE doc = ?1",
    [S_DEL_CLAIM] = "DELETE FROM claims WHERE doc = ?1",
    [S_DEL_SIG] = "DELETE FROM signals WHERE doc = ?1",
    [S_DEL_EVGEO] = "DELETE FROM events_geo WHERE event IN (SELECT event FROM events WHERE doc = ?1)",
    [S_DEL_INC] = "SELECT DISTINCT incident FROM events WHERE doc = ?1 AND incident IS NOT NULL"
                  " ORDER BY incident",
    [S_DEL_EV] = "DELETE FROM events WHERE doc = ?1",
    [S_FTS_INS] = "INSERT INTO documents_fts(rowid, title, text)"
                  " SELECT doc, title, text FROM documents WHERE doc >= ?1",
};

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

struct lb_store {
  sqlite3 *db;
  int mode, version, lockfd, in_tx;
  int64_t fts_from; /* first document of this transaction not yet in FTS, 0 = none */
  char *path;
  sqlite3_stmt *st[S_N];
  lb_store_merge *merge;
  smap ents;  /* entities.id -> ent */
  smap names; /* names rows known to be stored, key "ent\ttext" */
  lb_buf key; /* scratch for names keys */
  lb_buf scratch;
  lb_buf sents; /* documents.sentences of the document being added */
  char err[512];
};

static void set_err(lb_store *s, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void set_err(lb_store *s, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(s->err, sizeof s->err, fmt, ap);
  va_end(ap);
}

/* A message for a failed SQLite call that says what it means for the user. */
static void db_err(lb_store *s, const char *what) {
  int rc = sqlite3_extended_errcode(s->db) & 0xff;
  const char *hint = "";
  if (rc == SQLITE_NOTADB) hint = " (not a SQLite database)";
  else if (rc == SQLITE_CORRUPT) hint = " (the database file is corrupt; nothing was changed)";
  else if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) hint = " (locked by another writer)";
  else if (rc == SQLITE_READONLY) hint = " (the file is read-only)";
  else if (rc == SQLITE_FULL) hint = " (disk full)";
  set_err(s, "%s: %s: %s%s", s->path, what, sqlite3_errmsg(s->db), hint);
}

static int exec(lb_store *s, const char *sql, const char *what) {
  if (sqlite3_exec(s->db, sql, NULL, NULL, NULL) != SQLITE_OK) {
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

static int smap_put(smap *m, const char *key, int64_t val) {
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
  sl->ent = val;
  return 0;
}

/* ---- opening ---- */

static int pragma_int(lb_store *s, const char *sql, int *out) {
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK) return -1;
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) *out = sqlite3_column_int(st, 0);
  sqlite3_finalize(st);
  return rc == SQLITE_ROW ? 0 : -1;
}

static int meta_get(lb_store *s, const char *key, char *out, size_t n) {
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(s->db, "SELECT value FROM meta WHERE key = ?1", -1, &st, NULL))
    return -1;
  sqlite3_bind_text(st, 1, key, -1, SQLITE_STATIC);
  int rc = sqlite3_step(st), found = 0;
  if (rc == SQLITE_ROW) {
    snprintf(out, n, "%s", (const char *)sqlite3_column_text(st, 0));
    found = 1;
  }
  sqlite3_finalize(st);
  return found ? 0 : -1;
}

static int create_schema(lb_store *s, const lb_store_opts *o) {
  char sql[512];
  snprintf(sql, sizeof sql,
           "INSERT INTO meta VALUES ('schema_version', '%d');"
           "INSERT INTO meta VALUES ('created_by', 'lagebild %s');"
           "INSERT INTO meta VALUES ('radius_km', '%g');"
           "INSERT INTO meta VALUES ('window_days', '%d');"
           "PRAGMA user_version = %d;",
           LB_STORE_SCHEMA_VERSION, LB_VERSION, o->radius_km, o->window_days,
           LB_STORE_SCHEMA_VERSION);
  if (exec(s, "BEGIN IMMEDIATE", "cannot start creating the store")) return -1;
  int bad = exec(s, LB_STORE_SCHEMA_V1, "cannot create the tables");
  for (int k = 0; k < LB_STORE_NMIGRATIONS && !bad; k++)
    bad = exec(s, LB_STORE_MIGRATIONS[k], "cannot create the tables");
  if (bad || exec(s, sql, "cannot write the schema version") ||
      exec(s, "COMMIT", "cannot commit the new tables")) {
    sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
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
  sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
  return -1;
}

static int prepare_all(lb_store *s) {
  for (int i = 0; i < S_N; i++)
    if (sqlite3_prepare_v3(s->db, SQL[i], -1, SQLITE_PREPARE_PERSISTENT, &s->st[i], NULL)) {
      db_err(s, "cannot prepare statements");
      return -1;
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
static int open_immutable(lb_store *s) {
  lb_buf u = LB_BUF_INIT;
  lb_buf_adds(&u, "file:");
  for (const char *p = s->path; *p; p++) {
    if (*p == '%' || *p == '?' || *p == '#')
      lb_buf_printf(&u, "%%%02X", (unsigned char)*p);
    else
      lb_buf_addc(&u, *p);
  }
  lb_buf_adds(&u, "?immutable=1");
  int rc = sqlite3_open_v2(u.p, &s->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_URI, NULL);
  lb_buf_free(&u);
  if (rc != SQLITE_OK) {
    db_err(s, "cannot open");
    return -1;
  }
  sqlite3_extended_result_codes(s->db, 1);
  return 0;
}

lb_err lb_store_open(const char *path, int mode, const lb_store_opts *opts, lb_store **out,
                     char *err, size_t errlen) {
  *out = NULL;
  lb_store *s = calloc(1, sizeof *s);
  if (!s || !(s->path = strdup(path))) {
    free(s);
    snprintf(err, errlen, "%s: out of memory", path);
    return LB_ERR_NOMEM;
  }
  s->mode = mode;
  s->lockfd = -1;
  lb_store_opts def = {50.0, 3};
  if (!opts) opts = &def;
  lb_err code = LB_ERR_DB;
  struct stat st;
  int exists = stat(path, &st) == 0;
  if (exists && !S_ISREG(st.st_mode)) {
    set_err(s, "%s: not a regular file", path);
    goto fail;
  }
  if (mode == LB_STORE_WRITE) {
    if (exists && access(path, W_OK) != 0) {
      set_err(s, "%s: the file is read-only (%s); nothing changed", path, strerror(errno));
      code = LB_ERR_IO;
      goto fail;
    }
    /* The writer lock. flock locks are separate from SQLite's POSIX locks;
    ** the descriptor stays open until after sqlite3_close (closing another
    ** descriptor of the file would drop SQLite's own locks). */
    s->lockfd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (s->lockfd < 0) {
      set_err(s, "%s: cannot open: %s", path, strerror(errno));
      code = LB_ERR_IO;
      goto fail;
    }
    if (flock(s->lockfd, LOCK_EX | LOCK_NB) != 0) {
      set_err(s, "%s: locked by another writer (is another `lagebild ingest` running?); "
                 "nothing changed", path);
      goto fail;
    }
    /* NOMUTEX: the writer's connection is used by one thread at a time
    ** (opened here, then the ingest writer thread, closed here again), so
    ** SQLite's per-call connection mutex is pure cost (~5 % of writer CPU). */
    if (sqlite3_open_v2(path, &s->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL)) {
      db_err(s, "cannot open");
      goto fail;
    }
  } else {
    if (!exists) {
      set_err(s, "%s: no such store (create it with `lagebild ingest %s FILE...`)", path, path);
      code = LB_ERR_IO;
      goto fail;
    }
    if (sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READONLY, NULL)) {
      db_err(s, "cannot open");
      goto fail;
    }
  }
  sqlite3_busy_timeout(s->db, 3000);
  sqlite3_extended_result_codes(s->db, 1);
  if (check_file(s)) {
    /* A WAL store in a place we may not write (a read-only copy, another
    ** user's directory) cannot get its -shm file: read it as immutable. */
    int rc = sqlite3_extended_errcode(s->db) & 0xff;
    if (mode != LB_STORE_READ || (rc != SQLITE_READONLY && rc != SQLITE_CANTOPEN)) goto fail;
    sqlite3_close(s->db);
    s->db = NULL;
    if (open_immutable(s)) goto fail;
    if (check_file(s)) goto fail;
  }
  if (mode == LB_STORE_WRITE) {
    if (sqlite3_db_readonly(s->db, "main") == 1) {
      set_err(s, "%s: the file is read-only; nothing changed", path);
      goto fail;
    }
    /* Small stores get a full structural check before we write; for big
    ** ones it would cost seconds, and SQLite still reports corruption on
    ** the pages a transaction touches (which is then rolled back). */
    if (s->version > 0 && st.st_size < (256 << 20)) {
      sqlite3_stmt *q;
      if (sqlite3_prepare_v2(s->db, "PRAGMA quick_check", -1, &q, NULL) == SQLITE_OK) {
        int rc = sqlite3_step(q);
        const char *r = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(q, 0) : NULL;
        if (!r || strcmp(r, "ok") != 0) {
          set_err(s, "%s: the database file is corrupt (%s); nothing changed", path,
                  r ? r : sqlite3_errmsg(s->db));
          sqlite3_finalize(q);
          goto fail;
        }
        sqlite3_finalize(q);
      } else {
        db_err(s, "cannot check the file");
        goto fail;
      }
    }
    /* A new store gets 16 KB pages (fixed once the file has its first
    ** page, which the write lock below already writes): commits write
    ** fewer WAL frames than with 4 KB pages (commit CPU 0.23 s -> 0.09 s
    ** for 10,000 bench documents). */
    if (s->version == 0 && exec(s, "PRAGMA page_size = 16384", "cannot set up")) goto fail;
    /* Take and release the write lock once: another process holding it
    ** (an sqlite3 shell in a transaction) is reported now, not mid-run. */
    if (exec(s, "BEGIN IMMEDIATE", "cannot lock for writing") || exec(s, "COMMIT", "commit")) {
      goto fail;
    }
    /* WAL: readers (query, serve) work while we write. synchronous=FULL:
    ** COMMIT returns once the transaction is synced to the WAL file, so a
    ** killed process or a power loss keeps every committed transaction (the
    ** issue's promise). With 4096 documents per transaction that is ~14
    ** fsyncs for the 57k-document bench corpus; NORMAL measured the same
    ** (10,000 bench documents, --stages text: 0.98-1.04 s vs 0.96-0.97 s). A 256 MB page cache keeps the index pages of a big store in
    ** memory; a checkpoint every 4096 pages instead of 1000 copies a page
    ** that several transactions change once (docs/store.md, "Speed"). */
    if (exec(s, "PRAGMA journal_mode = WAL", "cannot switch to WAL") ||
        exec(s, "PRAGMA synchronous = FULL; PRAGMA cache_size = -262144;"
                "PRAGMA temp_store = MEMORY; PRAGMA wal_autocheckpoint = 4096",
             "cannot set up"))
      goto fail;
    if (s->version == 0) {
      if (create_schema(s, opts)) goto fail;
    } else if (s->version < LB_STORE_SCHEMA_VERSION) {
      if (migrate(s, s->version)) goto fail;
    }
    s->version = LB_STORE_SCHEMA_VERSION;
    if (prepare_all(s)) goto fail;
  } else if (s->version == 0) {
    set_err(s, "%s: an empty file, not a lagebild store", path);
    goto fail;
  }
  *out = s;
  return LB_OK;
fail:
  snprintf(err, errlen, "%s", s->err[0] ? s->err : "cannot open the store");
  lb_store_close(s);
  return code;
}

void lb_store_close(lb_store *s) {
  if (!s) return;
  if (s->in_tx) lb_store_rollback(s);
  for (int i = 0; i < S_N; i++) sqlite3_finalize(s->st[i]);
  lb_store_merge_free(s->merge);
  if (s->db) sqlite3_close(s->db);
  if (s->lockfd >= 0) close(s->lockfd);
  smap_clear(&s->ents);
  smap_clear(&s->names);
  lb_buf_free(&s->key);
  lb_buf_free(&s->scratch);
  lb_buf_free(&s->sents);
  free(s->path);
  free(s);
}

sqlite3 *lb_store_db(lb_store *s) { return s->db; }
const char *lb_store_errmsg(const lb_store *s) { return s->err; }
int lb_store_version(const lb_store *s) { return s->version; }

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

uint64_t lb_store_hash(const lb_doc *d) {
  uint64_t h = FNV0;
  const char *parts[] = {d->id, d->tx.lang, d->published, d->title, d->url};
  for (size_t i = 0; i < sizeof parts / sizeof *parts; i++) {
    if (parts[i]) h = hash_str(parts[i], strlen(parts[i]), h);
    h = hash_str("\x1f", 1, h); /* field separator: ("ab","") != ("a","b") */
  }
  return hash_str(d->tx.text, d->tx.len, h);
}

static void hex16(uint64_t h, char out[17]) {
  static const char x[] = "0123456789abcdef";
  for (int i = 15; i >= 0; i--, h >>= 4) out[i] = x[h & 15];
  out[16] = 0;
}

static void bs(sqlite3_stmt *st, int i, const char *s) {
  if (s)
    sqlite3_bind_text(st, i, s, -1, SQLITE_STATIC);
  else
    sqlite3_bind_null(st, i);
}
static void bspan(sqlite3_stmt *st, int i, const lb_doc *d, uint32_t a, uint32_t b) {
  if (b > d->tx.len) b = d->tx.len;
  if (a > b) a = b;
  sqlite3_bind_text(st, i, d->tx.text + a, (int)(b - a), SQLITE_STATIC);
}
static void bidx(sqlite3_stmt *st, int i, int32_t v) {
  if (v < 0)
    sqlite3_bind_null(st, i);
  else
    sqlite3_bind_int(st, i, v);
}

static int step(lb_store *s, int which, const char *what) {
  sqlite3_stmt *st = s->st[which];
  int rc = sqlite3_step(st);
  sqlite3_reset(st);
  if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
    db_err(s, what);
    return -1;
  }
  return 0;
}

int lb_store_known(lb_store *s, const char *id, uint64_t hash) {
  sqlite3_stmt *st = s->st[S_DOC_GET];
  if (!st) {
    if (sqlite3_prepare_v3(s->db, SQL[S_DOC_GET], -1, SQLITE_PREPARE_PERSISTENT,
                           &s->st[S_DOC_GET], NULL)) {
      db_err(s, "cannot prepare");
      return -1;
    }
    st = s->st[S_DOC_GET];
  }
  char hx[17];
  hex16(hash, hx);
  sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
  int rc = sqlite3_step(st), same = 0;
  if (rc == SQLITE_ROW) same = strcmp((const char *)sqlite3_column_text(st, 1), hx) == 0;
  sqlite3_reset(st);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
    db_err(s, "cannot look up a document");
    return -1;
  }
  return same;
}

lb_err lb_store_begin(lb_store *s) {
  if (exec(s, "BEGIN IMMEDIATE", "cannot begin a transaction")) return LB_ERR_DB;
  s->in_tx = 1;
  return LB_OK;
}

/* Index the documents added in this transaction in one statement (see
** schema.h, migration 2 -> 3). */
static int fts_flush(lb_store *s) {
  if (!s->fts_from) return 0;
  sqlite3_stmt *st = s->st[S_FTS_INS];
  sqlite3_bind_int64(st, 1, s->fts_from);
  s->fts_from = 0;
  return step(s, S_FTS_INS, "cannot index documents for full-text search");
}

lb_err lb_store_commit(lb_store *s) {
  if (fts_flush(s)) {
    lb_store_rollback(s);
    return LB_ERR_DB;
  }
  if (exec(s, "COMMIT", "cannot commit")) {
    lb_store_rollback(s);
    return LB_ERR_DB;
  }
  s->in_tx = 0;
  return LB_OK;
}

void lb_store_rollback(lb_store *s) {
  sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
  s->in_tx = 0;
  s->fts_from = 0;
  smap_clear(&s->ents); /* rows inserted in the transaction are gone */
  smap_clear(&s->names);
}

/* Delete document `doc` and every row extracted from it; refresh the
** incidents its events were part of. */
static int remove_doc(lb_store *s, int64_t doc) {
  /* the delete trigger takes the document out of the FTS index: it must be
  ** in there first */
  if (s->fts_from && doc >= s->fts_from && fts_flush(s)) return -1;
  int64_t inc[256];
  int ninc = 0, more = 0;
  sqlite3_stmt *st = s->st[S_DEL_INC];
  sqlite3_bind_int64(st, 1, doc);
  while (sqlite3_step(st) == SQLITE_ROW) {
    if (ninc < 256) inc[ninc++] = sqlite3_column_int64(st, 0);
    else more = 1;
  }
  sqlite3_reset(st);
  /* names first: it asks which mentions of the document are the last */
  sqlite3_bind_int64(s->st[S_DEL_NAMES], 1, doc);
  if (step(s, S_DEL_NAMES, "cannot delete the old version of a document")) return -1;
  smap_clear(&s->names);
  static const int del[] = {S_DEL_MEN,   S_DEL_QTY, S_DEL_DATE, S_DEL_CLAIM, S_DEL_SIG,
                            S_DEL_EVGEO, S_DEL_EV,  S_DOC_DEL};
  for (size_t i = 0; i < sizeof del / sizeof *del; i++) {
    sqlite3_bind_int64(s->st[del[i]], 1, doc);
    if (step(s, del[i], "cannot delete the old version of a document")) return -1;
  }
  for (int i = 0; i < ninc; i++)
    if (lb_store_merge_refresh(s->merge, inc[i])) {
      db_err(s, "cannot update incidents");
      return -1;
    }
  if (more) /* a document with events in more than 256 incidents: sweep */
    if (exec(s, "UPDATE incidents SET reports = (SELECT count(*) FROM events e WHERE"
                " e.incident = incidents.incident); DELETE FROM incidents WHERE reports = 0",
             "cannot update incidents"))
      return -1;
  return 0;
}

int lb_store_remove(lb_store *s, const char *id) {
  sqlite3_stmt *st = s->st[S_DOC_GET];
  sqlite3_bind_text(st, 1, id, -1, SQLITE_STATIC);
  int rc = sqlite3_step(st);
  int64_t doc = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
  sqlite3_reset(st);
  if (!doc) return 0;
  return remove_doc(s, doc) == 0 ? 1 : -1;
}

/* entities.ent of the document's entity e, inserting it when new. */
static int64_t entity_row(lb_store *s, const lb_entity *e) {
  ent_slot *sl = smap_get(&s->ents, e->id);
  if (sl) return sl->ent;
  int64_t ent = 0;
  sqlite3_stmt *st = s->st[S_ENT_GET];
  sqlite3_bind_text(st, 1, e->id, -1, SQLITE_STATIC);
  int rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) ent = sqlite3_column_int64(st, 0);
  sqlite3_reset(st);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
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
      sqlite3_bind_int64(st, 7, e->geo.geonameid);
      sqlite3_bind_double(st, 8, e->geo.lat);
      sqlite3_bind_double(st, 9, e->geo.lon);
      bs(st, 10, e->geo.feature);
      bs(st, 11, e->geo.cc);
    } else {
      for (int i = 7; i <= 11; i++) sqlite3_bind_null(st, i);
    }
    sqlite3_bind_int(st, 12, e->guess);
    if (step(s, S_ENT_INS, "cannot insert an entity")) return -1;
    ent = sqlite3_last_insert_rowid(s->db);
    if (e->has_geo) {
      st = s->st[S_ENTGEO_INS];
      sqlite3_bind_int64(st, 1, ent);
      sqlite3_bind_double(st, 2, e->geo.lat);
      sqlite3_bind_double(st, 3, e->geo.lon);
      if (step(s, S_ENTGEO_INS, "cannot index an entity's place")) return -1;
    }
  }
  if (smap_put(&s->ents, e->id, ent)) {
    set_err(s, "%s: out of memory", s->path);
    return -1;
  }
  return ent;
}

static const char *role_name(uint8_t r) {
  switch (r) {
  case LB_ROLE_PLACE: return "place";
  case LB_ROLE_ACTOR: return "actor";
  case LB_ROLE_ADJ: return "adj";
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
    sqlite3_stmt *st = s->st[S_MEN_INS];
    for (size_t k = 0; k < e->mentions.n; k++) {
      const lb_mention *m = &e->mentions.v[k];
      sqlite3_bind_int64(st, 1, doc);
      sqlite3_bind_int(st, 2, n++);
      sqlite3_bind_int64(st, 3, ent);
      sqlite3_bind_int(st, 4, (int)m->start);
      sqlite3_bind_int(st, 5, (int)m->end);
      bspan(st, 6, d, m->start, m->end);
      bs(st, 7, m->actor);
      bs(st, 8, role_name(m->role));
      bidx(st, 9, lb_text_sentence_at(&d->tx, m->start));
      bs(st, 10, m->rule);
      if (step(s, S_MEN_INS, "cannot insert a mention")) return -1;
      /* the (text, entity) pair into names, once per writer session (the
      ** map is dropped at a million pairs: then INSERT OR IGNORE again) */
      uint32_t a = m->start, b = m->end;
      if (b > d->tx.len) b = (uint32_t)d->tx.len;
      if (a > b) a = b;
      lb_buf *key = &s->key;
      lb_buf_reset(key);
      lb_json_int(key, ent);
      lb_buf_addc(key, '\t');
      lb_buf_add(key, d->tx.text + a, b - a);
      if (s->names.n >= 1000000) smap_clear(&s->names);
      /* (a span with a NUL byte cannot be a map key: always asked) */
      int nul = memchr(key->p, 0, key->n) != NULL;
      if (nul || !smap_get(&s->names, key->p)) {
        sqlite3_stmt *ns = s->st[S_NAME_INS];
        bspan(ns, 1, d, m->start, m->end);
        sqlite3_bind_int64(ns, 2, ent);
        if (step(s, S_NAME_INS, "cannot insert a name")) return -1;
        if (!nul && smap_put(&s->names, key->p, 1)) {
          set_err(s, "%s: out of memory", s->path);
          return -1;
        }
      }
    }
  }
  return 0;
}

static void bnum(sqlite3_stmt *st, int i, int has, double v) {
  if (has)
    sqlite3_bind_double(st, i, v);
  else
    sqlite3_bind_null(st, i);
}

static int add_facts(lb_store *s, const lb_doc *d, int64_t doc) {
  sqlite3_stmt *st = s->st[S_QTY_INS];
  for (size_t i = 0; i < d->quantities.n; i++) {
    const lb_quantity *q = &d->quantities.v[i];
    sqlite3_bind_int64(st, 1, doc);
    sqlite3_bind_int(st, 2, (int)i);
    sqlite3_bind_int(st, 3, (int)q->start);
    sqlite3_bind_int(st, 4, (int)q->end);
    bspan(st, 5, d, q->start, q->end);
    bnum(st, 6, q->has_value, q->value);
    bnum(st, 7, q->has_min, q->min);
    bnum(st, 8, q->has_max, q->max);
    sqlite3_bind_int(st, 9, q->approx);
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
    sqlite3_bind_int64(st, 1, doc);
    sqlite3_bind_int(st, 2, (int)i);
    sqlite3_bind_int(st, 3, (int)x->start);
    sqlite3_bind_int(st, 4, (int)x->end);
    bspan(st, 5, d, x->start, x->end);
    bs(st, 6, x->from);
    bs(st, 7, x->to);
    bs(st, 8, x->granularity);
    sqlite3_bind_int(st, 9, x->unresolved);
    sqlite3_bind_int(st, 10, x->duration);
    bidx(st, 11, x->sentence);
    bs(st, 12, x->rule);
    if (step(s, S_DATE_INS, "cannot insert a date")) return -1;
  }
  st = s->st[S_CLAIM_INS];
  for (size_t i = 0; i < d->claims.n; i++) {
    const lb_claim *c = &d->claims.v[i];
    sqlite3_bind_int64(st, 1, doc);
    sqlite3_bind_int(st, 2, (int)i);
    bs(st, 3, c->speaker);
    bs(st, 4, c->speaker_text);
    bs(st, 5, c->verb);
    sqlite3_bind_int(st, 6, (int)c->start);
    sqlite3_bind_int(st, 7, (int)c->end);
    bspan(st, 8, d, c->start, c->end);
    sqlite3_bind_int(st, 9, (int)c->cue_start);
    sqlite3_bind_int(st, 10, (int)c->cue_end);
    if (c->speaker_end > c->speaker_start) {
      sqlite3_bind_int(st, 11, (int)c->speaker_start);
      sqlite3_bind_int(st, 12, (int)c->speaker_end);
    } else {
      sqlite3_bind_null(st, 11);
      sqlite3_bind_null(st, 12);
    }
    bidx(st, 13, c->sentence);
    bs(st, 14, c->rule);
    if (step(s, S_CLAIM_INS, "cannot insert a claim")) return -1;
  }
  st = s->st[S_SIG_INS];
  for (size_t i = 0; i < d->signals.n; i++) {
    const lb_signal *x = &d->signals.v[i];
    sqlite3_bind_int64(st, 1, doc);
    sqlite3_bind_int(st, 2, (int)i);
    bs(st, 3, x->kind ? x->kind : "");
    sqlite3_bind_int(st, 4, (int)x->start);
    sqlite3_bind_int(st, 5, (int)x->end);
    bs(st, 6, x->detail);
    bs(st, 7, x->rule);
    if (step(s, S_SIG_INS, "cannot insert a signal")) return -1;
  }
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

static int add_events(lb_store *s, const lb_doc *d, int64_t doc) {
  share touched[256];
  int ntouched = 0;
  int pub_from = 0, pub_to = 0;
  lb_store_date_range(d->published, &pub_from, &pub_to);
  sqlite3_stmt *st = s->st[S_EV_INS];
  for (size_t i = 0; i < d->events.n; i++) {
    const lb_event *e = &d->events.v[i];
    lb_store_mev m;
    memset(&m, 0, sizeof m);
    m.root = e->root;
    m.code = e->code;
    m.source = e->source;
    m.target = e->target;
    m.source_entity = e->source_entity;
    m.target_entity = e->target_entity;
    m.place = e->place;
    m.quad_class = e->quad_class;
    m.goldstein = e->goldstein;
    const lb_entity *pl = NULL;
    if (e->place) {
      int32_t k = lb_doc_entity_find(d, e->place);
      if (k >= 0) pl = &d->entities.v[k];
    }
    if (pl) {
      m.place_name = pl->name;
      if (pl->has_geo) {
        m.has_geo = 1;
        m.lat = pl->geo.lat;
        m.lon = pl->geo.lon;
      }
    }
    if (!lb_store_date_range(e->date, &m.day_from, &m.day_to)) {
      m.day_from = pub_from;
      m.day_to = pub_to;
    }
    int64_t inc = 0;
    if (e->root && !e->mood) { /* only asserted events make incidents */
      inc = lb_store_merge_find(s->merge, &m);
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
      touched[k].gold += e->goldstein;
      if (m.day_from && (!touched[k].from || m.day_from < touched[k].from))
        touched[k].from = m.day_from;
      if (m.day_to > touched[k].to) touched[k].to = m.day_to;
    }
    lb_buf *b = &s->scratch;
    lb_buf_reset(b);
    lb_buf_addc(b, '[');
    for (size_t k = 0; k < e->quantities.n; k++) {
      if (k) lb_buf_addc(b, ',');
      lb_json_int(b, e->quantities.v[k]);
    }
    lb_buf_addc(b, ']');
    sqlite3_bind_int64(st, 1, doc);
    sqlite3_bind_int(st, 2, (int)i);
    bs(st, 3, e->code);
    bs(st, 4, e->root);
    sqlite3_bind_int(st, 5, e->quad_class);
    sqlite3_bind_double(st, 6, e->goldstein);
    bs(st, 7, e->source);
    bs(st, 8, e->source_entity);
    bs(st, 9, e->target);
    bs(st, 10, e->target_entity);
    bs(st, 11, e->place);
    bs(st, 12, m.place_name);
    bnum(st, 13, m.has_geo, m.lat);
    bnum(st, 14, m.has_geo, m.lon);
    bs(st, 15, pl && pl->has_geo ? pl->geo.cc : NULL);
    if (pl && pl->has_geo)
      sqlite3_bind_int64(st, 16, pl->geo.geonameid);
    else
      sqlite3_bind_null(st, 16);
    bs(st, 17, pl && pl->has_geo ? pl->geo.feature : NULL);
    bs(st, 18, e->date);
    bs(st, 19, e->date_granularity);
    bnum(st, 20, m.day_from != 0, m.day_from);
    bnum(st, 21, m.day_to != 0, m.day_to);
    sqlite3_bind_text(st, 22, b->p, (int)b->n, SQLITE_STATIC);
    bidx(st, 23, e->claim);
    bidx(st, 24, e->sentence);
    sqlite3_bind_int(st, 25, (int)e->start);
    sqlite3_bind_int(st, 26, (int)e->end);
    bspan(st, 27, d, e->start, e->end);
    bs(st, 28, e->rule);
    bs(st, 29, e->mood);
    if (inc)
      sqlite3_bind_int64(st, 30, inc);
    else
      sqlite3_bind_null(st, 30);
    if (step(s, S_EV_INS, "cannot insert an event")) return -1;
    if (m.has_geo) {
      sqlite3_stmt *g = s->st[S_EVGEO_INS];
      sqlite3_bind_int64(g, 1, sqlite3_last_insert_rowid(s->db));
      sqlite3_bind_double(g, 2, m.lat);
      sqlite3_bind_double(g, 3, m.lon);
      if (step(s, S_EVGEO_INS, "cannot index an event's place")) return -1;
    }
  }
  return flush_shares(s, touched, ntouched);
}

lb_err lb_store_add(lb_store *s, const lb_doc *d, uint64_t hash, const char *origin,
                    int *status) {
  char hx[17];
  hex16(hash, hx);
  *status = LB_STORE_ADDED;
  sqlite3_stmt *st = s->st[S_DOC_GET];
  sqlite3_bind_text(st, 1, d->id, -1, SQLITE_STATIC);
  int rc = sqlite3_step(st);
  int64_t old = 0;
  if (rc == SQLITE_ROW) {
    if (strcmp((const char *)sqlite3_column_text(st, 1), hx) == 0) *status = LB_STORE_SAME;
    old = sqlite3_column_int64(st, 0);
  }
  sqlite3_reset(st);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
    db_err(s, "cannot look up a document");
    return LB_ERR_DB;
  }
  if (*status == LB_STORE_SAME) return LB_OK;
  if (old) {
    if (remove_doc(s, old)) return LB_ERR_DB;
    *status = LB_STORE_REPLACED;
  }
  st = s->st[S_DOC_INS];
  lb_buf *b = &s->scratch;
  lb_buf_reset(b);
  if (d->tx.warnings.n) {
    lb_buf_addc(b, '[');
    for (size_t i = 0; i < d->tx.warnings.n; i++) {
      if (i) lb_buf_addc(b, ',');
      lb_json_cstr(b, d->tx.warnings.v[i]);
    }
    lb_buf_addc(b, ']');
  }
  bs(st, 1, d->id);
  sqlite3_bind_text(st, 2, hx, 16, SQLITE_TRANSIENT);
  bs(st, 3, d->tx.lang);
  bs(st, 4, d->published);
  bs(st, 5, d->title);
  bs(st, 6, d->url);
  bs(st, 7, origin);
  sqlite3_bind_int64(st, 8, d->tx.len);
  sqlite3_bind_text(st, 9, d->tx.text, (int)d->tx.len, SQLITE_STATIC);
  if (b->n)
    sqlite3_bind_text(st, 10, b->p, (int)b->n, SQLITE_STATIC);
  else
    sqlite3_bind_null(st, 10);
  /* sentences as [[start,end],...], [start,end,1] for a headline (schema.h,
  ** migration 3 -> 4) */
  lb_buf *sb = &s->sents;
  lb_buf_reset(sb);
  lb_buf_addc(sb, '[');
  for (size_t i = 0; i < d->tx.sents.n; i++) {
    const lb_sent *x = &d->tx.sents.v[i];
    lb_buf_adds(sb, i ? ",[" : "[");
    lb_json_int(sb, x->start);
    lb_buf_addc(sb, ',');
    lb_json_int(sb, x->end);
    if (x->headline) lb_buf_adds(sb, ",1");
    lb_buf_addc(sb, ']');
  }
  lb_buf_addc(sb, ']');
  sqlite3_bind_text(st, 11, sb->p, (int)sb->n, SQLITE_STATIC);
  if (step(s, S_DOC_INS, "cannot insert a document")) return LB_ERR_DB;
  int64_t doc = sqlite3_last_insert_rowid(s->db);
  if (!s->fts_from) s->fts_from = doc;
  if (add_facts(s, d, doc) || add_entities(s, d, doc) || add_events(s, d, doc))
    return LB_ERR_DB;
  return LB_OK;
}
