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

#include "../doc/text.h" /* lb_tok, its kinds and flags */

/* Stage "tokens": tokenize tx->text[0..tx->len) into tx->toks. */
void lb_tok_run(lb_text *tx);

/* Stage "norm": fill tok->norm for every word-like token (the lexicon's
** keys). Reads toks; idempotent. */
void lb_tok_norm_all(lb_text *tx);

/* Name of a token kind ("word", "num", ...), for tests and debugging. */
const char *lb_tok_kind_name(int kind);

/*
** Callback form for tools that have no text layer (the lexicon compiler):
** tokenize s[0..n) and call fn for every token. Returns the token count.
*/
typedef void (*lb_tok_fn)(void *ctx, const lb_tok *t);
size_t lb_tok_each(const char *s, size_t n, lb_tok_fn fn, void *ctx);

#endif
