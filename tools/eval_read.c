/*
** eval_read.c -- `make eval-read`: how well the HTML reader finds article
** text, on the article-extraction benchmark in ../shared/data.
**
**   build/release/eval_read DATA_DIR SPLIT_FILE [-v] [-d OUT_DIR] [PAGE_ID...]
**
** DATA_DIR holds ground-truth.json ({id: {articleBody, url}}) and
** html/<id>.html.gz; SPLIT_FILE (tests/eval/read_split.txt) names each page's
** side, dev (tuned on) or test (only reported). Each page goes through
** lb_art_read, exactly what `lagebild read` prints as "text".
**
** The metric is the benchmark's own (its SOURCE.md): both texts lower-cased
** and split into words at white space; every run of 4 consecutive words is
** a shingle (a text of fewer words is one shingle); per page precision and
** recall over the shingle multisets (1 when both sides are empty); then the
** means over pages, and F1 of the mean precision and mean recall. -v prints
** every page's figures, worst first; -d writes each page's text to OUT_DIR.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include <jansson.h>
#include <utf8proc.h>
#include <zlib.h>

#include "../src/base/buf.h"
#include "../src/read/article.h"

/* Unicode white space as Python's str.split() sees it (str.isspace). */
static int is_space(int32_t c) {
  return (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x20) || c == 0x85 || c == 0xA0 ||
         c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 ||
         c == 0x202F || c == 0x205F || c == 0x3000;
}

typedef struct words {
  uint64_t *h; /* hash of each lower-cased word */
  size_t n, cap;
} words;

static void split(const char *s, size_t n, words *w) {
  w->n = 0;
  uint64_t h = 1469598103934665603ULL;
  int in = 0;
  for (size_t i = 0; i < n;) {
    int32_t c;
    utf8proc_ssize_t k = utf8proc_iterate((const utf8proc_uint8_t *)s + i, (utf8proc_ssize_t)(n - i), &c);
    if (k <= 0) {
      k = 1;
      c = 0xFFFD;
    }
    i += (size_t)k;
    if (is_space(c)) {
      if (in) {
        if (w->n == w->cap) {
          w->cap = w->cap ? 2 * w->cap : 1024;
          w->h = realloc(w->h, w->cap * sizeof *w->h);
        }
        w->h[w->n++] = h;
      }
      in = 0;
      h = 1469598103934665603ULL;
      continue;
    }
    c = utf8proc_tolower(c);
    in = 1;
    h = (h ^ (uint64_t)c) * 1099511628211ULL;
  }
  if (in) {
    if (w->n == w->cap) {
      w->cap = w->cap ? 2 * w->cap : 1024;
      w->h = realloc(w->h, w->cap * sizeof *w->h);
    }
    w->h[w->n++] = h;
  }
}

static int cmp_u64(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return x < y ? -1 : x > y;
}

/* The sorted shingle hashes of a word list (runs of 4; fewer words: one). */
static size_t shingles(const words *w, uint64_t **out) {
  size_t m = w->n == 0 ? 0 : w->n < 4 ? 1 : w->n - 3;
  uint64_t *s = malloc((m ? m : 1) * sizeof *s);
  for (size_t i = 0; i < m; i++) {
    uint64_t h = 0x9E3779B97F4A7C15ULL;
    for (size_t j = i; j < i + 4 && j < w->n; j++) h = (h ^ w->h[j]) * 0x100000001B3ULL + (h >> 29);
    s[i] = h;
  }
  qsort(s, m, sizeof *s, cmp_u64);
  *out = s;
  return m;
}

static void score(const char *truth, size_t tn, const char *pred, size_t pn, double *p, double *r) {
  words wt = {0}, wp = {0};
  split(truth, tn, &wt);
  split(pred, pn, &wp);
  uint64_t *st, *sp;
  size_t nt = shingles(&wt, &st), np = shingles(&wp, &sp);
  size_t tp = 0, i = 0, j = 0;
  while (i < nt && j < np) {
    if (st[i] == sp[j]) {
      tp++;
      i++;
      j++;
    } else if (st[i] < sp[j]) {
      i++;
    } else {
      j++;
    }
  }
  size_t fp = np - tp, fn = nt - tp;
  if (fp == 0 && fn == 0) {
    *p = *r = 1;
  } else {
    *p = tp + fp ? (double)tp / (double)(tp + fp) : 0;
    *r = tp + fn ? (double)tp / (double)(tp + fn) : 0;
  }
  free(st);
  free(sp);
  free(wt.h);
  free(wp.h);
}

static char *read_gz(const char *path, size_t *n) {
  gzFile g = gzopen(path, "rb");
  if (!g) return NULL;
  size_t cap = 1 << 20, len = 0;
  char *b = malloc(cap);
  int k;
  while ((k = gzread(g, b + len, (unsigned)(cap - len))) > 0) {
    len += (size_t)k;
    if (len == cap) b = realloc(b, cap *= 2);
  }
  gzclose(g);
  *n = len;
  return b;
}

typedef struct row {
  const char *id;
  int test;
  double p, r;
} row;

static int by_f(const void *a, const void *b) {
  const row *x = a, *y = b;
  double fx = x->p + x->r > 0 ? 2 * x->p * x->r / (x->p + x->r) : 0;
  double fy = y->p + y->r > 0 ? 2 * y->p * y->r / (y->p + y->r) : 0;
  return fx < fy ? -1 : fx > fy;
}

static void report(const char *name, const row *rows, size_t n, int which) {
  double sp = 0, sr = 0;
  size_t k = 0;
  for (size_t i = 0; i < n; i++)
    if (which < 0 || rows[i].test == which) {
      sp += rows[i].p;
      sr += rows[i].r;
      k++;
    }
  if (!k) return;
  double p = sp / (double)k, r = sr / (double)k, f = p + r > 0 ? 2 * p * r / (p + r) : 0;
  printf("%-5s %4zu pages   F1 %.3f   precision %.3f   recall %.3f\n", name, k, f, p, r);
}

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: eval_read DATA_DIR SPLIT_FILE [-v] [-d OUT_DIR] [PAGE_ID...]\n");
    return 2;
  }
  const char *dir = argv[1], *splitf = argv[2], *outdir = NULL;
  int verbose = 0;
  char **only = calloc((size_t)argc, sizeof *only);
  int nonly = 0;
  for (int i = 3; i < argc; i++) {
    if (strcmp(argv[i], "-v") == 0) verbose = 1;
    else if (strcmp(argv[i], "-d") == 0 && i + 1 < argc) outdir = argv[++i];
    else only[nonly++] = argv[i];
  }
  char path[4096];
  snprintf(path, sizeof path, "%s/ground-truth.json", dir);
  json_error_t err;
  json_t *gt = json_load_file(path, 0, &err);
  if (!gt) {
    printf("eval-read: %s: %s (the benchmark is not there: nothing to measure)\n", path, err.text);
    free(only);
    return 0;
  }
  FILE *sf = fopen(splitf, "r");
  if (!sf) {
    perror(splitf);
    return 1;
  }
  if (outdir) mkdir(outdir, 0755);
  row *rows = calloc(json_object_size(gt) + 1, sizeof *rows);
  size_t nrows = 0, bytes = 0;
  char line[512];
  double t = 0;
  lb_buf out = LB_BUF_INIT;
  while (fgets(line, sizeof line, sf)) {
    char id[200], side[16];
    if (line[0] == '#' || sscanf(line, "%199s %15s", id, side) != 2) continue;
    if (nonly) {
      int hit = 0;
      for (int k = 0; k < nonly; k++) hit |= strcmp(only[k], id) == 0;
      if (!hit) continue;
    }
    const json_t *e = json_object_get(gt, id);
    const char *truth = json_string_value(json_object_get(e, "articleBody"));
    snprintf(path, sizeof path, "%s/html/%s.html.gz", dir, id);
    size_t n;
    char *html = read_gz(path, &n);
    if (!truth || !html) {
      fprintf(stderr, "eval-read: %s: page or ground truth missing\n", id);
      free(html);
      continue;
    }
    lb_art a;
    lb_buf_reset(&out);
    double t0 = now();
    lb_art_read(html, n, NULL, &out, &a);
    t += now() - t0;
    bytes += n;
    const char *text = a.text != LB_ART_NONE ? out.p + a.text : "";
    row *r = &rows[nrows++];
    r->id = strdup(id);
    r->test = strcmp(side, "test") == 0;
    score(truth, strlen(truth), text, a.len, &r->p, &r->r);
    if (outdir) {
      snprintf(path, sizeof path, "%s/%s.txt", outdir, id);
      FILE *o = fopen(path, "w");
      if (o) {
        fwrite(text, 1, a.len, o);
        fclose(o);
      }
    }
    free(html);
  }
  fclose(sf);
  if (verbose) {
    qsort(rows, nrows, sizeof *rows, by_f);
    for (size_t i = 0; i < nrows; i++) {
      double f = rows[i].p + rows[i].r > 0 ? 2 * rows[i].p * rows[i].r / (rows[i].p + rows[i].r) : 0;
      printf("%-4s %.3f  P %.3f  R %.3f  %.16s\n", rows[i].test ? "test" : "dev", f, rows[i].p,
             rows[i].r, rows[i].id);
    }
  }
  printf("article-extraction benchmark, %s (%zu pages, %.1f MB of HTML read in %.2f s)\n", dir,
         nrows, (double)bytes / 1e6, t);
  report("dev", rows, nrows, 0);
  report("test", rows, nrows, 1);
  report("all", rows, nrows, -1);
  for (size_t i = 0; i < nrows; i++) free((char *)rows[i].id);
  free(rows);
  free(only);
  lb_buf_free(&out);
  json_decref(gt);
  return 0;
}
