# syntax_data.sh -- which Universal Dependencies sentences train the syntax
# models and which are held out to score them; sourced by
# tools/train_models.sh (`make model`) and tools/eval_syntax.sh
# (`make eval-syntax`), so both read the same split. UD is the directory of
# ../shared/data/ud (see its SOURCE.md; CC BY-SA 4.0 and 3.0).
#
# English: EWT train trains; EWT dev is held out (the measure).
# German: PUD, the 142 GSD train sentences and the first half of GSD dev
# train; the second half of GSD dev (sentences 400-799, 399 sentences,
# 6,955 words) is held out. GSD dev is the only German text annotated the
# way GSD now is (v2.16); PUD follows older conventions, so the in-domain
# half weighs most.
EN_TRAIN="$UD/en_ewt-ud-train.conllu"
EN_TEST="$UD/en_ewt-ud-dev.conllu"
DE_TRAIN="$UD/de_pud-ud.conllu $UD/de_gsd-ud-train.partial.conllu $UD/de_gsd-ud-dev.conllu@1-399"
DE_TEST="$UD/de_gsd-ud-dev.conllu@400-799"
