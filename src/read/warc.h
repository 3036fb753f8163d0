/*
** warc.h -- WARC files (ISO 28500, WARC/1.0 and 1.1) read as a stream.
**
** A crawl such as CC-NEWS is a sequence of records, each its own gzip
** member (compress.h reads them as one stream). lb_warc_next reads one
** record at a time -- its headers and its block, never the whole file --
** and hands out the ones that hold a page: `response` records whose HTTP
** response is HTML (text/html, application/xhtml+xml), and `resource`
** records of HTML, with WARC-Target-URI, WARC-Date, WARC-Record-ID, the
** charset of the HTTP Content-Type, and the page's bytes (chunked transfer
** coding and gzip or deflate content coding undone). Other records
** (request, metadata, warcinfo, images...) are skipped.
**
** A damaged record is reported with its byte offset in the (decompressed)
** stream, and reading goes on at the next line that starts a record.
*/
#ifndef LB_WARC_H
#define LB_WARC_H

#include <stddef.h>
#include <stdio.h>

#include "../base/buf.h"

/* Blocks larger than this are skipped (with a message), not read. */
#define LB_WARC_MAX_BLOCK ((size_t)256 << 20)

typedef struct lb_warc lb_warc;

typedef struct lb_warc_rec {
  const char *uri, *date, *id; /* WARC-Target-URI, WARC-Date, WARC-Record-ID (or "") */
  const char *charset;         /* from the HTTP Content-Type, or "" */
  const char *body;            /* the page */
  size_t len;
  size_t offset;               /* where the record starts in the stream */
} lb_warc_rec;

/* Read records from f (not closed by lb_warc_free); path names it in messages. */
lb_warc *lb_warc_new(FILE *f, const char *path);
/* The next page record into *rec (valid until the next call): 1; 0 at the
** end; -1 for a damaged or too large record, with "path: ... at byte N" in
** msg (call again to go on). */
int lb_warc_next(lb_warc *w, lb_warc_rec *rec, char *msg, size_t msglen);
/* Bytes of the stream read so far. */
size_t lb_warc_offset(const lb_warc *w);
void lb_warc_free(lb_warc *w);

/* Undo an HTTP response's framing: status line and headers of p[0..n) are
** read, the body is de-chunked and decompressed into out. *type gets the
** Content-Type value (in out too), *body the start of the body in out.
** Returns 0, or -1 when p is no HTTP response. Exposed for tests. */
int lb_warc_http(const char *p, size_t n, lb_buf *out, size_t *type, size_t *body);

#endif
