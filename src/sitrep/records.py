"""The typed records every stage passes on: one `Document` and the facts it carries.

Annotations (sentences, entities) live in clean-text coordinates; every *fact* carries an
`Evidence` in raw-text coordinates so that `raw_text[start:end] == evidence.text` always holds.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from sitrep.offsets import OffsetMap

Kind = Literal["text", "html"]
# how much analysis a document got: "high", the full NLP and the extractors; "low", the
# relevance gate (nlp/relevance.py) found no sign of conflict news: clean text, provenance and
# gazetteer places only, to be analysed in full on demand (`sitrep reprocess`)
Relevance = Literal["high", "low"]

EQUIPMENT = (
    "troops",
    "tanks",
    "armored_vehicles",
    "artillery",
    "trucks",
    "logistics",
    "warships",
    "aircraft",
    "helicopters",
    "missiles",
    "air_defense",
)
STATUSES = ("en_route", "arrived", "deployed", "massing", "withdrawing", "transiting")
# place kinds that name an area: its centre point is no position of a force (no track is
# measured to it, no map arrow ends there)
AREA_KINDS = ("ocean", "sea", "continent", "country", "region")
METRICS = (
    "killed",
    "wounded",
    "killed_or_wounded",
    "captured",
    "missing",
    "out_of_action",
    "troops",
    "vehicles_lost",
    "tanks_lost",
    "aircraft_lost",
    "ships_lost",
    "civilians_killed",
    "evacuated",
    "displaced",
    "weapons_supplied",
    "volunteers",
    "reservists",
    "other",
)


def content_id(raw: str) -> str:
    """Stable document id: a hash of the raw text (16 hex digits)."""
    return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(slots=True)
class Evidence:
    """Where a fact was read: a span of the raw input and the text found there."""

    start: int
    end: int
    text: str

    @classmethod
    def of(cls, raw: str, start: int, end: int) -> Evidence:
        return cls(start, end, raw[start:end])


@dataclass(slots=True)
class Span:
    """A span of the clean text."""

    start: int
    end: int


@dataclass(slots=True)
class Entity:
    start: int  # clean-text coordinates
    end: int
    label: str
    text: str


@dataclass(slots=True)
class Source:
    uri: str | None = None
    title: str | None = None
    publisher: str | None = None
    original_publisher: str | None = None
    author: str | None = None
    published: str | None = None  # ISO date, or date and time
    # where each field was read, in raw-text coordinates
    evidence: dict[str, Evidence] = field(default_factory=dict)


@dataclass(slots=True)
class Flags:
    """What cleaning found and did; `integrity` is 1.0 for a clean, untouched article."""

    homoglyphs_folded: int = 0
    mojibake_repaired: int = 0  # runs of wrongly decoded UTF-8 ("donâ€™t") put right
    spam_spans: list[Evidence] = field(default_factory=list)
    boilerplate_chars: int = 0
    gaps: list[Evidence] = field(default_factory=list)
    decoding: str | None = None  # the fallback codec used, when the bytes were not UTF-8
    truncated: bool = False
    integrity: float = 1.0


@dataclass(slots=True)
class PlaceRef:
    """A place as a movement refers to it."""

    mention: str
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None


@dataclass(slots=True)
class RelativePoint:
    """A point read as "<distance> <bearing> of <this place>" ("180km north of Donetsk")."""

    evidence: Evidence  # the phrase, in raw-text coordinates
    low_km: float
    high_km: float
    bearing: str | None  # north, southeast...; None for "the outskirts of"
    lat: float
    lon: float
    subject: str | None = None  # the place the sentence puts there ("the town of Izyum")
    subject_km: float | None = None  # how far that place lies from the computed point
    note: str = ""


@dataclass(slots=True)
class Place:
    mention: str
    start: int  # raw-text coordinates
    end: int
    name: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    kind: str | None = None  # city, country, region, sea, strait, ...
    country: str | None = None  # ISO 3166 alpha-2
    resolved_by: str | None = None
    confidence: float = 0.5
    clean_start: int = 0
    clean_end: int = 0
    relative: RelativePoint | None = None  # when the text places a point relative to this one

    def ref(self) -> PlaceRef:
        return PlaceRef(self.mention, self.lat, self.lon, self.geonameid)


@dataclass(slots=True)
class Movement:
    actor: str | None
    equipment: list[str]
    status: str
    evidence: Evidence
    origin: PlaceRef | None = None
    destination: PlaceRef | None = None
    location: PlaceRef | None = None
    observed_by: str | None = None
    size: str | None = None
    date: str | None = None
    confidence: float = 0.5
    rule: str = ""


@dataclass(slots=True)
class Claim:
    claimant: str | None
    subject: str | None
    metric: str
    low: float | None
    high: float | None
    evidence: Evidence
    unit: str | None = (
        None  # the noun counted ("tanks", "helicopters"), so like is compared with like
    )
    date: str | None = None
    confidence: float = 0.5
    rule: str = ""


@dataclass(slots=True)
class Quote:
    speaker: str | None
    text: str
    evidence: Evidence
    date: str | None = None
    confidence: float = 0.5
    rule: str = ""


@dataclass(slots=True)
class ErrorRecord:
    """Why a step could not do its work on a document (see `sitrep.errors` for the codes)."""

    step: str
    code: str
    message: str


@dataclass(slots=True)
class Document:
    id: str
    raw_text: str
    name: str = ""  # the input's stem, or a name given by the reader
    kind: Kind = "text"
    source: Source = field(default_factory=Source)
    clean_text: str = ""
    offsets: OffsetMap = field(default_factory=OffsetMap)
    language: str | None = None
    relevance: Relevance = "high"
    flags: Flags = field(default_factory=Flags)
    sentences: list[Span] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    movements: list[Movement] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    errors: list[ErrorRecord] = field(default_factory=list)
    # the spaCy Doc over clean_text while the document is in a worker; never stored or sent
    nlp: Any = field(default=None, repr=False, compare=False)

    @classmethod
    def from_raw(
        cls, raw: str, *, name: str = "", kind: Kind = "text", uri: str | None = None
    ) -> Document:
        return cls(
            id=content_id(raw),
            raw_text=raw,
            name=name or content_id(raw),
            kind=kind,
            source=Source(uri=uri),
        )

    # --- the way back to the raw input ------------------------------------------------
    def raw_span(self, clean_start: int, clean_end: int) -> tuple[int, int]:
        """Raw-text span of a clean-text span."""
        if not self.offsets.pieces:
            return clean_start, clean_end
        return self.offsets.to_source(clean_start, clean_end)

    def evidence(self, clean_start: int, clean_end: int) -> Evidence:
        """Evidence in raw coordinates for a clean-text span."""
        s, e = self.raw_span(clean_start, clean_end)
        return Evidence.of(self.raw_text, s, e)

    def sentence_at(self, clean_pos: int) -> Span | None:
        for s in self.sentences:
            if s.start <= clean_pos < s.end:
                return s
        return None

    def fail(self, step: str, code: str, message: str) -> None:
        self.errors.append(ErrorRecord(step, code, message))

    @property
    def facts(self) -> list[Movement | Claim | Quote]:
        return [*self.movements, *self.claims, *self.quotes]

    # --- the JSON contract --------------------------------------------------------------
    def to_contract(self) -> dict[str, Any]:
        """The JSON object of ../shared/DESIGN.md, with a few more keys."""
        return {
            "id": self.name,
            "doc_id": self.id,
            "kind": self.kind,
            "text": self.clean_text,
            "language": self.language,
            "relevance": self.relevance,
            "source": {k: v for k, v in asdict(self.source).items()},
            "flags": asdict(self.flags),
            "places": [_place_json(p) for p in self.places],
            "movements": [asdict(m) for m in self.movements],
            "claims": [asdict(c) for c in self.claims],
            "quotes": [asdict(q) for q in self.quotes],
            "errors": [asdict(e) for e in self.errors],
        }


def _place_json(p: Place) -> dict[str, Any]:
    d = asdict(p)
    d.pop("clean_start")
    d.pop("clean_end")
    return d
