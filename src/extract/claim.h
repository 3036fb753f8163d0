/*
** claim.h -- claims (who said what).
*/
#ifndef LB_CLAIM_H
#define LB_CLAIM_H

struct lb_doc;

/* Stage "claims": reads toks, sents, d->clause (stage "clauses") and the
** entities; writes d->claims. */
void lb_claim_run(struct lb_doc *d);

#endif
