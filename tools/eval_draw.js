// eval_draw.js -- the seeded draw of the passages in tests/eval/de.tsv and
// tests/eval/en.tsv (issues 17 and 18), and their dev/test split.
//
//   node tools/eval_draw.js ../shared/data de > build/eval_draw_de.tsv
//   node tools/eval_draw.js ../shared/data en > build/eval_draw_en.tsv
//
// Prints ID, SPLIT, PUBLISHED, TEXT, STRATUM, one candidate a line, in draw
// order. The person who annotates takes the candidates in that order and
// leaves out only those that are no sentence of news (a heading run into the
// text, a caption, a list of links, another language, a table) -- never by
// what events they hold; tests/eval/README.md counts the ones left out.
// The same data and seed give the same draw (mulberry32, no Math.random).
//
// Sources (../shared/data, see their SOURCE.md) and strata:
//   de  10kGNAD test.csv (DER STANDARD 2015-16, CC BY-NC-SA 4.0, tests
//       only): "ev" sentences of International, Inland and Panorama with a
//       word of an event (attack, arrest, protest, talks, ...: EV below),
//       "kw" with a broader news word (KW); "any" sentences of any section; "claim" passages: a
//       sentence with a reporting word and the one or two after it (the
//       third when it goes on in Konjunktiv I or starts with a pronoun).
//       Articles that the 130 sentences of the first set came from are left
//       out (those sentences stay, in dev). No publication dates.
//   de  SmartData v1 train and test (RSS news 2015-16, CC BY 4.0, research
//       use): "ev", "kw" and "any" sentences of news texts (no tweets: by URL
//       or by the corpus's file name); the
//       publication date is the dateline in the text's first lines, else the
//       corpus's date.
//   de  GermEval 2014 dev (CC BY 4.0): "ev", "kw" and "any" sentences from news
//       sites (not Wikipedia), with the date of their header line.
//   en  WikiEvents dev (MIT): the 13 documents not in the first set; a
//       date only where the document id
//       carries one (VOA); "ev" and "any" sentences and "claim" passages.
//   en  article-extraction (MIT): English pages: "ev", "kw", "any" and
//       "claim" passages; the publication date from the URL, else the page's
//       article:published_time / datePublished.
// "date": a sentence with a (broad) news word and a date word ("am Sonntag",
// "on Tuesday", "gestern", "May 22") from a source with publication dates
// (SmartData, GermEval, article-extraction), so that event dates can be
// scored; drawn last, after the others.
// A drawn sentence that starts with a personal pronoun (Er, Sie; He, She,
// They) comes with the sentence before it.
//
// Split: the items of one document go together. The first set's 130 German
// and 84 English items were tuned on, so they are dev. The new documents are
// taken in a seeded random order into test until test holds half of the
// set; the rest are dev.
'use strict';
const fs = require('fs');
const zlib = require('zlib');

const dir = process.argv[2] || '../shared/data';
const lang = process.argv[3] || 'de';
const SEED = 20261207;

function mulberry32(a) {
  return function () {
    a |= 0;
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function shuffle(arr, seed) {
  const r = mulberry32(seed);
  const a = arr.slice();
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(r() * (i + 1));
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}
const clean = (s) => s.replace(/[\t\r\n\u00a0]+/g, ' ').replace(/\s+/g, ' ').trim();

// Sentence split: at . ! ? (and a closing quote) before a space and an
// upper-case letter, digit or opening quote; not after an abbreviation, an
// initial or a day number ("am 5. März").
const ABBR = new Set(('z.B u.a d.h bzw ca Nr Dr Prof St Mio Mrd Jh Abs Art vgl ggf inkl evtl ' +
  'sog Hr Fr Mr Mrs Ms Jr Sr Gen Lt Col Sgt Gov Sen Rep Jan Feb Mar Apr Aug Sept Sep Oct Nov Dec ' +
  'No U.S U.N U.K St Mt Ft vs etc Inc Corp Co Ltd Bros Rev Hon Dipl Ing Mag Univ geb Min Hbf Tel Str').split(' '));
function sentences(text) {
  const out = [];
  const re = /([.!?]+[“”"«»‘’)]*)\s+(?=[A-ZÄÖÜ0-9„“"«‚(])/g;
  let start = 0;
  let m;
  while ((m = re.exec(text))) {
    const end = m.index + m[1].length;
    const before = text.slice(start, m.index);
    const lastWord = (before.match(/(\S+)$/) || ['', ''])[1];
    const bare = lastWord.replace(/^[(„"“]+/, '');
    if (m[1][0] === '.' && m[1].length === 1) {
      if (ABBR.has(bare) || /^\p{Lu}$/u.test(bare) || /^\d{1,2}$/.test(bare) ||
          /^(\p{L}\.)+\p{L}$/u.test(bare)) continue;
    }
    out.push(text.slice(start, end).trim());
    start = m.index + m[0].length;
  }
  if (start < text.length) out.push(text.slice(start).trim());
  return out.filter((s) => s.length);
}
const okSentence = (s) => s.length >= 40 && s.length <= 420 && /\p{Ll}{3}/u.test(s) &&
  (s.match(/\s/g) || []).length >= 5;

const KW = {
  de: /(angriff|angegriffen|greift|griff|anschlag|attentat|bombe|explosion|getötet|tötet|töteten|erschoss|erschossen|schüsse|geschossen|verletzt|festgenommen|festnahme|verhaftet|inhaftiert|haft|angeklagt|anklage|verurteilt|gericht|prozess|ermittl|polizei|armee|militär|soldaten|truppen|rebellen|miliz|kämpf|luftangriff|offensive|krieg|demonstr|protest|kundgebung|streik|besetz|sanktion|embargo|verhandl|gespräch|treffen|traf |besuch|gipfel|abkommen|vertrag|unterzeichn|vereinbar|einig|kritisier|kritik|vorwurf|vorgeworfen|beschuldig|forder|verlang|aufgefordert|aufruf|droh|warnt|warnte|abgeschoben|abschiebung|ausgewiesen|beschlagnahm|hilfe|unterstütz|gelobt|verbot|regierung|minister|präsident|kanzler|opposition)/i,
  en: /(attack|bomb|explos|killed|kill |shot|shoot|wounded|injur|arrest|detain|custody|charged|indict|convict|sentenc|court|trial|investigat|police|army|military|soldier|troops|rebel|militant|milit|fight|airstrike|air strike|offensive|war |protest|demonstrat|rally|strike|occup|sanction|embargo|negotiat|talks|meeting|met |visit|summit|agreement|treaty|signed|deal|critici|accus|blame|demand|urge|called on|threat|warn|deport|expel|seiz|aid |support|praise|ban |government|minister|president|opposition|congress|senate|impeach)/i,
};
// Words of events proper (a narrower list than KW): the "ev" stratum.
const EV = {
  de: /(angriff|angegriffen|greift .{0,40}an\b|griff .{0,40}an\b|anschlag|attentat|bombardier|beschoss|beschuss|getötet|tötete|erschoss|erschossen|schüsse|geschossen|festgenommen|festnahme|verhaftet|inhaftiert|angeklagt|anklage erhoben|verurteilt|ermittelt gegen|ermittlungen gegen|luftangriff|offensive|kämpfe|gefechte|demonstrier|demonstration|protestier|kundgebung|streik|besetzt|sanktionen|verhandl|traf sich|trafen sich|besuchte|empfing|unterzeichne|vereinbart|einigten sich|kritisierte|warf .{0,60}vor|vorgeworfen|forderte|verlangte|rief .{0,60}auf|drohte|warnte|abgeschoben|ausgewiesen|beschlagnahmt|entführt|geiseln|freigelassen|verbot|hilfe .{0,20}(zugesagt|geschickt|geleistet))/i,
  en: /(attack|bombing|bombed|shelled|airstrike|air strike|killed|shot dead|opened fire|arrested|detained|charged with|indicted|convicted|sentenced|investigat|clashes|fought|offensive|protest|demonstrat|rallied|strike|occupied|sanction|negotiat|met with|visited|hosted|signed|agreed|criticiz|accused|blamed|demanded|urged|called on|threatened|warned|deported|expelled|seized|kidnapp|hostage|released|banned|pledged|promised)/i,
};
// Words of a date (the "date" stratum: an event word and a date word, in a
// text with a publication date, so that the date can be resolved).
const DATEW = {
  de: /\b(Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|gestern|heute|vorgestern|am \d{1,2}\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember))/,
  en: /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|last (week|month|year)|(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2})\b/,
};
const CUE = {
  de: /(\bsagte\b|\bsagt\b|erklärte|betonte|teilte .{0,60}\bmit\b|\blaut\b|zufolge|, so (der|die|das)?\s?\p{Lu}|berichtete|kündigte|warnte|sprach von|räumte|wies .{0,60}zurück)/u,
  en: /(\bsaid\b|\bsays\b|\btold\b|\badded\b|according to|\bstated\b|announced|warned|claimed|\bwrote\b)/,
};
const KONJ1 = /\b(sei|seien|habe|werde|könne|müsse|gebe|solle|wolle|dürfe)\b/;
const PRON = { de: /^(Er|Sie)\s/, en: /^(He|She|They)\s/ };

// items: {doc, id, pub, text, stratum}
function passage(doc, sents, i, lng) {
  // a drawn single sentence; with the one before when it starts with a pronoun
  if (PRON[lng].test(sents[i]) && i > 0) return { first: i - 1, last: i };
  return { first: i, last: i };
}
function claimPassage(sents, i, lng) {
  let last = Math.min(i + 1, sents.length - 1);
  const third = sents[i + 2];
  if (third && (lng === 'de' ? KONJ1.test(third) || PRON.de.test(third) : PRON.en.test(third) || /^[“"]/.test(third)))
    last = i + 2;
  return { first: i, last };
}

function drawFrom(docs, lng, quota, seed, used) {
  // docs: [{doc, pub, sents, kwOk}]; quota: {kw, any, claim}
  const out = [];
  const pool = { ev: [], kw: [], any: [], claim: [], date: [] };
  for (const d of docs)
    d.sents.forEach((s, i) => {
      if (!okSentence(s)) return;
      pool.any.push([d, i]);
      if (d.kwOk && EV[lng].test(s)) pool.ev.push([d, i]);
      if (d.kwOk && KW[lng].test(s)) pool.kw.push([d, i]);
      if (d.kwOk && d.pub && d.pub !== '-' && (EV[lng].test(s) || KW[lng].test(s)) && DATEW[lng].test(s))
        pool.date.push([d, i]);
      if (d.claimOk && CUE[lng].test(s) && i + 1 < d.sents.length && okSentence(d.sents[i + 1])) pool.claim.push([d, i]);
    });
  let k = 0;
  for (const st of ['claim', 'ev', 'kw', 'any', 'date']) {
    let n = 0;
    for (const [d, i] of shuffle(pool[st], seed + ++k)) {
      if (n >= (quota[st] || 0)) break;
      const p = st === 'claim' ? claimPassage(d.sents, i, lng) : passage(d.doc, d.sents, i, lng);
      let clash = false;
      for (let j = p.first; j <= p.last; j++) if (used.has(`${d.doc}:${j}`)) clash = true;
      if (clash) continue;
      for (let j = p.first; j <= p.last; j++) used.add(`${d.doc}:${j}`);
      const text = d.sents.slice(p.first, p.last + 1).join(' ');
      out.push({ doc: d.group || d.doc, id: `${d.doc}:${p.first}`, pub: d.pub || '-', text, stratum: `${d.src}-${st}`,
        supp: st === 'date' });
      n++;
    }
  }
  return out;
}

// ---- German sources
function gnadDocs() {
  const s = fs.readFileSync(`${dir}/10kgnad/test.csv`, 'utf8');
  // label;'text' with ' as quote ('' inside)
  const rows = [];
  let i = 0;
  while (i < s.length) {
    const semi = s.indexOf(';', i);
    if (semi < 0) break;
    const label = s.slice(i, semi);
    let j = semi + 1;
    let text = '';
    if (s[j] !== "'") {
      const nl0 = s.indexOf('\n', j);
      text = s.slice(j, nl0 < 0 ? s.length : nl0);
      j = nl0 < 0 ? s.length : nl0;
    } else {
      j++;
      for (;;) {
        const q = s.indexOf("'", j);
        if (q < 0) { text += s.slice(j); j = s.length; break; }
        if (s[q + 1] === "'") { text += s.slice(j, q + 1); j = q + 2; continue; }
        text += s.slice(j, q);
        j = q + 1;
        break;
      }
    }
    const nl = s.indexOf('\n', j);
    i = nl < 0 ? s.length : nl + 1;
    rows.push([label.trim(), text]);
  }
  return rows;
}
// The documents of the first sets (issue 6): 82 10kGNAD articles (row
// numbers of test.csv) and 7 WikiEvents documents.
const OLD = {
  de: new Set(('14 28 30 50 60 80 106 114 129 137 164 167 173 180 182 183 189 200 203 207 209 213 ' +
    '267 274 291 305 323 349 360 366 374 383 402 405 421 431 439 479 506 519 545 551 557 564 571 ' +
    '576 585 596 611 633 648 650 654 657 665 673 680 695 698 722 727 759 769 775 795 819 834 844 ' +
    '868 879 921 936 943 953 962 970 972 980 983 995 1002 1008').split(' ').map((n) => `gnad${n}`)),
  en: new Set(['road_ied_8', 'scenario_en_kairos_60', 'suicide_ied_114', 'road_ied_12',
    'wiki_ied_bombings_9', 'scenario_en_7', '65_VOA_EN_NW_2014.07.21.1962165']),
};
// SmartData: the id is the corpus's file name (smartdata_news_668.xml ->
// news668). The publication date is the dateline in the text's first lines
// (13.01.16, 13.01.2016, 13. Januar 2016), or "Vor 47 Tagen" counted back
// from the corpus's date; else the corpus's date -- except 2016-03-10, the
// day a large part of the corpus was crawled, which is then no publication
// date ("-").
function sdId(o) {
  const fn = (o.refids && o.refids.map && o.refids.map.fileName) || o.id;
  return fn.replace(/^smartdata_/, '').replace(/\.xml$/, '').replace(/[^A-Za-z0-9]/g, '');
}
const MONTHS_DE = 'januar februar märz april mai juni juli august september oktober november dezember'.split(' ');
function sdPub(o, text) {
  const corpus = ((o.date && o.date.string) || '').slice(0, 10);
  const head = text.slice(0, 300);
  let m = head.match(/(?<![\d.])(\d{1,2})\.(\d{1,2})\.((?:20)?\d\d)(?![\d.])/);
  if (m) {
    const y = m[3].length === 2 ? `20${m[3]}` : m[3];
    return `${y}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  }
  m = head.match(/\b(\d{1,2})\. (\p{L}+) (20\d\d)\b/u);
  if (m && MONTHS_DE.includes(m[2].toLowerCase()))
    return `${m[3]}-${String(MONTHS_DE.indexOf(m[2].toLowerCase()) + 1).padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  m = head.match(/\bVor (\d+) Tagen\b/);
  if (m && corpus) {
    const d = new Date(`${corpus}T12:00:00Z`);
    d.setUTCDate(d.getUTCDate() - Number(m[1]));
    return d.toISOString().slice(0, 10);
  }
  return corpus && corpus !== '2016-03-10' ? corpus : '-';
}
function readSmartData() {
  const docs = [];
  for (const f of ['v1_train.json.gz', 'v1_test.json.gz']) {
    const s = zlib.gunzipSync(fs.readFileSync(`${dir}/smartdata/${f}`)).toString('utf8');
    for (const chunk of s.split(/\n(?=\{)/)) {
      let o;
      try { o = JSON.parse(chunk); } catch (e) { continue; }
      const uri = (o.uri && o.uri.string) || '';
      const fn0 = (o.refids && o.refids.map && o.refids.map.fileName) || '';
      if (/twitter\.com/.test(uri) || /tweet/.test(fn0)) continue;
      const text = (o.text && o.text.string) || '';
      docs.push({ id: sdId(o), uri, pub: sdPub(o, text), text });
      continue;
    }
  }
  return docs;
}
function readGermEval() {
  const lines = fs.readFileSync(`${dir}/germeval2014/NER-de-dev.tsv`, 'utf8').split('\n');
  const out = [];
  let cur = null;
  for (const l of lines) {
    if (l.startsWith('#\t')) {
      const f = l.split('\t');
      const dm = (f[2] || '').match(/\[(\d{4}-\d\d-\d\d)\]/);
      cur = { url: f[1] || '', pub: dm ? dm[1] : '-', toks: [], n: out.length };
      out.push(cur);
    } else if (l.trim() && cur) cur.toks.push(l.split('\t')[1]);
  }
  return out.map((s) => ({ ...s, text: detok(s.toks) }));
}
function detok(toks) {
  let s = '';
  let openQ = false;
  for (const t of toks) {
    if (t === '"') {
      s += openQ ? '"' : (s ? ' "' : '"');
      openQ = !openQ;
      continue;
    }
    const glueLeft = /^[.,;:!?)\]%]$/.test(t) || /^'s$/.test(t);
    const prevOpen = /[(\[]$/.test(s) || (openQ && /"$/.test(s));
    s += (!s || glueLeft || prevOpen) ? t : ' ' + t;
  }
  return s;
}

// ---- English sources
function readWikiEvents() {
  return fs.readFileSync(`${dir}/wikievents/dev.jsonl`, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
}
function isEnglish(t) {
  const w = t.toLowerCase().match(/\p{L}+/gu) || [];
  const sw = new Set('the of and to in a is that for on with was as it by are be this from have at said'.split(' '));
  let n = 0;
  for (const x of w) if (sw.has(x)) n++;
  return w.length > 50 && n / w.length > 0.2;
}
function aePub(url, id) {
  let m = url.match(/\/(20\d\d)\/(\d\d)\/(\d\d)\//) || url.match(/\/(20\d\d)-(\d\d)-(\d\d)\//);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = url.match(/\/(20\d\d)\/(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\/(\d\d)\//);
  const mon = 'jan feb mar apr may jun jul aug sep oct nov dec'.split(' ');
  if (m) return `${m[1]}-${String(mon.indexOf(m[2]) + 1).padStart(2, '0')}-${m[3]}`;
  try {
    const h = zlib.gunzipSync(fs.readFileSync(`${dir}/article-extraction/html/${id}.html.gz`)).toString('utf8');
    m = h.match(/article:published_time"?\s+content="(20\d\d-\d\d-\d\d)/) ||
        h.match(/content="(20\d\d-\d\d-\d\d)[^"]*"\s+(?:property|name)="article:published_time/) ||
        h.match(/"datePublished"\s*:\s*"(20\d\d-\d\d-\d\d)/);
    if (m) return m[1];
  } catch (e) { /* no page */ }
  return '-';
}

function main() {
  let items = [];
  const used = new Set();
  const oldCount = { de: 0, en: 0 };
  if (lang === 'de') {
    const old = OLD.de;
    const rows = gnadDocs();
    const g = rows.map(([label, text], n) => ({
      doc: `gnad${n}`, src: 'gnad', pub: '-', sents: sentences(clean(text)),
      kwOk: /^(International|Inland|Panorama)$/.test(label), claimOk: true,
    })).filter((d) => !old.has(d.doc));
    items = items.concat(drawFrom(g, 'de', { claim: 36, ev: 60, kw: 30, any: 35 }, SEED, used));
    const sd = readSmartData().map((d) => ({
      doc: `sd${d.id}`, src: 'sd', pub: d.pub,
      sents: d.text.split('\n').flatMap((p) => sentences(clean(p))), kwOk: true, claimOk: false,
    }));
    items = items.concat(drawFrom(sd, 'de', { ev: 30, kw: 25, any: 30, date: 40 }, SEED + 100, used));
    // GermEval sentences are separate, not running text: one item each (its
    // number in the file), split together with the others of its URL
    const gdocs = readGermEval().filter((s) => s.url && !/wikipedia/.test(s.url)).map((s) => ({
      doc: `ge${s.n}`, group: s.url, src: 'ge', pub: s.pub, sents: [s.text], kwOk: true, claimOk: false,
    }));
    items = items.concat(drawFrom(gdocs, 'de', { ev: 35, kw: 25, any: 25, date: 15 }, SEED + 200, used));
    oldCount.de = 130;
  } else {
    const old = OLD.en;
    const we = readWikiEvents().filter((d) => !old.has(d.doc_id)).map((d) => {
      const m = d.doc_id.match(/(20\d\d)\.(\d\d)\.(\d\d)/);
      // WikiEvents' sentences may hold several: split them again
      const sents = d.sentences.flatMap((s) => sentences(clean(s[1])));
      return { doc: d.doc_id, src: 'we', pub: m ? `${m[1]}-${m[2]}-${m[3]}` : '-', sents, kwOk: true, claimOk: true };
    });
    items = items.concat(drawFrom(we, 'en', { claim: 30, ev: 50, any: 65 }, SEED + 300, used));
    const gt = JSON.parse(fs.readFileSync(`${dir}/article-extraction/ground-truth.json`, 'utf8'));
    const ae = Object.keys(gt).sort().filter((id) => isEnglish(gt[id].articleBody)).map((id) => ({
      doc: `ae${id.slice(0, 8)}`, src: 'ae', pub: aePub(gt[id].url, id),
      sents: gt[id].articleBody.split('\n').flatMap((p) => sentences(clean(p))), kwOk: true, claimOk: true,
    }));
    items = items.concat(drawFrom(ae, 'en', { claim: 40, ev: 50, kw: 40, any: 70, date: 30 }, SEED + 400, used));
    oldCount.en = 84;
  }
  // split by document: test until half of the whole set (old items are dev);
  // the "date" stratum, added after the first draw, joins the split of its
  // document, else half of it goes to test by a seeded hash of the document
  const main = items.filter((x) => !x.supp);
  const docs = [...new Set(main.map((x) => x.doc))];
  const total = main.length + oldCount[lang];
  const perDoc = new Map();
  for (const x of main) perDoc.set(x.doc, (perDoc.get(x.doc) || 0) + 1);
  const split = new Map();
  let nTest = 0;
  for (const d of shuffle(docs, SEED + 999)) {
    const t = nTest < total / 2;
    split.set(d, t ? 'test' : 'dev');
    if (t) nTest += perDoc.get(d);
  }
  for (const x of items) {
    if (split.has(x.doc)) continue;
    let h = SEED;
    for (const c of x.doc) h = Math.imul(h ^ c.charCodeAt(0), 16777619);
    split.set(x.doc, mulberry32(h)() < 0.5 ? 'test' : 'dev');
  }
  process.stdout.write('# ID\tSPLIT\tPUBLISHED\tTEXT\tSTRATUM\n');
  for (const x of items) process.stdout.write(`${x.id}\t${split.get(x.doc)}\t${x.pub}\t${x.text}\t${x.stratum}\n`);
}
main();
