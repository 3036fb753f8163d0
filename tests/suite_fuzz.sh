#!/bin/sh
# suite_fuzz.sh -- every fuzz target (fuzz/*.c) replays its seeds under
# ASan+UBSan without libFuzzer (build/asan/replay_<target>, fuzz/replay.c):
# fuzz/seeds/<target>/*, the sample article and the empty input. A target
# whose fixture or invariants a change broke fails here, not only in
# `make fuzz`. One test per target.
cd "$(dirname "$0")/.." || exit 1
P=0
F=0
for src in fuzz/fuzz_*.c; do
  name=$(basename "$src" .c)
  bin=build/asan/replay_$name
  set -- data/sample/kursk-2024-11.de.txt
  [ -d "fuzz/seeds/$name" ] && set -- "$@" fuzz/seeds/"$name"/*
  if [ -x "$bin" ] && ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$bin" "$@" >build/replay-$name.log 2>&1; then
    P=$((P + 1))
    echo "ok   $name: $(tail -n 1 build/replay-$name.log)"
  else
    F=$((F + 1))
    echo "FAIL $name (log build/replay-$name.log):"
    tail -n 5 build/replay-$name.log | sed 's/^/  /'
  fi
done
echo "$P passed, $F failed"
[ "$F" = 0 ]
