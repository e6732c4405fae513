""""the region", "the island": a definite area noun where a movement goes or is seen stands for
the region or island the article names before it. Articles written for these tests."""

from __future__ import annotations

import sitrep
from sitrep.records import Movement

TRANSNISTRIA = """Moscow reinforces its garrison in Transnistria

Tensions rose in Transnistria this week after the breakaway region's leaders asked Moscow for \
protection. Transnistria lies on the east bank of the Dniester.
Russia has sent about 300 more troops to the region, a Moldovan official said on Monday.
"""

TAIWAN = """Chinese warships circle Taiwan

Taiwan's coast guard tracked Chinese ships near Taiwan for a third day on Thursday.
The defence ministry in Taipei said it had spotted 14 Chinese warships around the island.
"""


def movement_with(text: str, words: str) -> Movement:
    doc = sitrep.process(text)
    found = [m for m in doc.movements if words in m.evidence.text]
    assert len(found) == 1, [m.evidence.text for m in doc.movements]
    return found[0]


def test_the_region_is_the_region_named_before() -> None:
    m = movement_with(TRANSNISTRIA, "300 more troops")
    assert m.destination is not None and m.destination.mention == "Transnistria"


def test_the_island_is_the_island_country_named_before() -> None:
    m = movement_with(TAIWAN, "14 Chinese warships")
    where = m.location or m.destination
    assert where is not None and where.mention == "Taiwan"
