/*
** article.h -- an HTML page's article: its text and what the page says of it.
**
** lb_art_read takes a page's bytes (any charset: charset.h), parses them
** (html.h) and picks the article: the main text without navigation, ads,
** comments, captions, related links and cookie banners, one paragraph per
** block, paragraphs separated by a blank line; and the metadata: title,
** canonical URL, publication date (RFC 3339, pubdate.h), author and
** language, from <meta>, JSON-LD, <time> and <html lang>. How the article
** is found: see article.c; how well: `make eval-read`.
**
** A feed item's content (opts.fragment) is an article already: all its
** text is kept but for the parts boilerplate words mark.
*/
#ifndef LB_ARTICLE_H
#define LB_ARTICLE_H

#include <stddef.h>

#include "../base/buf.h"

typedef struct lb_art_opts {
  const char *charset; /* named by the transport (HTTP header), or NULL */
  int fragment;        /* a piece of HTML that is all article (a feed item's content) */
} lb_art_opts;

/* Where the results are: offsets of NUL-terminated strings in the output
** buffer, LB_ART_NONE when the page does not say. warnings holds one
** warning a line. */
#define LB_ART_NONE ((size_t)-1)
typedef struct lb_art {
  size_t text, len; /* the article text and its length in bytes */
  size_t title, url, published, author, lang, warnings;
} lb_art;

/* Read the page p[0..n), appending the results to out (not reset: callers
** may keep other strings there) and their offsets to *a. Returns 0, or -1
** when out of memory. Thread-safe. */
int lb_art_read(const char *p, size_t n, const lb_art_opts *o, lb_buf *out, lb_art *a);

/* The ISO 639 code of a language tag: "en-US", "de_DE", "pt-br" -> "en",
** "de", "pt" (2 or 3 lower-case letters into out); 0 when v is none. */
int lb_art_lang_code(const char *v, char out[4]);

#endif
