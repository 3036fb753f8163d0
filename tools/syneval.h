/*
** syneval.h -- scores of a parsed treebank against its gold trees, in the
** manner of the CoNLL 2018 shared task (conll18_ud_eval.py) for gold words:
**   UPOS    the part of speech
**   UFeats  the set of universal features (the 21 the task names; layered
**           features such as Gender[psor] and others such as Typo are not
**           compared)
**   Lemma   the lemma
**   UAS     the head
**   LAS     the head and the relation without its subtype (nsubj:pass
**           counts as nsubj)
** Every word counts, punctuation too. Used by tools/train_syntax.c (held-out
** scores printed while training) and tools/eval_syntax.c (`make eval-syntax`).
** Header-only: two tools, one definition.
*/
#ifndef LB_SYNEVAL_H
#define LB_SYNEVAL_H

#include <stdio.h>
#include <string.h>

#include "../src/syntax/conllu.h"

typedef struct syneval {
  long words, upos, ufeats, lemma, uas, las;
} syneval;

static const char *const SYNEVAL_UFEATS[] = {
    "PronType", "NumType", "Poss",   "Reflex",   "Foreign", "Abbr",   "Gender",
    "Animacy",  "Number",  "Case",   "Definite", "Degree",  "VerbForm", "Mood",
    "Tense",    "Aspect",  "Voice",  "Evident",  "Polarity", "Person", "Polite"};

/* The universal features of a FEATS column, in order, '|'-joined, into out. */
static inline void syneval_ufeats(const char *feats, char *out, size_t cap) {
  size_t n = 0;
  out[0] = 0;
  const char *p = feats;
  while (p && *p && strcmp(p, "_") != 0) {
    const char *bar = strchr(p, '|');
    size_t l = bar ? (size_t)(bar - p) : strlen(p);
    const char *eq = memchr(p, '=', l);
    if (eq) {
      size_t nl = (size_t)(eq - p);
      for (size_t k = 0; k < sizeof SYNEVAL_UFEATS / sizeof *SYNEVAL_UFEATS; k++)
        if (strlen(SYNEVAL_UFEATS[k]) == nl && memcmp(SYNEVAL_UFEATS[k], p, nl) == 0) {
          if (n + l + 2 < cap) {
            if (n) out[n++] = '|';
            memcpy(out + n, p, l);
            n += l;
            out[n] = 0;
          }
          break;
        }
    }
    p = bar ? bar + 1 : NULL;
  }
}

/* The relation without its subtype, compared up to ':'. */
static inline int syneval_rel_eq(const char *a, const char *b) {
  size_t la = strcspn(a, ":"), lb = strcspn(b, ":");
  return la == lb && memcmp(a, b, la) == 0;
}

static inline void syneval_add(syneval *e, const lb_conllu_sent *gold, const lb_conllu_sent *sys) {
  for (size_t i = 0; i < gold->words.n && i < sys->words.n; i++) {
    const lb_conllu_word *g = &gold->words.v[i], *s = &sys->words.v[i];
    char gf[512], sf[512];
    e->words++;
    e->upos += strcmp(g->upos, s->upos) == 0;
    syneval_ufeats(g->feats, gf, sizeof gf);
    syneval_ufeats(s->feats, sf, sizeof sf);
    e->ufeats += strcmp(gf, sf) == 0;
    e->lemma += strcmp(g->lemma, s->lemma) == 0;
    if (g->head == s->head) {
      e->uas++;
      e->las += syneval_rel_eq(g->deprel, s->deprel);
    }
  }
  if (sys->words.n < gold->words.n) e->words += (long)(gold->words.n - sys->words.n);
}

static inline double syneval_pct(long a, long n) { return n ? 100.0 * (double)a / (double)n : 0; }

static inline void syneval_print(FILE *f, const char *label, const syneval *e) {
  fprintf(f, "%-14s words %6ld  UPOS %5.2f  UFeats %5.2f  Lemma %5.2f  UAS %5.2f  LAS %5.2f\n",
          label, e->words, syneval_pct(e->upos, e->words), syneval_pct(e->ufeats, e->words),
          syneval_pct(e->lemma, e->words), syneval_pct(e->uas, e->words),
          syneval_pct(e->las, e->words));
}

#endif
