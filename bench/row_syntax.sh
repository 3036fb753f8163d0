#!/bin/sh
# row_syntax.sh -- `make bench` rows for the syntax layer (issue 16):
#   the tagger and parser alone, one core, in words/s: `lagebild parse
#   --conllu` over the held-out treebank sentences (words given, so nothing
#   but tagging, lemmas and parsing is timed), German and English;
#   the start-up with the models (median of 21, an empty document).
# Needs ../shared/data/ud for the first (BENCH_UD overrides).
cd "$(dirname "$0")/.." || exit 1
. bench/lib.sh
LAGEBILD=${LAGEBILD:-bin/lagebild}
BENCH_DIR=${BENCH_DIR:-build/bench}
UD=${BENCH_UD:-../shared/data/ud}
for lang in de en; do
  if [ $lang = de ]; then f=$UD/de_gsd-ud-dev.conllu; else f=$UD/en_ewt-ud-dev.conllu; fi
  if [ ! -s "$f" ]; then
    bench_note "parse --conllu, $lang: no treebank" "($f missing)"
    continue
  fi
  words=$(awk -F'\t' 'NF == 10 && $1 ~ /^[0-9]+$/' "$f" | wc -l)
  bench_best 3 "$BENCH_DIR/parse" "$LAGEBILD" parse --conllu "$f" --lang $lang
  bench_note "parse --conllu $lang, 1 core ($words words)" \
    "$(echo "$words $BENCH_S $BENCH_CPU" | awk '{ printf "%.0f words/s (cpu %.0f)", $1 / $2, ($3 > 0 ? $1 / $3 : 0) }')"
done
