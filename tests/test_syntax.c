/*
** test_syntax.c -- the syntax layer: CoNLL-U in and out, the model file's
** checks, packed features, words from tokens, and parses of real sentences
** by the committed models (heads and relations asserted).
*/
#include <unistd.h>

#include "../src/base/arena.h"
#include "../src/base/buf.h"
#include "../src/syntax/conllu.h"
#include "../src/syntax/model.h"
#include "../src/syntax/syntax.h"
#include "test.h"


static const char MWT[] =
    "# sent_id = train-s2\n"
    "# text = Die Kosten sind auch im Rahmen.\n"
    "1\tDie\tder\tDET\tART\tCase=Nom|Definite=Def|Number=Plur|PronType=Art\t2\tdet\t_\t_\n"
    "2\tKosten\tKosten\tNOUN\tNN\tCase=Nom|Number=Plur\t3\tnsubj\t_\t_\n"
    "3\tsind\tsein\tVERB\tVAFIN\t_\t0\troot\t_\t_\n"
    "4\tauch\tauch\tADV\tADV\t_\t3\tadvmod\t_\t_\n"
    "5-6\tim\t_\t_\t_\t_\t_\t_\t_\t_\n"
    "5\tin\tin\tADP\tAPPR\t_\t7\tcase\t_\t_\n"
    "6\tdem\tder\tDET\tART\tCase=Dat\t7\tdet\t_\t_\n"
    "6.1\tist\tsein\tAUX\t_\t_\t_\t_\t3:cop\t_\n"
    "7\tRahmen\tRahmen\tNOUN\tNN\t_\t3\tobl\t_\tSpaceAfter=No\n"
    "8\t.\t.\tPUNCT\t$.\t_\t3\tpunct\t_\t_\n"
    "\n";

TEST(syntax_conllu_read_write) {
  lb_conllu_reader r;
  lb_conllu_init(&r, "t.conllu", MWT, sizeof MWT - 1);
  lb_arena *a = lb_arena_new();
  lb_conllu_sent s;
  char err[256];
  CHECK_INT(lb_conllu_next(&r, a, &s, err, sizeof err), 1);
  CHECK_INT(s.words.n, 8);
  CHECK_STR(s.sent_id, "train-s2");
  CHECK_STR(s.text, "Die Kosten sind auch im Rahmen.");
  CHECK_INT(s.mwts.n, 1);
  CHECK_INT(s.mwts.v[0].first, 5);
  CHECK_INT(s.mwts.v[0].last, 6);
  CHECK_STR(s.mwts.v[0].form, "im");
  CHECK_STR(s.words.v[5].form, "dem");
  CHECK_INT(s.words.v[6].head, 3);
  CHECK_STR(s.words.v[6].deprel, "obl");
  CHECK_INT(s.raws.n, 1); /* the empty node 6.1, kept after word 6 */
  CHECK_INT(s.raws.v[0].after, 6);
  size_t l;
  CHECK(lb_conllu_feat(s.words.v[0].feats, "Case", &l) && l == 3);
  CHECK(lb_conllu_misc_has(s.words.v[6].misc, "SpaceAfter=No"));
  /* written back byte for byte */
  lb_buf b = LB_BUF_INIT;
  lb_conllu_write(&b, &s);
  CHECK_STR(b.p, MWT);
  CHECK_INT(lb_conllu_next(&r, a, &s, err, sizeof err), 0);
  lb_buf_free(&b);
  lb_arena_free(a);
}

TEST(syntax_conllu_errors) {
  /* a line of two columns, then a good sentence: the first is named by line
  ** and byte offset, the second still read */
  static const char IN[] = "1\tA\n\n1\tB\tb\tX\t_\t_\t0\troot\t_\t_\n\n"
                           "1\tC\tc\tX\t_\t_\t5\troot\t_\t_\n\n";
  lb_conllu_reader r;
  lb_conllu_init(&r, "bad.conllu", IN, sizeof IN - 1);
  lb_arena *a = lb_arena_new();
  lb_conllu_sent s;
  char err[256];
  CHECK_INT(lb_conllu_next(&r, a, &s, err, sizeof err), -1);
  CHECK_STR(err, "bad.conllu: line 1 (byte 0): expected 10 tab-separated columns, found 2");
  CHECK_INT(lb_conllu_next(&r, a, &s, err, sizeof err), 1);
  CHECK_STR(s.words.v[0].form, "B");
  CHECK_INT(lb_conllu_next(&r, a, &s, err, sizeof err), -1);
  CHECK_STR(err, "bad.conllu: line 5: word 1 has head 5 outside the sentence (1 words)");
  CHECK_INT(lb_conllu_next(&r, a, &s, err, sizeof err), 0);
  /* a NUL byte would cut a form: refused (found by fuzz_conllu) */
  static const char NUL[] = "1\tA\0x\ta\tX\t_\t_\t0\troot\t_\t_\n\n";
  lb_conllu_init(&r, "nul.conllu", NUL, sizeof NUL - 1);
  CHECK_INT(lb_conllu_next(&r, a, &s, err, sizeof err), -1);
  CHECK_STR(err, "nul.conllu: line 1 (byte 0): a NUL byte in the line");
  lb_arena_free(a);
}

TEST(syntax_feats_packed) {
  uint64_t f = lb_ufeat_pack("Case=Acc|Definite=Def|Gender=Masc,Neut|Number=Sing|PronType=Art");
  CHECK_INT(lb_ufeat_get(f, LB_UF_CASE), LB_CASE_ACC);
  CHECK_INT(lb_ufeat_get(f, LB_UF_GENDER), LB_GENDER_MASC | LB_GENDER_NEUT);
  CHECK_INT(lb_ufeat_get(f, LB_UF_NUMBER), LB_NUMBER_SING);
  CHECK_INT(lb_ufeat_get(f, LB_UF_PRONTYPE), LB_PRONTYPE_ART);
  CHECK_INT(lb_ufeat_get(f, LB_UF_MOOD), 0);
  f = lb_ufeat_pack("Mood=Sub|Number=Sing|Person=3|Tense=Pres|VerbForm=Fin");
  CHECK_INT(lb_ufeat_get(f, LB_UF_MOOD), LB_MOOD_SUB);
  CHECK_INT(lb_ufeat_get(f, LB_UF_PERSON), 3);
  CHECK_INT(lb_ufeat_get(f, LB_UF_VERBFORM), LB_VERBFORM_FIN);
  CHECK_INT(lb_ufeat_pack("_"), 0);
  CHECK_INT(lb_ufeat_pack("Typo=Yes|Foo=Bar"), 0);
  /* two values of a single-valued attribute (the model writes German "das"
  ** PronType=Dem,Rel): the first; or'ed together they read Neg */
  f = lb_ufeat_pack("Case=Nom|Gender=Neut|Number=Sing|PronType=Dem,Rel");
  CHECK_INT(lb_ufeat_get(f, LB_UF_PRONTYPE), LB_PRONTYPE_DEM);
  CHECK_INT(lb_ufeat_get(f, LB_UF_CASE), LB_CASE_NOM);
}

/* A file of the first n bytes of src, or of other bytes. */
static const char *write_file(const char *name, const void *p, size_t n) {
  const char *path = t_tmp_path(name);
  FILE *f = fopen(path, "wb");
  fwrite(p, 1, n, f);
  fclose(f);
  return path;
}

TEST(syntax_model_refused) {
  size_t n;
  char *m = t_read_file("bin/syntax-de.lbsyn", &n);
  char err[512];
  lb_synm *ok = lb_synm_open("bin/syntax-de.lbsyn", err, sizeof err);
  CHECK(ok != NULL);
  if (ok) CHECK_STR(ok->lang, "de");
  lb_synm_close(ok);
  /* cut short: the header's size no longer matches */
  const char *p = write_file("cut.lbsyn", m, n / 2);
  CHECK(lb_synm_open(p, err, sizeof err) == NULL);
  CHECK(strstr(err, "cut.lbsyn: not a usable syntax model: file size differs from the header") != NULL);
  p = write_file("tiny.lbsyn", m, 10);
  CHECK(lb_synm_open(p, err, sizeof err) == NULL);
  CHECK(strstr(err, "tiny.lbsyn: not a usable syntax model: file too short") != NULL);
  /* another file: the lexicon */
  CHECK(lb_synm_open("bin/lagebild.lex", err, sizeof err) == NULL);
  CHECK(strstr(err, "bin/lagebild.lex: not a usable syntax model: no LBSYN magic") != NULL);
  /* another version */
  memcpy(m + 5, "999", 3);
  p = write_file("v999.lbsyn", m, n);
  CHECK(lb_synm_open(p, err, sizeof err) == NULL);
  CHECK(strstr(err, "another format version") != NULL);
  CHECK(lb_synm_open("build/no-such.lbsyn", err, sizeof err) == NULL);
  CHECK(strstr(err, "build/no-such.lbsyn: cannot open syntax model") != NULL);
  free(m);
}

TEST(syntax_words_contraction) {
  /* "im" is two words, "in" and "dem", both with the token's bytes */
  static const char T[] = "Die Truppen stehen im Gebiet Kursk.";
  lb_doc *d = t_doc_lang(T, NULL, "de");
  const lb_text *tx = &d->tx;
  CHECK_INT(tx->sents.n, 1);
  CHECK_INT(tx->words.n, 8);
  const lb_word *in = &tx->words.v[3], *dem = &tx->words.v[4];
  CHECK(in->formlen == 2 && memcmp(in->form, "in", 2) == 0);
  CHECK(dem->formlen == 3 && memcmp(dem->form, "dem", 3) == 0);
  CHECK_INT(in->start, 19);
  CHECK_INT(in->end, 21);
  CHECK_INT(dem->start, 19);
  CHECK_INT(dem->end, 21);
  CHECK(in->flags & LB_WF_MWT);
  CHECK_INT(in->tok, dem->tok);
  CHECK_INT(tx->sents.v[0].word0, 0);
  CHECK_INT(tx->sents.v[0].word1, 8);
  lb_doc_free(d);
}

TEST(syntax_words_clitics) {
  /* English clitics get their own bytes: "Russia" "'s", "did" "n't" */
  static const char T[] = "Russia's army didn't attack.";
  lb_doc *d = t_doc_lang(T, NULL, "en");
  const lb_text *tx = &d->tx;
  CHECK_INT(tx->words.n, 7);
  const lb_word *w = tx->words.v;
  CHECK(w[0].formlen == 6 && memcmp(w[0].form, "Russia", 6) == 0);
  CHECK_INT(w[1].start, 6);
  CHECK_INT(w[1].end, 8);
  CHECK(w[3].formlen == 3 && memcmp(w[3].form, "did", 3) == 0);
  CHECK(w[4].formlen == 3 && memcmp(w[4].form, "n't", 3) == 0);
  CHECK_INT(w[4].start, 17);
  CHECK_INT(w[4].end, 20);
  CHECK(!(w[4].flags & LB_WF_MWT));
  lb_doc_free(d);
}

TEST(arena_reset_frees_big_blocks) {
  /* a big allocation on a fresh arena is chained behind the first block;
  ** reset must free it (it leaked before: the trainer reached 13 GB, and
  ** LeakSanitizer in the ASan build reports the leak if it comes back) */
  lb_arena *a = lb_arena_new();
  for (int k = 0; k < 100; k++) {
    char *p = lb_arena_alloc(a, 1 << 20);
    p[0] = 1;
    p[(1 << 20) - 1] = 2;
    CHECK_INT(lb_arena_used(a), 1 << 20);
    lb_arena_reset(a);
    CHECK_INT(lb_arena_used(a), 0);
  }
  char *q = lb_arena_alloc(a, 100);
  CHECK(q != NULL);
  lb_arena_free(a);
}

/* A German separable verb whose particle is an adjective or adverb: the
** network made "bekannt" the root with "gaben" (tagged a noun, "Gaben")
** under it; the dictionaries repair tag, head and relation. The
** hyphenated "US-Beamte" is a noun (the subject), not an adjective. */
TEST(syntax_de_separable_adjective_particle) {
  lb_doc *d = t_doc_lang("US-Beamte gaben bekannt, dass Russland angreift. "
                         "Die Polizei nahm am Samstag 20 Demonstranten fest.",
                         NULL, "de");
  const lb_text *tx = &d->tx;
  CHECK_INT(tx->words.n, 18);
  const lb_word *w = tx->words.v;
  CHECK_STR(lb_syntax_upos_name(w[0].upos), "NOUN");
  CHECK_STR(w[0].deprel, "nsubj");
  CHECK_INT(w[0].head, 1);
  CHECK_STR(lb_syntax_upos_name(w[1].upos), "VERB");
  CHECK_STR(w[1].lemma, "geben");
  CHECK_INT(w[1].head, -1);
  CHECK_STR(w[2].deprel, "compound:prt");
  CHECK_STR(w[2].lemma, "bekannt");
  CHECK_INT(w[2].head, 1);
  /* "fest" (word 16) on "nahm" (word 10) */
  CHECK(w[16].formlen == 4 && memcmp(w[16].form, "fest", 4) == 0);
  CHECK_STR(w[16].deprel, "compound:prt");
  CHECK_INT(w[16].head, 10);
  lb_doc_free(d);
}

/* An acronym is a name or noun, never an auxiliary: "des IS" (the network
** tagged it AUX with the lemma "iSen" and made it a copula) */
TEST(syntax_de_acronym_no_verb) {
  lb_doc *d = t_doc_lang("Die USA fliegen Luftangriffe gegen Stellungen des IS.", NULL, "de");
  const lb_text *tx = &d->tx;
  CHECK_INT(tx->words.n, 9);
  const lb_word *w = &tx->words.v[7];
  CHECK(w->formlen == 2 && memcmp(w->form, "IS", 2) == 0);
  const char *u = lb_syntax_upos_name(w->upos);
  CHECK(strcmp(u, "PROPN") == 0 || strcmp(u, "NOUN") == 0);
  CHECK(strcmp(w->deprel, "cop") != 0 && strcmp(w->deprel, "aux") != 0);
  lb_doc_free(d);
}

/* A compound noun the dictionaries do not list gets the lemma of its last
** part: "Raketenangriffen" -> "Raketenangriff" (Angriff) */
TEST(syntax_de_compound_lemma) {
  lb_doc *d = t_doc_lang("Bei Raketenangriffen wurden Zivilisten getötet.", NULL, "de");
  const lb_text *tx = &d->tx;
  CHECK(tx->words.n >= 2);
  if (tx->words.n >= 2) CHECK_STR(tx->words.v[1].lemma, "Raketenangriff");
  lb_doc_free(d);
}

/* English: "IS" in capitals inside a sentence is a name, not "is" (dev
** sentence road_ied_8:13 of tests/eval/en.tsv); its relation is no copula,
** so "attacks" is no clause and "according to" scopes over the sentence */
TEST(syntax_en_acronym_no_verb) {
  lb_doc *d = t_doc_lang("More than two dozen fighters were killed in IS attacks, prompting Russian "
                         "airstrikes, according to the Syrian Observatory for Human Rights.",
                         NULL, "en");
  const lb_text *tx = &d->tx;
  CHECK(tx->words.n > 9);
  const lb_word *w = &tx->words.v[8];
  CHECK(w->formlen == 2 && memcmp(w->form, "IS", 2) == 0);
  CHECK_STR(lb_syntax_upos_name(w->upos), "PROPN");
  CHECK(strcmp(w->deprel, "cop") != 0 && strcmp(w->deprel, "aux") != 0);
  CHECK_INT(w->head, 9); /* attacks */
  CHECK_INT(d->claims.n, 1);
  if (d->claims.n == 1)
    CHECK_STR(t_span(d, d->claims.v[0].start, d->claims.v[0].end),
              "More than two dozen fighters were killed in IS attacks, prompting Russian airstrikes");
  lb_doc_free(d);
}

/* English: an unseen verb form takes the lemma rule that gives a verb the
** table `verb` knows (tools/gen_verbs.js): the classifier's best for
** "conceded" was "conced" and the claim verb was not found (dev passage
** scenario_en_8:5 of tests/eval/en.tsv); "withholding" was "withholde" and
** "noting" "not" (pages of the article-extraction set) */
TEST(syntax_en_known_verb_lemma) {
  lb_doc *d = t_doc_lang("Perez conceded that the country is experiencing a shortage of acetaminophen. "
                         "It said it was withholding the names of those killed, noting the rules.",
                         NULL, "en");
  const lb_text *tx = &d->tx;
  CHECK(tx->words.n > 23);
  if (tx->words.n > 23) {
    CHECK(tx->words.v[1].formlen == 8 && memcmp(tx->words.v[1].form, "conceded", 8) == 0);
    CHECK_STR(tx->words.v[1].lemma, "concede");
    CHECK(tx->words.v[16].formlen == 11 && memcmp(tx->words.v[16].form, "withholding", 11) == 0);
    CHECK_STR(tx->words.v[16].lemma, "withhold");
    CHECK(tx->words.v[23].formlen == 6 && memcmp(tx->words.v[23].form, "noting", 6) == 0);
    CHECK_STR(tx->words.v[23].lemma, "note");
  }
  CHECK(d->claims.n >= 1);
  if (d->claims.n >= 1) {
    CHECK_STR(d->claims.v[0].verb, "concede");
    CHECK_STR(t_span(d, d->claims.v[0].start, d->claims.v[0].end),
              "that the country is experiencing a shortage of acetaminophen");
  }
  lb_doc_free(d);
}
