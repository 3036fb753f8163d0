/*
** lagebild.h -- the public API of the lagebild engine.
**
** lagebild reads news text and returns its situation picture: actors, places,
** quantities, dates, claims, CAMEO events and signals, each with byte offsets
** and the rule that produced it (docs/OUTPUT.md is the contract). This is the
** only header a program needs; everything under src/ is internal.
**
**   char err[256];
**   lb_engine *e = lb_engine_new(NULL, err, sizeof err);  // default lexicon
**   lb_input in = {.text = s, .len = n, .published = "2024-11-11"};
**   lb_doc *d = lb_extract(e, &in);
**   char *json; size_t len = lb_doc_json(d, &json);  // one JSON object
**   free(json); lb_doc_free(d); lb_engine_free(e);
**
** An engine is read-only after creation and may be shared by threads; each
** lb_extract call works on its own document.
*/
#ifndef LAGEBILD_H
#define LAGEBILD_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define LB_VERSION "0.1.0"

typedef enum lb_err {
  LB_OK = 0,
  LB_ERR_IO,      /* a file could not be read or written */
  LB_ERR_FORMAT,  /* input is malformed (message says where) */
  LB_ERR_LEXICON, /* lexicon missing, truncated or corrupt */
  LB_ERR_NOMEM,
  LB_ERR_DB,      /* the store reported an error */
  LB_ERR_USAGE
} lb_err;

typedef struct lb_engine lb_engine;
typedef struct lb_doc lb_doc;

/* One input document. Only text is required; strings need not outlive the
** call. len may be 0 for an empty text. */
typedef struct lb_input {
  const char *id;        /* NULL: a hash of the text */
  const char *text;
  size_t len;
  const char *published; /* "YYYY-MM-DD" (a longer RFC 3339 timestamp is cut; RFC 822
                         ** and German dates such as "11. November 2024" are read too),
                         ** or NULL */
  const char *lang;      /* ISO 639-1, or NULL to detect */
  const char *lang_declared; /* the language the source declares (<html lang>, a
                         ** feed's language), or NULL: not taken as it is (page
                         ** templates declare "en" for German text), but it decides
                         ** between close candidates of a short text */
  const char *title, *url;
  const char *author;    /* as the source names it, or NULL */
  const char *warnings;  /* what the reader noticed (a lying charset, a damaged
                         ** record), one warning a line, or NULL: put first among
                         ** the picture's warnings */
} lb_input;

/* Create an engine. lexicon_path NULL means: $LAGEBILD_LEXICON, else
** lagebild.lex next to the running binary, else the build tree's. When no
** lexicon can be opened, returns NULL and a message in err. */
lb_engine *lb_engine_new(const char *lexicon_path, char *err, size_t errlen);
/* An engine without a lexicon: text layer only (tokens, sentences, language). */
lb_engine *lb_engine_new_text_only(void);
void lb_engine_free(lb_engine *e);
/* Run the pipeline only up to and including the named stage ("text" = tokens,
** sentences and language). Returns LB_ERR_USAGE for an unknown stage. */
lb_err lb_engine_stop_after(lb_engine *e, const char *stage);

/*
** The bounds of one document (0 keeps the default). A text longer than
** max_doc_bytes is cut there (at a character boundary), with a warning in
** its picture. A document whose extraction needs more than max_doc_memory
** bytes is refused: it comes back with no facts, lb_doc_refused says why,
** and the next document starts afresh. News takes about 70 bytes of
** memory per byte of text, text made of one-byte tokens up to 370.
*/
#define LB_MAX_DOC_BYTES ((size_t)32 << 20)
#define LB_MAX_DOC_MEMORY ((size_t)4 << 30)
void lb_engine_set_limits(lb_engine *e, size_t max_doc_bytes, size_t max_doc_memory);

/* Extract the picture of one document. Never fails for bad text: problems
** are repaired and listed in the picture's warnings. NULL only when out of
** memory. */
lb_doc *lb_extract(const lb_engine *e, const lb_input *in);
void lb_doc_free(lb_doc *d);
/* Why the document was refused (it needed more memory than the engine's
** limit, or the machine had none left), or NULL when it was not. */
const char *lb_doc_refused(const lb_doc *d);

/* The picture as one JSON object (no newline), malloc'd into *out; returns
** its length. */
size_t lb_doc_json(const lb_doc *d, char **out);

const char *lb_version(void);

#ifdef __cplusplus
}
#endif
#endif
