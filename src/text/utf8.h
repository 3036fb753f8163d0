/*
** utf8.h -- UTF-8 validation and repair of input text.
**
** Every document passes through lb_utf8_repair before anything else reads it.
** Invalid byte sequences and NUL bytes are replaced byte for byte with 0x1A
** (ASCII SUB, "substitute"), so the repaired text has exactly the length of
** the input and every offset lagebild reports points into the original bytes.
** The JSON writer prints 0x1A as U+FFFD. Each replaced run is reported as a
** warning with its byte offset (the first 16 runs; then a count).
*/
#ifndef LB_UTF8_H
#define LB_UTF8_H

#include <stddef.h>

struct lb_doc;

/* Copy s[0..n) into d's arena as d->text, repairing it; add warnings. */
void lb_utf8_repair(struct lb_doc *d, const char *s, size_t n);

/* Byte length (1..4) of the valid UTF-8 sequence at s[0..n), n >= 1, or 0
** when it is invalid (overlong, surrogate, truncated, > U+10FFFF). */
size_t lb_utf8_seq(const unsigned char *s, size_t n);

/* Length of the longest valid-UTF-8 prefix of s[0..n) (for tests and fuzzing). */
size_t lb_utf8_valid_prefix(const char *s, size_t n);

#endif
