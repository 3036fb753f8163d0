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

/* Stage "entities": reads toks, sents, lang and tx->lexdoc (after the
** "lexicon" stage; the candidates lb_lexdoc_words); writes d->entities and
** their mentions, each mention's entity decided. */
void lb_ent_run(struct lb_doc *d);

/*
** Stage "mentions": the one token -> mention rule. Reads d->entities (no
** later stage adds or moves a mention); writes d->ent_refs: for every token the mention that
** covers it, the longest one; of equally long ones (a capital used as an
** actor is a mention of the city and one of its country on the same token;
** "Russland-Nordkorea-Allianz" names two countries in one token) the first
** in entity order, then mention order. Every stage that asks which mention
** covers a token reads this: lb_ent_at, or d->ent_refs in an inner loop
** (the clause analysis, and through it claims and events).
*/
void lb_ent_index(struct lb_doc *d);

/* The mention that covers token index tok, by the rule of lb_ent_index, or
** NULL. When e is not NULL, *e is set to the mention's entity (NULL when
** none). Valid after the "mentions" stage; constant time. */
const struct lb_mention *lb_ent_at(const struct lb_doc *d, uint32_t tok,
                                   const struct lb_entity **e);

/* The actor code a mention stands for: its own (UKRMIL for "ukrainische
** Streitkräfte") or else its entity's (UKR); NULL when neither has one. */
const char *lb_ent_actor(const struct lb_entity *e, const struct lb_mention *m);

#endif
