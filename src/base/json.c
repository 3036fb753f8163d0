/*
** json.c -- JSON writer (see json.h).
*/
#include "json.h"

#include "../text/utf8.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* The high bit of each byte of w that must not be copied as it is: a
** control byte (< 0x20), '"', '\\', or a byte >= 0x80 (UTF-8, checked
** apart). A borrow only starts at a byte that is itself one of these, so the
** lowest flagged byte is exact, which is all the callers use. */
static inline uint64_t special8(uint64_t w) {
  const uint64_t ones = 0x0101010101010101ULL, high = 0x8080808080808080ULL;
  uint64_t q = w ^ (ones * '"'), k = w ^ (ones * '\\');
  return ((q - ones) | (k - ones) | (w - ones * 0x20) | w) & high;
}

/* s[0..r), 1 <= r <= 7, as the low bytes of a word, the others zero,
** without reading outside it: two 4-byte loads that overlap (equal bytes
** OR to themselves), or for r < 4 the first, middle and last byte. */
static inline uint64_t load_short(const unsigned char *s, size_t r) {
  if (r >= 4) {
    uint32_t lo, hi;
    memcpy(&lo, s, 4);
    memcpy(&hi, s + r - 4, 4);
    return lo | (uint64_t)hi << (8 * (r - 4));
  }
  return s[0] | (uint64_t)s[r >> 1] << (8 * (r >> 1)) | (uint64_t)s[r - 1] << (8 * (r - 1));
}

/* Strings are copied eight bytes a step: a word is stored whole and the
** output advances by its plain bytes only (so the buffer keeps 8 bytes of
** slack); the last 1..7 bytes are one word too (load_short, or a load that
** ends at the string's end). Byte by byte, the picture's values (keys
** aside: picture.c writes those as literals) cost 6.7M of extraction's 300M
** instructions, now 2.9M (callgrind, 1m.jsonl, --stages places). Relies on
** little-endian words (the first byte is the lowest), as tok.c does. */
void lb_json_str(lb_buf *b, const char *str, size_t n) {
  static const char hex[] = "0123456789abcdef";
  const unsigned char *s = (const unsigned char *)str;
  /* room for the quotes, the NUL and 8 bytes of slack: at the top of the
  ** loop, o has at least n - i + 10 bytes of room */
  lb_buf_reserve(b, n + 10);
  char *o = b->p + b->n;
  *o++ = '"';
  size_t i = 0;
  while (i < n) {
    uint64_t w, hit;
    if (i + 8 <= n) {
      memcpy(&w, s + i, 8);
      memcpy(o, &w, 8);
      hit = special8(w);
      if (!hit) {
        i += 8;
        o += 8;
        continue;
      }
    } else { /* the last 1..7 bytes */
      size_t r = n - i;
      if (n >= 8) {
        memcpy(&w, s + n - 8, 8);
        w >>= 8 * (8 - r);
      } else {
        w = load_short(s + i, r);
      }
      memcpy(o, &w, 8);
      hit = special8(w) & ((1ULL << (8 * r)) - 1);
      if (!hit) {
        o += r;
        break;
      }
    }
    size_t k = (size_t)__builtin_ctzll(hit) >> 3;
    i += k;
    o += k;
    unsigned c = s[i];
    if (c >= 0x80) {
      size_t m;
      if (c >= 0xC2 && c < 0xE0 && i + 1 < n && (s[i + 1] & 0xC0) == 0x80)
        m = 2; /* what lb_utf8_seq says, without the call (umlauts) */
      else
        m = lb_utf8_seq(s + i, n - i);
      if (m) { /* output as long as input: within the room */
        for (size_t j = 0; j < m; j++) o[j] = (char)s[i + j];
        o += m;
        i += m;
        continue;
      }
    }
    /* an escape: up to 6 bytes for 1 */
    b->n = (size_t)(o - b->p);
    lb_buf_reserve(b, n - i + 15);
    o = b->p + b->n;
    switch (c) {
    case '"': memcpy(o, "\\\"", 2); o += 2; break;
    case '\\': memcpy(o, "\\\\", 2); o += 2; break;
    case '\n': memcpy(o, "\\n", 2); o += 2; break;
    case '\r': memcpy(o, "\\r", 2); o += 2; break;
    case '\t': memcpy(o, "\\t", 2); o += 2; break;
    default:
      if (c < 0x20 && c != 0x1A) {
        memcpy(o, "\\u00", 4);
        o[4] = hex[c >> 4];
        o[5] = hex[c & 15];
      } else { /* SUB (a repaired byte) or invalid UTF-8 */
        memcpy(o, "\\ufffd", 6);
      }
      o += 6;
    }
    i++;
  }
  *o++ = '"';
  *o = 0;
  b->n = (size_t)(o - b->p);
}

void lb_json_cstr(lb_buf *b, const char *s) {
  if (!s)
    lb_buf_add(b, "null", 4);
  else
    lb_json_str(b, s, strlen(s));
}

void lb_json_num(lb_buf *b, double v) {
  if (!isfinite(v)) {
    lb_buf_add(b, "null", 4);
    return;
  }
  if (v == floor(v) && fabs(v) < 9007199254740992.0) {
    lb_json_int(b, (int64_t)v);
    return;
  }
  /* Fast path (lat/lon, scores: printf and sscanf below were 4% of
  ** extraction): the fewest decimals k <= 8 whose rounding r / 10^k gives v
  ** back exactly. r and 10^k are exact doubles and division rounds
  ** correctly, so that is what strtod makes of the digits; below 1e6 the
  ** decimals are far coarser than v's precision, so it is also what %g
  ** prints, and the output is the same as the loop's. */
  static const double P10[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};
  double a = fabs(v);
  if (a >= 1e-4 && a < 1e6) {
    for (int k = 1; k <= 8; k++) {
      double r = nearbyint(a * P10[k]);
      if (r / P10[k] != a) continue;
      uint64_t u = (uint64_t)r, ip = u / (uint64_t)P10[k], fp = u % (uint64_t)P10[k];
      char tmp[32];
      size_t i = sizeof tmp;
      for (int j = 0; j < k; j++, fp /= 10) tmp[--i] = (char)('0' + fp % 10);
      tmp[--i] = '.';
      do {
        tmp[--i] = (char)('0' + ip % 10);
        ip /= 10;
      } while (ip);
      if (v < 0) tmp[--i] = '-';
      lb_buf_add(b, tmp + i, sizeof tmp - i);
      return;
    }
  }
  char tmp[64];
  for (int prec = 6; prec <= 17; prec++) {
    snprintf(tmp, sizeof tmp, "%.*g", prec, v);
    double back;
    if (sscanf(tmp, "%lf", &back) == 1 && back == v) break;
  }
  lb_buf_adds(b, tmp);
}

/* The decimal digits of u written at o; returns the end. The length comes
** from the bit length (log10 2 ~ 1233 / 4096) and one compare, the digits
** two a step from a table, in 32 bits once u fits, straight into the buffer.
** Offsets are most of a picture's numbers: a digit a step into a stack copy,
** lb_json_int and lb_json_span cost 3.4M of extraction's 300M instructions,
** now 1.8M (callgrind, 1m.jsonl, --stages places). */
static inline char *put_dec(char *o, uint64_t u) {
  static const char D2[] = "00010203040506070809101112131415161718192021222324"
                           "25262728293031323334353637383940414243444546474849"
                           "50515253545556575859606162636465666768697071727374"
                           "75767778798081828384858687888990919293949596979899";
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

/* Integers are most of what a picture holds (offsets); printf cost 9% of the
** text pipeline's time in the bench, so they are formatted by hand. */
void lb_json_int(lb_buf *b, int64_t v) {
  lb_buf_reserve(b, 20);
  char *o = b->p + b->n;
  if (v < 0) *o++ = '-';
  o = put_dec(o, v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v);
  *o = 0;
  b->n = (size_t)(o - b->p);
}

void lb_json_span(lb_buf *b, uint32_t start, uint32_t end) {
  lb_buf_reserve(b, 23);
  char *o = b->p + b->n;
  *o++ = '[';
  o = put_dec(o, start);
  *o++ = ',';
  o = put_dec(o, end);
  *o++ = ']';
  *o = 0;
  b->n = (size_t)(o - b->p);
}

void lb_json_key(lb_buf *b, const char *k) {
  lb_json_str(b, k, strlen(k));
  lb_buf_addc(b, ':');
}
