/*
** fuzz_pipeline.c -- libFuzzer target: whole documents through the full
** pipeline (every stage with the built lexicon) and the JSON writer.
**
** The first input byte picks the language and whether a publication date is
** given (so both the German and the English rules and relative dates run);
** the rest is the text, passed from an exact-size buffer so that ASan sees
** any read past its end. The output must be one valid JSON object, and every
** fact's offsets must lie inside the text: sentences, mentions, quantities,
** dates, claims (span, cue, speaker) and events (span, claim and quantity
** indices).
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../include/lagebild.h"
#include "../src/doc/doc.h"
#include "fuzz_check.h"

static lb_engine *engine;

static void span_ok(const lb_doc *d, uint32_t s, uint32_t e) {
  FZ_ASSERT(s <= e && e <= d->tx.len);
}

static void check(const lb_doc *d) {
  for (size_t i = 0; i < d->tx.sents.n; i++)
    span_ok(d, d->tx.sents.v[i].start, d->tx.sents.v[i].end);
  for (size_t i = 0; i < d->entities.n; i++)
    for (size_t m = 0; m < d->entities.v[i].mentions.n; m++)
      span_ok(d, d->entities.v[i].mentions.v[m].start, d->entities.v[i].mentions.v[m].end);
  for (size_t i = 0; i < d->quantities.n; i++) {
    span_ok(d, d->quantities.v[i].start, d->quantities.v[i].end);
    FZ_ASSERT(d->quantities.v[i].claim < (int32_t)d->claims.n);
  }
  for (size_t i = 0; i < d->dates.n; i++)
    span_ok(d, d->dates.v[i].start, d->dates.v[i].end);
  for (size_t i = 0; i < d->claims.n; i++) {
    const lb_claim *c = &d->claims.v[i];
    span_ok(d, c->start, c->end);
    span_ok(d, c->cue_start, c->cue_end);
    span_ok(d, c->speaker_start, c->speaker_end);
    FZ_ASSERT(c->verb && c->rule);
    FZ_ASSERT(c->sentence >= 0 && (size_t)c->sentence < d->tx.sents.n);
  }
  for (size_t i = 0; i < d->events.n; i++) {
    const lb_event *e = &d->events.v[i];
    span_ok(d, e->start, e->end);
    FZ_ASSERT(e->code && e->root && e->rule);
    FZ_ASSERT(e->claim >= -1 && e->claim < (int32_t)d->claims.n);
    FZ_ASSERT(e->sentence >= 0 && (size_t)e->sentence < d->tx.sents.n);
    for (size_t q = 0; q < e->quantities.n; q++)
      FZ_ASSERT(e->quantities.v[q] >= 0 && (size_t)e->quantities.v[q] < d->quantities.n);
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!engine) {
    char err[512];
    engine = lb_engine_new(NULL, err, sizeof err);
    if (!engine) {
      fprintf(stderr, "fuzz_pipeline: %s\n", err);
      abort();
    }
  }
  if (size == 0) return 0;
  uint8_t mode = data[0];
  size_t n = size - 1;
  char *text = malloc(n ? n : 1);
  memcpy(text, data + 1, n);
  lb_input in;
  memset(&in, 0, sizeof in);
  in.text = text;
  in.len = n;
  in.lang = (mode & 1) ? "en" : (mode & 2) ? "de" : NULL;
  in.published = (mode & 4) ? "2024-11-11" : NULL;
  in.id = "fuzz";
  lb_doc *d = lb_extract(engine, &in);
  FZ_ASSERT(d);
  check(d);
  char *json = NULL;
  size_t len = lb_doc_json(d, &json);
  FZ_ASSERT(json && fz_json_valid(json, len));
  free(json);
  lb_doc_free(d);
  free(text);
  return 0;
}
