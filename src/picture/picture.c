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

/* Keys are fixed ASCII names that need no escaping, so each is written as
** one literal with its quotes and colon, its length known at compile time,
** and with the comma before it (or the "{" of its object) in the same copy:
** through lb_json_key (strlen and the escaping pass) they were 14M of the
** 300M instructions of extraction, a comma of their own after each value
** another 1M (callgrind, 1m.jsonl, --stages places). */
#define ALWAYS_INLINE inline __attribute__((always_inline))
#define ADD_LIT(b, lit) put(b, lit, sizeof(lit) - 1)
#define KEY(b, k) ADD_LIT(b, ",\"" k "\":")
#define KQ(pre, k) pre "\"" k "\":", sizeof(pre "\"" k "\":") - 1
#define K_STR(b, k, v) k_str(b, KQ(",", k), v)
#define K_INT(b, k, v) k_int(b, KQ(",", k), v)
#define K_IDX(b, k, v) k_idx(b, KQ(",", k), v)
#define K_NUM(b, k, has, v) k_num(b, KQ(",", k), has, v)
#define K_BOOL(b, k, v) k_bool(b, KQ(",", k), v)
/* the first field of an object opens it */
#define KEY1(b, k) ADD_LIT(b, "{\"" k "\":")
#define K1_STR(b, k, v) k_str(b, KQ("{", k), v)
#define K1_INT(b, k, v) k_int(b, KQ("{", k), v)

/* lb_buf_add, kept inline so that n is a constant where the key is one */
static ALWAYS_INLINE void put(lb_buf *b, const char *s, size_t n) {
  lb_buf_reserve(b, n);
  memcpy(b->p + b->n, s, n);
  b->n += n;
  b->p[b->n] = 0;
}

/* lb_json_cstr without its call, one per value (0.4M of 280M, callgrind) */
static ALWAYS_INLINE void k_str(lb_buf *b, const char *kq, size_t kn, const char *v) {
  put(b, kq, kn);
  if (v)
    lb_json_str(b, v, strlen(v));
  else
    ADD_LIT(b, "null");
}
static ALWAYS_INLINE void k_int(lb_buf *b, const char *kq, size_t kn, int64_t v) {
  put(b, kq, kn);
  lb_json_int(b, v);
}
static ALWAYS_INLINE void k_idx(lb_buf *b, const char *kq, size_t kn, int32_t v) { /* -1 -> null */
  put(b, kq, kn);
  if (v < 0)
    ADD_LIT(b, "null");
  else
    lb_json_int(b, v);
}
static ALWAYS_INLINE void k_num(lb_buf *b, const char *kq, size_t kn, int has, double v) {
  put(b, kq, kn);
  if (has)
    lb_json_num(b, v);
  else
    ADD_LIT(b, "null");
}
static ALWAYS_INLINE void k_bool(lb_buf *b, const char *kq, size_t kn, int v) {
  put(b, kq, kn);
  if (v)
    ADD_LIT(b, "true");
  else
    ADD_LIT(b, "false");
}

static void write_entity(lb_buf *b, const lb_doc *d, const lb_entity *e) {
  K1_STR(b, "id", e->id);
  K_STR(b, "name", e->name);
  K_STR(b, "type", e->type);
  K_STR(b, "actor", e->actor);
  K_STR(b, "country", e->country);
  KEY(b, "geo");
  if (e->has_geo) {
    K1_INT(b, "geonameid", e->geo.geonameid);
    K_NUM(b, "lat", 1, e->geo.lat);
    K_NUM(b, "lon", 1, e->geo.lon);
    K_STR(b, "feature", e->geo.feature);
    K_STR(b, "cc", e->geo.cc);
    lb_buf_addc(b, '}');
  } else {
    ADD_LIT(b, "null");
  }
  if (e->source) K_STR(b, "source", e->source);
  if (e->guess) K_BOOL(b, "guess", 1);
  ADD_LIT(b, ",\"mentions\":[");
  for (size_t i = 0; i < e->mentions.n; i++) {
    const lb_mention *m = &e->mentions.v[i];
    if (i) lb_buf_addc(b, ',');
    K1_INT(b, "start", m->start);
    K_INT(b, "end", m->end);
    KEY(b, "text");
    span_text(b, d, m->start, m->end);
    K_STR(b, "actor", m->actor ? m->actor : e->actor);
    if (m->rule) K_STR(b, "rule", m->rule);
    lb_buf_addc(b, '}');
  }
  ADD_LIT(b, "]}");
}

static void write_quantity(lb_buf *b, const lb_doc *d, const lb_quantity *q) {
  KEY1(b, "text");
  span_text(b, d, q->start, q->end);
  K_INT(b, "start", q->start);
  K_INT(b, "end", q->end);
  K_NUM(b, "value", q->has_value, q->value);
  K_NUM(b, "min", q->has_min, q->min);
  K_NUM(b, "max", q->has_max, q->max);
  K_BOOL(b, "approx", q->approx);
  K_STR(b, "unit", q->unit);
  if (q->unit_text) K_STR(b, "unit_text", q->unit_text);
  K_STR(b, "category", q->category);
  K_STR(b, "of", q->of);
  K_STR(b, "place", q->place);
  K_IDX(b, "claim", q->claim);
  K_IDX(b, "sentence", q->sentence);
  K_STR(b, "rule", q->rule);
  lb_buf_addc(b, '}');
}

static void write_date(lb_buf *b, const lb_doc *d, const lb_date *t) {
  KEY1(b, "text");
  span_text(b, d, t->start, t->end);
  K_INT(b, "start", t->start);
  K_INT(b, "end", t->end);
  K_STR(b, "from", t->from);
  K_STR(b, "to", t->to);
  K_STR(b, "granularity", t->granularity);
  if (t->unresolved) K_BOOL(b, "unresolved", 1);
  if (t->duration) K_BOOL(b, "duration", 1);
  K_IDX(b, "sentence", t->sentence);
  K_STR(b, "rule", t->rule);
  lb_buf_addc(b, '}');
}

static void write_claim(lb_buf *b, const lb_doc *d, const lb_claim *c) {
  K1_STR(b, "speaker", c->speaker);
  if (c->speaker_text || !c->speaker) K_STR(b, "speaker_text", c->speaker_text);
  K_STR(b, "verb", c->verb);
  K_INT(b, "start", c->start);
  K_INT(b, "end", c->end);
  K_IDX(b, "sentence", c->sentence);
  KEY(b, "text");
  span_text(b, d, c->start, c->end);
  KEY(b, "cue");
  lb_json_span(b, c->cue_start, c->cue_end);
  if (c->speaker_end > c->speaker_start) {
    KEY(b, "speaker_span");
    lb_json_span(b, c->speaker_start, c->speaker_end);
  }
  K_STR(b, "rule", c->rule);
  lb_buf_addc(b, '}');
}

static void write_event(lb_buf *b, const lb_doc *d, const lb_event *e) {
  K1_STR(b, "code", e->code);
  K_STR(b, "root", e->root);
  K_INT(b, "quad_class", e->quad_class);
  K_NUM(b, "goldstein", 1, e->goldstein);
  K_STR(b, "source", e->source);
  K_STR(b, "source_entity", e->source_entity);
  K_STR(b, "target", e->target);
  K_STR(b, "target_entity", e->target_entity);
  K_STR(b, "place", e->place);
  K_STR(b, "date", e->date);
  if (e->date_granularity) K_STR(b, "date_granularity", e->date_granularity);
  ADD_LIT(b, ",\"quantities\":[");
  for (size_t i = 0; i < e->quantities.n; i++) {
    if (i) lb_buf_addc(b, ',');
    lb_json_int(b, e->quantities.v[i]);
  }
  lb_buf_addc(b, ']');
  K_IDX(b, "claim", e->claim);
  K_IDX(b, "sentence", e->sentence);
  K_INT(b, "start", e->start);
  K_INT(b, "end", e->end);
  KEY(b, "text");
  span_text(b, d, e->start, e->end);
  if (e->mood) K_STR(b, "mood", e->mood);
  K_STR(b, "rule", e->rule);
  lb_buf_addc(b, '}');
}

static void write_signal(lb_buf *b, const lb_doc *d, const lb_signal *s) {
  (void)d;
  K1_STR(b, "kind", s->kind);
  K_INT(b, "start", s->start);
  K_INT(b, "end", s->end);
  K_STR(b, "detail", s->detail);
  if (s->rule) K_STR(b, "rule", s->rule);
  lb_buf_addc(b, '}');
}

/* ,"NAME":[...] -- elements separated by commas */
#define WRITE_ARRAY(B, D, NAME, VEC, FN)      \
  do {                                        \
    ADD_LIT(B, ",\"" NAME "\":[");            \
    for (size_t i_ = 0; i_ < (VEC).n; i_++) { \
      if (i_) lb_buf_addc(B, ',');            \
      FN(B, D, &(VEC).v[i_]);                 \
    }                                         \
    lb_buf_addc(B, ']');                      \
  } while (0)

void lb_pic_json(lb_buf *b, const lb_doc *d) {
  lb_buf_reserve(b, 256 + d->sents.n * 16);
  K1_STR(b, "id", d->id);
  K_STR(b, "lang", d->lang);
  K_STR(b, "published", d->published);
  if (d->title) K_STR(b, "title", d->title);
  if (d->url) K_STR(b, "url", d->url);
  ADD_LIT(b, ",\"sentences\":[");
  for (size_t i = 0; i < d->sents.n; i++) {
    if (i) lb_buf_addc(b, ',');
    lb_json_span(b, d->sents.v[i].start, d->sents.v[i].end);
  }
  lb_buf_addc(b, ']');
  WRITE_ARRAY(b, d, "entities", d->entities, write_entity);
  WRITE_ARRAY(b, d, "quantities", d->quantities, write_quantity);
  WRITE_ARRAY(b, d, "dates", d->dates, write_date);
  WRITE_ARRAY(b, d, "claims", d->claims, write_claim);
  WRITE_ARRAY(b, d, "events", d->events, write_event);
  WRITE_ARRAY(b, d, "signals", d->signals, write_signal);
  ADD_LIT(b, ",\"warnings\":[");
  for (size_t i = 0; i < d->warnings.n; i++) {
    if (i) lb_buf_addc(b, ',');
    lb_json_cstr(b, d->warnings.v[i]);
  }
  ADD_LIT(b, "]}");
}

size_t lb_doc_json(const lb_doc *d, char **out) {
  lb_buf b = LB_BUF_INIT;
  lb_pic_json(&b, d);
  *out = b.p;
  return b.n;
}
