/*
** charset.h -- the character set of a page or feed, and its bytes as UTF-8.
**
** Which charset: a byte-order mark first; then what the transport said (a
** WARC record's HTTP Content-Type, a caller's --charset); then what the
** document declares in its first 64 KiB (<meta charset>, <meta http-equiv
** content-type>, <?xml encoding?>); with none of these, UTF-8 when the
** bytes are valid UTF-8, else windows-1252. A declaration that lies -- a
** legacy charset declared for bytes that are valid UTF-8 with non-ASCII
** letters, as pages re-saved by a browser often are -- loses to UTF-8, with
** a warning. ISO-8859-1 and US-ASCII are read as windows-1252 (as browsers
** do: the labels are used for that in practice).
**
** The result is valid UTF-8 without NUL bytes: invalid sequences and NULs
** become U+FFFD (counted in a warning), so the parsers after this never
** meet bytes they would guess about. Conversion is glibc's iconv.
*/
#ifndef LB_CHARSET_H
#define LB_CHARSET_H

#include <stddef.h>

#include "../base/buf.h"

/* The charset declared inside p[0..n) (first 64 KiB: meta charset, meta
** http-equiv, XML declaration), into out (lower case), or 0 when none. */
int lb_charset_declared(const char *p, size_t n, char *out, size_t outlen);

/* The charset named in a Content-Type value ("text/html; charset=ISO-8859-1")
** into out (lower case), or 0. */
int lb_charset_of_type(const char *type, char *out, size_t outlen);

/* p[0..n) as valid UTF-8. transport is the charset the transport named, or
** NULL. *res points to the result: p itself when it is valid UTF-8 already
** (and has no BOM), else into out (reset first). A warning goes into warn
** (empty when none): which charset was used when it was not UTF-8 or a
** declaration was overruled, and how many bytes were replaced. Returns the
** length of *res; never fails (out of memory aborts, as lb_buf does). */
size_t lb_charset_utf8(const char *p, size_t n, const char *transport, lb_buf *out,
                       const char **res, char *warn, size_t warnlen);

/* Replace, in place, every byte of s[0..n) that is not part of valid UTF-8
** (and every NUL) by 0x1A, the byte the pipeline uses for repaired input
** (written as U+FFFD in JSON); returns how many. For strings that come out
** of a parser: libxml2 passes some character references it cannot encode
** as raw bytes. */
size_t lb_charset_scrub(char *s, size_t n);

/* Length of the valid UTF-8 sequence at s[0..n), 0 when invalid (or NUL). */
size_t lb_charset_utf8_seq(const unsigned char *s, size_t n);

#endif
