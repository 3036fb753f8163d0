/*
** clause.h -- clause analysis shared by the claim and event stages.
**
** German and English news sentences are cut into clauses, and the entity
** mentions inside a clause get a grammatical role: subject, accusative object,
** or the object of a preposition ("gegen ukrainische Kräfte", "with Russia").
** The clause also knows its mood: negated ("nicht"), modal ("könnte"),
** hypothetical ("wenn", "um ... zu", "to attack").
**
** Everything the analysis knows about words comes from the lexicon table
** `clause` (data/de/clause.tsv, data/en/clause.tsv): function-word classes.
** This is shallow analysis on purpose: no parser, one pass over the tokens,
** and the per-token mention index of the "mentions" stage (lb_ent_index).
** It is not a grammar; where it guesses, the guess is written down below.
**
** A clause opens at the sentence start, after ";" ":" and dashes, and at a
** comma followed by a subordinating word, a relative pronoun, or a
** preposition plus relative pronoun ("von denen"). A comma inside an
** enumeration or apposition ("auf russische Städte, einschließlich der
** Hauptstadt, abfeuerte") does not cut the clause.
*/
#ifndef LB_CLAUSE_H
#define LB_CLAUSE_H

#include <stddef.h>
#include <stdint.h>

struct lb_doc;
struct lb_ent_ref;
struct lb_lex_rec;

/* Function-word classes (bits), from the lexicon table `clause`. */
enum {
  LB_FW_PREP = 1 << 0,   /* preposition */
  LB_FW_ACC = 1 << 1,    /* accusative article: the NP is an object */
  LB_FW_SUBORD = 1 << 2, /* opens a subordinate clause: dass, weil, that */
  LB_FW_REL = 1 << 3,    /* relative pronoun (after a comma) */
  LB_FW_NEG = 1 << 4,    /* nicht, kein, not, never */
  LB_FW_MODAL = 1 << 5,  /* könnte, würde, could, might */
  LB_FW_HYPO = 1 << 6,   /* wenn, falls, if */
  LB_FW_AUX = 1 << 7,    /* hat, ist, wurde, has, was */
  LB_FW_PASS = 1 << 8,   /* passive auxiliary: wurde, was */
  LB_FW_AGENT = 1 << 9,  /* passive agent: von, durch, by */
  LB_FW_ZU = 1 << 10,    /* infinitive marker zu / to */
  LB_FW_COORD = 1 << 11, /* und, oder, and */
  LB_FW_KONJ1 = 1 << 12, /* Konjunktiv I: habe, sei, werde */
  LB_FW_PRON = 1 << 13,  /* subject pronoun: er, sie, he, they */
  LB_FW_IRR = 1 << 14,   /* irrealis adjective: mögliche, künftige, possible */
  LB_FW_DEM = 1 << 15,   /* demonstrative: dieser, diese, this */
  LB_FW_DET = 1 << 16    /* article: der, ein, the */
};

/* Which tables a token's key has records in (lb_cl.has). */
enum { LB_CL_HAS_RVERB = 1, LB_CL_HAS_EVENT = 2 };

/* The role of a mention in its clause. */
enum { LB_ARG_SUBJ = 1, LB_ARG_OBJ = 2, LB_ARG_PREP = 3, LB_ARG_GEN = 4 };

/* One actor or place mention inside a clause. */
typedef struct lb_cl_arg {
  int32_t ent, men;    /* entity index, mention index in that entity */
  uint32_t tok0, tok1; /* the noun phrase, tokens [tok0, tok1) */
  int32_t prep;        /* token of the governing preposition, or -1 */
  uint8_t role;        /* LB_ARG_* */
} lb_cl_arg;

/* The per-document analysis. Fields are read by claim.c and event.c. */
typedef struct lb_cl {
  struct lb_doc *d;
  int en;                                          /* English rules (else German) */
  int t_clause, t_rverb, t_event, t_cameo, t_form; /* lexicon tables, -1 when absent */
  uint32_t *fw;                                    /* per token: LB_FW_* bits */
  uint32_t *rec0, *nrec;        /* per token: lexicon entry of its key (nrec 0: none) */
  uint8_t *maxt;                /* per token: longest key starting here, in tokens */
  const struct lb_ent_ref *ment; /* per token: covering mention or -1 (d->ent_refs) */
  uint8_t *open;                /* per token: 1 when a clause opens at it */
  uint8_t *has;                 /* per token: LB_CL_HAS_* (its key has such records) */
} lb_cl;

/* Stage "clauses": analyse document d for the claim and event stages. Reads
** toks, sents, lang, tx->lexdoc (after "lexicon-lower") and d->ent_refs
** (after "mentions"); writes d->clause, in the document's arena. Leaves it
** NULL when the document has no lexicon. */
void lb_cl_run(struct lb_doc *d);

/* The clause around token t: tokens [*a, *b) inside t's sentence s. */
void lb_cl_bounds(const lb_cl *c, int32_t s, uint32_t t, uint32_t *a, uint32_t *b);

/* The actor/place mentions in tokens [a, b) with their roles, in text order.
** Writes at most max; returns how many. */
int lb_cl_args(const lb_cl *c, uint32_t a, uint32_t b, lb_cl_arg *out, int max);

/* The mood of the clause [a, b) for the verb or event noun at token v:
** NULL (a fact), "negated", "modal" or "hypothetical". */
const char *lb_cl_mood(const lb_cl *c, uint32_t a, uint32_t b, uint32_t v);

/* The i-th record of token t's lexicon entry in table `table` whose first
** field (language) matches the document; returns 1 and fills *r, else 0. */
int lb_cl_rec(const lb_cl *c, uint32_t t, int table, int i, struct lb_lex_rec *r);

/* 1 when token t is a subjunctive of indirect speech: a Konjunktiv I from the
** `clause` table ("habe", "sei"), or -- when wide -- any third-person
** Konjunktiv I or II in the German morphology table `form` that is not also an
** indicative third person ("setze", "hätten"; not "werden"). */
int lb_cl_konj(const lb_cl *c, uint32_t t, int wide);

/* 1 when token t's normalised text equals the NUL-terminated word w. */
int lb_cl_is(const lb_cl *c, uint32_t t, const char *w);

/* 1 when token t's normalised text starts with one of the "|"-separated stems
** in list[0..n). */
int lb_cl_stem(const lb_cl *c, uint32_t t, const char *list, int n);

/* The actor code of a mention (its own, else its entity's), or NULL. */
const char *lb_cl_actor(const lb_cl *c, int32_t ent, int32_t men);

/* The end of the noun phrase that starts at token t0 (exclusive), at most
** max tokens: articles, adjectives, nouns and names, "und" between nouns. */
uint32_t lb_cl_np_end(const lb_cl *c, uint32_t t0, uint32_t limit, int max);

#endif
