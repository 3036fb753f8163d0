// lang_short_make.js -- builds tests/eval/lang_short.tsv, short real German
// and English texts for `make eval-lang` (tools/eval_lang.c):
//   node tests/eval/lang_short_make.js ../shared/data > tests/eval/lang_short.tsv
// Headlines and first sentences, as feeds, tweets and article openings
// give them: 3 to 25 words each, 3 of them of two letters or more. Sources (../shared/data, see their SOURCE.md):
//   de  10kGNAD test.csv (DER STANDARD; CC BY-NC-SA 4.0, tests only): the
//       first sentence of an article (its subtitle)
//   de  SmartData v3 dev and test (CC BY 4.0): the first line of a text
//       (RSS headlines and tweets)
//   de  GermEval 2014 dev (CC BY 4.0): sentences of Wikipedia and news
//   en  WikiEvents dev (MIT): sentences of news articles (the first is the headline)
//   en  UD English EWT dev (CC BY-SA 4.0): sentences of web text (news groups,
//       blogs, e-mail, reviews, answers)
// Every other text of a source is dev (tuned on), the rest test (reported).
'use strict';
const fs = require('fs');
const zlib = require('zlib');
const dir = process.argv[2] || '../shared/data';
const out = [];
const words = (s) => s.trim().split(/\s+/).filter(Boolean).length;
// words of two letters or more: "12.12.2015 - 02:25 Uhr" or "360p | 1.8MB" are no text
const letterWords = (s) => s.split(/\s+/).filter((x) => (x.match(/\p{L}/gu) || []).length >= 2).length;
const clean = (s) => s.replace(/[\t\r\n]+/g, ' ').replace(/\s+/g, ' ').trim();
function add(lang, src, texts, max) {
  let k = 0;
  const seen = new Set();
  for (const t0 of texts) {
    const t = clean(t0);
    const w = words(t);
    if (w < 3 || w > 25 || letterWords(t) < 3 || seen.has(t)) continue;
    seen.add(t);
    out.push([lang, k % 2 ? 'test' : 'dev', src, t]);
    if (++k >= max) break;
  }
}
// 10kGNAD: label;'text' -- the first sentence
{
  const lines = fs.readFileSync(`${dir}/10kgnad/test.csv`, 'utf8').split('\n');
  const t = [];
  for (const l of lines) {
    const q = l.indexOf(";'");
    if (q < 0) continue;
    const s = l.slice(q + 2).split(/(?<=[.!?])\s+(?=[A-ZÄÖÜ])/)[0];
    t.push(s);
  }
  add('de', '10kgnad', t, 250);
}
// SmartData: concatenated JSON objects; the first line of text.string
{
  const t = [];
  for (const f of ['v3_dev.json.gz', 'v3_test.json.gz']) {
    const s = zlib.gunzipSync(fs.readFileSync(`${dir}/smartdata/${f}`)).toString('utf8');
    // objects start at a line "{" at column 0
    for (const chunk of s.split(/\n(?=\{)/)) {
      let o;
      try { o = JSON.parse(chunk); } catch (e) { continue; }
      const line = (o.text && o.text.string || '').split('\n').map((x) => x.trim())
        .find((x) => words(x) >= 3 && !/^(RSS-Feeds|Sonstiges|Abschnitt)/.test(x));
      if (line) t.push(line);
    }
  }
  add('de', 'smartdata', t, 250);
}
// GermEval 2014: token lines, sentences separated by blank lines
{
  const t = [];
  let cur = [];
  for (const l of fs.readFileSync(`${dir}/germeval2014/NER-de-dev.tsv`, 'utf8').split('\n')) {
    if (l.startsWith('#')) continue;
    if (!l.trim()) {
      if (cur.length) t.push(cur.join(' ').replace(/ ([.,;:!?)])/g, '$1').replace(/\( /g, '('));
      cur = [];
      continue;
    }
    cur.push(l.split('\t')[1]);
  }
  add('de', 'germeval', t, 150);
}
// WikiEvents: sentences (their own text)
{
  const t = [];
  for (const l of fs.readFileSync(`${dir}/wikievents/dev.jsonl`, 'utf8').split('\n')) {
    if (!l.trim()) continue;
    const d = JSON.parse(l);
    for (const s of d.sentences) t.push(s[1]);
  }
  add('en', 'wikievents', t, 300);
}
// UD English EWT dev: "# text = ..." lines
{
  const t = [];
  for (const l of fs.readFileSync(`${dir}/ud/en_ewt-ud-dev.conllu`, 'utf8').split('\n'))
    if (l.startsWith('# text = ')) t.push(l.slice(9));
  // every 4th, for a spread over the genres
  add('en', 'ud-ewt', t.filter((_, i) => i % 4 === 0), 200);
}
process.stdout.write('# lang_short.tsv -- short real texts for `make eval-lang` (tools/eval_lang.c),\n' +
  '# made by tests/eval/lang_short_make.js from ../shared/data (sources and licences\n' +
  '# there). LANG SPLIT SOURCE TEXT, tab-separated.\n');
for (const r of out) process.stdout.write(r.join('\t') + '\n');
