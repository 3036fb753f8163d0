/*
** test_fuzz.c -- inputs that the fuzz targets (fuzz/) found, kept as tests:
** each was a crash or a broken invariant once. Inputs are copied into
** exact-size heap buffers, as the fuzzers pass them, so that the ASan build
** of the suite sees any read past the end.
*/
#include <stdlib.h>
#include <string.h>

#include "../src/text/tok.h"
#include "test.h"

typedef struct toks {
  lb_tok v[16];
  size_t n;
} toks;

static void collect(void *ctx, const lb_tok *t) {
  toks *k = ctx;
  if (k->n < 16) k->v[k->n] = *t;
  k->n++;
}

/* Tokenize s without its NUL, in a buffer of exactly strlen(s) bytes. */
static toks raw(const char *s) {
  size_t n = strlen(s);
  char *b = malloc(n ? n : 1);
  memcpy(b, s, n);
  toks k;
  memset(&k, 0, sizeof k);
  lb_tok_each(b, n, collect, &k);
  free(b);
  return k;
}

/* fuzz_tok: "d.m" at the very end of a raw buffer read the month's digits
** past the end (scan_number relied on a NUL after the text). */
TEST(fuzz_tok_date_at_buffer_end) {
  toks k = raw("14.5");
  CHECK_INT(k.n, 1);
  CHECK_INT(k.v[0].start, 0);
  CHECK_INT(k.v[0].end, 4);
  CHECK_STR(lb_tok_kind_name(k.v[0].kind), "num");
  k = raw("Umsatz 14,5 Millionen Euro 1.2");
  CHECK_INT(k.n, 5);
  CHECK_INT(k.v[4].start, 27);
  CHECK_INT(k.v[4].end, 30);
  CHECK_STR(lb_tok_kind_name(k.v[4].kind), "num");
  k = raw("am 9.11");
  CHECK_INT(k.n, 2);
  CHECK_INT(k.v[1].end, 7);
}
