// The claims ledger: for one metric and subject, every figure by claimant and date, side by side.
import { getJSON } from "./api.js";
import { clear, colour, fmtNumber, fmtRange, h, label } from "./dom.js";

const SVG = "http://www.w3.org/2000/svg";

function svg(tag, attrs) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

function groupTitle(g) {
  return `${label(g.metric)} — ${g.subject || "subject not stated"}`;
}

export async function loadLedger(params, listEl, detailEl) {
  const data = await getJSON("claims/ledger", params);
  clear(listEl);
  clear(detailEl);
  if (!data) return;
  if (!data.groups.length) {
    listEl.appendChild(h("li", { class: "muted" }, "No claims for these filters."));
    return;
  }
  data.groups.forEach((g, i) => {
    const btn = h("button", { type: "button", class: "group", "aria-pressed": "false",
      onclick: () => select(i) },
      h("span", { class: "g-title" }, groupTitle(g)),
      h("span", { class: "g-meta" }, `${g.figures.length} figures · ${g.claimants.length} claimants`),
      g.disagree ? h("span", { class: "badge warn" }, "figures disagree") : null);
    listEl.appendChild(h("li", {}, btn));
  });
  const select = (i) => {
    listEl.querySelectorAll("button.group").forEach((b, j) => b.setAttribute("aria-pressed", String(i === j)));
    showGroup(data.groups[i], detailEl);
  };
  select(0);
}

function showGroup(g, el) {
  clear(el);
  el.appendChild(h("h2", {}, groupTitle(g)));
  if (g.disagree) el.appendChild(h("p", { class: "badge warn" }, "Claimants give figures that cannot all be true."));
  el.appendChild(chart(g.figures));
  const rows = g.figures.map((c) => h("tr", {},
    h("td", {}, h("span", { class: "dot", style: `background:${colour(c.claimant)}` }), c.claimant || "the outlet itself"),
    h("td", {}, c.date || "undated"),
    h("td", { class: "num" }, fmtRange(c.low, c.high)),
    h("td", {}, h("q", {}, c.evidence.text)),
    h("td", {}, h("a", { href: `#/doc/${encodeURIComponent(c.doc_id)}` }, c.document.title || c.document.name || c.doc_id))));
  el.appendChild(h("div", { class: "table-wrap" }, h("table", { class: "ledger" },
    h("caption", {}, "Every figure by claimant and date"),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Claimant"), h("th", { scope: "col" }, "Date"),
      h("th", { scope: "col" }, "Figure"), h("th", { scope: "col" }, "Evidence"), h("th", { scope: "col" }, "Source"))),
    h("tbody", {}, rows))));
}

function chart(figures) {
  // one row per figure: a bar for a single value, a band for a range, an open end for "up to"/"at least"
  const vals = figures.flatMap((c) => [c.low, c.high]).filter((x) => x !== null);
  const max = Math.max(1, ...vals) * 1.1;
  const w = 520;
  const left = 150;
  const rowH = 22;
  const hgt = figures.length * rowH + 8;
  const s = svg("svg", { viewBox: `0 0 ${w} ${hgt}`, class: "claims-chart", role: "img",
    "aria-label": "Figures by claimant" });
  const x = (v) => left + ((w - left - 60) * v) / max;
  figures.forEach((c, i) => {
    const y = i * rowH + 4;
    const name = svg("text", { x: left - 6, y: y + 14, "text-anchor": "end", class: "c-label" });
    name.textContent = (c.claimant || "outlet") + (c.date ? " · " + c.date : "");
    s.appendChild(name);
    const range = c.low !== null && c.high !== null && c.low !== c.high;
    const lo = range || c.high === null ? (c.low !== null ? c.low : 0) : 0;
    const hi = c.high !== null ? c.high : max;
    const fill = colour(c.claimant);
    s.appendChild(svg("rect", { x: x(lo), y: y + 3, width: Math.max(3, x(hi) - x(lo)), height: rowH - 8,
      fill, opacity: c.low === null || c.high === null ? 0.45 : 0.9 }));
    const val = svg("text", { x: Math.min(x(hi) + 4, w - 58), y: y + 14, class: "c-value" });
    val.textContent = fmtRange(c.low, c.high);
    s.appendChild(val);
  });
  return s;
}

export { fmtNumber };
