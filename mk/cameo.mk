# cameo.mk -- the CAMEO code book as C tables for the store (issue 20).
#
#   build/gen/cameo.inc   actor code parts, event codes and PLOVER events
#                         (tools/gen_cameo.js from data/cameo/ and the
#                         plover table; included by src/store/cameo.c)

build/gen/cameo.inc: tools/gen_cameo.js data/cameo/CAMEO.country.txt data/cameo/actorparts.txt \
		data/cameo/Phoenix.agents.txt data/cameo/Phoenix.International.actors.txt \
		data/cameo/Phoenix.MilNonState.actors.txt data/actors/actors.txt data/cameo/eventcodes.tsv \
		build/gen/plover.tsv
	@mkdir -p $(@D)
	@echo "  GEN $@"
	@node tools/gen_cameo.js data build/gen/plover.tsv > $@.tmp && mv $@.tmp $@

build/release/src/store/cameo.o build/clang/src/store/cameo.o build/asan/src/store/cameo.o: build/gen/cameo.inc
GEN += build/gen/cameo.inc
