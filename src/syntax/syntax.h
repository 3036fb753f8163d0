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
** Features are packed into lb_word.feats (uint64) as below: each UD
** attribute a field holding the index of its value in the attribute's list
** (1-based; 0 = absent), Gender a bit set. The lists follow the UD v2
** guidelines, not a language. Read them with lb_syntax_feat.
*/
#ifndef LB_SYNTAX_H
#define LB_SYNTAX_H

#include <stddef.h>
#include <stdint.h>

#include "../doc/text.h"
#include "model.h"

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
** HEAD, DEPREL; XPOS and DEPS become "_") of CoNLL-U sentence s with model
** m, keeping its words, comments and multiword lines exactly; strings in a. */
struct lb_conllu_sent;
struct lb_lex;
void lb_syntax_conllu(const lb_synm *m, const struct lb_lex *lx, struct lb_conllu_sent *s,
                      lb_arena *a);
/* The language of text s[0..n) (the text stage's identification), or NULL. */
const char *lb_syntax_lang_of(const char *s, size_t n);

/* ---- packed features ---- */
enum lb_ufeat {
  LB_UF_CASE, LB_UF_NUMBER, LB_UF_GENDER, LB_UF_PERSON, LB_UF_TENSE, LB_UF_MOOD,
  LB_UF_VERBFORM, LB_UF_VOICE, LB_UF_DEGREE, LB_UF_PRONTYPE, LB_UF_POLARITY,
  LB_UF_DEFINITE, LB_UF_POSS, LB_UF_REFLEX, LB_UF_NUMTYPE, LB_UF_FOREIGN, LB_UF_ABBR,
  LB_UF_COUNT
};
/* Value indexes of the features the extractors ask for (1-based, in the
** order of nn's value lists in syntax.c). */
enum { LB_CASE_NOM = 1, LB_CASE_ACC, LB_CASE_DAT, LB_CASE_GEN };
enum { LB_NUMBER_SING = 1, LB_NUMBER_PLUR };
enum { LB_GENDER_MASC = 1, LB_GENDER_FEM = 2, LB_GENDER_NEUT = 4 }; /* bits */
enum { LB_MOOD_IND = 1, LB_MOOD_SUB, LB_MOOD_IMP, LB_MOOD_CND };
enum { LB_VERBFORM_FIN = 1, LB_VERBFORM_INF, LB_VERBFORM_PART, LB_VERBFORM_GER };
enum { LB_VOICE_ACT = 1, LB_VOICE_PASS };
enum { LB_PRONTYPE_PRS = 1, LB_PRONTYPE_ART, LB_PRONTYPE_DEM, LB_PRONTYPE_IND,
       LB_PRONTYPE_INT, LB_PRONTYPE_REL, LB_PRONTYPE_NEG };
enum { LB_POLARITY_POS = 1, LB_POLARITY_NEG };

/* The value of attribute a in packed features f (0 = absent). */
int lb_syntax_feat(uint64_t f, enum lb_ufeat a);
/* Pack a FEATS column ("Case=Nom|Number=Sing"); unknown attributes and
** values are left out. */
uint64_t lb_syntax_pack(const char *feats);
/* The UD name of enum lb_upos u ("NOUN"), or "_" for none. */
const char *lb_syntax_upos_name(int u);

#endif
