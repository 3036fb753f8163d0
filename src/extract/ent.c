/*
** ent.c -- entities and actors from the lexicon.
** (Stub: filled in by issue 4.)
*/
#include "ent.h"

#include "../picture/doc.h"

void lb_ent_run(lb_doc *d) { (void)d; }
