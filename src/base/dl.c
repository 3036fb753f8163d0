/*
** dl.c -- load a shared library once and resolve its functions (see dl.h).
*/
#include "dl.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

static int load(lb_dl *d, const char *const *libs, const char *install, const char *needs,
                const char *const *syms, size_t n, void *table) {
  void *h = NULL;
  const char *lib = NULL;
  for (int i = 0; libs[i] && !h; i++) h = dlopen(lib = libs[i], RTLD_NOW | RTLD_LOCAL);
  if (!h) {
    const char *e = dlerror();
    snprintf(d->why, sizeof d->why, "cannot load %s (install %s): %s", libs[0], install,
             e ? e : "not found");
    return -1;
  }
  for (size_t i = 0; i < n; i++) {
    void *p = dlsym(h, syms[i]);
    if (!p) {
      snprintf(d->why, sizeof d->why, "%s: symbol %s not found (%s needed)", lib, syms[i],
               needs);
      return -1;
    }
    memcpy((char *)table + i * sizeof p, &p, sizeof p); /* object to function pointer, POSIX */
  }
  return 0;
}

int lb_dl_load(lb_dl *d, const char *const *libs, const char *install, const char *needs,
               const char *const *syms, size_t n, void *table, char *err, size_t errlen) {
  pthread_mutex_lock(&d->mu);
  if (!d->state) d->state = load(d, libs, install, needs, syms, n, table) == 0 ? 1 : -1;
  int ok = d->state == 1;
  pthread_mutex_unlock(&d->mu);
  if (!ok) snprintf(err, errlen, "%s", d->why);
  return ok ? 0 : -1;
}
