/*
** main.c -- `lagebild COMMAND [OPTIONS]`: dispatch to the commands.
*/
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../include/lagebild.h"
#include "../picture/batch.h"
#include "../read/compress.h"
#include "../read/input.h"
#include "cli.h"

static const char USAGE[] =
    "lagebild " LB_VERSION " -- a situation picture from news text\n"
    "\n"
    "usage: lagebild COMMAND [OPTIONS] [ARGS]\n"
    "\n"
    "commands:\n"
    "  read [FILE...]           print the documents as they are read (text, JSONL,\n"
    "                           HTML, RSS/Atom, WARC), one JSON object a line\n"
    "  extract [FILE...]        print the picture of each document as JSON Lines\n"
    "  parse [FILE...]          print each document's words as CoNLL-U (tags, lemmas, tree)\n"
    "  ingest DB INPUT...       extract documents into a store (SQLite file or\n"
    "                           postgresql:// URL)\n"
    "  query DB [FILTERS]       query events (and more) in a store\n"
    "  export DB --format F     export a store as gdelt, geojson or csv\n"
    "  serve DB                 serve the JSON API and the map page\n"
    "  queue nats://... INPUT...  publish documents to a NATS JetStream queue\n"
    "  worker nats://... --store DB  store the queue's documents (many machines)\n"
    "  lexicon [--lexicon F]    show what the lexicon holds\n"
    "  version                  print the version\n"
    "\n"
    "`lagebild COMMAND --help` documents each command's options with examples;\n"
    "docs/lagebild.1.md is the manual page.\n";

int lb_cli_opt(int argc, char **argv, int *i, const char *name, const char **val) {
  const char *a = argv[*i];
  size_t n = strlen(name);
  if (strncmp(a, name, n) != 0) return 0;
  if (a[n] == '=') {
    *val = a + n + 1;
    return 1;
  }
  if (a[n] != 0) return 0;
  if (*i + 1 >= argc) {
    fprintf(stderr, "lagebild: option %s needs a value\n", name);
    *val = NULL;
    return -1;
  }
  *val = argv[++*i];
  return 1;
}

int lb_cli_int(const char *cmd, const char *name, const char *v, long long lo, long long hi,
               long long *out) {
  const char *d = v + (*v == '-');
  char *end = NULL;
  int number = *d >= '0' && *d <= '9';
  errno = 0;
  long long x = number ? strtoll(v, &end, 10) : 0;
  if (!number || *end) {
    fprintf(stderr, "lagebild %s: %s: \"%s\" is not a number (%lld..%lld)\n", cmd, name, v, lo,
            hi);
    return -1;
  }
  if (errno == ERANGE || x < lo || x > hi) {
    fprintf(stderr, "lagebild %s: %s: %s is out of range (%lld..%lld)\n", cmd, name, v, lo, hi);
    return -1;
  }
  *out = x;
  return 0;
}

int lb_cli_num(const char *cmd, const char *name, const char *v, double lo, double hi,
               double *out) {
  /* strtod also reads hexadecimal and skips leading blanks: not here */
  char *end = NULL;
  int number = *v && !isspace((unsigned char)*v) && !strpbrk(v, "xX");
  double x = number ? strtod(v, &end) : 0;
  if (!number || end == v || *end || isnan(x)) {
    fprintf(stderr, "lagebild %s: %s: \"%s\" is not a number (%g..%g)\n", cmd, name, v, lo, hi);
    return -1;
  }
  if (!isfinite(x) || x < lo || x > hi) { /* inf, 1e999 */
    fprintf(stderr, "lagebild %s: %s: %s is out of range (%g..%g)\n", cmd, name, v, lo, hi);
    return -1;
  }
  *out = x;
  return 0;
}

int lb_cli_files_add(const char *path, void *files) {
  lb_cli_files *f = files;
  if (f->n == f->cap) {
    size_t cap = f->cap ? f->cap * 2 : 16;
    char **nv = realloc(f->v, cap * sizeof *nv);
    if (!nv) return -1;
    f->v = nv;
    f->cap = cap;
  }
  if (!(f->v[f->n] = strdup(path))) return -1;
  f->n++;
  return 0;
}

typedef struct walkwarn {
  const char *cmd;
  lb_cli_files *f;
} walkwarn;

static void walk_warning(const char *msg, int lost, void *ctx) {
  walkwarn *w = ctx;
  fprintf(stderr, "lagebild %s: %s\n", w->cmd, msg);
  w->f->skipped += lost;
}

int lb_cli_files_walk(lb_cli_files *f, const char *cmd, const char *path) {
  char err[512];
  size_t before = f->n;
  walkwarn ww = {cmd, f};
  f->args++;
  if (lb_compress_walk_warn(path, lb_cli_files_add, f, walk_warning, &ww, err, sizeof err) != 0) {
    fprintf(stderr, "lagebild %s: %s\n", cmd, err);
    return -1;
  }
  if (f->n == before)
    fprintf(stderr, "lagebild %s: %s: a directory without input files (see --help for the names read)\n",
            cmd, path);
  return 0;
}

void lb_cli_files_free(lb_cli_files *f) {
  for (size_t i = 0; i < f->n; i++) free(f->v[i]);
  free(f->v);
  memset(f, 0, sizeof *f);
}

void lb_cli_docopts_init(lb_cli_docopts *o) {
  memset(o, 0, sizeof *o);
  o->read.format = LB_FORMAT_AUTO;
  o->threads = lb_batch_cpus();
}

void lb_cli_docopts_help(FILE *out, const char *cmd) {
  fprintf(out,
          "  --format F           read every input as F: text, jsonl, html, feed (RSS or\n"
          "                       Atom) or warc, instead of telling it by its content\n"
          "                       (gzip and zstd are read inside any)\n"
          "                         lagebild %s --format html page.txt\n"
          "  --jsonl              short for --format jsonl\n"
          "                         lagebild %s --jsonl < docs.log\n"
          "  --text               short for --format text (also for .jsonl names)\n"
          "                         lagebild %s --text notes.jsonl\n"
          "  --published DATE     publication date for documents without one (YYYY-MM-DD;\n"
          "                       RFC 822 and \"11. November 2024\" are read too);\n"
          "                       relative dates resolve against it\n"
          "                         lagebild %s --published 2024-11-11 article.txt\n"
          "  --lang CODE          the language (ISO 639-1) of documents that do not say\n"
          "                       (instead of detecting it)\n"
          "                         lagebild %s --lang de article.txt\n"
          "  --text-field NAME    JSON Lines: the member that holds the text (default text)\n"
          "                         lagebild %s --text-field body news.jsonl\n"
          "  --id-field NAME      JSON Lines: the member that holds the id (default id)\n"
          "                         lagebild %s --id-field guid news.jsonl\n"
          "  --date-field NAME    JSON Lines: the publication date (default published)\n"
          "                         lagebild %s --date-field date news.jsonl\n"
          "  --url-field NAME     JSON Lines: the URL (default url)\n"
          "                         lagebild %s --url-field link news.jsonl\n"
          "  --title-field NAME   JSON Lines: the title (default title)\n"
          "                         lagebild %s --title-field headline news.jsonl\n"
          "  --max-doc-bytes N    cut a longer text at N bytes (K, M, G: times 1024;\n"
          "                       default 32M), with a warning naming the document\n"
          "                         lagebild %s --max-doc-bytes 8M big.txt.gz\n"
          "  --max-doc-memory N   refuse a document whose extraction needs more than\n"
          "                       N bytes of memory (default 4G); the run goes on\n"
          "                         lagebild %s --max-doc-memory 1G dump.jsonl\n",
          cmd, cmd, cmd, cmd, cmd, cmd, cmd, cmd, cmd, cmd, cmd, cmd);
}

/* A size: digits and an optional K, M or G (powers of 1024); 0 when bad. */
static size_t parse_size(const char *v) {
  char *end;
  if (!v || *v < '0' || *v > '9') return 0;
  errno = 0;
  unsigned long long n = strtoull(v, &end, 10);
  if (errno == ERANGE) return 0; /* past 2^64: it would wrap around */
  unsigned shift = 0;
  if (*end == 'K' || *end == 'k')
    shift = 10, end++;
  else if (*end == 'M' || *end == 'm')
    shift = 20, end++;
  else if (*end == 'G' || *end == 'g')
    shift = 30, end++;
  if (*end || n == 0 || n > (SIZE_MAX >> shift)) return 0;
  return (size_t)n << shift;
}

int lb_cli_docopt(int argc, char **argv, int *i, lb_cli_docopts *o, const char *cmd) {
  const char *a = argv[*i], *v;
  int r;
  if (strcmp(a, "--jsonl") == 0) {
    o->read.format = LB_FORMAT_JSONL;
    return 1;
  }
  if (strcmp(a, "--text") == 0) {
    o->read.format = LB_FORMAT_TEXT;
    return 1;
  }
  if ((r = lb_cli_opt(argc, argv, i, "--format", &v))) {
    if (r < 0) return r;
    int f = lb_format_parse(v);
    if (f < -1) {
      fprintf(stderr, "lagebild %s: --format wants text, jsonl, html, feed, warc or auto, not "
                      "\"%s\"\n", cmd, v);
      return -1;
    }
    o->read.format = f;
    return 1;
  }
  static const struct { const char *opt; size_t off; } FIELD[] = {
      {"--text-field", offsetof(lb_jsonl_names, text)},
      {"--id-field", offsetof(lb_jsonl_names, id)},
      {"--date-field", offsetof(lb_jsonl_names, published)},
      {"--url-field", offsetof(lb_jsonl_names, url)},
      {"--title-field", offsetof(lb_jsonl_names, title)},
      {"--lang-field", offsetof(lb_jsonl_names, lang)}};
  for (size_t k = 0; k < sizeof FIELD / sizeof *FIELD; k++)
    if ((r = lb_cli_opt(argc, argv, i, FIELD[k].opt, &v))) {
      if (r < 0) return r;
      if (!*v) {
        fprintf(stderr, "lagebild %s: %s wants a member name\n", cmd, FIELD[k].opt);
        return -1;
      }
      *(const char **)((char *)&o->read.names + FIELD[k].off) = v;
      return 1;
    }
  if ((r = lb_cli_opt(argc, argv, i, "--published", &v))) {
    if (r > 0) o->read.defaults.published = v;
    return r;
  }
  if ((r = lb_cli_opt(argc, argv, i, "--lang", &v))) {
    if (r > 0) o->read.defaults.lang = v;
    return r;
  }
  if ((r = lb_cli_opt(argc, argv, i, "--lexicon", &v))) {
    if (r > 0) o->lexicon = v;
    return r;
  }
  if ((r = lb_cli_opt(argc, argv, i, "--stages", &v))) {
    if (r > 0) o->stages = v;
    return r;
  }
  size_t *lim = NULL;
  if ((r = lb_cli_opt(argc, argv, i, "--max-doc-bytes", &v)))
    lim = &o->max_doc_bytes;
  else if ((r = lb_cli_opt(argc, argv, i, "--max-doc-memory", &v)))
    lim = &o->max_doc_memory;
  if (lim) {
    if (r < 0) return r;
    if (!(*lim = parse_size(v))) {
      fprintf(stderr, "lagebild %s: %s wants a size (bytes, or with K, M, G), not \"%s\"\n", cmd,
              lim == &o->max_doc_bytes ? "--max-doc-bytes" : "--max-doc-memory", v);
      return -1;
    }
    return 1;
  }
  if ((r = lb_cli_opt(argc, argv, i, "--threads", &v))) {
    long long t;
    if (r < 0 || lb_cli_int(cmd, "--threads", v, 1, 64, &t)) return -1;
    o->threads = (int)t;
    return 1;
  }
  return 0;
}

int main(int argc, char **argv) {
  if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
      strcmp(argv[1], "help") == 0) {
    fputs(USAGE, argc < 2 ? stderr : stdout);
    return argc < 2 ? LB_EXIT_USAGE : LB_EXIT_OK;
  }
  const char *cmd = argv[1];
  if (strcmp(cmd, "version") == 0 || strcmp(cmd, "--version") == 0) {
    printf("lagebild %s\n", lb_version());
    return 0;
  }
  if (strcmp(cmd, "read") == 0) return lb_cmd_read(argc - 1, argv + 1);
  if (strcmp(cmd, "extract") == 0) return lb_cmd_extract(argc - 1, argv + 1);
  if (strcmp(cmd, "parse") == 0) return lb_cmd_parse(argc - 1, argv + 1);
  if (strcmp(cmd, "ingest") == 0) return lb_cmd_ingest(argc - 1, argv + 1);
  if (strcmp(cmd, "query") == 0) return lb_cmd_query(argc - 1, argv + 1);
  if (strcmp(cmd, "export") == 0) return lb_cmd_export(argc - 1, argv + 1);
  if (strcmp(cmd, "serve") == 0) return lb_cmd_serve(argc - 1, argv + 1);
  if (strcmp(cmd, "queue") == 0) return lb_cmd_queue(argc - 1, argv + 1);
  if (strcmp(cmd, "worker") == 0) return lb_cmd_worker(argc - 1, argv + 1);
  if (strcmp(cmd, "lexicon") == 0) return lb_cmd_lexicon(argc - 1, argv + 1);
  fprintf(stderr, "lagebild: unknown command \"%s\" (see lagebild --help)\n", cmd);
  return LB_EXIT_USAGE;
}
