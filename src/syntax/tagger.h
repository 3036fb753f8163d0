/*
** tagger.h -- part of speech (UPOS), morphological features (UD FEATS) and
** lemmas for the words of a sentence, from a syntax model.
**
** Three averaged-perceptron classifiers over hashed features of the word
** and its neighbours (lb_ana atoms): UPOS left to right with the tags
** already chosen as context; then the FEATS bundle, scored as the sum of
** its attribute=value pairs among the bundles seen with that UPOS; then the
** lemma: the training data's dictionary for (form, UPOS), else the
** morphological lexicon's lemma for the POS (German), else the best-scoring
** "strip this ending, add that one" rule learned from the treebank.
**
** The feature functions are the one definition used by both the trainer
** and tagging: they write feature hashes into f (at most LB_TAG_MAXF) and
** return how many.
*/
#ifndef LB_TAGGER_H
#define LB_TAGGER_H

#include <stdint.h>

#include "ana.h"
#include "model.h"

struct lb_lex;

#define LB_TAG_MAXF 64

int lb_tag_upos_features(const lb_ana *s, int i, uint64_t *f);
int lb_tag_feats_features(const lb_ana *s, int i, uint64_t *f);
int lb_tag_lemma_features(const lb_ana *s, int i, uint64_t *f);
/* A lemma feature for rule r (the lemma table is keyed by feature and rule). */
static inline uint64_t lb_tag_lemma_key(uint64_t f, uint32_t r) {
  return lb_ana_mix(f, 0x77000000ull + r);
}

/* The best bundle for word i among m's candidates for its UPOS, given the
** score of every attribute=value pair; 0 ("_") when the UPOS has none. */
uint16_t lb_tag_best_bundle(const lb_synm *m, int upos, const float *pairscore);

/* The rules that may apply to a folded form (its ending is the rule's
** strip string): calls fn for each, in ascending rule id. */
typedef void (*lb_tag_rule_fn)(void *ctx, uint32_t rule);
void lb_tag_rules_for(const lb_synm *m, const char *low, uint32_t lowlen, lb_tag_rule_fn fn,
                      void *ctx);

/* Apply rule r to word w's form: the lemma in arena a, or NULL when the
** rule does not fit the form. */
const char *lb_tag_apply_rule(const lb_synm *m, uint32_t r, const lb_ana_word *w, lb_arena *a);

/* The lemma from the dictionaries (training data, then lexicon) for word
** w with its UPOS, or NULL; *src gets LB_LEMMA_DICT or LB_LEMMA_LEX. */
const char *lb_tag_lemma_lookup(const lb_synm *m, const struct lb_lex *lx, const lb_ana_word *w,
                                lb_arena *a, uint8_t *src);

/* Tag sentence s: UPOS, FEATS and lemma of every word. lx may be NULL. */
void lb_tag_run(const lb_synm *m, const struct lb_lex *lx, lb_ana *s);

#endif
