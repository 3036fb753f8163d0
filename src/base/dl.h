/*
** dl.h -- a shared library loaded at run time, once (lb_dl_).
**
** Libraries that only some commands use and whose loading costs
** milliseconds at every start (libmicrohttpd, libpq, libnats: serve/mhd.h,
** store/pq.h, queue/natslib.h say what each costs) are opened with dlopen
** the first time they are needed; their functions land in a table of
** pointers. Not for libraries every command needs: link those.
*/
#ifndef LB_DL_H
#define LB_DL_H

#include <pthread.h>
#include <stddef.h>

typedef struct lb_dl {
  pthread_mutex_t mu;
  int state; /* 0 not tried, 1 loaded, -1 failed */
  char why[256];
} lb_dl;

#define LB_DL_INIT {PTHREAD_MUTEX_INITIALIZER, 0, ""}

/* Load once (thread-safe): dlopen the first of libs (NULL-terminated) that
** opens, and resolve the n symbols syms[i] into the i-th function pointer
** of table (a struct of n function pointers, filled on the first call
** only). 0, or -1 with a message in err naming the library and `install`
** (what to install) or the missing symbol and `needs` (the version that
** has it). Every later call answers the same. */
int lb_dl_load(lb_dl *d, const char *const *libs, const char *install, const char *needs,
               const char *const *syms, size_t n, void *table, char *err, size_t errlen);

#endif
