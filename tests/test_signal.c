/*
** test_signal.c -- signals about the text (src/extract/signal.c). Seed
** values are the machine-translation rows of ../shared/seed/FACTS.md.
*/
#include "test.h"

static const lb_signal *s_find(const lb_doc *d, const char *kind, long start) {
  for (size_t i = 0; i < d->signals.n; i++)
    if (!strcmp(d->signals.v[i].kind, kind) && (long)d->signals.v[i].start == start)
      return &d->signals.v[i];
  printf("  no signal %s at %ld\n", kind, start);
  return NULL;
}

TEST(signal_seed_facts) {
  const lb_doc *d = t_seed();
  CHECK_INT(d->signals.n, 4);
  const lb_signal *s = s_find(d, "imperial_unit", 1081);
  CHECK(s);
  if (s) {
    CHECK_INT(s->end, 1094);
    CHECK_STR(s->detail, "Quadratmeilen");
    CHECK_STR(s->rule, "de:sig:imperial-unit");
  }
  s = s_find(d, "title_case_heading", 568);
  CHECK(s);
  if (s) {
    CHECK_INT(s->end, 636);
    CHECK_STR(s->detail, "Die Ukraine Hält Die Linie Gegen Russlands Massive Truppenverlegung");
  }
  s = s_find(d, "mixed_spelling", 1870); /* "Zelensky" after "Selenskyj" */
  CHECK(s);
  if (s) {
    CHECK_INT(s->end, 1878);
    CHECK_STR(s->detail, "Selenskyj/Zelensky");
  }
  s = s_find(d, "mixed_spelling", 3904); /* "Kiew" after "Kyjiws" */
  CHECK(s);
  if (s) {
    CHECK_INT(s->end, 3908);
    CHECK_STR(s->detail, "Kyjiw/Kiew");
  }
  /* signals come in text order */
  for (size_t i = 1; i < d->signals.n; i++) CHECK(d->signals.v[i - 1].start <= d->signals.v[i].start);
  /* the other headings are German case: no signal */
  for (size_t i = 0; i < d->signals.n; i++) CHECK(d->signals.v[i].start != 2243);
}

TEST(signal_more_kinds) {
  const char *text =
      "Die Armee meldete 1.5 Millionen Schuss \xe2\x80\x9e" "Munition\xe2\x80\x9c.\n"
      "Am Montag kam es zu Angriffen, die Soldaten rückten 30 Meilen vor. Sie sagten, es "
      "sei \xe2\x80\x9c" "ein Erfolg\xe2\x80\x9d" " gewesen.\n"
      "Am Montag kam es zu Angriffen, die Soldaten rückten 30 Meilen vor.\n";
  lb_doc *d = t_doc_lang(text, "2024-11-11", "de");
  long off = t_find(text, "1.5", 0);
  const lb_signal *s = s_find(d, "english_number_format", off);
  CHECK(s);
  if (s) CHECK_STR(s->detail, "1.5");
  s = s_find(d, "imperial_unit", t_find(text, "Meilen", 0));
  CHECK(s);
  s = s_find(d, "english_quotes", t_find(text, "\xe2\x80\x9c", 1)); /* the opening one */
  CHECK(s);
  s = s_find(d, "duplicate_sentence", t_find(text, "Am Montag kam", 1));
  CHECK(s);
  lb_doc_free(d);
  /* English text: no German-prose signals */
  d = t_doc_lang("The front moved 30 miles west on November 11, 2024.", "2024-11-11", "en");
  CHECK_INT(d->signals.n, 0);
  lb_doc_free(d);
  d = t_doc_lang("Die Front rückte am November 11, 2024 vor.", "2024-11-11", "de");
  CHECK(s_find(d, "english_date_format", t_find(d->text, "am November 11, 2024", 0)) != NULL);
  lb_doc_free(d);
}
