/*
** utf8.h -- UTF-8 validation and in-place repair of byte buffers.
**
** The base layer's UTF-8: it knows bytes, not documents. Every document's
** text passes through lb_utf8_repair before anything else reads it (the text
** layer's lb_text_set, src/doc/text.c, which turns the runs it reports into
** warnings). Invalid byte sequences and NUL bytes are replaced byte for byte
** with 0x1A (ASCII SUB, "substitute"), so the repaired text has exactly the
** length of the input and every offset lagebild reports points into the
** original bytes. The JSON writer (json.c) prints 0x1A as U+FFFD.
*/
#ifndef LB_UTF8_H
#define LB_UTF8_H

#include <stddef.h>

/* Called for each run of replaced bytes: s[off .. off+len) were invalid
** (nul: the run held a NUL byte) and are 0x1A now. */
typedef void (*lb_utf8_bad_fn)(void *ctx, size_t off, size_t len, int nul);

/* Repair s[0..n) in place; call bad (when not NULL) for every replaced run,
** in order. Returns the number of runs. */
size_t lb_utf8_repair(char *s, size_t n, lb_utf8_bad_fn bad, void *ctx);

/* Byte length (1..4) of the valid UTF-8 sequence at s[0..n), n >= 1, or 0
** when it is invalid (overlong, surrogate, truncated, > U+10FFFF). */
size_t lb_utf8_seq(const unsigned char *s, size_t n);

/* Length of the longest valid-UTF-8 prefix of s[0..n) (for tests and fuzzing). */
size_t lb_utf8_valid_prefix(const char *s, size_t n);

#endif
