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

#include "../picture/doc.h"

#define LB_UTF8_MAX_WARN 16

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

static size_t ascii_run(const unsigned char *s, size_t n) {
  size_t i = 0;
  while (i + 8 <= n) {
    uint64_t w;
    memcpy(&w, s + i, 8);
    /* any byte >= 0x80, or any zero byte, stops the fast path */
    if ((w & 0x8080808080808080ULL) ||
        ((w - 0x0101010101010101ULL) & ~w & 0x8080808080808080ULL))
      break;
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

void lb_utf8_repair(lb_doc *d, const char *str, size_t n) {
  char *out = lb_arena_alloc(d->arena, n + 1);
  memcpy(out, str, n);
  out[n] = 0;
  d->text = out;
  d->len = (uint32_t)n;
  unsigned char *s = (unsigned char *)out;
  size_t i = 0, runs = 0;
  while (i < n) {
    i += ascii_run(s + i, n - i);
    if (i >= n) break;
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
    if (++runs <= LB_UTF8_MAX_WARN)
      lb_doc_warn(d, "%s at byte %zu (%zu byte%s replaced)",
                  nul ? "NUL byte" : "invalid UTF-8", r0, i - r0,
                  i - r0 == 1 ? "" : "s");
  }
  if (runs > LB_UTF8_MAX_WARN)
    lb_doc_warn(d, "invalid UTF-8: %zu more runs replaced", runs - LB_UTF8_MAX_WARN);
}
