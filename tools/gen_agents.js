#!/usr/bin/env node
/*
** gen_agents.js -- English agent nouns (lexicon table `agent`, data/README.md)
** compiled from PETRARCH2's agent dictionary.
**
**   node tools/gen_agents.js Phoenix.agents.txt WORDLIST REPORT.txt TABLE.tsv... > agents_en.tsv
**
** Phoenix.agents.txt is PETRARCH2's agents dictionary (data/cameo/, an
** unchanged copy of ../shared/data/cameo/petrarch2/; MIT, Copyright (c) 2014
** Open Event Data Alliance, notice kept in the output's header). WORDLIST is
** Debian's wamerican (/usr/share/dict/american-english): a singular or plural
** this tool derives is checked against it. TABLE.tsv are our lexicon sources
** of the tables `agent` (data/en/agents.tsv, data/de/agents.tsv: hand lines)
** and `stop` (data/de/stopwords.tsv, data/en/stopwords.tsv: function words).
** A key of a hand line is left out here, so the hand line is the only one (it
** would win anyway: make passes data/ before build/gen/ to lagebild-lexc, and
** the first record of a key is the one lb_lex_find returns); so is a function
** word of either language (the table serves both: "man" is German's "one").
** REPORT.txt receives every line not taken and every key that two lines give
** different codes, with the reason; stderr has the counts.
**
** The dictionary (read as PETRARCH2 reads it):
**   !NAME! = A, B, C          a substitution set: a line naming !NAME! stands
**                             for one line per member
**   WORDS {PLURALS} [~CODE]   an agent noun or phrase (A_B: words joined by "_"),
**                             its irregular plurals ({} = none besides it) and
**                             its CAMEO agent code; "#" starts a comment
** What a line becomes:
**   - key: lower case, "_" as a space, spaces collapsed; the forms of the
**     other number are added when no {PLURALS} are given: the plural of the
**     head noun (the last word before the first "of", "for", "to", "in", "at",
**     "on", "from", "de", "d'", else the last word: "minister of defence" ->
**     "ministers of defence"), or, when the head is a plural that Debian's word
**     list knows the singular of, that singular ("armed forces" -> "armed
**     force"; "gunmen" -> "gunman"; "ngos" -> "ngo"). Not for phrases joined
**     by "and", "with" or a comma, nor for a head that is no count noun: one
**     of KEEP_NUMBER ("police", "personnel"), or an adjective of the list
**     (-ish -ic -ed -ese) whose plural the list lacks ("jewish", "state-owned").
**   - value: the code as written without "~" ([~GOV] -> GOV, [~GOVMIL] ->
**     GOVMIL, [IGO~] -> IGO), then "actor".
**   - a key two lines give keeps the code of the first line that names it
**     (an added number form never replaces a written key); the other codes are
**     reported.
**   - left out (reported): a line without a code, a key with letters outside
**     ASCII (the file's one mis-encoded Spanish name), a key that a hand table
**     has, a function word, a noun that is more often a given name
**     (NAME_WORDS: "christian", "dean").
** A substitution set written inside a word on both sides ("AD!MINIST!RATION",
** a search-and-replace slip in the file) is read as the plain word
** ("ADMINISTRATION").
*/
'use strict';
const fs = require('fs');

function die(msg) {
  process.stderr.write('gen_agents: ' + msg + '\n');
  process.exit(1);
}
const [dictFile, wordFile, reportFile, ...handFiles] = process.argv.slice(2);
if (!dictFile || !wordFile || !reportFile) die('usage: gen_agents.js Phoenix.agents.txt WORDLIST REPORT.txt TABLE.tsv...');

const wordList = fs.readFileSync(wordFile, 'utf8').split('\n').map((w) => w.trim()).filter(Boolean);
const WORDS = new Set(wordList.filter((w) => w === w.toLowerCase()));
const WORDS_CI = new Set(wordList.map((w) => w.toLowerCase())); /* "Jewish", "Islamic" too */
const noun = require('./en_noun')(WORDS);
/* the head noun ends before these words ("chamber of commerce") */
const HEAD_END = new Set(['of', 'for', 'to', 'in', 'at', 'on', 'from', 'de', "d'"]);
/* phrases of two nouns: no number forms are made for them */
const JOINED = new Set(['and', 'with', ',']);
/* agent nouns that news writes more often as given names ("Christian
** Drosten", "Dean Fertita", "Hunter Biden", "Prince"): as agent keys they
** would mark these names common words for the entity stage's guess of
** unknown names (src/extract/ent.c known_word). Their plurals stay. */
const NAME_WORDS = new Set(['christian', 'dean', 'hunter', 'prince']);
/* heads whose other number is no agent noun or no word: "barracks" (a
** singular too), "special operations", "police" ("polices" is a verb) */
const KEEP_NUMBER = new Set(['barracks', 'operations', 'police', 'personnel', 'staff', 'clergy', 'media', 'press', 'intelligence', 'infantry', 'artillery', 'cavalry', 'gentry', 'public', 'poor', 'military', 'leadership', 'aircraft', 'people', 'youth']);

function key(s) {
  return s.replace(/_/g, ' ').replace(/\s*,\s*/g, ', ').replace(/\s+/g, ' ').trim().toLowerCase();
}

/* keys of our hand tables (agent), and function words (stop: German "man"
** is no agent noun; the table serves both languages) */
const hand = new Set(), stop = new Set();
for (const f of handFiles) {
  let table = '';
  for (const raw of fs.readFileSync(f, 'utf8').split('\n')) {
    const t = /^#table:\s*(\S+)/.exec(raw);
    if (t) table = t[1];
    if (!raw || raw[0] === '#') continue;
    if (table === 'agent') hand.add(key(raw.split('\t')[0]));
    if (table === 'stop') stop.add(key(raw.split('\t')[0]));
  }
}

const report = [];
const sets = new Map(); /* NAME -> members */
/* every phrase a line stands for: substitution sets expanded */
function expand(phrase, lineno) {
  let out = [phrase];
  for (;;) {
    const next = [];
    let changed = false;
    for (const p of out) {
      const m = /!([A-Z]+)!/.exec(p);
      if (!m) {
        next.push(p);
        continue;
      }
      changed = true;
      const before = p.slice(0, m.index), after = p.slice(m.index + m[0].length);
      if (/[A-Z]$/.test(before) && /^[A-Z]/.test(after)) {
        next.push(before + m[1] + after); /* AD!MINIST!RATION */
        continue;
      }
      const members = sets.get(m[1]);
      if (!members) die(`${dictFile}:${lineno}: unknown substitution set !${m[1]}!`);
      for (const x of members) next.push(before + x + after);
    }
    out = next;
    if (!changed) return out;
  }
}

/* the phrase's forms of the other number, or [] */
function otherNumber(k) {
  const w = k.split(' ');
  if (w.some((x) => JOINED.has(x) || x.endsWith(','))) return [];
  let h = w.length - 1;
  for (let i = 1; i < w.length; i++)
    if (HEAD_END.has(w[i]) || w[i].startsWith("d'")) {
      h = i - 1;
      break;
    }
  const head = w[h];
  if (KEEP_NUMBER.has(head) || !/^[a-z][a-z'-]*[a-z]$/.test(head)) return [];
  const forms = [];
  const sing = noun.singular(head);
  /* the last word of a compound: "state-owned" -> "owned" */
  const last = head.replace(/^.*-/, '');
  if (/(men|people|children)$/.test(head)) {
    /* "gunmen" -> "gunman"; "cattlewomen": its singular is a line of its own */
    const m = head.replace(/men$/, 'man');
    if (m !== head && WORDS.has(m)) forms.push(m);
  } else if (sing !== head) {
    forms.push(sing);
  } else if (/[^aeiou]s$/.test(head) && !/(ss|us|is)$/.test(head)) {
    /* a plural whose singular the list lacks: an acronym's ("ngos", "mps") */
    if (!WORDS_CI.has(head)) forms.push(head.slice(0, -1));
  } else {
    const pl = noun.plural(head), lastPl = noun.plural(last);
    /* an adjective that the list has without a plural is no count noun
    ** ("jewish", "islamic", "state-owned") */
    if (!/(ish|ic|ed|ese)$/.test(last) || !WORDS_CI.has(last) || WORDS_CI.has(lastPl)) forms.push(pl);
  }
  return forms.map((f) => w.slice(0, h).concat([f], w.slice(h + 1)).join(' '));
}

const written = new Map(); /* key -> [code, lineno] */
const tried = new Set(); /* lineno \0 key of every key a line writes */
const added = []; /* [key, code, lineno] of number forms */
const lines = fs.readFileSync(dictFile, 'utf8').split('\n');
let nLines = 0;
lines.forEach((raw, i) => {
  const lineno = i + 1;
  if (!raw.trim() || raw[0] === '#') return;
  const set = /^!([A-Z]+)!\s*=\s*(.*)$/.exec(raw);
  if (set) {
    sets.set(set[1], set[2].split(',').map((s) => s.trim()).filter(Boolean));
    return;
  }
  const line = raw.replace(/\s#.*$/, '');
  /* "[~ENV}": one line closes its code with a brace */
  const m = /^([^[{]*?)\s*(?:\{([^}]*)\})?\s*\[([^\]}]*)[\]}]\s*$/.exec(line);
  if (!m) {
    report.push(`${lineno}\tno code\t${raw.trim()}`);
    return;
  }
  nLines++;
  const code = m[3].replace(/~/g, '').trim();
  if (!/^[A-Z]{3}(?:[A-Z]{3})*$/.test(code)) die(`${dictFile}:${lineno}: bad code [${m[3]}]`);
  const plurals = m[2] === undefined ? null : m[2].split(/\s+/).filter(Boolean);
  for (const p of expand(m[1], lineno)) {
    const k = key(p);
    if (!k) die(`${dictFile}:${lineno}: empty phrase`);
    const forms = [k];
    if (plurals) for (const q of plurals) for (const e of expand(q, lineno)) forms.push(key(e));
    forms.forEach((f, j) => {
      if (/[^\x20-\x7e]/.test(f)) {
        report.push(`${lineno}\tnot ASCII (mis-encoded)\t${f}`);
        return;
      }
      if (j === 0 && !plurals) for (const o of otherNumber(f)) added.push([o, code, lineno]);
      tried.add(lineno + '\0' + f);
      const had = written.get(f);
      if (!had) written.set(f, [code, lineno]);
      else if (had[0] !== code) report.push(`${lineno}\tkey of line ${had[1]} with another code (${had[0]} kept, ${code} not)\t${f}`);
    });
  }
});
for (const [k, code, lineno] of added) {
  const had = written.get(k);
  if (!had) written.set(k, [code, lineno]);
  else if (had[0] !== code && !tried.has(lineno + '\0' + k))
    report.push(`${lineno}\tnumber form: key of line ${had[1]} with another code (${had[0]} kept, ${code} not)\t${k}`);
}

const out = [
  '# Generated by tools/gen_agents.js from PETRARCH2\'s agent dictionary',
  '# (data/cameo/Phoenix.agents.txt, github.com/openeventdata/petrarch2 @676801c).',
  '# The MIT License (MIT), Copyright (c) 2014 Open Event Data Alliance.',
  '# Permission is hereby granted, free of charge, to any person obtaining a copy',
  '# of this software and associated documentation files (the "Software"), to deal',
  '# in the Software without restriction, including without limitation the rights',
  '# to use, copy, modify, merge, publish, distribute, sublicense, and/or sell',
  '# copies of the Software, and to permit persons to whom the Software is',
  '# furnished to do so, subject to the following conditions: The above copyright',
  '# notice and this permission notice shall be included in all copies or',
  '# substantial portions of the Software. THE SOFTWARE IS PROVIDED "AS IS",',
  '# WITHOUT WARRANTY OF ANY KIND (full text: data/cameo/LICENSE).',
  '#table: agent',
];
let nHand = 0, nKeys = 0;
for (const k of [...written.keys()].sort()) {
  if (hand.has(k)) {
    nHand++;
    report.push(`${written.get(k)[1]}\tin a hand table\t${k}`);
    continue;
  }
  if (NAME_WORDS.has(k)) {
    report.push(`${written.get(k)[1]}\ta given name\t${k}`);
    continue;
  }
  if (stop.has(k)) {
    report.push(`${written.get(k)[1]}\ta function word\t${k}`);
    continue;
  }
  out.push(`${k}\t${written.get(k)[0]}\tactor`);
  nKeys++;
}
fs.writeFileSync(reportFile, '# lines and keys of ' + dictFile + ' not in the agent table (tools/gen_agents.js)\n# LINE\tREASON\tTEXT\n' + report.join('\n') + '\n');
process.stdout.write(out.join('\n') + '\n');
const byReason = {};
for (const r of report) {
  const reason = r.split('\t')[1].replace(/ of line \d+ with another code \(.*/, ' of another line with another code');
  byReason[reason] = (byReason[reason] || 0) + 1;
}
process.stderr.write(`gen_agents: ${nLines} lines -> ${nKeys} keys (${added.length} number forms made, ${nHand} keys left to the hand tables)` +
  Object.entries(byReason).map(([r, n]) => `; ${n} ${r}`).join('') + `: ${reportFile}\n`);
