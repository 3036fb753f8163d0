/*
** model.h -- a syntax model: one file per language, learned from Universal
** Dependencies treebanks by tools/train_syntax.c (`make model`), mapped
** read-only at start-up, never parsed.
**
** File format (little-endian; every offset from the file's start, every
** section on an 8-byte boundary):
**   header   magic "LBSYN001", u32 version (= LB_SYNM_VERSION), u32 file
**            size, u32 nsections, then nsections x {u32 id, u32 offset,
**            u32 size}
**   STR      NUL-terminated UTF-8 strings; other sections point into it
**   META     u32 count, then count x u32 string offset: "key=value" lines
**            (language, training data, licence, held-out scores)
**   UPOS     u32 count, count x u32 string offset: the tag names
**   REL      u32 count, count x u32 string offset: the relation names
**   FEATS    u32 nbundle, u32 nattr, u32 npair; nattr x u32 attribute name;
**            npair x {u32 attribute index, u32 value string}; nbundle x
**            {u32 string, u32 parser atom, nattr x u16 pair}; two bytes of
**            padding when that ends off a 4-byte boundary; then per
**            UPOS {u32 first, u32 count} into a u16 list of candidate
**            bundles (the bundles seen with that tag in training).
**            Pair values include one "none" pair per attribute.
**   LEMRULE  u32 nrule; nrule x {u32 strip string, u32 add string, u32
**            flags}: "strip this ending, add that one" (flags bit 0: lower-
**            case the first letter, bit 1: the form itself); then a
**            dictionary (see below) from the hash of a stripped ending to
**            {u32 first, u32 count} of a u32 list of rule ids
**   TAGDICT  dictionary: hash of a folded form -> u32 (UPOS bit set in
**            bits 0..23, frequency class in bits 24..31)
**   LEMDICT  dictionary: hash of (folded form, UPOS) -> u32 lemma string
**   W_*      weight tables (below), one per classifier: UPOS, FEATS pairs,
**            lemma rules, parser actions, parser labels
** A dictionary is {u32 nslots (power of two), then nslots x {u32
** fingerprint, u32 value}}: slot = hash & (nslots-1), fingerprint = (hash
** >> 32) | 1, linear probing, fingerprint 0 = empty.
** A weight table is {u32 nslots (power of two), u32 ncls, u32 nrows, u32
** pad, nslots x {u32 fingerprint, u32 row}, nrows x ncls x i16}: the
** feature's weights for every class, quantised to 16 bits; a feature the
** table lacks weighs nothing.
** Every count and offset is checked against the file size at open, so a
** truncated or foreign file is refused with a message, never read past.
*/
#ifndef LB_SYNM_H
#define LB_SYNM_H

#include <stddef.h>
#include <stdint.h>

#define LB_SYNM_MAGIC "LBSYN001"
#define LB_SYNM_VERSION 1
/* The parser's actions (parser.h: SHIFT, LEFT, RIGHT). */
#define LB_SYNM_NACT 3

enum lb_synm_sec {
  LB_SEC_STR = 1,
  LB_SEC_META,
  LB_SEC_UPOS,
  LB_SEC_REL,
  LB_SEC_FEATS,
  LB_SEC_LEMRULE,
  LB_SEC_TAGDICT,
  LB_SEC_LEMDICT,
  LB_SEC_W_UPOS,
  LB_SEC_W_FEATS,
  LB_SEC_W_LEMMA,
  LB_SEC_W_ACT,
  LB_SEC_W_LAB,
  LB_SEC_MAX
};

/* A dictionary (see the format above). */
typedef struct lb_synm_dict {
  uint32_t mask;
  const uint32_t *slots; /* 2 x nslots */
} lb_synm_dict;

/* A weight table. */
typedef struct lb_synm_tab {
  uint32_t mask, ncls, nrows;
  const uint32_t *slots; /* 2 x nslots */
  const int16_t *rows;   /* nrows x ncls */
} lb_synm_tab;

typedef struct lb_synm_bundle {
  uint32_t str, patom;
} lb_synm_bundle;

typedef struct lb_synm {
  const uint8_t *base;
  size_t size;
  int fd_mapped;
  const char *str;
  size_t strsize;
  const char *lang;
  uint32_t nupos, nrel, nbundle, nattr, npair, nrule, nmeta;
  const uint32_t *upos, *rel, *attr, *meta; /* string offsets */
  const uint32_t *pair;                     /* npair x {attribute, value string} */
  const uint8_t *bundles;                   /* nbundle x (8 + 2 nattr) bytes */
  const uint32_t *cand;                     /* nupos x {first, count} */
  const uint16_t *candlist;
  const uint32_t *rules; /* nrule x {strip, add, flags} */
  lb_synm_dict ruleidx;
  const uint32_t *rulelist;
  lb_synm_dict tagdict, lemdict;
  lb_synm_tab w_upos, w_feats, w_lemma, w_act, w_lab;
  /* ids the feature code needs, found by name at open (-1 when absent) */
  int upos_punct, upos_propn, upos_noun, upos_verb, upos_aux, upos_adp, upos_det, rel_root, rel_punct;
} lb_synm;

/* Map a model file. NULL on failure, with err naming the file and what is
** wrong (missing, truncated, not a model, another version, bad section). */
lb_synm *lb_synm_open(const char *path, char *err, size_t errlen);
/* The same checks over bytes already in memory (tests, fuzzing); the
** bytes must outlive the model. */
lb_synm *lb_synm_from_mem(const void *p, size_t n, char *err, size_t errlen);
void lb_synm_close(lb_synm *m);

/* A string of the pool (offset checked at open). */
static inline const char *lb_synm_str(const lb_synm *m, uint32_t off) { return m->str + off; }
/* A META value ("lang", "scores" ...) or NULL. */
const char *lb_synm_meta(const lb_synm *m, const char *key);
/* Index of a UPOS or relation name, or -1. */
int lb_synm_upos_id(const lb_synm *m, const char *name);
int lb_synm_rel_id(const lb_synm *m, const char *name);

/* Dictionary lookup: 1 and *v when the hash is there. */
static inline int lb_synm_dict_get(const lb_synm_dict *d, uint64_t h, uint32_t *v) {
  if (!d->slots) return 0;
  uint32_t fp = (uint32_t)(h >> 32) | 1, i = (uint32_t)h & d->mask;
  for (;;) {
    uint32_t f = d->slots[2 * i];
    if (f == fp) {
      *v = d->slots[2 * i + 1];
      return 1;
    }
    if (f == 0) return 0;
    i = (i + 1) & d->mask;
  }
}

/* The weights of feature h in table t (ncls of them), or NULL. */
static inline const int16_t *lb_synm_row(const lb_synm_tab *t, uint64_t h) {
  if (!t->slots) return NULL;
  uint32_t fp = (uint32_t)(h >> 32) | 1, i = (uint32_t)h & t->mask;
  for (;;) {
    uint32_t f = t->slots[2 * i];
    if (f == fp) return t->rows + (size_t)t->slots[2 * i + 1] * t->ncls;
    if (f == 0) return NULL;
    i = (i + 1) & t->mask;
  }
}

/* scores[0..ncls) = the sum of the rows of features f[0..nf). */
void lb_synm_score(const lb_synm_tab *t, const uint64_t *f, int nf, int32_t *scores);

/* Bundle i: its FEATS string, its parser atom, its pair of attribute a. */
static inline const char *lb_synm_bundle_str(const lb_synm *m, uint32_t i) {
  uint32_t off;
  __builtin_memcpy(&off, m->bundles + (size_t)i * (8 + 2 * m->nattr), 4);
  return m->str + off;
}
static inline uint32_t lb_synm_bundle_patom(const lb_synm *m, uint32_t i) {
  uint32_t v;
  __builtin_memcpy(&v, m->bundles + (size_t)i * (8 + 2 * m->nattr) + 4, 4);
  return v;
}
static inline uint16_t lb_synm_bundle_pair(const lb_synm *m, uint32_t i, uint32_t a) {
  uint16_t v;
  __builtin_memcpy(&v, m->bundles + (size_t)i * (8 + 2 * m->nattr) + 8 + 2 * a, 2);
  return v;
}

#endif
