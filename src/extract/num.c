/*
** num.c -- digit strings and word numerals (see num.h), and the lexicon
** helpers the number, date and signal stages share: phrase look-up over
** tokens (lb_num_phrase), the table ids (lb_num_tables, cached per thread)
** and the per-token marks (lb_num_mark) that let the stages skip, with one
** look-up per distinct word, every word none of their tables knows.
*/
#include "num.h"

#include <assert.h>

#include "../doc/doc.h"
#include "../lex/lexdoc.h"

#include <stdlib.h>
#include <string.h>

#define MAXSIG 15 /* significant digits a double holds exactly */

/* The value of buf[0..n) ("123", "0.05": digits and at most one '.'), as
** strtod reads it: plain decimals of up to 15 digits through lb_lex_dec
** (strtod took ~440 instructions a call, callgrind, 1m.jsonl: 9.6M Ir of
** all stages), others through strtod(buf), so buf must end in a byte that
** ends the number (NUL, tab). */
static double dec_value(const char *buf, size_t n) {
  double v;
  return lb_lex_dec(buf, n, &v) ? v : strtod(buf, NULL);
}

int lb_num_parse(const char *s, size_t n, int german, double *out, unsigned *flags) {
  *out = 0;
  *flags = 0;
  if (n == 0) return LB_NUM_BAD;
  /* positions of separators; the groups between them */
  size_t nsep = 0, firstsep = 0, lastsep = 0;
  char sepc = 0, sepc2 = 0;
  int mixed = 0;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (c >= '0' && c <= '9') continue;
    if (c != '.' && c != ',') return LB_NUM_BAD;
    if (i == 0 || i + 1 == n || s[i - 1] == '.' || s[i - 1] == ',') return LB_NUM_BAD;
    if (!nsep) {
      firstsep = i;
      sepc = c;
    } else if (c != sepc) {
      if (mixed) return LB_NUM_BAD;
      mixed = 1;
      sepc2 = c;
    } else if (mixed) {
      return LB_NUM_BAD; /* "1.000,5.3" */
    }
    lastsep = i;
    nsep++;
  }
  char dec = 0; /* the decimal separator, 0 = none */
  int grouped = 0;
  if (nsep == 0) {
    /* plain digits */
  } else if (mixed) {
    dec = sepc2; /* "1.000.000,5" / "1,000,000.5": the last kind is the decimal */
    grouped = 1;
  } else if (nsep >= 2) {
    grouped = 1;
  } else {
    size_t before = firstsep, after = n - firstsep - 1;
    if (after == 3 && before <= 3 && !(before == 1 && s[0] == '0')) {
      if (sepc == '.') grouped = 1;            /* "50.000": never 50.0 */
      else if (german) {
        dec = ',';                               /* "3,500" in German: 3.5 */
        *flags |= LB_NUMF_AMBIG;
      } else {
        grouped = 1;                             /* "3,500" in English */
        *flags |= LB_NUMF_AMBIG;
      }
    } else {
      dec = sepc;
      if (german && sepc == '.') *flags |= LB_NUMF_EN_DEC;
    }
  }
  if (grouped) {
    /* every group after the first has exactly three digits */
    size_t first = 0;
    while (first < n && s[first] >= '0' && s[first] <= '9') first++;
    if (first > 3) return LB_NUM_BAD;
    size_t end = dec ? lastsep : n;
    size_t i = first;
    while (i < end) {
      /* s[i] is a thousands separator */
      size_t j = i + 1, k = 0;
      while (j < end && s[j] >= '0' && s[j] <= '9') j++, k++;
      if (k != 3) return LB_NUM_BAD;
      i = j;
    }
    *flags |= LB_NUMF_GROUPED;
  }
  /* build a clean copy "ddd.ddd" and count significant integer digits */
  char buf[64];
  size_t b = 0, sig = 0;
  int seen_dec = 0, lead = 1;
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    if (c >= '0' && c <= '9') {
      if (!seen_dec) {
        if (lead && c == '0') continue;
        lead = 0;
        sig++;
        if (sig > MAXSIG) return LB_NUM_HUGE;
      } else if (b >= sizeof buf - 2) {
        continue; /* drop decimals beyond what a double holds */
      }
      buf[b++] = c;
    } else if (dec && c == dec && i == lastsep) {
      if (b == 0) buf[b++] = '0';
      buf[b++] = '.';
      seen_dec = 1;
    }
  }
  if (b == 0) buf[b++] = '0';
  buf[b] = 0;
  *out = dec_value(buf, b);
  if (seen_dec) *flags |= LB_NUMF_DECIMAL;
  if (nsep == 0 && n == 4) *flags |= LB_NUMF_PLAIN4;
  return LB_NUM_OK;
}

/* lb_lex_field_num(r, i, dflt), without strtod for a plain decimal field
** ("12", "1000000", "2.5": lb_lex_dec reads it exactly as strtod does): the
** three fields of a numeral took ~800 Ir a word through strtod (callgrind,
** 1m.jsonl). */
static double field_num(const lb_lex_rec *r, int i, double dflt) {
  const char *f;
  double v;
  int n = lb_lex_field(r->val, r->val_len, i, &f);
  if (n <= 0) return dflt; /* as lb_lex_field_num: missing or empty */
  return lb_lex_dec(f, (size_t)n, &v) ? v : lb_lex_field_num(r, i, dflt);
}

/* One table entry: kind value min max. */
int lb_num_word_of(const lb_lex_rec *r, lb_num_word *w) {
  const char *f;
  int fl = lb_lex_field(r->val, r->val_len, 0, &f);
  if (fl <= 0) return 0;
  memset(w, 0, sizeof *w);
  w->max = -1;
  if (fl == 4 && !memcmp(f, "card", 4)) w->kind = LB_NUMK_CARD;
  else if (fl == 4 && !memcmp(f, "mult", 4)) w->kind = LB_NUMK_MULT;
  else if (fl == 5 && !memcmp(f, "vague", 5)) w->kind = LB_NUMK_VAGUE;
  else if (fl == 4 && !memcmp(f, "part", 4)) w->kind = LB_NUMK_PART;
  else if (fl == 4 && !memcmp(f, "weak", 4)) w->kind = LB_NUMK_WEAK;
  else return 0;
  w->value = field_num(r, 1, 0);
  w->min = field_num(r, 2, 0);
  w->max = field_num(r, 3, -1);
  return 1;
}

static int word_rec(const lb_lex *lx, int numtab, const char *key, size_t n, lb_num_word *w) {
  lb_lex_rec r;
  return lb_lex_find(lx, numtab, key, n, &r) && lb_num_word_of(&r, w);
}

int lb_num_word_get(const lb_lex *lx, int numtab, const char *key, size_t n, lb_num_word *w) {
  if (!lx || numtab < 0 || n == 0) return 0;
  if (word_rec(lx, numtab, key, n, w)) return w->kind != LB_NUMK_PART;
  if (n < 6 || n > 80) return 0;
  /* compose from pieces, longest prefix first: drei|hundert|fünf|und|zwanzig */
  double total = 0, cur = 0;
  size_t p = 0;
  int pieces = 0, last_part = 0;
  while (p < n) {
    if (key[p] == '-') {
      p++;
      continue;
    }
    size_t q = n;
    lb_num_word pw;
    int ok = 0;
    for (; q > p; q--) {
      if (q < n && ((unsigned char)key[q] & 0xC0) == 0x80) continue; /* mid UTF-8 */
      if (word_rec(lx, numtab, key + p, q - p, &pw) &&
          (pw.kind == LB_NUMK_CARD || pw.kind == LB_NUMK_PART || pw.kind == LB_NUMK_MULT)) {
        ok = 1;
        break;
      }
    }
    if (!ok) return 0;
    double v = pw.value;
    if (v >= 1000) {
      total += (cur > 0 ? cur : 1) * v;
      cur = 0;
    } else if (v == 100) {
      cur = (cur > 0 ? cur : 1) * 100;
    } else {
      cur += v;
    }
    last_part = pw.kind == LB_NUMK_PART && v == 0;
    pieces++;
    p = q;
  }
  if (pieces < 2 || last_part) return 0;
  memset(w, 0, sizeof *w);
  w->kind = LB_NUMK_CARD;
  w->value = total + cur;
  w->max = -1;
  return 1;
}

const char *lb_num_tok_key(const lb_doc *d, size_t i, size_t *n) {
  const lb_tok *t = &d->tx.toks.v[i];
  if (t->norm) {
    *n = t->normlen;
    return t->norm;
  }
  *n = t->end - t->start;
  return d->tx.text + t->start;
}

/* Is token i an abbreviation with a final period ("Mrd.")? The lexicon
** compiler may have split such a key at its end into "mrd" "." (the period
** read as a full stop), so phrases are tried in both spellings. */
static int abbr_dot(const lb_doc *d, size_t i) {
  const lb_tok *t = &d->tx.toks.v[i];
  return t->kind == LB_TOK_ABBR && t->norm && t->normlen > 1 && t->norm[t->normlen - 1] == '.';
}

/* The first record of `table` in entry e, or 0. */
static int entry_find(const lb_lex *lx, const lb_lex_entry *e, int table, lb_lex_rec *r) {
  if (!lb_lex_may_have(e, table)) return 0;
  for (uint32_t k = 0; k < e->nrec; k++)
    if (lb_lex_rec_get(lx, e, k, r) && r->table == table) return 1;
  return 0;
}

int lb_num_phrase(lb_doc *d, size_t i, size_t end, int table, size_t maxlen,
                  lb_lex_rec *r) {
  if (!d->tx.lex || table < 0 || i >= end || end > d->tx.toks.n) return 0;
  size_t n;
  const char *k = lb_num_tok_key(d, i, &n);
  lb_lex_entry e, e2;
  size_t max = 0;
  /* the memo read directly (lb_lexdoc_tok's checks were ~2M Ir of this
  ** function's on 1m.jsonl) */
  int have1 = d->tx.toks.v[i].norm ? lb_lexdoc_tok_memo(&d->tx, lb_lexdoc_memos(&d->tx), i, &e)
                                   : lb_lex_get(d->tx.lex, k, n, &e);
  if (have1) max = e.maxtoks;
  int split = abbr_dot(d, i);
  if (split && lb_lex_get(d->tx.lex, k, n - 1, &e2) && e2.maxtoks > max) max = e2.maxtoks;
  if (!max) return 0;
  if (max > maxlen) max = maxlen;
  if (max > end - i) max = end - i;
  /* the split spelling ("mrd ." for "mrd.") only differs, and so is only
  ** looked up, when a key's tokens hold such an abbreviation: find the first
  ** once instead of building every length's key to find none (~5M Ir on
  ** 1m.jsonl, all stages) */
  size_t dot = i + max;
  for (size_t j = i; j < i + max; j++)
    if (abbr_dot(d, j)) {
      dot = j;
      break;
    }
  char buf[256];
  for (size_t len = max; len >= 1; len--) {
    if (len == 1 && have1 && entry_find(d->tx.lex, &e, table, r)) return 1;
    /* the plain spelling through the document's span memo (the date and
    ** quantity stages probe the same phrases for several tables) */
    lb_lex_entry es;
    if (len > 1 && have1 && lb_lex_has_len(&e, len) && lb_lexdoc_span(&d->tx, i, len, &es) &&
        entry_find(d->tx.lex, &es, table, r))
      return (int)len;
    if (dot >= i + len) continue;
    size_t b = 0;
    int ok = 1;
    for (size_t j = i; j < i + len; j++) {
      size_t kn;
      const char *kk = lb_num_tok_key(d, j, &kn);
      if (b + kn + 3 >= sizeof buf) {
        ok = 0;
        break;
      }
      if (j > i) buf[b++] = ' ';
      if (abbr_dot(d, j)) {
        memcpy(buf + b, kk, kn - 1);
        b += kn - 1;
        buf[b++] = ' ';
        buf[b++] = '.';
      } else {
        memcpy(buf + b, kk, kn);
        b += kn;
      }
    }
    if (ok && lb_lex_find(d->tx.lex, table, buf, b, r)) return (int)len;
  }
  return 0;
}

const lb_num_tabs *lb_num_tables(const lb_lex *lx) {
  /* per thread: the stages run on several threads at once */
  static _Thread_local const lb_lex *for_lx;
  static _Thread_local size_t for_size;
  static _Thread_local uint32_t for_keys;
  static _Thread_local lb_num_tabs t;
  if (for_lx == lx && for_size == lb_lex_size(lx) && for_keys == lb_lex_nkeys(lx)) return &t;
  t.num = lb_lex_table(lx, "num");
  t.month = lb_lex_table(lx, "month");
  t.wday = lb_lex_table(lx, "wday");
  t.dword = lb_lex_table(lx, "dword");
  t.dprep = lb_lex_table(lx, "dprep");
  t.dperiod = lb_lex_table(lx, "dperiod");
  t.dstart = lb_lex_table(lx, "dstart");
  t.dend = lb_lex_table(lx, "dend");
  t.dart = lb_lex_table(lx, "dart");
  t.qmod = lb_lex_table(lx, "qmod");
  t.unit = lb_lex_table(lx, "unit");
  t.qstop = lb_lex_table(lx, "qstop");
  t.qverb = lb_lex_table(lx, "qverb");
  t.xstart = lb_lex_table(lx, "xstart");
  t.spellvar = lb_lex_table(lx, "spellvar");
  t.sigfw = lb_lex_table(lx, "sigfw");
  for_lx = lx;
  for_size = lb_lex_size(lx);
  for_keys = lb_lex_nkeys(lx);
  return &t;
}

/* No key of the number, date and signal tables is longer than this (bytes);
** longer words (German compounds) are not looked up. */
#define MAXWORD 32
#define MAXTAB 256

/* What the marks of a lexicon entry are made of, per thread and lexicon:
** the marks each table gives, and the tables any mark comes from. */
typedef struct markctx {
  const lb_lex *lx;
  lb_num_tabs T;
  uint32_t want; /* table bits (lb_lex_entry.tables) any mark comes from */
  uint16_t tabmark[MAXTAB];
} markctx;

static void markctx_init(markctx *x, const lb_lex *lx, const lb_num_tabs *T) {
  const struct {
    int id;
    uint16_t mark;
  } map[] = {{T->num, LB_NUMM_DATE | LB_NUMM_QTY},
             {T->month, LB_NUMM_DATE | LB_NUMM_MONTH},
             {T->wday, LB_NUMM_DATE | LB_NUMM_WDAY},
             {T->dword, LB_NUMM_DATE | LB_NUMM_DWORD},
             {T->dprep, LB_NUMM_DATE | LB_NUMM_DPREP | LB_NUMM_DWORD},
             {T->dperiod, LB_NUMM_DATE | LB_NUMM_PERIOD},
             {T->dstart, LB_NUMM_DATE | LB_NUMM_PERIOD | LB_NUMM_DWORD},
             {T->qmod, LB_NUMM_QTY},
             {T->unit, LB_NUMM_SIG | LB_NUMM_UNIT}, {T->spellvar, LB_NUMM_SIG},
             {T->qstop, LB_NUMM_STOP},             {T->qverb, LB_NUMM_VERB},
             {T->dend, LB_NUMM_DEND}};
  memset(x->tabmark, 0, sizeof x->tabmark);
  for (size_t k = 0; k < sizeof map / sizeof map[0]; k++)
    if (map[k].id >= 0 && map[k].id < MAXTAB) x->tabmark[map[k].id] |= map[k].mark;
  /* an entry with none of these tables (most words) has its records skipped */
  x->want = 0;
  for (int tb = 0; tb < MAXTAB; tb++)
    if (x->tabmark[tb] || (tb == T->xstart && T->xstart >= 0)) x->want |= 1u << (tb < 31 ? tb : 31);
  x->T = *T;
  x->lx = lx;
}

/* The marks of entry e, from its records. */
static uint16_t entry_marks(const markctx *x, const lb_lex_entry *e) {
  const lb_lex *lx = x->lx;
  int t_num = x->T.num, t_x = x->T.xstart;
  uint16_t m = 0;
  for (uint32_t r = 0; r < e->nrec; r++) {
    lb_lex_rec rec;
    if (!lb_lex_rec_get(lx, e, r, &rec) || rec.table < 0 || rec.table >= MAXTAB ||
        (!x->tabmark[rec.table] && rec.table != t_x))
      continue;
    if (rec.table == t_num || rec.table == t_x) {
      const char *f;
      int fl = lb_lex_field(rec.val, rec.val_len, 0, &f);
      if (fl < 1) continue;
      /* "und", "ein": pieces of compounds start nothing */
      if (rec.table == t_num && fl == 4 && !memcmp(f, "part", 4)) continue;
      if (rec.table == t_x)
        m |= f[0] == 'q' ? LB_NUMM_QTY : f[0] == 'u' ? LB_NUMM_UNIT : f[0] == 'v' ? LB_NUMM_VERB : 0;
    }
    m |= x->tabmark[rec.table];
  }
  return m;
}

/*
** The marks depend on the entry's records only, so they are memoised per
** thread and lexicon by the entry's first record (rec0 + nrec name the
** records), across documents. The entries come from the document's lexdoc
** memo, read directly: before, each token's key was hashed for a
** per-document memo of 8 KB (zeroed per document) and looked up through
** lb_lexdoc_tok; that and the per-document set-up were ~45M Ir self for
** the 800 documents of 1m.jsonl (callgrind, all stages; 1,605 entries had
** their records read), now 6.2M in mark_all and 2.9M in lb_num_mark.
*/
#define EMEMO 1024
typedef struct ememo {
  uint32_t rec0, nrec; /* nrec 0: empty */
  uint16_t m;
} ememo;

static void mark_all(lb_doc *d) {
  const lb_lex *lx = d->tx.lex;
  const lb_num_tabs *T = lb_num_tables(lx);
  static _Thread_local markctx x;
  static _Thread_local ememo em[EMEMO];
  static _Thread_local size_t em_size;
  static _Thread_local uint32_t em_keys;
  if (x.lx != lx || memcmp(&x.T, T, sizeof *T) || em_size != lb_lex_size(lx) ||
      em_keys != lb_lex_nkeys(lx)) {
    markctx_init(&x, lx, T);
    memset(em, 0, sizeof em);
    em_size = lb_lex_size(lx);
    em_keys = lb_lex_nkeys(lx);
  }
  uint32_t want = x.want;
  size_t n = d->tx.toks.n;
  uint16_t *mk = lb_arena_calloc(d->tx.arena, n ? n : 1, sizeof *mk);
  const lb_lexdoc_memo *mm = lb_lexdoc_memos(&d->tx);
  const lb_tok *tv = d->tx.toks.v;
  const uint32_t kinds = 1u << LB_TOK_WORD | 1u << LB_TOK_ABBR | 1u << LB_TOK_SYM;
  for (size_t t = 0; t < n; t++) {
    const lb_tok *tk = &tv[t];
    if (tk->kind >= 32 || !((kinds >> tk->kind) & 1)) continue;
    lb_lex_entry e;
    int found;
    if (tk->norm) {
      if (tk->normlen > MAXWORD) continue;
      if (mm[t].state == 1) {
        /* most words: known, but to none of the tables */
        if (!(mm[t].tables & want)) continue;
        e.rec0 = mm[t].rec0; /* all that is read of e below */
        e.nrec = mm[t].nrec;
        e.tables = mm[t].tables;
        found = 1;
      } else if (mm[t].state == 2) {
        found = 0;
      } else {
        found = lb_lexdoc_tok(&d->tx, t, &e);
      }
    } else {
      size_t kn = tk->end - tk->start;
      if (kn > MAXWORD) continue;
      found = lb_lex_get(lx, d->tx.text + tk->start, kn, &e);
    }
    if (!found && abbr_dot(d, t)) found = lb_lex_get(lx, tk->norm, tk->normlen - 1, &e);
    if (!found || !(e.tables & want) || !e.nrec) continue;
    ememo *s = &em[(e.rec0 * 2654435761u) >> 22 & (EMEMO - 1)];
    if (s->nrec != e.nrec || s->rec0 != e.rec0) {
      s->rec0 = e.rec0;
      s->nrec = e.nrec;
      s->m = entry_marks(&x, &e);
    }
    mk[t] = s->m;
  }
  d->nummark = mk;
}

void lb_num_mark_run(lb_doc *d) {
  assert(!d->nummark); /* once per document */
  if (!d->tx.lex || !d->tx.toks.n) return;
  assert(d->tx.lexdoc); /* the "lexicon" stages have run */
  mark_all(d);
}

unsigned lb_num_mark(const lb_doc *d, size_t i) {
  return i < d->tx.toks.n && d->nummark ? d->nummark[i] : 0;
}
