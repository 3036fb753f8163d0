/*
** doc.c -- small helpers on lb_doc shared by the extractors (see doc.h).
*/
#include "doc.h"

int32_t lb_doc_entity_find(const lb_doc *d, const char *id) {
  for (size_t i = 0; i < d->entities.n; i++)
    if (strcmp(d->entities.v[i].id, id) == 0) return (int32_t)i;
  return -1;
}
