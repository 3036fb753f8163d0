#!/usr/bin/env node
/*
** gen_actors.js -- people, organisations and armed groups for the lexicon:
** the curated list data/actors/actors.txt (with transliteration variants by
** the rules in data/actors/variants.txt) and the PETRARCH2 actor dictionaries
** in data/cameo/ (MIT, Open Event Data Alliance; see data/cameo/LICENSE).
**
**   node tools/gen_actors.js DATA_DIR [CLDR_DIR [WORDS[:WORDS...]]] > actors.tsv
**
** Output tables (see data/README.md):
**   entdef  KID -> ID, TYPE, ACTOR, COUNTRY3, NAME, (geo fields empty), SOURCE
**   ent     NAME -> KID, MENTION_ACTOR (empty), ROLE (name | surname), SOURCE
**   office  "<iso3> <role>" -> KID, FROM, TO     (dates YYYY-MM-DD, TO empty = open)
** Curated entries come first; a PETRARCH name that the curated list already
** has is skipped.
*/
'use strict';
const fs = require('fs');
const path = require('path');
const [dir = 'data', cldrDir, wordsFiles] = process.argv.slice(2);
/* rule-made spellings of the curated names (tools/namevar.js), when CLDR is
   given: romanised Cyrillic names of people of Cyrillic-writing countries
   ("Володимир Зеленський" -> "Volodymyr Zelenskyy"), names without
   diacritics ("Recep Tayyip Erdogan"); none that is a common word */
let nv = null;
if (cldrDir) {
  const common = new Set();
  for (const f of ['de/stopwords.tsv', 'en/stopwords.tsv'])
    for (const l of fs.readFileSync(path.join(dir, f), 'utf8').split('\n'))
      if (l && l[0] !== '#') common.add(l.split('\t')[0].toLowerCase());
  for (const wf of (wordsFiles || '').split(':').filter(Boolean))
    for (const w of fs.readFileSync(wf, 'utf8').split('\n')) if (w && !w.includes("'")) common.add(w.toLowerCase());
  nv = require('./namevar')(cldrDir, common, path.join(dir, 'geo/translit.txt'));
}
/* ISO alpha-3 -> alpha-2 of the countries whose names are romanised */
const CC2 = { RUS: 'RU', UKR: 'UA', BLR: 'BY', BGR: 'BG', SRB: 'RS', MNE: 'ME', BIH: 'BA', MKD: 'MK', KAZ: 'KZ',
              KGZ: 'KG', MNG: 'MN', UZB: 'UZ', TJK: 'TJ', TKM: 'TM', AZE: 'AZ', GEO: 'GE', ARM: 'AM', MDA: 'MD',
              EST: 'EE', LVA: 'LV', LTU: 'LT', GRC: 'GR', CYP: 'CY' };
const out = [];
const emitted = new Set();
const emit = (...f) => {
  const l = f.join("\t");
  if (!emitted.has(l)) {
    emitted.add(l);
    out.push(l);
  }
};
const ok = (s) => typeof s === 'string' && s.trim().length > 0 && !/[\t\n\r]/.test(s);
const lines = (f) => fs.readFileSync(path.join(dir, f), 'utf8').split('\n');
const known = new Set();
const knownKid = new Map(); /* curated name (lower case) -> KID */
const slugs = new Set();
const kidOf = (id) => id.toLowerCase().replace(/^lb:/, 'lb').replace(/[^a-z0-9]/g, '');

const rules = [];
for (const l of lines('actors/variants.txt')) {
  if (!l || l[0] === '#') continue;
  const [re, to] = l.split('\t');
  rules.push([new RegExp(re, 'u'), to]);
}
function variants(n) {
  const s = new Set([n]);
  for (let pass = 0; pass < 2; pass++)
    for (const v of [...s]) for (const [re, to] of rules) if (re.test(v)) s.add(v.replace(re, to));
  return s;
}

for (const l of lines('actors/actors.txt')) {
  if (!l || l[0] === '#') continue;
  const f = l.split('\t');
  if (f.length < 7) {
    console.error('data/actors/actors.txt: bad line: ' + l);
    process.exit(1);
  }
  const [id, type, actor, country, name, offices, names] = f;
  const kid = kidOf(id);
  if (id.startsWith("lb:")) slugs.add(id.slice(3));
  emit('entdef', kid, id, type, actor, country === '-' ? '' : country, name, '', '', '', '', '', '', 'lex:actors');
  if (offices !== '-')
    for (const o of offices.split(',')) {
      const m = o.match(/^(.+)@(\d{4}-\d{2}-\d{2})?\.\.(\d{4}-\d{2}-\d{2})?$/);
      if (!m) {
        console.error('data/actors/actors.txt: bad office "' + o + '" for ' + id);
        process.exit(1);
      }
      emit('office', m[1], kid, m[2] || '', m[3] || '');
    }
  for (let n of names.split('|')) {
    const surname = n[0] === '~';
    if (surname) n = n.slice(1);
    for (const v of variants(n)) {
      if (!ok(v)) continue;
      known.add(v.toLowerCase());
      knownKid.set(v.toLowerCase(), kid);
      emit('ent', v, kid, '', surname ? 'surname' : 'name', 'lex:actors');
    }
    if (!nv) continue;
    const cc = CC2[country] || '';
    /* a Russian's name in Ukrainian ("Володимир Путін") is no spelling of
       his name that a reader meets */
    const foreign = cc === 'RU' && /[іїєґІЇЄҐ]/.test(n);
    /* German names keep their umlauts or write ae/oe/ue: "Europaische" is
       no spelling */
    const german = /[äöüÄÖÜ]/.test(n);
    /* a Ukrainian's name in Russian ("Владимир Зеленский") is romanised as
       Russian; the German/English letter tables are for places (the
       curated list has the German and English spellings of people) */
    const rcc = cc === 'UA' && !/[іїєґІЇЄҐ]/.test(n) ? 'RU' : cc;
    const more = [...nv.spellings(n, german).filter(([, src]) => !(german && src.startsWith('rule:ascii'))),
                  ...(foreign ? [] : nv.romanise(n, rcc))];
    for (const [v, src] of more) {
      if (known.has(v.toLowerCase())) continue;
      known.add(v.toLowerCase());
      knownKid.set(v.toLowerCase(), kid);
      emit('ent', v, kid, '', surname ? 'surname' : 'name', src);
    }
  }
}

/* PETRARCH2 actor dictionaries */
let fileno = 0;
/* What a parenthesised part of a PETRARCH2 name may be besides an acronym:
   a country or place the group is named after ("PEOPLE'S_REVOLUTIONARY_ARMY_
   (COLOMBIA)_", "KOREA_(SOUTH)_"), which must not become a name of its own
   ("Colombia" was the People's Revolutionary Army): the names of the country
   file's blocks with a bare country code, and the dictionaries' lower-case
   words */
const notAcronym = new Set();
{
  let country = false;
  for (const l of lines('cameo/Phoenix.Countries.actors.txt')) {
    const head = l.replace(/#.*$/, '').replace(/\[[^\]]*\]/g, '').trim();
    if (!head || /^\s/.test(l)) continue;
    if (!head.startsWith('+')) country = /\[[A-Z]{3}\]/.test(l);
    if (country) notAcronym.add(head.replace(/^\+/, '').replace(/_+$/, '').replace(/_/g, ' '));
  }
  for (const wf of (wordsFiles || '').split(':').filter(Boolean))
    for (const w of fs.readFileSync(wf, 'utf8').split('\n'))
      if (w && !w.includes("'") && w[0] !== w[0].toUpperCase()) notAcronym.add(w.toUpperCase()); /* "south", not "Ira" */
}
function petrarch(file, type, src) {
  fileno++;
  const conv = (x) => x.replace(/_/g, " ").replace(/\s+/g, " ").trim();
  let names = [], codes = [], n = 0;
  const flush = () => {
    /* in the country file only people (CountryInfo blocks): its other blocks
       are a country's cities and institutions, left to GeoNames and the
       role phrases */
    if (type === 'PER' && !person) names = [];
    if (names.length && codes.length) {
      let code = codes.find((c) => c.includes('>')) || codes.find((c) => !/\d/.test(c)) || codes[codes.length - 1];
      code = code.replace(/[>\d-].*$/, '').trim();
      if (/^[A-Z]{3,}$/.test(code) && !(type === 'PER' && code.length === 3)) {
        const canon = names[0];
        let slug = canon.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
        if (slugs.has(slug)) slug += "-" + fileno + "-" + n;
        n++;
        slugs.add(slug);
        const kid = kidOf("lb:" + slug);
        const title = canon.toLowerCase().replace(/(^|[\s-])(\p{L})/gu, (m, a, b) => a + b.toUpperCase());
        /* a lone word of a person's name ("ALBERT") names too many people */
        const fresh = [...new Set(names)].filter((x) => x.length > 1 && !known.has(x.toLowerCase()) &&
                                                       (type !== 'PER' || x.includes(' ')));
        const curated = names.map((x) => knownKid.get(x.toLowerCase())).find(Boolean);
        /* and their other spellings: "AL-QAEDA" as "AL QAEDA", "PEET'S" as "PEETS" */
        const spell = (x) => (nv ? nv.spellings(x, false).filter(([v]) => !known.has(v.toLowerCase())) : []);
        if (curated) {
          for (const x of fresh) emit('ent', x, curated, '', 'name', src);
          for (const x of fresh) for (const [v, vs] of spell(x)) emit('ent', v, curated, '', 'name', vs);
        } else if (fresh.length) {
          emit("entdef", kid, "lb:" + slug,
               type, code, code.length >= 3 && type === 'PER' ? code.slice(0, 3) : '', title, '', '', '', '', '', '', src);
          for (const x of fresh) emit('ent', x, kid, '', 'name', src);
          for (const x of fresh) for (const [v, vs] of spell(x)) emit('ent', v, kid, '', 'name', vs);
        }
      }
    }
    names = [];
    codes = [];
    person = false;
  };
  let person = false; /* Countries file: the block is a CountryInfo person */
  for (let l of lines(file)) {
    const fromCountryInfo = /#\s*CountryInfo/.test(l);
    l = l.replace(/#.*$/, '');
    if (!l.trim()) continue;
    const cm = [...l.matchAll(/\[([^\]]*)\]/g)].map((m) => m[1].trim());
    const head = l.replace(/\[[^\]]*\]/g, '').trim();
    if (/^\s/.test(l) && !head) {
      codes.push(...cm);
      continue;
    }
    /* "IRISH_REPUBLICAN_ARMY_(IRA)_": the name and its acronym, each a
       name of its own (the acronym of three letters or more) */
    const push = (x) => {
      const m = x.match(/^(.*?)\s*\(([A-Z0-9][A-Z0-9-]{2,})\)\s*$/);
      /* a common word is still an acronym when it spells the name's
         initials ("MORO_ISLAMIC_LIBERATION_FRONT_(MILF)") */
      const initials = (name, acro) => {
        const ini = name.split(/[\s-]+/).filter(Boolean).map((w) => w[0]);
        let i = 0;
        for (const ch of acro.replace(/[^A-Z]/g, '')) {
          while (i < ini.length && ini[i] !== ch) i++;
          if (i++ >= ini.length) return false;
        }
        return ini.length > 0 && ini[0] === acro[0];
      };
      if (m && (m[2].length > 6 || (notAcronym.has(m[2]) && !initials(m[1], m[2])))) {
        if (m[1]) names.push(m[1]);
      } else if (m) {
        if (m[1]) names.push(m[1]);
        names.push(m[2]);
      } else names.push(x);
    };
    if (head.startsWith('+')) {
      push(conv(head.slice(1)));
    } else if (head) {
      if (codes.length) flush();
      person = person || fromCountryInfo;
      push(conv(head));
    }
    codes.push(...cm);
  }
  flush();
}
/* the international and non-state files first: their people hold open-ended
   roles ("BAN KI-MOON [IGOUNO >20070101]"), while the country file's
   CountryInfo blocks list national offices by period, often long over
   ("BAN KI MOON [KORGOVBUS 041001-061130]"); a name's first record wins */
petrarch('cameo/Phoenix.International.actors.txt', 'ORG', 'lex:petrarch2');
petrarch('cameo/Phoenix.MilNonState.actors.txt', 'MIL', 'lex:petrarch2');
petrarch('cameo/Phoenix.Countries.actors.txt', 'PER', 'lex:petrarch2');
/* PETRARCH names are upper case with "_" for spaces */
for (let i = 0; i < out.length; i++) {
  const f = out[i].split('\t');
  if (f[0] === 'ent' && f[5] === 'lex:petrarch2') {
    f[1] = f[1].replace(/_/g, ' ').replace(/\s+/g, ' ').trim();
    if (!ok(f[1]) || f[1].length < 2) {
      out[i] = '';
      continue;
    }
    out[i] = f.join('\t');
  }
}
process.stdout.write('# Generated by tools/gen_actors.js from data/actors/ (CC0) and PETRARCH2 (MIT).\n');
process.stdout.write(out.filter(Boolean).join('\n') + '\n');
