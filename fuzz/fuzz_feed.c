/*
** fuzz_feed.c -- libFuzzer target: RSS and Atom feeds (feed.c) and the
** reader's items (input.c).
**
** Any bytes go in as a feed: lb_feed_parse gives items or -1 with a message,
** every item's strings are within the feed's string buffer and NUL-ended;
** then the bytes as a file read with --format feed: every item is a
** document with valid UTF-8 metadata, or a message naming the file.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../src/read/feed.h"
#include "../src/read/input.h"
#include "fuzz_check.h"

static char path[64];
static void remove_file(void) { unlink(path); }

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!path[0]) {
    snprintf(path, sizeof path, "/tmp/lagebild-fuzz-%d.xml", (int)getpid());
    atexit(remove_file);
  }
  char *p = malloc(size ? size : 1);
  memcpy(p, data, size);
  lb_feed f;
  memset(&f, 0, sizeof f);
  long n = lb_feed_parse(&f, p, size);
  if (n < 0) {
    FZ_ASSERT(f.err[0]);
  } else {
    FZ_ASSERT((size_t)n == f.n);
    for (size_t i = 0; i < f.n; i++) {
      const lb_feed_item *it = &f.item[i];
      size_t o[] = {it->id, it->link, it->title, it->date, it->author, it->lang, it->content};
      for (size_t k = 0; k < sizeof o / sizeof *o; k++) {
        FZ_ASSERT(o[k] < f.str.n);
        FZ_ASSERT(strlen(f.str.p + o[k]) < f.str.n - o[k]);
      }
    }
  }
  lb_feed_free(&f);
  free(p);

  FILE *fp = fopen(path, "wb");
  FZ_ASSERT(fp && fwrite(data, 1, size, fp) == size);
  fclose(fp);
  lb_read_opts ro;
  memset(&ro, 0, sizeof ro);
  ro.format = LB_FORMAT_FEED;
  char err[256], msg[512];
  lb_reader *r = lb_reader_open(path, &ro, err, sizeof err);
  FZ_ASSERT(r);
  lb_input in;
  int k;
  for (int i = 0; i < 100000 && (k = lb_reader_next(r, &in, msg, sizeof msg)) != 0; i++) {
    if (k < 0) {
      FZ_ASSERT(strstr(msg, path) != NULL);
      continue;
    }
    FZ_ASSERT(in.text && fz_utf8_valid(in.text, in.len));
    const char *s[] = {in.id, in.url, in.title, in.published, in.author, in.lang_declared};
    for (size_t j = 0; j < sizeof s / sizeof *s; j++)
      if (s[j] && in.text != s[j]) FZ_ASSERT(strlen(s[j]) < (size_t)1 << 30);
  }
  lb_reader_close(r);
  return 0;
}
