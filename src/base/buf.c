/*
** buf.c -- growable byte buffer (see buf.h).
*/
#include "buf.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void lb_buf_free(lb_buf *b) {
  free(b->p);
  b->p = NULL;
  b->n = b->cap = 0;
}

void lb_buf_reset(lb_buf *b) {
  b->n = 0;
  if (b->p) b->p[0] = 0;
}

void lb_buf_grow(lb_buf *b, size_t extra) {
  if (b->n + extra + 1 <= b->cap) return;
  size_t nc = b->cap ? b->cap : 256;
  while (nc < b->n + extra + 1 && nc <= SIZE_MAX / 2)
    nc *= 2;
  /* a size that overflowed gets no memory */
  char *np = extra < SIZE_MAX - b->n - 1 && nc >= b->n + extra + 1 ? realloc(b->p, nc) : NULL;
  if (!np) {
    /* out of memory is the end of the program, with a message (never an
    ** abort: issue 22) */
    fputs("lagebild: out of memory\n", stderr);
    exit(1);
  }
  b->p = np;
  b->cap = nc;
}

void lb_buf_adds(lb_buf *b, const char *s) { lb_buf_add(b, s, strlen(s)); }

void lb_buf_printf(lb_buf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  char tmp[256];
  int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  if (n < 0) return;
  if ((size_t)n < sizeof tmp) {
    lb_buf_add(b, tmp, (size_t)n);
    return;
  }
  lb_buf_reserve(b, (size_t)n);
  va_start(ap, fmt);
  vsnprintf(b->p + b->n, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->n += (size_t)n;
}
