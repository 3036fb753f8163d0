/*
** eval_lang.c -- `make eval-lang`: language identification on short texts.
**
**   build/release/eval_lang tests/eval/lang_short.tsv [-v]
**
** Each line of the file is LANG, SPLIT (dev: tuned on; test: only
** reported), SOURCE and a short real text (tests/eval/lang_short_make.js
** says where they come from). Prints the share of texts whose language
** lb_lang_detect gets right, per language and split; -v lists the dev
** texts it gets wrong.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/text/lang.h"

int main(int argc, char **argv) {
  if (argc < 2) {
    fprintf(stderr, "usage: eval_lang FILE.tsv [-v]\n");
    return 2;
  }
  int verbose = argc > 2 && strcmp(argv[2], "-v") == 0;
  FILE *f = fopen(argv[1], "r");
  if (!f) {
    perror(argv[1]);
    return 1;
  }
  /* [lang de/en/other][split dev/test]: right, all */
  long right[2][2] = {{0}}, all[2][2] = {{0}};
  char *line = NULL;
  size_t cap = 0;
  ssize_t n;
  while ((n = getline(&line, &cap, f)) > 0) {
    if (line[0] == '#') continue;
    while (n && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = 0;
    char *lang = line, *split = strchr(lang, '\t');
    if (!split) continue;
    *split++ = 0;
    char *src = strchr(split, '\t');
    if (!src) continue;
    *src++ = 0;
    char *text = strchr(src, '\t');
    if (!text) continue;
    *text++ = 0;
    int l = strcmp(lang, "de") == 0 ? 0 : 1, s = strcmp(split, "test") == 0;
    const char *got = lb_lang_detect(text, strlen(text));
    int ok = got && strcmp(got, lang) == 0;
    right[l][s] += ok;
    all[l][s]++;
    if (verbose && !ok && !s) printf("%s->%s\t%s\t%s\n", lang, got ? got : "-", src, text);
  }
  free(line);
  fclose(f);
  static const char *const L[] = {"de", "en"}, *const S[] = {"dev", "test"};
  printf("language identification on short texts (%s)\n", argv[1]);
  for (int s = 0; s < 2; s++) {
    long r = 0, a = 0;
    for (int l = 0; l < 2; l++) {
      printf("%-5s %s %4ld texts  %5.1f %%\n", S[s], L[l], all[l][s],
             all[l][s] ? 100.0 * (double)right[l][s] / (double)all[l][s] : 0);
      r += right[l][s];
      a += all[l][s];
    }
    printf("%-5s both %4ld texts  %5.1f %%\n", S[s], a, a ? 100.0 * (double)r / (double)a : 0);
  }
  return 0;
}
