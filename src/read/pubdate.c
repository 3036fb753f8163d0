/*
** pubdate.c -- publication dates into RFC 3339 (see pubdate.h).
**
** The string is cut into tokens (numbers, words, single punctuation marks),
** weekday names and words such as "Uhr" are passed over, and the tokens
** are matched against the few shapes dates take: Y-M-D (ISO), D.M.Y,
** D[.] Month Y, Month D[,] Y, each optionally followed by a time H:MM[:SS]
** [am|pm] and a zone (Z, +0100, +01:00, GMT, an RFC 822 zone name). The
** zone names are those of RFC 822 and RFC 5322 and the two German ones
** (MEZ, MESZ); they are part of the date formats, not of a language.
*/
#include "pubdate.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct mword {
  const char *w;
  int month; /* 1-12, 0 for a weekday */
} mword;
static const mword MONTHS[] = {
#include "read_months.inc"
};

enum { T_NUM, T_WORD, T_PUNCT };
typedef struct tok {
  int type;
  const char *s;
  size_t n;  /* bytes */
  long v;    /* T_NUM: value; T_PUNCT: the character */
} tok;

#define MAXTOK 24

static int cmp_mword(const void *k, const void *e) {
  return strcmp((const char *)k, ((const mword *)e)->w);
}

/* The month (1-12) a word names, 0 for a weekday, -1 for no such word.
** ASCII letters and Ä Ö Ü are folded to lower case. */
static int month_of(const char *s, size_t n) {
  char w[32];
  size_t k = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned c = (unsigned char)s[i];
    if (k + 2 >= sizeof w) return -1;
    if (c == 0xC3 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
        (unsigned char)s[i + 1] <= 0x9E) {
      w[k++] = (char)c;
      w[k++] = (char)((unsigned char)s[++i] + 0x20);
      continue;
    }
    w[k++] = (char)(c >= 'A' && c <= 'Z' ? c | 0x20 : c);
  }
  w[k] = 0;
  const mword *m = bsearch(w, MONTHS, sizeof MONTHS / sizeof *MONTHS, sizeof *MONTHS, cmp_mword);
  return m ? m->month : -1;
}

static int is_letter(unsigned c) { return ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') || c >= 0x80; }

static size_t tokenize(const char *s, size_t n, tok *t) {
  size_t nt = 0;
  for (size_t i = 0; i < n && nt < MAXTOK;) {
    unsigned c = (unsigned char)s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      i++;
      continue;
    }
    size_t j = i;
    if (c >= '0' && c <= '9') {
      long v = 0;
      while (j < n && s[j] >= '0' && s[j] <= '9' && j - i < 9) v = v * 10 + (s[j++] - '0');
      while (j < n && s[j] >= '0' && s[j] <= '9') j++; /* too long: kept as a big number */
      t[nt++] = (tok){T_NUM, s + i, j - i, j - i > 9 ? 999999999 : v};
    } else if (is_letter(c)) {
      while (j < n && is_letter((unsigned char)s[j])) j++;
      t[nt++] = (tok){T_WORD, s + i, j - i, 0};
    } else {
      t[nt++] = (tok){T_PUNCT, s + i, 1, (long)c};
      j = i + 1;
    }
    i = j;
  }
  return nt;
}

static int is_p(const tok *t, char c) { return t->type == T_PUNCT && t->v == c; }
static int is_num(const tok *t, size_t digits_min, size_t digits_max) {
  return t->type == T_NUM && t->n >= digits_min && t->n <= digits_max;
}
static int word_is(const tok *t, const char *w) {
  return t->type == T_WORD && strlen(w) == t->n && strncasecmp(t->s, w, t->n) == 0;
}

/* RFC 822 / 5322 zone names and their offsets in minutes. */
static int zone_name(const tok *t, int *off) {
  static const struct { const char *n; int off; } Z[] = {
      {"Z", 0},       {"UT", 0},      {"UTC", 0},     {"GMT", 0},     {"EST", -300},
      {"EDT", -240},  {"CST", -360},  {"CDT", -300},  {"MST", -420},  {"MDT", -360},
      {"PST", -480},  {"PDT", -420},  {"CET", 60},    {"CEST", 120},  {"MEZ", 60},
      {"MESZ", 120},
  };
  for (size_t i = 0; i < sizeof Z / sizeof *Z; i++)
    if (word_is(t, Z[i].n)) {
      *off = Z[i].off;
      return 1;
    }
  return 0;
}

typedef struct when {
  int y, m, d;
  int has_time, hh, mi, ss;
  int has_zone, zone; /* minutes east of UTC */
} when;

/* A time and zone from t[i..nt): "08:30[:00][.123] [am|pm] [zone]". Returns
** the index after it (i when there is none). */
static size_t read_time(const tok *t, size_t i, size_t nt, when *w) {
  size_t k = i;
  if (k < nt && (word_is(&t[k], "T") || is_p(&t[k], ',') || word_is(&t[k], "um") ||
                 word_is(&t[k], "at") || word_is(&t[k], "gegen")))
    k++;
  if (!(k + 2 < nt && is_num(&t[k], 1, 2) && is_p(&t[k + 1], ':') && is_num(&t[k + 2], 2, 2)))
    return i;
  w->hh = (int)t[k].v;
  w->mi = (int)t[k + 2].v;
  k += 3;
  if (k + 1 < nt && is_p(&t[k], ':') && is_num(&t[k + 1], 2, 2)) {
    w->ss = (int)t[k + 1].v;
    k += 2;
    if (k + 1 < nt && (is_p(&t[k], '.') || is_p(&t[k], ',')) && t[k + 1].type == T_NUM) k += 2;
  }
  if (k < nt && (word_is(&t[k], "pm") || word_is(&t[k], "am"))) {
    if (w->hh > 12) return i;
    if (word_is(&t[k], "pm") && w->hh < 12) w->hh += 12;
    if (word_is(&t[k], "am") && w->hh == 12) w->hh = 0;
    k++;
  } else if (k + 2 < nt && (is_p(&t[k], 'p') || is_p(&t[k], 'a'))) {
    /* (letters are words; nothing to do) */
  }
  if (w->hh > 23 || w->mi > 59 || w->ss > 60) return i;
  w->has_time = 1;
  if (k < nt && word_is(&t[k], "Uhr")) k++;
  int off;
  if (k < nt && zone_name(&t[k], &off)) {
    w->has_zone = 1;
    w->zone = off;
    k++;
  } else if (k + 1 < nt && (is_p(&t[k], '+') || is_p(&t[k], '-')) && t[k + 1].type == T_NUM) {
    int sign = is_p(&t[k], '-') ? -1 : 1;
    long h, m = 0;
    if (t[k + 1].n == 4) {
      h = t[k + 1].v / 100;
      m = t[k + 1].v % 100;
      k += 2;
    } else if (t[k + 1].n == 2) {
      h = t[k + 1].v;
      k += 2;
      if (k + 1 < nt && is_p(&t[k], ':') && is_num(&t[k + 1], 2, 2)) {
        m = t[k + 1].v;
        k += 2;
      }
    } else {
      return k;
    }
    if (h > 14 || m > 59) return k;
    w->has_zone = 1;
    w->zone = sign * (int)(h * 60 + m);
  }
  return k;
}

static int days_in(int y, int m) {
  static const int D[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return D[m - 1];
}

static int year_of(const tok *t) {
  if (t->n == 4) return (int)t->v;
  if (t->n == 2) return 2000 + (int)t->v; /* "11.11.24", RFC 822's two-digit years */
  return -1;
}

/* Skip weekday names, "Stand", "am", commas and the like before a date. */
static size_t skip_lead(const tok *t, size_t i, size_t nt) {
  while (i < nt) {
    if (t[i].type == T_WORD && month_of(t[i].s, t[i].n) == 0) {
      i++;
      if (i < nt && is_p(&t[i], '.')) i++; /* "Mo." */
      continue;
    }
    if (is_p(&t[i], ',') || is_p(&t[i], ':')) {
      i++;
      continue;
    }
    if (t[i].type == T_WORD && month_of(t[i].s, t[i].n) < 0 && i + 1 < nt) {
      i++; /* "Stand", "am", "Published", "Updated" */
      continue;
    }
    break;
  }
  return i;
}

static int read_date(const tok *t, size_t nt, when *w) {
  size_t i = skip_lead(t, 0, nt);
  if (i >= nt) return 0;
  size_t k;
  int mon;
  /* Y-M-D or Y/M/D, with a time after "T" or a space */
  if (i + 4 < nt && is_num(&t[i], 4, 4) && (is_p(&t[i + 1], '-') || is_p(&t[i + 1], '/')) &&
      is_num(&t[i + 2], 1, 2) && is_p(&t[i + 3], (char)t[i + 1].v) && is_num(&t[i + 4], 1, 2)) {
    w->y = (int)t[i].v;
    w->m = (int)t[i + 2].v;
    w->d = (int)t[i + 4].v;
    k = i + 5;
  } else if (i < nt && is_num(&t[i], 8, 8) && t[i].v / 10000 >= 1000) { /* 20241111 */
    w->y = (int)(t[i].v / 10000);
    w->m = (int)(t[i].v / 100 % 100);
    w->d = (int)(t[i].v % 100);
    k = i + 1;
  } else if (i + 4 < nt && is_num(&t[i], 1, 2) && is_p(&t[i + 1], '.') &&
             is_num(&t[i + 2], 1, 2) && is_p(&t[i + 3], '.') &&
             (is_num(&t[i + 4], 4, 4) || is_num(&t[i + 4], 2, 2))) { /* D.M.Y */
    w->d = (int)t[i].v;
    w->m = (int)t[i + 2].v;
    w->y = year_of(&t[i + 4]);
    k = i + 5;
  } else if (i + 2 < nt && is_num(&t[i], 1, 2)) { /* D[.] Month[.] Y, D-Mon-Y */
    k = i + 1;
    if (is_p(&t[k], '.') || is_p(&t[k], '-')) k++;
    if (!(k < nt && t[k].type == T_WORD && (mon = month_of(t[k].s, t[k].n)) > 0)) return 0;
    w->d = (int)t[i].v;
    w->m = mon;
    k++;
    if (k < nt && (is_p(&t[k], '.') || is_p(&t[k], '-') || is_p(&t[k], ','))) k++;
    if (!(k < nt && (is_num(&t[k], 4, 4) || is_num(&t[k], 2, 2)))) return 0;
    w->y = year_of(&t[k]);
    k++;
  } else if (i + 2 < nt && t[i].type == T_WORD && (mon = month_of(t[i].s, t[i].n)) > 0) {
    k = i + 1; /* Month[.] D[,|th] Y */
    if (is_p(&t[k], '.')) k++;
    if (!(k < nt && is_num(&t[k], 1, 2))) return 0;
    w->m = mon;
    w->d = (int)t[k].v;
    k++;
    if (k < nt && (word_is(&t[k], "st") || word_is(&t[k], "nd") || word_is(&t[k], "rd") ||
                   word_is(&t[k], "th")))
      k++;
    if (k < nt && is_p(&t[k], ',')) k++;
    if (!(k < nt && is_num(&t[k], 4, 4))) return 0;
    w->y = (int)t[k].v;
    k++;
  } else {
    return 0;
  }
  if (w->y < 1000 || w->y > 9999 || w->m < 1 || w->m > 12 || w->d < 1 ||
      w->d > days_in(w->y, w->m))
    return 0;
  read_time(t, k, nt, w);
  return 1;
}

size_t lb_pubdate_parse(const char *s, size_t n, char out[LB_PUBDATE_MAX]) {
  out[0] = 0;
  tok t[MAXTOK];
  size_t nt = tokenize(s, n, t);
  when w;
  memset(&w, 0, sizeof w);
  if (!read_date(t, nt, &w)) return 0;
  int k = snprintf(out, LB_PUBDATE_MAX, "%04d-%02d-%02d", w.y, w.m, w.d);
  if (w.has_time) k += snprintf(out + k, (size_t)(LB_PUBDATE_MAX - k), "T%02d:%02d:%02d", w.hh, w.mi, w.ss);
  if (w.has_time && w.has_zone) {
    if (w.zone == 0)
      k += snprintf(out + k, (size_t)(LB_PUBDATE_MAX - k), "Z");
    else
      k += snprintf(out + k, (size_t)(LB_PUBDATE_MAX - k), "%c%02d:%02d", w.zone < 0 ? '-' : '+',
                    abs(w.zone) / 60, abs(w.zone) % 60);
  }
  return (size_t)k;
}
