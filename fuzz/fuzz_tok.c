/*
** fuzz_tok.c -- libFuzzer target: tokenizer and sentence splitter.
**
** The input is repaired and split (lb_extract with a text-only engine).
** Checked: every token span is inside the text, non-empty, in order and
** not overlapping any other, with a known kind; sentences are non-empty,
** in order, and together cover every token exactly once, their byte spans
** running from their first token's start to their last token's end. The
** raw tokenizer (lb_tok_each, used on lexicon keys) is run on the
** unrepaired bytes too, with the same span checks.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../include/lagebild.h"
#include "../src/doc/doc.h"
#include "../src/text/tok.h"
#include "fuzz_check.h"

static lb_engine *engine;

typedef struct raw_ctx {
  size_t n, last_end, count;
} raw_ctx;

static void raw_tok(void *ctx, const lb_tok *t) {
  raw_ctx *r = ctx;
  FZ_ASSERT(t->start < t->end);
  FZ_ASSERT(t->end <= r->n);
  FZ_ASSERT(t->start >= r->last_end);
  FZ_ASSERT(t->kind >= LB_TOK_WORD && t->kind <= LB_TOK_SYM);
  r->last_end = t->end;
  r->count++;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!engine) {
    engine = lb_engine_new_text_only();
    FZ_ASSERT(engine);
    FZ_ASSERT(lb_engine_stop_after(engine, "sentences") == LB_OK);
  }
  char *text = malloc(size ? size : 1);
  memcpy(text, data, size);

  raw_ctx rc = {size, 0, 0};
  size_t count = lb_tok_each(text, size, raw_tok, &rc);
  FZ_ASSERT(count == rc.count);

  lb_input in;
  memset(&in, 0, sizeof in);
  in.text = text;
  in.len = size;
  lb_doc *d = lb_extract(engine, &in);
  FZ_ASSERT(d);
  const lb_tok *T = d->tx.toks.v;
  for (size_t i = 0; i < d->tx.toks.n; i++) {
    FZ_ASSERT(T[i].start < T[i].end);
    FZ_ASSERT(T[i].end <= d->tx.len);
    FZ_ASSERT(T[i].kind >= LB_TOK_WORD && T[i].kind <= LB_TOK_SYM);
    if (i) FZ_ASSERT(T[i - 1].end <= T[i].start);
  }
  size_t next = 0;
  for (size_t k = 0; k < d->tx.sents.n; k++) {
    const lb_sent *s = &d->tx.sents.v[k];
    FZ_ASSERT(s->tok0 == next);
    FZ_ASSERT(s->tok0 < s->tok1);
    FZ_ASSERT(s->tok1 <= d->tx.toks.n);
    FZ_ASSERT(s->start == T[s->tok0].start);
    FZ_ASSERT(s->end == T[s->tok1 - 1].end);
    if (k) FZ_ASSERT(d->tx.sents.v[k - 1].end <= s->start);
    next = s->tok1;
  }
  FZ_ASSERT(next == d->tx.toks.n);
  lb_doc_free(d);
  free(text);
  return 0;
}
