// Quotes: who said what, by speaker (spellings of one name as one), searchable by the words of a
// quote or a speaker's name; each quote with its evidence and a link to the article it is from.
import { getJSON } from "./api.js";
import { clear, h } from "./dom.js";
import { evidenceBlock } from "./evidence.js";
import { evidenceHref, outletOf } from "./source.js";

const PAGE = 200;
const state = { q: "", speaker: null, speakers: [], cursor: null, items: [] };
let els = null; // { speakers, list, more, title }

function byName() {
  // each spelling of a name -> its speaker entry
  const out = new Map();
  for (const s of state.speakers) for (const n of s.names) out.set(n, s);
  return out;
}

function quoteCard(item) {
  const d = item.document || {};
  const ev = item.evidence;
  // the quoted words, then the evidence: the article's text at the quote's offsets, clean (the raw
  // text a click away)
  return h("li", { class: "quote-card", dataset: { quote: item.id } },
    item.text && item.text !== ev.text ? h("p", { class: "quote-text" }, h("q", {}, item.text)) : null,
    h("span", { class: "ev-label" }, `Evidence, characters ${ev.start}–${ev.end} of the article`),
    evidenceBlock(item.doc_id, ev, true),
    h("p", { class: "source" }, [item.date || d.published || "undated", outletOf(d)].filter(Boolean).join(" · "), " · ",
      h("a", { href: evidenceHref(item.doc_id, item.id), title: "open the article at this quote" },
        d.title || d.name || item.doc_id)));
}

function render() {
  // quotes under their speaker, speakers in the order of the speaker list (most quoted first)
  clear(els.list);
  const names = byName();
  const groups = new Map();
  for (const item of state.items) {
    const s = names.get(item.speaker);
    const key = s ? s.key : `name:${item.speaker || ""}`;
    if (!groups.has(key)) groups.set(key, { speaker: s, name: s ? s.name : item.speaker || "speaker not stated", items: [] });
    groups.get(key).items.push(item);
  }
  const rank = new Map(state.speakers.map((s, i) => [s.key, i]));
  const ordered = [...groups.entries()].sort((a, b) => (rank.get(a[0]) ?? 1e9) - (rank.get(b[0]) ?? 1e9));
  for (const [key, g] of ordered) {
    const others = g.speaker ? g.speaker.names.filter((n) => n !== g.name) : [];
    els.list.appendChild(h("li", { class: "speaker-group", dataset: { key } },
      h("h3", {}, g.name, others.length ? h("span", { class: "muted" }, ` (also ${others.join(", ")})`) : "",
        h("span", { class: "muted" }, ` · ${g.items.length}`)),
      h("ol", { class: "quote-list" }, g.items.map(quoteCard))));
  }
  if (!state.items.length) els.list.appendChild(h("li", { class: "muted" }, "No quotes match."));
  els.more.hidden = !state.cursor;
  const who = state.speaker ? ` by ${state.speaker.name}` : "";
  const what = state.q ? ` matching “${state.q}”` : "";
  els.title.textContent = `Quotes${who}${what}`;
}

function params() {
  return { q: state.q || null, speaker: state.speaker ? state.speaker.names : null };
}

async function loadPage(append) {
  const data = await getJSON("quotes", { ...params(), limit: PAGE, cursor: append ? state.cursor : null });
  if (!data) return;
  state.items = append ? state.items.concat(data.items) : data.items;
  state.cursor = data.next_cursor;
  render();
}

function speakerButton(s) {
  const others = s.names.filter((n) => n !== s.name);
  return h("li", {}, h("button", { type: "button", class: "speaker", "aria-pressed": String(state.speaker?.key === s.key),
    dataset: { key: s.key }, title: others.length ? `also spelled ${others.join(", ")}` : null,
    onclick: () => chooseSpeaker(s) }, h("span", { class: "s-name" }, s.name), h("span", { class: "s-count" }, String(s.count))));
}

function renderSpeakers() {
  clear(els.speakers);
  state.speakers.forEach((s) => els.speakers.appendChild(speakerButton(s)));
  if (!state.speakers.length) els.speakers.appendChild(h("li", { class: "muted" }, "No speakers."));
}

async function loadSpeakers() {
  const all = [];
  let cursor = null;
  do { // a few pages at most: speakers are far fewer than quotes
    const data = await getJSON("quotes/speakers", { q: state.q || null, limit: 500, cursor });
    if (!data) break;
    all.push(...data.items);
    cursor = data.next_cursor;
  } while (cursor && all.length < 5000);
  state.speakers = all;
  renderSpeakers();
}

export async function chooseSpeaker(s) {
  // choosing the chosen speaker again shows every speaker
  state.speaker = state.speaker?.key === s.key ? null : s;
  els.speakers.querySelectorAll("button.speaker").forEach((b) => b.setAttribute("aria-pressed", String(b.dataset.key === state.speaker?.key)));
  await loadPage(false);
  if (window.matchMedia("(max-width: 760px)").matches) els.title.scrollIntoView({ block: "start" });
}

export async function searchQuotes(q, elements) {
  els = elements;
  state.q = (q || "").trim();
  state.speaker = null;
  await loadSpeakers();
  await loadPage(false);
}

export function moreQuotes() {
  return loadPage(true);
}
