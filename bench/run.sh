#!/bin/sh
# run.sh -- `make bench`: the throughput table of lagebild on real German news.
#
# Builds (once; cached in build/bench) a corpus of >= 100 MB of real German
# text from ../shared/data with bench/corpus.js (10kGNAD, SmartData,
# GermEval 2014, LER court decisions, Europeana newspapers; shuffled
# documents), then measures in one run:
#   LC_ALL=C wc -w on the texts       the yardstick (ratio 1.00)
# (each timed row, like wc -w, is the best of three runs)
#   lagebild extract --stages text    tokens + sentences + language: all cores
#                                     and one thread (goal: >= 1.0x wc -w)
#   lagebild extract --stages lexicon up to the lexicon, all cores
#   lagebild extract --stages syntax  up to the syntax stage, and
#   lagebild extract                  all stages, all cores, on a slice of the
#                                     corpus (BENCH_SLICE_MB, below)
#   start-up                          median of 21 runs on an empty document
#   peak RSS                          of the all-stages run (GNU time's %M)
# then every bench/row_*.sh (sorted; see bench/lib.sh for what they get).
# Without ../shared/data (a user's clone) it says which sources are missing
# and exits 0. BENCH_DATA overrides the data folder, BENCH_MB the corpus size,
# BENCH_CORE_ONLY=1 leaves out the bench/row_*.sh rows.
cd "$(dirname "$0")/.." || exit 1
. bench/lib.sh
DATA=${BENCH_DATA:-../shared/data}
BENCH_DIR=build/bench
LAGEBILD=bin/lagebild
SOURCES="10kgnad/test.csv smartdata/*.json.gz germeval2014/NER-de-dev.tsv ler_german_legal/*.conll europeana_ner_de/*.bio"

if [ ! -d "$DATA" ]; then
  echo "bench: $DATA is missing, so there is no corpus to measure on."
  echo "bench: missing sources: $SOURCES"
  echo "bench: (they are research corpora, not part of the repository; set BENCH_DATA=DIR)"
  exit 0
fi
if [ ! -x "$LAGEBILD" ]; then
  echo "bench: $LAGEBILD not built (run make)" >&2
  exit 1
fi
mkdir -p "$BENCH_DIR"
if [ ! -s "$BENCH_DIR/corpus.jsonl" ] || [ ! -s "$BENCH_DIR/corpus.txt" ] ||
  [ bench/corpus.js -nt "$BENCH_DIR/corpus.jsonl" ] ||
  [ "${BENCH_MB:-100} $DATA" != "$(cat "$BENCH_DIR/corpus.stamp" 2>/dev/null)" ]; then
  echo "bench: building the corpus in $BENCH_DIR (once) ..."
  node bench/corpus.js "$DATA" "$BENCH_DIR" "${BENCH_MB:-100}" >/dev/null
  rc=$?
  if [ $rc = 2 ]; then
    echo "bench: none of the corpus sources is under $DATA: missing $SOURCES"
    exit 0
  fi
  [ $rc = 0 ] || exit 1
  echo "${BENCH_MB:-100} $DATA" >"$BENCH_DIR/corpus.stamp"
fi
BENCH_JSONL=$BENCH_DIR/corpus.jsonl
BENCH_TXT=$BENCH_DIR/corpus.txt
BENCH_DOCS=$(wc -l <"$BENCH_TXT")
# text bytes: corpus.txt less the newline after each text
BENCH_TEXT_BYTES=$(($(wc -c <"$BENCH_TXT") - BENCH_DOCS))
CPUS=$(nproc 2>/dev/null || echo 1)

echo "$($LAGEBILD --version 2>/dev/null | head -n 1) bench, $(date -u +%Y-%m-%dT%H:%MZ), $CPUS cores"
sed 's/^/  /' "$BENCH_DIR/corpus.info"
cat "$BENCH_JSONL" "$BENCH_TXT" >/dev/null # warm the page cache
echo

# the yardstick: best of three (it is quick)
best=""
bestcpu=""
for i in 1 2 3; do
  bench_run "$BENCH_DIR/wc" env LC_ALL=C wc -w "$BENCH_TXT"
  best=$(echo "$BENCH_S ${best:-$BENCH_S}" | awk '{ print ($1 < $2) ? $1 : $2 }')
  [ -z "$BENCH_CPU" ] || bestcpu=$(echo "$BENCH_CPU ${bestcpu:-$BENCH_CPU}" | awk '{ print ($1 < $2) ? $1 : $2 }')
done
BENCH_WC_SECONDS=$best
BENCH_WC_CPU=$bestcpu
export BENCH_DIR BENCH_JSONL BENCH_TXT BENCH_DOCS BENCH_TEXT_BYTES BENCH_WC_SECONDS BENCH_WC_CPU LAGEBILD

bench_header
bench_row "LC_ALL=C wc -w" "$BENCH_WC_SECONDS" "$BENCH_DOCS" "$BENCH_WC_CPU"

extract_row() { # label, extract arguments...
  label=$1
  shift
  bench_best 3 "$BENCH_DIR/extract" "$LAGEBILD" extract "$@" "$BENCH_JSONL"
  bench_row "$label" "$BENCH_S" "$BENCH_DOCS" "$BENCH_CPU"
  [ "$BENCH_RC" = 0 ] || echo "  (exit status $BENCH_RC: $(head -n 2 "$BENCH_DIR/extract.err" | tr '\n' ' '))"
}
extract_row "extract --stages text ($CPUS threads)" --stages text
extract_row "extract --stages text --threads 1" --stages text --threads 1
extract_row "extract --stages lexicon ($CPUS threads)" --stages lexicon

# The syntax stage (a neural tagger and parser: docs/syntax.md) runs before
# the extractors and costs far more than everything before it, so the rows
# from here on measure a slice of the corpus: its first documents up to
# BENCH_SLICE_MB (default 4) MB of text, with wc -w timed again on the same
# slice for the ratio. The rows of bench/row_*.sh get the slice too.
SLICE_MB=${BENCH_SLICE_MB:-4}
awk -v max=$((SLICE_MB * 1000000)) '{ n += length($0) + 1; if (n > max) exit; print }' \
  "$BENCH_TXT" >"$BENCH_DIR/slice.txt"
BENCH_DOCS=$(wc -l <"$BENCH_DIR/slice.txt")
head -n "$BENCH_DOCS" "$BENCH_JSONL" >"$BENCH_DIR/slice.jsonl"
BENCH_JSONL=$BENCH_DIR/slice.jsonl
BENCH_TXT=$BENCH_DIR/slice.txt
BENCH_TEXT_BYTES=$(($(wc -c <"$BENCH_TXT") - BENCH_DOCS))
best=""
bestcpu=""
for i in 1 2 3; do
  bench_run "$BENCH_DIR/wc" env LC_ALL=C wc -w "$BENCH_TXT"
  best=$(echo "$BENCH_S ${best:-$BENCH_S}" | awk '{ print ($1 < $2) ? $1 : $2 }')
  [ -z "$BENCH_CPU" ] || bestcpu=$(echo "$BENCH_CPU ${bestcpu:-$BENCH_CPU}" | awk '{ print ($1 < $2) ? $1 : $2 }')
done
BENCH_WC_SECONDS=$best
BENCH_WC_CPU=$bestcpu
export BENCH_JSONL BENCH_TXT BENCH_DOCS BENCH_TEXT_BYTES BENCH_WC_SECONDS BENCH_WC_CPU
echo "  -- from here on: the first $BENCH_DOCS documents ($(echo "$BENCH_TEXT_BYTES" | awk '{ printf "%.1f", $1 / 1e6 }') MB), wc -w timed on them again --"
bench_row "LC_ALL=C wc -w (slice)" "$BENCH_WC_SECONDS" "$BENCH_DOCS" "$BENCH_WC_CPU"
extract_row "extract --stages syntax ($CPUS threads)" --stages syntax
extract_row "extract, all stages ($CPUS threads)"
rss=$BENCH_RSS

# start-up: the whole engine (lexicon mapped) on an empty document; timed
# by bench/startup.c (fork + exec + wait, no shell or `date` in the sample)
: >"$BENCH_DIR/empty.txt"
if [ -x "$BENCH_DIR/startup" ]; then
  med=$("$BENCH_DIR/startup" 21 "$LAGEBILD" extract "$BENCH_DIR/empty.txt")" ms"
else
  med="n/a ($BENCH_DIR/startup not built: run make bench)"
fi
bench_note "start-up, empty document (median of 21)" "$med"
if [ -n "$rss" ]; then
  bench_note "peak RSS, all stages ($CPUS threads)" "$(echo "$rss" | awk '{ printf "%.1f MB", $1 / 1024 }')"
else
  bench_note "peak RSS, all stages ($CPUS threads)" "n/a (no /usr/bin/time: Debian package time)"
fi

[ -n "${BENCH_CORE_ONLY:-}" ] && exit 0 # BENCH_CORE_ONLY=1: skip the added rows
for row in bench/row_*.sh; do
  [ -f "$row" ] || continue
  sh "$row" || echo "  ($row failed with exit status $?)"
done
