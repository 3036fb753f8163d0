#!/bin/sh
# row_serve.sh -- `make bench` rows for `lagebild serve` (issue 8): wrk on
# loopback, 100 connections for 30 s against /api/events (first page, 100
# events) over a store of the whole bench corpus. Reports requests/s, p50
# and p99 latency, errors (non-2xx and socket errors; goal: none), and the
# server's RSS before and after the run (goal: flat). Goal p99 <= 20 ms.
# A second, shorter run with --no-cache measures the answers from SQLite
# (every request runs the query and writes the JSON).
#
# Run by bench/run.sh (see bench/lib.sh for the variables). The store is
# built once with `lagebild ingest` into $BENCH_DIR/serve.db and reused
# while the corpus is unchanged. SERVE_SECONDS / SERVE_CONNS / SERVE_PATH
# override the duration, connections and URL path; SERVE_NOCACHE_SECONDS
# the --no-cache run (default 10).
cd "$(dirname "$0")/.." || exit 1
. bench/lib.sh
LAGEBILD=${LAGEBILD:-bin/lagebild}
BENCH_DIR=${BENCH_DIR:-build/bench}
SECS=${SERVE_SECONDS:-30}
CONNS=${SERVE_CONNS:-100}
URLPATH=${SERVE_PATH:-/api/events}

if ! command -v wrk >/dev/null; then
  bench_note "serve: wrk is missing" "(scripts/setup.sh installs it)"
  exit 0
fi
if [ -z "${BENCH_JSONL:-}" ] || [ ! -s "$BENCH_JSONL" ]; then
  bench_note "serve: no bench corpus" "(BENCH_JSONL unset or empty)"
  exit 0
fi
DB=$BENCH_DIR/serve.db
if [ ! -s "$DB" ] || [ "$BENCH_JSONL" -nt "$DB" ]; then
  rm -f "$DB" "$DB-wal" "$DB-shm"
  t0=$(bench_now)
  if ! "$LAGEBILD" ingest --quiet "$DB" "$BENCH_JSONL" 2>"$BENCH_DIR/serve-ingest.err"; then
    bench_note "serve: ingest of the corpus failed" "$(head -n 1 "$BENCH_DIR/serve-ingest.err")"
    rm -f "$DB" "$DB-wal" "$DB-shm"
    exit 0
  fi
  echo "  (serve: built $DB in $(bench_since "$t0") s)"
fi
events=$(sqlite3 "$DB" 'SELECT count(*) FROM events' 2>/dev/null || echo '?')

# serve_run LABEL SECONDS [SERVE OPTIONS]: start a server, warm it up, run
# wrk, print the rows.
serve_run() {
  label=$1
  secs=$2
  shift 2
  "$LAGEBILD" serve --port 0 "$@" "$DB" 2>"$BENCH_DIR/serve.log" &
  pid=$!
  url=""
  i=0
  while [ $i -lt 100 ] && [ -z "$url" ]; do
    url=$(sed -n 's/^lagebild serve: listening on \(http:[^ ]*\)\/ .*/\1/p' "$BENCH_DIR/serve.log")
    [ -n "$url" ] || sleep 0.1
    i=$((i + 1))
  done
  if [ -z "$url" ]; then
    bench_note "serve: the server did not start" "$(head -n 1 "$BENCH_DIR/serve.log")"
    kill "$pid" 2>/dev/null
    return
  fi
  # Warm up (page cache, statement cache, one store handle per thread),
  # then take the RSS the run starts from.
  wrk -t2 -c"$CONNS" -d3s "$url$URLPATH" >/dev/null 2>&1
  rss0=$(awk '/^VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$pid/status")
  wrk -t2 -c"$CONNS" -d"${secs}s" --latency "$url$URLPATH" >"$BENCH_DIR/serve-wrk.txt" 2>&1
  rss1=$(awk '/^VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/$pid/status")
  kill -TERM "$pid"
  wait "$pid"
  W=$BENCH_DIR/serve-wrk.txt
  rps=$(awk '/^Requests\/sec/ { print $2 }' "$W")
  total=$(awk '/requests in/ { print $1 }' "$W")
  p50=$(awk '$1 == "50%" { print $2 }' "$W")
  p99=$(awk '$1 == "99%" { print $2 }' "$W")
  non2xx=$(awk '/Non-2xx/ { print $NF }' "$W")
  sock=$(awk '/Socket errors/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' "$W")
  bench_note "serve $URLPATH$label: ${CONNS} conns ${secs} s" "${rps:-?} req/s"
  bench_note "  latency p50 / p99 (goal p99 <= 20ms)" "${p50:-?} / ${p99:-?}"
  bench_note "  errors (non-2xx + socket)" "$((${non2xx:-0} + ${sock:-0})) of ${total:-?}"
  bench_note "  server RSS before / after" "${rss0:-?} MB / ${rss1:-?} MB"
}

bench_note "serve: store of the corpus" "$events events, $(($(wc -c <"$DB") / 1048576)) MB"
serve_run "" "$SECS"
serve_run " --no-cache" "${SERVE_NOCACHE_SECONDS:-10}" --no-cache
