/*
** signal.h -- signals about the text (machine translation and more).
*/
#ifndef LB_SIGNAL_H
#define LB_SIGNAL_H

struct lb_doc;

/* Pipeline stage: add this module's facts to d. */
void lb_sig_run(struct lb_doc *d);

#endif
