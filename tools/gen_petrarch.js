#!/usr/bin/env node
/*
** gen_petrarch.js -- English event patterns over the dependency tree (table
** `evpat`, docs/evpat.md), compiled from PETRARCH2's CAMEO verb dictionary.
**
**   node tools/gen_petrarch.js CAMEO.2.0.txt WORDLIST HAND.tsv UNEXPRESSED.txt > evpat_en.tsv
**
** CAMEO.2.0.txt is PETRARCH2's verb-pattern dictionary (data/cameo/, an unchanged
** copy of ../shared/data/cameo/petrarch2/; MIT, Copyright (c) 2015 Open Event Data
** Alliance, notice kept in the output's header). WORDLIST is Debian's wamerican
** (/usr/share/dict/american-english), used only to check the lemmas this tool
** derives ("TALKS" -> talk, "RESTOR" -> restore). HAND.tsv is data/en/evpat.tsv,
** our English patterns: a generated line whose key and frame a line there has
** is left out (ours replace PETRARCH2's: "take" codes nothing by itself, "ratify"
** is 057). UNEXPRESSED.txt receives every pattern (or part of one) that the tree
** patterns cannot say, with the reason; stderr has the counts by reason.
**
** The dictionary (read as PETRARCH2 reads it):
**   &NAME          synonym set, then "+MEMBER" lines (MEMBER_ = exactly this word;
**                  A_B = a phrase)
**   --- NAME [code] ---   a verb block; [---] = the block's verbs code nothing alone
**   VERB {FORMS} [code]   a verb of the block, its irregular forms, its own code;
**                  +A_B is a phrasal verb ("+CALL_OFF")
**   - PRE * POST [code]   a pattern of the block, for every verb of the block:
**                  * the verb; words after it name its object; (PREP WORDS) a
**                  prepositional phrase; {A B} a phrase; &SET a synonym set;
**                  A/B alternatives; $ the source; + the target; ^ any noun
**                  phrase; % a compound actor. [a:b] codes a for source ->
**                  target and b for target -> source; [:b] only the latter;
**                  [---] codes nothing (the pattern blocks the verb's code).
**
** What each pattern becomes (docs/evpat.md):
**   - key: the verb's lemma; a phrasal verb or a particle right after * (UP, OFF,
**     DOWN, OUT, ...) gives "lemma particle" ("set off").
**   - one word condition: the object's lemma (obj=), a word in a prepositional
**     phrase (objrel=obl:PREP;obj=), or the subject's (objrel=nsubj;obj=: "&WEAPON *").
**     A phrase {A B} or a set member A_B is one item of several words.
**     Lemmas: the word lower-cased, and its singular / base form when Debian's
**     word list has it; both are listed when they differ.
**   - target: (PREP +) -> tgt=obl:PREP;need=tgt. (PREP) alone, the only
**     condition: the phrase must be there and may hold the target,
**     objrel=obl:PREP;obj=*;tgt=obj|iobj|obl:PREP. With a word condition on the
**     object, the target is wherever PETRARCH2 finds it in the verb phrase:
**     tgt=iobj|obl|obj>nmod. Source: (PREP $) -> src=obl:PREP; a leading "+"
**     (the subject is the target) -> tgt=nsubj|nsubj:pass.
**   - an adverb before or after * ("SHARPLY *", "* BITTERLY") -> objrel=advmod;
**     "WILL *" -> objrel=aux; a noun and its own phrase ("* STATE (OF
**     EMERGENCY)") is one item "state of emergency"; "+WAGE_WAR" is "wage" with
**     obj=war.
**   - [:b] swaps source and target; [a:b] keeps a (the reverse b is reported);
**     [---] gives CODE "---": when the pattern matches, no event.
**   - (PREP ^) and a bare ^ only say "some phrase is there": left out.
**   - Not expressible (reported): two or more word conditions, words before the
**     verb other than its subject noun (WILL NOT *), compound actors (%), a
**     verb joined to another by AND/OR, unknown synonym sets, and a pattern whose
**     key and frame an earlier pattern of the same verb already has with
**     another code.
*/
'use strict';
const fs = require('fs');

function die(msg) {
  process.stderr.write('gen_petrarch: ' + msg + '\n');
  process.exit(1);
}
const [dictFile, wordFile, handFile, unexFile, recodeFile] = process.argv.slice(2);
if (!dictFile || !wordFile || !handFile || !unexFile) die('usage: gen_petrarch.js CAMEO.2.0.txt WORDLIST HAND.tsv UNEXPRESSED.txt [RECODE.tsv]');

/* key \0 frame of our own English lines: they replace PETRARCH2's */
const hand = new Set();
const handOpen = new Set(); /* keys we code without a word condition */
const recode = new Map(); /* key \0 code -> our code (table evrecode) */
{
  let table = '';
  const text = fs.readFileSync(handFile, 'utf8') + (recodeFile ? '\n' + fs.readFileSync(recodeFile, 'utf8') : '');
  text.split('\n').forEach((raw) => {
    const t = /^#table:\s*(\S+)/.exec(raw);
    if (t) table = t[1];
    if (!raw || raw[0] === '#' || (table !== 'evpat' && table !== 'evrecode')) return;
    const f = raw.split('\t');
    if (table === 'evrecode') {
      /* KEY LANG FROM TO: PETRARCH2's code FROM of the key is our TO */
      if (f[1] === 'en' && f.length >= 4) recode.set(f[0].toLowerCase() + '\0' + f[2], f[3]);
      return;
    }
    if (f[1] !== 'en' || f[3] !== 'V') return;
    hand.add(f[0].toLowerCase() + '\0' + f[4]);
    if (f[2] !== '---' && !/(^|;)obj=/.test(f[4])) handOpen.add(f[0].toLowerCase());
  });
}

/* English particles of phrasal verbs (UD compound:prt) and prepositions
** (Phoenix.prepositions.txt of PETRARCH2, the common ones). */
const PARTICLES = new Set('up down off out away back forward forth aside apart together'.split(' '));
/* particles that are more often prepositions: a particle only when no noun follows */
const WEAK_PARTICLES = new Set('over around along through'.split(' '));
const PREPS = new Set(
  ('about above across after against along amid among around as at before behind below beneath beside ' +
    'between beyond by despite during except for from in inside into near of off on onto out outside over ' +
    'past since than through throughout till to toward towards under until unto up upon via with within without')
    .split(' ')
);
/* words before the verb that are not its subject: auxiliaries, negation, adverbs */
const NOT_SUBJECT = new Set('will would not no has have had been is are was were be to also still never and or'.split(' '));
const CONJ = new Set(['and', 'or']);

/* ---- lemmas ---- */
const WORDS = new Set(fs.readFileSync(wordFile, 'utf8').split('\n').map((w) => w.trim()).filter((w) => w && w === w.toLowerCase()));
const nounLemma = require('./en_noun')(WORDS).singular; /* the singular of a noun (or the word itself) */
/* the base form of a verb the dictionary lists inflected ("DETERRING", "WORRIED") */
const formBase = new Map(); /* form -> base, from the {FORMS} of every verb line */
function verbLemma(w) {
  if (formBase.has(w)) return formBase.get(w);
  const cands = [];
  let m;
  if ((m = /^(.*)ing$/.exec(w))) cands.push(m[1], m[1] + 'e', m[1].replace(/(.)\1$/, '$1'));
  if ((m = /^(.*)ied$/.exec(w))) cands.push(m[1] + 'y');
  if ((m = /^(.*)ed$/.exec(w))) cands.push(m[1], m[1] + 'e', m[1].replace(/(.)\1$/, '$1'));
  if ((m = /^(.*)en$/.exec(w))) cands.push(m[1], m[1] + 'e');
  if (w === 'overthrew') return 'overthrow';
  if (w === 'is' || w === 'are' || w === 'was' || w === 'were') return 'be';
  if (WORDS.has(w) && !/(ing|ed)$/.test(w)) return w;
  for (const c of cands) if (c.length > 2 && WORDS.has(c)) return c;
  return w;
}
/* the lemmas a pattern word may have in the tree: lower case, and its
** singular; a TABARI stem ("RESTOR") completed to a word when "e" does it */
function wordLemmas(word) {
  const exact = word.endsWith('_');
  const w = word.replace(/_+$/, '').toLowerCase();
  const out = new Set([w]);
  if (!exact) {
    const n = nounLemma(w);
    out.add(n);
    if (!WORDS.has(w) && !WORDS.has(n) && WORDS.has(w + 'e')) out.add(w + 'e');
  }
  return [...out];
}

/* ---- read the dictionary ---- */
const text = fs.readFileSync(dictFile, 'utf8').split('\n');
const synsets = new Map();
const blocks = [];
let cur = null;
let curSet = null;
let section = '';
text.forEach((raw, i) => {
  const ln = i + 1;
  if (/^#+ *SYNONYM SETS/.test(raw)) section = 'syn';
  else if (/^#+ *VERB PATTERNS/.test(raw)) section = 'verb';
  else if (/^#+ *TRANSFORMATIONS/.test(raw)) section = 'end';
  const line = raw.replace(/#.*/, '').trim();
  if (!line || section === 'end') return;
  if (section === 'syn') {
    if (line[0] === '&') synsets.set((curSet = line.split(/\s+/)[0].replace(/_$/, '')), []);
    else if (line[0] === '+' && curSet) synsets.get(curSet).push(line.slice(1).split(/\s+/)[0]);
    return;
  }
  if (section !== 'verb') return;
  if (line.startsWith('---')) {
    const m = /^---\s+(\S+)\s+\[([^\]]*)\]/.exec(line);
    if (!m) die(`${dictFile}:${ln}: bad block header`);
    cur = { name: m[1], code: /^\d+$/.test(m[2]) ? m[2] : null, verbs: [], pats: [], line: ln };
    blocks.push(cur);
  } else if (line[0] === '-') {
    if (!cur) die(`${dictFile}:${ln}: pattern outside a block`);
    const m = /^-(.*?)\[([^\]]*)\]/.exec(line);
    if (!m) die(`${dictFile}:${ln}: pattern without [code]`);
    cur.pats.push({ text: m[1].trim(), code: m[2].trim(), line: ln });
  } else {
    if (!cur) die(`${dictFile}:${ln}: verb outside a block`);
    const m = /^(\+?[A-Z][A-Z_'-]*)\s*(\{[^}]*\})?\s*(\[[^\]]*\])?/.exec(line);
    if (!m) die(`${dictFile}:${ln}: bad verb line`);
    const forms = m[2] ? m[2].slice(1, -1).split(/[\s,]+/).filter(Boolean) : [];
    const code = m[3] && /^\[(\d+)\]$/.test(m[3]) ? m[3].slice(1, -1) : null;
    cur.verbs.push({ word: m[1], forms, code, line: ln });
    const base = m[1].replace(/^\+/, '').toLowerCase();
    for (const f of forms) formBase.set(f.replace(/^\+/, '').toLowerCase(), base);
  }
});

/* ---- unexpressed ---- */
/* scope: "pattern" (a pattern left out), "pair" (the reverse half of a pair whose
** first half is compiled), "verb" (a verb line, or what it would bring) */
const unex = [];
const reasons = new Map(); /* scope \t reason -> count */
function report(scope, reason, block, line, what) {
  const k = scope + '\t' + reason;
  reasons.set(k, (reasons.get(k) || 0) + 1);
  unex.push(`${scope}\t${reason}\t${block.name}\t${dictFile.replace(/.*\//, '')}:${line}\t${what}`);
}

/* ---- verbs: key (lemma [particle]) and own code ---- */
function verbKey(v) {
  const parts = v.word.replace(/^\+/, '').toLowerCase().split('_').filter(Boolean);
  const lemma = verbLemma(parts[0]);
  if (parts.length === 1) return { key: lemma };
  if (parts.some((p) => CONJ.has(p))) return { err: 'verb joined to another verb by and/or' };
  if (parts.length === 2 && PARTICLES.has(parts[1])) return { key: lemma + ' ' + parts[1] };
  if (parts.length === 2 && PREPS.has(parts[1])) return { key: lemma, prep: parts[1] };
  /* "+WAGE_WAR": the verb and its object noun */
  if (parts.length === 2) return { key: lemma, obj: wordLemmas(parts[1].toUpperCase()) };
  return { err: 'verb phrase of more than a verb and its particle' };
}

/* ---- patterns ---- */
/* split a pattern into elements: {t:'word', w}, {t:'pp', prep:[...], els:[...]},
** {t:'phrase', words:[...]}, {t:'$'|'+'|'^'|'%'|'*'} */
function lex(s) {
  const toks = s.replace(/([(){}])/g, ' $1 ').split(/\s+/).filter(Boolean);
  let i = 0;
  function one() {
    const t = toks[i++];
    if (t === '{') {
      const words = [];
      while (i < toks.length && toks[i] !== '}') words.push(toks[i++]);
      i++;
      return { t: 'phrase', words };
    }
    if (t === '(') {
      const els = [];
      while (i < toks.length && toks[i] !== ')') els.push(one());
      i++;
      if (!els.length || els[0].t !== 'word') return { t: 'badpp', els };
      return { t: 'pp', prep: els[0].w.split('/').map((p) => p.toLowerCase()), els: els.slice(1) };
    }
    if ('$+^%*'.includes(t) && t.length === 1) return { t };
    return { t: 'word', w: t };
  }
  const out = [];
  while (i < toks.length) out.push(one());
  return out;
}
/* the lemma items of a word or phrase element; null when a synset is unknown */
function items(el) {
  const words = el.t === 'phrase' ? el.words : [el.w];
  let acc = [[]];
  for (const w of words) {
    const alts = [];
    for (const a of w.split('/')) {
      if (a[0] === '&') {
        const set = synsets.get(a.replace(/_$/, ''));
        if (!set) return null;
        for (const mbr of set) alts.push(mbr.split('_').filter(Boolean));
      } else alts.push(a.split('_').filter(Boolean));
    }
    const next = [];
    for (const pre of acc) for (const alt of alts) next.push(pre.concat(alt));
    acc = next;
  }
  const out = new Set();
  for (const seq of acc) {
    /* modifiers keep their word; the head (the last word, or the one before the
    ** first preposition) and the last word get their singular too: "armed
    ** forces" -> "armed forces", "armed force"; "ban on imports" -> "ban on import" */
    const low = seq.map((w) => w.replace(/_+$/, '').toLowerCase());
    const pi = low.findIndex((w, i) => i > 0 && PREPS.has(w));
    const hi = pi > 0 ? pi - 1 : low.length - 1;
    const last = low.length - 1;
    for (const hl of wordLemmas(seq[hi]))
      for (const ll of hi === last ? [null] : wordLemmas(seq[last])) {
        const v = low.slice();
        v[hi] = hl;
        if (ll) v[last] = ll;
        out.add(v.join(' '));
      }
  }
  return [...out];
}

/* Compile one pattern: {key suffix (particle), frame items, code} or an error */
function compile(p) {
  const codeM = /^(\d*)(?::(\d*))?!?$/.exec(p.code);
  const nullCode = p.code === '---';
  if (!nullCode && !codeM) return { err: 'code not a CAMEO code' };
  const fwd = nullCode ? '---' : codeM[1];
  const rev = nullCode ? '' : codeM[2] || '';
  const els = lex(p.text);
  const star = els.findIndex((e) => e.t === '*');
  if (star < 0) return { err: 'no verb (*) in the pattern' };
  const pre = els.slice(0, star);
  let post = els.slice(star + 1);
  const conds = []; /* {rel, items} */
  let particle = null;
  let tgt = null;
  let src = null;
  let needTgt = false;
  let dropped = 0;
  /* before the verb: its subject noun, a "+" (the subject is the target) or "$" */
  for (const e of pre) {
    if (e.t === '$') continue;
    if (e.t === '+') {
      tgt = 'nsubj|nsubj:pass';
      continue;
    }
    if (e.t === '%') return { err: 'compound actor (%)' };
    if (pre.filter((x) => x.t === 'word' || x.t === 'phrase').length === 1 && e.t === 'word' && (/LY$/.test(e.w) || /^(WILL|WOULD)$/.test(e.w))) {
      /* "SHARPLY *": an adverb of the verb; "WILL *": its auxiliary */
      conds.push({ rel: /LY$/.test(e.w) ? 'advmod' : 'aux', items: [e.w.toLowerCase()] });
      continue;
    }
    if (e.t === 'word' && (NOT_SUBJECT.has(e.w.toLowerCase()) || /LY$/.test(e.w))) return { err: 'words before the verb that are not its subject (auxiliary, negation, adverb)' };
    if (e.t === 'word' || e.t === 'phrase') {
      if (conds.some((c) => c.rel === 'nsubj')) return { err: 'two or more words before the verb' };
      const it = items(e);
      if (!it) return { err: 'unknown synonym set' };
      conds.push({ rel: 'nsubj', items: it });
      continue;
    }
    if (e.t === 'pp') return { err: 'prepositional phrase before the verb' };
    return { err: 'words before the verb that are not its subject (auxiliary, negation, adverb)' };
  }
  /* after the verb. A parenthesis that does not open with a preposition is a
  ** noun phrase ("(THE STAKES)") or a particle and its object ("(ASIDE RIFT)"). */
  const flat = [];
  for (const e of post) {
    if (e.t === 'pp' && !e.prep.every((x) => PREPS.has(x))) {
      const ws = [e.prep.join('/')].concat(e.els.map((x) => (x.t === 'word' ? x.w : x.t === 'phrase' ? x.words.join(' ') : x.t)));
      if (ws.some((w) => /^(NO|NOT|WHETHER|[$+^%])$/.test(w))) return { err: 'parenthesis without a preposition' };
      if (PARTICLES.has(ws[0].toLowerCase())) flat.push({ t: 'word', w: ws.shift() });
      while (ws.length && /^(THE|A|AN)$/.test(ws[0])) ws.shift();
      if (ws.some((w) => PREPS.has(w.toLowerCase()))) return { err: 'parenthesis without a preposition' };
      if (ws.length) flat.push({ t: 'phrase', words: ws.join(' ').split(' ') });
    } else flat.push(e);
  }
  post = flat;
  /* a particle right after the verb, or last after its object ("* STAFF OUT") */
  const lw = (e) => (e && e.t === 'word' ? e.w.toLowerCase() : '');
  const p0 = lw(post[0]);
  if (PARTICLES.has(p0) || (WEAK_PARTICLES.has(p0) && !(post.length > 1 && (post[1].t === 'word' || post[1].t === 'phrase')))) {
    particle = p0;
    post = post.slice(1);
  } else if (post.length === 2 && PARTICLES.has(lw(post[1])) && (post[0].t === 'word' || post[0].t === 'phrase') && !PREPS.has(lw(post[0])) ) {
    particle = lw(post[1]);
    post = post.slice(0, 1);
  }
  /* a bare preposition opens a phrase of what follows it (or an empty one) */
  const norm = [];
  for (let i = 0; i < post.length; i++) {
    const e = post[i];
    if (e.t === 'word' && PREPS.has(lw(e)) && !PARTICLES.has(lw(e))) {
      if (i + 1 < post.length && post[i + 1].t !== 'pp') {
        norm.push({ t: 'pp', prep: [lw(e)], els: [post[i + 1]] });
        i++;
      } else norm.push({ t: 'pp', prep: [lw(e)], els: [] });
    } else if (e.t === 'pp' && e.els.length === 0 && i + 1 < post.length && post[i + 1].t === '+') {
      norm.push({ t: 'pp', prep: e.prep, els: [post[i + 1]] });
      i++;
    } else if ((e.t === 'word' || e.t === 'phrase') && i + 1 < post.length && post[i + 1].t === 'pp' &&
               post[i + 1].prep.length === 1 && post[i + 1].els.length &&
               post[i + 1].els.every((x) => x.t === 'word' || x.t === 'phrase')) {
      /* a noun and its own phrase: "* STATE (OF EMERGENCY)" is one item "state of emergency" */
      const ws = (e.t === 'word' ? [e.w] : e.words).concat([post[i + 1].prep[0].toUpperCase()]);
      for (const x of post[i + 1].els) ws.push(...(x.t === 'word' ? [x.w] : x.words));
      norm.push({ t: 'phrase', words: ws });
      i++;
    } else norm.push(e);
  }
  let objCond = false;
  const empty = [];
  for (const e of norm) {
    if (e.t === 'badpp') return { err: 'parenthesis without a preposition' };
    if (e.t === '%') return { err: 'compound actor (%)' };
    if (e.t === '^') {
      dropped++;
      continue;
    }
    if (e.t === '+') {
      if (!objCond) tgt = tgt || 'obj|iobj';
      continue;
    }
    if (e.t === '$') {
      if (!objCond) src = 'obj';
      else return { err: 'source after the object word' };
      continue;
    }
    if (e.t === 'word' || e.t === 'phrase') {
      if (e.t === 'word' && PREPS.has(e.w.toLowerCase())) return { err: 'preposition without its phrase' };
      if (e.t === 'word' && /^[A-Z]{4,}LY$/.test(e.w) && WORDS.has(e.w.toLowerCase().slice(0, -2))) {
        /* "* CRITICALLY": an adverb of the verb */
        conds.push({ rel: 'advmod', items: [e.w.toLowerCase()] });
        continue;
      }
      const it = items(e);
      if (!it) return { err: 'unknown synonym set' };
      conds.push({ rel: 'obj', items: it });
      objCond = true;
      continue;
    }
    if (e.t === 'pp') {
      if (e.prep.some((x) => !PREPS.has(x))) return { err: 'parenthesis without a preposition' };
      const rels = e.prep.map((x) => 'obl:' + x);
      const inner = e.els.filter((x) => x.t !== '^');
      if (inner.length < e.els.length && inner.length === 0) {
        dropped++;
        continue;
      }
      if (inner.length === 0) {
        /* "(WITH)": some phrase with this preposition; the target may be in it */
        empty.push(rels);
        continue;
      }
      if (inner.length === 1 && inner[0].t === '+') {
        tgt = (tgt && tgt !== 'obj|iobj' ? tgt + '|' : '') + rels.join('|');
        needTgt = true;
        continue;
      }
      if (inner.length === 1 && inner[0].t === '$') {
        src = rels.join('|');
        continue;
      }
      /* several words in one phrase are one noun phrase: (TO PEACE &TREATY) */
      const words = inner.filter((x) => x.t === 'word' || x.t === 'phrase');
      if (words.length !== inner.length - (inner.some((x) => x.t === '+') ? 1 : 0)) return { err: 'two or more word conditions' };
      if (words.some((x) => x.t === 'word' && (PREPS.has(x.w.toLowerCase()) || NOT_SUBJECT.has(x.w.toLowerCase())))) return { err: 'two or more word conditions' };
      const it = items({ t: 'phrase', words: [].concat(...words.map((x) => (x.t === 'phrase' ? x.words : [x.w]))) });
      if (!it) return { err: 'unknown synonym set' };
      if (inner.some((x) => x.t === '+')) {
        tgt = rels.join('|');
        needTgt = true;
      }
      if (rels.length > 1) conds.push({ rel: rels, items: it });
      else conds.push({ rel: rels[0], items: it });
      continue;
    }
    return { err: 'element the tree patterns cannot say' };
  }
  if (empty.length > 1) return { err: 'two or more word conditions' };
  if (empty.length && (conds.length || needTgt)) {
    /* beside a word condition an empty phrase only says where the target is */
    if (!tgt || tgt === 'obj|iobj') tgt = empty[0].join('|');
  } else if (empty.length) {
    conds.push({ rel: empty[0].length > 1 ? empty[0] : empty[0][0], items: ['*'] });
    tgt = 'obj|iobj|' + empty[0].join('|');
  }
  if (conds.length > 1) return { err: 'two or more word conditions' };
  return { fwd, rev, particle, conds, tgt, src, needTgt, dropped };
}

/* the frame of a compiled pattern for one objrel alternative */
function frames(c) {
  const rels = c.conds.length ? [].concat(c.conds[0].rel) : [null];
  const out = [];
  for (const rel of rels) {
    let src = c.src;
    let tgt = c.tgt;
    if (!tgt && c.conds.length && rel === 'obj') tgt = 'iobj|obl|obj>nmod';
    if (tgt === 'obj|iobj') tgt = null; /* the default */
    const reverse = c.fwd === '' && c.rev !== '';
    if (reverse) {
      /* [:b]: the target acts on the source */
      const s2 = tgt || 'obj|iobj';
      tgt = src || 'nsubj';
      src = s2;
    }
    const f = [];
    if (src) f.push('src=' + src);
    if (tgt) f.push('tgt=' + tgt);
    if (c.needTgt && !reverse) f.push('need=tgt');
    if (c.needTgt && reverse) f.push('need=src');
    if (rel && rel !== 'obj') f.push('objrel=' + rel);
    if (rel) f.push('obj=' + c.conds[0].items.join('|'));
    out.push({ frame: f.length ? f.join(';') : '-', code: reverse ? c.rev : c.fwd });
  }
  return out;
}

/* ---- emit ---- */
const lines = new Map(); /* key -> [{code, frame, source}] */
const loose = new Map(); /* what was compiled with a condition left out: reason -> count */
function loosened(reason) {
  loose.set(reason, (loose.get(reason) || 0) + 1);
}
/* add a line unless the key has one with the same frame; returns the code kept */
function emit(key, code, frame, source) {
  let arr = lines.get(key);
  if (!arr) lines.set(key, (arr = []));
  const same = arr.find((l) => l.frame === frame);
  if (same) return same;
  arr.push({ code, frame, source });
  return null;
}
const stat = { patterns: 0, compiled: 0, verbs: 0 };
for (const b of blocks) {
  const verbs = [];
  for (const v of b.verbs) {
    const k = verbKey(v);
    if (k.err) {
      report('verb', k.err, b, v.line, v.word);
      continue;
    }
    if (k.prep) {
      /* "+ASK_FOR": in UD "for" is the case of an obl, not a particle */
      if (b.verbs.some((o) => o !== v && verbKey(o).key === k.key && !verbKey(o).prep)) continue;
      loosened('verb + preposition: keyed by the verb alone');
    }
    if (k.obj) {
      /* its own code with the object; the block's patterns would be a second condition */
      const code = v.code || b.code;
      if (code) emit(k.key, code, 'tgt=iobj|obl|obj>nmod;obj=' + k.obj.join('|'), `petrarch2:${b.name}`);
      if (b.pats.length) report('verb', "verb + object noun: the block's patterns (a second condition) left out", b, v.line, v.word);
      continue;
    }
    verbs.push({ ...k, code: v.code || b.code, word: v.word, line: v.line });
  }
  for (const v of verbs) {
    if (!v.code) continue;
    const kept = emit(v.key, v.code, '-', `petrarch2:${b.name}`);
    if (kept && kept.code !== v.code) report('verb', 'the verb codes otherwise in an earlier block', b, v.line, `${v.word} [${v.code}] (kept ${kept.code} of ${kept.source})`);
    else if (!kept) stat.verbs++;
  }
  for (const p of b.pats) {
    stat.patterns++;
    const c = compile(p);
    if (c.err) {
      report('pattern', c.err, b, p.line, p.text + ' [' + p.code + ']');
      continue;
    }
    let added = 0;
    const clash = new Set();
    for (const v of verbs) {
      if (c.particle && v.key.includes(' ')) continue;
      const key = c.particle ? v.key + ' ' + c.particle : v.key;
      for (const f of frames(c)) {
        const kept = emit(key, f.code, f.frame, `petrarch2:${b.name}`);
        if (!kept) added++;
        else if (kept.code !== f.code) clash.add(kept.code);
      }
    }
    if (added) {
      stat.compiled++;
      if (c.dropped) loosened('a "^" (any phrase) left out');
      if (c.rev && c.fwd !== '')
        report('pair', c.rev === c.fwd ? 'reverse event of a symmetric pair [a:a] (one event per trigger)' : 'reverse event of a pair [a:b] (one event per trigger)', b, p.line, p.text + ' [' + p.code + ']');
    } else if (clash.size) report('pattern', 'an earlier pattern of the same verbs has the same condition with another code', b, p.line, `${p.text} [${p.code}] (kept ${[...clash].join(',')})`);
    else loosened('same as an earlier pattern');
  }
}

/* A [---] line only matters where the key codes something without a word
** condition (its default or a need= line): elsewhere it blocks nothing. */
let nblock = 0;
let nblockKept = 0;
let nhand = 0;
for (const [key, arr0] of lines) {
  const arr = arr0.filter((l) => !hand.has(key + '\0' + l.frame));
  nhand += arr0.length - arr.length;
  const open = handOpen.has(key) || arr.some((l) => l.code !== '---' && !/(^|;)obj=/.test(l.frame));
  const kept = arr.filter((l) => l.code !== '---' || open);
  nblock += arr.filter((l) => l.code === '---').length;
  nblockKept += kept.filter((l) => l.code === '---').length;
  if (kept.length) lines.set(key, kept);
  else lines.delete(key);
}

const spec = (l) => (/(^|;)(obj=|refl)/.test(l.frame) ? 0 : /need=/.test(l.frame) ? 1 : 2);
const out = [
  '# Generated by tools/gen_petrarch.js from PETRARCH2\'s verb dictionary CAMEO.2.0.txt',
  '# (github.com/openeventdata/petrarch2 @676801c, copy in data/cameo/CAMEO.2.0.txt):',
  '#   The MIT License (MIT). Copyright (c) 2015 Open Event Data Alliance.',
  '#   Permission is hereby granted, free of charge, to any person obtaining a copy of this',
  '#   software and associated documentation files (the "Software"), to deal in the Software',
  '#   without restriction ... subject to the following conditions: The above copyright notice',
  '#   and this permission notice shall be included in all copies or substantial portions of',
  '#   the Software. (Full text: data/cameo/LICENSE.)',
  '# Format: docs/evpat.md. CODE "---" is PETRARCH2\'s [---]: when the line matches, no event.',
  '# Per key: lines with a word condition first, then need= lines, then the default.',
  '#table: evpat',
];
let nlines = 0;
for (const key of [...lines.keys()].sort()) {
  const arr = lines.get(key).map((l, i) => ({ ...l, i })).sort((a, b) => spec(a) - spec(b) || a.i - b.i);
  for (const l of arr) {
    /* one arrests, detains or expels people, never a place (issue 17): the
       target of 173/174 is an actor */
    let frame = l.frame;
    const code = recode.get(key + '\0' + l.code) || l.code;
    if (/^17[34]/.test(code) && !frame.includes('tgtkind'))
      frame = frame === '-' ? 'tgtkind=actor' : frame + ';tgtkind=actor';
    /* a statement is an event only when it is addressed to or about an
       actor, as in German (data/de/evpat.tsv, root 01): "said" alone is a
       claim (the claim stage, and one statement event per speaker from the
       rverb table), not an event each time */
    if (code === '010' && frame === '-') frame = 'need=tgt;tgtkind=actor';
    out.push(`${key}\ten\t${code}\tV\t${frame}\t${l.source}`);
    nlines++;
  }
}
process.stdout.write(out.join('\n') + '\n');
const rs = [...reasons.entries()].sort((a, b) => b[1] - a[1]);
const ls = [...loose.entries()].sort((a, b) => b[1] - a[1]);
const scopeSum = (sc) => rs.filter(([k]) => k.startsWith(sc + '\t')).reduce((n, [, c]) => n + c, 0);
const group = (sc, title) =>
  `gen_petrarch: ${scopeSum(sc)} ${title}\n` +
  rs.filter(([k]) => k.startsWith(sc + '\t')).map(([k, n]) => `  ${String(n).padStart(5)}  ${k.split('\t')[1]}`).join('\n') + '\n';
fs.writeFileSync(
  unexFile,
  '# What tools/gen_petrarch.js could not express as tree patterns, one line each:\n' +
    '# scope (pattern | pair | verb), reason, verb block, dictionary line, text. Counts:\n' +
    rs.map(([k, n]) => `#   ${n}\t${k.replace('\t', ': ')}`).join('\n') +
    '\n' +
    unex.join('\n') +
    '\n'
);
process.stderr.write(
  `gen_petrarch: ${blocks.length} verb blocks, ${stat.patterns} patterns, ${stat.compiled} compiled; ` +
    `${nlines} evpat lines for ${lines.size} keys (${stat.verbs} verb defaults; ${nblockKept} of ${nblock} [---] lines kept, the others block nothing; ` +
    `${nhand} replaced by ${handFile})\n` +
    `gen_petrarch: compiled with less: ` + ls.map(([r, n]) => `${n} ${r}`).join('; ') + '\n' +
    group('pattern', `patterns not compiled (${unexFile}):`) +
    group('pair', 'pairs compiled without their reverse event:') +
    group('verb', 'verb lines not (fully) compiled:')
);
