/*
** syntax.c -- the syntax stage and the engine's models (see syntax.h).
*/
#include "syntax.h"

#include <assert.h>
#include <pthread.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "../base/arena.h"
#include "../lex/lex.h"
#include "../text/lang.h"
#include "../text/norm.h"
#include "../text/sent.h"
#include "../text/tok.h"
#include "conllu.h"
#include "ana.h"
#include "parse.h"
#include "tree.h"

/* Sentences analysed together (analyse): at most SYN_BATCH, and a batch
** closes once it holds SYN_BATCH_WORDS words (the scratch arena holds a
** batch's activations). One sentence at a time the recurrent products
** streamed the weights once per word; 32 at once share that pass. */
#define SYN_BATCH 32
#define SYN_BATCH_WORDS 2000

static const char *const UPOS_NAMES[LB_UPOS_COUNT] = {
    "_",    "ADJ",  "ADP",  "ADV",  "AUX",   "CCONJ", "DET",  "INTJ", "NOUN",
    "NUM",  "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"};

const char *lb_syntax_upos_name(int u) {
  return u > 0 && u < LB_UPOS_COUNT ? UPOS_NAMES[u] : "_";
}

/* ---- the models ---- */

typedef struct model_ref {
  char lang[8];
  lb_synm *m;
  uint8_t upos[24];  /* model tag -> enum lb_upos */
} model_ref;

struct lb_syntax {
  model_ref *v;
  int n;
};

static int add_model(lb_syntax *sx, const char *path, char *err, size_t errlen) {
  lb_synm *m = lb_synm_open(path, err, errlen);
  if (!m) return 0;
  model_ref *r = realloc(sx->v, (size_t)(sx->n + 1) * sizeof *r);
  if (!r) {
    lb_synm_close(m);
    snprintf(err, errlen, "out of memory");
    return 0;
  }
  sx->v = r;
  r = &sx->v[sx->n];
  memset(r, 0, sizeof *r);
  snprintf(r->lang, sizeof r->lang, "%s", m->lang);
  r->m = m;
  for (uint32_t i = 0; i < m->nupos; i++) {
    const char *name = lb_synm_str(m, m->upos[i]);
    for (int u = 1; u < LB_UPOS_COUNT; u++)
      if (strcmp(UPOS_NAMES[u], name) == 0) r->upos[i] = (uint8_t)u;
  }
  if (!m->net.d.nword) {
    snprintf(err, errlen, "%s: a syntax model without its network", path);
    lb_synm_close(m);
    return 0;
  }
  sx->n++;
  return 1;
}

/* The directory of the models when none is given: $LAGEBILD_SYNTAX, the
** program's own directory, ../../bin from it (test binaries in build/<kind>),
** then ./bin. */
static int default_dir(char *out, size_t cap) {
  const char *env = getenv("LAGEBILD_SYNTAX");
  if (env && *env) {
    snprintf(out, cap, "%s", env);
    return 1;
  }
  char exe[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 40);
  if (n > 0) {
    exe[n] = 0;
    char *slash = strrchr(exe, '/');
    if (slash) {
      strcpy(slash + 1, "syntax-de.lbsyn");
      if (access(exe, R_OK) == 0) {
        slash[1] = 0;
        snprintf(out, cap, "%s", exe);
        return 1;
      }
      strcpy(slash + 1, "../../bin/syntax-de.lbsyn");
      if (access(exe, R_OK) == 0) {
        strcpy(slash + 1, "../../bin/");
        snprintf(out, cap, "%s", exe);
        return 1;
      }
    }
  }
  snprintf(out, cap, "bin/");
  return 1;
}

lb_syntax *lb_syntax_open(const char *dir, char *err, size_t errlen) {
  lb_syntax *sx = calloc(1, sizeof *sx);
  if (!sx) {
    snprintf(err, errlen, "out of memory");
    return NULL;
  }
  char d[PATH_MAX];
  if (dir) snprintf(d, sizeof d, "%s", dir);
  else default_dir(d, sizeof d);
  /* the languages with rules in the lexicon: one model each when present */
  static const char *const langs[] = {"de", "en"};
  for (size_t i = 0; i < sizeof langs / sizeof *langs; i++) {
    char path[PATH_MAX + 32];
    size_t dl = strlen(d);
    snprintf(path, sizeof path, "%s%ssyntax-%s.lbsyn", d, dl && d[dl - 1] != '/' ? "/" : "", langs[i]);
    if (access(path, F_OK) != 0) continue;
    if (!add_model(sx, path, err, errlen)) {
      lb_syntax_close(sx);
      return NULL;
    }
  }
  return sx;
}

void lb_syntax_close(lb_syntax *sx) {
  if (!sx) return;
  for (int i = 0; i < sx->n; i++) {
    lb_synm_close(sx->v[i].m);
  }
  free(sx->v);
  free(sx);
}

static const model_ref *find_ref(const lb_syntax *sx, const char *lang) {
  if (!sx || !lang) return NULL;
  for (int i = 0; i < sx->n; i++)
    if (strcmp(sx->v[i].lang, lang) == 0) return &sx->v[i];
  return NULL;
}

const lb_synm *lb_syntax_model(const lb_syntax *sx, const char *lang) {
  const model_ref *r = find_ref(sx, lang);
  return r ? r->m : NULL;
}

/* ---- words ---- */

static lb_word *push_word(lb_text *tx, uint32_t t, uint32_t s, uint32_t start, uint32_t end,
                          const char *form, uint32_t formlen, uint8_t flags) {
  lb_word *w = LB_VEC_PUSH(tx->arena, tx->words);
  w->start = start;
  w->end = end;
  w->tok = t;
  w->sent = s;
  w->form = form;
  w->formlen = formlen;
  w->head = -1;
  w->kid = w->sib = -1;
  w->flags = flags;
  return w;
}

/* Is the record's first field (LANG) the document's language? */
static int rec_lang(const lb_lex_rec *r, const char *lang) {
  return lang && lb_lex_field_is(r, 0, lang);
}

/* A contraction ("im" -> "in dem"): its words, each with the token's span;
** the first keeps the token's capital ("Im" -> "In dem"). */
static int split_mwt(lb_text *tx, uint32_t t, uint32_t s, int tab) {
  const lb_tok *k = &tx->toks.v[t];
  lb_lex_rec r;
  if (tab < 0 || !k->norm || !lb_lex_find(tx->lex, tab, k->norm, k->normlen, &r) ||
      !rec_lang(&r, tx->lang))
    return 0;
  const char *f;
  int fl = lb_lex_field(r.val, r.val_len, 1, &f);
  if (fl <= 0) return 0;
  int cap = (k->flags & LB_TF_CAP) != 0, first = 1;
  const char *p = f, *end = f + fl;
  while (p < end) {
    const char *sp = memchr(p, ' ', (size_t)(end - p));
    size_t n = sp ? (size_t)(sp - p) : (size_t)(end - p);
    if (n) {
      char *form = lb_arena_strndup(tx->arena, p, n);
      if (first && cap && form[0] >= 'a' && form[0] <= 'z') form[0] = (char)(form[0] - 32);
      push_word(tx, t, s, k->start, k->end, form, (uint32_t)n, LB_WF_MWT);
      first = 0;
    }
    p = sp ? sp + 1 : end;
  }
  return !first;
}

/* An English clitic ("Kursk's" -> "Kursk" "'s", "don't" -> "do" "n't"):
** table `clitic` keys the letters after the apostrophe; its record names
** how many letters before the apostrophe belong to the clitic and which. */
static int split_clitic(lb_text *tx, uint32_t t, uint32_t s, int tab) {
  const lb_tok *k = &tx->toks.v[t];
  if (tab < 0 || k->kind != LB_TOK_WORD) return 0;
  const char *w = tx->text + k->start;
  uint32_t n = k->end - k->start;
  /* the last apostrophe (' or U+2019) with letters on both sides */
  uint32_t ap = 0, apl = 0;
  for (uint32_t i = 1; i + 1 < n; i++) {
    if (w[i] == '\'') ap = i, apl = 1;
    else if (i + 3 < n && (unsigned char)w[i] == 0xE2 && (unsigned char)w[i + 1] == 0x80 &&
             (unsigned char)w[i + 2] == 0x99)
      ap = i, apl = 3;
  }
  if (!apl || ap + apl >= n) return 0;
  lb_buf key = LB_BUF_INIT;
  lb_norm_key(&key, w + ap + apl, n - ap - apl);
  lb_lex_rec r;
  int found = lb_lex_find(tx->lex, tab, key.p, key.n, &r) && rec_lang(&r, tx->lang);
  lb_buf_free(&key);
  if (!found) return 0;
  const char *need;
  int before = (int)lb_lex_field_num(&r, 1, 0);
  int nl = lb_lex_field(r.val, r.val_len, 2, &need);
  if (before < 0 || (uint32_t)before >= ap) return 0;
  if (before > 0 && (nl != before || strncasecmp(w + ap - before, need, (size_t)before) != 0)) return 0;
  uint32_t cut = ap - (uint32_t)before;
  push_word(tx, t, s, k->start, k->start + cut, w, cut, 0);
  push_word(tx, t, s, k->start + cut, k->end, w + cut, n - cut, 0);
  return 1;
}

static void make_words(lb_text *tx) {
  int tmwt = tx->lex ? lb_lex_table(tx->lex, "mwt") : -1;
  int tcl = tx->lex ? lb_lex_table(tx->lex, "clitic") : -1;
  for (size_t s = 0; s < tx->sents.n; s++) {
    lb_sent *st = &tx->sents.v[s];
    st->word0 = (uint32_t)tx->words.n;
    for (uint32_t t = st->tok0; t < st->tok1; t++) {
      const lb_tok *k = &tx->toks.v[t];
      if (k->kind == LB_TOK_WORD && (split_mwt(tx, t, (uint32_t)s, tmwt) ||
                                     split_clitic(tx, t, (uint32_t)s, tcl)))
        continue;
      push_word(tx, t, (uint32_t)s, k->start, k->end, tx->text + k->start, k->end - k->start, 0);
    }
    st->word1 = (uint32_t)tx->words.n;
  }
}

/* ---- the stage ---- */

/* Sentences [s0, s1) of tx prepared for the network in scratch (ss[k] for
** sentence s0 + k), then analysed together (parse.h lb_parse_batch: the
** recurrent products of many sentences share one pass over the weights)
** and written back to tx's words. */
static void analyse(lb_text *tx, const model_ref *ref, size_t s0, size_t s1, lb_arena *scratch) {
  const lb_synm *m = ref->m;
  lb_arena_reset(scratch);
  lb_ana *an = lb_arena_alloc(scratch, (s1 - s0) * sizeof *an);
  lb_ana *ss[SYN_BATCH];
  int nb = 0;
  assert(s1 - s0 <= SYN_BATCH);
  for (size_t s = s0; s < s1; s++) {
    const lb_sent *st = &tx->sents.v[s];
    int n = (int)(st->word1 - st->word0);
    if (n <= 0) continue;
    lb_ana *a = &an[s - s0];
    lb_ana_init(a, scratch, n);
    for (int i = 0; i < n; i++) {
      const lb_word *w = &tx->words.v[st->word0 + (uint32_t)i];
      a->w[i].form = w->form;
      a->w[i].len = w->formlen;
    }
    lb_ana_prepare(a, m, tx->lex, m->lexwhat);
    ss[nb++] = a;
  }
  if (nb) lb_parse_batch(m, tx->lex, ss, nb);
  for (size_t s = s0; s < s1; s++) {
    const lb_sent *st = &tx->sents.v[s];
    int n = (int)(st->word1 - st->word0);
    if (n <= 0) continue;
    const lb_ana *x = &an[s - s0];
    for (int i = 0; i < n; i++) {
      lb_word *w = &tx->words.v[st->word0 + (uint32_t)i];
      const lb_ana_word *a = &x->w[i];
      w->upos = ref->upos[a->upos];
      w->featstr = lb_synm_bundle_str(m, a->feats);
      w->feats = m->packed[a->feats];
      /* dictionary lemmas live in the mapped model; the others in scratch */
      w->lemma = a->lemma_src == LB_LEMMA_DICT ? a->lemma : lb_arena_strdup(tx->arena, a->lemma);
      w->head = a->head < 0 ? -1 : (int32_t)st->word0 + a->head;
      w->deprel = lb_synm_str(m, m->rel[a->rel]);
    }
    lb_tree_link(tx, s);
  }
}

/* The scratch memory of one sentence's analysis: one arena per thread,
** reset for each sentence and kept across documents. Not the document's
** arena, and not one made per document: the pipeline's memory guard may
** jump out of this stage (picture/pipeline.c), which would leak it. */
static pthread_key_t scratch_key;
static pthread_once_t scratch_once = PTHREAD_ONCE_INIT;
static void scratch_free(void *a) { lb_arena_free(a); }
static void scratch_init(void) { pthread_key_create(&scratch_key, scratch_free); }

void lb_syntax_run(lb_text *tx) {
  assert(tx->words.n == 0);
  make_words(tx);
  const model_ref *ref = find_ref(tx->syn, tx->lang);
  if (!ref || !tx->words.n) return;
  pthread_once(&scratch_once, scratch_init);
  lb_arena *scratch = pthread_getspecific(scratch_key);
  if (!scratch) {
    if (!(scratch = lb_arena_new())) {
      fputs("lagebild: out of memory (syntax)\n", stderr);
      exit(1);
    }
    pthread_setspecific(scratch_key, scratch);
  }
  /* batches of at most SYN_BATCH sentences and about SYN_BATCH_WORDS words */
  for (size_t s0 = 0; s0 < tx->sents.n;) {
    size_t s1 = s0;
    uint32_t nw = 0;
    while (s1 < tx->sents.n && s1 - s0 < SYN_BATCH && (s1 == s0 || nw < SYN_BATCH_WORDS)) {
      nw += tx->sents.v[s1].word1 - tx->sents.v[s1].word0;
      s1++;
    }
    analyse(tx, ref, s0, s1, scratch);
    s0 = s1;
  }
  lb_arena_reset(scratch);
}

void lb_syntax_conllu(const lb_synm *m, const lb_lex *lx, lb_conllu_sent *const *ss, int nb,
                      lb_arena *a) {
  lb_ana *an = lb_arena_alloc(a, (size_t)(nb > 0 ? nb : 1) * sizeof *an);
  lb_ana **pa = lb_arena_alloc(a, (size_t)(nb > 0 ? nb : 1) * sizeof *pa);
  int k = 0;
  for (int b = 0; b < nb; b++) {
    lb_conllu_sent *s = ss[b];
    int n = (int)s->words.n;
    lb_ana_init(&an[b], a, n);
    for (int i = 0; i < n; i++) {
      an[b].w[i].form = s->words.v[i].form;
      an[b].w[i].len = (uint32_t)strlen(s->words.v[i].form);
    }
    lb_ana_prepare(&an[b], m, lx, m->lexwhat);
    if (n > 0) pa[k++] = &an[b];
  }
  if (k) lb_parse_batch(m, lx, pa, k);
  for (int b = 0; b < nb; b++) {
    lb_conllu_sent *s = ss[b];
    for (size_t i = 0; i < s->words.n; i++) {
      lb_conllu_word *w = &s->words.v[i];
      const lb_ana_word *x = &an[b].w[i];
      w->upos = lb_synm_str(m, m->upos[x->upos]);
      w->xpos = "_";
      w->feats = lb_synm_bundle_str(m, x->feats);
      w->lemma = x->lemma;
      w->head = x->head + 1;
      w->deprel = lb_synm_str(m, m->rel[x->rel]);
      w->deps = "_";
    }
  }
}

const char *lb_syntax_lang_of(const char *s, size_t n) {
  lb_text tx;
  memset(&tx, 0, sizeof tx);
  tx.arena = lb_arena_new();
  if (!tx.arena) return NULL;
  lb_text_set(&tx, s, n);
  lb_tok_run(&tx);
  lb_sent_run(&tx);
  lb_lang_run(&tx);
  const char *lang = NULL;
  static const char *const known[] = {"de", "en"};
  for (size_t i = 0; tx.lang && i < sizeof known / sizeof *known; i++)
    if (strcmp(tx.lang, known[i]) == 0) lang = known[i];
  lb_arena_free(tx.arena);
  return lang;
}
