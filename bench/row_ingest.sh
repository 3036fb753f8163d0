#!/bin/sh
# row_ingest.sh -- `make bench` rows for the store (issue 7): documents/s of
# `lagebild ingest` into SQLite over the bench corpus, and query latency for
# typical filters over the resulting store of the whole corpus.
#
# Rows:
#   SQLite alone             bench/fts_floor.c: the texts as plain rows, and
#                            into a bulk-tuned FTS5 index, one core, no
#                            extraction: the ceiling of any ingest here
#   ingest --stages text     the store's own cost: documents, sentences and
#                            the FTS5 index, with almost no extraction
#   ingest, all stages       the real thing: extraction on all cores, one
#                            writer thread into SQLite (WAL, synchronous=
#                            NORMAL, a transaction per 4096 documents)
#   ingest again             the same corpus once more: every document is
#                            known by id and content hash and skipped
# each followed by the writer thread's own CPU time (from --stats), which
# says where the time goes, and the whole process's CPU time (GNU time). Then the median of 5 runs of `lagebild query`
# (the whole command, process start included) for typical filters.
#
# Run by bench/run.sh (see bench/lib.sh for the variables). The store is
# $BENCH_DIR/ingest.db, rebuilt every run. INGEST_SKIP_TEXT=1 leaves out
# the --stages text row.
cd "$(dirname "$0")/.." || exit 1
. bench/lib.sh
LAGEBILD=${LAGEBILD:-bin/lagebild}
BENCH_DIR=${BENCH_DIR:-build/bench}
if [ -z "${BENCH_JSONL:-}" ] || [ ! -s "$BENCH_JSONL" ]; then
  bench_note "ingest: no bench corpus" "(BENCH_JSONL unset or empty)"
  exit 0
fi
DOCS=${BENCH_DOCS:-$(wc -l <"$BENCH_JSONL")}
DB=$BENCH_DIR/ingest.db
ERR=$BENCH_DIR/ingest.err

# writer CPU seconds from the --stats line: "...; writer W s, C s CPU)"
writer_note() { # label
  cpu=$(sed -n 's/.*writer \([0-9.]*\) s, \([0-9.]*\) s CPU.*/\2/p' "$ERR" | tail -n 1)
  [ -n "$cpu" ] || return 0
  bench_note "  $1: writer thread CPU" \
    "$(echo "$cpu $DOCS" | awk '{ if ($1 > 0.05) printf "%.1f s (%.0f docs/s)", $1, $2 / $1; else printf "%.1f s", $1 }')"
  pcpu=$(tail -n 1 "$ERR.time" 2>/dev/null | awk 'NF >= 3 { printf "%.1f s, peak RSS %.0f MB", $1 + $2, $3 / 1024 }')
  [ -z "$pcpu" ] || bench_note "  $1: process CPU" "$pcpu"
}

ingest_row() { # label, ingest options...
  label=$1
  shift
  t0=$(bench_now)
  : >"$ERR.time"
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%U %S %M' -o "$ERR.time" "$LAGEBILD" ingest --stats "$@" "$DB" "$BENCH_JSONL" 2>"$ERR"
  else
    "$LAGEBILD" ingest --stats "$@" "$DB" "$BENCH_JSONL" 2>"$ERR"
  fi
  rc=$?
  s=$(bench_since "$t0")
  bench_row "$label" "$s" "$DOCS"
  [ $rc = 0 ] || echo "  (exit status $rc: $(grep -v 'documents read' "$ERR" | head -n 2 | tr '\n' ' '))"
  writer_note "$label"
}

# The ceiling: SQLite alone, no extraction, one writer (bench/fts_floor.c,
# built by make bench). The full-text index alone bounds what any ingest
# into one SQLite file can reach on this machine.
FLOOR=$BENCH_DIR/fts_floor
if [ -x "$FLOOR" ] && [ -s "${BENCH_TXT:-}" ]; then
  for mode in plain fts; do
    rm -f "$DB" "$DB-wal" "$DB-shm"
    if out=$("$FLOOR" $mode "$BENCH_TXT" "$DB" 2>"$ERR"); then
      set -- $out
      case $mode in
        plain) bench_row "SQLite alone: text rows (1 core)" "$2" "$1" ;;
        fts)
          bench_row "SQLite alone: FTS5 index (1 core)" "$2" "$1"
          bench_note "  FTS5 alone, in documents of 3 KB" \
            "$(echo "$3 $2" | awk '{ printf "%.0f docs/s (%.1f MB/s)", $1 / $2 / 3000, $1 / $2 / 1e6 }')"
          ;;
      esac
    else
      bench_note "SQLite alone ($mode)" "failed: $(head -n 1 "$ERR")"
    fi
  done
else
  bench_note "SQLite alone" "n/a ($FLOOR not built: run make bench)"
fi

if [ "${INGEST_SKIP_TEXT:-0}" != 1 ]; then
  rm -f "$DB" "$DB-wal" "$DB-shm"
  ingest_row "ingest --stages text (store only)" --stages text
fi
rm -f "$DB" "$DB-wal" "$DB-shm"
ingest_row "ingest, all stages ($(nproc 2>/dev/null || echo 1) threads + writer)"
ingest_row "ingest again (all known, skipped)"

if ! command -v sqlite3 >/dev/null; then
  bench_note "ingest: sqlite3 is missing" "(scripts/setup.sh installs it)"
  exit 0
fi
size=$(($(stat -c %s "$DB") / 1000000))
bench_note "store: size, documents" "$size MB, $(sqlite3 "$DB" 'SELECT count(*) FROM documents') docs"
bench_note "store: events, incidents, entities" \
  "$(sqlite3 "$DB" "SELECT (SELECT count(*) FROM events) || ', ' || (SELECT count(*) FROM incidents) || ', ' || (SELECT count(*) FROM entities)")"

# query latency: median of 5 runs, whole command
query_note() { # label, query arguments...
  label=$1
  shift
  : >"$BENCH_DIR/query.ms"
  i=0
  while [ $i -lt 5 ]; do
    t0=$(bench_now)
    "$LAGEBILD" query "$DB" "$@" --jsonl >"$BENCH_DIR/query.out" 2>&1
    echo "$t0 $(bench_now)" | awk '{ printf "%.2f\n", ($2 - $1) / 1e6 }' >>"$BENCH_DIR/query.ms"
    i=$((i + 1))
  done
  rows=$(wc -l <"$BENCH_DIR/query.out")
  bench_note "query $label" "$(sort -n "$BENCH_DIR/query.ms" | sed -n 3p) ms ($rows rows)"
}
query_note "--actor DEU" --actor DEU
query_note "--root 19" --root 19
query_note "--code 040 --from 2015 --to 2016" --code 040 --from 2015 --to 2016
query_note "--place Berlin" --place Berlin
query_note "--bbox 5,47,15,55 (Germany)" --bbox 5,47,15,55
query_note "--text \"Regierung Berlin\"" --text "Regierung Berlin"
query_note "--incidents --quad 4" --incidents --quad 4
query_note "--quantities --unit people" --quantities --unit people
query_note "--documents --text Bundestag --limit 100" --documents --text Bundestag --limit 100
rm -f "$BENCH_DIR/query.out" "$BENCH_DIR/query.ms" "$ERR.time"
