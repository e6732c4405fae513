// Evidence as the clean text shows it (lookalike letters folded, each folded letter marked with
// the raw one it replaced), read through the document's offset map by the API; the raw text is
// one click away. Until the clean text arrives, the raw text is shown.
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

export function evidenceBlock(docId, ev) {
  const quote = h("blockquote", { class: "evidence", dataset: { view: "raw" } }, ev.text);
  const box = h("div", { class: "evidence-box" }, quote);
  getJSON(`documents/${encodeURIComponent(docId)}/evidence`, { start: ev.start, end: ev.end }).then((v) => {
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
  return box;
}
