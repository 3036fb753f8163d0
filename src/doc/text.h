/*
** text.h -- the text layer of a document: its bytes, tokens, sentences,
** syntactic words, language and warnings.
**
** The document layer (src/doc/) holds data types only, just above base/:
** this file is its lower half, the text as the language layers see it;
** doc.h is its upper half, the document with the facts that the extractors
** fill. The stages of text/ (tokens, sentences, language, keys), lex/ (the
** per-document lexicon memo) and syntax/ (tags, lemmas, dependencies) read
** and write an lb_text and include this header only; none of them knows
** that a document with facts is built on top.
**
** Who fills what (the stage table in src/picture/pipeline.c is the one
** place where the order is decided):
**   text, len, warnings  lb_text_set (utf8 repair, below)
**   toks                 text/tok.c, stage "tokens"; norm: stage "norm"
**   sents                text/sent.c, stage "sentences"
**   lang                 text/lang.c, stage "text" (or given by the caller)
**   lexdoc               lex/lexdoc.c, stages "lexicon" and "lexicon-lower"
**   words, sents[].word0/word1
**                        the syntax stage (src/syntax/); empty until then
** Everything lives in `arena` and is freed at once with the document.
**
** Offsets are UTF-8 byte offsets into `text`, end exclusive; `text` has
** exactly the bytes and length of the input (lb_text_set replaces invalid
** bytes in place, one for one), so every offset also points into the
** original input. Fields are open on purpose: stages are readers and writers
** of a shared blackboard, each writing only what the stage table says.
*/
#ifndef LB_TEXT_H
#define LB_TEXT_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../base/arena.h"

struct lb_lex;    /* lex/lex.h: the memory-mapped lexicon */
struct lb_lexdoc; /* lex/lexdoc.h: the document's tokens looked up */

/* ---- tokens (text/tok.c) ---- */

enum lb_tok_kind {
  LB_TOK_WORD = 1, /* letters, digits inside, hyphen/apostrophe compounds */
  LB_TOK_NUM,      /* 50.000  1,5  3.5  2024  14:30 */
  LB_TOK_ORD,      /* 11.  (ordinal: digits and a period) */
  LB_TOK_DATE,     /* 9.11.  15.05.2016 */
  LB_TOK_ABBR,     /* z. B.  Dr.  Mio.  U.S.  initials "J." */
  LB_TOK_PUNCT,    /* . , ; : ! ? ( ) [ ] … */
  LB_TOK_QUOTE,    /* „ “ ” " » « ‚ ‘ ’ ' (see LB_TF_OPEN / LB_TF_CLOSE) */
  LB_TOK_DASH,     /* – — and a free-standing - */
  LB_TOK_URL,
  LB_TOK_EMAIL,
  LB_TOK_SYM /* % € $ § & + = / and anything else */
};

enum lb_tok_flag {
  LB_TF_CAP = 1 << 0,       /* first letter upper case */
  LB_TF_UPPER = 1 << 1,     /* all letters upper case, at least two letters */
  LB_TF_HYPH = 1 << 2,      /* contains a hyphen joining parts */
  LB_TF_SPACE = 1 << 3,     /* white space before the token */
  LB_TF_NL = 1 << 4,        /* a line break before the token */
  LB_TF_PARA = 1 << 5,      /* a blank line (or more) before the token */
  LB_TF_OPEN = 1 << 6,      /* opening quote */
  LB_TF_CLOSE = 1 << 7,     /* closing quote */
  LB_TF_DIGIT = 1 << 8,     /* a word that contains digits ("G7", "24-Stunden") */
  LB_TF_COLON = 1 << 9,     /* a number with a colon: 14:30, 2:1 */
  LB_TF_NONASCII = 1 << 10, /* contains bytes >= 0x80 */
  LB_TF_FINAL = 1 << 11,    /* abbreviation that may end a sentence (usw., etc.) */
  LB_TF_SUB = 1 << 12       /* contains a replaced invalid byte */
};

/* A token: a span of the text as the tokenizer cut it. */
typedef struct lb_tok {
  uint32_t start, end; /* byte span, end exclusive */
  uint16_t kind;       /* enum lb_tok_kind */
  uint16_t flags;      /* enum lb_tok_flag */
  uint32_t normlen;    /* length of norm, set by the norm stage */
  const char *norm;    /* case-folded NFC key (the lexicon's), NULL until
                          the norm stage, and for kinds without a key */
} lb_tok;

/* ---- sentences (text/sent.c) ---- */

/* A sentence: byte span and the ranges of tokens and of words inside it. */
typedef struct lb_sent {
  uint32_t start, end;
  uint32_t tok0, tok1;   /* toks[tok0 .. tok1) */
  uint32_t word0, word1; /* words[word0 .. word1); both 0 until the syntax
                            stage has run */
  uint8_t headline;      /* a line without final punctuation */
} lb_sent;

/* ---- syntactic words (src/syntax/) ---- */

/* Universal POS tags (Universal Dependencies v2), in UD's order; 0 = not
** tagged. Fixed by the UD guidelines, not by a language. */
enum lb_upos {
  LB_UPOS_NONE = 0,
  LB_UPOS_ADJ,
  LB_UPOS_ADP,
  LB_UPOS_ADV,
  LB_UPOS_AUX,
  LB_UPOS_CCONJ,
  LB_UPOS_DET,
  LB_UPOS_INTJ,
  LB_UPOS_NOUN,
  LB_UPOS_NUM,
  LB_UPOS_PART,
  LB_UPOS_PRON,
  LB_UPOS_PROPN,
  LB_UPOS_PUNCT,
  LB_UPOS_SCONJ,
  LB_UPOS_SYM,
  LB_UPOS_VERB,
  LB_UPOS_X,
  LB_UPOS_COUNT
};

/*
** A syntactic word in the sense of Universal Dependencies: the unit that gets
** a tag, features, a lemma and a head. Most tokens are one word each; a
** contraction is one token and two words (German "im" = "in" + "dem", "zum",
** "vom", "beim"), and punctuation tokens are words too. Words are in text
** order, sentence by sentence (sents[s].word0 .. word1).
**
**   start, end  byte span in text. The words of a contraction both carry
**               the span of their token (UD gives a multiword token's words
**               no offsets of their own), so offsets stay in the input.
**   tok         index of the token the word comes from (toks[tok]).
**   sent        index of its sentence.
**   form        the word's form, formlen bytes, not NUL-terminated: points
**               into text for a word that is its whole token, into the arena
**               for the parts of a contraction ("dem").
**   lemma       NUL-terminated lemma (in the arena or the model's mapping),
**               NULL until tagged.
**   upos        enum lb_upos.
**   xpos        language-specific tag (STTS "APPRART", PTB "NNS") as a
**               NUL-terminated string, NULL when none.
**   feats       the UD features (Case, Number, Gender, Person, Tense, Mood,
**               VerbForm, Voice, Degree, PronType, Polarity, ...) packed as
**               bit fields; the layout is the syntax layer's (src/syntax/
**               syntax.h, lb_ufeat_get); 0 = none.
**   featstr     the same as the FEATS column of CoNLL-U ("Case=Nom|
**               Number=Sing", "_" for none; every feature the model knows),
**               NULL until tagged.
**   head        index into words of the head word, an absolute index (not
**               1-based within the sentence as in CoNLL-U: head - word0 + 1
**               is that), -1 for the sentence's root and until parsed.
**   kid, sib    the tree the other way: the first child (in text order) and
**               the next sibling, absolute indexes, -1 for none (syntax/tree.h
**               walks them).
**   deprel      UD v2 relation with its subtype ("nsubj", "nsubj:pass",
**               "obl:agent", "compound:prt"), a NUL-terminated string owned
**               by the syntax layer, NULL until parsed.
**   flags       LB_WF_* below.
*/
typedef struct lb_word {
  uint32_t start, end;
  uint32_t tok;
  uint32_t sent;
  const char *form;
  uint32_t formlen;
  int32_t head;
  int32_t kid, sib;
  uint64_t feats;
  const char *featstr;
  const char *lemma;
  const char *xpos;
  const char *deprel;
  uint8_t upos;
  uint8_t flags;
} lb_word;

enum lb_word_flag {
  LB_WF_MWT = 1 << 0 /* one of the words of a multiword token (contraction) */
};

/* ---- the text layer ---- */

typedef struct lb_text {
  lb_arena *arena;  /* everything below lives here */
  const char *text; /* repaired text, same length as the input */
  uint32_t len;
  const char *lang;         /* ISO 639-1, or NULL (no letters) */
  uint8_t lang_given;       /* the caller gave lang: the "text" stage keeps it */
  const struct lb_lex *lex; /* the lexicon, NULL for a text-only engine */
  const struct lb_syntax *syn; /* the syntax models (syntax/syntax.h), NULL for none */

  LB_VEC(lb_tok) toks;
  LB_VEC(lb_sent) sents;
  LB_VEC(lb_word) words; /* empty until the syntax stage */
  LB_VEC(const char *) warnings;
  struct lb_lexdoc *lexdoc; /* per token: its key's lexicon entry (lex/lexdoc.c),
                               NULL until the "lexicon" stage */
} lb_text;

/* Set tx->text to an arena copy of s[0..n), repaired (base/utf8.h), with a
** warning per replaced run and its byte offset (the first 16 runs, then a
** count). tx->arena must be set; n < 4 GiB. */
void lb_text_set(lb_text *tx, const char *s, size_t n);

/* Append a warning (printf format) to tx->warnings. */
void lb_text_warn(lb_text *tx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* The sentence index that holds byte offset off, or -1. */
int32_t lb_text_sentence_at(const lb_text *tx, uint32_t off);

/* The word that starts at byte offset off, or -1 (words are in text order;
** the two words of a contraction share their start: the first). */
int32_t lb_text_word_at(const lb_text *tx, uint32_t off);

/* Arena copy of text[start..end) (clipped to the text). */
char *lb_text_span(const lb_text *tx, uint32_t start, uint32_t end);

#endif
