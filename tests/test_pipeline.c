/*
** test_pipeline.c -- the stage table (src/picture/pipeline.c): every stage
** has a name to stop after, and each writes its part of the document and
** nothing of a later stage's.
*/
#include <stdlib.h>

#include "../src/extract/num.h"
#include "test.h"

static const char *TEXT =
    "Russland griff Kiew am 11. November mit 145 Drohnen an, sagte Selenskyj.";

/* The document of TEXT with the pipeline stopped after `stage`. */
static lb_doc *upto(lb_engine *e, const char *stage) {
  CHECK_INT(lb_engine_stop_after(e, stage), LB_OK);
  lb_input in;
  memset(&in, 0, sizeof in);
  in.text = TEXT;
  in.len = strlen(TEXT);
  in.published = "2024-11-11";
  return lb_extract(e, &in);
}

/* Index of the token that starts at byte off, or -1. */
static long tok_at(const lb_doc *d, long off) {
  for (size_t i = 0; i < d->tx.toks.n; i++)
    if (d->tx.toks.v[i].start == (uint32_t)off) return (long)i;
  return -1;
}

TEST(pipeline_stages_write_their_part_only) {
  char err[512];
  lb_engine *e =
      lb_engine_new(getenv("LAGEBILD_LEXICON") ? NULL : "bin/lagebild.lex", err, sizeof err);
  CHECK(e != NULL);
  if (!e) return;
  CHECK_INT(lb_engine_stop_after(e, "bogus"), LB_ERR_USAGE);

  lb_doc *d = upto(e, "norm");
  CHECK(d->tx.toks.n == 14 && d->tx.sents.n == 1 && d->tx.lexdoc == NULL);
  CHECK_STR(d->tx.lang, "de");
  lb_doc_free(d);

  d = upto(e, "lexicon");
  CHECK(d->tx.lexdoc != NULL && d->entities.n == 0 && d->ent_refs == NULL);
  lb_doc_free(d);

  /* the mention index: "Kiew" (byte 15) is covered by Kyiv's mention */
  d = upto(e, "mentions");
  CHECK(d->entities.n >= 3 && d->ent_refs != NULL && d->nummark == NULL);
  long kiew = tok_at(d, t_find(TEXT, "Kiew", 0));
  CHECK(kiew == 2);
  if (kiew >= 0 && d->ent_refs[kiew].ent >= 0)
    CHECK_STR(d->entities.v[d->ent_refs[kiew].ent].id, "Q1899");
  else
    CHECK(0);
  lb_doc_free(d);

  /* the number marks: "November" is a month; no date is made yet */
  d = upto(e, "marks");
  long nov = tok_at(d, t_find(TEXT, "November", 0));
  CHECK(nov == 5 && d->nummark != NULL);
  if (nov >= 0) CHECK(lb_num_mark(d, (size_t)nov) & LB_NUMM_MONTH);
  CHECK(d->dates.n == 0 && d->coref == NULL);
  lb_doc_free(d);

  /* the coreference, read by claims and events: one entry per word */
  d = upto(e, "coref");
  CHECK_INT(d->dates.n, 1);
  CHECK(d->coref != NULL && d->claims.n == 0);
  lb_doc_free(d);

  d = upto(e, "signals");
  CHECK_INT(d->claims.n, 1);
  CHECK_INT(d->quantities.n, 1);
  lb_doc_free(d);
  lb_engine_free(e);
}
