// Place names on the offline map: the largest cities (data/cities.json, made by
// scripts/make_placenames.py), as many as fit at the current zoom, the most populous first.
/* global L */
import { h } from "./dom.js";

const CHAR_PX = 6.4; // the width of a label's letter, near enough, at the label's font size
const LABEL_H = 14;
const MAX_LABELS = 200;

let rows = [];
let layer = null;

export function minPopulation(zoom) {
  // a country-wide view names only the great cities; zoomed in, every city the data holds
  if (zoom <= 3) return 5e6;
  if (zoom <= 4) return 1.5e6;
  if (zoom <= 5) return 5e5;
  if (zoom <= 6) return 2e5;
  return 0;
}

function overlaps(a, boxes) {
  return boxes.some((b) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h);
}

function labelIcon(name) {
  return L.divIcon({ className: "place-name", html: h("span", {}, name), iconSize: null, iconAnchor: [-4, 7] });
}

export function placeLabels(map) {
  // greedy: each city in population order takes its box unless a larger one's is there
  const size = map.getSize();
  const floor = minPopulation(map.getZoom());
  const boxes = [];
  const out = [];
  for (const [name, lat, lon, pop] of rows) {
    if (pop < floor || out.length >= MAX_LABELS) break;
    const p = map.latLngToContainerPoint([lat, lon]);
    const box = { x: p.x - 3, y: p.y - LABEL_H / 2, w: name.length * CHAR_PX + 10, h: LABEL_H };
    if (p.x < 0 || p.y < LABEL_H / 2 || box.x + box.w > size.x || box.y + box.h > size.y) continue;
    if (overlaps(box, boxes)) continue;
    boxes.push(box);
    out.push([name, lat, lon]);
  }
  return out;
}

function redraw(map) {
  layer.clearLayers();
  for (const [name, lat, lon] of placeLabels(map)) {
    layer.addLayer(L.marker([lat, lon], { icon: labelIcon(name), pane: "placenames", interactive: false, keyboard: false }));
  }
}

export async function drawPlaceNames(map) {
  let body = null;
  try {
    const resp = await fetch("data/cities.json");
    body = resp.ok ? await resp.json() : null;
  } catch (err) {
    body = null;
  }
  if (!body) return; // the map works without names
  rows = body.rows;
  map.createPane("placenames").classList.add("placenames-pane");
  layer = L.layerGroup().addTo(map);
  map.on("zoomend moveend resize", () => redraw(map));
  redraw(map);
}
