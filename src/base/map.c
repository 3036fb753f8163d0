/*
** map.c -- hash map from byte strings to int32 values (see map.h).
**
** Open addressing with linear probing, kept at most half full; growth
** doubles the table and leaves the old one to the arena (as LB_VEC does).
** The hash is FNV-1a with a final mix: keys are short (entity ids, words,
** 12-byte span keys), so a per-byte loop costs less than its set-up would.
*/
#include "map.h"

#include <assert.h>
#include <string.h>

static uint64_t hash(const void *key, size_t len) {
  const unsigned char *p = key;
  uint64_t h = 1469598103934665603ULL;
  for (size_t i = 0; i < len; i++) {
    h ^= p[i];
    h *= 1099511628211ULL;
  }
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  return h ? h : 1; /* 0 marks an empty slot */
}

void lb_map_init(lb_map *m, lb_arena *a) {
  memset(m, 0, sizeof *m);
  m->a = a;
}

static lb_map_slot *find(const lb_map *m, uint64_t h, const void *key, size_t len) {
  size_t mask = m->cap - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    lb_map_slot *s = &m->v[i];
    if (!s->h || (s->h == h && s->len == len && memcmp(s->key, key, len) == 0)) return s;
  }
}

int32_t lb_map_get(const lb_map *m, const void *key, size_t len) {
  if (!m->n) return -1;
  lb_map_slot *s = find(m, hash(key, len), key, len);
  return s->h ? s->val : -1;
}

static void grow(lb_map *m) {
  size_t cap = m->cap ? m->cap * 2 : 64;
  lb_map_slot *v = lb_arena_calloc(m->a, cap, sizeof *v);
  for (size_t i = 0; i < m->cap; i++) {
    const lb_map_slot *s = &m->v[i];
    if (!s->h) continue;
    size_t k = s->h & (cap - 1);
    while (v[k].h)
      k = (k + 1) & (cap - 1);
    v[k] = *s;
  }
  m->v = v;
  m->cap = cap;
}

int32_t lb_map_put(lb_map *m, const void *key, size_t len, int32_t val) {
  assert(val >= 0 && len <= UINT32_MAX);
  if (2 * (m->n + 1) > m->cap) grow(m);
  uint64_t h = hash(key, len);
  lb_map_slot *s = find(m, h, key, len);
  if (s->h) return s->val;
  s->h = h;
  s->key = lb_arena_strndup(m->a, key, len);
  s->len = (uint32_t)len;
  s->val = val;
  m->n++;
  return -1;
}
