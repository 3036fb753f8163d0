#!/usr/bin/env node
/*
** gen_towns.js -- the towns and villages of GeoNames' cities500 (every
** populated place with >= 500 inhabitants, CC BY 4.0; data/geo/cities500.zip)
** that cities15000 (tools/gen_geo.js) does not have: news from a front line
** or a disaster names small towns ("Sudscha", "Chasiv Yar", "Orikhiv").
**
**   node tools/gen_towns.js CITIES500.txt CITIES15000.txt DATA_DIR CLDR_DIR WORDS[:WORDS...] LEX.tsv... > towns.tsv
**
** LEX.tsv: the other generated sources (geo, actors, morph). Only names that
** are no key there yet are added, so a village never competes with a city,
** a person, an organisation or a German word form that has the name
** already; WORDS (':'-separated word lists: Debian's wamerican and wngerman)
** and data/{de,en}/stopwords.tsv keep out English and German words and the
** names the dictionaries know ("Liberty", "Schlitz", "Helena"). Every name of
** a town has ROLE "placealt": the entity stage accepts it alone only where
** the document's countries make the town plausible (src/extract/ent.c).
** Each name also gets its rule-made spellings (tools/namevar.js) and the
** town its short name ("Neusiedl am See" -> "Neusiedl", rule:short). Left
** out as well, because they would take mentions of something else: one-word
** names shorter than 4 letters (6 for a place of unknown population, mostly
** hamlets: "BAKOM" in capitals is an acronym, not "Bakom" in Indonesia), the
** first names and surnames of the people in actors.tsv ("Mathieu",
** "Blanc"), names whose words are all common words ("Im Zentrum"), and a
** German town's name without umlauts ("Höfer" -> "Hofer" is a surname).
**
** Output (see data/README.md): entdef and ent rows, like gen_geo.js.
*/
'use strict';
const fs = require('fs');
const path = require('path');
const [c500, c15000, dataDir, cldrDir, wordsFile, ...lexFiles] = process.argv.slice(2);
if (!wordsFile) {
  console.error('usage: gen_towns.js CITIES500.txt CITIES15000.txt DATA_DIR CLDR_DIR WORDS LEX.tsv...');
  process.exit(2);
}
/* the key the lexicon compiler makes of a name, near enough: NFC, case
   folded (ß -> ss), punctuation apart from letters */
const key = (s) => s.normalize('NFC').toLowerCase().replace(/ß/g, 'ss')
  .replace(/([^\p{L}\p{M}\p{N}\s])/gu, ' $1 ').replace(/\s+/g, ' ').trim();

const taken = new Set(); /* keys of every table in the other sources */
const common = new Set(); /* word forms and function words */
function keysOf(file, into) {
  let table = '';
  for (const l of fs.readFileSync(file, 'utf8').split('\n')) {
    if (l.startsWith('#table:')) {
      table = l.slice(7).trim();
      continue;
    }
    if (!l || l[0] === '#') continue;
    const f = l.split('\t');
    const k = table ? f[0] : f[1];
    if (k) {
      into.add(key(k));
      if (table === 'form' || table === 'stop' || f[0] === 'stop') common.add(k.toLowerCase());
    }
  }
}
for (const f of lexFiles) keysOf(f, taken);
(function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) walk(p);
    else if (e.name.endsWith('.tsv')) keysOf(p, taken);
  }
})(dataDir);
/* word lists (':'-separated), every word lower-cased: a town named like a
   word or a name the dictionaries know ("Schlitz", "Helena", "Elbe") would
   be found where the text means the word or the person */
for (const wf of wordsFile.split(':').filter(Boolean))
  for (const w of fs.readFileSync(wf, 'utf8').split('\n')) if (w && !w.includes("'")) common.add(w.toLowerCase());
const nv = require('./namevar')(cldrDir, common, path.join(dataDir, 'geo/translit.txt'));
/* first names and surnames of the people in the actor lists: a one-word
   town name that is one of them ("Mathieu", "Blanc") would take the person's
   mentions */
const personWords = require('./namevar').personWords(lexFiles.find((f) => /actors\.tsv$/.test(f)));

/* a name of several words that are all common words ("Im Zentrum", "French
   City") would be found in running text */
const allCommon = (v) => /[\s-]/.test(v) && v.split(/[\s/-]+/).every((w) => !w || common.has(w.toLowerCase()));

const known = new Set();
for (const l of fs.readFileSync(c15000, 'utf8').split('\n')) known.add(l.slice(0, l.indexOf('\t')));
const iso3 = new Map(), fips = new Map();
for (const l of fs.readFileSync(path.join(dataDir, 'geo/countryInfo.txt'), 'utf8').split('\n')) {
  const f = l.split('\t');
  if (l[0] !== '#' && f.length > 3) {
    iso3.set(f[0], f[1]);
    fips.set(f[0], f[3]);
  }
}

const out = [];
const seen = new Set();
function name(surface, kid, src, minLen) {
  const k = key(surface);
  /* a short one-word name of a village is mostly something else: an acronym
     in capitals ("BAKOM" is no "Bakom", Indonesia), a surname, a word of
     another language */
  const one = !/[\s-]/.test(surface);
  if ((one && ([...surface].length < minLen || personWords.has(surface.toLowerCase()))) || taken.has(k) ||
      common.has(surface.toLowerCase()) || allCommon(surface) || seen.has(k + '\0' + kid))
    return;
  seen.add(k + '\0' + kid);
  out.push(['ent', surface, kid, '', 'placealt', src].join('\t'));
}
let towns = 0;
for (const l of fs.readFileSync(c500, 'utf8').split('\n')) {
  const f = l.split('\t');
  if (f.length < 19 || known.has(f[0]) || f[6] !== 'P') continue;
  const [id, nm, ascii, alt, lat, lon] = f;
  const cc = f[8], pop = f[14];
  const kid = 'lbgn' + id;
  const n0 = out.length;
  /* one-word names of 5 letters only for towns with a known population
     (GeoNames gives 0 for the smallest hamlets and unknown places) */
  const minLen = +pop > 0 ? 4 : 6;
  const all = [nm, ascii, ...alt.split(',')].filter((a) => a && !/[\d\t]/.test(a) && !/^[A-Z]{2,4}$/.test(a) &&
                                                  !/^[a-z' -]+$/.test(a));
  const short = nv.shortName(nm);
  if (short) name(short, kid, 'rule:short', minLen);
  for (const a of new Set(all)) {
    name(a, kid, 'lex:geonames', minLen);
    /* a town's alternate names are its local and historical names (a big
       city's are exonyms in every language, which gen_geo.js does not fold) */
    /* a German town without its umlauts is a surname more often than the
       town ("Höfer" -> "Hofer"): there only the ae/oe/ue spelling */
    const german = /^(DE|AT|CH|LI|LU)$/.test(cc);
    for (const [v, s] of nv.spellings(a, german))
      if (!(german && s.startsWith('rule:ascii') && /[äöüÄÖÜ]/.test(a))) name(v, kid, s, minLen);
    for (const [v, s] of nv.romanise(a, cc)) name(v, kid, s, minLen);
    if (nv.WHERE.Cyrillic.has(cc)) for (const [v, s] of nv.deEn(a, cc)) name(v, kid, s, minLen);
  }
  if (out.length === n0) continue; /* every name taken: the town adds nothing */
  towns++;
  /* ADM1 and FIPS as gen_geo.js writes them ("RS41", "RS") */
  const fc = fips.get(cc) || '', a1 = f[10] && f[10] !== '00' && fc ? fc + f[10] : '';
  out.push(['entdef', kid, 'lb:gn' + id, 'GPE', '', iso3.get(cc) || '', nm, id, lat, lon, f[7], cc, pop,
            'lex:geonames', a1, fc].join('\t'));
}
process.stdout.write('# Generated by tools/gen_towns.js: GeoNames cities500 (CC BY 4.0), ' + towns + ' towns.\n');
process.stdout.write(out.join('\n') + '\n');
