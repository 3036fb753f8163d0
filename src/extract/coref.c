/*
** coref.c -- pronouns and role descriptions resolved to entities (see coref.h).
*/
#include "coref.h"

#include <assert.h>
#include <string.h>

#include "../doc/doc.h"
#include "../lex/lex.h"
#include "../syntax/syntax.h"
#include "../syntax/tree.h"
#include "../text/norm.h"
#include "ent.h"

#define WINDOW 6 /* sentences back */

static int is_type(const lb_entity *e, const char *t) { return e->type && strcmp(e->type, t) == 0; }

/* Is word w in table t (by lemma)? */
static int in_table(const lb_lex *lx, int t, const lb_word *w) {
  if (t < 0 || !w->lemma) return 0;
  lb_buf k = LB_BUF_INIT;
  lb_norm_key(&k, w->lemma, strlen(w->lemma));
  lb_lex_rec r;
  int found = lb_lex_find(lx, t, k.p, k.n, &r);
  /* role nouns of a place ("Hauptstadt": capital) are no persons */
  if (found && lb_lex_field_is(&r, 0, "capital")) found = 0;
  lb_buf_free(&k);
  return found;
}

/* The grammatical number of pronoun w: its own, or its verb's when it is
** the subject ("sie sagte" / "sie sagten"). */
static int number_of(const lb_text *tx, const lb_word *w) {
  int n = lb_ufeat_get(w->feats, LB_UF_NUMBER);
  if (w->head >= 0 && lb_tree_rel(w, "nsubj")) {
    const lb_word *v = &tx->words.v[w->head];
    int vn = lb_ufeat_get(v->feats, LB_UF_NUMBER);
    /* the finite verb may be an auxiliary of the head */
    for (int32_t k = v->kid; !vn && k >= 0; k = tx->words.v[k].sib)
      if (lb_tree_rel(&tx->words.v[k], "aux")) vn = lb_ufeat_get(tx->words.v[k].feats, LB_UF_NUMBER);
    if (vn) n = vn;
  }
  return n;
}

static int is_subject(const lb_word *w) { return lb_tree_rel(w, "nsubj") || lb_tree_rel(w, "nsubj:pass"); }

/* Is word i a subject, or a part of a subject's name ("Angel" of "Angel
** Sarmiento")? */
static int subject_name(const lb_text *tx, int32_t i) {
  for (int guard = 0; i >= 0 && guard < 4; guard++) {
    const lb_word *w = &tx->words.v[i];
    if (is_subject(w)) return 1;
    if (!lb_tree_rel(w, "flat") && !lb_tree_rel(w, "compound")) return 0;
    i = w->head;
  }
  return 0;
}

void lb_coref_run(lb_doc *d) {
  const lb_text *tx = &d->tx;
  if (!tx->words.n || !tx->lex) return;
  assert(d->ent_refs || !d->entities.n); /* after the "mentions" stage */
  d->coref = lb_arena_alloc(tx->arena, tx->words.n * sizeof *d->coref);
  int t_role = lb_lex_table(tx->lex, "rolenoun"), t_agent = lb_lex_table(tx->lex, "agent");
  (void)t_agent;
  int32_t last_per = -1, last_grp = -1;       /* entity index */
  uint32_t last_per_s = 0, last_grp_s = 0;    /* its sentence */
  int32_t subj_per = -1;                      /* the last person named as a subject */
  uint32_t subj_per_s = 0;
  for (size_t i = 0; i < tx->words.n; i++) {
    const lb_word *w = &tx->words.v[i];
    d->coref[i].ent = -1;
    d->coref[i].rule = NULL;
    const lb_entity *e = NULL;
    const lb_mention *m = d->ent_refs ? lb_ent_at(d, w->tok, &e) : NULL;
    if (m && e) {
      int32_t ei = (int32_t)(e - d->entities.v);
      if (is_type(e, "PER")) {
        last_per = ei, last_per_s = w->sent;
        if (subject_name(tx, (int32_t)i)) subj_per = ei, subj_per_s = w->sent;
      }
      else if (e->actor && (is_type(e, "ORG") || is_type(e, "GPE") || is_type(e, "MIL") ||
                            is_type(e, "NORP")))
        last_grp = ei, last_grp_s = w->sent;
      continue;
    }
    if (!w->deprel) continue;
    int per_ok = last_per >= 0 && w->sent - last_per_s <= WINDOW;
    int grp_ok = last_grp >= 0 && w->sent - last_grp_s <= WINDOW;
    if (w->upos == LB_UPOS_PRON || (w->upos == LB_UPOS_DET && lb_ufeat_get(w->feats, LB_UF_POSS))) {
      if (lb_ufeat_get(w->feats, LB_UF_PRONTYPE) != LB_PRONTYPE_PRS ||
          lb_ufeat_get(w->feats, LB_UF_PERSON) != 3 || lb_ufeat_get(w->feats, LB_UF_REFLEX))
        continue;
      int gender = lb_ufeat_get(w->feats, LB_UF_GENDER);
      int num = number_of(tx, w);
      int poss = lb_ufeat_get(w->feats, LB_UF_POSS) != 0;
      /* "es", "it": no person, and too often no referent at all */
      if (!poss && gender == LB_GENDER_NEUT && num != LB_NUMBER_PLUR) continue;
      int32_t ent = -1;
      if (num == LB_NUMBER_PLUR) {
        if (grp_ok) ent = last_grp;
      } else if (per_ok) {
        ent = last_per;
        /* a subject pronoun continues the subject before it, not a person
        ** named later in that sentence ("Angel Sarmiento, president of
        ** the school of ..., announced ... He said") */
        if (!poss && subj_per >= 0 && subj_per_s == last_per_s && is_subject(w)) ent = subj_per;
      }
      if (ent >= 0) {
        d->coref[i].ent = ent;
        d->coref[i].rule = poss ? "coref:poss" : "coref:pronoun";
      }
      continue;
    }
    if (w->upos == LB_UPOS_NOUN && per_ok && in_table(tx->lex, t_role, w)) {
      /* definite, and no name of its own ("Präsident Putin" is a mention) */
      int32_t det = lb_tree_child(tx, (int32_t)i, "det");
      if (det < 0 || lb_ufeat_get(tx->words.v[det].feats, LB_UF_DEFINITE) != 1) continue;
      if (lb_tree_child(tx, (int32_t)i, "appos") >= 0 || lb_tree_child(tx, (int32_t)i, "flat") >= 0)
        continue;
      d->coref[i].ent = last_per;
      d->coref[i].rule = "coref:role";
    }
  }
}
