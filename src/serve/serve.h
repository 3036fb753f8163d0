/*
** serve.h -- `lagebild serve`: an HTTP server over a store, read-only.
**
** The server (libmicrohttpd, a small pool of polling threads) answers two
** kinds of request: the JSON API under /api/ (api.h: events, entities,
** claims, incidents, documents over the SQLite store opened read-only) and
** the web page with its offline assets (assets.h, embedded at build time).
** Only GET and HEAD are accepted. Limits (connection count, per-connection
** memory which bounds the request line and headers, idle timeout) are set in
** libmicrohttpd so that huge or slow requests are cut off with a 4xx or a
** closed connection, never with unbounded memory or a blocked server; more
** than LB_SRV_MAX_PARAMS query parameters are a 400 with a JSON error
** before libmicrohttpd stores any of them. Slow
** clients (issue 22: sockets that trickle a header line every few seconds
** held every slot) are bounded three ways: a client address has at most
** max_conns_per_ip connections; a request line and its headers must be in
** within header_timeout seconds in all; and connections still waiting for
** their headers hold at most 7/8 of the slots: past that the one waiting
** longest is cut, so a new request always finds a slot.
**
** It is not a general web server: there is no file system access at run
** time, no TLS (bind to loopback, put a proxy in front for anything else)
** and no write path into the store.
*/
#ifndef LB_SRV_SERVE_H
#define LB_SRV_SERVE_H

#include <stddef.h>

typedef struct lb_srv lb_srv;

typedef struct lb_srv_opts {
  const char *db;    /* the store (SQLite file), opened read-only */
  const char *bind;  /* IPv4 or IPv6 address; NULL = 127.0.0.1 */
  int port;          /* 0 = any free port (see lb_srv_port) */
  int threads;       /* polling threads; <= 0 = number of cores */
  int timeout;       /* seconds a connection may stay idle; <= 0 = 10 */
  int max_conns;     /* concurrent connections; <= 0 = 512 */
  int max_conns_per_ip; /* of one client address; <= 0 = max_conns / 2 */
  int header_timeout;   /* seconds for a request line and headers; <= 0 = 10 */
  int log;           /* one access-log line per request on stderr */
  int nocache;       /* answer every API request from the store (no cache) */
} lb_srv_opts;

/* Open the store and start listening. NULL on failure with a message in
** err (the store cannot be opened, the address is bad or in use). */
lb_srv *lb_srv_start(const lb_srv_opts *o, char *err, size_t errlen);

/* The port actually bound (useful with port 0). */
int lb_srv_port(const lb_srv *s);

/* Stop listening, finish or close open connections, close the store. */
void lb_srv_stop(lb_srv *s);

/* Connections cut so far because they waited too long, or too many waited,
** for their request line and headers. */
unsigned long lb_srv_cut(lb_srv *s);

#endif
