# servers.sh -- throwaway PostgreSQL and NATS servers for tests and benches.
#
# Sourced (`. tests/servers.sh`) by tests/suite_scale.sh and
# bench/row_scale.sh. Every server runs from a fresh temp dir on a loopback
# port and is stopped by servers_stop (call it from a trap on EXIT, so a
# failing test stops them too). Waits are bounded loops; a server that does
# not come up is an error with its log, never a silent skip.
#
#   pg_start               initdb + postgres as the `postgres` user (it
#                          refuses to run as root) on 127.0.0.1:$PG_PORT;
#                          sets PG_URL=postgresql://postgres@127.0.0.1:PORT/postgres
#   pg_restart             stop (immediate) and start the same cluster
#   nats_start             nats-server -js -sd DIR on 127.0.0.1:$NATS_PORT,
#                          sets NATS_URL=nats://127.0.0.1:PORT
#   nats_restart           kill -9 and start again on the same store dir
#   servers_stop           stop whatever was started, remove the temp dirs
#
# Durability (issue 21, docs/scale.md): PostgreSQL keeps fsync and
# synchronous_commit on (its defaults, written out so no one "tunes" them).
# JetStream: Debian's nats-server 2.9.10 has no `sync_interval` (2.10 added
# `sync_interval: always`); it writes every message to the OS before it
# acknowledges it, so a killed nats-server loses nothing, but it fsyncs
# only periodically: docs/scale.md says what that means and what to run.

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
SRV_DIRS=""
PG_DIR=""
NATS_DIR=""
NATS_PID=""

# A free TCP port on 127.0.0.1 (the kernel picks one; it is free when this
# returns, and the servers are started right after).
free_port() {
  node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# run a command as the postgres user
as_pg() {
  if [ "$(id -u)" = 0 ]; then
    setpriv --reuid=postgres --regid=postgres --init-groups -- "$@"
  else
    "$@"
  fi
}

pg_start() {
  if [ ! -x "$PG_BIN/initdb" ]; then
    echo "servers: $PG_BIN/initdb missing (scripts/setup.sh installs postgresql)" >&2
    return 1
  fi
  if [ -z "$PG_DIR" ]; then
    PG_DIR=$(mktemp -d /tmp/lagebild-pg.XXXXXX) || return 1
    SRV_DIRS="$SRV_DIRS $PG_DIR"
    [ "$(id -u)" = 0 ] && chown postgres:postgres "$PG_DIR"
    chmod 700 "$PG_DIR"
    if ! as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 \
      --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1; then
      echo "servers: initdb failed:" >&2
      tail -n 20 "$PG_DIR/initdb.log" >&2
      return 1
    fi
    PG_PORT=${PG_PORT:-$(free_port)}
  fi
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=on \
        -c synchronous_commit=on -c full_page_writes=on -c max_connections=50 \
        -c shared_buffers=128MB" start >"$PG_DIR/pg_ctl.log" 2>&1
  _si=0
  while [ $_si -lt 300 ]; do
    "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" && break
    sleep 0.1
    _si=$((_si + 1))
  done
  if ! "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT"; then
    echo "servers: postgres did not start on port $PG_PORT:" >&2
    tail -n 20 "$PG_DIR/log" "$PG_DIR/pg_ctl.log" >&2
    return 1
  fi
  PG_URL="postgresql://postgres@127.0.0.1:$PG_PORT/postgres"
  export PG_URL PG_PORT
}

pg_stop() { # [mode: fast | immediate]
  [ -n "$PG_DIR" ] && [ -d "$PG_DIR/data" ] || return 0
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m "${1:-fast}" -w -t 30 stop >/dev/null 2>&1
  return 0
}

pg_restart() {
  pg_stop immediate
  pg_start
}

# psql on the test cluster, unaligned, tuples only
pg_sql() {
  "$PG_BIN/psql" -X -q -A -t -v ON_ERROR_STOP=1 "${2:-$PG_URL}" -c "$1"
}

nats_start() {
  if ! command -v nats-server >/dev/null; then
    echo "servers: nats-server missing (scripts/setup.sh installs it)" >&2
    return 1
  fi
  if [ -z "$NATS_DIR" ]; then
    NATS_DIR=$(mktemp -d /tmp/lagebild-nats.XXXXXX) || return 1
    SRV_DIRS="$SRV_DIRS $NATS_DIR"
    NATS_PORT=${NATS_PORT:-$(free_port)}
    cat >"$NATS_DIR/nats.conf" <<EOF
listen: 127.0.0.1:$NATS_PORT
jetstream {
  store_dir: "$NATS_DIR/js"
  max_memory_store: 64MB
  max_file_store: 4GB
}
EOF
  fi
  nats-server -c "$NATS_DIR/nats.conf" >>"$NATS_DIR/log" 2>&1 &
  NATS_PID=$!
  _si=0
  while [ $_si -lt 300 ]; do
    grep -q "Server is ready" "$NATS_DIR/log" 2>/dev/null && break
    kill -0 "$NATS_PID" 2>/dev/null || break
    sleep 0.1
    _si=$((_si + 1))
  done
  if ! kill -0 "$NATS_PID" 2>/dev/null || ! grep -q "Server is ready" "$NATS_DIR/log"; then
    echo "servers: nats-server did not start on port $NATS_PORT:" >&2
    tail -n 20 "$NATS_DIR/log" >&2
    return 1
  fi
  NATS_URL="nats://127.0.0.1:$NATS_PORT"
  export NATS_URL NATS_PORT
}

nats_stop() { # [signal]
  [ -n "$NATS_PID" ] || return 0
  kill "-${1:-TERM}" "$NATS_PID" 2>/dev/null
  _si=0
  while [ $_si -lt 100 ] && kill -0 "$NATS_PID" 2>/dev/null; do
    sleep 0.1
    _si=$((_si + 1))
  done
  kill -9 "$NATS_PID" 2>/dev/null
  wait "$NATS_PID" 2>/dev/null
  NATS_PID=""
}

nats_restart() {
  nats_stop KILL
  : >"$NATS_DIR/log"
  nats_start
}

servers_stop() {
  nats_stop
  pg_stop immediate
  for d in $SRV_DIRS; do rm -rf "$d"; done
  SRV_DIRS=""
  PG_DIR=""
  NATS_DIR=""
}
