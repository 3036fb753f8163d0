/*
** test_arena.c -- the bump allocator (base/arena.c). The leak checks are
** the ASan build's (`make test` runs it with detect_leaks=1).
*/
#include "../src/base/arena.h"
#include "test.h"

TEST(arena_reset_frees_big_blocks) {
  /* A big request while the first block still has room becomes a one-off
  ** block chained behind the first; reset used to cut the chain there and
  ** leak it (found by the store's per-transaction arena, issue 21). */
  lb_arena *a = lb_arena_new();
  char *small = lb_arena_alloc(a, 100);
  char *big = lb_arena_alloc(a, 40000);
  memset(big, 'x', 40000);
  CHECK(small != NULL && big != NULL);
  CHECK_INT(lb_arena_used(a), 112 + 40000);
  lb_arena_reset(a);
  CHECK_INT(lb_arena_used(a), 0);
  /* the first block serves again; more big ones after a reset */
  char *again = lb_arena_alloc(a, 100);
  CHECK(again == small);
  for (int i = 0; i < 4; i++) lb_arena_alloc(a, 30000);
  lb_arena_reset(a);
  CHECK(lb_arena_alloc(a, 8) == small);
  lb_arena_free(a);
}
