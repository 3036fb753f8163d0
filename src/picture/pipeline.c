/*
** pipeline.c -- the engine: a lexicon plus the ordered list of stages that
** turn one document's bytes into its picture.
**
**   utf8 repair (lb_text_set) -> tokens -> sentences -> language -> keys
**     -> lexicon -> syntax -> entities -> mentions -> places -> lexicon-lower -> marks
**     -> dates -> clauses -> claims -> quantities -> events -> signals
**
** Each stage reads what the earlier ones left on the document and writes its
** own part, and nothing else: no stage builds another stage's data on the
** side (the readers assert that it is there). The table below is the one
** place where the order is decided; each line says what the stage reads and
** writes (the fields of lb_text, doc/text.h, and lb_doc, doc/doc.h), and the
** header of its module says it again. The stages of the text layer (text/,
** lex/, syntax/) see only the lb_text.
*/
#include <limits.h>
#include <setjmp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../include/lagebild.h"
#include "../extract/claim.h"
#include "../extract/coref.h"
#include "../extract/date.h"
#include "../extract/ent.h"
#include "../extract/event.h"
#include "../extract/geo.h"
#include "../extract/num.h"
#include "../extract/qty.h"
#include "../extract/signal.h"
#include "../lex/lex.h"
#include "../lex/lexdoc.h"
#include "../syntax/syntax.h"
#include "../read/pubdate.h"
#include "../text/lang.h"
#include "../text/sent.h"
#include "../text/tok.h"
#include "pipeline.h"

/* A stage works on the text layer (text/, lex/, syntax/: on_text) or on
** the whole document with its facts (extract/: on_doc). */
typedef struct stage {
  const char *name; /* for --stages (lb_engine_stop_after) */
  void (*on_text)(lb_text *tx);
  void (*on_doc)(lb_doc *d);
  const char *reads, *writes; /* documentation: fields of lb_text (tx.) and lb_doc */
} stage;

/* clang-format off */
static const stage STAGES[] = {
  /* name            on the text layer    on the document
  **                 reads (besides tx.text, tx.lex, the metadata) -> writes */
  /* the text layer; lb_text_set has set tx.text and tx.len (repaired UTF-8) */
  {"tokens",         lb_tok_run,          NULL,
                     "tx.text", "tx.toks"},
  {"sentences",      lb_sent_run,         NULL,
                     "tx.text tx.toks", "tx.sents"},
  {"text",           lb_lang_run,         NULL,
                     "tx.text tx.lang_given", "tx.lang"},
  {"norm",           lb_tok_norm_all,     NULL,
                     "tx.text tx.toks", "tx.toks[].norm"},
  /* the lexicon layer */
  {"lexicon",        lb_lexdoc_run,       NULL,
                     "tx.toks tx.lex", "tx.lexdoc (the entity stage's candidates)"},
  /* the syntax layer */
  {"syntax",         lb_syntax_run,       NULL,
                     "tx.toks tx.sents tx.lang tx.lex tx.syn", "tx.words tx.sents[].word0/word1"},
  /* the extractors */
  {"entities",       NULL,                lb_ent_run,
                     "tx.toks tx.sents tx.lang tx.lexdoc tx.words pub_y", "entities"},
  {"mentions",       NULL,                lb_ent_index,
                     "entities", "ent_refs (the token -> mention rule)"},
  {"places",         NULL,                lb_geo_run,
                     "entities", "entities[].geo"},
  {"lexicon-lower",  lb_lexdoc_run_lower, NULL,
                     "tx.toks tx.lexdoc", "tx.lexdoc (every word)"},
  {"marks",          NULL,                lb_num_mark_run,
                     "tx.toks tx.lexdoc", "nummark"},
  {"dates",          NULL,                lb_date_run,
                     "tx.toks tx.sents tx.lang tx.lexdoc nummark pub_y", "dates"},
  {"coref",          NULL,                lb_coref_run,
                     "tx.words entities ent_refs", "coref (pronouns, role descriptions -> entities)"},
  {"claims",         NULL,                lb_claim_run,
                     "tx.words entities ent_refs coref", "claims"},
  {"quantities",     NULL,                lb_qty_run,
                     "tx.toks tx.sents tx.lang tx.lexdoc nummark entities dates claims",
                     "quantities"},
  {"events",         NULL,                lb_evt_run,
                     "tx.words entities ent_refs coref dates claims quantities published", "events"},
  {"signals",        NULL,                lb_sig_run,
                     "tx.toks tx.sents tx.lang tx.lexdoc nummark entities dates quantities",
                     "signals"},
};
/* clang-format on */
#define NSTAGES (sizeof STAGES / sizeof STAGES[0])

/* The number of stages up to and including the one named, or 0. */
static size_t stage_count(const char *name) {
  for (size_t i = 0; i < NSTAGES; i++)
    if (strcmp(STAGES[i].name, name) == 0) return i + 1;
  return 0;
}

struct lb_engine {
  lb_lex *lex;
  lb_syntax *syn; /* the syntax models (NULL for a text-only engine) */
  size_t nstages; /* run STAGES[0 .. nstages) */
  size_t max_doc_bytes, max_doc_memory; /* lb_engine_set_limits */
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
  e->syn = lb_syntax_open(NULL, err, errlen);
  if (!e->syn) {
    lb_lex_close(lx);
    free(e);
    return NULL;
  }
  e->nstages = NSTAGES;
  lb_engine_set_limits(e, 0, 0);
  return e;
}

lb_engine *lb_engine_new_text_only(void) {
  lb_engine *e = calloc(1, sizeof *e);
  if (!e) return NULL;
  e->nstages = stage_count("text"); /* tokens, sentences, language */
  lb_engine_set_limits(e, 0, 0);
  return e;
}

void lb_engine_set_limits(lb_engine *e, size_t max_doc_bytes, size_t max_doc_memory) {
  e->max_doc_bytes = max_doc_bytes ? max_doc_bytes : LB_MAX_DOC_BYTES;
  if (e->max_doc_bytes > UINT32_MAX - 1) e->max_doc_bytes = UINT32_MAX - 1; /* offsets are 32-bit */
  e->max_doc_memory = max_doc_memory ? max_doc_memory : LB_MAX_DOC_MEMORY;
}

size_t lb_engine_max_doc_bytes(const lb_engine *e) { return e->max_doc_bytes; }

void lb_engine_free(lb_engine *e) {
  if (!e) return;
  lb_lex_close(e->lex);
  lb_syntax_close(e->syn);
  free(e);
}

lb_err lb_engine_stop_after(lb_engine *e, const char *name) {
  size_t n = stage_count(name);
  if (!n) return LB_ERR_USAGE;
  e->nstages = n;
  return LB_OK;
}

const struct lb_lex *lb_engine_lex(const lb_engine *e) { return e->lex; }
const struct lb_syntax *lb_engine_syntax(const lb_engine *e) { return e->syn; }

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
  size_t n = strlen(p);
  char iso[LB_PUBDATE_MAX]; /* RFC 822, "11. November 2024", ...: RFC 3339 first */
  if (!(n >= 10 && p[4] == '-' && p[7] == '-') && lb_pubdate_parse(p, n, iso)) p = iso;
  int ok = lb_date_iso(p, &y, &m, &day);
  if (ok > 0) {
    d->pub_y = y;
    d->pub_m = m;
    d->pub_d = day;
    d->published = lb_arena_strndup(d->tx.arena, p, 10);
    return;
  }
  d->published = lb_arena_strdup(d->tx.arena, p);
  if (ok < 0)
    lb_text_warn(&d->tx,
                 "published date \"%.10s\" is no day of the calendar; relative dates stay "
                 "unresolved",
                 p);
  else
    lb_text_warn(&d->tx,
                 "published date \"%.40s\" not understood (want YYYY-MM-DD, RFC 822 or 11.11.2024); relative dates stay "
                 "unresolved",
                 p);
}

lb_doc *lb_doc_begin(const lb_engine *e, const lb_input *in) {
  lb_arena *a = lb_arena_new();
  if (!a) return NULL;
  lb_doc *d = lb_arena_calloc(a, 1, sizeof *d);
  d->tx.arena = a;
  d->tx.lex = e->lex;
  d->tx.syn = e->syn;
  const char *text = in->text ? in->text : "";
  size_t len = in->text ? in->len : 0;
  if (len > e->max_doc_bytes) {
    /* cut at a character's first byte, not inside its UTF-8 sequence */
    size_t cut = e->max_doc_bytes;
    for (int k = 0; k < 3 && cut > 0 && ((unsigned char)text[cut] & 0xC0) == 0x80; k++)
      cut--;
    lb_text_warn(&d->tx, "text longer than %zu bytes (the limit of one document) cut at byte %zu",
                 e->max_doc_bytes, cut);
    len = cut;
  }
  d->id = in->id ? lb_arena_strdup(a, in->id) : text_id(a, text, len);
  if (in->published && *in->published) parse_published(d, in->published);
  if (in->lang && *in->lang) {
    d->tx.lang = lb_arena_strdup(a, in->lang);
    d->tx.lang_given = 1;
  } else if (in->lang_declared && *in->lang_declared) {
    d->tx.lang = lb_arena_strdup(a, in->lang_declared); /* a hint for lb_lang_run */
  }
  if (in->title) d->title = lb_arena_strdup(a, in->title);
  if (in->url) d->url = lb_arena_strdup(a, in->url);
  for (const char *w = in->warnings; w && *w;) { /* the reader's, one a line */
    const char *nl = strchr(w, '\n');
    int k = (int)(nl ? (size_t)(nl - w) : strlen(w));
    lb_text_warn(&d->tx, "%.*s", k, w);
    w += k + (nl != NULL);
  }
  lb_text_set(&d->tx, text, len);
  return d;
}

/* Give up on a document: no facts, a warning and d->refused say why. */
static void refuse(lb_doc *d, int why, const char *at, size_t limit) {
  lb_text *tx = &d->tx;
  tx->toks.n = tx->sents.n = tx->words.n = 0;
  tx->lexdoc = NULL;
  d->entities.n = d->quantities.n = d->dates.n = d->claims.n = d->events.n = d->signals.n = 0;
  d->nummark = NULL;
  d->ent_refs = NULL;
  d->coref = NULL;
  d->ent_ids = NULL;
  if (why == LB_ARENA_OVER)
    d->refused = lb_arena_printf(tx->arena,
                                 "refused: needs more than %zu MB of memory (the limit of one "
                                 "document), at stage \"%s\"",
                                 limit >> 20, at);
  else
    d->refused = lb_arena_printf(tx->arena, "refused: out of memory at stage \"%s\"", at);
  lb_text_warn(tx, "%s", d->refused);
}

/*
** The stages run under the arena's guard (base/arena.h): past the engine's
** memory limit, an allocation jumps back here and the document is refused;
** the next one starts with a new arena. Stages keep nothing but arena
** memory, so nothing leaks.
*/
lb_err lb_doc_run(const lb_engine *e, lb_doc *d) {
  jmp_buf full;
  volatile size_t i = 0;  /* read after longjmp */
  switch (setjmp(full)) { /* (C11 7.13.1.1 allows setjmp here, not in an assignment) */
  case 0:
    break;
  case LB_ARENA_OVER:
    refuse(d, LB_ARENA_OVER, STAGES[i].name, e->max_doc_memory);
    return LB_ERR_NOMEM;
  default:
    refuse(d, LB_ARENA_NOMEM, STAGES[i].name, e->max_doc_memory);
    return LB_ERR_NOMEM;
  }
  lb_arena_guard(d->tx.arena, e->max_doc_memory, &full);
  for (; i < e->nstages; i++) {
    if (STAGES[i].on_text)
      STAGES[i].on_text(&d->tx);
    else
      STAGES[i].on_doc(d);
  }
  lb_arena_guard(d->tx.arena, 0, NULL);
  return LB_OK;
}

lb_doc *lb_extract(const lb_engine *e, const lb_input *in) {
  lb_doc *d = lb_doc_begin(e, in);
  if (!d) return NULL;
  lb_doc_run(e, d);
  return d;
}

const char *lb_doc_refused(const lb_doc *d) { return d->refused; }

void lb_doc_free(lb_doc *d) {
  if (d) lb_arena_free(d->tx.arena);
}
