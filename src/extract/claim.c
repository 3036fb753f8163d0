/*
** claim.c -- claims read from the dependency tree: who said what.
**
** Reads the words of the syntax stage, the entities (d->ent_refs) and the
** coreference of pronouns and role descriptions (d->coref); writes
** d->claims. Cues are data (data/de/claims.tsv, data/en/claims.tsv):
**   a reporting verb (table rverb, by lemma): the speaker is its subject
**     (in a passive its agent: "wurde mitgeteilt" has none unless "von X"
**     says who), what is claimed its clausal complement ("sagte, Russland
**     habe ...", "said that ..."), or the quoted clause it follows ("„...“,
**     sagte X", "..., X said"), or the main clause of "Wie X mitteilte, ...";
**   a source cue (table rcue): "laut X" and "X zufolge", "according to X"
**     (the case word of the speaker's phrase); "nach Angaben von X", "nach
**     Einschätzung des Ministeriums", "unter Berufung auf X" (a noun whose
**     genitive or prepositional phrase is the speaker); ", so X" at the end;
**   indirect speech that runs on: a sentence in the subjunctive (Mood=Sub:
**     Konjunktiv I or II) right after a claim, with no cue of its own,
**     continues that claim's speaker ("continued"), until a new speaker or
**     plain indicative narration;
**   a quote that runs on: a sentence that is one quotation right after a
**     sentence with a quotation and a claim continues that claim's speaker
**     ("quote-continued"; an unnamed "I think" inside it gives way).
** The speaker is the entity the phrase names (extract/phrase.h: a mention,
** or a pronoun or role description resolved by coreference, which is then
** named in speaker_via); else the phrase's words as speaker_text.
*/
#include "claim.h"

#include <assert.h>
#include <string.h>
#include <strings.h>

#include "../doc/doc.h"
#include "../lex/lex.h"
#include "../syntax/syntax.h"
#include "../syntax/tree.h"
#include "../text/norm.h"
#include "phrase.h"

typedef struct ctx {
  lb_doc *d;
  const lb_text *tx;
  const lb_lex *lx;
  const char *lang;
  int t_rverb, t_rcue, t_mood;
  int conj_apart; /* speaker_span leaves coordinated phrases out (cue_claim) */
  uint8_t *dateword; /* per word: inside a date's span ("vom Mittwoch") */
} ctx;

/* The record of table t under key s[0..n) for the document's language:
** returns 1 and fills *r. */
static int lookup(const ctx *c, int t, const char *s, size_t n, lb_lex_rec *r) {
  if (t < 0 || !s || !n) return 0;
  lb_buf k = LB_BUF_INIT;
  lb_norm_key(&k, s, n);
  lb_lex_entry e;
  int found = 0;
  if (lb_lex_get(c->lx, k.p, k.n, &e) && lb_lex_may_have(&e, t))
    for (uint32_t i = 0; i < e.nrec && !found; i++)
      found = lb_lex_rec_get(c->lx, &e, i, r) && r->table == t && lb_lex_field_is(r, 0, c->lang);
  lb_buf_free(&k);
  return found;
}

/* Is word x the one character ch? A comma? */
static int is_char(const lb_word *x, char ch) { return x->formlen == 1 && x->form[0] == ch; }
static int is_comma(const lb_word *x) { return is_char(x, ','); }

/* Is there nothing but punctuation after word k in its sentence? */
static int closes_sentence(const lb_text *tx, int32_t k) {
  const lb_sent *st = &tx->sents.v[tx->words.v[k].sent];
  uint32_t e = (uint32_t)k + 1;
  while (e < st->word1 && tx->words.v[e].upos == LB_UPOS_PUNCT) e++;
  return e == st->word1;
}

/* Is word w's lemma a source cue of this kind (table rcue, field 1: "that",
** "as", "of", "noun") in the document's language? */
static int cue_kind(const ctx *c, const lb_word *w, const char *kind) {
  return w->lemma && lb_lex_has_class(c->lx, c->t_rcue, w->lemma, strlen(w->lemma), c->lang, kind);
}

/* The lemma of verb v with its separable particle (German "bekanntgeben",
** English "point out"), in the arena. */
static const char *verb_key(const ctx *c, int32_t v) {
  const lb_text *tx = c->tx;
  const lb_word *w = &tx->words.v[v];
  int32_t prt = lb_tree_child(tx, v, "compound:prt");
  if (prt < 0 || !tx->words.v[prt].lemma) return w->lemma;
  if (strcmp(c->lang, "de") == 0) return lb_arena_printf(tx->arena, "%s%s", tx->words.v[prt].lemma, w->lemma);
  return lb_arena_printf(tx->arena, "%s %s", w->lemma, tx->words.v[prt].lemma);
}

/* The span of x's subtree without y's subtree where y's is at an edge. */
static void span_without(const lb_text *tx, int32_t x, int32_t y, uint32_t *s, uint32_t *e) {
  lb_tree_span(tx, x, s, e);
  if (y < 0) return;
  uint32_t ys, ye;
  lb_tree_span(tx, y, &ys, &ye);
  if (ye >= *e && ys > *s) *e = ys;
  else if (ys <= *s && ye < *e) *s = ye;
  /* trim spaces and punctuation left at the edges (and a bracket opened
  ** at the end: "... verletzt worden (Blick.ch berichtete)") */
  while (*e > *s && strchr(" ,;:-\n\t\"'(", tx->text[*e - 1])) (*e)--;
  while (*s < *e && strchr(" ,;:-\n\t\"'", tx->text[*s])) (*s)++;
}

/* A third-person pronoun as speaker: the speaker of the claim before, when
** it is at most two sentences back (also when "Haidar" was named but is no
** entity). 1 when cl took it. */
static int previous_speaker(ctx *c, lb_claim *cl, int32_t speaker) {
  const lb_text *tx = c->tx;
  const lb_word *w = &tx->words.v[speaker];
  lb_doc *d = c->d;
  if (w->upos != LB_UPOS_PRON || lb_ufeat_get(w->feats, LB_UF_PERSON) != 3 ||
      lb_ufeat_get(w->feats, LB_UF_PRONTYPE) != LB_PRONTYPE_PRS || d->claims.n < 2)
    return 0;
  const lb_claim *p = &d->claims.v[d->claims.n - 2]; /* cl is the last */
  if (p->sentence + 2 < cl->sentence || (!p->speaker && !p->speaker_text)) return 0;
  cl->speaker = p->speaker;
  cl->speaker_text = p->speaker_text;
  cl->speaker_via = "claim:previous-speaker";
  cl->speaker_start = tx->words.v[speaker].start;
  cl->speaker_end = tx->words.v[speaker].end;
  return 1;
}

/* The words of a speaker's phrase that no entity covers: a name is its
** words (the head and its flat parts: "Angel Sarmiento", not the apposition
** after it); a relative pronoun is the noun its clause modifies ("a
** confession that said ..."); else the whole phrase. */
static void speaker_span(const lb_text *tx, int32_t w, int32_t cue, int conj_apart, uint32_t *s,
                         uint32_t *e) {
  const lb_word *x = &tx->words.v[w];
  if (lb_ufeat_get(x->feats, LB_UF_PRONTYPE) == LB_PRONTYPE_REL) {
    int32_t cl = lb_tree_clause(tx, x->head >= 0 ? x->head : w);
    if (cl >= 0 && lb_tree_rel(&tx->words.v[cl], "acl") && tx->words.v[cl].head >= 0) {
      w = tx->words.v[cl].head;
      x = &tx->words.v[w];
      *s = x->start;
      *e = x->end;
      return;
    }
  }
  if (x->upos == LB_UPOS_PROPN) {
    *s = x->start;
    *e = x->end;
    for (int32_t k = x->kid; k >= 0; k = tx->words.v[k].sib)
      if (lb_tree_rel(&tx->words.v[k], "flat")) {
        if (tx->words.v[k].start < *s) *s = tx->words.v[k].start;
        if (tx->words.v[k].end > *e) *e = tx->words.v[k].end;
      }
    return;
  }
  /* the noun phrase: the head and its dependents that are no clauses
  ** ("aktuelle Aufnahmen und Geheimdiensterkenntnisse", not the "dass"
  ** clause the parser hung on it), never the cue */
  *s = x->start;
  *e = x->end;
  for (int32_t k = x->kid; k >= 0; k = tx->words.v[k].sib) {
    const lb_word *y = &tx->words.v[k];
    if (lb_tree_clausal(tx, k) || lb_tree_rel(y, "punct") || lb_tree_rel(y, "parataxis") ||
        lb_tree_rel(y, "case") || (conj_apart && (lb_tree_rel(y, "conj") || lb_tree_rel(y, "cc"))) ||
        (cue >= 0 && lb_tree_dominates(tx, k, cue)))
      continue;
    uint32_t ys, ye;
    lb_tree_span(tx, k, &ys, &ye);
    /* not leftwards across a comma ("within the state, medical officials
    ** report": "state" is no part of the speaker, whatever the parser hung
    ** it on) */
    int comma = 0;
    for (int32_t j = k + 1; k < w && j < w && !comma; j++)
      comma = is_comma(&tx->words.v[j]) && tx->words.v[j].start >= ye;
    if (comma) continue;
    if (ys < *s) *s = ys;
    if (ye > *e) *e = ye;
  }
}

/* Is byte p of the text the start of a quotation mark ("'„“”«»‚‘’)? Its
** length, or 0. */
static int quote_at(const char *t, uint32_t p, uint32_t end) {
  const unsigned char *u = (const unsigned char *)t + p;
  if (*u == '"' || *u == '\'') return 1;
  if (p + 2 <= end && u[0] == 0xC2 && (u[1] == 0xAB || u[1] == 0xBB)) return 2;
  if (p + 3 <= end && u[0] == 0xE2 && u[1] == 0x80 && u[2] >= 0x98 && u[2] <= 0x9E) return 3;
  return 0;
}

/* Is word k a dateline's dash: one to three capitalised words open its
** sentence before it ("Abuja – Bei einem Anschlag ...")? */
static int dateline_dash(const lb_text *tx, size_t k) {
  const lb_sent *st = &tx->sents.v[tx->words.v[k].sent];
  if (k <= st->word0 || k > st->word0 + 3) return 0;
  for (size_t i = st->word0; i < k; i++)
    if (!(tx->toks.v[tx->words.v[i].tok].flags & LB_TF_CAP)) return 0;
  return 1;
}

/* What is claimed ends where the writer takes over: before a dash or a
** semicolon, or a comma that opens a clause with a word of table rcue,
** kind "cut" ("..., was die Intensität ...", "..., which ..."); and it has
** no quotation marks, spaces or final punctuation at its edges. */
static void trim_claim(const ctx *c, uint32_t *cs, uint32_t *ce, int after_cue) {
  const lb_text *tx = c->tx;
  const char *t = tx->text;
  size_t lo = 0, hi = tx->words.n; /* the first word at or after cs */
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (tx->words.v[mid].start < *cs) lo = mid + 1;
    else hi = mid;
  }
  for (size_t k = lo; k < tx->words.n && tx->words.v[k].end <= *ce; k++) {
    const lb_word *w = &tx->words.v[k];
    if (w->start == *cs) continue;
    /* a dash between words ("– eine besorgniserregende Entwicklung"), not a
    ** hyphen ("Spitals- zum"), not a dateline's ("Abuja – Bei ...") */
    int dash = tx->toks.v[w->tok].kind == LB_TOK_DASH && w->start > 0 && t[w->start - 1] == ' ' &&
               w->end < tx->len && t[w->end] == ' ';
    if (dash && dateline_dash(tx, k)) {
      *cs = w->end; /* what is claimed begins after the dateline */
      continue;
    }
    /* what is quoted before its cue is the speaker's to the end */
    int cut = after_cue && (dash || (w->formlen == 1 && w->form[0] == ';'));
    if (!cut && after_cue && is_comma(w) && k + 1 < tx->words.n) {
      const lb_word *x = &tx->words.v[k + 1];
      lb_lex_rec q;
      cut = x->lemma && lookup(c, c->t_rcue, x->lemma, strlen(x->lemma), &q) &&
            lb_lex_field_is(&q, 1, "cut");
      /* only a clause on the clause ("..., was zeigt"), not one on a noun
      ** ("the package, which contained ...") */
      if (cut && !lb_lex_field_is(&q, 3, "any")) {
        int32_t cl = lb_tree_clause(tx, x->head >= 0 ? x->head : (int32_t)k + 1);
        int32_t hw = cl >= 0 ? tx->words.v[cl].head : -1;
        cut = hw >= 0 && tx->words.v[hw].upos != LB_UPOS_NOUN && tx->words.v[hw].upos != LB_UPOS_PROPN &&
              tx->words.v[hw].upos != LB_UPOS_PRON;
      }
    }
    /* (not a dash that opens an insertion another one closes: "say that the
    ** inciting offense — Trump's attempt to ... — was wrong") */
    if (cut && dash) {
      size_t j = k + 1;
      while (j < tx->words.n && tx->words.v[j].end <= *ce &&
             !(tx->toks.v[tx->words.v[j].tok].kind == LB_TOK_DASH && t[tx->words.v[j].start - 1] == ' '))
        j++;
      /* (and the clause goes on after it with a verb: a team's line-up
      ** "Cillessen – Tete, Veltman, Riedewald – Blind" has none) */
      int verb = 0;
      for (size_t m = j + 1; m < tx->words.n && tx->words.v[m].end <= *ce && !verb; m++)
        verb = tx->words.v[m].upos == LB_UPOS_VERB || tx->words.v[m].upos == LB_UPOS_AUX;
      if (j < tx->words.n && tx->words.v[j].end < *ce && verb) {
        k = j;
        continue;
      }
    }
    if (cut) {
      *ce = w->start;
      break;
    }
  }
  for (int moved = 1; moved && *cs < *ce;) {
    int q = quote_at(t, *cs, *ce);
    moved = q || strchr(" \t\n,;:", t[*cs]) != NULL;
    *cs += q ? (uint32_t)q : (uint32_t)moved;
  }
  for (int moved = 1; moved && *ce > *cs;) {
    uint32_t q = 0;
    for (uint32_t n = 1; n <= 3 && n <= *ce - *cs && !q; n++)
      if (quote_at(t, *ce - n, *ce) == (int)n) q = n;
    moved = q || strchr(" \t\n,;:.!?(", t[*ce - 1]) != NULL; /* ("... worden (Blick.ch berichtete)") */
    *ce -= q ? q : (uint32_t)moved;
  }
}

static lb_claim *add_claim(ctx *c, const char *verb, const char *rule, int32_t cue, int32_t speaker,
                           uint32_t cs, uint32_t ce) {
  lb_doc *d = c->d;
  const lb_text *tx = c->tx;
  trim_claim(c, &cs, &ce, cs >= tx->words.v[cue].end);
  if (ce <= cs) return NULL;
  /* one word that is a pronoun, a name, a verb or an adverb says nothing
  ** ("wies das zurück"; ", berichtet Heise" with "Heise" read as the
  ** object; "Natürlich:") */
  int32_t one = lb_text_word_at(tx, cs);
  if (one >= 0 && tx->words.v[one].end == ce) {
    int u = tx->words.v[one].upos;
    if (u == LB_UPOS_PRON || u == LB_UPOS_PROPN || u == LB_UPOS_VERB || u == LB_UPOS_AUX || u == LB_UPOS_ADV ||
        u == LB_UPOS_DET)
      return NULL;
  }
  /* nor a few words without a noun, adjective, number or verb ("Genau
  ** dies", "das auch") */
  if (one >= 0) {
    int content = 0, nw = 0;
    for (int32_t k = one; k < (int32_t)tx->words.n && tx->words.v[k].end <= ce && !content && nw < 4; k++, nw++) {
      int u = tx->words.v[k].upos;
      content = u == LB_UPOS_NOUN || u == LB_UPOS_PROPN || u == LB_UPOS_VERB || u == LB_UPOS_ADJ ||
                u == LB_UPOS_NUM || u == LB_UPOS_AUX;
    }
    if (!content && nw < 4) return NULL;
  }
  /* nor as a reflexive pronoun ("äußerten sich kritisch"): the parser
  ** misread the clause */
  if (speaker >= 0 && tx->words.v[speaker].upos == LB_UPOS_PRON &&
      lb_ufeat_get(tx->words.v[speaker].feats, LB_UF_REFLEX))
    return NULL;
  lb_claim *cl = LB_VEC_PUSH(tx->arena, d->claims);
  cl->verb = verb;
  cl->rule = rule;
  cl->start = cs;
  cl->end = ce;
  cl->cue_start = tx->words.v[cue].start;
  cl->cue_end = tx->words.v[cue].end;
  int32_t prt = lb_tree_child(tx, cue, "compound:prt"); /* "wies ... hin" */
  if (prt > cue) cl->cue_end = tx->words.v[prt].end;
  cl->sentence = (int32_t)tx->words.v[cue].sent;
  /* no one speaks as a date ("nach Angaben vom Mittwoch") */
  if (speaker >= 0 && c->dateword && c->dateword[speaker]) speaker = -1;
  if (speaker >= 0) {
    lb_phrase ph;
    /* a pronoun speaking right after a claim is that claim's speaker, before
    ** any person named in between ("The friend said the attacker was a
    ** follower of ... Musa Jibril ... he told the BBC") */
    int found = lb_phrase_find(d, speaker, LB_PH_ANY, &ph);
    const lb_claim *pc = d->claims.n >= 2 ? &d->claims.v[d->claims.n - 2] : NULL;
    if (found && pc && pc->speaker && strcmp(pc->speaker, d->entities.v[ph.ent].id) == 0) {
      /* both say the same: coreference names its rule */
    } else if (previous_speaker(c, cl, speaker))
      found = 0, speaker = -1;
    if (found) {
      const lb_entity *e = &d->entities.v[ph.ent];
      cl->speaker = e->id;
      cl->speaker_via = ph.rule;
      if (ph.men >= 0) {
        cl->speaker_start = e->mentions.v[ph.men].start;
        cl->speaker_end = e->mentions.v[ph.men].end;
      } else {
        cl->speaker_start = tx->words.v[ph.word].start;
        cl->speaker_end = tx->words.v[ph.word].end;
      }
    } else if (speaker >= 0) {
      /* a personal pronoun nothing resolves ("he said", "ich"): the speaker
      ** is not named (the reader cannot tell who either) */
      const lb_word *sw = &tx->words.v[speaker];
      if (sw->upos == LB_UPOS_PRON && lb_ufeat_get(sw->feats, LB_UF_PRONTYPE) == LB_PRONTYPE_PRS)
        return cl;
      speaker_span(tx, speaker, cue, c->conj_apart, &cl->speaker_start, &cl->speaker_end);
      cl->speaker_text =
          lb_arena_strndup(tx->arena, tx->text + cl->speaker_start, cl->speaker_end - cl->speaker_start);
    }
  }
  return cl;
}

/* Is word h inside the entity mention ph names (the word itself, not a
** phrase around a name: "Der Trump-Faktor" is no name)? */
static int names_word(const ctx *c, int32_t h, const lb_phrase *ph) {
  if (ph->ent < 0 || ph->men < 0) return 0;
  const lb_mention *m = &c->d->entities.v[ph->ent].mentions.v[ph->men];
  const lb_word *w = &c->tx->words.v[h];
  return m->start <= w->start && w->end <= m->end;
}

/* add_claim once for each of coordinated speakers ("nach Angaben von Armee
** und Sanitätern"; with names only, "both Vindman and Williams told
** lawmakers that ...", while "aktuelle Aufnahmen und
** Geheimdiensterkenntnisse bestätigen" is one speaker): the first claim, or
** NULL. */
static lb_claim *add_claim_each(ctx *c, const char *verb, const char *rule, int32_t cue, int32_t speaker,
                                uint32_t cs, uint32_t ce, int names) {
  const lb_text *tx = c->tx;
  int apart = c->conj_apart;
  if (names && speaker >= 0) {
    /* every conjunct a name of its own */
    lb_phrase ph;
    int ents = 1, props = 1;
    for (int32_t k = speaker, prev = speaker; k >= 0 && (ents || props);
         prev = k, k = lb_tree_next(tx, speaker, k == speaker ? -1 : k, "conj")) {
      ents = ents && lb_phrase_find(c->d, k, LB_PH_ANY, &ph) && ph.men >= 0 && names_word(c, k, &ph);
      /* (or names the lexicon lacks, each right after the one before:
      ** "Vindman and Williams"; not "Jeff Sanborn, president of Chapter &
      ** Verse", not "Konzernchef Tim Cook ...: ... für mich, Google") */
      props = props && tx->words.v[k].upos == LB_UPOS_PROPN && lb_tree_child(tx, k, "det") < 0 &&
              (k == speaker || (k > prev && k - prev <= 3 && !is_comma(&tx->words.v[k - 1]) &&
                                !is_comma(&tx->words.v[prev + 1])));
    }
    names = ents || props;
    if (!names) return add_claim(c, verb, rule, cue, speaker, cs, ce);
  }
  c->conj_apart = 1;
  lb_claim *cl = add_claim(c, verb, rule, cue, speaker, cs, ce);
  size_t first = cl ? (size_t)(cl - c->d->claims.v) : 0;
  for (int32_t k = cl && speaker >= 0 ? tx->words.v[speaker].kid : -1; k >= 0; k = tx->words.v[k].sib) {
    const lb_word *y = &tx->words.v[k];
    if (lb_tree_rel(y, "conj") && (y->upos == LB_UPOS_NOUN || y->upos == LB_UPOS_PROPN))
      add_claim(c, verb, rule, cue, k, cs, ce);
  }
  c->conj_apart = apart;
  return cl ? &c->d->claims.v[first] : NULL;
}

/* Is verb v passive: a passive auxiliary, or a passive subject without
** the perfect's auxiliary (table mood, class perfect: "Die Armee hatte
** mitgeteilt" is active whatever the parser called its subject)? */
static int passive(const ctx *c, int32_t v) {
  const lb_text *tx = c->tx;
  if (lb_tree_child(tx, v, "aux:pass") >= 0) return 1;
  return lb_tree_child(tx, v, "nsubj:pass") >= 0 && !lb_phrase_perfect(tx, c->t_mood, v);
}

/* A clause the parser did not make verb v's complement: after a comma
** right of v, with no verb between them (at most 10 words), that opens
** with a conjunction of kind "that" (table rcue: dass, that) or whose first
** finite verb is in the subjunctive ("sagte Erdogan, er sei offen"); or
** after a colon there, with a finite verb. The clause's first word, or -1. */
static int32_t reported_after(const ctx *c, int32_t v) {
  const lb_text *tx = c->tx;
  const lb_sent *st = &tx->sents.v[tx->words.v[v].sent];
  uint32_t comma = 0, colon = 0;
  for (uint32_t k = (uint32_t)v + 1; k < st->word1 && k <= (uint32_t)v + 10 && !comma && !colon; k++) {
    const lb_word *x = &tx->words.v[k];
    /* "told the media that the latest case is ...", with the clause hung on
    ** "media": the conjunction after whom the speaker tells */
    if (lb_tree_rel(x, "mark") && x->upos == LB_UPOS_SCONJ && cue_kind(c, x, "that")) return (int32_t)k;
    if (is_comma(x)) comma = k;
    else if (x->formlen == 1 && x->form[0] == ':') colon = k;
    else if (x->upos == LB_UPOS_VERB || x->upos == LB_UPOS_AUX || x->upos == LB_UPOS_PUNCT) return -1;
  }
  if (colon) {
    /* "sagte am Sonntag in den Salzburger Nachrichten: Der Bund nimmt ...":
    ** a colon opens what is said, in any mood, when a finite verb follows */
    for (uint32_t k = colon + 1; k < st->word1; k++) {
      const lb_word *x = &tx->words.v[k];
      if ((x->upos == LB_UPOS_VERB || x->upos == LB_UPOS_AUX) &&
          lb_ufeat_get(x->feats, LB_UF_VERBFORM) == LB_VERBFORM_FIN)
        return (int32_t)colon + 1;
    }
    return -1;
  }
  if (!comma || comma + 1 >= st->word1) return -1;
  const lb_word *first = &tx->words.v[comma + 1];
  if (cue_kind(c, first, "that")) return (int32_t)comma + 1;
  for (uint32_t k = comma + 1; k < st->word1; k++) {
    const lb_word *x = &tx->words.v[k];
    if ((x->upos == LB_UPOS_VERB || x->upos == LB_UPOS_AUX) &&
        lb_ufeat_get(x->feats, LB_UF_VERBFORM) == LB_VERBFORM_FIN)
      return lb_ufeat_get(x->feats, LB_UF_MOOD) == LB_MOOD_SUB ? (int32_t)comma + 1 : -1;
  }
  return -1;
}

static int is_comma_or_quote(const lb_word *x) {
  if (x->formlen == 1) return strchr(",\"'", x->form[0]) != NULL;
  /* the typographic quotes: „ “ ” » « (3 or 2 bytes) */
  return (x->formlen == 3 && (unsigned char)x->form[0] == 0xE2 && (unsigned char)x->form[1] == 0x80) ||
         (x->formlen == 2 && (unsigned char)x->form[0] == 0xC2 &&
          ((unsigned char)x->form[1] == 0xBB || (unsigned char)x->form[1] == 0xAB));
}

/* The last closing quote among words (lo, hi], or -1. */
static int32_t close_quote(const lb_text *tx, int32_t hi, int32_t lo) {
  for (int32_t k = hi; k > lo; k--) {
    const lb_tok *q = &tx->toks.v[tx->words.v[k].tok];
    if (q->kind == LB_TOK_QUOTE && (q->flags & LB_TF_CLOSE)) return k;
  }
  return -1;
}

/* Is word s one of the '|'-separated words of list[0..n) (any case)? */
static int in_list(const char *list, int n, const char *s) {
  size_t sl = strlen(s);
  for (const char *p = list, *end = list + n; p < end;) {
    const char *q = memchr(p, '|', (size_t)(end - p));
    if (!q) q = end;
    if ((size_t)(q - p) == sl && strncasecmp(p, s, sl) == 0) return 1;
    p = q + 1;
  }
  return 0;
}

/* "hieß es aus Mahrers Büro", "heißt es in der Begründung": a reporting
** verb whose record r names source prepositions (table rverb, field 6) is
** said by the phrase of one of them, never by its subject ("Ihr Slogan
** heißt ..."), when that is no more than "es"; -2 when there is none (no
** claim). A phrase after v only, with after. Other verbs: speaker. */
static int32_t source_phrase(const ctx *c, int32_t v, const lb_lex_rec *r, int32_t speaker, int after) {
  const lb_text *tx = c->tx;
  const char *srcp;
  int srcn = lb_lex_field(r->val, r->val_len, 6, &srcp);
  if (srcn <= 1) return speaker;
  const lb_word *sw = speaker >= 0 ? &tx->words.v[speaker] : NULL;
  if (sw && !(sw->upos == LB_UPOS_PRON && sw->lemma && strcmp(sw->lemma, "es") == 0)) return -2;
  if (lb_tree_child(tx, v, "csubj") >= 0) return -2; /* "Was ... nennt, heißt ..." */
  for (int32_t k = tx->words.v[v].kid; k >= 0; k = tx->words.v[k].sib) {
    if (after && k < v) continue;
    const char *cs = lb_tree_case(tx, k);
    if (cs && (lb_tree_rel(&tx->words.v[k], "obl") || lb_tree_rel(&tx->words.v[k], "nmod")) &&
        in_list(srcp, srcn, cs))
      return k;
  }
  return -2;
}

/* "„...“, sagte der Minister." and "..., police said." when the parser did
** not hang the verb from the quoted clause: a finite reporting verb with no
** complement of its own right after a comma (and quotes) and followed by
** its subject, or after a comma and a short noun phrase that is its
** subject, reports what comes before the comma; when the sentence goes on
** after the speaker (", sagte er, ..."), the whole sentence. */
static lb_claim *quoted_before(ctx *c, int32_t v, const char *key, const lb_lex_rec *r, const char *rule,
                               int32_t speaker) {
  const lb_text *tx = c->tx;
  const lb_word *w = &tx->words.v[v];
  const lb_sent *st = &tx->sents.v[w->sent];
  int32_t s0 = (int32_t)st->word0;
  /* finite; or a past form the parser read as a reduced relative clause
  ** of the noun before it ("..., provincial police office confirmed.") */
  int fin = lb_ufeat_get(w->feats, LB_UF_VERBFORM) == LB_VERBFORM_FIN ||
            (lb_tree_rel(w, "acl") && w->head == v - 1);
  if (!fin || lb_tree_child(tx, v, "mark") >= 0) return NULL;
  int32_t comma = -1, np = -1, k;
  /* a comma and a noun phrase (determiners, adjectives, nouns) right before v */
  for (k = v - 1; k > s0 && k >= v - 5; k--) {
    const lb_word *y = &tx->words.v[k];
    if (y->upos == LB_UPOS_NOUN || y->upos == LB_UPOS_PROPN) {
      if (np < 0) np = k; /* the phrase's head: its last noun */
    } else if (y->upos != LB_UPOS_DET && y->upos != LB_UPOS_ADJ)
      break;
  }
  if (np >= 0 && k > s0 && is_comma(&tx->words.v[k]) &&
      lb_tree_child(tx, v, "obj") < 0) {
    comma = k;
    speaker = np;
  } else {
    /* a comma (and quotes) right before v; the subject after it */
    for (k = v - 1; k > s0 && is_comma_or_quote(&tx->words.v[k]); k--)
      if (is_comma(&tx->words.v[k])) comma = k;
    if (comma < 0) return NULL;
    speaker = -1;
    for (uint32_t q = (uint32_t)v + 1; q < st->word1 && q <= (uint32_t)v + 4 && speaker < 0; q++) {
      const lb_word *y = &tx->words.v[q];
      /* (not the verb's object: whom it tells, "told the BBC" (table rverb
      ** field 4), or a noun after a verb other than say's kind (field 5),
      ** "claimed responsibility", while "says WHO", "noted Smith" name the
      ** speaker; where nouns have cases the word after the verb is its
      ** subject whatever the parser called it: ", warnt Bruckbauer") */
      if (y->head == v && (lb_tree_rel(y, "obj") || lb_tree_rel(y, "iobj")) && !lb_ufeat_get(y->feats, LB_UF_CASE) &&
          (lb_lex_field_is(r, 4, "addressee") || (!lb_lex_field_is(r, 5, "clause") && y->upos != LB_UPOS_PROPN)))
        break;
      if ((y->upos == LB_UPOS_PROPN || y->upos == LB_UPOS_NOUN || y->upos == LB_UPOS_PRON) &&
          !((lb_tree_rel(y, "nsubj") || lb_tree_rel(y, "nsubj:pass")) && y->head != v))
        speaker = (int32_t)q;
      else if (y->upos != LB_UPOS_DET && y->upos != LB_UPOS_ADJ)
        break;
    }
    /* '"It was an attempt to mislead voters," Will Moy, chief executive of
    ** Full Fact, told the BBC': the first name after the closing quote,
    ** whatever the parser hung it on; what is said ends at the quote */
    int32_t cq = speaker < 0 ? close_quote(tx, comma - 1, comma - 17 > s0 ? comma - 17 : s0) : -1;
    for (int32_t j = cq + 1; cq >= 0 && j < comma && speaker < 0; j++)
      if (tx->words.v[j].upos == LB_UPOS_PROPN && !is_comma_or_quote(&tx->words.v[j])) speaker = j;
    if (cq >= 0 && speaker >= 0) comma = cq;
    speaker = source_phrase(c, v, r, speaker, 1);
    if (speaker < 0) return NULL;
  }
  int32_t b = comma - 1; /* the last word of what is said */
  while (b > s0 && is_comma_or_quote(&tx->words.v[b])) b--;
  if (b <= s0) return NULL;
  uint32_t cs = tx->words.v[s0].start, ce = tx->words.v[b].end;
  /* the sentence goes on after the speaker's phrase: another comma (not
  ** the speaker's apposition: "said Mary E. Lovely, a Syracuse University
  ** economist.") */
  for (uint32_t q = (uint32_t)(speaker > v ? speaker : v) + 1; q + 1 < st->word1; q++)
    if (is_comma(&tx->words.v[q]) &&
        !(speaker > v && lb_tree_dominates(tx, speaker, (int32_t)q + 1))) {
      ce = tx->words.v[st->word1 - 1].end;
      break;
    }
  while (cs < ce && strchr(" \"'", tx->text[cs])) cs++;
  while (ce > cs && strchr(" .!?\"'\n", tx->text[ce - 1])) ce--;
  return add_claim(c, key, rule, v, speaker, cs, ce);
}

/* The content noun phrase of reporting verb v (record r says "np"): its
** object, else a prepositional phrase (obl or obj) whose case word is
** one of field 3's ("von|über"); -1 when none. speaker: the subject found, or -1. */
static int32_t content_np(const ctx *c, int32_t v, const lb_lex_rec *r, int32_t speaker) {
  const lb_text *tx = c->tx;
  int32_t o = lb_tree_child(tx, v, "obj");
  /* a reflexive pronoun is no content: "äußerten sich"; nor whom one
  ** warns (table rverb, field 4 "addressee": "warned police") */
  if (o >= 0 && lb_tree_case(tx, o) == NULL && !lb_lex_field_is(r, 4, "addressee") &&
      !(tx->words.v[o].upos == LB_UPOS_PRON && lb_ufeat_get(tx->words.v[o].feats, LB_UF_REFLEX)))
    return o;
  /* "reported hearing bangs and gunshots": a gerund after the verb */
  int32_t g = lb_tree_child(tx, v, "xcomp");
  if (o < 0 && g > v && lb_ufeat_get(tx->words.v[g].feats, LB_UF_VERBFORM) == LB_VERBFORM_GER) return g;
  const char *cases;
  int n = lb_lex_field(r->val, r->val_len, 3, &cases);
  if (n <= 0) return -1;
  /* the case phrase on the verb, or on whom one warns ("warned the police
  ** of their fears" with "of" on "police") */
  int32_t on[2] = {v, o >= 0 && lb_lex_field_is(r, 4, "addressee") ? o : -1};
  for (int i = 0; i < 2 && on[i] >= 0; i++)
    for (int32_t k = tx->words.v[on[i]].kid; k >= 0; k = tx->words.v[k].sib) {
      const lb_word *x = &tx->words.v[k];
      const char *cs = lb_tree_case(tx, k);
      /* (after the verb; before it, too, when the verb closes a German
      ** clause as a participle or infinitive and its subject is the
      ** speaker: "Die Behörden haben von konkreten Anschlagsplänen
      ** gesprochen") */
      int vf = lb_ufeat_get(tx->words.v[v].feats, LB_UF_VERBFORM);
      int before_ok = i == 0 && speaker >= 0 && speaker < k && strcmp(c->lang, "de") == 0 &&
                      (vf == LB_VERBFORM_PART || vf == LB_VERBFORM_INF);
      if (!cs || (k < v && !before_ok) ||
          !(i ? lb_tree_rel(x, "nmod") : lb_tree_rel(x, "obl") || lb_tree_rel(x, "obj")))
        continue;
      if (in_list(cases, n, cs)) return k;
    }
  return -1;
}

/* The complement clause of verb v, or -1: a ccomp that is a clause (a verb,
** or a predicate with a subject, copula, auxiliary or conjunction of its
** own). "sagt Yanis Varoufakis ein wenig kokett" has "kokett" as the
** parser's ccomp: a manner, not what is said. */
static int32_t clausal_comp(const lb_text *tx, int32_t v) {
  int32_t k = lb_tree_child(tx, v, "ccomp");
  if (k < 0) return -1;
  const lb_word *x = &tx->words.v[k];
  if (x->upos == LB_UPOS_VERB || x->upos == LB_UPOS_AUX) return k;
  static const char *const own[] = {"nsubj", "cop", "aux", "mark", "expl"};
  for (size_t i = 0; i < sizeof own / sizeof *own; i++)
    if (lb_tree_child(tx, k, own[i]) >= 0) return k;
  return -1;
}

/* Has noun k an article with a case ("der Guardian": names have none)? */
static int case_det(const lb_text *tx, int32_t k) {
  int32_t d = lb_tree_child(tx, k, "det");
  return d >= 0 && lb_ufeat_get(tx->words.v[d].feats, LB_UF_CASE) != 0;
}

/* "Das teilte das Innenministerium am Montag mit.", "Dies bestätigte ein
** Sprecher der Polizei.": a demonstrative pronoun opening the sentence on
** reporting verb v, as its object (or, misread, its subject), stands for the
** sentence before, which is what is said; the verb's other subject or
** object noun speaks. NULL when the sentence is not so. */
static lb_claim *before_claim(ctx *c, int32_t v, const char *key) {
  const lb_text *tx = c->tx;
  const lb_word *w = &tx->words.v[v];
  const lb_sent *st = &tx->sents.v[w->sent];
  if (w->sent == 0 || st->word0 >= st->word1) return NULL;
  const lb_word *pw = &tx->words.v[st->word0];
  /* (a pronoun, or the determiner the tagger may call "Dies"; the verb
  ** right after it: "Das, verspricht Cook, werde sich ändern" reports its
  ** own sentence) */
  if (pw->head != v || (int32_t)st->word0 + 1 != v || !(pw->upos == LB_UPOS_PRON || pw->upos == LB_UPOS_DET) ||
      lb_ufeat_get(pw->feats, LB_UF_PRONTYPE) != LB_PRONTYPE_DEM ||
      !(lb_tree_rel(pw, "obj") || lb_tree_rel(pw, "nsubj")) || lb_tree_child(tx, v, "ccomp") >= 0)
    return NULL;
  /* the subject after the verb; an object only when the pronoun took the
  ** subject's place in a language whose nouns have cases, where the word
  ** order says nothing ("Dies bestätigte ein Sprecher", "Das teilte das
  ** Ministerium mit", whatever case the tagger gave; not "That promises 355
  ** horsepower") */
  int32_t sp = -1;
  for (int32_t k = w->kid; k >= 0; k = tx->words.v[k].sib) {
    const lb_word *x = &tx->words.v[k];
    if (k != (int32_t)st->word0 && k > v && (x->upos == LB_UPOS_NOUN || x->upos == LB_UPOS_PROPN) &&
        (lb_tree_rel(x, "nsubj") || (lb_tree_rel(x, "obj") && sp < 0 && lb_tree_rel(pw, "nsubj") &&
                                     (lb_ufeat_get(x->feats, LB_UF_CASE) || case_det(tx, k)))))
      sp = k;
  }
  if (sp < 0) return NULL;
  const lb_sent *prev = &tx->sents.v[w->sent - 1];
  const char *rule = lb_arena_printf(tx->arena, "claim:%s:before:%s", c->lang, key);
  return add_claim_each(c, key, rule, v, sp, prev->start, prev->end, 1);
}

/* Reporting verb v closes its sentence: what the words from the sentence's
** start to word last say, by speaker, into *cl (NULL when add_claim_each
** refuses it). 0 when nothing is left of those words. */
static int head_claim(ctx *c, const char *key, const char *rule, int32_t v, int32_t speaker, int32_t last,
                      lb_claim **cl) {
  const lb_text *tx = c->tx;
  uint32_t cs = tx->words.v[tx->sents.v[tx->words.v[v].sent].word0].start, ce = tx->words.v[last].end;
  trim_claim(c, &cs, &ce, 0);
  if (ce <= cs) return 0;
  *cl = add_claim_each(c, key, rule, v, speaker, cs, ce, 1);
  return 1;
}

/* A reporting verb at v: its claim, or none. */
static lb_claim *verb_claim(ctx *c, int32_t v) {
  const lb_text *tx = c->tx;
  const lb_word *w = &tx->words.v[v];
  if (w->upos != LB_UPOS_VERB || !w->lemma) return NULL;
  const char *key = verb_key(c, v);
  lb_lex_rec r;
  if (!lookup(c, c->t_rverb, key, strlen(key), &r)) return NULL;
  lb_claim *bc = before_claim(c, v, key);
  if (bc) return bc;
  int32_t speaker = -1, ws[4];
  int32_t as = -1; /* "wie X mitteilte", "as X said": the conjunction */
  for (int32_t k = w->kid; k >= 0 && as < 0; k = tx->words.v[k].sib) {
    const lb_word *x = &tx->words.v[k];
    if ((lb_tree_rel(x, "mark") || lb_tree_rel(x, "advmod")) && k < v && cue_kind(c, x, "as")) as = k;
  }
  int n = passive(c, v) ? 0 : 1;
  if (!n) {
    /* the agent of a passive, when one is named */
    for (int32_t k = w->kid; k >= 0 && speaker < 0; k = tx->words.v[k].sib) {
      const lb_word *x = &tx->words.v[k];
      const char *cs = lb_tree_case(tx, k);
      if (lb_tree_rel(x, "obl:agent") ||
          (lb_tree_rel(x, "obl") && cs && (strcmp(cs, "von") == 0 || strcmp(cs, "by") == 0)))
        speaker = k;
    }
  } else {
    /* the subject; active with a subject the parser called passive
    ** ("hatte mitgeteilt"); in a "wie" clause one inside it ("die Standorte
    ** in Bayern, wie der Konzern mitteilte" with two subjects) */
    for (int32_t k = w->kid; k >= 0; k = tx->words.v[k].sib)
      if (lb_tree_rel(&tx->words.v[k], "nsubj") && k > as &&
          (speaker < 0 || lb_tree_rel(&tx->words.v[speaker], "nsubj:pass") ||
           /* of two subjects the one in the nominative ("Demnach gab ein
           ** Viertel der Iraker an" with "Demnach" a name to the tagger) */
           (lb_ufeat_get(tx->words.v[speaker].feats, LB_UF_CASE) != LB_CASE_NOM &&
            lb_ufeat_get(tx->words.v[k].feats, LB_UF_CASE) == LB_CASE_NOM)))
        speaker = k;
    /* a verb is no speaker ("Bezogen auf das Aktenstudium
    ** meinte Pilgermaier": the parser's subject is the participle); a name
    ** right after the verb, the parser's object, is the inverted subject
    ** of a verb that names no addressee (table rverb, field 4) */
    if (speaker >= 0 && tx->words.v[speaker].upos == LB_UPOS_VERB) {
      speaker = -1;
      const char *ad;
      if (v + 1 < (int32_t)tx->words.n && tx->words.v[v + 1].head == v &&
          tx->words.v[v + 1].upos == LB_UPOS_PROPN && lb_tree_rel(&tx->words.v[v + 1], "obj") &&
          lb_lex_field(r.val, r.val_len, 4, &ad) <= 1)
        speaker = v + 1;
    }
    /* the second of two coordinated verbs shares the first one's subject
    ** ("hatten ... Kriket festgenommen und von konkreten Anschlagsplänen
    ** gesprochen") */
    int32_t h = w->head;
    /* (not one inside what is reported: "said it viewed ... and said ..."
    ** with the second "said" hung on "viewed") */
    /* (a reporting verb closing a quotation may share its subject: "...,
    ** meinte Schieder, betonte aber gleichzeitig: ...") */
    const lb_word *hw = h >= 0 ? &tx->words.v[h] : NULL;
    const char *hk = hw && hw->upos == LB_UPOS_VERB && hw->lemma ? verb_key(c, h) : NULL;
    lb_lex_rec hr;
    int hrep = hk && lookup(c, c->t_rverb, hk, strlen(hk), &hr);
    if (speaker < 0 && hw && h < v && lb_tree_rel(w, "conj") && !passive(c, h) &&
        !lb_tree_rel(hw, "ccomp") && !lb_tree_rel(hw, "xcomp") && !lb_tree_rel(hw, "csubj") &&
        !lb_tree_rel(hw, "acl") && (!lb_tree_rel(hw, "parataxis") || hrep))
      for (int32_t k = tx->words.v[h].kid; k >= 0 && speaker < 0; k = tx->words.v[k].sib) {
        lb_phrase ph; /* (one that names someone: "Der Kompromiss" says nothing) */
        /* (or the reporting verb's inverted subject the parser made its
        ** object: "meinte Schieder") */
        if ((lb_tree_rel(&tx->words.v[k], "nsubj") || (hrep && k == h + 1 && lb_tree_rel(&tx->words.v[k], "obj"))) &&
            k < v && (lb_phrase_find(c->d, k, LB_PH_ANY, &ph) || tx->words.v[k].upos == LB_UPOS_PROPN))
          speaker = k;
      }
    /* "Russia's foreign ministry said it viewed ... and said it would ...":
    ** a reporting verb with no subject that the parser made a conjunct of
    ** the clause another reporting verb reports shares that verb's subject
    ** (the second "said" is the ministry's, not the first clause's) */
    int32_t g = hw && lb_tree_rel(hw, "ccomp") ? hw->head : -1;
    const char *gk = g >= 0 && g < h && tx->words.v[g].upos == LB_UPOS_VERB && tx->words.v[g].lemma
                         ? verb_key(c, g)
                         : NULL;
    lb_lex_rec gr;
    if (speaker < 0 && gk && h < v && lb_tree_rel(w, "conj") && lookup(c, c->t_rverb, gk, strlen(gk), &gr) &&
        !passive(c, g) && lb_tree_child(tx, v, "nsubj:pass") < 0)
      for (int32_t k = tx->words.v[g].kid; k >= 0 && speaker < 0; k = tx->words.v[k].sib) {
        lb_phrase ph;
        if (lb_tree_rel(&tx->words.v[k], "nsubj") && k < g &&
            (lb_phrase_find(c->d, k, LB_PH_ANY, &ph) || tx->words.v[k].upos == LB_UPOS_PROPN ||
             tx->words.v[k].upos == LB_UPOS_NOUN))
          speaker = k;
      }
  }
  (void)ws;
  /* "Moskau – Außenminister Sergej Lawrow hat erklärt": not the dateline */
  if (speaker >= 0) speaker = lb_phrase_past_dateline(tx, speaker);
  const char *rule = lb_arena_printf(tx->arena, "claim:%s:verb:%s", c->lang, key);
  /* "... verletzt worden (Blick.ch berichtete).": a reporting verb in
  ** brackets that close its sentence says the words before them */
  if (speaker >= 0 && lb_tree_child(tx, v, "ccomp") < 0 && lb_tree_child(tx, v, "obj") < 0) {
    const lb_sent *st = &tx->sents.v[w->sent];
    int32_t o = speaker < v ? speaker : v, cb = v + 1;
    while (o > (int32_t)st->word0 && v - o <= 6 && !is_char(&tx->words.v[o], '(')) o--;
    while ((uint32_t)cb < st->word1 && cb - v <= 3 && !is_char(&tx->words.v[cb], ')')) cb++;
    if (o > (int32_t)st->word0 + 2 && cb - o <= 6 && is_char(&tx->words.v[o], '(') && (uint32_t)cb < st->word1 &&
        closes_sentence(tx, cb)) {
      lb_claim *hc;
      if (head_claim(c, key, rule, v, speaker, o - 1, &hc)) return hc;
    }
  }
  /* "He rented the truck using ... in Redfield, S.D., Elliott said.": a
  ** reporting verb with no subject that closes its sentence right after a
  ** comma and a name says the words before the comma; the name is its
  ** subject, wherever the parser hung it (here on "S.D.") */
  if (speaker < 0 && n) {
    const lb_sent *st = &tx->sents.v[w->sent];
    int32_t k = v - 1;
    while (k > (int32_t)st->word0 && v - k <= 3 && tx->words.v[k].upos == LB_UPOS_PROPN) k--;
    if (k < v - 1 && k > (int32_t)st->word0 + 2 && is_comma(&tx->words.v[k]) && closes_sentence(tx, v) &&
        lb_tree_child(tx, v, "obj") < 0) {
      lb_claim *hc;
      if (head_claim(c, key, rule, v, k + 1, k - 1, &hc)) return hc;
    }
  }
  /* '"Buying rides to the Moon ... is cheaper," NASA's Steve Clarke said':
  ** a subject inside a quotation that closes before the verb is the
  ** quotation's; the speaker is the first nominal after it */
  int32_t cq = speaker >= 0 && speaker < v ? close_quote(tx, v - 1, speaker) : -1;
  if (cq >= 0) {
    /* what is said is the quotation the subject stood in, from its opening
    ** quote, whatever the parser made of it ("Buying rides ..." the subject
    ** of "said"; not a quoted word after the subject: 'rose "slightly"',
    ** 'the ministry said it viewed ... as "another measure contradicting"
    ** ... and said ...', where the subject keeps speaking) */
    int32_t open = -1, depth = 0; /* (a quotation inside: 'said, ‘Oh no,’ ”') */
    for (int32_t j = cq - 1; j >= (int32_t)tx->sents.v[w->sent].word0 && open < 0; j--) {
      const lb_tok *o = &tx->toks.v[tx->words.v[j].tok];
      /* (not a possessive's apostrophe: "partners' landers") */
      if (o->kind != LB_TOK_QUOTE || lb_tree_rel(&tx->words.v[j], "case")) continue;
      if (o->flags & LB_TF_CLOSE) depth++;
      else if ((o->flags & LB_TF_OPEN) && depth-- == 0) open = j;
    }
    if (open >= 0 && open < speaker) {
      int32_t inner = speaker;
      speaker = -1;
      for (int32_t j = cq + 1; j < v && speaker < 0; j++) {
        const lb_word *x = &tx->words.v[j];
        if ((x->upos == LB_UPOS_PROPN || x->upos == LB_UPOS_NOUN || x->upos == LB_UPOS_PRON) &&
            !lb_tree_rel(x, "nmod:poss") && !lb_tree_rel(x, "compound"))
          speaker = j;
      }
      if (speaker >= 0 && open < inner && open + 1 < cq)
        return add_claim_each(c, key, rule, v, speaker, tx->words.v[open + 1].start, tx->words.v[cq - 1].end, 1);
    }
  }
  /* "hieß es aus Mahrers Büro", "heißt es in der Begründung": with no
  ** subject but "es", the phrase of a source preposition (table rverb,
  ** field 6) speaks */
  speaker = source_phrase(c, v, &r, speaker, 0);
  if (speaker == -2) return NULL;
  /* "man sagt", "someone said", "nothing indicates": nobody in particular */
  if (speaker >= 0 && tx->words.v[speaker].upos == LB_UPOS_PRON &&
      (lb_ufeat_get(tx->words.v[speaker].feats, LB_UF_PRONTYPE) == LB_PRONTYPE_IND ||
       lb_ufeat_get(tx->words.v[speaker].feats, LB_UF_PRONTYPE) == LB_PRONTYPE_NEG))
    speaker = -1;
  /* "a memo that indicates ...", "Aktivitäten, die darauf hinweisen, dass
  ** ...": the relative pronoun's antecedent (German "die" reads Dem first:
  ** then right after a comma, the verb closing its clause; ", das berichtet
  ** der Guardian" is none) */
  if (speaker >= 0 && tx->words.v[speaker].upos == LB_UPOS_PRON && lb_tree_rel(w, "acl") && w->head >= 0 &&
      w->head < speaker) {
    int pt = lb_ufeat_get(tx->words.v[speaker].feats, LB_UF_PRONTYPE);
    int rel = pt == LB_PRONTYPE_REL;
    if (pt == LB_PRONTYPE_DEM && speaker > 0 && is_comma(&tx->words.v[speaker - 1])) {
      rel = 1;
      for (int32_t k = w->kid; k >= 0 && rel; k = tx->words.v[k].sib)
        if (k > v && tx->words.v[k].upos != LB_UPOS_PUNCT && !lb_tree_rel(&tx->words.v[k], "ccomp")) rel = 0;
    }
    if (rel) speaker = w->head;
  }
  /* "Macron called the explosion an attack": a verb that names (table
  ** rverb, WHAT "name") claims the name it gives, a noun or adjective
  ** predicate of its object; without one it says nothing ("called on
  ** Muslims to ...", "called him") */
  if (lb_lex_field_is(&r, 2, "name")) {
    int32_t o = lb_tree_child(tx, v, "obj"), x = lb_tree_child(tx, v, "xcomp");
    if (x < 0 && o >= 0) x = lb_tree_child(tx, o, "xcomp");
    /* (or a second object: the parser's reading of "called X Y"; or a
    ** phrase with a case word of field 3: "described the suspect as a
    ** European male") */
    const char *nc;
    int ncn = lb_lex_field(r.val, r.val_len, 3, &nc);
    for (int pass = 0; pass < 2 && x < 0 && o >= 0; pass++)
      for (int32_t k = tx->words.v[pass ? o : v].kid; x < 0 && k >= 0; k = tx->words.v[k].sib) {
        const char *cw = lb_tree_case(tx, k);
        if (k > o && ((!pass && lb_tree_rel(&tx->words.v[k], "obj")) || (ncn > 1 && cw && in_list(nc, ncn, cw))))
          x = k;
      }
    if (o < 0 || x < 0 || x < o ||
        !(tx->words.v[x].upos == LB_UPOS_NOUN || tx->words.v[x].upos == LB_UPOS_ADJ))
      return NULL;
    uint32_t xs, xe;
    lb_tree_span(tx, x, &xs, &xe);
    int32_t xc = lb_tree_child(tx, x, "case"); /* the name, without "as" */
    if (xc >= 0 && tx->words.v[xc].start == xs && xc + 1 <= x) xs = tx->words.v[xc + 1].start;
    return add_claim_each(c, key, rule, v, speaker, xs, xe, 1);
  }
  uint32_t cs, ce;
  /* "„...“, sagte X": the words before, whatever the parser made of them */
  int32_t cc = clausal_comp(tx, v);
  if (v > (int32_t)tx->sents.v[w->sent].word0 && is_comma_or_quote(&tx->words.v[v - 1]) &&
      !(cc > v) && !(speaker >= 0 && speaker < v && strcmp(c->lang, "de") != 0) &&
      reported_after(c, v) < 0) {
    lb_claim *qc = quoted_before(c, v, key, &r, rule, speaker);
    if (qc) return qc;
  }
  /* what is said: the complement, a quote or a reported clause */
  int32_t comp = clausal_comp(tx, v);
  if (comp < 0) comp = lb_tree_child(tx, v, "parataxis");
  if (comp < 0 && lb_tree_child(tx, v, "obj") < 0) {
    /* the parser made the complement a conjunct ("Prosecutors said three
    ** days after the bombing, Tazhayakov ... removed"): a clause after the
    ** verb with a subject of its own and no conjunction of its own is what
    ** is said; "said nothing and left" is coordination */
    for (int32_t k = w->kid; k >= 0 && comp < 0; k = tx->words.v[k].sib) {
      const lb_word *x = &tx->words.v[k];
      if (k > v && lb_tree_rel(x, "conj") && (x->upos == LB_UPOS_VERB || x->upos == LB_UPOS_AUX) &&
          lb_tree_child(tx, k, "cc") < 0 && lb_tree_child(tx, k, "nsubj") >= 0)
        comp = k;
    }
  }
  /* "warf den USA vor, eine Aggression vorzubereiten", "gab bekannt, mit der
  ** Opposition einen Weg zu gehen": an infinitive clause after a comma */
  for (int32_t k = comp < 0 ? w->kid : -1; k >= 0 && comp < 0; k = tx->words.v[k].sib) {
    const lb_word *x = &tx->words.v[k];
    if (k <= v || !(lb_tree_rel(x, "xcomp") || lb_tree_rel(x, "advcl") || lb_tree_rel(x, "ccomp")) ||
        lb_ufeat_get(x->feats, LB_UF_VERBFORM) != LB_VERBFORM_INF || lb_tree_child(tx, k, "nsubj") >= 0)
      continue;
    /* not a purpose ("sagte, um junge Menschen zu ermutigen"): a clause of
    ** the main clause's subject */
    if (lb_phrase_controlled(tx, c->t_mood, k)) continue;
    uint32_t ks, ke;
    lb_tree_span(tx, k, &ks, &ke);
    int32_t first = k;
    while (first > v + 1 && tx->words.v[first - 1].start >= ks) first--;
    if (is_comma_or_quote(&tx->words.v[first - 1])) comp = k;
  }
  if (comp < 0) {
    /* "accused the security services of missing ...": a clause on the verb
    ** or its object opened by a word of kind "of" (table rcue) */
    int32_t obj = lb_tree_child(tx, v, "obj");
    for (int pass = 0; pass < 2 && comp < 0; pass++) {
      int32_t h = pass ? obj : v;
      for (int32_t k = h >= 0 ? tx->words.v[h].kid : -1; k >= 0 && comp < 0; k = tx->words.v[k].sib) {
        const lb_word *x = &tx->words.v[k];
        int32_t mk = lb_tree_child(tx, k, "mark");
        if (k > v && (lb_tree_rel(x, "acl") || lb_tree_rel(x, "advcl")) && mk >= 0 &&
            cue_kind(c, &tx->words.v[mk], "of"))
          comp = k;
      }
    }
  }
  if (comp >= 0) {
    lb_tree_span(tx, comp, &cs, &ce);
    /* what is said before the verb ends before it, whatever the parser hung
    ** after it ("... have seen impacts, too, said Mary E. Lovely, a ...
    ** economist." with the full stop on "seen") */
    if (comp < v && ce > w->start) {
      int32_t b = v - 1;
      while (b > comp && is_comma_or_quote(&tx->words.v[b])) b--;
      ce = tx->words.v[b].end;
    }
    return add_claim_each(c, key, rule, v, speaker, cs, ce, 1);
  }
  /* "announced eight people died": the parser made the clause's subject
  ** the verb's object and its finite verb a clause of the reporting verb;
  ** the object and that verb, side by side, are what is said */
  int32_t obj = lb_tree_child(tx, v, "obj");
  for (int32_t k = obj > v ? w->kid : -1; k >= 0; k = tx->words.v[k].sib) {
    const lb_word *x = &tx->words.v[k];
    if (k < obj || (x->upos != LB_UPOS_VERB && x->upos != LB_UPOS_AUX) ||
        lb_ufeat_get(x->feats, LB_UF_VERBFORM) != LB_VERBFORM_FIN || lb_tree_child(tx, k, "nsubj") >= 0 ||
        lb_tree_child(tx, k, "mark") >= 0 || lb_tree_child(tx, k, "cc") >= 0)
      continue;
    uint32_t os, oe, ks, ke;
    lb_tree_span(tx, obj, &os, &oe);
    lb_tree_span(tx, k, &ks, &ke);
    /* side by side, the verb first in its clause: "people died" */
    int apart = ks != tx->words.v[k].start || oe > ks;
    for (uint32_t b = oe; !apart && b < ks; b++) apart = !strchr(" \t\n", tx->text[b]);
    if (apart) break;
    return add_claim_each(c, key, rule, v, speaker, os, ke, 1);
  }
  /* "said overwhelming demand and a computer-coding glitch led to ...": the
  ** clause's verb hung on the object (or a conjunct of it) as a reduced
  ** relative clause; the object's phrase is what is said, for verbs whose
  ** object is no thing told (table rverb field 5 "clause": say, not "wrote
  ** a short play based on ...") */
  int fin = lb_ufeat_get(w->feats, LB_UF_VERBFORM) == LB_VERBFORM_FIN;
  for (int32_t o = obj > v && fin && lb_lex_field_is(&r, 5, "clause") ? obj : -1, hop = 0; o >= 0 && hop < 4; hop++) {
    int32_t a = lb_tree_child(tx, o, "acl");
    const lb_word *x = a > o ? &tx->words.v[a] : NULL;
    if (x && x->upos == LB_UPOS_VERB && lb_tree_child(tx, a, "mark") < 0 && lb_tree_child(tx, a, "nsubj") < 0 &&
        lb_tree_child(tx, a, "nsubj:pass") < 0 && lb_ufeat_get(x->feats, LB_UF_TENSE) == LB_TENSE_PAST &&
        tx->words.v[a - 1].upos != LB_UPOS_PUNCT) {
      lb_tree_span(tx, obj, &cs, &ce);
      return add_claim_each(c, key, rule, v, speaker, cs, ce, 1);
    }
    o = lb_tree_child(tx, o, "conj");
  }
  /* "„...“, sagte X": the verb hangs from the quoted clause; "wie X
  ** mitteilte, ...": from the clause it reports */
  if (w->head >= 0 && as >= 0 && !lb_tree_rel(w, "acl:relcl")) {
    /* what it reports is the sentence around it, wherever the parser hung
    ** the clause ("Verletzt wurde niemand, wie ein Polizeisprecher
    ** mitteilte" with the clause an acl of "niemand") */
    int32_t top = v;
    for (int guard = 0; tx->words.v[top].head >= 0 && guard < 64; guard++) top = tx->words.v[top].head;
    span_without(tx, top, v, &cs, &ce);
    return add_claim_each(c, key, rule, v, speaker, cs, ce, 1);
  }
  /* (not a clause with its own conjunction: "told the BBC that he warned
  ** police" reports what he did, it is no parenthesis) */
  /* (nor a verb with its own object: "the governor denies these
  ** allegations" after a semicolon says what it denies) */
  if (w->head >= 0 && (lb_tree_rel(w, "parataxis") || lb_tree_rel(w, "ccomp")) && w->head < v &&
      lb_tree_child(tx, v, "mark") < 0 && lb_tree_child(tx, v, "obj") < 0 &&
      lb_tree_child(tx, v, "ccomp") < 0) {
    span_without(tx, w->head, v, &cs, &ce);
    /* the clause ends where another clause set beside it begins ("...,
    ** medical officials report; however, the governor denies ...") */
    for (int32_t k = tx->words.v[w->head].kid; k >= 0; k = tx->words.v[k].sib) {
      uint32_t ks, ke;
      if (k <= v || !lb_tree_rel(&tx->words.v[k], "parataxis")) continue;
      lb_tree_span(tx, k, &ks, &ke);
      if (ks > cs && ks < ce) ce = ks;
    }
    uint32_t vs, ve;
    lb_tree_span(tx, v, &vs, &ve);
    /* the reporting clause now ends it */
    uint32_t gap = ve;
    while (gap < ce && strchr(" ,;:-\n\t\"'", tx->text[gap])) gap++;
    if (gap >= ce && vs > cs) ce = vs;
    while (ce > cs && strchr(" ,;:-\n\t\"'", tx->text[ce - 1])) ce--;
    return add_claim_each(c, key, rule, v, speaker, cs, ce, 1);
  }
  /* "Er begründete den Schritt mit ...": the predicate itself */
  if (lb_lex_field_is(&r, 2, "pred")) {
    span_without(tx, v, speaker, &cs, &ce);
    return add_claim_each(c, key, rule, v, speaker, cs, ce, 1);
  }
  /* the parser missed the complement ("sagte Erdogan, er sei offen ..."
  ** with "offen" an adverb of "sagte") */
  int32_t from = reported_after(c, v);
  if (from < 0 && lb_lex_field_is(&r, 2, "np")) {
    /* "warnte vor einem Bürgerkrieg": a content noun phrase */
    int32_t np = content_np(c, v, &r, speaker);
    if (np < 0) return quoted_before(c, v, key, &r, rule, speaker);
    lb_tree_span(tx, np, &cs, &ce);
    return add_claim_each(c, key, rule, v, speaker, cs, ce, 1);
  }
  if (from < 0) return quoted_before(c, v, key, &r, rule, speaker);
  if (speaker < 0 && n) /* "sagte Erdogan,": the nominal before the comma */
    for (int32_t k = v + 1; k < from && speaker < 0; k++)
      if (tx->words.v[k].upos == LB_UPOS_PROPN || tx->words.v[k].upos == LB_UPOS_NOUN ||
          tx->words.v[k].upos == LB_UPOS_PRON)
        speaker = k;
  const lb_sent *st = &tx->sents.v[w->sent];
  cs = tx->words.v[from].start;
  ce = tx->words.v[st->word1 - 1].end;
  while (ce > cs && strchr(" .!?\"'\n", tx->text[ce - 1])) ce--;
  return add_claim_each(c, key, rule, v, speaker, cs, ce, 1);
}

/* The speaker of a source noun at x ("Angaben der Vereinten Nationen",
** "Angaben von Armee und Sanitätern"): its nmod; else, when the parser hung
** it elsewhere, the first noun or name after x past determiners,
** adjectives and one preposition (at most 4 words); else -1. */
static int32_t noun_source(const ctx *c, int32_t x) {
  const lb_text *tx = c->tx;
  int32_t k = lb_tree_child(tx, x, "nmod");
  if (k >= 0) return k;
  const lb_sent *st = &tx->sents.v[tx->words.v[x].sent];
  int adp = 0;
  for (uint32_t i = (uint32_t)x + 1; i < st->word1 && i <= (uint32_t)x + 4; i++) {
    const lb_word *y = &tx->words.v[i];
    if (y->upos == LB_UPOS_NOUN || y->upos == LB_UPOS_PROPN) return (int32_t)i;
    if (y->upos == LB_UPOS_ADP && !adp++) continue;
    if (y->upos != LB_UPOS_DET && y->upos != LB_UPOS_ADJ) return -1;
  }
  return -1;
}

/* A compound noun whose last part is a source noun of table rcue ("nach
** UNO-Angaben", "nach Armeeangaben"; not one with prepositions of its own,
** field 3: "Opferbilanz"): fills *r and returns the length of the part
** before it in the word as written (the speaker), or 0. */
static uint32_t compound_cue(const ctx *c, const lb_word *w, lb_lex_rec *r, const char **cue) {
  if (w->upos != LB_UPOS_NOUN || !w->lemma) return 0;
  size_t n = strlen(w->lemma);
  for (size_t i = 2; i + 4 <= n && i < w->formlen; i++) {
    const char *rest = w->lemma + i;
    unsigned char b = (unsigned char)rest[0];
    if ((b & 0xC0) == 0x80 || b == '-') continue; /* inside a character; the hyphen itself */
    if (memcmp(w->lemma, w->form, i) != 0) return 0; /* the first part as written */
    /* (not a noun that is a cue only as a whole word, field 4 "whole":
    ** "Opferbilanz" is no tally by the victims) */
    if (lookup(c, c->t_rcue, rest, n - i, r) && lb_lex_field_is(r, 1, "noun") &&
        !lb_lex_field_is(r, 4, "whole")) {
      *cue = rest;
      return (uint32_t)(w->lemma[i - 1] == '-' ? i - 1 : i);
    }
  }
  return 0;
}

/* Does the cue phrase close clause v's words after a comma ("..., according
** to Xinhua.")? */
static int closing_cue(const lb_text *tx, int32_t v, int32_t phrase) {
  uint32_t ps, pe;
  lb_tree_span(tx, phrase, &ps, &pe);
  const lb_sent *st = &tx->sents.v[tx->words.v[v].sent];
  int32_t first = phrase;
  while (first > (int32_t)st->word0 && tx->words.v[first - 1].start >= ps) first--;
  /* (a comma inside a closing quote: 'with "feather-duvet lung," according to') */
  int comma = 0;
  for (int32_t k = first - 1; k >= (int32_t)st->word0 && !comma && is_comma_or_quote(&tx->words.v[k]); k--)
    comma = is_comma(&tx->words.v[k]);
  if (!comma) return 0;
  for (uint32_t k = st->word0; k < st->word1; k++)
    if (tx->words.v[k].start >= pe && tx->words.v[k].upos != LB_UPOS_PUNCT && lb_tree_dominates(tx, v, (int32_t)k))
      return 0;
  return 1;
}

/* A source cue at word x: "laut X", "X zufolge", "according to X", "nach
** Angaben von X" (and "von X und Y": a claim per speaker), "nach
** UNO-Angaben", ", so X". */
static lb_claim *cue_claim(ctx *c, int32_t x) {
  const lb_text *tx = c->tx;
  const lb_word *w = &tx->words.v[x];
  lb_lex_rec r;
  const char *cue = w->lemma;
  uint32_t prefix = 0; /* "UNO-Angaben": the speaker is the word's first part */
  if (!w->lemma) return NULL;
  if (!lookup(c, c->t_rcue, w->lemma, strlen(w->lemma), &r) && !(prefix = compound_cue(c, w, &r, &cue)))
    return NULL;
  const char *rule = lb_arena_printf(tx->arena, "claim:%s:cue:%s", c->lang, cue);
  /* "according to": the cue's words, as the text writes them */
  const char *verb = cue;
  int32_t fx = lb_tree_child(tx, x, "fixed");
  if (fx > x && tx->words.v[fx].lemma)
    verb = lb_arena_printf(tx->arena, "%.*s %s", (int)w->formlen, w->form, tx->words.v[fx].lemma);
  int32_t speaker = -1, phrase = -1;
  if (lb_lex_field_is(&r, 1, "case") && lb_lex_field_is(&r, 3, "post")) {
    /* "den Medien zufolge": the noun right before the cue, whatever the
    ** parser hung the cue on */
    const lb_sent *st = &tx->sents.v[w->sent];
    if ((uint32_t)x <= st->word0) return NULL;
    const lb_word *p = &tx->words.v[x - 1];
    if (p->upos != LB_UPOS_NOUN && p->upos != LB_UPOS_PROPN) return NULL;
    speaker = phrase = x - 1;
    /* "Angaben der Armee zufolge": a source noun names the speaker, if it
    ** has one ("Berichten zufolge": the noun itself) */
    int32_t ns = cue_kind(c, p, "noun") ? noun_source(c, x - 1) : -1;
    if (ns >= 0) speaker = ns;
  } else if (lb_lex_field_is(&r, 1, "case")) {
    /* "According to the Venezuelan newspaper El Nacional, the crisis
    ** arose ...": a cue opening the sentence names the speaker up to the
    ** first comma and reports the rest, whatever the parser made of it */
    const lb_sent *st = &tx->sents.v[w->sent];
    int32_t m = -1, h = -1;
    for (uint32_t k = (uint32_t)x + 1; x == (int32_t)st->word0 && k < st->word1 && k < (uint32_t)x + 12; k++) {
      const lb_word *y = &tx->words.v[k];
      if (is_comma(y)) {
        m = (int32_t)k;
        break;
      }
      if (y->upos == LB_UPOS_VERB || y->upos == LB_UPOS_AUX) break;
      if (lb_tree_rel(y, "fixed") || y->upos == LB_UPOS_PUNCT) continue;
      if (h < 0 || !lb_tree_dominates(tx, h, (int32_t)k)) h = (int32_t)k;
    }
    for (int32_t k = x + 1; m > 0 && h >= 0 && k < m; k++)
      if (lb_tree_dominates(tx, k, h) && !lb_tree_rel(&tx->words.v[k], "fixed")) h = k;
    /* (only where the parser's reading is broken: its clause inside the
    ** speaker's words; "According to the study, published in ..., the man
    ** had" is read right) */
    int32_t pc = lb_tree_rel(w, "case") && w->head >= 0 ? lb_tree_clause(tx, w->head) : -1;
    int broken = pc < 0 || pc == w->head || (pc > x && pc < m);
    if (broken && m > 0 && h >= 0 && (uint32_t)m + 1 < st->word1) {
      uint32_t cs = tx->words.v[m + 1].start, ce = tx->words.v[st->word1 - 1].end;
      while (ce > cs && strchr(" .!?\"'\n", tx->text[ce - 1])) ce--;
      return add_claim_each(c, verb, rule, x, h, cs, ce, 0);
    }
    if (!lb_tree_rel(w, "case") || w->head < 0) return NULL;
    speaker = phrase = w->head;
    /* field 3 "named": a name or a phrase with its article ("per the
    ** report", "per Reuters"), not a unit ("$55 per barrel") */
    const lb_word *hw = &tx->words.v[speaker];
    if (lb_lex_field_is(&r, 3, "named") && hw->upos != LB_UPOS_PROPN && lb_tree_child(tx, speaker, "det") < 0)
      return NULL;
    /* "laut Angaben der Armee", "laut Medienberichten", "according to a
    ** report by the BBC": the source noun names the speaker in its own
    ** attribute or first part, and makes the claim itself (cue_claim at it) */
    lb_lex_rec nr;
    const char *ncue;
    if (hw->upos == LB_UPOS_NOUN && hw->lemma &&
        ((cue_kind(c, hw, "noun") && lb_tree_child(tx, speaker, "nmod") >= 0) || compound_cue(c, hw, &nr, &ncue)))
      return NULL;
  } else if (lb_lex_field_is(&r, 1, "noun")) {
    if (w->upos != LB_UPOS_NOUN) return NULL;
    /* "nach Angaben": its preposition (the parser's, or the word before);
    ** one of field 3's when it names some ("nach Ermittlungen der Polizei",
    ** not "bei Ermittlungen") */
    int32_t cw = lb_tree_child(tx, x, "case");
    if (cw < 0 && x > 0 && tx->words.v[x - 1].sent == w->sent && tx->words.v[x - 1].upos == LB_UPOS_ADP) cw = x - 1;
    if (cw < 0) return NULL;
    const char *preps;
    int np = lb_lex_field(r.val, r.val_len, 3, &preps);
    if (np > 1 && !(tx->words.v[cw].lemma && in_list(preps, np, tx->words.v[cw].lemma))) return NULL;
    speaker = prefix ? -1 : noun_source(c, x);
    if (speaker < 0 && !prefix) return NULL;
    phrase = x;
  } else if (lb_lex_field_is(&r, 1, "so")) {
    /* ", so X" closing the sentence: X is what follows */
    const lb_sent *st = &tx->sents.v[w->sent];
    if ((uint32_t)x <= st->word0 || tx->words.v[x - 1].formlen != 1 || tx->words.v[x - 1].form[0] != ',')
      return NULL;
    int32_t h = -1;
    for (uint32_t k = (uint32_t)x + 1; k < st->word1; k++) {
      const lb_word *y = &tx->words.v[k];
      if (y->upos == LB_UPOS_PUNCT) continue;
      if (y->upos == LB_UPOS_VERB || y->upos == LB_UPOS_AUX) return NULL;
      if (h < 0 || !lb_tree_dominates(tx, h, (int32_t)k)) h = (int32_t)k;
    }
    /* the head of the words after "so": the one none of the others dominates */
    for (uint32_t k = (uint32_t)x + 1; h >= 0 && k < st->word1; k++)
      if (lb_tree_dominates(tx, (int32_t)k, h) && tx->words.v[k].upos != LB_UPOS_PUNCT) h = (int32_t)k;
    if (h < 0) return NULL;
    /* a name, an actor, or any noun ("so der Landeshauptmann": a role the
    ** lexicon does not list); the cue itself says it is a speaker */
    lb_phrase ph;
    if (!lb_phrase_find(c->d, h, LB_PH_ANY, &ph) && tx->words.v[h].upos != LB_UPOS_NOUN &&
        tx->words.v[h].upos != LB_UPOS_PROPN)
      return NULL;
    uint32_t cs = tx->words.v[st->word0].start, ce = tx->words.v[x - 1].start;
    while (ce > cs && strchr(" \"'", tx->text[ce - 1])) ce--;
    return add_claim(c, verb, rule, x, h, cs, ce);
  } else
    return NULL; /* "as": read by verb_claim */
  int32_t clause = lb_tree_clause(tx, phrase);
  if (clause == phrase) return NULL;
  /* a source cue speaks for the clause it stands in up to the main clause:
  ** the parser's attachment to a participle or adverbial clause ("...
  ** killed in IS attacks, prompting Russian airstrikes, according to the
  ** Observatory"; "Among the measures being recommended ..., according to
  ** officials, is ...") is not its scope; a reported clause (ccomp) is */
  for (int guard = 0; guard < 64; guard++) {
    const lb_word *cw = &tx->words.v[clause];
    /* (and a cue after the last of coordinated verbs speaks for them all:
    ** "hunted and ate a wild rabbit on Nov. 5, according to Xinhua") */
    if (cw->head >= 0 && lb_tree_rel(cw, "conj") && cw->head < clause && phrase > clause &&
        (cw->upos == LB_UPOS_VERB || cw->upos == LB_UPOS_AUX) && lb_tree_child(tx, clause, "nsubj") < 0 &&
        closing_cue(tx, clause, phrase)) {
      clause = cw->head;
      continue;
    }
    if (cw->head < 0 || !(lb_tree_rel(cw, "advcl") || lb_tree_rel(cw, "acl"))) break;
    int32_t up = lb_tree_clause(tx, cw->head);
    if (up < 0 || up == clause) break;
    clause = up;
  }
  uint32_t cs, ce;
  span_without(tx, clause, phrase, &cs, &ce);
  if (prefix) {
    lb_claim *cl = add_claim(c, verb, rule, x, -1, cs, ce);
    if (cl) {
      cl->speaker_start = w->start;
      cl->speaker_end = w->start + prefix;
      cl->speaker_text = lb_arena_strndup(tx->arena, w->form, prefix);
    }
    return cl;
  }
  /* "nach Angaben von Armee und Sanitätern": each says it */
  return add_claim_each(c, verb, rule, x, speaker, cs, ce, 0);
}

/* "NGO: 198 Zivilisten getötet", "Kreml: Keine Gespräche": a sentence that
** opens with a name and a colon is what that name says (a headline or a
** quotation's lead); "Ins selbe Horn stößt auch Ministerin Gabriele
** Heinisch-Hosek: Das Ergebnis zeigt ...": so is what follows a colon right
** after the name of the clause's subject. */
static lb_claim *colon_claim(ctx *c, size_t s) {
  const lb_text *tx = c->tx;
  const lb_sent *st = &tx->sents.v[s];
  for (uint32_t i = st->word0; i < st->word1; i++) {
    const lb_word *w = &tx->words.v[i];
    if (!(w->formlen == 1 && w->form[0] == ':')) continue;
    if (i == st->word0 || i + 1 >= st->word1) return NULL;
    int32_t h = -1;
    lb_phrase ph;
    if (i < st->word0 + 6) {
      /* the words before the colon: one phrase that names an entity */
      for (uint32_t k = st->word0; k < i; k++)
        if (h < 0 || !lb_tree_dominates(tx, h, (int32_t)k)) h = (int32_t)k;
      for (uint32_t k = st->word0; k < i && h >= 0; k++)
        if (lb_tree_dominates(tx, (int32_t)k, h)) h = (int32_t)k;
      /* a name ("Kreml:", "NGO:" an acronym the tagger made a noun), not a
      ** topic ("Der Trump-Faktor:", a compound naming Trump) */
      if (h < 0 || !lb_phrase_find(c->d, h, LB_PH_ANY, &ph) || ph.men < 0 ||
          (tx->words.v[h].upos != LB_UPOS_PROPN &&
           !(names_word(c, h, &ph) && (tx->toks.v[tx->words.v[h].tok].flags & LB_TF_UPPER))))
        return NULL;
    } else {
      /* the subject's name ends at the colon: climb its name parts */
      h = (int32_t)i - 1;
      for (int guard = 0; guard < 4 && tx->words.v[h].head >= 0 && tx->words.v[h].head < (int32_t)i &&
                          (lb_tree_rel(&tx->words.v[h], "flat") || lb_tree_rel(&tx->words.v[h], "appos"));
           guard++)
        h = tx->words.v[h].head;
      if (!lb_tree_rel(&tx->words.v[h], "nsubj") || !lb_phrase_find(c->d, h, LB_PH_PERSON, &ph) ||
          !names_word(c, (int32_t)i - 1, &ph))
        return NULL;
    }
    uint32_t cs = tx->words.v[i + 1].start, ce = st->end;
    while (ce > cs && strchr(" .!?\"'\n", tx->text[ce - 1])) ce--;
    const char *rule = lb_arena_printf(tx->arena, "claim:%s:colon", c->lang);
    return add_claim(c, ":", rule, (int32_t)i, h, cs, ce);
  }
  return NULL;
}

/* Is sentence s in the subjunctive (its root, or the root's finite
** auxiliary or copula)? 1 subjunctive, 0 indicative, -1 neither said. The
** word that says so into *at. */
static int subjunctive(const lb_text *tx, size_t s, int32_t *at) {
  const lb_sent *st = &tx->sents.v[s];
  for (uint32_t i = st->word0; i < st->word1; i++) {
    const lb_word *w = &tx->words.v[i];
    if (w->head != -1 || !w->deprel) continue;
    int mood = lb_ufeat_get(w->feats, LB_UF_MOOD);
    *at = (int32_t)i;
    for (int32_t k = w->kid; !mood && k >= 0; k = tx->words.v[k].sib)
      if (lb_tree_rel(&tx->words.v[k], "aux") || lb_tree_rel(&tx->words.v[k], "cop")) {
        mood = lb_ufeat_get(tx->words.v[k].feats, LB_UF_MOOD);
        *at = k;
      }
    if (mood == LB_MOOD_SUB) return 1;
    if (mood == LB_MOOD_IND) return 0;
    return -1;
  }
  return -1;
}

/* "Der Gesetzesentwurf sehe ein Ende ... vor, kritisierte Steinhart
** weiters.": a German sentence that ends in a comma, a form the
** dictionaries (table form) know as a finite reporting verb (table rverb),
** a name or noun right after it and no other verb is what that name says,
** whatever the tagger made of the verb (here an adjective). Only when the
** sentence has no claim otherwise. */
static lb_claim *tail_claim(ctx *c, size_t s) {
  const lb_text *tx = c->tx;
  const lb_sent *st = &tx->sents.v[s];
  int t_form = lb_lex_table(c->lx, "form");
  if (t_form < 0 || strcmp(c->lang, "de") != 0 || st->word1 - st->word0 < 5) return NULL;
  uint32_t end = st->word1;
  while (end > st->word0 && tx->words.v[end - 1].upos == LB_UPOS_PUNCT) end--;
  uint32_t m = 0; /* the last comma, at most 24 words before the end */
  for (uint32_t i = end; i-- > st->word0 + 2 && i + 25 > end;)
    if (is_comma(&tx->words.v[i])) {
      m = i;
      break;
    }
  if (!m || m + 2 >= end) return NULL;
  const lb_word *v = &tx->words.v[m + 1];
  /* the form's reading as a verb without a separable particle, whose lemma
  ** reports */
  lb_buf k = LB_BUF_INIT;
  lb_norm_key(&k, v->form, v->formlen);
  lb_lex_entry e;
  const char *lemma = NULL;
  size_t ll = 0;
  lb_lex_rec r, rv;
  /* a separable verb whose particle closes the sentence is that verb
  ** ("teilte ver.di mit": mitteilen; "sagte wegen Kniebeschwerden ab":
  ** absagen, which reports nothing) */
  const lb_word *last = &tx->words.v[end - 1];
  int sep = 0;
  if (lb_lex_get(c->lx, k.p, k.n, &e))
    for (int pass = 0; pass < 2 && !lemma && !sep; pass++)
      for (uint32_t q = 0; q < e.nrec && !lemma; q++) {
        const char *f, *prt;
        int fl, pl;
        if (!lb_lex_rec_get(c->lx, &e, q, &r) || r.table != t_form || !lb_lex_field_is(&r, 1, "VERB") ||
            (fl = lb_lex_field(r.val, r.val_len, 0, &f)) <= 0)
          continue;
        pl = lb_lex_field(r.val, r.val_len, 3, &prt);
        int closes = pl > 0 && (size_t)pl == last->formlen && strncasecmp(prt, last->form, (size_t)pl) == 0;
        if (pass == 0 && !closes) continue;
        if (pass == 1 && pl > 0) continue;
        sep |= pass == 0;
        /* (not a verb whose subject never speaks: ", heißt ihr Slogan",
        ** table rverb field 6) */
        const char *sp;
        if (lookup(c, c->t_rverb, f, (size_t)fl, &rv) && lb_lex_field(rv.val, rv.val_len, 6, &sp) <= 1)
          lemma = f, ll = (size_t)fl;
      }
  lb_buf_free(&k);
  if (!lemma) return NULL;
  if (sep) end--; /* the particle is no speaker's word */
  /* then a name or noun, and adverbs; no other verb */
  int32_t speaker = -1;
  for (uint32_t i = m + 2; i < end; i++) {
    const lb_word *y = &tx->words.v[i];
    if (y->upos == LB_UPOS_VERB || y->upos == LB_UPOS_AUX ||
        (y->upos == LB_UPOS_PUNCT && y->formlen == 1 && strchr(",;:", y->form[0])))
      return NULL;
    /* right after the verb ("kritisierte Makarim Wibisono am Montag ..."):
    ** a name, or a noun with its article ("der Sprecher des Krisenstabes",
    ** not "Kniebeschwerden") */
    int cs = lb_ufeat_get(y->feats, LB_UF_CASE); /* a subject: no other case ("dem Bericht") */
    if (speaker < 0 && i <= m + 4 &&
        (y->upos == LB_UPOS_PROPN ||
         (y->upos == LB_UPOS_NOUN && tx->words.v[i - 1].upos == LB_UPOS_DET && (!cs || cs == LB_CASE_NOM))))
      speaker = (int32_t)i;
  }
  if (speaker < 0) return NULL;
  uint32_t cs = tx->words.v[st->word0].start, ce = tx->words.v[m].start;
  while (ce > cs && strchr(" \"'", tx->text[ce - 1])) ce--;
  const char *key = lb_arena_strndup(tx->arena, lemma, ll);
  const char *rule = lb_arena_printf(tx->arena, "claim:%s:tail:%s", c->lang, key);
  return add_claim(c, key, rule, (int32_t)(m + 1), speaker, cs, ce);
}

/* ", the news agency said, citing the regional health commission": a
** participle on reporting verb v whose lemma is a source cue of kind "cite"
** (table rcue) names a further speaker of claim ci, its object; not when the
** participle is inside what is claimed (the parser's error). */
static void cite_claim(ctx *c, int32_t v, size_t ci) {
  const lb_text *tx = c->tx;
  for (int32_t k = tx->words.v[v].kid; k >= 0; k = tx->words.v[k].sib) {
    const lb_word *x = &tx->words.v[k];
    int vf = lb_ufeat_get(x->feats, LB_UF_VERBFORM);
    if (k < v || x->upos != LB_UPOS_VERB || !cue_kind(c, x, "cite") ||
        (vf != LB_VERBFORM_GER && vf != LB_VERBFORM_PART))
      continue;
    const lb_claim *cl = &c->d->claims.v[ci];
    if (x->start >= cl->start && x->end <= cl->end) return;
    int32_t o = lb_tree_child(tx, k, "obj");
    if (o < 0) return;
    uint32_t cs = cl->start, ce = cl->end;
    const char *rule = lb_arena_printf(tx->arena, "claim:%s:cite", c->lang);
    add_claim_each(c, x->lemma, rule, k, o, cs, ce, 1);
    return;
  }
}

/* Claim `last`'s speaker says [cs, ce) of sentence s too, word cue saying
** so: a claim that goes on (rule claim:<lang>:<kind>). */
static void continue_claim(ctx *c, int32_t last, size_t s, uint32_t cs, uint32_t ce, int32_t cue,
                           const char *kind) {
  const lb_text *tx = c->tx;
  lb_claim prev = c->d->claims.v[last];
  lb_claim *cl = LB_VEC_PUSH(tx->arena, c->d->claims);
  *cl = prev;
  cl->start = cs;
  cl->end = ce;
  cl->cue_start = tx->words.v[cue].start;
  cl->cue_end = tx->words.v[cue].end;
  cl->verb = NULL;
  cl->sentence = (int32_t)s;
  cl->rule = lb_arena_printf(tx->arena, "claim:%s:%s", c->lang, kind);
  cl->speaker_via = "continued";
}

/* Is sentence s one quotation from its first word ('"There have been
** injuries, so obviously I'm thinking of these injured and their
** families."'), with nothing but punctuation after its closing quote, or
** running on past the sentence's end (a quote of several sentences)? The
** quoted words into *qs, *qe. */
static int quoted_sentence(const lb_text *tx, size_t s, uint32_t *qs, uint32_t *qe) {
  const lb_sent *st = &tx->sents.v[s];
  if (st->word1 - st->word0 < 3) return 0;
  const lb_tok *o = &tx->toks.v[tx->words.v[st->word0].tok];
  if (o->kind != LB_TOK_QUOTE || !(o->flags & LB_TF_OPEN)) return 0;
  uint32_t last = st->word1; /* the last word inside the quotation */
  for (uint32_t i = st->word0 + 1; i < st->word1; i++) {
    const lb_word *w = &tx->words.v[i];
    const lb_tok *q = &tx->toks.v[w->tok];
    if (last == st->word1 && q->kind == LB_TOK_QUOTE && (q->flags & LB_TF_CLOSE)) last = i - 1;
    else if (last < st->word1 && w->upos != LB_UPOS_PUNCT) return 0; /* "...," he said */
  }
  if (last == st->word1) last = st->word1 - 1;
  while (last > st->word0 && tx->words.v[last].upos == LB_UPOS_PUNCT) last--;
  if (last <= st->word0) return 0;
  *qs = tx->words.v[st->word0 + 1].start;
  *qe = tx->words.v[last].end;
  return 1;
}

/* Does sentence s hold a quotation mark? */
static int has_quote(const lb_text *tx, size_t s) {
  const lb_sent *st = &tx->sents.v[s];
  for (uint32_t i = st->word0; i < st->word1; i++)
    if (tx->toks.v[tx->words.v[i].tok].kind == LB_TOK_QUOTE) return 1;
  return 0;
}

void lb_claim_run(lb_doc *d) {
  ctx c;
  memset(&c, 0, sizeof c);
  c.d = d;
  c.tx = &d->tx;
  c.lx = d->tx.lex;
  c.lang = d->tx.lang;
  if (!c.lx || !c.lang || !d->tx.words.n) return;
  c.t_rverb = lb_lex_table(c.lx, "rverb");
  c.t_rcue = lb_lex_table(c.lx, "rcue");
  c.t_mood = lb_lex_table(c.lx, "mood");
  const lb_text *tx = c.tx;
  if (d->dates.n) {
    /* the words inside dates, one pass over both (both in text order) */
    c.dateword = lb_arena_calloc(tx->arena, tx->words.n, 1);
    size_t k = 0;
    for (size_t i = 0; i < tx->words.n && k < d->dates.n; i++) {
      while (k < d->dates.n && d->dates.v[k].end <= tx->words.v[i].start) k++;
      if (k < d->dates.n && tx->words.v[i].start >= d->dates.v[k].start &&
          tx->words.v[i].end <= d->dates.v[k].end)
        c.dateword[i] = 1;
    }
  }
  int32_t last = -1; /* the claim a subjunctive sentence may continue */
  for (size_t s = 0; s < tx->sents.n; s++) {
    const lb_sent *st = &tx->sents.v[s];
    size_t before = d->claims.n;
    for (uint32_t i = st->word0; i < st->word1; i++) {
      if (!tx->words.v[i].deprel) continue;
      lb_claim *vc = verb_claim(&c, (int32_t)i);
      if (vc) cite_claim(&c, (int32_t)i, (size_t)(vc - d->claims.v));
      else cue_claim(&c, (int32_t)i);
    }
    /* one claim per speaker and content: "laut eigenen Angaben" of the
    ** VSV is one claim, as "sagte und erklärte" is */
    for (size_t i = before + 1; i < d->claims.n; i++)
      for (size_t j = before; j < i; j++) {
        const lb_claim *a = &d->claims.v[j], *b = &d->claims.v[i];
        if (a->start != b->start || a->end != b->end) continue;
        if ((a->speaker && b->speaker && strcmp(a->speaker, b->speaker) == 0) ||
            (a->speaker_text && b->speaker_text && strcmp(a->speaker_text, b->speaker_text) == 0)) {
          memmove(&d->claims.v[i], &d->claims.v[i + 1], (d->claims.n - i - 1) * sizeof *d->claims.v);
          d->claims.n--;
          i--;
          break;
        }
      }
    if (d->claims.n == before) colon_claim(&c, s);
    if (d->claims.n == before) tail_claim(&c, s);
    /* a sentence that is one quotation right after a quoted claim goes on
    ** with its speaker; a claim inside it with nobody named ("I think
    ** ...") is the speaker's too, so it gives way */
    uint32_t qs, qe;
    if (last >= 0 && d->claims.v[last].sentence + 1 == (int32_t)s &&
        (d->claims.v[last].speaker || d->claims.v[last].speaker_text) &&
        has_quote(tx, (size_t)d->claims.v[last].sentence) && quoted_sentence(tx, s, &qs, &qe)) {
      int named = 0;
      for (size_t i = before; i < d->claims.n; i++)
        named |= d->claims.v[i].speaker || d->claims.v[i].speaker_text;
      if (!named) {
        d->claims.n = before;
        continue_claim(&c, last, s, qs, qe, (int32_t)st->word0, "quote-continued"); /* the opening quote says it */
      }
    }
    if (d->claims.n > before) {
      last = (int32_t)(d->claims.n - 1);
      continue;
    }
    int32_t at = -1;
    int sub = subjunctive(tx, s, &at);
    if (sub == 1 && last >= 0 && d->claims.v[last].sentence + 1 >= (int32_t)s &&
        (d->claims.v[last].speaker || d->claims.v[last].speaker_text)) {
      uint32_t cs = st->start, ce = st->end;
      trim_claim(&c, &cs, &ce, 1);
      continue_claim(&c, last, s, cs, ce, at, "continued"); /* the subjunctive verb says it */
      last = (int32_t)(d->claims.n - 1);
    } else if (sub == 0)
      last = -1;
  }
}
