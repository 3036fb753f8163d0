/*
** fuzz_conllu.c -- libFuzzer target: the CoNLL-U reader and writer
** (src/syntax/conllu.c), from an exact-size buffer so that ASan sees any
** read past its end. Every sentence it returns must have words with heads
** inside the sentence and multiword ranges inside it; writing a sentence
** and reading the output back must give the same words; a broken sentence
** must come with a message that names the input and a line; and the
** reader must reach the end.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../src/base/arena.h"
#include "../src/base/buf.h"
#include "../src/syntax/conllu.h"
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *buf = malloc(size ? size : 1);
  if (!buf) return 0;
  memcpy(buf, data, size);
  lb_conllu_reader r;
  lb_conllu_init(&r, "fuzz", buf, size);
  lb_arena *a = lb_arena_new();
  lb_buf out = LB_BUF_INIT;
  char err[512];
  for (size_t guard = 0; guard <= size + 1; guard++) {
    lb_conllu_sent s;
    lb_arena_reset(a);
    int rc = lb_conllu_next(&r, a, &s, err, sizeof err);
    if (rc == 0) break;
    if (rc < 0) {
      FZ_ASSERT(strncmp(err, "fuzz: line ", 11) == 0);
      continue;
    }
    FZ_ASSERT(s.words.n > 0);
    for (size_t i = 0; i < s.words.n; i++) FZ_ASSERT(s.words.v[i].head <= (int)s.words.n);
    for (size_t i = 0; i < s.mwts.n; i++)
      FZ_ASSERT(s.mwts.v[i].first >= 1 && s.mwts.v[i].last <= (int)s.words.n);
    /* write it and read it back: the same words */
    lb_buf_reset(&out);
    lb_conllu_write(&out, &s);
    lb_conllu_reader r2;
    lb_conllu_init(&r2, "again", out.p, out.n);
    lb_conllu_sent t;
    int rc2 = lb_conllu_next(&r2, a, &t, err, sizeof err);
    FZ_ASSERT(rc2 == 1);
    FZ_ASSERT(t.words.n == s.words.n);
    for (size_t i = 0; i < s.words.n; i++) {
      FZ_ASSERT(strcmp(t.words.v[i].form, s.words.v[i].form) == 0);
      FZ_ASSERT(t.words.v[i].head == s.words.v[i].head);
    }
  }
  lb_buf_free(&out);
  lb_arena_free(a);
  free(buf);
  return 0;
}
