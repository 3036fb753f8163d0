/*
** utf8.c -- UTF-8 validation and in-place repair (see utf8.h).
**
** Hand-written rather than utf8proc_iterate per code point: the check runs
** over every input byte, and the ASCII fast path (8 bytes per step) keeps it
** well under the tokenizer's cost.
*/
#include "utf8.h"

#include <stdint.h>
#include <string.h>

size_t lb_utf8_seq(const unsigned char *s, size_t n) {
  unsigned c = s[0];
  if (c < 0x80) return 1;
  if (c < 0xC2) return 0;
  if (c < 0xE0) return n >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
  if (c < 0xF0) {
    if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80) return 0;
    if (c == 0xE0 && s[1] < 0xA0) return 0; /* overlong */
    if (c == 0xED && s[1] >= 0xA0) return 0; /* surrogate */
    return 3;
  }
  if (c < 0xF5) {
    if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
        (s[3] & 0xC0) != 0x80)
      return 0;
    if (c == 0xF0 && s[1] < 0x90) return 0;
    if (c == 0xF4 && s[1] >= 0x90) return 0;
    return 4;
  }
  return 0;
}

/* Like lb_utf8_seq, but a NUL byte counts as invalid: the repair replaces it. */
static size_t seq_len(const unsigned char *s, size_t n) {
  return s[0] ? lb_utf8_seq(s, n) : 0;
}

#define ONES 0x0101010101010101ULL
#define HIGH (ONES * 0x80)

/* Length of the run of ASCII bytes but NUL at s. Eight bytes at a time, the
** first byte lowest: a byte >= 0x80 has its top bit set in w, a zero byte in
** w - ONES (it borrows), and a borrow only reaches the bytes after a zero
** byte. So the lowest top bit of (w | (w - ONES)) marks the first byte that
** stops the run, with no byte loop after it. Measured with callgrind
** (--stages places, 1m.jsonl): lb_utf8_repair with lb_utf8_seq 3.3M
** instructions before (a byte loop after the 8-byte steps, a call per
** non-ASCII letter), 2.45M with this, 16 bytes a step and the 2-byte
** shortcut below. */
static inline __attribute__((always_inline)) size_t ascii_run(const unsigned char *s,
                                                               size_t n) {
  size_t i = 0;
  /* 16 bytes a step: runs between non-ASCII letters are ~60 bytes long */
  while (i + 16 <= n) {
    uint64_t a, b;
    memcpy(&a, s + i, 8);
    memcpy(&b, s + i + 8, 8);
    uint64_t sa = (a | (a - ONES)) & HIGH, sb = (b | (b - ONES)) & HIGH;
    if (sa | sb) {
      if (sa) return i + ((unsigned)__builtin_ctzll(sa) >> 3);
      return i + 8 + ((unsigned)__builtin_ctzll(sb) >> 3);
    }
    i += 16;
  }
  if (i + 8 <= n) {
    uint64_t w;
    memcpy(&w, s + i, 8);
    uint64_t stop = (w | (w - ONES)) & HIGH;
    if (stop) return i + ((unsigned)__builtin_ctzll(stop) >> 3);
    i += 8;
  }
  while (i < n && s[i] && s[i] < 0x80) i++;
  return i;
}

size_t lb_utf8_valid_prefix(const char *str, size_t n) {
  const unsigned char *s = (const unsigned char *)str;
  size_t i = 0;
  while (i < n) {
    i += ascii_run(s + i, n - i);
    if (i >= n) break;
    size_t k = seq_len(s + i, n - i);
    if (!k) break;
    i += k;
  }
  return i;
}

size_t lb_utf8_repair(char *str, size_t n, lb_utf8_bad_fn bad, void *ctx) {
  unsigned char *s = (unsigned char *)str;
  size_t i = 0, runs = 0;
  while (i < n) {
    i += ascii_run(s + i, n - i);
    if (i >= n) break;
    /* two bytes C2..DF 80..BF (Latin-1 letters, most of what is not ASCII
    ** in German text) without the call */
    if ((unsigned)s[i] - 0xC2 < 0x1Eu && i + 1 < n && (s[i + 1] & 0xC0) == 0x80) {
      i += 2;
      continue;
    }
    size_t k = seq_len(s + i, n - i);
    if (k) {
      i += k;
      continue;
    }
    size_t r0 = i;
    int nul = 0;
    while (i < n && !seq_len(s + i, n - i)) {
      if (!s[i]) nul = 1;
      s[i++] = 0x1A;
    }
    runs++;
    if (bad) bad(ctx, r0, i - r0, nul);
  }
  return runs;
}
