/*
** claim.c -- claims (who said what).
** (Stub: filled in by issue 6.)
*/
#include "claim.h"

#include "../picture/doc.h"

void lb_claim_run(lb_doc *d) { (void)d; }
