#!/bin/sh
# run.sh -- run every libFuzzer target for a fixed time (`make fuzz`).
#
#   sh fuzz/run.sh SECONDS build/fuzz/fuzz_a build/fuzz/fuzz_b ...
#
# The Makefile builds every fuzz/*.c into build/fuzz/<name> (clang,
# -fsanitize=fuzzer,address,undefined) and passes them all, so a new target
# needs no change here. Each runs -max_total_time=SECONDS on one core, its
# corpus kept in build/fuzz/corpus/<name> between runs and seeded from
# tests/data, data/sample and fuzz/seeds/<name>/ (when present; inputs are
# cut to 4 KiB, which keeps a run at thousands of inputs per second). A crash,
# leak, sanitizer report or timeout fails the target: its input is saved as
# build/fuzz/artifacts/<name>-crash-..., and that input belongs in a test
# once the bug is fixed. Ends with "N passed, N failed"; exit 1 on failure.
cd "$(dirname "$0")/.." || exit 1
secs=${1:-60}
shift
[ $# -gt 0 ] || { echo "usage: sh fuzz/run.sh SECONDS BINARY..." >&2; exit 2; }
P=0
F=0
mkdir -p build/fuzz/artifacts
for bin in "$@"; do
  name=$(basename "$bin")
  corpus=build/fuzz/corpus/$name
  mkdir -p "$corpus"
  seeds="tests/data data/sample"
  [ -d "fuzz/seeds/$name" ] && seeds="$seeds fuzz/seeds/$name"
  log=build/fuzz/$name.log
  echo "fuzz: $name for ${secs}s (log $log)"
  # shellcheck disable=SC2086
  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$bin" -max_total_time="$secs" -timeout=20 -rss_limit_mb=2048 -max_len=4096 \
    -print_final_stats=1 -artifact_prefix="build/fuzz/artifacts/$name-" \
    "$corpus" $seeds >"$log" 2>&1
  rc=$?
  runs=$(grep -E '^stat::number_of_executed_units' "$log" | awk '{ print $2 }')
  if [ $rc = 0 ]; then
    P=$((P + 1))
    echo "ok   $name: ${runs:-?} runs, corpus $(ls "$corpus" | wc -l) inputs"
  else
    F=$((F + 1))
    echo "FAIL $name (exit $rc):"
    grep -E 'ERROR|SUMMARY|assertion|Test unit written' "$log" | head -n 8 | sed 's/^/  /'
  fi
done
echo "$P passed, $F failed"
[ "$F" = 0 ]
