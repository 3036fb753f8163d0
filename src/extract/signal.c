/*
** signal.c -- signals about the text (signal.h, docs/signals.md).
**
** One pass over the tokens with one lexicon look-up per word (imperial
** units, spelling variants), one pass over the headings, one over the
** sentences (duplicates, sorted) and a look at the dates and numbers the
** earlier stages found. Each signal names the rule that raised it.
*/
#include "signal.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "../doc/doc.h"
#include "../lex/lex.h"
#include "../lex/lexdoc.h"
#include "../text/norm.h"
#include "num.h"

static void add(lb_doc *d, const char *kind, uint32_t start, uint32_t end, const char *detail,
                const char *rule) {
  lb_signal *s = LB_VEC_PUSH(d->tx.arena, d->signals);
  s->kind = kind;
  s->start = start;
  s->end = end;
  s->detail = detail;
  s->rule = rule;
}

static int field(const lb_lex_rec *r, int i, const char **f) {
  return lb_lex_field(r->val, r->val_len, i, f);
}

/* A name seen with one spelling: NAME (lexicon string) and first spelling. */
typedef struct seen {
  const char *name, *spell;
  int namelen, spelllen;
  uint8_t reported;
} seen;

#define MAXSEEN 64

static void words(lb_doc *d, int german) {
  int t_unit = lb_num_tables(d->tx.lex)->unit;
  int t_var = lb_num_tables(d->tx.lex)->spellvar;
  seen sv[MAXSEEN];
  int nsv = 0;
  if (!d->tx.toks.n) return;
  /* the marks of all tokens (stage "marks"); few words are in the unit or
  ** spellvar tables, so the mark is read first (the call per capitalised
  ** word was 1.9M Ir of 491M, all stages on 1m.jsonl) */
  const uint16_t *mark = d->nummark;
  assert(mark); /* the "marks" stage has run */
  size_t ntok = d->tx.toks.n;
  for (size_t i = 0; i < ntok; i++) {
    /* four marks at a time (little or big endian: the bit is in each lane) */
    if (!(i & 3) && i + 4 <= ntok) {
      uint64_t four;
      memcpy(&four, mark + i, 8);
      if (!(four & (0x0001000100010001ULL * LB_NUMM_SIG))) {
        i += 3;
        continue;
      }
    }
    if (!(mark[i] & LB_NUMM_SIG)) continue;
    const lb_tok *t = &d->tx.toks.v[i];
    if (t->kind != LB_TOK_WORD || !t->norm || !(t->flags & LB_TF_CAP)) continue;
    lb_lex_entry e;
    if (!lb_lexdoc_tok(&d->tx, i, &e)) continue;
    lb_lex_rec r;
    int var = 0;
    for (uint32_t k = 0; k < e.nrec; k++) {
      if (!lb_lex_rec_get(d->tx.lex, &e, k, &r)) continue;
      const char *f;
      if (german && r.table == t_unit && field(&r, 4, &f) == 8 && !memcmp(f, "imperial", 8))
        add(d, "imperial_unit", t->start, t->end, lb_text_span(&d->tx, t->start, t->end),
            "de:sig:imperial-unit");
      if (r.table == t_var) var = 1;
    }
    if (!var) continue;
    size_t n = (size_t)lb_num_phrase(d, i, d->tx.toks.n, t_var, 3, &r);
    if (!n) continue;
    const char *name, *spell;
    int nl = field(&r, 0, &name), sl = field(&r, 1, &spell);
    if (nl <= 0 || sl <= 0) continue;
    int found = 0;
    for (int k = 0; k < nsv; k++) {
      if (sv[k].namelen != nl || memcmp(sv[k].name, name, (size_t)nl)) continue;
      found = 1;
      if (!sv[k].reported && (sv[k].spelllen != sl || memcmp(sv[k].spell, spell, (size_t)sl))) {
        sv[k].reported = 1;
        uint32_t end = d->tx.toks.v[i + n - 1].end;
        add(d, "mixed_spelling", t->start, end,
            lb_arena_printf(d->tx.arena, "%.*s/%.*s", sv[k].spelllen, sv[k].spell, sl, spell),
            "sig:spellvar");
      }
    }
    if (!found && nsv < MAXSEEN) {
      sv[nsv].name = name;
      sv[nsv].namelen = nl;
      sv[nsv].spell = spell;
      sv[nsv].spelllen = sl;
      sv[nsv].reported = 0;
      nsv++;
    }
    i += n - 1;
  }
}

/* Last word of a mention, case-folded, without a genitive -s. */
static size_t last_word(const lb_doc *d, const lb_mention *m, char *out, size_t cap) {
  uint32_t a = m->start, b = m->end;
  for (uint32_t k = b; k > a; k--)
    if (d->tx.text[k - 1] == ' ' || d->tx.text[k - 1] == '-') {
      a = k;
      break;
    }
  uint32_t kn;
  const char *key = lb_norm_key_arena(d->tx.arena, d->tx.text + a, b - a, &kn);
  size_t n = kn < cap - 1 ? kn : cap - 1;
  memcpy(out, key, n);
  /* genitive: "Trumps", "France's", "Syria\u2019s" */
  if (n > 2 && out[n - 1] == 's' && out[n - 2] == '\'') n -= 2;
  else if (n > 4 && out[n - 1] == 's' && (unsigned char)out[n - 2] == 0x99 &&
           (unsigned char)out[n - 3] == 0x80 && (unsigned char)out[n - 4] == 0xe2)
    n -= 4;
  else if (n > 3 && out[n - 1] == 's')
    n--;
  out[n] = 0;
  return n;
}

/* Edit distance of two short strings (bytes), capped at 9. */
static int distance(const char *a, size_t na, const char *b, size_t nb) {
  if (na > 31 || nb > 31) return 9;
  int row[32];
  for (size_t j = 0; j <= nb; j++) row[j] = (int)j;
  for (size_t i = 1; i <= na; i++) {
    int prev = row[0];
    row[0] = (int)i;
    for (size_t j = 1; j <= nb; j++) {
      int cur = row[j];
      int sub = prev + (a[i - 1] != b[j - 1]);
      int del = row[j] + 1, ins = row[j - 1] + 1;
      row[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
      prev = cur;
    }
  }
  return row[nb] > 9 ? 9 : row[nb];
}

/* One entity named with two similar but different words ("Selenskyj" and
** "Zelensky" both resolved to Q3874799): different transliterations. */
static void entity_spellings(lb_doc *d) {
  /* the word list's mixed spellings (words: at most one per name it keeps,
  ** MAXSEEN), not every signal so far: imperial units have no bound */
  size_t said[MAXSEEN], nsaid = 0;
  for (size_t k = 0; k < d->signals.n && nsaid < MAXSEEN; k++)
    if (!strcmp(d->signals.v[k].kind, "mixed_spelling")) said[nsaid++] = k;
  enum { MAXW = 16 };
  char words[MAXW][64];
  size_t wlen[MAXW];
  const lb_mention *wm[MAXW];
  for (size_t e = 0; e < d->entities.n; e++) {
    const lb_entity *en = &d->entities.v[e];
    /* the distinct last words of the entity's names, in text order */
    size_t nw = 0;
    int done = 0;
    for (size_t j = 0; j < en->mentions.n && nw < MAXW && !done; j++) {
      const lb_mention *mj = &en->mentions.v[j];
      if (mj->role != LB_ROLE_NAME && mj->role != LB_ROLE_PLACE) continue;
      size_t nj = last_word(d, mj, words[nw], sizeof words[nw]);
      if (nj < 4) continue;
      int again = 0;
      for (size_t i = 0; i < nw && !again; i++)
        again = wlen[i] == nj && !memcmp(words[i], words[nw], nj);
      if (again) continue;
      for (size_t i = 0; i < nw && !done; i++) {
        const char *wi = words[i], *wj = words[nw];
        size_t ni = wlen[i];
        /* a derived form: "Iraq"/"Iraqi", "Russland"/"Russlands" */
        size_t lo = ni < nj ? ni : nj;
        if (!memcmp(wi, wj, lo) && (ni > nj ? ni - nj : nj - ni) <= 3) continue;
        int dist = distance(wi, ni, wj, nj);
        size_t lim = (ni > nj ? ni : nj) / 2;
        if (dist > (int)lim || dist > 3) continue;
        done = 1; /* one signal per entity */
        /* the word list may have said so already */
        int dup = 0;
        for (size_t k = 0; k < nsaid; k++)
          if (d->signals.v[said[k]].start < mj->end && mj->start < d->signals.v[said[k]].end)
            dup = 1;
        const lb_mention *mi = wm[i];
        if (!dup)
          add(d, "mixed_spelling", mj->start, mj->end,
              lb_arena_printf(d->tx.arena, "%.*s/%.*s", (int)(mi->end - mi->start),
                              d->tx.text + mi->start, (int)(mj->end - mj->start),
                              d->tx.text + mj->start),
              "sig:entity-spelling");
      }
      wlen[nw] = nj;
      wm[nw] = mj;
      nw++;
    }
  }
}

/* English Title Case in a German heading: every word capitalised, including
** two words German writes in lower case, not at the start. */
static void headings(lb_doc *d) {
  int t_fw = lb_num_tables(d->tx.lex)->sigfw;
  for (size_t s = 0; s < d->tx.sents.n; s++) {
    const lb_sent *st = &d->tx.sents.v[s];
    if (!st->headline) continue;
    int nwords = 0, ncap = 0, nfw = 0;
    for (size_t i = st->tok0; i < st->tok1; i++) {
      const lb_tok *t = &d->tx.toks.v[i];
      if (t->kind != LB_TOK_WORD) continue;
      nwords++;
      if (t->flags & LB_TF_CAP) {
        ncap++;
        lb_lex_rec r;
        if (i > st->tok0 && t->norm && lb_lexdoc_find(&d->tx, i, t_fw, &r)) nfw++;
      }
    }
    if (nwords >= 4 && ncap == nwords && nfw >= 2)
      add(d, "title_case_heading", st->start, st->end, lb_text_span(&d->tx, st->start, st->end),
          "de:sig:title-case");
  }
}

/* Opening “ (U+201C) in a German text that also opens quotes with „ (the
** German way): two conventions in one text, a sign of copied passages. */
static void quotes(lb_doc *d) {
  int german = 0;
  const lb_tok *first = NULL;
  const lb_tok *toks = d->tx.toks.v;
  size_t ntok = d->tx.toks.n;
  for (size_t i = 0; i < ntok; i++) {
    const lb_tok *t = &toks[i];
    if (t->kind != LB_TOK_QUOTE || t->end - t->start != 3) continue;
    const char *q = d->tx.text + t->start;
    if (!memcmp(q, "\xe2\x80\x9e", 3)) {
      german = 1;
      if (first) break;
      continue;
    }
    if (first || !(t->flags & LB_TF_OPEN) || memcmp(q, "\xe2\x80\x9c", 3)) continue;
    /* an opening quote sticks to the word after it ("„Legostein “" does not) */
    if (t->end >= d->tx.len) continue;
    unsigned char nx = (unsigned char)d->tx.text[t->end];
    if (nx >= 0x80 || (nx >= '0' && nx <= '9') || ((nx | 0x20) >= 'a' && (nx | 0x20) <= 'z')) {
      first = t;
      if (german) break;
    }
  }
  if (german && first) add(d, "english_quotes", first->start, first->end, "\xe2\x80\x9c", "de:sig:quotes");
}

/* Numbers and dates written the English way in German text. */
static void formats(lb_doc *d) {
  for (size_t i = 0; i < d->dates.n; i++) {
    const lb_date *t = &d->dates.v[i];
    if (t->rule && strstr(t->rule, ":month-day"))
      add(d, "english_date_format", t->start, t->end, lb_text_span(&d->tx, t->start, t->end),
          "de:sig:date-format");
  }
  for (size_t i = 0; i < d->quantities.n; i++) {
    const lb_quantity *q = &d->quantities.v[i];
    /* the first digit token of the quantity */
    for (uint32_t k = q->start; k < q->end; k++) {
      char ch = d->tx.text[k];
      if (ch < '0' || ch > '9') continue;
      uint32_t e = k;
      while (e < q->end && ((d->tx.text[e] >= '0' && d->tx.text[e] <= '9') ||
                            d->tx.text[e] == '.' || d->tx.text[e] == ','))
        e++;
      while (e > k && (d->tx.text[e - 1] == '.' || d->tx.text[e - 1] == ','))
        e--;
      double v;
      unsigned fl;
      int ok = lb_num_parse(d->tx.text + k, e - k, 1, &v, &fl) == LB_NUM_OK; /* once, not twice */
      if (ok && (fl & LB_NUMF_EN_DEC))
        add(d, "english_number_format", k, e, lb_text_span(&d->tx, k, e), "de:sig:number-format");
      else if (ok && (fl & LB_NUMF_GROUPED) && memchr(d->tx.text + k, ',', e - k) &&
               !memchr(d->tx.text + k, '.', e - k))
        add(d, "english_number_format", k, e, lb_text_span(&d->tx, k, e), "de:sig:number-format");
      break;
    }
  }
}

/* Sentences in the order of their bytes (length first), the earlier of
** equal ones first. */
static int sent_cmp(const void *a, const void *b, void *doc) {
  const lb_doc *sent_doc = doc;
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  const lb_sent *p = &sent_doc->tx.sents.v[x], *q = &sent_doc->tx.sents.v[y];
  uint32_t np = p->end - p->start, nq = q->end - q->start;
  if (np != nq) return np < nq ? -1 : 1;
  int c = memcmp(sent_doc->tx.text + p->start, sent_doc->tx.text + q->start, np);
  if (c) return c;
  return (x > y) - (x < y);
}

/*
** The same long sentence twice: copied or stitched text. Each repeat names
** the first sentence with its bytes. The sentences are sorted, so equal ones
** meet: O(n log n) comparisons, each stopping at the first difference. (A
** hash table over samples of each sentence was quicker on news, but text
** made to agree in the samples put every sentence on one chain: quadratic.)
*/
static void duplicates(lb_doc *d) {
  size_t n = d->tx.sents.n;
  if (n < 2) return;
  uint32_t *ix = lb_arena_alloc(d->tx.arena, n * sizeof *ix);
  size_t m = 0;
  for (size_t s = 0; s < n; s++)
    if (d->tx.sents.v[s].tok1 - d->tx.sents.v[s].tok0 >= 8) ix[m++] = (uint32_t)s;
  if (m < 2) return;
  qsort_r(ix, m, sizeof *ix, sent_cmp, d);
  /* same[s]: the first sentence with the bytes of sentence s, or s */
  uint32_t *same = lb_arena_alloc(d->tx.arena, n * sizeof *same);
  for (size_t s = 0; s < n; s++)
    same[s] = (uint32_t)s;
  for (size_t k = 1; k < m; k++) {
    const lb_sent *p = &d->tx.sents.v[ix[k - 1]], *q = &d->tx.sents.v[ix[k]];
    if (p->end - p->start == q->end - q->start &&
        !memcmp(d->tx.text + p->start, d->tx.text + q->start, q->end - q->start))
      same[ix[k]] = same[ix[k - 1]];
  }
  for (size_t s = 0; s < n; s++) {
    if (same[s] == s) continue;
    const lb_sent *st = &d->tx.sents.v[s];
    add(d, "duplicate_sentence", st->start, st->end,
        lb_arena_printf(d->tx.arena, "same as the sentence at byte %u",
                        d->tx.sents.v[same[s]].start),
        "sig:duplicate");
  }
}

/* Signals by start, in the order they were found where two start at the
** same byte (a stable sort: qsort with the index as the last key). */
typedef struct sig_at {
  lb_signal s;
  size_t i;
} sig_at;
static int sig_cmp(const void *a, const void *b) {
  const sig_at *x = a, *y = b;
  if (x->s.start != y->s.start) return x->s.start < y->s.start ? -1 : 1;
  return (x->i > y->i) - (x->i < y->i);
}

void lb_sig_run(lb_doc *d) {
  int german = d->tx.lang && !strcmp(d->tx.lang, "de");
  if (d->tx.lex) {
    words(d, german);
    entity_spellings(d);
    if (german) headings(d);
  }
  if (german) {
    quotes(d);
    formats(d);
  }
  duplicates(d);
  /* text order */
  size_t n = d->signals.n;
  if (n < 2) return;
  sig_at *v = lb_arena_alloc(d->tx.arena, n * sizeof *v);
  for (size_t i = 0; i < n; i++)
    v[i] = (sig_at){d->signals.v[i], i};
  qsort(v, n, sizeof *v, sig_cmp);
  for (size_t i = 0; i < n; i++)
    d->signals.v[i] = v[i].s;
}
