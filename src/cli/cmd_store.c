/*
** cmd_store.c -- `lagebild ingest`, `query` and `export`.
** (Stub: filled in by the store issue.)
*/
#include <stdio.h>

#include "cli.h"

static int todo(const char *what) {
  fprintf(stderr, "lagebild %s: not built yet\n", what);
  return LB_EXIT_ERR;
}
int lb_cmd_ingest(int argc, char **argv) { (void)argc; (void)argv; return todo("ingest"); }
int lb_cmd_query(int argc, char **argv) { (void)argc; (void)argv; return todo("query"); }
int lb_cmd_export(int argc, char **argv) { (void)argc; (void)argv; return todo("export"); }
