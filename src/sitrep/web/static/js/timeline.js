// The timeline: movements per day as bars on a time axis (days without movements are gaps, dated
// ticks below); choosing a bar fills the From/To boxes with its day, choosing it again clears them.
import { clear, h } from "./dom.js";

const SVG = "http://www.w3.org/2000/svg";
const DAY_MS = 86400000;
const BAR_H = 60;
const MIN_BAR = 3; // px: a day on a long axis is thinner than this, its bar is not
const TICK_STEPS = [1, 2, 7, 14, 30.44, 91.3, 182.6, 365.25, 730.5, 1826.25, 3652.5];

function svg(tag, attrs) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

export function dayNumber(day) {
  return Math.round(Date.parse(day.slice(0, 10) + "T00:00:00Z") / DAY_MS);
}

function isoDay(n) {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

function tickDays(first, last, most) {
  // at most `most` ticks, on whole days, weeks, months or years from the first day
  const span = Math.max(last - first + 1, 1);
  const step = TICK_STEPS.find((s) => span / s <= most) || span / most;
  const out = [];
  for (let t = first; t <= last + 0.5; t += step) out.push(Math.round(t));
  return [...new Set(out)];
}

function inRange(day, chosen) {
  return !!(chosen.from || chosen.to) && (!chosen.from || day >= chosen.from) && (!chosen.to || day <= chosen.to);
}

export function drawTimeline(el, days, chosen, onPick) {
  clear(el);
  if (!days.length) {
    el.appendChild(h("p", { class: "muted" }, "No dated movements for these filters."));
    return;
  }
  const first = dayNumber(days[0].day);
  const last = dayNumber(days[days.length - 1].day);
  const span = last - first + 1;
  const W = Math.max(el.clientWidth || 600, 200); // drawn at its own size: no stretched text
  const pad = MIN_BAR;
  const dayW = (W - 2 * pad) / span;
  const x = (n) => pad + (n - first) * dayW;
  const barW = Math.min(Math.max(dayW - Math.min(2, dayW * 0.2), MIN_BAR), 24);
  const max = Math.max(...days.map((d) => d.count));
  const chart = svg("svg", { viewBox: `0 0 ${W} ${BAR_H + 18}`, role: "group", "aria-label": `Movements per day, ${days[0].day} to ${days[days.length - 1].day}`, class: "tl-svg", "data-first": days[0].day, "data-last": days[days.length - 1].day });
  chart.appendChild(svg("line", { x1: 0, x2: W, y1: BAR_H + 0.5, y2: BAR_H + 0.5, class: "axis" }));
  for (const t of tickDays(first, last, Math.max(2, Math.floor(W / 110)))) {
    const tx = x(t) + dayW / 2;
    chart.appendChild(svg("line", { x1: tx, x2: tx, y1: BAR_H, y2: BAR_H + 4, class: "axis tl-tick" }));
    const label = svg("text", { x: tx, y: BAR_H + 15, class: "tl-label", "text-anchor": tx < 40 ? "start" : tx > W - 40 ? "end" : "middle", "data-day": isoDay(t) });
    label.textContent = isoDay(t);
    chart.appendChild(label);
  }
  for (const d of days) {
    const hgt = Math.max(2, (d.count / max) * BAR_H);
    const picked = inRange(d.day, chosen);
    const article = d.article ? ` (${d.article} on their article's date)` : "";
    const bar = svg("rect", {
      x: x(dayNumber(d.day)) + (dayW - barW) / 2, y: BAR_H - hgt, width: barW, height: hgt,
      class: picked ? "tl-bar on" : "tl-bar", tabindex: 0, role: "button",
      "aria-label": `${d.day}: ${d.count} movements${article}`, "aria-pressed": String(picked), "data-day": d.day,
    });
    const tip = svg("title", {});
    tip.textContent = `${d.day}: ${d.count}${article}`;
    bar.appendChild(tip);
    const only = chosen.from === d.day && chosen.to === d.day;
    const pick = () => (only ? onPick(null, null) : onPick(d.day, d.day));
    bar.addEventListener("click", pick);
    bar.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); pick(); }
    });
    chart.appendChild(bar);
  }
  el.appendChild(chart);
  if (chosen.from || chosen.to) {
    const what = chosen.from === chosen.to ? chosen.from : `${chosen.from || "…"} – ${chosen.to || "…"}`;
    el.appendChild(h("button", { type: "button", class: "link", onclick: () => onPick(null, null) }, `Showing ${what} — show all days`));
  }
}
