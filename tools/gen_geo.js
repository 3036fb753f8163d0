#!/usr/bin/env node
/*
** gen_geo.js -- places and countries for the lexicon, from GeoNames (CC BY 4.0,
** data/geo/), Debian's iso-codes (LGPL-2.1+ data) and Unicode CLDR
** (unicode-cldr-core, Unicode licence): country names in de/en/ru/uk,
** admin-1 regions with German/Ukrainian/Russian names ("Oblast Kursk",
** "Курська область"), and every city with population > 15,000 with its
** alternate names.
**
**   node tools/gen_geo.js CITIES.txt DATA_DIR CLDR_DIR ISOCODES_JSON_DIR [MORPH.tsv [WORDS[:WORDS...] [ACTORS.tsv]]] > geo.tsv
**
** Besides the names in the sources, every name gets the spellings a reader
** meets by rule (tools/namevar.js: CLDR romanisations of Cyrillic, Greek,
** Georgian and Armenian names, the name without diacritics, German umlauts
** as ae/oe/ue), unless the spelling is a common word: the word forms of
** MORPH.tsv (build/gen/morph.tsv, table `form`), data/{de,en}/stopwords.tsv
** and the word lists WORDS (Debian's wamerican and wngerman).
** CLDR subdivisions that match no GeoNames admin-1 region become region
** entities of their own (id lb:iso:<ISO 3166-2 code>), and CLDR's exemplar
** cities (the city names of time zones in every locale) join GeoNames cities.
**
** Output tables (columns after the key; see data/README.md; ROLE is "place"
** for main names and "placealt" for alternate/foreign-language names):
**   entdef  KID -> ID, TYPE, ACTOR, COUNTRY3, NAME, GEONAMEID, LAT, LON,
**                  FEATURE, CC, POPULATION, SOURCE, ADM1, FIPS
**           (ADM1 as GDELT writes it: the country's FIPS 10-4 code and the
**           GeoNames admin-1 code, "RS41" for Kursk Oblast; FIPS: the
**           country's FIPS 10-4 code from countryInfo.txt, "RS" for Russia)
**   ent     NAME -> KID, MENTION_ACTOR, ROLE, SOURCE      (ROLE "place")
**   country CC (alpha-2, lower) -> KID of the country
**   capital KID of a country -> KID of its capital
** KID (lexicon key of an entity) = its ID lower-cased without non-alphanumerics:
** "Q159" -> "q159", "lb:gn538555" -> "lbgn538555".
*/
'use strict';
const fs = require('fs');
const path = require('path');
const [citiesFile, dataDir, cldrDir, isoDir, morphFile, wordsFile, actorsFile] = process.argv.slice(2);
if (!isoDir) {
  console.error('usage: gen_geo.js CITIES.txt DATA_DIR CLDR_DIR ISOCODES_JSON_DIR');
  process.exit(2);
}
const out = [];
const emit = (...f) => out.push(f.join('\t'));
const ok = (s) => typeof s === 'string' && s.trim().length > 0 && !/[\t\n\r]/.test(s);
const seen = new Set();
const MAIN4 = new Set(['de', 'en', 'ru', 'uk']); /* the languages of the news read */
/* ROLE "place": a main name (GeoNames name, de/en/ru/uk names, rule-made
   forms); "placealt": an alternate or foreign-language name, which the entity
   stage accepts alone only in the context of the place's country. */
function name(surface, kid, src, role) {
  if (!ok(surface)) return;
  surface = surface.trim();
  if ([...surface].length < 2) return;
  const k = surface.toLowerCase() + '\0' + kid;
  if (seen.has(k)) return;
  /* a region made from CLDR alone named like a city of its country
     ("Livorno", "Kecskemet"): the name stays the city's */
  if (kid.startsWith('lbiso') && cityNames.has(kid2cc.get(kid) + '|' + surface.toLowerCase())) return;
  seen.add(k);
  emit('ent', surface, kid, '', role || 'place', src);
}
function lines(file) {
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l && l[0] !== '#');
}

/* common words: a rule-made spelling equal to one is dropped, and a name of
   the new sources (regions, exemplar cities) equal to one is no main name */
const common = new Set();
for (const f of ['de/stopwords.tsv', 'en/stopwords.tsv'])
  for (const l of lines(path.join(dataDir, f))) common.add(l.split('\t')[0].toLowerCase());
if (morphFile)
  for (const l of fs.readFileSync(morphFile, 'utf8').split('\n'))
    if (l && l[0] !== '#') common.add(l.slice(0, l.indexOf('\t')).toLowerCase());
/* word lists (':'-separated): every word, lower-cased -- also the names in
   them ("Elbe", "Helena"), which a rule must not make for another place */
for (const wf of (wordsFile || '').split(':').filter(Boolean))
  for (const w of fs.readFileSync(wf, 'utf8').split('\n')) if (w && !w.includes("'")) common.add(w.toLowerCase());
const nv = require('./namevar')(cldrDir, common, path.join(dataDir, 'geo/translit.txt'));
/* the words of people's names (ACTORS.tsv, tools/gen_actors.js): a region
   made from CLDR alone is not named by one of them ("Lukas" for Luqa) */
const personWords = require('./namevar').personWords(actorsFile);
/* the countries whose own script is the one romanised: there a romanised
   name is a main name ("Kharkiv"), elsewhere an alternate ("Parizh") */
const NATIVE = { RU: 'Cyrillic', UA: 'Cyrillic', BY: 'Cyrillic', BG: 'Cyrillic', RS: 'Cyrillic',
                 ME: 'Cyrillic', BA: 'Cyrillic', MK: 'Cyrillic', KZ: 'Cyrillic', KG: 'Cyrillic',
                 MN: 'Cyrillic', UZ: 'Cyrillic', GR: 'Greek', CY: 'Greek', GE: 'Georgian', AM: 'Armenian' };
const native = (s, cc) => NATIVE[cc] && new RegExp('\\p{Script=' + NATIVE[cc] + '}', 'u').test(s);
const GERMAN = new Set(['DE', 'AT', 'CH', 'LI', 'LU']);
/* The role of a name of a region entity made from CLDR alone (lb:iso:):
   none for a short name or a word ("Süd", "Pul": a German reader meets them
   as words), else a main name in de/en/ru/uk. Other entities: as before. */
function regionRole(kid, n, main) {
  if (!kid.startsWith('lbiso')) return main ? 'place' : 'placealt';
  if ([...n].length < 4 || common.has(n.toLowerCase()) || personWords.has(n.toLowerCase())) return null;
  return main ? 'place' : 'placealt';
}
/* a name and its rule-made spellings; cc: the place's country (alpha-2) */
function names(surface, kid, src, role, cc, german) {
  if (!ok(surface)) return;
  surface = surface.trim();
  name(surface, kid, src, role);
  /* other spellings of a main or German/English name ("Sao Paulo", "Saint
     Denis"), not of every foreign exonym ("Salomonøerne", "Fu shan hsien") */
  if ((role || 'place') === 'place')
    for (const [v, s] of nv.spellings(surface, german || GERMAN.has(cc))) name(v, kid, s, role);
  const nat = native(surface, cc);
  for (const [v, s] of nv.romanise(surface, cc)) name(v, kid, s, nat ? 'place' : 'placealt');
}

/* curated QIDs */
const cqid = new Map();
for (const l of lines(path.join(dataDir, 'geo/countries.txt'))) {
  const [cc, q, lat, lon] = l.split('\t');
  cqid.set(cc, { q, lat, lon });
}
const pqid = new Map();
for (const l of lines(path.join(dataDir, 'geo/places.txt'))) {
  const [id, q] = l.split('\t');
  pqid.set(id, q);
}
const cameo = new Set();
for (const l of lines(path.join(dataDir, 'cameo/CAMEO.country.txt')).slice(1)) cameo.add(l.split('\t')[0]);

/* cities */
const cities = [];
for (const l of fs.readFileSync(citiesFile, 'utf8').split('\n')) {
  const f = l.split('\t');
  if (f.length < 19) continue;
  cities.push({ id: f[0], name: f[1], ascii: f[2], alt: f[3], lat: f[4], lon: f[5],
                fcode: f[7], cc: f[8], a1: f[10], pop: +f[14] || 0 });
}

/* countries */
/* ADM1 as GDELT writes it: FIPS country code + admin-1 code ("RS" + "41");
   GeoNames' admin-1 codes are FIPS 10-4 codes for most countries */
const adm1Of = (cc, a1) => {
  const c = countries.get(cc);
  return c && c.fips && a1 && a1 !== '00' ? c.fips + a1 : '';
};
const fipsOf = (cc) => (countries.get(cc) && countries.get(cc).fips) || '';
const countries = new Map(); /* cc -> {kid, iso3, ...} */
const kid2cc = new Map(); /* KID of a country or region -> its country (alpha-2) */
for (const l of lines(path.join(dataDir, 'geo/countryInfo.txt'))) {
  const f = l.split('\t');
  if (f.length < 17) continue;
  const cc = f[0], iso3 = f[1], gnid = f[16];
  const c = cqid.get(cc);
  const kid = c ? c.q.toLowerCase() : 'lbgn' + gnid;
  countries.set(cc, { cc, iso3, kid, id: c ? c.q : 'lb:gn' + gnid, name: f[4], gnid,
                      pop: f[7], capital: f[5], lat: c && c.lat, lon: c && c.lon, fips: f[3] });
}
const capitals = new Map(); /* cc -> city */
for (const c of cities)
  if (c.fcode === 'PPLC' && (!capitals.has(c.cc) || capitals.get(c.cc).pop < c.pop)) capitals.set(c.cc, c);
for (const c of countries.values()) {
  const cap = capitals.get(c.cc);
  const lat = c.lat || (cap ? cap.lat : '0'), lon = c.lon || (cap ? cap.lon : '0');
  emit('entdef', c.kid, c.id, 'GPE', cameo.has(c.iso3) ? c.iso3 : '', c.iso3, c.name, c.gnid,
       lat, lon, 'PCLI', c.cc, c.pop, 'lex:geonames', '', c.fips);
  emit('country', c.cc.toLowerCase(), c.kid);
  kid2cc.set(c.kid, c.cc);
  if (cap) emit('capital', c.kid, pqid.has(cap.id) ? pqid.get(cap.id).toLowerCase() : 'lbgn' + cap.id);
  names(c.name, c.kid, 'lex:geonames', 'place', c.cc);
}
/* country names from iso-codes and CLDR */
const iso = JSON.parse(fs.readFileSync(path.join(isoDir, 'iso_3166-1.json'), 'utf8'))['3166-1'];
for (const r of iso) {
  const c = countries.get(r.alpha_2);
  if (!c) continue;
  for (const k of ['name', 'official_name', 'common_name']) if (r[k]) names(r[k], c.kid, 'lex:iso-codes', 'place', c.cc);
}
const unesc = (s) => s.replace(/&amp;/g, '&').replace(/&apos;/g, "'").replace(/&quot;/g, '"');
/* every CLDR locale: de/en/ru/uk first, then the others (news quotes names
   in many languages and scripts) */
const mainLangs = ['de', 'en', 'ru', 'uk'];
for (const f of fs.readdirSync(path.join(cldrDir, 'main')).sort())
  /* every locale: the regional ones of de/en/ru/uk (de_CH: Grossbritannien)
     and the other scripts of a language (sr_Latn, zh_Hant, uz_Cyrl) */
  if (f.endsWith('.xml') && !mainLangs.includes(f.slice(0, -4)))
    mainLangs.push(f.slice(0, -4));
for (const lang of mainLangs) {
  const x = fs.readFileSync(path.join(cldrDir, 'main', lang + '.xml'), 'utf8');
  for (const m of x.matchAll(/<territory type="([A-Z]{2})"(?: alt="(short|variant)")?>([^<]+)<\/territory>/g)) {
    const c = countries.get(m[1]);
    if (c) names(unesc(m[3]), c.kid, 'lex:cldr', MAIN4.has(lang) ? 'place' : 'placealt', c.cc, lang.startsWith('de'));
  }
}

/* admin-1 regions: coordinates of their largest city (the files carry none) */
const biggest = new Map();
for (const c of cities) {
  const k = c.cc + '.' + c.a1;
  if (!biggest.has(k) || biggest.get(k).pop < c.pop) biggest.set(k, c);
}
const SUFFIX = /\s+(Oblast|Oblast'|Krai|Kray|Republic|Region|Province|Governorate|State|Prefecture|Voivodeship|County|District|Autonomous Okrug|City)$/;
const adm = new Map(); /* cc + '|' + base name lower -> kid */
for (const l of lines(path.join(dataDir, 'geo/admin1CodesASCII.txt'))) {
  const [code, nm, ascii, gnid] = l.split('\t');
  if (!gnid) continue;
  const cc = code.split('.')[0];
  const c = countries.get(cc);
  const big = biggest.get(code);
  if (!big) continue;
  const kid = pqid.has(gnid) ? pqid.get(gnid).toLowerCase() : 'lbgn' + gnid;
  emit('entdef', kid, pqid.has(gnid) ? pqid.get(gnid) : 'lb:gn' + gnid, 'GPE', '', c ? c.iso3 : '',
       nm, gnid, big.lat, big.lon, 'ADM1', cc, '', 'lex:geonames', adm1Of(cc, code.split('.')[1]),
       fipsOf(cc));
  names(nm, kid, 'lex:geonames', 'place', cc);
  if (ascii !== nm) name(ascii, kid, 'lex:geonames');
  const m = nm.match(SUFFIX);
  const base = m ? nm.slice(0, m.index) : nm;
  adm.set(cc + '|' + base.toLowerCase(), kid);
  adm.set(cc + '|' + nv.fold(base).toLowerCase(), kid); /* "Bourgogne-Franche-Comte" */
  kid2cc.set(kid, cc);
  if (m) regionForms(base, m[1], kid);
}
/* German and English ways of naming a region of a type: "Oblast Kursk",
   "Gebiet Kursk", "Kursk region"; "Provinz Idlib" (Idlib Governorate: also
   "Gouvernement Idlib"), "Präfektur Fukushima", "Woiwodschaft Podlachien" is
   left to CLDR's German names */
function regionForms(base, type, kid) {
  if (/^(Oblast|Oblast'|Krai|Kray|Region|Province)$/.test(type)) {
    for (const p of ['Region', 'Oblast', 'Gebiet', 'Provinz']) name(p + ' ' + base, kid, 'de:geo:region');
    name(base + ' region', kid, 'en:geo:region');
    name(base + ' Oblast', kid, 'en:geo:region');
    return;
  }
  const de = { Governorate: ['Gouvernement', 'Provinz'], Prefecture: ['Präfektur'], Voivodeship: ['Woiwodschaft'],
               District: ['Distrikt', 'Bezirk'], State: ['Bundesstaat'], County: [] }[type] || [];
  for (const p of de) name(p + ' ' + base, kid, 'de:geo:region');
  if (type === 'Governorate' || type === 'District') name(base + ' province', kid, 'en:geo:region');
}
const cityNames = new Set();
for (const c of cities)
  for (const a of [c.name, c.ascii, ...c.alt.split(",")]) cityNames.add(c.cc + "|" + a.toLowerCase());
/* CLDR subdivision names (de, en, ru, uk) joined to admin-1 by English name */
const sub = new Map(); /* iso code -> kid */
{
  const x = fs.readFileSync(path.join(cldrDir, 'subdivisions', 'en.xml'), 'utf8');
  for (const m of x.matchAll(/<subdivision type="([a-z]{2})([a-z0-9]+)"[^>]*>([^<]+)<\/subdivision>/g)) {
    const cc = m[1].toUpperCase();
    let base = unesc(m[3]);
    const mm = base.match(SUFFIX);
    if (mm) base = base.slice(0, mm.index);
    const kid = adm.get(cc + '|' + base.toLowerCase());
    if (kid) sub.set(m[1] + m[2], kid);
  }
}
const subLangs = ['de', 'en', 'ru', 'uk'];
for (const f of fs.readdirSync(path.join(cldrDir, 'subdivisions')).sort())
  if (f.endsWith('.xml') && !subLangs.includes(f.slice(0, -4))) subLangs.push(f.slice(0, -4));
const subNames = new Map(); /* CLDR subdivision code -> [[lang, name]] */
for (const lang of subLangs) {
  const x = fs.readFileSync(path.join(cldrDir, 'subdivisions', lang + '.xml'), 'utf8');
  for (const m of x.matchAll(/<subdivision type="([a-z0-9]+)"[^>]*>([^<]+)<\/subdivision>/g)) {
    if (!subNames.has(m[1])) subNames.set(m[1], []);
    subNames.get(m[1]).push([lang, unesc(m[2])]);
  }
}
/* The subdivisions the English join missed: joined by a name in another
   language ("Bayern"), else a region entity of their own, lb:iso:<code>
   (ISO 3166-2; ADM1 when CLDR puts it right under the country, else ADM2),
   with the coordinates of the biggest city of its name when there is one
   (no GeoNames id: the place is not in GeoNames' admin-1 file). */
const subParent = new Map();
for (const m of fs.readFileSync(path.join(cldrDir, 'supplemental', 'subdivisions.xml'), 'utf8')
  .matchAll(/<subgroup type="([A-Za-z0-9]+)"[^>]*contains="([^"]+)"/g))
  for (const c of m[2].split(/\s+/)) subParent.set(c, m[1]);
const countryByEnName = new Map([...countries.values()].map((c) => [c.name, c.kid]));
const cityByName = new Map(); /* cc|name -> the biggest city of that name */
for (const c of cities)
  for (const a of [c.name, c.ascii]) {
    const k = c.cc + '|' + a.toLowerCase();
    if (!cityByName.has(k) || cityByName.get(k).pop < c.pop) cityByName.set(k, c);
  }
for (const [code, list] of subNames) {
  if (sub.has(code)) continue;
  const cc = code.slice(0, 2).toUpperCase();
  const co = countries.get(cc);
  if (!co) continue;
  /* a subdivision that GeoNames has as a country ("Puerto Rico", US-PR) */
  const asCountry = list.find(([l]) => l === 'en') && countryByEnName.get(list.find(([l]) => l === 'en')[1]);
  if (asCountry) {
    sub.set(code, asCountry);
    continue;
  }
  let kid = null;
  for (const [, n] of list) {
    const mm = n.match(SUFFIX);
    const base = mm ? n.slice(0, mm.index) : n;
    kid = adm.get(cc + '|' + base.toLowerCase()) || adm.get(cc + '|' + nv.fold(base).toLowerCase());
    if (kid) break;
  }
  if (!kid) {
    const en = (list.find(([l]) => l === 'en') || list[0])[1];
    const mm = en.match(SUFFIX);
    const city = cityByName.get(cc + '|' + (mm ? en.slice(0, mm.index) : en).toLowerCase());
    const id = 'lb:iso:' + cc + '-' + code.slice(2).toUpperCase();
    kid = 'lbiso' + code;
    if (mm && [...en.slice(0, mm.index)].length >= 4) regionForms(en.slice(0, mm.index), mm[1], kid);
    emit('entdef', kid, id, 'GPE', '', co.iso3, en, '', city ? city.lat : '', city ? city.lon : '',
         subParent.get(code) === cc ? 'ADM1' : 'ADM2', cc, '', 'lex:cldr', '', fipsOf(cc));
    kid2cc.set(kid, cc);
  }
  sub.set(code, kid);
}
for (const [code, list] of subNames) {
  const kid = sub.get(code);
  if (!kid) continue;
  const cc = code.slice(0, 2).toUpperCase();
  for (const [lang, n] of list) {
    /* a bare city-like name ("Kursk") stays the city's; keep only names that
       say they are regions, or differ from every city name */
    if (cityNames.has(cc + '|' + n.toLowerCase())) continue;
    const role = regionRole(kid, n, MAIN4.has(lang));
    if (role) names(n, kid, 'lex:cldr', role, kid2cc.get(kid) || cc, lang.startsWith('de'));
  }
}

const CYR_CC = new Set(['RU', 'UA', 'BY']);

/* iso-codes translations (gettext .mo files of Debian's iso-codes, LGPL-2.1+)
   of country and subdivision names, in every language they have */
function readMo(file) {
  const b = fs.readFileSync(file);
  const le = b.readUInt32LE(0) === 0x950412de;
  const u32 = (o) => (le ? b.readUInt32LE(o) : b.readUInt32BE(o));
  const n = u32(8), oo = u32(12), to = u32(16), out = new Map();
  for (let i = 0; i < n; i++) {
    const ol = u32(oo + 8 * i), oof = u32(oo + 8 * i + 4);
    const tl = u32(to + 8 * i), tof = u32(to + 8 * i + 4);
    if (oof + ol > b.length || tof + tl > b.length) break;
    out.set(b.toString('utf8', oof, oof + ol), b.toString('utf8', tof, tof + tl));
  }
  return out;
}
const localeDir = path.join(isoDir, '..', '..', 'locale');
const iso2 = JSON.parse(fs.readFileSync(path.join(isoDir, 'iso_3166-2.json'), 'utf8'))['3166-2'];
const subByName = new Map(); /* iso-codes name -> kids */
for (const r of iso2) {
  const kid = sub.get(r.code.replace('-', '').toLowerCase());
  if (!kid) continue;
  const role = regionRole(kid, r.name, true);
  if (role) names(r.name, kid, 'lex:iso-codes', role, kid2cc.get(kid));
  if (!subByName.has(r.name)) subByName.set(r.name, []);
  subByName.get(r.name).push(kid);
}
const countryByName = new Map();
for (const r of iso) {
  const c = countries.get(r.alpha_2);
  if (!c) continue;
  for (const k of ['name', 'official_name', 'common_name']) if (r[k]) countryByName.set(r[k], c.kid);
}
let locales = [];
try {
  locales = fs.readdirSync(localeDir).sort();
} catch (e) {
  locales = [];
}
for (const loc of locales) {
  for (const [domain, map, single] of [['iso_3166-1', countryByName, true], ['iso_3166-2', subByName, false]]) {
    const f = path.join(localeDir, loc, 'LC_MESSAGES', domain + '.mo');
    if (!fs.existsSync(f)) continue;
    for (const [orig, trans] of readMo(f)) {
      if (!orig || !trans || trans.includes('\0')) continue;
      const k = map.get(orig);
      if (!k) continue;
      for (const kid of single ? [k] : k) {
        /* a region named like its capital city ("Moskau") stays the city's */
        if (!single && cityNames.has(kid2cc.get(kid) + '|' + trans.toLowerCase())) continue;
        const role = single ? (MAIN4.has(loc) ? 'place' : 'placealt') : regionRole(kid, trans, MAIN4.has(loc));
        if (role) names(trans, kid, 'lex:iso-codes', role, kid2cc.get(kid), loc.startsWith('de'));
      }
    }
  }
}

/* cities; a small town named like a person ("Sebastian", Florida; "Allen",
   Texas: words of the actors' names) has that name as an alternate name,
   which the entity stage accepts only in the context of its country */
for (const c of cities) {
  const kid = pqid.has(c.id) ? pqid.get(c.id).toLowerCase() : 'lbgn' + c.id;
  const co = countries.get(c.cc);
  emit('entdef', kid, pqid.has(c.id) ? pqid.get(c.id) : 'lb:gn' + c.id, 'GPE', '', co ? co.iso3 : '',
       c.name, c.id, c.lat, c.lon, c.fcode, c.cc, String(c.pop), 'lex:geonames', adm1Of(c.cc, c.a1),
       fipsOf(c.cc));
  const personLike = c.pop < 100000 && c.fcode !== 'PPLC' && c.fcode !== 'PPLA' &&
                     personWords.has(c.name.toLowerCase());
  names(c.name, kid, 'lex:geonames', personLike ? 'placealt' : 'place', c.cc);
  if (c.ascii !== c.name) name(c.ascii, kid, 'lex:geonames');
  /* "Frankfurt am Main", "Frankfurt (Oder)", "Halle (Saale)": also the short name */
  const short = c.name.replace(/\s+(\(.*\)|(am|an der|im|in der|ob der|upon|on|sur|am Rhein) .*)$/, "");
  if (short !== c.name && short.length > 2) names(short, kid, 'lex:geonames', 'place', c.cc);
  const alts = c.alt.split(',');
  /* German/English transliterations of the Cyrillic names: main names in
     RU/UA/BY, alternates in the other countries that use Cyrillic or Russian
     names ("Алматы" -> "Almaty") */
  for (const a of alts) {
    if (/^[\u0400-\u04ff' -]+$/.test(a)) {
      const home = CYR_CC.has(c.cc);
      if (!nv.WHERE.Cyrillic.has(c.cc)) continue;
      for (const [t, src] of nv.deEn(a, c.cc))
        if (home || !common.has(t.toLowerCase())) name(t, kid, src, home ? 'place' : 'placealt');
    }
  }
  for (const a of alts) {
    /* drop airport codes, romanisations without capitals and names with digits */
    if (a.length < 2 || /\d/.test(a) || /^[A-Z]{2,4}$/.test(a) || /^[a-z' -]+$/.test(a)) continue;
    names(a, kid, 'lex:geonames', 'placealt', c.cc);
  }
}
/* CLDR exemplar cities: the name of a time zone's city in every locale
   ("Europe/Kiev": "Kiew", "Kyiv", "Kijów", "Киев"). The zone's country is in
   the first two letters of its BCP 47 id (bcp47/timezone.xml: "uaiev" ->
   UA); its city is the biggest GeoNames city of that country named like the
   zone's English exemplar city or its id ("Europe/Kiev" -> "Kiev"). */
{
  const zoneCc = new Map();
  for (const m of fs.readFileSync(path.join(cldrDir, 'bcp47', 'timezone.xml'), 'utf8')
    .matchAll(/<type name="([a-z]{2})[a-z]*"[^>]*alias="([^"]+)"/g))
    for (const z of m[2].split(/\s+/)) zoneCc.set(z, m[1].toUpperCase());
  const zones = new Map(); /* zone id -> [[locale, name]] */
  const locs = fs.readdirSync(path.join(cldrDir, 'main')).filter((f) => f.endsWith('.xml')).sort();
  for (const f of locs) {
    const x = fs.readFileSync(path.join(cldrDir, 'main', f), 'utf8');
    for (const m of x.matchAll(/<zone type="([^"]+)">\s*<exemplarCity>([^<]+)<\/exemplarCity>/g)) {
      if (!zones.has(m[1])) zones.set(m[1], []);
      zones.get(m[1]).push([f.slice(0, -4), unesc(m[2])]);
    }
  }
  for (const [zone, list] of zones) {
    const cc = zoneCc.get(zone);
    if (!cc || cc === 'UN' || cc === 'UT') continue;
    const en = list.find(([l]) => l === 'en');
    const guess = [en ? en[1] : null, zone.split('/').pop().replace(/_/g, ' ')].filter(Boolean);
    let city = null;
    for (const g of guess) if ((city = cityByName.get(cc + '|' + g.toLowerCase()))) break;
    if (!city) continue;
    const kid = pqid.has(city.id) ? pqid.get(city.id).toLowerCase() : 'lbgn' + city.id;
    for (const [loc, n] of list) {
      const lang = loc.split('_')[0];
      /* a main name only in de/en/ru/uk and when it is no word ("Nord") */
      const main = MAIN4.has(lang) && !common.has(n.toLowerCase());
      names(n, kid, 'lex:cldr', main ? 'place' : 'placealt', cc, lang === 'de');
    }
  }
}
process.stdout.write('# Generated by tools/gen_geo.js: GeoNames (CC BY 4.0), iso-codes, Unicode CLDR.\n');
process.stdout.write(out.join('\n') + '\n');
