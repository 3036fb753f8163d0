/*
** queue.h -- documents through NATS JetStream (lb_queue_): `lagebild queue`
** publishes them, `lagebild worker` stores their pictures (docs/scale.md).
**
** A stream (LAGEBILD by default; file storage, work-queue retention)
** holds one message per document on the subject <stream>.docs (lower
** case): the document as a JSON Lines object (read/jsonl.h; the bytes as
** read, so the worker repairs and warns as `lagebild ingest` would), its
** input file in the header Lagebild-Origin, its id in Lagebild-Id, and
** its content hash (lb_store_hash) in Nats-Msg-Id, by which JetStream
** drops a document queued twice within the dedup window. Later copies
** reach the workers and are skipped there: the store knows the hash.
**
** Workers share one durable pull consumer (acknowledgement explicit). Each
** fetches a batch, skips what the store has (acknowledged at once),
** extracts and stores the rest in one transaction (store/ingest.h) and
** acknowledges each document after the commit. A worker that dies leaves
** its messages unacknowledged: JetStream delivers them again after the
** ack wait, and the store's content hash makes the second write a no-op,
** so at-least-once delivery has an exactly-once effect. A document that
** fails (its transaction cannot commit) is delivered again up to
** max_deliver times; then it goes to <stream>.dead with its error
** (header Lagebild-Error) and is acknowledged. So does a document that was
** delivered more than max_deliver times without ever being finished
** (workers died on it): the consumer itself never stops delivering, so a
** document cannot vanish silently.
*/
#ifndef LB_QUEUE_H
#define LB_QUEUE_H

#include <signal.h>
#include <stddef.h>
#include <stdint.h>

#include "../../include/lagebild.h"

typedef struct lb_queue lb_queue;

typedef struct lb_queue_opts {
  const char *stream;     /* stream name (default LAGEBILD) */
  int replicas;           /* replicas of a new stream (1; 3 in a cluster) */
  double dedup_window;    /* seconds a Nats-Msg-Id is remembered by a new stream (120) */
  const char *consumer;   /* the workers' durable consumer (default workers) */
  double ack_wait;        /* seconds before an unacknowledged message is delivered
                          ** again, for a new consumer (30) */
  int max_deliver;        /* deliveries of a failing document before the dead
                          ** letter (5) */
  double reconnect;       /* seconds to keep trying to reach the server (60; <0: forever) */
} lb_queue_opts;

void lb_queue_opts_init(lb_queue_opts *o);

/* Connect to the NATS server(s) at url ("nats://HOST:PORT", several
** separated by commas) and create the stream when it does not exist. NULL
** with a message in err. */
lb_queue *lb_queue_open(const char *url, const lb_queue_opts *o, char *err, size_t errlen);
void lb_queue_close(lb_queue *q);

/* ---- publishing ---- */

typedef struct lb_queue_pub {
  size_t published;  /* stored by the stream */
  size_t duplicates; /* dropped by the stream: the same content hash was queued before */
  size_t failed;     /* not stored (named on stderr by the caller through err) */
} lb_queue_pub;

/* Publish one document (origin: the input's name, may be NULL), without
** waiting for the stream's answer. 0, or -1 with a message naming the
** document in err (too big for the server, or not sent). */
int lb_queue_publish(lb_queue *q, const lb_input *in, const char *origin, char *err,
                     size_t errlen);
/* Wait until the stream has answered for everything published; publish
** again what failed (a server restart) for up to the reconnect time.
** Counts in *c. LB_OK when nothing failed. */
lb_err lb_queue_publish_wait(lb_queue *q, lb_queue_pub *c, char *err, size_t errlen);

/* ---- counters ---- */

typedef struct lb_queue_stats {
  uint64_t waiting;      /* documents in the stream not yet acknowledged */
  uint64_t dead;         /* dead letters in the stream */
  int has_consumer;      /* the workers' consumer exists: then */
  uint64_t pending;      /* documents not yet delivered to a worker */
  uint64_t ack_pending;  /* delivered, not yet acknowledged (being worked on) */
  uint64_t redelivered;  /* of those, delivered more than once */
  uint64_t delivered;    /* deliveries so far (consumer sequence) */
  uint64_t done_seq;     /* stream sequence up to which all are acknowledged */
  char last_dead[512];   /* the newest dead letter: id and error, "" when none */
} lb_queue_stats;

lb_err lb_queue_stats_get(lb_queue *q, lb_queue_stats *st, char *err, size_t errlen);

/* ---- the worker ---- */

typedef struct lb_queue_counts {
  size_t stored;        /* documents committed (added, replaced or unchanged) */
  size_t known;         /* skipped before extraction: the store had them */
  size_t redelivered;   /* messages that came more than once */
  size_t retried;       /* failed documents handed back for another delivery */
  size_t dead;          /* documents sent to the dead letters */
  double seconds;       /* since the worker started */
  uint64_t pending;     /* the consumer's pending + ack pending, at the last look */
} lb_queue_counts;

typedef struct lb_queue_work_opts {
  int threads;           /* extraction threads (<= 0: all cores) */
  size_t batch;          /* messages per fetch and transaction (512: the
                         ** ingest engine's batch) */
  int exit_when_idle;    /* return when nothing is pending or being worked on */
  double every;          /* seconds between calls of `progress` (10; 0: never) */
  void (*progress)(const lb_queue_counts *c, void *ctx);
  void *ctx;
  volatile sig_atomic_t *stop; /* non-zero: finish what was fetched and return */
} lb_queue_work_opts;

/* Work until stopped (or idle with exit_when_idle): fetch documents from
** q's stream, store their pictures in the store at `store` (a
** postgresql:// URL or a SQLite file) with engine e. Final counts in *c.
** LB_OK, or an error (the store failed) with a message in err; what was
** not committed is delivered again to another worker. */
lb_err lb_queue_work(lb_queue *q, const lb_engine *e, const char *store,
                     const lb_queue_work_opts *o, lb_queue_counts *c, char *err, size_t errlen);

#endif
