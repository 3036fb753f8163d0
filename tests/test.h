/*
** test.h -- the test harness: TEST(name) { ... } with CHECK macros.
**
** Each tests/test_<module>.c registers its tests with TEST (a constructor adds
** them to a list); tests/main.c runs them all, or those whose name contains
** the first argument, and ends with "N passed, N failed". A test fails when
** any CHECK fails; every failed CHECK prints file:line and both values.
**
** Helpers give tests a real engine (the built lexicon) and real documents.
*/
#ifndef LB_TEST_H
#define LB_TEST_H

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../include/lagebild.h"
#include "../src/doc/doc.h"
#include "../src/picture/pipeline.h"

typedef void (*lb_test_fn)(void);
void lb_test_register(const char *name, lb_test_fn fn);
extern int lb_test_failed; /* failed checks in the current test */

#define TEST(name)                                                        \
  static void test_##name(void);                                          \
  __attribute__((constructor)) static void reg_##name(void) {             \
    lb_test_register(#name, test_##name);                                 \
  }                                                                       \
  static void test_##name(void)

#define CHECK(cond)                                                       \
  do {                                                                    \
    if (!(cond)) {                                                        \
      printf("  %s:%d: CHECK(%s) failed\n", __FILE__, __LINE__, #cond);   \
      lb_test_failed++;                                                   \
    }                                                                     \
  } while (0)

#define CHECK_INT(a, b)                                                   \
  do {                                                                    \
    long long a_ = (long long)(a), b_ = (long long)(b);                   \
    if (a_ != b_) {                                                       \
      printf("  %s:%d: %s == %lld, expected %lld\n", __FILE__, __LINE__,  \
             #a, a_, b_);                                                 \
      lb_test_failed++;                                                   \
    }                                                                     \
  } while (0)

#define CHECK_NUM(a, b)                                                   \
  do {                                                                    \
    double a_ = (double)(a), b_ = (double)(b);                            \
    if (!(fabs(a_ - b_) <= 1e-9 * (fabs(b_) + 1))) {                      \
      printf("  %s:%d: %s == %.10g, expected %.10g\n", __FILE__,          \
             __LINE__, #a, a_, b_);                                       \
      lb_test_failed++;                                                   \
    }                                                                     \
  } while (0)

#define CHECK_STR(a, b)                                                   \
  do {                                                                    \
    const char *a_ = (a), *b_ = (b);                                      \
    if (!((a_ == NULL && b_ == NULL) ||                                   \
          (a_ && b_ && strcmp(a_, b_) == 0))) {                           \
      printf("  %s:%d: %s == \"%s\", expected \"%s\"\n", __FILE__,        \
             __LINE__, #a, a_ ? a_ : "(null)", b_ ? b_ : "(null)");       \
      lb_test_failed++;                                                   \
    }                                                                     \
  } while (0)

/* The shared engine with the full lexicon (loaded once; aborts if missing). */
const lb_engine *t_engine(void);
/* Extract a NUL-terminated text; published may be NULL. Free with lb_doc_free. */
lb_doc *t_doc(const char *text, const char *published);
/* Same, with an explicit language. */
lb_doc *t_doc_lang(const char *text, const char *published, const char *lang);
/* The seed article (data/sample/kursk-2024-11.de.txt) read with 2024-11-11;
** shared, do not free. */
const lb_doc *t_seed(void);
/* Read a file of the repository into a malloc'd NUL-terminated buffer. */
char *t_read_file(const char *path, size_t *len);
/* Byte offset of the n-th (0-based) occurrence of needle in hay, or -1. */
long t_find(const char *hay, const char *needle, int n);
/* The document's text span as a NUL-terminated arena string. */
const char *t_span(const lb_doc *d, unsigned start, unsigned end);
/* A scratch path "build/test-<pid>-<name>" (build/ is made); one of 8
** static buffers, reused in turn. */
const char *t_tmp_path(const char *name);
/* Remove an SQLite file and its -wal and -shm files. */
void t_rm_db(const char *path);

#endif
