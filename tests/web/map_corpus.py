"""A document written for the map tests, with its facts set directly: a force seen only leaving
a place, one heading toward a place the extractor also gave as its location, aircraft setting
off, two of them undated (they take the article's date). The actor, Westland, is nowhere else
in the test store."""

from __future__ import annotations

from sitrep.offsets import OffsetMap
from sitrep.records import Document, Evidence, Movement, Place, PlaceRef

CHERNIHIV = PlaceRef("Chernihiv", 51.5055, 31.2849)
IZYUM = PlaceRef("Izyum", 49.2070, 37.2768)
KURSK = PlaceRef("Kursk", 51.7373, 36.1874)
PUBLISHED = "2025-03-04"
HEADING_DAY = "2025-03-07"

RAW = (
    "Westland Herald (map fixture).\n\n"
    "Westland troops were withdrawing from Chernihiv along the northern road, a regional "
    "official said.\n\n"
    "A column of Westland tanks was heading toward Izyum on Friday, residents said.\n\n"
    "Westland helicopters set off from Kursk at first light, the border guard said.\n"
)


def span(phrase: str) -> Evidence:
    start = RAW.index(phrase)
    return Evidence.of(RAW, start, start + len(phrase))


def place(ref: PlaceRef) -> Place:
    ev = span(ref.mention)
    return Place(mention=ref.mention, start=ev.start, end=ev.end, name=ref.mention, lat=ref.lat,
                 lon=ref.lon, kind="city", country="XX")


def movement(equipment: str, status: str, phrase: str, date: str | None = None,
             **where: PlaceRef) -> Movement:
    return Movement(actor="Westland", equipment=[equipment], status=status, evidence=span(phrase),
                    observed_by="regional official", date=date, confidence=0.7, rule="fixture",
                    **where)


def westland() -> Document:
    doc = Document.from_raw(RAW, name="web-fixture-westland")
    doc.clean_text = RAW
    doc.offsets = OffsetMap.identity(len(RAW))
    doc.language = "en"
    doc.source.publisher = "Westland Herald"
    doc.source.published = PUBLISHED
    doc.source.title = "Westland forces on the move (map fixture)"
    doc.places = [place(p) for p in (CHERNIHIV, IZYUM, KURSK)]
    doc.movements = [
        movement("troops", "withdrawing", "Westland troops were withdrawing from Chernihiv",
                 origin=CHERNIHIV),
        # as the extractor records "heading toward": the destination again as the location
        movement("tanks", "en_route", "A column of Westland tanks was heading toward Izyum",
                 HEADING_DAY, destination=IZYUM, location=IZYUM),
        movement("helicopters", "en_route", "Westland helicopters set off from Kursk",
                 origin=KURSK),
    ]
    return doc


def documents() -> list[Document]:
    return [westland()]
