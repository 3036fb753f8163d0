/*
** arena.c -- per-document bump allocator (see arena.h).
**
** Blocks are chained; a request larger than the default block size gets a
** block of its own. Alignment is that of max_align_t. The guard (the limit
** of one document's memory) is checked only where a block is added, so the
** path of a small allocation stays a compare and an add.
*/
#include "arena.h"

#include <stdalign.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define LB_ARENA_BLOCK (64 * 1024)

typedef struct block {
  struct block *next;
  size_t size, used;
  alignas(max_align_t) unsigned char data[];
} block;

struct lb_arena {
  block *head;   /* current block, first in chain */
  block *first;  /* the oldest block, kept by reset */
  size_t total;  /* bytes handed out */
  size_t held;   /* bytes of all blocks */
  size_t limit;  /* of held, when full is set (0: none) */
  jmp_buf *full; /* the guard, or NULL */
  block *spare;  /* blocks a reset kept for reuse (not counted in held) */
  size_t spare_bytes;
};

/* What lb_arena_reset keeps for reuse beyond the first block. An arena
** reset per batch (the syntax stage's scratch: megabytes of activations
** a batch) otherwise gave its blocks back to malloc, which unmapped them,
** and touched fresh pages again the next batch: 1.76 s of system time in
** 11 s (`/usr/bin/time bin/lagebild extract --threads 1` on the first 100
** articles of 10kGNAD), 0.05 s with the blocks kept. */
#define LB_ARENA_SPARE ((size_t)128 << 20)

/* Out of memory or over the limit: to the guard, else the end. */
static _Noreturn void fail(lb_arena *a, int why) {
  jmp_buf *j = a->full;
  if (j) {
    a->full = NULL;
    a->limit = 0;
    longjmp(*j, why);
  }
  fputs("lagebild: out of memory\n", stderr);
  exit(1);
}

static block *block_new(lb_arena *a, size_t size) {
  if (a->full && (size > SIZE_MAX - sizeof(block) - a->held ||
                  (a->limit && a->held + sizeof(block) + size > a->limit)))
    fail(a, LB_ARENA_OVER);
  /* a kept block that fits, and is not more than twice the size */
  for (block **pp = &a->spare; *pp; pp = &(*pp)->next) {
    block *k = *pp;
    if (k->size >= size && k->size / 2 <= size) {
      *pp = k->next;
      a->spare_bytes -= sizeof *k + k->size;
      k->next = NULL;
      k->used = 0;
      a->held += sizeof *k + k->size;
      return k;
    }
  }
  block *b = size <= SIZE_MAX - sizeof(block) ? malloc(sizeof *b + size) : NULL;
  if (!b) fail(a, LB_ARENA_NOMEM);
  b->next = NULL;
  b->size = size;
  b->used = 0;
  a->held += sizeof *b + size;
  return b;
}

lb_arena *lb_arena_new(void) {
  lb_arena *a = calloc(1, sizeof *a);
  if (!a) return NULL;
  a->head = a->first = block_new(a, LB_ARENA_BLOCK);
  return a;
}

void lb_arena_guard(lb_arena *a, size_t limit, jmp_buf *full) {
  a->full = full;
  a->limit = full ? limit : 0;
}

size_t lb_arena_held(const lb_arena *a) { return a->held; }

void lb_arena_free(lb_arena *a) {
  if (!a) return;
  for (int list = 0; list < 2; list++) {
    block *b = list ? a->spare : a->head;
    while (b) {
      block *n = b->next;
      free(b);
      b = n;
    }
  }
  free(a);
}

void lb_arena_reset(lb_arena *a) {
  /* every block but the first, also the big one-offs that lb_arena_alloc
  ** chains behind the first block (they were lost here, and leaked, before) */
  block *b = a->head;
  while (b) {
    block *n = b->next;
    if (b != a->first) {
      if (a->spare_bytes + sizeof *b + b->size <= LB_ARENA_SPARE) {
        b->next = a->spare;
        a->spare = b;
        a->spare_bytes += sizeof *b + b->size;
      } else
        free(b);
    }
    b = n;
  }
  a->head = a->first;
  a->first->used = 0;
  a->first->next = NULL;
  a->total = 0;
  a->held = sizeof *a->first + a->first->size;
}

void *lb_arena_alloc(lb_arena *a, size_t n) {
  const size_t al = alignof(max_align_t);
  if (n > SIZE_MAX - al) fail(a, LB_ARENA_OVER);
  n = (n + al - 1) & ~(al - 1);
  if (n == 0) n = al;
  block *b = a->head;
  if (b->size - b->used < n) {
    size_t sz = n > LB_ARENA_BLOCK / 4 ? n : LB_ARENA_BLOCK;
    block *nb = block_new(a, sz);
    if (sz == n && b->size - b->used > 256) {
      /* a big one-off: chain it behind the current block so the
      ** current block keeps serving small requests */
      nb->next = b->next;
      b->next = nb;
      nb->used = n;
      a->total += n;
      return nb->data;
    }
    nb->next = b;
    a->head = b = nb;
  }
  void *p = b->data + b->used;
  b->used += n;
  a->total += n;
  return p;
}

void *lb_arena_calloc(lb_arena *a, size_t count, size_t size) {
  if (size && count > SIZE_MAX / size) fail(a, LB_ARENA_OVER);
  void *p = lb_arena_alloc(a, count * size);
  memset(p, 0, count * size);
  return p;
}

char *lb_arena_strndup(lb_arena *a, const char *s, size_t n) {
  char *p = lb_arena_alloc(a, n + 1);
  if (n) memcpy(p, s, n);
  p[n] = 0;
  return p;
}

char *lb_arena_strdup(lb_arena *a, const char *s) {
  return lb_arena_strndup(a, s, strlen(s));
}

char *lb_arena_printf(lb_arena *a, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char tmp[256];
  int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  if (n < 0) return lb_arena_strdup(a, "");
  if ((size_t)n < sizeof tmp) return lb_arena_strndup(a, tmp, (size_t)n);
  char *p = lb_arena_alloc(a, (size_t)n + 1);
  va_start(ap, fmt);
  vsnprintf(p, (size_t)n + 1, fmt, ap);
  va_end(ap);
  return p;
}

size_t lb_arena_used(const lb_arena *a) { return a->total; }

void *lb_vec_grow(lb_arena *a, void *v, size_t *cap, size_t elem) {
  size_t nc = *cap ? *cap * 2 : 8;
  void *nv = lb_arena_alloc(a, nc * elem);
  if (*cap) memcpy(nv, v, *cap * elem);
  *cap = nc;
  return nv;
}
