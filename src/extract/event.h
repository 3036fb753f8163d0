/*
** event.h -- CAMEO events.
*/
#ifndef LB_EVENT_H
#define LB_EVENT_H

struct lb_doc;

/* Stage "events": reads toks, sents, d->clause (stage "clauses"), the
** entities, dates, claims and quantities; writes d->events. */
void lb_evt_run(struct lb_doc *d);

#endif
