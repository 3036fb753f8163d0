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
/* Run every stage of the engine on a begun document. LB_OK, or
** LB_ERR_NOMEM when the document was refused (lb_doc_refused: over the
** engine's memory limit, or out of memory); it then has no facts. */
lb_err lb_doc_run(const lb_engine *e, lb_doc *d);
/* The engine's limit of one document's text (lb_engine_set_limits): the
** readers read no more than one byte past it. */
size_t lb_engine_max_doc_bytes(const lb_engine *e);

#endif
