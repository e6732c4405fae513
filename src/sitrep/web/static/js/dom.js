// DOM helpers: every piece of data enters the page as a text node, never as markup.

// Explicit bidi formatting (embeddings, overrides such as RLO, isolates) in data would reorder
// the letters of a title; text with them or with right-to-left script is shown isolated (<bdi>,
// direction from its own letters) and the formatting characters as U+FFFD (same length, so
// offsets into the text still hold).
const BIDI_FORMATTING = /[\u202A-\u202E\u2066-\u2069]/g;
const NEEDS_ISOLATION = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\u200F\u202A-\u202E\u2066-\u2069]/;

export function textNode(value) {
  const s = String(value);
  if (!NEEDS_ISOLATION.test(s)) return document.createTextNode(s);
  const el = document.createElement("bdi");
  el.textContent = s.replace(BIDI_FORMATTING, "\uFFFD");
  return el;
}

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
    else if (k === "class") el.className = v;
    else if (k === "dataset") Object.assign(el.dataset, v);
    else if (k === "style") el.style.cssText = v;  // through the CSSOM: the CSP allows no inline style
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  append(el, children);
  return el;
}

export function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === null || c === undefined || c === false) continue;
    el.appendChild(c instanceof Node ? c : textNode(c));
  }
  return el;
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

const PALETTE = ["#c0392b", "#2471a3", "#1e8449", "#b9770e", "#7d3c98", "#117a65",
                 "#d35400", "#2e4053", "#e84393", "#6d4c41", "#7f8c00", "#00838f"];
const assigned = new Map();

export function assignColours(names) {
  // the actors the store knows, most frequent first, each a colour of its own: the palette's,
  // then hues a golden angle apart
  assigned.clear();
  names.forEach((n, i) => assigned.set(n, i < PALETTE.length ? PALETTE[i]
    : `hsl(${Math.round((i * 137.508) % 360)}, 60%, 38%)`));
}

export function colour(name) {
  if (!name) return "#555";
  if (assigned.has(name)) return assigned.get(name);
  let n = 0;
  for (const ch of name) n = (n * 31 + ch.codePointAt(0)) >>> 0;
  return PALETTE[n % PALETTE.length];
}

export function fmtNumber(x) {
  return x === null || x === undefined ? "" : Number(x).toLocaleString("en");
}

export function fmtRange(low, high) {
  if (low !== null && high !== null && low === high) return fmtNumber(low);
  if (low === null && high !== null) return "up to " + fmtNumber(high);
  if (low !== null && high === null) return "at least " + fmtNumber(low);
  if (low === null && high === null) return "?";
  return fmtNumber(low) + "–" + fmtNumber(high);
}

export function placeName(ref) {
  return ref && ref.mention ? ref.mention : "";
}

export function label(s) {
  return (s || "").replace(/_/g, " ");
}
