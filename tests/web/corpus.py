"""Documents written for the browser tests of the resolve views, with their facts set directly.

An article, a republished copy that credits it ("via ..."), an independent account of the same
convoy, and a later report of the same force further on: together they make a group of copies,
an incident with two independent sources, a track, and a claimant's series with a contradiction.
The actor, Northland, appears nowhere else in the test store. Besides, a notice with no conflict
news in it, stored as the relevance gate leaves such a text (relevance low, no facts).
"""

from __future__ import annotations

from sitrep.offsets import OffsetMap
from sitrep.records import Claim, Document, Evidence, Movement, PlaceRef

MELITOPOL = PlaceRef("Melitopol", 46.8489, 35.3653)
TOKMAK = PlaceRef("Tokmak", 47.2551, 35.7058)
HULIAIPOLE = PlaceRef("Huliaipole", 47.6620, 36.2560)

BODY = (
    "A Northland supply convoy of about thirty fuel tankers and covered trucks left Melitopol "
    "before dawn and drove north toward Tokmak, the mayor's office said on Wednesday.\n\n"
    "Drivers on the road reported that the convoy kept to the old highway and stopped twice to "
    "refuel, watched by drones from both sides, while farmers moved their cattle off the verge.\n\n"
    "The Northland defence ministry said 40 of its soldiers had been killed in the district "
    "since March. The Southland army put Northland's dead at 900 over the same weeks.\n"
)


def span(raw: str, phrase: str) -> Evidence:
    start = raw.index(phrase)
    return Evidence.of(raw, start, start + len(phrase))


def text_doc(raw: str, name: str, publisher: str, published: str, title: str) -> Document:
    doc = Document.from_raw(raw, name=name)
    doc.clean_text = raw
    doc.offsets = OffsetMap.identity(len(raw))
    doc.language = "en"
    doc.source.publisher = publisher
    doc.source.published = published
    doc.source.title = title
    return doc


def convoy(raw: str, date: str, confidence: float) -> Movement:
    return Movement(actor="Northland", equipment=["trucks", "logistics"], status="en_route",
                    evidence=span(raw, "left Melitopol before dawn and drove north toward Tokmak"),
                    origin=MELITOPOL, destination=TOKMAK, observed_by="mayor's office",
                    date=date, confidence=confidence, rule="fixture")


def losses(raw: str, date: str) -> list[Claim]:
    return [
        Claim("Northland defence ministry", "Northland", "killed", 40, 40,
              span(raw, "40 of its soldiers had been killed"), date=date, confidence=0.8,
              rule="fixture"),
        Claim("Southland army", "Northland", "killed", 900, 900,
              span(raw, "put Northland's dead at 900"), date=date, confidence=0.8,
              rule="fixture"),
    ]


def original() -> Document:
    title = "Fuel convoy heads north from Melitopol"
    raw = f"{title}\n\n{BODY}"
    doc = text_doc(raw, "web-fixture-original", "Prairie Ledger", "2024-04-03", title)
    doc.movements = [convoy(raw, "2024-04-03", 0.7)]
    doc.claims = losses(raw, "2024-04-03")
    return doc


def copy() -> Document:
    """The same article a day later under another masthead, with share buttons and a credit."""
    title = "Fuel convoy heads north from Melitopol"
    raw = f"Share | Post | Mail\n\n{title}\n\n{BODY}\nvia Prairie Ledger\n\nMore stories below\n"
    doc = text_doc(raw, "web-fixture-copy", "Wire Roundup", "2024-04-04", title)
    doc.source.original_publisher = "Prairie Ledger"
    doc.source.evidence["original_publisher"] = span(raw, "via Prairie Ledger")
    doc.movements = [convoy(raw, "2024-04-04", 0.7)]
    doc.claims = losses(raw, "2024-04-04")
    return doc


def independent() -> Document:
    """Another outlet's own account of the convoy, in its own words."""
    raw = ("Tankers on the Tokmak road\n\n"
           "Our reporter counted dozens of Northland fuel trucks entering Tokmak from the south "
           "on Wednesday morning, escorted by two armoured cars. Petrol stations in the town "
           "were closed to the public for the rest of the day.\n")
    doc = text_doc(raw, "web-fixture-independent", "Valley Times", "2024-04-03",
                   "Tankers on the Tokmak road")
    doc.movements = [Movement(
        actor="Northland", equipment=["trucks"], status="arrived",
        evidence=span(raw, "dozens of Northland fuel trucks entering Tokmak from the south"),
        destination=TOKMAK, observed_by="Valley Times", date="2024-04-03", confidence=0.6,
        rule="fixture")]
    return doc


def later() -> Document:
    """Five days on, the same force further east, and the ministry's new figure."""
    raw = ("Convoy reaches Huliaipole\n\n"
           "The Northland convoy that left Melitopol last week has reached Huliaipole, residents "
           "said on Monday. The Northland defence ministry now says 55 of its soldiers have "
           "been killed in the district.\n")
    doc = text_doc(raw, "web-fixture-later", "Valley Times", "2024-04-08",
                   "Convoy reaches Huliaipole")
    doc.movements = [Movement(
        actor="Northland", equipment=["trucks"], status="arrived",
        evidence=span(raw, "The Northland convoy that left Melitopol last week has reached "
                      "Huliaipole"),
        destination=HULIAIPOLE, observed_by="residents", date="2024-04-08", confidence=0.6,
        rule="fixture")]
    doc.claims = [Claim("Northland defence ministry", "Northland", "killed", 55, 55,
                        span(raw, "55 of its soldiers have been killed"), date="2024-04-08",
                        confidence=0.8, rule="fixture")]
    return doc


def notice() -> Document:
    raw = ("Library opening hours\n\nThe town library keeps its winter hours until the end of "
           "the month; the reading room closes at six on weekdays.\n")
    doc = text_doc(raw, "web-fixture-notice", "Valley Times", "2024-04-05",
                   "Library opening hours")
    doc.relevance = "low"
    return doc


def documents() -> list[Document]:
    return [original(), copy(), independent(), later(), notice()]
