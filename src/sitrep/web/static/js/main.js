// The sitrep UI: hash routes (#/map[/incidents|/tracks], #/claims, #/documents, #/doc/<id>)
// over the API; each route's filters and selected fact are its query (urlstate.js).
import { clearError, getJSON, query } from "./api.js";
import { loadLedger, openQuantity } from "./claims.js";
import { assignColours, clear, colour, h, label } from "./dom.js";
import { moreDocuments, searchDocuments, showDocument } from "./documents.js";
import { evidenceBlock, evidenceSnippet } from "./evidence.js";
import { dateText, shortWhere, whereText } from "./movement.js";
import { drawIncidents, drawMovements, drawTracks, focusMovement, initMap, invalidate, panTo } from "./map.js";
import { incidentItem, showIncident, showTrack, trackItem } from "./resolve.js";
import { moreQuotes, searchQuotes } from "./quotes.js";
import { sourceBlock } from "./source.js";
import { drawTimeline } from "./timeline.js";
import { fillForm, makeHash, parseHash, rememberFact, withoutFact } from "./urlstate.js";

const $ = (id) => document.getElementById(id);
const MODES = ["reports", "incidents", "tracks"];
const state = { config: null, facets: null, mapReady: null, cursor: null, items: [],
  mode: "reports", incidentCursor: null };

function fillSelect(select, values, fmt = (v) => v) {
  const keep = select.value;
  select.replaceChildren(h("option", { value: "" }, "any"),
    ...values.map((v) => h("option", { value: v.value }, `${fmt(v.value)} (${v.count})`)));
  select.value = keep;
}

function formParams(form) {
  const out = {};
  for (const [k, v] of new FormData(form).entries()) if (String(v).trim() !== "") out[k] = String(v).trim();
  return out;
}

function movementParams() {
  return formParams($("filters"));
}

function showDetail(m) {
  const el = $("detail");
  el.replaceChildren(
    h("h2", {}, h("span", { class: "dot", style: `background:${colour(m.actor)}` }),
      `${m.actor || "Unknown actor"} — ${label(m.status)}`),
    h("dl", {},
      h("dt", {}, "Where"), h("dd", {}, whereText(m)),
      h("dt", {}, "Equipment"), h("dd", {}, (m.equipment || []).map(label).join(", ") || "not stated"),
      h("dt", {}, "Reported by"), h("dd", {}, m.observed_by || "not stated"),
      h("dt", {}, "Date"), h("dd", { class: m.date_source === "article" ? "article-date" : null }, dateText(m)),
      h("dt", {}, "Confidence"), h("dd", {}, Number(m.confidence).toFixed(2))),
    evidenceBlock(m.doc_id, m.evidence),
    sourceBlock(m));
  focusMovement(m.id);
  revealDetail();
  rememberFact(m.id);
}

function movementItem(m) {
  const where = shortWhere(m);
  return h("li", {}, h("button", { type: "button", class: "fact", dataset: { id: m.id }, onclick: () => showDetail(m) },
    h("span", { class: "dot", style: `background:${colour(m.actor)}` }),
    h("span", { class: "f-title" }, `${m.actor || "?"} ${label(m.status)}${where ? " " + where : ""}`),
    h("span", { class: "f-meta" }, [m.date && dateText(m), (m.equipment || []).map(label).join(", ")].filter(Boolean).join(" · ")),
    evidenceSnippet(m.doc_id, m.evidence)));
}

async function loadMovements(append = false) {
  const params = { ...movementParams(), limit: 500, with_total: append ? null : "true", cursor: append ? state.cursor : null };
  const data = await getJSON("movements", params);
  if (!data) return;
  state.items = append ? state.items.concat(data.items) : data.items;
  state.cursor = data.next_cursor;
  const list = $("mv-list");
  if (!append) clear(list);
  data.items.forEach((m) => list.appendChild(movementItem(m)));
  if (!state.items.length) list.appendChild(h("li", { class: "muted" }, "No movements match these filters."));
  if (!append) $("mv-count").textContent = `(${data.total})`;
  $("mv-more").hidden = !state.cursor;
  await state.mapReady;
  drawMovements(state.items, showDetail);
  if (!append) clear($("detail"));
}

function revealDetail() {
  // the detail sits above the list (at phone width under the map): bring it into view
  const phone = window.matchMedia("(max-width: 760px)").matches;
  $("detail").scrollIntoView({ block: phone ? "start" : "nearest" });
}

async function selectIncident(inc) {
  await showIncident(inc, $("detail"));
  focusMovement(inc.id);
  rememberFact(inc.id);
  revealDetail();
}

async function loadIncidents(append = false) {
  const cursor = append ? state.incidentCursor : null;
  const data = await getJSON("incidents", { ...movementParams(), limit: 500, cursor });
  if (!data) return;
  state.items = append ? state.items.concat(data.items) : data.items;
  state.incidentCursor = data.next_cursor;
  const list = $("mv-list");
  if (!append) clear(list);
  data.items.forEach((inc) => list.appendChild(incidentItem(inc, selectIncident)));
  if (!state.items.length) list.appendChild(h("li", { class: "muted" }, "No incidents match these filters."));
  $("mv-count").textContent = `(${data.total})`;
  $("mv-more").hidden = !state.incidentCursor;
  await state.mapReady;
  drawIncidents(state.items, selectIncident);
  if (!append) clear($("detail"));
}

async function selectTrack(t) {
  await showTrack(t, $("detail"), (p) => panTo(p.lat, p.lon));
  focusMovement(t.id);
  rememberFact(t.id);
  revealDetail();
}

async function loadTracks() {
  // the movement list's filters: a track one of whose positions a matching movement reported,
  // as the downloads have them
  const data = await getJSON("tracks", { ...movementParams(), limit: 500 });
  if (!data) return;
  state.items = data.items;
  const list = $("mv-list");
  clear(list);
  state.items.forEach((t) => list.appendChild(trackItem(t, selectTrack)));
  if (!state.items.length) list.appendChild(h("li", { class: "muted" }, "No tracks match these filters."));
  $("mv-count").textContent = `(${state.items.length})`;
  $("mv-more").hidden = true;
  await state.mapReady;
  drawTracks(state.items, selectTrack);
  clear($("detail"));
}

const LOADERS = { reports: loadMovements, incidents: loadIncidents, tracks: loadTracks };
const TITLES = { reports: "Movements", incidents: "Incidents", tracks: "Tracks" };
const NOTES = {
  reports: "every movement report as read",
  incidents: "reports merged; circle size: independent sources",
  tracks: "successive positions of one force (the filters pick its reports)",
};

function setMode(mode) {
  // only the filters a mode's endpoint reads are shown; hidden ones are disabled, so not sent
  state.mode = mode;
  document.querySelectorAll("#filters [data-modes]").forEach((el) => {
    const on = el.dataset.modes.split(" ").includes(mode);
    el.hidden = !on;
    el.querySelectorAll("input, select").forEach((c) => { c.disabled = !on; });
  });
  document.querySelectorAll("#map-mode input[name=mode]").forEach((r) => { r.checked = r.value === mode; });
  $("mv-title").textContent = TITLES[mode];
  $("mode-note").textContent = NOTES[mode];
}

function loadMap(append = false) {
  if (!append) showExports();
  return LOADERS[state.mode](append);
}

function download(path, params) {
  return "api/" + path + query(params);
}

function showExports() {
  // the downloads hold exactly what the filters show, through the API's own exports
  const p = movementParams();
  const links = { reports: [["GeoJSON", download("movements.geojson", { ...p, limit: 5000 })],
    ["CSV", download("movements.csv", p)], ["Parquet", download("movements.parquet", p)]],
  incidents: [["GeoJSON", download("incidents.geojson", { ...p, limit: 5000 })]],
  tracks: [["GeoJSON", download("tracks.geojson", { ...p, limit: 5000 })], ["CSV", download("tracks.csv", p)]] }[state.mode];
  $("exports").replaceChildren("Download: ", ...links.flatMap(([name, href], i) =>
    [i ? " · " : "", h("a", { href, download: "", class: "export", dataset: { format: name.toLowerCase() } }, name)]));
}

function navigate(view, arg, params) {
  // a new state is a new history entry; the same one again just reloads
  const target = makeHash(view, arg, params);
  if (target === location.hash) route(true);
  else location.hash = target;
}

function applyFilters() {
  navigate("map", state.mode === "reports" ? "" : state.mode, formParams($("filters")));
}

function pickDays(from, to) {
  // the timeline chooses dates by filling the From/To boxes, as if typed
  const form = $("filters");
  form.elements.date_from.value = from || "";
  form.elements.date_to.value = to || "";
  applyFilters();
}

async function loadTimeline() {
  // the histogram counts movement reports under the other filters: every day stays choosable
  const p = formParams($("filters"));
  const chosen = { from: p.date_from || null, to: p.date_to || null };
  delete p.min_sources;
  delete p.date_from;
  delete p.date_to;
  const data = await getJSON("timeline", { ...p, kind: "movements" });
  if (!data) return;
  drawTimeline($("timeline"), data.days, chosen, pickDays);
}

async function loadFacets() {
  const f = await getJSON("facets");
  if (!f) return;
  state.facets = f;
  const form = $("filters");
  assignColours(f.actor.map((a) => a.value));
  fillSelect(form.elements.actor, f.actor);
  fillSelect(form.elements.equipment, f.equipment, label);
  fillSelect(form.elements.status, f.status, label);
  fillSelect(form.elements.publisher, f.publisher);
  fillSelect(form.elements.observed_by, f.observed_by);
  const cf = $("claim-filters");
  fillSelect(cf.elements.metric, f.metric, label);
  fillSelect(cf.elements.subject, f.subject);
  const c = f.counts;
  $("counts").textContent = `${c.documents} documents · ${c.movements} movements · ${c.claims} claims · ${c.quotes} quotes`;
}

function quoteElements() {
  return { speakers: $("speaker-list"), list: $("quote-groups"), more: $("quote-more"), title: $("quote-title") };
}

function loadClaims(want = null) {
  return loadLedger(formParams($("claim-filters")), $("ledger-groups"), $("ledger-detail"),
    { onClaimant: showSeries, onSelect: (key) => rememberFact(key, "quantity"), want,
      claimantSelect: $("claim-filters").elements.claimant });
}

function showSeries(claimant, quantityKey) {
  // a claimant's name in the ledger opens that claimant's figures, on the same quantity: a new
  // state of the URL, so the series can be shared and back returns to every claimant
  const params = { ...formParams($("claim-filters")), quantity: quantityKey };
  if (claimant) params.claimant = claimant; else delete params.claimant;
  navigate("claims", "", params);
}

function focusQuantity() {
  $("ledger-groups").querySelector("button.group[aria-pressed=true]")?.focus({ preventScroll: true });
}

const shown = {}; // per view, the filters its items were last loaded under

async function selectFromUrl(id) {
  const hit = id && state.items.find((x) => x.id === id);
  if (!hit) return;
  if (state.mode === "incidents") await selectIncident(hit);
  else if (state.mode === "tracks") await selectTrack(hit);
  else showDetail(hit);
}

async function route(force = false) {
  clearError();
  const { view, arg, params } = parseHash(location.hash || "#/map");
  const name = ["map", "claims", "quotes", "documents", "doc"].includes(view) ? view : "map";
  document.querySelectorAll(".view").forEach((s) => { s.hidden = s.id !== `view-${name}`; });
  document.querySelectorAll("nav a[data-view]").forEach((a) => {
    if (a.dataset.view === (name === "doc" ? "documents" : name)) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  });
  const mode = MODES.includes(arg) ? arg : "reports";
  const key = (name === "map" ? mode + "?" : "") + withoutFact(params);
  const fresh = force || shown[name] !== key;
  if (name !== "doc") shown[name] = key;
  if (name === "map") {
    invalidate();
    if (fresh) {
      fillForm($("filters"), params);
      setMode(mode);
      await Promise.all([loadMap(), loadTimeline()]);
    }
    await selectFromUrl(params.get("fact"));
  } else if (name === "claims") {
    if (fresh) {
      fillForm($("claim-filters"), params);
      await loadClaims(params.get("quantity"));
    } else {
      openQuantity(params.get("quantity"));
    }
    if (params.get("quantity")) focusQuantity();
  } else if (name === "quotes" && fresh) {
    fillForm($("quote-search"), params);
    await searchQuotes(formParams($("quote-search")).q || "", quoteElements());
  } else if (name === "documents" && fresh) {
    fillForm($("doc-search"), params);
    await searchDocuments(formParams($("doc-search")), $("doc-list"), $("doc-more"));
  } else if (name === "doc") {
    await showDocument(arg, $("doc-view"), params.get("fact"));
  }
  document.body.dataset.ready = name;
}

function wire() {
  $("filters").addEventListener("submit", (ev) => {
    ev.preventDefault();
    applyFilters();
  });
  $("filters").addEventListener("reset", () => setTimeout(() => {
    applyFilters();
  }, 0));
  $("mv-more").addEventListener("click", () => loadMap(true));
  $("map-mode").addEventListener("change", (ev) => {
    const mode = ev.target.value;
    navigate("map", mode === "reports" ? "" : mode, formParams($("filters")));
  });
  $("claim-filters").addEventListener("submit", (ev) => {
    ev.preventDefault();
    navigate("claims", "", formParams($("claim-filters")));
  });
  $("doc-search").addEventListener("submit", (ev) => {
    ev.preventDefault();
    navigate("documents", "", formParams($("doc-search")));
  });
  $("doc-more").addEventListener("click", () => moreDocuments($("doc-list"), $("doc-more")));
  $("quote-search").addEventListener("submit", (ev) => {
    ev.preventDefault();
    navigate("quotes", "", formParams($("quote-search")));
  });
  $("quote-more").addEventListener("click", () => moreQuotes());
  window.addEventListener("hashchange", () => route());
}

async function start() {
  wire();
  state.config = await getJSON("config");
  state.mapReady = initMap($("map"), state.config);
  await loadFacets();
  await route();
}

start();
