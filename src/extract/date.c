/*
** date.c -- dates and times resolved against the publication date.
** (Stub: filled in by issue 5.)
*/
#include "date.h"

#include "../picture/doc.h"

void lb_date_run(lb_doc *d) { (void)d; }
