/*
** warc.c -- WARC records as a stream (see warc.h).
**
** Header lines are read with getline (a header line is short; a 100 MB one
** is read but bounded by the header limits below); a block is read with
** fread in one piece of exactly Content-Length bytes (at most
** LB_WARC_MAX_BLOCK; larger ones are read through and dropped). Memory is
** that of the largest record, not of the file.
*/
#include "warc.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <zlib.h>

#define MAX_HEADER_LINES 512
#define MAX_HEADER_BYTES ((size_t)1 << 20)
/* a gzip or deflate HTTP body is inflated to at most this */
#define MAX_INFLATED ((size_t)64 << 20)

struct lb_warc {
  FILE *f;
  char *path;
  size_t off;       /* bytes of the stream read */
  char *line;
  size_t cap;
  lb_buf hdr;       /* this record's header values */
  lb_buf block;     /* this record's block */
  lb_buf http;      /* the HTTP body, decoded */
  int eof;
  int resync;       /* the last record was damaged: look for the next "WARC/" line */
};

lb_warc *lb_warc_new(FILE *f, const char *path) {
  lb_warc *w = calloc(1, sizeof *w);
  if (!w) return NULL;
  w->f = f;
  w->path = strdup(path ? path : "<warc>");
  if (!w->path) {
    free(w);
    return NULL;
  }
  return w;
}

void lb_warc_free(lb_warc *w) {
  if (!w) return;
  free(w->line);
  free(w->path);
  lb_buf_free(&w->hdr);
  lb_buf_free(&w->block);
  lb_buf_free(&w->http);
  free(w);
}

size_t lb_warc_offset(const lb_warc *w) { return w->off; }

static ssize_t next_line(lb_warc *w) {
  ssize_t k = getline(&w->line, &w->cap, w->f);
  if (k < 0) {
    w->eof = 1;
    return -1;
  }
  w->off += (size_t)k;
  return k;
}

/* Trim white space and CR LF at both ends of s[0..n) in place; new length. */
static size_t trim(char *s, size_t n, char **start) {
  size_t a = 0;
  while (a < n && (s[a] == ' ' || s[a] == '\t')) a++;
  while (n > a && (s[n - 1] == '\n' || s[n - 1] == '\r' || s[n - 1] == ' ' || s[n - 1] == '\t'))
    n--;
  *start = s + a;
  return n - a;
}

/* Read through n bytes of the stream; 0, or -1 when it ends first. */
static int skip_bytes(lb_warc *w, size_t n) {
  char buf[65536];
  while (n > 0) {
    size_t k = fread(buf, 1, n < sizeof buf ? n : sizeof buf, w->f);
    if (k == 0) {
      w->eof = 1;
      return -1;
    }
    w->off += k;
    n -= k;
  }
  return 0;
}

static int ieq(const char *a, size_t n, const char *b) {
  return strlen(b) == n && strncasecmp(a, b, n) == 0;
}

/* Inflate p[0..n) (gzip or zlib/raw deflate) onto out; -1 when it is not. */
static int inflate_to(const char *p, size_t n, lb_buf *out, int gzip) {
  z_stream z;
  memset(&z, 0, sizeof z);
  if (inflateInit2(&z, gzip ? 15 + 16 : 15 + 32) != Z_OK) return -1;
  z.next_in = (unsigned char *)p;
  z.avail_in = (uInt)(n > UINT32_MAX ? UINT32_MAX : n);
  int rc = Z_OK;
  while (rc == Z_OK && out->n < MAX_INFLATED) {
    lb_buf_reserve(out, 65536);
    z.next_out = (unsigned char *)out->p + out->n;
    z.avail_out = (uInt)(out->cap - out->n - 1);
    size_t before = z.avail_out;
    rc = inflate(&z, Z_NO_FLUSH);
    out->n += before - z.avail_out;
    if (rc == Z_BUF_ERROR && z.avail_in == 0) break; /* truncated: keep what came */
  }
  out->p[out->n] = 0;
  inflateEnd(&z);
  return rc == Z_STREAM_END || rc == Z_OK || rc == Z_BUF_ERROR ? 0 : -1;
}

int lb_warc_http(const char *p, size_t n, lb_buf *out, size_t *type, size_t *body) {
  lb_buf_reset(out);
  if (n < 12 || strncmp(p, "HTTP/", 5) != 0) return -1;
  size_t i = 0;
  const char *ctype = NULL, *te = NULL, *ce = NULL;
  size_t ctn = 0, ten = 0, cen = 0;
  int lines = 0;
  /* status line, then headers to the first empty line */
  while (i < n) {
    const char *nl = memchr(p + i, '\n', n - i);
    size_t e = nl ? (size_t)(nl - p) : n;
    size_t len = e - i;
    if (len > 0 && p[e - 1] == '\r') len--;
    if (len == 0 && lines > 0) {
      i = e + 1;
      break;
    }
    if (lines > 0) {
      const char *colon = memchr(p + i, ':', len);
      if (colon) {
        size_t nl2 = (size_t)(colon - (p + i));
        const char *v = colon + 1;
        size_t vn = len - nl2 - 1;
        while (vn && (*v == ' ' || *v == '\t')) v++, vn--;
        if (ieq(p + i, nl2, "content-type")) ctype = v, ctn = vn;
        else if (ieq(p + i, nl2, "transfer-encoding")) te = v, ten = vn;
        else if (ieq(p + i, nl2, "content-encoding")) ce = v, cen = vn;
      }
    }
    lines++;
    i = e + 1;
    if (!nl || lines > MAX_HEADER_LINES) {
      i = n;
      break;
    }
  }
  if (i > n) i = n;
  *type = out->n;
  if (ctype) lb_buf_add(out, ctype, ctn);
  lb_buf_addc(out, 0);
  /* the body: de-chunked first, then decompressed */
  lb_buf raw = LB_BUF_INIT;
  const char *b = p + i;
  size_t bn = n - i;
  if (te && ten >= 7 && strncasecmp(te, "chunked", 7) == 0) {
    size_t j = 0;
    while (j < bn) {
      char *end;
      unsigned long long sz = strtoull(b + j, &end, 16);
      if (end == b + j) break;
      const char *nl = memchr(b + j, '\n', bn - j);
      if (!nl) break;
      j = (size_t)(nl - b) + 1;
      if (sz == 0) break;
      if (sz > bn - j) sz = bn - j; /* a short last chunk: what is there */
      lb_buf_add(&raw, b + j, (size_t)sz);
      j += (size_t)sz;
      while (j < bn && (b[j] == '\r' || b[j] == '\n')) j++;
    }
    b = raw.p ? raw.p : "";
    bn = raw.n;
  }
  *body = out->n;
  int gz = ce && cen >= 4 && (strncasecmp(ce, "gzip", 4) == 0 || strncasecmp(ce, "x-gzip", 6) == 0);
  int df = ce && cen >= 7 && strncasecmp(ce, "deflate", 7) == 0;
  if (!((gz || df) && inflate_to(b, bn, out, gz) == 0)) {
    out->n = *body;
    lb_buf_add(out, b, bn);
  }
  lb_buf_free(&raw);
  return 0;
}

static int is_html_type(const char *t) {
  while (*t == ' ') t++;
  return strncasecmp(t, "text/html", 9) == 0 || strncasecmp(t, "application/xhtml+xml", 21) == 0;
}

static void charset_of(const char *type, char *out, size_t outlen) {
  out[0] = 0;
  const char *c = strcasestr(type, "charset=");
  if (!c) return;
  c += 8;
  while (*c == '"' || *c == '\'' || *c == ' ') c++;
  size_t k = 0;
  while (c[k] && c[k] != ';' && c[k] != '"' && c[k] != '\'' && c[k] != ' ' && k + 1 < outlen) {
    out[k] = (char)(c[k] >= 'A' && c[k] <= 'Z' ? c[k] | 0x20 : c[k]);
    k++;
  }
  out[k] = 0;
}

int lb_warc_next(lb_warc *w, lb_warc_rec *rec, char *msg, size_t msglen) {
  msg[0] = 0;
  for (;;) {
    if (w->eof) return 0;
    /* the version line: "WARC/1.0" (blank lines between records are fine) */
    size_t start = w->off;
    ssize_t k = next_line(w);
    if (k < 0) return 0;
    char *s;
    size_t n = trim(w->line, (size_t)k, &s);
    if (n == 0) continue;
    if (n < 5 || strncmp(s, "WARC/", 5) != 0) {
      if (w->resync) continue;
      w->resync = 1;
      snprintf(msg, msglen, "%s: no WARC record at byte %zu (looking for the next one)", w->path,
               start);
      return -1;
    }
    w->resync = 0;
    /* headers */
    lb_buf_reset(&w->hdr);
    lb_buf_addc(&w->hdr, 0);
    size_t type = 0, uri = 0, date = 0, id = 0, ctype = 0;
    long long clen = -1;
    int lines = 0, ended = 0;
    size_t hbytes = 0;
    while ((k = next_line(w)) >= 0) {
      hbytes += (size_t)k;
      n = trim(w->line, (size_t)k, &s);
      if (n == 0) {
        ended = 1;
        break;
      }
      if (++lines > MAX_HEADER_LINES || hbytes > MAX_HEADER_BYTES) break;
      char *colon = memchr(s, ':', n);
      if (!colon) continue;
      size_t nn = (size_t)(colon - s);
      char *v;
      size_t vn = trim(colon + 1, n - nn - 1, &v);
      size_t *slot = ieq(s, nn, "WARC-Type")          ? &type
                     : ieq(s, nn, "WARC-Target-URI")  ? &uri
                     : ieq(s, nn, "WARC-Date")        ? &date
                     : ieq(s, nn, "WARC-Record-ID")   ? &id
                     : ieq(s, nn, "Content-Type")     ? &ctype
                                                      : NULL;
      if (ieq(s, nn, "Content-Length")) {
        char *end;
        clen = strtoll(v, &end, 10);
        if (end == v || clen < 0) clen = -2;
      }
      if (slot) {
        *slot = w->hdr.n;
        /* <urn:uuid:...> and <http://...> (WARC/1.0 angle brackets) */
        if (vn >= 2 && v[0] == '<' && v[vn - 1] == '>') v++, vn -= 2;
        lb_buf_add(&w->hdr, v, vn);
        lb_buf_addc(&w->hdr, 0);
      }
    }
    if (!ended || clen < 0) {
      w->resync = 1;
      snprintf(msg, msglen, "%s: WARC record at byte %zu: %s", w->path, start,
               !ended ? (w->eof ? "headers end early (truncated)" : "header too long")
                      : clen == -1 ? "no Content-Length" : "bad Content-Length");
      return -1;
    }
    const char *H = w->hdr.p;
    int resp = strcasecmp(H + type, "response") == 0, res = strcasecmp(H + type, "resource") == 0;
    if ((!resp && !res) || (res && !is_html_type(H + ctype))) {
      if (skip_bytes(w, (size_t)clen) < 0) {
        snprintf(msg, msglen, "%s: WARC record at byte %zu: block ends early (truncated)",
                 w->path, start);
        return -1;
      }
      continue;
    }
    if ((size_t)clen > LB_WARC_MAX_BLOCK) {
      int r = skip_bytes(w, (size_t)clen);
      snprintf(msg, msglen, "%s: WARC record at byte %zu: block of %lld bytes skipped (limit %zu)%s",
               w->path, start, clen, LB_WARC_MAX_BLOCK, r < 0 ? ", and it ends early" : "");
      return -1;
    }
    /* in pieces, so that a lying Content-Length costs no more memory
    ** than the bytes that are there */
    lb_buf_reset(&w->block);
    size_t got = 0;
    while (got < (size_t)clen) {
      size_t want = (size_t)clen - got < ((size_t)1 << 20) ? (size_t)clen - got : (size_t)1 << 20;
      lb_buf_reserve(&w->block, want);
      size_t r = fread(w->block.p + got, 1, want, w->f);
      got += r;
      w->block.n = got;
      if (r < want) break;
    }
    lb_buf_reserve(&w->block, 0);
    w->off += got;
    w->block.p[got] = 0;
    if (got < (size_t)clen) {
      w->eof = 1;
      snprintf(msg, msglen,
               "%s: WARC record at byte %zu: block ends early (truncated, %zu of %lld bytes)",
               w->path, start, got, clen);
      return -1;
    }
    char cs[48] = "";
    const char *body = w->block.p;
    size_t blen = w->block.n;
    if (resp) {
      size_t ht, hb;
      if (lb_warc_http(w->block.p, w->block.n, &w->http, &ht, &hb) != 0) continue; /* not HTTP */
      const char *t = w->http.p + ht;
      if (!is_html_type(t)) {
        /* no type said: HTML if it looks like it */
        const char *b = w->http.p + hb;
        size_t q = 0;
        while (q < w->http.n - hb && (b[q] == ' ' || b[q] == '\n' || b[q] == '\r' || b[q] == '\t'))
          q++;
        if (*t || !(w->http.n - hb - q >= 5 && (strncasecmp(b + q, "<!doc", 5) == 0 ||
                                                 strncasecmp(b + q, "<html", 5) == 0)))
          continue;
      }
      charset_of(t, cs, sizeof cs);
      body = w->http.p + hb;
      blen = w->http.n - hb;
    } else {
      charset_of(H + ctype, cs, sizeof cs);
    }
    /* the charset goes into the header buffer (stable until the next call) */
    size_t cso = w->hdr.n;
    lb_buf_adds(&w->hdr, cs);
    lb_buf_addc(&w->hdr, 0);
    H = w->hdr.p;
    rec->uri = H + uri;
    rec->date = H + date;
    rec->id = H + id;
    rec->charset = H + cso;
    rec->body = body;
    rec->len = blen;
    rec->offset = start;
    /* the blank lines after the block are read with the next record */
    return 1;
  }
}
