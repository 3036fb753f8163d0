/*
** fuzz_check.h -- checks shared by the fuzz targets (header only: every
** fuzz target is its own libFuzzer binary).
**
**   fz_utf8_valid(s, n)   strict UTF-8 (no overlongs, surrogates, > U+10FFFF)
**   fz_json_valid(s, n)   exactly one JSON value per RFC 8259, strict UTF-8,
**                         no raw control characters inside strings
**   FZ_ASSERT(cond)       abort with the condition and line when false
*/
#ifndef FZ_CHECK_H
#define FZ_CHECK_H

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define FZ_ASSERT(c)                                                                               \
  do {                                                                                             \
    if (!(c)) {                                                                                    \
      fprintf(stderr, "%s:%d: assertion failed: %s\n", __FILE__, __LINE__, #c);                    \
      abort();                                                                                     \
    }                                                                                              \
  } while (0)

/* Length of the valid UTF-8 sequence at s, 0 when invalid. */
static inline size_t fz_utf8_seq(const unsigned char *s, size_t n) {
  unsigned c = s[0];
  if (c < 0x80) return 1;
  if (c < 0xC2 || c > 0xF4) return 0;
  size_t k = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  if (n < k) return 0;
  for (size_t i = 1; i < k; i++)
    if ((s[i] & 0xC0) != 0x80) return 0;
  if (c == 0xE0 && s[1] < 0xA0) return 0;
  if (c == 0xED && s[1] >= 0xA0) return 0;
  if (c == 0xF0 && s[1] < 0x90) return 0;
  if (c == 0xF4 && s[1] >= 0x90) return 0;
  return k;
}

static inline int fz_utf8_valid(const char *str, size_t n) {
  const unsigned char *s = (const unsigned char *)str;
  for (size_t i = 0; i < n;) {
    size_t k = fz_utf8_seq(s + i, n - i);
    if (!k) return 0;
    i += k;
  }
  return 1;
}

typedef struct fz_json {
  const unsigned char *s;
  size_t n, i;
  int depth;
} fz_json;

static inline void fz_ws(fz_json *j) {
  while (j->i < j->n &&
         (j->s[j->i] == ' ' || j->s[j->i] == '\t' || j->s[j->i] == '\n' || j->s[j->i] == '\r'))
    j->i++;
}

static inline int fz_lit(fz_json *j, const char *w) {
  for (size_t k = 0; w[k]; k++, j->i++)
    if (j->i >= j->n || j->s[j->i] != (unsigned char)w[k]) return 0;
  return 1;
}

static inline int fz_hex(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

static inline int fz_string(fz_json *j) {
  if (j->i >= j->n || j->s[j->i] != '"') return 0;
  j->i++;
  while (j->i < j->n) {
    unsigned char c = j->s[j->i];
    if (c == '"') {
      j->i++;
      return 1;
    }
    if (c < 0x20) return 0;
    if (c == '\\') {
      if (++j->i >= j->n) return 0;
      c = j->s[j->i];
      if (c == 'u') {
        for (int k = 1; k <= 4; k++)
          if (j->i + (size_t)k >= j->n || !fz_hex(j->s[j->i + (size_t)k])) return 0;
        j->i += 5;
        continue;
      }
      if (!strchr("\"\\/bfnrt", c) || !c) return 0;
      j->i++;
      continue;
    }
    size_t k = fz_utf8_seq(j->s + j->i, j->n - j->i);
    if (!k) return 0;
    j->i += k;
  }
  return 0;
}

static inline int fz_number(fz_json *j) {
  size_t i = j->i;
  const unsigned char *s = j->s;
  if (i < j->n && s[i] == '-') i++;
  if (i >= j->n) return 0;
  if (s[i] == '0')
    i++;
  else if (s[i] >= '1' && s[i] <= '9')
    while (i < j->n && s[i] >= '0' && s[i] <= '9')
      i++;
  else
    return 0;
  if (i < j->n && s[i] == '.') {
    i++;
    if (i >= j->n || s[i] < '0' || s[i] > '9') return 0;
    while (i < j->n && s[i] >= '0' && s[i] <= '9')
      i++;
  }
  if (i < j->n && (s[i] == 'e' || s[i] == 'E')) {
    i++;
    if (i < j->n && (s[i] == '+' || s[i] == '-')) i++;
    if (i >= j->n || s[i] < '0' || s[i] > '9') return 0;
    while (i < j->n && s[i] >= '0' && s[i] <= '9')
      i++;
  }
  j->i = i;
  return 1;
}

static inline int fz_value(fz_json *j) {
  fz_ws(j);
  if (j->i >= j->n || ++j->depth > 200) return 0;
  int ok = 0;
  unsigned char c = j->s[j->i];
  if (c == '{' || c == '[') {
    unsigned char close = c == '{' ? '}' : ']';
    j->i++;
    fz_ws(j);
    if (j->i < j->n && j->s[j->i] == close) {
      j->i++;
      ok = 1;
    } else {
      for (;;) {
        if (c == '{') {
          fz_ws(j);
          if (!fz_string(j)) break;
          fz_ws(j);
          if (j->i >= j->n || j->s[j->i] != ':') break;
          j->i++;
        }
        if (!fz_value(j)) break;
        fz_ws(j);
        if (j->i < j->n && j->s[j->i] == ',') {
          j->i++;
          continue;
        }
        if (j->i < j->n && j->s[j->i] == close) {
          j->i++;
          ok = 1;
        }
        break;
      }
    }
  } else if (c == '"') {
    ok = fz_string(j);
  } else if (c == 't') {
    ok = fz_lit(j, "true");
  } else if (c == 'f') {
    ok = fz_lit(j, "false");
  } else if (c == 'n') {
    ok = fz_lit(j, "null");
  } else {
    ok = fz_number(j);
  }
  j->depth--;
  return ok;
}

/* Is s[0..n) exactly one JSON value (white space around allowed)? */
static inline int fz_json_valid(const char *s, size_t n) {
  fz_json j = {(const unsigned char *)s, n, 0, 0};
  if (!fz_value(&j)) return 0;
  fz_ws(&j);
  return j.i == n;
}

#endif
