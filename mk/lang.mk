# lang.mk -- the language-identification model (issue 3).
#
#   build/gen/lang_model.inc   libexttextcat's n-gram fingerprints for the
#                              languages of data/lang/languages.txt as a C
#                              table (data/lang/gen_lang.sh; included by
#                              src/text/lang.c)
# LANG_LM_DIR is where Debian's libexttextcat-data puts the fingerprints
# (scripts/setup.sh installs the package).

LANG_LM_DIR ?= /usr/share/libexttextcat

build/gen/lang_model.inc: data/lang/languages.txt data/lang/words.txt data/lang/gen_lang.sh
	@mkdir -p $(@D)
	@echo "  GEN $@"
	@sh data/lang/gen_lang.sh data/lang/languages.txt $(LANG_LM_DIR) data/lang/words.txt > $@.tmp && mv $@.tmp $@

# The objects that include it (the three build kinds; the fuzz builds through GEN).
build/release/src/text/lang.o build/clang/src/text/lang.o build/asan/src/text/lang.o: build/gen/lang_model.inc
GEN += build/gen/lang_model.inc

# `make eval-lang`: accuracy on short real German and English texts
# (tests/eval/lang_short.tsv, made by tests/eval/lang_short_make.js)
build/release/eval_lang: build/release/tools/eval_lang.o build/release/liblagebild.a
	$(CC) $(CFLAGS) -o $@ $^ $(LIBS)
.PHONY: eval-lang
eval-lang: build/release/eval_lang
	@build/release/eval_lang tests/eval/lang_short.tsv
-include build/release/tools/eval_lang.d
