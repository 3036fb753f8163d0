/*
** parse.h -- tag, lemmatise and parse one sentence with a syntax model.
**
** In: an lb_ana whose words have their forms and atoms (lb_ana_prepare).
** Out: every word's UPOS, FEATS bundle, lemma, head and relation. One
** forward pass of the network (nn.h) gives the scores; then
**   UPOS    the best tag;
**   FEATS   the bundle, among those seen with that tag in training, whose
**           attribute=value pairs are most probable together;
**   lemma   the training data's lemma for (form, UPOS), else the
**           morphological lexicon's for the POS (German), else the most
**           probable "strip this ending, add that one" rule that fits;
**   tree    the best tree with one root (Chu-Liu-Edmonds), then each
**           arc's best relation.
** The lemma and bundle helpers are shared with the trainer.
*/
#ifndef LB_PARSE_H
#define LB_PARSE_H

#include <stdint.h>

#include "ana.h"
#include "model.h"
#include "nn.h"

struct lb_lex;

/* Sentences longer than this many words are parsed in pieces (a long
** "sentence" is a list or a table; pieces keep time linear in its length). */
#define LB_PARSE_MAXWORDS 120

/* The vocabulary row of word w (0 = unknown). */
uint32_t lb_parse_word_row(const lb_synm *m, const lb_ana_word *w);

/* Normalise the pair scores of one word (npair of them) into log
** probabilities within each attribute. */
void lb_parse_pair_logprob(const lb_synm *m, float *pair);
/* The bundle among m's candidates for `upos` with the highest sum of pair
** scores, among those that agree with the lexicon's readings of word w
** when any does (w NULL: no check); 0 ("_") when the tag has none. */
uint16_t lb_parse_best_bundle(const lb_synm *m, int upos, const float *pair, const lb_ana_word *w);

/* The rules that may apply to a folded form with tag `upos` (its ending is
** the rule's strip string; the rule was seen with that tag): fn for each. */
typedef void (*lb_parse_rule_fn)(void *ctx, uint32_t rule);
void lb_parse_rules_for(const lb_synm *m, const char *low, uint32_t lowlen, int upos,
                        lb_parse_rule_fn fn, void *ctx);
/* Rule r applied to word w: the lemma in arena a, or NULL when it does not fit. */
const char *lb_parse_apply_rule(const lb_synm *m, uint32_t r, const lb_ana_word *w,
                                struct lb_arena *a);
/* The lemma from the dictionaries (training data, then lexicon) for word w
** with its UPOS, or NULL; *src gets LB_LEMMA_DICT or LB_LEMMA_LEX. */
const char *lb_parse_lemma_lookup(const lb_synm *m, const struct lb_lex *lx,
                                  const lb_ana_word *w, struct lb_arena *a, uint8_t *src);

/* Analyse sentence s (lx may be NULL: no lexicon lemmas). Scratch memory
** comes from s->a. */
void lb_parse_run(const lb_synm *m, const struct lb_lex *lx, lb_ana *s);
/* Analyse nb sentences, their pieces through the network in batches (the
** same answers as lb_parse_run on each, faster: nn.h lb_nn_forward_many). */
void lb_parse_batch(const lb_synm *m, const struct lb_lex *lx, lb_ana *const *ss, int nb);

#endif
