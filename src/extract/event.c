/*
** event.c -- CAMEO events: who did what to whom, where and when.
**
** Events are coded from patterns in the lexicon table `event`
** (data/de/events.tsv, data/en/events.tsv): a verb form or an event noun
** with its CAMEO code and a small frame (what must be acted on, where the
** target comes from, which sector the actors get). Nothing else makes an
** event: a clause that matches no pattern is not coded (no "make statement"
** fallback). The one exception is explicit: a claim whose speaker is an
** actor is a statement event coded from its reporting verb's code
** (data/de/rverbs.tsv, data/en/rverbs.tsv), once per speaker and code in a document.
**
** For a pattern at token v in clause [a, b) (clause.c):
**   source  the clause's subject (German: first non-prepositional, non-
**           accusative actor; English: nearest before the verb); passive
**           clauses take the agent ("von X", "by X") and make the subject
**           the target; a relative clause takes its antecedent;
**   target  per frame: the object, a prepositional role, or the country of
**           the place; the relative clause right after may supply "gegen X";
**   place   a place mention after "in", "bei", "near" ...; "die Hauptstadt"
**           is the capital of the target country when the document names it;
**   date    a date in the clause, else in the sentence, else the month of
**           publication (date_granularity "month");
**   mood    clause.c: negated, modal (incl. German future), hypothetical
**           (zu-infinitive, "wenn", irrealis adjectives, "für eine Offensive").
** Event nouns ("Drohnenangriffe") take their actor from an adjacent
** adjective or genitive ("russische Angriffe", "Angriffe der Ukraine") or,
** inside a prepositional or object phrase, from the clause subject. A noun
** after a demonstrative ("diese Offensive") refers back and is not a new
** event. Within a sentence, mentions of the same event merge; events with
** neither source nor target are dropped.
*/
#include "event.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../doc/doc.h"
#include "../lex/lex.h"
#include "clause.h"

#define MAXARG 48

typedef struct pat {
  const char *code, *lemma, *particle, *kind, *frame;
  int frame_n;
} pat;

static const char *fld(lb_arena *a, const lb_lex_rec *r, int i, int *n) {
  const char *f;
  int l = lb_lex_field(r->val, r->val_len, i, &f);
  if (n) *n = l < 0 ? 0 : l;
  if (l < 0) return "";
  return lb_arena_strndup(a, f, (size_t)l);
}

/* Value of key k in a frame "obj=a|b;tgt=gegen": pointer and length, or NULL. */
static const char *frame_get(const pat *p, const char *k, int *n) {
  size_t kl = strlen(k);
  const char *s = p->frame, *end = p->frame + p->frame_n;
  while (s < end) {
    const char *e = memchr(s, ';', (size_t)(end - s));
    if (!e) e = end;
    if ((size_t)(e - s) > kl && memcmp(s, k, kl) == 0 && s[kl] == '=') {
      *n = (int)(e - s - (int)kl - 1);
      return s + kl + 1;
    }
    s = e + 1;
  }
  return NULL;
}

static int in_list(const char *list, int n, const char *w, size_t wl) {
  const char *p = list, *end = list + n;
  while (p < end) {
    const char *q = memchr(p, '|', (size_t)(end - p));
    if (!q) q = end;
    if ((size_t)(q - p) == wl && memcmp(p, w, wl) == 0) return 1;
    p = q + 1;
  }
  return 0;
}

/* An actor code with a sector: "RUS" + "MIL" = "RUSMIL" (only bare country codes). */
static const char *sector(lb_arena *a, const char *code, const pat *p, const char *key) {
  int n;
  const char *s = frame_get(p, key, &n);
  if (!code || !s || strlen(code) != 3) return code;
  return lb_arena_printf(a, "%s%.*s", code, n, s);
}

typedef struct role {
  int32_t ent, men;
  uint32_t tok0, tok1;
} role;

static const role NOROLE = {-1, -1, 0, 0};

static role from_arg(const lb_cl_arg *g) {
  role r = {g->ent, g->men, g->tok0, g->tok1};
  return r;
}

static int is_actor(const lb_cl *c, const lb_cl_arg *g) {
  return lb_cl_actor(c, g->ent, g->men) != NULL;
}

static int is_place(const lb_cl *c, const lb_cl_arg *g) {
  const lb_entity *e = &c->d->entities.v[g->ent];
  const lb_mention *m = &e->mentions.v[g->men];
  return m->role == LB_ROLE_PLACE ||
         (e->has_geo && m->role != LB_ROLE_ACTOR && m->role != LB_ROLE_ADJ);
}

static int place_prep(const lb_cl *c, int32_t p) {
  static const char *const P[] = {"in",   "im", "bei", "nahe",   "einschließlich",
                                  "near", "at", "um",  "outside"};
  if (p < 0) return 0;
  for (size_t i = 0; i < sizeof P / sizeof P[0]; i++)
    if (lb_cl_is(c, (uint32_t)p, P[i])) return 1;
  return 0;
}

/* The entity whose actor code is exactly the given country code. */
static int32_t country_entity(const lb_doc *d, const char *cc) {
  if (!cc) return -1;
  for (size_t i = 0; i < d->entities.n; i++)
    if (d->entities.v[i].actor && strcmp(d->entities.v[i].actor, cc) == 0) return (int32_t)i;
  for (size_t i = 0; i < d->entities.n; i++)
    if (d->entities.v[i].country && strcmp(d->entities.v[i].country, cc) == 0 &&
        d->entities.v[i].type && strcmp(d->entities.v[i].type, "GPE") == 0)
      return (int32_t)i;
  return -1;
}

/* The date of an event in clause [a,b) of sentence s. */
static void event_date(const lb_doc *d, int32_t s, uint32_t a0, uint32_t b0, lb_event *ev) {
  const lb_sent *st = &d->tx.sents.v[s];
  for (int pass = 0; pass < 2; pass++) {
    uint32_t lo = pass ? st->start : a0, hi = pass ? st->end : b0;
    for (size_t i = 0; i < d->dates.n; i++) {
      const lb_date *dt = &d->dates.v[i];
      if (dt->start < lo || dt->start >= hi || dt->unresolved || dt->duration || !dt->from)
        continue;
      if (dt->to && strcmp(dt->to, dt->from) != 0)
        ev->date = lb_arena_printf(d->tx.arena, "%s/%s", dt->from, dt->to);
      else
        ev->date = dt->from;
      ev->date_granularity = dt->granularity;
      return;
    }
  }
  if (d->pub_y) {
    ev->date = lb_arena_printf(d->tx.arena, "%04d-%02d", d->pub_y, d->pub_m);
    ev->date_granularity = "month";
  }
}

static void set_cameo(const lb_cl *c, lb_event *ev) {
  lb_doc *d = c->d;
  char key[16];
  int n = snprintf(key, sizeof key, "c%s", ev->code);
  lb_lex_rec r;
  ev->root = lb_arena_strndup(d->tx.arena, ev->code, strlen(ev->code) >= 2 ? 2 : strlen(ev->code));
  if (c->t_cameo < 0 || n <= 0 || !lb_lex_find(d->tx.lex, c->t_cameo, key, (size_t)n, &r)) return;
  ev->root = fld(d->tx.arena, &r, 1, NULL);
  ev->goldstein = atof(fld(d->tx.arena, &r, 2, NULL));
  ev->quad_class = atoi(fld(d->tx.arena, &r, 3, NULL));
}

static void set_role(const lb_cl *c, role r, const char **code, const char **ent, const pat *p,
                     const char *seckey) {
  if (r.ent < 0) return;
  *code = sector(c->d->tx.arena, lb_cl_actor(c, r.ent, r.men), p, seckey);
  *ent = c->d->entities.v[r.ent].id;
}

/* The antecedent of a relative clause opening at a: the last actor before it. */
static role antecedent(const lb_cl *c, int32_t s, uint32_t a) {
  const lb_sent *st = &c->d->tx.sents.v[s];
  for (uint32_t t = a; t-- > st->tok0;) {
    int32_t e = c->ment[t].ent;
    if (e >= 0 && lb_cl_actor(c, e, c->ment[t].men)) {
      role r = {e, c->ment[t].men, t, t + 1};
      return r;
    }
  }
  return NOROLE;
}

/* A subject pronoun ("er", "she") in [a, v): the last person named before
** it, within a few sentences. */
static role pronoun(const lb_cl *c, uint32_t a, uint32_t v) {
  const lb_doc *d = c->d;
  for (uint32_t t = a; t < v; t++) {
    if (!(c->fw[t] & LB_FW_PRON) || (t > a && (c->fw[t - 1] & LB_FW_PREP))) continue;
    if (lb_cl_is(c, t, "es") || lb_cl_is(c, t, "it") || lb_cl_is(c, t, "man") ||
        lb_cl_is(c, t, "ich") || lb_cl_is(c, t, "i") || lb_cl_is(c, t, "wir") ||
        lb_cl_is(c, t, "we"))
      return NOROLE;
    for (uint32_t x = t; x-- > 0 && t - x < 300;) {
      int32_t e = c->ment[x].ent;
      if (e >= 0 && d->entities.v[e].type && strcmp(d->entities.v[e].type, "PER") == 0) {
        role r = {e, c->ment[x].men, t, t + 1};
        return r;
      }
    }
    return NOROLE;
  }
  return NOROLE;
}

/* Is token v an attributive participle ("die besetzten Gebiete",
** "der von Russland besetzten Ukraine")? */
static int attributive(const lb_cl *c, uint32_t v, uint32_t a) {
  if (c->en || v <= a) return 0;
  if (c->fw[v - 1] & (LB_FW_DET | LB_FW_DEM)) return 1;
  if (v >= a + 2 && (c->fw[v - 2] & LB_FW_DET) && !(c->d->tx.toks.v[v - 1].flags & LB_TF_CAP) &&
      c->fw[v - 1] == 0)
    return 1;
  if (v >= a + 2 && (lb_cl_is(c, v - 2, "von") || lb_cl_is(c, v - 2, "vom")) &&
      v + 1 < c->d->tx.toks.n && (c->d->tx.toks.v[v + 1].flags & LB_TF_CAP))
    return 1;
  /* "mit scharf kritisierten Luftangriffen": an inflected participle between
  ** a lower-case word and its noun */
  const lb_tok *k = &c->d->tx.toks.v[v];
  if (v + 1 < c->d->tx.toks.n && (c->d->tx.toks.v[v + 1].flags & LB_TF_CAP) &&
      c->ment[v + 1].ent < 0 && c->d->tx.toks.v[v + 1].kind == LB_TOK_WORD && k->normlen > 4 &&
      !(c->d->tx.toks.v[v - 1].flags & LB_TF_CAP) && c->d->tx.toks.v[v - 1].kind == LB_TOK_WORD &&
      !(c->fw[v - 1] &
        (LB_FW_AUX | LB_FW_MODAL | LB_FW_PRON | LB_FW_NEG | LB_FW_SUBORD | LB_FW_REL))) {
    const char *e = k->norm + k->normlen - 3;
    if (memcmp(e, "ten", 3) == 0 || memcmp(e, "tem", 3) == 0 || memcmp(e, "ter", 3) == 0 ||
        memcmp(e, "tes", 3) == 0 || memcmp(e, "nen", 3) == 0)
      return 1;
  }
  return 0;
}

typedef struct cand {
  lb_event ev;
  uint32_t v, a, b;
  int noun;
} cand;

static void span_add(uint32_t *lo, uint32_t *hi, uint32_t t0, uint32_t t1) {
  if (t0 < *lo) *lo = t0;
  if (t1 > *hi) *hi = t1;
}

/* Try pattern p at token v of sentence s; fills *out and returns 1 on a match. */
static int code_at(const lb_cl *c, int32_t s, uint32_t v, const pat *p, cand *out) {
  lb_doc *d = c->d;
  const lb_sent *st = &d->tx.sents.v[s];
  const lb_tok *tk = &d->tx.toks.v[v];
  int noun = p->kind[0] == 'n';
  uint32_t a, b;
  lb_cl_bounds(c, s, v, &a, &b);
  if (!c->en) {
    int cap = (tk->flags & LB_TF_CAP) != 0;
    if (noun && !cap) return 0;
    if (!noun && cap && v != st->tok0 &&
        !(v > st->tok0 && d->tx.toks.v[v - 1].kind == LB_TOK_QUOTE))
      return 0;
    if (!noun && attributive(c, v, a)) return 0;
  } else {
    uint32_t pv = v;
    while (pv > a && d->tx.toks.v[pv - 1].kind == LB_TOK_QUOTE)
      pv--;
    int det = pv > a && (c->fw[pv - 1] & (LB_FW_DET | LB_FW_DEM));
    if (noun != det && !(noun && v > a && (d->tx.toks.v[v - 1].kind == LB_TOK_WORD) &&
                         !(c->fw[v - 1] & (LB_FW_AUX | LB_FW_MODAL | LB_FW_ZU | LB_FW_PRON)) &&
                         (c->fw[v - 1] & LB_FW_PREP)))
      return 0;
  }
  uint32_t lo = v, hi = v + 1;
  /* separable particle */
  if (strcmp(p->particle, "-") != 0) {
    uint32_t x;
    for (x = v + 1; x < b; x++)
      if (lb_cl_is(c, x, p->particle)) break;
    if (x >= b) return 0;
    span_add(&lo, &hi, x, x + 1);
  }
  int n;
  const char *obj = frame_get(p, "obj", &n);
  if (obj && !noun) {
    uint32_t x;
    for (x = a; x < b; x++)
      if (x != v && lb_cl_stem(c, x, obj, n)) break;
    if (x >= b) return 0;
    span_add(&lo, &hi, x, x + 1);
  }
  lb_cl_arg args[MAXARG];
  int na = lb_cl_args(c, a, b, args, MAXARG);
  role src = NOROLE, tgt = NOROLE, plc = NOROLE, gen = NOROLE;
  const char *mood = lb_cl_mood(c, a, b, v);
  if (p->kind[1] == 'z') mood = "hypothetical";
  int nt;
  const char *tl = frame_get(p, "tgt", &nt);
  if (!tl) {
    tl = "obj";
    nt = 3;
  }
  /* place: first place after a locative preposition */
  for (int i = 0; i < na; i++)
    if (is_place(c, &args[i]) && place_prep(c, args[i].prep)) {
      plc = from_arg(&args[i]);
      break;
    }
  if (!noun) {
    int passive = 0;
    int32_t agent = -1;
    for (uint32_t x = a; x < b; x++)
      if (c->fw[x] & LB_FW_PASS) {
        if (c->en ? (x < v && v - x <= 2) : strcmp(p->kind, "vp") == 0)
          passive = 1;
        else if (!c->en && x != v && !mood && (lb_cl_is(c, x, "wird") || lb_cl_is(c, x, "werden")))
          mood = "modal"; /* German future: not a fact yet */
      }
    if (passive)
      for (int i = 0; i < na; i++)
        if (args[i].prep >= 0 && (c->fw[args[i].prep] & LB_FW_AGENT) && is_actor(c, &args[i])) {
          agent = i;
          break;
        }
    int32_t subj = -1, obj2 = -1;
    if (c->en) {
      for (int i = 0; i < na; i++) {
        if (args[i].role != LB_ARG_SUBJ && args[i].role != LB_ARG_OBJ) continue;
        if (!is_actor(c, &args[i])) continue;
        if (args[i].tok1 <= v) {
          subj = i;
        } else if (obj2 < 0 && (subj < 0 || args[i].ent != args[subj].ent)) {
          /* the object follows the verb, with at most articles and adjectives between */
          uint32_t x = v + 1;
          while (x < args[i].tok0 && x < v + 4 && d->tx.toks.v[x].kind == LB_TOK_WORD &&
                 !(c->fw[x] & (LB_FW_PREP | LB_FW_SUBORD | LB_FW_COORD)))
            x++;
          if (x == args[i].tok0) obj2 = i;
        }
      }
    } else {
      for (int i = 0; i < na; i++) {
        if (!is_actor(c, &args[i]) || (args[i].role != LB_ARG_SUBJ && args[i].role != LB_ARG_OBJ))
          continue;
        if (args[i].role == LB_ARG_SUBJ && subj < 0)
          subj = i;
        else if (obj2 < 0 && (subj < 0 || args[i].ent != args[subj].ent))
          obj2 = i;
      }
    }
    if (passive) {
      if (subj >= 0) tgt = from_arg(&args[subj]);
      if (agent >= 0) src = from_arg(&args[agent]);
    } else {
      if (subj >= 0)
        src = from_arg(&args[subj]);
      else if (c->fw[a] & LB_FW_REL || (a + 1 < b && (c->fw[a + 1] & LB_FW_REL)))
        src = antecedent(c, s, a);
      else
        src = pronoun(c, a, c->en ? v : (v + 2 < b ? v + 2 : b)); /* German: "griff er ... an" */
      if (in_list(tl, nt, "obj", 3) && obj2 >= 0) tgt = from_arg(&args[obj2]);
      /* "Stellungen der kurdischen Milizen beschossen": the object's owner,
      ** unless a prepositional target turns up below */
      if (tgt.ent < 0 && in_list(tl, nt, "obj", 3))
        for (int i = 0; i < na; i++)
          if (args[i].role == LB_ARG_GEN && is_actor(c, &args[i]) &&
              (subj < 0 || args[i].ent != args[subj].ent) && (c->en ? args[i].tok0 > v : 1)) {
            gen = from_arg(&args[i]);
            break;
          }
    }
  } else {
    /* noun: adjacent adjective / genitive, else the clause subject */
    int demo = 0, irr = 0, gov = 0, purpose = 0;
    for (uint32_t x = v, k = 0; x > a && k < 3; k++) {
      x--;
      if (c->fw[x] & LB_FW_DEM) demo = 1;
      if (c->fw[x] & LB_FW_IRR) irr = 1;
      if (c->fw[x] & LB_FW_NEG) mood = "negated";
      if (c->fw[x] & (LB_FW_PREP | LB_FW_ACC)) {
        gov = 1;
        if (lb_cl_is(c, x, "für") || lb_cl_is(c, x, "for")) purpose = 1;
        break;
      }
      if (d->tx.toks.v[x].kind != LB_TOK_WORD ||
          (c->ment[x].ent < 0 && (d->tx.toks.v[x].flags & LB_TF_CAP) &&
           !(c->fw[x] & (LB_FW_DET | LB_FW_DEM))))
        break;
    }
    if (demo) return 0;
    if (!mood && (irr || purpose)) mood = "hypothetical";
    for (int i = 0; i < na; i++) {
      const lb_cl_arg *g = &args[i];
      if (!is_actor(c, g)) continue;
      if (g->tok1 == v ||
          ((g->tok1 == v + 1 || (g->tok1 + 1 == v && g->tok0 < v)) && g->role != LB_ARG_PREP)) {
        src = from_arg(g);
        break;
      }
      if (g->tok0 > v && g->tok0 <= v + 3 &&
          (g->role == LB_ARG_GEN ||
           (c->en && g->prep >= 0 && lb_cl_is(c, (uint32_t)g->prep, "by")))) {
        src = from_arg(g);
        break;
      }
    }
    if (src.ent < 0 && gov) {
      for (int i = 0; i < na; i++)
        if (is_actor(c, &args[i]) && args[i].role == LB_ARG_SUBJ && args[i].tok1 <= v) {
          src = from_arg(&args[i]);
          break;
        }
      if (src.ent < 0 && (c->fw[a] & LB_FW_REL || (a + 1 < b && (c->fw[a + 1] & LB_FW_REL))))
        src = antecedent(c, s, a);
    }
  }
  /* prepositional target */
  if (tgt.ent < 0) {
    for (int i = 0; i < na; i++) {
      const lb_cl_arg *g = &args[i];
      if (g->prep < 0 || !is_actor(c, g) || (noun && (g->tok0 < v || g->tok0 > v + 8))) continue;
      const lb_tok *pt = &d->tx.toks.v[g->prep];
      if (pt->norm && in_list(tl, nt, pt->norm, pt->normlen) &&
          (src.ent < 0 || g->ent != src.ent || g->men != src.men)) {
        tgt = from_arg(g);
        break;
      }
    }
  }
  if (tgt.ent < 0) tgt = gen;
  /* "türkische Soldaten und kurdische Rebellen liefern sich Gefechte": the
  ** second of two coordinated subjects is the other side */
  if (tgt.ent < 0 && src.ent >= 0 && src.tok1 + 1 < b && (c->fw[src.tok1] & LB_FW_COORD))
    for (int i = 0; i < na; i++)
      if (args[i].tok0 > src.tok1 && args[i].tok0 <= src.tok1 + 3 && is_actor(c, &args[i]) &&
          args[i].ent != src.ent && args[i].prep < 0) {
        tgt = from_arg(&args[i]);
        break;
      }
  /* "gegen X" in the relative clause right after */
  if (tgt.ent < 0 && !noun && b < st->tok1 && (c->fw[b] & LB_FW_REL)) {
    uint32_t a2, b2;
    lb_cl_bounds(c, s, b, &a2, &b2);
    lb_cl_arg more[MAXARG];
    int nm = lb_cl_args(c, a2, b2, more, MAXARG);
    for (int i = 0; i < nm; i++) {
      const lb_cl_arg *g = &more[i];
      if (g->prep < 0 || !is_actor(c, g)) continue;
      if ((lb_cl_is(c, (uint32_t)g->prep, "gegen") || lb_cl_is(c, (uint32_t)g->prep, "against")) &&
          in_list(tl, nt, d->tx.toks.v[g->prep].norm, d->tx.toks.v[g->prep].normlen)) {
        tgt = from_arg(g);
        break;
      }
    }
  }
  lb_event *ev = &out->ev;
  memset(out, 0, sizeof *out);
  ev->code = p->code;
  ev->claim = -1;
  ev->sentence = s;
  ev->mood = mood;
  set_role(c, src, &ev->source, &ev->source_entity, p, "ssec");
  set_role(c, tgt, &ev->target, &ev->target_entity, p, "tsec");
  if (src.ent >= 0 && src.tok0 >= a && src.tok1 <= b) span_add(&lo, &hi, src.tok0, src.tok1);
  if (tgt.ent >= 0 && tgt.tok0 >= a && tgt.tok1 <= b) span_add(&lo, &hi, tgt.tok0, tgt.tok1);
  /* the place's country as target ("Gebiete in Kursk gehalten") */
  if (plc.ent >= 0) {
    const lb_entity *pe = &d->entities.v[plc.ent];
    ev->place = pe->id;
    span_add(&lo, &hi, plc.tok0, plc.tok1);
    if (!ev->target && in_list(tl, nt, "place", 5) && pe->country) {
      int32_t ce = country_entity(d, pe->country);
      ev->target = lb_arena_strdup(d->tx.arena, pe->country);
      ev->target = sector(d->tx.arena, ev->target, p, "tsec");
      ev->target_entity = ce >= 0 ? d->entities.v[ce].id : NULL;
    }
  }
  /* "die Hauptstadt": the target country's capital */
  if (!ev->place && ev->target_entity) {
    for (uint32_t x = a; x < b; x++)
      if (lb_cl_stem(c, x, "hauptstadt|capital", 18)) {
        int32_t te = lb_doc_entity_find(d, ev->target_entity);
        const char *cc = te >= 0 ? d->entities.v[te].country : NULL;
        for (size_t i = 0; cc && i < d->entities.n; i++) {
          const lb_entity *e = &d->entities.v[i];
          if (e->has_geo && e->geo.feature && strcmp(e->geo.feature, "PPLC") == 0 && e->country &&
              strcmp(e->country, cc) == 0) {
            ev->place = e->id;
            break;
          }
        }
        break;
      }
  }
  ev->start = d->tx.toks.v[lo].start;
  ev->end = d->tx.toks.v[hi - 1].end;
  ev->rule = lb_arena_printf(d->tx.arena, "%s:%s:%s", c->en ? "en" : "de", noun ? "noun" : "verb",
                             p->lemma);
  out->v = v;
  out->a = a;
  out->b = b;
  out->noun = noun;
  event_date(d, s, d->tx.toks.v[a].start, d->tx.toks.v[b - 1].end, ev);
  return 1;
}

static int same(const char *x, const char *y) { return x && y && strcmp(x, y) == 0; }

/* Merge mentions of one event inside a sentence; fill mutual targets. */
static void merge_sentence(lb_arena *a, cand *cs, int n, uint8_t *drop) {
  for (int i = 0; i < n; i++) {
    lb_event *e = &cs[i].ev;
    if (drop[i]) continue;
    if (!e->source_entity && !e->target_entity) {
      drop[i] = 1;
      continue;
    }
    for (int j = 0; j < n; j++) {
      lb_event *f = &cs[j].ev;
      if (i == j || drop[j] || strcmp(e->code, f->code) != 0 || (!e->mood) != (!f->mood)) continue;
      if (!e->source_entity && f->source_entity && same(e->target_entity, f->target_entity)) {
        drop[i] = 1;
        break;
      }
      if (same(e->source_entity, f->source_entity) &&
          (!e->target_entity || same(e->target_entity, f->target_entity)) &&
          (f->target_entity || j < i)) {
        drop[i] = 1;
        break;
      }
    }
  }
  /* an exchange: fighting sides without a target strike each other */
  for (int i = 0; i < n; i++) {
    lb_event *e = &cs[i].ev;
    if (drop[i] || e->target || !e->source || e->mood || strncmp(e->code, "19", 2) != 0) continue;
    for (int j = 0; j < n; j++) {
      lb_event *f = &cs[j].ev;
      if (i == j || drop[j] || f->mood || strcmp(e->code, f->code) != 0 || !f->source) continue;
      if (strncmp(e->source, f->source, 3) == 0) continue;
      e->target = lb_arena_strndup(a, f->source, 3); /* the other side's country */
      e->target_entity = f->source_entity;
      break;
    }
  }
}

static int ev_cmp(const void *x, const void *y) {
  const lb_event *a = x, *b = y;
  if (a->start != b->start) return a->start < b->start ? -1 : 1;
  return strcmp(a->code, b->code);
}

/* Statement events: a claim by an actor, once per actor and code. */
static void statements(const lb_cl *c) {
  lb_doc *d = c->d;
  size_t first = d->events.n;
  for (size_t i = 0; i < d->claims.n; i++) {
    const lb_claim *cl = &d->claims.v[i];
    if (!cl->speaker || cl->speaker_end <= cl->speaker_start) continue;
    int32_t st = lb_text_sentence_at(&d->tx, cl->cue_start);
    if (st < 0) continue;
    const lb_sent *sn = &d->tx.sents.v[st];
    uint32_t ct = sn->tok0, sp = UINT32_MAX;
    while (ct < sn->tok1 && d->tx.toks.v[ct].start < cl->cue_start)
      ct++;
    for (uint32_t t = sn->tok0; t < sn->tok1; t++)
      if (d->tx.toks.v[t].start == cl->speaker_start) sp = t;
    if (ct >= sn->tok1) continue;
    const char *actor = NULL, *code = NULL;
    if (sp != UINT32_MAX && c->ment[sp].ent >= 0)
      actor = lb_cl_actor(c, c->ment[sp].ent, c->ment[sp].men);
    if (!actor) {
      int32_t e = lb_doc_entity_find(d, cl->speaker);
      if (e >= 0) actor = d->entities.v[e].actor;
    }
    if (!actor) continue;
    lb_lex_rec r;
    for (int k = 0; lb_cl_rec(c, ct, c->t_rverb, k, &r); k++) {
      const char *lem = fld(d->tx.arena, &r, 1, NULL);
      if (cl->verb && strcmp(lem, cl->verb) == 0) {
        code = fld(d->tx.arena, &r, 4, NULL);
        break;
      }
    }
    if (!code || !*code || strcmp(code, "-") == 0) continue;
    int dup = 0;
    for (size_t k = first; k < d->events.n && !dup; k++)
      if (strcmp(d->events.v[k].code, code) == 0 && same(d->events.v[k].source, actor)) dup = 1;
    if (dup) continue;
    lb_event *ev = LB_VEC_PUSH(d->tx.arena, d->events);
    ev->code = code;
    ev->source = actor;
    ev->source_entity = cl->speaker;
    ev->claim = (int32_t)i;
    ev->sentence = cl->sentence;
    ev->start = cl->speaker_start < cl->cue_start ? cl->speaker_start : cl->cue_start;
    ev->end = cl->speaker_end > cl->cue_end ? cl->speaker_end : cl->cue_end;
    ev->rule = lb_arena_printf(d->tx.arena, "%s:rverb:%s", c->en ? "en" : "de", cl->verb);
    set_cameo(c, ev);
    event_date(d, st, cl->cue_start, cl->cue_end, ev);
  }
}

void lb_evt_run(lb_doc *d) {
  lb_cl *c = d->clause;
  assert(c || !d->tx.lex); /* the "clauses" stage has run */
  if (!c || c->t_event < 0) return;
  lb_arena *A = d->tx.arena;
  LB_VEC(cand) cs = {0};
  for (size_t s = 0; s < d->tx.sents.n; s++) {
    const lb_sent *st = &d->tx.sents.v[s];
    cs.n = 0;
    for (uint32_t t = st->tok0; t < st->tok1; t++) {
      if (!(c->has[t] & LB_CL_HAS_EVENT) || d->tx.toks.v[t].kind != LB_TOK_WORD) continue;
      lb_lex_rec r;
      for (int i = 0; lb_cl_rec(c, t, c->t_event, i, &r); i++) {
        pat p;
        p.code = fld(A, &r, 1, NULL);
        p.lemma = fld(A, &r, 2, NULL);
        p.particle = fld(A, &r, 3, NULL);
        p.kind = fld(A, &r, 4, NULL);
        p.frame = fld(A, &r, 5, &p.frame_n);
        if (!p.kind[0]) continue;
        cand *k = LB_VEC_PUSH(A, cs);
        if (code_at(c, (int32_t)s, t, &p, k)) break;
        cs.n--;
      }
    }
    if (!cs.n) continue;
    uint8_t *drop = lb_arena_calloc(A, cs.n, 1);
    merge_sentence(A, cs.v, (int)cs.n, drop);
    for (size_t i = 0; i < cs.n; i++) {
      if (drop[i]) continue;
      lb_event *e = &cs.v[i].ev;
      /* a noun naming an event told before ("Truppenverlegung" after the build-up) */
      if (cs.v[i].noun && e->source_entity) {
        int seen = 0;
        for (size_t k = 0; k < d->events.n && !seen; k++)
          if (strcmp(d->events.v[k].code, e->code) == 0 &&
              same(d->events.v[k].source_entity, e->source_entity))
            seen = 1;
        if (seen) continue;
      }
      lb_event *ev = LB_VEC_PUSH(A, d->events);
      *ev = *e;
      set_cameo(c, ev);
    }
  }
  statements(c);
  /* quantities and claims inside each event */
  for (size_t i = 0; i < d->events.n; i++) {
    lb_event *ev = &d->events.v[i];
    for (size_t q = 0; q < d->quantities.n; q++)
      if (d->quantities.v[q].start >= ev->start && d->quantities.v[q].end <= ev->end)
        *LB_VEC_PUSH(A, ev->quantities) = (int32_t)q;
    if (ev->claim >= 0) continue;
    for (size_t k = 0; k < d->claims.n; k++) {
      const lb_claim *cl = &d->claims.v[k];
      if (ev->start >= cl->start && ev->start < cl->end) {
        ev->claim = (int32_t)k;
        break;
      }
    }
  }
  if (d->events.n > 1) qsort(d->events.v, d->events.n, sizeof *d->events.v, ev_cmp);
}
