/*
** buf.h -- a growable byte buffer (malloc-backed), used for output.
**
** The JSON writer (json.h), the store and the server all build their output
** in an lb_buf and write it out in one call. Not for per-document scratch
** memory: that is the arena's job.
*/
#ifndef LB_BUF_H
#define LB_BUF_H

#include <stddef.h>
#include <string.h>

typedef struct lb_buf {
  char *p;       /* bytes, always NUL-terminated when non-NULL */
  size_t n, cap;
} lb_buf;

#define LB_BUF_INIT {NULL, 0, 0}

void lb_buf_free(lb_buf *b);
void lb_buf_reset(lb_buf *b);            /* n = 0, memory kept */
void lb_buf_grow(lb_buf *b, size_t extra); /* make room: realloc (exit 1 when out of memory) */
void lb_buf_adds(lb_buf *b, const char *s);

/* Room for `extra` more bytes and the NUL. The JSON writer calls these
** per character and per field: inline, they were 6% of extraction (callgrind,
** --stages places) as calls into buf.c. */
static inline void lb_buf_reserve(lb_buf *b, size_t extra) {
  if (b->n + extra + 1 > b->cap) lb_buf_grow(b, extra);
}

static inline void lb_buf_add(lb_buf *b, const void *s, size_t n) {
  lb_buf_reserve(b, n);
  if (n) memcpy(b->p + b->n, s, n);
  b->n += n;
  b->p[b->n] = 0;
}

static inline void lb_buf_addc(lb_buf *b, char c) {
  lb_buf_reserve(b, 1);
  b->p[b->n++] = c;
  b->p[b->n] = 0;
}

void lb_buf_printf(lb_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

#endif
