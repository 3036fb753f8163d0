/*
** cli.h -- the `lagebild` command-line program: one function per command.
**
** The program is a thin layer over the library (include/lagebild.h and the
** store/serve modules): it parses options, reads input, and writes output.
** Exit codes: 0 success, 1 error, 2 bad usage, 3 some input was skipped.
*/
#ifndef LB_CLI_H
#define LB_CLI_H

enum { LB_EXIT_OK = 0, LB_EXIT_ERR = 1, LB_EXIT_USAGE = 2, LB_EXIT_SKIPPED = 3 };

int lb_cmd_extract(int argc, char **argv);
int lb_cmd_ingest(int argc, char **argv);
int lb_cmd_query(int argc, char **argv);
int lb_cmd_export(int argc, char **argv);
int lb_cmd_serve(int argc, char **argv);
int lb_cmd_lexicon(int argc, char **argv);

/* Shared option helpers. */
/* If argv[*i] is "--name VALUE" or "--name=VALUE", store VALUE and return 1. */
int lb_cli_opt(int argc, char **argv, int *i, const char *name, const char **val);

#endif
