# web.mk -- the web page of `lagebild serve` (issue 8), embedded in the binary.
#
#   build/gen/web_assets.inc   web/ + Leaflet + world outlines as a C table
#                              (web/embed.js; included by src/serve/assets.c)
#   make demo-web              serve the seed and save a screenshot of the page
#                              to build/demo-web.png (headless Chromium)

WEB_SRC := $(wildcard web/*.html web/*.js web/*.css)
WEB_NPM := node_modules/leaflet/dist/leaflet.js node_modules/world-atlas/countries-50m.json

build/gen/web_assets.inc: $(WEB_SRC) web/embed.js
	@mkdir -p $(@D)
	@test -f node_modules/leaflet/dist/leaflet.js -a -f node_modules/world-atlas/countries-50m.json \
	  || npm ci --no-audit --no-fund --loglevel=error
	@echo "  GEN $@"
	@node web/embed.js $@

# The objects that include it (the three build kinds and the fuzz builds).
build/release/src/serve/assets.o build/clang/src/serve/assets.o build/asan/src/serve/assets.o: build/gen/web_assets.inc
GEN += build/gen/web_assets.inc

.PHONY: demo-web
demo-web: setup
	@$(MAKE) -s all
	@sh tests/web/demo.sh
