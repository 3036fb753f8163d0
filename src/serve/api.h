/*
** api.h -- the JSON API of `lagebild serve` over a store (read-only).
**
** Routes (all GET; every list takes limit/offset, limit <= LB_SRV_MAX_LIMIT):
**   /api/events       filters actor, entity, code, root, quad, place, bbox,
**                     from, to, text, doc, mood, plover, since, until,
**                     incident; newest first
**   /api/entities     filters entity, actor, type, place (name), text, doc
**   /api/claims       filters entity (speaker), doc, text, from, to
**   /api/incidents    the event filters; each with its reports ("sources")
**                     and the numbers they give by source ("numbers")
**   /api/quantities   filters unit, entity, place, from, to, text, doc,
**                     incident: who says how many
**   /api/dyads        who acts on whom: counts per quad class (event filters)
**   /api/timeline     events per day (GDELT's Day) and quad class (event filters)
**   /api/documents    document list (text, from, to, doc)
**   /api/documents/ID one document: its text and every fact's span
**   /api/stats        row counts
**   /api/codes        the PLOVER events and moods the filters take
** Answers are JSON objects; errors are {"error": {"status", "message"}} with
** a 4xx status; codes, roots, moods and PLOVER names are checked as the
** command line checks them (lb_store_filter_check), with the same words. Every query is a prepared statement with bound parameters;
** user text for full-text search is turned into quoted FTS5 phrases, so no
** request can change the SQL. The store is opened with SQLITE_OPEN_READONLY
** and query_only, so no request can change the data either.
**
** Not thread-safe per handle: the server keeps a pool of handles, one per
** request in flight.
*/
#ifndef LB_SRV_API_H
#define LB_SRV_API_H

#include <stddef.h>

#include "../base/buf.h"

enum {
  LB_SRV_MAX_LIMIT = 1000,      /* rows per page */
  LB_SRV_DEFAULT_LIMIT = 100,
  LB_SRV_MAX_OFFSET = 1000000,
  LB_SRV_MAX_PARAMS = 24,       /* query-string parameters per request */
  LB_SRV_MAX_VALUE = 512,       /* bytes per parameter value */
  LB_SRV_MAX_SPANS = 20000,     /* facts listed for one document */
};

typedef struct lb_srv_db lb_srv_db;

typedef struct lb_srv_param {
  const char *key, *val;
} lb_srv_param;

/* Open the store at `path` read-only. NULL with a message in err when it
** cannot be opened or is not a lagebild store. */
lb_srv_db *lb_srv_db_open(const char *path, char *err, size_t errlen);
void lb_srv_db_close(lb_srv_db *db);

/* A number that changes whenever another connection commits to the store
** (PRAGMA data_version); -1 when it cannot be read. */
long long lb_srv_db_version(lb_srv_db *db);

/* Answer one API request: `path` is the URL path (starting "/api/"),
** `ps` the n query parameters. Writes a JSON body into out (reset first)
** and returns the HTTP status (200, 400, 404, 500, 503). */
int lb_srv_api(lb_srv_db *db, const char *path, const lb_srv_param *ps, size_t n, lb_buf *out);

/* Write the JSON error body {"error":{"status":S,"message":M}} into out. */
void lb_srv_error_json(lb_buf *out, int status, const char *msg);

#endif
