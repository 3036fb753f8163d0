#!/bin/sh
# row_bigdoc.sh -- `make bench` rows for one big document (issue 22): the
# extraction time (one thread, all stages) of a single document
# of 1, 4 and 16 MB of real text (the bench corpus's texts joined as
# paragraphs), and of issue 22's crafted text at 1, 4 and 16 MB: the CPU
# time (build/bench/startup, from the child's rusage); then the ratio 16 MB
# / 1 MB of the CPU times (a busy machine disturbs them less than the wall
# clock), which stays near 16 when
# every stage is linear (goal: <= 20; on real text it was 99 before issue
# 22).
# The syntax stage runs with the small German model (tests/data/syntax-tiny,
# as suite_linear.sh does): the committed models parse ~5,000 words/s on
# one core of the 2-core machine (`sh bench/row_syntax.sh`), which would
# make 16 MB some ten minutes a run; the parser's cost is per sentence, so
# the ratio does not depend on the model. One run each: 16 MB is ~3.5 minutes
# with the small model.
# Run by bench/run.sh (variables in bench/lib.sh).
cd "$(dirname "$0")/.." || exit 1
. bench/lib.sh
LAGEBILD=${LAGEBILD:-bin/lagebild}
BENCH_DIR=${BENCH_DIR:-build/bench}
if [ -z "${BENCH_TXT:-}" ] || [ ! -s "$BENCH_TXT" ]; then
  bench_note "one big document: no bench corpus" "(BENCH_TXT unset or empty)"
  exit 0
fi
T=$BENCH_DIR/startup
if [ ! -x "$T" ]; then
  bench_note "one big document: $T not built" "(run make bench)"
  exit 0
fi
# doc KIND MB: the document's file, made once
doc() {
  f=$BENCH_DIR/bigdoc-$1-$2mb.txt
  if [ ! -s "$f" ]; then
    if [ "$1" = real ]; then
      awk '{ print; print "" }' "$BENCH_TXT" | head -c $(($2 * 1048576)) >"$f"
    else
      awk -v n=$(($2 * 1048576 / 41)) 'BEGIN { for (i = 0; i < n; i++) printf "Russland schickte 5 Soldaten nach Kursk. " }' >"$f"
    fi
  fi
  echo "$f"
}
for kind in real crafted; do
  s1=""
  for mb in 1 4 16; do
    f=$(doc $kind $mb)
    s=$(LAGEBILD_SYNTAX=tests/data/syntax-tiny "$T" -cpu 1 "$LAGEBILD" extract --threads 1 "$f")
    [ $mb = 1 ] && s1=$s
    bench_note "one document, $mb MB of $kind text (small syntax model)" "$(echo "$s" |
      awk '{ printf "cpu %.3f s", $1 / 1000 }')"
  done
  bench_note "one document, $kind text: 16 MB / 1 MB (cpu)" \
    "$(echo "$s $s1" | awk '{ printf "%.1fx (goal <= 20)", $1 / ($2 > 0 ? $2 : 0.001) }')"
done
