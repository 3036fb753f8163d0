/*
** pipeline.h -- internal engine access for tests, tools and the store.
*/
#ifndef LB_PIPELINE_H
#define LB_PIPELINE_H

#include "../../include/lagebild.h"
#include "../doc/doc.h"

/* The engine's lexicon (NULL for a text-only engine). */
const struct lb_lex *lb_engine_lex(const lb_engine *e);
/* The engine's syntax models (NULL for a text-only engine). */
const struct lb_syntax *lb_engine_syntax(const lb_engine *e);
/* A document with repaired text and metadata but no stage run yet. */
lb_doc *lb_doc_begin(const lb_engine *e, const lb_input *in);
/* Run every stage of the engine on a begun document. */
void lb_doc_run(const lb_engine *e, lb_doc *d);

#endif
