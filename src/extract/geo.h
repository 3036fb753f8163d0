/*
** geo.h -- geocoding of place mentions (GeoNames).
**
** Every entity whose lexicon definition (`entdef`) carries a GeoNames id gets
** its lb_geo: geonameid, lat/lon, feature code, ISO country code, the
** country's FIPS 10-4 code and the ADM1 code as GDELT writes it ("RS41":
** FIPS country + GeoNames admin-1 code). Place
** names with several candidates ("Paris", "Kursk") are decided by
** lb_geo_pick from the document's countries, feature class and population.
*/
#ifndef LB_GEO_H
#define LB_GEO_H

#include <stddef.h>

struct lb_doc;
struct lb_lex_rec;

/* Stage "places": reads d->entities and the lexicon's entdef records;
** writes the entities' geo. */
void lb_geo_run(struct lb_doc *d);

/* Pick one of n candidate place definitions (entdef records): the one in a
** country the document names (ccs: ISO alpha-3 codes), then the most
** important by feature (country, capital, admin seat) and population.
** Returns the index, or -1 when n == 0. */
int lb_geo_pick(const struct lb_lex_rec *defs, int n, const char *const *ccs, size_t ncc);

/* Is the place of this definition important enough to stand alone under a
** name that is also a common word or only an alternate name: a country,
** capital or admin-1 region, a city of >= 250,000, or a place in one of the
** document's countries (ccs)? */
int lb_geo_plausible(const struct lb_lex_rec *def, const char *const *ccs, size_t ncc);

#endif
