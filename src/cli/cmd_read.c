/*
** cmd_read.c -- `lagebild read`: the reading stage alone.
**
** Every document of every input, as the pipeline will get it, one JSON
** object a line: id, url, title, published, author, lang, text, warnings.
** The text is exactly the bytes that `extract` reads, so a fact's offsets
** point into it. Needs no lexicon. Items are parsed (HTML: article.h) on
** --threads workers in batches and written in input order.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../include/lagebild.h"
#include "../base/buf.h"
#include "../base/json.h"
#include "../picture/batch.h"
#include "../read/input.h"
#include "../text/lang.h"
#include "cli.h"

static const char HELP_HEAD[] =
    "usage: lagebild read [OPTIONS] [FILE...]\n"
    "\n"
    "Print every document of FILE (or stdin) exactly as `lagebild extract` and\n"
    "`lagebild ingest` will read it, one JSON object a line:\n"
    "  {\"id\", \"url\", \"title\", \"published\", \"author\", \"lang\", \"lang_declared\",\n"
    "   \"text\", \"warnings\"}\n"
    "Each FILE is read by its content: JSON Lines, an HTML page (its article: the\n"
    "main text without navigation, ads, comments and captions, a blank line\n"
    "between paragraphs), an RSS or Atom feed (a document an item), a WARC\n"
    "archive (a document an HTML response), or plain text; gzip and zstd inside\n"
    "any. A directory gives the files below it. \"published\" is RFC 3339;\n"
    "\"lang\" is the one given (--lang, a JSON Lines member), else the one detected\n"
    "(\"lang_declared\", what a page or feed says, decides only for short texts).\n"
    "Offsets of facts that `extract` finds point into \"text\".\n"
    "\n"
    "options:\n";
static const char HELP_TAIL[] =
    "  --id ID              document id of a plain-text file or page (default: the\n"
    "                       file's base name, or a hash of the text on stdin)\n"
    "                         lagebild read --id doc-1 page.html\n"
    "  --threads N          parsing threads (default: all cores); the output does\n"
    "                       not depend on N\n"
    "                         lagebild read --threads 1 crawl.warc.gz\n"
    "  -o FILE              write to FILE instead of stdout\n"
    "                         lagebild read -o docs.jsonl feed.xml\n"
    "\n"
    "exit status: 0 all read; 1 error (a file could not be opened); 2 bad usage;\n"
    "3 some lines, items or records were skipped (named on stderr with file, line\n"
    "or record and byte offset).\n";

#define BATCH_DOCS 256
#define BATCH_BYTES (32u << 20)

typedef struct item {
  size_t off, n, line, fileoff;
  const lb_reader *rd;
  int failed;
  lb_buf out;
} item;

typedef struct batch {
  lb_buf raw;
  item items[BATCH_DOCS];
  size_t n;
} batch;

/* One document as a line of JSON. */
static void write_doc(lb_buf *o, const lb_input *in) {
  lb_buf_addc(o, '{');
  lb_json_key(o, "id");
  if (in->id) {
    lb_json_cstr(o, in->id);
  } else { /* what the pipeline takes: a hash of the text */
    uint64_t h = 1469598103934665603ULL;
    for (size_t i = 0; i < in->len; i++) h = (h ^ (unsigned char)in->text[i]) * 1099511628211ULL;
    lb_buf_printf(o, "\"%016llx\"", (unsigned long long)h);
  }
  lb_buf_addc(o, ',');
  lb_json_key(o, "url");
  lb_json_cstr(o, in->url);
  lb_buf_addc(o, ',');
  lb_json_key(o, "title");
  lb_json_cstr(o, in->title);
  lb_buf_addc(o, ',');
  lb_json_key(o, "published");
  lb_json_cstr(o, in->published);
  lb_buf_addc(o, ',');
  lb_json_key(o, "author");
  lb_json_cstr(o, in->author);
  lb_buf_addc(o, ',');
  lb_json_key(o, "lang");
  lb_json_cstr(o, in->lang && *in->lang ? in->lang
                                        : lb_lang_detect_hint(in->text, in->len, in->lang_declared));
  lb_buf_addc(o, ',');
  lb_json_key(o, "lang_declared");
  lb_json_cstr(o, in->lang_declared);
  lb_buf_addc(o, ',');
  lb_json_key(o, "text");
  lb_json_str(o, in->text ? in->text : "", in->len);
  lb_buf_addc(o, ',');
  lb_json_key(o, "warnings");
  lb_buf_addc(o, '[');
  const char *w = in->warnings;
  while (w && *w) {
    const char *nl = strchr(w, '\n');
    size_t k = nl ? (size_t)(nl - w) : strlen(w);
    if (o->p[o->n - 1] != '[') lb_buf_addc(o, ',');
    lb_json_str(o, w, k);
    w = nl ? nl + 1 : w + k;
  }
  lb_buf_add(o, "]}\n", 3);
}

static void work(size_t i, void *ctx) {
  batch *b = ctx;
  item *it = &b->items[i];
  lb_buf scratch = LB_BUF_INIT;
  lb_input in;
  char msg[1024];
  lb_buf_reset(&it->out);
  it->failed = lb_reader_parse(it->rd, b->raw.p + it->off, it->n, it->line, it->fileoff, &in,
                               &scratch, msg, sizeof msg) != 0;
  if (it->failed)
    lb_buf_adds(&it->out, msg);
  else
    write_doc(&it->out, &in);
  lb_buf_free(&scratch);
}

/* Write the batch in order; returns the items skipped, -1 on a write error. */
static long flush_batch(batch *b, FILE *out) {
  long skipped = 0;
  for (size_t i = 0; i < b->n; i++) {
    item *it = &b->items[i];
    if (it->failed) {
      fprintf(stderr, "lagebild read: %s (skipped)\n", it->out.p);
      skipped++;
    } else if (fwrite(it->out.p, 1, it->out.n, out) != it->out.n) {
      return -1;
    }
  }
  b->n = 0;
  lb_buf_reset(&b->raw);
  return skipped;
}

int lb_cmd_read(int argc, char **argv) {
  lb_cli_docopts o;
  lb_cli_docopts_init(&o);
  const char *outpath = NULL, *v;
  lb_cli_files in = {0};
  int r, status = LB_EXIT_OK;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
      fputs(HELP_HEAD, stdout);
      lb_cli_docopts_help(stdout, "read");
      fputs(HELP_TAIL, stdout);
      goto out;
    } else if ((r = lb_cli_docopt(argc, argv, &i, &o, "read"))) {
      if (r < 0) goto usage;
    } else if ((r = lb_cli_opt(argc, argv, &i, "--id", &v))) {
      if (r < 0) goto usage;
      o.read.defaults.id = v;
    } else if ((r = lb_cli_opt(argc, argv, &i, "-o", &v))) {
      if (r < 0) goto usage;
      outpath = v;
    } else if (a[0] == '-' && a[1]) {
      fprintf(stderr, "lagebild read: unknown option \"%s\"\n", a);
      goto usage;
    } else {
      if (lb_cli_files_walk(&in, "read", a) != 0) {
        status = LB_EXIT_ERR;
        goto out;
      }
    }
  }
  if (!in.args && lb_cli_files_add("-", &in) != 0) {
    fprintf(stderr, "lagebild read: out of memory\n");
    status = LB_EXIT_ERR;
    goto out;
  }
  FILE *out = stdout;
  if (outpath && !(out = fopen(outpath, "wb"))) {
    perror(outpath);
    status = LB_EXIT_ERR;
    goto out;
  }
  batch *b = calloc(1, sizeof *b);
  lb_reader **open = calloc(in.n, sizeof *open);
  long skipped = 0;
  int werr = 0;
  if (!b || !open) {
    fprintf(stderr, "lagebild read: out of memory\n");
    status = LB_EXIT_ERR;
  }
  size_t nopen = 0;
  for (size_t f = 0; b && open && f < in.n && !werr; f++) {
    char err[512];
    lb_reader *rd = lb_reader_open(in.v[f], &o.read, err, sizeof err);
    if (!rd) {
      fprintf(stderr, "lagebild read: %s\n", err);
      status = LB_EXIT_ERR;
      continue;
    }
    open[nopen++] = rd;
    for (;;) {
      const char *p;
      size_t n, line, off;
      int k = lb_reader_next_raw(rd, &p, &n, &line, &off);
      if (k < 0) {
        fprintf(stderr, "lagebild read: %s (skipped)\n", lb_reader_message(rd));
        skipped++;
        continue;
      }
      if (k == 0) {
        if (lb_reader_error(rd)) {
          fprintf(stderr, "lagebild read: %s (rest of the file skipped)\n", lb_reader_error(rd));
          skipped++;
        }
        lb_reader_finish(rd);
        break;
      }
      item *it = &b->items[b->n++];
      it->off = b->raw.n;
      it->n = n;
      it->line = line;
      it->fileoff = off;
      it->rd = rd;
      lb_buf_add(&b->raw, p, n);
      if (b->n == BATCH_DOCS || b->raw.n >= BATCH_BYTES) {
        lb_batch_for(b->n, o.threads, work, b);
        long s = flush_batch(b, out);
        if (s < 0) werr = 1;
        else skipped += s;
        /* readers of files whose items are all written */
        for (size_t q = 0; q + 1 < nopen; q++) {
          lb_reader_close(open[q]);
          open[q] = NULL;
        }
        if (werr) break;
      }
    }
  }
  if (b && b->n) {
    lb_batch_for(b->n, o.threads, work, b);
    long s = flush_batch(b, out);
    if (s < 0) werr = 1;
    else skipped += s;
  }
  for (size_t q = 0; open && q < nopen; q++) lb_reader_close(open[q]);
  if (b) {
    for (size_t i = 0; i < BATCH_DOCS; i++) lb_buf_free(&b->items[i].out);
    lb_buf_free(&b->raw);
  }
  free(b);
  free(open);
  if (fflush(out) != 0 || werr) {
    fprintf(stderr, "lagebild read: write error\n");
    status = LB_EXIT_ERR;
  }
  if (outpath) fclose(out);
  if (status == LB_EXIT_OK && (skipped || in.skipped)) status = LB_EXIT_SKIPPED;
out:
  lb_cli_files_free(&in);
  return status;
usage:
  lb_cli_files_free(&in);
  fputs("see: lagebild read --help\n", stderr);
  return LB_EXIT_USAGE;
}
