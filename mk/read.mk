# read.mk -- the readers' word lists and `make eval-read` (issue 19).
#
#   build/gen/read_classwords.inc  data/read/classwords.txt as a C table
#                                  (class and id words of boilerplate and
#                                  content; included by src/read/html.c)
#   build/gen/read_months.inc      data/read/months.txt (month and weekday
#                                  names; included by src/read/pubdate.c)
#   make eval-read                 article-text F1, precision and recall of
#                                  the HTML reader on the article-extraction
#                                  benchmark (../shared/data), dev and test
#                                  split (tests/eval/read_split.txt)

build/gen/read_classwords.inc: data/read/classwords.txt tools/gen_words.sh
	@mkdir -p $(@D)
	@echo "  GEN $@"
	@sh tools/gen_words.sh $< W_ > $@.tmp && mv $@.tmp $@

build/gen/read_months.inc: data/read/months.txt tools/gen_words.sh
	@mkdir -p $(@D)
	@echo "  GEN $@"
	@sh tools/gen_words.sh $< > $@.tmp && mv $@.tmp $@

# The objects that include them (the three build kinds; the fuzz builds through GEN).
build/release/src/read/html.o build/clang/src/read/html.o build/asan/src/read/html.o: build/gen/read_classwords.inc
build/release/src/read/pubdate.o build/clang/src/read/pubdate.o build/asan/src/read/pubdate.o: build/gen/read_months.inc
GEN += build/gen/read_classwords.inc build/gen/read_months.inc

READ_DATA ?= ../shared/data/article-extraction

build/release/eval_read: build/release/tools/eval_read.o build/release/liblagebild.a
	$(CC) $(CFLAGS) -o $@ $^ $(LIBS)

.PHONY: eval-read
eval-read: build/release/eval_read
	@build/release/eval_read $(READ_DATA) tests/eval/read_split.txt
-include build/release/tools/eval_read.d
