/*
** claim.h -- claims (who said what).
*/
#ifndef LB_CLAIM_H
#define LB_CLAIM_H

struct lb_doc;

/* Pipeline stage: add this module's facts to d. */
void lb_claim_run(struct lb_doc *d);

#endif
