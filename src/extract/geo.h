/*
** geo.h -- geocoding of place mentions (GeoNames): which names are places,
** which place a name stands for, and the place's coordinates and codes.
**
** The entity stage (ent.c) asks two questions here while it reads names:
** is there evidence that this word is a place at all (lb_geo_evidence:
** the syntax layer's tags and tree, and the words around it; in German
** every noun is capitalised, so a capital letter proves nothing), and is a
** candidate place acceptable on that evidence (lb_geo_accept: feature
** class, population, the document's countries and regions). Names with
** several candidates ("Paris": France or Texas) are decided by lb_geo_pick
** from the same things. The "places" stage (lb_geo_run) then attaches to
** every place entity its lb_geo: GeoNames id, lat/lon, feature code, ISO
** country code, the country's FIPS 10-4 code and the ADM1 code as GDELT
** writes it ("RS41": FIPS country + GeoNames admin-1 code).
**
** Lexicon tables read here (columns in data/README.md): entdef, placecue,
** rolenoun, regionword, ent, form, stop.
*/
#ifndef LB_GEO_H
#define LB_GEO_H

#include <stddef.h>
#include <stdint.h>

struct lb_doc;
struct lb_lex_rec;

/* Stage "places": reads d->entities and the lexicon's entdef records;
** writes the entities' geo. */
void lb_geo_run(struct lb_doc *d);

/* What the text says about a name (bits): */
enum {
  LB_GEO_EV_NONE = 1 << 0,     /* nothing known of the word itself: no syntax
                                  for this document, or a name of several words */
  LB_GEO_EV_PROPN = 1 << 1,    /* tagged a proper noun (PROPN, or X: foreign) */
  LB_GEO_EV_COMMON = 1 << 2,   /* tagged a word that is no name: PRON, DET,
                                  SCONJ, CCONJ, ADV, ADP, AUX, PART, VERB, ADJ
                                  (INTJ, SYM, NUM or X on a name say nothing) */
  LB_GEO_EV_NOUN = 1 << 7,     /* tagged NOUN: a name for a weak tagger, a
                                  common noun when it is a dictionary word */
  LB_GEO_EV_DET = 1 << 8,      /* with a determiner or a number before it ("aus
                                  der Halle", "im Norden", "300 Kilo"; "aus
                                  Halle" has none) */
  LB_GEO_EV_PLURAL = 1 << 9,   /* a noun in the plural ("auf Siegen aus"): a
                                  town's name is singular */
  LB_GEO_EV_LOCATIVE = 1 << 3, /* under a place preposition ("in", "nach"), in
                                  apposition to a place noun ("die Stadt X"),
                                  or a dateline ("Wien – ") */
  LB_GEO_EV_ARTICLE = 1 << 4,  /* with an article and no adjective ("die
                                  Matura"): no town's name */
  LB_GEO_EV_PERSON = 1 << 5,   /* part of a person's name: a proper noun joined
                                  by `flat` to another ("Ban Ki Moon",
                                  "Sebastian Rode") */
  LB_GEO_EV_TITLE = 1 << 6,    /* joined to a common noun that is no place
                                  noun ("Außenminister Sebastian",
                                  "UNO-Generalsekretär Ban") */
};

/* The evidence (LB_GEO_EV_* bits) for a place reading of the name at tokens
** [tok0, tok1) of d, from the syntax stage's words: LB_GEO_EV_NONE when the
** document has none; for a name of several tokens only what is around it
** (a preposition, a place noun, a person's or team's name it is part of:
** "Los Angeles Kings"), with LB_GEO_EV_NONE set. */
unsigned lb_geo_evidence(const struct lb_doc *d, uint32_t tok0, uint32_t tok1);

/* What the document says about where it is: the countries it names (ISO
** alpha-3 codes of its entities' countries), the countries of its language
** (German: DEU AUT CHE; English: USA GBR), and the ADM1 codes of the places
** it has named so far. Built by lb_geo_ctx_init from d's entities. */
#define LB_GEO_MAXCTX 64
typedef struct lb_geo_ctx {
  const char *named[LB_GEO_MAXCTX];
  size_t nnamed;
  const char *lang[4];
  size_t nlang;
  const char *adm1[LB_GEO_MAXCTX];
  size_t nadm1;
} lb_geo_ctx;
void lb_geo_ctx_init(lb_geo_ctx *g, const struct lb_doc *d);

/* Pick one of n candidate place definitions (entdef records): the most
** important by population and feature (country, capital, admin seat), with
** a bonus for a place in a country the document names, in its language's
** countries, and in a region (ADM1) where another of its places lies
** ("Paris" is Paris, France, unless the document is about Texas). Returns
** the index, or -1 when n == 0. */
int lb_geo_pick(const struct lb_lex_rec *defs, int n, const lb_geo_ctx *g);

/* Is the place def acceptable for a one-token name with evidence ev
** (LB_GEO_EV_* bits)? need: 0 a main place name, 1 only an alternate or
** foreign name of the place ("Dazu", "Matura"), 2 also a dictionary word
** ("Norden", "Lage"). A country is; a proper noun that is part of a
** person's name is not; a word tagged as a common word only when it is a
** big place under a place preposition and no dictionary word; a small place
** needs a place preposition, its country or region named in the document,
** or the document's language spoken there. */
int lb_geo_accept(const struct lb_lex_rec *def, unsigned ev, int need, const lb_geo_ctx *g);

#endif
