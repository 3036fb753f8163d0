/*
** phrase.h -- what a phrase of the dependency tree names: the entity
** mention on its head word or inside it, or the entity a pronoun or role
** description stands for (coref.h). For the extractors that read the tree:
** events (source, target, place) and claims (speaker).
*/
#ifndef LB_PHRASE_H
#define LB_PHRASE_H

#include <stdint.h>

struct lb_doc;
struct lb_text;

/* What to look for. */
enum {
  LB_PH_ACTOR = 1, /* an entity or mention with a CAMEO actor code */
  LB_PH_PLACE = 2, /* a geocoded place */
  LB_PH_ANY = 4,   /* any entity (a speaker may be a person without a code) */
  LB_PH_GEO = 8,   /* any geocoded entity, also one the entity stage read as
                      an actor ("in Berlin": a capital is no government there) */
  LB_PH_PERSON = 16 /* a person, with or without a CAMEO code ("arrested
                       Elizabeth A. Burton") */
};

typedef struct lb_phrase {
  int32_t word;      /* the phrase's head word */
  int32_t ent, men;  /* the entity and its mention; men -1 when found by coreference */
  const char *actor; /* the CAMEO actor code, NULL when none */
  const char *rule;  /* the coreference rule when found by it, else NULL */
} lb_phrase;

/* The entity that phrase head w names, by `want`: the mention on w, else the
** nearest mention inside the phrase (names, appositions, compounds,
** modifiers, genitives; not inside clauses or coordinated phrases), else
** (when w is a pronoun or role description) its coreference. A relative
** pronoun is read as the noun its clause modifies. Returns 1 and fills *out. */
int lb_phrase_find(const struct lb_doc *d, int32_t w, int want, lb_phrase *out);

/* The antecedent of a relative pronoun w: the noun its clause modifies
** ("eine Zone, die ... zurückerobern"); -1 when w is none. */
int32_t lb_phrase_antecedent(const struct lb_text *tx, int32_t w);

/* Is word w in the dateline a sentence opens with ("Abuja – Bei einem
** Anschlag ...": one to three capitalised words and a dash)? The place
** there is where the report was filed, not an actor or the event's place. */
int lb_phrase_dateline(const struct lb_text *tx, int32_t w);

/* A subject at word w, past the dateline: w when it is no dateline word;
** else the nominal the parser hung on the dateline after its dash
** ("Aleppo – UNO-Generalsekretär Ban Ki Moon hat ... verurteilt" with Ban a
** name part of Aleppo); else -1. */
int32_t lb_phrase_past_dateline(const struct lb_text *tx, int32_t w);

/* Has verb v the perfect's auxiliary (an aux or cop child whose lemma is
** of class perfect in table t_mood, "mood": haben, have; or of class
** perfsein, sein, when v is of class seinverb: vordringen)? Then a subject
** the parser called passive is active ("Die Armee hatte mitgeteilt",
** "Ukrainische Truppen sind ... vorgedrungen"). */
int lb_phrase_perfect(const struct lb_text *tx, int t_mood, int32_t v);

/* Is clause k opened by a conjunction (its mark child) of class ctl in
** table t_mood (before, after, while, um, ohne)? Such a clause without a
** subject of its own is done by its main clause's subject. */
int lb_phrase_controlled(const struct lb_text *tx, int t_mood, int32_t k);

/* Phrase w and the phrases coordinated with it ("Russland und Belarus"):
** up to max into out; returns how many name something. */
int lb_phrase_all(const struct lb_doc *d, int32_t w, int want, lb_phrase *out, int max);

#endif
