/*
** phrase.c -- the entity a phrase of the tree names (see phrase.h).
*/
#include "phrase.h"

#include <string.h>

#include "../doc/doc.h"
#include "../lex/lex.h"
#include "../syntax/syntax.h"
#include "../syntax/tree.h"
#include "ent.h"

static int is_place_ent(const lb_entity *e, const lb_mention *m) {
  return e && e->has_geo && m->role != LB_ROLE_ACTOR && m->role != LB_ROLE_ADJ;
}

static int wanted(const lb_entity *e, const lb_mention *m, const char *actor, int want) {
  if (m->role == LB_ROLE_PLACEADJ) return (want & (LB_PH_PLACE | LB_PH_GEO)) != 0;
  return ((want & LB_PH_ACTOR) && actor) || ((want & LB_PH_PLACE) && is_place_ent(e, m)) ||
         ((want & LB_PH_GEO) && e->has_geo) || (want & LB_PH_ANY) ||
         ((want & LB_PH_PERSON) && e->type && strcmp(e->type, "PER") == 0);
}

/* The mention on word w or in its phrase, nearest to the head first: the
** names and modifiers of the phrase (not its clauses, not its conjuncts). */
static int find_mention(const lb_doc *d, int32_t w, int want, int depth, lb_phrase *out) {
  const lb_text *tx = &d->tx;
  const lb_entity *e = NULL;
  const lb_mention *m = d->ent_refs ? lb_ent_at(d, tx->words.v[w].tok, &e) : NULL;
  if (m && e) {
    const char *actor = lb_ent_actor(e, m);
    if (wanted(e, m, actor, want)) {
      out->ent = (int32_t)(e - d->entities.v);
      out->men = (int32_t)(m - e->mentions.v);
      out->actor = actor;
      return 1;
    }
  }
  if (depth > 6) return 0;
  static const char *const REL[] = {"flat", "appos", "compound", "amod", "nmod", "det:poss", "nummod"};
  /* a speaker's name the entity stage did not know ("Angel Sarmiento,
  ** president of Aragua Medical School") names itself: not what its
  ** apposition or modifiers name */
  size_t nrel = depth == 0 && (want & LB_PH_ANY) && tx->words.v[w].upos == LB_UPOS_PROPN
                    ? 1
                    : sizeof REL / sizeof *REL;
  for (size_t k = 0; k < nrel; k++)
    for (int32_t ch = lb_tree_child(tx, w, REL[k]); ch >= 0; ch = lb_tree_next(tx, w, ch, REL[k]))
      if (find_mention(d, ch, want, depth + 1, out)) return 1;
  return 0;
}

int32_t lb_phrase_antecedent(const lb_text *tx, int32_t w) {
  const lb_word *x = &tx->words.v[w];
  if (x->upos != LB_UPOS_PRON && x->upos != LB_UPOS_DET) return -1;
  if (lb_ufeat_get(x->feats, LB_UF_PRONTYPE) != LB_PRONTYPE_REL) return -1;
  int32_t v = lb_tree_clause(tx, x->head >= 0 ? x->head : w);
  if (v < 0 || !lb_tree_rel(&tx->words.v[v], "acl")) return -1;
  return tx->words.v[v].head;
}

int lb_phrase_dateline(const lb_text *tx, int32_t w) {
  const lb_word *x = &tx->words.v[w];
  const lb_sent *st = &tx->sents.v[x->sent];
  for (uint32_t i = st->word0; i < st->word1 && i < st->word0 + 4; i++) {
    const lb_word *y = &tx->words.v[i];
    const lb_tok *k = &tx->toks.v[y->tok];
    if (k->kind == LB_TOK_DASH) return i > st->word0 && (uint32_t)w < i;
    /* ("Wien/Linz –": places joined by a slash) */
    int slash = k->kind == LB_TOK_SYM && y->formlen == 1 && y->form[0] == '/';
    if (!(k->flags & LB_TF_CAP) && k->kind != LB_TOK_PUNCT && !slash) return 0;
  }
  return 0;
}

int32_t lb_phrase_past_dateline(const lb_text *tx, int32_t w) {
  if (!lb_phrase_dateline(tx, w)) return w;
  /* the first nominal after the dash that hangs on a word of the dateline
  ** inside w's phrase ("Wien/Linz – Wirtschaftskammer-Präsident Christoph
  ** Leitl hat ...": Christoph on Linz) */
  const lb_sent *st = &tx->sents.v[tx->words.v[w].sent];
  for (uint32_t k = (uint32_t)w + 1; k < st->word1; k++) {
    const lb_word *x = &tx->words.v[k];
    /* (not a prepositional phrase: "Diyarbakir – Bei Einsätzen gegen die
    ** PKK haben ...") */
    if (lb_phrase_dateline(tx, (int32_t)k) || x->head < 0 || !lb_phrase_dateline(tx, x->head) ||
        !lb_tree_dominates(tx, w, (int32_t)k) || lb_tree_child(tx, (int32_t)k, "case") >= 0)
      continue;
    if (x->upos == LB_UPOS_PROPN || x->upos == LB_UPOS_NOUN) return (int32_t)k;
  }
  return -1;
}

int lb_phrase_perfect(const lb_text *tx, int t_mood, int32_t v) {
  const lb_word *w = &tx->words.v[v];
  /* a verb whose perfect takes "sein" ("sind ... vorgedrungen"): class
  ** seinverb, its auxiliary class perfsein */
  int sein = w->lemma && lb_lex_has_class(tx->lex, t_mood, w->lemma, strlen(w->lemma), tx->lang, "seinverb");
  for (int32_t k = w->kid; k >= 0; k = tx->words.v[k].sib) {
    const lb_word *x = &tx->words.v[k];
    if ((lb_tree_rel(x, "aux") || lb_tree_rel(x, "cop")) && x->lemma &&
        (lb_lex_has_class(tx->lex, t_mood, x->lemma, strlen(x->lemma), tx->lang, "perfect") ||
         (sein && lb_lex_has_class(tx->lex, t_mood, x->lemma, strlen(x->lemma), tx->lang, "perfsein"))))
      return 1;
  }
  return 0;
}

int lb_phrase_controlled(const lb_text *tx, int t_mood, int32_t k) {
  int32_t mk = lb_tree_child(tx, k, "mark");
  const lb_word *m = mk >= 0 ? &tx->words.v[mk] : NULL;
  return m && m->lemma && lb_lex_has_class(tx->lex, t_mood, m->lemma, strlen(m->lemma), tx->lang, "ctl");
}

int lb_phrase_find(const lb_doc *d, int32_t w, int want, lb_phrase *out) {
  const lb_text *tx = &d->tx;
  int32_t a = lb_phrase_antecedent(tx, w);
  if (a >= 0) w = a;
  out->word = w;
  out->ent = out->men = -1;
  out->actor = NULL;
  out->rule = NULL;
  if (lb_phrase_dateline(tx, w)) return 0;
  if (find_mention(d, w, want, 0, out)) return 1;
  if (d->coref && d->coref[w].ent >= 0) {
    const lb_entity *e = &d->entities.v[d->coref[w].ent];
    if (((want & LB_PH_ACTOR) && e->actor) || (want & LB_PH_ANY) ||
        ((want & LB_PH_PERSON) && e->type && strcmp(e->type, "PER") == 0)) {
      out->ent = d->coref[w].ent;
      out->actor = e->actor;
      out->rule = d->coref[w].rule;
      return 1;
    }
  }
  return 0;
}

int lb_phrase_all(const lb_doc *d, int32_t w, int want, lb_phrase *out, int max) {
  const lb_text *tx = &d->tx;
  int n = 0;
  int32_t a = lb_phrase_antecedent(tx, w);
  if (a >= 0) w = a;
  for (int32_t x = w; x >= 0 && n < max; x = lb_tree_next(tx, w, x == w ? -1 : x, "conj"))
    if (lb_phrase_find(d, x, want, &out[n])) n++;
  return n;
}
