/*
** test_doc.c -- doc/doc.c: the helpers on a document's facts.
*/
#include "test.h"

/* claims nested and overlapping: the lowest index that holds a span wins,
** as a scan over the claims in order found it */
TEST(doc_claims_holding_lowest_index) {
  lb_doc d;
  memset(&d, 0, sizeof d);
  d.tx.arena = lb_arena_new();
  const uint32_t cs[][2] = {{10, 50}, {0, 100}, {20, 30}, {20, 30}};
  for (size_t i = 0; i < 4; i++) {
    lb_claim *c = LB_VEC_PUSH(d.tx.arena, d.claims);
    c->start = cs[i][0];
    c->end = cs[i][1];
  }
  const uint32_t start[] = {25, 5, 40, 200, 20, 0, 99};
  const uint32_t end[] = {28, 8, 60, 210, 30, 100, 101};
  int32_t out[7];
  lb_doc_claims_holding(&d, start, end, 7, out);
  CHECK_INT(out[0], 0); /* held by 0, 1, 2 and 3 */
  CHECK_INT(out[1], 1);
  CHECK_INT(out[2], 1);
  CHECK_INT(out[3], -1);
  CHECK_INT(out[4], 0);  /* the whole of claims 2 and 3, inside 0 */
  CHECK_INT(out[5], 1);  /* exactly claim 1 */
  CHECK_INT(out[6], -1); /* one byte past claim 1 */
  lb_arena_free(d.tx.arena);
}

/* after the "mentions" stage an id is found through the index */
TEST(doc_entity_find_indexed) {
  lb_doc *d = t_doc("Russland schickte Soldaten nach Kursk, sagte Wladimir Putin.", "2024-11-11");
  CHECK(d->ent_ids != NULL);
  int32_t k = lb_doc_entity_find(d, "Q159");
  CHECK(k >= 0);
  if (k >= 0) CHECK_STR(d->entities.v[k].name, "Russia");
  CHECK_INT(lb_doc_entity_find(d, "Q0"), -1);
  lb_doc_free(d);
}
