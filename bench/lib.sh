# lib.sh -- helpers for bench/run.sh and the rows other issues add
# (bench/row_*.sh). A row script is run by run.sh as `sh bench/row_NAME.sh`
# from the repository root with these variables set:
#   BENCH_DIR          build/bench (scratch space for the row)
#   BENCH_JSONL        the corpus, one document per line (corpus.jsonl)
#   BENCH_TXT          the same texts only, one per line (corpus.txt)
#   BENCH_DOCS         number of documents in it
#   BENCH_TEXT_BYTES   bytes of text in it (MB/s are measured on these)
#   BENCH_WC_SECONDS   time of `LC_ALL=C wc -w` on BENCH_TXT
#   LAGEBILD           the binary (bin/lagebild)
# and prints table rows with bench_row / bench_note:
#   . bench/lib.sh
#   t0=$(bench_now); "$LAGEBILD" extract --stages dates "$BENCH_JSONL" >/dev/null
#   bench_row "extract --stages dates" "$(bench_since "$t0")" "$BENCH_DOCS"

# Nanoseconds since the epoch.
bench_now() { date +%s%N; }
# Seconds (decimal) since a bench_now value.
bench_since() { echo "$1 $(date +%s%N)" | awk '{ printf "%.3f", ($2 - $1) / 1e9 }'; }

# The table header. "x wc -w" compares wall-clock times; "cpu x wc" compares
# CPU time (user + sys) with wc's, which a busy machine disturbs less (all
# threads' CPU counts: a 2-thread run at full speed shows the same cpu ratio
# as a 1-thread run).
bench_header() {
  printf '%-46s %9s %9s %10s %9s %9s\n' "what" "seconds" "MB/s" "docs/s" "x wc -w" "cpu x wc"
  printf '%-46s %9s %9s %10s %9s %9s\n' "----" "-------" "----" "------" "-------" "--------"
}

# bench_run PREFIX COMMAND...: run COMMAND with stdout to /dev/null and
# stderr to PREFIX.err; sets BENCH_RC (its exit status), BENCH_S (wall
# seconds), and with GNU time BENCH_CPU (user + sys seconds) and BENCH_RSS
# (peak resident KB), empty without it.
bench_run() {
  pre=$1
  shift
  : >"$pre.time"
  t0=$(bench_now)
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f '%U %S %M' -o "$pre.time" "$@" >/dev/null 2>"$pre.err"
  else
    "$@" >/dev/null 2>"$pre.err"
  fi
  BENCH_RC=$?
  BENCH_S=$(bench_since "$t0")
  BENCH_CPU=$(tail -n 1 "$pre.time" | awk 'NF >= 3 { printf "%.3f", $1 + $2 }')
  BENCH_RSS=$(tail -n 1 "$pre.time" | awk 'NF >= 3 { print $3 }')
}

# bench_best N PREFIX COMMAND...: bench_run N times; BENCH_S and BENCH_CPU
# are the smallest, BENCH_RSS the largest, BENCH_RC the last non-zero exit
# status (0 when all ran well). The yardstick (wc -w) is the best of three
# too, so a row's ratio compares like with like on a machine whose speed
# drifts between runs.
bench_best() {
  n=$1
  shift
  best_s=""
  best_cpu=""
  max_rss=""
  rc=0
  k=0
  while [ $k -lt "$n" ]; do
    bench_run "$@"
    [ "$BENCH_RC" = 0 ] || rc=$BENCH_RC
    best_s=$(echo "$BENCH_S ${best_s:-$BENCH_S}" | awk '{ print ($1 < $2) ? $1 : $2 }')
    [ -z "$BENCH_CPU" ] || best_cpu=$(echo "$BENCH_CPU ${best_cpu:-$BENCH_CPU}" | awk '{ print ($1 < $2) ? $1 : $2 }')
    [ -z "$BENCH_RSS" ] || max_rss=$(echo "$BENCH_RSS ${max_rss:-0}" | awk '{ print ($1 > $2) ? $1 : $2 }')
    k=$((k + 1))
  done
  BENCH_S=$best_s
  BENCH_CPU=$best_cpu
  BENCH_RSS=$max_rss
  BENCH_RC=$rc
}

# bench_row LABEL SECONDS DOCS [CPU_SECONDS]: one throughput row over
# BENCH_TEXT_BYTES, with the ratio to `wc -w` (> 1 = faster than wc -w), and
# the CPU-time ratio when CPU_SECONDS (and BENCH_WC_CPU) are given.
bench_row() {
  echo "$2 $3 ${BENCH_TEXT_BYTES:-0} ${BENCH_WC_SECONDS:-0} ${4:--} ${BENCH_WC_CPU:--}" |
    awk -v label="$1" '{
    s = $1 > 0 ? $1 : 0.001
    mbs = $3 / 1e6 / s
    ratio = $4 > 0 ? $4 / s : 0
    cpu = ($5 != "-" && $6 != "-" && $5 > 0) ? sprintf("%8.2fx", $6 / $5) : ""
    printf "%-46s %9.3f %9.1f %10.0f %8.2fx %9s\n", label, $1, mbs, $2 / s, ratio, cpu }'
}

# bench_note LABEL VALUE: a row with one value (start-up time, memory, ...).
bench_note() { printf '%-46s %30s\n' "$1" "$2"; }
