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

/*
** lb_norm_key_fast for a caller that keys many tokens into one block
** (lb_tok_norm_all): inline, and a key of fewer than 16 bytes (94% of them)
** in two 8-byte steps with no loop and no branch on its length, the NUL
** written with them. It reads s[0 .. max(16, n+8)) and writes p[0 .. max(16,
** n+8)): the key, its NUL and zero bytes after it (room the next key
** overwrites). Returns 1 when key and NUL are written, 0 when the key needs
** utf8proc (p partly written). The keys are fast_key's (norm.c).
**
** Bytes past n are masked to 0 (lb_norm_mask), out of the test and out of
** the key: 0 stays 0 and is the NUL. A key with a byte >= 0x80 (Latin-1
** letters, or utf8proc's) or of 16 bytes or more goes to the out-of-line
** lb_norm_key_block_rest. Measured with callgrind (--stages places,
** 1m.jsonl, 200,824 keys): lb_tok_norm_all with lb_norm_key_fast took 14.4M
** instructions, 12.2M with this; with perf (cpu-clock, --stages places on
** 25m.jsonl) key building fell from ~6.3% of the time to ~3.1%. A loop of
** 8-byte steps (a branch on n < 8, mispredicted for a third of the keys)
** took 12.1M instructions but ~4.0% of the time.
*/
#if __BYTE_ORDER__ != __ORDER_LITTLE_ENDIAN__
#error "lb_norm_key_block assumes a little-endian machine"
#endif
/* [k]: the low min(max(k - 8, 0), 8) bytes set, k = 0..23 */
extern const uint64_t lb_norm_mask[24];
int lb_norm_key_block_rest(const char *s, size_t n, char *p, size_t i);

/* 'A'..'Z' to lower case in 8 bytes < 0x80 at once (norm.c has the why; the
** top bits of x + 0x3F and x + 0x25 differ just for 'A'..'Z') */
static inline uint64_t lb_norm_lower8(uint64_t x) {
  const uint64_t ones = 0x0101010101010101ULL;
  return x | (((x + ones * (0x80 - 'A')) ^ (x + ones * (0x80 - 'Z' - 1))) & ones * 0x80) >> 2;
}

static inline int lb_norm_key_block(const char *s, size_t n, char *p) {
  const uint64_t high = 0x8080808080808080ULL;
  if (__builtin_expect(n < 16, 1)) {
    uint64_t x0, x1;
    __builtin_memcpy(&x0, s, 8);
    __builtin_memcpy(&x1, s + 8, 8);
    x0 &= lb_norm_mask[n + 8];
    x1 &= lb_norm_mask[n];
    if ((x0 | x1) & high) return lb_norm_key_block_rest(s, n, p, 0);
    x0 = lb_norm_lower8(x0);
    x1 = lb_norm_lower8(x1);
    __builtin_memcpy(p, &x0, 8);
    __builtin_memcpy(p + 8, &x1, 8);
    return 1;
  }
  return lb_norm_key_block_rest(s, n, p, 0);
}

/* Decode one code point at s (n bytes left); returns bytes used (>=1).
** Invalid sequences yield U+FFFD and 1. */
int lb_utf8_decode(const unsigned char *s, size_t n, int32_t *cp);

/* Is cp a letter (L*), a digit (Nd), an upper-case letter (Lu/Lt)? */
int lb_uc_is_letter(int32_t cp);
int lb_uc_is_upper(int32_t cp);
int lb_uc_is_lower(int32_t cp);
/* Is cp punctuation (Unicode P*: Pc Pd Ps Pe Pi Pf Po)? */
int lb_uc_is_punct(int32_t cp);

#endif
