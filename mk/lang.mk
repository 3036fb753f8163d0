# lang.mk -- the language-identification model (issue 3).
#
#   build/gen/lang_model.inc   libexttextcat's n-gram fingerprints for the
#                              languages of data/lang/languages.txt as a C
#                              table (data/lang/gen_lang.sh; included by
#                              src/text/lang.c)
# LANG_LM_DIR is where Debian's libexttextcat-data puts the fingerprints
# (scripts/setup.sh installs the package).

LANG_LM_DIR ?= /usr/share/libexttextcat

build/gen/lang_model.inc: data/lang/languages.txt data/lang/gen_lang.sh
	@mkdir -p $(@D)
	@echo "  GEN $@"
	@sh data/lang/gen_lang.sh data/lang/languages.txt $(LANG_LM_DIR) > $@.tmp && mv $@.tmp $@

# The objects that include it (the three build kinds; the fuzz builds through GEN).
build/release/src/text/lang.o build/clang/src/text/lang.o build/asan/src/text/lang.o: build/gen/lang_model.inc
GEN += build/gen/lang_model.inc
