/*
** charset.c -- which charset, and the bytes as valid UTF-8 (see charset.h).
*/
#include "charset.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#define SCAN_MAX ((size_t)64 << 10)

size_t lb_charset_utf8_seq(const unsigned char *s, size_t n) {
  unsigned c = s[0];
  if (c < 0x80) return c ? 1 : 0;
  if (c < 0xC2 || c > 0xF4) return 0;
  size_t k = c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
  if (n < k) return 0;
  for (size_t i = 1; i < k; i++)
    if ((s[i] & 0xC0) != 0x80) return 0;
  if (c == 0xE0 && s[1] < 0xA0) return 0; /* overlong */
  if (c == 0xED && s[1] >= 0xA0) return 0; /* surrogate */
  if (c == 0xF0 && s[1] < 0x90) return 0;
  if (c == 0xF4 && s[1] >= 0x90) return 0;
  return k;
}

static size_t utf8_check(const unsigned char *s, size_t n, int *multi);

size_t lb_charset_scrub(char *s, size_t n) {
  size_t bad = 0;
  const unsigned char *u = (const unsigned char *)s;
  for (size_t i = 0; i < n;) {
    int multi = 0;
    i += utf8_check(u + i, n - i, &multi);
    if (i < n) {
      s[i++] = 0x1A;
      bad++;
    }
  }
  return bad;
}

/* Offset of the first byte that is not part of valid UTF-8 (or is NUL), or
** n; *multi is set when a multi-byte sequence came before it. ASCII 8 bytes
** a step. */
static size_t utf8_check(const unsigned char *s, size_t n, int *multi) {
  size_t i = 0;
  while (i < n) {
    if (i + 8 <= n) {
      uint64_t w;
      memcpy(&w, s + i, 8);
      /* no high bit and no zero byte: plain ASCII */
      if (!(w & 0x8080808080808080ULL) &&
          !((w - 0x0101010101010101ULL) & ~w & 0x8080808080808080ULL)) {
        i += 8;
        continue;
      }
    }
    size_t k = lb_charset_utf8_seq(s + i, n - i);
    if (!k) return i;
    if (k > 1) *multi = 1;
    i += k;
  }
  return n;
}

/* A charset name: letters, digits, "-", "_", ".", ":" (lower case), up to
** the first other byte. */
static void lower_name(const char *s, size_t n, char *out, size_t outlen) {
  size_t k = 0;
  for (size_t i = 0; i < n && k + 1 < outlen; i++) {
    unsigned c = (unsigned char)s[i];
    int ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
             c == '-' || c == '_' || c == '.' || c == ':';
    if (!ok) break;
    out[k++] = (char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
  }
  out[k] = 0;
}

/* "charset=NAME" somewhere in s[0..n) (quotes allowed), into out. */
static int charset_param(const char *s, size_t n, char *out, size_t outlen) {
  for (size_t i = 0; i + 8 <= n; i++) {
    if (strncasecmp(s + i, "charset", 7) != 0) continue;
    size_t j = i + 7;
    while (j < n && s[j] == ' ') j++;
    if (j >= n || s[j] != '=') continue;
    j++;
    while (j < n && (s[j] == ' ' || s[j] == '"' || s[j] == '\'')) j++;
    lower_name(s + j, n - j, out, outlen);
    return out[0] != 0;
  }
  return 0;
}

int lb_charset_of_type(const char *type, char *out, size_t outlen) {
  out[0] = 0;
  return type ? charset_param(type, strlen(type), out, outlen) : 0;
}

int lb_charset_declared(const char *p, size_t n, char *out, size_t outlen) {
  out[0] = 0;
  if (n > SCAN_MAX) n = SCAN_MAX;
  /* <?xml version="1.0" encoding="windows-1252"?> */
  if (n > 5 && memcmp(p, "<?xml", 5) == 0) {
    const char *e = memchr(p, '>', n);
    size_t m = e ? (size_t)(e - p) : n;
    for (size_t i = 0; i + 9 < m; i++)
      if (memcmp(p + i, "encoding", 8) == 0) {
        size_t j = i + 8;
        while (j < m && (p[j] == ' ' || p[j] == '=' || p[j] == '"' || p[j] == '\'')) j++;
        lower_name(p + j, m - j, out, outlen);
        if (out[0]) return 1;
      }
  }
  /* <meta charset=...> or <meta http-equiv="Content-Type" content="...; charset=..."> */
  for (size_t i = 0; i + 5 < n; i++) {
    if (p[i] != '<' || strncasecmp(p + i + 1, "meta", 4) != 0) continue;
    const char *e = memchr(p + i, '>', n - i);
    size_t m = e ? (size_t)(e - (p + i)) : n - i;
    if (charset_param(p + i, m, out, outlen)) return 1;
  }
  return 0;
}

/* The iconv name for a declared charset, or NULL for UTF-8. Labels that
** mean windows-1252 in practice are read as it. */
static const char *iconv_name(const char *cs) {
  if (!cs || !*cs || strcmp(cs, "utf-8") == 0 || strcmp(cs, "utf8") == 0 ||
      strcmp(cs, "unicode-1-1-utf-8") == 0)
    return NULL;
  if (strcmp(cs, "iso-8859-1") == 0 || strcmp(cs, "iso8859-1") == 0 ||
      strcmp(cs, "latin1") == 0 || strcmp(cs, "l1") == 0 || strcmp(cs, "us-ascii") == 0 ||
      strcmp(cs, "ascii") == 0 || strcmp(cs, "iso_8859-1") == 0 || strcmp(cs, "cp1252") == 0 ||
      strcmp(cs, "x-cp1252") == 0)
    return "WINDOWS-1252";
  return cs;
}

/* Append s[0..n) to out as UTF-8, invalid sequences and NULs as U+FFFD;
** returns the number of bytes replaced. */
static size_t repair(const unsigned char *s, size_t n, lb_buf *out) {
  size_t bad = 0;
  lb_buf_reserve(out, n + 16);
  for (size_t i = 0; i < n;) {
    int multi = 0;
    size_t ok = utf8_check(s + i, n - i, &multi);
    lb_buf_add(out, s + i, ok);
    i += ok;
    if (i < n) {
      lb_buf_add(out, "\xEF\xBF\xBD", 3);
      do { /* the byte, and the continuation bytes of a broken sequence after it */
        bad++;
        i++;
      } while (i < n && (s[i] & 0xC0) == 0x80);
    }
  }
  return bad;
}

/* Convert from charset cs with iconv into out (valid UTF-8); bytes that
** are not of cs become U+FFFD. Returns -1 when iconv does not know cs. */
static long convert(const char *p, size_t n, const char *cs, lb_buf *out, size_t *bad) {
  iconv_t cd = iconv_open("UTF-8", cs);
  if (cd == (iconv_t)-1) return -1;
  *bad = 0;
  char *in = (char *)p;
  size_t left = n;
  lb_buf_reserve(out, n + n / 2 + 16);
  while (left > 0) {
    lb_buf_reserve(out, left * 4 + 16); /* 4 bytes out per byte in at most */
    char *o = out->p + out->n;
    size_t room = out->cap - out->n - 1;
    size_t r = iconv(cd, &in, &left, &o, &room);
    out->n = (size_t)(o - out->p);
    if (r == (size_t)-1) {
      if (errno == E2BIG) continue;
      /* EILSEQ, or EINVAL at the end: one byte replaced, go on */
      lb_buf_add(out, "\xEF\xBF\xBD", 3);
      (*bad)++;
      in++;
      left--;
      iconv(cd, NULL, NULL, NULL, NULL);
    }
  }
  out->p[out->n] = 0;
  iconv_close(cd);
  /* NUL bytes that the charset had: replaced as well */
  for (size_t i = 0; i < out->n; i++)
    if (out->p[i] == 0) {
      out->p[i] = '?';
      (*bad)++;
    }
  return 0;
}

size_t lb_charset_utf8(const char *p, size_t n, const char *transport, lb_buf *out,
                       const char **res, char *warn, size_t warnlen) {
  const unsigned char *s = (const unsigned char *)p;
  warn[0] = 0;
  lb_buf_reset(out);
  char decl[48] = "";
  const char *from = NULL; /* where the charset came from */
  /* byte-order marks */
  if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
    p += 3;
    n -= 3;
    s += 3;
    snprintf(decl, sizeof decl, "utf-8");
    from = "BOM";
  } else if (n >= 2 && ((s[0] == 0xFF && s[1] == 0xFE) || (s[0] == 0xFE && s[1] == 0xFF))) {
    const char *cs = s[0] == 0xFF ? "UTF-16LE" : "UTF-16BE";
    size_t bad = 0;
    convert(p + 2, n - 2, cs, out, &bad);
    if (bad) snprintf(warn, warnlen, "%zu bytes not valid %s replaced", bad, cs);
    *res = out->p;
    return out->n;
  }
  if (!from && transport && *transport) {
    lower_name(transport, strlen(transport), decl, sizeof decl);
    from = decl[0] ? "transport" : NULL;
  }
  if (!from && lb_charset_declared(p, n, decl, sizeof decl)) from = "page";
  int multi = 0;
  size_t bad_at = utf8_check(s, n, &multi), nbad = 0, nmulti = 0;
  if (bad_at < n) /* how much of it is UTF-8: sequences against broken bytes */
    for (size_t i = 0; i < n;) {
      size_t k = lb_charset_utf8_seq(s + i, n - i);
      nmulti += k > 1;
      nbad += k == 0;
      i += k ? k : 1;
    }
  const char *cs = iconv_name(decl);
  if (cs && bad_at == n && multi) { /* a declared legacy charset, bytes of valid UTF-8 */
    snprintf(warn, warnlen, "declared charset %s ignored: the bytes are UTF-8", decl);
    cs = NULL;
  }
  if (!cs) {
    if (bad_at == n) {
      *res = p;
      return n;
    }
    if (!decl[0] && nbad >= nmulti) { /* undeclared and mostly not UTF-8: windows-1252 */
      size_t bad = 0;
      convert(p, n, "WINDOWS-1252", out, &bad);
      snprintf(warn, warnlen, "no charset declared and not UTF-8: read as windows-1252");
      *res = out->p;
      return out->n;
    }
    lb_buf_add(out, p, bad_at);
    size_t bad = repair(s + bad_at, n - bad_at, out);
    snprintf(warn, warnlen, "invalid UTF-8: %zu bytes replaced by U+FFFD", bad);
    *res = out->p;
    return out->n;
  }
  size_t bad = 0;
  if (convert(p, n, cs, out, &bad) < 0) {
    /* a charset iconv does not know: UTF-8 when it is, else windows-1252 */
    lb_buf_reset(out);
    if (bad_at == n) {
      snprintf(warn, warnlen, "unknown charset \"%s\": read as UTF-8", decl);
      *res = p;
      return n;
    }
    convert(p, n, "WINDOWS-1252", out, &bad);
    snprintf(warn, warnlen, "unknown charset \"%s\": read as windows-1252", decl);
  } else if (bad) {
    snprintf(warn, warnlen, "%zu bytes not valid %s replaced by U+FFFD", bad, decl);
  }
  *res = out->p;
  return out->n;
}
