#!/bin/sh
# row_scale.sh -- `make bench` rows for scaling out (issue 21, docs/scale.md):
# documents/s into PostgreSQL of `lagebild ingest`, of one `lagebild worker`
# and of two, taking the documents from NATS JetStream, over the first
# BENCH_SCALE_DOCS (20,000) documents of the bench corpus; and the CPU a
# document costs in the worker and in PostgreSQL, which docs/scale.md's
# capacity arithmetic builds on.
#
# Rows:
#   ingest postgresql:// (N threads)    the command line, extraction on all cores
#   queue: publish to JetStream         `lagebild queue` of the documents
#   1 worker (1 thread)                 one worker process, one extraction thread
#   2 workers (1 thread each)           two of them side by side on one consumer
#                                       (each the best of BENCH_SCALE_RUNS runs, 2)
# then notes: 2 workers / 1 worker, the per-worker rate, and CPU per document
# of the worker processes (GNU time) and of PostgreSQL (its processes'
# CPU, read from the postmaster's /proc entry, children included).
#
# The servers (a throwaway PostgreSQL cluster and nats-server -js, as the
# tests use: tests/servers.sh) run on this machine and share its cores with
# the workers: on 2 cores the 2-worker row measures the machine, not the
# design (docs/scale.md says how to read it). Run by bench/run.sh (see
# bench/lib.sh for the variables).
cd "$(dirname "$0")/.." || exit 1
. bench/lib.sh
. tests/servers.sh
LAGEBILD=${LAGEBILD:-bin/lagebild}
BENCH_DIR=${BENCH_DIR:-build/bench}
if [ -z "${BENCH_JSONL:-}" ] || [ ! -s "$BENCH_JSONL" ]; then
  bench_note "scale: no bench corpus" "(BENCH_JSONL unset or empty)"
  exit 0
fi
trap servers_stop EXIT
trap 'exit 1' INT TERM
if ! pg_start >/dev/null 2>"$BENCH_DIR/scale.err" || ! nats_start >/dev/null 2>>"$BENCH_DIR/scale.err"; then
  bench_note "scale: servers" "cannot start: $(head -n 1 "$BENCH_DIR/scale.err")"
  exit 1
fi
N=${BENCH_SCALE_DOCS:-20000}
D=$BENCH_DIR/scale
mkdir -p "$D"
head -n "$N" "$BENCH_JSONL" >"$D/docs.jsonl"
N=$(wc -l <"$D/docs.jsonl")
# the rows' MB/s and ratios are over this part of the corpus
if [ -s "${BENCH_TXT:-}" ]; then
  BENCH_TEXT_BYTES=$(($(head -n "$N" "$BENCH_TXT" | wc -c) - N))
  BENCH_WC_SECONDS=$(echo "${BENCH_WC_SECONDS:-0} $BENCH_TEXT_BYTES $(wc -c <"$BENCH_TXT")" |
    awk '{ printf "%.4f", $1 * $2 / $3 }')
  BENCH_WC_CPU=$(echo "${BENCH_WC_CPU:-0} $BENCH_TEXT_BYTES $(wc -c <"$BENCH_TXT")" |
    awk '{ printf "%.4f", $1 * $2 / $3 }')
fi
PG_BASE=${PG_URL%/*}
# CPU seconds of PostgreSQL so far: the postmaster and its ended children
# (first, the backends of clients that are gone have ended: at most 5 s)
pg_cpu() {
  i=0
  while [ $i -lt 50 ] && [ "$(pg_sql "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'client backend'")" -gt 1 ]; do
    sleep 0.1
    i=$((i + 1))
  done
  sleep 0.1
  pm=$(head -n 1 "$PG_DIR/data/postmaster.pid")
  awk '{ printf "%.2f", ($14 + $15 + $16 + $17) / 100 }' "/proc/$pm/stat"
}
cpu_of() { awk 'NF >= 2 { s += $1 + $2 } END { printf "%.2f", s }' "$@"; }

# the command line: ingest into a fresh database
pg_sql "CREATE DATABASE ingest" >/dev/null
c0=$(pg_cpu)
t0=$(bench_now)
/usr/bin/time -f '%U %S' -o "$D/ingest.time" "$LAGEBILD" ingest --quiet "$PG_BASE/ingest" \
  "$D/docs.jsonl" 2>"$D/ingest.err"
rc=$?
s=$(bench_since "$t0")
c1=$(pg_cpu)
bench_row "ingest postgresql:// ($(nproc) threads)" "$s" "$N" "$(cpu_of "$D/ingest.time")"
[ $rc = 0 ] || echo "  (exit status $rc: $(head -n 2 "$D/ingest.err" | tr '\n' ' '))"
bench_note "  PostgreSQL CPU per document" "$(echo "$c0 $c1 $N" | awk '{ printf "%.0f us", ($2 - $1) / $3 * 1e6 }')"

# workers: W of them, one extraction thread each, on a stream and into a
# database of their own (run R); the figures in WS, WCPU, WPG
workers() { # W R
  w=$1
  db=w${w}r$2
  pg_sql "CREATE DATABASE $db" >/dev/null
  "$LAGEBILD" queue --quiet --stream "W${w}R$2" "$NATS_URL" "$D/docs.jsonl" 2>"$D/queue$w.err"
  # the store and the consumer exist before the clock starts
  "$LAGEBILD" ingest --quiet "$PG_BASE/$db" data/sample/kursk-2024-11.de.txt
  c0=$(pg_cpu)
  t0=$(bench_now)
  pids=""
  k=0
  while [ $k -lt "$w" ]; do
    k=$((k + 1))
    /usr/bin/time -f '%U %S' -o "$D/w$w.$k.time" "$LAGEBILD" worker "$NATS_URL" \
      --stream "W${w}R$2" --store "$PG_BASE/$db" --threads 1 --exit-when-idle \
      --stats-every 0 2>"$D/w$w.$k.err" &
    pids="$pids $!"
  done
  rc=0
  for p in $pids; do wait "$p" || rc=$?; done
  WS=$(bench_since "$t0")
  c1=$(pg_cpu)
  WPG=$(echo "$c0 $c1" | awk '{ printf "%.2f", $2 - $1 }')
  WCPU=$(cpu_of "$D"/w$w.*.time)
  WDOCS=$(pg_sql "SELECT count(*) - 1 FROM documents" "$PG_BASE/$db")
  pg_sql "DROP DATABASE $db" >/dev/null
  [ $rc = 0 ] || echo "  (a worker's exit status $rc: $(head -n 2 "$D"/w$w.*.err | tr '\n' ' '))"
  [ "$WDOCS" = "$N" ] || echo "  ($WDOCS of $N documents stored)"
}
# the best of BENCH_SCALE_RUNS (2) runs of each, 1 and 2 workers taking
# turns, so that a machine whose speed drifts disturbs both alike
B1=""
B2=""
r=0
while [ $r -lt "${BENCH_SCALE_RUNS:-2}" ]; do
  r=$((r + 1))
  for w in 1 2; do
    workers $w $r
    best=$([ $w = 1 ] && echo "$B1" || echo "$B2")
    if [ -z "$best" ] || [ "$(echo "$WS $best" | awk '{ print ($1 < $2) }')" = 1 ]; then
      if [ $w = 1 ]; then B1=$WS C1=$WCPU P1=$WPG; else B2=$WS C2=$WCPU P2=$WPG; fi
    fi
  done
done
t0=$(bench_now)
"$LAGEBILD" queue --quiet --stream PUB "$NATS_URL" "$D/docs.jsonl" 2>"$D/pub.err"
bench_row "queue: publish to JetStream" "$(bench_since "$t0")" "$N"
per_doc() { echo "$1 $2 $N" | awk '{ printf "%.0f us, %.0f us", $1 / $3 * 1e6, $2 / $3 * 1e6 }'; }
bench_row "1 worker into PostgreSQL (1 thread)" "$B1" "$N" "$C1"
bench_note "  1 worker: worker CPU, PostgreSQL CPU per doc" "$(per_doc "$C1" "$P1")"
bench_row "2 workers into PostgreSQL (1 thread each)" "$B2" "$N" "$C2"
bench_note "  2 workers: worker CPU, PostgreSQL CPU per doc" "$(per_doc "$C2" "$P2")"
bench_note "  2 workers / 1 worker (goal >= 1.8x)" "$(echo "$B1 $B2" | awk '{ printf "%.2fx", $1 / $2 }')"
bench_note "  per-worker rate (1 worker)" "$(echo "$B1 $N" | awk '{ printf "%.0f docs/s", $2 / $1 }')"
bench_note "  machine load (1-min average, at the end)" "$(cut -d' ' -f1 /proc/loadavg) on $(nproc) cores"
rm -f "$D/docs.jsonl"
