/*
** test_text.c -- the text layer: sentences, tokens, UTF-8 repair.
** Expected values were read off the seed article by hand
** (../shared/seed/FACTS.md lists the 25 sentence spans).
*/
#include <stdlib.h>
#include <utf8proc.h>

#include "../src/base/json.h"
#include "../src/lex/lexdoc.h"
#include "../src/text/norm.h"
#include "../src/text/tok.h"
#include "test.h"

static const unsigned SEED_SENTS[25][2] = {
    {0, 310},     {311, 567},   {568, 636},   {637, 828},   {829, 1020},
    {1021, 1197}, {1198, 1346}, {1347, 1562}, {1563, 1869}, {1870, 2043},
    {2044, 2242}, {2243, 2298}, {2299, 2500}, {2501, 2756}, {2757, 3038},
    {3039, 3115}, {3116, 3249}, {3250, 3520}, {3521, 3740}, {3741, 3851},
    {3852, 4029}, {4030, 4276}, {4277, 4446}, {4447, 4695}, {4696, 4889}};

TEST(sent_seed_25_spans) {
  const lb_doc *d = t_seed();
  CHECK_INT(d->sents.n, 25);
  for (size_t i = 0; i < 25 && i < d->sents.n; i++) {
    CHECK_INT(d->sents.v[i].start, SEED_SENTS[i][0]);
    CHECK_INT(d->sents.v[i].end, SEED_SENTS[i][1]);
  }
  /* lines 2, 6, 8, 10 are headlines */
  CHECK_INT(d->sents.v[2].headline, 1);
  CHECK_INT(d->sents.v[11].headline, 1);
  CHECK_INT(d->sents.v[1].headline, 0);
  CHECK_INT(d->sents.v[0].headline, 0);
}

/* The token that starts at byte off, or NULL. */
static const lb_tok *tok_at(const lb_doc *d, long off) {
  for (size_t i = 0; i < d->toks.n; i++)
    if (d->toks.v[i].start == (uint32_t)off) return &d->toks.v[i];
  return NULL;
}

static void check_tok(const lb_doc *d, const char *surface, int nth, int kind) {
  long off = t_find(d->text, surface, nth);
  CHECK(off >= 0);
  const lb_tok *t = tok_at(d, off);
  CHECK(t != NULL);
  if (!t) {
    printf("    no token at %ld for \"%s\"\n", off, surface);
    return;
  }
  CHECK_STR(lb_tok_kind_name(t->kind), lb_tok_kind_name(kind));
  CHECK_INT(t->end - t->start, strlen(surface));
}

TEST(tok_seed_numbers_compounds_quotes) {
  const lb_doc *d = t_seed();
  check_tok(d, "50.000", 0, LB_TOK_NUM);
  check_tok(d, "11.000", 0, LB_TOK_NUM);
  check_tok(d, "145", 0, LB_TOK_NUM);
  check_tok(d, "2024", 0, LB_TOK_NUM);
  check_tok(d, "Russland-Nordkorea-Allianz", 0, LB_TOK_WORD);
  check_tok(d, "US-Beamte", 0, LB_TOK_WORD);
  check_tok(d, "Sommer-Gegenoffensive", 0, LB_TOK_WORD);
  check_tok(d, "Trump-Faktor", 0, LB_TOK_WORD);
  check_tok(d, "\xe2\x80\x9e", 0, LB_TOK_QUOTE); /* „Pufferzone“ */
  check_tok(d, "\xe2\x80\x93", 0, LB_TOK_DASH);
  /* exact offsets: "50.000" at 170, the quote „ before Pufferzone at 791 */
  CHECK_INT(t_find(d->text, "50.000", 0), 127);
  const lb_tok *q = tok_at(d, t_find(d->text, "\xe2\x80\x9ePufferzone", 0));
  CHECK(q && (q->flags & LB_TF_OPEN));
  const lb_tok *c = tok_at(d, t_find(d->text, "\xe2\x80\x9c gegen", 0));
  CHECK(c && (c->flags & LB_TF_CLOSE));
  const lb_tok *u = tok_at(d, t_find(d->text, "US-Beamte", 0));
  CHECK(u && (u->flags & LB_TF_HYPH) && (u->flags & LB_TF_CAP));
}

TEST(tok_kinds_table) {
  static const struct {
    const char *text, *surface;
    int kind;
  } cases[] = {
      {"am 11. November 2024", "11.", LB_TOK_ORD},
      {"Das kostet 1,5 Millionen.", "1,5", LB_TOK_NUM},
      {"It grew 3.5 percent.", "3.5", LB_TOK_NUM},
      {"Es waren 1.000.000 Menschen.", "1.000.000", LB_TOK_NUM},
      {"Er kam am 9.11. an.", "9.11.", LB_TOK_DATE},
      {"Gültig ab 15.05.2016 00:06", "15.05.2016", LB_TOK_DATE},
      {"Das ist z. B. gut.", "z. B.", LB_TOK_ABBR},
      {"Er sagte u. a. nichts.", "u. a.", LB_TOK_ABBR},
      {"Dr. Müller kam.", "Dr.", LB_TOK_ABBR},
      {"Haus Nr. 5 brennt.", "Nr.", LB_TOK_ABBR},
      {"Es kostet 2 Mio. Euro.", "Mio.", LB_TOK_ABBR},
      {"Es kostet 2 Mrd. Euro.", "Mrd.", LB_TOK_ABBR},
      {"in St. Petersburg", "St.", LB_TOK_ABBR},
      {"siehe https://example.org/a?b=1.", "https://example.org/a?b=1", LB_TOK_URL},
      {"unter www.allinrechner.at nach", "www.allinrechner.at", LB_TOK_URL},
      {"Mail an info@example.de bitte", "info@example.de", LB_TOK_EMAIL},
      {"»Wir kommen«, sagte er.", "\xc2\xbb", LB_TOK_QUOTE},
      {"um 14.30 Uhr", "14.30", LB_TOK_NUM},
      {"Ergebnis 2:1", "2:1", LB_TOK_NUM},
      {"Ein- und Ausreise", "Ein-", LB_TOK_WORD},
      {"Trump\xe2\x80\x99s plan", "Trump\xe2\x80\x99s", LB_TOK_WORD},
      {"Kyjiw \xe2\x80\x93 die Hauptstadt", "\xe2\x80\x93", LB_TOK_DASH},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    lb_doc *d = t_doc(cases[i].text, NULL);
    long off = t_find(d->text, cases[i].surface, 0);
    const lb_tok *t = tok_at(d, off);
    if (!t || t->kind != cases[i].kind || t->end - t->start != strlen(cases[i].surface)) {
      printf("  case \"%s\": want %s \"%s\", got %s len %d\n", cases[i].text,
             lb_tok_kind_name(cases[i].kind), cases[i].surface,
             t ? lb_tok_kind_name(t->kind) : "none", t ? (int)(t->end - t->start) : -1);
      lb_test_failed++;
    }
    lb_doc_free(d);
  }
}

TEST(sent_no_split_at_abbrev_ordinal_decimal_colon) {
  static const struct {
    const char *text;
    int n;
  } cases[] = {
      {"Am 11. November kam er. Dann ging er.", 2},
      {"Das sind z. B. Äpfel. Und Birnen.", 2},
      {"Der Wert stieg auf 1,5 Prozent. Danach fiel er.", 2},
      {"Der Trump-Faktor: Die Ukraine bereitet sich vor.", 1},
      {"Kiew \xe2\x80\x93 Die Armee meldet Erfolge. Moskau schweigt.", 2},
      {"Schlagzeile ohne Punkt\nDer Text beginnt hier. Und endet.", 3},
      {"Dr. Müller kam. Prof. Schmidt ging.", 2},
      {"\xe2\x80\x9eWir kommen\xe2\x80\x9c, sagte er. Dann ging er.", 2},
      {"Er fragte: \xe2\x80\x9eWarum?\xe2\x80\x9c Niemand antwortete.", 2},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    lb_doc *d = t_doc(cases[i].text, NULL);
    if ((int)d->sents.n != cases[i].n) {
      printf("  \"%s\": %zu sentences, want %d\n", cases[i].text, d->sents.n, cases[i].n);
      lb_test_failed++;
    }
    lb_doc_free(d);
  }
}

TEST(utf8_invalid_bytes_replaced_in_place) {
  const char text[] = "Kursk \xff\xfe liegt in Russland. Stra\xdf"
                      "e";
  lb_doc *d = t_doc(text, NULL);
  CHECK_INT(d->len, strlen(text));
  CHECK_INT((unsigned char)d->text[6], 0x1A);
  CHECK_INT((unsigned char)d->text[7], 0x1A);
  CHECK_INT(d->warnings.n, 2);
  if (d->warnings.n >= 2) {
    CHECK_STR(d->warnings.v[0], "invalid UTF-8 at byte 6 (2 bytes replaced)");
    CHECK_STR(d->warnings.v[1], "invalid UTF-8 at byte 32 (1 byte replaced)");
  }
  /* offsets after the bad bytes still point into the original */
  long off = t_find(text, "Russland", 0);
  int found = 0;
  for (size_t i = 0; i < d->toks.n; i++)
    if (d->toks.v[i].start == (uint32_t)off && d->toks.v[i].end == (uint32_t)off + 8) found = 1;
  CHECK(found);
  lb_doc_free(d);
}

/* The Latin-1 fast path of the key (norm.c fast_key) gives exactly what
** utf8proc's NFC + full case folding gives, for every letter it takes, and
** leaves everything else to utf8proc (Ÿ, µ, a combining umlaut). */
TEST(norm_key_fast_path_equals_utf8proc) {
  for (unsigned cp = 0xC0; cp <= 0xFF; cp++) {
    char in[8];
    snprintf(in, sizeof in, "A%c%cz", (char)(0xC0 | (cp >> 6)), (char)(0x80 | (cp & 0x3F)));
    lb_buf got = LB_BUF_INIT;
    lb_norm_key(&got, in, strlen(in));
    utf8proc_uint8_t *want = NULL;
    utf8proc_map((const utf8proc_uint8_t *)in, (utf8proc_ssize_t)strlen(in), &want,
                 UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD | UTF8PROC_STABLE);
    CHECK_STR(got.p, (const char *)want);
    free(want);
    lb_buf_free(&got);
  }
  const char *cases[][2] = {{"STRAẞE", "strasse"},  {"Straße", "strasse"},
                            {"PRÄSIDENT", "präsident"}, {"Ÿ", "ÿ"},
                            {"µm", "μm"},           {"Pra\xcc\x88sident", "präsident"},
                            {"Kyjiw", "kyjiw"},     {"ÉLYSÉE", "élysée"}};
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    lb_buf got = LB_BUF_INIT;
    lb_norm_key(&got, cases[i][0], strlen(cases[i][0]));
    CHECK_STR(got.p, cases[i][1]);
    lb_buf_free(&got);
  }
}

/* lb_json_num's hand-made decimals (lat/lon, scores) print what the
** shortest round-tripping %g printed before: values from the seed's places
** and a few edges of the fast path (1e-4 and 1e6 are its limits). */
TEST(json_num_shortest_decimals) {
  const struct {
    double v;
    const char *want;
  } cases[] = {{51.73733, "51.73733"}, {36.19389, "36.19389"}, {-0.12574, "-0.12574"},
               {0.1, "0.1"},           {2.5, "2.5"},           {-7.4, "-7.4"},
               {0.0001, "0.0001"},     {0.00005, "5e-05"},     {999999.12345678, "999999.12345678"},
               {1234567.5, "1234567.5"}, {1.0 / 3, "0.3333333333333333"}, {40.0, "40"}};
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    lb_buf b = LB_BUF_INIT;
    lb_json_num(&b, cases[i].v);
    lb_buf_addc(&b, 0);
    CHECK_STR(b.p, cases[i].want);
    lb_buf_free(&b);
  }
}

/* Which words the entity stage skips (and the memo looks up only when a
** later stage asks): lower-case words without "sch". Seed tokens. */
TEST(lexdoc_plain_lower_seed_words) {
  const lb_doc *d = t_seed();
  const struct {
    long off;
    int want;
  } cases[] = {{0, 0}, {9, 1}, {62, 0}, {1038, 0}, {1046, 1}, {1068, 0}};
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    const lb_tok *t = tok_at(d, cases[i].off);
    CHECK(t != NULL);
    if (t) CHECK_INT(lb_lexdoc_plain_lower(t), cases[i].want);
  }
}
