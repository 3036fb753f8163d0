/*
** cmd_parse.c -- `lagebild parse`: documents in, CoNLL-U out; or a
** CoNLL-U file in, its words kept and its analysis filled in.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../base/arena.h"
#include "../base/buf.h"
#include "../picture/pipeline.h"
#include "../syntax/conllu.h"
#include "../syntax/syntax.h"
#include "cli.h"

static const char HELP_HEAD[] =
    "usage: lagebild parse [OPTIONS] [FILE...]\n"
    "       lagebild parse --conllu FILE [--lang CODE]\n"
    "\n"
    "Print each document's syntactic words as CoNLL-U: part of speech (UPOS),\n"
    "features, lemma, head and relation (Universal Dependencies), one block per\n"
    "sentence with \"# doc_id\", \"# sent_id\" and \"# text\", byte offsets into the\n"
    "document in MISC (TokenRange=START:END). Documents are read as by extract\n"
    "(plain text, JSON Lines, stdin). With --conllu, the words of a CoNLL-U file\n"
    "are kept exactly (ids, forms, comments, multiword lines) and UPOS, FEATS,\n"
    "LEMMA, HEAD and DEPREL filled in, the way parsers are compared.\n"
    "\n"
    "options:\n"
    "  --conllu FILE        analyse the words of FILE (\"-\" for stdin); with it,\n"
    "                       only --lang and --lexicon apply\n"
    "                         lagebild parse --conllu de_gsd-ud-dev.conllu > out.conllu\n";
static const char HELP_TAIL[] =
    "  --lexicon FILE       the compiled lexicon (default: lagebild.lex beside the\n"
    "                       binary, or $LAGEBILD_LEXICON); the syntax models are\n"
    "                       found beside it (syntax-de.lbsyn, syntax-en.lbsyn)\n"
    "                         lagebild parse --lexicon bin/lagebild.lex a.txt\n"
    "  --threads N          worker threads (default: all cores)\n"
    "                         lagebild parse --threads 1 big.jsonl\n"
    "  -o FILE              write to FILE instead of stdout\n"
    "                         lagebild parse -o out.conllu in.jsonl\n"
    "\n"
    "exit status: 0 all read; 1 error (no model for the language, a file could\n"
    "not be opened); 2 bad usage; 3 some documents or sentences were skipped\n"
    "(each is named on stderr with file, line and byte offset).\n";

static int read_all(const char *path, lb_buf *b) {
  FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
  if (!f) return -1;
  char tmp[65536];
  size_t n;
  while ((n = fread(tmp, 1, sizeof tmp, f)) > 0) lb_buf_add(b, tmp, n);
  int err = ferror(f);
  if (f != stdin) fclose(f);
  return err ? -1 : 0;
}

static int parse_conllu(const char *path, const char *lang, const char *lexicon) {
  lb_buf in = LB_BUF_INIT, out = LB_BUF_INIT;
  if (read_all(path, &in) != 0) {
    perror(path);
    lb_buf_free(&in);
    return LB_EXIT_ERR;
  }
  char err[512];
  lb_engine *e = lb_engine_new(lexicon, err, sizeof err);
  if (!e) {
    fprintf(stderr, "lagebild parse: %s\n", err);
    lb_buf_free(&in);
    return LB_EXIT_ERR;
  }
  lb_arena *a = lb_arena_new();
  lb_conllu_reader r;
  lb_conllu_sent s;
  if (!lang) {
    /* the language of the first sentences' words */
    lb_buf text = LB_BUF_INIT;
    lb_conllu_init(&r, path, in.p ? in.p : "", in.n);
    for (int k = 0; k < 50; k++) {
      int rc = lb_conllu_next(&r, a, &s, err, sizeof err);
      if (rc == 0) break;
      if (rc < 0) continue;
      for (size_t i = 0; i < s.words.n; i++) {
        lb_buf_adds(&text, s.words.v[i].form);
        lb_buf_addc(&text, ' ');
      }
      lb_buf_addc(&text, '\n');
    }
    lang = lb_syntax_lang_of(text.p ? text.p : "", text.n);
    lb_buf_free(&text);
    lb_arena_reset(a);
  }
  const lb_synm *m = lang ? lb_syntax_model(lb_engine_syntax(e), lang) : NULL;
  if (!m) {
    fprintf(stderr, "lagebild parse: %s: no syntax model for language %s (use --lang de or en)\n",
            path, lang ? lang : "(not identified)");
    lb_arena_free(a);
    lb_engine_free(e);
    lb_buf_free(&in);
    return LB_EXIT_ERR;
  }
  lb_conllu_init(&r, path, in.p ? in.p : "", in.n);
  long skipped = 0;
  int werr = 0;
  /* sentences in batches of PARSE_BATCH (lb_syntax_conllu runs them
  ** through the network together) */
  enum { PARSE_BATCH = 32 };
  lb_conllu_sent batch[PARSE_BATCH], *bp[PARSE_BATCH];
  for (int done = 0; !done;) {
    lb_arena_reset(a);
    int nb = 0;
    while (nb < PARSE_BATCH) {
      int rc = lb_conllu_next(&r, a, &batch[nb], err, sizeof err);
      if (rc == 0) {
        done = 1;
        break;
      }
      if (rc < 0) {
        fprintf(stderr, "lagebild parse: %s (skipped)\n", err);
        skipped++;
        continue;
      }
      bp[nb] = &batch[nb];
      nb++;
    }
    if (!nb) continue;
    lb_syntax_conllu(m, lb_engine_lex(e), bp, nb, a);
    for (int k = 0; k < nb; k++) {
      lb_buf_reset(&out);
      lb_conllu_write(&out, bp[k]);
      if (fwrite(out.p, 1, out.n, stdout) != out.n) werr = 1;
    }
  }
  if (fflush(stdout) != 0) werr = 1;
  lb_arena_free(a);
  lb_engine_free(e);
  lb_buf_free(&in);
  lb_buf_free(&out);
  if (werr) {
    fprintf(stderr, "lagebild parse: write error\n");
    return LB_EXIT_ERR;
  }
  return skipped ? LB_EXIT_SKIPPED : LB_EXIT_OK;
}

int lb_cmd_parse(int argc, char **argv) {
  const char *conllu = NULL, *lang = NULL, *lexicon = NULL, *v;
  int r;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
      conllu = NULL; /* lb_cli_docs prints the help */
      break;
    }
    if ((r = lb_cli_opt(argc, argv, &i, "--conllu", &v))) {
      if (r < 0) return LB_EXIT_USAGE;
      conllu = v;
    } else if ((r = lb_cli_opt(argc, argv, &i, "--lang", &v)) > 0)
      lang = v;
    else if ((r = lb_cli_opt(argc, argv, &i, "--lexicon", &v)) > 0)
      lexicon = v;
  }
  static const lb_cli_help help = {HELP_HEAD, HELP_TAIL};
  if (!conllu) return lb_cli_docs(argc, argv, "parse", &help, 1);
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "--conllu") == 0 || strcmp(a, "--lang") == 0 || strcmp(a, "--lexicon") == 0) {
      i++;
      continue;
    }
    if (strncmp(a, "--conllu=", 9) == 0 || strncmp(a, "--lang=", 7) == 0 || strncmp(a, "--lexicon=", 10) == 0)
      continue;
    fprintf(stderr, "lagebild parse: \"%s\" does not go with --conllu\nsee: lagebild parse --help\n", a);
    return LB_EXIT_USAGE;
  }
  return parse_conllu(conllu, lang, lexicon);
}
