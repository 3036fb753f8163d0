/*
** json.h -- a small JSON writer into an lb_buf.
**
** Writing JSON is on the hot path (every document's picture), so it is our own
** code: escaping is one pass over the bytes. Reading JSON (input documents,
** data files) goes through jansson instead (read/input.c).
**
** Strings are written so that the output is valid UTF-8 JSON for every input:
** control characters are escaped, the SUB byte 0x1A that utf8.c puts in place
** of invalid input bytes becomes U+FFFD, and any byte sequence that is still
** not valid UTF-8 is written as U+FFFD per byte.
*/
#ifndef LB_JSON_H
#define LB_JSON_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "buf.h"

void lb_json_str(lb_buf *b, const char *s, size_t n); /* "..." escaped */
void lb_json_cstr(lb_buf *b, const char *s);          /* NULL -> null */
void lb_json_num(lb_buf *b, double v);                /* shortest round-trip-ish, integers exact */
void lb_json_int(lb_buf *b, int64_t v);
void lb_json_key(lb_buf *b, const char *k);           /* "k": */
void lb_json_span(lb_buf *b, uint32_t start, uint32_t end); /* [start,end] */

/* The same output written at a cursor o into room the caller reserved before
** (picture.c: one reservation per field or record, not one per piece); each
** returns the end of what it wrote and writes no NUL. Room needed: */
#define LB_JSON_STR_ROOM(n) (6 * (size_t)(n) + 10) /* 6 bytes a byte escaped, quotes, slack */
#define LB_JSON_INT_ROOM 20
#define LB_JSON_NUM_ROOM 32

char *lb_json_put_str_slow(char *o, const char *s, size_t n);
char *lb_json_put_num(char *o, double v);

/* The high bit of each byte of w that must not be copied as it is: a
** control byte (< 0x20), '"', '\\', or a byte >= 0x80 (UTF-8, checked
** apart). A borrow only starts at a byte that is itself one of these, so the
** lowest flagged byte is exact, and w has none iff this is 0. */
static inline uint64_t lb_json_special8(uint64_t w) {
  const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
  uint64_t q = w ^ (ones * '"'), k = w ^ (ones * '\\');
  return ((q - ones) | (k - ones) | (w - ones * 0x20) | w) & high;
}

/* A string of at most 24 plain bytes (ASCII, nothing to escape) with its
** quotes, by loads that overlap and no loop; NULL (and o[0] written) when
** n > 24 or a byte needs a look. 95% of a picture's strings are that short
** and plain (keys aside), 60% at most 8 bytes ("GPE", "DEU", "lex:cldr"),
** 13% 17 to 24 ("guess:capitalised"). Through the loop of
** lb_json_put_str_slow, a string cost 98 instructions, now about 30. */
static inline char *lb_json_put_short(char *o, const char *str, size_t n) {
  const unsigned char *s = (const unsigned char *)str;
  o[0] = '"';
  if (n >= 8) {
    if (n > 24) return NULL;
    uint64_t a, m, z;
    memcpy(&a, s, 8);
    memcpy(&z, s + n - 8, 8);
    m = a; /* up to 16 bytes: a again, stored past the end (room for 17) */
    if (n > 16) memcpy(&m, s + 8, 8);
    if (lb_json_special8(a) | lb_json_special8(m) | lb_json_special8(z)) return NULL;
    memcpy(o + 1, &a, 8);
    memcpy(o + 9, &m, 8);
    memcpy(o + 1 + n - 8, &z, 8);
  } else if (n >= 4) {
    uint32_t a, z;
    memcpy(&a, s, 4);
    memcpy(&z, s + n - 4, 4);
    if (lb_json_special8(a | (uint64_t)z << 32)) return NULL;
    memcpy(o + 1, &a, 4);
    memcpy(o + 1 + n - 4, &z, 4);
  } else if (n) { /* first, middle, last byte; the other five 'a' */
    unsigned a = s[0], m = s[n >> 1], z = s[n - 1];
    if (lb_json_special8(a | m << 8 | (uint64_t)z << 16 | 0x6161616161000000ULL)) return NULL;
    o[1] = (char)a;
    o[1 + (n >> 1)] = (char)m;
    o[n] = (char)z;
  }
  o[n + 1] = '"';
  return o + n + 2;
}

/* "..." escaped, as lb_json_str; room LB_JSON_STR_ROOM(n) */
static inline char *lb_json_put_str(char *o, const char *s, size_t n) {
  char *e = lb_json_put_short(o, s, n);
  return e ? e : lb_json_put_str_slow(o, s, n);
}

/* "00" to "99" */
static inline const char *lb_json_d2(void) {
  static const char D2[] = "00010203040506070809101112131415161718192021222324"
                           "25262728293031323334353637383940414243444546474849"
                           "50515253545556575859606162636465666768697071727374"
                           "75767778798081828384858687888990919293949596979899";
  return D2;
}

/* The decimal digits of u written at o; returns the end. The length comes
** from the bit length (log10 2 ~ 1233 / 4096) and one compare, the digits
** two a step from a table, in 32 bits once u fits, straight into the buffer.
** Offsets are most of a picture's numbers: a digit a step into a stack copy,
** lb_json_int and lb_json_span cost 3.4M of extraction's 300M instructions,
** now 1.8M (callgrind, 1m.jsonl, --stages places). */
static inline char *lb_json_put_u64(char *o, uint64_t u) {
  static const uint64_t P10[20] = {1ULL,
                                   10ULL,
                                   100ULL,
                                   1000ULL,
                                   10000ULL,
                                   100000ULL,
                                   1000000ULL,
                                   10000000ULL,
                                   100000000ULL,
                                   1000000000ULL,
                                   10000000000ULL,
                                   100000000000ULL,
                                   1000000000000ULL,
                                   10000000000000ULL,
                                   100000000000000ULL,
                                   1000000000000000ULL,
                                   10000000000000000ULL,
                                   100000000000000000ULL,
                                   1000000000000000000ULL,
                                   10000000000000000000ULL};
  const char *D2 = lb_json_d2();
  size_t t = ((size_t)(64 - __builtin_clzll(u | 1)) * 1233) >> 12; /* 0..19 */
  char *e = o + t + 1 - ((u | 1) < P10[t]), *p = e;
  while (u > 0xFFFFFFFFu) {
    p -= 2;
    memcpy(p, D2 + 2 * (u % 100), 2);
    u /= 100;
  }
  uint32_t v = (uint32_t)u;
  while (v >= 100) {
    p -= 2;
    memcpy(p, D2 + 2 * (v % 100), 2);
    v /= 100;
  }
  if (v >= 10)
    memcpy(p - 2, D2 + 2 * v, 2);
  else
    p[-1] = (char)('0' + v);
  return e;
}

/* v < 10000, without its leading zeros */
static inline char *lb_json_put_4(char *o, uint32_t v) {
  const char *D2 = lb_json_d2();
  if (v < 100) {
    if (v < 10) {
      *o = (char)('0' + v);
      return o + 1;
    }
    memcpy(o, D2 + 2 * v, 2);
    return o + 2;
  }
  uint32_t hi = v / 100, lo = v % 100;
  if (hi < 10)
    *o++ = (char)('0' + hi);
  else {
    memcpy(o, D2 + 2 * hi, 2);
    o += 2;
  }
  memcpy(o, D2 + 2 * lo, 2);
  return o + 2;
}

/* An offset: up to 8 digits by compares and two pairs at a time, no
** length computation or loop. Offsets into a document are 1 to 5 digits;
** through lb_json_put_u64 one cost 38 instructions, now about 18 (callgrind,
** 1m.jsonl, --stages places: 33K offsets). */
static inline char *lb_json_put_u32(char *o, uint32_t v) {
  if (v < 10000) return lb_json_put_4(o, v);
  if (v >= 100000000) return lb_json_put_u64(o, v);
  const char *D2 = lb_json_d2();
  uint32_t lo = v % 10000;
  o = lb_json_put_4(o, v / 10000);
  memcpy(o, D2 + 2 * (lo / 100), 2);
  memcpy(o + 2, D2 + 2 * (lo % 100), 2);
  return o + 4;
}

/* lb_json_int at a cursor; room LB_JSON_INT_ROOM */
static inline char *lb_json_put_int(char *o, int64_t v) {
  if ((uint64_t)v <= 0xFFFFFFFFu) return lb_json_put_u32(o, (uint32_t)v);
  if (v < 0) *o++ = '-';
  return lb_json_put_u64(o, v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v);
}

#endif
