/*
** tok.h -- the tokenizer for German and English news text.
**
** Input: a repaired UTF-8 buffer (utf8.c). Output: tokens with byte spans and
** a kind, appended to a vector. The tokenizer knows German number formats
** ("50.000", "1,5"), ordinals ("11." in "11. November"), dates ("9.11.2024"),
** hyphenated compounds ("US-Beamte", "Russland-Nordkorea-Allianz"), quotes
** („…“ "…" »…« with open/close), dashes, abbreviations ("z. B.", "Dr.",
** "Mio."), URLs and e-mail addresses. It does not split sentences (sent.c)
** and does not look words up (lexicon stage).
**
** This is the hot path of the whole engine; it is a hand-written byte loop
** with an ASCII fast path and utf8proc's category table for other scripts.
*/
#ifndef LB_TOK_H
#define LB_TOK_H

#include <stddef.h>
#include <stdint.h>

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
  LB_TOK_SYM       /* % € $ § & + = / and anything else */
};

enum lb_tok_flag {
  LB_TF_CAP = 1 << 0,    /* first letter upper case */
  LB_TF_UPPER = 1 << 1,  /* all letters upper case, at least two letters */
  LB_TF_HYPH = 1 << 2,   /* contains a hyphen joining parts */
  LB_TF_SPACE = 1 << 3,  /* white space before the token */
  LB_TF_NL = 1 << 4,     /* a line break before the token */
  LB_TF_PARA = 1 << 5,   /* a blank line (or more) before the token */
  LB_TF_OPEN = 1 << 6,   /* opening quote */
  LB_TF_CLOSE = 1 << 7,  /* closing quote */
  LB_TF_DIGIT = 1 << 8,  /* a word that contains digits ("G7", "24-Stunden") */
  LB_TF_COLON = 1 << 9,  /* a number with a colon: 14:30, 2:1 */
  LB_TF_NONASCII = 1 << 10, /* contains bytes >= 0x80 */
  LB_TF_FINAL = 1 << 11, /* abbreviation that may end a sentence (usw., etc.) */
  LB_TF_SUB = 1 << 12    /* contains a replaced invalid byte */
};

typedef struct lb_tok {
  uint32_t start, end;   /* byte span, end exclusive */
  uint16_t kind;         /* enum lb_tok_kind */
  uint16_t flags;        /* enum lb_tok_flag */
  uint32_t normlen;      /* length of norm, set by lb_tok_norm_all */
  const char *norm;      /* case-folded NFC key, NULL until normalised */
} lb_tok;

struct lb_doc;

/* Tokenize d->text[0..d->len) into d->toks. */
void lb_tok_run(struct lb_doc *d);

/* Fill tok->norm for every word-like token (lexicon keys). Idempotent. */
void lb_tok_norm_all(struct lb_doc *d);

/* Name of a token kind ("word", "num", ...), for tests and debugging. */
const char *lb_tok_kind_name(int kind);

/*
** Callback form for tools that have no lb_doc (the lexicon compiler):
** tokenize s[0..n) and call fn for every token. Returns the token count.
*/
typedef void (*lb_tok_fn)(void *ctx, const lb_tok *t);
size_t lb_tok_each(const char *s, size_t n, lb_tok_fn fn, void *ctx);

#endif
