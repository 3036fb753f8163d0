/*
** cameo.c -- the CAMEO code book's parts, codes and PLOVER names (see
** cameo.h), searched in the sorted tables tools/gen_cameo.js compiles
** from data/cameo/ (build/gen/cameo.inc).
*/
#include "cameo.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct lb_cameo_part {
  char code[4];
  unsigned char kind; /* LB_CAMEO_* bits */
} lb_cameo_part;

#include "cameo.inc"

static int cmp_part(const void *k, const void *e) {
  return memcmp(k, ((const lb_cameo_part *)e)->code, 3);
}

static int cmp_str(const void *k, const void *e) {
  return strcmp(*(const char *const *)k, *(const char *const *)e);
}

/* The kinds of the three-letter part p (0: unknown). */
static int kinds(const char *p) {
  const lb_cameo_part *x = bsearch(p, CAMEO_PARTS, sizeof CAMEO_PARTS / sizeof *CAMEO_PARTS,
                                   sizeof *CAMEO_PARTS, cmp_part);
  return x ? x->kind : 0;
}

int lb_cameo_actor_split(const char *code, lb_cameo_actor *out, char *msg, size_t n) {
  memset(out, 0, sizeof *out);
  size_t len = code ? strlen(code) : 0;
  int bad = len == 0 || len % 3 != 0 || len > 30;
  for (size_t i = 0; i < len && !bad; i++)
    bad = !((code[i] >= 'A' && code[i] <= 'Z') || (code[i] >= '0' && code[i] <= '9'));
  if (bad) {
    if (msg)
      snprintf(msg, n, "\"%.40s\" is no CAMEO actor code (parts of three capitals: RUS, RUSMIL, "
                       "IGOUNO)", code ? code : "");
    return -1;
  }
  int ntype = 0;
  for (size_t i = 0; i < len; i += 3) {
    const char *p = code + i;
    int k = kinds(p);
    char *to = NULL;
    if (!k) {
      if (msg)
        snprintf(msg, n, "\"%s\" is no CAMEO actor code: its part \"%.3s\" is no country, "
                         "type, religion or known group of the code book (RUS, RUSMIL, IGOUNO)",
                 code, p);
      return -1;
    }
    if ((k & LB_CAMEO_COUNTRY) && !out->country[0] &&
        (i == 0 || !(k & (LB_CAMEO_RELIGION | LB_CAMEO_RELIGION2))))
      to = out->country;
    else if ((k & LB_CAMEO_RELIGION) && !out->religion1[0])
      to = out->religion1;
    else if ((k & LB_CAMEO_RELIGION2) && !out->religion2[0])
      to = out->religion2;
    else if ((k & LB_CAMEO_TYPE) && ntype < 3)
      to = out->type[ntype++];
    else if ((k & LB_CAMEO_GROUP) && !out->group[0])
      to = out->group;
    else if ((k & LB_CAMEO_COUNTRY) && !out->country[0])
      to = out->country;
    if (to) memcpy(to, p, 3); /* a part with no column left is dropped, as GDELT does */
  }
  return 0;
}

int lb_cameo_event_known(const char *code) {
  return code && bsearch(&code, CAMEO_EVENTS, sizeof CAMEO_EVENTS / sizeof *CAMEO_EVENTS,
                         sizeof *CAMEO_EVENTS, cmp_str) != NULL;
}

int lb_cameo_plover_known(const char *name) {
  return name && bsearch(&name, PLOVER_EVENTS, sizeof PLOVER_EVENTS / sizeof *PLOVER_EVENTS,
                         sizeof *PLOVER_EVENTS, cmp_str) != NULL;
}

void lb_cameo_plover_list(char *out, size_t n) {
  size_t k = 0;
  if (n) out[0] = 0;
  for (size_t i = 0; i < sizeof PLOVER_EVENTS / sizeof *PLOVER_EVENTS && k < n; i++)
    k += (size_t)snprintf(out + k, n - k, "%s%s", i ? ", " : "", PLOVER_EVENTS[i]);
}
