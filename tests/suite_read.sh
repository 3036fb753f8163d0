#!/bin/sh
# suite_read.sh -- reading what users have, from the outside: an HTML page,
# an RSS feed, an Atom feed and a WARC file (tests/data/read, real pages of
# the article-extraction benchmark) each through `lagebild read`, `extract`
# and `ingest`, with their titles, dates, URLs and first words; formats told
# by content on stdin and under other names, compressed or not; JSON Lines
# with a byte-order mark and other member names; bad input (truncated gzip,
# HTML, XML and WARC, entity expansion, deep nesting, a 100 MB page) named on
# stderr or read with a warning, never a crash.
cd "$(dirname "$0")/.." || exit 1
LB=bin/lagebild
D=tests/data/read
T=build/suite_read
mkdir -p $T
P=0
F=0
ok() { P=$((P + 1)); }
bad() { F=$((F + 1)); echo "not ok $1"; [ -z "${2:-}" ] || echo "  $2"; }
# expect NAME ACTUAL WANTED
expect() { if [ "$1" ] && [ "$2" = "$3" ]; then ok; else bad "$1" "got [$2], want [$3]"; fi; }
if [ ! -x $LB ] || ! command -v jq >/dev/null 2>&1; then
  echo "not ok setup: need $LB (make) and jq"
  echo "0 passed, 1 failed"
  exit 1
fi
# field FILE LINE JQ: a value of the LINE-th object of FILE
field() { sed -n "$2p" "$1" | jq -r "$3"; }

ALJ_URL=https://www.aljazeera.com/news/2019/11/service-members-killed-afghanistan-helicopter-crash-191120070028895.html
ALJ_TITLE="US service members killed in Afghanistan helicopter crash"
ALJ_START="Two United States service members have been killed"
DMX_URL=https://blog.comwrap.com/comwrap-auf-der-dmexco-2018
DMX_TITLE="Take C.A.R.E. - comwrap auf der DMEXCO 2018"
DMX_START="Am 12. Bis 13. September startet wieder die DMEXCO 2018 in Köln"
EPA_URL=https://blog.comwrap.com/die-elektronische-patientenakte-der-lange-marsch-ins-digitale-gesundheitswesen
EPA_TITLE="Die elektronische Patientenakte (ePA) – der lange Marsch ins Digitale Gesundheitswesen"
EPA_START="Die Digitalisierung als Wachstums- und Entwicklungstreiber"
SPC_URL=https://www.thespacereview.com/article/3834/1
SPC_START="Earlier this month, NASA announced the newest milestone"

# ---- read: one JSON object a document ----
$LB read $D/aljazeera.html >$T/page.jsonl 2>$T/err
expect "read page: exit" $? 0
expect "read page: documents" "$(wc -l <$T/page.jsonl)" 1
expect "read page: id" "$(field $T/page.jsonl 1 .id)" aljazeera
expect "read page: title" "$(field $T/page.jsonl 1 .title)" "$ALJ_TITLE"
expect "read page: url" "$(field $T/page.jsonl 1 .url)" "$ALJ_URL"
expect "read page: published" "$(field $T/page.jsonl 1 .published)" 2019-11-20T08:02:00Z
expect "read page: author" "$(field $T/page.jsonl 1 .author)" "Al Jazeera"
expect "read page: lang" "$(field $T/page.jsonl 1 .lang)" en
expect "read page: first words" "$(field $T/page.jsonl 1 '.text[:50]')" "$ALJ_START"
expect "read page: paragraphs" "$(field $T/page.jsonl 1 '.text | split("\n\n") | length')" 14
expect "read page: last words" "$(field $T/page.jsonl 1 '.text[-32:]')" "according to the United Nations."

$LB read $D/comwrap.rss >$T/rss.jsonl 2>$T/err
expect "read rss: exit" $? 0
expect "read rss: documents" "$(wc -l <$T/rss.jsonl)" 2
expect "read rss: ids" "$(jq -r .id $T/rss.jsonl | tr '\n' ' ')" "comwrap-dmexco-2018 $EPA_URL "
expect "read rss: titles" "$(field $T/rss.jsonl 2 .title)" "$EPA_TITLE"
expect "read rss: urls" "$(jq -r .url $T/rss.jsonl | tr '\n' ' ')" "$DMX_URL $EPA_URL "
expect "read rss: dates" "$(jq -r .published $T/rss.jsonl | tr '\n' ' ')" \
  "2018-08-29T10:00:00+02:00 2018-11-13T09:30:00+01:00 "
expect "read rss: lang" "$(jq -r '.lang + "/" + .lang_declared' $T/rss.jsonl | tr '\n' ' ')" "de/de de/de "
expect "read rss: first words" "$(field $T/rss.jsonl 1 '.text[:63]')" "$DMX_START"
expect "read rss: description" "$(field $T/rss.jsonl 2 '.text[:58]')" "$EPA_START"

$LB read $D/news.atom >$T/atom.jsonl 2>$T/err
expect "read atom: exit" $? 0
expect "read atom: documents" "$(wc -l <$T/atom.jsonl)" 2
expect "read atom: urls" "$(jq -r .url $T/atom.jsonl | tr '\n' ' ')" "$ALJ_URL $SPC_URL "
expect "read atom: html title" "$(field $T/atom.jsonl 2 .title)" \
  "The Space Review: Seeking a bigger role for a big rocket"
expect "read atom: dates" "$(jq -r .published $T/atom.jsonl | tr '\n' ' ')" \
  "2019-11-20T08:02:00Z 2019-11-18T00:00:00-05:00 "
expect "read atom: first words" "$(field $T/atom.jsonl 2 '.text[:55]')" "$SPC_START"
expect "read atom: id" "$(field $T/atom.jsonl 2 .id)" "tag:thespacereview.com,2019:3834"

$LB read $D/comwrap.warc.gz >$T/warc.jsonl 2>$T/err
expect "read warc: exit" $? 0
expect "read warc: documents (the image is none)" "$(wc -l <$T/warc.jsonl)" 2
expect "read warc: urls" "$(jq -r .url $T/warc.jsonl | tr '\n' ' ')" "$DMX_URL $EPA_URL "
expect "read warc: titles" "$(field $T/warc.jsonl 1 .title)" "$DMX_TITLE"
expect "read warc: dates (WARC-Date)" "$(jq -r .published $T/warc.jsonl | tr '\n' ' ')" \
  "2018-09-01T12:00:00Z 2018-11-14T08:30:00Z "
expect "read warc: lang (declared en, German text)" \
  "$(jq -r '.lang + "/" + .lang_declared' $T/warc.jsonl | tr '\n' ' ')" "de/en de/en "
expect "read warc: first words" "$(field $T/warc.jsonl 2 '.text[:58]')" "$EPA_START"

# ---- extract: the same documents, their pictures ----
for f in aljazeera.html comwrap.rss news.atom comwrap.warc.gz; do
  $LB extract --threads 2 $D/$f >$T/x.jsonl 2>$T/err
  rc=$?
  expect "extract $f: exit" $rc 0
  n=$(wc -l <$T/x.jsonl)
  expect "extract $f: as many pictures as read documents" "$n" \
    "$($LB read $D/$f | wc -l)"
  expect "extract $f: ids, titles, urls, dates as read" \
    "$(jq -c '[.id, .title, .url, .published[:10]]' $T/x.jsonl | md5sum)" \
    "$($LB read $D/$f | jq -c '[.id, .title, .url, .published[:10]]' | md5sum)"
done
$LB extract $D/comwrap.warc.gz >$T/x.jsonl
expect "extract warc: lang" "$(jq -r .lang $T/x.jsonl | tr '\n' ' ')" "de de "
# offsets point into the text `read` prints
$LB extract $D/aljazeera.html >$T/x.jsonl
start=$(jq -r '[.entities[] | select(.name == "Afghanistan")][0].mentions[0].start' $T/x.jsonl)
end=$(jq -r '[.entities[] | select(.name == "Afghanistan")][0].mentions[0].end' $T/x.jsonl)
expect "extract page: an offset into the read text" \
  "$(jq -r --argjson s "$start" --argjson e "$end" '.text | explode | implode' $T/page.jsonl |
    head -c "$end" | tail -c "$((end - start))")" Afghanistan

# a directory: its input files, as read and ingest take them (it said
# only "read error")
rm -rf $T/dir && mkdir -p $T/dir/sub $T/empty
cp $D/comwrap.rss $T/dir/b.rss
cp $D/aljazeera.html $T/dir/sub/a.html
printf '{"id":"j1","text":"Russland hat Kiew angegriffen."}\n' >$T/dir/a.jsonl
printf 'kein Eingang' >$T/dir/notes.md
$LB extract --stages text $T/dir >$T/out 2>$T/err
expect "extract DIR: exit" $? 0
expect "extract DIR: the files below it, by name" "$(jq -r .id $T/out | tr '\n' ' ')" \
  "j1 comwrap-dmexco-2018 $EPA_URL a "
expect "extract DIR: as read reads it" "$(jq -r .id $T/out | md5sum)" \
  "$($LB read $T/dir | jq -r .id | md5sum)"
$LB extract --stages text $T/empty >$T/out 2>$T/err </dev/null
expect "extract an empty DIR: exit" $? 0
expect "extract an empty DIR: said, stdin not read" "$(cat $T/err)" \
  "lagebild extract: $T/empty: a directory without input files (see --help for the names read)"
# read and ingest the same way: an empty DIR is said, stdin is not read for it
echo "Russland greift an." | $LB read $T/empty >$T/out 2>$T/err
expect "read an empty DIR: exit" $? 0
expect "read an empty DIR: stdin not read" "$(cat $T/out)" ""
expect "read an empty DIR: said" "$(cat $T/err)" \
  "lagebild read: $T/empty: a directory without input files (see --help for the names read)"
$LB extract --stages text <$T/dir >$T/out 2>$T/err
expect "extract <DIR: exit 1" $? 1
expect "extract <DIR: said" "$(cat $T/err)" "lagebild extract: <stdin>: is a directory"

# walking: a link loop read the same file 41 times, one unreadable
# directory aborted the whole ingest
rm -rf $T/walk && mkdir -p $T/walk/a $T/walk/z
printf '{"id":"w1","text":"Russland hat Kiew angegriffen."}\n' >$T/walk/a/x.jsonl
printf '{"id":"w2","text":"Die Ukraine hat Moskau angegriffen."}\n' >$T/walk/z/y.jsonl
ln -s .. $T/walk/a/up
ln -s a $T/walk/b
$LB extract --stages text $T/walk >$T/out 2>$T/err
expect "link loop: exit 0 (nothing lost)" $? 0
expect "link loop: every file once" "$(jq -r .id $T/out | tr '\n' ' ')" "w1 w2 "
expect "link loop: said" "$(cat $T/err)" \
"lagebild extract: $T/walk/a/up: the same directory as one read before (a link loop, or a second link); skipped
lagebild extract: $T/walk/b: the same directory as one read before (a link loop, or a second link); skipped"
ln -s nowhere.jsonl $T/walk/a/gone.jsonl
$LB extract --stages text $T/walk >$T/out 2>$T/err
expect "dangling link: exit 3" $? 3
expect "dangling link: the others read" "$(jq -r .id $T/out | tr '\n' ' ')" "w1 w2 "
grep -qx "lagebild extract: $T/walk/a/gone.jsonl: No such file or directory; skipped" $T/err && ok ||
  bad "dangling link: named" "$(cat $T/err)"
rm -f $T/walk.db $T/walk.db-wal $T/walk.db-shm
$LB ingest --quiet $T/walk.db $T/walk 2>$T/err
expect "ingest DIR with a dangling link: exit 3 (a file may be missed)" $? 3
expect "ingest DIR with a loop and a dangling link: goes on" \
  "$($LB query $T/walk.db --documents --jsonl | jq -r .id | sort | tr '\n' ' ')" "w1 w2 "
grep -qx "lagebild ingest: $T/walk/a/gone.jsonl: No such file or directory; skipped" $T/err && ok ||
  bad "ingest DIR: the dangling link named" "$(cat $T/err)"
rm $T/walk/a/gone.jsonl
# an unreadable directory (test_read.c's read_walk_loops_and_unreadable
# makes one that root cannot open either)
if [ "$(id -u)" = 0 ]; then
  echo "ok # skip unreadable directory by mode 000: root reads it anyway"
else
  chmod 000 $T/walk/a
  $LB extract --stages text $T/walk >$T/out 2>$T/err
  expect "unreadable directory: exit 3" $? 3
  expect "unreadable directory: the others read" "$(jq -r .id $T/out | tr '\n' ' ')" "w2 "
  expect "unreadable directory: named" "$(cat $T/err)" \
    "lagebild extract: $T/walk/a: Permission denied; directory skipped"
  rm -f $T/walk.db $T/walk.db-wal $T/walk.db-shm
  $LB ingest --quiet $T/walk.db $T/walk 2>$T/err
  expect "ingest, an unreadable directory: the others stored" \
    "$($LB query $T/walk.db --documents --jsonl | jq -r .id)" w2
  chmod 755 $T/walk/a
fi

# ---- ingest: stored with their titles, dates and urls ----
DB=$T/read.db
rm -f $DB $DB-wal $DB-shm
$LB ingest --quiet $DB $D/aljazeera.html $D/comwrap.rss $D/news.atom $D/comwrap.warc.gz 2>$T/err
expect "ingest four formats: exit" $? 0
$LB query $DB --documents --jsonl >$T/docs.jsonl 2>$T/err
# 7 read, 6 stored: the second RSS item has no guid, so its id is its link,
# the id of the WARC record of the same page (the later one replaces it)
expect "ingest: documents" "$(wc -l <$T/docs.jsonl)" 6
expect "ingest: the page" \
  "$(jq -r 'select(.id == "aljazeera") | [.title, .url, .published[:10]] | join("|")' $T/docs.jsonl)" \
  "$ALJ_TITLE|$ALJ_URL|2019-11-20"
expect "ingest: the rss item" \
  "$(jq -r 'select(.id == "comwrap-dmexco-2018") | [.title, .published[:10]] | join("|")' $T/docs.jsonl)" \
  "$DMX_TITLE|2018-08-29"
expect "ingest: again, nothing new" "$($LB ingest --stats $DB $D/comwrap.rss 2>&1 | grep -o '0 added')" "0 added"

# ---- formats by content: stdin, other names, compression ----
expect "stdin html" "$($LB read <$D/aljazeera.html | jq -r .title)" "$ALJ_TITLE"
expect "stdin gzip rss" "$(gzip -c $D/comwrap.rss | $LB read | wc -l)" 2
cp $D/news.atom $T/feed.txt
expect "atom named .txt" "$($LB read $T/feed.txt | wc -l)" 2
zstd -q -c $D/aljazeera.html >$T/page.zst 2>/dev/null && \
  expect "zstd html" "$($LB read $T/page.zst | jq -r .url)" "$ALJ_URL"
expect "--format text keeps the markup" "$($LB read --format text $D/news.atom | jq -r '.text[:5]')" "<?xml"
expect "--format html reads a feed as a page" "$($LB read --format html $D/comwrap.rss | wc -l)" 1
printf '{"id":"a","text":"Hallo Welt."}\n' | $LB ingest --quiet $T/stdin.db - 2>/dev/null
expect "ingest - reads JSON Lines from stdin" \
  "$($LB query $T/stdin.db --documents --jsonl | jq -r .id)" a

# ---- JSON Lines as people write them ----
printf '\357\273\277{"id":"bom","text":"Erste Zeile."}\n{"id":"b","text":"Zweite Zeile."}\n' >$T/bom.jsonl
expect "BOM: both lines" "$($LB read $T/bom.jsonl | jq -r .id | tr '\n' ' ')" "bom b "
cat $T/bom.jsonl $T/bom.jsonl >$T/bom2.jsonl
$LB read $T/bom2.jsonl >$T/out 2>$T/err
expect "BOM: two files joined with cat, exit" $? 0
expect "BOM: two files joined with cat, all four lines" "$(jq -r .id $T/out | tr '\n' ' ')" "bom b bom b "
# lone CR line ends (one line to getline: "trailing characters after the
# object"), UTF-16 with a byte-order mark (every document lost)
printf '{"id":"a","text":"Erste Zeile."}\r{"id":"b","text":"Zweite Zeile."}\r\r{"id":"c","text":"Dritte."}\r' >$T/cr.jsonl
$LB read $T/cr.jsonl >$T/out 2>$T/err
expect "lone CR: exit" $? 0
expect "lone CR: three documents" "$(jq -r .id $T/out | tr '\n' ' ')" "a b c "
printf '\357\273\277{"id":"k","text":"Grüße aus Köln."}\r\n{"id":"m","text":"München."}\n' >$T/u8.jsonl
for enc in UTF-16LE UTF-16BE; do
  { if [ $enc = UTF-16LE ]; then printf '\377\376'; else printf '\376\377'; fi
    tail -c +4 $T/u8.jsonl | iconv -f UTF-8 -t $enc; } >$T/u16.jsonl
  $LB read $T/u16.jsonl >$T/out 2>$T/err
  expect "$enc: exit" $? 0
  expect "$enc: both documents, as UTF-8" "$(jq -r '.id + " " + .text' $T/out | tr '\n' '|')" \
    "k Grüße aus Köln.|m München.|"
  cp $T/u16.jsonl $T/u16.data
  expect "$enc: told by content" "$($LB read $T/u16.data | jq -r .id | tr '\n' ' ')" "k m "
  gzip -c $T/u16.jsonl >$T/u16.jsonl.gz
  expect "$enc in gzip" "$($LB extract --stages text $T/u16.jsonl.gz | jq -r .id | tr '\n' ' ')" "k m "
done
printf '\377\376' >$T/u16.txt
printf 'Ein Text über Köln.' | iconv -f UTF-8 -t UTF-16LE >>$T/u16.txt
expect "UTF-16LE plain text" "$($LB read $T/u16.txt | jq -r .text)" "Ein Text über Köln."
printf '{"guid":"x1","body":"Russland hat Kiew angegriffen.","date":"11.11.2024","link":"https://example.org/x1"}\n' >$T/body.jsonl
$LB read $T/body.jsonl >$T/out 2>$T/err
expect "no text field: exit 3" $? 3
grep -q 'body.jsonl:1: object has no "text" field (--text-field names another)' $T/err && ok ||
  bad "no text field: named" "$(cat $T/err)"
$LB read --text-field body --id-field guid --date-field date --url-field link $T/body.jsonl >$T/out
expect "--text-field body" "$(jq -c '[.id, .text, .published, .url, .lang]' $T/out)" \
  '["x1","Russland hat Kiew angegriffen.","2024-11-11","https://example.org/x1","de"]'
$LB extract --text-field body --date-field date $T/body.jsonl >$T/out
expect "extract --text-field body" "$(jq -c '[.published, .lang]' $T/out)" '["2024-11-11","de"]'
printf '{"text":"Russia attacked Kyiv on Sunday.","published":"Mon, 11 Nov 2024 08:30:00 +0100"}\n' |
  $LB extract --stages text >$T/out
expect "RFC 822 date and a short English text" "$(jq -c '[.published, .lang]' $T/out)" '["2024-11-11","en"]'
printf 'Merkel trifft Putin in Moskau\n' | $LB read >$T/out
expect "short German headline" "$(jq -r .lang $T/out)" de

# ids are keys: a \u0000 cut one and replaced another document, "" was an
# id and two of them replaced each other, all with exit 0
printf '{"id":"a\\u0000x","text":"Russland hat Kiew angegriffen."}\n{"id":"a","text":"Die Ukraine hat Moskau angegriffen."}\n{"id":"","text":"Leer eins."}\n{"id":"","text":"Leer zwei."}\n{"id":"t\\tab","text":"Tabulator."}\n{"id":"K\303\266ln-1","text":"Köln."}\n' >$T/ids.jsonl
$LB extract --stages text $T/ids.jsonl >$T/out 2>$T/err
expect "bad ids: exit 3" $? 3
expect "bad ids: the good ones read" "$(jq -r .id $T/out | tr '\n' ' ')" "a Köln-1 "
expect "bad ids: each named with line and byte" "$(cat $T/err)" \
"lagebild extract: $T/ids.jsonl:1: \"id\" holds the control character U+0000 at byte 8 of the line (file byte 8) (skipped)
lagebild extract: $T/ids.jsonl:3: \"id\" is empty at byte 6 of the line (file byte 120) (skipped)
lagebild extract: $T/ids.jsonl:4: \"id\" is empty at byte 6 of the line (file byte 150) (skipped)
lagebild extract: $T/ids.jsonl:5: \"id\" holds the control character U+0009 at byte 8 of the line (file byte 182) (skipped)"
rm -f $T/ids.db $T/ids.db-wal $T/ids.db-shm
$LB ingest --quiet $T/ids.db $T/ids.jsonl 2>$T/err
expect "bad ids: ingest exit 3" $? 3
expect "bad ids: ingest stores the ids extract writes, byte for byte" \
  "$($LB query $T/ids.db --documents --jsonl | jq -r .id | sort | od -An -tx1)" \
  "$(jq -r .id $T/out | sort | od -An -tx1)"
expect "bad ids: ingest stores two documents" "$($LB query $T/ids.db --documents --jsonl | wc -l)" 2

# ---- bad input: named or read with a warning, never a crash ----
printf '{"id":"a","text":"Hallo Welt."}\n{"id":"b","text":"Zweite Zeile mit mehr Text."}\n' | gzip -n >$T/t.jsonl.gz
n=$($LB extract --stages text $T/t.jsonl.gz | wc -l)
expect "gzip JSONL gives 2 documents" "$n" 2
head -c 30 $T/t.jsonl.gz >$T/trunc.jsonl.gz
$LB extract --stages text $T/trunc.jsonl.gz >$T/out 2>$T/err
expect "truncated gzip exits 3" $? 3
expect "truncated gzip named on stderr, once" "$(cat $T/err)" \
  "lagebild extract: $T/trunc.jsonl.gz: truncated gzip data at byte 30 of the compressed file: the file ends inside a compressed block (in line 1) (rest of the file skipped)"
# damaged compressed JSON Lines: every document before the damage is read,
# the damage named once, with the compressed offset (5,000 documents with
# trailing garbage lost 168, a truncated file about 100, and the last good
# line was blamed: "unterminated string")
awk 'BEGIN { for (i = 1; i <= 5000; i++) printf "{\"id\":\"d%d\",\"text\":\"Dokument %d: Russland hat Kiew am Sonntag angegriffen.\"}\n", i, i }' >$T/5k.jsonl
gzip -n -c $T/5k.jsonl >$T/5k.jsonl.gz
zsize=$(wc -c <$T/5k.jsonl.gz)
cp $T/5k.jsonl.gz $T/junk.jsonl.gz
printf 'GARBAGE after the member' >>$T/junk.jsonl.gz
$LB read $T/junk.jsonl.gz >$T/out 2>$T/err
expect "gzip + trailing garbage: exit 3" $? 3
expect "gzip + trailing garbage: all 5000 documents" "$(wc -l <$T/out)" 5000
expect "gzip + trailing garbage: the last one" "$(tail -n 1 $T/out | jq -r .id)" d5000
expect "gzip + trailing garbage: named once, compressed offset" "$(cat $T/err)" \
  "lagebild read: $T/junk.jsonl.gz: trailing garbage after the gzip member at byte $zsize of the compressed file (after line 5000) (rest of the file skipped)"
cat $T/5k.jsonl.gz $T/5k.jsonl.gz >$T/two.jsonl.gz
$LB read $T/two.jsonl.gz >$T/out 2>$T/err
expect "gzip of two members: exit 0" $? 0
expect "gzip of two members: 10000 documents" "$(wc -l <$T/out)" 10000
half=$((zsize / 2))
head -c $half $T/5k.jsonl.gz >$T/half.jsonl.gz
good=$(gzip -dc $T/half.jsonl.gz 2>/dev/null | wc -l)
[ "$good" -gt 1000 ] && ok || bad "truncated gzip: gzip -dc decodes lines" "$good"
$LB read $T/half.jsonl.gz >$T/out 2>$T/err
expect "truncated gzip: exit 3" $? 3
expect "truncated gzip: every line gzip -dc decodes" "$(wc -l <$T/out)" "$good"
expect "truncated gzip: named, the cut line not blamed" "$(cat $T/err)" \
  "lagebild read: $T/half.jsonl.gz: truncated gzip data at byte $half of the compressed file: the file ends inside a compressed block (in line $((good + 1))) (rest of the file skipped)"
if zstd -q -c $T/5k.jsonl >$T/5k.jsonl.zst 2>/dev/null; then
  zhalf=$(($(wc -c <$T/5k.jsonl.zst) / 2))
  head -c $zhalf $T/5k.jsonl.zst >$T/half.jsonl.zst
  good=$(zstd -q -dc $T/half.jsonl.zst 2>/dev/null | wc -l)
  $LB extract --stages text $T/half.jsonl.zst >$T/out 2>$T/err
  expect "truncated zstd: exit 3" $? 3
  expect "truncated zstd: every line zstd -dc decodes" "$(wc -l <$T/out)" "$good"
  expect "truncated zstd: named" "$(cat $T/err)" \
    "lagebild extract: $T/half.jsonl.zst: truncated zstd data at byte $zhalf of the compressed file: the file ends inside a compressed block (in line $((good + 1))) (rest of the file skipped)"
  zsize=$(wc -c <$T/5k.jsonl.zst)
  printf 'GARBAGE' >>$T/5k.jsonl.zst
  $LB read $T/5k.jsonl.zst >$T/out 2>$T/err
  expect "zstd + trailing garbage: all 5000 documents" "$(wc -l <$T/out)" 5000
  expect "zstd + trailing garbage: named" "$(cat $T/err)" \
    "lagebild read: $T/5k.jsonl.zst: trailing garbage after the zstd frame at byte $zsize of the compressed file (after line 5000) (rest of the file skipped)"
fi
rm -f $T/5k.jsonl* $T/junk.jsonl.gz $T/two.jsonl.gz $T/half.jsonl.*
head -c 20000 $D/aljazeera.html >$T/cut.html
$LB read $T/cut.html >$T/out 2>$T/err
expect "truncated html: exit" $? 0
expect "truncated html: title" "$(jq -r .title $T/out)" "$ALJ_TITLE"
head -c 9000 $D/comwrap.rss >$T/cut.rss
$LB read $T/cut.rss >$T/out 2>$T/err
expect "truncated rss: the first item" "$(head -n 1 $T/out | jq -r .id)" comwrap-dmexco-2018
grep -q 'feed: XML error at line' $T/out && ok || bad "truncated rss: warned" "$(head -c 300 $T/out)"
gzip -dc $D/comwrap.warc.gz | head -c 40000 >$T/cut.warc
$LB read $T/cut.warc >$T/out 2>$T/err
expect "truncated warc: exit 3" $? 3
expect "truncated warc: the first page" "$(head -n 1 $T/out | jq -r .url)" "$DMX_URL"
grep -q 'cut.warc: WARC record at byte [0-9]*: block ends early (truncated' $T/err && ok ||
  bad "truncated warc: named" "$(cat $T/err)"
printf '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;"><!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;"><!ENTITY f "&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;"><!ENTITY g "&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;"><!ENTITY h "&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;">]><rss><channel><item><title>&h;</title><description>Text</description></item></channel></rss>' >$T/laughs.rss
$LB read $T/laughs.rss >$T/out 2>$T/err
rc=$?
[ $rc -le 3 ] && [ "$(wc -c <$T/out)" -lt 10000 ] && ok || bad "entity expansion stays small" "exit $rc, $(wc -c <$T/out) bytes"
awk 'BEGIN { for (i = 0; i < 200000; i++) printf "<div>"; print "tief unten" }' >$T/deep.html
$LB read $T/deep.html >$T/out 2>$T/err
expect "deep nesting: text" "$(jq -r .text $T/out)" "tief unten"
grep -q 'nested deeper than 256 levels' $T/out && ok || bad "deep nesting: warned"
awk 'BEGIN { print "<html><body><article>"; for (i = 0; i < 1150000; i++) print "<p>Russland hat Kiew angegriffen, sagte der Sprecher am Sonntag.</p>"; print "</article></body></html>" }' >$T/big.html
$LB read $T/big.html >$T/out 2>$T/err
expect "100 MB page: exit" $? 0
expect "100 MB page: paragraphs" "$(jq -r '.text | split("\n\n") | length' $T/out)" 1150000
printf '<html><head><meta charset="windows-1252"></head><body><p>Gr\374\337e aus K\366ln.</p></body></html>' >$T/cp1252.html
expect "windows-1252 page" "$($LB read $T/cp1252.html | jq -r .text)" "Grüße aus Köln."
rm -f $T/big.html $T/deep.html
echo "$P passed, $F failed"
[ "$F" = 0 ]
