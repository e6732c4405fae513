// The URL is the state: the view, its filters and the selected fact live in the hash
// (#/map/incidents?actor=Russia&q=Kiev&fact=<id>), so a reload or a shared link opens the same
// view, and back/forward walk through the filters applied.
import { h } from "./dom.js";

export function parseHash(hash) {
  const m = (hash || "").match(/^#\/([a-z]+)\/?([^?]*)(?:\?(.*))?$/);
  if (!m) return { view: "map", arg: "", params: new URLSearchParams() };
  let arg = m[2] || "";
  try { arg = decodeURIComponent(arg); } catch (err) { /* a broken escape stays as written */ }
  return { view: m[1], arg, params: new URLSearchParams(m[3] || "") };
}

export function makeHash(view, arg, params) {
  const q = new URLSearchParams(params || {});
  q.sort();
  const s = q.toString();
  return `#/${view}${arg ? "/" + encodeURIComponent(arg) : ""}${s ? "?" + s : ""}`;
}

// what is selected among the items loaded (a fact; in the claims view, a quantity)
const SELECTION = ["fact", "quantity"];

export function withoutFact(params) {
  // the filters part of a state: what decides which items are loaded
  const q = new URLSearchParams(params);
  SELECTION.forEach((k) => q.delete(k));
  q.sort();
  return q.toString();
}

export function fillForm(form, params) {
  // every named field takes its value from the URL, or is emptied
  for (const el of form.elements) {
    if (!el.name || el.type === "submit" || el.type === "reset" || el.type === "button") continue;
    const v = params.get(el.name);
    if (el.type === "checkbox") {
      el.checked = v !== null && v === el.value;
    } else if (el.tagName === "SELECT") {
      // a value the facets do not list (yet) is kept, so the link still filters by it
      if (v && ![...el.options].some((o) => o.value === v)) el.appendChild(h("option", { value: v }, v));
      el.value = v || "";
    } else {
      el.value = v || "";
    }
  }
}

export function rememberFact(id, key = "fact") {
  // choosing a fact (or a quantity: key) replaces the current history entry: back goes to the
  // previous filters
  const { view, arg, params } = parseHash(location.hash || "#/map");
  if (id) params.set(key, id); else params.delete(key);
  const target = makeHash(view, arg, params);
  if (target !== location.hash) history.replaceState(null, "", target);
}
