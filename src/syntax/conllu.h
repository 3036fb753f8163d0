/*
** conllu.h -- CoNLL-U in and out: the treebank format of Universal
** Dependencies (https://universaldependencies.org/format.html).
**
** The reader takes a whole buffer (a file's bytes) and hands out one
** sentence at a time: its comment lines, its words (10 tab-separated
** columns each), its multiword tokens ("6-7 im") and its empty nodes
** ("8.1", kept verbatim). Everything of a sentence lives in an arena the
** caller gives and resets. Bad input is named with line and byte offset;
** the reader then skips to the next blank line, so one broken sentence
** costs only itself.
**
** The writer prints a sentence back with the same comments, ids, forms,
** multiword lines and empty nodes, so `parse --conllu` keeps the words of
** its input exactly and changes only the columns a parser fills.
**
** Used by the trainer (tools/train_syntax.c), `lagebild parse` and the
** fuzz target fuzz/fuzz_conllu.c. It knows nothing of models.
*/
#ifndef LB_CONLLU_H
#define LB_CONLLU_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/buf.h"

/* One word line. Columns are NUL-terminated copies ("_" stays "_"). */
typedef struct lb_conllu_word {
  const char *form, *lemma, *upos, *xpos, *feats, *deprel, *deps, *misc;
  int head; /* 0 = root, -1 = "_" */
} lb_conllu_word;

/* A multiword token line "first-last FORM ...": words first..last (1-based). */
typedef struct lb_conllu_mwt {
  int first, last;
  const char *form, *misc;
} lb_conllu_mwt;

/* A line the reader keeps but does not interpret (an empty node "8.1 ..."),
** with the number of words before it. */
typedef struct lb_conllu_raw {
  int after;
  const char *line;
} lb_conllu_raw;

typedef struct lb_conllu_sent {
  LB_VEC(const char *) comments; /* whole lines, without the newline */
  LB_VEC(lb_conllu_word) words;
  LB_VEC(lb_conllu_mwt) mwts;
  LB_VEC(lb_conllu_raw) raws;
  const char *text, *sent_id; /* "# text = ", "# sent_id = " values, or NULL */
  size_t line;                /* line number of the sentence's first line */
} lb_conllu_sent;

typedef struct lb_conllu_reader {
  const char *buf;
  size_t len, pos, line;
  const char *name; /* for messages: the file name */
} lb_conllu_reader;

void lb_conllu_init(lb_conllu_reader *r, const char *name, const char *buf, size_t len);

/* The next sentence into *s (allocated in a). Returns 1 for a sentence, 0 at
** the end of input, -1 for a broken sentence: err then names file, line and
** byte offset and what is wrong, and the reader has moved past it. */
int lb_conllu_next(lb_conllu_reader *r, lb_arena *a, lb_conllu_sent *s, char *err,
                   size_t errlen);

/* Print s as CoNLL-U (comments, multiword lines, words, empty nodes, a
** blank line). */
void lb_conllu_write(lb_buf *out, const lb_conllu_sent *s);

/* The value of feature `name` in a FEATS column ("Case=Nom|Number=Sing"):
** pointer and length, or NULL when absent. */
const char *lb_conllu_feat(const char *feats, const char *name, size_t *len);

/* Is `key` (e.g. "SpaceAfter=No") one of the |-separated items of MISC? */
int lb_conllu_misc_has(const char *misc, const char *key);

#endif
