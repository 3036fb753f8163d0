/*
** picture.c -- write one document's picture as JSON (docs/OUTPUT.md).
**
** The field names and their order are the contract every consumer reads;
** fields beyond the contract ("rule", "text", "mood", ...) are additions the
** contract allows. Output is deterministic: the same document gives the same
** bytes on every run and with any number of threads.
*/
#include <stdlib.h>
#include <string.h>

#include "../../include/lagebild.h"
#include "../base/json.h"
#include "doc.h"

static void span_text(lb_buf *b, const lb_doc *d, uint32_t s, uint32_t e) {
  if (e > d->len) e = d->len;
  if (s > e) s = e;
  lb_json_str(b, d->text + s, e - s);
}

static void k_str(lb_buf *b, const char *k, const char *v) {
  lb_json_key(b, k);
  lb_json_cstr(b, v);
  lb_buf_addc(b, ',');
}
static void k_int(lb_buf *b, const char *k, int64_t v) {
  lb_json_key(b, k);
  lb_json_int(b, v);
  lb_buf_addc(b, ',');
}
static void k_idx(lb_buf *b, const char *k, int32_t v) { /* -1 -> null */
  lb_json_key(b, k);
  if (v < 0)
    lb_buf_add(b, "null", 4);
  else
    lb_json_int(b, v);
  lb_buf_addc(b, ',');
}
static void k_num(lb_buf *b, const char *k, int has, double v) {
  lb_json_key(b, k);
  if (has)
    lb_json_num(b, v);
  else
    lb_buf_add(b, "null", 4);
  lb_buf_addc(b, ',');
}
static void k_bool(lb_buf *b, const char *k, int v) {
  lb_json_key(b, k);
  lb_buf_adds(b, v ? "true" : "false");
  lb_buf_addc(b, ',');
}
/* replace the trailing comma of an object or array with its closer */
static void close_with(lb_buf *b, char c) {
  if (b->n && b->p[b->n - 1] == ',')
    b->p[b->n - 1] = c;
  else
    lb_buf_addc(b, c);
}

static void write_entity(lb_buf *b, const lb_doc *d, const lb_entity *e) {
  lb_buf_addc(b, '{');
  k_str(b, "id", e->id);
  k_str(b, "name", e->name);
  k_str(b, "type", e->type);
  k_str(b, "actor", e->actor);
  k_str(b, "country", e->country);
  lb_json_key(b, "geo");
  if (e->has_geo) {
    lb_buf_addc(b, '{');
    k_int(b, "geonameid", e->geo.geonameid);
    k_num(b, "lat", 1, e->geo.lat);
    k_num(b, "lon", 1, e->geo.lon);
    k_str(b, "feature", e->geo.feature);
    k_str(b, "cc", e->geo.cc);
    close_with(b, '}');
  } else {
    lb_buf_add(b, "null", 4);
  }
  lb_buf_addc(b, ',');
  if (e->source) k_str(b, "source", e->source);
  if (e->guess) k_bool(b, "guess", 1);
  lb_json_key(b, "mentions");
  lb_buf_addc(b, '[');
  for (size_t i = 0; i < e->mentions.n; i++) {
    const lb_mention *m = &e->mentions.v[i];
    lb_buf_addc(b, '{');
    k_int(b, "start", m->start);
    k_int(b, "end", m->end);
    lb_json_key(b, "text");
    span_text(b, d, m->start, m->end);
    lb_buf_addc(b, ',');
    k_str(b, "actor", m->actor ? m->actor : e->actor);
    if (m->rule) k_str(b, "rule", m->rule);
    close_with(b, '}');
    lb_buf_addc(b, ',');
  }
  close_with(b, ']');
  lb_buf_addc(b, '}');
}

static void write_quantity(lb_buf *b, const lb_doc *d, const lb_quantity *q) {
  lb_buf_addc(b, '{');
  lb_json_key(b, "text");
  span_text(b, d, q->start, q->end);
  lb_buf_addc(b, ',');
  k_int(b, "start", q->start);
  k_int(b, "end", q->end);
  k_num(b, "value", q->has_value, q->value);
  k_num(b, "min", q->has_min, q->min);
  k_num(b, "max", q->has_max, q->max);
  k_bool(b, "approx", q->approx);
  k_str(b, "unit", q->unit);
  if (q->unit_text) k_str(b, "unit_text", q->unit_text);
  k_str(b, "category", q->category);
  k_str(b, "of", q->of);
  k_str(b, "place", q->place);
  k_idx(b, "claim", q->claim);
  k_idx(b, "sentence", q->sentence);
  k_str(b, "rule", q->rule);
  close_with(b, '}');
}

static void write_date(lb_buf *b, const lb_doc *d, const lb_date *t) {
  lb_buf_addc(b, '{');
  lb_json_key(b, "text");
  span_text(b, d, t->start, t->end);
  lb_buf_addc(b, ',');
  k_int(b, "start", t->start);
  k_int(b, "end", t->end);
  k_str(b, "from", t->from);
  k_str(b, "to", t->to);
  k_str(b, "granularity", t->granularity);
  if (t->unresolved) k_bool(b, "unresolved", 1);
  if (t->duration) k_bool(b, "duration", 1);
  k_idx(b, "sentence", t->sentence);
  k_str(b, "rule", t->rule);
  close_with(b, '}');
}

static void write_claim(lb_buf *b, const lb_doc *d, const lb_claim *c) {
  lb_buf_addc(b, '{');
  k_str(b, "speaker", c->speaker);
  if (c->speaker_text || !c->speaker) k_str(b, "speaker_text", c->speaker_text);
  k_str(b, "verb", c->verb);
  k_int(b, "start", c->start);
  k_int(b, "end", c->end);
  k_idx(b, "sentence", c->sentence);
  lb_json_key(b, "text");
  span_text(b, d, c->start, c->end);
  lb_buf_addc(b, ',');
  lb_json_key(b, "cue");
  lb_json_span(b, c->cue_start, c->cue_end);
  lb_buf_addc(b, ',');
  if (c->speaker_end > c->speaker_start) {
    lb_json_key(b, "speaker_span");
    lb_json_span(b, c->speaker_start, c->speaker_end);
    lb_buf_addc(b, ',');
  }
  k_str(b, "rule", c->rule);
  close_with(b, '}');
}

static void write_event(lb_buf *b, const lb_doc *d, const lb_event *e) {
  lb_buf_addc(b, '{');
  k_str(b, "code", e->code);
  k_str(b, "root", e->root);
  k_int(b, "quad_class", e->quad_class);
  k_num(b, "goldstein", 1, e->goldstein);
  k_str(b, "source", e->source);
  k_str(b, "source_entity", e->source_entity);
  k_str(b, "target", e->target);
  k_str(b, "target_entity", e->target_entity);
  k_str(b, "place", e->place);
  k_str(b, "date", e->date);
  if (e->date_granularity) k_str(b, "date_granularity", e->date_granularity);
  lb_json_key(b, "quantities");
  lb_buf_addc(b, '[');
  for (size_t i = 0; i < e->quantities.n; i++) {
    lb_json_int(b, e->quantities.v[i]);
    lb_buf_addc(b, ',');
  }
  close_with(b, ']');
  lb_buf_addc(b, ',');
  k_idx(b, "claim", e->claim);
  k_idx(b, "sentence", e->sentence);
  k_int(b, "start", e->start);
  k_int(b, "end", e->end);
  lb_json_key(b, "text");
  span_text(b, d, e->start, e->end);
  lb_buf_addc(b, ',');
  if (e->mood) k_str(b, "mood", e->mood);
  k_str(b, "rule", e->rule);
  close_with(b, '}');
}

static void write_signal(lb_buf *b, const lb_doc *d, const lb_signal *s) {
  (void)d;
  lb_buf_addc(b, '{');
  k_str(b, "kind", s->kind);
  k_int(b, "start", s->start);
  k_int(b, "end", s->end);
  k_str(b, "detail", s->detail);
  if (s->rule) k_str(b, "rule", s->rule);
  close_with(b, '}');
}

#define WRITE_ARRAY(B, D, NAME, VEC, FN)      \
  do {                                        \
    lb_json_key(B, NAME);                     \
    lb_buf_addc(B, '[');                      \
    for (size_t i_ = 0; i_ < (VEC).n; i_++) { \
      FN(B, D, &(VEC).v[i_]);                 \
      lb_buf_addc(B, ',');                    \
    }                                         \
    close_with(B, ']');                       \
    lb_buf_addc(B, ',');                      \
  } while (0)

void lb_pic_json(lb_buf *b, const lb_doc *d) {
  lb_buf_reserve(b, 256 + d->sents.n * 16);
  lb_buf_addc(b, '{');
  k_str(b, "id", d->id);
  k_str(b, "lang", d->lang);
  k_str(b, "published", d->published);
  if (d->title) k_str(b, "title", d->title);
  if (d->url) k_str(b, "url", d->url);
  lb_json_key(b, "sentences");
  lb_buf_addc(b, '[');
  for (size_t i = 0; i < d->sents.n; i++)
  {
    lb_json_span(b, d->sents.v[i].start, d->sents.v[i].end);
    lb_buf_addc(b, ',');
  }
  close_with(b, ']');
  lb_buf_addc(b, ',');
  WRITE_ARRAY(b, d, "entities", d->entities, write_entity);
  WRITE_ARRAY(b, d, "quantities", d->quantities, write_quantity);
  WRITE_ARRAY(b, d, "dates", d->dates, write_date);
  WRITE_ARRAY(b, d, "claims", d->claims, write_claim);
  WRITE_ARRAY(b, d, "events", d->events, write_event);
  WRITE_ARRAY(b, d, "signals", d->signals, write_signal);
  lb_json_key(b, "warnings");
  lb_buf_addc(b, '[');
  for (size_t i = 0; i < d->warnings.n; i++) {
    lb_json_cstr(b, d->warnings.v[i]);
    lb_buf_addc(b, ',');
  }
  close_with(b, ']');
  lb_buf_addc(b, '}');
}

size_t lb_doc_json(const lb_doc *d, char **out) {
  lb_buf b = LB_BUF_INIT;
  lb_pic_json(&b, d);
  *out = b.p;
  return b.n;
}
