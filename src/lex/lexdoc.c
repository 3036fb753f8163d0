/*
** lexdoc.c -- per-document memo of token lookups (see lexdoc.h).
**
** Why (measured with perf and callgrind on 10kGNAD samples, /tmp/perf/s5.jsonl
** and s03.jsonl): the stages made ~2.1 lexicon lookups per token, ~40% of all
** cycles, nearly all of it stalls on cache and TLB misses in the 80 MB mapped
** lexicon; the number, clause and signal stages repeated the entity stage's
** lookups of the very same tokens, and 66% of the lookups were repeats of a
** word seen before in the document.
**
** So on first use the memo (20 bytes per token, in the arena) is filled for
** all word and abbreviation tokens at once: each distinct key is looked up
** once, in one batch (lb_lex_get_many, which overlaps the cache misses of
** successive keys), and repeats copy the first answer. Other tokens (numbers,
** ordinals) are looked up lazily when asked for. Multi-token keys are
** memoised per (first token, length) too (lb_lexdoc_span).
**
** Measured on /tmp/perf/s03.jsonl (callgrind, one thread): lexicon lookups
** 100.7k -> 35.7k; full extraction of the bench corpus (2 threads) 5.8 s ->
** 4.6 s wall, together with the lexicon format changes in lex.c.
*/
#include "lexdoc.h"

#include <stdint.h>
#include <string.h>

typedef lb_lexdoc_memo memo;

/* A multi-token key found in the lexicon: tokens [i, i+n). */
typedef struct span {
  uint32_t i, n;
  lb_lex_entry e;
} span;

struct lb_lexdoc {
  memo *m;
  int all; /* 1 once the plain lower-case words are looked up too */
  /* multi-token keys (2 <= n <= MAXSPAN tokens) per first token: bit n-2 of
  ** sdone = looked up, of sfound = found (then in spans) */
  uint16_t *sdone, *sfound;
  span *spans;
  size_t nspans, capspans;
};
#define MAXSPAN 17
#define SPANKEY 512

static void set(memo *m, int found, const lb_lex_entry *f) {
  if (!found) {
    m->state = 2;
    return;
  }
  m->rec0 = f->rec0;
  m->nrec = f->nrec;
  m->maxtoks = (uint16_t)(f->maxtoks > 0xFFFF ? 0xFFFF : f->maxtoks);
  m->lens = f->lens;
  m->tables = f->tables;
  m->next = f->next;
  m->state = 1;
}

static int eager(const lb_tok *t) {
  return (t->kind == LB_TOK_WORD || t->kind == LB_TOK_ABBR) && t->norm && t->normlen;
}

int lb_lexdoc_plain_lower(const lb_tok *t) {
  if ((t->flags & (LB_TF_CAP | LB_TF_UPPER)) || t->kind != LB_TOK_WORD) return 0;
  for (uint32_t i = 0; t->norm && i + 3 <= t->normlen; i++)
    if (t->norm[i] == 's' && t->norm[i + 1] == 'c' && t->norm[i + 2] == 'h') return 0;
  return 1;
}

/*
** Words repeat across documents too, and the bench corpus is mostly short
** documents (57k documents, 2 KB each), where the per-document dedup finds
** few repeats. A per-thread direct-mapped cache of short keys (key bytes
** inline, so a hit costs one cache line instead of the lexicon's bucket,
** entry and key string) answers the frequent words of the language.
*/
#define XC_SLOTS 8192
#define XC_KEY 22
typedef struct xc_slot {
  lb_lex_entry e; /* e.nrec..: valid when found */
  uint8_t len, found;
  char key[XC_KEY];
} xc_slot;
static _Thread_local xc_slot xcache[XC_SLOTS];
static _Thread_local const lb_lex *xcache_lx;
static _Thread_local size_t xcache_size;

static xc_slot *xc_find(const lb_lex *lx, const char *k, uint32_t n, uint32_t h, int *hit) {
  *hit = 0;
  if (n >= XC_KEY || !n) return NULL;
  if (xcache_lx != lx || xcache_size != lb_lex_size(lx)) {
    memset(xcache, 0, sizeof xcache);
    xcache_lx = lx;
    xcache_size = lb_lex_size(lx);
  }
  xc_slot *sl = &xcache[h & (XC_SLOTS - 1)];
  *hit = sl->len == n && memcmp(sl->key, k, n) == 0;
  return sl;
}

/* Fill the memo of the word tokens not looked up yet -- without the plain
** lower-case words (lb_lexdoc_plain_lower) unless `all`: dedupe keys with an
** open hash (token index + 1), look the distinct ones up in one batch, copy
** to repeats. */
static void fill(lb_doc *d, memo *m, int all) {
  size_t n = d->toks.n, ns = 64;
  while (ns < 2 * n) ns *= 2;
  uint32_t mask = (uint32_t)(ns - 1);
  uint32_t *seen = lb_arena_calloc(d->arena, ns, sizeof *seen);
  uint32_t *first = lb_arena_alloc(d->arena, (n ? n : 1) * sizeof *first); /* per token */
  uint32_t *uix = lb_arena_alloc(d->arena, (n ? n : 1) * sizeof *uix);     /* per key */
  uint32_t *hs = lb_arena_alloc(d->arena, (n ? n : 1) * sizeof *hs);
  uint32_t *lens = lb_arena_alloc(d->arena, (n ? n : 1) * sizeof *lens);
  const char **keys = lb_arena_alloc(d->arena, (n ? n : 1) * sizeof *keys);
  size_t nu = 0;
  /* hash the keys first and prefetch their cache slots: the slot loads
  ** (360 KB of slots, random) stalled the loop below on nearly every key
  ** (perf: a third of this function's time, 4.6% of all). hs[i] holds token
  ** i's hash until the loop below reuses hs[] for the distinct keys (nu <= i). */
  for (size_t i = 0; i < n; i++) {
    const lb_tok *t = &d->toks.v[i];
    first[i] = UINT32_MAX;
    if (!all) m[i].state = m[i].lower = 0;
    if (!eager(t) || m[i].state) continue;
    if (!all && (m[i].lower = (uint8_t)lb_lexdoc_plain_lower(t)) != 0) continue;
    uint32_t h = lb_lex_hash(t->norm, t->normlen);
    hs[i] = h;
    first[i] = UINT32_MAX - 2; /* to look up */
    __builtin_prefetch(&xcache[h & (XC_SLOTS - 1)]);
  }
  for (size_t i = 0; i < n; i++) {
    const lb_tok *t = &d->toks.v[i];
    if (first[i] != UINT32_MAX - 2) continue;
    first[i] = UINT32_MAX;
    uint32_t h = hs[i];
    for (uint32_t k = h & mask;; k = (k + 1) & mask) {
      uint32_t j = seen[k];
      if (!j) {
        seen[k] = (uint32_t)i + 1;
        first[i] = (uint32_t)i;
        int hit;
        const xc_slot *sl = xc_find(d->lex, t->norm, t->normlen, h, &hit);
        if (hit) { /* known from an earlier document of this thread */
          set(&m[i], sl->found, &sl->e);
          first[i] = UINT32_MAX - 1;
          break;
        }
        uix[i] = (uint32_t)nu;
        keys[nu] = t->norm;
        lens[nu] = t->normlen;
        hs[nu++] = h;
        break;
      }
      const lb_tok *u = &d->toks.v[j - 1];
      if (u->normlen == t->normlen && memcmp(u->norm, t->norm, t->normlen) == 0) {
        /* (the copy keeps `lower`: a pass dedupes only tokens with the same
        ** answer, 0 in the first, 1 in the second) */
        if (first[j - 1] == UINT32_MAX - 1) /* its first was a cache hit */
          m[i] = m[j - 1];
        else
          first[i] = j - 1;
        break;
      }
    }
  }
  lb_lex_entry *ents = lb_arena_alloc(d->arena, (nu ? nu : 1) * sizeof *ents);
  uint8_t *found = lb_arena_alloc(d->arena, nu ? nu : 1);
  lb_lex_get_many(d->lex, nu, keys, lens, hs, ents, found);
  for (size_t u = 0; u < nu; u++) {
    int hit;
    xc_slot *sl = xc_find(d->lex, keys[u], lens[u], hs[u], &hit);
    if (!sl) continue;
    sl->len = (uint8_t)lens[u];
    memcpy(sl->key, keys[u], lens[u]);
    sl->found = found[u];
    if (found[u]) sl->e = ents[u];
  }
  for (size_t i = 0; i < n; i++) {
    if (first[i] >= UINT32_MAX - 1) continue;
    uint32_t u = uix[first[i]];
    set(&m[i], found[u], &ents[u]);
  }
}

static struct lb_lexdoc *get_memo(lb_doc *d) {
  if (!d->lexdoc) {
    struct lb_lexdoc *x = lb_arena_calloc(d->arena, 1, sizeof *x);
    size_t n = d->toks.n ? d->toks.n : 1;
    /* not zeroed: fill's first pass sets state and lower of every token */
    x->m = lb_arena_alloc(d->arena, n * sizeof *x->m);
    x->sdone = lb_arena_calloc(d->arena, n, sizeof *x->sdone);
    x->sfound = lb_arena_calloc(d->arena, n, sizeof *x->sfound);
    d->lexdoc = x;
    fill(d, x->m, 0);
  }
  return d->lexdoc;
}

const lb_lexdoc_memo *lb_lexdoc_memos(lb_doc *d) {
  if (!d->lex || !d->toks.n) return NULL;
  return get_memo(d)->m;
}

int lb_lexdoc_tok(lb_doc *d, size_t i, lb_lex_entry *e) {
  if (!d->lex || i >= d->toks.n) return 0;
  struct lb_lexdoc *x = get_memo(d);
  memo *m = &x->m[i];
  if (!m->state && !x->all && eager(&d->toks.v[i])) {
    /* a plain lower-case word: the first stage that asks for one gets
    ** them all, in one batch */
    fill(d, x->m, 1);
    x->all = 1;
  }
  if (!m->state) {
    const lb_tok *t = &d->toks.v[i];
    lb_lex_entry f;
    set(m, t->norm && t->normlen && lb_lex_get(d->lex, t->norm, t->normlen, &f), &f);
  }
  return lb_lexdoc_memo_entry(m, e);
}

int lb_lexdoc_find(lb_doc *d, size_t i, int table, lb_lex_rec *r) {
  lb_lex_entry e;
  if (table < 0 || !lb_lexdoc_tok(d, i, &e) || !lb_lex_may_have(&e, table)) return 0;
  for (uint32_t k = 0; k < e.nrec; k++)
    if (lb_lex_rec_get(d->lex, &e, k, r) && r->table == table) return 1;
  return 0;
}

/* Key of tokens [i, i+n): each token's norm (its text when it has none),
** joined by one space; 0 when longer than SPANKEY. */
static size_t span_key(const lb_doc *d, size_t i, size_t n, char *buf) {
  size_t k = 0;
  for (size_t j = i; j < i + n; j++) {
    const lb_tok *t = &d->toks.v[j];
    const char *s = t->norm ? t->norm : d->text + t->start;
    size_t l = t->norm ? t->normlen : t->end - t->start;
    if (k + l + 2 > SPANKEY) return 0;
    if (j > i) buf[k++] = ' ';
    memcpy(buf + k, s, l);
    k += l;
  }
  buf[k] = 0;
  return k;
}

/* lb_lex_hash of token j's part of a span key (span_key). */
static uint32_t tok_key_hash(const lb_doc *d, size_t j) {
  const lb_tok *t = &d->toks.v[j];
  return t->norm ? lb_lex_hash(t->norm, t->normlen)
                 : lb_lex_hash(d->text + t->start, t->end - t->start);
}

/* May a key of tokens [i, i+n), n >= 2, be in the lexicon? Every key of
** two or more tokens has an entry for its first token, and one of three or
** more an entry for its first two (lexc), whose maxtoks, lens and next
** tell the lengths and the next tokens of the keys that start with them.
** Most spans the entity stage asks for end here: "Die Regierung" starts
** with "die", which starts thousands of names, but none of them goes on
** with "regierung". Counted on 25 MB of the bench corpus: 143k of the 197k
** spans asked for end here, without a lookup (each was a Bloom filter miss,
** 3% of all cycles in perf).*/
static int span_may(lb_doc *d, size_t i, size_t n) {
  lb_lex_entry e1, e2;
  if (!lb_lexdoc_tok(d, i, &e1) || e1.maxtoks < n ||
      !lb_lex_next_may(&e1, tok_key_hash(d, i + 1)))
    return 0;
  /* two tokens: a key, or the prefix entry of longer keys */
  if (n == 2) return lb_lex_has_len(&e1, 2) || e1.maxtoks > 2;
  return lb_lex_has_len(&e1, n) && lb_lexdoc_span(d, i, 2, &e2) && e2.maxtoks >= n &&
         lb_lex_has_len(&e2, n) && lb_lex_next_may(&e2, tok_key_hash(d, i + 2));
}

int lb_lexdoc_span(lb_doc *d, size_t i, size_t n, lb_lex_entry *e) {
  if (!d->lex || n == 0 || i >= d->toks.n || n > d->toks.n - i) return 0;
  if (n == 1) return lb_lexdoc_tok(d, i, e);
  struct lb_lexdoc *x = get_memo(d);
  uint16_t bit = n <= MAXSPAN ? (uint16_t)(1u << (n - 2)) : 0;
  if (bit && (x->sdone[i] & bit)) {
    if (!(x->sfound[i] & bit)) return 0;
    for (size_t k = x->nspans; k-- > 0;)
      if (x->spans[k].i == i && x->spans[k].n == n) {
        *e = x->spans[k].e;
        return 1;
      }
    return 0; /* not reached */
  }
  char key[SPANKEY];
  size_t kn = span_may(d, i, n) ? span_key(d, i, n, key) : 0;
  int found = kn && lb_lex_get(d->lex, key, kn, e);
  if (!bit) return found;
  x->sdone[i] |= bit;
  if (!found) return 0;
  if (x->nspans == x->capspans) {
    size_t cap = x->capspans ? 2 * x->capspans : 16;
    span *ns = lb_arena_alloc(d->arena, cap * sizeof *ns);
    if (x->nspans) memcpy(ns, x->spans, x->nspans * sizeof *ns);
    x->spans = ns;
    x->capspans = cap;
  }
  x->spans[x->nspans++] = (span){(uint32_t)i, (uint32_t)n, *e};
  x->sfound[i] |= bit;
  return 1;
}
