/*
** claim.h -- claims (who said what).
*/
#ifndef LB_CLAIM_H
#define LB_CLAIM_H

struct lb_doc;

/* Stage "claims": reads the words (syntax stage), the entities, their
** token index (d->ent_refs) and the coreference (d->coref); writes
** d->claims (claim.c says how). */
void lb_claim_run(struct lb_doc *d);

#endif
