/*
** replay.c -- runs a fuzz target's entry point over files, without libFuzzer.
**
**   build/asan/replay_fuzz_serve FILE...
**
** `make test` links every fuzz target with this main and the ASan+UBSan
** library and replays its seeds (tests/suite_fuzz.sh), so a change that
** breaks a target -- its fixture, its invariants -- fails the tests, not only
** the next `make fuzz`. Prints "N passed, 0 failed"; a broken invariant
** aborts (the suite counts that as a failure).
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
int LLVMFuzzerInitialize(int *argc, char ***argv) __attribute__((weak));

int main(int argc, char **argv) {
  if (LLVMFuzzerInitialize) LLVMFuzzerInitialize(&argc, &argv);
  int n = 0;
  for (int i = 1; i < argc; i++) {
    FILE *f = fopen(argv[i], "rb");
    if (!f) {
      fprintf(stderr, "%s: cannot open\n", argv[i]);
      return 1;
    }
    uint8_t *b = NULL;
    size_t len = 0, cap = 0, k;
    do {
      if (len == cap) {
        cap = cap ? 2 * cap : 4096;
        uint8_t *nb = realloc(b, cap);
        if (!nb) return 1;
        b = nb;
      }
      k = fread(b + len, 1, cap - len, f);
      len += k;
    } while (k > 0);
    fclose(f);
    /* an exact-size copy, as libFuzzer passes inputs: ASan sees overreads */
    uint8_t *x = malloc(len ? len : 1);
    if (!x) return 1;
    for (size_t j = 0; j < len; j++) x[j] = b[j];
    free(b);
    LLVMFuzzerTestOneInput(x, len);
    free(x);
    n++;
  }
  LLVMFuzzerTestOneInput((const uint8_t *)"", 0);
  printf("%d passed, 0 failed\n", n + 1);
  return 0;
}
