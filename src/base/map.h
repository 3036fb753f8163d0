/*
** map.h -- a hash map from short byte strings to int32 values, in an arena.
**
** The extractors ask "which entity has this id", "was this surname named",
** "is this span already a mention of that entity" once per token or per
** fact; a scan over everything found so far made a document's time grow
** with the square of its size (issue 22). An lb_map answers in constant
** time. Keys are copied into the arena, values are the caller's indexes
** (into an LB_VEC, usually). Nothing is ever removed; the map lives and
** dies with its arena (per document).
*/
#ifndef LB_MAP_H
#define LB_MAP_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"

typedef struct lb_map_slot {
  uint64_t h;      /* the key's hash; 0 = empty slot */
  const char *key; /* an arena copy */
  uint32_t len;
  int32_t val;
} lb_map_slot;

typedef struct lb_map {
  lb_arena *a;
  lb_map_slot *v; /* cap slots, cap a power of two (0 until the first put) */
  size_t n, cap;
} lb_map;

/* An empty map whose slots and keys live in arena a. */
void lb_map_init(lb_map *m, lb_arena *a);
/* The value of key[0..len), or -1 when it is not in the map. */
int32_t lb_map_get(const lb_map *m, const void *key, size_t len);
/* Put key[0..len) -> val unless the key is there already: returns -1 when
** it was added, else the value it has (which stays). val must be >= 0. */
int32_t lb_map_put(lb_map *m, const void *key, size_t len, int32_t val);

#endif
