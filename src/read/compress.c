/*
** compress.c -- gzip (zlib) and zstd (libzstd) decompression behind a FILE*,
** and directory walking (see compress.h).
**
** The decompressed stream is a glibc fopencookie stream: the readers keep
** their stdio code (getline for JSON Lines, fread for text) and compressed
** input costs no change there. The cookie reads 128 KB of the raw file at a
** time and inflates into whatever buffer stdio hands it.
*/
#include "compress.h"

#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <zlib.h>
#include <zstd.h>

#define RAW_CHUNK (128u << 10)

struct lb_zfile {
  FILE *raw;        /* the file on disk */
  FILE *fp;         /* what callers read: raw itself, or the cookie stream */
  int kind;
  char *path;
  size_t raw_off;   /* raw bytes handed to the decompressor */
  unsigned char *in;
  size_t in_len, in_pos;
  int raw_eof, end; /* raw file exhausted; last frame/member finished */
  z_stream zs;
  ZSTD_DStream *zd;
  char err[256];
  char *iobuf; /* z->raw's stdio buffer (RAW_IOBUF bytes), or NULL */
};

/* stdio reads a file 4 KiB at a time: 28,000 read calls for the 114 MB bench
** corpus, 4.6% of the wall time of `extract --stages places` on one thread
** (perf: the kernel's read path). A 1 MiB buffer makes that 114 calls. */
#define RAW_IOBUF ((size_t)1 << 20)

static int fill(lb_zfile *z) {
  if (z->in_pos < z->in_len || z->raw_eof) return 0;
  z->in_len = fread(z->in, 1, RAW_CHUNK, z->raw);
  z->in_pos = 0;
  z->raw_off += z->in_len;
  if (z->in_len == 0) {
    if (ferror(z->raw)) {
      snprintf(z->err, sizeof z->err, "%s: read error at byte %zu: %s", z->path, z->raw_off,
               strerror(errno));
      return -1;
    }
    z->raw_eof = 1;
  }
  return 0;
}

static ssize_t read_gzip(lb_zfile *z, char *buf, size_t size) {
  size_t out = 0;
  while (out < size) {
    if (fill(z) < 0) return -1;
    if (z->in_pos == z->in_len) {
      if (!z->end) {
        snprintf(z->err, sizeof z->err, "%s: gzip data ends early (truncated at byte %zu)",
                 z->path, z->raw_off);
        return -1;
      }
      break;
    }
    if (z->end) { /* another gzip member follows */
      if (inflateReset(&z->zs) != Z_OK) return -1;
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
      snprintf(z->err, sizeof z->err, "%s: corrupt gzip data near byte %zu: %s", z->path,
               z->raw_off - (z->in_len - z->in_pos), z->zs.msg ? z->zs.msg : "inflate failed");
      return -1;
    }
  }
  return (ssize_t)out;
}

static ssize_t read_zstd(lb_zfile *z, char *buf, size_t size) {
  ZSTD_outBuffer ob = {buf, size, 0};
  while (ob.pos < ob.size) {
    if (fill(z) < 0) return -1;
    if (z->in_pos == z->in_len) {
      if (!z->end) {
        snprintf(z->err, sizeof z->err, "%s: zstd data ends early (truncated at byte %zu)",
                 z->path, z->raw_off);
        return -1;
      }
      break;
    }
    ZSTD_inBuffer ib = {z->in, z->in_len, z->in_pos};
    size_t rc = ZSTD_decompressStream(z->zd, &ob, &ib);
    z->in_pos = ib.pos;
    if (ZSTD_isError(rc)) {
      snprintf(z->err, sizeof z->err, "%s: corrupt zstd data near byte %zu: %s", z->path,
               z->raw_off - (z->in_len - z->in_pos), ZSTD_getErrorName(rc));
      return -1;
    }
    z->end = rc == 0; /* a frame is complete */
  }
  return (ssize_t)ob.pos;
}

static ssize_t cookie_read(void *c, char *buf, size_t size) {
  lb_zfile *z = c;
  if (z->err[0]) {
    errno = EIO;
    return -1;
  }
  ssize_t n = z->kind == LB_Z_GZIP ? read_gzip(z, buf, size) : read_zstd(z, buf, size);
  if (n < 0) errno = EIO;
  return n;
}

static int cookie_close(void *c) {
  (void)c; /* lb_compress_close frees everything */
  return 0;
}

lb_zfile *lb_compress_open(const char *path, char *err, size_t errlen) {
  lb_zfile *z = calloc(1, sizeof *z);
  if (!z || !(z->path = strdup(path))) {
    free(z);
    snprintf(err, errlen, "%s: out of memory", path);
    return NULL;
  }
  z->raw = fopen(path, "rb");
  if (!z->raw) {
    snprintf(err, errlen, "%s: %s", path, strerror(errno));
    free(z->path);
    free(z);
    return NULL;
  }
  /* Only regular files are sniffed: a pipe cannot be rewound after the
  ** magic bytes are read, so it is read as it is. */
  struct stat st;
  if (fstat(fileno(z->raw), &st) == 0 && S_ISREG(st.st_mode)) {
    /* (before the first read; glibc ignores the size without a buffer) */
    if (st.st_size > 64 * 1024 && (z->iobuf = malloc(RAW_IOBUF)) != NULL)
      setvbuf(z->raw, z->iobuf, _IOFBF, RAW_IOBUF);
    unsigned char magic[4] = {0};
    size_t m = fread(magic, 1, 4, z->raw);
    if (m >= 2 && magic[0] == 0x1f && magic[1] == 0x8b)
      z->kind = LB_Z_GZIP;
    else if (m == 4 && magic[0] == 0x28 && magic[1] == 0xb5 && magic[2] == 0x2f &&
             magic[3] == 0xfd)
      z->kind = LB_Z_ZSTD;
    if (fseek(z->raw, 0, SEEK_SET) != 0) {
      snprintf(err, errlen, "%s: cannot rewind: %s", path, strerror(errno));
      lb_compress_close(z);
      return NULL;
    }
  }
  if (z->kind == LB_Z_PLAIN) {
    z->fp = z->raw;
    return z;
  }
  z->in = malloc(RAW_CHUNK);
  int ok = z->in != NULL;
  if (ok && z->kind == LB_Z_GZIP) {
    ok = inflateInit2(&z->zs, 15 + 16) == Z_OK;
  } else if (ok) {
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
  return z;
}

FILE *lb_compress_file(lb_zfile *z) { return z->fp; }
int lb_compress_kind(const lb_zfile *z) { return z->kind; }

size_t lb_compress_raw_offset(const lb_zfile *z) {
  if (z->kind == LB_Z_PLAIN) {
    long o = ftell(z->raw);
    return o < 0 ? 0 : (size_t)o;
  }
  return z->raw_off;
}

const char *lb_compress_error(const lb_zfile *z) { return z->err[0] ? z->err : NULL; }

void lb_compress_close(lb_zfile *z) {
  if (!z) return;
  if (z->fp && z->fp != z->raw) fclose(z->fp);
  if (z->raw) fclose(z->raw);
  free(z->iobuf); /* after fclose, which may still use it */
  if (z->kind == LB_Z_GZIP && z->in) inflateEnd(&z->zs);
  if (z->zd) ZSTD_freeDStream(z->zd);
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
  return ends_with(name, n, ".txt") || ends_with(name, n, ".text") ||
         ends_with(name, n, ".jsonl") || ends_with(name, n, ".ndjson");
}

static int cmp_names(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static int walk(const char *dir, int depth, lb_walk_fn fn, void *ctx, char *err,
                size_t errlen) {
  if (depth > 64) {
    snprintf(err, errlen, "%s: directories nested too deep", dir);
    return -1;
  }
  DIR *d = opendir(dir);
  if (!d) {
    snprintf(err, errlen, "%s: %s", dir, strerror(errno));
    return -1;
  }
  char **names = NULL;
  size_t n = 0, cap = 0;
  struct dirent *de;
  int rc = 0;
  while ((de = readdir(d)) != NULL) {
    if (de->d_name[0] == '.') continue;
    if (n == cap) {
      cap = cap ? cap * 2 : 64;
      char **nn = realloc(names, cap * sizeof *nn);
      if (!nn) {
        rc = -1;
        snprintf(err, errlen, "%s: out of memory", dir);
        break;
      }
      names = nn;
    }
    if (!(names[n] = strdup(de->d_name))) {
      rc = -1;
      snprintf(err, errlen, "%s: out of memory", dir);
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
      snprintf(err, errlen, "%s: out of memory", dir);
      rc = -1;
      break;
    }
    snprintf(p, len, "%s/%s", dir, names[i]);
    struct stat st;
    if (stat(p, &st) == 0) {
      if (S_ISDIR(st.st_mode))
        rc = walk(p, depth + 1, fn, ctx, err, errlen);
      else if (S_ISREG(st.st_mode) && wanted(names[i]))
        rc = fn(p, ctx);
    }
    free(p);
  }
  for (size_t i = 0; i < n; i++) free(names[i]);
  free(names);
  return rc;
}

int lb_compress_walk(const char *path, lb_walk_fn fn, void *ctx, char *err, size_t errlen) {
  struct stat st;
  if (strcmp(path, "-") != 0 && stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
    char *p = strdup(path);
    if (!p) {
      snprintf(err, errlen, "%s: out of memory", path);
      return -1;
    }
    size_t n = strlen(p);
    while (n > 1 && p[n - 1] == '/') p[--n] = 0;
    int rc = walk(p, 0, fn, ctx, err, errlen);
    free(p);
    return rc;
  }
  return fn(path, ctx);
}
