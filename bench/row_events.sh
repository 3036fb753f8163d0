#!/bin/sh
# row_events.sh -- `make bench` rows for the claim and event stages (issue 6):
# the pipeline up to dates, up to claims, and up to events on the bench
# corpus (all cores), so the cost of clause analysis, claims and events shows
# as the difference between rows. Run by bench/run.sh (variables in
# bench/lib.sh).
cd "$(dirname "$0")/.." || exit 1
. bench/lib.sh
LAGEBILD=${LAGEBILD:-bin/lagebild}
BENCH_DIR=${BENCH_DIR:-build/bench}
if [ -z "${BENCH_JSONL:-}" ] || [ ! -s "$BENCH_JSONL" ]; then
  bench_note "claims/events: no bench corpus" "(BENCH_JSONL unset or empty)"
  exit 0
fi
for st in dates claims events; do
  t0=$(bench_now)
  "$LAGEBILD" extract --stages $st "$BENCH_JSONL" >/dev/null 2>"$BENCH_DIR/events.err"
  bench_row "extract --stages $st" "$(bench_since "$t0")" "$BENCH_DOCS"
done
