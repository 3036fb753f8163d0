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

static const char HELP_HEAD[] =
    "usage: lagebild extract [OPTIONS] [FILE...]\n"
    "\n"
    "Print the situation picture of each document as one JSON object per line\n"
    "(docs/OUTPUT.md). Each FILE is read by its content: JSON Lines (one document\n"
    "a line; also any file named .jsonl or .ndjson), an HTML page (its article),\n"
    "an RSS or Atom feed (one document an item), a WARC archive (one document an\n"
    "HTML response), or plain text (one document); gzip and zstd inside any. A\n"
    "directory: the input files below it (names ending in .jsonl, .ndjson, .json,\n"
    ".txt, .text, .html, .htm, .xhtml, .xml, .rss, .atom, .rdf or .warc, also\n"
    "with .gz or .zst), by name. No FILE: read stdin, told by its content the same\n"
    "way. `lagebild read` shows the documents as they are read.\n"
    "\n"
    "options:\n";
static const char HELP_TAIL[] =
    "  --id ID              document id of a plain-text file or page (default: the\n"
    "                       file's base name, or a hash of the text on stdin)\n"
    "                         lagebild extract --id doc-1 < article.txt\n"
    "  --lexicon FILE       the compiled lexicon (default: lagebild.lex beside the\n"
    "                       binary, or $LAGEBILD_LEXICON)\n"
    "                         lagebild extract --lexicon bin/lagebild.lex a.txt\n"
    "  --threads N          worker threads (default: all cores); output order and\n"
    "                       bytes do not depend on N\n"
    "                         lagebild extract --threads 2 big.jsonl\n"
    "  --stages STAGE       stop after STAGE: text (tokens, sentences, language),\n"
    "                       syntax, entities, places, dates, claims, quantities,\n"
    "                       events\n"
    "                         lagebild extract --stages text big.jsonl\n"
    "  --syntax             add the analysed words (part of speech, features,\n"
    "                       lemma, head, relation) to the picture as \"words\"\n"
    "                         lagebild extract --syntax article.txt\n"
    "  -o FILE              write to FILE instead of stdout\n"
    "                         lagebild extract -o out.jsonl in.jsonl\n"
    "\n"
    "exit status: 0 all documents read; 1 error (a file could not be opened, the\n"
    "lexicon is missing or corrupt); 2 bad usage; 3 some documents, lines, items or\n"
    "records were skipped (each is named on stderr with file, line or record and\n"
    "byte offset).\n";

/* A batch: raw items copied out of the reader, parsed and extracted on the
** workers, written in input order by the main thread. */
#define BATCH_DOCS 1024
#define BATCH_BYTES (8u << 20)

typedef struct item {
  size_t off, n;       /* bytes in the batch's raw buffer */
  size_t line, fileoff;
  const lb_reader *rd; /* still open while its items are in a batch */
  int failed;          /* out holds an error message instead of JSON */
  lb_buf out;
  char note[512]; /* said on stderr before out, or "" (a text cut) */
} item;

/* What a run of documents prints: the picture (extract) or CoNLL-U (parse). */
typedef struct runfmt {
  const char *cmd; /* for messages: "extract", "parse" */
  int conllu;
  unsigned picflags; /* LB_PIC_* */
} runfmt;

typedef struct batch {
  const lb_engine *e;
  const runfmt *fmt;
  lb_buf raw;
  item *items;
  size_t n;
} batch;

/* "file" or "file:line": where an item comes from, for messages. */
static void where(const item *it, char *w, size_t n) {
  if (it->line)
    snprintf(w, n, "%s:%zu", lb_reader_path(it->rd), it->line);
  else
    snprintf(w, n, "%s", lb_reader_path(it->rd));
}

static void work(size_t i, void *ctx) {
  batch *b = ctx;
  item *it = &b->items[i];
  lb_buf scratch = LB_BUF_INIT;
  lb_input in;
  char msg[1024], w[280];
  lb_buf_reset(&it->out);
  it->failed = 0;
  it->note[0] = 0;
  if (lb_reader_parse(it->rd, b->raw.p + it->off, it->n, it->line, it->fileoff, &in, &scratch,
                      msg, sizeof msg) != 0) {
    it->failed = 1;
    lb_buf_adds(&it->out, msg);
  } else {
    lb_doc *d = lb_doc_begin(b->e, &in);
    if (!d) {
      it->failed = 1;
      lb_buf_adds(&it->out, "out of memory");
    } else if (lb_doc_run(b->e, d) != LB_OK) {
      it->failed = 1;
      where(it, w, sizeof w);
      const char *why = lb_doc_refused(d);
      lb_buf_printf(&it->out, "%s: document \"%.80s\" %s%s", w, d->id, why,
                    strstr(why, "limit") ? " (--max-doc-memory)" : "");
      lb_doc_free(d);
    } else {
      if (in.len > lb_engine_max_doc_bytes(b->e)) {
        where(it, w, sizeof w);
        snprintf(it->note, sizeof it->note,
                 "%s: document \"%.80s\" longer than %zu bytes: cut, with a warning in its "
                 "picture (--max-doc-bytes)",
                 w, d->id, lb_engine_max_doc_bytes(b->e));
      }
      if (b->fmt->conllu) lb_pic_conllu(&it->out, d);
      else {
        lb_pic_json_ex(&it->out, d, b->fmt->picflags);
        lb_buf_addc(&it->out, '\n');
      }
      lb_doc_free(d);
    }
  }
  lb_buf_free(&scratch);
}

/* Write a computed batch in input order and empty it; returns the number of
** skipped items, or -1 on a write error. */
static long write_batch(batch *b, FILE *out) {
  const char *cmd = b->fmt->cmd;
  long skipped = 0;
  for (size_t i = 0; i < b->n; i++) {
    item *it = &b->items[i];
    if (it->note[0]) fprintf(stderr, "lagebild %s: %s\n", cmd, it->note);
    if (it->failed) {
      fprintf(stderr, "lagebild %s: %s (skipped)\n", cmd, it->out.p);
      skipped++;
    } else if (fwrite(it->out.p, 1, it->out.n, out) != it->out.n) {
      skipped = -1;
    }
  }
  b->n = 0;
  lb_buf_reset(&b->raw);
  return skipped;
}

/* The input: the files in turn, line by line (or a whole file a document). */
typedef struct source {
  const char *cmd;
  char *const *files;
  int nfiles, f;
  const lb_read_opts *ro;
  size_t max_text;       /* lb_reader_set_max_text */
  lb_reader *rd;         /* the file being read, or NULL */
  lb_reader **readers;   /* every reader opened, freed when no batch needs it */
  unsigned long *last;   /* per reader: the last batch that holds its items */
  int nreaders;
  long skipped;
  int failed;            /* a file could not be opened */
} source;

/* Fill batch b (number seq) from the source until it is full or the input
** ends. Readers are finished (their files closed) at their end, and stay for
** their items' messages until lb_reader_close. */
static void fill_batch(source *s, batch *b, unsigned long seq) {
  char err[512];
  while (b->n < BATCH_DOCS && b->raw.n < BATCH_BYTES) {
    if (!s->rd) {
      if (s->f >= s->nfiles) return;
      s->rd = lb_reader_open(s->files[s->f++], s->ro, err, sizeof err);
      if (!s->rd) {
        fprintf(stderr, "lagebild %s: %s\n", s->cmd, err);
        s->failed = 1;
        continue;
      }
      lb_reader_set_max_text(s->rd, s->max_text);
      s->readers[s->nreaders] = s->rd;
      s->last[s->nreaders++] = seq;
    }
    const char *p;
    size_t n, line, off;
    int r2 = lb_reader_next_raw(s->rd, &p, &n, &line, &off);
    if (r2 < 0) { /* a damaged record or a file that is no feed: named, and on */
      fprintf(stderr, "lagebild %s: %s (skipped)\n", s->cmd, lb_reader_message(s->rd));
      s->skipped++;
      continue;
    }
    if (r2 == 0) {
      if (lb_reader_error(s->rd)) { /* a read or decompression error */
        fprintf(stderr, "lagebild %s: %s (rest of the file skipped)\n", s->cmd,
                lb_reader_error(s->rd));
        s->skipped++;
      }
      /* its items are copied: the file is closed now */
      lb_reader_finish(s->rd);
      s->rd = NULL;
      continue;
    }
    item *it = &b->items[b->n++];
    it->off = b->raw.n;
    it->n = n;
    it->line = line;
    it->fileoff = off;
    it->rd = s->rd;
    s->last[s->nreaders - 1] = seq;
    lb_buf_add(&b->raw, p, n);
  }
}

/* Free the readers that no batch up to number seq (all computed) needs. */
static void close_readers(source *s, unsigned long seq) {
  for (int q = 0; q < s->nreaders; q++)
    if (s->readers[q] && s->readers[q] != s->rd && s->last[q] <= seq) {
      lb_reader_close(s->readers[q]);
      s->readers[q] = NULL;
    }
}

int lb_cli_docs(int argc, char **argv, const char *cmd, const lb_cli_help *help, int conllu) {
  runfmt fmt = {.cmd = cmd, .conllu = conllu};
  lb_cli_docopts o;
  lb_cli_docopts_init(&o);
  const char *outpath = NULL, *v;
  lb_cli_files in = {0};
  int r, walkfail = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
      fputs(help->head, stdout);
      lb_cli_docopts_help(stdout, cmd);
      fputs(help->tail, stdout);
      lb_cli_files_free(&in);
      return LB_EXIT_OK;
    } else if ((r = lb_cli_docopt(argc, argv, &i, &o, cmd))) {
      if (r < 0) goto usage;
    } else if (!conllu && strcmp(a, "--syntax") == 0) {
      fmt.picflags |= LB_PIC_WORDS;
    } else if ((r = lb_cli_opt(argc, argv, &i, "--id", &v))) {
      if (r < 0) goto usage;
      o.read.defaults.id = v;
    } else if ((r = lb_cli_opt(argc, argv, &i, "-o", &v))) {
      if (r < 0) goto usage;
      outpath = v;
    } else if (a[0] == '-' && a[1]) {
      fprintf(stderr, "lagebild %s: unknown option \"%s\"\n", cmd, a);
      goto usage;
    } else if (lb_cli_files_walk(&in, cmd, a) != 0) { /* a file, or the files below a directory */
      walkfail = 1;
    }
  }
  const char *lexicon = o.lexicon, *stages = o.stages;
  if (conllu && !stages) stages = "syntax";
  const lb_read_opts ro = o.read;
  const int threads = o.threads;
  if (!in.args && lb_cli_files_add("-", &in) != 0) {
    fprintf(stderr, "lagebild %s: out of memory\n", cmd);
    return LB_EXIT_ERR;
  }
  char *const *files = in.v;
  const int nfiles = (int)in.n;

  char err[512];
  lb_engine *e;
  if (stages && strcmp(stages, "text") == 0 && !lexicon) {
    e = lb_engine_new_text_only();
  } else {
    e = lb_engine_new(lexicon, err, sizeof err);
    if (!e) {
      fprintf(stderr, "lagebild %s: %s\n", cmd, err);
      lb_cli_files_free(&in);
      return LB_EXIT_ERR;
    }
    if (stages && lb_engine_stop_after(e, stages) != LB_OK) {
      fprintf(stderr, "lagebild %s: unknown stage \"%s\"\n", cmd, stages);
      lb_engine_free(e);
      goto usage;
    }
  }
  lb_engine_set_limits(e, o.max_doc_bytes, o.max_doc_memory);
  FILE *out = stdout;
  if (outpath) {
    out = fopen(outpath, "wb");
    if (!out) {
      perror(outpath);
      lb_engine_free(e);
      lb_cli_files_free(&in);
      return LB_EXIT_ERR;
    }
  }
  /*
  ** Two batches in turn: while the workers extract one, this thread writes
  ** the one before and reads the next, then joins the workers. Reading and
  ** writing on their own were 7.6% of the wall time with 2 threads (make
  ** bench corpus: 0.13 s of 1.71 s, the other core idle meanwhile).
  */
  batch bt[2];
  memset(bt, 0, sizeof bt);
  for (int q = 0; q < 2; q++) {
    bt[q].e = e;
    bt[q].fmt = &fmt;
    bt[q].items = calloc(BATCH_DOCS, sizeof *bt[q].items);
  }
  source src;
  memset(&src, 0, sizeof src);
  src.cmd = cmd;
  src.files = files;
  src.nfiles = nfiles;
  src.ro = &ro;
  src.max_text = lb_engine_max_doc_bytes(e);
  src.readers = calloc((size_t)nfiles, sizeof *src.readers);
  src.last = calloc((size_t)nfiles, sizeof *src.last);
  long skipped = 0, k;
  int status = LB_EXIT_OK, werr = 0;
  unsigned long seq = 0;
  batch *fill = &bt[0], *done = NULL;
  lb_batch_pool *pool = lb_batch_pool_new(threads);
  fill_batch(&src, fill, seq);
  while (fill->n) {
    batch *run = fill;
    if (pool)
      lb_batch_pool_start(pool, run->n, work, run);
    else
      lb_batch_for(run->n, threads, work, run); /* out of memory: no overlap */
    fill = run == &bt[0] ? &bt[1] : &bt[0];
    if (done) { /* done == fill: written before it is filled again */
      if ((k = write_batch(done, out)) < 0) werr = 1; else skipped += k;
      done = NULL;
    }
    fill_batch(&src, fill, seq + 1);
    if (pool) lb_batch_pool_finish(pool);
    close_readers(&src, seq);
    done = run;
    seq++;
  }
  if (done && (k = write_batch(done, out)) < 0) werr = 1; else if (done) skipped += k;
  lb_batch_pool_free(pool);
  skipped += src.skipped + in.skipped;
  if (src.failed || walkfail) status = LB_EXIT_ERR;
  if (src.rd) lb_reader_finish(src.rd);
  for (int q = 0; q < src.nreaders; q++) lb_reader_close(src.readers[q]);
  free(src.readers);
  free(src.last);
  if (fflush(out) != 0 || werr) {
    fprintf(stderr, "lagebild %s: write error\n", cmd);
    status = LB_EXIT_ERR;
  }
  if (outpath) fclose(out);
  for (int q = 0; q < 2; q++) {
    for (size_t i = 0; i < BATCH_DOCS; i++) lb_buf_free(&bt[q].items[i].out);
    free(bt[q].items);
    lb_buf_free(&bt[q].raw);
  }
  lb_cli_files_free(&in);
  lb_engine_free(e);
  if (status == LB_EXIT_OK && skipped) status = LB_EXIT_SKIPPED;
  return status;
usage:
  lb_cli_files_free(&in);
  fprintf(stderr, "see: lagebild %s --help\n", cmd);
  return LB_EXIT_USAGE;
}

int lb_cmd_extract(int argc, char **argv) {
  static const lb_cli_help help = {HELP_HEAD, HELP_TAIL};
  return lb_cli_docs(argc, argv, "extract", &help, 0);
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
