/*
** pq.h -- libpq (the PostgreSQL client library), loaded when a store on
** PostgreSQL is opened.
**
** Why not link it: libpq brings 23 libraries (Kerberos, LDAP, OpenSSL ...)
** whose loading costs ~2.7 ms at every start of every command (`perf stat
** -r 30` on an empty program: 0.8 ms; linked with -lpq: 3.5 ms), while only
** commands given a postgresql:// store use it. As serve/mhd.h does for
** libmicrohttpd, db.c calls libpq through this table, filled by lb_pq_load
** with dlopen/dlsym; the macros keep db.c written against libpq's own names
** and types (libpq-fe.h from libpq-dev).
*/
#ifndef LB_STORE_PQ_H
#define LB_STORE_PQ_H

#include <libpq-fe.h>
#include <stddef.h>

#define LB_PQ_FUNCS(X)                                                                \
  X(PQconnectdb) X(PQstatus) X(PQerrorMessage) X(PQfinish) X(PQreset) X(PQexec)       \
  X(PQprepare) X(PQexecPrepared) X(PQexecParams) X(PQsendQueryPrepared)               \
  X(PQsendQueryParams) X(PQsetSingleRowMode) X(PQgetResult) X(PQresultStatus)         \
  X(PQresultErrorField) X(PQclear) X(PQntuples) X(PQnfields) X(PQfname) X(PQftype)    \
  X(PQgetvalue) X(PQgetlength) X(PQgetisnull) X(PQenterPipelineMode)                  \
  X(PQexitPipelineMode) X(PQpipelineSync) X(PQsetNoticeProcessor) X(PQserverVersion)

typedef struct lb_pq_api {
#define LB_PQ_FIELD(f) __typeof__(f) *f;
  LB_PQ_FUNCS(LB_PQ_FIELD)
#undef LB_PQ_FIELD
} lb_pq_api;

extern lb_pq_api lb_pq;

/* Load libpq once (thread-safe). 0, or -1 with a message naming the
** library (and the Debian package to install) in err. */
int lb_pq_load(char *err, size_t errlen);

#ifndef LB_PQ_IMPL
#define PQconnectdb lb_pq.PQconnectdb
#define PQstatus lb_pq.PQstatus
#define PQerrorMessage lb_pq.PQerrorMessage
#define PQfinish lb_pq.PQfinish
#define PQreset lb_pq.PQreset
#define PQexec lb_pq.PQexec
#define PQprepare lb_pq.PQprepare
#define PQexecPrepared lb_pq.PQexecPrepared
#define PQexecParams lb_pq.PQexecParams
#define PQsendQueryPrepared lb_pq.PQsendQueryPrepared
#define PQsendQueryParams lb_pq.PQsendQueryParams
#define PQsetSingleRowMode lb_pq.PQsetSingleRowMode
#define PQgetResult lb_pq.PQgetResult
#define PQresultStatus lb_pq.PQresultStatus
#define PQresultErrorField lb_pq.PQresultErrorField
#define PQclear lb_pq.PQclear
#define PQntuples lb_pq.PQntuples
#define PQnfields lb_pq.PQnfields
#define PQfname lb_pq.PQfname
#define PQftype lb_pq.PQftype
#define PQgetvalue lb_pq.PQgetvalue
#define PQgetlength lb_pq.PQgetlength
#define PQgetisnull lb_pq.PQgetisnull
#define PQenterPipelineMode lb_pq.PQenterPipelineMode
#define PQexitPipelineMode lb_pq.PQexitPipelineMode
#define PQpipelineSync lb_pq.PQpipelineSync
#define PQsetNoticeProcessor lb_pq.PQsetNoticeProcessor
#define PQserverVersion lb_pq.PQserverVersion
#endif

#endif
