/*
** jsonl.c -- strict single-line JSON document parser (see jsonl.h).
**
** A recursive-descent validator over the bytes, with nesting limited to 64
** levels so hostile input cannot exhaust the stack. Only top-level string
** members named like lb_input fields are kept.
*/
#include "jsonl.h"

#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "charset.h"

#define MAX_DEPTH 64

typedef struct P {
  const unsigned char *s;
  size_t n, i;
  lb_buf *scratch;
  const char *err;
  int depth;
} P;

static void ws(P *p) {
  while (p->i < p->n) {
    unsigned c = p->s[p->i];
    if (c != ' ' && c != '\t' && c != '\r' && c != '\n') break;
    p->i++;
  }
}

/* Index of the first control byte (< 0x20) in s[i..e), or e. 128 bytes a
** step, then 64: their least byte, a loop that GCC makes into SSE2 minimums
** (pminub); then 8 bytes a step: a byte's high bit in (w - 0x20...) & ~w is set only
** for such a byte or above one (a borrow), so the lowest set one is exact.
** With 32 bytes a step in four such words, this was 1.2M of lb_jsonl_parse's
** 3.1M instructions (callgrind, 1m.jsonl). */
static inline __attribute__((always_inline)) unsigned least(const unsigned char *s, int n) {
  unsigned char m = 0xFF;
  for (int k = 0; k < n; k++) m = s[k] < m ? s[k] : m;
  return m;
}
static size_t first_ctl(const unsigned char *s, size_t i, size_t e) {
  while (i + 128 <= e && least(s + i, 128) >= 0x20) i += 128;
  if (i + 64 <= e && least(s + i, 64) >= 0x20) i += 64;
  const uint64_t ones = 0x0101010101010101ULL, high = ones * 0x80, sp = ones * 0x20;
  while (i + 8 <= e) {
    uint64_t w;
    memcpy(&w, s + i, 8);
    uint64_t h = (w - sp) & ~w & high;
    if (h) return i + ((size_t)__builtin_ctzll(h) >> 3);
    i += 8;
  }
  while (i < e && s[i] >= 0x20) i++;
  return i;
}

/* Index of the first '"' at or after i, or n. */
static size_t next_quote(const unsigned char *s, size_t i, size_t n) {
  const unsigned char *f = memchr(s + i, '"', n - i);
  return f ? (size_t)(f - s) : n;
}

/* Index of the first '"', '\\' or control byte at or after i, given q, the
** first '"' at or after i. memchr finds the quote (found once per string,
** and again only after an escaped one) and the next backslash, and 64-byte
** steps the control bytes before them: the text field is nearly all of a
** line; byte by byte this was 14% of the text pipeline's time, and with one
** 8-byte step for all three, string() cost 5.5M of extraction's 300M
** instructions, then 2.7M (callgrind, 1m.jsonl, --stages places). */
static size_t scan_plain(const unsigned char *s, size_t i, size_t q) {
  const unsigned char *f = memchr(s + i, '\\', q - i);
  return first_ctl(s, i, f ? (size_t)(f - s) : q);
}

static int hexv(unsigned c) {
  if (c >= '0' && c <= '9') return (int)(c - '0');
  if (c >= 'a' && c <= 'f') return (int)(c - 'a' + 10);
  if (c >= 'A' && c <= 'F') return (int)(c - 'A' + 10);
  return -1;
}

static int hex4(P *p, uint32_t *v) {
  if (p->i + 4 > p->n) return 0;
  uint32_t x = 0;
  for (int k = 0; k < 4; k++) {
    int h = hexv(p->s[p->i + (size_t)k]);
    if (h < 0) return 0;
    x = x * 16 + (uint32_t)h;
  }
  p->i += 4;
  *v = x;
  return 1;
}

static void put_utf8(lb_buf *b, uint32_t cp) {
  char u[4];
  size_t k;
  if (cp < 0x80) {
    u[0] = (char)cp;
    k = 1;
  } else if (cp < 0x800) {
    u[0] = (char)(0xC0 | (cp >> 6));
    u[1] = (char)(0x80 | (cp & 0x3F));
    k = 2;
  } else if (cp < 0x10000) {
    u[0] = (char)(0xE0 | (cp >> 12));
    u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    u[2] = (char)(0x80 | (cp & 0x3F));
    k = 3;
  } else {
    u[0] = (char)(0xF0 | (cp >> 18));
    u[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    u[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
    u[3] = (char)(0x80 | (cp & 0x3F));
    k = 4;
  }
  lb_buf_add(b, u, k);
}

/* A string at p->i (the opening quote). When keep, out and outlen get the
** decoded value: a pointer into the line if there were no escapes, else an
** offset into scratch (returned through *in_scratch). */
static int string(P *p, int keep, const char **out, size_t *outlen, size_t *scratch_off,
                  int *in_scratch) {
  p->i++; /* opening quote */
  size_t start = p->i;
  /* fast path: scan to the closing quote or the first escape */
  const unsigned char *s = p->s;
  size_t q = next_quote(s, start, p->n);
  size_t i = scan_plain(s, start, q);
  if (i < p->n && s[i] == '"') {
    if (keep) {
      *out = (const char *)s + start;
      *outlen = i - start;
      *in_scratch = 0;
    }
    p->i = i + 1;
    return 1;
  }
  size_t off = p->scratch->n;
  if (keep) lb_buf_add(p->scratch, s + start, i - start);
  while (i < p->n) {
    unsigned c = s[i];
    if (c == '"') {
      p->i = i + 1;
      if (keep) {
        *scratch_off = off;
        *outlen = p->scratch->n - off;
        *in_scratch = 1;
        lb_buf_addc(p->scratch, 0);
      }
      return 1;
    }
    if (c < 0x20) {
      p->i = i;
      p->err = "control character in string";
      return 0;
    }
    if (c != '\\') {
      if (q < i) q = next_quote(s, i, p->n);
      size_t j = scan_plain(s, i, q);
      if (keep) lb_buf_add(p->scratch, s + i, j - i);
      i = j;
      continue;
    }
    if (i + 1 >= p->n) break;
    unsigned e = s[i + 1];
    char ch = 0;
    switch (e) {
    case '"': ch = '"'; break;
    case '\\': ch = '\\'; break;
    case '/': ch = '/'; break;
    case 'b': ch = '\b'; break;
    case 'f': ch = '\f'; break;
    case 'n': ch = '\n'; break;
    case 'r': ch = '\r'; break;
    case 't': ch = '\t'; break;
    case 'u': {
      p->i = i + 2;
      uint32_t cp;
      if (!hex4(p, &cp)) {
        p->err = "bad \\u escape";
        return 0;
      }
      if (cp >= 0xD800 && cp <= 0xDBFF) {
        uint32_t lo;
        if (p->i + 2 <= p->n && s[p->i] == '\\' && s[p->i + 1] == 'u') {
          size_t save = p->i;
          p->i += 2;
          if (hex4(p, &lo) && lo >= 0xDC00 && lo <= 0xDFFF)
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          else {
            p->i = save;
            cp = 0xFFFD;
          }
        } else {
          cp = 0xFFFD; /* lone surrogate: replaced, like invalid UTF-8 */
        }
      } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
        cp = 0xFFFD;
      }
      if (keep) put_utf8(p->scratch, cp);
      i = p->i;
      continue;
    }
    default:
      p->i = i;
      p->err = "bad escape in string";
      return 0;
    }
    if (keep) lb_buf_addc(p->scratch, ch);
    i += 2;
  }
  p->i = p->n;
  p->err = "unterminated string";
  return 0;
}

static int value(P *p);

static int number(P *p) {
  const unsigned char *s = p->s;
  size_t i = p->i;
  if (i < p->n && s[i] == '-') i++;
  if (i >= p->n) goto bad;
  if (s[i] == '0')
    i++;
  else if (s[i] >= '1' && s[i] <= '9')
    while (i < p->n && s[i] >= '0' && s[i] <= '9') i++;
  else
    goto bad;
  if (i < p->n && s[i] == '.') {
    i++;
    if (!(i < p->n && s[i] >= '0' && s[i] <= '9')) goto bad;
    while (i < p->n && s[i] >= '0' && s[i] <= '9') i++;
  }
  if (i < p->n && (s[i] == 'e' || s[i] == 'E')) {
    i++;
    if (i < p->n && (s[i] == '+' || s[i] == '-')) i++;
    if (!(i < p->n && s[i] >= '0' && s[i] <= '9')) goto bad;
    while (i < p->n && s[i] >= '0' && s[i] <= '9') i++;
  }
  p->i = i;
  return 1;
bad:
  p->i = i;
  p->err = "bad number";
  return 0;
}

static int literal(P *p, const char *w) {
  size_t k = strlen(w);
  if (p->i + k <= p->n && memcmp(p->s + p->i, w, k) == 0) {
    p->i += k;
    return 1;
  }
  p->err = "unexpected character";
  return 0;
}

static int container(P *p, int obj) {
  if (++p->depth > MAX_DEPTH) {
    p->err = "nesting deeper than 64 levels";
    return 0;
  }
  p->i++;
  ws(p);
  if (p->i < p->n && p->s[p->i] == (obj ? '}' : ']')) {
    p->i++;
    p->depth--;
    return 1;
  }
  for (;;) {
    ws(p);
    if (obj) {
      if (p->i >= p->n || p->s[p->i] != '"') {
        p->err = p->i >= p->n ? "premature end of input" : "expected a string key";
        return 0;
      }
      const char *k;
      size_t kl, ko;
      int ks;
      if (!string(p, 0, &k, &kl, &ko, &ks)) return 0;
      ws(p);
      if (p->i >= p->n || p->s[p->i] != ':') {
        p->err = p->i >= p->n ? "premature end of input" : "expected ':'";
        return 0;
      }
      p->i++;
    }
    if (!value(p)) return 0;
    ws(p);
    if (p->i >= p->n) {
      p->err = "premature end of input";
      return 0;
    }
    unsigned c = p->s[p->i];
    if (c == ',') {
      p->i++;
      continue;
    }
    if (c == (obj ? '}' : ']')) {
      p->i++;
      p->depth--;
      return 1;
    }
    p->err = obj ? "expected ',' or '}'" : "expected ',' or ']'";
    return 0;
  }
}

static int value(P *p) {
  ws(p);
  if (p->i >= p->n) {
    p->err = "premature end of input";
    return 0;
  }
  unsigned c = p->s[p->i];
  const char *o;
  size_t ol, oo;
  int os;
  switch (c) {
  case '"': return string(p, 0, &o, &ol, &oo, &os);
  case '{': return container(p, 1);
  case '[': return container(p, 0);
  case 't': return literal(p, "true");
  case 'f': return literal(p, "false");
  case 'n': return literal(p, "null");
  default:
    if (c == '-' || (c >= '0' && c <= '9')) return number(p);
    p->err = "unexpected character";
    return 0;
  }
}

static const char *const FIELDS[] = {"id", "text", "title", "url", "published", "lang"};
#define NFIELDS 6
enum { F_ID = 0, F_TEXT = 1 };

static const char *type_name(unsigned c) {
  switch (c) {
  case '{': return "an object";
  case '[': return "an array";
  case '"': return "a string";
  case 't': case 'f': return "a boolean";
  case 'n': return "null";
  default: return "a number";
  }
}

/* Which field a raw key (the bytes between the quotes) names, or -1. A key
** written with escapes is never one of ours. */
static int field_of(const char *const *names, const unsigned char *k, size_t kl) {
  for (int j = 0; j < NFIELDS; j++)
    if (strlen(names[j]) == kl && memcmp(names[j], k, kl) == 0) return j;
  return -1;
}

/* Why the id string at s[q] (its opening quote; the string is valid JSON)
** cannot be a document's id, with *at the offending byte, or NULL. An id
** is a key: the store replaces a document by another of the same id, so
** an id cut at a \u0000 (C strings end there) or an empty one silently
** replaced another document. Control characters and invalid UTF-8 are
** refused too, so that the id extract writes and the id stored are the
** same bytes (repaired bytes print as U+FFFD, and two ids repaired alike
** would replace each other). */
static const char *bad_id(const unsigned char *s, size_t n, size_t q, size_t *at, char *why,
                          size_t whylen) {
  assert(q < n && s[q] == '"');
  size_t i = q + 1;
  if (s[i] == '"') {
    *at = q;
    return "is empty";
  }
  while (s[i] != '"') {
    unsigned c = s[i];
    uint32_t cp = 0x20;
    size_t k = 1;
    if (c == '\\') {
      unsigned e = s[i + 1];
      k = 2;
      switch (e) {
      case 'b': cp = '\b'; break;
      case 'f': cp = '\f'; break;
      case 'n': cp = '\n'; break;
      case 'r': cp = '\r'; break;
      case 't': cp = '\t'; break;
      case 'u':
        cp = 0;
        for (int j = 2; j < 6; j++) cp = cp * 16 + (uint32_t)hexv(s[i + (size_t)j]);
        k = 6;
        break;
      default: break;
      }
    } else if (c == 0x7F) {
      cp = c;
    } else if (c >= 0x80 && (k = lb_charset_utf8_seq(s + i, n - i)) == 0) {
      *at = i;
      return "is not valid UTF-8";
    }
    if (cp < 0x20 || cp == 0x7F) {
      *at = i;
      snprintf(why, whylen, "holds the control character U+%04X", (unsigned)cp);
      return why;
    }
    i += k;
  }
  return NULL;
}

int lb_jsonl_parse(const char *line, size_t n, const lb_jsonl_names *nm, lb_input *in,
                   lb_buf *scratch, size_t *errpos, char *msg, size_t msglen) {
  P p = {(const unsigned char *)line, n, 0, scratch, NULL, 0};
  const char *names[NFIELDS] = {FIELDS[0], FIELDS[1], FIELDS[2], FIELDS[3], FIELDS[4], FIELDS[5]};
  if (nm) {
    if (nm->id) names[0] = nm->id;
    if (nm->text) names[1] = nm->text;
    if (nm->title) names[2] = nm->title;
    if (nm->url) names[3] = nm->url;
    if (nm->published) names[4] = nm->published;
    if (nm->lang) names[5] = nm->lang;
  }
  lb_buf_reset(scratch);
  memset(in, 0, sizeof *in);
  /* where each kept field's value is: in the line (text only) or scratch */
  size_t off[NFIELDS] = {0}, len[NFIELDS] = {0};
  int where[NFIELDS] = {0}; /* 0 absent, 1 line, 2 scratch, 3 other type */
  unsigned type[NFIELDS] = {0};
  size_t id_at = SIZE_MAX; /* the opening quote of a string id */
  ws(&p);
  if (p.i >= n) {
    *errpos = 0;
    snprintf(msg, msglen, "empty line");
    return -1;
  }
  if (p.s[p.i] != '{') {
    unsigned c = p.s[p.i];
    if (!value(&p)) goto fail;
    ws(&p);
    if (p.i < n) {
      p.err = "trailing characters after the value";
      goto fail;
    }
    *errpos = 0;
    snprintf(msg, msglen, "line is %s, not a JSON object", type_name(c));
    return -1;
  }
  p.i++;
  p.depth = 1;
  ws(&p);
  if (p.i < n && p.s[p.i] == '}') {
    p.i++;
  } else {
    for (;;) {
      ws(&p);
      if (p.i >= n || p.s[p.i] != '"') {
        p.err = p.i >= n ? "premature end of input" : "expected a string key";
        goto fail;
      }
      size_t key_at = p.i;
      const char *k;
      size_t kl, ko;
      int ks;
      if (!string(&p, 0, &k, &kl, &ko, &ks)) goto fail;
      /* raw key bytes, escapes included */
      int f = field_of(names, p.s + key_at + 1, p.i - key_at - 2);
      ws(&p);
      if (p.i >= n || p.s[p.i] != ':') {
        p.err = p.i >= n ? "premature end of input" : "expected ':'";
        goto fail;
      }
      p.i++;
      ws(&p);
      if (f >= 0 && where[f]) {
        p.i = key_at;
        p.err = "duplicate key";
        goto fail;
      }
      if (f >= 0 && p.i < n && p.s[p.i] == '"') {
        if (f == F_ID) id_at = p.i;
        const char *v;
        size_t vl, vo;
        int vs;
        if (!string(&p, 1, &v, &vl, &vo, &vs)) goto fail;
        if (vs) {
          where[f] = 2;
          off[f] = vo;
        } else if (f == F_TEXT) {
          where[f] = 1;
          off[f] = (size_t)(v - line);
        } else { /* other fields must be NUL-terminated: copy */
          where[f] = 2;
          off[f] = scratch->n;
          lb_buf_add(scratch, v, vl);
          lb_buf_addc(scratch, 0);
        }
        len[f] = vl;
      } else {
        size_t v0 = p.i;
        if (f >= 0 && p.i < n) type[f] = p.s[p.i];
        if (!value(&p)) goto fail;
        if (f >= 0) {
          where[f] = 3;
          if (f == F_ID && (type[f] == '-' || (type[f] >= '0' && type[f] <= '9'))) {
            where[f] = 2; /* a numeric id is kept as its digits */
            off[f] = scratch->n;
            len[f] = p.i - v0;
            lb_buf_add(scratch, p.s + v0, p.i - v0);
            lb_buf_addc(scratch, 0);
          }
        }
      }
      ws(&p);
      if (p.i >= n) {
        p.err = "premature end of input";
        goto fail;
      }
      if (p.s[p.i] == ',') {
        p.i++;
        continue;
      }
      if (p.s[p.i] == '}') {
        p.i++;
        break;
      }
      p.err = "expected ',' or '}'";
      goto fail;
    }
  }
  ws(&p);
  if (p.i < n) {
    p.err = "trailing characters after the object";
    goto fail;
  }
  if (!where[F_TEXT]) {
    *errpos = 0;
    snprintf(msg, msglen, "object has no \"%.64s\" field%s", names[F_TEXT],
             nm && nm->text ? "" : " (--text-field names another)");
    return -1;
  }
  if (where[F_TEXT] == 3) {
    *errpos = 0;
    snprintf(msg, msglen, "\"%.64s\" is %s, not a string", names[F_TEXT],
             type_name(type[F_TEXT]));
    return -1;
  }
  if (id_at != SIZE_MAX) {
    char why[64];
    const char *bad = bad_id(p.s, n, id_at, errpos, why, sizeof why);
    if (bad) {
      snprintf(msg, msglen, "\"%.64s\" %s", names[F_ID], bad);
      return -1;
    }
  }
  const char *ptr[NFIELDS] = {0};
  for (int j = 0; j < NFIELDS; j++) {
    if (where[j] == 1) ptr[j] = line + off[j];
    if (where[j] == 2) ptr[j] = scratch->p + off[j];
  }
  in->id = ptr[F_ID];
  in->text = ptr[F_TEXT];
  in->len = len[F_TEXT];
  in->title = ptr[2];
  in->url = ptr[3];
  in->published = ptr[4];
  in->lang = ptr[5];
  return 0;
fail:
  *errpos = p.i;
  snprintf(msg, msglen, "invalid JSON: %s", p.err ? p.err : "syntax error");
  return -1;
}

/* One string field, escaped for lb_jsonl_parse. */
static void put_field(lb_buf *b, const char *key, const char *s, size_t n, int *first) {
  static const char hex[] = "0123456789abcdef";
  lb_buf_adds(b, *first ? "{\"" : ",\"");
  *first = 0;
  lb_buf_adds(b, key);
  lb_buf_adds(b, "\":\"");
  size_t run = 0; /* bytes copied as they are, in one go */
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    lb_buf_add(b, s + run, i - run);
    run = i + 1;
    if (c == '"' || c == '\\') {
      lb_buf_addc(b, '\\');
      lb_buf_addc(b, (char)c);
    } else if (c == '\n') {
      lb_buf_adds(b, "\\n");
    } else if (c == '\t') {
      lb_buf_adds(b, "\\t");
    } else if (c == '\r') {
      lb_buf_adds(b, "\\r");
    } else {
      char u[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
      lb_buf_add(b, u, 6);
    }
  }
  lb_buf_add(b, s + run, n - run);
  lb_buf_addc(b, '"');
}

void lb_jsonl_write(lb_buf *out, const lb_input *in) {
  int first = 1;
  const struct {
    const char *key, *val;
  } F[] = {{"id", in->id},       {"title", in->title}, {"url", in->url},
           {"published", in->published}, {"lang", in->lang}};
  for (size_t i = 0; i < sizeof F / sizeof *F; i++)
    if (F[i].val) put_field(out, F[i].key, F[i].val, strlen(F[i].val), &first);
  put_field(out, "text", in->text ? in->text : "", in->text ? in->len : 0, &first);
  lb_buf_addc(out, '}');
}
