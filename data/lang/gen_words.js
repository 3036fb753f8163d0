// gen_words.js -- the frequent words of data/lang/words.txt, counted in
// Universal Dependencies treebanks (../shared/data/ud; CC BY-SA):
//   node data/lang/gen_words.js ../shared/data/ud 300 > /tmp/freq.txt
// German: de_pud (news and Wikipedia) and de_gsd dev and train.partial;
// English: en_ewt train. Word forms lower-cased, punctuation, numbers,
// symbols and proper nouns left out; the N most frequent of each language;
// a word in both lists is listed for both where it is about as frequent. Run once by hand: the output is
// pasted into words.txt (its "# counted" part), which is what the build
// reads -- no treebank is needed to build lagebild.
'use strict';
const fs = require('fs');
const { execSync } = require('child_process');
const dir = process.argv[2] || '../shared/data/ud';
const N = +(process.argv[3] || 300);
function count(texts) {
  const c = new Map();
  for (const t of texts)
    for (const l of t.split('\n')) {
      if (!l || l[0] === '#') continue;
      const f = l.split('\t');
      if (f.length < 4 || f[0].includes('-') || f[0].includes('.')) continue;
      if (['PUNCT', 'NUM', 'SYM', 'X', 'PROPN'].includes(f[3])) continue;
      const w = f[1].toLowerCase();
      if (!/^\p{L}+$/u.test(w)) continue;
      c.set(w, (c.get(w) || 0) + 1);
    }
  let total = 0;
  for (const v of c.values()) total += v;
  const top = [...c.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, N);
  return new Map(top.map(([w, k]) => [w, k / total]));
}
const de = count(['de_pud-ud.conllu', 'de_gsd-ud-dev.conllu', 'de_gsd-ud-train.partial.conllu']
  .map((f) => fs.readFileSync(`${dir}/${f}`, 'utf8')));
const en = count([execSync(`xz -dc ${dir}/en_ewt-ud-train.conllu.xz`, { maxBuffer: 1 << 28 }).toString('utf8')]);
// a word of both lists stays with a language only where it is at least a
// tenth as frequent as in the other ("of" in German Wikipedia titles: no)
const langs = new Map();
for (const [w, f] of de) if (!en.has(w) || f >= en.get(w) / 10) langs.set(w, ['de']);
for (const [w, f] of en) if (!de.has(w) || f >= de.get(w) / 10) langs.set(w, (langs.get(w) || []).concat('en'));
for (const [w, l] of [...langs.entries()].sort()) process.stdout.write(`${w} ${l.join(',')}\n`);
