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

struct lb_batch_job {
  pfor j;
  pthread_t th[64];
  int started;
};

lb_batch_job *lb_batch_start(size_t n, int nthreads, void (*fn)(size_t i, void *ctx), void *ctx) {
  lb_batch_job *b = malloc(sizeof *b);
  if (!b) return NULL;
  b->j.n = n;
  atomic_init(&b->j.next, 0);
  b->j.fn = fn;
  b->j.ctx = ctx;
  b->started = 0;
  if (nthreads > 64) nthreads = 64;
  if ((size_t)nthreads > n) nthreads = (int)n;
  for (int t = 1; t < nthreads; t++)
    if (pthread_create(&b->th[b->started], NULL, pfor_worker, &b->j) == 0) b->started++;
  return b;
}

void lb_batch_finish(lb_batch_job *b) {
  if (!b) return;
  pfor_worker(&b->j);
  for (int t = 0; t < b->started; t++) pthread_join(b->th[t], NULL);
  free(b);
}

int lb_batch_cpus(void) {
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return n < 1 ? 1 : (int)n;
}
