/*
** norm.c -- matching keys (NFC + case folding) and UTF-8 helpers.
**
** The fast path matters (fast_key): most tokens in German news are ASCII or
** Latin-1 letters, and calling utf8proc_map (which allocates) for each would
** cost more than the whole tokenizer. Measured on the bench corpus: ~4x
** faster key building for ASCII alone.
*/
#include "norm.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

int lb_utf8_decode(const unsigned char *s, size_t n, int32_t *cp) {
  utf8proc_int32_t c;
  utf8proc_ssize_t k = utf8proc_iterate(s, (utf8proc_ssize_t)(n > 4 ? 4 : n), &c);
  if (k <= 0) {
    *cp = 0xFFFD;
    return 1;
  }
  *cp = c;
  return (int)k;
}

int lb_uc_is_letter(int32_t cp) {
  if (cp < 0x80)
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  utf8proc_category_t c = utf8proc_category(cp);
  return c >= UTF8PROC_CATEGORY_LU && c <= UTF8PROC_CATEGORY_ME;
}

int lb_uc_is_upper(int32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  utf8proc_category_t c = utf8proc_category(cp);
  return c == UTF8PROC_CATEGORY_LU || c == UTF8PROC_CATEGORY_LT;
}

int lb_uc_is_punct(int32_t cp) {
  utf8proc_category_t c = utf8proc_category(cp);
  return c >= UTF8PROC_CATEGORY_PC && c <= UTF8PROC_CATEGORY_PO;
}

int lb_uc_is_lower(int32_t cp) {
  if (cp < 0x80) return cp >= 'a' && cp <= 'z';
  return utf8proc_category(cp) == UTF8PROC_CATEGORY_LL;
}

/*
** The fast path: ASCII and the Latin-1 letters (U+00C0..U+00FF, two bytes
** C3 xx), which is nearly every German token ("für", "Präsident", "Straße").
** Such a string is already NFC (these letters are precomposed starters that
** compose with nothing before them), and full case folding maps A-Z and
** U+00C0..U+00DE (not U+00D7) one to one and U+00DF "ß" to "ss" -- the same
** length in bytes. Anything else (combining marks, other scripts, U+00B5)
** returns -1 and takes utf8proc. Measured with perf on 5 MB of the bench
** corpus: utf8proc_map was ~6% of a `--stages places` run.
*/
/* The folded key of the Latin-1 letter C3 d (d in 80..BF) at p[0..2). */
static inline void latin1_pair(char *p, unsigned char d) {
  if (d == 0x9F) { /* ß -> ss */
    p[0] = 's';
    p[1] = 's';
  } else {
    p[0] = (char)0xC3;
    p[1] = (char)(d <= 0x9E && d != 0x97 ? d + 0x20 : d);
  }
}

static long latin1_key(const char *s, size_t n, char *p) {
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c < 0x80) {
      p[i] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : (char)c;
      continue;
    }
    if (c != 0xC3 || i + 1 >= n) return -1;
    unsigned char d = (unsigned char)s[i + 1];
    if (d < 0x80 || d > 0xBF) return -1;
    latin1_pair(p + i, d);
    i++;
  }
  return (long)n;
}

/*
** Pure ASCII, the common case, 8 bytes at a time (SWAR): a byte b < 0x80 is
** in 'A'..'Z' when b + (0x80 - 'A') has its top bit set and b + (0x80 - 'Z'
** - 1) has not; no sum carries into the next byte as b < 0x80. That top bit
** shifted down by 2 is 0x20, the case bit. Keys of fewer than 8 bytes take
** two overlapping loads of 4 bytes (4..7) or of 2 (2..3), so
** nothing is read or written outside s[0..n) and p[0..n). Returns 0, with p
** partly written, when a byte is not ASCII; latin1_key then starts over
** (~10% of the keys). Measured with callgrind (--stages places, 1m.jsonl,
** 200,000 keys of ~6 bytes): lb_norm_key_arena took ~105 instructions a key
** (plus lb_arena_alloc's), ~62 with this (the slow path moved out too).
*/
#define ONES 0x0101010101010101ULL
#define HIGH (ONES * 0x80)

/* (the 8-byte step is lb_norm_lower8, norm.h: inline for lb_tok_norm_all) */

static inline int ascii_key(const char *s, size_t n, char *p) {
  uint64_t x;
  if (n >= 8) {
    size_t i = 0;
    for (; i + 8 < n; i += 8) {
      memcpy(&x, s + i, 8);
      if (x & HIGH) return 0;
      x = lb_norm_lower8(x);
      memcpy(p + i, &x, 8);
    }
    memcpy(&x, s + n - 8, 8); /* the last 8, overlapping the loop's */
    if (x & HIGH) return 0;
    x = lb_norm_lower8(x);
    memcpy(p + n - 8, &x, 8);
    return 1;
  }
  if (n >= 4) {
    uint32_t a, b;
    memcpy(&a, s, 4);
    memcpy(&b, s + n - 4, 4);
    x = a | (uint64_t)b << 32;
    if (x & HIGH) return 0;
    x = lb_norm_lower8(x);
    a = (uint32_t)x;
    b = (uint32_t)(x >> 32);
    memcpy(p, &a, 4);
    memcpy(p + n - 4, &b, 4);
    return 1;
  }
  if (n >= 2) { /* "in", "der": 2 or 3 bytes are a third of the keys */
    uint16_t a, b;
    memcpy(&a, s, 2);
    memcpy(&b, s + n - 2, 2);
    x = a | (uint64_t)b << 16;
    if (x & HIGH) return 0;
    x = lb_norm_lower8(x);
    a = (uint16_t)x;
    b = (uint16_t)(x >> 16);
    memcpy(p, &a, 2);
    memcpy(p + n - 2, &b, 2);
    return 1;
  }
  if (n == 1) {
    unsigned char c = (unsigned char)s[0];
    if (c >= 0x80) return 0;
    p[0] = (char)((unsigned)c - 'A' < 26u ? c + 32 : c);
  }
  return 1;
}

const uint64_t lb_norm_mask[24] = {
    0, 0, 0, 0, 0, 0, 0, 0,
    0, 0xFF, 0xFFFF, 0xFFFFFF, 0xFFFFFFFF, 0xFFFFFFFFFF, 0xFFFFFFFFFFFF, 0xFFFFFFFFFFFFFF,
    ~0ULL, ~0ULL, ~0ULL, ~0ULL, ~0ULL, ~0ULL, ~0ULL, ~0ULL};
#define TAIL_MASK (lb_norm_mask + 8) /* [k]: the low k bytes set, k = 0..7 */

/*
** lb_norm_key_block (norm.h) from byte i on (i is a character boundary: the
** bytes before are keyed ASCII), 8 bytes a step. A step with a byte >= 0x80
** lowers and stores the ASCII bytes before the first one (the others zeroed
** first: in lb_norm_lower8's sums they could carry), then the pair there
** must be C3 80..BF, folded as latin1_key does (latin1_pair), and the next
** step starts after the pair: one pass, where fast_key keys a Latin-1 word
** twice. Reads s[i .. n+8), writes p[i .. n+8). (Keying a whole step of Latin-1 pairs by SWAR,
** with equality masks for C3, 97 and 9F, cost more: 2.38M instructions
** against 1.73M for the 19,416 Latin-1 keys of 1m.jsonl, most with one pair.)
*/
int lb_norm_key_block_rest(const char *s, size_t n, char *p, size_t i) {
  for (;;) {
    uint64_t x, h;
    size_t left = n - i;
    memcpy(&x, s + i, 8);
    if (left < 8) x &= TAIL_MASK[left];
    h = x & HIGH;
    if (!h) {
      x = lb_norm_lower8(x);
      memcpy(p + i, &x, 8);
      if (left < 8) return 1;
      i += 8;
      continue;
    }
    unsigned k = (unsigned)__builtin_ctzll(h) >> 3; /* the first byte >= 0x80 */
    size_t j = i + k;                                /* < n: the mask keeps it */
    x = lb_norm_lower8(x & TAIL_MASK[k]);
    memcpy(p + i, &x, 8);
    unsigned char d = (unsigned char)s[j + 1]; /* j + 1 <= n: readable */
    if ((unsigned char)s[j] != 0xC3 || j + 1 >= n || (d & 0xC0) != 0x80) return 0;
    latin1_pair(p + j, d);
    i = j + 2;
  }
}

static inline int fast_key(const char *s, size_t n, char *p) {
  return ascii_key(s, n, p) || latin1_key(s, n, p) >= 0;
}

void lb_norm_key(lb_buf *out, const char *s, size_t n) {
  lb_buf_reserve(out, n);
  if (fast_key(s, n, out->p + out->n)) {
    out->n += n;
    out->p[out->n] = 0;
    return;
  }
  size_t i;
  utf8proc_uint8_t *dst = NULL;
  utf8proc_ssize_t k = utf8proc_map((const utf8proc_uint8_t *)s, (utf8proc_ssize_t)n,
                                    &dst,
                                    UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STABLE);
  if (k < 0) {
    /* not valid UTF-8 (cannot happen after repair): fold ASCII bytes only */
    lb_buf_reserve(out, n);
    for (i = 0; i < n; i++) {
      char c = s[i];
      out->p[out->n++] = (c >= 'A' && c <= 'Z') ? (char)(c + 32) : c;
    }
    out->p[out->n] = 0;
    return;
  }
  lb_buf_add(out, dst, (size_t)k);
  free(dst);
}

/* Not Latin-1: through utf8proc (kept out of lb_norm_key_arena, whose fast
** path then saves and restores fewer registers). */
static __attribute__((noinline)) char *slow_key_arena(lb_arena *a, const char *s, size_t n,
                                                      uint32_t *outlen) {
  lb_buf b = LB_BUF_INIT;
  lb_norm_key(&b, s, n);
  char *q = lb_arena_strndup(a, b.p ? b.p : "", b.n);
  *outlen = (uint32_t)b.n;
  lb_buf_free(&b);
  return q;
}

int lb_norm_key_fast(const char *s, size_t n, char *p) { return fast_key(s, n, p); }

char *lb_norm_key_arena(lb_arena *a, const char *s, size_t n, uint32_t *outlen) {
  char *p = lb_arena_alloc(a, n + 1);
  if (!fast_key(s, n, p)) return slow_key_arena(a, s, n, outlen);
  p[n] = 0;
  *outlen = (uint32_t)n;
  return p;
}
