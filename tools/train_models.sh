#!/bin/sh
# train_models.sh -- `make model`: train data/syntax/{en,de}.lbsyn from the
# Universal Dependencies treebanks (tools/syntax_data.sh says which
# sentences train and which are held out). Deterministic: fixed seed, fixed
# thread count. Prints each epoch's loss and the held-out scores, which the
# model also keeps in its META ("scores=").
#   sh tools/train_models.sh [UD_DIR]
set -eu
UD=${1:-../shared/data/ud}
if [ ! -f "$UD/en_ewt-ud-train.conllu.xz" ] || [ ! -f "$UD/de_pud-ud.conllu" ]; then
  echo "model: the treebanks are missing: $UD (../shared/data/ud, see its SOURCE.md)" >&2
  exit 1
fi
mkdir -p build/ud data/syntax
[ -f build/ud/en_ewt-ud-train.conllu ] || xz -dc "$UD/en_ewt-ud-train.conllu.xz" > build/ud/en_ewt-ud-train.conllu
. tools/syntax_data.sh
EN_TRAIN=build/ud/en_ewt-ud-train.conllu
LICENCE="licence=CC BY-SA 4.0 (model data learned from Universal Dependencies treebanks; data/syntax/SOURCE.md)"
args() { for f in $1; do printf ' %s %s' "$2" "$f"; done; }
# shellcheck disable=SC2046
build/release/train_syntax --lang en -o data/syntax/en.lbsyn $(args "$EN_TRAIN" --train) $(args "$EN_TEST" --test) \
  --meta "train=UD English EWT train (12,544 sentences)" --meta "test=UD English EWT dev" --meta "$LICENCE" \
  --seed 1 --threads 2 $SYNTAX_EN_OPTS
# shellcheck disable=SC2046
build/release/train_syntax --lang de -o data/syntax/de.lbsyn $(args "$DE_TRAIN" --train) \
  $(args "$DE_TEST" --test) \
  --meta "train=UD German PUD (1,000 sentences), GSD train (the first 142 sentences), GSD dev 1-399 (twice); UD English EWT train 1-5000 for the trees (no lemmas)" \
  --meta "test=UD German GSD dev 400-799" --meta "$LICENCE" --seed 1 --threads 1 $SYNTAX_DE_OPTS
