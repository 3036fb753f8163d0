/*
** train_syntax.c -- learn a syntax model (src/syntax/model.h) from
** Universal Dependencies treebanks: `make model` runs it once per language
** (tools/train_models.sh).
**
**   train_syntax --lang de --lexicon bin/lagebild.lex -o data/syntax/de.lbsyn \
**       --train de_pud-ud.conllu --train de_gsd-ud-dev.conllu@1-399 \
**       --test de_gsd-ud-dev.conllu@400-799 [--meta key=value] ...
**
** FILE@FROM-TO takes the sentences FROM..TO (1-based, inclusive) of a file;
** FILE[@FROM-TO]:TB marks them as treebank TB (0..3): the network gets a
** bit for the treebank, and follows --treebank TB when it is used.
** Steps, deterministic for a seed and a thread count:
**   1. the vocabulary: tags, relations, feature bundles, lemma rules, the
**      tag, lemma and word dictionaries -> a skeleton model, mapped as the
**      real one will be, so training reads the tables tagging reads;
**   2. the network (src/syntax/nn.h) trained with Adam on the sum of five
**      losses (UPOS, FEATS pairs, lemma rule, head, relation), dropout on
**      the inputs and between LSTM layers, word dropout for rare words;
**      the forward pass is the library's (lb_nn_forward), the backward pass
**      is here; products go through OpenBLAS;
**   3. the weights written into the skeleton; the file mapped and run over
**      the test sentences through src/syntax/parse.c, the scores
**      (syneval.h) printed and stored in the model's META.
*/
#include <assert.h>
#include <cblas.h>
#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../src/base/arena.h"
#include "../src/base/buf.h"
#include "../src/lex/lex.h"
#include "../src/syntax/ana.h"
#include "../src/syntax/conllu.h"
#include "../src/syntax/model.h"
#include "../src/syntax/nn.h"
#include "../src/syntax/parse.h"
#include "../src/text/norm.h"
#include "syneval.h"

void openblas_set_num_threads(int);

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
  int tb; /* the treebank's conventions (FILE@RANGE:TB; 0 by default) */
  int *gold_head; /* position of the head: 0 = ROOT, k = word k-1 */
  int *gold_upos, *gold_bundle, *gold_rel;
  lb_ana ana;     /* atoms (prepared once) */
  lb_nn_in *in;   /* the network's inputs */
  uint32_t *rfirst, *rcount; /* per word: its candidate lemma rules in rules[] */
} tsent;

typedef struct tbank {
  tsent *v;
  int n, cap;
} tbank;

static lb_arena *ARENA; /* everything read lives to the end */

static void load(tbank *tb_, const char *spec) {
  char path[4096];
  long from = 1, to = -1;
  snprintf(path, sizeof path, "%s", spec);
  int tb = 0;
  char *colon = strrchr(path, ':');
  if (colon && colon[1] >= '0' && colon[1] <= '9' && !colon[2]) {
    tb = colon[1] - '0';
    if (tb >= LB_NN_NTB) die("treebank number too large in %s", spec);
    *colon = 0;
  }
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
    if (tb_->n == tb_->cap) {
      tb_->cap = tb_->cap ? tb_->cap * 2 : 1024;
      tb_->v = xrealloc(tb_->v, (size_t)tb_->cap * sizeof *tb_->v);
    }
    tsent *s = &tb_->v[tb_->n];
    memset(s, 0, sizeof *s);
    char err[512];
    int rc = lb_conllu_next(&r, ARENA, &s->c, err, sizeof err);
    if (rc == 0) break;
    if (rc < 0) die("%s", err);
    k++;
    if (k < from || (to > 0 && k > to)) continue;
    s->tb = tb;
    tb_->n++;
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
  int epochs, batch, threads, eval_every;
  double lr, drop_in, drop_h, word_drop, ema;
  unsigned long seed;
  int use_lex, gradcheck;
  unsigned lexwhat; /* LB_ANA_*: --lexmorph form, --lexnames */
  unsigned no_lemmas; /* bit TB: --no-lemmas TB */
  lb_nn_dims d;
} opt = {.epochs = 30, .batch = 32, .threads = 2, .eval_every = 1, .lr = 2e-3, .drop_in = 0.25, .ema = 0.999,
         .drop_h = 0.33, .word_drop = 0.25, .seed = 1,
         .d = {.dword = 100, .nhash = 1 << 14, .dhash = 24, .hid = 200, .nlayer = 2, .darc = 256,
               .dlab = 64}};

static tbank TR, TE;
static vocab V;
static const lb_lex *LX;
static strmap WORDS; /* folded form hash (hex) -> row */
static long *WORDFREQ;
static uint32_t *RULEMASK; /* per rule: the UPOS tags it was seen with */
static int RULEMASK_N;
static int *PAIRATTR; /* attribute of each pair */

static uint8_t freq_class(long c) {
  uint8_t k = 0;
  while (c > 0 && k < 11) c >>= 1, k++;
  return k;
}

/* ------------------------------------------------------------ vocabulary */

static void pair_items(const char *feats, void (*fn)(const char *item, size_t l, void *ctx),
                       void *ctx) {
  const char *p = feats;
  while (p && *p && strcmp(p, "_") != 0) {
    const char *bar = strchr(p, '|');
    size_t l = bar ? (size_t)(bar - p) : strlen(p);
    fn(p, l, ctx);
    p = bar ? bar + 1 : NULL;
  }
}

static void add_attr(const char *item, size_t l, void *ctx) {
  (void)ctx;
  char buf[300];
  snprintf(buf, sizeof buf, "%.*s", (int)l, item);
  char *eq = strchr(buf, '=');
  if (eq) {
    *eq = 0;
    names_add(&V.attr, buf);
  }
}

static void set_pair(const char *item, size_t l, void *ctx) {
  int b = *(int *)ctx;
  char buf[300], an[300];
  snprintf(buf, sizeof buf, "%.*s", (int)l, item);
  char *eq = strchr(buf, '=');
  if (!eq) return;
  snprintf(an, sizeof an, "%.*s", (int)(eq - buf), buf);
  int a = sm_get(&V.attr.map, an);
  int p = sm_get(&V.pair.map, buf);
  if (p < 0) p = names_add(&V.pair, buf);
  V.bundle_pair[b * V.attr.n + a] = p;
}

static void build_vocab(void) {
  names_add(&V.bundle, "_"); /* bundle 0 */
  V.bundle.count[0] = 0;
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
  for (int b = 0; b < V.bundle.n; b++) pair_items(V.bundle.v[b], add_attr, NULL);
  for (int a = 0; a < V.attr.n; a++) {
    char k[300];
    snprintf(k, sizeof k, "%s=", V.attr.v[a]); /* "Attr=": the attribute is absent */
    names_add(&V.pair, k);
  }
  V.bundle_pair = xcalloc((size_t)V.bundle.n * (size_t)(V.attr.n ? V.attr.n : 1), sizeof *V.bundle_pair);
  for (int b = 0; b < V.bundle.n; b++) {
    for (int a = 0; a < V.attr.n; a++) {
      char k[300];
      snprintf(k, sizeof k, "%s=", V.attr.v[a]);
      V.bundle_pair[b * V.attr.n + a] = sm_get(&V.pair.map, k);
    }
    pair_items(V.bundle.v[b], set_pair, &b);
  }
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
  for (int i = 0; i < TR.n; i++) {
    lb_conllu_sent *c = &TR.v[i].c;
    for (size_t k = 0; k < c->words.n; k++) {
      char r[600];
      if (strcmp(c->words.v[k].lemma, "_") == 0) continue;
      derive_rule(c->words.v[k].form, c->words.v[k].lemma, r, sizeof r);
      int id = names_add(&V.rule, r);
      if (id >= RULEMASK_N) {
        RULEMASK = xrealloc(RULEMASK, (size_t)(id + 1024) * sizeof *RULEMASK);
        memset(RULEMASK + RULEMASK_N, 0, (size_t)(id + 1024 - RULEMASK_N) * sizeof *RULEMASK);
        RULEMASK_N = id + 1024;
      }
      RULEMASK[id] |= 1u << sm_get(&V.upos.map, c->words.v[k].upos);
    }
  }
  fprintf(stderr, "vocabulary: %d UPOS, %d relations, %d bundles, %d attributes, %d pairs, %d lemma rules\n",
          V.upos.n, V.rel.n, V.bundle.n, V.attr.n, V.pair.n, V.rule.n);
}

/* The parser atom of a bundle: the attributes that steer attachment
** (read by the extractors through lb_synm_bundle_patom). */
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

/* Tag counts per folded form from sentences not of fold `skip` (-1: all). */
typedef struct counts {
  strmap idx;
  long (*c)[25];
  int n, cap;
} counts;

static void hexkey(char *key, uint64_t h) { snprintf(key, 20, "%016llx", (unsigned long long)h); }

static void count_tags(counts *ct, int skip) {
  memset(ct, 0, sizeof *ct);
  for (int i = 0; i < TR.n; i++) {
    if (TR.v[i].fold == skip) continue;
    lb_ana *s = &TR.v[i].ana;
    for (int k = 0; k < s->n; k++) {
      char key[24];
      hexkey(key, s->w[k].h_low);
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
}

static uint32_t amb_of(counts *ct, uint64_t h_low, uint8_t *freq) {
  char key[24];
  hexkey(key, h_low);
  int r = sm_get(&ct->idx, key);
  *freq = 0;
  if (r < 0) return 0;
  long tot = ct->c[r][24];
  uint32_t amb = 0;
  for (int u = 0; u < V.upos.n; u++)
    if (ct->c[r][u] > 0 && ct->c[r][u] * 100 >= tot) amb |= 1u << u;
  *freq = freq_class(tot);
  return amb;
}

static void counts_free(counts *ct) {
  for (size_t i = 0; i < ct->idx.cap; i++) free(ct->idx.k[i]);
  free(ct->idx.k), free(ct->idx.v), free(ct->c);
}

/* The word vocabulary: folded forms seen twice or more (row 0: unknown,
** row 1: reserved). */
static void build_words(void) {
  counts ct;
  count_tags(&ct, -1);
  int rows = 2;
  WORDFREQ = xcalloc((size_t)ct.n + 2, sizeof *WORDFREQ);
  for (size_t i = 0; i < ct.idx.cap; i++) {
    if (!ct.idx.k[i]) continue;
    long f = ct.c[ct.idx.v[i]][24];
    if (f < 2) continue;
    *sm_slot(&WORDS, ct.idx.k[i], 1) = rows;
    WORDFREQ[rows++] = f;
  }
  opt.d.nword = (uint32_t)rows;
  counts_free(&ct);
}

static uint32_t word_row(uint64_t h) {
  char key[24];
  hexkey(key, h);
  int r = sm_get(&WORDS, key);
  return r < 0 ? 0 : (uint32_t)r;
}

/* The skeleton (everything but the weights) into b. */
static void build_skeleton(mbuild *b, const char *scores) {
  memset(b, 0, sizeof *b);
  mb_str(b, "");
  lb_buf *m = &b->sec[LB_SEC_META];
  u32(m, (uint32_t)opt.nmeta + 3 + (scores ? 1 : 0));
  char tmp[1024];
  snprintf(tmp, sizeof tmp, "lang=%s", opt.lang);
  u32(m, mb_str(b, tmp));
  u32(m, mb_str(b, opt.lexwhat & LB_ANA_FORM ? "lexmorph=form" : "lexmorph=none"));
  u32(m, mb_str(b, opt.lexwhat & LB_ANA_NAMES ? "lexnames=1" : "lexnames=0"));
  for (int i = 0; i < opt.nmeta; i++) u32(m, mb_str(b, opt.meta[i]));
  if (scores) {
    snprintf(tmp, sizeof tmp, "scores=%s", scores);
    u32(m, mb_str(b, tmp));
  }
  u32(&b->sec[LB_SEC_UPOS], (uint32_t)V.upos.n);
  for (int i = 0; i < V.upos.n; i++) u32(&b->sec[LB_SEC_UPOS], mb_str(b, V.upos.v[i]));
  u32(&b->sec[LB_SEC_REL], (uint32_t)V.rel.n);
  for (int i = 0; i < V.rel.n; i++) u32(&b->sec[LB_SEC_REL], mb_str(b, V.rel.v[i]));
  lb_buf *f = &b->sec[LB_SEC_FEATS];
  u32(f, (uint32_t)V.bundle.n);
  u32(f, (uint32_t)V.attr.n);
  u32(f, (uint32_t)V.pair.n);
  for (int a = 0; a < V.attr.n; a++) u32(f, mb_str(b, V.attr.v[a]));
  for (int p = 0; p < V.pair.n; p++) {
    char an[300];
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
  /* lemma rules seen twice or more (a word seen once has its lemma in the
  ** dictionary; a rule seen once is mostly noise) */
  lb_buf *r = &b->sec[LB_SEC_LEMRULE];
  int *keep = xcalloc((size_t)V.rule.n, sizeof *keep);
  int nk = 0;
  for (int i = 0; i < V.rule.n; i++) keep[i] = V.rule.count[i] < 2 ? -1 : nk++;
  opt.d.nrule = (uint32_t)nk;
  u32(r, (uint32_t)nk);
  strmap byend = {0};
  int **lists = NULL, *lens = NULL, nends = 0;
  char **ends = NULL;
  for (int i = 0; i < V.rule.n; i++) {
    if (keep[i] < 0) continue;
    const char *t1 = strchr(V.rule.v[i], '\t'), *t2 = strchr(t1 + 1, '\t');
    char strip[300], add[300];
    snprintf(strip, sizeof strip, "%.*s", (int)(t1 - V.rule.v[i]), V.rule.v[i]);
    snprintf(add, sizeof add, "%.*s", (int)(t2 - t1 - 1), t1 + 1);
    u32(r, mb_str(b, strip));
    u32(r, mb_str(b, add));
    u32(r, (uint32_t)(atoi(t2 + 1) & 0xFF) | (V.upos.n <= 24 ? RULEMASK[i] << 8 : 0));
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
  uint64_t *keys = xcalloc((size_t)nends + 1, sizeof *keys);
  uint32_t *vals = xcalloc((size_t)nends + 1, sizeof *vals);
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
  /* tag dictionary */
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
  /* lemma dictionary: (folded form, UPOS) -> the most frequent lemma */
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
    const char *t1 = strchr(s, '\t'), *t2 = strchr(t1 + 1, '\t');
    keys[k] = lb_ana_mix(strtoull(s, NULL, 16), (uint64_t)atoi(t1 + 1));
    vals[k] = mb_str(b, t2 + 1);
  }
  mb_dict(&b->sec[LB_SEC_LEMDICT], (size_t)nbest, keys, vals);
  free(keys), free(vals), free(bestid);
  /* words */
  keys = xcalloc(WORDS.n + 1, sizeof *keys);
  vals = xcalloc(WORDS.n + 1, sizeof *vals);
  nd = 0;
  for (size_t i = 0; i < WORDS.cap; i++)
    if (WORDS.k[i]) keys[nd] = strtoull(WORDS.k[i], NULL, 16), vals[nd++] = (uint32_t)WORDS.v[i];
  mb_dict(&b->sec[LB_SEC_WORDS], nd, keys, vals);
  free(keys), free(vals);
}

/* Gold ids and atoms of every sentence of a bank. */
static void prepare_bank(tbank *tb, const lb_synm *m, int train) {
  for (int i = 0; i < tb->n; i++) {
    tsent *s = &tb->v[i];
    int n = (int)s->c.words.n;
    s->fold = i % 10;
    lb_ana_init(&s->ana, ARENA, n);
    s->gold_head = lb_arena_alloc(ARENA, (size_t)n * sizeof(int));
    s->gold_upos = lb_arena_alloc(ARENA, (size_t)n * sizeof(int));
    s->gold_bundle = lb_arena_alloc(ARENA, (size_t)n * sizeof(int));
    s->gold_rel = lb_arena_alloc(ARENA, (size_t)n * sizeof(int));
    for (int k = 0; k < n; k++) {
      lb_conllu_word *w = &s->c.words.v[k];
      s->ana.w[k].form = w->form;
      s->ana.w[k].len = (uint32_t)strlen(w->form);
      s->gold_head[k] = w->head < 0 ? 0 : w->head;
      s->gold_upos[k] = train ? sm_get(&V.upos.map, w->upos) : -1;
      s->gold_bundle[k] = train ? sm_get(&V.bundle.map, w->feats) : -1;
      s->gold_rel[k] = train ? sm_get(&V.rel.map, w->deprel) : -1;
    }
    lb_ana_prepare(&s->ana, m, LX, opt.lexwhat);
  }
}

/* Training sentences see the tag dictionary of the other nine tenths. */
static void jackknife_amb(void) {
  for (int f = 0; f < 10; f++) {
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

/* Candidate lemma rules of every training word, and which give the gold lemma. */
static uint32_t *RULES;
static uint8_t *RULEOK;
static size_t NRULES, CAPRULES;

typedef struct rulecol {
  uint32_t r[1024];
  int n;
} rulecol;
static void collect(void *ctx, uint32_t r) {
  rulecol *c = ctx;
  if (c->n < 1024) c->r[c->n++] = r;
}

static void prepare_inputs(const lb_synm *m) {
  lb_arena *tmp = lb_arena_new();
  for (int i = 0; i < TR.n; i++) {
    tsent *s = &TR.v[i];
    int n = s->ana.n;
    s->in = lb_arena_alloc(ARENA, (size_t)n * sizeof *s->in);
    s->rfirst = lb_arena_alloc(ARENA, (size_t)n * sizeof(uint32_t));
    s->rcount = lb_arena_alloc(ARENA, (size_t)n * sizeof(uint32_t));
    for (int k = 0; k < n; k++) {
      lb_ana_word *w = &s->ana.w[k];
      lb_nn_inputs(&opt.d, w, word_row(w->h_low), (uint32_t)s->tb, &s->in[k]);
      s->rfirst[k] = (uint32_t)NRULES;
      s->rcount[k] = 0;
      const char *gold = s->c.words.v[k].lemma;
      if (strcmp(gold, "_") == 0) continue;
      rulecol rc = {.n = 0};
      lb_parse_rules_for(m, w->low, w->lowlen, s->gold_upos[k], collect, &rc);
      int any = 0;
      size_t at = NRULES;
      for (int q = 0; q < rc.n; q++) {
        if (NRULES == CAPRULES) {
          CAPRULES = CAPRULES ? CAPRULES * 2 : 1 << 20;
          RULES = xrealloc(RULES, CAPRULES * sizeof *RULES);
          RULEOK = xrealloc(RULEOK, CAPRULES);
        }
        const char *out = lb_parse_apply_rule(m, rc.r[q], w, tmp);
        RULES[NRULES] = rc.r[q];
        RULEOK[NRULES] = out && strcmp(out, gold) == 0;
        any |= RULEOK[NRULES];
        NRULES++;
      }
      if (!any) NRULES = at; /* no rule gives the lemma: nothing to learn */
      s->rcount[k] = (uint32_t)(NRULES - at);
    }
    lb_arena_reset(tmp);
  }
  lb_arena_free(tmp);
}

/* ------------------------------------------------------------ training */

static float *P, *Am, *Av; /* weights, Adam's moments */
static float *PE;          /* the weights' exponential moving average (what is written) */
static size_t NP;

typedef struct worker {
  float *g;       /* gradient, NP floats */
  lb_nn_net gnet; /* gradient bound like the weights */
  lb_arena *a;
  uint64_t rng;
  double loss[5];
  long nwords;
  const int *items;
  int nitems;
} worker;

static uint64_t wrng(worker *w) {
  uint64_t x = w->rng;
  x ^= x >> 12, x ^= x << 25, x ^= x >> 27;
  w->rng = x;
  return x * 0x2545F4914F6CDD1Dull;
}
static float wrng01(worker *w) { return (float)((wrng(w) >> 40) / 16777216.0); }

#define G(field) ((float *)w->gnet.field)

/* C (+)= op(A) op(B). A product with one row or one column goes to sgemv:
** sgemm packs its operands on every call, which for the LSTM's one step
** at a time (a 1 x 4H row against the 4H x H matrix) cost more than the
** product itself. */
static void mm(int ta, int tb, int m, int n, int k, const float *A, int lda, const float *B, int ldb,
               float *C, int ldc, float beta) {
  if (m == 1) {
    /* c (1 x n) = a (1 x k) op(B) (k x n) */
    int inca = ta ? lda : 1;
    if (!tb) cblas_sgemv(CblasRowMajor, CblasTrans, k, n, 1.0f, B, ldb, A, inca, beta, C, 1);
    else cblas_sgemv(CblasRowMajor, CblasNoTrans, n, k, 1.0f, B, ldb, A, inca, beta, C, 1);
    return;
  }
  if (n == 1) {
    /* c (m x 1) = op(A) (m x k) b (k x 1) */
    int incb = tb ? 1 : ldb;
    if (!ta) cblas_sgemv(CblasRowMajor, CblasNoTrans, m, k, 1.0f, A, lda, B, incb, beta, C, ldc);
    else cblas_sgemv(CblasRowMajor, CblasTrans, k, m, 1.0f, A, lda, B, incb, beta, C, ldc);
    return;
  }
  cblas_sgemm(CblasRowMajor, ta ? CblasTrans : CblasNoTrans, tb ? CblasTrans : CblasNoTrans, m, n, k,
              1.0f, A, lda, B, ldb, beta, C, ldc);
}

static void blas_hook(int m, int n, int k, const float *A, int lda, const float *B, int ldb, float *C,
                      int ldc, int acc) {
  mm(0, 0, m, n, k, A, lda, B, ldb, C, ldc, acc ? 1.0f : 0.0f);
}

static float *zalloc(lb_arena *a, size_t n) { return lb_arena_calloc(a, n, sizeof(float)); }

/* Backward through y = lrelu(x W + b) (W: in x out) given dy (r x out)
** and y: dW, db, dx (r x in) accumulated. */
static void lrelu_linear_back(int r, int out, int in, const float *x, const float *W, const float *y,
                              float *dy, float *dW, float *db, float *dx) {
  for (size_t k = 0; k < (size_t)r * out; k++) dy[k] *= y[k] > 0 ? 1.0f : 0.1f;
  mm(1, 0, in, out, r, x, in, dy, out, dW, out, 1);
  for (int i = 0; i < r; i++)
    for (int o = 0; o < out; o++) db[o] += dy[(size_t)i * out + o];
  mm(0, 1, r, in, out, dy, out, W, out, dx, in, 1);
}

/* Softmax of v[0..n) in place; returns log of the sum's normaliser. */
static void softmax(float *v, int n) {
  float mx = -INFINITY;
  for (int i = 0; i < n; i++) mx = fmaxf(mx, v[i]);
  float z = 0;
  for (int i = 0; i < n; i++) z += (v[i] = expf(v[i] - mx));
  for (int i = 0; i < n; i++) v[i] /= z;
}

static void train_sentence(worker *w, const lb_nn_net *net, tsent *s) {
  const lb_nn_dims *d = &net->d;
  int n = s->ana.n, N = n + 1, H = (int)d->hid, H2 = 2 * H, din = (int)lb_nn_din(d);
  int L = (int)d->nlayer;
  lb_arena *a = w->a;
  lb_arena_reset(a);
  /* inputs with word dropout */
  lb_nn_in *in = lb_arena_alloc(a, (size_t)n * sizeof *in);
  memcpy(in, s->in, (size_t)n * sizeof *in);
  for (int i = 0; i < n; i++) {
    long f = in[i].word ? WORDFREQ[in[i].word] : 0;
    if (in[i].word && wrng01(w) < opt.word_drop / (opt.word_drop + (double)f)) in[i].word = 0;
  }
  lb_nn_act A;
  lb_nn_act_alloc(&A, d, n, a);
  /* dropout masks: whole blocks of the input (word vector, hash vectors),
  ** single units between layers */
  A.mask_x = lb_arena_alloc(a, (size_t)N * din * sizeof(float));
  for (int t = 0; t < N; t++) {
    float *mk = A.mask_x + (size_t)t * din;
    float keep = (float)(1.0 / (1.0 - opt.drop_in));
    float mw = t > 0 && wrng01(w) < opt.drop_in ? 0 : keep;
    float mh = t > 0 && wrng01(w) < opt.drop_in ? 0 : keep;
    if (t == 0) mw = mh = 1;
    for (int k = 0; k < din; k++)
      mk[k] = k < (int)d->dword ? mw : k < (int)(d->dword + LB_NN_NHF * d->dhash) ? mh : 1.0f;
  }
  for (int l = 0; l < L; l++) {
    A.mask_h[l] = lb_arena_alloc(a, (size_t)N * H2 * sizeof(float));
    A.y[l] = lb_arena_alloc(a, (size_t)N * H2 * sizeof(float));
    float keep = (float)(1.0 / (1.0 - opt.drop_h));
    for (size_t k = 0; k < (size_t)N * H2; k++) A.mask_h[l][k] = wrng01(w) < opt.drop_h ? 0 : keep;
  }
  lb_nn_forward(net, in, &A);
  const float *R = A.y[L - 1];
  float *dR = zalloc(a, (size_t)N * H2);
  /* UPOS */
  int nu = (int)d->nupos;
  float *dU = zalloc(a, (size_t)n * nu);
  for (int i = 0; i < n; i++) {
    float *p = dU + (size_t)i * nu;
    memcpy(p, A.upos + (size_t)i * nu, (size_t)nu * sizeof(float));
    softmax(p, nu);
    int g = s->gold_upos[i];
    w->loss[0] -= logf(fmaxf(p[g], 1e-30f));
    p[g] -= 1;
  }
  mm(1, 0, H2, nu, n, R + H2, H2, dU, nu, G(w_upos), nu, 1);
  for (int i = 0; i < n; i++)
    for (int k = 0; k < nu; k++) G(b_upos)[k] += dU[(size_t)i * nu + k];
  mm(0, 1, n, H2, nu, dU, nu, net->w_upos, nu, dR + H2, H2, 1);
  /* FEATS pairs: a softmax per attribute */
  int np = (int)d->npair, na = V.attr.n;
  float *dP = zalloc(a, (size_t)n * np);
  for (int i = 0; i < n; i++) {
    const float *sc = A.pair + (size_t)i * np;
    float *dp = dP + (size_t)i * np;
    int gb = s->gold_bundle[i];
    for (int at = 0; at < na; at++) {
      float mx = -INFINITY, z = 0;
      for (int p = 0; p < np; p++)
        if (PAIRATTR[p] == at) mx = fmaxf(mx, sc[p]);
      for (int p = 0; p < np; p++)
        if (PAIRATTR[p] == at) z += expf(sc[p] - mx);
      int gp = V.bundle_pair[gb * na + at];
      for (int p = 0; p < np; p++)
        if (PAIRATTR[p] == at) dp[p] = expf(sc[p] - mx) / z;
      w->loss[1] -= logf(fmaxf(dp[gp], 1e-30f));
      dp[gp] -= 1;
    }
  }
  mm(1, 0, H2, np, n, R + H2, H2, dP, np, G(w_pair), np, 1);
  for (int i = 0; i < n; i++)
    for (int k = 0; k < np; k++) G(b_pair)[k] += dP[(size_t)i * np + k];
  mm(0, 1, n, H2, np, dP, np, net->w_pair, np, dR + H2, H2, 1);
  /* lemma rules: the candidates of each word, the gold ones together */
  for (int i = 0; i < n; i++) {
    uint32_t cnt = s->rcount[i], f0 = s->rfirst[i];
    if (cnt == 0) continue;
    float sc[1024];
    float okp = 0;
    for (uint32_t q = 0; q < cnt; q++) sc[q] = lb_nn_rule_score(net, &A, i, RULES[f0 + q]);
    softmax(sc, (int)cnt);
    for (uint32_t q = 0; q < cnt; q++)
      if (RULEOK[f0 + q]) okp += sc[q];
    w->loss[2] -= logf(fmaxf(okp, 1e-30f));
    const float *r = R + (size_t)(i + 1) * H2;
    float *dr = dR + (size_t)(i + 1) * H2;
    for (uint32_t q = 0; q < cnt; q++) {
      float ds = sc[q] - (RULEOK[f0 + q] ? sc[q] / okp : 0);
      uint32_t rr = RULES[f0 + q];
      float *gw = G(w_rule) + (size_t)rr * H2;
      const float *ww = net->w_rule + (size_t)rr * H2;
      for (int k = 0; k < H2; k++) gw[k] += ds * r[k], dr[k] += ds * ww[k];
      G(b_rule)[rr] += ds;
    }
  }
  /* heads */
  int da = (int)d->darc;
  float *dArc = zalloc(a, (size_t)n * N);
  for (int i = 0; i < n; i++) {
    float *p = dArc + (size_t)i * N;
    memcpy(p, A.arc + (size_t)i * N, (size_t)N * sizeof(float));
    p[i + 1] = -INFINITY;
    softmax(p, N);
    int g = s->gold_head[i];
    w->loss[3] -= logf(fmaxf(p[g], 1e-30f));
    p[g] -= 1;
  }
  float *dUD = zalloc(a, (size_t)N * da), *dHH = zalloc(a, (size_t)N * da), *dHD = zalloc(a, (size_t)N * da);
  mm(0, 0, n, da, N, dArc, N, A.hh, da, dUD + da, da, 0);
  mm(1, 0, N, da, n, dArc, N, A.ud + da, da, dHH, da, 0);
  for (int j = 0; j < N; j++) {
    float cs = 0;
    for (int i = 0; i < n; i++) cs += dArc[(size_t)i * N + j];
    for (int k = 0; k < da; k++) {
      dHH[(size_t)j * da + k] += cs * net->u_head[k];
      G(u_head)[k] += cs * A.hh[(size_t)j * da + k];
    }
  }
  mm(1, 0, da, da, N, A.hd, da, dUD, da, G(u_arc), da, 1);
  mm(0, 1, N, da, da, dUD, da, net->u_arc, da, dHD, da, 0);
  lrelu_linear_back(N, da, H2, R, net->w_ad, A.hd, dHD, G(w_ad), G(b_ad), dR);
  lrelu_linear_back(N, da, H2, R, net->w_ah, A.hh, dHH, G(w_ah), G(b_ah), dR);
  /* relations on the gold arcs */
  int D = (int)d->dlab, nr = (int)d->nrel;
  float *dLD = zalloc(a, (size_t)N * D), *dLH = zalloc(a, (size_t)N * D);
  float *t = zalloc(a, (size_t)nr * D), *vb = zalloc(a, (size_t)nr * D), ls[64];
  for (int i = 0; i < n; i++) {
    int g = s->gold_head[i];
    const float *ld = A.ld + (size_t)(i + 1) * D, *lh = A.lh + (size_t)g * D;
    lb_nn_label_scores(net, &A, i, g, ls);
    softmax(ls, nr);
    int gr = s->gold_rel[i];
    w->loss[4] -= logf(fmaxf(ls[gr], 1e-30f));
    ls[gr] -= 1;
    /* t[r*D + a] = sum_b lh[b] Ut[b][r*D + a] (Ut = u_lab: D x nr*D) */
    mm(0, 0, 1, nr * D, D, lh, D, net->u_lab, nr * D, t, nr * D, 0);
    float *dld = dLD + (size_t)(i + 1) * D, *dlh = dLH + (size_t)g * D;
    /* v[r*D + a] = ds_r ld[a]: dUt[b][.] += lh[b] v; dlh[b] += Ut[b][.] . v */
    for (int r = 0; r < nr; r++) {
      float ds = ls[r];
      const float *wr = net->w_lab + (size_t)r * 2 * D;
      float *gw = G(w_lab) + (size_t)r * 2 * D;
      for (int x = 0; x < D; x++) {
        vb[(size_t)r * D + x] = ds * ld[x];
        dld[x] += ds * (t[(size_t)r * D + x] + wr[x]);
        dlh[x] += ds * wr[D + x];
        gw[x] += ds * ld[x];
        gw[D + x] += ds * lh[x];
      }
      G(b_lab)[r] += ds;
    }
    for (int y = 0; y < D; y++) {
      const float *Ub = net->u_lab + (size_t)y * nr * D;
      float *gU = G(u_lab) + (size_t)y * nr * D;
      float acc = 0, lb = lh[y];
      for (int q = 0; q < nr * D; q++) {
        gU[q] += lb * vb[q];
        acc += Ub[q] * vb[q];
      }
      dlh[y] += acc;
    }
  }
  lrelu_linear_back(N, D, H2, R, net->w_ld, A.ld, dLD, G(w_ld), G(b_ld), dR);
  lrelu_linear_back(N, D, H2, R, net->w_lh, A.lh, dLH, G(w_lh), G(b_lh), dR);
  /* the BiLSTM, top layer first */
  float *dY = dR;
  for (int l = L - 1; l >= 0; l--) {
    int lin = l == 0 ? din : H2;
    const float *X = l == 0 ? A.x : A.y[l - 1];
    float *dX = zalloc(a, (size_t)N * lin);
    float *dH = zalloc(a, (size_t)N * H2);
    for (size_t k = 0; k < (size_t)N * H2; k++) dH[k] = dY[k] * A.mask_h[l][k];
    float *dZ = zalloc(a, (size_t)N * 4 * H);
    float *dhn = zalloc(a, (size_t)H), *dcn = zalloc(a, (size_t)H);
    for (int r = 0; r < 2; r++) {
      memset(dhn, 0, (size_t)H * sizeof(float));
      memset(dcn, 0, (size_t)H * sizeof(float));
      const float *Gt = A.gates[l][r], *C = A.c[l][r];
      for (int st = N - 1; st >= 0; st--) {
        int tt = r ? N - 1 - st : st;
        int tp = st > 0 ? (r ? tt + 1 : tt - 1) : -1;
        const float *g = Gt + (size_t)tt * 4 * H, *c = C + (size_t)tt * H;
        const float *cp = tp >= 0 ? C + (size_t)tp * H : NULL;
        float *dz = dZ + (size_t)tt * 4 * H;
        const float *dh0 = dH + (size_t)tt * H2 + (r ? H : 0);
        for (int u = 0; u < H; u++) {
          float ig = g[u], fg = g[H + u], gg = g[2 * H + u], og = g[3 * H + u];
          float dh = dh0[u] + dhn[u], tc = lb_nn_tanh(c[u]);
          float dO = dh * tc;
          float dc = dh * og * (1 - tc * tc) + dcn[u];
          float dI = dc * gg, dG = dc * ig, dF = cp ? dc * cp[u] : 0;
          dcn[u] = dc * fg;
          dz[u] = dI * ig * (1 - ig);
          dz[H + u] = dF * fg * (1 - fg);
          dz[2 * H + u] = dG * (1 - gg * gg);
          dz[3 * H + u] = dO * og * (1 - og);
        }
        if (tp >= 0) mm(0, 1, 1, H, 4 * H, dz, 4 * H, net->w_hh[l][r], 4 * H, dhn, H, 0);
      }
      /* dW_hh: each step against the previous output of this direction */
      const float *hout = A.h[l] + (r ? H : 0);
      if (N > 1) {
        if (!r) mm(1, 0, H, 4 * H, N - 1, hout, H2, dZ + 4 * H, 4 * H, G(w_hh[l][r]), 4 * H, 1);
        else mm(1, 0, H, 4 * H, N - 1, hout + H2, H2, dZ, 4 * H, G(w_hh[l][r]), 4 * H, 1);
      }
      mm(1, 0, lin, 4 * H, N, X, lin, dZ, 4 * H, G(w_ih[l][r]), 4 * H, 1);
      for (int tt = 0; tt < N; tt++)
        for (int k = 0; k < 4 * H; k++) G(b[l][r])[k] += dZ[(size_t)tt * 4 * H + k];
      mm(0, 1, N, lin, 4 * H, dZ, 4 * H, net->w_ih[l][r], 4 * H, dX, lin, 1);
    }
    dY = dX;
  }
  /* inputs */
  for (size_t k = 0; k < (size_t)N * din; k++) dY[k] *= A.mask_x[k];
  for (int k = 0; k < din; k++) G(x_root)[k] += dY[k];
  for (int i = 0; i < n; i++) {
    const float *dx = dY + (size_t)(i + 1) * din;
    float *ge = G(e_word) + (size_t)in[i].word * d->dword;
    for (uint32_t k = 0; k < d->dword; k++) ge[k] += dx[k];
    dx += d->dword;
    for (int f = 0; f < LB_NN_NHF; f++) {
      float *gh = G(e_hash) + ((size_t)f * d->nhash + in[i].hash[f]) * d->dhash;
      for (uint32_t k = 0; k < d->dhash; k++) gh[k] += dx[k];
      dx += d->dhash;
    }
  }
  w->nwords += n;
}

static lb_nn_net NET;

/* The workers live for the whole run, and meet at two barriers per batch:
** a thread started per batch made OpenBLAS set up new buffers for each new
** thread (13 GB after four epochs of EWT). */
static pthread_barrier_t BAR_GO, BAR_DONE;
static volatile int QUIT;

static void work_items(worker *w) {
  for (int k = 0; k < w->nitems; k++) train_sentence(w, &NET, &TR.v[w->items[k]]);
}

static void *work(void *arg) {
  worker *w = arg;
  for (;;) {
    pthread_barrier_wait(&BAR_GO);
    if (QUIT) return NULL;
    work_items(w);
    pthread_barrier_wait(&BAR_DONE);
  }
}

static void init_params(void) {
  NP = lb_nn_nparams(&opt.d);
  P = xcalloc(NP, sizeof *P);
  PE = xcalloc(NP, sizeof *PE);
  Am = xcalloc(NP, sizeof *Am);
  Av = xcalloc(NP, sizeof *Av);
  lb_nn_bind(&NET, &opt.d, P);
  const lb_nn_dims *d = &opt.d;
  size_t H = d->hid;
  /* uniform(-s, s) */
#define FILL(field, count, s)                                              \
  do {                                                                     \
    float *q = (float *)NET.field;                                         \
    for (size_t i_ = 0; i_ < (size_t)(count); i_++) q[i_] = (float)((rng01() * 2 - 1) * (s)); \
  } while (0)
  FILL(e_word, (size_t)d->nword * d->dword, 0.1);
  FILL(e_hash, (size_t)LB_NN_NHF * d->nhash * d->dhash, 0.1);
  FILL(x_root, lb_nn_din(d), 0.1);
  for (uint32_t l = 0; l < d->nlayer; l++) {
    size_t in = l == 0 ? lb_nn_din(d) : 2 * H;
    for (int r = 0; r < 2; r++) {
      FILL(w_ih[l][r], 4 * H * in, 1.0 / sqrt((double)H));
      FILL(w_hh[l][r], 4 * H * H, 1.0 / sqrt((double)H));
      float *b = (float *)NET.b[l][r];
      for (size_t k = 0; k < H; k++) b[H + k] = 1.0f; /* forget gate */
    }
  }
  double x2 = sqrt(6.0 / (double)(2 * H));
  FILL(w_upos, (size_t)d->nupos * 2 * H, x2);
  FILL(w_pair, (size_t)d->npair * 2 * H, x2);
  FILL(w_rule, (size_t)d->nrule * 2 * H, x2);
  FILL(w_ad, (size_t)d->darc * 2 * H, sqrt(6.0 / (double)(2 * H + d->darc)));
  FILL(w_ah, (size_t)d->darc * 2 * H, sqrt(6.0 / (double)(2 * H + d->darc)));
  FILL(w_ld, (size_t)d->dlab * 2 * H, sqrt(6.0 / (double)(2 * H + d->dlab)));
  FILL(w_lh, (size_t)d->dlab * 2 * H, sqrt(6.0 / (double)(2 * H + d->dlab)));
#undef FILL
  memcpy(PE, P, NP * sizeof *P);
}

static void adam_step(const float *g, long step, double lr) {
  const double b1 = 0.9, b2 = 0.9, eps = 1e-8;
  double c1 = 1 - pow(b1, (double)step), c2 = 1 - pow(b2, (double)step);
  /* clip the global norm at 5 */
  double norm = 0;
  for (size_t i = 0; i < NP; i++) norm += (double)g[i] * g[i];
  norm = sqrt(norm);
  float scale = norm > 5 ? (float)(5 / norm) : 1.0f;
  float a = (float)(lr * sqrt(c2) / c1);
  /* the average's decay grows to opt.ema, so early steps do not linger */
  float dec = (float)fmin(opt.ema, (1.0 + (double)step) / (10.0 + (double)step));
  for (size_t i = 0; i < NP; i++) {
    float gi = g[i] * scale;
    Am[i] = (float)(b1 * Am[i] + (1 - b1) * gi);
    Av[i] = (float)(b2 * Av[i] + (1 - b2) * gi * gi);
    P[i] -= a * Am[i] / (sqrtf(Av[i]) + (float)eps);
    PE[i] = dec * PE[i] + (1 - dec) * P[i];
  }
}

/* Compare the backward pass with finite differences on a few sentences
** (no dropout): --gradcheck, with small dimensions. */
static double total_loss(worker *w, tsent *s) {
  memset(w->loss, 0, sizeof w->loss);
  train_sentence(w, &NET, s);
  double l = 0;
  for (int k = 0; k < 5; k++) l += w->loss[k];
  return l;
}

static int gradcheck(void) {
  opt.drop_in = opt.drop_h = opt.word_drop = 0;
  worker w = {0};
  w.g = xcalloc(NP, sizeof(float));
  lb_nn_bind(&w.gnet, &opt.d, w.g);
  w.a = lb_arena_new();
  /* perturb the zero-initialised biaffine weights so their gradients flow */
  for (size_t i = 0; i < NP; i++)
    if (P[i] == 0) P[i] = (float)((rng01() * 2 - 1) * 0.05);
  int bad = 0, tried = 0;
  for (int si = 0; si < 3 && si < TR.n; si++) {
    tsent *s = &TR.v[si];
    memset(w.g, 0, NP * sizeof(float));
    total_loss(&w, s);
    float *g = xcalloc(NP, sizeof(float));
    memcpy(g, w.g, NP * sizeof(float));
    /* sample parameters with a gradient, and some without */
    for (int t = 0; t < 3000; t++) {
      size_t i = (size_t)(rng() % NP);
      if (g[i] == 0 && t % 8) continue;
      float save = P[i];
      double eps = 1e-2;
      P[i] = save + (float)eps;
      double lp = total_loss(&w, s);
      P[i] = save - (float)eps;
      double lm = total_loss(&w, s);
      P[i] = save;
      double num = (lp - lm) / (2 * eps), an = g[i];
      double err = fabs(num - an) / fmax(1e-2, fabs(num) + fabs(an));
      tried++;
      if (err > 0.05) {
        bad++;
        if (bad <= 20) {
          /* which tensor: the last field of NET that starts at or before i */
          const char *tn[] = {"e_word", "e_hash", "x_root", "lstm", "w_upos", "b_upos", "w_pair", "b_pair",
                                 "w_rule", "b_rule", "w_ad", "b_ad", "w_ah", "b_ah", "u_arc", "u_head",
                                 "w_ld", "b_ld", "w_lh", "b_lh", "u_lab", "w_lab", "b_lab"};
          const float *at[] = {NET.e_word, NET.e_hash, NET.x_root, NET.w_ih[0][0], NET.w_upos, NET.b_upos,
                               NET.w_pair, NET.b_pair, NET.w_rule, NET.b_rule, NET.w_ad, NET.b_ad, NET.w_ah,
                               NET.b_ah, NET.u_arc, NET.u_head, NET.w_ld, NET.b_ld, NET.w_lh, NET.b_lh,
                               NET.u_lab, NET.w_lab, NET.b_lab};
          int k = 0;
          for (int q = 0; q < 23; q++)
            if (at[q] <= P + i) k = q;
          fprintf(stderr, "param %zu (%s +%zu): analytic %.6f numeric %.6f\n", i, tn[k],
                  (size_t)(P + i - at[k]), an, num);
        }
      }
    }
    free(g);
  }
  fprintf(stderr, "gradcheck: %d of %d differ by more than 5%%\n", bad, tried);
  return bad > tried / 50;
}

/* ------------------------------------------------------ the model file */

static void write_model(lb_buf *file, const char *scores) {
  mbuild mb;
  build_skeleton(&mb, scores);
  lb_buf_add(&mb.sec[LB_SEC_NNDIM], &opt.d, sizeof opt.d);
  lb_buf_add(&mb.sec[LB_SEC_NNW], opt.ema > 0 ? PE : P, NP * sizeof *P);
  mb_finish(&mb, file);
  for (int i = 0; i < LB_SEC_MAX; i++)
    if (i != LB_SEC_STR) lb_buf_free(&mb.sec[i]);
  lb_buf_free(&mb.str);
  for (size_t i = 0; i < mb.strs.cap; i++) free(mb.strs.k[i]);
  free(mb.strs.k), free(mb.strs.v);
}

static void evaluate(const lb_synm *m, syneval *ev, FILE *out) {
  memset(ev, 0, sizeof *ev);
  lb_buf ob = LB_BUF_INIT;
  lb_arena *a = lb_arena_new();
  for (int i = 0; i < TE.n; i++) {
    tsent *s = &TE.v[i];
    lb_arena_reset(a);
    lb_ana an;
    lb_ana_init(&an, a, (int)s->c.words.n);
    for (int k = 0; k < an.n; k++) {
      an.w[k].form = s->c.words.v[k].form;
      an.w[k].len = (uint32_t)strlen(an.w[k].form);
    }
    lb_ana_prepare(&an, m, LX, opt.lexwhat);
    lb_parse_run(m, LX, &an);
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
  }
  lb_arena_free(a);
  lb_buf_free(&ob);
}

static void scores_text(const syneval *e, char *out, size_t cap) {
  snprintf(out, cap, "words %ld UPOS %.2f UFeats %.2f Lemma %.2f UAS %.2f LAS %.2f", e->words,
           syneval_pct(e->upos, e->words), syneval_pct(e->ufeats, e->words),
           syneval_pct(e->lemma, e->words), syneval_pct(e->uas, e->words), syneval_pct(e->las, e->words));
}

/* ------------------------------------------------------------- main */

static void usage(void) {
  fprintf(stderr,
          "usage: train_syntax --lang LANG -o MODEL --train FILE[@FROM-TO]... [--test FILE[@FROM-TO]]...\n"
          "       [--lexicon LEX [--lexmorph form] [--lexnames]] (what the model reads of the\n"
          "       lexicon: German morphology, tables of names) [--meta KEY=VALUE]...\n"
          "       [--epochs N] [--batch N] [--lr X] [--ema DECAY (0: none)] [--hid N] [--layers N]\n"
          "       [--dword N] [--dhash N]\n"
          "       [--darc N] [--dlab N] [--threads N] [--seed S] [--eval-every N] [--write-test FILE]\n"
          "       [--treebank TB] (FILE@RANGE:TB marks a file's treebank, 0..3; the model writes TB's)\n"
          "       [--no-lemmas TB] (learn no lemmas from treebank TB: one of another language)\n");
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
    else if (ARG("--lexmorph")) opt.lexwhat |= strcmp(v, "form") == 0 ? LB_ANA_FORM : 0;
    else if (strcmp(a, "--lexnames") == 0) opt.lexwhat |= LB_ANA_NAMES;
    else if (ARG("--train")) {
      if (opt.ntrain < 32) opt.train[opt.ntrain++] = v;
    } else if (ARG("--test")) {
      if (opt.ntest < 32) opt.test[opt.ntest++] = v;
    } else if (ARG("--meta")) {
      if (opt.nmeta < 32) opt.meta[opt.nmeta++] = v;
    } else if (ARG("--epochs")) opt.epochs = atoi(v);
    else if (ARG("--batch")) opt.batch = atoi(v);
    else if (ARG("--lr")) opt.lr = atof(v);
    else if (ARG("--ema")) opt.ema = atof(v);
    else if (ARG("--hid")) opt.d.hid = (uint32_t)atoi(v);
    else if (ARG("--layers")) opt.d.nlayer = (uint32_t)atoi(v);
    else if (ARG("--dword")) opt.d.dword = (uint32_t)atoi(v);
    else if (ARG("--dhash")) opt.d.dhash = (uint32_t)atoi(v);
    else if (ARG("--nhash")) opt.d.nhash = (uint32_t)atoi(v);
    else if (ARG("--darc")) opt.d.darc = (uint32_t)atoi(v);
    else if (ARG("--dlab")) opt.d.dlab = (uint32_t)atoi(v);
    else if (ARG("--threads")) opt.threads = atoi(v);
    else if (ARG("--treebank")) opt.d.tb = (uint32_t)atoi(v);
    else if (ARG("--no-lemmas")) opt.no_lemmas |= 1u << atoi(v);
    else if (ARG("--seed")) opt.seed = strtoul(v, NULL, 10);
    else if (ARG("--eval-every")) opt.eval_every = atoi(v);
    else if (ARG("--write-test")) opt.write_test = v;
    else if (strcmp(a, "--gradcheck") == 0) opt.gradcheck = 1;
    else usage();
#undef ARG
  }
  if (!opt.lang || !opt.out || !opt.ntrain || opt.threads < 1 || opt.threads > 16) usage();
  rng_state ^= opt.seed * 0x9E3779B97F4A7C15ull;
  openblas_set_num_threads(1);
  lb_nn_gemm_hook = blas_hook;
  ARENA = lb_arena_new();
  double t0 = now();
  char err[512];
  if (opt.lexpath) {
    LX = lb_lex_open(opt.lexpath, err, sizeof err);
    if (!LX) die("%s", err);
    opt.use_lex = 1;
  }
  for (int i = 0; i < opt.ntrain; i++) load(&TR, opt.train[i]);
  /* --no-lemmas TB: that treebank is of another language (English trees
  ** help a German parser), its lemma rules would not: no lemmas from it */
  for (int i = 0; i < TR.n; i++)
    if (opt.no_lemmas & (1u << TR.v[i].tb))
      for (size_t k = 0; k < TR.v[i].c.words.n; k++) TR.v[i].c.words.v[k].lemma = "_";
  for (int i = 0; i < opt.ntest; i++) load(&TE, opt.test[i]);
  long ntw = 0;
  for (int i = 0; i < TR.n; i++) ntw += (long)TR.v[i].c.words.n;
  fprintf(stderr, "train: %d sentences, %ld words; test: %d sentences\n", TR.n, ntw, TE.n);
  build_vocab();
  prepare_bank(&TR, NULL, 1);
  build_words();
  opt.d.nupos = (uint32_t)V.upos.n;
  opt.d.npair = (uint32_t)V.pair.n;
  opt.d.nrel = (uint32_t)V.rel.n;
  PAIRATTR = xcalloc((size_t)V.pair.n, sizeof *PAIRATTR);
  for (int p = 0; p < V.pair.n; p++) {
    char an[300];
    const char *eq = strchr(V.pair.v[p], '=');
    snprintf(an, sizeof an, "%.*s", (int)(eq - V.pair.v[p]), V.pair.v[p]);
    PAIRATTR[p] = sm_get(&V.attr.map, an);
  }
  mbuild mb;
  build_skeleton(&mb, NULL);
  lb_buf skel = LB_BUF_INIT;
  mb_finish(&mb, &skel);
  lb_synm *sk = lb_synm_from_mem(skel.p, skel.n, err, sizeof err);
  if (!sk) die("skeleton: %s", err);
  for (int i = 0; i < TR.n; i++) TR.v[i].ana.m = sk;
  jackknife_amb();
  prepare_inputs(sk);
  init_params();
  fprintf(stderr, "network: %u words, %u lemma rules, %zu weights (%.1f MB); %.1f s\n", opt.d.nword,
          opt.d.nrule, NP, (double)NP * 4 / 1048576.0, now() - t0);
  if (opt.gradcheck) return gradcheck();
  /* training */
  int nt = opt.threads;
  worker *W = xcalloc((size_t)nt, sizeof *W);
  for (int t = 0; t < nt; t++) {
    W[t].g = xcalloc(NP, sizeof(float));
    lb_nn_bind(&W[t].gnet, &opt.d, W[t].g);
    W[t].a = lb_arena_new();
    W[t].rng = 0x9E3779B97F4A7C15ull * (uint64_t)(t + 1) ^ opt.seed;
  }
  int *order = xcalloc((size_t)TR.n, sizeof *order);
  for (int i = 0; i < TR.n; i++) order[i] = i;
  long step = 0;
  pthread_t th[16];
  pthread_barrier_init(&BAR_GO, NULL, (unsigned)nt);
  pthread_barrier_init(&BAR_DONE, NULL, (unsigned)nt);
  for (int t = 1; t < nt; t++) pthread_create(&th[t], NULL, work, &W[t]);
  lb_buf file = LB_BUF_INIT;
  for (int ep = 0; ep < opt.epochs; ep++) {
    double te = now();
    shuffle(order, TR.n);
    double loss[5] = {0};
    long words = 0;
    for (int b0 = 0; b0 < TR.n; b0 += opt.batch) {
      int bn = TR.n - b0 < opt.batch ? TR.n - b0 : opt.batch;
      for (int t = 0; t < nt; t++) {
        W[t].items = order + b0 + (bn * t) / nt;
        W[t].nitems = (bn * (t + 1)) / nt - (bn * t) / nt;
        memset(W[t].loss, 0, sizeof W[t].loss);
        W[t].nwords = 0;
      }
      pthread_barrier_wait(&BAR_GO);
      work_items(&W[0]);
      pthread_barrier_wait(&BAR_DONE);
      long bw = 0;
      for (int t = 0; t < nt; t++) {
        bw += W[t].nwords;
        for (int k = 0; k < 5; k++) loss[k] += W[t].loss[k];
        if (t > 0)
          for (size_t i = 0; i < NP; i++) W[0].g[i] += W[t].g[i];
      }
      words += bw;
      /* the mean gradient per word */
      float inv = bw ? 1.0f / (float)bw : 1;
      for (size_t i = 0; i < NP; i++) W[0].g[i] *= inv;
      step++;
      adam_step(W[0].g, step, opt.lr * pow(0.75, (double)step / 5000.0));
      for (int t = 0; t < nt; t++) memset(W[t].g, 0, NP * sizeof(float));
    }
    fprintf(stderr, "epoch %2d: %.0f s, loss per word: upos %.3f feats %.3f lemma %.3f head %.3f rel %.3f",
            ep + 1, now() - te, loss[0] / words, loss[1] / words, loss[2] / words, loss[3] / words,
            loss[4] / words);
    if (TE.n && ((ep + 1) % opt.eval_every == 0 || ep + 1 == opt.epochs)) {
      write_model(&file, NULL);
      lb_synm *m = lb_synm_from_mem(file.p, file.n, err, sizeof err);
      if (!m) die("model: %s", err);
      syneval ev;
      evaluate(m, &ev, NULL);
      char sc[256];
      scores_text(&ev, sc, sizeof sc);
      fprintf(stderr, "  | held-out %s", sc);
      lb_synm_close(m);
      /* a checkpoint: the model so far, with its scores, replaced at each evaluation */
      write_model(&file, sc);
      FILE *o = fopen(opt.out, "wb");
      if (!o || fwrite(file.p, 1, file.n, o) != file.n || fclose(o) != 0) die("cannot write %s", opt.out);
    }
    fputc('\n', stderr);
  }
  QUIT = 1;
  pthread_barrier_wait(&BAR_GO);
  for (int t = 1; t < nt; t++) pthread_join(th[t], NULL);
  /* the final file, with its held-out scores */
  char scores[256] = "";
  if (TE.n) {
    write_model(&file, NULL);
    lb_synm *m = lb_synm_from_mem(file.p, file.n, err, sizeof err);
    if (!m) die("model: %s", err);
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
    scores_text(&ev, scores, sizeof scores);
    lb_synm_close(m);
  }
  write_model(&file, TE.n ? scores : NULL);
  FILE *o = fopen(opt.out, "wb");
  if (!o || fwrite(file.p, 1, file.n, o) != file.n || fclose(o) != 0) die("cannot write %s", opt.out);
  fprintf(stderr, "wrote %s: %.1f MB, %.0f s in all\n", opt.out, (double)file.n / 1048576.0, now() - t0);
  lb_synm_close(sk);
  return 0;
}
