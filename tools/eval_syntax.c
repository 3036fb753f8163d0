/*
** eval_syntax.c -- score a parsed CoNLL-U file against its gold file
** (`make eval-syntax`, tools/eval_syntax.sh): UPOS, UFeats, Lemma, UAS and
** LAS as the CoNLL 2018 shared task counts them for gold words (syneval.h).
**
**   eval_syntax GOLD SYSTEM [LABEL]
**
** The files must hold the same sentences with the same words (as `lagebild
** parse --conllu` writes them); a sentence whose words differ is an error.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/base/arena.h"
#include "../src/base/buf.h"
#include "../src/syntax/conllu.h"
#include "syneval.h"

static int slurp(const char *path, lb_buf *b) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    perror(path);
    return -1;
  }
  char tmp[65536];
  size_t n;
  while ((n = fread(tmp, 1, sizeof tmp, f)) > 0) lb_buf_add(b, tmp, n);
  fclose(f);
  return 0;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: eval_syntax GOLD SYSTEM [LABEL]\n");
    return 2;
  }
  lb_buf g = LB_BUF_INIT, s = LB_BUF_INIT;
  if (slurp(argv[1], &g) || slurp(argv[2], &s)) return 1;
  lb_conllu_reader rg, rs;
  lb_conllu_init(&rg, argv[1], g.p ? g.p : "", g.n);
  lb_conllu_init(&rs, argv[2], s.p ? s.p : "", s.n);
  lb_arena *a = lb_arena_new();
  syneval ev = {0};
  char err[512];
  long nsent = 0;
  for (;;) {
    lb_arena_reset(a);
    lb_conllu_sent gs, ss;
    int r1 = lb_conllu_next(&rg, a, &gs, err, sizeof err);
    if (r1 < 0) {
      fprintf(stderr, "eval_syntax: %s\n", err);
      return 1;
    }
    int r2 = lb_conllu_next(&rs, a, &ss, err, sizeof err);
    if (r2 < 0) {
      fprintf(stderr, "eval_syntax: %s\n", err);
      return 1;
    }
    if (r1 == 0 || r2 == 0) {
      if (r1 != r2) {
        fprintf(stderr, "eval_syntax: %s has %s sentences than %s\n", argv[2], r1 ? "fewer" : "more",
                argv[1]);
        return 1;
      }
      break;
    }
    nsent++;
    int same = gs.words.n == ss.words.n;
    for (size_t i = 0; same && i < gs.words.n; i++) same = strcmp(gs.words.v[i].form, ss.words.v[i].form) == 0;
    if (!same) {
      fprintf(stderr, "eval_syntax: sentence %ld (line %zu of %s) has other words than the gold one\n", nsent,
              ss.line, argv[2]);
      return 1;
    }
    syneval_add(&ev, &gs, &ss);
  }
  syneval_print(stdout, argc > 3 ? argv[3] : "score", &ev);
  lb_arena_free(a);
  lb_buf_free(&g);
  lb_buf_free(&s);
  return 0;
}
