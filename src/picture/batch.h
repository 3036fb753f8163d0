/*
** batch.h -- run the pipeline over many documents on several threads.
**
** The reader stays on one thread (it must, to keep input order); the stages
** of each document run on a worker; results come back in input order, so
** output is byte-identical for any thread count.
*/
#ifndef LB_BATCH_H
#define LB_BATCH_H

#include <stddef.h>

#include "../../include/lagebild.h"

/* Called on the worker thread right after document i's stages ran (for
** example to serialise it); may be NULL. */
typedef void (*lb_batch_fn)(lb_doc *d, size_t i, void *ctx);

/* Run the stages of docs[0..n) (begun with lb_doc_begin) on nthreads
** threads (<= 1: on this thread), calling fn for each. */
void lb_batch_run(const lb_engine *e, lb_doc **docs, size_t n, int nthreads, lb_batch_fn fn,
                  void *ctx);

/* A parallel for: fn(i, ctx) for every i in [0, n) on nthreads threads,
** each index exactly once, in no particular order. */
void lb_batch_for(size_t n, int nthreads, void (*fn)(size_t i, void *ctx), void *ctx);

/* A pool of nthreads - 1 worker threads for a parallel for over many batches
** in turn, in two halves so that the calling thread can do other work (read
** the next batch, write the last one) while the workers start on this one:
** lb_batch_pool_start hands them fn(i, ctx) for i in [0, n);
** lb_batch_pool_finish makes the caller work on the remaining indices too
** and waits for all. The workers outlive the batches (their per-thread
** caches stay warm). With nthreads <= 1 every index runs in finish.
** lb_batch_pool_new returns NULL when out of memory. */
typedef struct lb_batch_pool lb_batch_pool;
lb_batch_pool *lb_batch_pool_new(int nthreads);
void lb_batch_pool_start(lb_batch_pool *p, size_t n, void (*fn)(size_t i, void *ctx), void *ctx);
void lb_batch_pool_finish(lb_batch_pool *p);
void lb_batch_pool_free(lb_batch_pool *p);

/* Number of online CPUs (at least 1). */
int lb_batch_cpus(void);

#endif
