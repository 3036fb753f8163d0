/*
** eval.c -- `make eval`: precision and recall of event coding and claim
** attribution on the annotated sets tests/eval/de.tsv and tests/eval/en.tsv.
**
** Each set is UTF-8 TSV, '#' comments; one sentence (or short passage) a line:
**     ID <TAB> TEXT <TAB> EVENTS <TAB> CLAIMS
** The language is the file name's stem ("de.tsv" -> de). EVENTS is "-" or
** " ; "-separated CODE:SOURCE:TARGET, where a role is "-" (none), a CAMEO
** actor code compared on its first three letters (the country or group:
** "RUSMIL" matches "RUS"), or "~words" compared with the text of the coded
** actor's mentions in the passage (either contains the other, ignoring case).
** CLAIMS is "-" or " ; "-separated words of each claim's speaker.
**
** Scored: events the engine asserts (mood null) that are not statement
** events (CAMEO 01x: claims are scored as claims). An event counts at three
** levels: "code" (same 3-digit code), "root" (same 2-digit root) and "full"
** (3-digit code, source and target all match). A predicted claim is right
** when its speaker's words match a gold speaker. Each gold item is matched
** at most once. Prints one block per set and exits 0 (the numbers are the
** result; they are not a pass/fail test).
*/
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../include/lagebild.h"
#include "../src/doc/doc.h"

typedef struct gold_ev {
  char code[8], src[128], tgt[128];
  int used[3];
} gold_ev;

typedef struct score {
  int tp, np, ng;
} score;

static void trim(char *s) {
  size_t n = strlen(s);
  while (n && isspace((unsigned char)s[n - 1]))
    s[--n] = 0;
  size_t i = 0;
  while (s[i] && isspace((unsigned char)s[i]))
    i++;
  memmove(s, s + i, n - i + 1);
}

/* Split s at " ; " into at most max trimmed parts; "-" or "" gives none. */
static int split(char *s, char **out, int max) {
  trim(s);
  if (!*s || strcmp(s, "-") == 0) return 0;
  int n = 0;
  char *p = s;
  while (p && n < max) {
    char *q = strstr(p, " ; ");
    if (q) *q = 0;
    trim(p);
    if (*p) out[n++] = p;
    p = q ? q + 3 : NULL;
  }
  return n;
}

static int icontains(const char *hay, const char *needle) {
  size_t n = strlen(needle);
  if (!n) return 0;
  for (const char *h = hay; *h; h++)
    if (strncasecmp(h, needle, n) == 0) return 1;
  return 0;
}

/* Does the predicted role (actor code, entity id) match the gold spec? */
static int role_ok(const lb_doc *d, const char *gold, const char *code, const char *ent) {
  if (strcmp(gold, "-") == 0) return code == NULL && ent == NULL;
  if (gold[0] == '~') {
    int32_t e = ent ? lb_doc_entity_find(d, ent) : -1;
    if (e < 0) return 0;
    const lb_entity *en = &d->entities.v[e];
    for (size_t m = 0; m < en->mentions.n; m++) {
      const lb_mention *mn = &en->mentions.v[m];
      char *t = lb_text_span(&d->tx, mn->start, mn->end);
      if (icontains(t, gold + 1) || icontains(gold + 1, t)) return 1;
    }
    return 0;
  }
  return code && strncmp(code, gold, 3) == 0;
}

static double pct(int a, int b) { return b ? 100.0 * a / b : 0.0; }

static void line(const char *what, const score *s) {
  double p = pct(s->tp, s->np), r = pct(s->tp, s->ng);
  printf("  %-16s P %5.1f%%  R %5.1f%%  F1 %5.1f%%   (%d right of %d found, %d gold)\n", what, p, r,
         p + r > 0 ? 2 * p * r / (p + r) : 0.0, s->tp, s->np, s->ng);
}

static int run_set(const lb_engine *eng, const char *path, int verbose) {
  FILE *f = fopen(path, "r");
  if (!f) {
    fprintf(stderr, "eval: %s: cannot open\n", path);
    return 1;
  }
  const char *base = strrchr(path, '/');
  base = base ? base + 1 : path;
  char lang[3] = {base[0], base[1], 0};
  score ev[3] = {{0, 0, 0}, {0, 0, 0}, {0, 0, 0}}, cl = {0, 0, 0};
  int nsent = 0, noevent = 0;
  char *buf = NULL;
  size_t cap = 0;
  long lineno = 0;
  while (getline(&buf, &cap, f) >= 0) {
    lineno++;
    if (buf[0] == '#' || buf[0] == '\n') continue;
    char *col[4] = {0};
    char *p = buf;
    for (int i = 0; i < 4; i++) {
      col[i] = p;
      p = p ? strchr(p, '\t') : NULL;
      if (p) *p++ = 0;
    }
    if (!col[3]) {
      fprintf(stderr, "eval: %s:%ld: want ID<TAB>TEXT<TAB>EVENTS<TAB>CLAIMS\n", path, lineno);
      continue;
    }
    nsent++;
    char *gev[32], *gcl[32];
    int ng = split(col[2], gev, 32), ngc = split(col[3], gcl, 32);
    if (!ng) noevent++;
    gold_ev g[32];
    for (int i = 0; i < ng; i++) {
      memset(&g[i], 0, sizeof g[i]);
      char *a = strchr(gev[i], ':'), *b = a ? strchr(a + 1, ':') : NULL;
      if (!a || !b) {
        fprintf(stderr, "eval: %s:%ld: bad event \"%s\"\n", path, lineno, gev[i]);
        ng = i;
        break;
      }
      *a = *b = 0;
      snprintf(g[i].code, sizeof g[i].code, "%s", gev[i]);
      snprintf(g[i].src, sizeof g[i].src, "%s", a + 1);
      snprintf(g[i].tgt, sizeof g[i].tgt, "%s", b + 1);
    }
    lb_input in = {.id = col[0],
                   .text = col[1],
                   .len = strlen(col[1]),
                   .lang = lang,
                   .published = "2016-01-01"};
    lb_doc *d = lb_extract(eng, &in);
    if (!d) continue;
    for (int lv = 0; lv < 3; lv++)
      ev[lv].ng += ng;
    for (size_t i = 0; i < d->events.n; i++) {
      const lb_event *e = &d->events.v[i];
      if (e->mood || strncmp(e->code, "01", 2) == 0) continue;
      int hit[3] = {0, 0, 0};
      for (int lv = 0; lv < 3; lv++) {
        ev[lv].np++;
        for (int k = 0; k < ng && !hit[lv]; k++) {
          if (g[k].used[lv]) continue;
          int ok =
              lv == 1 ? strncmp(e->code, g[k].code, 2) == 0 : strncmp(e->code, g[k].code, 3) == 0;
          if (ok && lv == 2)
            ok = role_ok(d, g[k].src, e->source, e->source_entity) &&
                 role_ok(d, g[k].tgt, e->target, e->target_entity);
          if (ok) {
            g[k].used[lv] = 1;
            hit[lv] = 1;
            ev[lv].tp++;
          }
        }
      }
      if (verbose && !hit[2])
        printf("  %s: extra or wrong event %s %s -> %s \"%s\"\n", col[0], e->code,
               e->source ? e->source : "-", e->target ? e->target : "-",
               lb_text_span(&d->tx, e->start, e->end));
    }
    if (verbose)
      for (int k = 0; k < ng; k++)
        if (!g[k].used[2])
          printf("  %s: missed event %s:%s:%s\n", col[0], g[k].code, g[k].src, g[k].tgt);
    int used[32] = {0};
    cl.ng += ngc;
    for (size_t i = 0; i < d->claims.n; i++) {
      const lb_claim *c = &d->claims.v[i];
      cl.np++;
      const char *who = c->speaker_end > c->speaker_start
                            ? lb_text_span(&d->tx, c->speaker_start, c->speaker_end)
                            : (c->speaker_text ? c->speaker_text : "");
      int hit = 0;
      for (int k = 0; k < ngc && !hit; k++)
        if (!used[k] && *who && (icontains(who, gcl[k]) || icontains(gcl[k], who))) {
          used[k] = hit = 1;
          cl.tp++;
        }
      if (verbose && !hit) printf("  %s: extra or wrong claim by \"%s\"\n", col[0], who);
    }
    if (verbose)
      for (int k = 0; k < ngc; k++)
        if (!used[k]) printf("  %s: missed claim by \"%s\"\n", col[0], gcl[k]);
    lb_doc_free(d);
  }
  free(buf);
  fclose(f);
  printf("%s: %d sentences (%d without a gold event)\n", path, nsent, noevent);
  line("events code", &ev[0]);
  line("events root", &ev[1]);
  line("events full", &ev[2]);
  line("claims speaker", &cl);
  return 0;
}

int main(int argc, char **argv) {
  int verbose = 0, first = 1, rc = 0;
  if (argc > 1 && strcmp(argv[1], "-v") == 0) {
    verbose = 1;
    first = 2;
  }
  if (first >= argc) {
    fprintf(stderr, "usage: eval_lagebild [-v] SET.tsv...\n");
    return 2;
  }
  char err[512];
  lb_engine *eng = lb_engine_new(NULL, err, sizeof err);
  if (!eng) {
    fprintf(stderr, "eval: %s\n", err);
    return 1;
  }
  for (int i = first; i < argc; i++)
    rc |= run_set(eng, argv[i], verbose);
  lb_engine_free(eng);
  return rc;
}
