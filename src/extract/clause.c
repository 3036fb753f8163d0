/*
** clause.c -- shallow clause analysis for claims and events (see clause.h).
**
** One pass over the tokens looks every key up once in the lexicon and keeps
** the entry, so claim.c and event.c read reporting verbs and event patterns
** from the same lookup; the mention that covers a token is the "mentions"
** stage's (d->ent_refs, the one rule of lb_ent_index). Roles come from what
** stands before a noun phrase: a preposition (prepositional role), an
** accusative article (object), an article after a noun (genitive
** attribute), else subject.
*/
#include "clause.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

#include "../doc/doc.h"
#include "../lex/lex.h"
#include "../lex/lexdoc.h"

/* Is the record's first field the document's language? (Field 0 is the
** bytes before the first tab, as lb_lex_field counts them.) */
static int lang_ok(const lb_cl *c, const lb_lex_rec *r) {
  const char *v = r->val;
  if (r->val_len < 2 || (r->val_len > 2 && v[2] != '\t')) return 0;
  return c->en ? v[0] == 'e' && v[1] == 'n' : v[0] == 'd' && v[1] == 'e';
}

/*
** Callers walk the matches with i = 0, 1, 2, ... (claim.c, event.c); each
** call used to start again at the entry's first record, reading
** (i + 1) * nrec records in all. The last answer is kept per thread, and
** a call for the next i on the same entry goes on from where it stopped.
** The key is the entry itself (lexicon, first record, count, language):
** the same entry gives the same records in any document.
*/
static _Thread_local struct {
  const lb_lex *lx;
  uint32_t rec0, nrec, k; /* k: the record of match i */
  int table, i, en;
} rec_last;

int lb_cl_rec(const lb_cl *c, uint32_t t, int table, int i, lb_lex_rec *r) {
  if (table < 0 || t >= c->d->tx.toks.n || c->nrec[t] == 0) return 0;
  /* the has bits are exact for these two tables (any language) */
  if ((table == c->t_rverb && !(c->has[t] & LB_CL_HAS_RVERB)) ||
      (table == c->t_event && !(c->has[t] & LB_CL_HAS_EVENT)))
    return 0;
  const lb_lex *lx = c->d->tx.lex;
  lb_lex_entry e = {c->rec0[t], c->nrec[t], 1, 0, ~0u, 0};
  uint32_t k = 0;
  int want = i;
  if (i > 0 && rec_last.lx == lx && rec_last.rec0 == e.rec0 && rec_last.nrec == e.nrec &&
      rec_last.table == table && rec_last.en == c->en && rec_last.i == i - 1) {
    k = rec_last.k + 1;
    want = 0;
  }
  for (; k < e.nrec; k++) {
    if (!lb_lex_rec_get(lx, &e, k, r) || r->table != table || !lang_ok(c, r)) continue;
    if (want-- == 0) {
      rec_last.lx = lx;
      rec_last.rec0 = e.rec0;
      rec_last.nrec = e.nrec;
      rec_last.k = k;
      rec_last.table = table;
      rec_last.i = i;
      rec_last.en = c->en;
      return 1;
    }
  }
  return 0;
}

static uint32_t fw_class(const char *f, int n) {
  static const struct {
    const char *name;
    uint32_t bit;
  } K[] = {{"prep", LB_FW_PREP},   {"acc", LB_FW_ACC},   {"subord", LB_FW_SUBORD},
           {"rel", LB_FW_REL},     {"neg", LB_FW_NEG},   {"modal", LB_FW_MODAL},
           {"hypo", LB_FW_HYPO},   {"aux", LB_FW_AUX},   {"pass", LB_FW_PASS},
           {"agent", LB_FW_AGENT}, {"zu", LB_FW_ZU},     {"coord", LB_FW_COORD},
           {"konj1", LB_FW_KONJ1}, {"pron", LB_FW_PRON}, {"irr", LB_FW_IRR},
           {"dem", LB_FW_DEM},     {"det", LB_FW_DET}};
  for (size_t i = 0; i < sizeof K / sizeof K[0]; i++)
    if ((int)strlen(K[i].name) == n && memcmp(K[i].name, f, (size_t)n) == 0) return K[i].bit;
  return 0;
}

int lb_cl_is(const lb_cl *c, uint32_t t, const char *w) {
  if (t >= c->d->tx.toks.n) return 0;
  const lb_tok *k = &c->d->tx.toks.v[t];
  size_t n = strlen(w);
  return k->norm && k->normlen == n && memcmp(k->norm, w, n) == 0;
}

int lb_cl_stem(const lb_cl *c, uint32_t t, const char *list, int n) {
  if (t >= c->d->tx.toks.n) return 0;
  const lb_tok *k = &c->d->tx.toks.v[t];
  if (!k->norm) return 0;
  const char *p = list, *end = list + n;
  while (p < end) {
    const char *q = memchr(p, '|', (size_t)(end - p));
    if (!q) q = end;
    size_t l = (size_t)(q - p);
    if (l && k->normlen >= l && memcmp(k->norm, p, l) == 0) return 1;
    p = q + 1;
  }
  return 0;
}

int lb_cl_konj(const lb_cl *c, uint32_t t, int wide) {
  if (t >= c->d->tx.toks.n) return 0;
  if (c->fw[t] & LB_FW_KONJ1) return 1;
  if (!wide || c->en || c->t_form < 0 || c->nrec[t] == 0) return 0;
  lb_lex_entry e = {c->rec0[t], c->nrec[t], 1, 0, ~0u, 0};
  int konj = 0;
  for (uint32_t k = 0; k < e.nrec; k++) {
    lb_lex_rec r;
    if (!lb_lex_rec_get(c->d->tx.lex, &e, k, &r) || r.table != c->t_form) continue;
    const char *f;
    int n = lb_lex_field(r.val, r.val_len, 2, &f);
    if (n <= 0) continue;
    char feat[128]; /* copied, not snprintf'd: a third of this function's cost */
    size_t fn = (size_t)n < sizeof feat - 1 ? (size_t)n : sizeof feat - 1;
    memcpy(feat, f, fn);
    feat[fn] = 0;
    if (strstr(feat, "PRÄ.S3") || strstr(feat, "PRÄ.P3") || strstr(feat, "PRT.S3") ||
        strstr(feat, "PRT.P3"))
      return 0; /* also an indicative: no sign of indirect speech */
    if (strstr(feat, "KJ1.S3") || strstr(feat, "KJ2.S3") || strstr(feat, "KJ2.P3")) konj = 1;
  }
  return konj;
}

/* Clause openers: see the header comment. Only dashes, punctuation and
** subordinating words can open a clause; analyse lists those tokens in
** cand[0..nc) (ascending) while it fills fw, so the sentences are walked
** over the list, not over every token: looking at every token's kind here
** was 3.2M Ir of 491M (callgrind, all stages on 1m.jsonl). */
static void mark_open(lb_cl *c, const uint32_t *cand, size_t nc) {
  lb_doc *d = c->d;
  /* locals: the stores into open (bytes) may alias anything */
  const lb_tok *toks = d->tx.toks.v;
  const uint32_t *fw = c->fw;
  const char *text = d->tx.text;
  uint8_t *open = c->open;
  uint32_t ntok = (uint32_t)d->tx.toks.n;
  for (size_t s = 0; s < d->tx.sents.n; s++) {
    const lb_sent *st = &d->tx.sents.v[s];
    if (st->tok0 < ntok) open[st->tok0] = 1;
    uint32_t end = st->tok1 < ntok ? st->tok1 : ntok;
    /* the first listed token >= tok0 */
    size_t lo = 0, hi = nc;
    while (lo < hi) {
      size_t mid = lo + (hi - lo) / 2;
      if (cand[mid] < st->tok0)
        lo = mid + 1;
      else
        hi = mid;
    }
    for (size_t i = lo; i < nc && cand[i] + 1 < end; i++) {
      uint32_t t = cand[i], nx = t + 1;
      const lb_tok *k = &toks[t];
      if (k->kind == LB_TOK_DASH) {
        open[nx] = 1;
      } else if (k->kind == LB_TOK_PUNCT) {
        if (k->end != k->start + 1) continue;
        char ch = text[k->start];
        if (ch == ';' || ch == ':') {
          open[nx] = 1;
        } else if (ch == ',') {
          uint32_t f = fw[nx];
          if (f & (LB_FW_SUBORD | LB_FW_REL)) {
            open[nx] = 1;
          } else if ((f & LB_FW_PREP) && nx + 1 < st->tok1 &&
                     (lb_cl_is(c, nx + 1, "denen") || lb_cl_is(c, nx + 1, "dessen") ||
                      lb_cl_is(c, nx + 1, "deren") || lb_cl_is(c, nx + 1, "welchen") ||
                      lb_cl_is(c, nx + 1, "welchem") || lb_cl_is(c, nx + 1, "which") ||
                      lb_cl_is(c, nx + 1, "whom"))) {
            open[nx] = 1;
          }
        }
      } else if ((fw[t] & LB_FW_SUBORD) && !c->en && t > st->tok0 && lb_cl_is(c, t, "dass")) {
        open[t] = 1;
      }
    }
  }
}

/*
** What the clause tables say about one lexicon entry, cached per thread.
** Reading a common German word's records (dozens of morphology records) for
** every token was 13% of a full extraction in callgrind on 1.5 MB of news.
** The entry of every token is in the document's memo already (lex/lexdoc.h),
** so only the entries whose table bits (lb_lex_may_have) allow a clause,
** rverb or event record -- function words and verbs, a few hundred -- get
** their records read, and those once per thread: the cache is keyed by the
** entry's first record, which no other entry shares. Before, a cache keyed
** by the token's bytes cost a hash and a memcmp per token: the analysis was
** 29.5M Ir self in callgrind of the all-stages run on 1m.jsonl (491M), and
** is 11.3M with this, the list for mark_open and no zeroing of its arrays.
*/
typedef struct ec_slot {
  const lb_lex *lx;
  uint32_t rec0, nrec, fw;
  uint8_t has, en;
} ec_slot;
#define EC_SLOTS 1024
static _Thread_local ec_slot ecache[EC_SLOTS];

/* Fill the cache slot of the entry whose records are [rec0, rec0 + nrec)
** (analyse looks the slot up itself first; the entry goes by value so
** that analyse's copy stays in registers). */
static const ec_slot *entry_info(const lb_cl *c, uint32_t rec0, uint32_t nrec) {
  const lb_lex *lx = c->d->tx.lex;
  lb_lex_entry ent = {rec0, nrec, 1, 0, ~0u, 0}, *e = &ent;
  ec_slot *es = &ecache[(rec0 * 2654435761u) >> 22];
  es->lx = lx;
  es->rec0 = rec0;
  es->nrec = nrec;
  es->en = (uint8_t)c->en;
  es->fw = 0;
  es->has = 0;
  /* one pass over the entry's records: function-word classes, and which
  ** tokens claim.c and event.c need to look at again */
  for (uint32_t j = 0; j < e->nrec; j++) {
    lb_lex_rec r;
    if (!lb_lex_rec_get(lx, e, j, &r)) continue;
    if (r.table == c->t_rverb)
      es->has |= LB_CL_HAS_RVERB;
    else if (r.table == c->t_event)
      es->has |= LB_CL_HAS_EVENT;
    else if (r.table == c->t_clause && lang_ok(c, &r)) {
      const char *f;
      int fl = lb_lex_field(r.val, r.val_len, 1, &f);
      if (fl > 0) es->fw |= fw_class(f, fl);
    }
  }
  return es;
}

/* The analysis of document d (see lb_cl_run). */
static lb_cl *analyse(lb_doc *d) {
  lb_cl *c = lb_arena_calloc(d->tx.arena, 1, sizeof *c);
  c->d = d;
  c->en = d->tx.lang && strcmp(d->tx.lang, "en") == 0;
  c->t_clause = lb_lex_table(d->tx.lex, "clause");
  c->t_rverb = lb_lex_table(d->tx.lex, "rverb");
  c->t_event = lb_lex_table(d->tx.lex, "event");
  c->t_cameo = lb_lex_table(d->tx.lex, "cameo");
  c->t_form = lb_lex_table(d->tx.lex, "form");
  size_t n = d->tx.toks.n ? d->tx.toks.n : 1;
  /* every token's slot is written below: no zeroing first */
  c->fw = lb_arena_alloc(d->tx.arena, n * sizeof *c->fw);
  c->rec0 = lb_arena_alloc(d->tx.arena, n * sizeof *c->rec0);
  c->nrec = lb_arena_alloc(d->tx.arena, n * sizeof *c->nrec);
  c->maxt = lb_arena_alloc(d->tx.arena, n);
  c->ment = d->ent_refs;
  c->open = lb_arena_calloc(d->tx.arena, n, 1);
  c->has = lb_arena_alloc(d->tx.arena, n);
  /* the tables whose records say something here */
  uint32_t want = 0;
  if (c->t_clause >= 0) want |= 1u << (c->t_clause < 31 ? c->t_clause : 31);
  if (c->t_rverb >= 0) want |= 1u << (c->t_rverb < 31 ? c->t_rverb : 31);
  if (c->t_event >= 0) want |= 1u << (c->t_event < 31 ? c->t_event : 31);
  /* the entity stage has looked most tokens up already (lex/lexdoc.c) */
  const lb_lexdoc_memo *memo = lb_lexdoc_memos(&d->tx);
  /* locals: the byte stores (maxt, has) may alias anything, and reloading
  ** c's array pointers and d->tx.toks every token cost ~20% of this loop */
  const lb_tok *toks = d->tx.toks.v;
  uint32_t *fw = c->fw, *rec0 = c->rec0, *nrec = c->nrec;
  uint8_t *maxt = c->maxt, *has = c->has;
  const lb_lex *lx = d->tx.lex;
  uint8_t en = (uint8_t)c->en;
  size_t ntok = d->tx.toks.n, nc = 0;
  uint32_t *cand = lb_arena_alloc(d->tx.arena, n * sizeof *cand);
  for (size_t t = 0; t < ntok; t++) {
    const lb_tok *k = &toks[t];
    uint32_t r0 = 0, nr = 0, mt = 0, tb = 0;
    int found = 0;
    if (k->kind == LB_TOK_WORD && k->norm) {
      lb_lex_entry e;
      if ((found = lb_lexdoc_tok_memo(&d->tx, memo, t, &e)) != 0)
        r0 = e.rec0, nr = e.nrec, mt = e.maxtoks, tb = e.tables;
    }
    if (!found) {
      rec0[t] = nrec[t] = fw[t] = 0;
      maxt[t] = has[t] = 0;
      /* what may open a clause (mark_open): dashes and punctuation */
      cand[nc] = (uint32_t)t;
      nc += ((1u << k->kind) & ((1u << LB_TOK_DASH) | (1u << LB_TOK_PUNCT))) != 0;
      continue;
    }
    uint32_t f = 0;
    uint8_t h = 0;
    rec0[t] = r0;
    nrec[t] = nr;
    maxt[t] = mt > 255 ? 255 : (uint8_t)mt;
    if (tb & want) {
      const ec_slot *es = &ecache[(r0 * 2654435761u) >> 22];
      if (!(es->rec0 == r0 && es->lx == lx && es->nrec == nr && es->en == en))
        es = entry_info(c, r0, nr);
      f = es->fw;
      h = es->has;
      /* and subordinating words ("dass") */
      cand[nc] = (uint32_t)t;
      nc += (f & LB_FW_SUBORD) != 0;
    }
    fw[t] = f;
    has[t] = h;
  }
  mark_open(c, cand, nc);
  return c;
}

void lb_cl_run(lb_doc *d) {
  assert(!d->clause); /* once per document */
  if (!d->tx.lex) return;
  /* the "lexicon" stages and "mentions" have run */
  assert(d->tx.lexdoc || !d->tx.toks.n);
  assert(d->ent_refs || !d->tx.toks.n);
  d->clause = analyse(d);
}

void lb_cl_bounds(const lb_cl *c, int32_t s, uint32_t t, uint32_t *a, uint32_t *b) {
  const lb_sent *st = &c->d->tx.sents.v[s];
  uint32_t x = t;
  while (x > st->tok0 && !c->open[x])
    x--;
  uint32_t y = t + 1;
  while (y < st->tok1 && !c->open[y])
    y++;
  *a = x;
  *b = y;
}

/* A lower-case word that can stand inside a noun phrase before its noun:
** article, adjective, adverb ("die neu verstärkten"). */
static int np_inner(const lb_cl *c, uint32_t t) {
  const lb_tok *k = &c->d->tx.toks.v[t];
  if (k->kind != LB_TOK_WORD) return 0;
  if (c->fw[t] & (LB_FW_PREP | LB_FW_SUBORD | LB_FW_NEG | LB_FW_AUX | LB_FW_MODAL | LB_FW_COORD))
    return 0;
  if (c->en) return !(k->flags & LB_TF_CAP) || (c->fw[t] & LB_FW_DET);
  return !(k->flags & LB_TF_CAP) || (c->fw[t] & (LB_FW_DET | LB_FW_DEM));
}

int lb_cl_args(const lb_cl *c, uint32_t a, uint32_t b, lb_cl_arg *out, int max) {
  const lb_doc *d = c->d;
  int n = 0;
  for (uint32_t t = a; t < b && n < max; t++) {
    int32_t e = c->ment[t].ent;
    if (e < 0) continue;
    int32_t m = c->ment[t].men;
    const lb_mention *mn = &d->entities.v[e].mentions.v[m];
    if (t != a && t != mn->tok0 && c->ment[t - 1].ent == e && c->ment[t - 1].men == m) continue;
    lb_cl_arg *g = &out[n++];
    g->ent = e;
    g->men = m;
    g->tok0 = t;
    g->tok1 = mn->tok1 < b ? mn->tok1 : b;
    /* "russische Städte": an adjective mention takes its noun along */
    if (g->tok1 < b && (mn->role == LB_ROLE_ADJ) && c->ment[g->tok1].ent < 0 &&
        d->tx.toks.v[g->tok1].kind == LB_TOK_WORD && (d->tx.toks.v[g->tok1].flags & LB_TF_CAP))
      g->tok1++;
    g->prep = -1;
    g->role = LB_ARG_SUBJ;
    /* walk back over articles and adjectives to what governs the phrase */
    uint32_t x = t;
    int steps = 0, acc = 0, det = 0;
    if (!c->en && (lb_cl_is(c, t, "des") || lb_cl_is(c, t, "der"))) det = 1; /* "des Kremls" */
    while (x > a && steps < 5) {
      uint32_t p = x - 1;
      const lb_tok *k = &d->tx.toks.v[p];
      if (c->fw[p] & LB_FW_PREP) {
        g->prep = (int32_t)p;
        g->role = LB_ARG_PREP;
        break;
      }
      if (k->kind == LB_TOK_NUM) break;
      if (c->ment[p].ent >= 0) break;
      /* a lower-case word right before an article is a verb, not an adjective */
      if (!np_inner(c, p) ||
          (!(c->fw[p] & (LB_FW_DET | LB_FW_DEM | LB_FW_ACC)) && (c->fw[p + 1] & LB_FW_DET))) {
        /* a noun before "des/der X" or "of X": genitive attribute */
        if (det && k->kind == LB_TOK_WORD && (k->flags & LB_TF_CAP) && !c->en) g->role = LB_ARG_GEN;
        break;
      }
      if (c->fw[p] & LB_FW_ACC) acc = 1;
      if (lb_cl_is(c, p, "des") || lb_cl_is(c, p, "der"))
        det = 1;
      else
        det = 0;
      x = p;
      steps++;
    }
    if (g->role == LB_ARG_PREP && c->en && lb_cl_is(c, (uint32_t)g->prep, "of"))
      g->role = LB_ARG_GEN;
    if (g->role == LB_ARG_SUBJ && acc) g->role = LB_ARG_OBJ;
    t = g->tok1 - 1;
  }
  return n;
}

const char *lb_cl_mood(const lb_cl *c, uint32_t a, uint32_t b, uint32_t v) {
  int neg = 0, modal = 0, hypo = 0;
  for (uint32_t t = a; t < b; t++) {
    uint32_t f = c->fw[t];
    if (t > v + 1 && (f & LB_FW_COORD)) break; /* the next conjunct has its own mood */
    if ((f & LB_FW_NEG) && !lb_cl_is(c, t + 1, "nur") && !lb_cl_is(c, t + 1, "only")) neg = 1;
    if (f & LB_FW_MODAL) modal = 1;
  }
  uint32_t first = a;
  if (first < b && c->d->tx.toks.v[first].kind == LB_TOK_PUNCT) first++;
  if (first < b && (c->fw[first] & LB_FW_HYPO)) hypo = 1;
  if (v > a && (c->fw[v - 1] & LB_FW_ZU) && !(c->d->tx.toks.v[v].flags & LB_TF_CAP)) hypo = 1;
  if (neg) return "negated";
  if (modal) return "modal";
  if (hypo) return "hypothetical";
  return NULL;
}

const char *lb_cl_actor(const lb_cl *c, int32_t ent, int32_t men) {
  if (ent < 0 || (size_t)ent >= c->d->entities.n) return NULL;
  const lb_entity *e = &c->d->entities.v[ent];
  if (men >= 0 && (size_t)men < e->mentions.n && e->mentions.v[men].actor)
    return e->mentions.v[men].actor;
  return e->actor;
}

uint32_t lb_cl_np_end(const lb_cl *c, uint32_t t0, uint32_t limit, int max) {
  const lb_doc *d = c->d;
  uint32_t i = t0, last = t0;
  int head = 0; /* a noun or name was seen: only a genitive or "und" may follow */
  while (i < limit && (int)(i - t0) < max) {
    const lb_tok *k = &d->tx.toks.v[i];
    if (k->kind != LB_TOK_WORD && k->kind != LB_TOK_ABBR) break;
    if (c->fw[i] & (LB_FW_SUBORD | LB_FW_AUX | LB_FW_MODAL)) break;
    if ((k->flags & LB_TF_CAP) || c->ment[i].ent >= 0 ||
        ((k->flags & LB_TF_DIGIT) && (k->flags & LB_TF_HYPH))) { /* "der 73-Jährige" */
      i++;
      last = i;
      head = 1;
      continue;
    }
    if ((c->fw[i] & LB_FW_COORD) && i + 1 < limit) {
      i++;
      head = 0;
      continue;
    }
    if (c->en) { /* English nouns are lower case: stop at prepositions and verbs */
      if (c->fw[i] & (LB_FW_PREP | LB_FW_NEG | LB_FW_REL | LB_FW_PASS)) break;
      lb_lex_rec r;
      if (i > t0 && (lb_cl_rec(c, i, c->t_rverb, 0, &r) || lb_cl_rec(c, i, c->t_event, 0, &r)))
        break; /* a known verb form */
      i++;
      last = i;
      continue;
    }
    if (head && !lb_cl_is(c, i, "des") && !lb_cl_is(c, i, "der")) break;
    if (np_inner(c, i) && i + 1 < limit) {
      i++;
      continue;
    }
    break;
  }
  return last;
}
