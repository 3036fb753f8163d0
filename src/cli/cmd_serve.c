/*
** cmd_serve.c -- `lagebild serve`.
** (Stub: filled in by the serve issue.)
*/
#include <stdio.h>

#include "cli.h"

int lb_cmd_serve(int argc, char **argv) {
  (void)argc;
  (void)argv;
  fprintf(stderr, "lagebild serve: not built yet\n");
  return LB_EXIT_ERR;
}
