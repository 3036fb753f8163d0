/*
** qty.h -- quantities with bounds and units.
*/
#ifndef LB_QTY_H
#define LB_QTY_H

struct lb_doc;

/* Pipeline stage: add this module's facts to d. */
void lb_qty_run(struct lb_doc *d);

#endif
