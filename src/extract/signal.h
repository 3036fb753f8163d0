/*
** signal.h -- signals about the text itself: signs of machine translation
** or copied text (docs/signals.md lists every kind and its rule).
**
** Kinds: imperial_unit ("Quadratmeilen" in German prose), title_case_heading
** (English Title Case in a German heading), mixed_spelling (one name spelt
** two ways: "Selenskyj"/"Zelensky"), english_number_format ("1.5 Millionen"
** in German), english_date_format ("November 11, 2024" in German),
** english_quotes (“…” opening quotes in German), duplicate_sentence (the same
** long sentence twice). Word lists: lexicon tables sigfw, spellvar, unit
** (data/de/signals.tsv, data/de/units.tsv, data/en/units.tsv).
*/
#ifndef LB_SIGNAL_H
#define LB_SIGNAL_H

struct lb_doc;

/* Stage "signals": reads toks, sents, lang, tx->lexdoc, d->nummark (stage
** "marks"), the entities, dates and quantities; writes d->signals. */
void lb_sig_run(struct lb_doc *d);

#endif
