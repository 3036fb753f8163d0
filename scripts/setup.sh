#!/bin/sh
# setup.sh -- install what lagebild needs on Debian 12, and nothing more.
#
# Run by `make demo`, `make test` and `make bench` before they build. It is
# idempotent and quick when everything is present: it asks dpkg which Debian
# packages are missing and installs only those (apt-get install -y), then runs
# `npm ci` from the committed package-lock.json when node_modules is missing or
# older than the lock file. Nothing is downloaded from anywhere else.
set -eu
cd "$(dirname "$0")/.."

PKGS="build-essential pkg-config clang llvm libclang-rt-14-dev valgrind
libutf8proc-dev libjansson-dev libsqlite3-dev sqlite3 libmicrohttpd-dev
zlib1g-dev libzstd-dev libxml2-dev libexttextcat-data iso-codes
unicode-cldr-core wamerican wngerman wrk chromium unzip ca-certificates jq time
postgresql libpq-dev nats-server libnats-dev libopenblas-dev"

# Node.js and npm: Debian's packages, unless a node and npm are already on the
# PATH (a machine with NodeSource's nodejs cannot install Debian's npm).
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  PKGS="$PKGS nodejs npm"
fi

missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing="$missing $p"
done
if [ -n "$missing" ]; then
  echo "setup: installing Debian packages:$missing" >&2
  if [ "$(id -u)" != 0 ]; then
    echo "setup: need root to run apt-get (run as root, or install:$missing)" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  # shellcheck disable=SC2086
  apt-get install -y -qq --no-install-recommends $missing >&2
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm ci" >&2
  npm ci --no-audit --no-fund --loglevel=error >&2
fi
