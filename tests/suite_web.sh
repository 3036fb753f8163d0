#!/bin/sh
# suite_web.sh -- `lagebild serve`: the command line, the JSON API over a
# store of the sample (the seed, real values from FACTS.md, and four reports
# of the same days), hostile requests, and the page for analysis in headless
# Chromium (Debian's /usr/bin/chromium driven by npm
# playwright-core). Run by tests/run.sh (`make test`); ends with
# "N passed, N failed". A missing prerequisite is a failure, never a skip.
#
#   sh tests/suite_web.sh            everything
#   WEB_TESTS=api sh tests/suite_web.sh   only the API tests (api|browser|cli)
cd "$(dirname "$0")/.." || exit 1
P=0
F=0
W=build/web-test
ok() { echo "ok web: $1"; P=$((P + 1)); }
no() { echo "not ok web: $1"; F=$((F + 1)); }
want() { [ -z "${WEB_TESTS:-}" ] || [ "$WEB_TESTS" = "$1" ]; }
mkdir -p $W

# ---- prerequisites ----
pre=1
[ -x bin/lagebild ] || { no "bin/lagebild is missing (run make)"; pre=0; }
command -v node >/dev/null || { no "node is missing (scripts/setup.sh installs nodejs)"; pre=0; }
[ -d node_modules/playwright-core ] || { no "node_modules/playwright-core is missing (npm ci)"; pre=0; }
[ -x "${CHROMIUM:-/usr/bin/chromium}" ] || { no "chromium is missing (scripts/setup.sh installs it)"; pre=0; }
if [ $pre = 0 ]; then
  echo "$P passed, $F failed"
  exit 1
fi

# ---- the command line ----
if want cli; then
  if bin/lagebild serve --help | grep -q -- '--bind ADDR'; then ok "serve --help"; else no "serve --help"; fi
  bin/lagebild serve >/dev/null 2>$W/cli.err
  [ $? = 2 ] && grep -q 'which store' $W/cli.err && ok "serve without a store: exit 2" || no "serve without a store: exit 2"
  bin/lagebild serve --port 70000 x.db >/dev/null 2>$W/cli.err
  [ $? = 2 ] && grep -qF -- '--port: 70000 is out of range (0..65535)' $W/cli.err && ok "bad --port: exit 2" || no "bad --port: exit 2"
  bin/lagebild serve --bogus x.db >/dev/null 2>$W/cli.err
  [ $? = 2 ] && ok "unknown option: exit 2" || no "unknown option: exit 2"
  if bin/lagebild serve --help | grep -q -- '--header-timeout SEC' &&
    bin/lagebild serve --help | grep -q -- '--max-conns-per-ip N'; then
    ok "serve --help: the slow-client limits"
  else no "serve --help: the slow-client limits"; fi
  bin/lagebild serve --header-timeout 0 x.db >/dev/null 2>$W/cli.err
  [ $? = 2 ] && grep -qF -- '--header-timeout: 0 is out of range (1..3600)' $W/cli.err && ok "bad --header-timeout: exit 2" ||
    no "bad --header-timeout: exit 2"
  bin/lagebild serve --max-conns-per-ip x x.db >/dev/null 2>$W/cli.err
  [ $? = 2 ] && ok "bad --max-conns-per-ip: exit 2" || no "bad --max-conns-per-ip: exit 2"
  bin/lagebild serve $W/no-such.db >/dev/null 2>$W/cli.err
  [ $? = 1 ] && grep -q "no-such.db: cannot open the store read-only" $W/cli.err && ! [ -e $W/no-such.db ] &&
    ok "missing store: exit 1, nothing created" || { no "missing store: exit 1, nothing created"; cat $W/cli.err; }
  bin/lagebild serve tests/web/hostile.jsonl >/dev/null 2>$W/cli.err
  [ $? = 1 ] && grep -q "not a lagebild store" $W/cli.err && ok "not a store: exit 1" ||
    { no "not a store: exit 1"; cat $W/cli.err; }
fi

# ---- the store of the sample: the seed and four reports of the same days
# (data/sample/reports.jsonl), and two hostile documents ----
DB=$W/seed.db
rm -f $DB $DB-wal $DB-shm
if bin/lagebild ingest $DB data/sample/reports.jsonl >$W/ingest.log 2>&1 &&
  bin/lagebild ingest $DB tests/web/hostile.jsonl >>$W/ingest.log 2>&1 && [ -s $DB ]; then
  ok "ingest the sample and hostile documents"
else
  no "ingest the sample and hostile documents (lagebild ingest failed; see $W/ingest.log)"
  sed 's/^/  /' $W/ingest.log | head -20
  echo "$P passed, $F failed"
  exit 1
fi
if bin/lagebild serve $DB --bind 999.1.1.1 >/dev/null 2>$W/cli.err; then no "bad --bind"; else
  grep -q 'bad address' $W/cli.err && ok "bad --bind: exit 1" || no "bad --bind: message"
fi
# IPv6 loopback
# (the log emptied first: the shell opens it in the background child, so the
# loop below could read the last run's URL before the server writes its own)
: >$W/serve6.log
bin/lagebild serve --bind ::1 --port 0 $DB 2>$W/serve6.log &
pid6=$!
url6=""
i=0
while [ $i -lt 50 ] && [ -z "$url6" ]; do
  url6=$(sed -n 's/^lagebild serve: listening on \(http:[^ ]*\).*/\1/p' $W/serve6.log)
  [ -n "$url6" ] || sleep 0.1
  i=$((i + 1))
done
n6=$(node -e 'fetch(process.argv[1] + "api/stats").then((r) => r.json()).then((j) => console.log(j.documents))' "$url6" 2>&1)
case "$url6" in
http://\[::1\]:*) [ "$n6" = 7 ] && ok "--bind ::1 serves the store ($url6)" || no "--bind ::1: stats said $n6" ;;
*) no "--bind ::1 did not start: $(cat $W/serve6.log)" ;;
esac
kill -TERM $pid6 2>/dev/null
wait $pid6 2>/dev/null

sum_before=$(cat $DB $DB-wal 2>/dev/null | sha256sum)

# ---- the server ----
: >$W/serve.log
bin/lagebild serve --port 0 --timeout 2 --threads 2 $DB 2>$W/serve.log &
pid=$!
url=""
i=0
while [ $i -lt 100 ] && [ -z "$url" ]; do
  url=$(sed -n 's/^lagebild serve: listening on \(http:[^ ]*\).*/\1/p' $W/serve.log)
  [ -n "$url" ] || sleep 0.1
  i=$((i + 1))
done
if [ -z "$url" ]; then
  no "server did not start"
  cat $W/serve.log
  kill $pid 2>/dev/null
  echo "$P passed, $F failed"
  exit 1
fi
ok "server listening at $url"

node_suite() { # name, script
  LB_URL=$url LB_DB=$DB LB_TIMEOUT=2 node "$2" >$W/$1.log 2>&1
  cat $W/$1.log
  line=$(grep -E "^$1: [0-9]+ passed, [0-9]+ failed" $W/$1.log | tail -n 1)
  if [ -z "$line" ]; then
    no "$1 tests crashed (see $W/$1.log)"
    return
  fi
  p=$(echo "$line" | sed -E 's/.* ([0-9]+) passed, ([0-9]+) failed/\1/')
  f=$(echo "$line" | sed -E 's/.* ([0-9]+) passed, ([0-9]+) failed/\2/')
  P=$((P + p))
  F=$((F + f))
}
want api && node_suite api tests/web/api.test.js
want browser && node_suite browser tests/web/page.test.js

if kill -0 $pid 2>/dev/null; then ok "server still running after all requests"; else no "server died"; fi
sum_after=$(cat $DB $DB-wal 2>/dev/null | sha256sum)
[ "$sum_before" = "$sum_after" ] && ok "the store is unchanged by serving it" || no "the store changed while served"

# A document ingested while the server runs shows up (the answer cache
# notices the commit).
docs() { node -e 'fetch(process.argv[1] + "api/stats").then((r) => r.json()).then((j) => console.log(j.documents))' "$url"; }
n0=$(docs)
printf '%s\n' '{"id":"live-1","text":"Russland hat am Montag die Ukraine angegriffen.","published":"2024-11-13"}' >$W/live.jsonl
bin/lagebild ingest --quiet $DB $W/live.jsonl 2>>$W/ingest.log
n1=$(docs)
tries=1
while [ -n "$n0" ] && [ "$n1" != $((n0 + 1)) ] && [ $tries -lt 5 ]; do
  sleep 0.2
  n1=$(docs)
  tries=$((tries + 1))
done
[ -n "$n0" ] && [ "$n1" = $((n0 + 1)) ] && ok "a document ingested while serving is seen ($n0 -> $n1, request $tries)" ||
  no "a document ingested while serving is seen ($n0 -> $n1 after $tries requests)"

kill -TERM $pid
wait $pid
rc=$?
[ $rc = 0 ] && ok "server stops on SIGTERM with exit 0" || no "server exit status $rc on SIGTERM"
if grep -q 'SQL error' $W/serve.log; then no "SQL errors in the server log"; grep 'SQL error' $W/serve.log | head; else ok "no SQL errors logged"; fi

echo "$P passed, $F failed"
[ $F = 0 ]
