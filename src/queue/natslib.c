/*
** natslib.c -- load libnats at run time (see natslib.h for why).
*/
#define LB_NATS_IMPL
#include "natslib.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

lb_nats_api lb_nats;

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static int state; /* 0 not tried, 1 loaded, -1 failed */
static char why[256];

/* Debian's libnats3.4 soname, then the development link. */
static const char *const NAMES[] = {"libnats.so.3.4", "libnats.so", NULL};

static int load(void) {
  void *h = NULL;
  const char *lib = NULL;
  for (int i = 0; NAMES[i] && !h; i++) h = dlopen(lib = NAMES[i], RTLD_NOW | RTLD_LOCAL);
  if (!h) {
    const char *e = dlerror();
    snprintf(why, sizeof why, "cannot load libnats for NATS (install libnats3.4): %s",
             e ? e : "not found");
    return -1;
  }
#define LB_NATS_SYM(f)                                                         \
  do {                                                                         \
    void *p = dlsym(h, #f);                                                    \
    if (!p) {                                                                  \
      snprintf(why, sizeof why, "%s: symbol %s not found (libnats 3.4 needed)", lib, #f); \
      return -1;                                                               \
    }                                                                          \
    memcpy(&lb_nats.f, &p, sizeof p); /* object to function pointer, POSIX */ \
  } while (0);
  LB_NATS_FUNCS(LB_NATS_SYM)
#undef LB_NATS_SYM
  return 0;
}

int lb_nats_load(char *err, size_t errlen) {
  pthread_mutex_lock(&mu);
  if (!state) state = load() == 0 ? 1 : -1;
  int ok = state == 1;
  pthread_mutex_unlock(&mu);
  if (!ok) snprintf(err, errlen, "%s", why);
  return ok ? 0 : -1;
}
