#!/bin/sh
# gen_abbrev.sh -- compile data/common/abbrev.txt into a C table for tok.c.
# The tokenizer needs the list before any lexicon is loaded (the lexicon
# compiler itself tokenizes keys), so it is compiled into the binary, the way
# utf8proc compiles its Unicode tables: data in, table out, no code changes.
# Output lines: {"Dr", 0}, with flag 1 = may end a sentence, 2 = before numbers only.
set -eu
in=$1
LC_ALL=C grep -v '^#' "$in" | grep -v '^[[:space:]]*$' | LC_ALL=C sort -u -k1,1 |
  awk '{ f = 0; if ($2 == "final") f = 1; if ($2 == "num") f = 2;
         printf "{\"%s\", %d},\n", $1, f }'
