#!/bin/sh
# suite_lexicon.sh -- the lexicon build and loader (issue 4):
#  - a malformed data file fails the build with FILE:LINE and a reason;
#  - a truncated or corrupt lexicon is rejected at start-up with a clear error;
#  - the real lexicon holds the tables the entity stage needs.
cd "$(dirname "$0")/.." || exit 1
P=0
F=0
ok() { P=$((P + 1)); echo "ok $1"; }
no() { F=$((F + 1)); echo "not ok $1"; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT

printf '#table: ent\nKursk\tx\n' > "$T/good.tsv"
printf 'ent\tKursk\tx\nnoTabHere\n' > "$T/bad.tsv"
printf 'ent\t\tvalue\n' > "$T/emptykey.tsv"
printf 'ent\tK\377rsk\tx\n' > "$T/utf8.tsv"

if bin/lagebild-lexc -o "$T/good.lex" "$T/good.tsv" 2>/dev/null; then ok "good source compiles"; else no "good source compiles"; fi
for c in "bad.tsv:2:" "emptykey.tsv:1:" "utf8.tsv:1:"; do
  f=${c%%:*}
  want="$T/$c"
  msg=$(bin/lagebild-lexc -o "$T/out.lex" "$T/$f" 2>&1)
  rc=$?
  if [ $rc -ne 0 ] && echo "$msg" | grep -q "^$want"; then ok "malformed $f fails with file:line"; else no "malformed $f fails with file:line ($msg)"; fi
done

# a malformed file under data/ fails `make` (run on a copy of the Makefile's rule)
msg=$(bin/lagebild-lexc -o "$T/x.lex" data/common/meta.tsv "$T/bad.tsv" 2>&1)
if [ $? -ne 0 ] && echo "$msg" | grep -q "bad.tsv:2: expected TABLE"; then ok "lexc names the bad file among several"; else no "lexc among several ($msg)"; fi

# truncated and corrupt lexicons are rejected at start-up
echo "Seit August" > "$T/doc.txt"
head -c 100 "$T/good.lex" > "$T/trunc.lex"
msg=$(bin/lagebild extract --lexicon "$T/trunc.lex" "$T/doc.txt" 2>&1)
if [ $? -ne 0 ] && echo "$msg" | grep -q "trunc.lex.*\(truncated\|too short\|corrupt\)"; then ok "truncated lexicon rejected"; else no "truncated lexicon rejected ($msg)"; fi
printf 'NOTALEX0aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' > "$T/magic.lex"
msg=$(bin/lagebild extract --lexicon "$T/magic.lex" "$T/doc.txt" 2>&1)
if [ $? -ne 0 ] && echo "$msg" | grep -q "magic.lex.*bad magic"; then ok "bad magic rejected"; else no "bad magic rejected ($msg)"; fi
: > "$T/empty.lex"
msg=$(bin/lagebild extract --lexicon "$T/empty.lex" "$T/doc.txt" 2>&1)
if [ $? -ne 0 ] && echo "$msg" | grep -q "empty.lex"; then ok "empty lexicon rejected"; else no "empty lexicon rejected ($msg)"; fi
# flip bytes in the middle of a valid lexicon: no crash (exit 0 or a clean error)
cp "$T/good.lex" "$T/flip.lex"
sz=$(wc -c < "$T/flip.lex")
printf '\377\377\377\377' | dd of="$T/flip.lex" bs=1 seek=$((sz / 2)) conv=notrunc 2>/dev/null
bin/lagebild extract --lexicon "$T/flip.lex" "$T/doc.txt" > /dev/null 2>&1
rc=$?
if [ $rc -lt 128 ]; then ok "corrupted lexicon does not crash"; else no "corrupted lexicon crashed ($rc)"; fi

# the real lexicon: size and tables
if [ -f bin/lagebild.lex ]; then
  for t in ent entdef nat agent rolenoun office country capital form; do
    if grep -q -a "$t" bin/lagebild.lex; then ok "table $t present"; else no "table $t present"; fi
  done
fi
echo "$P passed, $F failed"
[ "$F" = 0 ]
