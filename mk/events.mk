# events.mk -- generated lexicon sources of the event coder (issue 17):
# the English tree patterns compiled from PETRARCH2's verb dictionary
# (table `evpat`, tools/gen_petrarch.js) and the CAMEO -> PLOVER map (table
# `plover`, tools/gen_plover.js). The sources are unchanged copies of
# ../shared/data (data/cameo/CAMEO.2.0.txt, MIT; data/plover/, CC BY-SA 4.0),
# so `make` needs nothing outside the repository.

build/gen/plover.tsv: tools/gen_plover.js data/plover/CAMEO2PLOVER-2021.txt data/plover/supplement.txt \
		data/cameo/eventcodes.tsv
	@mkdir -p $(@D)
	node tools/gen_plover.js data/plover/CAMEO2PLOVER-2021.txt data/plover/supplement.txt \
	  data/cameo/eventcodes.tsv > $@.tmp && mv $@.tmp $@

LEX_GEN += build/gen/plover.tsv

# English verbs: PETRARCH2's dictionary as tree patterns; our data/en/evpat.tsv
# replaces the lines it also has. What cannot be expressed is listed beside.
WORDS_EN ?= /usr/share/dict/american-english
build/gen/evpat_en.tsv: tools/gen_petrarch.js tools/en_noun.js data/cameo/CAMEO.2.0.txt data/en/evpat.tsv data/en/evrecode.tsv $(WORDS_EN)
	@mkdir -p $(@D)
	node tools/gen_petrarch.js data/cameo/CAMEO.2.0.txt $(WORDS_EN) data/en/evpat.tsv \
	  build/gen/evpat_en.unexpressed.txt data/en/evrecode.tsv > $@.tmp && mv $@.tmp $@

LEX_GEN += build/gen/evpat_en.tsv
