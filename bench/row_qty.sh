#!/bin/sh
# row_qty.sh -- `make bench` rows for the date and quantity stages (issue 5):
# extraction up to dates and up to quantities (all cores), so the cost of
# the two stages is the difference to the "--stages places" row of
# row_entities.sh; signals run with all stages (run.sh's "extract" row).
# Run by bench/run.sh (variables in bench/lib.sh).
cd "$(dirname "$0")/.." || exit 1
. bench/lib.sh
LAGEBILD=${LAGEBILD:-bin/lagebild}
BENCH_DIR=${BENCH_DIR:-build/bench}
if [ -z "${BENCH_JSONL:-}" ] || [ ! -s "$BENCH_JSONL" ]; then
  bench_note "dates, quantities: no bench corpus" "(BENCH_JSONL unset or empty)"
  exit 0
fi
for st in dates quantities; do
  t0=$(bench_now)
  "$LAGEBILD" extract --stages "$st" "$BENCH_JSONL" >"$BENCH_DIR/qty.out" 2>"$BENCH_DIR/qty.err"
  bench_row "extract --stages $st" "$(bench_since "$t0")" "$BENCH_DOCS"
done
# how much was found: quantities and dates per document
awk '{ q += gsub(/"rule":"[a-z]+:qty:/, ""); d += gsub(/"rule":"[a-z]+:date:/, "") }
  END { printf "%-46s %30s\n", "quantities / dates found", q " / " d " (" NR " docs)" }' \
  "$BENCH_DIR/qty.out"
rm -f "$BENCH_DIR/qty.out"
