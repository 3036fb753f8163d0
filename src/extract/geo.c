/*
** geo.c -- geocoding of place mentions (GeoNames).
** (Stub: filled in by issue 4.)
*/
#include "geo.h"

#include "../picture/doc.h"

void lb_geo_run(lb_doc *d) { (void)d; }
