#!/bin/sh
# run.sh -- run every libFuzzer target for a fixed time (`make fuzz`).
#
#   sh fuzz/run.sh SECONDS build/fuzz/fuzz_a build/fuzz/fuzz_b ...
#
# The Makefile builds every fuzz/*.c into build/fuzz/<name> (clang,
# -fsanitize=fuzzer,address,undefined) and passes them all, so a new target
# needs no change here. Each runs SECONDS on one core in two parts:
#   - three quarters with inputs cut to 4 KiB (-max_len=4096), which keeps a
#     run at thousands of inputs per second; its corpus is kept in
#     build/fuzz/corpus/<name> between runs and seeded from tests/data,
#     data/sample and fuzz/seeds/<name>/ (when present);
#   - a quarter with inputs up to 1 MiB (-max_len=1048576, -len_control=0:
#     long inputs from the start) and a timeout of 10 s per input, to find
#     cost that grows faster than the input (issue 22: a megabyte of one
#     sentence took seconds, 4 MB a minute); corpus build/fuzz/corpus-big/
#     <name>, seeded besides with big texts made here (issue 22's crafted
#     sentence, news without sentence ends, names, a 512 KB JSONL line).
# A crash, leak, sanitizer report or timeout fails the target: its input is
# saved as build/fuzz/artifacts/<name>-crash-... (or -timeout-...), and that
# input belongs in a test once the bug is fixed. Ends with "N passed, N
# failed"; exit 1 on failure.
cd "$(dirname "$0")/.." || exit 1
secs=${1:-60}
shift
[ $# -gt 0 ] || { echo "usage: sh fuzz/run.sh SECONDS BINARY..." >&2; exit 2; }
P=0
F=0
mkdir -p build/fuzz/artifacts build/fuzz/big-seeds
big=$((secs / 4))
[ "$big" -ge 1 ] || big=1
small=$((secs - big))
[ "$small" -ge 1 ] || small=1

# big seeds (made once): text that makes many facts per sentence or long
# sentences, the shapes that were quadratic
B=build/fuzz/big-seeds
if [ ! -s "$B/crafted.txt" ]; then
  awk 'BEGIN { for (i = 0; i < 6000; i++) printf "Russland schickte 5 Soldaten nach Kursk. " }' >"$B/crafted.txt"
  awk 'BEGIN { for (i = 0; i < 6000; i++) printf "Russland schickte 5 Soldaten nach Kursk und " }' >"$B/sentence.txt"
  awk 'BEGIN { srand(7); for (i = 0; i < 4000; i++) {
      a = sprintf("%c%c%c%c%c", 65 + int(rand() * 26), 97 + int(rand() * 26), 97 + int(rand() * 26), 97 + int(rand() * 26), 97 + int(rand() * 26))
      printf "Herr %s Maier sagte am 3. M\303\244rz, %d Soldaten seien in Kursk. %s sagte das auch. ", a, i, a } }' >"$B/names.txt"
  k=0
  while [ $k -lt 96 ]; do
    cat data/sample/kursk-2024-11.de.txt
    k=$((k + 1))
  done >"$B/sample96.txt"
  { printf '{"id":"big","published":"2024-11-11","text":"'; tr -d '"\\\n' <"$B/sample96.txt"; printf '"}\n'; } >"$B/line.jsonl"
fi

# fuzz NAME BIN CORPUS LOG SECONDS OPTIONS... SEEDS...: one libFuzzer run;
# sets rc and runs
fuzz() {
  fname=$1 fbin=$2 fcorpus=$3 flog=$4 fsecs=$5
  shift 5
  mkdir -p "$fcorpus"
  # shellcheck disable=SC2086
  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$fbin" -max_total_time="$fsecs" -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="build/fuzz/artifacts/$fname-" "$@" >"$flog" 2>&1
  rc=$?
  runs=$(grep -E '^stat::number_of_executed_units' "$flog" | awk '{ print $2 }')
}

for bin in "$@"; do
  name=$(basename "$bin")
  corpus=build/fuzz/corpus/$name
  seeds="tests/data data/sample"
  [ -d "fuzz/seeds/$name" ] && seeds="$seeds fuzz/seeds/$name"
  log=build/fuzz/$name.log
  echo "fuzz: $name for ${small}s up to 4 KiB, ${big}s up to 1 MiB (logs $log, build/fuzz/$name-big.log)"
  # shellcheck disable=SC2086
  fuzz "$name" "$bin" "$corpus" "$log" "$small" -timeout=20 -max_len=4096 "$corpus" $seeds
  rc1=$rc runs1=$runs
  if [ $rc1 = 0 ]; then
    # shellcheck disable=SC2086
    fuzz "$name" "$bin" "build/fuzz/corpus-big/$name" "build/fuzz/$name-big.log" "$big" \
      -timeout=10 -max_len=1048576 -len_control=0 "build/fuzz/corpus-big/$name" "$B" $seeds
    log=build/fuzz/$name-big.log
  fi
  if [ $rc1 = 0 ] && [ $rc = 0 ]; then
    P=$((P + 1))
    echo "ok   $name: ${runs1:-?} runs up to 4 KiB, ${runs:-?} up to 1 MiB, corpus $(ls "$corpus" | wc -l) + $(ls "build/fuzz/corpus-big/$name" | wc -l) inputs"
  else
    F=$((F + 1))
    echo "FAIL $name (exit $rc, log $log):"
    grep -E 'ERROR|SUMMARY|assertion|Test unit written|Slowest unit' "$log" | head -n 8 | sed 's/^/  /'
  fi
done
echo "$P passed, $F failed"
[ "$F" = 0 ]
