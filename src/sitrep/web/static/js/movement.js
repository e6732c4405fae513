// How one movement reads: where it set out from, where it is heading, where it is; and its date.
import { placeName } from "./dom.js";

function samePlace(a, b) {
  if (!a || !b) return false;
  if (a.mention && a.mention === b.mention) return true;
  return a.lat !== null && a.lat !== undefined && a.lat === b.lat && a.lon === b.lon;
}

export function movementPlaces(m) {
  // a destination is not also a location, nor is an origin: "at X" only for a third place
  const at = m.location && !samePlace(m.location, m.destination) && !samePlace(m.location, m.origin)
    ? m.location : null;
  return { from: m.origin || null, toward: m.destination || null, at };
}

function named(ref) {
  // an area (a sea, an ocean, a country) is said to be one: the map has no point for it
  return ref.area ? `${placeName(ref)} (an area)` : placeName(ref);
}

export function whereText(m) {
  const p = movementPlaces(m);
  return [p.from && `from ${named(p.from)}`, p.toward && `toward ${named(p.toward)}`,
    p.at && `${p.at.area ? "in" : "at"} ${named(p.at)}`].filter(Boolean).join(" ") || "no place";
}

export function shortWhere(m) {
  // the one place a list line names: where it is heading, else where it is, else where it left
  const p = movementPlaces(m);
  if (p.toward) return `→ ${placeName(p.toward)}`;
  if (p.at) return `at ${placeName(p.at)}`;
  if (p.from) return `from ${placeName(p.from)}`;
  return "";
}

export function dateText(m) {
  if (!m.date) return "undated";
  return m.date_source === "article" ? `${m.date.slice(0, 10)} (article date)` : m.date;
}
