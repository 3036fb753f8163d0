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
** So the memo (20 bytes per token, in the arena) is filled for word and
** abbreviation tokens in two batches, the two stages of lexdoc.h: each
** distinct key is looked up once (lb_lex_get_many, which overlaps the cache
** misses of successive keys), and repeats copy the first answer. Other
** tokens (numbers, ordinals) are looked up when asked for. Multi-token keys
** are memoised per (first token, length) too (lb_lexdoc_span).
**
** Measured on /tmp/perf/s03.jsonl (callgrind, one thread): lexicon lookups
** 100.7k -> 35.7k; full extraction of the bench corpus (2 threads) 5.8 s ->
** 4.6 s wall, together with the lexicon format changes in lex.c.
*/
#include "lexdoc.h"

#include <assert.h>
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
  uint32_t *words; /* lb_lexdoc_words */
  size_t nwords;
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
#define XC_KEY 30
enum { XC_EMPTY, XC_FOUND, XC_ABSENT, XC_PENDING };
/* One slot, one cache line. A slot is XC_PENDING while the fill that put
** its key there (gen) waits for the batch lookup: a repeat of the key in the
** same document copies token tok's answer, so the slots dedupe a
** document's keys too (an open hash per document did, 1.5% of all cycles). */
typedef struct xc_slot {
  lb_lex_entry e; /* valid when XC_FOUND */
  uint32_t gen;   /* the fill of an XC_PENDING slot */
  uint32_t tok;   /* the token of an XC_PENDING slot */
  uint8_t len, state;
  char key[XC_KEY];
} __attribute__((aligned(64))) xc_slot;
_Static_assert(sizeof(xc_slot) == 64, "an xcache slot is one cache line");
static _Thread_local xc_slot xcache[XC_SLOTS];
static _Thread_local uint32_t xcache_lex; /* lb_lex_id of the cached answers */
static _Thread_local uint32_t xcache_gen; /* fills of this thread */

/* Fill the memo of the word tokens not looked up yet -- without the plain
** lower-case words (lb_lexdoc_plain_lower) unless `all`: answer from the
** cache, else look the distinct keys up in one batch, and copy the answers
** to repeats. */
static void fill(lb_text *tx, memo *m, int all, uint32_t *words, size_t *nwords) {
  size_t n = tx->toks.n;
  /* per token to look up (look[k] = its index): its hash, and the earlier
  ** token with the same key (UINT32_MAX: none) */
  uint32_t *look = words ? words : lb_arena_alloc(tx->arena, (n ? n : 1) * sizeof *look);
  uint32_t *hs = lb_arena_alloc(tx->arena, (n ? n : 1) * sizeof *hs);
  uint32_t *first = lb_arena_alloc(tx->arena, (n ? n : 1) * sizeof *first);
  /* per distinct key: its token, key, length, hash */
  uint32_t *ut = lb_arena_alloc(tx->arena, (n ? n : 1) * sizeof *ut);
  uint32_t *lens = lb_arena_alloc(tx->arena, (n ? n : 1) * sizeof *lens);
  uint32_t *uh = lb_arena_alloc(tx->arena, (n ? n : 1) * sizeof *uh);
  const char **keys = lb_arena_alloc(tx->arena, (n ? n : 1) * sizeof *keys);
  size_t nl = 0, nu = 0;
  if (xcache_lex != lb_lex_id(tx->lex)) {
    memset(xcache, 0, sizeof xcache);
    xcache_lex = lb_lex_id(tx->lex);
  }
  uint32_t gen = ++xcache_gen;
  /* hash the keys first and prefetch their slots: the slot loads (512 KB of
  ** slots, random) stalled the loop below on nearly every key (perf: a third
  ** of this function's time, 4.6% of all). */
  for (size_t i = 0; i < n; i++) {
    const lb_tok *t = &tx->toks.v[i];
    if (!all) m[i].state = 0;
    if (!eager(t) || m[i].state) continue;
    if (!all && lb_lexdoc_plain_lower(t)) continue;
    uint32_t h = lb_lex_hash(t->norm, t->normlen);
    hs[nl] = h;
    look[nl++] = (uint32_t)i;
    __builtin_prefetch(&xcache[h & (XC_SLOTS - 1)]);
  }
  if (words) *nwords = nl; /* the first pass's: lb_lexdoc_words */
  for (size_t k = 0; k < nl; k++) {
    uint32_t i = look[k], h = hs[k];
    first[k] = UINT32_MAX;
    const lb_tok *t = &tx->toks.v[i];
    uint32_t len = t->normlen;
    xc_slot *sl = &xcache[h & (XC_SLOTS - 1)];
    if (len <= XC_KEY) {
      if (sl->len == len && lb_lex_key_eq(sl->key, t->norm, len)) {
        if (sl->state == XC_FOUND || sl->state == XC_ABSENT) { /* an earlier document's */
          set(&m[i], sl->state == XC_FOUND, &sl->e);
          continue;
        }
        if (sl->state == XC_PENDING && sl->gen == gen) { /* a repeat: copy below */
          first[k] = sl->tok;
          continue;
        }
      }
      sl->len = (uint8_t)len; /* claim the slot (another key's may be lost) */
      memcpy(sl->key, t->norm, len);
      sl->state = XC_PENDING;
      sl->gen = gen;
      sl->tok = i;
    }
    ut[nu] = i;
    keys[nu] = t->norm;
    lens[nu] = len;
    uh[nu++] = h;
  }
  lb_lex_entry *ents = lb_arena_alloc(tx->arena, (nu ? nu : 1) * sizeof *ents);
  uint8_t *found = lb_arena_alloc(tx->arena, nu ? nu : 1);
  lb_lex_get_many(tx->lex, nu, keys, lens, uh, ents, found);
  for (size_t u = 0; u < nu; u++) {
    set(&m[ut[u]], found[u], &ents[u]);
    xc_slot *sl = &xcache[uh[u] & (XC_SLOTS - 1)];
    if (sl->state == XC_PENDING && sl->gen == gen && sl->tok == ut[u]) {
      sl->state = found[u] ? XC_FOUND : XC_ABSENT;
      if (found[u]) sl->e = ents[u];
    }
  }
  /* repeats (their first token is earlier, and answered by now) */
  for (size_t k = 0; k < nl; k++)
    if (first[k] != UINT32_MAX) m[look[k]] = m[first[k]];
}

void lb_lexdoc_run(lb_text *tx) {
  assert(!tx->lexdoc); /* once per document */
  if (!tx->lex || !tx->toks.n) return;
  struct lb_lexdoc *x = lb_arena_calloc(tx->arena, 1, sizeof *x);
  size_t n = tx->toks.n;
  /* not zeroed: fill's first pass sets the state of every token */
  x->m = lb_arena_alloc(tx->arena, n * sizeof *x->m);
  x->sdone = lb_arena_calloc(tx->arena, n, sizeof *x->sdone);
  x->sfound = lb_arena_calloc(tx->arena, n, sizeof *x->sfound);
  x->words = lb_arena_alloc(tx->arena, n * sizeof *x->words);
  tx->lexdoc = x;
  fill(tx, x->m, 0, x->words, &x->nwords);
}

void lb_lexdoc_run_lower(lb_text *tx) {
  if (!tx->lex || !tx->toks.n) return;
  assert(tx->lexdoc && !tx->lexdoc->all); /* after the "lexicon" stage, once */
  fill(tx, tx->lexdoc->m, 1, NULL, NULL);
  tx->lexdoc->all = 1;
}

/* The memo of a document with a lexicon and tokens: the "lexicon" stage has
** made it (an assert, not a lazy fill: no stage builds another's data). */
static struct lb_lexdoc *memo_of(lb_text *tx) {
  assert(tx->lexdoc);
  return tx->lexdoc;
}

const uint32_t *lb_lexdoc_words(lb_text *tx, size_t *n) {
  *n = 0;
  if (!tx->lex || !tx->toks.n) return NULL;
  struct lb_lexdoc *x = memo_of(tx);
  *n = x->nwords;
  return x->words;
}

const lb_lexdoc_memo *lb_lexdoc_memos(lb_text *tx) {
  if (!tx->lex || !tx->toks.n) return NULL;
  return memo_of(tx)->m;
}

int lb_lexdoc_tok(lb_text *tx, size_t i, lb_lex_entry *e) {
  if (!tx->lex || i >= tx->toks.n) return 0;
  memo *m = &memo_of(tx)->m[i];
  if (!m->state) {
    /* a token the stages have not looked up: a number or an ordinal, or a
    ** plain lower-case word asked for before the "lexicon-lower" stage. Its
    ** answer is kept like theirs. */
    const lb_tok *t = &tx->toks.v[i];
    lb_lex_entry f;
    set(m, t->norm && t->normlen && lb_lex_get(tx->lex, t->norm, t->normlen, &f), &f);
  }
  return lb_lexdoc_memo_entry(m, e);
}

int lb_lexdoc_find(lb_text *tx, size_t i, int table, lb_lex_rec *r) {
  lb_lex_entry e;
  if (table < 0 || !lb_lexdoc_tok(tx, i, &e) || !lb_lex_may_have(&e, table)) return 0;
  for (uint32_t k = 0; k < e.nrec; k++)
    if (lb_lex_rec_get(tx->lex, &e, k, r) && r->table == table) return 1;
  return 0;
}

/* Key of tokens [i, i+n): each token's norm (its text when it has none),
** joined by one space; 0 when longer than SPANKEY. */
static size_t span_key(const lb_text *tx, size_t i, size_t n, char *buf) {
  size_t k = 0;
  for (size_t j = i; j < i + n; j++) {
    const lb_tok *t = &tx->toks.v[j];
    const char *s = t->norm ? t->norm : tx->text + t->start;
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
static uint32_t tok_key_hash(const lb_text *tx, size_t j) {
  const lb_tok *t = &tx->toks.v[j];
  return t->norm ? lb_lex_hash(t->norm, t->normlen)
                 : lb_lex_hash(tx->text + t->start, t->end - t->start);
}

/* May a key of tokens [i, i+n), n >= 2, be in the lexicon? Every key of
** two or more tokens has an entry for its first token, and one of three or
** more an entry for its first two (lexc), whose maxtoks, lens and next
** tell the lengths and the next tokens of the keys that start with them.
** Most spans the entity stage asks for end here: "Die Regierung" starts
** with "die", which starts thousands of names, but none of them goes on
** with "regierung". Counted on 25 MB of the bench corpus: 143k of the 197k
** spans asked for end here, without a lookup (each was a Bloom filter miss,
** 3% of all cycles in perf). */
static int span_may(lb_text *tx, size_t i, size_t n) {
  lb_lex_entry e1, e2;
  if (!lb_lexdoc_tok(tx, i, &e1) || e1.maxtoks < n ||
      !lb_lex_next_may(&e1, tok_key_hash(tx, i + 1)))
    return 0;
  /* two tokens: a key, or the prefix entry of longer keys */
  if (n == 2) return lb_lex_has_len(&e1, 2) || e1.maxtoks > 2;
  return lb_lex_has_len(&e1, n) && lb_lexdoc_span(tx, i, 2, &e2) && e2.maxtoks >= n &&
         lb_lex_has_len(&e2, n) && lb_lex_next_may(&e2, tok_key_hash(tx, i + 2));
}

int lb_lexdoc_span(lb_text *tx, size_t i, size_t n, lb_lex_entry *e) {
  if (!tx->lex || n == 0 || i >= tx->toks.n || n > tx->toks.n - i) return 0;
  if (n == 1) return lb_lexdoc_tok(tx, i, e);
  struct lb_lexdoc *x = memo_of(tx);
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
  size_t kn = span_may(tx, i, n) ? span_key(tx, i, n, key) : 0;
  int found = kn && lb_lex_get(tx->lex, key, kn, e);
  if (!bit) return found;
  x->sdone[i] |= bit;
  if (!found) return 0;
  if (x->nspans == x->capspans) {
    size_t cap = x->capspans ? 2 * x->capspans : 16;
    span *ns = lb_arena_alloc(tx->arena, cap * sizeof *ns);
    if (x->nspans) memcpy(ns, x->spans, x->nspans * sizeof *ns);
    x->spans = ns;
    x->capspans = cap;
  }
  x->spans[x->nspans++] = (span){(uint32_t)i, (uint32_t)n, *e};
  x->sfound[i] |= bit;
  return 1;
}
