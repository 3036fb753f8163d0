#!/bin/sh
# suite_eval.sh -- the scorer of `make eval` (tools/eval.c) on a fixture whose
# figures were worked out by hand (tests/eval/fixture/: 3 test passages and 1
# dev passage, the engine's answer written by hand as pictures.jsonl):
#
#   gold asserted events: fx1 190 RUSMIL>UKR, 194 RUSMIL>UKR; fx2 173 COP>OPP,
#     141 CVL>GOV (4); fx3 040 negated (not asserted)
#   engine asserted: fx1 190 RUSMIL>UKR, 194 RUSMIL>(none), 112 RUS>UKR;
#     fx2 173 COP>OPP, 145 CVL>GOV (5); fx3 040 modal
#   root: 190 194 173 145~141 right = 4 of 5 found, 4 gold -> P 80 R 100
#   code: 190 194 173 = 3 -> P 60 R 75;  code+src+tgt: 190 173 = 2 -> P 40 R 50
#   PLOVER type: ASSAULT x2, COERCE, PROTEST = 4 -> P 80 R 100;
#     +src+tgt: 190 173 145~141 = 3 -> P 60 R 75
#   mood on code matches: 190 194 173 agree, 040 modal vs negated -> 3 of 4
#   roots: one engine 11 against nothing -> "-->11 1", same root 4
#   claims: gold fx1 (the ministry), fx2 (no speaker), fx3 (minister, via "He");
#     engine fx1 "the ministry", fx2 no speaker, fx3 "He" = the minister and
#     "the ambassador" (wrong) -> found 3 of 4 (3 gold), speaker 2 of 3 (2
#     gold: fx2 is left out), verb "say" right, "said" wrong -> 1 of 2
#   place on code matches (any mood, as mood): 190 Kyiv right, 194 Kharkiv
#     right (its target is wrong), 173 none (gold Istanbul) -> 2 of 3; 040
#     placed at Geneva where gold has none -> 1 of 1
#   date: 190 and 194 2024-11-10 right, 173 2024-11-12 (gold 2024-11-11)
#     -> 2 of 3; 040 undated, gold has none -> 0 of 1
cd "$(dirname "$0")/.." || exit 1
P=0
F=0
ok() { P=$((P + 1)); echo "ok $1"; }
no() { F=$((F + 1)); echo "not ok $1"; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
E=build/release/eval_lagebild
FX=tests/eval/fixture
[ -x $E ] || make -s $E >/dev/null 2>&1

out=$($E --pictures $FX/pictures.jsonl --plover ../shared/data/plover/CAMEO2PLOVER-2021.txt $FX/en.tsv 2>"$T/err")
rc=$?
[ $rc -eq 0 ] && ok "exit 0" || no "exit status $rc"
[ -s "$T/err" ] && no "no messages on stderr ($(cat "$T/err"))" || ok "no messages on stderr"
test_block=$(echo "$out" | sed -n '/en.tsv test:/,$p')
want() { # label, expected line content (fixed string)
  if echo "$test_block" | grep -F -q -- "$2"; then ok "$1"; else no "$1: want \"$2\""; echo "$test_block" | sed 's/^/  | /'; fi
}
want "passages and gold counts" "3 passages (0 without a gold event); gold: 4 asserted events, 1 not asserted, 3 places, 3 dates, 3 claims"
want "root" "events root            P  80.0  R 100.0  F1  88.9   (4 right of 5 found, 4 gold)"
want "code" "events code            P  60.0  R  75.0  F1  66.7   (3 right of 5 found, 4 gold)"
want "code+source+target" "events code+src+tgt    P  40.0  R  50.0  F1  44.4   (2 right of 5 found, 4 gold)"
want "PLOVER type" "PLOVER type            P  80.0  R 100.0  F1  88.9   (4 right of 5 found, 4 gold)"
want "PLOVER type+src+tgt" "PLOVER type+src+tgt    P  60.0  R  75.0  F1  66.7   (3 right of 5 found, 4 gold)"
want "mood" "mood                    75.0 %  (3 of 4 events matched at the code)"
want "root confusion" "roots gold>found       -->11 1  (same root: 4)"
want "claims found" "claims found           P  75.0  R 100.0  F1  85.7   (3 right of 4 found, 3 gold)"
want "claim speaker" "claims speaker         P  66.7  R 100.0  F1  80.0   (2 right of 3 found, 2 gold)"
want "claim speaker+span" "claims speaker+span    P  66.7  R 100.0  F1  80.0   (2 right of 3 found, 2 gold)"
want "claim verb" "claim verb              50.0 %  (1 of 2 speaker+span matches)"
want "event place" "event place             66.7 %  (2 of 3 matched events with a gold place)"
want "placed anyway" "placed anyway        1 of 1 matched events without a gold place"
want "event date" "event date              66.7 %  (2 of 3 matched events with a gold date)"
want "dated anyway" "dated anyway         0 of 1 matched events without a gold date"
if echo "$out" | grep -F -q "CAMEO -> PLOVER types from ../shared/data/plover/CAMEO2PLOVER-2021.txt"; then
  ok "names the PLOVER table"
else no "names the PLOVER table"; fi
if echo "$out" | grep -F -q "en.tsv dev: 1 passages (1 without a gold event)"; then ok "dev apart from test"; else no "dev apart from test"; fi

# --split test prints the test block only
out=$($E --split test --pictures $FX/pictures.jsonl $FX/en.tsv 2>/dev/null)
if echo "$out" | grep -q "en.tsv test:" && ! echo "$out" | grep -q "en.tsv dev:"; then ok "--split test"; else no "--split test"; fi

# -v names the misses and extras
out=$($E -v --pictures $FX/pictures.jsonl $FX/en.tsv 2>/dev/null)
for w in "fx1: missed event 194:RUSMIL:UKR" "fx2: event 173 dated 2024-11-12, gold 2024-11-11" \
  "fx3: event 040 mood modal, gold negated" 'fx3: extra or wrong claim by "the ambassador"' \
  "fx2: event 173 place none, gold Istanbul"; do
  if echo "$out" | grep -F -q "$w"; then ok "-v: $w"; else no "-v: $w"; fi
done

# bad gold lines are named by file and line, and the good ones still count
{
  printf '# a comment\n'
  printf 'b1\ttest\t-\tPolice arrested him.\t173:COP\t-\n'
  printf 'b2\ttest\t2024-13\tPolice arrested him.\t-\t-\n'
  printf 'b3\tdevv\t-\tPolice arrested him.\t-\t-\n'
  printf 'b4\ttest\t-\tPolice arrested him.\t173:COP:-:maybe\t-\n'
  printf 'b5\ttest\t-\tPolice arrested him.\t173:COP:- =May\t-\n'
  printf 'b6\ttest\t-\tPolice arrested him.\t-\tpolice | say | nothing like this\n'
  printf 'b7\ttest\t-\tPolice arrested him.\n'
  printf 'b8\ttest\t-\tPolice arrested him.\t173:COP:-\tpolice | say | arrested him\n'
} > "$T/en.tsv"
printf '{"id":"b8","events":[{"code":"173","source":"COP"}],"claims":[]}\n' > "$T/p.jsonl"
out=$($E --pictures "$T/p.jsonl" "$T/en.tsv" 2>"$T/err")
rc=$?
for w in "en.tsv:2: bad event \"173:COP\"" "en.tsv:3: bad PUBLISHED \"2024-13\"" \
  "en.tsv:4: split \"devv\" is neither dev nor test" "en.tsv:5: bad mood \"maybe\"" \
  "en.tsv:6: bad date \"May\"" "en.tsv:7: claim span \"nothing like this\" is not in the text" \
  "en.tsv:8: want ID<TAB>SPLIT"; do
  if grep -F -q "$w" "$T/err"; then ok "error: $w"; else no "error: $w ($(cat "$T/err"))"; fi
done
if [ $rc -eq 0 ] && echo "$out" | grep -F -q "events code+src+tgt    P 100.0  R 100.0"; then
  ok "good lines still scored"
else no "good lines still scored ($out)"; fi

# words: whole words, a name of 4+ letters may carry a 2-letter ending; "Er" is no "Erdogan"
{
  printf 'w1\ttest\t-\tErdogan sagte, es gehe. Merkels Sprecher sagte, es gehe nicht.\t-\tErdogan | sagen | es gehe ; Merkel | sagen | es gehe nicht\n'
} > "$T/de.tsv"
printf '{"id":"w1","events":[],"claims":[{"speaker_text":"Er","verb":"sagen","start":0,"end":22},{"speaker_text":"Merkels Sprecher","verb":"sagen","start":45,"end":61}]}\n' > "$T/w.jsonl"
out=$($E --pictures "$T/w.jsonl" "$T/de.tsv" 2>&1)
if echo "$out" | grep -F -q "claims speaker         P  50.0  R  50.0"; then ok "speaker words"; else no "speaker words ($out)"; fi

# a file that is not there: exit 1 with its name
$E --pictures $FX/pictures.jsonl "$T/none.tsv" >/dev/null 2>"$T/err"
rc=$?
if [ $rc -eq 1 ] && grep -q "none.tsv: cannot open" "$T/err"; then ok "missing set"; else no "missing set (rc $rc)"; fi

echo "$P passed, $F failed"
[ "$F" = 0 ]
