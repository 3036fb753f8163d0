/*
** text.c -- the text layer's few helpers (see text.h): the text itself,
** warnings, and lookups every stage shares.
*/
#include "text.h"

#include <assert.h>
#include <stdarg.h>
#include <stdio.h>

#include "../base/utf8.h"

/* Replaced runs reported one by one: the first this many, then a count. */
#define LB_TEXT_MAX_BAD 16

typedef struct bad_ctx {
  lb_text *tx;
  size_t runs;
} bad_ctx;

static void bad_run(void *ctx, size_t off, size_t len, int nul) {
  bad_ctx *b = ctx;
  if (++b->runs <= LB_TEXT_MAX_BAD)
    lb_text_warn(b->tx, "%s at byte %zu (%zu byte%s replaced)", nul ? "NUL byte" : "invalid UTF-8",
                 off, len, len == 1 ? "" : "s");
}

void lb_text_set(lb_text *tx, const char *s, size_t n) {
  assert(tx->arena && n < UINT32_MAX);
  char *out = lb_arena_alloc(tx->arena, n + 1);
  memcpy(out, s, n);
  out[n] = 0;
  tx->text = out;
  tx->len = (uint32_t)n;
  bad_ctx b = {tx, 0};
  lb_utf8_repair(out, n, bad_run, &b);
  if (b.runs > LB_TEXT_MAX_BAD)
    lb_text_warn(tx, "invalid UTF-8: %zu more runs replaced", b.runs - LB_TEXT_MAX_BAD);
}

void lb_text_warn(lb_text *tx, const char *fmt, ...) {
  char tmp[512];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(tmp, sizeof tmp, fmt, ap);
  va_end(ap);
  const char **w = LB_VEC_PUSH(tx->arena, tx->warnings);
  *w = lb_arena_strdup(tx->arena, tmp);
}

int32_t lb_text_sentence_at(const lb_text *tx, uint32_t off) {
  size_t lo = 0, hi = tx->sents.n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    const lb_sent *s = &tx->sents.v[mid];
    if (off < s->start)
      hi = mid;
    else if (off >= s->end)
      lo = mid + 1;
    else
      return (int32_t)mid;
  }
  return -1;
}

int32_t lb_text_word_at(const lb_text *tx, uint32_t off) {
  size_t lo = 0, hi = tx->words.n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (tx->words.v[mid].start < off)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < tx->words.n && tx->words.v[lo].start == off ? (int32_t)lo : -1;
}

char *lb_text_span(const lb_text *tx, uint32_t start, uint32_t end) {
  if (end > tx->len) end = tx->len;
  if (start > end) start = end;
  return lb_arena_strndup(tx->arena, tx->text + start, end - start);
}
