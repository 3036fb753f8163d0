/*
** input.c -- plain-text and JSON Lines readers (see input.h).
**
** JSON is parsed with jansson (a well-kept library made for the job); the
** reader only decides what a line means. Lines are read with getline, so a
** 50 MB line costs 50 MB, not a crash.
*/
#include "input.h"

#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct lb_reader {
  FILE *f;
  int own, mode, done;
  char *path;
  lb_input defaults;
  char *line;
  size_t cap, lineno, offset;
  json_t *cur;    /* the object of the current line */
  char *text;     /* plain-text document */
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
    r->f = fopen(path, "rb");
    r->own = 1;
    if (!r->f) {
      snprintf(err, errlen, "%s: %s", path, strerror(errno));
      free(r->path);
      free(r);
      return NULL;
    }
  }
  if (mode == LB_READ_AUTO)
    mode = (has_suffix(path, ".jsonl") || has_suffix(path, ".ndjson")) ? LB_READ_JSONL
                                                                        : LB_READ_TEXT;
  r->mode = mode;
  if (defaults) r->defaults = *defaults;
  return r;
}

size_t lb_reader_line(const lb_reader *r) { return r->lineno; }
size_t lb_reader_offset(const lb_reader *r) { return r->offset; }

static int next_text(lb_reader *r, lb_input *doc, char *msg, size_t msglen) {
  if (r->done) return 0;
  r->done = 1;
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap);
  if (!buf) {
    snprintf(msg, msglen, "%s: out of memory", r->path);
    return -1;
  }
  size_t k;
  while ((k = fread(buf + n, 1, cap - n, r->f)) > 0) {
    n += k;
    if (n == cap) {
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

static const char *json_type_name(const json_t *v) {
  switch (json_typeof(v)) {
  case JSON_OBJECT: return "an object";
  case JSON_ARRAY: return "an array";
  case JSON_STRING: return "a string";
  case JSON_INTEGER: case JSON_REAL: return "a number";
  case JSON_TRUE: case JSON_FALSE: return "a boolean";
  default: return "null";
  }
}

/* Optional string field; a field of another type is a warning, not a skip. */
static const char *opt_str(json_t *o, const char *k) {
  json_t *v = json_object_get(o, k);
  return json_is_string(v) ? json_string_value(v) : NULL;
}

static int next_jsonl(lb_reader *r, lb_input *doc, char *msg, size_t msglen) {
  if (r->cur) {
    json_decref(r->cur);
    r->cur = NULL;
  }
  for (;;) {
    size_t line_off = r->offset;
    ssize_t len = getline(&r->line, &r->cap, r->f);
    if (len < 0) return 0;
    r->lineno++;
    r->offset += (size_t)len;
    size_t n = (size_t)len;
    while (n && (r->line[n - 1] == '\n' || r->line[n - 1] == '\r')) n--;
    size_t sp = 0;
    while (sp < n && (r->line[sp] == ' ' || r->line[sp] == '\t')) sp++;
    if (sp == n) continue; /* blank line */
    json_error_t je;
    json_t *o = json_loadb(r->line, n, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &je);
    if (!o) {
      snprintf(msg, msglen, "%s:%zu: invalid JSON at byte %zu of the line (file byte %zu): %s",
               r->path, r->lineno, (size_t)(je.position > 0 ? je.position : 0),
               line_off + (size_t)(je.position > 0 ? je.position : 0), je.text);
      return -1;
    }
    if (!json_is_object(o)) {
      snprintf(msg, msglen, "%s:%zu: line is %s, not a JSON object (file byte %zu)", r->path,
               r->lineno, json_type_name(o), line_off);
      json_decref(o);
      return -1;
    }
    json_t *t = json_object_get(o, "text");
    if (!t) {
      snprintf(msg, msglen, "%s:%zu: object has no \"text\" field (file byte %zu)", r->path,
               r->lineno, line_off);
      json_decref(o);
      return -1;
    }
    if (!json_is_string(t)) {
      snprintf(msg, msglen, "%s:%zu: \"text\" is %s, not a string (file byte %zu)", r->path,
               r->lineno, json_type_name(t), line_off);
      json_decref(o);
      return -1;
    }
    r->cur = o;
    memset(doc, 0, sizeof *doc);
    doc->text = json_string_value(t);
    doc->len = json_string_length(t);
    doc->id = opt_str(o, "id");
    json_t *idv = json_object_get(o, "id");
    if (json_is_integer(idv)) {
      snprintf(r->idbuf, sizeof r->idbuf, "%lld", (long long)json_integer_value(idv));
      doc->id = r->idbuf;
    }
    doc->published = opt_str(o, "published");
    doc->lang = opt_str(o, "lang");
    doc->title = opt_str(o, "title");
    doc->url = opt_str(o, "url");
    if (!doc->published) doc->published = r->defaults.published;
    if (!doc->lang) doc->lang = r->defaults.lang;
    return 1;
  }
}

int lb_reader_next(lb_reader *r, lb_input *doc, char *msg, size_t msglen) {
  msg[0] = 0;
  return r->mode == LB_READ_JSONL ? next_jsonl(r, doc, msg, msglen)
                                  : next_text(r, doc, msg, msglen);
}

void lb_reader_close(lb_reader *r) {
  if (!r) return;
  if (r->cur) json_decref(r->cur);
  if (r->own && r->f) fclose(r->f);
  free(r->line);
  free(r->text);
  free(r->path);
  free(r);
}
