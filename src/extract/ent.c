/*
** ent.c -- entities and actors from the lexicon (see ent.h for what it finds).
**
** One pass over each sentence's tokens. At every word token the stage does
** one hash lookup of the token's key; only where the lexicon says longer keys
** start with it (maxtoks > 1) does it build and probe multi-token keys. The
** tries, in order: a name (`ent`, longest match), a nationality adjective
** (`nat`) with an agent noun, role noun or place noun after it, a hyphenated
** compound with name parts, a genitive -s, a surname seen before in the
** document, "die Hauptstadt", and finally an unknown capitalised sequence
** (a guess). Place names with several candidates are decided after the pass,
** when the document's countries are known (lb_geo_pick, lb_geo_accept).
**
** Lexicon records used (columns in data/README.md):
**   ent     NAME -> KID, MENTION_ACTOR, ROLE (name|surname|place|gov), SOURCE
**   entdef  KID  -> ID, TYPE, ACTOR, COUNTRY3, NAME, GEONAMEID, LAT, LON,
**                   FEATURE, CC, POPULATION, SOURCE
**   nat     ADJECTIVE -> KID;   agent  NOUN -> AGENT, actor|place
**   rolenoun NOUN -> OFFICE;    office "<iso3> <office>" -> KID, FROM, TO
**   country CC -> KID;          capital KID -> KID of the capital
**   form    FORM -> LEMMA, POS, ...;   stop WORD
*/
#include "ent.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/map.h"
#include "../doc/doc.h"
#include "../lex/lex.h"
#include "../lex/lexdoc.h"
#include "../syntax/tree.h"
#include "geo.h"

#define KEYMAX 512
#define MAXCAND 16

typedef struct tabs {
  int ent, entdef, nat, agent, rolenoun, office, country, capital, form, stop, nounsuffix, month,
      region, placeprefix, placeadj, placeadjend, nameend;
} tabs;

/* A place name with several candidates, decided after the pass. */
typedef struct deferred {
  uint32_t tok0, tok1;
  lb_lex_entry e;
  uint8_t metonymy_ok;
  uint8_t need; /* 0: a main place name; 1: only an alternate or foreign
                ** name; 2: also a common word (lb_geo_accept) */
  uint16_t ev;  /* the evidence for a place (LB_GEO_EV_*, lb_geo_evidence) */
} deferred;

typedef struct ctx {
  lb_doc *d;
  const lb_lex *lx;
  tabs T;
  const lb_lexdoc_memo *memo; /* lb_lexdoc_memos: per token */
  uint8_t *used;        /* per token: already part of a mention */
  uint8_t *nounend;     /* per token: noun_ending's answer (0 = not asked) */
  /* Indexes, so that no rule scans what was found before (a document's
  ** time grew with the square of its size, issue 22): */
  lb_map ids;                  /* entity id -> index in d->entities */
  lb_map spans;                /* (entity, start, end) -> index in its mentions */
  lb_map surname_keys;         /* surname key -> index in surname_ent */
  LB_VEC(int32_t) surname_ent; /* per surname, in the order noted: its entity */
  uint64_t surname_first; /* bit (first byte & 63) of every surname key */
  uint64_t surname_len;   /* bit (length & 63) of every surname key */
  LB_VEC(deferred) later;
  LB_VEC(uint8_t) named; /* per entity index: a country named by an adjective */
  int32_t last_country;  /* entity index of the last country named */
  int en;                /* an English document */
} ctx;

static int name_like(ctx *c, uint32_t i);
static int name_like_cheap(ctx *c, uint32_t i);
static int compound_noun(ctx *c, uint32_t i);
static int32_t surname_at(ctx *c, uint32_t i);

static const char *const LOC_PREP[] = {"in",   "im",  "nach", "aus",  "bei",   "von",
                                       "vom",  "gen", "nahe", "um",   "from",  "to",
                                       "near", "at",  "into", "über", "durch", NULL};
static const char *const ARTICLE[] = {"der", "die", "das", "des", "dem", "den", "the", NULL};

static int in_list(const char *const *list, const char *s, size_t n) {
  for (; *list; list++)
    if (**list == *s && strlen(*list) == n && memcmp(*list, s, n) == 0) return 1;
  return 0;
}

/* Does s[0..n) contain "isch" (the nationality adjectives' suffix,
** "ukrainischen")? Asked of most capitalised words: four bytes compared as
** one word per position, not a memmem (which set up a two-way search per
** call and was 3% of all cycles) nor a memcmp per 'i'. */
static int has_isch(const char *s, size_t n) {
  uint32_t want;
  memcpy(&want, "isch", 4);
  for (size_t i = 0; i + 4 <= n; i++) {
    uint32_t w;
    memcpy(&w, s + i, 4);
    if (w == want) return 1;
  }
  return 0;
}

static int is_word(const lb_tok *t) {
  return (t->kind == LB_TOK_WORD || t->kind == LB_TOK_ABBR) && t->norm && t->normlen;
}

/* The lexicon entry of token i's own key, looked up once per document and
** shared with the later stages (lex/lexdoc.c). */
static int tok_entry(ctx *c, uint32_t i, lb_lex_entry *e) {
  return lb_lexdoc_tok_memo(&c->d->tx, c->memo, i, e);
}

static int entry_has(const lb_lex *lx, const lb_lex_entry *e, int table, lb_lex_rec *r) {
  if (!lb_lex_may_have(e, table)) return 0;
  for (uint32_t i = 0; i < e->nrec; i++)
    if (lb_lex_rec_get(lx, e, i, r) && r->table == table) return 1;
  return 0;
}

/* entry_has when the record itself is not needed (lb_lex_entry_has: the
** entry's table bits answer without reading records, a cache miss each). */
static int has_tab(const ctx *c, const lb_lex_entry *e, int table) {
  return lb_lex_entry_has(c->lx, e, table);
}

/* Longest key of table `table` starting at token i and ending before token
** `lim`. Returns its token count (0 = none) and fills *out. Keys of the small
** tables (nat, rolenoun) are at most MAXSHORT tokens: longer probes are
** skipped, since a frequent word ("die") starts some long name. */
#define MAXSHORT 2
#define MAXLONG 8
static uint32_t probe(ctx *c, uint32_t i, uint32_t lim, int table, lb_lex_entry *out) {
  lb_lex_entry e1;
  if (table < 0 || !tok_entry(c, i, &e1)) return 0;
  if (e1.maxtoks > 1) {
    uint32_t n = e1.maxtoks;
    if (table != c->T.ent && n > MAXSHORT) n = MAXSHORT;
    if (n > MAXLONG) n = MAXLONG;
    if (n > lim - i) n = lim - i;
    if (n > 2) {
      /* keys of 3+ tokens only when some key starts with the first two
      ** ("Der" starts many names, "der präsident" few): one lookup
      ** instead of one per length (lex.h: prefix entries) */
      lb_lex_entry e2;
      if (lb_lexdoc_span(&c->d->tx, i, 2, &e2))
        for (uint32_t k = n < e2.maxtoks ? n : e2.maxtoks; k > 2; k--) {
          lb_lex_entry e;
          if (lb_lex_has_len(&e2, k) && lb_lexdoc_span(&c->d->tx, i, k, &e) &&
              has_tab(c, &e, table)) {
            *out = e;
            return k;
          }
        }
      n = 2;
    }
    for (; n > 1; n--) {
      lb_lex_entry e;
      /* only lengths some key has; memoised: probes for ent, nat and
      ** rolenoun ask for the same spans */
      if (lb_lex_has_len(&e1, n) && lb_lexdoc_span(&c->d->tx, i, n, &e) && has_tab(c, &e, table)) {
        *out = e;
        return n;
      }
    }
  }
  if (has_tab(c, &e1, table)) {
    *out = e1;
    return 1;
  }
  return 0;
}

/* The source a name record names (field 3: "lex:cldr", "rule:translit:ru-de"),
** as a mention's rule; dflt when it names none. */
static const char *rec_source(ctx *c, const lb_lex_rec *r, const char *dflt) {
  const char *s = lb_lex_field_dup(c->d->tx.arena, r, 3);
  return s ? s : dflt;
}

/* An `ent` record's place kind: 1 a place's main name, 2 an alternate name,
** 0 no place (field 2, read once: it is a cache miss) */
static int place_kind(const lb_lex_rec *r) {
  const char *f;
  int n = lb_lex_field(r->val, r->val_len, 2, &f);
  if (n == 5 && memcmp(f, "place", 5) == 0) return 1;
  if (n == 8 && memcmp(f, "placealt", 8) == 0) return 2;
  return 0;
}

/* Is an `ent` record a place name (main or alternate)? */
static int is_place_rec(const lb_lex_rec *r) { return place_kind(r) != 0; }

/* The entity for lexicon key kid[0..n), created from its entdef on first use;
** -1 when the lexicon has no definition. */
static int32_t entity_for(ctx *c, const char *kid, size_t n) {
  lb_lex_rec r;
  if (!n || !lb_lex_find(c->lx, c->T.entdef, kid, n, &r)) return -1;
  const char *f;
  int l = lb_lex_field(r.val, r.val_len, 0, &f);
  if (l <= 0) return -1;
  lb_doc *d = c->d;
  int32_t have = lb_map_put(&c->ids, f, (size_t)l, (int32_t)d->entities.n);
  if (have >= 0) return have;
  lb_entity *e = LB_VEC_PUSH(d->tx.arena, d->entities);
  e->id = lb_lex_field_dup(c->d->tx.arena, &r, 0);
  e->type = lb_lex_field_dup(c->d->tx.arena, &r, 1);
  e->actor = lb_lex_field_dup(c->d->tx.arena, &r, 2);
  e->country = lb_lex_field_dup(c->d->tx.arena, &r, 3);
  e->name = lb_lex_field_dup(c->d->tx.arena, &r, 4);
  e->source = lb_lex_field_dup(c->d->tx.arena, &r, 11);
  if (!e->type) e->type = "MISC";
  if (!e->name) e->name = e->id;
  return (int32_t)(d->entities.n - 1);
}

static int32_t entity_for_rec(ctx *c, const lb_lex_rec *r) {
  const char *f;
  int l = lb_lex_field(r->val, r->val_len, 0, &f);
  return l > 0 ? entity_for(c, f, (size_t)l) : -1;
}

static lb_mention *add_mention(ctx *c, int32_t ent, uint32_t tok0, uint32_t tok1, const char *actor,
                               const char *rule, int role) {
  if (ent < 0 || tok1 <= tok0) return NULL;
  lb_doc *d = c->d;
  assert((size_t)ent < d->entities.n && tok1 <= d->tx.toks.n);
  lb_entity *e = &d->entities.v[ent];
  uint32_t start = d->tx.toks.v[tok0].start, end = d->tx.toks.v[tok1 - 1].end;
  uint32_t key[3] = {(uint32_t)ent, start, end};
  int32_t have = lb_map_put(&c->spans, key, sizeof key, (int32_t)e->mentions.n);
  if (have >= 0) return &e->mentions.v[have];
  /* rules are written "de:..."; in an English document they are "en:..." */
  if (c->en && rule && strncmp(rule, "de:", 3) == 0)
    rule = lb_arena_printf(d->tx.arena, "en:%s", rule + 3);
  lb_mention *m = LB_VEC_PUSH(d->tx.arena, e->mentions);
  m->start = start;
  m->end = end;
  m->tok0 = tok0;
  m->tok1 = tok1;
  m->actor = actor;
  m->rule = rule;
  m->role = (uint8_t)role;
  for (uint32_t t = tok0; t < tok1; t++)
    c->used[t] = 1;
  if (e->type && strcmp(e->type, "GPE") == 0 && e->has_geo == 0 && e->country && e->actor &&
      strlen(e->actor) == 3)
    c->last_country = ent;
  return m;
}

/* Actor code "<country actor><agent>" in the arena, or NULL. */
static const char *agent_actor(ctx *c, int32_t ent, const char *agent, size_t n) {
  const char *a = c->d->entities.v[ent].actor;
  if (!a || !n || (n == 1 && agent[0] == '-')) return NULL;
  /* "Houthi-Rebellen": YEMREB and REB are YEMREB, not YEMREBREB */
  for (size_t k = 3; k + n <= strlen(a); k += 3)
    if (memcmp(a + k, agent, n) == 0) return a;
  /* "IS-Jihadisten": a named armed group (IMG...) is its fighters already */
  if (strncmp(a, "IMG", 3) == 0 && n >= 3 &&
      (!memcmp(agent, "UAF", 3) || !memcmp(agent, "REB", 3) || !memcmp(agent, "MIL", 3)))
    return a;
  return lb_arena_printf(c->d->tx.arena, "%s%.*s", a, (int)n, agent);
}

static int tok_cap(const lb_doc *d, const lb_tok *t) {
  (void)d;
  return (t->flags & (LB_TF_CAP | LB_TF_UPPER)) != 0;
}

static int prev_is(const ctx *c, uint32_t i, uint32_t s0, const char *const *list) {
  if (i <= s0) return 0;
  const lb_tok *p = &c->d->tx.toks.v[i - 1];
  return p->norm && in_list(list, p->norm, p->normlen);
}

/* Start token of a phrase at i, extended over a preceding article. */
static uint32_t with_article(const ctx *c, uint32_t i, uint32_t s0) {
  return prev_is(c, i, s0, ARTICLE) ? i - 1 : i;
}

/* An acronym key ("EU", "IS") matches only text written in capitals. */
static int acronym_ok(const lb_tok *t, const char *surface) {
  size_t n = strlen(surface);
  if (n > 4) return 1;
  for (size_t i = 0; i < n; i++)
    if (!(surface[i] >= 'A' && surface[i] <= 'Z') && surface[i] != '.') return 1;
  return (t->flags & LB_TF_UPPER) != 0 || t->end - t->start == 1;
}

/* Can a key (normalised: case-folded) be that of an acronym surface, of at
** most 4 capitals and dots? Only when it is at most 4 bytes of a-z and dots:
** else acronym_ok holds for every surface under it. */
static int key_may_be_acronym(const char *k, size_t n) {
  if (n > 4) return 0;
  for (size_t i = 0; i < n; i++)
    if (!((k[i] >= 'a' && k[i] <= 'z') || k[i] == '.')) return 0;
  return 1;
}

static int all_upper(const char *s) {
  for (; *s; s++)
    if (*s >= 'a' && *s <= 'z') return 0;
  return 1;
}

/* Like acronym_ok for the part of a compound at norm offset off (ASCII
** prefixes keep their offsets under case folding). */
static int part_acronym_ok(const lb_doc *d, const lb_tok *t, size_t off, size_t l,
                           const char *surface) {
  if (strlen(surface) > 4 || t->start + off + l > t->end) return acronym_ok(t, surface);
  int up = 1;
  for (size_t i = 0; i < strlen(surface); i++)
    if (!(surface[i] >= 'A' && surface[i] <= 'Z')) up = 0;
  if (!up) return 1;
  for (size_t i = 0; i < l; i++) {
    char ch = d->tx.text[t->start + off + i];
    if (!(ch >= 'A' && ch <= 'Z')) return 0;
  }
  return 1;
}

/* Country entity of a place record's entdef (via its CC), or -1. */
static int32_t country_of_cc(ctx *c, const char *cc, size_t n) {
  char k[8];
  if (n == 0 || n > 3) return -1;
  for (size_t i = 0; i < n; i++)
    k[i] = (char)(cc[i] | 0x20);
  lb_lex_rec r;
  if (!lb_lex_find(c->lx, c->T.country, k, n, &r)) return -1;
  return entity_for_rec(c, &r);
}

/* Add a place mention for entdef KID kid; capitals used as actors become the
** government of their country (and stay a mention of the city too). */
static void place_mention(ctx *c, const char *kid, size_t kn, uint32_t i0, uint32_t i1,
                          int metonymy_ok, const char *rule) {
  lb_lex_rec def;
  if (!lb_lex_find(c->lx, c->T.entdef, kid, kn, &def)) return;
  int32_t ent = entity_for(c, kid, kn);
  if (ent < 0) return;
  if (metonymy_ok && lb_lex_field_is(&def, 8, "PPLC")) {
    const char *cc;
    int n = lb_lex_field(def.val, def.val_len, 9, &cc);
    size_t before = c->d->entities.n;
    int32_t co = n > 0 ? country_of_cc(c, cc, (size_t)n) : -1;
    /* only where the text is about that country: it was named before */
    int named = co >= 0 && (size_t)co < c->named.n && c->named.v[co];
    if (co >= 0 && (size_t)co < before && (c->d->entities.v[co].mentions.n || named)) {
      add_mention(c, co, i0, i1, agent_actor(c, co, "GOV", 3), "de:metonymy:capital",
                  LB_ROLE_ACTOR);
      add_mention(c, ent, i0, i1, NULL, "de:metonymy:capital", LB_ROLE_ACTOR);
      return;
    }
  }
  add_mention(c, ent, i0, i1, NULL, rule, LB_ROLE_PLACE);
}

/* Remember the last token of a full person name for later "Trump". */
static void note_surname(ctx *c, int32_t ent, uint32_t i0, uint32_t i1) {
  if (i1 - i0 < 2) return;
  const lb_entity *e = &c->d->entities.v[ent];
  if (!e->type || strcmp(e->type, "PER") != 0) return;
  const lb_tok *t = &c->d->tx.toks.v[i1 - 1];
  if (!t->norm) return;
  /* the first person of a surname keeps it (surname_at) */
  if (lb_map_put(&c->surname_keys, t->norm, t->normlen, (int32_t)c->surname_ent.n) >= 0) return;
  *LB_VEC_PUSH(c->d->tx.arena, c->surname_ent) = ent;
  c->surname_first |= 1ull << ((unsigned char)t->norm[0] & 63);
  c->surname_len |= 1ull << (t->normlen & 63);
}

/* Type of the entity an `ent` record points to (its entdef), or "". */
static int rec_is_person(ctx *c, const lb_lex_rec *r) {
  const char *f;
  int l = lb_lex_field(r->val, r->val_len, 0, &f);
  lb_lex_rec def;
  return l > 0 && lb_lex_find(c->lx, c->T.entdef, f, (size_t)l, &def) && lb_lex_field_is(&def, 1, "PER");
}

/* Has the entry a main place name of a country, a capital or a city of a
** million ("Schweiz", "USA" are dictionary words too)? */
static int important_main(ctx *c, const lb_lex_entry *e) {
  lb_lex_rec r, def;
  for (uint32_t k = 0; k < e->nrec; k++) {
    if (!lb_lex_rec_get(c->lx, e, k, &r) || r.table != c->T.ent || !lb_lex_field_is(&r, 2, "place"))
      continue;
    const char *f;
    int l = lb_lex_field(r.val, r.val_len, 0, &f);
    if (l <= 0 || !lb_lex_find(c->lx, c->T.entdef, f, (size_t)l, &def)) continue;
    const char *pop;
    int pl = lb_lex_field(def.val, def.val_len, 10, &pop);
    if (lb_lex_field_is(&def, 8, "PCLI") || lb_lex_field_is(&def, 8, "PPLC") || pl > 6) return 1;
  }
  return 0;
}

/* What try_name needs of a name's `ent` records: the first record that is
** no place (best; nbest of them), the places (nplace; kids distinct entity
** keys, the first kid0 with the source field src0 of its record; mainname:
** one of them is a main name). */
typedef struct name_recs {
  uint32_t lex, rec0, nrec, cls; /* the cache key (lex 0: empty slot) */
  lb_lex_rec best;
  int nbest, nplace, kids, mainname;
  const char *kid0, *src0;
  int kid0n, src0n;
} name_recs;

/*
** Read the records of name entry e, matched by n tokens from token t. The
** answer depends on the records and on four facts of the token (cls), so it
** is kept per thread: a name met before (Österreich, Wien, SPÖ) costs one
** slot instead of a walk over its records, each a cache miss or three in
** the mapping (record, surface, value: 3.6% of --stages places, perf).
*/
#define NR_SLOTS 1024
static const name_recs *name_recs_of(ctx *c, const lb_tok *t, uint32_t n, const lb_lex_entry *e) {
  static _Thread_local name_recs cache[NR_SLOTS];
  /* the records' surfaces are read only when one could be an acronym or the
  ** token is in capitals: most names are neither, and each surface is a
  ** cache miss (strlen was 1.2% of all cycles, perf) */
  int surf = n > 1 || (t->flags & LB_TF_UPPER) || key_may_be_acronym(t->norm, t->normlen);
  uint32_t len = t->end - t->start;
  uint32_t cls = (uint32_t)(n == 1) | (uint32_t)!!(t->flags & LB_TF_UPPER) << 1 |
                 (uint32_t)(len <= 4) << 2 | (uint32_t)(len == 1) << 3 | (uint32_t)surf << 4;
  uint32_t lex = lb_lex_id(c->lx);
  name_recs *nr = &cache[(e->rec0 * 2654435761u ^ cls) & (NR_SLOTS - 1)];
  if (nr->lex == lex && nr->rec0 == e->rec0 && nr->nrec == e->nrec && nr->cls == cls) return nr;
  memset(nr, 0, sizeof *nr);
  lb_lex_rec r;
  for (uint32_t k = 0; k < e->nrec; k++) {
    if (!lb_lex_rec_get(c->lx, e, k, &r) || r.table != c->T.ent) continue;
    if (surf && !acronym_ok(t, r.surface)) continue;
    /* an acronym in the text ("BAG", "ZE") is no name written normally */
    if (n == 1 && (t->flags & LB_TF_UPPER) && len <= 4 && !all_upper(r.surface)) continue;
    int pk = place_kind(&r);
    if (pk) {
      const char *f = r.val;
      int l = lb_lex_field(r.val, r.val_len, 0, &f);
      if (!nr->kid0 || l != nr->kid0n || memcmp(f, nr->kid0, (size_t)l) != 0) nr->kids++;
      if (!nr->kid0) {
        nr->kid0 = f;
        nr->kid0n = l;
        nr->src0n = lb_lex_field(r.val, r.val_len, 3, &nr->src0);
      }
      nr->nplace++;
      nr->mainname |= pk == 1;
      continue;
    }
    if (!nr->nbest) nr->best = r;
    nr->nbest++;
  }
  nr->lex = lex;
  nr->rec0 = e->rec0;
  nr->nrec = e->nrec;
  nr->cls = cls;
  return nr;
}

/* Is token i a month's name (table month) with a number beside it: a
** year or day after it ("March 2019", "March 5") or a day before it
** ("5 March", "3. März")? Then it is part of a date, not a town. */
static int month_in_date(ctx *c, uint32_t i, const lb_lex_entry *e0) {
  if (c->T.month < 0 || !has_tab(c, e0, c->T.month)) return 0;
  const lb_text *tx = &c->d->tx;
  if (i + 1 < tx->toks.n && tx->toks.v[i + 1].kind == LB_TOK_NUM) return 1;
  if (i > 0 && (tx->toks.v[i - 1].kind == LB_TOK_NUM || tx->toks.v[i - 1].kind == LB_TOK_ORD))
    return 1;
  return 0;
}

/* Is token i a person's initial ("A.", "D.")? */
static int initial_at(const ctx *c, uint32_t i) {
  const lb_tok *t = &c->d->tx.toks.v[i];
  const char *x = c->d->tx.text;
  if (!(x[t->start] >= 'A' && x[t->start] <= 'Z')) return 0;
  /* "D." one token, or "N" and a period the tokenizer kept apart ("Rabah N.
  ** wurde": a period before a lower-case word) */
  return (t->kind == LB_TOK_ABBR && t->end - t->start == 2) ||
         (t->kind == LB_TOK_WORD && t->end - t->start == 1 && t->end < c->d->tx.len && x[t->end] == '.');
}

/* A name at token i: returns tokens consumed (0 = none). */
static uint32_t try_name(ctx *c, uint32_t i, uint32_t s0, uint32_t s1) {
  const lb_tok *t = &c->d->tx.toks.v[i];
  lb_lex_entry e0, e;
  if (!tok_cap(c->d, t) || !tok_entry(c, i, &e0)) return 0;
  uint32_t n = probe(c, i, s1, c->T.ent, &e);
  if (!n) return 0;
  lb_lex_entry ne;
  if (e0.maxtoks > 1 && probe(c, i, s1, c->T.nat, &ne) > n) return 0; /* "North Korean" */
  /* "Elizabeth A. Burton": a name, an initial and a capitalised word are a
  ** person, not the town of Elizabeth (try_guess) */
  if (n == 1 && i + 2 < s1 && initial_at(c, i + 1) && (c->d->tx.toks.v[i + 2].flags & LB_TF_CAP))
    return 0;
  const name_recs *nr = name_recs_of(c, t, n, &e);
  lb_lex_rec best = nr->best;
  int nbest = nr->nbest, nplace = nr->nplace, mainname = nr->mainname;
  const char *kid0 = nr->kid0;
  int kid0n = nr->kid0n, kids = nr->kids;
  const char *rule0 = nr->src0n > 0 ? lb_arena_strndup(c->d->tx.arena, nr->src0, (size_t)nr->src0n)
                                    : "lex:geonames";
  if (nbest) {
    int32_t ent = entity_for_rec(c, &best);
    if (ent < 0) return 0;
    const char *rule = rec_source(c, &best, "lex");
    const char *mact = lb_lex_field_dup(c->d->tx.arena, &best, 1);
    uint32_t i0 = i;
    int role = LB_ROLE_NAME;
    if (lb_lex_field_is(&best, 2, "gov")) {
      i0 = with_article(c, i, s0);
      role = LB_ROLE_ACTOR;
    }
    add_mention(c, ent, i0, i + n, mact, rule, role);
    note_surname(c, ent, i, i + n);
    return n;
  }
  if (!nplace) return 0;
  /* the surname of a person named before ("Schaub" after "Lukas Schaub") is
  ** that person, not one of the towns of that name */
  if (n == 1 && surname_at(c, i) >= 0 && !important_main(c, &e)) return 0;
  /* a town's name before an unknown name may be a first name ("Paris
  ** Hilton"), but not a capital or big city ("Berlin Fashion Week") */
  if (n == 1 && i + 1 < s1 && !prev_is(c, i, s0, LOC_PREP) && name_like(c, i + 1) &&
      !compound_noun(c, i + 1) && !important_main(c, &e))
    return 0; /* ("Moskau Kriegsverbrechen": a compound noun is no surname) */
  /* "in Kursk", "in der Schweiz" */
  int prep = prev_is(c, i, s0, LOC_PREP) ||
             (prev_is(c, i, s0, ARTICLE) && prev_is(c, i - 1, s0, LOC_PREP));
  /* what the syntax says of the name (geo.h): a proper noun, a
  ** common word ("Norden", "Weil"), part of a person's name ("Ban Ki Moon") */
  unsigned ev = lb_geo_evidence(c->d, i, i + n);
  if (prep) ev |= LB_GEO_EV_LOCATIVE;
  prep = (ev & LB_GEO_EV_LOCATIVE) != 0;
  int need = 0;
  if (n == 1 && (has_tab(c, &e0, c->T.form) || has_tab(c, &e0, c->T.stop)) &&
      !important_main(c, &e)) {
    if (!prep) return 0; /* a common word that is also some town's name */
    need = 2;
  } else if (n == 1 && month_in_date(c, i, &e0)) {
    return 0; /* "in March 2019", "5 March", "am 3. März" */
  } else if (n == 1 && !mainname) {
    /* a nationality adjective that is also some place's alternate name
    ** ("Iraqi", a CLDR name of Iraq) is the adjective (try_nat) */
    if (!prep && has_tab(c, &e0, c->T.nat)) return 0;
    need = 1; /* only an alternate or foreign name: "Dazu" (Longgang, China) */
  }
  /* part of a person's name, or a dictionary word the tagger reads as one:
  ** no place, and the other rules may try the words ("Ban Ki Moon") */
  if (((ev & LB_GEO_EV_PERSON) || ((ev & (LB_GEO_EV_COMMON | LB_GEO_EV_DET)) && need == 2)) &&
      !important_main(c, &e))
    return 0;
  /* no doubt: a proper noun under a place preposition, or a country,
  ** capital or city of a million; else decided with the document's
  ** countries at the end (lb_geo_accept) */
  int sure = ((ev & LB_GEO_EV_NONE) && !(ev & LB_GEO_EV_PERSON)) ||
             ((ev & (LB_GEO_EV_PROPN | LB_GEO_EV_NOUN)) &&
              !(ev & (LB_GEO_EV_PERSON | LB_GEO_EV_TITLE | LB_GEO_EV_ARTICLE)) &&
              (prep || important_main(c, &e)));
  if (kids == 1 && !need && sure) {
    place_mention(c, kid0, (size_t)kid0n, i, i + n, !prep, rule0);
  } else {
    deferred *df = LB_VEC_PUSH(c->d->tx.arena, c->later);
    df->tok0 = i;
    df->tok1 = i + n;
    df->e = e;
    df->metonymy_ok = (uint8_t)!prep;
    df->need = (uint8_t)need;
    df->ev = (uint16_t)ev;
    for (uint32_t k = i; k < i + n; k++)
      c->used[k] = 1;
  }
  return n;
}

/* Look token i up in table `table` by its key, or (nationality adjectives,
** "ukrainischen") by its key without the declension ending; fills *r. */
static int lookup_infl(ctx *c, uint32_t i, int table, lb_lex_rec *r) {
  const lb_tok *t = &c->d->tx.toks.v[i];
  lb_lex_entry e;
  if (table < 0) return 0;
  if (tok_entry(c, i, &e) && entry_has(c->lx, &e, table, r)) return 1;
  if (table != c->T.nat || t->normlen < 6 || !has_isch(t->norm, t->normlen)) return 0;
  static const char *const END[] = {"em", "en", "er", "es", "e", NULL};
  for (int k = 0; END[k]; k++) {
    size_t el = strlen(END[k]);
    if (t->normlen > el + 3 && memcmp(t->norm + t->normlen - el, END[k], el) == 0 &&
        lb_lex_find(c->lx, table, t->norm, t->normlen - el, r))
      return 1;
  }
  return 0;
}

/* A person name starting at token i (for role phrases before names). */
static int32_t person_at(ctx *c, uint32_t i, uint32_t s1) {
  if (i >= s1 || !is_word(&c->d->tx.toks.v[i]) || !tok_cap(c->d, &c->d->tx.toks.v[i])) return -1;
  lb_lex_entry e;
  lb_lex_rec r;
  if (!probe(c, i, s1, c->T.ent, &e)) return -1;
  if (!entry_has(c->lx, &e, c->T.ent, &r) || !rec_is_person(c, &r)) return -1;
  return entity_for_rec(c, &r);
}

/* The holder of office "<iso3> <office>" on the publication date. */
static int32_t office_holder(ctx *c, const char *iso3, const char *office, size_t on) {
  char k[128];
  int n = snprintf(k, sizeof k, "%s %.*s", iso3, (int)on, office);
  if (n <= 0 || (size_t)n >= sizeof k) return -1;
  for (int j = 0; j < 3; j++)
    k[j] = (char)(k[j] | 0x20);
  lb_lex_entry e;
  if (!lb_lex_get(c->lx, k, (size_t)n, &e)) return -1;
  char date[16] = "";
  if (c->d->pub_y)
    snprintf(date, sizeof date, "%04d-%02d-%02d", c->d->pub_y, c->d->pub_m ? c->d->pub_m : 1,
             c->d->pub_d ? c->d->pub_d : 1);
  lb_lex_rec r, pick;
  int have = 0;
  for (uint32_t i = 0; i < e.nrec; i++) {
    if (!lb_lex_rec_get(c->lx, &e, i, &r) || r.table != c->T.office) continue;
    const char *from, *to;
    int fl = lb_lex_field(r.val, r.val_len, 1, &from), tl = lb_lex_field(r.val, r.val_len, 2, &to);
    if (date[0]) {
      if (fl == 10 && memcmp(from, date, 10) > 0) continue;
      if (tl == 10 && memcmp(to, date, 10) <= 0) continue;
    } else if (tl > 0) {
      continue;
    }
    pick = r;
    have = 1;
  }
  return have ? entity_for_rec(c, &pick) : -1;
}

/* Role noun rec (office) for the country entity co, used at tokens [i0, i1):
** a capital, the office holder, or the person named right after. */
static void role_phrase(ctx *c, int32_t co, const lb_lex_rec *rn, uint32_t i0, uint32_t i1,
                        uint32_t s1, const char *rule) {
  const char *off;
  int on = lb_lex_field(rn->val, rn->val_len, 0, &off);
  if (on <= 0) return;
  if (on == 7 && memcmp(off, "capital", 7) == 0) {
    char k[64];
    const char *id = c->d->entities.v[co].id;
    size_t n = 0;
    for (const char *p = id; *p && n < sizeof k - 1; p++)
      if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
        k[n++] = *p;
      else if (*p >= 'A' && *p <= 'Z')
        k[n++] = (char)(*p | 0x20);
    lb_lex_rec cap;
    if (lb_lex_find(c->lx, c->T.capital, k, n, &cap)) {
      const char *ck;
      int cl = lb_lex_field(cap.val, cap.val_len, 0, &ck);
      if (cl > 0) place_mention(c, ck, (size_t)cl, i0, i1, 0, "de:capital");
    }
    return;
  }
  int32_t who = person_at(c, i1, s1);
  const char *iso3 = c->d->entities.v[co].country;
  if (who < 0 && iso3 && strlen(iso3) == 3) who = office_holder(c, iso3, off, (size_t)on);
  if (who >= 0) add_mention(c, who, i0, i1, NULL, rule, LB_ROLE_NAME);
}

/* "ukrainische Streitkräfte", "russischem Boden", "der russische Präsident". */
static uint32_t try_nat(ctx *c, uint32_t i, uint32_t s0, uint32_t s1) {
  const lb_tok *t = &c->d->tx.toks.v[i];
  lb_lex_entry e;
  lb_lex_rec r;
  uint32_t n = probe(c, i, s1, c->T.nat, &e);
  if (n) {
    if (!entry_has(c->lx, &e, c->T.nat, &r)) return 0;
  } else {
    if (t->flags & LB_TF_HYPH) return 0;
    if (!lookup_infl(c, i, c->T.nat, &r)) return 0;
    n = 1;
  }
  int32_t co = entity_for_rec(c, &r);
  if (co < 0) return 0;
  while (c->named.n <= (size_t)co)
    *LB_VEC_PUSH(c->d->tx.arena, c->named) = 0;
  c->named.v[co] = 1;
  uint32_t j = i + n;
  if (j < s1 && is_word(&c->d->tx.toks.v[j])) {
    lb_lex_rec a;
    lb_lex_entry re;
    uint32_t rn = probe(c, j, s1, c->T.rolenoun, &re);
    if (rn && entry_has(c->lx, &re, c->T.rolenoun, &a)) {
      role_phrase(c, co, &a, with_article(c, i, s0), j + rn, s1, "de:role");
      c->last_country = co;
      return n + rn;
    }
    if (lookup_infl(c, j, c->T.agent, &a)) {
      const char *code;
      int cl = lb_lex_field(a.val, a.val_len, 0, &code);
      if (lb_lex_field_is(&a, 1, "place")) {
        add_mention(c, co, i, j + 1, NULL, "de:nat+place", LB_ROLE_PLACE);
      } else {
        add_mention(c, co, i, j + 1, agent_actor(c, co, code, cl > 0 ? (size_t)cl : 0),
                    "de:nat+agent", LB_ROLE_ACTOR);
      }
      return n + 1;
    }
  }
  add_mention(c, co, i, i + n, NULL, "de:nat", LB_ROLE_ADJ);
  return n;
}

/* The entdef kid of the country named s[0..n) (a place name whose
** definition is a PCLI), in *kid; its length, or 0. */
static size_t country_kid(ctx *c, const char *s, size_t n, const char **kid) {
  lb_lex_rec r, def;
  if (!lb_lex_find(c->lx, c->T.ent, s, n, &r) || !is_place_rec(&r)) return 0;
  int fl = lb_lex_field(r.val, r.val_len, 0, kid);
  return fl > 0 && lb_lex_find(c->lx, c->T.entdef, *kid, (size_t)fl, &def) && lb_lex_field_is(&def, 8, "PCLI")
             ? (size_t)fl
             : 0;
}

/* "US-Beamte", "Russland-Nordkorea-Allianz", "Trump-Faktor", "US-Präsidenten". */
static uint32_t try_compound(ctx *c, uint32_t i, uint32_t s1) {
  const lb_tok *t = &c->d->tx.toks.v[i];
  if (!(t->flags & LB_TF_HYPH) || !tok_cap(c->d, t)) return 0;
  const char *p = t->norm, *end = t->norm + t->normlen;
  int32_t found[8];
  int nf = 0;
  const char *last = NULL;
  size_t lastn = 0;
  while (p < end) {
    const char *h = memchr(p, '-', (size_t)(end - p));
    size_t l = (size_t)((h ? h : end) - p);
    last = p;
    lastn = l;
    lb_lex_entry e;
    lb_lex_rec r;
    if (l && h && nf < 8 && lb_lex_get(c->lx, p, l, &e)) {
      int32_t ent = -1;
      for (uint32_t k = 0; k < e.nrec && ent < 0; k++) {
        if (!lb_lex_rec_get(c->lx, &e, k, &r)) continue;
        if (r.table == c->T.nat) ent = entity_for_rec(c, &r);
        if (r.table != c->T.ent || !part_acronym_ok(c->d, t, (size_t)(p - t->norm), l, r.surface))
          continue;
        /* name parts: actors, and places that are countries */
        lb_lex_rec def;
        const char *f;
        int fl = lb_lex_field(r.val, r.val_len, 0, &f);
        if (fl <= 0 || !lb_lex_find(c->lx, c->T.entdef, f, (size_t)fl, &def)) continue;
        if (is_place_rec(&r) && !lb_lex_field_is(&def, 8, "PCLI")) continue;
        ent = entity_for(c, f, (size_t)fl);
      }
      if (ent >= 0) found[nf++] = ent;
    }
    p = h ? h + 1 : end;
  }
  /* the last part may be a country too ("Russland-Nordkorea") */
  const char *ck;
  size_t ckn = last && lastn ? country_kid(c, last, lastn, &ck) : 0;
  if (ckn && nf < 8) found[nf++] = entity_for(c, ck, ckn);
  if (!nf) return 0;
  lb_lex_rec a;
  if (nf == 1 && last && lastn) {
    if (lb_lex_find(c->lx, c->T.rolenoun, last, lastn, &a)) {
      role_phrase(c, found[0], &a, i, i + 1, s1, "de:compound:role");
      return 1;
    }
    if (lb_lex_find(c->lx, c->T.agent, last, lastn, &a) && !lb_lex_field_is(&a, 1, "place")) {
      const char *code;
      int cl = lb_lex_field(a.val, a.val_len, 0, &code);
      add_mention(c, found[0], i, i + 1, agent_actor(c, found[0], code, cl > 0 ? (size_t)cl : 0),
                  "de:compound:agent", LB_ROLE_ACTOR);
      return 1;
    }
  }
  for (int k = 0; k < nf; k++)
    if (found[k] >= 0) add_mention(c, found[k], i, i + 1, NULL, "de:compound", LB_ROLE_NAME);
  return 1;
}

/* "Russlands", "Trumps", "Kyjiws", "Russia's": a name with a genitive ending. */
static uint32_t try_genitive(ctx *c, uint32_t i, uint32_t s0) {
  const lb_tok *t = &c->d->tx.toks.v[i];
  if (!tok_cap(c->d, t) || t->normlen < 3) return 0;
  size_t n = t->normlen;
  if (t->norm[n - 1] != 's') return 0;
  lb_lex_entry e0;
  if (tok_entry(c, i, &e0) && has_tab(c, &e0, c->T.form)) return 0; /* a common word */
  n--;
  if (n >= 1 && t->norm[n - 1] == '\'')
    n--;
  else if (n >= 3 && memcmp(t->norm + n - 3, "\xe2\x80\x99", 3) == 0)
    n -= 3;
  lb_lex_entry e;
  lb_lex_rec r;
  if (!lb_lex_get(c->lx, t->norm, n, &e) || !entry_has(c->lx, &e, c->T.ent, &r)) return 0;
  const char *f;
  int fl = lb_lex_field(r.val, r.val_len, 0, &f);
  if (fl <= 0) return 0;
  if (is_place_rec(&r)) {
    /* "Russlands", "Kyjiws": an important place, or one named before; a
    ** possessive is an actor, never a location. Not a function word ("Was":
    ** Wa, Ghana) nor part of a person's name (geo.h). */
    lb_lex_rec def;
    (void)s0;
    if (!lb_lex_find(c->lx, c->T.entdef, f, (size_t)fl, &def)) return 0;
    if (tok_entry(c, i, &e0) && has_tab(c, &e0, c->T.stop)) return 0; /* "Was" */
    if ((lb_geo_evidence(c->d, i, i + 1) & LB_GEO_EV_PERSON) && !lb_lex_field_is(&def, 8, "PCLI"))
      return 0;
    const char *id;
    int il = lb_lex_field(def.val, def.val_len, 0, &id);
    int32_t k = il > 0 ? lb_map_get(&c->ids, id, (size_t)il) : -1;
    int seen = k >= 0 && c->d->entities.v[k].mentions.n;
    if (!seen && !lb_lex_field_is(&def, 8, "PCLI") && !lb_lex_field_is(&def, 8, "PPLC") &&
        !lb_lex_field_is(&def, 8, "PPLA") && !lb_lex_field_is(&def, 8, "ADM1"))
      return 0;
    /* only an alternate name ("Bans": Baní, for Ban Ki-moon's): a place
    ** named before, or a country */
    if (!seen && place_kind(&r) == 2 && !lb_lex_field_is(&def, 8, "PCLI")) return 0;
    place_mention(c, f, (size_t)fl, i, i + 1, 1, "de:genitive");
    return 1;
  }
  int32_t ent = entity_for(c, f, (size_t)fl);
  if (ent < 0) return 0;
  add_mention(c, ent, i, i + 1, lb_lex_field_dup(c->d->tx.arena, &r, 1), "de:genitive",
              LB_ROLE_NAME);
  return 1;
}

/* "Nordirak", "Ostukraine", "Nordsyriens": a part of a country named by a
** compound of a region word (table placeprefix) and the country's name, a
** place in that country. Only countries: "Südtirol" is no part of Tirol. */
static uint32_t try_region(ctx *c, uint32_t i) {
  const lb_tok *t = &c->d->tx.toks.v[i];
  if (c->T.placeprefix < 0 || !tok_cap(c->d, t) || (t->flags & LB_TF_HYPH) || t->normlen < 7)
    return 0;
  lb_lex_rec r;
  for (size_t k = t->normlen - 4 < 12 ? t->normlen - 4 : 12; k >= 3; k--) {
    if (!lb_lex_find(c->lx, c->T.placeprefix, t->norm, k, &r)) continue;
    const char *rest = t->norm + k;
    size_t rn = t->normlen - k;
    for (int gen = 0; gen < 2; gen++, rn--) { /* "Nordsyriens" */
      if (gen && rest[rn] != 's') break;
      const char *f;
      size_t fl = country_kid(c, rest, rn, &f);
      if (!fl) continue;
      int32_t ent = entity_for(c, f, fl);
      if (ent < 0) return 0;
      add_mention(c, ent, i, i + 1, NULL, "de:regionprefix", LB_ROLE_PLACE);
      return 1;
    }
    return 0;
  }
  return 0;
}

/* The kid of a city of 100,000 or more named key[0..n) (any of its names),
** in buffer kid; its length, or 0. */
static size_t big_city(ctx *c, const char *key, size_t n, char *kid, size_t cap) {
  lb_lex_entry e;
  lb_lex_rec r, def;
  if (!lb_lex_get(c->lx, key, n, &e)) return 0;
  for (uint32_t k = 0; k < e.nrec; k++) {
    const char *f, *pop, *feat;
    int fl;
    if (!lb_lex_rec_get(c->lx, &e, k, &r) || r.table != c->T.ent || !is_place_rec(&r) ||
        (fl = lb_lex_field(r.val, r.val_len, 0, &f)) <= 0 || (size_t)fl > cap ||
        !lb_lex_find(c->lx, c->T.entdef, f, (size_t)fl, &def))
      continue;
    int pl = lb_lex_field(def.val, def.val_len, 10, &pop);
    int ftl = lb_lex_field(def.val, def.val_len, 8, &feat);
    if (pl >= 6 && ftl >= 3 && memcmp(feat, "PPL", 3) == 0) {
      memcpy(kid, f, (size_t)fl);
      return (size_t)fl;
    }
  }
  return 0;
}

/* "Berliner Polizei", "im Zürcher Stadtkreis": a capitalised adjective of a
** city before a capitalised word, by the endings of table placeadjend ("ner"
** -> "en": Münchner) or as a whole irregular word (placeadj: "Zürcher"). */
static uint32_t try_placeadj(ctx *c, uint32_t i, uint32_t s1) {
  const lb_tok *t = &c->d->tx.toks.v[i];
  if (c->T.placeadj < 0 || !tok_cap(c->d, t) || (t->flags & (LB_TF_HYPH | LB_TF_UPPER)) ||
      t->normlen < 4 || i + 1 >= s1 || !is_word(&c->d->tx.toks.v[i + 1]) ||
      !tok_cap(c->d, &c->d->tx.toks.v[i + 1]))
    return 0;
  char key[64], kid[KEYMAX];
  size_t kl = 0;
  lb_lex_rec r;
  lb_lex_entry e;
  /* a word that starts longer names and is no common word is a given
  ** name ("Peter" is no "Pet", Perth) */
  if (tok_entry(c, i, &e) && e.maxtoks > 1 && !has_tab(c, &e, c->T.form)) return 0;
  if (lb_lex_find(c->lx, c->T.placeadj, t->norm, t->normlen, &r)) {
    const char *f;
    int fl = lb_lex_field(r.val, r.val_len, 0, &f);
    if (fl > 0) kl = big_city(c, f, (size_t)fl, kid, sizeof kid);
  }
  for (size_t el = 2; !kl && el <= 4 && el < t->normlen - 2; el++) {
    const char *end = t->norm + t->normlen - el;
    if (!lb_lex_get(c->lx, end, el, &e)) continue;
    for (uint32_t k = 0; !kl && k < e.nrec; k++) {
      const char *f;
      int fl;
      if (!lb_lex_rec_get(c->lx, &e, k, &r) || r.table != c->T.placeadjend ||
          (fl = lb_lex_field(r.val, r.val_len, 0, &f)) <= 0)
        continue;
      size_t stem = t->normlen - el, add = fl == 1 && *f == '-' ? 0 : (size_t)fl;
      if (stem + add > sizeof key || stem + add < 4) continue;
      memcpy(key, t->norm, stem);
      memcpy(key + stem, f, add);
      kl = big_city(c, key, stem + add, kid, sizeof kid);
    }
  }
  if (!kl) return 0;
  int32_t ent = entity_for(c, kid, kl);
  if (ent < 0) return 0;
  add_mention(c, ent, i, i + 1, NULL, "de:placeadj", LB_ROLE_PLACEADJ);
  return 1;
}

/* The entity of a surname noted before that token i spells (also with a
** genitive -s: "Trumps"), or -1. */
static int32_t surname_at(ctx *c, uint32_t i) {
  const lb_tok *t = &c->d->tx.toks.v[i];
  if (!tok_cap(c->d, t) || !t->norm || !t->normlen) return -1;
  /* asked for every capitalised word: most start unlike any surname */
  if (!((c->surname_first >> ((unsigned char)t->norm[0] & 63)) & 1)) return -1;
  /* its length, or one less ("Trumps") */
  if (!(((c->surname_len >> (t->normlen & 63)) | (c->surname_len >> ((t->normlen - 1) & 63))) & 1))
    return -1;
  /* the surname noted first of the two keys the word may spell */
  int32_t k = lb_map_get(&c->surname_keys, t->norm, t->normlen);
  if (t->normlen > 1 && t->norm[t->normlen - 1] == 's') {
    int32_t g = lb_map_get(&c->surname_keys, t->norm, t->normlen - 1);
    if (g >= 0 && (k < 0 || g < k)) k = g;
  }
  return k >= 0 ? c->surname_ent.v[k] : -1;
}

static uint32_t try_surname(ctx *c, uint32_t i) {
  int32_t ent = surname_at(c, i);
  if (ent < 0) return 0;
  add_mention(c, ent, i, i + 1, NULL, "coref:surname", LB_ROLE_NAME);
  return 1;
}

/* "die Hauptstadt" (a role noun without an adjective): the capital of the
** country named last. */
static uint32_t try_bare_role(ctx *c, uint32_t i, uint32_t s0, uint32_t s1) {
  lb_lex_entry e;
  lb_lex_rec r;
  uint32_t n = probe(c, i, s1, c->T.rolenoun, &e);
  if (!n || !entry_has(c->lx, &e, c->T.rolenoun, &r) || !lb_lex_field_is(&r, 0, "capital")) return 0;
  if (c->last_country < 0 || !prev_is(c, i, s0, ARTICLE)) return 0;
  role_phrase(c, c->last_country, &r, i - 1, i + n, s1, "de:capital");
  return n;
}

/* Is token t a known common word (form/stop table) or an entity key? */
static int known_word(ctx *c, uint32_t i) {
  lb_lex_entry e;
  if (!tok_entry(c, i, &e)) return 0;
  /* from the table bits, without reading the records (has_tab) */
  return has_tab(c, &e, c->T.form) || has_tab(c, &e, c->T.stop) ||
         has_tab(c, &e, c->T.rolenoun) || has_tab(c, &e, c->T.agent) ||
         has_tab(c, &e, c->T.nat) ||
         /* a region word ("im Nordosten Nigerias") in German, where every
         ** noun has a capital (T.form is German only); an English one
         ** starts names ("North America") */
         (c->T.form >= 0 && has_tab(c, &e, c->T.region));
}

/* Ends token i like a common noun ("Abspaltung", "Landesarbeitsgerichts")? */
static int noun_ending(ctx *c, uint32_t i) {
  /* up to 8 lookups, asked again for the same token by several rules:
  ** remembered per token (c->nounend: 0 = not asked, 1 = no, 2 = yes) */
  if (c->nounend[i]) return c->nounend[i] == 2;
  const lb_tok *t = &c->d->tx.toks.v[i];
  int yes = 0;
  for (uint32_t n = 3; n <= 10 && n < t->normlen && !yes; n++) {
    lb_lex_rec r;
    yes = lb_lex_find(c->lx, c->T.nounsuffix, t->norm + t->normlen - n, n, &r);
  }
  c->nounend[i] = yes ? 2 : 1;
  return yes;
}

/* Could token i be part of an unknown name: a capitalised word (not all
** capitals, no digits) that is no dictionary word, no known name and does
** not end like a noun. */
static int name_like(ctx *c, uint32_t i) {
  const lb_tok *t = &c->d->tx.toks.v[i];
  if (t->kind != LB_TOK_WORD || !t->norm || !(t->flags & LB_TF_CAP)) return 0;
  if (t->flags & (LB_TF_DIGIT | LB_TF_UPPER)) return 0;
  if (t->end - t->start < 2) return 0;
  /* known names were tried before a guess starts; inside a guess a town's
  ** name may be a surname ("Thomas Stafford") or a first name ("Paris Hilton") */
  return !known_word(c, i) && !noun_ending(c, i);
}

/* name_like without the (several lookups) noun-ending test. */
static int name_like_cheap(ctx *c, uint32_t i) {
  const lb_tok *t = &c->d->tx.toks.v[i];
  if (t->kind != LB_TOK_WORD || !t->norm || !(t->flags & LB_TF_CAP)) return 0;
  if (t->flags & (LB_TF_DIGIT | LB_TF_UPPER)) return 0;
  if (t->end - t->start < 2) return 0;
  return !known_word(c, i);
}

/* Does token i end in a dictionary noun of four letters or more, as German
** compounds do ("Ortsausgang", "Landrat", "Krankenhaus")? Surnames often do
** too ("Beckenbauer"), so this is asked only of a guess's first word. */
static int compound_noun(ctx *c, uint32_t i) {
  const lb_tok *t = &c->d->tx.toks.v[i];
  for (uint32_t k = 4; k + 3 <= t->normlen && k <= 14; k++) {
    const char *suf = t->norm + t->normlen - k;
    if (((unsigned char)*suf & 0xC0) == 0x80) continue; /* inside a UTF-8 sequence */
    lb_lex_entry e;
    lb_lex_rec r;
    if (!lb_lex_get(c->lx, suf, k, &e) || !lb_lex_may_have(&e, c->T.form)) continue;
    for (uint32_t j = 0; j < e.nrec; j++)
      if (lb_lex_rec_get(c->lx, &e, j, &r) && r.table == c->T.form && lb_lex_field_is(&r, 1, "NOUN"))
        return 1;
  }
  return 0;
}

/* The type of a guessed name by its last word's ending (table nameend:
** "Bundesbank" ORG, "Seventh Street" LOC); "PER" when none. The longest
** ending first. A name's last word is short: at most one lookup a byte. */
static const char *guess_type(ctx *c, const lb_tok *l) {
  lb_lex_rec r;
  /* (either language's endings: German news names "New York Times") */
  for (uint32_t k = 0; c->T.nameend >= 0 && k + 2 <= l->normlen; k++) {
    if (((unsigned char)l->norm[k] & 0xC0) == 0x80) continue; /* inside a character */
    if (lb_lex_find(c->lx, c->T.nameend, l->norm + k, l->normlen - k, &r)) {
      const char *f;
      int fl = lb_lex_field(r.val, r.val_len, 0, &f);
      if (fl == 3 && !memcmp(f, "ORG", 3)) return "ORG";
      if (fl == 3 && !memcmp(f, "LOC", 3)) return "LOC";
    }
  }
  return "PER";
}

/* Unknown capitalised names: two or more name-like words (a person, or an
** organisation by its last word), or an unknown acronym. */
static uint32_t try_guess(ctx *c, uint32_t i, uint32_t s0, uint32_t s1) {
  lb_doc *d = c->d;
  const lb_tok *t = &d->tx.toks.v[i];
  /* a sentence's first word has a capital whatever it is: a name only when
  ** the tagger says so ("John Smith said", not "Between June", "Key
  ** Security Council powers"); without the syntax stage, never */
  if (i == s0) {
    int32_t w = lb_tree_word_of_tok(&d->tx, i);
    if (w < 0 || d->tx.words.v[w].upos != LB_UPOS_PROPN) return 0;
    /* nor a German compound noun before a name ("Elektronikhersteller
    ** Canon"): the name starts after it */
    if (compound_noun(c, i) || noun_ending(c, i)) return 0;
  }
  uint32_t j = i;
  /* an initial inside the run ("Christopher D. Battin") or closing it, the
  ** way news shortens a suspect's surname ("Fayçal C.", "Rabah N.") */
  while (j < s1 && !c->used[j] && (name_like_cheap(c, j) || (j > i && initial_at(c, j))) && j - i < 4) {
    const lb_tok *p = j > i ? &d->tx.toks.v[j - 1] : NULL;
    if (p && p->normlen == d->tx.toks.v[j].normlen &&
        memcmp(p->norm, d->tx.toks.v[j].norm, p->normlen) == 0)
      break; /* "Weihnachtsgeld Weihnachtsgeld" is no name */
    j++;
  }
  /* only a run of two or more is worth the noun-ending test */
  if (j - i >= 2)
    for (uint32_t k = i; k < j; k++)
      if (noun_ending(c, k)) {
        j = k;
        break;
      }
  const char *type = NULL;
  /* "Landrat Friedrich Kethorn", "Ortsausgang Besigheim": a compound noun
  ** before a name or a place (but "Wolfgang Kraus") */
  if (j - i >= 2) {
    lb_lex_entry le;
    int place_last = tok_entry(c, j - 1, &le) && has_tab(c, &le, c->T.ent);
    if ((j - i >= 3 || place_last) && compound_noun(c, i)) return 0;
    /* "Moskau Kriegsverbrechen": a known name and a compound noun after it */
    int name_first = tok_entry(c, i, &le) && has_tab(c, &le, c->T.ent);
    if (j - i == 2 && name_first && compound_noun(c, i + 1)) return 0;
  }
  if (j - i >= 2) {
    type = guess_type(c, &d->tx.toks.v[initial_at(c, j - 1) ? j - 2 : j - 1]); /* ("Group D.") */
  } else if (i > s0 && (j == i + 1 || (t->flags & LB_TF_UPPER))) {
    /* (an acronym; a sentence's first word is a name only in a run) */
    if ((t->flags & LB_TF_UPPER) && t->kind == LB_TOK_WORD && !(t->flags & LB_TF_DIGIT) &&
        t->end - t->start >= 3 && t->end - t->start <= 6 && !known_word(c, i) &&
        strspn(t->norm, "ivxlc") != t->normlen) {
      j = i + 1;
      type = "ORG";
    }
  }
  if (!type) return 0;
  /* slug id from the words */
  char slug[KEYMAX];
  size_t n = 0;
  for (uint32_t k = i; k < j && n < sizeof slug - 8; k++) {
    const lb_tok *w = &d->tx.toks.v[k];
    if (n) slug[n++] = '-';
    for (uint32_t b = 0; b < w->normlen && n < sizeof slug - 8; b++) {
      char ch = w->norm[b];
      slug[n++] = (ch == ' ' || ch == '"' || ch == '\\') ? '-' : ch;
    }
  }
  slug[n] = 0;
  const char *id = lb_arena_printf(d->tx.arena, "lb:%s", slug);
  int32_t ent = lb_map_put(&c->ids, id, strlen(id), (int32_t)d->entities.n);
  if (ent < 0) {
    lb_entity *e = LB_VEC_PUSH(d->tx.arena, d->entities);
    e->id = id;
    e->name = lb_text_span(&d->tx, t->start, d->tx.toks.v[j - 1].end);
    e->type = type;
    e->guess = 1;
    e->source = "guess";
    ent = (int32_t)(d->entities.n - 1);
  }
  add_mention(c, ent, i, j, NULL, "guess:capitalised", LB_ROLE_NAME);
  note_surname(c, ent, i, j);
  return j - i;
}

/* Can token i start nothing? Then each try_* of lb_ent_run would return 0
** without a side effect, and the seven calls are skipped. Every test here
** is one of theirs:
**  - a known common word ("Regierung") that starts no longer key and has no
**    name, nationality or role-noun record: try_name, try_nat and
**    try_bare_role find nothing, try_genitive and try_guess see a common word;
**  - a word the lexicon does not know ("Flüchtlingsheim"), without a
**    genitive -s, not in capitals, and not followed by another unknown
**    capitalised word or an initial ("Rabah N."): try_name, try_nat and
**    try_bare_role find nothing, try_genitive has no -s to strip, try_guess
**    no run of names (try_region and try_placeadj are still asked);
**  - either way no hyphen (try_compound), no "-isch" adjective (try_nat)
**    and no surname named before (try_surname).
** Counted on 25 MB of the bench corpus: 490k known and ~300k unknown of the
** 1.18M tokens that reach the rules. */
static int starts_nothing(ctx *c, uint32_t i, const lb_tok *t, uint32_t s1) {
  const lb_lexdoc_memo *m = &c->memo[i];
  if (t->flags & LB_TF_HYPH) return 0;
  if (m->state == 1) {
    lb_lex_entry e;
    lb_lexdoc_memo_entry(m, &e);
    if (e.maxtoks != 1 || lb_lex_may_have(&e, c->T.ent) || lb_lex_may_have(&e, c->T.nat) ||
        lb_lex_may_have(&e, c->T.rolenoun) || !has_tab(c, &e, c->T.form))
      return 0;
  } else if (m->state == 2) {
    if (t->norm[t->normlen - 1] == 's' || (t->flags & LB_TF_UPPER)) return 0;
    if (i + 1 < s1 && !c->used[i + 1] && (name_like_cheap(c, i + 1) || initial_at(c, i + 1))) return 0;
  } else {
    return 0;
  }
  if (t->normlen >= 6 && has_isch(t->norm, t->normlen)) return 0;
  return surname_at(c, i) < 0;
}

/* Decide deferred place names from the document's countries. */
static void resolve_later(ctx *c) {
  lb_doc *d = c->d;
  if (!c->later.n) return;
  /* the countries and regions of the document, and those its language is
  ** spoken in */
  lb_geo_ctx g;
  lb_geo_ctx_init(&g, d);
  for (size_t k = 0; k < c->later.n; k++) {
    deferred *df = &c->later.v[k];
    lb_lex_rec cand[MAXCAND], def[MAXCAND];
    int nc = 0;
    for (uint32_t r = 0; r < df->e.nrec && nc < MAXCAND; r++) {
      if (!lb_lex_rec_get(c->lx, &df->e, r, &cand[nc]) || cand[nc].table != c->T.ent) continue;
      const char *f;
      int fl = lb_lex_field(cand[nc].val, cand[nc].val_len, 0, &f);
      if (fl > 0 && lb_lex_find(c->lx, c->T.entdef, f, (size_t)fl, &def[nc])) nc++;
    }
    int best = lb_geo_pick(def, nc, &g);
    if (best < 0) continue;
    /* the place picked by an alternate name ("Male": Malta, not Malé) */
    int need = df->need ? df->need : lb_lex_field_is(&cand[best], 2, "placealt");
    if (!lb_geo_accept(&def[best], df->ev, need, &g)) continue;
    const char *f;
    int fl = lb_lex_field(cand[best].val, cand[best].val_len, 0, &f);
    for (uint32_t t = df->tok0; t < df->tok1; t++)
      c->used[t] = 0;
    place_mention(c, f, (size_t)fl, df->tok0, df->tok1, df->metonymy_ok,
                  rec_source(c, &cand[best], "lex:geonames"));
  }
}

static int men_cmp(const void *a, const void *b) {
  const lb_mention *x = a, *y = b;
  return x->start < y->start ? -1 : x->start > y->start ? 1 : (x->end > y->end) - (x->end < y->end);
}

void lb_ent_index(lb_doc *d) {
  assert(!d->ent_refs); /* once per document */
  size_t ntok = d->tx.toks.n;
  if (!ntok) return;
  lb_ent_ref *r = lb_arena_alloc(d->tx.arena, ntok * sizeof *r);
  memset(r, 0xFF, ntok * sizeof *r); /* ent = men = -1 */
  for (size_t e = 0; e < d->entities.n; e++) {
    const lb_entity *en = &d->entities.v[e];
    for (size_t m = 0; m < en->mentions.n; m++) {
      const lb_mention *mn = &en->mentions.v[m];
      if (mn->tok1 > ntok || mn->tok0 >= mn->tok1) continue;
      uint32_t len = mn->tok1 - mn->tok0;
      for (uint32_t t = mn->tok0; t < mn->tok1; t++) {
        if (r[t].ent >= 0) { /* the rule: the longer mention; the first of equals */
          const lb_mention *o = &d->entities.v[r[t].ent].mentions.v[r[t].men];
          if (o->tok1 - o->tok0 >= len) continue;
        }
        r[t].ent = (int32_t)e;
        r[t].men = (int32_t)m;
      }
    }
  }
  d->ent_refs = r;
  /* entities are final now: their ids indexed for lb_doc_entity_find */
  lb_map *ids = lb_arena_alloc(d->tx.arena, sizeof *ids);
  lb_map_init(ids, d->tx.arena);
  for (size_t e = 0; e < d->entities.n; e++)
    lb_map_put(ids, d->entities.v[e].id, strlen(d->entities.v[e].id), (int32_t)e);
  d->ent_ids = ids;
}

const lb_mention *lb_ent_at(const lb_doc *d, uint32_t tok, const lb_entity **e) {
  if (e) *e = NULL;
  if (!d->ent_refs || tok >= d->tx.toks.n) return NULL;
  lb_ent_ref r = d->ent_refs[tok];
  if (r.ent < 0 || (size_t)r.ent >= d->entities.n) return NULL;
  const lb_entity *en = &d->entities.v[r.ent];
  if (r.men < 0 || (size_t)r.men >= en->mentions.n) return NULL;
  if (e) *e = en;
  return &en->mentions.v[r.men];
}

const char *lb_ent_actor(const lb_entity *e, const lb_mention *m) {
  if (m && m->actor) return m->actor;
  return e ? e->actor : NULL;
}

void lb_ent_run(lb_doc *d) {
  if (!d->tx.lex || !d->tx.toks.n) return;
  assert(d->tx.lexdoc); /* the "lexicon" stage has run */
  ctx c;
  memset(&c, 0, sizeof c);
  c.d = d;
  c.lx = d->tx.lex;
  /* the table indexes, once per lexicon and thread (not per document) */
  static _Thread_local tabs T;
  static _Thread_local uint32_t T_lex;
  if (T_lex != lb_lex_id(c.lx)) {
    T.ent = lb_lex_table(c.lx, "ent");
    T.entdef = lb_lex_table(c.lx, "entdef");
    T.nat = lb_lex_table(c.lx, "nat");
    T.agent = lb_lex_table(c.lx, "agent");
    T.rolenoun = lb_lex_table(c.lx, "rolenoun");
    T.office = lb_lex_table(c.lx, "office");
    T.country = lb_lex_table(c.lx, "country");
    T.capital = lb_lex_table(c.lx, "capital");
    T.form = lb_lex_table(c.lx, "form");
    T.stop = lb_lex_table(c.lx, "stop");
    T.nounsuffix = lb_lex_table(c.lx, "nounsuffix");
    T.month = lb_lex_table(c.lx, "month");
    T.region = lb_lex_table(c.lx, "regionword");
    T.placeprefix = lb_lex_table(c.lx, "placeprefix");
    T.placeadj = lb_lex_table(c.lx, "placeadj");
    T.placeadjend = lb_lex_table(c.lx, "placeadjend");
    T.nameend = lb_lex_table(c.lx, "nameend");
    T_lex = lb_lex_id(c.lx);
  }
  c.T = T;
  /* table form is the German dictionaries: in another language's text a
  ** German word is no common word ("Angel Sarmiento", "Will Smith") */
  if (!d->tx.lang || strcmp(d->tx.lang, "de") != 0) c.T.form = -1;
  c.memo = lb_lexdoc_memos(&d->tx);
  c.used = lb_arena_calloc(d->tx.arena, d->tx.toks.n, 1);
  c.nounend = lb_arena_calloc(d->tx.arena, d->tx.toks.n, 1);
  c.last_country = -1;
  lb_map_init(&c.ids, d->tx.arena);
  lb_map_init(&c.spans, d->tx.arena);
  lb_map_init(&c.surname_keys, d->tx.arena);
  c.en = d->tx.lang && strcmp(d->tx.lang, "en") == 0;
  /* the candidates only: words that are no plain lower-case word (a
  ** lower-case word matters only as a nationality adjective, "ukrainische",
  ** "deutsch": all have "sch"), in order; a match of n tokens skips the
  ** candidates it covers */
  size_t ncand;
  const uint32_t *cand = lb_lexdoc_words(&d->tx, &ncand);
  size_t s = 0;
  uint32_t next = 0; /* first token not covered by a match */
  for (size_t k = 0; k < ncand; k++) {
    uint32_t i = cand[k];
    if (i < next) continue;
    while (s < d->tx.sents.n && d->tx.sents.v[s].tok1 <= i)
      s++;
    if (s == d->tx.sents.n) break;
    uint32_t s0 = d->tx.sents.v[s].tok0, s1 = d->tx.sents.v[s].tok1;
    if (s1 > d->tx.toks.n) s1 = (uint32_t)d->tx.toks.n;
    if (i < s0 || c.used[i]) continue;
    /* a common or unknown word starts no name, but may name a country's
    ** part ("Ostukraine") */
    if (starts_nothing(&c, i, &d->tx.toks.v[i], s1)) {
      uint32_t n = try_region(&c, i);
      next = i + (n ? n : try_placeadj(&c, i, s1));
      continue;
    }
    uint32_t n = try_name(&c, i, s0, s1);
    if (!n) n = try_nat(&c, i, s0, s1);
    if (!n) n = try_compound(&c, i, s1);
    if (!n) n = try_genitive(&c, i, s0);
    if (!n) n = try_region(&c, i);
    if (!n) n = try_placeadj(&c, i, s1);
    if (!n) n = try_surname(&c, i);
    if (!n) n = try_bare_role(&c, i, s0, s1);
    if (!n) n = try_guess(&c, i, s0, s1);
    next = i + n;
  }
  resolve_later(&c);
  /* entities looked up but never mentioned (office holders, countries of
  ** compound parts) are dropped */
  size_t w = 0;
  for (size_t e = 0; e < d->entities.n; e++)
    if (d->entities.v[e].mentions.n) d->entities.v[w++] = d->entities.v[e];
  d->entities.n = w;
  for (size_t e = 0; e < d->entities.n; e++) {
    lb_entity *en = &d->entities.v[e];
    if (en->mentions.n > 1) qsort(en->mentions.v, en->mentions.n, sizeof *en->mentions.v, men_cmp);
  }
}
