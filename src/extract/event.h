/*
** event.h -- CAMEO events.
*/
#ifndef LB_EVENT_H
#define LB_EVENT_H

struct lb_doc;

/* Pipeline stage: add this module's facts to d. */
void lb_evt_run(struct lb_doc *d);

#endif
