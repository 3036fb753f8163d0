/*
** namevar.js -- the spellings of a name that a reader meets besides the one
** in the source data, by rule:
**   - romanisations of Cyrillic, Greek, Georgian and Armenian names with the
**     transliteration schemes of Unicode CLDR (common/transforms, read by
**     tools/translit.js): BGN/PCGN per language (Russian, Ukrainian,
**     Belarusian, Bulgarian, Serbian, Macedonian, Kazakh, Kyrgyz, Mongolian,
**     Greek, Georgian, Armenian); "Харків" -> "Kharkiv", "Αθήνα" -> "Athína";
**     only for places of a country that writes the script (for Cyrillic also
**     the former Soviet Union, where the Russian names are in use). CLDR's
**     Cyrillic-Latin (ISO 9 style: "Râzanʹ") and Greek UNGEGN are left out:
**     their letters (â, ǰ, i̱) are not what a reader meets;
**   - the same without diacritics and apostrophes, the way English news
**     writes them ("Kharʹkov" -> "Kharkov", "São Paulo" -> "Sao Paulo"), by
**     CLDR's Latin-ASCII;
**   - German umlaut transcription for German names ("Zürich" -> "Zuerich",
**     "Düsseldorf" -> "Duesseldorf");
**   - Saint/Sankt as St., St, Ste ("St. Gallen", "St-Denis"), hyphens as
**     spaces ("Saint Denis", "Rostov on Don") and names without their
**     apostrophe ("Mar'inka" -> "Marinka");
**   - the short name of a town ("Neusiedl am See" -> "Neusiedl", shortName). ß -> ss is not needed: the lexicon's
**     key folding (full case folding, src/text/norm.c) already maps ß to ss.
**   - German (Duden) and English transliterations of Russian and Ukrainian
**     names by the letter tables of data/geo/translit.txt (deEn);
** Arabic, Persian and Hebrew are left out: written without vowels, their
** BGN romanisations ("bghdād") are not what a reader meets.
**
** A variant that is a common word (a German word form of table `form`, a
** German or English function word) is dropped: "Essen" may be a city, but a
** rule must not make new ones.
**
**   const nv = require('./namevar')(cldrDir, commonWords, 'data/geo/translit.txt');
**   nv.romanise('Харків', 'UA')  -> [['Kharkiv', 'rule:translit:uk-bgn'], ...]
**   nv.spellings('Zürich', true) -> [['Zurich', 'rule:ascii'], ['Zuerich', 'rule:umlaut']]
*/
'use strict';
const fs = require('fs');
const { load } = require('./translit');

/* Cyrillic schemes by country (the language of the place's own names);
   every Cyrillic name also gets the Russian ones, the lingua franca */
const CYR = { UA: 'Ukrainian', BY: 'Belarusian', BG: 'Bulgarian', RS: 'Serbian', ME: 'Serbian',
              BA: 'Serbian', MK: 'Macedonian', KZ: 'Kazakh', KG: 'Kirghiz', MN: 'Mongolian', UZ: 'Uzbek' };

/* where a script's names are romanised: the countries that write it, and
   for Cyrillic also those where Russian names are in use (the former Soviet
   Union). Elsewhere a romanised Russian exonym ("Франклин-Сквер" ->
   "Franklin Skver") is a spelling no reader meets. */
const WHERE = {
  Cyrillic: new Set(['RU', 'UA', 'BY', 'BG', 'RS', 'ME', 'BA', 'MK', 'KZ', 'KG', 'MN', 'UZ', 'TJ', 'TM', 'AZ',
                     'GE', 'AM', 'MD', 'EE', 'LV', 'LT']),
  Greek: new Set(['GR', 'CY']),
  Georgian: new Set(['GE']),
  Armenian: new Set(['AM'])
};

/* the German (Duden) and English letter tables of data/geo/translit.txt */
function letterTables(file) {
  const tr = {};
  for (const l of fs.readFileSync(file, 'utf8').split('\n')) {
    if (!l || l[0] === '#') continue;
    const [scheme, cy, la] = l.split('\t');
    if (!cy) continue;
    (tr[scheme] = tr[scheme] || new Map()).set(cy, la === undefined ? '' : la);
  }
  return tr;
}
const VOWEL = /[аеёиоуыэюяіїєaeiouy]/i;

module.exports = namevar;
/* The words (lower case) of the names of people in a generated actors.tsv
   (entdef TYPE PER): first names and surnames, which a town or region must
   not take ("Hofer", "Mathieu", "Lukas"). */
namevar.personWords = function personWords(file) {
  const words = new Set();
  if (!file) return words;
  const per = new Set();
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  for (const l of lines) {
    const f = l.split('\t');
    if (f[0] === 'entdef' && f[3] === 'PER') per.add(f[1]);
  }
  for (const l of lines) {
    const f = l.split('\t');
    if (f[0] === 'ent' && per.has(f[2]))
      for (const w of f[1].split(/[\s-]+/)) if ([...w].length >= 3) words.add(w.toLowerCase());
  }
  return words;
};

function namevar(cldrDir, common, translitFile) {
  const tr = translitFile ? letterTables(translitFile) : {};
  function translit(name, scheme) {
    const m = tr[scheme];
    if (!m) return null;
    let out = '';
    const chars = [...name];
    for (let i = 0; i < chars.length; i++) {
      const ch = chars[i], lo = ch.toLowerCase();
      const up = ch !== lo;
      let la;
      if (lo === 'е' && scheme.startsWith('ru') && (i === 0 || VOWEL.test(chars[i - 1]) || /[ьъ ]/.test(chars[i - 1])))
        la = scheme.endsWith('de') ? 'je' : 'ye';
      else if (m.has(lo)) la = m.get(lo);
      else if (/[\u0400-\u04ff]/.test(ch)) return null; /* a letter of another alphabet */
      else la = ch;
      out += up && la ? la[0].toUpperCase() + la.slice(1) : la;
    }
    return out;
  }
  /* German and English transliteration of a Russian or Ukrainian name:
     "Очеретине" -> "Otscheretyne", "Ocheretyne" */
  function deEn(a, cc) {
    const out = [];
    if (!/^[\u0400-\u04ff' -]+$/.test(a) || /(^|[\s-])\p{Lu}{2,}([\s-]|$)/u.test(a)) return out;
    /* Ukrainian when the name has і ї є ґ, Russian when it has ы э ъ ё; a
       name of a place in Ukraine with neither is read both ways
       ("Бахчисарай": "Bachtschysaraj", "Bachtschissarai") */
    const ukl = /[іїєґІЇЄҐ]/.test(a), rul = /[ыэъёЫЭЪЁ]/.test(a);
    if (ukl && rul) return out;
    const langs = ukl ? ['uk'] : rul ? ['ru'] : cc === 'UA' ? ['uk', 'ru'] : ['ru'];
    for (const l of langs)
      for (const lang of ['de', 'en']) {
        const t = translit(a, l + '-' + lang);
        if (t && t.length > 2) out.push([t, 'rule:translit:' + l + '-' + lang]);
      }
    return out;
  }

  const cache = new Map();
  const T = (name) => {
    if (!cache.has(name)) cache.set(name, load(cldrDir, name));
    return cache.get(name);
  };
  const ascii = T('Latin-ASCII');
  /* Latin-ASCII turns the BGN prime into an apostrophe; English news drops it
     ("Kharkov", "Podyachev"), as it drops the BGN's disambiguating dot */
  const fold = (s) => ascii(s.replace(/[ʹʺ’‘ʼ`·]/g, '')).replace(/'/g, '');
  const isCommon = (v) => common.has(v.toLowerCase());
  /* a variant of several words that are all common words ("Da-an" -> "Da
     an") would be found in running text */
  const allCommon = (v) => /[ -]/.test(v) && v.split(/[ -]+/).every((w) => !w || isCommon(w.replace(/\.$/, '')));
  const good = (v) => [...v].length >= 3 && /^\p{Lu}/u.test(v) && /^[\p{Script=Latin}\p{M} .'-]+$/u.test(v) &&
    !isCommon(v) && !allCommon(v);

  /* the lexicon folds keys by case (and ß to ss): variants equal under
     that fold are one key */
  const key = (s) => s.normalize('NFC').toLowerCase().replace(/ß/g, 'ss');
  function add(out, seen, v, src) {
    v = v.replace(/\s+/g, ' ').trim();
    if (!good(v) || seen.has(key(v))) return;
    seen.add(key(v));
    out.push([v, src]);
  }
  /* a romanisation and its plain-ASCII form */
  function both(out, seen, r, src) {
    add(out, seen, r, src);
    const a = fold(r);
    if (a !== r) add(out, seen, a, src + '+ascii');
    /* the soft sign as an apostrophe, as older English texts write it
       ("Khar'kov", "Mariupol'") */
    if (/[ʹ’]/.test(r)) {
      const p = ascii(r.replace(/[ʺ·]/g, ''));
      if (p !== a) add(out, seen, p, src + '+ascii');
    }
  }
  const title = (s) => s.replace(/(^|[\s-])(\p{Ll})/gu, (m, a, b) => a + b.toUpperCase());

  function romanise(name, cc) {
    const out = [], seen = new Set([key(name)]);
    const script = Object.keys(WHERE).find((k) => new RegExp('\\p{Script=' + k + '}', 'u').test(name));
    if (!script || !WHERE[script].has(cc)) return out;
    /* an acronym ("ЧВК Вагнер") is not romanised letter by letter */
    if (/(^|[\s-])\p{Lu}{2,}([\s-]|$)/u.test(name)) return out;
    if (script === 'Cyrillic') {
      const langs = [];
      if (CYR[cc] && !(CYR[cc] === 'Ukrainian' && /[ыэъёЫЭЪЁ]/.test(name))) langs.push(CYR[cc]);
      if (/[іїєґІЇЄҐ]/.test(name) && !langs.includes('Ukrainian')) langs.push('Ukrainian');
      if (/[ўЎ]/.test(name) && !langs.includes('Belarusian')) langs.push('Belarusian');
      /* letters Russian lacks: the name is not Russian */
      if (!/[іїєґўјљњћђџѓќѕҗқңүұһөә]/i.test(name)) langs.push('Russian');
      for (const l of langs) {
        const r = T(l + '-Latin-BGN')(name);
        if (!/\p{Script=Cyrillic}/u.test(r)) both(out, seen, r, 'rule:translit:' + l.slice(0, 3).toLowerCase() + '-bgn');
      }
    } else if (script === 'Greek') {
      const r = T('Greek-Latin-BGN')(name);
      if (!/\p{Script=Greek}/u.test(r)) both(out, seen, r, 'rule:translit:gre-bgn');
    } else if (script === 'Georgian') {
      /* Georgian has no capitals: title-case the romanisation */
      for (const [t, src] of [['Georgian-Latin-BGN', 'geo-bgn'], ['Georgian-Latin', 'geo-national']]) {
        const r = title(T(t)(name));
        if (!/\p{Script=Georgian}/u.test(r)) both(out, seen, r, 'rule:translit:' + src);
      }
    } else {
      const r = T('Armenian-Latin-BGN')(name);
      if (!/\p{Script=Armenian}/u.test(r)) both(out, seen, r, 'rule:translit:arm-bgn');
    }
    return out;
  }

  /* the ways one name is written without changing its letters: Saint as
     St/St./Ste ("St. Gallen", "St-Denis"), German Sankt as St.; hyphens as
     spaces ("Saint Denis", "Rostov on Don"); no apostrophe ("Marinka",
     "Maarrat") */
  function forms(name, german) {
    const v = [];
    if (/\bSainte?[- ]/.test(name)) {
      v.push([name.replace(/\b(Saint|Sainte)([- ])/g, (m, w, sep) => (w === 'Saint' ? 'St' : 'Ste') + sep), 'rule:saint']);
      /* "St. Denis", but not "St. Foy-lès-Lyon" */
      if (!/\bSainte?-\S*-/.test(name))
        v.push([name.replace(/\b(Saint|Sainte)[- ]/g, (m, w) => (w === 'Saint' ? 'St. ' : 'Ste. ')), 'rule:saint']);
    }
    if (/\bSankt[- ]/.test(name)) v.push([name.replace(/\bSankt[- ]/g, 'St. '), 'rule:saint']);
    if (/\bSt\.? /.test(name)) v.push([name.replace(/\bSt\.? /g, german ? 'Sankt ' : 'Saint '), 'rule:saint']);
    for (const [x, src] of [[name, ''], ...v]) {
      /* "Saint-Jean-de-Luz" -> "Saint Jean de Luz"; not "A-Stadt" */
      if (/\p{L}{2}-\p{L}{2}/u.test(x)) v.push([x.replace(/(\p{L})-(?=\p{L})/gu, '$1 '), src ? src + '+hyphen' : 'rule:hyphen']);
    }
    /* a transliteration's apostrophe between small letters ("Mar'inka",
       "Ma'arrat"), not "O'Kennedy" or a possessive "Women's" */
    const apo = /(\p{Ll})['’ʼ‘`](?=\p{Ll})(?!s\b)/gu;
    for (const [x, src] of [[name, ''], ...v])
      if (x.replace(apo, '$1') !== x) v.push([x.replace(apo, '$1'), src ? src + '+apostrophe' : 'rule:apostrophe']);
    return v;
  }

  /* Latin spellings: without diacritics; German umlauts as ae/oe/ue; and
     the forms above of each (only those with formsOnly) */
  function spellings(name, german, formsOnly) {
    const out = [], seen = new Set([key(name)]);
    if (!/^[\p{Script=Latin}\p{M}\p{P}\p{Zs}]+$/u.test(name)) return out;
    const base = [[name, '']];
    if (!formsOnly && !/^[\x00-\x7f]*$/.test(name)) {
      if (german && /[äöüÄÖÜ]/.test(name)) {
        const u = name.replace(/[äöüÄÖÜ]/g, (c) => ({ ä: 'ae', ö: 'oe', ü: 'ue', Ä: 'Ae', Ö: 'Oe', Ü: 'Ue' })[c]);
        base.push([u, 'rule:umlaut']);
        const a = ascii(u);
        if (a !== u) base.push([a, 'rule:umlaut+ascii']);
      }
      const a = ascii(name);
      if (a !== name) base.push([a, 'rule:ascii']);
    }
    for (const [b, src] of base) {
      if (src) add(out, seen, b, src);
      for (const [f, fsrc] of forms(b, german)) add(out, seen, f, src ? src + '+' + fsrc.slice(5) : fsrc);
    }
    return out;
  }
  /* The short name a town is called by: "Neusiedl am See" -> "Neusiedl",
     "Gerasdorf bei Wien" -> "Gerasdorf", "Boulogne-sur-Mer" -> "Boulogne",
     "Châlons-en-Champagne" -> "Châlons"; not "Saint-Germain" (one of
     hundreds) */
  function shortName(name) {
    const s = name.replace(/\s+(\(.*\)|(am|an der|an|im|in der|ob der|bei|upon|on|sur) .*)$/, '')
      .replace(/-(sur|sous|lès|en)-.*$/, '');
    if (s === name || [...s].length < 4 || s.includes('/') || /^(Saint|Sainte|Sankt|St\.?|San|Santa|Bad)\b/.test(s))
      return null;
    return s;
  }
  return { romanise, spellings, fold, deEn, shortName, WHERE };
}
