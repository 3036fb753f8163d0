/*
** json.c -- JSON writer (see json.h).
*/
#include "json.h"

#include "utf8.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

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
** little-endian words (the first byte is the lowest), as tok.c does.
** Writes s[0..n) and the closing quote at o (after the opening one); with b,
** o is in b, which has room for the quote, a NUL and 8 bytes of slack past
** the bytes left, and grows for an escape; without, the caller reserved
** LB_JSON_STR_ROOM(n) (6 bytes a byte) and there is no check. */
static inline __attribute__((always_inline)) char *str_body(lb_buf *b, char *o,
                                                            const unsigned char *s, size_t n) {
  static const char hex[] = "0123456789abcdef";
  size_t i = 0;
  while (i < n) {
    uint64_t w, hit;
    if (i + 8 <= n) {
      memcpy(&w, s + i, 8);
      memcpy(o, &w, 8);
      hit = lb_json_special8(w);
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
      hit = lb_json_special8(w) & ((1ULL << (8 * r)) - 1);
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
    if (b) {
      b->n = (size_t)(o - b->p);
      lb_buf_reserve(b, n - i + 15);
      o = b->p + b->n;
    }
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
  return o;
}

void lb_json_str(lb_buf *b, const char *str, size_t n) {
  /* room for the quotes, the NUL and 8 bytes of slack: at the top of the
  ** loop, o has at least n - i + 10 bytes of room */
  lb_buf_reserve(b, n + 10);
  char *o = lb_json_put_short(b->p + b->n, str, n);
  if (!o) o = str_body(b, b->p + b->n + 1, (const unsigned char *)str, n);
  *o = 0;
  b->n = (size_t)(o - b->p);
}

char *lb_json_put_str_slow(char *o, const char *s, size_t n) {
  *o++ = '"';
  return str_body(NULL, o, (const unsigned char *)s, n);
}

void lb_json_cstr(lb_buf *b, const char *s) {
  if (!s)
    lb_buf_add(b, "null", 4);
  else
    lb_json_str(b, s, strlen(s));
}

/* Fast path (lat/lon, scores: printf and sscanf below were 4% of
** extraction): the fewest decimals k <= 8 whose rounding r / 10^k gives v
** back exactly. r and 10^k are exact doubles and division rounds
** correctly, so that is what strtod makes of the digits; below 1e6 the
** decimals are far coarser than v's precision, so it is also what %g
** prints, and the output is the same as the loop's. The digits: the integer
** part, then 10^k + the k decimals, whose leading 1 the point overwrites
** (with a digit a step and a call of nearbyint, a number cost 222
** instructions, now 147: callgrind, 1m.jsonl, --stages places). */
char *lb_json_put_num(char *o, double v) {
  if (!isfinite(v)) {
    memcpy(o, "null", 4);
    return o + 4;
  }
  if (v == floor(v) && fabs(v) < 9007199254740992.0) return lb_json_put_int(o, (int64_t)v);
  static const double P10[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8};
  static const uint64_t U10[] = {1,      10,      100,      1000,     10000,
                                 100000, 1000000, 10000000, 100000000};
  double a = fabs(v);
  if (a >= 1e-4 && a < 1e6) {
    for (int k = 1; k <= 8; k++) {
      /* nearbyint without the call: below 2^52 (a * 10^k < 1e14), adding
      ** and taking away 2^52 rounds to an integer the same way, to nearest
      ** with ties to even (SSE2 doubles on x86-64; the product is rounded
      ** first, a statement of its own, never fused into an FMA) */
      double x = a * P10[k];
      double r = (x + 0x1p52) - 0x1p52;
      if (r / P10[k] != a) continue;
      uint64_t u = (uint64_t)r; /* < 1e14: the integer part < 1e6 */
      if (v < 0) *o++ = '-';
      o = lb_json_put_u32(o, (uint32_t)(u / U10[k]));
      lb_json_put_u32(o, (uint32_t)(U10[k] + u % U10[k]));
      *o = '.';
      return o + k + 1;
    }
  }
  char tmp[64];
  for (int prec = 6; prec <= 17; prec++) {
    snprintf(tmp, sizeof tmp, "%.*g", prec, v);
    double back;
    if (sscanf(tmp, "%lf", &back) == 1 && back == v) break;
  }
  size_t n = strlen(tmp);
  memcpy(o, tmp, n);
  return o + n;
}

void lb_json_num(lb_buf *b, double v) {
  lb_buf_reserve(b, LB_JSON_NUM_ROOM);
  char *o = lb_json_put_num(b->p + b->n, v);
  *o = 0;
  b->n = (size_t)(o - b->p);
}

/* Integers are most of what a picture holds (offsets); printf cost 9% of the
** text pipeline's time in the bench, so they are formatted by hand
** (lb_json_put_u64 in json.h). */
void lb_json_int(lb_buf *b, int64_t v) {
  lb_buf_reserve(b, LB_JSON_INT_ROOM);
  char *o = lb_json_put_int(b->p + b->n, v);
  *o = 0;
  b->n = (size_t)(o - b->p);
}

void lb_json_span(lb_buf *b, uint32_t start, uint32_t end) {
  lb_buf_reserve(b, 23);
  char *o = b->p + b->n;
  *o++ = '[';
  o = lb_json_put_u32(o, start);
  *o++ = ',';
  o = lb_json_put_u32(o, end);
  *o++ = ']';
  *o = 0;
  b->n = (size_t)(o - b->p);
}

void lb_json_key(lb_buf *b, const char *k) {
  lb_json_str(b, k, strlen(k));
  lb_buf_addc(b, ':');
}
