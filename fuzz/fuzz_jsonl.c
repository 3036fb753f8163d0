/*
** fuzz_jsonl.c -- libFuzzer target: the JSON Lines reader.
**
** Two ways in: (1) the whole input as one line to lb_jsonl_parse, from an
** exact-size buffer so that ASan sees any read past its end; a parsed
** document must have a text, and it is run through the text layer and
** written as JSON, which must be valid; (2) the input as a .jsonl file read
** with lb_reader_next to the end: every line gives a document or a message
** naming the file and line, and the reader must end. (3) A parsed document
** written back with lb_jsonl_write (the queue's messages) must parse again
** into the same bytes, field by field.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../include/lagebild.h"
#include "../src/base/buf.h"
#include "../src/doc/doc.h"
#include "../src/read/input.h"
#include "../src/read/jsonl.h"
#include "fuzz_check.h"

static lb_engine *engine;
static char path[64];

static void remove_file(void) { unlink(path); }

static int same(const char *a, const char *b) {
  return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* (3) write it as a queue message, read it back: the same document. */
static void round_trip(const lb_input *in) {
  lb_buf line = LB_BUF_INIT, scratch = LB_BUF_INIT;
  lb_jsonl_write(&line, in);
  FZ_ASSERT(!memchr(line.p, '\n', line.n));
  lb_input back;
  memset(&back, 0, sizeof back);
  size_t pos;
  char msg[256];
  FZ_ASSERT(lb_jsonl_parse(line.p, line.n, NULL, &back, &scratch, &pos, msg, sizeof msg) == 0);
  FZ_ASSERT(back.len == in->len && memcmp(back.text, in->text, in->len) == 0);
  FZ_ASSERT(same(back.id, in->id) && same(back.title, in->title) && same(back.url, in->url));
  FZ_ASSERT(same(back.published, in->published) && same(back.lang, in->lang));
  lb_buf_free(&line);
  lb_buf_free(&scratch);
}

static void text_layer(const lb_input *in) {
  lb_doc *d = lb_extract(engine, in);
  FZ_ASSERT(d);
  char *json = NULL;
  size_t n = lb_doc_json(d, &json);
  FZ_ASSERT(json && fz_json_valid(json, n));
  free(json);
  lb_doc_free(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (!engine) {
    engine = lb_engine_new_text_only();
    FZ_ASSERT(engine);
    snprintf(path, sizeof path, "/tmp/lagebild-fuzz-%d.jsonl", (int)getpid());
    atexit(remove_file);
  }
  /* (1) one line, parsed in place */
  char *line = malloc(size ? size : 1);
  memcpy(line, data, size);
  lb_input in;
  memset(&in, 0, sizeof in);
  lb_buf scratch;
  memset(&scratch, 0, sizeof scratch);
  size_t errpos = 0;
  char msg[256];
  msg[0] = 0;
  if (lb_jsonl_parse(line, size, NULL, &in, &scratch, &errpos, msg, sizeof msg) == 0) {
    FZ_ASSERT(in.text);
    round_trip(&in);
    text_layer(&in);
  } else {
    FZ_ASSERT(msg[0]);
    FZ_ASSERT(errpos <= size);
  }
  lb_buf_free(&scratch);
  free(line);

  /* (2) the input as a file of lines */
  FILE *f = fopen(path, "wb");
  FZ_ASSERT(f);
  FZ_ASSERT(fwrite(data, 1, size, f) == size);
  fclose(f);
  char err[256];
  lb_read_opts ro;
  memset(&ro, 0, sizeof ro);
  ro.format = LB_FORMAT_JSONL;
  lb_reader *r = lb_reader_open(path, &ro, err, sizeof err);
  FZ_ASSERT(r);
  size_t docs = 0, bad = 0, lines = 0;
  for (size_t k = 0; k < 100000; k++) {
    msg[0] = 0;
    int rc = lb_reader_next(r, &in, msg, sizeof msg);
    if (rc == 0) break;
    if (rc > 0) {
      FZ_ASSERT(in.text);
      docs++;
    } else {
      FZ_ASSERT(strstr(msg, path) != NULL); /* names the file */
      bad++;
    }
    FZ_ASSERT(lb_reader_line(r) >= lines);
    lines = lb_reader_line(r);
  }
  lb_reader_close(r);
  FZ_ASSERT(docs + bad <= size + 1);
  return 0;
}
