/*
** train_syntax.c -- learn a syntax model (src/syntax/model.h) from
** Universal Dependencies treebanks: `make model` runs it once per language.
**
**   train_syntax --lang de --lexicon bin/lagebild.lex -o data/syntax/de.lbsyn \
**       --train de_pud-ud.conllu --train de_gsd-ud-dev.conllu@1-399 \
**       --test de_gsd-ud-dev.conllu@400-799 [--meta key=value] ...
**
** FILE@FROM-TO takes the sentences FROM..TO (1-based, inclusive) of a file.
** Steps, all deterministic (one seeded generator; no threads):
**   1. the vocabulary: tags, relations, feature bundles, lemma rules, the
**      tag and lemma dictionaries -> a skeleton model, mapped as the real
**      one will be, so training reads the same tables tagging reads;
**   2. UPOS and FEATS by K-fold jackknifing, so that the parser learns from
**      tags as good (and as wrong) as it will see;
**   3. the UPOS, FEATS and lemma perceptrons on all the training data;
**   4. the parser (dynamic oracle, exploration after the first epochs) and
**      its labeller, on the jackknifed tags;
**   5. averaged weights quantised to 16 bits, written with the skeleton;
**   6. the written file mapped and run over the test sentences: the scores
**      (syneval.h) printed and stored in the model's META.
** The feature functions are the library's (tagger.c, parser.c): training
** and tagging cannot drift apart.
*/
#include <assert.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../src/base/arena.h"
#include "../src/base/buf.h"
#include "../src/lex/lex.h"
#include "../src/text/norm.h"
#include "../src/syntax/ana.h"
#include "../src/syntax/conllu.h"
#include "../src/syntax/model.h"
#include "../src/syntax/parser.h"
#include "../src/syntax/tagger.h"
#include "syneval.h"

/* ---------------------------------------------------------------- utils */

static void die(const char *fmt, const char *a) {
  fprintf(stderr, "train_syntax: ");
  fprintf(stderr, fmt, a);
  fputc('\n', stderr);
  exit(1);
}

static void *xcalloc(size_t n, size_t s) {
  void *p = calloc(n ? n : 1, s ? s : 1);
  if (!p) die("%s", "out of memory");
  return p;
}
static void *xrealloc(void *p, size_t n) {
  p = realloc(p, n ? n : 1);
  if (!p) die("%s", "out of memory");
  return p;
}

static uint64_t rng_state = 0x2545F4914F6CDD1Dull;
static uint64_t rng(void) {
  uint64_t x = rng_state;
  x ^= x >> 12, x ^= x << 25, x ^= x >> 27;
  rng_state = x;
  return x * 0x2545F4914F6CDD1Dull;
}
static double rng01(void) { return (double)(rng() >> 11) / 9007199254740992.0; }
static void shuffle(int *v, int n) {
  for (int i = n - 1; i > 0; i--) {
    int j = (int)(rng() % (uint64_t)(i + 1));
    int t = v[i];
    v[i] = v[j];
    v[j] = t;
  }
}

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* A string -> int map (names of tags, relations, bundles, rules). */
typedef struct strmap {
  char **k;
  int *v;
  size_t cap, n;
} strmap;

static uint64_t shash(const char *s) { return lb_ana_hash(s, strlen(s)); }

static int *sm_slot(strmap *m, const char *s, int create) {
  if (create && (m->n + 1) * 2 > m->cap) {
    strmap t = {0};
    t.cap = m->cap ? m->cap * 2 : 64;
    t.k = xcalloc(t.cap, sizeof *t.k);
    t.v = xcalloc(t.cap, sizeof *t.v);
    for (size_t i = 0; i < m->cap; i++)
      if (m->k[i]) {
        size_t j = shash(m->k[i]) & (t.cap - 1);
        while (t.k[j]) j = (j + 1) & (t.cap - 1);
        t.k[j] = m->k[i];
        t.v[j] = m->v[i];
      }
    t.n = m->n;
    free(m->k);
    free(m->v);
    *m = t;
  }
  if (!m->cap) return NULL;
  size_t j = shash(s) & (m->cap - 1);
  while (m->k[j]) {
    if (strcmp(m->k[j], s) == 0) return &m->v[j];
    j = (j + 1) & (m->cap - 1);
  }
  if (!create) return NULL;
  m->k[j] = strdup(s);
  m->v[j] = -1;
  m->n++;
  return &m->v[j];
}
static int sm_get(strmap *m, const char *s) {
  int *p = sm_slot(m, s, 0);
  return p ? *p : -1;
}

/* A list of names with ids in order of first sight (then sorted). */
typedef struct names {
  strmap map;
  char **v;
  long *count;
  int n, cap;
} names;

static int names_add(names *ns, const char *s) {
  int *p = sm_slot(&ns->map, s, 1);
  if (*p < 0) {
    if (ns->n == ns->cap) {
      ns->cap = ns->cap ? ns->cap * 2 : 32;
      ns->v = xrealloc(ns->v, (size_t)ns->cap * sizeof *ns->v);
      ns->count = xrealloc(ns->count, (size_t)ns->cap * sizeof *ns->count);
    }
    ns->v[ns->n] = strdup(s);
    ns->count[ns->n] = 0;
    *p = ns->n++;
  }
  ns->count[*p]++;
  return *p;
}

/* ---------------------------------------------------- weight tables */

typedef struct wtab {
  int ncls;
  size_t cap; /* slots, a power of two */
  uint64_t *key;
  uint32_t *row;
  size_t nrows, rowcap;
  float *w;
  double *u;
  double c; /* examples seen, for averaging */
} wtab;

static void wt_init(wtab *t, int ncls) {
  memset(t, 0, sizeof *t);
  t->ncls = ncls;
  t->cap = 1 << 16;
  t->key = xcalloc(t->cap, sizeof *t->key);
  t->row = xcalloc(t->cap, sizeof *t->row);
  t->c = 1;
}
static void wt_free(wtab *t) {
  free(t->key), free(t->row), free(t->w), free(t->u);
  memset(t, 0, sizeof *t);
}

static inline uint64_t wt_k(uint64_t h) { return h ? h : 1; }

static float *wt_get(wtab *t, uint64_t h, int create) {
  h = wt_k(h);
  size_t j = h & (t->cap - 1);
  while (t->key[j]) {
    if (t->key[j] == h) return t->w + (size_t)t->row[j] * (size_t)t->ncls;
    j = (j + 1) & (t->cap - 1);
  }
  if (!create) return NULL;
  if ((t->nrows + 1) * 10 > t->cap * 7) {
    size_t nc = t->cap * 2;
    uint64_t *nk = xcalloc(nc, sizeof *nk);
    uint32_t *nr = xcalloc(nc, sizeof *nr);
    for (size_t i = 0; i < t->cap; i++)
      if (t->key[i]) {
        size_t q = t->key[i] & (nc - 1);
        while (nk[q]) q = (q + 1) & (nc - 1);
        nk[q] = t->key[i];
        nr[q] = t->row[i];
      }
    free(t->key), free(t->row);
    t->key = nk, t->row = nr, t->cap = nc;
    j = h & (t->cap - 1);
    while (t->key[j]) j = (j + 1) & (t->cap - 1);
  }
  if (t->nrows == t->rowcap) {
    t->rowcap = t->rowcap ? t->rowcap * 2 : 4096;
    t->w = xrealloc(t->w, t->rowcap * (size_t)t->ncls * sizeof *t->w);
    t->u = xrealloc(t->u, t->rowcap * (size_t)t->ncls * sizeof *t->u);
  }
  memset(t->w + t->nrows * (size_t)t->ncls, 0, (size_t)t->ncls * sizeof *t->w);
  memset(t->u + t->nrows * (size_t)t->ncls, 0, (size_t)t->ncls * sizeof *t->u);
  t->key[j] = h;
  t->row[j] = (uint32_t)t->nrows;
  return t->w + t->nrows++ * (size_t)t->ncls;
}

static void wt_score(wtab *t, const uint64_t *f, int nf, float *sc) {
  memset(sc, 0, (size_t)t->ncls * sizeof *sc);
  for (int i = 0; i < nf; i++) {
    const float *r = wt_get(t, f[i], 0);
    if (!r) continue;
    for (int k = 0; k < t->ncls; k++) sc[k] += r[k];
  }
}

static void wt_update(wtab *t, const uint64_t *f, int nf, int cls, float delta) {
  for (int i = 0; i < nf; i++) {
    float *r = wt_get(t, f[i], 1);
    size_t off = (size_t)(r - t->w) + (size_t)cls;
    t->w[off] += delta;
    t->u[off] += t->c * delta;
  }
}

/* Replace the weights by their averages (w - u / c). */
static void wt_average(wtab *t) {
  size_t n = t->nrows * (size_t)t->ncls;
  for (size_t i = 0; i < n; i++) t->w[i] = (float)(t->w[i] - t->u[i] / t->c);
}

/* ------------------------------------------------------ model builder */

typedef struct mbuild {
  lb_buf sec[LB_SEC_MAX];
  strmap strs;
  lb_buf str;
} mbuild;

static uint32_t mb_str(mbuild *b, const char *s) {
  int *p = sm_slot(&b->strs, s, 1);
  if (*p < 0) {
    if (b->str.n == 0) lb_buf_addc(&b->str, 0); /* offset 0 = "" */
    if (!*s) {
      *p = 0;
      return 0;
    }
    *p = (int)b->str.n;
    lb_buf_add(&b->str, s, strlen(s) + 1);
  }
  return (uint32_t)*p;
}

static void u32(lb_buf *b, uint32_t v) { lb_buf_add(b, &v, 4); }
static void u16(lb_buf *b, uint16_t v) { lb_buf_add(b, &v, 2); }

static void mb_dict(lb_buf *out, size_t n, const uint64_t *keys, const uint32_t *vals) {
  uint32_t cap = 16;
  while (cap < 2 * n + 2) cap *= 2;
  uint32_t *slots = xcalloc((size_t)cap * 2, 4);
  for (size_t i = 0; i < n; i++) {
    uint32_t fp = (uint32_t)(keys[i] >> 32) | 1, j = (uint32_t)keys[i] & (cap - 1);
    while (slots[2 * j] && !(slots[2 * j] == fp)) j = (j + 1) & (cap - 1);
    slots[2 * j] = fp;
    slots[2 * j + 1] = vals[i];
  }
  u32(out, cap);
  lb_buf_add(out, slots, (size_t)cap * 8);
  free(slots);
}

/* Quantise an averaged table into out; rows whose weights all round to 0
** are dropped. Returns the rows kept. */
static size_t mb_tab(lb_buf *out, const wtab *t) {
  float mx = 0;
  size_t n = t->nrows * (size_t)t->ncls;
  for (size_t i = 0; i < n; i++) mx = fmaxf(mx, fabsf(t->w[i]));
  float scale = mx > 0 ? 32000.0f / mx : 1;
  uint32_t *keep = xcalloc(t->nrows, sizeof *keep);
  size_t kept = 0;
  for (size_t r = 0; r < t->nrows; r++) {
    int any = 0;
    for (int k = 0; k < t->ncls; k++) any |= lrintf(t->w[r * (size_t)t->ncls + (size_t)k] * scale) != 0;
    keep[r] = any ? (uint32_t)kept++ : UINT32_MAX;
  }
  uint32_t cap = 16;
  while (cap < kept + kept / 2 + 2) cap *= 2;
  uint32_t *slots = xcalloc((size_t)cap * 2, 4);
  /* dedupe by fingerprint+slot: a later equal fingerprint in one probe
  ** chain would shadow: keep the first (the chance is ~2^-32 per pair) */
  for (size_t i = 0; i < t->cap; i++) {
    if (!t->key[i] || keep[t->row[i]] == UINT32_MAX) continue;
    uint64_t h = t->key[i];
    uint32_t fp = (uint32_t)(h >> 32) | 1, j = (uint32_t)h & (cap - 1);
    while (slots[2 * j]) j = (j + 1) & (cap - 1);
    slots[2 * j] = fp;
    slots[2 * j + 1] = keep[t->row[i]];
  }
  u32(out, cap);
  u32(out, (uint32_t)t->ncls);
  u32(out, (uint32_t)kept);
  u32(out, 0);
  lb_buf_add(out, slots, (size_t)cap * 8);
  for (size_t r = 0; r < t->nrows; r++) {
    if (keep[r] == UINT32_MAX) continue;
    for (int k = 0; k < t->ncls; k++) {
      long q = lrintf(t->w[r * (size_t)t->ncls + (size_t)k] * scale);
      u16(out, (uint16_t)(int16_t)(q > 32767 ? 32767 : q < -32767 ? -32767 : q));
    }
  }
  free(slots);
  free(keep);
  return kept;
}

/* The file: header, section table, sections on 8-byte boundaries. */
static void mb_finish(mbuild *b, lb_buf *file) {
  b->sec[LB_SEC_STR] = b->str;
  int ids[LB_SEC_MAX], ns = 0;
  for (int i = 1; i < LB_SEC_MAX; i++)
    if (b->sec[i].n) ids[ns++] = i;
  size_t off = 20 + 12 * (size_t)ns;
  off = (off + 7) & ~(size_t)7;
  lb_buf_reset(file);
  lb_buf_add(file, LB_SYNM_MAGIC, 8);
  u32(file, LB_SYNM_VERSION);
  u32(file, 0); /* size, set below */
  u32(file, (uint32_t)ns);
  size_t o = off;
  for (int k = 0; k < ns; k++) {
    u32(file, (uint32_t)ids[k]);
    u32(file, (uint32_t)o);
    u32(file, (uint32_t)b->sec[ids[k]].n);
    o = (o + b->sec[ids[k]].n + 7) & ~(size_t)7;
  }
  for (int k = 0; k < ns; k++) {
    while (file->n % 8) lb_buf_addc(file, 0);
    lb_buf_add(file, b->sec[ids[k]].p, b->sec[ids[k]].n);
  }
  while (file->n % 8) lb_buf_addc(file, 0);
  uint32_t size = (uint32_t)file->n;
  memcpy(file->p + 12, &size, 4);
}

/* --------------------------------------------------------- treebanks */

typedef struct tsent {
  lb_conllu_sent c;
  int fold;
  int *gold_head;   /* projectivised, root = n */
  int *gold_upos, *gold_bundle, *gold_rel;
  lb_ana ana;       /* atoms (prepared once) */
  uint8_t *jk_upos; /* jackknifed tags */
  uint16_t *jk_feats;
} tsent;

typedef struct tbank {
  tsent *v;
  int n, cap;
} tbank;

static lb_arena *ARENA; /* everything read lives to the end */

static void load(tbank *tb, const char *spec) {
  char path[4096];
  long from = 1, to = -1;
  snprintf(path, sizeof path, "%s", spec);
  char *at = strrchr(path, '@');
  if (at) {
    *at = 0;
    if (sscanf(at + 1, "%ld-%ld", &from, &to) != 2 || from < 1 || to < from)
      die("bad range in %s (want FILE@FROM-TO)", spec);
  }
  FILE *f = fopen(path, "rb");
  if (!f) die("cannot open %s", path);
  lb_buf b = LB_BUF_INIT;
  char tmp[65536];
  size_t n;
  while ((n = fread(tmp, 1, sizeof tmp, f)) > 0) lb_buf_add(&b, tmp, n);
  fclose(f);
  lb_conllu_reader r;
  lb_conllu_init(&r, strdup(path), b.p ? b.p : "", b.n);
  long k = 0;
  for (;;) {
    if (tb->n == tb->cap) {
      tb->cap = tb->cap ? tb->cap * 2 : 1024;
      tb->v = xrealloc(tb->v, (size_t)tb->cap * sizeof *tb->v);
    }
    tsent *s = &tb->v[tb->n];
    memset(s, 0, sizeof *s);
    char err[512];
    int rc = lb_conllu_next(&r, ARENA, &s->c, err, sizeof err);
    if (rc == 0) break;
    if (rc < 0) die("%s", err);
    k++;
    if (k < from || (to > 0 && k > to)) continue;
    tb->n++;
  }
  /* the buffer stays: the sentences point into the arena, not into it */
  lb_buf_free(&b);
}

/* ------------------------------------------------------ vocabulary */

typedef struct vocab {
  names upos, rel, bundle, attr, pair, rule;
  int *bundle_pair; /* nbundle x nattr */
  int *cand_n;      /* per upos: number of bundles */
  int **cand;       /* per upos: bundle ids */
  char **rule_strip, **rule_add;
  int *rule_flags;
} vocab;

/* The lemma rule that turns form into lemma, as "strip\tadd\tflags". */
static void derive_rule(const char *form, const char *lemma, char *out, size_t cap) {
  uint32_t ll;
  lb_arena *a = lb_arena_new();
  const char *low = lb_norm_key_arena(a, form, strlen(form), &ll);
  size_t fl = strlen(form);
  const char *base = fl == ll ? form : low;
  size_t bl = fl == ll ? fl : ll;
  size_t L = strlen(lemma);
  size_t p1 = 0;
  while (p1 < bl && p1 < L && base[p1] == lemma[p1]) p1++;
  /* the same with the first letter lower-cased (ASCII and Latin-1) */
  char lf[8] = {0};
  size_t p2 = 0;
  int lower = 0;
  if (bl > 0) {
    unsigned char c = (unsigned char)base[0];
    if (c >= 'A' && c <= 'Z') lf[0] = (char)(c + 32), lower = 1;
    else if (c == 0xC3 && bl >= 2 && (unsigned char)base[1] >= 0x80 && (unsigned char)base[1] <= 0x9E &&
             (unsigned char)base[1] != 0x97)
      lf[0] = (char)c, lf[1] = (char)(base[1] + 32), lower = 2;
    if (lower) {
      size_t k = 0;
      while (k < (size_t)lower && k < L && lf[k] == lemma[k]) k++;
      if (k == (size_t)lower) {
        p2 = k;
        while (p2 < bl && p2 < L && base[p2] == lemma[p2]) p2++;
      }
    }
  }
  int flags = 0;
  size_t p = p1;
  if (p2 > p1) p = p2, flags |= 1;
  /* back off to a character boundary */
  while (p > 0 && p < bl && ((unsigned char)base[p] & 0xC0) == 0x80) p--;
  while (p > 0 && p < L && ((unsigned char)lemma[p] & 0xC0) == 0x80) p--;
  if (p == 0 && bl > 0) flags |= 4; /* nothing shared: this word only */
  if (p == 0) flags &= ~1;
  snprintf(out, cap, "%s\t%s\t%d", low + p, lemma + p, flags);
  lb_arena_free(a);
}

/* ---------------------------------------------------------- globals */

static struct {
  const char *lang, *out, *lexpath, *write_test;
  const char *train[32], *test[32], *meta[32];
  int ntrain, ntest, nmeta;
  int ep_tag, ep_parse, folds, explore_from;
  double explore_p;
  unsigned long seed;
  int use_lex, gold_tags;
} opt = {.ep_tag = 8, .ep_parse = 15, .folds = 10, .explore_from = 2, .explore_p = 0.9, .seed = 1};

static tbank TR, TE;
static vocab V;
static const lb_lex *LX;

static uint32_t tagbit(int u) { return 1u << u; }

static uint8_t freq_class(long c) {
  uint8_t k = 0;
  while (c > 0 && k < 12) c >>= 1, k++;
  return k;
}

/* ------------------------------------------------------------ steps */

static void build_vocab(void) {
  for (int i = 0; i < TR.n; i++) {
    lb_conllu_sent *c = &TR.v[i].c;
    for (size_t k = 0; k < c->words.n; k++) {
      lb_conllu_word *w = &c->words.v[k];
      names_add(&V.upos, w->upos);
      names_add(&V.rel, w->deprel);
      names_add(&V.bundle, w->feats);
    }
  }
  names_add(&V.rel, "root");
  if (V.rel.n > 64) die("%s", "more than 64 relations: map the rare ones first");
  if (V.upos.n > 24) die("%s", "more than 24 UPOS tags");
  /* attributes and pairs */
  for (int b = 0; b < V.bundle.n; b++) {
    const char *p = V.bundle.v[b];
    while (p && *p && strcmp(p, "_") != 0) {
      const char *bar = strchr(p, '|');
      size_t l = bar ? (size_t)(bar - p) : strlen(p);
      char item[256];
      snprintf(item, sizeof item, "%.*s", (int)l, p);
      char *eq = strchr(item, '=');
      if (eq) {
        *eq = 0;
        names_add(&V.attr, item);
      }
      p = bar ? bar + 1 : NULL;
    }
  }
  for (int a = 0; a < V.attr.n; a++) {
    char k[300];
    snprintf(k, sizeof k, "%s=", V.attr.v[a]); /* "Attr=" is the none pair */
    names_add(&V.pair, k);
  }
  V.bundle_pair = xcalloc((size_t)V.bundle.n * (size_t)(V.attr.n ? V.attr.n : 1), sizeof *V.bundle_pair);
  for (int b = 0; b < V.bundle.n; b++) {
    for (int a = 0; a < V.attr.n; a++) {
      char k[300];
      snprintf(k, sizeof k, "%s=", V.attr.v[a]);
      V.bundle_pair[b * V.attr.n + a] = sm_get(&V.pair.map, k);
    }
    const char *p = V.bundle.v[b];
    while (p && *p && strcmp(p, "_") != 0) {
      const char *bar = strchr(p, '|');
      size_t l = bar ? (size_t)(bar - p) : strlen(p);
      char item[300];
      snprintf(item, sizeof item, "%.*s", (int)l, p);
      char *eq = strchr(item, '=');
      if (eq) {
        char an[256];
        snprintf(an, sizeof an, "%.*s", (int)(eq - item), item);
        int a = sm_get(&V.attr.map, an);
        V.bundle_pair[b * V.attr.n + a] = names_add(&V.pair, item);
      }
      p = bar ? bar + 1 : NULL;
    }
  }
  /* "_" must be bundle 0: the model's default */
  if (sm_get(&V.bundle.map, "_") != 0) {
    /* the first word of the first sentence had features: swap ids */
    int z = names_add(&V.bundle, "_");
    V.bundle.count[z]--;
    char *t = V.bundle.v[0];
    V.bundle.v[0] = V.bundle.v[z];
    V.bundle.v[z] = t;
    *sm_slot(&V.bundle.map, V.bundle.v[0], 0) = 0;
    *sm_slot(&V.bundle.map, V.bundle.v[z], 0) = z;
    long tc = V.bundle.count[0];
    V.bundle.count[0] = V.bundle.count[z];
    V.bundle.count[z] = tc;
    /* bundle_pair rows were computed for the old order: recompute below */
    for (int b = 0; b < V.bundle.n; b++)
      for (int a = 0; a < V.attr.n; a++) {
        char k[300];
        snprintf(k, sizeof k, "%s=", V.attr.v[a]);
        V.bundle_pair[b * V.attr.n + a] = sm_get(&V.pair.map, k);
      }
    for (int b = 0; b < V.bundle.n; b++) {
      const char *p = V.bundle.v[b];
      while (p && *p && strcmp(p, "_") != 0) {
        const char *bar = strchr(p, '|');
        size_t l = bar ? (size_t)(bar - p) : strlen(p);
        char item[300];
        snprintf(item, sizeof item, "%.*s", (int)l, p);
        char *eq = strchr(item, '=');
        if (eq) {
          char an[256];
          snprintf(an, sizeof an, "%.*s", (int)(eq - item), item);
          V.bundle_pair[b * V.attr.n + sm_get(&V.attr.map, an)] = sm_get(&V.pair.map, item);
        }
        p = bar ? bar + 1 : NULL;
      }
    }
  }
  /* candidates per UPOS */
  V.cand_n = xcalloc((size_t)V.upos.n, sizeof *V.cand_n);
  V.cand = xcalloc((size_t)V.upos.n, sizeof *V.cand);
  char *seen = xcalloc((size_t)V.upos.n * (size_t)V.bundle.n, 1);
  for (int i = 0; i < TR.n; i++) {
    lb_conllu_sent *c = &TR.v[i].c;
    for (size_t k = 0; k < c->words.n; k++) {
      int u = sm_get(&V.upos.map, c->words.v[k].upos), b = sm_get(&V.bundle.map, c->words.v[k].feats);
      if (!seen[u * V.bundle.n + b]) {
        seen[u * V.bundle.n + b] = 1;
        V.cand[u] = xrealloc(V.cand[u], (size_t)(V.cand_n[u] + 1) * sizeof **V.cand);
        V.cand[u][V.cand_n[u]++] = b;
      }
    }
  }
  free(seen);
  /* lemma rules */
  for (int i = 0; i < TR.n; i++) {
    lb_conllu_sent *c = &TR.v[i].c;
    for (size_t k = 0; k < c->words.n; k++) {
      char r[600];
      if (strcmp(c->words.v[k].lemma, "_") == 0) continue;
      derive_rule(c->words.v[k].form, c->words.v[k].lemma, r, sizeof r);
      names_add(&V.rule, r);
    }
  }
  fprintf(stderr, "vocabulary: %d UPOS, %d relations, %d bundles, %d attributes, %d pairs, %d lemma rules\n",
          V.upos.n, V.rel.n, V.bundle.n, V.attr.n, V.pair.n, V.rule.n);
}

/* The parser atom of a bundle: the attributes that steer attachment. */
static uint32_t patom(const char *feats) {
  static const char *const keep[] = {"Case", "VerbForm", "Mood", "PronType", "Voice", "Reflex", "Poss"};
  uint64_t h = 7;
  for (size_t k = 0; k < sizeof keep / sizeof *keep; k++) {
    size_t l;
    const char *v = lb_conllu_feat(feats, keep[k], &l);
    if (v) h = lb_ana_mix(h ^ k, lb_ana_hash(v, l));
  }
  return (uint32_t)(h ^ (h >> 32));
}

/* Tag and lemma dictionaries from sentences not of fold `skip` (-1: all). */
typedef struct counts {
  strmap idx; /* folded form -> row */
  long (*c)[25];
  int n, cap;
} counts;

static void count_tags(counts *ct, int skip) {
  memset(ct, 0, sizeof *ct);
  lb_arena *a = lb_arena_new();
  for (int i = 0; i < TR.n; i++) {
    if (TR.v[i].fold == skip) continue;
    lb_ana *s = &TR.v[i].ana;
    for (int k = 0; k < s->n; k++) {
      char key[64];
      snprintf(key, sizeof key, "%016llx", (unsigned long long)s->w[k].h_low);
      int *p = sm_slot(&ct->idx, key, 1);
      if (*p < 0) {
        if (ct->n == ct->cap) {
          ct->cap = ct->cap ? ct->cap * 2 : 4096;
          ct->c = xrealloc(ct->c, (size_t)ct->cap * sizeof *ct->c);
        }
        memset(ct->c[ct->n], 0, sizeof *ct->c);
        *p = ct->n++;
      }
      ct->c[*p][TR.v[i].gold_upos[k]]++;
      ct->c[*p][24]++;
    }
  }
  lb_arena_free(a);
}

static uint32_t amb_of(counts *ct, uint64_t h_low, uint8_t *freq) {
  char key[64];
  snprintf(key, sizeof key, "%016llx", (unsigned long long)h_low);
  int r = sm_get(&ct->idx, key);
  *freq = 0;
  if (r < 0) return 0;
  long tot = ct->c[r][24];
  uint32_t amb = 0;
  for (int u = 0; u < V.upos.n; u++)
    if (ct->c[r][u] > 0 && ct->c[r][u] * 100 >= tot) amb |= tagbit(u);
  *freq = freq_class(tot);
  return amb;
}

static void counts_free(counts *ct) {
  for (size_t i = 0; i < ct->idx.cap; i++) free(ct->idx.k[i]);
  free(ct->idx.k), free(ct->idx.v), free(ct->c);
}

/* The skeleton (everything but weights) into b. */
static void build_skeleton(mbuild *b) {
  memset(b, 0, sizeof *b);
  mb_str(b, "");
  /* META */
  lb_buf *m = &b->sec[LB_SEC_META];
  uint32_t nmeta = (uint32_t)opt.nmeta + 2;
  u32(m, nmeta);
  char tmp[512];
  snprintf(tmp, sizeof tmp, "lang=%s", opt.lang);
  u32(m, mb_str(b, tmp));
  u32(m, mb_str(b, opt.use_lex ? "lexmorph=form" : "lexmorph=none"));
  for (int i = 0; i < opt.nmeta; i++) u32(m, mb_str(b, opt.meta[i]));
  u32(&b->sec[LB_SEC_UPOS], (uint32_t)V.upos.n);
  for (int i = 0; i < V.upos.n; i++) u32(&b->sec[LB_SEC_UPOS], mb_str(b, V.upos.v[i]));
  u32(&b->sec[LB_SEC_REL], (uint32_t)V.rel.n);
  for (int i = 0; i < V.rel.n; i++) u32(&b->sec[LB_SEC_REL], mb_str(b, V.rel.v[i]));
  /* FEATS */
  lb_buf *f = &b->sec[LB_SEC_FEATS];
  u32(f, (uint32_t)V.bundle.n);
  u32(f, (uint32_t)V.attr.n);
  u32(f, (uint32_t)V.pair.n);
  for (int a = 0; a < V.attr.n; a++) u32(f, mb_str(b, V.attr.v[a]));
  for (int p = 0; p < V.pair.n; p++) {
    char an[256];
    const char *eq = strchr(V.pair.v[p], '=');
    snprintf(an, sizeof an, "%.*s", (int)(eq - V.pair.v[p]), V.pair.v[p]);
    u32(f, (uint32_t)sm_get(&V.attr.map, an));
    u32(f, mb_str(b, eq + 1));
  }
  for (int i = 0; i < V.bundle.n; i++) {
    u32(f, mb_str(b, V.bundle.v[i]));
    u32(f, patom(V.bundle.v[i]));
    for (int a = 0; a < V.attr.n; a++) u16(f, (uint16_t)V.bundle_pair[i * V.attr.n + a]);
  }
  if (f->n & 3) u16(f, 0);
  uint32_t first = 0;
  for (int u = 0; u < V.upos.n; u++) {
    u32(f, first);
    u32(f, (uint32_t)V.cand_n[u]);
    first += (uint32_t)V.cand_n[u];
  }
  for (int u = 0; u < V.upos.n; u++)
    for (int k = 0; k < V.cand_n[u]; k++) u16(f, (uint16_t)V.cand[u][k]);
  /* LEMRULE: rules seen, whole-word rules only when seen twice */
  lb_buf *r = &b->sec[LB_SEC_LEMRULE];
  int *keep = xcalloc((size_t)V.rule.n, sizeof *keep);
  int nk = 0;
  for (int i = 0; i < V.rule.n; i++) {
    char strip[300], add[300];
    int fl = 0;
    if (sscanf(V.rule.v[i], "%299[^\t]\t%299[^\t]\t%d", strip, add, &fl) < 2) {
      /* empty strip or add: parse by hand */
      const char *t1 = strchr(V.rule.v[i], '\t'), *t2 = t1 ? strchr(t1 + 1, '\t') : NULL;
      if (!t2) continue;
      snprintf(strip, sizeof strip, "%.*s", (int)(t1 - V.rule.v[i]), V.rule.v[i]);
      snprintf(add, sizeof add, "%.*s", (int)(t2 - t1 - 1), t1 + 1);
      fl = atoi(t2 + 1);
    }
    keep[i] = ((fl & 4) && V.rule.count[i] < 2) ? -1 : nk++;
  }
  u32(r, (uint32_t)nk);
  /* index: stripped ending -> rules */
  strmap byend = {0};
  int **lists = NULL, *lens = NULL, nends = 0;
  char **ends = NULL;
  for (int i = 0; i < V.rule.n; i++) {
    if (keep[i] < 0) continue;
    const char *t1 = strchr(V.rule.v[i], '\t'), *t2 = strchr(t1 + 1, '\t');
    char strip[300], add[300];
    snprintf(strip, sizeof strip, "%.*s", (int)(t1 - V.rule.v[i]), V.rule.v[i]);
    snprintf(add, sizeof add, "%.*s", (int)(t2 - t1 - 1), t1 + 1);
    int fl = atoi(t2 + 1);
    u32(r, mb_str(b, strip));
    u32(r, mb_str(b, add));
    u32(r, (uint32_t)fl);
    int *p = sm_slot(&byend, strip, 1);
    if (*p < 0) {
      *p = nends++;
      lists = xrealloc(lists, (size_t)nends * sizeof *lists);
      lens = xrealloc(lens, (size_t)nends * sizeof *lens);
      ends = xrealloc(ends, (size_t)nends * sizeof *ends);
      lists[*p] = NULL, lens[*p] = 0, ends[*p] = strdup(strip);
    }
    lists[*p] = xrealloc(lists[*p], (size_t)(lens[*p] + 1) * sizeof **lists);
    lists[*p][lens[*p]++] = keep[i];
  }
  uint64_t *keys = xcalloc((size_t)nends, sizeof *keys);
  uint32_t *vals = xcalloc((size_t)nends, sizeof *vals);
  lb_buf list = LB_BUF_INIT;
  for (int e = 0; e < nends; e++) {
    keys[e] = lb_ana_hash(ends[e], strlen(ends[e]));
    vals[e] = (uint32_t)(list.n / 4);
    u32(&list, (uint32_t)lens[e]);
    for (int k = 0; k < lens[e]; k++) u32(&list, (uint32_t)lists[e][k]);
  }
  mb_dict(r, (size_t)nends, keys, vals);
  lb_buf_add(r, list.p, list.n);
  lb_buf_free(&list);
  free(keys), free(vals), free(keep);
  /* TAGDICT from all training data */
  counts ct;
  count_tags(&ct, -1);
  keys = xcalloc((size_t)ct.n + 1, sizeof *keys);
  vals = xcalloc((size_t)ct.n + 1, sizeof *vals);
  size_t nd = 0;
  for (size_t i = 0; i < ct.idx.cap; i++) {
    if (!ct.idx.k[i]) continue;
    uint64_t h = strtoull(ct.idx.k[i], NULL, 16);
    uint8_t fq;
    uint32_t amb = amb_of(&ct, h, &fq);
    keys[nd] = h;
    vals[nd++] = amb | (uint32_t)fq << 24;
  }
  mb_dict(&b->sec[LB_SEC_TAGDICT], nd, keys, vals);
  free(keys), free(vals);
  counts_free(&ct);
  /* LEMDICT: (folded form, UPOS) -> most frequent lemma */
  strmap lem = {0};
  names lemv = {0};
  for (int i = 0; i < TR.n; i++) {
    lb_conllu_sent *c = &TR.v[i].c;
    for (size_t k = 0; k < c->words.n; k++) {
      if (strcmp(c->words.v[k].lemma, "_") == 0) continue;
      char key[700];
      snprintf(key, sizeof key, "%016llx\t%d\t%s", (unsigned long long)TR.v[i].ana.w[k].h_low,
               TR.v[i].gold_upos[k], c->words.v[k].lemma);
      names_add(&lemv, key);
    }
  }
  /* keep the most frequent lemma per (form, UPOS) */
  strmap best = {0};
  int *bestid = xcalloc((size_t)lemv.n + 1, sizeof *bestid);
  int nbest = 0;
  for (int i = 0; i < lemv.n; i++) {
    char k2[64];
    const char *t2 = strchr(strchr(lemv.v[i], '\t') + 1, '\t');
    snprintf(k2, sizeof k2, "%.*s", (int)(t2 - lemv.v[i]), lemv.v[i]);
    int *p = sm_slot(&best, k2, 1);
    if (*p < 0) {
      *p = nbest;
      bestid[nbest++] = i;
    } else if (lemv.count[i] > lemv.count[bestid[*p]])
      bestid[*p] = i;
  }
  keys = xcalloc((size_t)nbest + 1, sizeof *keys);
  vals = xcalloc((size_t)nbest + 1, sizeof *vals);
  for (int k = 0; k < nbest; k++) {
    const char *s = lemv.v[bestid[k]];
    uint64_t h = strtoull(s, NULL, 16);
    const char *t1 = strchr(s, '\t');
    int u = atoi(t1 + 1);
    const char *t2 = strchr(t1 + 1, '\t');
    keys[k] = lb_ana_mix(h, (uint64_t)u);
    vals[k] = mb_str(b, t2 + 1);
  }
  mb_dict(&b->sec[LB_SEC_LEMDICT], (size_t)nbest, keys, vals);
  free(keys), free(vals), free(bestid);
  (void)lem;
}

/* Set up every training sentence: gold ids, projective heads, atoms. */
static void prepare_bank(tbank *tb, const lb_synm *m, int train) {
  for (int i = 0; i < tb->n; i++) {
    tsent *s = &tb->v[i];
    int n = (int)s->c.words.n;
    s->fold = opt.folds > 1 ? i % opt.folds : 0;
    lb_ana_init(&s->ana, ARENA, n);
    s->gold_head = lb_arena_alloc(ARENA, (size_t)n * sizeof(int));
    s->gold_upos = lb_arena_alloc(ARENA, (size_t)n * sizeof(int));
    s->gold_bundle = lb_arena_alloc(ARENA, (size_t)n * sizeof(int));
    s->gold_rel = lb_arena_alloc(ARENA, (size_t)n * sizeof(int));
    s->jk_upos = lb_arena_calloc(ARENA, (size_t)n, 1);
    s->jk_feats = lb_arena_calloc(ARENA, (size_t)n, 2);
    for (int k = 0; k < n; k++) {
      lb_conllu_word *w = &s->c.words.v[k];
      s->ana.w[k].form = w->form;
      s->ana.w[k].len = (uint32_t)strlen(w->form);
      s->gold_head[k] = w->head <= 0 ? n : w->head - 1;
      s->gold_upos[k] = train ? sm_get(&V.upos.map, w->upos) : -1;
      s->gold_bundle[k] = train ? sm_get(&V.bundle.map, w->feats) : -1;
      s->gold_rel[k] = train ? sm_get(&V.rel.map, w->deprel) : -1;
    }
    if (train) lb_dep_projectivize(s->gold_head, n);
    lb_ana_prepare(&s->ana, m, opt.use_lex ? LX : NULL);
  }
}

/* Give training sentences the tag-dictionary atoms of the other folds. */
static void jackknife_amb(void) {
  if (opt.folds <= 1) return;
  for (int f = 0; f < opt.folds; f++) {
    counts ct;
    count_tags(&ct, f);
    for (int i = 0; i < TR.n; i++) {
      if (TR.v[i].fold != f) continue;
      lb_ana *s = &TR.v[i].ana;
      for (int k = 0; k < s->n; k++) s->w[k].amb = amb_of(&ct, s->w[k].h_low, &s->w[k].freq);
    }
    counts_free(&ct);
  }
}

typedef struct taggers {
  wtab up, fe, le;
} taggers;

/* The lemma rules that may apply to a word (lb_tag_rules_for). */
typedef struct rulecands {
  uint32_t r[512];
  int n;
} rulecands;

static void collect(void *ctx, uint32_t r) {
  rulecands *c = ctx;
  if (c->n < 512) c->r[c->n++] = r;
}

static int argmax(const float *sc, int n, unsigned valid) {
  int best = -1;
  for (int k = 0; k < n; k++)
    if (((valid >> k) & 1) && (best < 0 || sc[k] > sc[best])) best = k;
  return best;
}

/* Train UPOS and FEATS on the sentences not of fold `skip`. */
static void train_tagger(taggers *t, const lb_synm *m, int skip, int lemma) {
  wt_init(&t->up, V.upos.n);
  wt_init(&t->fe, V.pair.n);
  if (lemma) wt_init(&t->le, 1);
  int *order = xcalloc((size_t)TR.n, sizeof *order);
  int no = 0;
  for (int i = 0; i < TR.n; i++)
    if (TR.v[i].fold != skip) order[no++] = i;
  uint64_t f[LB_TAG_MAXF];
  float sc[64];
  float *ps = xcalloc((size_t)V.pair.n, sizeof *ps);
  for (int ep = 0; ep < opt.ep_tag; ep++) {
    shuffle(order, no);
    long right = 0, all = 0, fright = 0, lright = 0, lall = 0;
    for (int oi = 0; oi < no; oi++) {
      tsent *s = &TR.v[order[oi]];
      lb_ana *a = &s->ana;
      for (int k = 0; k < a->n; k++) {
        int nf = lb_tag_upos_features(a, k, f);
        wt_score(&t->up, f, nf, sc);
        int p = argmax(sc, V.upos.n, ~0u);
        int g = s->gold_upos[k];
        if (p != g) {
          wt_update(&t->up, f, nf, g, 1);
          wt_update(&t->up, f, nf, p, -1);
        } else
          right++;
        t->up.c++;
        all++;
        a->w[k].upos = (uint8_t)p;
      }
      /* FEATS and lemmas on gold tags */
      for (int k = 0; k < a->n; k++) a->w[k].upos = (uint8_t)s->gold_upos[k];
      for (int k = 0; k < a->n; k++) {
        int nf = lb_tag_feats_features(a, k, f);
        wt_score(&t->fe, f, nf, ps);
        int pb = lb_tag_best_bundle(m, a->w[k].upos, ps), gb = s->gold_bundle[k];
        if (pb != gb) {
          for (uint32_t at = 0; at < m->nattr; at++) {
            int gp = lb_synm_bundle_pair(m, (uint32_t)gb, at), pp = lb_synm_bundle_pair(m, (uint32_t)pb, at);
            if (gp == pp) continue;
            wt_update(&t->fe, f, nf, gp, 1);
            wt_update(&t->fe, f, nf, pp, -1);
          }
        } else
          fright++;
        t->fe.c++;
        a->w[k].feats = (uint16_t)gb;
      }
      if (!lemma) continue;
      for (int k = 0; k < a->n; k++) {
        lb_conllu_word *cw = &s->c.words.v[k];
        if (strcmp(cw->lemma, "_") == 0) continue;
        int nf = lb_tag_lemma_features(a, k, f);
        /* candidates and their outputs */
        rulecands cands = {.n = 0};
        lb_tag_rules_for(m, a->w[k].low, a->w[k].lowlen, collect, &cands);
        if (cands.n == 0) continue;
        lb_arena *tmp = lb_arena_new();
        int best = -1, bestok = -1;
        float bs = 0, bos = 0;
        for (int c = 0; c < cands.n; c++) {
          float s1 = 0;
          for (int q = 0; q < nf; q++) {
            const float *row = wt_get(&t->le, lb_tag_lemma_key(f[q], cands.r[c]), 0);
            if (row) s1 += row[0];
          }
          const char *out = lb_tag_apply_rule(m, cands.r[c], &a->w[k], tmp);
          int ok = out && strcmp(out, cw->lemma) == 0;
          if (best < 0 || s1 > bs) best = c, bs = s1;
          if (ok && (bestok < 0 || s1 > bos)) bestok = c, bos = s1;
        }
        lall++;
        const char *pout = lb_tag_apply_rule(m, cands.r[best], &a->w[k], tmp);
        if (bestok >= 0 && !(pout && strcmp(pout, cw->lemma) == 0)) {
          uint64_t g2[LB_TAG_MAXF], p2[LB_TAG_MAXF];
          for (int q = 0; q < nf; q++) {
            g2[q] = lb_tag_lemma_key(f[q], cands.r[bestok]);
            p2[q] = lb_tag_lemma_key(f[q], cands.r[best]);
          }
          wt_update(&t->le, g2, nf, 0, 1);
          wt_update(&t->le, p2, nf, 0, -1);
        } else if (bestok >= 0)
          lright++;
        t->le.c++;
        lb_arena_free(tmp);
      }
    }
    fprintf(stderr, "  tagger epoch %d: UPOS %.2f%%  FEATS %.2f%%  lemma rules %.2f%% (training data)\n",
            ep + 1, 100.0 * (double)right / (double)all, 100.0 * (double)fright / (double)all,
            lall ? 100.0 * (double)lright / (double)lall : 0.0);
  }
  free(ps);
  free(order);
  wt_average(&t->up);
  wt_average(&t->fe);
  if (lemma) wt_average(&t->le);
}

/* Tag sentence a with the trainer's tables (UPOS, then FEATS). */
static void tag_with(taggers *t, const lb_synm *m, lb_ana *a) {
  uint64_t f[LB_TAG_MAXF];
  float sc[64];
  float *ps = xcalloc((size_t)V.pair.n, sizeof *ps);
  for (int k = 0; k < a->n; k++) {
    int nf = lb_tag_upos_features(a, k, f);
    wt_score(&t->up, f, nf, sc);
    a->w[k].upos = (uint8_t)argmax(sc, V.upos.n, ~0u);
  }
  for (int k = 0; k < a->n; k++) {
    int nf = lb_tag_feats_features(a, k, f);
    wt_score(&t->fe, f, nf, ps);
    a->w[k].feats = lb_tag_best_bundle(m, a->w[k].upos, ps);
  }
  free(ps);
}

static void jackknife_tags(const lb_synm *m) {
  if (opt.folds <= 1) {
    for (int i = 0; i < TR.n; i++)
      for (int k = 0; k < TR.v[i].ana.n; k++) {
        TR.v[i].jk_upos[k] = (uint8_t)TR.v[i].gold_upos[k];
        TR.v[i].jk_feats[k] = (uint16_t)TR.v[i].gold_bundle[k];
      }
    return;
  }
  long right = 0, all = 0;
  for (int f = 0; f < opt.folds; f++) {
    double t0 = now();
    taggers t;
    int save = opt.ep_tag;
    train_tagger(&t, m, f, 0);
    opt.ep_tag = save;
    for (int i = 0; i < TR.n; i++) {
      tsent *s = &TR.v[i];
      if (s->fold != f) continue;
      tag_with(&t, m, &s->ana);
      for (int k = 0; k < s->ana.n; k++) {
        s->jk_upos[k] = s->ana.w[k].upos;
        s->jk_feats[k] = s->ana.w[k].feats;
        right += s->jk_upos[k] == s->gold_upos[k];
        all++;
      }
    }
    wt_free(&t.up), wt_free(&t.fe);
    fprintf(stderr, "jackknife fold %d/%d: %.1f s\n", f + 1, opt.folds, now() - t0);
  }
  fprintf(stderr, "jackknifed UPOS accuracy on training data: %.2f%%\n", 100.0 * (double)right / (double)all);
}

static void train_parser(wtab *act, wtab *lab) {
  wt_init(act, LB_DEP_NACT);
  wt_init(lab, V.rel.n);
  int *order = xcalloc((size_t)TR.n, sizeof *order);
  for (int i = 0; i < TR.n; i++) order[i] = i;
  uint64_t f[LB_DEP_MAXF], lf[LB_DEP_MAXF];
  float sc[LB_DEP_NACT], ls[64];
  int root = sm_get(&V.rel.map, "root");
  for (int ep = 0; ep < opt.ep_parse; ep++) {
    double t0 = now();
    shuffle(order, TR.n);
    long arcs = 0, right = 0, lright = 0;
    for (int oi = 0; oi < TR.n; oi++) {
      tsent *s = &TR.v[order[oi]];
      lb_ana *a = &s->ana;
      lb_arena *tmp = lb_arena_new();
      lb_ana work = *a;
      work.a = tmp;
      for (int k = 0; k < a->n; k++) {
        a->w[k].upos = s->jk_upos[k];
        a->w[k].feats = s->jk_feats[k];
      }
      lb_dep_state st;
      lb_dep_init(&st, &work);
      while (!lb_dep_done(&st)) {
        unsigned valid = lb_dep_valid(&st);
        int nf = lb_dep_features(&st, f);
        wt_score(act, f, nf, sc);
        int p = argmax(sc, LB_DEP_NACT, valid);
        int cost[LB_DEP_NACT];
        lb_dep_costs(&st, s->gold_head, cost);
        unsigned zero = 0;
        for (int k = 0; k < LB_DEP_NACT; k++)
          if (cost[k] == 0) zero |= 1u << k;
        if (!zero) zero = valid; /* cannot happen for projective trees */
        int g = argmax(sc, LB_DEP_NACT, zero);
        if (!((zero >> p) & 1)) {
          wt_update(act, f, nf, g, 1);
          wt_update(act, f, nf, p, -1);
        }
        act->c++;
        int next = g;
        if (ep >= opt.explore_from && rng01() < opt.explore_p) next = p;
        int rel = 0;
        if (next != LB_DEP_SHIFT) {
          int h, d;
          lb_dep_arc(&st, next, &h, &d);
          if (h >= a->n) rel = root;
          else {
            int nl = lb_dep_label_features(&st, h, d, lf);
            wt_score(lab, lf, nl, ls);
            unsigned vl = 0;
            for (int k = 0; k < V.rel.n; k++)
              if (k != root) vl |= 1u << k;
            /* more than 32 relations: argmax over all but root */
            int pl = -1;
            for (int k = 0; k < V.rel.n; k++)
              if (k != root && (pl < 0 || ls[k] > ls[pl])) pl = k;
            (void)vl;
            if (s->gold_head[d] == h) {
              int gl = s->gold_rel[d];
              if (pl != gl) {
                wt_update(lab, lf, nl, gl, 1);
                wt_update(lab, lf, nl, pl, -1);
              } else
                lright++;
              lab->c++;
              right++;
            }
            rel = pl;
          }
          arcs++;
        }
        lb_dep_apply(&st, next, rel);
      }
      lb_arena_free(tmp);
    }
    fprintf(stderr, "  parser epoch %d: %.1f s, %ld of %ld arcs right (%.2f%%), labels %.2f%% of those\n",
            ep + 1, now() - t0, right, arcs, 100.0 * (double)right / (double)arcs,
            right ? 100.0 * (double)lright / (double)right : 0);
  }
  free(order);
  wt_average(act);
  wt_average(lab);
}

/* ------------------------------------------------------ evaluation */

static void evaluate(const lb_synm *m, syneval *ev, FILE *out) {
  memset(ev, 0, sizeof *ev);
  lb_buf ob = LB_BUF_INIT;
  for (int i = 0; i < TE.n; i++) {
    tsent *s = &TE.v[i];
    lb_arena *a = lb_arena_new();
    lb_ana an;
    lb_ana_init(&an, a, (int)s->c.words.n);
    for (int k = 0; k < an.n; k++) {
      an.w[k].form = s->c.words.v[k].form;
      an.w[k].len = (uint32_t)strlen(an.w[k].form);
    }
    lb_ana_prepare(&an, m, opt.use_lex ? LX : NULL);
    lb_tag_run(m, opt.use_lex ? LX : NULL, &an);
    if (opt.gold_tags)
      for (int k = 0; k < an.n; k++) {
        int u = lb_synm_upos_id(m, s->c.words.v[k].upos);
        int b = sm_get(&V.bundle.map, s->c.words.v[k].feats);
        if (u >= 0) an.w[k].upos = (uint8_t)u;
        if (b >= 0) an.w[k].feats = (uint16_t)b;
      }
    lb_dep_run(m, &an);
    lb_conllu_sent sys = s->c;
    sys.words.v = lb_arena_alloc(a, s->c.words.n * sizeof *sys.words.v);
    for (int k = 0; k < an.n; k++) {
      lb_conllu_word w = s->c.words.v[k];
      w.upos = lb_synm_str(m, m->upos[an.w[k].upos]);
      w.feats = lb_synm_bundle_str(m, an.w[k].feats);
      w.lemma = an.w[k].lemma;
      w.head = an.w[k].head + 1;
      w.deprel = lb_synm_str(m, m->rel[an.w[k].rel]);
      w.xpos = "_";
      w.deps = "_";
      sys.words.v[k] = w;
    }
    syneval_add(ev, &s->c, &sys);
    if (out) {
      lb_buf_reset(&ob);
      lb_conllu_write(&ob, &sys);
      fwrite(ob.p, 1, ob.n, out);
    }
    lb_arena_free(a);
  }
  lb_buf_free(&ob);
}

/* ------------------------------------------------------------- main */

static void usage(void) {
  fprintf(stderr,
          "usage: train_syntax --lang LANG -o MODEL --train FILE[@FROM-TO]... --test FILE[@FROM-TO]...\n"
          "       [--lexicon LEX] (German: the morphology of table form) [--meta KEY=VALUE]...\n"
          "       [--epochs-tag N] [--epochs-parse N] [--folds K] [--seed S] [--write-test FILE]\n");
  exit(2);
}

int main(int argc, char **argv) {
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    const char *v = i + 1 < argc ? argv[i + 1] : NULL;
#define ARG(name) (strcmp(a, name) == 0 && v && (i++, 1))
    if (ARG("--lang")) opt.lang = v;
    else if (ARG("-o")) opt.out = v;
    else if (ARG("--lexicon")) opt.lexpath = v;
    else if (ARG("--train")) {
      if (opt.ntrain < 32) opt.train[opt.ntrain++] = v;
    } else if (ARG("--test")) {
      if (opt.ntest < 32) opt.test[opt.ntest++] = v;
    } else if (ARG("--meta")) {
      if (opt.nmeta < 32) opt.meta[opt.nmeta++] = v;
    } else if (ARG("--epochs-tag")) opt.ep_tag = atoi(v);
    else if (ARG("--epochs-parse")) opt.ep_parse = atoi(v);
    else if (ARG("--folds")) opt.folds = atoi(v);
    else if (ARG("--seed")) opt.seed = strtoul(v, NULL, 10);
    else if (ARG("--write-test")) opt.write_test = v;
    else if (strcmp(a, "--gold-tags") == 0) opt.gold_tags = 1;
    else usage();
#undef ARG
  }
  if (!opt.lang || !opt.out || !opt.ntrain) usage();
  rng_state ^= opt.seed * 0x9E3779B97F4A7C15ull;
  ARENA = lb_arena_new();
  double t0 = now();
  char err[512];
  if (opt.lexpath) {
    LX = lb_lex_open(opt.lexpath, err, sizeof err);
    if (!LX) die("%s", err);
    opt.use_lex = 1;
  }
  for (int i = 0; i < opt.ntrain; i++) load(&TR, opt.train[i]);
  for (int i = 0; i < opt.ntest; i++) load(&TE, opt.test[i]);
  long ntw = 0;
  for (int i = 0; i < TR.n; i++) ntw += (long)TR.v[i].c.words.n;
  fprintf(stderr, "train: %d sentences, %ld words; test: %d sentences\n", TR.n, ntw, TE.n);
  build_vocab();
  /* gold ids need the vocabulary; atoms need a model: prepare without one,
  ** build the skeleton (its dictionaries need the atoms), then map it */
  prepare_bank(&TR, NULL, 1);
  mbuild mb;
  build_skeleton(&mb);
  lb_buf skel = LB_BUF_INIT;
  mb_finish(&mb, &skel);
  lb_synm *sk = lb_synm_from_mem(skel.p, skel.n, err, sizeof err);
  if (!sk) die("skeleton: %s", err);
  for (int i = 0; i < TR.n; i++) TR.v[i].ana.m = sk;
  jackknife_amb();
  fprintf(stderr, "skeleton: %zu bytes, %.1f s\n", skel.n, now() - t0);
  jackknife_tags(sk);
  taggers tg;
  train_tagger(&tg, sk, -1, 1);
  fprintf(stderr, "tagger: %zu UPOS, %zu FEATS, %zu lemma rows; %.1f s\n", tg.up.nrows, tg.fe.nrows,
          tg.le.nrows, now() - t0);
  wtab act, lab;
  train_parser(&act, &lab);
  fprintf(stderr, "parser: %zu action rows, %zu label rows; %.1f s\n", act.nrows, lab.nrows, now() - t0);
  /* the final file, twice: without scores (to evaluate), then with them */
  size_t k1 = mb_tab(&mb.sec[LB_SEC_W_UPOS], &tg.up);
  size_t k2 = mb_tab(&mb.sec[LB_SEC_W_FEATS], &tg.fe);
  size_t k3 = mb_tab(&mb.sec[LB_SEC_W_LEMMA], &tg.le);
  size_t k4 = mb_tab(&mb.sec[LB_SEC_W_ACT], &act);
  size_t k5 = mb_tab(&mb.sec[LB_SEC_W_LAB], &lab);
  fprintf(stderr, "rows kept: UPOS %zu FEATS %zu lemma %zu actions %zu labels %zu\n", k1, k2, k3, k4, k5);
  lb_buf file = LB_BUF_INIT;
  mb_finish(&mb, &file);
  lb_synm *m = lb_synm_from_mem(file.p, file.n, err, sizeof err);
  if (!m) die("model: %s", err);
  if (TE.n) {
    FILE *wt = opt.write_test ? fopen(opt.write_test, "w") : NULL;
    syneval ev;
    double te0 = now();
    evaluate(m, &ev, wt);
    double te = now() - te0;
    if (wt) fclose(wt);
    char label[64];
    snprintf(label, sizeof label, "%s held-out", opt.lang);
    syneval_print(stderr, label, &ev);
    fprintf(stderr, "  (tagging and parsing %ld words: %.2f s, %.0f words/s)\n", ev.words, te,
            (double)ev.words / te);
  }
  FILE *o = fopen(opt.out, "wb");
  if (!o || fwrite(file.p, 1, file.n, o) != file.n || fclose(o) != 0) die("cannot write %s", opt.out);
  fprintf(stderr, "wrote %s: %.1f MB, %.1f s in all\n", opt.out, (double)file.n / 1048576.0, now() - t0);
  lb_synm_close(m);
  lb_synm_close(sk);
  return 0;
}
