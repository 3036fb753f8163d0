/*
** doc.h -- one document on its way through the pipeline: its text layer and
** the facts that the extractors find in it.
**
** The upper half of the document layer (src/doc/; the lower half, the text
** layer, is text.h). An lb_doc is created by the pipeline (picture/
** pipeline.c) for each input document; its text layer `tx` is filled by the
** text, lexicon and syntax stages, which see only the lb_text; each
** extractor (src/extract/) then appends its facts to the arrays below;
** picture/picture.c writes the whole thing as one JSON object (the contract
** in docs/OUTPUT.md). Everything hangs off the text layer's arena and is
** freed at once with the document.
**
** This is the one internal header every extractor includes. Fields are open
** on purpose: extractors are stages over a shared blackboard, and each one
** writes only what its line in the stage table (pipeline.c) says. Offsets
** are byte offsets into d->tx.text (see text.h).
*/
#ifndef LB_DOC_H
#define LB_DOC_H

#include <stdint.h>
#include <string.h>

#include "../base/arena.h"
#include "text.h"

typedef struct lb_mention {
  uint32_t start, end;
  const char *actor;   /* mention-level CAMEO actor code, or NULL = entity's */
  const char *rule;    /* rule or lexicon source that produced it */
  uint32_t tok0, tok1; /* token range */
  uint8_t role;        /* LB_ROLE_* : how the mention is used */
} lb_mention;

/* LB_ROLE_PLACEADJ: the adjective of a place ("die Berliner Polizei"): it
** says where, never who */
enum { LB_ROLE_NAME = 0, LB_ROLE_PLACE = 1, LB_ROLE_ACTOR = 2, LB_ROLE_ADJ = 3, LB_ROLE_PLACEADJ = 4 };

typedef struct lb_geo {
  int64_t geonameid;
  double lat, lon;
  const char *feature; /* GeoNames feature code: PPLC, ADM1, PCLI, ... */
  const char *cc;      /* ISO 3166-1 alpha-2 */
  const char *fips;    /* the country's FIPS 10-4 code ("RS" for Russia), or NULL */
  const char *adm1;    /* ADM1 as GDELT writes it: FIPS country + GeoNames admin-1
                          code ("RS41", Kursk Oblast), or NULL */
} lb_geo;

/* Per token: the entity mention that covers it (ent = men = -1 when none),
** written by the "mentions" stage (lb_ent_index, extract/ent.c) by its one
** rule, and read by every stage that asks which mention covers a token
** (lb_ent_at, or the array itself in an inner loop). */
typedef struct lb_ent_ref {
  int32_t ent, men;
} lb_ent_ref;

/* Per word: the entity it refers to by coreference (-1 for none), and the
** rule that resolved it ("coref:pronoun", "coref:role", "coref:poss"). */
typedef struct lb_coref {
  int32_t ent;
  const char *rule;
} lb_coref;

typedef struct lb_entity {
  const char *id;      /* Q-id or "lb:<slug>" */
  const char *name;    /* canonical English name */
  const char *type;    /* PER ORG GPE LOC MIL NORP MISC */
  const char *actor;   /* CAMEO actor code or NULL */
  const char *country; /* ISO alpha-3 or NULL */
  const char *source;  /* lexicon source of the canonical record */
  uint8_t has_geo, guess;
  lb_geo geo;
  LB_VEC(lb_mention) mentions;
} lb_entity;

typedef struct lb_quantity {
  uint32_t start, end;
  double value, min, max; /* valid when has_* */
  uint8_t has_value, has_min, has_max, approx;
  const char *unit, *unit_text, *category;
  const char *of, *place; /* entity ids or NULL */
  int32_t claim;          /* index into claims, -1 when none */
  int32_t sentence;
  const char *rule;
} lb_quantity;

typedef struct lb_date {
  uint32_t start, end;
  const char *from, *to;   /* ISO dates (YYYY, YYYY-MM, YYYY-MM-DD) or NULL */
  const char *granularity; /* day | week | month | year | period */
  const char *rule;
  int32_t sentence;
  uint8_t unresolved; /* relative date without a publication date */
  uint8_t duration;   /* "in 24 Stunden": not a point in time */
} lb_date;

typedef struct lb_claim {
  const char *speaker;                 /* entity id or NULL */
  const char *speaker_text;            /* when the speaker is no entity */
  const char *verb;                    /* lemma of the reporting verb or cue */
  uint32_t start, end;                 /* what is claimed */
  uint32_t cue_start, cue_end;         /* the reporting verb or cue */
  uint32_t speaker_start, speaker_end; /* the speaker's words (0,0 if none) */
  int32_t sentence;
  const char *rule;
  const char *speaker_via;             /* how the speaker was found when not named in the
                                          clause: "coref:pronoun", "coref:role",
                                          "continued" (Konjunktiv I after a claim); NULL */
} lb_claim;

typedef struct lb_event {
  const char *code, *root;
  int quad_class;
  double goldstein;
  const char *source, *source_entity, *target, *target_entity;
  const char *place; /* entity id */
  const char *date;  /* the event's own date or period from the text, or NULL (unknown) */
  const char *date_granularity; /* day | week | month | year | period; "unknown" without a date */
  const char *reported;         /* the publication date (YYYY-MM-DD) when known, else NULL */
  LB_VEC(int32_t) quantities;
  int32_t claim;
  int32_t sentence;
  uint32_t start, end;
  uint32_t trigger_start, trigger_end; /* the trigger word (verb or noun) */
  uint32_t source_start, source_end;   /* the source's words (0,0 if none) */
  uint32_t target_start, target_end;   /* the target's words (0,0 if none) */
  const char *rule;
  const char *mood; /* NULL = asserted fact; "negated", "modal", "hypothetical",
                       "intended": not facts, left out of counts and default exports */
  const char *plover_event, *plover_mode, *plover_context; /* PLOVER, or NULL */
} lb_event;

typedef struct lb_signal {
  const char *kind;
  uint32_t start, end;
  const char *detail;
  const char *rule;
} lb_signal;

typedef struct lb_doc {
  lb_text tx; /* the text layer: text, tokens, sentences, words, language, warnings */
  const char *id, *published, *title, *url;
  int pub_y, pub_m, pub_d; /* parsed published date, 0 when none */

  LB_VEC(lb_entity) entities;
  LB_VEC(lb_quantity) quantities;
  LB_VEC(lb_date) dates;
  LB_VEC(lb_claim) claims;
  LB_VEC(lb_event) events;
  LB_VEC(lb_signal) signals;
  /* What intermediate stages leave for the extractors (the stage table in
  ** picture/pipeline.c says who writes and who reads each). NULL until the
  ** stage has run, and when the document has no lexicon or no tokens. */
  uint16_t *nummark;    /* per token: which number/date/signal word tables
                           know it (stage "marks", extract/num.c) */
  lb_ent_ref *ent_refs; /* per token: the mention that covers it (stage
                           "mentions", extract/ent.c) */
  lb_coref *coref;      /* per word: the entity a pronoun or a role description
                           ("er", "der Minister", "they") stands for (stage
                           "coref", extract/coref.c) */
  struct lb_map *ent_ids; /* entity id -> index in entities, for
                             lb_doc_entity_find (stage "mentions") */
  const char *refused;    /* why the pipeline gave up on the document (over
                             its memory limit), or NULL (picture/pipeline.c) */
} lb_doc;

/* Index of the entity with this id, or -1 (a look-up in ent_ids once the
** "mentions" stage has run, else a scan). */
int32_t lb_doc_entity_find(const lb_doc *d, const char *id);

/* For each span [start[i], end[i]) of n: the lowest index of a claim whose
** span holds it (claims[k].start <= start[i] && end[i] <= claims[k].end)
** into out[i], or -1. One call for all spans of a stage: O((n + claims)
** log claims), where asking claim by claim for each span was quadratic. */
void lb_doc_claims_holding(const lb_doc *d, const uint32_t *start, const uint32_t *end, size_t n,
                           int32_t *out);

#endif
