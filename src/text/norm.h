/*
** norm.h -- normalisation keys for matching: NFC + Unicode case folding.
**
** Every lexicon key and every token's lookup key go through lb_norm_key, so
** "Ä" (U+00C4) and "A"+U+0308 match, and "Russland", "RUSSLAND" and
** "russland" meet in one key. German ß folds to "ss" (Unicode case folding).
** ASCII-only input takes a fast path (a byte loop); anything else goes through
** utf8proc (utf8proc_map with COMPOSE|CASEFOLD|STABLE).
** Also: small UTF-8 helpers used across the text layer.
*/
#ifndef LB_NORM_H
#define LB_NORM_H

#include <stddef.h>
#include <stdint.h>

#include "../base/arena.h"
#include "../base/buf.h"

/* Append the key of s[0..n) to out. Bytes 0x1A (replaced input) are kept. */
void lb_norm_key(lb_buf *out, const char *s, size_t n);
/* Arena copy of the key; *outlen gets its length. */
char *lb_norm_key_arena(lb_arena *a, const char *s, size_t n, uint32_t *outlen);
/* The fast path of the two above: when s[0..n) is ASCII or Latin-1 letters
** (most words), writes its key of exactly n bytes to p (no NUL) and returns
** 1; else returns 0 (p partly written: use lb_norm_key_arena). */
int lb_norm_key_fast(const char *s, size_t n, char *p);

/* Decode one code point at s (n bytes left); returns bytes used (>=1).
** Invalid sequences yield U+FFFD and 1. */
int lb_utf8_decode(const unsigned char *s, size_t n, int32_t *cp);

/* Is cp a letter (L*), a digit (Nd), an upper-case letter (Lu/Lt)? */
int lb_uc_is_letter(int32_t cp);
int lb_uc_is_upper(int32_t cp);
int lb_uc_is_lower(int32_t cp);

#endif
