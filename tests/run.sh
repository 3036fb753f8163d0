#!/bin/sh
# run.sh -- run every test suite and sum them up (called by `make test`).
#
# Suites: the C unit tests built three ways (gcc -O2, clang, clang with
# ASan+UBSan), every tests/suite_*.sh (command-line, store, server, browser
# tests), and valgrind over the seed. Each suite prints "N passed, N failed"
# as its last such line; a suite that crashes or prints none counts as one
# failure. Ends with "total: N passed, N failed"; exits 1 when any failed.
cd "$(dirname "$0")/.." || exit 1
P=0
F=0
summary=""
run_suite() { # name, command...
  name=$1
  shift
  log=build/test-$name.log
  mkdir -p build
  t0=$(date +%s)
  "$@" >"$log" 2>&1
  rc=$?
  secs=$(($(date +%s) - t0))
  line=$(grep -E '^([A-Za-z]+: )?[0-9]+ passed, [0-9]+ failed' "$log" | tail -n 1)
  if [ -z "$line" ]; then
    p=0
    f=1
    echo "suite $name: no result line (exit $rc); last lines:"
    tail -n 20 "$log" | sed 's/^/  | /'
  else
    p=$(echo "$line" | sed -E 's/^([A-Za-z]+: )?([0-9]+) passed, ([0-9]+) failed.*/\2/')
    f=$(echo "$line" | sed -E 's/^([A-Za-z]+: )?([0-9]+) passed, ([0-9]+) failed.*/\3/')
    if [ "$rc" != 0 ] && [ "$f" = 0 ]; then
      f=1
      echo "suite $name: exit status $rc although no test failed"
      tail -n 20 "$log" | sed 's/^/  | /'
    fi
  fi
  if [ "$f" != 0 ]; then
    grep -E '^(FAIL|not ok|  )' "$log" | head -n 60 | sed "s/^/  [$name] /"
  fi
  echo "suite $name: $p passed, $f failed ($secs s)"
  P=$((P + p))
  F=$((F + f))
}

run_suite unit-gcc build/release/test_lagebild
run_suite unit-clang build/clang/test_lagebild
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  run_suite unit-asan build/asan/test_lagebild
for s in tests/suite_*.sh; do
  [ -f "$s" ] || continue
  n=$(basename "$s" .sh)
  run_suite "${n#suite_}" sh "$s"
done
echo "total: $P passed, $F failed"
[ "$F" = 0 ]
