/*
** geo.c -- geocoding of place mentions (GeoNames).
**
** The entity stage decides which place a name stands for (with lb_geo_pick
** for ambiguous names); this stage attaches the coordinates. The geo fields
** come from the entity's `entdef` record (columns in data/README.md):
**   ID TYPE ACTOR COUNTRY3 NAME GEONAMEID LAT LON FEATURE CC POPULATION
**   SOURCE ADM1 FIPS
** An entity's lexicon key is its id lower-cased without non-alphanumerics.
*/
#include "geo.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../doc/doc.h"
#include "../lex/lex.h"

/* An entdef value split into its fields once (lb_lex_fields): the readers
** below take several fields of each candidate, and field i by itself walks
** from the start every time. */
#define NF 14
typedef struct fields {
  const char *f[NF];
  int len[NF], n;
} fields;

static void split(const lb_lex_rec *r, fields *x) {
  x->n = lb_lex_fields(r->val, r->val_len, x->f, x->len, NF);
}

static int has(const fields *x, int i) { return i < x->n && x->len[i] > 0; }

static double num_field(const fields *x, int i, int *ok) {
  double v = 0;
  *ok = has(x, i) && x->len[i] < 48 && lb_lex_num(x->f[i], (size_t)x->len[i], &v);
  return *ok ? v : 0;
}

static double feature_rank(const fields *x) {
  if (!has(x, 8)) return 0;
  /* a bonus in orders of magnitude of population */
  static const char *const RANK[] = {"PCLI", "PPLC", "ADM1", "PPLA", "PPLA2", NULL};
  static const double BONUS[] = {3, 1.5, 1, 0.5, 0.2};
  for (int i = 0; RANK[i]; i++)
    if ((size_t)x->len[8] == strlen(RANK[i]) && memcmp(x->f[8], RANK[i], (size_t)x->len[8]) == 0)
      return BONUS[i];
  return 0;
}

static int in_ccs(const fields *x, const char *const *ccs, size_t ncc) {
  if (!has(x, 3) || x->len[3] != 3) return 0;
  for (size_t k = 0; k < ncc; k++)
    if (ccs[k] && memcmp(ccs[k], x->f[3], 3) == 0 && ccs[k][3] == 0) return 1;
  return 0;
}

int lb_geo_pick(const lb_lex_rec *defs, int n, const char *const *ccs, size_t ncc) {
  int best = -1;
  double bs = -1e300;
  for (int i = 0; i < n; i++) {
    fields x;
    split(&defs[i], &x);
    int ok;
    double pop = num_field(&x, 10, &ok);
    double s = (ok && pop > 0 ? log10(pop) : 0) + feature_rank(&x);
    if (in_ccs(&x, ccs, ncc)) s += 10;
    if (s > bs) {
      bs = s;
      best = i;
    }
  }
  return best;
}

int lb_geo_plausible(const lb_lex_rec *def, const char *const *ccs, size_t ncc) {
  fields x;
  split(def, &x);
  int ok;
  double pop = num_field(&x, 10, &ok);
  return feature_rank(&x) >= 1 || (ok && pop >= 250000) || in_ccs(&x, ccs, ncc);
}

void lb_geo_run(lb_doc *d) {
  if (!d->tx.lex) return;
  int T = lb_lex_table(d->tx.lex, "entdef");
  if (T < 0) return;
  for (size_t i = 0; i < d->entities.n; i++) {
    lb_entity *e = &d->entities.v[i];
    if (e->has_geo || e->guess || !e->id) continue;
    char k[128];
    size_t n = 0;
    for (const char *p = e->id; *p && n < sizeof k - 1; p++) {
      char ch = *p;
      if (ch >= 'A' && ch <= 'Z') ch = (char)(ch | 0x20);
      if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) k[n++] = ch;
    }
    lb_lex_rec r;
    if (!n || !lb_lex_find(d->tx.lex, T, k, n, &r)) continue;
    fields x;
    split(&r, &x);
    int ok1, ok2, ok3;
    double id = num_field(&x, 5, &ok1), lat = num_field(&x, 6, &ok2), lon = num_field(&x, 7, &ok3);
    if (!ok1 || !ok2 || !ok3) continue;
    e->has_geo = 1;
    e->geo.geonameid = (int64_t)id;
    e->geo.lat = lat;
    e->geo.lon = lon;
    e->geo.feature = has(&x, 8) ? lb_arena_strndup(d->tx.arena, x.f[8], (size_t)x.len[8]) : NULL;
    e->geo.cc = has(&x, 9) ? lb_arena_strndup(d->tx.arena, x.f[9], (size_t)x.len[9]) : NULL;
    e->geo.adm1 = has(&x, 12) ? lb_arena_strndup(d->tx.arena, x.f[12], (size_t)x.len[12]) : NULL;
    e->geo.fips = has(&x, 13) ? lb_arena_strndup(d->tx.arena, x.f[13], (size_t)x.len[13]) : NULL;
  }
}
