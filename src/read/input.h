/*
** input.h -- reading documents: plain text, JSON Lines, HTML pages, RSS and
** Atom feeds, WARC archives.
**
** A reader yields documents one at a time from a file or stdin. The format
** is told by the content (format.h: gzip and zstd inside any), unless the
** caller forces one:
**   text    one document per file (a UTF-8 byte-order mark dropped)
**   jsonl   one object per line with the fields of docs/OUTPUT.md ("text"
**           required; other member names through lb_read_opts.names)
**   html    one page per file: its article (article.h) and metadata
**   feed    one document per item (feed.h), its content through article.h
**   warc    one document per HTML response record (warc.h), read as a stream
** Any of them may be UTF-16 or UTF-32 with a byte-order mark: read as UTF-8
** (compress.h's lb_compress_to_utf8). JSON lines end in LF, CRLF or a lone
** CR; a UTF-8 byte-order mark at the start of one is dropped (the file's,
** or that of a file joined to it).
** A bad line, item or record never stops the reader: it is reported (file,
** line or record, byte offset, reason) and the reader goes on.
**
** Raw reading, for parsing on worker threads: lb_reader_next_raw hands out
** the next item as bytes (a JSONL line, a whole file, or a feed item or
** WARC record packed with its metadata) that stay valid until the next
** call; lb_reader_parse (thread-safe) turns a copy of them into a document.
** HTML is parsed there, on the workers.
*/
#ifndef LB_INPUT_H
#define LB_INPUT_H

#include <stddef.h>

#include "../../include/lagebild.h"
#include "../base/buf.h"
#include "format.h"
#include "jsonl.h"

typedef struct lb_reader lb_reader;

typedef struct lb_read_opts {
  int format;            /* LB_FORMAT_AUTO (by content), or the LB_FORMAT_* to read */
  lb_input defaults;     /* id (of a single text or page; default: the file's base
                         ** name), published and lang (for documents without) */
  lb_jsonl_names names;  /* JSON Lines member names (NULL: "text", "id", ...) */
} lb_read_opts;

/* Open path ("-" = stdin) with options o (NULL: all defaults). NULL with a
** message in err when it cannot be opened. */
lb_reader *lb_reader_open(const char *path, const lb_read_opts *o, char *err, size_t errlen);

/* Read no more than max + 1 bytes of a plain-text document (0: no limit):
** the engine cuts a text at its limit of one document anyway
** (lb_engine_set_limits), and a small .gz can hold gigabytes. */
void lb_reader_set_max_text(lb_reader *r, size_t max);

/* Next document into *doc (valid until the next call). Returns 1 for a
** document, 0 at the end, -1 for a skipped line, item or record (message
** in msg). */
int lb_reader_next(lb_reader *r, lb_input *doc, char *msg, size_t msglen);

/*
** Raw reading. lb_reader_next_raw: 1 with the next item in *p, *n (its line
** number, or item number in a feed, in *line, its byte offset in *off);
** 0 at the end (lb_reader_error then names a read error that ended it, if
** one did); -1 for a part that was skipped (a damaged WARC record, a file
** that is no feed): lb_reader_message says what and where; call again.
** lb_reader_parse: 0, or -1 with "file:line: reason at byte N" in msg.
*/
int lb_reader_next_raw(lb_reader *r, const char **p, size_t *n, size_t *line, size_t *off);
int lb_reader_parse(const lb_reader *r, const char *p, size_t n, size_t line, size_t off,
                    lb_input *in, lb_buf *scratch, char *msg, size_t msglen);
const char *lb_reader_message(const lb_reader *r);
/* The format being read (LB_FORMAT_*: decided at open). */
int lb_reader_format(const lb_reader *r);
const char *lb_reader_path(const lb_reader *r);
/* The read or decompression error (corrupt gzip/zstd data, I/O error) that
** ended the input early, or NULL. lb_reader_next reports it once as a
** skipped line; lb_reader_next_raw callers ask here after it returned 0. */
const char *lb_reader_error(const lb_reader *r);

/* Line number of the last JSON Lines document (1-based), or the number of
** the last feed item; 0 for others. */
size_t lb_reader_line(const lb_reader *r);
/* Bytes consumed so far (for progress). */
size_t lb_reader_offset(const lb_reader *r);
/* Bytes of the file on disk consumed so far: differs from lb_reader_offset
** for gzip/zstd input (for progress against the file size). */
size_t lb_reader_raw_offset(const lb_reader *r);
/* The file is read to its end (or stopped on an error): close it and free
** the buffers, keeping what lb_reader_parse, lb_reader_path and
** lb_reader_error need. Callers that keep raw items of many files for a
** while (cmd_extract.c's batches) would otherwise hold one open file per
** input file and run out of file descriptors. */
void lb_reader_finish(lb_reader *r);
void lb_reader_close(lb_reader *r);

#endif
