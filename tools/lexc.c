/*
** lexc.c -- the lexicon compiler: TSV sources in, one mappable file out.
**
**   lagebild-lexc -o OUT.lex SOURCE.tsv...
**
** Reads every source (format in src/lex/lex.h), tokenizes and normalises each
** key exactly as the engine will at run time (same tokenizer, same case
** folding), and writes the binary lexicon. Strings are de-duplicated. A
** malformed line stops the build with FILE:LINE and a reason, so a bad data
** file never produces a silently smaller lexicon.
*/
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../src/base/buf.h"
#include "../src/base/utf8.h"
#include "../src/lex/lex.h"
#include "../src/text/norm.h"
#include "../src/text/tok.h"

typedef struct {
  uint32_t key_off, key_len, hash, maxtoks;
  uint32_t lens; /* bit n-2: a key of n tokens starts with this one (lex.h) */
  uint32_t tables; /* bit t: a record of table t (bit 31: table >= 31) */
  uint32_t nrec;
  uint32_t next; /* bit lb_lex_next_bit(h) for the hash h of each token that
                 ** follows this key in a longer key (lex.h) */
} entry;

typedef struct {
  uint32_t entry, table, surface_off, val_off, val_len, seq;
} record;

static lb_buf pool = LB_BUF_INIT;
static uint32_t *strhash; /* open addressing over pool offsets+1 */
static size_t strhash_cap, strhash_n;

static entry *ents;
static size_t nents, capents;
static uint32_t *enthash;
static size_t enthash_cap;

static record *recs;
static size_t nrecs, caprecs;

static char **tables;
static size_t ntables;

static void *xrealloc(void *p, size_t n) {
  void *q = realloc(p, n);
  if (!q) {
    fputs("lagebild-lexc: out of memory\n", stderr);
    exit(1);
  }
  return q;
}

static void strhash_grow(void);

/* Intern s[0..n) (NUL-terminated in the pool); returns its offset. */
static uint32_t intern(const char *s, size_t n) {
  if ((strhash_n + 1) * 2 > strhash_cap) strhash_grow();
  uint32_t h = lb_lex_hash(s, n);
  size_t mask = strhash_cap - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    uint32_t v = strhash[i];
    if (!v) {
      uint32_t off = (uint32_t)pool.n;
      lb_buf_add(&pool, s, n);
      lb_buf_addc(&pool, 0);
      strhash[i] = off + 1;
      strhash_n++;
      return off;
    }
    const char *p = pool.p + v - 1;
    if (strlen(p) == n && memcmp(p, s, n) == 0) return v - 1;
  }
}

static void strhash_grow(void) {
  size_t oc = strhash_cap;
  uint32_t *old = strhash;
  strhash_cap = oc ? oc * 2 : 1 << 16;
  strhash = calloc(strhash_cap, sizeof *strhash);
  if (!strhash) exit(1);
  for (size_t i = 0; i < oc; i++) {
    if (!old[i]) continue;
    const char *p = pool.p + old[i] - 1;
    uint32_t h = lb_lex_hash(p, strlen(p));
    size_t j = h & (strhash_cap - 1);
    while (strhash[j]) j = (j + 1) & (strhash_cap - 1);
    strhash[j] = old[i];
  }
  free(old);
}

static void enthash_grow(void) {
  size_t oc = enthash_cap;
  enthash_cap = oc ? oc * 2 : 1 << 16;
  free(enthash);
  enthash = malloc(enthash_cap * sizeof *enthash);
  if (!enthash) exit(1);
  memset(enthash, 0xFF, enthash_cap * sizeof *enthash);
  for (size_t e = 0; e < nents; e++) {
    size_t j = ents[e].hash & (enthash_cap - 1);
    while (enthash[j] != 0xFFFFFFFFu) j = (j + 1) & (enthash_cap - 1);
    enthash[j] = (uint32_t)e;
  }
}

static uint32_t entry_get(const char *key, size_t n) {
  if ((nents + 1) * 2 > enthash_cap) enthash_grow();
  uint32_t h = lb_lex_hash(key, n);
  size_t mask = enthash_cap - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    uint32_t v = enthash[i];
    if (v == 0xFFFFFFFFu) {
      if (nents == capents) {
        capents = capents ? capents * 2 : 1 << 16;
        ents = xrealloc(ents, capents * sizeof *ents);
      }
      entry *e = &ents[nents];
      e->key_off = intern(key, n);
      e->key_len = (uint32_t)n;
      e->hash = h;
      e->maxtoks = 1;
      e->lens = 0;
      e->tables = 0;
      e->nrec = 0;
      e->next = 0;
      enthash[i] = (uint32_t)nents;
      return (uint32_t)nents++;
    }
    entry *e = &ents[v];
    if (e->hash == h && e->key_len == n && memcmp(pool.p + e->key_off, key, n) == 0) return v;
  }
}

static uint32_t table_id(const char *name, size_t n) {
  for (size_t i = 0; i < ntables; i++)
    if (strlen(tables[i]) == n && memcmp(tables[i], name, n) == 0) return (uint32_t)i;
  tables = xrealloc(tables, (ntables + 1) * sizeof *tables);
  tables[ntables] = strndup(name, n);
  return (uint32_t)ntables++;
}

/* ---- key normalisation through the engine's tokenizer ---- */
typedef struct {
  const char *s;
  lb_buf *out;
  uint32_t ntok;
  uint32_t first_len, second_len, third_len; /* key bytes of the first 1, 2, 3 tokens */
} keyctx;

static void key_tok(void *ctx, const lb_tok *t) {
  keyctx *k = ctx;
  if (k->ntok++) lb_buf_addc(k->out, ' ');
  lb_norm_key(k->out, k->s + t->start, t->end - t->start);
  if (k->ntok == 1) k->first_len = (uint32_t)k->out->n;
  if (k->ntok == 2) k->second_len = (uint32_t)k->out->n;
  if (k->ntok == 3) k->third_len = (uint32_t)k->out->n;
}

static int fail(const char *file, size_t line, const char *msg) {
  fprintf(stderr, "%s:%zu: %s\n", file, line, msg);
  return 1;
}

static int add_line(const char *file, size_t lineno, const char *table, size_t tlen,
                    const char *key, size_t klen, const char *val, size_t vlen,
                    lb_buf *kb) {
  if (!tlen) return fail(file, lineno, "empty table name");
  if (!klen) return fail(file, lineno, "empty key");
  if (lb_utf8_valid_prefix(key, klen) != klen || lb_utf8_valid_prefix(val, vlen) != vlen)
    return fail(file, lineno, "invalid UTF-8");
  lb_buf_reset(kb);
  keyctx k = {key, kb, 0, 0, 0, 0};
  lb_tok_each(key, klen, key_tok, &k);
  if (!k.ntok) return fail(file, lineno, "key has no tokens");
  if (k.ntok > 255) return fail(file, lineno, "key longer than 255 tokens");
  uint32_t e = entry_get(kb->p, kb->n);
  if (k.ntok > 1) {
    uint32_t f = entry_get(kb->p, k.first_len);
    if (ents[f].maxtoks < k.ntok) ents[f].maxtoks = k.ntok;
    ents[f].lens |= 1u << (k.ntok <= 24 ? k.ntok - 2 : 23);
    /* the second token, after the space */
    ents[f].next |= lb_lex_next_bit(
        lb_lex_hash(kb->p + k.first_len + 1, k.second_len - k.first_len - 1));
  }
  if (k.ntok > 2) { /* the prefix entry of the first two tokens (lex.h) */
    uint32_t f2 = entry_get(kb->p, k.second_len);
    if (ents[f2].maxtoks < k.ntok) ents[f2].maxtoks = k.ntok;
    ents[f2].lens |= 1u << (k.ntok <= 24 ? k.ntok - 2 : 23);
    ents[f2].next |= lb_lex_next_bit(
        lb_lex_hash(kb->p + k.second_len + 1, k.third_len - k.second_len - 1));
  }
  if (nrecs == caprecs) {
    caprecs = caprecs ? caprecs * 2 : 1 << 16;
    recs = xrealloc(recs, caprecs * sizeof *recs);
  }
  record *r = &recs[nrecs];
  r->entry = e;
  r->table = table_id(table, tlen);
  r->surface_off = intern(key, klen);
  r->val_off = intern(val, vlen);
  r->val_len = (uint32_t)vlen;
  r->seq = (uint32_t)nrecs++;
  ents[e].nrec++;
  ents[e].tables |= 1u << (r->table < 31 ? r->table : 31);
  return 0;
}

static int read_source(const char *file, lb_buf *kb) {
  FILE *f = fopen(file, "rb");
  if (!f) {
    fprintf(stderr, "%s: %s\n", file, strerror(errno));
    return 1;
  }
  char *line = NULL;
  size_t cap = 0, lineno = 0;
  ssize_t len;
  char table[128] = "";
  int err = 0;
  while ((len = getline(&line, &cap, f)) >= 0) {
    lineno++;
    while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r')) line[--len] = 0;
    if (memchr(line, 0, (size_t)len)) {
      err = fail(file, lineno, "NUL byte in line");
      break;
    }
    if (strncmp(line, "#table:", 7) == 0) {
      const char *p = line + 7;
      while (*p == ' ') p++;
      if (!*p || strlen(p) >= sizeof table) {
        err = fail(file, lineno, "bad #table: line");
        break;
      }
      snprintf(table, sizeof table, "%s", p);
      continue;
    }
    if (len == 0 || line[0] == '#') continue;
    const char *t = line, *k, *v;
    size_t tl, kl, vl;
    if (table[0]) {
      t = table;
      tl = strlen(table);
      k = line;
    } else {
      const char *tab = strchr(line, '\t');
      if (!tab) {
        err = fail(file, lineno, "expected TABLE<TAB>KEY<TAB>VALUE");
        break;
      }
      tl = (size_t)(tab - line);
      k = tab + 1;
    }
    const char *tab2 = strchr(k, '\t');
    if (!tab2) {
      kl = strlen(k);
      v = "";
      vl = 0;
    } else {
      kl = (size_t)(tab2 - k);
      v = tab2 + 1;
      vl = strlen(v);
    }
    if ((err = add_line(file, lineno, t, tl, k, kl, v, vl, kb))) break;
  }
  free(line);
  fclose(f);
  return err;
}

static int rec_cmp(const void *a, const void *b) {
  const record *x = a, *y = b;
  if (x->entry != y->entry) return x->entry < y->entry ? -1 : 1;
  return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int u32_cmp(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return x < y ? -1 : x > y;
}

static void put32(FILE *f, uint32_t v) {
  unsigned char b[4] = {(unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16),
                        (unsigned char)(v >> 24)};
  fwrite(b, 1, 4, f);
}

int main(int argc, char **argv) {
  const char *out = NULL;
  int first = 1;
  if (argc >= 3 && strcmp(argv[1], "-o") == 0) {
    out = argv[2];
    first = 3;
  }
  if (!out || first >= argc) {
    fprintf(stderr, "usage: lagebild-lexc -o OUT.lex SOURCE.tsv...\n");
    return 2;
  }
  lb_buf kb = LB_BUF_INIT;
  lb_buf_addc(&pool, 0); /* offset 0 is the empty string */
  for (int i = first; i < argc; i++)
    if (read_source(argv[i], &kb)) return 1;
  qsort(recs, nrecs, sizeof *recs, rec_cmp);
  /* names: distinct keys with a record of table "ent" -- the size measure of
  ** issue 4 ("keys" also counts morphology forms and the other tables) */
  size_t nnames = 0;
  for (size_t t = 0; t < ntables; t++) {
    if (strcmp(tables[t], "ent") != 0) continue;
    for (size_t i = 0; i < nrecs;) {
      size_t j = i;
      int has = 0;
      for (; j < nrecs && recs[j].entry == recs[i].entry; j++) has |= recs[j].table == t;
      nnames += (size_t)has;
      i = j;
    }
  }
  /* entry -> first record */
  uint32_t *rec0 = calloc(nents + 1, sizeof *rec0);
  for (size_t i = nrecs; i-- > 0;) rec0[recs[i].entry] = (uint32_t)i;
  for (size_t i = 0; i < nents; i++)
    if (!ents[i].nrec) rec0[i] = 0;
  for (size_t i = 0; i < ntables; i++) tables[i] = (char *)(uintptr_t)intern(tables[i], strlen(tables[i]));
  while (pool.n % 4) lb_buf_addc(&pool, 0);

  /* Buckets are 8 bytes (entry index, key hash): at a load of up to 0.82 a
  ** probe sequence mostly stays in one or two adjacent cache lines, and the
  ** table stays small. Measured with 1.6M keys (5 MB of the bench corpus,
  ** --stages places, one thread): load 0.77 (16 MB of buckets) was 3-5%
  ** faster than load 0.38 (32 MB), same output. (0.82, not 0.8: the
  ** 1.69M keys with the prefix entries still fit 2^21 buckets.) */
  size_t nb = 1;
  while (nb * 100 < nents * 122 + 100) nb <<= 1;
  uint32_t *hash = malloc(nb * sizeof *hash);
  memset(hash, 0xFF, nb * sizeof *hash);
  for (size_t e = 0; e < nents; e++) {
    size_t j = ents[e].hash & (nb - 1);
    while (hash[j] != 0xFFFFFFFFu) j = (j + 1) & (nb - 1);
    hash[j] = (uint32_t)e;
  }

  uint32_t hdr_len = 8 + 14 * 4;
  uint32_t tables_off = hdr_len;
  /* buckets and entries on 64-byte boundaries: an entry is one cache line */
  uint32_t hash_off = (tables_off + (uint32_t)ntables * 4 + 63) & ~63u;
  uint32_t entries_off = hash_off + (uint32_t)nb * 8;
  uint32_t recs_off = entries_off + (uint32_t)nents * 64;
  uint32_t strings_off = recs_off + (uint32_t)nrecs * 16;
  /* The small tables' key hashes (lex.h): per table {offset in the
  ** section, count} (count LB_LEX_NOT_SMALL for a big table), then each small
  ** table's distinct key hashes in ascending order. */
  uint32_t *small = calloc(2 * ntables + 1, sizeof *small), nsmall = (uint32_t)(2 * ntables);
  size_t *nrec_of = calloc(ntables + 1, sizeof *nrec_of); /* records per table */
  if (!small || !nrec_of) {
    fputs("lagebild-lexc: out of memory\n", stderr);
    return 1;
  }
  for (size_t i = 0; i < nrecs; i++) nrec_of[recs[i].table]++;
  uint32_t *shash = NULL;
  size_t nshash = 0;
  for (size_t t = 0; t < ntables; t++) {
    size_t cnt = nrec_of[t]; /* >= its keys */
    small[2 * t] = 0;
    small[2 * t + 1] = LB_LEX_NOT_SMALL;
    if (cnt > LB_LEX_SMALL_MAX) continue;
    shash = xrealloc(shash, (nshash + cnt + 1) * sizeof *shash);
    size_t n0 = nshash;
    for (size_t i = 0; i < nrecs; i++)
      if (recs[i].table == t) shash[nshash++] = ents[recs[i].entry].hash;
    qsort(shash + n0, nshash - n0, sizeof *shash, u32_cmp);
    size_t w = n0;
    for (size_t i = n0; i < nshash; i++)
      if (i == n0 || shash[i] != shash[w - 1]) shash[w++] = shash[i];
    nshash = w;
    small[2 * t] = (uint32_t)(nsmall + n0) * 4;
    small[2 * t + 1] = (uint32_t)(nshash - n0);
  }
  uint64_t small_off = ((uint64_t)strings_off + pool.n + 3) & ~(uint64_t)3;
  uint64_t small_len = ((uint64_t)nsmall + nshash) * 4;
  /* Bloom filter over the key hashes (lex.h): >= 9.5 bits a key (2 MB for
  ** the 1.69M keys), in 64-byte blocks, at the end of the file on a 64-byte
  ** boundary. */
  uint32_t nblk = 1;
  while ((uint64_t)nblk * 1024 < (uint64_t)nents * 19) nblk <<= 1;
  uint64_t *bloom = calloc((size_t)nblk * 8, sizeof *bloom);
  if (!bloom) {
    fputs("lagebild-lexc: out of memory\n", stderr);
    return 1;
  }
  for (size_t e = 0; e < nents; e++) {
    uint64_t *B = bloom + (size_t)lb_lex_bloom_block(ents[e].hash, nblk) * 8;
    for (int i = 0; i < LB_LEX_BLOOM_K; i++) {
      uint32_t b = lb_lex_bloom_bit(ents[e].hash, i);
      B[b >> 6] |= 1ull << (b & 63);
    }
  }
  uint64_t bloom_off = (small_off + small_len + 63) & ~(uint64_t)63;
  uint64_t total = bloom_off + (uint64_t)nblk * 64;
  if (total > 0xFFFFFFFFu) {
    fprintf(stderr, "lagebild-lexc: lexicon larger than 4 GiB\n");
    return 1;
  }
  char tmp[4096];
  snprintf(tmp, sizeof tmp, "%s.tmp", out);
  FILE *f = fopen(tmp, "wb");
  if (!f) {
    fprintf(stderr, "%s: %s\n", tmp, strerror(errno));
    return 1;
  }
  /* written in 2 MiB blocks: the kernel's page cache then keeps the file in
  ** 2 MiB folios, which lb_lex_open maps as huge pages (lex.c) */
  char *wbuf = malloc((size_t)2 << 20); /* (glibc ignores the size without a buffer) */
  if (wbuf) setvbuf(f, wbuf, _IOFBF, (size_t)2 << 20);
  fwrite("LBLEX006", 1, 8, f);
  put32(f, (uint32_t)ntables);
  put32(f, tables_off);
  put32(f, (uint32_t)nb);
  put32(f, hash_off);
  put32(f, (uint32_t)nents);
  put32(f, entries_off);
  put32(f, (uint32_t)nrecs);
  put32(f, recs_off);
  put32(f, strings_off);
  put32(f, (uint32_t)pool.n);
  put32(f, (uint32_t)total);
  put32(f, nblk);
  put32(f, (uint32_t)small_off);
  put32(f, (uint32_t)small_len);
  for (size_t i = 0; i < ntables; i++) put32(f, (uint32_t)(uintptr_t)tables[i]);
  for (uint32_t o = tables_off + (uint32_t)ntables * 4; o < hash_off; o++) fputc(0, f);
  /* bucket = entry index and the key's hash: a probe that meets another key
  ** is rejected without loading its entry (see lex.c) */
  for (size_t i = 0; i < nb; i++) {
    put32(f, hash[i]);
    put32(f, hash[i] == 0xFFFFFFFFu ? 0 : ents[hash[i]].hash);
  }
  for (size_t e = 0; e < nents; e++) {
    put32(f, ents[e].key_off);
    put32(f, ents[e].key_len);
    put32(f, ents[e].hash);
    put32(f, rec0[e]);
    put32(f, ents[e].nrec);
    put32(f, ents[e].maxtoks | ents[e].lens << 8);
    put32(f, ents[e].tables);
    put32(f, ents[e].maxtoks > 1 ? ents[e].next : 0);
    /* the key's first LB_LEX_KEY_INLINE bytes, zero-padded (lex.h) */
    char kin[LB_LEX_KEY_INLINE] = {0};
    memcpy(kin, pool.p + ents[e].key_off,
           ents[e].key_len < LB_LEX_KEY_INLINE ? ents[e].key_len : LB_LEX_KEY_INLINE);
    fwrite(kin, 1, sizeof kin, f);
  }
  for (size_t i = 0; i < nrecs; i++) {
    put32(f, recs[i].table);
    put32(f, recs[i].surface_off);
    put32(f, recs[i].val_off);
    put32(f, recs[i].val_len);
  }
  fwrite(pool.p, 1, pool.n, f);
  for (uint64_t o = (uint64_t)strings_off + pool.n; o < small_off; o++) fputc(0, f);
  for (uint32_t i = 0; i < nsmall; i++) put32(f, small[i]);
  for (size_t i = 0; i < nshash; i++) put32(f, shash[i]);
  free(small);
  free(shash);
  free(nrec_of);
  for (uint64_t o = small_off + small_len; o < bloom_off; o++) fputc(0, f);
  for (size_t i = 0; i < (size_t)nblk * 8; i++) { /* little-endian words */
    unsigned char w[8];
    for (int k = 0; k < 8; k++) w[k] = (unsigned char)(bloom[i] >> (8 * k));
    fwrite(w, 1, 8, f);
  }
  free(bloom);
  int closed = fclose(f);
  free(wbuf);
  if (closed != 0 || rename(tmp, out) != 0) {
    fprintf(stderr, "%s: %s\n", out, strerror(errno));
    return 1;
  }
  fprintf(stderr, "lagebild-lexc: %s: %zu keys, %zu names, %zu records, %zu tables, %.1f MB\n",
          out, nents, nnames, nrecs, ntables, (double)total / 1e6);
  free(hash);
  free(rec0);
  lb_buf_free(&kb);
  return 0;
}
