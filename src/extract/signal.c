/*
** signal.c -- signals about the text (machine translation and more).
** (Stub: filled in by issue 5.)
*/
#include "signal.h"

#include "../picture/doc.h"

void lb_sig_run(lb_doc *d) { (void)d; }
