# mk/eval.mk -- `make eval`: precision, recall and F1 of event coding (CAMEO
# and PLOVER), mood, claim attribution, event places and dates on the
# annotated sets in tests/eval/, per language and split (see tools/eval.c
# and tests/eval/README.md). Tune on dev, report on test.
#   make eval EVAL_FLAGS=-v                  every miss and extra
#   make eval EVAL_FLAGS="--split test"      the test half only
EVAL_SETS := tests/eval/de.tsv tests/eval/en.tsv

build/release/eval_lagebild: build/release/tools/eval.o build/release/liblagebild.a
	$(CC) $(CFLAGS) -o $@ $^ $(LIBS)

eval: all build/release/eval_lagebild
	@build/release/eval_lagebild $(EVAL_FLAGS) $(EVAL_SETS)
# eval.c reads lb_doc's fields: rebuild it when doc.h (or anything it includes) changes
-include build/release/tools/eval.d
