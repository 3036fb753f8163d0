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
#include "../doc/doc.h"
#include "../syntax/conllu.h"
#include "../syntax/syntax.h"
#include "picture.h"

/* Keys are fixed ASCII names that need no escaping, so each is written as
** one literal with its quotes and colon, its length known at compile time,
** and with the comma before it (or the "{" of its object) in the same copy:
** through lb_json_key (strlen and the escaping pass) they were 14M of the
** 300M instructions of extraction, a comma of their own after each value
** another 1M (callgrind, 1m.jsonl, --stages places).
**
** Room is reserved once per field (key and value), and once for an
** entity's head, for each mention and for all the sentences, whose pieces
** then go through a cursor without checks (the inline lb_json_put_* of
** json.h). With a reservation, a length store and a NUL per piece, and a
** call per string and number, lb_pic_json cost 8.2M instructions, now 5.1M
** (callgrind, 1m.jsonl, --stages places; all stages 12.9M, now 8.2M). */
#define ALWAYS_INLINE inline __attribute__((always_inline))
#define LIT(o, lit) put_at(o, lit, sizeof(lit) - 1)
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

/* A cursor at the end of b with room bytes reserved; done stores it back. */
static ALWAYS_INLINE char *cursor(lb_buf *b, size_t room) {
  lb_buf_reserve(b, room);
  return b->p + b->n;
}
static ALWAYS_INLINE void done(lb_buf *b, char *o) {
  *o = 0;
  b->n = (size_t)(o - b->p);
}
/* n bytes at o; a constant n (a literal) becomes a few stores */
static ALWAYS_INLINE char *put_at(char *o, const char *s, size_t n) {
  memcpy(o, s, n);
  return o + n;
}
static ALWAYS_INLINE void put(lb_buf *b, const char *s, size_t n) {
  done(b, put_at(cursor(b, n), s, n));
}

static ALWAYS_INLINE size_t len_of(const char *v) { return v ? strlen(v) : 0; }
/* v (n bytes) or null; room LB_JSON_STR_ROOM(n) */
static ALWAYS_INLINE char *str_at(char *o, const char *v, size_t n) {
  return v ? lb_json_put_str(o, v, n) : LIT(o, "null");
}
/* The text of [*s, *e), clamped to the document; returns its length. */
static ALWAYS_INLINE size_t span_clamp(const lb_doc *d, uint32_t *s, uint32_t *e) {
  if (*e > d->tx.len) *e = (uint32_t)d->tx.len;
  if (*s > *e) *s = *e;
  return *e - *s;
}
static void span_text(lb_buf *b, const lb_doc *d, uint32_t s, uint32_t e) {
  size_t n = span_clamp(d, &s, &e);
  done(b, lb_json_put_str(cursor(b, LB_JSON_STR_ROOM(n)), d->tx.text + s, n));
}

/* lb_json_cstr without its call, one per value (0.4M of 280M, callgrind) */
static ALWAYS_INLINE void k_str(lb_buf *b, const char *kq, size_t kn, const char *v) {
  size_t n = len_of(v);
  char *o = cursor(b, kn + LB_JSON_STR_ROOM(n));
  done(b, str_at(put_at(o, kq, kn), v, n));
}
static ALWAYS_INLINE void k_int(lb_buf *b, const char *kq, size_t kn, int64_t v) {
  char *o = cursor(b, kn + LB_JSON_INT_ROOM);
  done(b, lb_json_put_int(put_at(o, kq, kn), v));
}
static ALWAYS_INLINE void k_idx(lb_buf *b, const char *kq, size_t kn, int32_t v) { /* -1 -> null */
  char *o = put_at(cursor(b, kn + LB_JSON_INT_ROOM), kq, kn);
  done(b, v < 0 ? LIT(o, "null") : lb_json_put_int(o, v));
}
static ALWAYS_INLINE void k_num(lb_buf *b, const char *kq, size_t kn, int has, double v) {
  char *o = put_at(cursor(b, kn + LB_JSON_NUM_ROOM), kq, kn);
  done(b, has ? lb_json_put_num(o, v) : LIT(o, "null"));
}
static ALWAYS_INLINE void k_bool(lb_buf *b, const char *kq, size_t kn, int v) {
  char *o = put_at(cursor(b, kn + 5), kq, kn);
  done(b, v ? LIT(o, "true") : LIT(o, "false"));
}

/* An entity's fields up to its mentions: keys, three numbers and the
** literals are 214 bytes, the strings LB_JSON_STR_ROOM of their lengths. */
#define ENTITY_ROOM 256
/* a mention's keys, two offsets and its comma: 83 bytes */
#define MENTION_ROOM 96

static void write_entity(lb_buf *b, const lb_doc *d, const lb_entity *e) {
  size_t nid = len_of(e->id), nname = len_of(e->name), ntype = len_of(e->type),
         nactor = len_of(e->actor), ncountry = len_of(e->country), nsource = len_of(e->source),
         nfeature = 0, ncc = 0, nfips = 0, nadm1 = 0;
  if (e->has_geo) {
    nfeature = len_of(e->geo.feature);
    ncc = len_of(e->geo.cc);
    nfips = len_of(e->geo.fips);
    nadm1 = len_of(e->geo.adm1);
  }
  char *o = cursor(b, ENTITY_ROOM + LB_JSON_STR_ROOM(nid) + LB_JSON_STR_ROOM(nname) +
                          LB_JSON_STR_ROOM(ntype) + LB_JSON_STR_ROOM(nactor) +
                          LB_JSON_STR_ROOM(ncountry) + LB_JSON_STR_ROOM(nsource) +
                          LB_JSON_STR_ROOM(nfeature) + LB_JSON_STR_ROOM(ncc) +
                          LB_JSON_STR_ROOM(nfips) + LB_JSON_STR_ROOM(nadm1) + 24);
  o = str_at(LIT(o, "{\"id\":"), e->id, nid);
  o = str_at(LIT(o, ",\"name\":"), e->name, nname);
  o = str_at(LIT(o, ",\"type\":"), e->type, ntype);
  o = str_at(LIT(o, ",\"actor\":"), e->actor, nactor);
  o = str_at(LIT(o, ",\"country\":"), e->country, ncountry);
  if (e->has_geo) {
    o = lb_json_put_int(LIT(o, ",\"geo\":{\"geonameid\":"), e->geo.geonameid);
    o = lb_json_put_num(LIT(o, ",\"lat\":"), e->geo.lat);
    o = lb_json_put_num(LIT(o, ",\"lon\":"), e->geo.lon);
    o = str_at(LIT(o, ",\"feature\":"), e->geo.feature, nfeature);
    o = str_at(LIT(o, ",\"cc\":"), e->geo.cc, ncc);
    o = str_at(LIT(o, ",\"fips\":"), e->geo.fips, nfips);
    o = str_at(LIT(o, ",\"adm1\":"), e->geo.adm1, nadm1);
    *o++ = '}';
  } else {
    o = LIT(o, ",\"geo\":null");
  }
  if (e->source) o = str_at(LIT(o, ",\"source\":"), e->source, nsource);
  if (e->guess) o = LIT(o, ",\"guess\":true");
  o = LIT(o, ",\"mentions\":[");
  done(b, o);
  for (size_t i = 0; i < e->mentions.n; i++) {
    const lb_mention *m = &e->mentions.v[i];
    uint32_t s = m->start, t = m->end;
    size_t nt = span_clamp(d, &s, &t);
    const char *actor = m->actor ? m->actor : e->actor;
    size_t nact = m->actor ? strlen(m->actor) : nactor, nrule = len_of(m->rule);
    o = cursor(b, MENTION_ROOM + LB_JSON_STR_ROOM(nt) + LB_JSON_STR_ROOM(nact) +
                      LB_JSON_STR_ROOM(nrule));
    if (i) *o++ = ',';
    o = lb_json_put_u32(LIT(o, "{\"start\":"), m->start);
    o = lb_json_put_u32(LIT(o, ",\"end\":"), m->end);
    o = lb_json_put_str(LIT(o, ",\"text\":"), d->tx.text + s, nt);
    o = str_at(LIT(o, ",\"actor\":"), actor, nact);
    if (m->rule) o = str_at(LIT(o, ",\"rule\":"), m->rule, nrule);
    *o++ = '}';
    done(b, o);
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
  put(b, "}", 1);
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
  put(b, "}", 1);
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
  if (c->speaker_via) K_STR(b, "speaker_via", c->speaker_via);
  put(b, "}", 1);
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
  if (e->reported) K_STR(b, "reported", e->reported);
  if (e->plover_event) {
    K_STR(b, "plover_event", e->plover_event);
    K_STR(b, "plover_mode", e->plover_mode);
    K_STR(b, "plover_context", e->plover_context);
  }
  ADD_LIT(b, ",\"quantities\":[");
  for (size_t i = 0; i < e->quantities.n; i++) {
    if (i) put(b, ",", 1);
    lb_json_int(b, e->quantities.v[i]);
  }
  put(b, "]", 1);
  K_IDX(b, "claim", e->claim);
  K_IDX(b, "sentence", e->sentence);
  K_INT(b, "start", e->start);
  K_INT(b, "end", e->end);
  KEY(b, "text");
  span_text(b, d, e->start, e->end);
  if (e->trigger_end) {
    ADD_LIT(b, ",\"trigger\":");
    lb_buf_printf(b, "[%u,%u]", e->trigger_start, e->trigger_end);
  }
  if (e->source_end) {
    ADD_LIT(b, ",\"source_span\":");
    lb_buf_printf(b, "[%u,%u]", e->source_start, e->source_end);
  }
  if (e->target_end) {
    ADD_LIT(b, ",\"target_span\":");
    lb_buf_printf(b, "[%u,%u]", e->target_start, e->target_end);
  }
  if (e->mood) K_STR(b, "mood", e->mood);
  K_STR(b, "rule", e->rule);
  put(b, "}", 1);
}

static void write_signal(lb_buf *b, const lb_doc *d, const lb_signal *s) {
  (void)d;
  K1_STR(b, "kind", s->kind);
  K_INT(b, "start", s->start);
  K_INT(b, "end", s->end);
  K_STR(b, "detail", s->detail);
  if (s->rule) K_STR(b, "rule", s->rule);
  put(b, "}", 1);
}

/* the elements of an array, separated by commas */
#define ELEMENTS(B, D, VEC, FN)               \
  do {                                        \
    for (size_t i_ = 0; i_ < (VEC).n; i_++) { \
      if (i_) put(B, ",", 1);                 \
      FN(B, D, &(VEC).v[i_]);                 \
    }                                         \
  } while (0)

/* a sentence: its comma, the brackets and two offsets of 10 digits */
#define SENT_ROOM 24

/* A word: offsets, sentence, form, lemma, tags, head (an index into the
** document's words, -1 for a root) and relation. */
static void write_word(lb_buf *b, const lb_doc *d, const lb_word *w) {
  (void)d;
  lb_buf_printf(b, "{\"start\":%u,\"end\":%u,\"sentence\":%u,\"form\":", w->start, w->end, w->sent);
  lb_json_str(b, w->form, w->formlen);
  ADD_LIT(b, ",\"lemma\":");
  lb_json_cstr(b, w->lemma ? w->lemma : "");
  lb_buf_printf(b, ",\"upos\":\"%s\",\"feats\":", lb_syntax_upos_name(w->upos));
  lb_json_cstr(b, w->featstr ? w->featstr : "_");
  lb_buf_printf(b, ",\"head\":%d,\"deprel\":", (int)w->head);
  lb_json_cstr(b, w->deprel ? w->deprel : "");
  ADD_LIT(b, "}");
}

void lb_pic_json(lb_buf *b, const lb_doc *d) { lb_pic_json_ex(b, d, 0); }

void lb_pic_json_ex(lb_buf *b, const lb_doc *d, unsigned flags) {
  size_t nid = len_of(d->id), nlang = len_of(d->tx.lang), npub = len_of(d->published),
         ntitle = len_of(d->title), nurl = len_of(d->url);
  /* room for the whole picture at once, estimated from its facts: growing
  ** the buffer many times over copied a big picture again and again
  ** (tests/suite_linear.sh: 12.8x the work of the writer for 8x the text) */
  size_t est = 4096 + d->tx.len / 2 + d->entities.n * (ENTITY_ROOM + 64) +
               (d->quantities.n + d->dates.n + d->claims.n + d->events.n + d->signals.n) * 512;
  for (size_t i = 0; i < d->entities.n; i++) est += d->entities.v[i].mentions.n * (MENTION_ROOM + 48);
  lb_buf_reserve(b, est);
  /* the keys and literals are 71 bytes; one reservation for the sentences */
  char *o =
      cursor(b, 128 + d->tx.sents.n * SENT_ROOM + LB_JSON_STR_ROOM(nid) + LB_JSON_STR_ROOM(nlang) +
                    LB_JSON_STR_ROOM(npub) + LB_JSON_STR_ROOM(ntitle) + LB_JSON_STR_ROOM(nurl));
  o = str_at(LIT(o, "{\"id\":"), d->id, nid);
  o = str_at(LIT(o, ",\"lang\":"), d->tx.lang, nlang);
  o = str_at(LIT(o, ",\"published\":"), d->published, npub);
  if (d->title) o = str_at(LIT(o, ",\"title\":"), d->title, ntitle);
  if (d->url) o = str_at(LIT(o, ",\"url\":"), d->url, nurl);
  o = LIT(o, ",\"sentences\":[");
  for (size_t i = 0; i < d->tx.sents.n; i++) {
    if (i) *o++ = ',';
    *o++ = '[';
    o = lb_json_put_u32(o, d->tx.sents.v[i].start);
    *o++ = ',';
    o = lb_json_put_u32(o, d->tx.sents.v[i].end);
    *o++ = ']';
  }
  o = LIT(o, "]");
  done(b, o);
  if (flags & LB_PIC_WORDS) {
    ADD_LIT(b, ",\"words\":[");
    ELEMENTS(b, d, d->tx.words, write_word);
    ADD_LIT(b, "]");
  }
  ADD_LIT(b, ",\"entities\":[");
  ELEMENTS(b, d, d->entities, write_entity);
  ADD_LIT(b, "],\"quantities\":[");
  ELEMENTS(b, d, d->quantities, write_quantity);
  ADD_LIT(b, "],\"dates\":[");
  ELEMENTS(b, d, d->dates, write_date);
  ADD_LIT(b, "],\"claims\":[");
  ELEMENTS(b, d, d->claims, write_claim);
  ADD_LIT(b, "],\"events\":[");
  ELEMENTS(b, d, d->events, write_event);
  ADD_LIT(b, "],\"signals\":[");
  ELEMENTS(b, d, d->signals, write_signal);
  ADD_LIT(b, "],\"warnings\":[");
  for (size_t i = 0; i < d->tx.warnings.n; i++) {
    if (i) put(b, ",", 1);
    lb_json_cstr(b, d->tx.warnings.v[i]);
  }
  ADD_LIT(b, "]}");
}

size_t lb_doc_json(const lb_doc *d, char **out) {
  lb_buf b = LB_BUF_INIT;
  lb_pic_json(&b, d);
  *out = b.p;
  return b.n;
}

void lb_pic_conllu(lb_buf *b, const lb_doc *d) {
  const lb_text *tx = &d->tx;
  lb_arena *a = lb_arena_new();
  for (size_t s = 0; s < tx->sents.n; s++) {
    const lb_sent *st = &tx->sents.v[s];
    lb_arena_reset(a);
    lb_conllu_sent cs;
    memset(&cs, 0, sizeof cs);
    if (s == 0) *(const char **)LB_VEC_PUSH(a, cs.comments) = lb_arena_printf(a, "# doc_id = %s", d->id);
    *(const char **)LB_VEC_PUSH(a, cs.comments) = lb_arena_printf(a, "# sent_id = %s-%zu", d->id, s + 1);
    /* the sentence's text on one line */
    char *t = lb_arena_strndup(a, tx->text + st->start, st->end - st->start);
    for (char *q = t; *q; q++)
      if (*q == '\n' || *q == '\r' || *q == '\t') *q = ' ';
    *(const char **)LB_VEC_PUSH(a, cs.comments) = lb_arena_printf(a, "# text = %s", t);
    for (uint32_t i = st->word0; i < st->word1; i++) {
      const lb_word *w = &tx->words.v[i];
      int k = (int)(i - st->word0) + 1;
      if ((w->flags & LB_WF_MWT) && (i == st->word0 || tx->words.v[i - 1].tok != w->tok)) {
        uint32_t last = i;
        while (last + 1 < st->word1 && tx->words.v[last + 1].tok == w->tok) last++;
        lb_conllu_mwt *m = LB_VEC_PUSH(a, cs.mwts);
        m->first = k;
        m->last = k + (int)(last - i);
        m->form = lb_arena_strndup(a, tx->text + w->start, w->end - w->start);
        m->misc = lb_arena_printf(a, "TokenRange=%u:%u", w->start, w->end);
      }
      lb_conllu_word *cw = LB_VEC_PUSH(a, cs.words);
      cw->form = lb_arena_strndup(a, w->form, w->formlen);
      cw->lemma = w->lemma ? w->lemma : "_";
      cw->upos = lb_syntax_upos_name(w->upos);
      cw->xpos = "_";
      cw->feats = w->featstr ? w->featstr : "_";
      cw->head = w->deprel ? (w->head < 0 ? 0 : (int)(w->head - (int32_t)st->word0) + 1) : -1;
      cw->deprel = w->deprel ? w->deprel : "_";
      cw->deps = "_";
      /* no space after: the next word starts where this one ends */
      int nospace = i + 1 < st->word1 && tx->words.v[i + 1].start == w->end;
      if (w->flags & LB_WF_MWT) cw->misc = "_";
      else
        cw->misc = lb_arena_printf(a, "TokenRange=%u:%u%s", w->start, w->end, nospace ? "|SpaceAfter=No" : "");
    }
    lb_conllu_write(b, &cs);
  }
  lb_arena_free(a);
}
