/*
** input.c -- the document reader over every format (see input.h).
**
** The format is decided at open from the first decoded bytes (format.h).
** JSON lines are read with getline, so a 50 MB line costs 50 MB, not a
** crash, and parsed by jsonl.c (a strict parser made for the hot path; see
** there why not jansson). Text and HTML files are read whole; a feed is
** read whole and parsed at the first item; a WARC file is read a record at
** a time. Feed items and WARC records leave the reader as "packed items":
** their metadata and content in one run of bytes (pack/unpack below), so
** that callers can copy them into a batch like a JSON line and parse them
** on another thread.
*/
#include "input.h"

#include <assert.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "article.h"
#include "charset.h"
#include "compress.h"
#include "feed.h"
#include "pubdate.h"
#include "warc.h"

struct lb_reader {
  lb_zfile *z;    /* the input, decompressed (compress.h) */
  FILE *f;        /* its stream */
  char rerr[320]; /* a read or decompression error that ended the file */
  char msg[400];  /* what the last -1 of lb_reader_next_raw skipped */
  int rerr_told;
  int compressed; /* gzip or zstd: offsets are of the decompressed bytes */
  const char *wide; /* the file is UTF-16 or -32 ("UTF-16LE"...), read as UTF-8:
                    ** offsets are of the UTF-8; or NULL */
  int fmt, done;
  char *path;
  lb_read_opts o;
  char *line;     /* JSON Lines: the current line */
  size_t cap, lineno, offset;
  size_t seg, seglen, segoff; /* line[seg..seglen): lines of it not yet given out
                              ** (lone CR line ends), from file byte segoff */
  int cut;        /* damage follows line[0..seglen) */
  lb_buf scratch; /* decoded strings of the current document (lb_reader_next) */
  char *text;     /* text, html, feed: the whole file */
  size_t textlen;
  lb_feed feed;   /* feed: its items */
  long nitems;    /* -1 before the feed is parsed */
  size_t item;    /* next item */
  lb_warc *warc;
  lb_buf packed;  /* the current packed item */
  size_t max_text; /* text: read at most max_text + 1 bytes of it (0: all) */
  char idbuf[256];
};

/* ---- packed items: feed items and WARC records on their way to a worker ---- */

enum { K_PAGE = 'P', K_FRAGMENT = 'F', K_TEXT = 'T' };
enum { P_ID, P_URL, P_TITLE, P_DATE, P_AUTHOR, P_LANG, P_CHARSET, P_WARN, P_TITLE_HTML, P_N };
#define PACK_MAGIC "\x01LB"

typedef struct unpacked {
  int kind;
  const char *f[P_N];
  size_t n[P_N];
  const char *body;
  size_t len;
} unpacked;

static void pack(lb_buf *b, int kind, const char *const *f, const char *body, size_t len) {
  lb_buf_reset(b);
  lb_buf_add(b, PACK_MAGIC, 3);
  lb_buf_addc(b, (char)kind);
  for (int i = 0; i < P_N; i++) {
    uint32_t k = f[i] ? (uint32_t)strlen(f[i]) : 0;
    lb_buf_add(b, &k, 4);
    if (k) lb_buf_add(b, f[i], k);
  }
  lb_buf_add(b, body, len);
}

static int unpack(const char *p, size_t n, unpacked *u) {
  if (n < 4 || memcmp(p, PACK_MAGIC, 3) != 0) return -1;
  u->kind = p[3];
  size_t i = 4;
  for (int k = 0; k < P_N; k++) {
    uint32_t len;
    if (n - i < 4) return -1;
    memcpy(&len, p + i, 4);
    i += 4;
    if (len > n - i) return -1;
    u->f[k] = p + i;
    u->n[k] = len;
    i += len;
  }
  u->body = p + i;
  u->len = n - i;
  return 0;
}

/* ---- opening ---- */

lb_reader *lb_reader_open(const char *path, const lb_read_opts *o, char *err, size_t errlen) {
  lb_reader *r = calloc(1, sizeof *r);
  if (!r) {
    snprintf(err, errlen, "out of memory");
    return NULL;
  }
  int is_stdin = strcmp(path, "-") == 0;
  r->path = strdup(is_stdin ? "<stdin>" : path);
  r->z = r->path ? lb_compress_open(path, err, errlen) : NULL;
  if (!r->z) {
    if (!r->path) snprintf(err, errlen, "out of memory");
    free(r->path);
    free(r);
    return NULL;
  }
  r->f = lb_compress_file(r->z);
  r->wide = lb_compress_to_utf8(r->z); /* UTF-16 or -32 with a byte-order mark */
  r->compressed = lb_compress_kind(r->z) != LB_Z_PLAIN;
  if (o) r->o = *o;
  else r->o.format = LB_FORMAT_AUTO;
  r->fmt = r->o.format;
  if (r->fmt == LB_FORMAT_AUTO) {
    const char *head;
    size_t n = lb_compress_peek(r->z, LB_FORMAT_PEEK, &head);
    r->fmt = lb_format_detect(head, n, is_stdin ? NULL : path);
  }
  r->nitems = -1;
  if (!r->o.defaults.id && !is_stdin) { /* the file's base name, for one-document files */
    const char *b = strrchr(path, '/');
    b = b ? b + 1 : path;
    snprintf(r->idbuf, sizeof r->idbuf, "%s", b);
    char *dot = strchr(r->idbuf, '.');
    if (dot && dot != r->idbuf) *dot = 0;
  }
  return r;
}

void lb_reader_set_max_text(lb_reader *r, size_t max) { r->max_text = max; }

size_t lb_reader_line(const lb_reader *r) { return r->lineno; }
size_t lb_reader_offset(const lb_reader *r) {
  return r->warc ? lb_warc_offset(r->warc) : r->offset;
}
size_t lb_reader_raw_offset(const lb_reader *r) {
  return r->z ? lb_compress_raw_offset(r->z) : lb_reader_offset(r);
}
int lb_reader_format(const lb_reader *r) { return r->fmt; }
const char *lb_reader_path(const lb_reader *r) { return r->path; }
const char *lb_reader_error(const lb_reader *r) { return r->rerr[0] ? r->rerr : NULL; }
const char *lb_reader_message(const lb_reader *r) { return r->msg; }

/* The read or decompression error that ended the file, named once: the
** decompressor's message holds the path and the compressed byte offset.
** line: the JSON line the damage fell in (cut: it was cut short and is
** not read), or 0. */
static void read_error(lb_reader *r, size_t line, int cut) {
  if (r->rerr[0]) return;
  const char *ce = r->z ? lb_compress_error(r->z) : NULL;
  if (line && ce && (cut || line > 1))
    snprintf(r->rerr, sizeof r->rerr, "%s (%s line %zu)", ce, cut ? "in" : "after",
             cut ? line : line - 1);
  else if (line && !ce)
    snprintf(r->rerr, sizeof r->rerr, "%s:%zu: read error: %s", r->path, line,
             strerror(errno ? errno : EIO));
  else if (ce)
    snprintf(r->rerr, sizeof r->rerr, "%s", ce);
  else
    snprintf(r->rerr, sizeof r->rerr, "%s: read error: %s", r->path, strerror(errno ? errno : EIO));
}

/* The whole file into r->text; 0, or -1 on a read error (in r->rerr). */
static int slurp(lb_reader *r) {
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap);
  if (!buf) {
    snprintf(r->rerr, sizeof r->rerr, "%s: out of memory", r->path);
    return -1;
  }
  /* plain text: no more than the engine keeps (lb_reader_set_max_text) */
  size_t k, want = r->fmt == LB_FORMAT_TEXT && r->max_text && r->max_text < SIZE_MAX - 1
                       ? r->max_text + 1
                       : SIZE_MAX - 1;
  while (n < want && (k = fread(buf + n, 1, cap - n - 1 < want - n ? cap - n - 1 : want - n, r->f)) > 0) {
    n += k;
    if (n + 1 == cap && n < want) {
      char *nb = realloc(buf, cap * 2);
      if (!nb) {
        free(buf);
        snprintf(r->rerr, sizeof r->rerr, "%s: out of memory at byte %zu", r->path, n);
        return -1;
      }
      buf = nb;
      cap *= 2;
    }
  }
  if (ferror(r->f)) {
    free(buf);
    read_error(r, 0, 0);
    return -1;
  }
  buf[n] = 0;
  r->text = buf;
  r->textlen = n;
  r->offset = n;
  return 0;
}

static int next_feed_item(lb_reader *r, const char **p, size_t *n, size_t *line, size_t *off) {
  if (r->nitems < 0) {
    if (slurp(r) != 0) {
      r->nitems = 0;
      return 0;
    }
    r->nitems = lb_feed_parse(&r->feed, r->text, r->textlen);
    if (r->nitems < 0) {
      r->nitems = 0;
      snprintf(r->msg, sizeof r->msg, "%s: not a feed: %s", r->path, r->feed.err);
      return -1;
    }
  }
  if (r->item >= (size_t)r->nitems) return 0;
  const lb_feed *f = &r->feed;
  const lb_feed_item *it = &f->item[r->item++];
  char warn[256] = "";
  if (f->err[0]) snprintf(warn, sizeof warn, "feed: %s", f->err);
  const char *fields[P_N] = {
      lb_feed_str(f, it->id),     lb_feed_str(f, it->link),   lb_feed_str(f, it->title),
      lb_feed_str(f, it->date),   lb_feed_str(f, it->author), lb_feed_str(f, it->lang),
      "utf-8", /* libxml2 decoded the feed */ warn,          it->title_html ? "1" : ""};
  const char *body = lb_feed_str(f, it->content);
  pack(&r->packed, it->content_type == LB_FEED_TEXT ? K_TEXT : K_FRAGMENT, fields, body,
       strlen(body));
  r->lineno = r->item;
  *p = r->packed.p;
  *n = r->packed.n;
  *line = r->item;
  *off = 0;
  return 1;
}

static int next_warc_record(lb_reader *r, const char **p, size_t *n, size_t *line, size_t *off) {
  if (!r->warc && !(r->warc = lb_warc_new(r->f, r->path))) {
    snprintf(r->rerr, sizeof r->rerr, "%s: out of memory", r->path);
    return 0;
  }
  lb_warc_rec rec;
  int k = lb_warc_next(r->warc, &rec, r->msg, sizeof r->msg);
  if (k == 0) {
    if (ferror(r->f)) read_error(r, 0, 0);
    return 0;
  }
  if (k < 0) return -1;
  const char *fields[P_N] = {rec.uri, rec.uri, "", rec.date, "", "", rec.charset, "", ""};
  if (!*rec.uri) fields[P_ID] = rec.id;
  pack(&r->packed, K_PAGE, fields, rec.body, rec.len);
  r->lineno++;
  *p = r->packed.p;
  *n = r->packed.n;
  *line = r->lineno;
  *off = rec.offset;
  return 1;
}

int lb_reader_next_raw(lb_reader *r, const char **p, size_t *n, size_t *line, size_t *off) {
  r->msg[0] = 0;
  if (!r->f && r->fmt != LB_FORMAT_FEED) return 0; /* finished (lb_reader_finish) */
  switch (r->fmt) {
  case LB_FORMAT_FEED:
    if (!r->f && r->nitems < 0) return 0;
    return next_feed_item(r, p, n, line, off);
  case LB_FORMAT_WARC:
    return next_warc_record(r, p, n, line, off);
  case LB_FORMAT_JSONL:
    break;
  default: /* text, html: the whole file, once */
    if (r->done) return 0;
    r->done = 1;
    if (slurp(r) != 0) return 0;
    *p = r->text;
    *n = r->textlen;
    *line = 0;
    *off = 0;
    return 1;
  }
  for (;;) {
    if (r->seg >= r->seglen) { /* the next line from the file */
      if (r->cut) { /* the damage after the lines that ended in a CR */
        read_error(r, r->lineno + 1, 1);
        return 0;
      }
      ssize_t len = getline(&r->line, &r->cap, r->f);
      if (len < 0) {
        if (ferror(r->f)) read_error(r, r->lineno + 1, 0);
        return 0;
      }
      r->seg = 0;
      r->seglen = (size_t)len;
      r->segoff = r->offset;
      r->offset += (size_t)len;
      if (ferror(r->f) && r->line[len - 1] != '\n') {
        /* the start of a line, then damage: not a line to parse and blame
        ** (only the lines before it that ended in a lone CR are whole) */
        const char *cr = memrchr(r->line, '\r', (size_t)len);
        if (!cr) {
          r->seglen = 0;
          read_error(r, r->lineno + 1, 1);
          return 0;
        }
        r->seglen = (size_t)(cr - r->line) + 1;
        r->cut = 1;
      }
    }
    /* the line up to its LF, CRLF or a lone CR (old Mac line ends: getline
    ** sees a whole file of them as one line); a raw CR is never inside a
    ** JSON string, so it ends a line wherever it stands alone */
    char *s = r->line + r->seg;
    size_t rest = r->seglen - r->seg, k = rest;
    size_t line_off = r->segoff + r->seg;
    const char *cr = memchr(s, '\r', rest);
    if (cr && !((size_t)(cr - s) + 1 < rest && cr[1] == '\n')) k = (size_t)(cr - s) + 1;
    r->seg += k;
    r->lineno++;
    /* a byte-order mark: the file's, or of a file joined to it with cat
    ** (U+FEFF is never JSON outside a string) */
    if (k >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0) {
      s += 3;
      k -= 3;
      line_off += 3;
    }
    while (k && (s[k - 1] == '\n' || s[k - 1] == '\r')) k--;
    size_t sp = 0;
    while (sp < k && (s[sp] == ' ' || s[sp] == '\t')) sp++;
    if (sp == k) continue; /* blank line */
    *p = s;
    *n = k;
    *line = r->lineno;
    *off = line_off;
    return 1;
  }
}

/* ---- parsing ---- */

/* Strings of a document on their way into scratch: offsets until the end,
** when scratch no longer moves. */
typedef struct strs {
  size_t id, url, title, published, author, lang, warnings;
} strs;
#define NONE LB_ART_NONE

/* s[0..n) into b as valid UTF-8 (charset.h's scrub); its offset, or NONE. */
static size_t keep(lb_buf *b, const char *s, size_t n) {
  if (!s || !n) return NONE;
  size_t o = b->n;
  lb_buf_add(b, s, n);
  lb_buf_addc(b, 0);
  lb_charset_scrub(b->p + o, n);
  return o;
}

/* A date as written, or as RFC 3339 when pubdate.h reads it. */
static size_t keep_date(lb_buf *b, const char *s, size_t n) {
  char d[LB_PUBDATE_MAX];
  size_t k = s && n ? lb_pubdate_parse(s, n, d) : 0;
  return k ? keep(b, d, k) : keep(b, s, n);
}

static void add_warning(lb_buf *b, size_t *w, const char *s, size_t n) {
  if (!s || !n) return;
  size_t o = b->n;
  if (*w != NONE) { /* the warnings so far, then this one */
    const char *old = b->p + *w;
    size_t on = strlen(old);
    lb_buf_reserve(b, on + n + 2);
    old = b->p + *w;
    lb_buf_add(b, old, on);
    lb_buf_addc(b, '\n');
  }
  lb_buf_add(b, s, n);
  lb_buf_addc(b, 0);
  *w = o;
}

static const char *at(const lb_buf *b, size_t o) { return o == NONE ? NULL : b->p + o; }

/* Fill in from s and the reader's defaults. */
static void finish(const lb_reader *r, lb_input *in, const lb_buf *b, const strs *s,
                   const char *text, size_t len) {
  memset(in, 0, sizeof *in);
  in->text = text;
  in->len = len;
  in->id = at(b, s->id);
  in->url = at(b, s->url);
  in->title = at(b, s->title);
  in->published = at(b, s->published);
  in->author = at(b, s->author);
  in->lang_declared = at(b, s->lang); /* a hint: pages declare what their template says */
  in->warnings = at(b, s->warnings);
  if (!in->published) in->published = r->o.defaults.published;
  in->lang = r->o.defaults.lang;
}

/* An HTML page or fragment through article.h, with what the packed item
** (or the reader) already knows. */
static int parse_html(const lb_reader *r, const char *p, size_t n, const unpacked *u, lb_input *in,
                      lb_buf *b, char *msg, size_t msglen) {
  lb_art_opts ao = {NULL, 0};
  char cs[64] = "";
  if (u) {
    snprintf(cs, sizeof cs, "%.*s", (int)u->n[P_CHARSET], u->f[P_CHARSET]);
    ao.charset = cs[0] ? cs : NULL;
    ao.fragment = u->kind == K_FRAGMENT;
  }
  lb_art a;
  if (lb_art_read(p, n, &ao, b, &a) != 0) {
    snprintf(msg, msglen, "%s: out of memory reading the page", r->path);
    return -1;
  }
  strs s = {NONE, a.url, a.title, a.published, a.author, a.lang, NONE};
  if (u) {
    if (u->n[P_ID]) s.id = keep(b, u->f[P_ID], u->n[P_ID]);
    if (u->n[P_URL]) s.url = keep(b, u->f[P_URL], u->n[P_URL]);
    if (u->n[P_TITLE]) {
      if (u->n[P_TITLE_HTML]) { /* Atom type="html": its text */
        lb_art t;
        lb_art_opts fo = {NULL, 1};
        if (lb_art_read(u->f[P_TITLE], u->n[P_TITLE], &fo, b, &t) == 0 && t.len)
          s.title = t.text;
      } else {
        s.title = keep(b, u->f[P_TITLE], u->n[P_TITLE]);
      }
    }
    if (u->n[P_DATE] && (s.published == NONE || u->kind == K_FRAGMENT))
      s.published = keep_date(b, u->f[P_DATE], u->n[P_DATE]);
    if (u->n[P_AUTHOR]) s.author = keep(b, u->f[P_AUTHOR], u->n[P_AUTHOR]);
    if (u->n[P_LANG]) {
      char code[4];
      char l[32];
      snprintf(l, sizeof l, "%.*s", (int)u->n[P_LANG], u->f[P_LANG]);
      if (lb_art_lang_code(l, code)) s.lang = keep(b, code, strlen(code));
    }
    add_warning(b, &s.warnings, u->f[P_WARN], u->n[P_WARN]);
  } else if (!r->o.defaults.id && r->idbuf[0]) {
    s.id = keep(b, r->idbuf, strlen(r->idbuf));
  }
  if (a.warnings != NONE) {
    /* (a copy: add_warning may move b) */
    size_t wn = strlen(b->p + a.warnings);
    char *w = malloc(wn + 1);
    if (w) {
      memcpy(w, b->p + a.warnings, wn + 1);
      add_warning(b, &s.warnings, w, wn);
      free(w);
    }
  }
  size_t text = a.text, len = a.len;
  if (u && len == 0 && s.title != NONE) { /* a feed item of a headline only: its text */
    text = s.title;
    len = strlen(b->p + s.title);
  }
  finish(r, in, b, &s, b->p + text, len);
  if (!u && !in->id) in->id = r->o.defaults.id; /* one page: --id */
  return 0;
}

int lb_reader_parse(const lb_reader *r, const char *p, size_t n, size_t line, size_t off,
                    lb_input *in, lb_buf *scratch, char *msg, size_t msglen) {
  lb_buf_reset(scratch);
  if (r->fmt == LB_FORMAT_JSONL) {
    size_t pos = 0;
    char why[256];
    /* room for every string the parser decodes (never longer than the
    ** line) and a date: nothing below moves scratch */
    lb_buf_reserve(scratch, n + 64);
    const char *base = scratch->p;
    if (lb_jsonl_parse(p, n, &r->o.names, in, scratch, &pos, why, sizeof why) != 0) {
      if (r->wide)
        snprintf(msg, msglen, "%s:%zu: %s at byte %zu of the line (byte %zu of the %s text as UTF-8)",
                 r->path, line, why, pos, off + pos, r->wide);
      else
        snprintf(msg, msglen, "%s:%zu: %s at byte %zu of the line (%s byte %zu)", r->path, line,
                 why, pos, r->compressed ? "decompressed" : "file", off + pos);
      return -1;
    }
    if (in->published) { /* RFC 822, German dates...: into RFC 3339 */
      char d[LB_PUBDATE_MAX];
      size_t k = lb_pubdate_parse(in->published, strlen(in->published), d);
      if (k && strncmp(d, in->published, k) != 0) {
        size_t o = scratch->n;
        lb_buf_add(scratch, d, k);
        lb_buf_addc(scratch, 0);
        in->published = scratch->p + o;
      }
    }
    assert(scratch->p == base);
    (void)base;
    if (!in->published) in->published = r->o.defaults.published;
    if (!in->lang) in->lang = r->o.defaults.lang;
    return 0;
  }
  if (r->fmt == LB_FORMAT_HTML) return parse_html(r, p, n, NULL, in, scratch, msg, msglen);
  if (r->fmt == LB_FORMAT_FEED || r->fmt == LB_FORMAT_WARC) {
    unpacked u;
    if (unpack(p, n, &u) != 0) {
      snprintf(msg, msglen, "%s:%zu: damaged item", r->path, line);
      return -1;
    }
    if (u.kind != K_TEXT) return parse_html(r, u.body, u.len, &u, in, scratch, msg, msglen);
    strs s = {NONE, NONE, NONE, NONE, NONE, NONE, NONE};
    s.id = keep(scratch, u.f[P_ID], u.n[P_ID]);
    s.url = keep(scratch, u.f[P_URL], u.n[P_URL]);
    s.title = keep(scratch, u.f[P_TITLE], u.n[P_TITLE]);
    s.published = keep_date(scratch, u.f[P_DATE], u.n[P_DATE]);
    s.author = keep(scratch, u.f[P_AUTHOR], u.n[P_AUTHOR]);
    char code[4], l[32];
    snprintf(l, sizeof l, "%.*s", (int)u.n[P_LANG], u.f[P_LANG]);
    if (lb_art_lang_code(l, code)) s.lang = keep(scratch, code, strlen(code));
    add_warning(scratch, &s.warnings, u.f[P_WARN], u.n[P_WARN]);
    size_t body = keep(scratch, u.body, u.len); /* (valid UTF-8, as from the HTML reader) */
    finish(r, in, scratch, &s, body == NONE ? "" : scratch->p + body, u.len);
    return 0;
  }
  /* plain text: the bytes as they are, less a UTF-8 byte-order mark */
  strs s = {NONE, NONE, NONE, NONE, NONE, NONE, NONE};
  if (n >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0) {
    p += 3;
    n -= 3;
  }
  finish(r, in, scratch, &s, p, n);
  in->id = r->o.defaults.id ? r->o.defaults.id : r->idbuf[0] ? r->idbuf : NULL;
  (void)off;
  return 0;
}

int lb_reader_next(lb_reader *r, lb_input *doc, char *msg, size_t msglen) {
  msg[0] = 0;
  for (;;) {
    const char *p;
    size_t n, line, off;
    int k = lb_reader_next_raw(r, &p, &n, &line, &off);
    if (k < 0) {
      snprintf(msg, msglen, "%s", r->msg);
      return -1;
    }
    if (k == 0) {
      if (r->rerr[0] && !r->rerr_told) { /* a read error ends the file, once */
        r->rerr_told = 1;
        snprintf(msg, msglen, "%s", r->rerr);
        return -1;
      }
      return 0;
    }
    return lb_reader_parse(r, p, n, line, off, doc, &r->scratch, msg, msglen) == 0 ? 1 : -1;
  }
}

void lb_reader_finish(lb_reader *r) {
  if (!r) return;
  lb_warc_free(r->warc);
  r->warc = NULL;
  lb_compress_close(r->z);
  r->z = NULL;
  r->f = NULL;
  free(r->line);
  r->line = NULL;
  r->cap = 0;
  r->seg = r->seglen = 0;
  r->done = 1;
  lb_feed_free(&r->feed);
  r->nitems = 0;
  lb_buf_free(&r->packed);
}

void lb_reader_close(lb_reader *r) {
  if (!r) return;
  lb_reader_finish(r);
  lb_buf_free(&r->scratch);
  free(r->text);
  free(r->path);
  free(r);
}
