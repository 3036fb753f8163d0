#!/bin/sh
# eval_syntax.sh -- `make eval-syntax`: the held-out sentences of each
# language (tools/syntax_data.sh) through `lagebild parse --conllu`, scored
# by build/release/eval_syntax in the CoNLL 2018 manner.
#   sh tools/eval_syntax.sh [UD_DIR]
set -eu
UD=${1:-../shared/data/ud}
if [ ! -f "$UD/en_ewt-ud-dev.conllu" ] || [ ! -f "$UD/de_gsd-ud-dev.conllu" ]; then
  echo "eval-syntax: the treebanks are missing: $UD (../shared/data/ud, see its SOURCE.md)" >&2
  exit 1
fi
. tools/syntax_data.sh
mkdir -p build/ud
# FILE[@FROM-TO] -> a file holding just those sentences
slice() {
  spec=$1
  file=${spec%@*}
  if [ "$file" = "$spec" ]; then echo "$file"; return; fi
  range=${spec#*@}
  out=build/ud/$(basename "$file" .conllu).$range.conllu
  awk -v from="${range%-*}" -v to="${range#*-}" 'BEGIN { RS = ""; ORS = "\n\n" }
    NR >= from && NR <= to' "$file" > "$out"
  echo "$out"
}
for lang in en de; do
  if [ $lang = en ]; then spec=$EN_TEST; label="en EWT dev"; else spec=$DE_TEST; label="de GSD dev 400-799"; fi
  gold=$(slice "$spec")
  bin/lagebild parse --conllu "$gold" --lang $lang > build/ud/$lang.sys.conllu
  build/release/eval_syntax "$gold" build/ud/$lang.sys.conllu "$label"
done
