#!/bin/sh
# suite_read.sh -- reading compressed input through `lagebild extract`:
# a truncated gzip file is named on stderr and counted as skipped (exit 3),
# and the documents read before the damage are still written.
cd "$(dirname "$0")/.." || exit 1
P=0
F=0
ok() { P=$((P + 1)); }
bad() { F=$((F + 1)); echo "not ok $1"; }
tmp=build/suite_read
mkdir -p $tmp
printf '{"id":"a","text":"Hallo Welt."}\n{"id":"b","text":"Zweite Zeile mit mehr Text."}\n' | gzip -n > $tmp/t.jsonl.gz
n=$(bin/lagebild extract --stages text $tmp/t.jsonl.gz | wc -l)
[ "$n" = 2 ] && ok || bad "gzip JSONL gives 2 documents, got $n"
head -c 30 $tmp/t.jsonl.gz > $tmp/trunc.jsonl.gz
bin/lagebild extract --stages text $tmp/trunc.jsonl.gz > $tmp/out 2> $tmp/err
rc=$?
[ $rc = 3 ] && ok || bad "truncated gzip exits 3, got $rc"
grep -q 'trunc.jsonl.gz.*gzip data ends early (truncated at byte 30)' $tmp/err && ok || bad "truncated gzip named on stderr: $(cat $tmp/err)"
echo "$P passed, $F failed"
