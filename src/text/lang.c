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
** per n-gram, no allocation, and stops early once one language leads
** clearly (callgrind on the bench corpus: about 20,000 instructions per
** document, 16 words read on average).
**
** Cyrillic: Russian and Ukrainian share most n-grams, so letters decide when
** present: і ї є ґ are Ukrainian only, ы э ё Russian only (among ru, uk, bg,
** sr, mk; Belarusian has both and is left to the n-grams).
*/
#include "lang.h"

#include <pthread.h>
#include <stdint.h>
#include <string.h>

#include "../picture/doc.h"
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

/* One distinct n-gram: check bits of its hash and its entries in LANG_NGRAMS. */
typedef struct slot {
  uint32_t check;
  uint16_t first, count; /* count 0 = empty slot */
} slot;

#define TBITS 15
#define TSIZE (1u << TBITS)
static slot TABLE[TSIZE];
static pthread_once_t ONCE = PTHREAD_ONCE_INIT;
static int LANG_RU = -1, LANG_UK = -1;
static uint8_t CYR_NOBE[NLANG]; /* ru uk bg sr mk: letters may decide */

_Static_assert(NNGRAM < 65536, "n-gram table too large for uint16_t indexes");
_Static_assert(NLANG < 256, "too many languages");

static uint64_t fnv(const char *s, size_t n) {
  uint64_t h = 1469598103934665603ULL;
  for (size_t i = 0; i < n; i++) {
    h ^= (unsigned char)s[i];
    h *= 1099511628211ULL;
  }
  return h;
}

/* Slot of a hash: FNV-1a's high bits barely move for 2..5-byte keys, so mix
** before taking them (without this, probe chains were hundreds long). */
static inline uint32_t slot_of(uint64_t h) {
  h ^= h >> 32;
  h *= 0x9E3779B97F4A7C15ULL;
  return (uint32_t)(h >> (64 - TBITS));
}

static void build(void) {
  for (size_t i = 0; i < NNGRAM;) {
    const char *g = LANG_NGRAMS[i].g;
    size_t j = i + 1;
    while (j < NNGRAM && strcmp(LANG_NGRAMS[j].g, g) == 0)
      j++;
    uint64_t h = fnv(g, strlen(g));
    uint32_t k = slot_of(h);
    while (TABLE[k].count)
      k = (k + 1) & (TSIZE - 1);
    TABLE[k].check = (uint32_t)h;
    TABLE[k].first = (uint16_t)i;
    TABLE[k].count = (uint16_t)(j - i);
    i = j;
  }
  for (size_t l = 0; l < NLANG; l++) {
    if (strcmp(LANG_CODES[l], "ru") == 0) LANG_RU = (int)l;
    if (strcmp(LANG_CODES[l], "uk") == 0) LANG_UK = (int)l;
    static const char *const cyr[] = {"ru", "uk", "bg", "sr", "mk"};
    for (size_t c = 0; c < sizeof cyr / sizeof *cyr; c++)
      if (strcmp(LANG_CODES[l], cyr[c]) == 0) CYR_NOBE[l] = 1;
  }
}

static inline void score_hash(uint64_t h, uint32_t *score) {
  uint32_t k = slot_of(h);
  for (;;) {
    const slot *s = &TABLE[k];
    if (!s->count) return;
    if (s->check == (uint32_t)h) {
      for (unsigned e = s->first; e < (unsigned)s->first + s->count; e++)
        score[LANG_NGRAMS[e].lang] += LANG_NGRAMS[e].weight;
      return;
    }
    k = (k + 1) & (TSIZE - 1);
  }
}

/* Score the n-grams of "_" w "_"; cs[i] is the byte offset of character i
** in the padded word p, cs[nc] its length. */
static void score_word(const char *p, const uint8_t *cs, size_t nc, uint32_t *score) {
  for (size_t i = 0; i < nc; i++) {
    uint64_t h = 1469598103934665603ULL;
    size_t b = cs[i];
    for (size_t j = i; j < nc && j < i + NGMAX; j++) {
      for (; b < cs[j + 1]; b++) {
        h ^= (unsigned char)p[b];
        h *= 1099511628211ULL;
      }
      /* single ASCII characters say little and hit every language: skip
      ** them (but not "ä", "ß", "ы": those tell) */
      if (j > i || cs[i + 1] - cs[i] > 1) score_hash(h, score);
    }
  }
}

/* Separates words: ASCII white space, control bytes, digits, and the 0x1A
** that replaced invalid input. */
static int is_sep(unsigned char c) { return c <= ' ' || (c >= '0' && c <= '9') || c == 0x7F; }

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

const char *lb_lang_detect(const char *text, size_t len) {
  pthread_once(&ONCE, build);
  const unsigned char *s = (const unsigned char *)text;
  if (len > LB_LANG_WINDOW) {
    len = LB_LANG_WINDOW;
    while (len > 0 && (s[len] & 0xC0) == 0x80)
      len--; /* a character boundary */
  }
  uint32_t score[NLANG];
  memset(score, 0, sizeof score);
  char p[MAXWORD * 4 + 2];
  uint8_t cs[MAXWORD + 3];
  size_t i = 0, words = 0;
  int letters = 0, uk = 0, ru = 0;
  while (i < len) {
    while (i < len && is_sep(s[i]))
      i++;
    if (i >= len) break;
    /* one word: characters up to the next separator */
    size_t nb = 0, nc = 0;
    p[nb] = '_';
    cs[nc++] = (uint8_t)nb++;
    while (i < len && !is_sep(s[i])) {
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
    /* stop early once one language leads by far */
    if (++words % 2 == 0) {
      uint32_t second;
      int b = best_of(score, &second);
      if (score[b] - second > LEAD && !CYR_NOBE[b]) break;
    }
  }
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

void lb_lang_run(lb_doc *d) {
  if (d->lang_given && d->lang) return;
  d->lang = lb_lang_detect(d->text, d->len);
}
