// Documents: full-text search, and one article with every fact highlighted where it was read.
import { getJSON } from "./api.js";
import { clear, fmtRange, h, label, placeName } from "./dom.js";
import { evidenceBlock } from "./evidence.js";
import { copiesPanel, copyBadge, membership, resetGroups } from "./groups.js";
import { outletOf, uriLink } from "./source.js";
import { rememberFact } from "./urlstate.js";

let nextCursor = null;
let lastParams = {};

export async function searchDocuments(params, listEl, moreBtn, append = false) {
  lastParams = params;
  if (!append) resetGroups(); // a new search also picks up groups changed by documents added since
  const data = await getJSON("documents", { ...params, limit: 50, cursor: append ? nextCursor : null });
  if (!append) clear(listEl);
  if (!data) return;
  const cards = data.items.map(docCard);
  listEl.append(...cards);
  if (!append && !data.items.length) listEl.appendChild(h("li", { class: "muted" }, "No documents match."));
  nextCursor = data.next_cursor;
  moreBtn.hidden = !nextCursor;
  const groups = await membership(data.items.map((d) => d.id));
  data.items.forEach((d, i) => {
    const entry = groups.get(d.id);
    if (entry) cards[i].querySelector(".chips").prepend(copyBadge(entry));
  });
}

export function moreDocuments(listEl, moreBtn) {
  return searchDocuments(lastParams, listEl, moreBtn, true);
}

function flagChips(f) {
  const out = [];
  if (f.homoglyphs_folded) out.push(`${f.homoglyphs_folded} lookalike letters`);
  if (f.spam_spans && f.spam_spans.length) out.push(`${f.spam_spans.length} spam`);
  if (f.boilerplate_chars) out.push(`${f.boilerplate_chars} boilerplate chars`);
  if (f.gaps && f.gaps.length) out.push(`${f.gaps.length} gaps`);
  if (f.truncated) out.push("truncated");
  if (f.decoding) out.push(`decoded as ${f.decoding}`);
  return out.map((t) => h("span", { class: "badge" }, t));
}

const LOW_RELEVANCE = "the relevance gate found no conflict news in it: text, provenance and places only, "
  + "no movements, claims or quotes (sitrep reprocess analyses it in full)";

function relevanceBadge(d) {
  // a document the relevance gate passed by was not analysed in full: say so, or its lack of facts misleads
  return d.relevance === "low"
    ? h("span", { class: "badge relevance-low", title: LOW_RELEVANCE }, "low relevance: not analysed")
    : null;
}

function docCard(d) {
  return h("li", { class: "doc-card", dataset: { doc: d.id, relevance: d.relevance } },
    h("a", { href: `#/doc/${encodeURIComponent(d.id)}`, class: "doc-title" }, d.title || d.name),
    h("div", { class: "meta" }, [d.publisher, d.published, `${d.n_facts} facts`, `integrity ${Number(d.integrity).toFixed(2)}`]
      .filter(Boolean).join(" · ")),
    h("div", { class: "chips" }, relevanceBadge(d), flagChips(d.flags || {})),
    snippet(d));
}

function snippet(d) {
  // the passage a search matched, its searched words marked (offsets from the server)
  const text = d.snippet || "";
  const parts = [];
  let at = 0;
  for (const [a, b] of d.highlights || []) {
    if (a < at || b > text.length) continue;
    parts.push(text.slice(at, a), h("mark", {}, text.slice(a, b)));
    at = b;
  }
  parts.push(text.slice(at));
  return h("p", { class: "snippet" }, d.snippet_start > 0 ? "… " : "", parts);
}

const FACT_KINDS = [["movements", "movement"], ["claims", "claim"], ["quotes", "quote"], ["places", "place"]];

function describe(kind, f) {
  if (kind === "movement") {
    return `${f.actor || "?"} ${label(f.status)} ${placeName(f.destination || f.location || f.origin)}` +
      (f.equipment && f.equipment.length ? ` (${f.equipment.map(label).join(", ")})` : "");
  }
  if (kind === "claim") return `${f.claimant || "outlet"}: ${label(f.metric)} ${fmtRange(f.low, f.high)}${f.subject ? " — " + f.subject : ""}`;
  if (kind === "quote") return `${f.speaker || "?"}: “${f.text}”`;
  return `${f.mention}${f.name && f.name !== f.mention ? " → " + f.name : ""}${f.lat !== null ? ` (${f.lat.toFixed(2)}, ${f.lon.toFixed(2)})` : ""}`;
}

function marksFor(doc, mode, extra = []) {
  // spans to paint over the shown text: facts, and in raw mode what cleaning removed or folded
  const marks = [];
  FACT_KINDS.forEach(([plural, kind]) => doc[plural].forEach((f, i) => {
    const span = mode === "raw" ? f.evidence : f.clean;
    if (span && span.end > span.start) marks.push({ start: span.start, end: span.end, cls: "m-" + kind, id: `${kind}-${i}`, title: describe(kind, f) });
  }));
  if (mode === "raw") {
    for (const r of doc.changes.removed) marks.push({ start: r.start, end: r.end, cls: "c-" + r.reason, title: `removed by cleaning: ${r.reason}` });
    for (const r of doc.changes.folded_spans) marks.push({ start: r.start, end: r.end, cls: "c-folded", title: `lookalike letter ${r.raw} read as ${r.clean}` });
    marks.push(...extra);
  }
  return marks;
}

function paint(text, marks) {
  // cut the text at every mark border; each piece carries the classes of the marks over it
  const cuts = new Set([0, text.length]);
  for (const m of marks) { cuts.add(Math.max(0, Math.min(text.length, m.start))); cuts.add(Math.max(0, Math.min(text.length, m.end))); }
  const pos = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < pos.length; i++) {
    const a = pos[i];
    const b = pos[i + 1];
    const over = marks.filter((m) => m.start <= a && m.end >= b);
    const piece = text.slice(a, b);
    if (!over.length) { out.push(document.createTextNode(piece)); continue; }
    const facts = over.filter((m) => m.id);
    out.push(h("span", {
      class: over.map((m) => m.cls).join(" "), title: over.map((m) => m.title).join("\n"),
      dataset: facts.length ? { fact: facts.map((m) => m.id).join(" ") } : undefined,
    }, piece));
  }
  return out;
}

function integrityPanel(doc) {
  const f = doc.flags || {};
  const ch = doc.changes;
  const items = [
    ["Integrity score", Number(doc.integrity).toFixed(2)],
    ["Lookalike letters folded", f.homoglyphs_folded || 0],
    ["Spam spans cut", (f.spam_spans || []).length],
    ["Boilerplate characters", f.boilerplate_chars || 0],
    ["Gaps (stripped links)", (f.gaps || []).length],
    ["Characters removed", ch.removed_chars],
  ];
  if (f.decoding) items.push(["Decoded with fallback", f.decoding]);
  if (f.truncated) items.push(["Truncated", "yes"]);
  const panel = h("section", { class: "integrity", "aria-label": "Integrity" }, h("h3", {}, "Integrity"),
    h("dl", {}, items.map(([k, v]) => [h("dt", {}, k), h("dd", {}, String(v))])));
  if (ch.folded.length) {
    panel.appendChild(h("h4", {}, "Folded letters"));
    panel.appendChild(h("ul", { class: "folds" }, ch.folded.slice(0, 30).map((x) =>
      h("li", {}, h("code", {}, x.raw), " → ", h("code", {}, x.clean), ` ×${x.count}`))));
  }
  if ((f.spam_spans || []).length) {
    panel.appendChild(h("h4", {}, "Spam removed"));
    panel.appendChild(h("ul", {}, f.spam_spans.map((s) => h("li", {}, h("q", {}, s.text)))));
  }
  const removed = ch.removed.filter((r) => r.reason !== "markup");
  if (removed.length) {
    panel.appendChild(h("h4", {}, `Removed (${removed.length})`));
    panel.appendChild(h("ul", { class: "removed" }, removed.slice(0, 20).map((r) =>
      h("li", {}, h("span", { class: "badge" }, r.reason), " ", r.text.slice(0, 120)))));
  }
  if (doc.errors.length) {
    panel.appendChild(h("h4", {}, "Errors and warnings"));
    panel.appendChild(h("ul", {}, doc.errors.map((e) => h("li", {}, `${e.code} (${e.step}): ${e.message}`))));
  }
  return panel;
}

function factById(doc, factId) {
  for (const [plural, kind] of FACT_KINDS) {
    const i = doc[plural].findIndex((f) => f.id === factId);
    if (i >= 0) return { kind, i, fact: doc[plural][i] };
  }
  return null;
}

function markFocus(article, kind, i) {
  // every piece of the fact's evidence is highlighted (a span crossing other marks is cut up)
  article.querySelectorAll(".focus").forEach((x) => x.classList.remove("focus"));
  const pieces = [...article.querySelectorAll(`[data-fact~="${kind}-${i}"]`)];
  pieces.forEach((x) => x.classList.add("focus"));
  if (pieces.length) pieces[0].scrollIntoView({ block: "center" });
  return pieces.length;
}

export async function showDocument(id, el, factId = null) {
  const doc = await getJSON("documents/" + encodeURIComponent(id));
  clear(el);
  if (!doc) return;
  const copies = await copiesPanel(doc.id);
  const extra = [];
  const member = copies && copies.member;
  if (member && member.credit_start !== null && member.credit_end > member.credit_start) {
    // raw-text offsets of the "via X" / "Source: X" line that names the source
    extra.push({ start: member.credit_start, end: member.credit_end, cls: "c-credit",
      title: `names its source: ${member.credits || member.credit_text}` });
  }
  // the clean text by default; the raw one (with what cleaning changed) a click away
  const target = factId ? factById(doc, factId) : null;
  let mode = target && !target.fact.clean ? "raw" : "clean";
  let focused = target;
  const article = h("div", { class: "article", tabindex: "0", "aria-label": "Article text" });
  const factPanel = h("div", { class: "fact-detail", "aria-live": "polite" });
  const render = () => {
    const text = mode === "raw" ? doc.raw_text : doc.clean_text;
    article.replaceChildren(...paint(text, marksFor(doc, mode, extra)));
    toggle.textContent = mode === "raw" ? "Show the clean text" : "Show the raw text with cleaning marks";
    if (focused) markFocus(article, focused.kind, focused.i);
  };
  const showFact = (kind, i, f) => {
    focused = { kind, i, fact: f };
    if (!markFocus(article, kind, i) && mode === "clean") { mode = "raw"; render(); }
    factPanel.replaceChildren(h("strong", {}, kind), " ", describe(kind, f), evidenceBlock(doc.id, f.evidence));
  };
  const toggle = h("button", { type: "button", onclick: () => { mode = mode === "raw" ? "clean" : "raw"; render(); } });
  const factList = h("ol", { class: "fact-list" });
  FACT_KINDS.forEach(([plural, kind]) => doc[plural].forEach((f, i) => {
    if (kind === "place") return;
    factList.appendChild(h("li", {}, h("button", { type: "button", class: `fact m-${kind}`, onclick: () => {
      showFact(kind, i, f);
      rememberFact(f.id);
    } }, h("span", { class: "k" }, kind), " ", describe(kind, f))));
  }));
  const copyOf = doc.publisher && doc.original_publisher && doc.original_publisher !== doc.publisher
    ? `republished from ${doc.original_publisher}` : null;
  const meta = [outletOf(doc), copyOf, doc.author, doc.published, doc.kind].filter(Boolean).join(" · ");
  el.append(
    h("p", {}, h("a", { href: "#/documents" }, "← all documents")),
    h("h2", { class: "doc-heading" }, doc.title || doc.name),
    h("p", { class: "meta" }, meta, doc.uri ? [" · ", h("span", { class: "uri" }, uriLink(doc.uri))] : null),
    doc.relevance === "low" ? h("p", { class: "chips" }, relevanceBadge(doc), ` ${LOW_RELEVANCE}.`) : null,
    h("div", { class: "doc-layout" },
      h("div", { class: "doc-main" },
        h("div", { class: "legend" }, h("span", { class: "m-movement" }, "movement"), h("span", { class: "m-claim" }, "claim"),
          h("span", { class: "m-quote" }, "quote"), h("span", { class: "m-place" }, "place"),
          h("span", { class: "c-boilerplate" }, "boilerplate"), h("span", { class: "c-spam" }, "spam"),
          h("span", { class: "c-folded" }, "folded letter"),
          extra.length ? h("span", { class: "c-credit" }, "source credit") : null, toggle),
        article),
      h("aside", { class: "doc-side" }, copies ? copies.panel : null, integrityPanel(doc), h("h3", {}, `Facts (${factList.children.length})`), factPanel, factList)));
  render();
  if (target) showFact(target.kind, target.i, target.fact);
}
