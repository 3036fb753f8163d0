/*
** doc.h -- one document on its way through the pipeline, and its picture.
**
** An lb_doc is created by the pipeline (pipeline.c) for each input document.
** The text layer fills `text`, `toks`, `sents` and `lang`; each extractor then
** appends its facts to the arrays below; picture/json.c writes the whole thing
** as one JSON object (the contract in docs/OUTPUT.md). Everything hangs off the
** document's arena and is freed at once with the document.
**
** This is the one internal header every extractor includes. Fields are open on
** purpose: extractors are stages over a shared blackboard. Offsets are UTF-8
** byte offsets into `text`, end exclusive; `text` has exactly the bytes and
** length of the input (utf8.c replaces invalid bytes in place, one for one),
** so every offset also points into the original input.
*/
#ifndef LB_DOC_H
#define LB_DOC_H

#include <stdint.h>
#include <string.h>

#include "../base/arena.h"
#include "../text/tok.h"

typedef struct lb_lex lb_lex;

/* A sentence: byte span and the range of tokens inside it. */
typedef struct lb_sent {
  uint32_t start, end;
  uint32_t tok0, tok1; /* toks[tok0 .. tok1) */
  uint8_t headline;    /* a line without final punctuation */
} lb_sent;

typedef struct lb_mention {
  uint32_t start, end;
  const char *actor;  /* mention-level CAMEO actor code, or NULL = entity's */
  const char *rule;   /* rule or lexicon source that produced it */
  uint32_t tok0, tok1;/* token range */
  uint8_t role;       /* LB_ROLE_* : how the mention is used */
} lb_mention;

enum { LB_ROLE_NAME = 0, LB_ROLE_PLACE = 1, LB_ROLE_ACTOR = 2, LB_ROLE_ADJ = 3 };

typedef struct lb_geo {
  int64_t geonameid;
  double lat, lon;
  const char *feature; /* GeoNames feature code: PPLC, ADM1, PCLI, ... */
  const char *cc;      /* ISO 3166-1 alpha-2 */
} lb_geo;

/* Per token: the entity mention that covers it (set by the entity stage;
** ent = -1 when none). Read it through lb_ent_at (extract/ent.h). */
typedef struct lb_ent_ref {
  int32_t ent, men;
} lb_ent_ref;

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
  double value, min, max;  /* valid when has_* */
  uint8_t has_value, has_min, has_max, approx;
  const char *unit, *unit_text, *category;
  const char *of, *place;  /* entity ids or NULL */
  int32_t claim;           /* index into claims, -1 when none */
  int32_t sentence;
  const char *rule;
} lb_quantity;

typedef struct lb_date {
  uint32_t start, end;
  const char *from, *to;   /* ISO dates (YYYY, YYYY-MM, YYYY-MM-DD) or NULL */
  const char *granularity; /* day | week | month | year | period */
  const char *rule;
  int32_t sentence;
  uint8_t unresolved;      /* relative date without a publication date */
  uint8_t duration;        /* "in 24 Stunden": not a point in time */
} lb_date;

typedef struct lb_claim {
  const char *speaker;      /* entity id or NULL */
  const char *speaker_text; /* when the speaker is no entity */
  const char *verb;         /* lemma of the reporting verb or cue */
  uint32_t start, end;      /* what is claimed */
  uint32_t cue_start, cue_end;         /* the reporting verb or cue */
  uint32_t speaker_start, speaker_end; /* the speaker's words (0,0 if none) */
  int32_t sentence;
  const char *rule;
} lb_claim;

typedef struct lb_event {
  const char *code, *root;
  int quad_class;
  double goldstein;
  const char *source, *source_entity, *target, *target_entity;
  const char *place;  /* entity id */
  const char *date;   /* resolved date or period */
  const char *date_granularity;
  LB_VEC(int32_t) quantities;
  int32_t claim;
  int32_t sentence;
  uint32_t start, end;
  const char *rule;
  const char *mood;   /* NULL = asserted fact; "negated", "modal", "hypothetical" */
} lb_event;

typedef struct lb_signal {
  const char *kind;
  uint32_t start, end;
  const char *detail;
  const char *rule;
} lb_signal;

typedef struct lb_doc {
  lb_arena *arena;
  const char *id, *lang, *published, *title, *url;
  const char *text; /* repaired text, same length as input */
  uint32_t len;
  uint8_t lang_given;
  int pub_y, pub_m, pub_d; /* parsed published date, 0 when none */
  const lb_lex *lex;       /* may be NULL (no lexicon loaded) */

  LB_VEC(lb_tok) toks;
  LB_VEC(lb_sent) sents;
  LB_VEC(lb_entity) entities;
  LB_VEC(lb_quantity) quantities;
  LB_VEC(lb_date) dates;
  LB_VEC(lb_claim) claims;
  LB_VEC(lb_event) events;
  LB_VEC(lb_signal) signals;
  LB_VEC(const char *) warnings;
  uint16_t *nummark; /* per token: which number/date/signal word tables know it
                        (src/extract/num.c, lb_num_mark); NULL until needed */
  lb_ent_ref *ent_refs;   /* d->toks.n entries, or NULL (extract/ent.c) */
  struct lb_cl *clause;   /* clause analysis shared by claims and events (extract/clause.c) */
  struct lb_lexdoc *lexdoc; /* per token: its key's lexicon entry (lex/lexdoc.c) */
} lb_doc;

/* Append a warning (printf format) to d->warnings. */
void lb_doc_warn(lb_doc *d, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* The sentence index that holds byte offset off, or -1. */
int32_t lb_doc_sentence_at(const lb_doc *d, uint32_t off);
/* Index of the entity with this id, or -1. */
int32_t lb_doc_entity_find(const lb_doc *d, const char *id);
/* Arena copy of text[start..end). */
char *lb_doc_span(const lb_doc *d, uint32_t start, uint32_t end);

#endif
