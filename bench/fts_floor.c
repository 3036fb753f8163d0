/*
** fts_floor.c -- `make bench`: how fast SQLite alone can take the bench
** corpus, with no extraction at all: the ceiling for `lagebild ingest` on
** this machine (issue 7).
**
**   fts_floor plain|fts CORPUS.txt DB
**
** CORPUS.txt has one document's text per line (bench/corpus.js writes it).
** plain  inserts every text as a row of a table (id, text): the cost of
**        storing the documents themselves;
** fts    indexes every text in a contentless FTS5 table with the store's
**        settings (detail=none, unicode61), tuned for bulk loading
**        (hashsize 32 MB, automerge 16: the fastest of the settings tried):
**        the cost of the full-text index alone.
** Both in WAL mode, synchronous=NORMAL, a transaction per 4096 documents,
** one prepared statement, one thread: SQLite has one writer per database.
** Prints "DOCS SECONDS BYTES" on stdout.
*/
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

static int run(sqlite3 *db, const char *sql) {
  char *msg = NULL;
  if (sqlite3_exec(db, sql, NULL, NULL, &msg) == SQLITE_OK) return 0;
  fprintf(stderr, "fts_floor: %s: %s\n", sql, msg ? msg : "?");
  sqlite3_free(msg);
  return 1;
}

int main(int argc, char **argv) {
  if (argc != 4 || (strcmp(argv[1], "plain") && strcmp(argv[1], "fts"))) {
    fprintf(stderr, "usage: fts_floor plain|fts CORPUS.txt DB\n");
    return 2;
  }
  int fts = strcmp(argv[1], "fts") == 0;
  FILE *f = fopen(argv[2], "rb");
  if (!f) {
    perror(argv[2]);
    return 1;
  }
  sqlite3 *db;
  if (sqlite3_open(argv[3], &db) != SQLITE_OK) {
    fprintf(stderr, "fts_floor: %s: %s\n", argv[3], sqlite3_errmsg(db));
    return 1;
  }
  if (run(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL") ||
      run(db, fts ? "CREATE VIRTUAL TABLE t USING fts5(text, content='', detail=none);"
                    "INSERT INTO t(t, rank) VALUES('hashsize', 33554432);"
                    "INSERT INTO t(t, rank) VALUES('automerge', 16)"
                  : "CREATE TABLE t(id INTEGER PRIMARY KEY, text TEXT)"))
    return 1;
  sqlite3_stmt *st;
  if (sqlite3_prepare_v2(db, "INSERT INTO t(rowid, text) VALUES (?1, ?2)", -1, &st, NULL)) {
    fprintf(stderr, "fts_floor: %s\n", sqlite3_errmsg(db));
    return 1;
  }
  char *line = NULL;
  size_t cap = 0;
  ssize_t n;
  long long docs = 0, bytes = 0;
  double t0 = now();
  if (run(db, "BEGIN")) return 1;
  while ((n = getline(&line, &cap, f)) > 0) {
    if (line[n - 1] == '\n') n--;
    sqlite3_bind_int64(st, 1, ++docs);
    sqlite3_bind_text(st, 2, line, (int)n, SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_DONE) {
      fprintf(stderr, "fts_floor: %s: line %lld: %s\n", argv[2], docs, sqlite3_errmsg(db));
      return 1;
    }
    sqlite3_reset(st);
    bytes += n;
    if (docs % 4096 == 0 && run(db, "COMMIT; BEGIN")) return 1;
  }
  if (run(db, "COMMIT")) return 1;
  double s = now() - t0;
  sqlite3_finalize(st);
  sqlite3_close(db);
  free(line);
  fclose(f);
  printf("%lld %.3f %lld\n", docs, s, bytes);
  return 0;
}
