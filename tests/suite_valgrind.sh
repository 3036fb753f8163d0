#!/bin/sh
# suite_valgrind.sh -- the whole pipeline over the seed and over bad input
# under valgrind: no invalid access, no leak.
cd "$(dirname "$0")/.." || exit 1
P=0
F=0
vg() { # name, input file, extra args
  name=$1
  shift
  if valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
    bin/lagebild extract --threads 2 "$@" >/dev/null 2>build/valgrind-$name.log; then
    P=$((P + 1))
  else
    rc=$?
    if [ $rc = 99 ]; then
      F=$((F + 1))
      echo "not ok valgrind $name"
      sed 's/^/  /' build/valgrind-$name.log | head -40
    else
      P=$((P + 1)) # non-zero exit for skipped input is expected
    fi
  fi
}
vg seed --published 2024-11-11 data/sample/kursk-2024-11.de.txt
vg badjsonl tests/data/bad.jsonl
echo "$P passed, $F failed"
