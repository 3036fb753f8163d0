/*
** cmd_store.c -- `lagebild ingest`, `query` and `export`: the store's commands.
**
** ingest reads the inputs and hands every document to the ingest engine
** (store/ingest.h: skipping known documents, extraction on all cores, one
** writer thread, a commit every --batch documents or 5 s); it shows the
** progress and the summary. A run killed at any moment leaves the last
** committed transaction; run again, it skips what is stored and finishes
** the rest.
**
** query and export are thin: options become an lb_store_filter, the store
** module (query.c, export.c) does the SQL and the formatting. DB is a
** SQLite file or a postgresql:// URL everywhere.
*/
#include <errno.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../../include/lagebild.h"
#include "../picture/pipeline.h"
#include "../read/input.h"
#include "../store/ingest.h"
#include "../store/query.h"
#include "../store/store.h"
#include "cli.h"

static const char INGEST_HELP[] =
    "usage: lagebild ingest [OPTIONS] DB [INPUT...]\n"
    "\n"
    "Extract the picture of every document in INPUT and store it in DB: a SQLite\n"
    "file (created when missing) or a PostgreSQL database given as a URL,\n"
    "postgresql://USER@HOST:PORT/NAME (the tables are created when missing;\n"
    "docs/scale.md). INPUT is a file, read by its content like `lagebild extract`\n"
    "does (JSON Lines, an HTML page, an RSS or Atom feed, a WARC archive or plain\n"
    "text; gzip or zstd compressed or not), a directory (every .txt, .text,\n"
    ".jsonl, .ndjson, .json, .html, .htm, .xml, .rss, .atom and .warc file below\n"
    "it, also compressed, in name order), or - for stdin.\n"
    "Documents already stored with the same id and content are skipped; a known\n"
    "id with new content replaces the old version. Safe to kill and re-run.\n"
    "A document whose publication date is no date or lies outside 1900-01-01 ..\n"
    "tomorrow is refused (named on stderr, exit status 3). Without INPUT, the store\n"
    "is created or brought up to the current schema version, and nothing else.\n"
    "\n"
    "options:\n"
    "  --jsonl / --text     read every INPUT as JSON Lines / as plain text\n"
    "                         lagebild ingest --jsonl news.db feed.log\n"
    "  --published DATE     publication date for plain text (and JSONL lines\n"
    "                       without one)\n"
    "                         lagebild ingest --published 2024-11-11 news.db a.txt\n"
    "  --lang CODE          the language instead of detecting it\n"
    "  --lexicon FILE       the compiled lexicon (default: beside the binary)\n"
    "  --threads N          extraction threads (default: all cores)\n"
    "                         lagebild ingest --threads 2 news.db corpus/\n"
    "  --stages STAGE       stop extraction after STAGE (see lagebild extract)\n"
    "                         lagebild ingest --stages text texts.db corpus/\n"
    "  --max-doc-bytes N    cut a longer text at N bytes (default 32M)\n"
    "  --max-doc-memory N   skip a document that needs more memory (default 4G)\n"
    "                         lagebild ingest --max-doc-bytes 8M news.db dump/\n"
    "  --batch N            documents per transaction (default 4096 for SQLite,\n"
    "                       512 for PostgreSQL)\n"
    "  --radius-km KM       incidents: places within KM (default 50, at most\n"
    "                       20040; new stores)\n"
    "  --window-days D      incidents: dates within D days (default 3, 0..3650;\n"
    "                       new stores)\n"
    "                         lagebild ingest --radius-km 25 news.db corpus/\n"
    "  --progress           show the progress bar even when stderr is no terminal\n"
    "  --quiet              no progress bar and no summary\n"
    "  --stats              print the summary line even when stderr is no terminal\n"
    "\n"
    "exit status: 0 done; 1 error (store locked, corrupt, read-only, of a newer\n"
    "schema, or a write failed: nothing half-written stays); 2 bad usage; 3 some\n"
    "documents or lines were skipped (named on stderr).\n";

#define TX_SECONDS 5.0 /* docs: a transaction older than this is committed after a batch */

/* Per-document outcomes from the engine's writer thread: failures named. */
static void ingest_done(void *ctx, void *tag, int status, const char *msg) {
  (void)tag;
  if (status != LB_INGEST_FAILED && status != LB_INGEST_REFUSED) return;
  int *pg_on = ctx;
  if (*pg_on) fputc('\n', stderr);
  fprintf(stderr, "lagebild ingest: %s (skipped)\n", msg);
}

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

typedef struct progress {
  int on;
  double t0, last;
  size_t total; /* bytes on disk of all inputs */
} progress;

static void show(progress *p, size_t docs, size_t done, int final) {
  if (!p->on) return;
  double t = now_s();
  if (!final && t - p->last < 0.25) return;
  p->last = t;
  double el = t - p->t0 > 1e-6 ? t - p->t0 : 1e-6;
  double frac = p->total ? (double)done / (double)p->total : 0;
  if (frac > 1) frac = 1;
  char eta[32] = "--:--";
  if (frac > 0.001 && !final) {
    long s = (long)(el / frac - el);
    snprintf(eta, sizeof eta, "%ld:%02ld", s / 60, s % 60);
  } else if (final) {
    snprintf(eta, sizeof eta, "done");
  }
  int w = 24, fill = (int)(frac * w);
  char bar[32];
  for (int i = 0; i < w; i++) bar[i] = i < fill ? '#' : '.';
  bar[w] = 0;
  fprintf(stderr, "\r[%s] %3.0f%%  %zu docs  %.0f docs/s  %.1f MB/s  ETA %s   ", bar,
          frac * 100, docs, (double)docs / el, (double)done / el / 1e6, eta);
  if (final) fputc('\n', stderr);
  fflush(stderr);
}

/* --window-days: ten years (larger windows would link a war's every report) */
#define MAX_WINDOW_DAYS 3650

int lb_cmd_ingest(int argc, char **argv) {
  lb_cli_docopts o;
  lb_cli_docopts_init(&o);
  const char *dbpath = NULL, *v;
  int r, quiet = 0, force_progress = 0;
  int stats = 0;
  long tx_docs = 0; /* the engine's default */
  lb_store_opts opts = {50.0, 3};
  lb_cli_files in = {0};
  int status = LB_EXIT_OK;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
      fputs(INGEST_HELP, stdout);
      goto out;
    } else if ((r = lb_cli_docopt(argc, argv, &i, &o, "ingest"))) {
      if (r < 0) goto usage;
    } else if (strcmp(a, "--quiet") == 0) {
      quiet = 1;
    } else if (strcmp(a, "--progress") == 0) {
      force_progress = 1;
    } else if (strcmp(a, "--stats") == 0) {
      stats = 1;
    } else if ((r = lb_cli_opt(argc, argv, &i, "--batch", &v))) {
      long long n;
      if (r < 0 || lb_cli_int("ingest", "--batch", v, 1, 1000000, &n)) goto usage;
      tx_docs = (long)n;
    } else if ((r = lb_cli_opt(argc, argv, &i, "--radius-km", &v))) {
      /* up to half the Earth's circumference: any two places */
      if (r < 0 || lb_cli_num("ingest", "--radius-km", v, 0.001, 20040, &opts.radius_km))
        goto usage;
    } else if ((r = lb_cli_opt(argc, argv, &i, "--window-days", &v))) {
      long long n;
      if (r < 0 || lb_cli_int("ingest", "--window-days", v, 0, MAX_WINDOW_DAYS, &n)) goto usage;
      opts.window_days = (int)n;
    } else if (a[0] == '-' && a[1]) {
      fprintf(stderr, "lagebild ingest: unknown option \"%s\"\n", a);
      goto usage;
    } else if (!dbpath) {
      dbpath = a;
    } else {
      if (lb_cli_files_walk(&in, "ingest", a) != 0) {
        status = LB_EXIT_ERR;
        goto out;
      }
    }
  }
  if (!dbpath) {
    fprintf(stderr, "lagebild ingest: need a DB and at least one INPUT\n");
    goto usage;
  }
  if (!in.n) { /* no input: create or bring the store up to date, nothing else */
    char err[1024];
    lb_store *s;
    if (lb_store_open(dbpath, LB_STORE_WRITE, &opts, &s, err, sizeof err) != LB_OK) {
      fprintf(stderr, "lagebild ingest: %s\n", err);
      status = LB_EXIT_ERR;
    } else {
      lb_store_close(s);
    }
    goto out;
  }

  char err[1024];
  lb_engine *e = lb_engine_new(o.lexicon, err, sizeof err);
  if (!e) {
    fprintf(stderr, "lagebild ingest: %s\n", err);
    status = LB_EXIT_ERR;
    goto out;
  }
  if (o.stages && lb_engine_stop_after(e, o.stages) != LB_OK) {
    fprintf(stderr, "lagebild ingest: unknown stage \"%s\"\n", o.stages);
    lb_engine_free(e);
    goto usage;
  }
  lb_engine_set_limits(e, o.max_doc_bytes, o.max_doc_memory);
  progress pg = {0};
  pg.on = !quiet && (force_progress || isatty(2));
  lb_ingest_opts io = {0};
  io.threads = o.threads;
  io.tx_docs = tx_docs > 0 ? (size_t)tx_docs : 0;
  io.tx_seconds = TX_SECONDS;
  io.done = ingest_done;
  io.ctx = &pg.on;
  lb_ingest *g = lb_ingest_open(e, dbpath, &opts, &io, err, sizeof err);
  if (!g) {
    fprintf(stderr, "lagebild ingest: %s\n", err);
    lb_engine_free(e);
    status = LB_EXIT_ERR;
    goto out;
  }
  pg.t0 = pg.last = now_s();
  for (size_t f = 0; f < in.n; f++) {
    struct stat st;
    if (strcmp(in.v[f], "-") != 0 && stat(in.v[f], &st) == 0) pg.total += (size_t)st.st_size;
  }
  size_t skipped = 0, docs_read = 0, done_bytes = 0;
  int stopped = 0;
  for (size_t f = 0; f < in.n && !stopped; f++) {
    lb_reader *rdr = lb_reader_open(in.v[f], &o.read, err, sizeof err);
    if (!rdr) {
      fprintf(stderr, "lagebild ingest: %s\n", err);
      status = LB_EXIT_ERR;
      continue;
    }
    lb_reader_set_max_text(rdr, lb_engine_max_doc_bytes(e));
    lb_input doc;
    char msg[1024];
    int k;
    while ((k = lb_reader_next(rdr, &doc, msg, sizeof msg)) != 0) {
      if (k < 0) {
        if (pg.on) fputc('\n', stderr);
        fprintf(stderr, "lagebild ingest: %s (skipped)\n", msg);
        skipped++;
        continue;
      }
      docs_read++;
      if (lb_ingest_add(g, &doc, in.v[f], NULL) < 0) { /* the ingest stopped: not stored */
        stopped = 1;
        break;
      }
      show(&pg, docs_read, done_bytes + lb_reader_raw_offset(rdr), 0);
    }
    struct stat st;
    if (strcmp(in.v[f], "-") != 0 && stat(in.v[f], &st) == 0) done_bytes += (size_t)st.st_size;
    lb_reader_close(rdr);
  }
  int failed = lb_ingest_finish(g) != LB_OK;
  show(&pg, docs_read, done_bytes, 1);
  lb_ingest_counts c;
  lb_ingest_counts_get(g, &c);
  if (failed) {
    fprintf(stderr, "lagebild ingest: %s; the transaction in flight was rolled back, "
                    "everything committed before it is kept\n", lb_ingest_errmsg(g));
    status = LB_EXIT_ERR;
  }
  /* Every document read is one of added, replaced, unchanged or failed;
  ** failed are those refused or not stored alone, and, when the ingest
  ** stopped, those of the transaction rolled back and those not written
  ** (the one lb_ingest_add turned away among them). */
  size_t not_stored = (size_t)stopped + c.rolled_back;
  char rb[64] = "";
  if (not_stored) snprintf(rb, sizeof rb, " (%zu rolled back or not written)", not_stored);
  if (!quiet && (stats || isatty(2)))
    fprintf(stderr, "lagebild ingest: %zu documents read: %zu added, %zu replaced, %zu "
                    "unchanged, %zu failed%s, %zu lines skipped (%.2f s; writer %.2f s, %.2f s "
                    "CPU)\n",
            docs_read, c.added, c.replaced, c.same + c.known, c.failed + (size_t)stopped, rb,
            skipped, now_s() - pg.t0, c.write_s, c.write_cpu);
  lb_ingest_close(g);
  lb_engine_free(e);
  skipped += c.failed;
  if (status == LB_EXIT_OK && (skipped || in.skipped)) status = LB_EXIT_SKIPPED;
out:
  lb_cli_files_free(&in);
  return status;
usage:
  lb_cli_files_free(&in);
  fputs("see: lagebild ingest --help\n", stderr);
  return LB_EXIT_USAGE;
}

/* ---- query and export ---- */

static const char QUERY_HELP[] =
    "usage: lagebild query DB [WHAT] [FILTERS] [FORMAT]\n"
    "\n"
    "Print what the store holds about events (default), incidents, quantities,\n"
    "documents or entities, filtered. Filters combine with AND. DB is a SQLite file\n"
    "or a PostgreSQL database: postgresql://USER@HOST:PORT/NAME.\n"
    "\n"
    "what:\n"
    "  --events             events, one per row (default)\n"
    "  --incidents          incidents (events of several documents merged), with\n"
    "                       their report count and source documents\n"
    "                         lagebild query news.db --incidents --root 15\n"
    "  --quantities         numbers per source, side by side (e.g. troop counts)\n"
    "                         lagebild query news.db --quantities --unit troops\n"
    "  --documents          documents\n"
    "  --entities           entities with mention and document counts\n"
    "filters:\n"
    "  --actor CODE         source or target actor (RUS also matches RUSMIL)\n"
    "                         lagebild query news.db --actor PRK\n"
    "  --entity ID          entity (Q-id or lb: id) as source, target or place\n"
    "                         lagebild query news.db --entity Q159\n"
    "  --code CODE          CAMEO event code    lagebild query news.db --code 154\n"
    "  --root CODE          CAMEO root code     lagebild query news.db --root 15\n"
    "  --quad N             quad class 1..4     lagebild query news.db --quad 4\n"
    "  --place NAME         place by name       lagebild query news.db --place Kursk\n"
    "  --bbox W,S,E,N       place inside lon/lat box\n"
    "                         lagebild query news.db --bbox 30,50,40,55\n"
    "  --from DATE, --to DATE   event date range (YYYY, YYYY-MM or YYYY-MM-DD)\n"
    "                         lagebild query news.db --from 2024-11 --to 2024-11-30\n"
    "  --since DATE, --until DATE   publication date of the events' documents\n"
    "                         lagebild query news.db --since 2024-11-10\n"
    "  --mood LIST          events of these moods: fact (asserted), negated, modal,\n"
    "                       hypothetical, intended, comma-separated, or all (default)\n"
    "                         lagebild query news.db --mood negated,modal\n"
    "  --plover EVENT       PLOVER event of the CAMEO code (ASSAULT, PROTEST, AID...)\n"
    "                         lagebild query news.db --plover ASSAULT\n"
    "  --incident N         the events of incident N (with --quantities: the numbers\n"
    "                       its reports give, by source)\n"
    "                         lagebild query news.db --quantities --incident 2\n"
    "  --text WORDS         documents containing all the words (full text); a part\n"
    "                       in double quotes must occur as written\n"
    "                         lagebild query news.db --text \"Kursk Truppen\"\n"
    "                         lagebild query news.db --text '\"Region Kursk\" Drohnen'\n"
    "  --doc ID             one document  lagebild query news.db --doc kursk-2024-11\n"
    "  --unit UNIT          quantities: the counted thing (troops, drones, km2...)\n"
    "  --limit N            at most N rows\n"
    "format (default: a table on a terminal, else JSON Lines):\n"
    "  --jsonl, --tsv, --csv, --table\n"
    "\n"
    "Unknown codes are errors that name the valid form: an actor code's parts must be\n"
    "in the CAMEO code book (RUS, RUSMIL, IGOUNO), --code a 3- or 4-digit event code,\n"
    "--root two digits 01..20.\n"
    "\n"
    "exit status: 0 rows printed (possibly none); 1 error; 2 bad usage.\n";

static const char EXPORT_HELP[] =
    "usage: lagebild export DB --format gdelt|geojson|csv [FILTERS] [-o FILE]\n"
    "\n"
    "Write the store's events: gdelt = GDELT 2.0 event table rows (61 tab-separated\n"
    "columns, no header, as the GDELT 2.0 codebook defines them; docs/store.md lists\n"
    "which are filled), geojson = a FeatureCollection of the events with coordinates\n"
    "(for QGIS), csv = the event columns of `lagebild query` with a header. Only\n"
    "asserted events (facts) unless --moods says otherwise: negated, modal,\n"
    "hypothetical and intended events are left out. FILTERS are those of query; DB\n"
    "is a SQLite file or a postgresql:// URL.\n"
    "  --moods LIST         as query's --mood; default fact (--moods all: every event)\n"
    "  lagebild export news.db --format geojson -o events.geojson\n"
    "  lagebild export news.db --format gdelt --from 2024-11 > events.gdelt.tsv\n";

/* A pair of date options (--from/--to, --since/--until) into YYYYMMDD: the
** first day of the first one's period, the last of the second's. 1 =
** consumed, 0 = neither, -1 = bad value (named on stderr). */
static int date_opts(int argc, char **argv, int *i, const char *first, const char *second,
                     int *from, int *to, const char *cmd) {
  const char *v;
  for (int last = 0; last < 2; last++) {
    int r = lb_cli_opt(argc, argv, i, last ? second : first, &v);
    if (!r) continue;
    if (r < 0) return -1;
    int day = lb_store_parse_day(v, last);
    if (!day) {
      fprintf(stderr, "lagebild %s: not a date (YYYY, YYYY-MM, YYYY-MM-DD): \"%s\"\n", cmd, v);
      return -1;
    }
    *(last ? to : from) = day;
    return 1;
  }
  return 0;
}

/* Parse the filter options shared by query and export; 1 = consumed,
** 0 = not a filter, -1 = bad value. */
static int filter_opt(int argc, char **argv, int *i, lb_store_filter *f, const char *cmd) {
  const char *v;
  int r;
#define STR_OPT(name, field)                                                                  \
  if ((r = lb_cli_opt(argc, argv, i, name, &v))) {                                           \
    if (r < 0) return -1;                                                                     \
    f->field = v;                                                                             \
    return 1;                                                                                 \
  }
  STR_OPT("--actor", actor)
  STR_OPT("--entity", entity)
  STR_OPT("--code", code)
  STR_OPT("--root", root)
  STR_OPT("--place", place)
  STR_OPT("--text", text)
  STR_OPT("--doc", doc)
  STR_OPT("--unit", unit)
  STR_OPT("--mood", mood)
  STR_OPT("--moods", mood)
  STR_OPT("--plover", plover)
#undef STR_OPT
  long long n;
  if ((r = lb_cli_opt(argc, argv, i, "--incident", &v))) {
    if (r < 0 || lb_cli_int(cmd, "--incident", v, 1, INT64_MAX, &n)) return -1;
    f->incident = n;
    return 1;
  }
  /* the publication date; the event's date */
  if ((r = date_opts(argc, argv, i, "--since", "--until", &f->since, &f->until, cmd))) return r;
  if ((r = lb_cli_opt(argc, argv, i, "--quad", &v))) {
    if (r < 0 || lb_cli_int(cmd, "--quad", v, 1, 4, &n)) return -1;
    f->quad = (int)n;
    return 1;
  }
  if ((r = lb_cli_opt(argc, argv, i, "--limit", &v))) {
    if (r < 0 || lb_cli_int(cmd, "--limit", v, 1, LONG_MAX, &n)) return -1;
    f->limit = (long)n;
    return 1;
  }
  if ((r = date_opts(argc, argv, i, "--from", "--to", &f->from, &f->to, cmd))) return r;
  if ((r = lb_cli_opt(argc, argv, i, "--bbox", &v))) {
    if (r < 0) return -1;
    const char *p = v;
    for (int k = 0; k < 4; k++) {
      size_t len = strcspn(p, ",");
      char part[64];
      if ((k < 3) != (p[len] == ',') || len >= sizeof part) {
        fprintf(stderr, "lagebild %s: --bbox wants W,S,E,N (degrees), not \"%s\"\n", cmd, v);
        return -1;
      }
      memcpy(part, p, len);
      part[len] = 0;
      double lim = k % 2 ? 90 : 180; /* latitudes S, N; longitudes W, E */
      if (lb_cli_num(cmd, "--bbox", part, -lim, lim, &f->bbox[k])) return -1;
      p += len + 1;
    }
    if (f->bbox[0] > f->bbox[2] || f->bbox[1] > f->bbox[3]) {
      fprintf(stderr, "lagebild %s: --bbox W,S,E,N needs W <= E and S <= N\n", cmd);
      return -1;
    }
    f->has_bbox = 1;
    return 1;
  }
  return 0;
}

int lb_cmd_query(int argc, char **argv) {
  lb_store_filter f;
  memset(&f, 0, sizeof f);
  const char *dbpath = NULL;
  int kind = LB_Q_EVENTS, fmt = isatty(1) ? LB_FMT_TABLE : LB_FMT_JSONL;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    int r;
    if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
      fputs(QUERY_HELP, stdout);
      return LB_EXIT_OK;
    }
    if (strcmp(a, "--events") == 0) kind = LB_Q_EVENTS;
    else if (strcmp(a, "--incidents") == 0) kind = LB_Q_INCIDENTS;
    else if (strcmp(a, "--quantities") == 0) kind = LB_Q_QUANTITIES;
    else if (strcmp(a, "--documents") == 0) kind = LB_Q_DOCUMENTS;
    else if (strcmp(a, "--entities") == 0) kind = LB_Q_ENTITIES;
    else if (strcmp(a, "--jsonl") == 0) fmt = LB_FMT_JSONL;
    else if (strcmp(a, "--tsv") == 0) fmt = LB_FMT_TSV;
    else if (strcmp(a, "--csv") == 0) fmt = LB_FMT_CSV;
    else if (strcmp(a, "--table") == 0) fmt = LB_FMT_TABLE;
    else if ((r = filter_opt(argc, argv, &i, &f, "query")) != 0) {
      if (r < 0) goto usage;
    } else if (a[0] == '-' && a[1]) {
      fprintf(stderr, "lagebild query: unknown option \"%s\"\n", a);
      goto usage;
    } else if (!dbpath) {
      dbpath = a;
    } else {
      fprintf(stderr, "lagebild query: one DB only (\"%s\")\n", a);
      goto usage;
    }
  }
  if (!dbpath) {
    fprintf(stderr, "lagebild query: need a DB\n");
    goto usage;
  }
  char err[512];
  if (lb_store_filter_check(&f, err, sizeof err)) { /* the API's words (query.h) */
    fprintf(stderr, "lagebild query: --%s\n", err);
    goto usage;
  }
  lb_store *s;
  if (lb_store_open(dbpath, LB_STORE_READ, NULL, &s, err, sizeof err) != LB_OK) {
    fprintf(stderr, "lagebild query: %s\n", err);
    return LB_EXIT_ERR;
  }
  long rows;
  lb_err e = lb_store_query(s, &f, kind, fmt, stdout, &rows, err, sizeof err);
  lb_store_close(s);
  if (e != LB_OK) {
    fprintf(stderr, "lagebild query: %s: %s\n", dbpath, err);
    return LB_EXIT_ERR;
  }
  if (fflush(stdout) != 0) {
    fprintf(stderr, "lagebild query: write error: %s\n", strerror(errno));
    return LB_EXIT_ERR;
  }
  return LB_EXIT_OK;
usage:
  fputs("see: lagebild query --help\n", stderr);
  return LB_EXIT_USAGE;
}

int lb_cmd_export(int argc, char **argv) {
  lb_store_filter f;
  memset(&f, 0, sizeof f);
  const char *dbpath = NULL, *format = NULL, *outpath = NULL, *v;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    int r;
    if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
      fputs(EXPORT_HELP, stdout);
      return LB_EXIT_OK;
    }
    if ((r = lb_cli_opt(argc, argv, &i, "--format", &v))) {
      if (r < 0) goto usage;
      format = v;
    } else if ((r = lb_cli_opt(argc, argv, &i, "-o", &v))) {
      if (r < 0) goto usage;
      outpath = v;
    } else if ((r = filter_opt(argc, argv, &i, &f, "export")) != 0) {
      if (r < 0) goto usage;
    } else if (a[0] == '-' && a[1]) {
      fprintf(stderr, "lagebild export: unknown option \"%s\"\n", a);
      goto usage;
    } else if (!dbpath) {
      dbpath = a;
    } else {
      fprintf(stderr, "lagebild export: one DB only (\"%s\")\n", a);
      goto usage;
    }
  }
  int fmt;
  if (!dbpath || !format) {
    fprintf(stderr, "lagebild export: need a DB and --format\n");
    goto usage;
  }
  if (strcmp(format, "gdelt") == 0) fmt = LB_FMT_GDELT;
  else if (strcmp(format, "geojson") == 0) fmt = LB_FMT_GEOJSON;
  else if (strcmp(format, "csv") == 0) fmt = LB_FMT_CSV;
  else {
    fprintf(stderr, "lagebild export: --format wants gdelt, geojson or csv, not \"%s\"\n",
            format);
    goto usage;
  }
  char err[512];
  if (lb_store_filter_check(&f, err, sizeof err)) {
    fprintf(stderr, "lagebild export: --%s\n", err);
    goto usage;
  }
  lb_store *s;
  if (lb_store_open(dbpath, LB_STORE_READ, NULL, &s, err, sizeof err) != LB_OK) {
    fprintf(stderr, "lagebild export: %s\n", err);
    return LB_EXIT_ERR;
  }
  FILE *out = stdout;
  if (outpath && !(out = fopen(outpath, "wb"))) {
    fprintf(stderr, "lagebild export: %s: %s\n", outpath, strerror(errno));
    lb_store_close(s);
    return LB_EXIT_ERR;
  }
  long rows;
  lb_err e = lb_store_export(s, &f, fmt, out, &rows, err, sizeof err);
  lb_store_close(s);
  int werr = fflush(out) != 0;
  if (outpath) werr |= fclose(out) != 0;
  if (e != LB_OK) {
    fprintf(stderr, "lagebild export: %s: %s\n", dbpath, err);
    return LB_EXIT_ERR;
  }
  if (werr) {
    fprintf(stderr, "lagebild export: write error: %s\n", strerror(errno));
    return LB_EXIT_ERR;
  }
  return LB_EXIT_OK;
usage:
  fputs("see: lagebild export --help\n", stderr);
  return LB_EXIT_USAGE;
}
