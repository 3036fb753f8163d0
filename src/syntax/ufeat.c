/*
** ufeat.c -- Universal Dependencies features packed into 64 bits (ufeat.h).
*/
#include "ufeat.h"

#include <assert.h>
#include <string.h>

typedef struct ufeat {
  const char *name;
  int shift, bits, multi; /* multi: the value is a bit set (Gender=Masc,Neut) */
  const char *values[12];
} ufeat;

static const ufeat UFEATS[LB_UF_COUNT] = {
    {"Case", 0, 4, 0, {"Nom", "Acc", "Dat", "Gen", "Voc", "Loc", "Ins", "Abl"}},
    {"Number", 4, 2, 0, {"Sing", "Plur", "Dual"}},
    {"Gender", 6, 3, 1, {"Masc", "Fem", "Neut"}},
    {"Person", 9, 2, 0, {"1", "2", "3"}},
    {"Tense", 11, 3, 0, {"Past", "Pres", "Fut", "Imp", "Pqp"}},
    {"Mood", 14, 3, 0, {"Ind", "Sub", "Imp", "Cnd", "Opt", "Pot", "Jus"}},
    {"VerbForm", 17, 3, 0, {"Fin", "Inf", "Part", "Ger", "Conv", "Sup", "Vnoun"}},
    {"Voice", 20, 2, 0, {"Act", "Pass", "Mid"}},
    {"Degree", 22, 2, 0, {"Pos", "Cmp", "Sup"}},
    {"PronType", 24, 4, 0, {"Prs", "Art", "Dem", "Ind", "Int", "Rel", "Neg", "Tot", "Rcp", "Exc", "Emp"}},
    {"Polarity", 28, 2, 0, {"Pos", "Neg"}},
    {"Definite", 30, 2, 0, {"Def", "Ind", "Spec"}},
    {"Poss", 32, 1, 0, {"Yes"}},
    {"Reflex", 33, 1, 0, {"Yes"}},
    {"NumType", 34, 3, 0, {"Card", "Ord", "Frac", "Mult", "Dist", "Range", "Sets"}},
    {"Foreign", 37, 1, 0, {"Yes"}},
    {"Abbr", 38, 1, 0, {"Yes"}},
};

int lb_ufeat_get(uint64_t f, enum lb_ufeat a) {
  assert(a < LB_UF_COUNT);
  return (int)((f >> UFEATS[a].shift) & ((1u << UFEATS[a].bits) - 1));
}

uint64_t lb_ufeat_pack(const char *feats) {
  uint64_t out = 0;
  const char *p = feats;
  while (p && *p && strcmp(p, "_") != 0) {
    const char *bar = strchr(p, '|');
    size_t l = bar ? (size_t)(bar - p) : strlen(p);
    const char *eq = memchr(p, '=', l);
    if (eq) {
      size_t nl = (size_t)(eq - p);
      for (int a = 0; a < LB_UF_COUNT; a++) {
        const ufeat *u = &UFEATS[a];
        if (strlen(u->name) != nl || memcmp(u->name, p, nl) != 0) continue;
        /* one value, or a comma list for a bit set; of a list for a single
        ** value the first ("PronType=Dem,Rel" is Dem: two indexes or'ed
        ** together made another value, Neg) */
        const char *v = eq + 1, *vend = p + l;
        int got = 0;
        while (v < vend && (u->multi || !got)) {
          const char *c = memchr(v, ',', (size_t)(vend - v));
          size_t vl = c ? (size_t)(c - v) : (size_t)(vend - v);
          for (int k = 0; k < 12 && u->values[k]; k++)
            if (strlen(u->values[k]) == vl && memcmp(u->values[k], v, vl) == 0) {
              uint64_t val = u->multi ? (1ull << k) : (uint64_t)(k + 1);
              if (val < (1ull << u->bits)) out |= val << u->shift, got = 1;
            }
          v = c ? c + 1 : vend;
        }
        break;
      }
    }
    p = bar ? bar + 1 : NULL;
  }
  return out;
}

