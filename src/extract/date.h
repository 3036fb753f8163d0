/*
** date.h -- dates and times resolved against the publication date.
*/
#ifndef LB_DATE_H
#define LB_DATE_H

struct lb_doc;

/* Pipeline stage: add this module's facts to d. */
void lb_date_run(struct lb_doc *d);

#endif
