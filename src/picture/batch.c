/*
** batch.c -- parallel pipeline over a batch of documents (see batch.h).
**
** Workers take the next document index from an atomic counter: documents
** differ a lot in size, so static partitioning would leave a core idle.
*/
#include "batch.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <unistd.h>

#include "pipeline.h"

typedef struct job {
  const lb_engine *e;
  lb_doc **docs;
  size_t n;
  atomic_size_t next;
  lb_batch_fn fn;
  void *ctx;
} job;

static void *worker(void *arg) {
  job *j = arg;
  for (;;) {
    size_t i = atomic_fetch_add(&j->next, 1);
    if (i >= j->n) break;
    lb_doc_run(j->e, j->docs[i]);
    if (j->fn) j->fn(j->docs[i], i, j->ctx);
  }
  return NULL;
}

void lb_batch_run(const lb_engine *e, lb_doc **docs, size_t n, int nthreads, lb_batch_fn fn,
                  void *ctx) {
  job j;
  j.e = e;
  j.docs = docs;
  j.n = n;
  atomic_init(&j.next, 0);
  j.fn = fn;
  j.ctx = ctx;
  if (nthreads <= 1 || n <= 1) {
    worker(&j);
    return;
  }
  if ((size_t)nthreads > n) nthreads = (int)n;
  pthread_t th[64];
  if (nthreads > 64) nthreads = 64;
  int started = 0;
  for (int t = 1; t < nthreads; t++)
    if (pthread_create(&th[started], NULL, worker, &j) == 0) started++;
  worker(&j);
  for (int t = 0; t < started; t++) pthread_join(th[t], NULL);
}

typedef struct pfor {
  size_t n;
  atomic_size_t next;
  void (*fn)(size_t i, void *ctx);
  void *ctx;
} pfor;

static void *pfor_worker(void *arg) {
  pfor *j = arg;
  for (;;) {
    size_t i = atomic_fetch_add(&j->next, 1);
    if (i >= j->n) break;
    j->fn(i, j->ctx);
  }
  return NULL;
}

void lb_batch_for(size_t n, int nthreads, void (*fn)(size_t i, void *ctx), void *ctx) {
  pfor j;
  j.n = n;
  atomic_init(&j.next, 0);
  j.fn = fn;
  j.ctx = ctx;
  if (nthreads > 64) nthreads = 64;
  if ((size_t)nthreads > n) nthreads = (int)n;
  pthread_t th[64];
  int started = 0;
  for (int t = 1; t < nthreads; t++)
    if (pthread_create(&th[started], NULL, pfor_worker, &j) == 0) started++;
  pfor_worker(&j);
  for (int t = 0; t < started; t++) pthread_join(th[t], NULL);
}

/*
** The pool: nthreads - 1 workers that live as long as the pool and wait for
** the next job, so that what they keep per thread -- the lexicon caches of
** lexdoc.c, lex.c and ent.c, up to 1 MB -- stays warm from one batch to the
** next. (Threads started per batch began every batch of 1,024 documents
** with empty caches, and paid for the caches' pages again: 12,800 page
** faults on the bench corpus.)
*/
struct lb_batch_pool {
  pthread_mutex_t mu;
  pthread_cond_t go, done;
  pthread_t th[64];
  int nth;
  unsigned long gen; /* jobs started */
  int busy;          /* workers still on the current job */
  int quit;
  int want;          /* workers to start with the first job of 2+ indices */
  pfor j;
};

static void *pool_worker(void *arg) {
  lb_batch_pool *p = arg;
  unsigned long seen = 0;
  pthread_mutex_lock(&p->mu);
  for (;;) {
    while (!p->quit && p->gen == seen) pthread_cond_wait(&p->go, &p->mu);
    if (p->quit) break;
    seen = p->gen;
    pthread_mutex_unlock(&p->mu);
    pfor_worker(&p->j);
    pthread_mutex_lock(&p->mu);
    if (--p->busy == 0) pthread_cond_signal(&p->done);
  }
  pthread_mutex_unlock(&p->mu);
  return NULL;
}

lb_batch_pool *lb_batch_pool_new(int nthreads) {
  lb_batch_pool *p = calloc(1, sizeof *p);
  if (!p) return NULL;
  pthread_mutex_init(&p->mu, NULL);
  pthread_cond_init(&p->go, NULL);
  pthread_cond_init(&p->done, NULL);
  if (nthreads > 64) nthreads = 64;
  p->want = nthreads - 1;
  return p;
}

void lb_batch_pool_start(lb_batch_pool *p, size_t n, void (*fn)(size_t i, void *ctx), void *ctx) {
  /* the workers start with the first job that has work for them: a run on
  ** one short document (start-up, make bench) starts no thread, whose
  ** per-thread caches (~0.8 MB of TLS) would cost page faults to set up */
  if (n > 1 && p->want > 0) {
    for (int t = 0; t < p->want; t++)
      if (pthread_create(&p->th[p->nth], NULL, pool_worker, p) == 0) p->nth++;
    p->want = 0;
  }
  pthread_mutex_lock(&p->mu);
  p->j.n = n;
  atomic_store(&p->j.next, 0);
  p->j.fn = fn;
  p->j.ctx = ctx;
  p->busy = p->nth;
  p->gen++;
  pthread_cond_broadcast(&p->go);
  pthread_mutex_unlock(&p->mu);
}

void lb_batch_pool_finish(lb_batch_pool *p) {
  pfor_worker(&p->j);
  pthread_mutex_lock(&p->mu);
  while (p->busy) pthread_cond_wait(&p->done, &p->mu);
  pthread_mutex_unlock(&p->mu);
}

void lb_batch_pool_free(lb_batch_pool *p) {
  if (!p) return;
  pthread_mutex_lock(&p->mu);
  p->quit = 1;
  pthread_cond_broadcast(&p->go);
  pthread_mutex_unlock(&p->mu);
  for (int t = 0; t < p->nth; t++) pthread_join(p->th[t], NULL);
  pthread_cond_destroy(&p->go);
  pthread_cond_destroy(&p->done);
  pthread_mutex_destroy(&p->mu);
  free(p);
}

int lb_batch_cpus(void) {
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n < 1 ? 1 : (int)n;
}
