/*
** test_lang.c -- language identification (src/text/lang.c) on real text.
**
** Samples (tests/data/SOURCE.md names them): the seed article; 10kGNAD
** (DER STANDARD, CC BY-NC-SA 4.0) and GermEval 2014 excerpts; a WikiEvents
** (MIT) news opening; Unicode CLDR territory names (Unicode licence) in
** Russian, Ukrainian and French; and short news sentences in Russian,
** Ukrainian and French written for these tests.
*/
#include <string.h>

#include "../src/doc/doc.h"
#include "../src/text/lang.h"
#include "test.h"

static const char *detect(const char *s) { return lb_lang_detect(s, strlen(s)); }

TEST(lang_seed_is_german) { CHECK_STR(t_seed()->tx.lang, "de"); }

TEST(lang_german_news) {
  /* 10kGNAD test.csv, first article (DER STANDARD) */
  CHECK_STR(detect("Die Gewerkschaft GPA-djp lanciert den \"All-in-Rechner\" und findet, dass "
                   "die Vertragsform auf die Führungsebene beschränkt gehört. Wien – Die "
                   "Gewerkschaft GPA-djp sieht Handlungsbedarf bei sogenannten "
                   "All-in-Verträgen."),
            "de");
  /* GermEval 2014 dev, one short sentence */
  CHECK_STR(detect("Das hätte das Ende bedeutet ."), "de");
  CHECK_STR(detect("Schließlich sei ein All-in-Gehalt oft nur auf den ersten Blick von Vorteil"),
            "de");
}

TEST(lang_english_news) {
  /* WikiEvents dev.jsonl, a document's opening */
  CHECK_STR(detect("British Security Services Questioned About Surveillance Priorities LONDON — "
                   "For the second time in a month Britain’s security services are facing "
                   "awkward questions about their surveillance policies."),
            "en");
  lb_doc *d = t_doc("Russia launched 145 drones at Ukraine overnight, officials said.", NULL);
  CHECK_STR(d->tx.lang, "en");
  lb_doc_free(d);
}

TEST(lang_russian) {
  /* CLDR ru.xml territory names */
  CHECK_STR(detect("Центрально-Африканская Республика, Швейцария, Острова Кука, Колумбия, "
                   "Коста-Рика"),
            "ru");
  /* written for this test */
  CHECK_STR(detect("Министерство обороны России сообщило, что ночью были сбиты 34 "
                   "беспилотника над Курской областью."),
            "ru");
}

TEST(lang_ukrainian) {
  /* CLDR uk.xml territory names */
  CHECK_STR(detect("Центральноафриканська Республіка, Швейцарія, Острови Кука, Колумбія, "
                   "Коста-Рика"),
            "uk");
  /* written for this test */
  CHECK_STR(detect("Повітряні сили України повідомили, що вночі збили 34 дрони над "
                   "Київською областю."),
            "uk");
  /* the letters decide when the n-grams barely can */
  CHECK_STR(detect("Київ і Харків"), "uk");
  CHECK_STR(detect("Объявлена эвакуация"), "ru");
}

TEST(lang_french) {
  /* CLDR fr.xml territory names */
  CHECK_STR(detect("République centrafricaine, Suisse, Côte d’Ivoire, Îles Cook, Colombie, "
                   "Costa Rica"),
            "fr");
  /* written for this test */
  CHECK_STR(detect("Le ministère ukrainien de la Défense a annoncé que des soldats nord-coréens "
                   "se trouvaient dans la région de Koursk."),
            "fr");
}

TEST(lang_empty_and_no_letters) {
  CHECK(detect("") == NULL);
  CHECK(detect("2024 – 11.11. 50.000 (!)") == NULL);
  lb_doc *d = t_doc("", NULL);
  CHECK(d->tx.lang == NULL);
  lb_doc_free(d);
}

TEST(lang_given_is_kept) {
  lb_doc *d = t_doc_lang("Der russische Präsident Wladimir Putin sprach in Moskau.", NULL, "en");
  CHECK_STR(d->tx.lang, "en");
  lb_doc_free(d);
  d = t_doc("Der russische Präsident Wladimir Putin sprach in Moskau.", NULL);
  CHECK_STR(d->tx.lang, "de");
  lb_doc_free(d);
}

TEST(lang_window_is_the_start) {
  /* only the first LB_LANG_WINDOW bytes count: German first, English after */
  char buf[4096];
  size_t n = 0;
  const char *de = "Die Bundesregierung hat am Montag neue Hilfen für die Ukraine beschlossen. ";
  const char *en = "The government approved new aid for Ukraine on Monday. ";
  while (n + strlen(de) < LB_LANG_WINDOW + 100) {
    memcpy(buf + n, de, strlen(de));
    n += strlen(de);
  }
  while (n + strlen(en) < sizeof buf) {
    memcpy(buf + n, en, strlen(en));
    n += strlen(en);
  }
  CHECK_STR(lb_lang_detect(buf, n), "de");
  CHECK_STR(lb_lang_detect(buf + LB_LANG_WINDOW + 100, n - LB_LANG_WINDOW - 100), "en");
}

TEST(lang_model_list) {
  CHECK(lb_lang_count() >= 5);
  CHECK_STR(lb_lang_code(0), "de");
  CHECK_STR(lb_lang_code(1), "en");
  CHECK(lb_lang_code(lb_lang_count()) == NULL);
}

/* The answers the model gave before lang.c's speed-ups (one lookup table of
** slots, weight rows for shared n-grams, ASCII words hashed from a plain
** copy, a word's n-grams from one start looked up only up to the first that
** is no n-gram or prefix of one), on the paths those took: "byť" ends in
** "_byť_", an n-gram of the model whose prefix "_byť" is none; a word of
** more than 40 ASCII letters; ASCII then non-ASCII in one word; texts of a
** letter or two, where ties and single weights decide. */
TEST(lang_fast_paths_keep_answers) {
  CHECK_STR(detect("byť"), "sk");
  CHECK_STR(detect("Chcem byť doma."), "sk");
  CHECK_STR(detect("Nechcem byť sám, chcem byť s tebou."), "cs");
  CHECK_STR(detect("Rindfleischetikettierungsueberwachungsaufgabenuebertragungsgesetz"), "de");
  CHECK_STR(detect("RINDFLEISCHETIKETTIERUNGSUEBERWACHUNGSAUFGABENUEBERTRAGUNGSGESETZ und die"),
            "de");
  CHECK_STR(detect("Straßenbahn"), "de");
  CHECK_STR(detect("Zürich"), "de");
  CHECK_STR(detect("Ölpreis"), "pt");
  CHECK_STR(detect("a"), "hu");
  CHECK_STR(detect("ab"), "et");
  CHECK_STR(detect("x y z"), "pl");
  CHECK_STR(detect("Ik ben"), "nl");
  CHECK_STR(detect("Il presidente della Repubblica ha detto"), "es");
  CHECK_STR(detect("Президент России заявил"), "bg");
  CHECK_STR(detect("Cumhurbaşkanı açıkladı"), "lv");
  CHECK_STR(detect("東京都知事"), "zh");
  CHECK_STR(detect("대통령은 말했다"), "ko");
}
