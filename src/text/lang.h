/*
** lang.h -- language identification (n-gram model).
*/
#ifndef LB_LANG_H
#define LB_LANG_H

struct lb_doc;

/* Pipeline stage: add this module's facts to d. */
void lb_lang_run(struct lb_doc *d);

#endif
