// Groups of republished copies: which document copies which, with the evidence that links them.
import { getJSON } from "./api.js";
import { h } from "./dom.js";
import { evidenceHref } from "./source.js";

const PAGE = 500;
const MAX_PAGES = 10; // beyond this, documents are looked up one by one
let index = null;

async function loadIndex() {
  const byDoc = new Map();
  let cursor = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const data = await getJSON("groups", { limit: PAGE, cursor });
    if (!data) return { byDoc, complete: false };
    for (const g of data.items) for (const m of g.members) byDoc.set(m.doc.id, { group: g, member: m });
    cursor = data.next_cursor;
    if (!cursor) return { byDoc, complete: true };
  }
  return { byDoc, complete: false };
}

export function resetGroups() {
  index = null;
}

export async function membership(docIds) {
  // doc id -> {group, member} for documents in a group of copies; the others are left out
  if (!index) index = loadIndex();
  const idx = await index;
  const missing = [...new Set(docIds)].filter((id) => !idx.byDoc.has(id));
  if (!idx.complete) {
    await Promise.all(missing.map(async (id) => {
      const data = await getJSON("groups", { doc_id: id });
      const g = data && data.items[0];
      const m = g && g.size > 1 ? g.members.find((x) => x.doc.id === id) : null;
      idx.byDoc.set(id, m ? { group: g, member: m } : null);
    }));
  }
  const out = new Map();
  for (const id of docIds) if (idx.byDoc.get(id)) out.set(id, idx.byDoc.get(id));
  return out;
}

export function docName(ref) {
  return (ref && (ref.title || ref.name || ref.id)) || "?";
}

export function memberDoc(group, docId) {
  const m = group.members.find((x) => x.doc.id === docId);
  return m ? m.doc : { id: docId, name: docId };
}

export function pct(share) {
  return share === null || share === undefined ? "" : `${Math.round(share * 100)}%`;
}

export function docLink(ref, factId = null) {
  // with a fact: the article opens at that fact's evidence
  return h("a", { href: factId ? evidenceHref(ref.id, factId) : `#/doc/${encodeURIComponent(ref.id)}` }, docName(ref));
}

export function copyBadge(entry) {
  // the short form for lists: "copy of X" on a copy, "N copies" on an original
  const { group, member } = entry;
  if (member.role === "copy") {
    return h("span", { class: "badge copies", title: `republished from ${docName(memberDoc(group, member.parent_id))}` },
      `copy of ${docName(memberDoc(group, member.parent_id))}`);
  }
  const n = group.size - 1;
  return h("span", { class: "badge copies", title: "other documents republish this one" },
    `original · ${n} ${n === 1 ? "copy" : "copies"}`);
}

function credit(member) {
  if (!member.credit_text) return null;
  return h("p", {}, "It names its source: ", h("q", { class: "credit" }, member.credit_text),
    member.credits && member.credits !== member.credit_text ? ` (${member.credits})` : "");
}

export async function copiesPanel(docId) {
  // the document's place in its group: where it was republished from, or who republished it
  const data = await getJSON("groups", { doc_id: docId });
  const group = data && data.items[0];
  if (!group || group.size < 2) return null;
  const me = group.members.find((m) => m.doc.id === docId);
  if (!me) return null;
  const panel = h("section", { class: "copies", "aria-label": "Copies" }, h("h3", {}, "Copies"));
  if (me.role === "copy") {
    const parent = memberDoc(group, me.parent_id);
    panel.append(
      h("p", { class: "republished" }, "Republished from ", docLink(parent),
        parent.publisher ? ` (${parent.publisher}${parent.published ? ", " + parent.published : ""})` : ""),
      me.share !== null ? h("p", {}, `${pct(me.share)} of this text is found there.`) : null,
      credit(me) || "");
    if (me.reasons.length) {
      panel.append(h("h4", {}, "Why that source"), h("ul", { class: "reasons" }, me.reasons.map((r) => h("li", {}, r))));
    }
    if (group.original_id !== me.parent_id) {
      panel.append(h("p", {}, "First published as ", docLink(memberDoc(group, group.original_id))));
    }
    panel.append(h("p", { class: "muted" }, "Facts read here are not counted again as corroboration."));
  } else {
    const copies = group.members.filter((m) => m.doc.id !== docId);
    panel.append(h("p", { class: "republished" }, `The original of ${copies.length} republished ${copies.length === 1 ? "copy" : "copies"}:`),
      h("ul", { class: "copy-list" }, copies.map((m) => h("li", {}, docLink(m.doc),
        m.doc.publisher ? ` (${m.doc.publisher}${m.doc.published ? ", " + m.doc.published : ""})` : "",
        m.share !== null ? ` · shares ${pct(m.share)}` : "",
        m.credit_text ? [" · ", h("q", { class: "credit" }, m.credit_text)] : "",
        m.parent_id !== docId ? [" · copied from ", docLink(memberDoc(group, m.parent_id))] : ""))));
  }
  return { panel, member: me };
}
