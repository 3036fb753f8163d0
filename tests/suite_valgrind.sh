#!/bin/sh
# suite_valgrind.sh -- the whole pipeline over the seed and over bad input,
# and the readers over a page, a feed and a WARC file (tests/data/read),
# under valgrind: no invalid access, no leak (also when a document is refused).
cd "$(dirname "$0")/.." || exit 1
P=0
F=0
vg() { # name, command, args
  name=$1
  shift
  if valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect \
    bin/lagebild "$@" >/dev/null 2>build/valgrind-$name.log; then
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
vg seed extract --threads 2 --published 2024-11-11 data/sample/kursk-2024-11.de.txt
vg badjsonl extract --threads 2 tests/data/bad.jsonl
vg read read --threads 2 tests/data/read/aljazeera.html tests/data/read/comwrap.rss \
  tests/data/read/news.atom tests/data/read/comwrap.warc.gz
# a document refused over the memory limit (the arena's guard jumps out of
# a stage): nothing leaks, the next document is extracted
mkdir -p build
{
  printf '{"id":"commas","text":"'
  head -c 300000 /dev/zero | tr '\0' ,
  printf '"}\n'
  printf '%s\n' '{"id":"c","text":"Die Ukraine meldete 3 Drohnen."}'
} >build/valgrind-refused.jsonl
vg refused extract --max-doc-memory 16M build/valgrind-refused.jsonl
echo "$P passed, $F failed"
