# syntax_data.sh -- which Universal Dependencies sentences train the syntax
# models and which are held out to score them; sourced by
# tools/train_models.sh (`make model`) and tools/eval_syntax.sh
# (`make eval-syntax`), so both read the same split. UD is the directory of
# ../shared/data/ud (see its SOURCE.md; CC BY-SA 4.0 and 3.0).
#
# English: EWT train trains; EWT dev is held out (the measure).
# German: PUD, the 142 GSD train sentences and the first half of GSD dev
# (twice: it is the only German text annotated the way GSD now is, v2.16;
# PUD follows older conventions) train, and the first 5,000 sentences of
# English EWT train for their trees, without their lemmas: with 1,941
# German trees, English ones raised the held-out LAS from 73.1 to 75.4
# (tools/train_syntax.c's log; each treebank has its own input bit, :1 :2
# :3, and the model parses as GSD, :0). The second half of GSD dev
# (sentences 400-799, 399 sentences, 6,955 words) is held out.
# build/ud/en_ewt-ud-train.conllu is EN_TRAIN decompressed (train_models.sh).
EN_TRAIN="build/ud/en_ewt-ud-train.conllu"
EN_TEST="$UD/en_ewt-ud-dev.conllu"
DE_TRAIN="$UD/de_pud-ud.conllu:1 $UD/de_gsd-ud-train.partial.conllu:2 $UD/de_gsd-ud-dev.conllu@1-399 $UD/de_gsd-ud-dev.conllu@1-399 build/ud/en_ewt-ud-train.conllu@1-5000:3"
DE_TEST="$UD/de_gsd-ud-dev.conllu@400-799"
# What each model reads of the lexicon (bin/lagebild.lex): both the tables of
# names (places, people, organisations: --lexnames); German also the word
# forms of the German dictionaries (--lexmorph form).
SYNTAX_EN_OPTS=${SYNTAX_EN_OPTS:-"--lexicon bin/lagebild.lex --lexnames --epochs 20 --eval-every 4"}
SYNTAX_DE_OPTS=${SYNTAX_DE_OPTS:-"--lexicon bin/lagebild.lex --lexmorph form --lexnames --no-lemmas 3 --epochs 18 --eval-every 6"}
