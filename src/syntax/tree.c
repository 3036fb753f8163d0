/*
** tree.c -- the dependency tree's questions (see tree.h).
*/
#include "tree.h"

#include <assert.h>
#include <string.h>

int lb_tree_rel(const lb_word *w, const char *rel) {
  const char *r = w->deprel;
  if (!r) return 0;
  size_t n = strlen(rel);
  if (strncmp(r, rel, n) != 0) return 0;
  return r[n] == 0 || (r[n] == ':' && !strchr(rel, ':'));
}

int32_t lb_tree_next(const lb_text *tx, int32_t h, int32_t c, const char *rel) {
  if (h < 0) return -1;
  int32_t k = c < 0 ? tx->words.v[h].kid : tx->words.v[c].sib;
  for (; k >= 0; k = tx->words.v[k].sib)
    if (lb_tree_rel(&tx->words.v[k], rel)) return k;
  return -1;
}

int32_t lb_tree_child(const lb_text *tx, int32_t h, const char *rel) {
  return lb_tree_next(tx, h, -1, rel);
}

/* ASCII and Latin-1 (two-byte) letters to lower case, for lemma compares:
** lemmas of nouns are capitalised in German ("Vertrag"), the lists not. */
static int fold_eq(const char *a, size_t an, const char *b, size_t bn) {
  if (an != bn) return 0;
  for (size_t i = 0; i < an; i++) {
    unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
    if (x >= 'A' && x <= 'Z') x = (unsigned char)(x + 32);
    if (y >= 'A' && y <= 'Z') y = (unsigned char)(y + 32);
    if (i > 0 && (unsigned char)a[i - 1] == 0xC3 && x >= 0x80 && x <= 0x9E && x != 0x97)
      x = (unsigned char)(x + 32);
    if (i > 0 && (unsigned char)b[i - 1] == 0xC3 && y >= 0x80 && y <= 0x9E && y != 0x97)
      y = (unsigned char)(y + 32);
    if (x != y) return 0;
  }
  return 1;
}

int lb_tree_lemma_in(const lb_word *w, const char *list, size_t n) {
  if (!w->lemma) return 0;
  size_t ln = strlen(w->lemma);
  const char *p = list, *end = list + n;
  while (p < end) {
    const char *q = memchr(p, '|', (size_t)(end - p));
    if (!q) q = end;
    if (fold_eq(w->lemma, ln, p, (size_t)(q - p))) return 1;
    p = q + 1;
  }
  return 0;
}

const char *lb_tree_case(const lb_text *tx, int32_t w) {
  int32_t c = lb_tree_child(tx, w, "case");
  return c >= 0 ? tx->words.v[c].lemma : NULL;
}

/* Leftmost and rightmost non-punctuation words under w (depth-first over
** kid/sib: time in the subtree's size). */
static void extent(const lb_text *tx, int32_t w, int32_t *lo, int32_t *hi, int depth) {
  if (tx->words.v[w].upos != LB_UPOS_PUNCT) {
    if (*lo < 0 || w < *lo) *lo = w;
    if (*hi < 0 || w > *hi) *hi = w;
  }
  if (depth > 256) return;
  for (int32_t c = tx->words.v[w].kid; c >= 0; c = tx->words.v[c].sib) extent(tx, c, lo, hi, depth + 1);
}

void lb_tree_span(const lb_text *tx, int32_t w, uint32_t *start, uint32_t *end) {
  int32_t lo = -1, hi = -1;
  extent(tx, w, &lo, &hi, 0);
  if (lo < 0) lo = hi = w;
  *start = tx->words.v[lo].start;
  *end = tx->words.v[hi].end;
}

int lb_tree_dominates(const lb_text *tx, int32_t a, int32_t b) {
  for (int guard = 0; b >= 0 && guard < 4096; guard++) {
    if (b == a) return 1;
    b = tx->words.v[b].head;
  }
  return 0;
}

int lb_tree_clausal(const lb_text *tx, int32_t w) {
  const lb_word *x = &tx->words.v[w];
  static const char *const REL[] = {"root", "ccomp", "advcl", "acl", "xcomp", "parataxis", "csubj"};
  for (size_t i = 0; i < sizeof REL / sizeof *REL; i++)
    if (lb_tree_rel(x, REL[i])) return 1;
  if (x->upos == LB_UPOS_VERB && lb_tree_rel(x, "conj")) return 1;
  return lb_tree_child(tx, w, "nsubj") >= 0 || lb_tree_child(tx, w, "cop") >= 0;
}

int32_t lb_tree_clause(const lb_text *tx, int32_t w) {
  for (int guard = 0; w >= 0 && guard < 4096; guard++) {
    if (lb_tree_clausal(tx, w) || tx->words.v[w].head < 0) return w;
    w = tx->words.v[w].head;
  }
  return w;
}

int32_t lb_tree_word_of_tok(const lb_text *tx, uint32_t t) {
  /* words are in token order: binary search on tok */
  size_t lo = 0, hi = tx->words.n;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (tx->words.v[mid].tok < t) lo = mid + 1;
    else hi = mid;
  }
  return lo < tx->words.n && tx->words.v[lo].tok == t ? (int32_t)lo : -1;
}

void lb_tree_link(lb_text *tx, size_t s) {
  const lb_sent *st = &tx->sents.v[s];
  for (uint32_t i = st->word0; i < st->word1; i++) tx->words.v[i].kid = tx->words.v[i].sib = -1;
  /* children in text order: walk right to left, pushing at the front */
  for (uint32_t i = st->word1; i-- > st->word0;) {
    int32_t h = tx->words.v[i].head;
    if (h < 0) continue;
    assert((uint32_t)h >= st->word0 && (uint32_t)h < st->word1);
    tx->words.v[i].sib = tx->words.v[h].kid;
    tx->words.v[h].kid = (int32_t)i;
  }
}
