/*
** fuzz_read.c -- libFuzzer target: the document reader over every format
** (format.c, input.c, compress.c, pubdate.c, jsonl.c's member names).
**
** Any bytes go in as a file read by content (and again as each format):
** every document's text and metadata are within bounds, the published
** date is as pubdate.h writes it or as the input had it, messages name
** the file, and the reader ends. The first bytes also go to
** lb_pubdate_parse, whose result must be RFC 3339 or nothing.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../src/read/format.h"
#include "../src/read/input.h"
#include "../src/read/pubdate.h"
#include "fuzz_check.h"

static char path[64];
static void remove_file(void) { unlink(path); }

static void read_as(int format) {
  lb_read_opts ro;
  memset(&ro, 0, sizeof ro);
  ro.format = format;
  ro.names.text = format == LB_FORMAT_JSONL ? "body" : NULL;
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
    FZ_ASSERT(in.text || in.len == 0);
    if (in.len) FZ_ASSERT(in.text[in.len - 1] == in.text[in.len - 1]); /* readable */
    if (in.id) FZ_ASSERT(strlen(in.id) < (size_t)1 << 30);
    if (in.published) FZ_ASSERT(strlen(in.published) < (size_t)1 << 30);
  }
  lb_reader_close(r);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!path[0]) {
    snprintf(path, sizeof path, "/tmp/lagebild-fuzz-read-%d", (int)getpid());
    atexit(remove_file);
  }
  char d[LB_PUBDATE_MAX];
  size_t k = lb_pubdate_parse((const char *)data, size < 64 ? size : 64, d);
  FZ_ASSERT(k == strlen(d) && k < LB_PUBDATE_MAX);
  if (k) FZ_ASSERT(k >= 10 && d[4] == '-' && d[7] == '-');
  int f = lb_format_detect((const char *)data, size, NULL);
  FZ_ASSERT(f >= LB_FORMAT_TEXT && f <= LB_FORMAT_WARC);
  FILE *fp = fopen(path, "wb");
  FZ_ASSERT(fp && fwrite(data, 1, size, fp) == size);
  fclose(fp);
  read_as(LB_FORMAT_AUTO);
  read_as(LB_FORMAT_JSONL);
  read_as(LB_FORMAT_WARC);
  read_as(LB_FORMAT_TEXT);
  return 0;
}
