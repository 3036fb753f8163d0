/*
** ufeat.h -- Universal Dependencies features packed into 64 bits: each UD
** attribute a field holding the index of its value in the attribute's list
** (1-based; 0 = absent), Gender a bit set. The lists follow the UD v2
** guidelines (ufeat.c), not a language. lb_word.feats holds them.
*/
#ifndef LB_UFEAT_H
#define LB_UFEAT_H

#include <stdint.h>

enum lb_ufeat {
  LB_UF_CASE, LB_UF_NUMBER, LB_UF_GENDER, LB_UF_PERSON, LB_UF_TENSE, LB_UF_MOOD,
  LB_UF_VERBFORM, LB_UF_VOICE, LB_UF_DEGREE, LB_UF_PRONTYPE, LB_UF_POLARITY,
  LB_UF_DEFINITE, LB_UF_POSS, LB_UF_REFLEX, LB_UF_NUMTYPE, LB_UF_FOREIGN, LB_UF_ABBR,
  LB_UF_COUNT
};
/* Value indexes of the features the extractors ask for (1-based, in the
** order of the value lists in ufeat.c). */
enum { LB_CASE_NOM = 1, LB_CASE_ACC, LB_CASE_DAT, LB_CASE_GEN };
enum { LB_NUMBER_SING = 1, LB_NUMBER_PLUR };
enum { LB_GENDER_MASC = 1, LB_GENDER_FEM = 2, LB_GENDER_NEUT = 4 }; /* bits */
enum { LB_TENSE_PAST = 1, LB_TENSE_PRES };
enum { LB_MOOD_IND = 1, LB_MOOD_SUB, LB_MOOD_IMP, LB_MOOD_CND };
enum { LB_VERBFORM_FIN = 1, LB_VERBFORM_INF, LB_VERBFORM_PART, LB_VERBFORM_GER };
enum { LB_VOICE_ACT = 1, LB_VOICE_PASS };
enum { LB_PRONTYPE_PRS = 1, LB_PRONTYPE_ART, LB_PRONTYPE_DEM, LB_PRONTYPE_IND,
       LB_PRONTYPE_INT, LB_PRONTYPE_REL, LB_PRONTYPE_NEG };
enum { LB_POLARITY_POS = 1, LB_POLARITY_NEG };

/* The value of attribute a in packed features f (0 = absent). */
int lb_ufeat_get(uint64_t f, enum lb_ufeat a);
/* Pack a FEATS column ("Case=Nom|Number=Sing"); unknown attributes and
** values are left out. */
uint64_t lb_ufeat_pack(const char *feats);
#endif
