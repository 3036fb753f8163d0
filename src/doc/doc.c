/*
** doc.c -- small helpers on lb_doc shared by the extractors (see doc.h).
*/
#include "doc.h"

#include <stdlib.h>

#include "../base/map.h"

int32_t lb_doc_entity_find(const lb_doc *d, const char *id) {
  if (d->ent_ids) {
    int32_t k = lb_map_get(d->ent_ids, id, strlen(id));
    if (k >= 0 && (size_t)k < d->entities.n && strcmp(d->entities.v[k].id, id) == 0) return k;
    if (d->ent_ids->n == d->entities.n) return -1; /* the index holds every entity */
  }
  for (size_t i = 0; i < d->entities.n; i++)
    if (strcmp(d->entities.v[i].id, id) == 0) return (int32_t)i;
  return -1;
}

/* Index arrays sorted by a key through qsort need the keys at hand. */
typedef struct keyed {
  uint32_t key;
  int32_t i;
} keyed;

static int keyed_cmp(const void *a, const void *b) {
  const keyed *x = a, *y = b;
  if (x->key != y->key) return x->key < y->key ? -1 : 1;
  return (x->i > y->i) - (x->i < y->i);
}

/*
** Offline: the spans in order of start, the claims joined in order of start
** as they begin at or before the span, each in a Fenwick tree over the
** claims' ends (largest first) that keeps the lowest claim index; a span
** asks for the lowest index among the claims that end at or after its end.
*/
void lb_doc_claims_holding(const lb_doc *d, const uint32_t *start, const uint32_t *end, size_t n,
                           int32_t *out) {
  size_t nc = d->claims.n;
  for (size_t i = 0; i < n; i++)
    out[i] = -1;
  if (!nc || !n) return;
  lb_arena *A = d->tx.arena;
  keyed *bystart = lb_arena_alloc(A, nc * sizeof *bystart);
  keyed *byend = lb_arena_alloc(A, nc * sizeof *byend);
  keyed *spans = lb_arena_alloc(A, n * sizeof *spans);
  for (size_t k = 0; k < nc; k++) {
    bystart[k] = (keyed){d->claims.v[k].start, (int32_t)k};
    byend[k] = (keyed){UINT32_MAX - d->claims.v[k].end, (int32_t)k}; /* largest end first */
  }
  for (size_t i = 0; i < n; i++)
    spans[i] = (keyed){start[i], (int32_t)i};
  qsort(bystart, nc, sizeof *bystart, keyed_cmp);
  qsort(byend, nc, sizeof *byend, keyed_cmp);
  qsort(spans, n, sizeof *spans, keyed_cmp);
  /* rank[k]: claim k's 1-based place in byend */
  uint32_t *rank = lb_arena_alloc(A, nc * sizeof *rank);
  for (size_t r = 0; r < nc; r++)
    rank[byend[r].i] = (uint32_t)(r + 1);
  int32_t *fen = lb_arena_alloc(A, (nc + 1) * sizeof *fen);
  for (size_t r = 0; r <= nc; r++)
    fen[r] = INT32_MAX;
  size_t next = 0;
  for (size_t s = 0; s < n; s++) {
    int32_t i = spans[s].i;
    while (next < nc && bystart[next].key <= start[i]) {
      int32_t k = bystart[next++].i;
      for (size_t r = rank[k]; r <= nc; r += r & -r)
        if (k < fen[r]) fen[r] = k;
    }
    /* the claims that end at or after end[i]: a prefix of byend */
    size_t lo = 0, hi = nc;
    while (lo < hi) {
      size_t mid = (lo + hi) / 2;
      if (UINT32_MAX - byend[mid].key >= end[i])
        lo = mid + 1;
      else
        hi = mid;
    }
    int32_t best = INT32_MAX;
    for (size_t r = lo; r > 0; r -= r & -r)
      if (fen[r] < best) best = fen[r];
    out[i] = best == INT32_MAX ? -1 : best;
  }
}
