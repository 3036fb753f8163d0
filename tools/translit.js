/*
** translit.js -- romanise names with the transliteration rules of Unicode
** CLDR (common/transforms/*.xml, Unicode licence), read as data.
**
**   const { load } = require('./translit');
**   const ru = load('/usr/share/unicode/cldr/common', 'Russian-Latin-BGN');
**   ru('Харьков')  // -> "Kharʹkov"
**
** Not a full ICU transliterator: the subset the name schemes use. Supported:
** variables ($v = ...;), forward rules (→ and ↔) with a before-context, a key
** and an after-context (`[аеё] { е } $lower → ye ;`), UnicodeSets with
** properties and set difference, ? * + and groups in patterns, quoted
** literals and \u escapes, and the passes ::Null, ::NFC, ::NFD, ::NFKD.
** Skipped: backward rules, rules whose output calls a function (&Any-Upper)
** or uses a back-reference ($1), and the cursor (|), which these files only
** use to re-scan output. Contexts are matched against the input of the pass,
** not its output (ICU matches the before-context against the output): the
** BGN files put every rule that looks behind into a pass of its own
** (::Null), so the two agree for them.
**
** Each pass becomes one JavaScript regular expression, an alternation of the
** pass's rules in file order: at a position the first rule that matches
** wins, and a position no rule matches is copied, as in ICU.
*/
'use strict';
const fs = require('fs');
const path = require('path');

/* split the rule text into statements at ';' outside quotes and sets */
function statements(text) {
  const out = [];
  let cur = '', depth = 0, q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      cur += c;
      if (c === "'") q = false;
      continue;
    }
    if (c === '\\') {
      cur += c + (text[i + 1] || '');
      i++;
      continue;
    }
    if (c === "'") {
      q = true;
      cur += c;
      continue;
    }
    if (c === '#' && depth === 0) {
      while (i < text.length && text[i] !== '\n') i++;
      cur += ' ';
      continue;
    }
    if (c === '[') depth++;
    if (c === ']' && depth > 0) depth--;
    if (c === ';' && depth === 0) {
      if (cur.trim()) out.push(cur.trim());
      cur = '';
      continue;
    }
    cur += c;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

const U = (cp) => '\\u{' + cp.toString(16) + '}';
const PROPS = { arabic: 'Script=Arabic', greek: 'Script=Greek', cyrillic: 'Script=Cyrillic',
                latin: 'Script=Latin', hebrew: 'Script=Hebrew', armenian: 'Script=Armenian',
                georgian: 'Script=Georgian', uppercase: 'Uppercase', lowercase: 'Lowercase',
                letter: 'L', mark: 'M', number: 'N', alphabetic: 'Alphabetic' };
const BLOCKS = { arabic: '\\u{600}-\\u{6ff}' };

/* a property set "[:X:]" or "[:^X:]" or "\p{X}" -> regex class item */
function prop(name, neg) {
  let n = name.trim();
  let m;
  if ((m = n.match(/^block\s*=\s*(\w+)$/i))) {
    const b = BLOCKS[m[1].toLowerCase()];
    if (!b) throw new Error('unknown block ' + n);
    return neg ? '[^' + b + ']' : '[' + b + ']';
  }
  if ((m = n.match(/^(?:script|sc)\s*=\s*(\w+)$/i))) n = m[1];
  let p = PROPS[n.toLowerCase()] || n;
  try {
    new RegExp('\\p{' + p + '}', 'v');
  } catch (e) {
    p = null;
  }
  if (!p) throw new Error('unknown property ' + n);
  return (neg ? '\\P{' : '\\p{') + p + '}';
}

/* A UnicodeSet at text[i] ('['), as a regex class (v flag); returns [re, next index]. */
function uset(text, i, vars) {
  if (text.startsWith('[:', i)) {
    const e = text.indexOf(':]', i + 2);
    const body = text.slice(i + 2, e);
    return [body[0] === '^' ? prop(body.slice(1), true) : prop(body, false), e + 2];
  }
  i++; /* '[' */
  let neg = false;
  if (text[i] === '^') {
    neg = true;
    i++;
  }
  const items = []; /* class items; "--" marks a difference */
  let prevChar = null;
  while (i < text.length && text[i] !== ']') {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '[' || (c === '\\' && /[pP]/.test(text[i + 1]))) {
      let re;
      if (c === '[') [re, i] = uset(text, i, vars);
      else {
        const e = text.indexOf('}', i);
        re = prop(text.slice(i + 3, e), text[i + 1] === 'P');
        i = e + 1;
      }
      items.push(re.startsWith('[') || re.startsWith('\\') ? re : '[' + re + ']');
      prevChar = null;
      continue;
    }
    if (c === '$') {
      const m = text.slice(i).match(/^\$(\w+)/);
      const v = vars.get(m[1]);
      if (v === undefined) throw new Error('undefined $' + m[1]);
      const [re] = uset(v.trim().startsWith('[') ? v.trim() : '[' + v + ']', 0, vars);
      items.push(re);
      i += m[0].length;
      prevChar = null;
      continue;
    }
    if (c === '-') {
      /* between two sets: difference; between two characters: a range */
      if (prevChar !== null && text[i + 1] !== ']' && text[i + 1] !== '[' && text[i + 1] !== '$') {
        let j = i + 1;
        let cp;
        [cp, j] = litChar(text, j);
        items[items.length - 1] = U(prevChar) + '-' + U(cp);
        prevChar = null;
        i = j;
        continue;
      }
      items.push('--');
      i++;
      prevChar = null;
      continue;
    }
    if (c === '{') {
      /* a string member ("[{ԵՎ} և]"): the v flag's \q{...} */
      const e = text.indexOf('}', i);
      let str = '';
      for (let j = i + 1; j < e;) {
        let scp;
        [scp, j] = litChar(text, j);
        if (!/\s/.test(String.fromCodePoint(scp))) str += U(scp);
      }
      items.push('\\q{' + str + '}');
      i = e + 1;
      prevChar = null;
      continue;
    }
    let cp;
    [cp, i] = litChar(text, i);
    if (cp === null) continue;
    items.push(U(cp));
    prevChar = cp;
  }
  /* v-flag classes cannot mix union and difference at one level */
  let inner;
  const d = items.indexOf('--');
  if (d >= 0) {
    const a = items.slice(0, d), b = items.slice(d + 1).filter((x) => x !== '--');
    inner = '[' + a.join('') + ']--[' + b.join('') + ']';
  } else inner = items.join('');
  return [(neg ? '[^' : '[') + inner + ']', i + 1];
}

/* one literal code point at text[i] (escapes, quotes); returns [cp, next] */
function litChar(text, i) {
  const c = text[i];
  if (c === '\\') {
    if (text[i + 1] === 'u') return [parseInt(text.slice(i + 2, i + 6), 16), i + 6];
    if (text[i + 1] === 'x' && text[i + 2] === '{') {
      const e = text.indexOf('}', i);
      return [parseInt(text.slice(i + 3, e), 16), e + 1];
    }
    return [text.codePointAt(i + 1), i + 1 + (text.codePointAt(i + 1) > 0xffff ? 2 : 1)];
  }
  if (c === "'") {
    const e = text.indexOf("'", i + 1);
    if (e === i + 1) return ["'".codePointAt(0), i + 2];
    return [text.codePointAt(i + 1), e + 1];
  }
  const cp = text.codePointAt(i);
  return [cp, i + (cp > 0xffff ? 2 : 1)];
}

/* a pattern (context or key) -> regex source */
function pattern(text, vars) {
  let re = '';
  for (let i = 0; i < text.length;) {
    const c = text[i];
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '[') {
      let r;
      [r, i] = uset(text, i, vars);
      re += r;
      continue;
    }
    if (c === '$') {
      const m = text.slice(i).match(/^\$(\w+)/);
      if (!m) {
        re += '$';
        i++;
        continue;
      }
      const v = vars.get(m[1]);
      if (v === undefined) throw new Error('undefined $' + m[1]);
      re += '(?:' + pattern(v, vars) + ')';
      i += m[0].length;
      continue;
    }
    if (c === "'" && text[i + 1] !== "'") {
      const e = text.indexOf("'", i + 1);
      for (const ch of text.slice(i + 1, e)) re += U(ch.codePointAt(0));
      i = e + 1;
      continue;
    }
    if (c === '(') {
      re += '(?:';
      i++;
      continue;
    }
    if (')?*+'.includes(c)) {
      re += c;
      i++;
      continue;
    }
    if (c === '^') {
      re += '(?<![\\s\\S])';
      i++;
      continue;
    }
    let cp;
    [cp, i] = litChar(text, i);
    re += U(cp);
  }
  return re;
}

/* the output of a rule -> string (or null when it needs what we skip) */
function output(text, vars) {
  if (/&|\$\d/.test(text)) return null;
  let out = '';
  for (let i = 0; i < text.length;) {
    const c = text[i];
    if (/\s/.test(c) || c === '|' || c === '@') {
      i++;
      continue;
    }
    if (c === '$') {
      const m = text.slice(i).match(/^\$(\w+)/);
      const v = vars.get(m[1]);
      if (v === undefined) return null;
      const o = output(v, vars);
      if (o === null) return null;
      out += o;
      i += m[0].length;
      continue;
    }
    if (c === "'" && text[i + 1] !== "'") {
      const e = text.indexOf("'", i + 1);
      out += text.slice(i + 1, e);
      i = e + 1;
      continue;
    }
    let cp;
    [cp, i] = litChar(text, i);
    out += String.fromCodePoint(cp);
  }
  return out;
}

/* split "a { b } c" at the unquoted, unescaped braces outside sets */
function contexts(lhs) {
  const parts = [''];
  let depth = 0, q = false;
  for (let i = 0; i < lhs.length; i++) {
    const c = lhs[i];
    if (q) {
      parts[parts.length - 1] += c;
      if (c === "'") q = false;
      continue;
    }
    if (c === '\\') {
      parts[parts.length - 1] += c + lhs[i + 1];
      i++;
      continue;
    }
    if (c === "'") q = true;
    if (c === '[') depth++;
    if (c === ']') depth--;
    if ((c === '{' || c === '}') && depth === 0) {
      parts.push(c);
      parts.push('');
      continue;
    }
    parts[parts.length - 1] += c;
  }
  let before = '', key = '', after = '';
  let state = 0; /* 0: key so far, 1: after '{', 2: after '}' */
  for (const p of parts) {
    if (p === '{') {
      before = key;
      key = '';
      state = 1;
    } else if (p === '}') state = 2;
    else if (state === 2) after += p;
    else key += p;
  }
  return [before, key, after];
}

function compile(ruleText) {
  const vars = new Map();
  const passes = [];
  let rules = [];
  const flush = () => {
    if (rules.length) passes.push({ rules });
    rules = [];
  };
  for (const st of statements(ruleText)) {
    if (st.startsWith('::')) {
      const body = st.slice(2).trim();
      if (body.startsWith('[')) continue; /* a filter: the rules name their letters */
      flush();
      const fwd = body.replace(/\(.*\)/, '').trim();
      if (/^(NFC|NFD|NFKC|NFKD)$/i.test(fwd)) passes.push({ norm: fwd.toUpperCase() });
      continue;
    }
    let m = st.match(/^\$(\w+)\s*=\s*([\s\S]*)$/);
    if (m) {
      vars.set(m[1], m[2].trim());
      continue;
    }
    m = st.match(/^([\s\S]*?)(↔|→|<>|>|←|<)([\s\S]*)$/);
    if (!m || m[2] === '←' || m[2] === '<') continue;
    const [before, key, after] = contexts(m[1].trim());
    /* an output side with contexts (for the backward direction): its key */
    const out = output(contexts(m[3].trim())[1], vars);
    if (out === null || !key.trim()) continue;
    let re;
    try {
      re = (before.trim() ? '(?<=' + pattern(before, vars) + ')' : '') + '(' + pattern(key, vars) + ')' +
           (after.trim() ? '(?=' + pattern(after, vars) + ')' : '');
      new RegExp(re, 'v');
    } catch (e) {
      continue; /* syntax this subset does not read: the rule is left out */
    }
    rules.push({ re, out });
  }
  flush();
  for (const p of passes)
    if (p.rules) p.re = new RegExp(p.rules.map((r) => r.re).join('|'), 'gv');
  /* a space on either side: a word boundary context ($wordBoundary, a set
     of non-letters) then matches at the ends of the name, as in ICU */
  return (s) => {
    s = ' ' + s + ' ';
    for (const p of passes) {
      if (p.norm) s = s.normalize(p.norm);
      else
        s = s.replace(p.re, (...a) => {
          for (let k = 1; k <= p.rules.length; k++) if (a[k] !== undefined) return p.rules[k - 1].out;
          return a[0];
        });
    }
    return s.slice(1, -1).normalize('NFC');
  };
}

/* load common/transforms/NAME.xml (its first forward rule block) */
function load(cldrDir, name) {
  const x = fs.readFileSync(path.join(cldrDir, 'transforms', name + '.xml'), 'utf8');
  const m = x.match(/<tRule>([\s\S]*?)<\/tRule>/);
  if (!m) throw new Error(name + ': no tRule');
  let t = m[1];
  const cd = t.match(/<!\[CDATA\[([\s\S]*?)\]\]>/);
  if (cd) t = cd[1];
  else t = t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return compile(t);
}

module.exports = { load, compile };
