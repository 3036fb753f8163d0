// api.test.js -- the JSON API of `lagebild serve` over the seed store, and
// hostile requests. Run by tests/suite_web.sh with LB_URL (the server) and
// LB_DB (the store file). Expected values come from the seed's contract
// (/work/shared/seed/FACTS.md): data/sample/kursk-2024-11.de.txt read with
// published 2024-11-11.
'use strict';
const net = require('net');
const { test, run, assert } = require('./harness');

const BASE = process.env.LB_URL;
const url = new URL(BASE);
const SEED = 'kursk-2024-11';

async function get(path) {
  const r = await fetch(BASE.replace(/\/$/, '') + path);
  const text = await r.text();
  let json = null;
  try { json = JSON.parse(text); } catch (e) { /* not JSON */ }
  return { status: r.status, json, text, headers: r.headers };
}

// A raw HTTP exchange (for requests fetch would refuse or normalise).
function raw(data, { waitMs = 5000 } = {}) {
  return new Promise((resolve) => {
    const s = net.connect(Number(url.port), url.hostname);
    let out = '';
    const done = () => { clearTimeout(t); s.destroy(); resolve(out); };
    const t = setTimeout(done, waitMs);
    s.on('data', (d) => { out += d.toString('latin1'); });
    s.on('end', done);
    s.on('error', done);
    s.on('connect', () => s.write(data));
  });
}
const statusOf = (resp) => { const m = /^HTTP\/1\.[01] (\d{3})/.exec(resp); return m ? Number(m[1]) : 0; };
const near = (a, b, lat, lon, tol) => Math.abs(a - lat) <= tol && Math.abs(b - lon) <= tol;

let before = null;

test('stats: the seed store has the seed document', async () => {
  const r = await get('/api/stats');
  assert.strictEqual(r.status, 200);
  assert.ok(r.json.documents >= 1, JSON.stringify(r.json));
  before = r.json;
});

test('events for actor RUS: the build-up near Kursk (154 RUSMIL -> UKRMIL)', async () => {
  const r = await get('/api/events?actor=RUS&limit=1000');
  assert.strictEqual(r.status, 200, r.text);
  const items = r.json.items;
  assert.ok(items.length > 0, 'no events for actor RUS');
  for (const e of items) assert.ok(/^RUS/.test(e.source || '') || /^RUS/.test(e.target || ''), `event ${e.event} is not RUS: ${e.source}->${e.target}`);
  const b = items.find((e) => e.code === '154' && e.doc_id === SEED);
  assert.ok(b, 'no CAMEO 154 event: ' + items.map((e) => `${e.code} ${e.source}->${e.target}`).join(', '));
  assert.strictEqual(b.source, 'RUSMIL');
  assert.strictEqual(b.root, '15');
  assert.strictEqual(b.quad_class, 4);
  assert.ok(typeof b.lat === 'number' && near(b.lat, b.lon, 51.7, 36.2, 1.0), `154 is not placed at Kursk: ${b.lat},${b.lon}`);
  // FACTS.md: UKRMIL 192 (occupy) RUS at Kursk since August; UKR 195 RUS at Moscow
  const occ = items.find((e) => e.code === '192' && e.source === 'UKRMIL' && e.target === 'RUS');
  assert.ok(occ && near(occ.lat, occ.lon, 51.7, 36.2, 1.0), 'no UKRMIL 192 RUS at Kursk');
  assert.strictEqual(occ.date, '2024-08');
  const mos = items.find((e) => e.code === '195' && e.source === 'UKR' && e.target === 'RUS');
  assert.ok(mos && near(mos.lat, mos.lon, 55.75, 37.62, 0.5), 'no UKR 195 RUS at Moscow');
});

test('events filtered by code 195: drones on and from Moscow, none other', async () => {
  const r = await get('/api/events?code=195');
  assert.strictEqual(r.status, 200, r.text);
  assert.ok(r.json.items.length >= 1, 'no 195 events');
  for (const e of r.json.items) assert.strictEqual(e.code, '195');
  assert.ok(r.json.items.some((e) => typeof e.lat === 'number' && near(e.lat, e.lon, 55.75, 37.62, 0.5)),
    'no 195 event at Moscow: ' + r.json.items.map((e) => `${e.place_name}@${e.lat},${e.lon}`).join(' '));
});

test('events: filters combine and paging works', async () => {
  const all = (await get('/api/events?doc=' + SEED + '&limit=1000')).json.items;
  assert.ok(all.length >= 2, `seed has ${all.length} events`);
  const p1 = await get('/api/events?doc=' + SEED + '&limit=1&offset=1');
  assert.strictEqual(p1.json.items.length, 1);
  assert.strictEqual(p1.json.items[0].event, all[1].event);
  assert.strictEqual(p1.json.more, all.length > 2);
  const q4 = (await get('/api/events?doc=' + SEED + '&quad=4&limit=1000')).json.items;
  assert.deepStrictEqual(q4.map((e) => e.event), all.filter((e) => e.quad_class === 4).map((e) => e.event));
  const none = await get('/api/events?doc=no-such-doc');
  assert.strictEqual(none.json.items.length, 0);
  const bbox = (await get('/api/events?bbox=35,51,38,53&limit=1000')).json.items; // around Kursk
  for (const e of bbox) assert.ok(e.lat >= 51 && e.lat <= 53 && e.lon >= 35 && e.lon <= 38, `${e.lat},${e.lon} outside bbox`);
  const dated = (await get('/api/events?from=2024-11-01&to=2024-11-30&limit=1000')).json.items;
  for (const e of dated) assert.ok(e.day_from <= 20241130 && (e.day_to || e.day_from) >= 20241101, `day ${e.day_from} outside`);
  // place: by name as in `lagebild query --place` ("Kursk" matches "Kursk Oblast"; "Moskau" as written)
  const kursk = (await get('/api/events?place=Kursk&limit=1000')).json.items;
  assert.ok(kursk.some((e) => e.code === '154') && kursk.some((e) => e.code === '192'), 'place=Kursk: ' + kursk.map((e) => e.code));
  for (const e of kursk) assert.ok(near(e.lat, e.lon, 51.7, 36.2, 1.0), `place=Kursk gave ${e.place_name}`);
  // issue 22: the place is matched literally, "%" is no LIKE wildcard (it
  // matched every place with a space in its name)
  for (const w of ['%25', '_', 'Kurs_', '%25Oblast', 'K%25', '%5C%25']) {
    const r = await get('/api/events?place=' + w);
    assert.strictEqual(r.status, 200, `place=${w}`);
    assert.strictEqual(r.json.items.length, 0, `place=${w} matched ${r.json.items.map((e) => e.place_name)}`);
    assert.strictEqual((await get('/api/incidents?place=' + w)).json.items.length, 0, `incidents place=${w}`);
  }
  const oblast = (await get('/api/events?place=kursk%20oblast&limit=1000')).json.items;
  assert.ok(oblast.length > 0 && oblast.every((e) => e.place_name === 'Kursk Oblast'), 'place=kursk oblast');
  const moskau = (await get('/api/events?place=Moskau')).json.items;
  assert.ok(moskau.some((e) => e.code === '195' && e.place_name === 'Moscow'), 'place=Moskau');
  // "Quadratmeilen" is in the seed only, "Drohnen" also in the drone report
  const words = (await get('/api/events?text=Drohnen%20Quadratmeilen&limit=1000')).json.items;
  assert.ok(words.every((e) => e.doc_id === SEED) && words.length === all.length, 'full-text filter');
});

test('claims of Q3874799 (Zelensky): enthüllen, berichten, hinweisen (FACTS.md claims 1, 3, 4)', async () => {
  const r = await get('/api/claims?entity=Q3874799&doc=' + SEED);
  assert.strictEqual(r.status, 200, r.text);
  const items = r.json.items;
  for (const c of items) assert.strictEqual(c.speaker, 'Q3874799');
  assert.deepStrictEqual(items.map((c) => c.verb), ['enthüllen', 'berichten', 'hinweisen']);
  const first = items[0];
  assert.strictEqual(first.sentence, 0);
  assert.deepStrictEqual([first.start, first.end], [106, 309]); // the dass-clause (OUTPUT.md)
  assert.ok(/Selenskyj|Zelensky/.test(first.speaker_name), first.speaker_name);
  assert.strictEqual(first.doc_id, SEED);
  // what Zelensky reported about 11,000 North Korean soldiers is in claim 2 of the three
  const text = (await get('/api/documents/' + SEED)).json.document.text;
  const b = Buffer.from(text);
  assert.match(b.subarray(items[1].start, items[1].end).toString(), /über 11\.000 nordkoreanische Soldaten/);
});

test('entities: Zelensky is one entity with actor UKRGOV', async () => {
  const r = await get('/api/entities?entity=Q3874799');
  assert.strictEqual(r.status, 200, r.text);
  assert.strictEqual(r.json.items.length, 1);
  assert.strictEqual(r.json.items[0].actor, 'UKRGOV');
  assert.ok(r.json.items[0].mentions >= 2, `mentions ${r.json.items[0].mentions}`);
  const kursk = (await get('/api/entities?bbox=35,51,37.5,52.5&limit=1000')).json.items;
  assert.ok(kursk.some((e) => [538555, 538560].includes(e.geonameid)), 'Kursk (GeoNames 538555/538560) not among placed entities');
});

test('incidents: listed with their reports', async () => {
  const r = await get('/api/incidents?limit=1000');
  assert.strictEqual(r.status, 200, r.text);
  assert.ok(r.json.items.length >= 1, 'no incidents');
  const i = r.json.items.find((x) => x.sources.some((s) => s.doc_id === SEED));
  assert.ok(i, 'no incident reported by the seed');
  assert.ok(i.reports >= 1 && i.sources.length >= 1);
});

test('document: the text and the spans of "nahezu 50.000 Truppen" and "145 Drohnen"', async () => {
  const r = await get('/api/documents/' + SEED);
  assert.strictEqual(r.status, 200, r.text);
  const d = r.json;
  assert.strictEqual(d.document.id, SEED);
  assert.strictEqual(Buffer.byteLength(d.document.text), 4889);
  assert.strictEqual(d.sentences.length, 25);
  assert.deepStrictEqual(d.sentences[1], [311, 567]);
  const bytes = Buffer.from(d.document.text);
  for (const s of d.spans) {
    // Byte offsets and UTF-16 offsets name the same text.
    assert.strictEqual(d.document.text.slice(s.u16start, s.u16end), bytes.subarray(s.start, s.end).toString(), `${s.kind} ${s.start}`);
    assert.ok(s.rule, `${s.kind} at ${s.start} has no rule`);
  }
  const q = d.spans.find((s) => s.kind === 'quantity' && s.start === 120);
  assert.ok(q, 'no quantity at byte 120: ' + d.spans.filter((s) => s.kind === 'quantity').map((s) => `${s.start}:${s.text}`).join(' '));
  assert.strictEqual(q.end, 141);
  assert.strictEqual(bytes.subarray(120, 141).toString(), 'nahezu 50.000 Truppen');
  assert.strictEqual(q.value, 50000);
  assert.strictEqual(q.speaker, 'Q3874799');
  const dr = d.spans.find((s) => s.kind === 'quantity' && bytes.subarray(s.start, s.end).toString() === '145 Drohnen');
  assert.ok(dr, 'no quantity "145 Drohnen"');
  assert.strictEqual(dr.value, 145);
  assert.strictEqual(dr.unit, 'drones');
  const ze = d.spans.find((s) => s.kind === 'entity' && s.start === 85);
  assert.ok(ze && ze.entity === 'Q3874799' && ze.end === 104, 'no Zelensky mention at 85..104');
});

test('document: an id with "/", " ", "&", "#" (a URL) is found when percent-encoded', async () => {
  const id = 'https://example.org/news/a b?x=1&y=2#frag';
  const r = await get('/api/documents/' + encodeURIComponent(id));
  assert.strictEqual(r.status, 200, r.text);
  assert.strictEqual(r.json.document.id, id);
  assert.match(r.json.document.text, /^Dieses Dokument hat eine URL als Kennung/);
});

test('document: unknown id is a JSON 404', async () => {
  const r = await get('/api/documents/no-such-document');
  assert.strictEqual(r.status, 404);
  assert.strictEqual(r.json.error.status, 404);
});

// ---- issue 20: the API refuses what the command line refuses, newest first,
// moods, PLOVER, publication dates, numbers by source ----

test('unknown codes, roots, moods and PLOVER events are 400 with the words of `lagebild query`', async () => {
  const cases = [
    ['/api/events?actor=rus', 'actor: "rus" is no CAMEO actor code'],
    ['/api/events?actor=XYZ', 'actor: "XYZ" is no CAMEO actor code: its part "XYZ"'],
    ['/api/events?root=1', 'root: "1" is no CAMEO root code (two digits 01..20'],
    ['/api/events?code=19', 'code: "19" is a CAMEO root code, no event code: use root 19'],
    ['/api/events?code=999', 'code: "999" is no CAMEO event code'],
    ['/api/events?mood=maybe', 'mood: "maybe" is no list of moods'],
    ['/api/events?plover=ATTACK', 'plover: "ATTACK" is no PLOVER event (ACCUSE, '],
    ['/api/incidents?actor=rus', 'actor: "rus" is no CAMEO actor code'],
  ];
  for (const [path, msg] of cases) {
    const r = await get(path);
    assert.strictEqual(r.status, 400, `${path} -> ${r.status}`);
    assert.ok(r.json.error.message.startsWith(msg), `${path}: ${r.json.error.message}`);
  }
  const codes = await get('/api/codes');
  assert.ok(codes.json.plover.includes('ASSAULT') && codes.json.moods.includes('intended'), codes.text);
});

test('events: newest first; mood, plover, since/until and incident filters', async () => {
  const all = (await get('/api/events?limit=1000')).json.items;
  for (let i = 1; i < all.length; i++) assert.ok((all[i - 1].day || 0) >= (all[i].day || 0), `order at ${i}`);
  const facts = (await get('/api/events?mood=fact&limit=1000')).json.items;
  assert.ok(facts.length < all.length && facts.every((e) => e.mood === null), 'mood=fact');
  const modal = (await get('/api/events?mood=modal&limit=1000')).json.items;
  assert.ok(modal.length >= 1 && modal.every((e) => e.mood === 'modal'), 'mood=modal');
  const both = (await get('/api/events?mood=fact,modal&limit=1000')).json.items;
  assert.strictEqual(both.length, facts.length + modal.length);
  const assault = (await get('/api/events?plover=ASSAULT&limit=1000')).json.items;
  assert.ok(assault.length >= 1 && assault.every((e) => e.plover_event === 'ASSAULT'), 'plover=ASSAULT');
  const pub = (await get('/api/events?since=2024-11-10&until=2024-11-10&limit=1000')).json.items;
  assert.ok(pub.length >= 1 && pub.every((e) => e.reported === '2024-11-10'), 'since/until: ' + pub.map((e) => e.reported));
  // GDELT's day: the NYT's month event (2024-08) is dated on its publication day
  const aug = all.find((e) => e.date === '2024-08' && e.doc_id === 'store-nyt-2024-11-10');
  assert.ok(aug && aug.day === 20241110 && aug.day_from === 20240801, JSON.stringify(aug));
  // places carry FIPS and ADM1
  const kursk = all.find((e) => e.place_name === 'Kursk Oblast');
  assert.ok(kursk && kursk.fips === 'RS' && kursk.adm1 === 'RS41', JSON.stringify(kursk));
  const inc = kursk.incident;
  const same = (await get('/api/events?incident=' + inc)).json.items;
  assert.ok(same.length >= 2 && same.every((e) => e.incident === inc), 'incident=' + inc);
});

test('quantities and the numbers of an incident by source', async () => {
  const q = (await get('/api/quantities?unit=drones&limit=100')).json.items;
  assert.deepStrictEqual(q.map((x) => x.value).sort((a, b) => a - b), [34, 145, 145]);
  assert.ok(q.every((x) => x.doc_id && typeof x.start === 'number'), JSON.stringify(q[0]));
  const inc = (await get('/api/incidents?limit=200')).json.items;
  for (const i of inc) for (const n of i.numbers) {
    const vals = new Set(n.values.map((v) => v.value));
    assert.strictEqual(n.differ, vals.size > 1, `incident ${i.incident} ${n.unit}`);
  }
});

// ---- hostile requests: 4xx, and nothing changes ----

test('bad parameters are 400 with a JSON message', async () => {
  const bad = ['/api/events?limit=abc', '/api/events?limit=1001', '/api/events?limit=-1', '/api/events?offset=99999999',
    '/api/events?quad=5', '/api/events?actor=rus', '/api/events?code=1a', '/api/events?root=190',
    '/api/events?mood=x', '/api/events?plover=x', '/api/events?since=2024-13', '/api/events?incident=abc',
    '/api/events?from=2024-13-01', '/api/events?to=yesterday', '/api/events?bbox=1,2,3', '/api/events?bbox=0,0,0,91',
    '/api/events?nope=1', '/api/events?actor=RUS&actor=UKR', '/api/claims?code=190', '/api/documents/' + SEED + '?x=1',
    '/api/events?text=' + 'w%20'.repeat(40), '/api/events?text=' + 'x'.repeat(600)];
  for (const b of bad) {
    const r = await get(b);
    assert.strictEqual(r.status, 400, `${b} -> ${r.status} ${r.text.slice(0, 200)}`);
    assert.strictEqual(r.json.error.status, 400, b);
    assert.ok(r.json.error.message.length > 5, b);
  }
});

test('SQL in parameters is data, not SQL', async () => {
  const tries = ["/api/events?doc=x'%20OR%20'1'='1", '/api/events?text=%22%20OR%201%3D1%3B%20DROP%20TABLE%20events%3B--',
    "/api/events?place=Kursk'%3B%20DELETE%20FROM%20events%3B--", "/api/claims?entity=Q1'%20OR%201=1--",
    "/api/entities?name=%25'%20UNION%20SELECT%20*%20FROM%20documents--", '/api/events?text=NEAR(a%20b)%20*%20%5E',
    "/api/documents/x'%20OR%20'1'='1"];
  for (const t of tries) {
    const r = await get(t);
    assert.ok(r.status === 200 || r.status === 404, `${t} -> ${r.status}`);
    if (r.status === 200) assert.strictEqual(r.json.items.length, 0, `${t} returned rows`);
  }
  assert.strictEqual((await get('/api/events?actor=RUS%27%20OR%201%3D1--')).status, 400);
});

test('path traversal and unknown paths are 404, never a file', async () => {
  for (const p of ['/../../etc/passwd', '/..%2f..%2fetc%2fpasswd', '/%2e%2e/%2e%2e/etc/passwd', '/api/../../etc/passwd',
    '/leaflet/../../../../etc/passwd', '/etc/passwd', '/api/documents/../../etc/passwd', '//etc/passwd']) {
    const resp = await raw(`GET ${p} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    const st = statusOf(resp);
    assert.ok(st >= 400 && st < 500, `${p} -> ${st}`);
    assert.ok(!/root:.*:0:0:/.test(resp), `${p} leaked /etc/passwd`);
  }
});

test('methods other than GET/HEAD are 405', async () => {
  for (const m of ['POST', 'PUT', 'DELETE', 'PATCH']) {
    const resp = await raw(`${m} /api/events HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nConnection: close\r\n\r\nhello`);
    assert.strictEqual(statusOf(resp), 405, `${m}: ${resp.slice(0, 80)}`);
  }
});

test('huge query strings and headers are 4xx', async () => {
  const longQ = await raw(`GET /api/events?text=${'a'.repeat(100000)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
  let st = statusOf(longQ);
  assert.ok(st >= 400 && st < 500, `100 KB URL -> ${st}`);
  const longH = await raw(`GET /api/stats HTTP/1.1\r\nHost: x\r\nX-Big: ${'b'.repeat(100000)}\r\nConnection: close\r\n\r\n`);
  st = statusOf(longH);
  assert.ok(st >= 400 && st < 500, `100 KB header -> ${st}`);
  let many = 'GET /api/stats HTTP/1.1\r\nHost: x\r\n';
  for (let i = 0; i < 3000; i++) many += `X-H${i}: v\r\n`;
  st = statusOf(await raw(many + 'Connection: close\r\n\r\n'));
  assert.ok(st >= 400 && st < 500, `3000 headers -> ${st}`);
  const params = Array.from({ length: 40 }, (_, i) => `p${i}=1`).join('&');
  const r = await get('/api/events?' + params);
  assert.strictEqual(r.status, 400);
  // issue 22: ~300 parameters filled the connection's memory and it was
  // closed with no answer
  for (const n of [300, 2000]) {
    const many = await get('/api/events?' + Array.from({ length: n }, (_, i) => `p${i}=1`).join('&'));
    assert.strictEqual(many.status, 400, `${n} parameters -> ${many.status}`);
    assert.strictEqual(many.json.error.message, 'too many query parameters (at most 24)', `${n} parameters`);
  }
  const garbage = await raw('\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03garbage\r\n\r\n');
  st = statusOf(garbage);
  assert.ok(st === 0 || (st >= 400 && st < 500), `garbage -> ${st}`);
});

test('slow clients are cut off and do not block others', async () => {
  const socks = [];
  for (let i = 0; i < 40; i++) {
    const s = net.connect(Number(url.port), url.hostname);
    s.on('error', () => {});
    s.on('connect', () => s.write('GET /api/stats HTTP/1.1\r\nHost: x\r\n')); // never finished
    socks.push(s);
  }
  await new Promise((r) => setTimeout(r, 300));
  const t0 = Date.now();
  const r = await get('/api/stats');
  assert.strictEqual(r.status, 200);
  assert.ok(Date.now() - t0 < 3000, `a normal request took ${Date.now() - t0} ms beside 40 slow clients`);
  const timeout = Number(process.env.LB_TIMEOUT || 2);
  const closed = await Promise.all(socks.map((s) => new Promise((res) => {
    if (s.destroyed) return res(true);
    const t = setTimeout(() => res(false), (timeout + 4) * 1000);
    s.on('close', () => { clearTimeout(t); res(true); });
  })));
  socks.forEach((s) => s.destroy());
  assert.ok(closed.every((c) => c), `${closed.filter((c) => !c).length} slow connections still open after ${timeout + 4} s`);
});

test('responses carry a CSP and nosniff; assets are served gzip', async () => {
  const r = await get('/api/stats');
  assert.match(r.headers.get('content-security-policy') || '', /script-src 'self'/);
  assert.strictEqual(r.headers.get('x-content-type-options'), 'nosniff');
  const js = await raw('GET /app.js HTTP/1.1\r\nHost: x\r\nAccept-Encoding: gzip\r\nConnection: close\r\n\r\n');
  assert.strictEqual(statusOf(js), 200);
  assert.match(js, /Content-Encoding: gzip/i);
  const world = await get('/world.json');
  assert.strictEqual(world.status, 200);
  assert.ok(world.json.features.length > 200, 'world outlines');
  assert.ok(world.json.features.some((f) => f.properties.name === 'Russia'));
});

test('nothing changed: same counts after all hostile requests', async () => {
  const r = await get('/api/stats');
  assert.deepStrictEqual(r.json, before);
});

run('api').then((f) => process.exit(f ? 1 : 0));
