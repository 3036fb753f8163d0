/*
** input.h -- reading documents: plain-text files and JSON Lines.
**
** A reader yields documents one at a time from a file or stdin. Plain text
** is one document per file; JSON Lines is one object per line with the
** fields of docs/OUTPUT.md ("text" required). A bad line never stops the
** reader: lb_reader_next reports it (file, line, byte offset, reason) and
** the caller goes on with the next line.
*/
#ifndef LB_INPUT_H
#define LB_INPUT_H

#include <stddef.h>

#include "../../include/lagebild.h"
#include "../base/buf.h"

typedef struct lb_reader lb_reader;

enum { LB_READ_TEXT = 0, LB_READ_JSONL = 1, LB_READ_AUTO = 2 };

/* Open path ("-" = stdin). mode LB_READ_AUTO picks JSONL for *.jsonl,
** *.ndjson (also .gz/.zst compressed), plain text otherwise. defaults gives
** id/published/lang for plain text (id defaults to the file's base name). */
lb_reader *lb_reader_open(const char *path, int mode, const lb_input *defaults, char *err,
                          size_t errlen);

/* Read no more than max + 1 bytes of a plain-text document (0: no limit):
** the engine cuts a text at its limit of one document anyway
** (lb_engine_set_limits), and a small .gz can hold gigabytes. */
void lb_reader_set_max_text(lb_reader *r, size_t max);

/* Next document into *doc (valid until the next call). Returns 1 for a
** document, 0 at the end, -1 for a skipped line (message in msg). */
int lb_reader_next(lb_reader *r, lb_input *doc, char *msg, size_t msglen);

/*
** Raw reading, for parsing on worker threads: lb_reader_next_raw gives the
** next JSONL line (blank lines skipped) or the whole plain-text document;
** *p stays valid until the next call (copy it to keep it). Returns 1, or 0
** at the end. lb_reader_parse (thread-safe; scratch is the caller's) turns
** it into a document: 0, or -1 with "file:line: reason at byte N" in msg.
*/
int lb_reader_next_raw(lb_reader *r, const char **p, size_t *n, size_t *line, size_t *off);
int lb_reader_parse(const lb_reader *r, const char *p, size_t n, size_t line, size_t off,
                    lb_input *in, lb_buf *scratch, char *msg, size_t msglen);
int lb_reader_is_jsonl(const lb_reader *r);
const char *lb_reader_path(const lb_reader *r);
/* The read or decompression error (corrupt gzip/zstd data, I/O error) that
** ended the input early, or NULL. lb_reader_next reports it once as a
** skipped line; lb_reader_next_raw callers ask here after it returned 0. */
const char *lb_reader_error(const lb_reader *r);

/* Line number of the last document (1-based; 0 for plain text). */
size_t lb_reader_line(const lb_reader *r);
/* Bytes consumed so far (for progress). */
size_t lb_reader_offset(const lb_reader *r);
/* Bytes of the file on disk consumed so far: differs from lb_reader_offset
** for gzip/zstd input (for progress against the file size). */
size_t lb_reader_raw_offset(const lb_reader *r);
/* The file is read to its end (or stopped on an error): close it and free
** the line buffer, keeping what lb_reader_parse, lb_reader_path and
** lb_reader_error need. Callers that keep raw lines of many files for a
** while (cmd_extract.c's batches) would otherwise hold one open file per
** input file and run out of file descriptors. */
void lb_reader_finish(lb_reader *r);
void lb_reader_close(lb_reader *r);

#endif
