/*
** tagger.c -- UPOS, FEATS and lemmas (see tagger.h).
**
** Feature templates are numbered; a number is never reused for another
** template (the numbers are part of the hashes stored in model files).
*/
#include "tagger.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "../lex/lex.h"

#define NONE_H 0x6E6F6E65ull /* the atom of a position outside the sentence */
#define UNK_H 0x756E6Bull

static uint64_t low_at(const lb_ana *s, int j) {
  return j >= 0 && j < s->n ? s->w[j].h_low : NONE_H + (uint64_t)(j < 0 ? 0 : 1);
}
static uint64_t suf_at(const lb_ana *s, int j, int k) {
  return j >= 0 && j < s->n ? s->w[j].h_suf[k] : NONE_H + (uint64_t)(j < 0 ? 0 : 1);
}
/* The tag-dictionary class of a word: its tag set, or unknown with its shape. */
static uint64_t amb_at(const lb_ana *s, int j) {
  if (j < 0 || j >= s->n) return NONE_H + (uint64_t)(j < 0 ? 0 : 1);
  const lb_ana_word *w = &s->w[j];
  return w->amb ? w->amb : lb_ana_mix(UNK_H, w->flags & (LB_AW_CAP | LB_AW_UPPER | LB_AW_DIGIT));
}
static uint64_t tag_at(const lb_ana *s, int j) {
  return j >= 0 && j < s->n ? s->w[j].upos : 100u + (j < 0 ? 0u : 1u);
}
static uint64_t lex_at(const lb_ana *s, int j) {
  return j >= 0 && j < s->n ? ((uint64_t)s->w[j].lexpos << 8 | s->w[j].lexcase) : NONE_H;
}
static uint64_t wflags(const lb_ana_word *w) {
  return w->flags & (LB_AW_CAP | LB_AW_UPPER | LB_AW_DIGIT | LB_AW_HYPH | LB_AW_FIRST |
                     LB_AW_ALPHA | LB_AW_PUNCT);
}

int lb_tag_upos_features(const lb_ana *s, int i, uint64_t *f) {
  const lb_ana_word *w = &s->w[i];
  int n = 0;
  uint64_t t1 = tag_at(s, i - 1), t2 = tag_at(s, i - 2), amb = amb_at(s, i);
  f[n++] = lb_ana_f1(1, 0);
  f[n++] = lb_ana_f1(2, w->h_low);
  f[n++] = lb_ana_f1(3, w->h_form);
  for (int k = 0; k < LB_ANA_NSUF; k++) f[n++] = lb_ana_f1(4 + (uint32_t)k, w->h_suf[k]);
  for (int k = 0; k < LB_ANA_NPRE; k++) f[n++] = lb_ana_f1(10 + (uint32_t)k, w->h_pre[k]);
  f[n++] = lb_ana_f1(13, w->h_shape);
  f[n++] = lb_ana_f1(14, wflags(w));
  f[n++] = lb_ana_f1(15, amb);
  f[n++] = lb_ana_f1(16, lex_at(s, i));
  f[n++] = lb_ana_f2(17, lex_at(s, i), wflags(w));
  f[n++] = lb_ana_f1(18, t1);
  f[n++] = lb_ana_f2(19, t1, t2);
  f[n++] = lb_ana_f2(20, t1, w->h_low);
  f[n++] = lb_ana_f1(21, low_at(s, i - 1));
  f[n++] = lb_ana_f1(22, low_at(s, i - 2));
  f[n++] = lb_ana_f1(23, low_at(s, i + 1));
  f[n++] = lb_ana_f1(24, low_at(s, i + 2));
  f[n++] = lb_ana_f1(25, suf_at(s, i - 1, 2));
  f[n++] = lb_ana_f1(26, suf_at(s, i + 1, 2));
  f[n++] = lb_ana_f1(27, amb_at(s, i + 1));
  f[n++] = lb_ana_f1(28, amb_at(s, i + 2));
  f[n++] = lb_ana_f2(29, t1, amb);
  f[n++] = lb_ana_f2(30, amb, amb_at(s, i + 1));
  f[n++] = lb_ana_f2(31, w->h_low, low_at(s, i + 1));
  f[n++] = lb_ana_f2(32, low_at(s, i - 1), w->h_low);
  f[n++] = lb_ana_f2(33, t1, w->h_suf[2]);
  f[n++] = lb_ana_f2(34, t1, w->h_shape);
  f[n++] = lb_ana_f1(35, lex_at(s, i + 1));
  f[n++] = lb_ana_f2(36, wflags(w), amb);
  f[n++] = lb_ana_f2(37, low_at(s, i + 1), amb);
  f[n++] = lb_ana_f3(38, t1, amb, amb_at(s, i + 1));
  f[n++] = lb_ana_f2(39, w->h_suf[1], wflags(w));
  f[n++] = lb_ana_f2(40, t1, lex_at(s, i));
  f[n++] = lb_ana_f2(41, w->freq, wflags(w));
  assert(n <= LB_TAG_MAXF);
  return n;
}

int lb_tag_feats_features(const lb_ana *s, int i, uint64_t *f) {
  const lb_ana_word *w = &s->w[i];
  int n = 0;
  uint64_t t = w->upos;
  f[n++] = lb_ana_f1(101, t);
  f[n++] = lb_ana_f2(102, t, w->h_low);
  for (int k = 0; k < 4; k++) f[n++] = lb_ana_f2(103 + (uint32_t)k, t, w->h_suf[k]);
  f[n++] = lb_ana_f2(107, t, lex_at(s, i));
  f[n++] = lb_ana_f3(108, t, tag_at(s, i - 1), low_at(s, i - 1));
  f[n++] = lb_ana_f3(109, t, tag_at(s, i - 2), low_at(s, i - 2));
  f[n++] = lb_ana_f3(110, t, tag_at(s, i + 1), lex_at(s, i + 1));
  f[n++] = lb_ana_f3(111, t, tag_at(s, i + 2), lex_at(s, i + 2));
  f[n++] = lb_ana_f2(112, t, low_at(s, i + 1));
  f[n++] = lb_ana_f3(113, t, tag_at(s, i - 1), tag_at(s, i + 1));
  f[n++] = lb_ana_f2(114, t, wflags(w));
  f[n++] = lb_ana_f2(115, t, w->h_shape);
  /* the governing preposition and the determiner of a noun phrase */
  int adp = -1, det = -1;
  const lb_synm *m = s->m;
  for (int j = i - 1; m && j >= 0 && j >= i - 6; j--) {
    int u = s->w[j].upos;
    if (u == m->upos_punct || u == m->upos_verb || u == m->upos_aux) break;
    if (det < 0 && u == m->upos_det && j >= i - 3) det = j;
    if (u == m->upos_adp) {
      adp = j;
      break;
    }
  }
  f[n++] = lb_ana_f2(120, t, low_at(s, adp));
  f[n++] = lb_ana_f2(121, t, low_at(s, det));
  f[n++] = lb_ana_f3(122, t, low_at(s, adp), low_at(s, det));
  f[n++] = lb_ana_f3(118, t, lex_at(s, i), low_at(s, i - 1));
  f[n++] = lb_ana_f3(119, t, w->h_suf[1], low_at(s, i - 1));
  assert(n <= LB_TAG_MAXF);
  return n;
}

int lb_tag_lemma_features(const lb_ana *s, int i, uint64_t *f) {
  const lb_ana_word *w = &s->w[i];
  int n = 0;
  uint64_t t = w->upos;
  f[n++] = lb_ana_f1(201, 0);
  f[n++] = lb_ana_f1(202, t);
  f[n++] = lb_ana_f2(203, t, w->feats);
  for (int k = 0; k < LB_ANA_NSUF; k++) {
    f[n++] = lb_ana_f2(204 + (uint32_t)k, t, w->h_suf[k]);
    f[n++] = lb_ana_f1(209 + (uint32_t)k, w->h_suf[k]);
  }
  for (int k = 0; k < LB_ANA_NPRE; k++) f[n++] = lb_ana_f2(214 + (uint32_t)k, t, w->h_pre[k]);
  f[n++] = lb_ana_f2(217, t, wflags(w));
  f[n++] = lb_ana_f3(218, t, w->feats, w->h_suf[1]);
  f[n++] = lb_ana_f2(219, t, w->lexpos);
  assert(n <= LB_TAG_MAXF);
  return n;
}

uint16_t lb_tag_best_bundle(const lb_synm *m, int upos, const float *pairscore) {
  if (upos < 0 || (uint32_t)upos >= m->nupos) return 0;
  uint32_t first = m->cand[2 * upos], cnt = m->cand[2 * upos + 1];
  if (cnt == 0) return 0;
  uint16_t best = m->candlist[first];
  float bs = -1e30f;
  for (uint32_t k = 0; k < cnt; k++) {
    uint16_t b = m->candlist[first + k];
    float sc = 0;
    for (uint32_t a = 0; a < m->nattr; a++) sc += pairscore[lb_synm_bundle_pair(m, b, a)];
    if (sc > bs) bs = sc, best = b;
  }
  return best;
}

void lb_tag_rules_for(const lb_synm *m, const char *low, uint32_t lowlen, lb_tag_rule_fn fn,
                      void *ctx) {
  /* every ending of the form, from the empty one to the whole form */
  for (uint32_t k = 0; k <= lowlen && k <= 24; k++) {
    uint32_t from = lowlen - k;
    if (from < lowlen && ((unsigned char)low[from] & 0xC0) == 0x80) continue;
    uint32_t v;
    if (!lb_synm_dict_get(&m->ruleidx, lb_ana_hash(low + from, k), &v)) continue;
    uint32_t cnt = m->rulelist[v];
    for (uint32_t j = 0; j < cnt; j++) {
      uint32_t r = m->rulelist[v + 1 + j];
      const char *strip = lb_synm_str(m, m->rules[3 * r]);
      if (strlen(strip) == k && memcmp(strip, low + from, k) == 0) fn(ctx, r);
    }
  }
}

const char *lb_tag_apply_rule(const lb_synm *m, uint32_t r, const lb_ana_word *w, lb_arena *a) {
  const char *strip = lb_synm_str(m, m->rules[3 * r]);
  const char *add = lb_synm_str(m, m->rules[3 * r + 1]);
  uint32_t flags = m->rules[3 * r + 2];
  size_t sl = strlen(strip), al = strlen(add);
  /* the rule strips from the folded key; the form keeps its own case when
  ** folding kept its length (ASCII and most Latin letters) */
  const char *base = w->len == w->lowlen ? w->form : w->low;
  size_t bl = w->len == w->lowlen ? w->len : w->lowlen;
  if (flags & 2) return lb_arena_strndup(a, w->form, w->len);
  if (sl > bl) return NULL;
  char *out = lb_arena_alloc(a, bl - sl + al + 1);
  memcpy(out, base, bl - sl);
  memcpy(out + bl - sl, add, al);
  out[bl - sl + al] = 0;
  if (flags & 1) {
    /* lower-case the first letter (ASCII and Latin-1 capitals) */
    unsigned char c = (unsigned char)out[0];
    if (c >= 'A' && c <= 'Z') out[0] = (char)(c + 32);
    else if (c == 0xC3 && bl - sl + al >= 2) {
      unsigned char d = (unsigned char)out[1];
      if (d >= 0x80 && d <= 0x9E && d != 0x97) out[1] = (char)(d + 32);
    }
  }
  return out;
}

/* The lexicon POS a UPOS reads (table `form`: NOUN, ADJ, VERB). */
static const char *lex_pos(const lb_synm *m, int upos) {
  const char *u = lb_synm_str(m, m->upos[upos]);
  if (!strcmp(u, "NOUN")) return "NOUN";
  if (!strcmp(u, "ADJ")) return "ADJ";
  if (!strcmp(u, "VERB") || !strcmp(u, "AUX")) return "VERB";
  return NULL;
}

const char *lb_tag_lemma_lookup(const lb_synm *m, const lb_lex *lx, const lb_ana_word *w,
                                lb_arena *a, uint8_t *src) {
  uint32_t v;
  if (lb_synm_dict_get(&m->lemdict, lb_ana_mix(w->h_low, w->upos), &v)) {
    *src = LB_LEMMA_DICT;
    return lb_synm_str(m, v);
  }
  const char *pos = lx && w->lexpos ? lex_pos(m, w->upos) : NULL;
  int tab = pos ? lb_lex_table(lx, "form") : -1;
  lb_lex_entry e;
  if (tab < 0 || !lb_lex_get(lx, w->low, w->lowlen, &e)) return NULL;
  const char *best = NULL;
  int bestlen = 0, best_sep = 1;
  for (uint32_t i = 0; i < e.nrec; i++) {
    lb_lex_rec r;
    if (!lb_lex_rec_get(lx, &e, i, &r) || r.table != tab || !lb_lex_field_is(&r, 1, pos)) continue;
    const char *f[4];
    int fl[4];
    int nf = lb_lex_fields(r.val, r.val_len, f, fl, 4);
    int sep = !strcmp(pos, "VERB") && nf >= 4 && fl[3] > 0;
    if (!best || (best_sep && !sep)) best = f[0], bestlen = fl[0], best_sep = sep;
  }
  if (!best) return NULL;
  *src = LB_LEMMA_LEX;
  return lb_arena_strndup(a, best, (size_t)bestlen);
}

typedef struct rule_pick {
  const lb_synm *m;
  const uint64_t *f;
  int nf;
  int32_t best;
  int64_t bestscore;
  const lb_ana_word *w;
} rule_pick;

static void pick_rule(void *ctx, uint32_t r) {
  rule_pick *p = ctx;
  int64_t sc = 0;
  for (int k = 0; k < p->nf; k++) {
    const int16_t *row = lb_synm_row(&p->m->w_lemma, lb_tag_lemma_key(p->f[k], r));
    if (row) sc += row[0];
  }
  if (p->best < 0 || sc > p->bestscore) p->best = (int32_t)r, p->bestscore = sc;
}

void lb_tag_run(const lb_synm *m, const lb_lex *lx, lb_ana *s) {
  uint64_t f[LB_TAG_MAXF];
  int32_t sc[256];
  float ps[4096];
  assert(m->nupos <= 256);
  for (int i = 0; i < s->n; i++) {
    int nf = lb_tag_upos_features(s, i, f);
    lb_synm_score(&m->w_upos, f, nf, sc);
    int best = 0;
    for (uint32_t k = 1; k < m->nupos; k++)
      if (sc[k] > sc[best]) best = (int)k;
    s->w[i].upos = (uint8_t)best;
  }
  int32_t *pair = m->npair <= 4096 ? lb_arena_alloc(s->a, m->npair * sizeof *pair) : NULL;
  for (int i = 0; i < s->n; i++) {
    lb_ana_word *w = &s->w[i];
    if (pair && m->w_feats.slots) {
      int nf = lb_tag_feats_features(s, i, f);
      lb_synm_score(&m->w_feats, f, nf, pair);
      for (uint32_t k = 0; k < m->npair; k++) ps[k] = (float)pair[k];
      w->feats = lb_tag_best_bundle(m, w->upos, ps);
    }
    const char *lem = lb_tag_lemma_lookup(m, lx, w, s->a, &w->lemma_src);
    if (!lem && m->w_lemma.slots) {
      rule_pick p = {.m = m, .f = f, .best = -1, .w = w};
      p.nf = lb_tag_lemma_features(s, i, f);
      lb_tag_rules_for(m, w->low, w->lowlen, pick_rule, &p);
      if (p.best >= 0) lem = lb_tag_apply_rule(m, (uint32_t)p.best, w, s->a);
      if (lem) w->lemma_src = LB_LEMMA_RULE;
    }
    if (!lem) {
      lem = lb_arena_strndup(s->a, w->form, w->len);
      w->lemma_src = LB_LEMMA_SELF;
    }
    w->lemma = lem;
  }
}
