/*
** fuzz_warc.c -- libFuzzer target: WARC records (warc.c) and HTTP framing.
**
** Any bytes go in as a WARC stream: lb_warc_next gives records, messages
** naming the stream and a byte offset within it, and ends; a record's
** offset lies before the end and its fields are NUL-ended. The bytes also
** go in as an HTTP response (de-chunking, gzip and deflate bounded).
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/read/warc.h"
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char *p = malloc(size ? size : 1);
  memcpy(p, data, size);
  lb_buf out = LB_BUF_INIT;
  size_t type = 0, body = 0;
  if (lb_warc_http(p, size, &out, &type, &body) == 0) {
    FZ_ASSERT(type < out.n || (type == out.n && out.n == 0));
    FZ_ASSERT(body <= out.n);
    FZ_ASSERT(out.n <= size + ((size_t)64 << 20) + 65536);
  }
  lb_buf_free(&out);
  FILE *f = fmemopen(p, size ? size : 1, "rb");
  if (size == 0) {
    fclose(f);
    f = fmemopen((void *)"", 1, "rb");
  }
  FZ_ASSERT(f);
  lb_warc *w = lb_warc_new(f, "fuzz.warc");
  FZ_ASSERT(w);
  lb_warc_rec r;
  char msg[512];
  int k, n = 0;
  while ((k = lb_warc_next(w, &r, msg, sizeof msg)) != 0) {
    FZ_ASSERT(++n < 1000000);
    if (k < 0) {
      FZ_ASSERT(strstr(msg, "fuzz.warc: ") == msg);
      continue;
    }
    FZ_ASSERT(r.offset < size + 1);
    FZ_ASSERT(r.uri && r.date && r.id && r.charset && r.body);
    FZ_ASSERT(r.len <= size);
  }
  FZ_ASSERT(lb_warc_offset(w) <= size + 1);
  lb_warc_free(w);
  fclose(f);
  free(p);
  return 0;
}
