/*
** date.c -- dates and times resolved against the publication date (date.h).
**
** One pass over each sentence's tokens. At every token the matchers try, in
** order: a relative phrase (table dword), then a preposition (table dprep)
** followed by a date core, then a date core alone. A core is a named period,
** a month name, an ordinal day before a month, a date token ("9.11."), a
** year, a weekday, or a count with a time unit ("drei Tagen"). The longest
** match wins and the scan continues after it.
*/
#include "date.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

#include "../doc/doc.h"
#include "../lex/lex.h"
#include "../lex/lexdoc.h"
#include "num.h"

long lb_date_days(int y, int m, int day) {
  /* days from civil, after the well-known era-based derivation */
  long yy = (long)y - (m <= 2);
  long era = (yy >= 0 ? yy : yy - 399) / 400;
  long yoe = yy - era * 400;
  long mp = (m + 9) % 12;
  long doy = (153 * mp + 2) / 5 + day - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void lb_date_civil(long z, int *y, int *m, int *day) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  *day = (int)(doy - (153 * mp + 2) / 5 + 1);
  *m = (int)(mp < 10 ? mp + 3 : mp - 9);
  *y = (int)(yoe + era * 400 + (*m <= 2));
}

/* 1 = Monday .. 7 = Sunday */
static int weekday(long z) { return (int)(((z + 3) % 7 + 7) % 7) + 1; }

static int mdays(int y, int m) {
  static const int n[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return n[(m - 1) % 12];
}

int lb_date_iso(const char *s, int *y, int *m, int *d) {
  static const char form[] = "dddd-dd-dd";
  for (int i = 0; i < 10; i++)
    if (form[i] == 'd' ? !(s[i] >= '0' && s[i] <= '9') : s[i] != '-') return 0;
  int yy = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  int mm = (s[5] - '0') * 10 + (s[6] - '0'), dd = (s[8] - '0') * 10 + (s[9] - '0');
  if (yy < 1000 || mm < 1 || mm > 12 || dd < 1) return 0;
  if (dd > mdays(yy, mm)) return -1;
  *y = yy;
  *m = mm;
  *d = dd;
  return 1;
}

typedef struct ctx {
  lb_doc *d;
  const lb_num_tabs *T; /* the lexicon tables (lb_num_tables) */
  long pub; /* publication day number, valid when haspub */
  int haspub;
  const char *lang;
  size_t s1; /* end token of the sentence */
  int32_t sent;
  int nunres;
} ctx;

/* A found date before it is written. */
typedef struct dt {
  size_t ntok;              /* tokens used from the core start */
  const char *from, *to, *gran, *rule;
  uint8_t unresolved, duration;
  int bad_days, bad_y, bad_m; /* a day the month does not have: the month's
                                 days, year (0 when unknown) and month; the
                                 tokens are no date */
} dt;

static const char *iso_day(ctx *c, long z) {
  int y, m, dd;
  lb_date_civil(z, &y, &m, &dd);
  return lb_arena_printf(c->d->tx.arena, "%04d-%02d-%02d", y, m, dd);
}
static const char *iso_month(ctx *c, int y, int m) {
  while (m < 1) m += 12, y--;
  while (m > 12) m -= 12, y++;
  return lb_arena_printf(c->d->tx.arena, "%04d-%02d", y, m);
}
static const char *iso_year(ctx *c, int y) { return lb_arena_printf(c->d->tx.arena, "%04d", y); }
static const char *rule(ctx *c, const char *name) {
  return lb_arena_printf(c->d->tx.arena, "%s:date:%s", c->lang, name);
}

static int fieldint(const lb_lex_rec *r, int i, int dflt) {
  return (int)lb_lex_field_num(r, i, dflt);
}

static const lb_tok *tok(ctx *c, size_t i) { return i < c->s1 ? &c->d->tx.toks.v[i] : NULL; }

/* Digits of a token as an int, or -1 when it has others (or too many). */
static int tok_int(ctx *c, size_t i, size_t stripdot) {
  const lb_tok *t = tok(c, i);
  if (!t) return -1;
  size_t n = t->end - t->start - stripdot;
  if (n == 0 || n > 6) return -1;
  int v = 0;
  for (size_t k = 0; k < n; k++) {
    char ch = c->d->tx.text[t->start + k];
    if (ch < '0' || ch > '9') return -1;
    v = v * 10 + (ch - '0');
  }
  return v;
}

/* A four-digit year token 1000..2999 at i, or -1. */
static int tok_year(ctx *c, size_t i) {
  const lb_tok *t = tok(c, i);
  if (!t || t->kind != LB_TOK_NUM || t->end - t->start != 4) return -1;
  int v = tok_int(c, i, 0);
  return v >= 1000 && v <= 2999 ? v : -1;
}

/* Year for a month given without one: the publication year, or the year
** before when the month lies (well) after publication. */
static int infer_year(ctx *c, int m, int since) {
  int y, pm, pd;
  lb_date_civil(c->pub, &y, &pm, &pd);
  if (m > pm + (since ? 0 : 1)) y--;
  return y;
}

/* The longest key of a date table at i (lb_num_phrase), trying multi-word
** keys only where a word that ends such keys (table dend) follows; a word
** without one of the marks `need` starts none. */
static int dphrase(ctx *c, size_t i, int table, size_t maxlen, unsigned need, lb_lex_rec *r) {
  if (i >= c->s1) return 0;
  const lb_tok *t = &c->d->tx.toks.v[i];
  if (t->kind == LB_TOK_NUM || t->kind == LB_TOK_PUNCT || t->kind == LB_TOK_QUOTE) return 0;
  if ((t->kind == LB_TOK_WORD || t->kind == LB_TOK_ABBR) && !(lb_num_mark(c->d, i) & need))
    return 0;
  size_t lim = c->s1 - i;
  if (lim > maxlen) lim = maxlen;
  for (size_t len = lim; len >= 2; len--)
    if (lb_num_mark(c->d, i + len - 1) & LB_NUMM_DEND) {
      int k = lb_num_phrase(c->d, i, i + len, table, len, r);
      if (k) return k;
    }
  return lb_num_phrase(c->d, i, i + 1, table, 1, r);
}

/* Month number of a month name at i (with its length in *n), or 0. */
static int month_at(ctx *c, size_t i, size_t *n) {
  lb_lex_rec r;
  const lb_tok *t = tok(c, i);
  if (!t || (t->kind != LB_TOK_WORD && t->kind != LB_TOK_ABBR) ||
      !(lb_num_mark(c->d, i) & LB_NUMM_MONTH))
    return 0;
  int k = lb_num_phrase(c->d, i, c->s1, c->T->month, 2, &r);
  if (!k) return 0;
  int m = fieldint(&r, 0, 0);
  if (m < 1 || m > 12) return 0;
  *n = (size_t)k;
  return m;
}

/* A time unit at i: 'h' hours (and smaller), 'd', 'w', 'm', 'y'; 0 = none. */
static int timeunit_at(ctx *c, size_t i) {
  const lb_tok *t = tok(c, i);
  if (!t || !t->norm || !(lb_num_mark(c->d, i) & LB_NUMM_UNIT)) return 0;
  lb_lex_rec r;
  if (!lb_lexdoc_find(&c->d->tx, i, c->T->unit, &r)) return 0;
  if (!lb_lex_field_is(&r, 4, "time")) return 0;
  if (lb_lex_field_is(&r, 0, "days")) return 'd';
  if (lb_lex_field_is(&r, 0, "weeks")) return 'w';
  if (lb_lex_field_is(&r, 0, "months")) return 'm';
  if (lb_lex_field_is(&r, 0, "years")) return 'y';
  if (lb_lex_field_is(&r, 0, "decades")) return 'D';
  return 'h';
}

/* A count at i: digits or a number word or an article meaning one. */
static int count_at(ctx *c, size_t i, double *v) {
  const lb_tok *t = tok(c, i);
  if (!t) return 0;
  if (t->kind == LB_TOK_NUM) {
    unsigned fl;
    return lb_num_parse(c->d->tx.text + t->start, t->end - t->start, 1, v, &fl) == LB_NUM_OK &&
           !(fl & LB_NUMF_DECIMAL) && *v > 0 && *v < 100000;
  }
  if (t->kind != LB_TOK_WORD || !t->norm) return 0;
  lb_lex_rec r;
  if (lb_lexdoc_find(&c->d->tx, i, c->T->dart, &r)) {
    *v = fieldint(&r, 0, 1);
    return 1;
  }
  lb_num_word w;
  if (!timeunit_at(c, i + 1)) return 0;
  if (lb_num_word_get(c->d->tx.lex, c->T->num, t->norm, t->normlen, &w) && w.kind == LB_NUMK_CARD &&
      w.value > 0 && w.value < 100000) {
    *v = w.value;
    return 1;
  }
  return 0;
}

/* pub shifted back by n units (u as timeunit_at), written with its granularity. */
static void shift(ctx *c, dt *o, int u, double n, int sign) {
  int y, m, dd;
  lb_date_civil(c->pub, &y, &m, &dd);
  long k = (long)n * sign;
  switch (u) {
    case 'h': o->from = iso_day(c, c->pub + (long)(n / 24) * sign); o->gran = "day"; break;
    case 'd': o->from = iso_day(c, c->pub + k); o->gran = "day"; break;
    case 'w': {
      long z = c->pub + 7 * k;
      long mon = z - (weekday(z) - 1);
      o->from = iso_day(c, mon);
      o->to = iso_day(c, mon + 6);
      o->gran = "week";
      break;
    }
    case 'm': o->from = iso_month(c, y, m + (int)k); o->gran = "month"; break;
    case 'y': o->from = iso_year(c, y + (int)k); o->gran = "year"; break;
    default: o->from = iso_year(c, y + 10 * (int)k); o->gran = "year"; break;
  }
}

/* Relative phrase from table dword at i. */
static int m_dword(ctx *c, size_t i, dt *o) {
  lb_lex_rec r;
  int k = dphrase(c, i, c->T->dword, 5, LB_NUMM_DWORD, &r);
  if (!k) return 0;
  int n = fieldint(&r, 1, 0);
  o->ntok = (size_t)k;
  int y = 0, m = 0, dd = 0;
  if (c->haspub) lb_date_civil(c->pub, &y, &m, &dd);
  if (lb_lex_field_is(&r, 0, "night")) {
    /* "in der Nacht zum Sonntag": the night before that weekday */
    lb_lex_rec w;
    int kw = (lb_num_mark(c->d, i + (size_t)k) & LB_NUMM_WDAY)
               ? lb_num_phrase(c->d, i + (size_t)k, c->s1, c->T->wday, 1, &w)
               : 0;
    if (!kw) return 0;
    o->ntok += (size_t)kw;
    o->gran = "day";
    o->rule = rule(c, "night");
    if (!c->haspub) return o->unresolved = 1, 1;
    int wd = fieldint(&w, 0, 7);
    long z = c->pub - ((weekday(c->pub) - wd + 7) % 7);
    o->from = iso_day(c, z - 1);
    o->to = iso_day(c, z);
    return 1;
  }
  if (lb_lex_field_is(&r, 0, "sincev")) {
    o->gran = "period";
    o->rule = rule(c, "seit-vague");
    if (!c->haspub) return o->unresolved = 1, 1;
    o->to = iso_day(c, c->pub);
    return 1;
  }
  o->rule = rule(c, "relative");
  if (lb_lex_field_is(&r, 0, "day")) o->gran = "day";
  else if (lb_lex_field_is(&r, 0, "weekend")) o->gran = "day", o->rule = rule(c, "weekend");
  else if (lb_lex_field_is(&r, 0, "week")) o->gran = "week";
  else if (lb_lex_field_is(&r, 0, "month")) o->gran = "month";
  else if (lb_lex_field_is(&r, 0, "year")) o->gran = "year";
  else if (lb_lex_field_is(&r, 0, "mbegin") || lb_lex_field_is(&r, 0, "mmid") || lb_lex_field_is(&r, 0, "mend"))
    o->gran = "day", o->rule = rule(c, "month-part");
  else if (lb_lex_field_is(&r, 0, "ybegin") || lb_lex_field_is(&r, 0, "yend"))
    o->gran = "month", o->rule = rule(c, "year-part");
  else
    return 0;
  if (!c->haspub) return o->unresolved = 1, 1;
  if (lb_lex_field_is(&r, 0, "day")) {
    o->from = iso_day(c, c->pub + n);
  } else if (lb_lex_field_is(&r, 0, "weekend")) {
    int wd = weekday(c->pub);
    long sat = wd == 6 ? c->pub : wd == 7 ? c->pub - 1 : wd == 5 ? c->pub + 1 : c->pub - (wd + 1);
    sat += 7L * n;
    o->from = iso_day(c, sat);
    o->to = iso_day(c, sat + 1);
  } else if (lb_lex_field_is(&r, 0, "week")) {
    shift(c, o, 'w', n < 0 ? -n : n, n < 0 ? -1 : 1);
  } else if (lb_lex_field_is(&r, 0, "month")) {
    o->from = iso_month(c, y, m + n);
  } else if (lb_lex_field_is(&r, 0, "year")) {
    o->from = iso_year(c, y + n);
  } else if (lb_lex_field_is(&r, 0, "ybegin") || lb_lex_field_is(&r, 0, "yend")) {
    int b = lb_lex_field_is(&r, 0, "ybegin");
    o->from = iso_month(c, y + n, b ? 1 : 10);
    o->to = iso_month(c, y + n, b ? 3 : 12);
  } else {
    int mm = m + n, yy = y;
    while (mm < 1) mm += 12, yy--;
    while (mm > 12) mm -= 12, yy++;
    int a = lb_lex_field_is(&r, 0, "mbegin") ? 1 : lb_lex_field_is(&r, 0, "mmid") ? 11 : 21;
    int b = a == 1 ? 10 : a == 11 ? 20 : mdays(yy, mm);
    o->from = iso_day(c, lb_date_days(yy, mm, a));
    o->to = iso_day(c, lb_date_days(yy, mm, b));
  }
  return 1;
}

/* Named period at i, after an optional article. */
static int m_period(ctx *c, size_t i, dt *o) {
  lb_lex_rec r;
  size_t skip = 0;
  int k = dphrase(c, i, c->T->dperiod, 3, LB_NUMM_PERIOD, &r);
  if (!k) {
    const lb_tok *t = tok(c, i);
    if (!t || t->kind != LB_TOK_WORD || t->end - t->start > 3) return 0; /* dem der the */
    k = dphrase(c, i + 1, c->T->dperiod, 3, LB_NUMM_PERIOD, &r);
    if (!k) return 0;
    skip = 1;
  }
  o->ntok = skip + (size_t)k;
  o->from = iso_year(c, fieldint(&r, 0, 0));
  o->to = iso_year(c, fieldint(&r, 1, 0));
  o->gran = "period";
  o->rule = rule(c, "period");
  return 1;
}

/* A day with a month: fill from for y-m-d, guessing the year when y == 0.
** A day the month does not have ("31.02.2024", "29.02.2023", "31. April";
** with no year known, a day past the 29th of February) is no date: o->bad_*
** say why, and the caller skips the tokens. */
static void put_day(ctx *c, dt *o, int y, int m, int d1, int d2, int since) {
  o->gran = "day";
  if (!y && c->haspub) y = infer_year(c, m, since);
  int max = mdays(y ? y : 2000, m); /* 2000: a leap year, the most days */
  if (d1 > max || d2 > max) {
    o->bad_days = max;
    o->bad_y = y;
    o->bad_m = m;
    return;
  }
  if (!y) {
    o->unresolved = 1;
    return;
  }
  o->from = iso_day(c, lb_date_days(y, m, d1));
  if (d2 > d1) o->to = iso_day(c, lb_date_days(y, m, d2));
}

/* The core of a date at i; prep is the preposition kind before it or "". */
static int m_core(ctx *c, size_t i, const char *prep, const char *part, dt *o) {
  const lb_tok *t = tok(c, i);
  if (!t) return 0;
  int since = !strcmp(prep, "since");
  size_t n;
  int word = t->kind == LB_TOK_WORD || t->kind == LB_TOK_ABBR;
  if (word && !(lb_num_mark(c->d, i) & LB_NUMM_DATE)) {
    /* an unknown word starts no date, but "dem" may precede "Zweiten Weltkrieg" */
    return i + 1 < c->s1 && (lb_num_mark(c->d, i + 1) & LB_NUMM_DATE) && m_period(c, i, o);
  }
  if (word && m_period(c, i, o)) return 1;
  /* ordinal day: "11. November 2024", "9. bis 10. November" */
  if (t->kind == LB_TOK_ORD) {
    int d1 = tok_int(c, i, 1), d2 = 0;
    if (d1 < 1 || d1 > 31) return 0;
    size_t j = i + 1;
    const lb_tok *u = tok(c, j);
    if (u && (u->kind == LB_TOK_DASH || (u->norm && (!strcmp(u->norm, "bis") ||
                                                     !strcmp(u->norm, "und"))))) {
      const lb_tok *v = tok(c, j + 1);
      if (v && v->kind == LB_TOK_ORD) {
        d2 = tok_int(c, j + 1, 1);
        if (d2 >= 1 && d2 <= 31 && d2 > d1) j += 2;
        else d2 = 0;
      }
    }
    int m = month_at(c, j, &n);
    if (!m) return 0;
    j += n;
    int y = tok_year(c, j);
    if (y > 0) j++;
    o->ntok = j - i;
    o->rule = rule(c, d2 ? "day-range" : "day-month");
    put_day(c, o, y > 0 ? y : 0, m, d1, d2, since);
    return 1;
  }
  /* "9.11." / "9.11.2024" / "15.05.16" */
  if (t->kind == LB_TOK_DATE) {
    int p[3] = {0, 0, 0}, np = 0, len = 0;
    for (uint32_t k = t->start; k < t->end && np < 3; k++) {
      char ch = c->d->tx.text[k];
      if (ch >= '0' && ch <= '9') {
        if (++len > 4) return 0;
        p[np] = p[np] * 10 + (ch - '0');
      } else {
        if (len) np++;
        len = 0;
      }
    }
    if (len) np++;
    if (np < 2 || p[0] < 1 || p[0] > 31 || p[1] < 1 || p[1] > 12) return 0;
    int y = np == 3 ? (p[2] < 100 ? 2000 + p[2] : p[2]) : 0;
    if (np == 3 && (y < 1000 || y > 2999)) return 0;
    o->ntok = 1;
    o->rule = rule(c, "numeric");
    put_day(c, o, y, p[1], p[0], 0, since);
    return 1;
  }
  /* month name: "November 2024", "seit August", "Anfang November", "November 11, 2024" */
  int m = word ? month_at(c, i, &n) : 0;
  if (m) {
    size_t j = i + n;
    int y = tok_year(c, j);
    const lb_tok *u = tok(c, j);
    if (y < 0 && u && u->kind == LB_TOK_NUM) {
      int dd = tok_int(c, j, 0);
      if (dd >= 1 && dd <= 31) {
        size_t k = j + 1;
        const lb_tok *cm = tok(c, k);
        if (cm && cm->kind == LB_TOK_PUNCT && c->d->tx.text[cm->start] == ',') k++;
        int yy = tok_year(c, k);
        o->ntok = (yy > 0 ? k + 1 : j + 1) - i;
        o->rule = rule(c, "month-day");
        put_day(c, o, yy > 0 ? yy : 0, m, dd, 0, since);
        return 1;
      }
    }
    if (y < 0 && !*prep && !part) return 0; /* a bare "August" may be a name */
    o->ntok = (y > 0 ? j + 1 : j) - i;
    o->rule = rule(c, since ? "seit-month" : part ? "month-part" : "month");
    if (y < 0) {
      if (!c->haspub) {
        o->gran = part ? "day" : "month";
        o->unresolved = 1;
        return 1;
      }
      y = infer_year(c, m, since);
    }
    if (part) {
      int a = !strcmp(part, "begin") ? 1 : !strcmp(part, "mid") ? 11 : 21;
      int b = a == 1 ? 10 : a == 11 ? 20 : mdays(y, m);
      o->from = iso_day(c, lb_date_days(y, m, a));
      o->to = iso_day(c, lb_date_days(y, m, b));
      o->gran = "day";
    } else {
      o->from = iso_month(c, y, m);
      o->gran = "month";
    }
    return 1;
  }
  /* weekday: "am Sonntag" -> the last such day up to publication */
  lb_lex_rec r;
  int kw = word && (lb_num_mark(c->d, i) & LB_NUMM_WDAY)
               ? lb_num_phrase(c->d, i, c->s1, c->T->wday, 1, &r)
               : 0;
  if (kw) {
    o->ntok = (size_t)kw;
    o->gran = "day";
    o->rule = rule(c, "weekday");
    if (!c->haspub) return o->unresolved = 1, 1;
    int wd = fieldint(&r, 0, 7);
    o->from = iso_day(c, c->pub - ((weekday(c->pub) - wd + 7) % 7));
    return 1;
  }
  if (t->kind == LB_TOK_NUM && !(t->flags & LB_TF_COLON)) {
    /* English "11 November 2024" */
    int dd = tok_int(c, i, 0);
    if (dd >= 1 && dd <= 31 && (m = month_at(c, i + 1, &n)) != 0) {
      int y = tok_year(c, i + 1 + n);
      o->ntok = 1 + n + (y > 0);
      o->rule = rule(c, "day-month");
      put_day(c, o, y > 0 ? y : 0, m, dd, 0, since);
      return 1;
    }
  }
  /* a count with a time unit: "vor drei Tagen", "in 24 Stunden", "two days ago" */
  double v;
  if (count_at(c, i, &v)) {
    int u = timeunit_at(c, i + 1);
    if ((u == 'y' && v > 2000) || (u == 'D' && v > 200) || (u == 'm' && v > 24000)) u = 0;
    if (u) {
      const lb_tok *a = tok(c, i + 2);
      int ago = !strcmp(prep, "ago");
      size_t nt = 2;
      if (!ago && a && a->norm) {
        lb_lex_rec pr;
        if (lb_lexdoc_find(&c->d->tx, i + 2, c->T->dprep, &pr) &&
            lb_lex_field_is(&pr, 0, "agopost"))
          ago = 1, nt = 3;
      }
      o->ntok = nt;
      if (ago || since) {
        o->rule = rule(c, ago ? "ago" : "seit-count");
        if (!c->haspub) {
          o->unresolved = 1;
          o->gran = u == 'w' ? "week" : u == 'm' ? "month" : u == 'y' || u == 'D' ? "year" : "day";
          return 1;
        }
        shift(c, o, u, v, -1);
        if (since) o->to = NULL;
        return 1;
      }
      if (!strcmp(prep, "in") || !strcmp(prep, "for")) {
        o->duration = 1;
        o->gran = "period";
        o->rule = rule(c, "duration");
        return 1;
      }
      return 0;
    }
  }
  /* a year: "2024", "US-Wahlen 2024" (not "2024 Soldaten") */
  int y = tok_year(c, i);
  if (y > 0 && (*prep || (y >= 1900 && y <= 2100))) {
    const lb_tok *u = tok(c, i + 1);
    if (u && u->norm && lb_lexdoc_find(&c->d->tx, i + 1, c->T->unit, &r) &&
        !lb_lex_field_is(&r, 4, "time"))
      return 0;
    if (i > 0) {
      const lb_tok *p = &c->d->tx.toks.v[i - 1];
      if (p->kind == LB_TOK_SYM || p->kind == LB_TOK_NUM || p->kind == LB_TOK_ABBR) return 0;
    }
    if (u && (u->kind == LB_TOK_NUM || u->kind == LB_TOK_SYM)) return 0;
    o->ntok = 1;
    o->from = iso_year(c, y);
    o->gran = "year";
    o->rule = rule(c, "year");
    /* "1998 bis 2000", "2014-2016": one span of years */
    if (u && (u->kind == LB_TOK_DASH || (u->norm && (!strcmp(u->norm, "bis") ||
                                                    !strcmp(u->norm, "to"))))) {
      int y2 = tok_year(c, i + 2);
      if (y2 > y) {
        o->ntok = 3;
        o->to = iso_year(c, y2);
        o->rule = rule(c, "year-range");
      }
    }
    return 1;
  }
  return 0;
}

/* Try everything at token i; fills *o and returns the start token of the
** span (i) with o->ntok counted from it, or 0 tokens when nothing matched. */
static size_t match_at(ctx *c, size_t i, dt *o) {
  memset(o, 0, sizeof *o);
  if (m_dword(c, i, o)) return o->ntok;
  memset(o, 0, sizeof *o);
  lb_lex_rec r;
  int kp = dphrase(c, i, c->T->dprep, 2, LB_NUMM_DPREP, &r);
  if (kp) {
    const char *f;
    int fl = lb_lex_field(r.val, r.val_len, 0, &f);
    char prep[16] = "";
    if (fl > 0 && fl < 15) memcpy(prep, f, (size_t)fl), prep[fl] = 0;
    const char *part = NULL;
    if (!strcmp(prep, "part")) {
      part = lb_lex_field_is(&r, 1, "begin") ? "begin" : lb_lex_field_is(&r, 1, "mid") ? "mid" : "end";
      prep[0] = 0;
    }
    size_t j = i + (size_t)kp;
    if (!part && j < c->s1 && m_dword(c, j, o)) return kp + o->ntok;
    memset(o, 0, sizeof *o);
    if (m_core(c, j, prep, part, o)) {
      if (!strcmp(prep, "until") && o->from && !o->to) o->to = o->from, o->from = NULL;
      return kp + o->ntok;
    }
    memset(o, 0, sizeof *o);
    if (part) return 0;
  }
  if (m_core(c, i, "", NULL, o)) return o->ntok;
  return 0;
}

void lb_date_run(lb_doc *d) {
  if (!d->tx.lex) return;
  assert(d->nummark || !d->tx.toks.n); /* the "marks" stage has run */
  ctx c;
  memset(&c, 0, sizeof c);
  c.d = d;
  c.T = lb_num_tables(d->tx.lex);
  c.lang = d->tx.lang && *d->tx.lang ? d->tx.lang : "xx";
  if (d->pub_y) {
    c.haspub = 1;
    c.pub = lb_date_days(d->pub_y, d->pub_m, d->pub_d);
  }
  for (size_t s = 0; s < d->tx.sents.n; s++) {
    c.s1 = d->tx.sents.v[s].tok1;
    c.sent = (int32_t)s;
    for (size_t i = d->tx.sents.v[s].tok0; i < c.s1; i++) {
      const lb_tok *t = &d->tx.toks.v[i];
      if (t->kind != LB_TOK_WORD && t->kind != LB_TOK_NUM && t->kind != LB_TOK_ORD &&
          t->kind != LB_TOK_DATE && t->kind != LB_TOK_ABBR)
        continue;
      if ((t->kind == LB_TOK_WORD || t->kind == LB_TOK_ABBR) && !(lb_num_mark(d, i) & LB_NUMM_DATE))
        continue;
      dt o;
      size_t n = match_at(&c, i, &o);
      if (!n) continue;
      if (i + n > c.s1) n = c.s1 - i;
      if (o.bad_days) {
        const lb_tok *l = &d->tx.toks.v[i + n - 1];
        int len = (int)(l->end - t->start > 40 ? 40 : l->end - t->start);
        if (o.bad_y)
          lb_text_warn(&d->tx, "no date: \"%.*s\" at byte %u: %04d-%02d has %d days", len,
                       d->tx.text + t->start, t->start, o.bad_y, o.bad_m, o.bad_days);
        else
          lb_text_warn(&d->tx, "no date: \"%.*s\" at byte %u: month %02d has at most %d days", len,
                       d->tx.text + t->start, t->start, o.bad_m, o.bad_days);
        i += n - 1;
        continue;
      }
      lb_date *x = LB_VEC_PUSH(d->tx.arena, d->dates);
      x->start = t->start;
      x->end = d->tx.toks.v[i + n - 1].end;
      x->from = o.from;
      x->to = o.to;
      x->granularity = o.gran;
      x->rule = o.rule;
      x->sentence = c.sent;
      x->unresolved = o.unresolved;
      x->duration = o.duration;
      if (o.unresolved) c.nunres++;
      i += n - 1;
    }
  }
  if (c.nunres)
    lb_text_warn(&d->tx, "%d relative date%s left unresolved: no publication date", c.nunres,
                 c.nunres == 1 ? "" : "s");
}

const lb_date *lb_date_in_span(const lb_doc *d, uint32_t start, uint32_t end) {
  for (size_t i = 0; i < d->dates.n; i++) {
    const lb_date *t = &d->dates.v[i];
    if (t->start >= start && t->end <= end && !t->duration) return t;
  }
  return NULL;
}
