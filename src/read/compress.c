/*
** compress.c -- gzip (zlib) and zstd (libzstd) decompression behind a FILE*,
** and directory walking (see compress.h).
**
** Every input, plain or compressed, file or pipe, is read through a glibc
** fopencookie stream: the readers keep their stdio code (getline for JSON
** Lines, fread for whole documents) and compressed input or stdin costs no
** change there. The first raw chunk is read at open to tell the kind by its
** magic bytes, and served as data afterwards, so nothing is read twice and
** nothing needs rewinding (a pipe cannot be rewound). lb_compress_peek
** decodes the first bytes ahead (the format detection of input.c looks at
** them) and the stream serves those first. The cookie reads 128 KB of a
** compressed file at a time and inflates into whatever buffer stdio hands
** it; plain data goes from read(2) straight into stdio's buffer. UTF-16
** and UTF-32 input goes through iconv after decompression (64 KB at a
** time), before peeking, so format detection sees UTF-8 too.
*/
#include "compress.h"

#include <assert.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <iconv.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>
#include <zstd.h>
#include <zstd_errors.h>

#define RAW_CHUNK (128u << 10)

struct lb_zfile {
  int fd, own_fd;   /* the file on disk or the pipe */
  FILE *fp;         /* what callers read: the cookie stream */
  int kind;
  char *path;
  size_t raw_off;   /* raw bytes read from fd */
  unsigned char *in; /* raw bytes read and not yet used: in[in_pos..in_len) */
  size_t in_len, in_pos;
  int raw_eof, end; /* raw file exhausted; last frame/member finished */
  z_stream zs;
  gz_header hdr;    /* hdr.done: the current member's header is read */
  int zs_init;
  unsigned members; /* gzip members begun after the first */
  size_t frame_at;  /* zstd: offset in the file where the last complete frame ended */
  ZSTD_DStream *zd;
  char err[256];
  iconv_t cd;          /* UTF-16/32 input: into UTF-8 (lb_compress_to_utf8), or (iconv_t)-1 */
  const char *wide;    /* its iconv name ("UTF-16LE"...), or NULL */
  unsigned char *wbuf; /* wide bytes decoded, not yet converted: wbuf[0..wlen) */
  size_t wlen;
  int weof;            /* the decoded stream is at its end (or failed) */
  unsigned char *u8;   /* converted, not yet served: u8[u8_pos..u8_len) */
  size_t u8_len, u8_pos;
  unsigned char *head; /* decoded bytes peeked (lb_compress_peek), served first */
  size_t head_len, head_pos;
  char *iobuf; /* fp's stdio buffer (RAW_IOBUF bytes), or NULL */
};

/* stdio reads a stream 4 KiB at a time: 28,000 read calls for the 114 MB
** bench corpus, 4.6% of the wall time of `extract --stages places` on one
** thread (perf: the kernel's read path). A 1 MiB buffer makes that 114 calls. */
#define RAW_IOBUF ((size_t)1 << 20)

/* read(2) without EINTR; -1 with the error in z->err. */
static ssize_t raw_read(lb_zfile *z, void *buf, size_t size) {
  for (;;) {
    ssize_t k = read(z->fd, buf, size);
    if (k >= 0) {
      z->raw_off += (size_t)k;
      return k;
    }
    if (errno == EINTR) continue;
    snprintf(z->err, sizeof z->err, "%s: read error at byte %zu: %s", z->path, z->raw_off,
             strerror(errno));
    return -1;
  }
}

/* Refill z->in when it is used up (and the file is not at its end). */
static int fill(lb_zfile *z) {
  if (z->in_pos < z->in_len || z->raw_eof) return 0;
  ssize_t k = raw_read(z, z->in, RAW_CHUNK);
  if (k < 0) return -1;
  z->in_len = (size_t)k;
  z->in_pos = 0;
  if (k == 0) z->raw_eof = 1;
  return 0;
}

/* Plain input: what is left of the first chunk (read to look at the magic
** bytes), then straight from the file into the caller's buffer. */
static ssize_t read_plain(lb_zfile *z, char *buf, size_t size) {
  if (z->in_pos < z->in_len) {
    size_t k = z->in_len - z->in_pos < size ? z->in_len - z->in_pos : size;
    memcpy(buf, z->in + z->in_pos, k);
    z->in_pos += k;
    return (ssize_t)k;
  }
  if (z->raw_eof) return 0;
  ssize_t k = raw_read(z, buf, size);
  if (k == 0) z->raw_eof = 1;
  return k;
}

/* Damaged compressed data: the message into z->err, for the next read to
** return -1 with (decode). What was decoded before it goes out first, so
** that every line before the damage is read: returning -1 at once would
** throw away a whole stdio buffer of good documents (168 of 5,000 for a
** gzip file with trailing garbage). at is the byte offset in the file on
** disk, the compressed offset: the decoded one means nothing to gzip -t. */
static ssize_t damaged(lb_zfile *z, size_t out, size_t at, const char *what, const char *why) {
  snprintf(z->err, sizeof z->err, "%s: %s at byte %zu of the compressed file%s%s", z->path, what,
           at, why ? ": " : "", why ? why : "");
  return out ? (ssize_t)out : -1;
}

/* Offset in the file of the next raw byte not yet given to the decoder. */
static size_t raw_pos(const lb_zfile *z) { return z->raw_off - (z->in_len - z->in_pos); }

static ssize_t read_gzip(lb_zfile *z, char *buf, size_t size) {
  size_t out = 0;
  while (out < size) {
    if (fill(z) < 0) return out ? (ssize_t)out : -1;
    if (z->in_pos == z->in_len) {
      if (!z->end)
        return damaged(z, out, z->raw_off, "truncated gzip data",
                       z->hdr.done ? "the file ends inside a compressed block"
                                   : "the file ends inside a gzip header");
      break;
    }
    if (z->end) { /* another gzip member follows, or what is left is no gzip */
      if (z->in[z->in_pos] != 0x1f)
        return damaged(z, out, raw_pos(z), "trailing garbage after the gzip member", NULL);
      if (inflateReset(&z->zs) != Z_OK || inflateGetHeader(&z->zs, &z->hdr) != Z_OK)
        return damaged(z, out, raw_pos(z), "cannot read the next gzip member", NULL);
      z->members++;
      z->end = 0;
    }
    z->zs.next_in = z->in + z->in_pos;
    z->zs.avail_in = (uInt)(z->in_len - z->in_pos);
    z->zs.next_out = (unsigned char *)buf + out;
    z->zs.avail_out = (uInt)(size - out);
    int rc = inflate(&z->zs, Z_NO_FLUSH);
    size_t used = (z->in_len - z->in_pos) - z->zs.avail_in;
    z->in_pos += used;
    out = size - z->zs.avail_out;
    if (rc == Z_STREAM_END) {
      z->end = 1;
    } else if (rc != Z_OK && rc != Z_BUF_ERROR) {
      /* bytes after a member that begin like one but are no gzip header */
      if (z->members && !z->hdr.done)
        return damaged(z, out, raw_pos(z), "trailing garbage after the gzip member",
                       z->zs.msg);
      return damaged(z, out, raw_pos(z), "corrupt gzip data",
                     z->zs.msg ? z->zs.msg : "inflate failed");
    }
  }
  return (ssize_t)out;
}

static ssize_t read_zstd(lb_zfile *z, char *buf, size_t size) {
  ZSTD_outBuffer ob = {buf, size, 0};
  while (ob.pos < ob.size) {
    if (fill(z) < 0) return ob.pos ? (ssize_t)ob.pos : -1;
    if (z->in_pos == z->in_len) {
      if (!z->end)
        return damaged(z, ob.pos, z->raw_off, "truncated zstd data",
                       "the file ends inside a compressed block");
      break;
    }
    ZSTD_inBuffer ib = {z->in, z->in_len, z->in_pos};
    size_t rc = ZSTD_decompressStream(z->zd, &ob, &ib);
    z->in_pos = ib.pos;
    if (ZSTD_isError(rc)) {
      /* a frame ended, and what follows is no frame */
      if (z->end && ZSTD_getErrorCode(rc) == ZSTD_error_prefix_unknown)
        return damaged(z, ob.pos, z->frame_at, "trailing garbage after the zstd frame", NULL);
      return damaged(z, ob.pos, raw_pos(z), "corrupt zstd data", ZSTD_getErrorName(rc));
    }
    z->end = rc == 0; /* a frame is complete */
    if (z->end) z->frame_at = raw_pos(z);
  }
  return (ssize_t)ob.pos;
}

/* Decompressed bytes into buf: 0 at the end, -1 on an error (message in z->err). */
static ssize_t decode_raw(lb_zfile *z, char *buf, size_t size) {
  if (z->err[0]) return -1;
  switch (z->kind) {
  case LB_Z_GZIP: return read_gzip(z, buf, size);
  case LB_Z_ZSTD: return read_zstd(z, buf, size);
  default: return read_plain(z, buf, size);
  }
}

/* UTF-16 or UTF-32 (with a byte-order mark) converted into z->u8 with
** iconv, a chunk of decoded bytes at a time. An unpaired surrogate or
** another invalid unit becomes U+FFFD, as the charset reader (charset.h)
** does for pages; so do the odd bytes of a file cut inside a unit.
** 0 at the end, -1 on a decompression error with nothing converted. */
#define WIDE_CHUNK (64u << 10)
static ssize_t convert_wide(lb_zfile *z) {
  z->u8_len = z->u8_pos = 0;
  while (z->u8_len == 0) {
    if (!z->weof) {
      ssize_t k = decode_raw(z, (char *)z->wbuf + z->wlen, WIDE_CHUNK - z->wlen);
      if (k <= 0) z->weof = 1; /* the end, or damage (z->err) after the bytes before it */
      else z->wlen += (size_t)k;
    }
    if (z->wlen == 0) return z->err[0] ? -1 : 0;
    char *in = (char *)z->wbuf, *o = (char *)z->u8;
    size_t left = z->wlen, room = WIDE_CHUNK * 2;
    while (left) {
      size_t r = iconv(z->cd, &in, &left, &o, &room);
      if (r != (size_t)-1) break;
      if (errno == EINVAL && !z->weof) break; /* a unit cut at the chunk's end: next time */
      /* invalid, or cut at the file's end: U+FFFD for one unit */
      size_t unit = strstr(z->wide, "32") ? 4 : 2;
      if (unit > left) unit = left;
      in += unit;
      left -= unit;
      memcpy(o, "\xEF\xBF\xBD", 3);
      o += 3;
      room -= 3;
      iconv(z->cd, NULL, NULL, NULL, NULL);
    }
    memmove(z->wbuf, in, left);
    z->wlen = left;
    z->u8_len = (size_t)(o - (char *)z->u8);
  }
  return (ssize_t)z->u8_len;
}

/* Decoded bytes into buf, as UTF-8 when the input is wide: 0 at the end,
** -1 on an error (message in z->err). */
static ssize_t decode(lb_zfile *z, char *buf, size_t size) {
  if (!z->wide) return decode_raw(z, buf, size);
  size_t out = 0;
  while (out < size) {
    if (z->u8_pos == z->u8_len) {
      ssize_t k = convert_wide(z);
      if (k <= 0) return out ? (ssize_t)out : k;
    }
    size_t k = z->u8_len - z->u8_pos < size - out ? z->u8_len - z->u8_pos : size - out;
    memcpy(buf + out, z->u8 + z->u8_pos, k);
    z->u8_pos += k;
    out += k;
  }
  return (ssize_t)out;
}

static ssize_t cookie_read(void *c, char *buf, size_t size) {
  lb_zfile *z = c;
  if (z->head_pos < z->head_len) {
    size_t k = z->head_len - z->head_pos < size ? z->head_len - z->head_pos : size;
    memcpy(buf, z->head + z->head_pos, k);
    z->head_pos += k;
    return (ssize_t)k;
  }
  ssize_t n = decode(z, buf, size);
  if (n < 0) errno = EIO;
  return n;
}

static int cookie_close(void *c) {
  (void)c; /* lb_compress_close frees everything */
  return 0;
}

lb_zfile *lb_compress_open(const char *path, char *err, size_t errlen) {
  int is_stdin = strcmp(path, "-") == 0;
  lb_zfile *z = calloc(1, sizeof *z);
  if (!z || !(z->path = strdup(is_stdin ? "<stdin>" : path)) || !(z->in = malloc(RAW_CHUNK))) {
    if (z) free(z->path);
    free(z);
    snprintf(err, errlen, "%s: out of memory", path);
    return NULL;
  }
  z->cd = (iconv_t)-1;
  z->fd = is_stdin ? 0 : open(path, O_RDONLY | O_CLOEXEC);
  z->own_fd = !is_stdin;
  if (z->fd < 0) {
    snprintf(err, errlen, "%s: %s", path, strerror(errno));
    free(z->in);
    free(z->path);
    free(z);
    return NULL;
  }
  struct stat st;
  memset(&st, 0, sizeof st);
  if (fstat(z->fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    snprintf(err, errlen, "%s: is a directory", z->path);
    lb_compress_close(z);
    return NULL;
  }
  /* The first chunk tells the kind by its magic bytes; it is the start of
  ** the data either way, so nothing is read twice and pipes work too. Read
  ** until 4 bytes are there (a pipe may hand fewer). */
  while (z->in_len < 4 && !z->raw_eof) {
    ssize_t k = raw_read(z, z->in + z->in_len, RAW_CHUNK - z->in_len);
    if (k < 0) {
      snprintf(err, errlen, "%s", z->err);
      lb_compress_close(z);
      return NULL;
    }
    if (k == 0) z->raw_eof = 1;
    z->in_len += (size_t)k;
  }
  const unsigned char *m = z->in;
  if (z->in_len >= 2 && m[0] == 0x1f && m[1] == 0x8b)
    z->kind = LB_Z_GZIP;
  else if (z->in_len >= 4 && m[0] == 0x28 && m[1] == 0xb5 && m[2] == 0x2f && m[3] == 0xfd)
    z->kind = LB_Z_ZSTD;
  int ok = 1;
  if (z->kind == LB_Z_GZIP) {
    ok = inflateInit2(&z->zs, 15 + 16) == Z_OK;
    z->zs_init = ok;
    ok = ok && inflateGetHeader(&z->zs, &z->hdr) == Z_OK;
  } else if (z->kind == LB_Z_ZSTD) {
    z->zd = ZSTD_createDStream();
    ok = z->zd && !ZSTD_isError(ZSTD_initDStream(z->zd));
  }
  cookie_io_functions_t io = {.read = cookie_read, .close = cookie_close};
  if (ok) z->fp = fopencookie(z, "r", io);
  if (!ok || !z->fp) {
    snprintf(err, errlen, "%s: cannot set up decompression", path);
    lb_compress_close(z);
    return NULL;
  }
  /* (before the first read; a small file keeps stdio's small buffer) */
  int big = !S_ISREG(st.st_mode) || st.st_size > 64 * 1024 || z->kind != LB_Z_PLAIN;
  if (big && (z->iobuf = malloc(RAW_IOBUF)) != NULL) setvbuf(z->fp, z->iobuf, _IOFBF, RAW_IOBUF);
  return z;
}

size_t lb_compress_peek(lb_zfile *z, size_t want, const char **p) {
  assert(z->head_pos == 0);
  if (z->head_len < want) {
    unsigned char *h = realloc(z->head, want);
    if (h) {
      z->head = h;
      while (z->head_len < want) {
        ssize_t k = decode(z, (char *)h + z->head_len, want - z->head_len);
        if (k <= 0) break; /* the end, or an error that the first read reports */
        z->head_len += (size_t)k;
      }
    }
  }
  *p = (const char *)z->head;
  return z->head_len;
}

const char *lb_compress_to_utf8(lb_zfile *z) {
  assert(z->head_pos == 0 && !z->wide);
  const char *h;
  size_t n = lb_compress_peek(z, 4, &h);
  const unsigned char *u = (const unsigned char *)h;
  const char *cs = NULL;
  if (n >= 4 && u[0] == 0xFF && u[1] == 0xFE && u[2] == 0 && u[3] == 0)
    cs = "UTF-32LE";
  else if (n >= 4 && u[0] == 0 && u[1] == 0 && u[2] == 0xFE && u[3] == 0xFF)
    cs = "UTF-32BE";
  else if (n >= 2 && u[0] == 0xFF && u[1] == 0xFE)
    cs = "UTF-16LE";
  else if (n >= 2 && u[0] == 0xFE && u[1] == 0xFF)
    cs = "UTF-16BE";
  if (!cs) return NULL;
  assert(z->head_len <= WIDE_CHUNK);
  z->cd = iconv_open("UTF-8", cs);
  z->wbuf = malloc(WIDE_CHUNK);
  z->u8 = malloc(WIDE_CHUNK * 2);
  if (z->cd == (iconv_t)-1 || !z->wbuf || !z->u8) return NULL; /* read as it is */
  /* the bytes peeked are the start of the wide text */
  memcpy(z->wbuf, z->head, z->head_len);
  z->wlen = z->head_len;
  z->head_len = 0;
  z->wide = cs;
  return cs;
}

FILE *lb_compress_file(lb_zfile *z) { return z->fp; }
int lb_compress_kind(const lb_zfile *z) { return z->kind; }
const char *lb_compress_path(const lb_zfile *z) { return z->path; }

size_t lb_compress_raw_offset(const lb_zfile *z) {
  return z->raw_off - (z->in_len - z->in_pos);
}

const char *lb_compress_error(const lb_zfile *z) { return z->err[0] ? z->err : NULL; }

void lb_compress_close(lb_zfile *z) {
  if (!z) return;
  if (z->fp) fclose(z->fp);
  if (z->own_fd && z->fd >= 0) close(z->fd);
  free(z->iobuf); /* after fclose, which may still use it */
  if (z->zs_init) inflateEnd(&z->zs);
  if (z->zd) ZSTD_freeDStream(z->zd);
  if (z->cd != (iconv_t)-1) iconv_close(z->cd);
  free(z->wbuf);
  free(z->u8);
  free(z->head);
  free(z->in);
  free(z->path);
  free(z);
}

static int ends_with(const char *s, size_t n, const char *suf) {
  size_t m = strlen(suf);
  return n >= m && memcmp(s + n - m, suf, m) == 0;
}

int lb_compress_suffix(const char *name, size_t *stem) {
  size_t n = strlen(name);
  *stem = n;
  if (ends_with(name, n, ".gz")) {
    *stem = n - 3;
    return 1;
  }
  if (ends_with(name, n, ".zst")) {
    *stem = n - 4;
    return 1;
  }
  return 0;
}

static int wanted(const char *name) {
  if (name[0] == '.') return 0;
  size_t n;
  lb_compress_suffix(name, &n);
  static const char *const SUFFIXES[] = {".txt", ".text", ".jsonl", ".ndjson", ".json",
                                         ".html", ".htm", ".xhtml", ".xml", ".rss",
                                         ".atom", ".rdf", ".warc"};
  for (size_t i = 0; i < sizeof SUFFIXES / sizeof *SUFFIXES; i++)
    if (ends_with(name, n, SUFFIXES[i])) return 1;
  return 0;
}

static int cmp_names(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* A walk: the callbacks, and the directories read so far by device and
** inode, so that a symbolic link back up the tree (a loop) or a second link
** to a directory does not read its files again: a loop read the same file
** 41 times, until the path grew too long. */
typedef struct walker {
  lb_walk_fn fn;
  void *ctx;
  lb_walk_warn_fn warn;
  void *wctx;
  char *err;
  size_t errlen;
  struct {
    dev_t dev;
    ino_t ino;
  } *seen;
  size_t nseen, capseen;
} walker;

/* lost: input files below path may be missed (not so for a link loop). */
static void walk_warn(walker *w, int lost, const char *fmt, const char *path, const char *why) {
  char msg[600];
  snprintf(msg, sizeof msg, fmt, path, why);
  w->warn(msg, lost, w->wctx);
}

/* 1 when the directory of st was read before, else remember it (0), or -1
** out of memory. */
static int seen_dir(walker *w, const struct stat *st) {
  for (size_t i = 0; i < w->nseen; i++)
    if (w->seen[i].dev == st->st_dev && w->seen[i].ino == st->st_ino) return 1;
  if (w->nseen == w->capseen) {
    size_t cap = w->capseen ? w->capseen * 2 : 16;
    void *ns = realloc(w->seen, cap * sizeof *w->seen);
    if (!ns) return -1;
    w->seen = ns;
    w->capseen = cap;
  }
  w->seen[w->nseen].dev = st->st_dev;
  w->seen[w->nseen].ino = st->st_ino;
  w->nseen++;
  return 0;
}

/* The input files below dir (already in w->seen). A subdirectory that
** cannot be read is named through w->warn and skipped: one unreadable
** directory aborted a whole ingest. Only dir itself, at depth 0, is an
** error. */
static int walk(walker *w, const char *dir, int depth) {
  DIR *d = opendir(dir);
  if (!d) {
    if (depth == 0) {
      snprintf(w->err, w->errlen, "%s: %s", dir, strerror(errno));
      return -1;
    }
    walk_warn(w, 1, "%s: %s; directory skipped", dir, strerror(errno));
    return 0;
  }
  char **names = NULL;
  size_t n = 0, cap = 0;
  struct dirent *de;
  int rc = 0;
  for (;;) {
    errno = 0;
    if (!(de = readdir(d))) {
      if (errno) walk_warn(w, 1, "%s: %s; the rest of the directory skipped", dir, strerror(errno));
      break;
    }
    if (de->d_name[0] == '.') continue;
    if (n == cap) {
      cap = cap ? cap * 2 : 64;
      char **nn = realloc(names, cap * sizeof *nn);
      if (!nn) {
        rc = -1;
        snprintf(w->err, w->errlen, "%s: out of memory", dir);
        break;
      }
      names = nn;
    }
    if (!(names[n] = strdup(de->d_name))) {
      rc = -1;
      snprintf(w->err, w->errlen, "%s: out of memory", dir);
      break;
    }
    n++;
  }
  closedir(d);
  if (rc == 0) qsort(names, n, sizeof *names, cmp_names);
  for (size_t i = 0; i < n && rc == 0; i++) {
    size_t len = strlen(dir) + strlen(names[i]) + 2;
    char *p = malloc(len);
    if (!p) {
      snprintf(w->err, w->errlen, "%s: out of memory", dir);
      rc = -1;
      break;
    }
    snprintf(p, len, "%s/%s", dir, names[i]);
    struct stat st;
    if (stat(p, &st) != 0) {
      /* a dangling link, or one that loops; named only where it would be read */
      if (wanted(names[i])) walk_warn(w, 1, "%s: %s; skipped", p, strerror(errno));
    } else if (S_ISDIR(st.st_mode)) {
      int k = seen_dir(w, &st);
      if (k < 0) {
        snprintf(w->err, w->errlen, "%s: out of memory", p);
        rc = -1;
      } else if (k > 0) {
        walk_warn(w, 0, "%s: %s; skipped", p,
                  "the same directory as one read before (a link loop, or a second link)");
      } else if (depth + 1 > 64) {
        walk_warn(w, 1, "%s: %s; skipped", p, "directories nested deeper than 64");
      } else {
        rc = walk(w, p, depth + 1);
      }
    } else if (S_ISREG(st.st_mode) && wanted(names[i])) {
      rc = w->fn(p, w->ctx);
    }
    free(p);
  }
  for (size_t i = 0; i < n; i++) free(names[i]);
  free(names);
  return rc;
}

int lb_compress_walk_warn(const char *path, lb_walk_fn fn, void *ctx, lb_walk_warn_fn warn,
                          void *wctx, char *err, size_t errlen) {
  struct stat st;
  if (strcmp(path, "-") == 0 || stat(path, &st) != 0 || !S_ISDIR(st.st_mode)) return fn(path, ctx);
  walker w = {fn, ctx, warn, wctx, err, errlen, NULL, 0, 0};
  char *p = strdup(path);
  if (!p || seen_dir(&w, &st) < 0) {
    free(p);
    free(w.seen);
    snprintf(err, errlen, "%s: out of memory", path);
    return -1;
  }
  size_t n = strlen(p);
  while (n > 1 && p[n - 1] == '/') p[--n] = 0;
  int rc = walk(&w, p, 0);
  free(p);
  free(w.seen);
  return rc;
}

static void warn_stderr(const char *msg, int lost, void *ctx) {
  (void)lost;
  (void)ctx;
  fprintf(stderr, "lagebild: %s\n", msg);
}

int lb_compress_walk(const char *path, lb_walk_fn fn, void *ctx, char *err, size_t errlen) {
  return lb_compress_walk_warn(path, fn, ctx, warn_stderr, NULL, err, errlen);
}
