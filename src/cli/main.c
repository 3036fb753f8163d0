/*
** main.c -- `lagebild COMMAND [OPTIONS]`: dispatch to the commands.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../include/lagebild.h"
#include "../picture/batch.h"
#include "../read/input.h"
#include "cli.h"

static const char USAGE[] =
    "lagebild " LB_VERSION " -- a situation picture from news text\n"
    "\n"
    "usage: lagebild COMMAND [OPTIONS] [ARGS]\n"
    "\n"
    "commands:\n"
    "  extract [FILE...]        print the picture of each document as JSON Lines\n"
    "  parse [FILE...]          print each document's words as CoNLL-U (tags, lemmas, tree)\n"
    "  ingest DB INPUT...       extract documents into a SQLite store\n"
    "  query DB [FILTERS]       query events (and more) in a store\n"
    "  export DB --format F     export a store as gdelt, geojson or csv\n"
    "  serve DB                 serve the JSON API and the map page\n"
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

void lb_cli_docopts_init(lb_cli_docopts *o) {
  memset(o, 0, sizeof *o);
  o->mode = LB_READ_AUTO;
  o->threads = lb_batch_cpus();
}

/* A size: digits and an optional K, M or G (powers of 1024); 0 when bad. */
static size_t parse_size(const char *v) {
  char *end;
  if (!v || *v < '0' || *v > '9') return 0;
  unsigned long long n = strtoull(v, &end, 10);
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
    o->mode = LB_READ_JSONL;
    return 1;
  }
  if (strcmp(a, "--text") == 0) {
    o->mode = LB_READ_TEXT;
    return 1;
  }
  if ((r = lb_cli_opt(argc, argv, i, "--published", &v))) {
    if (r > 0) o->defaults.published = v;
    return r;
  }
  if ((r = lb_cli_opt(argc, argv, i, "--lang", &v))) {
    if (r > 0) o->defaults.lang = v;
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
    if (r < 0) return r;
    char *end;
    long t = strtol(v, &end, 10);
    if (*end || t < 1 || t > 64) {
      fprintf(stderr, "lagebild %s: --threads wants 1..64, not \"%s\"\n", cmd, v);
      return -1;
    }
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
  if (strcmp(cmd, "extract") == 0) return lb_cmd_extract(argc - 1, argv + 1);
  if (strcmp(cmd, "parse") == 0) return lb_cmd_parse(argc - 1, argv + 1);
  if (strcmp(cmd, "ingest") == 0) return lb_cmd_ingest(argc - 1, argv + 1);
  if (strcmp(cmd, "query") == 0) return lb_cmd_query(argc - 1, argv + 1);
  if (strcmp(cmd, "export") == 0) return lb_cmd_export(argc - 1, argv + 1);
  if (strcmp(cmd, "serve") == 0) return lb_cmd_serve(argc - 1, argv + 1);
  if (strcmp(cmd, "lexicon") == 0) return lb_cmd_lexicon(argc - 1, argv + 1);
  fprintf(stderr, "lagebild: unknown command \"%s\" (see lagebild --help)\n", cmd);
  return LB_EXIT_USAGE;
}
