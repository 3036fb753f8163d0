/*
** model.h -- a syntax model: one file per language, learned from Universal
** Dependencies treebanks by tools/train_syntax.c (`make model`), mapped
** read-only at start-up, never parsed.
**
** File format (little-endian; every offset from the file's start, every
** section on an 8-byte boundary):
**   header   magic "LBSYN002", u32 version (= LB_SYNM_VERSION), u32 file
**            size, u32 nsections, then nsections x {u32 id, u32 offset,
**            u32 size}; sections with unknown ids are ignored
**   STR      NUL-terminated UTF-8 strings; other sections point into it
**   META     u32 count, then count x u32 string offset: "key=value" lines
**            (lang; lexmorph=form when the model reads the lexicon's German
**            morphology; lexnames=1 when it reads its tables of names;
**            training data, licence, held-out scores)
**   UPOS     u32 count, count x u32 string offset: the tag names
**   REL      u32 count, count x u32 string offset: the relation names
**   FEATS    u32 nbundle, u32 nattr, u32 npair; nattr x u32 attribute name;
**            npair x {u32 attribute index, u32 value string}; nbundle x
**            {u32 string, u32 parser atom, nattr x u16 pair}; two bytes of
**            padding when that ends off a 4-byte boundary; then per UPOS
**            {u32 first, u32 count} into a u16 list of candidate bundles
**            (the bundles seen with that tag in training). Bundle 0 is "_".
**            Pair values include one "none" pair (value "") per attribute.
**   LEMRULE  u32 nrule; nrule x {u32 strip string, u32 add string, u32
**            flags}: "strip this ending of the folded form, add that one"
**            (flags bit 0: lower-case the first letter; bit 2: only for a
**            form that is the whole strip string; bits 8..31: the UPOS
**            tags it was seen with, 0 = any); then a dictionary from
**            the hash of a stripped ending to an offset in a u32 list of
**            {count, rule ids...}, then that list
**   TAGDICT  dictionary: hash of a folded form -> u32 (UPOS bit set in
**            bits 0..23, frequency class in bits 24..31)
**   LEMDICT  dictionary: mix(hash of a folded form, UPOS) -> u32 lemma string
**   WORDS    dictionary: hash of a folded form -> u32 row of its vector
**   NNDIM    the network's dimensions: the u32 fields of lb_nn_dims in order
**   NNW      the network's weights: lb_nn_nparams float32, in lb_nn_bind order
** A dictionary is {u32 nslots (power of two), then nslots x {u32
** fingerprint, u32 value}}: slot = hash & (nslots-1), fingerprint = (hash
** >> 32) | 1, linear probing, fingerprint 0 = empty. Hashes are
** lb_ana_hash (ana.h).
** Every count and offset is checked against the file size at open, so a
** truncated or foreign file is refused with a message, never read past.
*/
#ifndef LB_SYNM_H
#define LB_SYNM_H

#include <stddef.h>
#include <stdint.h>

#include "nn.h"

#define LB_SYNM_MAGIC "LBSYN002"
#define LB_SYNM_VERSION 2

enum lb_synm_sec {
  LB_SEC_STR = 1,
  LB_SEC_META,
  LB_SEC_UPOS,
  LB_SEC_REL,
  LB_SEC_FEATS,
  LB_SEC_LEMRULE,
  LB_SEC_TAGDICT,
  LB_SEC_LEMDICT,
  LB_SEC_WORDS,
  LB_SEC_NNDIM,
  LB_SEC_NNW,
  LB_SEC_MAX
};

/* A dictionary (see the format above). */
typedef struct lb_synm_dict {
  uint32_t mask;
  const uint32_t *slots; /* 2 x nslots */
} lb_synm_dict;

typedef struct lb_synm {
  const uint8_t *base;
  size_t size;
  int fd_mapped;
  const char *str;
  size_t strsize;
  const char *lang;
  unsigned lexwhat; /* what the model reads of the lexicon: LB_ANA_* (META lexmorph, lexnames) */
  uint32_t nupos, nrel, nbundle, nattr, npair, nrule, nmeta;
  const uint32_t *upos, *rel, *attr, *meta; /* string offsets */
  const uint32_t *pair;                     /* npair x {attribute, value string} */
  const uint8_t *bundles;                   /* nbundle x (8 + 2 nattr) bytes */
  const uint32_t *cand;                     /* nupos x {first, count} */
  const uint16_t *candlist;
  const uint32_t *rules; /* nrule x {strip, add, flags} */
  lb_synm_dict ruleidx;
  const uint32_t *rulelist;
  uint32_t nrulelist;
  lb_synm_dict tagdict, lemdict, words;
  lb_nn_net net; /* weights bound into NNW (net.d.nword == 0: none) */
  uint64_t *packed; /* per bundle: its features packed (ufeat.h), made at open */
  /* ids the analysis code needs, found by name at open (-1 when absent) */
  int upos_punct, upos_sym, upos_propn, upos_noun, upos_verb, upos_aux, upos_adp, upos_det, rel_root;
  int upos_cconj, rel_prt, rel_amod, rel_compound, rel_nmod; /* -1 when the model has none */
  uint64_t rel_function; /* bit per relation no noun bears: aux*, cop, case, mark, cc, det, amod */
  uint64_t rel_clausal;  /* bit per relation of a clause's head (advcl, ccomp, xcomp, csubj,
                            acl, parataxis): a name does not bear them */
  uint64_t rel_subject;  /* bit per subject relation (nsubj, nsubj:pass): a noun the
                            lexicon reads in no nominative does not bear them */
  int upos_adj, upos_adv, upos_pron, upos_sconj;
} lb_synm;

/* Map a model file. NULL on failure, with err naming the file and what is
** wrong (missing, truncated, not a model, another version, bad section). */
lb_synm *lb_synm_open(const char *path, char *err, size_t errlen);
/* The same checks over bytes already in memory (tests, fuzzing, the
** trainer); the bytes must be 8-byte aligned and outlive the model. */
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
