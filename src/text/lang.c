/*
** lang.c -- language identification (see lang.h).
**
** The model: for each language of data/lang/languages.txt, the 400 most
** frequent character n-grams (1..5 characters, "_" marks a word boundary,
** case and punctuation kept) from libexttextcat's fingerprints, compiled by
** data/lang/gen_lang.sh into build/gen/lang_model.inc. On first use the
** n-grams go into an open-addressing hash table keyed by a 64-bit FNV-1a hash
** of their bytes (built once, under pthread_once; read-only afterwards).
**
** Scoring (naive Bayes over n-grams): the text is cut into words at white
** space and digits (as the fingerprints were made); every n-gram of every
** "_word_" that a language's fingerprint holds adds its weight, 100 ln(p /
** floor) (p its relative frequency there, floor about that of the 400th
** n-gram, see gen_lang.sh), to that language; a missing n-gram adds nothing,
** which is the floor. Only hits cost time: no n-gram counting, sorting or
** allocation per text. Single ASCII characters are skipped (they hit every
** Latin-script language and cost more than they tell). The best score wins;
** earlier languages of the list win ties.
**
** Why not libexttextcat itself: per text it counts and sorts all n-grams and
** compares the ranking with every fingerprint; this needs one hash lookup
** per n-gram (at most), no allocation, and stops early once one language
** leads clearly (callgrind, --stages places on 1m.jsonl: about 10,000
** instructions per document, 8 words read on average; 21,500 before the
** weight rows, PREFIX slots and the ASCII word path below).
**
** Cyrillic: Russian and Ukrainian share most n-grams, so letters decide when
** present: і ї є ґ are Ukrainian only, ы э ё Russian only (among ru, uk, bg,
** sr, mk; Belarusian has both and is left to the n-grams).
*/
#include "lang.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "norm.h"

#include "lang_model.inc"

#define NLANG (sizeof LANG_CODES / sizeof LANG_CODES[0])
#define NNGRAM (sizeof LANG_NGRAMS / sizeof LANG_NGRAMS[0])
#define NGMAX 5 /* longest n-gram, in characters */
/* Stop once the best language leads the second by this much: score
** differences are 100 x log-likelihood ratios, 2000 = e^20. Measured on
** 10kGNAD: stops after about 16 words, same answers as reading 1 KiB. */
#define LEAD 2000
#define MAXWORD 40 /* characters of a word looked at */

/* One distinct n-gram: check bits of its hash and where its weights are:
** row row of ROWS (0: a row of zeros) and n entries of ENT from first
** (ENT[NNGRAM], a weight 0, when n is 0). An n-gram of DENSE_MIN or more
** languages has a row and no entries, one of fewer entries and row 0. A
** PREFIX slot (row 0, no entries) holds no weights: it stands for a prefix
** of an n-gram of the model that the model lacks itself ("_byť" of "_byť_"),
** so that a word's n-grams from one start need not be looked up past the
** first miss. A hit adds the first 3 vectors of its row (languages 0..23)
** and its first entry whatever the n-gram, and only then asks for more
** (WIDE: a row past language 23; n > 1): no branch on the kind of n-gram
** nor a jump on the length of its row, which often mispredicted. */
typedef struct slot {
  uint32_t check;
  uint32_t w; /* first | n << 16 | WIDE | row << 20; 0 (no row, no entries
              ** and first 0): an empty slot */
} slot;
#define WIDE (1u << 19)

/* One language's weight for an n-gram: 4 bytes, where LANG_NGRAMS's entry
** with its string pointer takes 16. */
typedef struct ent {
  uint16_t weight;
  uint8_t lang;
} ent;

/* N-grams that many languages share ("en", "er_", "_d": up to 33 of the 37)
** add a row of weights, one per language, as vector adds instead: on
** 1m.jsonl the 64,000 hits added 647,000 entries one by one, most of them
** in n-grams of 11 and more. DENSE_MIN measured best of 4..16
** (lb_lang_detect: 15.6M instructions before, 6.7M with rows, PREFIX slots
** and the ASCII path). Every n-gram of DENSE_MIN or more entries gets a
** row, so n < DENSE_MIN. */
#define DENSE_MIN 6
#define NPAD ((NLANG + 7) & ~(size_t)7) /* scores, padded to whole rows of 8 */

#define TBITS 15
#define TSIZE (1u << TBITS)
static slot TABLE[TSIZE];
static ent ENT[NNGRAM + 1]; /* + a weight 0 for slots without entries */
#define NROWS (NNGRAM / DENSE_MIN + 1) /* row 0: zeros; 465 used */
typedef uint32_t v4u __attribute__((vector_size(16)));
/* 16-bit weights (80 bytes a row, was 160 with 32-bit ones): vector j of a
** row holds languages 8j..8j+3 in the low halves of its lanes, 8j+4..8j+7
** in the high ones */
static v4u ROWS[NROWS][NPAD / 8];
/* byte classes: 1 separates words (is_sep), 2 not ASCII, 4 an ASCII letter */
static uint8_t CLS[256];
static pthread_once_t ONCE = PTHREAD_ONCE_INIT;
static int LANG_RU = -1, LANG_UK = -1;
static uint8_t CYR_NOBE[NLANG]; /* ru uk bg sr mk: letters may decide */

_Static_assert(NNGRAM < 65535, "n-gram table too large for 16-bit indexes");
_Static_assert(NROWS < 4096, "too many rows for 12-bit indexes");
_Static_assert(NLANG < 256, "too many languages");
_Static_assert(NPAD >= 24, "score_slot adds rows of at least 3 vectors");
_Static_assert(DENSE_MIN <= 6, "score_slot adds up to 5 entries");

#define FNV_BASIS 1469598103934665603ULL
#define FNV_PRIME 1099511628211ULL

/* Slot of a hash: FNV-1a's high bits barely move for 2..5-byte keys, so mix
** before taking them (without this, probe chains were hundreds long). */
static inline uint32_t slot_of(uint64_t h) {
  h ^= h >> 32;
  h *= 0x9E3779B97F4A7C15ULL;
  return (uint32_t)(h >> (64 - TBITS));
}

/* Separates words: ASCII white space, control bytes, digits, and the 0x1A
** that replaced invalid input. */
static int is_sep(unsigned char c) { return c <= ' ' || (c >= '0' && c <= '9') || c == 0x7F; }

/* The slot that holds hash h, or the empty slot where it would go. */
static slot *find(uint64_t h) {
  uint32_t k = slot_of(h);
  while (TABLE[k].w && TABLE[k].check != (uint32_t)h)
    k = (k + 1) & (TSIZE - 1);
  return &TABLE[k];
}

/* Give g[0..n) and, in turn, its shorter prefixes of whole characters a
** PREFIX slot, up to the first that has a slot already. */
static void add_prefixes(const char *g, size_t n) {
  while (n > 0) {
    uint64_t h = FNV_BASIS;
    for (size_t i = 0; i < n; i++)
      h = (h ^ (unsigned char)g[i]) * FNV_PRIME;
    slot *sl = find(h);
    if (sl->w) return;
    sl->check = (uint32_t)h;
    sl->w = NNGRAM;
    do
      n--;
    while (n > 0 && ((unsigned char)g[n] & 0xC0) == 0x80);
  }
}

static void build(void) {
  size_t rows = 1;
  for (size_t i = 0; i < NNGRAM;) {
    const char *g = LANG_NGRAMS[i].g;
    size_t j = i + 1;
    /* equal string literals are merged (gcc, clang): most of a group
    ** compares as pointers, strcmp only where a group ends */
    while (j < NNGRAM && (LANG_NGRAMS[j].g == g ||
                          (LANG_NGRAMS[j].g[0] == g[0] && strcmp(LANG_NGRAMS[j].g, g) == 0)))
      j++;
    /* the hash of g less its last character, then of g */
    size_t n = strlen(g), np = n - 1;
    while (np > 0 && ((unsigned char)g[np] & 0xC0) == 0x80)
      np--;
    uint64_t hp = FNV_BASIS;
    for (size_t b = 0; b < np; b++)
      hp = (hp ^ (unsigned char)g[b]) * FNV_PRIME;
    uint64_t h = hp;
    for (size_t b = np; b < n; b++)
      h = (h ^ (unsigned char)g[b]) * FNV_PRIME;
    slot *sl = find(h);
    sl->check = (uint32_t)h; /* a PREFIX slot so far, or empty */
    if (j - i >= DENSE_MIN) {
      /* a language lists an n-gram once, and weights, 100 ln(p / floor),
      ** are below 1000 (gen_lang.sh): 16 bits hold them */
      uint32_t row[NPAD] = {0};
      size_t top = 0;
      for (size_t e = i; e < j; e++) {
        row[LANG_NGRAMS[e].lang] += LANG_NGRAMS[e].weight;
        if (LANG_NGRAMS[e].lang > top) top = LANG_NGRAMS[e].lang;
      }
      for (size_t v = 0; v < NPAD / 8; v++)
        for (size_t l = 0; l < 4; l++)
          ROWS[rows][v][l] = row[8 * v + l] | row[8 * v + 4 + l] << 16;
      sl->w = NNGRAM | (top >= 24 ? WIDE : 0) | (uint32_t)rows++ << 20;
    } else {
      for (size_t e = i; e < j; e++) {
        ENT[e].lang = LANG_NGRAMS[e].lang;
        ENT[e].weight = LANG_NGRAMS[e].weight;
      }
      sl->w = (uint32_t)i | (uint32_t)(j - i) << 16;
    }
    /* every prefix of whole characters of an n-gram gets a slot (PREFIX when
    ** the model lacks it): a lookup that misses then tells that no longer
    ** n-gram from the same start can hit */
    if (np > 0 && !find(hp)->w) add_prefixes(g, np);
    i = j;
  }
  for (size_t l = 0; l < NLANG; l++) {
    if (strcmp(LANG_CODES[l], "ru") == 0) LANG_RU = (int)l;
    if (strcmp(LANG_CODES[l], "uk") == 0) LANG_UK = (int)l;
    static const char *const cyr[] = {"ru", "uk", "bg", "sr", "mk"};
    for (size_t c = 0; c < sizeof cyr / sizeof *cyr; c++)
      if (strcmp(LANG_CODES[l], cyr[c]) == 0) CYR_NOBE[l] = 1;
  }
  for (unsigned c = 0; c < 256; c++) {
    int letter = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    CLS[c] = (uint8_t)(is_sep((unsigned char)c) ? 1 : c >= 0x80 ? 2 : letter ? 4 : 0);
  }
}

/* score[0..8) += the 16-bit halves of w's lanes (see ROWS): SSE2 adds
** (memcpy: no aliasing questions) */
static inline void add8(uint32_t *score, v4u w) {
  v4u a, b;
  memcpy(&a, score, sizeof a);
  memcpy(&b, score + 4, sizeof b);
  a += w & 0xFFFF;
  b += w >> 16;
  memcpy(score, &a, sizeof a);
  memcpy(score + 4, &b, sizeof b);
}

/* Add the weights of the n-gram of hash h, in slot k or after; 0 when it is
** no n-gram of the model nor a prefix of one. The unconditional adds of
** row and first entry (see slot), the 16-bit rows and the prefetch in
** score_ascii: lb_lang_detect 5,100 -> 4,450 cycles a text in `extract
** --stages places` of 5m.jsonl (rdtsc, min of 6), 20.1 -> 17.3 ms over the
** 12,600 texts of 25m.jsonl in a loop, for 22% more instructions (the adds
** of zeros) and 11% fewer D1 misses. Tried and dropped: a compact copy of
** TABLE (a bitmap of its used slots, 4 KiB, and the 7,650 slots packed, 60
** KiB): half the D1 misses, but counting the bits before a slot took 40%
** more instructions, 7% slower; a 4 KiB bitmap in front of TABLE for the
** 25% of lookups that find an empty slot: no faster. */
static inline __attribute__((always_inline)) int score_slot(uint64_t h, uint32_t k,
                                                             uint32_t *restrict score) {
  for (;;) {
    const slot *s = &TABLE[k];
    if (!s->w) return 0;
    if (s->check == (uint32_t)h) {
      uint32_t w = s->w;
      const v4u *r = ROWS[w >> 20];
      add8(score, r[0]);
      add8(score + 8, r[1]);
      add8(score + 16, r[2]);
      if (w & WIDE)
        for (unsigned v = 3; v < NPAD / 8; v++)
          add8(score + 8 * v, r[v]);
      const ent *e = ENT + (w & 0xFFFF);
      score[e[0].lang] += e[0].weight;
      switch (w >> 16 & 7) {
      case 5:
        score[e[4].lang] += e[4].weight; /* fall through */
      case 4:
        score[e[3].lang] += e[3].weight; /* fall through */
      case 3:
        score[e[2].lang] += e[2].weight; /* fall through */
      case 2:
        score[e[1].lang] += e[1].weight;
      }
      return 1;
    }
    k = (k + 1) & (TSIZE - 1);
  }
}

static inline __attribute__((always_inline)) int score_hash(uint64_t h, uint32_t *restrict score) {
  return score_slot(h, slot_of(h), score);
}

/* Score the n-grams of "_" w "_"; cs[i] is the byte offset of character i
** in the padded word p, cs[nc] its length. */
static void score_word(const char *p, const uint8_t *cs, size_t nc, uint32_t *score) {
  for (size_t i = 0; i < nc; i++) {
    uint64_t h = FNV_BASIS;
    size_t b = cs[i];
    for (size_t j = i; j < nc && j < i + NGMAX; j++) {
      for (; b < cs[j + 1]; b++) {
        h ^= (unsigned char)p[b];
        h *= FNV_PRIME;
      }
      /* single ASCII characters say little and hit every language: skip
      ** them (but not "ä", "ß", "ы": those tell) */
      if ((j > i || cs[i + 1] - cs[i] > 1) && !score_hash(h, score)) break;
    }
  }
}

/* score_word for a padded word p[0..n) of ASCII only (one byte a
** character, all single characters skipped): most words of German news.
** The 2-gram of the next start, always looked up, is hashed and its slot
** fetched while this start's n-grams are scored: 2% faster with warm
** caches, 5% with 1 MiB read between texts (prefetching all of a word's
** 2-grams in a pass of their own measured slower). */
static void score_ascii(const unsigned char *p, size_t n, uint32_t *score) {
  uint64_t hn = (((FNV_BASIS ^ p[0]) * FNV_PRIME) ^ p[1]) * FNV_PRIME;
  uint32_t kn = slot_of(hn);
  for (size_t i = 0; i + 1 < n; i++) {
    uint64_t h = hn;
    uint32_t k = kn;
    if (i + 2 < n) {
      hn = (((FNV_BASIS ^ p[i + 1]) * FNV_PRIME) ^ p[i + 2]) * FNV_PRIME;
      kn = slot_of(hn);
      __builtin_prefetch(&TABLE[kn]);
    }
    if (!score_slot(h, k, score)) continue;
    size_t end = i + NGMAX < n ? i + NGMAX : n;
    for (size_t j = i + 2; j < end; j++) {
      h = (h ^ p[j]) * FNV_PRIME;
      if (!score_hash(h, score)) break;
    }
  }
}

static int best_of(const uint32_t *score, uint32_t *second) {
  int best = 0;
  uint32_t b = score[0], s = 0;
  for (size_t l = 1; l < NLANG; l++) {
    if (score[l] > b) {
      s = b;
      b = score[l];
      best = (int)l;
    } else if (score[l] > s) {
      s = score[l];
    }
  }
  *second = s;
  return best;
}

/* The language that leads all others by more than LEAD, or -1: what
** best_of and score[b] - second > LEAD tell, in two passes that vectorize
** (the maximum m, then how many reach m - LEAD: the leader alone does). The
** padding scores are 0, below m - LEAD >= 1. Scores stay far below 2^31. */
static int leader(const uint32_t *score) {
  int32_t m = 0;
  for (size_t l = 0; l < NPAD; l++)
    m = (int32_t)score[l] > m ? (int32_t)score[l] : m;
  if (m <= LEAD) return -1;
  int32_t lo = m - LEAD, n = 0;
  for (size_t l = 0; l < NPAD; l++)
    n += (int32_t)score[l] >= lo;
  if (n != 1) return -1;
  int b = 0;
  while ((int32_t)score[b] != m)
    b++;
  return b;
}

#define NWORDS (sizeof LANG_WORDS / sizeof LANG_WORDS[0])

static int cmp_word(const void *k, const void *e) {
  return strcmp((const char *)k, *(const char *const *)e);
}

/*
** Short texts: every word of data/lang/words.txt (frequent short words of
** the languages lagebild reads natively) adds WORD_BONUS to its languages,
** and when any was found, those languages get SHORT_PRIOR more, and a
** declared language (hint) HINT_BONUS: in a headline of five words the
** n-grams of the 400-n-gram fingerprints barely tell German from Dutch or
** Romanian ("Merkel trifft Putin in Moskau" scored ro 5345, de 4855).
** Weights in the units of the n-gram scores (100 ln of a likelihood
** ratio), tuned on the dev half of tests/eval/lang_short.tsv (`make
** eval-lang`). Texts of one word keep the n-grams' answer.
*/
#ifndef WORD_BONUS
#define WORD_BONUS 400
#define SHORT_PRIOR 600
#define HINT_BONUS 600
#endif
#define SHORT_WORDS 30

static void short_text(const unsigned char *s, size_t len, uint32_t *score, int hint) {
  uint32_t hits[NPAD];
  memset(hits, 0, sizeof hits);
  unsigned long long with_words = 0;
  int any = 0, nw = 0;
  for (size_t i = 0; i < len;) {
    while (i < len && !((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z') && s[i] < 0x80) i++;
    char w[32];
    size_t k = 0;
    int fits = 1;
    while (i < len && (((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z') || s[i] >= 0x80)) {
      unsigned c = s[i];
      if (k + 3 >= sizeof w) fits = 0;
      if (fits && c == 0xC3 && i + 1 < len && s[i + 1] >= 0x80 && s[i + 1] <= 0x9E) {
        w[k++] = (char)c; /* Ä Ö Ü -> ä ö ü */
        w[k++] = (char)(s[++i] + 0x20);
      } else if (fits) {
        w[k++] = (char)(c < 0x80 ? c | 0x20 : c);
      }
      i++;
    }
    if (!k) continue;
    nw++;
    w[k] = 0;
    if (!fits) continue;
    const char *key = w;
    const void *f = bsearch(key, LANG_WORDS, NWORDS, sizeof LANG_WORDS[0], cmp_word);
    if (!f) continue;
    unsigned long long m = ((const __typeof__(LANG_WORDS[0]) *)f)->langs;
    for (size_t l = 0; l < NLANG; l++)
      if (m >> l & 1) hits[l]++;
    any = 1;
  }
  for (size_t i = 1; i < NWORDS; i++) with_words |= LANG_WORDS[i].langs;
  if (nw < 2 || !any) return;
  for (size_t l = 0; l < NLANG; l++) {
    score[l] += WORD_BONUS * hits[l];
    if (with_words >> l & 1) score[l] += SHORT_PRIOR;
  }
  if (hint >= 0) score[hint] += HINT_BONUS;
}

const char *lb_lang_detect(const char *text, size_t len) {
  return lb_lang_detect_hint(text, len, NULL);
}

const char *lb_lang_detect_hint(const char *text, size_t len, const char *hint) {
  pthread_once(&ONCE, build);
  int hint_l = -1;
  for (size_t l = 0; hint && l < NLANG; l++)
    if (strcmp(LANG_CODES[l], hint) == 0) hint_l = (int)l;
  const unsigned char *s = (const unsigned char *)text;
  if (len > LB_LANG_WINDOW) {
    len = LB_LANG_WINDOW;
    while (len > 0 && (s[len] & 0xC0) == 0x80)
      len--; /* a character boundary */
  }
  uint32_t score[NPAD] __attribute__((aligned(16)));
  memset(score, 0, sizeof score);
  char p[MAXWORD * 4 + 2];
  uint8_t cs[MAXWORD + 3];
  size_t i = 0, words = 0;
  int letters = 0, uk = 0, ru = 0;
  while (i < len) {
    while (i < len && (CLS[s[i]] & 1))
      i++;
    if (i >= len) break;
    /* one word: characters up to the next separator; ASCII words (most)
    ** are copied and hashed byte by byte, others character by character */
    size_t w0 = i;
    unsigned cls = 0;
    while (i < len && !(CLS[s[i]] & 3))
      cls |= CLS[s[i++]];
    if (i >= len || (CLS[s[i]] & 1)) {
      size_t m = i - w0 < MAXWORD ? i - w0 : MAXWORD;
      p[0] = '_';
      memcpy(p + 1, s + w0, m);
      p[m + 1] = '_';
      letters |= cls != 0;
      score_ascii((const unsigned char *)p, m + 2, score);
    } else {
      i = w0;
      size_t nb = 0, nc = 0;
      p[nb] = '_';
      cs[nc++] = (uint8_t)nb++;
      while (i < len && !(CLS[s[i]] & 1)) {
        unsigned c = s[i];
        size_t k = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
        if (i + k > len) k = len - i;
        if (nc <= MAXWORD) {
          cs[nc++] = (uint8_t)nb;
          memcpy(p + nb, s + i, k);
          nb += k;
        }
        if (c < 0x80) {
          letters |= (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
        } else if (k == 2 && (c == 0xD0 || c == 0xD1 || c == 0xD2)) {
          unsigned c2 = s[i + 1];
          /* і ї є ґ / І Ї Є Ґ */
          uk += (c == 0xD1 && (c2 == 0x96 || c2 == 0x97 || c2 == 0x94)) ||
                (c == 0xD0 && (c2 == 0x86 || c2 == 0x87 || c2 == 0x84)) ||
                (c == 0xD2 && (c2 == 0x90 || c2 == 0x91));
          /* ы э ё / Ы Э Ё (not ъ: Bulgarian writes it often) */
          ru += (c == 0xD1 && (c2 == 0x8B || c2 == 0x8D || c2 == 0x91)) ||
                (c == 0xD0 && (c2 == 0xAB || c2 == 0xAD || c2 == 0x81));
          letters = 1;
        } else if (!letters) {
          int32_t cp;
          lb_utf8_decode(s + i, len - i, &cp);
          letters = lb_uc_is_letter(cp);
        }
        i += k;
      }
      cs[nc++] = (uint8_t)nb;
      p[nb++] = '_';
      cs[nc] = (uint8_t)nb;
      score_word(p, cs, nc, score);
    }
    /* stop early once one language leads by far */
    if (++words % 2 == 0) {
      int b = leader(score);
      if (b >= 0 && !CYR_NOBE[b]) break;
    }
  }
  if (i >= len && words <= SHORT_WORDS) short_text(s, len, score, hint_l);
  if (!letters) return NULL;
  uint32_t second;
  int b = best_of(score, &second);
  if (score[b] == 0) return NULL; /* a script none of the models knows */
  /* Ukrainian or Russian letters overrule a Cyrillic guess without them
  ** (not Belarusian, which has both і and ы) */
  if (CYR_NOBE[b] && LANG_RU >= 0 && LANG_UK >= 0) {
    if (uk && !ru)
      b = LANG_UK;
    else if (ru && !uk)
      b = LANG_RU;
  }
  return LANG_CODES[b];
}

size_t lb_lang_count(void) { return NLANG; }

const char *lb_lang_code(size_t i) { return i < NLANG ? LANG_CODES[i] : NULL; }

void lb_lang_run(lb_text *tx) {
  if (tx->lang_given && tx->lang) return;
  /* a language the source declared (not given: lb_doc_begin) is a hint */
  tx->lang = lb_lang_detect_hint(tx->text, tx->len, tx->lang);
}
