/*
** lex.c -- memory-mapped lexicon reader (format in lex.h).
**
** Opening costs one mmap and a header check, not a parse: start-up must stay
** under 20 ms with millions of keys. Lookups hash the key, probe an
** open-addressing table and compare bytes. Every offset read from the file is
** bounds-checked before use, so a damaged file cannot make us read outside
** the mapping.
*/
#include "lex.h"

#include "../base/arena.h"
#include "../text/norm.h"

#include <errno.h>
#include <fcntl.h>
#include <float.h>
#include <math.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

/* 002: buckets carry the key hash next to the entry index. Measured with
** perf on /tmp/perf/s5.jsonl: ~55% of lb_lex_get's time was the stall on
** loading the entry of an occupied bucket, most of them another key's
** (linear probing at load 0.38); the hash in the bucket rejects those from
** the bucket's own cache line. */
/* 003: entries carry a bit set of their records' tables (lb_lex_may_have) */
/* 004: entries for the first two tokens of longer keys (lex.h) */
/* 005: entries carry a filter of the tokens that follow them in longer keys
** (lb_lex_entry.next), the small tables list their key hashes, and the key
** hash reads words (lb_lex_hash). */
/* 006: entries are 64 bytes, one cache line, with the key's first 32 bytes:
** a lookup reads bucket and entry, not the key string too (memcmp on the
** pool was 4% of all cycles, perf). Earlier files are refused with a word on
** how to rebuild them: the lexicon is built by make from the data in the
** repository, never shipped on its own. */
#define LB_LEX_MAGIC "LBLEX006"
#define LB_LEX_MAGIC_OLD "LBLEX00"

typedef struct lb_lex_hdr {
  char magic[8];
  uint32_t ntables, tables_off;
  uint32_t nbuckets, hash_off;
  uint32_t nentries, entries_off;
  uint32_t nrecs, recs_off;
  uint32_t strings_off, strings_len;
  uint32_t file_len;
  uint32_t bloom_blocks; /* 0: no Bloom filter (files before it) */
  uint32_t small_off, small_len; /* the small tables (lex.h) */
} lb_lex_hdr;


struct lb_lex {
  const unsigned char *map;
  size_t size;
  lb_lex_hdr h;
  const uint32_t *tables, *hash, *entries, *recs;
  const uint64_t *bloom; /* bloom_blocks x 8 words, or NULL */
  const uint32_t *small; /* ntables x {offset, count}, then hashes */
  const char *strings;
  /* table name -> index + 1, open addressing by lb_lex_hash; every stage
  ** asks for its tables by name for each document (strcmp over all table
  ** names was 2% of extraction) */
  uint8_t tabhash[128];
  uint32_t id; /* lb_lex_id */
};

/* lb_lex_id: one more per lb_lex_open in this process (0 = none) */
static atomic_uint_fast32_t next_id = 1;

/* Map the file at a 2 MiB boundary and ask for huge pages: when the page
** cache holds the file in 2 MiB folios (lexc writes it in 2 MiB blocks) or
** reads it in (MADV_HUGEPAGE makes a fault read a 2 MiB folio), the mapping
** gets PMD entries, and the lookups' random reads no longer miss the TLB
** nearly every time. */
#define LB_LEX_ALIGN ((size_t)2 << 20)
static void *map_aligned(int fd, size_t size) {
  size_t span = size + LB_LEX_ALIGN;
  char *res = mmap(NULL, span, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (res == MAP_FAILED) return mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
  char *p = (char *)(((uintptr_t)res + LB_LEX_ALIGN - 1) & ~(uintptr_t)(LB_LEX_ALIGN - 1));
  void *m = mmap(p, size, PROT_READ, MAP_PRIVATE | MAP_FIXED, fd, 0);
  if (m == MAP_FAILED) {
    munmap(res, span);
    return mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
  }
  /* give back the reservation around the mapping */
  uintptr_t pg = (uintptr_t)sysconf(_SC_PAGESIZE);
  uintptr_t end = ((uintptr_t)p + size + pg - 1) & ~(pg - 1);
  if (p > res) munmap(res, (size_t)(p - res));
  if ((uintptr_t)res + span > end) munmap((void *)end, (size_t)((uintptr_t)res + span - end));
#ifdef MADV_HUGEPAGE
  madvise(m, size, MADV_HUGEPAGE); /* advice only: ignore failure */
#endif
  return m;
}

static int section_ok(const lb_lex *lx, uint32_t off, uint64_t count, uint64_t elem) {
  return (uint64_t)off + count * elem <= lx->size && off % 4 == 0;
}

lb_lex *lb_lex_open(const char *path, char *err, size_t errlen) {
  int fd = open(path, O_RDONLY);
  if (fd < 0) {
    snprintf(err, errlen, "%s: cannot open lexicon: %s", path, strerror(errno));
    return NULL;
  }
  struct stat st;
  if (fstat(fd, &st) != 0) {
    snprintf(err, errlen, "%s: %s", path, strerror(errno));
    close(fd);
    return NULL;
  }
  if ((size_t)st.st_size < sizeof(lb_lex_hdr)) {
    snprintf(err, errlen, "%s: not a lagebild lexicon (file is %lld bytes, too short)",
             path, (long long)st.st_size);
    close(fd);
    return NULL;
  }
  void *m = map_aligned(fd, (size_t)st.st_size);
  close(fd);
  if (m == MAP_FAILED) {
    snprintf(err, errlen, "%s: mmap failed: %s", path, strerror(errno));
    return NULL;
  }
  lb_lex *lx = calloc(1, sizeof *lx);
  if (!lx) {
    munmap(m, (size_t)st.st_size);
    snprintf(err, errlen, "out of memory");
    return NULL;
  }
  lx->map = m;
  lx->size = (size_t)st.st_size;
  lx->id = (uint32_t)atomic_fetch_add(&next_id, 1);
  if (!lx->id) lx->id = (uint32_t)atomic_fetch_add(&next_id, 1); /* wrapped */
  const char *why = NULL;
  memcpy(&lx->h, m, sizeof lx->h);
  if (memcmp(lx->h.magic, LB_LEX_MAGIC_OLD, 7) == 0 && memcmp(lx->h.magic, LB_LEX_MAGIC, 8) != 0)
    why = "built by an older lagebild-lexc (this one reads " LB_LEX_MAGIC "): run make lexicon";
  else if (memcmp(lx->h.magic, LB_LEX_MAGIC, 8) != 0)
    why = "bad magic (not a lagebild lexicon, or from another version)";
  else if (lx->h.file_len != lx->size)
    why = "truncated or padded (size in header differs from file size)";
  else if (!section_ok(lx, lx->h.tables_off, lx->h.ntables, 4) ||
           !section_ok(lx, lx->h.hash_off, lx->h.nbuckets, 8) ||
           !section_ok(lx, lx->h.entries_off, lx->h.nentries, 64) ||
           !section_ok(lx, lx->h.recs_off, lx->h.nrecs, 16) ||
           (uint64_t)lx->h.strings_off + lx->h.strings_len > lx->size)
    why = "a section lies outside the file";
  else if (lx->h.bloom_blocks & (lx->h.bloom_blocks - 1))
    why = "Bloom filter size is not a power of two";
  else if (lx->h.bloom_blocks &&
           ((uint64_t)lx->h.bloom_blocks * 64 >
                lx->size - ((uint64_t)lx->h.strings_off + lx->h.strings_len) ||
            (lx->size - (uint64_t)lx->h.bloom_blocks * 64) % 64))
    why = "the Bloom filter overlaps the strings or is misaligned";
  else if (lx->h.nbuckets == 0 || (lx->h.nbuckets & (lx->h.nbuckets - 1)))
    why = "hash table size is not a power of two";
  else if (lx->h.strings_len == 0 ||
           ((const char *)m)[lx->h.strings_off + lx->h.strings_len - 1] != 0)
    why = "string pool is not terminated";
  else if (lx->h.small_off % 4 || lx->h.small_len % 4 ||
           lx->h.small_len < 8 * (uint64_t)lx->h.ntables ||
           (uint64_t)lx->h.small_off + lx->h.small_len >
               lx->size - (uint64_t)lx->h.bloom_blocks * 64)
    why = "the small tables lie outside the file";
  if (why) {
    snprintf(err, errlen, "%s: corrupt lexicon: %s", path, why);
    lb_lex_close(lx);
    return NULL;
  }
  lx->tables = (const uint32_t *)(lx->map + lx->h.tables_off);
  lx->hash = (const uint32_t *)(lx->map + lx->h.hash_off);
  lx->entries = (const uint32_t *)(lx->map + lx->h.entries_off);
  lx->recs = (const uint32_t *)(lx->map + lx->h.recs_off);
  lx->strings = (const char *)(lx->map + lx->h.strings_off);
  lx->bloom = lx->h.bloom_blocks
                  ? (const uint64_t *)(lx->map + lx->size - (size_t)lx->h.bloom_blocks * 64)
                  : NULL;
  lx->small = (const uint32_t *)(lx->map + lx->h.small_off);
  for (uint32_t t = 0; t < lx->h.ntables; t++) {
    uint32_t off = lx->small[2 * t], cnt = lx->small[2 * t + 1];
    if (cnt != LB_LEX_NOT_SMALL && (off % 4 || off < 8 * (uint64_t)lx->h.ntables ||
                                    (uint64_t)off + 4 * (uint64_t)cnt > lx->h.small_len)) {
      snprintf(err, errlen, "%s: corrupt lexicon: small table %u out of range", path, t);
      lb_lex_close(lx);
      return NULL;
    }
  }
  for (uint32_t t = 0; t < lx->h.ntables; t++)
    if (lx->tables[t] >= lx->h.strings_len) {
      snprintf(err, errlen, "%s: corrupt lexicon: table name %u out of range", path, t);
      lb_lex_close(lx);
      return NULL;
    }
  if (lx->h.ntables < sizeof lx->tabhash / 2) /* else lb_lex_table scans */
    for (uint32_t t = 0; t < lx->h.ntables; t++) {
      const char *name = lx->strings + lx->tables[t];
      uint32_t k = lb_lex_hash(name, strlen(name)) % sizeof lx->tabhash;
      while (lx->tabhash[k]) k = (k + 1) % sizeof lx->tabhash;
      lx->tabhash[k] = (uint8_t)(t + 1);
    }
  return lx;
}

void lb_lex_close(lb_lex *lx) {
  if (!lx) return;
  munmap((void *)lx->map, lx->size);
  free(lx);
}

static const char *str_at(const lb_lex *lx, uint32_t off) {
  return off < lx->h.strings_len ? lx->strings + off : NULL;
}

int lb_lex_table(const lb_lex *lx, const char *name) {
  if (!lx) return -1;
  if (lx->h.ntables < sizeof lx->tabhash / 2) {
    for (uint32_t k = lb_lex_hash(name, strlen(name)) % sizeof lx->tabhash; lx->tabhash[k];
         k = (k + 1) % sizeof lx->tabhash)
      if (strcmp(lx->strings + lx->tables[lx->tabhash[k] - 1], name) == 0)
        return lx->tabhash[k] - 1;
    return -1;
  }
  for (uint32_t t = 0; t < lx->h.ntables; t++)
    if (strcmp(lx->strings + lx->tables[t], name) == 0) return (int)t;
  return -1;
}

int lb_lex_ntables(const lb_lex *lx) { return lx ? (int)lx->h.ntables : 0; }


const char *lb_lex_table_name(const lb_lex *lx, int table) {
  if (!lx || table < 0 || (uint32_t)table >= lx->h.ntables) return "?";
  return lx->strings + lx->tables[table];
}

int lb_lex_get(const lb_lex *lx, const char *key, size_t n, lb_lex_entry *e) {
  return lb_lex_get_h(lx, key, n, lb_lex_hash(key, n), e);
}

/* May key hash h be in the lexicon? (No Bloom filter: yes.) Most lookups
** are of keys that are not there (79% of the distinct keys of 5 MB of the
** bench corpus), and each cost a miss in the 16 MB bucket array. Measured:
** those 141,692 keys, cold, 409-493 -> 340-357 ns per key; 25 MB of the
** bench corpus, --stages places, one thread, 1,226 -> 1,176 ms (min of 3). */
static inline int bloom_may(const lb_lex *lx, uint32_t h) {
  if (!lx->bloom) return 1;
  const uint64_t *B = lx->bloom + (size_t)lb_lex_bloom_block(h, lx->h.bloom_blocks) * 8;
  for (int i = 0; i < LB_LEX_BLOOM_K; i++) {
    uint32_t b = lb_lex_bloom_bit(h, i);
    if (!((B[b >> 6] >> (b & 63)) & 1)) return 0;
  }
  return 1;
}

/* The hash table probe of lb_lex_get_h, after the Bloom filter said maybe. */
static int probe_table(const lb_lex *lx, const char *key, size_t n, uint32_t h, lb_lex_entry *e) {
  uint32_t mask = lx->h.nbuckets - 1;
  for (uint32_t probe = 0; probe <= mask; probe++) {
    const uint32_t *B = lx->hash + (size_t)((h + probe) & mask) * 2;
    uint32_t ix = B[0];
    if (ix == 0xFFFFFFFFu) return 0;
    if (B[1] != h) continue;
    if (ix >= lx->h.nentries) return 0; /* damaged */
    const uint32_t *E = lx->entries + (size_t)ix * 16;
    if (E[2] != h || E[1] != n) continue;
    const char *inl = (const char *)(E + 8);
    if (n <= LB_LEX_KEY_INLINE) {
      if (!lb_lex_key_eq(inl, key, n)) continue;
    } else {
      const char *k = str_at(lx, E[0]);
      if (!k || (uint64_t)E[0] + n >= lx->h.strings_len) return 0;
      if (memcmp(inl, key, LB_LEX_KEY_INLINE) != 0 ||
          memcmp(k + LB_LEX_KEY_INLINE, key + LB_LEX_KEY_INLINE, n - LB_LEX_KEY_INLINE) != 0)
        continue;
    }
    if ((uint64_t)E[3] + E[4] > lx->h.nrecs) return 0;
    e->rec0 = E[3];
    e->nrec = E[4];
    e->maxtoks = (E[5] & 0xFF) ? (E[5] & 0xFF) : 1;
    e->lens = E[5] >> 8;
    e->tables = E[6];
    e->next = E[7];
    return 1;
  }
  return 0;
}

int lb_lex_get_h(const lb_lex *lx, const char *key, size_t n, uint32_t h, lb_lex_entry *e) {
  if (!lx || !lx->h.nentries || !bloom_may(lx, h)) return 0;
  return probe_table(lx, key, n, h, e);
}

/*
** Batch lookup with software prefetching. Each lookup is a chain of
** dependent loads far apart in the mapping (Bloom block -> bucket -> entry),
** each mostly a cache miss; perf showed ~90% of lb_lex_get's time stalled on
** the bucket and the entry load. Walking the batch as a pipeline -- Bloom
** block of key i+3D prefetched, key i+2D's Bloom bits checked and its
** bucket prefetched, entry of key i+D prefetched, key i resolved -- keeps
** several misses in flight at once. Measured on 400k words of
** /tmp/perf/c.txt: 53 ns -> 38 ns per key (the prefetch distance, 2 to 32,
** made no difference).
*/
#define LB_LEX_PF 8
static void pf_entry(const lb_lex *lx, uint32_t h) {
  const uint32_t *B = lx->hash + (size_t)(h & (lx->h.nbuckets - 1)) * 2;
  if (B[0] < lx->h.nentries && B[1] == h)
    __builtin_prefetch(lx->entries + (size_t)B[0] * 16);
}

static void pf_bloom(const lb_lex *lx, uint32_t h) {
  if (lx->bloom)
    __builtin_prefetch(lx->bloom + (size_t)lb_lex_bloom_block(h, lx->h.bloom_blocks) * 8);
}

void lb_lex_get_many(const lb_lex *lx, size_t n, const char *const *keys, const uint32_t *lens,
                     const uint32_t *hashes, lb_lex_entry *ents, uint8_t *found) {
  if (!lx || !lx->h.nentries) {
    memset(found, 0, n);
    return;
  }
  uint32_t mask = lx->h.nbuckets - 1;
  /* found[k] is 2 from the Bloom check of key k (stage 1) until key k is
  ** resolved: the later stages skip the keys it ruled out */
  for (size_t i = 0; i < n + 3 * LB_LEX_PF; i++) {
    if (i < n) pf_bloom(lx, hashes[i]);
    size_t k1 = i - LB_LEX_PF, k2 = i - 2 * LB_LEX_PF, k3 = i - 3 * LB_LEX_PF;
    if (i >= LB_LEX_PF && k1 < n) {
      found[k1] = bloom_may(lx, hashes[k1]) ? 2 : 0;
      if (found[k1]) __builtin_prefetch(lx->hash + (size_t)(hashes[k1] & mask) * 2);
    }
    if (i >= 2 * LB_LEX_PF && k2 < n && found[k2]) pf_entry(lx, hashes[k2]);
    if (i >= 3 * LB_LEX_PF && found[k3])
      found[k3] = (uint8_t)probe_table(lx, keys[k3], lens[k3], hashes[k3], &ents[k3]);
  }
}

int lb_lex_rec_get(const lb_lex *lx, const lb_lex_entry *e, uint32_t i, lb_lex_rec *r) {
  if (i >= e->nrec || (uint64_t)e->rec0 + i >= lx->h.nrecs) return 0;
  const uint32_t *R = lx->recs + (size_t)(e->rec0 + i) * 4;
  const char *surf = str_at(lx, R[1]), *val = str_at(lx, R[2]);
  if (!surf || !val || R[0] >= lx->h.ntables ||
      (uint64_t)R[2] + R[3] >= lx->h.strings_len)
    return 0;
  r->table = (int)R[0];
  r->surface = surf;
  r->val = val;
  r->val_len = R[3];
  return 1;
}

/*
** lb_lex_find's per-thread cache of found records. The entity stage asks for
** the same definitions (table entdef: "Q183", "gn:2782113") again and again,
** in every document that names Austria, and each answer is a chain of five
** dependent loads far apart in the mapping (bucket, entry, key, record,
** value). Counted on 25 MB of the bench corpus: 640k single lookups, 274k
** of them found, 134.5k of those entdef. A hit here costs one cache line.
** Only found records are kept: most of the misses (noun suffixes) end in
** the Bloom filter, and would only push the definitions out. Slots are
** tagged with lb_lex_id, so a lexicon opened later at the same address
** never sees another's records.
*/
#define FC_SLOTS 1024
#define FC_KEY 30
typedef struct fc_slot {
  uint32_t lx_id, h;
  lb_lex_rec r;
  uint8_t len;
  char key[FC_KEY];
} fc_slot;
static _Thread_local fc_slot fcache[FC_SLOTS];

/* May table t have a key of hash h? For a small table, a binary
** search of its key hashes: a few hundred bytes, hot in the L1 cache. Counted
** on 25 MB of the bench corpus: 150k lookups of noun suffixes, 148k of them
** absent, each of which cost a Bloom filter miss (or, when another table
** has the key, the hash table's too) -- 4% of all cycles (perf). */
static int small_may(const lb_lex *lx, int t, uint32_t h) {
  const uint32_t *d = lx->small + 2 * (size_t)t;
  if (d[1] == LB_LEX_NOT_SMALL) return 1;
  const uint32_t *a = lx->small + d[0] / 4;
  size_t lo = 0, hi = d[1];
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (a[mid] < h)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo < d[1] && a[lo] == h;
}

int lb_lex_has_class(const lb_lex *lx, int table, const char *s, size_t n, const char *lang,
                     const char *cls) {
  if (table < 0 || !lx || !s) return 0;
  lb_buf k = LB_BUF_INIT;
  lb_norm_key(&k, s, n);
  lb_lex_entry e;
  int found = 0;
  if (lb_lex_get(lx, k.p, k.n, &e) && lb_lex_may_have(&e, table))
    for (uint32_t i = 0; i < e.nrec && !found; i++) {
      lb_lex_rec r;
      found = lb_lex_rec_get(lx, &e, i, &r) && r.table == table && lb_lex_field_is(&r, 0, lang) &&
              (!cls || lb_lex_field_is(&r, 1, cls));
    }
  lb_buf_free(&k);
  return found;
}

int lb_lex_find_field(const lb_lex *lx, int table, const char *key, size_t n, int field,
                      const char *s, lb_lex_rec *r) {
  lb_lex_entry e;
  if (table < 0 || !lx || !lb_lex_get(lx, key, n, &e) || !lb_lex_may_have(&e, table)) return 0;
  for (uint32_t i = 0; i < e.nrec; i++)
    if (lb_lex_rec_get(lx, &e, i, r) && r->table == table && lb_lex_field_is(r, field, s)) return 1;
  return 0;
}

int lb_lex_entry_has(const lb_lex *lx, const lb_lex_entry *e, int t) {
  if (t < 0 || !lb_lex_may_have(e, t)) return 0;
  if (lb_lex_has_table(e, t, lb_lex_ntables(lx))) return 1;
  lb_lex_rec r;
  for (uint32_t i = 0; i < e->nrec; i++)
    if (lb_lex_rec_get(lx, e, i, &r) && r.table == t) return 1;
  return 0;
}

int lb_lex_find(const lb_lex *lx, int table, const char *key, size_t n, lb_lex_rec *r) {
  if (table < 0 || !lx || !lx->h.nentries || (uint32_t)table >= lx->h.ntables) return 0;
  uint32_t h = lb_lex_hash(key, n);
  if (!small_may(lx, table, h) || !bloom_may(lx, h)) return 0;
  fc_slot *sl = NULL;
  if (n <= FC_KEY) {
    sl = &fcache[(h ^ (uint32_t)table * 0x9E3779B9u) & (FC_SLOTS - 1)];
    if (sl->lx_id == lx->id && sl->h == h && sl->r.table == table && sl->len == n &&
        memcmp(sl->key, key, n) == 0) {
      *r = sl->r;
      return 1;
    }
  }
  lb_lex_entry e;
  if (!probe_table(lx, key, n, h, &e) || !lb_lex_may_have(&e, table)) return 0;
  for (uint32_t i = 0; i < e.nrec; i++)
    if (lb_lex_rec_get(lx, &e, i, r) && r->table == table) {
      if (sl) {
        sl->lx_id = lx->id;
        sl->h = h;
        sl->r = *r;
        sl->len = (uint8_t)n;
        memcpy(sl->key, key, n);
      }
      return 1;
    }
  return 0;
}

int lb_lex_field(const char *val, uint32_t val_len, int i, const char **f) {
  const char *p = val, *end = val + val_len;
  for (int k = 0; k < i; k++) {
    const char *t = memchr(p, '\t', (size_t)(end - p));
    if (!t) return -1;
    p = t + 1;
  }
  const char *t = memchr(p, '\t', (size_t)(end - p));
  *f = p;
  return (int)((t ? t : end) - p);
}

int lb_lex_fields(const char *val, uint32_t val_len, const char **f, int *len, int max) {
  const char *p = val, *end = val + val_len;
  int n = 0;
  while (n < max) {
    const char *t = memchr(p, '\t', (size_t)(end - p));
    f[n] = p;
    len[n++] = (int)((t ? t : end) - p);
    if (!t) break;
    p = t + 1;
  }
  return n;
}

int lb_lex_field_is(const lb_lex_rec *r, int i, const char *s) {
  const char *f;
  int n = lb_lex_field(r->val, r->val_len, i, &f);
  return n >= 0 && (size_t)n == strlen(s) && memcmp(f, s, (size_t)n) == 0;
}

const char *lb_lex_field_dup(lb_arena *a, const lb_lex_rec *r, int i) {
  const char *f;
  int n = lb_lex_field(r->val, r->val_len, i, &f);
  return n > 0 ? lb_arena_strndup(a, f, (size_t)n) : NULL;
}

int lb_lex_dec(const char *f, size_t n, double *v) {
#if FLT_EVAL_METHOD == 0
  /* m and 10^k are exact doubles, so the one division m / 10^k is correctly
  ** rounded, as strtod rounds (Clinger's fast path; it needs double
  ** arithmetic without excess precision, FLT_EVAL_METHOD 0, as on x86-64) */
  static const double P10[] = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                               1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
  size_t i = n && f[0] == '-';
  uint64_t m = 0;
  size_t dig = 0, k = 0;
  int dot = 0;
  for (; i < n && dig <= 15; i++) {
    if (f[i] == '.' && !dot) {
      dot = 1;
      continue;
    }
    if (f[i] < '0' || f[i] > '9') break;
    m = m * 10 + (uint64_t)(f[i] - '0');
    dig++;
    k += (size_t)dot;
  }
  if (i == n && dig && dig <= 15) {
    double x = (double)m / P10[k];
    *v = f[0] == '-' ? -x : x;
    return 1;
  }
#else
  (void)f, (void)n, (void)v;
#endif
  return 0;
}

int lb_lex_num(const char *f, size_t n, double *v) {
  if (lb_lex_dec(f, n, v)) return 1;
  char b[64];
  if (n == 0 || n >= sizeof b) return 0;
  memcpy(b, f, n);
  b[n] = 0;
  char *e;
  double x = strtod(b, &e);
  if (e != b + n || !isfinite(x)) return 0;
  *v = x;
  return 1;
}

double lb_lex_field_num(const lb_lex_rec *r, int i, double dflt) {
  const char *f;
  int n = lb_lex_field(r->val, r->val_len, i, &f);
  if (n <= 0 || n > 40) return dflt;
  char b[48];
  memcpy(b, f, (size_t)n);
  b[n] = 0;
  char *e;
  double v = strtod(b, &e);
  return e == b ? dflt : v;
}

uint32_t lb_lex_id(const lb_lex *lx) { return lx ? lx->id : 0; }

uint32_t lb_lex_nkeys(const lb_lex *lx) { return lx ? lx->h.nentries : 0; }
uint32_t lb_lex_nrecs(const lb_lex *lx) { return lx ? lx->h.nrecs : 0; }
size_t lb_lex_size(const lb_lex *lx) { return lx ? lx->size : 0; }
