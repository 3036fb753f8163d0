/*
** fuzz_lex.c -- libFuzzer target for the lexicon loader (src/lex/lex.c).
**
** The input is written to a temporary file and opened as a lexicon: a
** truncated or corrupt file must be rejected at open with a message, or give
** only "no match" / valid records on lookup -- never a read outside the map.
** Every successful open is exercised with lookups of a few keys (and of
** prefixes of the input itself), records and fields.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../src/lex/lex.h"

static void touch(const lb_lex *lx, const char *key, size_t n) {
  lb_lex_entry e;
  /* every table, small ones through their key hashes */
  for (int t = -1; t <= lb_lex_ntables(lx); t++) {
    lb_lex_rec r;
    if (lb_lex_find(lx, t, key, n, &r)) {
      volatile size_t s = strlen(r.surface) + r.val_len;
      (void)s;
    }
  }
  if (!lb_lex_get(lx, key, n, &e)) return;
  volatile int nx = lb_lex_next_may(&e, lb_lex_hash(key, n));
  (void)nx;
  for (uint32_t i = 0; i < e.nrec && i < 64; i++) {
    lb_lex_rec r;
    if (!lb_lex_rec_get(lx, &e, i, &r)) continue;
    volatile size_t s = strlen(r.surface) + strlen(lb_lex_table_name(lx, r.table));
    (void)s;
    const char *f;
    for (int k = 0; k < 4; k++) {
      int l = lb_lex_field(r.val, r.val_len, k, &f);
      if (l < 0) break;
      volatile char c = l ? f[l - 1] : 0;
      (void)c;
    }
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char path[] = "/tmp/fuzz_lex_XXXXXX";
  int fd = mkstemp(path);
  if (fd < 0) return 0;
  if (write(fd, data, size) != (ssize_t)size) {
    close(fd);
    unlink(path);
    return 0;
  }
  close(fd);
  char err[512];
  lb_lex *lx = lb_lex_open(path, err, sizeof err);
  unlink(path);
  if (!lx) {
    if (!err[0]) abort(); /* a rejection must say why */
    return 0;
  }
  static const char *const KEYS[] = {"russland", "donald trump", "kursk", "", "a", NULL};
  for (int i = 0; KEYS[i]; i++)
    touch(lx, KEYS[i], strlen(KEYS[i]));
  for (size_t n = 1; n <= size && n <= 16; n++)
    touch(lx, (const char *)data + size - n, n);
  (void)lb_lex_table(lx, "ent");
  (void)lb_lex_nkeys(lx);
  lb_lex_close(lx);
  return 0;
}
