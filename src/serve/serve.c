/*
** serve.c -- the HTTP side of `lagebild serve` (see serve.h): libmicrohttpd
** set-up, limits, routing to the API or the embedded assets, a pool of
** read-only store handles shared by the polling threads, and the watch over
** slow clients.
*/
#include "serve.h"

#include <arpa/inet.h>
#include <assert.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#include "api.h"
#include "assets.h"
#include "mhd.h"

/* Per-connection memory in libmicrohttpd. It holds the request line and
** headers, so it is also the limit on their size: a longer URL gets 414,
** longer headers 431 (from libmicrohttpd itself). */
#define CONN_MEMORY (16u << 10)

/* Headers on every response. The page builds its DOM with textContent and
** the CSP forbids inline script, so article text cannot run as code even if
** a bug let it into the markup. */
static const char CSP[] =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; connect-src 'self'; object-src 'none'; "
    "base-uri 'none'; frame-ancestors 'none'; form-action 'none'";

/* The answer cache: API responses by request (path and parameters). The
** store is read-mostly, and a page asks the same few questions, so most
** answers come from here without touching SQLite. Every lookup first asks
** the store whether anything was committed since (PRAGMA data_version on a
** connection kept for that); if so, the cache is emptied. libmicrohttpd
** responses are reference-counted, so one cached response is sent to many
** connections at once without copying. */
#define CACHE_SLOTS 4096u            /* power of two; at most half used */
#define CACHE_BYTES (64u << 20)       /* bodies kept at most */
#define CACHE_MAX_BODY (1u << 20)     /* larger answers are not kept */

typedef struct centry {
  char *key; /* NULL = empty slot */
  uint64_t hash;
  struct MHD_Response *r;
  size_t len;
} centry;

/*
** A connection, from libmicrohttpd's start notice to its close notice, for
** the watch over slow clients. libmicrohttpd's own timeout is an idle one:
** each byte restarts it, so a header line every few seconds held a slot for
** ever. A connection that waits for a request line and headers ("waiting":
** from its start, and again after each answer on a kept-alive connection)
** gets header_timeout seconds in all; then, or when waiting connections
** hold more than their share of the slots (the one waiting longest first),
** its socket is shut down, and libmicrohttpd closes it as it would any
** connection the client closed. The watch shuts sockets down, never closes
** them: the close notice (under the same lock) comes before libmicrohttpd
** closes the descriptor, so a descriptor that was reused is never touched.
*/
typedef struct conn {
  struct conn *prev, *next; /* s->conns: waiting ones in the order they began to */
  int fd;
  double since; /* when it began to wait */
  uint8_t waiting, cut;
} conn;

struct lb_srv {
  struct MHD_Daemon *mhd;
  char *dbpath;
  int port, log, nocache;
  /* the watch over slow clients, under cmu */
  pthread_mutex_t cmu;
  pthread_cond_t cstop;
  pthread_t watch_th;
  int watching, stopping;
  conn *chead, *ctail;
  size_t nwaiting, max_waiting;
  double header_timeout;
  unsigned long ncut; /* connections cut (for the log and tests) */
  pthread_mutex_t mu;
  lb_srv_db **pool; /* idle store handles */
  size_t npool, cappool;
  /* the answer cache, under mu */
  centry *cache;
  size_t cused, cbytes;
  uint64_t generation; /* bumped whenever the cache is emptied */
  lb_srv_db *watch;    /* handle for lb_srv_db_version */
  long long version;
};

/* ---- the pool of store handles: one per request in flight ---- */

static lb_srv_db *db_acquire(lb_srv *s) {
  lb_srv_db *db = NULL;
  pthread_mutex_lock(&s->mu);
  if (s->npool) db = s->pool[--s->npool];
  pthread_mutex_unlock(&s->mu);
  if (!db) {
    char err[256];
    db = lb_srv_db_open(s->dbpath, err, sizeof err);
    if (!db) fprintf(stderr, "lagebild serve: %s\n", err);
  }
  return db;
}

static void db_release(lb_srv *s, lb_srv_db *db) {
  pthread_mutex_lock(&s->mu);
  if (s->npool == s->cappool) {
    size_t cap = s->cappool ? s->cappool * 2 : 8;
    lb_srv_db **p = realloc(s->pool, cap * sizeof *p);
    if (!p) {
      pthread_mutex_unlock(&s->mu);
      lb_srv_db_close(db);
      return;
    }
    s->pool = p;
    s->cappool = cap;
  }
  s->pool[s->npool++] = db;
  pthread_mutex_unlock(&s->mu);
}

/* ---- the answer cache (caller holds s->mu) ---- */

static uint64_t fnv1a(const char *k) {
  uint64_t h = 1469598103934665603ull;
  for (; *k; k++) h = (h ^ (unsigned char)*k) * 1099511628211ull;
  return h;
}

static void cache_clear(lb_srv *s) {
  if (s->cache)
    for (size_t i = 0; i < CACHE_SLOTS; i++)
      if (s->cache[i].key) {
        MHD_destroy_response(s->cache[i].r); /* freed when no connection uses it */
        free(s->cache[i].key);
        s->cache[i].key = NULL;
      }
  s->cused = s->cbytes = 0;
  s->generation++;
}

/* Empty the cache when the store changed since the last look. */
static void cache_check(lb_srv *s) {
  long long v = lb_srv_db_version(s->watch);
  if (v != s->version) {
    cache_clear(s);
    s->version = v;
  }
}

static centry *cache_slot(lb_srv *s, const char *key, uint64_t h) {
  size_t i = (size_t)h & (CACHE_SLOTS - 1);
  while (s->cache[i].key && !(s->cache[i].hash == h && strcmp(s->cache[i].key, key) == 0))
    i = (i + 1) & (CACHE_SLOTS - 1);
  return &s->cache[i];
}

/* Keep r under key (the cache takes over the caller's reference). 0 when
** kept; -1 when not (the caller still owns r). */
static int cache_put(lb_srv *s, const char *key, struct MHD_Response *r, size_t len) {
  if (len > CACHE_MAX_BODY) return -1;
  if (s->cused >= CACHE_SLOTS / 2 || s->cbytes + len > CACHE_BYTES) cache_clear(s);
  uint64_t h = fnv1a(key);
  centry *e = cache_slot(s, key, h);
  if (e->key) return -1; /* another thread was first */
  e->key = strdup(key);
  if (!e->key) return -1;
  e->hash = h;
  e->r = r;
  e->len = len;
  s->cused++;
  s->cbytes += len;
  return 0;
}

/* ---- responses ---- */

static void common_headers(struct MHD_Response *r) {
  MHD_add_response_header(r, "Content-Security-Policy", CSP);
  MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
  MHD_add_response_header(r, "Referrer-Policy", "no-referrer");
  MHD_add_response_header(r, "X-Frame-Options", "DENY");
}

/* A JSON response of `body` (malloc'd; ownership passes to the response). */
static struct MHD_Response *json_response(int status, lb_buf *body) {
  if (!body->p) lb_buf_adds(body, "{}");
  struct MHD_Response *r =
      MHD_create_response_from_buffer(body->n, body->p, MHD_RESPMEM_MUST_FREE);
  if (!r) {
    lb_buf_free(body);
    return NULL;
  }
  body->p = NULL; /* now owned by the response */
  body->n = body->cap = 0;
  common_headers(r);
  MHD_add_response_header(r, "Content-Type", "application/json; charset=utf-8");
  MHD_add_response_header(r, "Cache-Control", "no-store");
  if (status == 405) MHD_add_response_header(r, "Allow", "GET, HEAD");
  return r;
}

static enum MHD_Result send_json(struct MHD_Connection *c, int status, lb_buf *body) {
  struct MHD_Response *r = json_response(status, body);
  if (!r) return MHD_NO;
  enum MHD_Result ok = MHD_queue_response(c, (unsigned)status, r);
  MHD_destroy_response(r);
  return ok;
}

static enum MHD_Result send_error(struct MHD_Connection *c, int status, const char *msg) {
  lb_buf b = LB_BUF_INIT;
  lb_srv_error_json(&b, status, msg);
  return send_json(c, status, &b);
}

static int accepts_gzip(struct MHD_Connection *c) {
  const char *ae = MHD_lookup_connection_value(c, MHD_HEADER_KIND, MHD_HTTP_HEADER_ACCEPT_ENCODING);
  return ae && strstr(ae, "gzip") != NULL;
}

static enum MHD_Result send_asset(struct MHD_Connection *c, const lb_srv_asset *a) {
  int gz = accepts_gzip(c) && a->gzlen < a->len;
  /* The bytes are static: libmicrohttpd neither copies nor frees them. */
  struct MHD_Response *r = MHD_create_response_from_buffer(
      gz ? a->gzlen : a->len, (void *)(gz ? a->gz : a->data), MHD_RESPMEM_PERSISTENT);
  if (!r) return MHD_NO;
  common_headers(r);
  MHD_add_response_header(r, "Content-Type", a->mime);
  MHD_add_response_header(r, "Cache-Control", "no-cache");
  MHD_add_response_header(r, "Vary", "Accept-Encoding");
  if (gz) MHD_add_response_header(r, "Content-Encoding", "gzip");
  enum MHD_Result ok = MHD_queue_response(c, MHD_HTTP_OK, r);
  MHD_destroy_response(r);
  return ok;
}

/* ---- query parameters ---- */

/* libmicrohttpd splits the query string into parameters before the handler
** runs, one record per parameter in the connection's memory (CONN_MEMORY),
** and when that runs out it closes the connection without an answer (about
** 230 short parameters did it; issue 22). So the URI callback, which
** libmicrohttpd calls with the request line's own buffer before it splits
** the query off, counts the parameters; past LB_SRV_MAX_PARAMS it blanks
** the query out of that buffer (there is then nothing to split, so nothing
** to store) and marks the request, and the handler answers 400. The
** buffer is writable (libmicrohttpd writes NULs into it itself); the
** pointer is const only in the callback's type. tests/test_serve.c pins the
** behaviour with 25 and 3000 parameters. */
static char TOO_MANY; /* the request context of a request marked so */


static void *on_uri(void *cls, const char *uri, struct MHD_Connection *c) {
  (void)cls;
  (void)c;
  char *q = strchr(uri, '?');
  if (!q) return NULL;
  size_t n = 1; /* parameters, as libmicrohttpd splits them: at '&' */
  for (const char *p = q; *p; p++) n += *p == '&';
  if (n <= LB_SRV_MAX_PARAMS) return NULL;
  memset(q, 0, strlen(q)); /* no '?' left: libmicrohttpd sees no query */
  return &TOO_MANY;
}

static enum MHD_Result send_too_many(struct MHD_Connection *c) {
  char msg[64];
  snprintf(msg, sizeof msg, "too many query parameters (at most %d)", LB_SRV_MAX_PARAMS);
  return send_error(c, 400, msg);
}

typedef struct params {
  lb_srv_param p[LB_SRV_MAX_PARAMS];
  size_t n;
  int too_many;
} params;

static enum MHD_Result collect(void *cls, enum MHD_ValueKind kind, const char *key,
                               const char *val) {
  (void)kind;
  params *ps = cls;
  if (ps->n == LB_SRV_MAX_PARAMS) {
    ps->too_many = 1;
    return MHD_NO;
  }
  ps->p[ps->n].key = key;
  ps->p[ps->n].val = val ? val : "";
  ps->n++;
  return MHD_YES;
}

/* The cache key of a request: path, then each parameter as it came, each
** string prefixed by its length so that no choice of values can make two
** different requests share a key. */
static int cache_key(lb_buf *k, const char *url, const params *ps) {
  lb_buf_printf(k, "%zu:%s", strlen(url), url);
  for (size_t i = 0; i < ps->n; i++)
    lb_buf_printf(k, "|%zu:%s=%zu:%s", strlen(ps->p[i].key), ps->p[i].key,
                  strlen(ps->p[i].val), ps->p[i].val);
  return k->p != NULL;
}

static enum MHD_Result answer_api(lb_srv *s, struct MHD_Connection *c, const char *url,
                                  const params *ps) {
  lb_buf key = LB_BUF_INIT;
  uint64_t gen = 0;
  if (!s->nocache && cache_key(&key, url, ps)) {
    pthread_mutex_lock(&s->mu);
    cache_check(s);
    centry *e = cache_slot(s, key.p, fnv1a(key.p));
    if (e->key) {
      /* Queued under the lock: an eviction cannot free it in between. */
      enum MHD_Result ok = MHD_queue_response(c, MHD_HTTP_OK, e->r);
      pthread_mutex_unlock(&s->mu);
      lb_buf_free(&key);
      return ok;
    }
    gen = s->generation;
    pthread_mutex_unlock(&s->mu);
  }
  lb_srv_db *db = db_acquire(s);
  if (!db) {
    lb_buf_free(&key);
    return send_error(c, 503, "the store cannot be opened");
  }
  lb_buf body = LB_BUF_INIT;
  int status = lb_srv_api(db, url, ps->p, ps->n, &body);
  db_release(s, db);
  size_t len = body.n;
  struct MHD_Response *r = json_response(status, &body);
  if (!r) {
    lb_buf_free(&key);
    return MHD_NO;
  }
  enum MHD_Result ok = MHD_queue_response(c, (unsigned)status, r);
  int kept = -1;
  if (status == 200 && key.p) {
    pthread_mutex_lock(&s->mu);
    /* Not when the store changed while we asked it. */
    if (gen == s->generation) kept = cache_put(s, key.p, r, len);
    pthread_mutex_unlock(&s->mu);
  }
  if (kept) MHD_destroy_response(r);
  lb_buf_free(&key);
  return ok;
}

/* ---- the watch over slow clients ---- */

static double mono_s(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static void conn_unlink(lb_srv *s, conn *k) {
  if (k->prev)
    k->prev->next = k->next;
  else
    s->chead = k->next;
  if (k->next)
    k->next->prev = k->prev;
  else
    s->ctail = k->prev;
  k->prev = k->next = NULL;
}

static void conn_append(lb_srv *s, conn *k) {
  k->prev = s->ctail;
  k->next = NULL;
  if (s->ctail)
    s->ctail->next = k;
  else
    s->chead = k;
  s->ctail = k;
}

/* Shut a waiting connection's socket down (caller holds cmu). */
static void conn_cut(lb_srv *s, conn *k, const char *why) {
  assert(k->waiting && !k->cut);
  k->cut = 1;
  s->nwaiting--;
  s->ncut++;
  shutdown(k->fd, SHUT_RDWR);
  if (s->log) fprintf(stderr, "lagebild serve: connection closed: %s\n", why);
}

/* Start waiting for a request (caller holds cmu). */
static void conn_wait(lb_srv *s, conn *k) {
  k->waiting = 1;
  k->since = mono_s();
  conn_unlink(s, k);
  conn_append(s, k);
  s->nwaiting++;
  if (s->nwaiting > s->max_waiting) /* the one that waits longest makes room */
    for (conn *o = s->chead; o; o = o->next)
      if (o->waiting && !o->cut) {
        conn_cut(s, o, "too many connections waiting for their headers");
        break;
      }
}

static void on_connection(void *cls, struct MHD_Connection *c, void **socket_context,
                          enum MHD_ConnectionNotificationCode toe) {
  lb_srv *s = cls;
  if (toe == MHD_CONNECTION_NOTIFY_STARTED) {
    const union MHD_ConnectionInfo *ci =
        MHD_get_connection_info(c, MHD_CONNECTION_INFO_CONNECTION_FD);
    conn *k = ci ? calloc(1, sizeof *k) : NULL;
    *socket_context = k;
    if (!k) return; /* not watched: the idle timeout still holds */
    k->fd = ci->connect_fd;
    pthread_mutex_lock(&s->cmu);
    conn_append(s, k);
    conn_wait(s, k);
    pthread_mutex_unlock(&s->cmu);
  } else if (toe == MHD_CONNECTION_NOTIFY_CLOSED) {
    conn *k = *socket_context;
    if (!k) return;
    pthread_mutex_lock(&s->cmu);
    if (k->waiting && !k->cut) s->nwaiting--;
    conn_unlink(s, k);
    pthread_mutex_unlock(&s->cmu);
    free(k);
    *socket_context = NULL;
  }
}

static conn *conn_of(struct MHD_Connection *c) {
  const union MHD_ConnectionInfo *ci =
      MHD_get_connection_info(c, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
  return ci ? ci->socket_context : NULL;
}

/* A request's headers are in: it waits no more. */
static void conn_headers_in(lb_srv *s, struct MHD_Connection *c) {
  conn *k = conn_of(c);
  if (!k) return;
  pthread_mutex_lock(&s->cmu);
  if (k->waiting && !k->cut) s->nwaiting--;
  k->waiting = 0;
  pthread_mutex_unlock(&s->cmu);
}

/* A request was answered: a kept-alive connection waits for the next. */
static void on_completed(void *cls, struct MHD_Connection *c, void **req,
                         enum MHD_RequestTerminationCode toe) {
  (void)req;
  lb_srv *s = cls;
  if (toe != MHD_REQUEST_TERMINATED_COMPLETED_OK) return; /* it is closing */
  conn *k = conn_of(c);
  if (!k) return;
  pthread_mutex_lock(&s->cmu);
  if (!k->waiting && !k->cut) conn_wait(s, k);
  pthread_mutex_unlock(&s->cmu);
}

/* The watch: four times a second, cut the connections that wait too long.
** Waiting ones are in the order they began to wait: the first that is in
** time ends the look. */
static void *watch(void *arg) {
  lb_srv *s = arg;
  pthread_mutex_lock(&s->cmu);
  while (!s->stopping) {
    double now = mono_s();
    for (conn *k = s->chead; k; k = k->next) {
      if (!k->waiting || k->cut) continue;
      if (now - k->since < s->header_timeout) break;
      conn_cut(s, k, "request line and headers not in within the header timeout");
    }
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_nsec += 250000000L;
    if (until.tv_nsec >= 1000000000L) until.tv_sec++, until.tv_nsec -= 1000000000L;
    pthread_cond_timedwait(&s->cstop, &s->cmu, &until);
  }
  pthread_mutex_unlock(&s->cmu);
  return NULL;
}

unsigned long lb_srv_cut(lb_srv *s) {
  pthread_mutex_lock(&s->cmu);
  unsigned long n = s->ncut;
  pthread_mutex_unlock(&s->cmu);
  return n;
}

/* ---- the request handler ---- */

static enum MHD_Result handle(void *cls, struct MHD_Connection *c, const char *url,
                              const char *method, const char *version,
                              const char *upload, size_t *upload_size, void **req) {
  (void)version;
  (void)upload;
  lb_srv *s = cls;
  int too_many = 0;
  if (*req != s) {
    /* First call (*req is what on_uri returned): headers are in. Answer
    ** now; a body (there should be none on GET) is never read,
    ** libmicrohttpd closes the connection after. */
    too_many = *req == &TOO_MANY;
    *req = s;
    conn_headers_in(s, c);
  } else if (*upload_size) {
    *upload_size = 0; /* discard */
    return MHD_YES;
  } else {
    return MHD_YES; /* response already queued */
  }
  if (s->log) fprintf(stderr, "lagebild serve: %s %s\n", method, url);
  if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0)
    return send_error(c, 405, "only GET and HEAD are allowed");
  if (too_many) return send_too_many(c);

  if (strncmp(url, "/api/", 5) == 0 || strcmp(url, "/api") == 0) {
    params ps;
    ps.n = 0;
    ps.too_many = 0;
    MHD_get_connection_values(c, MHD_GET_ARGUMENT_KIND, collect, &ps);
    if (ps.too_many) return send_too_many(c);
    return answer_api(s, c, url, &ps);
  }
  const char *path = strcmp(url, "/index.html") == 0 ? "/" : url;
  const lb_srv_asset *a = lb_srv_asset_find(path);
  if (a) return send_asset(c, a);
  return send_error(c, 404, "no such page");
}

/* libmicrohttpd's own complaints (bad requests, limits hit) go to stderr
** only when logging is on: under attack they are many. */
static void mhd_log(void *cls, const char *fmt, va_list ap) {
  lb_srv *s = cls;
  if (!s->log) return;
  fputs("lagebild serve: ", stderr);
  vfprintf(stderr, fmt, ap);
}

lb_srv *lb_srv_start(const lb_srv_opts *o, char *err, size_t errlen) {
  if (lb_mhd_load(err, errlen) != 0) return NULL;
  lb_srv *s = calloc(1, sizeof *s);
  if (!s) {
    snprintf(err, errlen, "out of memory");
    return NULL;
  }
  pthread_mutex_init(&s->mu, NULL);
  pthread_mutex_init(&s->cmu, NULL);
  pthread_cond_init(&s->cstop, NULL);
  s->log = o->log;
  s->dbpath = strdup(o->db);
  /* Open one handle now, so a missing or foreign file fails at start. */
  lb_srv_db *db = s->dbpath ? lb_srv_db_open(s->dbpath, err, errlen) : NULL;
  if (!db) {
    lb_srv_stop(s);
    return NULL;
  }
  db_release(s, db);
  s->nocache = o->nocache;
  s->cache = calloc(CACHE_SLOTS, sizeof *s->cache);
  s->watch = lb_srv_db_open(s->dbpath, err, errlen);
  if (!s->cache || !s->watch) {
    if (!s->cache) snprintf(err, errlen, "out of memory");
    lb_srv_stop(s);
    return NULL;
  }
  s->version = lb_srv_db_version(s->watch);

  const char *bind = o->bind ? o->bind : "127.0.0.1";
  struct sockaddr_in a4;
  struct sockaddr_in6 a6;
  struct sockaddr *sa;
  unsigned flags = MHD_USE_AUTO_INTERNAL_THREAD | MHD_USE_ERROR_LOG | MHD_USE_TURBO;
  if (o->port < 0 || o->port > 65535) {
    snprintf(err, errlen, "port %d is out of range 0..65535", o->port);
    lb_srv_stop(s);
    return NULL;
  }
  memset(&a4, 0, sizeof a4);
  memset(&a6, 0, sizeof a6);
  if (inet_pton(AF_INET, bind, &a4.sin_addr) == 1) {
    a4.sin_family = AF_INET;
    a4.sin_port = htons((uint16_t)o->port);
    sa = (struct sockaddr *)&a4;
  } else if (inet_pton(AF_INET6, bind, &a6.sin6_addr) == 1) {
    a6.sin6_family = AF_INET6;
    a6.sin6_port = htons((uint16_t)o->port);
    sa = (struct sockaddr *)&a6;
    flags |= MHD_USE_IPv6;
  } else {
    snprintf(err, errlen, "bad address \"%s\" (want an IPv4 or IPv6 address)", bind);
    lb_srv_stop(s);
    return NULL;
  }
  long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
  unsigned threads = o->threads > 0 ? (unsigned)o->threads : (unsigned)(ncpu > 0 ? ncpu : 1);
  if (threads > 64) threads = 64;
  unsigned timeout = o->timeout > 0 ? (unsigned)o->timeout : 10;
  unsigned conns = o->max_conns > 0 ? (unsigned)o->max_conns : 512;
  /* half the slots by default: a reverse proxy in front (serve.h) is one
  ** address for all its clients, and `make bench` runs 100 connections */
  unsigned per_ip = o->max_conns_per_ip > 0 ? (unsigned)o->max_conns_per_ip : conns / 2;
  if (per_ip > conns) per_ip = conns;
  if (!per_ip) per_ip = 1;
  s->header_timeout = o->header_timeout > 0 ? o->header_timeout : 10;
  /* the slots kept for others: 1/8 (at least one) never go to connections
  ** that wait for their headers */
  s->max_waiting = conns - (conns / 8 ? conns / 8 : 1);
  if (!s->max_waiting) s->max_waiting = 1;
  if (pthread_create(&s->watch_th, NULL, watch, s) != 0) {
    snprintf(err, errlen, "cannot start a thread");
    lb_srv_stop(s);
    return NULL;
  }
  s->watching = 1;
  s->mhd =
      MHD_start_daemon(flags, (uint16_t)o->port, NULL, NULL, handle, s, MHD_OPTION_SOCK_ADDR, sa,
                       MHD_OPTION_THREAD_POOL_SIZE, threads, MHD_OPTION_CONNECTION_LIMIT, conns,
                       MHD_OPTION_PER_IP_CONNECTION_LIMIT, per_ip, MHD_OPTION_CONNECTION_TIMEOUT,
                       timeout, MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)CONN_MEMORY,
                       MHD_OPTION_URI_LOG_CALLBACK, on_uri, s,
                       MHD_OPTION_NOTIFY_CONNECTION, on_connection, s, MHD_OPTION_NOTIFY_COMPLETED,
                       on_completed, s, MHD_OPTION_EXTERNAL_LOGGER, mhd_log, s, MHD_OPTION_END);
  if (!s->mhd) {
    snprintf(err, errlen, "cannot listen on %s port %d (in use, or not an address of this host)",
             bind, o->port);
    lb_srv_stop(s);
    return NULL;
  }
  const union MHD_DaemonInfo *di = MHD_get_daemon_info(s->mhd, MHD_DAEMON_INFO_BIND_PORT);
  s->port = di ? di->port : o->port;
  return s;
}

int lb_srv_port(const lb_srv *s) { return s->port; }

void lb_srv_stop(lb_srv *s) {
  if (!s) return;
  if (s->watching) {
    pthread_mutex_lock(&s->cmu);
    s->stopping = 1;
    pthread_cond_signal(&s->cstop);
    pthread_mutex_unlock(&s->cmu);
    pthread_join(s->watch_th, NULL);
  }
  if (s->mhd) MHD_stop_daemon(s->mhd); /* its close notices empty the list */
  assert(!s->chead);
  pthread_cond_destroy(&s->cstop);
  pthread_mutex_destroy(&s->cmu);
  cache_clear(s);
  free(s->cache);
  lb_srv_db_close(s->watch);
  for (size_t i = 0; i < s->npool; i++) lb_srv_db_close(s->pool[i]);
  free(s->pool);
  free(s->dbpath);
  pthread_mutex_destroy(&s->mu);
  free(s);
}
