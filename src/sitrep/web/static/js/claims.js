// The claims ledger: for one quantity (subject, metric, period), every figure by claimant and date,
// contradictions flagged, republished copies marked and not counted twice; a claimant's series.
import { getJSON } from "./api.js";
import { clear, colour, fmtNumber, fmtRange, h, label } from "./dom.js";

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

function quantityTitle(q) {
  return `${label(q.metric)} — ${q.subject || "subject not stated"}${q.period ? ` (per ${q.period})` : ""}`;
}

function claimantName(f) {
  return f.claimant || `the outlet itself${f.doc.publisher ? " (" + f.doc.publisher + ")" : ""}`;
}

function counted(q) {
  return q.figures.filter((f) => !f.copy_of);
}

export async function loadLedger(params, listEl, detailEl, onClaimant = () => {}) {
  const data = await getJSON("ledger", { ...params, limit: 500 });
  clear(listEl);
  clear(detailEl);
  if (!data) return;
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
    const btn = h("button", { type: "button", class: "group", "aria-pressed": "false", onclick: () => select(i) },
      h("span", { class: "g-title" }, quantityTitle(q)),
      h("span", { class: "g-meta" }, [plural(own.length, "figure", "figures"), plural(claimants, "claimant", "claimants"),
        copies ? `${plural(copies, "copy", "copies")} not counted` : null].filter(Boolean).join(" · ")),
      clash ? h("span", { class: "badge warn" }, `${clash} contradict${clash === 1 ? "s" : ""}`) : null);
    listEl.appendChild(h("li", {}, btn));
  });
  const select = (i) => {
    listEl.querySelectorAll("button.group").forEach((b, j) => b.setAttribute("aria-pressed", String(i === j)));
    showQuantity(data.quantities[i], detailEl, series, onClaimant);
  };
  select(0);
}

function checkCell(f, q, table) {
  if (f.copy_of) {
    const orig = q.figures.find((x) => x.claim_id === f.copy_of);
    return h("td", { class: "check" }, h("span", { class: "badge copies" }, "copy — not counted"),
      orig ? [" of ", h("a", { href: `#/doc/${encodeURIComponent(orig.doc.id)}` }, orig.doc.title || orig.doc.name)] : "");
  }
  if (!f.n_contradicts) return h("td", { class: "check muted" }, "no conflict");
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
  return h("td", { class: "check" }, btn);
}

function showQuantity(q, el, series, onClaimant) {
  clear(el);
  const own = counted(q);
  const clash = own.filter((f) => f.n_contradicts > 0).length;
  el.appendChild(h("h2", {}, quantityTitle(q)));
  if (series) {
    el.appendChild(h("p", { class: "series-note" }, `Figures given by ${series}, in time order. `,
      h("button", { type: "button", class: "link", onclick: () => onClaimant("") }, "Show every claimant")));
  }
  if (clash) {
    el.appendChild(h("p", { class: "badge warn" },
      `${plural(clash, "figure contradicts", "figures contradict")} a figure from another claimant: they cannot all be true.`));
  }
  if (series) {
    const s = seriesChart(own);
    if (s) el.appendChild(s);
  }
  el.appendChild(chart(own));
  const table = h("table", { class: "ledger" });
  const rows = q.figures.map((f) => h("tr", { class: f.copy_of ? "copy-row" : null, dataset: { claim: f.claim_id } },
    h("td", {}, h("span", { class: "dot", style: `background:${colour(f.claimant)}` }),
      f.claimant && !series
        ? h("button", { type: "button", class: "link claimant", title: `${f.claimant}'s figures over time`,
          onclick: () => onClaimant(f.claimant) }, f.claimant)
        : claimantName(f)),
    h("td", {}, f.date || f.doc.published || "undated"),
    h("td", { class: "num" }, fmtRange(f.low, f.high)),
    h("td", {}, h("q", {}, f.evidence)),
    h("td", {}, h("a", { href: `#/doc/${encodeURIComponent(f.doc.id)}` }, f.doc.title || f.doc.name || f.doc.id)),
    checkCell(f, q, table)));
  table.append(
    h("caption", {}, "Every figure by claimant and date"),
    h("thead", {}, h("tr", {}, ["Claimant", "Date", "Figure", "Evidence", "Source", "Check"].map((c) => h("th", { scope: "col" }, c)))),
    h("tbody", {}, rows));
  el.appendChild(h("div", { class: "table-wrap" }, table));
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
  const x = (v) => left + ((w - left - 100) * v) / max; // 100: room for the value's text
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
      fill: colour(c.claimant), opacity: c.low === null || c.high === null ? 0.45 : 0.9 }));
    s.appendChild(svgText({ x: Math.min(x(hi) + 4, w - 96), y: y + 14, class: "c-value" }, fmtRange(c.low, c.high)));
  });
  return s;
}

function seriesChart(figures) {
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
    stroke: colour(dated[0].claimant) }));
  dated.forEach((f) => {
    if (f.low !== null && f.high !== null && f.low !== f.high) {
      s.appendChild(svg("line", { x1: x(f), y1: y(f.low), x2: x(f), y2: y(f.high), class: "series-range",
        stroke: colour(f.claimant) }));
    }
    s.appendChild(svg("circle", { cx: x(f), cy: y(val(f)), r: 4, fill: colour(f.claimant), class: "series-point" }));
    s.appendChild(svgText({ x: x(f), y: y(val(f)) - 8, "text-anchor": "middle", class: "c-value" }, fmtRange(f.low, f.high)));
    s.appendChild(svgText({ x: x(f), y: hgt - 8, "text-anchor": "middle", class: "c-label" }, f.date.slice(0, 10)));
  });
  return s;
}
