#!/usr/bin/env node
// corpus.js -- build the benchmark corpus of real German text (make bench).
//
//   node bench/corpus.js DATA_DIR OUT_DIR [MIN_MB]
//
// Reads what it finds of ../shared/data and writes
//   OUT_DIR/corpus.jsonl   one document per line: {"id", "text"[, "published"]}
//   OUT_DIR/corpus.txt     the same texts only, one per line (newlines inside
//                          a text become spaces), for `LC_ALL=C wc -w`
//   OUT_DIR/corpus.info    sources used and missing, document and byte counts
// Sources (all German):
//   10kgnad/test.csv                 1,028 DER STANDARD articles
//   smartdata/*.json.gz              RSS news and tweets (deduplicated by id)
//   germeval2014/NER-de-dev.tsv      news and Wikipedia sentences, 10 per document
//   ler_german_legal/*.conll         court decisions, 12 sentences per document
//   europeana_ner_de/*.bio           historic newspapers, ~1,500 characters per document
// The distinct documents are shuffled (fixed seed: the corpus is the same on
// every machine) and the shuffled set is repeated, each round shuffled anew
// and with new ids, until the texts reach MIN_MB (default 100) megabytes.
// Exit status 2 when no source at all is present.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const [dataDir, outDir, minMbArg] = process.argv.slice(2);
if (!dataDir || !outDir) {
  process.stderr.write('usage: node bench/corpus.js DATA_DIR OUT_DIR [MIN_MB]\n');
  process.exit(1);
}
const minBytes = (Number(minMbArg) || 100) * 1e6;
const used = [];
const missing = [];
const docs = []; // {src, id, text, published}

function have(rel) {
  const p = path.join(dataDir, rel);
  if (fs.existsSync(p)) return p;
  missing.push(rel);
  return null;
}

// Tokens back to text: no space before closing punctuation, none after openers.
function detok(toks) {
  let s = '';
  for (const t of toks) {
    if (s && !/^[.,;:!?)\]}%]$/.test(t) && !/[([{„"]$/.test(s.slice(-1))) s += ' ';
    s += t;
  }
  return s;
}

function gnad() {
  const p = have('10kgnad/test.csv');
  if (!p) return;
  let n = 0;
  for (const line of fs.readFileSync(p, 'utf8').split('\n')) {
    // label;text -- the text quoted with ' (and '' inside) when it needs it
    const m = /^[^;']*;(.*?)\s*$/.exec(line);
    if (!m || !m[1]) continue;
    let text = m[1];
    if (text.length > 1 && text.startsWith("'") && text.endsWith("'"))
      text = text.slice(1, -1).replace(/''/g, "'");
    docs.push({ src: 'gnad', id: 'gnad-' + n++, text });
  }
  used.push(`10kgnad/test.csv: ${n} articles`);
}

// A stream of pretty-printed JSON objects, one after another.
function* concatenatedJson(s) {
  let depth = 0, start = -1, inStr = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (inStr) {
      if (c === '\\') i++;
      else if (c === '"') inStr = false;
    } else if (c === '"') inStr = true;
    else if (c === '{') {
      if (depth++ === 0) start = i;
    } else if (c === '}' && --depth === 0) {
      yield JSON.parse(s.slice(start, i + 1));
    }
  }
}

function smartdata() {
  const files = ['v1_train.json.gz', 'v1_test.json.gz', 'v3_dev.json.gz', 'v3_test.json.gz'];
  const seen = new Set();
  let n = 0;
  for (const f of files) {
    const p = have('smartdata/' + f);
    if (!p) continue;
    for (const o of concatenatedJson(zlib.gunzipSync(fs.readFileSync(p)).toString('utf8'))) {
      const text = o.text && o.text.string;
      if (!text || seen.has(o.id)) continue;
      seen.add(o.id);
      /* a date, or none: some of the set's "date" fields hold a message id
         ("610137661295214592"), which a store refuses as a publication date */
      const date = o.date && o.date.string;
      const day = date && /^\d{4}-\d\d-\d\d/.test(String(date)) ? String(date).slice(0, 10) : undefined;
      docs.push({ src: 'smartdata', id: 'smartdata-' + n++, text, published: day });
    }
  }
  if (n) used.push(`smartdata: ${n} documents`);
}

// Sentences (arrays of tokens) grouped k to a document.
function grouped(src, sents, k) {
  let n = 0;
  for (let i = 0; i < sents.length; i += k) {
    const text = sents.slice(i, i + k).map(detok).join(' ');
    if (text.trim()) docs.push({ src, id: `${src}-${n++}`, text });
  }
  return n;
}

function germeval() {
  const p = have('germeval2014/NER-de-dev.tsv');
  if (!p) return;
  const sents = [];
  let cur = [];
  for (const line of fs.readFileSync(p, 'utf8').split('\n')) {
    if (line.startsWith('#')) continue;
    if (!line.trim()) {
      if (cur.length) sents.push(cur);
      cur = [];
      continue;
    }
    cur.push(line.split('\t')[1]);
  }
  if (cur.length) sents.push(cur);
  used.push(`germeval2014: ${grouped('germeval', sents, 10)} documents of 10 sentences`);
}

function ler() {
  const dir = have('ler_german_legal');
  if (!dir) return;
  const sents = [];
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.conll')).sort()) {
    let cur = [];
    for (const line of fs.readFileSync(path.join(dir, f), 'utf8').split('\n')) {
      if (!line.trim()) {
        if (cur.length) sents.push(cur);
        cur = [];
        continue;
      }
      cur.push(line.split(' ')[0]);
    }
    if (cur.length) sents.push(cur);
  }
  used.push(`ler_german_legal: ${grouped('ler', sents, 12)} documents of 12 sentences`);
}

function europeana() {
  const dir = have('europeana_ner_de');
  if (!dir) return;
  let n = 0;
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.bio')).sort()) {
    let toks = [];
    for (const line of fs.readFileSync(path.join(dir, f), 'utf8').split('\n')) {
      const t = line.split(' ')[0];
      if (!t) continue;
      toks.push(t);
      if (t === '.' && toks.length > 200) {
        docs.push({ src: 'europeana', id: 'europeana-' + n++, text: detok(toks) });
        toks = [];
      }
    }
    if (toks.length) docs.push({ src: 'europeana', id: 'europeana-' + n++, text: detok(toks) });
  }
  used.push(`europeana_ner_de: ${n} documents`);
}

gnad();
smartdata();
germeval();
ler();
europeana();

const info = [];
if (!docs.length) {
  process.stderr.write(`bench: no corpus source found under ${dataDir}\n`);
  process.exit(2);
}

// A small fixed-seed generator (mulberry32) for a reproducible shuffle.
let seed = 20241111;
function rand() {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
function shuffle(a) {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
}

fs.mkdirSync(outDir, { recursive: true });
const jsonl = fs.openSync(path.join(outDir, 'corpus.jsonl.tmp'), 'w');
const txt = fs.openSync(path.join(outDir, 'corpus.txt.tmp'), 'w');
const distinctBytes = docs.reduce((s, d) => s + Buffer.byteLength(d.text), 0);
let bytes = 0, written = 0, round = 0;
while (bytes < minBytes) {
  round++;
  shuffle(docs);
  const J = [], T = [];
  for (const d of docs) {
    const o = { id: `r${round}-${d.id}`, text: d.text };
    if (d.published) o.published = d.published;
    J.push(JSON.stringify(o));
    T.push(d.text.replace(/[\r\n]+/g, ' '));
    bytes += Buffer.byteLength(d.text);
    written++;
  }
  fs.writeSync(jsonl, J.join('\n') + '\n');
  fs.writeSync(txt, T.join('\n') + '\n');
}
fs.closeSync(jsonl);
fs.closeSync(txt);
fs.renameSync(path.join(outDir, 'corpus.jsonl.tmp'), path.join(outDir, 'corpus.jsonl'));
fs.renameSync(path.join(outDir, 'corpus.txt.tmp'), path.join(outDir, 'corpus.txt'));
info.push(`sources: ${used.join('; ')}`);
if (missing.length) info.push(`missing: ${missing.join(', ')}`);
info.push(`distinct documents: ${docs.length} (${(distinctBytes / 1e6).toFixed(1)} MB of text)`);
info.push(`corpus: ${written} documents in ${round} shuffled rounds, ${(bytes / 1e6).toFixed(1)} MB of text`);
fs.writeFileSync(path.join(outDir, 'corpus.info'), info.join('\n') + '\n');
process.stdout.write(info.join('\n') + '\n');
