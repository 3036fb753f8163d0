/*
** cli.h -- the `lagebild` command-line program: one function per command.
**
** The program is a thin layer over the library (include/lagebild.h and the
** store/serve modules): it parses options, reads input, and writes output.
** Exit codes: 0 success, 1 error, 2 bad usage, 3 some input was skipped.
*/
#ifndef LB_CLI_H
#define LB_CLI_H

#include <stdio.h>

#include "../../include/lagebild.h"
#include "../read/input.h"

enum { LB_EXIT_OK = 0, LB_EXIT_ERR = 1, LB_EXIT_USAGE = 2, LB_EXIT_SKIPPED = 3 };

int lb_cmd_extract(int argc, char **argv);
int lb_cmd_ingest(int argc, char **argv);
int lb_cmd_query(int argc, char **argv);
int lb_cmd_export(int argc, char **argv);
int lb_cmd_serve(int argc, char **argv);
int lb_cmd_queue(int argc, char **argv);
int lb_cmd_worker(int argc, char **argv);
int lb_cmd_lexicon(int argc, char **argv);
int lb_cmd_parse(int argc, char **argv);

/* A command's --help around the document options (lb_cli_docopts_help). */
typedef struct lb_cli_help {
  const char *head, *tail;
} lb_cli_help;

/* Read documents (files, stdin, every format) and print each one's picture
** (conllu 0) or its CoNLL-U (conllu 1): extract and parse. */
int lb_cli_docs(int argc, char **argv, const char *cmd, const lb_cli_help *help, int conllu);
int lb_cmd_read(int argc, char **argv);

/* The options every command that reads documents takes (extract, ingest,
** read): --format (and its short forms --jsonl, --text), --published,
** --lang, --text-field, --id-field, --date-field, --url-field,
** --title-field, --lexicon, --stages, --threads, --max-doc-bytes,
** --max-doc-memory. */
typedef struct lb_cli_docopts {
  lb_read_opts read;   /* format, defaults (published, lang; id set by extract and
                       ** read), JSON Lines member names */
  const char *lexicon, *stages;
  int threads;         /* default: all cores */
  size_t max_doc_bytes, max_doc_memory; /* 0: the engine's defaults */
} lb_cli_docopts;

void lb_cli_docopts_init(lb_cli_docopts *o);
/* If argv[*i] is one of the document options, take it (and its value) and
** return 1; return 0 when it is not one; -1 (after a message naming cmd)
** when its value is missing or bad. */
/* The help lines of the reading options, shared by the commands' --help
** (cmd is the command's name, for the examples). */
void lb_cli_docopts_help(FILE *out, const char *cmd);
int lb_cli_docopt(int argc, char **argv, int *i, lb_cli_docopts *o, const char *cmd);

/* A list of input paths (lb_compress_walk fills it with lb_cli_files_add). */
typedef struct lb_cli_files {
  char **v;
  size_t n, cap;
  int args;     /* paths given (lb_cli_files_walk): none means stdin */
  long skipped; /* parts of directories that could not be read (exit status 3) */
} lb_cli_files;
/* lb_walk_fn: append a copy of path; -1 when out of memory. */
int lb_cli_files_add(const char *path, void *files);
/* A path given to command cmd: the file, or the input files below a
** directory by name. Parts of the directory that cannot be read are named
** on stderr and counted in f->skipped, a directory without input files is
** said; returns -1 (said on stderr) when the path cannot be read at all. */
int lb_cli_files_walk(lb_cli_files *f, const char *cmd, const char *path);
void lb_cli_files_free(lb_cli_files *f);

/* Shared option helpers. */
/* If argv[*i] is "--name VALUE" or "--name=VALUE", store VALUE and return 1. */
int lb_cli_opt(int argc, char **argv, int *i, const char *name, const char **val);

/* The value v of option `name` of command cmd as a whole number in lo..hi
** (lb_cli_int: decimal digits with an optional '-') or a finite number in
** lo..hi (lb_cli_num: also a fraction and an exponent; inf and nan are
** refused): 0 with the number in *out, or -1 after a message on stderr,
** "lagebild CMD: NAME: V is out of range (LO..HI)" or "... is not a number
** (LO..HI)"; *out is then unchanged. Every numeric option goes through
** these, so no value wraps around or passes unchecked (issue 22:
** --window-days 99999999999 overflowed, --radius-km inf was taken). */
int lb_cli_int(const char *cmd, const char *name, const char *v, long long lo, long long hi,
               long long *out);
int lb_cli_num(const char *cmd, const char *name, const char *v, double lo, double hi,
               double *out);

#endif
