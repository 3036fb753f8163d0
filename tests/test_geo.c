/*
** test_geo.c -- geocoding precision (issue 20): which words are places,
** which place a name stands for, and the codes a place carries.
**
** The sentences are from 10kGNAD (DER STANDARD, CC BY-NC-SA 4.0, tests only;
** tests/data/SOURCE.md), where each of these words was once geocoded: "Was"
** as Wa (Ghana), "Weil" as Weil am Rhein, "Norden" and "Lage" as German
** towns, "Mitte" as Berlin-Mitte, "Sebastian" (Kurz) as Sebastian (Florida),
** "Paris" as Paris (Texas), "Matura" as Mathura, "Dazu" as a town in China,
** "Ban" (Ki Moon) as Baní. Offsets are UTF-8 bytes.
*/
#include "../src/extract/geo.h"
#include "test.h"

/* The entity with a place (geo) that has a mention starting at byte
** `start`, or NULL. */
static const lb_entity *place_at(const lb_doc *d, unsigned start) {
  for (size_t i = 0; i < d->entities.n; i++) {
    const lb_entity *e = &d->entities.v[i];
    if (!e->has_geo) continue;
    for (size_t k = 0; k < e->mentions.n; k++)
      if (e->mentions.v[k].start == start) return e;
  }
  return NULL;
}

/* Byte offset of the first occurrence of word in text. */
static unsigned at(const char *text, const char *word) {
  const char *p = strstr(text, word);
  return p ? (unsigned)(p - text) : 0;
}

/* No place at the first occurrence of word. */
static void no_place(const char *text, const char *word) {
  lb_doc *d = t_doc_lang(text, "2016-01-01", "de");
  const lb_entity *e = place_at(d, at(text, word));
  if (e) {
    printf("  \"%s\" was geocoded as %s (%s)\n", word, e->name, e->geo.cc);
    lb_test_failed++;
  }
  lb_doc_free(d);
}

TEST(geo_common_words_are_no_places) {
  no_place("Was heißt es also, wenn ein Asylwerber aus Syrien oder dem Irak angibt, die Matura "
           "gemacht zu haben? Die Datenlage ist dünn.", "Was");
  no_place("Was heißt es also, wenn ein Asylwerber aus Syrien oder dem Irak angibt, die Matura "
           "gemacht zu haben? Die Datenlage ist dünn.", "Matura");
  no_place("Bei der Matura kriegt jeder seine eigene Note, da ist der Gemeinschaftserfolg egal.",
           "Matura");
  no_place("Kabul – Nach einem Hubschrauber-Absturz im Norden Afghanistans haben "
           "Sicherheitskräfte am Mittwoch versucht, 18 Geiseln zu befreien.", "Norden");
  no_place("Die Flüchtlinge wurden nicht mehr nach Norden durchgelassen, hieß es in den "
           "Hauptstädten.", "Norden");
  no_place("Als der Krieg ausbrach, wurde die Lage in Aleppo unerträglich.", "Lage");
  no_place("Wer das bisher nicht getan hat, könnte für den Zeitraum ab Mitte 2014 bis zu 52 "
           "Prozent nachzahlen.", "Mitte");
  no_place("Dazu komme, dass viele in Außenminister Sebastian Kurz den Spitzenkandidaten für die "
           "nächste Nationalratswahl sehen.", "Dazu");
  no_place("Dazu komme, dass viele in Außenminister Sebastian Kurz den Spitzenkandidaten für die "
           "nächste Nationalratswahl sehen.", "Sebastian");
  no_place("Ein Wechsel an der Spitze komme nicht infrage, weil fast alle sich einig sind. Weil "
           "die Wahl naht, schweigt die Partei.", "Weil");
  no_place("Aleppo – UNO-Generalsekretär Ban Ki Moon hat den Angriff auf ein Krankenhaus in der "
           "syrischen Stadt Aleppo scharf verurteilt.", "Ban");
  no_place("Sebastian Rode, der erstmals in dieser Saison in der Startelf stand, machte nur eine "
           "Minute später alles klar.", "Sebastian");
  no_place("Diese Messunschärfen ließen die Konsumentenschützer einige Male ratlos zurück.",
           "Male");
  /* the genitive of an alternate name made Baní a country of the document,
  ** and then every "Ban" a place in it */
  static const char ban[] =
      "Ban \"beunruhigt\" über wachsende Fremdenfeindlichkeit in Österreich. Wien – "
      "UN-Generalsekretär Ban Ki-moon hat vor der restriktiven Flüchtlingspolitik in Europa "
      "gewarnt. Flüchtlinge seien nach dem Völkerrecht zu schützen, so Ban am Donnerstag. Ban "
      "lobte die Anstrengungen der Bevölkerung. Der Rede Bans lauschten auch die "
      "Präsidentschaftskandidaten.";
  no_place(ban, "Ban");
  no_place(ban, "Ban lobte");
  no_place(ban, "Bans");
}

TEST(geo_places_kept) {
  /* the same words where they are places, and small towns of the
  ** document's countries */
  static const char t1[] =
      "Aleppo – UNO-Generalsekretär Ban Ki Moon hat den Angriff auf ein Krankenhaus in der "
      "syrischen Stadt Aleppo scharf verurteilt.";
  lb_doc *d = t_doc_lang(t1, "2016-01-01", "de");
  const lb_entity *e = place_at(d, 0);
  CHECK(e && e->geo.geonameid == 170063); /* Aleppo, the dateline */
  e = place_at(d, at(t1, "Stadt Aleppo") + 6);
  CHECK(e && e->geo.geonameid == 170063);
  lb_doc_free(d);
  /* a dateline is a place, not the government of the country ("Wien –") */
  static const char t2[] =
      "Österreichs Wirtschaft wächst. Wien – Österreichs Wirtschaft ist zu Jahresbeginn stärker "
      "gewachsen.";
  d = t_doc_lang(t2, "2016-01-01", "de");
  unsigned w = at(t2, "Wien");
  e = place_at(d, w);
  CHECK(e && e->geo.geonameid == 2761369 && strcmp(e->geo.feature, "PPLC") == 0);
  int32_t au = lb_doc_entity_find(d, "Q40");
  int gov = 0;
  for (size_t k = 0; au >= 0 && k < d->entities.v[au].mentions.n; k++)
    gov |= d->entities.v[au].mentions.v[k].start == w;
  CHECK_INT(gov, 0);
  lb_doc_free(d);
}

TEST(geo_paris_is_in_france) {
  /* the United States are named, Paris is still the capital of France */
  static const char t[] =
      "Die USA und Russland verhandeln weiter. Nach den Anschlägen in Paris im vergangenen "
      "Monat herrscht auch im Iran die Sorge vor Angriffen.";
  lb_doc *d = t_doc_lang(t, "2016-01-01", "de");
  const lb_entity *e = place_at(d, at(t, "Paris"));
  CHECK(e != NULL);
  if (e) {
    CHECK_INT(e->geo.geonameid, 2988507);
    CHECK_STR(e->geo.cc, "FR");
    CHECK_STR(e->geo.fips, "FR");
  }
  lb_doc_free(d);
}

TEST(geo_fips_and_adm1) {
  /* the seed: Kursk Oblast and the city of Kursk in FIPS RS, ADM1 RS41;
  ** Russia RS without ADM1; Kyiv UP12 */
  const lb_doc *d = t_seed();
  static const struct {
    const char *id, *fips, *adm1;
  } W[] = {{"lb:gn538555", "RS", "RS41"},
           {"lb:gn538560", "RS", "RS41"},
           {"Q159", "RS", NULL},
           {"Q1899", "UP", "UP12"},
           {"Q649", "RS", "RS48"}};
  for (size_t i = 0; i < sizeof W / sizeof *W; i++) {
    int32_t k = lb_doc_entity_find(d, W[i].id);
    CHECK(k >= 0);
    if (k < 0) continue;
    const lb_entity *e = &d->entities.v[k];
    CHECK(e->has_geo);
    CHECK_STR(e->geo.fips, W[i].fips);
    CHECK_STR(e->geo.adm1, W[i].adm1);
  }
  /* Austria is AU in FIPS (AT is Ashmore and Cartier Islands) */
  lb_doc *a = t_doc_lang("Der Zug fuhr nach Graz in Österreich.", "2016-01-01", "de");
  int32_t k = lb_doc_entity_find(a, "Q40");
  CHECK(k >= 0 && a->entities.v[k].has_geo && strcmp(a->entities.v[k].geo.fips, "AU") == 0);
  lb_doc_free(a);
}
