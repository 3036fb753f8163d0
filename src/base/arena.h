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

#include <setjmp.h>
#include <stddef.h>

typedef struct lb_arena lb_arena;

/* A new empty arena; NULL only when out of memory. */
lb_arena *lb_arena_new(void);
/* Free every block at once. NULL is allowed. */
void lb_arena_free(lb_arena *a);
/* Forget all allocations but keep the first block for reuse, and the
** others, up to 128 MB, for the allocations after the reset. */
void lb_arena_reset(lb_arena *a);
/*
** n bytes aligned for any type. When the arena has a guard (lb_arena_guard)
** and n would take it past its limit, or the machine has no memory left,
** this does not return: it jumps to the guard. Without a guard, out of
** memory ends the process with exit status 1 and a message on stderr.
*/
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
** The memory bound of one document (issue 22). With full non-NULL, an
** allocation that would make the arena's blocks hold more than limit bytes
** (0: no limit), or that malloc refuses, longjmps to *full with value
** LB_ARENA_OVER or LB_ARENA_NOMEM after removing the guard (so the code at
** the guard can still allocate, say, a message). Code that runs under a
** guard must keep nothing but arena memory, and no lock, across
** allocations: the pipeline's stages do. lb_arena_guard(a, 0, NULL) removes
** it.
*/
enum { LB_ARENA_OVER = 1, LB_ARENA_NOMEM = 2 };
void lb_arena_guard(lb_arena *a, size_t limit, jmp_buf *full);
/* Bytes of the arena's blocks (what the limit counts). */
size_t lb_arena_held(const lb_arena *a);

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
