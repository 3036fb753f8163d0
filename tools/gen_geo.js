#!/usr/bin/env node
/*
** gen_geo.js -- places and countries for the lexicon, from GeoNames (CC BY 4.0,
** data/geo/), Debian's iso-codes (LGPL-2.1+ data) and Unicode CLDR
** (unicode-cldr-core, Unicode licence): country names in de/en/ru/uk,
** admin-1 regions with German/Ukrainian/Russian names ("Oblast Kursk",
** "Курська область"), and every city with population > 15,000 with its
** alternate names.
**
**   node tools/gen_geo.js CITIES.txt DATA_DIR CLDR_DIR ISOCODES_JSON_DIR > geo.tsv
**
** Output tables (columns after the key; see data/README.md; ROLE is "place"
** for main names and "placealt" for alternate/foreign-language names):
**   entdef  KID -> ID, TYPE, ACTOR, COUNTRY3, NAME, GEONAMEID, LAT, LON,
**                  FEATURE, CC, POPULATION, SOURCE
**   ent     NAME -> KID, MENTION_ACTOR, ROLE, SOURCE      (ROLE "place")
**   country CC (alpha-2, lower) -> KID of the country
**   capital KID of a country -> KID of its capital
** KID (lexicon key of an entity) = its ID lower-cased without non-alphanumerics:
** "Q159" -> "q159", "lb:gn538555" -> "lbgn538555".
*/
'use strict';
const fs = require('fs');
const path = require('path');
const [citiesFile, dataDir, cldrDir, isoDir] = process.argv.slice(2);
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
  seen.add(k);
  emit('ent', surface, kid, '', role || 'place', src);
}
function lines(file) {
  return fs.readFileSync(file, 'utf8').split('\n').filter((l) => l && l[0] !== '#');
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
const countries = new Map(); /* cc -> {kid, iso3, ...} */
for (const l of lines(path.join(dataDir, 'geo/countryInfo.txt'))) {
  const f = l.split('\t');
  if (f.length < 17) continue;
  const cc = f[0], iso3 = f[1], gnid = f[16];
  const c = cqid.get(cc);
  const kid = c ? c.q.toLowerCase() : 'lbgn' + gnid;
  countries.set(cc, { cc, iso3, kid, id: c ? c.q : 'lb:gn' + gnid, name: f[4], gnid,
                      pop: f[7], capital: f[5], lat: c && c.lat, lon: c && c.lon });
}
const capitals = new Map(); /* cc -> city */
for (const c of cities)
  if (c.fcode === 'PPLC' && (!capitals.has(c.cc) || capitals.get(c.cc).pop < c.pop)) capitals.set(c.cc, c);
for (const c of countries.values()) {
  const cap = capitals.get(c.cc);
  const lat = c.lat || (cap ? cap.lat : '0'), lon = c.lon || (cap ? cap.lon : '0');
  emit('entdef', c.kid, c.id, 'GPE', cameo.has(c.iso3) ? c.iso3 : '', c.iso3, c.name, c.gnid,
       lat, lon, 'PCLI', c.cc, c.pop, 'lex:geonames');
  emit('country', c.cc.toLowerCase(), c.kid);
  if (cap) emit('capital', c.kid, pqid.has(cap.id) ? pqid.get(cap.id).toLowerCase() : 'lbgn' + cap.id);
  name(c.name, c.kid, 'lex:geonames');
}
/* country names from iso-codes and CLDR */
const iso = JSON.parse(fs.readFileSync(path.join(isoDir, 'iso_3166-1.json'), 'utf8'))['3166-1'];
for (const r of iso) {
  const c = countries.get(r.alpha_2);
  if (!c) continue;
  for (const k of ['name', 'official_name', 'common_name']) if (r[k]) name(r[k], c.kid, 'lex:iso-codes');
}
const unesc = (s) => s.replace(/&amp;/g, '&').replace(/&apos;/g, "'").replace(/&quot;/g, '"');
/* every CLDR locale: de/en/ru/uk first, then the others (news quotes names
   in many languages and scripts) */
const mainLangs = ['de', 'en', 'ru', 'uk'];
for (const f of fs.readdirSync(path.join(cldrDir, 'main')).sort())
  /* language locales, and the regional ones of de/en/ru/uk (de_CH: Grossbritannien) */
  if (f.endsWith('.xml') && (!f.includes('_') || MAIN4.has(f.split('_')[0])) &&
      !mainLangs.includes(f.slice(0, -4)))
    mainLangs.push(f.slice(0, -4));
for (const lang of mainLangs) {
  const x = fs.readFileSync(path.join(cldrDir, 'main', lang + '.xml'), 'utf8');
  for (const m of x.matchAll(/<territory type="([A-Z]{2})"(?: alt="(short|variant)")?>([^<]+)<\/territory>/g)) {
    const c = countries.get(m[1]);
    if (c) name(unesc(m[3]), c.kid, 'lex:cldr', MAIN4.has(lang) ? 'place' : 'placealt');
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
const kid2cc = new Map();
for (const l of lines(path.join(dataDir, 'geo/admin1CodesASCII.txt'))) {
  const [code, nm, ascii, gnid] = l.split('\t');
  if (!gnid) continue;
  const cc = code.split('.')[0];
  const c = countries.get(cc);
  const big = biggest.get(code);
  if (!big) continue;
  const kid = pqid.has(gnid) ? pqid.get(gnid).toLowerCase() : 'lbgn' + gnid;
  emit('entdef', kid, pqid.has(gnid) ? pqid.get(gnid) : 'lb:gn' + gnid, 'GPE', '', c ? c.iso3 : '',
       nm, gnid, big.lat, big.lon, 'ADM1', cc, '', 'lex:geonames');
  name(nm, kid, 'lex:geonames');
  if (ascii !== nm) name(ascii, kid, 'lex:geonames');
  const m = nm.match(SUFFIX);
  const base = m ? nm.slice(0, m.index) : nm;
  adm.set(cc + '|' + base.toLowerCase(), kid);
  kid2cc.set(kid, cc);
  if (m && /^(Oblast|Oblast'|Krai|Kray|Region|Province)$/.test(m[1])) {
    /* German and English ways of naming a Russian/Ukrainian region */
    for (const p of ['Region', 'Oblast', 'Gebiet', 'Provinz']) name(p + ' ' + base, kid, 'de:geo:region');
    name(base + ' region', kid, 'en:geo:region');
    name(base + ' Oblast', kid, 'en:geo:region');
  }
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
for (const lang of subLangs) {
  const x = fs.readFileSync(path.join(cldrDir, 'subdivisions', lang + '.xml'), 'utf8');
  for (const m of x.matchAll(/<subdivision type="([a-z0-9]+)"[^>]*>([^<]+)<\/subdivision>/g)) {
    const kid = sub.get(m[1]);
    /* a bare city-like name ("Kursk") stays the city's; keep only names that
       say they are regions, or differ from every city name */
    if (kid && !cityNames.has(m[1].slice(0, 2).toUpperCase() + "|" + unesc(m[2]).toLowerCase()))
      name(unesc(m[2]), kid, "lex:cldr", MAIN4.has(lang) ? "place" : "placealt");
  }
}

/* transliteration of Cyrillic place names (data/geo/translit.txt) */
const tr = {};
for (const l of lines(path.join(dataDir, 'geo/translit.txt'))) {
  const [scheme, cy, la] = l.split('\t');
  if (!cy) continue;
  (tr[scheme] = tr[scheme] || new Map()).set(cy, la === undefined ? '' : la);
}
const VOWEL = /[аеёиоуыэюяіїєaeiouy]/i;
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
  name(r.name, kid, 'lex:iso-codes');
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
        name(trans, kid, 'lex:iso-codes', MAIN4.has(loc) ? 'place' : 'placealt');
      }
    }
  }
}

/* cities */
for (const c of cities) {
  const kid = pqid.has(c.id) ? pqid.get(c.id).toLowerCase() : 'lbgn' + c.id;
  const co = countries.get(c.cc);
  emit('entdef', kid, pqid.has(c.id) ? pqid.get(c.id) : 'lb:gn' + c.id, 'GPE', '', co ? co.iso3 : '',
       c.name, c.id, c.lat, c.lon, c.fcode, c.cc, String(c.pop), 'lex:geonames');
  name(c.name, kid, 'lex:geonames');
  if (c.ascii !== c.name) name(c.ascii, kid, 'lex:geonames');
  /* "Frankfurt am Main", "Frankfurt (Oder)", "Halle (Saale)": also the short name */
  const short = c.name.replace(/\s+(\(.*\)|(am|an der|im|in der|ob der|upon|on|sur|am Rhein) .*)$/, "");
  if (short !== c.name && short.length > 2) name(short, kid, "lex:geonames");
  const alts = c.alt.split(',');
  /* German/English transliterations of the Cyrillic names are main names */
  for (const a of alts) {
    if (CYR_CC.has(c.cc) && /^[\u0400-\u04ff' -]+$/.test(a)) {
      const uk = c.cc === 'UA' || /[іїєґІЇЄҐ]/.test(a);
      if (uk && /[ыэъёЫЭЪЁ]/.test(a)) continue;
      for (const lang of ['de', 'en']) {
        const t = translit(a, (uk ? 'uk-' : 'ru-') + lang);
        if (t && t.length > 2) name(t, kid, 'rule:translit:' + (uk ? 'uk-' : 'ru-') + lang);
      }
    }
  }
  for (const a of alts) {
    /* drop airport codes, romanisations without capitals and names with digits */
    if (a.length < 2 || /\d/.test(a) || /^[A-Z]{2,4}$/.test(a) || /^[a-z' -]+$/.test(a)) continue;
    name(a, kid, 'lex:geonames', 'placealt');
  }
}
process.stdout.write('# Generated by tools/gen_geo.js: GeoNames (CC BY 4.0), iso-codes, Unicode CLDR.\n');
process.stdout.write(out.join('\n') + '\n');
