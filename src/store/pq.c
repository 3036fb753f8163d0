/*
** pq.c -- load libpq at run time (see pq.h for why).
*/
#define LB_PQ_IMPL
#include "pq.h"

#include "../base/dl.h"

lb_pq_api lb_pq;

#define LB_PQ_NAME(f) #f,
static const char *const SYMS[] = {LB_PQ_FUNCS(LB_PQ_NAME)};
#define NSYMS (sizeof SYMS / sizeof *SYMS)
_Static_assert(sizeof(lb_pq_api) == NSYMS * sizeof(void *), "one pointer per function");

/* Debian's libpq5 soname, then the development link. */
static const char *const NAMES[] = {"libpq.so.5", "libpq.so", NULL};

int lb_pq_load(char *err, size_t errlen) {
  static lb_dl dl = LB_DL_INIT;
  return lb_dl_load(&dl, NAMES, "libpq5, for a PostgreSQL store", "libpq 14 or newer", SYMS, NSYMS,
                    &lb_pq, err, errlen);
}
