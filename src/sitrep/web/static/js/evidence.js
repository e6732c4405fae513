// Evidence as the clean text shows it (lookalike letters folded, each folded letter marked with
// the raw one it replaced), read through the document's offset map by the API; the raw text is
// one click away. Until the clean text arrives, the raw text is shown; in long lists it is asked
// for only once the evidence scrolls into view.
import { getJSON } from "./api.js";
import { append, clear, h } from "./dom.js";

function codePoint(ch) {
  return [...ch].map((c) => "U+" + c.codePointAt(0).toString(16).toUpperCase().padStart(4, "0")).join(" ");
}

function cleanNodes(text, folded) {
  const out = [];
  let pos = 0;
  for (const f of folded) {
    if (f.start < pos) continue;
    out.push(text.slice(pos, f.start));
    out.push(h("span", { class: "folded", title: `folded from ${f.raw} (${codePoint(f.raw)})`, dataset: { raw: f.raw } },
      text.slice(f.start, f.end)));
    pos = f.end;
  }
  out.push(text.slice(pos));
  return out;
}

const views = new Map();
const pending = new Map();
let observer = null;

function cleanView(docId, ev) {
  const key = `${docId}:${ev.start}:${ev.end}`;
  if (!views.has(key)) views.set(key, getJSON(`documents/${encodeURIComponent(docId)}/evidence`, { start: ev.start, end: ev.end }));
  return views.get(key);
}

function whenVisible(el, fn) {
  if (!("IntersectionObserver" in window)) return fn();
  observer = observer || new IntersectionObserver((entries) => {
    for (const e of entries.filter((x) => x.isIntersecting)) {
      observer.unobserve(e.target);
      const run = pending.get(e.target);
      pending.delete(e.target);
      if (run) run();
    }
  }, { rootMargin: "200px" });
  pending.set(el, fn);
  observer.observe(el);
  return null;
}

export function evidenceSnippet(docId, ev, max = 160) {
  // a list line's evidence: the clean text's first `max` letters, folded letters marked
  const el = h("span", { class: "f-ev", dataset: { view: "raw" } }, ev.text.slice(0, max));
  whenVisible(el, () => cleanView(docId, ev).then((v) => {
    if (!v || !v.clean) return;
    const text = v.clean.text.slice(0, max);
    append(clear(el), cleanNodes(text, v.folded.filter((f) => f.end <= text.length)));
    el.dataset.view = "clean";
  }));
  return el;
}

export function evidenceBlock(docId, ev, lazy = false) {
  const quote = h("blockquote", { class: "evidence", dataset: { view: "raw" } }, ev.text);
  const box = h("div", { class: "evidence-box" }, quote);
  const load = () => cleanView(docId, ev).then((v) => {
    if (!v || !v.clean) return;
    const showClean = () => {
      append(clear(quote), cleanNodes(v.clean.text, v.folded));
      quote.dataset.view = "clean";
    };
    const showRaw = () => {
      append(clear(quote), [v.raw]);
      quote.dataset.view = "raw";
    };
    showClean();
    if (v.raw === v.clean.text) return;
    const note = v.folded.length ? `clean text: ${v.folded.length} lookalike letter${v.folded.length === 1 ? "" : "s"} folded` : "clean text";
    const toggle = h("button", { type: "button", class: "link raw-toggle", "aria-pressed": "false" }, "Show raw text");
    toggle.addEventListener("click", () => {
      const raw = quote.dataset.view === "clean";
      if (raw) showRaw(); else showClean();
      toggle.setAttribute("aria-pressed", String(raw));
      toggle.textContent = raw ? "Show clean text" : "Show raw text";
    });
    box.append(h("p", { class: "evidence-note" }, note, " · ", toggle));
  });
  if (lazy) whenVisible(box, load); else load();
  return box;
}
