/*
** format.c -- telling formats by their first bytes (see format.h).
*/
#include "format.h"

#include <string.h>
#include <strings.h>

#include "compress.h"

static int ends_with(const char *s, size_t n, const char *suf) {
  size_t m = strlen(suf);
  return n >= m && memcmp(s + n - m, suf, m) == 0;
}

static int is_ws(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

/* Case-insensitive prefix of s[i..n). */
static int at(const char *s, size_t i, size_t n, const char *w) {
  size_t m = strlen(w);
  return n - i >= m && strncasecmp(s + i, w, m) == 0;
}

/* The name of the first element of markup at s[i] ("<"), past the XML
** declaration, processing instructions, comments and a doctype: its start
** in *e (length returned), 0 when there is none in the bytes seen. */
static size_t first_element(const char *s, size_t i, size_t n, size_t *e, int *doctype_html) {
  while (i < n) {
    while (i < n && is_ws((unsigned char)s[i])) i++;
    if (i >= n || s[i] != '<') return 0;
    if (at(s, i, n, "<!--")) {
      const char *end = memmem(s + i, n - i, "-->", 3);
      if (!end) return 0;
      i = (size_t)(end - s) + 3;
    } else if (at(s, i, n, "<?") || at(s, i, n, "<!")) {
      if (at(s, i, n, "<!doctype html")) *doctype_html = 1;
      const char *end = memchr(s + i, '>', n - i);
      if (!end) return 0;
      i = (size_t)(end - s) + 1;
    } else {
      size_t j = i + 1;
      while (j < n && !is_ws((unsigned char)s[j]) && s[j] != '>' && s[j] != '/') j++;
      *e = i + 1;
      return j - i - 1;
    }
  }
  return 0;
}

int lb_format_detect(const char *head, size_t n, const char *name) {
  size_t i = 0;
  if (n >= 3 && (unsigned char)head[0] == 0xEF && (unsigned char)head[1] == 0xBB &&
      (unsigned char)head[2] == 0xBF)
    i = 3;
  if (name) { /* a.jsonl, a.jsonl.gz: JSON Lines whatever the lines hold */
    size_t stem;
    lb_compress_suffix(name, &stem);
    if (ends_with(name, stem, ".jsonl") || ends_with(name, stem, ".ndjson")) return LB_FORMAT_JSONL;
  }
  if (n - i >= 5 && memcmp(head + i, "WARC/", 5) == 0) return LB_FORMAT_WARC;
  while (i < n && is_ws((unsigned char)head[i])) i++;
  if (i >= n) return LB_FORMAT_TEXT;
  if (head[i] == '{') {
    /* a JSON object on the first line: its last non-blank byte is "}", or
    ** the line runs past what was seen */
    const char *nl = memchr(head + i, '\n', n - i);
    size_t e = nl ? (size_t)(nl - head) : n;
    if (!nl) return LB_FORMAT_JSONL;
    while (e > i && is_ws((unsigned char)head[e - 1])) e--;
    if (head[e - 1] == '}') return LB_FORMAT_JSONL;
    return LB_FORMAT_TEXT;
  }
  if (head[i] == '<') {
    size_t e = 0;
    int doctype = 0;
    size_t k = first_element(head, i, n, &e, &doctype);
    if (k) {
      const char *el = head + e;
      const char *colon = memchr(el, ':', k);
      size_t local = colon ? (size_t)(colon - el) + 1 : 0; /* rdf:RDF -> RDF */
      if ((k == 3 && strncmp(el, "rss", 3) == 0) || (k == 4 && strncmp(el, "feed", 4) == 0) ||
          (k - local == 3 && strncmp(el + local, "RDF", 3) == 0))
        return LB_FORMAT_FEED;
    }
    return LB_FORMAT_HTML;
  }
  /* text with markup soon after: a page behind a line of junk */
  size_t look = n - i < 1024 ? n - i : 1024;
  for (size_t j = i; j + 5 <= i + look; j++)
    if (head[j] == '<' && (at(head, j, n, "<html") || at(head, j, n, "<body") ||
                           at(head, j, n, "<!doctype html")))
      return LB_FORMAT_HTML;
  return LB_FORMAT_TEXT;
}

int lb_format_parse(const char *s) {
  static const struct { const char *n; int f; } F[] = {
      {"auto", LB_FORMAT_AUTO}, {"text", LB_FORMAT_TEXT}, {"txt", LB_FORMAT_TEXT},
      {"jsonl", LB_FORMAT_JSONL}, {"ndjson", LB_FORMAT_JSONL}, {"html", LB_FORMAT_HTML},
      {"feed", LB_FORMAT_FEED}, {"rss", LB_FORMAT_FEED}, {"atom", LB_FORMAT_FEED},
      {"warc", LB_FORMAT_WARC}};
  for (size_t i = 0; i < sizeof F / sizeof *F; i++)
    if (strcasecmp(s, F[i].n) == 0) return F[i].f;
  return -2;
}

const char *lb_format_name(int fmt) {
  switch (fmt) {
  case LB_FORMAT_TEXT: return "text";
  case LB_FORMAT_JSONL: return "jsonl";
  case LB_FORMAT_HTML: return "html";
  case LB_FORMAT_FEED: return "feed";
  case LB_FORMAT_WARC: return "warc";
  default: return "auto";
  }
}
