/*
** fuzz_num.c -- libFuzzer target for the number and date parsers.
**
** Feeds arbitrary bytes to lb_num_parse (both languages), to the word
** numeral composer (with the real lexicon when one is found) and, as a
** document with and without a publication date, through the whole pipeline,
** so the date and quantity stages see hostile digit strings ("10^400", 500
** digits, "31.02.", "9. bis 99. November"). Any crash or sanitizer report is
** a bug; huge numbers must come back as LB_NUM_HUGE or a warning.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../include/lagebild.h"
#include "../src/doc/doc.h"
#include "../src/extract/num.h"
#include "../src/lex/lex.h"
#include "../src/picture/pipeline.h"

static lb_engine *engine;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!engine) {
    char err[256];
    engine = lb_engine_new(NULL, err, sizeof err);
    if (!engine) engine = lb_engine_new_text_only();
  }
  double v;
  unsigned fl;
  for (int g = 0; g < 2; g++) {
    int st = lb_num_parse((const char *)data, size, g, &v, &fl);
    if (st == LB_NUM_OK && (v != v || v < 0)) abort(); /* NaN or negative: a bug */
  }
  const lb_lex *lx = lb_engine_lex(engine);
  if (lx) {
    lb_num_word w;
    lb_num_word_get(lx, lb_lex_table(lx, "num"), (const char *)data, size, &w);
  }
  if (size > 4096) return 0;
  lb_input in;
  memset(&in, 0, sizeof in);
  in.text = (const char *)data;
  in.len = size;
  in.id = "fuzz";
  in.published = (size & 1) ? "2024-11-11" : NULL;
  in.lang = (size & 2) ? "de" : "en";
  lb_doc *d = lb_extract(engine, &in);
  if (d) {
    for (size_t i = 0; i < d->quantities.n; i++)
      if (d->quantities.v[i].end > d->tx.len || d->quantities.v[i].start > d->quantities.v[i].end)
        abort();
    for (size_t i = 0; i < d->dates.n; i++)
      if (d->dates.v[i].end > d->tx.len || d->dates.v[i].start > d->dates.v[i].end) abort();
    lb_doc_free(d);
  }
  return 0;
}
