// page.test.js -- the page for analysis in headless Chromium (Debian's,
// through playwright-core) over the store of data/sample/reports.jsonl (the
// seed and four reports of the same days; tests/suite_web.sh). Run with
// LB_URL. Every request the page makes must go to the server itself: the
// page works offline. The tests assert what the page shows, checked against
// the API's answers for the same filters.
'use strict';
const fs = require('fs');
const { launch } = require('./browser');
const { test, run, assert } = require('./harness');

const BASE = process.env.LB_URL.replace(/\/$/, '');
const SEED = 'kursk-2024-11';
let browser, page;
const foreign = [];
const pageErrors = [];

async function apiJson(path) { return (await fetch(BASE + path)).json(); }
// What the map shows: single markers and clusters, with their counts.
async function markers() {
  return page.$$eval('path.ev-marker, .ev-cluster', (els) => els.map((e) => ({
    lat: Number(e.dataset.lat), lon: Number(e.dataset.lon), place: e.dataset.place, event: e.dataset.event,
    quad: e.dataset.quad, fill: e.getAttribute('fill'), count: Number(e.dataset.count || 1),
    cluster: e.classList.contains('ev-cluster'), events: e.dataset.events,
  })));
}
const near = (m, lat, lon, tol) => Math.abs(m.lat - lat) <= tol && Math.abs(m.lon - lon) <= tol;
async function ready(path) {
  await page.goto(BASE + (path || '/'));
  await page.waitForSelector('body[data-ready="1"]', { timeout: 20000 });
}
async function submit() {
  await page.evaluate(() => { delete document.body.dataset.loaded; });
  await page.click('#filters button[type="submit"]');
  await page.waitForFunction(() => document.body.dataset.loaded === 'events');
}
async function rows() {
  return page.$$eval('#event-table tr[data-event]', (els) => els.map((e) => ({
    event: Number(e.dataset.event), day: Number(e.dataset.day), mood: e.dataset.mood,
    actors: e.querySelector('td.actors').textContent,
  })));
}

test('the page loads offline: outlines, legend, no foreign requests, no errors', async () => {
  await ready();
  const countries = await page.$$eval('.leaflet-overlay-pane path:not(.ev-marker)', (els) => els.length);
  assert.ok(countries > 100, `only ${countries} outline paths`);
  assert.deepStrictEqual(foreign, [], 'requests to other hosts: ' + foreign.join(' '));
  assert.deepStrictEqual(pageErrors, []);
  assert.match(await page.textContent('#stats'), /\d+ documents · \d+ events/);
});

test('the map shows every placed fact for the filters: markers and clusters add up', async () => {
  await ready();
  const want = (await apiJson('/api/events?mood=fact&limit=1000')).items.filter((e) => typeof e.lat === 'number');
  assert.ok(want.length >= 4, `${want.length} placed facts`);
  const ms = await markers();
  assert.strictEqual(ms.reduce((s, m) => s + m.count, 0), want.length, JSON.stringify(ms));
  // Kursk Oblast (the August report) and Moscow (the drone night)
  assert.ok(ms.some((m) => near(m, 51.7, 36.2, 1.5)), 'nothing at Kursk: ' + JSON.stringify(ms));
  assert.ok(ms.some((m) => near(m, 55.75, 37.62, 1.0)), 'nothing at Moscow: ' + JSON.stringify(ms));
  const colours = { 1: '#2f9e44', 2: '#1c7ed6', 3: '#f08c00', 4: '#e03131' };
  for (const m of ms) if (!m.cluster && colours[m.quad]) assert.strictEqual(m.fill, colours[m.quad], `marker ${m.event}`);
  // a filter in the URL: actor UKR, every mood
  await ready('/?actor=UKR&mood=all');
  const ukr = (await apiJson('/api/events?actor=UKR&limit=1000')).items.filter((e) => typeof e.lat === 'number');
  const mu = await markers();
  assert.strictEqual(mu.reduce((s, m) => s + m.count, 0), ukr.length, `actor=UKR: ${JSON.stringify(mu)}`);
  assert.strictEqual(await page.inputValue('#filters input[name="actor"]'), 'UKR');
  assert.strictEqual(await page.inputValue('#filters select[name="mood"]'), 'all');
});

test('dense events are clustered, and split when zoomed in', async () => {
  await ready();
  await page.evaluate(() => new Promise((r) => { map.once('zoomend', r); map.setZoom(2); }));
  const far = await markers();
  // Moscow and Kursk Oblast are 450 km apart: one cluster at zoom 2
  const cl = far.find((m) => m.cluster && m.count >= 2 && near(m, 53.7, 37, 2.5));
  assert.ok(cl, 'no cluster of Moscow and Kursk at zoom 2: ' + JSON.stringify(far));
  const total = far.reduce((s, m) => s + m.count, 0);
  assert.ok(await page.isVisible('.ev-cluster span'), 'the cluster shows its count');
  await page.evaluate(() => new Promise((r) => { map.once('zoomend', r); map.setView([53, 37], 6); }));
  const close = await markers();
  assert.ok(close.length > far.length, `zoomed in: ${close.length} markers, ${far.length} before`);
  assert.strictEqual(close.reduce((s, m) => s + m.count, 0), total);
});

test('a marker links to its evidence: the document view at the event', async () => {
  await ready('/?place=Moskau');
  const ms = await markers();
  const m = ms[0];
  assert.ok(m, 'no marker for place=Moskau');
  let link = null;
  for (let i = 0; i < 3 && !link; i++) { // the map may still be moving: click again
    await page.click(m.cluster ? `.ev-cluster[data-events="${m.events}"]` : `path.ev-marker[data-event="${m.event}"]`, { force: true });
    link = await page.waitForSelector('.leaflet-popup a.evidence', { timeout: 5000 }).catch(() => null);
  }
  assert.ok(link, 'the marker opens a popup with evidence links');
  assert.strictEqual(await page.$$eval('.leaflet-popup .popup-event a.evidence', (e) => e.length), m.count);
  const href = await link.getAttribute('href');
  assert.match(href, /^#doc=[^&]+&at=\d+&kind=event$/);
  // the popup may still be moving with the map: follow the link again
  let mark = null;
  for (let i = 0; i < 3 && !mark; i++) {
    if (i === 0) await link.click();
    else await page.evaluate((h) => { location.hash = ''; location.hash = h.slice(1); }, href);
    mark = await page.waitForSelector('#doc-text mark.fact.focus', { timeout: 5000 }).catch(() => null);
  }
  assert.ok(mark, 'the evidence link opens the document at the event: ' + href);
  assert.strictEqual(await page.$eval('mark.fact.focus', (e) => e.dataset.kind), 'event');
});

test('the time axis is linear in days: its range, ticks and the gap between August and November', async () => {
  await ready('/?mood=all');
  const tl = (await apiJson('/api/timeline?limit=1000')).items;
  const first = String(tl[0].day), last = String(tl[tl.length - 1].day);
  const iso = (d) => `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6)}`;
  const ds = await page.$eval('#timeline', (e) => ({ ...e.dataset }));
  assert.strictEqual(ds.first, iso(first));
  assert.strictEqual(ds.last, iso(last));
  assert.strictEqual(ds.first, '2024-08-06'); // the August report's days
  assert.strictEqual(ds.last, '2024-11-11');  // the seed's
  assert.strictEqual(Number(ds.days), 98);
  // bars stand where their days are: 2024-11-10 is 96 days after 2024-08-06
  const x = await page.$$eval('#timeline rect.day', (els) => {
    const o = {};
    for (const e of els) o[e.dataset.day] = Number(e.getAttribute('x'));
    return o;
  });
  const per = (x['20241111'] - x['20241110']);
  assert.ok(per > 0, JSON.stringify(x));
  assert.ok(Math.abs((x['20241110'] - x['20240806']) - 96 * per) < 0.5, JSON.stringify(x));
  const ticks = await page.$$eval('#timeline text.tick', (els) => els.map((e) => e.textContent));
  assert.ok(ticks.length >= 2 && ticks[0].startsWith('2024-08'), 'ticks: ' + ticks.join(' '));
});

test('brushing the time axis filters by date: inputs, URL and the events', async () => {
  await ready('/?mood=all');
  const box = await page.$eval('#timeline', (e) => { const r = e.getBoundingClientRect(); return { x: r.x, y: r.y, w: r.width, h: r.height }; });
  const ds = await page.$eval('#timeline', (e) => JSON.parse(e.dataset.scale));
  const xOf = (y, m, d) => box.x + ds.pad + ((Date.UTC(y, m - 1, d) - ds.d0) / 86400000 + 0.5) * ds.per;
  await page.evaluate(() => { delete document.body.dataset.loaded; });
  await page.mouse.move(xOf(2024, 11, 9), box.y + 20);
  await page.mouse.down();
  await page.mouse.move(xOf(2024, 11, 10), box.y + 20, { steps: 5 });
  await page.mouse.up();
  await page.waitForFunction(() => document.body.dataset.loaded === 'events');
  assert.strictEqual(await page.inputValue('#filters input[name="from"]'), '2024-11-09');
  assert.strictEqual(await page.inputValue('#filters input[name="to"]'), '2024-11-10');
  assert.match(page.url(), /[?&]from=2024-11-09&to=2024-11-10/);
  const want = (await apiJson('/api/events?from=2024-11-09&to=2024-11-10&limit=1000')).items.map((e) => e.event);
  const got = (await rows()).map((r) => r.event);
  assert.deepStrictEqual(got, want);
  const august = (await apiJson('/api/events?mood=all&limit=1000')).items
    .filter((e) => e.day_to && e.day_to < 20241101).map((e) => e.event);
  assert.ok(august.length >= 1, 'the store has August events');
  assert.ok(got.length >= 3 && !got.some((e) => august.includes(e)), 'the August events are out: ' + got);
  await page.click('#range-clear');
  await page.waitForFunction(() => !document.querySelector('#filters input[name="from"]').value);
});

test('events newest first, each with its mood; facts by default, the mood filter', async () => {
  await ready();
  const r = await rows();
  assert.ok(r.length >= 5);
  for (let i = 1; i < r.length; i++) assert.ok(r[i - 1].day >= r[i].day, `not newest first at ${i}: ${r[i - 1].day} ${r[i].day}`);
  assert.ok(r.every((x) => x.mood === 'fact'), 'a non-fact among the default rows');
  await page.selectOption('#filters select[name="mood"]', 'modal');
  await submit();
  const modal = await rows();
  const want = (await apiJson('/api/events?mood=modal&limit=1000')).items;
  assert.ok(want.length >= 1, 'the store has modal events');
  assert.deepStrictEqual(modal.map((x) => x.event), want.map((e) => e.event));
  assert.ok(modal.every((x) => x.mood === 'modal'));
  assert.strictEqual(await page.$eval('#event-table .mood', (e) => e.textContent), 'modal');
  assert.match(page.url(), /[?&]mood=modal/);
});

test('actor labels come from the actor\'s entity, never from another event\'s', async () => {
  await ready('/?mood=all');
  const r = await rows();
  const api = (await apiJson('/api/events?mood=all&limit=1000')).items;
  for (const x of r) {
    const e = api.find((a) => a.event === x.event);
    const src = e.source_name ? `${e.source_name} (${e.source || '?'})` : (e.source || '—');
    assert.ok(x.actors.startsWith(src), `event ${x.event}: "${x.actors}" does not start with "${src}"`);
  }
  const putin = r.find((x) => /Vladimir Putin \(RUSGOV\)/.test(x.actors));
  assert.ok(putin, 'no event labelled with its entity: ' + r.map((x) => x.actors).join(' | '));
  // dyads: a code without one entity has no name
  await page.click('#tabs button[data-tab="actors"]');
  const dy = await page.$$eval('#dyads tr[data-source]', (els) => els.map((e) => ({ s: e.dataset.source, t: e.dataset.target, text: e.textContent })));
  const noTarget = dy.filter((d) => !d.t);
  assert.ok(noTarget.length >= 1 && noTarget.every((d) => /→|—/.test(d.text) || d.text.includes('—')), JSON.stringify(noTarget));
});

test('claims view: who says what; a click opens the document at the claim', async () => {
  await ready();
  await page.click('#tabs button[data-tab="claims"]');
  const claims = await page.$$eval('#claims tr[data-claim]', (els) => els.map((e) => ({ doc: e.dataset.doc, start: Number(e.dataset.start), who: e.cells[0].textContent })));
  const want = (await apiJson('/api/claims?limit=500')).items;
  assert.strictEqual(claims.length, want.length);
  const z = claims.find((c) => c.doc === SEED && /Selenskyj|Zelensky/.test(c.who));
  assert.ok(z, 'no claim of Zelensky in the seed: ' + JSON.stringify(claims));
  await page.click(`#claims tr[data-doc="${SEED}"][data-start="${z.start}"] a.evidence`);
  await page.waitForSelector('#doc-text mark.fact.focus', { timeout: 10000 });
  const f = await page.$eval('mark.fact.focus', (e) => ({ kind: e.dataset.kind, start: Number(e.dataset.start) }));
  assert.deepStrictEqual(f, { kind: 'claim', start: z.start });
  assert.strictEqual(await page.isVisible('#tab-document'), true);
  assert.match(await page.textContent('#fact-detail'), /^claim · verb .* · speaker: .*(Selenskyj|Zelensky).* · rule: /);
});

test('numbers view: who says how many, side by side by source', async () => {
  await ready();
  await page.click('#tabs button[data-tab="quantities"]');
  const groups = await page.$$eval('table.quantities', (els) => els.map((t) => ({
    group: t.dataset.group, differ: t.dataset.differ,
    rows: [...t.querySelectorAll('tr')].slice(1).map((r) => [...r.cells].map((c) => c.textContent)),
  })));
  const drones = groups.find((g) => g.group === 'drones · Russia');
  assert.ok(drones, 'no group of drones: ' + groups.map((g) => g.group).join(' | '));
  // the seed and the drone report give 145 and 34: they differ
  assert.deepStrictEqual(drones.rows.map((r) => r[1]).sort(), ['145', '34']);
  assert.strictEqual(drones.differ, '1');
  const soldiers = groups.find((g) => g.group === 'soldiers · Russia');
  assert.ok(soldiers && soldiers.differ === '0' && soldiers.rows.length >= 2, JSON.stringify(soldiers));
});

test('export of the view: GeoJSON and CSV with mood and date_precision', async () => {
  await ready('/?mood=all');
  const shown = await rows();
  const placed = (await apiJson('/api/events?limit=1000')).items.filter((e) => typeof e.lat === 'number');
  let [dl] = await Promise.all([page.waitForEvent('download'), page.click('#export-geojson')]);
  const gj = JSON.parse(fs.readFileSync(await dl.path(), 'utf8'));
  assert.strictEqual(gj.type, 'FeatureCollection');
  assert.strictEqual(gj.features.length, placed.length);
  const p = gj.features[0].properties;
  assert.ok('mood' in p && ['day', 'published'].includes(p.date_precision), JSON.stringify(p));
  assert.strictEqual(typeof gj.features[0].geometry.coordinates[0], 'number');
  [dl] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  const csv = fs.readFileSync(await dl.path(), 'utf8').trim().split('\r\n');
  assert.strictEqual(csv.length, shown.length + 1);
  const head = csv[0].split(',');
  assert.ok(head.includes('mood') && head.includes('date_precision') && head.includes('day'), csv[0]);
  // the month event of the NYT report is dated on its publication day
  const nyt = (await apiJson('/api/events?mood=all&limit=1000')).items
    .find((e) => e.date === '2024-08' && e.doc_id === 'store-nyt-2024-11-10');
  assert.ok(nyt, 'the NYT report has a month event');
  const row = csv.find((l) => l.startsWith(nyt.event + ','));
  assert.ok(row && row.includes(',2024-08,20241110,published,'), row);
});

test('incidents: their reports, and where the sources\' numbers differ', async () => {
  await ready();
  await page.click('#tabs button[data-tab="incidents"]');
  const links = await page.$$eval('#incidents a.evidence', (els) => els.map((e) => e.getAttribute('href')));
  assert.ok(links.some((h) => h.startsWith('#doc=' + SEED)), 'incident sources: ' + links.join(' '));
  const inc = (await apiJson('/api/incidents?limit=200')).items;
  assert.strictEqual(await page.$$eval('#incidents tr[data-incident]', (e) => e.length), inc.length);
});

test('a document with <script> and HTML shows it as text and runs nothing', async () => {
  await page.goto(BASE + '/#doc=hostile-1');
  await page.waitForSelector('#doc-text', { timeout: 10000 });
  await page.waitForTimeout(500);
  const pwned = await page.evaluate(() => window.__lagebildPwned);
  assert.strictEqual(pwned, undefined, `script ran: ${pwned}`);
  const text = await page.textContent('#doc-text');
  assert.ok(text.includes("<script>window.__lagebildPwned='script'</script>"), text);
  assert.ok(text.includes('<b>fett</b>'));
  assert.strictEqual(await page.$$eval('#tab-document script, #tab-document img, #tab-document b', (e) => e.length), 0);
  assert.match(await page.textContent('#doc-title'), /^<img src=x onerror=/);
});

// Issue 22: the map's tooltip was built from a string, which Leaflet puts in
// as HTML: a place name '<img src=x onerror=...>' became an element (only the
// CSP kept its handler from running). The API's answer is changed on its way
// to the page: one placed event, with that place name.
test('a place name with HTML is text in the map tooltip, never markup', async () => {
  const evil = `<img src=x onerror="window.__lagebildPwned='tooltip'">Kursk`;
  let ev = null;
  const isEvents = (u) => u.pathname === '/api/events';
  await page.route(isEvents, async (route) => {
    const resp = await route.fetch();
    const j = await resp.json();
    const placed = (j.items || []).find((e) => typeof e.lat === 'number');
    if (placed) {
      ev = Object.assign(placed, { place_name: evil });
      j.items = [ev];
    }
    await route.fulfill({ response: resp, json: j });
  });
  try {
    await ready();
    await page.waitForSelector('path.ev-marker', { timeout: 10000 });
    assert.ok(ev, 'no placed event in the answer');
    const ms = await markers();
    assert.strictEqual(ms.length, 1, JSON.stringify(ms));
    assert.strictEqual(ms[0].place, evil);
    await page.hover('path.ev-marker');
    await page.waitForSelector('.leaflet-tooltip', { timeout: 5000 });
    assert.strictEqual(await page.textContent('.leaflet-tooltip'),
      `${evil} · ${ev.code || ''} ${ev.source || ''}→${ev.target || ''}`);
    assert.strictEqual(await page.$$eval('.leaflet-tooltip img', (e) => e.length), 0);
    assert.strictEqual(await page.$$eval('.leaflet-tooltip *', (e) => e.map((x) => x.tagName).join(' ')), 'SPAN');
    assert.strictEqual(await page.$$eval('img[src="x"]', (e) => e.length), 0);
    assert.strictEqual(await page.evaluate(() => window.__lagebildPwned), undefined);
  } finally {
    await page.unroute(isEvents);
  }
});

test('no page errors and no foreign requests in all of the above', async () => {
  assert.deepStrictEqual(pageErrors, []);
  assert.deepStrictEqual(foreign, []);
});

(async () => {
  const b = await launch();
  browser = b.browser;
  page = b.page;
  page.on('request', (r) => { if (!r.url().startsWith(BASE + '/') && !r.url().startsWith('blob:')) foreign.push(r.url()); });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  let f = 1;
  try { f = await run('browser'); } finally { await browser.close(); }
  process.exit(f ? 1 : 0);
})().catch((e) => { console.log('not ok browser: ' + e.message); console.log('browser: 0 passed, 1 failed'); process.exit(1); });
