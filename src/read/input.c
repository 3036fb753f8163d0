/*
** input.c -- plain-text and JSON Lines readers (see input.h).
**
** JSON lines are parsed by jsonl.c (a strict parser made for the hot path;
** see there why not jansson). Lines are read with getline, so a 50 MB line
** costs 50 MB, not a crash. lb_reader_next_raw hands out raw lines so that
** callers can parse them on worker threads (cmd_extract.c, the store).
*/
#include "input.h"

#include "compress.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jsonl.h"

struct lb_reader {
  FILE *f;
  lb_zfile *z;    /* the file with gzip/zstd decompression (compress.h) */
  char rerr[320]; /* a read or decompression error that ended the file */
  int rerr_told;
  int own, mode, done;
  char *path;
  lb_input defaults;
  char *line;
  size_t cap, lineno, offset;
  lb_buf scratch; /* decoded strings of the current line */
  char *text;     /* plain-text document */
  size_t max_text; /* read at most max_text + 1 bytes of it (0: all) */
  char idbuf[256];
};

static int has_suffix(const char *s, const char *suf) {
  size_t n = strlen(s), m = strlen(suf);
  return n >= m && strcmp(s + n - m, suf) == 0;
}

lb_reader *lb_reader_open(const char *path, int mode, const lb_input *defaults, char *err,
                          size_t errlen) {
  lb_reader *r = calloc(1, sizeof *r);
  if (!r) {
    snprintf(err, errlen, "out of memory");
    return NULL;
  }
  int is_stdin = strcmp(path, "-") == 0;
  r->path = strdup(is_stdin ? "<stdin>" : path);
  if (is_stdin) {
    r->f = stdin;
  } else {
    r->z = lb_compress_open(path, err, errlen);
    r->own = 1;
    if (!r->z) {
      free(r->path);
      free(r);
      return NULL;
    }
    r->f = lb_compress_file(r->z);
  }
  if (mode == LB_READ_AUTO) {
    size_t stem; /* "a.jsonl.gz" is JSON Lines too */
    lb_compress_suffix(path, &stem);
    char *base = strndup(path, stem);
    mode = base && (has_suffix(base, ".jsonl") || has_suffix(base, ".ndjson")) ? LB_READ_JSONL
                                                                                : LB_READ_TEXT;
    free(base);
  }
  r->mode = mode;
  if (defaults) r->defaults = *defaults;
  return r;
}

void lb_reader_set_max_text(lb_reader *r, size_t max) { r->max_text = max; }

size_t lb_reader_line(const lb_reader *r) { return r->lineno; }
size_t lb_reader_offset(const lb_reader *r) { return r->offset; }
size_t lb_reader_raw_offset(const lb_reader *r) {
  return r->z ? lb_compress_raw_offset(r->z) : r->offset;
}

static int next_text(lb_reader *r, lb_input *doc, char *msg, size_t msglen) {
  if (r->done) return 0;
  r->done = 1;
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap);
  if (!buf) {
    snprintf(msg, msglen, "%s: out of memory", r->path);
    return -1;
  }
  size_t k, want = r->max_text && r->max_text < SIZE_MAX ? r->max_text + 1 : SIZE_MAX;
  while (n < want && (k = fread(buf + n, 1, cap - n < want - n ? cap - n : want - n, r->f)) > 0) {
    n += k;
    if (n == cap && n < want) {
      char *nb = realloc(buf, cap * 2);
      if (!nb) {
        free(buf);
        snprintf(msg, msglen, "%s: out of memory at byte %zu", r->path, n);
        return -1;
      }
      buf = nb;
      cap *= 2;
    }
  }
  if (ferror(r->f)) {
    free(buf);
    if (r->z && lb_compress_error(r->z))
      snprintf(msg, msglen, "%s", lb_compress_error(r->z));
    else
      snprintf(msg, msglen, "%s: read error: %s", r->path, strerror(errno));
    return -1;
  }
  r->text = buf;
  r->offset = n;
  *doc = r->defaults;
  doc->text = buf;
  doc->len = n;
  if (!doc->id) {
    if (r->own) {
      const char *b = strrchr(r->path, '/');
      b = b ? b + 1 : r->path;
      snprintf(r->idbuf, sizeof r->idbuf, "%s", b);
      char *dot = strchr(r->idbuf, '.');
      if (dot && dot != r->idbuf) *dot = 0;
      doc->id = r->idbuf;
    }
  }
  return 1;
}

int lb_reader_next_raw(lb_reader *r, const char **p, size_t *n, size_t *line, size_t *off) {
  if (r->mode != LB_READ_JSONL) {
    lb_input in;
    char msg[256];
    if (r->done) return 0;
    int k = next_text(r, &in, msg, sizeof msg);
    if (k <= 0) return k;
    *p = in.text;
    *n = in.len;
    *line = 0;
    *off = 0;
    return 1;
  }
  if (!r->f) return 0; /* finished (lb_reader_finish) */
  for (;;) {
    size_t line_off = r->offset;
    ssize_t len = getline(&r->line, &r->cap, r->f);
    if (len < 0) {
      if (ferror(r->f) && !r->rerr[0]) { /* kept for lb_reader_error */
        if (r->z && lb_compress_error(r->z))
          snprintf(r->rerr, sizeof r->rerr, "%s:%zu: %s", r->path, r->lineno + 1,
                   lb_compress_error(r->z));
        else
          snprintf(r->rerr, sizeof r->rerr, "%s:%zu: read error: %s", r->path,
                   r->lineno + 1, strerror(errno));
      }
      return 0;
    }
    r->lineno++;
    r->offset += (size_t)len;
    size_t k = (size_t)len;
    while (k && (r->line[k - 1] == '\n' || r->line[k - 1] == '\r')) k--;
    size_t sp = 0;
    while (sp < k && (r->line[sp] == ' ' || r->line[sp] == '\t')) sp++;
    if (sp == k) continue; /* blank line */
    *p = r->line;
    *n = k;
    *line = r->lineno;
    *off = line_off;
    return 1;
  }
}

int lb_reader_is_jsonl(const lb_reader *r) { return r->mode == LB_READ_JSONL; }
const char *lb_reader_path(const lb_reader *r) { return r->path; }
const char *lb_reader_error(const lb_reader *r) { return r->rerr[0] ? r->rerr : NULL; }

int lb_reader_parse(const lb_reader *r, const char *p, size_t n, size_t line, size_t off,
                    lb_input *in, lb_buf *scratch, char *msg, size_t msglen) {
  if (r->mode != LB_READ_JSONL) {
    *in = r->defaults;
    in->text = p;
    in->len = n;
    if (!in->id && r->own) in->id = r->idbuf;
    return 0;
  }
  size_t pos = 0;
  char why[256];
  if (lb_jsonl_parse(p, n, in, scratch, &pos, why, sizeof why) != 0) {
    snprintf(msg, msglen, "%s:%zu: %s at byte %zu of the line (file byte %zu)", r->path, line,
             why, pos, off + pos);
    return -1;
  }
  if (!in->published) in->published = r->defaults.published;
  if (!in->lang) in->lang = r->defaults.lang;
  return 0;
}

static int next_jsonl(lb_reader *r, lb_input *doc, char *msg, size_t msglen) {
  const char *p;
  size_t n, line, off;
  int k = lb_reader_next_raw(r, &p, &n, &line, &off);
  if (k == 0 && r->rerr[0] && !r->rerr_told) { /* a read error ends the file once */
    r->rerr_told = 1;
    snprintf(msg, msglen, "%s", r->rerr);
    return -1;
  }
  if (k <= 0) return k;
  return lb_reader_parse(r, p, n, line, off, doc, &r->scratch, msg, msglen) == 0 ? 1 : -1;
}

int lb_reader_next(lb_reader *r, lb_input *doc, char *msg, size_t msglen) {
  msg[0] = 0;
  return r->mode == LB_READ_JSONL ? next_jsonl(r, doc, msg, msglen)
                                  : next_text(r, doc, msg, msglen);
}

void lb_reader_finish(lb_reader *r) {
  if (!r) return;
  if (r->z)
    lb_compress_close(r->z);
  else if (r->own && r->f)
    fclose(r->f);
  r->z = NULL;
  r->f = NULL;
  free(r->line);
  r->line = NULL;
  r->cap = 0;
  r->done = 1;
}

void lb_reader_close(lb_reader *r) {
  if (!r) return;
  lb_buf_free(&r->scratch);
  if (r->z) lb_compress_close(r->z);
  else if (r->own && r->f) fclose(r->f);
  free(r->line);
  free(r->text);
  free(r->path);
  free(r);
}
