/*
** jsonl.h -- a strict, fast parser for one JSON Lines document.
**
** `lagebild extract` reads JSONL at hundreds of MB/s; jansson (used where
** JSON is read outside the hot path) cost 40% of the whole text pipeline in
** measurements on the bench corpus, because it builds a tree of every value.
** This parser validates the whole line per RFC 8259 but keeps only the
** fields a document has (id, text, title, url, published, lang), decoding
** escapes into a caller's buffer and pointing into the line when a string
** has none. Invalid UTF-8 inside strings is let through: the pipeline
** repairs it with a warning and offsets, instead of losing the document.
*/
#ifndef LB_JSONL_H
#define LB_JSONL_H

#include <stddef.h>

#include "../../include/lagebild.h"
#include "../base/buf.h"

/* The member names that hold a document's fields; a NULL name means the
** default ("text", "id", "title", "url", "published", "lang"). For JSON
** Lines as people write them: {"body": ...} with text = "body". */
typedef struct lb_jsonl_names {
  const char *text, *id, *title, *url, *published, *lang;
} lb_jsonl_names;

/* Parse line[0..n) into *in, with the member names of names (NULL: the
** defaults). Strings in *in point into line or into scratch
** (which is reset first) and stay valid while both live. On error returns
** -1, sets *errpos to the byte offset in the line and writes a reason into
** msg. A line that is valid JSON but not a document (not an object, no
** "text", "text" not a string) is an error too, and so is an id that
** cannot be a key: empty, holding a control character (U+0000-U+001F,
** U+007F, escaped or not) or invalid UTF-8 (*errpos: the byte at fault).
** Returns 0 on success. */
int lb_jsonl_parse(const char *line, size_t n, const lb_jsonl_names *names, lb_input *in,
                   lb_buf *scratch, size_t *errpos, char *msg, size_t msglen);

/* Write *in as one JSON Lines document (no newline) that lb_jsonl_parse
** reads back into the same bytes: the fields id, text, title, url,
** published and lang that are set; '"', '\\' and bytes below 0x20 escaped,
** every other byte -- invalid UTF-8 included -- as it is, so that the
** reader's repair and its warnings happen where the document is read
** back (the queue's messages, queue/). */
void lb_jsonl_write(lb_buf *out, const lb_input *in);

#endif
