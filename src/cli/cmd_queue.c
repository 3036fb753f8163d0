/*
** cmd_queue.c -- `lagebild queue` (documents into NATS JetStream, or the
** queue's counters) and `lagebild worker` (documents from it into a store):
** options here, the work in src/queue/ (docs/scale.md).
*/
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../include/lagebild.h"
#include "../queue/queue.h"
#include "../read/input.h"
#include "cli.h"

static const char QUEUE_HELP[] =
    "usage: lagebild queue [OPTIONS] nats://HOST:PORT INPUT...\n"
    "       lagebild queue --stats [OPTIONS] nats://HOST:PORT\n"
    "\n"
    "Publish every document of INPUT (as `lagebild ingest` reads it: text, JSON\n"
    "Lines, .gz, .zst, directories, -) to the JetStream stream of the NATS server,\n"
    "for `lagebild worker` to store. The stream (file storage) is created when\n"
    "missing. A document queued twice within the dedup window (same content hash,\n"
    "the Nats-Msg-Id) is stored by the stream once; later copies are skipped by the\n"
    "workers, whose store knows the hash. Several servers: nats://A:4222,nats://B:4222.\n"
    "\n"
    "options:\n"
    "  --stats              print the queue's counters (documents waiting, being\n"
    "                       worked on, delivered again, dead letters) and exit\n"
    "                         lagebild queue --stats nats://127.0.0.1:4222\n"
    "  --stream NAME        the stream (default LAGEBILD; subjects lagebild.docs\n"
    "                       and lagebild.dead)\n"
    "  --replicas N         replicas of a new stream (default 1; 3 on a cluster)\n"
    "                         lagebild queue --replicas 3 nats://n1:4222 feeds/\n"
    "  --dedup-window SEC   how long a new stream remembers content hashes (120)\n"
    "  --jsonl / --text     read every INPUT as JSON Lines / as plain text\n"
    "  --published DATE     publication date for plain text (and JSONL lines\n"
    "                       without one)\n"
    "  --lang CODE          the language instead of detecting it\n"
    "  --quiet              no summary\n"
    "\n"
    "exit status: 0 done; 1 error (no server, a document could not be published);\n"
    "2 bad usage; 3 some documents or lines were skipped (named on stderr).\n";

static const char WORKER_HELP[] =
    "usage: lagebild worker [OPTIONS] nats://HOST:PORT --store DB\n"
    "\n"
    "Take documents from the queue (`lagebild queue`), extract their pictures and\n"
    "store them in DB (a postgresql:// URL; several workers share one database;\n"
    "a SQLite file takes one worker). Each fetched batch is one transaction; its\n"
    "messages are acknowledged after the commit, so a worker killed at any moment\n"
    "loses nothing: another one gets its documents again, and the store's content\n"
    "hash makes the second write a no-op. A document that fails --max-deliver\n"
    "times goes to the dead letters (lagebild.dead) with its error.\n"
    "\n"
    "options:\n"
    "  --store DB           where the pictures go (required)\n"
    "                         lagebild worker nats://127.0.0.1:4222 \\\n"
    "                           --store postgresql://lagebild@db/news\n"
    "  --batch N            documents per fetch and transaction (default 512)\n"
    "  --threads N          extraction threads (default: all cores)\n"
    "  --exit-when-idle     exit when no document is waiting or being worked on\n"
    "                       (batch runs)\n"
    "  --stats-every SEC    counters on stderr every SEC seconds (default 10; 0: only\n"
    "                       at the end)\n"
    "  --max-deliver N      deliveries of a failing document before it is dead\n"
    "                       (default 5)\n"
    "  --ack-wait SEC       a new consumer delivers a message again when it was not\n"
    "                       acknowledged within SEC seconds (default 30)\n"
    "  --stream NAME        the stream (default LAGEBILD)\n"
    "  --lexicon FILE       the compiled lexicon (default: beside the binary)\n"
    "  --stages STAGE       stop extraction after STAGE (see lagebild extract)\n"
    "  --quiet              no counters\n"
    "\n"
    "Counters (stderr): documents stored and skipped as known, documents/s, pending\n"
    "(waiting or being worked on), delivered again, dead letters.\n"
    "exit status: 0 stopped (SIGINT/SIGTERM: what was fetched is finished first) or\n"
    "idle; 1 error (no server, the store failed); 2 bad usage.\n";

/* A whole-number option (lb_cli_int) into an int. */
static int int_opt(const char *cmd, const char *name, const char *v, int lo, int hi, int *out) {
  long long x;
  if (lb_cli_int(cmd, name, v, lo, hi, &x)) return -1;
  *out = (int)x;
  return 0;
}

static int print_stats(lb_queue *q, const char *url) {
  lb_queue_stats st;
  char err[512];
  if (lb_queue_stats_get(q, &st, err, sizeof err) != LB_OK) {
    fprintf(stderr, "lagebild queue: %s: %s\n", url, err);
    return LB_EXIT_ERR;
  }
  printf("waiting: %llu\n", (unsigned long long)st.waiting);
  if (st.has_consumer) {
    printf("pending: %llu\n", (unsigned long long)st.pending);
    printf("being worked on: %llu\n", (unsigned long long)st.ack_pending);
    printf("delivered again: %llu\n", (unsigned long long)st.redelivered);
    printf("delivered: %llu\n", (unsigned long long)st.delivered);
    printf("done through stream sequence: %llu\n", (unsigned long long)st.done_seq);
  } else {
    printf("workers: none yet\n");
  }
  printf("dead letters: %llu\n", (unsigned long long)st.dead);
  if (st.last_dead[0]) printf("last dead letter: %s\n", st.last_dead);
  return LB_EXIT_OK;
}

int lb_cmd_queue(int argc, char **argv) {
  lb_cli_docopts o;
  lb_cli_docopts_init(&o);
  lb_queue_opts qo;
  lb_queue_opts_init(&qo);
  const char *url = NULL, *v;
  int r, stats = 0, quiet = 0, status = LB_EXIT_OK;
  lb_cli_files in = {0};
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
      fputs(QUEUE_HELP, stdout);
      goto out;
    } else if (strcmp(a, "--stats") == 0) {
      stats = 1;
    } else if (strcmp(a, "--quiet") == 0) {
      quiet = 1;
    } else if ((r = lb_cli_docopt(argc, argv, &i, &o, "queue"))) {
      if (r < 0) goto usage;
    } else if ((r = lb_cli_opt(argc, argv, &i, "--stream", &v))) {
      if (r < 0) goto usage;
      qo.stream = v;
    } else if ((r = lb_cli_opt(argc, argv, &i, "--replicas", &v))) {
      if (r < 0 || int_opt("queue", "--replicas", v, 1, 5, &qo.replicas)) goto usage;
    } else if ((r = lb_cli_opt(argc, argv, &i, "--dedup-window", &v))) {
      if (r < 0 || lb_cli_num("queue", "--dedup-window", v, 1, 7 * 86400, &qo.dedup_window))
        goto usage;
    } else if (a[0] == '-' && a[1]) {
      fprintf(stderr, "lagebild queue: unknown option \"%s\"\n", a);
      goto usage;
    } else if (!url) {
      url = a;
    } else {
      if (lb_cli_files_walk(&in, "queue", a) != 0) {
        status = LB_EXIT_ERR;
        goto out;
      }
    }
  }
  if (!url || (!stats && !in.n)) {
    fprintf(stderr, "lagebild queue: need nats://HOST:PORT and at least one INPUT (or --stats)\n");
    goto usage;
  }
  char err[1024];
  lb_queue *q = lb_queue_open(url, &qo, err, sizeof err);
  if (!q) {
    fprintf(stderr, "lagebild queue: %s\n", err);
    status = LB_EXIT_ERR;
    goto out;
  }
  if (stats) {
    status = print_stats(q, url);
    lb_queue_close(q);
    goto out;
  }
  size_t skipped = 0, docs = 0;
  for (size_t f = 0; f < in.n; f++) {
    lb_reader *rdr = lb_reader_open(in.v[f], &o.read, err, sizeof err);
    if (!rdr) {
      fprintf(stderr, "lagebild queue: %s\n", err);
      status = LB_EXIT_ERR;
      continue;
    }
    lb_input doc;
    char msg[1024];
    int k;
    while ((k = lb_reader_next(rdr, &doc, msg, sizeof msg)) != 0) {
      if (k < 0) {
        fprintf(stderr, "lagebild queue: %s (skipped)\n", msg);
        skipped++;
        continue;
      }
      docs++;
      if (lb_queue_publish(q, &doc, in.v[f], err, sizeof err) != 0)
        fprintf(stderr, "lagebild queue: %s (skipped)\n", err);
    }
    lb_reader_close(rdr);
  }
  lb_queue_pub c;
  if (lb_queue_publish_wait(q, &c, err, sizeof err) != LB_OK && err[0])
    fprintf(stderr, "lagebild queue: %s\n", err);
  if (!quiet)
    fprintf(stderr, "lagebild queue: %zu documents read: %zu queued, %zu already queued, %zu "
                    "failed, %zu lines skipped\n", docs, c.published, c.duplicates, c.failed,
            skipped);
  lb_queue_close(q);
  if (status == LB_EXIT_OK && (skipped || c.failed || in.skipped)) status = LB_EXIT_SKIPPED;
out:
  lb_cli_files_free(&in);
  return status;
usage:
  lb_cli_files_free(&in);
  fputs("see: lagebild queue --help\n", stderr);
  return LB_EXIT_USAGE;
}

static volatile sig_atomic_t stop_flag;

static void on_signal(int sig) {
  (void)sig;
  stop_flag = 1;
}

static void progress(const lb_queue_counts *c, void *ctx) {
  (void)ctx;
  double s = c->seconds > 1e-6 ? c->seconds : 1e-6;
  fprintf(stderr, "lagebild worker: %zu documents stored, %zu known, %.0f docs/s, pending %llu, "
                  "delivered again %zu, dead letters %zu (%.1f s)\n",
          c->stored, c->known, (double)(c->stored + c->known) / s,
          (unsigned long long)c->pending, c->redelivered, c->dead, c->seconds);
}

int lb_cmd_worker(int argc, char **argv) {
  lb_cli_docopts o;
  lb_cli_docopts_init(&o);
  lb_queue_opts qo;
  lb_queue_opts_init(&qo);
  qo.reconnect = -1; /* a worker waits for its server */
  lb_queue_work_opts wo;
  memset(&wo, 0, sizeof wo);
  wo.every = 10;
  const char *url = NULL, *store = NULL, *v;
  int r, quiet = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
      fputs(WORKER_HELP, stdout);
      return LB_EXIT_OK;
    } else if (strcmp(a, "--exit-when-idle") == 0) {
      wo.exit_when_idle = 1;
    } else if (strcmp(a, "--quiet") == 0) {
      quiet = 1;
    } else if ((r = lb_cli_docopt(argc, argv, &i, &o, "worker"))) {
      if (r < 0) goto usage;
    } else if ((r = lb_cli_opt(argc, argv, &i, "--store", &v))) {
      if (r < 0) goto usage;
      store = v;
    } else if ((r = lb_cli_opt(argc, argv, &i, "--stream", &v))) {
      if (r < 0) goto usage;
      qo.stream = v;
    } else if ((r = lb_cli_opt(argc, argv, &i, "--batch", &v))) {
      int n;
      if (r < 0 || int_opt("worker", "--batch", v, 1, 4096, &n)) goto usage;
      wo.batch = (size_t)n;
    } else if ((r = lb_cli_opt(argc, argv, &i, "--stats-every", &v))) {
      if (r < 0 || lb_cli_num("worker", "--stats-every", v, 0, 86400, &wo.every)) goto usage;
    } else if ((r = lb_cli_opt(argc, argv, &i, "--max-deliver", &v))) {
      if (r < 0 || int_opt("worker", "--max-deliver", v, 1, 1000, &qo.max_deliver)) goto usage;
    } else if ((r = lb_cli_opt(argc, argv, &i, "--ack-wait", &v))) {
      if (r < 0 || lb_cli_num("worker", "--ack-wait", v, 1, 86400, &qo.ack_wait)) goto usage;
    } else if (a[0] == '-' && a[1]) {
      fprintf(stderr, "lagebild worker: unknown option \"%s\"\n", a);
      goto usage;
    } else if (!url) {
      url = a;
    } else {
      fprintf(stderr, "lagebild worker: one NATS URL only (\"%s\")\n", a);
      goto usage;
    }
  }
  if (!url || !store) {
    fprintf(stderr, "lagebild worker: need nats://HOST:PORT and --store DB\n");
    goto usage;
  }
  char err[1024];
  lb_engine *e = lb_engine_new(o.lexicon, err, sizeof err);
  if (!e) {
    fprintf(stderr, "lagebild worker: %s\n", err);
    return LB_EXIT_ERR;
  }
  if (o.stages && lb_engine_stop_after(e, o.stages) != LB_OK) {
    fprintf(stderr, "lagebild worker: unknown stage \"%s\"\n", o.stages);
    lb_engine_free(e);
    goto usage;
  }
  lb_queue *q = lb_queue_open(url, &qo, err, sizeof err);
  if (!q) {
    fprintf(stderr, "lagebild worker: %s\n", err);
    lb_engine_free(e);
    return LB_EXIT_ERR;
  }
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_handler = on_signal;
  sigaction(SIGINT, &sa, NULL);
  sigaction(SIGTERM, &sa, NULL);
  signal(SIGPIPE, SIG_IGN);
  wo.threads = o.threads;
  wo.stop = &stop_flag;
  wo.progress = quiet ? NULL : progress;
  lb_queue_counts c;
  lb_err rc = lb_queue_work(q, e, store, &wo, &c, err, sizeof err);
  if (rc != LB_OK) fprintf(stderr, "lagebild worker: %s\n", err);
  if (!quiet) progress(&c, NULL);
  lb_queue_close(q);
  lb_engine_free(e);
  return rc == LB_OK ? LB_EXIT_OK : LB_EXIT_ERR;
usage:
  fputs("see: lagebild worker --help\n", stderr);
  return LB_EXIT_USAGE;
}
