/*
** coref.h -- coreference within a document, for speakers and actors.
**
** Stage "coref": reads the words of the syntax stage (upos, feats, lemma,
** deprel) and the entity mentions (d->ent_refs); writes d->coref, one entry
** per word. Resolved are
**   personal and possessive pronouns of the third person ("er", "sie",
**   "sein", "he", "she", "they", "their"): singular to the last person
**   named before it; plural ("sie sagten", "they") to the last organisation,
**   country or group with an actor code (rule "coref:pronoun", "coref:poss");
**   definite role descriptions ("der Minister", "die Sprecherin", "the
**   spokesman": a role or agent noun of the lexicon with a definite article
**   and no name of its own) to the last person named (rule "coref:role").
** Gender cannot be checked (entities do not carry it); number comes from
** the morphology (the pronoun's, or its verb's for a subject). Within the
** last six sentences; unresolved stays unresolved (ent -1).
*/
#ifndef LB_COREF_H
#define LB_COREF_H

struct lb_doc;

void lb_coref_run(struct lb_doc *d);

#endif
