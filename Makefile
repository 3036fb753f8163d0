# lagebild -- build, test, demo, fuzz and bench.
#
#   make          bin/lagebild and its lexicon bin/lagebild.lex
#   make demo     set up, build, print the picture of the bundled sample
#   make test     set up, build, run every test (gcc, clang, ASan+UBSan, CLI,
#                 valgrind); ends with "N passed, N failed"
#   make fuzz     libFuzzer targets, each run FUZZ_SECONDS (default 60)
#   make bench    the benchmark table (reads ../shared/data when present)
#
# Sources are found by wildcard: a new module under src/ needs no Makefile
# change. Issue-specific rules (lexicon sources, web assets) live in mk/*.mk.

CC      ?= cc
PKGS    := libutf8proc jansson sqlite3 libmicrohttpd zlib libzstd libxml-2.0 libpq libnats
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
# libmicrohttpd, libpq and libnats are loaded with dlopen when a server
# starts, a PostgreSQL store is opened or a NATS server is dialled
# (src/serve/mhd.c, src/store/pq.c, src/queue/natslib.c): their dependencies
# cost 1-5 ms at every start of every command. Headers only.
DLOPENED   := libmicrohttpd libpq libnats
PKG_LIBS   := $(shell pkg-config --libs $(filter-out $(DLOPENED),$(PKGS)) 2>/dev/null)
WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes
BASE_CFLAGS := -std=c11 -D_GNU_SOURCE $(WARN) -Ibuild/gen $(PKG_CFLAGS)
CFLAGS  ?= -O3 -g
LIBS    := $(PKG_LIBS) -lpthread -lm -ldl

LIB_SRC  := $(sort $(shell find src -name '*.c' ! -path 'src/cli/*'))
CLI_SRC  := $(sort $(wildcard src/cli/*.c))
TEST_SRC := $(sort $(wildcard tests/*.c))
FUZZ_SRC := $(sort $(filter-out fuzz/replay.c,$(wildcard fuzz/*.c)))
GEN      := build/gen/abbrev.inc

.PHONY: all setup demo test test-c fuzz bench clean lexicon lib eval
all: bin/lagebild bin/lagebild.lex

setup:
	@sh scripts/setup.sh

build/gen/abbrev.inc: data/common/abbrev.txt tools/gen_abbrev.sh
	@mkdir -p $(@D)
	sh tools/gen_abbrev.sh $< > $@.tmp && mv $@.tmp $@

comma := ,

# ---- one set of objects per build kind: release (gcc), clang, asan ----
define KIND
build/$(1)/%.o: %.c $(GEN)
	@mkdir -p $$(@D)
	@echo "  CC [$(1)] $$<"
	@$(2) $(BASE_CFLAGS) $(3) -MMD -MP -c $$< -o $$@
build/$(1)/liblagebild.a: $(patsubst %.c,build/$(1)/%.o,$(LIB_SRC))
	@rm -f $$@
	@ar rcs $$@ $$^
build/$(1)/test_lagebild: $(patsubst %.c,build/$(1)/%.o,$(TEST_SRC)) build/$(1)/liblagebild.a
	$(2) $(3) -o $$@ $$^ $(LIBS) $(4)
# the program and the lexicon compiler too, so every kind compiles all C code
build/$(1)/lagebild: $(patsubst %.c,build/$(1)/%.o,$(CLI_SRC)) build/$(1)/liblagebild.a
	$(2) $(3) -o $$@ $$^ $(LIBS) $(4)
build/$(1)/lagebild-lexc: build/$(1)/tools/lexc.o build/$(1)/liblagebild.a
	$(2) $(3) -o $$@ $$^ $(LIBS) $(4)
-include $(patsubst %.c,build/$(1)/%.d,$(LIB_SRC) $(CLI_SRC) $(TEST_SRC) tools/lexc.c)
endef
$(eval $(call KIND,release,$(CC),$(CFLAGS),))
$(eval $(call KIND,clang,clang,-O1 -g,))
$(eval $(call KIND,asan,clang,-O1 -g -fsanitize=address$(comma)undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined,-fsanitize=address$(comma)undefined))

lib: build/release/liblagebild.a

bin/lagebild: $(patsubst %.c,build/release/%.o,$(CLI_SRC)) build/release/liblagebild.a
	@mkdir -p bin
	$(CC) $(CFLAGS) -o $@ $^ $(LIBS)

bin/lagebild-lexc: build/release/tools/lexc.o build/release/liblagebild.a
	@mkdir -p bin
	$(CC) $(CFLAGS) -o $@ $^ $(LIBS)

# Lexicon sources: every *.tsv under data/, plus generated ones that the
# mk/*.mk files add to LEX_GEN (built from Debian and npm data).
LEX_SRC := $(sort $(shell find data -name '*.tsv'))
LEX_GEN :=
-include mk/*.mk

bin/lagebild.lex: bin/lagebild-lexc $(LEX_SRC) $(LEX_GEN)
	bin/lagebild-lexc -o $@ $(LEX_SRC) $(LEX_GEN)
lexicon: bin/lagebild.lex

# demo and test build with every core unless the caller chose -j itself
# (a fresh clone's build was 4.5 of make test's 12 minutes on 2 cores, serial)
BUILD_JOBS := $(if $(findstring -j,$(MAKEFLAGS)),,-j$(shell nproc 2>/dev/null || echo 2))

demo: setup
	@$(MAKE) $(BUILD_JOBS) -s all
	bin/lagebild extract --published 2024-11-11 data/sample/kursk-2024-11.de.txt

test: setup
	@$(MAKE) $(BUILD_JOBS) -s all build/release/test_lagebild build/clang/test_lagebild build/asan/test_lagebild build/release/eval_lagebild \
	  build/clang/lagebild build/clang/lagebild-lexc $(REPLAY_BINS)
	@sh tests/run.sh

test-c: all build/release/test_lagebild
	build/release/test_lagebild

# every fuzz target without libFuzzer, for `make test` (fuzz/replay.c)
REPLAY_BINS := $(patsubst fuzz/%.c,build/asan/replay_%,$(FUZZ_SRC))
build/asan/replay_%: fuzz/%.c fuzz/replay.c build/asan/liblagebild.a
	@mkdir -p $(@D)
	clang $(BASE_CFLAGS) -O1 -g -fsanitize=address,undefined -fno-sanitize-recover=undefined \
	  -o $@ $< fuzz/replay.c build/asan/liblagebild.a $(LIBS) -fsanitize=address,undefined

FUZZ_SECONDS ?= 60
FUZZ_BINS := $(patsubst fuzz/%.c,build/fuzz/%,$(FUZZ_SRC))
build/fuzz/%: fuzz/%.c $(LIB_SRC) $(GEN)
	@mkdir -p $(@D)
	clang $(BASE_CFLAGS) -O1 -g -fsanitize=fuzzer,address,undefined -o $@ $< $(LIB_SRC) $(LIBS)
fuzz: setup
	@$(MAKE) -s all $(FUZZ_BINS)
	@sh fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_BINS)

bench: setup
	@$(MAKE) -s all build/bench/startup build/bench/fts_floor
	@sh bench/run.sh

build/bench/startup: bench/startup.c
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) -O2 -o $@ $<

build/bench/fts_floor: bench/fts_floor.c
	@mkdir -p $(@D)
	$(CC) $(BASE_CFLAGS) -O2 -o $@ $< -lsqlite3

clean:
	rm -rf build bin
