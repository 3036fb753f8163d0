/*
** event.c -- CAMEO events.
** (Stub: filled in by issue 6.)
*/
#include "event.h"

#include "../picture/doc.h"

void lb_evt_run(lb_doc *d) { (void)d; }
