/*
** tok.c -- tokenizer for German and English news (see tok.h).
**
** One left-to-right pass over the bytes. ASCII bytes are classified through a
** 256-entry table; other code points are decoded once and classified with
** utf8proc's category table (norm.c). The rules, in the order they are tried
** at a token start:
**   digits      -> NUM / ORD / DATE, or a WORD when letters follow ("24-Stunden")
**   letters     -> WORD (with hyphen and apostrophe compounds), then URL,
**                  e-mail, domain name ("Blick.ch", one WORD) and
**                  abbreviation checks on what follows
**   quotes      -> QUOTE with OPEN/CLOSE decided from the neighbours
**   dashes      -> DASH ("–", "—", a free-standing "-")
**   .,;:!?()…   -> PUNCT ("..." is one token)
**   else        -> SYM (one code point)
** Hand-written for speed (this loop sees every byte of every document); the
** bench target is >= 1x `wc -w` for tokenizer + sentence splitter + language id.
*/
#include "tok.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "norm.h"

/* ---- abbreviation table (generated from data/common/abbrev.txt) ---- */
/* Keys in place, zero-padded to 8 bytes: a longer key stops the build
** ("initializer-string for array of char is too long", an error with
** -Werror), and then s needs to grow (and abbrev_key with it). */
typedef struct {
  char s[8];
  int flag; /* 1 = may end a sentence, 2 = only before a number */
} abbrev;
static const abbrev ABBREVS[] = {
#include "abbrev.inc"
};
#define NABBREV (sizeof ABBREVS / sizeof ABBREVS[0])

/* The n <= 8 bytes at s, zero-padded, as one number (the key in ABBR_KEY). */
static inline uint64_t abbrev_key(const char *s, size_t n, size_t avail) {
  uint64_t w = 0;
  if (avail >= 8) {
    memcpy(&w, s, 8);
    w &= ~0ULL >> (64 - 8 * n); /* little-endian: the first n bytes */
  } else {
    memcpy(&w, s, n);
  }
  return w;
}

/* The keys in an open-addressing hash table (linear probing, 0 = empty),
** built once: a binary search over the sorted list, which the generator
** gives, took ~90 instructions a lookup (with strlen and memcmp more); a
** lookup here is a few, mostly one probe. (Lookups for words before a
** period: 1m.jsonl, --stages places, 1.9M instructions before, 0.23M now.) */
#define ABBR_SLOTS 512
_Static_assert(NABBREV <= ABBR_SLOTS / 2, "ABBR_SLOTS: too small for abbrev.inc");
static uint64_t ABBR_KEY[ABBR_SLOTS];
static int16_t ABBR_IX[ABBR_SLOTS];
static pthread_once_t ABBR_ONCE = PTHREAD_ONCE_INIT;

static inline size_t abbrev_slot(uint64_t k) {
  return (size_t)((k * 0x9E3779B97F4A7C15ULL) >> 55); /* 9 bits: 512 slots */
}

static void abbrev_build(void) {
  for (size_t i = 0; i < NABBREV; i++) {
    uint64_t k;
    memcpy(&k, ABBREVS[i].s, 8);
    size_t h = abbrev_slot(k);
    while (ABBR_KEY[h]) h = (h + 1) & (ABBR_SLOTS - 1);
    ABBR_KEY[h] = k;
    ABBR_IX[h] = (int16_t)i;
  }
}

/* Index in ABBREVS of the key s[0..n) (avail bytes readable at s, avail >=
** n >= 1), or -1. Needs abbrev_build done (scan does it). */
static int abbrev_find(const char *s, size_t n, size_t avail) {
  if (n > 8) return -1;
  uint64_t k = abbrev_key(s, n, avail);
  for (size_t h = abbrev_slot(k);; h = (h + 1) & (ABBR_SLOTS - 1)) {
    if (!ABBR_KEY[h]) return -1;
    if (ABBR_KEY[h] == k) return ABBR_IX[h];
  }
}

/* ---- character classes ---- */
enum { C_OTHER = 0, C_SPACE, C_NL, C_LETTER, C_DIGIT, C_PUNCT, C_QUOTE, C_HIGH };
/* Built at compile time: a run-time fill checked at every scan() before. */
#define CL_PUNCT(c)                                                                      \
  ((c) == '.' || (c) == ',' || (c) == ';' || (c) == ':' || (c) == '!' || (c) == '?' ||  \
   (c) == '(' || (c) == ')' || (c) == '[' || (c) == ']' || (c) == '{' || (c) == '}')
#define CL(c)                                                                            \
  ((c) >= 0x80                                                        ? C_HIGH           \
   : ((c) >= 'a' && (c) <= 'z') || ((c) >= 'A' && (c) <= 'Z') || (c) == 0x1A ? C_LETTER \
   : (c) >= '0' && (c) <= '9'                                         ? C_DIGIT          \
   : (c) == ' ' || (c) == '\t' || (c) == '\r' || (c) == '\f' || (c) == '\v' ? C_SPACE   \
   : (c) == '\n'                                                      ? C_NL             \
   : CL_PUNCT(c)                                                      ? C_PUNCT          \
   : (c) == '"' || (c) == '\''                                        ? C_QUOTE          \
                                                                      : C_OTHER)
/* WEND[c]: an ASCII byte that ends a word of plain letters with nothing more
** to decide: scan_word stops there (not a letter, digit, hyphen, apostrophe
** or high byte) and word_suffix has no URL, e-mail or abbreviation to look for
** (not '.', ':' or '@'). */
#define CL_WEND(c)                                                                       \
  (CL(c) != C_LETTER && CL(c) != C_DIGIT && CL(c) != C_HIGH && (c) != '-' && (c) != '\'' && \
   (c) != '.' && (c) != ':' && (c) != '@')
#define CL_ROW(M, r)                                                                     \
  M(r + 0), M(r + 1), M(r + 2), M(r + 3), M(r + 4), M(r + 5), M(r + 6), M(r + 7), M(r + 8), \
      M(r + 9), M(r + 10), M(r + 11), M(r + 12), M(r + 13), M(r + 14), M(r + 15)
#define CL_TABLE(M)                                                                      \
  {CL_ROW(M, 0x00), CL_ROW(M, 0x10), CL_ROW(M, 0x20), CL_ROW(M, 0x30),                   \
   CL_ROW(M, 0x40), CL_ROW(M, 0x50), CL_ROW(M, 0x60), CL_ROW(M, 0x70),                   \
   CL_ROW(M, 0x80), CL_ROW(M, 0x90), CL_ROW(M, 0xA0), CL_ROW(M, 0xB0),                   \
   CL_ROW(M, 0xC0), CL_ROW(M, 0xD0), CL_ROW(M, 0xE0), CL_ROW(M, 0xF0)}
static const unsigned char CLS[256] = CL_TABLE(CL);
static const unsigned char WEND[256] = CL_TABLE(CL_WEND);

/* Unicode white space we skip (besides ASCII): NBSP, U+2000..U+200B,
** U+202F, U+205F, U+3000, BOM, and the line/paragraph separators. Returns
** the byte length, 0 if not a space; *nl set for line separators. */
static int uspace(const unsigned char *s, size_t n, int *nl) {
  if (s[0] == 0xC2 && n >= 2 && (s[1] == 0xA0 || s[1] == 0x85)) {
    if (s[1] == 0x85) *nl = 1;
    return 2;
  }
  if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80) {
    if (s[2] >= 0x80 && s[2] <= 0x8B) return 3;
    if (s[2] == 0xAF) return 3;
    if (s[2] == 0xA8 || s[2] == 0xA9) {
      *nl = 1;
      return 3;
    }
  }
  if (n >= 3 && s[0] == 0xE2 && s[1] == 0x81 && s[2] == 0x9F) return 3;
  if (n >= 3 && s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80) return 3;
  if (n >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) return 3;
  return 0;
}

/* Quote characters beyond ASCII: returns byte length, *always_open set for
** the German low quotes „ and ‚ which only ever open. */
static int uquote(const unsigned char *s, size_t n, int *always_open) {
  *always_open = 0;
  if (n >= 2 && s[0] == 0xC2 && (s[1] == 0xAB || s[1] == 0xBB)) return 2; /* « » */
  if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80) {
    switch (s[2]) {
    case 0x9E: case 0x9A: *always_open = 1; return 3; /* „ ‚ */
    case 0x9C: case 0x9D: case 0x98: case 0x99: case 0x9F: case 0x9B:
    case 0xB9: case 0xBA: return 3; /* “ ” ‘ ’ ‟ ‛ ‹ › */
    }
  }
  return 0;
}

static int udash(const unsigned char *s, size_t n) {
  if (n >= 3 && s[0] == 0xE2 && s[1] == 0x80 && s[2] >= 0x92 && s[2] <= 0x95) return 3;
  if (n >= 3 && s[0] == 0xE2 && s[1] == 0x88 && s[2] == 0x92) return 3; /* minus */
  return 0;
}

/* Letter (or mark, or non-ASCII digit) at s? Returns its byte length, 0 if not. */
static int letter_at(const unsigned char *s, size_t n, int32_t *cpo) {
  unsigned c = s[0];
  if (c < 0x80) {
    *cpo = (int32_t)c;
    return CLS[c] == C_LETTER ? 1 : 0;
  }
  if (c == 0xC3 && n >= 2 && (s[1] & 0xC0) == 0x80) {
    /* Latin-1 U+00C0..U+00FF (ä ö ü ß ...): letters but for × and ÷; without
    ** the decoder and category calls (about 90 instructions a letter) */
    *cpo = (int32_t)(0xC0 + (s[1] & 0x3F));
    return s[1] != 0x97 && s[1] != 0xB7 ? 2 : 0;
  }
  if (c == 0xE2 && n >= 3 && s[1] == 0x80 && (s[2] & 0xC0) == 0x80) {
    /* U+2000..U+203F (spaces, dashes, quotes, ...) has no letter or mark */
    *cpo = (int32_t)(0x2000 + (s[2] & 0x3F));
    return 0;
  }
  if (c == 0xC2 && n >= 2 && s[1] == 0xAD) { /* soft hyphen inside words */
    *cpo = 0xAD;
    return 2;
  }
  int32_t cp;
  int k = lb_utf8_decode(s, n, &cp);
  *cpo = cp;
  if (lb_uc_is_letter(cp)) return k;
  return 0;
}

static int is_digit(unsigned c) { return c >= '0' && c <= '9'; }

/* lb_uc_is_upper with Latin-1 answered here: below U+0100 only A-Z and
** U+00C0..U+00DE but × are upper case (Lu). */
static inline int is_upper_cp(int32_t cp) {
  if (cp < 0x100) return (cp >= 'A' && cp <= 'Z') || (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7);
  return lb_uc_is_upper(cp);
}

typedef struct scanner {
  const unsigned char *s;
  size_t n;
  lb_tok_fn fn;
  void *ctx;
  lb_text *tx;      /* when set, tokens go straight into tx->toks */
  uint16_t pending; /* SPACE/NL/PARA flags for the next token */
  int last_kind;    /* kind of the previous token, for quote direction */
  size_t last_end;  /* end of the last emitted token */
} scanner;

static inline __attribute__((always_inline)) void emit(scanner *sc, size_t a, size_t b, int kind,
                                                        uint16_t flags) {
  if (sc->tx) { /* the pipeline's case, without a call per token */
    lb_text *tx = sc->tx;
    if (tx->toks.n == tx->toks.cap)
      tx->toks.v = lb_vec_grow(tx->arena, tx->toks.v, &tx->toks.cap, sizeof *tx->toks.v);
    lb_tok *t = &tx->toks.v[tx->toks.n++];
    t->start = (uint32_t)a;
    t->end = (uint32_t)b;
    t->kind = (uint16_t)kind;
    t->flags = (uint16_t)(flags | sc->pending);
    t->normlen = 0;
    t->norm = NULL;
    sc->pending = 0;
    sc->last_kind = kind;
    sc->last_end = b;
    return;
  }
  lb_tok t;
  t.start = (uint32_t)a;
  t.end = (uint32_t)b;
  t.kind = (uint16_t)kind;
  t.flags = (uint16_t)(flags | sc->pending);
  t.norm = NULL;
  t.normlen = 0;
  sc->pending = 0;
  sc->last_kind = kind;
  sc->last_end = b;
  sc->fn(sc->ctx, &t);
}

#define ONES 0x0101010101010101ULL
/* End of the run of ASCII letters a-z A-Z from j (0x1A and high bytes are not
** in it). Eight bytes at a time, the first byte lowest: byte lo = b | 0x20 is
** in 'a'..'z' when adding 0x1F sets its top bit and adding 0x05 does not. A
** byte >= 0x80 never passes (both sums have the top bit set, or the first
** wraps), and only such a byte carries into the next one: the bytes before
** the first failing one are judged right, and only they count. The case is
** left to upper_run: most words start lower case and need no look at it. */
static inline size_t alpha_run(const unsigned char *s, size_t j, size_t n) {
  while (j + 8 <= n) {
    uint64_t w;
    memcpy(&w, s + j, 8);
    uint64_t lo = w | 0x20 * ONES;
    uint64_t notin = (~(lo + 0x1F * ONES) | (lo + 0x05 * ONES)) & 0x80 * ONES;
    if (notin) return j + ((size_t)__builtin_ctzll(notin) >> 3);
    j += 8;
  }
  while (j < n && (unsigned)((s[j] | 0x20) - 'a') < 26u) j++;
  return j;
}

/* Are the ASCII letters s[a..e) all upper case? */
static int upper_run(const unsigned char *s, size_t a, size_t e) {
  for (; a < e; a++)
    if (s[a] & 0x20) return 0;
  return 1;
}

/* Scan the rest of a word starting at i (the first letter already known). */
static size_t scan_word(scanner *sc, size_t i, uint16_t *flags, int *nletters, int *nupper) {
  const unsigned char *s = sc->s;
  size_t n = sc->n;
  for (;;) {
    if (i >= n) break;
    unsigned c = s[i];
    int32_t cp;
    int k;
    if (c < 0x80) {
      unsigned char cl = CLS[c];
      if (cl == C_LETTER) {
        if (c == 0x1A) { /* a replaced byte: a letter, not upper case */
          *flags |= LB_TF_SUB;
          (*nletters)++;
          i++;
          continue;
        }
        /* A run of ASCII letters (most of every text). *nupper only has to
        ** equal *nletters when every letter is upper case, so a run adds its
        ** length when it is all upper case and nothing otherwise. */
        size_t j = alpha_run(s, i, n);
        *nletters += (int)(j - i);
        if (upper_run(s, i, j)) *nupper += (int)(j - i);
        i = j;
        continue;
      }
      if (cl == C_DIGIT) {
        *flags |= LB_TF_DIGIT;
        i++;
        continue;
      }
      if (c == '-' && i + 1 < n) {
        int32_t cp2;
        if (letter_at(s + i + 1, n - i - 1, &cp2) || is_digit(s[i + 1])) {
          *flags |= LB_TF_HYPH;
          i++;
          continue;
        }
        /* German suspended compound: "Ein- und Ausreise", "US- oder EU-" */
        if (s[i + 1] == ' ' || s[i + 1] == ',') {
          const char *rest = (const char *)s + i + 1;
          size_t left = n - i - 1;
          static const char *const conj[] = {" und ", " oder ", " bis ", " sowie ",
                                             " bzw. ", ", "};
          for (size_t j = 0; j < sizeof conj / sizeof *conj; j++) {
            size_t cl2 = strlen(conj[j]);
            if (left >= cl2 && memcmp(rest, conj[j], cl2) == 0) {
              *flags |= LB_TF_HYPH;
              return i + 1;
            }
          }
        }
        break;
      }
      if (c == '\'' && i + 1 < n) {
        int32_t cp2;
        if (letter_at(s + i + 1, n - i - 1, &cp2)) {
          i++;
          continue;
        }
      }
      break;
    }
    /* Latin-1 letters (ä ö ü ß ...) as letter_at would take them */
    if (c == 0xC3 && i + 1 < n && (s[i + 1] & 0xC0) == 0x80 && s[i + 1] != 0x97 &&
        s[i + 1] != 0xB7) {
      *flags |= LB_TF_NONASCII;
      (*nletters)++;
      if (s[i + 1] < 0x9F) (*nupper)++; /* U+00C0..U+00DE */
      i += 2;
      continue;
    }
    /* ’ as an apostrophe inside a word: "Trump’s", "geht’s" */
    if (c == 0xE2 && i + 3 < n && s[i + 1] == 0x80 && s[i + 2] == 0x99) {
      int32_t cp2;
      if (letter_at(s + i + 3, n - i - 3, &cp2)) {
        i += 3;
        continue;
      }
      break;
    }
    /* non-breaking hyphen U+2011 joins compounds too */
    if (c == 0xE2 && i + 3 < n && s[i + 1] == 0x80 && s[i + 2] == 0x91) {
      int32_t cp2;
      if (letter_at(s + i + 3, n - i - 3, &cp2)) {
        *flags |= LB_TF_HYPH;
        i += 3;
        continue;
      }
      break;
    }
    k = letter_at(s + i, n - i, &cp);
    if (!k) break;
    *flags |= LB_TF_NONASCII;
    if (cp != 0xAD) {
      (*nletters)++;
      if (is_upper_cp(cp)) (*nupper)++;
    }
    i += (size_t)k;
  }
  return i;
}

/* Is there a letter right at i (after skipping spaces when skipsp)? Returns
** 1 lower, 2 upper, 3 digit, 0 other. */
static int next_start(const unsigned char *s, size_t n, size_t i, int skipsp) {
  if (skipsp) {
    size_t j = i;
    while (j < n && (s[j] == ' ' || s[j] == '\t')) j++;
    if (j == i) return 0;
    i = j;
  }
  if (i >= n) return 0;
  if (is_digit(s[i])) return 3;
  int32_t cp;
  if (letter_at(s + i, n - i, &cp)) return is_upper_cp(cp) ? 2 : 1;
  return 0;
}

/* Number at i. Decides NUM / ORD / DATE or hands over to a word. */
static void scan_number(scanner *sc, size_t i) {
  const unsigned char *s = sc->s;
  size_t n = sc->n, a = i;
  int groups[8], ng = 0;
  char seps[8];
  size_t g0 = i;
  while (i < n && is_digit(s[i])) i++;
  groups[ng++] = (int)(i - g0);
  uint16_t flags = 0;
  /* separated digit groups: 50.000  1,5  1.000.000  15.05.2016  14:30 */
  while (i + 1 < n && (s[i] == '.' || s[i] == ',' || s[i] == ':') && is_digit(s[i + 1]) &&
         ng < 8) {
    seps[ng - 1] = (char)s[i];
    if (s[i] == ':') flags |= LB_TF_COLON;
    g0 = ++i;
    while (i < n && is_digit(s[i])) i++;
    groups[ng++] = (int)(i - g0);
  }
  /* letters or a hyphen-word right after: "24-Stunden", "5G", "2024er" */
  int32_t cp;
  if (i < n && ((s[i] == '-' && i + 1 < n && letter_at(s + i + 1, n - i - 1, &cp)) ||
                letter_at(s + i, n - i, &cp))) {
    uint16_t wf = LB_TF_DIGIT;
    int nl = 0, nu = 0;
    size_t e = scan_word(sc, i, &wf, &nl, &nu);
    emit(sc, a, e, LB_TOK_WORD, wf);
    return;
  }
  /* dates: d.m.  d.m.yy  d.m.yyyy */
  if (ng >= 2 && ng <= 3 && seps[0] == '.' && groups[0] <= 2 && groups[1] <= 2 &&
      (ng == 2 || (seps[1] == '.' && (groups[2] == 2 || groups[2] == 4)))) {
    int d = 0, m = 0;
    /* bounded by i: raw callers (lb_tok_each) have no NUL after the text */
    for (size_t k = a; k < i && is_digit(s[k]); k++) d = d * 10 + (s[k] - '0');
    size_t k = a + (size_t)groups[0] + 1;
    for (; k < i && is_digit(s[k]); k++) m = m * 10 + (s[k] - '0');
    if (d >= 1 && d <= 31 && m >= 1 && m <= 12) {
      if (ng == 3) {
        size_t e = i;
        if (e < n && s[e] == '.' && !next_start(s, n, e + 1, 0)) {
          /* "15.05.2016." at a sentence end: leave the period */
        }
        emit(sc, a, e, LB_TOK_DATE, flags);
        return;
      }
      if (i < n && s[i] == '.' && !(i + 1 < n && is_digit(s[i + 1]))) {
        emit(sc, a, i + 1, LB_TOK_DATE, flags);
        return;
      }
    }
  }
  /* ordinal: "11. November", "2. Weltkrieg", "zum 100. mal" */
  if (ng == 1 && i < n && s[i] == '.') {
    int nxt = next_start(s, n, i + 1, 1);
    if ((groups[0] <= 2 && (nxt == 1 || nxt == 2)) || (groups[0] == 3 && nxt == 1)) {
      emit(sc, a, i + 1, LB_TOK_ORD, flags);
      return;
    }
  }
  emit(sc, a, i, LB_TOK_NUM, flags);
}

/* After a word ending at e: the end of a domain name's dots and parts of
** two or three small ASCII letters, the last one ending the word ("Blick.ch",
** "Spiegel.de", "ucit.or.at"), or e when none follows. */
static size_t domain_end(const unsigned char *s, size_t n, size_t e) {
  size_t j = e, end = e;
  while (j + 3 <= n && s[j] == '.') {
    size_t k = j + 1;
    while (k < n && k - j <= 4 && s[k] >= 'a' && s[k] <= 'z') k++;
    if (k - j - 1 < 2 || k - j - 1 > 3 || (k < n && (CLS[s[k]] == C_LETTER || is_digit(s[k]) || s[k] >= 0x80)))
      break;
    end = j = k;
  }
  return end;
}

/* After a word ending at e: URL, e-mail or abbreviation? Returns the new end
** and sets *kind, or returns e unchanged. */
static size_t word_suffix(scanner *sc, size_t a, size_t e, int *kind, uint16_t *flags,
                          int nletters) {
  const unsigned char *s = sc->s;
  size_t n = sc->n;
  size_t wl = e - a;
  /* URL: scheme:// or www. */
  if ((e + 3 <= n && s[e] == ':' && memcmp(s + e, "://", 3) == 0 &&
       (wl <= 6)) ||
      (wl == 3 && (memcmp(s + a, "www", 3) == 0 || memcmp(s + a, "WWW", 3) == 0) &&
       e < n && s[e] == '.')) {
    size_t j = e;
    while (j < n && s[j] > ' ' && s[j] != '"' && s[j] != '<' && s[j] != '>') {
      int q;
      if (s[j] >= 0x80 && (uquote(s + j, n - j, &q) || udash(s + j, n - j))) break;
      j++;
    }
    /* trailing punctuation belongs to the sentence */
    while (j > e && strchr(".,;:!?)]'", s[j - 1])) j--;
    *kind = LB_TOK_URL;
    return j;
  }
  /* e-mail: local@domain.tld */
  if (e + 1 < n && s[e] == '@') {
    size_t j = e + 1, dots = 0;
    while (j < n && (CLS[s[j]] == C_LETTER || is_digit(s[j]) || s[j] == '-' ||
                     (s[j] == '.' && j + 1 < n && CLS[s[j + 1]] == C_LETTER))) {
      if (s[j] == '.') dots++;
      j++;
    }
    if (dots && j > e + 3) {
      *kind = LB_TOK_EMAIL;
      return j;
    }
  }
  if (e >= n || s[e] != '.') return e;
  /* a domain name: one word, the source news names ("Blick.ch") */
  if (wl >= 2) {
    size_t end = domain_end(s, n, e);
    if (end > e) return end;
  }
  /* multi-part abbreviations: "z. B.", "u. a.", "d. h.", "U.S.", "e.g." */
  if (nletters == 1 && wl <= 2) {
    size_t j = e + 1;
    size_t parts = 1;
    for (;;) {
      size_t k = j;
      if (k < n && s[k] == ' ') k++;
      int32_t cp;
      int l = k < n ? letter_at(s + k, n - k, &cp) : 0;
      if (!l || k + (size_t)l >= n || s[k + (size_t)l] != '.') break;
      /* the part must be a single letter */
      int32_t cp2;
      if (k + (size_t)l + 1 < n && letter_at(s + k + l, n - k - (size_t)l, &cp2)) break;
      j = k + (size_t)l + 1;
      parts++;
    }
    if (parts >= 2) {
      *kind = LB_TOK_ABBR;
      return j;
    }
  }
  int ix = abbrev_find((const char *)s + a, wl, n - a);
  if (ix >= 0) {
    if (ABBREVS[ix].flag == 2) {
      size_t k = e + 1;
      while (k < n && s[k] == ' ') k++;
      if (!(k < n && is_digit(s[k]))) return e;
    }
    if (ABBREVS[ix].flag == 1) *flags |= LB_TF_FINAL;
    *kind = LB_TOK_ABBR;
    return e + 1;
  }
  /* an initial: one upper-case letter and a period, before a capitalised name */
  if (nletters == 1 && (*flags & LB_TF_CAP) && next_start(s, n, e + 1, 1) == 2) {
    *kind = LB_TOK_ABBR;
    return e + 1;
  }
  return e;
}

/* Can a word of the fast path start with byte c (an ASCII letter, or 0xC3
** of a Latin-1 letter: "über", "Ärzte"; if not a letter, the fast path
** leaves it to the general code)? */
/* The one-byte punctuation token at byte e (a comma or period after a word
** in the fast loop), as the general code makes it. */
static inline void punct_at(lb_tok *t, size_t e) {
  t->start = (uint32_t)e;
  t->end = (uint32_t)(e + 1);
  t->kind = LB_TOK_PUNCT;
  t->flags = 0;
  t->normlen = 0;
  t->norm = NULL;
}

static inline int word_start(unsigned c) { return (unsigned)((c | 0x20) - 'a') < 26u || c == 0xC3; }

/* Is the period at e, after the word s[a..e) of two or more letters (ASCII
** and Latin-1 only), a plain period, no part of the word? word_suffix then
** finds no URL ("www."), no abbreviation and no initial: its abbreviations
** of single letters ("z. B.", "U.S.") and initials need one letter. Not
** inlined: called for 1 word in 15, it kept the fast path's values out of
** registers. */
static __attribute__((noinline)) int plain_period(const unsigned char *s, size_t n, size_t a,
                                                  size_t e) {
  size_t wl = e - a;
  if (wl < 2 || (wl == 2 && s[a] >= 0x80)) return 0; /* one letter */
  if (wl == 3 && (memcmp(s + a, "www", 3) == 0 || memcmp(s + a, "WWW", 3) == 0)) return 0;
  if (domain_end(s, n, e) > e) return 0; /* "Blick.ch" */
  return abbrev_find((const char *)s + a, wl, n - a) < 0;
}

static void scan(scanner *sc) {
  pthread_once(&ABBR_ONCE, abbrev_build);
  const unsigned char *s = sc->s;
  size_t n = sc->n, i = 0;
  int nls = 0;
  sc->pending = 0;
  sc->last_kind = 0;
  sc->last_end = 0;
  while (i < n) {
    unsigned c = s[i];
    unsigned char cl = CLS[c];
    int k;
    /* white space */
    if (cl == C_SPACE || cl == C_NL) {
      if (cl == C_NL) nls++;
      sc->pending |= LB_TF_SPACE;
      if (nls) sc->pending |= LB_TF_NL;
      if (nls >= 2) sc->pending |= LB_TF_PARA;
      i++;
      continue;
    }
    if (cl == C_HIGH) {
      int nl = 0;
      k = uspace(s + i, n - i, &nl);
      if (k) {
        if (nl) nls++;
        sc->pending |= LB_TF_SPACE;
        if (nls) sc->pending |= LB_TF_NL;
        if (nls >= 2) sc->pending |= LB_TF_PARA;
        i += (size_t)k;
        continue;
      }
    }
    nls = 0;
    size_t a = i;
    if (cl == C_DIGIT) {
      scan_number(sc, i);
      i = sc->last_end;
      continue;
    }
    int32_t cp;
    if (cl == C_LETTER || (cl == C_HIGH && (k = letter_at(s + i, n - i, &cp)) > 0 && cp != 0xAD)) {
      uint16_t flags = 0;
      int nletters = 0, nupper = 0;
      size_t e;
      if (cl == C_LETTER && c != 0x1A && sc->tx) {
        /* Fast path for the common text "word word word": words of ASCII
        ** letters ended by a byte in WEND, one space (or ", ") apart,
        ** straight into the token vector; 152K of 185K words in 1m.jsonl.
        ** Anything else leaves to the general code: at the first word that
        ** is not plain, scan_word resumes where the letters stop. With it
        ** (and alpha_run, the Latin-1 shortcuts, abbrev_find by hand) scan
        ** went from 59.0M to 28.2M instructions on 1m.jsonl; with Latin-1
        ** letters, "word. " and "word 2024 " here too, 20.0M (and scan_word
        ** 0.6M). */
        lb_text *tx = sc->tx;
        lb_tok *tv = tx->toks.v;
        /* pointers, not indexes: fewer registers spilled in this loop (with
        ** size_t in alpha_run's ctz: scan 23.1M -> 22.3M instructions) */
        lb_tok *tp = tv ? tv + tx->toks.n : NULL, *tend = tv ? tv + tx->toks.cap : NULL;
        lb_tok *tp0 = tp;
        uint16_t pend = sc->pending;
        for (;;) {
          e = alpha_run(s, i, n);
          unsigned x = e < n ? s[e] : ' ';
          uint16_t f = pend;
          if (x == 0xC3) {
            /* Latin-1 letters in the word ("für", "Präsident", "Straße"; also
            ** first, "über", after a word of the fast path), as scan_word
            ** takes them. On anything else the general code starts over
            ** after the first run (at i for a word that starts with one).
            ** Took 31K words of 1m.jsonl out of scan_word: scan and
            ** scan_word 27.0M -> 25.0M instructions. */
            size_t e1 = e; /* == i for a word that starts with one */
            /* s[i + 1] of a word that starts with 0xC3: the byte after it, or
            ** 0xC3 again at the end of the text (not a letter: it bails) */
            int cap = s[i] == 0xC3 ? s[i + (i + 1 < n)] < 0x9F : s[i] < 'a';
            int up = cap && upper_run(s, i + 1, e);
            do {
              unsigned y = e + 1 < n ? s[e + 1] : 0;
              if ((y & 0xC0) != 0x80 || y == 0x97 || y == 0xB7) {
                x = 0x80; /* not a letter: the general code decides */
                break;
              }
              size_t e2 = alpha_run(s, e + 2, n);
              up = up && y < 0x9F && upper_run(s, e + 2, e2); /* U+00C0..U+00DE */
              e = e2;
              x = e < n ? s[e] : ' ';
            } while (x == 0xC3);
            if ((x != ' ' && !WEND[x] && !(x == '.' && plain_period(s, n, i, e))) || tp == tend) {
              e = e1;
              break;
            }
            f |= LB_TF_NONASCII;
            /* UPPER needs two letters: three bytes or more here */
            if (cap) f |= up && e - i >= 3 ? LB_TF_CAP | LB_TF_UPPER : LB_TF_CAP;
          } else {
            if ((x != ' ' && !WEND[x] && !(x == '.' && plain_period(s, n, i, e))) || tp == tend)
              break;
            if (s[i] < 'a') { /* upper case: "UNO" is UPPER, "Uno" is not */
              f |= LB_TF_CAP;
              if (e - i >= 2 && s[i + 1] < 'a' && upper_run(s, i + 2, e)) f |= LB_TF_UPPER;
            }
          }
          lb_tok *t = tp++;
          t->start = (uint32_t)i;
          t->end = (uint32_t)e;
          t->kind = LB_TOK_WORD;
          t->flags = f;
          t->normlen = 0;
          t->norm = NULL;
          pend = 0;
          i = e;
          if (x == ' ' && e + 1 < n && word_start(s[e + 1])) {
            pend = LB_TF_SPACE;
            i = e + 1;
            continue;
          }
          if (x == ' ' && e + 1 < n && is_digit(s[e + 1])) {
            /* "word 2024 word": a number of digits alone is a NUM (no
            ** separator, ordinal period or letters after it; scan_number).
            ** 0.4M instructions less on 1m.jsonl. */
            size_t j = e + 2;
            while (j < n && is_digit(s[j])) j++;
            if (j + 1 < n && s[j] == ' ' && word_start(s[j + 1]) && tp != tend) {
              t = tp++;
              t->start = (uint32_t)(e + 1);
              t->end = (uint32_t)j;
              t->kind = LB_TOK_NUM;
              t->flags = LB_TF_SPACE;
              t->normlen = 0;
              t->norm = NULL;
              pend = LB_TF_SPACE;
              i = j + 1;
              continue;
            }
          }
          /* "word, word": the comma as the general code makes it */
          if (x == ',' && e + 2 < n && s[e + 1] == ' ' && word_start(s[e + 2]) && tp != tend) {
            t = tp++;
            punct_at(t, e);
            pend = LB_TF_SPACE;
            i = e + 2;
            continue;
          }
          /* "word. Word": the period as the general code makes it (one
          ** token; plain_period ruled out an abbreviation, "..." is left to
          ** the general code). Took 10K sentence ends of 1m.jsonl out of
          ** scan_word and word_suffix: 0.9M instructions less in all. */
          if (x == '.') {
            if ((e + 1 < n && s[e + 1] == '.') || tp == tend) break;
            t = tp++;
            punct_at(t, e);
            if (e + 2 < n && s[e + 1] == ' ' && word_start(s[e + 2])) {
              pend = LB_TF_SPACE;
              i = e + 2;
              continue;
            }
            i = e = e + 1; /* all emitted */
          }
          break;
        }
        if (tp != tp0) {
          tx->toks.n = (size_t)(tp - tv);
          sc->last_kind = tp[-1].kind;
          sc->last_end = tp[-1].end;
        }
        sc->pending = pend;
        if (i == e) continue; /* all emitted; i is past the last word */
        /* the word at i goes on at e */
        a = i;
        nletters = (int)(e - i);
        nupper = nletters - !upper_run(s, i, e); /* only nupper == nletters counts */
        e = scan_word(sc, e, &flags, &nletters, &nupper);
      } else {
        e = scan_word(sc, i, &flags, &nletters, &nupper);
      }
      /* first letter's case */
      if (s[a] < 0x80) {
        if (s[a] >= 'A' && s[a] <= 'Z') flags |= LB_TF_CAP;
      } else {
        int32_t c0;
        lb_utf8_decode(s + a, n - a, &c0);
        if (is_upper_cp(c0)) flags |= LB_TF_CAP;
      }
      if (nletters >= 2 && nupper == nletters) flags |= LB_TF_UPPER;
      int kind = LB_TOK_WORD;
      e = word_suffix(sc, a, e, &kind, &flags, nletters);
      emit(sc, a, e, kind, flags);
      i = e;
      continue;
    }
    /* quotes */
    int always_open = 0;
    if (cl == C_QUOTE || (cl == C_HIGH && (k = uquote(s + i, n - i, &always_open)) > 0)) {
      size_t ql = cl == C_QUOTE ? 1 : (size_t)k;
      uint16_t f;
      int before_space = a == 0 || (sc->pending & LB_TF_SPACE) ||
                         sc->last_kind == LB_TOK_DASH ||
                         (sc->last_end == a && a > 0 && strchr("([{", s[a - 1]));
      int after_space = a + ql >= n || CLS[s[a + ql]] == C_SPACE || CLS[s[a + ql]] == C_NL ||
                        CLS[s[a + ql]] == C_PUNCT;
      if (always_open)
        f = LB_TF_OPEN;
      else if (before_space && !after_space)
        f = LB_TF_OPEN;
      else if (!before_space)
        f = LB_TF_CLOSE;
      else
        f = sc->last_kind == LB_TOK_QUOTE ? LB_TF_CLOSE : LB_TF_OPEN;
      emit(sc, a, a + ql, LB_TOK_QUOTE, f);
      i = a + ql;
      continue;
    }
    /* dashes */
    if (cl == C_HIGH && (k = udash(s + i, n - i)) > 0) {
      emit(sc, a, a + (size_t)k, LB_TOK_DASH, 0);
      i = a + (size_t)k;
      continue;
    }
    if (c == '-') {
      size_t e = a + 1;
      while (e < n && s[e] == '-') e++;
      /* a minus sign before a number: "-5 Grad" */
      if (e == a + 1 && e < n && is_digit(s[e]) && (sc->pending & LB_TF_SPACE)) {
        emit(sc, a, e, LB_TOK_SYM, 0);
        i = e;
        continue;
      }
      emit(sc, a, e, LB_TOK_DASH, 0);
      i = e;
      continue;
    }
    /* punctuation: "..." and the ellipsis as one token */
    if (c == '.' && i + 2 < n && s[i + 1] == '.' && s[i + 2] == '.') {
      size_t e = i + 3;
      while (e < n && s[e] == '.') e++;
      emit(sc, a, e, LB_TOK_PUNCT, 0);
      i = e;
      continue;
    }
    if (cl == C_PUNCT) {
      emit(sc, a, a + 1, LB_TOK_PUNCT, 0);
      i = a + 1;
      continue;
    }
    if (c == 0xE2 && i + 2 < n && s[i + 1] == 0x80 && s[i + 2] == 0xA6) {
      emit(sc, a, a + 3, LB_TOK_PUNCT, 0);
      i = a + 3;
      continue;
    }
    /* anything else: one code point */
    if (c < 0x80) {
      if (c == 0) { /* cannot happen after repair; be safe for raw callers */
        i++;
        continue;
      }
      emit(sc, a, a + 1, LB_TOK_SYM, 0);
      i = a + 1;
      continue;
    }
    int32_t cpx;
    k = lb_utf8_decode(s + i, n - i, &cpx);
    emit(sc, a, a + (size_t)k, LB_TOK_SYM, 0);
    i = a + (size_t)k;
  }
}

typedef struct each_ctx {
  lb_tok_fn fn;
  void *ctx;
  size_t count;
} each_ctx;

static void each_fn(void *ctx, const lb_tok *t) {
  each_ctx *e = ctx;
  e->count++;
  e->fn(e->ctx, t);
}

size_t lb_tok_each(const char *s, size_t n, lb_tok_fn fn, void *ctx) {
  scanner sc;
  each_ctx e = {fn, ctx, 0};
  memset(&sc, 0, sizeof sc);
  sc.s = (const unsigned char *)s;
  sc.n = n;
  sc.fn = each_fn;
  sc.ctx = &e;
  scan(&sc);
  return e.count;
}

void lb_tok_run(lb_text *tx) {
  scanner sc;
  memset(&sc, 0, sizeof sc);
  sc.s = (const unsigned char *)tx->text;
  sc.n = tx->len;
  sc.tx = tx;
  /* about one token per 6 bytes of news text: size the vector once */
  if (tx->toks.cap == 0 && tx->len > 64) {
    tx->toks.cap = tx->len / 5 + 16;
    tx->toks.v = lb_arena_alloc(tx->arena, tx->toks.cap * sizeof(lb_tok));
  }
  scan(&sc);
}

void lb_tok_norm_all(lb_text *tx) {
  /* the kinds with a norm as one bit test (kinds are < 16) */
  enum { KEYED = 1u << LB_TOK_WORD | 1u << LB_TOK_ABBR | 1u << LB_TOK_ORD | 1u << LB_TOK_NUM };
  if (!tx->toks.n) return; /* v may be NULL: no pointer arithmetic on it */
  /* one block for all the keys of the fast path (each n bytes and a NUL),
  ** not an arena allocation per token (5.8M of 176M instructions,
  ** callgrind, --stages places on 1m.jsonl). Sized by a bound, not by a
  ** first pass over the tokens (2.9M instructions on 1m.jsonl): the tokens
  ** are disjoint spans of the text, so their keys take at most len bytes
  ** and one NUL each; and 16 more for lb_norm_key_block, which writes up to
  ** 15 zero bytes past a key's NUL (the next key overwrites them). */
  char *p = lb_arena_alloc(tx->arena, (size_t)tx->len + tx->toks.n + 16);
  const char *text = tx->text;
  /* lb_norm_key_block reads 16 bytes from a key's start and up to 8 past
  ** its end: the text has them but for the last token or two, which take
  ** the bounded lb_norm_key_fast */
  const int64_t lim = (int64_t)tx->len - 16;
  for (lb_tok *t = tx->toks.v, *end = t + tx->toks.n; t < end; t++) {
    if (!((KEYED >> (t->kind & 15)) & 1) || t->norm) continue;
    uint32_t n = t->end - t->start;
    const char *s = text + t->start;
    int ok;
    if (__builtin_expect((int64_t)t->end <= lim, 1))
      ok = lb_norm_key_block(s, n, p);
    else
      ok = lb_norm_key_fast(s, n, p) && (p[n] = 0, 1);
    if (__builtin_expect(ok, 1)) {
      t->norm = p;
      t->normlen = n;
      p += n + 1;
    } else {
      t->norm = lb_norm_key_arena(tx->arena, s, n, &t->normlen);
    }
  }
}

const char *lb_tok_kind_name(int kind) {
  static const char *const names[] = {"?",     "word", "num",   "ord",   "date", "abbr",
                                      "punct", "quote", "dash", "url", "email", "sym"};
  if (kind < 0 || kind > LB_TOK_SYM) return "?";
  return names[kind];
}
