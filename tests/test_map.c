/*
** test_map.c -- base/map.c: the hash map the extractors index facts with.
*/
#include "../src/base/map.h"
#include "test.h"

TEST(map_put_get_keeps_first) {
  lb_arena *a = lb_arena_new();
  lb_map m;
  lb_map_init(&m, a);
  CHECK_INT(lb_map_get(&m, "Q159", 4), -1); /* empty */
  CHECK_INT(lb_map_put(&m, "Q159", 4, 0), -1);
  CHECK_INT(lb_map_put(&m, "lb:lukas-schaub", 15, 1), -1);
  CHECK_INT(lb_map_put(&m, "Q159", 4, 7), 0); /* there: the first value stays */
  CHECK_INT(lb_map_get(&m, "Q159", 4), 0);
  CHECK_INT(lb_map_get(&m, "Q15", 3), -1); /* a prefix is another key */
  CHECK_INT(lb_map_get(&m, "lb:lukas-schaub", 15), 1);
  CHECK_INT(m.n, 2);
  lb_arena_free(a);
}

TEST(map_binary_keys_and_growth) {
  lb_arena *a = lb_arena_new();
  lb_map m;
  lb_map_init(&m, a);
  /* span keys as ent.c writes them: three uint32, with zero bytes inside */
  for (uint32_t i = 0; i < 5000; i++) {
    uint32_t k[3] = {i % 7, i, i + 3};
    CHECK_INT(lb_map_put(&m, k, sizeof k, (int32_t)i), -1);
  }
  CHECK_INT(m.n, 5000);
  CHECK(m.cap >= 10000); /* at most half full */
  uint32_t k[3] = {4321 % 7, 4321, 4324};
  CHECK_INT(lb_map_get(&m, k, sizeof k), 4321);
  k[0] = 0; /* another entity, same span */
  CHECK_INT(lb_map_get(&m, k, sizeof k), -1);
  lb_arena_free(a);
}
