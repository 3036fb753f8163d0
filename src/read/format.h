/*
** format.h -- what kind of input a file is, told by its first bytes.
**
**   LB_FORMAT_WARC   starts with "WARC/"
**   LB_FORMAT_FEED   XML whose root element is <rss>, <rdf:RDF> or <feed>
**   LB_FORMAT_HTML   markup: a doctype, <html>, or another element first; or
**                 an <html> or <body> tag near the start
**   LB_FORMAT_JSONL  a first line that is a JSON object ("{" ... "}"), or a
**                 name ending in .jsonl or .ndjson (then whatever it holds)
**   LB_FORMAT_TEXT   anything else
**
** A byte-order mark and white space before the first byte that tells are
** passed over. The bytes are what compress.h decoded (gzip and zstd inside
** any format). `--format` overrides this (lb_format_parse).
*/
#ifndef LB_FORMAT_H
#define LB_FORMAT_H

#include <stddef.h>

enum { LB_FORMAT_AUTO = -1, LB_FORMAT_TEXT = 0, LB_FORMAT_JSONL, LB_FORMAT_HTML, LB_FORMAT_FEED, LB_FORMAT_WARC };

/* How many first bytes lb_format_detect wants to see (fewer are fine). */
#define LB_FORMAT_PEEK 4096

/* The format of head[0..n), the first bytes of a file; name (or NULL) is
** its path, whose suffix only decides for .jsonl and .ndjson. */
int lb_format_detect(const char *head, size_t n, const char *name);

/* "text", "jsonl", "html", "feed", "warc" (and "rss", "atom", "auto") into
** LB_FORMAT_*, or -2 when unknown. */
int lb_format_parse(const char *s);
const char *lb_format_name(int fmt);

#endif
