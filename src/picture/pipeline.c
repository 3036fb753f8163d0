/*
** pipeline.c -- the engine: a lexicon plus the ordered list of stages that
** turn one document's bytes into its picture.
**
**   utf8 repair -> tokens -> sentences -> language -> keys (norm)
**     -> entities -> places -> dates -> claims -> quantities -> events
**     -> signals
**
** Each stage reads what the earlier ones left on the lb_doc and appends its
** own facts. The stage list is the one place where the order is decided.
*/
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../include/lagebild.h"
#include "../extract/claim.h"
#include "../extract/date.h"
#include "../extract/ent.h"
#include "../extract/event.h"
#include "../extract/geo.h"
#include "../extract/qty.h"
#include "../extract/signal.h"
#include "../lex/lex.h"
#include "../read/pubdate.h"
#include "../text/lang.h"
#include "../text/sent.h"
#include "../text/utf8.h"
#include "doc.h"
#include "pipeline.h"

typedef struct stage {
  const char *name;
  void (*run)(lb_doc *d);
} stage;

static const stage STAGES[] = {
    {"tokens", lb_tok_run},         {"sentences", lb_sent_run}, {"text", lb_lang_run},
    {"norm", lb_tok_norm_all},      {"entities", lb_ent_run},   {"places", lb_geo_run},
    {"dates", lb_date_run},         {"claims", lb_claim_run},   {"quantities", lb_qty_run},
    {"events", lb_evt_run},         {"signals", lb_sig_run},
};
#define NSTAGES (sizeof STAGES / sizeof STAGES[0])

struct lb_engine {
  lb_lex *lex;
  size_t nstages; /* run STAGES[0 .. nstages) */
};

const char *lb_version(void) { return LB_VERSION; }

static lb_lex *open_default(char *err, size_t errlen) {
  const char *env = getenv("LAGEBILD_LEXICON");
  if (env && *env) return lb_lex_open(env, err, errlen);
  char exe[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 32);
  if (n > 0) {
    exe[n] = 0;
    char *slash = strrchr(exe, '/');
    if (slash) {
      strcpy(slash + 1, "lagebild.lex");
      if (access(exe, R_OK) == 0) return lb_lex_open(exe, err, errlen);
      /* test and fuzz binaries live in build/<kind>/: look in bin/ */
      strcpy(slash + 1, "../../bin/lagebild.lex");
      if (access(exe, R_OK) == 0) return lb_lex_open(exe, err, errlen);
    }
  }
  if (access("bin/lagebild.lex", R_OK) == 0) return lb_lex_open("bin/lagebild.lex", err, errlen);
  snprintf(err, errlen,
           "no lexicon found: set LAGEBILD_LEXICON or --lexicon, or run `make` to build "
           "bin/lagebild.lex");
  return NULL;
}

lb_engine *lb_engine_new(const char *lexicon_path, char *err, size_t errlen) {
  lb_lex *lx = lexicon_path ? lb_lex_open(lexicon_path, err, errlen) : open_default(err, errlen);
  if (!lx) return NULL;
  lb_engine *e = calloc(1, sizeof *e);
  if (!e) {
    lb_lex_close(lx);
    snprintf(err, errlen, "out of memory");
    return NULL;
  }
  e->lex = lx;
  e->nstages = NSTAGES;
  return e;
}

lb_engine *lb_engine_new_text_only(void) {
  lb_engine *e = calloc(1, sizeof *e);
  if (!e) return NULL;
  e->nstages = 3;
  return e;
}

void lb_engine_free(lb_engine *e) {
  if (!e) return;
  lb_lex_close(e->lex);
  free(e);
}

lb_err lb_engine_stop_after(lb_engine *e, const char *name) {
  for (size_t i = 0; i < NSTAGES; i++)
    if (strcmp(STAGES[i].name, name) == 0) {
      e->nstages = i + 1;
      return LB_OK;
    }
  return LB_ERR_USAGE;
}

const lb_lex *lb_engine_lex(const lb_engine *e) { return e->lex; }

/* A stable id from the text: 64-bit FNV-1a as 16 hex digits. */
static char *text_id(lb_arena *a, const char *s, size_t n) {
  uint64_t h = 1469598103934665603ULL;
  for (size_t i = 0; i < n; i++) {
    h ^= (unsigned char)s[i];
    h *= 1099511628211ULL;
  }
  return lb_arena_printf(a, "%016llx", (unsigned long long)h);
}

static void parse_published(lb_doc *d, const char *p) {
  int y, m, day;
  char tail;
  size_t n = strlen(p);
  char iso[LB_PUBDATE_MAX]; /* RFC 822, "11. November 2024", ...: RFC 3339 first */
  if (!(n >= 10 && p[4] == '-' && p[7] == '-') && lb_pubdate_parse(p, n, iso)) {
    p = iso;
    n = strlen(iso);
  }
  if (n >= 10 && sscanf(p, "%4d-%2d-%2d%c", &y, &m, &day, &tail) >= 3 && p[4] == '-' &&
      p[7] == '-' && m >= 1 && m <= 12 && day >= 1 && day <= 31 && y >= 1000 && y <= 9999) {
    d->pub_y = y;
    d->pub_m = m;
    d->pub_d = day;
    d->published = lb_arena_strndup(d->arena, p, 10);
    return;
  }
  d->published = lb_arena_strdup(d->arena, p);
  lb_doc_warn(d, "published date \"%.40s\" not understood (want YYYY-MM-DD, RFC 822 or 11.11.2024); relative dates stay unresolved", p);
}

lb_doc *lb_doc_begin(const lb_engine *e, const lb_input *in) {
  lb_arena *a = lb_arena_new();
  if (!a) return NULL;
  lb_doc *d = lb_arena_calloc(a, 1, sizeof *d);
  d->arena = a;
  d->lex = e->lex;
  const char *text = in->text ? in->text : "";
  size_t len = in->text ? in->len : 0;
  if (len > UINT32_MAX - 1) {
    lb_doc_warn(d, "text longer than 4 GiB cut at 4 GiB");
    len = UINT32_MAX - 1;
  }
  d->id = in->id ? lb_arena_strdup(a, in->id) : text_id(a, text, len);
  if (in->published && *in->published) parse_published(d, in->published);
  if (in->lang && *in->lang) {
    d->lang = lb_arena_strdup(a, in->lang);
    d->lang_given = 1;
  } else if (in->lang_declared && *in->lang_declared) {
    d->lang = lb_arena_strdup(a, in->lang_declared); /* a hint for lb_lang_run */
  }
  if (in->title) d->title = lb_arena_strdup(a, in->title);
  if (in->url) d->url = lb_arena_strdup(a, in->url);
  for (const char *w = in->warnings; w && *w;) { /* the reader's, one a line */
    const char *nl = strchr(w, '\n');
    int k = (int)(nl ? (size_t)(nl - w) : strlen(w));
    lb_doc_warn(d, "%.*s", k, w);
    w += k + (nl != NULL);
  }
  lb_utf8_repair(d, text, len);
  return d;
}

void lb_doc_run(const lb_engine *e, lb_doc *d) {
  for (size_t i = 0; i < e->nstages; i++) STAGES[i].run(d);
}

lb_doc *lb_extract(const lb_engine *e, const lb_input *in) {
  lb_doc *d = lb_doc_begin(e, in);
  if (!d) return NULL;
  lb_doc_run(e, d);
  return d;
}

void lb_doc_free(lb_doc *d) {
  if (d) lb_arena_free(d->arena);
}
