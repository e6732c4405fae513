// The claims ledger: for one quantity (subject, metric, period), every figure by claimant and date,
// contradictions flagged, republished copies marked and not counted twice; a claimant's series.
// Only what a claim holds is shown: a period or a unit its evidence does not state is never added.
import { getJSON } from "./api.js";
import { clear, fmtNumber, fmtRange, h, label } from "./dom.js";
import { evidenceBlock } from "./evidence.js";
import { evidenceHref } from "./source.js";

// claimants on one quantity get colours of their own: these first, then hues spread around the wheel
const CLAIMANT_PALETTE = ["#c0392b", "#2471a3", "#b9770e", "#7d3c98", "#1e8449", "#2e4053",
  "#e67e22", "#17a5a5", "#d81b60", "#7f8c8d", "#6e2c00", "#9acd32"];
const narrow = () => window.matchMedia("(max-width: 760px)").matches;
let detailHome = null; // where the detail lives at desktop width (on a phone it opens under the quantity)

const SVG = "http://www.w3.org/2000/svg";

function svg(tag, attrs) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

function svgText(attrs, text) {
  const el = svg("text", attrs);
  el.textContent = text;
  return el;
}

function plural(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}

function quantityName(q) {
  // the catch-all metric is named by the noun its figures count, or said to be unrecognised
  if (q.metric !== "other") return label(q.metric);
  return q.unit ? `${q.unit} (kind not classified)` : "figure of an unrecognised kind";
}

function quantityTitle(q) {
  return `${quantityName(q)} — ${q.subject || "subject not stated"}${q.period ? ` (over one ${q.period})` : ""}`;
}

function claimantName(f) {
  return f.claimant || `the outlet itself${f.doc.publisher ? " (" + f.doc.publisher + ")" : ""}`;
}

export function claimantsOf(figures) {
  // one entry per claimant key ("Zelensky" and "Zelenskyy" are one), in order of appearance
  const out = new Map();
  for (const f of figures) {
    const c = out.get(f.claimant_key) || { key: f.claimant_key, name: claimantName(f), names: new Set(), figures: 0 };
    if (f.claimant) c.names.add(f.claimant);
    c.figures += 1;
    out.set(f.claimant_key, c);
  }
  return [...out.values()];
}

function claimantColours(figures) {
  const out = new Map();
  claimantsOf(figures).forEach((c, i) => out.set(c.key, i < CLAIMANT_PALETTE.length
    ? CLAIMANT_PALETTE[i] : `hsl(${Math.round((i * 137.508) % 360)}, 55%, 40%)`));
  return out;
}

function fillClaimants(select, quantities) {
  // the claimant filter lists each claimant once, with the other spellings it goes by
  const keep = select.value;
  const all = claimantsOf(quantities.flatMap((q) => q.figures).filter((f) => f.claimant))
    .sort((a, b) => b.figures - a.figures || a.name.localeCompare(b.name));
  select.replaceChildren(h("option", { value: "" }, "any"), ...all.map((c) => {
    const others = [...c.names].filter((n) => n !== c.name);
    return h("option", { value: c.name, dataset: { key: c.key } },
      `${c.name}${others.length ? " / " + others.join(" / ") : ""} (${c.figures})`);
  }));
  if (keep && ![...select.options].some((o) => o.value === keep)) select.appendChild(h("option", { value: keep }, keep));
  select.value = keep;
}

function figureText(f) {
  return fmtRange(f.low, f.high) + (f.unit ? ` ${f.unit}` : "");
}

function counted(q) {
  return q.figures.filter((f) => !f.copy_of);
}

let openKey = () => false; // opens a quantity of the ledger shown, by its key

export function openQuantity(key) {
  // the quantity a link names, in the ledger already loaded (false: not there)
  return openKey(key);
}

export async function loadLedger(params, listEl, detailEl, opts = {}) {
  // opts: onClaimant(name, quantityKey), onSelect(quantityKey) when one is chosen,
  // want (a quantity key to open), claimantSelect
  const onClaimant = opts.onClaimant || (() => {});
  const onSelect = opts.onSelect || (() => {});
  openKey = () => false;
  if (!detailHome) detailHome = detailEl.parentNode;
  if (detailEl.parentNode !== detailHome) detailHome.appendChild(detailEl);
  const data = await getJSON("ledger", { ...params, limit: 500 });
  clear(listEl);
  clear(detailEl);
  if (!data) return;
  if (opts.claimantSelect && !params.claimant) fillClaimants(opts.claimantSelect, data.quantities);
  if (!data.quantities.length) {
    listEl.appendChild(h("li", { class: "muted" }, "No claims for these filters."));
    return;
  }
  const series = params.claimant || null;
  data.quantities.forEach((q, i) => {
    const own = counted(q);
    const copies = q.figures.length - own.length;
    const clash = own.filter((f) => f.n_contradicts > 0).length;
    const claimants = new Set(own.map((f) => f.claimant_key)).size;
    const btn = h("button", { type: "button", class: "group", "aria-pressed": "false", dataset: { key: q.key },
      onclick: () => { select(i); onSelect(q.key); } },
      h("span", { class: "g-title" }, quantityTitle(q)),
      h("span", { class: "g-meta" }, [plural(own.length, "figure", "figures"), plural(claimants, "claimant", "claimants"),
        copies ? `${plural(copies, "copy", "copies")} not counted` : null].filter(Boolean).join(" · ")),
      clash ? h("span", { class: "badge warn" }, `${clash} contradict${clash === 1 ? "s" : ""}`) : null);
    listEl.appendChild(h("li", {}, btn));
  });
  const select = (i) => {
    listEl.querySelectorAll("button.group").forEach((b, j) => b.setAttribute("aria-pressed", String(i === j)));
    showQuantity(data.quantities[i], detailEl, series, onClaimant);
    if (narrow()) {
      // on a phone the figures open right under the quantity tapped, not below the whole list
      const item = listEl.children[i];
      item.appendChild(detailEl);
      item.scrollIntoView({ block: "start" });
    } else if (detailEl.parentNode !== detailHome) {
      detailHome.appendChild(detailEl);
    }
  };
  openKey = (key) => {
    const i = data.quantities.findIndex((q) => q.key === key);
    if (i >= 0) select(i);
    return i >= 0;
  };
  if (!openKey(opts.want) && !narrow()) select(0);
}

function checkCell(f, q, table) {
  if (f.copy_of) {
    const orig = q.figures.find((x) => x.claim_id === f.copy_of);
    return h("td", { class: "check", dataset: { label: "Check" } }, h("span", { class: "badge copies" }, "copy — not counted"),
      orig ? [" of ", h("a", { href: `#/doc/${encodeURIComponent(orig.doc.id)}` }, orig.doc.title || orig.doc.name)] : "");
  }
  if (!f.n_contradicts) return h("td", { class: "check muted", dataset: { label: "Check" } }, "no conflict");
  const btn = h("button", { type: "button", class: "badge warn", "aria-pressed": "false",
    title: "show the figures this one cannot agree with" },
  `contradicts ${plural(f.n_contradicts, "figure", "figures")}`);
  btn.addEventListener("click", () => {
    const on = btn.getAttribute("aria-pressed") !== "true";
    table.querySelectorAll("button.badge.warn").forEach((b) => b.setAttribute("aria-pressed", "false"));
    table.querySelectorAll("tr.hit, tr.picked").forEach((r) => r.classList.remove("hit", "picked"));
    if (!on) return;
    btn.setAttribute("aria-pressed", "true");
    btn.closest("tr").classList.add("picked");
    for (const id of f.contradicts) {
      const row = table.querySelector(`tr[data-claim="${CSS.escape(id)}"]`);
      if (row) row.classList.add("hit");
    }
  });
  return h("td", { class: "check", dataset: { label: "Check" } }, btn);
}

function legend(figures, colours, series, onClaimant, key) {
  // who is who on the chart: each claimant once, in its colour, with the spellings it goes by
  return h("ul", { class: "claimant-legend", "aria-label": "Claimants" }, claimantsOf(figures).map((c) => {
    const others = [...c.names].filter((n) => n !== c.name);
    const name = c.names.size && !series
      ? h("button", { type: "button", class: "link claimant", title: `${c.name}'s figures over time`,
        onclick: () => onClaimant(c.name, key) }, c.name)
      : c.name;
    return h("li", { dataset: { key: c.key } },
      h("span", { class: "swatch", style: `background:${colours.get(c.key)}` }), name,
      others.length ? h("span", { class: "muted" }, ` (also ${others.join(", ")})`) : "",
      h("span", { class: "muted" }, ` · ${plural(c.figures, "figure", "figures")}`));
  }));
}

function showQuantity(q, el, series, onClaimant) {
  clear(el);
  const own = counted(q);
  const clash = own.filter((f) => f.n_contradicts > 0).length;
  const colours = claimantColours(q.figures);
  el.appendChild(h("h2", {}, quantityTitle(q)));
  if (series) {
    el.appendChild(h("p", { class: "series-note" }, `Figures given by ${series}, in time order. `,
      h("button", { type: "button", class: "link", onclick: () => onClaimant("", q.key) }, "Show every claimant")));
  }
  if (clash) {
    el.appendChild(h("p", { class: "badge warn" },
      `${plural(clash, "figure contradicts", "figures contradict")} a figure from another claimant: they cannot all be true.`));
  }
  el.appendChild(legend(q.figures, colours, series, onClaimant, q.key));
  if (series) {
    const s = seriesChart(own, colours);
    if (s) el.appendChild(s);
  }
  el.appendChild(chart(own, colours));
  const table = h("table", { class: "ledger" });
  const rows = q.figures.map((f) => h("tr", { class: f.copy_of ? "copy-row" : null, dataset: { claim: f.claim_id, claimant: f.claimant_key } },
    h("td", { dataset: { label: "Claimant" } }, h("span", { class: "dot", style: `background:${colours.get(f.claimant_key)}` }),
      f.claimant && !series
        ? h("button", { type: "button", class: "link claimant", title: `${f.claimant}'s figures over time`,
          onclick: () => onClaimant(f.claimant, q.key) }, f.claimant)
        : claimantName(f)),
    h("td", { dataset: { label: "Date" } }, f.date || f.doc.published || "undated"),
    h("td", { class: "num", dataset: { label: "Figure" } }, figureText(f)),
    h("td", { class: "evidence", dataset: { label: "Evidence" } },
      evidenceBlock(f.doc.id, { start: f.start, end: f.end, text: f.evidence })),
    h("td", { dataset: { label: "Source" } }, h("a", { href: evidenceHref(f.doc.id, f.claim_id), title: "open the article at this figure" },
      f.doc.title || f.doc.name || f.doc.id)),
    checkCell(f, q, table)));
  table.append(
    h("caption", {}, "Every figure by claimant and date"),
    h("thead", {}, h("tr", {}, ["Claimant", "Date", "Figure", "Evidence", "Source", "Check"].map((c) => h("th", { scope: "col" }, c)))),
    h("tbody", {}, rows));
  el.appendChild(h("div", { class: "table-wrap" }, table));
}

function chart(figures, colours) {
  // one row per figure: a bar for a single value, a band for a range, an open end for "up to"/"at least"
  const vals = figures.flatMap((c) => [c.low, c.high]).filter((x) => x !== null);
  const max = Math.max(1, ...vals) * 1.1;
  const w = 520;
  const left = 150;
  const rowH = 22;
  const hgt = figures.length * rowH + 8;
  const s = svg("svg", { viewBox: `0 0 ${w} ${hgt}`, class: "claims-chart", role: "img",
    "aria-label": "Figures by claimant" });
  const x = (v) => left + ((w - left - 140) * v) / max; // 140: room for the value's text
  figures.forEach((c, i) => {
    const y = i * rowH + 4;
    const name = (c.claimant || "outlet") + (c.date ? " · " + c.date : "");
    const tag = svgText({ x: left - 6, y: y + 14, "text-anchor": "end", class: "c-label" },
      name.length > 22 ? name.slice(0, 21) + "…" : name);
    const full = svg("title", {});
    full.textContent = name;
    tag.appendChild(full);
    s.appendChild(tag);
    const range = c.low !== null && c.high !== null && c.low !== c.high;
    const lo = range || c.high === null ? (c.low !== null ? c.low : 0) : 0;
    const hi = c.high !== null ? c.high : max;
    s.appendChild(svg("rect", { x: x(lo), y: y + 3, width: Math.max(3, x(hi) - x(lo)), height: rowH - 8,
      fill: colours.get(c.claimant_key), opacity: c.low === null || c.high === null ? 0.45 : 0.9 }));
    s.appendChild(svgText({ x: Math.min(x(hi) + 4, w - 136), y: y + 14, class: "c-value" }, figureText(c)));
  });
  return s;
}

function seriesChart(figures, colours) {
  // a claimant's figures over time: a point (or a range) per dated figure, joined in date order
  const dated = figures.filter((f) => f.date && (f.low !== null || f.high !== null))
    .sort((a, b) => a.date.localeCompare(b.date));
  if (dated.length < 2) return null;
  const t = (f) => Date.parse(f.date.slice(0, 10));
  const t0 = t(dated[0]);
  const t1 = Math.max(t(dated[dated.length - 1]), t0 + 86_400_000);
  const top = Math.max(1, ...dated.flatMap((f) => [f.low, f.high]).filter((v) => v !== null)) * 1.15;
  const w = 520;
  const hgt = 160;
  const pad = { l: 76, r: 44, t: 16, b: 28 }; // room for the axis labels and the last date
  const x = (f) => pad.l + ((w - pad.l - pad.r) * (t(f) - t0)) / (t1 - t0);
  const y = (v) => hgt - pad.b - ((hgt - pad.t - pad.b) * v) / top;
  const val = (f) => (f.high !== null ? (f.low !== null ? (f.low + f.high) / 2 : f.high) : f.low);
  const s = svg("svg", { viewBox: `0 0 ${w} ${hgt}`, class: "series-chart", role: "img",
    "aria-label": `Figures over time: ${dated.map((f) => `${f.date} ${fmtRange(f.low, f.high)}`).join(", ")}` });
  s.appendChild(svg("line", { x1: pad.l - 20, y1: y(0), x2: w - pad.r, y2: y(0), class: "axis" }));
  s.appendChild(svg("line", { x1: pad.l - 20, y1: pad.t, x2: pad.l - 20, y2: y(0), class: "axis" }));
  s.appendChild(svgText({ x: pad.l - 26, y: y(0) + 4, "text-anchor": "end", class: "c-label" }, "0"));
  s.appendChild(svgText({ x: pad.l - 26, y: y(top / 1.15) + 4, "text-anchor": "end", class: "c-label" }, fmtNumber(Math.round(top / 1.15))));
  s.appendChild(svg("polyline", { points: dated.map((f) => `${x(f)},${y(val(f))}`).join(" "), class: "series-line",
    stroke: colours.get(dated[0].claimant_key) }));
  dated.forEach((f) => {
    if (f.low !== null && f.high !== null && f.low !== f.high) {
      s.appendChild(svg("line", { x1: x(f), y1: y(f.low), x2: x(f), y2: y(f.high), class: "series-range",
        stroke: colours.get(f.claimant_key) }));
    }
    s.appendChild(svg("circle", { cx: x(f), cy: y(val(f)), r: 4, fill: colours.get(f.claimant_key), class: "series-point" }));
    s.appendChild(svgText({ x: x(f), y: y(val(f)) - 8, "text-anchor": "middle", class: "c-value" }, fmtRange(f.low, f.high)));
    s.appendChild(svgText({ x: x(f), y: hgt - 8, "text-anchor": "middle", class: "c-label" }, f.date.slice(0, 10)));
  });
  return s;
}
