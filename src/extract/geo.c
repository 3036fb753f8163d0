/*
** geo.c -- geocoding of place mentions (GeoNames).
**
** The entity stage decides which place a name stands for (with lb_geo_pick
** for ambiguous names); this stage attaches the coordinates. The geo fields
** come from the entity's `entdef` record (columns in data/README.md):
**   ID TYPE ACTOR COUNTRY3 NAME GEONAMEID LAT LON FEATURE CC POPULATION SOURCE
** An entity's lexicon key is its id lower-cased without non-alphanumerics.
*/
#include "geo.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../lex/lex.h"
#include "../picture/doc.h"
#include "ent.h"

static double num_field(const lb_lex_rec *r, int i, int *ok) {
  const char *f;
  char buf[48];
  int n = lb_lex_field(r->val, r->val_len, i, &f);
  *ok = 0;
  if (n <= 0 || n >= (int)sizeof buf) return 0;
  memcpy(buf, f, (size_t)n);
  buf[n] = 0;
  char *end;
  double v = strtod(buf, &end);
  if (end == buf || *end || !isfinite(v)) return 0;
  *ok = 1;
  return v;
}

static double feature_rank(const lb_lex_rec *r) {
  const char *f;
  int n = lb_lex_field(r->val, r->val_len, 8, &f);
  if (n <= 0) return 0;
  /* a bonus in orders of magnitude of population */
  static const char *const RANK[] = {"PCLI", "PPLC", "ADM1", "PPLA", "PPLA2", NULL};
  static const double BONUS[] = {3, 1.5, 1, 0.5, 0.2};
  for (int i = 0; RANK[i]; i++)
    if ((size_t)n == strlen(RANK[i]) && memcmp(f, RANK[i], (size_t)n) == 0) return BONUS[i];
  return 0;
}

static int in_ccs(const lb_lex_rec *def, const char *const *ccs, size_t ncc) {
  const char *c3;
  int cl = lb_lex_field(def->val, def->val_len, 3, &c3);
  for (size_t k = 0; k < ncc && cl == 3; k++)
    if (ccs[k] && memcmp(ccs[k], c3, 3) == 0 && ccs[k][3] == 0) return 1;
  return 0;
}

int lb_geo_pick(const lb_lex_rec *defs, int n, const char *const *ccs, size_t ncc) {
  int best = -1;
  double bs = -1e300;
  for (int i = 0; i < n; i++) {
    const char *c3;
    int cl = lb_lex_field(defs[i].val, defs[i].val_len, 3, &c3);
    int ok;
    double pop = num_field(&defs[i], 10, &ok);
    double s = (ok && pop > 0 ? log10(pop) : 0) + feature_rank(&defs[i]);
    if (cl == 3 && in_ccs(&defs[i], ccs, ncc)) s += 10;
    if (s > bs) {
      bs = s;
      best = i;
    }
  }
  return best;
}

int lb_geo_plausible(const lb_lex_rec *def, const char *const *ccs, size_t ncc) {
  int ok;
  double pop = num_field(def, 10, &ok);
  return feature_rank(def) >= 1 || (ok && pop >= 250000) || in_ccs(def, ccs, ncc);
}

void lb_geo_run(lb_doc *d) {
  if (!d->lex) return;
  int T = lb_lex_table(d->lex, "entdef");
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
    if (!n || !lb_lex_find(d->lex, T, k, n, &r)) continue;
    int ok1, ok2, ok3;
    double id = num_field(&r, 5, &ok1), lat = num_field(&r, 6, &ok2), lon = num_field(&r, 7, &ok3);
    if (!ok1 || !ok2 || !ok3) continue;
    const char *f;
    int fl = lb_lex_field(r.val, r.val_len, 8, &f);
    const char *cc;
    int cl = lb_lex_field(r.val, r.val_len, 9, &cc);
    e->has_geo = 1;
    e->geo.geonameid = (int64_t)id;
    e->geo.lat = lat;
    e->geo.lon = lon;
    e->geo.feature = fl > 0 ? lb_arena_strndup(d->arena, f, (size_t)fl) : NULL;
    e->geo.cc = cl > 0 ? lb_arena_strndup(d->arena, cc, (size_t)cl) : NULL;
  }
  lb_ent_index(d); /* capitals' city mentions rank after the country's */
}
