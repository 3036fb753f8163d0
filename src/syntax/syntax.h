/*
** syntax.h -- the syntax stage: a document's tokens become UD words with
** part of speech, features, lemma, head and relation.
**
** Reads tx.toks, tx.sents, tx.lang, tx.lex and the engine's models
** (tx.syn); writes tx.words and tx.sents[].word0/word1. For each sentence:
**   words   one per token, except contractions and clitics, which the
**           lexicon's tables `mwt` ("im" -> "in dem", "cannot" -> "can
**           not") and `clitic` (English "'s", "n't" ...) split as UD does.
**           The words of a German contraction both carry their token's
**           span; split clitics get their own bytes ("do" + "n't");
**   analysis  the language's model (model.h) through parse.c.
** A language without a model gets words without analysis (upos 0).
**
** The models are files beside the lexicon, one per language
** (syntax-<lang>.lbsyn), mapped when the engine starts (lb_syntax_open).
**
** Features are packed into lb_word.feats (uint64): ufeat.h.
*/
#ifndef LB_SYNTAX_H
#define LB_SYNTAX_H

#include <stddef.h>
#include <stdint.h>

#include "../doc/text.h"
#include "model.h"
#include "ufeat.h"

typedef struct lb_syntax lb_syntax;

/* The models of every language found in dir (NULL: beside the program, as
** the lexicon is found; $LAGEBILD_SYNTAX overrides). A directory without
** models gives an lb_syntax with none (documents then get words without
** analysis); a model file that is damaged is an error (NULL, err set). */
lb_syntax *lb_syntax_open(const char *dir, char *err, size_t errlen);
void lb_syntax_close(lb_syntax *sx);
/* The model of a language ("de", "en"), or NULL. */
const lb_synm *lb_syntax_model(const lb_syntax *sx, const char *lang);

/* The stage. */
void lb_syntax_run(lb_text *tx);

/* `parse --conllu`: fill the columns a parser fills (UPOS, FEATS, LEMMA,
** HEAD, DEPREL; XPOS and DEPS become "_") of the nb CoNLL-U sentences ss
** with model m, keeping their words, comments and multiword lines exactly;
** strings in a. The sentences go through the network together, with the
** same answers as one at a time. */
struct lb_conllu_sent;
struct lb_lex;
void lb_syntax_conllu(const lb_synm *m, const struct lb_lex *lx, struct lb_conllu_sent *const *ss,
                      int nb, lb_arena *a);
/* The language of text s[0..n) (the text stage's identification), or NULL. */
const char *lb_syntax_lang_of(const char *s, size_t n);

/* The UD name of enum lb_upos u ("NOUN"), or "_" for none. */
const char *lb_syntax_upos_name(int u);

#endif
