/*
** natslib.c -- load libnats at run time (see natslib.h for why).
*/
#define LB_NATS_IMPL
#include "natslib.h"

#include "../base/dl.h"

lb_nats_api lb_nats;

#define LB_NATS_NAME(f) #f,
static const char *const SYMS[] = {LB_NATS_FUNCS(LB_NATS_NAME)};
#define NSYMS (sizeof SYMS / sizeof *SYMS)
_Static_assert(sizeof(lb_nats_api) == NSYMS * sizeof(void *), "one pointer per function");

/* Debian's libnats3.4 soname, then the development link. */
static const char *const NAMES[] = {"libnats.so.3.4", "libnats.so", NULL};

int lb_nats_load(char *err, size_t errlen) {
  static lb_dl dl = LB_DL_INIT;
  return lb_dl_load(&dl, NAMES, "libnats3.4, for NATS", "libnats 3.4", SYMS, NSYMS,
                    &lb_nats, err, errlen);
}
