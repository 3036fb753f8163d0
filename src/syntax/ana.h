/*
** ana.h -- a sentence under syntactic analysis: its words, what the
** tagger and parser read of each (hashed atoms), and what they write.
**
** The trainer (tools/train_syntax.c) fills an lb_ana from a CoNLL-U
** sentence, the syntax stage (syntax.c) from the text layer's words; both
** then call the same lb_ana_prepare, and the network reads the same atoms
** through the same input function (nn.c's lb_nn_inputs), so training and
** use cannot drift apart.
**
** Everything is allocated in the caller's arena.
*/
#ifndef LB_ANA_H
#define LB_ANA_H

#include <stddef.h>
#include <stdint.h>

#include "../base/arena.h"

struct lb_lex;
struct lb_synm;

/* Word flags (lb_ana_word.flags). */
enum {
  LB_AW_CAP = 1 << 0,    /* first letter upper case */
  LB_AW_UPPER = 1 << 1,  /* all letters upper case, two or more */
  LB_AW_DIGIT = 1 << 2,  /* a digit somewhere */
  LB_AW_HYPH = 1 << 3,   /* a hyphen inside */
  LB_AW_FIRST = 1 << 4,  /* first word of the sentence (after opening quotes) */
  LB_AW_ALPHA = 1 << 5,  /* letters only */
  LB_AW_PUNCT = 1 << 6,  /* no letter and no digit */
  LB_AW_PONLY = 1 << 7   /* punctuation characters only (Unicode P*): the tagger
                            says PUNCT or SYM, whatever the word ("``", "«") */
};

#define LB_ANA_NSUF 5 /* suffixes of 1..5 characters */
#define LB_ANA_NPRE 3 /* prefixes of 1..3 characters */

typedef struct lb_ana_word {
  /* in: the word as written */
  const char *form;
  uint32_t len;
  uint8_t flags;
  /* atoms (lb_ana_prepare) */
  const char *low; /* case-folded key (norm.h) */
  uint32_t lowlen;
  uint64_t h_form, h_low, h_shape, h_suf[LB_ANA_NSUF], h_pre[LB_ANA_NPRE];
  uint32_t amb;    /* UPOS bit set the model's tag dictionary knows for the word, 0 = unknown */
  uint32_t lexpos; /* what the morphological lexicon says (LB_LEXM_* bits), 0 = nothing */
  uint32_t lexcase;/* noun/adjective/determiner cases the lexicon allows (LB_LEXC_* bits) */
  uint8_t freq;    /* log2-ish frequency class in the training data (0 = unseen) */
  /* the lexicon's readings, for the feature bundles they allow (parse.c):
  ** finite verb readings as LB_VREAD(tense, plural, person), noun readings
  ** as bit (case * 2 + plural) with case 0 NOM, 1 GEN, 2 DAT, 3 AKK */
  uint8_t nvread, nounread;
  uint8_t vread[8];
  /* out: tagger */
  uint8_t upos;    /* index into the model's UPOS names */
  uint16_t feats;  /* index into the model's feature bundles (0 = "_") */
  const char *lemma;
  uint8_t lemma_src; /* LB_LEMMA_* : where the lemma came from */
  /* out: parser */
  int32_t head;    /* 0-based index of the head word, -1 = root */
  uint8_t rel;     /* index into the model's relation names */
} lb_ana_word;

enum { LB_LEMMA_DICT = 1, LB_LEMMA_LEX, LB_LEMMA_RULE, LB_LEMMA_SELF };

/* Morphological lexicon bits (lexpos), from the lexicon's `form` table. */
enum {
  LB_LEXM_NOUN = 1 << 0,
  LB_LEXM_ADJ = 1 << 1,
  LB_LEXM_VERB = 1 << 2,
  LB_LEXM_VFIN = 1 << 3,  /* a finite verb form (PRÄ, PRT, KJ1, KJ2) */
  LB_LEXM_VINF = 1 << 4,  /* infinitive */
  LB_LEXM_VPA2 = 1 << 5,  /* past participle */
  LB_LEXM_VPA1 = 1 << 6,  /* present participle */
  LB_LEXM_VEIZ = 1 << 7,  /* zu-infinitive */
  LB_LEXM_VIMP = 1 << 8,  /* imperative */
  LB_LEXM_VKJ1 = 1 << 9,  /* Konjunktiv I */
  LB_LEXM_VKJ2 = 1 << 10, /* Konjunktiv II */
  LB_LEXM_VPRT = 1 << 11, /* past tense */
  LB_LEXM_SEP = 1 << 12,  /* finite part of a separable verb */
  LB_LEXM_SING = 1 << 13, /* a singular noun or verb reading */
  LB_LEXM_PLUR = 1 << 14, /* a plural noun or verb reading */
  LB_LEXM_MASC = 1 << 15,
  LB_LEXM_FEM = 1 << 16,
  LB_LEXM_NEUT = 1 << 17,
  LB_LEXM_P1 = 1 << 18, /* first person verb reading */
  LB_LEXM_P2 = 1 << 19,
  LB_LEXM_P3 = 1 << 20,
  /* from other tables of the lexicon (names, nationality adjectives, role
  ** and agent nouns: data/README.md), for every language */
  LB_LEXM_NAME = 1 << 21, /* a name or part of one (table ent) */
  LB_LEXM_NAT = 1 << 22,  /* a nationality adjective (table nat) */
  LB_LEXM_ROLE = 1 << 23, /* a role or agent noun (tables rolenoun, agent) */
};

/* What lb_ana_prepare reads of the lexicon. */
enum {
  LB_ANA_FORM = 1,  /* the German morphology of table form */
  LB_ANA_NAMES = 2, /* the tables of names, nationalities and roles */
};
enum { LB_LEXC_NOM = 1, LB_LEXC_GEN = 2, LB_LEXC_DAT = 4, LB_LEXC_ACC = 8 };
/* A finite verb reading: tense 0 present, 1 past, 2 Konjunktiv I, 3
** Konjunktiv II; plural 0/1; person 1..3. */
#define LB_VREAD(tense, plural, person) ((uint8_t)((tense) << 3 | (plural) << 2 | (person)))

typedef struct lb_ana {
  lb_ana_word *w;
  int n;
  lb_arena *a;
  const struct lb_synm *m; /* the model whose tag ids the words carry (lb_ana_prepare) */
} lb_ana;

/* A sentence of n words in arena a (words zeroed; fill form/len/flags). */
void lb_ana_init(lb_ana *s, lb_arena *a, int n);

/* Compute every word's atoms from its form: keys and hashes, the model's
** tag dictionary (m may be NULL while training it), and what the lexicon
** says (lx may be NULL; `what` is LB_ANA_* bits). Call once after the
** forms are set. */
void lb_ana_prepare(lb_ana *s, const struct lb_synm *m, const struct lb_lex *lx, unsigned what);

/* The 64-bit hash of a byte string, and the mix of two hashes: shared by
** the input features, the trainer and the model's dictionaries (model
** files store these values: never change them without a new version). */
uint64_t lb_ana_hash(const char *s, size_t n);
static inline uint64_t lb_ana_mix(uint64_t h, uint64_t v) {
  h ^= v + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
  h *= 0xBF58476D1CE4E5B9ull;
  return h ^ (h >> 31);
}

#endif
