/*
** test_date.c -- dates (src/extract/date.c). Seed values are the Dates rows
** of ../shared/seed/FACTS.md, read against published 2024-11-11 (a Monday).
** More phrases (German and English, from real text) are in
** tests/data/qty_phrases.tsv, run by test_qty.c.
*/
#include "../src/extract/date.h"
#include "test.h"

static const lb_date *d_at(const lb_doc *d, const char *text, int nth) {
  long off = t_find(d->tx.text, text, nth);
  for (size_t i = 0; i < d->dates.n; i++)
    if ((long)d->dates.v[i].start == off) return &d->dates.v[i];
  printf("  no date at %ld \"%s\"\n", off, text);
  return NULL;
}

TEST(date_seed_facts) {
  const lb_doc *d = t_seed();
  CHECK_INT(d->dates.n, 6);
  const lb_date *t = d_at(d, "Seit August", 0);
  CHECK(t);
  if (t) {
    CHECK_INT(t->start, 637);
    CHECK_INT(t->end, 648);
    CHECK_STR(t->from, "2024-08");
    CHECK_STR(t->to, NULL);
    CHECK_STR(t->granularity, "month");
    CHECK_STR(t->rule, "de:date:seit-month");
    CHECK_INT(t->sentence, 3);
  }
  t = d_at(d, "seit dem Zweiten Weltkrieg", 0);
  CHECK(t);
  if (t) {
    CHECK_INT(t->start, 801);
    CHECK_INT(t->end, 827);
    CHECK_STR(t->from, "1939");
    CHECK_STR(t->to, "1945");
    CHECK_STR(t->granularity, "period");
    CHECK_STR(t->rule, "de:date:period");
  }
  t = d_at(d, "seit Monaten", 0);
  CHECK(t);
  if (t) {
    CHECK_INT(t->start, 1155);
    CHECK_INT(t->end, 1167);
    CHECK_STR(t->from, NULL);
    CHECK_STR(t->to, "2024-11-11"); /* a span ending now */
    CHECK_STR(t->rule, "de:date:seit-vague");
  }
  t = d_at(d, "Am Wochenende", 0);
  CHECK(t);
  if (t) {
    CHECK_INT(t->start, 3250);
    CHECK_INT(t->end, 3263);
    CHECK_STR(t->from, "2024-11-09");
    CHECK_STR(t->to, "2024-11-10");
    CHECK_STR(t->granularity, "day");
    CHECK_STR(t->rule, "de:date:weekend");
  }
  t = d_at(d, "2024", 0); /* "US-Wahlen 2024" */
  CHECK(t);
  if (t) {
    CHECK_INT(t->start, 3843);
    CHECK_INT(t->end, 3847);
    CHECK_STR(t->from, "2024");
    CHECK_STR(t->granularity, "year");
    CHECK_STR(t->rule, "de:date:year");
  }
  t = d_at(d, "in 24 Stunden", 0); /* a duration, no point in time */
  CHECK(t);
  if (t) {
    CHECK_INT(t->start, 4150);
    CHECK_INT(t->end, 4163);
    CHECK_INT(t->duration, 1);
    CHECK_STR(t->from, NULL);
    CHECK_STR(t->rule, "de:date:duration");
  }
}

TEST(date_in_span_helper) {
  const lb_doc *d = t_seed();
  /* sentence 13 holds "Am Wochenende" */
  const lb_date *t = lb_date_in_span(d, 3250, 3520);
  CHECK(t);
  if (t) CHECK_STR(t->from, "2024-11-09");
  /* the sentence with "in 24 Stunden" has only the duration: none */
  CHECK(lb_date_in_span(d, 4030, 4276) == NULL);
  CHECK(lb_date_in_span(d, 0, 310) == NULL);
}

TEST(date_civil_roundtrip) {
  CHECK_INT(lb_date_days(1970, 1, 1), 0);
  CHECK_INT(lb_date_days(2024, 11, 11), 20038);
  int y, m, dd;
  lb_date_civil(lb_date_days(2024, 2, 29) + 1, &y, &m, &dd);
  CHECK_INT(y * 10000 + m * 100 + dd, 20240301);
  lb_date_civil(lb_date_days(1900, 3, 1) - 1, &y, &m, &dd);
  CHECK_INT(y * 10000 + m * 100 + dd, 19000228);
  for (long z = -800000; z < 800000; z += 997) {
    lb_date_civil(z, &y, &m, &dd);
    CHECK_INT(lb_date_days(y, m, dd), z);
  }
}

TEST(date_relative_needs_publication) {
  lb_doc *d = t_doc("Gestern und am Wochenende griffen 145 Drohnen an. Seit August halten sie "
                    "das Gebiet, das sie am 11. November 2024 erreichten.",
                    NULL);
  CHECK_INT(d->dates.n, 4);
  for (size_t i = 0; i < 3 && i < d->dates.n; i++) {
    CHECK_INT(d->dates.v[i].unresolved, 1);
    CHECK_STR(d->dates.v[i].from, NULL);
  }
  if (d->dates.n == 4) {
    CHECK_INT(d->dates.v[3].unresolved, 0); /* absolute */
    CHECK_STR(d->dates.v[3].from, "2024-11-11");
  }
  int said = 0;
  for (size_t i = 0; i < d->tx.warnings.n; i++)
    if (strstr(d->tx.warnings.v[i], "3 relative dates left unresolved")) said = 1;
  CHECK(said);
  lb_doc_free(d);
}

TEST(date_weekdays_and_years) {
  /* published on a Thursday */
  lb_doc *d = t_doc("Am Sonntag und am Donnerstag, in der Nacht zum Dienstag und vom 9. bis "
                    "10. November 2023, zwischen 1998 bis 2000, bis 2026.",
                    "2024-11-14");
  CHECK_INT(d->dates.n, 6);
  if (d->dates.n == 6) {
    CHECK_STR(d->dates.v[0].from, "2024-11-10");
    CHECK_STR(d->dates.v[1].from, "2024-11-14");
    CHECK_STR(d->dates.v[2].from, "2024-11-11");
    CHECK_STR(d->dates.v[2].to, "2024-11-12");
    CHECK_STR(d->dates.v[3].from, "2023-11-09");
    CHECK_STR(d->dates.v[3].to, "2023-11-10");
    CHECK_STR(d->dates.v[3].rule, "de:date:day-range");
    CHECK_STR(d->dates.v[4].from, "1998");
    CHECK_STR(d->dates.v[4].to, "2000");
    CHECK_STR(d->dates.v[5].from, NULL);
    CHECK_STR(d->dates.v[5].to, "2026");
  }
  lb_doc_free(d);
}

/* The warning of the document that contains needle, or NULL. */
static const char *warning_with(const lb_doc *d, const char *needle) {
  for (size_t i = 0; i < d->tx.warnings.n; i++)
    if (strstr(d->tx.warnings.v[i], needle)) return d->tx.warnings.v[i];
  return NULL;
}

/* Issue 22: an impossible day is no date, with a warning; it was moved to
** the month's end ("31.02.2024" became 2024-02-29). Leap years: 2024 and
** 2000 have a 29th of February, 2023 and 2100 do not. */
TEST(date_impossible_day_is_no_date) {
  lb_doc *d = t_doc("Am 31.02.2024 griffen Truppen an. Am 29.02.2023 auch. Am 29.02.2024 "
                    "und am 29.02.2000 wieder, nicht am 29.02.2100.",
                    "2024-11-11");
  CHECK_INT(d->dates.n, 2);
  const lb_date *t = d_at(d, "Am 29.02.2024", 0);
  if (t) CHECK_STR(t->from, "2024-02-29");
  t = d_at(d, "am 29.02.2000", 0);
  if (t) CHECK_STR(t->from, "2000-02-29");
  CHECK_STR(warning_with(d, "31.02"), "no date: \"Am 31.02.2024\" at byte 0: 2024-02 has 29 days");
  CHECK_STR(warning_with(d, "29.02.2023"),
            "no date: \"Am 29.02.2023\" at byte 34: 2023-02 has 28 days");
  CHECK_STR(warning_with(d, "2100"), "no date: \"am 29.02.2100\" at byte 100: 2100-02 has 28 days");
  lb_doc_free(d);
  /* month names, a range, English; no year: the publication's year, or
  ** with none, any year (a 30th of February never is) */
  d = t_doc("Am 31. April und vom 30. bis 31. Juni 2024, am 30.02., on February 30, 2024.",
            "2024-11-11");
  CHECK_INT(d->dates.n, 0);
  CHECK_INT(d->tx.warnings.n, 4);
  CHECK_STR(warning_with(d, "April"), "no date: \"Am 31. April\" at byte 0: 2024-04 has 30 days");
  CHECK_STR(warning_with(d, "Juni"),
            "no date: \"vom 30. bis 31. Juni 2024\" at byte 17: 2024-06 has 30 days");
  lb_doc_free(d);
  d = t_doc("Am 30.02. griffen Truppen an, am 29.02. auch.", NULL);
  CHECK_INT(d->dates.n, 1); /* the 29th: unresolved, some year has it */
  if (d->dates.n == 1) CHECK_INT(d->dates.v[0].unresolved, 1);
  CHECK_STR(warning_with(d, "30.02"),
            "no date: \"Am 30.02.\" at byte 0: month 02 has at most 29 days");
  lb_doc_free(d);
}

/* Issue 22: a publication date that is no day is refused with a warning;
** relative dates stay unresolved (it was taken as given). */
TEST(date_published_impossible_refused) {
  lb_doc *d = t_doc("Gestern griffen Truppen an.", "2024-02-30");
  CHECK_INT(d->pub_y, 0);
  CHECK_STR(d->published, "2024-02-30");
  CHECK_STR(
      warning_with(d, "published"),
      "published date \"2024-02-30\" is no day of the calendar; relative dates stay unresolved");
  CHECK_INT(d->dates.n, 1);
  if (d->dates.n == 1) CHECK_INT(d->dates.v[0].unresolved, 1);
  lb_doc_free(d);
  d = t_doc("Gestern griffen Truppen an.", "2024-02-29T08:00Z");
  CHECK_INT(d->pub_d, 29);
  CHECK_STR(d->published, "2024-02-29");
  CHECK_INT(d->tx.warnings.n, 0);
  if (d->dates.n == 1) CHECK_STR(d->dates.v[0].from, "2024-02-28");
  lb_doc_free(d);
  int y, m, dd;
  CHECK_INT(lb_date_iso("2023-02-29", &y, &m, &dd), -1);
  CHECK_INT(lb_date_iso("2100-02-29", &y, &m, &dd), -1);
  CHECK_INT(lb_date_iso("2000-02-29", &y, &m, &dd), 1);
  CHECK_INT(lb_date_iso("2024-04-31", &y, &m, &dd), -1);
  CHECK_INT(lb_date_iso("2024-4-30", &y, &m, &dd), 0);
  CHECK_INT(lb_date_iso("2024-00-10", &y, &m, &dd), 0);
}
