/*
** claim.c -- claims: who said what.
**
** A claim is found from a cue in the lexicon table `rverb`
** (data/de/rverbs.tsv, data/en/rverbs.tsv):
**   - a reporting verb with its complement: "enthüllte X, dass ...",
**     "gaben bekannt, dass ..." (separable: the particle must follow in the
**     clause), "X sagte: „...“", "X said (that) ...";
**   - a reporting verb after what was said: "„...“, sagte X", "..., X said";
**   - a source cue: "laut X", "nach Angaben von X", "X zufolge", "according to X";
**   - indirect speech in Konjunktiv I ("Russland habe ... zusammengezogen")
**     in a sentence right after a claim, attributed to that claim's speaker.
** The claim span is what is claimed (from "dass"/"that" or the quote to the
** end of the statement, not the writer's own ", was ..." comment after it);
** the speaker is the entity mention in the cue's clause (clause.c), else the
** speaker's words as `speaker_text`. German reporting verbs without such a
** complement ("betonte die Bereitschaft") make no claim.
*/
#include "claim.h"

#include <assert.h>
#include <string.h>

#include "../doc/doc.h"
#include "../lex/lex.h"
#include "clause.h"

#define MAXARG 48

typedef struct cue {
  const char *lemma, *particle, *kind, *code;
  int lemma_n, particle_n, kind_n;
  uint32_t t0, t1; /* cue tokens [t0, t1) */
} cue;

static const char *field(lb_arena *a, const lb_lex_rec *r, int i, int *n) {
  const char *f;
  int l = lb_lex_field(r->val, r->val_len, i, &f);
  if (l < 0) {
    *n = 0;
    return "";
  }
  *n = l;
  return lb_arena_strndup(a, f, (size_t)l);
}

static int tok_is_punct(const lb_doc *d, uint32_t t, char ch) {
  const lb_tok *k = &d->tx.toks.v[t];
  return k->kind == LB_TOK_PUNCT && k->end == k->start + 1 && d->tx.text[k->start] == ch;
}

/* Last token of the statement starting at t0 in sentence s: stops before a
** dash, ";", a writer's comment ", was" / ", which", or the sentence end.
** Returns a token before t0 when the statement is empty (callers check). */
static uint32_t stmt_end(const lb_cl *c, const lb_sent *st, uint32_t t0) {
  const lb_doc *d = c->d;
  uint32_t t = t0, last = t0 > 0 ? t0 - 1 : 0; /* none: before t0 */
  int inq = 0;
  for (; t < st->tok1; t++) {
    const lb_tok *k = &d->tx.toks.v[t];
    if (k->kind == LB_TOK_QUOTE) inq = (k->flags & LB_TF_OPEN) ? 1 : 0;
    if (!inq) {
      if (k->kind == LB_TOK_DASH || tok_is_punct(d, t, ';')) break;
      if (tok_is_punct(d, t, ',') && t + 1 < st->tok1 &&
          (lb_cl_is(c, t + 1, c->en ? "which" : "was")))
        break;
    }
    if (k->kind != LB_TOK_PUNCT) last = t;
  }
  return last;
}

/* The speaker of a cue: an entity mention, a pronoun resolved to the last
** person named before, or the words of the noun phrase. */
static void find_speaker(const lb_cl *c, int32_t s, const cue *q, uint32_t limit, lb_claim *cl) {
  const lb_doc *d = c->d;
  uint32_t a, b;
  lb_cl_bounds(c, s, q->t0, &a, &b);
  if (b > limit && limit > q->t0) b = limit;
  lb_cl_arg args[MAXARG];
  int n = lb_cl_args(c, a, b, args, MAXARG);
  const lb_cl_arg *best = NULL;
  int inverted =
      q->t0 == a || tok_is_punct(d, q->t0 - 1, ',') || d->tx.toks.v[q->t0 - 1].kind == LB_TOK_QUOTE;
  /* right after the cue: "enthüllte der ukrainische Präsident Selenskyj";
  ** in English only after a quotation or comma: "..., said the minister" */
  for (int i = 0; i < n && !best && (!c->en || inverted); i++) {
    if (args[i].tok0 < q->t1 || args[i].role == LB_ARG_PREP || args[i].role == LB_ARG_GEN) continue;
    uint32_t x = q->t1;
    while (x < args[i].tok0 &&
           (c->fw[x] & (LB_FW_DET | LB_FW_DEM) || !(d->tx.toks.v[x].flags & LB_TF_CAP)) &&
           d->tx.toks.v[x].kind == LB_TOK_WORD && !(c->fw[x] & (LB_FW_SUBORD | LB_FW_PREP)) &&
           x < q->t1 + 3)
      x++;
    if (x == args[i].tok0) best = &args[i];
  }
  if (!best && !inverted) {
    /* nearest subject before the cue (in English right before it: "Russia's
    ** state-run Tass news agency reported") */
    for (int i = n - 1; i >= 0; i--)
      if (args[i].tok1 <= q->t0 && args[i].role != LB_ARG_PREP && args[i].role != LB_ARG_GEN) {
        if (!c->en || q->t0 - args[i].tok1 <= 4) best = &args[i];
        break;
      }
  }
  if (best) {
    const lb_entity *e = &d->entities.v[best->ent];
    cl->speaker = e->id;
    cl->speaker_start = d->tx.toks.v[best->tok0].start;
    cl->speaker_end = d->tx.toks.v[best->tok1 - 1].end;
    /* the rest of the noun phrase up to the cue: "Aragua's governor" */
    uint32_t x = best->tok1;
    while (x < q->t0 && x < best->tok1 + 4 &&
           (d->tx.toks.v[x].kind == LB_TOK_WORD || d->tx.toks.v[x].kind == LB_TOK_ABBR) &&
           !(c->fw[x] &
             (LB_FW_AUX | LB_FW_MODAL | LB_FW_PREP | LB_FW_SUBORD | LB_FW_COORD | LB_FW_NEG)))
      x++;
    if (x == q->t0 && x > best->tok1) cl->speaker_end = d->tx.toks.v[x - 1].end;
    return;
  }
  /* a pronoun next to the cue: the last person named before it */
  uint32_t pt = UINT32_MAX;
  if (q->t1 < b && (c->fw[q->t1] & LB_FW_PRON) && (!c->en || inverted))
    pt = q->t1;
  else if (q->t0 > a && (c->fw[q->t0 - 1] & LB_FW_PRON))
    pt = q->t0 - 1;
  if (pt != UINT32_MAX) {
    for (uint32_t t = pt; t-- > 0 && pt - t < 400;) {
      int32_t e = c->ment[t].ent;
      if (e >= 0 && d->entities.v[e].type && strcmp(d->entities.v[e].type, "PER") == 0) {
        cl->speaker = d->entities.v[e].id;
        break;
      }
    }
    cl->speaker_start = d->tx.toks.v[pt].start;
    cl->speaker_end = d->tx.toks.v[pt].end;
    if (!cl->speaker) cl->speaker_text = lb_text_span(&d->tx, cl->speaker_start, cl->speaker_end);
    return;
  }
  uint32_t s0, s1;
  if (inverted) {
    s0 = q->t1;
    s1 = lb_cl_np_end(c, s0, b, 8);
  } else {
    s1 = q->t0;
    while (s1 > a && d->tx.toks.v[s1 - 1].kind != LB_TOK_WORD &&
           d->tx.toks.v[s1 - 1].kind != LB_TOK_ABBR)
      s1--;
    s0 = s1;
    while (s0 > a && s1 - s0 < 8 &&
           (d->tx.toks.v[s0 - 1].kind == LB_TOK_WORD || d->tx.toks.v[s0 - 1].kind == LB_TOK_ABBR) &&
           !(c->fw[s0 - 1] & (LB_FW_SUBORD | LB_FW_AUX | LB_FW_MODAL)))
      s0--;
    while (s0 < s1 && (c->fw[s0] & LB_FW_COORD))
      s0++;
  }
  if (s1 > s0) {
    cl->speaker_start = d->tx.toks.v[s0].start;
    cl->speaker_end = d->tx.toks.v[s1 - 1].end;
    cl->speaker_text = lb_text_span(&d->tx, cl->speaker_start, cl->speaker_end);
  }
}

static lb_claim *add(lb_doc *d, int32_t s, const cue *q, uint32_t t0, uint32_t t1,
                     const char *lang) {
  lb_claim *cl = LB_VEC_PUSH(d->tx.arena, d->claims);
  cl->sentence = s;
  cl->verb = q->lemma;
  cl->start = d->tx.toks.v[t0].start;
  cl->end = d->tx.toks.v[t1].end;
  cl->cue_start = d->tx.toks.v[q->t0].start;
  cl->cue_end = d->tx.toks.v[q->t1 - 1].end;
  cl->rule = lb_arena_printf(d->tx.arena, "%s:%s:%s", lang,
                             strcmp(q->kind, "v") == 0 ? "rverb" : "cue", q->lemma);
  return cl;
}

/* Span of the quotation that opens at token t (the open quote): its inside. */
static int quote_span(const lb_doc *d, const lb_sent *st, uint32_t t, uint32_t *q0, uint32_t *q1) {
  for (uint32_t x = t + 1; x < st->tok1; x++)
    if (d->tx.toks.v[x].kind == LB_TOK_QUOTE && !(d->tx.toks.v[x].flags & LB_TF_OPEN)) {
      if (x == t + 1) return 0;
      *q0 = t + 1;
      *q1 = x - 1;
      return 1;
    }
  return 0;
}

/* A reporting verb at q: find what it reports. Returns 1 when a claim was made. */
static int verb_claim(const lb_cl *c, int32_t s, cue *q, const char *lang) {
  lb_doc *d = c->d;
  const lb_sent *st = &d->tx.sents.v[s];
  uint32_t a, b;
  lb_cl_bounds(c, s, q->t0, &a, &b);
  /* attributive participle ("die bestätigten Fälle") reports nothing */
  if (!c->en && q->t0 > a && (c->fw[q->t0 - 1] & LB_FW_DET) && q->t1 < st->tok1 &&
      (d->tx.toks.v[q->t1].flags & LB_TF_CAP))
    return 0;
  /* English attributive participle: "the first reported death" */
  const lb_tok *ck = &d->tx.toks.v[q->t0];
  if (c->en && q->t0 > a && q->t1 < st->tok1 && ck->normlen > 2 &&
      memcmp(ck->norm + ck->normlen - 2, "ed", 2) == 0 && d->tx.toks.v[q->t1].kind == LB_TOK_WORD &&
      !(d->tx.toks.v[q->t1].flags & LB_TF_CAP) && c->fw[q->t1] == 0 &&
      ((c->fw[q->t0 - 1] & LB_FW_DET) || (q->t0 > a + 1 && (c->fw[q->t0 - 2] & LB_FW_DET) &&
                                          !(d->tx.toks.v[q->t0 - 1].flags & LB_TF_CAP))))
    return 0;
  /* forward: "dass"/"that", a colon or a quotation */
  int commas = 0;
  for (uint32_t t = q->t1; t < st->tok1 && t < q->t1 + 12; t++) {
    const lb_tok *k = &d->tx.toks.v[t];
    if (lb_cl_is(c, t, "dass") || lb_cl_is(c, t, "that") || lb_cl_is(c, t, "ob") ||
        lb_cl_is(c, t, "whether")) {
      if (c->en && lb_cl_is(c, t, "that") && t + 1 < st->tok1 &&
          (d->tx.toks.v[t + 1].kind == LB_TOK_PUNCT))
        break;
      uint32_t e = stmt_end(c, st, t + 1);
      if (e <= t) return 0;
      lb_claim *cl = add(d, s, q, t, e, lang);
      find_speaker(c, s, q, t, cl);
      return 1;
    }
    if (k->kind == LB_TOK_QUOTE && (k->flags & LB_TF_OPEN)) {
      uint32_t q0, q1;
      if (!quote_span(d, st, t, &q0, &q1)) return 0;
      lb_claim *cl = add(d, s, q, q0, q1, lang);
      find_speaker(c, s, q, t, cl);
      return 1;
    }
    if (tok_is_punct(d, t, ':')) { /* "sagte er: Es gebe ..." */
      uint32_t x = t + 1;
      if (x < st->tok1 && d->tx.toks.v[x].kind == LB_TOK_QUOTE) continue;
      uint32_t e = x < st->tok1 ? stmt_end(c, st, x) : x;
      if (x >= st->tok1 || e <= x + 1) return 0;
      lb_claim *cl = add(d, s, q, x, e, lang);
      find_speaker(c, s, q, t, cl);
      return 1;
    }
    if (tok_is_punct(d, t, ',')) {
      if (++commas > 1) break;
      /* "sagte, Russland habe ...": indirect speech without "dass" */
      if (!c->en && t + 1 < st->tok1 && !(c->fw[t + 1] & LB_FW_SUBORD)) {
        uint32_t x;
        for (x = t + 1; x < st->tok1 && !tok_is_punct(d, x, ',') && !lb_cl_konj(c, x, 1); x++) {
        }
        if (x < st->tok1 && lb_cl_konj(c, x, 1)) {
          uint32_t e = stmt_end(c, st, t + 1);
          if (e > t + 1) {
            lb_claim *cl = add(d, s, q, t + 1, e, lang);
            find_speaker(c, s, q, t, cl);
            return 1;
          }
        }
      }
      continue;
    }
    if (k->kind == LB_TOK_PUNCT || k->kind == LB_TOK_DASH) break;
    if (t > q->t1 && (c->fw[t] & (LB_FW_SUBORD | LB_FW_REL)) && commas) break;
  }
  /* "Wie die Armee mitteilte, griff ...": the rest of the sentence */
  if (a == st->tok0 && (lb_cl_is(c, a, "wie") || lb_cl_is(c, a, "as")) && q->t0 > a) {
    uint32_t x = q->t1;
    while (x < st->tok1 && !tok_is_punct(d, x, ','))
      x++;
    if (x + 2 < st->tok1) {
      uint32_t e = stmt_end(c, st, x + 1);
      if (e > x + 1) {
        lb_claim *cl = add(d, s, q, x + 1, e, lang);
        find_speaker(c, s, q, x, cl);
        return 1;
      }
    }
  }
  /* backward: "„...“, sagte X." / "..., X said." -- the cue ends the sentence */
  uint32_t cm = q->t0;
  while (cm > st->tok0 && cm + (c->en ? 8 : 4) > q->t0 && !tok_is_punct(d, cm - 1, ','))
    cm--;
  if (cm > st->tok0 + 1 && tok_is_punct(d, cm - 1, ',')) {
    int quoted =
        d->tx.toks.v[q->t0 - 1].kind == LB_TOK_QUOTE || d->tx.toks.v[cm - 2].kind == LB_TOK_QUOTE;
    uint32_t e = q->t1;
    while (e < st->tok1 && d->tx.toks.v[e].kind != LB_TOK_PUNCT && e < q->t1 + 16)
      e++;
    if (!quoted && e < st->tok1 && !tok_is_punct(d, e, '.') && !tok_is_punct(d, e, '!')) return 0;
    uint32_t c0 = st->tok0, c1 = cm - 2;
    while (c1 > c0 &&
           (d->tx.toks.v[c1].kind == LB_TOK_PUNCT || d->tx.toks.v[c1].kind == LB_TOK_QUOTE))
      c1--;
    while (c0 < c1 && d->tx.toks.v[c0].kind == LB_TOK_QUOTE)
      c0++;
    if (c1 <= c0 + 1) return 0;
    lb_claim *cl = add(d, s, q, c0, c1, lang);
    find_speaker(c, s, q, st->tok1, cl);
    return 1;
  }
  /* English "X said the attack ..." without "that" */
  if (c->en && q->t1 < st->tok1 && d->tx.toks.v[q->t1].kind == LB_TOK_WORD &&
      !(c->fw[q->t1] & (LB_FW_PREP | LB_FW_DET)) && !(c->fw[q->t1] & LB_FW_AUX)) {
    uint32_t e = stmt_end(c, st, q->t1);
    if (e > q->t1 + 2) {
      lb_claim *cl = add(d, s, q, q->t1, e, lang);
      find_speaker(c, s, q, q->t1, cl);
      return 1;
    }
  }
  return 0;
}

/* "laut X ...", "according to X", "X zufolge". */
static int source_claim(const lb_cl *c, int32_t s, cue *q, const char *lang) {
  lb_doc *d = c->d;
  const lb_sent *st = &d->tx.sents.v[s];
  uint32_t sp0, sp1, c0, c1;
  if (q->kind[0] == 'p' && q->kind[1] == 'r') { /* pre: speaker follows */
    sp0 = q->t1;
    uint32_t lim = st->tok1;
    sp1 = lb_cl_np_end(c, sp0, lim, 8);
    if (sp1 <= sp0) return 0;
    if (q->t0 == st->tok0 || (q->t0 > st->tok0 && !tok_is_punct(d, q->t0 - 1, ','))) {
      c0 = sp1;
      while (c0 < st->tok1 && d->tx.toks.v[c0].kind == LB_TOK_PUNCT)
        c0++;
      if (c0 >= st->tok1) return 0;
      c1 = stmt_end(c, st, c0);
      if (q->t0 > st->tok0) { /* in the middle: claim is the whole sentence but the cue */
        c0 = st->tok0;
      }
    } else {
      c0 = st->tok0;
      c1 = q->t0 - 1;
      while (c1 > c0 && d->tx.toks.v[c1].kind == LB_TOK_PUNCT)
        c1--;
    }
  } else { /* post: "X zufolge" */
    sp1 = q->t0;
    sp0 = sp1;
    while (sp0 > st->tok0 && sp1 - sp0 < 6 && d->tx.toks.v[sp0 - 1].kind == LB_TOK_WORD &&
           !(c->fw[sp0 - 1] & (LB_FW_SUBORD | LB_FW_NEG)))
      sp0--;
    if (sp0 == sp1) return 0;
    c0 = q->t1;
    while (c0 < st->tok1 && d->tx.toks.v[c0].kind == LB_TOK_PUNCT)
      c0++;
    if (c0 >= st->tok1) return 0;
    c1 = stmt_end(c, st, c0);
    if (sp0 > st->tok0) c0 = st->tok0;
  }
  if (c1 <= c0) return 0;
  lb_claim *cl = add(d, s, q, c0, c1, lang);
  cl->speaker_start = d->tx.toks.v[sp0].start;
  cl->speaker_end = d->tx.toks.v[sp1 - 1].end;
  for (uint32_t t = sp0; t < sp1; t++)
    if (c->ment[t].ent >= 0) {
      cl->speaker = d->entities.v[c->ment[t].ent].id;
      break;
    }
  if (!cl->speaker) cl->speaker_text = lb_text_span(&d->tx, cl->speaker_start, cl->speaker_end);
  return 1;
}

/* Match the cue that starts at token t; returns tokens consumed (0: none). */
static uint32_t try_cue(const lb_cl *c, int32_t s, uint32_t t, const char *lang, int *made) {
  lb_doc *d = c->d;
  const lb_sent *st = &d->tx.sents.v[s];
  lb_lex_rec r;
  uint32_t len = 1;
  int have = 0;
  /* multi-word cues: longest match first */
  if (c->maxt[t] > 1 && lb_cl_rec(c, t, c->t_rverb, 0, &r)) {
    /* "nach" has a record of kind "first": a multi-word cue may start here */
    char key[256];
    for (uint32_t k = c->maxt[t]; k > 1 && !have; k--) {
      if (t + k > st->tok1) continue;
      size_t n = 0;
      int ok = 1;
      for (uint32_t i = 0; i < k && ok; i++) {
        const lb_tok *tk = &d->tx.toks.v[t + i];
        if (!tk->norm || n + tk->normlen + 2 > sizeof key) {
          ok = 0;
          break;
        }
        if (i) key[n++] = ' ';
        memcpy(key + n, tk->norm, tk->normlen);
        n += tk->normlen;
      }
      if (!ok) continue;
      lb_lex_entry e;
      if (!lb_lex_get(d->tx.lex, key, n, &e)) continue;
      for (uint32_t i = 0; i < e.nrec; i++) {
        if (!lb_lex_rec_get(d->tx.lex, &e, i, &r) || r.table != c->t_rverb) continue;
        const char *f;
        if (lb_lex_field(r.val, r.val_len, 0, &f) == 2 && memcmp(f, lang, 2) == 0) {
          have = 1;
          len = k;
          break;
        }
      }
    }
  }
  for (int i = 0; have || lb_cl_rec(c, t, c->t_rverb, i, &r); i++) {
    cue q;
    q.lemma = field(d->tx.arena, &r, 1, &q.lemma_n);
    q.particle = field(d->tx.arena, &r, 2, &q.particle_n);
    q.kind = field(d->tx.arena, &r, 3, &q.kind_n);
    int code_n;
    q.code = field(d->tx.arena, &r, 4, &code_n);
    q.t0 = t;
    q.t1 = t + len;
    have = 0;
    if (strcmp(q.kind, "first") == 0) continue;
    if (strcmp(q.kind, "v") == 0) {
      if (d->tx.toks.v[t].kind != LB_TOK_WORD) continue;
      if (strcmp(q.particle, "-") != 0) { /* separable: particle later in the clause */
        uint32_t a, b, x;
        lb_cl_bounds(c, s, t, &a, &b);
        for (x = t + 1; x < b && x < t + 12; x++)
          if (lb_cl_is(c, x, q.particle)) break;
        if (x >= b || x >= t + 12) continue;
        q.t1 = x + 1;
      } else if (!c->en && (d->tx.toks.v[t].flags & LB_TF_CAP) && t != st->tok0) {
        continue; /* a capitalised noun, not the verb */
      }
      if (verb_claim(c, s, &q, lang)) {
        *made = 1;
        return q.t1 - t;
      }
    } else if (source_claim(c, s, &q, lang)) {
      *made = 1;
      return len;
    }
    if (len > 1) break;
  }
  return 1;
}

/* Konjunktiv I right after a claim: indirect speech of the same speaker. */
static void konj1_claim(const lb_cl *c, int32_t s, const char *lang) {
  lb_doc *d = c->d;
  if (d->claims.n == 0) return;
  const lb_claim *prev = &d->claims.v[d->claims.n - 1];
  if (prev->sentence < s - 2 || (!prev->speaker && !prev->speaker_text)) return;
  const lb_sent *st = &d->tx.sents.v[s];
  int inq = 0;
  for (uint32_t t = st->tok0; t < st->tok1; t++) {
    const lb_tok *k = &d->tx.toks.v[t];
    if (k->kind == LB_TOK_QUOTE) inq = (k->flags & LB_TF_OPEN) ? 1 : 0;
    if (inq || !(c->fw[t] & LB_FW_KONJ1)) continue;
    if (t > st->tok0 && (lb_cl_is(c, t - 1, "ich") || lb_cl_is(c, t + 1, "ich"))) continue;
    uint32_t e = stmt_end(c, st, st->tok0);
    if (e <= st->tok0) return;
    lb_claim *cl = LB_VEC_PUSH(d->tx.arena, d->claims);
    cl->sentence = s;
    cl->speaker = prev->speaker;
    cl->speaker_text = prev->speaker_text;
    cl->verb = prev->verb;
    cl->start = d->tx.toks.v[st->tok0].start;
    cl->end = d->tx.toks.v[e].end;
    cl->cue_start = k->start;
    cl->cue_end = k->end;
    cl->rule = lb_arena_printf(d->tx.arena, "%s:konj1", lang);
    return;
  }
}

void lb_claim_run(lb_doc *d) {
  lb_cl *c = d->clause;
  assert(c || !d->tx.lex); /* the "clauses" stage has run */
  if (!c || c->t_rverb < 0) return;
  const char *lang = c->en ? "en" : "de";
  for (size_t s = 0; s < d->tx.sents.n; s++) {
    const lb_sent *st = &d->tx.sents.v[s];
    int made = 0;
    for (uint32_t t = st->tok0; t < st->tok1;) {
      if (!(c->has[t] & LB_CL_HAS_RVERB)) {
        t++;
        continue;
      }
      t += try_cue(c, (int32_t)s, t, lang, &made);
    }
    if (!made && !c->en) konj1_claim(c, (int32_t)s, lang);
  }
}
