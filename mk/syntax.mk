# syntax.mk -- the syntax models (issue 16): tagger, lemmas and dependency
# parser learned from Universal Dependencies (src/syntax/, tools/train_syntax.c).
#
#   make model         train data/syntax/{en,de}.lbsyn from ../shared/data/ud
#                      (deterministic; prints held-out scores; never run by
#                      make or make test: the models are committed)
#   make eval-syntax   UPOS, UFeats, Lemma, UAS, LAS per language on the
#                      held-out sentences, through `lagebild parse --conllu`

UD_DIR ?= ../shared/data/ud

# English verb lemmas (table `verb`): the lemma rule that fits an unseen verb
# form and gives a known verb wins (src/syntax/parse.c, tools/gen_verbs.js)
WORDS_EN ?= /usr/share/dict/american-english
build/gen/verbs_en.tsv: tools/gen_verbs.js data/cameo/CAMEO.2.0.txt $(WORDS_EN)
	@mkdir -p $(@D)
	node tools/gen_verbs.js data/cameo/CAMEO.2.0.txt $(WORDS_EN) > $@.tmp && mv $@.tmp $@

LEX_GEN += build/gen/verbs_en.tsv

# the trainer alone links OpenBLAS (libopenblas-dev, scripts/setup.sh)
build/release/train_syntax: build/release/tools/train_syntax.o build/release/liblagebild.a
	$(CC) $(CFLAGS) -o $@ $^ $(LIBS) -lopenblas
-include build/release/tools/train_syntax.d

.PHONY: model eval-syntax
# the hyperparameters of the committed models (tools/train_syntax.c --help)
SYNTAX_EN_OPTS ?=
SYNTAX_DE_OPTS ?=
model: all build/release/train_syntax
	@SYNTAX_EN_OPTS="$(SYNTAX_EN_OPTS)" SYNTAX_DE_OPTS="$(SYNTAX_DE_OPTS)" sh tools/train_models.sh $(UD_DIR)

build/release/eval_syntax: build/release/tools/eval_syntax.o build/release/liblagebild.a
	$(CC) $(CFLAGS) -o $@ $^ $(LIBS)
-include build/release/tools/eval_syntax.d

eval-syntax: all build/release/eval_syntax
	@sh tools/eval_syntax.sh $(UD_DIR)

# The committed models go beside the program, where the engine looks for
# them (src/syntax/syntax.c: lb_syntax_open).
SYNTAX_MODELS := $(patsubst data/syntax/%.lbsyn,bin/syntax-%.lbsyn,$(wildcard data/syntax/*.lbsyn))
bin/syntax-%.lbsyn: data/syntax/%.lbsyn
	@mkdir -p bin
	cp $< $@
all: $(SYNTAX_MODELS)
