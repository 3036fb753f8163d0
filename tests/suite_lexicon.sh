#!/bin/sh
# suite_lexicon.sh -- the lexicon build and loader (issue 4):
#  - a malformed data file fails the build with FILE:LINE and a reason;
#  - a truncated or corrupt lexicon is rejected at start-up with a clear error;
#  - the real lexicon holds the tables the entity stage needs and >= 1,000,000
#    names, and finds names that only the rule-made spellings give.
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

# the Bloom filter's size (header word at byte 52) must be a power of two
# that fits after the strings
cp "$T/good.lex" "$T/bloom.lex"
printf '\003\000\000\000' | dd of="$T/bloom.lex" bs=1 seek=52 conv=notrunc 2>/dev/null
msg=$(bin/lagebild extract --lexicon "$T/bloom.lex" "$T/doc.txt" 2>&1)
if [ $? -ne 0 ] && echo "$msg" | grep -q "bloom.lex: corrupt lexicon: Bloom filter size is not a power of two"; then ok "bad Bloom size rejected"; else no "bad Bloom size rejected ($msg)"; fi
printf '\000\000\001\000' | dd of="$T/bloom.lex" bs=1 seek=52 conv=notrunc 2>/dev/null
msg=$(bin/lagebild extract --lexicon "$T/bloom.lex" "$T/doc.txt" 2>&1)
if [ $? -ne 0 ] && echo "$msg" | grep -q "Bloom filter overlaps"; then ok "oversized Bloom rejected"; else no "oversized Bloom rejected ($msg)"; fi
# a lexicon of an earlier format (LBLEX003 and 004 hashed keys otherwise) is
# refused with how to rebuild it: fuzz/seeds/fuzz_lex/small004.lex is one
msg=$(bin/lagebild extract --lexicon fuzz/seeds/fuzz_lex/small004.lex "$T/doc.txt" 2>&1)
if [ $? -ne 0 ] && echo "$msg" | grep -q "small004.lex: corrupt lexicon: built by an older lagebild-lexc (this one reads LBLEX006): run make lexicon"; then ok "older lexicon refused with how to rebuild"; else no "older lexicon refused ($msg)"; fi
# the small tables' section (header words at bytes 56, 60) must lie in the
# file, and each table's list in the section
cp "$T/good.lex" "$T/small.lex"
printf '\377\377\377\177' | dd of="$T/small.lex" bs=1 seek=56 conv=notrunc 2>/dev/null
msg=$(bin/lagebild extract --lexicon "$T/small.lex" "$T/doc.txt" 2>&1)
if [ $? -ne 0 ] && echo "$msg" | grep -q "small.lex: corrupt lexicon: the small tables lie outside the file"; then ok "small tables outside the file rejected"; else no "small tables outside the file rejected ($msg)"; fi
# a lexicon without the Bloom filter (header word 0) loads and answers
cp "$T/good.lex" "$T/nobloom.lex"
printf '\000\000\000\000' | dd of="$T/nobloom.lex" bs=1 seek=52 conv=notrunc 2>/dev/null
if bin/lagebild lexicon --lexicon "$T/nobloom.lex" --lookup kursk 2>&1 | grep -q '^key "kursk"'; then ok "lexicon without Bloom filter loads"; else no "lexicon without Bloom filter loads ($(bin/lagebild lexicon --lexicon "$T/nobloom.lex" --lookup kursk 2>&1))"; fi

# the real lexicon: size and tables
if [ -f bin/lagebild.lex ]; then
  for t in ent entdef nat agent rolenoun office country capital form; do
    if grep -q -a "$t" bin/lagebild.lex; then ok "table $t present"; else no "table $t present"; fi
  done
fi

# the size the issue asks for: >= 1,000,000 names (distinct keys of table
# ent), counted by lagebild-lexc over the same sources as the Makefile
GEN="build/gen/actors.tsv build/gen/geo.tsv build/gen/morph.tsv build/gen/towns.tsv"
if [ -f build/gen/towns.tsv ]; then
  # shellcheck disable=SC2086
  msg=$(bin/lagebild-lexc -o "$T/full.lex" $(find data -name '*.tsv' | sort) $GEN 2>&1)
  n=$(echo "$msg" | sed -n 's/.* \([0-9]*\) names,.*/\1/p')
  if [ -n "$n" ] && [ "$n" -ge 1000000 ]; then ok "lexicon holds $n names (>= 1,000,000)"; else no "lexicon holds >= 1,000,000 names ($msg)"; fi
  rm -f "$T/full.lex"
else
  no "build/gen/towns.tsv missing (run make)"
fi

# towns (tools/gen_towns.js): a Ukrainian front-line town in German spelling,
# but no surname ("Höfer" as "Hofer"), phrase ("Im Zentrum", a Swiss
# quarter) or acronym-like hamlet ("Bakom", Indonesia, population unknown)
if [ -f build/gen/towns.tsv ]; then
  if grep -q "$(printf '^ent\tTschasiw Jar\tlbgn710915\t')" build/gen/towns.tsv; then ok "town Tschasiw Jar (uk-de)"; else no "town Tschasiw Jar (uk-de)"; fi
  for w in Hofer 'Im Zentrum' Bakom; do
    if grep -q "$(printf '^ent\t%s\t' "$w")" build/gen/towns.tsv; then no "no town named $w"; else ok "no town named $w"; fi
  done
fi

# CLDR transforms read as data (tools/translit.js), real values
if command -v node >/dev/null 2>&1 && [ -d /usr/share/unicode/cldr/common/transforms ]; then
  out=$(node -e '
    const { load } = require("./tools/translit");
    const C = "/usr/share/unicode/cldr/common";
    /* "moskva" stands for a common word: a rule must not make it */
    const nv = require("./tools/namevar")(C, new Set(["moskva"]), "data/geo/translit.txt");
    console.log([load(C, "Russian-Latin-BGN")("Харьков"), load(C, "Ukrainian-Latin-BGN")("Харків"),
                 load(C, "Armenian-Latin-BGN")("Երևան"), load(C, "Greek-Latin-BGN")("Αθήνα"),
                 nv.spellings("Zürich", true).map((x) => x[0]).join("+"),
                 nv.spellings("Saint-Denis", false).map((x) => x[0]).join("+"),
                 nv.deEn("Москва", "RU").map((x) => x[0]).join("+"),
                 nv.romanise("Москва", "RU").length, nv.romanise("Київ", "UA")[0][0],
                 nv.romanise("Париж", "FR").length].join("|"));' 2>&1)
  want="Kharʹkov|Kharkiv|Yerevan|Athína|Zuerich+Zurich|St-Denis+St. Denis+Saint Denis+St Denis|Moskwa+Moskva|0|Kyyiv|0"
  if [ "$out" = "$want" ]; then ok "CLDR romanisation and spelling rules"; else no "CLDR romanisation and spelling rules: $out"; fi
fi

# names that only the rule-made spellings and the new sources give
if [ -f bin/lagebild.lex ]; then
  printf 'Russische Truppen zogen sich aus Sudscha zurück. Der Präfekt von Haute-Corse sprach.\n' > "$T/de.txt"
  printf 'Vladimir Zelenskiy met Recep Tayyip Erdogan.\n' > "$T/en.txt"
  de=$(bin/lagebild extract --lang de --stages places "$T/de.txt" 2>&1)
  en=$(bin/lagebild extract --lang en --stages places "$T/en.txt" 2>&1)
  for c in 'de:"id":"lb:gn486816"' 'de:"id":"lb:iso:FR-2B"' 'en:"text":"Vladimir Zelenskiy","actor":"UKRGOV","rule":"rule:translit:rus-bgn"' \
           'en:"text":"Recep Tayyip Erdogan","actor":"TURGOV","rule":"rule:ascii"'; do
    doc=${c%%:*}
    pat=${c#*:}
    if [ "$doc" = de ]; then got=$de; else got=$en; fi
    if echo "$got" | grep -qF "$pat"; then ok "found $pat"; else no "found $pat ($got)"; fi
  done
fi
echo "$P passed, $F failed"
[ "$F" = 0 ]
