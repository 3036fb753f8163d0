# lexicon.mk -- generated lexicon sources (issue 4): places and countries
# (GeoNames, iso-codes, CLDR), people and organisations (curated list,
# PETRARCH2), and German morphology (npm german-*-dict). Each generator writes
# build/gen/<name>.tsv, which the Makefile compiles into bin/lagebild.lex.

CLDR_DIR ?= /usr/share/unicode/cldr/common
ISO_JSON ?= /usr/share/iso-codes/json

build/gen/cities15000.txt: data/geo/cities15000.zip
	@mkdir -p $(@D)
	unzip -p $< cities15000.txt > $@.tmp && mv $@.tmp $@

build/gen/geo.tsv: tools/gen_geo.js build/gen/cities15000.txt data/geo/admin1CodesASCII.txt \
		data/geo/countryInfo.txt data/geo/countries.txt data/geo/places.txt data/geo/translit.txt \
		data/cameo/CAMEO.country.txt
	@mkdir -p $(@D)
	node tools/gen_geo.js build/gen/cities15000.txt data $(CLDR_DIR) $(ISO_JSON) > $@.tmp && mv $@.tmp $@

build/gen/actors.tsv: tools/gen_actors.js data/actors/actors.txt data/actors/variants.txt \
		$(wildcard data/cameo/Phoenix.*.actors.txt)
	@mkdir -p $(@D)
	node tools/gen_actors.js data > $@.tmp && mv $@.tmp $@

build/gen/morph.tsv: tools/gen_morph.js package-lock.json
	@mkdir -p $(@D)
	node tools/gen_morph.js node_modules > $@.tmp && mv $@.tmp $@

LEX_GEN += build/gen/actors.tsv build/gen/geo.tsv build/gen/morph.tsv
