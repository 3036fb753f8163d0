#!/bin/sh
# gen_words.sh -- compile a word list of data/read/ into a C table for the
# readers (src/read/): "WORD VALUE" lines in, {"word", VALUE} lines out,
# sorted by the word's bytes (the readers search them with bsearch). VALUE
# is copied as it is: a number, or a name the including file defines
# (junk -> W_JUNK). Comments (#) and blank lines are dropped.
#
#   sh tools/gen_words.sh data/read/classwords.txt W_ > build/gen/read_classwords.inc
#
# The readers run before any lexicon is loaded (`lagebild read` needs
# none), so their words are compiled into the binary, like the
# tokenizer's abbreviations (tools/gen_abbrev.sh): data in, table out.
set -eu
in=$1
prefix=${2:-}
LC_ALL=C grep -v '^#' "$in" | LC_ALL=C grep -v '^[[:space:]]*$' |
  awk -v P="$prefix" '{ v = $NF; w = $1; for (i = 2; i < NF; i++) w = w " " $i
    if (v !~ /^[0-9]+$/) v = P toupper(v)
    printf "%s\t{\"%s\", %s},\n", w, w, v }' |
  LC_ALL=C sort -t "$(printf '\t')" -k1,1 -u | cut -f 2-
