/*
** qty.h -- quantities with bounds and units: "nahezu 50.000 Truppen" (50000,
** at most, approx., troops, personnel), "Tausende nordkoreanischer Truppen"
** (2000..9999), "Hunderte von Quadratmeilen" (518..2587 km2, unit_text
** "sq mi"), "in 24 Stunden" (24 hours, duration), each with its rule, the
** claim it was reported in, whose it is (`of`) and where (`place`).
**
** Words come from the lexicon tables num (data/LANG/numbers.tsv), unit,
** qmod, qstop and qverb (data/LANG/units.tsv); numbers from num.h.
*/
#ifndef LB_QTY_H
#define LB_QTY_H

struct lb_doc;

/* Stage "quantities": reads toks, sents, lang, tx->lexdoc, d->nummark
** (stage "marks"), and the entities, dates and claims it links to; writes
** d->quantities. */
void lb_qty_run(struct lb_doc *d);

#endif
