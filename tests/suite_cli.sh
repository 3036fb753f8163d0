#!/bin/sh
# suite_cli.sh -- `lagebild extract` from the outside: options and --help,
# exit statuses, bad input (invalid UTF-8, NUL bytes, a 50 MB line, empty
# text, broken JSONL lines), byte-identical output across runs and thread
# counts, and JSON validity (jq) of everything it prints.
#
# Inputs: tests/data/cli_docs.jsonl (300 short real documents, see
# tests/data/SOURCE.md), tests/data/bad.jsonl, data/sample (the seed), and
# files generated here under build/cli (the 50 MB line is never committed).
# Ends with "N passed, N failed".
cd "$(dirname "$0")/.." || exit 1
LB=bin/lagebild
T=build/cli
SEED=data/sample/kursk-2024-11.de.txt
DOCS=tests/data/cli_docs.jsonl
mkdir -p "$T"
P=0
F=0

pass() { P=$((P + 1)); }
fail() { # name, detail
  F=$((F + 1))
  echo "not ok $1"
  [ -z "${2:-}" ] || echo "  $2"
}
# expect NAME ACTUAL WANTED
expect() {
  if [ "$2" = "$3" ]; then pass; else fail "$1" "got [$2], want [$3]"; fi
}
# contains NAME FILE TEXT: FILE holds the fixed string TEXT
contains() {
  if grep -qF -- "$3" "$2"; then pass; else fail "$1" "$2 lacks [$3]: $(head -c 300 "$2")"; fi
}
# run OUT ERR ARGS...: lagebild with stdout/stderr to files; sets RC
run() {
  out=$1
  err=$2
  shift 2
  "$LB" "$@" >"$out" 2>"$err"
  RC=$?
}
# valid NAME FILE [LINES]: every line of FILE is one JSON object (jq); and
# there are LINES of them when given
valid() {
  if ! jq -e -s 'all(type == "object")' "$2" >/dev/null 2>&1; then
    fail "$1: JSON" "$(head -c 300 "$2")"
    return
  fi
  n=$(jq -s 'length' "$2")
  lines=$(wc -l <"$2")
  if [ "$n" != "$lines" ]; then
    fail "$1: one object per line" "$n objects on $lines lines"
    return
  fi
  if [ -n "${3:-}" ] && [ "$n" != "$3" ]; then
    fail "$1: object count" "got $n, want $3"
    return
  fi
  pass
}
# field FILE LINE JQ: a value from the LINE-th object
field() { sed -n "$2p" "$1" | jq -c "$3"; }

if [ ! -x "$LB" ] || ! command -v jq >/dev/null 2>&1; then
  echo "not ok setup: need $LB (make) and jq (scripts/setup.sh)"
  echo "0 passed, 1 failed"
  exit 1
fi

# ---- --help documents every option, with an example ----
run "$T/help.txt" "$T/help.err" extract --help
expect "extract --help exit" "$RC" 0
for opt in --jsonl --text --published --lang --id --lexicon --threads --stages -o; do
  if grep -qE -- "^  $opt( |$)" "$T/help.txt"; then pass; else fail "--help lists $opt"; fi
  if grep -qE -- "^ +lagebild extract .*$opt( |$)" "$T/help.txt" ||
    grep -qE -- "^ +lagebild extract $opt( |$)" "$T/help.txt"; then
    pass
  else
    fail "--help has an example for $opt"
  fi
done
run "$T/h.txt" "$T/h.err" extract -h
expect "extract -h exit" "$RC" 0
if cmp -s "$T/h.txt" "$T/help.txt"; then pass; else fail "-h = --help"; fi
run "$T/h.txt" "$T/h.err" --help
expect "lagebild --help exit" "$RC" 0
contains "lagebild --help names extract" "$T/h.txt" "extract"

# ---- bad usage: exit 2 and a message naming the problem ----
run "$T/u.out" "$T/u.err" extract --bogus "$SEED"
expect "unknown option exit" "$RC" 2
contains "unknown option named" "$T/u.err" "--bogus"
expect "unknown option: no output" "$(wc -c <"$T/u.out")" 0
run "$T/u.out" "$T/u.err" extract --threads
expect "--threads without value exit" "$RC" 2
run "$T/u.out" "$T/u.err" extract --threads 0 "$SEED"
expect "--threads 0 exit" "$RC" 2

# Numeric options (issue 22): one check for all (lb_cli_int, lb_cli_num);
# out of range, overflowing or not a number is exit 2 with the option, the
# value and the range, and nothing is created or written.
# numeric NAME MESSAGE ARGS...: exit 2, MESSAGE (the first line of stderr), no store
numeric() {
  name=$1
  msg=$2
  shift 2
  rm -f "$T/n.db"
  run "$T/n.out" "$T/n.err" "$@"
  expect "$name: exit" "$RC" 2
  expect "$name: message" "$(head -n 1 "$T/n.err")" "$msg"
  expect "$name: no output" "$(wc -c <"$T/n.out")" 0
  if [ -e "$T/n.db" ]; then fail "$name: a store was created"; else pass; fi
}
numeric "--window-days overflow" "lagebild ingest: --window-days: 99999999999 is out of range (0..3650)" \
  ingest --window-days 99999999999 "$T/n.db" "$SEED"
numeric "--window-days past int" "lagebild ingest: --window-days: 4294967299 is out of range (0..3650)" \
  ingest --window-days 4294967299 "$T/n.db" "$SEED"
numeric "--window-days negative" "lagebild ingest: --window-days: -1 is out of range (0..3650)" \
  ingest --window-days=-1 "$T/n.db" "$SEED"
numeric "--window-days word" "lagebild ingest: --window-days: \"three\" is not a number (0..3650)" \
  ingest --window-days three "$T/n.db" "$SEED"
numeric "--window-days trailing" "lagebild ingest: --window-days: \"3d\" is not a number (0..3650)" \
  ingest --window-days 3d "$T/n.db" "$SEED"
numeric "--radius-km inf" "lagebild ingest: --radius-km: inf is out of range (0.001..20040)" \
  ingest --radius-km inf "$T/n.db" "$SEED"
numeric "--radius-km 1e999" "lagebild ingest: --radius-km: 1e999 is out of range (0.001..20040)" \
  ingest --radius-km 1e999 "$T/n.db" "$SEED"
numeric "--radius-km nan" "lagebild ingest: --radius-km: \"nan\" is not a number (0.001..20040)" \
  ingest --radius-km nan "$T/n.db" "$SEED"
numeric "--radius-km hex" "lagebild ingest: --radius-km: \"0x10\" is not a number (0.001..20040)" \
  ingest --radius-km 0x10 "$T/n.db" "$SEED"
numeric "--radius-km 0" "lagebild ingest: --radius-km: 0 is out of range (0.001..20040)" \
  ingest --radius-km 0 "$T/n.db" "$SEED"
numeric "--batch overflow" "lagebild ingest: --batch: 18446744073709551617 is out of range (1..1000000)" \
  ingest --batch 18446744073709551617 "$T/n.db" "$SEED"
numeric "--threads 65" "lagebild extract: --threads: 65 is out of range (1..64)" extract --threads 65 "$SEED"
numeric "--threads 0" "lagebild extract: --threads: 0 is out of range (1..64)" extract --threads 0 "$SEED"
numeric "--threads blank" "lagebild extract: --threads: \"\" is not a number (1..64)" extract --threads= "$SEED"
numeric "--max-doc-bytes past 2^64" \
  "lagebild extract: --max-doc-bytes wants a size (bytes, or with K, M, G), not \"99999999999999999999\"" \
  extract --max-doc-bytes 99999999999999999999 "$SEED"
# query and export: the store is never opened (the file does not exist)
numeric "query --quad" "lagebild query: --quad: 5 is out of range (1..4)" query "$T/n.db" --quad 5
numeric "query --limit overflow" \
  "lagebild query: --limit: 99999999999999999999 is out of range (1..9223372036854775807)" \
  query "$T/n.db" --limit 99999999999999999999
numeric "query --incident 0" "lagebild query: --incident: 0 is out of range (1..9223372036854775807)" \
  query "$T/n.db" --incident 0
numeric "query --bbox longitude" "lagebild query: --bbox: 200 is out of range (-180..180)" \
  query "$T/n.db" --bbox 30,45,200,56
numeric "query --bbox latitude" "lagebild query: --bbox: -91 is out of range (-90..90)" \
  query "$T/n.db" --bbox 30,-91,40,56
numeric "export --bbox inf" "lagebild export: --bbox: inf is out of range (-180..180)" \
  export "$T/n.db" --format csv --bbox inf,45,40,56
numeric "serve --port" "lagebild serve: --port: 70000 is out of range (0..65535)" serve --port 70000 "$T/n.db"
numeric "serve --timeout overflow" "lagebild serve: --timeout: 4294967297 is out of range (1..3600)" \
  serve --timeout 4294967297 "$T/n.db"
numeric "worker --ack-wait inf" "lagebild worker: --ack-wait: inf is out of range (1..86400)" \
  worker nats://127.0.0.1:1 --store "$T/n.db" --ack-wait inf
numeric "queue --replicas 1.5" "lagebild queue: --replicas: \"1.5\" is not a number (1..5)" \
  queue nats://127.0.0.1:1 --replicas 1.5 "$SEED"
# in range they are taken: a store with a window of 3650 days and 0.5 km
run "$T/n.out" "$T/n.err" ingest --quiet --window-days 3650 --radius-km 0.5 --published 2024-11-11 "$T/n.db" "$SEED"
expect "--window-days 3650 --radius-km 0.5: exit" "$RC" 0
expect "--window-days 3650 --radius-km 0.5: kept" \
  "$(sqlite3 "$T/n.db" "SELECT group_concat(value, ' ') FROM (SELECT value FROM meta WHERE key IN ('radius_km', 'window_days') ORDER BY key)")" \
  "0.5 3650"
rm -f "$T/n.db" "$T/n.db-wal" "$T/n.db-shm"

run "$T/u.out" "$T/u.err" extract --stages bogus "$SEED"
expect "unknown stage exit" "$RC" 2
contains "unknown stage named" "$T/u.err" "bogus"
run "$T/u.out" "$T/u.err" bogus-command
expect "unknown command exit" "$RC" 2
run "$T/u.out" "$T/u.err" extract "$T/does-not-exist.txt"
expect "missing file exit" "$RC" 1
contains "missing file named" "$T/u.err" "does-not-exist.txt"

# ---- the seed, and the plain-text options ----
run "$T/seed.out" "$T/seed.err" extract --published 2024-11-11 "$SEED"
expect "seed exit" "$RC" 0
valid "seed" "$T/seed.out" 1
expect "seed lang" "$(field "$T/seed.out" 1 .lang)" '"de"'
expect "seed id = file base name" "$(field "$T/seed.out" 1 .id)" '"kursk-2024-11"'
expect "seed published" "$(field "$T/seed.out" 1 .published)" '"2024-11-11"'
expect "seed: 25 sentences" "$(field "$T/seed.out" 1 '.sentences | length')" 25
expect "seed: first sentence" "$(field "$T/seed.out" 1 '.sentences[0]')" '[0,310]'
run "$T/opt.out" "$T/opt.err" extract --id doc-1 --lang en --published 2024-11-12 "$SEED"
expect "--id" "$(field "$T/opt.out" 1 .id)" '"doc-1"'
expect "--lang kept" "$(field "$T/opt.out" 1 .lang)" '"en"'
expect "--published" "$(field "$T/opt.out" 1 .published)" '"2024-11-12"'
"$LB" extract --published 2024-11-11 <"$SEED" >"$T/stdin.out" 2>"$T/stdin.err"
expect "stdin exit" "$?" 0
expect "stdin: same sentences as the file" "$(field "$T/stdin.out" 1 .sentences)" \
  "$(field "$T/seed.out" 1 .sentences)"
if field "$T/stdin.out" 1 .id | grep -qE '^"[0-9a-f]{16}"$'; then pass; else
  fail "stdin id is a text hash" "$(field "$T/stdin.out" 1 .id)"
fi
run "$T/text.out" "$T/text.err" extract --stages text --published 2024-11-11 "$SEED"
expect "--stages text: no entities" "$(field "$T/text.out" 1 '.entities | length')" 0
expect "--stages text: same sentences" "$(field "$T/text.out" 1 .sentences)" \
  "$(field "$T/seed.out" 1 .sentences)"
run "$T/o.out" "$T/o.err" extract -o "$T/o.jsonl" --published 2024-11-11 "$SEED"
expect "-o: nothing on stdout" "$(wc -c <"$T/o.out")" 0
if cmp -s "$T/o.jsonl" "$T/seed.out"; then pass; else fail "-o FILE = stdout"; fi

# ---- invalid UTF-8: replaced in place, warned with the byte offset ----
printf 'Kyjiw meldete \377\376 Drohnen.\n' >"$T/invalid.txt"
run "$T/inv.out" "$T/inv.err" extract "$T/invalid.txt"
expect "invalid UTF-8 exit" "$RC" 0
valid "invalid UTF-8" "$T/inv.out" 1
expect "invalid UTF-8 warning" "$(field "$T/inv.out" 1 '.warnings')" \
  '["invalid UTF-8 at byte 14 (2 bytes replaced)"]'
expect "invalid UTF-8: offsets of the original" "$(field "$T/inv.out" 1 '.sentences')" '[[0,25]]'
printf '{"id":"inv","text":"Kyjiw \351 Ende. Zweiter Satz."}\n' >"$T/invalid.jsonl"
run "$T/inv2.out" "$T/inv2.err" extract "$T/invalid.jsonl"
expect "invalid UTF-8 in JSONL exit" "$RC" 0
valid "invalid UTF-8 in JSONL" "$T/inv2.out" 1
expect "invalid UTF-8 in JSONL warning" "$(field "$T/inv2.out" 1 '.warnings')" \
  '["invalid UTF-8 at byte 6 (1 byte replaced)"]'
expect "invalid UTF-8 in JSONL sentences" "$(field "$T/inv2.out" 1 '.sentences')" '[[0,13],[14,27]]'

# ---- NUL bytes ----
printf 'Erster Satz.\000\000 Zweiter Satz.' >"$T/nul.txt"
run "$T/nul.out" "$T/nul.err" extract "$T/nul.txt"
expect "NUL exit" "$RC" 0
valid "NUL" "$T/nul.out" 1
expect "NUL warning" "$(field "$T/nul.out" 1 '.warnings')" '["NUL byte at byte 12 (2 bytes replaced)"]'
# 0x1A counts as a letter: the replaced bytes stay inside the word they hit
expect "NUL sentences" "$(field "$T/nul.out" 1 '.sentences')" '[[0,28]]'
run "$T/bad.out" "$T/bad.err" extract tests/data/bad.jsonl
expect "\\u0000 in JSONL warning" "$(jq -c 'select(.id == "ok-2") | .warnings' "$T/bad.out")" \
  '["NUL byte at byte 26 (1 byte replaced)"]'

# ---- control characters, quotes, backslashes: output stays valid JSON ----
printf '%s\n' '{"id":"ctl","text":"a\u0001b\tc \"q\" \\ \u2028 \u001f Ende. \ud83d\ude00 Satz."}' >"$T/ctl.jsonl"
run "$T/ctl.out" "$T/ctl.err" extract "$T/ctl.jsonl"
expect "control characters exit" "$RC" 0
valid "control characters" "$T/ctl.out" 1
expect "control characters id" "$(field "$T/ctl.out" 1 .id)" '"ctl"'

# ---- empty text ----
: >"$T/empty.txt"
run "$T/empty.out" "$T/empty.err" extract "$T/empty.txt"
expect "empty text exit" "$RC" 0
valid "empty text" "$T/empty.out" 1
expect "empty text: no sentences" "$(field "$T/empty.out" 1 .sentences)" '[]'
expect "empty text: lang null" "$(field "$T/empty.out" 1 .lang)" 'null'
printf '%s\n' '{"id":"e1","text":""}' '{"id":"e2","text":"  \n\t "}' '{"id":"e3","text":"Danach."}' >"$T/empty.jsonl"
run "$T/empty2.out" "$T/empty2.err" extract "$T/empty.jsonl"
expect "empty JSONL texts exit" "$RC" 0
valid "empty JSONL texts" "$T/empty2.out" 3
expect "empty JSONL texts: ids" "$(jq -r .id "$T/empty2.out" | tr '\n' ' ')" "e1 e2 e3 "
expect "blank text: no sentences" "$(field "$T/empty2.out" 2 .sentences)" '[]'

# ---- broken JSONL lines: warned with file:line, the others go on, exit 3 ----
bad_line() { # name, the bad line, what stderr must say
  f=$T/bad-$1.jsonl
  printf '%s\n' '{"id":"before","text":"Vorher ein Satz."}' "$2" '{"id":"after","text":"Danach ein Satz."}' >"$f"
  run "$T/bad-$1.out" "$T/bad-$1.err" extract "$f"
  expect "$1: exit 3" "$RC" 3
  valid "$1" "$T/bad-$1.out" 2
  expect "$1: before and after processed" "$(jq -r .id "$T/bad-$1.out" | tr '\n' ' ')" "before after "
  contains "$1: file:line on stderr" "$T/bad-$1.err" "$f:2:"
  contains "$1: reason on stderr" "$T/bad-$1.err" "$3"
}
bad_line truncated '{"id":"trunc","text":"Abgeschn' "unterminated string"
bad_line not-json 'kein JSON' "invalid JSON"
bad_line array '["not","an","object"]' "not a JSON object"
bad_line string '"just a string"' "not a JSON object"
bad_line number-text '{"id":"n","text":42}' '"text" is a number'
bad_line null-text '{"id":"n","text":null}' '"text" is'
bad_line array-text '{"id":"n","text":["a"]}' '"text" is'
bad_line no-text '{"id":"n","title":"x"}' 'no "text"'
expect "bad.jsonl exit" "$(
  "$LB" extract tests/data/bad.jsonl >"$T/bad.out" 2>"$T/bad.err"
  echo $?
)" 3
expect "bad.jsonl: good lines" "$(jq -r .id "$T/bad.out" | tr '\n' ' ')" "ok-1 ok-2 "
expect "bad.jsonl: lines named" "$(grep -oE '[^ ]*bad.jsonl:[0-9]+' "$T/bad.err" | tr '\n' ' ')" \
  "tests/data/bad.jsonl:2 tests/data/bad.jsonl:3 tests/data/bad.jsonl:4 tests/data/bad.jsonl:5 "

# ---- a 50 MB single line ----
if [ ! -s "$T/big.jsonl" ]; then
  {
    printf '%s\n' '{"id":"before","text":"Vorher ein Satz."}'
    printf '{"id":"big","text":"'
    # 50.6 MB: one sentence (55 bytes with its space) 920,000 times on one line
    yes 'Die Ukraine meldete am Montag 145 Drohnen über Kyjiw.' | head -n 920000 | tr '\n' ' '
    printf '"}\n'
    printf '%s\n' '{"id":"after","text":"Danach ein Satz."}'
  } >"$T/big.jsonl"
fi
big=$(wc -c <"$T/big.jsonl")
if [ "$big" -gt 50000000 ]; then pass; else fail "big line is 50 MB" "$big bytes"; fi
# (over the default limit of one document, 32 MB, which suite_limits.sh tests)
run "$T/big.out" "$T/big.err" extract --stages text --max-doc-bytes 64M "$T/big.jsonl"
expect "50 MB line exit" "$RC" 0
expect "50 MB line: all three documents" "$(jq -r .id "$T/big.out" | tr '\n' ' ')" "before big after "
expect "50 MB line: sentences" "$(field "$T/big.out" 2 '.sentences | length')" 920000
expect "50 MB line: last sentence" "$(field "$T/big.out" 2 '.sentences[-1]')" '[50599945,50599999]'
expect "50 MB line: lang" "$(field "$T/big.out" 2 '.lang')" '"de"'

# ---- byte-identical output across runs and thread counts ----
"$LB" extract --threads 1 "$DOCS" >"$T/t1.out" 2>"$T/t1.err"
expect "300 documents exit" "$?" 0
valid "300 documents" "$T/t1.out" 300
for t in 2 4; do
  "$LB" extract --threads $t "$DOCS" >"$T/t$t.out" 2>&1
  if cmp -s "$T/t1.out" "$T/t$t.out"; then pass; else fail "--threads 1 = --threads $t"; fi
done
"$LB" extract --threads 2 "$DOCS" >"$T/t2b.out" 2>&1
if cmp -s "$T/t2.out" "$T/t2b.out"; then pass; else fail "two runs with --threads 2 are identical"; fi
# more documents than one batch (1,024), over three files with a bad line in
# the middle: the batches are read, extracted and written in turn (the next
# read while the last is written), in input order, for any thread count
# (the text stage: the batches do not depend on the stages run, and 2,206
# documents through the parser would take two minutes of `make test`)
for k in 1 2 3 4 5 6 7; do cat "$DOCS"; done | head -n 1300 >"$T/m1.jsonl"
{ cat "$DOCS" "$DOCS"; echo '{"id": broken'; cat "$DOCS"; } >"$T/m2.jsonl"
head -n 5 "$DOCS" >"$T/m3.jsonl"
"$LB" extract --stages text --threads 1 "$T/m1.jsonl" "$T/m2.jsonl" "$T/m3.jsonl" >"$T/m1.out" 2>"$T/m1.err"
expect "3 files, 2,206 lines, one bad: exit" "$?" 3
expect "3 files: every good line out" "$(wc -l <"$T/m1.out" | tr -d ' ')" 2205
expect "3 files: the bad line named" "$(grep -c 'm2.jsonl:601: invalid JSON' "$T/m1.err")" 1
"$LB" extract --stages text --threads 2 "$T/m1.jsonl" "$T/m2.jsonl" "$T/m3.jsonl" >"$T/m2.out" 2>/dev/null
if cmp -s "$T/m1.out" "$T/m2.out"; then pass; else fail "3 files: --threads 1 = --threads 2"; fi
expect "3 files: ids in input order" "$(jq -r .id "$T/m2.out" | sed -n '1300p;1301p;2205p' | tr '\n' ' ')" \
  "$(sed -n '1300p' "$T/m1.jsonl" | jq -r .id) $(head -n 1 "$DOCS" | jq -r .id) $(sed -n '5p' "$DOCS" | jq -r .id) "
"$LB" extract --jsonl <"$DOCS" >"$T/stdin-docs.out" 2>&1
if cmp -s "$T/t1.out" "$T/stdin-docs.out"; then pass; else fail "--jsonl on stdin = the file"; fi
expect "300 documents: ids in input order" "$(jq -r .id "$T/t1.out" | head -n 3 | tr '\n' ' ')" \
  "germeval-0 germeval-1 germeval-2 "
expect "English detected" "$(jq -r 'select(.id == "wikievents-1") | .lang' "$T/t1.out")" en
expect "German detected" "$(jq -r 'select(.id == "10kgnad-0") | .lang' "$T/t1.out")" de
"$LB" extract --stages text --text "$DOCS" >"$T/astext.out" 2>&1
valid "--text reads a .jsonl name as one document" "$T/astext.out" 1

# Bug (fixed 25 Nov): every input file stayed open until its documents were
# written, up to two batches of 1024, so 1,100 one-document files ran out of
# file descriptors at the usual limit of 1024 ("Too many open files"). Now
# each file is closed when read. 300 files under a limit of 64:
rm -rf "$T/many"
mkdir -p "$T/many"
split -l 1 -a 3 -d "$DOCS" "$T/many/d"
for f in "$T/many"/d*; do mv "$f" "$f.jsonl"; done
(ulimit -n 64 && "$LB" extract --threads 2 "$T/many"/d*.jsonl >"$T/many.out" 2>"$T/many.err")
expect "300 one-document files under ulimit -n 64: exit" "$?" 0
if cmp -s "$T/t1.out" "$T/many.out"; then pass; else fail "300 one-document files = the one file" "$(head -n 2 "$T/many.err")"; fi

echo "$P passed, $F failed"
[ "$F" = 0 ]
