#!/bin/sh
# row_read.sh -- `make bench` row for the HTML reader (issue 19): `lagebild
# read --threads 1` on the 115 pages of the article-extraction benchmark
# (../shared/data/article-extraction/html, decompressed once into
# build/bench/read-pages, four copies: 460 pages, 88 MB of HTML), best of
# three; pages/s and MB/s of HTML on one core, by wall-clock and by CPU
# time. Aim: >= 1,000 pages/s.
# Run by bench/run.sh (variables in bench/lib.sh).
cd "$(dirname "$0")/.." || exit 1
. bench/lib.sh
LAGEBILD=${LAGEBILD:-bin/lagebild}
BENCH_DIR=${BENCH_DIR:-build/bench}
SRC=${BENCH_DATA:-../shared/data}/article-extraction/html
PAGES=$BENCH_DIR/read-pages
if [ ! -d "$SRC" ]; then
  bench_note "read (HTML pages): no pages" "($SRC missing)"
  exit 0
fi
if [ ! -f "$PAGES/.done" ]; then
  rm -rf "$PAGES"
  for c in 1 2 3 4; do
    mkdir -p "$PAGES/$c"
    for f in "$SRC"/*.html.gz; do
      b=$(basename "$f" .gz)
      gzip -dc "$f" >"$PAGES/$c/$b"
    done
  done
  touch "$PAGES/.done"
fi
pages=$(find "$PAGES" -name '*.html' | wc -l)
bytes=$(find "$PAGES" -name '*.html' -exec cat {} + | wc -c)
cat "$PAGES"/*/*.html >/dev/null # warm the page cache
bench_best 3 "$BENCH_DIR/read" "$LAGEBILD" read --threads 1 "$PAGES"
# wall-clock time, and CPU time (user + sys: what one core spends, which
# other work on a shared machine disturbs less)
awk -v s="$BENCH_S" -v p="$pages" -v b="$bytes" -v cpu="${BENCH_CPU:-}" 'BEGIN {
  s = s > 0 ? s : 0.001
  printf "%-46s %9.3f %9.1f %10.0f %9s %9s\n", "read --threads 1 (HTML pages)", s, b / 1e6 / s, p / s, "-", "-"
  if (cpu != "" && cpu > 0)
    printf "%-46s %9.3f %9.1f %10.0f %9s %9s\n", "read --threads 1 (HTML pages), by CPU time", cpu, b / 1e6 / cpu, p / cpu, "-", "-" }'
bench_note "read: pages, MB of HTML" "$pages pages, $(echo "$bytes" | awk '{ printf "%.1f", $1 / 1e6 }') MB"
