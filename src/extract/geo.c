/*
** geo.c -- geocoding of place mentions (GeoNames; see geo.h).
**
** The entity stage decides which place a name stands for, with the
** evidence, acceptance and choice below; this stage attaches the
** coordinates and codes. The geo fields come from the entity's `entdef`
** record (columns in data/README.md):
**   ID TYPE ACTOR COUNTRY3 NAME GEONAMEID LAT LON FEATURE CC POPULATION
**   SOURCE ADM1 FIPS
** An entity's lexicon key is its id lower-cased without non-alphanumerics.
**
** Why evidence: GeoNames has a town for many words. "Was" (Wa, Ghana),
** "Weil" (Weil am Rhein), "Norden", "Lage", "Mitte" (Berlin-Mitte),
** "Dazu" (Longgang, China), "Matura" (Mathura, India), "Ban" (Ki-moon:
** Baní) and "Sebastian" (Kurz: Sebastian, Florida) were all places once.
** A German noun is capitalised like a name, so the capital letter is no
** evidence; the syntax layer's tag and tree are (lb_geo_evidence).
*/
#include "geo.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "../doc/doc.h"
#include "../lex/lex.h"
#include "../syntax/tree.h"
#include "../syntax/ufeat.h"
#include "../text/norm.h"

/* An entdef value split into its fields once (lb_lex_fields): the readers
** below take several fields of each candidate, and field i by itself walks
** from the start every time. */
#define NF 14
enum { F_COUNTRY3 = 3, F_GEONAMEID = 5, F_LAT, F_LON, F_FEATURE, F_CC, F_POP, F_SOURCE,
       F_ADM1, F_FIPS };
typedef struct fields {
  const char *f[NF];
  int len[NF], n;
} fields;

static void split(const lb_lex_rec *r, fields *x) {
  x->n = lb_lex_fields(r->val, r->val_len, x->f, x->len, NF);
}

static int has(const fields *x, int i) { return i < x->n && x->len[i] > 0; }

static int is(const fields *x, int i, const char *s) {
  return has(x, i) && (size_t)x->len[i] == strlen(s) && memcmp(x->f[i], s, (size_t)x->len[i]) == 0;
}

static double num_field(const fields *x, int i, int *ok) {
  double v = 0;
  *ok = has(x, i) && x->len[i] < 48 && lb_lex_num(x->f[i], (size_t)x->len[i], &v);
  return *ok ? v : 0;
}

static double feature_rank(const fields *x) {
  if (!has(x, F_FEATURE)) return 0;
  /* a bonus in orders of magnitude of population */
  static const char *const RANK[] = {"PCLI", "PPLC", "ADM1", "PPLA", "PPLA2", NULL};
  static const double BONUS[] = {3, 1.5, 1, 0.5, 0.2};
  for (int i = 0; RANK[i]; i++)
    if (is(x, F_FEATURE, RANK[i])) return BONUS[i];
  return 0;
}

static int in_list(const char *const *v, size_t n, const char *s, size_t len) {
  for (size_t k = 0; k < n; k++)
    if (v[k] && strlen(v[k]) == len && memcmp(v[k], s, len) == 0) return 1;
  return 0;
}

/* What the document says for one candidate: its country named (2), in the
** language's countries (1), its region named (4), as bits. */
static int support(const fields *x, const lb_geo_ctx *g) {
  int s = 0;
  if (has(x, F_COUNTRY3)) {
    if (in_list(g->named, g->nnamed, x->f[F_COUNTRY3], (size_t)x->len[F_COUNTRY3])) s |= 2;
    if (in_list(g->lang, g->nlang, x->f[F_COUNTRY3], (size_t)x->len[F_COUNTRY3])) s |= 1;
  }
  if (has(x, F_ADM1) && in_list(g->adm1, g->nadm1, x->f[F_ADM1], (size_t)x->len[F_ADM1])) s |= 4;
  return s;
}

/* Is candidate i an admin-1 region and another candidate a town in it (a
** region named like its capital: the name is the city's, "Salzburg")? */
static int region_of_town(const fields *x, int n, int i) {
  if (!is(&x[i], F_FEATURE, "ADM1") || !has(&x[i], F_ADM1)) return 0;
  for (int k = 0; k < n; k++)
    if (k != i && has(&x[k], F_FEATURE) && x[k].len[F_FEATURE] >= 3 &&
        memcmp(x[k].f[F_FEATURE], "PPL", 3) == 0 && x[k].len[F_ADM1] == x[i].len[F_ADM1] &&
        memcmp(x[k].f[F_ADM1], x[i].f[F_ADM1], (size_t)x[i].len[F_ADM1]) == 0)
      return 1;
  return 0;
}

#define MAXPICK 16

int lb_geo_pick(const lb_lex_rec *defs, int n, const lb_geo_ctx *g) {
  int best = -1;
  double bs = -1e300;
  fields x[MAXPICK];
  if (n > MAXPICK) n = MAXPICK;
  for (int i = 0; i < n; i++) split(&defs[i], &x[i]);
  for (int i = 0; i < n; i++) {
    if (region_of_town(x, n, i)) continue;
    int ok;
    double pop = num_field(&x[i], F_POP, &ok);
    /* GeoNames gives regions no population: one of 100,000 (Florida the
    ** state, not Floridablanca; Washington, D.C., not the state) */
    if (!(ok && pop > 0) && is(&x[i], F_FEATURE, "ADM1")) pop = 1e5;
    double s = (pop > 0 ? log10(pop) : 0) + feature_rank(&x[i]);
    /* the document's countries weigh like a factor of about 300 (a named
    ** country) or 100 (the language's countries) in population, a region
    ** where another of its places lies like a factor of 10: Paris, Texas
    ** (25,000) loses to Paris, France (2.1 million) though the United
    ** States are named, unless Texas is too; Frankfurt am Main (650,000)
    ** wins over Frankfort, Kentucky (25,000, a state capital) in German
    ** news about the United States, and over Frankfurt (Oder) (57,000)
    ** beside another town of Brandenburg */
    int sup = support(&x[i], g);
    s += (sup & 2 ? 2.5 : 0) + (sup & 1 ? 2 : 0) + (sup & 4 ? 1 : 0);
    if (s > bs) {
      bs = s;
      best = i;
    }
  }
  return best;
}

int lb_geo_accept(const lb_lex_rec *def, unsigned ev, int need, const lb_geo_ctx *g) {
  fields x;
  split(def, &x);
  int ok;
  double pop = num_field(&x, F_POP, &ok);
  int country = has(&x, F_FEATURE) && x.len[F_FEATURE] >= 3 &&
                memcmp(x.f[F_FEATURE], "PCL", 3) == 0;
  int region = is(&x, F_FEATURE, "ADM1");
  int capital = is(&x, F_FEATURE, "PPLC");
  int big = ok && pop >= 100000;
  int town = has(&x, F_FEATURE) && x.len[F_FEATURE] >= 3 &&
             memcmp(x.f[F_FEATURE], "PPL", 3) == 0 && !capital;
  int sup = support(&x, g);
  int loc = (ev & LB_GEO_EV_LOCATIVE) != 0;
  /* part of a person's name: no place, but a country's main name is never
  ** part of one ("in Österreich Asyl" is a tagger's error) */
  if (ev & LB_GEO_EV_PERSON) return country && !need;
  if (ev & LB_GEO_EV_NONE) /* no syntax, or a name of several words */
    return !need || feature_rank(&x) >= 1 || (ok && pop >= 250000) || (sup & 3);
  if (ev & LB_GEO_EV_COMMON) /* "Weil er...", "Dazu", "Was" */
    return !need && (country || (loc && (capital || region || big)));
  if (town && (ev & (LB_GEO_EV_ARTICLE | LB_GEO_EV_PLURAL))) return 0; /* "die Matura" */
  /* a dictionary word: a place only under a place preposition without an
  ** article ("aus Halle", but "aus der Halle", "im Norden", "nach 16
  ** Siegen"), in a country or region the document names, and when tagged
  ** a noun, only in the language's countries or a region the document
  ** names, or a big city of a country it names ("in Glas" is no Glazov,
  ** "Ende" no India, "von Alpen und Jura" no Győr; "in Mekka" is Mecca) */
  if (need == 2)
    return loc && !(ev & LB_GEO_EV_DET) &&
           ((ev & LB_GEO_EV_PROPN) ? (country || capital || sup)
                                   : ((sup & 5) || (!country && (sup & 2) && (big || capital))));
  /* only an alternate name (a village's name, a foreign exonym): in a
  ** country or region of the document, or a country, capital or big city
  ** under a place preposition ("in Straßburg", "in Rio") */
  if (need == 1)
    return sup || (loc && (country || capital || big)) ||
           /* a capital's exonym needs no preposition ("griff Kiew an") */
           ((ev & LB_GEO_EV_PROPN) && !(ev & LB_GEO_EV_DET) && (capital || (ok && pop >= 1000000)));
  /* a main name tagged a proper noun: a country, a capital, a big city, a
  ** place under a preposition or in a country or region of the document;
  ** a foreign region alone is more often a person ("Paulo Miranda") */
  return country || capital || loc || sup || (big && !region);
}

/* ---- evidence from the syntax layer ---- */

/* table indexes, once per lexicon and thread */
static _Thread_local int t_cue = -1, t_role = -1, t_form = -1, t_stop = -1, t_ent = -1,
                         t_region = -1;
static _Thread_local uint32_t t_lex;

/* Is the lemma (or, for a German compound, its end: "Hafenstadt") of word
** w in table placecue with kind `kind` ("prep" or "noun") for lang? The
** rolenoun table when kind is NULL. */
static int cue(const lb_text *tx, const lb_word *w, const char *kind) {
  int t = kind ? t_cue : t_role;
  if (t < 0 || !w->lemma) return 0;
  char key[128];
  size_t n = strlen(w->lemma);
  if (n == 0 || n >= sizeof key / 2) return 0;
  lb_buf b = LB_BUF_INIT;
  lb_norm_key(&b, w->lemma, n);
  if (!b.p || b.n >= sizeof key) {
    lb_buf_free(&b);
    return 0;
  }
  memcpy(key, b.p, b.n);
  n = b.n;
  lb_buf_free(&b);
  /* the whole lemma, then (nouns) every end of four bytes or more */
  size_t min = kind && strcmp(kind, "prep") == 0 ? n : 4;
  for (size_t off = 0; off + min <= n; off++) {
    if (off && ((unsigned char)key[off] & 0xC0) == 0x80) continue; /* inside a character */
    lb_lex_rec r;
    if (!kind ? lb_lex_find(tx->lex, t, key + off, n - off, &r)
              : tx->lang ? lb_lex_find_field(tx->lex, t, key + off, n - off, 1, tx->lang, &r) &&
                               lb_lex_field_is(&r, 0, kind)
                         : lb_lex_find_field(tx->lex, t, key + off, n - off, 0, kind, &r))
      return 1;
    if (off == 0 && min == n) break;
  }
  return 0;
}

static int rel(const lb_word *w, const char *r) { return w->deprel && lb_tree_rel(w, r); }

/* Is word w a dictionary word (table form) or a stop word? */
static int dict_word(const lb_text *tx, const lb_word *w) {
  if (t_form < 0 && t_stop < 0) return 0;
  lb_buf b = LB_BUF_INIT;
  lb_norm_key(&b, w->form, w->formlen);
  lb_lex_rec r;
  int yes = b.p && ((t_form >= 0 && lb_lex_find(tx->lex, t_form, b.p, b.n, &r)) ||
                    (t_stop >= 0 && lb_lex_find(tx->lex, t_stop, b.p, b.n, &r)));
  /* a German compound the dictionaries lack: its last part, a noun of five
  ** letters or more ("Kriegsverbrechen": Verbrechen) */
  for (size_t k = 3; !yes && b.p && t_form >= 0 && tx->lang && strcmp(tx->lang, "de") == 0 &&
                     k + 5 <= b.n;
       k++)
    if (((unsigned char)b.p[k] & 0xC0) != 0x80) {
      lb_lex_entry e;
      if (!lb_lex_get(tx->lex, b.p + k, b.n - k, &e)) continue;
      for (uint32_t i = 0; i < e.nrec && !yes; i++)
        yes = lb_lex_rec_get(tx->lex, &e, i, &r) && r.table == t_form && lb_lex_field_is(&r, 1, "NOUN");
    }
  lb_buf_free(&b);
  return yes;
}

/* Is the lemma of word w a key of table t with w's language (field 0)? */
static int lemma_in(const lb_text *tx, const lb_word *w, int t) {
  if (t < 0 || !w->lemma) return 0;
  lb_buf b = LB_BUF_INIT;
  lb_norm_key(&b, w->lemma, strlen(w->lemma));
  lb_lex_rec r;
  int yes = b.p && (tx->lang ? lb_lex_find_field(tx->lex, t, b.p, b.n, 0, tx->lang, &r)
                            : lb_lex_find(tx->lex, t, b.p, b.n, &r));
  lb_buf_free(&b);
  return yes;
}

/* Is word w a place's name, also with a genitive -s ("Ungarns")? */
static int place_word(const lb_text *tx, const lb_word *w) {
  if (t_ent < 0) return 0;
  lb_buf b = LB_BUF_INIT;
  lb_norm_key(&b, w->form, w->formlen);
  int yes = 0;
  for (int strip = 0; strip < 2 && b.p && !yes; strip++) {
    if (strip && (b.n < 4 || b.p[b.n - 1] != 's')) break;
    lb_lex_entry e;
    if (!lb_lex_get(tx->lex, b.p, b.n - (size_t)strip, &e) || !lb_lex_may_have(&e, t_ent)) continue;
    for (uint32_t i = 0; i < e.nrec && !yes; i++) {
      lb_lex_rec r;
      if (lb_lex_rec_get(tx->lex, &e, i, &r) && r.table == t_ent &&
          (lb_lex_field_is(&r, 2, "place") || lb_lex_field_is(&r, 2, "placealt")))
        yes = 1;
    }
  }
  lb_buf_free(&b);
  return yes;
}

/* Is word k (a flat partner of the name of words w0..w1) another part of a
** person's or a team's name? A proper noun next to it, under no
** preposition ("Ankara – In der Türkei" is a parser's error): before it any
** ("Mark Zuckerberg", "Borussia Dortmund", "Austria Wien": the place is
** the last name's part), after it no dictionary word and no place ("Ban Ki
** Moon", "Los Angeles Kings"; "in Österreich Asyl" is a tagger's error). */
static int name_part(const lb_text *tx, int32_t w0, int32_t w1, int32_t k) {
  const lb_word *x = &tx->words.v[k];
  if ((x->upos != LB_UPOS_PROPN && x->upos != LB_UPOS_X) || (k != w1 + 1 && k != w0 - 1))
    return 0;
  for (int32_t c = x->kid; c >= 0; c = tx->words.v[c].sib)
    if (rel(&tx->words.v[c], "case")) return 0;
  return k == w0 - 1 || (!dict_word(tx, x) && !place_word(tx, x));
}

static int is_char(const lb_text *tx, uint32_t t, char ch) {
  return t < tx->toks.n && tx->toks.v[t].end - tx->toks.v[t].start == 1 &&
         tx->text[tx->toks.v[t].start] == ch;
}

static int is_dash(const lb_text *tx, uint32_t t) {
  if (t >= tx->toks.n) return 0;
  const lb_tok *k = &tx->toks.v[t];
  const char *s = tx->text + k->start;
  size_t n = k->end - k->start;
  return (n == 1 && s[0] == '-') || (n == 3 && (memcmp(s, "\xe2\x80\x93", 3) == 0 ||
                                                memcmp(s, "\xe2\x80\x94", 3) == 0));
}

unsigned lb_geo_evidence(const lb_doc *d, uint32_t tok0, uint32_t tok1) {
  const lb_text *tx = &d->tx;
  if (!tx->words.n || !tx->lex || tok1 <= tok0) return LB_GEO_EV_NONE;
  /* the span's words: from the first token's to the last token's last */
  int32_t w0 = lb_tree_word_of_tok(tx, tok0), w1 = lb_tree_word_of_tok(tx, tok1 - 1);
  if (w0 < 0 || w1 < 0) return LB_GEO_EV_NONE;
  while ((size_t)w1 + 1 < tx->words.n && tx->words.v[w1 + 1].tok == tok1 - 1) w1++;
  /* its head: the first word whose head lies outside the span */
  int32_t h = w0;
  for (int32_t k = w0; k <= w1; k++)
    if (tx->words.v[k].head < w0 || tx->words.v[k].head > w1) {
      h = k;
      break;
    }
  const lb_word *w = &tx->words.v[h];
  if (w->upos == LB_UPOS_NONE) return LB_GEO_EV_NONE;
  if (t_lex != lb_lex_id(tx->lex)) { /* table indexes once per lexicon */
    t_cue = lb_lex_table(tx->lex, "placecue");
    t_role = lb_lex_table(tx->lex, "rolenoun");
    t_form = lb_lex_table(tx->lex, "form");
    t_stop = lb_lex_table(tx->lex, "stop");
    t_ent = lb_lex_table(tx->lex, "ent");
    t_region = lb_lex_table(tx->lex, "regionword");
    t_lex = lb_lex_id(tx->lex);
  }
  int one = tok1 == tok0 + 1;
  /* one word: its tag. X (a foreign word: "Este es el nuevo Moto X") says
  ** nothing; a region word ("nach Norden", "ab Mitte 2014"; table
  ** regionword, the event coder's) is a common word whatever the tagger
  ** says. A name of several words is a name: only what is around it counts. */
  unsigned ev = one ? 0 : LB_GEO_EV_NONE;
  if (one) {
    switch (w->upos) {
    case LB_UPOS_PROPN: ev = LB_GEO_EV_PROPN; break;
    case LB_UPOS_NOUN: ev = LB_GEO_EV_NOUN; break;
    case LB_UPOS_PRON: case LB_UPOS_DET: case LB_UPOS_SCONJ: case LB_UPOS_CCONJ:
    case LB_UPOS_ADV: case LB_UPOS_ADP: case LB_UPOS_AUX: case LB_UPOS_PART:
    case LB_UPOS_VERB: case LB_UPOS_ADJ:
      ev = LB_GEO_EV_COMMON;
      break;
    default: /* X, INTJ, SYM, PUNCT, NUM on a name: the tagger does not know */
      break;
    }
    if (lemma_in(tx, w, t_region))
      ev = (ev & ~(unsigned)(LB_GEO_EV_PROPN | LB_GEO_EV_NOUN)) | LB_GEO_EV_COMMON;
  }
  /* a dateline: a sentence opening with names joined by '/', then a dash
  ** ("Wien – ", "Washington/Moskau – ") */
  const lb_sent *st = &tx->sents.v[w->sent];
  uint32_t a = tok0, b = tok1;
  while (a >= st->tok0 + 2 && is_char(tx, a - 1, '/')) a -= 2;
  while (b + 1 < st->tok1 && is_char(tx, b, '/')) b += 2;
  if (a == st->tok0 && b < st->tok1 && is_dash(tx, b)) ev |= LB_GEO_EV_LOCATIVE;
  /* the phrase's preposition, also of a first conjunct that is a name ("in
  ** Wien und Graz", not "bei Feierlichkeiten, Essen oder Geschenken") */
  const lb_word *p = w;
  if (rel(w, "conj") && w->head >= 0 && tx->words.v[w->head].upos == LB_UPOS_PROPN)
    p = &tx->words.v[w->head];
  for (int32_t k = p->kid; k >= 0; k = tx->words.v[k].sib)
    if (rel(&tx->words.v[k], "case") && cue(tx, &tx->words.v[k], "prep")) ev |= LB_GEO_EV_LOCATIVE;
  /* the head: a place noun ("die Stadt Aleppo", "der Ort Lage"), a title or
  ** a person's first name */
  if (w->head >= 0 && (rel(w, "flat") || rel(w, "appos") || rel(w, "nmod") || rel(w, "compound"))) {
    const lb_word *hw = &tx->words.v[w->head];
    if (hw->upos == LB_UPOS_NOUN && cue(tx, hw, "noun"))
      ev |= LB_GEO_EV_LOCATIVE;
    else if (hw->upos == LB_UPOS_NOUN && (rel(w, "appos") || rel(w, "flat")))
      ev |= LB_GEO_EV_TITLE;
    else if (rel(w, "flat") && name_part(tx, w0, w1, w->head))
      ev |= LB_GEO_EV_PERSON; /* "Borussia Dortmund", "Paulo Miranda" */
  }
  int det = 0, mod = 0, num = 0;
  for (int32_t k = w->kid; k >= 0; k = tx->words.v[k].sib) {
    if (k >= w0 && k <= w1) continue; /* inside the name */
    const lb_word *c = &tx->words.v[k];
    if (rel(c, "appos") && c->upos == LB_UPOS_NOUN && cue(tx, c, "noun"))
      ev |= LB_GEO_EV_LOCATIVE; /* "Norden, eine Stadt in Ostfriesland" */
    else if (rel(c, "flat") && name_part(tx, w0, w1, k))
      ev |= LB_GEO_EV_PERSON; /* "Ban Ki Moon", "Los Angeles Kings" */
    else if (rel(c, "compound") && c->upos == LB_UPOS_NOUN && !cue(tx, c, "noun"))
      ev |= LB_GEO_EV_TITLE; /* "UNO-Generalsekretär Ban" */
    /* an article or pronoun ("der", "dieses"; not a parser's "det" on an
    ** adverb; a numeral is none: "Stuttgart 1990", "B 216 Lüneburg") */
    if (rel(c, "det") && c->upos == LB_UPOS_DET && lb_ufeat_get(c->feats, LB_UF_PRONTYPE))
      det = 1;
    if (rel(c, "nummod") && c < w) num = 1; /* "300 Kilo", "nach elf Siegen" */
    if (rel(c, "amod")) mod = 1; /* "im oststeirischen Neudau", "das zerstörte Aleppo" */
  }
  if (det || num) ev |= LB_GEO_EV_DET;
  if (one && w->upos == LB_UPOS_NOUN && lb_ufeat_get(w->feats, LB_UF_NUMBER) == LB_NUMBER_PLUR)
    ev |= LB_GEO_EV_PLURAL;
  if (det && !mod) ev |= LB_GEO_EV_ARTICLE;
  /* a title that names a role ("Außenminister") makes a person of any name */
  if ((ev & LB_GEO_EV_TITLE) && w->head >= 0 && cue(tx, &tx->words.v[w->head], NULL))
    ev |= LB_GEO_EV_PERSON;
  return ev;
}

/* ---- the document's countries and regions ---- */

/* The lexicon key of an entity id: lower-cased, alphanumerics only. */
static size_t kid_of(const char *id, char *k, size_t cap) {
  size_t n = 0;
  for (const char *p = id; *p && n < cap - 1; p++) {
    char ch = *p;
    if (ch >= 'A' && ch <= 'Z') ch = (char)(ch | 0x20);
    if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) k[n++] = ch;
  }
  return n;
}

/* The entdef record (table T) of entity id, split into x; 0 when none. */
static int entdef_of(const lb_doc *d, int T, const char *id, fields *x) {
  char k[128];
  size_t n = id && T >= 0 ? kid_of(id, k, sizeof k) : 0;
  lb_lex_rec r;
  if (!n || !lb_lex_find(d->tx.lex, T, k, n, &r)) return 0;
  split(&r, x);
  return 1;
}

void lb_geo_ctx_init(lb_geo_ctx *g, const lb_doc *d) {
  memset(g, 0, sizeof *g);
  const char *lang = d->tx.lang;
  if (lang && strcmp(lang, "de") == 0) {
    g->lang[g->nlang++] = "DEU";
    g->lang[g->nlang++] = "AUT";
    g->lang[g->nlang++] = "CHE";
  } else if (lang && strcmp(lang, "en") == 0) {
    g->lang[g->nlang++] = "USA";
    g->lang[g->nlang++] = "GBR";
  }
  int T = d->tx.lex ? lb_lex_table(d->tx.lex, "entdef") : -1;
  for (size_t i = 0; i < d->entities.n; i++) {
    const lb_entity *e = &d->entities.v[i];
    if (!e->mentions.n) continue;
    if (e->country && g->nnamed < LB_GEO_MAXCTX) g->named[g->nnamed++] = e->country;
    if (e->guess || g->nadm1 >= LB_GEO_MAXCTX) continue;
    fields x;
    if (!entdef_of(d, T, e->id, &x)) continue;
    if (has(&x, F_ADM1))
      g->adm1[g->nadm1++] = lb_arena_strndup(d->tx.arena, x.f[F_ADM1], (size_t)x.len[F_ADM1]);
  }
}

/* ---- the stage ---- */

static const char *dup_field(lb_doc *d, const fields *x, int i) {
  return has(x, i) ? lb_arena_strndup(d->tx.arena, x->f[i], (size_t)x->len[i]) : NULL;
}

void lb_geo_run(lb_doc *d) {
  if (!d->tx.lex) return;
  int T = lb_lex_table(d->tx.lex, "entdef");
  if (T < 0) return;
  for (size_t i = 0; i < d->entities.n; i++) {
    lb_entity *e = &d->entities.v[i];
    if (e->has_geo || e->guess) continue;
    fields x;
    if (!entdef_of(d, T, e->id, &x)) continue;
    int ok1, ok2, ok3;
    double id = num_field(&x, F_GEONAMEID, &ok1), lat = num_field(&x, F_LAT, &ok2),
           lon = num_field(&x, F_LON, &ok3);
    if (!ok1 || !ok2 || !ok3) continue;
    e->has_geo = 1;
    e->geo.geonameid = (int64_t)id;
    e->geo.lat = lat;
    e->geo.lon = lon;
    e->geo.feature = dup_field(d, &x, F_FEATURE);
    e->geo.cc = dup_field(d, &x, F_CC);
    e->geo.adm1 = dup_field(d, &x, F_ADM1);
    e->geo.fips = dup_field(d, &x, F_FIPS);
  }
}
