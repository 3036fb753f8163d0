#!/bin/sh
# suite_limits.sh -- the memory bound of one document (issue 22), from the
# outside:
#   - the reproducer: a 1 MB .txt.gz that expands to 1 GB of NUL bytes (1,024
#     gzip members of 1 MB each) is cut at --max-doc-bytes (32 MB), named on
#     stderr, exit 0, and read no further (it reached 7.8 GB and abort()ed);
#   - a cut falls on a character boundary;
#   - a document over --max-doc-memory is refused and named (exit 3), the
#     documents around it are written; ingest skips it the same way;
#   - out of memory (ulimit -v) refuses the document, never abort()s;
#   - bad values of the options are usage errors (exit 2).
# Ends with "N passed, N failed".
cd "$(dirname "$0")/.." || exit 1
LB=bin/lagebild
T=build/suite_limits
mkdir -p "$T"
P=0
F=0
pass() { P=$((P + 1)); }
fail() { F=$((F + 1)); echo "not ok $1"; [ -z "${2:-}" ] || echo "  $2"; }
expect() { if [ "$2" = "$3" ]; then pass; else fail "$1" "got [$2], want [$3]"; fi; }
contains() { if grep -qF -- "$3" "$2"; then pass; else fail "$1" "$2 lacks [$3]: $(head -c 300 "$2")"; fi; }

# ---- the 1 MB .gz of 1 GB ----
head -c 1048576 /dev/zero | gzip -n -9 >"$T/m.gz"
cp "$T/m.gz" "$T/b.gz"
for i in 1 2 3 4 5 6 7 8 9 10; do cat "$T/b.gz" "$T/b.gz" >"$T/b2.gz" && mv "$T/b2.gz" "$T/b.gz"; done
mv "$T/b.gz" "$T/bomb.txt.gz"
size=$(wc -c <"$T/bomb.txt.gz")
if [ "$size" -lt 1200000 ]; then pass; else fail "bomb is about 1 MB" "$size bytes"; fi
if [ -x /usr/bin/time ]; then
  /usr/bin/time -f '%M' -o "$T/bomb.rss" "$LB" extract "$T/bomb.txt.gz" >"$T/bomb.out" 2>"$T/bomb.err"
  rc=$?
  rss=$(tail -n 1 "$T/bomb.rss")
  # the lexicon's pages, 32 MB of text, its copy and the picture: well under 1 GB
  if [ "$rss" -lt 1000000 ]; then pass; else fail "bomb: peak RSS under 1 GB" "$rss KB"; fi
else
  "$LB" extract "$T/bomb.txt.gz" >"$T/bomb.out" 2>"$T/bomb.err"
  rc=$?
fi
expect "bomb: exit 0" "$rc" 0
contains "bomb: cut, in the picture" "$T/bomb.out" \
  '"text longer than 33554432 bytes (the limit of one document) cut at byte 33554432"'
contains "bomb: one sentence of 32 MB" "$T/bomb.out" '"sentences":[[0,33554432]]'
contains "bomb: named on stderr" "$T/bomb.err" \
  'lagebild extract: build/suite_limits/bomb.txt.gz: document "bomb" longer than 33554432 bytes: cut'

# ---- a cut at a character boundary: "ä" is bytes 1023-1024 ----
{ head -c 1023 /dev/zero | tr '\0' a; printf '\303\244 Ende.'; } >"$T/umlaut.txt"
"$LB" extract --stages text --max-doc-bytes 1K "$T/umlaut.txt" >"$T/umlaut.out" 2>"$T/umlaut.err"
expect "1K: exit 0" "$?" 0
contains "1K: cut before the ä" "$T/umlaut.out" '"text longer than 1024 bytes (the limit of one document) cut at byte 1023"'
contains "1K: no repaired byte" "$T/umlaut.out" '"sentences":[[0,1023]]'

# ---- over the memory limit: refused, the run goes on ----
{
  printf '%s\n' '{"id":"a","text":"Russland schickte 5 Soldaten nach Kursk."}'
  printf '{"id":"commas","text":"'
  head -c 1000000 /dev/zero | tr '\0' ,
  printf '"}\n'
  printf '%s\n' '{"id":"c","text":"Die Ukraine meldete 3 Drohnen."}'
} >"$T/mem.jsonl"
"$LB" extract --max-doc-memory 64M "$T/mem.jsonl" >"$T/mem.out" 2>"$T/mem.err"
expect "64M: exit 3" "$?" 3
expect "64M: the others written" "$(jq -r .id "$T/mem.out" | tr '\n' ' ')" "a c "
contains "64M: refused, named" "$T/mem.err" \
  'lagebild extract: build/suite_limits/mem.jsonl:2: document "commas" refused: needs more than 64 MB of memory (the limit of one document), at stage "tokens" (--max-doc-memory) (skipped)'
rm -f "$T/mem.db"
"$LB" ingest --max-doc-memory 64M "$T/mem.db" "$T/mem.jsonl" 2>"$T/ingest.err"
expect "ingest 64M: exit 3" "$?" 3
expect "ingest 64M: the others stored" "$(sqlite3 "$T/mem.db" 'SELECT group_concat(id, " ") FROM (SELECT id FROM documents ORDER BY id)')" "a c"
contains "ingest 64M: named" "$T/ingest.err" 'document "commas" refused: needs more than 64 MB'

# ---- out of memory: the document is refused, no abort (exit 134) ----
# room for the mapped lexicon and models and 200 MB more: the 1 MB of
# commas needs ~350 MB
vm=$(($(cat bin/lagebild.lex bin/*.lbsyn 2>/dev/null | wc -c) / 1024 + 200000))
(
  ulimit -v $vm 2>/dev/null || exit 77
  "$LB" extract --threads 1 "$T/mem.jsonl" >"$T/oom.out" 2>"$T/oom.err"
)
rc=$?
if [ $rc = 77 ]; then
  echo "limits: ulimit -v not available (out-of-memory check skipped)"
else
  expect "out of memory: exit 3" "$rc" 3
  expect "out of memory: the others written" "$(jq -r .id "$T/oom.out" | tr '\n' ' ')" "a c "
  contains "out of memory: refused, named" "$T/oom.err" 'document "commas" refused: out of memory at stage'
fi

# ---- bad values ----
for v in 0 12X -5 1T ""; do
  "$LB" extract --max-doc-bytes "$v" "$T/umlaut.txt" >/dev/null 2>"$T/bad.err"
  expect "--max-doc-bytes \"$v\": exit 2" "$?" 2
done
contains "bad value named" "$T/bad.err" '--max-doc-bytes wants a size'
"$LB" ingest --max-doc-memory 7Q "$T/x.db" "$T/umlaut.txt" >/dev/null 2>&1
expect "ingest --max-doc-memory 7Q: exit 2" "$?" 2

echo "$P passed, $F failed"
