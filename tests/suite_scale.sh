#!/bin/sh
# suite_scale.sh -- the store on PostgreSQL and the queue on NATS JetStream
# (issue 21, docs/scale.md), against servers this suite starts itself: a
# throwaway PostgreSQL cluster (initdb in a temp dir, run as the postgres
# user, 127.0.0.1) and nats-server -js with a temp store dir (tests/servers.sh).
# Both are stopped at the end, also when a test fails (trap). A server that
# cannot be started is a failure, never a skip.
#
#   1. ingest, query and export on PostgreSQL give what they give on SQLite
#   2. serve on PostgreSQL passes the API tests of tests/web/api.test.js
#   3. queue + two workers; one killed with SIGKILL mid-batch, another
#      started: the store holds exactly what one SQLite ingest holds
#   4. the same with nats-server killed and restarted mid-run, and with
#      PostgreSQL stopped (immediate shutdown) and started again
#   5. a document that cannot be stored goes to the dead letters after
#      --max-deliver tries, one that is no document at once; the documents
#      around them are stored
# Ends with "N passed, N failed".
#
#   sh tests/suite_scale.sh                      everything (~25 s)
#   SCALE_TESTS="store dead" sh tests/suite_scale.sh   some parts:
#                                                store api kill restart pgrestart dead
cd "$(dirname "$0")/.." || exit 1
want() { [ -z "${SCALE_TESTS:-}" ] || case " $SCALE_TESTS " in *" $1 "*) true ;; *) false ;; esac; }
LB=${LB:-bin/lagebild} # LB=build/asan/lagebild: the same under the sanitizers
T=build/suite-scale.$$
rm -rf "$T"
mkdir -p "$T"
P=0
F=0
ok() { P=$((P + 1)); }
fail() {
  F=$((F + 1))
  echo "FAIL $*"
}
check() { # name expected actual
  if [ "$2" = "$3" ]; then ok; else fail "$1: got '$3', expected '$2'"; fi
}
. tests/servers.sh
WPIDS=""
finish() {
  for p in $WPIDS; do kill -9 "$p" 2>/dev/null; done
  servers_stop
  rm -rf "$T"
}
trap finish EXIT
trap 'exit 1' INT TERM

if ! pg_start; then
  fail "PostgreSQL cannot be started (scripts/setup.sh installs postgresql)"
  echo "$P passed, $F failed"
  exit 1
fi
if ! nats_start; then
  fail "nats-server cannot be started (scripts/setup.sh installs nats-server)"
  echo "$P passed, $F failed"
  exit 1
fi
ok
PG_BASE=${PG_URL%/*}
newdb() { # NAME: a fresh database, its URL on stdout
  pg_sql "DROP DATABASE IF EXISTS $1" >/dev/null 2>&1
  pg_sql "CREATE DATABASE $1" >/dev/null && echo "$PG_BASE/$1"
}
pq() { pg_sql "$2" "$1"; } # URL SQL
q() { sqlite3 "$1" "$2"; }

SEED=data/sample/kursk-2024-11.de.txt
REP=tests/data/store_reports.jsonl

# ---- 1. the store on PostgreSQL: as on SQLite ----
if want store; then
DB=$(newdb parity)
LITE=$T/parity.db
$LB ingest --stats --published 2024-11-11 "$DB" "$SEED" "$REP" 2>"$T/e1"
check "pg ingest exit" 0 $?
grep -q "5 documents read: 5 added, 0 replaced, 0 unchanged" "$T/e1" && ok || fail "pg ingest summary: $(cat "$T/e1")"
$LB ingest --quiet --published 2024-11-11 "$LITE" "$SEED" "$REP"
$LB ingest --stats --published 2024-11-11 "$DB" "$SEED" "$REP" 2>"$T/e2"
grep -q "5 documents read: 0 added, 0 replaced, 5 unchanged" "$T/e2" && ok || fail "pg re-ingest: $(cat "$T/e2")"
check "pg schema version" 6 "$(pq "$DB" "SELECT value FROM meta WHERE key = 'schema_version'")"
# version 6 (issue 22): mentions indexed by (ent, lower(text)) for the names
# cleanup of a replaced document; a version 5 store is migrated by a writer
check "pg v6 index" "mentions_ent_text" \
  "$(pq "$DB" "SELECT string_agg(indexname, ' ' ORDER BY indexname) FROM pg_indexes WHERE tablename = 'mentions' AND indexname <> 'mentions_pkey'")"
V5=$(newdb v5)
$LB ingest --quiet --published 2024-11-11 "$V5" "$SEED"
pq "$V5" "DROP INDEX mentions_ent_text; CREATE INDEX mentions_ent ON mentions(ent); UPDATE meta SET value = '5' WHERE key = 'schema_version'" >/dev/null
$LB query "$V5" --documents 2>"$T/v5.err" >/dev/null
check "pg v5 store: a reader refuses" 1 $?
grep -q "schema version 5, this lagebild reads version 6" "$T/v5.err" && ok || fail "pg v5 reader: $(cat "$T/v5.err")"
$LB ingest --stats --published 2024-11-11 "$V5" "$SEED" "$REP" 2>"$T/v5.ing"
check "pg v5 store: ingest migrates and adds" 0 $?
grep -q "5 documents read: 4 added, 0 replaced, 1 unchanged" "$T/v5.ing" && ok || fail "pg v5 ingest: $(cat "$T/v5.ing")"
check "pg v5 store: now version 6 with the index" "6 mentions_ent_text" \
  "$(pq "$V5" "SELECT (SELECT value FROM meta WHERE key = 'schema_version') || ' ' || (SELECT string_agg(indexname, ' ' ORDER BY indexname) FROM pg_indexes WHERE tablename = 'mentions' AND indexname <> 'mentions_pkey')")"
check "the seed's sentences through the view" "25|0|310|4696|4889" \
  "$(pq "$DB" "SELECT count(*), min(start), min(\"end\"), max(start), max(\"end\") FROM sentences s JOIN documents d ON d.doc = s.doc WHERE d.id = 'kursk-2024-11'")"
same() { # name, query arguments...: the same output from both stores
  name=$1
  shift
  $LB query "$DB" "$@" >"$T/pg.out" 2>&1
  $LB query "$LITE" "$@" >"$T/lite.out" 2>&1
  if cmp -s "$T/pg.out" "$T/lite.out" && [ -s "$T/lite.out" ]; then ok; else
    fail "query $name differs between PostgreSQL and SQLite"
    diff "$T/pg.out" "$T/lite.out" | head -8
  fi
}
for k in --events --incidents --quantities --documents --entities; do same "$k" $k --jsonl; done
same "--incidents --root 15 --from 2024-11" --incidents --root 15 --from 2024-11 --jsonl
same "--code 154 --place Kursk" --code 154 --place Kursk --tsv
same "--place Moskau" --place Moskau --tsv
# issue 22: the place is matched literally ("%" and "_" are no wildcards)
for w in '%' '_' 'Kurs_' '%Oblast'; do
  check "pg --place $w matches nothing" 0 "$($LB query "$DB" --place "$w" --jsonl | wc -l)"
done
check "pg --place 'kursk oblast'" "$($LB query "$LITE" --place 'kursk oblast' --jsonl | wc -l)" \
  "$($LB query "$DB" --place 'kursk oblast' --jsonl | wc -l)"
same "--bbox" --bbox 35,51,37.5,52.5 --jsonl
same "--actor PRK" --actor PRK --jsonl
same "--text Drohnen" --text Drohnen --tsv
same "--text phrase" --documents --text '"Region Kursk"' --tsv
same "--documents --to" --documents --to 2024-08-31 --tsv
same "--quantities --unit troops" --quantities --unit troops --tsv
same "--doc --quad 4 table" --doc kursk-2024-11 --quad 4 --table
same "--entities --doc" --entities --doc kursk-2024-11 --csv
for fm in gdelt geojson csv; do
  $LB export "$DB" --format $fm >"$T/pg.$fm"
  $LB export "$LITE" --format $fm >"$T/lite.$fm"
  if cmp -s "$T/pg.$fm" "$T/lite.$fm" && [ -s "$T/lite.$fm" ]; then ok; else
    fail "export $fm differs between PostgreSQL and SQLite"
    diff "$T/pg.$fm" "$T/lite.$fm" | head -6
  fi
done
# a new version replaces the old one and its incidents are recounted
sed 's/rund 50.000 Soldaten/rund 50.000 russische Soldaten/' "$REP" >"$T/rep2.jsonl"
$LB ingest --stats "$DB" "$T/rep2.jsonl" 2>"$T/e3"
grep -q "4 documents read: 0 added, 1 replaced, 3 unchanged" "$T/e3" && ok || fail "pg replace: $(cat "$T/e3")"
$LB ingest --quiet "$LITE" "$T/rep2.jsonl"
same "incidents after a replacement" --incidents --jsonl
check "no orphan rows" "0|0" "$(pq "$DB" "SELECT (SELECT count(*) FROM events WHERE doc NOT IN (SELECT doc FROM documents)), (SELECT count(*) FROM mentions WHERE doc NOT IN (SELECT doc FROM documents))" | tr -d ' ')"
# names: exactly the distinct (lower(text), entity) pairs of the mentions
check "pg: names are the mentions' pairs after a replacement" "0|$(pq "$DB" "SELECT count(*) FROM (SELECT DISTINCT lower(text), ent FROM mentions) x")" \
  "$(pq "$DB" "SELECT (SELECT count(*) FROM names n WHERE NOT EXISTS (SELECT 1 FROM mentions m WHERE m.ent = n.ent AND lower(m.text) = lower(n.text))) || '|' || (SELECT count(*) FROM names)")"
# refusals: no server, wrong password shown nowhere, not a store
$LB query "postgresql://postgres:secret@127.0.0.1:1/x" 2>"$T/e4"
check "no server: exit 1" 1 $?
grep -q "cannot connect to PostgreSQL" "$T/e4" && ! grep -q secret "$T/e4" && ok ||
  fail "no server: message (password hidden): $(cat "$T/e4")"
EMPTY=$(newdb empty)
$LB query "$EMPTY" 2>"$T/e5"
check "no store in the database: exit 1" 1 $?
grep -q "no lagebild store in this database" "$T/e5" && ok || fail "no store: $(cat "$T/e5")"
fi

# ---- 2. serve on PostgreSQL: the API tests ----
if want api; then
API=$(newdb api)
$LB ingest --quiet "$API" data/sample/reports.jsonl && $LB ingest --quiet "$API" tests/web/hostile.jsonl
check "api store" 7 "$(pq "$API" "SELECT count(*) FROM documents")"
: >"$T/serve.log"
$LB serve --port 0 --timeout 2 --threads 2 "$API" 2>"$T/serve.log" &
spid=$!
WPIDS="$WPIDS $spid"
url=""
i=0
while [ $i -lt 100 ] && [ -z "$url" ]; do
  url=$(sed -n 's/^lagebild serve: listening on \(http:[^ ]*\).*/\1/p' "$T/serve.log")
  [ -n "$url" ] || sleep 0.1
  i=$((i + 1))
done
if [ -z "$url" ]; then
  fail "serve on PostgreSQL did not start: $(cat "$T/serve.log")"
else
  grep -q "secret\|password" "$T/serve.log" && fail "serve printed a password" || ok
  LB_URL=$url LB_TIMEOUT=2 node tests/web/api.test.js >"$T/api.log" 2>&1
  line=$(grep -E "^api: [0-9]+ passed, [0-9]+ failed" "$T/api.log" | tail -n 1)
  check "API tests on PostgreSQL" "api: 21 passed, 0 failed" "$line"
  [ "$line" = "api: 21 passed, 0 failed" ] || grep "not ok" "$T/api.log" | head
  # the answer cache sees a commit of another writer
  n0=$(node -e 'fetch(process.argv[1] + "api/stats").then((r) => r.json()).then((j) => console.log(j.documents))' "$url")
  printf '%s\n' '{"id":"live-1","text":"Russland hat am Montag die Ukraine angegriffen.","published":"2024-11-13"}' >"$T/live.jsonl"
  $LB ingest --quiet "$API" "$T/live.jsonl"
  n1=$(node -e 'fetch(process.argv[1] + "api/stats").then((r) => r.json()).then((j) => console.log(j.documents))' "$url")
  check "a document ingested while serving is seen" "7 8" "$n0 $n1"
  kill -TERM $spid
  wait $spid
  check "serve stops on SIGTERM" 0 $?
  grep -q "SQL error" "$T/serve.log" && fail "SQL errors in the server log: $(grep 'SQL error' "$T/serve.log" | head -3)" || ok
fi
fi

# ---- 3. and 4.: queue, workers, SIGKILL, a NATS restart ----
# a few thousand real documents: German news, tweets, court decisions
# (bench/corpus.js over ../shared/data, one round, first 3000). What is
# compared is the stores' bytes, not the facts: the syntax stage runs with
# the small test model (tests/data/syntax-tiny, ~10x faster than the
# committed one) so that make test stays within its 10 minutes.
export LAGEBILD_SYNTAX=tests/data/syntax-tiny
if want kill || want restart || want pgrestart; then
if node bench/corpus.js ../shared/data "$T/corpus" 1 >/dev/null 2>"$T/corpus.err"; then
  head -n 3000 "$T/corpus/corpus.jsonl" >"$T/docs.jsonl"
else
  fail "no corpus for the queue tests (../shared/data): $(cat "$T/corpus.err")"
  : >"$T/docs.jsonl"
fi
NDOCS=$(wc -l <"$T/docs.jsonl")
REF=$T/ref.db
$LB ingest --quiet --published 2024-11-11 "$REF" "$T/docs.jsonl"
check "reference SQLite ingest" "$NDOCS" "$(q "$REF" "SELECT count(*) FROM documents")"

# what must be equal: counts, and per document its rows of each kind
counts_sql="SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events), (SELECT count(*) FROM claims), (SELECT count(*) FROM mentions), (SELECT count(*) FROM quantities), (SELECT count(*) FROM dates), (SELECT count(*) FROM signals), (SELECT count(*) FROM entities)"
perdoc_sql='SELECT d.id, d.hash, (SELECT count(*) FROM events e WHERE e.doc = d.doc), (SELECT count(*) FROM claims c WHERE c.doc = d.doc), (SELECT count(*) FROM mentions m WHERE m.doc = d.doc), (SELECT count(*) FROM quantities x WHERE x.doc = d.doc) FROM documents d ORDER BY d.id'
events_sql='SELECT d.id, e.n, e.code, e.source, e.target, e.place, e.start, e."end", e.day_from, e.mood FROM events e JOIN documents d ON d.doc = e.doc ORDER BY d.id, e.n'
claims_sql='SELECT d.id, c.n, c.speaker, c.speaker_text, c.verb, c.start, c."end", c.cue_start, c.sentence FROM claims c JOIN documents d ON d.doc = c.doc ORDER BY d.id, c.n'
incidents_sql='SELECT root, code, source, target, place, day_from, day_to, reports, documents FROM incidents'
compare() { # label, postgres URL
  check "$1: counts (documents, events, claims, mentions, quantities, dates, signals, entities)" \
    "$(q "$REF" "$counts_sql")" "$(pq "$2" "$counts_sql")"
  check "$1: no document twice" "" "$(pq "$2" "SELECT id FROM documents GROUP BY id HAVING count(*) > 1")"
  q "$REF" "$perdoc_sql" >"$T/ref.perdoc"
  pq "$2" "$(echo "$perdoc_sql" | sed 's/ORDER BY d.id/ORDER BY d.id COLLATE "C"/')" >"$T/pg.perdoc"
  if cmp -s "$T/ref.perdoc" "$T/pg.perdoc"; then ok; else
    fail "$1: per-document rows differ from the SQLite ingest"
    diff "$T/ref.perdoc" "$T/pg.perdoc" | head -6
  fi
  q "$REF" "$events_sql" >"$T/ref.events"
  pq "$2" "$(echo "$events_sql" | sed 's/ORDER BY d.id/ORDER BY d.id COLLATE "C"/')" >"$T/pg.events"
  if cmp -s "$T/ref.events" "$T/pg.events"; then ok; else
    fail "$1: events differ from the SQLite ingest"
    diff "$T/ref.events" "$T/pg.events" | head -6
  fi
  q "$REF" "$claims_sql" >"$T/ref.claims"
  pq "$2" "$(echo "$claims_sql" | sed 's/ORDER BY d.id/ORDER BY d.id COLLATE "C"/')" >"$T/pg.claims"
  if cmp -s "$T/ref.claims" "$T/pg.claims"; then ok; else
    fail "$1: claims differ from the SQLite ingest"
    diff "$T/ref.claims" "$T/pg.claims" | head -6
  fi
  # incidents depend on the order documents are merged in (commit order
  # here, input order there): reported, not required
  q "$REF" "$incidents_sql" | LC_ALL=C sort >"$T/ref.inc"
  pq "$2" "$incidents_sql" | LC_ALL=C sort >"$T/pg.inc"
  echo "$1: $(wc -l <"$T/pg.inc") incidents (SQLite: $(wc -l <"$T/ref.inc")), $(cmp -s "$T/ref.inc" "$T/pg.inc" && echo "the same" || echo "$(diff "$T/ref.inc" "$T/pg.inc" | grep -c '^>') different")"
}

# start_worker STREAM DB LOG: a worker in the background, its pid in $wpid
start_worker() {
  $LB worker "$NATS_URL" --stream "$1" --store "$2" --threads 1 --batch 64 --ack-wait 2 \
    --exit-when-idle --stats-every 1 >>"$3" 2>&1 &
  wpid=$!
  WPIDS="$WPIDS $wpid"
}
# wait_done PID...: each exits (bounded: 150 s in all); sets $waited_ok
wait_done() {
  waited_ok=1
  i=0
  for p in "$@"; do
    while kill -0 "$p" 2>/dev/null && [ $i -lt 1500 ]; do
      sleep 0.1
      i=$((i + 1))
    done
    if kill -0 "$p" 2>/dev/null; then
      kill -9 "$p" 2>/dev/null
      waited_ok=0
    fi
    wait "$p" 2>/dev/null
  done
}
# wait_rows DB N: until the store has at least N documents (bounded: 60 s)
wait_rows() {
  i=0
  while [ "$(pq "$1" "SELECT count(*) FROM documents" 2>/dev/null || echo 0)" -lt "$2" ] && [ $i -lt 600 ]; do
    sleep 0.1
    i=$((i + 1))
  done
}

fi

# race NAME DISRUPT: queue the documents on stream NAME, start two workers
# into a fresh database NAME, and once 300 documents are stored run the
# function DISRUPT; then wait for the workers and compare with SQLite
race() {
  RDB=$(newdb "$(echo "$1" | tr 'A-Z' 'a-z')")
  $LB queue --quiet --stream "$1" --published 2024-11-11 "$NATS_URL" "$T/docs.jsonl"
  start_worker "$1" "$RDB" "$T/$1.1.log"
  RW1=$wpid
  start_worker "$1" "$RDB" "$T/$1.2.log"
  RW2=$wpid
  wait_rows "$RDB" 300
  got=$(pq "$RDB" "SELECT count(*) FROM documents")
  $2
  echo "$1: $2 after $got of $NDOCS documents stored"
  [ "$got" -lt "$NDOCS" ] && ok || fail "$1: $2 came after the end ($got documents)"
  wait_done $RW1 $RW2
  check "$1: the workers finish" 1 "$waited_ok"
  compare "$1" "$RDB"
}
# 3. one of the workers killed with SIGKILL (in the middle of its next
# batch), and a third one started
kill_worker() {
  kill -9 "$RW2" 2>/dev/null && ok || fail "the second worker had already finished"
  wait "$RW2" 2>/dev/null
  start_worker "$1" "$RDB" "$T/KILLTEST.3.log"
  RW2=$wpid
}
kill_one() { kill_worker KILLTEST; }
# 4. nats-server killed (SIGKILL) and started again on its store dir
restart_nats() { nats_restart >/dev/null && ok || fail "nats-server does not start again"; }
# 4b. PostgreSQL stopped (immediate: as a crash) and started again
restart_pg() { pg_restart >/dev/null && ok || fail "PostgreSQL does not start again"; }

if want kill; then
  # publishing: each document once, and once only when queued again
  $LB queue --stream DEDUP --published 2024-11-11 "$NATS_URL" "$T/docs.jsonl" 2>"$T/q1"
  check "queue exit" 0 $?
  grep -q "$NDOCS documents read: $NDOCS queued, 0 already queued, 0 failed" "$T/q1" && ok ||
    fail "queue: $(cat "$T/q1")"
  $LB queue --stream DEDUP --published 2024-11-11 "$NATS_URL" "$T/docs.jsonl" 2>"$T/q2"
  grep -q "$NDOCS documents read: 0 queued, $NDOCS already queued" "$T/q2" && ok ||
    fail "queue again (dedup): $(cat "$T/q2")"
  check "queue --stats: all waiting once" "waiting: $NDOCS" \
    "$($LB queue --stats --stream DEDUP "$NATS_URL" | grep '^waiting:')"
  race KILLTEST kill_one
  # (none when the kill fell between a commit and the next fetch)
  echo "KILLTEST: delivered again after the kill:" \
    "$(sed -n 's/.*delivered again \([0-9]*\),.*/\1/p' "$T"/KILLTEST.1.log "$T"/KILLTEST.3.log | sort -n | tail -n 1)"
  $LB queue --stats --stream KILLTEST "$NATS_URL" >"$T/stats1"
  check "queue --stats: nothing waiting" "waiting: 0" "$(grep '^waiting:' "$T/stats1")"
  check "queue --stats: nothing being worked on" "being worked on: 0" \
    "$(grep '^being worked on:' "$T/stats1")"
  check "queue --stats: no dead letters" "dead letters: 0" "$(grep '^dead letters:' "$T/stats1")"
fi
want restart && race NATSRESTART restart_nats
want pgrestart && race PGRESTART restart_pg

# 5. dead letters: a document the store cannot take (an id longer than
# PostgreSQL's index allows) between two good ones, and a message that is
# no document; the good ones are stored, the bad ones dead
if want dead; then
DEAD=$(newdb deadtest)
long=$(head -c 3000 /dev/urandom | base64 -w0 | tr '+/' 'xy') # incompressible
{
  echo '{"id":"good-1","text":"Russland hat am Montag die Ukraine angegriffen.","published":"2024-11-13"}'
  echo "{\"id\":\"$long\",\"text\":\"Ein Dokument mit zu langer Kennung.\"}"
  echo '{"id":"good-2","text":"Die Ukraine hat Drohnen auf Moskau geschickt.","published":"2024-11-13"}'
} >"$T/dead.jsonl"
$LB queue --quiet --stream DEADTEST "$NATS_URL" "$T/dead.jsonl"
# a message that is no document, in the NATS protocol itself
node -e '
const s = require("net").connect(Number(process.argv[1]), "127.0.0.1", () =>
  s.write("CONNECT {\"verbose\":false}\r\nPUB deadtest.docs 12\r\nnot a json!!\r\nPING\r\n"));
s.on("data", (d) => { if (/PONG/.test(d.toString())) s.end(); });
setTimeout(() => process.exit(1), 5000).unref();' "$NATS_PORT"
check "a raw message published" 0 $?
$LB worker "$NATS_URL" --stream DEADTEST --store "$DEAD" --threads 1 --max-deliver 2 \
  --exit-when-idle --stats-every 0 2>"$T/d1.log"
check "worker with dead letters: exit" 0 $?
check "the good documents are stored" "good-1 good-2" "$(pq "$DEAD" "SELECT string_agg(id, ' ' ORDER BY id) FROM documents")"
$LB queue --stats --stream DEADTEST "$NATS_URL" >"$T/stats2"
check "two dead letters" "dead letters: 2" "$(grep '^dead letters:' "$T/stats2")"
check "nothing waiting" "waiting: 0" "$(grep '^waiting:' "$T/stats2")"
grep -q "dead letters 2" "$T/d1.log" && ok || fail "the worker's counters: $(tail -n 2 "$T/d1.log")"
grep -q "last dead letter: [A-Za-z0-9]*\.\.\.: failed 2 times, last: document [A-Za-z0-9]*\.\.\.: .*index row" "$T/stats2" &&
  ok || fail "the dead letter's error: $(grep 'last dead letter' "$T/stats2" | cut -c 1-300)"
fi

# the servers' and workers' logs (with LB=build/asan/lagebild: the sanitizers')
if grep -l "Sanitizer\|runtime error" "$T"/*.log >/dev/null 2>&1; then
  fail "sanitizer reports in $(grep -l "Sanitizer\|runtime error" "$T"/*.log | tr '\n' ' ')"
  grep -h -A 12 "Sanitizer\|runtime error" "$T"/*.log | head -40
else
  ok
fi

echo "$P passed, $F failed"
[ "$F" = 0 ]
