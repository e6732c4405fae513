"""Documents written for the map tests, with their facts set directly. Westland's: a force seen
only leaving a place, one heading toward a place the extractor also gave as its location,
aircraft setting off, two of them undated (they take the article's date). Eastland's: ships
sailing out of a port into a sea, and submarines somewhere in an ocean (areas, with no point of
their own). Neither actor is anywhere else in the test store."""

from __future__ import annotations

from sitrep.records import Document, Evidence, Movement, Place, PlaceRef
from tests.web.corpus import text_doc

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


def span(phrase: str, raw: str = RAW) -> Evidence:
    start = raw.index(phrase)
    return Evidence.of(raw, start, start + len(phrase))


def place(ref: PlaceRef, raw: str = RAW, kind: str = "city") -> Place:
    ev = span(ref.mention, raw)
    return Place(mention=ref.mention, start=ev.start, end=ev.end, name=ref.mention, lat=ref.lat,
                 lon=ref.lon, kind=kind, country="XX")


def movement(equipment: str, status: str, phrase: str, date: str | None = None,
             **where: PlaceRef) -> Movement:
    return Movement(actor="Westland", equipment=[equipment], status=status, evidence=span(phrase),
                    observed_by="regional official", date=date, confidence=0.7, rule="fixture",
                    **where)


def westland() -> Document:
    doc = text_doc(RAW, "web-fixture-westland", "Westland Herald", PUBLISHED,
                   "Westland forces on the move (map fixture)")
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


SEVASTOPOL = PlaceRef("Sevastopol", 44.6167, 33.5254)
BLACK_SEA = PlaceRef("Black Sea", 43.4, 34.0)  # as a gazetteer gives a sea: its centre
PACIFIC = PlaceRef("Pacific Ocean", 0.0, -160.0)
EASTLAND_DAY = "2025-02-11"
EAST_RAW = (
    "Eastland Courier (map fixture).\n\n"
    "Eastland frigates sailed from Sevastopol into the Black Sea on Tuesday, the navy said.\n\n"
    "Two Eastland submarines were seen in the Pacific Ocean, a fisheries patrol reported.\n"
)


def eastland() -> Document:
    doc = text_doc(EAST_RAW, "web-fixture-eastland", "Eastland Courier", EASTLAND_DAY,
                   "Eastland ships at sea (map fixture)")
    doc.places = [place(SEVASTOPOL, EAST_RAW), place(BLACK_SEA, EAST_RAW, "sea"),
                  place(PACIFIC, EAST_RAW, "ocean")]
    doc.movements = [
        Movement(actor="Eastland", equipment=["warships"], status="en_route",
                 evidence=span("Eastland frigates sailed from Sevastopol into the Black Sea",
                               EAST_RAW),
                 origin=SEVASTOPOL, destination=BLACK_SEA, observed_by="navy",
                 date=EASTLAND_DAY, confidence=0.7, rule="fixture"),
        Movement(actor="Eastland", equipment=["warships"], status="transiting",
                 evidence=span("Two Eastland submarines were seen in the Pacific Ocean", EAST_RAW),
                 location=PACIFIC, observed_by="fisheries patrol", date=EASTLAND_DAY,
                 confidence=0.6, rule="fixture"),
    ]
    return doc


def documents() -> list[Document]:
    return [westland(), eastland()]
