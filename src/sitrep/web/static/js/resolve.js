// Incidents (one movement told by several reports, sources counted once per group of copies)
// and tracks (successive positions of one force), as list items and as the detail panel.
import { getJSON } from "./api.js";
import { colour, h, label } from "./dom.js";
import { evidenceBlock } from "./evidence.js";
import { docLink, memberDoc, membership } from "./groups.js";
import { trackLabel } from "./map.js";

function plural(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}

function span(first, last) {
  if (!first && !last) return "undated";
  return first === last || !last ? first : `${first || "?"} – ${last}`;
}

function leftOnly(inc) {
  // only where it set out from is known: the place is that origin
  return !!inc.place && inc.place === inc.origin;
}

function incidentTitle(inc) {
  const where = inc.place ? (leftOnly(inc) ? " from " : " → ") + inc.place : "";
  return `${inc.actor || "Unknown actor"} ${label(inc.status)}${where}`;
}

export function incidentItem(inc, onSelect) {
  return h("li", {}, h("button", { type: "button", class: "fact incident", dataset: { id: inc.id }, onclick: () => onSelect(inc) },
    h("span", { class: "dot", style: `background:${colour(inc.actor)}` }),
    h("span", { class: "f-title" }, incidentTitle(inc)),
    h("span", { class: "f-meta" }, [span(inc.first_seen, inc.last_seen), inc.equipment.map(label).join(", ")].filter(Boolean).join(" · ")),
    h("span", { class: "sources" },
      h("span", { class: inc.n_sources > 1 ? "badge ok" : "badge" }, plural(inc.n_sources, "independent source", "independent sources")),
      h("span", { class: "badge" }, plural(inc.n_reports, "report", "reports")))));
}

function reportItem(r, entry, nth, seen) {
  // a report is a new source only for the first report of its group of copies
  const first = !seen.has(r.group_id);
  if (first) seen.set(r.group_id, nth);
  const d = r.doc;
  const tags = [first
    ? h("span", { class: "badge ok" }, `source ${seen.get(r.group_id)}`)
    : h("span", { class: "badge" }, `same source as ${seen.get(r.group_id)} — not counted again`)];
  if (entry && entry.member.role === "copy") {
    tags.push(h("span", { class: "badge copies" }, "republished copy of ",
      docLink(memberDoc(entry.group, entry.member.parent_id))));
  }
  return h("li", { class: first ? "report" : "report repeat", dataset: { group: r.group_id } },
    h("div", { class: "chips" }, tags),
    evidenceBlock(r.doc.id, { start: r.start, end: r.end, text: r.evidence }),
    h("p", { class: "source" }, "Source: ", docLink(d, r.movement_id),
      [d.publisher, r.date || d.published].filter(Boolean).length ? ` (${[d.publisher, r.date || d.published].filter(Boolean).join(", ")})` : "",
      r.observed_by ? ` · reported by ${r.observed_by}` : ""));
}

export async function showIncident(inc, el) {
  const where = [inc.origin && `from ${inc.origin}`,
    inc.place && !leftOnly(inc) && (inc.origin ? `to ${inc.place}` : `at ${inc.place}`)]
    .filter(Boolean).join(" ") || "no place";
  const copies = await membership(inc.reports.map((r) => r.doc.id));
  const seen = new Map();
  let nth = 0;
  const items = inc.reports.map((r) => {
    if (!seen.has(r.group_id)) nth += 1;
    return reportItem(r, copies.get(r.doc.id), nth, seen);
  });
  el.replaceChildren(
    h("h2", {}, h("span", { class: "dot", style: `background:${colour(inc.actor)}` }), incidentTitle(inc)),
    h("dl", {},
      h("dt", {}, "Where"), h("dd", {}, where),
      h("dt", {}, "When"), h("dd", {}, span(inc.first_seen, inc.last_seen)),
      h("dt", {}, "Equipment"), h("dd", {}, inc.equipment.map(label).join(", ") || "not stated"),
      h("dt", {}, "Reported by"), h("dd", {}, inc.observers.join(", ") || "not stated"),
      h("dt", {}, "Sources"), h("dd", { class: "n-sources" },
        `${plural(inc.n_sources, "independent source", "independent sources")} · ${plural(inc.n_reports, "report", "reports")} in ${plural(inc.n_documents, "document", "documents")}`),
      h("dt", {}, "Confidence"), h("dd", {}, Number(inc.confidence).toFixed(2))),
    h("h3", { class: "list-title" }, "Reports"),
    h("ol", { class: "reports" }, items));
}

export function trackItem(t, onSelect) {
  return h("li", {}, h("button", { type: "button", class: "fact track", dataset: { id: t.id }, onclick: () => onSelect(t) },
    h("span", { class: "dot", style: `background:${colour(t.actor)}` }),
    h("span", { class: "f-title" }, `${t.actor || "Unknown actor"}: ${t.points.map((p) => p.place || "?").join(" → ")}`),
    h("span", { class: "f-meta" }, `${span(t.first_seen, t.last_seen)} · ${Math.round(t.km)} km · ${plural(t.points.length, "position", "positions")}`)));
}

async function evidenceByIncident(t) {
  // the track's positions come from incidents: read them back for their evidence
  const data = await getJSON("incidents", { actor: t.actor, date_from: t.first_seen, date_to: t.last_seen, limit: 500 });
  const out = new Map();
  for (const inc of (data && data.items) || []) out.set(inc.id, inc);
  return out;
}

export async function showTrack(t, el, onPoint) {
  const incidents = t.actor && t.first_seen ? await evidenceByIncident(t) : new Map();
  el.replaceChildren(
    h("h2", {}, h("span", { class: "dot", style: `background:${colour(t.actor)}` }), `${t.actor || "Unknown actor"} — track`),
    h("dl", {},
      h("dt", {}, "When"), h("dd", {}, span(t.first_seen, t.last_seen)),
      h("dt", {}, "Length"), h("dd", {}, `${Math.round(t.km)} km along ${plural(t.points.length, "position", "positions")}`)),
    h("h3", { class: "list-title" }, "Positions in time order"),
    h("ol", { class: "track-points" }, t.points.map((p) => {
      const inc = incidents.get(p.incident_id);
      const rep = inc && inc.reports[0];
      return h("li", {},
        h("button", { type: "button", class: "link", onclick: () => onPoint(p) },
          `${p.role === "origin" ? "set out from" : "seen at"} ${trackLabel(p)}`),
        rep ? evidenceBlock(rep.doc.id, { start: rep.start, end: rep.end, text: rep.evidence }) : null,
        rep ? h("p", { class: "source" }, "Source: ", docLink(rep.doc, rep.movement_id),
          inc.n_sources > 1 ? ` and ${plural(inc.n_sources - 1, "other independent source", "other independent sources")}` : "") : null);
    })));
}
