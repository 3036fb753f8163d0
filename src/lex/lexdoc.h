/*
** lexdoc.h -- a document's tokens looked up in the lexicon once.
**
** The entity, number/date, quantity, clause and signal stages (and the
** syntax stage) all ask the lexicon about the same word tokens. Two stages of
** the lexicon layer look the tokens' keys (their `norm`) up once and keep
** the entries in tx->lexdoc, so every later stage gets them without touching
** the mapped lexicon again:
**
**   "lexicon"        reads toks (kind, flags, norm) and tx->lex; writes
**                    tx->lexdoc: the entries of the words that are no plain
**                    lower-case word (lb_lexdoc_plain_lower) -- the entity
**                    stage's candidates, lb_lexdoc_words -- and the memo.
**   "lexicon-lower"  reads toks and tx->lexdoc; writes the entries of the
**                    plain lower-case words into tx->lexdoc. A stage of its
**                    own so that `--stages places` does without it (it was
**                    ~10% of that run's instructions, callgrind on 1.5 MB).
**
** The query functions below answer from the memo; a token that no stage
** looked up (a number, or a lower-case word asked for before "lexicon-lower")
** is looked up alone and kept. Multi-token keys (lb_lexdoc_span) are looked
** up when first asked for and kept too. All of them assert that the
** "lexicon" stage has run, for a document with a lexicon and tokens.
*/
#ifndef LB_LEXDOC_H
#define LB_LEXDOC_H

#include <stddef.h>
#include <stdint.h>

#include "../doc/text.h"
#include "lex.h"

/* What the memo knows of one token: its key's entry when state is 1. */
typedef struct lb_lexdoc_memo {
  uint32_t rec0, nrec, lens, tables, next;
  uint16_t maxtoks;
  uint8_t state; /* 0 = not looked up yet, 1 = found, 2 = absent */
} lb_lexdoc_memo;

/* The entry a memo holds (state 1): copies it to *e and returns 1; else 0. */
static inline int lb_lexdoc_memo_entry(const lb_lexdoc_memo *m, lb_lex_entry *e) {
  if (m->state != 1) return 0;
  e->rec0 = m->rec0;
  e->nrec = m->nrec;
  e->maxtoks = m->maxtoks;
  e->lens = m->lens;
  e->tables = m->tables;
  e->next = m->next;
  return 1;
}

/* Stage "lexicon" (see above). */
void lb_lexdoc_run(lb_text *tx);
/* Stage "lexicon-lower" (see above). */
void lb_lexdoc_run_lower(lb_text *tx);

/* The memo, one per token (NULL without lexicon or tokens), filled for
** every token the entity stage reads. For the entity stage's inner loop,
** which asks ~4 times per token: read state 1 and 2 here, and call
** lb_lexdoc_tok for state 0. Valid until the document is freed. */
const lb_lexdoc_memo *lb_lexdoc_memos(lb_text *tx);

/* The entry of token i's key (tx->toks.v[i].norm), memoised per document.
** Returns 1 and fills *e when the lexicon has the key; 0 when it has not,
** when the token has no key, or when no lexicon is loaded. */
int lb_lexdoc_tok(lb_text *tx, size_t i, lb_lex_entry *e);

/* The word tokens (kind word or abbreviation, with a key) that are not
** plain lower-case words (lb_lexdoc_plain_lower), in order; *n of them.
** They are the entity stage's candidates: walking this list instead of all
** tokens spares it a branchy test per token (perf: the loop's tests were 6%
** of --stages places). NULL when there are none. */
const uint32_t *lb_lexdoc_words(lb_text *tx, size_t *n);

/* lb_lexdoc_tok for the stages' inner loops: m is lb_lexdoc_memos(tx),
** read directly when it knows token i, so most calls cost a few loads. */
static inline int lb_lexdoc_tok_memo(lb_text *tx, const lb_lexdoc_memo *m, size_t i,
                                     lb_lex_entry *e) {
  if (!m || !m[i].state) return lb_lexdoc_tok(tx, i, e);
  return lb_lexdoc_memo_entry(&m[i], e);
}

/* Is token t a lower-case word without "sch" (no nationality adjective,
** "ukrainische", can be one)? The entity stage skips those, so the memo
** looks them up only when a later stage first asks for one. */
int lb_lexdoc_plain_lower(const lb_tok *t);

/* The first record of `table` under token i's key, or 0 (lb_lex_find
** through the memo). */
int lb_lexdoc_find(lb_text *tx, size_t i, int table, lb_lex_rec *r);

/* The entry of the key made of tokens [i, i+n) (norms joined by one space,
** as lexc builds multi-token keys), memoised per document: the entity
** stage probes the same spans for several tables. n == 1 is lb_lexdoc_tok.
** Asks the lexicon only when the entries of tokens [i, i+1) and [i, i+2)
** say a key of n tokens may start there (maxtoks, lens, next). */
int lb_lexdoc_span(lb_text *tx, size_t i, size_t n, lb_lex_entry *e);

#endif
