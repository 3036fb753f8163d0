/*
** event.c -- CAMEO and PLOVER events read from the dependency tree: who did
** what to whom, where and when.
**
** Reads the words of the syntax stage (upos, feats, lemma, head, deprel),
** the entity mentions (d->ent_refs), dates and claims; writes d->events.
**
** A trigger is a verb or noun whose lemma has a pattern in the lexicon table
** `evpat` (docs/evpat.md): German separable verbs are keyed with their
** particle ("griff ... an" = angreifen), English phrasal verbs with it
** ("call off"). The pattern's frame says where source and target are in the
** tree; the defaults:
**   verb, active    source nsubj;  target obj, iobj, obl:arg (German datives)
**   verb, passive   source obl:agent or an obl with von / durch / by;
**                   target nsubj:pass
**   noun            source a possessive, genitive, nationality adjective or
**                   compound ("Russlands Angriff", "Angriff Russlands",
**                   "russische Angriffe", "US strikes"), else the subject of
**                   the verb whose object it is ("startete eine Offensive");
**                   target nmod with auf / gegen / on / against
** A slot's phrase becomes an actor through the entity mention on its head
** word or, failing that, the nearest one inside the phrase (not inside a
** clause of its own: "Der russische Präsident Wladimir Putin" is Putin).
** Coordinated phrases give one event per actor; a relative pronoun stands
** for the noun its clause modifies; a verb without a subject (xcomp, a
** second conjunct) takes the subject of the verb it depends on.
**
** Mood (table `mood`, data/de/mood.tsv, data/en/mood.tsv): a negation on the trigger (or "kein"
** on a noun trigger) makes it "negated"; a modal auxiliary "modal"; the
** future (werden, will) "modal"; a condition (wenn, if) on its clause or a
** clause above "hypothetical"; an intent verb above it (planen, plan to,
** threaten to) or the modal "wollen" "intended". Events that are not facts
** keep their mood (docs/OUTPUT.md).
**
** Place (issue 18): a place mention in a phrase of the trigger with a
** locative preposition (table `locprep`), seen through region words ("im
** Norden Jemens" is Yemen; table `regionword`); else a target that is a
** place; else none. Date: a date whose words attach to the trigger's own
** clause, not through another noun ("beim Ausbruch des Zweiten Weltkriegs"
** dates the outbreak, not the event); else none: date_granularity
** "unknown", and the publication date as `reported`.
*/
#include "event.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "../base/map.h"
#include "../doc/doc.h"
#include "../lex/lex.h"
#include "../syntax/syntax.h"
#include "../syntax/tree.h"
#include "../text/norm.h"
#include "ent.h"
#include "phrase.h"

#define MAXACT 8 /* actors per slot (coordination) */

/* Where a passive's agent is: UD's obl:agent, or an oblique with the
** preposition of the agent ("von Russland", "durch die Polizei", "by IS"). */
static const char AGENT[] = "obl:agent|obl:von|obl:durch|obl:by";

/* The code of a pattern with `circ` (a death told with its cause): the
** pointer marks the event until circumstance() recodes or drops it. */
static const char CIRC_ONLY[] = "190";

typedef struct ctx {
  lb_doc *d;
  const lb_text *tx;
  const lb_lex *lx;
  const char *lang;
  int t_facility, t_collective, t_rcue, t_evpat, t_cameo, t_plover, t_mood, t_locprep, t_region, t_agent, t_form, t_attr, t_instr, t_support, t_circ, t_cause, t_partend;
  /* indexes built at the stage's start, so that no question scans every
  ** fact of the document (issue 22: time linear in its size) */
  lb_map by_actor;    /* actor code -> the first entity with it */
  lb_map capital;     /* country code -> the first capital (PPLC) named */
  uint32_t *date_off; /* dates by sentence: date_idx[date_off[s] .. date_off[s+1]) */
  int32_t *date_idx;
} ctx;

/* ---- the lexicon ---- */

/* Is word w's lemma a key of table t with a record of the document's language
** whose field 1 (the class) is cls (NULL: any)? */
static int lemma_class(const ctx *c, int t, const lb_word *w, const char *cls) {
  return w->lemma && lb_lex_has_class(c->lx, t, w->lemma, strlen(w->lemma), c->lang, cls);
}

/* Is case word w a preposition that says where (table locprep), on any
** word: not one of class `noun`, which does so only on an event noun
** ("die Anschläge von Brüssel"; "von den USA vorgeworfen" names who)? */
static int where_prep(const ctx *c, const lb_word *w) {
  return lemma_class(c, c->t_locprep, w, NULL) && !lemma_class(c, c->t_locprep, w, "noun");
}


/* ---- actors ---- */

typedef lb_phrase slot;

/* The CAMEO agent code of key s[0..n) (table agent, an actor's record),
** or NULL. */
static const char *agent_key(const ctx *c, const char *s, size_t n) {
  lb_buf k = LB_BUF_INIT;
  lb_norm_key(&k, s, n);
  lb_lex_rec r;
  const char *f = NULL;
  int fl = 0;
  if (lb_lex_find(c->lx, c->t_agent, k.p, k.n, &r) && lb_lex_field_is(&r, 1, "actor"))
    fl = lb_lex_field(r.val, r.val_len, 0, &f);
  lb_buf_free(&k); /* before the arena allocates: its guard may jump */
  if (fl > 0 && !(fl == 1 && f[0] == '-')) return lb_arena_strndup(c->d->tx.arena, f, (size_t)fl);
  return NULL;
}

/* The agent code of a noun written `form` with lemma `lem` (table agent:
** by lemma, then by form), or of its last part when it is a closed compound
** ("Selbstmordattentäter", "Bundeswehrsoldaten"): the longest ending of at
** least 5 bytes, after at least 3, that is an agent noun's lemma or form. */
static const char *agent_words(const ctx *c, const char *lem, size_t ln, const char *form, size_t fn) {
  if (c->t_agent < 0) return NULL;
  const char *s[2] = {lem, form};
  const size_t n[2] = {lem ? ln : 0, fn};
  const char *code = NULL;
  for (int pass = 0; pass < 2 && !code; pass++)
    if (s[pass] && n[pass]) code = agent_key(c, s[pass], n[pass]);
  for (int pass = 0; pass < 2 && !code; pass++)
    for (size_t i = 2; s[pass] && i + 5 <= n[pass] && !code; i++) {
      /* (a closed compound's last part from the fourth byte, a hyphenated
      ** one's after its hyphen: "23-Jährige") */
      if (((unsigned char)s[pass][i] & 0xC0) == 0x80 || (i < 3 && s[pass][i - 1] != '-')) continue;
      code = agent_key(c, s[pass] + i, n[pass] - i);
    }
  return code;
}

/* Where a name of several words on noun w starts: the first of the
** compounds and adjectives right before it that hang on it (three at
** most: "the security services", "mortar fire"); w when there is none. */
static int32_t premods(const lb_text *tx, int32_t w) {
  int32_t j = w;
  while (j > 0 && w - j < 3 && tx->words.v[j - 1].head == w &&
         (lb_tree_rel(&tx->words.v[j - 1], "compound") || lb_tree_rel(&tx->words.v[j - 1], "amod")))
    j--;
  return j;
}

/* Words j..w-1 as written and w's lemma ("security service"), in the
** arena; NULL when w has no lemma. */
static const char *premod_key(const lb_text *tx, int32_t j, int32_t w) {
  if (!tx->words.v[w].lemma) return NULL;
  return lb_arena_printf(tx->arena, "%.*s %s", (int)(tx->words.v[w - 1].end - tx->words.v[j].start),
                         tx->text + tx->words.v[j].start, tx->words.v[w].lemma);
}

/* An agent noun without a country ("die Polizei", "Demonstranten",
** "protesters"): its CAMEO agent code (agent_words). */
static const char *agent_code(const ctx *c, int32_t w) {
  const lb_text *tx = c->tx;
  const lb_word *x = &tx->words.v[w];
  if (x->upos != LB_UPOS_NOUN && x->upos != LB_UPOS_PROPN) return NULL;
  /* an agent of several words, the longest first ("the security
  ** services": SPY, where "services" alone is none) */
  for (int32_t j = premods(tx, w); j < w; j++) {
    const char *code = agent_key(c, tx->text + tx->words.v[j].start, x->end - tx->words.v[j].start);
    if (code) return code;
    const char *key = premod_key(tx, j, w);
    if (key && (code = agent_key(c, key, strlen(key)))) return code;
  }
  return agent_words(c, x->lemma, x->lemma ? strlen(x->lemma) : 0, x->form, x->formlen);
}

/* A capital in an actor's slot is its government ("Kiew warf Moskau
** Kriegsverbrechen vor": UKRGOV, RUSGOV), as CAMEO codes it: the actor
** code for word x when its phrase names a capital (filling *ph), else NULL. */
static const char *capital_gov(const ctx *c, int32_t x, lb_phrase *ph) {
  if (!lb_phrase_find(c->d, x, LB_PH_GEO, ph) || ph->ent < 0) return NULL;
  const lb_entity *e = &c->d->entities.v[ph->ent];
  if (!e->has_geo || !e->geo.feature || strcmp(e->geo.feature, "PPLC") != 0 || !e->country ||
      strlen(e->country) != 3)
    return NULL;
  /* the capital is the phrase's head, not a modifier of it: "die Berliner
  ** Polizei" (a city's adjective) and "the Paris attacks" say where, not
  ** who */
  if (ph->men < 0) return NULL;
  const lb_mention *m = &e->mentions.v[ph->men];
  const lb_word *xw = &c->tx->words.v[x];
  int head = m->start <= xw->start && xw->end <= m->end;
  /* (or its name: "Die Stadt Wien spendete") */
  for (int32_t k = xw->kid; !head && k >= 0; k = c->tx->words.v[k].sib) {
    const lb_word *y = &c->tx->words.v[k];
    head = (lb_tree_rel(y, "appos") || lb_tree_rel(y, "flat")) && m->start <= y->start && y->end <= m->end;
  }
  if (m->role == LB_ROLE_PLACEADJ || !head) return NULL;
  return lb_arena_printf(c->d->tx.arena, "%sGOV", e->country);
}

static int spec_match(const lb_text *tx, int32_t k, const char *s, int n);

/* Is noun x a facility (table facility: "Stellungen", "base"), by its
** lemma or, for a closed compound, its last part ("Militärstützpunkt",
** "PKK-Stellungen", by its form)? 1 by the lemma, 2 by the form; *pre
** gets the length of the compound's first part there (0: none). */
static int facility(const ctx *c, int32_t x, size_t *pre) {
  const lb_word *w = &c->tx->words.v[x];
  *pre = 0;
  if (c->t_facility < 0 || w->upos != LB_UPOS_NOUN || !w->lemma) return 0;
  if (lemma_class(c, c->t_facility, w, NULL)) return 1;
  for (int pass = 0; pass < 2; pass++) {
    const char *s = pass ? w->form : w->lemma;
    size_t n = pass ? w->formlen : strlen(w->lemma);
    for (size_t i = 3; i + 4 <= n; i++) {
      if (((unsigned char)s[i] & 0xC0) == 0x80) continue;
      if (lb_lex_has_class(c->lx, c->t_facility, s + i, n - i, c->lang, NULL)) {
        *pre = s[i - 1] == '-' ? i - 1 : i;
        return 1 + pass;
      }
    }
  }
  return 0;
}

/* The first noun or name among the children of x that bears one of the
** relations rels[0..n), tried in that order; or -1. */
static int32_t attr_child(const lb_text *tx, int32_t x, const char *const *rels, size_t n) {
  int gen = 0;
  for (size_t r = 0; r < n; r++) {
    gen |= strcmp(rels[r], "nmod:gen") == 0;
    for (int32_t k = tx->words.v[x].kid; k >= 0; k = tx->words.v[k].sib) {
      const lb_word *y = &tx->words.v[k];
      if ((y->upos == LB_UPOS_NOUN || y->upos == LB_UPOS_PROPN) &&
          spec_match(tx, k, rels[r], (int)strlen(rels[r])))
        return k;
    }
  }
  /* a genitive right after x that the parser hung elsewhere ("Ziele des
  ** IS angegriffen" with "IS" on the verb): an article in the genitive and
  ** its noun */
  const lb_sent *st = &tx->sents.v[tx->words.v[x].sent];
  if (gen && (uint32_t)x + 2 < st->word1) {
    const lb_word *a = &tx->words.v[x + 1], *y = &tx->words.v[x + 2];
    if ((a->upos == LB_UPOS_DET || a->upos == LB_UPOS_PRON) && lb_ufeat_get(a->feats, LB_UF_CASE) == LB_CASE_GEN &&
        (y->upos == LB_UPOS_NOUN || y->upos == LB_UPOS_PROPN) && !lb_tree_dominates(tx, x + 2, x) &&
        !lb_tree_dominates(tx, x, x + 2))
      return x + 2;
  }
  return -1;
}

/* The owner of noun x, a facility or a member of a group: its genitive,
** possessive, "von"/"of" or compound attribute ("Stellungen der PKK", "the
** army's base", "IS positions", "die Kämpfer des IS"), or -1. */
static int32_t owner_of(const ctx *c, int32_t x) {
  static const char *const rels[] = {"nmod:gen", "nmod:poss", "nmod:von", "nmod:of", "compound"};
  return attr_child(c->tx, x, rels, sizeof rels / sizeof *rels);
}

/* The members a collective or quantity word x counts (table collective:
** "dozens of protesters", "eine Gruppe von Soldaten", "members of the
** Taliban"): its "of", "von" or genitive attribute, through up to three such
** nouns ("a group of dozens of ..."); else x. */
static int32_t members_of(const ctx *c, int32_t x) {
  const lb_text *tx = c->tx;
  static const char *const rels[] = {"nmod:of", "nmod:von", "nmod:gen"};
  for (int hop = 0; hop < 3 && c->t_collective >= 0; hop++) {
    const lb_word *w = &tx->words.v[x];
    /* a number counts whatever it has an attribute of ("two of the men") */
    if (w->upos != LB_UPOS_NUM && !((w->upos == LB_UPOS_NOUN || w->upos == LB_UPOS_PRON ||
                                     w->upos == LB_UPOS_ADJ || w->upos == LB_UPOS_DET) &&
                                    lemma_class(c, c->t_collective, w, NULL)))
      break;
    int32_t m = attr_child(tx, x, rels, sizeof rels / sizeof *rels);
    if (m < 0) break;
    x = m;
  }
  return x;
}

/* Phrase head h and its coordinated phrases as actors (or places: want):
** each the entity it names, else an agent noun's code; up to max. A
** facility stands for its owner (table facility): the owner's phrase, else
** the agent its compound's first part names ("Militärstützpunkt": MIL). */
/* The case word of nominal k: its case child, else one the parser hung on
** its article ("im" = "in dem"); or -1. */
static int32_t case_of(const lb_text *tx, int32_t k) {
  int32_t cs = lb_tree_child(tx, k, "case"), dt = lb_tree_child(tx, k, "det");
  return cs < 0 && dt >= 0 ? lb_tree_child(tx, dt, "case") : cs;
}

/* Has nominal k a preposition of its own (case_of), not the comparison of
** a number ("mehr als 30 Menschen")? */
static int has_prep(const lb_text *tx, int32_t k) {
  int32_t cs = case_of(tx, k);
  if (cs < 0 || tx->words.v[cs].upos != LB_UPOS_ADP) return 0;
  const lb_sent *st = &tx->sents.v[tx->words.v[cs].sent];
  return !((uint32_t)cs > st->word0 && (uint32_t)cs + 1 < st->word1 &&
           tx->words.v[cs + 1].upos == LB_UPOS_NUM &&
           (tx->words.v[cs - 1].upos == LB_UPOS_ADV || tx->words.v[cs - 1].upos == LB_UPOS_ADJ));
}

/* Is the mention phrase_find gave for noun x inside a prepositional
** attribute of x (an nmod with a case word; with `at`, one of class `at` in
** table locprep), not on x or its own name ("Ex-Finanzminister Nigel
** Lawson")? */
static int in_attribute(const ctx *c, int32_t x, const lb_phrase *ph, int at) {
  const lb_text *tx = c->tx;
  if (ph->ent < 0 || ph->men < 0) return 0;
  int32_t mw = lb_text_word_at(tx, c->d->entities.v[ph->ent].mentions.v[ph->men].start);
  for (int32_t k = tx->words.v[x].kid; mw >= 0 && k >= 0; k = tx->words.v[k].sib) {
    int32_t cs = case_of(tx, k);
    if (lb_tree_rel(&tx->words.v[k], "nmod") && cs >= 0 &&
        (!at || lemma_class(c, c->t_locprep, &tx->words.v[cs], "at")) && lb_tree_dominates(tx, k, mw))
      return 1;
  }
  return 0;
}

/* Is it there in a phrase that only says where ("ein Krankenhaus in Aleppo"
** is a hospital, HLH, not Syria)? */
static int where_of(const ctx *c, int32_t x, const lb_phrase *ph) { return in_attribute(c, x, ph, 1); }

/* Is it a mention without an actor code in an attribute ("Officers from the
** Columbus Police Department ... Unit": the officers are police, COP; "a
** friend of the suspect" a private person)? */
static int uncoded_inside(const ctx *c, int32_t x, const lb_phrase *ph) {
  return !ph->actor && in_attribute(c, x, ph, 0);
}

/* The actor of agent code ag in the country phrase ph names, when it names a
** country or its capital ("die Regierung in Libyen": LBYGOV, "die Führung in
** Damaskus": SYRGOV), or with towns any town of it ("Moscow police": RUSCOP,
** as CAMEO codes local authorities); else NULL. */
static const char *country_agent(const ctx *c, const lb_phrase *ph, const char *ag, int towns) {
  const lb_entity *e = ph->ent >= 0 ? &c->d->entities.v[ph->ent] : NULL;
  if (!e || !e->has_geo || !e->geo.feature ||
      (strcmp(e->geo.feature, "PCLI") != 0 && strcmp(e->geo.feature, "PPLC") != 0 &&
       !(towns && strncmp(e->geo.feature, "PPL", 3) == 0)) ||
      !e->country || strlen(e->country) != 3)
    return NULL;
  return lb_arena_printf(c->d->tx.arena, "%s%s", e->country, ag);
}

static int resolve(const ctx *c, int32_t h, int want, slot *out, int max) {
  const lb_text *tx = c->tx;
  int n = 0;
  /* a named person is an actor of an event, with or without a CAMEO code
  ** ("arrested Elizabeth A. Burton") */
  int phwant = (want & LB_PH_ACTOR) ? want | LB_PH_PERSON : want;
  /* a compound before a noun is an actor only with an actor code ("IS
  ** attacks"), not as a name ("the Boston Marathon bombing", "Bloody Friday
  ** attacks") */
  if (lb_tree_rel(&tx->words.v[h], "compound")) phwant = want & ~LB_PH_PERSON & ~LB_PH_ANY;
  for (int32_t x = h; x >= 0 && n < max; x = lb_tree_next(tx, h, x == h ? -1 : x, "conj")) {
    int32_t counted = (want & LB_PH_ACTOR) ? members_of(c, x) : x;
    if (counted != x) { /* "dozens of protesters and police officers" */
      n += resolve(c, counted, want, out + n, max - n);
      continue;
    }
    size_t pre = 0;
    int fac = (want & LB_PH_ACTOR) ? facility(c, x, &pre) : 0;
    if (fac) {
      int32_t own = owner_of(c, x);
      int got = 0;
      if (own >= 0 && own != h) got = resolve(c, own, LB_PH_ACTOR, out + n, max - n);
      if (!got && pre >= 2) {
        /* the first part: a name the entity stage found inside the
        ** word, else an agent noun */
        if (lb_phrase_find(c->d, x, phwant, &out[n]) && out[n].actor)
          got = 1;
        else {
          const char *first = fac == 2 ? tx->words.v[x].form : tx->words.v[x].lemma;
          const char *code = agent_words(c, first, pre, first, pre);
          if (code) {
            out[n].actor = code;
            out[n].word = x;
            out[n].ent = out[n].men = -1;
            out[n].rule = NULL;
            got = 1;
          }
        }
      }
      if (got) {
        n += got;
        continue;
      }
    }
    const char *ag = NULL;
    if (lb_phrase_find(c->d, x, phwant, &out[n]) &&
        !((ag = agent_code(c, x)) && (where_of(c, x, &out[n]) || uncoded_inside(c, x, &out[n])))) {
      /* a country or town named before an agent noun, its mention not
      ** reaching the noun, is the agent's country ("Hong Kong police":
      ** HKGCOP, not HKG) */
      const lb_entity *pe = out[n].ent >= 0 && out[n].men >= 0 ? &c->d->entities.v[out[n].ent] : NULL;
      const char *ca;
      if (ag && pe && pe->mentions.v[out[n].men].end <= tx->words.v[x].start && out[n].actor &&
          strlen(out[n].actor) == 3 && (ca = country_agent(c, &out[n], ag, 1)))
        out[n].actor = ca;
      n++;
    }
    else if (ag && (out[n].actor = country_agent(c, &out[n], ag, 0)))
      n++; /* "die Regierung in Libyen": LBYGOV */
    else if ((want & LB_PH_ACTOR) && !lb_tree_rel(&tx->words.v[x], "compound") &&
             (out[n].actor = capital_gov(c, x, &out[n])))
      n++;
    else if ((want & LB_PH_ACTOR) && (out[n].actor = agent_code(c, x))) {
      out[n].word = x;
      out[n].ent = out[n].men = -1;
      out[n].rule = NULL;
      /* a member of a named group is the group ("die Kämpfer des IS", "IS
      ** fighters", "Soldaten der Bundeswehr"): armed, police and state
      ** members only, not victims or supporters ("Opfer des IS") */
      static const char *const member[] = {"MIL", "REB", "COP", "SPY", "UAF", "GOV", "LEG", "JUD", "INS"};
      int mem = 0;
      for (size_t k = 0; k < sizeof member / sizeof *member; k++)
        mem |= strcmp(out[n].actor, member[k]) == 0;
      int32_t own = mem ? owner_of(c, x) : -1;
      lb_phrase op;
      if (own >= 0 && lb_phrase_find(c->d, own, LB_PH_ACTOR, &op) && op.ent >= 0 && op.actor)
        out[n] = op;
      /* a town's police or government is its country's ("Moscow police",
      ** "die Moskauer Polizei", "die Polizei in Moskau": RUSCOP), as CAMEO
      ** codes local authorities */
      for (int32_t k = mem && out[n].ent < 0 ? tx->words.v[x].kid : -1; k >= 0; k = tx->words.v[k].sib) {
        const lb_word *y = &tx->words.v[k];
        int32_t cs = case_of(tx, k);
        lb_phrase gp;
        const char *ca;
        /* (a phrase "in" a town only for a noun with no adjective: "the
        ** Ecuadorean embassy in London" is no British office) */
        if ((lb_tree_rel(y, "compound") || lb_tree_rel(y, "amod") ||
             (lb_tree_rel(y, "nmod") && cs >= 0 && lemma_class(c, c->t_locprep, &tx->words.v[cs], "at") &&
              lb_tree_child(tx, x, "amod") < 0)) &&
            lb_phrase_find(c->d, k, LB_PH_GEO, &gp) && (ca = country_agent(c, &gp, out[n].actor, 1))) {
          out[n].actor = ca;
          break;
        }
      }
      n++;
    }
  }
  return n;
}

/* ---- patterns ---- */

typedef struct frame {
  const char *code, *src, *tgt, *obj, *objrel, *ssec, *tsec, *source;
  int srcn, tgtn, objn, objreln, ssecn, tsecn;
  int need;    /* 1 source, 2 target */
  int tgtkind; /* 1 actor, 2 place */
  int srcstate; /* the source must be a state (state_actor) */
  int armed;    /* a side must be armed (armed_actor) */
  int fighting; /* both sides must be fighting forces (fighting_actor) */
  int refl, noun;
  int circ; /* an event only when a circumstance names the act (circumstance) */
} frame;

static void parse_frame(const char *f, int fl, frame *fr) {
  const char *p = f, *end = f + fl;
  fr->tgtkind = 3;
  if (fl == 1 && f[0] == '-') return;
  while (p < end) {
    const char *q = memchr(p, ';', (size_t)(end - p));
    if (!q) q = end;
    const char *eq = memchr(p, '=', (size_t)(q - p));
    size_t kl = eq ? (size_t)(eq - p) : (size_t)(q - p);
    const char *v = eq ? eq + 1 : q;
    int vl = (int)(q - v);
#define KEY(s) (kl == sizeof(s) - 1 && memcmp(p, s, kl) == 0)
    if (KEY("src"))
      fr->src = v, fr->srcn = vl;
    else if (KEY("tgt"))
      fr->tgt = v, fr->tgtn = vl;
    else if (KEY("obj"))
      fr->obj = v, fr->objn = vl;
    else if (KEY("objrel"))
      fr->objrel = v, fr->objreln = vl;
    else if (KEY("ssec"))
      fr->ssec = v, fr->ssecn = vl;
    else if (KEY("tsec"))
      fr->tsec = v, fr->tsecn = vl;
    else if (KEY("refl"))
      fr->refl = 1;
    else if (KEY("srcstate"))
      fr->srcstate = 1;
    else if (KEY("armed"))
      fr->armed = 1;
    else if (KEY("fighting"))
      fr->fighting = 1;
    else if (KEY("circ"))
      fr->circ = 1;
    else if (KEY("need")) {
      if (vl >= 3 && memcmp(v, "src", 3) == 0) fr->need |= 1;
      if (vl >= 3 && memcmp(v, "tgt", 3) == 0) fr->need |= 2;
      if (vl == 4 && memcmp(v, "both", 4) == 0) fr->need = 3;
    } else if (KEY("tgtkind")) {
      fr->tgtkind = 0;
      if (memmem(v, (size_t)vl, "actor", 5)) fr->tgtkind |= 1;
      if (memmem(v, (size_t)vl, "place", 5)) fr->tgtkind |= 2;
      if (memmem(v, (size_t)vl, "any", 3)) fr->tgtkind = 3;
    }
#undef KEY
    p = q + 1;
  }
}

/* Does child k of h match relation spec s[0..n) ("obj", "obl:gegen",
** "nmod:gen", "obl:agent")? */
static int spec_match(const lb_text *tx, int32_t k, const char *s, int n) {
  const lb_word *w = &tx->words.v[k];
  if (!w->deprel) return 0;
  const char *colon = memchr(s, ':', (size_t)n);
  size_t base = colon ? (size_t)(colon - s) : (size_t)n;
  size_t dl = strlen(w->deprel);
  /* a subject or object with a preposition of its own is an oblique the
  ** parser misread ("im Nordirak seien ... Zivilisten getötet worden" with
  ** "Nordirak" a passive subject) */
  if ((!strncmp(s, "nsubj", 5) || (base == 3 && !memcmp(s, "obj", 3)) || !strncmp(s, "iobj", 4)) &&
      has_prep(tx, k))
    return 0;
  if (dl == (size_t)n && memcmp(w->deprel, s, (size_t)n) == 0) return 1; /* the exact relation */
  /* German UD writes the dative object as obl:arg, English as iobj */
  if (n == 4 && memcmp(s, "iobj", 4) == 0 && strcmp(w->deprel, "obl:arg") == 0) return 1;
  if (!colon) {
    /* a plain relation matches its subtypes, except the passive ones */
    return dl > base && memcmp(w->deprel, s, base) == 0 && w->deprel[base] == ':' &&
           strcmp(w->deprel + base, ":pass") != 0;
  }
  /* "obl:gegen" and "nmod:gegen" alike: parsers confuse where a
  ** prepositional phrase hangs, its preposition they do not */
  int pp = (base == 3 && (!memcmp(s, "obl", 3) || !memcmp(s, "nmod", 3))) ||
           (base == 4 && !memcmp(s, "nmod", 4));
  if (pp) {
    /* (or a subject or object with a preposition: has_prep above) */
    if (!lb_tree_rel(w, "obl") && !lb_tree_rel(w, "nmod") &&
        !((lb_tree_rel(w, "nsubj") || lb_tree_rel(w, "obj") || lb_tree_rel(w, "iobj")) &&
          has_prep(tx, k)))
      return 0;
  } else if (strncmp(w->deprel, s, base) != 0 || (w->deprel[base] != 0 && w->deprel[base] != ':'))
    return 0;
  const char *sub = colon + 1;
  size_t sl = (size_t)(s + n - sub);
  if (sl == 3 && memcmp(sub, "gen", 3) == 0)
    return lb_tree_child(tx, k, "case") < 0 && lb_ufeat_get(w->feats, LB_UF_CASE) == LB_CASE_GEN;
  /* the case word's lemma */
  int32_t cs = case_of(tx, k);
  return cs >= 0 && lb_tree_lemma_in(&tx->words.v[cs], sub, sl);
}

/* Words in the subtree of h (not h) matching a spec with a case word
** ("obl:gegen"), breadth first: the target of a build-up "für eine
** Offensive gegen ukrainische Kräfte" is deep in the object's phrase. */
static int deep_words(const lb_text *tx, int32_t h, const char *specs, int n, int32_t *out,
                      int max) {
  int32_t queue[256];
  int qh = 0, qt = 0, k = 0;
  for (int32_t c = tx->words.v[h].kid; c >= 0 && qt < 256; c = tx->words.v[c].sib)
    queue[qt++] = c;
  while (qh < qt && k < max) {
    int32_t w = queue[qh++];
    const char *p = specs, *end = specs + n;
    while (p < end) {
      const char *q = memchr(p, '|', (size_t)(end - p));
      if (!q) q = end;
      if (memchr(p, ':', (size_t)(q - p)) && !memchr(p, '>', (size_t)(q - p)) &&
          spec_match(tx, w, p, (int)(q - p))) {
        out[k++] = w;
        break;
      }
      p = q + 1;
    }
    /* not into clauses that have a subject of their own */
    for (int32_t c = tx->words.v[w].kid; c >= 0 && qt < 256; c = tx->words.v[c].sib)
      if (!lb_tree_rel(&tx->words.v[c], "nsubj")) queue[qt++] = c;
  }
  return k;
}

/* The children of h matching one of the '|'-separated specs (with
** "xcomp>SPEC" looking inside h's xcomp): up to max into out. */
/* The words reached from h by path p[0..n): specs joined by '>', each step
** the children matching it ("obj", "xcomp>obl:on", "obj>amod"). */
/* German verb-final coordination ("dass Soldaten an Kämpfen teilnehmen und
** ukrainische Kräfte angreifen"): the parser hangs the words between the
** second verb's "und" and the verb on the first. For a verb v that is a
** conj with its cc before it, the range of such words: (*lo, v) among the
** children of the returned head; -1 when v is none such. */
static int32_t lent_to(const lb_text *tx, int32_t v, int32_t *lo) {
  const lb_word *w = &tx->words.v[v];
  if (!lb_tree_rel(w, "conj") || w->head < 0 || w->head > v ||
      !(w->upos == LB_UPOS_VERB || w->upos == LB_UPOS_AUX))
    return -1;
  /* the conjunction: v's cc, else (the parser hung it elsewhere) the first
  ** coordinating conjunction after the first verb */
  int32_t cc = lb_tree_child(tx, v, "cc");
  if (cc < 0 || cc > v || cc < w->head)
    for (cc = w->head + 1; cc < v && tx->words.v[cc].upos != LB_UPOS_CCONJ; cc++) {
    }
  if (cc >= v) return -1;
  *lo = cc;
  return w->head;
}

static int path_words(const lb_text *tx, int32_t h, const char *p, int n, int32_t *out, int max) {
  int32_t cur[16], nxt[16];
  int nc = 1, k = 0;
  cur[0] = h;
  const char *s = p, *end = p + n;
  int32_t lo = -1, lender = lent_to(tx, h, &lo);
  while (s < end && nc) {
    const char *gt = memchr(s, '>', (size_t)(end - s));
    const char *e = gt ? gt : end;
    int nn = 0;
    for (int i = 0; i < nc; i++)
      for (int32_t ch = tx->words.v[cur[i]].kid; ch >= 0 && nn < 16; ch = tx->words.v[ch].sib)
        if (spec_match(tx, ch, s, (int)(e - s))) nxt[nn++] = ch;
    /* a separable verb's particle with words of its own ("nahm ... 20
    ** Demonstranten fest" with the noun under "fest"): the verb's */
    if (s == p && lb_tree_child(tx, h, "compound:prt") >= 0)
      for (int32_t ch = tx->words.v[lb_tree_child(tx, h, "compound:prt")].kid; ch >= 0 && nn < 16;
           ch = tx->words.v[ch].sib) {
        const lb_word *cw = &tx->words.v[ch];
        int noun = (cw->upos == LB_UPOS_NOUN || cw->upos == LB_UPOS_PROPN) && lb_tree_child(tx, ch, "case") < 0;
        if ((noun && e - s == 3 && !memcmp(s, "obj", 3)) || spec_match(tx, ch, s, (int)(e - s)))
          nxt[nn++] = ch;
      }
    /* the first step also takes what the parser lent the first conjunct */
    if (s == p && lender >= 0)
      for (int32_t ch = tx->words.v[lender].kid; ch >= 0 && nn < 16; ch = tx->words.v[ch].sib) {
        if (!(ch > lo && ch < h)) continue;
        /* a noun the parser coordinated with the first verb ("teilnehmen
        ** und ukrainische Kräfte ... angreifen") is the second one's object */
        const lb_word *cw = &tx->words.v[ch];
        int lent_obj = e - s == 3 && !memcmp(s, "obj", 3) && lb_tree_rel(cw, "conj") &&
                       (cw->upos == LB_UPOS_NOUN || cw->upos == LB_UPOS_PROPN);
        if (lent_obj || spec_match(tx, ch, s, (int)(e - s))) nxt[nn++] = ch;
      }
    memcpy(cur, nxt, (size_t)nn * sizeof *cur);
    nc = nn;
    s = gt ? gt + 1 : end;
  }
  for (int i = 0; i < nc && k < max; i++)
    out[k++] = cur[i];
  return k;
}

/* The words of h matching one of the '|'-separated paths, up to max. */
static int slot_words(const lb_text *tx, int32_t h, const char *specs, int n, int32_t *out,
                      int max) {
  int k = 0;
  const char *p = specs, *end = specs + n;
  while (p < end && k < max) {
    const char *q = memchr(p, '|', (size_t)(end - p));
    if (!q) q = end;
    if (!(q - p == 5 && memcmp(p, "place", 5) == 0))
      k += path_words(tx, h, p, (int)(q - p), out + k, max - k);
    p = q + 1;
  }
  return k;
}

/* Is verb v passive: a passive auxiliary, or a passive subject without the
** auxiliary of the perfect (table mood, class perfect: "haben die
** Streitkräfte ... gehalten" is active whatever the parser called the
** subject, and "hatten" is that auxiliary whether called aux or cop)? */
static int passive_c(const ctx *c, int32_t v) {
  const lb_text *tx = c->tx;
  if (lb_tree_child(tx, v, "aux:pass") >= 0) return 1;
  /* a participle without an auxiliary of its own after a form of "werden"
  ** (table mood, class future) that the parser hung on no other verb:
  ** "Demnach wurden 14 Aufständische ... getötet" with "wurden" a copula of
  ** the first noun; "sind ... getötet worden". Not after the perfect's
  ** auxiliary ("hat ... angegriffen"). */
  const lb_word *vw = &tx->words.v[v];
  if (lb_ufeat_get(vw->feats, LB_UF_VERBFORM) == LB_VERBFORM_PART && !lb_tree_rel(vw, "amod") &&
      !lb_tree_rel(vw, "acl")) {
    int32_t s0 = (int32_t)tx->sents.v[vw->sent].word0, s1 = (int32_t)tx->sents.v[vw->sent].word1;
    /* "sind ... getötet worden" */
    if (v + 1 < s1 && tx->words.v[v + 1].upos == LB_UPOS_AUX &&
        lemma_class(c, c->t_mood, &tx->words.v[v + 1], "future"))
      return 1;
    for (int32_t k = v - 1; k >= s0; k--) {
      const lb_word *x = &tx->words.v[k];
      if (x->upos == LB_UPOS_VERB) break; /* another clause's verb */
      if (x->upos != LB_UPOS_AUX) continue;
      if (lemma_class(c, c->t_mood, x, "perfect")) break;
      if (lemma_class(c, c->t_mood, x, "future") &&
          (x->head < 0 || tx->words.v[x->head].upos != LB_UPOS_VERB || x->head == v))
        return 1;
      break;
    }
  }
  return lb_tree_child(tx, v, "nsubj:pass") >= 0 && !lb_phrase_perfect(tx, c->t_mood, v);
}

/* The subject of verb v, looking up through xcomp and conj when v has none. */
static int32_t subject_of(const ctx *c, int32_t v) {
  const lb_text *tx = c->tx;
  int up_xcomp = 0; /* v is the head of the xcomp we came from */
  for (int guard = 0; v >= 0 && guard < 8; guard++) {
    int32_t s = lb_tree_child(tx, v, "nsubj");
    /* (a passive's subject is its xcomp's: "Russia is expected to sign",
    ** "X was ordered to withdraw") */
    if (s >= 0 && (!lb_tree_rel(&tx->words.v[s], "nsubj:pass") || up_xcomp)) return s;
    const lb_word *w = &tx->words.v[v];
    up_xcomp = lb_tree_rel(w, "xcomp");
    /* an adverbial clause without a subject, opened by a conjunction of
    ** table mood class ctl, is controlled by its main clause's subject
    ** ("carried the bombs ... before detonating them"; not "convicted X
    ** for impeding", whose subject is X) */
    int ctl = lb_tree_rel(w, "advcl") && lb_ufeat_get(w->feats, LB_UF_VERBFORM) != LB_VERBFORM_FIN &&
              s < 0 && lb_tree_child(tx, v, "aux") < 0 && lb_tree_child(tx, v, "aux:pass") < 0 &&
              lb_phrase_controlled(tx, c->t_mood, v);
    if (!(lb_tree_rel(w, "xcomp") || lb_tree_rel(w, "conj") || ctl) || w->head < 0) return -1;
    v = w->head;
  }
  return -1;
}

/* ---- mood ---- */

/* Is verb v an infinitive with its marker (table mood, class inf: "zu",
** "to"), or a German separable verb with "zu" inside ("zurückzuerobern",
** lemma "zurückerobern")? */
static int to_infinitive(const ctx *c, int32_t v) {
  const lb_text *tx = c->tx;
  const lb_word *w = &tx->words.v[v];
  if (lb_ufeat_get(w->feats, LB_UF_VERBFORM) != LB_VERBFORM_INF) return 0;
  for (int32_t k = w->kid; k >= 0; k = tx->words.v[k].sib)
    if (lb_tree_rel(&tx->words.v[k], "mark") && lemma_class(c, c->t_mood, &tx->words.v[k], "inf"))
      return 1;
  if (!w->lemma) return 0;
  size_t ln = strlen(w->lemma);
  if (w->formlen != ln + 2) return 0;
  for (size_t i = 1; i + 2 < w->formlen; i++) /* the form is the lemma with "zu" at i */
    if (strncasecmp(w->form + i, "zu", 2) == 0 && strncasecmp(w->form, w->lemma, i) == 0 &&
        strncasecmp(w->form + i + 2, w->lemma + i, ln - i) == 0)
      return 1;
  return 0;
}

static const char *mood_of(const ctx *c, int32_t v, int noun) {
  const lb_text *tx = c->tx;
  const lb_word *w = &tx->words.v[v];
  /* negation on the trigger; "kein" on a noun trigger */
  for (int32_t k = w->kid; k >= 0; k = tx->words.v[k].sib) {
    const lb_word *x = &tx->words.v[k];
    if ((lb_tree_rel(x, "advmod") || lb_tree_rel(x, "det") || lb_tree_rel(x, "neg")) &&
        (lb_ufeat_get(x->feats, LB_UF_POLARITY) == LB_POLARITY_NEG ||
         lemma_class(c, c->t_mood, x, "neg")))
      return "negated";
  }
  if (noun) {
    /* "zukünftige Angriffe", "possible strikes"; "für eine Offensive" */
    for (int32_t k = w->kid; k >= 0; k = tx->words.v[k].sib) {
      const lb_word *x = &tx->words.v[k];
      if (lb_tree_rel(x, "amod") && lemma_class(c, c->t_mood, x, "irr")) return "hypothetical";
      if (lb_tree_rel(x, "case") && lemma_class(c, c->t_mood, x, "purpose")) return "intended";
    }
    /* the noun's verb: "keine Angriffe verübt", "plant eine Offensive" */
    if (w->head >= 0 && (lb_tree_rel(w, "obj") || lb_tree_rel(w, "nsubj")))
      v = w->head;
    else
      return NULL;
    w = &tx->words.v[v];
    for (int32_t k = w->kid; k >= 0; k = tx->words.v[k].sib)
      if (lb_tree_rel(&tx->words.v[k], "advmod") &&
          lemma_class(c, c->t_mood, &tx->words.v[k], "neg"))
        return "negated";
  }
  /* auxiliaries: modal, future, intent; an evidential modal with the perfect
  ** infinitive reports a fact ("sollen ... getötet worden sein": an
  ** infinitive "haben" or "sein" among the auxiliaries) */
  int perfinf = 0;
  for (int32_t k = w->kid; k >= 0; k = tx->words.v[k].sib) {
    const lb_word *x = &tx->words.v[k];
    perfinf |= lb_tree_rel(x, "aux") && lb_ufeat_get(x->feats, LB_UF_VERBFORM) == LB_VERBFORM_INF &&
               (lemma_class(c, c->t_mood, x, "perfect") || lemma_class(c, c->t_mood, x, "perfsein"));
  }
  for (int32_t k = w->kid; k >= 0; k = tx->words.v[k].sib) {
    const lb_word *x = &tx->words.v[k];
    if (!lb_tree_rel(x, "aux")) continue;
    if (perfinf && lemma_class(c, c->t_mood, x, "evid")) continue;
    if (lemma_class(c, c->t_mood, x, "intent")) return "intended";
    if (lemma_class(c, c->t_mood, x, "modal")) return "modal";
    if (lemma_class(c, c->t_mood, x, "future") &&
        lb_ufeat_get(w->feats, LB_UF_VERBFORM) == LB_VERBFORM_INF)
      return "modal";
  }
  /* a zu-infinitive is a goal, not a deed: under a noun ("Bemühungen,
  ** ... zurückzuerobern", "efforts to retake") or, in German, under a verb
  ** that is no phase verb (table mood, class phase: "begann anzugreifen"
  ** is done) */
  if (!noun && w->head >= 0 && to_infinitive(c, v)) {
    const lb_word *hw = &tx->words.v[w->head];
    if (lb_tree_rel(w, "acl") && (hw->upos == LB_UPOS_NOUN || hw->upos == LB_UPOS_PROPN))
      return "intended";
    if (strcmp(c->lang, "de") == 0 && (lb_tree_rel(w, "xcomp") || lb_tree_rel(w, "advcl")) &&
        !lemma_class(c, c->t_mood, hw, "phase"))
      return "intended";
  }
  /* the clauses above: a condition, or an intent verb governing it */
  int32_t x = v;
  for (int guard = 0; x >= 0 && guard < 16; guard++) {
    const lb_word *cw = &tx->words.v[x];
    for (int32_t k = cw->kid; k >= 0; k = tx->words.v[k].sib)
      if (lb_tree_rel(&tx->words.v[k], "mark") &&
          lemma_class(c, c->t_mood, &tx->words.v[k], "hypo"))
        return "hypothetical";
    if (cw->head < 0) break;
    if (lb_tree_rel(cw, "xcomp") || lb_tree_rel(cw, "ccomp")) {
      const lb_word *hw = &tx->words.v[cw->head];
      if (lemma_class(c, c->t_mood, hw, "intent")) return "intended";
      /* "is expected to sign", "is unlikely to agree" */
      if (lemma_class(c, c->t_mood, hw, "expect")) return "hypothetical";
      if (lb_tree_rel(cw, "xcomp") && lemma_class(c, c->t_mood, hw, "modal")) return "modal";
    }
    if (!(lb_tree_rel(cw, "xcomp") || lb_tree_rel(cw, "conj") || lb_tree_rel(cw, "advcl") ||
          lb_tree_rel(cw, "obj") || lb_tree_rel(cw, "obl")))
      break;
    x = cw->head;
  }
  return NULL;
}

/* ---- place and date (issue 18) ---- */

/* Is the mention of slot s on word h or on a name part or modifier of h
** (flat, appos, compound, amod), not deeper in its phrase? */
static int own_name(const ctx *c, int32_t h, const slot *s) {
  const lb_text *tx = c->tx;
  const lb_mention *m = &c->d->entities.v[s->ent].mentions.v[s->men];
  const lb_word *w = &tx->words.v[h];
  if (m->start <= w->start && w->end <= m->end) return 1;
  for (int32_t k = w->kid; k >= 0; k = tx->words.v[k].sib) {
    const lb_word *x = &tx->words.v[k];
    if ((lb_tree_rel(x, "flat") || lb_tree_rel(x, "appos") || lb_tree_rel(x, "compound") ||
         lb_tree_rel(x, "amod")) &&
        m->start <= x->start && x->end <= m->end)
      return 1;
    /* a name the parser made an attribute ("in der Stadt Cizre") or a
    ** locative phrase inside ("am Samstag in Berlin") */
    int32_t cs = lb_tree_child(tx, k, "case");
    if (lb_tree_rel(x, "nmod") &&
        (cs < 0 || where_prep(c, &tx->words.v[cs])) && own_name(c, k, s))
      return 1;
  }
  return 0;
}

/* The town word h names (a populated place of GeoNames, capitals too; not
** a country or region: "die Anschläge von Brüssel"): its entity, or -1. */
static int32_t town_of(const ctx *c, int32_t h) {
  slot s;
  if (!lb_phrase_find(c->d, h, LB_PH_GEO, &s) || s.ent < 0 || s.men < 0 || !own_name(c, h, &s)) return -1;
  const lb_entity *e = &c->d->entities.v[s.ent];
  return e->has_geo && e->geo.feature && strncmp(e->geo.feature, "PPL", 3) == 0 ? s.ent : -1;
}

/* A locative phrase among the children of word v (obl, nmod, advmod with
** a case word of table locprep: "in Kursk", "bei Aleppo", "near Kherson"):
** the place entity it names, seen through region words and class nouns
** ("im Norden Jemens" is Yemen, "in der Stadt Aleppo" Aleppo); or -1. A
** preposition of class `noun` counts only on the trigger noun itself (trig). */
static int32_t loc_phrase(const ctx *c, int32_t v, int trig) {
  const lb_text *tx = c->tx;
  int32_t lo = -1, lender = v >= 0 ? lent_to(tx, v, &lo) : -1;
  for (int pass = 0; pass < 2; pass++)
  for (int32_t k = v < 0 ? -1 : pass ? (lender >= 0 ? tx->words.v[lender].kid : -1) : tx->words.v[v].kid;
       k >= 0; k = tx->words.v[k].sib) {
    /* the first conjunct's phrases inside the second's words (German
    ** verb-final clauses) or after them: UD hangs a phrase that both share
    ** on the first ("call a ceasefire and hold talks ... in London") */
    if (pass && !(k > lo && k != v)) continue;
    const lb_word *x = &tx->words.v[k];
    /* (or any phrase with a preposition: a subject the parser misread,
    ** has_prep) */
    if (!(lb_tree_rel(x, "obl") || lb_tree_rel(x, "nmod") || lb_tree_rel(x, "advmod") ||
          has_prep(tx, k)))
      continue;
    int32_t cs = case_of(tx, k);
    if (cs < 0 || !lemma_class(c, c->t_locprep, &tx->words.v[cs], NULL)) continue;
    /* (a preposition of class `noun` says where on the event's trigger
    ** noun (trig), of a town only: "die Anschläge von Brüssel", not "der
    ** Bürgermeister von Palermo") */
    if (lemma_class(c, c->t_locprep, &tx->words.v[cs], "noun") &&
        (!trig || tx->words.v[v].upos != LB_UPOS_NOUN || town_of(c, k) < 0))
      continue;
    int32_t h = k;
    for (int guard = 0; guard < 3 && lemma_class(c, c->t_region, &tx->words.v[h], NULL); guard++) {
      int32_t n2 = lb_tree_child(tx, h, "nmod");
      if (n2 < 0) n2 = lb_tree_child(tx, h, "appos");
      if (n2 < 0) n2 = lb_tree_child(tx, h, "flat");
      if (n2 < 0) break; /* "in der französischen Hauptstadt": the word's own mention */
      h = n2;
    }
    if (h < 0) continue;
    slot s;
    /* after a locative preposition a capital is a place, not its government;
    ** the place is the phrase's own name ("in Kursk", "in der Region
    ** Kursk", "in russischen Städten"), not one inside an attribute of it
    ** ("in der Nacht von Russland") */
    if (lb_phrase_find(c->d, h, LB_PH_GEO, &s) && s.men >= 0 && own_name(c, h, &s)) {
      /* a country's adjective yields to a place inside the phrase ("auf das
      ** türkische Kulturzentrum in Stockholm") */
      int32_t in = c->d->entities.v[s.ent].mentions.v[s.men].role == LB_ROLE_ADJ && h != v
                       ? loc_phrase(c, h, 0)
                       : -1;
      return in >= 0 ? in : s.ent;
    }
  }
  return -1;
}

/* "a London protest", "die Pariser Anschläge": a city (not a country, which
** is an actor there: "US strikes") named by a modifier of event noun v; or
** -1. */
static int32_t modifier_place(const ctx *c, int32_t v) {
  const lb_text *tx = c->tx;
  if (v < 0 || tx->words.v[v].upos != LB_UPOS_NOUN) return -1;
  for (int32_t k = tx->words.v[v].kid; k >= 0; k = tx->words.v[k].sib) {
    const lb_word *x = &tx->words.v[k];
    int32_t t = k < v && (lb_tree_rel(x, "compound") || lb_tree_rel(x, "amod")) ? town_of(c, k) : -1;
    if (t >= 0) return t;
  }
  return -1;
}

/* A locative phrase of noun k, or of the members it counts ("a series of
** attacks across Paris"); or -1. */
static int32_t phrase_place(const ctx *c, int32_t k) {
  int32_t pl = loc_phrase(c, k, 0), m = members_of(c, k);
  return pl < 0 && m != k ? loc_phrase(c, m, 0) : pl;
}

/* The event's place: a locative phrase of trigger v; else one of its
** target's phrase ("Angriff auf ein Krankenhaus in Aleppo"); else one of
** another phrase of the trigger (its object or oblique); else a target
** that is itself a place (given tgt); else -1. */
static int32_t place_of(const ctx *c, int32_t v, const slot *tgt, int32_t tword) {
  int32_t pl = loc_phrase(c, v, 1);
  if (pl < 0) pl = modifier_place(c, v);
  if (pl < 0 && tword >= 0) pl = phrase_place(c, tword);
  /* a locative phrase one level down, on another phrase of the trigger:
  ** the parser's attachment of a preposition is its weakest guess
  ** ("zieht Soldaten für einen Gegenangriff bei Kursk zusammen") */
  for (int32_t k = v >= 0 && pl < 0 ? c->tx->words.v[v].kid : -1; k >= 0 && pl < 0;
       k = c->tx->words.v[k].sib)
    if (k != tword && (lb_tree_rel(&c->tx->words.v[k], "obl") || lb_tree_rel(&c->tx->words.v[k], "obj")))
      pl = phrase_place(c, k);
  if (pl >= 0) return pl;
  if (tgt && tgt->ent >= 0 && tgt->men >= 0) {
    const lb_entity *e = &c->d->entities.v[tgt->ent];
    const lb_mention *m = &e->mentions.v[tgt->men];
    if (e->has_geo && m->role != LB_ROLE_ACTOR && m->role != LB_ROLE_ADJ) return tgt->ent;
  }
  return -1;
}

/* The entity of a country: the one whose actor code is it, else a GPE of it. */
static int32_t country_entity(const ctx *c, const char *cc) {
  return cc ? lb_map_get(&c->by_actor, cc, strlen(cc)) : -1;
}

static int32_t vfinal_span(const ctx *c, int32_t v);

/* Is one of the three-letter parts of actor code a in [from, to) one of
** the sectors sec? */
static int has_sector(const char *a, const char *const *sec, size_t nsec, size_t from, size_t to) {
  for (size_t p = from; p + 3 <= to; p += 3)
    for (size_t i = 0; i < nsec; i++)
      if (memcmp(a + p, sec[i], 3) == 0) return 1;
  return 0;
}

/* Is the CAMEO actor code a state: a bare country, or its government,
** military, police, intelligence, legislature or judiciary (the state
** sectors of the CAMEO code book, chapter 3)? Rebels and the opposition
** fight their own country; a state rarely strikes itself. */
static int state_actor(const char *a) {
  static const char *const STATE[] = {"GOV", "MIL", "COP", "SPY", "LEG", "JUD"};
  if (!a) return 0;
  size_t n = strlen(a);
  return n == 3 || (n == 6 && has_sector(a, STATE, sizeof STATE / sizeof *STATE, 3, 6));
}

/* Is the CAMEO actor code a fighting force: a military, rebels, an armed
** group or insurgents (not police or intelligence)? */
static int fighting_actor(const char *a) {
  static const char *const FIGHT[] = {"MIL", "REB", "UAF", "INS"};
  if (!a) return 0;
  return strncmp(a, "IMG", 3) == 0 || has_sector(a, FIGHT, sizeof FIGHT / sizeof *FIGHT, 0, strlen(a));
}

/* Is the CAMEO actor code an armed one: a military, rebels, an armed group,
** police or intelligence (a sector of its three-letter parts), or a named
** militant group (IMG...)? */
static int armed_actor(const char *a) {
  static const char *const ARMED[] = {"MIL", "REB", "UAF", "COP", "SPY", "INS"};
  if (!a) return 0;
  return strncmp(a, "IMG", 3) == 0 || has_sector(a, ARMED, sizeof ARMED / sizeof *ARMED, 0, strlen(a));
}

/* "einschließlich der Hauptstadt": a role noun for a capital in the
** trigger's phrases (table rolenoun, value "capital") places the event in
** the target country's capital, when the document names that place. */
static int32_t capital_of(const ctx *c, int32_t v, const char *target_entity) {
  const lb_doc *d = c->d;
  const lb_text *tx = c->tx;
  int t_role = lb_lex_table(c->lx, "rolenoun");
  if (!target_entity || t_role < 0) return -1;
  int32_t te = lb_doc_entity_find(d, target_entity);
  const char *cc = te >= 0 ? d->entities.v[te].country : NULL;
  if (!cc) return -1;
  int found = 0;
  int32_t stack[64];
  int sp = 0;
  /* the trigger's phrases; for a German verb-final clause its body, word
  ** by word, whatever the parser hung on it */
  int32_t from = vfinal_span(c, v);
  if (from < 0) stack[sp++] = v;
  for (int32_t k = from; from >= 0 && k < v && !found; k++) {
    const lb_word *x = &tx->words.v[k];
    if (x->upos != LB_UPOS_NOUN || !x->lemma) continue;
    lb_buf key = LB_BUF_INIT;
    lb_norm_key(&key, x->lemma, strlen(x->lemma));
    lb_lex_rec r;
    found = lb_lex_find(c->lx, t_role, key.p, key.n, &r) && lb_lex_field_is(&r, 0, "capital");
    lb_buf_free(&key);
  }
  while (sp && !found) {
    int32_t w = stack[--sp];
    const lb_word *x = &tx->words.v[w];
    if (w != v && x->upos == LB_UPOS_NOUN && x->lemma) {
      lb_buf k = LB_BUF_INIT;
      lb_norm_key(&k, x->lemma, strlen(x->lemma));
      lb_lex_rec r;
      found = lb_lex_find(c->lx, t_role, k.p, k.n, &r) && lb_lex_field_is(&r, 0, "capital");
      lb_buf_free(&k);
    }
    for (int32_t ch = x->kid; ch >= 0 && sp < 64; ch = tx->words.v[ch].sib)
      stack[sp++] = ch;
  }
  return found ? lb_map_get(&c->capital, cc, strlen(cc)) : -1;
}

/* Does the date starting at word dw belong to the clause of trigger v? Up
** from the date to the clause head, never through another noun's nmod,
** apposition or clause. */
static int date_of_clause(const lb_text *tx, int32_t dw, int32_t v) {
  int32_t clause = lb_tree_clause(tx, v);
  int32_t x = dw;
  /* a date before a noun, its attribute, dates the noun ("dropped its
  ** investigation into a 2010 rape allegation": the allegation; not "Im
  ** Jahr 2000", "bis Herbst 2018") */
  const lb_word *dx = &tx->words.v[dw];
  if (dx->head > dw && dx->head != v && tx->words.v[dx->head].upos == LB_UPOS_NOUN &&
      (lb_tree_rel(dx, "nummod") || lb_tree_rel(dx, "amod") || lb_tree_rel(dx, "compound")))
    return 0;
  for (int guard = 0; x >= 0 && guard < 16; guard++) {
    if (x == v || x == clause) return 1;
    const lb_word *w = &tx->words.v[x];
    if (w->head < 0) return 0;
    if ((lb_tree_rel(w, "nmod") || lb_tree_rel(w, "appos") || lb_tree_rel(w, "acl")) &&
        w->head != v)
      return 0;
    if (lb_tree_clausal(tx, x) && x != dw) return 0;
    x = w->head;
  }
  return 0;
}

static int date_at(const ctx *c, int32_t v, lb_event *ev);
static int32_t vfinal_span(const ctx *c, int32_t v);

/* The date of trigger v's own clause; else, when that clause is an
** adverbial clause without a date ("Am Wochenende erschütterte ..., wobei
** Moskau ... startete"), the date of the clause it is part of. */
static void date_of(const ctx *c, int32_t v, lb_event *ev) {
  if (date_at(c, v, ev)) return;
  const lb_text *tx = c->tx;
  int32_t cl = lb_tree_clause(tx, v);
  if (cl >= 0 && lb_tree_rel(&tx->words.v[cl], "advcl") && tx->words.v[cl].head >= 0 &&
      date_at(c, tx->words.v[cl].head, ev))
    return;
  /* a German verb-final clause the parser hung elsewhere: the main clause's */
  if (vfinal_span(c, v) >= 0) {
    const lb_sent *st = &tx->sents.v[tx->words.v[v].sent];
    for (uint32_t k = st->word0; k < st->word1; k++)
      if (tx->words.v[k].head < 0 && tx->words.v[k].deprel) {
        if ((int32_t)k != v && date_at(c, (int32_t)k, ev)) return;
        break;
      }
  }
  ev->date = NULL;
  ev->date_granularity = "unknown";
}

/* Is word k inside a date of its sentence ("am Donnerstag")? */
static int in_date(const ctx *c, int32_t k) {
  const lb_word *w = &c->tx->words.v[k];
  for (uint32_t di = c->date_off[w->sent]; di < c->date_off[w->sent + 1]; di++) {
    const lb_date *dt = &c->d->dates.v[c->date_idx[di]];
    if (dt->start <= w->start && w->end <= dt->end) return 1;
  }
  return 0;
}

static int date_at(const ctx *c, int32_t v, lb_event *ev) {
  const lb_doc *d = c->d;
  const lb_text *tx = c->tx;
  const lb_word *w = &tx->words.v[v];
  const lb_sent *st = &tx->sents.v[w->sent];
  for (uint32_t di = c->date_off[w->sent]; di < c->date_off[w->sent + 1]; di++) {
    const lb_date *dt = &d->dates.v[c->date_idx[di]];
    if (dt->start < st->start || dt->start >= st->end || dt->unresolved || dt->duration ||
        !dt->from)
      continue;
    /* a named period ("seit dem Zweiten Weltkrieg") is a reference point,
    ** never the event's date */
    if (dt->rule && strstr(dt->rule, ":period")) continue;
    /* the date's head word: the last word inside its span */
    int32_t dw = -1;
    for (uint32_t k = st->word0; k < st->word1; k++)
      if (tx->words.v[k].start >= dt->start && tx->words.v[k].end <= dt->end) dw = (int32_t)k;
    if (dw < 0) continue;
    /* the phrase head above the date's words, still inside the date */
    while (tx->words.v[dw].head >= 0 && tx->words.v[tx->words.v[dw].head].start >= dt->start &&
           tx->words.v[tx->words.v[dw].head].end <= dt->end)
      dw = tx->words.v[dw].head;
    if (!date_of_clause(tx, dw, v)) continue;
    if (dt->to && strcmp(dt->to, dt->from) != 0)
      ev->date = lb_arena_printf(d->tx.arena, "%s/%s", dt->from, dt->to);
    else
      ev->date = dt->from;
    ev->date_granularity = dt->granularity;
    return 1;
  }
  return 0;
}

/* ---- coding ---- */

static void set_cameo(const ctx *c, lb_event *ev) {
  lb_arena *A = c->d->tx.arena;
  char key[16];
  int n = snprintf(key, sizeof key, "c%s", ev->code);
  lb_lex_rec r;
  ev->root = lb_arena_strndup(A, ev->code, strlen(ev->code) >= 2 ? 2 : strlen(ev->code));
  if (c->t_cameo >= 0 && n > 0 && lb_lex_find(c->lx, c->t_cameo, key, (size_t)n, &r)) {
    ev->root = lb_lex_field_dup(A, &r, 1);
    ev->goldstein = lb_lex_field_num(&r, 2, 0);
    ev->quad_class = (int)lb_lex_field_num(&r, 3, 0);
  }
  if (c->t_plover >= 0 && n > 0 && lb_lex_find(c->lx, c->t_plover, key, (size_t)n, &r)) {
    ev->plover_event = lb_lex_field_dup(A, &r, 0);
    ev->plover_mode = lb_lex_field_dup(A, &r, 1);
    ev->plover_context = lb_lex_field_dup(A, &r, 2);
    if (!ev->plover_mode) ev->plover_mode = "";
    if (!ev->plover_context) ev->plover_context = "";
  }
}

static const char *with_sector(lb_arena *a, const char *code, const char *sec, int n) {
  if (!code || !sec || n <= 0 || strlen(code) != 3) return code;
  return lb_arena_printf(a, "%s%.*s", code, n, sec);
}

static void word_span(const lb_text *tx, int32_t w, uint32_t *s, uint32_t *e) {
  *s = tx->words.v[w].start;
  *e = tx->words.v[w].end;
}

/* The trigger's key: its lemma, with a separable particle (German: joined,
** "an" + "greifen"; English: "call off"): the compound:prt child, or word
** prt when it is not -1. */
static char *trigger_key(const ctx *c, int32_t v, int32_t prt, uint32_t *len) {
  const lb_text *tx = c->tx;
  const lb_word *w = &tx->words.v[v];
  if (prt < 0) prt = lb_tree_child(tx, v, "compound:prt");
  lb_buf b = LB_BUF_INIT;
  if (prt >= 0 && tx->words.v[prt].lemma) {
    const char *pl = tx->words.v[prt].lemma;
    if (strcmp(c->lang, "de") == 0) {
      lb_buf_adds(&b, pl);
      lb_buf_adds(&b, w->lemma);
    } else {
      lb_buf_adds(&b, w->lemma);
      lb_buf_addc(&b, ' ');
      lb_buf_adds(&b, pl);
    }
  } else
    lb_buf_adds(&b, w->lemma);
  lb_buf key = LB_BUF_INIT;
  lb_norm_key(&key, b.p, b.n);
  /* the key through the stack: no malloc'd buffer is held while the
  ** arena allocates (its guard may jump out of the stage) */
  char tmp[256];
  size_t n = key.n < sizeof tmp ? key.n : sizeof tmp - 1;
  memcpy(tmp, key.p, n);
  lb_buf_free(&b);
  lb_buf_free(&key);
  *len = (uint32_t)n;
  return lb_arena_strndup(c->d->tx.arena, tmp, n);
}

/* An attributive participle ("die getöteten Zivilisten", lemma "getötet"
** as an adjective): the verb it is the past participle of, by the
** lexicon's word forms (table `form`: a VERB reading with PA2), as a
** trigger key in the arena; NULL when it is none. */
static char *participle_key(const ctx *c, int32_t v, uint32_t *len) {
  const lb_word *w = &c->tx->words.v[v];
  if (!w->lemma) return NULL;
  /* English, in a passive only ("was sentenced", not "the alleged
  ** attacker"): the lemma's ending (table partend: "sentenced" ->
  ** "sentence", "stopped" -> "stop"), a verb with patterns */
  size_t wl = strlen(w->lemma);
  int pass = lb_tree_child(c->tx, v, "aux:pass") >= 0;
  for (size_t el = wl > 5 ? 4 : wl - 1; pass && c->t_partend >= 0 && el >= 1 && wl > el + 1; el--) {
    lb_lex_rec r;
    if (!lb_lex_find_field(c->lx, c->t_partend, w->lemma + wl - el, el, 1, c->lang, &r)) continue;
    const char *f;
    int fl = lb_lex_field(r.val, r.val_len, 0, &f);
    if (fl <= 0) continue;
    size_t add = fl == 1 && *f == '-' ? 0 : (size_t)fl;
    lb_buf key = LB_BUF_INIT;
    lb_buf_add(&key, w->lemma, wl - el);
    lb_buf_add(&key, f, add);
    lb_buf k2 = LB_BUF_INIT;
    lb_norm_key(&k2, key.p, key.n);
    lb_buf_free(&key);
    lb_lex_entry e;
    char *out = NULL;
    if (lb_lex_get(c->lx, k2.p, k2.n, &e) && lb_lex_may_have(&e, c->t_evpat)) {
      out = lb_arena_strndup(c->d->tx.arena, k2.p, k2.n);
      *len = (uint32_t)k2.n;
    }
    lb_buf_free(&k2);
    if (out) return out;
  }
  if (c->t_form < 0) return NULL;
  lb_buf k = LB_BUF_INIT;
  lb_norm_key(&k, w->lemma, strlen(w->lemma));
  lb_lex_entry e;
  char tmp[256];
  size_t n = 0;
  if (lb_lex_get(c->lx, k.p, k.n, &e) && lb_lex_may_have(&e, c->t_form))
    for (uint32_t i = 0; i < e.nrec && !n; i++) {
      lb_lex_rec r;
      const char *f[3];
      int fl[3];
      if (!lb_lex_rec_get(c->lx, &e, i, &r) || r.table != c->t_form ||
          lb_lex_fields(r.val, r.val_len, f, fl, 3) < 3 || !(fl[1] == 4 && memcmp(f[1], "VERB", 4) == 0) ||
          !(fl[2] >= 3 && memmem(f[2], (size_t)fl[2], "PA2", 3)))
        continue;
      lb_buf key = LB_BUF_INIT;
      lb_norm_key(&key, f[0], (size_t)fl[0]);
      n = key.n < sizeof tmp ? key.n : sizeof tmp - 1;
      memcpy(tmp, key.p, n);
      lb_buf_free(&key);
    }
  lb_buf_free(&k);
  if (!n) return NULL;
  *len = (uint32_t)n;
  return lb_arena_strndup(c->d->tx.arena, tmp, n);
}

/* Does the frame's object condition hold at trigger v? */
/* Collect the lemmas of w's phrase in text order (depth first; no
** punctuation) into out, up to max. */
static int phrase_words(const lb_text *tx, int32_t w, int32_t *out, int max) {
  int32_t stack[64];
  int sp = 0, n = 0;
  stack[sp++] = w;
  while (sp && n < max) {
    int32_t x = stack[--sp];
    if (tx->words.v[x].upos != LB_UPOS_PUNCT) out[n++] = x;
    for (int32_t c = tx->words.v[x].kid; c >= 0 && sp < 64; c = tx->words.v[c].sib)
      stack[sp++] = c;
  }
  /* text order */
  for (int i = 1; i < n; i++)
    for (int j = i; j > 0 && out[j - 1] > out[j]; j--) {
      int32_t t = out[j];
      out[j] = out[j - 1];
      out[j - 1] = t;
    }
  return n;
}

/* Does word x (or its phrase, for an item of several words) match the
** lemma item it[0..n)? A compound counts by its last part ("Friedensvertrag"
** for "vertrag"). */
static int item_match(const lb_text *tx, int32_t x, const char *it, size_t n) {
  const lb_word *w = &tx->words.v[x];
  if (!memchr(it, ' ', n)) {
    if (lb_tree_lemma_in(w, it, n)) return 1;
    const char *lem = w->lemma;
    size_t ll = lem ? strlen(lem) : 0;
    lb_word tmp = *w;
    if (ll > n + 2) {
      tmp.lemma = lem + ll - n;
      if (lb_tree_lemma_in(&tmp, it, n)) return 1;
    }
    /* the word as written, when the lemmatiser erred ("Geldbuße" ->
    ** "Geldbus"): the lists name the common forms too ("jahren") */
    if (w->formlen == n) {
      char buf[64];
      if (n >= sizeof buf) return 0;
      memcpy(buf, w->form, n);
      buf[n] = 0;
      tmp.lemma = buf;
      return lb_tree_lemma_in(&tmp, it, n);
    }
    return 0;
  }
  /* "state of emergency": the words of the phrase in order */
  int32_t ws[64];
  int nw = phrase_words(tx, x, ws, 64);
  for (int start = 0; start < nw; start++) {
    const char *p = it, *end = it + n;
    int k = start, ok = 1;
    while (p < end && ok) {
      const char *sp = memchr(p, ' ', (size_t)(end - p));
      if (!sp) sp = end;
      ok = k < nw && lb_tree_lemma_in(&tx->words.v[ws[k]], p, (size_t)(sp - p));
      k++;
      p = sp + 1;
    }
    if (ok) return 1;
  }
  return 0;
}

/* Does the frame's object condition hold at trigger v? obj=* only wants
** the slot filled. */
/* German verb-final clauses ("wobei Moskau in einer Nacht 145 Drohnen
** startete", "während die Ukraine eine Salve ... abfeuerte") are where the
** parser errs most: it hangs their arguments on other words. For verb v at
** the end of such a clause (after a comma, opened by a conjunction, a
** relative pronoun or a relative adverb, with no other verb in it): the
** first word of the clause's body, and *end = v; -1 when v is none such. */
static int32_t vfinal_span(const ctx *c, int32_t v) {
  const lb_text *tx = c->tx;
  const lb_word *w = &tx->words.v[v];
  if (strcmp(c->lang, "de") != 0 || w->upos != LB_UPOS_VERB) return -1;
  const lb_sent *st = &tx->sents.v[w->sent];
  /* back to the comma the clause opens after, past insertions between
  ** commas (", einschließlich der Hauptstadt,") */
  for (int32_t k = v - 1; k > (int32_t)st->word0; k--) {
    const lb_word *x = &tx->words.v[k];
    if (x->upos == LB_UPOS_VERB) return -1;
    if (!(x->formlen == 1 && x->form[0] == ',') || k + 1 >= v) continue;
    const lb_word *o = &tx->words.v[k + 1]; /* the clause's opener? */
    int pt = lb_ufeat_get(o->feats, LB_UF_PRONTYPE);
    if (o->upos == LB_UPOS_SCONJ || pt == LB_PRONTYPE_REL || o->upos == LB_UPOS_ADV) return k + 2;
  }
  return -1;
}

/* Keep the n words of ws inside the clause body [from, v) (all of them when
** from is -1); returns how many are kept. */
static int in_span(int32_t *ws, int n, int32_t from, int32_t v) {
  if (from < 0) return n;
  int k = 0;
  for (int i = 0; i < n; i++)
    if (ws[i] >= from && ws[i] < v) ws[k++] = ws[i];
  return k;
}

/* The nominal of a verb-final clause's body [from, v) that is its subject:
** the first in the nominative, else the first; -1 when none. */
static int32_t vfinal_subject(const lb_text *tx, int32_t from, int32_t v) {
  int32_t first = -1;
  for (int32_t k = from; k < v; k++) {
    const lb_word *x = &tx->words.v[k];
    if (x->upos != LB_UPOS_NOUN && x->upos != LB_UPOS_PROPN && x->upos != LB_UPOS_PRON) continue;
    int cs = lb_ufeat_get(x->feats, LB_UF_CASE);
    if (cs == LB_CASE_NOM) return k;
    if (first < 0 && !cs) first = k;
  }
  return first;
}

/* Do the relations spec[0..n) name case word prep ("obl:in", "nmod:auf")? */
static int prep_named(const char *spec, int n, const char *prep) {
  size_t ll = strlen(prep);
  for (const char *p = spec, *end = spec + n; p + ll < end; p++)
    if (*p == ':' && memcmp(p + 1, prep, ll) == 0 && (p + 1 + ll == end || p[1 + ll] == '|' || p[1 + ll] == '>'))
      return 1;
  return 0;
}

/* Drop from the n target words ws the phrases that only say where ("held
** protests in West Virginia": a preposition of class `at` in table
** locprep), unless the frame names that preposition ("obl:in"). */
static int drop_where(const ctx *c, const frame *fr, int32_t *ws, int n) {
  const lb_text *tx = c->tx;
  for (int i = 0; i < n; i++) {
    int32_t cs = case_of(tx, ws[i]);
    const lb_word *cw = cs >= 0 ? &tx->words.v[cs] : NULL;
    if (!cw || !cw->lemma || !lemma_class(c, c->t_locprep, cw, "at")) continue;
    if (!prep_named(fr->tgt, fr->tgtn, cw->lemma)) ws[i--] = ws[--n];
  }
  return n;
}

/* Does word x (through a relative pronoun's antecedent and what a
** collective counts) meet the frame's object condition? */
static int obj_item(const ctx *c, int32_t x, const frame *fr) {
  int32_t a = lb_phrase_antecedent(c->tx, x); /* "die" of "eine Zone, die ..." */
  if (a >= 0) x = a;
  x = members_of(c, x); /* "launched a series of attacks" */
  const char *p = fr->obj, *end = fr->obj + fr->objn;
  while (p < end) {
    const char *q = memchr(p, '|', (size_t)(end - p));
    if (!q) q = end;
    if (item_match(c->tx, x, p, (size_t)(q - p))) return 1;
    p = q + 1;
  }
  return 0;
}

static int obj_ok(const ctx *c, int32_t v, const frame *fr) {
  if (!fr->obj) return 1;
  int32_t ws[16];
  /* a passive's subject, also one the parser called active ("wurde ...
  ** ein Bombenanschlag verübt") */
  int n = fr->objrel ? slot_words(c->tx, v, fr->objrel, fr->objreln, ws, 16)
          : passive_c(c, v) ? slot_words(c->tx, v, "obj|nsubj|nsubj:pass|obl:arg", 28, ws, 16)
                            : slot_words(c->tx, v, "obj|nsubj:pass|obl:arg", 22, ws, 16);
  if (fr->objn == 1 && fr->obj[0] == '*') return n > 0;
  /* in a German verb-final clause, any noun of its body ("145 Drohnen" the
  ** parser hung on "Nacht") */
  int32_t from = fr->objrel ? -1 : vfinal_span(c, v);
  for (int32_t k = from; from >= 0 && k < v && n < 16; k++)
    if (c->tx->words.v[k].upos == LB_UPOS_NOUN) ws[n++] = k;
  /* and its relative pronoun ("eine Zone, die ... nicht zurückerobern") */
  if (from >= 1 && n < 16 && lb_phrase_antecedent(c->tx, from - 1) >= 0) ws[n++] = from - 1;
  for (int i = 0; i < n; i++)
    if (obj_item(c, ws[i], fr)) return 1;
  return 0;
}

static int refl_ok(const ctx *c, int32_t v) {
  const lb_text *tx = c->tx;
  for (int32_t k = tx->words.v[v].kid; k >= 0; k = tx->words.v[k].sib) {
    const lb_word *x = &tx->words.v[k];
    if (lb_tree_rel(x, "expl") || ((lb_tree_rel(x, "obj") || lb_tree_rel(x, "obl:arg")) &&
                                   lb_ufeat_get(x->feats, LB_UF_REFLEX)))
      return 1;
  }
  return 0;
}

/* Is verb v a support verb (table evsupport, by its key with particle)? */
static int support_key(const ctx *c, const char *key, uint32_t kl) {
  lb_lex_rec r;
  return key && lb_lex_find_field(c->lx, c->t_support, key, kl, 0, c->lang, &r);
}

static int support_verb(const ctx *c, int32_t v) {
  if (c->t_support < 0) return 0;
  uint32_t kl;
  const char *key = trigger_key(c, v, -1, &kl);
  return support_key(c, key, kl);
}

/* Fill source and target slots of trigger v under frame fr. */
static void slots(const ctx *c, int32_t v, const frame *fr, slot *src, int *ns, slot *tgt,
                  int *nt) {
  const lb_text *tx = c->tx;
  int32_t ws[8];
  int n;
  *ns = *nt = 0;
  int tkind = fr->tgtkind;
  if (!fr->noun) {
    /* an attributive participle is passive: "die angegriffene Stadt" */
    const lb_word *vw = &tx->words.v[v];
    int attr = (lb_tree_rel(vw, "acl") || lb_tree_rel(vw, "amod")) && vw->head >= 0 &&
               !lb_tree_rel(vw, "acl:relcl") && lb_tree_child(tx, v, "nsubj") < 0 &&
               lb_tree_child(tx, v, "aux") < 0 &&
               (vw->upos == LB_UPOS_ADJ || lb_ufeat_get(vw->feats, LB_UF_VERBFORM) == LB_VERBFORM_PART);
    int pass = passive_c(c, v) || attr;
    /* a German verb-final clause: its arguments stand before the verb */
    int32_t vfrom = vfinal_span(c, v);
    /* in a passive the frame's subject is the agent and its object the
    ** passive subject ("Charkiw wurde von Russland angegriffen") */
    if (fr->src && !pass)
      n = slot_words(tx, v, fr->src, fr->srcn, ws, 8);
    else if (pass) {
      n = slot_words(tx, v, AGENT, (int)sizeof AGENT - 1, ws, 8);
      /* "in der Nacht von Russland ... angegriffen": the agent the parser
      ** hung on another phrase of the verb */
      if (!n) n = deep_words(tx, v, AGENT, (int)sizeof AGENT - 1, ws, 8);
      /* but not inside the passive subject: "Hunderte von Demonstranten
      ** wurden festgenommen" names who was arrested; nor a place the parser
      ** called the agent ("sind in Wien schwer verletzt worden") */
      int32_t ps = lb_tree_child(tx, v, "nsubj:pass");
      for (int i = 0; i < n; i++) {
        int32_t cs = lb_tree_child(tx, ws[i], "case"), hd = tx->words.v[ws[i]].head;
        if ((ps >= 0 && lb_tree_dominates(tx, ps, ws[i])) ||
            (cs >= 0 && where_prep(c, &tx->words.v[cs])) ||
            /* nor the town of a noun's "von" ("bei den Anschlägen von
            ** Brüssel getötet": where, loc_phrase) */
            (hd >= 0 && hd != v && cs >= 0 && lemma_class(c, c->t_locprep, &tx->words.v[cs], "noun") &&
             town_of(c, ws[i]) >= 0) ||
            /* who told it, not who did it: "nach Angaben von Armee und
            ** Sanitätern ... angeschossen" (table rcue) */
            (hd >= 0 && hd != v && lemma_class(c, c->t_rcue, &tx->words.v[hd], NULL)))
          ws[i--] = ws[--n];
      }
    }
    else
      n = slot_words(tx, v, "nsubj|nsubj:pass", 16, ws, 8); /* not passive: any subject */
    if (n == 0 && !pass && !fr->src) {
      int32_t s = subject_of(c, v);
      int32_t from = s < 0 ? vfinal_span(c, v) : -1;
      if (from >= 0) s = vfinal_subject(tx, from, v);
      if (s >= 0) ws[n++] = s;
    }
    n = in_span(ws, n, vfrom, v);
    /* a dateline is no subject, whatever the parser called it ("Sirte –
    ** Die ... Regierung in Libyen hat die Verbündeten aufgefordert"); a
    ** subject hung on it is (lb_phrase_past_dateline) */
    /* (one hung on the dateline only when the verb has no other subject:
    ** "Istanbul – Vier Tage vor der Neuwahl in der Türkei hat die Polizei
    ** ... gestürmt" is the police's act) */
    int moved = -1;
    for (int i = 0; i < n; i++) {
      int32_t was = ws[i];
      if ((ws[i] = lb_phrase_past_dateline(tx, ws[i])) < 0)
        ws[i--] = ws[--n];
      else if (ws[i] != was)
        moved = ws[i];
    }
    for (int i = 0; moved >= 0 && n >= 2 && i < n; i++)
      if (ws[i] == moved) ws[i--] = ws[--n];
    /* two subjects of one verb and no object ("Russland könnte die Ukraine
    ** angreifen", "Kiew warf Moskau ... vor" with both nsubj): the first is
    ** the subject, the others are the parser's misread objects */
    int32_t extra[4];
    int nextra = 0;
    if (!pass && !fr->src && n >= 2 && lb_tree_child(tx, v, "obj") < 0 &&
        lb_tree_child(tx, v, "obl:arg") < 0 && lb_tree_child(tx, v, "iobj") < 0) {
      for (int i = 1; i < n; i++) /* in text order */
        for (int j = i; j > 0 && ws[j - 1] > ws[j]; j--) {
          int32_t t = ws[j];
          ws[j] = ws[j - 1], ws[j - 1] = t;
        }
      /* "..., kritisiert das Ministerium": after a fronted clause the
      ** subject follows the verb; the word before it is the clause's */
      int first = 0;
      if (v > 0 && tx->words.v[v - 1].formlen == 1 && tx->words.v[v - 1].form[0] == ',')
        while (first < n - 1 && ws[first] < v) first++;
      ws[0] = ws[first];
      for (int i = first + 1; i < n && nextra < 4; i++) extra[nextra++] = ws[i];
      n = 1;
    }
    /* German: no subject but two objects ("Bei Einsätzen ... haben türkische
    ** Sicherheitskräfte ... 23 mutmaßliche Rebellen getötet", both obj): the
    ** first is the subject the parser misread, the verb's word order puts it
    ** there */
    int32_t objsubj = -1;
    if (n == 0 && !pass && !fr->src && strcmp(c->lang, "de") == 0) {
      int32_t o[3];
      if (in_span(o, slot_words(tx, v, "obj", 3, o, 3), vfrom, v) >= 2) ws[n++] = objsubj = o[0] < o[1] ? o[0] : o[1];
    }
    for (int i = 0; i < n && *ns < MAXACT; i++)
      *ns += resolve(c, ws[i], 1, src + *ns, MAXACT - *ns);
    n = 0;
    /* (the target is the object: the frame names none, or names obj) */
    int tobj = !fr->tgt || memmem(fr->tgt, (size_t)fr->tgtn, "obj", 3);
    /* a passive's subject, whatever the parser called it ("wurden 14
    ** Aufständische ... getötet" with an active nsubj) */
    if (pass && tobj) {
      n = slot_words(tx, v, "nsubj:pass", 10, ws, 8);
      if (!n && !attr) n = slot_words(tx, v, "nsubj", 5, ws, 8);
      /* or an object marked for case ("wurden ... 25 Rebellen getötet" with
      ** "Rebellen" obj): a language with cases has no object in a passive,
      ** unlike English "was granted asylum" */
      if (!n && !attr) {
        n = in_span(ws, slot_words(tx, v, "obj", 3, ws, 8), vfrom, v);
        for (int i = 0; i < n; i++)
          if (!lb_ufeat_get(tx->words.v[ws[i]].feats, LB_UF_CASE)) ws[i--] = ws[--n];
      }
      /* the deed the object condition names is no victim ("wurde ein
      ** Bombenanschlag verübt": the target is "auf" whom) */
      for (int i = 0; fr->obj && !(fr->objn == 1 && fr->obj[0] == '*') && i < n; i++) {
        lb_phrase ph;
        if (obj_item(c, ws[i], fr) && !agent_code(c, members_of(c, ws[i])) &&
            !lb_phrase_find(c->d, members_of(c, ws[i]), LB_PH_ACTOR, &ph))
          ws[i--] = ws[--n];
      }
    }
    if (!n && fr->tgt) {
      n = in_span(ws, slot_words(tx, v, fr->tgt, fr->tgtn, ws, 8), vfrom, v);
      if (!n) n = deep_words(tx, v, fr->tgt, fr->tgtn, ws, 8);
      n = drop_where(c, fr, ws, n);
    } else if (!n && !pass)
      n = in_span(ws, slot_words(tx, v, "obj|iobj|obl:arg", 16, ws, 8), vfrom, v);
    for (int i = 0; i < n; i++)
      if (ws[i] == objsubj) ws[i--] = ws[--n];
    /* the noun an attributive participle modifies is its target */
    if (n == 0 && attr) ws[n++] = vw->head;
    if (n == 0 && tobj)
      for (int i = 0; i < nextra && n < 8; i++) ws[n++] = extra[i];
    /* a noun phrase without a preposition the parser called the verb's nmod
    ** (a relation of nominals only): its object ("nahm einen Franzosen fest") */
    for (int32_t k = n == 0 && !pass && tobj ? vw->kid : -1; k >= 0 && n < 8; k = tx->words.v[k].sib) {
      const lb_word *x = &tx->words.v[k];
      if (x->deprel && strcmp(x->deprel, "nmod") == 0 && case_of(tx, k) < 0 &&
          (x->upos == LB_UPOS_NOUN || x->upos == LB_UPOS_PROPN) && !in_date(c, k))
        ws[n++] = k;
    }
    /* an object the parser hung on a date of the verb ("hatten am Donnerstag
    ** den Franzosen Reda Kriket festgenommen" with "Franzosen" an nmod of
    ** "Donnerstag"): a noun without a preposition on the date's word */
    for (int32_t k = n == 0 && !pass && tobj ? vw->kid : -1; k >= 0 && n == 0; k = tx->words.v[k].sib) {
      if (!lb_tree_rel(&tx->words.v[k], "obl") || !in_date(c, k)) continue;
      for (int32_t j = tx->words.v[k].kid; j >= 0 && n < 8; j = tx->words.v[j].sib)
        if (j > k && lb_tree_rel(&tx->words.v[j], "nmod") && !has_prep(tx, j) && !in_date(c, j) &&
            (tx->words.v[j].upos == LB_UPOS_NOUN || tx->words.v[j].upos == LB_UPOS_PROPN))
          ws[n++] = j;
    }
    for (int i = 0; i < n && *nt < MAXACT; i++)
      *nt += resolve(c, ws[i], tkind, tgt + *nt, MAXACT - *nt);
  } else {
    n = slot_words(tx, v,
                   fr->src ? fr->src : "nmod:poss|nmod:gen|det:poss|amod|compound|nmod:von|nmod:by",
                   fr->src ? fr->srcn : 59, ws, 8);
    /* a town after a preposition of class `noun` names where, not who, when
    ** the noun has no target ("die Anschläge von Brüssel": loc_phrase) */
    const char *tspec = fr->tgt ? fr->tgt : "nmod:gegen|nmod:auf|nmod:against|nmod:on";
    int tspecn = fr->tgt ? fr->tgtn : 40;
    /* a facility there is what the act is aimed at ("Artilleriebeschuss von
    ** Stellungen der YPG": the positions are shelled, their owner the
    ** target) */
    int32_t tw[1], vonobj = -1;
    int hastgt = n > 0 && slot_words(tx, v, tspec, tspecn, tw, 1) > 0;
    for (int i = 0; i < n && !hastgt; i++) {
      int32_t cs = case_of(tx, ws[i]);
      size_t pre;
      if (cs < 0 || !lemma_class(c, c->t_locprep, &tx->words.v[cs], "noun")) continue;
      if (facility(c, ws[i], &pre))
        vonobj = ws[i], ws[i--] = ws[--n];
      else if (town_of(c, ws[i]) >= 0)
        ws[i--] = ws[--n];
    }
    for (int i = 0; i < n && *ns < MAXACT; i++)
      *ns += resolve(c, ws[i], 1, src + *ns, MAXACT - *ns);
    if (!*ns) {
      /* "Russland startete eine Offensive", "unterstützt das Regime mit
      ** Luftangriffen": the subject of the verb the noun is the object or
      ** the instrument of (not in a passive: "bei Angriffen getötet") */
      int32_t nv = v;
      /* through a collective noun: "launched a series of attacks" */
      for (int hop = 0; hop < 3 && tx->words.v[nv].head >= 0 && members_of(c, tx->words.v[nv].head) == v; hop++)
        nv = tx->words.v[nv].head;
      const lb_word *w = &tx->words.v[nv];
      int32_t cw = lb_tree_child(tx, nv, "case");
      int instrument = lb_tree_rel(w, "obl") && cw >= 0 && lemma_class(c, c->t_instr, &tx->words.v[cw], NULL);
      /* the object of a support verb (table evsupport: starten, verüben,
      ** launch), not of any verb ("verurteilte den Angriff") */
      int support = lb_tree_rel(w, "obj") && w->head >= 0 && support_verb(c, w->head);
      if (w->head >= 0 && (support || instrument) && !passive_c(c, w->head)) {
        int32_t s = subject_of(c, w->head);
        if (s >= 0) *ns += resolve(c, s, 1, src + *ns, MAXACT - *ns);
      }
    }
    /* "a protest organized by X", "die von der PKK verübten Anschläge": the
    ** agent of a support verb's participle on the noun */
    for (int32_t k = *ns ? -1 : tx->words.v[v].kid; k >= 0 && !*ns; k = tx->words.v[k].sib) {
      const lb_word *x = &tx->words.v[k];
      if (!lb_tree_rel(x, "acl") && !lb_tree_rel(x, "amod")) continue;
      uint32_t kl = 0;
      const char *key = x->upos == LB_UPOS_VERB ? trigger_key(c, k, -1, &kl)
                        : x->upos == LB_UPOS_ADJ ? participle_key(c, k, &kl) : NULL;
      int32_t ag;
      if (support_key(c, key, kl) && slot_words(tx, k, AGENT, (int)sizeof AGENT - 1, &ag, 1))
        *ns += resolve(c, ag, 1, src + *ns, MAXACT - *ns);
    }
    n = slot_words(tx, v, tspec, tspecn, ws, 8);
    /* the noun's phrase the parser hung on its verb, right after the noun
    ** ("hat den Angriff auf ein Krankenhaus ... verurteilt"; the verb of
    ** the phrase the noun is in: "190 Menschen bei türkischen Luftschlägen
    ** gegen PKK-Stellungen ... getötet") */
    for (int32_t h = tx->words.v[v].head, hop = 0; !n && h >= 0 && hop < 2; h = tx->words.v[h].head, hop++) {
      int32_t hw[8];
      int hn = slot_words(tx, h, tspec, tspecn, hw, 8);
      for (int i = 0; i < hn; i++)
        if (case_of(tx, hw[i]) == v + 1 && lb_tree_rel(&tx->words.v[hw[i]], "obl")) ws[n++] = hw[i];
    }
    if (!n && vonobj >= 0) ws[n++] = vonobj;
    /* or the phrase right after the noun that the parser made the noun's
    ** head ("bei Luftangriffen auf Stellungen der Miliz" with "Luftangriffen"
    ** an nmod of "Stellungen"): a case word at v + 1 that the target
    ** relations name, on a noun after it */
    if (!n && tx->words.v[v].head > v && (uint32_t)v + 1 < tx->sents.v[tx->words.v[v].sent].word1) {
      const lb_word *cw = &tx->words.v[v + 1];
      int32_t hd = tx->words.v[v].head;
      if (cw->upos == LB_UPOS_ADP && lb_tree_rel(cw, "case") && cw->head == hd && cw->lemma &&
          (tx->words.v[hd].upos == LB_UPOS_NOUN || tx->words.v[hd].upos == LB_UPOS_PROPN) &&
          prep_named(tspec, tspecn, cw->lemma))
        ws[n++] = hd;
    }
    for (int i = 0; i < n && *nt < MAXACT; i++)
      *nt += resolve(c, ws[i], tkind, tgt + *nt, MAXACT - *nt);
  }
  /* the same mention is not both sides */
  for (int j = 0; j < *nt; j++)
    for (int i = 0; i < *ns; i++)
      if (tgt[j].ent >= 0 && tgt[j].ent == src[i].ent) {
        tgt[j] = tgt[--*nt];
        j--;
        break;
      }
}

static int same(const char *x, const char *y) { return x == y || (x && y && strcmp(x, y) == 0); }

/* The bytes slot s stands on: its mention, else its word. */
static void slot_span(const ctx *c, const slot *s, uint32_t *start, uint32_t *end) {
  if (s->ent >= 0 && s->men >= 0) {
    const lb_mention *m = &c->d->entities.v[s->ent].mentions.v[s->men];
    *start = m->start;
    *end = m->end;
  } else
    word_span(c->tx, s->word, start, end);
}

/* Code trigger v with the first pattern whose conditions hold. */
static void code_trigger(ctx *c, int32_t v) {
  lb_doc *d = c->d;
  const lb_text *tx = c->tx;
  const lb_word *w = &tx->words.v[v];
  int noun = w->upos == LB_UPOS_NOUN || w->upos == LB_UPOS_PROPN;
  /* "die getöteten Zivilisten": a participle the tagger made an adjective */
  int part = w->upos == LB_UPOS_ADJ && (lb_tree_rel(w, "amod") || lb_tree_rel(w, "acl"));
  /* or a passive's participle it made one ("wurden in Wien schwer verletzt") */
  /* (whatever features it gave it: English "was sentenced" has none; the
  ** key is a verb's only when the word is that verb's participle,
  ** participle_key) */
  part |= w->upos == LB_UPOS_ADJ && lb_tree_child(tx, v, "aux:pass") >= 0;
  if (!noun && !part && w->upos != LB_UPOS_VERB) return;
  /* a word of a name of several words is no trigger ("Volatiles
  ** Investigating Polar Exploration Rover", the headline "... Hampering
  ** Boston Bomb Probe") */
  const lb_entity *ne;
  const lb_mention *nm = d->ent_refs ? lb_ent_at(d, w->tok, &ne) : NULL;
  if (nm && nm->tok1 - nm->tok0 >= 2) return;
  /* "diese Offensive", "this attack": an event told before */
  if (noun)
    for (int32_t k = w->kid; k >= 0; k = tx->words.v[k].sib)
      if (lb_tree_rel(&tx->words.v[k], "det") &&
          lb_ufeat_get(tx->words.v[k].feats, LB_UF_PRONTYPE) == LB_PRONTYPE_DEM)
        return;
  uint32_t kl;
  char *key = part ? participle_key(c, v, &kl) : trigger_key(c, v, -1, &kl);
  lb_lex_entry e;
  int found = key && lb_lex_get(c->lx, key, kl, &e) && lb_lex_may_have(&e, c->t_evpat);
  /* German: a separable particle the parser took for an adverb or a
  ** preposition ("nahm ... fest" with "fest" as advmod): a short word
  ** after the verb whose join with it is a key */
  if (!found && !noun && !part && strcmp(c->lang, "de") == 0 && lb_tree_child(tx, v, "compound:prt") < 0)
    for (int32_t k = w->kid; k >= 0 && !found; k = tx->words.v[k].sib) {
      const lb_word *x = &tx->words.v[k];
      if (k <= v || x->kid >= 0 || !(x->upos == LB_UPOS_ADV || x->upos == LB_UPOS_ADP) ||
          x->formlen > 8)
        continue;
      key = trigger_key(c, v, k, &kl);
      found = lb_lex_get(c->lx, key, kl, &e) && lb_lex_may_have(&e, c->t_evpat);
    }
  if (!found) return;
  /* an attributive participle ("die getöteten Zivilisten") only of verbs
  ** whose participle reports the event (table evattr), not a state ("das
  ** besetzte Westjordanland") */
  if (lb_tree_rel(w, "amod") && (part || lb_ufeat_get(w->feats, LB_UF_VERBFORM) == LB_VERBFORM_PART)) {
    lb_lex_rec ar;
    if (c->t_attr < 0 || !lb_lex_find_field(c->lx, c->t_attr, key, kl, 0, c->lang, &ar))
      return;
  }
  /* the records in three passes: those with conditions (obj, refl) first,
  ** then those that need a filled slot, then the rest (docs/evpat.md) */
  for (int pass = 0; pass < 3; pass++)
    for (uint32_t i = 0; i < e.nrec; i++) {
      lb_lex_rec r;
      if (!lb_lex_rec_get(c->lx, &e, i, &r) || r.table != c->t_evpat ||
          !lb_lex_field_is(&r, 0, c->lang))
        continue;
      const char *f[5];
      int fl[5];
      if (lb_lex_fields(r.val, r.val_len, f, fl, 5) < 4) continue;
      if (!(fl[2] == 1 && f[2][0] == (noun ? 'N' : 'V'))) continue;
      frame fr;
      memset(&fr, 0, sizeof fr);
      fr.noun = noun;
      parse_frame(f[3], fl[3], &fr);
      int group = fr.obj || fr.refl ? 0 : fr.need ? 1 : 2;
      if (group != pass) continue;
      if (!obj_ok(c, v, &fr) || (fr.refl && !refl_ok(c, v))) continue;
      /* a blocking line ("---"): this use codes nothing */
      int block = fl[1] == 3 && memcmp(f[1], "---", 3) == 0;
      if (block && !fr.need) return;
      slot src[MAXACT], tgt[MAXACT];
      int ns, nt;
      slots(c, v, &fr, src, &ns, tgt, &nt);
      if (((fr.need & 1) && !ns) || ((fr.need & 2) && !nt)) continue;
      /* "the air force's bombing" (195) and "the IRA's bombing" (183) */
      if (fr.srcstate && !(ns && state_actor(src[0].actor))) continue;
      /* "Russia beat Croatia", "Nadal defeated Fritz": a game, no battle */
      if (fr.armed) {
        int arm = 0;
        for (int k = 0; k < ns; k++) arm |= armed_actor(src[k].actor);
        for (int k = 0; k < nt; k++) arm |= armed_actor(tgt[k].actor);
        if (!arm) continue;
      }
      /* "Die Armee geht gegen die PKK vor": a fight, not coercion */
      if (fr.fighting && !(ns && nt && fighting_actor(src[0].actor) && fighting_actor(tgt[0].actor))) continue;
      if (block) return;
      if (!ns && !nt) return; /* no actor: nothing to code */
      const char *code = lb_arena_strndup(d->tx.arena, f[1], (size_t)fl[1]);
      /* an act of cooperation (CAMEO roots 03-06: intend to cooperate,
      ** consult, diplomatic and material cooperation) is done with someone:
      ** without a target it is none ("bietet ... Software-Dienstleistungen
      ** an", "Google Stadia arrives", "G7 Gipfel"); a treaty signed or
      ** ratified (057) names the treaty, not always a partner */
      if (!nt && code[0] == '0' && code[1] >= '3' && code[1] <= '6' && strcmp(code, "057") != 0) return;
      /* a death ("starben", "died") is an event only as the casualties of
      ** an act a circumstance names ("bei dem Anschlag"): circumstance()
      ** gives it that act's code, or drops it (the code's pointer marks it) */
      if (fr.circ) {
        if (strcmp(code, CIRC_ONLY) != 0) continue;
        code = CIRC_ONLY;
        ns = 0; /* the dead are no source: the act's is (circumstance) */
      }
      const char *mood = mood_of(c, v, noun);
      const char *rule = lb_arena_printf(d->tx.arena, "evpat:%s:%.*s:%u", c->lang, (int)kl, key, i);
      int32_t ce = lb_tree_clause(tx, v);
      for (int a = 0; a < (ns ? ns : 1); a++)
        for (int b = 0; b < (nt ? nt : 1); b++) {
          const slot *s = ns ? &src[a] : NULL, *t = nt ? &tgt[b] : NULL;
          /* conflict (roots 14-20) against the source's own country as a
          ** whole ("Moskau startete ..." with "Salve auf russische Städte"
          ** hung on the wrong verb) is a misread target: none, so that the
          ** exchange rule may find the other side */
          const char *tcode = t ? (t->actor ? t->actor
                                   : t->ent >= 0 ? d->entities.v[t->ent].country
                                                 : NULL)
                                : NULL;
          if (s && state_actor(s->actor) && tcode && strlen(tcode) == 3 &&
              strncmp(s->actor, tcode, 3) == 0 && fl[1] >= 2 && memcmp(f[1], "14", 2) >= 0 &&
              memcmp(f[1], "---", 3) != 0)
            t = NULL;
          lb_event *ev = LB_VEC_PUSH(d->tx.arena, d->events);
          ev->code = code;
          ev->claim = -1;
          ev->sentence = (int32_t)w->sent;
          ev->mood = mood;
          ev->rule = rule;
          word_span(tx, v, &ev->trigger_start, &ev->trigger_end);
          uint32_t lo = ev->trigger_start, hi = ev->trigger_end;
          /* the words that state it reach the separable particle ("griff ... an") */
          int32_t prt = lb_tree_child(tx, v, "compound:prt");
          if (prt > v && tx->words.v[prt].end > hi) hi = tx->words.v[prt].end;
          if (s) {
            ev->source = with_sector(d->tx.arena, s->actor, fr.ssec, fr.ssecn);
            if (s->ent >= 0) ev->source_entity = d->entities.v[s->ent].id;
            slot_span(c, s, &ev->source_start, &ev->source_end);
            if (ev->source_start < lo) lo = ev->source_start;
            if (ev->source_end > hi) hi = ev->source_end;
          }
          if (t) {
            const lb_entity *te = t->ent >= 0 ? &d->entities.v[t->ent] : NULL;
            /* a capital as the target of words and pressure (roots 01-17)
            ** is its government; of force (18-20) the country attacked */
            const char *tact = t->actor;
            if (!tact && te && memcmp(code, "18", 2) < 0) tact = capital_gov(c, t->word, &(slot){0});
            ev->target = with_sector(d->tx.arena,
                                     tact ? tact
                                     : te ? te->country
                                          : NULL,
                                     fr.tsec, fr.tsecn);
            if (te) ev->target_entity = te->id;
            slot_span(c, t, &ev->target_start, &ev->target_end);
            if (ev->target_start < lo) lo = ev->target_start;
            if (ev->target_end > hi) hi = ev->target_end;
          }
          ev->start = lo;
          ev->end = hi;
          set_cameo(c, ev);
          /* the target's phrase, else the object's ("Gebiete in Kursk gehalten") */
          int32_t pl = place_of(c, v, NULL, t ? t->word : lb_tree_child(tx, v, "obj"));
          if (pl < 0 && ce != v) pl = place_of(c, ce, NULL, -1);
          if (pl < 0) pl = capital_of(c, v, ev->target_entity);
          /* a target that is a place ("griff Kiew an") places a material
          ** conflict; a treaty with North Korea is not signed there */
          if (pl < 0 && ev->quad_class == 4) pl = place_of(c, -1, t, -1);
          if (pl >= 0) ev->place = d->entities.v[pl].id;
          /* "Gebiete in Kursk gehalten": the place's country is the target
          ** when the frame says so (tgt=...|place) */
          if (!t && pl >= 0 && fr.tgt && memmem(fr.tgt, (size_t)fr.tgtn, "place", 5) &&
              d->entities.v[pl].country) {
            const lb_entity *pe = &d->entities.v[pl];
            ev->target = with_sector(d->tx.arena, pe->country, fr.tsec, fr.tsecn);
            int32_t ce2 = country_entity(c, pe->country);
            ev->target_entity = ce2 >= 0 ? d->entities.v[ce2].id : NULL;
          }
          date_of(c, v, ev);
          if (d->published) ev->reported = d->published;
        }
      return;
    }
}

/* Facts by sentence: the indexes of the n facts (each elem bytes, the
** sentence an int32_t at sent[k * elem]) in text order, sentence s's at
** idx[off[s] .. off[s+1]) (a counting sort: linear). */
static void by_sentence(lb_arena *a, size_t ns, size_t n, const int32_t *sent, size_t elem,
                        uint32_t **off, int32_t **idx) {
  uint32_t *o = lb_arena_calloc(a, ns + 2, sizeof *o);
  int32_t *x = lb_arena_alloc(a, (n + 1) * sizeof *x);
#define SENT_OF(k) (*(const int32_t *)((const char *)sent + (k)*elem))
  for (size_t k = 0; k < n; k++)
    if (SENT_OF(k) >= 0 && (size_t)SENT_OF(k) < ns) o[SENT_OF(k) + 1]++;
  for (size_t s = 0; s < ns; s++)
    o[s + 1] += o[s];
  uint32_t *fill = lb_arena_alloc(a, (ns + 1) * sizeof *fill);
  memcpy(fill, o, (ns + 1) * sizeof *fill);
  for (size_t k = 0; k < n; k++)
    if (SENT_OF(k) >= 0 && (size_t)SENT_OF(k) < ns) x[fill[SENT_OF(k)]++] = (int32_t)k;
#undef SENT_OF
  *off = o;
  *idx = x;
}

/* The stage's indexes (ctx): actors and capitals of the entities, dates
** by sentence. */
static void index_facts(ctx *c) {
  lb_doc *d = c->d;
  lb_arena *a = d->tx.arena;
  lb_map_init(&c->by_actor, a);
  lb_map_init(&c->capital, a);
  for (size_t i = 0; i < d->entities.n; i++) {
    const lb_entity *e = &d->entities.v[i];
    if (e->actor) lb_map_put(&c->by_actor, e->actor, strlen(e->actor), (int32_t)i);
    if (e->has_geo && e->geo.feature && strcmp(e->geo.feature, "PPLC") == 0 && e->country)
      lb_map_put(&c->capital, e->country, strlen(e->country), (int32_t)i);
  }
  /* a date's sentence: the one its first byte is in */
  size_t ns = c->tx->sents.n, nd = d->dates.n;
  int32_t *ds = lb_arena_alloc(a, (nd + 1) * sizeof *ds);
  for (size_t i = 0; i < nd; i++) {
    size_t lo = 0, hi = ns;
    while (lo < hi) { /* the first sentence that ends after the date's start */
      size_t mid = (lo + hi) / 2;
      if (c->tx->sents.v[mid].end <= d->dates.v[i].start)
        lo = mid + 1;
      else
        hi = mid;
    }
    ds[i] = lo < ns && c->tx->sents.v[lo].start <= d->dates.v[i].start ? (int32_t)lo : -1;
  }
  by_sentence(a, ns, nd, ds, sizeof *ds, &c->date_off, &c->date_idx);
}

/* Is the trigger at byte offset off a noun? */
static int tree_noun_at(const ctx *c, uint32_t off) {
  int32_t w = lb_text_word_at(c->tx, off);
  return w >= 0 &&
         (c->tx->words.v[w].upos == LB_UPOS_NOUN || c->tx->words.v[w].upos == LB_UPOS_PROPN);
}

static int ev_cmp(const void *x, const void *y) {
  const lb_event *a = x, *b = y;
  if (a->start != b->start) return a->start < b->start ? -1 : 1;
  if (a->trigger_start != b->trigger_start) return a->trigger_start < b->trigger_start ? -1 : 1;
  return strcmp(a->code, b->code);
}

/* Statement events: a claim by an actor (the reporting verb's code, table
** rverb), once per actor and code in a document. */
static void statements(ctx *c) {
  lb_doc *d = c->d;
  int t_rverb = lb_lex_table(c->lx, "rverb");
  lb_map told; /* "code actor" of the statements made */
  lb_map_init(&told, d->tx.arena);
  /* the triggers the patterns coded: a reporting verb they coded ("accused
  ** Russia of lying": 112 USA -> RUS) makes no second, targetless event */
  lb_map coded;
  lb_map_init(&coded, d->tx.arena);
  for (size_t i = 0; i < d->events.n; i++) {
    char tk[16];
    int tl = snprintf(tk, sizeof tk, "%u", (unsigned)d->events.v[i].trigger_start);
    lb_map_put(&coded, tk, (size_t)tl, (int32_t)i);
  }
  for (size_t i = 0; i < d->claims.n; i++) {
    const lb_claim *cl = &d->claims.v[i];
    if (!cl->speaker || !cl->verb) continue;
    char tk[16];
    int tl = snprintf(tk, sizeof tk, "%u", (unsigned)cl->cue_start);
    if (lb_map_get(&coded, tk, (size_t)tl) >= 0) continue;
    int32_t ei = lb_doc_entity_find(d, cl->speaker);
    if (ei < 0) continue;
    lb_buf k = LB_BUF_INIT;
    lb_norm_key(&k, cl->verb, strlen(cl->verb));
    lb_lex_rec r;
    const char *code = NULL;
    lb_lex_entry e;
    if (t_rverb >= 0 && lb_lex_get(c->lx, k.p, k.n, &e))
      for (uint32_t q = 0; q < e.nrec && !code; q++)
        if (lb_lex_rec_get(c->lx, &e, q, &r) && r.table == t_rverb &&
            lb_lex_field_is(&r, 0, c->lang)) {
          const char *f;
          int fl = lb_lex_field(r.val, r.val_len, 1, &f);
          if (fl > 0 && !(fl == 1 && f[0] == '-'))
            code = lb_arena_strndup(d->tx.arena, f, (size_t)fl);
        }
    lb_buf_free(&k);
    if (!code) continue;
    /* a speaker with no actor code ("kritisierte Steinhart") is the
    ** source of an act (criticism, a demand, a warning), named by its
    ** entity; a bare statement (01x) needs an actor */
    const char *actor = d->entities.v[ei].actor;
    if (!actor && strncmp(code, "01", 2) == 0) continue;
    const char *key = lb_arena_printf(d->tx.arena, "%s %s", code, actor ? actor : cl->speaker);
    if (lb_map_put(&told, key, strlen(key), (int32_t)i) >= 0) continue;
    lb_event *ev = LB_VEC_PUSH(d->tx.arena, d->events);
    ev->code = code;
    ev->source = actor;
    ev->source_entity = cl->speaker;
    ev->source_start = cl->speaker_start;
    ev->source_end = cl->speaker_end;
    ev->trigger_start = cl->cue_start;
    ev->trigger_end = cl->cue_end;
    ev->claim = (int32_t)i;
    ev->sentence = cl->sentence;
    ev->start =
        cl->speaker_start && cl->speaker_start < cl->cue_start ? cl->speaker_start : cl->cue_start;
    ev->end = cl->speaker_end > cl->cue_end ? cl->speaker_end : cl->cue_end;
    ev->rule = lb_arena_printf(d->tx.arena, "rverb:%s:%s", c->lang, cl->verb);
    ev->date_granularity = "unknown";
    if (d->published) ev->reported = d->published;
    int32_t tw = lb_text_word_at(c->tx, cl->cue_start);
    if (tw >= 0 && c->tx->words.v[tw].deprel) {
      date_of(c, tw, ev);
      /* where it was said: a locative phrase of the reporting verb
      ** ("kritisierte ... bei der Vorlage seines Berichts in Genf") */
      int32_t pl = place_of(c, tw, NULL, -1);
      if (pl >= 0) ev->place = d->entities.v[pl].id;
    }
    set_cameo(c, ev);
  }
}

/* The code of event noun w ("Bombenanschlag" 183): a cause of table
** evcause, else its first pattern line without conditions, or NULL. */
static const char *noun_code(const ctx *c, int32_t w, lb_arena *a) {
  const lb_text *tx = c->tx;
  /* a cause of several words, the longest first ("mortar fire" 194,
  ** "accidental explosions" none, where "fire" is nothing and "explosions"
  ** 183) */
  for (int32_t j = premods(tx, w); j < w && tx->words.v[w].lemma; j++) {
    const char *mk = premod_key(tx, j, w);
    lb_buf k = LB_BUF_INIT;
    lb_norm_key(&k, mk, strlen(mk));
    char tmp[128];
    size_t tn = k.n < sizeof tmp ? k.n : sizeof tmp - 1;
    memcpy(tmp, k.p, tn);
    lb_buf_free(&k); /* before the arena allocates: its guard may jump */
    lb_lex_rec mr;
    if (lb_lex_find_field(c->lx, c->t_cause, tmp, tn, 0, c->lang, &mr)) return lb_lex_field_dup(a, &mr, 1);
  }
  uint32_t kl;
  char *key = trigger_key(c, w, -1, &kl);
  lb_lex_entry e;
  if (!key || !lb_lex_get(c->lx, key, kl, &e)) return NULL;
  /* a cause that is no act of its own (table evcause: "Explosion", "IED"),
  ** in the document's language: a key may have a record in each */
  lb_lex_rec cr;
  if (lb_lex_find_field(c->lx, c->t_cause, key, kl, 0, c->lang, &cr)) return lb_lex_field_dup(a, &cr, 1);
  for (uint32_t i = 0; i < e.nrec; i++) {
    lb_lex_rec r;
    const char *f[5];
    int fl[5];
    if (!lb_lex_rec_get(c->lx, &e, i, &r) || r.table != c->t_evpat || !lb_lex_field_is(&r, 0, c->lang) ||
        lb_lex_fields(r.val, r.val_len, f, fl, 5) < 4 || fl[2] != 1 || f[2][0] != 'N')
      continue;
    if (fl[1] == 3 && memcmp(f[1], "---", 3) == 0) return NULL;
    /* conditions on the object or the source's kind need the noun's sides */
    if (memmem(f[3], (size_t)fl[3], "obj=", 4) || memmem(f[3], (size_t)fl[3], "srcstate", 8)) continue;
    return lb_arena_strndup(a, f[1], (size_t)fl[1]);
  }
  return NULL;
}

/* A violent act told by its casualties: "bei einem Bombenanschlag wurden 20
** Menschen getötet", "were killed in an air strike", "a blast which injured
** several people". An event of roots 18-20 whose verb has a phrase of a
** circumstance preposition (table circprep), or an active subject (or the
** subject of the clause it continues), that is an event noun of roots 18-20
** or a cause (table evcause) is the act the noun names (unless the verb's
** code is the more specific one): its code,
** the noun's source where the verb has none, the noun's own target where it
** has one ("Angriffe auf Kliniken"), else the victims; the noun's own event,
** if any, is the same event and goes. */
static void circumstance(ctx *c) {
  lb_doc *d = c->d;
  const lb_text *tx = c->tx;
  size_t n0 = d->events.n;
  uint8_t *drop = lb_arena_calloc(tx->arena, n0 + 1, 1);
  /* (without table circprep no act is told by its casualties: the loop is
  ** skipped, and the deaths of frame circ go below) */
  for (size_t i = 0, s0 = 0; c->t_circ >= 0 && i < n0; i++) {
    lb_event *e = &d->events.v[i];
    if (e->sentence != d->events.v[s0].sentence) s0 = i;
    if (drop[i] || e->code[0] < '1' || memcmp(e->code, "18", 2) < 0 || memcmp(e->code, "20", 2) > 0)
      continue;
    int32_t v = lb_text_word_at(tx, e->trigger_start);
    if (v < 0 || tx->words.v[v].upos != LB_UPOS_VERB) continue;
    /* the candidates: the verb's phrases, its active subject ("a blast
    ** which injured", "explosion killed"), the subject of the clause it
    ** continues ("bombs exploded ..., killing three people") */
    int32_t cand[16];
    int nc = 0;
    for (int32_t k = tx->words.v[v].kid; k >= 0 && nc < 14; k = tx->words.v[k].sib) {
      /* (or any phrase with such a preposition: "killed in IS attacks"
      ** with "attacks" an xcomp) */
      int32_t cw = case_of(tx, k);
      if ((lb_tree_rel(&tx->words.v[k], "obl") || has_prep(tx, k) || lb_tree_rel(&tx->words.v[k], "xcomp")) &&
          cw >= 0 && lemma_class(c, c->t_circ, &tx->words.v[cw], NULL))
        cand[nc++] = k;
    }
    /* (or such a phrase the parser hung on the victims: "sollen 190
    ** Menschen bei türkischen Luftschlägen ... getötet worden sein") */
    for (int32_t k = nc == 0 ? tx->words.v[v].kid : -1; k >= 0 && nc < 14; k = tx->words.v[k].sib) {
      const lb_word *x = &tx->words.v[k];
      if (!(lb_tree_rel(x, "nsubj") || lb_tree_rel(x, "obj")) || k > v) continue;
      for (int32_t j = x->kid; j >= 0 && nc < 14; j = tx->words.v[j].sib) {
        int32_t cw = case_of(tx, j);
        if (lb_tree_rel(&tx->words.v[j], "nmod") && cw >= 0 && lemma_class(c, c->t_circ, &tx->words.v[cw], NULL))
          cand[nc++] = j;
      }
    }
    int32_t subj = passive_c(c, v) ? -1 : lb_tree_child(tx, v, "nsubj");
    if (subj >= 0 && lb_tree_rel(&tx->words.v[subj], "nsubj:pass")) subj = -1;
    /* a relative pronoun stands for the noun its clause is on */
    if (subj >= 0 && tx->words.v[subj].upos == LB_UPOS_PRON && lb_tree_rel(&tx->words.v[v], "acl"))
      subj = tx->words.v[v].head;
    if (subj >= 0) cand[nc++] = subj;
    /* (a present participle the parser made a conjunct: "was shattered by
    ** an explosion ..., killing 168 people") */
    const lb_word *vw = &tx->words.v[v];
    int cont = lb_tree_rel(vw, "advcl") ||
               (lb_tree_rel(vw, "conj") && lb_ufeat_get(vw->feats, LB_UF_VERBFORM) == LB_VERBFORM_PART &&
                lb_ufeat_get(vw->feats, LB_UF_TENSE) == LB_TENSE_PRES);
    /* (a clause with a conjunction of its own is another act: "seized the
    ** town after attacking the base") */
    int32_t hv = subj < 0 && vw->head >= 0 && cont && lb_tree_child(tx, v, "mark") < 0 ? vw->head : -1;
    if (hv >= 0) {
      int32_t hs = lb_tree_child(tx, hv, "nsubj");
      if (hs >= 0) cand[nc++] = hs;
      /* or that clause's own violent act ("launched a series of attacks
      ** across Paris, killing 130 people": one event) */
      cand[nc++] = hv;
      /* or the act the clause it continues names: its object ("launched a
      ** series of attacks across Paris, killing 130 people") or its passive
      ** agent ("was shattered by an explosion ..., killing 168 people") */
      int32_t ho = lb_tree_child(tx, hv, "obj");
      if (ho >= 0) cand[nc++] = members_of(c, ho);
      int32_t ha;
      if (passive_c(c, hv) && slot_words(tx, hv, AGENT, (int)sizeof AGENT - 1, &ha, 1))
        cand[nc++] = ha;
    }
    for (int ci = 0; ci < nc; ci++) {
      int32_t k = cand[ci];
      const lb_word *x = &tx->words.v[k];
      if (x->upos != LB_UPOS_NOUN && x->upos != LB_UPOS_PROPN && k != hv) continue;
      /* the noun's own event, if it has one (it read the noun's sides) */
      lb_event *own = NULL;
      size_t ownj = 0;
      for (size_t j = s0; j < n0 && d->events.v[j].sentence == e->sentence && !own; j++)
        if (j != i && !drop[j] && d->events.v[j].trigger_start == x->start) own = &d->events.v[j], ownj = j;
      const char *code = own ? own->code : k != hv ? noun_code(c, k, tx->arena) : NULL;
      /* an accident or a disaster (evcause "---": "bei einem Verkehrsunfall
      ** getötet", "killed in a car crash") is nobody's act: no event */
      if (code && strcmp(code, "---") == 0) {
        drop[i] = 1;
        break;
      }
      if (!code || memcmp(code, "18", 2) < 0 || memcmp(code, "20", 2) > 0) continue;
      /* the more specific code tells the act: a bombing (183) of a killing
      ** (190), but a shooting (193) in clashes (190) stays a shooting */
      size_t cl = strlen(code), el = strlen(e->code);
      if (code[cl - 1] == '0' && e->code[el - 1] != '0') continue;
      /* a noun without an event of its own (the parser's relation for it
      ** made none): its attribute that names an actor ("killed in IS
      ** attacks" with "attacks" an xcomp) */
      int32_t aw[4];
      int na = !own && !e->source && k != hv
                   ? slot_words(tx, k, "nmod:poss|nmod:gen|amod|compound|nmod:by|nmod:von", 48, aw, 4)
                   : 0;
      for (int ai = 0; ai < na && !e->source; ai++) {
        slot sl;
        if (resolve(c, aw[ai], LB_PH_ACTOR, &sl, 1) != 1 || !sl.actor) continue;
        e->source = sl.actor;
        e->source_entity = sl.ent >= 0 ? d->entities.v[sl.ent].id : NULL;
        slot_span(c, &sl, &e->source_start, &e->source_end);
      }
      if (own) {
        if (!e->source && own->source) {
          e->source = own->source;
          e->source_entity = own->source_entity;
          e->source_start = own->source_start;
          e->source_end = own->source_end;
        }
        /* the noun's own target, unless it is a place and the verb names
        ** the victims ("Bei einem Bombenanschlag im Nordosten Nigerias
        ** wurden zehn Menschen getötet": the people, placed in Nigeria) */
        int32_t ote = own->target_entity ? lb_doc_entity_find(d, own->target_entity) : -1;
        if (own->target && !(e->target && ote >= 0 && d->entities.v[ote].has_geo)) {
          e->target = own->target;
          e->target_entity = own->target_entity;
          e->target_start = own->target_start;
          e->target_end = own->target_end;
        }
        if (!e->place) e->place = own->place;
        drop[ownj] = 1;
      } else if (!e->place && k != hv) {
        /* the act noun's own place ("bei den Anschlägen von Brüssel") */
        int32_t pl = loc_phrase(c, k, 1);
        if (pl >= 0) e->place = d->entities.v[pl].id;
      }
      /* an act of the clause the verb continues: its place and date (the
      ** clause's, else the act noun's) are the event's, when the verb's own
      ** clause has none ("was shattered by an explosion on April 19, 1995,
      ** killing ...") */
      if (hv >= 0 && !e->place) {
        int32_t pl = place_of(c, hv, NULL, lb_tree_child(tx, hv, passive_c(c, hv) ? "nsubj" : "obj"));
        if (pl >= 0) e->place = d->entities.v[pl].id;
      }
      if (hv >= 0 && !e->date && !date_at(c, hv, e)) date_at(c, k, e);
      e->code = code;
      e->rule = lb_arena_printf(tx->arena, "%s+circ:%s:%.*s", e->rule, c->lang, (int)x->formlen, x->form);
      if (x->start < e->start) e->start = x->start;
      if (x->end > e->end) e->end = x->end;
      set_cameo(c, e);
      break;
    }
  }
  size_t out = 0;
  for (size_t i = 0; i < n0; i++)
    if (!drop[i] && d->events.v[i].code != CIRC_ONLY) d->events.v[out++] = d->events.v[i];
  d->events.n = out;
}

void lb_evt_run(lb_doc *d) {
  ctx c;
  memset(&c, 0, sizeof c);
  c.d = d;
  c.tx = &d->tx;
  c.lx = d->tx.lex;
  c.lang = d->tx.lang;
  if (!c.lx || !c.lang || !d->tx.words.n) return;
  assert(d->ent_refs || !d->entities.n); /* the "mentions" stage has run */
  c.t_evpat = lb_lex_table(c.lx, "evpat");
  c.t_cameo = lb_lex_table(c.lx, "cameo");
  c.t_plover = lb_lex_table(c.lx, "plover");
  c.t_mood = lb_lex_table(c.lx, "mood");
  c.t_locprep = lb_lex_table(c.lx, "locprep");
  c.t_region = lb_lex_table(c.lx, "regionword");
  c.t_agent = lb_lex_table(c.lx, "agent");
  c.t_form = lb_lex_table(c.lx, "form");
  c.t_attr = lb_lex_table(c.lx, "evattr");
  c.t_instr = lb_lex_table(c.lx, "instrprep");
  c.t_support = lb_lex_table(c.lx, "evsupport");
  c.t_facility = lb_lex_table(c.lx, "facility");
  c.t_collective = lb_lex_table(c.lx, "collective");
  c.t_rcue = lb_lex_table(c.lx, "rcue");
  c.t_circ = lb_lex_table(c.lx, "circprep");
  c.t_cause = lb_lex_table(c.lx, "evcause");
  c.t_partend = lb_lex_table(c.lx, "partend");
  index_facts(&c);
  if (c.t_evpat >= 0)
    for (size_t i = 0; i < d->tx.words.n; i++)
      if (d->tx.words.v[i].deprel && d->tx.words.v[i].lemma) code_trigger(&c, (int32_t)i);
  /* one event per trigger, code and sides (the triggers were taken in
  ** text order: a sentence's events are side by side) */
  size_t out = 0;
  for (size_t i = 0; i < d->events.n; i++) {
    lb_event *e = &d->events.v[i];
    assert(i == 0 || e->sentence >= d->events.v[i - 1].sentence);
    int dup = 0;
    for (size_t k = out; k-- > 0 && !dup && d->events.v[k].sentence == e->sentence;) {
      lb_event *f = &d->events.v[k];
      dup = f->sentence == e->sentence && strcmp(f->code, e->code) == 0 &&
            same(f->source, e->source) && same(f->target, e->target) &&
            same(f->source_entity, e->source_entity) && same(f->target_entity, e->target_entity) &&
            same(f->mood, e->mood);
    }
    if (!dup) d->events.v[out++] = *e;
  }
  d->events.n = out;
  /* a noun naming an event told before ("Truppenverlegung" after the
  ** build-up): same code and source as an earlier event */
  out = 0;
  lb_map told; /* "code country" -> the first event kept with them */
  lb_map_init(&told, d->tx.arena);
  for (size_t i = 0; i < d->events.n; i++) {
    lb_event *e = &d->events.v[i];
    /* the source's country: "Russlands Truppenverlegung" (RUS) repeats the
    ** build-up by the Russian military (RUSMIL) */
    const char *key = e->source ? lb_arena_printf(d->tx.arena, "%s %.3s", e->code, e->source) : NULL;
    if (key && e->trigger_start < e->trigger_end && tree_noun_at(&c, e->trigger_start)) {
      int32_t k = lb_map_get(&told, key, strlen(key));
      if (k >= 0 && d->events.v[k].trigger_start < e->trigger_start) continue;
    }
    if (key) lb_map_put(&told, key, strlen(key), (int32_t)out);
    d->events.v[out++] = *e;
  }
  d->events.n = out;
  /* an event noun that is the object or instrument of a verb trigger of
  ** the same root names that verb's event ("griff mit dem schwersten Angriff
  ** an", "startete eine Offensive"): one event */
  out = 0;
  size_t n0 = d->events.n;
  uint8_t *drop = lb_arena_calloc(d->tx.arena, n0 + 1, 1);
  for (size_t i = 0, s0 = 0; i < n0; i++) {
    const lb_event *e = &d->events.v[i];
    if (e->sentence != d->events.v[s0].sentence) s0 = i; /* the sentence's first event */
    int32_t tw = lb_text_word_at(c.tx, e->trigger_start);
    if (tw < 0 || c.tx->words.v[tw].head < 0 || !tree_noun_at(&c, e->trigger_start)) continue;
    uint32_t hs = c.tx->words.v[c.tx->words.v[tw].head].start;
    for (size_t j = s0; j < n0 && d->events.v[j].sentence == e->sentence && !drop[i]; j++)
      drop[i] = j != i && d->events.v[j].trigger_start == hs && strncmp(d->events.v[j].code, e->code, 2) == 0;
  }
  for (size_t i = 0; i < n0; i++)
    if (!drop[i]) d->events.v[out++] = d->events.v[i];
  d->events.n = out;
  circumstance(&c);
  /* an exchange: fighting sides without a target in one sentence strike
  ** each other ("Moskau startete 145 Drohnen, während die Ukraine eine
  ** Salve abfeuerte") */
  for (size_t i = 0, s0 = 0; i < d->events.n; i++) {
    lb_event *e = &d->events.v[i];
    if (e->sentence != d->events.v[s0].sentence) s0 = i; /* the sentence's first event */
    if (e->target || !e->source || e->mood || strncmp(e->code, "19", 2) != 0) continue;
    for (size_t j = s0; j < d->events.n && d->events.v[j].sentence == e->sentence; j++) {
      lb_event *f = &d->events.v[j];
      if (i == j || f->mood || !f->source || strncmp(f->code, "19", 2) != 0 ||
          strncmp(e->source, f->source, 3) == 0)
        continue;
      e->target = lb_arena_strndup(d->tx.arena, f->source, 3); /* the other side's country */
      e->target_entity = f->source_entity;
      /* "einschließlich der Hauptstadt": now that the target is known */
      int32_t tw = lb_text_word_at(c.tx, e->trigger_start);
      if (!e->place && tw >= 0 && e->target_entity) {
        int32_t pl = capital_of(&c, tw, e->target_entity);
        if (pl >= 0) e->place = d->entities.v[pl].id;
      }
      break;
    }
  }
  statements(&c);
  /* quantities and claims inside each event */
  size_t ns = d->tx.sents.n, ne = d->events.n;
  uint32_t *qoff = NULL;
  int32_t *qidx = NULL;
  const int32_t *qsent = d->quantities.n ? &d->quantities.v[0].sentence : NULL;
  by_sentence(d->tx.arena, ns, d->quantities.n, qsent, sizeof *d->quantities.v, &qoff, &qidx);
  uint32_t *ts = lb_arena_alloc(d->tx.arena, (ne + 1) * sizeof *ts);
  uint32_t *te = lb_arena_alloc(d->tx.arena, (ne + 1) * sizeof *te);
  int32_t *held = lb_arena_alloc(d->tx.arena, (ne + 1) * sizeof *held);
  for (size_t i = 0; i < ne; i++)
    ts[i] = d->events.v[i].trigger_start, te[i] = ts[i] + 1;
  lb_doc_claims_holding(d, ts, te, ne, held);
  for (size_t i = 0; i < ne; i++) {
    lb_event *ev = &d->events.v[i];
    if (ev->sentence >= 0 && (size_t)ev->sentence < ns)
      for (uint32_t k = qoff[ev->sentence]; k < qoff[ev->sentence + 1]; k++) {
        const lb_quantity *q = &d->quantities.v[qidx[k]];
        if (q->start >= ev->start && q->end <= ev->end)
          *LB_VEC_PUSH(d->tx.arena, ev->quantities) = qidx[k];
      }
    if (ev->claim < 0) ev->claim = held[i];
  }
  if (d->events.n > 1) qsort(d->events.v, d->events.n, sizeof *d->events.v, ev_cmp);
}
