/*
** cmd_extract.c -- `lagebild extract`: documents in, JSON Lines out.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../include/lagebild.h"
#include "../base/buf.h"
#include "../lex/lex.h"
#include "../picture/batch.h"
#include "../picture/picture.h"
#include "../picture/pipeline.h"
#include "../read/input.h"
#include "cli.h"

static const char HELP[] =
    "usage: lagebild extract [OPTIONS] [FILE...]\n"
    "\n"
    "Print the situation picture of each document as one JSON object per line\n"
    "(docs/OUTPUT.md). FILEs ending in .jsonl or .ndjson hold one document per\n"
    "line; other files are one plain-text document each. No FILE: read stdin.\n"
    "\n"
    "options:\n"
    "  --jsonl              read JSON Lines (also for stdin and other file names)\n"
    "                         lagebild extract --jsonl < docs.jsonl\n"
    "  --text               read plain text even for .jsonl names\n"
    "  --published DATE     publication date YYYY-MM-DD for plain text (and JSONL\n"
    "                       lines without one); relative dates resolve against it\n"
    "                         lagebild extract --published 2024-11-11 article.txt\n"
    "  --lang CODE          the language (ISO 639-1) instead of detecting it\n"
    "                         lagebild extract --lang de article.txt\n"
    "  --id ID              document id for plain text (default: file base name,\n"
    "                       or a hash of the text on stdin)\n"
    "                         lagebild extract --id doc-1 < article.txt\n"
    "  --lexicon FILE       the compiled lexicon (default: lagebild.lex beside the\n"
    "                       binary, or $LAGEBILD_LEXICON)\n"
    "                         lagebild extract --lexicon bin/lagebild.lex a.txt\n"
    "  --threads N          worker threads (default: all cores); output order and\n"
    "                       bytes do not depend on N\n"
    "                         lagebild extract --threads 2 big.jsonl\n"
    "  --stages STAGE       stop after STAGE: text (tokens, sentences, language),\n"
    "                       entities, places, dates, claims, quantities, events\n"
    "                         lagebild extract --stages text big.jsonl\n"
    "  -o FILE              write to FILE instead of stdout\n"
    "                         lagebild extract -o out.jsonl in.jsonl\n"
    "\n"
    "exit status: 0 all documents read; 1 error (a file could not be opened, the\n"
    "lexicon is missing or corrupt); 2 bad usage; 3 some documents or lines were\n"
    "skipped (each is named on stderr with file, line and byte offset).\n";

#define BATCH_DOCS 512
#define BATCH_BYTES (16u << 20)

typedef struct out_ctx {
  lb_buf *bufs;
} out_ctx;

static void serialise(lb_doc *d, size_t i, void *ctx) {
  out_ctx *o = ctx;
  lb_buf_reset(&o->bufs[i]);
  lb_pic_json(&o->bufs[i], d);
  lb_buf_addc(&o->bufs[i], '\n');
}

static int flush(const lb_engine *e, lb_doc **docs, size_t *n, lb_buf *bufs, int threads,
                 FILE *out) {
  out_ctx o = {bufs};
  lb_batch_run(e, docs, *n, threads, serialise, &o);
  int err = 0;
  for (size_t i = 0; i < *n; i++) {
    if (fwrite(bufs[i].p, 1, bufs[i].n, out) != bufs[i].n) err = 1;
    lb_doc_free(docs[i]);
  }
  *n = 0;
  return err;
}

int lb_cmd_extract(int argc, char **argv) {
  lb_input defaults;
  memset(&defaults, 0, sizeof defaults);
  const char *lexicon = NULL, *stages = NULL, *outpath = NULL, *v;
  int mode = LB_READ_AUTO, threads = lb_batch_cpus();
  const char **files = calloc((size_t)argc + 1, sizeof *files);
  int nfiles = 0, r;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
      fputs(HELP, stdout);
      free(files);
      return LB_EXIT_OK;
    } else if (strcmp(a, "--jsonl") == 0) {
      mode = LB_READ_JSONL;
    } else if (strcmp(a, "--text") == 0) {
      mode = LB_READ_TEXT;
    } else if ((r = lb_cli_opt(argc, argv, &i, "--published", &v))) {
      if (r < 0) goto usage;
      defaults.published = v;
    } else if ((r = lb_cli_opt(argc, argv, &i, "--lang", &v))) {
      if (r < 0) goto usage;
      defaults.lang = v;
    } else if ((r = lb_cli_opt(argc, argv, &i, "--id", &v))) {
      if (r < 0) goto usage;
      defaults.id = v;
    } else if ((r = lb_cli_opt(argc, argv, &i, "--lexicon", &v))) {
      if (r < 0) goto usage;
      lexicon = v;
    } else if ((r = lb_cli_opt(argc, argv, &i, "--stages", &v))) {
      if (r < 0) goto usage;
      stages = v;
    } else if ((r = lb_cli_opt(argc, argv, &i, "-o", &v))) {
      if (r < 0) goto usage;
      outpath = v;
    } else if ((r = lb_cli_opt(argc, argv, &i, "--threads", &v))) {
      if (r < 0) goto usage;
      char *end;
      long t = strtol(v, &end, 10);
      if (*end || t < 1 || t > 64) {
        fprintf(stderr, "lagebild extract: --threads wants 1..64, not \"%s\"\n", v);
        goto usage;
      }
      threads = (int)t;
    } else if (a[0] == '-' && a[1]) {
      fprintf(stderr, "lagebild extract: unknown option \"%s\"\n", a);
      goto usage;
    } else {
      files[nfiles++] = a;
    }
  }
  if (!nfiles) files[nfiles++] = "-";

  char err[512];
  lb_engine *e;
  if (stages && strcmp(stages, "text") == 0 && !lexicon) {
    e = lb_engine_new_text_only();
  } else {
    e = lb_engine_new(lexicon, err, sizeof err);
    if (!e) {
      fprintf(stderr, "lagebild extract: %s\n", err);
      free(files);
      return LB_EXIT_ERR;
    }
    if (stages && lb_engine_stop_after(e, stages) != LB_OK) {
      fprintf(stderr, "lagebild extract: unknown stage \"%s\"\n", stages);
      lb_engine_free(e);
      goto usage;
    }
  }
  FILE *out = stdout;
  if (outpath) {
    out = fopen(outpath, "wb");
    if (!out) {
      perror(outpath);
      lb_engine_free(e);
      free(files);
      return LB_EXIT_ERR;
    }
  }
  lb_doc **docs = calloc(BATCH_DOCS, sizeof *docs);
  lb_buf *bufs = calloc(BATCH_DOCS, sizeof *bufs);
  size_t n = 0, bytes = 0, skipped = 0;
  int status = LB_EXIT_OK, werr = 0;
  for (int f = 0; f < nfiles; f++) {
    lb_reader *rd = lb_reader_open(files[f], mode, &defaults, err, sizeof err);
    if (!rd) {
      fprintf(stderr, "lagebild extract: %s\n", err);
      status = LB_EXIT_ERR;
      continue;
    }
    lb_input in;
    char msg[1024];
    int k;
    while ((k = lb_reader_next(rd, &in, msg, sizeof msg)) != 0) {
      if (k < 0) {
        fprintf(stderr, "lagebild extract: %s (skipped)\n", msg);
        skipped++;
        continue;
      }
      lb_doc *d = lb_doc_begin(e, &in);
      if (!d) {
        fprintf(stderr, "lagebild extract: out of memory\n");
        status = LB_EXIT_ERR;
        break;
      }
      docs[n++] = d;
      bytes += in.len;
      if (n == BATCH_DOCS || bytes >= BATCH_BYTES) {
        werr |= flush(e, docs, &n, bufs, threads, out);
        bytes = 0;
      }
    }
    lb_reader_close(rd);
  }
  werr |= flush(e, docs, &n, bufs, threads, out);
  if (fflush(out) != 0 || werr) {
    fprintf(stderr, "lagebild extract: write error\n");
    status = LB_EXIT_ERR;
  }
  if (outpath) fclose(out);
  for (size_t i = 0; i < BATCH_DOCS; i++) lb_buf_free(&bufs[i]);
  free(bufs);
  free(docs);
  free(files);
  lb_engine_free(e);
  if (status == LB_EXIT_OK && skipped) status = LB_EXIT_SKIPPED;
  return status;
usage:
  free(files);
  fputs("see: lagebild extract --help\n", stderr);
  return LB_EXIT_USAGE;
}

int lb_cmd_lexicon(int argc, char **argv) {
  const char *lexicon = NULL, *v;
  const char *lookup = NULL;
  int r;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--help") == 0) {
      puts("usage: lagebild lexicon [--lexicon FILE] [--lookup KEY]\n"
           "\n"
           "Print the lexicon's size, or every record under KEY (normalised key:\n"
           "tokens case-folded and joined by one space).\n"
           "  lagebild lexicon --lookup \"selenskyj\"");
      return 0;
    }
    if ((r = lb_cli_opt(argc, argv, &i, "--lexicon", &v)) > 0)
      lexicon = v;
    else if ((r = lb_cli_opt(argc, argv, &i, "--lookup", &v)) > 0)
      lookup = v;
    else {
      fprintf(stderr, "lagebild lexicon: unknown argument \"%s\"\n", argv[i]);
      return LB_EXIT_USAGE;
    }
  }
  char err[512];
  lb_engine *e = lb_engine_new(lexicon, err, sizeof err);
  if (!e) {
    fprintf(stderr, "lagebild lexicon: %s\n", err);
    return LB_EXIT_ERR;
  }
  const lb_lex *lx = lb_engine_lex(e);
  if (!lookup) {
    printf("keys %u\nrecords %u\nbytes %zu\n", lb_lex_nkeys(lx), lb_lex_nrecs(lx),
           lb_lex_size(lx));
  } else {
    lb_lex_entry en;
    if (!lb_lex_get(lx, lookup, strlen(lookup), &en)) {
      printf("not found: %s\n", lookup);
    } else {
      printf("key \"%s\": %u records, longest key from here %u tokens\n", lookup, en.nrec,
             en.maxtoks);
      for (uint32_t i = 0; i < en.nrec; i++) {
        lb_lex_rec rec;
        if (lb_lex_rec_get(lx, &en, i, &rec))
          printf("%s\t%s\t%s\n", lb_lex_table_name(lx, rec.table), rec.surface, rec.val);
      }
    }
  }
  lb_engine_free(e);
  return 0;
}
