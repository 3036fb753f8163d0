/*
** queue.c -- the NATS side of `lagebild queue` and `lagebild worker`:
** connecting, the stream and the consumer, publishing, counters (see
** queue.h; the worker's loop is worker.c).
**
** Publishing is asynchronous (up to 4096 documents in flight); the
** stream's answer comes to on_pub_ack on a library thread, which counts it
** or keeps the message when it failed (a server restart); those are
** published again, synchronously, when the caller waits for the end.
*/
#include "queue.h"

#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../base/buf.h"
#include "../picture/pipeline.h"
#include "../read/jsonl.h"
#include "../store/store.h"
#include "../store/ingest.h"
#include "natslib.h"

#define PUB_PENDING 4096 /* asynchronous publishes in flight, at most */
#define PUB_WAIT_MS 10000 /* a publish not answered within this failed */

struct lb_queue {
  natsConnection *nc;
  jsCtx *js;
  lb_queue_opts o;
  char url[256];
  char stream[64], subj_docs[80], subj_dead[80];
  int64_t max_payload;
  lb_engine *text; /* begins documents for their id and hash */
  lb_buf payload;
  pthread_mutex_t mu;
  natsMsg **failed; /* publishes that failed, to send again (under mu) */
  size_t nfailed, capfailed;
  lb_queue_pub pub; /* under mu */
};

static double now_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

void lb_queue_opts_init(lb_queue_opts *o) {
  memset(o, 0, sizeof *o);
  o->stream = "LAGEBILD";
  o->replicas = 1;
  o->dedup_window = 120;
  o->consumer = "workers";
  o->ack_wait = 30;
  o->max_deliver = 5;
  o->reconnect = 60;
}

static void nerr(char *err, size_t errlen, const char *what, natsStatus s, jsErrCode je) {
  natsStatus ls;
  const char *detail = nats_GetLastError(&ls);
  if (je)
    snprintf(err, errlen, "%s: %s (JetStream error %d)", what, natsStatus_GetText(s), (int)je);
  else if (detail && *detail)
    snprintf(err, errlen, "%s: %s", what, detail);
  else
    snprintf(err, errlen, "%s: %s", what, natsStatus_GetText(s));
}

/* The stream's answer to an asynchronous publish (a library thread). */
static void on_pub_ack(jsCtx *js, natsMsg *msg, jsPubAck *pa, jsPubAckErr *pae, void *closure) {
  (void)js;
  (void)pae;
  lb_queue *q = closure;
  pthread_mutex_lock(&q->mu);
  if (pa) {
    if (pa->Duplicate)
      q->pub.duplicates++;
    else
      q->pub.published++;
  } else if (q->nfailed < q->capfailed || (q->capfailed = q->capfailed ? q->capfailed * 2 : 64,
                                           (q->failed = realloc(q->failed, q->capfailed *
                                                                sizeof *q->failed)) != NULL)) {
    q->failed[q->nfailed++] = msg; /* published again in lb_queue_publish_wait */
    msg = NULL;
  } else {
    q->pub.failed++;
  }
  pthread_mutex_unlock(&q->mu);
  natsMsg_Destroy(msg);
}

/* The stream: found, or created with file storage. */
static int ensure_stream(lb_queue *q, char *err, size_t errlen) {
  jsStreamInfo *si = NULL;
  jsErrCode je = 0;
  natsStatus s = js_GetStreamInfo(&si, q->js, q->stream, NULL, &je);
  if (s == NATS_OK) {
    jsStreamInfo_Destroy(si);
    return 0;
  }
  if (s != NATS_NOT_FOUND && je != JSStreamNotFoundErr) {
    nerr(err, errlen, "cannot read the stream", s, je);
    return -1;
  }
  jsStreamConfig cfg;
  jsStreamConfig_Init(&cfg);
  const char *subjects[2] = {q->subj_docs, q->subj_dead};
  cfg.Name = q->stream;
  cfg.Subjects = subjects;
  cfg.SubjectsLen = 2;
  cfg.Storage = js_FileStorage;
  cfg.Retention = js_WorkQueuePolicy; /* a document is removed once stored */
  cfg.Replicas = q->o.replicas > 0 ? q->o.replicas : 1;
  cfg.Duplicates = (int64_t)(q->o.dedup_window * 1e9);
  s = js_AddStream(&si, q->js, &cfg, NULL, &je);
  if (s != NATS_OK && je != JSStreamNameExistErr) {
    nerr(err, errlen, "cannot create the stream", s, je);
    return -1;
  }
  jsStreamInfo_Destroy(si);
  return 0;
}

lb_queue *lb_queue_open(const char *url, const lb_queue_opts *o, char *err, size_t errlen) {
  if (lb_nats_load(err, errlen)) return NULL;
  lb_queue *q = calloc(1, sizeof *q);
  if (!q) {
    snprintf(err, errlen, "out of memory");
    return NULL;
  }
  if (o)
    q->o = *o;
  else
    lb_queue_opts_init(&q->o);
  pthread_mutex_init(&q->mu, NULL);
  snprintf(q->stream, sizeof q->stream, "%s", q->o.stream ? q->o.stream : "LAGEBILD");
  char low[64];
  size_t i = 0;
  for (; q->stream[i] && i + 1 < sizeof low; i++)
    low[i] = (char)tolower((unsigned char)q->stream[i]);
  low[i] = 0;
  snprintf(q->subj_docs, sizeof q->subj_docs, "%s.docs", low);
  snprintf(q->subj_dead, sizeof q->subj_dead, "%s.dead", low);
  snprintf(q->url, sizeof q->url, "%s", url);
  natsOptions *no = NULL;
  natsStatus s = natsOptions_Create(&no);
  if (s == NATS_OK) s = natsOptions_SetURL(no, url);
  if (s == NATS_OK) s = natsOptions_SetName(no, "lagebild");
  if (s == NATS_OK) s = natsOptions_SetTimeout(no, 5000);
  if (s == NATS_OK) s = natsOptions_SetReconnectWait(no, 500);
  /* keep trying through a server restart: forever, or reconnect s */
  if (s == NATS_OK)
    s = natsOptions_SetMaxReconnect(no, q->o.reconnect < 0 ? -1 : (int)(q->o.reconnect * 2) + 1);
  if (s == NATS_OK) s = natsConnection_Connect(&q->nc, no);
  natsOptions_Destroy(no);
  if (s != NATS_OK) {
    char what[300];
    snprintf(what, sizeof what, "%s: cannot connect to NATS (is nats-server running, with -js?)",
             url);
    nerr(err, errlen, what, s, 0);
    lb_queue_close(q);
    return NULL;
  }
  jsOptions jo;
  jsOptions_Init(&jo);
  jo.Wait = PUB_WAIT_MS;
  jo.PublishAsync.MaxPending = PUB_PENDING;
  jo.PublishAsync.AckHandler = on_pub_ack;
  jo.PublishAsync.AckHandlerClosure = q;
  s = natsConnection_JetStream(&q->js, q->nc, &jo);
  if (s != NATS_OK) {
    nerr(err, errlen, "cannot use JetStream", s, 0);
    lb_queue_close(q);
    return NULL;
  }
  if (ensure_stream(q, err, errlen)) {
    lb_queue_close(q);
    return NULL;
  }
  q->max_payload = natsConnection_GetMaxPayload(q->nc);
  if (!(q->text = lb_engine_new_text_only())) {
    snprintf(err, errlen, "out of memory");
    lb_queue_close(q);
    return NULL;
  }
  return q;
}

void lb_queue_close(lb_queue *q) {
  if (!q) return;
  for (size_t i = 0; i < q->nfailed; i++) natsMsg_Destroy(q->failed[i]);
  free(q->failed);
  jsCtx_Destroy(q->js);
  if (q->nc) {
    natsConnection_Close(q->nc);
    natsConnection_Destroy(q->nc);
  }
  lb_engine_free(q->text);
  lb_buf_free(&q->payload);
  pthread_mutex_destroy(&q->mu);
  free(q);
}

/* ---- publishing ---- */

/* A header value: one line. */
static void header(natsMsg *m, const char *key, const char *v) {
  char clean[512];
  size_t i = 0;
  for (; v[i] && i + 1 < sizeof clean; i++) clean[i] = v[i] == '\r' || v[i] == '\n' ? ' ' : v[i];
  clean[i] = 0;
  natsMsgHeader_Set(m, key, clean);
}

int lb_queue_publish(lb_queue *q, const lb_input *in, const char *origin, char *err,
                     size_t errlen) {
  /* the id and content hash the worker will see (lb_store_hash) */
  lb_doc *d = lb_doc_begin(q->text, in);
  if (!d) {
    snprintf(err, errlen, "out of memory");
    return -1;
  }
  char id[17], docid[512];
  uint64_t h = lb_store_hash(d);
  snprintf(docid, sizeof docid, "%s", d->id);
  lb_doc_free(d);
  static const char hex[] = "0123456789abcdef";
  for (int i = 15; i >= 0; i--, h >>= 4) id[i] = hex[h & 15];
  id[16] = 0;
  lb_buf_reset(&q->payload);
  lb_jsonl_write(&q->payload, in);
  if (q->max_payload > 0 && (int64_t)q->payload.n > q->max_payload) {
    snprintf(err, errlen, "document %s: %zu bytes as a message, more than the NATS server"
                          " takes (max_payload %lld)", docid, q->payload.n,
             (long long)q->max_payload);
    pthread_mutex_lock(&q->mu);
    q->pub.failed++;
    pthread_mutex_unlock(&q->mu);
    return -1;
  }
  natsMsg *m = NULL;
  natsStatus s = natsMsg_Create(&m, q->subj_docs, NULL, q->payload.p, (int)q->payload.n);
  if (s == NATS_OK) s = natsMsgHeader_Set(m, "Nats-Msg-Id", id);
  if (s == NATS_OK) header(m, "Lagebild-Id", docid);
  if (s == NATS_OK && origin) header(m, "Lagebild-Origin", origin);
  jsPubOptions po;
  jsPubOptions_Init(&po);
  po.MaxWait = PUB_WAIT_MS;
  /* the server may be away for a moment (a restart): try for a while */
  double t0 = now_s();
  while (s == NATS_OK && (s = js_PublishMsgAsync(q->js, &m, &po)) != NATS_OK &&
         now_s() - t0 < (q->o.reconnect < 0 ? 1e18 : q->o.reconnect)) {
    usleep(100000);
    s = NATS_OK;
  }
  natsMsg_Destroy(m); /* NULL when the library took it */
  if (s != NATS_OK) {
    char what[600];
    snprintf(what, sizeof what, "document %s: cannot publish", docid);
    nerr(err, errlen, what, s, 0);
    pthread_mutex_lock(&q->mu);
    q->pub.failed++;
    pthread_mutex_unlock(&q->mu);
    return -1;
  }
  return 0;
}

lb_err lb_queue_publish_wait(lb_queue *q, lb_queue_pub *c, char *err, size_t errlen) {
  err[0] = 0;
  double t0 = now_s();
  jsPubOptions po;
  jsPubOptions_Init(&po);
  po.MaxWait = PUB_WAIT_MS;
  for (;;) {
    js_PublishAsyncComplete(q->js, &po); /* failures come back through on_pub_ack */
    pthread_mutex_lock(&q->mu);
    natsMsg **v = q->failed;
    size_t n = q->nfailed;
    q->failed = NULL;
    q->nfailed = q->capfailed = 0;
    pthread_mutex_unlock(&q->mu);
    if (!n) break;
    int late = q->o.reconnect >= 0 && now_s() - t0 > q->o.reconnect;
    for (size_t i = 0; i < n; i++) {
      natsStatus s = late ? NATS_TIMEOUT : js_PublishMsgAsync(q->js, &v[i], &po);
      if (s != NATS_OK) {
        if (!err[0]) nerr(err, errlen, "cannot publish (given up)", s, 0);
        pthread_mutex_lock(&q->mu);
        q->pub.failed++;
        pthread_mutex_unlock(&q->mu);
      }
      natsMsg_Destroy(v[i]);
    }
    free(v);
    if (late) break;
    usleep(200000);
  }
  pthread_mutex_lock(&q->mu);
  *c = q->pub;
  pthread_mutex_unlock(&q->mu);
  return c->failed ? LB_ERR_IO : LB_OK;
}

/* ---- counters ---- */

lb_err lb_queue_stats_get(lb_queue *q, lb_queue_stats *st, char *err, size_t errlen) {
  memset(st, 0, sizeof *st);
  jsOptions jo;
  jsOptions_Init(&jo);
  jo.Stream.Info.SubjectsFilter = ">";
  jsStreamInfo *si = NULL;
  jsErrCode je = 0;
  natsStatus s = js_GetStreamInfo(&si, q->js, q->stream, &jo, &je);
  if (s != NATS_OK) {
    nerr(err, errlen, "cannot read the stream", s, je);
    return LB_ERR_IO;
  }
  if (si->State.Subjects)
    for (int i = 0; i < si->State.Subjects->Count; i++) {
      const jsStreamStateSubject *x = &si->State.Subjects->List[i];
      if (strcmp(x->Subject, q->subj_docs) == 0) st->waiting = x->Msgs;
      if (strcmp(x->Subject, q->subj_dead) == 0) st->dead = x->Msgs;
    }
  jsStreamInfo_Destroy(si);
  jsConsumerInfo *ci = NULL;
  s = js_GetConsumerInfo(&ci, q->js, q->stream, q->o.consumer, NULL, &je);
  if (s == NATS_OK) {
    st->has_consumer = 1;
    st->pending = ci->NumPending;
    st->ack_pending = (uint64_t)ci->NumAckPending;
    st->redelivered = (uint64_t)ci->NumRedelivered;
    st->delivered = ci->Delivered.Consumer;
    st->done_seq = ci->AckFloor.Stream;
    jsConsumerInfo_Destroy(ci);
  }
  if (st->dead) {
    natsMsg *m = NULL;
    if (js_GetLastMsg(&m, q->js, q->stream, q->subj_dead, NULL, &je) == NATS_OK) {
      const char *id = NULL, *why = NULL;
      natsMsgHeader_Get(m, "Lagebild-Id", &id);
      natsMsgHeader_Get(m, "Lagebild-Error", &why);
      if (!id) id = "?";
      snprintf(st->last_dead, sizeof st->last_dead, "%.100s%s: %s", id,
               strlen(id) > 100 ? "..." : "", why ? why : "?");
      natsMsg_Destroy(m);
    }
  }
  return LB_OK;
}

/* ---- the worker ---- */

#define FETCH_MS 1000 /* a fetch waits this long for a full batch */

typedef struct worker {
  lb_queue *q;
  pthread_mutex_t mu;
  lb_queue_counts c; /* under mu */
  int max_deliver;
} worker;

/* A message on its way through the ingest engine. */
typedef struct job {
  natsMsg *m;
  uint64_t delivered;
} job;

/* The consumer: found, or created (explicit acknowledgement; never stops
** delivering by itself: max_deliver is the worker's, see queue.h). */
static int ensure_consumer(lb_queue *q, char *err, size_t errlen) {
  jsConsumerInfo *ci = NULL;
  jsErrCode je = 0;
  natsStatus s = js_GetConsumerInfo(&ci, q->js, q->stream, q->o.consumer, NULL, &je);
  if (s == NATS_OK) {
    jsConsumerInfo_Destroy(ci);
    return 0;
  }
  jsConsumerConfig cc;
  jsConsumerConfig_Init(&cc);
  cc.Durable = q->o.consumer;
  cc.AckPolicy = js_AckExplicit;
  cc.AckWait = (int64_t)(q->o.ack_wait * 1e9);
  cc.MaxDeliver = -1;
  cc.MaxAckPending = 20000; /* batches of several workers in flight */
  cc.FilterSubject = q->subj_docs;
  cc.DeliverPolicy = js_DeliverAll;
  s = js_AddConsumer(&ci, q->js, q->stream, &cc, NULL, &je);
  if (s != NATS_OK) {
    nerr(err, errlen, "cannot create the workers' consumer", s, je);
    return -1;
  }
  jsConsumerInfo_Destroy(ci);
  return 0;
}

/* Send m to the dead letters with its error, then acknowledge it; when
** that fails it is delivered again later. */
static void dead_letter(worker *w, natsMsg *m, uint64_t delivered, const char *why) {
  lb_queue *q = w->q;
  natsMsg *d = NULL;
  const char *v = NULL;
  jsMsgMetaData *md = NULL;
  uint64_t seq = 0;
  if (natsMsg_GetMetaData(&md, m) == NATS_OK) {
    seq = md->Sequence.Stream;
    jsMsgMetaData_Destroy(md);
  }
  natsStatus s = natsMsg_Create(&d, q->subj_dead, NULL, natsMsg_GetData(m),
                                natsMsg_GetDataLength(m));
  char num[32];
  if (s == NATS_OK) {
    snprintf(num, sizeof num, "dead-%llu", (unsigned long long)seq);
    s = natsMsgHeader_Set(d, "Nats-Msg-Id", num); /* dead-lettered once, also after a crash */
  }
  if (s == NATS_OK) {
    header(d, "Lagebild-Error", why);
    snprintf(num, sizeof num, "%llu", (unsigned long long)delivered);
    natsMsgHeader_Set(d, "Lagebild-Deliveries", num);
    snprintf(num, sizeof num, "%llu", (unsigned long long)seq);
    natsMsgHeader_Set(d, "Lagebild-Stream-Sequence", num);
    if (natsMsgHeader_Get(m, "Lagebild-Id", &v) == NATS_OK) header(d, "Lagebild-Id", v);
    if (natsMsgHeader_Get(m, "Lagebild-Origin", &v) == NATS_OK) header(d, "Lagebild-Origin", v);
    jsPubAck *pa = NULL;
    jsErrCode je = 0;
    s = js_PublishMsg(&pa, q->js, d, NULL, &je);
    jsPubAck_Destroy(pa);
  }
  natsMsg_Destroy(d);
  if (s == NATS_OK) {
    natsMsg_Ack(m, NULL);
    pthread_mutex_lock(&w->mu);
    w->c.dead++;
    pthread_mutex_unlock(&w->mu);
  } else {
    natsMsg_NakWithDelay(m, 1000, NULL);
  }
}

/* The ingest engine's report on a document (its writer thread; known and
** refused ones from the fetching thread): committed or known documents are
** acknowledged; failed ones delivered again, or dead; refused ones dead at
** once (another delivery cannot help); rolled back ones (the store failed
** and the worker stops) left unacknowledged, for another worker. */
static void on_done(void *ctx, void *tag, int status, const char *msg) {
  worker *w = ctx;
  job *j = tag;
  if (status == LB_INGEST_ROLLED_BACK) {
    /* nothing: the ack wait brings it back */
  } else if (status == LB_INGEST_REFUSED) {
    dead_letter(w, j->m, j->delivered, msg ? msg : "refused");
  } else if (status != LB_INGEST_FAILED) {
    natsMsg_Ack(j->m, NULL);
    pthread_mutex_lock(&w->mu);
    if (status == LB_INGEST_KNOWN)
      w->c.known++;
    else
      w->c.stored++;
    pthread_mutex_unlock(&w->mu);
  } else if ((int64_t)j->delivered >= w->max_deliver) {
    char why[1024];
    snprintf(why, sizeof why, "failed %llu times, last: %s", (unsigned long long)j->delivered,
             msg ? msg : "?");
    dead_letter(w, j->m, j->delivered, why);
  } else {
    natsMsg_NakWithDelay(j->m, 1000 * (int64_t)j->delivered, NULL); /* ms: 1 s, 2 s, ... */
    pthread_mutex_lock(&w->mu);
    w->c.retried++;
    pthread_mutex_unlock(&w->mu);
  }
  natsMsg_Destroy(j->m);
  free(j);
}

/* Pending and ack-pending of the consumer; -1 when it cannot be read. */
static int64_t backlog(lb_queue *q) {
  jsConsumerInfo *ci = NULL;
  jsErrCode je = 0;
  if (js_GetConsumerInfo(&ci, q->js, q->stream, q->o.consumer, NULL, &je) != NATS_OK) return -1;
  int64_t n = (int64_t)ci->NumPending + ci->NumAckPending;
  jsConsumerInfo_Destroy(ci);
  return n;
}

static void counts(worker *w, double t0, lb_queue_counts *c) {
  pthread_mutex_lock(&w->mu);
  *c = w->c;
  pthread_mutex_unlock(&w->mu);
  c->seconds = now_s() - t0;
}

lb_err lb_queue_work(lb_queue *q, const lb_engine *e, const char *store,
                     const lb_queue_work_opts *o, lb_queue_counts *c, char *err, size_t errlen) {
  memset(c, 0, sizeof *c);
  worker w;
  memset(&w, 0, sizeof w);
  w.q = q;
  w.max_deliver = q->o.max_deliver > 0 ? q->o.max_deliver : 5;
  pthread_mutex_init(&w.mu, NULL);
  int batch = o->batch > 0 && o->batch <= 4096 ? (int)o->batch : 512;
  natsSubscription *sub = NULL;
  lb_ingest *g = NULL;
  lb_err rc = LB_OK;
  if (ensure_consumer(q, err, errlen)) {
    rc = LB_ERR_IO;
    goto out;
  }
  jsSubOptions so;
  jsSubOptions_Init(&so);
  so.Stream = q->stream;
  so.Consumer = q->o.consumer;
  jsErrCode je = 0;
  natsStatus s = js_PullSubscribe(&sub, q->js, q->subj_docs, q->o.consumer, NULL, &so, &je);
  if (s != NATS_OK) {
    nerr(err, errlen, "cannot subscribe to the workers' consumer", s, je);
    rc = LB_ERR_IO;
    goto out;
  }
  lb_ingest_opts io;
  memset(&io, 0, sizeof io);
  io.threads = o->threads;
  io.batch_docs = io.tx_docs = (size_t)batch; /* one fetch, one transaction */
  io.done = on_done;
  io.ctx = &w;
  if (!(g = lb_ingest_open(e, store, NULL, &io, err, errlen))) {
    rc = LB_ERR_DB;
    goto out;
  }
  lb_buf scratch = LB_BUF_INIT;
  double t0 = now_s(), shown = t0;
  int stopped = 0;
  while (!stopped && !(o->stop && *o->stop)) {
    if (o->progress && o->every > 0 && now_s() - shown >= o->every) {
      shown = now_s();
      int64_t b = backlog(q);
      pthread_mutex_lock(&w.mu);
      if (b >= 0) w.c.pending = (uint64_t)b;
      pthread_mutex_unlock(&w.mu);
      counts(&w, t0, c);
      o->progress(c, o->ctx);
    }
    natsMsgList list = {0};
    s = natsSubscription_Fetch(&list, sub, batch, FETCH_MS, &je);
    if (s == NATS_TIMEOUT || (s == NATS_OK && list.Count == 0)) {
      natsMsgList_Destroy(&list);
      /* idle: what is in flight gets committed and acknowledged */
      if (lb_ingest_finish(g) != LB_OK) break;
      if (o->exit_when_idle && backlog(q) == 0) break;
      continue;
    }
    if (s != NATS_OK) { /* the server is away: the library connects again */
      natsMsgList_Destroy(&list);
      usleep(200000);
      continue;
    }
    for (int i = 0; i < list.Count; i++) {
      natsMsg *m = list.Msgs[i];
      list.Msgs[i] = NULL; /* ours now */
      jsMsgMetaData *md = NULL;
      uint64_t delivered = 1;
      if (natsMsg_GetMetaData(&md, m) == NATS_OK) {
        delivered = md->NumDelivered;
        jsMsgMetaData_Destroy(md);
      }
      if (delivered > 1) {
        pthread_mutex_lock(&w.mu);
        w.c.redelivered++;
        pthread_mutex_unlock(&w.mu);
      }
      if ((int64_t)delivered > w.max_deliver) {
        char why[128];
        snprintf(why, sizeof why, "delivered %llu times and never finished (a worker died on"
                                  " it, or took longer than the ack wait)",
                 (unsigned long long)delivered - 1);
        dead_letter(&w, m, delivered, why);
        natsMsg_Destroy(m);
        continue;
      }
      lb_input in;
      size_t pos = 0;
      char why[256], msg[320];
      memset(&in, 0, sizeof in);
      if (lb_jsonl_parse(natsMsg_GetData(m), (size_t)natsMsg_GetDataLength(m), NULL, &in, &scratch,
                         &pos, why, sizeof why) != 0) {
        /* no delivery will change that: a dead letter at once */
        snprintf(msg, sizeof msg, "not a document: %s at byte %zu", why, pos);
        dead_letter(&w, m, delivered, msg);
        natsMsg_Destroy(m);
        continue;
      }
      const char *origin = NULL;
      if (natsMsgHeader_Get(m, "Lagebild-Origin", &origin) != NATS_OK) origin = NULL;
      job *j = malloc(sizeof *j);
      if (j) { /* before the add: the writer may report on it at once */
        j->m = m;
        j->delivered = delivered;
      }
      if (j && lb_ingest_add(g, &in, origin, j) == 0) continue;
      free(j);
      stopped = 1; /* the store failed: left unacknowledged, for another worker */
      natsMsg_Destroy(m);
    }
    natsMsgList_Destroy(&list);
    lb_ingest_flush(g); /* this fetch is one transaction */
  }
  lb_buf_free(&scratch);
  if (lb_ingest_finish(g) != LB_OK) {
    snprintf(err, errlen, "%s: %s", lb_ingest_store_name(g), lb_ingest_errmsg(g));
    rc = LB_ERR_DB;
  }
  counts(&w, t0, c);
  {
    int64_t b = backlog(q);
    if (b >= 0) c->pending = (uint64_t)b;
  }
out:
  lb_ingest_close(g);
  natsSubscription_Destroy(sub);
  pthread_mutex_destroy(&w.mu);
  return rc;
}
