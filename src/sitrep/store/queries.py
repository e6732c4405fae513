"""Read queries for the API: filtered, sorted, keyset-paginated selects over the store's tables.

Every list is ordered by one sort key and the row id, so a page ends at a (key, id) pair and the
next page starts strictly after it: pages stay stable while new rows are ingested. Filters are
values, never SQL: each becomes a SQLAlchemy expression that works on SQLite and PostgreSQL.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import (
    Engine,
    Float,
    String,
    and_,
    case,
    cast,
    exists,
    func,
    literal_column,
    or_,
    select,
    text,
)
from sqlalchemy.engine import Connection
from sqlalchemy.sql import ColumnElement, Select

from sitrep.records import AREA_KINDS
from sitrep.store.paging import read_page
from sitrep.store.passages import PASSAGE_CHARS, passage, search_pattern
from sitrep.store.schema import FACT_TABLES, documents, errors

FACT_KINDS = ("movements", "claims", "quotes", "places")
DOC_FLAGS = ("homoglyphs", "spam", "boilerplate", "gaps", "truncated", "decoding", "errors")
# the document columns each fact row carries, so a list shows where a fact was read
DOC_COLUMNS = ("name", "title", "publisher", "original_publisher", "author", "published", "uri")
# the outlet a document is filed under: its own masthead, else the one its text credits
# ("Source: Al Jazeera", "via ZeroHedge"), which is all a pasted article may name
OUTLET = func.coalesce(documents.c.publisher, documents.c.original_publisher)


@dataclass(frozen=True, slots=True)
class FactFilter:
    """What a fact list is narrowed to; empty tuples and None mean no filter."""

    actor: tuple[str, ...] = ()
    equipment: tuple[str, ...] = ()
    status: tuple[str, ...] = ()
    observed_by: tuple[str, ...] = ()
    metric: tuple[str, ...] = ()
    claimant: tuple[str, ...] = ()
    subject: tuple[str, ...] = ()
    speaker: tuple[str, ...] = ()
    place_kind: tuple[str, ...] = ()
    publisher: tuple[str, ...] = ()
    doc_id: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    bbox: tuple[float, float, float, float] | None = None  # min lon, min lat, max lon, max lat
    text: str | None = None
    text_variants: tuple[str, ...] = ()  # other words for `text` (a place's other names)
    min_confidence: float | None = None
    undated: bool = False  # with a date filter, keep the facts with no date at all too


@dataclass(frozen=True, slots=True)
class DocFilter:
    text: str | None = None
    publisher: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    flags: tuple[str, ...] = ()
    max_integrity: float | None = None
    relevance: str | None = None  # "high" (analysed in full) or "low" (the gate skipped it)


@dataclass(frozen=True, slots=True)
class Page:
    """One page: the sort (a key, '-' in front for descending), its size and where it starts."""

    sort: str
    limit: int
    after: tuple[Any, str] | None = None  # (sort value, id) of the previous page's last row


# --- sort keys -----------------------------------------------------------------------------
def _date_key(table: Any) -> ColumnElement[Any]:
    # a literal '' (not a bound parameter) so the expression index below can serve the sort
    return func.coalesce(table.c.date, literal_column("''"))


def fact_sort_key(table: Any, key: str) -> ColumnElement[Any]:
    """The expression a fact list is ordered by: date or confidence."""
    if key == "date":
        return _date_key(table)
    if key == "confidence":
        return table.c.confidence
    raise ValueError(f"unknown sort key {key!r}")


def doc_sort_key(key: str) -> ColumnElement[Any]:
    if key == "published":
        return func.coalesce(documents.c.published, literal_column("''"))
    if key == "integrity":
        return documents.c.integrity
    if key == "name":
        return documents.c.name
    raise ValueError(f"unknown sort key {key!r}")


def ensure_read_indexes(engine: Engine) -> None:
    """Indexes the API's sorts need (date and confidence, with the id as tie-breaker)."""
    # written as DDL, not as Index objects, which would attach to the shared schema metadata;
    # the date expression must read exactly like `_date_key` for the planner to use it
    date_key = "(coalesce(date, ''))"
    lead = {"movements": "actor", "claims": "metric", "quotes": "speaker", "places": "kind"}
    with engine.begin() as conn:
        for name in FACT_TABLES:
            # the usual first filter of each list, then the date sort: pages read in index order
            for suffix, cols in (("sortdate", f"{date_key}, id"), ("sortconf", "confidence, id"),
                                 (f"{lead[name]}_date", f"{lead[name]}, {date_key}, id")):
                conn.exec_driver_sql(
                    f"CREATE INDEX IF NOT EXISTS ix_{name}_{suffix} ON {name} ({cols})")


def _sorted_page(conn: Connection, q: Select[Any], key: ColumnElement[Any], id_col: Any,
                 page: Page) -> tuple[list[dict[str, Any]], tuple[Any, str] | None]:
    """One page of `q` ordered by `key` then id, as dicts that carry the key as `_key`."""
    desc = page.sort.startswith("-")
    rows, nxt = read_page(conn, q.add_columns(key.label("_key")), [(key, desc), (id_col, desc)],
                          page, lambda r: (r._mapping["_key"], r._mapping["id"]))
    return [dict(r._mapping) for r in rows], nxt


# --- filters -------------------------------------------------------------------------------
def _day_after(d: date) -> str:
    return (d + timedelta(days=1)).isoformat()


def _date_conditions(col: Any, d_from: date | None, d_to: date | None) -> list[ColumnElement[bool]]:
    # dates are ISO strings, possibly with a time: compare as text against day borders; `col`
    # is the sort key (undated: ''), so an index on the sort key also serves the date range
    out: list[ColumnElement[bool]] = []
    if d_from is not None:
        out.append(col >= d_from.isoformat())
    if d_to is not None:
        out += [col < _day_after(d_to), col > literal_column("''")]
    return out


def _equipment_condition(table: Any, item: str) -> ColumnElement[bool]:
    # equipment is a JSON list of vocabulary words; its text form holds each as "word"
    return cast(table.c.equipment, String).like(f'%"{item}"%')


def fact_conditions(table: Any, f: FactFilter) -> list[ColumnElement[bool]]:
    """SQL conditions for a fact filter on one fact table (filters it has no column for: none)."""
    c = table.c
    conds: list[ColumnElement[bool]] = []
    by_column = {"actor": f.actor, "status": f.status, "observed_by": f.observed_by,
                 "metric": f.metric, "claimant": f.claimant, "subject": f.subject,
                 "speaker": f.speaker, "kind": f.place_kind}
    for col, values in by_column.items():
        if values and col in c:
            conds.append(c[col].in_(values))
    if f.equipment and "equipment" in c:
        conds.append(or_(*(_equipment_condition(table, e) for e in f.equipment)))
    if f.doc_id:
        conds.append(c.doc_id == f.doc_id)
    dated = _date_conditions(_date_key(table), f.date_from, f.date_to)
    if dated and f.undated:
        conds.append(or_(and_(*dated), table.c.date.is_(None)))
    else:
        conds += dated
    if f.bbox is not None and "lat" in c:
        w, s, e, n = f.bbox
        conds += [c.lat >= s, c.lat <= n]
        # a box across the antimeridian has west > east
        conds.append(and_(c.lon >= w, c.lon <= e) if w <= e else or_(c.lon >= w, c.lon <= e))
    if f.text:
        # a quote is also found by its clean words and its speaker's name
        cols = [c[n] for n in ("evidence", "text", "speaker") if n in c]
        conds.append(or_(*(_text_condition(col, f.text, f.text_variants) for col in cols)))
    if f.min_confidence is not None:
        conds.append(c.confidence >= f.min_confidence)
    if f.publisher:
        conds.append(OUTLET.in_(f.publisher))
    return conds


# a variant this short must begin a word: "ades" (a name of Odesa) is not found in "decades"
SHORT_VARIANT = 4


def _text_condition(col: Any, text: str, variants: tuple[str, ...]) -> ColumnElement[bool]:
    """The text, or any of its variants, anywhere in the column (case-insensitive)."""
    def like(pattern: str) -> ColumnElement[bool]:
        return col.ilike(pattern, escape="\\")

    conds = [like(f"%{_escape_like(text)}%")]
    for v in variants:
        e = _escape_like(v)
        conds += [like(f"{e}%"), like(f"% {e}%")] if len(v) <= SHORT_VARIANT else [like(f"%{e}%")]
    return or_(*conds)


def _escape_like(s: str) -> str:
    return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _fact_select(kind: str, f: FactFilter) -> tuple[Any, Select[Any]]:
    table = FACT_TABLES[kind]
    cols = [documents.c[n].label(f"doc_{n}") for n in DOC_COLUMNS]
    q = select(table, *cols).join(documents, documents.c.id == table.c.doc_id)
    conds = fact_conditions(table, f)
    return table, (q.where(*conds) if conds else q)


def fact_ids(kind: str, f: FactFilter) -> Select[Any]:
    """The ids of the facts a filter matches, as a subquery: what the lists built from facts
    (tracks from movements) are narrowed by, so they match the fact list exactly."""
    table, q = _fact_select(kind, f)
    return q.with_only_columns(table.c.id)


# --- fact lists ----------------------------------------------------------------------------
def list_facts(conn: Connection, kind: str, f: FactFilter, page: Page
               ) -> tuple[list[dict[str, Any]], tuple[Any, str] | None]:
    """One page of facts and the (key, id) to continue after, or None on the last page."""
    table, q = _fact_select(kind, f)
    key = fact_sort_key(table, page.sort.lstrip("-"))
    rows, nxt = _sorted_page(conn, q, key, table.c.id, page)
    items = [fact_json(kind, r) for r in rows]
    return (mark_areas(conn, items) if kind == "movements" else items), nxt


MOVEMENT_PLACES = ("origin", "destination", "location")


def mark_areas(conn: Connection, movements: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each place of these movements gets `area`: whether its document's gazetteer reading
    made it an area (`AREA_KINDS`: a sea, an ocean, a country...), whose point is the area's
    centre and no position of a force."""
    refs = [(m["doc_id"], ref) for m in movements for role in MOVEMENT_PLACES
            if isinstance(ref := m.get(role), dict)]
    if not refs:
        return movements
    table = FACT_TABLES["places"]
    q = (select(table.c.doc_id, table.c.mention)
         .where(table.c.doc_id.in_(sorted({d for d, _ in refs})), table.c.kind.in_(AREA_KINDS))
         .distinct())
    areas = {(r.doc_id, r.mention) for r in conn.execute(q)}
    for doc_id, ref in refs:
        ref["area"] = (doc_id, ref.get("mention")) in areas
    return movements


def count_facts(conn: Connection, kind: str, f: FactFilter) -> int:
    table = FACT_TABLES[kind]
    q = select(func.count()).select_from(table.join(documents, documents.c.id == table.c.doc_id))
    conds = fact_conditions(table, f)
    return int(conn.execute(q.where(*conds) if conds else q).scalar_one())


def iter_facts(conn: Connection, kind: str, f: FactFilter, sort: str = "date",
               chunk: int = 1000) -> Iterator[dict[str, Any]]:
    """Every matching fact, page after page (for downloads)."""
    page = Page(sort, chunk)
    while True:
        items, nxt = list_facts(conn, kind, f, page)
        yield from items
        if nxt is None:
            return
        page = Page(sort, chunk, nxt)


def fact_json(kind: str, row: dict[str, Any]) -> dict[str, Any]:
    """A fact row as the API shows it: evidence as one object, the document beside it."""
    out: dict[str, Any] = {"fact": kind[:-1], "id": row["id"], "doc_id": row["doc_id"]}
    skip = {"id", "doc_id", "start", "end", "evidence", "_key"}
    for k, v in row.items():
        if k in skip or k.startswith("doc_"):
            continue
        out[k] = v
    out["evidence"] = {"start": row["start"], "end": row["end"], "text": row["evidence"]}
    out["document"] = {n: row.get(f"doc_{n}") for n in DOC_COLUMNS}
    return out


def timeline(conn: Connection, kind: str, f: FactFilter) -> list[dict[str, Any]]:
    """Facts per day (the date's first ten characters; `article`: how many of them are dated by
    their article, having no date of their own); undated facts are left out."""
    table, _ = _fact_select(kind, f)
    day = func.substr(table.c.date, 1, 10)
    by_article = func.sum(case((table.c.date_source == "article", 1), else_=0))
    q = (select(day.label("day"), func.count().label("count"), by_article.label("article"))
         .select_from(table.join(documents, documents.c.id == table.c.doc_id))
         .where(table.c.date.is_not(None), *fact_conditions(table, f))
         .group_by(day).order_by(day))
    return [{"day": r.day, "count": r.count, "article": int(r.article or 0)}
            for r in conn.execute(q)]


def facets(conn: Connection, limit: int = 100) -> dict[str, list[dict[str, Any]]]:
    """The values each filter can take, most frequent first, with their counts."""
    spec = {"actor": ("movements", "actor"), "status": ("movements", "status"),
            "observed_by": ("movements", "observed_by"), "metric": ("claims", "metric"),
            "claimant": ("claims", "claimant"), "subject": ("claims", "subject"),
            "speaker": ("quotes", "speaker"), "place_kind": ("places", "kind")}
    out: dict[str, list[dict[str, Any]]] = {}
    for facet, (kind, col_name) in spec.items():
        col = FACT_TABLES[kind].c[col_name]
        n = func.count().label("n")
        q = (select(col, n).where(col.is_not(None)).group_by(col)
             .order_by(n.desc(), col).limit(limit))
        out[facet] = [{"value": v, "count": c} for v, c in conn.execute(q)]
    pub = func.count().label("n")
    outlet = OUTLET.label("outlet")
    q = (select(outlet, pub).where(OUTLET.is_not(None))
         .group_by(OUTLET).order_by(pub.desc(), OUTLET).limit(limit))
    out["publisher"] = [{"value": v, "count": c} for v, c in conn.execute(q)]
    out["equipment"] = _equipment_facet(conn)
    return out


def _equipment_facet(conn: Connection) -> list[dict[str, Any]]:
    table = FACT_TABLES["movements"]
    n = func.count().label("n")
    counts: Counter[str] = Counter()
    as_text = cast(table.c.equipment, String)
    for eq, c in conn.execute(select(as_text, n).group_by(as_text)):
        for item in json.loads(eq) if eq else []:
            counts[item] += c
    return [{"value": v, "count": c} for v, c in counts.most_common()]


def speaker_counts(conn: Connection, f: FactFilter) -> list[tuple[str, int]]:
    """Each speaker of the quotes a filter matches, with how many of them are theirs."""
    table, q = _fact_select("quotes", f)
    n = func.count().label("n")
    q = (q.with_only_columns(table.c.speaker, n).where(table.c.speaker.is_not(None))
         .group_by(table.c.speaker))
    return [(r.speaker, int(r.n)) for r in conn.execute(q)]


def date_range(conn: Connection, kind: str) -> tuple[str | None, str | None]:
    table = FACT_TABLES[kind]
    lo, hi = conn.execute(select(func.min(table.c.date), func.max(table.c.date))).one()
    return lo, hi


def claims_ledger(conn: Connection, f: FactFilter, max_groups: int = 50,
                  max_figures: int = 200) -> list[dict[str, Any]]:
    """Claims grouped by (metric, subject): every figure by claimant and date, side by side."""
    table, q = _fact_select("claims", f)
    q = q.order_by(table.c.metric, table.c.subject, _date_key(table), table.c.id).limit(20_000)
    groups: dict[tuple[str, str | None], list[dict[str, Any]]] = {}
    for row in conn.execute(q).mappings():
        figures = groups.setdefault((row["metric"], row["subject"]), [])
        if len(figures) < max_figures:
            figures.append(fact_json("claims", dict(row)))
    out = []
    for (metric, subject), figures in groups.items():
        claimants = sorted({c["claimant"] or "" for c in figures})
        out.append({"metric": metric, "subject": subject, "figures": figures,
                    "claimants": claimants, "disagree": figures_disagree(figures)})
    out.sort(key=lambda g: (-len(g["claimants"]), -len(g["figures"]), g["metric"],  # type: ignore[arg-type]
                            g["subject"] or ""))
    return out[:max_groups]


def figures_disagree(figures: list[dict[str, Any]]) -> bool:
    """Whether two claimants give ranges for the same quantity that cannot both be true."""
    ranges: dict[str, tuple[float, float]] = {}
    for c in figures:
        lo = c["low"] if c["low"] is not None else float("-inf")
        hi = c["high"] if c["high"] is not None else float("inf")
        who = c["claimant"] or ""
        ranges.setdefault(who, (lo, hi))
    items = list(ranges.values())
    return any(a[1] < b[0] or b[1] < a[0] for i, a in enumerate(items) for b in items[i + 1:])


# --- documents -----------------------------------------------------------------------------
def _fts_ids(conn: Connection, text_query: str) -> Any:
    """Ids and a relevance (lower is better) of documents matching a full-text query, or None."""
    terms = [t for t in text_query.split() if t.strip('"')]
    if not terms:
        return None
    if conn.dialect.name == "sqlite":
        # each word quoted: the user's text is searched for, never parsed as FTS5 syntax
        match = " ".join('"' + t.replace('"', '""') + '"' for t in terms)
        return (text("SELECT id, bm25(documents_fts) AS rank FROM documents_fts "
                     "WHERE documents_fts MATCH :m").bindparams(m=match)
                .columns(id=String, rank=Float))
    vec = func.to_tsvector("english", func.coalesce(documents.c.title, "") + " "
                           + documents.c.clean_text)
    tsq = func.plainto_tsquery("english", " ".join(terms))
    return select(documents.c.id.label("id"), (-func.ts_rank(vec, tsq)).label("rank")).where(
        vec.op("@@")(tsq))


def _flag_condition(conn: Connection, flag: str) -> ColumnElement[bool]:
    fl = documents.c.flags
    if flag == "homoglyphs":
        return fl["homoglyphs_folded"].as_integer() > 0
    if flag == "boilerplate":
        return fl["boilerplate_chars"].as_integer() > 0
    if flag == "truncated":
        return fl["truncated"].as_boolean().is_(True)
    if flag == "decoding":
        return fl["decoding"].as_string().is_not(None)
    if flag == "errors":
        return exists().where(errors.c.doc_id == documents.c.id)
    key = {"spam": "spam_spans", "gaps": "gaps"}[flag]
    if conn.dialect.name == "postgresql":
        return func.json_array_length(fl.op("->")(key)) > 0
    return func.json_array_length(fl, f"$.{key}") > 0


def doc_conditions(conn: Connection, f: DocFilter) -> list[ColumnElement[bool]]:
    conds: list[ColumnElement[bool]] = []
    if f.publisher:
        conds.append(OUTLET.in_(f.publisher))
    conds += _date_conditions(doc_sort_key("published"), f.date_from, f.date_to)
    conds += [_flag_condition(conn, fl) for fl in f.flags]
    if f.max_integrity is not None:
        conds.append(documents.c.integrity <= f.max_integrity)
    if f.relevance:
        conds.append(doc_relevance() == f.relevance)
    return conds


_DOC_LIST_COLUMNS = ("id", "name", "kind", "uri", "title", "publisher", "original_publisher",
                     "author", "published", "language", "integrity", "n_facts", "flags",
                     "ingested_at")


def doc_relevance() -> ColumnElement[Any]:
    """A document's relevance; one stored before the relevance gate existed was analysed in
    full ("high")."""
    return func.coalesce(documents.c.relevance, literal_column("'high'"))


def list_documents(conn: Connection, f: DocFilter, page: Page
                   ) -> tuple[list[dict[str, Any]], tuple[Any, str] | None]:
    """One page of documents (without their texts) and where the next page starts."""
    cols = [*(documents.c[n] for n in _DOC_LIST_COLUMNS), doc_relevance().label("relevance")]
    # with a search, the passage that matched is cut from the whole text as each row arrives
    text_col = documents.c.clean_text if f.text else func.substr(documents.c.clean_text, 1,
                                                                 PASSAGE_CHARS)
    q = select(*cols, text_col.label("snippet"))
    fts = _fts_ids(conn, f.text) if f.text else None
    if f.text and fts is None:
        return [], None
    if fts is not None:
        sub = fts.subquery("m")
        q = q.join(sub, sub.c.id == documents.c.id)
        rank = sub.c.rank
    conds = doc_conditions(conn, f)
    if conds:
        q = q.where(*conds)
    key_name = page.sort.lstrip("-")
    key = rank if key_name == "relevance" and fts is not None else doc_sort_key(key_name)
    rows, nxt = _sorted_page(conn, q, key, documents.c.id, page)
    pattern = search_pattern(f.text) if f.text else None
    rows = [with_passage(r, pattern) for r in rows]
    for r in rows:
        r.pop("_key")
    return rows, nxt


def with_passage(row: dict[str, Any], pattern: re.Pattern[str] | None) -> dict[str, Any]:
    """A document row whose `snippet` is the passage a search matched: `snippet_start` (where
    it begins in the clean text) and `highlights` (the searched words, offsets in the snippet)."""
    p = passage(row["snippet"] or "", pattern)
    row.update(snippet=p.text, snippet_start=p.start, highlights=[list(m) for m in p.marks])
    return row


def count_documents(conn: Connection, f: DocFilter) -> int:
    q = select(func.count()).select_from(documents)
    if f.text:
        fts = _fts_ids(conn, f.text)
        if fts is None:
            return 0
        sub = fts.subquery("m")
        q = q.join(sub, sub.c.id == documents.c.id)
    conds = doc_conditions(conn, f)
    return int(conn.execute(q.where(*conds) if conds else q).scalar_one())


def get_document(conn: Connection, doc_id: str) -> dict[str, Any] | None:
    """A document with its texts, offset map and every fact and error it carries."""
    row = conn.execute(select(documents).where(documents.c.id == doc_id)).mappings().first()
    if row is None:
        return None
    doc = dict(row)
    doc["relevance"] = doc["relevance"] or "high"
    for kind, table in FACT_TABLES.items():
        q = select(table).where(table.c.doc_id == doc_id).order_by(table.c.start, table.c.id)
        doc[kind] = [fact_json(kind, dict(r)) for r in conn.execute(q).mappings()]
    mark_areas(conn, doc["movements"])
    q = select(errors.c.step, errors.c.code, errors.c.message).where(errors.c.doc_id == doc_id)
    doc["errors"] = [dict(r) for r in conn.execute(q).mappings()]
    return doc


def document_texts(conn: Connection, doc_id: str) -> dict[str, Any] | None:
    """A document's raw and clean texts and the offset map between them."""
    q = select(documents.c.id, documents.c.raw_text, documents.c.clean_text,
               documents.c.offsets).where(documents.c.id == doc_id)
    row = conn.execute(q).mappings().first()
    return dict(row) if row else None


def document_by_name(conn: Connection, name: str) -> str | None:
    """The id of a document by its name (the input's stem), the newest when several share it."""
    q = (select(documents.c.id).where(documents.c.name == name)
         .order_by(documents.c.ingested_at.desc()).limit(1))
    return conn.execute(q).scalar_one_or_none()


def counts(conn: Connection) -> dict[str, int]:
    tables = {"documents": documents, **FACT_TABLES}
    return {n: int(conn.execute(select(func.count()).select_from(t)).scalar_one())
            for n, t in tables.items()}
