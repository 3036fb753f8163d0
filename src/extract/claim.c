/*
** claim.c -- claims read from the dependency tree: who said what.
**
** Reads the words of the syntax stage, the entities (d->ent_refs) and the
** coreference of pronouns and role descriptions (d->coref); writes
** d->claims. Cues are data (data/de/claims.tsv, data/en/claims.tsv):
**   a reporting verb (table rverb, by lemma): the speaker is its subject
**     (in a passive its agent: "wurde mitgeteilt" has none unless "von X"
**     says who), what is claimed its clausal complement ("sagte, Russland
**     habe ...", "said that ..."), or the quoted clause it follows ("„...“,
**     sagte X", "..., X said"), or the main clause of "Wie X mitteilte, ...";
**   a source cue (table rcue): "laut X" and "X zufolge", "according to X"
**     (the case word of the speaker's phrase); "nach Angaben von X", "nach
**     Einschätzung des Ministeriums", "unter Berufung auf X" (a noun whose
**     genitive or prepositional phrase is the speaker); ", so X" at the end;
**   indirect speech that runs on: a sentence in the subjunctive (Mood=Sub:
**     Konjunktiv I or II) right after a claim, with no cue of its own,
**     continues that claim's speaker ("continued"), until a new speaker or
**     plain indicative narration.
** The speaker is the entity the phrase names (extract/phrase.h: a mention,
** or a pronoun or role description resolved by coreference, which is then
** named in speaker_via); else the phrase's words as speaker_text.
*/
#include "claim.h"

#include <assert.h>
#include <string.h>

#include "../doc/doc.h"
#include "../lex/lex.h"
#include "../syntax/syntax.h"
#include "../syntax/tree.h"
#include "../text/norm.h"
#include "phrase.h"

typedef struct ctx {
  lb_doc *d;
  const lb_text *tx;
  const lb_lex *lx;
  const char *lang;
  int t_rverb, t_rcue;
} ctx;

/* The record of table t under key s[0..n) for the document's language:
** returns 1 and fills *r. */
static int lookup(const ctx *c, int t, const char *s, size_t n, lb_lex_rec *r) {
  if (t < 0 || !s || !n) return 0;
  lb_buf k = LB_BUF_INIT;
  lb_norm_key(&k, s, n);
  lb_lex_entry e;
  int found = 0;
  if (lb_lex_get(c->lx, k.p, k.n, &e) && lb_lex_may_have(&e, t))
    for (uint32_t i = 0; i < e.nrec && !found; i++)
      found = lb_lex_rec_get(c->lx, &e, i, r) && r->table == t && lb_lex_field_is(r, 0, c->lang);
  lb_buf_free(&k);
  return found;
}

/* The lemma of verb v with its separable particle (German "bekanntgeben",
** English "point out"), in the arena. */
static const char *verb_key(const ctx *c, int32_t v) {
  const lb_text *tx = c->tx;
  const lb_word *w = &tx->words.v[v];
  int32_t prt = lb_tree_child(tx, v, "compound:prt");
  if (prt < 0 || !tx->words.v[prt].lemma) return w->lemma;
  if (strcmp(c->lang, "de") == 0) return lb_arena_printf(tx->arena, "%s%s", tx->words.v[prt].lemma, w->lemma);
  return lb_arena_printf(tx->arena, "%s %s", w->lemma, tx->words.v[prt].lemma);
}

/* The span of x's subtree without y's subtree where y's is at an edge. */
static void span_without(const lb_text *tx, int32_t x, int32_t y, uint32_t *s, uint32_t *e) {
  lb_tree_span(tx, x, s, e);
  if (y < 0) return;
  uint32_t ys, ye;
  lb_tree_span(tx, y, &ys, &ye);
  if (ye >= *e && ys > *s) *e = ys;
  else if (ys <= *s && ye < *e) *s = ye;
  /* trim spaces and punctuation left at the edges */
  while (*e > *s && strchr(" ,;:-\n\t\"'", tx->text[*e - 1])) (*e)--;
  while (*s < *e && strchr(" ,;:-\n\t\"'", tx->text[*s])) (*s)++;
}

static lb_claim *add_claim(ctx *c, const char *verb, const char *rule, int32_t cue, int32_t speaker,
                           uint32_t cs, uint32_t ce) {
  lb_doc *d = c->d;
  const lb_text *tx = c->tx;
  if (ce <= cs) return NULL;
  lb_claim *cl = LB_VEC_PUSH(tx->arena, d->claims);
  cl->verb = verb;
  cl->rule = rule;
  cl->start = cs;
  cl->end = ce;
  cl->cue_start = tx->words.v[cue].start;
  cl->cue_end = tx->words.v[cue].end;
  cl->sentence = (int32_t)tx->words.v[cue].sent;
  if (speaker >= 0) {
    lb_phrase ph;
    if (lb_phrase_find(d, speaker, LB_PH_ANY, &ph)) {
      const lb_entity *e = &d->entities.v[ph.ent];
      cl->speaker = e->id;
      cl->speaker_via = ph.rule;
      if (ph.men >= 0) {
        cl->speaker_start = e->mentions.v[ph.men].start;
        cl->speaker_end = e->mentions.v[ph.men].end;
      } else {
        cl->speaker_start = tx->words.v[ph.word].start;
        cl->speaker_end = tx->words.v[ph.word].end;
      }
    } else {
      lb_tree_span(tx, speaker, &cl->speaker_start, &cl->speaker_end);
      cl->speaker_text =
          lb_arena_strndup(tx->arena, tx->text + cl->speaker_start, cl->speaker_end - cl->speaker_start);
    }
  }
  return cl;
}

static int passive(const lb_text *tx, int32_t v) {
  return lb_tree_child(tx, v, "aux:pass") >= 0 || lb_tree_child(tx, v, "nsubj:pass") >= 0;
}

/* A reporting verb at v: its claim, or none. */
static lb_claim *verb_claim(ctx *c, int32_t v) {
  const lb_text *tx = c->tx;
  const lb_word *w = &tx->words.v[v];
  if (w->upos != LB_UPOS_VERB || !w->lemma) return NULL;
  const char *key = verb_key(c, v);
  lb_lex_rec r;
  if (!lookup(c, c->t_rverb, key, strlen(key), &r)) return NULL;
  int32_t speaker = -1, ws[4];
  int n = passive(tx, v) ? 0 : 1;
  if (!n) {
    /* the agent of a passive, when one is named */
    for (int32_t k = w->kid; k >= 0 && speaker < 0; k = tx->words.v[k].sib) {
      const lb_word *x = &tx->words.v[k];
      const char *cs = lb_tree_case(tx, k);
      if (lb_tree_rel(x, "obl:agent") ||
          (lb_tree_rel(x, "obl") && cs && (strcmp(cs, "von") == 0 || strcmp(cs, "by") == 0)))
        speaker = k;
    }
  } else
    speaker = lb_tree_child(tx, v, "nsubj");
  if (speaker >= 0 && lb_tree_rel(&tx->words.v[speaker], "nsubj:pass")) speaker = -1;
  (void)ws;
  const char *rule = lb_arena_printf(tx->arena, "claim:%s:verb:%s", c->lang, key);
  uint32_t cs, ce;
  /* what is said: the complement, a quote or a reported clause */
  int32_t comp = lb_tree_child(tx, v, "ccomp");
  if (comp < 0) comp = lb_tree_child(tx, v, "parataxis");
  if (comp >= 0) {
    lb_tree_span(tx, comp, &cs, &ce);
    return add_claim(c, key, rule, v, speaker, cs, ce);
  }
  /* "„...“, sagte X": the verb hangs from the quoted clause; "wie X
  ** mitteilte, ...": from the clause it reports */
  if (w->head >= 0 && (lb_tree_rel(w, "parataxis") || lb_tree_rel(w, "ccomp") || lb_tree_rel(w, "advcl"))) {
    int as = 0;
    lb_lex_rec q;
    for (int32_t k = w->kid; k >= 0 && !as; k = tx->words.v[k].sib) {
      const lb_word *x = &tx->words.v[k];
      as = x->lemma && (lb_tree_rel(x, "mark") || lb_tree_rel(x, "advmod")) &&
           lookup(c, c->t_rcue, x->lemma, strlen(x->lemma), &q) && lb_lex_field_is(&q, 1, "as");
    }
    if (lb_tree_rel(w, "advcl") && !as) return NULL;
    span_without(tx, w->head, v, &cs, &ce);
    return add_claim(c, key, rule, v, speaker, cs, ce);
  }
  /* "Er begründete den Schritt mit ...": the predicate itself */
  if (lb_lex_field_is(&r, 2, "pred")) {
    span_without(tx, v, speaker, &cs, &ce);
    return add_claim(c, key, rule, v, speaker, cs, ce);
  }
  return NULL;
}

/* A source cue at word x: "laut X", "X zufolge", "according to X", "nach
** Angaben von X", ", so X". */
static lb_claim *cue_claim(ctx *c, int32_t x) {
  const lb_text *tx = c->tx;
  const lb_word *w = &tx->words.v[x];
  lb_lex_rec r;
  if (!w->lemma || !lookup(c, c->t_rcue, w->lemma, strlen(w->lemma), &r)) return NULL;
  const char *rule = lb_arena_printf(tx->arena, "claim:%s:cue:%s", c->lang, w->lemma);
  int32_t speaker = -1, phrase = -1;
  if (lb_lex_field_is(&r, 1, "case")) {
    if (!lb_tree_rel(w, "case") || w->head < 0) return NULL;
    speaker = phrase = w->head;
  } else if (lb_lex_field_is(&r, 1, "noun")) {
    if (w->upos != LB_UPOS_NOUN || lb_tree_child(tx, x, "case") < 0) return NULL;
    speaker = lb_tree_child(tx, x, "nmod");
    if (speaker < 0) return NULL;
    phrase = x;
  } else if (lb_lex_field_is(&r, 1, "so")) {
    /* ", so X" closing the sentence: X is what follows */
    const lb_sent *st = &tx->sents.v[w->sent];
    if ((uint32_t)x <= st->word0 || tx->words.v[x - 1].formlen != 1 || tx->words.v[x - 1].form[0] != ',')
      return NULL;
    int32_t h = -1;
    for (uint32_t k = (uint32_t)x + 1; k < st->word1; k++) {
      const lb_word *y = &tx->words.v[k];
      if (y->upos == LB_UPOS_PUNCT) continue;
      if (y->upos == LB_UPOS_VERB || y->upos == LB_UPOS_AUX) return NULL;
      if (h < 0 || !lb_tree_dominates(tx, h, (int32_t)k)) h = (int32_t)k;
    }
    /* the head of the words after "so": the one none of the others dominates */
    for (uint32_t k = (uint32_t)x + 1; h >= 0 && k < st->word1; k++)
      if (lb_tree_dominates(tx, (int32_t)k, h) && tx->words.v[k].upos != LB_UPOS_PUNCT) h = (int32_t)k;
    if (h < 0) return NULL;
    lb_phrase ph;
    if (!lb_phrase_find(c->d, h, LB_PH_ANY, &ph)) return NULL;
    uint32_t cs = tx->words.v[st->word0].start, ce = tx->words.v[x - 1].start;
    while (ce > cs && strchr(" \"'", tx->text[ce - 1])) ce--;
    return add_claim(c, w->lemma, rule, x, h, cs, ce);
  } else
    return NULL; /* "as": read by verb_claim */
  int32_t clause = lb_tree_clause(tx, phrase);
  if (clause == phrase) return NULL;
  uint32_t cs, ce;
  span_without(tx, clause, phrase, &cs, &ce);
  return add_claim(c, w->lemma, rule, x, speaker, cs, ce);
}

/* "NGO: 198 Zivilisten getötet", "Kreml: Keine Gespräche": a sentence that
** opens with a name and a colon is what that name says (a headline or a
** quotation's lead). */
static lb_claim *colon_claim(ctx *c, size_t s) {
  const lb_text *tx = c->tx;
  const lb_sent *st = &tx->sents.v[s];
  for (uint32_t i = st->word0; i < st->word1 && i < st->word0 + 6; i++) {
    const lb_word *w = &tx->words.v[i];
    if (!(w->formlen == 1 && w->form[0] == ':')) continue;
    if (i == st->word0 || i + 1 >= st->word1) return NULL;
    /* the words before the colon: one phrase that names an entity */
    int32_t h = -1;
    for (uint32_t k = st->word0; k < i; k++)
      if (h < 0 || !lb_tree_dominates(tx, h, (int32_t)k)) h = (int32_t)k;
    for (uint32_t k = st->word0; k < i && h >= 0; k++)
      if (lb_tree_dominates(tx, (int32_t)k, h)) h = (int32_t)k;
    lb_phrase ph;
    if (h < 0 || !lb_phrase_find(c->d, h, LB_PH_ANY, &ph) || ph.men < 0) return NULL;
    uint32_t cs = tx->words.v[i + 1].start, ce = st->end;
    while (ce > cs && strchr(" .!?\"'\n", tx->text[ce - 1])) ce--;
    const char *rule = lb_arena_printf(tx->arena, "claim:%s:colon", c->lang);
    return add_claim(c, ":", rule, (int32_t)i, h, cs, ce);
  }
  return NULL;
}

/* Is sentence s in the subjunctive (its root, or the root's finite
** auxiliary or copula)? 1 subjunctive, 0 indicative, -1 neither said. */
static int subjunctive(const lb_text *tx, size_t s) {
  const lb_sent *st = &tx->sents.v[s];
  for (uint32_t i = st->word0; i < st->word1; i++) {
    const lb_word *w = &tx->words.v[i];
    if (w->head != -1 || !w->deprel) continue;
    int mood = lb_ufeat_get(w->feats, LB_UF_MOOD);
    for (int32_t k = w->kid; !mood && k >= 0; k = tx->words.v[k].sib)
      if (lb_tree_rel(&tx->words.v[k], "aux") || lb_tree_rel(&tx->words.v[k], "cop"))
        mood = lb_ufeat_get(tx->words.v[k].feats, LB_UF_MOOD);
    if (mood == LB_MOOD_SUB) return 1;
    if (mood == LB_MOOD_IND) return 0;
    return -1;
  }
  return -1;
}

void lb_claim_run(lb_doc *d) {
  ctx c;
  memset(&c, 0, sizeof c);
  c.d = d;
  c.tx = &d->tx;
  c.lx = d->tx.lex;
  c.lang = d->tx.lang;
  if (!c.lx || !c.lang || !d->tx.words.n) return;
  c.t_rverb = lb_lex_table(c.lx, "rverb");
  c.t_rcue = lb_lex_table(c.lx, "rcue");
  const lb_text *tx = c.tx;
  int32_t last = -1; /* the claim a subjunctive sentence may continue */
  for (size_t s = 0; s < tx->sents.n; s++) {
    const lb_sent *st = &tx->sents.v[s];
    size_t before = d->claims.n;
    for (uint32_t i = st->word0; i < st->word1; i++) {
      if (!tx->words.v[i].deprel) continue;
      if (!verb_claim(&c, (int32_t)i)) cue_claim(&c, (int32_t)i);
    }
    if (d->claims.n == before) colon_claim(&c, s);
    if (d->claims.n > before) {
      last = (int32_t)(d->claims.n - 1);
      continue;
    }
    int sub = subjunctive(tx, s);
    if (sub == 1 && last >= 0 && d->claims.v[last].sentence + 1 >= (int32_t)s &&
        (d->claims.v[last].speaker || d->claims.v[last].speaker_text)) {
      lb_claim prev = d->claims.v[last];
      lb_claim *cl = LB_VEC_PUSH(tx->arena, d->claims);
      *cl = prev;
      cl->start = st->start;
      cl->end = st->end;
      while (cl->end > cl->start && strchr(" .!?\"'\n", tx->text[cl->end - 1])) cl->end--;
      cl->sentence = (int32_t)s;
      cl->rule = lb_arena_printf(tx->arena, "claim:%s:continued", c.lang);
      cl->speaker_via = "continued";
      last = (int32_t)(d->claims.n - 1);
    } else if (sub == 0)
      last = -1;
  }
}
