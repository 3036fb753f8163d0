# agents.mk -- English agent nouns (lexicon table `agent`) compiled from
# PETRARCH2's agent dictionary by tools/gen_agents.js. The source is an
# unchanged copy of ../shared/data (data/cameo/Phoenix.agents.txt, MIT; see
# data/cameo/SOURCE.actors.md), so `make` needs nothing outside the repository.
# Our hand tables data/{en,de}/agents.tsv win: the generator leaves out their
# keys (and the function words of data/{de,en}/stopwords.tsv). Lines it could
# not take are listed in build/gen/agents_en.report.txt.

WORDS_EN ?= /usr/share/dict/american-english
AGENT_TABLES := data/en/agents.tsv data/de/agents.tsv data/de/stopwords.tsv data/en/stopwords.tsv
build/gen/agents_en.tsv: tools/gen_agents.js tools/en_noun.js data/cameo/Phoenix.agents.txt $(AGENT_TABLES) $(WORDS_EN)
	@mkdir -p $(@D)
	node tools/gen_agents.js data/cameo/Phoenix.agents.txt $(WORDS_EN) build/gen/agents_en.report.txt \
	  $(AGENT_TABLES) > $@.tmp && mv $@.tmp $@

LEX_GEN += build/gen/agents_en.tsv
