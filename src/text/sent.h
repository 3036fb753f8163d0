/*
** sent.h -- sentence splitter over tokens.
**
** A sentence ends after . ! ? … (with any closing quotes and brackets that
** follow) when the next token starts a new sentence (upper case, a digit, an
** opening quote), and at a line break when the line is a headline (no final
** punctuation). It does not end at abbreviations (tok.c marks them), ordinal
** numbers ("am 11. November"), decimals ("1,5"), colons ("Der Trump-Faktor:
** Die Ukraine …") or dashes. Hard-wrapped text (most lines of similar length
** without final punctuation) joins lines; blank lines still separate. A
** sentence has at most 2,048 tokens: a longer one is cut (after a comma
** near the limit when there is one) with a warning.
*/
#ifndef LB_SENT_H
#define LB_SENT_H

#include "../doc/text.h"

/* Stage "sentences": fill tx->sents from tx->toks (word ranges stay 0). */
void lb_sent_run(lb_text *tx);

#endif
