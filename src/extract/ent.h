/*
** ent.h -- entities and actors from the lexicon.
**
** The entity stage finds every name the lexicon knows (people, organisations,
** countries, places, armed groups) by longest match over the tokens' keys,
** with lemmas and genitive -s for inflected forms, nationality adjectives
** with agent nouns ("ukrainische Streitkräfte" -> Ukraine, actor UKRMIL),
** role phrases resolved against the publication date ("der ukrainische
** Präsident"), capital metonymy ("Moskau" acting -> RUSGOV), compounds with a
** name part ("US-Beamte"), in-document coreference (surnames, possessives)
** and capitalised names the lexicon does not know (guessed, "lb:" ids).
** Each canonical entity is one lb_entity per document with all its mentions.
**
** Lexicon tables read here (columns documented in data/README.md):
**   ent, entdef, nat, agent, office, rolenoun, capital, form.
*/
#ifndef LB_ENT_H
#define LB_ENT_H

#include <stdint.h>

struct lb_doc;
struct lb_entity;
struct lb_mention;

/* Pipeline stage: add this module's facts to d. */
void lb_ent_run(struct lb_doc *d);

/* The mention that covers token index tok, or NULL. When e is not NULL, *e is
** set to the mention's entity (NULL when none). Valid after the entity stage;
** constant time. */
const struct lb_mention *lb_ent_at(const struct lb_doc *d, uint32_t tok,
                                   const struct lb_entity **e);

/* The actor code a mention stands for: its own (UKRMIL for "ukrainische
** Streitkräfte") or else its entity's (UKR); NULL when neither has one. */
const char *lb_ent_actor(const struct lb_entity *e, const struct lb_mention *m);

/* Rebuild d->ent_refs after mentions were added or changed (the geo stage
** calls it; other stages need not). */
void lb_ent_index(struct lb_doc *d);

#endif
