/*
** qty.c -- quantities with bounds and units.
** (Stub: filled in by issue 5.)
*/
#include "qty.h"

#include "../picture/doc.h"

void lb_qty_run(lb_doc *d) { (void)d; }
