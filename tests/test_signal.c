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
  CHECK(s_find(d, "english_date_format", t_find(d->tx.text, "am November 11, 2024", 0)) != NULL);
  lb_doc_free(d);
}

static size_t n_kind(const lb_doc *d, const char *kind) {
  size_t n = 0;
  for (size_t i = 0; i < d->signals.n; i++) n += !strcmp(d->signals.v[i].kind, kind);
  return n;
}

TEST(signal_duplicates_hash_words) {
  /* sentences are hashed by length and three 8-byte samples: the same
  ** length, start and end with another word inside is no duplicate; a
  ** repeat of any length is one, and names the first occurrence */
  const char *text =
      "Die Truppen rückten am Montag weiter nach Westen vor und hielten dort. "
      "Die Truppen rückten am Montag weiter nach Norden vor und hielten dort. "
      "Die Soldaten meldeten am Abend drei neue Angriffe auf die Stadt im Osten. "
      "Die Truppen rückten am Montag weiter nach Westen vor und hielten dort.";
  lb_doc *d = t_doc_lang(text, "2024-11-11", "de");
  CHECK_INT(n_kind(d, "duplicate_sentence"), 1);
  const lb_signal *s = s_find(d, "duplicate_sentence", t_find(text, "Die Truppen rückten", 2));
  CHECK(s);
  if (s) CHECK_STR(s->detail, "same as the sentence at byte 0");
  lb_doc_free(d);
  /* lengths 0..7 mod 8 of the repeated sentence */
  const char *tail[] = {"", "x", "xy", "xyz", "xyzw", "xyzwv", "xyzwvu", "xyzwvut"};
  for (int k = 0; k < 8; k++) {
    char buf[512];
    snprintf(buf, sizeof buf,
             "Die Armee meldete heute neue schwere Kämpfe im Osten %s. Es regnet. "
             "Die Armee meldete heute neue schwere Kämpfe im Osten %s.",
             tail[k], tail[k]);
    d = t_doc_lang(buf, "2024-11-11", "de");
    CHECK_INT(n_kind(d, "duplicate_sentence"), 1);
    lb_doc_free(d);
  }
}

TEST(signal_imperial_unit_any_position) {
  /* the unit marks are read four tokens at a time: the word is found at
  ** every position modulo 4 */
  const char *pre[] = {"", "Heute ", "Heute sehr ", "Heute sehr weit ", "Heute sehr weit und "};
  for (int k = 0; k < 5; k++) {
    char buf[256];
    snprintf(buf, sizeof buf, "%sMeilen vor der Stadt.", pre[k]);
    lb_doc *d = t_doc_lang(buf, "2024-11-11", "de");
    const lb_signal *s = s_find(d, "imperial_unit", (long)strlen(pre[k]));
    CHECK(s);
    if (s) CHECK_STR(s->detail, "Meilen");
    CHECK_INT(n_kind(d, "imperial_unit"), 1);
    lb_doc_free(d);
  }
}
