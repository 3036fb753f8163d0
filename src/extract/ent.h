/*
** ent.h -- entities and actors from the lexicon.
*/
#ifndef LB_ENT_H
#define LB_ENT_H

struct lb_doc;

/* Pipeline stage: add this module's facts to d. */
void lb_ent_run(struct lb_doc *d);

#endif
