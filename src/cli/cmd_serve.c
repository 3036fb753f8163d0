/*
** cmd_serve.c -- `lagebild serve DB`: the JSON API and the map page over a
** store (src/serve/), until SIGINT or SIGTERM.
*/
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../serve/serve.h"
#include "../store/store.h"
#include "cli.h"

static const char HELP[] =
    "usage: lagebild serve [OPTIONS] DB\n"
    "\n"
    "Serve the store DB (made by `lagebild ingest`; a SQLite file or a\n"
    "postgresql:// URL, e.g. of a read replica) read-only over HTTP: the map\n"
    "page at / and the JSON API under /api/ (docs/serve.md). Runs until\n"
    "interrupted (Ctrl-C, SIGTERM).\n"
    "\n"
    "options:\n"
    "  --bind ADDR        listen on this IPv4/IPv6 address (default 127.0.0.1;\n"
    "                     there is no TLS and no login: keep it on loopback)\n"
    "                       lagebild serve --bind ::1 news.db\n"
    "  --port N           TCP port (default 8080; 0 = any free port, printed)\n"
    "                       lagebild serve --port 9000 news.db\n"
    "  --threads N        polling threads (default: number of cores)\n"
    "                       lagebild serve --threads 4 news.db\n"
    "  --timeout SEC      close connections idle this long (default 10)\n"
    "                       lagebild serve --timeout 5 news.db\n"
    "  --max-conns N      concurrent connections (default 512); connections\n"
    "                     waiting for their headers get 7/8 of them at most\n"
    "                       lagebild serve --max-conns 128 news.db\n"
    "  --max-conns-per-ip N  connections of one client address (default: half\n"
    "                     of --max-conns)\n"
    "                       lagebild serve --max-conns-per-ip 16 news.db\n"
    "  --header-timeout SEC  close a connection whose request line and headers\n"
    "                     are not all in after SEC seconds (default 10)\n"
    "                       lagebild serve --header-timeout 5 news.db\n"
    "  --no-cache         answer every API request from the store (by default\n"
    "                     answers are cached until the store changes)\n"
    "                       lagebild serve --no-cache news.db\n"
    "  --log              one line per request on stderr\n"
    "                       lagebild serve --log news.db\n"
    "\n"
    "On start it prints \"lagebild serve: listening on http://ADDR:PORT/\" on\n"
    "stderr. exit status: 0 after a signal; 1 the store cannot be opened or the\n"
    "address cannot be bound; 2 bad usage.\n";

static int intopt(const char *name, const char *v, int lo, int hi, int *out) {
  long long x;
  if (lb_cli_int("serve", name, v, lo, hi, &x)) return -1;
  *out = (int)x;
  return 0;
}

int lb_cmd_serve(int argc, char **argv) {
  lb_srv_opts o;
  memset(&o, 0, sizeof o);
  o.port = 8080;
  const char *v;
  int r;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
      fputs(HELP, stdout);
      return LB_EXIT_OK;
    } else if (strcmp(a, "--log") == 0) {
      o.log = 1;
    } else if (strcmp(a, "--no-cache") == 0) {
      o.nocache = 1;
    } else if ((r = lb_cli_opt(argc, argv, &i, "--bind", &v))) {
      if (r < 0) goto usage;
      o.bind = v;
    } else if ((r = lb_cli_opt(argc, argv, &i, "--port", &v))) {
      if (r < 0 || intopt("--port", v, 0, 65535, &o.port)) goto usage;
    } else if ((r = lb_cli_opt(argc, argv, &i, "--threads", &v))) {
      if (r < 0 || intopt("--threads", v, 1, 64, &o.threads)) goto usage;
    } else if ((r = lb_cli_opt(argc, argv, &i, "--timeout", &v))) {
      if (r < 0 || intopt("--timeout", v, 1, 3600, &o.timeout)) goto usage;
    } else if ((r = lb_cli_opt(argc, argv, &i, "--max-conns-per-ip", &v))) {
      if (r < 0 || intopt("--max-conns-per-ip", v, 1, 100000, &o.max_conns_per_ip)) goto usage;
    } else if ((r = lb_cli_opt(argc, argv, &i, "--header-timeout", &v))) {
      if (r < 0 || intopt("--header-timeout", v, 1, 3600, &o.header_timeout)) goto usage;
    } else if ((r = lb_cli_opt(argc, argv, &i, "--max-conns", &v))) {
      if (r < 0 || intopt("--max-conns", v, 1, 100000, &o.max_conns)) goto usage;
    } else if (a[0] == '-' && a[1]) {
      fprintf(stderr, "lagebild serve: unknown option \"%s\"\n", a);
      goto usage;
    } else if (!o.db) {
      o.db = a;
    } else {
      fprintf(stderr, "lagebild serve: one store only (got \"%s\" and \"%s\")\n", o.db, a);
      goto usage;
    }
  }
  if (!o.db) {
    fprintf(stderr, "lagebild serve: which store? (lagebild serve DB)\n");
    goto usage;
  }

  /* Block the stop signals before the server starts its threads, so that
  ** they inherit the mask and sigwait below receives them. */
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  sigaddset(&set, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &set, NULL);
  signal(SIGPIPE, SIG_IGN);

  char err[512];
  lb_srv *s = lb_srv_start(&o, err, sizeof err);
  if (!s) {
    fprintf(stderr, "lagebild serve: %s\n", err);
    return LB_EXIT_ERR;
  }
  const char *bind = o.bind ? o.bind : "127.0.0.1";
  int v6 = strchr(bind, ':') != NULL;
  char shown[512];
  lb_store_display(o.db, shown, sizeof shown);
  fprintf(stderr, "lagebild serve: listening on http://%s%s%s:%d/ (store %s, read-only)\n",
          v6 ? "[" : "", bind, v6 ? "]" : "", lb_srv_port(s), shown);
  fflush(stderr);
  int sig = 0;
  sigwait(&set, &sig);
  fprintf(stderr, "lagebild serve: stopping (signal %d)\n", sig);
  lb_srv_stop(s);
  return LB_EXIT_OK;

usage:
  fputs("usage: lagebild serve [--bind ADDR] [--port N] [--threads N] [--timeout SEC]\n"
        "                      [--max-conns N] [--max-conns-per-ip N] [--header-timeout SEC]\n"
        "                      [--no-cache] [--log] DB   (--help for more)\n",
        stderr);
  return LB_EXIT_USAGE;
}
