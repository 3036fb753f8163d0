// page.test.js -- the map page in headless Chromium (Debian's, through
// playwright-core) over the seed store. Run by tests/suite_web.sh with
// LB_URL. Every request the page makes must go to the server itself: the
// page works offline.
'use strict';
const { launch } = require('./browser');
const { test, run, assert } = require('./harness');

const BASE = process.env.LB_URL.replace(/\/$/, '');
const SEED = 'kursk-2024-11';
let browser, page;
const foreign = [];
const pageErrors = [];

async function markers() {
  return page.$$eval('path.ev-marker', (els) => els.map((e) => ({
    lat: Number(e.dataset.lat), lon: Number(e.dataset.lon), place: e.dataset.place, event: e.dataset.event,
    quad: e.dataset.quad, fill: e.getAttribute('fill'),
  })));
}
const near = (m, lat, lon, tol) => Math.abs(m.lat - lat) <= tol && Math.abs(m.lon - lon) <= tol;

test('the page loads offline: outlines, legend, no foreign requests, no errors', async () => {
  await page.goto(BASE + '/');
  await page.waitForSelector('body[data-ready="1"]', { timeout: 20000 });
  const countries = await page.$$eval('.leaflet-overlay-pane path', (els) => els.length);
  assert.ok(countries > 100, `only ${countries} outline paths`);
  assert.deepStrictEqual(foreign, [], 'requests to other hosts: ' + foreign.join(' '));
  assert.deepStrictEqual(pageErrors, []);
  const stats = await page.textContent('#stats');
  assert.match(stats, /\d+ documents · \d+ events/);
});

test('markers at Kursk and Moscow, coloured by quad class', async () => {
  const ms = await markers();
  assert.ok(ms.length >= 2, `${ms.length} markers`);
  const kursk = ms.find((m) => near(m, 51.7, 36.2, 1.0));
  const moscow = ms.find((m) => near(m, 55.75, 37.62, 0.5));
  assert.ok(kursk, 'no marker at Kursk: ' + JSON.stringify(ms));
  assert.ok(moscow, 'no marker at Moscow: ' + JSON.stringify(ms));
  const colours = { 1: '#2f9e44', 2: '#1c7ed6', 3: '#f08c00', 4: '#e03131' };
  for (const m of ms) if (colours[m.quad]) assert.strictEqual(m.fill, colours[m.quad], `marker ${m.event} quad ${m.quad}`);
  assert.strictEqual(kursk.quad, '4'); // military build-up / occupation / force: material conflict
});

test('a marker links to its evidence: the document view at the event', async () => {
  const ms = await markers();
  const k = ms.find((m) => near(m, 51.7, 36.2, 1.0));
  // a click while the map still zooms to the markers can miss the marker
  // (seen once under load in `make test`): click again, up to 3 times
  let link = null;
  for (let i = 0; i < 3 && !link; i++) {
    await page.click(`path.ev-marker[data-event="${k.event}"]`, { force: true });
    link = await page.waitForSelector('.leaflet-popup a.evidence', { timeout: 5000 }).catch(() => null);
  }
  assert.ok(link, 'the marker opens a popup with evidence links');
  // the popup lists every event at that spot (their markers overlap), each with evidence
  const same = ms.filter((m) => m.lat === k.lat && m.lon === k.lon).length;
  assert.strictEqual(await page.$$eval('.leaflet-popup .popup-event a.evidence', (e) => e.length), same);
  const href = await link.getAttribute('href');
  assert.match(href, new RegExp('^#doc=' + SEED + '&at=\\d+$'));
  await link.click();
  await page.waitForSelector('#doc-text mark.fact', { timeout: 10000 });
  assert.strictEqual(await page.isVisible('#tab-document'), true);
  const focus = await page.$eval('mark.fact.focus', (e) => e.dataset.kind);
  assert.strictEqual(focus, 'event');
});

test('document view: "nahezu 50.000 Truppen" highlighted with Zelensky as speaker, and "145 Drohnen"', async () => {
  await page.goto(BASE + '/#doc=' + SEED);
  await page.waitForSelector('#doc-text mark.fact', { timeout: 10000 });
  const marks = await page.$$eval('#doc-text mark.fact', (els) => els.map((e) => ({
    kind: e.dataset.kind, text: e.textContent, speaker: e.dataset.speaker, rule: e.dataset.rule, title: e.title,
  })));
  const troops = marks.find((m) => m.kind === 'quantity' && m.text === 'nahezu 50.000 Truppen');
  assert.ok(troops, 'quantities highlighted: ' + marks.filter((m) => m.kind === 'quantity').map((m) => m.text).join(' | '));
  assert.match(troops.speaker, /Zelensky|Selenskyj/);
  assert.ok(troops.rule.length > 0);
  assert.match(troops.title, /speaker: .*(Zelensky|Selenskyj).*rule: /);
  const drones = marks.find((m) => m.kind === 'quantity' && m.text === '145 Drohnen');
  assert.ok(drones, 'no "145 Drohnen" highlight');
  assert.ok(drones.rule.length > 0);
  // The whole text is there, once.
  const text = await page.textContent('#doc-text');
  assert.strictEqual(Buffer.byteLength(text), 4889);
  // Clicking a fact shows its kind, speaker and rule.
  await page.click('#doc-text mark.fact-quantity >> text="nahezu 50.000 Truppen"');
  assert.match(await page.textContent('#fact-detail'), /quantity · 50000 troops · speaker: .*rule: /);
  const rows = await page.$$eval('#facts tr[data-kind="quantity"]', (els) => els.length);
  assert.ok(rows >= 2);
  // The per-kind switch hides event highlights (the quantities stay).
  await page.uncheck('#kinds input[data-kind="event"]');
  assert.strictEqual(await page.$eval('#doc-text', (e) => e.classList.contains('hide-event')), true);
  await page.check('#kinds input[data-kind="event"]');
});

test('timeline filters the map', async () => {
  await page.goto(BASE + '/');
  await page.waitForSelector('body[data-ready="1"]', { timeout: 20000 });
  const all = (await markers()).length;
  const days = await page.$$eval('#timeline rect.day', (els) => [...new Set(els.map((e) => e.dataset.day))]);
  assert.ok(days.length >= 1, 'empty timeline');
  const counts = await page.$$eval('#timeline rect.day title', (els) => els.map((e) => e.textContent));
  const day = days[0];
  const expected = Number(/: (\d+) events/.exec(counts.find((c) => c.startsWith(`${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6)}`)))[1]);
  await page.click(`#timeline rect.day[data-day="${day}"]`);
  await page.waitForFunction((d) => document.querySelector('#range').textContent.includes(d), `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6)}`);
  await page.waitForFunction(() => document.body.dataset.loaded === 'events');
  await page.waitForTimeout(300);
  const rows = await page.$$eval('#event-table tr[data-event]', (els) => els.length);
  assert.ok(rows >= expected, `day ${day}: ${rows} events listed, timeline says ${expected}`);
  const sel = (await markers()).length;
  assert.ok(sel <= all, `${sel} markers after picking a day, ${all} before`);
  await page.click('#range-clear');
  await page.waitForTimeout(500);
  assert.strictEqual((await markers()).length, all);
});

test('actor view: who acts on whom, per quad class', async () => {
  await page.click('#tabs button[data-tab="actors"]');
  const rows = await page.$$eval('#dyads tr[data-source]', (els) => els.map((e) => ({
    source: e.dataset.source, target: e.dataset.target, cells: [...e.querySelectorAll('td.num')].map((td) => Number(td.textContent)),
  })));
  const ru = rows.find((r) => r.source === 'RUSMIL' && r.target === 'UKRMIL');
  assert.ok(ru, 'no RUSMIL -> UKRMIL row: ' + rows.map((r) => `${r.source}->${r.target}`).join(', '));
  assert.ok(ru.cells[3] >= 1, 'RUSMIL -> UKRMIL has no material conflict');
  assert.strictEqual(ru.cells[4], ru.cells[0] + ru.cells[1] + ru.cells[2] + ru.cells[3]);
  // incidents: each with links to the documents that report it
  await page.click('#tabs button[data-tab="incidents"]');
  const links = await page.$$eval('#incidents a.evidence', (els) => els.map((e) => e.getAttribute('href')));
  assert.ok(links.includes('#doc=' + SEED), 'incident sources: ' + links.join(' '));
});

test('the filter form: actor RUS lists only events of RUS, place Moskau only Moscow', async () => {
  await page.goto(BASE + '/');
  await page.waitForSelector('body[data-ready="1"]', { timeout: 20000 });
  await page.fill('#filters input[name="actor"]', 'RUS');
  await page.evaluate(() => { delete document.body.dataset.loaded; });
  await page.click('#filters button[type="submit"]');
  await page.waitForFunction(() => document.body.dataset.loaded === 'events');
  const rows = await page.$$eval('#event-table tr[data-event] td:nth-child(3)', (els) => els.map((e) => e.textContent));
  assert.ok(rows.length >= 3, `${rows.length} rows`);
  for (const r of rows) assert.match(r, /\(RUS[A-Z]*\)/, r);
  await page.fill('#filters input[name="actor"]', '');
  await page.fill('#filters input[name="place"]', 'Moskau');
  await page.evaluate(() => { delete document.body.dataset.loaded; });
  await page.click('#filters button[type="submit"]');
  await page.waitForFunction(() => document.body.dataset.loaded === 'events');
  const ms = await markers();
  assert.ok(ms.length >= 1 && ms.every((m) => near(m, 55.75, 37.62, 0.5)), JSON.stringify(ms));
  await page.click('#reset');
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

(async () => {
  const b = await launch();
  browser = b.browser;
  page = b.page;
  page.on('request', (r) => { if (!r.url().startsWith(BASE + '/')) foreign.push(r.url()); });
  page.on('pageerror', (e) => pageErrors.push(String(e)));
  let f = 1;
  try { f = await run('browser'); } finally { await browser.close(); }
  process.exit(f ? 1 : 0);
})().catch((e) => { console.log('not ok browser: ' + e.message); console.log('browser: 0 passed, 1 failed'); process.exit(1); });
