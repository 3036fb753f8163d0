// app.js -- the map page of `lagebild serve`.
//
// Talks only to the JSON API of the same server (/api/..., docs/serve.md).
// Views: a Leaflet map over Natural Earth outlines (/world.json, no tiles)
// with one marker per event, coloured by CAMEO quad class; a timeline of
// events per day that filters the map; an actor view (who acts on whom,
// counts per quad class); incidents; and a document view that highlights
// every extracted fact in the text with its speaker and rule.
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
const state = { filters: {}, from: null, to: null, events: [], days: [] };
let map, markerLayer, placeLayer;

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
function docLink(docId, start, label) {
  const h = '#doc=' + encodeURIComponent(docId) + (start !== undefined && start !== null ? '&at=' + start : '');
  return el('a', { href: h, class: 'evidence' }, label || 'evidence');
}
function actorLabel(code, name) { return name ? `${name} (${code || '?'})` : (code || '—'); }

async function api(path, params) {
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) if (v !== null && v !== undefined && v !== '') qs.set(k, v);
  const url = path + (qs.toString() ? '?' + qs : '');
  const r = await fetch(url);
  const body = await r.json().catch(() => ({}));
  if (!r.ok) throw new Error((body.error && body.error.message) || `${url}: HTTP ${r.status}`);
  return body;
}

// ---- filters ----
function eventParams(withDates) {
  const p = Object.assign({}, state.filters);
  if (p.code && p.code.length === 2) { p.root = p.code; delete p.code; }
  if (withDates) { p.from = state.from; p.to = state.to; }
  return p;
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
  placeLayer = L.layerGroup().addTo(map);
  markerLayer = L.layerGroup().addTo(map);
}

// One popup per place: the clicked event first, then the others at the same
// spot (their markers lie on top of each other), each with its evidence link.
function popupFor(ev, here) {
  const box = el('div', { class: 'popup' });
  for (const e of [ev, ...here.filter((x) => x !== ev)]) {
    const q = QUAD[e.quad_class] || { name: 'unknown' };
    box.append(el('div', { class: 'popup-event' },
      el('div', { class: 'popup-title' }, el('span', { class: `dot q${e.quad_class}` }), `${e.code || '?'} · ${q.name}`),
      el('div', null, `${actorLabel(e.source, e.source_name)} → ${actorLabel(e.target, e.target_name)}`),
      el('div', null, `${e.place_name || e.place || ''} ${e.date ? '· ' + e.date : ''}`),
      el('div', { class: 'rule' }, e.rule || ''),
      el('div', null, docLink(e.doc_id, e.start, `evidence in ${e.doc_id}`))));
  }
  return box;
}

const markerOf = new Map(); // event id -> its marker

function drawMarkers() {
  markerLayer.clearLayers();
  markerOf.clear();
  const pts = [];
  const at = new Map(); // "lat,lon" -> the events there
  for (const ev of state.events) {
    if (typeof ev.lat !== 'number' || typeof ev.lon !== 'number') continue;
    const k = ev.lat + ',' + ev.lon;
    if (!at.has(k)) at.set(k, []);
    at.get(k).push(ev);
  }
  for (const ev of state.events) {
    if (typeof ev.lat !== 'number' || typeof ev.lon !== 'number') continue;
    const here = at.get(ev.lat + ',' + ev.lon);
    const q = QUAD[ev.quad_class];
    const m = L.circleMarker([ev.lat, ev.lon], {
      radius: 8, weight: 1.5, color: '#222', fillColor: q ? q.color : '#888', fillOpacity: 0.85,
      className: `ev-marker quad-${ev.quad_class || 0}`,
    });
    m.bindPopup(() => popupFor(ev, here), { maxHeight: 320 });
    m.bindTooltip(`${ev.place_name || ''} · ${here.length > 1 ? here.length + ' events' : `${ev.code || ''} ${ev.source || ''}→${ev.target || ''}`}`);
    m.addTo(markerLayer);
    markerOf.set(ev.event, m);
    const e = m.getElement();
    if (e) Object.assign(e.dataset, { event: ev.event, lat: ev.lat, lon: ev.lon, place: ev.place_name || '', quad: ev.quad_class || '', doc: ev.doc_id });
    pts.push([ev.lat, ev.lon]);
  }
  if (pts.length) map.fitBounds(L.latLngBounds(pts).pad(0.8), { maxZoom: 5 });
}

// ---- event list ----
function drawEventList(more) {
  const box = clear(document.getElementById('tab-events'));
  if (!state.events.length) { box.append(el('p', { class: 'hint' }, 'No events for these filters.')); return; }
  const t = el('table', { id: 'event-table' }, el('tr', null, el('th', null, ''), el('th', null, 'code'),
    el('th', null, 'source → target'), el('th', null, 'where'), el('th', null, 'when'), el('th', null, '')));
  for (const ev of state.events) {
    const m = markerOf.get(ev.event);
    const show = m ? () => { map.setView(m.getLatLng(), Math.max(map.getZoom(), 5)); m.openPopup(); } : null;
    t.append(el('tr', { dataset: { event: ev.event }, class: m ? 'placed' : null, onclick: show },
      el('td', null, el('span', { class: `dot q${ev.quad_class}` })),
      el('td', null, ev.code || ''),
      el('td', null, `${actorLabel(ev.source, ev.source_name)} → ${actorLabel(ev.target, ev.target_name)}`),
      el('td', null, ev.place_name || ''),
      el('td', null, ev.date || dayStr(ev.day_from)),
      el('td', null, docLink(ev.doc_id, ev.start))));
  }
  box.append(t);
  if (more) box.append(el('p', { class: 'hint' }, 'Showing the first 1000 events: narrow the filters.'));
}

// ---- timeline ----
function drawTimeline() {
  const svg = document.getElementById('timeline');
  clear(svg);
  const days = state.days;
  const W = svg.clientWidth || 600, H = 78, NS = 'http://www.w3.org/2000/svg';
  if (!days.length) return;
  const max = Math.max(...days.map((d) => d.events));
  const bw = Math.max(2, Math.min(40, (W - 10) / days.length - 1));
  days.forEach((d, i) => {
    let y = H - 12;
    const x = 5 + i * (bw + 1);
    for (const qc of [1, 2, 3, 4]) {
      const n = d['q' + qc] || 0;
      if (!n) continue;
      const h = (n / max) * (H - 16);
      y -= h;
      const r = document.createElementNS(NS, 'rect');
      r.setAttribute('x', x); r.setAttribute('y', y); r.setAttribute('width', bw); r.setAttribute('height', h);
      r.setAttribute('fill', QUAD[qc].color);
      r.setAttribute('class', 'day' + (inRange(d.day) ? ' sel' : ''));
      r.dataset.day = d.day;
      const tt = document.createElementNS(NS, 'title');
      tt.textContent = `${dayStr(d.day)}: ${d.events} events`;
      r.append(tt);
      r.addEventListener('click', (e) => pickDay(d.day, e.shiftKey));
      svg.append(r);
    }
  });
  const lab = (i, anchor) => {
    const t = document.createElementNS(NS, 'text');
    t.setAttribute('x', anchor === 'end' ? 5 + i * (bw + 1) + bw : 5 + i * (bw + 1));
    t.setAttribute('y', H - 1); t.setAttribute('font-size', '10'); t.setAttribute('text-anchor', anchor);
    t.textContent = dayStr(days[i].day);
    svg.append(t);
  };
  lab(0, 'start');
  if (days.length > 1 && days.length * (bw + 1) > 140) lab(days.length - 1, 'end');
}
function inRange(day) {
  return state.from !== null && day >= state.fromDay && day <= state.toDay;
}
function pickDay(day, extend) {
  if (extend && state.from !== null) {
    state.fromDay = Math.min(state.fromDay, day);
    state.toDay = Math.max(state.toDay, day);
  } else {
    state.fromDay = day; state.toDay = day;
  }
  state.from = dayStr(state.fromDay); state.to = dayStr(state.toDay);
  document.getElementById('range').textContent = state.from === state.to ? state.from : `${state.from} – ${state.to}`;
  document.getElementById('range-clear').hidden = false;
  loadEvents().then(drawTimeline);
}
function clearRange() {
  state.from = state.to = null;
  document.getElementById('range').textContent = '';
  document.getElementById('range-clear').hidden = true;
  loadEvents().then(drawTimeline);
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

// ---- incidents ----
function drawIncidents(rows) {
  const box = clear(document.getElementById('tab-incidents'));
  if (!rows.length) { box.append(el('p', { class: 'hint' }, 'No incidents for these filters.')); return; }
  const t = el('table', { id: 'incidents' }, el('tr', null, el('th', null, 'code'), el('th', null, 'source → target'),
    el('th', null, 'where'), el('th', null, 'reports'), el('th', null, 'sources')));
  for (const r of rows) {
    const src = el('td');
    for (const s of r.sources || []) src.append(docLink(s.doc_id, null, s.doc_id), ' ');
    t.append(el('tr', null, el('td', null, el('span', { class: `dot q${r.quad_class}` }), r.code || r.root),
      el('td', null, `${r.source || '—'} → ${r.target || '—'}`), el('td', null, r.place_name || ''),
      el('td', { class: 'num' }, r.reports), src));
  }
  box.append(t);
}

// ---- the document view ----
function factTitle(s) {
  const bits = [s.kind];
  if (s.kind === 'entity') bits.push(`${s.name || s.entity} (${s.entity})`, s.actor ? 'actor ' + s.actor : null);
  if (s.kind === 'quantity') bits.push(`${s.value ?? '?'} ${s.unit || ''}`);
  if (s.kind === 'event') bits.push(`CAMEO ${s.code} ${s.source || '—'}→${s.target || '—'}`);
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

async function openDocument(id, at) {
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
  // Leaf facts (entity, quantity, date, signal) inside claims and events:
  // sort by start, then longer first.
  const spans = d.spans.filter((f) => f.u16end > f.u16start)
    .map((f) => ({ s: f.u16start, e: f.u16end, f }))
    .sort((x, y) => x.s - y.s || (y.e - y.s) - (x.e - x.s));
  renderSpans(body, text, 0, text.length, spans, detail);
  // One switch per kind of fact: hide the highlights of that kind.
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
    const target = [...body.querySelectorAll('mark.fact')].find((m) => Number(m.dataset.start) === Number(at));
    if (target) { target.classList.add('focus'); target.scrollIntoView({ block: 'center' }); }
  }
}

// ---- tabs, routing, loading ----
function showTab(name) {
  for (const b of document.querySelectorAll('#tabs button')) b.classList.toggle('on', b.dataset.tab === name);
  for (const t of document.querySelectorAll('.tab')) t.hidden = t.id !== 'tab-' + name;
}
function route() {
  const h = new URLSearchParams(location.hash.slice(1));
  if (h.get('doc')) openDocument(h.get('doc'), h.get('at'));
}

async function loadEvents() {
  try {
    const r = await api('/api/events', Object.assign(eventParams(true), { limit: 1000 }));
    state.events = r.items;
    drawMarkers();
    drawEventList(r.more);
    const dy = await api('/api/dyads', Object.assign(eventParams(true), { limit: 200 }));
    drawActors(dy.items);
    document.body.dataset.loaded = 'events';
    showError('');
  } catch (e) { showError(e.message); }
}
async function loadAll() {
  try {
    const tl = await api('/api/timeline', Object.assign(eventParams(false), { limit: 1000 }));
    state.days = tl.items;
    const inc = await api('/api/incidents', Object.assign(eventParams(false), { limit: 200, text: undefined }));
    drawIncidents(inc.items);
  } catch (e) { showError(e.message); }
  await loadEvents();
  drawTimeline();
}
function applyFilters() {
  const f = new FormData(document.getElementById('filters'));
  state.filters = {};
  for (const [k, v] of f.entries()) if (String(v).trim()) state.filters[k] = String(v).trim();
  return loadAll();
}

async function main() {
  await initMap();
  const leg = document.getElementById('legend');
  for (const q of [1, 2, 3, 4]) leg.append(el('span', null, el('span', { class: `dot q${q}` }), `${q} ${QUAD[q].name}`));
  document.getElementById('filters').addEventListener('submit', (e) => { e.preventDefault(); applyFilters(); });
  document.getElementById('reset').addEventListener('click', () => { document.getElementById('filters').reset(); state.from = state.to = null; applyFilters(); });
  document.getElementById('range-clear').addEventListener('click', clearRange);
  for (const b of document.querySelectorAll('#tabs button')) b.addEventListener('click', () => showTab(b.dataset.tab));
  window.addEventListener('hashchange', route);
  try {
    const s = await api('/api/stats');
    document.getElementById('stats').textContent = `${s.documents} documents · ${s.events} events · ${s.entities} entities · ${s.claims} claims`;
  } catch (e) { showError(e.message); }
  await loadAll();
  route();
  document.body.dataset.ready = '1';
}
main();
