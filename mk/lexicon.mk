# lexicon.mk -- generated lexicon sources (issue 4): places and countries
# (GeoNames, iso-codes, CLDR), people and organisations (curated list,
# PETRARCH2), towns (GeoNames cities500), and German morphology (npm
# german-*-dict). Each generator writes
# build/gen/<name>.tsv, which the Makefile compiles into bin/lagebild.lex.

CLDR_DIR ?= /usr/share/unicode/cldr/common
ISO_JSON ?= /usr/share/iso-codes/json
# word lists (Debian wamerican, wngerman): a rule-made spelling or a town
# named like a word is left out (tools/namevar.js, tools/gen_towns.js)
WORDS_EN ?= /usr/share/dict/american-english
WORDS_DE ?= /usr/share/dict/ngerman
NAMEVAR := tools/namevar.js tools/translit.js

build/gen/cities15000.txt: data/geo/cities15000.zip
	@mkdir -p $(@D)
	unzip -p $< cities15000.txt > $@.tmp && mv $@.tmp $@

build/gen/cities500.txt: data/geo/cities500.zip
	@mkdir -p $(@D)
	unzip -p $< cities500.txt > $@.tmp && mv $@.tmp $@

build/gen/geo.tsv: tools/gen_geo.js $(NAMEVAR) build/gen/cities15000.txt data/geo/admin1CodesASCII.txt \
		data/geo/countryInfo.txt data/geo/countries.txt data/geo/places.txt data/geo/translit.txt \
		data/cameo/CAMEO.country.txt build/gen/morph.tsv build/gen/actors.tsv $(WORDS_EN) $(WORDS_DE)
	@mkdir -p $(@D)
	node tools/gen_geo.js build/gen/cities15000.txt data $(CLDR_DIR) $(ISO_JSON) build/gen/morph.tsv \
	  $(WORDS_EN):$(WORDS_DE) build/gen/actors.tsv > $@.tmp && mv $@.tmp $@

# towns of cities500 that cities15000 lacks, with only names no other source has
build/gen/towns.tsv: tools/gen_towns.js $(NAMEVAR) build/gen/cities500.txt build/gen/cities15000.txt \
		build/gen/geo.tsv build/gen/actors.tsv build/gen/morph.tsv $(LEX_SRC) $(WORDS_EN) $(WORDS_DE)
	@mkdir -p $(@D)
	node tools/gen_towns.js build/gen/cities500.txt build/gen/cities15000.txt data $(CLDR_DIR) \
	  $(WORDS_EN):$(WORDS_DE) build/gen/geo.tsv build/gen/actors.tsv build/gen/morph.tsv > $@.tmp && mv $@.tmp $@

build/gen/actors.tsv: tools/gen_actors.js $(NAMEVAR) data/actors/actors.txt data/actors/variants.txt \
		$(wildcard data/cameo/Phoenix.*.actors.txt) data/geo/translit.txt $(WORDS_EN) $(WORDS_DE)
	@mkdir -p $(@D)
	node tools/gen_actors.js data $(CLDR_DIR) $(WORDS_EN):$(WORDS_DE) > $@.tmp && mv $@.tmp $@

build/gen/morph.tsv: tools/gen_morph.js package-lock.json
	@mkdir -p $(@D)
	node tools/gen_morph.js node_modules > $@.tmp && mv $@.tmp $@

LEX_GEN += build/gen/actors.tsv build/gen/geo.tsv build/gen/morph.tsv build/gen/towns.tsv
