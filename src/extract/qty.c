/*
** qty.c -- quantities with bounds and units (qty.h).
**
** For each sentence the stage walks the tokens and reads, where it finds
** one, a number expression:
**
**   [modifier] NUMBER [multiplier] [range] [von|of] [adjectives] [HEAD NOUN]
**
** A modifier (table qmod: "nahezu", "über", "bis zu") sets approx and bounds;
** a NUMBER is a digit token (num.h decides "50.000" vs "3,5"), a word numeral
** or a vague one ("Tausende": bounds only, table num); the head noun (table
** unit) gives unit and category, converted to metric where the table says
** so. Traps are skipped: numbers inside dates ("2024"), times and scores
** (tokens with a colon, "14.30 Uhr"), "Nr. 5" (table qstop), phone numbers.
** Then each quantity gets its claim (the claim span that holds it), `of`
** (an adjective mention inside the phrase, else the nearest actor before it
** in the clause) and `place` (the nearest place of the sentence, else of the
** two sentences before).
*/
#include "qty.h"

#include <assert.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../doc/doc.h"
#include "../lex/lex.h"
#include "num.h"

/* A mention in the position index (ctx.men): every mention of the document
** by start, then entity and mention index (the order of a scan over
** entities and their mentions, which decides ties). */
typedef struct men_at {
  uint32_t start;
  int32_t ent, men;
} men_at;

typedef struct ctx {
  lb_doc *d;
  const lb_num_tabs *T; /* the lexicon tables (lb_num_tables) */
  int german;
  const char *lang;
  size_t s0, s1;
  int32_t sent;
  size_t date_i; /* cursor into d->dates (sorted by start) */
  const uint16_t *mk; /* d->nummark (lb_num_mark), NULL without tokens */
  size_t ntoks;
  men_at *men; /* the mentions by position, built at the first quantity */
  size_t nmen;
} ctx;

/* lb_num_mark(c->d, i), read from the document's array: the stage asks
** ~340k times on 1m.jsonl, and the calls were ~9M Ir (callgrind). */
static unsigned mark(const ctx *c, size_t i) { return i < c->ntoks ? c->mk[i] : 0; }

static int fieldhas(const lb_lex_rec *r, int i, const char *w) {
  const char *f;
  int n = lb_lex_field(r->val, r->val_len, i, &f);
  size_t wl = strlen(w);
  for (int k = 0; n > 0 && k + (int)wl <= n; k++)
    if (!memcmp(f + k, w, wl) && (k == 0 || f[k - 1] == ' ') &&
        (k + (int)wl == n || f[k + wl] == ' '))
      return 1;
  return 0;
}
static const lb_tok *tok(ctx *c, size_t i) { return i < c->s1 ? &c->d->tx.toks.v[i] : NULL; }
static int is_word(const lb_tok *t) { return t && (t->kind == LB_TOK_WORD || t->kind == LB_TOK_ABBR) && t->norm; }
static int tok_is(ctx *c, size_t i, const char *w) {
  const lb_tok *t = tok(c, i);
  return t && t->norm && t->normlen == strlen(w) && !memcmp(t->norm, w, t->normlen);
}

/* The date that covers byte offset off, or NULL (dates are sorted). */
static const lb_date *date_at(ctx *c, uint32_t off) {
  const lb_doc *d = c->d;
  while (c->date_i > 0 && d->dates.v[c->date_i - 1].end > off) c->date_i--;
  while (c->date_i < d->dates.n && d->dates.v[c->date_i].end <= off) c->date_i++;
  for (size_t k = c->date_i; k < d->dates.n && d->dates.v[k].start <= off; k++)
    if (d->dates.v[k].end > off) return &d->dates.v[k];
  return NULL;
}

/* A parsed number: exact value or bounds. */
typedef struct num {
  size_t i0, i1;   /* tokens [i0, i1) */
  double mult;     /* multiplier applied ("Millionen"), 1 when none */
  unsigned flags;  /* LB_NUMF_* of a digit number */
  int vague, weak, word;
  double value, min, max; /* max < 0: open */
} num;

/* A citation code after a number: an all-capital or CamelCase short word
** the unit table does not know ("GG", "SGB", "BvR", "PatG"). */
static int citation(ctx *c, size_t i) {
  const lb_tok *t = tok(c, i);
  if (!t || t->kind != LB_TOK_WORD || (t->flags & LB_TF_HYPH) || t->end - t->start > 8) return 0;
  int upper = 0;
  for (uint32_t k = t->start; k < t->end; k++) {
    unsigned char ch = (unsigned char)c->d->tx.text[k];
    if (ch >= 'A' && ch <= 'Z') upper++;
  }
  return upper >= 2 && !(mark(c, i) & LB_NUMM_UNIT);
}

/* Is a digit token at i a plausible count (not a phone number, time, id)? */
static int count_token(ctx *c, size_t i) {
  const lb_tok *t = &c->d->tx.toks.v[i];
  if (t->kind != LB_TOK_NUM || (t->flags & LB_TF_COLON)) return 0;
  const char *s = c->d->tx.text + t->start;
  size_t n = t->end - t->start;
  if (n > 1 && s[0] == '0' && s[1] != '.' && s[1] != ',') return 0; /* "030" */
  if (i > c->s0) {
    const lb_tok *p = &c->d->tx.toks.v[i - 1];
    if (p->kind == LB_TOK_NUM) return 0;
    if (p->kind == LB_TOK_SYM && p->end == t->start && strchr("+/#^", c->d->tx.text[p->start]))
      return 0;
    lb_lex_rec r;
    if ((mark(c, i - 1) & LB_NUMM_STOP) &&
        lb_num_phrase(c->d, i - 1, i, c->T->qstop, 3, &r) && fieldhas(&r, 0, "before"))
      return 0;
    if (p->kind == LB_TOK_SYM && c->d->tx.text[p->start] == '/' && i >= c->s0 + 2 &&
        c->d->tx.toks.v[i - 2].kind == LB_TOK_NUM)
      return 0; /* "030 / 1234" */
  }
  const lb_tok *nx = tok(c, i + 1);
  if (nx && nx->kind == LB_TOK_PUNCT && nx->start == t->end && c->d->tx.text[nx->start] == '.' &&
      i + 2 < c->d->tx.toks.n) {
    /* "100. Platz": an ordinal the sentence splitter cut off */
    lb_lex_rec r;
    if ((mark(c, i + 2) & LB_NUMM_STOP) &&
        lb_num_phrase(c->d, i + 2, c->d->tx.toks.n, c->T->qstop, 3, &r) &&
        fieldhas(&r, 0, "ordinal"))
      return 0;
  }
  if (nx) {
    if (nx->kind == LB_TOK_NUM && (nx->flags & LB_TF_SPACE)) return 0; /* "030 1234 567" */
    if (nx->kind == LB_TOK_WORD && nx->norm && nx->end - nx->start == 1) return 0; /* "§ 2 a" */
    if (citation(c, i + 1)) return 0; /* "4 GG", "2 BvR", "6 AZR" */
    if (nx->kind == LB_TOK_SYM && nx->start == t->end && nx->end - nx->start == 1 &&
        (c->d->tx.text[nx->start] == '/' || c->d->tx.text[nx->start] == '^'))
      return 0;
    lb_lex_rec r;
    if ((mark(c, i + 1) & LB_NUMM_STOP) &&
        lb_num_phrase(c->d, i + 1, i + 2, c->T->qstop, 3, &r) && fieldhas(&r, 0, "after"))
      return 0;
  }
  return 1;
}

/* A digit number at i (with an optional multiplier after it). */
static int digits_at(ctx *c, size_t i, num *o) {
  const lb_tok *t = tok(c, i);
  if (!t || !count_token(c, i)) return 0;
  double v;
  unsigned fl;
  int st = lb_num_parse(c->d->tx.text + t->start, t->end - t->start, c->german, &v, &fl);
  if (st == LB_NUM_HUGE) {
    lb_text_warn(&c->d->tx, "number at byte %u has more digits than a count can hold; skipped",
                 t->start);
    return 0;
  }
  if (st != LB_NUM_OK) return 0;
  if (c->german && (fl & LB_NUMF_EN_DEC) && t->end - t->start >= 4 &&
      c->d->tx.text[t->end - 3] == '.' && v < 24.6)
    return 0; /* "um 19.20": a time, German writes decimals with a comma */
  const lb_date *dt = date_at(c, t->start);
  if (dt && !dt->duration) return 0;
  memset(o, 0, sizeof *o);
  o->flags = fl;
  o->i0 = i;
  o->i1 = i + 1;
  o->value = v;
  o->max = -1;
  o->mult = 1;
  lb_lex_rec r;
  int k = (mark(c, i + 1) & LB_NUMM_QTY) ? lb_num_phrase(c->d, i + 1, c->s1, c->T->num, 5, &r) : 0;
  if (k && lb_lex_field_is(&r, 0, "mult")) {
    double m = lb_lex_field_num(&r, 1, 1);
    if (v * m < 1e15) {
      o->value = v * m;
      o->mult = m;
      o->i1 += (size_t)k;
    }
  }
  return 1;
}

/* A word numeral at i: card (with multiplier), vague or weak. */
static int words_at(ctx *c, size_t i, num *o) {
  const lb_tok *t = tok(c, i);
  if (!is_word(t)) return 0;
  lb_lex_rec r;
  int k = (mark(c, i) & LB_NUMM_QTY) ? lb_num_phrase(c->d, i, c->s1, c->T->num, 5, &r) : 0;
  lb_num_word w;
  memset(&w, 0, sizeof w);
  if (k) {
    if (!lb_num_word_of(&r, &w) ||
        !(w.kind == LB_NUMK_CARD || w.kind == LB_NUMK_VAGUE || w.kind == LB_NUMK_WEAK))
      return 0;
  } else {
    /* a composed numeral ("dreitausend") only right before a unit noun */
    lb_lex_rec u;
    if (!(mark(c, i + 1) & LB_NUMM_UNIT) ||
        !lb_num_phrase(c->d, i + 1, c->s1, c->T->unit, 3, &u))
      return 0;
    if (!lb_num_word_get(c->d->tx.lex, c->T->num, t->norm, t->normlen, &w) ||
        w.kind != LB_NUMK_CARD)
      return 0;
    k = 1;
  }
  const lb_date *dt = date_at(c, t->start);
  if (dt && !dt->duration) return 0;
  lb_lex_rec st;
  if ((mark(c, i + (size_t)k) & LB_NUMM_STOP) &&
      lb_num_phrase(c->d, i + (size_t)k, c->s1, c->T->qstop, 3, &st) && fieldhas(&st, 0, "after"))
    return 0; /* "fünf Uhr", "five times" */
  memset(o, 0, sizeof *o);
  o->i0 = i;
  o->i1 = i + (size_t)k;
  o->word = k > 1 ? 2 : 1; /* 2: a phrase ("two dozen") stands alone */
  o->max = -1;
  if (w.kind == LB_NUMK_CARD) {
    o->value = w.value;
    lb_lex_rec m;
    int km = (mark(c, o->i1) & LB_NUMM_QTY) ? lb_num_phrase(c->d, o->i1, c->s1, c->T->num, 5, &m) : 0;
    if (km && lb_lex_field_is(&m, 0, "mult")) {
      o->value *= lb_lex_field_num(&m, 1, 1);
      o->i1 += (size_t)km;
      o->word = 2;
    }
  } else {
    o->vague = 1;
    o->weak = w.kind == LB_NUMK_WEAK;
    o->min = w.min;
    o->max = w.max;
  }
  return 1;
}

/* A lower-case German word with an adjective ending (-e -en -er -es -em):
** "nordkoreanischer", "russische". */
static int german_adjective(const lb_tok *t) {
  size_t n = t->normlen;
  if (n < 4 || !t->norm) return 0;
  char a = t->norm[n - 1], b = t->norm[n - 2];
  return a == 'e' || (b == 'e' && (a == 'n' || a == 'r' || a == 's' || a == 'm'));
}

/* The head noun after token i: skips "von"/"of" and up to four adjectives.
** Returns the token count of the unit phrase at *hi (0 = none found) and
** the index of the noun-like word in *noun (or SIZE_MAX). */
static int head_at(ctx *c, size_t i, size_t *hi, size_t *noun, lb_lex_rec *r) {
  *noun = (size_t)-1;
  size_t j = i;
  if (tok_is(c, j, "von") || tok_is(c, j, "of") || tok_is(c, j, "an")) j++;
  int conj = 0;
  for (int hop = 0; hop < 5 && j < c->s1; hop++, j++) {
    const lb_tok *t = tok(c, j);
    if (t->kind == LB_TOK_PUNCT && c->d->tx.text[t->start] == ',' && hop > 0) {
      conj = 1;
      continue;
    }
    if (t->kind == LB_TOK_SYM && hop == 0) {
      int k = (mark(c, j) & LB_NUMM_UNIT) ? lb_num_phrase(c->d, j, c->s1, c->T->unit, 3, r) : 0;
      if (k) return *hi = j, k;
      return 0;
    }
    if (!is_word(t)) return 0;
    unsigned mk = mark(c, j);
    lb_lex_rec sr;
    if ((mk & LB_NUMM_STOP) && lb_num_phrase(c->d, j, c->s1, c->T->qstop, 3, &sr) &&
        fieldhas(&sr, 0, "det"))
      return 0; /* "4 der Verordnung": no counted noun */
    int k = (mk & LB_NUMM_UNIT) ? lb_num_phrase(c->d, j, c->s1, c->T->unit, 3, r) : 0;
    lb_lex_rec nr;
    if (!k && (mk & LB_NUMM_QTY) && lb_num_phrase(c->d, j, c->s1, c->T->num, 5, &nr) &&
        !lb_lex_field_is(&nr, 0, "part"))
      return 0; /* "Tausende bis Millionen" */
    if (k) {
      *hi = j;
      *noun = j;
      return k;
    }
    if (c->german && (t->flags & LB_TF_CAP)) {
      if (!conj) *noun = j; /* a German noun we do not know */
      return 0;
    }
    conj = tok_is(c, j, "und") || tok_is(c, j, "oder") || tok_is(c, j, "and") || tok_is(c, j, "or");
    if (conj && hop == 0) return 0;
    if (c->german && !conj && !german_adjective(t)) return 0; /* "6 müssen nicht ..." */
    if (!c->german && hop == 0 && t->normlen >= 4 && t->norm[t->normlen - 1] == 's' &&
        t->kind == LB_TOK_WORD)
      *noun = j; /* an English plural we do not know */
    /* adjectives, "und", "," go on; anything else ends the phrase */
  }
  if (!c->german) return 0;
  *noun = (size_t)-1;
  return 0;
}

/* Entity mentions: `of` inside the phrase or before it in the clause. */
static int is_boundary(const lb_tok *t, const char *text) {
  if (t->kind == LB_TOK_DASH) return 1;
  if (t->kind != LB_TOK_PUNCT) return 0;
  char ch = text[t->start];
  return ch == ',' || ch == ';' || ch == ':' || ch == '(' || ch == ')';
}

static int is_country(const lb_entity *e) {
  return e->has_geo && e->geo.feature && !strncmp(e->geo.feature, "PCL", 3);
}
/* A mention that names where something is. */
static int is_place(const lb_entity *e, const lb_mention *m) {
  return m->role == LB_ROLE_PLACE || (e->has_geo && m->role == LB_ROLE_NAME);
}
/* A mention that can own a quantity: an actor, an adjective, a person or
** group, or a country named as a place ("dass Russland ... Truppen"). */
static int is_owner(const lb_entity *e, const lb_mention *m) {
  return m->role == LB_ROLE_ACTOR || m->role == LB_ROLE_ADJ || !e->has_geo || is_country(e);
}

static int men_at_cmp(const void *a, const void *b) {
  const men_at *x = a, *y = b;
  if (x->start != y->start) return x->start < y->start ? -1 : 1;
  if (x->ent != y->ent) return x->ent < y->ent ? -1 : 1;
  return (x->men > y->men) - (x->men < y->men);
}

static void index_mentions(ctx *c) {
  const lb_doc *d = c->d;
  size_t n = 0;
  for (size_t e = 0; e < d->entities.n; e++)
    n += d->entities.v[e].mentions.n;
  c->men = lb_arena_alloc(d->tx.arena, (n ? n : 1) * sizeof *c->men);
  for (size_t e = 0; e < d->entities.n; e++)
    for (size_t m = 0; m < d->entities.v[e].mentions.n; m++)
      c->men[c->nmen++] = (men_at){d->entities.v[e].mentions.v[m].start, (int32_t)e, (int32_t)m};
  qsort(c->men, c->nmen, sizeof *c->men, men_at_cmp);
}

/* The first mention in the index that starts at or after off. */
static size_t men_from(const ctx *c, uint32_t off) {
  size_t lo = 0, hi = c->nmen;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (c->men[mid].start < off)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

/*
** `of`: the first owner mention inside the phrase ("nordkoreanische
** Soldaten"), else the nearest owner before it in its clause. `place`: the
** nearest place in the clause, else before it in the sentence, else in the
** two sentences before; towns and regions before countries. Durations have
** no place. Only the mentions that start between the sentence two before
** and the clause's end are looked at (the position index, ctx.men); ties
** go to the first in the order of entities and their mentions.
*/
static void link_entities(ctx *c, lb_quantity *q, size_t tq0) {
  lb_doc *d = c->d;
  size_t cl = c->s0, ce = c->s1;
  for (size_t k = tq0; k > c->s0; k--)
    if (is_boundary(&d->tx.toks.v[k - 1], d->tx.text)) {
      cl = k;
      break;
    }
  for (size_t k = tq0; k < c->s1; k++)
    if (d->tx.toks.v[k].start >= q->end && is_boundary(&d->tx.toks.v[k], d->tx.text)) {
      ce = k;
      break;
    }
  uint32_t cstart = d->tx.toks.v[cl].start;
  uint32_t cend = ce < c->s1 ? d->tx.toks.v[ce].start : d->tx.sents.v[c->sent].end;
  uint32_t sstart = d->tx.sents.v[c->sent].start;
  uint32_t prevstart = d->tx.sents.v[c->sent >= 2 ? c->sent - 2 : 0].start;
  const lb_mention *in = NULL, *before = NULL;
  const char *of_in = NULL, *of_before = NULL, *pl = NULL;
  int pl_rank = 99;
  uint32_t pl_dist = UINT32_MAX;
  const men_at *pl_at = NULL;
  int durat = q->category && !strcmp(q->category, "duration");
  if (!c->men) index_mentions(c);
  /* a mention inside the phrase starts at or after q->start, one before it
  ** in the clause at or after cstart, a place at or after prevstart; none
  ** that counts starts at or after both cend and q->end */
  uint32_t lo = prevstart < q->start ? prevstart : q->start;
  uint32_t hi = cend > q->end ? cend : q->end;
  for (size_t x = men_from(c, lo); x < c->nmen && c->men[x].start < hi; x++) {
    const men_at *at = &c->men[x];
    const lb_entity *en = &d->entities.v[at->ent];
    const lb_mention *mm = &en->mentions.v[at->men];
    if (mm->start >= q->start && mm->end <= q->end) {
      if (is_owner(en, mm) && (!in || mm->start < in->start)) in = mm, of_in = en->id;
      continue;
    }
    if (is_owner(en, mm) && mm->start >= cstart && mm->end <= q->start &&
        (!before || mm->start > before->start ||
         (mm->start == before->start && mm->actor && !before->actor)))
      before = mm, of_before = en->id;
    if (durat || !is_place(en, mm) || mm->start < prevstart || mm->start >= cend) continue;
    int rank;
    uint32_t dist;
    if (mm->start >= cstart) {
      rank = 0;
      dist = mm->start >= q->end ? mm->start - q->end : q->start - mm->end;
    } else if (mm->start >= sstart) {
      rank = 1;
      dist = q->start - mm->end;
    } else {
      rank = 2;
      dist = q->start - mm->end;
    }
    if (is_country(en)) {
      if (rank) continue; /* a country is the place only when its clause says so */
      rank = 3;
    }
    if (rank < pl_rank || (rank == pl_rank && dist < pl_dist) ||
        (rank == pl_rank && dist == pl_dist &&
         (at->ent < pl_at->ent || (at->ent == pl_at->ent && at->men < pl_at->men))))
      pl_rank = rank, pl_dist = dist, pl = en->id, pl_at = at;
  }
  q->of = of_in ? of_in : of_before;
  q->place = pl;
}

/* Casualty verb within the next few tokens: "12 Menschen wurden getötet". */
static const char *casualty_verb(ctx *c, size_t j) {
  for (size_t k = j; k < j + 6 && k < c->s1; k++) {
    const lb_tok *t = &c->d->tx.toks.v[k];
    if (t->kind == LB_TOK_PUNCT || t->kind == LB_TOK_NUM) return NULL;
    lb_lex_rec r;
    if (is_word(t) && (mark(c, k) & LB_NUMM_VERB) &&
        lb_num_phrase(c->d, k, c->s1, c->T->qverb, 2, &r))
      return lb_lex_field_dup(c->d->tx.arena, &r, 0);
  }
  return NULL;
}

/* Read one quantity starting at token i; returns tokens used (0 = none). */
static size_t qty_at(ctx *c, size_t i) {
  lb_doc *d = c->d;
  size_t j = i;
  lb_lex_rec mod;
  int km = (mark(c, i) & LB_NUMM_QTY) ? lb_num_phrase(d, i, c->s1, c->T->qmod, 4, &mod) : 0;
  int range_kw = 0;
  if (km) {
    range_kw = lb_lex_field_is(&mod, 0, "range");
    j = i + (size_t)km;
  }
  /* currency written before the number: "$ 5 Millionen", "€ 300" */
  lb_lex_rec pre;
  int has_pre = 0;
  const lb_tok *t = tok(c, j);
  if (t && t->kind == LB_TOK_SYM && (mark(c, j) & LB_NUMM_UNIT)) {
    int kp = lb_num_phrase(d, j, c->s1, c->T->unit, 3, &pre);
    if (kp && lb_lex_field_is(&pre, 4, "pre")) {
      has_pre = 1;
      j += (size_t)kp;
    }
  }
  num a;
  if (!digits_at(c, j, &a) && (has_pre || !words_at(c, j, &a))) return 0;
  if (km && a.vague) {
    /* "über Hunderte von ...": a preposition, not a modifier */
    km = 0;
    range_kw = 0;
  }
  size_t q0 = km ? i : (has_pre ? j - 1 : j);
  if (has_pre && !km) q0 = i;
  /* range: "100 bis 200", "100-200", "zwischen 100 und 200" */
  double rmax = -1;
  size_t e = a.i1;
  if (!a.vague) {
    const lb_tok *u = tok(c, e);
    int conn =
        u && (u->kind == LB_TOK_DASH || (u->kind == LB_TOK_SYM && d->tx.text[u->start] == '-') ||
              tok_is(c, e, "bis") || tok_is(c, e, "to") ||
              (range_kw && (tok_is(c, e, "und") || tok_is(c, e, "and"))));
    num b;
    const lb_tok *bt = conn ? tok(c, e + 1) : NULL;
    int bok = bt && bt->kind == LB_TOK_NUM && digits_at(c, e + 1, &b);
    if (bok && (u->kind == LB_TOK_DASH || u->kind == LB_TOK_SYM) && (u->flags & LB_TF_SPACE) &&
        b.value > 100 * a.value)
      bok = 0, conn = 0; /* "3 - 86004": a reference, not a range */
    if (bt && bt->kind == LB_TOK_NUM && !bok && !a.word)
      return 0; /* "10 bis 18 Uhr": a time span, no count */
    if (bok) {
      if (b.mult > 1 && a.mult == 1 && !a.word) a.value *= b.mult; /* "20 bis 25 Millionen" */
      if (b.value >= a.value) {
        rmax = b.value;
        e = b.i1;
      } else if (range_kw) {
        return 0;
      }
    } else if (range_kw) {
      return 0;
    }
  }
  lb_lex_rec ur;
  size_t hi = 0, noun = (size_t)-1;
  int ku = 0;
  if (has_pre) ur = pre;
  else ku = head_at(c, e, &hi, &noun, &ur);
  if (a.weak && !ku) return 0;
  if (a.word == 1 && !a.vague && !ku && noun == (size_t)-1) return 0;
  if (!a.word && !has_pre && !ku && noun == (size_t)-1 && !km && rmax < 0 && a.mult == 1 &&
      !(a.flags & (LB_NUMF_GROUPED | LB_NUMF_DECIMAL)))
    return 0; /* a bare "15": a reference or a rank more often than a count */
  if (c->german && (a.flags & LB_NUMF_EN_DEC) && !ku && !has_pre && a.mult == 1)
    return 0; /* "Nr. 3.1", "1.6 genannten Gründen": a section number */
  lb_quantity *q = LB_VEC_PUSH(d->tx.arena, d->quantities);
  q->start = d->tx.toks.v[q0].start;
  size_t last = e - 1;
  q->claim = -1;
  q->sentence = c->sent;
  double f = 1;
  const char *kind = a.vague ? "vague" : a.word ? "word" : "num";
  if (has_pre || ku) {
    if (ku) last = hi + (size_t)ku - 1;
    q->unit = lb_lex_field_dup(c->d->tx.arena, &ur, 0);
    q->category = lb_lex_field_dup(c->d->tx.arena, &ur, 1);
    f = lb_lex_field_num(&ur, 2, 1);
    if (f <= 0) f = 1;
    q->unit_text = lb_lex_field_dup(c->d->tx.arena, &ur, 3);
  } else if (noun != (size_t)-1) {
    last = noun;
    const lb_tok *nt = &d->tx.toks.v[noun];
    q->unit = lb_arena_strndup(d->tx.arena, nt->norm, nt->normlen);
    q->category = "other";
  } else {
    q->category = "other";
  }
  /* a casualty verb after the phrase turns people into casualties */
  const char *cv = casualty_verb(c, last + 1);
  if (cv && q->category && (!strcmp(q->category, "other") || !strcmp(q->category, "personnel") ||
                            !strcmp(q->category, "casualties"))) {
    q->unit = cv;
    q->category = "casualties";
  }
  q->end = d->tx.toks.v[last].end;
  if (a.vague) {
    q->has_min = 1;
    q->min = a.min * f;
    if (a.max >= 0) q->has_max = 1, q->max = a.max * f;
    q->approx = 1;
  } else if (rmax >= 0) {
    q->has_min = q->has_max = 1;
    q->min = a.value * f;
    q->max = rmax * f;
    kind = "range";
  } else {
    q->has_value = 1;
    q->value = a.value * f;
  }
  if (km && !range_kw) {
    if (fieldhas(&mod, 0, "approx")) q->approx = 1;
    if (fieldhas(&mod, 0, "min")) q->has_min = 1, q->min = q->has_value ? q->value : q->min;
    if (fieldhas(&mod, 0, "max")) q->has_max = 1, q->max = q->has_value ? q->value : q->max;
    if (strcmp(kind, "range")) kind = "mod";
  }
  if (f != 1) {
    /* keep converted figures to a sensible precision */
    if (q->has_value) q->value = round(q->value * 1000) / 1000;
    if (q->has_min) q->min = round(q->min * 1000) / 1000;
    if (q->has_max) q->max = round(q->max * 1000) / 1000;
  }
  /* a duration: take the span of its date ("in 24 Stunden") */
  if (q->category && !strcmp(q->category, "duration")) {
    const lb_date *dt = date_at(c, d->tx.toks.v[a.i0].start);
    if (dt && dt->duration) {
      if (dt->start < q->start) q->start = dt->start;
      if (dt->end > q->end) q->end = dt->end;
    }
  }
  q->rule = lb_arena_printf(d->tx.arena, "%s:qty:%s", c->lang, cv ? "casualty-verb" : kind);
  link_entities(c, q, q0);
  return last + 1 - i;
}

void lb_qty_run(lb_doc *d) {
  if (!d->tx.lex) return;
  ctx c;
  memset(&c, 0, sizeof c);
  c.d = d;
  c.T = lb_num_tables(d->tx.lex);
  c.german = !d->tx.lang || strcmp(d->tx.lang, "en") != 0;
  c.lang = d->tx.lang && *d->tx.lang ? d->tx.lang : "xx";
  c.ntoks = d->tx.toks.n;
  assert(d->nummark || !c.ntoks); /* the "marks" stage has run */
  c.mk = d->nummark;
  const uint16_t *mk = c.mk; /* locals: qty_at gets &c, so c's fields would be reloaded */
  size_t ntoks = c.ntoks;
  for (size_t s = 0; s < d->tx.sents.n; s++) {
    c.s0 = d->tx.sents.v[s].tok0;
    c.s1 = d->tx.sents.v[s].tok1;
    c.sent = (int32_t)s;
    const lb_tok *tv = d->tx.toks.v;
    for (size_t i = c.s0; i < c.s1; i++) {
      /* a quantity starts at a number, a unit symbol ("$ 5"), a word of
      ** the number tables, or a composed numeral ("dreitausend") right
      ** before a unit noun (words_at); the checks cheapest first, as most
      ** tokens are words none of the tables knows */
      const lb_tok *t = &tv[i];
      if (t->kind != LB_TOK_NUM) {
        unsigned m = i < ntoks ? mk[i] : 0;
        if (t->kind == LB_TOK_SYM) {
          if (!(m & LB_NUMM_UNIT)) continue;
        } else if (!(m & LB_NUMM_QTY)) {
          if (t->kind != LB_TOK_WORD || !t->norm || t->normlen < 6 || i + 1 >= c.s1 ||
              (t->flags & (LB_TF_HYPH | LB_TF_DIGIT)) || ((t->flags & LB_TF_CAP) && i != c.s0) ||
              tv[i + 1].kind != LB_TOK_WORD || !((i + 1 < ntoks ? mk[i + 1] : 0) & LB_NUMM_UNIT))
            continue;
        } else if (!is_word(t)) {
          continue;
        }
      }
      size_t n = qty_at(&c, i);
      if (n) i += n - 1;
    }
  }
  /* each quantity's claim: the first claim whose span holds it */
  size_t nq = d->quantities.n;
  if (nq && d->claims.n) {
    uint32_t *qs = lb_arena_alloc(d->tx.arena, nq * sizeof *qs);
    uint32_t *qe = lb_arena_alloc(d->tx.arena, nq * sizeof *qe);
    int32_t *cl = lb_arena_alloc(d->tx.arena, nq * sizeof *cl);
    for (size_t k = 0; k < nq; k++)
      qs[k] = d->quantities.v[k].start, qe[k] = d->quantities.v[k].end;
    lb_doc_claims_holding(d, qs, qe, nq, cl);
    for (size_t k = 0; k < nq; k++)
      d->quantities.v[k].claim = cl[k];
  }
}
