# syntax.mk -- the syntax models (issue 16): tagger, lemmas and dependency
# parser learned from Universal Dependencies (src/syntax/, tools/train_syntax.c).
#
#   make model         train data/syntax/{en,de}.lbsyn from ../shared/data/ud
#                      (deterministic; prints held-out scores; never run by
#                      make or make test: the models are committed)
#   make eval-syntax   UPOS, UFeats, Lemma, UAS, LAS per language on the
#                      held-out sentences, through `lagebild parse --conllu`

UD_DIR ?= ../shared/data/ud

# the trainer alone links OpenBLAS (libopenblas-dev, scripts/setup.sh)
build/release/train_syntax: build/release/tools/train_syntax.o build/release/liblagebild.a
	$(CC) $(CFLAGS) -o $@ $^ $(LIBS) -lopenblas
-include build/release/tools/train_syntax.d

.PHONY: model
model: all build/release/train_syntax
	@sh tools/train_models.sh $(UD_DIR)
