/*
** tree.h -- questions to a sentence's dependency tree (the words of the
** text layer after the syntax stage), for the extractors that read who did
** what to whom from it: children by relation, the preposition of a phrase,
** a phrase's span, clause boundaries.
**
** Relations are compared as UD writes them: lb_tree_rel(w, "obl") is true
** for "obl" and for its subtypes ("obl:agent", "obl:tmod"); "obl:agent"
** only for itself. All indexes are absolute word indexes (tx.words).
*/
#ifndef LB_TREE_H
#define LB_TREE_H

#include <stddef.h>
#include <stdint.h>

#include "../doc/text.h"

/* Does word w's relation match rel (rel without ':' matches every subtype)? */
int lb_tree_rel(const lb_word *w, const char *rel);
/* The first child of h (text order) whose relation matches rel, or -1. */
int32_t lb_tree_child(const lb_text *tx, int32_t h, const char *rel);
/* The next child of h after child c matching rel, or -1 (c = -1: the first). */
int32_t lb_tree_next(const lb_text *tx, int32_t h, int32_t c, const char *rel);
/* Is word w's lemma (case-folded ASCII/Latin-1 compare) one of the
** '|'-separated lemmas in list[0..n)? */
int lb_tree_lemma_in(const lb_word *w, const char *list, size_t n);
/* The lemma of the preposition or postposition of phrase head w (its "case"
** child), or NULL. */
const char *lb_tree_case(const lb_text *tx, int32_t w);
/* Byte span of the subtree of w ([*start, *end)), without punctuation at
** its edges. */
void lb_tree_span(const lb_text *tx, int32_t w, uint32_t *start, uint32_t *end);
/* Is a an ancestor of b (or b itself)? */
int lb_tree_dominates(const lb_text *tx, int32_t a, int32_t b);
/* Does word w head a clause of its own (a verb or a predicate with a
** subject, an auxiliary or a copula; or relation ccomp, advcl, acl, xcomp,
** parataxis, csubj, root)? */
int lb_tree_clausal(const lb_text *tx, int32_t w);
/* The head of the clause that word w is in: w itself when it heads one,
** else the nearest clausal ancestor (the root at worst). */
int32_t lb_tree_clause(const lb_text *tx, int32_t w);
/* The word of token t (the first word of a contraction), or -1. */
int32_t lb_tree_word_of_tok(const lb_text *tx, uint32_t t);

/* Stage part of the syntax stage: fill kid and sib of the words of
** sentence s from their heads. */
void lb_tree_link(lb_text *tx, size_t s);

#endif
