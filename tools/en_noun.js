/*
** en_noun.js -- English noun number for the PETRARCH2 compilers
** (tools/gen_petrarch.js, tools/gen_agents.js).
**
**   const noun = require('./en_noun')(WORDS);   // WORDS: Set of lower-case words
**   noun.singular('authorities')  -> 'authority'
**   noun.plural('militiaman')     -> 'militiamen'
**
** WORDS is Debian's wamerican word list (/usr/share/dict/american-english),
** read by the caller: a singular is taken only when the list has it.
*/
'use strict';

const NOUN_IRREG = { men: 'man', women: 'woman', children: 'child', people: 'people', police: 'police', knives: 'knife', lives: 'life', feet: 'foot', teeth: 'tooth', mice: 'mouse', analyses: 'analysis', crises: 'crisis', bases: 'base', headquarters: 'headquarters', news: 'news', series: 'series', species: 'species', means: 'means', arms: 'arms', politics: 'politics', hostilities: 'hostility', servicemen: 'serviceman', infantrymen: 'infantryman', gunmen: 'gunman', policemen: 'policeman', militiamen: 'militiaman' };
/* words in -man that are no compounds of "man": plural in -s */
const MAN_S = new Set(['human', 'german', 'roman', 'shaman', 'talisman', 'caiman', 'ottoman', 'walkman', 'cayman', 'dolman']);

module.exports = function (WORDS) {
  /* the singular of a noun (or the word itself) */
  function singular(w) {
    if (NOUN_IRREG[w]) return NOUN_IRREG[w];
    if (!/s$/.test(w) || /(ss|us|is)$/.test(w)) return w;
    const cands = [];
    if (/ies$/.test(w)) cands.push(w.slice(0, -3) + 'y');
    if (/(ch|sh|x|z|ss|s)es$/.test(w)) cands.push(w.slice(0, -2));
    if (/ves$/.test(w)) cands.push(w.slice(0, -3) + 'f', w.slice(0, -3) + 'fe');
    cands.push(w.slice(0, -1));
    for (const c of cands) if (WORDS.has(c)) return c;
    return w;
  }
  /* the regular plural of a singular noun: compounds of man, woman, person
  ** and child as their base word ("gunman" -> "gunmen", "spokesperson" ->
  ** "spokespeople"); -y after a consonant -> -ies; -s, -x, -z, -ch, -sh -> -es
  ** (-chs when WORDS has it: "monarchs") */
  function plural(w) {
    let m;
    if ((m = /^(.*)man$/.exec(w)) && !MAN_S.has(w)) return m[1] + 'men';
    if ((m = /^(.*)person$/.exec(w))) return m[1] + 'people';
    if ((m = /^(.*)child$/.exec(w))) return m[1] + 'children';
    if (/[^aeiou]y$/.test(w)) return w.slice(0, -1) + 'ies';
    if (/ch$/.test(w) && WORDS.has(w + 's')) return w + 's'; /* "monarchs" */
    if (/(s|x|z|ch|sh)$/.test(w)) return w + 'es';
    return w + 's';
  }
  return { singular, plural };
};
