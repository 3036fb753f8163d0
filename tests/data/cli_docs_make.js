#!/usr/bin/env node
// cli_docs_make.js -- how tests/data/cli_docs.jsonl was made (tests/suite_cli.sh):
//   node tests/data/cli_docs_make.js ../shared/data > tests/data/cli_docs.jsonl
// 240 GermEval 2014 dev sentences (one document each, tokens joined back),
// 40 openings (first 300 characters, cut at a space) of 10kGNAD test
// articles, 20 openings (first 500 characters) of WikiEvents dev documents:
// 300 short real documents. Sources and licences: tests/data/SOURCE.md.
'use strict';
const fs = require('fs');
const path = require('path');
const data = process.argv[2] || '../shared/data';
const out = [];
function detok(toks) {
  let s = '';
  for (const t of toks) {
    if (s && !/^[.,;:!?)\]}%]$/.test(t) && !/[([{„]$/.test(s.slice(-1))) s += ' ';
    s += t;
  }
  return s;
}
function cut(s, n) {
  if (s.length <= n) return s;
  const i = s.lastIndexOf(' ', n);
  return s.slice(0, i > 0 ? i : n);
}
let cur = [], n = 0;
for (const line of fs.readFileSync(path.join(data, 'germeval2014/NER-de-dev.tsv'), 'utf8').split('\n')) {
  if (line.startsWith('#')) continue;
  if (!line.trim()) {
    if (cur.length && n < 240) out.push({ id: `germeval-${n++}`, text: detok(cur) });
    cur = [];
    continue;
  }
  cur.push(line.split('\t')[1]);
}
n = 0;
for (const line of fs.readFileSync(path.join(data, '10kgnad/test.csv'), 'utf8').split('\n')) {
  const m = /^[^;']*;(.*?)\s*$/.exec(line);
  if (!m || n >= 40) continue;
  let t = m[1];
  if (t.startsWith("'") && t.endsWith("'")) t = t.slice(1, -1).replace(/''/g, "'");
  out.push({ id: `10kgnad-${n++}`, text: cut(t, 300), published: '2016-01-01' });
}
n = 0;
for (const line of fs.readFileSync(path.join(data, 'wikievents/dev.jsonl'), 'utf8').split('\n')) {
  if (!line.trim() || n >= 20) continue;
  const o = JSON.parse(line);
  const doc = { id: `wikievents-${n}`, text: cut(o.text, 500) };
  if (n++ % 2 === 0) doc.lang = 'en'; // given for half, detected for the others
  out.push(doc);
}
process.stdout.write(out.map((o) => JSON.stringify(o)).join('\n') + '\n');
