/*
** mhd.c -- load libmicrohttpd at run time (see mhd.h for why).
*/
#define LB_MHD_IMPL
#include "mhd.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

lb_mhd_api lb_mhd;

static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static int state; /* 0 not tried, 1 loaded, -1 failed */
static char why[256];

/* The library's run-time name: the soname Debian's libmicrohttpd12 ships,
** then the development link. */
static const char *const NAMES[] = {"libmicrohttpd.so.12", "libmicrohttpd.so", NULL};

#define SYM(field, name)                                                          \
  do {                                                                            \
    void *p = dlsym(h, name);                                                     \
    if (!p) {                                                                     \
      snprintf(why, sizeof why, "%s: symbol %s not found", lib, name);            \
      return -1;                                                                  \
    }                                                                             \
    memcpy(&lb_mhd.field, &p, sizeof p); /* object to function pointer, POSIX */  \
  } while (0)

static int load(void) {
  void *h = NULL;
  const char *lib = NULL;
  for (int i = 0; NAMES[i] && !h; i++) h = dlopen(lib = NAMES[i], RTLD_NOW | RTLD_LOCAL);
  if (!h) {
    const char *e = dlerror();
    snprintf(why, sizeof why, "cannot load libmicrohttpd (install libmicrohttpd12): %s",
             e ? e : "not found");
    return -1;
  }
  SYM(start_daemon, "MHD_start_daemon");
  SYM(stop_daemon, "MHD_stop_daemon");
  SYM(get_daemon_info, "MHD_get_daemon_info");
  SYM(create_response_from_buffer, "MHD_create_response_from_buffer");
  SYM(add_response_header, "MHD_add_response_header");
  SYM(destroy_response, "MHD_destroy_response");
  SYM(queue_response, "MHD_queue_response");
  SYM(get_connection_values, "MHD_get_connection_values");
  SYM(lookup_connection_value, "MHD_lookup_connection_value");
  SYM(get_connection_info, "MHD_get_connection_info");
  return 0;
}

int lb_mhd_load(char *err, size_t errlen) {
  pthread_mutex_lock(&mu);
  if (!state) state = load() == 0 ? 1 : -1;
  int ok = state == 1;
  pthread_mutex_unlock(&mu);
  if (!ok) snprintf(err, errlen, "%s", why);
  return ok ? 0 : -1;
}
