/*
** ingest.h -- the ingest engine: documents in, pictures into a store
** (lb_ingest_), for `lagebild ingest` and `lagebild worker`.
**
** The caller's thread adds documents; each is begun (text repaired, id
** and content hash known) and gathered into batches (at most batch_docs
** documents or 16 MB). A batch's documents that the store already has
** (same id and hash: one question for the batch) are skipped before any
** extraction; the rest are extracted on the
** extraction pool (picture/batch.h: the threads `lagebild extract` uses,
** kept across batches, the caller's thread among them), and handed to one
** writer thread, which stores each batch while the next is extracted.
**
** Transactions: the writer commits after tx_docs documents, after a batch
** when its transaction is older than tx_seconds, and after the batch that
** lb_ingest_flush ended. After each commit it calls `done` for every
** document of the transaction, in order: added, replaced or unchanged.
** A worker acknowledges its messages there: only what is committed.
**
** Failures: a transaction that fails is rolled back. When it held only
** the batch in hand (always so on PostgreSQL, whose transactions are one
** batch), the writer runs it again -- after a deadlock or a key another
** writer took (up to 5 times), or after connecting again when the
** connection broke (for up to a minute: a PostgreSQL restart) -- and when
** it still fails, stores its documents one per transaction, so that a bad
** document costs only itself: `done` gets LB_INGEST_FAILED and the error
** for it. Otherwise (a SQLite transaction over several batches, a lost
** connection that does not come back) the ingest stops: lb_ingest_add
** returns -1 and lb_ingest_finish the error; everything committed before
** stays. Every document of the transaction rolled back then, and every one
** added but not yet written, gets LB_INGEST_ROLLED_BACK (issue 22: they were
** missing from the counts, and a summary could take them for stored).
*/
#ifndef LB_STORE_INGEST_H
#define LB_STORE_INGEST_H

#include <stddef.h>

#include "../../include/lagebild.h"
#include "store.h"

typedef struct lb_ingest lb_ingest;

/* What `done` reports for a document (the first three are lb_store_add's;
** KNOWN: skipped before extraction, the store has it; REFUSED: the document
** itself cannot be stored, trying again cannot help: a publication date
** that is no date or lies outside 1900 .. tomorrow, lb_store_check_published);
** ROLLED_BACK: not stored because the ingest stopped: its transaction was
** rolled back, or it was never written; another run may store it). */
enum {
  LB_INGEST_ADDED = 0, LB_INGEST_REPLACED = 1, LB_INGEST_SAME = 2, LB_INGEST_FAILED = 3,
  LB_INGEST_KNOWN = 4, LB_INGEST_REFUSED = 5, LB_INGEST_ROLLED_BACK = 6
};

typedef struct lb_ingest_opts {
  int threads;       /* extraction threads; <= 0: all cores */
  size_t tx_docs;    /* documents per transaction; 0: 4096 (SQLite), the batch (PostgreSQL) */
  size_t batch_docs; /* documents per extraction batch; 0: 512 */
  double tx_seconds; /* commit after a batch when the transaction is older; 0: 5 */
  /* Called once for every document added, with its tag from
  ** lb_ingest_add: on the writer thread after the commit (or the failure)
  ** of its transaction; for LB_INGEST_KNOWN on the caller's thread, when
  ** its batch is looked up, for LB_INGEST_REFUSED in lb_ingest_add, and
  ** for LB_INGEST_ROLLED_BACK on either (the writer's when it stops, the
  ** caller's in lb_ingest_finish and lb_ingest_close for what was never
  ** handed over). msg is the error for LB_INGEST_FAILED, _REFUSED and
  ** _ROLLED_BACK (the one that stopped the ingest), else NULL. May be
  ** NULL. */
  void (*done)(void *ctx, void *tag, int status, const char *msg);
  void *ctx;
} lb_ingest_opts;

typedef struct lb_ingest_counts {
  size_t added, replaced, same, known, failed; /* failed: also the refused and rolled back */
  size_t rolled_back;
  size_t retried;    /* transactions run again */
  double write_s;    /* wall time in the store, writer thread */
  double write_cpu;  /* CPU time of the writer thread */
} lb_ingest_counts;

/* Open the store at path for writing (and once more for reading, to skip
** known documents) and start the writer. so: lb_store_open's options. NULL
** with a message in err. */
lb_ingest *lb_ingest_open(const lb_engine *e, const char *path, const lb_store_opts *so,
                          const lb_ingest_opts *o, char *err, size_t errlen);

/* Add one document (in's strings are copied; origin, the input's name,
** may be NULL); done will be called for it unless the ingest stops. 0, or
** -1: the ingest has stopped (lb_ingest_errmsg) and the document was not
** added. May block while the writer catches up. */
int lb_ingest_add(lb_ingest *g, const lb_input *in, const char *origin, void *tag);

/* End the transaction after what was added: extract it now and let the
** writer store and commit it (it does so while the caller goes on). */
void lb_ingest_flush(lb_ingest *g);

/* Flush and wait until everything added is committed. LB_OK, or the error
** that stopped the ingest. */
lb_err lb_ingest_finish(lb_ingest *g);

void lb_ingest_counts_get(lb_ingest *g, lb_ingest_counts *c);
const char *lb_ingest_errmsg(lb_ingest *g);
/* The store's name for messages (the URL without password). */
const char *lb_ingest_store_name(lb_ingest *g);

/* Stop the writer (what was not committed is rolled back) and close the
** store. */
void lb_ingest_close(lb_ingest *g);

#endif
