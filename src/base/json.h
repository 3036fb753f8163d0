/*
** json.h -- a small JSON writer into an lb_buf.
**
** Writing JSON is on the hot path (every document's picture), so it is our own
** code: escaping is one pass over the bytes. Reading JSON (input documents,
** data files) goes through jansson instead (read/input.c).
**
** Strings are written so that the output is valid UTF-8 JSON for every input:
** control characters are escaped, the SUB byte 0x1A that utf8.c puts in place
** of invalid input bytes becomes U+FFFD, and any byte sequence that is still
** not valid UTF-8 is written as U+FFFD per byte.
*/
#ifndef LB_JSON_H
#define LB_JSON_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

void lb_json_str(lb_buf *b, const char *s, size_t n); /* "..." escaped */
void lb_json_cstr(lb_buf *b, const char *s);          /* NULL -> null */
void lb_json_num(lb_buf *b, double v);                /* shortest round-trip-ish, integers exact */
void lb_json_int(lb_buf *b, int64_t v);
void lb_json_key(lb_buf *b, const char *k);           /* "k": */
void lb_json_span(lb_buf *b, uint32_t start, uint32_t end); /* [start,end] */

#endif
