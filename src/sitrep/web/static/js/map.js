// The Leaflet map: an offline basemap of country borders, movements as arrows or markers.
/* global L */
import { colour, h, label, placeName } from "./dom.js";

let map = null;
let layer = null;
const byId = new Map();

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
    map.attributionControl.addAttribution("Borders: Natural Earth");
  }
  el.style.background = "#cfe0ea";
  layer = L.layerGroup().addTo(map);
  return map;
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

export function drawMovements(items, onSelect) {
  layer.clearLayers();
  byId.clear();
  const bounds = [];
  for (const m of items) {
    const c = colour(m.actor);
    const origin = point(m.origin);
    let dest = point(m.destination);
    if (origin && dest && Math.abs(dest[1] - origin[1]) > 180) {
      // go the short way round, across the antimeridian
      dest = [dest[0], dest[1] + (dest[1] < origin[1] ? 360 : -360)];
    }
    const where = dest || point(m.location) || origin;
    if (!where) continue;
    const title = `${m.actor || "unknown actor"} ${label(m.status)} ${placeName(m.destination || m.location || m.origin)}`;
    let shape;
    if (origin && dest) {
      shape = L.polyline([origin, dest], { color: c, weight: 3, opacity: 0.9 });
      layer.addLayer(arrowHead(origin, dest, c));
      bounds.push(origin, dest);
    } else {
      shape = L.circleMarker(where, { radius: 8, color: "#fff", weight: 2, fillColor: c, fillOpacity: 0.95 });
      bounds.push(where);
    }
    shape.bindTooltip(title);
    shape.on("click", () => onSelect(m));
    layer.addLayer(shape);
    byId.set(m.id, { shape, where });
  }
  if (bounds.length) map.fitBounds(L.latLngBounds(bounds).pad(0.3), { maxZoom: 7 });
  return byId.size;
}

export function focusMovement(id) {
  const hit = byId.get(id);
  if (!hit) return;
  map.panTo(hit.where);
  hit.shape.openTooltip(hit.where);
}

export function invalidate() {
  if (map) setTimeout(() => map.invalidateSize(), 0);
}

export function legend(el, items) {
  const actors = [...new Set(items.map((m) => m.actor || "unknown"))];
  el.replaceChildren(...actors.map((a) => h("span", { class: "chip" },
    h("span", { class: "dot", style: `background:${colour(a === "unknown" ? null : a)}` }), a)));
}
