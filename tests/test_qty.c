/*
** test_qty.c -- quantities (src/extract/qty.c) and the number parser
** (src/extract/num.c). Seed values are the Quantities rows of
** ../shared/seed/FACTS.md; phrase tables are in tests/data/qty_phrases.tsv
** (real phrases from 10kGNAD and WikiEvents, cited per line).
*/
#include "../src/extract/num.h"
#include "../src/extract/qty.h"
#include "test.h"

/* ---- the number parser ---- */

static double num(const char *s, int german, int *st) {
  double v;
  unsigned fl;
  *st = lb_num_parse(s, strlen(s), german, &v, &fl);
  return v;
}

TEST(num_parse_formats) {
  int st;
  CHECK_NUM(num("50.000", 1, &st), 50000);
  CHECK_INT(st, LB_NUM_OK);
  CHECK_NUM(num("50.000", 0, &st), 50000); /* never 50.0 */
  CHECK_NUM(num("11.000", 1, &st), 11000);
  CHECK_NUM(num("1.000.000", 1, &st), 1000000);
  CHECK_NUM(num("1,5", 1, &st), 1.5);
  CHECK_NUM(num("3,5", 1, &st), 3.5);
  CHECK_NUM(num("3,500", 0, &st), 3500);
  CHECK_NUM(num("3,500", 1, &st), 3.5);
  CHECK_NUM(num("50,000", 0, &st), 50000);
  CHECK_NUM(num("1.5", 0, &st), 1.5);
  CHECK_NUM(num("1.000.000,25", 1, &st), 1000000.25);
  CHECK_NUM(num("1,000,000.25", 0, &st), 1000000.25);
  CHECK_NUM(num("0,500", 1, &st), 0.5);
  CHECK_NUM(num("2024", 1, &st), 2024);
  unsigned fl;
  double v;
  CHECK_INT(lb_num_parse("2024", 4, 1, &v, &fl), LB_NUM_OK);
  CHECK(fl & LB_NUMF_PLAIN4);
  CHECK_INT(lb_num_parse("1.5", 3, 1, &v, &fl), LB_NUM_OK);
  CHECK(fl & LB_NUMF_EN_DEC);
  num("14:30", 1, &st);
  CHECK_INT(st, LB_NUM_BAD);
  num("2:1", 1, &st);
  CHECK_INT(st, LB_NUM_BAD);
  num("1.2.3", 1, &st);
  CHECK_INT(st, LB_NUM_BAD);
  num("12.34.567", 1, &st);
  CHECK_INT(st, LB_NUM_BAD);
  num("1.000,5.3", 1, &st);
  CHECK_INT(st, LB_NUM_BAD);
  num("", 1, &st);
  CHECK_INT(st, LB_NUM_BAD);
}

TEST(num_parse_huge_warns_not_ub) {
  char big[501];
  memset(big, '9', 500);
  big[500] = 0;
  int st;
  num(big, 1, &st);
  CHECK_INT(st, LB_NUM_HUGE);
  num("1234567890123456", 1, &st); /* 16 digits */
  CHECK_INT(st, LB_NUM_HUGE);
  CHECK_NUM(num("123456789012345", 1, &st), 123456789012345.0);
  CHECK_INT(st, LB_NUM_OK);
  /* in a document: a warning naming the byte offset, no quantity */
  char text[600];
  snprintf(text, sizeof text, "Es waren %s Soldaten und 10^400 Drohnen.", big);
  lb_doc *d = t_doc(text, "2024-11-11");
  CHECK_INT(d->quantities.n, 0);
  CHECK(d->tx.warnings.n >= 1);
  int found = 0;
  for (size_t i = 0; i < d->tx.warnings.n; i++)
    if (strstr(d->tx.warnings.v[i], "at byte 9")) found = 1;
  CHECK(found);
  lb_doc_free(d);
}

TEST(num_words_composed) {
  const lb_lex *lx = lb_engine_lex(t_engine());
  int tab = lb_lex_table(lx, "num");
  CHECK(tab >= 0);
  lb_num_word w;
  CHECK(lb_num_word_get(lx, tab, "zwölf", strlen("zwölf"), &w));
  CHECK_NUM(w.value, 12);
  CHECK(lb_num_word_get(lx, tab, "dreitausend", 11, &w));
  CHECK_NUM(w.value, 3000);
  CHECK(lb_num_word_get(lx, tab, "dreihundertfünfundzwanzig", strlen("dreihundertfünfundzwanzig"), &w));
  CHECK_NUM(w.value, 325);
  CHECK(lb_num_word_get(lx, tab, "zweitausendvierundzwanzig", strlen("zweitausendvierundzwanzig"), &w));
  CHECK_NUM(w.value, 2024);
  CHECK(lb_num_word_get(lx, tab, "twenty-five", 11, &w));
  CHECK_NUM(w.value, 25);
  CHECK(lb_num_word_get(lx, tab, "tausende", 8, &w));
  CHECK_INT(w.kind, LB_NUMK_VAGUE);
  CHECK_NUM(w.min, 2000);
  CHECK_NUM(w.max, 9999);
  CHECK(!lb_num_word_get(lx, tab, "einsatz", 7, &w));
  CHECK(!lb_num_word_get(lx, tab, "ein", 3, &w)); /* only inside compounds */
  CHECK(!lb_num_word_get(lx, tab, "elfmeter", 8, &w));
}

/* ---- the seed: every Quantities row of FACTS.md ---- */

static const lb_quantity *q_at(const lb_doc *d, const char *text) {
  long off = t_find(d->tx.text, text, 0);
  for (size_t i = 0; i < d->quantities.n; i++)
    if ((long)d->quantities.v[i].start == off) return &d->quantities.v[i];
  printf("  no quantity at %ld \"%s\"\n", off, text);
  return NULL;
}

TEST(qty_seed_facts) {
  const lb_doc *d = t_seed();
  CHECK_INT(d->quantities.n, 7);
  const lb_quantity *q = q_at(d, "nahezu 50.000 Truppen");
  CHECK(q);
  if (q) {
    CHECK_INT(q->start, 120);
    CHECK_INT(q->end, 141);
    CHECK_INT(q->has_value, 1);
    CHECK_NUM(q->value, 50000);
    CHECK_INT(q->has_max, 1);
    CHECK_NUM(q->max, 50000);
    CHECK_INT(q->has_min, 0);
    CHECK_INT(q->approx, 1);
    CHECK_STR(q->unit, "troops");
    CHECK_STR(q->category, "personnel");
    CHECK_STR(q->rule, "de:qty:mod");
    CHECK_INT(q->sentence, 0);
  }
  q = q_at(d, "Hunderte von Quadratmeilen");
  CHECK(q);
  if (q) {
    CHECK_INT(q->start, 1068);
    CHECK_INT(q->end, 1094);
    CHECK_INT(q->has_value, 0);
    CHECK_NUM(q->min, 517.998); /* 200 sq mi */
    CHECK_NUM(q->max, 2587.398); /* 999 sq mi */
    CHECK_STR(q->unit, "km2");
    CHECK_STR(q->unit_text, "sq mi");
    CHECK_STR(q->category, "area");
    CHECK_STR(q->rule, "de:qty:vague");
  }
  q = q_at(d, "Tausende nordkoreanischer Truppen");
  CHECK(q);
  if (q) {
    CHECK_INT(q->end - q->start, strlen("Tausende nordkoreanischer Truppen"));
    CHECK_INT(q->has_value, 0);
    CHECK_NUM(q->min, 2000);
    CHECK_NUM(q->max, 9999);
    CHECK_STR(q->unit, "troops");
    CHECK_STR(q->category, "personnel");
  }
  q = q_at(d, "über 11.000 nordkoreanische Soldaten");
  CHECK(q);
  if (q) {
    CHECK_INT(q->start, 1896);
    CHECK_NUM(q->value, 11000);
    CHECK_INT(q->has_min, 1);
    CHECK_NUM(q->min, 11000);
    CHECK_INT(q->has_max, 0);
    CHECK_STR(q->unit, "soldiers");
    CHECK_STR(q->category, "personnel");
  }
  q = q_at(d, "145 Drohnen");
  CHECK(q);
  if (q) {
    CHECK_INT(q->start, 3401);
    CHECK_INT(q->end, 3412);
    CHECK_NUM(q->value, 145);
    CHECK_INT(q->approx, 0);
    CHECK_INT(q->has_min + q->has_max, 0);
    CHECK_STR(q->unit, "drones");
    CHECK_STR(q->category, "materiel");
    CHECK_STR(q->rule, "de:qty:num");
  }
  q = q_at(d, "in 24 Stunden");
  CHECK(q);
  if (q) {
    CHECK_INT(q->start, 4150);
    CHECK_INT(q->end, 4163);
    CHECK_NUM(q->value, 24);
    CHECK_STR(q->unit, "hours");
    CHECK_STR(q->category, "duration");
  }
  q = q_at(d, "Zehntausende russische und nordkoreanische Truppen");
  CHECK(q);
  if (q) {
    CHECK_INT(q->start, 4597);
    CHECK_INT(q->end, 4647);
    CHECK_NUM(q->min, 20000);
    CHECK_NUM(q->max, 99999);
    CHECK_STR(q->unit, "troops");
  }
  /* traps of the seed: the year 2024 and "einige" without a counted noun */
  CHECK(t_find(d->tx.text, "2024", 0) >= 0);
  for (size_t i = 0; i < d->quantities.n; i++) {
    CHECK(d->quantities.v[i].start != (uint32_t)t_find(d->tx.text, "2024", 0));
    CHECK(d->quantities.v[i].start != (uint32_t)t_find(d->tx.text, "einige", 0));
  }
}

/* Kursk: the oblast (538555) or the city (538560), as FACTS.md allows. */
static int is_kursk(const char *id) {
  return id && (!strcmp(id, "lb:gn538555") || !strcmp(id, "lb:gn538560") || !strcmp(id, "Q1890"));
}
static const char *claim_verb(const lb_doc *d, const lb_quantity *q) {
  return q->claim >= 0 && (size_t)q->claim < d->claims.n ? d->claims.v[q->claim].verb : NULL;
}

/* whose, where, said by: the FACTS.md columns that need the entity and
** claim stages (issues 4 and 6) */
TEST(qty_seed_of_place_claim) {
  const lb_doc *d = t_seed();
  const lb_quantity *q = q_at(d, "nahezu 50.000 Truppen");
  if (q) {
    CHECK_STR(q->of, "Q159");
    CHECK(is_kursk(q->place));
    CHECK_STR(claim_verb(d, q), "enthüllen");
  }
  q = q_at(d, "Hunderte von Quadratmeilen");
  if (q) {
    CHECK_STR(q->of, "Q212");
    CHECK(is_kursk(q->place));
    CHECK_INT(q->claim, -1);
  }
  q = q_at(d, "Tausende nordkoreanischer Truppen");
  if (q) {
    CHECK_STR(q->of, "Q423");
    CHECK(is_kursk(q->place));
    CHECK_STR(claim_verb(d, q), "bekanntgeben");
  }
  q = q_at(d, "über 11.000 nordkoreanische Soldaten");
  if (q) {
    CHECK_STR(q->of, "Q423");
    CHECK(is_kursk(q->place));
    CHECK_STR(claim_verb(d, q), "berichten");
  }
  q = q_at(d, "145 Drohnen");
  if (q) {
    CHECK_STR(q->of, "Q159"); /* "Moskau" as the government */
    CHECK_STR(q->place, NULL);
    CHECK_INT(q->claim, -1);
  }
  q = q_at(d, "in 24 Stunden");
  if (q) {
    CHECK_STR(q->place, NULL);
    CHECK_STR(claim_verb(d, q), "erklären");
  }
  q = q_at(d, "Zehntausende russische und nordkoreanische Truppen");
  if (q) {
    CHECK_STR(q->of, "Q159"); /* the first of "russische und nordkoreanische" */
    CHECK(is_kursk(q->place));
  }
}

/* Links must point at what exists. */
TEST(qty_seed_links_consistent) {
  const lb_doc *d = t_seed();
  for (size_t i = 0; i < d->quantities.n; i++) {
    const lb_quantity *q = &d->quantities.v[i];
    if (q->of) CHECK(lb_doc_entity_find(d, q->of) >= 0);
    if (q->place) CHECK(lb_doc_entity_find(d, q->place) >= 0);
    if (q->claim >= 0) {
      CHECK((size_t)q->claim < d->claims.n);
      CHECK(d->claims.v[q->claim].start <= q->start && q->end <= d->claims.v[q->claim].end);
    }
  }
}

static void add_mention(lb_doc *d, const char *id, const char *type, int geo, const char *feature,
                        const char *surface, int nth, int role) {
  int32_t k = lb_doc_entity_find(d, id);
  lb_entity *e;
  if (k < 0) {
    e = LB_VEC_PUSH(d->tx.arena, d->entities);
    e->id = id;
    e->type = type;
    e->has_geo = (uint8_t)geo;
    e->geo.feature = feature;
  } else {
    e = &d->entities.v[k];
  }
  lb_mention *m = LB_VEC_PUSH(d->tx.arena, e->mentions);
  long off = t_find(d->tx.text, surface, nth);
  m->start = (uint32_t)off;
  m->end = (uint32_t)(off + (long)strlen(surface));
  m->role = (uint8_t)role;
}

TEST(qty_links_of_place_claim) {
  const char *text =
      "Selenskyj sagte, dass Russland nahezu 50.000 Truppen in der Region Kursk "
      "zusammengezogen hat. Dort stehen über 11.000 nordkoreanische Soldaten.";
  lb_doc *d = t_doc(text, "2024-11-11");
  /* replace whatever the stages found by a known set of entities and a claim */
  d->entities.n = 0;
  d->claims.n = 0;
  d->quantities.n = 0;
  add_mention(d, "Q159", "GPE", 1, "PCLI", "Russland", 0, LB_ROLE_ACTOR);
  add_mention(d, "Q538555", "LOC", 1, "ADM1", "Kursk", 0, LB_ROLE_PLACE);
  add_mention(d, "Q423", "GPE", 1, "PCLI", "nordkoreanische", 0, LB_ROLE_ADJ);
  lb_claim *c = LB_VEC_PUSH(d->tx.arena, d->claims);
  c->start = (uint32_t)t_find(text, "Russland", 0);
  c->end = (uint32_t)t_find(text, "zusammengezogen hat", 0) + 19;
  lb_qty_run(d);
  CHECK_INT(d->quantities.n, 2);
  if (d->quantities.n == 2) {
    CHECK_STR(d->quantities.v[0].of, "Q159");
    CHECK_STR(d->quantities.v[0].place, "Q538555");
    CHECK_INT(d->quantities.v[0].claim, 0);
    CHECK_STR(d->quantities.v[1].of, "Q423");      /* the adjective inside the phrase */
    CHECK_STR(d->quantities.v[1].place, "Q538555"); /* from the sentence before */
    CHECK_INT(d->quantities.v[1].claim, -1);
  }
  lb_doc_free(d);
}

/* ---- the phrase table ---- */

/* "q VALUE MIN MAX UNIT CATEGORY" per quantity, "d FROM TO GRAN" per date. */
static void describe(const lb_doc *d, char *out, size_t cap) {
  size_t n = 0;
  out[0] = 0;
  for (size_t i = 0; i < d->quantities.n && n < cap; i++) {
    const lb_quantity *q = &d->quantities.v[i];
    char v[32] = "-", a[32] = "-", b[32] = "-";
    if (q->has_value) snprintf(v, sizeof v, "%.10g", q->value);
    if (q->has_min) snprintf(a, sizeof a, "%.10g", q->min);
    if (q->has_max) snprintf(b, sizeof b, "%.10g", q->max);
    n += (size_t)snprintf(out + n, cap - n, "%sq %s %s %s %s %s", n ? " | " : "", v, a, b,
                          q->unit ? q->unit : "-", q->category ? q->category : "-");
  }
  for (size_t i = 0; i < d->dates.n && n < cap; i++) {
    const lb_date *t = &d->dates.v[i];
    n += (size_t)snprintf(out + n, cap - n, "%sd %s %s %s%s", n ? " | " : "",
                          t->from ? t->from : "-", t->to ? t->to : "-", t->granularity,
                          t->duration ? " dur" : "");
  }
  if (!n) snprintf(out, cap, "none");
}

/* Each line: LANG <TAB> PUBLISHED <TAB> PHRASE <TAB> EXPECTED <TAB> SOURCE. */
static int run_table(const char *path, int *nphr) {
  char *buf = t_read_file(path, NULL);
  int bad = 0;
  *nphr = 0;
  char *save = NULL;
  int lineno = 0;
  for (char *line = strtok_r(buf, "\n", &save); line; line = strtok_r(NULL, "\n", &save)) {
    lineno++;
    if (line[0] == '#' || !line[0]) continue;
    char *f[5] = {0};
    int k = 0;
    for (char *p = line; k < 5; k++) {
      f[k] = p;
      char *tab = strchr(p, '\t');
      if (!tab) {
        k++;
        break;
      }
      *tab = 0;
      p = tab + 1;
    }
    if (k < 4) {
      printf("  %s:%d: too few fields\n", path, lineno);
      bad++;
      continue;
    }
    lb_doc *d = t_doc_lang(f[2], strcmp(f[1], "-") ? f[1] : NULL, f[0]);
    char got[1024];
    describe(d, got, sizeof got);
    if (getenv("T_PRINT")) printf("%s\t%s\t%s\t%s\t%s\n", f[0], f[1], f[2], got, f[4] ? f[4] : "");
    else if (strcmp(got, f[3])) {
      printf("  %s:%d: \"%s\"\n     got      %s\n     expected %s\n", path, lineno, f[2], got, f[3]);
      bad++;
    }
    (*nphr)++;
    lb_doc_free(d);
  }
  free(buf);
  return bad;
}

TEST(qty_date_phrase_table) {
  int n = 0;
  int bad = run_table("tests/data/qty_phrases.tsv", &n);
  CHECK_INT(bad, 0);
  CHECK(n >= 150);
}

/* lb_num_parse's value without strtod (num.c dec_value): exactly strtod's
** rounding, on the fast path (up to 2^53 as an integer, <= 22 decimals)
** and on the fallback beyond it. */
TEST(num_parse_value_rounds_as_strtod) {
  static const struct {
    const char *s, *clean;
    int german;
  } cases[] = {
      {"0,1", "0.1", 1},
      {"2,3", "2.3", 1},
      {"0,005", "0.005", 1},
      {"1.234.567,891", "1234567.891", 1},
      {"1,234,567.891", "1234567.891", 0},
      {"123.456.789.012.345", "123456789012345", 1},
      {"0,3333333333333333", "0.3333333333333333", 1},           /* 16 decimals */
      {"0,12345678901234567890123", "0.12345678901234567890123", 1}, /* fallback */
      {"9.007.199.254.740,993", "9007199254740.993", 1},       /* m > 2^53: fallback */
      {"900.719.925.474,099", "900719925474.099", 1},          /* just under 2^53 / 10 */
      {"0,0000000000000000000001", "0.0000000000000000000001", 1}, /* 22 decimals */
      {"0,00000000000000000000001", "0.00000000000000000000001", 1}, /* 23: fallback */
  };
  for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
    int st;
    double v = num(cases[k].s, cases[k].german, &st);
    CHECK_INT(st, LB_NUM_OK);
    if (v != strtod(cases[k].clean, NULL)) printf("  case %s: %.17g\n", cases[k].s, v);
    CHECK(v == strtod(cases[k].clean, NULL));
  }
  int st;
  CHECK(num("0,1", 1, &st) == 0.1);
  CHECK(num("1.234.567,891", 1, &st) == 1234567.891);
  CHECK(num("123.456.789.012.345", 1, &st) == 123456789012345.0);
}

/* lb_num_mark: marks come from the token's lexicon entry, memoised per
** entry across documents (num.c mark_all); a repeated word, the same word in
** a later document and an abbreviation looked up without its period all get
** their table's marks. */
TEST(num_mark_per_entry) {
  const char *text = "Am Montag kamen 3 Mio. Menschen, am Montag auch 5000 Soldaten und die Armee.";
  for (int round = 0; round < 2; round++) {
    lb_doc *d = t_doc_lang(text, "2024-11-11", "de");
    unsigned mon[2] = {0, 0}, mio = 0, sold = 0, und = 9999;
    int nmon = 0;
    for (size_t i = 0; i < d->tx.toks.n; i++) {
      const lb_tok *t = &d->tx.toks.v[i];
      if (!t->norm) continue;
      unsigned m = lb_num_mark(d, i);
      if (t->normlen == 6 && !memcmp(t->norm, "montag", 6) && nmon < 2) mon[nmon++] = m;
      if (t->normlen == 4 && !memcmp(t->norm, "mio.", 4)) mio = m;
      if (t->normlen == 8 && !memcmp(t->norm, "soldaten", 8)) sold = m;
      if (t->normlen == 3 && !memcmp(t->norm, "und", 3)) und = m;
    }
    CHECK_INT(nmon, 2);
    CHECK_INT(mon[0], mon[1]);
    CHECK(mon[0] & LB_NUMM_WDAY);
    CHECK(mon[0] & LB_NUMM_DATE);
    CHECK(!(mon[0] & LB_NUMM_QTY));
    CHECK(mio & LB_NUMM_QTY);
    CHECK(sold & LB_NUMM_UNIT);
    CHECK(!(und & (LB_NUMM_QTY | LB_NUMM_DATE | LB_NUMM_UNIT)));
    CHECK_INT(lb_num_mark(d, d->tx.toks.n), 0);
    lb_doc_free(d);
  }
}

/* The numeral table's fields read without strtod (num.c field_num): plain
** digits, missing fields (defaults 0 and -1), and the same values as
** lb_lex_field_num gives. */
TEST(num_word_fields) {
  const lb_lex *lx = lb_engine_lex(t_engine());
  int tab = lb_lex_table(lx, "num");
  CHECK(tab >= 0);
  lb_num_word w;
  CHECK(lb_num_word_get(lx, tab, "zwölf", strlen("zwölf"), &w));
  CHECK_INT(w.kind, LB_NUMK_CARD);
  CHECK(w.value == 12 && w.min == 0 && w.max == -1);
  CHECK(lb_num_word_get(lx, tab, "millionen", 9, &w));
  CHECK_INT(w.kind, LB_NUMK_MULT);
  CHECK(w.value == 1000000 && w.max == -1);
  CHECK(lb_num_word_get(lx, tab, "einige", 6, &w));
  CHECK_INT(w.kind, LB_NUMK_WEAK);
  CHECK(w.value == 0 && w.min == 2 && w.max == 9);
  lb_lex_rec r;
  CHECK(lb_lex_find(lx, tab, "tausende", 8, &r));
  CHECK(lb_num_word_of(&r, &w));
  CHECK(w.min == lb_lex_field_num(&r, 2, 0) && w.max == lb_lex_field_num(&r, 3, -1));
  CHECK(w.min == 2000 && w.max == 9999);
}
