/*
** ingest.c -- the ingest engine (see ingest.h): reader side on the caller's
** thread, extraction on the pool, one writer thread into the store.
**
** Two batch buffers: while the writer stores one, the caller fills and
** extracts the other. The writer keeps, for the transaction it has open,
** the tag and outcome of each document written (the documents themselves
** are freed batch by batch) and reports them after the commit.
*/
#include "ingest.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../picture/batch.h"
#include "../picture/pipeline.h"
#include "db.h"

#define BATCH_BYTES (16u << 20) /* text per extraction batch, at most */
#define BATCH_DOCS 512          /* documents per extraction batch by default */
#define TX_DOCS 4096            /* documents per SQLite transaction by default: FTS5
                                ** writes one index segment per transaction and merges
                                ** segments later, so fewer, bigger ones merge less */
#define TX_SECONDS 5.0          /* commit a transaction older than this after a batch */
#define AGAIN_TRIES 5           /* runs of a transaction after a deadlock or a taken key */
#define LOST_SECONDS 60.0       /* connecting again after a lost connection, at most */

typedef struct batch {
  lb_doc **docs;
  uint64_t *hash;
  char **origin; /* owned copies (NULL: none) */
  void **tag;
  int *status;
  size_t n, bytes;
  int end_tx; /* commit after this batch */
} batch;

typedef struct done_ent {
  void *tag;
  int status;
} done_ent;

struct lb_ingest {
  const lb_engine *e;
  lb_store *w, *rd;
  lb_batch_pool *pool;
  lb_ingest_opts o;
  pthread_t th;
  int have_writer;
  pthread_mutex_t mu;
  pthread_cond_t cv;
  batch bb[2];
  int cur;
  char *known;     /* per document of a batch: the store has it */
  batch *pending; /* handed to the writer, not yet taken */
  batch *writing; /* being written */
  int quit;
  atomic_int failed;
  /* the writer's */
  int in_tx;
  size_t tx_n;     /* documents in the open transaction */
  double tx_t0;    /* when it began */
  done_ent *dv;    /* their tags and outcomes, reported at commit */
  size_t dn, dcap;
  lb_ingest_counts c; /* under mu */
  char err[1024];
};

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double thread_cpu_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void stop(lb_ingest *g, const char *msg) {
  pthread_mutex_lock(&g->mu);
  if (!g->failed) snprintf(g->err, sizeof g->err, "%s", msg && *msg ? msg : "stopped");
  g->failed = 1;
  pthread_mutex_unlock(&g->mu);
}

static void batch_clear(batch *b) {
  for (size_t i = 0; i < b->n; i++) {
    lb_doc_free(b->docs[i]);
    free(b->origin[i]);
  }
  b->n = b->bytes = 0;
  b->end_tx = 0;
}

/* ---- the writer ---- */

static void report(lb_ingest *g, void *tag, int status, const char *msg) {
  pthread_mutex_lock(&g->mu);
  if (status == LB_INGEST_ADDED) g->c.added++;
  else if (status == LB_INGEST_REPLACED) g->c.replaced++;
  else if (status == LB_INGEST_SAME) g->c.same++;
  else if (status == LB_INGEST_KNOWN) g->c.known++;
  else g->c.failed++;
  if (status == LB_INGEST_ROLLED_BACK) g->c.rolled_back++;
  pthread_mutex_unlock(&g->mu);
  if (g->o.done) g->o.done(g->o.ctx, tag, status, msg);
}

/* The ingest stopped: the documents of the transaction that was rolled
** back (those kept for its commit) and docs[from..) of b are not stored. */
static void give_up(lb_ingest *g, batch *b, size_t from) {
  for (size_t i = 0; i < g->dn; i++) report(g, g->dv[i].tag, LB_INGEST_ROLLED_BACK, g->err);
  g->dn = 0;
  for (size_t i = from; b && i < b->n; i++) report(g, b->tag[i], LB_INGEST_ROLLED_BACK, g->err);
}

/* Connect again after a lost connection, trying for LOST_SECONDS. */
static int reconnect(lb_ingest *g, lb_store *s) {
  double t0 = now_s();
  while (now_s() - t0 < LOST_SECONDS && !g->quit) {
    if (lb_store_reconnect(s) == LB_OK) return 0;
    sleep(1);
  }
  return -1;
}

/* Whether a failed transaction (rolled back) is worth running again:
** after a short wait, or after connecting again. */
static int again(lb_ingest *g, int attempt) {
  int r = lb_store_retry(g->w);
  if (r == LB_DB_LOST) return reconnect(g, g->w) == 0;
  if (r == LB_DB_AGAIN && attempt < AGAIN_TRIES) {
    usleep(20000u << attempt); /* 20 ms, 40 ms, ...: the other writer commits */
    return 1;
  }
  return 0;
}

static void rollback(lb_ingest *g) {
  if (g->in_tx) lb_store_rollback(g->w);
  g->in_tx = 0;
}

/* Commit the open transaction and report its documents. 0, or -1 (rolled
** back). */
static int commit(lb_ingest *g) {
  if (!g->in_tx) return 0;
  g->in_tx = 0;
  if (lb_store_commit(g->w) != LB_OK) return -1;
  for (size_t i = 0; i < g->dn; i++) report(g, g->dv[i].tag, g->dv[i].status, NULL);
  g->dn = 0;
  return 0;
}

/* Add docs[0..n) to the open transaction (begun when none is). */
static int add_docs(lb_ingest *g, batch *b, size_t from, size_t n) {
  if (!g->in_tx) {
    if (lb_store_begin(g->w) != LB_OK) return -1;
    g->in_tx = 1;
    g->tx_n = 0;
    g->tx_t0 = now_s();
  }
  if (lb_store_prepare(g->w, b->docs + from, n) != LB_OK) return -1;
  for (size_t i = from; i < from + n; i++)
    if (lb_store_add(g->w, b->docs[i], b->hash[i], b->origin[i], &b->status[i]) != LB_OK)
      return -1;
  return 0;
}

static int keep_done(lb_ingest *g, batch *b) {
  if (g->dn + b->n > g->dcap) {
    size_t cap = (g->dn + b->n) * 2;
    done_ent *v = realloc(g->dv, cap * sizeof *v);
    if (!v) return -1;
    g->dv = v;
    g->dcap = cap;
  }
  for (size_t i = 0; i < b->n; i++) g->dv[g->dn++] = (done_ent){b->tag[i], b->status[i]};
  return 0;
}

/* One document in a transaction of its own, run again as long as that can
** help; reported as stored or failed (the message names it). -1 when the
** store is gone. */
static int write_alone(lb_ingest *g, batch *b, size_t i) {
  for (int attempt = 0;; attempt++) {
    if (add_docs(g, b, i, 1) == 0 && commit(g) == 0) {
      report(g, b->tag[i], b->status[i], NULL);
      return 0;
    }
    char msg[768];
    const char *id = b->docs[i]->id;
    snprintf(msg, sizeof msg, "document %.100s%s: %s", id, strlen(id) > 100 ? "..." : "",
             lb_store_errmsg(g->w));
    rollback(g);
    int r = lb_store_retry(g->w);
    if (r == LB_DB_LOST) {
      if (reconnect(g, g->w) == 0) continue;
      stop(g, msg);
      return -1;
    }
    if (r == LB_DB_AGAIN && attempt < AGAIN_TRIES) {
      usleep(20000u << attempt);
      continue;
    }
    report(g, b->tag[i], LB_INGEST_FAILED, msg);
    return 0;
  }
}

/* Store a batch; commit when the transaction is full, old or ended. */
static void write_batch(lb_ingest *g, batch *b) {
  if (g->failed) {
    give_up(g, b, 0);
    return;
  }
  double t0 = now_s(), c0 = thread_cpu_s();
  int fresh = !g->in_tx; /* the transaction will hold this batch only */
  int ok = 0;
  for (int attempt = 0;; attempt++) {
    if (b->n == 0 || add_docs(g, b, 0, b->n) == 0) {
      size_t n = g->tx_n + b->n;
      int end = b->end_tx || n >= g->o.tx_docs || now_s() - g->tx_t0 >= g->o.tx_seconds;
      if (keep_done(g, b)) {
        stop(g, "out of memory");
        rollback(g);
        give_up(g, b, 0);
        return;
      }
      g->tx_n = n;
      if (!end || commit(g) == 0) {
        ok = 1;
        break;
      }
      g->dn -= b->n; /* this batch's are run again */
    }
    char msg[512];
    snprintf(msg, sizeof msg, "%s", lb_store_errmsg(g->w));
    rollback(g);
    if (!fresh) { /* earlier batches of the transaction are gone */
      stop(g, msg);
      give_up(g, b, 0);
      return;
    }
    g->dn = 0;
    if (!again(g, attempt)) {
      if (lb_store_retry(g->w) == LB_DB_LOST) {
        stop(g, msg);
        give_up(g, b, 0);
        return;
      }
      break; /* the batch fails as a whole: each document alone */
    }
    pthread_mutex_lock(&g->mu);
    g->c.retried++;
    pthread_mutex_unlock(&g->mu);
  }
  if (!ok)
    for (size_t i = 0; i < b->n; i++)
      if (write_alone(g, b, i)) {
        give_up(g, b, i);
        return;
      }
  pthread_mutex_lock(&g->mu);
  g->c.write_s += now_s() - t0;
  g->c.write_cpu += thread_cpu_s() - c0;
  pthread_mutex_unlock(&g->mu);
}

static void *writer(void *arg) {
  lb_ingest *g = arg;
  pthread_mutex_lock(&g->mu);
  for (;;) {
    while (!g->pending && !g->quit) pthread_cond_wait(&g->cv, &g->mu);
    if (!g->pending) break;
    batch *b = g->pending;
    g->pending = NULL;
    g->writing = b;
    pthread_mutex_unlock(&g->mu);
    write_batch(g, b);
    batch_clear(b);
    pthread_mutex_lock(&g->mu);
    g->writing = NULL;
    pthread_cond_broadcast(&g->cv);
  }
  pthread_mutex_unlock(&g->mu);
  /* the end: what is still open is committed */
  double t0 = now_s(), c0 = thread_cpu_s();
  if (!g->failed && commit(g)) stop(g, lb_store_errmsg(g->w));
  pthread_mutex_lock(&g->mu);
  g->c.write_s += now_s() - t0;
  g->c.write_cpu += thread_cpu_s() - c0;
  pthread_mutex_unlock(&g->mu);
  rollback(g);
  give_up(g, NULL, 0); /* what the failed commit held */
  return NULL;
}

/* ---- the caller's side ---- */

static int batch_init(batch *b, size_t cap) {
  b->docs = calloc(cap, sizeof *b->docs);
  b->hash = calloc(cap, sizeof *b->hash);
  b->origin = calloc(cap, sizeof *b->origin);
  b->tag = calloc(cap, sizeof *b->tag);
  b->status = calloc(cap, sizeof *b->status);
  return b->docs && b->hash && b->origin && b->tag && b->status ? 0 : -1;
}

static void batch_free(batch *b) {
  batch_clear(b);
  free(b->docs);
  free(b->hash);
  free(b->origin);
  free(b->tag);
  free(b->status);
}

lb_ingest *lb_ingest_open(const lb_engine *e, const char *path, const lb_store_opts *so,
                          const lb_ingest_opts *o, char *err, size_t errlen) {
  lb_ingest *g = calloc(1, sizeof *g);
  if (!g) {
    snprintf(err, errlen, "out of memory");
    return NULL;
  }
  g->e = e;
  if (o) g->o = *o;
  if (lb_store_open(path, LB_STORE_WRITE, so, &g->w, err, errlen) != LB_OK ||
      lb_store_open(path, LB_STORE_READ, NULL, &g->rd, err, errlen) != LB_OK) {
    lb_store_close(g->w);
    free(g);
    return NULL;
  }
  if (!g->o.batch_docs) g->o.batch_docs = BATCH_DOCS;
  if (!g->o.tx_docs) g->o.tx_docs = lb_store_is_pg(path) ? g->o.batch_docs : TX_DOCS;
  /* extraction batches: no more than a transaction */
  if (g->o.batch_docs > g->o.tx_docs) g->o.batch_docs = g->o.tx_docs;
  if (g->o.tx_seconds <= 0) g->o.tx_seconds = TX_SECONDS;
  pthread_mutex_init(&g->mu, NULL);
  pthread_cond_init(&g->cv, NULL);
  int threads = g->o.threads > 0 ? g->o.threads : lb_batch_cpus();
  if (batch_init(&g->bb[0], g->o.batch_docs) || batch_init(&g->bb[1], g->o.batch_docs) ||
      !(g->known = malloc(g->o.batch_docs)) || !(g->pool = lb_batch_pool_new(threads))) {
    snprintf(err, errlen, "out of memory");
    lb_ingest_close(g);
    return NULL;
  }
  g->have_writer = pthread_create(&g->th, NULL, writer, g) == 0;
  if (!g->have_writer) {
    snprintf(err, errlen, "cannot start the writer thread");
    lb_ingest_close(g);
    return NULL;
  }
  return g;
}

static void run_doc(size_t i, void *ctx) {
  void **c = ctx;
  lb_doc_run(c[0], ((batch *)c[1])->docs[i]);
}

/* Keep the batch's documents for which drop() says NULL; report each other
** with the status and message drop() gives (and free it). */
typedef const char *drop_fn(lb_ingest *g, batch *b, size_t i, int *status, char *msg, size_t n);
static void batch_filter(lb_ingest *g, batch *b, drop_fn *drop) {
  size_t k = 0;
  for (size_t i = 0; i < b->n; i++) {
    char msg[768];
    int status;
    const char *m = drop(g, b, i, &status, msg, sizeof msg);
    if (m) {
      report(g, b->tag[i], status, *m ? m : NULL);
      lb_doc_free(b->docs[i]);
      free(b->origin[i]);
      continue;
    }
    b->docs[k] = b->docs[i];
    b->hash[k] = b->hash[i];
    b->origin[k] = b->origin[i];
    b->tag[k] = b->tag[i];
    k++;
  }
  b->n = k;
}

static const char *drop_known(lb_ingest *g, batch *b, size_t i, int *status, char *msg, size_t n) {
  (void)b, (void)msg, (void)n;
  *status = LB_INGEST_KNOWN;
  return g->known[i] ? "" : NULL;
}

/* Over its memory limit (lb_engine_set_limits): failed, with the reason. */
static const char *drop_refused(lb_ingest *g, batch *b, size_t i, int *status, char *msg, size_t n) {
  (void)g;
  const char *why = lb_doc_refused(b->docs[i]);
  if (!why) return NULL;
  *status = LB_INGEST_FAILED;
  snprintf(msg, n, "%s%sdocument \"%.100s\" %s%s", b->origin[i] ? b->origin[i] : "",
           b->origin[i] ? ": " : "", b->docs[i]->id, why,
           strstr(why, "limit") ? " (--max-doc-memory)" : "");
  return msg;
}

/* Drop the batch's documents the store has (one question), reporting
** them as known. 0, or -1 when the store cannot answer. */
static int skip_known(lb_ingest *g, batch *b) {
  while (lb_store_known_many(g->rd, b->docs, b->hash, b->n, g->known) < 0)
    if (lb_store_retry(g->rd) != LB_DB_LOST || reconnect(g, g->rd)) {
      stop(g, lb_store_errmsg(g->rd));
      return -1;
    }
  batch_filter(g, b, drop_known);
  return 0;
}

/* Skip the known, extract the rest of the current batch and hand it to the
** writer; then wait until the other buffer is free to fill. */
static void hand_over(lb_ingest *g, int end_tx) {
  batch *b = &g->bb[g->cur];
  b->end_tx = end_tx;
  if (b->n && skip_known(g, b)) return;
  if (b->n) {
    void *ctx[2] = {(void *)g->e, b};
    lb_batch_pool_start(g->pool, b->n, run_doc, ctx);
    lb_batch_pool_finish(g->pool);
    batch_filter(g, b, drop_refused);
  }
  pthread_mutex_lock(&g->mu);
  while (g->pending) pthread_cond_wait(&g->cv, &g->mu);
  g->pending = b;
  pthread_cond_broadcast(&g->cv);
  g->cur ^= 1;
  batch *next = &g->bb[g->cur];
  while (g->pending == next || g->writing == next) pthread_cond_wait(&g->cv, &g->mu);
  pthread_mutex_unlock(&g->mu);
}

int lb_ingest_add(lb_ingest *g, const lb_input *in, const char *origin, void *tag) {
  if (g->failed) return -1;
  lb_doc *d = lb_doc_begin(g->e, in);
  if (!d) {
    stop(g, "out of memory");
    return -1;
  }
  char msg[512];
  if (lb_store_check_published(d, msg, sizeof msg)) { /* refused before extraction */
    lb_doc_free(d);
    report(g, tag, LB_INGEST_REFUSED, msg);
    return 0;
  }
  batch *b = &g->bb[g->cur];
  b->docs[b->n] = d;
  b->hash[b->n] = lb_store_hash(d);
  b->origin[b->n] = origin ? strdup(origin) : NULL;
  b->tag[b->n] = tag;
  b->status[b->n] = LB_INGEST_FAILED;
  b->n++;
  b->bytes += in->len;
  if (b->n == g->o.batch_docs || b->bytes >= BATCH_BYTES) hand_over(g, 0);
  return 0; /* added (when the ingest stopped meanwhile, the next add says so) */
}

void lb_ingest_flush(lb_ingest *g) {
  if (!g->failed) hand_over(g, 1);
}

/* After a stop: the documents added but never handed to the writer. */
static void give_up_unsent(lb_ingest *g) {
  batch *b = &g->bb[g->cur];
  if (!g->failed || !b->n) return;
  for (size_t i = 0; i < b->n; i++) report(g, b->tag[i], LB_INGEST_ROLLED_BACK, g->err);
  batch_clear(b);
}

lb_err lb_ingest_finish(lb_ingest *g) {
  lb_ingest_flush(g);
  pthread_mutex_lock(&g->mu);
  while (g->pending || g->writing) pthread_cond_wait(&g->cv, &g->mu);
  pthread_mutex_unlock(&g->mu);
  give_up_unsent(g);
  return g->failed ? LB_ERR_DB : LB_OK;
}

void lb_ingest_counts_get(lb_ingest *g, lb_ingest_counts *c) {
  pthread_mutex_lock(&g->mu);
  *c = g->c;
  pthread_mutex_unlock(&g->mu);
}

const char *lb_ingest_errmsg(lb_ingest *g) { return g->err; }
const char *lb_ingest_store_name(lb_ingest *g) { return lb_store_name(g->w); }

void lb_ingest_close(lb_ingest *g) {
  if (!g) return;
  if (g->have_writer) {
    pthread_mutex_lock(&g->mu);
    while (g->pending || g->writing) pthread_cond_wait(&g->cv, &g->mu);
    g->quit = 1;
    pthread_cond_broadcast(&g->cv);
    pthread_mutex_unlock(&g->mu);
    pthread_join(g->th, NULL);
    give_up_unsent(g);
  }
  lb_batch_pool_free(g->pool);
  batch_free(&g->bb[0]);
  batch_free(&g->bb[1]);
  free(g->dv);
  free(g->known);
  lb_store_close(g->rd);
  lb_store_close(g->w);
  pthread_mutex_destroy(&g->mu);
  pthread_cond_destroy(&g->cv);
  free(g);
}
