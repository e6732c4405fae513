// Where a fact came from: the outlet the pipeline found (the masthead, else the original a copy
// credits), the original of a republished copy, author, date, a real link to a web address, and
// a link that opens the article at the fact's evidence.
import { h } from "./dom.js";

export function outletOf(doc) {
  return (doc && (doc.publisher || doc.original_publisher)) || null;
}

export function isWebAddress(uri) {
  return /^https?:\/\/[^\s]+$/i.test(uri || "");
}

export function evidenceHref(docId, factId) {
  return `#/doc/${encodeURIComponent(docId)}?fact=${encodeURIComponent(factId)}`;
}

export function uriLink(uri) {
  if (isWebAddress(uri)) {
    return h("a", { href: uri, class: "ext-link", target: "_blank", rel: "noopener noreferrer" }, uri);
  }
  return h("span", { title: "read from a local file: no web address" }, uri);
}

export function sourceBlock(fact) {
  const d = fact.document || {};
  const outlet = outletOf(d);
  const copyOf = d.publisher && d.original_publisher && d.original_publisher !== d.publisher ? d.original_publisher : null;
  const row = (term, value, cls) => [h("dt", {}, term), h("dd", { class: cls }, value)];
  return h("section", { class: "source", "aria-label": "Source" },
    h("dl", { class: "provenance" },
      row("Source", outlet || "no outlet named", "outlet"),
      copyOf ? row("Original", `republished from ${copyOf}`, "original") : null,
      d.author ? row("Author", d.author, "author") : null,
      row("Published", d.published || "no date found", "published"),
      row("Article", d.title || d.name || fact.doc_id, "title"),
      d.uri ? row("Address", uriLink(d.uri), "uri") : null),
    h("a", { class: "open-evidence", href: evidenceHref(fact.doc_id, fact.id) },
      "Source: open the article at this evidence"));
}
