/*
** lexdoc.c -- per-document memo of token lookups (see lexdoc.h).
**
** Why: on 5 MB of German news (/tmp/perf/s5.jsonl) the stages made ~2.1
** lexicon lookups per token, ~40% of all cycles, most of them stalls on cache
** and TLB misses in the mapped lexicon; the number, clause and signal stages
** repeated the entity stage's lookups of the very same tokens. A memo of 12
** bytes per token (calloc'ed in the arena on first use) makes that one lookup
** per token.
*/
#include "lexdoc.h"

#include <stdint.h>
#include <string.h>

struct lb_lexmemo {
  uint32_t rec0, nrec;
  uint16_t maxtoks;
  uint8_t state; /* 0 = not looked up yet, 1 = found, 2 = absent */
};

/* The memo and an open hash of the keys looked up so far (token index + 1):
** a word repeated in the document ("der", a name) reuses the first lookup
** (the entity stage measured 66% of its lookups as such repeats). */
struct lb_lexdoc {
  struct lb_lexmemo *m;
  uint32_t *seen;
  uint32_t mask;
};
typedef struct lb_lexdoc lexdoc;

static lexdoc *memo_new(lb_doc *d) {
  size_t ns = 64;
  while (ns < 2 * d->toks.n) ns *= 2;
  lexdoc *x = lb_arena_alloc(d->arena, sizeof *x);
  x->m = lb_arena_calloc(d->arena, d->toks.n ? d->toks.n : 1, sizeof *x->m);
  x->seen = lb_arena_calloc(d->arena, ns, sizeof *x->seen);
  x->mask = (uint32_t)(ns - 1);
  return x;
}

static void lookup(lb_doc *d, lexdoc *x, size_t i) {
  struct lb_lexmemo *m = &x->m[i];
  const lb_tok *t = &d->toks.v[i];
  m->state = 2;
  if (!t->norm || !t->normlen) return;
  uint32_t h = lb_lex_hash(t->norm, t->normlen);
  for (uint32_t k = h & x->mask;; k = (k + 1) & x->mask) {
    uint32_t j = x->seen[k];
    if (!j) {
      x->seen[k] = (uint32_t)i + 1;
      break;
    }
    const lb_tok *u = &d->toks.v[j - 1];
    if (u->normlen == t->normlen && memcmp(u->norm, t->norm, t->normlen) == 0) {
      *m = x->m[j - 1];
      return;
    }
  }
  lb_lex_entry f;
  if (lb_lex_get_h(d->lex, t->norm, t->normlen, h, &f)) {
    m->rec0 = f.rec0;
    m->nrec = f.nrec;
    m->maxtoks = (uint16_t)(f.maxtoks > 0xFFFF ? 0xFFFF : f.maxtoks);
    m->state = 1;
  }
}

int lb_lexdoc_tok(lb_doc *d, size_t i, lb_lex_entry *e) {
  if (!d->lex || i >= d->toks.n) return 0;
  if (!d->lexdoc) d->lexdoc = memo_new(d);
  lexdoc *x = d->lexdoc;
  if (!x->m[i].state) lookup(d, x, i);
  const struct lb_lexmemo *m = &x->m[i];
  if (m->state != 1) return 0;
  e->rec0 = m->rec0;
  e->nrec = m->nrec;
  e->maxtoks = m->maxtoks;
  return 1;
}

int lb_lexdoc_find(lb_doc *d, size_t i, int table, lb_lex_rec *r) {
  lb_lex_entry e;
  if (table < 0 || !lb_lexdoc_tok(d, i, &e)) return 0;
  for (uint32_t k = 0; k < e.nrec; k++)
    if (lb_lex_rec_get(d->lex, &e, k, r) && r->table == table) return 1;
  return 0;
}
