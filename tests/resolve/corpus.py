"""A small corpus written for these tests: one article, its republished copies, other reports.

Documents are built as `sitrep.records.Document`s with their facts set directly, the way the
pipeline would leave them, so that the resolve stage is tested on its own.
"""

from __future__ import annotations

from sitrep.records import Claim, Document, Evidence, Flags, Movement, PlaceRef, Source

BODY = (
    "A Russian mechanised column of roughly sixty vehicles, among them tanks and self-propelled "
    "guns, was filmed on Tuesday driving west from Horlivka toward Bakhmut, the regional "
    "military administration said.\n\n"
    "Lieutenant Ivan Sorokin, who speaks for the administration, said reconnaissance drones had "
    "followed the column along the highway for most of the afternoon. \"They are moving in open "
    "country and in broad daylight, which suggests they want us to see them,\" Sorokin said.\n\n"
    "The administration added that engineering units had been building pontoon crossings over "
    "the canal north of the town, work it described as preparation for a new assault.\n\n"
    "Kyiv says 9,400 enemy soldiers have died in the sector since the spring, while western "
    "officials put the figure at up to 4,000. Moscow has admitted 350 casualties there.\n\n"
    "\"Every season they come back to the same fields and every season the fields stay ours,\" "
    "said Maryna Kovalchuk, a volunteer medic who has worked near the canal for two years."
)
BAKHMUT = PlaceRef("Bakhmut", 48.5956, 38.0003, 712165)
HORLIVKA = PlaceRef("Horlivka", 48.3336, 38.0925, 708552)
# lookalike letters a spinner swaps in: Cyrillic a, e, o, i and Greek omicron
LOOKALIKES = {"a": "\u0430", "e": "\u0435", "o": "\u03bf", "i": "\u0456"}


def spin(text: str, every: int = 4) -> str:
    """Swap one letter of every few words for a lookalike, as spun copies do."""
    out = []
    for n, word in enumerate(text.split(" ")):
        if n % every == 0:
            for latin, fake in LOOKALIKES.items():
                if latin in word:
                    word = word.replace(latin, fake, 1)
                    break
        out.append(word)
    return " ".join(out)


def span(raw: str, phrase: str) -> Evidence:
    start = raw.index(phrase)
    return Evidence.of(raw, start, start + len(phrase))


def column_movement(raw: str, phrase: str, confidence: float = 0.6,
                    date: str | None = None) -> Movement:
    return Movement(actor="Russian", equipment=["tanks", "artillery"], status="en_route",
                    evidence=span(raw, phrase), origin=HORLIVKA, destination=BAKHMUT,
                    observed_by="regional military administration", confidence=confidence,
                    date=date)


def losses(raw: str, text: str) -> list[Claim]:
    """The three figures of the article's fourth paragraph, as `text` spells them."""
    return [
        Claim("Kyiv", "Russian", "killed", 9400, 9400, span(raw, "9,400 enemy soldiers have died")),
        Claim("western officials", "Russian", "killed", None, 4000,
              span(raw, "put the figure at up to 4,000")),
        Claim("Moscow", "Russia", "killed_or_wounded", 350, 350, span(raw, "350 casualties")),
    ] if "9,400" in text else []


def make_doc(raw: str, clean: str, *, name: str, publisher: str | None,
             published: str | None, original_publisher: str | None = None,
             credit_line: str | None = None, flags: Flags | None = None) -> Document:
    doc = Document.from_raw(raw, name=name)
    doc.clean_text = clean
    doc.source = Source(publisher=publisher, published=published,
                        original_publisher=original_publisher)
    if credit_line:
        doc.source.evidence["original_publisher"] = span(raw, credit_line)
    doc.flags = flags or Flags()
    return doc


def original() -> Document:
    """The article as its own outlet published it."""
    raw = ("Column heads for Bakhmut as engineers bridge the canal\n\nBy Olena Dovzhenko, "
           "Donbas Courier\nPublished 7 March 2023\n\n" + BODY + "\n\n12 comments\n")
    doc = make_doc(raw, BODY, name="original", publisher="Donbas Courier",
                   published="2023-03-07", flags=Flags(boilerplate_chars=120))
    doc.movements = [column_movement(raw, "driving west from Horlivka toward Bakhmut")]
    doc.claims = losses(raw, BODY)
    return doc


def copy_with_source_line() -> Document:
    """Republished a day later with a "Source:" credit, share buttons and related headlines."""
    body = BODY
    raw = ("Share | Tweet | Email\n\n" + body + "\n\nSource: Donbas Courier\n\nRelated:\n"
           "Five ways to keep basil alive on a windowsill\n"
           "The quiet comeback of the fountain pen\n")
    clean = body + "\n\nRelated: Five ways to keep basil alive on a windowsill"
    doc = make_doc(raw, clean, name="copy-source", publisher="Steppe Wire Digest",
                   published="2023-03-08", original_publisher="Donbas Courier",
                   credit_line="Source: Donbas Courier", flags=Flags(boilerplate_chars=310))
    doc.movements = [column_movement(raw, "driving west from Horlivka toward Bakhmut")]
    doc.claims = losses(raw, body)
    return doc


def copy_spun() -> Document:
    """Spun with lookalike letters (left unfolded in the clean text), credited "via"."""
    body = spin(BODY)
    raw = "\u2605 4.1k views\n\n" + body + "\n\nvia Donbas Courier\n"
    doc = make_doc(raw, body, name="copy-spun", publisher="Frontline Mirror",
                   published="2023-03-08", original_publisher="Donbas Courier",
                   credit_line="via Donbas Courier",
                   flags=Flags(homoglyphs_folded=0, boilerplate_chars=20))
    return doc


def copy_with_spam() -> Document:
    """No credit, a later date, a spam phrase pasted into sentences and a spam sentence."""
    body = BODY.replace("the regional military administration said.",
                        "the regional military administration Cheap Roof Repair said.")
    body = body.replace("for a new assault.", "for a new assault. If you have any questions "
                        "about how to use Cheap Roof Repair, call us on our website today.")
    raw = "Leave a comment\n\n" + body + "\n\nPosted in World | Tags: war, news\n"
    doc = make_doc(raw, body, name="copy-spam", publisher="Daily Pulse Online",
                   published="2023-03-09",
                   flags=Flags(spam_spans=[span(raw, "Cheap Roof Repair")], boilerplate_chars=60,
                               integrity=0.8))
    doc.movements = [column_movement(raw, "driving west from Horlivka toward Bakhmut",
                                     confidence=0.7)]
    return doc


def independent_report() -> Document:
    """Another outlet's own account of the same column, in its own words."""
    raw = ("Armour spotted on the road to Bakhmut\n\n"
           "Residents of villages east of Bakhmut told our correspondent on Tuesday that a long "
           "line of Russian tanks and artillery tractors had rolled past their houses heading for "
           "the town. A local official confirmed the sighting and said the vehicles stopped near "
           "the railway station in the evening. Shops in the area closed early and buses were "
           "cancelled, residents said, as families packed cars to leave for the west.\n")
    clean = raw
    doc = make_doc(raw, clean, name="independent", publisher="Kramatorsk Herald",
                   published="2023-03-07")
    near = PlaceRef("Bakhmut railway station", 48.6100, 38.0200)
    doc.movements = [Movement(actor="Russia", equipment=["tanks", "artillery"], status="en_route",
                              evidence=span(raw, "a long line of Russian tanks and artillery "
                                            "tractors had rolled past their houses heading for "
                                            "the town"),
                              destination=near, observed_by="residents", confidence=0.5)]
    return doc


def unrelated() -> Document:
    """A different story: shares no text and no movement with the others."""
    raw = ("Grain corridor ships leave Odesa\n\nThree bulk carriers loaded with wheat and maize "
           "left the port of Odesa on Monday under the grain arrangement, the port authority said, "
           "the first departures in nine days after inspections were delayed by bad weather in "
           "the Bosporus. Insurers said premiums for the route had eased slightly this month.\n")
    return make_doc(raw, raw, name="unrelated", publisher="Black Sea Trade News",
                    published="2023-03-06")
