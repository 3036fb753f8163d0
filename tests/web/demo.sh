#!/bin/sh
# demo.sh -- `make demo-web`: ingest the seed into build/demo-web.db, serve it
# on a free loopback port, and save screenshots of the page (map, timeline,
# events) to build/demo-web.png and of the document view of the seed to
# build/demo-web-doc.png, with Debian's headless Chromium.
cd "$(dirname "$0")/../.." || exit 1
DB=build/demo-web.db
rm -f $DB $DB-wal $DB-shm
bin/lagebild ingest --quiet --published 2024-11-11 $DB data/sample/kursk-2024-11.de.txt || exit 1
bin/lagebild serve --port 0 $DB 2>build/demo-web.log &
pid=$!
url=""
i=0
while [ $i -lt 100 ] && [ -z "$url" ]; do
  url=$(sed -n 's/^lagebild serve: listening on \(http:[^ ]*\).*/\1/p' build/demo-web.log)
  [ -n "$url" ] || sleep 0.1
  i=$((i + 1))
done
if [ -z "$url" ]; then
  cat build/demo-web.log
  kill $pid 2>/dev/null
  exit 1
fi
rc=0
node tests/web/shot.js "$url" build/demo-web.png || rc=1
node tests/web/shot.js "$url" build/demo-web-doc.png '#doc=kursk-2024-11&at=120' || rc=1
kill -TERM $pid
wait $pid
exit $rc
