// The timeline: movements per day as a bar chart; choosing a day filters the map to it.
import { clear, h } from "./dom.js";

const SVG = "http://www.w3.org/2000/svg";

function svg(tag, attrs) {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

export function drawTimeline(el, days, selected, onPick) {
  clear(el);
  if (!days.length) {
    el.appendChild(h("p", { class: "muted" }, "No dated movements for these filters."));
    return;
  }
  const max = Math.max(...days.map((d) => d.count));
  const w = 600;
  const bh = 60;
  const step = w / days.length;
  const chart = svg("svg", { viewBox: `0 0 ${w} ${bh + 16}`, role: "group", "aria-label": "Movements per day", class: "tl-svg" });
  days.forEach((d, i) => {
    const hgt = Math.max(2, (d.count / max) * bh);
    const bar = svg("rect", {
      x: i * step + 1, y: bh - hgt, width: Math.max(step - 2, 2), height: hgt,
      class: d.day === selected ? "tl-bar on" : "tl-bar", tabindex: 0, role: "button",
      "aria-label": `${d.day}: ${d.count} movements`, "data-day": d.day,
    });
    const tip = svg("title", {});
    tip.textContent = `${d.day}: ${d.count}`;
    bar.appendChild(tip);
    const pick = () => onPick(d.day === selected ? null : d.day);
    bar.addEventListener("click", pick);
    bar.addEventListener("keydown", (ev) => {
      if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); pick(); }
    });
    chart.appendChild(bar);
  });
  const first = svg("text", { x: 0, y: bh + 13, class: "tl-label" });
  first.textContent = days[0].day;
  const last = svg("text", { x: w, y: bh + 13, class: "tl-label", "text-anchor": "end" });
  last.textContent = days[days.length - 1].day;
  chart.append(first, last);
  el.appendChild(chart);
  if (selected) {
    el.appendChild(h("button", { type: "button", class: "link", onclick: () => onPick(null) }, `Showing ${selected} — show all days`));
  }
}
