/*
** compress.h -- reading gzip- and zstd-compressed files as plain streams,
** and walking directories of input files.
**
** lb_compress_open looks at a file's first bytes, or stdin's: gzip (1f 8b)
** and zstd (28 b5 2f fd) are decompressed on the fly behind an ordinary
** FILE*, so the readers in input.c use getline/fread on it unchanged; any
** other input is read as it is. Concatenated gzip members (a WARC file with
** one member per record) and multi-frame zstd files are read to the end.
** Damaged compressed data (corrupt, truncated, trailing garbage after the
** last member or frame) makes reads fail (ferror) with a message in
** lb_compress_error naming the file, what is wrong and the compressed byte
** offset; every byte decoded before the damage is read first.
** lb_compress_peek shows the first decoded bytes before they are read, for
** telling the format by content (format.h). lb_compress_to_utf8 turns a
** UTF-16 or UTF-32 stream (told by its byte-order mark) into UTF-8 on the
** way, so that no reader has to know about it.
**
** lb_compress_walk lists the input files under a directory, sorted by name
** at each level so that every run sees the same order.
*/
#ifndef LB_COMPRESS_H
#define LB_COMPRESS_H

#include <stddef.h>
#include <stdio.h>

typedef struct lb_zfile lb_zfile;

enum { LB_Z_PLAIN = 0, LB_Z_GZIP = 1, LB_Z_ZSTD = 2 };

/* Open path ("-" = stdin) for reading, decompressing when it is gzip or
** zstd. NULL with a message in err when the file cannot be opened or read. */
lb_zfile *lb_compress_open(const char *path, char *err, size_t errlen);
/* The first decoded bytes, up to want (fewer when the input is shorter or
** damaged: the first read then reports the error), into *p (owned by z).
** Only before the first read from lb_compress_file; the stream still
** starts at byte 0. */
size_t lb_compress_peek(lb_zfile *z, size_t want, const char **p);
/* Before the first read: when the decoded bytes start with a UTF-16 or
** UTF-32 byte-order mark, read them as UTF-8 from here on (converted with
** iconv; the mark becomes the UTF-8 one, EF BB BF, and invalid units
** U+FFFD) and return the charset ("UTF-16LE", "UTF-16BE", "UTF-32LE",
** "UTF-32BE"); else NULL and nothing changes. */
const char *lb_compress_to_utf8(lb_zfile *z);
/* The decompressed stream (owned by z). */
FILE *lb_compress_file(lb_zfile *z);
/* The path given to lb_compress_open ("<stdin>" for "-"). */
const char *lb_compress_path(const lb_zfile *z);
/* LB_Z_PLAIN, LB_Z_GZIP or LB_Z_ZSTD. */
int lb_compress_kind(const lb_zfile *z);
/* Bytes of the file on disk consumed so far (for progress). */
size_t lb_compress_raw_offset(const lb_zfile *z);
/* Why the last read failed ("file: truncated gzip data at byte N of the
** compressed file: the file ends inside a compressed block"), or
** NULL when no decompression error happened. */
const char *lb_compress_error(const lb_zfile *z);
/* Close the stream and the file. NULL is fine. */
void lb_compress_close(lb_zfile *z);

/* 1 when name ends in a compression suffix (.gz, .zst), 0 otherwise; *stem
** gets the length of the name without it. */
int lb_compress_suffix(const char *name, size_t *stem);

/* Called for each input file found; return nonzero to stop the walk. */
typedef int (*lb_walk_fn)(const char *path, void *ctx);

/* Called with a message ("DIR: Permission denied; directory skipped") for
** each part of a walk that is skipped; lost is 1 when input files may be
** missed by it, 0 when not (a link to a directory read already). */
typedef void (*lb_walk_warn_fn)(const char *msg, int lost, void *ctx);

/* If path is a directory, call fn for each input file below it (names
** ending in .txt, .text, .jsonl, .ndjson, .json, .html, .htm, .xhtml, .xml,
** .rss, .atom, .rdf or .warc, optionally followed by .gz or .zst; hidden
** entries skipped), depth first, sorted by name; every directory once,
** however many links lead to it (device and inode: a link loop is read
** once). What cannot be read below path -- a subdirectory, a dangling link
** with an input file's name, directories nested deeper than 64 -- is told
** to warn and skipped, and the walk goes on. If path is anything else, call
** fn for path itself. Returns 0, the first nonzero value of fn, or -1 with
** a message in err when path itself cannot be read (or out of memory). */
int lb_compress_walk_warn(const char *path, lb_walk_fn fn, void *ctx, lb_walk_warn_fn warn,
                          void *wctx, char *err, size_t errlen);
/* lb_compress_walk_warn with the warnings on stderr ("lagebild: MSG"). */
int lb_compress_walk(const char *path, lb_walk_fn fn, void *ctx, char *err, size_t errlen);

#endif
