/*
** fuzz_utf8.c -- libFuzzer target: UTF-8 repair and the JSON writer.
**
** Any bytes go in as a document's text (text layer: repair, tokens,
** sentences, language). Checked: the repaired text has the input's length
** and differs only where bytes became 0x1A; it is valid UTF-8; the picture
** (lb_doc_json) is exactly one valid JSON object in strict UTF-8. Also the
** fields that come from the caller (id, lang, published) get the same bytes,
** so invalid UTF-8 there must be escaped or repaired by the writer too.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../include/lagebild.h"
#include "../src/doc/doc.h"
#include "fuzz_check.h"

static lb_engine *engine;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!engine) engine = lb_engine_new_text_only();
  FZ_ASSERT(engine);
  /* an exact-size copy: ASan sees any read past the end */
  char *text = malloc(size ? size : 1);
  memcpy(text, data, size);
  /* the first bytes, up to a NUL, as id/lang/published: strings with any bytes */
  size_t k = strnlen((const char *)data, size < 24 ? size : 24);
  char meta[25];
  memcpy(meta, data, k);
  meta[k] = 0;
  lb_input in;
  memset(&in, 0, sizeof in);
  in.text = text;
  in.len = size;
  if (size && (data[0] & 1)) {
    in.id = meta;
    in.published = meta;
  }
  if (size && (data[0] & 2)) in.lang = meta;
  lb_doc *d = lb_extract(engine, &in);
  FZ_ASSERT(d);
  FZ_ASSERT(d->tx.len == size);
  for (size_t i = 0; i < size; i++)
    FZ_ASSERT(d->tx.text[i] == text[i] || d->tx.text[i] == 0x1A);
  FZ_ASSERT(fz_utf8_valid(d->tx.text, d->tx.len));
  FZ_ASSERT(memchr(d->tx.text, 0, d->tx.len) == NULL);
  char *json = NULL;
  size_t n = lb_doc_json(d, &json);
  FZ_ASSERT(json);
  FZ_ASSERT(fz_utf8_valid(json, n));
  FZ_ASSERT(fz_json_valid(json, n));
  FZ_ASSERT(n > 0 && json[0] == '{');
  free(json);
  lb_doc_free(d);
  free(text);
  return 0;
}
