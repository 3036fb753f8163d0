# mk/eval.mk -- `make eval`: precision and recall of event coding and claim
# attribution on the annotated sets in tests/eval/ (see tools/eval.c).
EVAL_SETS := tests/eval/de.tsv tests/eval/en.tsv

build/release/eval_lagebild: build/release/tools/eval.o build/release/liblagebild.a
	$(CC) $(CFLAGS) -o $@ $^ $(LIBS)

eval: all build/release/eval_lagebild
	@build/release/eval_lagebild $(EVAL_SETS)
# eval.c reads lb_doc's fields: rebuild it when doc.h (or anything it includes) changes
-include build/release/tools/eval.d
