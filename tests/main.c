/*
** main.c -- test runner (see test.h). `test_lagebild [SUBSTRING]`.
** Run from the repository root (tests read data/ and tests/data/).
*/
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdlib.h>
#include <string.h>

#include "test.h"

typedef struct {
  const char *name;
  lb_test_fn fn;
} entry;
static entry *tests;
static size_t ntests, cap;
int lb_test_failed;

void lb_test_register(const char *name, lb_test_fn fn) {
  if (ntests == cap) {
    cap = cap ? cap * 2 : 64;
    tests = realloc(tests, cap * sizeof *tests);
    if (!tests) abort();
  }
  tests[ntests].name = name;
  tests[ntests].fn = fn;
  ntests++;
}

static int by_name(const void *a, const void *b) {
  return strcmp(((const entry *)a)->name, ((const entry *)b)->name);
}

static lb_engine *engine;
static lb_doc *seed;

const lb_engine *t_engine(void) {
  if (!engine) {
    char err[512];
    engine = lb_engine_new(getenv("LAGEBILD_LEXICON") ? NULL : "bin/lagebild.lex", err,
                           sizeof err);
    if (!engine) {
      fprintf(stderr, "test: %s\n", err);
      exit(1);
    }
  }
  return engine;
}

lb_doc *t_doc_lang(const char *text, const char *published, const char *lang) {
  lb_input in;
  memset(&in, 0, sizeof in);
  in.text = text;
  in.len = strlen(text);
  in.published = published;
  in.lang = lang;
  in.id = "test";
  return lb_extract(t_engine(), &in);
}

lb_doc *t_doc(const char *text, const char *published) {
  return t_doc_lang(text, published, NULL);
}

char *t_read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    fprintf(stderr, "test: cannot open %s\n", path);
    exit(1);
  }
  fseek(f, 0, SEEK_END);
  long n = ftell(f);
  fseek(f, 0, SEEK_SET);
  char *b = malloc((size_t)n + 1);
  if (!b || fread(b, 1, (size_t)n, f) != (size_t)n) exit(1);
  b[n] = 0;
  fclose(f);
  if (len) *len = (size_t)n;
  return b;
}

const lb_doc *t_seed(void) {
  if (!seed) {
    size_t n;
    char *text = t_read_file("data/sample/kursk-2024-11.de.txt", &n);
    lb_input in;
    memset(&in, 0, sizeof in);
    in.text = text;
    in.len = n;
    in.published = "2024-11-11";
    in.id = "kursk-2024-11";
    seed = lb_extract(t_engine(), &in);
    free(text);
  }
  return seed;
}

long t_find(const char *hay, const char *needle, int n) {
  const char *p = hay;
  for (;;) {
    const char *q = strstr(p, needle);
    if (!q) return -1;
    if (n-- == 0) return q - hay;
    p = q + 1;
  }
}

const char *t_span(const lb_doc *d, unsigned start, unsigned end) {
  return lb_text_span(&d->tx, start, end);
}

int main(int argc, char **argv) {
  const char *filter = argc > 1 ? argv[1] : NULL;
  qsort(tests, ntests, sizeof *tests, by_name);
  int passed = 0, failed = 0;
  for (size_t i = 0; i < ntests; i++) {
    if (filter && !strstr(tests[i].name, filter)) continue;
    lb_test_failed = 0;
    tests[i].fn();
    if (lb_test_failed) {
      printf("FAIL %s\n", tests[i].name);
      failed++;
    } else {
      passed++;
    }
  }
  lb_doc_free(seed);
  lb_engine_free(engine);
  free(tests);
  printf("%d passed, %d failed\n", passed, failed);
  return failed ? 1 : 0;
}

const char *t_tmp_path(const char *name) {
  static char buf[8][256];
  static int k;
  char *p = buf[k++ % 8];
  mkdir("build", 0755);
  snprintf(p, 256, "build/test-%d-%s", (int)getpid(), name);
  return p;
}

void t_rm_db(const char *path) {
  char b[300];
  unlink(path);
  snprintf(b, sizeof b, "%s-wal", path);
  unlink(b);
  snprintf(b, sizeof b, "%s-shm", path);
  unlink(b);
}
