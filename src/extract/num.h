/*
** num.h -- numbers as news writes them: digit strings with German or English
** grouping ("50.000", "3,500", "1,5"), spelled numerals ("zwölf",
** "dreihundertfünfundzwanzig", "twenty-five") and multipliers ("Millionen",
** "Mrd.", "million"), shared by the quantity and date stages.
**
** The digit parser decides between decimal and thousands separators from the
** digit grouping first and the document language second, so "50.000" is
** fifty thousand in any language and "3,500" is 3.5 in German, 3500 in English.
** Word numerals come from the lexicon table "num" (data/LANG/numbers.tsv).
*/
#ifndef LB_NUM_H
#define LB_NUM_H

#include <stddef.h>
#include <stdint.h>

#include "../lex/lex.h"

/* Result of lb_num_parse. */
enum lb_num_status {
  LB_NUM_OK = 0,
  LB_NUM_BAD,   /* not a plain number: letters, "14:30", "2:1", "1.2.3,4" */
  LB_NUM_HUGE,  /* more digits than a double holds exactly (> 15 significant) */
};

/* Flags set by lb_num_parse. */
enum lb_num_flag {
  LB_NUMF_GROUPED = 1, /* had thousands separators ("50.000") */
  LB_NUMF_DECIMAL = 2, /* had a decimal part ("1,5") */
  LB_NUMF_EN_DEC = 4,  /* a decimal point where German writes a comma ("1.5") */
  LB_NUMF_PLAIN4 = 8,  /* exactly four digits, no separator: may be a year */
  LB_NUMF_AMBIG = 16   /* one separator and three digits after it ("3,500")
                          decided by the language */
};

/*
** Parse the digit string s[0..n) ("50.000", "1,5", "3,500", "2024").
** german = 1 when the document is German (decimal comma). On LB_NUM_OK *out
** holds the value and *flags the LB_NUMF_* flags. Never reads past n.
*/
int lb_num_parse(const char *s, size_t n, int german, double *out, unsigned *flags);

/* Kinds of word numerals in the "num" table (field 0 of the value). */
enum lb_num_kind {
  LB_NUMK_NONE = 0,
  LB_NUMK_CARD,  /* a cardinal: "zwölf" 12 */
  LB_NUMK_MULT,  /* a multiplier after a number: "Millionen" 1e6, "Mrd." 1e9 */
  LB_NUMK_VAGUE, /* bounds only: "Tausende" 2000..9999 */
  LB_NUMK_PART,  /* only inside a compound: "ein" in "einhundert", "und" */
  LB_NUMK_WEAK   /* a vague quantifier that needs a counted noun: "einige" */
};

/* A word numeral looked up in the lexicon. */
typedef struct lb_num_word {
  int kind;          /* enum lb_num_kind */
  double value;      /* CARD, MULT, PART */
  double min, max;   /* VAGUE, WEAK (max < 0: open) */
} lb_num_word;

/*
** Look up the normalised word key[0..n) in table `numtab` of lx; on success
** fill *w and return 1. A word that is not in the table but is a compound of
** table entries ("dreihundertfünfundzwanzig", "twenty-five") is composed.
*/
int lb_num_word_get(const lb_lex *lx, int numtab, const char *key, size_t n, lb_num_word *w);

/* Decode a record of the numeral table (KIND, VALUE, MIN, MAX) into *w;
** 0 when its kind is unknown. */
int lb_num_word_of(const lb_lex_rec *r, lb_num_word *w);

struct lb_doc;

/*
** The longest key of lexicon table `table` that starts at token i of d,
** ends before token `end` and has at most maxlen tokens (the longest key
** the caller's table holds): returns its length in tokens (0 = none) and
** fills *r. Keys are the tokens' norms joined by one space (lex.h).
*/
int lb_num_phrase(struct lb_doc *d, size_t i, size_t end, int table, size_t maxlen,
                  lb_lex_rec *r);

/* Lexicon table ids of the number, date and signal stages (-1 = missing). */
typedef struct lb_num_tabs {
  int num, month, wday, dword, dprep, dperiod, dstart, dend, dart;
  int qmod, unit, qstop, qverb, xstart, spellvar, sigfw;
} lb_num_tabs;

/* The table ids for lexicon lx, looked up once per thread and lexicon. */
const lb_num_tabs *lb_num_tables(const lb_lex *lx);

/* Marks of lb_num_mark. */
enum lb_num_mark {
  LB_NUMM_DATE = 1,  /* in num (not "part"), month, wday, dword, dprep, dperiod, dstart */
  LB_NUMM_QTY = 2,   /* in num (not "part"), qmod, or xstart with "q" */
  LB_NUMM_SIG = 4,   /* in unit or spellvar */
  LB_NUMM_UNIT = 8,  /* in unit, or xstart with "u" */
  LB_NUMM_STOP = 16, /* in qstop */
  LB_NUMM_VERB = 32, /* in qverb, or xstart with "v" */
  LB_NUMM_DEND = 64,    /* in dend: may end a multi-word date key */
  LB_NUMM_MONTH = 128,  /* in month */
  LB_NUMM_WDAY = 256,   /* in wday */
  LB_NUMM_PERIOD = 512, /* in dperiod or dstart */
  LB_NUMM_DWORD = 1024, /* in dword, dstart or dprep */
  LB_NUMM_DPREP = 2048  /* in dprep */
};

/*
** Stage "marks": the LB_NUMM_* marks of every token (a word, abbreviation or
** symbol; other tokens have none): which of the word tables of the date,
** quantity and signal stages know the token (first words of longer keys are
** listed in tables "dstart" and "xstart": KEY, then q, u or v for the
** table family num/qmod, unit or qverb). Reads toks, tx->lexdoc (after the
** "lexicon-lower" stage) and the lexicon's records; writes d->nummark, with
** no further look-up per word. Does nothing without a lexicon or tokens.
*/
void lb_num_mark_run(struct lb_doc *d);

/* The marks of token i from d->nummark; 0 when there are none (no
** lexicon, i out of range). The "marks" stage must have run. */
unsigned lb_num_mark(const struct lb_doc *d, size_t i);

/* The lookup key of token i: its norm, or its bytes when it has none. */
const char *lb_num_tok_key(const struct lb_doc *d, size_t i, size_t *n);

#endif
