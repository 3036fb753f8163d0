/*
** fuzz_html.c -- libFuzzer target: the HTML reader (charset.c, html.c,
** article.c).
**
** Any bytes go in as a page and as a feed item's content (a fragment), with
** and without a charset named by the transport. Checked: the reader never
** fails but for memory; the text and every metadata string are valid UTF-8
** (charset.c's promise) without NUL bytes; the text's length is what it
** says; the published date, when there is one, is RFC 3339 as pubdate.h
** writes it; the text goes through the text layer to a valid picture.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../include/lagebild.h"
#include "../src/read/article.h"
#include "fuzz_check.h"

static lb_engine *engine;

static void check_str(const lb_buf *b, size_t o) {
  if (o == LB_ART_NONE) return;
  const char *s = b->p + o;
  FZ_ASSERT(fz_utf8_valid(s, strlen(s)));
}

static void one(const char *p, size_t n, const lb_art_opts *o) {
  lb_buf b = LB_BUF_INIT;
  lb_buf_adds(&b, "x"); /* results are appended: offsets must account for it */
  lb_art a;
  FZ_ASSERT(lb_art_read(p, n, o, &b, &a) == 0);
  FZ_ASSERT(a.text != LB_ART_NONE && a.text + a.len < b.n);
  const char *t = b.p + a.text;
  FZ_ASSERT(memchr(t, 0, a.len) == NULL && t[a.len] == 0);
  FZ_ASSERT(fz_utf8_valid(t, a.len));
  check_str(&b, a.title);
  check_str(&b, a.url);
  check_str(&b, a.author);
  check_str(&b, a.lang);
  check_str(&b, a.warnings);
  if (a.published != LB_ART_NONE) {
    const char *d = b.p + a.published;
    size_t k = strlen(d);
    FZ_ASSERT(k >= 10 && d[4] == '-' && d[7] == '-' && (k == 10 || d[10] == 'T'));
  }
  if (a.lang != LB_ART_NONE) FZ_ASSERT(strlen(b.p + a.lang) <= 3);
  lb_input in;
  memset(&in, 0, sizeof in);
  in.text = t;
  in.len = a.len;
  lb_doc *d = lb_extract(engine, &in);
  FZ_ASSERT(d);
  char *json = NULL;
  size_t jn = lb_doc_json(d, &json);
  FZ_ASSERT(json && fz_json_valid(json, jn));
  free(json);
  lb_doc_free(d);
  lb_buf_free(&b);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!engine) engine = lb_engine_new_text_only();
  FZ_ASSERT(engine);
  char *p = malloc(size ? size : 1); /* exact size: ASan sees overreads */
  memcpy(p, data, size);
  lb_art_opts page = {NULL, 0}, frag = {NULL, 1}, cp = {"windows-1251", 0}, odd = {"x-bogus", 0};
  one(p, size, &page);
  one(p, size, &frag);
  one(p, size, &cp);
  one(p, size, &odd);
  free(p);
  return 0;
}
