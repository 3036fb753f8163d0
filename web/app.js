// app.js -- the page for analysis of `lagebild serve`.
//
// Talks only to the JSON API of the same server (/api/..., docs/serve.md).
// Views: a Leaflet map over Natural Earth outlines (/world.json, no tiles)
// with the events that have a place, coloured by CAMEO quad class and
// clustered where they lie dense; a time axis of events per day (linear in
// days; drag to select a range); the events, newest first, with their mood;
// who acts on whom; incidents with the numbers their sources give; claims
// (who says what); numbers side by side by source; and a document view that
// highlights every extracted fact with its speaker and rule. The filters
// live in the URL (?actor=RUS&mood=all...), so a view can be linked; what
// is shown can be saved as GeoJSON or CSV.
//
// SAFETY: article text and every value from the store is untrusted. The DOM
// is built with createElement/textContent only -- never innerHTML with data
// -- and the server's Content-Security-Policy forbids inline script.
'use strict';

const QUAD = {
  1: { name: 'verbal cooperation', color: '#2f9e44' },
  2: { name: 'material cooperation', color: '#1c7ed6' },
  3: { name: 'verbal conflict', color: '#f08c00' },
  4: { name: 'material conflict', color: '#e03131' },
};
const FILTERS = ['actor', 'code', 'quad', 'mood', 'plover', 'place', 'text', 'from', 'to'];
const LIMIT = 1000; // events per view (the API's page)
const CELL = 44; // px: events closer than this on the map are one cluster
const state = { filters: { mood: 'fact' }, events: [], days: [], more: false };
let map, markerLayer;

// ---- small DOM helpers (text only) ----
function el(tag, attrs, ...kids) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined) continue;
    if (k === 'class') e.className = v;
    else if (k === 'dataset') Object.assign(e.dataset, v);
    else if (k === 'onclick') e.addEventListener('click', v);
    else if (k === 'href') e.href = v;
    else e.setAttribute(k, String(v));
  }
  for (const k of kids) {
    if (k === null || k === undefined) continue;
    e.append(k instanceof Node ? k : document.createTextNode(String(k)));
  }
  return e;
}
function svgEl(tag, attrs) {
  const e = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
  return e;
}
function clear(e) { while (e.firstChild) e.removeChild(e.firstChild); return e; }
function showError(msg) {
  const e = document.getElementById('error');
  e.textContent = msg;
  e.hidden = !msg;
}
function dayStr(d) {
  if (!d) return '';
  const s = String(d);
  return s.length === 8 ? `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6)}` : s;
}
function docLink(docId, start, label, kind) {
  let h = '#doc=' + encodeURIComponent(docId);
  if (start !== undefined && start !== null) h += '&at=' + start;
  if (kind) h += '&kind=' + kind;
  return el('a', { href: h, class: 'evidence' }, label || 'evidence');
}
// An actor as the page names it: the actor's entity ("Vladimir Putin"), with
// the code; the code alone when the actor is no entity.
function actorLabel(code, name) { return name ? `${name} (${code || '?'})` : (code || '—'); }
function moodBadge(mood) { return el('span', { class: 'mood mood-' + (mood || 'fact') }, mood || 'fact'); }
// How exact an event's day is: its own day, or the publication day for an
// event of a month, a period or no date (as `lagebild export` says it).
function datePrecision(e) { return e.date && e.date_granularity === 'day' ? 'day' : 'published'; }

async function api(path, params) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== null && v !== undefined && v !== '') qs.set(k, v);
  const url = path + (qs.toString() ? '?' + qs : '');
  const r = await fetch(url);
  const body = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error((body.error && body.error.message) || `${url}: HTTP ${r.status}`);
  return body;
}

// ---- filters and the URL ----
// The API's parameters for the filters: a two-digit CAMEO code is a root,
// mood "all" is no filter.
function eventParams(withDates) {
  const p = {};
  for (const k of FILTERS) if (state.filters[k]) p[k] = state.filters[k];
  if (p.code && p.code.length === 2) { p.root = p.code; delete p.code; }
  if (p.mood === 'all') delete p.mood;
  if (!withDates) { delete p.from; delete p.to; }
  return p;
}
function readUrl() {
  const q = new URLSearchParams(location.search);
  state.filters = { mood: 'fact' };
  for (const k of FILTERS) if (q.get(k)) state.filters[k] = q.get(k);
}
function writeUrl() {
  const q = new URLSearchParams();
  for (const k of FILTERS) {
    const v = state.filters[k];
    if (v && !(k === 'mood' && v === 'fact')) q.set(k, v);
  }
  const s = q.toString();
  history.replaceState(null, '', location.pathname + (s ? '?' + s : '') + location.hash);
}
function fillForm() {
  const f = document.getElementById('filters');
  for (const k of FILTERS) if (f.elements[k]) f.elements[k].value = state.filters[k] || (k === 'mood' ? 'fact' : '');
  const r = document.getElementById('range');
  r.textContent = state.filters.from || state.filters.to ? `${state.filters.from || '…'} – ${state.filters.to || '…'}` : '';
  document.getElementById('range-clear').hidden = !(state.filters.from || state.filters.to);
}

// ---- map ----
async function initMap() {
  map = L.map('map', { worldCopyJump: true, minZoom: 2, maxZoom: 10, attributionControl: true }).setView([50, 30], 4);
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution('Natural Earth (world-atlas)');
  try {
    const world = await (await fetch('/world.json')).json();
    L.geoJSON(world, { style: { color: '#7a8a99', weight: 0.6, fillColor: '#f3f1ea', fillOpacity: 1 }, interactive: false }).addTo(map);
  } catch (e) { showError('world outlines: ' + e.message); }
  markerLayer = L.layerGroup().addTo(map);
  map.on('zoomend', drawMarkers);
}

// One popup for events: each with its code, mood, actors, place, day and
// evidence link.
function popupFor(list) {
  const box = el('div', { class: 'popup' });
  if (list.length > 1) box.append(el('div', { class: 'popup-count' }, `${list.length} events`));
  for (const e of list.slice(0, 50)) {
    const q = QUAD[e.quad_class] || { name: 'unknown' };
    box.append(el('div', { class: 'popup-event' },
      el('div', { class: 'popup-title' }, el('span', { class: `dot q${e.quad_class}` }), `${e.code || '?'} · ${q.name} `, moodBadge(e.mood)),
      el('div', null, `${actorLabel(e.source, e.source_name)} → ${actorLabel(e.target, e.target_name)}`),
      el('div', null, `${e.place_name || e.place || ''} · ${dayStr(e.day)}${e.date ? ' (' + e.date + ')' : ''}`),
      el('div', { class: 'rule' }, e.rule || ''),
      el('div', null, docLink(e.doc_id, e.start, `evidence in ${e.doc_id}`, 'event'))));
  }
  return box;
}

const markerOf = new Map(); // event id -> the marker (or cluster) that shows it
function hasPlace(e) { return typeof e.lat === 'number' && typeof e.lon === 'number'; }
function dominantQuad(list) {
  const n = [0, 0, 0, 0, 0];
  for (const e of list) n[e.quad_class || 0]++;
  return n.indexOf(Math.max(...n));
}

// Events within CELL pixels at the map's zoom are one cluster marker with
// their count; clicking a cluster zooms into it, or lists its events
// when they lie at one spot (or the map cannot zoom further). Drawn again
// at every zoom.
function drawMarkers() {
  if (!map) return;
  markerLayer.clearLayers();
  markerOf.clear();
  // greedy: each event joins the first cluster whose first event lies
  // within CELL pixels (a grid would cut close pairs at its lines)
  const z = map.getZoom();
  const clusters = [];
  for (const ev of state.events) {
    if (!hasPlace(ev)) continue;
    const p = map.project([ev.lat, ev.lon], z);
    const c = clusters.find((k) => Math.abs(k.x - p.x) <= CELL && Math.abs(k.y - p.y) <= CELL);
    if (c) c.list.push(ev);
    else clusters.push({ x: p.x, y: p.y, list: [ev] });
  }
  for (const { list } of clusters) {
    const q = dominantQuad(list);
    if (list.length === 1) {
      const ev = list[0];
      const m = L.circleMarker([ev.lat, ev.lon], {
        radius: 8, weight: 1.5, color: '#222', fillColor: QUAD[q] ? QUAD[q].color : '#888', fillOpacity: 0.85,
        className: `ev-marker quad-${q}`,
      });
      m.bindPopup(() => popupFor(list), { maxHeight: 320 });
      // a node, not a string: Leaflet puts a string into the tooltip as HTML,
      // and a place name is text from an article (issue 22)
      m.bindTooltip(el('span', null, `${ev.place_name || ''} · ${ev.code || ''} ${ev.source || ''}→${ev.target || ''}`));
      m.addTo(markerLayer);
      markerOf.set(ev.event, m);
      const e = m.getElement();
      if (e) Object.assign(e.dataset, { event: ev.event, lat: ev.lat, lon: ev.lon, place: ev.place_name || '', quad: ev.quad_class || '', doc: ev.doc_id, count: 1 });
      continue;
    }
    const lat = list.reduce((s, e) => s + e.lat, 0) / list.length;
    const lon = list.reduce((s, e) => s + e.lon, 0) / list.length;
    const oneSpot = list.every((e) => e.lat === list[0].lat && e.lon === list[0].lon);
    const size = list.length < 10 ? 28 : list.length < 100 ? 34 : 40;
    const icon = L.divIcon({ className: `ev-cluster quad-${q}`, html: el('span', null, String(list.length)), iconSize: [size, size] });
    const m = L.marker([lat, lon], { icon, keyboard: false, title: `${list.length} events` });
    m.on('click', () => {
      if (oneSpot || map.getZoom() >= map.getMaxZoom()) {
        L.popup({ maxHeight: 320 }).setLatLng([lat, lon]).setContent(popupFor(list)).openOn(map);
      } else {
        map.fitBounds(L.latLngBounds(list.map((e) => [e.lat, e.lon])).pad(0.5), { maxZoom: Math.min(map.getZoom() + 3, map.getMaxZoom()) });
      }
    });
    m.addTo(markerLayer);
    for (const ev of list) markerOf.set(ev.event, m);
    const e = m.getElement();
    if (e) Object.assign(e.dataset, { count: list.length, lat, lon, quad: q, events: list.map((x) => x.event).join(' '), spot: oneSpot ? '1' : '0' });
  }
}
function fitMarkers() {
  const pts = state.events.filter(hasPlace).map((e) => [e.lat, e.lon]);
  if (pts.length) map.fitBounds(L.latLngBounds(pts).pad(0.8), { maxZoom: 5 });
}

// ---- events, newest first ----
function drawEventList() {
  const box = clear(document.getElementById('tab-events'));
  if (!state.events.length) { box.append(el('p', { class: 'hint' }, 'No events for these filters.')); return; }
  const t = el('table', { id: 'event-table' }, el('tr', null, el('th', null, ''), el('th', null, 'day'), el('th', null, 'code'),
    el('th', null, 'source → target'), el('th', null, 'where'), el('th', null, 'mood'), el('th', null, '')));
  for (const ev of state.events) {
    const m = markerOf.get(ev.event);
    const show = m ? () => {
      map.setView(m.getLatLng(), Math.max(map.getZoom(), 5));
      const mm = markerOf.get(ev.event); // drawn again at the new zoom
      if (mm && mm.openPopup && mm.getPopup()) mm.openPopup();
    } : null;
    t.append(el('tr', { dataset: { event: ev.event, day: ev.day || '', mood: ev.mood || 'fact' }, class: m ? 'placed' : null, onclick: show },
      el('td', null, el('span', { class: `dot q${ev.quad_class}` })),
      el('td', { class: 'day', title: ev.date ? `date in the text: ${ev.date}` : 'the publication day' },
        dayStr(ev.day), datePrecision(ev) === 'published' ? '*' : ''),
      el('td', null, ev.code || ''),
      el('td', { class: 'actors' }, `${actorLabel(ev.source, ev.source_name)} → ${actorLabel(ev.target, ev.target_name)}`),
      el('td', null, ev.place_name || ''),
      el('td', null, moodBadge(ev.mood)),
      el('td', null, docLink(ev.doc_id, ev.start, null, 'event'))));
  }
  box.append(el('p', { class: 'hint' }, 'Newest first. * the publication day: the text gives the event no day of its own.'), t);
  if (state.more) box.append(el('p', { class: 'hint' }, `Showing the newest ${LIMIT} events: narrow the filters.`));
}

// ---- the time axis: linear in days, drag to select ----
const DAY_MS = 86400000;
const toMs = (d) => Date.UTC(Math.floor(d / 10000), Math.floor(d / 100) % 100 - 1, d % 100);
const fromMs = (ms) => { const t = new Date(ms); return t.getUTCFullYear() * 10000 + (t.getUTCMonth() + 1) * 100 + t.getUTCDate(); };
const isoOf = (d) => dayStr(d);
const dayOfIso = (s) => (s ? Number(s.replace(/-/g, '')) : null);

function drawTimeline() {
  const svg = clear(document.getElementById('timeline'));
  const days = state.days;
  const W = svg.clientWidth || 600, H = 78, PAD = 6, AXIS = 14;
  delete svg.dataset.first; delete svg.dataset.last;
  if (!days.length) return;
  let d0 = toMs(days[0].day), d1 = toMs(days[days.length - 1].day);
  const span = Math.round((d1 - d0) / DAY_MS) + 1; // days on the axis
  const per = (W - 2 * PAD) / span;
  const x = (ms) => PAD + ((ms - d0) / DAY_MS) * per;
  Object.assign(svg.dataset, { first: isoOf(days[0].day), last: isoOf(days[days.length - 1].day), days: span });
  svg.dataset.scale = JSON.stringify({ d0, per, pad: PAD });
  const max = Math.max(...days.map((d) => d.events));
  const bw = Math.max(1, Math.min(30, per - 1));
  const from = dayOfIso(state.filters.from), to = dayOfIso(state.filters.to);
  if (from || to) {
    const a = x(Math.max(d0, from ? toMs(from) : d0)), b = x(Math.min(d1, to ? toMs(to) : d1) + DAY_MS);
    svg.append(svgEl('rect', { class: 'brush', x: a, y: 0, width: Math.max(1, b - a), height: H - AXIS }));
  }
  for (const d of days) {
    let y = H - AXIS;
    const bx = x(toMs(d.day)) + (per - bw) / 2;
    const inRange = (!from || d.day >= from) && (!to || d.day <= to);
    for (const qc of [1, 2, 3, 4]) {
      const n = d['q' + qc] || 0;
      if (!n) continue;
      const h = (n / max) * (H - AXIS - 6);
      y -= h;
      const r = svgEl('rect', { x: bx, y, width: bw, height: h, fill: QUAD[qc].color, class: 'day' + (inRange ? '' : ' out') });
      r.dataset.day = d.day;
      const tt = svgEl('title');
      tt.textContent = `${dayStr(d.day)}: ${d.events} events`;
      r.append(tt);
      svg.append(r);
    }
  }
  // ticks: a step of whole days, months or years that leaves room for the labels
  const steps = [1, 2, 7, 14, 30.44, 61, 91.3, 182.6, 365.25, 730.5, 1826];
  const step = steps.find((s) => s * per >= 70) || 3652;
  const ticks = svgEl('g', { class: 'ticks' });
  for (let t = d0; t <= d1 + 1; t += step * DAY_MS) {
    const day = fromMs(t);
    ticks.append(svgEl('line', { x1: x(t), x2: x(t), y1: H - AXIS, y2: H - AXIS + 3 }));
    const lab = svgEl('text', { x: x(t), y: H - 1, 'text-anchor': t === d0 ? 'start' : 'middle', 'font-size': 10 });
    lab.textContent = step >= 28 ? isoOf(day).slice(0, 7) : isoOf(day);
    lab.classList.add('tick');
    ticks.append(lab);
  }
  ticks.append(svgEl('line', { x1: PAD, x2: W - PAD, y1: H - AXIS, y2: H - AXIS }));
  svg.append(ticks);
}

// The day under an x position of the axis.
function dayAt(svg, px) {
  const s = JSON.parse(svg.dataset.scale || 'null');
  if (!s) return null;
  const last = dayOfIso(svg.dataset.last), first = dayOfIso(svg.dataset.first);
  let d = fromMs(s.d0 + Math.floor((px - s.pad) / s.per) * DAY_MS);
  if (d < first) d = first;
  if (d > last) d = last;
  return d;
}
function initBrush() {
  const svg = document.getElementById('timeline');
  let start = null, box = null;
  const local = (ev) => ev.clientX - svg.getBoundingClientRect().left;
  svg.addEventListener('pointerdown', (ev) => {
    if (!svg.dataset.scale) return;
    start = local(ev);
    svg.setPointerCapture(ev.pointerId);
    box = svgEl('rect', { class: 'brush drawing', x: start, y: 0, width: 0, height: 64 });
    svg.append(box);
  });
  svg.addEventListener('pointermove', (ev) => {
    if (start === null || !box) return;
    const p = local(ev);
    box.setAttribute('x', Math.min(p, start));
    box.setAttribute('width', Math.abs(p - start));
  });
  svg.addEventListener('pointerup', (ev) => {
    if (start === null) return;
    const p = local(ev);
    const a = dayAt(svg, Math.min(p, start)), b = dayAt(svg, Math.max(p, start));
    start = null;
    if (box) box.remove();
    box = null;
    if (!a || !b) return;
    setDates(isoOf(a), isoOf(b)); // a click selects its day
  });
}
function setDates(from, to) {
  state.filters.from = from || '';
  state.filters.to = to || '';
  fillForm();
  writeUrl();
  return loadEvents().then(drawTimeline);
}

// ---- actors ----
function quadBar(row) {
  const tot = row.events || 1;
  const bar = el('div', { class: 'quadbar', title: [1, 2, 3, 4].map((q) => `${QUAD[q].name}: ${row['q' + q]}`).join(', ') });
  for (const q of [1, 2, 3, 4]) if (row['q' + q]) {
    const d = el('div'); d.style.width = (100 * row['q' + q] / tot) + '%'; d.style.background = QUAD[q].color;
    bar.append(d);
  }
  return bar;
}
function drawActors(rows) {
  const box = clear(document.getElementById('tab-actors'));
  box.append(el('p', { class: 'hint' }, 'Who acts on whom (events for the current filters). Click an actor to filter by it.'));
  const t = el('table', { id: 'dyads' }, el('tr', null, el('th', null, 'source'), el('th', null, 'target'),
    el('th', null, 'q1'), el('th', null, 'q2'), el('th', null, 'q3'), el('th', null, 'q4'), el('th', null, 'all'), el('th', null, '')));
  const pick = (code) => () => { if (code) { document.querySelector('#filters [name=actor]').value = code.slice(0, 3); applyFilters(); } };
  for (const r of rows) {
    t.append(el('tr', { dataset: { source: r.source || '', target: r.target || '' } },
      el('td', null, r.source ? el('a', { href: '#', onclick: (e) => { e.preventDefault(); pick(r.source)(); } }, actorLabel(r.source, r.source_name)) : '—'),
      el('td', null, actorLabel(r.target, r.target_name)),
      el('td', { class: 'num' }, r.q1), el('td', { class: 'num' }, r.q2), el('td', { class: 'num' }, r.q3),
      el('td', { class: 'num' }, r.q4), el('td', { class: 'num' }, r.events), el('td', null, quadBar(r))));
  }
  box.append(t);
}

// ---- incidents, with the numbers their sources give ----
function numberText(q) {
  if (q.value !== null && q.value !== undefined) return String(q.value);
  if (q.min !== null || q.max !== null) return `${q.min ?? '…'}–${q.max ?? '…'}`;
  return '?';
}
function drawIncidents(rows) {
  const box = clear(document.getElementById('tab-incidents'));
  if (!rows.length) { box.append(el('p', { class: 'hint' }, 'No incidents for these filters.')); return; }
  box.append(el('p', { class: 'hint' }, 'Events that several reports give of one happening: same root, actors (or an actor and the place), within days.'));
  const t = el('table', { id: 'incidents' }, el('tr', null, el('th', null, 'code'), el('th', null, 'source → target'),
    el('th', null, 'where'), el('th', null, 'days'), el('th', null, 'reports'), el('th', null, 'sources')));
  for (const r of rows) {
    const src = el('td');
    for (const s of r.sources || []) src.append(docLink(s.doc_id, s.start, s.doc_id, 'event'), s.speaker_name ? ` (${s.speaker_name})` : '', ' ');
    t.append(el('tr', { dataset: { incident: r.incident } }, el('td', null, el('span', { class: `dot q${r.quad_class}` }), r.code || r.root),
      el('td', null, `${r.source || '—'} → ${r.target || '—'}`), el('td', null, r.place_name || ''),
      el('td', null, r.day_from === r.day_to ? dayStr(r.day_from) : `${dayStr(r.day_from)} – ${dayStr(r.day_to)}`),
      el('td', { class: 'num' }, r.reports), src));
    for (const n of r.numbers || []) {
      const vals = el('td', { colspan: 5 });
      for (const v of n.values) vals.append(el('span', { class: 'num-by-source' }, `${numberText(v)} (${v.speaker_name || v.doc_id})`), ' ');
      t.append(el('tr', { class: 'numbers' + (n.differ ? ' differ' : ''), dataset: { unit: n.unit, differ: n.differ ? '1' : '0' } },
        el('td', null, n.unit), vals));
    }
  }
  box.append(t);
}

// ---- claims: who says what ----
function drawClaims(rows) {
  const box = clear(document.getElementById('tab-claims'));
  if (!rows.length) { box.append(el('p', { class: 'hint' }, 'No claims for these filters.')); return; }
  const t = el('table', { id: 'claims' }, el('tr', null, el('th', null, 'who'), el('th', null, 'says'), el('th', null, 'what'), el('th', null, 'published')));
  for (const c of rows) {
    const text = c.text || '';
    t.append(el('tr', { dataset: { claim: c.n, doc: c.doc_id, start: c.start } },
      el('td', null, c.speaker_name || '—'), el('td', null, c.verb || ''),
      el('td', null, docLink(c.doc_id, c.start, text.length > 160 ? text.slice(0, 159) + '…' : text, 'claim')),
      el('td', null, c.published || '')));
  }
  box.append(t);
}

// ---- numbers: who says how many, side by side by source ----
function drawQuantities(rows) {
  const box = clear(document.getElementById('tab-quantities'));
  if (!rows.length) { box.append(el('p', { class: 'hint' }, 'No numbers for these filters.')); return; }
  const groups = new Map();
  for (const q of rows) {
    const k = `${q.unit || '?'} · ${q.of_name || q.of || '—'}`;
    if (!groups.has(k)) groups.set(k, []);
    groups.get(k).push(q);
  }
  for (const [k, list] of groups) {
    const values = new Set(list.map(numberText));
    const t = el('table', { class: 'quantities', dataset: { group: k, differ: values.size > 1 ? '1' : '0' } },
      el('tr', null, el('th', null, 'source'), el('th', null, 'how many'), el('th', null, 'as written'), el('th', null, 'published')));
    for (const q of list)
      t.append(el('tr', null, el('td', null, q.speaker_name || q.doc_id), el('td', { class: 'num' }, numberText(q)),
        el('td', null, docLink(q.doc_id, q.start, q.text, 'quantity')), el('td', null, q.published || '')));
    box.append(el('h3', null, k, values.size > 1 ? el('span', { class: 'differ' }, ' the sources differ') : ''), t);
  }
}

// ---- the document view ----
function factTitle(s) {
  const bits = [s.kind];
  if (s.kind === 'entity') bits.push(`${s.name || s.entity} (${s.entity})`, s.actor ? 'actor ' + s.actor : null);
  if (s.kind === 'quantity') bits.push(`${s.value ?? '?'} ${s.unit || ''}`);
  if (s.kind === 'event') bits.push(`CAMEO ${s.code} ${s.source || '—'}→${s.target || '—'}`, s.mood ? 'mood ' + s.mood : null);
  if (s.kind === 'date') bits.push(`${s.from || ''}..${s.to || ''}`);
  if (s.kind === 'claim') bits.push(`verb ${s.verb || '?'}`);
  if (s.speaker_name || s.speaker) bits.push('speaker: ' + (s.speaker_name || s.speaker));
  bits.push('rule: ' + (s.rule || '?'));
  return bits.filter((b) => b).join(' · ');
}

// Nest the spans: sorted by start, longer first; a span that crosses its
// parent's end is cut there (the facts table below lists it whole).
function renderSpans(parent, text, a, b, spans, detail) {
  let pos = a, i = 0;
  while (i < spans.length) {
    const s = spans[i];
    const end = Math.min(s.e, b);
    if (s.s < pos) { i++; continue; }
    if (s.s > pos) parent.append(document.createTextNode(text.slice(pos, s.s)));
    const kids = [];
    let j = i + 1;
    while (j < spans.length && spans[j].s < end) { kids.push(spans[j]); j++; }
    const m = el('mark', {
      class: 'fact fact-' + s.f.kind, title: factTitle(s.f),
      dataset: { kind: s.f.kind, rule: s.f.rule || '', speaker: s.f.speaker_name || s.f.speaker || '', start: s.f.start, end: s.f.end },
    });
    m.addEventListener('click', (e) => { e.stopPropagation(); detail.textContent = factTitle(s.f); });
    renderSpans(m, text, s.s, end, kids, detail);
    parent.append(m);
    pos = end;
    i = j;
  }
  if (pos < b) parent.append(document.createTextNode(text.slice(pos, b)));
}

async function openDocument(id, at, kind) {
  const box = clear(document.getElementById('tab-document'));
  showTab('document');
  let d;
  try { d = await api('/api/documents/' + encodeURIComponent(id)); } catch (e) { box.append(el('p', { class: 'hint' }, e.message)); return; }
  const doc = d.document, text = doc.text || '';
  box.append(el('h2', { id: 'doc-title' }, doc.title || doc.id),
    el('p', { class: 'hint' }, `${doc.id} · ${doc.published || 'no date'} · ${doc.lang || ''} · ${d.spans.length} facts`),
    doc.url ? el('p', null, el('a', { href: /^https?:\/\//i.test(doc.url) ? doc.url : '#', rel: 'noreferrer noopener', target: '_blank' }, doc.url)) : '');
  const detail = el('div', { id: 'fact-detail' }, 'Click a highlighted fact for its kind, speaker and rule.');
  const body = el('div', { id: 'doc-text' });
  const spans = d.spans.filter((f) => f.u16end > f.u16start)
    .map((f) => ({ s: f.u16start, e: f.u16end, f }))
    .sort((x, y) => x.s - y.s || (y.e - y.s) - (x.e - x.s));
  renderSpans(body, text, 0, text.length, spans, detail);
  const kinds = [...new Set(d.spans.map((f) => f.kind))];
  const switches = el('div', { id: 'kinds' }, 'highlight: ');
  for (const k of kinds) {
    const n = d.spans.filter((f) => f.kind === k).length;
    const cb = el('input', { type: 'checkbox', 'data-kind': k });
    cb.checked = true;
    cb.addEventListener('change', () => body.classList.toggle('hide-' + k, !cb.checked));
    switches.append(el('label', { class: 'kind-switch' }, cb, el('span', { class: 'swatch fact-' + k }), `${k} (${n})`));
  }
  box.append(switches, detail, body);
  const t = el('table', { class: 'facts', id: 'facts' }, el('tr', null, el('th', null, 'kind'), el('th', null, 'text'),
    el('th', null, 'speaker'), el('th', null, 'rule'), el('th', null, 'bytes')));
  for (const f of d.spans) {
    t.append(el('tr', { dataset: { kind: f.kind, start: f.start } },
      el('td', { class: 'kind' }, f.kind), el('td', null, text.slice(f.u16start, f.u16end)),
      el('td', null, f.speaker_name || f.speaker || ''), el('td', { class: 'rule' }, f.rule || ''),
      el('td', { class: 'num' }, `${f.start}–${f.end}`)));
  }
  box.append(el('h3', null, 'facts'), t);
  if (at !== null && at !== undefined) {
    const marks = [...body.querySelectorAll('mark.fact')];
    const target = marks.find((m) => Number(m.dataset.start) === Number(at) && (!kind || m.dataset.kind === kind)) ||
      marks.find((m) => Number(m.dataset.start) === Number(at));
    if (target) {
      target.classList.add('focus');
      detail.textContent = target.title;
      target.scrollIntoView({ block: 'center' });
    }
  }
}

// ---- export of what is shown ----
function download(name, type, text) {
  const a = el('a', { href: URL.createObjectURL(new Blob([text], { type })), download: name });
  document.body.append(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
}
const EXPORT_FIELDS = ['event', 'doc_id', 'code', 'root', 'quad_class', 'goldstein', 'source', 'source_name', 'source_entity',
  'target', 'target_name', 'target_entity', 'place', 'place_name', 'fips', 'adm1', 'lat', 'lon', 'date', 'day',
  'date_precision', 'mood', 'plover_event', 'incident', 'published', 'text'];
function exportRow(e) {
  const r = {};
  for (const k of EXPORT_FIELDS) r[k] = k === 'date_precision' ? datePrecision(e) : (e[k] ?? null);
  return r;
}
function exportGeoJSON() {
  const features = state.events.filter(hasPlace).map((e) => ({
    type: 'Feature', geometry: { type: 'Point', coordinates: [e.lon, e.lat] }, properties: exportRow(e),
  }));
  download('lagebild-events.geojson', 'application/geo+json', JSON.stringify({ type: 'FeatureCollection', features }, null, 1) + '\n');
}
function csvCell(v) {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}
function exportCSV() {
  const lines = [EXPORT_FIELDS.join(',')];
  for (const e of state.events) { const r = exportRow(e); lines.push(EXPORT_FIELDS.map((k) => csvCell(r[k])).join(',')); }
  download('lagebild-events.csv', 'text/csv', lines.join('\r\n') + '\r\n');
}

// ---- tabs, routing, loading ----
function showTab(name) {
  for (const b of document.querySelectorAll('#tabs button')) b.classList.toggle('on', b.dataset.tab === name);
  for (const t of document.querySelectorAll('.tab')) t.hidden = t.id !== 'tab-' + name;
}
function route() {
  const h = new URLSearchParams(location.hash.slice(1));
  if (h.get('doc')) openDocument(h.get('doc'), h.get('at'), h.get('kind'));
}

async function loadEvents() {
  try {
    const p = eventParams(true);
    const r = await api('/api/events', Object.assign({}, p, { limit: LIMIT }));
    state.events = r.items;
    state.more = r.more;
    drawMarkers();
    drawEventList();
    const dy = await api('/api/dyads', Object.assign({}, p, { limit: 200 }));
    drawActors(dy.items);
    const inc = await api('/api/incidents', Object.assign({}, p, { limit: 200 }));
    drawIncidents(inc.items);
    // claims and numbers by the words and the dates of the documents
    const dp = { text: state.filters.text, from: state.filters.from, to: state.filters.to };
    drawClaims((await api('/api/claims', Object.assign({}, dp, { limit: 500 }))).items);
    drawQuantities((await api('/api/quantities', Object.assign({}, dp, { place: state.filters.place, limit: 500 }))).items);
    document.body.dataset.loaded = 'events';
    showError('');
  } catch (e) { showError(e.message); }
}
async function loadAll(fit) {
  try {
    const tl = await api('/api/timeline', Object.assign(eventParams(false), { limit: LIMIT }));
    state.days = tl.items;
  } catch (e) { showError(e.message); }
  await loadEvents();
  if (fit) fitMarkers();
  drawTimeline();
}
function applyFilters() {
  const f = new FormData(document.getElementById('filters'));
  state.filters = {};
  for (const [k, v] of f.entries()) if (String(v).trim()) state.filters[k] = String(v).trim();
  if (!state.filters.mood) state.filters.mood = 'fact';
  fillForm();
  writeUrl();
  return loadAll(true);
}

async function main() {
  await initMap();
  const leg = document.getElementById('legend');
  for (const q of [1, 2, 3, 4]) leg.append(el('span', null, el('span', { class: `dot q${q}` }), `${q} ${QUAD[q].name}`));
  try {
    const codes = await api('/api/codes');
    const sel = document.querySelector('#filters [name=plover]');
    for (const p of codes.plover) sel.append(el('option', { value: p }, p));
  } catch (e) { showError(e.message); }
  readUrl();
  fillForm();
  document.getElementById('filters').addEventListener('submit', (e) => { e.preventDefault(); applyFilters(); });
  document.getElementById('reset').addEventListener('click', () => {
    document.getElementById('filters').reset();
    document.querySelector('#filters [name=mood]').value = 'fact';
    applyFilters();
  });
  document.getElementById('range-clear').addEventListener('click', () => setDates('', ''));
  document.getElementById('export-geojson').addEventListener('click', exportGeoJSON);
  document.getElementById('export-csv').addEventListener('click', exportCSV);
  for (const b of document.querySelectorAll('#tabs button')) b.addEventListener('click', () => showTab(b.dataset.tab));
  initBrush();
  window.addEventListener('hashchange', route);
  window.addEventListener('resize', drawTimeline);
  try {
    const s = await api('/api/stats');
    document.getElementById('stats').textContent = `${s.documents} documents · ${s.events} events · ${s.entities} entities · ${s.claims} claims`;
  } catch (e) { showError(e.message); }
  await loadAll(true);
  route();
  document.body.dataset.ready = '1';
}
main();
