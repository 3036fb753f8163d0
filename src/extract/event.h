/*
** event.h -- CAMEO events.
*/
#ifndef LB_EVENT_H
#define LB_EVENT_H

struct lb_doc;

/* Stage "events": reads the words (syntax stage), the entities, their token
** index (d->ent_refs), the coreference (d->coref), dates, claims and
** quantities; writes d->events (event.c says how). */
void lb_evt_run(struct lb_doc *d);

#endif
