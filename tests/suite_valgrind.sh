#!/bin/sh
# suite_valgrind.sh -- the whole pipeline over the seed and over bad input
# under valgrind: no invalid access, no leak (also when a document is refused).
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
# a document refused over the memory limit (the arena's guard jumps out of
# a stage): nothing leaks, the next document is extracted
mkdir -p build
{
  printf '{"id":"commas","text":"'
  head -c 300000 /dev/zero | tr '\0' ,
  printf '"}\n'
  printf '%s\n' '{"id":"c","text":"Die Ukraine meldete 3 Drohnen."}'
} >build/valgrind-refused.jsonl
vg refused --max-doc-memory 16M build/valgrind-refused.jsonl
echo "$P passed, $F failed"
