/*
** pq.c -- load libpq at run time (see pq.h for why).
*/
#define LB_PQ_IMPL
#include "pq.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

lb_pq_api lb_pq;

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static int state; /* 0 not tried, 1 loaded, -1 failed */
static char why[256];

/* Debian's libpq5 soname, then the development link. */
static const char *const NAMES[] = {"libpq.so.5", "libpq.so", NULL};

static int load(void) {
  void *h = NULL;
  const char *lib = NULL;
  for (int i = 0; NAMES[i] && !h; i++) h = dlopen(lib = NAMES[i], RTLD_NOW | RTLD_LOCAL);
  if (!h) {
    const char *e = dlerror();
    snprintf(why, sizeof why, "cannot load libpq for a PostgreSQL store (install libpq5): %s",
             e ? e : "not found");
    return -1;
  }
#define LB_PQ_SYM(f)                                                                   \
  do {                                                                                 \
    void *p = dlsym(h, #f);                                                            \
    if (!p) {                                                                          \
      snprintf(why, sizeof why, "%s: symbol %s not found (libpq 14 or newer needed)", \
               lib, #f);                                                               \
      return -1;                                                                       \
    }                                                                                  \
    memcpy(&lb_pq.f, &p, sizeof p); /* object to function pointer, POSIX */           \
  } while (0);
  LB_PQ_FUNCS(LB_PQ_SYM)
#undef LB_PQ_SYM
  return 0;
}

int lb_pq_load(char *err, size_t errlen) {
  pthread_mutex_lock(&mu);
  if (!state) state = load() == 0 ? 1 : -1;
  int ok = state == 1;
  pthread_mutex_unlock(&mu);
  if (!ok) snprintf(err, errlen, "%s", why);
  return ok ? 0 : -1;
}
