/*
** geo.h -- geocoding of place mentions (GeoNames).
*/
#ifndef LB_GEO_H
#define LB_GEO_H

struct lb_doc;

/* Pipeline stage: add this module's facts to d. */
void lb_geo_run(struct lb_doc *d);

#endif
