// The Leaflet map: an offline basemap of country borders; movement reports as arrows or markers,
// incidents as circles sized by their independent sources, tracks as lines with time labels.
/* global L */
import { colour, h, label, placeName } from "./dom.js";
import { movementPlaces, shortWhere } from "./movement.js";
import { drawPlaceNames } from "./placenames.js";

let map = null;
let layer = null;
let legendBox = null;
const byId = new Map();
// an origin with no reported destination: a short arrow out of it, this many degrees long
export const STUB_DEGREES = 0.6;

export async function initMap(el, config) {
  map = L.map(el, { worldCopyJump: true, preferCanvas: false }).setView([48.5, 34], 5);
  if (config && config.tile_url) {
    L.tileLayer(config.tile_url, { attribution: config.tile_attribution || "" }).addTo(map);
  } else {
    const resp = await fetch("vendor/world/countries-110m.geojson");
    const world = await resp.json();
    L.geoJSON(world, {
      interactive: false,
      style: { color: "#8a8f98", weight: 0.8, fillColor: "#eef0ea", fillOpacity: 1 },
    }).addTo(map);
    map.attributionControl.addAttribution("Borders: Natural Earth; places: GeoNames");
    await drawPlaceNames(map);
  }
  el.style.background = "#cfe0ea";
  layer = L.layerGroup().addTo(map);
  legendBox = addLegend(map);
  return map;
}

function addLegend(m) {
  const box = h("div", { class: "map-legend", role: "list", "aria-label": "Actor colours" });
  const control = L.control({ position: "bottomleft" });
  control.onAdd = () => box;
  control.addTo(m);
  L.DomEvent.disableClickPropagation(box);
  return box;
}

function showLegend(items) {
  // one swatch for each actor drawn, in the colour its arrows and markers have
  const actors = [...new Set(items.map((i) => i.actor || ""))].sort();
  legendBox.replaceChildren(...actors.map((a) => h("span", { class: "chip", role: "listitem", dataset: { actor: a } },
    h("span", { class: "dot", style: `background:${colour(a || null)}` }), a || "unknown actor")));
  legendBox.hidden = !actors.length;
}

function tip(text) {
  // Leaflet reads a string tooltip as markup: hand it an element holding the text instead
  return h("span", {}, text);
}

function point(ref) {
  return ref && ref.lat !== null && ref.lat !== undefined ? [ref.lat, ref.lon] : null;
}

function arrowHead(from, to, fill) {
  // Mercator keeps angles, so the bearing in projected coordinates holds at every zoom
  const a = map.project(from, 0);
  const b = map.project(to, 0);
  const deg = (Math.atan2(b.y - a.y, b.x - a.x) * 180) / Math.PI + 90;
  const icon = L.divIcon({
    className: "arrow-head",
    html: "<i></i>",
    iconSize: [14, 14],
    iconAnchor: [7, 7],
  });
  const m = L.marker(to, { icon, interactive: false, keyboard: false });
  m.on("add", () => {
    const el = m.getElement();
    if (el) {
      el.style.setProperty("--rot", deg + "deg");
      el.style.setProperty("--c", fill);
    }
  });
  return m;
}

function spot(ref) {
  // where a force can be: an area's centre (a sea, an ocean, a country) is no position of one
  return ref && !ref.area ? point(ref) : null;
}

function shortWay(from, to) {
  // go the short way round, across the antimeridian
  if (from && to && Math.abs(to[1] - from[1]) > 180) return [to[0], to[1] + (to[1] < from[1] ? 360 : -360)];
  return to;
}

function departure(origin) {
  // the direction is not reported: a dashed stub out of the origin says only that it left
  return [origin[0] + STUB_DEGREES * 0.6, origin[1] + STUB_DEGREES];
}

function fitAll(bounds) {
  // without animation: Leaflet drops a new view asked for while a zoom is still animating, so
  // filters applied right after the first load would leave the map on the old items
  if (bounds.length) map.fitBounds(L.latLngBounds(bounds).pad(0.3), { maxZoom: 7, animate: false });
}

export function drawMovements(items, onSelect) {
  layer.clearLayers();
  byId.clear();
  const bounds = [];
  for (const m of items) {
    const c = colour(m.actor);
    const p = movementPlaces(m);
    const origin = spot(p.from);
    const to = shortWay(origin, spot(p.toward) || spot(p.at));
    // an area named is drawn as one (a dashed ring), never as the end of an arrow
    const area = [p.toward, p.at, m.location, p.from].find((r) => r && r.area && point(r));
    const title = `${m.actor || "unknown actor"} ${label(m.status)} ${shortWhere(m)}`;
    let shape;
    let where;
    let note = "";
    if (origin && to) {
      // out of where it set out, into where it is heading (or is now)
      shape = L.polyline([origin, to], { color: c, weight: 3, opacity: 0.9, className: "mv-arrow" });
      layer.addLayer(arrowHead(origin, to, c));
      bounds.push(origin, to);
      where = to;
    } else if (origin) {
      const end = departure(origin);
      shape = L.polyline([origin, end], { color: c, weight: 3, opacity: 0.9, dashArray: "6 5", className: "mv-arrow mv-departure" });
      layer.addLayer(arrowHead(origin, end, c));
      layer.addLayer(L.circleMarker(origin, { radius: 4, color: c, weight: 2, fillColor: "#fff", fillOpacity: 1, interactive: false }));
      bounds.push(origin);
      where = origin;
      note = p.toward && p.toward.area ? ` (into ${placeName(p.toward)}, an area: no end point)` : " (direction not reported)";
    } else if (to || spot(m.location)) {
      where = to || spot(m.location);
      shape = L.circleMarker(where, { radius: 8, color: "#fff", weight: 2, fillColor: c, fillOpacity: 0.95 });
      bounds.push(where);
    } else if (area) {
      where = point(area);
      shape = L.circleMarker(where, { radius: 18, color: c, weight: 2, dashArray: "4 4", fillColor: c, fillOpacity: 0.12,
        className: "mv-area" });
      bounds.push(where);
      note = ` (somewhere in ${placeName(area)}, an area: no exact position)`;
    } else {
      continue;
    }
    shape.bindTooltip(tip(title + note));
    shape.on("click", () => onSelect(m));
    layer.addLayer(shape);
    byId.set(m.id, { shape, where });
  }
  showLegend(items);
  fitAll(bounds);
  return byId.size;
}

export function arrowPaths() {
  // for tests and tools: each movement's drawn line as [[lat, lon], ...]
  const out = {};
  for (const [id, hit] of byId) if (hit.shape.getLatLngs) out[id] = hit.shape.getLatLngs().map((ll) => [ll.lat, ll.lng]);
  return out;
}

export function incidentRadius(nSources) {
  // the area, not the radius, grows with the sources, so three sources do not look nine times louder
  return Math.min(26, 6 + 6 * Math.sqrt(Math.max(0, (nSources || 1) - 1)));
}

export function drawIncidents(items, onSelect) {
  layer.clearLayers();
  byId.clear();
  const bounds = [];
  // the best corroborated last, so they are drawn on top of the rest
  const ordered = items.filter((i) => i.lat !== null && i.lon !== null)
    .sort((a, b) => a.n_sources - b.n_sources);
  for (const inc of ordered) {
    const where = [inc.lat, inc.lon];
    const shape = L.circleMarker(where, {
      radius: incidentRadius(inc.n_sources), className: `incident-marker n-sources-${inc.n_sources}`, color: "#fff", weight: 2,
      fillColor: colour(inc.actor), fillOpacity: 0.8,
    });
    const sources = `${inc.n_sources} independent source${inc.n_sources === 1 ? "" : "s"}`;
    shape.bindTooltip(tip(`${inc.actor || "unknown actor"} ${label(inc.status)} ${inc.place || ""} — ${sources}, ${inc.n_reports} report${inc.n_reports === 1 ? "" : "s"}`));
    shape.on("click", () => onSelect(inc));
    layer.addLayer(shape);
    byId.set(inc.id, { shape, where });
    bounds.push(where);
  }
  showLegend(ordered);
  fitAll(bounds);
  return byId.size;
}

function unwrap(points) {
  // each point within 180 degrees of longitude of the one before: lines go the short way round
  const out = [];
  for (const p of points) {
    let lon = p.lon;
    if (out.length) {
      const prev = out[out.length - 1][1];
      while (lon - prev > 180) lon -= 360;
      while (prev - lon > 180) lon += 360;
    }
    out.push([p.lat, lon]);
  }
  return out;
}

export function trackLabel(p) {
  const when = p.first_seen && p.last_seen && p.last_seen !== p.first_seen
    ? `${p.first_seen} – ${p.last_seen}` : p.first_seen || "undated";
  return `${p.place || "?"} · ${when}`;
}

export function drawTracks(items, onSelect) {
  layer.clearLayers();
  byId.clear();
  const bounds = [];
  for (const t of items) {
    if (!t.points.length) continue;
    const c = colour(t.actor);
    const pts = unwrap(t.points);
    const line = L.polyline(pts, { color: c, weight: 4, opacity: 0.85, className: "track-line" });
    line.bindTooltip(tip(`${t.actor || "unknown actor"}: ${t.points.map((p) => p.place).join(" → ")}`), { sticky: true });
    line.on("click", () => onSelect(t));
    layer.addLayer(line);
    if (pts.length > 1) layer.addLayer(arrowHead(pts[pts.length - 2], pts[pts.length - 1], c));
    t.points.forEach((p, i) => {
      const dot = L.circleMarker(pts[i], { radius: 5, className: "track-point", color: c, weight: 2,
        fillColor: "#fff", fillOpacity: 1 });
      dot.bindTooltip(tip(trackLabel(p)), { permanent: true, direction: "right", offset: [6, 0], className: "track-label" });
      dot.on("click", () => onSelect(t));
      layer.addLayer(dot);
      bounds.push(pts[i]);
    });
    byId.set(t.id, { shape: line, where: pts[pts.length - 1], bounds: L.latLngBounds(pts) });
  }
  showLegend(items);
  fitAll(bounds);
  return byId.size;
}

export function panTo(lat, lon) {
  if (map && lat !== null && lon !== null) map.panTo([lat, lon]);
}

export function focusMovement(id) {
  const hit = byId.get(id);
  if (!hit) return;
  if (hit.bounds) map.fitBounds(hit.bounds.pad(0.4), { maxZoom: 9 });
  else map.panTo(hit.where);
  hit.shape.openTooltip(hit.where);
}

export function invalidate() {
  if (map) setTimeout(() => map.invalidateSize(), 0);
}
