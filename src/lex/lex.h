/*
** lex.h -- the compiled lexicon: every name, word form, unit, reporting verb
** and event pattern that lagebild knows, in one memory-mapped file.
**
** Knowledge lives in text files under data/ (and in generated files built
** from Debian and npm data, see tools/); `lagebild-lexc` compiles them into
** one binary file (bin/lagebild.lex) that lb_lex_open maps read-only. Adding
** a language or an actor list means adding data, not code.
**
** Source format (UTF-8 TSV, '#' comments, blank lines ignored):
**     TABLE <TAB> KEY <TAB> VALUE...
** TABLE names the kind of record ("entity", "form", "unit", "rverb", ...);
** KEY is a surface string of one or more tokens; VALUE is the rest of the
** line (tab-separated fields whose meaning the consuming module documents).
** A file may instead start with a line "#table: NAME", after which lines are
** KEY <TAB> VALUE.
**
** Keys are matched after tokenizing with the engine's own tokenizer and
** normalising each token (norm.h: NFC + case folding); tokens are joined by
** one space. So "Russland-Nordkorea-Allianz" is a one-token key and
** "Donald Trump" a two-token key "donald trump".
**
** Binary format (all integers little-endian uint32, offsets from file start):
**   header: magic "LBLEX006", then the fields of struct lb_lex_hdr (files
**           of earlier versions are refused: make rebuilds the lexicon)
**   tables: ntables x (name offset)
**   hash:   (on a 64-byte boundary) nbuckets (power of two) x {entry index
**           (0xFFFFFFFF = empty), the entry's key hash}
**   entries: nentries x 64 bytes, one cache line each: {key_off, key_len,
**            hash, rec0, nrec, maxtoks | lens << 8, tables, next} (lens,
**            tables, next: see lb_lex_entry), then the key's first
**            LB_LEX_KEY_INLINE bytes, zero-padded: a lookup compares most
**            keys without reading the string pool
**   records: nrecs x {table, surface_off, val_off, val_len}
**   strings: NUL-terminated UTF-8
**   small:  the key hashes of each small table (<= LB_LEX_SMALL_MAX
**           keys: noun suffixes, nationality adjectives, role nouns, units,
**           ...): ntables x {byte offset in this section, count} (count
**           LB_LEX_NOT_SMALL for a big table), then each small table's key
**           hashes in ascending order. lb_lex_find answers "not in this
**           table" from these few hundred bytes, which stay in the L1 cache,
**           instead of the Bloom filter and the hash table (lex.c).
**   bloom:   (optional; the header's last word = its number of 64-byte
**            blocks, a power of two, 0 = none) the file's last bytes, a
**            blocked Bloom filter over the key hashes: a lookup of a key
**            that is not there mostly ends in this 2 MB table, which stays
**            in the CPU caches, instead of a miss in the 16 MB bucket
**            array (lb_lex_bloom_* below).
** Prefix entries: the first two tokens of every key of three or
** more tokens have an entry (without records when no key is just those
** two) whose maxtoks and lens tell the longer keys that start with them, so
** a longest-match probe asks for 3+ tokens only after the first two were
** found.
** Every offset is checked against the file size when it is used, so a
** corrupt file yields "no match" or an error at open, never a bad read.
*/
#ifndef LB_LEX_H
#define LB_LEX_H

#include <stddef.h>
#include <stdint.h>
#include <string.h>

typedef struct lb_lex lb_lex;

typedef struct lb_lex_rec {
  int table;           /* table index (lb_lex_table) */
  const char *surface; /* the key as written in the source */
  const char *val;     /* the value fields, NUL-terminated */
  uint32_t val_len;
} lb_lex_rec;

/* One key's entry: its records, and for first tokens of multi-token keys the
** longest key length in tokens that starts with it. */
typedef struct lb_lex_entry {
  uint32_t rec0, nrec;
  uint32_t maxtoks; /* >= 1; > 1 when longer keys start with this key */
  uint32_t lens;    /* bit n-2 set: a key of n tokens (2 <= n <= 24) starts
                    ** with this key; bit 23: one of 25 or more */
  uint32_t tables;  /* bit t set: the entry may have a record of table t
                    ** (bit 31 stands for all tables >= 31) */
  uint32_t next;    /* when maxtoks > 1: bit lb_lex_next_bit(h) set for the
                    ** hash h of every token that follows this key in a
                    ** longer key (lexc; lexdoc.c's span_may) */
} lb_lex_entry;

/* Are a[0..n) and b[0..n) equal? For the short keys of the lookups' last
** step: two overlapping loads of 8 (n = 8..16) or 4 bytes (4..7) instead of
** a call to memcmp; reads nothing outside a[0..n) and b[0..n). */
static inline int lb_lex_key_eq(const char *a, const char *b, size_t n) {
  uint64_t x, y, u, v;
  uint32_t p, q, r, s;
  if (n >= 8 && n <= 16) {
    memcpy(&x, a, 8), memcpy(&y, b, 8), memcpy(&u, a + n - 8, 8), memcpy(&v, b + n - 8, 8);
    return ((x ^ y) | (u ^ v)) == 0;
  }
  if (n >= 4 && n < 8) {
    memcpy(&p, a, 4), memcpy(&q, b, 4), memcpy(&r, a + n - 4, 4), memcpy(&s, b + n - 4, 4);
    return ((p ^ q) | (r ^ s)) == 0;
  }
  if (n < 4) {
    for (size_t i = 0; i < n; i++)
      if (a[i] != b[i]) return 0;
    return 1;
  }
  return memcmp(a, b, n) == 0;
}

/* The bit of a next token's key hash in lb_lex_entry.next. */
static inline uint32_t lb_lex_next_bit(uint32_t h) { return 1u << (h >> 27); }

/* Can a longer key starting with entry e's key continue with a token whose
** key hashes to h? (No: no key of more tokens needs to be looked up.) */
static inline int lb_lex_next_may(const lb_lex_entry *e, uint32_t h) {
  return (e->next & lb_lex_next_bit(h)) != 0;
}

/* Key bytes kept in the entry itself (the whole key, for nearly all). */
#define LB_LEX_KEY_INLINE 32

/* Tables of at most this many keys get their key hashes listed. */
#define LB_LEX_SMALL_MAX 4096
#define LB_LEX_NOT_SMALL 0xFFFFFFFFu

/* May entry e have a record of table t? When not, its records need not be
** read: most "is this word in table X" questions are answered no, and
** reading the records was ~9% of all cycles (perf, s5.jsonl). */
static inline int lb_lex_may_have(const lb_lex_entry *e, int t) {
  return t >= 0 && ((e->tables >> (t < 31 ? t : 31)) & 1);
}

/* Does entry e surely have a record of table t? Bit t is exact for t < 31;
** bit 31 is exact for table 31 only when no table comes after it. */
static inline int lb_lex_has_table(const lb_lex_entry *e, int t, int ntables) {
  return t >= 0 && (t < 31 || (t == 31 && ntables <= 32)) && ((e->tables >> t) & 1);
}

/* Does entry e have a record of table t? The bits answer for the tables
** they are exact for (lb_lex_has_table); beyond those the records are
** read. (Bits alone said no for the tables from 31 on: adding a 47th table
** moved "rolenoun" there and silently changed the parser's inputs.) */
int lb_lex_entry_has(const lb_lex *lx, const lb_lex_entry *e, int t);

/* Can a key of n tokens start with entry e's key? (Multi-token probes skip
** the lengths no key has: most of their lookups were misses.) */
static inline int lb_lex_has_len(const lb_lex_entry *e, size_t n) {
  if (n <= 1) return 1;
  return (e->lens >> (n <= 24 ? n - 2 : 23)) & 1;
}

/* Open and map a lexicon file. On failure returns NULL and writes a message
** naming the file and what is wrong into err. */
lb_lex *lb_lex_open(const char *path, char *err, size_t errlen);
void lb_lex_close(lb_lex *lx);

/* Table index for a name, or -1 when the lexicon has no such table. */
int lb_lex_table(const lb_lex *lx, const char *name);
/* Number of tables. */
int lb_lex_ntables(const lb_lex *lx);
const char *lb_lex_table_name(const lb_lex *lx, int table);

/* Look up a normalised key (tokens joined by one space). Returns 1 and fills
** *e when found. */
int lb_lex_get(const lb_lex *lx, const char *key, size_t n, lb_lex_entry *e);
/* lb_lex_get when the caller already has h = lb_lex_hash(key, n). */
int lb_lex_get_h(const lb_lex *lx, const char *key, size_t n, uint32_t h, lb_lex_entry *e);

/* Look up n keys at once: keys[i] (lens[i] bytes, hashes[i] = its
** lb_lex_hash) -> found[i] (0/1) and, when found, ents[i]. Same answers as n
** calls of lb_lex_get_h, but the memory loads of later keys are prefetched
** while earlier ones are resolved, so their cache misses overlap. */
void lb_lex_get_many(const lb_lex *lx, size_t n, const char *const *keys, const uint32_t *lens,
                     const uint32_t *hashes, lb_lex_entry *ents, uint8_t *found);

/* Record i of an entry (0 <= i < e->nrec). Returns 0 when the record is
** damaged (then *r is not filled). */
int lb_lex_rec_get(const lb_lex *lx, const lb_lex_entry *e, uint32_t i, lb_lex_rec *r);

/* Convenience: the first record of table `table` under key, or 0. */
int lb_lex_find(const lb_lex *lx, int table, const char *key, size_t n, lb_lex_rec *r);

/* The first record of table `table` under key whose field `field` is s (a
** language: a key may have a record for each, "in" de and "in" en), or 0. */
int lb_lex_find_field(const lb_lex *lx, int table, const char *key, size_t n, int field,
                      const char *s, lb_lex_rec *r);

/* Has table `table` a record under word s[0..n) (keyed here, lb_norm_key)
** whose field 0 is lang and (when cls is not NULL) whose field 1 is cls? The
** class tables ("mood": haben perfect, werden future) are read this way. */
int lb_lex_has_class(const lb_lex *lx, int table, const char *s, size_t n, const char *lang,
                     const char *cls);

/* Field i (0-based, tab-separated) of a value; returns its length and sets
** *f, or returns -1 when there is no such field. */
int lb_lex_field(const char *val, uint32_t val_len, int i, const char **f);

/* The first max fields of a value at once, in one pass: f[i], len[i] for
** i < the returned count (<= max); the others are not set. For readers of
** several fields of one record (lb_lex_field walks from the start each time:
** ~24 scans per place candidate in geo.c). */
int lb_lex_fields(const char *val, uint32_t val_len, const char **f, int *len, int max);

/* Is field i of record r exactly s? */
int lb_lex_field_is(const lb_lex_rec *r, int i, const char *s);

/* Field i of record r copied into arena a, or NULL when missing or empty. */
struct lb_arena;
const char *lb_lex_field_dup(struct lb_arena *a, const lb_lex_rec *r, int i);

/* A whole field f[0..n) as a number, as strtod reads it (all of it, finite):
** returns 1 and sets *v, or 0. Plain decimals ("-73.98", "538555") take a
** fast path without strtod, whose ~440 instructions a call were 2% of
** --stages places (geo.c reads id, lat, lon, population). */
int lb_lex_num(const char *f, size_t n, double *v);
/* lb_lex_num's fast path alone: f[0..n) is [-]digits[.digits] with at most
** 15 digits (then *v is strtod's value, and 1 is returned), or 0. */
int lb_lex_dec(const char *f, size_t n, double *v);

/* Field i of record r as a number (strtod), or dflt when the field is
** missing, empty, longer than 40 bytes or not a number. */
double lb_lex_field_num(const lb_lex_rec *r, int i, double dflt);

/* A number for this opened lexicon, unique in the process (never 0): the
** key of per-thread caches of lookups, which must not outlive it (a lexicon
** opened later may get the same address and size). */
uint32_t lb_lex_id(const lb_lex *lx);

/* Statistics for `lagebild lexicon` and the bench. */
uint32_t lb_lex_nkeys(const lb_lex *lx);
uint32_t lb_lex_nrecs(const lb_lex *lx);
size_t lb_lex_size(const lb_lex *lx);

/*
** The key hash, shared by compiler and loader; inline, as it runs for every
** word a document looks up (3.5% of the time as a call, perf). Eight bytes
** at a time, where FNV-1a (LBLEX004) took one multiply per byte -- 2.4% of
** all cycles of --stages places (perf), for the
** ~260k keys of every 1.5 MB. Keys of 1..7 bytes are read as two
** overlapping words (4..7) or three bytes (1..3), longer ones in words with
** an overlapping last one, so every byte counts and nothing outside s[0..n)
** is read; the length is mixed in first, so equal words of different
** lengths differ. Then murmur3's 64-bit finaliser spreads every input bit
** over the 32 bits kept: buckets and caches take the low bits, the Bloom
** filter and lb_lex_next_bit the high ones. Words are read in host byte
** order: a lexicon is only read where it was built (lexc is part of make).
*/
#define LB_LEX_HM 0x9E3779B97F4A7C15ull
static inline uint64_t lb_lex_hmix(uint64_t h, uint64_t w) {
  h = (h ^ w) * LB_LEX_HM;
  return h ^ (h >> 32);
}

static inline uint32_t lb_lex_hash(const char *s, size_t n) {
  uint64_t h = (uint64_t)(n + 1) * LB_LEX_HM, w;
  if (n >= 8) {
    for (size_t i = 0; i + 8 < n; i += 8) {
      memcpy(&w, s + i, 8);
      h = lb_lex_hmix(h, w);
    }
    memcpy(&w, s + n - 8, 8);
    h = lb_lex_hmix(h, w);
  } else if (n >= 4) {
    uint32_t a, b;
    memcpy(&a, s, 4);
    memcpy(&b, s + n - 4, 4);
    h = lb_lex_hmix(h, a | (uint64_t)b << 32);
  } else if (n > 0) {
    const unsigned char *u = (const unsigned char *)s;
    h = lb_lex_hmix(h, u[0] | (uint64_t)u[n / 2] << 8 | (uint64_t)u[n - 1] << 16);
  }
  h ^= h >> 33;
  h *= 0xFF51AFD7ED558CCDull;
  h ^= h >> 33;
  h *= 0xC4CEB9FE1A85EC53ull;
  h ^= h >> 33;
  return (uint32_t)h;
}

/* The Bloom filter's block of key hash h (nblocks 64-byte blocks), and the
** i-th of its LB_LEX_BLOOM_K bit positions in that block (0..511): shared
** by compiler and loader. Block and bits come from differently mixed h. */
#define LB_LEX_BLOOM_K 6
static inline uint32_t lb_lex_bloom_block(uint32_t h, uint32_t nblocks) {
  return (uint32_t)(((uint64_t)(uint32_t)(h * 0x85EBCA6Bu) * nblocks) >> 32);
}
static inline uint32_t lb_lex_bloom_bit(uint32_t h, int i) {
  uint64_t g = (uint64_t)(h ^ 0x5BD1E995u) * 0x9E3779B97F4A7C15ull;
  return (uint32_t)(g >> (10 + 9 * i)) & 511;
}

#endif
