#!/bin/sh
# row_bigdoc.sh -- `make bench` rows for one big document (issue 22): the
# extraction time (one thread, all stages, best of 3) of a single document
# of 1, 4 and 16 MB of real text (the bench corpus's texts joined as
# paragraphs), and of issue 22's crafted text at 1, 4 and 16 MB: the median
# of 3 runs of the wall and of the CPU time (build/bench/startup, from the
# child's rusage); then the ratio 16 MB / 1 MB of the CPU times (a busy
# machine disturbs them less than the wall clock), which stays near 16 when
# every stage is linear (goal: <= 20; on real text it was 99 before issue
# 22).
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
    wall=$("$T" 3 "$LAGEBILD" extract --threads 1 "$f")
    s=$("$T" -cpu 3 "$LAGEBILD" extract --threads 1 "$f")
    [ $mb = 1 ] && s1=$s
    bench_note "one document, $mb MB of $kind text" "$(echo "$wall $s" |
      awk '{ printf "%.3f s (cpu %.3f s)", $1 / 1000, $2 / 1000 }')"
  done
  bench_note "one document, $kind text: 16 MB / 1 MB (cpu)" \
    "$(echo "$s $s1" | awk '{ printf "%.1fx (goal <= 20)", $1 / ($2 > 0 ? $2 : 0.001) }')"
done
