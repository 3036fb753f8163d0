/*
** arena.h -- per-document bump allocator.
**
** Every document's tokens, sentences, entities and strings live in one arena
** that is freed at once when the document's picture has been written. This is
** what lets the extractors allocate freely on the hot path without a free()
** per object, and what keeps one document's memory from leaking into the next.
** Not for long-lived data: the engine and the lexicon use malloc/mmap.
*/
#ifndef LB_ARENA_H
#define LB_ARENA_H

#include <stddef.h>

typedef struct lb_arena lb_arena;

/* A new empty arena; NULL only when out of memory. */
lb_arena *lb_arena_new(void);
/* Free every block at once. NULL is allowed. */
void lb_arena_free(lb_arena *a);
/* Forget all allocations but keep the first block for reuse. */
void lb_arena_reset(lb_arena *a);
/* n bytes aligned for any type; aborts the process when out of memory
** (documents are bounded in size, so this only happens when the machine is). */
void *lb_arena_alloc(lb_arena *a, size_t n);
/* Like lb_arena_alloc, zero-filled. */
void *lb_arena_calloc(lb_arena *a, size_t count, size_t size);
/* A NUL-terminated copy of s[0..n). */
char *lb_arena_strndup(lb_arena *a, const char *s, size_t n);
char *lb_arena_strdup(lb_arena *a, const char *s);
/* printf into the arena. */
char *lb_arena_printf(lb_arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* Bytes handed out so far (for statistics and tests). */
size_t lb_arena_used(const lb_arena *a);

/*
** A growable array in an arena: LB_VEC(lb_tok) toks; then
** LB_VEC_PUSH(arena, toks) returns a pointer to a new zeroed slot.
** Growth copies into a block twice the size; the old block is left to the
** arena, which is cheap because arrays double.
*/
#define LB_VEC(T) struct { T *v; size_t n, cap; }
void *lb_vec_grow(lb_arena *a, void *v, size_t *cap, size_t elem);
#define LB_VEC_PUSH(A, VEC)                                                  \
  ((VEC).n == (VEC).cap                                                      \
       ? (void)((VEC).v = lb_vec_grow((A), (VEC).v, &(VEC).cap,              \
                                      sizeof *(VEC).v))                      \
       : (void)0,                                                            \
   memset(&(VEC).v[(VEC).n], 0, sizeof *(VEC).v), &(VEC).v[(VEC).n++])

#endif
