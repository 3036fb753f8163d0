#!/bin/sh
# row_entities.sh -- `make bench` rows for the entity and place stages
# (issue 4): tokens + sentences + entities + places on the bench corpus (all
# cores and one thread), the size of the compiled lexicon, and the time to
# build it from its sources (lagebild-lexc only; the generators run once).
# Run by bench/run.sh (variables in bench/lib.sh).
cd "$(dirname "$0")/.." || exit 1
. bench/lib.sh
LAGEBILD=${LAGEBILD:-bin/lagebild}
BENCH_DIR=${BENCH_DIR:-build/bench}
if [ -z "${BENCH_JSONL:-}" ] || [ ! -s "$BENCH_JSONL" ]; then
  bench_note "entities: no bench corpus" "(BENCH_JSONL unset or empty)"
  exit 0
fi
for args in "--stages places" "--stages places --threads 1"; do
  # best of three, as the wc -w yardstick (bench/lib.sh)
  # shellcheck disable=SC2086
  bench_best 3 "$BENCH_DIR/entities" "$LAGEBILD" extract $args "$BENCH_JSONL"
  bench_row "extract $args" "$BENCH_S" "$BENCH_DOCS" "$BENCH_CPU"
  [ "$BENCH_RC" = 0 ] || echo "  (exit status $BENCH_RC: $(head -n 2 "$BENCH_DIR/entities.err" | tr '\n' ' '))"
done
if [ -f bin/lagebild.lex ]; then
  bench_note "lexicon bin/lagebild.lex" "$(wc -c <bin/lagebild.lex | awk '{ printf "%.1f MB", $1 / 1e6 }')"
fi
if [ -x bin/lagebild-lexc ] && [ -s build/gen/geo.tsv ]; then
  t0=$(bench_now)
  bin/lagebild-lexc -o "$BENCH_DIR/lex.tmp" $(find data -name '*.tsv' | sort) build/gen/*.tsv \
    2>"$BENCH_DIR/lexc.err"
  s=$(bench_since "$t0")
  bench_note "lexicon compile (lagebild-lexc)" "$s s: $(sed 's/.*lex: //' "$BENCH_DIR/lexc.err" | tail -n 1)"
  rm -f "$BENCH_DIR/lex.tmp"
fi
